/*
 * import_ohchr_docx — OHCHR's "thematic list of recommendations" as OHCHR
 * sends it: a Word file holding one table, a header row, then a
 * "Theme: ..." row (one cell across the table) before each cluster's
 * recommendations, one recommendation a row:
 *
 *   Recommendation [and recommending State] | Position [of the State ...]
 *   | [Full list of] themes [and groups of persons] | Relevant SDGs
 *   | Assessment/comments on level of implementation
 *
 * The columns differ from cycle to cycle, so each is found by what its
 * header says (S_role), never by its number: the table is the one whose
 * header row has a recommendation column.  In a recommendation cell a
 * paragraph opening with a paragraph number ("140.7 Ratify ...") starts a
 * recommendation (a cell may hold two, each with its own States), "Source
 * of position: ..." is kept beside the position; the States are every
 * parenthesised group closing a recommendation's sentence: "... (France)
 * (Lithuania);", "... (Egypt); continue ... (Peru);", "(Portugal,
 * Slovakia)".  The themes cell lists themes, then after "Affected
 * persons:" or "Groups of Persons:" the groups; SDG lines ("- 16 - PEACE,
 * JUSTICE AND STRONG INSTITUTIONS") give goals wherever they are.  What a
 * State wrote in an assessment column becomes an action dated the day the
 * file was last saved (docProps/core.xml), or its `challenges` without a
 * date (import.h).  A recommendation listed under two themes is one entry,
 * the second theme among its themes.  Rows that cannot be read are
 * reported with their number; the others are imported.
 */
#include <string.h>
#include <strings.h>

#include "escape.h"
#include "import.h"
#include "office.h"

enum S_role {
	S_NONE,
	S_REC,
	S_POSITION,
	S_THEMES,
	S_SDGS,
	S_ASSESSMENT,
};

/* What a header cell says its column holds. */
static enum S_role S_role(const char *h)
{
	static const struct {
		const char *word;
		enum S_role role;
	} words[] = {
		/* most particular first: "Position of the State under
		 * review" is no recommendation column, "Recommendation and
		 * recommending State" no position column */
		{"assessment", S_ASSESSMENT}, {"comment", S_ASSESSMENT},
		{"level of implementation", S_ASSESSMENT},
		{"sdg", S_SDGS}, {"sustainable development", S_SDGS},
		{"position", S_POSITION}, {"response", S_POSITION},
		{"recommendation", S_REC}, {"theme", S_THEMES},
		{"issue", S_THEMES},
	};
	size_t n = strlen(h);
	for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
		size_t m = strlen(words[w].word);
		for (size_t i = 0; i + m <= n; i++)
			if (!strncasecmp(h + i, words[w].word, m))
				return words[w].role;
	}
	return S_NONE;
}

struct S_reader {
	struct import_set *set;
	const struct import_options *o;
	const struct office_docx *doc;
	struct source_pos pos; /* FILE:word/document.xml */
	size_t table;          /* 1-based, for messages */
	enum S_role *roles;    /* by grid column */
	unsigned columns;
	bool has_cluster;
	size_t cluster;
	/* the recommendations of the row read last, for a row that goes on
	 * with them (a vertically merged recommendation cell) */
	struct import_rec **last;
	size_t last_count, last_cap;
	size_t *ids, id_cap; /* see S_find */
};

static const char *S_cell_role_text(struct S_reader *R,
				    const struct office_row *row,
				    enum S_role role,
				    const struct office_cell **cell)
{
	for (size_t i = 0; i < row->count; i++) {
		const struct office_cell *c = &row->cells[i];
		if (c->col < R->columns && R->roles[c->col] == role) {
			*cell = c;
			return office_cell_text(R->set->a, c);
		}
	}
	*cell = NULL;
	return NULL;
}

/* A paragraph's text, white space tidied (tabs and line breaks are
 * spaces in a sentence). */
