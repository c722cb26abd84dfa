/* yamlwrite — clean block-style YAML, every string round-tripping. */
#include "yamlwrite.h"

#include <stdlib.h>
#include <string.h>

struct S_scan {
	bool special; /* needs double quotes: controls, breaks, bad bytes */
	bool newline;
};

/* Code points a YAML reader would take for line breaks, strip (the BOM)
 * or refuse (non-printable), besides the C0 and C1 controls. */
static bool S_special_cp(unsigned c)
{
	return (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) ||
	       c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE ||
	       c == 0xFFFF;
}

static struct S_scan S_scan_text(const char *s, size_t len)
{
	struct S_scan r = {false, false};
	if (utf8_first_invalid(s, len) != len)
		r.special = true;
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned c = utf8_decode(s + i, len - i, &adv);
		if (c == '\n')
			r.newline = true;
		else if (S_special_cp(c))
			r.special = true;
		i += adv;
	}
	return r;
}

static bool S_word_is(const char *s, size_t len, const char *w)
{
	if (strlen(w) != len)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return false;
	}
	return true;
}

/* Whole scalars that YAML 1.2 (core schema) or 1.1 resolve to null or a
 * boolean, or that 1.1 gives a meaning (`<<` merge, `=` value); numbers,
 * dates and .inf/.nan all start with a digit, a sign or a dot, which are
 * quoted anyway. */
static bool S_reserved_word(const char *s, size_t len)
{
	static const char *const words[] = {
		"~",  "null", "true", "false", "yes", "no", "y",
		"n",  "on",   "off",  "<<",    "=",
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (S_word_is(s, len, words[i]))
			return true;
	return false;
}

bool yamlwrite_plain_safe(const char *s, size_t len)
{
	if (len == 0 || S_reserved_word(s, len))
		return false;
	struct S_scan sc = S_scan_text(s, len);
	if (sc.special || sc.newline)
		return false;
	if (strchr("-?:,[]{}#&*!|>'\"%@`+. 0123456789", s[0]))
		return false;
	if (s[len - 1] == ' ' || s[len - 1] == ':')
		return false;
	for (size_t i = 0; i + 1 < len; i++)
		if ((s[i] == ':' && s[i + 1] == ' ') ||
		    (s[i] == ' ' && s[i + 1] == '#'))
			return false;
	return true;
}

static void S_spaces(struct buf *b, int n)
{
	for (int i = 0; i < n; i++)
		buf_putc(b, ' ');
}

static size_t S_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static size_t S_column(const struct yamlwrite *w)
{
	size_t from = w->out->len;
	while (from > 0 && w->out->data[from - 1] != '\n')
		from--;
	return S_chars(w->out->data + from, w->out->len - from);
}

static void S_escape_cp(struct buf *b, unsigned c)
{
	static const char short_form[] = {
		['\0'] = '0', ['\a'] = 'a', ['\b'] = 'b', ['\t'] = 't',
		['\n'] = 'n', ['\v'] = 'v', ['\f'] = 'f', ['\r'] = 'r',
		[0x1B] = 'e',
	};
	if (c < sizeof short_form && short_form[c])
		buf_printf(b, "\\%c", short_form[c]);
	else if (c == 0x85)
		buf_puts(b, "\\N");
	else if (c == 0x2028)
		buf_puts(b, "\\L");
	else if (c == 0x2029)
		buf_puts(b, "\\P");
	else if (c <= 0xFF)
		buf_printf(b, "\\x%02X", c);
	else
		buf_printf(b, "\\u%04X", c);
}

static void S_double_quoted(struct buf *b, const char *s, size_t len)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned c = utf8_decode(s + i, len - i, &adv);
		bool ill_formed = utf8_first_invalid(s + i, adv) != adv;
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (ill_formed)
			buf_puts(b, "\\uFFFD");
		else if (S_special_cp(c) || c == '\n')
			S_escape_cp(b, c);
		else
			buf_put(b, s + i, adv);
		i += adv;
	}
	buf_putc(b, '"');
}

/* A literal block keeps every character, but a first line starting with a
 * space would be taken for indentation, trailing spaces would be lost to
 * editors, and more than one final line end would need `|+`, which would
 * swallow the blank line written after it. */
static bool S_literal_ok(const char *s, size_t len)
{
	if (len >= 2 && s[len - 1] == '\n' && s[len - 2] == '\n')
		return false;
	bool seen_text = false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ' && (i + 1 == len || s[i + 1] == '\n'))
			return false;
		if (s[i] != '\n' && (i == 0 || s[i - 1] == '\n')) {
			if (!seen_text && s[i] == ' ')
				return false;
			seen_text = true;
		}
	}
	return seen_text;
}

