/*
 * mustache — parse a template into a tree, then walk the tree over the
 * data.  Parsing is three passes over one template: tokens (text and tags,
 * following set-delimiter tags), standalone lines (which tags stand alone
 * on their line, so that the line's blanks and newline disappear), and the
 * tree (sections nested, blocks re-indented).
 */
#include "mustache.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

enum S_kind {
	S_TEXT,
	S_VAR,      /* {{x}} */
	S_RAW,      /* {{{x}}} {{&x}} */
	S_SECTION,  /* {{#x}}; also the root of a template */
	S_INVERTED, /* {{^x}} */
	S_PARTIAL,  /* {{>x}} */
	S_PARENT,   /* {{<x}} */
	S_BLOCK,    /* {{$x}} */
	S_CLOSE,    /* {{/x}}: tokens only, like the two below */
	S_COMMENT,
	S_DELIM,
};

struct S_tmpl;

struct S_node {
	enum S_kind kind;
	struct S_tmpl *tmpl; /* not const: positions move its cursor */
	size_t at; /* offset of the tag, for messages */
	const char *text; /* S_TEXT: the text; tags: the name */
	size_t len;
	const char **path; /* the name split at dots; none for "." */
	size_t *path_hash; /* value_hash of each part, for the lookups */
	size_t path_len;
	/* S_PARTIAL, S_PARENT: the indentation of a standalone tag; S_BLOCK:
	 * the indentation its content gets where it is expanded. */
	const char *indent;
	size_t indent_len;
	struct S_node **kids;
	size_t kid_count, kid_cap;
	const struct S_tmpl *target; /* S_PARTIAL, S_PARENT, once found */
};

struct S_tmpl {
	const char *file, *src;
	size_t len;
	struct S_node *root;
	/* the last position computed, as a cursor: errors come in order */
	size_t pos_at, pos_line_start;
	int pos_line;
	size_t errors_before; /* d->errors when its parsing began */
};

struct S_token {
	enum S_kind kind;
	size_t start, end; /* the text, or the whole tag */
	size_t name, name_len; /* tags: the content, trimmed */
	size_t line_start, line_end; /* tags: the line, newline included */
	bool standalone;   /* alone on its line: the line disappears */
	bool line_leader;  /* only blanks (or parent tags) before it */
	bool closes_parent;
};

struct S_cached {
	const char *name;
	const struct S_tmpl *tmpl; /* NULL: no such partial */
};

/* The partials a compiled template has parsed so far: every render
 * after the first finds them here.  Missing ones are remembered by each
 * render on its own, so that each render warns about them as before. */
struct S_partial_cache {
	struct S_cached *items;
	size_t count, cap;
};

struct mustache_template {
	struct arena a; /* its tree and its partials' */
	struct mustache_options opt;
	struct S_tmpl *root;
	struct S_partial_cache partials;
};

struct S_engine {
	struct arena *ta; /* the template's: trees that outlive the render */
	struct arena a;   /* scratch of this render or parse */
	struct diags *d;
	const struct mustache_options *opt;
	struct buf *out;
	size_t base; /* out->len when the render began */
	struct buf indent;
	bool bol; /* at the start of a template line: indentation due */
	const struct S_node *at; /* the node being expanded, for messages */
	size_t steps, max_steps, max_output;
	int includes, nesting;
	bool failed;
	struct S_partial_cache *found;
	struct S_partial_cache missing;
};

/* The context stack, top first. */
struct S_stack {
	const struct value *v;
	const struct S_stack *up;
};

/* The parents being expanded, innermost first; the outermost one that
 * overrides a block wins. */
struct S_overrides {
	const struct S_node *parent;
	const struct S_overrides *outer;
};

static bool S_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool S_space(char c)
{
	return S_blank(c) || c == '\n' || c == '\v' || c == '\f';
}

/* ---- positions and messages ---- */

static struct source_pos S_pos(struct S_tmpl *t, size_t at)
{
	if (at < t->pos_at) {
		t->pos_at = t->pos_line_start = 0;
		t->pos_line = 1;
	}
	for (size_t i = t->pos_at; i < at; i++)
		if (t->src[i] == '\n') {
			t->pos_line++;
			t->pos_line_start = i + 1;
		}
	t->pos_at = at;
	int column = 1;
	for (size_t i = t->pos_line_start; i < at; i++)
		column += ((unsigned char)t->src[i] & 0xC0) != 0x80;
	return (struct source_pos){t->file, t->pos_line, column};
}

