/* opendata — recommendations.csv and recommendations.json.  See opendata.h. */
#include "opendata.h"

#include <string.h>

#include "html.h"
#include "value.h"

const char *const opendata_fields[] = {
	"id",
	"text",
	"states",
	"position",
	"status",
	"cluster",
	"cluster_title",
	"themes",
	"groups",
	"sdgs",
	"responsible",
	"actions",
	"indicators",
	"related",
	"challenges",
	"assistance",
	"page",
	"license",
};
const size_t opendata_field_count =
	sizeof opendata_fields / sizeof *opendata_fields;

/* The texts of one recommendation in one language: what both formats
 * write. */
struct S_rec {
	const struct recommendation *rec;
	enum lang lang, first;
	const struct opendata_options *o;
};

/* The recommendation's page: absolute when the site's address is known. */
static void S_page(struct buf *b, const struct S_rec *R)
{
	buf_clear(b);
	buf_puts(b, R->o->pages ? R->o->pages : "");
	html_rec_href(b, "", R->rec->id);
}

static const char *S_license(const struct S_rec *R)
{
	return R->o->license ? R->o->license : "";
}

static const char *S_t(const struct S_rec *R, const struct text *t)
{
	const char *s = text_get(t, R->lang, R->first);
	return s ? s : "";
}

static void S_date(struct buf *b, const struct date *d)
{
	if (!d->present)
		return;
	buf_printf(b, "%04d", d->year);
	if (d->month)
		buf_printf(b, "-%02d", d->month);
	if (d->day)
		buf_printf(b, "-%02d", d->day);
}

/* ---- CSV ------------------------------------------------------------ */

static void S_csv_field(struct buf *out, const char *s, size_t len, bool last)
{
	if (strcspn(s, ",\"\r\n") >= len) {
		buf_put(out, s, len);
	} else {
		buf_putc(out, '"');
		/* each run up to a quote, the quote included, then the quote
		 * again (doubled) */
		for (const char *end = s + len, *q; s < end; s = q + 1) {
			q = memchr(s, '"', (size_t)(end - s));
			if (!q) {
				buf_put(out, s, (size_t)(end - s));
				break;
			}
			buf_put(out, s, (size_t)(q - s) + 1);
			buf_putc(out, '"');
		}
		buf_putc(out, '"');
	}
	buf_puts(out, last ? "\r\n" : ",");
}

static void S_csv_str(struct buf *out, const char *s)
{
	S_csv_field(out, s, strlen(s), false);
}

static void S_csv_list(struct buf *out, struct buf *tmp, const struct S_rec *R,
		       const struct text_list *l)
{
	buf_clear(tmp);
	for (size_t i = 0; i < l->count; i++)
		buf_printf(tmp, "%s%s", i ? "; " : "", S_t(R, &l->items[i]));
	S_csv_field(out, tmp->data, tmp->len, false);
}

static void S_csv_actions(struct buf *out, struct buf *tmp,
			  const struct S_rec *R)
{
	buf_clear(tmp);
	for (size_t i = 0; i < R->rec->action_count; i++) {
		const struct action *ac = &R->rec->actions[i];
		if (i)
			buf_putc(tmp, '\n');
		S_date(tmp, &ac->date);
		if (ac->date.present)
			buf_puts(tmp, words_get(R->o->words, "colon"));
		buf_puts(tmp, S_t(R, &ac->text));
		if (ac->source.present)
			buf_printf(tmp, "%s%s%s",
				   words_get(R->o->words, "paren_open"),
				   S_t(R, &ac->source),
				   words_get(R->o->words, "paren_close"));
	}
	S_csv_field(out, tmp->data, tmp->len, false);
}

static void S_csv_related(struct buf *out, struct buf *tmp,
			  const struct S_rec *R)
{
	buf_clear(tmp);
	for (size_t i = 0; i < R->rec->related_count; i++) {
		const struct related *rel = &R->rec->related[i];
		/* as the report writes it (recommendation.md) */
		buf_printf(tmp, "%s%s", i ? "\n" : "",
			   S_t(R, &rel->mechanism));
		if (rel->symbol.present)
			buf_printf(tmp, "%s%s",
				   words_get(R->o->words, "comma"),
				   S_t(R, &rel->symbol));
		if (rel->para.present)
			buf_printf(tmp, "%s%s %s",
				   words_get(R->o->words, "comma"),
				   words_get(R->o->words, "para"),
				   S_t(R, &rel->para));
		if (rel->text.present)
			buf_printf(tmp, "%s%s",
				   words_get(R->o->words, "colon"),
				   S_t(R, &rel->text));
	}
	S_csv_field(out, tmp->data, tmp->len, false);
}