static const char *S_tidy(struct arena *a, const char *s)
{
	char *t = arena_strdup(a, s);
	for (char *p = t; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	char *out = t;
	size_t n = 0;
	for (char *p = t; *p; p++)
		if (*p != ' ' || (n && out[n - 1] != ' '))
			out[n++] = *p;
	while (n && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return out;
}

/* ------------------------------------------------------------ States */

static bool S_upper(const char *s)
{
	unsigned char c = (unsigned char)*s;
	return (c >= 'A' && c <= 'Z') || c >= 0xC0; /* a capital, or any
						       accented letter */
}

/* Adds the names of one group, "Portugal, Slovakia" being two (UN names
 * of States hold no comma outside parentheses). */
static void S_add_group(struct arena *a, const char *s, size_t len,
			struct import_list *states)
{
	int depth = 0;
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] == '(')
			depth++;
		else if (i < len && s[i] == ')')
			depth--;
		if (i == len || (s[i] == ',' && depth == 0)) {
			const char *name = import_clean(a, s + start, i - start);
			if (*name)
				import_list_add(a, states, name);
			start = i + 1;
		}
	}
}

/* Whether text[start, end) reads like the names of States: a capital
 * first (or "the former ..."), no digit, not an acronym in capitals
 * ("(ICRMW)" names a convention). */
static bool S_names(const char *text, size_t start, size_t end)
{
	if (end <= start ||
	    !(S_upper(text + start) || !strncmp(text + start, "the ", 4)))
		return false;
	bool lower = false;
	for (size_t c = start; c < end; c++) {
		if (text[c] >= '0' && text[c] <= '9')
			return false;
		lower = lower || (text[c] >= 'a' && text[c] <= 'z') ||
			(unsigned char)text[c] >= 0x80;
	}
	return lower;
}

/* The text without the States that close it: the groups S_names
 * accepts, and the ";" or "." after them. */
static const char *S_strip_states(struct arena *a, const char *text)
{
	size_t end = strlen(text);
	for (;;) {
		while (end && (text[end - 1] == ' ' || text[end - 1] == ';' ||
			       text[end - 1] == '.'))
			end--;
		if (!end || text[end - 1] != ')')
			break;
		int depth = 0;
		size_t open = end;
		while (open-- > 0) {
			if (text[open] == ')')
				depth++;
			else if (text[open] == '(' && --depth == 0)
				break;
		}
		if (open == (size_t)-1 || !S_names(text, open + 1, end - 1))
			break;
		end = open;
	}
	if (!end)
		return text;
	return import_clean(a, text, end);
}

/* The end of the group opening at s[open] ('('), or 0. */
static size_t S_group_end(const char *s, size_t open)
{
	int depth = 0;
	for (size_t i = open; s[i]; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth == 0)
			return i;
	}
	return 0;
}

/* The States of a recommendation's text, in order: the parenthesised
 * groups that read like names (S_names) in each run of groups that closes
 * a sentence: followed by ";", "." or the end. */
static void S_states(struct arena *a, const char *text,
		     struct import_list *states)
{
	size_t n = strlen(text);
	for (size_t i = 0; i < n; i++) {
		if (text[i] != '(')
			continue;
		/* a run of groups: "(France) (Lithuania)" */
		size_t starts[16], ends[16], count = 0;
		size_t k = i;
		while (k < n && text[k] == '(' && count < 16) {
			size_t e = S_group_end(text, k);
			if (!e)
				break;
			starts[count] = k + 1;
			ends[count++] = e;
			k = e + 1;
			while (k < n && text[k] == ' ')
				k++;
		}
		if (!count) {
			continue;
		}
		bool closes = k >= n || text[k] == ';' ||
			      (text[k] == '.' && (k + 1 >= n || text[k + 1] == ' ' ||
						  text[k + 1] == '\0'));
		for (size_t g = 0; g < count && closes; g++)
			if (S_names(text, starts[g], ends[g]))
				S_add_group(a, text + starts[g],
					    ends[g] - starts[g], states);
		i = ends[count - 1];
	}
}

/* ------------------------------------------------------------- header */

/* The row's cells' roles if it is a header row with a recommendation
 * column. */
