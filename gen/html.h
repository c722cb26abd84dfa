/*
 * html — the HTML back end: a cmark-gfm document tree (from
 * markdown_parse()) in, an HTML fragment out; the sibling of pdf.c.
 *
 * html_render() is one walk over the tree with a switch on node type, as
 * in cmark's html.c, plus what uprgen adds:
 *  - safe whatever the content says: raw HTML is dropped (the directives
 *    of markdown.h are read, never written), unsafe link URLs are
 *    emptied, and a picture is shown only from a file inside content/
 *    (image.h), never from another host;
 *  - paragraphs numbered by `<!-- uprgen:numbering on -->` are written
 *    UN-style: <p class="para" id="para-12"><span class="num">12.</span> …
 *  - every heading gets an id made from its text (unique on the page) so
 *    that sections can be linked to;
 *  - footnotes are numbered notes at the end, with links both ways;
 *  - ```` ```chart STAT-ID ```` becomes that statistic's chart (inline SVG
 *    with a data table, see chart.h);
 *  - ```` ```matrix ```` becomes the recommendation matrix: number (linking
 *    to the recommendation's page), text, recommending States, position,
 *    status.  Filters may follow, all of which a row must pass:
 *        ```matrix cluster=ID status=NAME position=NAME sdg=GOAL-OR-TARGET
 *    (`sdg=16` matches 16 and its targets; `sdg=16.10` only that target).
 *    An unknown filter or statistic is a warning and is left out.
 *
 * The tree stays the caller's; html_render() appends to out and keeps
 * nothing.  Warnings go to d (may be NULL).
 */
#ifndef UPRGEN_HTML_H
#define UPRGEN_HTML_H

#include <stdbool.h>

#include <cmark-gfm.h>

#include "chart.h"
#include "diag.h"
#include "image.h"
#include "model.h"
#include "util.h"
#include "value.h"

/* Fixed words of the matrix and the notes, in one language, from the
 * words module (matrix_id, matrix_text, matrix_states, matrix_position,
 * matrix_status, position_<name with _>, footnote_back, notes). */
struct html_words {
	const char *matrix_id, *matrix_text, *matrix_states;
	const char *matrix_position, *matrix_status;
	const char *position[POSITION_COUNT];
	const char *footnote_back, *notes;
	/* a note's number in the text read aloud: "Note {n}" */
	const char *note_ref;
	/* a numbered paragraph's number, "{n}." (words.c) */
	const char *paragraph_number;
	/* the name of a table's scroll box (focusable, for keyboards) */
	const char *table_box;
	/* ": " as the language writes it (a table's name: heading, colon,
	 * column) */
	const char *colon;
	struct chart_words chart;
};

struct html_words html_words(const struct words *words);

struct html_options {
	enum lang lang;
	/* the Markdown the tree was parsed from, for the place of warnings
	 * about nodes that carry none of their own (markdown_node_pos);
	 * NULL: none */
	const char *file;
	/* chart and matrix blocks need the report; without one they are
	 * left out with a warning */
	const struct report *report;
	const struct html_words *words;
	/* the way from the page to the top of its language's site: "" or
	 * "../"; links of the matrix start with it */
	const char *root;
	/* starts every id written, so that several fragments can share a
	 * page ("a1-"); NULL for none */
	const char *id_prefix;
	/* added to every heading level (capped at 6), for fragments that go
	 * under a page's own headings */
	int heading_shift;
	/* The page holds one h1: the first heading of level 1 stays h1,
	 * every heading after it goes one level down (the report page: its
	 * title, then its chapters). */
	bool one_h1;
	/* When set, the table of contents: a nested list (<ol>) of links to
	 * the headings written at levels 2 and 3 (with one_h1: the chapters
	 * and their sections), and in *toc_at the place in out where it
	 * belongs: before the first heading demoted by one_h1 (else the
	 * end). */
	struct buf *toc;
	size_t *toc_at;
	/* Pictures: each is checked by image_open() against content_dir
	 * (NULL: none is shown, their descriptions are); image_src, when set,
	 * gives the address the page shows it from (the site copies the file
	 * and says where; NULL from it: not shown), else the path as written.
	 * The string it returns must live until html_render() returns. */
	const char *content_dir;
	const char *(*image_src)(void *ctx, const struct image *im);
	void *image_ctx;
};

void html_render(struct buf *out, cmark_node *doc,
		 const struct html_options *o, struct diags *d);

/* The matrix rows of every recommendation that passes `filter` (the text
 * after "matrix", may be NULL or empty); warnings at pos. */
void html_matrix(struct buf *out, const struct html_options *o,
		 const char *filter, struct source_pos pos, struct diags *d);
/* The same, as the table named name (html_table_open). */
void html_matrix_named(struct buf *out, const struct html_options *o,
		       const char *filter, struct source_pos pos,
		       struct diags *d, const char *name,
		       const char *caption_id);

/* Page addresses, relative to the top of a language's site, and the
 * file names the site writes them to: recommendations/ID.html,
 * clusters/ID.html.  Ids are checked by the loader to a safe alphabet;
 * they are URL-encoded still, so no id can leave its folder. */
void html_rec_href(struct buf *out, const char *root, const char *id);
void html_cluster_href(struct buf *out, const char *root, const char *id);

/* Opens a table's scroll box (<div class="table-wrap" ...>, focusable)
 * and the table (<table class="cls">, cls may be NULL).  With a name
 * (markdown_table_name), the table gets it as a caption, out of sight
 * (the heading it repeats is in sight), with the id caption_id, and the
 * box is named by it; without, the box is named w->table_box.  The
 * caller closes them with </table></div>. */
void html_table_open(struct buf *out, const struct html_words *w,
		     const char *cls, const char *name, const char *caption_id);

/* The status badge: colour and words (never colour alone). */
void html_status_badge(struct buf *out, const struct html_words *w,
		       enum status s);

#endif
