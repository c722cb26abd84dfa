/*
 * fuzz_html — Markdown to HTML alone (markdown_parse, html_render), with
 * the example report for ```chart``` and ```matrix``` blocks: the website
 * half of fuzz_markdown, which also typesets a PDF per input and so runs
 * a hundred times slower.  The seeds are fuzz_markdown's (seeds.py).
 */
#include "fuzz_common.h"

#include "diag.h"
#include "html.h"
#include "markdown.h"
#include "model.h"

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
	static const enum lang langs[] = {LANG_EN, LANG_ES, LANG_FR};
	enum lang lang = langs[size % 3];
	struct diags d;
	diags_init(&d);
	cmark_node *doc = markdown_parse((const char *)data, size,
					 (struct source_pos){"f.md", 1, 1},
					 &d);
	if (!doc) {
		if (d.errors == 0)
			abort(); /* a refusal must say why */
		diags_free(&d);
		return 0;
	}
	struct html_words words = html_words(lang, NULL);
	struct html_options ho = {.lang = lang, .report = S_report,
				  .words = &words, .root = "../",
				  .id_prefix = size % 2 ? "f-" : NULL,
				  .heading_shift = (int)(size % 4)};
	struct buf html;
	buf_init(&html);
	html_render(&html, doc, &ho, &d);
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
