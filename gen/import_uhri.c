/*
 * import_uhri — the CSV export of the Universal Human Rights Index, with
 * OHCHR's column names as OHCHR spells them ("Reccomending Body", "UPR
 * Reccomending States"; found by name, either spelling).  Cells holding
 * several values put one a line, each prefixed "- "; SDGs read
 * "16.10 - Ensure public access to information ...".
 *
 * Takes the UPR rows about one State from one cycle (its latest unless
 * --cycle says; the cycle comes from the UPR Session), one entry per
 * paragraph number (found at the start of Text) and what its rows say
 * (see S_upr_row: rows giving one number two texts or positions are two
 * entries, 110.5 and 110.5-2, with a warning), sorted by it.  The first
 * theme is the cluster; Affected Persons become groups.  With --related,
 * the recommendations of the other mechanisms about the State are offered
 * as `related` entries of the UPR recommendations they share the most
 * themes and groups of persons with (at most S_MAX_RELATED each), for the
 * user to keep or drop.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "import.h"
#include "office.h"

enum S_col {
	S_TEXT,
	S_COUNTRIES,
	S_BODY,
	S_SYMBOL,
	S_THEMES,
	S_PERSONS,
	S_SDGS,
	S_STATES,
	S_POSITION,
	S_TYPE,
	S_SESSION,
	S_NCOL
};

/* as OHCHR writes them; compared without case, spaces or the typo */
static const char *const S_col_names[S_NCOL] = {
	"Text",
	"Countries Concerned",
	"Reccomending Body",
	"Document Symbol",
	"Themes",
	"Affected Persons",
	"Sdgs",
	"UPR Reccomending States",
	"UPR Position",
	"Type",
	"UPR Session",
};

enum { S_REQUIRED = 3 /* Text, Countries Concerned, Reccomending Body */ };
enum { S_MAX_RELATED = 3, S_MIN_SHARED = 2 };

/* One row about the State under review, copied out of the reader. */
struct S_row {
	const char *cell[S_NCOL];
	struct source_pos pos;
	size_t row;
	long session;
};

struct S_reader {
	struct import_set *set;
	const struct import_options *o;
	const char *file;
	size_t col[S_NCOL]; /* SIZE_MAX: no such column */
	struct S_row *upr, *other;
	size_t upr_count, upr_cap, other_count, other_cap;
	const char *state; /* as the file spells it */
};

/* Rows as the CSV reader gives them, from a CSV file or from a sheet of
 * an Excel workbook (its cells' texts: strings, numbers as written, dates
 * as YYYY-MM-DD; empty cells ""). */
struct S_source {
	struct csv_reader *csv; /* or: */
	const struct office_book *book;
	const struct office_sheet *sheet;
	size_t next; /* the sheet's next cell */
	struct csv_field *fields;
	size_t count, cap;
	size_t row;
};

static bool S_next(struct arena *a, struct S_source *src)
{
	if (src->csv) {
		if (!csv_next(src->csv))
			return false;
		src->fields = src->csv->fields;
		src->count = src->csv->count;
		src->row = src->csv->row;
		return true;
	}
	const struct office_sheet *sh = src->sheet;
	if (src->next >= sh->count)
		return false;
	unsigned row = sh->cells[src->next].row;
	size_t end = src->next;
	while (end < sh->count && sh->cells[end].row == row)
		end++;
	/* a UHRI export has some twenty columns: a row reaching column
	 * XFD (16,384) is not made 16,384 fields wide, row after row */
	enum { MAX_COLUMNS = 256 };
	unsigned cols = sh->cells[end - 1].col;
	if (cols > MAX_COLUMNS)
		cols = MAX_COLUMNS;
	if (cols > src->cap) {
		src->fields = arena_alloc(a, cols * sizeof *src->fields);
		src->cap = cols;
	}
	struct source_pos pos = office_cell_pos(a, src->book, sh, row, 1);
	for (unsigned c = 0; c < cols; c++)
		src->fields[c] = (struct csv_field){"", 0, pos};
	for (size_t i = src->next; i < end; i++) {
		const struct office_xcell *x = &sh->cells[i];
		if (x->col > cols)
			break;
		src->fields[x->col - 1].text = x->text;
		src->fields[x->col - 1].len = strlen(x->text);
	}
	src->count = cols;
	src->row = row;
	src->next = end;
	return true;
}

/* "UPR Reccomending States" and "upr recommending states" are one
 * column. */