static bool S_header(struct S_reader *R, const struct office_row *row)
{
	unsigned cols = 0;
	for (size_t i = 0; i < row->count; i++)
		if (row->cells[i].col + row->cells[i].span > cols)
			cols = row->cells[i].col + row->cells[i].span;
	enum S_role *roles =
		arena_alloc(R->set->a, (cols + 1) * sizeof *roles);
	bool rec = false;
	for (size_t i = 0; i < row->count; i++) {
		const struct office_cell *c = &row->cells[i];
		const char *h = office_cell_text(R->set->a, c);
		if (strlen(h) > 120)
			return false; /* a sentence, not a heading */
		enum S_role role = S_role(h);
		for (unsigned k = 0; k < c->span; k++)
			roles[c->col + k] = k ? S_NONE : role;
		rec = rec || role == S_REC;
	}
	if (!rec)
		return false;
	R->roles = roles;
	R->columns = cols;
	return true;
}

static bool S_same_row(const struct office_row *a, const struct office_row *b,
		       struct arena *ar)
{
	if (a->count != b->count)
		return false;
	for (size_t i = 0; i < a->count; i++)
		if (strcmp(office_cell_text(ar, &a->cells[i]),
			   office_cell_text(ar, &b->cells[i])))
			return false;
	return true;
}

/* What the header rows of the tables say, for the message when none has a
 * recommendation column. */
static const char *S_headers_found(struct arena *a,
				   const struct office_docx *doc)
{
	struct buf b;
	buf_init(&b);
	for (size_t t = 0; t < doc->table_count && t < 8; t++) {
		if (!doc->tables[t].count)
			continue;
		const struct office_row *row = &doc->tables[t].rows[0];
		buf_printf(&b, "%stable %zu:", b.len ? "; " : "", t + 1);
		for (size_t i = 0; i < row->count && i < 12; i++)
			buf_printf(&b, "%s '%s'", i ? "," : "",
				   diag_quote(a, S_tidy(a, office_cell_text(
							       a, &row->cells[i]))));
	}
	const char *s = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

/* --------------------------------------------------------------- rows */

/* The ids seen: a hash table of indices in set->recs (plus one; 0 is a
 * free slot), so that a table of 100,000 rows is not read in quadratic
 * time. */
static size_t S_hash(const char *s)
{
	size_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static struct import_rec *S_find(struct S_reader *R, const char *id)
{
	for (size_t i = R->id_cap ? S_hash(id) & (R->id_cap - 1) : 0;
	     R->id_cap && R->ids[i]; i = (i + 1) & (R->id_cap - 1))
		if (!strcmp(R->set->recs[R->ids[i] - 1].id, id))
			return &R->set->recs[R->ids[i] - 1];
	return NULL;
}

static void S_put_id(struct S_reader *R, size_t *ids, size_t cap, size_t rec)
{
	size_t i = S_hash(R->set->recs[rec].id) & (cap - 1);
	while (ids[i])
		i = (i + 1) & (cap - 1);
	ids[i] = rec + 1;
}

/* Records the id of the entry just added. */
static void S_add_id(struct S_reader *R)
{
	struct import_set *set = R->set;
	if (2 * set->count > R->id_cap) {
		size_t cap = R->id_cap ? 2 * R->id_cap : 256;
		size_t *ids = arena_alloc(set->a, cap * sizeof *ids);
		for (size_t i = 0; i + 1 < set->count; i++)
			S_put_id(R, ids, cap, i);
		R->ids = ids;
		R->id_cap = cap;
	}
	S_put_id(R, R->ids, R->id_cap, set->count - 1);
}

static void S_warn(struct S_reader *R, size_t row, const char *what)
{
	diag_warning(R->set->d, R->pos, "table %zu, row %zu: %s", R->table,
		     row, what);
}

/* The themes cell (and SDG lines in it): items one a paragraph, "- "
 * before each or not; after "Affected persons:" / "Groups of Persons:"
 * they are groups. */
static void S_themes(struct S_reader *R, struct import_rec *rec,
		     const struct office_cell *c, bool sdgs_only)
{
	enum { MAX_ITEMS = 1000 };
	struct import_set *set = R->set;
	bool groups = false;
	if (c && c->para_count > MAX_ITEMS && !sdgs_only)
		S_warn(R, rec->row,
		       arena_printf(set->a,
				    "%zu lines of themes and groups for %s: "
				    "only the first %d are read",
				    c->para_count, rec->id, MAX_ITEMS));
	for (size_t i = 0; c && i < c->para_count && i < MAX_ITEMS; i++) {
		const char *line = S_tidy(set->a, c->paras[i]);
		size_t label = 0;
		if (!strncasecmp(line, "Affected persons:", 17))
			label = 17;
		else if (!strncasecmp(line, "Groups of Persons:", 18))
			label = 18;
		else if (!strncasecmp(line, "SDGs:", 5))
			label = 5;
		if (label) {
			groups = line[0] != 'S' && line[0] != 's';
			line += label;
		}
		while (*line == '-' || *line == ' ' || *line == 0x7F)
			line++;
		/* "\xE2\x80\x93" (an en dash) and bullets as list marks */
		if (!strncmp(line, "\xE2\x80\x93 ", 4) ||
		    !strncmp(line, "\xE2\x80\xA2 ", 4))
			line += 4;
		if (!*line)
			continue;
		const char *code = import_sdg_code(set->a, line);
		if (code && (!line[strlen(code)] ||
			     !strncmp(line + strlen(code), " - ", 3) ||
			     sdgs_only)) {
			import_list_add(set->a, &rec->sdgs, code);
			continue;
		}
		if (sdgs_only)
			continue;
		if (groups)
			import_list_add(set->a, &rec->groups, line);
		else if (strcmp(line, set->clusters[rec->cluster].title))
			import_list_add(set->a, &rec->themes, line);
	}
}

/* The assessment cell as Markdown: each paragraph its own, escaped. */
static const char *S_assessment(struct S_reader *R,
				const struct office_cell *c)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; c && i < c->para_count; i++) {
		const char *p = S_tidy(R->set->a, c->paras[i]);
		if (!*p)
			continue;
		if (b.len)
			buf_puts(&b, "\n\n");
		escape_markdown(&b, p, strlen(p));
	}
	const char *s = b.len ? arena_strdup(R->set->a, b.data) : NULL;
	buf_free(&b);
	return s;
}

