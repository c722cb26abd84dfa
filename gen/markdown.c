/*
 * markdown — cmark-gfm set up the same way for every caller, uprgen's
 * directives, and the link rule (escape.c's) as the node types need it.
 * See markdown.h.
 */
#include "markdown.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "escape.h"
#include "util.h"

static pthread_mutex_t S_cmark_lock = PTHREAD_MUTEX_INITIALIZER;

int markdown_options(void)
{
	return CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART;
}

/*
 * GFM's extended autolinks (cmark-gfm's "autolink" extension) cost a big
 * report a third of its parse: its pass for e-mail addresses walks the
 * whole tree after the parse, and 'w' ends every run of text to ask it.
 * Most documents have no bare address, only link targets, so a document
 * is first parsed with a probe in its place: an extension of our own
 * that is called where the autolink extension would try to match (at a
 * ':' or 'w' in text) and only notes whether "://" or "www." starts
 * there.  Only if it does is the document parsed again with autolinks.
 * The probe cannot see an '@' that reaches the text through an escape or
 * an entity, or in an unresolved footnote label, as the e-mail pass does,
 * so any '@' in the source means autolinks at once.  Nor does the parse
 * change otherwise: cmark_parser_finish merges adjacent text nodes, so
 * the trees are the same (test_markdown checks both ways).
 */
enum S_links {
	S_LINKS_NONE,	   /* nothing an autolink could start from */
	S_LINKS_PROBE,	   /* "://", in link targets it seems: probe ':' */
	S_LINKS_PROBE_WWW, /* and "www." in link targets: probe 'w' too */
	S_LINKS_FULL,	   /* a bare address, it seems: parse with autolinks */
};

/* The last place a scan of the source asked S_in_target about, and the
 * answer: a later place of the same word has the same, so that a word of
 * a million "://" is read back once, not once for each. */
struct S_word {
	size_t at;
	bool asked, in_target;
};

/* Whether the word that holds text[at] begins as a link target does:
 * "](" or "<" before it.  Places are asked in increasing order. */
static bool S_in_target(const char *text, size_t at, struct S_word *w)
{
	size_t i = at, stop = w->asked ? w->at : 0;
	while (i > stop && !isspace((unsigned char)text[i - 1]) &&
	       text[i - 1] != '(' && text[i - 1] != '<')
		i--;
	bool in_target = false;
	if (w->asked && i == stop) /* back at the last place: its word */
		in_target = w->in_target;
	else if (i > 0 && text[i - 1] == '<')
		in_target = true;
	else if (i > 0 && text[i - 1] == '(')
		in_target = i >= 2 && text[i - 2] == ']' &&
			    (i < 3 || text[i - 3] != '\\');
	*w = (struct S_word){at, true, in_target};
	return in_target;
}

/* Whether an autolink could start at the "www." at text[at]: GFM wants
 * it after a space, one of * _ ~ ( or nothing, so never after a letter,
 * a digit or a '/' (as in http://www.), which no block or table cell
 * boundary is. */
static bool S_www_may_start(const char *text, size_t at)
{
	if (at == 0)
		return true;
	unsigned char c = (unsigned char)text[at - 1];
	return !(isalnum(c) || c == '/');
}

/* The next place after at where text has needle (at least two bytes),
 * or len: memchr for its first byte, which glibc's memmem is slower than
 * on a big report. */
static size_t S_find(const char *text, size_t len, size_t at,
		     const char *needle)
{
	size_t n = strlen(needle);
	const char *p;
	while (at + n <= len && (p = memchr(text + at, needle[0], len - at))) {
		at = (size_t)(p - text);
		if (at + n > len)
			break;
		if (!memcmp(p + 1, needle + 1, n - 1))
			return at;
		at++;
	}
	return len;
}

static enum S_links S_links_in_source(const char *text, size_t len)
{
	if (memchr(text, '@', len) || S_find(text, len, 0, "&#") < len ||
	    S_find(text, len, 0, "&commat;") < len)
		return S_LINKS_FULL;
	enum S_links need = S_LINKS_NONE;
	struct S_word word = {0};
	for (size_t at = 0; (at = S_find(text, len, at, "://")) < len;
	     at += 3) {
		if (!S_in_target(text, at, &word))
			return S_LINKS_FULL;
		need = S_LINKS_PROBE;
	}
	word = (struct S_word){0};
	for (size_t at = 0; (at = S_find(text, len, at, "www.")) < len;
	     at += 4) {
		if (!S_www_may_start(text, at))
			continue;
		if (!S_in_target(text, at, &word))
			return S_LINKS_FULL;
		need = S_LINKS_PROBE_WWW;
	}
	return need;
}

/* The probe's match function: notes in its private flag whether "://"
 * or "www." starts at the ':' or 'w' met, and matches nothing. */
static cmark_node *S_probe_match(cmark_syntax_extension *ext,
				 cmark_parser *parser, cmark_node *parent,
				 unsigned char c, cmark_inline_parser *ip)
{
	(void)parser;
	(void)parent;
	int at = cmark_inline_parser_get_offset(ip);
	const char *want = c == ':' ? "://" : c == 'w' ? "www." : NULL;
	bool *found = cmark_syntax_extension_get_private(ext);
	for (int i = 1; want && want[i]; i++)
		if (cmark_inline_parser_peek_at(ip, at + i) != want[i])
			want = NULL;
	if (want)
		*found = true;
	return NULL;
}

