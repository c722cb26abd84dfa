/* matrix — row selection and cell text of the recommendation matrix.
 * See matrix.h. */
#include "matrix.h"

#include <stdlib.h>
#include <string.h>

#include "chart.h"

struct matrix_words matrix_words(const struct words *words)
{
	static const char *const heading_keys[MATRIX_COLUMN_COUNT] = {
		"matrix_id", "matrix_text", "matrix_states", "matrix_position",
		"matrix_status"};
	struct matrix_words w;
	for (int i = 0; i < MATRIX_COLUMN_COUNT; i++)
		w.heading[i] = words_get(words, heading_keys[i]);
	for (int p = 0; p < POSITION_COUNT; p++)
		w.position[p] = words_named(words, "position",
					    position_name((enum position)p));
	for (int s = 0; s < STATUS_COUNT; s++)
		w.status[s] = words_named(words, "status",
					  status_name((enum status)s));
	w.separator = words_list_separator(words);
	w.words = words;
	return w;
}

/* ---- filters -------------------------------------------------------- */

struct S_filter {
	const char *cluster;
	int status, position; /* -1: any; -2: a name that matches nothing */
	char sdg[16];         /* "" any; "16" a goal; "16.10" a target */
};

static int S_status_of(const char *v)
{
	for (int i = 0; i < STATUS_COUNT; i++)
		if (!strcmp(v, status_name((enum status)i)))
			return i;
	return -2;
}

static int S_position_of(const char *v)
{
	for (int i = 0; i < POSITION_COUNT; i++)
		if (!strcmp(v, position_name((enum position)i)))
			return i;
	return -2;
}

/* spec is the caller's copy: cut in place, and kept for f->cluster.
 * Unknown filters are warnings when drawing (d may be NULL); when
 * `strict` (uprgen check), they and names that match nothing are errors. */
static void S_filter_parse(struct S_filter *f, char *spec,
			   const struct report *r, bool strict,
			   struct source_pos pos, struct diags *d)
{
	void (*say)(struct diags *, struct source_pos, const char *, ...) =
		strict ? diag_error : diag_warning;
	*f = (struct S_filter){NULL, -1, -1, ""};
	char *save = NULL;
	for (char *tok = strtok_r(spec, " \t", &save); tok;
	     tok = strtok_r(NULL, " \t", &save)) {
		char *eq = strchr(tok, '=');
		const char *v = eq ? eq + 1 : "";
		if (eq)
			*eq = '\0';
		const char *wrong = NULL;
		if (!strcmp(tok, "cluster") && eq) {
			f->cluster = v;
			if (strict && !r->clusters_unreadable &&
			    !report_find_cluster(r, v))
				wrong = "names no cluster of clusters.yaml";
		} else if (!strcmp(tok, "status") && eq) {
			f->status = S_status_of(v);
			if (strict && f->status < -1)
				wrong = "is not a status";
		} else if (!strcmp(tok, "position") && eq) {
			f->position = S_position_of(v);
			if (strict && f->position < -1)
				wrong = "is not a position";
		} else if (!strcmp(tok, "sdg") && eq) {
			struct sdg g;
			if (strlen(v) < sizeof f->sdg && sdg_parse(v, &g))
				memcpy(f->sdg, v, strlen(v) + 1);
			else
				memcpy(f->sdg, "-", 2); /* matches nothing */
			if (strict && f->sdg[0] == '-')
				wrong = "is not a Sustainable Development Goal "
					"(1 to 17) or one of its targets "
					"(\"16.10\", \"5.a\")";
		} else if (d) {
			say(d, pos,
			    "unknown matrix filter '%.60s'; use cluster=, "
			    "status=, position= or sdg=",
			    tok);
		}
		if (wrong && d)
			diag_error(d, pos, "the matrix filter %s=%.60s %s",
				   tok, v, wrong);
	}
}

static bool S_sdg_match(const struct recommendation *rec, const char *want)
{
	bool goal = !strchr(want, '.');
	for (size_t i = 0; i < rec->sdg_count; i++) {
		const struct sdg *s = &rec->sdgs[i];
		if (!strcmp(s->code, want) || (goal && s->goal == atoi(want)))
			return true;
	}
	return false;
}

static bool S_passes(const struct S_filter *f, const struct recommendation *rec)
{
	return (!f->cluster || (rec->cluster_id &&
				!strcmp(f->cluster, rec->cluster_id))) &&
	       (f->status == -1 || (int)rec->status == f->status) &&
	       (f->position == -1 || (int)rec->position == f->position) &&
	       (!f->sdg[0] || S_sdg_match(rec, f->sdg));
}

void matrix_select(struct matrix *m, const struct report *r,
		   const char *filter, enum lang lang, struct source_pos pos,
		   struct diags *d)
{
	memset(m, 0, sizeof *m);
	m->lang = lang;
	m->fallback = report_first_language(r);
	struct S_filter f;
	char *spec = xstrdup(filter ? filter : "");
	S_filter_parse(&f, spec, r, false, pos, d);
	m->rows = xcalloc(r->rec_count + 1, sizeof *m->rows);
	for (size_t i = 0; i < r->rec_count; i++)
		if (S_passes(&f, &r->recs[i]))
			m->rows[m->count++] = &r->recs[i];
	free(spec);
}

void matrix_check_filter(const struct report *r, const char *filter,
			 struct source_pos pos, struct diags *d)
{
	struct S_filter f;
	char *spec = xstrdup(filter ? filter : "");
	S_filter_parse(&f, spec, r, true, pos, d);
	free(spec);
}

void matrix_free(struct matrix *m)
{
	free(m->rows);
	memset(m, 0, sizeof *m);
}

/* t as every output sets a plain text (words_text) */
static void S_put_text(struct buf *out, const struct text *t,
		       const struct matrix *m, const struct matrix_words *w)
{
	const char *s = text_get(t, m->lang, m->fallback);
	if (!s)
		return;
	struct buf set;
	buf_init(&set);
	if (w->words && words_typeset_plain(w->words, s, strlen(s), &set))
		buf_put(out, set.data, set.len);
	else
		buf_puts(out, s);
	buf_free(&set);
}

void matrix_cell(struct buf *out, const struct matrix *m,
		 const struct matrix_words *w, size_t i,
		 enum matrix_column col)
{
	const struct recommendation *rec = m->rows[i];
	switch (col) {
	case MATRIX_ID:
		buf_puts(out, rec->id);
		break;
	case MATRIX_TEXT:
		S_put_text(out, &rec->text, m, w);
		break;
	case MATRIX_STATES:
		for (size_t k = 0; k < rec->states.count; k++) {
			if (k)
				buf_puts(out, w->separator);
			S_put_text(out, &rec->states.items[k], m, w);
		}
		break;
	case MATRIX_POSITION:
		buf_puts(out, w->position[rec->position]);
		break;
	case MATRIX_STATUS:
		buf_puts(out, w->status[rec->status]);
		break;
	default:
		break;
	}
}
