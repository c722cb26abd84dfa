/*
 * site — the website: every page of build/site/, for every language.
 *
 * Takes the validated report, the template folders, and for each language
 * to publish its template context (from context_build()) and the parsed
 * report Markdown (from markdown_parse() of the expanded report template).
 * Writes into out_dir (created, with its parents when missing):
 *
 *   index.html                 the dashboard; with several languages, a
 *                              page to choose one, and each language in
 *                              its own folder (es/, en/) holding:
 *   index.html  report.html  recommendations.html  statistics.html
 *   sdgs.html  data.html  search.html  search-index.js
 *   clusters/ID.html  recommendations/ID.html
 *   data/recommendations-LL.csv  data/recommendations-LL.json
 *   assets/site-HASH.css  assets/search-HASH.js  assets/favicon.svg
 *   robots.txt  404.html  sitemap.xml (with the report's site_url)
 *                              (once, at the top)
 *
 * Pages are the HTML templates of templates/ (the user's copy first)
 * expanded with Mustache: each page template is a child of layout.html
 * ({{<layout}}...{{/layout}}); the data each one sees is listed in
 * templates/README-site.md.  Every link is relative, so the folder works
 * from any place or host, and nothing is fetched from another host.
 *
 * Each page is built in memory and written with one write.  The pages
 * are written by two threads: site_start() starts one that writes every
 * page but the report pages (from site_write_pages() on), while the
 * caller makes the template contexts and parses the reports;
 * site_finish() writes the report pages from them on the caller's thread,
 * takes its share of the pages left, and waits for the other thread.
 * A language that offers its report's files (report-LL.pdf, .docx) has
 * its dashboard and report page say their sizes: site_finish() renders
 * that report page's body (the tree is the PDF's next, which changes
 * it), and site_write_offers() writes both pages once the files are
 * made.
 * Nothing is written atomically here: the caller writes into a fresh
 * folder and moves it into place once site_finish() succeeds.  Problems
 * with the content are warnings in d; a template that does not expand or
 * a file that cannot be written is an error in d and makes site_finish()
 * return false (the folder is then incomplete).  d is only touched by
 * site_finish(), which adds the messages of both threads to it.
 */
#ifndef UPRGEN_SITE_H
#define UPRGEN_SITE_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>

#include "diag.h"
#include "model.h"
#include "templates.h"
#include "util.h"
#include "value.h"
#include "words.h"

/* The pages of a site come to at most this many bytes (the example's
 * site of 5,000 recommendations: 69 MB); a template that writes more
 * stops the build with an error. */
enum { SITE_MAX_BYTES = 512 * 1024 * 1024 };

struct site_language {
	enum lang lang;
	const struct value *context; /* context_build(a, r, words) */
	const struct words *words;   /* that language's words */
	const char *file;	     /* its report's Markdown, for messages */
	/* report-LL.pdf / report-LL.docx will be beside the language's
	 * pages (the build copies them there): the pages offer them */
	bool pdf, docx;
	/* their sizes in bytes, set before site_write_offers() */
	long long pdf_size, docx_size;
};

/* Starts the other thread on what needs no template context: folders,
 * assets, the Markdown fields of the model.  r, t and langs are read by
 * both threads until site_finish() returns; the contexts of langs may be
 * set until site_write_pages().  The writer lives in `a`. */
struct site_writer *site_start(struct arena *a, struct diags *d,
			       const struct report *r,
			       const struct template_dirs *t,
			       const struct site_language *langs,
			       size_t nlangs, const char *out_dir);
/* The contexts of langs are set: the other thread may write pages. */
void site_write_pages(struct site_writer *w);
/* reports[i]: the parsed report of langs[i] (NULL: the page has no body),
 * read on the caller's thread only; reports NULL: the build failed, stop.
 * released, when not NULL, is called with i (and arg) once reports[i] is
 * read for the last time, before its page is written: a caller with no
 * other use for the tree can start freeing it.  Returns whether every
 * page was written (but the offers, above). */
bool site_finish(struct site_writer *w, cmark_node *const *reports,
		 void (*released)(void *arg, size_t lang), void *arg);
/* The pages that offer the report's files (see above), with the sizes
 * now in langs, when `write` (false: the files could not be made; the
 * pages are dropped).  Call it after a site_finish() that returned true
 * whenever a language offers files; it frees what the writer held.
 * Returns whether every page was written. */
bool site_write_offers(struct site_writer *w, bool write);

#endif
