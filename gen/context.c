/* context — the template context: the model in one language, plus the
 * counts, groupings and formatted values a report needs. */
#include "context.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"

enum { S_MARKERS = 3 }; /* index, first, last: room kept in list items */

/* The chapters the default templates place by name (a missing one is
 * still in `chapter`, marked absent, so that the template can give a
 * default text); the others go to other_chapters. */
static const char *const S_standard_chapters[] = {
	"foreword", "introduction", "methodology", "consultation",
	"overview", "noted",	    "challenges",  "next-steps",
	NULL};

struct S_ctx {
	struct arena *a;
	const struct report *r;
	enum lang lang, first;
	const struct value *labels;
	const struct words *w;
	struct value *yes, *no, *empty, *none; /* shared: never changed */
	struct value **numbers; /* small integers, shared by every list */
	size_t number_count;
	/* "partially_supported": names as map keys and label keys spell them */
	const char *position_key[POSITION_COUNT], *status_key[STATUS_COUNT];
	struct value *position_refs[POSITION_COUNT];
	struct value *status_refs[STATUS_COUNT];
	struct value **cluster_refs; /* by cluster index */
	struct value **stat_refs;    /* by statistic index */
	struct value **recs;         /* fields of each recommendation */
	/* Matrix order: by cluster, then position, then file order.  Bucket
	 * k = cluster * POSITION_COUNT + position holds order[start[k]] up
	 * to order[start[k + 1]]; recommendations without a resolved
	 * cluster come last. */
	const struct recommendation **order;
	size_t *start;
};

/* ------------------------------------------------------------ values */

static struct value *S_num(struct S_ctx *c, size_t n)
{
	if (n >= c->number_count)
		return value_number(c->a, (double)n);
	if (!c->numbers[n])
		c->numbers[n] = value_number(c->a, (double)n);
	return c->numbers[n];
}

static struct value *S_bool(struct S_ctx *c, bool b)
{
	return b ? c->yes : c->no;
}

/* A string value that points at s (which outlives the context) without
 * copying it, but for trailing blanks: YAML block text keeps a final
 * newline, and the Markdown escaper would spell it out. */
static struct value *S_str(struct S_ctx *c, const char *s)
{
	if (!s)
		return c->empty;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' ||
		     s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (!n)
		return c->empty;
	if (s[n])
		return value_stringn(c->a, s, n);
	struct value *v = value_new(c->a, VALUE_STRING);
	v->str = s;
	v->len = n;
	v->quoted = true;
	return v;
}

