/*
 * document — the report of one language as one cmark-gfm tree, made so
 * that nothing in one chapter or field can change another.
 *
 * The report template (report.md and its partials) is expanded with the
 * language's context; every Markdown field the template inserts with
 * {{{x}}} (a chapter, a cluster's description, an action's text: values
 * the context marks, value.h) is written as a placeholder.  The expansion
 * is parsed, then each field is parsed as a document of its own and
 * grafted where its placeholder stands:
 *  - a placeholder alone in its paragraph gives way to the field's blocks;
 *  - one inside a line ("**Challenges:** {{{challenges}}}") takes the
 *    inlines of the field's first paragraph, and the field's other blocks
 *    follow the block that holds the line;
 *  - one in code or a link target takes the field's text as it is.
 * So a link reference definition, an unclosed HTML block or a fence of a
 * chapter stays in that chapter, and footnote labels belong to the field
 * that defines them: [^1] in two chapters are two notes.  Footnotes are
 * then numbered through the whole report in the order of their first
 * reference, their definitions last, as cmark-gfm leaves a document of
 * its own.  The nodes of each field carry where the field was written
 * (markdown_node_pos), so that a back end's warning names the chapter or
 * the YAML field and its line.
 *
 * Memory: document_build() fills *doc; document_free() frees the tree and
 * the Markdown.  The context (and so the model and the labels its values
 * point into) must outlive the tree: its nodes point at the fields'
 * positions.
 */
#ifndef UPRGEN_DOCUMENT_H
#define UPRGEN_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>

#include "diag.h"
#include "model.h"
#include "mustache.h"
#include "value.h"
#include "words.h"

struct document {
	cmark_node *tree;
	/* the expansion with every field's text in place of its
	 * placeholder: the report as one Markdown file (build/md/) */
	char *markdown;
	size_t markdown_len;
	/* nodes taken out of the tree but kept until it is freed: cmark-gfm
	 * keeps the text of inlines in their block, so a paragraph whose
	 * inlines were grafted elsewhere must outlive them */
	cmark_node **kept;
	size_t kept_count, kept_cap;
};

/* Expands template tmpl (len bytes, read from template_file) with context
 * and partials, then parses and grafts as above.  md_file names the
 * Markdown written to build/md/, where the nodes of the template's own
 * text are placed.  With `numbers` (the language's words), a heading of
 * the template's own text after headings its author numbered ("A.",
 * "B.") takes the next number of theirs, in the tree and in the Markdown
 * (the default form; the UN form numbers all, unform.h); NULL: headings
 * as written.  Returns false, with errors in d, when the template does
 * not expand or the result does not parse; *doc is then empty. */
bool document_build(struct document *doc, struct diags *d,
		    const char *template_file, const char *tmpl, size_t len,
		    const struct value *context,
		    const struct mustache_partials *partials,
		    const char *md_file, const struct words *numbers);

void document_free(struct document *doc);

/* Parses one Markdown field (a value the context marks) as a document of
 * its own, its nodes placed where it was written; NULL, with an error in
 * d, when it cannot be parsed.  For outputs that render fields apart (the
 * website's pages). */
cmark_node *document_parse_field(const struct value *field, struct diags *d);

/* Gives every text of tree (not code) the spaces w's typography asks
 * for (words_typeset: French no-break spaces before ; : ! ? and inside
 * « »), and puts each passage in a script that settles its language
 * (words_foreign_passage: Arabic in a French report) in a
 * <span lang="xx">, as an author marks one (passages the author marked
 * are left as they are), and places every note mark by the typographic
 * rule of w's language: after the punctuation that ends a phrase in
 * English ("the law.[^1]"), before it in French, Spanish and Russian ("la
 * loi[^1]."); Arabic and Chinese keep marks where they are written (the
 * punctuation moved is a run of . , ; : ! ? (in French with the no-break
 * space before ; : ! ?) that touches a run of marks).  The report's tree
 * and each field a page renders apart get it, in both forms, so the PDF,
 * the Word document and the website set the same spaces, marks and
 * languages.  The places of the text a passage cuts off
 * (markdown_node_pos) live in a, which must outlive the tree's use. */
void document_typeset(cmark_node *tree, const struct words *w,
		      struct arena *a);

#endif
