/*
 * fuzz_html — Markdown to HTML alone (markdown_parse, html_render), with
 * the example report for ```chart``` and ```matrix``` blocks: the website
 * half of fuzz_markdown, which also typesets a PDF per input and so runs
 * a hundred times slower.  The seeds are fuzz_markdown's (seeds.py).
 */
#include "fuzz_common.h"

enum { S_MAX_INPUT = 64 * 1024 };

static struct arena S_arena;
static struct report *S_report;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	S_report = fuzz_example_report(&S_arena, "fuzz_html");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > S_MAX_INPUT)
		return 0;
	enum lang lang = fuzz_lang(size);
	struct diags d;
	diags_init(&d);
	cmark_node *doc = fuzz_parse_markdown(data, size, &d);
	if (!doc) {
		diags_free(&d);
		return 0;
	}
	struct buf html;
	buf_init(&html);
	fuzz_render_html(&html, doc, lang, S_report, size % 2 ? "f-" : NULL,
			 (int)(size % 4), &d);
	/* what the site writes is UTF-8 without NUL bytes */
	size_t bad = utf8_first_invalid(html.data ? html.data : "", html.len);
	if (bad != html.len || (html.len && memchr(html.data, '\0', html.len))) {
		size_t from = bad > 200 ? bad - 200 : 0;
		fprintf(stderr, "fuzz_html: not UTF-8 at byte %zu of the HTML:\n",
			bad);
		fwrite(html.data + from, 1, bad - from + 20 < html.len - from
			? bad - from + 20 : html.len - from, stderr);
		fputc('\n', stderr);
		abort();
	}
	buf_free(&html);
	cmark_node_free(doc);
	diags_free(&d);
	return 0;
}