static struct value *S_printf(struct S_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static struct value *S_printf(struct S_ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(c->a, fmt, ap);
	va_end(ap);
	return S_str(c, s);
}

/* a, b and d end to end: ids into addresses, anchors, labels. */
static const char *S_cat(struct S_ctx *c, const char *a, const char *b,
			 const char *d)
{
	size_t la = strlen(a), lb = strlen(b), ld = strlen(d);
	char *s = arena_alloc(c->a, la + lb + ld + 1);
	memcpy(s, a, la);
	memcpy(s + la, b, lb);
	memcpy(s + la + lb, d, ld);
	return s;
}

static struct value *S_text(struct S_ctx *c, const struct text *t)
{
	return S_str(c, words_text(c->w, c->a, t, c->first));
}

/* A Markdown field: a document of its own (document.h), placed at
 * origin, where its first line was written. */
static struct value *S_field(struct S_ctx *c, const char *s, size_t len,
			     struct source_pos origin)
{
	/* blank lines around it say nothing (and YAML block text ends
	 * with a line end); the first line stays where it was written */
	while (len && strchr(" \t\r\n", s[len - 1]))
		len--;
	for (size_t blank = 0; blank < len && strchr(" \t\r\n", s[blank]);
	     blank++)
		if (s[blank] == '\n') {
			len -= blank + 1;
			s += blank + 1;
			blank = (size_t)-1;
			if (origin.line)
				origin.line++;
			origin.column = 1;
		}
	if (!len)
		return c->empty;
	struct value *v = value_stringn(c->a, s, len);
	v->markdown = true;
	v->pos = origin;
	return v;
}

/* A Markdown field of the YAML files. */
static struct value *S_markdown(struct S_ctx *c, const struct text *t)
{
	const char *s = text_get(t, c->lang, c->first);
	if (!s || !*s)
		return c->empty;
	struct value *v = S_field(c, s, strlen(s),
				  text_origin(t, c->lang, c->first));
	v->in_section = v->markdown;
	return v;
}

/* A map with room for n entries, so that filling it never moves it. */
static struct value *S_map(struct S_ctx *c, size_t n)
{
	struct value *m = value_map(c->a);
	m->cap = n ? n : 1;
	m->entries = arena_alloc(c->a, m->cap * sizeof *m->entries);
	return m;
}

static void S_put(struct S_ctx *c, struct value *m, const char *key,
		  struct value *v)
{
	value_map_put(c->a, m, key, v);
}

/* A list with room for n items; the shared empty list when n is 0 (most
 * lists of a recommendation are empty). */
static struct value *S_list(struct S_ctx *c, size_t n)
{
	if (!n)
		return c->none;
	struct value *l = value_list(c->a);
	l->cap = n;
	l->items = arena_alloc(c->a, l->cap * sizeof *l->items);
	return l;
}

/* A list item: the entries of src (shared values), with room for
 * `extra` more entries and the list markers. */
static struct value *S_copy(struct S_ctx *c, const struct value *src,
			    size_t extra)
{
	struct value *m = S_map(c, src->count + extra + S_MARKERS);
	memcpy(m->entries, src->entries, src->count * sizeof *m->entries);
	m->count = src->count;
	return m;
}

/* Mustache has no loop variables: every list item gets its own. */
static struct value *S_mark(struct S_ctx *c, struct value *list)
{
	for (size_t i = 0; i < list->count; i++) {
		struct value *item = list->items[i];
		if (item->kind != VALUE_MAP)
			continue;
		S_put(c, item, "index", S_num(c, i + 1));
		S_put(c, item, "first", S_bool(c, i == 0));
		S_put(c, item, "last", S_bool(c, i + 1 == list->count));
	}
	return list;
}

/* ------------------------------------------------------------ labels */

static const char *S_label(const struct S_ctx *c, const char *key)
{
	return words_find(c->w, key);
}

static const char *S_word(const struct S_ctx *c, const char *prefix,
			  const char *name)
{
	return words_named(c->w, prefix, name);
}

/* {iso, text, capitalized, year, month, day}; empty text when the date
 * is absent, so that {{#date}} tests for it. */
static struct value *S_date(struct S_ctx *c, const struct date *d)
{
	if (!d->present)
		return c->empty;
	struct value *m = S_map(c, 6);
	if (d->day)
		S_put(c, m, "iso", S_printf(c, "%04d-%02d-%02d", d->year,
					   d->month, d->day));
	else if (d->month)
		S_put(c, m, "iso", S_printf(c, "%04d-%02d", d->year,
					   d->month));
	else
		S_put(c, m, "iso", S_printf(c, "%04d", d->year));
	const char *text = words_date(c->w, c->a, d);
	struct value *v = S_str(c, text);
	S_put(c, m, "text", v);
	/* dates that start with a digit are shared as they are */
	S_put(c, m, "capitalized", (unsigned char)*text >= 'a'
					   ? S_str(c, words_capitalized(c->a, text))
					   : v);
	S_put(c, m, "year", S_num(c, (size_t)d->year));
	S_put(c, m, "month", S_num(c, (size_t)d->month));
	S_put(c, m, "day", S_num(c, (size_t)d->day));
	return m;
}

/* ------------------------------------------------------------ shares */

static void S_put_done(struct S_ctx *c, struct value *m, const char *key,
		       size_t done, size_t whole, const int *pct);

static void S_put_share(struct S_ctx *c, struct value *m, size_t count,
			int pct)
{
	S_put(c, m, "count", S_num(c, count));
	S_put(c, m, "any", S_bool(c, count > 0));
	S_put(c, m, "percent", S_str(c, words_percent(c->w, c->a, pct)));
	/* in a sentence: "17 per cent" in a UN document in English */
	S_put(c, m, "percent_in_text",
	      S_str(c, words_percent_in_text(c->w, c->a, pct, c->r->form_un)));
	S_put(c, m, "percent_value", S_num(c, (size_t)pct));
}

/* --------------------------------------------------- shared small maps */

static const char *S_key(struct S_ctx *c, const char *name)
{
	char *k = arena_strdup(c->a, name);
	for (char *p = k; *p; p++)
		if (*p == '-')
			*p = '_';
	return k;
}

/* {id, label, after_colon, heading, and one flag per position:
 * supported...} */
static struct value *S_position_ref(struct S_ctx *c, enum position p)
{
	const char *id = position_name(p);
	char heading[64];
	snprintf(heading, sizeof heading, "%s-heading", id);
	struct value *m = S_map(c, 4 + POSITION_COUNT);
	S_put(c, m, "id", S_str(c, id));
	const char *label = S_word(c, "position", id);
	S_put(c, m, "label", S_str(c, label));
	S_put(c, m, "after_colon",
	      S_str(c, words_after_colon(c->w, c->a, label)));
	S_put(c, m, "heading",
	      S_str(c, S_word(c, "position", arena_strdup(c->a, heading))));
	for (int q = 0; q < POSITION_COUNT; q++)
		S_put(c, m, c->position_key[q], S_bool(c, q == (int)p));
	return m;
}

/* {id, label, after_colon, assessed, and one flag per status:
 * implemented...} */
static struct value *S_status_ref(struct S_ctx *c, enum status s)
{
	const char *id = status_name(s);
	struct value *m = S_map(c, 4 + STATUS_COUNT);
	S_put(c, m, "id", S_str(c, id));
	const char *label = S_word(c, "status", id);
	S_put(c, m, "label", S_str(c, label));
	S_put(c, m, "after_colon",
	      S_str(c, words_after_colon(c->w, c->a, label)));
	S_put(c, m, "assessed", S_bool(c, s != STATUS_NOT_ASSESSED));
	for (int q = 0; q < STATUS_COUNT; q++)
		S_put(c, m, c->status_key[q], S_bool(c, q == (int)s));
	return m;
}

/* The letter of the i-th cluster (UN sub-sections are lettered). */
static struct value *S_letter(struct S_ctx *c, size_t i)
{
	return value_string(c->a, words_letter(c->w, c->a, (long)i + 1));
}

static struct value *S_cluster_ref(struct S_ctx *c, const struct cluster *cl)
{
	struct value *m = S_map(c, 6);
	S_put(c, m, "id", S_str(c, cl->id));
	S_put(c, m, "title", S_text(c, &cl->title));
	S_put(c, m, "url", S_str(c, S_cat(c, "clusters/", cl->id, ".html")));
	S_put(c, m, "anchor", S_str(c, S_cat(c, "cluster-", cl->id, "")));
	S_put(c, m, "letter", S_letter(c, cl->index));
	/* as its sub-section's heading writes it: "A.", "ألف-" */
	S_put(c, m, "section_number",
	      value_string(c->a, words_un_number(c->w, c->a, 2,
						 (long)cl->index + 1)));
	return m;
}

static struct value *S_stat_ref(struct S_ctx *c, const struct statistic *st)
{
	struct value *m = S_map(c, 6);
	S_put(c, m, "id", S_str(c, st->id));
	S_put(c, m, "title", S_text(c, &st->title));
	S_put(c, m, "unit", S_text(c, &st->unit));
	S_put(c, m, "source", S_text(c, &st->source));
	S_put(c, m, "chart", S_str(c, chart_kind_name(st->chart)));
	S_put(c, m, "anchor", S_str(c, S_cat(c, "stat-", st->id, "")));
	return m;
}

/* ---------------------------------------------------- recommendations */

/* [{name}] and "A, B and C" from a list of texts. */
static void S_put_names(struct S_ctx *c, struct value *m, const char *key,
			const char *text_key, const struct text_list *l)
{
	struct value *list = S_list(c, l->count);
	const char **names = arena_alloc(c->a, (l->count + 1) * sizeof *names);
	for (size_t i = 0; i < l->count; i++) {
		struct value *item = S_map(c, 1 + S_MARKERS);
		struct value *name = S_text(c, &l->items[i]);
		names[i] = name->str;
		S_put(c, item, "name", name);
		value_list_push(c->a, list, item);
	}
	S_put(c, m, key, S_mark(c, list));
	S_put(c, m, text_key, S_str(c, words_join(c->w, c->a, names, l->count)));
}

static int S_strcmp_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every name one list field of the recommendations holds (the States
 * that made them, the institutions responsible), once each, in the order
 * of a list for readers (unicode_names_compare): [{name}], for the search
 * page's filters. */
static struct value *S_all_names(struct S_ctx *c, size_t field)
{
	const struct report *r = c->r;
	size_t n = 0;
	for (size_t i = 0; i < r->rec_count; i++)
		n += ((const struct text_list *)((const char *)&r->recs[i] +
						 field))->count;
	const char **names = arena_alloc(c->a, (n + 1) * sizeof *names);
	n = 0;
	for (size_t i = 0; i < r->rec_count; i++) {
		const struct text_list *l =
			(const struct text_list *)((const char *)&r->recs[i] +
						   field);
		for (size_t k = 0; k < l->count; k++) {
			const char *s = words_text(c->w, c->a, &l->items[k],
						   c->first);
			if (s && *s)
				names[n++] = s;
		}
	}
	/* once each (byte order, cheap), then the few left in the order
	 * of a list for readers (letter by letter: dearer) */
	if (n)
		qsort(names, n, sizeof *names, S_strcmp_ptr);
	size_t unique = 0;
	for (size_t i = 0; i < n; i++)
		if (!i || strcmp(names[i], names[unique - 1]))
			names[unique++] = names[i];
	if (unique)
		qsort(names, unique, sizeof *names, unicode_names_compare);
	struct value *list = S_list(c, unique);
	for (size_t i = 0; i < unique; i++) {
		struct value *item = S_map(c, 1 + S_MARKERS);
		S_put(c, item, "name", S_str(c, names[i]));
		value_list_push(c->a, list, item);
	}
	return S_mark(c, list);
}

static void S_put_sdgs(struct S_ctx *c, struct value *m,
		       const struct recommendation *rec)
{
	struct value *list = S_list(c, rec->sdg_count);
	const char **codes = arena_alloc(c->a,
					 (rec->sdg_count + 1) * sizeof *codes);
	for (size_t i = 0; i < rec->sdg_count; i++) {
		const struct sdg *g = &rec->sdgs[i];
		const char *title = words_goal(c->w, g->goal);
		struct value *item = S_map(c, 5 + S_MARKERS);
		S_put(c, item, "code", S_str(c, g->code));
		S_put(c, item, "goal", S_num(c, (size_t)g->goal));
		S_put(c, item, "target", S_str(c, g->target));
		S_put(c, item, "is_target", S_bool(c, g->target != NULL));
		S_put(c, item, "title", S_str(c, title));
		value_list_push(c->a, list, item);
		codes[i] = g->code;
	}
	S_put(c, m, "sdgs", S_mark(c, list));
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < rec->sdg_count; i++) {
		if (i)
			buf_puts(&b, c->w->separator);
		buf_puts(&b, words_ltr(c->w, c->a, codes[i]));
	}
	S_put(c, m, "sdgs_text", value_stringn(c->a, b.data ? b.data : "",
					       b.len));
	buf_free(&b);
}

