/*
 * pdf_chart — a struct chart (chart.h: the one model the SVG writer draws
 * too) painted with libharu's vector graphics: the same colours, ticks,
 * number formats, legend and source line as on the website.
 *
 * A drawn chart (bars, vertical or horizontal as the model says; lines;
 * stacked bars) is one chunk, caption to source line, so it is never
 * split: it moves to the next page when it does not fit.  A table chart
 * is its caption kept with a table of the figures (pdf_table.c: header
 * repeated, rows whole), then its source line.
 *
 * Takes the chart (strings in the render's arena or the report) and the
 * horizontal extent; places chunks through pdf_page.c.  Uses the caller's
 * scratch paragraph.
 */
#include "pdf_int.h"

#include <math.h>
#include <string.h>

#include "chart.h"

#define S_CAPTION_SIZE 9.5
#define S_CAPTION_LEADING 12.0
#define S_LABEL_SIZE 7.0
#define S_LABEL_LEADING 8.5
#define S_PLOT_H 150.0
#define S_BAR 9.0 /* a bar of a horizontal chart */

struct S_paint {
	struct pdf_inline_env *env;
	struct pdf_para *p;
	const struct chart *c;
	struct pdf_list l;
	struct buf num;
	double left, right;
	double y; /* the top of what is still free in the chunk */
};

/* ---- text ---- */

static const char *S_number(struct S_paint *P, double v)
{
	buf_clear(&P->num);
	chart_format_number(&P->num, v, P->c);
	return arena_strndup(P->env->arena, P->num.data, P->num.len);
}

static double S_width(struct S_paint *P, enum pdf_face face, double size,
		      const char *s)
{
	return pdf_fonts_width(P->env->fonts, face, size, s, strlen(s));
}

static void S_text(struct S_paint *P, enum pdf_face face, double size,
		   enum pdf_color color, double x, double base, const char *s)
{
	pdf_list_add(&P->l, (struct pdf_draw){
		.kind = PDF_DRAW_TEXT, .face = (uint8_t)face,
		.color = (uint8_t)color, .x = (float)x, .y = (float)base,
		.size = (float)size, .s = s, .len = (uint32_t)strlen(s)});
}

/* Sets the paragraph in P->p (unhyphenated: labels are names) at x,
 * width, from height y; returns the height taken. */
static double S_set(struct S_paint *P, double leading, enum pdf_align align,
		    double x, double width, double y, enum pdf_color color)
{
	struct pdf_chunk **lines;
	size_t n = pdf_para_set(P->p, P->env, x, width, align, &lines);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < lines[i]->n; k++) {
			struct pdf_draw d = lines[i]->d[k];
			d.y = (float)(d.y + y + (double)i * leading);
			if (d.kind == PDF_DRAW_TEXT)
				d.color = (uint8_t)color;
			pdf_list_add(&P->l, d);
		}
	return (double)n * leading;
}

static void S_para(struct S_paint *P, enum pdf_face face, double size,
		   double leading, const char *s)
{
	pdf_para_reset(P->p, face, size, leading);
	pdf_para_text(P->p, P->env, face, s, strlen(s));
}

static double S_label(struct S_paint *P, const char *s, enum pdf_align align,
		      double x, double width, double y)
{
	S_para(P, PDF_SANS, S_LABEL_SIZE, S_LABEL_LEADING, s);
	pdf_para_finish(P->p);
	return S_set(P, S_LABEL_LEADING, align, x, width, y, PDF_GREY);
}

static void S_caption(struct S_paint *P)
{
	const struct chart *c = P->c;
	S_para(P, PDF_SANS_B, S_CAPTION_SIZE, S_CAPTION_LEADING,
	       c->title ? c->title : "");
	if (c->unit_text && c->type != CHART_TYPE_STACKED)
		pdf_para_text(P->p, P->env, PDF_SANS, c->unit_text,
			      strlen(c->unit_text));
	pdf_para_finish(P->p);
}

static void S_source(struct S_paint *P)
{
	const struct chart *c = P->c;
	if (!c->source)
		return;
	const char *s = arena_printf(P->env->arena, "%s%s", c->source_label,
				     c->source);
	S_para(P, pdf_env_face(P->env, PDF_SANS_I), PDF_SOURCE_SIZE,
	       PDF_SOURCE_LEADING, s);
	pdf_para_finish(P->p);
}

/* ---- shapes ---- */

