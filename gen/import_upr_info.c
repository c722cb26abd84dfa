/*
 * import_upr_info — the UPR Info database export: a CSV file with one row
 * per recommending State (To, To-Rgrp, To-Org, Text, From, From-Rgrp,
 * From-Org, Response, Action, Issue, Session; columns found by name).
 *
 * Takes the rows of one State and one session (its latest in the file
 * unless --session says), merges the rows of one recommendation (the same
 * text, give or take white space, case and final punctuation, and the same
 * response) into one entry listing all its States, maps Response to the
 * position, and clusters the entries by their first Issue; the other issues
 * become themes.  The export has no paragraph numbers, so ids count the
 * entries in the order of the export (the header comment says so).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "import.h"

enum S_col { S_TO, S_TEXT, S_FROM, S_RESPONSE, S_ISSUE, S_SESSION, S_NCOL };

static const char *const S_col_names[S_NCOL] = {
	"To", "Text", "From", "Response", "Issue", "Session",
};

/* A row of the State under review, copied out of the reader. */
struct S_row {
	const char *text, *from, *response, *issue;
	long session;
	struct source_pos pos;
	size_t row;
};

struct S_reader {
	struct import_set *set;
	const struct import_options *o;
	const char *file;
	size_t col[S_NCOL];
	struct S_row *rows;
	size_t count, cap;
	struct import_list names; /* every State under review, for hints */
	const char *state;        /* as the file spells it */
};

static bool S_header(struct S_reader *R, struct csv_reader *csv)
{
	if (!csv_next(csv)) {
		diag_error(R->set->d, (struct source_pos){R->file, 0, 0},
			   "the file is empty");
		return false;
	}
	/* the columns it lacks, said in one message */
	struct buf missing;
	buf_init(&missing);
	size_t lacking = 0;
	for (int c = 0; c < S_NCOL; c++) {
		R->col[c] = csv->count;
		for (size_t i = 0; i < csv->count; i++)
			if (import_same_name(csv->fields[i].text,
					     S_col_names[c]))
				R->col[c] = i;
		if (R->col[c] == csv->count) {
			buf_printf(&missing, "%s'%s'", lacking ? ", " : "",
				   S_col_names[c]);
			lacking++;
		}
	}
	if (lacking)
		diag_error(R->set->d, csv->fields[0].pos,
			   "no %s column%s: is this a UPR Info export? (its "
			   "first line names the columns To, Text, From, "
			   "Response, Issue, Session)",
			   missing.data, lacking > 1 ? "s" : "");
	buf_free(&missing);
	return lacking == 0;
}

static const char *S_field(struct S_reader *R, struct csv_reader *csv,
			   enum S_col c)
{
	const struct csv_field *f = &csv->fields[R->col[c]];
	return import_clean(R->set->a, f->text, f->len);
}

static void S_remember_name(struct S_reader *R, const char *to)
{
	/* rows come grouped by State: compare with the last one first */
	if (R->names.count &&
	    !strcmp(R->names.items[R->names.count - 1], to))
		return;
	import_list_add(R->set->a, &R->names, arena_strdup(R->set->a, to));
}

static void S_take_row(struct S_reader *R, struct csv_reader *csv)
{
	struct diags *d = R->set->d;
	const struct csv_field *session = &csv->fields[R->col[S_SESSION]];
	char *end;
	long n = strtol(session->text, &end, 10);
	if (end == session->text || *end || n < 1) {
		diag_error(d, session->pos, "'%s' is not a session number",
			   session->text);
		return;
	}
	R->rows = arena_grow(R->set->a, R->rows, sizeof *R->rows, R->count,
			     &R->cap, R->count + 1);
	R->rows[R->count++] = (struct S_row){
		.text = S_field(R, csv, S_TEXT),
		.from = S_field(R, csv, S_FROM),
		.response = S_field(R, csv, S_RESPONSE),
		.issue = S_field(R, csv, S_ISSUE),
		.session = n,
		.pos = csv->fields[0].pos,
		.row = csv->row,
	};
}

