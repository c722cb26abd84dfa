/*
 * test_escape — the escapers.  escape_markdown is tested against the real
 * parser: hostile strings are escaped, put into Markdown in every inline
 * place a template may put them, parsed by cmark-gfm with the project's
 * extensions, and the result must hold exactly the string as text and no
 * node but the expected structure.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "escape.h"
#include "check.h"

static char *S_esc(void (*f)(struct buf *, const char *, size_t),
		   const char *s)
{
	struct buf b;
	buf_init(&b);
	f(&b, s, strlen(s));
	return buf_detach(&b);
}

/* f applied to in must give want. */
#define CHECK_ESC(f, in, want)                                             \
	do {                                                               \
		char *got_ = S_esc(f, in);                                 \
		CHECK_STR(got_, want);                                     \
		free(got_);                                                \
	} while (0)

static void test_html(void)
{
	CHECK_ESC(escape_html, "a & b < c > d \"e\" 'f' ü",
		  "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; ü");
	CHECK_ESC(escape_html, "", "");
}

static void test_urls(void)
{
	CHECK_ESC(escape_url_path, "110.23 a/b?ü", "110.23%20a%2Fb%3F%C3%BC");
	CHECK_ESC(escape_url, "https://x.org/a b?q=1&r='2'#f%20<\">ü",
		  "https://x.org/a%20b?q=1&r='2'#f%20%3C%22%3E%C3%BC");
	CHECK_ESC(escape_href, "https://x.org/?q=1&r='2'\"",
		  "https://x.org/?q=1&amp;r=&#39;2&#39;%22");

	CHECK(escape_url_is_safe("https://ohchr.org/"));
	CHECK(escape_url_is_safe("report.html#p-12"));
	CHECK(escape_url_is_safe("mailto:a@b.org"));
	CHECK(escape_url_is_safe("data:image/png;base64,AAAA"));
	CHECK(escape_url_is_safe("DATA:IMAGE/WEBP;base64,AAAA"));
	CHECK(escape_url_is_safe(""));
	CHECK(!escape_url_is_safe("javascript:alert(1)"));
	CHECK(!escape_url_is_safe("JavaScript:alert(1)"));
	CHECK(!escape_url_is_safe("vbscript:x"));
	CHECK(!escape_url_is_safe("FILE:///etc/passwd"));
	CHECK(!escape_url_is_safe("data:text/html,<script>"));
	CHECK(!escape_url_is_safe("data:image/svg+xml,<svg>"));
	CHECK(!escape_url_is_safe(" javascript:x"));
	CHECK(!escape_url_is_safe("java\tscript:x"));
	CHECK(!escape_url_is_safe("\x01java\nscript:x"));
}

/* What parsing one document found. */
struct S_parsed {
	struct buf text;   /* text of every leaf block, one per line */
	int bad;           /* nodes no plain text may produce */
	int paragraphs, headings, lists, items, tables, rows, cells;
	int footnotes; /* references and definitions */
	int mailto;    /* e-mail autolinks showing their own address */
	const char *bad_type;
};

/* GFM turns an e-mail address in text (also one written after mailto: or
 * xmpp:) into a link that shows its own target, whatever the escaping
 * (escape.h): harmless, so allowed. */
static bool S_is_mailto(cmark_node *link)
{
	const char *url = cmark_node_get_url(link);
	cmark_node *text = cmark_node_first_child(link);
	if (!url || !text || cmark_node_next(text) ||
	    cmark_node_get_type(text) != CMARK_NODE_TEXT)
		return false;
	const char *shown = cmark_node_get_literal(text);
	return (!strncmp(url, "mailto:", 7) &&
		(!strcmp(shown, url) || !strcmp(shown, url + 7))) ||
	       (!strncmp(url, "xmpp:", 5) && !strcmp(shown, url));
}