static void S_rect(struct S_paint *P, unsigned rgb, double x, double y,
		   double w, double h)
{
	pdf_list_add(&P->l, (struct pdf_draw){
		.kind = PDF_DRAW_RECT, .color = PDF_RGB, .rgb = rgb,
		.x = (float)x, .y = (float)y, .w = (float)w, .h = (float)h});
}

/* Series i's bar or key: its colour, and from the second series on a
 * pattern over it (pdf_emit.c), as on the website, so that the series are
 * told apart by more than their colour (WCAG 1.4.1) and in grey. */
static void S_series_rect(struct S_paint *P, size_t i, double x, double y,
			  double w, double h)
{
	S_rect(P, P->c->series[i].colour, x, y, w, h);
	P->l.d[P->l.n - 1].size = (float)chart_series_pattern(P->c, i);
}

static void S_line(struct S_paint *P, enum pdf_color color, unsigned rgb,
		   double width, double x, double y, double w, double h)
{
	pdf_list_add(&P->l, (struct pdf_draw){
		.kind = PDF_DRAW_LINE, .color = (uint8_t)color, .rgb = rgb,
		.x = (float)x, .y = (float)y, .w = (float)w, .h = (float)h,
		.size = (float)width});
}

/* ---- vertical bars and lines ---- */

struct S_frame {
	double x0, top, w, h, slot;
};

static double S_y(const struct S_paint *P, const struct S_frame *f, double v)
{
	return f->top + f->h * (1 - chart_fraction(P->c, v));
}

static void S_grid(struct S_paint *P, const struct S_frame *f)
{
	for (size_t t = 0; t < P->c->tick_count; t++) {
		const struct chart_tick *k = &P->c->ticks[t];
		double y = S_y(P, f, k->value);
		bool zero = k->value == 0;
		S_line(P, zero ? PDF_BLACK : PDF_RULE, 0, zero ? 0.6 : 0.25,
		       f->x0, y, f->w, 0);
		S_text(P, PDF_SANS, S_LABEL_SIZE, PDF_GREY,
		       f->x0 - 4 - S_width(P, PDF_SANS, S_LABEL_SIZE, k->label),
		       y + 2.5, k->label);
	}
}

/* A figure centred at x above (or, for a negative one, below) y. */
static void S_value_at(struct S_paint *P, double v, double x, double y,
		       double room)
{
	const char *s = S_number(P, v);
	double w = S_width(P, PDF_SANS, S_LABEL_SIZE - 0.5, s);
	if (w > room)
		return;
	S_text(P, PDF_SANS, S_LABEL_SIZE - 0.5, PDF_BLACK, x - w / 2,
	       v < 0 ? y + 8 : y - 2.5, s);
}

static void S_bars(struct S_paint *P, const struct S_frame *f)
{
	const struct chart *c = P->c;
	double group = f->slot * 0.7;
	double bw = group / (double)(c->series_count ? c->series_count : 1);
	double y0 = S_y(P, f, 0);
	for (size_t k = 0; k < c->category_count; k++)
		for (size_t i = 0; i < c->series_count; i++) {
			const struct chart_series *se = &c->series[i];
			double x = f->x0 + f->slot * (double)k +
				   (f->slot - group) / 2 + bw * (double)i;
			if (!se->present[k]) {
				/* no figure: said, not left to a gap */
				double w = S_width(P, PDF_SANS, S_LABEL_SIZE,
						   c->missing);
				S_text(P, PDF_SANS, S_LABEL_SIZE, PDF_BLACK,
				       x + (bw - w) / 2, y0 - 2.5, c->missing);
				continue;
			}
			double y1 = S_y(P, f, se->values[k]);
			S_series_rect(P, i, x, fmin(y0, y1), bw,
				      fabs(y0 - y1));
			S_value_at(P, se->values[k], x + bw / 2,
				   se->values[k] < 0 ? fmax(y0, y1)
						     : fmin(y0, y1),
				   bw + 2);
		}
}