/* Everything but the recommendation cell, for each of the row's
 * recommendations. */
static void S_row_details(struct S_reader *R, const struct office_row *row,
			  size_t n, struct import_rec **recs, size_t count)
{
	struct import_set *set = R->set;
	const struct office_cell *pc, *tc, *sc, *ac;
	const char *position = S_cell_role_text(R, row, S_POSITION, &pc);
	S_cell_role_text(R, row, S_THEMES, &tc);
	S_cell_role_text(R, row, S_SDGS, &sc);
	S_cell_role_text(R, row, S_ASSESSMENT, &ac);
	const char *assessment = S_assessment(R, ac);
	enum position p;
	bool has_position = position && *S_tidy(set->a, position) &&
			    import_position(position, &p);
	if (position && *S_tidy(set->a, position) && !has_position)
		S_warn(R, n,
		       arena_printf(set->a,
				    "the position '%s' is neither supported "
				    "nor noted",
				    diag_quote(set->a,
					       S_tidy(set->a, position))));
	for (size_t i = 0; i < count; i++) {
		struct import_rec *rec = recs[i];
		if (has_position)
			rec->position = p;
		S_themes(R, rec, tc, false);
		S_themes(R, rec, sc, true);
		if (assessment && !rec->assessment) {
			rec->assessment = assessment;
			rec->assessed = R->doc->modified;
			const char *slash = strrchr(R->o->file, '/');
			rec->assessment_source = arena_printf(
				set->a,
				"Assessment in OHCHR's thematic list of "
				"recommendations (%s)",
				slash ? slash + 1 : R->o->file);
		}
	}
}

