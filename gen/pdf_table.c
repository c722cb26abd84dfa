/*
 * pdf_table — GFM tables: column widths from their content (the widest
 * word sets a floor, the whole text on one line a wish, the measure shares
 * out the difference), cells set ragged in a smaller size, the header row
 * shaded and repeated at the top of every page the table runs onto, a row
 * kept whole on one page unless it is taller than a page; a table too wide
 * for the page in parts, one under the other (S_parts).
 *
 * pdf_table_draw() takes any source of cells (a GFM table node here, the
 * matrix and chart tables elsewhere) and the horizontal extent; places
 * chunks through pdf_page.c.  Uses the caller's scratch paragraph.
 */
#include "pdf_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"

#define S_SIZE PDF_TABLE_SIZE
#define S_LEADING 11.0
#define S_PAD_X PDF_TABLE_PAD_X
#define S_PAD_Y 3.0
#define S_MIN_COL 24.0

struct S_table {
	const struct pdf_table_src *src;
	struct pdf_tags *tags;
	struct pdf_inline_env *env;
	struct pdf_para *p;
	double *min, *max, *width;
	double left;
};

static void S_cell_para(struct S_table *t, size_t row, unsigned col)
{
	bool header = t->src->header && row == 0;
	enum pdf_face face = header ? PDF_SANS_B : PDF_SERIF;
	pdf_para_reset(t->p, face, S_SIZE, S_LEADING);
	/* headings are not hyphenated */
	struct pdf_hyphen *hy = t->env->hyphen;
	if (header)
		t->env->hyphen = NULL;
	t->src->cell(t->src->ctx, t->p, t->env, face, row, col);
	t->env->hyphen = hy;
	pdf_para_finish(t->p);
}

static bool S_spans(const struct S_table *t, size_t row)
{
	return t->src->spans && t->src->spans(t->src->ctx, row);
}

/* Each column's narrowest and widest wish; a row across the table wishes
 * nothing of its first column. */
static void S_measure(struct S_table *t)
{
	for (size_t row = 0; row < t->src->rows; row++)
		for (unsigned c = 0; c < t->src->cols && !S_spans(t, row);
		     c++) {
			double mn, mx;
			S_cell_para(t, row, c);
			pdf_para_extent(t->p, &mn, &mx);
			t->min[c] = fmax(t->min[c], mn + 2 * S_PAD_X);
			t->max[c] = fmax(t->max[c], mx + 2 * S_PAD_X);
		}
}

/* The narrowest column c may be: its longest word, but at least
 * S_MIN_COL, and a very long word is cut rather than given the page. */
static double S_floor(const struct S_table *t, unsigned c, double avail)
{
	return fmin(fmax(t->min[c], S_MIN_COL), avail / 3);
}

/* Widths from S_measure()'s figures, or from the source's weights. */
static void S_widths(struct S_table *t, double avail)
{
	unsigned cols = t->src->cols;
	if (t->src->weight) {
		double sum = 0;
		for (unsigned c = 0; c < cols; c++)
			sum += t->src->weight[c];
		for (unsigned c = 0; c < cols; c++)
			t->width[c] = avail * t->src->weight[c] / sum;
		return;
	}
	double smin = 0, smax = 0;
	for (unsigned c = 0; c < cols; c++) {
		t->min[c] = S_floor(t, c, avail);
		t->max[c] = fmax(t->max[c], t->min[c]);
		smin += t->min[c];
		smax += t->max[c];
	}
	for (unsigned c = 0; c < cols; c++) {
		if (smax <= avail)
			t->width[c] = t->max[c] * avail / smax;
		else if (smin >= avail)
			t->width[c] = t->min[c] * avail / smin;
		else
			t->width[c] = t->min[c] + (t->max[c] - t->min[c]) *
						  (avail - smin) / (smax - smin);
	}
}

static void S_append(struct pdf_list *l, const struct pdf_chunk *c, double dy)
{
	for (size_t i = 0; i < c->n; i++) {
		struct pdf_draw d = c->d[i];
		d.y = (float)(d.y + dy);
		pdf_list_add(l, d);
	}
	for (size_t i = 0; i < c->note_count; i++)
		pdf_list_note(l, c->notes[i]);
}

static void S_rule(struct pdf_list *l, double x, double y, double w,
		   double width, enum pdf_color color)
{
	pdf_list_add(l, (struct pdf_draw){.kind = PDF_DRAW_LINE,
					  .color = (uint8_t)color,
					  .x = (float)x, .y = (float)y,
					  .w = (float)w, .size = (float)width});
}

