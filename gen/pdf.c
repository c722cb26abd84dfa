/*
 * pdf — pdf_render(): the document set up, the walk over the cmark-gfm
 * tree (one switch on the node type, like cmark's own renderers), the
 * title page, the file written.  See pdf.h for the contract and
 * pdf_int.h for how the parts fit.
 *
 * Everything a render allocates lives in one arena (chunks, text copies)
 * or in the context's heap buffers, all freed before pdf_render()
 * returns.  libharu's errors are collected by a handler rather than
 * jumped out of: an image libharu cannot read is a warning, any other
 * failure an error.
 */
#include "pdf.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chart.h"
#include "markdown.h"
#include "fence.h"
#include "image.h"
#include "matrix.h"
#include "pdf_int.h"
#include "unform.h"

#define S_BODY_SIZE 10.0
#define S_MAX_MARKERS 16 /* list markers waiting for one line */
#define S_BODY_LEADING 13.6
/* the UN form's, as A/HRC/59/15 sets its 10-point text: 12 points (the
 * PDF ran to 46 pages where its Word document, single-spaced, had 38);
 * Arabic and Chinese keep the taller one their letters need */
#define S_UN_BODY_LEADING 12.0
#define S_NOTE_SIZE 8.0
#define S_NOTE_LEADING 10.0
#define S_CODE_SIZE 8.5
#define S_CODE_LEADING 11.0
#define S_LIST_INDENT 18.0
#define S_NUMBER_HANG 34.0 /* paragraph numbers stand this far left */
/* The UN form's text (its "SingleTxt"), as A/HRC/WG.6/48/SVN/1 sets it:
 * 2 cm in from each margin (PDF_UN_MARGIN); a paragraph's number at the
 * text's start, its first line after a tab of 1 cm, the lines after it
 * back at the start; a heading's number out in the margin, its text at
 * the text's start (113.4 pt: "I." at 90). */
#define S_UN_INDENT (UNFORM_INDENT / 20.0)
#define S_UN_TAB (UNFORM_TAB / 20.0)
#define S_UN_HEAD_HANG (UNFORM_HEAD_HANG / 20.0)
#define S_MAX_DEPTH 48     /* deeper blocks are set flat */

struct S_err {
	HPDF_STATUS code, detail;
};

struct S_frame {
	double left, right;
	int depth;
	bool tight;
};

struct S_ctx {
	const struct pdf_options *opt;
	double body_leading; /* S_BODY_LEADING, or the UN form's */
	struct diags *d;
	HPDF_Doc doc;
	struct S_err err;
	struct pdf_fonts fonts;
	struct arena arena;
	struct pdf_inline_env env;
	struct pdf_para para;
	struct pdf_pages pages;
	char *icc; /* the sRGB profile (the output intent's) */
	size_t icc_len;
	struct pdf_heading *heads;
	size_t head_count, head_cap, head_next;
	struct markdown_numbering num;
	/* list markers waiting for their line: an item that opens with a
	 * list ("1. - 2. foo") has its marker drawn with the inner ones */
	struct pdf_draw marker[S_MAX_MARKERS];
	size_t marker_count;
	struct chart_words chart_words;
	struct matrix_words matrix_words;
	/* the room the next paragraph's first line starts after (a UN
	 * subparagraph's, its "(a)" in it), then 0 */
	double first_indent;
};

static void S_on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	struct S_err *e = data;
	if (!e->code) {
		e->code = code;
		e->detail = detail;
	}
}

/* ---- small helpers ---- */

