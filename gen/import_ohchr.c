/*
 * import_ohchr — the text of OHCHR's "thematic list of recommendations"
 * (the matrix sent with the High Commissioner's letter), as copied out of
 * its PDF or web page:
 *
 *     Theme: Ratification of &amp; accession to international instruments
 *     140.7 Ratify the Optional Protocol ... (Maldives) (Portugal);
 *     Source of Position: A/HRC/59/15/Add.1 - Para.3
 *     Supported
 *     - Ratification of &amp; accession to international instruments
 *     Groups of Persons:
 *     - Public officials
 *     - 1 - NO POVERTY
 *
 * Each "Theme:" heading is a cluster (a heading met twice, once among the
 * supported and once among the noted recommendations, is one cluster); the
 * lines after a recommendation give its position, themes, groups of
 * persons and SDGs.  Lists of the third cycle say "SDGs:" and "Affected
 * persons:" before those, and may join the recommendations of several
 * States in one paragraph.  Ids are the paragraph numbers; entries are
 * sorted by them.  HTML entities (&amp;) are decoded.  A copy out of a
 * PDF carries page furniture (form feeds, running heads, page numbers,
 * repeated column headings): it is left out, with a warning, before the
 * lines are read (S_mark_furniture).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"

enum S_part { S_BEFORE, S_TEXT, S_POSITION, S_THEMES, S_GROUPS, S_SDGS };

struct S_parser {
	struct import_set *set;
	const char *file;
	struct source_pos pos; /* of the current line */
	bool has_cluster;
	size_t cluster;
	struct import_rec *rec; /* the one being read, or NULL */
	struct source_pos rec_pos;
	struct buf text;        /* its text, lines joined */
	bool has_position;
	enum S_part part;
};