static struct source_pos S_node_pos(const struct S_node *n)
{
	return S_pos(n->tmpl, n->at);
}

/* A template full of errors is not worth reading to its end (and each
 * error costs a position). */
static bool S_too_many_errors(struct S_engine *e, struct S_tmpl *t, size_t at)
{
	if (e->d->errors - t->errors_before < MUSTACHE_MAX_ERRORS)
		return false;
	diag_error(e->d, S_pos(t, at),
		   "too many errors: the rest of the template is not read");
	return true;
}

/* ---- pass 1: tokens ---- */

static size_t S_find(const char *s, size_t n, size_t from, const char *pat,
		     size_t pat_len)
{
	while (from + pat_len <= n) {
		const char *p =
			memchr(s + from, pat[0], n - from - pat_len + 1);
		if (!p)
			break;
		size_t i = (size_t)(p - s);
		if (memcmp(p, pat, pat_len) == 0)
			return i;
		from = i + 1;
	}
	return n;
}

struct S_delims {
	const char *open, *close;
	size_t open_len, close_len;
};

static enum S_kind S_tag_kind(char c)
{
	switch (c) {
	case '#': return S_SECTION;
	case '^': return S_INVERTED;
	case '/': return S_CLOSE;
	case '!': return S_COMMENT;
	case '>': return S_PARTIAL;
	case '<': return S_PARENT;
	case '$': return S_BLOCK;
	case '=': return S_DELIM;
	case '&': case '{': return S_RAW;
	default: return S_VAR;
	}
}

/* {{=<% %>=}}: two delimiters, no blanks in them. */
static bool S_set_delims(struct S_delims *dl, const char *s, size_t n)
{
	size_t i = 0, o = 0, o_end, c;
	while (i < n && !S_space(s[i]))
		i++;
	o_end = i;
	while (i < n && S_space(s[i]))
		i++;
	c = i;
	while (i < n && !S_space(s[i]))
		i++;
	if (o_end == o || c == o_end || i == c || i != n)
		return false;
	*dl = (struct S_delims){s + o, s + c, o_end - o, i - c};
	return true;
}

static bool S_check_name(struct S_engine *e, struct S_tmpl *t,
			 const struct S_token *k)
{
	const char *name = t->src + k->name;
	if (k->name_len == 0) {
		diag_error(e->d, S_pos(t, k->start), "'%.*s' names nothing",
			   (int)(k->end - k->start), t->src + k->start);
		return false;
	}
	for (size_t i = 0; i < k->name_len; i++)
		if (S_space(name[i])) {
			diag_error(e->d, S_pos(t, k->start),
				   "tag name '%.*s' contains blanks",
				   (int)k->name_len, name);
			return false;
		}
	return true;
}

/* Reads the tag that starts at `at`; false when it is not closed. */
static bool S_read_tag(struct S_engine *e, struct S_tmpl *t,
		       struct S_delims *dl, size_t at, struct S_token *k)
{
	const char *s = t->src;
	size_t n = t->len, p = at + dl->open_len;
	k->kind = p < n ? S_tag_kind(s[p]) : S_VAR;
	if (k->kind != S_VAR)
		p++;
	/* {{{x}}} and {{=a b=}} end with a brace or = before the delimiter */
	char extra = p > 0 && s[p - 1] == '{' && k->kind == S_RAW ? '}'
		     : k->kind == S_DELIM			   ? '='
								   : 0;
	size_t close = p;
	for (;;) {
		close = S_find(s, n, close, dl->close, dl->close_len);
		if (close == n || !extra ||
		    (close > p && s[close - 1] == extra))
			break;
		close++;
	}
	if (close == n) {
		diag_error(e->d, S_pos(t, at), "tag '%.*s' is not closed",
			   (int)(p - at), s + at);
		return false;
	}
	k->start = at;
	k->end = close + dl->close_len;
	size_t c_end = extra ? close - 1 : close;
	while (p < c_end && S_space(s[p]))
		p++;
	while (c_end > p && S_space(s[c_end - 1]))
		c_end--;
	k->name = p;
	k->name_len = c_end - p;
	if (k->kind == S_DELIM) {
		if (!S_set_delims(dl, s + p, c_end - p))
			diag_error(e->d, S_pos(t, at),
				   "'%.*s' does not set two delimiters (like "
				   "{{=<%% %%>=}})",
				   (int)(k->end - at), s + at);
	} else if (k->kind != S_COMMENT && !S_check_name(e, t, k)) {
		/* reported: ignored from here on, to report nothing twice */
		k->kind = S_COMMENT;
	}
	return true;
}

