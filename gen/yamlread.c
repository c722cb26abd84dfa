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
	if (p->context)
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
		S_open(r, ev, VALUE_LIST, ev->data.sequence_start.anchor);
		return !r->failed;
	case YAML_MAPPING_START_EVENT:
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
