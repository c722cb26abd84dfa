/*
 * yamlread — libyaml's event stream to a value tree.
 *
 * libyaml checks syntax but nothing else (LIBRARIES.md): no duplicate keys,
 * no depth limit, no bound on alias expansion, 0-based marks.  So we read
 * events, build our own tree, and enforce those limits here, once, for
 * every file the tool reads.
 */
#include "yamlread.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <yaml.h>

#include "model.h"

struct S_anchor {
	const char *name;
	struct value *node; /* NULL while its collection is still open */
	size_t nodes;       /* nodes it stands for, aliases expanded */
};

struct S_frame {
	struct value *node;
	const char *key; /* maps: the key waiting for its value */
	struct source_pos key_pos;
	const char *anchor;
	size_t nodes_at_start;
};

struct S_reader {
	struct arena *a;
	struct diags *d;
	const char *file;
	struct S_frame stack[YAMLREAD_MAX_DEPTH + 1];
	int depth;
	struct S_anchor *anchors;
	size_t anchor_count, anchor_cap;
	size_t nodes;
	struct value *root;
	bool failed;
	const char *text;   /* what S_parse reads, to place messages */
	size_t text_len;
	size_t placed;      /* messages placed by scanning `text` */
};

static struct source_pos S_pos(const struct S_reader *r, yaml_mark_t m)
{
	struct source_pos p = {r->file, (int)m.line + 1,
			       (int)m.column + 1};
	return p;
}

const char *yamlread_wide_encoding(const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3]) ||
			 (!u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF)))
		return "UTF-32";
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
			 (u[0] == 0xFE && u[1] == 0xFF)))
		return "UTF-16";
	/* no byte order mark: the zero bytes around a first ASCII
	 * character tell */
	if (len >= 4 && ((!u[0] && !u[1] && !u[2] && u[3]) ||
			 (u[0] && !u[1] && !u[2] && !u[3])))
		return "UTF-32";
	if (len >= 2 && ((!u[0] && u[1]) || (u[0] && !u[1])))
		return "UTF-16";
	return NULL;
}

static bool S_check_encoding(struct diags *d, const char *file,
			     const char *text, size_t len)
{
	const char *wide = yamlread_wide_encoding(text, len);
	if (wide) {
		struct source_pos p = {file, 1, 1};
		diag_error(d, p, "the file is %s encoded; save it as "
				 "UTF-8 (without byte order mark)", wide);
		return false;
	}
	size_t bad = utf8_first_invalid(text, len);
	if (bad < len) {
		diag_error(d, diag_pos_at(file, text, bad),
			   "the file is not valid UTF-8 (byte 0x%02X here); "
			   "save it as UTF-8",
			   (unsigned char)text[bad]);
		return false;
	}
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		diag_error(d, diag_pos_at(file, text, (size_t)(nul - text)),
			   "the file contains a NUL byte; it is not a text "
			   "file");
		return false;
	}
	return true;
}

static bool S_all_digits(const char *s, const char *digits)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!strchr(digits, *s))
			return false;
	return true;
}

static bool S_is_float(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	bool digits = false;
	while (*s >= '0' && *s <= '9') {
		s++;
		digits = true;
	}
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') {
			s++;
			digits = true;
		}
	}
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* Types a plain scalar by the YAML 1.2 core schema. */
static void S_resolve_plain(struct value *v)
{
	const char *s = v->str;
	/* Most scalars are words, and no null, boolean or number starts with
	 * a letter other than these. */
	if (*s && !strchr("~nNtTfF.+-0123456789", *s))
		return;
	if (!*s || !strcmp(s, "~") || !strcmp(s, "null") ||
	    !strcmp(s, "Null") || !strcmp(s, "NULL")) {
		v->kind = VALUE_NULL;
	} else if (!strcmp(s, "true") || !strcmp(s, "True") ||
		   !strcmp(s, "TRUE")) {
		v->kind = VALUE_BOOL;
		v->boolean = true;
	} else if (!strcmp(s, "false") || !strcmp(s, "False") ||
		   !strcmp(s, "FALSE")) {
		v->kind = VALUE_BOOL;
	} else if (!strncmp(s, "0o", 2) && S_all_digits(s + 2, "01234567")) {
		v->kind = VALUE_NUMBER;
		v->number = (double)strtoull(s + 2, NULL, 8);
	} else if (!strncmp(s, "0x", 2) &&
		   S_all_digits(s + 2, "0123456789abcdefABCDEF")) {
		v->kind = VALUE_NUMBER;
		v->number = (double)strtoull(s + 2, NULL, 16);
	} else if (S_is_float(s)) {
		v->kind = VALUE_NUMBER;
		v->number = strtod(s, NULL);
	} else {
		const char *t = s + (*s == '+' || *s == '-');
		if (!strcmp(t, ".inf") || !strcmp(t, ".Inf") ||
		    !strcmp(t, ".INF")) {
			v->kind = VALUE_NUMBER;
			v->number = *s == '-' ? -HUGE_VAL : HUGE_VAL;
		} else if (!strcmp(s, ".nan") || !strcmp(s, ".NaN") ||
			   !strcmp(s, ".NAN")) {
			v->kind = VALUE_NUMBER;
			v->number = NAN;
		}
	}
}