static struct value *S_actions(struct S_ctx *c,
			       const struct recommendation *rec)
{
	struct value *list = S_list(c, rec->action_count);
	for (size_t i = 0; i < rec->action_count; i++) {
		const struct action *act = &rec->actions[i];
		struct value *item = S_map(c, 4 + S_MARKERS);
		S_put(c, item, "date", S_date(c, &act->date));
		char num[32];
		snprintf(num, sizeof num, "-%zu", i + 1);
		S_put(c, item, "text",
		      S_markdown(c, &act->text));
		S_put(c, item, "source", S_text(c, &act->source));
		/* ids are unique, so "a" + id + "-" + n is unique in the
		 * document as long as each recommendation is written out
		 * in full once */
		S_put(c, item, "footnote", S_str(c, S_cat(c, "a", rec->id,
							   num)));
		value_list_push(c->a, list, item);
	}
	return S_mark(c, list);
}

static struct value *S_indicators(struct S_ctx *c,
				  const struct recommendation *rec)
{
	struct value *list = S_list(c, rec->indicator_count);
	for (size_t i = 0; i < rec->indicator_count; i++) {
		const struct statistic *st = rec->indicators[i].stat;
		if (st)
			value_list_push(c->a, list,
					S_copy(c, c->stat_refs[st->index], 0));
	}
	return S_mark(c, list);
}

static struct value *S_related(struct S_ctx *c,
			       const struct recommendation *rec)
{
	struct value *list = S_list(c, rec->related_count);
	for (size_t i = 0; i < rec->related_count; i++) {
		const struct related *rel = &rec->related[i];
		struct value *item = S_map(c, 4 + S_MARKERS);
		S_put(c, item, "mechanism", S_text(c, &rel->mechanism));
		S_put(c, item, "symbol", S_text(c, &rel->symbol));
		S_put(c, item, "para", S_text(c, &rel->para));
		S_put(c, item, "text", S_text(c, &rel->text));
		value_list_push(c->a, list, item);
	}
	return S_mark(c, list);
}

enum { S_REC_FIELDS = 29 };

/* The status history: [{date, status, reported_by, changed, adoption}],
 * the first point the status at adoption. */
static struct value *S_timeline(struct S_ctx *c,
				const struct recommendation *rec)
{
	struct value *list = S_list(c, rec->history_count);
	for (size_t i = 0; i < rec->history_count; i++) {
		const struct status_point *pt = &rec->history[i];
		struct value *item = S_map(c, 5 + S_MARKERS);
		S_put(c, item, "date", S_date(c, &pt->date));
		S_put(c, item, "status", c->status_refs[pt->status]);
		S_put(c, item, "reported_by",
		      pt->from ? S_text(c, &pt->from->reported_by) : c->empty);
		S_put(c, item, "changed",
		      S_bool(c, i > 0 && pt->status != pt[-1].status));
		S_put(c, item, "adoption", S_bool(c, i == 0));
		value_list_push(c->a, list, item);
	}
	return S_mark(c, list);
}

/* The fields of one recommendation, built once; lists hold copies. */
static struct value *S_rec(struct S_ctx *c, const struct recommendation *rec)
{
	struct value *m = S_map(c, S_REC_FIELDS);
	S_put(c, m, "id", S_str(c, rec->id));
	S_put(c, m, "text", S_text(c, &rec->text));
	S_put(c, m, "url",
	      S_str(c, S_cat(c, "recommendations/", rec->id, ".html")));
	S_put(c, m, "anchor", S_str(c, S_cat(c, "rec-", rec->id, "")));
	S_put_names(c, m, "states", "states_text", &rec->states);
	S_put(c, m, "position", c->position_refs[rec->position]);
	S_put(c, m, "status", c->status_refs[rec->status]);
	S_put(c, m, "cluster", rec->cluster
				       ? c->cluster_refs[rec->cluster->index]
				       : c->empty);
	S_put_names(c, m, "themes", "themes_text", &rec->themes);
	S_put_names(c, m, "groups", "groups_text", &rec->groups);
	S_put_sdgs(c, m, rec);
	S_put_names(c, m, "responsible", "responsible_text",
		    &rec->responsible);
	S_put(c, m, "actions", S_actions(c, rec));
	S_put(c, m, "indicators", S_indicators(c, rec));
	S_put(c, m, "related", S_related(c, rec));
	/* a section that wraps a list once ("<ol>…</ol>") tests these */
	S_put(c, m, "has_actions", S_bool(c, rec->action_count > 0));
	S_put(c, m, "has_indicators", S_bool(c, rec->indicator_count > 0));
	S_put(c, m, "has_related", S_bool(c, rec->related_count > 0));
	S_put(c, m, "has_sdgs", S_bool(c, rec->sdg_count > 0));
	S_put(c, m, "challenges",
	      S_markdown(c, &rec->challenges));
	S_put(c, m, "assistance",
	      S_markdown(c, &rec->assistance));
	S_put(c, m, "timeline", S_timeline(c, rec));
	/* a history worth showing: something was reported after adoption */
	S_put(c, m, "has_timeline", S_bool(c, rec->history_count > 1));
	S_put(c, m, "status_adopted", c->status_refs[rec->status_adopted]);
	return m;
}