static void S_visit(struct S_parsed *r, cmark_node *n, cmark_event_type ev)
{
	cmark_node_type t = cmark_node_get_type(n);
	const char *ts = cmark_node_get_type_string(n);
	bool enter = ev == CMARK_EVENT_ENTER;
	if (t == CMARK_NODE_TEXT)
		buf_puts(&r->text, cmark_node_get_literal(n));
	else if (t == CMARK_NODE_SOFTBREAK)
		buf_putc(&r->text, '\n');
	else if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
		 !strcmp(ts, "table_cell")) {
		if (!enter)
			buf_puts(&r->text, "\n");
		else if (t == CMARK_NODE_PARAGRAPH)
			r->paragraphs++;
		else if (t == CMARK_NODE_HEADING)
			r->headings++;
		else
			r->cells++;
	} else if (t == CMARK_NODE_LIST)
		r->lists += enter;
	else if (t == CMARK_NODE_ITEM)
		r->items += enter;
	else if (!strcmp(ts, "table"))
		r->tables += enter;
	else if (!strcmp(ts, "table_row") || !strcmp(ts, "table_header"))
		r->rows += enter;
	else if (t == CMARK_NODE_FOOTNOTE_REFERENCE ||
		 t == CMARK_NODE_FOOTNOTE_DEFINITION)
		r->footnotes += enter;
	else if (t == CMARK_NODE_LINK && S_is_mailto(n))
		r->mailto += enter;
	else if (t != CMARK_NODE_DOCUMENT) {
		r->bad++;
		r->bad_type = ts;
	}
}

static void S_parse(struct S_parsed *r, const char *md, bool smart)
{
	memset(r, 0, sizeof *r);
	buf_init(&r->text);
	cmark_gfm_core_extensions_ensure_registered();
	int opts = CMARK_OPT_FOOTNOTES | (smart ? CMARK_OPT_SMART : 0);
	cmark_parser *p = cmark_parser_new(opts);
	const char *exts[] = {"table", "strikethrough", "autolink"};
	for (size_t i = 0; i < 3; i++)
		cmark_parser_attach_syntax_extension(
			p, cmark_find_syntax_extension(exts[i]));
	cmark_parser_feed(p, md, strlen(md));
	cmark_node *doc = cmark_parser_finish(p);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		S_visit(r, cmark_iter_get_node(it), ev);
	cmark_iter_free(it);
	cmark_node_free(doc);
	cmark_parser_free(p);
}

/* The places a template puts a value: before it, after it, the text the
 * parsed document must hold, and the blocks it must consist of. */
struct S_place {
	const char *name, *before, *after, *text_before, *text_after;
	int paragraphs, headings, items, cells, footnotes;
};

static const struct S_place S_places[] = {
	{"inline", "AAA ", " ZZZ", "AAA ", " ZZZ\n", 1, 0, 0, 0, 0},
	{"in a word", "AAA", "ZZZ", "AAA", "ZZZ\n", 1, 0, 0, 0, 0},
	{"line start", "", "ZZZ", "", "ZZZ\n", 1, 0, 0, 0, 0},
	{"own line", "AAA\n", "\nZZZ", "AAA\n", "\nZZZ\n", 1, 0, 0, 0, 0},
	{"line end", "AAA ", "\nZZZ", "AAA ", "\nZZZ\n", 1, 0, 0, 0, 0},
	{"list item", "- ", "ZZZ", "", "ZZZ\n", 1, 0, 1, 0, 0},
	{"numbered item", "1. AAA\n2. ", "ZZZ", "AAA\n", "ZZZ\n", 2, 0, 2, 0,
	 0},
	{"heading", "## ", " ZZZ", "", " ZZZ\n", 0, 1, 0, 0, 0},
	{"table cell", "| h | k |\n|---|---|\n| ", " | ZZZ |\n",
	 "h\nk\n", "\nZZZ\n", 0, 0, 0, 4, 0},
	{"table cell end", "| h | k |\n|---|---|\n| ZZZ | ", " |\n",
	 "h\nk\nZZZ\n", "\n", 0, 0, 0, 4, 0},
	{"footnote text", "AAA[^n]\n\n[^n]: ", "ZZZ", "AAA\n", "ZZZ\n", 2, 0,
	 0, 0, 2},
};