/* A control character a value may not hold: NUL and the rest of C0 but
 * tab and LF, DEL, C1 (NEL too: in a value it is no line end any more).
 * Returns the first one's code point, or -1. */
static long S_control_in(const char *s, size_t len)
{
	/* the bytes that may start one (C2 starts C1), looked up by byte:
	 * strcspn() takes this many stops a byte at a time, and builds its
	 * own table at each call */
	static const unsigned char stop[256] = {
		[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1,
		[0x05] = 1, [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x0B] = 1,
		[0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1,
		[0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1,
		[0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1,
		[0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
		[0x7F] = 1, [0xC2] = 1};
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len; i++) {
		if (!stop[u[i]])
			continue;
		if (u[i] != 0xC2)
			return u[i];
		if (i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)
			return u[i + 1];
	}
	return -1;
}

/* The byte offset of libyaml's mark m in r->text (lines, then columns in
 * characters), or SIZE_MAX. */
static size_t S_offset_of(const struct S_reader *r, yaml_mark_t m)
{
	const char *t = r->text;
	size_t i = r->text_len >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3) ? 3 : 0;
	for (size_t line = 0; line < m.line; line++) {
		while (i < r->text_len && t[i] != '\n' && t[i] != '\r')
			i++;
		if (i == r->text_len)
			return SIZE_MAX;
		i += t[i] == '\r' && i + 1 < r->text_len && t[i + 1] == '\n'
			     ? 2
			     : 1;
	}
	for (size_t col = 0; col < m.column && i < r->text_len; col++) {
		i++;
		while (i < r->text_len && ((unsigned char)t[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

static unsigned S_hex(const char *s, size_t n)
{
	unsigned v = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9'	 ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;
		if (d < 0)
			return 0xFFFFFFFF;
		v = v * 16 + (unsigned)d;
	}
	return v;
}

/* Where, in a double-quoted scalar starting at byte `at` (its quote), the
 * escape that writes control character c is: the offset of its
 * backslash, or `at`. */
static size_t S_escape_at(const struct S_reader *r, size_t at, unsigned c)
{
	static const struct {
		char escape;
		unsigned char c;
	} singles[] = {{'0', 0},    {'a', '\a'}, {'b', '\b'},   {'t', '\t'},
		       {'v', '\v'}, {'f', '\f'}, {'r', '\r'},   {'e', 0x1B},
		       {'N', 0x85}};
	const char *t = r->text;
	size_t n = r->text_len;
	if (at >= n || t[at] != '"')
		return at;
	for (size_t i = at + 1; i < n && t[i] != '"'; i++) {
		if (t[i] != '\\' || i + 1 >= n)
			continue;
		char e = t[++i];
		size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
		unsigned v = 0xFFFFFFFF;
		if (digits && i + digits < n)
			v = S_hex(t + i + 1, digits);
		for (size_t k = 0; !digits && k < sizeof singles / sizeof *singles;
		     k++)
			if (e == singles[k].escape)
				v = singles[k].c;
		if (v == c)
			return i - 1;
		i += digits;
	}
	return at;
}

/* The place of control character c in the scalar of event ev: the escape
 * that wrote it when it can be found (for the first messages of a file:
 * finding it costs a scan), else the scalar's start. */
static struct source_pos S_control_pos(struct S_reader *r,
				       const yaml_event_t *ev, unsigned c)
{
	struct source_pos p = S_pos(r, ev->start_mark);
	if (!r->text || r->placed >= 100 ||
	    ev->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		return p;
	r->placed++;
	size_t at = S_offset_of(r, ev->start_mark);
	if (at == SIZE_MAX)
		return p;
	size_t esc = S_escape_at(r, at, c);
	p = diag_pos_at(r->file, r->text, esc);
	return p;
}

/* A local tag other than uprgen's one (REPORT_PLACEHOLDER_TAG): a text
 * that begins with '!' ("!Important notice" is the tag "!Important" on
 * "notice"), or the mark mistyped; refused, not read as something else,
 * on a value of any kind.  on: the value's text, or NULL (a list, a
 * mapping). */
static void S_check_tag(struct S_reader *r, const char *tag,
			struct source_pos at, const char *on)
{
	if (!tag || tag[0] != '!' || !strcmp(tag, REPORT_PLACEHOLDER_TAG))
		return;
	diag_error(r->d, at,
		   "a value that begins with '!' means something else in "
		   "YAML ('%s' is read as a tag on '%s'): put the text in "
		   "quotes (\"...\"); the one tag uprgen knows is %s",
		   diag_quote(r->a, tag), on ? diag_quote(r->a, on) : "what follows",
		   REPORT_PLACEHOLDER_TAG);
}

static struct value *S_scalar(struct S_reader *r, const yaml_event_t *ev)
{
	const char *text = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct value *v = value_new(r->a, VALUE_STRING);
	v->pos = S_pos(r, ev->start_mark);
	long c = S_control_in(text, len);
	if (c == 0) {
		diag_error(r->d, S_control_pos(r, ev, 0),
			   "this text contains a NUL character (\\0), which "
			   "no report can show");
		len = strlen(text);
	} else if (c > 0) {
		diag_error(r->d, S_control_pos(r, ev, (unsigned)c),
			   "this text contains the control character U+%04lX "
			   "(written as an escape), which no report can show; "
			   "delete it",
			   c);
	}
	v->str = arena_strndup(r->a, text, len);
	v->len = len;
	const char *tag = (const char *)ev->data.scalar.tag;
	bool is_str_tag = tag && !strcmp(tag, YAML_STR_TAG);
	v->tag = tag ? arena_strdup(r->a, tag) : NULL;
	S_check_tag(r, tag, v->pos, v->str);
	v->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
		    is_str_tag;
	if (!v->quoted)
		S_resolve_plain(v);
	return v;
}

static void S_fail(struct S_reader *r, struct source_pos p, const char *msg)
{
	diag_error(r->d, p, "%s", msg);
	r->failed = true;
}

static struct S_anchor *S_find_anchor(struct S_reader *r, const char *name)
{
	/* Latest first: YAML lets an anchor name be reused, and an alias
	 * means the most recent one. */
	for (size_t i = r->anchor_count; i-- > 0;)
		if (!strcmp(r->anchors[i].name, name))
			return &r->anchors[i];
	return NULL;
}

static void S_set_anchor(struct S_reader *r, const char *name,
			 struct value *node, size_t nodes)
{
	struct S_anchor *an = NULL;
	for (size_t i = r->anchor_count; i-- > 0;)
		if (!strcmp(r->anchors[i].name, name) && !r->anchors[i].node) {
			an = &r->anchors[i];
			break;
		}
	if (!an) {
		r->anchors = arena_grow(r->a, r->anchors, sizeof *r->anchors,
					r->anchor_count, &r->anchor_cap,
					r->anchor_count + 1);
		an = &r->anchors[r->anchor_count++];
		an->name = arena_strdup(r->a, name);
	}
	an->node = node;
	an->nodes = nodes;
}

static bool S_count_nodes(struct S_reader *r, size_t n, struct source_pos p)
{
	r->nodes += n;
	if (r->nodes > YAMLREAD_MAX_NODES) {
		diag_error(r->d, p,
			   "this file expands to more than %d values (through "
			   "anchors and aliases, perhaps); it is refused to "
			   "protect the machine",
			   YAMLREAD_MAX_NODES);
		r->failed = true;
		return false;
	}
	return true;
}

/* Two keys the same is an error libyaml does not see; check each map once
 * when it closes (sorting keeps big maps from costing n² comparisons). */
static int S_entry_cmp(const void *pa, const void *pb)
{
	const struct value_entry *a = *(const struct value_entry *const *)pa;
	const struct value_entry *b = *(const struct value_entry *const *)pb;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	if (a->key_pos.line != b->key_pos.line)
		return a->key_pos.line < b->key_pos.line ? -1 : 1;
	return (a->key_pos.column > b->key_pos.column) -
	       (a->key_pos.column < b->key_pos.column);
}

static void S_check_duplicate_keys(struct S_reader *r, const struct value *m)
{
	if (m->count < 2)
		return;
	const struct value_entry **sorted =
		xmalloc(m->count * sizeof *sorted);
	for (size_t i = 0; i < m->count; i++)
		sorted[i] = &m->entries[i];
	qsort(sorted, m->count, sizeof *sorted, S_entry_cmp);
	for (size_t i = 1; i < m->count; i++)
		if (!strcmp(sorted[i]->key, sorted[i - 1]->key))
			diag_error(r->d, sorted[i]->key_pos,
				   "the key '%s' appears twice in this "
				   "mapping (first at line %d); keep one",
				   diag_quote(r->a, sorted[i]->key),
				   sorted[i - 1]->key_pos.line);
	free(sorted);
}

/* Attaches a finished node to its parent (or makes it the root). */
static void S_attach(struct S_reader *r, struct value *v)
{
	if (r->depth == 0) {
		r->root = v;
		return;
	}
	struct S_frame *f = &r->stack[r->depth - 1];
	if (f->node->kind == VALUE_LIST) {
		value_list_push(r->a, f->node, v);
		return;
	}
	if (!f->key) {
		if (v->kind == VALUE_LIST || v->kind == VALUE_MAP) {
			S_fail(r, v->pos,
			       "a key must be a single word or text, not a "
			       "list or mapping");
			return;
		}
		f->key = v->str;
		f->key_pos = v->pos;
		return;
	}
	value_map_put(r->a, f->node, f->key, v);
	f->node->entries[f->node->count - 1].key_pos = f->key_pos;
	f->key = NULL;
}

static void S_open(struct S_reader *r, const yaml_event_t *ev,
		   enum value_kind kind, const yaml_char_t *anchor)
{
	struct value *v = value_new(r->a, kind);
	v->pos = S_pos(r, ev->start_mark);
	if (r->depth >= YAMLREAD_MAX_DEPTH) {
		char msg[160];
		snprintf(msg, sizeof msg,
			 "lists and mappings are nested more than %d levels "
			 "deep here; no report needs that many",
			 YAMLREAD_MAX_DEPTH);
		S_fail(r, v->pos, msg);
		return;
	}
	if (!S_count_nodes(r, 1, v->pos))
		return;
	if (anchor)
		S_set_anchor(r, (const char *)anchor, NULL, 0);
	struct S_frame *f = &r->stack[r->depth++];
	memset(f, 0, sizeof *f);
	f->node = v;
	f->anchor = anchor ? arena_strdup(r->a, (const char *)anchor) : NULL;
	f->nodes_at_start = r->nodes;
}

static void S_close(struct S_reader *r)
{
	struct S_frame f = r->stack[--r->depth];
	if (f.node->kind == VALUE_MAP)
		S_check_duplicate_keys(r, f.node);
	if (f.anchor)
		S_set_anchor(r, f.anchor, f.node,
			     r->nodes - f.nodes_at_start + 1);
	S_attach(r, f.node);
}

static void S_alias(struct S_reader *r, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct source_pos p = S_pos(r, ev->start_mark);
	struct S_anchor *an = S_find_anchor(r, name);
	if (!an) {
		diag_error(r->d, p, "the alias *%s names no anchor &%s above it",
			   name, name);
		r->failed = true;
		return;
	}
	if (!an->node) {
		diag_error(r->d, p,
			   "the alias *%s is inside the very value it names, "
			   "which would repeat forever",
			   name);
		r->failed = true;
		return;
	}
	if (S_count_nodes(r, an->nodes, p))
		S_attach(r, an->node);
}

/* ---- libyaml's syntax errors, in plain words ----
 *
 * libyaml says what its grammar expected ("did not find expected '-'
 * indicator while parsing a block collection"), at the token where it
 * gave up.  The people who edit these files are not programmers: the
 * problems they meet (a line indented wrongly, a tab, a quotation mark
 * or bracket never closed, no space after ':', a quote inside a quoted
 * text) are said here as what to change, at the place to change it (an
 * unclosed quotation mark where it opens).  libyaml's messages are
 * matched word for word (libyaml 0.2.5, src/scanner.c and src/parser.c);
 * any other stays in its words. */

/* The line of mark m (as libyaml counts) in r->text: where it starts and
 * how many bytes it holds without its line end; false past the end. */
static bool S_line_of(const struct S_reader *r, yaml_mark_t m,
		      const char **line, size_t *len)
{
	yaml_mark_t start = m;
	start.column = 0;
	size_t at = S_offset_of(r, start);
	if (!r->text || at == SIZE_MAX || at > r->text_len)
		return false;
	size_t end = at;
	while (end < r->text_len && r->text[end] != '\n' &&
	       r->text[end] != '\r')
		end++;
	*line = r->text + at;
	*len = end - at;
	return true;
}

/* The spaces that indent the line of m, or -1 when the line is beyond
 * the text. */
static int S_indent(const struct S_reader *r, yaml_mark_t m)
{
	const char *line;
	size_t len, n = 0;
	if (!S_line_of(r, m, &line, &len))
		return -1;
	while (n < len && line[n] == ' ')
		n++;
	return (int)n;
}

/* The byte at mark m, or 0. */
static char S_char_at(const struct S_reader *r, yaml_mark_t m)
{
	size_t at = r->text ? S_offset_of(r, m) : SIZE_MAX;
	return at < r->text_len ? r->text[at] : 0;
}

/* The last character before mark m on its line that is not blank, or 0
 * when m is the first thing on its line. */
static char S_before(const struct S_reader *r, yaml_mark_t m)
{
	const char *line;
	size_t len;
	size_t at = r->text ? S_offset_of(r, m) : SIZE_MAX;
	if (at == SIZE_MAX || !S_line_of(r, m, &line, &len))
		return 0;
	for (size_t i = at - (size_t)(line - r->text); i-- > 0;)
		if (line[i] != ' ' && line[i] != '\t')
			return line[i];
	return 0;
}

/* The nearest line above the line of m that holds more than blanks and
 * a comment (1-based), or 0. */
static int S_line_above(const struct S_reader *r, yaml_mark_t m)
{
	for (size_t l = m.line; l-- > 0;) {
		yaml_mark_t at = {0, l, 0};
		const char *line;
		size_t len, n = 0;
		if (!S_line_of(r, at, &line, &len))
			return 0;
		while (n < len && (line[n] == ' ' || line[n] == '\t'))
			n++;
		if (n < len && line[n] != '#')
			return (int)l + 1;
	}
	return 0;
}

/* When the quotation mark q just before mark m closes a text opened on
 * an earlier line (an odd number of them before m on its line), the
 * offset of the one that opened it; else SIZE_MAX.  A quotation mark
 * left open runs on to the next one, often a line or more below, where
 * libyaml stops: the place to fix is where it opened. */
static size_t S_quote_opened_above(const struct S_reader *r, yaml_mark_t m,
				   char q)
{
	const char *line;
	size_t len;
	size_t at = S_offset_of(r, m);
	if (at == SIZE_MAX || !S_line_of(r, m, &line, &len))
		return SIZE_MAX;
	size_t start = (size_t)(line - r->text), quotes = 0;
	for (size_t i = start; i < at; i++)
		quotes += r->text[i] == q && (q != '"' || i == start ||
					      r->text[i - 1] != '\\');
	if (quotes % 2 == 0)
		return SIZE_MAX;
	/* the quotation mark before this line that opened the text */
	for (size_t i = start; i-- > 0;)
		if (r->text[i] == q &&
		    (q != '"' || i == 0 || r->text[i - 1] != '\\'))
			return i;
	return SIZE_MAX;
}

/* The spaces before the fields of the list entry that starts at m ("- id:
 * ..." gives 2), or -1 when nothing follows its '-' on that line. */
static int S_entry_fields_indent(const struct S_reader *r, yaml_mark_t m)
{
	const char *line;
	size_t len;
	size_t at = S_offset_of(r, m);
	if (!S_line_of(r, m, &line, &len) || at == SIZE_MAX)
		return -1;
	size_t i = at - (size_t)(line - r->text);
	if (i >= len || line[i] != '-')
		return -1;
	for (i++; i < len && line[i] == ' ';)
		i++;
	return i < len && line[i] != '#' ? (int)i : -1;
}

static const char *S_spaces(int n)
{
	return n == 1 ? "space" : "spaces";
}

/* A line that lines up with nothing above it, inside the list or the
 * mapping that starts at `start` (a '-' or a first field). */
static void S_misaligned(struct S_reader *r, const yaml_parser_t *p,
			 bool list, char *msg, size_t size)
{
	yaml_mark_t start = p->context_mark, here = p->problem_mark;
	int indent = S_indent(r, here), outer = (int)start.column;
	int fields = list ? S_entry_fields_indent(r, start) : -1;
	int from = (int)start.line + 1;
	if (list && indent == outer)
		snprintf(msg, size,
			 "this line is at the level of the entries of the list "
			 "that starts at line %d, but it does not start with "
			 "'- ': begin a new entry with '- '%s",
			 from, fields >= 0 ? ", or indent the line further, "
					     "like the fields of the entry above"
					   : "");
	else if (list && fields >= 0)
		snprintf(msg, size,
			 "this line is indented by %d %s, which lines up with "
			 "nothing above it: in the list that starts at line "
			 "%d, entries ('- ') are indented by %d and their "
			 "fields by %d",
			 indent, S_spaces(indent), from, outer, fields);
	else
		snprintf(msg, size,
			 "this line is indented by %d %s, which lines up with "
			 "nothing above it: the %s that start%s at line %d %s "
			 "indented by %d",
			 indent, S_spaces(indent), list ? "list" : "fields",
			 list ? "s" : "", from, list ? "is" : "are", outer);
}

/* Says libyaml's error p in plain words into msg, and where, into pos;
 * false when it is not one of those. */
static bool S_plain_syntax(struct S_reader *r, const yaml_parser_t *p,
			   char *msg, size_t size, struct source_pos *pos)
{
	const char *problem = p->problem ? p->problem : "";
	const char *context = p->context ? p->context : "";
	yaml_mark_t here = p->problem_mark, start = p->context_mark;
	char at = S_char_at(r, here), opener = S_char_at(r, start);
	bool first_on_line = !S_before(r, here);
	*pos = S_pos(r, here);
	if (strstr(problem, "tab character") ||
	    (at == '\t' && !strcmp(problem, "found character that cannot "
						"start any token"))) {
		snprintf(msg, size,
			 "this line is indented with a tab character; YAML "
			 "indents with spaces only: replace the tab with "
			 "spaces");
	} else if (!strcmp(context, "while scanning a quoted scalar") &&
		   (!strcmp(problem, "found unexpected end of stream") ||
		    !strcmp(problem, "found unexpected document indicator"))) {
		*pos = S_pos(r, start);
		if (problem[17] == 'e') /* end of stream */
			snprintf(msg, size,
				 "the quotation mark %c opened here is never "
				 "closed (the text runs to the end of the "
				 "file); add the closing %c where the text ends",
				 opener, opener);
		else
			snprintf(msg, size,
				 "the quotation mark %c opened here is never "
				 "closed (the text runs on to the '---' of line "
				 "%zu); add the closing %c where the text ends",
				 opener, (size_t)here.line + 1, opener);
	} else if (!strcmp(context, "while parsing a flow sequence") ||
		   !strcmp(context, "while parsing a flow mapping")) {
		char close = opener == '{' ? '}' : ']';
		const char *what = opener == '{' ? "group of fields" : "list";
		if (here.line > start.line) {
			*pos = S_pos(r, start);
			snprintf(msg, size,
				 "the '%c' opened here is never closed: end "
				 "the %s with '%c'",
				 opener, what, close);
		} else if ((at == ']' || at == '}') && at != close) {
			snprintf(msg, size,
				 "this '%c' does not close the '%c' opened at "
				 "column %zu: write '%c'",
				 at, opener, (size_t)start.column + 1, close);
		} else {
			snprintf(msg, size,
				 "a ',' is missing here between two entries of "
				 "the %s opened with '%c' at column %zu (or the "
				 "'%c' that closes it); an entry holding ',' "
				 "'%c' or ': ' must be put in quotes",
				 what, opener, (size_t)start.column + 1, close,
				 close);
		}
	} else if (!strcmp(problem, "could not find expected ':'")) {
		*pos = S_pos(r, start);
		const char *line;
		size_t len;
		bool colon = false;
		if (S_line_of(r, start, &line, &len))
			for (size_t i = 0; i + 1 < len && !colon; i++)
				colon = line[i] == ':' && line[i + 1] != ' ' &&
					line[i + 1] != '\t';
		/* libyaml takes a name as a field's only within 1024
		 * characters of one line */
		bool long_name = here.line == start.line &&
				 here.column - start.column > 1024;
		snprintf(msg, size, long_name
			? "a field name (before ': ') of more than 1024 "
			  "characters, which YAML does not read; a long text "
			  "belongs after the ': '"
			: colon
			? "put a space after the ':' of this field (write "
			  "'name: value'); without it YAML reads the line as "
			  "a text, not a field"
			: "this line is neither a field ('name: value', with "
			  "a space after the ':') nor a list entry ('- value')");
	} else if (!strcmp(problem, "mapping values are not allowed in this "
				    "context")) {
		int above = S_line_above(r, here);
		yaml_mark_t prev = {0, above ? (size_t)above - 1 : 0, 0};
		int indent = S_indent(r, here);
		const char *line = r->text;
		size_t len = 0;
		size_t key = 0; /* where this line's text starts */
		if (S_line_of(r, here, &line, &len))
			while (key < len && line[key] == ' ')
				key++;
		bool second = false; /* a ': ' before this one on its line */
		size_t colon = S_offset_of(r, here);
		for (size_t i = key; colon != SIZE_MAX && i + 1 < len &&
				     line + i + 1 < r->text + colon && !second;
		     i++)
			second = line[i] == ':' && line[i + 1] == ' ';
		if (second)
			snprintf(msg, size,
				 "a second ': ' on this line: a text that "
				 "holds ': ' must be put in quotes, e.g. "
				 "title: \"Rights: an overview\"");
		else if (above && indent > S_indent(r, prev)) {
			pos->column = indent + 1;
			snprintf(msg, size,
				 "this line is indented more than the line "
				 "above it (line %d): line it up with the "
				 "fields above it",
				 above);
		} else {
			pos->column = indent + 1;
			snprintf(msg, size,
				 "this field cannot begin here: the line above "
				 "it (line %d) is not complete (a ':' without "
				 "a space after it, or a text that runs on?)",
				 above);
		}
	} else if (!strcmp(problem, "block sequence entries are not allowed "
				    "in this context")) {
		snprintf(msg, size,
			 "a list entry ('- ') cannot stand on the line of its "
			 "field: put it on the next line, indented; a text "
			 "that begins with '- ' must be put in quotes");
	} else if (!strcmp(problem, "found character that cannot start any "
				    "token") && at > ' ' && at < 0x7F) {
		snprintf(msg, size,
			 "a value cannot begin with '%c' in YAML: put the text "
			 "in quotes (\"...\")", at);
	} else if (!strcmp(context, "while parsing a block collection") &&
		   !strcmp(problem, "did not find expected '-' indicator") &&
		   first_on_line) {
		S_misaligned(r, p, true, msg, size);
	} else if (!strcmp(context, "while parsing a block mapping") &&
		   !strcmp(problem, "did not find expected key")) {
		char before = S_before(r, here);
		size_t opened = before == '"' || before == '\''
					? S_quote_opened_above(r, here, before)
					: SIZE_MAX;
		if (opened != SIZE_MAX) {
			*pos = diag_pos_at(r->file, r->text, opened);
			snprintf(msg, size,
				 "the quotation mark %c opened here is not "
				 "closed on its line: the text runs on to the "
				 "next %c, at line %zu; add the closing %c where "
				 "the text ends",
				 before, before, (size_t)here.line + 1, before);
		} else if (before == '"')
			snprintf(msg, size,
				 "this comes after the closing quotation mark "
				 "of the text before it; to put a \" inside a "
				 "text in quotes, write \\\" (or quote the text "
				 "with ' ')");
		else if (before == '\'')
			snprintf(msg, size,
				 "this comes after the closing quotation mark "
				 "of the text before it; to put an apostrophe "
				 "inside a text in ' ', write it twice ('')");
		else if (before == ']' || before == '}')
			snprintf(msg, size,
				 "this comes after the '%c' that closes the "
				 "value of this field; nothing may follow it "
				 "on the line",
				 before);
		else if (before)
			snprintf(msg, size,
				 "this comes after the value of this field "
				 "on the same line; nothing may follow it");
		else if (at == '-' && S_indent(r, here) == (int)start.column)
			snprintf(msg, size,
				 "a list entry ('- ') among the fields that "
				 "start at line %zu: put the list under a "
				 "field ('name:' on its own line, the entries "
				 "indented below it)",
				 (size_t)start.line + 1);
		else
			S_misaligned(r, p, false, msg, size);
	} else if (!strcmp(problem, "did not find expected <document "
				    "start>")) {
		snprintf(msg, size,
			 "this line is indented less than the line where the "
			 "file's content begins; the top-level lines must all "
			 "begin at the same column");
	} else if (!strcmp(problem, "found unknown escape character")) {
		size_t esc = S_offset_of(r, here);
		char c = esc + 1 < r->text_len ? r->text[esc + 1] : ' ';
		snprintf(msg, size,
			 "'\\%c' is not an escape YAML knows: in a text in "
			 "\"...\" a backslash starts one (\\n, \\\", \\\\); "
			 "write \\\\ for a backslash, or quote the text with "
			 "' '", c > ' ' && c < 0x7F ? c : '?');
	} else if (!strcmp(problem, "did not find expected node content")) {
		snprintf(msg, size,
			 "a value is missing here: two ',' in a row, or a '[' "
			 "or '{' left open?");
	} else if (!strcmp(problem, "did not find expected hexdecimal "
				    "number") ||
		   !strcmp(problem, "found invalid Unicode character escape "
				    "code")) {
		snprintf(msg, size,
			 "an escape \\x, \\u or \\U in a text in \"...\" is "
			 "followed by 2, 4 or 8 hexadecimal digits of a "
			 "character; write \\\\ for a backslash, or quote the "
			 "text with ' '");
	} else if (!strcmp(context, "while scanning an anchor") ||
		   !strcmp(context, "while scanning an alias") ||
		   !strcmp(context, "while scanning a tag") ||
		   !strcmp(problem, "found undefined tag handle")) {
		*pos = S_pos(r, start);
		snprintf(msg, size,
			 "a value that begins with '%c' means something else "
			 "in YAML: put the text in quotes (\"...\")",
			 opener ? opener : '!');
	} else if (!strcmp(context, "while scanning a block scalar") &&
		   (!strcmp(problem, "did not find expected comment or line "
				     "break") ||
		    !strcmp(problem, "found an indentation indicator equal "
				     "to 0"))) {
		*pos = S_pos(r, start);
		snprintf(msg, size,
			 "after '%c' the text begins on the next line, "
			 "indented; nothing else may follow it on this line",
			 opener);
	} else {
		return false;
	}
	return true;
}

static void S_syntax_error(struct S_reader *r, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "unreadable YAML";
	struct source_pos pos = S_pos(r, p->problem_mark);
	/* libyaml gives a reader error no mark, only a byte offset (and,
	 * for a character it refuses, the character) */
	if (p->error == YAML_READER_ERROR && r->text &&
	    p->problem_offset <= r->text_len) {
		pos = diag_pos_at(r->file, r->text, p->problem_offset);

		if (p->problem_value >= 0 && strstr(problem, "control")) {
			diag_error(r->d, pos,
				   "a control character (U+%04X) here; YAML "
				   "does not allow them: delete it",
				   (unsigned)p->problem_value);
			r->failed = true;
			return;
		}
	}
	char plain[400];
	if (p->error != YAML_READER_ERROR && r->text &&
	    S_plain_syntax(r, p, plain, sizeof plain, &pos))
		diag_error(r->d, pos, "%s", plain);
	else if (p->context)
		diag_error(r->d, pos,
			   "YAML syntax: %s %s (line %zu)", problem,
			   p->context,
			   (size_t)p->context_mark.line + 1);
	else
		diag_error(r->d, pos, "YAML syntax: %s", problem);
	r->failed = true;
}

/* Handles one event; returns false when reading must stop. */
static bool S_event(struct S_reader *r, const yaml_event_t *ev,
		    int *documents)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1) {
			S_fail(r, S_pos(r, ev->start_mark),
			       "a second YAML document ('---') in one file; "
			       "uprgen reads one document per file");
			return false;
		}
		return true;
	case YAML_SCALAR_EVENT: {
		struct value *v = S_scalar(r, ev);
		if (!S_count_nodes(r, 1, v->pos))
			return false;
		if (ev->data.scalar.anchor)
			S_set_anchor(r, (const char *)ev->data.scalar.anchor, v,
				     1);
		S_attach(r, v);
		return !r->failed;
	}
	case YAML_SEQUENCE_START_EVENT:
		S_check_tag(r, (const char *)ev->data.sequence_start.tag,
			    S_pos(r, ev->start_mark), NULL);
		S_open(r, ev, VALUE_LIST, ev->data.sequence_start.anchor);
		return !r->failed;
	case YAML_MAPPING_START_EVENT:
		S_check_tag(r, (const char *)ev->data.mapping_start.tag,
			    S_pos(r, ev->start_mark), NULL);
		S_open(r, ev, VALUE_MAP, ev->data.mapping_start.anchor);
		return !r->failed;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		S_close(r);
		return !r->failed;
	case YAML_ALIAS_EVENT:
		S_alias(r, ev);
		return !r->failed;
	case YAML_STREAM_END_EVENT:
		return false;
	default:
		return true;
	}
}

static void S_parse(struct S_reader *r, const char *text, size_t len)
{
	r->text = text;
	r->text_len = len;
	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
				     len);
	int documents = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			S_syntax_error(r, &parser);
			break;
		}
		bool more = S_event(r, &ev, &documents);
		yaml_event_delete(&ev);
		if (!more)
			break;
	}
	yaml_parser_delete(&parser);
}

struct value *yamlread_buffer(struct arena *a, struct diags *d,
			      const char *file, const char *text, size_t len)
{
	if (!S_check_encoding(d, file, text, len))
		return NULL;
	struct S_reader *r = xcalloc(1, sizeof *r);
	r->a = a;
	r->d = d;
	r->file = file;
	S_parse(r, text, len);
	struct value *root = r->failed ? NULL : r->root;
	if (!r->failed && !root) {
		root = value_new(a, VALUE_NULL);
		root->pos = (struct source_pos){file, 1, 1};
		root->str = "";
	}
	free(r);
	return root;
}

struct value *yamlread_file(struct arena *a, struct diags *d,
			    const char *path, const char *display_name)
{
	const char *name = arena_strdup(a, display_name ? display_name : path);
	char *text;
	size_t len;
	int err = file_read_all(path, YAMLREAD_MAX_BYTES, &text, &len);
	struct source_pos whole = {name, 0, 0};
	if (err == EFBIG) {
		diag_error(d, whole,
			   "the file is larger than %d MiB, the limit for one "
			   "content file; split it (recommendations/ may hold "
			   "several files)",
			   YAMLREAD_MAX_BYTES / (1024 * 1024));
		return NULL;
	}
	if (err) {
		diag_error(d, whole, "cannot read the file: %s", file_error_text(err));
		return NULL;
	}
	struct value *v = yamlread_buffer(a, d, name, text, len);
	free(text);
	return v;
}