static void S_read_rows(struct S_reader *R, struct csv_reader *csv)
{
	size_t width = 0;
	for (int c = 0; c < S_NCOL; c++)
		if (R->col[c] + 1 > width)
			width = R->col[c] + 1;
	while (csv_next(csv)) {
		if (csv->count < width) {
			diag_error(R->set->d, csv->fields[0].pos,
				   "this row has %zu fields; the header has "
				   "at least %zu",
				   csv->count, width);
			continue;
		}
		const char *to = csv->fields[R->col[S_TO]].text;
		S_remember_name(R, to);
		if (!import_same_name(to, R->o->state))
			continue;
		if (!R->state)
			R->state = S_field(R, csv, S_TO);
		S_take_row(R, csv);
	}
}

/* Whether every word of `words`, of three letters or more, begins a
 * word of name, in any case ("Russia" in "Russian Federation", "united
 * kingdom" in "United Kingdom of Great Britain and Northern Ireland"). */
static bool S_words_begin(const char *name, const char *words)
{
	for (const char *w = words; *w;) {
		while (*w == ' ')
			w++;
		size_t n = strcspn(w, " ");
		if (!n)
			break;
		if (n < 3) /* "UK" begins "Ukraine": no guess */
			return false;
		bool found = false;
		for (const char *p = name; *p && !found; p++)
			found = (p == name || p[-1] == ' ' || p[-1] == '(') &&
				!strncasecmp(p, w, n);
		if (!found)
			return false;
		w += n;
	}
	return true;
}

static int S_name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether the name's word w (n bytes) stands for words, at a word's
 * start: one of them begins with it ("Iran" in "Iran (Islamic Republic
 * of)"), or begins it ("Lao" of "Lao People's Democratic Republic" for
 * "Laos"), or it is the initials of some of them in capitals ("DPR" for
 * "Democratic People's Republic"). */
static bool S_word_stands_for(const char *words, const char *w, size_t n)
{
	bool initials = n >= 2;
	for (size_t k = 0; k < n; k++)
		initials = initials && w[k] >= 'A' && w[k] <= 'Z';
	for (const char *p = words; *p; p++) {
		if (p != words && p[-1] != ' ' && p[-1] != '(')
			continue;
		size_t len = strcspn(p, " ()");
		if (!strncasecmp(p, w, n) ||
		    (len >= 3 && len < n && !strncasecmp(p, w, len)))
			return true;
		if (initials) {
			const char *q = p;
			size_t k = 0;
			while (k < n && *q && (*q & 0xDF) == w[k]) {
				k++;
				q += strcspn(q, " ");
				q += strspn(q, " ");
			}
			if (k == n)
				return true;
		}
	}
	return false;
}

/* Whether every word of name of three letters or more (or in capitals)
 * stands for words of the query (S_word_stands_for: "Iran" in "Iran
 * (Islamic Republic of)", "United States" in "United States of
 * America", "Laos", "DPR Korea"), and there is one. */
static bool S_words_within(const char *words, const char *name)
{
	bool any = false;
	for (const char *w = name; *w;) {
		while (*w == ' ' || *w == '(' || *w == ')')
			w++;
		size_t n = strcspn(w, " ()");
		if (!n)
			break;
		if (n >= 3 || (n == 2 && w[0] >= 'A' && w[0] <= 'Z' &&
				 w[1] >= 'A' && w[1] <= 'Z')) {
			if (!S_word_stands_for(words, w, n))
				return false;
			any = true;
		}
		w += n;
	}
	return any;
}

