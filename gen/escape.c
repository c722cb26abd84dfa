/* escape — HTML, Markdown and URL escaping for every back end. */
#include "escape.h"

#include <string.h>

static bool S_is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	       (c >= 'a' && c <= 'z');
}

static void S_percent(struct buf *out, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";
	char enc[3] = {'%', hex[c >> 4], hex[c & 15]};
	buf_put(out, enc, 3);
}

/* Which entity of S_html_entities each byte needs (0: none), indexed by
 * the byte: this runs over every text of every page, and a table read,
 * four bytes a test, is cheaper than a switch per byte. */
static const unsigned char S_html_special[256] = {
	['&'] = 1, ['<'] = 2, ['>'] = 3, ['"'] = 4, ['\''] = 5,
};
static const struct {
	const char *text;
	size_t len;
} S_html_entities[] = {
	{"", 0},     {"&amp;", 5},  {"&lt;", 4},
	{"&gt;", 4}, {"&quot;", 6}, {"&#39;", 5},
};

/* The position of the first byte from i on that needs escaping (len when
 * none does). */
static size_t S_html_plain_end(const unsigned char *u, size_t i, size_t len)
{
	const unsigned char *t = S_html_special;
	while (i + 4 <= len && !(t[u[i]] | t[u[i + 1]] | t[u[i + 2]] |
				 t[u[i + 3]]))
		i += 4;
	while (i < len && !t[u[i]])
		i++;
	return i;
}

void escape_html(struct buf *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t start = 0;
	for (;;) {
		size_t i = S_html_plain_end(u, start, len);
		buf_put(out, s + start, i - start);
		if (i == len)
			return;
		unsigned k = S_html_special[u[i]];
		buf_put(out, S_html_entities[k].text, S_html_entities[k].len);
		start = i + 1;
	}
}

void escape_xml(struct buf *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t start = 0, i = 0;
	while (i < len) {
		unsigned char c = u[i];
		if (c >= 0x20 && c < 0x80 && !S_html_special[c]) {
			i++;
			continue;
		}
		size_t adv = 1;
		unsigned cp = c < 0x80 ? c : utf8_decode(s + i, len - i, &adv);
		bool bad_utf8 = cp == 0xFFFD && !(adv == 3 && u[i] == 0xEF);
		bool drop = (cp < 0x20 && cp != '\t' && cp != '\n' &&
			     cp != '\r') || cp == 0xFFFE || cp == 0xFFFF;
		if (!S_html_special[c] && !drop && !bad_utf8) {
			i += adv;
			continue;
		}
		buf_put(out, s + start, i - start);
		if (bad_utf8)
			buf_puts(out, "\xEF\xBF\xBD");
		else if (!drop)
			buf_put(out, S_html_entities[S_html_special[c]].text,
				S_html_entities[S_html_special[c]].len);
		i += adv;
		start = i;
	}
	buf_put(out, s + start, i - start);
}

static bool S_md_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A run of blanks at either end of a value, as character references: a
 * CRLF pair is one newline, and a newline is a space. */
static void S_md_blanks(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			continue;
		buf_puts(out, s[i] == '\t' ? "&#9;" : "&#32;");
	}
}

/* What escape_markdown does with each byte: 0 copy, S_MD_ESCAPE put a
 * backslash before (ASCII punctuation that Markdown, GFM with smart
 * punctuation, could read as syntax: all of it but / , ; % ? which start
 * nothing), S_MD_NEAR the same but only where its neighbours make it
 * syntax (S_md_near_syntax), S_MD_LINE a line end (a space).  A table,
 * as for HTML. */