static struct value *S_rec_list(struct S_ctx *c,
				const struct recommendation *const *recs,
				size_t n)
{
	struct value *list = S_list(c, n);
	for (size_t i = 0; i < n; i++)
		value_list_push(c->a, list, S_copy(c, c->recs[recs[i]->index],
						   0));
	return S_mark(c, list);
}

/* The recommendations of recs in position p, in the order of recs. */
static struct value *S_rec_subset(struct S_ctx *c,
				  const struct recommendation *const *recs,
				  size_t n, enum position p)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += recs[i]->position == p;
	struct value *list = S_list(c, k);
	for (size_t i = 0; i < n; i++)
		if (recs[i]->position == p)
			value_list_push(c->a, list,
					S_copy(c, c->recs[recs[i]->index], 0));
	return S_mark(c, list);
}

/* The recommendations, in matrix order, whose field `key` is not empty
 * in this language: for the chapter that gathers the requests for
 * technical assistance. */
static struct value *S_recs_with(struct S_ctx *c, const char *key)
{
	size_t n = c->r->rec_count, k = 0;
	for (size_t i = 0; i < n; i++)
		k += value_truthy(value_map_get(c->recs[c->order[i]->index],
						key));
	struct value *list = S_list(c, k);
	for (size_t i = 0; i < n; i++) {
		const struct value *fields = c->recs[c->order[i]->index];
		if (value_truthy(value_map_get(fields, key)))
			value_list_push(c->a, list, S_copy(c, fields, 0));
	}
	return S_mark(c, list);
}

/* ------------------------------------------------------------ tallies */

struct S_tally {
	size_t count;
	size_t position[POSITION_COUNT];
	size_t status[STATUS_COUNT];
	size_t cross[STATUS_COUNT][POSITION_COUNT];
};

static void S_count(struct S_tally *t, const struct recommendation *const *recs,
		    size_t n)
{
	memset(t, 0, sizeof *t);
	t->count = n;
	for (size_t i = 0; i < n; i++) {
		t->position[recs[i]->position]++;
		t->status[recs[i]->status]++;
		t->cross[recs[i]->status][recs[i]->position]++;
	}
}

/* A status row's counts by position: [{id, label, count}]. */
static struct value *S_cross(struct S_ctx *c, const struct S_tally *t,
			     enum status s)
{
	struct value *list = S_list(c, POSITION_COUNT);
	for (int p = 0; p < POSITION_COUNT; p++) {
		struct value *item = S_map(c, 3 + S_MARKERS);
		S_put(c, item, "id", S_str(c, position_name((enum position)p)));
		S_put(c, item, "label",
		      value_map_get(c->position_refs[p], "label"));
		S_put(c, item, "count", S_num(c, t->cross[s][p]));
		value_list_push(c->a, list, item);
	}
	return S_mark(c, list);
}

/* count, positions, statuses, by_position and by_status of a set of
 * recommendations; percentages are shares of the set.  Each position
 * holds its recommendations (in recs order), for sub-headings; statuses
 * do not (each one would be another copy of every list item), templates
 * filter with a recommendation's status flags instead. */
static void S_put_tally(struct S_ctx *c, struct value *m,
			const struct recommendation *const *recs, size_t n)
{
	struct S_tally t;
	S_count(&t, recs, n);
	int ppct[POSITION_COUNT], spct[STATUS_COUNT];
	words_shares(t.position, POSITION_COUNT, n, ppct);
	words_shares(t.status, STATUS_COUNT, n, spct);
	S_put(c, m, "shares_adjusted",
	      S_bool(c, words_shares_adjusted(t.position, ppct,
					      POSITION_COUNT, n) ||
			 words_shares_adjusted(t.status, spct, STATUS_COUNT,
					       n)));
	struct value *positions = S_list(c, POSITION_COUNT);
	struct value *by_position = S_map(c, POSITION_COUNT);
	for (int p = 0; p < POSITION_COUNT; p++) {
		struct value *item = S_copy(c, c->position_refs[p], 5);
		S_put_share(c, item, t.position[p], ppct[p]);
		S_put(c, item, "recommendations",
		      S_rec_subset(c, recs, n, (enum position)p));
		value_list_push(c->a, positions, item);
		S_put(c, by_position, c->position_key[p], item);
	}
	struct value *statuses = S_list(c, STATUS_COUNT);
	struct value *by_status = S_map(c, STATUS_COUNT);
	for (int s = 0; s < STATUS_COUNT; s++) {
		struct value *item = S_copy(c, c->status_refs[s], 5);
		S_put_share(c, item, t.status[s], spct[s]);
		S_put(c, item, "positions", S_cross(c, &t, (enum status)s));
		value_list_push(c->a, statuses, item);
		S_put(c, by_status, c->status_key[s], item);
	}
	/* implemented in full or in part: the dashboard's progress, the sum
	 * of the two statuses' shares shown beside it (S_put_done) */
	size_t done = t.status[STATUS_IMPLEMENTED] +
		      t.status[STATUS_PARTIALLY_IMPLEMENTED];
	S_put_done(c, m, "done", done, n, spct);
	S_put(c, m, "count", S_num(c, n));
	/* a report (a cluster) with no recommendation yet says so instead
	 * of tables of zeros: Mustache shows a section for 0 */
	S_put(c, m, "any", S_bool(c, n > 0));
	S_put(c, m, "positions", S_mark(c, positions));
	S_put(c, m, "statuses", S_mark(c, statuses));
	S_put(c, m, "by_position", by_position);
	S_put(c, m, "by_status", by_status);
}

/* ---------------------------------------------------------- grouping */

/* Counting sort into matrix order: linear, and stable (file order kept
 * within a bucket). */
static void S_sort(struct S_ctx *c)
{
	const struct report *r = c->r;
	size_t buckets = (r->cluster_count + 1) * POSITION_COUNT;
	c->start = arena_alloc(c->a, (buckets + 1) * sizeof *c->start);
	c->order = arena_alloc(c->a, (r->rec_count + 1) * sizeof *c->order);
	size_t *key = xmalloc((r->rec_count + 1) * sizeof *key);
	for (size_t i = 0; i < r->rec_count; i++) {
		const struct recommendation *rec = &r->recs[i];
		size_t cl = rec->cluster ? rec->cluster->index
					 : r->cluster_count;
		key[i] = cl * POSITION_COUNT + rec->position;
		c->start[key[i] + 1]++;
	}
	for (size_t k = 0; k < buckets; k++)
		c->start[k + 1] += c->start[k];
	size_t *fill = xmalloc((buckets + 1) * sizeof *fill);
	memcpy(fill, c->start, (buckets + 1) * sizeof *fill);
	for (size_t i = 0; i < r->rec_count; i++)
		c->order[fill[key[i]]++] = &r->recs[i];
	free(fill);
	free(key);
}

