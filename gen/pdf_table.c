/*
 * pdf_table — GFM tables: column widths from their content (the widest
 * word sets a floor, the whole text on one line a wish, the measure shares
 * out the difference), cells set ragged in a smaller size, the header row
 * shaded and repeated at the top of every page the table runs onto, a row
 * kept whole on one page unless it is taller than a page.
 *
 * Takes the table node and the horizontal extent; places chunks through
 * pdf_page.c.  Uses the caller's scratch paragraph.
 */
#include "pdf_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"

#define S_SIZE 8.5
#define S_LEADING 11.0
#define S_PAD_X 4.0
#define S_PAD_Y 3.0
#define S_MIN_COL 24.0

struct S_table {
	struct pdf_inline_env *env;
	struct pdf_para *p;
	cmark_node *node;
	unsigned cols;
	double *min, *max, *width;
	double left;
};

static void S_cell_para(struct S_table *t, cmark_node *cell, bool header)
{
	pdf_para_reset(t->p, header ? PDF_SANS_B : PDF_SERIF, S_SIZE,
		       S_LEADING);
	pdf_para_inlines(t->p, t->env, cell);
	pdf_para_finish(t->p);
}

static void S_measure(struct S_table *t)
{
	for (cmark_node *row = cmark_node_first_child(t->node); row;
	     row = cmark_node_next(row)) {
		bool header = markdown_is_header_row(row);
		unsigned c = 0;
		for (cmark_node *cell = cmark_node_first_child(row);
		     cell && c < t->cols; cell = cmark_node_next(cell), c++) {
			double mn, mx;
			S_cell_para(t, cell, header);
			pdf_para_extent(t->p, &mn, &mx);
			t->min[c] = fmax(t->min[c], mn + 2 * S_PAD_X);
			t->max[c] = fmax(t->max[c], mx + 2 * S_PAD_X);
		}
	}
}

static void S_widths(struct S_table *t, double avail)
{
	double smin = 0, smax = 0;
	for (unsigned c = 0; c < t->cols; c++) {
		/* a very long word is cut rather than given the page */
		t->min[c] = fmin(fmax(t->min[c], S_MIN_COL), avail / 3);
		t->max[c] = fmax(t->max[c], t->min[c]);
		smin += t->min[c];
		smax += t->max[c];
	}
	for (unsigned c = 0; c < t->cols; c++) {
		if (smax <= avail)
			t->width[c] = t->max[c] * avail / smax;
		else if (smin >= avail)
			t->width[c] = t->min[c] * avail / smin;
		else
			t->width[c] = t->min[c] + (t->max[c] - t->min[c]) *
						  (avail - smin) / (smax - smin);
	}
}

static enum pdf_align S_align(struct S_table *t, unsigned c)
{
	switch (markdown_table_align(t->node, c)) {
	case 'c':
		return PDF_CENTER;
	case 'r':
		return PDF_RIGHT;
	default:
		return PDF_LEFT;
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

static struct pdf_chunk *S_row(struct S_table *t, cmark_node *row)
{
	bool header = markdown_is_header_row(row);
	struct pdf_list cells = {0}, l = {0};
	double x = t->left, h = 0;
	unsigned c = 0;
	for (cmark_node *cell = cmark_node_first_child(row);
	     cell && c < t->cols; cell = cmark_node_next(cell), c++) {
		struct pdf_chunk **lines;
		S_cell_para(t, cell, header);
		size_t n = pdf_para_set(t->p, t->env, x + S_PAD_X,
					t->width[c] - 2 * S_PAD_X,
					S_align(t, c), &lines);
		for (size_t k = 0; k < n; k++)
			S_append(&cells, lines[k], S_PAD_Y + k * S_LEADING);
		h = fmax(h, n * S_LEADING + 2 * S_PAD_Y);
		x += t->width[c];
	}
	double w = x - t->left;
	if (header) {
		pdf_list_add(&l, (struct pdf_draw){
			.kind = PDF_DRAW_RECT, .color = PDF_SHADE,
			.x = (float)t->left, .w = (float)w, .h = (float)h});
		S_rule(&l, t->left, 0, w, 0.9, PDF_BLACK);
	}
	for (size_t i = 0; i < cells.n; i++)
		pdf_list_add(&l, cells.d[i]);
	for (size_t i = 0; i < cells.note_count; i++)
		pdf_list_note(&l, cells.notes[i]);
	S_rule(&l, t->left, h, w, header ? 0.9 : 0.3,
	       header ? PDF_BLACK : PDF_RULE);
	pdf_list_free(&cells);
	struct pdf_chunk *chunk = pdf_list_chunk(&l, t->env->arena, h, 0);
	pdf_list_free(&l);
	return chunk;
}

void pdf_table(struct pdf_pages *pg, struct pdf_inline_env *env,
	       struct pdf_para *scratch, cmark_node *table, double left,
	       double right)
{
	struct S_table t = {.env = env, .p = scratch, .node = table,
			    .left = left};
	t.cols = markdown_table_columns(table);
	if (!t.cols)
		return;
	t.min = xcalloc(t.cols, sizeof *t.min);
	t.max = xcalloc(t.cols, sizeof *t.max);
	t.width = xcalloc(t.cols, sizeof *t.width);
	S_measure(&t);
	S_widths(&t, right - left);
	struct pdf_chunk *head = NULL;
	bool first = true;
	for (cmark_node *row = cmark_node_first_child(table); row;
	     row = cmark_node_next(row)) {
		struct pdf_chunk *r = S_row(&t, row);
		if (markdown_is_header_row(row) && !head) {
			head = r;
			head->space_before = 8;
			continue;
		}
		struct pdf_chunk *group[2] = {head, r};
		if (first && head) {
			pdf_pages_group(pg, group, 2);
		} else if (!pdf_pages_fits(pg, &r, 1) && head && !pg->empty) {
			pdf_pages_new_page(pg, pg->kind);
			pdf_pages_group(pg, group, 2);
		} else {
			if (first)
				r->space_before = 8;
			pdf_pages_group(pg, &r, 1);
		}
		first = false;
	}
	if (first && head)
		pdf_pages_group(pg, &head, 1);
	free(t.min);
	free(t.max);
	free(t.width);
}