static void S_push_token(struct S_engine *e, struct S_token **toks,
			 size_t *count, size_t *cap, const struct S_token *k)
{
	*toks = arena_grow(&e->a, *toks, sizeof **toks, *count, cap,
			   *count + 1);
	(*toks)[(*count)++] = *k;
}

/* Splits t into tokens; false after an unclosed tag (nothing after it can
 * be read with any confidence). */
static bool S_tokenize(struct S_engine *e, struct S_tmpl *t,
		       struct S_token **toks, size_t *count)
{
	struct S_delims dl = {"{{", "}}", 2, 2};
	size_t cap = 0, pos = 0;
	*toks = NULL;
	*count = 0;
	while (pos < t->len) {
		size_t at = S_find(t->src, t->len, pos, dl.open, dl.open_len);
		if (at > pos) {
			struct S_token text = {.kind = S_TEXT, .start = pos,
					       .end = at};
			S_push_token(e, toks, count, &cap, &text);
		}
		if (at == t->len)
			break;
		struct S_token tag = {0};
		if (!S_read_tag(e, t, &dl, at, &tag) ||
		    S_too_many_errors(e, t, at))
			return false;
		S_push_token(e, toks, count, &cap, &tag);
		pos = tag.end;
	}
	return true;
}

/* ---- pass 2: standalone lines ---- */

struct S_line {
	size_t start;  /* offset of its first byte */
	size_t first;  /* index of its first token */
	bool blank;    /* no text but blanks */
	bool leading;  /* so far only blanks and parent tags */
	int tags;      /* tags on it */
	int solid;     /* tags that count as content for standalone-ness */
};

/* The tags that may stand alone (not interpolation); parent tags and the
 * tags closing them do not count, so that "{{<p}}{{/p}}" and
 * "{{<p}}{{$b}}" lines are standalone (inheritance spec). */
static bool S_is_parent_tag(const struct S_token *k)
{
	return k->kind == S_PARENT || (k->kind == S_CLOSE && k->closes_parent);
}

static void S_line_end(struct S_token *toks, size_t last, struct S_line *l,
		       size_t end)
{
	bool standalone = l->blank && l->tags > 0 && l->solid <= 1;
	for (size_t i = l->first; i <= last; i++) {
		struct S_token *k = &toks[i];
		if (k->kind != S_TEXT) {
			k->standalone = standalone;
			k->line_end = end;
		} else if (standalone && k->end > l->start) {
			/* Only the part of the text on this line goes. */
			if (k->start < l->start)
				k->end = l->start;
			else if (k->end > end)
				k->start = end;
			else
				k->end = k->start;
		}
	}
}

static void S_line_text(struct S_tmpl *t, struct S_token *toks, size_t i,
			struct S_line *l)
{
	size_t from = toks[i].start, end = toks[i].end;
	while (from < end) {
		const char *nl = memchr(t->src + from, '\n', end - from);
		size_t stop = nl ? (size_t)(nl - t->src) : end;
		for (size_t p = from; p < stop; p++)
			if (!S_blank(t->src[p]))
				l->blank = l->leading = false;
		if (!nl)
			break;
		/* The token may lose its head to this line; the lines after
		 * are still scanned within its original range. */
		S_line_end(toks, i, l, stop + 1);
		*l = (struct S_line){.start = stop + 1, .first = i,
				     .blank = true, .leading = true};
		from = stop + 1;
	}
}