static char *S_column_key(struct arena *a, const char *name)
{
	char *key = arena_alloc(a, strlen(name) + 1), *k = key;
	for (const char *p = name; *p; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			*k++ = c;
	}
	char *typo = strstr(key, "reccomend");
	if (typo)
		memmove(typo + 3, typo + 4, strlen(typo + 4) + 1);
	return key;
}

/* Reads the header row; its missing columns are errors when `report`,
 * else the row is only tried. */
static bool S_header(struct S_reader *R, struct S_source *csv, bool report)
{
	struct arena *a = R->set->a;
	if (!S_next(a, csv)) {
		if (report)
			diag_error(R->set->d,
				   (struct source_pos){R->file, 0, 0},
				   "the file is empty");
		return false;
	}
	/* the columns it lacks, said in one message (as upr-info does) */
	struct buf missing;
	buf_init(&missing);
	size_t lacking = 0;
	for (int c = 0; c < S_NCOL; c++) {
		const char *want = S_column_key(a, S_col_names[c]);
		R->col[c] = SIZE_MAX;
		for (size_t i = 0; i < csv->count; i++)
			if (!strcmp(S_column_key(a, csv->fields[i].text), want))
				R->col[c] = i;
		if (R->col[c] == SIZE_MAX &&
		    (c < S_REQUIRED || c == S_SESSION))
			buf_printf(&missing, "%s'%s'", lacking++ ? ", " : "",
				   S_col_names[c]);
	}
	if (lacking && report)
		diag_error(R->set->d, csv->fields[0].pos,
			   "no %s column%s: is this an export of the "
			   "Universal Human Rights Index?",
			   missing.data, lacking > 1 ? "s" : "");
	buf_free(&missing);
	return lacking == 0;
}

/* The values of a cell: one a line, "- " before each. */
static struct import_list S_values(struct arena *a, const char *cell)
{
	struct import_list l = {0};
	while (cell && *cell) {
		size_t n = strcspn(cell, "\n");
		const char *v = cell;
		while (n && (*v == '-' || *v == ' ')) {
			v++;
			n--;
		}
		const char *value = import_clean(a, v, n);
		if (*value)
			import_list_add(a, &l, value);
		cell = v + n + (v[n] == '\n');
	}
	return l;
}

static bool S_has(const struct import_list *l, const char *name)
{
	for (size_t i = 0; i < l->count; i++)
		if (import_same_name(l->items[i], name))
			return true;
	return false;
}

static void S_keep(struct S_reader *R, struct S_source *csv, bool upr)
{
	struct arena *a = R->set->a;
	struct S_row row = {.pos = csv->fields[0].pos, .row = csv->row};
	for (int c = 0; c < S_NCOL; c++) {
		if (R->col[c] >= csv->count)
			continue;
		const struct csv_field *f = &csv->fields[R->col[c]];
		row.cell[c] = import_clean(a, f->text, f->len);
	}
	if (upr) {
		const char *s = row.cell[S_SESSION] ? row.cell[S_SESSION] : "";
		s += strcspn(s, "0123456789");
		row.session = strtol(s, NULL, 10);
		R->upr = arena_grow(a, R->upr, sizeof *R->upr, R->upr_count,
				    &R->upr_cap, R->upr_count + 1);
		R->upr[R->upr_count++] = row;
	} else {
		R->other = arena_grow(a, R->other, sizeof *R->other,
				      R->other_count, &R->other_cap,
				      R->other_count + 1);
		R->other[R->other_count++] = row;
	}
}

static void S_read_rows(struct S_reader *R, struct S_source *csv)
{
	struct arena *a = R->set->a;
	size_t need = 0;
	for (int c = 0; c < S_REQUIRED; c++)
		if (R->col[c] > need)
			need = R->col[c];
	while (S_next(a, csv)) {
		if (csv->count <= need)
			continue; /* a short row holds no recommendation */
		struct import_list countries =
			S_values(a, csv->fields[R->col[S_COUNTRIES]].text);
		if (!S_has(&countries, R->o->state))
			continue;
		for (size_t i = 0; i < countries.count && !R->state; i++)
			if (import_same_name(countries.items[i], R->o->state))
				R->state = countries.items[i];
		struct import_list body =
			S_values(a, csv->fields[R->col[S_BODY]].text);
		if (S_has(&body, "UPR"))
			S_keep(R, csv, true);
		else if (R->o->related)
			S_keep(R, csv, false);
	}
}

