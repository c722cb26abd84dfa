/*
 * progress — what institutions reported, merged over the recommendations.
 *
 * Takes the entries report_load() read from content/progress/ (every
 * .yaml file there)
 * (r->progress, in file order) and the recommendations of
 * recommendations.yaml; sorts the entries by date (file order among the
 * same day) and lays them over the recommendations in that order: each
 * entry's actions are added, its challenges and assistance replace the
 * earlier ones, its status becomes the current status, and each status
 * given becomes a point of the recommendation's history (model.h).
 * Reports an unknown id (an error, with the nearest id), and warns of an
 * entry dated before the outcome's adoption or after the report, and of
 * a status that moves back.
 *
 * Memory: the history, the grown action lists and messages' quotes live
 * in the arena given; nothing else is kept.  Linear in the report, but
 * for the "did you mean" hints, which are looked for only for the first
 * few unknown ids (a file of thousands of wrong ids stays fast).
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

enum { S_MAX_HINTS = 50 };

int date_cmp(const struct date *a, const struct date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return (a->day > b->day) - (a->day < b->day);
}

/* not-assessed says nothing of progress: below every assessed status */
static int S_rank(enum status s)
{
	switch (s) {
	case STATUS_IMPLEMENTED:
		return 2;
	case STATUS_PARTIALLY_IMPLEMENTED:
		return 1;
	case STATUS_NOT_IMPLEMENTED:
		return 0;
	default:
		return -1;
	}
}

bool status_is_backwards(enum status from, enum status to)
{
	return S_rank(to) < S_rank(from);
}

enum status recommendation_status_at(const struct recommendation *rec,
				     const struct date *d)
{
	if (!rec->history_count)
		return rec->status;
	enum status s = rec->history[0].status;
	for (size_t i = 1; i < rec->history_count; i++) {
		if (date_cmp(&rec->history[i].date, d) > 0)
			break;
		s = rec->history[i].status;
	}
	return s;
}

static int S_rec_cmp(const void *pa, const void *pb)
{
	const struct recommendation *a = *(const struct recommendation *const *)pa;
	const struct recommendation *b = *(const struct recommendation *const *)pb;
	return strcmp(a->id, b->id);
}

static int S_key_cmp(const void *key, const void *pb)
{
	const struct recommendation *b = *(const struct recommendation *const *)pb;
	return strcmp((const char *)key, b->id);
}

static int S_entry_cmp(const void *pa, const void *pb)
{
	const struct progress *a = pa, *b = pb;
	int c = date_cmp(&a->date, &b->date);
	if (c)
		return c;
	return (a->index > b->index) - (a->index < b->index);
}

/* "; did you mean '110.23'?" or "" */
static const char *S_hint(struct arena *a, const struct report *r,
			  const char *id)
{
	struct near n = near_start(id, 3);
	for (size_t i = 0; i < r->rec_count; i++)
		near_try(&n, r->recs[i].id);
	return n.best ? arena_printf(a, "; did you mean '%s'?", n.best) : "";
}

/* Each entry's recommendation, or an error at its id. */
static void S_resolve(struct arena *a, struct report *r, struct diags *d)
{
	const struct recommendation **by_id =
		xmalloc((r->rec_count + 1) * sizeof *by_id);
	size_t n = 0;
	for (size_t i = 0; i < r->rec_count; i++)
		if (r->recs[i].id)
			by_id[n++] = &r->recs[i];
	qsort(by_id, n, sizeof *by_id, S_rec_cmp);
	size_t hints = 0;
	for (size_t i = 0; i < r->progress_count; i++) {
		struct progress *p = &r->progress[i];
		if (!p->id)
			continue;
		const struct recommendation *const *found =
			bsearch(p->id, by_id, n, sizeof *by_id, S_key_cmp);
		if (found) {
			p->rec = *found;
			continue;
		}
		/* the id may well be in the file that could not be read */
		if (r->recs_unreadable)
			continue;
		diag_error(d, p->id_pos,
			   "no recommendation has the id '%s'%s",
			   diag_quote(a, p->id),
			   hints++ < S_MAX_HINTS ? S_hint(a, r, p->id) : "");
	}
	free(by_id);
}

/* "recommendations.yaml" or "2024-06-30 (content/progress/x.yaml:3)" */
static const char *S_origin(struct arena *a, const struct status_point *pt)
{
	if (!pt->from)
		return "recommendations.yaml";
	return arena_printf(a, "%04d-%02d-%02d, %s:%d", pt->date.year,
			    pt->date.month, pt->date.day,
			    pt->from->status_pos.file,
			    pt->from->status_pos.line);
}