static void S_standalone(struct S_engine *e, struct S_tmpl *t,
			 struct S_token *toks, size_t count)
{
	struct S_line l = {.blank = true, .leading = true};
	bool *open_parent = NULL; /* what each open section is */
	size_t depth = 0, cap = 0;
	for (size_t i = 0; i < count; i++) {
		struct S_token *k = &toks[i];
		if (k->kind == S_TEXT) {
			S_line_text(t, toks, i, &l);
			continue;
		}
		k->line_start = l.start;
		if (k->kind == S_CLOSE && depth > 0)
			k->closes_parent = open_parent[--depth];
		if (k->kind == S_SECTION || k->kind == S_INVERTED ||
		    k->kind == S_PARENT || k->kind == S_BLOCK) {
			open_parent = arena_grow(&e->a, open_parent,
						 sizeof *open_parent, depth,
						 &cap, depth + 1);
			open_parent[depth++] = k->kind == S_PARENT;
		}
		k->line_leader = l.leading;
		l.tags++;
		if (k->kind == S_VAR || k->kind == S_RAW)
			l.blank = false;
		if (!S_is_parent_tag(k)) {
			l.solid++;
			l.leading = false;
		}
	}
	if (count > 0)
		S_line_end(toks, count - 1, &l, t->len);
}

/* ---- pass 3: the tree ---- */

/* An open section while building; blocks strip their own indentation
 * from their lines. */
struct S_open {
	struct S_node *node;
	const char *strip;
	size_t strip_len;
};

static struct S_node *S_new_node(struct S_engine *e, struct S_tmpl *t,
				 enum S_kind kind, size_t at)
{
	struct S_node *n = arena_alloc(e->ta, sizeof *n);
	n->kind = kind;
	n->tmpl = t;
	n->at = at;
	return n;
}

static void S_add_kid(struct S_engine *e, struct S_node *parent,
		      struct S_node *kid)
{
	parent->kids = arena_grow(e->ta, parent->kids, sizeof *parent->kids,
				  parent->kid_count, &parent->kid_cap,
				  parent->kid_count + 1);
	parent->kids[parent->kid_count++] = kid;
}

/* How much of s starts like x. */
static size_t S_common(const char *s, size_t n, const char *x, size_t xlen)
{
	size_t i = 0;
	while (i < n && i < xlen && s[i] == x[i])
		i++;
	return i;
}

/* The blanks that indent the line starting at `at`. */
static size_t S_lead(const struct S_tmpl *t, size_t at)
{
	size_t i = at;
	while (i < t->len && (t->src[i] == ' ' || t->src[i] == '\t'))
		i++;
	return i - at;
}

static void S_add_text(struct S_engine *e, struct S_tmpl *t,
		       const struct S_open *o, size_t start, size_t end)
{
	struct S_node *n = S_new_node(e, t, S_TEXT, start);
	const char *s = t->src;
	n->text = s + start;
	n->len = end - start;
	if (o->strip_len) {
		char *p = arena_alloc(e->ta, end - start + 1);
		size_t len = 0, i = start;
		while (i < end) {
			if (i == 0 || s[i - 1] == '\n')
				i += S_common(s + i, end - i, o->strip,
					      o->strip_len);
			const char *nl = memchr(s + i, '\n', end - i);
			size_t stop = nl ? (size_t)(nl - s) + 1 : end;
			memcpy(p + len, s + i, stop - i);
			len += stop - i;
			i = stop;
		}
		n->text = p;
		n->len = len;
	}
	if (n->len)
		S_add_kid(e, o->node, n);
}

static void S_set_name(struct S_engine *e, struct S_node *n, const char *name,
		       size_t len)
{
	n->text = arena_strndup(e->ta, name, len);
	n->len = len;
	if (len == 1 && name[0] == '.')
		return;
	size_t parts = 1;
	for (size_t i = 0; i < len; i++)
		parts += name[i] == '.';
	n->path = arena_alloc(e->ta, parts * sizeof *n->path);
	n->path_hash = arena_alloc(e->ta, parts * sizeof *n->path_hash);
	size_t from = 0;
	for (size_t i = 0; i <= len; i++)
		if (i == len || name[i] == '.') {
			const char *part =
				arena_strndup(e->ta, name + from, i - from);
			n->path_hash[n->path_len] = value_hash(part);
			n->path[n->path_len++] = part;
			from = i + 1;
		}
}

/* Indentation `lead` bytes at s, relative to the block it is in. */
static void S_set_indent(struct S_node *n, const struct S_open *o,
			 const char *s, size_t lead)
{
	size_t skip = S_common(s, lead, o->strip, o->strip_len);
	n->indent = s + skip;
	n->indent_len = lead - skip;
}