/* "&#233;", "&#xE9;": the code point, or 0 when not a valid one. */
static unsigned S_char_ref(const char *s, size_t *len)
{
	bool hex = s[2] == 'x' || s[2] == 'X';
	const char *digits = s + 2 + hex;
	char *end;
	unsigned long c = strtoul(digits, &end, hex ? 16 : 10);
	if (end == digits || *end != ';' || *digits == '-' || *digits == '+' ||
	    c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*len = (size_t)(end - s) + 1;
	return (unsigned)c;
}

/* The entities an HTML-to-text copy leaves behind. */
static char *S_entities(struct arena *a, const char *s)
{
	static const struct {
		const char *name, *text;
	} named[] = {
		{"&amp;", "&"}, {"&lt;", "<"},	{"&gt;", ">"},
		{"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", "\xC2\xA0"},
	};
	const size_t count = sizeof named / sizeof *named;
	struct buf b;
	buf_init(&b);
	while (*s) {
		size_t i = 0, n = 0;
		unsigned c = 0;
		if (*s == '&')
			for (; i < count; i++) {
				n = strlen(named[i].name);
				if (!strncmp(s, named[i].name, n))
					break;
			}
		if (*s == '&' && i < count) {
			buf_puts(&b, named[i].text);
			s += n;
		} else if (s[0] == '&' && s[1] == '#' &&
			   (c = S_char_ref(s, &n))) {
			import_put_utf8(&b, c);
			s += n;
		} else {
			buf_putc(&b, *s++);
		}
	}
	char *out = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return out;
}

static const char *S_clean(struct S_parser *P, const char *s)
{
	const char *decoded = S_entities(P->set->a, s);
	return import_clean(P->set->a, decoded, strlen(decoded));
}

static void S_finish(struct S_parser *P)
{
	struct import_rec *rec = P->rec;
	if (!rec)
		return;
	struct import_set *set = P->set;
	P->rec = NULL;
	rec->text = import_split_states(set->a, S_clean(P, P->text.data), NULL,
					&rec->states);
	if (!rec->states.count)
		diag_warning(set->d, P->rec_pos,
			     "no recommending State in parentheses at the end "
			     "of %s",
			     rec->id);
	if (!P->has_position) {
		diag_warning(set->d, P->rec_pos,
			     "no position (Supported, Noted) for %s", rec->id);
		rec->position = POSITION_NOTED;
		rec->position_note = "TODO: the matrix gives no position";
	}
}

static struct import_rec *S_find(struct import_set *set, const char *id)
{
	for (size_t i = 0; i < set->count; i++)
		if (!strcmp(set->recs[i].id, id))
			return &set->recs[i];
	return NULL;
}

/* "140.7 Ratify ..." starts a recommendation. */
static void S_start(struct S_parser *P, const char *id, const char *rest)
{
	struct import_set *set = P->set;
	S_finish(P);
	P->part = S_TEXT;
	P->has_position = false;
	P->rec_pos = P->pos;
	buf_clear(&P->text);
	buf_puts(&P->text, rest);
	struct import_rec *seen = S_find(set, id);
	if (seen) {
		/* listed under a second theme: that theme is one of its
		 * themes, and the rest is already known */
		import_list_add(set->a, &seen->themes,
				set->clusters[P->cluster].title);
		P->part = S_BEFORE;
		return;
	}
	P->rec = import_add_rec(set);
	P->rec->id = id;
	P->rec->pos = P->pos;
	P->rec->cluster = P->cluster;
}

static void S_list_item(struct S_parser *P, const char *item)
{
	struct import_set *set = P->set;
	const char *code = import_sdg_code(set->a, item);
	if (code && !strncmp(item + strlen(code), " - ", 3)) {
		import_list_add(set->a, &P->rec->sdgs, code);
		return;
	}
	item = S_clean(P, item);
	if (P->part == S_GROUPS)
		import_list_add(set->a, &P->rec->groups, item);
	else if (strcmp(item, set->clusters[P->rec->cluster].title))
		import_list_add(set->a, &P->rec->themes, item);
}

/* Lines after the text: its source, position, themes, groups, SDGs. */
static bool S_detail(struct S_parser *P, const char *line)
{
	struct import_rec *rec = P->rec;
	enum position position;
	if (!strncmp(line, "Source of Position:", 19)) {
		P->part = S_POSITION;
		rec->position_note = arena_printf(
			P->set->a, "source: %s", S_clean(P, line + 19));
	} else if ((P->part == S_POSITION || P->part == S_TEXT) &&
		   strlen(line) <= 24 && import_position(line, &position)) {
		rec->position = position;
		P->has_position = true;
		P->part = S_THEMES;
	} else if (!strncasecmp(line, "Groups of Persons:", 18) ||
		   !strncasecmp(line, "Affected persons:", 17)) {
		P->part = S_GROUPS;
	} else if (!strncasecmp(line, "SDGs:", 5)) {
		P->part = S_SDGS;
	} else if (line[0] == '-' && line[1] == ' ' &&
		   P->part >= S_THEMES) {
		S_list_item(P, line + 2);
	} else {
		return false;
	}
	return true;
}

static void S_line(struct S_parser *P, const char *line)
{
	struct import_set *set = P->set;
	const char *rest;
	const char *id = NULL;
	if (!strncmp(line, "Theme:", 6)) {
		S_finish(P);
		P->part = S_BEFORE;
		P->cluster = import_cluster(set, S_clean(P, line + 6));
		P->has_cluster = true;
		return;
	}
	if (P->has_cluster)
		id = import_para_number(set->a, line, &rest);
	if (id && *rest) {
		S_start(P, id, rest);
		return;
	}
	if (P->part == S_BEFORE)
		return; /* the table's column headings, or a repeated entry */
	if (S_detail(P, line))
		return;
	if (P->part == S_TEXT) {
		buf_putc(&P->text, ' ');
		buf_puts(&P->text, line);
		return;
	}
	diag_warning(set->d, P->pos, "skipped a line not understood here");
}

/* ------------------------------------------------------ page furniture */

/* A text copied out of a PDF carries the pages' furniture: form feeds
 * between pages, running heads and page numbers at their edges, the
 * table's column headings repeated on every page.  Glued to the text of
 * the recommendation a page break cuts, they would become part of it. */

struct S_line {
	const char *text; /* cleaned: no surrounding white space */
	int line;         /* in the file, for messages */
	size_t page;      /* pages are separated by form feeds */
	bool furniture;
};

/* The line with every digit as '#': "Page 3 of 40" and "Page 4 of 40"
 * are one running line. */
static const char *S_shape(struct arena *a, const char *s)
{
	char *out = arena_strdup(a, s);
	for (char *p = out; *p; p++)
		if (*p >= '0' && *p <= '9')
			*p = '#';
	return out;
}

/* "12", "- 12 -", "12/40", "12 of 40" (bare: only at a page's edge, since
 * a wrapped text may leave a number on a line of its own), or "Page 12",
 * "Page 12 of 40" (anywhere) */
static bool S_page_number(const char *s, bool at_edge)
{
	if (!strncasecmp(s, "page ", 5))
		s += 5;
	else if (!at_edge)
		return false;
	while (*s == '-' || *s == ' ')
		s++;
	size_t n = strspn(s, "0123456789");
	if (!n)
		return false;
	s += n;
	while (*s == ' ')
		s++;
	if (*s == '/' || !strncasecmp(s, "of ", 3)) {
		s += *s == '/' ? 1 : 3;
		while (*s == ' ')
			s++;
		n = strspn(s, "0123456789");
		if (!n)
			return false;
		s += n;
	}
	while (*s == '-' || *s == ' ')
		s++;
	return !*s;
}

/* A UN document's job number at the foot of its pages: "GE.20-01234(E)" */
static bool S_job_number(const char *s)
{
	return !strncmp(s, "GE.", 3) && s[3] >= '0' && s[3] <= '9' &&
	       s[4] >= '0' && s[4] <= '9' && s[5] == '-';
}

/* Lines that mean something to the parser are never furniture. */
static bool S_structural(struct arena *a, const char *s)
{
	const char *rest;
	enum position p;
	return !strncmp(s, "Theme:", 6) || (s[0] == '-' && s[1] == ' ') ||
	       import_para_number(a, s, &rest) ||
	       !strncmp(s, "Source of Position:", 19) ||
	       !strncasecmp(s, "Groups of Persons:", 18) ||
	       !strncasecmp(s, "Affected persons:", 17) ||
	       !strncasecmp(s, "SDGs:", 5) ||
	       (strlen(s) <= 24 && import_position(s, &p));
}

/* Marks the furniture: page numbers and job numbers anywhere; the column
 * headings (the lines before the first "Theme:") wherever they come
 * again; and the lines at the top or foot of pages (three each) that
 * recur, digits aside, on at least half the pages. */
static size_t S_mark_furniture(struct arena *a, struct S_line *lines,
			       size_t n, size_t pages)
{
	enum { EDGE = 3 };
	struct import_list heads = {0};
	size_t i = 0;
	for (; i < n && strncmp(lines[i].text, "Theme:", 6); i++)
		if (i < 32) /* a table's headings, not a whole text */
			import_list_add(a, &heads, lines[i].text);
	/* every edge line's shape, with the pages it is on */
	struct S_edge {
		const char *shape;
		size_t pages, last_page;
	} *edges = arena_alloc(a, (2 * EDGE * pages + 1) * sizeof *edges);
	size_t edge_count = 0;
	const char **shape = arena_alloc(a, (n + 1) * sizeof *shape);
	size_t *at = arena_alloc(a, (n + 1) * sizeof *at); /* in its page */
	size_t *left = arena_alloc(a, (n + 1) * sizeof *left); /* after it */
	for (size_t k = 0; k < n; k++)
		at[k] = k && lines[k - 1].page == lines[k].page ? at[k - 1] + 1
								: 0;
	for (size_t k = n; k-- > 0;)
		left[k] = k + 1 < n && lines[k + 1].page == lines[k].page
				  ? left[k + 1] + 1
				  : 0;
	for (size_t k = 0; k < n; k++) {
		shape[k] = NULL;
		if ((at[k] >= EDGE && left[k] >= EDGE) ||
		    S_structural(a, lines[k].text))
			continue;
		shape[k] = S_shape(a, lines[k].text);
		size_t e = 0;
		while (e < edge_count && strcmp(edges[e].shape, shape[k]))
			e++;
		if (e == edge_count)
			edges[edge_count++] =
				(struct S_edge){shape[k], 0, SIZE_MAX};
		if (edges[e].last_page != lines[k].page) {
			edges[e].pages++;
			edges[e].last_page = lines[k].page;
		}
	}
	size_t marked = 0;
	for (size_t k = 0; k < n; k++) {
		const char *t = lines[k].text;
		bool edge_run = false;
		for (size_t e = 0; shape[k] && e < edge_count && pages > 1; e++)
			if (!strcmp(edges[e].shape, shape[k]))
				edge_run = edges[e].pages >= 2 &&
					   2 * edges[e].pages >= pages;
		bool head = false;
		for (size_t h = 0; k >= i && h < heads.count && !head; h++)
			head = !strcmp(heads.items[h], t);
		lines[k].furniture =
			edge_run || (head && !S_structural(a, t)) ||
			(!S_structural(a, t) &&
			 (S_page_number(t, pages > 1 && (at[k] < EDGE ||
							  left[k] < EDGE)) ||
			  S_job_number(t)));
		marked += lines[k].furniture;
	}
	return marked;
}

/* The text as lines: CR, LF and CRLF end lines, a form feed ends a page
 * (and the line it is in). */
static struct S_line *S_lines(struct arena *a, const char *text, size_t len,
			      size_t *count, size_t *pages)
{
	size_t cap = 16, n = 0, page = 0;
	struct S_line *lines = arena_alloc(a, cap * sizeof *lines);
	int line = 1;
	for (size_t i = 0; i <= len;) {
		size_t k = strcspn(text + i, "\r\n\f");
		if (i + k > len)
			k = len - i;
		const char *clean = import_clean(a, text + i, k);
		if (*clean) {
			lines = arena_grow(a, lines, sizeof *lines, n, &cap,
					   n + 1);
			lines[n++] = (struct S_line){clean, line, page, false};
		}
		i += k;
		if (i >= len)
			break;
		if (text[i] == '\f')
			page++;
		else {
			line++;
			if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
				i++;
		}
		i++;
	}
	*count = n;
	*pages = page + 1;
	return lines;
}

void import_ohchr_headers(struct import_set *set,
			  const struct import_options *o, const char *themes)
{
	const char *slash = strrchr(o->file, '/');
	buf_printf(&set->recs_header,
		   "Recommendations to %s from %s, OHCHR's thematic list of "
		   "recommendations (uprgen import ohchr-matrix). Ids are the "
		   "paragraph numbers of the Working Group report; the comment "
		   "beside a position gives its source.",
		   o->state ? o->state : "the State under review",
		   slash ? slash + 1 : o->file);
	buf_printf(&set->clusters_header,
		   "Thematic clusters: the \"Theme:\" %s of OHCHR's "
		   "thematic list of recommendations.",
		   themes);
}

bool import_ohchr_matrix(struct import_set *set,
			 const struct import_options *o, const char *text,
			 size_t len)
{
	size_t blank = 0;
	while (blank < len && text[blank] && strchr(" \t\r\n\f", text[blank]))
		blank++;
	if (blank == len) { /* as the other importers say it */
		diag_error(set->d, (struct source_pos){o->file, 0, 0},
			   "the file is empty");
		return false;
	}
	struct S_parser P = {.set = set, .file = o->file};
	P.pos = (struct source_pos){o->file, 0, 1};
	buf_init(&P.text);
	size_t n, pages;
	struct S_line *lines = S_lines(set->a, text, len, &n, &pages);
	size_t furniture = S_mark_furniture(set->a, lines, n, pages);
	const struct S_line *example = NULL;
	for (size_t i = 0; i < n; i++) {
		P.pos.line = lines[i].line;
		if (!lines[i].furniture)
			S_line(&P, lines[i].text);
		else if (!example)
			example = &lines[i];
	}
	S_finish(&P);
	buf_free(&P.text);
	if (furniture && pages > 1)
		diag_warning(set->d,
			     (struct source_pos){o->file, example->line, 1},
			     "left out %zu line%s of page furniture (running "
			     "heads, page numbers, column headings repeated "
			     "on %zu pages), such as this one: '%s'",
			     furniture, furniture == 1 ? "" : "s", pages,
			     diag_quote(set->a, example->text));
	else if (furniture)
		diag_warning(set->d,
			     (struct source_pos){o->file, example->line, 1},
			     "left out %zu line%s of page furniture (page "
			     "numbers, column headings repeated), such as this "
			     "one: '%s'",
			     furniture, furniture == 1 ? "" : "s",
			     diag_quote(set->a, example->text));
	if (!set->count) {
		diag_error(set->d, (struct source_pos){o->file, 0, 0},
			   "no recommendation found: is this OHCHR's "
			   "thematic list (\"Theme:\" headings, then "
			   "\"140.7 Ratify ...\")?");
		return false;
	}
	import_sort_by_id(set);
	import_ohchr_headers(set, o, "headings");
	return true;
}