/* The text of a node's inline content, in the arena (markdown.h). */
static const char *S_plain(struct arena *a, cmark_node *node)
{
	struct buf b;
	buf_init(&b);
	markdown_plain(&b, node);
	const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* Whether s has a letter (a list's "(أ)", "(b)") or a sign beyond ASCII
 * (a bullet, one character), not only figures and punctuation ("1.",
 * "12-"). */
static bool S_has_letters(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned ch = utf8_decode(s + i, len - i, &adv);
		if (ch > 0x7F || (ch | 0x20) - 'a' < 26)
			return true;
		i += adv ? adv : 1;
	}
	return false;
}

/* The first line of a block takes the marker waiting for it, on its
 * baseline. */
static void S_take_marker(struct S_ctx *c, struct pdf_chunk *first)
{
	if (!c->marker_count)
		return;
	double base = first->h * 0.7;
	for (size_t i = 0; i < first->n; i++)
		if (first->d[i].kind == PDF_DRAW_TEXT) {
			base = first->d[i].y;
			break;
		}
	for (size_t i = 0; i < c->marker_count; i++)
		c->marker[i].y = (float)base;
	if (!c->env.rtl) {
		pdf_chunk_lead_draws(first, &c->arena, c->marker,
				     c->marker_count);
		c->marker_count = 0;
		return;
	}
	/* right to left, a marker is drawn in the order it is seen ("-1",
	 * ".1"): a label read aloud (a list's Lbl) carries what it says,
	 * "1.", as its /ActualText; not one of letters ("(أ)"), which
	 * readers turn round themselves (poppler then read ")أ(") */
	struct pdf_draw d[3 * S_MAX_MARKERS];
	size_t n = 0;
	for (size_t i = 0; i < c->marker_count; i++) {
		const struct pdf_draw *m = &c->marker[i];
		bool span = m->elem && !S_has_letters(m->s, m->len);
		if (span)
			d[n++] = (struct pdf_draw){.kind = PDF_DRAW_SPAN,
						   .s = m->s, .len = m->len,
						   .elem = m->elem};
		d[n++] = *m;
		if (span)
			d[n++] = (struct pdf_draw){.kind = PDF_DRAW_SPAN_END,
						   .elem = m->elem};
	}
	pdf_chunk_lead_draws(first, &c->arena, d, n);
	c->marker_count = 0;
}

static void S_set_marker(struct S_ctx *c, const char *text, double right_x)
{
	double w = pdf_fonts_width(&c->fonts, PDF_SERIF, S_BODY_SIZE, text,
				   strlen(text));
	if (c->marker_count == S_MAX_MARKERS)
		return; /* deeper still: the outer ones are drawn */
	c->marker[c->marker_count++] = (struct pdf_draw){
		.kind = PDF_DRAW_TEXT, .face = PDF_SERIF,
		.x = (float)(right_x - w), .size = (float)S_BODY_SIZE,
		.s = arena_strdup(&c->arena, text),
		.len = (uint32_t)strlen(text),
		/* on a right-to-left page the marker reads right to left
		 * too: "1-" has its hyphen between the number and the text
		 * (drawn "-1"), ".1" its stop, "10-" its digits in their
		 * order ("-10"), as the bidi algorithm sets them in the site
		 * and Word */
		.mark = PDF_MARK_SPACE | (c->env.rtl ? PDF_MARK_BIDI : 0)};
}

/* Sets the paragraph in c->para and places its lines. */
static void S_place_para(struct S_ctx *c, const struct S_frame *f,
			 enum pdf_align align, double space, bool keep)
{
	struct pdf_chunk **lines;
	size_t n = pdf_para_set(&c->para, &c->env, f->left,
				f->right - f->left, align, &lines);
	if (!n)
		return;
	lines[0]->space_before = space;
	S_take_marker(c, lines[0]);
	pdf_pages_lines(&c->pages, lines, n, keep);
}

/* ---- blocks ---- */

static void S_blocks(struct S_ctx *c, cmark_node *parent, struct S_frame f);

static HPDF_Image S_load_image(struct S_ctx *c, cmark_node *img)
{
	struct image im;
	if (!image_open(&c->arena, c->opt->base_dir,
			c->opt->report ? c->opt->report->real_dir : NULL,
			cmark_node_get_url(img),
			markdown_node_pos(img, c->opt->file), c->d, &im))
		return NULL;
	HPDF_Image h = im.kind == IMAGE_PNG
			       ? HPDF_LoadPngImageFromFile(c->doc, im.path)
			       : HPDF_LoadJpegImageFromFile(c->doc, im.path);
	if (!h) {
		HPDF_ResetError(c->doc);
		c->err.code = 0;
		diag_warning(c->d, markdown_node_pos(img, c->opt->file),
			     "cannot read the image \"%s\" (a PNG or JPEG "
			     "file that libharu does not read); its "
			     "description is shown instead", im.url);
	}
	return h;
}

static void S_image(struct S_ctx *c, cmark_node *img, const struct S_frame *f)
{
	HPDF_Image im = S_load_image(c, img);
	const char *alt = S_plain(&c->arena, img);
	if (!im) {
		enum pdf_face face = pdf_env_face(&c->env, PDF_SERIF_I);
		pdf_para_reset(&c->para, face, S_BODY_SIZE, c->body_leading);
		pdf_para_text(&c->para, &c->env, face, alt, strlen(alt));
		pdf_para_finish(&c->para);
		S_place_para(c, f, PDF_CENTER, 7, false);
		return;
	}
	double w = HPDF_Image_GetWidth(im) * 0.75;
	double h = HPDF_Image_GetHeight(im) * 0.75;
	double maxw = f->right - f->left;
	double maxh = (PDF_PAGE_H_OF(c->pages.landscape) - PDF_MARGIN_TOP -
		       PDF_MARGIN_BOTTOM) * 0.6;
	double k = fmin(1, fmin(maxw / fmax(w, 1), maxh / fmax(h, 1)));
	w *= k;
	h *= k;
	struct pdf_list l = {0};
	pdf_list_add(&l, (struct pdf_draw){
		.kind = PDF_DRAW_IMAGE, .image = im,
		.x = (float)(f->left + (maxw - w) / 2), .y = 0, .w = (float)w,
		.h = (float)h});
	struct pdf_chunk *ch = pdf_list_chunk(&l, &c->arena, h + 4, 10);
	pdf_list_free(&l);
	uint32_t fig = pdf_tag_leaf(&c->pages.tags, "Figure");
	c->pages.tags.e[fig].alt = *alt ? alt : NULL;
	pdf_tag_draws(&ch, 1, fig, true);
	pdf_pages_group(&c->pages, &ch, 1);
	if (*alt) {
		enum pdf_face face = pdf_env_face(&c->env, PDF_SANS_I);
		pdf_para_reset(&c->para, face, 8.5, 11);
		pdf_para_text(&c->para, &c->env, face, alt, strlen(alt));
		pdf_para_finish(&c->para);
		S_place_para(c, f, PDF_CENTER, 2, false);
	}
}

static bool S_image_only(cmark_node *para)
{
	cmark_node *ch = cmark_node_first_child(para);
	return ch && !cmark_node_next(ch) &&
	       cmark_node_get_type(ch) == CMARK_NODE_IMAGE;
}

static void S_paragraph(struct S_ctx *c, cmark_node *n, const struct S_frame *f)
{
	int number = markdown_number(&c->num, n);
	if (S_image_only(n)) {
		S_image(c, cmark_node_first_child(n), f);
		return;
	}
	if (markdown_is_table_source(n)) { /* small, as a chart's source */
		enum pdf_face face = pdf_env_face(&c->env, PDF_SANS_I);
		pdf_para_reset(&c->para, face, PDF_SOURCE_SIZE,
			       PDF_SOURCE_LEADING);
		pdf_para_inlines(&c->para, &c->env, n);
		pdf_para_finish(&c->para);
		size_t made = c->pages.tags.count;
		S_place_para(c, f, PDF_LEFT, 4, false);
		/* read with its table: a note cited in the table follows
		 * this line, not the table (pdf_tag.c) */
		if (c->pages.tags.count > made)
			c->pages.tags.e[made].with_prev = true;
		return;
	}
	if (number) {
		char digits[16];
		snprintf(digits, sizeof digits, "%d", number);
		const char *num = words_paragraph_number(c->opt->words,
							 &c->arena, digits);
		c->marker_count = 0;
		double at = c->opt->un ? f->left : f->left - S_NUMBER_HANG;
		S_set_marker(c, num, at);
		c->marker[0].x = (float)at;
	}
	pdf_para_reset(&c->para, PDF_SERIF, S_BODY_SIZE, c->body_leading);
	if (number && c->opt->un) /* the number in the text, then a tab */
		pdf_para_indent(&c->para, S_UN_TAB);
	else if (c->first_indent > 0)
		pdf_para_indent(&c->para, c->first_indent);
	c->first_indent = 0;
	pdf_para_inlines(&c->para, &c->env, n);
	pdf_para_finish(&c->para);
	/* an item's lead-in with its list under it ("Status over time:")
	 * goes to the next page with the list rather than stay alone at
	 * the foot of one */
	cmark_node *parent = cmark_node_parent(n), *next = cmark_node_next(n);
	bool lead_in = parent &&
		       cmark_node_get_type(parent) == CMARK_NODE_ITEM && next &&
		       cmark_node_get_type(next) == CMARK_NODE_LIST;
	S_place_para(c, f, PDF_JUSTIFY, f->tight ? 2.5 : 7, lead_in);
}

static size_t S_heading_index(struct S_ctx *c, cmark_node *n)
{
	if (c->head_next < c->head_count && c->heads[c->head_next].node == n)
		return c->head_next++;
	for (size_t i = 0; i < c->head_count; i++)
		if (c->heads[i].node == n)
			return i;
	return SIZE_MAX;
}

/* The UN form's bold: the text's face made bold, but a Hei face (the
 * sans) in Chinese, as Chinese UN documents set their headings and title
 * (SimHei, also in Word's bold styles: docx_parts.c), not Song made bold. */
static enum pdf_face S_un_bold(const struct S_ctx *c)
{
	return c->opt->lang == LANG_ZH ? PDF_SANS_B : PDF_SERIF_B;
}

/* A hung heading's number (after its first-line indent, pdf_para_indent)
 * and the space after it, widened to a tab: its text starts where the
 * lines after it do.  A number with no space after it (Chinese "二、")
 * keeps its place. */
static void S_un_number_tab(struct pdf_para *p)
{
	double number = 0;
	for (size_t i = 1; i < p->n; i++) {
		struct pdf_item *it = &p->items[i];
		if (it->kind == PDF_BOX) {
			number += it->width;
			continue;
		}
		if (it->kind == PDF_GLUE && !it->nospace) {
			it->width = fmax(it->width, S_UN_HEAD_HANG - number);
			it->stretch = it->shrink = 0;
		}
		return;
	}
}

static void S_heading(struct S_ctx *c, cmark_node *n, const struct S_frame *f)
{
	static const struct {
		enum pdf_face face;
		double size, leading, space;
	} look[] = {
		{PDF_SANS_B, 14, 18, 22},     {PDF_SANS_B, 12, 15.5, 16},
		{PDF_SANS_BI, 10.5, 14, 11}, {PDF_SERIF_BI, 10, 13.6, 9},
	};
	int level = cmark_node_get_heading_level(n);
	int k = level < 1 ? 0 : level > 4 ? 3 : level - 1;
	/* headings and titles are not hyphenated */
	struct pdf_hyphen *hy = c->env.hyphen;
	c->env.hyphen = NULL;
	/* the UN form sets its headings in the text's face: bold, then
	 * italic for (a) */
	enum pdf_face un_face[] = {S_un_bold(c), S_un_bold(c), S_un_bold(c),
				   PDF_SERIF_I};
	enum pdf_face face = c->opt->un ? un_face[k] : look[k].face;
	pdf_para_reset(&c->para, pdf_env_face(&c->env, face), look[k].size,
		       look[k].leading);
	/* (not on the annex's landscape pages, whose text starts at the
	 * margin: the number would stand beyond it) */
	bool hang = !c->pages.landscape &&
		    unform_is_number(c->opt->un, cmark_node_first_child(n));
	if (hang)
		pdf_para_indent(&c->para, -S_UN_HEAD_HANG);
	pdf_para_inlines(&c->para, &c->env, n);
	if (hang)
		S_un_number_tab(&c->para);
	pdf_para_finish(&c->para);
	c->env.hyphen = hy;
	struct pdf_chunk **lines;
	size_t count = pdf_para_set(&c->para, &c->env, f->left,
				    f->right - f->left, PDF_LEFT, &lines);
	if (!count)
		return;
	lines[0]->space_before = look[k].space;
	size_t idx = S_heading_index(c, n);
	if (idx != SIZE_MAX) {
		struct pdf_draw a = {.kind = PDF_DRAW_ANCHOR_HEAD,
				     .ref = (int)idx};
		pdf_chunk_add_draws(lines[0], &c->arena, &a, 1);
	}
	S_take_marker(c, lines[0]);
	static const char *const h[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
	pdf_tag_draws(lines, count,
		      pdf_tag_leaf(&c->pages.tags,
				   h[level < 1 ? 0 : level > 6 ? 5 : level - 1]),
		      false);
	/* the gap below a heading belongs with it */
	lines[count - 1]->h += 3;
	pdf_pages_lines(&c->pages, lines, count, true);
}

/* One visual line of a code block, on its grey ground. */
static struct pdf_chunk *S_code_line(struct S_ctx *c, const struct S_frame *f,
				     const char *s, size_t len, bool cont,
				     double pad_top, double pad_bottom)
{
	struct pdf_list l = {0};
	double h = S_CODE_LEADING + pad_top + pad_bottom;
	pdf_list_add(&l, (struct pdf_draw){
		.kind = PDF_DRAW_RECT, .color = PDF_CODEBG,
		.x = (float)f->left, .w = (float)(f->right - f->left),
		.h = (float)h});
	double base = pad_top + S_CODE_LEADING * 0.75;
	double x = f->left + 6, arrow_x = f->left + 1;
	if (c->env.rtl) {
		/* code reads left to right: on a right-to-left page, which
		 * is mirrored when drawn, it is laid out at the block's
		 * other end */
		x = f->right - 6 - pdf_fonts_width(&c->fonts, PDF_MONO,
						   S_CODE_SIZE, s, len);
		arrow_x = f->right - 1 - pdf_fonts_width(&c->fonts, PDF_MONO,
							 S_CODE_SIZE - 1,
							 "\u21aa", 3);
	}
	if (cont)
		pdf_list_add(&l, (struct pdf_draw){
			.kind = PDF_DRAW_TEXT, .face = PDF_MONO,
			.color = PDF_GREY, .x = (float)arrow_x,
			.y = (float)base, .size = (float)(S_CODE_SIZE - 1),
			.s = "\u21aa", .len = 3});
	if (len)
		pdf_list_add(&l, (struct pdf_draw){
			.kind = PDF_DRAW_TEXT, .face = PDF_MONO,
			.x = (float)x, .y = (float)base,
			.size = (float)S_CODE_SIZE,
			.s = arena_strndup(&c->arena, s, len),
			.len = (uint32_t)len});
	struct pdf_chunk *ch = pdf_list_chunk(&l, &c->arena, h, 0);
	pdf_list_free(&l);
	return ch;
}

/* Tabs to spaces (every 4 columns), and the line cut where it would run
 * past the margin: code is shown whole, never clipped. */
static void S_code_source_line(struct S_ctx *c, const struct S_frame *f,
			       const char *s, size_t len, struct buf *out,
			       struct pdf_chunk ***lines, size_t *n,
			       size_t *cap)
{
	buf_clear(out);
	/* Hardening (issue 7, found by tests/fuzz/fuzz_markdown): an empty
	 * line left out->data NULL, and `out->data + start` below is
	 * undefined behaviour (UBSan: zero offset to a null pointer). */
	buf_reserve(out, 1);
	size_t col = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\t') {
			do
				buf_putc(out, ' ');
			while (++col % 4);
		} else {
			buf_putc(out, s[i]);
			col += ((unsigned char)s[i] & 0xC0) != 0x80;
		}
	}
	double avail = f->right - f->left - 12;
	size_t start = 0;
	bool cont = false;
	do {
		size_t end = start, adv;
		double w = 0;
		while (end < out->len) {
			utf8_decode(out->data + end, out->len - end, &adv);
			double cw = pdf_fonts_width(&c->fonts, PDF_MONO,
						    S_CODE_SIZE,
						    out->data + end, adv);
			if (w + cw > avail && end > start)
				break;
			w += cw;
			end += adv;
		}
		if (*n == *cap)
			*lines = xrealloc(*lines, (*cap = 2 * *cap + 8) *
							  sizeof **lines);
		(*lines)[(*n)++] = S_code_line(c, f, out->data + start,
					       end - start, cont, 0, 0);
		start = end;
		cont = true;
	} while (start < out->len);
}

