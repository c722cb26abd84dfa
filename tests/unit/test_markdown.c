/* test_markdown — the parser's set-up, the directives, paragraph
 * numbering and the unsafe-link rule. */
#include <stdlib.h>
#include <string.h>

#include "../../gen/markdown.h"
#include "../../gen/util.h"
#include "check.h"

static cmark_node *S_parse(const char *s, struct diags *d)
{
	return markdown_parse(s, strlen(s), (struct source_pos){"t.md", 1, 1},
			      d);
}

static void test_numbering(void)
{
	struct diags d;
	diags_init(&d);
	cmark_node *doc = S_parse(
		"Intro.\n\n<!-- uprgen:numbering on -->\n\nOne.\n\n- not a "
		"paragraph of the document\n\nTwo.\n\n<!--uprgen:page-break-->"
		"\n\n> quoted\n\nThree.\n\n<!-- uprgen:numbering off -->\n\n"
		"Plain.\n\n<!-- uprgen:numbering on -->\n\nFour.\n", &d);
	CHECK(doc != NULL);
	struct markdown_numbering st = {0};
	char got[64] = "";
	int breaks = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		breaks += markdown_directive_of(n) == MARKDOWN_PAGE_BREAK;
		int k = markdown_number(&st, n);
		if (k)
			snprintf(got + strlen(got), sizeof got - strlen(got),
				 "%d,", k);
	}
	cmark_iter_free(it);
	CHECK_STR(got, "1,2,3,4,");
	CHECK(breaks == 1);
	cmark_node_free(doc);
	diags_free(&d);
}

static void test_directive_exact(void)
{
	struct diags d;
	diags_init(&d);
	cmark_node *doc = S_parse("<!-- uprgen:page-break --> x\n\n"
				  "<!-- uprgen:numbering maybe -->\n", &d);
	for (cmark_node *n = cmark_node_first_child(doc); n;
	     n = cmark_node_next(n))
		CHECK(markdown_directive_of(n) == MARKDOWN_NOT_DIRECTIVE);
	cmark_node_free(doc);
	diags_free(&d);
}

static void test_extensions(void)
{
	struct diags d;
	diags_init(&d);
	cmark_node *doc = S_parse("| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n"
				  "~~gone~~ \"quoted\" -- x[^1]\n\n[^1]: note\n",
				  &d);
	cmark_node *table = cmark_node_first_child(doc);
	CHECK(markdown_ext_of(table) == MARKDOWN_EXT_TABLE);
	CHECK(markdown_table_columns(table) == 2);
	CHECK(markdown_table_align(table, 0) == 'c');
	CHECK(markdown_table_align(table, 1) == 'r');
	CHECK(markdown_is_header_row(cmark_node_first_child(table)));
	cmark_node *para = cmark_node_next(table);
	cmark_node *strike = cmark_node_first_child(para);
	CHECK(markdown_ext_of(strike) == MARKDOWN_EXT_STRIKETHROUGH);
	const char *text = cmark_node_get_literal(cmark_node_next(strike));
	CHECK(text && strstr(text, "\u201cquoted\u201d") &&
	      strstr(text, "\u2013"));
	CHECK(cmark_node_get_type(cmark_node_last_child(doc)) ==
	      CMARK_NODE_FOOTNOTE_DEFINITION);
	cmark_node_free(doc);
	diags_free(&d);
}

static void test_limits(void)
{
	struct diags d;
	diags_init(&d);
	CHECK(S_parse("caf\xe9\n", &d) == NULL);
	CHECK(d.errors == 1);
	size_t n = MARKDOWN_MAX_BYTES + 1;
	char *big = malloc(n);
	memset(big, 'a', n);
	CHECK(markdown_parse(big, n, (struct source_pos){0}, &d) == NULL);
	CHECK(d.errors == 2);
	free(big);
	diags_free(&d);
}

static void test_urls(void)
{
	CHECK(markdown_url_is_safe("https://ohchr.org/x", false));
	CHECK(markdown_url_is_safe("report.html#p3", false));
	CHECK(markdown_url_is_safe("mailto:a@b.org", false));
	CHECK(!markdown_url_is_safe("javascript:alert(1)", false));
	CHECK(!markdown_url_is_safe(" JaVa\tScRipt:alert(1)", false));
	CHECK(!markdown_url_is_safe("vbscript:x", false));
	CHECK(!markdown_url_is_safe("file:///etc/passwd", false));
	CHECK(!markdown_url_is_safe("data:text/html,x", false));
	CHECK(!markdown_url_is_safe("data:image/png;base64,AA", false));
	CHECK(markdown_url_is_safe("data:image/png;base64,AA", true));
	CHECK(!markdown_url_is_safe("data:image/svg+xml,<svg>", true));
}

int main(void)
{
	test_numbering();
	test_directive_exact();
	test_extensions();
	test_limits();
	test_urls();
	return check_done("markdown");
}