static const char *const S_hostile[] = {
	"<script>alert(1)</script>", "**bold**", "*em*", "_x_", "__x__",
	"foo_bar_baz", "a*b*c", "***x***", "[x](javascript:alert(1))",
	"[x]", "[x]: http://evil.com", "[x][y]", "![i](x.png)", "<http://x>",
	"<x@y.org>", "www.evil.com", "http://evil.com/x", "HTTPS://EVIL.COM",
	"user@example.com", "mailto:a@b.org", "xmpp:a@b.org", "# heading",
	"#", "1. item", "1) item", "- item", "+ item", "* item", "> quote",
	"    code", "\tcode", "`code`", "``", "```", "~~~", "```js\nx\n```",
	"&amp; &#60; &copy &#x3C;", "&", "a | b", "|", "| --- |", "|-|-|",
	"[^1]", "[^1]: note", "~~s~~", "~s~", "\\", "\\\\", "\\*x*", "x\\",
	"<!-- c -->", "<div>", "</div>", "<!DOCTYPE html>", "<?php x ?>",
	"<![CDATA[x]]>", "<a href=\"x\">y</a>", "===", "---", "***", "___",
	"- - -", "a  ", "a\\", "line1\nline2", "line1\r\nline2", "cr\rcr",
	"\n\n# h", "\n", "   ", "  two leading", "trailing two  ",
	"ünïcödé — “quotes” «é»", "1.", "10.5 %", "$x$", "{{x}}", "*", "_",
	"<", ">", "a<b>c", "\"q\" 'a' -- ...", "(c) (r) (tm)", "+1", "-1",
	"2018.", "A/HRC/53/8", "16.10", "5.a", "::: x", "!", "![", "]", "[",
	"<td>x</td>", "x\n===", "x\n---", "  - x\n    - y", ">>> x",
	"<https://x.org>", "[link](<a b>)", "\\[x\\]", "&#0;", "&nbsp;",
	"/", "//x", "a/b", "1/2", "http:/x", "?q=1&x=2;y%20z", "a, b; c%",
	"<a/>", "</", "--", "...", "www.x.org/a?b", "ftp://x.org",
	/* kept without a backslash within a value: - . : */
	"Afro-Peruvian", "a - b", "a -- b", "a---b", "a--", "--b", "x - - -",
	"110.51", "8.8, 10.3", "1. x", "10. x", "12) x", "1.5. x", "x. y",
	"1.2.3", "a..b", "x...", "..x", "paras. 43–225.", "see www.x.org",
	"Www.x.org", "(www.x.org)", "*www.x.org", "awww.x.org",
	"see http://x.org", "HTTP://x.org", "a:b", "x: y", "a://b", "12:30",
	"S/RES/1325 (2000)", "24-26", "a.-b", "-.5", "1.", "1)", "2.\tx",
};

static void S_check_one(const char *s, const struct S_place *pl, bool smart)
{
	struct buf md, want;
	buf_init(&md);
	buf_init(&want);
	buf_puts(&md, pl->before);
	escape_markdown(&md, s, strlen(s));
	buf_puts(&md, pl->after);
	buf_puts(&want, pl->text_before);
	for (const char *p = s; *p; p++)
		if (*p == '\r' && p[1] == '\n')
			continue;
		else
			buf_putc(&want, *p == '\n' || *p == '\r' ? ' ' : *p);
	buf_puts(&want, pl->text_after);

	struct S_parsed r;
	S_parse(&r, md.data, smart);
	bool ok = r.bad == 0 && !strcmp(r.text.data, want.data) &&
		  r.paragraphs == pl->paragraphs &&
		  r.headings == pl->headings && r.items == pl->items &&
		  r.cells == pl->cells && r.footnotes == pl->footnotes &&
		  (r.mailto == 0 || strchr(s, '@'));
	CHECK(ok);
	if (!ok)
		fprintf(stderr,
			"  value [%s] %s%s:\n  markdown [%s]\n  text [%s]\n"
			"  want [%s]\n  bad %d (%s), paragraphs %d, headings "
			"%d, items %d, cells %d, footnotes %d\n",
			s, pl->name, smart ? " (smart)" : "", md.data,
			r.text.data, want.data, r.bad,
			r.bad_type ? r.bad_type : "-", r.paragraphs,
			r.headings, r.items, r.cells, r.footnotes);
	buf_free(&r.text);
	buf_free(&md);
	buf_free(&want);
}

