/*
 * fuzz_markdown — Markdown to HTML and to PDF, the whole path of a
 * chapter: markdown_parse, then html_render and pdf_render (typesetting,
 * hyphenation, footnotes, tables, the contents, charts and the matrix).
 * ```chart ID``` and ```matrix``` blocks draw from the example report
 * (content/ of the project, loaded once), so statistics, the matrix and
 * its filters are reached.  The language (hyphenation patterns, words)
 * follows the input's length.  Inputs are cut at 64 KiB: the size of one
 * Markdown field; cmark-gfm's own quadratic cases are bounded by the
 * caller's limits, not here.
 */
#include "fuzz_common.h"

#include "diag.h"
#include "html.h"
#include "markdown.h"
#include "model.h"
#include "pdf.h"

enum { S_MAX_INPUT = 64 * 1024 };

static struct arena S_arena;
static struct report *S_report;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	S_report = fuzz_example_report(&S_arena, "fuzz_markdown");
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
				  .id_prefix = "f-", .heading_shift = (int)(size % 2)};
	struct buf html;
	buf_init(&html);
	html_render(&html, doc, &ho, &d);
	buf_free(&html);

	char pdf[256];
	snprintf(pdf, sizeof pdf, "%s/out.pdf", fuzz_dir());
	struct pdf_options po = {
		.lang = lang, .report = S_report, .title = "Fuzz",
		.symbol = "A/HRC/WG.6/0/X/1", .toc = true,
		.title_page = {"State", "Fuzz", NULL, NULL, "1 January 2025",
			       NULL},
		.created = {2025, 1, 1, 0, 0, 0},
		.base_dir = S_report ? S_report->content_dir : NULL,
	};
	if (!pdf_render(doc, &po, pdf, &d) && d.errors == 0)
		abort(); /* a failure must say why */
	cmark_node_free(doc);
	diags_free(&d);
	return 0;
}