enum { S_MD_ESCAPE = 1, S_MD_LINE = 2, S_MD_NEAR = 3 };
static const unsigned char S_md_special[256] = {
	['!'] = 1, ['"'] = 1, ['#'] = 1, ['$'] = 1, ['&'] = 1, ['\''] = 1,
	['('] = 1, [')'] = 1, ['*'] = 1, ['+'] = 1, ['-'] = 3, ['.'] = 3,
	[':'] = 3, ['<'] = 1, ['='] = 1, ['>'] = 1, ['@'] = 1, ['['] = 1,
	['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1, ['{'] = 1,
	['|'] = 1, ['}'] = 1, ['~'] = 1, ['\r'] = 2, ['\n'] = 2,
};

/* Whether the - . or : at u[i] of the value u[lead..end) can be read as
 * syntax.  A value's first character can, with the template's text
 * before it, and so can its last - or : with the text after it ("--",
 * "://"); within the value - only in a run (smart dashes), . in a run
 * (ellipsis), after "www" (an autolink) or after the digits that begin
 * the value (an ordered list "1. "), : before a / ("http://").  A full
 * stop that ends a value is read by those same rules, as if a space
 * followed: a sentence's last dot is no syntax.  Kept as they are, the
 * dots of "110.51" and of a sentence's end and the hyphen of
 * "Afro-Peruvian" spare cmark-gfm a text node each, and readers of md/
 * a backslash. */
static bool S_md_near_syntax(const unsigned char *u, size_t lead, size_t end,
			     size_t i)
{
	bool last = i + 1 == end;
	if (i == lead || (last && u[i] != '.'))
		return true;
	unsigned char c = u[i], prev = u[i - 1], next = last ? ' ' : u[i + 1];
	if (c == '-')
		return prev == '-' || next == '-';
	if (c == ':')
		return next == '/';
	if (prev == '.' || next == '.' || ((prev | 0x20) == 'w'))
		return true;
	size_t k = i;
	while (k > lead && u[k - 1] >= '0' && u[k - 1] <= '9')
		k--;
	return k == lead && S_md_space((char)next);
}

void escape_markdown(struct buf *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t lead = 0, end = len;
	while (lead < len && S_md_space(s[lead]))
		lead++;
	while (end > lead && S_md_space(s[end - 1]))
		end--;
	S_md_blanks(out, s, lead);
	if (end > lead)
		buf_reserve(out, end - lead);
	for (size_t i = lead; i < end; i++) {
		size_t plain = i;
		while (i < end && !S_md_special[u[i]])
			i++;
		buf_put(out, s + plain, i - plain);
		if (i == end)
			break;
		unsigned kind = S_md_special[u[i]];
		if (kind == S_MD_NEAR && !S_md_near_syntax(u, lead, end, i)) {
			buf_putc(out, s[i]);
		} else if (kind != S_MD_LINE) {
			char pair[2] = {'\\', s[i]};
			buf_put(out, pair, 2);
		} else if (!(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')) {
			buf_putc(out, ' ');
		}
	}
	S_md_blanks(out, s + end, len - end);
}

void escape_markdown_paragraphs(struct buf *out, const char *s, size_t len)
{
	bool first = true;
	for (size_t i = 0; i < len;) {
		size_t end = i;
		while (end < len && s[end] != '\n' && s[end] != '\r')
			end++;
		size_t from = i, to = end;
		while (from < to && (s[from] == ' ' || s[from] == '\t'))
			from++;
		while (to > from && (s[to - 1] == ' ' || s[to - 1] == '\t'))
			to--;
		if (to > from) {
			if (!first)
				buf_puts(out, "\n\n");
			escape_markdown(out, s + from, to - from);
			first = false;
		}
		i = end + 1;
	}
}

void escape_url_path(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (S_is_alnum(c) || c == '-' || c == '.' || c == '_' ||
		    c == '~')
			buf_putc(out, (char)c);
		else
			S_percent(out, c);
	}
}

/* Characters a URL may hold as they are (RFC 3986 unreserved and
 * reserved, and % for escapes already made). */
static bool S_url_keeps(unsigned char c)
{
	return S_is_alnum(c) || (c != 0 && strchr("-._~:/?#[]@!$&'()*+,;=%",
						  c) != NULL);
}

static void S_url(struct buf *out, const char *s, size_t len, bool html)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!S_url_keeps(c))
			S_percent(out, c);
		else if (html && c == '&')
			buf_puts(out, "&amp;");
		else if (html && c == '\'')
			buf_puts(out, "&#39;");
		else
			buf_putc(out, (char)c);
	}
}

void escape_url(struct buf *out, const char *s, size_t len)
{
	S_url(out, s, len, false);
}

void escape_href(struct buf *out, const char *s, size_t len)
{
	S_url(out, s, len, true);
}

static char S_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether url starts with prefix (lower case), case-insensitively and
 * skipping tabs and newlines; *rest gets what follows. */
static bool S_starts(const char *url, const char *prefix, const char **rest)
{
	const char *p = url;
	for (; *prefix; prefix++) {
		while (*p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (S_lower(*p) != *prefix)
			return false;
		p++;
	}
	*rest = p;
	return true;
}

bool escape_url_is_safe(const char *url)
{
	while (*url && (unsigned char)*url <= ' ')
		url++;
	static const char *const unsafe[] = {"javascript:", "vbscript:",
					     "file:"};
	const char *rest;
	for (size_t i = 0; i < sizeof unsafe / sizeof *unsafe; i++)
		if (S_starts(url, unsafe[i], &rest))
			return false;
	if (!S_starts(url, "data:", &rest))
		return true;
	static const char *const images[] = {"image/png", "image/gif",
					     "image/jpeg", "image/webp"};
	const char *after;
	for (size_t i = 0; i < sizeof images / sizeof *images; i++)
		if (S_starts(rest, images[i], &after))
			return true;
	return false;
}