static struct pdf_chunk *S_row(struct S_table *t, size_t row,
			       struct pdf_list *cells, struct pdf_list *l)
{
	bool header = t->src->header && row == 0;
	bool across = !header && S_spans(t, row);
	double x = t->left, h = 0;
	pdf_tag_open(t->tags, "TR");
	for (unsigned c = 0; c < (across ? 1 : t->src->cols); c++) {
		struct pdf_chunk **lines;
		double cw = t->width[c];
		for (unsigned k = 1; across && k < t->src->cols; k++)
			cw += t->width[k];
		S_cell_para(t, row, c);
		enum pdf_align align = t->src->align ? t->src->align[c]
						     : PDF_LEFT;
		/* figures stand at the right in every language (their
		 * units line up only there): on a right-to-left page, which
		 * is mirrored when drawn, that is the start */
		if (t->env->rtl && align == PDF_RIGHT)
			align = PDF_LEFT;
		size_t n = pdf_para_set(t->p, t->env, x + S_PAD_X,
					cw - 2 * S_PAD_X, align, &lines);
		bool row_head = !header && !across && c == 0 &&
				t->src->row_heads;
		uint32_t cell = pdf_tag_leaf(t->tags,
					     header || row_head ? "TH" : "TD");
		if (header || row_head)
			t->tags->e[cell].scope = header ? "Column" : "Row";
		if (across)
			t->tags->e[cell].colspan = t->src->cols;
		pdf_tag_draws(lines, n, cell, false);
		for (size_t k = 0; k < n; k++)
			S_append(cells, lines[k], S_PAD_Y + k * S_LEADING);
		h = fmax(h, n * S_LEADING + 2 * S_PAD_Y);
		x += cw;
	}
	double w = x - t->left;
	if (header) {
		pdf_list_add(l, (struct pdf_draw){
			.kind = PDF_DRAW_RECT, .color = PDF_SHADE,
			.x = (float)t->left, .w = (float)w, .h = (float)h});
		S_rule(l, t->left, 0, w, 0.9, PDF_BLACK);
	}
	for (size_t i = 0; i < cells->n; i++)
		pdf_list_add(l, cells->d[i]);
	for (size_t i = 0; i < cells->note_count; i++)
		pdf_list_note(l, cells->notes[i]);
	cells->n = cells->note_count = 0;
	S_rule(l, t->left, h, w, header ? 0.9 : 0.3,
	       header ? PDF_BLACK : PDF_RULE);
	pdf_tag_close(t->tags);
	return pdf_list_chunk(l, t->env->arena, h, 0);
}

/* Rows go one by one: a row that does not fit starts a new page with the
 * header above it.  No row stands alone: the first two go with the
 * header (never a header and one row at the foot of a page), the last
 * two together (never a total carried alone to the next page), and a
 * table of three rows or fewer is kept whole where it fits. */
static void S_place(struct S_table *t, struct pdf_pages *pg)
{
	struct pdf_list cells = {0}, l = {0};
	struct pdf_chunk *head = NULL;
	size_t row = 0;
	if (t->src->header && t->src->rows) {
		head = S_row(t, row++, &cells, &l);
		head->space_before = 8;
	}
	size_t body = t->src->rows - row;
	for (bool first = true; row < t->src->rows; first = false) {
		/* the rows placed together now: the first two, the last
		 * two, or all of a short table */
		size_t take = body <= 3 && first ? body
			      : (first || row + 2 == t->src->rows) &&
						row + 1 < t->src->rows
				      ? 2
				      : 1;
		struct pdf_chunk *group[4];
		size_t n = 0;
		for (size_t k = 0; k < take; k++)
			group[1 + n++] = S_row(t, row++, &cells, &l);
		if (first && !head)
			group[1]->space_before = 8;
		if (first && head) {
			group[0] = head;
			if (!pdf_pages_fits(pg, group, n + 1) && !pg->empty)
				pdf_pages_new_page(pg, pg->kind);
			/* the header again at the top of every page the
			 * rows run onto (pdf_pages_new_page), for the eye:
			 * read once */
			pg->running_head =
				pdf_tag_artifact_copy(head, t->env->arena);
			pdf_pages_group(pg, group, n + 1);
		} else {
			pdf_pages_group(pg, group + 1, n);
		}
	}
	pg->running_head = NULL;
	if (head && t->src->rows == 1)
		pdf_pages_group(pg, &head, 1);
	pdf_list_free(&cells);
	pdf_list_free(&l);
}

/* A table wider than the page even with every column at its narrowest
 * is set in parts, one under the other: each has the first column again
 * (what the rows are) and as many of the next columns as fit.  A thousand
 * columns across one page would be a grey band. */
struct S_part {
	const struct pdf_table_src *src;
	const unsigned *col; /* the source's column of each of the part's */
};

static void S_part_cell(void *ctx, struct pdf_para *p,
			struct pdf_inline_env *env, enum pdf_face face,
			size_t row, unsigned col)
{
	const struct S_part *part = ctx;
	part->src->cell(part->src->ctx, p, env, face, row, part->col[col]);
}

static bool S_part_spans(void *ctx, size_t row)
{
	const struct S_part *part = ctx;
	return part->src->spans(part->src->ctx, row);
}