static void S_lines(struct S_paint *P, const struct S_frame *f)
{
	const struct chart *c = P->c;
	for (size_t i = 0; i < c->series_count; i++) {
		const struct chart_series *se = &c->series[i];
		/* the line runs on across missing figures, dashed there */
		size_t last = SIZE_MAX; /* the last figure */
		for (size_t k = 0; k < c->category_count; k++) {
			if (!se->present[k])
				continue;
			if (last != SIZE_MAX) {
				double x = f->x0 + f->slot * ((double)last + 0.5);
				double y = S_y(P, f, se->values[last]);
				S_line(P, PDF_RGB, se->colour,
				       last + 1 < k ? 1.4 : 1.8, x, y,
				       f->slot * (double)(k - last),
				       S_y(P, f, se->values[k]) - y);
				if (last + 1 < k)
					P->l.d[P->l.n - 1].mark |=
						PDF_MARK_DASHED;
			}
			last = k;
		}
		for (size_t k = 0; k < c->category_count; k++) {
			if (!se->present[k])
				continue;
			double x = f->x0 + f->slot * ((double)k + 0.5);
			double y = S_y(P, f, se->values[k]);
			pdf_list_add(&P->l, (struct pdf_draw){
				.kind = PDF_DRAW_DOT, .color = PDF_RGB,
				.rgb = se->colour, .x = (float)x,
				.y = (float)y, .w = 2.6f});
			if (c->series_count == 1)
				S_value_at(P, se->values[k], x, y - 2,
					   f->slot - 4);
		}
	}
}

static void S_vertical(struct S_paint *P)
{
	const struct chart *c = P->c;
	double gutter = 0;
	for (size_t t = 0; t < c->tick_count; t++)
		gutter = fmax(gutter, S_width(P, PDF_SANS, S_LABEL_SIZE,
					      c->ticks[t].label));
	struct S_frame f = {.x0 = P->left + gutter + 8, .top = P->y + 10,
			    .h = S_PLOT_H};
	f.w = P->right - 2 - f.x0;
	f.slot = f.w / (double)(c->category_count ? c->category_count : 1);
	size_t plot = P->l.n;
	S_grid(P, &f);
	if (c->type == CHART_TYPE_LINE)
		S_lines(P, &f);
	else
		S_bars(P, &f);
	double below = 0;
	size_t labels = P->l.n;
	for (size_t k = 0; k < c->category_count; k++)
		below = fmax(below, S_label(P, c->categories[k], PDF_CENTER,
					    f.x0 + f.slot * (double)k + 1,
					    f.slot - 2, f.top + f.h + 3));
	/* a right-to-left name under its bar: its words mirrored within
	 * its slot, as the page's mirroring would, the plot not being
	 * mirrored */
	for (size_t i = labels; i < P->l.n && P->env->rtl; i++) {
		struct pdf_draw *d = &P->l.d[i];
		if (d->kind != PDF_DRAW_TEXT)
			continue;
		double k = floor((d->x - f.x0) / f.slot);
		double mid = f.x0 + f.slot * (k + 0.5);
		d->x = (float)(2 * mid - d->x -
			       pdf_fonts_width(P->env->fonts, d->face, d->size,
					       d->s, d->len));
	}
	/* the plot reads left to right on a right-to-left page too (its
	 * axis is time or an order), as on the website */
	for (size_t i = plot; i < P->l.n; i++)
		P->l.d[i].mark |= PDF_MARK_LTR;
	P->y = f.top + f.h + 3 + below;
}

/* ---- horizontal bars: a category per row, its name above its bars ---- */

static double S_value_room(struct S_paint *P)
{
	const struct chart *c = P->c;
	double room = 0;
	for (size_t k = 0; k < c->category_count; k++) {
		double total = 0;
		for (size_t i = 0; i < c->series_count; i++) {
			const struct chart_series *se = &c->series[i];
			if (!se->present[k])
				continue;
			total += se->values[k];
			room = fmax(room, S_width(P, PDF_SANS, S_LABEL_SIZE,
						  S_number(P, se->values[k])));
		}
		room = fmax(room, S_width(P, PDF_SANS_B, S_LABEL_SIZE,
					  S_number(P, total)));
	}
	return room + 8;
}

static void S_stack(struct S_paint *P, size_t k, double x0, double w,
		    double y)
{
	const struct chart *c = P->c;
	double x = x0, total = 0;
	for (size_t i = 0; i < c->series_count; i++) {
		const struct chart_series *se = &c->series[i];
		double v = se->present[k] ? se->values[k] : 0;
		double bw = w * (chart_fraction(c, v) - chart_fraction(c, 0));
		if (v <= 0)
			continue;
		S_series_rect(P, i, x, y, bw, S_BAR + 3);
		const char *s = S_number(P, v);
		double sw = S_width(P, PDF_SANS, S_LABEL_SIZE, s);
		if (sw + 4 <= bw)
			S_text(P, PDF_SANS, S_LABEL_SIZE, PDF_WHITE,
			       x + (bw - sw) / 2, y + S_BAR - 0.5, s);
		x += bw;
		total += v;
	}
	S_text(P, PDF_SANS_B, S_LABEL_SIZE, PDF_BLACK, x + 4, y + S_BAR - 0.5,
	       S_number(P, total));
}