static void S_no_state(struct S_reader *R)
{
	struct source_pos whole = {R->file, 0, 0};
	/* the names its words begin ("Korea": "Republic of Korea", "DPR
	 * Korea"), or whose words begin its own (the UN's long name "Iran
	 * (Islamic Republic of)": "Iran"): a look-alike ("Korea": "Kenya")
	 * only when there is none, else every name of the file, for the
	 * user to pick */
	const char **names = xmalloc((R->names.count + 1) * sizeof *names);
	size_t n = 0;
	for (size_t i = 0; i < R->names.count; i++)
		if (S_words_begin(R->names.items[i], R->o->state) ||
		    S_words_within(R->o->state, R->names.items[i]))
			names[n++] = R->names.items[i];
	if (!n) {
		/* a slip of a letter in four ("Peruu", "Perou"), not
		 * another name ("Kenya" is not "Benin") */
		const char *best = NULL;
		size_t best_distance = strlen(R->o->state) / 4 + 1;
		best_distance = best_distance > 4 ? 4 : best_distance;
		for (size_t i = 0; i < R->names.count; i++) {
			size_t dist = edit_distance(R->names.items[i],
						    R->o->state);
			if (dist < best_distance) {
				best = R->names.items[i];
				best_distance = dist;
			}
		}
		if (best) {
			diag_error(R->set->d, whole,
				   "no recommendation to '%s' (did you mean "
				   "'%s'?)",
				   R->o->state, best);
			free(names);
			return;
		}
	}
	bool near = n > 0;
	if (!near)
		for (size_t i = 0; i < R->names.count; i++)
			names[n++] = R->names.items[i];
	qsort(names, n, sizeof *names, S_name_cmp);
	struct buf list;
	buf_init(&list);
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s'%s'", i ? ", " : "", names[i]);
	if (near)
		diag_error(R->set->d, whole,
			   "no recommendation to '%s' (did you mean %s%s?)",
			   R->o->state, n > 1 ? "one of " : "",
			   list.data);
	else
		diag_error(R->set->d, whole,
			   "no recommendation to '%s' in this file; the %zu "
			   "States it holds: %s",
			   R->o->state, n, n ? list.data : "none");
	buf_free(&list);
	free(names);
}

/* "14" or "14, 17": the sessions the State has rows from. */
static const char *S_sessions(struct S_reader *R)
{
	struct import_list seen = {0};
	for (size_t i = 0; i < R->count; i++)
		import_list_add(R->set->a, &seen,
				arena_printf(R->set->a, "%ld",
					     R->rows[i].session));
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < seen.count; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", seen.items[i]);
	const char *s = arena_strdup(R->set->a, b.data);
	buf_free(&b);
	return s;
}

/* The session asked for, or the latest; a warning tells of the others so
 * that the user knows they are there. */
static long S_session(struct S_reader *R)
{
	long chosen = R->o->session;
	for (size_t i = 0; i < R->count && !R->o->session; i++)
		if (R->rows[i].session > chosen)
			chosen = R->rows[i].session;
	bool found = false;
	struct source_pos other = {0};
	for (size_t i = 0; i < R->count; i++) {
		if (R->rows[i].session == chosen)
			found = true;
		else if (!other.file)
			other = R->rows[i].pos;
	}
	struct source_pos whole = {R->file, 0, 0};
	if (!found)
		diag_error(R->set->d, whole,
			   "no recommendation to %s from session %ld in this "
			   "file; there are from session %s",
			   R->state, chosen, S_sessions(R));
	else if (other.file && !R->o->session)
		diag_warning(R->set->d, other,
			     "%s has recommendations from sessions %s in this "
			     "file; importing session %ld (choose with "
			     "--session)",
			     R->state, S_sessions(R), chosen);
	return found ? chosen : 0;
}

/* Issue holds several themes separated by commas; the first one is the
 * entry's cluster, the others are its themes. */