static void S_finish_rec(struct S_reader *R, struct import_rec *rec,
			 struct buf *text, size_t row)
{
	struct import_set *set = R->set;
	const char *whole = S_tidy(set->a, text->data ? text->data : "");
	buf_clear(text);
	if (strlen(whole) > MODEL_MAX_TEXT_FIELD) {
		rec->text = whole; /* refused as too long before writing */
		return;
	}
	rec->text = S_strip_states(set->a, whole);
	S_states(set->a, whole, &rec->states);
	if (!rec->states.count)
		S_warn(R, row,
		       arena_printf(set->a,
				    "no recommending State in parentheses "
				    "in %s",
				    rec->id));
}

/* A recommendation row: returns false when it holds none. */
static bool S_rec_row(struct S_reader *R, const struct office_row *row,
		      size_t n)
{
	struct import_set *set = R->set;
	const struct office_cell *rc;
	S_cell_role_text(R, row, S_REC, &rc);
	if (rc && rc->vmerge == OFFICE_VMERGE_CONTINUE) {
		/* the recommendation cell above goes on down */
		S_row_details(R, row, n, R->last, R->last_count);
		return true;
	}
	R->last_count = 0;
	struct import_rec *rec = NULL;
	bool seen = false; /* the current one was listed before */
	bool has_source = false;
	struct buf text;
	buf_init(&text);
	for (size_t i = 0; rc && i < rc->para_count; i++) {
		const char *line = S_tidy(set->a, rc->paras[i]);
		const char *rest;
		const char *id = import_para_number(set->a, line, &rest);
		if (id && *rest) {
			if (rec && !seen)
				S_finish_rec(R, rec, &text, n);
			buf_clear(&text);
			has_source = false;
			struct import_rec *before = S_find(R, id);
			seen = before != NULL;
			if (seen) {
				/* listed under a second theme */
				import_list_add(set->a, &before->themes,
						set->clusters[R->cluster].title);
				rec = before;
				continue;
			}
			rec = import_add_rec(set);
			rec->id = id;
			S_add_id(R);
			rec->pos = R->pos;
			rec->row = n;
			rec->cluster = R->cluster;
			rec->position = POSITION_NOTED;
			buf_puts(&text, rest);
			R->last = arena_grow(set->a, R->last, sizeof *R->last,
					     R->last_count, &R->last_cap,
					     R->last_count + 1);
			R->last[R->last_count++] = rec;
			continue;
		}
		if (!*line || !rec || seen)
			continue;
		if (!strncasecmp(line, "Source of position:", 19)) {
			/* the source of every recommendation of the cell
			 * that has none yet */
			const char *note = arena_printf(
				set->a, "source: %s",
				S_tidy(set->a, line + 19));
			for (size_t k = 0; k < R->last_count; k++)
				if (!R->last[k]->position_note)
					R->last[k]->position_note = note;
			has_source = true;
		} else if (!has_source) {
			buf_putc(&text, ' ');
			buf_puts(&text, line);
		}
	}
	if (rec && !seen)
		S_finish_rec(R, rec, &text, n);
	buf_free(&text);
	if (!R->last_count)
		return rec != NULL;
	const struct office_cell *pc;
	const char *position = S_cell_role_text(R, row, S_POSITION, &pc);
	S_row_details(R, row, n, R->last, R->last_count);
	enum position p;
	if (!position || !import_position(position, &p))
		for (size_t i = 0; i < R->last_count; i++) {
			S_warn(R, n,
			       arena_printf(set->a,
					    "no position (Supported, Noted) "
					    "for %s",
					    R->last[i]->id));
			R->last[i]->position_note =
				"TODO: the matrix gives no position";
		}
	return true;
}

/* "Theme: ..." in the row's first cell that says anything. */
static const char *S_theme_row(struct arena *a, const struct office_row *row)
{
	for (size_t i = 0; i < row->count; i++) {
		const char *t = S_tidy(a, office_cell_text(a, &row->cells[i]));
		if (!*t)
			continue;
		if (!strncasecmp(t, "Theme:", 6))
			return S_tidy(a, t + 6);
		return NULL;
	}
	return NULL;
}

static bool S_row_empty(struct arena *a, const struct office_row *row)
{
	for (size_t i = 0; i < row->count; i++)
		if (*S_tidy(a, office_cell_text(a, &row->cells[i])))
			return false;
	return true;
}