/* The word of a fence's info string at *p, copied to word (at most
 * size-1 bytes); returns what follows it. */

static void S_chart(struct S_ctx *c, const struct fence *fb,
		    struct source_pos pos, const struct S_frame *f)
{
	struct chart *ch = fence_chart(&c->arena, fb, c->opt->report,
				       c->opt->lang, &c->chart_words, pos,
				       c->d);
	if (ch)
		pdf_chart(&c->pages, &c->env, &c->para, ch, f->left, f->right);
}

/* A table's name for its /Summary (markdown_table_name), or NULL. */
static const char *S_table_name(struct S_ctx *c, cmark_node *block)
{
	return markdown_table_name_in(&c->arena, block,
				      words_get(c->opt->words, "colon"));
}

static void S_matrix(struct S_ctx *c, cmark_node *n, const char *rest,
		     struct source_pos pos, const struct S_frame *f)
{
	const struct report *r = c->opt->report;
	if (!r) {
		diag_warning(c->d, pos, "no report to draw a matrix from");
		return;
	}
	struct matrix m;
	matrix_select(&m, r, rest, c->opt->lang, pos, c->d);
	pdf_matrix(&c->pages, &c->env, &c->para, &m, &c->matrix_words,
		   S_table_name(c, n), f->left, f->right);
	matrix_free(&m);
}

/* ```chart ID``` and ```matrix``` blocks; false for any other code. */
static bool S_drawn_block(struct S_ctx *c, cmark_node *n,
			  const struct S_frame *f)
{
	struct fence fb = fence_of(n);
	struct source_pos pos = markdown_node_pos(n, c->opt->file);
	if (fb.kind == FENCE_CHART)
		S_chart(c, &fb, pos, f);
	else if (fb.kind == FENCE_MATRIX)
		S_matrix(c, n, fb.filter, pos, f);
	else
		return false;
	return true;
}