static cmark_syntax_extension *S_probe_new(bool *found, bool www)
{
	cmark_mem *mem = cmark_get_default_mem_allocator();
	cmark_syntax_extension *e = cmark_syntax_extension_new("uprgen-probe");
	cmark_llist *chars = cmark_llist_append(mem, NULL, (void *)':');
	if (www)
		chars = cmark_llist_append(mem, chars, (void *)'w');
	cmark_syntax_extension_set_special_inline_chars(e, chars);
	cmark_syntax_extension_set_match_inline_func(e, S_probe_match);
	cmark_syntax_extension_set_private(e, found, NULL);
	return e;
}

/* cmark-gfm registers its extensions in a table for the whole process. */
static void S_register_extensions(void)
{
	pthread_mutex_lock(&S_cmark_lock);
	cmark_gfm_core_extensions_ensure_registered();
	pthread_mutex_unlock(&S_cmark_lock);
}

/* Parses text with GFM's extensions and one more, when not NULL: the
 * autolinks or the probe. */
static cmark_node *S_parse_with(const char *text, size_t len,
				cmark_syntax_extension *extra)
{
	static const char *const extensions[] = {"table", "strikethrough",
						 "tagfilter"};
	S_register_extensions();
	cmark_parser *p = cmark_parser_new(markdown_options());
	for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
		cmark_syntax_extension *e =
			cmark_find_syntax_extension(extensions[i]);
		if (e)
			cmark_parser_attach_syntax_extension(p, e);
	}
	if (extra)
		cmark_parser_attach_syntax_extension(p, extra);
	cmark_parser_feed(p, text, len);
	/* cmark-gfm keeps the inline characters of its extensions in one
	 * table for the whole process, set and cleared around each parse's
	 * inline pass (cmark_manage_extensions_special_characters, run by
	 * cmark_parser_finish): two such passes at once would clear each
	 * other's.  Hence one at a time; the block pass (feed) runs freely. */
	pthread_mutex_lock(&S_cmark_lock);
	cmark_node *doc = cmark_parser_finish(p);
	pthread_mutex_unlock(&S_cmark_lock);
	cmark_parser_free(p);
	return doc;
}

static cmark_node *S_parse_autolinked(const char *text, size_t len)
{
	S_register_extensions();
	return S_parse_with(text, len, cmark_find_syntax_extension("autolink"));
}

/* A document parsed with the probe, or with autolinks when it found
 * where one could be. */
static cmark_node *S_parse_probed(const char *text, size_t len, bool www)
{
	bool found = false;
	cmark_syntax_extension *probe = S_probe_new(&found, www);
	cmark_node *doc = S_parse_with(text, len, probe);
	cmark_syntax_extension_free(cmark_get_default_mem_allocator(), probe);
	if (!found)
		return doc;
	cmark_node_free(doc);
	return S_parse_autolinked(text, len);
}

/*
 * cmark-gfm 0.29 pads every row of a table to the columns its delimiter
 * row declares: 21 KB declaring thousands of columns over thousands of
 * short rows made gigabytes.  So before the parse, the cells a table can
 * have are bounded: for each line that could be a delimiter row (only
 * '|', '-', ':' and blanks, a '-' and a '|' among them), its columns
 * times the lines up to the next blank one.  A bound, not a parse: it
 * errs on the side of a table (a paragraph that looks like one counts).
 */
enum { S_MAX_TABLE_CELLS = 1000 * 1000 };

/* Where the line holding text[k] ends (at LF, CR or len). */
static size_t S_line_end(const char *text, size_t k, size_t len)
{
	const char *lf = memchr(text + k, '\n', len - k);
	size_t end = lf ? (size_t)(lf - text) : len;
	const char *cr = memchr(text + k, '\r', end - k);
	return cr ? (size_t)(cr - text) : end;
}

static bool S_table_too_big(const char *text, size_t len, int *line_no,
			    size_t *cols_out, size_t *rows_out)
{
	int line = 1;
	for (size_t i = 0; i < len; line++) {
		/* a delimiter row holds only these (and, as strchr() counted
		 * them, NUL); most lines show it in a few bytes, and the rest
		 * of them is skipped by memchr() */
		size_t j = i, pipes = 0;
		bool dash = false;
		for (; j < len; j++) {
			char c = text[j];
			if (c == '|')
				pipes++;
			else if (c == '-')
				dash = true;
			else if (c != ':' && c != ' ' && c != '\t' && c != '\0')
				break;
		}
		bool other = j < len && text[j] != '\n' && text[j] != '\r';
		size_t end = other ? S_line_end(text, j, len) : j;
		size_t next = end + (end < len && text[end] == '\r' &&
				     end + 1 < len && text[end + 1] == '\n'
				     ? 2 : end < len ? 1 : 0);
		if (!other && dash && pipes) {
			size_t rows = 0;
			for (size_t k = next; k < len; rows++) {
				size_t e = k, blank = 1;
				while (e < len && text[e] != '\n' &&
				       text[e] != '\r') {
					blank &= text[e] == ' ' || text[e] == '\t';
					e++;
				}
				if (blank)
					break;
				k = e + 1;
				if (rows * (pipes + 1) > S_MAX_TABLE_CELLS)
					break;
			}
			if ((rows + 1) * (pipes + 1) > S_MAX_TABLE_CELLS) {
				*line_no = line;
				*cols_out = pipes + 1;
				*rows_out = rows;
				return true;
			}
		}
		i = next;
		if (next == end)
			break;
	}
	return false;
}