static bool S_too_wide(const struct S_table *t, double avail)
{
	double w = 0;
	for (unsigned c = 0; c < t->src->cols; c++)
		w += S_floor(t, c, avail);
	return w > avail + 1e-6 && t->src->cols > 2;
}

static void S_parts(struct S_table *t, struct pdf_pages *pg, double right)
{
	const struct pdf_table_src *src = t->src;
	double avail = right - t->left;
	unsigned *col = xcalloc(src->cols, sizeof *col);
	enum pdf_align *align = xcalloc(src->cols, sizeof *align);
	struct S_part part = {src, col};
	for (unsigned next = 1; next < src->cols;) {
		unsigned n = 0;
		double w = S_floor(t, 0, avail);
		col[n++] = 0;
		do {
			w += S_floor(t, next, avail);
			col[n++] = next++;
		} while (next < src->cols && w + S_floor(t, next, avail) <= avail);
		for (unsigned c = 0; c < n; c++)
			align[c] = src->align ? src->align[col[c]] : PDF_LEFT;
		struct pdf_table_src sub = *src;
		sub.cols = n;
		sub.cell = S_part_cell;
		sub.spans = src->spans ? S_part_spans : NULL;
		sub.ctx = &part;
		sub.align = align;
		pdf_table_draw(pg, t->env, t->p, &sub, t->left, right);
	}
	free(col);
	free(align);
}

void pdf_table_draw(struct pdf_pages *pg, struct pdf_inline_env *env,
		    struct pdf_para *scratch, const struct pdf_table_src *src,
		    double left, double right)
{
	if (!src->cols || !src->rows)
		return;
	struct S_table t = {.src = src, .env = env, .p = scratch,
			    .left = left, .tags = &pg->tags};
	uint32_t table = pdf_tag_open(t.tags, "Table");
	t.tags->e[table].summary = src->summary;
	t.min = xcalloc(src->cols, sizeof *t.min);
	t.max = xcalloc(src->cols, sizeof *t.max);
	t.width = xcalloc(src->cols, sizeof *t.width);
	if (!src->weight)
		S_measure(&t);
	if (!src->weight && S_too_wide(&t, right - left)) {
		S_parts(&t, pg, right);
	} else {
		S_widths(&t, right - left);
		S_place(&t, pg);
	}
	free(t.min);
	free(t.max);
	free(t.width);
	pdf_tag_close(t.tags);
}

/* ---- GFM tables as a source ---- */

struct S_gfm {
	cmark_node *table;
	cmark_node *row; /* the row last asked for, and its index */
	size_t row_index;
};

static cmark_node *S_gfm_row(struct S_gfm *g, size_t row)
{
	/* rows are asked for in order, twice over: walk on, or restart */
	if (!g->row || row < g->row_index) {
		g->row = cmark_node_first_child(g->table);
		g->row_index = 0;
	}
	while (g->row && g->row_index < row) {
		g->row = cmark_node_next(g->row);
		g->row_index++;
	}
	return g->row;
}

static void S_gfm_cell(void *ctx, struct pdf_para *p,
		       struct pdf_inline_env *env, enum pdf_face face,
		       size_t row, unsigned col)
{
	(void)face;
	cmark_node *cell = cmark_node_first_child(S_gfm_row(ctx, row));
	for (unsigned c = 0; cell && c < col; c++)
		cell = cmark_node_next(cell);
	if (cell)
		pdf_para_inlines(p, env, cell);
}

static bool S_gfm_spans(void *ctx, size_t row)
{
	return markdown_is_group_row(S_gfm_row(ctx, row));
}

static enum pdf_align S_gfm_align(cmark_node *table, unsigned c)
{
	switch (markdown_table_align(table, c)) {
	case 'c':
		return PDF_CENTER;
	case 'r':
		return PDF_RIGHT;
	default:
		return PDF_LEFT;
	}
}

void pdf_table(struct pdf_pages *pg, struct pdf_inline_env *env,
	       struct pdf_para *scratch, cmark_node *table,
	       const char *summary, double left, double right)
{
	struct S_gfm g = {.table = table};
	struct pdf_table_src src = {.cols = markdown_table_columns(table),
				    .cell = S_gfm_cell, .spans = S_gfm_spans,
				    .ctx = &g,
				    .summary = summary};
	for (cmark_node *row = cmark_node_first_child(table); row;
	     row = cmark_node_next(row))
		src.rows++;
	cmark_node *first = cmark_node_first_child(table);
	src.header = first && markdown_is_header_row(first);
	enum pdf_align *align = xcalloc(src.cols + 1, sizeof *align);
	for (unsigned c = 0; c < src.cols; c++)
		align[c] = S_gfm_align(table, c);
	src.align = align;
	pdf_table_draw(pg, env, scratch, &src, left, right);
	free(align);
}