static void S_code(struct S_ctx *c, cmark_node *n, const struct S_frame *f)
{
	if (S_drawn_block(c, n, f))
		return;
	const char *lit = cmark_node_get_literal(n);
	size_t len = lit ? strlen(lit) : 0;
	if (len && lit[len - 1] == '\n')
		len--;
	struct pdf_chunk **lines = NULL;
	size_t count = 0, cap = 0;
	struct buf line;
	buf_init(&line);
	for (size_t i = 0; i <= len;) {
		size_t e = i;
		while (e < len && lit[e] != '\n')
			e++;
		S_code_source_line(c, f, lit + i, e - i, &line, &lines, &count,
				   &cap);
		i = e + 1;
	}
	buf_free(&line);
	/* a little ground above the first line and below the last */
	lines[0]->h += 4;
	for (size_t i = 0; i < lines[0]->n; i++)
		if (lines[0]->d[i].kind == PDF_DRAW_RECT)
			lines[0]->d[i].h += 4;
		else
			lines[0]->d[i].y += 4;
	lines[count - 1]->h += 4;
	for (size_t i = 0; i < lines[count - 1]->n; i++)
		if (lines[count - 1]->d[i].kind == PDF_DRAW_RECT)
			lines[count - 1]->d[i].h += 4;
	lines[0]->space_before = 8;
	S_take_marker(c, lines[0]);
	pdf_tag_draws(lines, count, pdf_tag_leaf(&c->pages.tags, "Code"),
		      false);
	pdf_pages_lines(&c->pages, lines, count, false);
	free(lines);
}

static void S_rule(struct S_ctx *c, const struct S_frame *f)
{
	struct pdf_list l = {0};
	double w = (f->right - f->left) / 3;
	pdf_list_add(&l, (struct pdf_draw){
		.kind = PDF_DRAW_LINE, .color = PDF_RULE,
		.x = (float)(f->left + w), .y = 8, .w = (float)w,
		.size = 0.6f});
	struct pdf_chunk *ch = pdf_list_chunk(&l, &c->arena, 16, 6);
	pdf_list_free(&l);
	pdf_pages_group(&c->pages, &ch, 1);
}

static void S_list(struct S_ctx *c, cmark_node *n, struct S_frame f)
{
	/* the third is U+00B7: Noto Serif has no white bullet (U+25E6) */
	static const char *const bullets[] = {"\u2022", "\u2013", "\u00b7"};
	bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	const char *delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM
				    ? ")" : ".";
	int number = cmark_node_get_list_start(n);
	struct S_frame in = f;
	/* the UN form's subparagraphs as its numbered paragraphs: "(a)" a
	 * tab in, the text after a second tab, the lines after it back at
	 * the text's start */
	bool sub = unform_is_sub_list(c->opt->un, n);
	in.left = sub ? f.left : fmin(f.left + S_LIST_INDENT, f.right - 72);
	in.tight = cmark_node_get_list_tight(n);
	in.depth = f.depth + 1;
	struct pdf_tags *tags = &c->pages.tags;
	uint32_t list = pdf_tag_open(tags, "L");
	tags->e[list].numbering = unform_is_sub_list(c->opt->un, n)
					  ? "LowerAlpha"
				  : ordered ? "Decimal"
					    : "Disc";
	for (cmark_node *item = cmark_node_first_child(n); item;
	     item = cmark_node_next(item), number++) {
		char mark[64];
		if (unform_is_sub_list(c->opt->un, n))
			snprintf(mark, sizeof mark, "%s",
				 words_un_number(c->opt->words, &c->arena, 4,
						 number));
		else if (ordered)
			snprintf(mark, sizeof mark, "%d%s", number, delim);
		else
			snprintf(mark, sizeof mark, "%s",
				 bullets[f.depth % 3]);
		size_t waiting = c->marker_count;
		pdf_tag_open(tags, "LI");
		S_set_marker(c, mark, in.left - 5);
		/* the room for "(a)" in the item's first paragraph: an item
		 * that opens with a table or a quotation has its letter
		 * where a list's stands */
		cmark_node *opens = cmark_node_first_child(item);
		if (sub && c->marker_count > waiting && opens &&
		    cmark_node_get_type(opens) == CMARK_NODE_PARAGRAPH &&
		    !S_image_only(opens)) {
			c->marker[c->marker_count - 1].x =
				(float)(in.left + S_UN_TAB);
			c->first_indent = 2 * S_UN_TAB;
		}
		if (c->marker_count > waiting)
			c->marker[c->marker_count - 1].elem =
				pdf_tag_leaf(tags, "Lbl");
		pdf_tag_open(tags, "LBody");
		S_blocks(c, item, in);
		c->first_indent = 0;
		if (c->marker_count > waiting) { /* an empty item still shows */
			pdf_para_reset(&c->para, PDF_SERIF, S_BODY_SIZE,
				       c->body_leading);
			pdf_para_finish(&c->para);
			S_place_para(c, &in, PDF_LEFT, in.tight ? 2.5 : 7,
				     false);
		}
		pdf_tag_close(tags); /* LBody */
		pdf_tag_close(tags); /* LI */
	}
	pdf_tag_close(tags);
}

static void S_html(struct S_ctx *c, cmark_node *n)
{
	markdown_number(&c->num, n);
	if (markdown_directive_of(n) == MARKDOWN_PAGE_BREAK) {
		pdf_pages_flush(&c->pages);
		/* the annex matrix on landscape pages, as Word's section */
		pdf_pages_turn(&c->pages,
			       cmark_node_get_type(cmark_node_parent(n)) ==
					       CMARK_NODE_DOCUMENT &&
				       fence_part_is_matrix(n));
		if (!c->pages.empty)
			pdf_pages_new_page(&c->pages, PDF_PAGE_BODY);
	}
}

static void S_block(struct S_ctx *c, cmark_node *n, struct S_frame f)
{
	struct S_frame in = f;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		S_paragraph(c, n, &f);
		break;
	case CMARK_NODE_HEADING:
		S_heading(c, n, &f);
		break;
	case CMARK_NODE_CODE_BLOCK:
		S_code(c, n, &f);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		S_rule(c, &f);
		break;
	case CMARK_NODE_HTML_BLOCK:
		S_html(c, n);
		break;
	case CMARK_NODE_LIST:
		/* a list in a UN subparagraph stands right of its "(a)",
		 * under the subparagraph's text */
		if (unform_is_sub_list(c->opt->un, cmark_node_parent(
				cmark_node_parent(n))))
			in.left = fmin(f.left + 2 * S_UN_TAB, f.right - 72);
		S_list(c, n, in);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		in.left = fmin(f.left + 20, f.right - 72);
		in.right = fmax(f.right - 20, in.left + 72);
		in.depth = f.depth + 1;
		in.tight = false;
		pdf_tag_open(&c->pages.tags, "BlockQuote");
		S_blocks(c, n, in);
		pdf_tag_close(&c->pages.tags);
		break;
	case CMARK_NODE_FOOTNOTE_DEFINITION: /* set at the foot of pages */
		break;
	default:
		if (markdown_ext_of(n) == MARKDOWN_EXT_TABLE)
			pdf_table(&c->pages, &c->env, &c->para, n,
				  S_table_name(c, n), f.left, f.right);
		else
			S_blocks(c, n, f);
		break;
	}
}

/* Too deep a nesting is set as plain paragraphs: the page has no room
 * for its indents, and the stack no room for its recursion. */
static void S_flat(struct S_ctx *c, cmark_node *parent, const struct S_frame *f)
{
	const char *text = S_plain(&c->arena, parent);
	pdf_para_reset(&c->para, PDF_SERIF, S_BODY_SIZE, c->body_leading);
	pdf_para_text(&c->para, &c->env, PDF_SERIF, text, strlen(text));
	pdf_para_finish(&c->para);
	S_place_para(c, f, PDF_JUSTIFY, 7, false);
}

/* Where the document's blocks stand on the page being filled: between
 * the margins, or in the UN form 2 cm in from each (its "SingleTxt"),
 * but for the annex's matrix, which takes its landscape page's width. */
