/*
 * fuzz_markdown — Markdown to HTML, to PDF and to Word, the whole path of
 * a chapter: markdown_parse, then html_render, pdf_render (typesetting,
 * hyphenation, footnotes, tables, the contents, charts and the matrix)
 * and docx_render (notes, or endnotes for one input in three).
 * ```chart ID``` and ```matrix``` blocks draw from the example report
 * (content/ of the project, loaded once), so statistics, the matrix and
 * its filters are reached.  The language (hyphenation patterns, words)
 * follows the input's length.  Inputs are cut at 64 KiB: the size of one
 * Markdown field; cmark-gfm's own quadratic cases are bounded by the
 * caller's limits, not here.
 */
#include "fuzz_common.h"

#include "docx.h"
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
	fuzz_render_html(&html, doc, lang, S_report, "f-", (int)(size % 2), &d);
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

	char docx[256];
	snprintf(docx, sizeof docx, "%s/out.docx", fuzz_dir());
	struct docx_options xo = {
		.lang = lang, .report = S_report, .title = "Fuzz",
		.symbol = "A/HRC/WG.6/0/X/1", .toc = true,
		.endnotes = size % 3 == 0, .created = {2025, 1, 1, 0, 0, 0},
		.base_dir = S_report ? S_report->content_dir : NULL,
	};
	if (!docx_render(doc, &xo, docx, &d) && d.errors == 0)
		abort();
	cmark_node_free(doc);
	diags_free(&d);
	return 0;
}
