/*
 * matrix — the recommendation matrix, modelled once for both back ends.
 *
 * A ```` ```matrix ```` fenced block may carry filters after its word,
 * all of which a row must pass:
 *     cluster=ID status=NAME position=NAME sdg=GOAL-OR-TARGET
 * (`sdg=16` matches goal 16 and its targets; `sdg=16.10` that target
 * only).  matrix_select() reads them and picks the rows, in the order of
 * the recommendations files; matrix_cell() gives the plain text of a
 * cell.  The HTML back end (html.c) and the PDF back end (pdf_matrix.c)
 * draw the same columns from it, each its own way.
 *
 * Memory: a struct matrix owns its row array (matrix_free()); the rows
 * and every string point into the report and the words, which must
 * outlive it.
 */
#ifndef UPRGEN_MATRIX_H
#define UPRGEN_MATRIX_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "util.h"
#include "value.h"
#include "words.h"

enum matrix_column {
	MATRIX_ID,
	MATRIX_TEXT,
	MATRIX_STATES,
	MATRIX_POSITION,
	MATRIX_STATUS,
	MATRIX_COLUMN_COUNT
};

/* The headings and value names of the matrix in one language:
 * uprgen's own, replaced by the report's labels where they hold the key
 * (matrix_id, matrix_text, matrix_states, matrix_position, matrix_status,
 * position_<name with _>, status_<name with _>). */
struct matrix_words {
	const char *heading[MATRIX_COLUMN_COUNT];
	const char *position[POSITION_COUNT];
	const char *status[STATUS_COUNT];
	const char *separator; /* between the States of a cell */
	const struct words *words; /* the texts' typography */
};

struct matrix_words matrix_words(const struct words *words);

struct matrix {
	const struct recommendation **rows;
	size_t count;
	enum lang lang, fallback;
};

/* The rows of r that pass filter (the info string after "matrix"; NULL
 * or empty: every row).  An unknown filter is a warning at pos in d (d
 * may be NULL) and is ignored. */
void matrix_select(struct matrix *m, const struct report *r,
		   const char *filter, enum lang lang, struct source_pos pos,
		   struct diags *d);
void matrix_free(struct matrix *m);

/* Reports, as errors at pos, every filter of a matrix block that could
 * select nothing by mistake: an unknown filter, cluster, status or
 * position. */
void matrix_check_filter(const struct report *r, const char *filter,
			 struct source_pos pos, struct diags *d);

/* Appends the plain text of a cell of row i. */
void matrix_cell(struct buf *out, const struct matrix *m,
		 const struct matrix_words *w, size_t i,
		 enum matrix_column col);

#endif