static void S_add_issues(struct import_set *set, struct import_rec *rec,
			 const char *issue, bool is_new)
{
	const char *p = issue;
	bool first = true;
	while (*p) {
		size_t n = strcspn(p, ",");
		const char *theme = import_clean(set->a, p, n);
		p += n + (p[n] == ',');
		if (!*theme)
			continue;
		if (first && is_new)
			rec->cluster = import_cluster(set, theme);
		else if (strcmp(theme, set->clusters[rec->cluster].title))
			import_list_add(set->a, &rec->themes, theme);
		first = false;
	}
	if (first && is_new)
		rec->cluster = import_cluster(set, "Other");
}

static struct import_rec *S_find(struct import_set *set, const char *key)
{
	for (size_t i = 0; i < set->count; i++)
		if (!strcmp(set->recs[i].key, key))
			return &set->recs[i];
	return NULL;
}

static void S_merge_row(struct import_set *set, const struct S_row *row)
{
	if (!*row->text) {
		/* no text is no recommendation; merged with another, it
		 * gave that one its States */
		diag_warning(set->d, row->pos,
			     "row %zu: no Text: this row is not imported", row->row);
		return;
	}
	enum position position = POSITION_NOTED;
	bool known = import_position(row->response, &position);
	const char *key = arena_printf(set->a, "%d %s", (int)position,
				       import_text_key(set->a, row->text));
	struct import_rec *rec = S_find(set, key);
	bool is_new = rec == NULL;
	if (is_new) {
		rec = import_add_rec(set);
		rec->key = key;
		rec->pos = row->pos;
		rec->row = row->row;
		rec->id = arena_printf(set->a, "%zu", set->count);
		rec->text = row->text;
		rec->position = position;
		if (!known && *row->response)
			rec->position_note = arena_printf(
				set->a, "TODO: check: the export says \"%s\"",
				row->response);
		else if (!known)
			rec->position_note =
				"TODO: check: the export gives no response";
	}
	if (*row->from) {
		/* the same State again: a row the export repeats, merged
		 * (the README promises no row is dropped without a word) */
		size_t had = rec->states.count;
		import_list_add(set->a, &rec->states, row->from);
		if (!is_new && rec->states.count == had)
			diag_warning(set->d, row->pos,
				     "row %zu repeats row %zu (the same text "
				     "from %s): merged into one entry",
				     row->row, rec->row, row->from);
	}
	S_add_issues(set, rec, row->issue, is_new);
}

static const char *S_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void S_headers(struct import_set *set, const struct import_options *o,
		      const char *state, long session)
{
	buf_printf(&set->recs_header,
		   "Recommendations to %s, UPR session %ld (cycle %ld), from "
		   "%s, an export of the UPR Info database (uprgen import "
		   "upr-info). Rows of one recommendation made by several "
		   "States are one entry here.\n\n"
		   "TODO: the export has no paragraph numbers, so the ids "
		   "count the recommendations in the order of the export. "
		   "Replace them with the paragraph numbers of the Working "
		   "Group report (\"110.23\"): ids name the pages and links "
		   "of the report.",
		   state, session, import_cycle_of_session(session),
		   S_base_name(o->file));
	buf_printf(&set->clusters_header,
		   "Thematic clusters of the recommendations to %s: the first "
		   "issue that the UPR Info database gives each of them.",
		   state);
}

bool import_upr_info(struct import_set *set, const struct import_options *o,
		     const char *text, size_t len)
{
	struct S_reader R = {.set = set, .o = o, .file = o->file};
	struct csv_reader csv;
	csv_init(&csv, set->d, o->file, text, len, 0);
	if (S_header(&R, &csv))
		S_read_rows(&R, &csv);
	csv_free(&csv);
	if (set->d->errors)
		return false;
	if (!R.count) {
		S_no_state(&R);
		return false;
	}
	long session = S_session(&R);
	if (!session)
		return false;
	for (size_t i = 0; i < R.count; i++)
		if (R.rows[i].session == session)
			S_merge_row(set, &R.rows[i]);
	S_headers(set, o, R.state, session);
	return true;
}