/* The cycle asked for, or the latest one; warnings tell of rows left out
 * (other cycles; no session to tell the cycle by). */
static long S_cycle(struct S_reader *R)
{
	long chosen = R->o->cycle, other = 0;
	for (size_t i = 0; i < R->upr_count && !R->o->cycle; i++) {
		long c = import_cycle_of_session(R->upr[i].session);
		if (c > chosen)
			chosen = c;
	}
	size_t found = 0;
	for (size_t i = 0; i < R->upr_count; i++) {
		long c = import_cycle_of_session(R->upr[i].session);
		if (c == chosen)
			found++;
		else if (!c)
			diag_warning(R->set->d, R->upr[i].pos,
				     "row %zu: no UPR Session to tell the "
				     "cycle by: this row is not imported",
				     R->upr[i].row);
		else if (!other)
			other = c;
	}
	struct source_pos whole = {R->file, 0, 0};
	if (!found)
		diag_error(R->set->d, whole,
			   "no UPR recommendation to %s from cycle %ld in "
			   "this file",
			   R->state, chosen);
	else if (other && !R->o->cycle)
		diag_warning(R->set->d, whole,
			     "%s has UPR recommendations from cycle %ld too; "
			     "importing cycle %ld (choose with --cycle)",
			     R->state, other, chosen);
	return found ? chosen : 0;
}

static void S_add_all(struct arena *a, struct import_list *to,
		      const struct import_list *from)
{
	for (size_t i = 0; i < from->count; i++)
		import_list_add(a, to, from->items[i]);
}

static void S_position(struct S_reader *R, struct import_rec *rec,
		       const struct S_row *row)
{
	const char *p = row->cell[S_POSITION] ? row->cell[S_POSITION] : "";
	struct import_list values = S_values(R->set->a, p);
	rec->position = POSITION_NOTED;
	if (values.count == 1 &&
	    import_position(values.items[0], &rec->position))
		return;
	rec->position_note =
		values.count ? arena_printf(R->set->a,
					    "TODO: check: the export says "
					    "\"%s\"",
					    p)
			     : "TODO: check: the export gives no position";
}

/* One paragraph number: the States its rows name in their States column
 * (to tell them from other parentheses at the end of its texts), and the
 * entries made of its rows. */
struct S_para {
	const char *id;
	struct import_list known;
	size_t *recs; /* indices in set->recs */
	size_t rec_count, rec_cap;
};

/* A row with a paragraph number, and what it says. */
struct S_upr {
	const struct S_row *row;
	const char *id, *rest;
	size_t para; /* index in the S_para array */
};

/* The paragraph `id`, added if new (rows of one paragraph come one after
 * the other: the search starts from the last one). */
static size_t S_para_of(struct arena *a, struct S_para **paras,
			size_t *count, size_t *cap, const char *id)
{
	for (size_t i = *count; i-- > 0;)
		if (!strcmp((*paras)[i].id, id))
			return i;
	*paras = arena_grow(a, *paras, sizeof **paras, *count, cap,
			    *count + 1);
	memset(&(*paras)[*count], 0, sizeof **paras);
	(*paras)[*count].id = id;
	return (*count)++;
}

/* What a row adds to its entry, new or not. */
static void S_add_row(struct S_reader *R, struct import_rec *rec,
		      const struct S_row *row, const struct import_list *states)
{
	struct import_set *set = R->set;
	struct arena *a = set->a;
	S_add_all(a, &rec->states, states);
	struct import_list themes = S_values(a, row->cell[S_THEMES]);
	for (size_t i = 0; i < themes.count; i++)
		if (strcmp(themes.items[i], set->clusters[rec->cluster].title))
			import_list_add(a, &rec->themes, themes.items[i]);
	struct import_list groups = S_values(a, row->cell[S_PERSONS]);
	S_add_all(a, &rec->groups, &groups);
	struct import_list sdgs = S_values(a, row->cell[S_SDGS]);
	for (size_t i = 0; i < sdgs.count; i++) {
		const char *code = import_sdg_code(a, sdgs.items[i]);
		if (code)
			import_list_add(a, &rec->sdgs, code);
	}
}

/* Rows of one paragraph are one entry when they say the same: the same
 * text (give or take white space, case, final punctuation and the States
 * at its end) and the same position.  A row that says something else
 * under the same number becomes an entry of its own, "110.5-2", with a
 * warning and a note beside its id: merged, its text was lost, and its
 * States and position went to the other text. */