static void S_warn_dates(const struct report *r, struct diags *d,
			 const struct progress *p)
{
	/* a placeholder date (today's, that 'uprgen new' wrote) would
	 * blame every real date before it: the warning at 'adopted' says
	 * once that nothing is compared with it */
	if (r->adopted.present && !r->adopted_placeholder &&
	    date_cmp(&p->date, &r->adopted) < 0)
		diag_warning(d, p->date.pos,
			     "this progress entry is dated before the "
			     "outcome was adopted (%04d-%02d-%02d): check the "
			     "date",
			     r->adopted.year, r->adopted.month,
			     r->adopted.day);
	else if (r->date.present && date_cmp(&p->date, &r->date) > 0)
		diag_warning(d, p->date.pos,
			     "this progress entry is dated after the report "
			     "(%04d-%02d-%02d): it becomes the current status, "
			     "but the comparison at the report's date leaves "
			     "it out",
			     r->date.year, r->date.month, r->date.day);
}

/* Whether two texts say the same in every language they are given in. */
static bool S_same_text(const struct text *a, const struct text *b)
{
	if (a->present != b->present)
		return false;
	if (!a->present)
		return true;
	if (!a->any != !b->any || (a->any && strcmp(a->any, b->any)))
		return false;
	for (int l = 0; l < LANG_COUNT; l++)
		if (!a->by_lang[l] != !b->by_lang[l] ||
		    (a->by_lang[l] && strcmp(a->by_lang[l], b->by_lang[l])))
			return false;
	return true;
}

/* A measure given again word for word, source and all, under another
 * date: most often a date corrected and the first version left (a year
 * mistyped in a sheet, sent back); the report would show both. */
static void S_warn_repeated(const struct recommendation *rec,
			    const struct action *act, struct diags *d)
{
	for (size_t j = 0; j < rec->action_count; j++) {
		const struct action *o = &rec->actions[j];
		if (!date_cmp(&o->date, &act->date) ||
		    !S_same_text(&o->text, &act->text) ||
		    !S_same_text(&o->source, &act->source))
			continue;
		diag_warning(d, act->pos,
			     "the same measure of %s as at %s:%d:%d (%04d-%02d-"
			     "%02d), under another date: if one date "
			     "corrects the other, take the wrong one out",
			     rec->id, o->pos.file ? o->pos.file : "?",
			     o->pos.line, o->pos.column, o->date.year,
			     o->date.month,
			     o->date.day);
		return;
	}
}

/* Lays one entry over its recommendation. */
static void S_apply(struct arena *a, const struct report *r, struct diags *d,
		    struct recommendation *rec, const struct progress *p)
{
	S_warn_dates(r, d, p);
	if (p->has_status) {
		const struct status_point *last =
			&rec->history[rec->history_count - 1];
		if (status_is_backwards(last->status, p->status))
			diag_warning(d, p->status_pos,
				     "the status of %s moves back, from '%s' "
				     "(%s) to '%s'; if that is so, say why in "
				     "'challenges'",
				     rec->id, status_name(last->status),
				     S_origin(a, last), status_name(p->status));
		struct status_point *pt = &rec->history[rec->history_count++];
		pt->date = p->date;
		pt->status = p->status;
		pt->from = p;
		rec->status = p->status;
	}
	for (size_t k = 0; k < p->action_count; k++) {
		struct action act = p->actions[k];
		if (!act.date.present) {
			act.date = p->date;
			act.date.pos = act.pos;
		}
		S_warn_repeated(rec, &act, d);
		rec->actions[rec->action_count++] = act;
	}
	if (p->challenges.present)
		rec->challenges = p->challenges;
	if (p->assistance.present)
		rec->assistance = p->assistance;
}

void progress_merge(struct arena *a, struct report *r, struct diags *d)
{
	S_resolve(a, r, d);
	if (r->progress_count)
		qsort(r->progress, r->progress_count, sizeof *r->progress,
		      S_entry_cmp);
	/* room first (history points, actions), so that nothing moves */
	size_t *points = xmalloc((r->rec_count + 1) * sizeof *points);
	size_t *added = xmalloc((r->rec_count + 1) * sizeof *added);
	memset(points, 0, (r->rec_count + 1) * sizeof *points);
	memset(added, 0, (r->rec_count + 1) * sizeof *added);
	size_t total = r->rec_count;
	for (size_t i = 0; i < r->progress_count; i++) {
		const struct progress *p = &r->progress[i];
		if (!p->rec || !p->date.present)
			continue;
		points[p->rec->index] += p->has_status;
		total += p->has_status;
		added[p->rec->index] += p->action_count;
	}
	struct status_point *all = arena_alloc(a, total * sizeof *all + 1);
	for (size_t i = 0; i < r->rec_count; i++) {
		struct recommendation *rec = &r->recs[i];
		rec->status_adopted = rec->status;
		rec->history = all;
		all += 1 + points[i];
		rec->history_count = 1;
		rec->history[0].date = r->adopted;
		rec->history[0].status = rec->status;
		if (added[i]) {
			struct action *acts = arena_alloc(
				a, (rec->action_count + added[i]) *
					   sizeof *acts);
			if (rec->action_count)
				memcpy(acts, rec->actions,
				       rec->action_count * sizeof *acts);
			rec->actions = acts;
		}
	}
	free(points);
	free(added);
	for (size_t i = 0; i < r->progress_count; i++) {
		const struct progress *p = &r->progress[i];
		if (p->rec && p->date.present)
			S_apply(a, r, d, &r->recs[p->rec->index], p);
	}
}