static struct S_frame S_text_block(const struct S_ctx *c)
{
	double page_w = PDF_PAGE_W_OF(c->pages.landscape);
	if (!c->opt->un)
		return (struct S_frame){.left = PDF_MARGIN_LEFT,
					.right = page_w - PDF_MARGIN_RIGHT};
	double in = PDF_UN_MARGIN + (c->pages.landscape ? 0 : S_UN_INDENT);
	return (struct S_frame){.left = in, .right = page_w - in};
}

static void S_blocks(struct S_ctx *c, cmark_node *parent, struct S_frame f)
{
	if (f.depth > S_MAX_DEPTH) {
		S_flat(c, parent, &f);
		return;
	}
	bool top = cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT;
	for (cmark_node *n = cmark_node_first_child(parent); n;
	     n = cmark_node_next(n)) {
		/* the document's blocks as wide as their pages (a page
		 * break may turn them: S_html) */
		if (top)
			f = S_text_block(c);
		S_block(c, n, f);
	}
}

/* ---- before the body: headings, footnotes, title page ---- */

static void S_collect_headings(struct S_ctx *c, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		c->heads = arena_grow(&c->arena, c->heads, sizeof *c->heads,
				      c->head_count, &c->head_cap,
				      c->head_count + 1);
		c->heads[c->head_count++] = (struct pdf_heading){
			n, cmark_node_get_heading_level(n),
			S_plain(&c->arena, n)};
	}
	cmark_iter_free(it);
	c->pages.heading_page = arena_alloc(
		&c->arena, (c->head_count + 1) * sizeof(int));
	for (size_t i = 0; i < c->head_count; i++)
		c->pages.heading_page[i] = -1;
	c->pages.heading_count = c->head_count;
}

static void S_note(struct S_ctx *c, cmark_node *def, int number,
		   struct pdf_note *out)
{
	pdf_para_reset(&c->para, PDF_SERIF, S_NOTE_SIZE, S_NOTE_LEADING);
	for (cmark_node *b = cmark_node_first_child(def); b;
	     b = cmark_node_next(b)) {
		if (cmark_node_get_type(b) == CMARK_NODE_PARAGRAPH) {
			pdf_para_inlines(&c->para, &c->env, b);
		} else {
			const char *t = S_plain(&c->arena, b);
			pdf_para_text(&c->para, &c->env, PDF_SERIF, t,
				      strlen(t));
		}
		pdf_para_text(&c->para, &c->env, PDF_SERIF, " ", 1);
	}
	pdf_para_finish(&c->para);
	/* the text hangs clear of the widest number (digits are all as
	 * wide): "100" took the whole 14 points */
	char widest[24];
	snprintf(widest, sizeof widest, "%zu", c->pages.note_total);
	double hang = fmax(14, pdf_fonts_width(&c->fonts, PDF_SERIF,
					       S_NOTE_SIZE, widest,
					       strlen(widest)) + 4);
	struct S_frame f = {.left = PDF_MARGIN_LEFT + hang,
			    .right = PDF_PAGE_W - PDF_MARGIN_RIGHT};
	out->count = pdf_para_set(&c->para, &c->env, f.left,
				  f.right - f.left, PDF_JUSTIFY, &out->lines);
	if (!out->count)
		return;
	char *num = arena_printf(&c->arena, "%d", number);
	struct pdf_draw d[2] = {
		{.kind = PDF_DRAW_ANCHOR_NOTE, .ref = number},
		{.kind = PDF_DRAW_TEXT, .face = PDF_SERIF,
		 .x = PDF_MARGIN_LEFT, .y = 0, .size = (float)S_NOTE_SIZE,
		 .s = num, .len = (uint32_t)strlen(num),
		 .mark = PDF_MARK_SPACE},
	};
	struct pdf_chunk *first = out->lines[0];
	for (size_t i = 0; i < first->n; i++)
		if (first->d[i].kind == PDF_DRAW_TEXT) {
			d[1].y = first->d[i].y;
			break;
		}
	if (d[1].y == 0)
		d[1].y = (float)(S_NOTE_LEADING * 0.75);
	pdf_chunk_lead_draws(first, &c->arena, d, 2);
	/* a note follows the block that first cites it in the structure
	 * (pdf_page.c S_note_after), as Word's notes read, and as a note
	 * follows on the page: a reader hears it with its paragraph */
	uint32_t note = pdf_tag_leaf(&c->pages.tags, "Note");
	c->pages.tags.e[note].late = true;
	out->elem = note;
	pdf_tag_draws(out->lines, out->count, note, false);
}

static void S_collect_notes(struct S_ctx *c, cmark_node *doc)
{
	size_t count = 0;
	for (cmark_node *n = cmark_node_first_child(doc); n;
	     n = cmark_node_next(n))
		count += cmark_node_get_type(n) ==
			 CMARK_NODE_FOOTNOTE_DEFINITION;
	c->pages.notes = arena_alloc(&c->arena,
				     (count + 1) * sizeof *c->pages.notes);
	c->pages.note_total = count;
	/* a note's own marks are noted in its lines: a note that refers to
	 * another brings it to the page (pdf_page.c) */
	int k = 0;
	/* cmark-gfm numbers references in order and moves the definitions
	 * to the end of the document in that order */
	for (cmark_node *n = cmark_node_first_child(doc); n;
	     n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) {
			k++;
			S_note(c, n, k, &c->pages.notes[k]);
		}
}

static void S_text_at(struct S_ctx *c, struct pdf_list *l, const char *s,
		      enum pdf_face face, double size, double leading,
		      enum pdf_color color, double x, double width,
		      double *y, const char *tag);

/* Sets literal text as lines in list l from height *y down. */
static void S_title_text(struct S_ctx *c, struct pdf_list *l, const char *s,
			 enum pdf_face face, double size, double leading,
			 enum pdf_color color, double *y)
{
	/* the title is the document's first heading, the rest paragraphs */
	S_text_at(c, l, s, face, size, leading, color, PDF_MARGIN_LEFT,
		  PDF_TEXT_W, y,
		  face == PDF_SANS_B && size >= 20 ? "H1" : "P");
}

/* S_title_text in a column from x, width wide, its lines one element
 * of the structure type tag. */
static void S_text_at(struct S_ctx *c, struct pdf_list *l, const char *s,
		      enum pdf_face face, double size, double leading,
		      enum pdf_color color, double x, double width,
		      double *y, const char *tag)
{
	if (!s || !*s)
		return;
	uint32_t elem = pdf_tag_leaf(&c->pages.tags, tag);
	struct pdf_hyphen *hy = c->env.hyphen;
	c->env.hyphen = NULL;
	pdf_para_reset(&c->para, face, size, leading);
	pdf_para_text(&c->para, &c->env, face, s, strlen(s));
	pdf_para_finish(&c->para);
	c->env.hyphen = hy;
	struct pdf_chunk **lines;
	size_t n = pdf_para_set(&c->para, &c->env, x, width, PDF_LEFT,
				&lines);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < lines[i]->n; k++) {
			struct pdf_draw d = lines[i]->d[k];
			d.y = (float)(d.y + *y);
			d.color = (uint8_t)color;
			if (!d.elem)
				d.elem = elem;
			pdf_list_add(l, d);
		}
		*y += leading;
	}
}

static void S_block_line(struct pdf_list *l, double x, double y,
			 const char *s)
{
	pdf_list_add(l, (struct pdf_draw){
		.kind = PDF_DRAW_TEXT, .face = PDF_SANS, .x = (float)x,
		.y = (float)y, .size = 9, .s = s, .len = (uint32_t)strlen(s)});
}