static struct S_node *S_tag_node(struct S_engine *e, struct S_tmpl *t,
				 const struct S_open *o,
				 const struct S_token *k)
{
	struct S_node *n = S_new_node(e, t, k->kind, k->start);
	S_set_name(e, n, t->src + k->name, k->name_len);
	if ((k->kind == S_PARTIAL || k->kind == S_PARENT) && k->standalone)
		S_set_indent(n, o, t->src + k->line_start,
			     S_lead(t, k->line_start));
	return n;
}

/* A block's own indentation: that of its first line when its tag stands
 * alone, else the blanks before its tag when only blanks are. */
static struct S_open S_block_open(const struct S_tmpl *t,
				  const struct S_token *k, struct S_node *n)
{
	struct S_open o = {n, "", 0};
	if (k->standalone && k->line_end < t->len)
		o = (struct S_open){n, t->src + k->line_end,
				    S_lead(t, k->line_end)};
	else if (!k->standalone && k->line_leader)
		o = (struct S_open){n, t->src + k->line_start,
				    S_lead(t, k->line_start)};
	return o;
}

static bool S_same_name(const struct S_node *n, const char *name, size_t len)
{
	return n->len == len && memcmp(n->text, name, len) == 0;
}

/* {{/x}}: closes the innermost open x; returns the new depth. */
static size_t S_close(struct S_engine *e, struct S_tmpl *t,
		      const struct S_open *stack, size_t depth,
		      const struct S_token *k)
{
	const char *name = t->src + k->name, *tag = t->src + k->start;
	int tag_len = (int)(k->end - k->start);
	size_t j = depth - 1;
	while (j > 0 && !S_same_name(stack[j].node, name, k->name_len))
		j--;
	if (j > 0 && j == depth - 1)
		return j;
	const struct S_node *top = stack[depth - 1].node;
	if (depth == 1) {
		diag_error(e->d, S_pos(t, k->start),
			   "'%.*s' closes nothing: no section '%.*s' is open",
			   tag_len, tag, (int)k->name_len, name);
		return depth;
	}
	int top_line = S_pos(t, top->at).line;
	diag_error(e->d, S_pos(t, k->start),
		   "'%.*s' does not close '%s', opened at line %d", tag_len,
		   tag, top->text, top_line);
	/* When an outer section has that name, the ones inside it were
	 * left open: close them all. */
	return j > 0 ? j : depth;
}

static bool S_is_container(enum S_kind kind)
{
	return kind == S_SECTION || kind == S_INVERTED || kind == S_PARENT ||
	       kind == S_BLOCK;
}

static struct S_node *S_build(struct S_engine *e, struct S_tmpl *t,
			      const struct S_token *toks, size_t count)
{
	struct S_open *stack = NULL;
	size_t depth = 0, cap = 0;
	stack = arena_grow(&e->a, stack, sizeof *stack, depth, &cap, 1);
	stack[depth++] = (struct S_open){S_new_node(e, t, S_SECTION, 0), "",
					 0};
	for (size_t i = 0; i < count; i++) {
		const struct S_token *k = &toks[i];
		const struct S_open *top = &stack[depth - 1];
		if (k->kind == S_TEXT) {
			if (k->end > k->start)
				S_add_text(e, t, top, k->start, k->end);
			continue;
		}
		if (k->kind == S_COMMENT || k->kind == S_DELIM)
			continue;
		if (k->kind == S_CLOSE) {
			depth = S_close(e, t, stack, depth, k);
			if (S_too_many_errors(e, t, k->start))
				return stack[0].node;
			continue;
		}
		struct S_node *n = S_tag_node(e, t, top, k);
		S_add_kid(e, top->node, n);
		if (!S_is_container(k->kind))
			continue;
		if (depth > MUSTACHE_MAX_NESTING) {
			diag_error(e->d, S_pos(t, k->start),
				   "sections are nested more than %d deep here",
				   MUSTACHE_MAX_NESTING);
			return stack[0].node;
		}
		struct S_open o = {n, top->strip, top->strip_len};
		if (k->kind == S_BLOCK) {
			o = S_block_open(t, k, n);
			S_set_indent(n, top, o.strip, o.strip_len);
		}
		stack = arena_grow(&e->a, stack, sizeof *stack, depth, &cap,
				   depth + 1);
		stack[depth++] = o;
	}
	for (size_t j = 1; j < depth; j++)
		diag_error(e->d, S_pos(t, stack[j].node->at),
			   "section '%s' is not closed", stack[j].node->text);
	return stack[0].node;
}