static void S_literal(struct yamlwrite *w, const char *s, size_t len,
		      int indent)
{
	bool final_newline = s[len - 1] == '\n';
	buf_puts(w->out, final_newline ? "|" : "|-");
	size_t body = final_newline ? len - 1 : len;
	size_t start = 0;
	for (;;) {
		const char *nl = memchr(s + start, '\n', body - start);
		size_t end = nl ? (size_t)(nl - s) : body;
		buf_putc(w->out, '\n');
		if (end > start) {
			S_spaces(w->out, indent);
			buf_put(w->out, s + start, end - start);
		}
		if (!nl)
			break;
		start = end + 1;
	}
	buf_putc(w->out, '\n');
	w->line_open = false;
}

/* Folding turns a line end back into one space, so a line may only be
 * broken at a single space between two other characters. */
static bool S_breakable(const char *s, size_t len, size_t i)
{
	return s[i] == ' ' && i > 0 && i + 1 < len && s[i - 1] != ' ' &&
	       s[i + 1] != ' ';
}

static bool S_fold_ok(const char *s, size_t len)
{
	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ')
		return false;
	for (size_t i = 0; i < len; i++)
		if (S_breakable(s, len, i))
			return true;
	return false;
}

/* Where the line starting at `start` ends: at the last break that keeps
 * it within `room` characters, else at the first break (a long word). */
static size_t S_fold_cut(const char *s, size_t len, size_t start,
			 size_t room)
{
	size_t width = 0, cut = len;
	for (size_t i = start; i < len; i++) {
		if (S_breakable(s, len, i)) {
			if (width > room)
				return cut != len ? cut : i;
			cut = i;
		}
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			width++;
	}
	return width > room ? cut : len;
}

static void S_folded(struct yamlwrite *w, const char *s, size_t len,
		     int indent)
{
	size_t room = YAMLWRITE_WIDTH - (size_t)indent;
	buf_puts(w->out, ">-");
	for (size_t start = 0; start < len;) {
		size_t cut = S_fold_cut(s, len, start, room);
		buf_putc(w->out, '\n');
		S_spaces(w->out, indent);
		buf_put(w->out, s + start, cut - start);
		start = cut + (cut < len);
	}
	buf_putc(w->out, '\n');
	w->line_open = false;
}

static void S_push(struct yamlwrite *w, struct yamlwrite_frame f)
{
	if (w->depth == YAMLWRITE_MAX_DEPTH) {
		fputs("uprgen: yamlwrite: nesting too deep\n", stderr);
		abort();
	}
	w->stack[w->depth++] = f;
}

/* Starts a new entry of frame f on its own line, or on the line of the
 * "- " that opened it. */
static void S_entry(struct yamlwrite *w, struct yamlwrite_frame *f)
{
	if (f->count > 0 || !f->inline_first) {
		if (w->line_open)
			buf_putc(w->out, '\n');
		S_spaces(w->out, f->indent);
	}
	f->count++;
	w->line_open = true;
}

/* Writes what precedes a value (" " after a key, "- " in a list) and
 * returns the indentation of its block content. */
static int S_value_begin(struct yamlwrite *w)
{
	int indent = 2;
	if (w->depth > 0) {
		struct yamlwrite_frame *f = &w->stack[w->depth - 1];
		if (f->kind == YAMLWRITE_MAP) {
			buf_putc(w->out, ' ');
		} else {
			S_entry(w, f);
			buf_puts(w->out, "- ");
		}
		indent = f->indent + 2;
	}
	if (w->tag)
		buf_printf(w->out, "%s ", w->tag);
	w->tag = NULL;
	return indent;
}

void yamlwrite_init(struct yamlwrite *w, struct buf *out)
{
	memset(w, 0, sizeof *w);
	w->out = out;
}

void yamlwrite_finish(struct yamlwrite *w)
{
	if (w->line_open)
		buf_putc(w->out, '\n');
	w->line_open = false;
}

static void S_begin(struct yamlwrite *w, enum yamlwrite_kind kind)
{
	struct yamlwrite_frame f = {kind, 0, 0, false};
	if (w->depth > 0) {
		struct yamlwrite_frame *parent = &w->stack[w->depth - 1];
		f.indent = parent->indent + 2;
		if (parent->kind == YAMLWRITE_LIST) {
			S_entry(w, parent);
			buf_puts(w->out, "- ");
			f.inline_first = true;
		}
	}
	S_push(w, f);
}

static void S_end(struct yamlwrite *w, const char *empty)
{
	struct yamlwrite_frame *f = &w->stack[--w->depth];
	if (f->count > 0)
		return;
	bool after_key = w->depth > 0 &&
			 w->stack[w->depth - 1].kind == YAMLWRITE_MAP;
	if (after_key)
		buf_putc(w->out, ' ');
	buf_puts(w->out, empty);
	w->line_open = true;
}

void yamlwrite_begin_list(struct yamlwrite *w)
{
	S_begin(w, YAMLWRITE_LIST);
}

void yamlwrite_end_list(struct yamlwrite *w)
{
	S_end(w, "[]");
}

void yamlwrite_begin_map(struct yamlwrite *w)
{
	S_begin(w, YAMLWRITE_MAP);
}

void yamlwrite_end_map(struct yamlwrite *w)
{
	S_end(w, "{}");
}