bool markdown_is_line_break(cmark_node *n)
{
	int type = cmark_node_get_type(n);
	if (type == CMARK_NODE_LINEBREAK)
		return true;
	if (type != CMARK_NODE_HTML_INLINE)
		return false;
	const char *html = cmark_node_get_literal(n);
	if (!html || strncasecmp(html, "<br", 3))
		return false;
	const char *p = html + 3;
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (*p == '/')
		p++;
	return p[0] == '>' && p[1] == '\0';
}

/* The parse of text, by the way its links need (below). */
static cmark_node *S_parse_text(const char *text, size_t len)
{
	switch (S_links_in_source(text, len)) {
	case S_LINKS_NONE:
		return S_parse_with(text, len, NULL);
	case S_LINKS_PROBE:
		return S_parse_probed(text, len, false);
	case S_LINKS_PROBE_WWW:
		return S_parse_probed(text, len, true);
	default:
		return S_parse_autolinked(text, len);
	}
}

cmark_node *markdown_parse(const char *text, size_t len, struct source_pos pos,
			   struct diags *d)
{
	int table_line;
	size_t cols, rows;
	if (len > MARKDOWN_MAX_BYTES) {
		diag_error(d, pos, "Markdown text of %zu bytes; at most %d "
			   "are allowed", len, MARKDOWN_MAX_BYTES);
		return NULL;
	}
	size_t bad = utf8_first_invalid(text, len);
	if (bad != len) {
		diag_error(d, pos, "Markdown text is not UTF-8 (byte %zu)",
			   bad + 1);
		return NULL;
	}
	if (S_table_too_big(text, len, &table_line, &cols, &rows)) {
		struct source_pos at = pos;
		if (at.line)
			at = (struct source_pos){pos.file,
						 pos.line + table_line - 1, 1};
		diag_error(d, at, "this table has up to %zu columns over %s%zu "
			   "rows: more than the %d cells a table may have",
			   cols, rows * cols > S_MAX_TABLE_CELLS ? "at least " : "",
			   rows, S_MAX_TABLE_CELLS);
		return NULL;
	}
	return S_parse_text(text, len);
}

/* Whether html is exactly the comment "<!-- want -->", give or take
 * spaces. */
static bool S_comment_is(const char *html, const char *want)
{
	size_t n = strlen(html);
	while (n && isspace((unsigned char)html[n - 1]))
		n--;
	if (n < 7 || strncmp(html, "<!--", 4) || strncmp(html + n - 3, "-->", 3))
		return false;
	const char *s = html + 4, *e = html + n - 3;
	while (s < e && isspace((unsigned char)*s))
		s++;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	return (size_t)(e - s) == strlen(want) && !strncmp(s, want, e - s);
}

enum markdown_directive markdown_directive_of(cmark_node *node)
{
	if (cmark_node_get_type(node) != CMARK_NODE_HTML_BLOCK)
		return MARKDOWN_NOT_DIRECTIVE;
	const char *html = cmark_node_get_literal(node);
	if (!html)
		return MARKDOWN_NOT_DIRECTIVE;
	if (S_comment_is(html, "uprgen:numbering on"))
		return MARKDOWN_NUMBERING_ON;
	if (S_comment_is(html, "uprgen:numbering off"))
		return MARKDOWN_NUMBERING_OFF;
	if (S_comment_is(html, "uprgen:page-break"))
		return MARKDOWN_PAGE_BREAK;
	if (S_comment_is(html, "uprgen:table-source"))
		return MARKDOWN_TABLE_SOURCE;
	if (S_comment_is(html, "uprgen:unnumbered"))
		return MARKDOWN_UNNUMBERED;
	return MARKDOWN_NOT_DIRECTIVE;
}

bool markdown_is_table_source(cmark_node *n)
{
	cmark_node *before = cmark_node_previous(n);
	return cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH && before &&
	       markdown_directive_of(before) == MARKDOWN_TABLE_SOURCE;
}

cmark_node *markdown_unnumbered_new(void)
{
	cmark_node *d = cmark_node_new(CMARK_NODE_HTML_BLOCK);
	cmark_node_set_literal(d, "<!-- uprgen:unnumbered -->\n");
	return d;
}

cmark_node *markdown_table_source_new(void)
{
	cmark_node *d = cmark_node_new(CMARK_NODE_HTML_BLOCK);
	cmark_node_set_literal(d, "<!-- uprgen:table-source -->\n");
	return d;
}

