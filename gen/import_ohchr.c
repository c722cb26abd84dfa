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
 * sorted by them.  HTML entities (&amp;) are decoded.
 */
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

static void S_headers(struct import_set *set, const struct import_options *o)
{
	const char *slash = strrchr(o->file, '/');
	buf_printf(&set->recs_header,
		   "Recommendations to %s from %s, OHCHR's thematic list of "
		   "recommendations (uprgen import ohchr-matrix). Ids are the "
		   "paragraph numbers of the Working Group report; the comment "
		   "beside a position gives its source.",
		   o->state ? o->state : "the State under review",
		   slash ? slash + 1 : o->file);
	buf_puts(&set->clusters_header,
		 "Thematic clusters: the \"Theme:\" headings of OHCHR's "
		 "thematic list of recommendations.");
}

bool import_ohchr_matrix(struct import_set *set,
			 const struct import_options *o, const char *text,
			 size_t len)
{
	struct S_parser P = {.set = set, .file = o->file};
	P.pos = (struct source_pos){o->file, 0, 1};
	buf_init(&P.text);
	struct buf line;
	buf_init(&line);
	for (size_t i = 0; i < len;) {
		size_t n = strcspn(text + i, "\r\n");
		P.pos.line++;
		buf_clear(&line);
		buf_put(&line, text + i, n);
		const char *clean = import_clean(set->a, line.data, line.len);
		if (*clean)
			S_line(&P, clean);
		i += n;
		if (i < len && text[i] == '\r' && i + 1 < len &&
		    text[i + 1] == '\n')
			i++;
		if (i < len)
			i++;
	}
	S_finish(&P);
	buf_free(&line);
	buf_free(&P.text);
	if (!set->count) {
		diag_error(set->d, (struct source_pos){o->file, 0, 0},
			   "no recommendation found: is this OHCHR's "
			   "thematic list (\"Theme:\" headings, then "
			   "\"140.7 Ratify ...\")?");
		return false;
	}
	import_sort_by_id(set);
	S_headers(set, o);
	return true;
}
