/* test_markdown — the parser's set-up, the directives, paragraph
 * numbering and the unsafe-link rule. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

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

/* Whether markdown_parse gives for s the tree cmark-gfm makes with every
 * extension uprgen uses attached, autolinks included (compared as XML);
 * says which document when not. */
static bool S_as_gfm(const char *s)
{
	static const char *const names[] = {"table", "strikethrough",
					    "tagfilter", "autolink"};
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p = cmark_parser_new(markdown_options());
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		cmark_parser_attach_syntax_extension(
			p, cmark_find_syntax_extension(names[i]));
	cmark_parser_feed(p, s, strlen(s));
	cmark_node *want_doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	struct diags d;
	diags_init(&d);
	cmark_node *got_doc = S_parse(s, &d);
	char *want = cmark_render_xml(want_doc, CMARK_OPT_DEFAULT);
	char *got = got_doc ? cmark_render_xml(got_doc, CMARK_OPT_DEFAULT)
			    : NULL;
	bool same = got && d.errors == 0 && !strcmp(got, want);
	if (!same)
		fprintf(stderr, "  not as GFM: [%.200s]\n", s);
	free(got);
	free(want);
	if (got_doc)
		cmark_node_free(got_doc);
	cmark_node_free(want_doc);
	diags_free(&d);
	return same;
}

/* markdown_parse leaves autolinks out where none can be (see
 * markdown.c): every kind of text must still give the tree the autolink
 * extension gives, with or without a link in it. */
static void test_autolinks_as_gfm(void)
{
	static const char *const docs[] = {
		"No address at all: 10.5, a - b, \"quoted\".\n",
		"See [the site](https://www.gob.pe/x) and ![i](http://a.org/i.png)"
		" and <https://ohchr.org>.\n",
		"Bare https://www.gob.pe/minjusdh here.\n",
		"Bare www.ohchr.org here, and (www.un.org).\n",
		"*www.un.org* ~www.un.org~ _www.un.org_\n",
		"> www.un.org\n",
		"| a | b |\n|---|---|\n|www.un.org|x|\n",
		"[x](www.un.org) then www.un.org\n",
		"[x](www.un.org) only\n",
		"http://www.un.org and awww.un.org and x/www.un.org\n",
		"Write to a@b.org.\n",
		"[mail](mailto:a@b.org)\n",
		"a\\@b.org and a&#64;b.org and a&commat;b.org\n",
		"A note[^a@b.org] with no definition.\n",
		"[a [b][r] c](https://y.org)\n\n[r]: /r\n",
		"a](https://y.org) unopened\n",
		"[a](https://y.org x y) not a link\n",
		"\\[a](https://y.org) escaped\n",
		"`[a](https://y.org)` in code, and www...x.org\n",
		"http:\\//x.org, www\\.x.org, www.\n",
		"- [item](https://a.org/b_(c))\n- https://a.org/b_(c)\n",
	};
	for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
		CHECK(S_as_gfm(docs[i]));
}

/* A link target a megabyte long, made of "://": the word is read back
 * once, not from each "://" to its start (which took minutes). */
static void test_long_target(void)
{
	enum { REPEAT = 250000 };
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "[a](x");
	for (int i = 0; i < REPEAT; i++)
		buf_puts(&b, "://x");
	buf_puts(&b, ")\n");
	CHECK(S_as_gfm(b.data));
	buf_free(&b);
}

/* The shape of doc's first paragraph: a letter per child (t text,
 * s strikethrough, l link, o other), into out. */
static void S_shape(cmark_node *doc, char *out, size_t size)
{
	size_t n = 0;
	cmark_node *para = cmark_node_first_child(doc);
	for (cmark_node *c = para ? cmark_node_first_child(para) : NULL;
	     c && n + 1 < size; c = cmark_node_next(c)) {
		cmark_node_type t = cmark_node_get_type(c);
		out[n++] = t == CMARK_NODE_TEXT ? 't'
			   : t == CMARK_NODE_LINK ? 'l'
			   : markdown_ext_of(c) == MARKDOWN_EXT_STRIKETHROUGH ? 's'
			   : 'o';
	}
	out[n] = '\0';
}

struct S_parallel {
	const char *text, *shape;
	int wrong;
};

static void *S_parse_often(void *p)
{
	struct S_parallel *job = p;
	struct diags d;
	diags_init(&d);
	for (int i = 0; i < 1000; i++) {
		cmark_node *doc = S_parse(job->text, &d);
		char shape[16] = "";
		if (doc)
			S_shape(doc, shape, sizeof shape);
		job->wrong += !doc || strcmp(shape, job->shape) != 0;
		cmark_node_free(doc);
	}
	diags_free(&d);
	return NULL;
}