void yamlwrite_text(struct yamlwrite *w, const char *key, const char *text,
		    const char *lang)
{
	yamlwrite_key(w, key);
	if (!lang) {
		yamlwrite_string(w, text);
		return;
	}
	yamlwrite_begin_map(w);
	yamlwrite_key(w, lang);
	yamlwrite_string(w, text);
	yamlwrite_end_map(w);
}

void yamlwrite_key(struct yamlwrite *w, const char *key)
{
	S_entry(w, &w->stack[w->depth - 1]);
	size_t len = strlen(key);
	if (yamlwrite_plain_safe(key, len))
		buf_put(w->out, key, len);
	else
		S_double_quoted(w->out, key, len);
	buf_putc(w->out, ':');
}

void yamlwrite_stringn(struct yamlwrite *w, const char *s, size_t len)
{
	int indent = S_value_begin(w);
	struct S_scan sc = S_scan_text(s, len);
	bool fits = S_column(w) + S_chars(s, len) <= YAMLWRITE_WIDTH;
	if (!sc.special && sc.newline && S_literal_ok(s, len)) {
		S_literal(w, s, len, indent);
		return;
	}
	if (!sc.special && !sc.newline && !fits && S_fold_ok(s, len)) {
		S_folded(w, s, len, indent);
		return;
	}
	if (yamlwrite_plain_safe(s, len))
		buf_put(w->out, s, len);
	else
		S_double_quoted(w->out, s, len);
	w->line_open = true;
}

void yamlwrite_string(struct yamlwrite *w, const char *s)
{
	yamlwrite_stringn(w, s, strlen(s));
}

void yamlwrite_quoted(struct yamlwrite *w, const char *s)
{
	S_value_begin(w);
	S_double_quoted(w->out, s, strlen(s));
	w->line_open = true;
}

void yamlwrite_int(struct yamlwrite *w, long n)
{
	S_value_begin(w);
	buf_printf(w->out, "%ld", n);
	w->line_open = true;
}

void yamlwrite_tag(struct yamlwrite *w, const char *tag)
{
	bool ok = tag[0] == '!' && ((tag[1] >= 'a' && tag[1] <= 'z') ||
				    (tag[1] >= 'A' && tag[1] <= 'Z'));
	for (const char *p = tag + 1; ok && *p; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		     (*p >= '0' && *p <= '9') || *p == '-';
	if (!ok) {
		fprintf(stderr, "uprgen: yamlwrite: '%s' is no local tag\n",
			tag);
		abort();
	}
	w->tag = tag;
}

/* Hardening (issue 7, found by tests/fuzz/fuzz_csv): comment text was
 * written as it came, and an imported text holding a control character
 * gave a file the YAML reader refuses ("control characters are not
 * allowed"); a CR or U+2028 in it would even end the comment and let the
 * rest be read as YAML.  Code points a reader would take for a break or
 * refuse now become spaces, and bytes that are not UTF-8 '?'. */
static void S_comment_text(struct buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned c = utf8_decode(s + i, len - i, &adv);
		if (!adv)
			adv = 1;
		if (utf8_first_invalid(s + i, adv) != adv)
			buf_putc(b, '?');
		else if (S_special_cp(c) || c == '\n')
			buf_putc(b, ' ');
		else
			buf_put(b, s + i, adv);
		i += adv;
	}
}

static void S_comment_line(struct buf *b, int indent, const char *s,
			   size_t len)
{
	S_spaces(b, indent);
	buf_putc(b, '#');
	if (len > 0) {
		buf_putc(b, ' ');
		S_comment_text(b, s, len);
	}
	buf_putc(b, '\n');
}

/* One line of comment text, wrapped at spaces to fit the width. */
static void S_comment_wrapped(struct buf *b, int indent, const char *s,
			      size_t len)
{
	size_t room = YAMLWRITE_WIDTH - (size_t)indent - 2;
	do {
		size_t cut = S_fold_cut(s, len, 0, room);
		S_comment_line(b, indent, s, cut);
		cut += cut < len;
		s += cut;
		len -= cut;
	} while (len > 0);
}

void yamlwrite_comment(struct yamlwrite *w, const char *text)
{
	int indent = 0;
	if (w->depth > 0) {
		struct yamlwrite_frame *f = &w->stack[w->depth - 1];
		indent = f->indent;
		/* the "- " of this entry now ends its line */
		if (f->count == 0)
			f->inline_first = false;
	}
	if (w->line_open)
		buf_putc(w->out, '\n');
	w->line_open = false;
	for (const char *p = text;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		S_comment_wrapped(w->out, indent, p, n);
		if (!nl)
			break;
		p = nl + 1;
	}
}

void yamlwrite_note(struct yamlwrite *w, const char *text)
{
	if (!w->line_open) {
		yamlwrite_comment(w, text);
		return;
	}
	buf_puts(w->out, "  # ");
	S_comment_text(w->out, text, strlen(text));
}

void yamlwrite_blank_line(struct yamlwrite *w)
{
	yamlwrite_finish(w);
	buf_putc(w->out, '\n');
}