int markdown_number(struct markdown_numbering *st, cmark_node *node)
{
	switch (markdown_directive_of(node)) {
	case MARKDOWN_NUMBERING_ON:
		st->on = true;
		return 0;
	case MARKDOWN_NUMBERING_OFF:
		st->on = false;
		return 0;
	default:
		break;
	}
	cmark_node *parent = cmark_node_parent(node);
	cmark_node *before = cmark_node_previous(node);
	if (!st->on || cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH ||
	    !parent || cmark_node_get_type(parent) != CMARK_NODE_DOCUMENT ||
	    markdown_is_table_source(node) ||
	    (before && markdown_directive_of(before) == MARKDOWN_UNNUMBERED))
		return 0;
	return ++st->last;
}

enum markdown_ext markdown_ext_of(cmark_node *node)
{
	static const struct {
		const char *name;
		enum markdown_ext ext;
	} names[] = {
		{"table", MARKDOWN_EXT_TABLE},
		{"table_header", MARKDOWN_EXT_TABLE_ROW},
		{"table_row", MARKDOWN_EXT_TABLE_ROW},
		{"table_cell", MARKDOWN_EXT_TABLE_CELL},
		{"strikethrough", MARKDOWN_EXT_STRIKETHROUGH},
	};
	if (!cmark_node_get_syntax_extension(node))
		return MARKDOWN_EXT_NONE;
	const char *t = cmark_node_get_type_string(node);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(t, names[i].name))
			return names[i].ext;
	return MARKDOWN_EXT_OTHER;
}

bool markdown_is_header_row(cmark_node *row)
{
	return !strcmp(cmark_node_get_type_string(row), "table_header");
}

/* Whether inline k is a text of blanks only. */
static bool S_is_blank_text(cmark_node *k)
{
	const char *s = cmark_node_get_type(k) == CMARK_NODE_TEXT
				? cmark_node_get_literal(k)
				: NULL;
	return s && !s[strspn(s, " \t")];
}

/* Whether a cell holds nothing but blanks. */
static bool S_cell_is_empty(cmark_node *cell)
{
	for (cmark_node *k = cmark_node_first_child(cell); k;
	     k = cmark_node_next(k))
		if (!S_is_blank_text(k))
			return false;
	return true;
}

bool markdown_is_group_row(cmark_node *row)
{
	if (markdown_ext_of(row) != MARKDOWN_EXT_TABLE_ROW ||
	    markdown_is_header_row(row))
		return false;
	cmark_node *first = cmark_node_first_child(row);
	if (!first || !cmark_node_next(first))
		return false;
	/* the first cell: one strong node, blanks around it */
	int strong = 0;
	for (cmark_node *k = cmark_node_first_child(first); k;
	     k = cmark_node_next(k)) {
		if (cmark_node_get_type(k) == CMARK_NODE_STRONG)
			strong++;
		else if (!S_is_blank_text(k))
			return false;
	}
	if (strong != 1)
		return false;
	for (cmark_node *c = cmark_node_next(first); c; c = cmark_node_next(c))
		if (!S_cell_is_empty(c))
			return false;
	return true;
}

unsigned markdown_table_columns(cmark_node *table)
{
	return cmark_gfm_extensions_get_table_columns(table);
}

char markdown_table_align(cmark_node *table, unsigned column)
{
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(table);
	if (!al || column >= markdown_table_columns(table))
		return 0;
	return (char)al[column];
}

bool markdown_url_is_safe(const char *url, bool image)
{
	if (!escape_url_is_safe(url))
		return false;
	while (*url && (unsigned char)*url <= ' ')
		url++;
	/* an image in a data: URL is shown, never followed as a link */
	return image || strncasecmp(url, "data:", 5) != 0;
}

const char *markdown_info_word(const char *p, char *word, size_t size)
{
	while (*p == ' ' || *p == '\t')
		p++;
	size_t n = strcspn(p, " \t");
	size_t keep = n < size - 1 ? n : size - 1;
	/* A long word cut inside a UTF-8 sequence gave the site invalid
	 * UTF-8 (class="language-…"; found by tests/fuzz/fuzz_html). */
	while (keep < n && keep && ((unsigned char)p[keep] & 0xC0) == 0x80)
		keep--;
	memcpy(word, p, keep);
	word[keep] = '\0';
	return p + n;
}

void markdown_set_origin(cmark_node *doc, const struct source_pos *origin)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER)
			cmark_node_set_user_data(cmark_iter_get_node(it),
						 (void *)origin);
	cmark_iter_free(it);
}

struct source_pos markdown_node_pos(cmark_node *node, const char *file)
{
	int line = cmark_node_get_start_line(node);
	int column = cmark_node_get_start_column(node);
	const struct source_pos *o = cmark_node_get_user_data(node);
	if (!o)
		return (struct source_pos){file, line, column};
	if (line <= 0) /* a node made, placed (document.c) */
		return o->file ? *o : (struct source_pos){file, o->line,
							   o->column};
	return (struct source_pos){
		o->file, o->line ? o->line + line - 1 : 0,
		line == 1 && o->column ? o->column + column - 1 : column};
}