static void S_upr_row(struct S_reader *R, struct S_para *para,
		      const struct S_upr *u)
{
	struct import_set *set = R->set;
	struct arena *a = set->a;
	const struct S_row *row = u->row;
	struct import_list column = S_values(a, row->cell[S_STATES]);
	struct import_list in_text = {0};
	const char *text = import_split_states(
		a, u->rest, para->known.count ? &para->known : NULL, &in_text);
	struct import_rec probe = {0};
	S_position(R, &probe, row);
	const char *key =
		arena_printf(a, "%d\n%s\n%s", (int)probe.position,
			     probe.position_note ? probe.position_note : "",
			     import_text_key(a, text));
	const struct import_list *states = column.count ? &column : &in_text;
	for (size_t i = 0; i < para->rec_count; i++) {
		struct import_rec *rec = &set->recs[para->recs[i]];
		if (!strcmp(rec->key, key)) {
			S_add_row(R, rec, row, states);
			return;
		}
	}
	struct import_list themes = S_values(a, row->cell[S_THEMES]);
	size_t cluster =
		import_cluster(set, themes.count ? themes.items[0] : "Other");
	struct import_rec *rec = import_add_rec(set);
	rec->key = key;
	rec->pos = row->pos;
	rec->row = row->row;
	rec->text = text;
	rec->position = probe.position;
	rec->position_note = probe.position_note;
	rec->cluster = cluster;
	rec->id = u->id;
	if (para->rec_count) {
		const struct import_rec *first = &set->recs[para->recs[0]];
		bool same_text = !strcmp(strrchr(first->key, '\n'),
					 strrchr(key, '\n'));
		rec->id = arena_printf(a, "%s-%zu", u->id,
				       para->rec_count + 1);
		const char *what =
			same_text ? arena_printf(a,
						 "the position '%s' where "
						 "row %zu says '%s'",
						 position_name(rec->position),
						 first->row,
						 position_name(first->position))
				  : arena_printf(a, "another text than row %zu",
						 first->row);
		diag_warning(set->d, row->pos,
			     "row %zu: paragraph %s again, with %s: imported "
			     "as a separate entry, %s; check which is right",
			     row->row, u->id, what, rec->id);
		rec->id_note = arena_printf(
			a, "TODO: check: row %zu of the export numbers this %s, "
			   "with %s",
			row->row, u->id, what);
	}
	para->recs = arena_grow(a, para->recs, sizeof *para->recs,
				para->rec_count, &para->rec_cap,
				para->rec_count + 1);
	para->recs[para->rec_count++] = set->count - 1;
	S_add_row(R, rec, row, states);
}

/* The UPR rows of the cycle: first the States each paragraph's rows
 * name, then the rows one by one. */
static void S_upr_rows(struct S_reader *R, long cycle)
{
	struct import_set *set = R->set;
	struct arena *a = set->a;
	struct S_upr *rows = arena_alloc(a, (R->upr_count + 1) * sizeof *rows);
	size_t n = 0;
	struct S_para *paras = NULL;
	size_t para_count = 0, para_cap = 0;
	for (size_t i = 0; i < R->upr_count; i++) {
		const struct S_row *row = &R->upr[i];
		if (import_cycle_of_session(row->session) != cycle)
			continue;
		const char *rest;
		const char *id = import_para_number(
			a, row->cell[S_TEXT] ? row->cell[S_TEXT] : "", &rest);
		if (!id) {
			diag_warning(set->d, row->pos,
				     "row %zu: no paragraph number at the "
				     "start of Text: this row is not imported",
				     row->row);
			continue;
		}
		if (!*rest) {
			diag_warning(set->d, row->pos,
				     "row %zu: paragraph %s has no text: this "
				     "row is not imported",
				     row->row, id);
			continue;
		}
		size_t p = S_para_of(a, &paras, &para_count, &para_cap, id);
		struct import_list column = S_values(a, row->cell[S_STATES]);
		S_add_all(a, &paras[p].known, &column);
		rows[n++] = (struct S_upr){row, id, rest, p};
	}
	for (size_t i = 0; i < n; i++)
		S_upr_row(R, &paras[rows[i].para], &rows[i]);
}

/* ------------------------------------------------------------ related */

static bool S_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A treaty body's paragraph may follow a short heading: "Rural women
 * 49.The Committee ..." gives "49" and the text after it. */