static struct value *S_clusters(struct S_ctx *c, struct value **by_id)
{
	const struct report *r = c->r;
	size_t *counts = xmalloc((r->cluster_count + 1) * sizeof *counts);
	int *pct = xmalloc((r->cluster_count + 1) * sizeof *pct);
	for (size_t i = 0; i < r->cluster_count; i++)
		counts[i] = c->start[(i + 1) * POSITION_COUNT] -
			    c->start[i * POSITION_COUNT];
	words_shares(counts, r->cluster_count, r->rec_count, pct);
	struct value *list = S_list(c, r->cluster_count);
	*by_id = S_map(c, r->cluster_count);
	for (size_t i = 0; i < r->cluster_count; i++) {
		const struct cluster *cl = &r->clusters[i];
		const struct recommendation *const *recs =
			c->order + c->start[i * POSITION_COUNT];
		struct value *m = S_copy(c, c->cluster_refs[i], 12);
		S_put(c, m, "description",
		      S_markdown(c, &cl->description));
		S_put(c, m, "percent", S_str(c, words_percent(c->w, c->a, pct[i])));
		S_put(c, m, "percent_value", S_num(c, (size_t)pct[i]));
		S_put(c, m, "recommendations", S_rec_list(c, recs, counts[i]));
		S_put_tally(c, m, recs, counts[i]);
		value_list_push(c->a, list, m);
		S_put(c, *by_id, cl->id, m);
	}
	free(pct);
	free(counts);
	return S_mark(c, list);
}

/* The goals that recommendations name (a goal or one of its targets;
 * counted once per recommendation), each with its recommendations in the
 * order of the recommendations' page (the matrix, as listed in
 * recommendations.yaml): a goal groups recommendations of many clusters,
 * and in the clusters' order they read as shuffled; *no_goal gets those
 * that name none. */
static struct value *S_goals(struct S_ctx *c, struct value **no_goal)
{
	enum { GOALS = 18 };
	const struct report *r = c->r;
	size_t count[GOALS] = {0};
	const struct recommendation **bucket[GOALS] = {0};
	/* two passes: count, then fill lists of exactly that size */
	for (int pass = 0; pass < 2; pass++) {
		size_t fill[GOALS] = {0};
		for (size_t i = 0; i < r->rec_count; i++) {
			const struct recommendation *rec = &r->recs[i];
			bool seen[GOALS] = {false}, any = false;
			for (size_t k = 0; k < rec->sdg_count; k++) {
				int g = rec->sdgs[k].goal;
				if (g < 1 || g >= GOALS || seen[g])
					continue;
				seen[g] = any = true;
				if (pass)
					bucket[g][fill[g]++] = rec;
				else
					count[g]++;
			}
			/* bucket 0: no goal at all */
			if (!any && pass)
				bucket[0][fill[0]++] = rec;
			else if (!any)
				count[0]++;
		}
		if (pass)
			break;
		for (int g = 0; g < GOALS; g++)
			bucket[g] = arena_alloc(
				c->a, (count[g] + 1) * sizeof **bucket);
	}
	struct value *list = S_list(c, GOALS);
	for (int g = 1; g < GOALS; g++) {
		if (!count[g])
			continue;
		struct value *m = S_map(c, 9 + S_MARKERS);
		S_put(c, m, "goal", S_num(c, (size_t)g));
		S_put(c, m, "code", S_printf(c, "%d", g));
		S_put(c, m, "title", S_str(c, words_goal(c->w, g)));
		S_put(c, m, "anchor", S_printf(c, "sdg-%d", g));
		int pct;
		/* a recommendation may serve several goals: each share is
		 * of the whole, rounded alone */
		words_shares(&count[g], 1, r->rec_count, &pct);
		S_put_share(c, m, count[g], pct);
		S_put(c, m, "recommendations",
		      S_rec_list(c, bucket[g], count[g]));
		value_list_push(c->a, list, m);
	}
	*no_goal = S_rec_list(c, bucket[0], count[0]);
	return S_mark(c, list);
}

/* --------------------------------------------------------- comparison */

struct S_moves {
	size_t count, moved, forward, back, assessed, done_from, done_to;
};

static void S_moves_add(struct S_moves *m, enum status from, enum status to)
{
	m->count++;
	m->moved += from != to;
	/* a first assessment (not assessed to any status) is no progress:
	 * counted apart, as "assessed for the first time" */
	bool first = from == STATUS_NOT_ASSESSED && to != STATUS_NOT_ASSESSED;
	m->assessed += first;
	m->forward += !first && from != to && status_is_backwards(to, from);
	m->back += status_is_backwards(from, to);
	m->done_from += from == STATUS_IMPLEMENTED ||
			from == STATUS_PARTIALLY_IMPLEMENTED;
	m->done_to += to == STATUS_IMPLEMENTED ||
		      to == STATUS_PARTIALLY_IMPLEMENTED;
}

/* A share of m->count under `key`: {count, any, percent, percent_value} */
static void S_put_part(struct S_ctx *c, struct value *m, const char *key,
		       size_t part, size_t whole)
{
	int pct;
	words_shares(&part, 1, whole, &pct);
	struct value *v = S_map(c, 4);
	S_put_share(c, v, part, pct);
	S_put(c, m, key, v);
}

/* The share of the recommendations implemented in full or in part, the
 * sum of the two statuses' shares when they are shown (pct: the
 * statuses' shares of the same whole), so that "41 (86 %)" agrees with
 * the table's 17 % and 69 % beside it, not "85 %" rounded alone. */
static void S_put_done(struct S_ctx *c, struct value *m, const char *key,
		       size_t done, size_t whole, const int *pct)
{
	if (!pct) {
		S_put_part(c, m, key, done, whole);
		return;
	}
	struct value *v = S_map(c, 4);
	S_put_share(c, v, done,
		    pct[STATUS_IMPLEMENTED] + pct[STATUS_PARTIALLY_IMPLEMENTED]);
	S_put(c, m, key, v);
}

/* pfrom, pto: the statuses' shares at either date, or NULL (a cluster's
 * moves, whose statuses' shares are shown nowhere). */
static void S_put_moves(struct S_ctx *c, struct value *m,
			const struct S_moves *mv, const int *pfrom,
			const int *pto)
{
	S_put(c, m, "count", S_num(c, mv->count));
	S_put_part(c, m, "moved", mv->moved, mv->count);
	S_put_part(c, m, "unchanged", mv->count - mv->moved, mv->count);
	S_put_part(c, m, "forward", mv->forward, mv->count);
	S_put_part(c, m, "back", mv->back, mv->count);
	S_put_part(c, m, "assessed", mv->assessed, mv->count);
	S_put_done(c, m, "done_from", mv->done_from, mv->count, pfrom);
	S_put_done(c, m, "done_to", mv->done_to, mv->count, pto);
}