/* Where a line of the UN block, `width` wide, is laid out for it to start
 * at x: on a right-to-left page, which is mirrored when drawn, a block in
 * English (words_block) keeps its lines flush left, as the block of an
 * Arabic UN document does. */
static double S_block_x(struct S_ctx *c, double x, double width,
			enum pdf_face face, const char *s)
{
	const struct words *b = words_block_words(c->opt->words);
	if (!c->env.rtl || (b && lang_is_rtl(b->lang)))
		return x;
	return x + width - pdf_fonts_width(&c->fonts, face, 9, s, strlen(s));
}

/* The block UN documents carry at the top right: distribution, date,
 * original language. */
static void S_distribution(struct S_ctx *c, struct pdf_list *l)
{
	const struct pdf_title_page *t = &c->opt->title_page;
	double x = PDF_PAGE_W - PDF_MARGIN_RIGHT - 130, y = 42;
	/* as A/HRC/59/15 has it: a line each 12 points, the version's
	 * language on the third, empty in the original */
	const struct words_block *b = &t->block;
	const char *lines[] = {b->distribution, b->date, b->language,
			       b->original};
	for (size_t i = 0; i < 4; i++, y += 12)
		if (lines[i])
			S_block_line(l, S_block_x(c, x, 130, PDF_SANS, lines[i]),
				     y, lines[i]);
}

/* The UN block's language when it is not the document's (words_block:
 * English in an Arabic, Chinese or Russian report), for its /Lang: a
 * screen reader read "Distr.: General" with a Russian voice; else NULL. */
static const char *S_block_lang(struct S_ctx *c)
{
	int l = words_block_lang(c->opt->words);
	return l < 0 ? NULL : lang_code((enum lang)l);
}

static void S_title_page(struct S_ctx *c)
{
	const struct pdf_title_page *t = &c->opt->title_page;
	struct pdf_list l = {0};
	pdf_pages_new_page(&c->pages, PDF_PAGE_TITLE);
	double y = 0, right = PDF_PAGE_W - PDF_MARGIN_RIGHT;
	if (c->opt->symbol && *c->opt->symbol) {
		double w = pdf_fonts_width(&c->fonts, PDF_SANS_B, 13,
					   c->opt->symbol,
					   strlen(c->opt->symbol));
		pdf_list_add(&l, (struct pdf_draw){
			.kind = PDF_DRAW_TEXT, .face = PDF_SANS_B,
			.x = (float)(right - w), .y = 14, .size = 13,
			.s = c->opt->symbol,
			.len = (uint32_t)strlen(c->opt->symbol)});
	}
	pdf_list_add(&l, (struct pdf_draw){.kind = PDF_DRAW_LINE,
					   .color = PDF_ACCENT,
					   .x = PDF_MARGIN_LEFT, .y = 24,
					   .w = (float)PDF_TEXT_W,
					   .size = 2.5f});
	size_t block_from = l.n;
	S_distribution(c, &l);
	/* the symbol and the distribution block read first, as one; the
	 * block a Span of its language when it has one of its own */
	uint32_t head = 0, span = 0;
	const char *block_lang = S_block_lang(c);
	for (size_t i = 0; i < l.n; i++)
		if (l.d[i].kind == PDF_DRAW_TEXT && !l.d[i].elem) {
			if (!head)
				head = pdf_tag_leaf(&c->pages.tags, "P");
			l.d[i].elem = head;
			l.d[i].mark |= PDF_MARK_SPACE; /* its lines apart */
			if (i < block_from || !block_lang)
				continue;
			if (!span) {
				struct pdf_tags *tags = &c->pages.tags;
				uint32_t open = tags->open;
				tags->open = head;
				span = pdf_tag_leaf(tags, "Span");
				tags->e[span].lang = block_lang;
				tags->open = open;
			}
			l.d[i].elem = span;
		}
	y = 150;
	S_title_text(c, &l, t->state, PDF_SANS_B, 15, 20, PDF_ACCENT, &y);
	y += 14;
	S_title_text(c, &l, t->title, PDF_SANS_B, 24, 30, PDF_BLACK, &y);
	y += 10;
	S_title_text(c, &l, t->subtitle, PDF_SANS, 14, 19, PDF_GREY, &y);
	y += 18;
	pdf_list_add(&l, (struct pdf_draw){.kind = PDF_DRAW_LINE,
					   .color = PDF_RULE,
					   .x = PDF_MARGIN_LEFT, .y = (float)y,
					   .w = 120, .size = 0.8f});
	/* below the title however long it is: a page that cannot hold it
	 * all goes on over more pages (pdf_pages_at) */
	y = fmax(y + 36, PDF_PAGE_H - PDF_MARGIN_TOP - PDF_MARGIN_BOTTOM - 70);
	S_title_text(c, &l, t->prepared_by, pdf_env_face(&c->env, PDF_SERIF_I),
		     11, 15, PDF_BLACK,
		     &y);
	S_title_text(c, &l, t->date, PDF_SERIF, 11, 15, PDF_BLACK, &y);
	struct pdf_chunk *ch = pdf_list_chunk(&l, &c->arena, y, 0);
	pdf_list_free(&l);
	pdf_pages_at(&c->pages, ch, PDF_PAGE_H - PDF_MARGIN_TOP);
}

/* Page 1 of the UN document form (unform.h), as the UN sets it: "United
 * Nations" and the symbol above a heavy rule, the organ under it and the
 * distribution block on the right; a rule, the bodies and the session;
 * the title; at the foot the note "issued without formal editing" (its
 * mark after the title) and the job number.  Black only. */
static void S_un_line(struct S_ctx *c, struct pdf_list *l, const char *s,
		      enum pdf_face face, double size, double x, double y)
{
	if (!s || !*s)
		return;
	pdf_list_add(l, (struct pdf_draw){
		.kind = PDF_DRAW_TEXT, .face = (uint8_t)face, .x = (float)x,
		.y = (float)y, .size = (float)size, .s = s,
		.len = (uint32_t)strlen(s),
		.elem = pdf_tag_leaf(&c->pages.tags, "P")});
}

static void S_un_rule(struct pdf_list *l, double x0, double x1, double y,
		      double width)
{
	pdf_list_add(l, (struct pdf_draw){.kind = PDF_DRAW_LINE,
					   .color = PDF_BLACK,
					   .x = (float)x0, .y = (float)y,
					   .w = (float)(x1 - x0),
					   .size = (float)width});
}