static struct S_tmpl *S_parse(struct S_engine *e, const char *file,
			      const char *src, size_t len)
{
	/* A byte order mark (editors on Windows write one) is not text:
	 * it would be copied out and spoil the first standalone tag. */
	if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) {
		src += 3;
		len -= 3;
	}
	struct S_tmpl *t = arena_alloc(e->ta, sizeof *t);
	*t = (struct S_tmpl){.file = file, .src = src, .len = len,
			     .pos_line = 1, .errors_before = e->d->errors};
	size_t errors = e->d->errors;
	size_t bad = utf8_first_invalid(src, len);
	const char *nul = memchr(src, '\0', bad);
	if (nul || bad < len) {
		size_t at = nul ? (size_t)(nul - src) : bad;
		diag_error(e->d, S_pos(t, at),
			   "not UTF-8 text: byte 0x%02X cannot be here",
			   (unsigned char)src[at]);
		return NULL;
	}
	struct S_token *toks;
	size_t count;
	if (!S_tokenize(e, t, &toks, &count))
		return NULL;
	S_standalone(e, t, toks, count);
	t->root = S_build(e, t, toks, count);
	return e->d->errors == errors ? t : NULL;
}

/* ---- expansion ---- */

static void S_fail(struct S_engine *e, const struct S_node *at,
		   const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Reports the first problem of the expansion and stops it. */
static void S_fail(struct S_engine *e, const struct S_node *at,
		   const char *fmt, ...)
{
	if (!e->failed) {
		char msg[256];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		diag_error(e->d, S_node_pos(at), "%s", msg);
	}
	e->failed = true;
}

static void S_put(struct S_engine *e, const char *s, size_t n)
{
	buf_put(e->out, s, n);
}

/* After every write: a template must not be able to fill the memory. */
static void S_check_size(struct S_engine *e)
{
	if (e->out->len - e->base > e->max_output)
		S_fail(e, e->at, "the expansion is larger than %zu bytes",
		       e->max_output);
}

static void S_indentation(struct S_engine *e)
{
	if (e->bol)
		S_put(e, e->indent.data, e->indent.len);
	e->bol = false;
}

/* Template text: indented at the start of each line that has content. */
static void S_text(struct S_engine *e, const char *s, size_t n)
{
	/* No indentation to add (most text of most templates): one copy. */
	if (e->indent.len == 0 && n > 0) {
		S_put(e, s, n);
		e->bol = s[n - 1] == '\n';
		n = 0;
	}
	while (n > 0) {
		const char *nl = memchr(s, '\n', n);
		size_t line = nl ? (size_t)(nl - s) + 1 : n;
		bool empty = s[0] == '\n' || (line == 2 && nl && s[0] == '\r');
		if (!empty)
			S_indentation(e);
		S_put(e, s, line);
		e->bol = nl != NULL;
		s += line;
		n -= line;
	}
	S_check_size(e);
}

static void S_value(struct S_engine *e, const char *s, size_t n,
		    enum mustache_escape esc)
{
	if (n == 0)
		return;
	S_indentation(e);
	if (esc == MUSTACHE_ESCAPE_HTML)
		escape_html(e->out, s, n);
	else if (esc == MUSTACHE_ESCAPE_MARKDOWN)
		escape_markdown(e->out, s, n);
	else
		S_put(e, s, n);
	S_check_size(e);
}

/* The spec's name resolution: the first part in the innermost context
 * that has it, the other parts in that value only. */
static const struct value *S_lookup(struct S_engine *e,
				    const struct S_stack *ctx,
				    const struct S_node *n)
{
	if (n->path_len == 0)
		return ctx ? ctx->v : NULL;
	const struct value_entry *found = NULL;
	/* Each context tried is a step: deep stacks make lookups long. */
	for (; ctx && !found; ctx = ctx->up, e->steps++)
		found = value_map_find(ctx->v, n->path[0], n->path_hash[0]);
	for (size_t i = 1; found && i < n->path_len; i++)
		found = value_map_find(found->value, n->path[i],
				       n->path_hash[i]);
	return found ? found->value : NULL;
}

static void S_expand(struct S_engine *e, const struct S_node *list,
		     const struct S_stack *ctx, const struct S_overrides *over);

/* Expands a section's (or partial's) content one level deeper. */
static void S_nest(struct S_engine *e, const struct S_node *list,
		   const struct S_stack *ctx, const struct S_overrides *over)
{
	if (e->nesting >= MUSTACHE_MAX_NESTING) {
		S_fail(e, e->at, "sections and partials are nested more than "
				 "%d deep here", MUSTACHE_MAX_NESTING);
		return;
	}
	e->nesting++;
	S_expand(e, list, ctx, over);
	e->nesting--;
}

static void S_section(struct S_engine *e, const struct S_node *n,
		      const struct S_stack *ctx, const struct S_overrides *over)
{
	const struct value *v = S_lookup(e, ctx, n);
	if (n->kind == S_INVERTED) {
		if (!value_truthy(v))
			S_nest(e, n, ctx, over);
	} else if (v && v->kind == VALUE_LIST) {
		for (size_t i = 0; i < v->count && !e->failed; i++) {
			struct S_stack top = {v->items[i], ctx};
			S_nest(e, n, &top, over);
		}
	} else if (value_truthy(v)) {
		struct S_stack top = {v, ctx};
		S_nest(e, n, &top, over);
	}
}

static const struct S_cached *S_cached(const struct S_partial_cache *c,
				       const char *name)
{
	for (size_t i = 0; i < c->count; i++)
		if (!strcmp(c->items[i].name, name))
			return &c->items[i];
	return NULL;
}

static void S_cache(struct arena *a, struct S_partial_cache *c,
		    const char *name, const struct S_tmpl *t)
{
	c->items = arena_grow(a, c->items, sizeof *c->items, c->count,
			      &c->cap, c->count + 1);
	c->items[c->count++] = (struct S_cached){name, t};
}

static const struct S_tmpl *S_load(struct S_engine *e, const struct S_node *n)
{
	const struct S_cached *c = S_cached(e->found, n->text);
	if (!c)
		c = S_cached(&e->missing, n->text);
	if (c)
		return c->tmpl;
	if (e->found->count + e->missing.count >= MUSTACHE_MAX_PARTIALS) {
		S_fail(e, n, "more than %d different partials",
		       MUSTACHE_MAX_PARTIALS);
		return NULL;
	}
	const struct mustache_partials *p = e->opt->partials;
	size_t errors = e->d->errors, len = 0;
	const char *file = n->text;
	const char *text = p ? p->load(p->ctx, n->text, S_node_pos(n), &len,
				       &file)
			     : NULL;
	const struct S_tmpl *t = NULL;
	if (text)
		t = S_parse(e, file, text, len);
	else if (e->d->errors == errors)
		diag_warning(e->d, S_node_pos(n),
			     "no partial named '%s': it expands to nothing",
			     n->text);
	if (e->d->errors != errors)
		e->failed = true;
	if (t)
		S_cache(e->ta, e->found, n->text, t);
	else
		S_cache(&e->a, &e->missing, n->text, NULL);
	return t;
}

/* {{>x}} and {{<x}}: another template, at the indentation of a
 * standalone tag. */
static void S_include(struct S_engine *e, struct S_node *n,
		      const struct S_stack *ctx, const struct S_overrides *over)
{
	/* Only a partial found is remembered in the tree: a missing one is
	 * looked for (and warned about) again by the next render. */
	if (!n->target)
		n->target = S_load(e, n);
	if (!n->target)
		return;
	if (e->includes >= MUSTACHE_MAX_INCLUDES) {
		S_fail(e, n, "partials are nested more than %d deep here: "
			     "does '%s' include itself without end?",
		       MUSTACHE_MAX_INCLUDES, n->text);
		return;
	}
	size_t mark = e->indent.len;
	buf_put(&e->indent, n->indent, n->indent_len);
	e->includes++;
	S_nest(e, n->target->root, ctx, over);
	e->includes--;
	e->indent.len = mark;
}

static const struct S_node *S_override(const struct S_node *parent,
				       const struct S_node *block)
{
	for (size_t i = 0; i < parent->kid_count; i++) {
		const struct S_node *k = parent->kids[i];
		if (k->kind == S_BLOCK && !strcmp(k->text, block->text))
			return k;
	}
	return NULL;
}

/* {{$x}}: the outermost override of x, else x's own content. */
static void S_block(struct S_engine *e, const struct S_node *n,
		    const struct S_stack *ctx, const struct S_overrides *over)
{
	const struct S_node *use = n;
	for (const struct S_overrides *o = over; o; o = o->outer) {
		/* counted, as a parent may hold any number of blocks */
		e->steps += o->parent->kid_count;
		const struct S_node *b = S_override(o->parent, n);
		if (b)
			use = b;
	}
	size_t mark = e->indent.len;
	buf_put(&e->indent, n->indent, n->indent_len);
	S_nest(e, use, ctx, over);
	e->indent.len = mark;
}

static void S_expand(struct S_engine *e, const struct S_node *list,
		     const struct S_stack *ctx, const struct S_overrides *over)
{
	for (size_t i = 0; i < list->kid_count && !e->failed; i++) {
		struct S_node *n = list->kids[i];
		e->at = n;
		if (++e->steps > e->max_steps) {
			S_fail(e, n, "the expansion takes more than %zu steps",
			       e->max_steps);
			return;
		}
		const struct value *v;
		switch (n->kind) {
		case S_TEXT:
			S_text(e, n->text, n->len);
			break;
		case S_VAR:
		case S_RAW:
			v = S_lookup(e, ctx, n);
			if (n->kind == S_RAW && v && v->markdown &&
			    e->opt->field) {
				S_indentation(e);
				e->opt->field(e->opt->field_ctx, v, e->out);
				S_check_size(e);
				break;
			}
			const char *s = value_text(&e->a, v);
			S_value(e, s, v && v->kind == VALUE_STRING ? v->len
								   : strlen(s),
				n->kind == S_RAW ? MUSTACHE_ESCAPE_NONE
						 : e->opt->escape);
			break;
		case S_SECTION:
		case S_INVERTED:
			S_section(e, n, ctx, over);
			break;
		case S_PARTIAL:
			S_include(e, n, ctx, over);
			break;
		case S_PARENT: {
			struct S_overrides inner = {n, over};
			S_include(e, n, ctx, &inner);
			break;
		}
		case S_BLOCK:
			S_block(e, n, ctx, over);
			break;
		default:
			break;
		}
	}
}

static const struct mustache_options S_default = {MUSTACHE_ESCAPE_HTML,
						  NULL, 0, 0, NULL, NULL};

struct mustache_template *mustache_compile(struct diags *d, const char *file,
					   const char *tmpl, size_t len,
					   const struct mustache_options *opt)
{
	struct mustache_template *t = xcalloc(1, sizeof *t);
	arena_init(&t->a);
	t->opt = opt ? *opt : S_default;
	struct S_engine e = {.ta = &t->a, .d = d, .opt = &t->opt};
	arena_init(&e.a);
	t->root = S_parse(&e, file, tmpl, len);
	arena_free(&e.a);
	if (!t->root) {
		mustache_free(t);
		return NULL;
	}
	return t;
}

void mustache_free(struct mustache_template *t)
{
	if (!t)
		return;
	arena_free(&t->a);
	free(t);
}

bool mustache_render_compiled(struct diags *d, struct mustache_template *t,
			      const struct value *data, struct buf *out)
{
	const struct mustache_options *opt = &t->opt;
	struct S_engine e = {
		.ta = &t->a,
		.d = d,
		.opt = opt,
		.out = out,
		.base = out->len,
		.bol = true,
		.max_steps = opt->max_steps ? opt->max_steps
					    : MUSTACHE_MAX_STEPS,
		.max_output = opt->max_output ? opt->max_output
					      : MUSTACHE_MAX_OUTPUT,
		.found = &t->partials,
	};
	arena_init(&e.a);
	buf_init(&e.indent);
	size_t errors = d->errors;
	struct S_stack top = {data, NULL};
	S_expand(&e, t->root->root, data ? &top : NULL, NULL);
	bool ok = !e.failed && d->errors == errors;
	if (!ok && out->data) {
		out->len = e.base;
		out->data[out->len] = '\0';
	}
	buf_free(&e.indent);
	arena_free(&e.a);
	return ok;
}

bool mustache_render(struct diags *d, const char *file, const char *tmpl,
		     size_t len, const struct value *data,
		     const struct mustache_options *opt, struct buf *out)
{
	struct mustache_template *t = mustache_compile(d, file, tmpl, len, opt);
	if (!t)
		return false;
	bool ok = mustache_render_compiled(d, t, data, out);
	mustache_free(t);
	return ok;
}