/* The status at adoption against the status at the report's date: how
 * many moved (forward, back), overall, by status and by cluster, and
 * which ones (in matrix order, each with status_from and status_to). */
static struct value *S_comparison(struct S_ctx *c)
{
	const struct report *r = c->r;
	const struct date *from = &r->adopted, *to = &r->date;
	struct value *m = S_map(c, 16);
	S_put(c, m, "from", S_date(c, from));
	S_put(c, m, "to", S_date(c, to));
	bool any = false;
	for (size_t i = 0; i < r->rec_count && !any; i++)
		any = r->recs[i].history_count > 1;
	S_put(c, m, "has_progress", S_bool(c, any));
	struct S_moves all = {0};
	struct S_moves *by_cluster =
		xmalloc((r->cluster_count + 1) * sizeof *by_cluster);
	memset(by_cluster, 0, (r->cluster_count + 1) * sizeof *by_cluster);
	size_t at_from[STATUS_COUNT] = {0}, at_to[STATUS_COUNT] = {0};
	enum status *was = xmalloc((r->rec_count + 1) * sizeof *was);
	enum status *now = xmalloc((r->rec_count + 1) * sizeof *now);
	for (size_t i = 0; i < r->rec_count; i++) {
		const struct recommendation *rec = c->order[i];
		was[i] = recommendation_status_at(rec, from);
		now[i] = recommendation_status_at(rec, to);
		S_moves_add(&all, was[i], now[i]);
		if (rec->cluster)
			S_moves_add(&by_cluster[rec->cluster->index], was[i],
				    now[i]);
		at_from[was[i]]++;
		at_to[now[i]]++;
	}
	int pfrom[STATUS_COUNT], pto[STATUS_COUNT];
	words_shares(at_from, STATUS_COUNT, r->rec_count, pfrom);
	words_shares(at_to, STATUS_COUNT, r->rec_count, pto);
	S_put_moves(c, m, &all, pfrom, pto);
	struct value *statuses = S_list(c, STATUS_COUNT);
	for (int s = 0; s < STATUS_COUNT; s++) {
		struct value *item = S_copy(c, c->status_refs[s], 2);
		struct value *f = S_map(c, 4), *t = S_map(c, 4);
		S_put_share(c, f, at_from[s], pfrom[s]);
		S_put_share(c, t, at_to[s], pto[s]);
		S_put(c, item, "from", f);
		S_put(c, item, "to", t);
		value_list_push(c->a, statuses, item);
	}
	S_put(c, m, "statuses", S_mark(c, statuses));
	struct value *clusters = S_list(c, r->cluster_count);
	for (size_t i = 0; i < r->cluster_count; i++) {
		struct value *item = S_copy(c, c->cluster_refs[i], 8);
		S_put_moves(c, item, &by_cluster[i], NULL, NULL);
		value_list_push(c->a, clusters, item);
	}
	S_put(c, m, "clusters", S_mark(c, clusters));
	struct value *moved = S_list(c, all.moved);
	for (size_t i = 0; i < r->rec_count; i++) {
		if (was[i] == now[i])
			continue;
		struct value *item =
			S_copy(c, c->recs[c->order[i]->index], 2);
		S_put(c, item, "status_from", c->status_refs[was[i]]);
		S_put(c, item, "status_to", c->status_refs[now[i]]);
		value_list_push(c->a, moved, item);
	}
	S_put(c, m, "recommendations", S_mark(c, moved));
	free(was);
	free(now);
	free(by_cluster);
	return m;
}

/* --------------------------------------------------------- statistics */

static struct value *S_series(struct S_ctx *c, const struct statistic *st)
{
	struct value *list = S_list(c, st->series_count);
	for (size_t i = 0; i < st->series_count; i++) {
		const struct series *s = &st->series[i];
		struct value *values = S_list(c, s->count);
		for (size_t k = 0; k < s->count; k++) {
			struct value *p = S_map(c, 2 + S_MARKERS);
			S_put(c, p, "key", S_str(c, s->points[k].key));
			S_put(c, p, "value", value_number(c->a,
							  s->points[k].value));
			value_list_push(c->a, values, p);
		}
		struct value *item = S_map(c, 2 + S_MARKERS);
		S_put(c, item, "label", S_text(c, &s->label));
		S_put(c, item, "values", S_mark(c, values));
		value_list_push(c->a, list, item);
	}
	return S_mark(c, list);
}

/* Every statistic with its series and the recommendations that cite it
 * ({id, url, anchor}, in file order). */
static struct value *S_statistics(struct S_ctx *c, struct value **by_id)
{
	const struct report *r = c->r;
	struct value **cited = arena_alloc(c->a, (r->stat_count + 1) *
							 sizeof *cited);
	for (size_t i = 0; i < r->stat_count; i++)
		cited[i] = value_list(c->a);
	for (size_t i = 0; i < r->rec_count; i++) {
		const struct recommendation *rec = &r->recs[i];
		for (size_t k = 0; k < rec->indicator_count; k++) {
			const struct statistic *st = rec->indicators[k].stat;
			if (!st)
				continue;
			struct value *ref = S_map(c, 3 + S_MARKERS);
			const struct value *fields = c->recs[i];
			S_put(c, ref, "id", value_map_get(fields, "id"));
			S_put(c, ref, "url", value_map_get(fields, "url"));
			S_put(c, ref, "anchor",
			      value_map_get(fields, "anchor"));
			value_list_push(c->a, cited[st->index], ref);
		}
	}
	struct value *list = S_list(c, r->stat_count);
	*by_id = S_map(c, r->stat_count);
	for (size_t i = 0; i < r->stat_count; i++) {
		struct value *m = S_copy(c, c->stat_refs[i], 2);
		S_put(c, m, "series", S_series(c, &r->stats[i]));
		S_put(c, m, "recommendations", S_mark(c, cited[i]));
		value_list_push(c->a, list, m);
		S_put(c, *by_id, r->stats[i].id, m);
	}
	return S_mark(c, list);
}

/* ----------------------------------------------------------- chapters */

/* A chapter that opens with a level-1 heading ("# Introduction") gives
 * that heading as its title (Markdown) and the rest as content; the
 * template then writes the heading where it wants it.  Each is a field of
 * its own, placed in the chapter's file. */
static void S_split_title(struct S_ctx *c, struct value *body,
			  struct value **title, struct value **content)
{
	*title = c->empty;
	*content = body;
	char *md;
	int line, column, rest;
	if (!body->len ||
	    !markdown_title(body->str, body->len, &md, &line, &column, &rest))
		return;
	*title = S_field(c, md, strlen(md),
			 (struct source_pos){body->pos.file, line, column});
	free(md);
	/* lines end as cmark-gfm ends them: LF, CR or CRLF */
	const char *p = body->str;
	for (int l = 1; l < rest && *p; l++) {
		p += strcspn(p, "\r\n");
		p += *p == '\r' && p[1] == '\n' ? 2 : *p ? 1 : 0;
	}
	*content = S_field(c, p, body->len - (size_t)(p - body->str),
			   (struct source_pos){body->pos.file, rest, 1});
}

