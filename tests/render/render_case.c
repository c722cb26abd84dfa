/*
 * render_case — one back-end golden case of tests/render: NAME.md parsed
 * as a document of its own and rendered by the HTML and the PDF back ends,
 * with the minimal valid project of tests/check as the report its charts
 * and matrices draw from, in English, typeset as the build sets a
 * report's tree (document_typeset).
 *
 * usage: render_case PROJECT NAME.md OUT.html OUT.pdf [OUT.docx]
 * Writes the HTML fragment and the PDF; prints every message (warnings
 * too) to standard error as uprgen does; exits 1 when a back end failed.
 * With OUT.docx, the Word document too, its messages in OUT.docx.err
 * (apart, so that the HTML and PDF messages stay as they are).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "docx.h"
#include "html.h"
#include "markdown.h"
#include "model.h"
#include "pdf.h"
#include "util.h"
#include "words.h"

int main(int argc, char **argv)
{
	if (argc != 5 && argc != 6) {
		fprintf(stderr, "usage: render_case PROJECT NAME.md OUT.html "
				"OUT.pdf [OUT.docx]\n");
		return 2;
	}
	struct arena a;
	struct diags d, quiet;
	arena_init(&a);
	diags_init(&d);
	diags_init(&quiet);
	struct report *r = report_load(&a, &quiet, argv[1]);
	if (r)
		report_validate(r, &quiet);
	if (!r || quiet.errors) {
		diags_print(&quiet, stderr, 0);
		return 2;
	}
	char *md;
	size_t len;
	if (file_read_all(argv[2], 1 << 20, &md, &len)) {
		perror(argv[2]);
		return 2;
	}
	/* the labels beside the project (tests/check/valid-minimal), not
	 * beside wherever the runner stands: tests/pdf runs it from
	 * elsewhere, and its words were the labels' keys */
	struct template_dirs t = {NULL,
				  arena_printf(&a, "%s/../../../templates",
					       argv[1])};
	struct words w;
	words_init(&w, &a, LANG_EN, words_labels(&a, &quiet, &t, LANG_EN));
	cmark_node *doc = markdown_parse(md, len,
					 (struct source_pos){argv[2], 1, 1}, &d);
	bool ok = doc != NULL;
	if (doc)
		document_typeset(doc, &w, &a); /* as the build does */
	if (doc) {
		struct html_words hw = html_words(&w);
		struct html_options ho = {.lang = LANG_EN, .file = argv[2],
					  .report = r, .words = &hw,
					  .root = "", .content_dir = r->content_dir};
		struct buf html;
		buf_init(&html);
		html_render(&html, doc, &ho, &d);
		ok = file_write_all(argv[3], html.data ? html.data : "",
				    html.len) == 0;
		buf_free(&html);
		/* the title page's block: its first line alone */
		struct words_block block = {
			.distribution = words_get(&w, "un_distribution")};
		struct pdf_options po = {
			.lang = LANG_EN, .file = argv[2], .report = r,
			.words = &w, .symbol = "A/HRC/WG.6/0/X/1",
			.created = {2025, 1, 1, 0, 0, 0},
			.title_page.block = block,
			.base_dir = r->content_dir};
		ok = pdf_render(doc, &po, argv[4], &d) && ok;
		if (argc == 6) {
			struct docx_options xo = {
				.lang = LANG_EN, .file = argv[2], .report = r,
				.words = &w, .symbol = "A/HRC/WG.6/0/X/1",
				.title = "Render case", .block = block,
				.created = {2025, 1, 1, 0, 0, 0}, .toc = true,
				.base_dir = r->content_dir};
			struct diags xd;
			diags_init(&xd);
			ok = docx_render(doc, &xo, argv[5], &xd) && ok;
			FILE *f = fopen(arena_printf(&a, "%s.err", argv[5]),
					"w");
			if (f) {
				diags_print(&xd, f, 0);
				fclose(f);
			}
			diags_free(&xd);
		}
		cmark_node_free(doc);
	}
	diags_print(&d, stderr, 0);
	free(md);
	diags_free(&d);
	diags_free(&quiet);
	arena_free(&a);
	return ok ? 0 : 1;
}