static void S_csv_row(struct buf *out, struct buf *tmp, const struct S_rec *R)
{
	const struct recommendation *rec = R->rec;
	S_csv_str(out, rec->id);
	S_csv_str(out, S_t(R, &rec->text));
	S_csv_list(out, tmp, R, &rec->states);
	S_csv_str(out, position_name(rec->position));
	S_csv_str(out, status_name(rec->status));
	S_csv_str(out, rec->cluster_id ? rec->cluster_id : "");
	S_csv_str(out, rec->cluster ? S_t(R, &rec->cluster->title) : "");
	S_csv_list(out, tmp, R, &rec->themes);
	S_csv_list(out, tmp, R, &rec->groups);
	buf_clear(tmp);
	for (size_t i = 0; i < rec->sdg_count; i++)
		buf_printf(tmp, "%s%s", i ? "; " : "", rec->sdgs[i].code);
	S_csv_field(out, tmp->data, tmp->len, false);
	S_csv_list(out, tmp, R, &rec->responsible);
	S_csv_actions(out, tmp, R);
	buf_clear(tmp);
	for (size_t i = 0; i < rec->indicator_count; i++)
		buf_printf(tmp, "%s%s", i ? "; " : "", rec->indicators[i].id);
	S_csv_field(out, tmp->data, tmp->len, false);
	S_csv_related(out, tmp, R);
	S_csv_str(out, S_t(R, &rec->challenges));
	S_csv_str(out, S_t(R, &rec->assistance));
	S_page(tmp, R);
	S_csv_field(out, tmp->data, tmp->len, false);
	S_csv_field(out, S_license(R), strlen(S_license(R)), true);
}

void opendata_csv(struct buf *out, const struct report *r,
		  const struct opendata_options *o)
{
	buf_puts(out, "\xEF\xBB\xBF"); /* the byte order mark */
	for (size_t i = 0; i < opendata_field_count; i++)
		S_csv_field(out, opendata_fields[i],
			    strlen(opendata_fields[i]),
			    i + 1 == opendata_field_count);
	struct buf tmp;
	buf_init(&tmp);
	for (size_t i = 0; i < r->rec_count; i++) {
		struct S_rec R = {&r->recs[i], o->lang,
				  report_first_language(r), o};
		S_csv_row(out, &tmp, &R);
	}
	buf_free(&tmp);
}

/* ---- JSON ----------------------------------------------------------- */

/* Written straight into the buffer, as value_write_json would write the
 * tree (one space a level): no tree of every recommendation is built. */
struct S_json {
	struct buf *out;
	int level;
	bool empty; /* the innermost array or object has no member yet */
};

static void S_json_open(struct S_json *J, char bracket)
{
	buf_putc(J->out, bracket);
	J->level++;
	J->empty = true;
}

static void S_json_close(struct S_json *J, char bracket)
{
	J->level--;
	if (!J->empty) {
		buf_putc(J->out, '\n');
		for (int i = 0; i < J->level; i++)
			buf_putc(J->out, ' ');
	}
	buf_putc(J->out, bracket);
	J->empty = false;
}

/* Starts a member: the comma after the one before, the line and indent. */
static void S_json_member(struct S_json *J)
{
	if (!J->empty)
		buf_putc(J->out, ',');
	buf_putc(J->out, '\n');
	for (int i = 0; i < J->level; i++)
		buf_putc(J->out, ' ');
	J->empty = false;
}

static void S_json_key(struct S_json *J, const char *k)
{
	S_json_member(J);
	json_write_string(J->out, k, strlen(k));
	buf_puts(J->out, ": ");
}

static void S_json_str(struct S_json *J, const char *k, const char *s)
{
	S_json_key(J, k);
	s = s ? s : "";
	json_write_string(J->out, s, strlen(s));
}

static void S_json_item(struct S_json *J, const char *s)
{
	S_json_member(J);
	json_write_string(J->out, s, strlen(s));
}

static void S_json_list(struct S_json *J, const char *k, const struct S_rec *R,
			const struct text_list *l)
{
	S_json_key(J, k);
	S_json_open(J, '[');
	for (size_t i = 0; i < l->count; i++)
		S_json_item(J, S_t(R, &l->items[i]));
	S_json_close(J, ']');
}

static void S_json_date(struct S_json *J, const char *k, const struct date *d)
{
	S_json_key(J, k);
	if (!d->present) {
		buf_puts(J->out, "null");
		return;
	}
	/* digits and hyphens: nothing to escape */
	buf_putc(J->out, '"');
	S_date(J->out, d);
	buf_putc(J->out, '"');
}