/* The chapter's text in the language, placed at the start of its file. */
static struct value *S_chapter_body(struct S_ctx *c, const struct chapter *ch)
{
	const char *s = text_get(&ch->body, c->lang, c->first);
	const char *rel = text_get(&ch->file, c->lang, c->first);
	if (!s)
		return c->empty;
	return S_field(c, s, strlen(s),
		       (struct source_pos){
			       rel ? arena_path(c->a, c->r->content_dir, rel)
				   : ch->pos.file,
			       1, 1});
}

static bool S_standard(const char *id)
{
	for (size_t i = 0; S_standard_chapters[i]; i++)
		if (!strcmp(S_standard_chapters[i], id))
			return true;
	return false;
}

/* {id, present, standard, title, heading, body, content} */
static struct value *S_chapter(struct S_ctx *c, const char *id,
			       const struct chapter *ch)
{
	struct value *m = S_map(c, 7 + S_MARKERS);
	struct value *body = ch ? S_chapter_body(c, ch) : c->empty;
	struct value *title, *content;
	S_split_title(c, body, &title, &content);
	S_put(c, m, "id", S_str(c, id));
	S_put(c, m, "present", S_bool(c, ch != NULL));
	S_put(c, m, "standard", S_bool(c, S_standard(id)));
	S_put(c, m, "title", title);
	S_put(c, m, "heading", title->len ? title
					  : S_str(c, S_word(c, "chapter", id)));
	S_put(c, m, "body", body);
	S_put(c, m, "content", content);
	return m;
}

static void S_put_chapters(struct S_ctx *c, struct value *ctx)
{
	const struct report *r = c->r;
	size_t standard = sizeof S_standard_chapters /
			  sizeof *S_standard_chapters;
	struct value *all = S_list(c, r->chapter_count);
	struct value *others = S_list(c, r->chapter_count);
	struct value *by_id = S_map(c, r->chapter_count + standard);
	for (size_t i = 0; i < r->chapter_count; i++) {
		struct value *m = S_chapter(c, r->chapters[i].id,
					    &r->chapters[i]);
		value_list_push(c->a, all, m);
		S_put(c, by_id, r->chapters[i].id, m);
		if (!S_standard(r->chapters[i].id))
			value_list_push(c->a, others, S_copy(c, m, 0));
	}
	for (size_t i = 0; S_standard_chapters[i]; i++)
		if (!value_map_get(by_id, S_standard_chapters[i]))
			S_put(c, by_id, S_standard_chapters[i],
			      S_chapter(c, S_standard_chapters[i], NULL));
	S_put(c, ctx, "chapters", S_mark(c, all));
	S_put(c, ctx, "chapter", by_id);
	S_put(c, ctx, "other_chapters", S_mark(c, others));
}

/* ------------------------------------------------------------- report */

static struct value *S_language(struct S_ctx *c, enum lang l, size_t extra)
{
	struct value *m = S_map(c, 3 + extra + S_MARKERS);
	S_put(c, m, "code", S_str(c, lang_code(l)));
	S_put(c, m, "name", S_str(c, S_word(c, "language", lang_code(l))));
	S_put(c, m, "native", S_str(c, words_native_name(c->w, l)));
	return m;
}

static struct value *S_languages(struct S_ctx *c)
{
	const struct report *r = c->r;
	struct value *list = S_list(c, r->language_count);
	for (size_t i = 0; i < r->language_count; i++) {
		struct value *m = S_language(c, r->languages[i], 2);
		S_put(c, m, "current", S_bool(c, r->languages[i] == c->lang));
		S_put(c, m, "original", S_bool(c, i == 0));
		value_list_push(c->a, list, m);
	}
	return S_mark(c, list);
}

