/*
 * fence — what a fenced code block of uprgen's is, read once for every
 * back end and for check: ```` ```chart STAT-ID ```` draws a statistic
 * (or "status-by-cluster", the statuses of every cluster),
 * ```` ```matrix FILTERS ```` the recommendation matrix, anything else is
 * code.  The HTML, PDF and Word back ends all go through fence_of() and
 * fence_chart(), so that what one draws the others draw; check goes
 * through fence_check(), so that what check accepts every back end draws.
 *
 * Takes code block nodes of cmark-gfm trees; the strings of a struct
 * fence point into the node's info string or into the struct itself.
 */
#ifndef UPRGEN_FENCE_H
#define UPRGEN_FENCE_H

#include <cmark-gfm.h>

#include "chart.h"
#include "diag.h"
#include "model.h"
#include "util.h"
#include "words.h"

enum fence_kind { FENCE_CODE, FENCE_CHART, FENCE_MATRIX };

struct fence {
	enum fence_kind kind;
	char word[32];             /* the info string's first word */
	char id[MODEL_MAX_ID + 2]; /* FENCE_CHART: the statistic's id */
	const char *filter;        /* FENCE_MATRIX: what follows "matrix" */
};

struct fence fence_of(cmark_node *code_block);

/* Whether the part after page break n (up to the next) is a matrix under
 * its headings: the annex, on landscape pages in the PDF and Word alike,
 * left out of the word count. */
bool fence_part_is_matrix(cmark_node *n);

/* The chart a FENCE_CHART block draws, in `a`; NULL, with a warning at
 * pos, when it names nothing to draw (r NULL: no report). */
struct chart *fence_chart(struct arena *a, const struct fence *f,
			  const struct report *r, enum lang lang,
			  const struct chart_words *w, struct source_pos pos,
			  struct diags *d);

/* check: a chart that names no statistic, a matrix filter that is wrong:
 * errors at pos. */
void fence_check(const struct fence *f, const struct report *r,
		 struct source_pos pos, struct diags *d);

/* In the tree of one document (the report), a chart block whose chart
 * an earlier block of the tree draws becomes a paragraph that refers to
 * it: "See the chart above: Early warnings issued…" (labels
 * chart_see_above, table_see_above for a statistic shown as a table,
 * with {title}), so that a statistic several recommendations cite is
 * drawn once in the PDF, the Word document and the website's report
 * page; the website's page of each recommendation, read alone, draws its
 * own.  The paragraph keeps the block's place (markdown_node_pos); its
 * text is set as plain text is (words_typeset_copy), in `a`. */
void fence_refer_repeats(cmark_node *tree, const struct report *r,
			 const struct words *w, struct arena *a);

#endif
