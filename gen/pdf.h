/*
 * pdf — the PDF back end: a cmark-gfm document tree (from markdown_parse())
 * in, an A4 report out.
 *
 * pdf_render() typesets the tree (Knuth–Plass paragraphs hyphenated in the
 * report's language, UN-style numbered paragraphs, footnotes at the foot of
 * their page, tables with repeated headers, a title page, a table of
 * contents, an outline; ```chart ID``` blocks as vector charts and
 * ```matrix``` blocks as the recommendation matrix, drawn from the report
 * in the options with the same models as the website: chart.h, matrix.h)
 * and writes out_path through a temporary file beside
 * it, renamed into place only when complete: a failed build leaves the old
 * PDF untouched.  Problems with the content (a missing image, an unsafe
 * link) are warnings in d; a build that cannot finish (no fonts, no
 * writable folder) is an error in d and returns false.  Nothing is printed.
 *
 * The tree and the options stay the caller's; pdf_render() keeps nothing.
 * Output depends only on the tree and the options: the creation date is
 * the caller's (SOURCE_DATE_EPOCH or the report date), never the clock.
 */
#ifndef UPRGEN_PDF_H
#define UPRGEN_PDF_H

#include <stdbool.h>

#include <cmark-gfm.h>

#include "diag.h"
#include "model.h"
#include "value.h"
#include "words.h"

/* The lines of the title page; NULL fields are left out.  No title page
 * at all when title is NULL. */
struct unform;

struct pdf_title_page {
	const char *state;       /* "Peru" */
	const char *title;       /* "Voluntary mid-term report" */
	const char *subtitle;
	const char *prepared_by; /* the coordinating body */
	const char *date;        /* as it should read: "15 March 2025" */
	/* the UN block under the symbol (the context's report.masthead):
	 * "Distr.: General", the date, the version's language, "Original:
	 * Spanish"; a NULL line is left out */
	struct words_block block;
};

/* A moment for the document information; year 0 leaves the dates out. */
struct pdf_date {
	int year, month, day, hour, minute, second;
};

struct pdf_options {
	enum lang lang; /* hyphenation, /Lang, "Contents", "Page" */
	/* the Markdown the tree was parsed from, for the place of warnings
	 * about nodes that carry none of their own; NULL: none */
	const char *file;

	/* ```chart ID``` and ```matrix``` blocks draw from the report (see
	 * chart.h, matrix.h); NULL: they are left out with a warning.
	 * words: the language's fixed words (words.h), for charts, the
	 * matrix, the contents and the UN block. */
	const struct report *report;
	const struct words *words;

	/* document information (UTF-8; NULL to leave out) */
	const char *title;
	const char *subtitle;
	const char *author; /* the preparing body */
	const char *subject;
	const char *keywords;
	struct pdf_date created;

	const char *symbol;       /* running header, e.g. "A/HRC/WG.6/42/PER/1" */
	const char *header_title; /* running header; NULL: title */
	struct pdf_title_page title_page;
	bool toc;      /* a table of contents after the title page */
	int toc_depth; /* heading levels listed in it; 0: 2 */
	/* the UN document form (unform.h: page 1, numbering, running
	 * heads, no colour); NULL: the default design */
	const struct unform *un;

	/* Images are read only below base_dir, by relative paths without
	 * "..".  NULL: no images (their alternative text is shown). */
	const char *base_dir;
	/* A folder holding NotoSerif-*.ttf, NotoSans-*.ttf and
	 * DejaVuSansMono*.ttf; NULL: the Debian font folders. */
	const char *font_dir;
	/* A folder of libhyphen dictionaries; NULL: /usr/share/hyphen. */
	const char *hyphen_dir;
};

bool pdf_render(cmark_node *doc, const struct pdf_options *opt,
		const char *out_path, struct diags *d);

#endif