bool markdown_title(const char *text, size_t len, char **title,
		    int *title_line, int *title_column, int *rest_line)
{
	struct diags quiet; /* the chapter's problems are check's to say */
	diags_init(&quiet);
	cmark_node *doc = markdown_parse(text, len, (struct source_pos){0},
					 &quiet);
	diags_free(&quiet);
	cmark_node *h = doc ? cmark_node_first_child(doc) : NULL;
	bool found = h && cmark_node_get_type(h) == CMARK_NODE_HEADING &&
		     cmark_node_get_heading_level(h) == 1;
	if (found) {
		cmark_node *first = cmark_node_first_child(h);
		*title_line = cmark_node_get_start_line(first ? first : h);
		*title_column = cmark_node_get_start_column(first ? first : h);
		*rest_line = cmark_node_get_end_line(h) + 1;
		/* notes the heading refers to: the first references of the
		 * chapter, so the first definitions cmark-gfm put at its end */
		size_t refs = 0;
		cmark_iter *it = cmark_iter_new(h);
		cmark_event_type ev;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
			if (ev == CMARK_EVENT_ENTER &&
			    cmark_node_get_type(cmark_iter_get_node(it)) ==
				    CMARK_NODE_FOOTNOTE_REFERENCE)
				refs++;
		cmark_iter_free(it);
		/* the heading's inlines, written back as CommonMark */
		cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
		while ((first = cmark_node_first_child(h)))
			cmark_node_append_child(para, first);
		cmark_node_append_child(doc, para);
		char *md = cmark_render_commonmark(para, CMARK_OPT_DEFAULT, 0);
		size_t n = strlen(md);
		while (n && (md[n - 1] == '\n' || md[n - 1] == ' '))
			md[--n] = '\0';
		/* the title is a field of its own: the notes it refers to go
		 * with it, as written (their lines of the chapter) */
		struct buf b;
		buf_init(&b);
		buf_puts(&b, md);
		free(md);
		size_t seen = 0;
		for (cmark_node *c = cmark_node_first_child(doc);
		     c && seen < refs; c = cmark_node_next(c)) {
			if (cmark_node_get_type(c) !=
			    CMARK_NODE_FOOTNOTE_DEFINITION)
				continue;
			seen++;
			int from = cmark_node_get_start_line(c);
			int to = cmark_node_get_end_line(c);
			const char *p = text;
			const char *end = text + len;
			for (int l = 1; p < end && l <= to; l++) {
				const char *e = p;
				while (e < end && *e != '\n' && *e != '\r')
					e++;
				if (l >= from) {
					buf_puts(&b, l == from ? "\n\n" : "\n");
					buf_put(&b, p, (size_t)(e - p));
				}
				p = e + (e < end && *e == '\r' && e + 1 < end &&
					 e[1] == '\n' ? 2 : e < end ? 1 : 0);
			}
		}
		*title = buf_detach(&b);
	}
	if (doc)
		cmark_node_free(doc);
	return found;
}

void markdown_plain(struct buf *out, cmark_node *node)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			buf_puts(out, cmark_node_get_literal(n));
		else if (t == CMARK_NODE_SOFTBREAK || markdown_is_line_break(n))
			buf_putc(out, ' ');
	}
	cmark_iter_free(it);
}

/* Appends node's text (markdown_plain) to out, cut to at most max bytes
 * at a character's start, with "…" where it was cut. */
static void S_plain_cut(struct buf *out, cmark_node *node, size_t max)
{
	struct buf t;
	buf_init(&t);
	markdown_plain(&t, node);
	size_t n = t.len;
	if (n > max) {
		n = max;
		while (n && ((unsigned char)t.data[n] & 0xc0) == 0x80)
			n--;
	}
	buf_put(out, t.data ? t.data : "", n);
	if (n < t.len)
		buf_puts(out, "\u2026");
	buf_free(&t);
}

bool markdown_table_name(struct buf *out, cmark_node *table,
			 const char *colon)
{
	/* Hardening: a document of 100,000 tables under one heading must
	 * not cost 100,000 squared steps, nor its names gigabytes: the
	 * heading is looked for among the 200 blocks before the table (a
	 * table farther from it goes by the scroll box's name alone), and
	 * a name holds at most 300 bytes of heading and 100 of header. */
	enum { LOOK_BACK = 200, HEADING_MAX = 300, HEADER_MAX = 100 };
	unsigned tables_before = 0, looked = 0;
	cmark_node *heading = NULL;
	/* the siblings before it, then its parent's (a table in a list
	 * item or a quote stands under the heading before that) */
	for (cmark_node *at = table; at && !heading && looked < LOOK_BACK;
	     at = cmark_node_parent(at))
		for (cmark_node *p = cmark_node_previous(at);
		     p && looked < LOOK_BACK; p = cmark_node_previous(p)) {
			looked++;
			if (cmark_node_get_type(p) == CMARK_NODE_HEADING) {
				heading = p;
				break;
			}
			if (markdown_ext_of(p) == MARKDOWN_EXT_TABLE)
				tables_before++;
		}
	if (!heading)
		return false;
	S_plain_cut(out, heading, HEADING_MAX);
	cmark_node *row = cmark_node_first_child(table);
	cmark_node *cell = row ? cmark_node_first_child(row) : NULL;
	if (tables_before && cell) {
		size_t len = out->len;
		buf_puts(out, colon ? colon : "");
		size_t cell_at = out->len;
		S_plain_cut(out, cell, HEADER_MAX);
		if (out->len == cell_at) { /* an empty header: the heading alone */
			out->len = len;
			out->data[len] = '\0';
		}
	}
	return true;
}