static double S_bar_row(struct S_paint *P, size_t k, double x0, double w,
			double y)
{
	const struct chart *c = P->c;
	double zero = x0 + w * chart_fraction(c, 0);
	for (size_t i = 0; i < c->series_count; i++, y += S_BAR + 2) {
		const struct chart_series *se = &c->series[i];
		if (!se->present[k])
			continue;
		double v = se->values[k];
		double end = x0 + w * chart_fraction(c, v);
		S_series_rect(P, i, fmin(zero, end), y, fabs(end - zero),
			      S_BAR);
		const char *s = S_number(P, v);
		double sw = S_width(P, PDF_SANS, S_LABEL_SIZE, s);
		S_text(P, PDF_SANS, S_LABEL_SIZE, PDF_BLACK,
		       v < 0 ? fmin(zero, end) - 4 - sw : fmax(zero, end) + 4,
		       y + S_BAR - 1.5, s);
	}
	return y;
}

/* The names stand left of their bars when the widest takes at most a
 * third of the measure, else each above its bars (as on the website). */
static double S_name_column(struct S_paint *P)
{
	const struct chart *c = P->c;
	double w = 0;
	for (size_t k = 0; k < c->category_count; k++)
		w = fmax(w, S_width(P, PDF_SANS, S_LABEL_SIZE + 0.5,
				    c->categories[k]));
	return w <= (P->right - P->left) / 3 ? w + 8 : 0;
}

static void S_horizontal(struct S_paint *P)
{
	const struct chart *c = P->c;
	double names = S_name_column(P);
	double x0 = P->left + names;
	double w = P->right - x0 - S_value_room(P);
	double zero = x0 + w * chart_fraction(c, 0);
	double y = P->y + 6;
	for (size_t k = 0; k < c->category_count; k++) {
		const char *name = c->categories[k];
		if (names > 0) {
			S_text(P, PDF_SANS, S_LABEL_SIZE + 0.5, PDF_BLACK,
			       x0 - 6 - S_width(P, PDF_SANS,
						S_LABEL_SIZE + 0.5, name),
			       y + S_BAR - 1, name);
		} else {
			S_para(P, PDF_SANS, S_LABEL_SIZE + 0.5,
			       S_LABEL_LEADING + 0.5, name);
			pdf_para_finish(P->p);
			y += S_set(P, S_LABEL_LEADING + 0.5, PDF_LEFT, x0,
				   P->right - P->left, y, PDF_BLACK) + 1;
		}
		double top = y;
		if (c->type == CHART_TYPE_STACKED) {
			S_stack(P, k, x0, w, y);
			y += S_BAR + 3;
		} else {
			y = S_bar_row(P, k, x0, w, y) - 2;
		}
		/* the zero line beside the bars, clear of the names */
		S_line(P, PDF_BLACK, 0, 0.6, zero, top - 1.5, 0,
		       y - top + 3);
		y += names > 0 ? 5 : 7;
	}
	P->y = y;
}

/* ---- legend, and the whole ---- */

static void S_legend(struct S_paint *P)
{
	const struct chart *c = P->c;
	if (c->series_count < 2)
		return;
	double x = P->left, y = P->y + 6;
	for (size_t i = 0; i < c->series_count; i++) {
		const char *s = c->series[i].label;
		double w = 10 + S_width(P, PDF_SANS, S_LABEL_SIZE + 0.5, s);
		if (x > P->left && x + w > P->right) {
			x = P->left;
			y += 11;
		}
		S_series_rect(P, i, x, y + 1, 7, 7);
		S_text(P, PDF_SANS, S_LABEL_SIZE + 0.5, PDF_BLACK, x + 10,
		       y + 7.5, s);
		x += w + 14;
	}
	P->y = y + 11;
}