static void S_un_title_page(struct S_ctx *c)
{
	const struct unform *u = c->opt->un;
	const struct pdf_title_page *t = &c->opt->title_page;
	struct pdf_list l = {0};
	pdf_pages_new_page(&c->pages, PDF_PAGE_TITLE);
	/* y from the top of the text area (PDF_MARGIN_TOP below the
	 * page's edge); the head reaches into the margin, as the UN's */
	/* where A/HRC/WG.6/48/SVN/1 has them (pdftotext -bbox): "United
	 * Nations" and the organ 63 points in from the margin (the emblem's
	 * room there), its ink 38.5 points below the page's edge, the block
	 * at 392; 17 points higher it crowded the edge */
	double top = -PDF_MARGIN_TOP + 17, left = PDF_UN_MARGIN,
	       right = PDF_PAGE_W - PDF_UN_MARGIN;
	double col = right - 146.5; /* the distribution block */
	double head = left + PDF_UN_HEAD_INDENT;
	S_un_line(c, &l, u->united_nations, PDF_SERIF, 11, head, top + 30);
	if (u->symbol) {
		double w = pdf_fonts_width(&c->fonts, PDF_SERIF, 10, u->symbol,
					   strlen(u->symbol));
		S_un_line(c, &l, u->symbol, PDF_SERIF, 10, right - w,
			  top + 30);
	}
	S_un_rule(&l, left, right, top + 36, 2.2);
	S_un_line(c, &l, u->organ, S_un_bold(c), 17, head, top + 56);
	double y = top + 52;
	const char *block[] = {u->distribution, u->date, u->language,
			       u->original};
	const char *block_lang = S_block_lang(c);
	for (size_t i = 0; i < 4; i++, y += 12)
		if (block[i] && *block[i]) {
			S_un_line(c, &l, block[i], PDF_SERIF, 9,
				  S_block_x(c, col, 150, PDF_SERIF, block[i]),
				  y);
			/* its P in the block's language */
			c->pages.tags.e[l.d[l.n - 1].elem].lang = block_lang;
		}
	S_un_rule(&l, left, right, top + 150, 1.0);
	y = top + 164;
	for (size_t i = 0; i < u->body_count; i++, y += i == 1 ? 12.5 : 11)
		S_un_line(c, &l, u->bodies[i], S_un_bold(c), i ? 9 : 10, left,
			  y);
	if (u->session_title)
		S_un_line(c, &l, u->session_title, S_un_bold(c), 9, left,
			  y), y += 11;
	if (u->session_venue)
		S_un_line(c, &l, u->session_venue, PDF_SERIF, 9, left, y),
			y += 10;
	y += 24;
	double tx = left + 56, tw = right - tx - 60;
	size_t title_from = l.n;
	S_text_at(c, &l, t->title, S_un_bold(c), 14, 17, PDF_BLACK, tx, tw, &y,
		  "H1");
	/* the unedited document's mark after the title, small and raised
	 * as a note's mark, as A/HRC/WG.6/48/SVN/1 sets it (it was a bold
	 * asterisk of the title's size) */
	const struct pdf_draw *last = NULL;
	for (size_t i = title_from; u->unedited && i < l.n; i++)
		if (l.d[i].kind == PDF_DRAW_TEXT &&
		    (!last || l.d[i].y > last->y ||
		     (l.d[i].y == last->y && l.d[i].x > last->x)))
			last = &l.d[i];
	if (last) {
		double end = last->x + pdf_fonts_width(&c->fonts, last->face,
						       last->size, last->s,
						       last->len);
		pdf_list_add(&l, (struct pdf_draw){
			.kind = PDF_DRAW_TEXT, .face = PDF_SERIF,
			.x = (float)(end + 0.5), .y = last->y - 5, .size = 9,
			.s = "*", .len = 1, .elem = last->elem});
	}
	/* the foot of the page: the note, then the job number; the note
	 * one Note, its mark and its text, read after the title it is the
	 * note of (two loose paragraphs after the job number, it was) */
	double foot = PDF_PAGE_H - PDF_MARGIN_TOP - 34;
	if (u->unedited) {
		double ny = foot - 24;
		S_un_rule(&l, left + 40, left + 40 + 72, ny - 12, 0.5);
		uint32_t note = pdf_tag_leaf(&c->pages.tags, "Note");
		/* the mark and the text where the other notes have theirs
		 * (unform.h), and Word this one */
		pdf_list_add(&l, (struct pdf_draw){
			.kind = PDF_DRAW_TEXT, .face = PDF_SERIF,
			.x = (float)(left + UNFORM_NOTE_MARK / 20.0),
			.y = (float)ny, .size = 9, .s = "*", .len = 1,
			.elem = note});
		pdf_list_add(&l, (struct pdf_draw){
			.kind = PDF_DRAW_TEXT, .face = PDF_SERIF,
			.x = (float)(left + UNFORM_NOTE_TEXT / 20.0),
			.y = (float)ny, .size = 8,
			.s = u->unedited, .len = (uint32_t)strlen(u->unedited),
			.elem = note, .mark = PDF_MARK_SPACE});
	}
	y += 6;
	S_text_at(c, &l, t->subtitle, PDF_SERIF, 11, 14, PDF_BLACK, tx, tw,
		  &y, "P");
	y += 6;
	S_text_at(c, &l, t->state, S_un_bold(c), 14, 17, PDF_BLACK, tx, tw, &y,
		  "P");
	double h = y;
	if (u->job_number)
		S_un_line(c, &l, u->job_number, PDF_SERIF, 9, left, foot);
	struct pdf_chunk *ch = pdf_list_chunk(&l, &c->arena, h, 0);
	pdf_list_free(&l);
	pdf_pages_at(&c->pages, ch, PDF_PAGE_H - PDF_MARGIN_TOP);
}

/* ---- the document ---- */

static void S_info(struct S_ctx *c)
{
	const struct pdf_options *o = c->opt;
	const struct {
		HPDF_InfoType type;
		const char *value;
	} info[] = {
		{HPDF_INFO_TITLE, o->title},   {HPDF_INFO_AUTHOR, o->author},
		{HPDF_INFO_SUBJECT, o->subject},
		{HPDF_INFO_KEYWORDS, o->keywords},
		/* the build that made it, to trace a faulty file back */
		{HPDF_INFO_CREATOR, "uprgen " UPRGEN_VERSION},
	};
	for (size_t i = 0; i < sizeof info / sizeof *info; i++) {
		const char *v = info[i].value;
		if (!v || !*v)
			continue;
		/* Hardening (issue 7): libharu refuses a string over 65,535
		 * bytes, and a title that long failed the whole PDF; the
		 * document information keeps 1,000 bytes of it, cut at a
		 * character boundary. */
		size_t len = strlen(v);
		if (len > 1000) {
			len = 1000;
			while (len && ((unsigned char)v[len] & 0xC0) == 0x80)
				len--;
			v = arena_strndup(&c->arena, v, len);
		}
		HPDF_SetInfoAttr(c->doc, info[i].type, v);
	}
	if (o->created.year > 0) {
		HPDF_Date dt = {o->created.year, o->created.month,
				o->created.day, o->created.hour,
				o->created.minute, o->created.second,
				'Z', 0, 0};
		HPDF_SetInfoDateAttr(c->doc, HPDF_INFO_CREATION_DATE, dt);
		HPDF_SetInfoDateAttr(c->doc, HPDF_INFO_MOD_DATE, dt);
	}
	/* libharu has no call for the catalog's /Lang */
	struct buf lang;
	buf_init(&lang);
	pdf_raw_text(&lang, lang_code(o->lang), 64);
	pdf_raw_set(pdf_raw_catalog(c->doc), "Lang", lang.data);
	buf_free(&lang);
}

/* The UN document form prints in black: text and rules in black and
 * greys, a chart's colours as their greys (by luminance), shadings in
 * light grey.  The draws are the pages' own (in the arena). */
static void S_un_grey(struct pdf_draw *d)
{
	switch (d->color) {
	case PDF_LINK:
	case PDF_ACCENT:
		d->color = PDF_BLACK;
		break;
	case PDF_SHADE:
		d->color = PDF_CODEBG;
		break;
	case PDF_RGB: {
		unsigned r = (d->rgb >> 16) & 0xff, g = (d->rgb >> 8) & 0xff,
			 b = d->rgb & 0xff;
		unsigned y = (299 * r + 587 * g + 114 * b + 500) / 1000;
		d->rgb = (y << 16) | (y << 8) | y;
		break;
	}
	default:
		break;
	}
}

static void S_un_greys(struct pdf_pages *pg)
{
	for (size_t i = 0; i < pg->count; i++) {
		struct pdf_page *p = &pg->page[i];
		for (size_t k = 0; k < p->body_count + p->note_count; k++) {
			struct pdf_chunk *ch =
				(struct pdf_chunk *)(k < p->body_count
					? p->body[k].c
					: p->notes[k - p->body_count]);
			for (size_t j = 0; j < ch->n; j++)
				S_un_grey(&ch->d[j]);
		}
	}
}