const char *markdown_table_name_in(struct arena *a, cmark_node *table,
				   const char *colon)
{
	struct buf name;
	buf_init(&name);
	const char *s = markdown_table_name(&name, table, colon)
				? arena_strdup(a, name.data)
				: NULL;
	buf_free(&name);
	return s;
}

/* ---- passages in another language ---- */

static const char *S_skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return s;
}

/* The language code of `<span lang="xx">`, into lang; false if s is
 * anything else (another attribute too, a code that is not one). */
static bool S_span_open(const char *s, char *lang, size_t size)
{
	if (strncasecmp(s, "<span", 5) || !strchr(" \t\n", s[5]))
		return false;
	s = S_skip_space(s + 5);
	if (strncasecmp(s, "lang", 4))
		return false;
	s = S_skip_space(s + 4);
	if (*s++ != '=')
		return false;
	s = S_skip_space(s);
	char quote = *s == '"' || *s == '\'' ? *s++ : 0;
	size_t n = 0;
	while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
	       (*s >= '0' && *s <= '9') || (*s == '-' && n)) {
		if (n + 1 >= size)
			return false;
		lang[n++] = *s++;
	}
	lang[n] = 0;
	if (n < 2 || !((lang[0] | 0x20) >= 'a' && (lang[0] | 0x20) <= 'z') ||
	    lang[n - 1] == '-')
		return false;
	if (quote && *s++ != quote)
		return false;
	s = S_skip_space(s);
	return s[0] == '>' && s[1] == 0;
}

bool markdown_is_span_close(cmark_node *n)
{
	if (cmark_node_get_type(n) != CMARK_NODE_HTML_INLINE)
		return false;
	const char *s = cmark_node_get_literal(n);
	if (!s || strncasecmp(s, "</span", 6))
		return false;
	s = S_skip_space(s + 6);
	return s[0] == '>' && s[1] == 0;
}

cmark_node *markdown_lang_span(cmark_node *n, char *lang, size_t size)
{
	if (cmark_node_get_type(n) != CMARK_NODE_HTML_INLINE)
		return NULL;
	const char *s = cmark_node_get_literal(n);
	char code[64];
	if (!s || !S_span_open(s, code, sizeof code < size ? sizeof code
							  : size))
		return NULL;
	/* its own closing tag: spans opened between are counted (a
	 * `<span>` of another kind never closes, so is not counted) */
	int depth = 0;
	char inner[64];
	for (cmark_node *k = cmark_node_next(n); k; k = cmark_node_next(k)) {
		if (markdown_is_span_close(k)) {
			if (!depth--) {
				memcpy(lang, code, strlen(code) + 1);
				return k;
			}
		} else if (cmark_node_get_type(k) == CMARK_NODE_HTML_INLINE &&
			   cmark_node_get_literal(k) &&
			   S_span_open(cmark_node_get_literal(k), inner,
				       sizeof inner)) {
			depth++;
		}
	}
	return NULL;
}

/* ---- footnotes that do not resolve ----
 *
 * cmark-gfm leaves a reference with no definition as the text "[^44]",
 * which every output would show as typed, and drops, without a word, a
 * definition nothing refers to and the second of two with one label.
 * The references left as text are found in its text nodes; the
 * definitions it drops are seen while it reads the blocks: an extension
 * of ours is asked, line after line, whether a block of its own opens
 * in the container cmark-gfm has reached, and notes every footnote
 * definition among that container and its parents (it opens nothing).
 * A definition's place is that of its text; its label "[^x]:" is just
 * before it on its line. */

struct S_def {
	int line, column; /* of the definition's text (cmark-gfm's) */
	int label_column; /* of its "[^" */
	char label[64];   /* cut: a message quotes it */
	bool kept;        /* in the finished tree */
};

struct S_defs {
	cmark_node *last; /* the definition noted last */
	struct S_def *items;
	size_t count, cap;
};

static cmark_node *S_defs_open(cmark_syntax_extension *ext, int indented,
			       cmark_parser *parser, cmark_node *container,
			       unsigned char *input, int len)
{
	(void)indented;
	(void)parser;
	(void)input;
	(void)len;
	struct S_defs *defs = cmark_syntax_extension_get_private(ext);
	for (cmark_node *n = container; n; n = cmark_node_parent(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION)
			continue;
		if (n == defs->last)
			break;
		defs->last = n;
		if (defs->count == defs->cap) {
			defs->cap = defs->cap ? defs->cap * 2 : 16;
			defs->items = xrealloc(defs->items,
					       defs->cap * sizeof *defs->items);
		}
		defs->items[defs->count++] = (struct S_def){
			cmark_node_get_start_line(n),
			cmark_node_get_start_column(n), 0, "", false};
		break;
	}
	return NULL;
}

/* The bytes of line `line` (1-based) of text, or false past its end. */
static bool S_text_line(const char *text, size_t len, int line,
			const char **start, size_t *n)
{
	size_t i = 0;
	for (int l = 1; l < line; l++) {
		while (i < len && text[i] != '\n' && text[i] != '\r')
			i++;
		if (i == len)
			return false;
		i += text[i] == '\r' && i + 1 < len && text[i + 1] == '\n' ? 2
									: 1;
	}
	*start = text + i;
	*n = S_line_end(text, i, len) - i;
	return true;
}