static const char *S_para(struct arena *a, const char *text,
			  const char **rest)
{
	const char *para = import_para_number(a, text, rest);
	if (para)
		return para;
	*rest = text;
	for (const char *p = text + 1; *p && p - text < 80; p++) {
		if (*p == '.')
			return NULL; /* a sentence came first: no heading */
		size_t n = strspn(p, "0123456789");
		if (p[-1] != ' ' || n == 0 || n > 3 || p[n] != '.' ||
		    S_digit(p[n + 1]))
			continue;
		const char *after = p + n + 1;
		while (*after == ' ')
			after++;
		*rest = after;
		return arena_strndup(a, p, n);
	}
	return NULL;
}

/* What a recommendation is about, to find the related ones. */
struct S_keys {
	struct import_list themes, groups;
};

static size_t S_shared(const struct import_list *a,
		       const struct import_list *b)
{
	size_t n = 0;
	for (size_t i = 0; i < a->count; i++)
		n += S_has(b, a->items[i]);
	return n;
}

struct S_candidate {
	size_t row; /* index in R->other */
	size_t shared;
};

static struct S_keys S_rec_keys(struct S_reader *R,
				const struct import_rec *rec)
{
	struct S_keys k = {.groups = rec->groups};
	import_list_add(R->set->a, &k.themes,
			R->set->clusters[rec->cluster].title);
	S_add_all(R->set->a, &k.themes, &rec->themes);
	return k;
}

/* The related rows sharing the most themes and groups with a
 * recommendation, best first, ties in the order of the file. */
static size_t S_best(struct S_reader *R, const struct S_keys *mine,
		     const struct S_keys *theirs,
		     struct S_candidate best[S_MAX_RELATED])
{
	size_t n = 0;
	for (size_t i = 0; i < R->other_count; i++) {
		struct S_candidate c = {
			i, S_shared(&mine->themes, &theirs[i].themes) +
				   S_shared(&mine->groups, &theirs[i].groups)};
		if (c.shared < S_MIN_SHARED)
			continue;
		size_t at = n;
		while (at > 0 && best[at - 1].shared < c.shared)
			at--;
		if (at == S_MAX_RELATED)
			continue;
		size_t last = n < S_MAX_RELATED ? n : S_MAX_RELATED - 1;
		memmove(&best[at + 1], &best[at], (last - at) * sizeof *best);
		best[at] = c;
		if (n < S_MAX_RELATED)
			n++;
	}
	return n;
}

/* Only recommendations are related recommendations: the index also
 * holds concerns, observations and good practices. */
static bool S_is_recommendation(struct arena *a, const struct S_row *row)
{
	struct import_list type = S_values(a, row->cell[S_TYPE]);
	if (!row->cell[S_TYPE] || !type.count)
		return true;
	for (size_t i = 0; i < type.count; i++)
		if (strstr(type.items[i], "ecommendation"))
			return true;
	return false;
}

static struct import_related S_related(struct S_reader *R,
					const struct S_row *row)
{
	struct arena *a = R->set->a;
	struct import_list body = S_values(a, row->cell[S_BODY]);
	struct import_related rel = {
		.mechanism = body.count ? body.items[0] : "?",
		.symbol = row->cell[S_SYMBOL],
	};
	rel.para = S_para(a, row->cell[S_TEXT], &rel.text);
	return rel;
}

static void S_relate(struct S_reader *R)
{
	struct arena *a = R->set->a;
	size_t kept = 0;
	for (size_t i = 0; i < R->other_count; i++)
		if (S_is_recommendation(a, &R->other[i]))
			R->other[kept++] = R->other[i];
	R->other_count = kept;
	struct S_keys *theirs = arena_alloc(a, (kept + 1) * sizeof *theirs);
	for (size_t i = 0; i < kept; i++) {
		theirs[i].themes = S_values(a, R->other[i].cell[S_THEMES]);
		theirs[i].groups = S_values(a, R->other[i].cell[S_PERSONS]);
	}
	for (size_t i = 0; i < R->set->count; i++) {
		struct import_rec *rec = &R->set->recs[i];
		struct S_keys mine = S_rec_keys(R, rec);
		struct S_candidate best[S_MAX_RELATED];
		size_t n = S_best(R, &mine, theirs, best);
		for (size_t k = 0; k < n; k++) {
			const struct S_row *row = &R->other[best[k].row];
			import_related_add(a, rec, S_related(R, row));
		}
	}
}