static bool S_layout(struct S_ctx *c, cmark_node *doc)
{
	const struct pdf_options *o = c->opt;
	S_collect_headings(c, doc);
	S_collect_notes(c, doc);
	if (o->un)
		S_un_title_page(c);
	else if (o->title_page.title)
		S_title_page(c);
	int depth = o->toc_depth > 0 ? o->toc_depth : 2;
	bool toc = false;
	for (size_t i = 0; i < c->head_count && o->toc; i++)
		toc |= c->heads[i].level <= depth;
	if (toc)
		pdf_toc(&c->pages, &c->env, &c->para, c->heads,
			c->head_count, depth, o->words);
	size_t front = c->pages.count;
	pdf_pages_new_page(&c->pages, PDF_PAGE_BODY);
	S_blocks(c, doc, S_text_block(c));
	pdf_pages_end(&c->pages);
	if (o->un)
		S_un_greys(&c->pages);
	struct pdf_emit_info info = {
		.tags = &c->pages.tags,
		/* XMP repeats the document information as it was set */
		.meta = {.title = HPDF_GetInfoAttr(c->doc, HPDF_INFO_TITLE),
			 .lang = lang_code(o->lang),
			 .rtl = lang_is_rtl(o->lang),
			 .subject = HPDF_GetInfoAttr(c->doc, HPDF_INFO_SUBJECT),
			 .author = HPDF_GetInfoAttr(c->doc, HPDF_INFO_AUTHOR),
			 .keywords = HPDF_GetInfoAttr(c->doc,
						      HPDF_INFO_KEYWORDS),
			 .creator = HPDF_GetInfoAttr(c->doc, HPDF_INFO_CREATOR),
			 .producer = HPDF_GetInfoAttr(c->doc,
						      HPDF_INFO_PRODUCER),
			 .created = o->created,
			 .icc = (const unsigned char *)c->icc,
			 .icc_len = c->icc_len},
		.symbol = o->symbol,
		.note_ref = words_find(o->words, "note_ref"),
		.title = o->header_title ? o->header_title : o->title,
		.headings = c->heads, .heading_count = c->head_count,
		.front_pages = o->un ? 0 : front, .rtl = lang_is_rtl(o->lang),
		.no_italics = c->env.no_italics,
		.un_form = o->un != NULL,
		.job_footer = unform_job_footer(o->un, &c->arena)};
	return pdf_emit(c->doc, &c->fonts, &c->pages, &info);
}

static bool S_save(struct S_ctx *c, const char *out_path)
{
	char *tmp = file_temp_beside(&c->arena, out_path);
	if (!tmp) {
		diag_error(c->d, (struct source_pos){out_path, 0, 0},
			   "cannot write beside the output: %s",
			   strerror(errno));
		return false;
	}
	/* Saved to memory and written here, not by HPDF_SaveToFile: its
	 * stdio stream said "libharu error 0x1016" for a full disk, and lost
	 * a failure of the last flush (a truncated PDF, no error). */
	struct buf bytes;
	buf_init(&bytes);
	bool ok = pdf_fonts_finish(&c->fonts) &&
		  pdf_raw_save(c->doc, &bytes) && !c->err.code;
	int err = ok ? file_write_all(tmp, bytes.data, bytes.len) : 0;
	buf_free(&bytes);
	if (err) {
		diag_error(c->d, (struct source_pos){out_path, 0, 0},
			   "cannot write the PDF: %s", strerror(err));
		ok = false;
	} else if (ok && rename(tmp, out_path) != 0) {
		diag_error(c->d, (struct source_pos){out_path, 0, 0},
			   "cannot write: %s", strerror(errno));
		ok = false;
	} else if (!ok) {
		diag_error(c->d, (struct source_pos){out_path, 0, 0},
			   "cannot write the PDF (libharu error 0x%04X, "
			   "detail %u)", (unsigned)c->err.code,
			   (unsigned)c->err.detail);
	}
	if (!ok)
		unlink(tmp);
	return ok;
}

bool pdf_render(cmark_node *doc, const struct pdf_options *opt,
		const char *out_path, struct diags *d)
{
	struct S_ctx c = {.opt = opt, .d = d};
	const char *version = NULL;
	if (!pdf_raw_check(&version)) {
		diag_error(d, (struct source_pos){out_path, 0, 0},
			   "libharu %s is not supported: uprgen writes PDF "
			   "objects into libharu 2.3 or 2.4's structures",
			   version ? version : "(unknown version)");
		return false;
	}
	/* PDF/A: the colours are declared sRGB, with the profile */
	int err = file_read_all(PDF_SRGB_PROFILE, 1 << 20, &c.icc, &c.icc_len);
	if (err || c.icc_len < 128 || memcmp(c.icc + 36, "acsp", 4) ||
	    memcmp(c.icc + 16, "RGB ", 4)) {
		diag_error(d, (struct source_pos){PDF_SRGB_PROFILE, 0, 0},
			   "cannot read the sRGB colour profile the PDF "
			   "declares (Debian package icc-profiles-free): %s",
			   err ? file_error_text(err) : "not an RGB ICC profile");
		free(c.icc);
		return false;
	}
	c.doc = HPDF_New(S_on_error, &c.err);
	if (!c.doc) {
		free(c.icc);
		diag_error(d, (struct source_pos){out_path, 0, 0},
			   "cannot start a PDF document");
		return false;
	}
	arena_init(&c.arena);
	pdf_para_init(&c.para);
	pdf_pages_init(&c.pages, &c.arena);
	HPDF_SetCompressionMode(c.doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(c.doc);
	HPDF_SetCurrentEncoder(c.doc, "UTF-8");
	bool ok = pdf_fonts_load(&c.fonts, c.doc, opt->font_dir, d);
	if (ok) /* Arabic and Chinese shaped as the report's language */
		pdf_fonts_set_lang(&c.fonts, lang_code(opt->lang));
	c.chart_words = chart_words(opt->words);
	c.matrix_words = matrix_words(opt->words);
	c.body_leading = opt->un && !lang_is_rtl(opt->lang) &&
					 opt->lang != LANG_ZH
				 ? S_UN_BODY_LEADING
				 : S_BODY_LEADING;
	c.env = (struct pdf_inline_env){
		.fonts = &c.fonts, .arena = &c.arena, .d = d,
		.source = opt->file, .rtl = lang_is_rtl(opt->lang),
		.no_italics = lang_emphasis_is_bold(opt->lang),
		/* a UN document is set without hyphens (A/HRC/59/15 has
		 * none: its lines are justified whole words) */
		.hyphen = ok && !opt->un
				  ? pdf_hyphen_open(opt->lang, opt->hyphen_dir)
				  : NULL};
	if (ok) {
		size_t errors = d->errors;
		S_info(&c);
		ok = S_layout(&c, doc) && !c.fonts.failed &&
		     S_save(&c, out_path);
		/* Hardening (issue 7): a libharu error during the layout
		 * failed the build with "0 errors" and no message. */
		if (!ok && d->errors == errors)
			diag_error(d, (struct source_pos){out_path, 0, 0},
				   "cannot make the PDF (libharu error 0x%04X, "
				   "detail %u)", (unsigned)c.err.code,
				   (unsigned)c.err.detail);
	}
	pdf_hyphen_close(c.env.hyphen);
	pdf_fonts_free(&c.fonts);
	pdf_pages_free(&c.pages);
	pdf_para_free(&c.para);
	arena_free(&c.arena);
	HPDF_Free(c.doc);
	free(c.icc);
	return ok;
}