/* The column of byte i of a line, in characters (as every message
 * counts; cmark-gfm counts bytes). */
static int S_char_column(const char *line, size_t i)
{
	int col = 1;
	for (size_t k = 0; k < i; k++)
		col += ((unsigned char)line[k] & 0xC0) != 0x80;
	return col;
}

static size_t S_line_offset(const char *text, size_t len, int line)
{
	const char *start;
	size_t n;
	return S_text_line(text, len, line, &start, &n)
		       ? (size_t)(start - text)
		       : 0;
}

/* The label written before a definition's text: "[^x]:" ending before
 * its column. */
static void S_def_label(const char *text, size_t len, struct S_def *def)
{
	const char *line;
	size_t n;
	if (!S_text_line(text, len, def->line, &line, &n))
		return;
	size_t i = (size_t)def->column - 1 < n ? (size_t)def->column - 1 : n;
	while (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t'))
		i--;
	if (i < 2 || line[i - 1] != ':' || line[i - 2] != ']')
		return;
	size_t end = i - 2, open = end;
	while (open > 1 && !(line[open - 2] == '[' && line[open - 1] == '^'))
		open--;
	if (open < 2)
		return;
	size_t k = end - open < sizeof def->label - 1 ? end - open
						       : sizeof def->label - 1;
	memcpy(def->label, line + open, k);
	def->label[k] = '\0';
	def->label_column = S_char_column(line, open - 2);
}

/* cmark-gfm matches labels without regard to case. */
static bool S_same_label(const char *a, const char *b)
{
	return !strcasecmp(a, b);
}

static struct source_pos S_origin_pos(const struct source_pos *o, int line,
				      int column)
{
	if (line <= 0)
		return *o;
	return (struct source_pos){
		o->file, o->line ? o->line + line - 1 : 0,
		line == 1 && o->column ? o->column + column - 1 : column};
}

/* The line of a text node: cmark-gfm gives none to the text it makes of
 * an unresolved reference when that opens a line (the text after it is
 * merged into it); then the line of what comes before it, plus the line
 * breaks between. */
static int S_text_line_of(cmark_node *n)
{
	int breaks = 0;
	for (cmark_node *p = n; p; p = cmark_node_previous(p)) {
		int t = cmark_node_get_type(p);
		if (p != n && (t == CMARK_NODE_SOFTBREAK ||
			       t == CMARK_NODE_LINEBREAK)) {
			breaks++;
			continue;
		}
		int line = p == n ? cmark_node_get_start_line(p)
				  : cmark_node_get_end_line(p);
		if (line > 0)
			return line + breaks;
	}
	cmark_node *parent = cmark_node_parent(n);
	int line = parent ? cmark_node_get_start_line(parent) : 0;
	return line > 0 ? line + breaks : 0;
}

/* Where a problem of a text is in its file.  A chapter is the file
 * itself.  A field is a YAML value in it, whose lines may be folded
 * ('>') or indented ('|') or quoted there: the place is found in the
 * YAML file (read once, when a problem is found) as the same
 * occurrence, after the field's start, of what the message quotes. */
struct S_placer {
	const char *text; /* the Markdown */
	size_t len;
	const struct source_pos *origin;
	bool embedded;
	bool loaded;
	char *yaml;
	size_t yaml_len;
};

static struct source_pos S_place(struct S_placer *pl, int line, int column,
				 size_t at, const char *needle)
{
	struct source_pos fallback = S_origin_pos(pl->origin, line, column);
	const struct source_pos *o = pl->origin;
	if (!pl->embedded || !o->file || o->line <= 0)
		return fallback;
	if (!pl->loaded) {
		pl->loaded = true;
		if (file_read_all(o->file, 64 * 1024 * 1024, &pl->yaml,
				  &pl->yaml_len))
			pl->yaml = NULL;
	}
	if (!pl->yaml)
		return fallback;
	size_t nth = 0;
	for (size_t k = 0; (k = S_find(pl->text, pl->len, k, needle)) < at;
	     k++)
		nth++;
	const char *line_at;
	size_t line_len;
	if (!S_text_line(pl->yaml, pl->yaml_len, o->line, &line_at,
			 &line_len))
		return fallback;
	/* from the field's first character (o->column counts characters) */
	size_t from = (size_t)(line_at - pl->yaml);
	for (int c = 1; c < o->column && from < pl->yaml_len; c++)
		while (++from < pl->yaml_len &&
		       ((unsigned char)pl->yaml[from] & 0xC0) == 0x80)
			;
	for (size_t k = from;
	     (k = S_find(pl->yaml, pl->yaml_len, k, needle)) < pl->yaml_len;
	     k++)
		if (!nth--)
			return diag_pos_at(o->file, pl->yaml, k);
	return fallback;
}

/* The defined label nearest to `label`, for a "did you mean". */
static const char *S_near_label(const struct S_defs *defs, const char *label)
{
	struct near n = near_start(label, 3);
	for (size_t i = 0; i < defs->count; i++)
		if (defs->items[i].label[0])
			near_try(&n, defs->items[i].label);
	return n.best;
}

/* The references of text node n that no definition resolved. */
static void S_unresolved_refs(struct S_placer *pl, cmark_node *n,
			      const struct S_defs *defs, struct diags *d)
{
	const char *text = pl->text;
	size_t len = pl->len;
	const char *lit = cmark_node_get_literal(n);
	int line_no = S_text_line_of(n);
	int col = cmark_node_get_start_line(n) > 0
			  ? cmark_node_get_start_column(n) : 1;
	const char *line = NULL;
	size_t line_len = 0, cursor = col > 0 ? (size_t)col - 1 : 0;
	if (line_no > 0)
		S_text_line(text, len, line_no, &line, &line_len);
	for (const char *p = lit; p && (p = strstr(p, "[^")); p += 2) {
		size_t k = 2;
		while (p[k] && p[k] != ']' && p[k] != '[' && p[k] != '\n' &&
		       k < 200)
			k++;
		if (p[k] != ']' || k == 2)
			continue;
		char label[64];
		size_t ln = k - 2 < sizeof label - 1 ? k - 2 : sizeof label - 1;
		memcpy(label, p + 2, ln);
		label[ln] = '\0';
		/* where it was written: the next "[^label]" of the line; one
		 * escaped (\[^x]) is text as its author wants it */
		int at = col;
		size_t off = line ? (size_t)(line - text) + cursor : 0;
		if (line) {
			size_t m = k + 1, i = cursor;
			while (i + m <= line_len && memcmp(line + i, p, m))
				i++;
			if (i + m <= line_len) {
				cursor = i + m;
				if (i > 0 && line[i - 1] == '\\')
					continue;
				at = S_char_column(line, i);
				off = (size_t)(line - text) + i;
			}
		}
		char needle[80];
		snprintf(needle, sizeof needle, "[^%s]", label);
		struct source_pos pos = S_place(pl, line_no, at, off, needle);
		if (strpbrk(label, " \t")) {
			diag_error(d, pos,
				   "[^%s] would be printed as typed: a note's "
				   "label has no spaces (write it as its "
				   "definition '[^label]: ...' does)",
				   label);
			continue;
		}
		const char *near = S_near_label(defs, label);
		diag_error(d, pos,
			   "the note reference [^%s] has no definition, so it "
			   "would be printed as typed; define it on a line of "
			   "its own, '[^%s]: the note'%s%s%s",
			   label, label, near ? ", or did you mean [^" : "",
			   near ? near : "", near ? "]?" : "");
	}
}

void markdown_check_notes(const char *text, size_t len,
			  const struct source_pos *origin, bool embedded,
			  struct diags *d)
{
	struct S_placer pl = {text, len, origin, embedded, false, NULL, 0};
	if (len > MARKDOWN_MAX_BYTES || utf8_first_invalid(text, len) != len)
		return; /* markdown_parse() says so */
	struct S_defs defs = {0};
	cmark_syntax_extension *probe =
		cmark_syntax_extension_new("uprgen-notes");
	cmark_syntax_extension_set_open_block_func(probe, S_defs_open);
	cmark_syntax_extension_set_private(probe, &defs, NULL);
	cmark_node *doc = S_parse_with(text, len, probe);
	cmark_syntax_extension_free(cmark_get_default_mem_allocator(), probe);
	for (size_t i = 0; i < defs.count; i++)
		S_def_label(text, len, &defs.items[i]);
	/* the definitions cmark-gfm kept: those referred to, one a label */
	for (cmark_node *c = cmark_node_first_child(doc); c;
	     c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_FOOTNOTE_DEFINITION)
			continue;
		for (size_t i = 0; i < defs.count; i++)
			if (defs.items[i].line == cmark_node_get_start_line(c) &&
			    defs.items[i].column ==
				    cmark_node_get_start_column(c))
				defs.items[i].kept = true;
	}
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_TEXT &&
		    strstr(cmark_node_get_literal(n), "[^"))
			S_unresolved_refs(&pl, n, &defs, d);
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < defs.count; i++) {
		struct S_def *def = &defs.items[i];
		if (def->kept || !def->label[0])
			continue;
		const struct S_def *shown = NULL, *first = NULL;
		for (size_t k = 0; k < defs.count; k++) {
			if (k == i || !S_same_label(defs.items[k].label,
						    def->label))
				continue;
			if (defs.items[k].kept)
				shown = &defs.items[k];
			if (k < i && !first)
				first = &defs.items[k];
		}
		char needle[80];
		snprintf(needle, sizeof needle, "[^%s]:", def->label);
		size_t off = S_line_offset(text, len, def->line);
		struct source_pos at = S_place(&pl, def->line,
					       def->label_column, off, needle);
		if (shown || first)
			diag_warning(d, at,
				     "the note [^%s] is defined again here "
				     "(also at line %d%s), and only one "
				     "definition is used: delete one of them",
				     def->label,
				     S_place(&pl, (shown ? shown : first)->line,
					     1, S_line_offset(text, len,
						(shown ? shown : first)->line),
					     needle).line,
				     shown ? ", the one printed" : "");
		else
			diag_warning(d, at,
				     "the note [^%s] is never referred to, so it "
				     "is not printed; refer to it with [^%s] "
				     "where it belongs, or delete it",
				     def->label, def->label);
	}
	free(defs.items);
	free(pl.yaml);
	cmark_node_free(doc);
}
