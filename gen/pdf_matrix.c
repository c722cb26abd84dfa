/*
 * pdf_matrix — the recommendation matrix (matrix.h: rows chosen and cells
 * worded there, as for the website) set as a PDF table: number,
 * recommendation, recommending States, position, status.
 *
 * The columns are sized from what they hold without a measuring pass
 * over the cells (numbers and value names whole, the text column the
 * widest), so every page of a long matrix looks the same; the table engine (pdf_table.c)
 * repeats the header on every page and keeps each row whole.
 */
#include "pdf_int.h"

#include "matrix.h"

#include <math.h>
#include <string.h>

struct S_cells {
	const struct matrix *m;
	const struct matrix_words *w;
	struct pdf_hyphen *hyphen; /* for the recommendation's text only */
	struct buf text;
};

static void S_cell(void *ctx, struct pdf_para *p, struct pdf_inline_env *env,
		   enum pdf_face face, size_t row, unsigned col)
{
	struct S_cells *c = ctx;
	buf_clear(&c->text);
	if (row == 0)
		buf_puts(&c->text, c->w->heading[col]);
	else
		matrix_cell(&c->text, c->m, c->w, row - 1,
			    (enum matrix_column)col);
	env->hyphen = row && col == MATRIX_TEXT ? c->hyphen : NULL;
	if (c->text.len)
		pdf_para_text(p, env, row && col == MATRIX_ID
					      ? pdf_face_with(face, true, false)
					      : face,
			      c->text.data, c->text.len);
}

/* Width of the widest word of s. */
static double S_widest_word(struct pdf_fonts *f, enum pdf_face face,
			    const char *s)
{
	/* each wide (Chinese) character a word of its own, as a line
	 * breaks around it: a Chinese States cell ("德国、法国、日本") as
	 * one word widened the column to 30 % */
	double w = 0;
	size_t at = 0, len = strlen(s), word_len;
	bool wide;
	for (const char *word;
	     (word = unicode_next_word(s, len, &at, &word_len, &wide));)
		w = fmax(w, pdf_fonts_width(f, face, PDF_TABLE_SIZE, word,
					    word_len));
	return w;
}

/* Column widths in points: numbers and value names whole (never cut or
 * hyphenated), the States a fifth, the text all the rest. */
static void S_widths(struct pdf_fonts *f, const struct matrix *m,
		     const struct matrix_words *w, double avail, double *out)
{
	double pad = 2 * PDF_TABLE_PAD_X + 1;
	double id = S_widest_word(f, PDF_SANS_B, w->heading[MATRIX_ID]);
	for (size_t i = 0; i < m->count; i++)
		id = fmax(id, S_widest_word(f, PDF_SERIF_B, m->rows[i]->id));
	double pos = S_widest_word(f, PDF_SANS_B, w->heading[MATRIX_POSITION]);
	for (int i = 0; i < POSITION_COUNT; i++)
		pos = fmax(pos, S_widest_word(f, PDF_SERIF, w->position[i]));
	double st = S_widest_word(f, PDF_SANS_B, w->heading[MATRIX_STATUS]);
	for (int i = 0; i < STATUS_COUNT; i++)
		st = fmax(st, S_widest_word(f, PDF_SERIF, w->status[i]));
	out[MATRIX_ID] = fmin(id + pad, avail * 0.15);
	out[MATRIX_POSITION] = fmin(fmax(pos + pad, avail * 0.12), avail * 0.2);
	out[MATRIX_STATUS] = fmin(fmax(st + pad, avail * 0.13), avail * 0.2);
	/* the States a fifth, but as wide as their longest word (the bold
	 * "Recommending" of the UN form's narrower text, "(Многонациональное"):
	 * cut, they read as two words that are none */
	double states = S_widest_word(f, PDF_SANS_B, w->heading[MATRIX_STATES]);
	struct buf cell;
	buf_init(&cell);
	for (size_t i = 0; i < m->count; i++) {
		buf_clear(&cell);
		matrix_cell(&cell, m, w, i, MATRIX_STATES);
		buf_putc(&cell, '\0');
		states = fmax(states, S_widest_word(f, PDF_SERIF, cell.data));
	}
	buf_free(&cell);
	out[MATRIX_STATES] = fmin(fmax(states + pad, avail * 0.19), avail * 0.3);
	out[MATRIX_TEXT] = avail - out[MATRIX_ID] - out[MATRIX_POSITION] -
			   out[MATRIX_STATUS] - out[MATRIX_STATES];
}

void pdf_matrix(struct pdf_pages *pg, struct pdf_inline_env *env,
		struct pdf_para *scratch, const struct matrix *m,
		const struct matrix_words *w, const char *summary,
		double left, double right)
{
	double width[MATRIX_COLUMN_COUNT];
	S_widths(env->fonts, m, w, right - left, width);
	struct S_cells c = {.m = m, .w = w, .hyphen = env->hyphen};
	buf_init(&c.text);
	struct pdf_table_src src = {
		.cols = MATRIX_COLUMN_COUNT, .rows = m->count + 1,
		.header = true, .cell = S_cell, .ctx = &c, .weight = width,
		.summary = summary, .row_heads = true};
	pdf_table_draw(pg, env, scratch, &src, left, right);
	env->hyphen = c.hyphen;
	buf_free(&c.text);
}