/* ------------------------------------------------------------- headers */

static void S_headers(struct S_reader *R, long cycle)
{
	struct import_set *set = R->set;
	const char *slash = strrchr(R->file, '/');
	const struct S_row *first = NULL;
	for (size_t i = 0; i < R->upr_count && !first; i++)
		if (import_cycle_of_session(R->upr[i].session) == cycle)
			first = &R->upr[i];
	buf_printf(&set->recs_header,
		   "Recommendations to %s from UPR cycle %ld (session "
		   "%ld%s%s), from %s, an export of the Universal Human "
		   "Rights Index (uprgen import uhri). Ids are the paragraph "
		   "numbers of the Working Group report.",
		   R->state, cycle, first->session,
		   first->cell[S_SYMBOL] ? ", " : "",
		   first->cell[S_SYMBOL] ? first->cell[S_SYMBOL] : "",
		   slash ? slash + 1 : R->file);
	if (R->o->related)
		buf_printf(&set->recs_header,
			   "\n\nTODO: `related` offers, for each "
			   "recommendation, the recommendations of other "
			   "mechanisms to %s that share the most themes and "
			   "groups of persons with it (%d at most, %d in "
			   "common at least): keep those that apply.",
			   R->state, S_MAX_RELATED, S_MIN_SHARED);
	buf_printf(&set->clusters_header,
		   "Thematic clusters of the recommendations to %s: the first "
		   "theme that the Universal Human Rights Index gives each of "
		   "them.",
		   R->state);
}

/* The rows read: the recommendations of the cycle, sorted. */
static bool S_import(struct S_reader *R)
{
	struct import_set *set = R->set;
	const struct import_options *o = R->o;
	if (!R->upr_count) {
		diag_error(set->d, (struct source_pos){o->file, 0, 0},
			   "no UPR recommendation to '%s' in this file",
			   o->state);
		return false;
	}
	long cycle = S_cycle(R);
	if (!cycle)
		return false;
	S_upr_rows(R, cycle);
	if (!set->count) {
		diag_error(set->d, (struct source_pos){o->file, 0, 0},
			   "no UPR recommendation with a paragraph number");
		return false;
	}
	import_sort_by_id(set);
	if (o->related)
		S_relate(R);
	S_headers(R, cycle);
	return true;
}

bool import_uhri(struct import_set *set, const struct import_options *o,
		 const char *text, size_t len)
{
	struct S_reader R = {.set = set, .o = o, .file = o->file};
	struct csv_reader csv;
	csv_init(&csv, set->d, o->file, text, len, 0);
	struct S_source src = {.csv = &csv};
	if (S_header(&R, &src, true))
		S_read_rows(&R, &src);
	csv_free(&csv);
	if (set->d->errors)
		return false;
	return S_import(&R);
}

/* Every sheet whose header row (one of its first rows) names the
 * columns is read; a sheet without them is said and left. */
bool import_uhri_xlsx(struct import_set *set, const struct import_options *o,
		      const char *bytes, size_t len)
{
	enum { HEADER_ROWS = 5 };
	struct office_book book;
	if (!office_xlsx_read(set->a, set->d, o->file, bytes, len, &book))
		return false;
	struct S_reader R = {.set = set, .o = o, .file = o->file};
	size_t read = 0;
	for (size_t s = 0; s < book.sheet_count; s++) {
		const struct office_sheet *sh = &book.sheets[s];
		struct S_source src = {.book = &book, .sheet = sh};
		bool found = false;
		for (int r = 0; r < HEADER_ROWS && !found; r++)
			found = S_header(&R, &src, false);
		if (!found) {
			if (sh->count)
				diag_warning(set->d,
					     office_cell_pos(set->a, &book, sh,
							     0, 0),
					     "no header row with the columns "
					     "Text, Countries Concerned and "
					     "Reccomending Body in this "
					     "sheet: not read");
			continue;
		}
		S_read_rows(&R, &src);
		read++;
	}
	if (!read) {
		for (size_t s = 0; s < book.sheet_count; s++) {
			struct S_source src = {.book = &book,
					       .sheet = &book.sheets[s]};
			if (book.sheets[s].count) {
				S_header(&R, &src, true);
				break;
			}
		}
		if (!set->d->errors)
			diag_error(set->d, (struct source_pos){o->file, 0, 0},
				   "the workbook's sheets are empty");
	}
	if (set->d->errors)
		return false;
	return S_import(&R);
}