static void test_markdown_hostile(void)
{
	for (size_t i = 0; i < sizeof S_hostile / sizeof *S_hostile; i++)
		for (size_t j = 0; j < sizeof S_places / sizeof *S_places;
		     j++) {
			const char *s = S_hostile[i];
			bool blank = strspn(s, " \t\r\n") == strlen(s);
			/* A blank value alone leaves nothing to be a block. */
			if (blank && !strcmp(S_places[j].name, "line start"))
				continue;
			S_check_one(s, &S_places[j], false);
			S_check_one(s, &S_places[j], true);
		}
}

static void test_markdown_form(void)
{
	CHECK_ESC(escape_markdown, "  a.b\r\nc\t", "&#32;&#32;a.b c&#9;");
	CHECK_ESC(escape_markdown, "Afro-Peruvian 110.51: x.",
		  "Afro-Peruvian 110.51: x.");
	/* a last dot is syntax only as a list marker or in a run */
	CHECK_ESC(escape_markdown, "1.", "1\\.");
	CHECK_ESC(escape_markdown, "x..", "x\\.\\.");
	CHECK_ESC(escape_markdown, "www.", "www\\.");
	CHECK_ESC(escape_markdown, "x-", "x\\-");
	CHECK_ESC(escape_markdown, "x:", "x\\:");
	CHECK_ESC(escape_markdown, "1. a--b www.x http://y ...",
		  "1\\. a\\-\\-b www\\.x http\\://y \\.\\.\\.");
	CHECK_ESC(escape_markdown, "plain words ü", "plain words ü");
	CHECK_ESC(escape_markdown, "\r\n", "&#32;");
	CHECK_ESC(escape_markdown, "", "");
}

/* A cell's lines (escape_markdown_paragraphs): each line that is not
 * blank one paragraph, its text as typed; hostile lines included. */
static void test_markdown_paragraphs(void)
{
	static const struct {
		const char *cell, *text; /* text: one line a paragraph */
		int paragraphs;
	} cases[] = {
		{"one line", "one line\n", 1},
		{"Ley *31*\nSegunda <b>línea</b>",
		 "Ley *31*\nSegunda <b>línea</b>\n", 2},
		{"  # no heading  \r\n\r\n- no item\n\t> no quote ",
		 "# no heading\n- no item\n> no quote\n", 3},
		{"1. first\n2) second\n    code? no", "1. first\n2) second\ncode? no\n",
		 3},
		{"[^1] and [x]: y\n|a|b|\n---", "[^1] and [x]: y\n|a|b|\n---\n", 3},
		{"\n \n\t\n", "", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf md;
		buf_init(&md);
		escape_markdown_paragraphs(&md, cases[i].cell,
					   strlen(cases[i].cell));
		struct S_parsed r;
		S_parse(&r, md.data ? md.data : "", false);
		bool ok = r.bad == 0 && r.paragraphs == cases[i].paragraphs &&
			  r.headings == 0 && r.items == 0 && r.cells == 0 &&
			  r.footnotes == 0 &&
			  !strcmp(r.text.data ? r.text.data : "", cases[i].text);
		CHECK(ok);
		if (!ok)
			fprintf(stderr, "  cell [%s]\n  markdown [%s]\n  text "
					"[%s]\n",
				cases[i].cell, md.data ? md.data : "",
				r.text.data ? r.text.data : "");
		buf_free(&r.text);
		buf_free(&md);
	}
}

int main(void)
{
	test_html();
	test_urls();
	test_markdown_form();
	test_markdown_hostile();
	test_markdown_paragraphs();
	return check_done("escape");
}
