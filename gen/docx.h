/*
 * docx — the Word back end: a cmark-gfm document tree (from
 * document_build()) in, an Office Open XML word-processing document
 * (.docx) out; the sibling of html.c and pdf.c.
 *
 * docx_render() is one walk over the tree with a switch on node type and
 * writes a Word document in Word's own structure, not a picture of one:
 *  - styles, not direct formatting: Title, Heading 1-3, body text, the
 *    numbered paragraph (a Word numbering definition, so Word renumbers
 *    when a paragraph is added), list styles, a table style, Caption,
 *    note text;
 *  - notes as Word footnotes (or endnotes), numbered by Word;
 *  - tables whose header row repeats on every page and whose rows do not
 *    split; the annex matrix (a ```matrix block after a page break) in a
 *    landscape section;
 *  - ```chart ID``` blocks as native Word charts (their values cached in
 *    the chart part, the chart's summary as its text alternative), or as
 *    a table where the chart is a table;
 *  - a table of contents field Word updates, a bookmark on every heading
 *    (each recommendation's too, which the matrix's numbers link to),
 *    internal and external hyperlinks;
 *  - every run tagged with the report's language; the document
 *    properties (title, author, subject, keywords, language); a header
 *    with the document symbol and a footer with the page number.
 * The zip is written with libzip, its entries dated `created` (or
 * 1980-01-01), so that the same input makes the same bytes.  Every text
 * goes through escape_xml().
 *
 * The file is written through a temporary file beside out_path, renamed
 * into place only when complete.  Content problems (an unknown chart, an
 * unsafe link) are warnings in d; a file that cannot be written is an
 * error and docx_render() returns false.  Nothing is printed.  The tree
 * and the options stay the caller's; nothing is kept.
 */
#ifndef UPRGEN_DOCX_H
#define UPRGEN_DOCX_H

#include <stdbool.h>

#include <cmark-gfm.h>

#include "diag.h"
#include "model.h"
#include "words.h"

struct unform;

struct docx_date {
	int year, month, day, hour, minute, second; /* year 0: none */
};

struct docx_options {
	enum lang lang;
	/* the Markdown the tree was parsed from, for the place of warnings
	 * about nodes that carry none of their own; NULL: none */
	const char *file;
	/* chart and matrix blocks draw from the report (NULL: left out
	 * with a warning); words: the language's fixed words */
	const struct report *report;
	const struct words *words;

	/* document properties and the title page (UTF-8; NULL: left out) */
	const char *title;
	const char *subtitle;
	const char *author; /* the preparing body */
	const char *subject;
	const char *keywords;
	const char *state;
	const char *date; /* as it reads: "15 July 2025" */
	/* the UN block under the symbol (the context's report.masthead); a
	 * NULL line is left out */
	struct words_block block;
	const char *symbol; /* the page header */
	struct docx_date created;

	bool toc;       /* a table of contents after the title page */
	/* the UN document form (unform.h: page 1, numbering, headers);
	 * NULL: the default design */
	const struct unform *un;
	bool no_title_page; /* the document starts with the tree's text */
	bool landscape;     /* every page landscape (a matrix of its own) */
	bool endnotes;  /* notes at the end (report.yaml notes: endnotes) */
	/* pictures are read only below base_dir (image.h); NULL: none,
	 * their descriptions are shown */
	const char *base_dir;
	const char *root; /* the project, links resolved (NULL: unknown) */
};

bool docx_render(cmark_node *doc, const struct docx_options *opt,
		 const char *out_path, struct diags *d);

#endif