static void S_table(struct S_reader *R, const struct office_table *t,
		    size_t header)
{
	struct import_set *set = R->set;
	const struct office_row *head = &t->rows[header];
	for (size_t r = header + 1; r < t->count; r++) {
		const struct office_row *row = &t->rows[r];
		const char *theme = S_theme_row(set->a, row);
		if (theme) {
			R->cluster = import_cluster(set, theme);
			R->has_cluster = true;
			R->last_count = 0;
			continue;
		}
		if (S_row_empty(set->a, row) || S_same_row(row, head, set->a))
			continue; /* the header again, on a new page */
		if (!R->has_cluster) {
			R->cluster = import_cluster(set, "Recommendations");
			R->has_cluster = true;
		}
		if (!S_rec_row(R, row, r + 1))
			S_warn(R, r + 1,
			       "no paragraph number (\"140.7 Ratify ...\") at "
			       "the start of the recommendation: this row is "
			       "not imported");
	}
}

/* The State the page header names: "UPR of Slovenia (4th Cycle ..."
 * gives "Slovenia", and *at the paragraph that says it ("FILE:
 * word/header1.xml", its line and column); NULL when no header says
 * so. */
static const char *S_header_state(struct arena *a,
				  const struct office_docx *doc,
				  struct source_pos *at)
{
	for (size_t i = 0; i < doc->header_para_count; i++) {
		const char *p = strstr(doc->header_paras[i], "UPR of ");
		if (!p)
			continue;
		p += 7;
		const char *end = strstr(p, " (");
		if (!end)
			end = p + strcspn(p, "(\t\n");
		while (end > p && end[-1] == ' ')
			end--;
		if (end > p && end - p < 100) {
			*at = doc->header_pos[i];
			return arena_strndup(a, p, (size_t)(end - p));
		}
	}
	return NULL;
}

bool import_ohchr_docx(struct import_set *set, const struct import_options *o,
		       const char *bytes, size_t len)
{
	struct office_docx doc;
	if (!office_docx_read(set->a, set->d, o->file, bytes, len, &doc))
		return false;
	struct S_reader R = {.set = set, .o = o, .doc = &doc};
	R.pos = (struct source_pos){
		arena_printf(set->a, "%s:%s", o->file, doc.part), 0, 0};
	size_t tables = 0;
	for (size_t t = 0; t < doc.table_count; t++) {
		const struct office_table *tb = &doc.tables[t];
		/* the header row: among the first rows (a title row may come
		 * before it) */
		for (size_t r = 0; r < tb->count && r < 4; r++)
			if (S_header(&R, &tb->rows[r])) {
				R.table = t + 1;
				S_table(&R, tb, r);
				tables++;
				break;
			}
	}
	if (!tables) {
		diag_error(set->d, R.pos,
			   "no table with a recommendation column: is this "
			   "OHCHR's thematic list of recommendations? %s",
			   doc.table_count
				   ? arena_printf(set->a, "The header rows say: "
							  "%s",
						  S_headers_found(set->a,
								  &doc))
				   : "The document holds no table.");
		return false;
	}
	if (!set->count) {
		diag_error(set->d, R.pos,
			   "no recommendation found in the table: no row "
			   "starts with a paragraph number (\"140.7 Ratify "
			   "...\")");
		return false;
	}
	import_sort_by_id(set);
	/* OHCHR's page header names the State ("UPR of Slovenia (4th
	 * Cycle - 48th Session)"): it names the recommendations' State when
	 * --state does not, and a --state that is another is said */
	struct import_options named = *o;
	struct source_pos at;
	const char *state = S_header_state(set->a, &doc, &at);
	if (state && !o->state)
		named.state = state;
	else if (state && !import_same_name(state, o->state))
		diag_warning(set->d, at,
			     "the document's page header names '%s' ('UPR of "
			     "%s'), not '%s' (--state): is this the matrix "
			     "of the State under review? (if '%s' is its name "
			     "in another language, it is)",
			     state, state, o->state, o->state);
	import_ohchr_headers(set, &named, "rows");
	return true;
}