static void S_json_actions(struct S_json *J, const struct S_rec *R)
{
	S_json_key(J, "actions");
	S_json_open(J, '[');
	for (size_t i = 0; i < R->rec->action_count; i++) {
		const struct action *ac = &R->rec->actions[i];
		S_json_member(J);
		S_json_open(J, '{');
		S_json_date(J, "date", &ac->date);
		S_json_str(J, "text", S_t(R, &ac->text));
		S_json_str(J, "source", S_t(R, &ac->source));
		S_json_close(J, '}');
	}
	S_json_close(J, ']');
}

static void S_json_related(struct S_json *J, const struct S_rec *R)
{
	S_json_key(J, "related");
	S_json_open(J, '[');
	for (size_t i = 0; i < R->rec->related_count; i++) {
		const struct related *rel = &R->rec->related[i];
		S_json_member(J);
		S_json_open(J, '{');
		S_json_str(J, "mechanism", S_t(R, &rel->mechanism));
		S_json_str(J, "symbol", S_t(R, &rel->symbol));
		S_json_str(J, "para", S_t(R, &rel->para));
		S_json_str(J, "text", S_t(R, &rel->text));
		S_json_close(J, '}');
	}
	S_json_close(J, ']');
}

static void S_json_rec(struct S_json *J, struct buf *tmp, const struct S_rec *R)
{
	const struct recommendation *rec = R->rec;
	S_json_member(J);
	S_json_open(J, '{');
	S_json_str(J, "id", rec->id);
	S_json_str(J, "text", S_t(R, &rec->text));
	S_json_list(J, "states", R, &rec->states);
	S_json_str(J, "position", position_name(rec->position));
	S_json_str(J, "status", status_name(rec->status));
	S_json_str(J, "cluster", rec->cluster_id);
	S_json_str(J, "cluster_title",
		   rec->cluster ? S_t(R, &rec->cluster->title) : "");
	S_json_list(J, "themes", R, &rec->themes);
	S_json_list(J, "groups", R, &rec->groups);
	S_json_key(J, "sdgs");
	S_json_open(J, '[');
	for (size_t i = 0; i < rec->sdg_count; i++)
		S_json_item(J, rec->sdgs[i].code);
	S_json_close(J, ']');
	S_json_list(J, "responsible", R, &rec->responsible);
	S_json_actions(J, R);
	S_json_key(J, "indicators");
	S_json_open(J, '[');
	for (size_t i = 0; i < rec->indicator_count; i++)
		S_json_item(J, rec->indicators[i].id);
	S_json_close(J, ']');
	S_json_related(J, R);
	S_json_str(J, "challenges", S_t(R, &rec->challenges));
	S_json_str(J, "assistance", S_t(R, &rec->assistance));
	S_page(tmp, R);
	S_json_str(J, "page", tmp->data);
	S_json_str(J, "license", S_license(R));
	S_json_close(J, '}');
}

static void S_json_report(struct S_json *J, const struct report *r,
			  const struct opendata_options *o)
{
	enum lang lang = o->lang;
	enum lang first = report_first_language(r);
	S_json_key(J, "report");
	S_json_open(J, '{');
	S_json_str(J, "state", text_get(&r->state, lang, first));
	S_json_key(J, "cycle");
	buf_printf(J->out, "%d", r->cycle);
	S_json_str(J, "session", r->session);
	S_json_str(J, "outcome", r->outcome);
	S_json_date(J, "adopted", &r->adopted);
	S_json_str(J, "title", text_get(&r->title, lang, first));
	S_json_str(J, "symbol", r->symbol);
	S_json_date(J, "date", &r->date);
	S_json_str(J, "language", lang_code(lang));
	S_json_str(J, "license", o->license ? o->license : "");
	if (o->pages)
		S_json_str(J, "site", o->pages);
	S_json_close(J, '}');
}

void opendata_json(struct buf *out, const struct report *r,
		   const struct opendata_options *o)
{
	struct S_json J = {out, 0, true};
	S_json_open(&J, '{');
	S_json_report(&J, r, o);
	S_json_key(&J, "recommendations");
	S_json_open(&J, '[');
	struct buf tmp;
	buf_init(&tmp);
	for (size_t i = 0; i < r->rec_count; i++) {
		struct S_rec R = {&r->recs[i], o->lang,
				  report_first_language(r), o};
		S_json_rec(&J, &tmp, &R);
	}
	buf_free(&tmp);
	S_json_close(&J, ']');
	S_json_close(&J, '}');
	buf_putc(out, '\n');
}