static void S_drawn(struct S_paint *P, struct pdf_pages *pg)
{
	S_caption(P);
	P->y = S_set(P, S_CAPTION_LEADING, PDF_LEFT, P->left,
		     P->right - P->left, 0, PDF_BLACK);
	if (P->c->horizontal)
		S_horizontal(P);
	else
		S_vertical(P);
	S_legend(P);
	size_t source_from = P->l.n, source_to = P->l.n;
	if (P->c->source) {
		S_source(P);
		P->y += 5 + S_set(P, PDF_SOURCE_LEADING, PDF_LEFT, P->left,
				  P->right - P->left, P->y + 5, PDF_GREY);
		source_to = P->l.n;
	}
	struct pdf_chunk *ch = pdf_list_chunk(&P->l, P->env->arena, P->y + 4,
					      12);
	/* one figure, read as its summary: every figure in words (the
	 * website's text alternative); then its source, a paragraph of its
	 * own, which the figure's /Alt would hide (as the site's and Word's) */
	uint32_t fig = pdf_tag_leaf(&pg->tags, "Figure");
	pg->tags.e[fig].alt = P->c->summary;
	if (source_to > source_from) {
		uint32_t src = pdf_tag_leaf(&pg->tags, "P");
		for (size_t i = source_from; i < source_to && i < ch->n; i++)
			if (ch->d[i].kind == PDF_DRAW_TEXT ||
			    ch->d[i].kind == PDF_DRAW_SPAN ||
			    ch->d[i].kind == PDF_DRAW_SPAN_END)
				ch->d[i].elem = src;
	}
	pdf_tag_draws(&ch, 1, fig, true);
	pdf_pages_group(pg, &ch, 1);
}

/* ---- a table chart: the figures as a table ---- */

static void S_cell(void *ctx, struct pdf_para *p, struct pdf_inline_env *env,
		   enum pdf_face face, size_t row, unsigned col)
{
	struct S_paint *P = ctx;
	const struct chart *c = P->c;
	buf_clear(&P->num);
	if (row == 0 && col == 0) {
		if (c->key_label && c->type != CHART_TYPE_STACKED)
			buf_puts(&P->num, c->key_label);
	} else if (row == 0) {
		buf_puts(&P->num, col <= c->series_count
					  ? chart_series_head(c, col - 1)
					  : c->total_label);
	} else if (col == 0) {
		buf_puts(&P->num, c->categories[row - 1]);
	} else if (col <= c->series_count) {
		const struct chart_series *se = &c->series[col - 1];
		if (se->present[row - 1])
			chart_format_number(&P->num, se->values[row - 1], c);
		else
			buf_puts(&P->num, c->missing);
	} else {
		double total = 0;
		for (size_t i = 0; i < c->series_count; i++)
			if (c->series[i].present[row - 1])
				total += c->series[i].values[row - 1];
		chart_format_number(&P->num, total, c);
	}
	pdf_para_text(p, env, face, P->num.data ? P->num.data : "",
		      P->num.len);
}

static void S_placed_lines(struct S_paint *P, struct pdf_pages *pg,
			   double space, bool keep)
{
	struct pdf_chunk **lines;
	size_t n = pdf_para_set(P->p, P->env, P->left, P->right - P->left,
				PDF_LEFT, &lines);
	if (!n)
		return;
	lines[0]->space_before = space;
	pdf_pages_lines(pg, lines, n, keep);
}

static void S_tabled(struct S_paint *P, struct pdf_pages *pg)
{
	const struct chart *c = P->c;
	S_caption(P);
	S_placed_lines(P, pg, 12, true);
	unsigned cols = (unsigned)c->series_count + 1 +
			(c->type == CHART_TYPE_STACKED);
	enum pdf_align *align = arena_alloc(P->env->arena,
					    cols * sizeof *align);
	for (unsigned i = 1; i < cols; i++)
		align[i] = PDF_RIGHT;
	struct pdf_table_src src = {
		.cols = cols, .rows = c->category_count + 1, .header = true,
		.cell = S_cell, .ctx = P, .align = align,
		.summary = c->title, /* named as the website's data table */
		.row_heads = true};
	pdf_table_draw(pg, P->env, P->p, &src, P->left, P->right);
	if (c->source) {
		S_source(P);
		S_placed_lines(P, pg, 3, false);
	}
}

void pdf_chart(struct pdf_pages *pg, struct pdf_inline_env *env,
	       struct pdf_para *scratch, const struct chart *c, double left,
	       double right)
{
	struct S_paint P = {.env = env, .p = scratch, .c = c, .left = left,
			    .right = right};
	buf_init(&P.num);
	/* chart words are names, not prose: never hyphenated */
	struct pdf_hyphen *hy = env->hyphen;
	env->hyphen = NULL;
	if (c->type == CHART_TYPE_TABLE)
		S_tabled(&P, pg);
	else
		S_drawn(&P, pg);
	env->hyphen = hy;
	pdf_list_free(&P.l);
	buf_free(&P.num);
}