/* Parses on several threads at once: cmark-gfm keeps the extensions'
 * inline characters in one table for the process, so one parse ending
 * could clear '~' (or ':') in the middle of another's (markdown.c). */
static void test_parallel(void)
{
	struct S_parallel jobs[] = {
		{"plain ~~struck~~ text: with colons, www and words", "tst", 0},
		{"bare http://example.org/x ~~gone~~ end", "tltst", 0},
		{"a [link](https://example.org) ~~struck~~ too", "tltst", 0},
		{"and ~~one~~ more: ~~two~~ w", "tstst", 0},
	};
	enum { N = sizeof jobs / sizeof *jobs };
	pthread_t t[N];
	bool started[N];
	for (size_t i = 0; i < N; i++)
		started[i] = pthread_create(&t[i], NULL, S_parse_often,
					    &jobs[i]) == 0;
	for (size_t i = 0; i < N; i++) {
		CHECK(started[i]);
		if (started[i])
			pthread_join(t[i], NULL);
		if (jobs[i].wrong)
			fprintf(stderr, "%s: %d of 1000 parses wrong\n",
				jobs[i].text, jobs[i].wrong);
		CHECK(jobs[i].wrong == 0);
	}
}

/* A table's name: its heading; the second under that heading adds its
 * first column's header; none without a heading before it. */
static void test_table_name(void)
{
	struct diags d;
	diags_init(&d);
	cmark_node *doc = S_parse(
		"| a | b |\n|---|---|\n| 1 | 2 |\n\n"
		"## Progress *since* `2023`\n\nText.\n\n"
		"| Status | n |\n|---|--:|\n| x | 1 |\n\n"
		"| Thematic **cluster** | n |\n|---|--:|\n| y | 2 |\n\n"
		"|  | n |\n|---|--:|\n| z | 3 |\n\n"
		"- item\n\n  | In | list |\n  |---|---|\n  | 1 | 2 |\n", &d);
	CHECK(doc != NULL);
	const char *want[] = {NULL, "Progress since 2023",
			      "Progress since 2023\xEF\xBC\x9AThematic cluster",
			      "Progress since 2023", /* empty header */
			      "Progress since 2023\xEF\xBC\x9AIn"};
	size_t n = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *t = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    markdown_ext_of(t) != MARKDOWN_EXT_TABLE)
			continue;
		struct buf name;
		buf_init(&name);
		bool named = markdown_table_name(&name, t, "\xEF\xBC\x9A");
		CHECK(n < sizeof want / sizeof *want);
		if (n < sizeof want / sizeof *want) {
			CHECK(named == (want[n] != NULL));
			if (want[n])
				CHECK_STR(name.data, want[n]);
			else
				CHECK(name.len == 0);
		}
		n++;
		buf_free(&name);
	}
	cmark_iter_free(it);
	CHECK(n == 5);
	cmark_node_free(doc);

	/* hostile: a heading of 2,000 "é" names its tables with 300 bytes
	 * and "…"; a table 201 blocks after its heading goes unnamed, and
	 * 20,000 tables under one heading take no more than 200 steps each */
	struct buf md;
	buf_init(&md);
	buf_puts(&md, "# ");
	for (int i = 0; i < 2000; i++)
		buf_puts(&md, "\xC3\xA9");
	buf_puts(&md, "\n\n| a |\n|---|\n| 1 |\n\n");
	for (int i = 0; i < 200; i++)
		buf_puts(&md, "p\n\n");
	buf_puts(&md, "| far |\n|---|\n| 1 |\n\n");
	for (int i = 0; i < 20000; i++)
		buf_puts(&md, "| t |\n|---|\n\n");
	doc = S_parse(md.data, &d);
	CHECK(doc != NULL);
	cmark_node *t = cmark_node_next(cmark_node_first_child(doc));
	struct buf name;
	buf_init(&name);
	CHECK(markdown_table_name(&name, t, ": "));
	CHECK(name.len == 300 + 3 && !strcmp(name.data + 300, "\u2026"));
	for (int i = 0; i < 201; i++)
		t = cmark_node_next(t);
	name.len = 0;
	CHECK(!markdown_table_name(&name, t, ": "));
	CHECK(name.len == 0);
	size_t named = 0;
	for (t = cmark_node_next(t); t; t = cmark_node_next(t)) {
		name.len = 0;
		named += markdown_table_name(&name, t, ": ");
	}
	CHECK(named == 0);
	buf_free(&name);
	buf_free(&md);
	cmark_node_free(doc);
	CHECK(d.errors == 0);
	diags_free(&d);
}

int main(void)
{
	test_numbering();
	test_directive_exact();
	test_extensions();
	test_limits();
	test_urls();
	test_autolinks_as_gfm();
	test_long_target();
	test_parallel();
	test_table_name();
	return check_done("markdown");
}