static bool S_all_digits(const char *s)
{
	if (!s || !*s || strlen(s) > 9)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* report.masthead: the block UN documents carry at the top right, in
 * either form: "Distr.: General", the date, the version's language when
 * it is a translation, "Original: English" (words_block: in English in
 * Arabic, Chinese and Russian). */
static struct value *S_masthead(struct S_ctx *c)
{
	struct words_block b = words_block(c->w, c->a, c->first, &c->r->date);
	struct value *m = S_map(c, 4);
	S_put(c, m, "distribution", S_str(c, b.distribution));
	S_put(c, m, "date", S_str(c, *b.date ? b.date : NULL));
	S_put(c, m, "language", S_str(c, b.language));
	S_put(c, m, "original", S_str(c, b.original));
	return m;
}

/* report.un: page 1 of the UN document form (report.yaml form: un), each
 * line as it reads in the language; unform.h gives it to the PDF and the
 * Word document, and templates may show it too.  Empty when the report
 * keeps the default form. */
static struct value *S_unform(struct S_ctx *c)
{
	const struct report *r = c->r;
	if (!r->form_un)
		return c->empty;
	static const char *const organs[] = {
		"general_assembly", "economic_and_social_council",
		"security_council"};
	struct value *m = S_map(c, 10);
	S_put(c, m, "united_nations", S_str(c, S_label(c, "un_united_nations")));
	S_put(c, m, "organ",
	      S_str(c, S_word(c, "un_organ", organs[r->organ % 3])));
	struct value *bodies;
	if (r->bodies.count) {
		bodies = S_list(c, r->bodies.count);
		for (size_t i = 0; i < r->bodies.count; i++) {
			struct value *b = S_map(c, 1 + S_MARKERS);
			S_put(c, b, "text", S_text(c, &r->bodies.items[i]));
			value_list_push(c->a, bodies, b);
		}
	} else {
		static const char *const keys[] = {"un_body_hrc",
						   "un_body_upr"};
		bodies = S_list(c, 2);
		for (size_t i = 0; i < 2; i++) {
			struct value *b = S_map(c, 1 + S_MARKERS);
			S_put(c, b, "text", S_str(c, S_label(c, keys[i])));
			value_list_push(c->a, bodies, b);
		}
	}
	S_put(c, m, "bodies", S_mark(c, bodies));
	S_put(c, m, "session_title", S_text(c, &r->session_title));
	S_put(c, m, "session_venue", S_text(c, &r->session_venue));
	S_put(c, m, "unedited",
	      S_str(c, r->unedited ? S_label(c, "un_unedited") : NULL));
	S_put(c, m, "job_number", S_text(c, &r->job_number));
	return m;
}

static struct value *S_report(struct S_ctx *c)
{
	const struct report *r = c->r;
	struct value *m = S_map(c, 20);
	S_put(c, m, "state", S_text(c, &r->state));
	/* "la République des Oasis", "de la République des Oasis", "du
	 * Pérou", "del Perú": the forms a sentence takes (words_of), from
	 * state_in_sentence given for this language, else from the name
	 * itself (not another language's form: "el Perú" is no English) */
	const struct text *sf = &r->state_in_sentence;
	bool own = sf->present && (sf->any || sf->by_lang[c->lang]);
	const char *in_sentence = words_text(c->w, c->a, own ? sf : &r->state,
					     c->first);
	if (in_sentence) {
		S_put(c, m, "state_in_sentence", S_str(c, in_sentence));
		S_put(c, m, "state_in_sentence_capitalized",
		      S_str(c, words_capitalized(c->a, in_sentence)));
		S_put(c, m, "state_of",
		      S_str(c, words_of(c->w, c->a, in_sentence)));
	}
	S_put(c, m, "cycle", S_num(c, (size_t)r->cycle));
	char key[32];
	snprintf(key, sizeof key, "cycle_ordinal_%d", r->cycle);
	const char *cycle_word = S_label(c, key);
	S_put(c, m, "cycle_ordinal",
	      S_str(c, cycle_word ? cycle_word
				 : words_ordinal(c->w, c->a, r->cycle)));
	S_put(c, m, "session", S_str(c, r->session));
	S_put(c, m, "session_ordinal",
	      S_all_digits(r->session)
		      ? S_str(c, words_ordinal(c->w, c->a,
						 strtol(r->session, NULL, 10)))
		      : S_str(c, r->session));
	S_put(c, m, "outcome", S_str(c, r->outcome));
	/* how many the State received in all, when the project follows a
	 * selection of them; empty (false) otherwise */
	S_put(c, m, "received", r->received ? S_num(c, r->received) : c->empty);
	S_put(c, m, "adopted", S_date(c, &r->adopted));
	struct value *period = c->empty;
	if (r->period_from.present && r->period_to.present) {
		period = S_map(c, 2);
		S_put(c, period, "from", S_date(c, &r->period_from));
		S_put(c, period, "to", S_date(c, &r->period_to));
	}
	S_put(c, m, "period", period);
	S_put(c, m, "title", S_text(c, &r->title));
	S_put(c, m, "subtitle", S_text(c, &r->subtitle));
	S_put(c, m, "symbol", S_str(c, r->symbol));
	S_put(c, m, "date", S_date(c, &r->date));
	S_put(c, m, "prepared_by", S_text(c, &r->prepared_by));
	S_put(c, m, "languages", S_languages(c));
	S_put(c, m, "language", S_language(c, c->lang, 0));
	S_put(c, m, "original_language", S_language(c, c->first, 0));
	S_put(c, m, "multilingual", S_bool(c, r->language_count > 1));
	S_put(c, m, "form", S_str(c, r->form_un ? "un" : "report"));
	S_put(c, m, "un", S_unform(c));
	S_put(c, m, "masthead", S_masthead(c));
	return m;
}

/* -------------------------------------------------------------- entry */

static void S_init(struct S_ctx *c, struct arena *a, const struct report *r,
		   const struct words *w)
{
	memset(c, 0, sizeof *c);
	c->a = a;
	c->r = r;
	c->lang = w->lang;
	c->first = report_first_language(r);
	c->w = w;
	c->labels = w->labels;
	c->yes = value_bool(a, true);
	c->no = value_bool(a, false);
	c->empty = value_string(a, "");
	c->none = value_list(a);
	/* indexes, counts, and the years of dates */
	c->number_count = (r->rec_count > 2100 ? r->rec_count : 2100) + 64;
	c->numbers = arena_alloc(a, c->number_count * sizeof *c->numbers);
	for (int p = 0; p < POSITION_COUNT; p++)
		c->position_key[p] = S_key(c, position_name((enum position)p));
	for (int s = 0; s < STATUS_COUNT; s++)
		c->status_key[s] = S_key(c, status_name((enum status)s));
	for (int p = 0; p < POSITION_COUNT; p++)
		c->position_refs[p] = S_position_ref(c, (enum position)p);
	for (int s = 0; s < STATUS_COUNT; s++)
		c->status_refs[s] = S_status_ref(c, (enum status)s);
	c->cluster_refs = arena_alloc(a, (r->cluster_count + 1) *
						 sizeof *c->cluster_refs);
	for (size_t i = 0; i < r->cluster_count; i++)
		c->cluster_refs[i] = S_cluster_ref(c, &r->clusters[i]);
	c->stat_refs = arena_alloc(a, (r->stat_count + 1) *
					      sizeof *c->stat_refs);
	for (size_t i = 0; i < r->stat_count; i++)
		c->stat_refs[i] = S_stat_ref(c, &r->stats[i]);
	c->recs = arena_alloc(a, (r->rec_count + 1) * sizeof *c->recs);
	for (size_t i = 0; i < r->rec_count; i++)
		c->recs[i] = S_rec(c, &r->recs[i]);
	S_sort(c);
}

struct value *context_build(struct arena *a, const struct report *r,
			    const struct words *w)
{
	enum lang lang = w->lang;
	struct S_ctx c;
	S_init(&c, a, r, w);
	struct value *ctx = S_map(&c, 28);
	S_put(&c, ctx, "lang", S_str(&c, lang_code(lang)));
	S_put(&c, ctx, "dir", S_str(&c, lang_is_rtl(lang) ? "rtl" : "ltr"));
	struct value *lang_is = S_map(&c, LANG_COUNT);
	for (int l = 0; l < LANG_COUNT; l++)
		S_put(&c, lang_is, lang_code((enum lang)l),
		      S_bool(&c, l == (int)lang));
	S_put(&c, ctx, "lang_is", lang_is);
	S_put(&c, ctx, "report", S_report(&c));
	S_put(&c, ctx, "labels", (struct value *)c.labels);
	const struct recommendation **file_order =
		arena_alloc(a, (r->rec_count + 1) * sizeof *file_order);
	for (size_t i = 0; i < r->rec_count; i++)
		file_order[i] = &r->recs[i];
	S_put(&c, ctx, "recommendations",
	      S_rec_list(&c, file_order, r->rec_count));
	S_put_tally(&c, ctx, c.order, r->rec_count);
	struct value *by_id;
	S_put(&c, ctx, "clusters", S_clusters(&c, &by_id));
	S_put(&c, ctx, "cluster", by_id);
	struct value *no_goal;
	S_put(&c, ctx, "goals", S_goals(&c, &no_goal));
	S_put(&c, ctx, "no_goal", no_goal);
	S_put(&c, ctx, "with_assistance", S_recs_with(&c, "assistance"));
	S_put(&c, ctx, "states", S_all_names(&c, offsetof(struct recommendation,
							 states)));
	S_put(&c, ctx, "institutions",
	      S_all_names(&c, offsetof(struct recommendation, responsible)));
	S_put(&c, ctx, "comparison", S_comparison(&c));
	S_put(&c, ctx, "statistics", S_statistics(&c, &by_id));
	S_put(&c, ctx, "statistic", by_id);
	S_put_chapters(&c, ctx);
	return ctx;
}
