/*
 * pdf_emit — the placed pages drawn with libharu: chunks, footnote areas,
 * running header and footer, links, page labels; each element's drawing
 * in marked content with an MCID, the rest as artifacts (pdf_tag.c).
 *
 * Runs after layout, when every page exists, so a link may point forward
 * (table of contents) and a page number is known before it is printed.
 * Takes the document, the fonts and the pages; adds pages to the document
 * and keeps nothing.
 */
#include "pdf_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>

#include "chart.h"
#include "words.h"

struct S_goto {
	int page, ref;
	bool note;
	HPDF_Rect rect;
	uint32_t elem; /* its Link element */
};

struct S_emit {
	HPDF_Doc doc;
	struct pdf_fonts *f;
	const struct pdf_pages *pg;
	const struct pdf_emit_info *info;
	HPDF_Page *pages;
	struct pdf_anchor *head, *note;
	struct S_goto *gotos;
	size_t goto_count, goto_cap;
	struct buf ops;  /* the text object being written */
	struct buf page; /* the page's content not yet in its stream */
	struct buf packed; /* scratch for deflating a finished page */
	struct buf spaced; /* a draw's text and the space after it */
	long tx, ty;    /* its text position, in thousandths of a point */
	uint64_t id[2]; /* a hash of every page's content: the /ID */
	/* the element whose marked-content sequence is open at the page's
	 * level (0: none): the lines of a paragraph on a page are one */
	uint32_t page_open;
	struct pdf_text_state ts; /* the font selected */
	/* the page being written: its width and height, its text block's
	 * width (a landscape page of the annex is wider) */
	double page_w, page_h, text_w;
	int cur_color;
	/* a right-to-left page's text of several words drawn as one (a
	 * running head, the title page's block) set word by word here */
	struct pdf_para words;
	struct pdf_inline_env words_env;
};

static const float S_rgb[PDF_COLOR_COUNT][3] = {
	[PDF_BLACK] = {0, 0, 0},          [PDF_LINK] = {0.05f, 0.22f, 0.55f},
	[PDF_GREY] = {0.35f, 0.35f, 0.35f}, [PDF_RULE] = {0.55f, 0.55f, 0.55f},
	[PDF_SHADE] = {0.90f, 0.92f, 0.95f}, [PDF_CODEBG] = {0.95f, 0.95f, 0.95f},
	[PDF_ACCENT] = {0.0f, 0.36f, 0.62f}, [PDF_WHITE] = {1, 1, 1},
};

void pdf_num(struct buf *b, long v)
{
	/* written backwards from the end of tmp */
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	unsigned frac = (unsigned)(u % 1000);
	u /= 1000;
	if (frac) {
		int digits = 3;
		for (; frac % 10 == 0; frac /= 10)
			digits--;
		for (; digits; digits--, frac /= 10)
			*--p = (char)('0' + frac % 10);
		*--p = '.';
	}
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	size_t n = (size_t)(tmp + sizeof tmp - p);
	if (b->len + n + 1 > b->cap)
		buf_reserve(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static long S_milli(double v)
{
	return lround(v * 1000);
}

/* Text goes straight into the page's content stream, as the operators
 * libharu's SetTextMatrix and ShowText would write: those cost ≈7,000
 * instructions a word (a 512-byte memset and float formatting for the
 * one, measuring the text again for the other), more than the whole
 * layout.  A text object is gathered in e->ops, then e->page.
 *
 * Lines and rectangles are written here too, so that a page's content
 * reaches libharu once, deflated (S_hand_over, S_attach): libharu copies
 * what it is given a byte at a time.  Its own drawing calls (a dot, an
 * image) come after S_flush. */
static void S_text_begin(struct S_emit *e)
{
	buf_puts(&e->ops, "BT\n");
	e->tx = e->ty = 0;
	e->ts.file = -1;
	e->cur_color = -1;
}

static void S_text_end(struct S_emit *e)
{
	buf_puts(&e->ops, "ET\n");
	buf_put(&e->page, e->ops.data, e->ops.len);
	buf_clear(&e->ops);
}

static void S_flush(struct S_emit *e, HPDF_Page p)
{
	pdf_raw_page_write(p, e->page.data, e->page.len);
	buf_clear(&e->page);
}

/* Where something laid out at x, w wide, is drawn: on a right-to-left
 * page (Arabic) the whole page is mirrored, each box still drawn left to
 * right; d (NULL: a mark of the page's own) may ask to be kept as laid,
 * only moved into the mirrored text block (PDF_MARK_LTR). */
static double S_x(const struct S_emit *e, const struct pdf_draw *d, double x,
		  double w)
{
	if (!e->info->rtl)
		return x;
	if (d && (d->mark & PDF_MARK_LTR))
		return x - PDF_MARGIN_LEFT + PDF_MARGIN_RIGHT;
	return e->page_w - x - w;
}

/* A line's two x coordinates (xy[0] and xy[2]) where they are drawn. */
static void S_line_x(const struct S_emit *e, const struct pdf_draw *d,
		     double xy[4])
{
	xy[0] = S_x(e, d, xy[0], 0);
	xy[2] = S_x(e, d, xy[2], 0);
}

static void S_text(struct S_emit *e, HPDF_Page p, const struct pdf_draw *d,
		   double x, double y)
{
	(void)p;
	struct buf *o = &e->ops;
	if (d->color != e->cur_color) {
		for (int i = 0; i < 3; i++) {
			pdf_num(o, S_milli(S_rgb[d->color < PDF_RGB ? d->color
								  : 0][i]));
			buf_putc(o, ' ');
		}
		buf_puts(o, "rg\n");
		e->cur_color = d->color;
	}
	/* Td moves from the last position: kept in whole thousandths, the
	 * moves add up exactly */
	long tx = S_milli(x), ty = S_milli(y);
	pdf_num(o, tx - e->tx);
	buf_putc(o, ' ');
	pdf_num(o, ty - e->ty);
	buf_puts(o, " Td\n");
	e->tx = tx;
	e->ty = ty;
	/* Hardening (issue 7): a draw of over 65,000 bytes (the title
	 * page's symbol of 100,000 characters) is cut, at a character
	 * boundary: libharu refused such strings and the whole PDF failed,
	 * and viewers have limits of their own.  Lines of text never come
	 * near that (words are broken to fit). */
	size_t len = d->len;
	if (len > 65000) {
		len = 65000;
		while (len && ((unsigned char)d->s[len] & 0xC0) == 0x80)
			len--;
	}
	/* the fonts select themselves: a text may need several (Arabic,
	 * CJK, a symbol from a fallback font) */
	enum pdf_dir dir = d->mark & PDF_MARK_BIDI	 ? PDF_DIR_DOC
			   : !(d->mark & PDF_MARK_LEVEL) ? PDF_DIR_GUESS
			   : d->mark & PDF_MARK_RTL	 ? PDF_DIR_RTL
							 : PDF_DIR_LTR;
	if (d->mark & PDF_MARK_SPACE) {
		buf_clear(&e->spaced);
		buf_put(&e->spaced, d->s, len);
		buf_putc(&e->spaced, ' ');
		pdf_fonts_show(e->f, d->face, d->size, e->spaced.data, len + 1,
			       !(d->mark & PDF_MARK_REPORTED), dir, &e->ts, o);
	} else {
		pdf_fonts_show(e->f, d->face, d->size, d->s, len,
			       !(d->mark & PDF_MARK_REPORTED), dir, &e->ts, o);
	}
}

/* Text laid out at x, y, drawn where the page puts it: on a
 * right-to-left page mirrored, and text drawn as one that holds several
 * words set as a paragraph of one line (pdf_inline.c) first, so that its
 * words stand right to left and runs of the other direction keep their
 * order, each word drawn where that line puts it.  Code (monospace) is
 * drawn whole: it reads left to right; so is what is kept as laid out
 * (PDF_MARK_LTR). */
static void S_text_words(struct S_emit *e, HPDF_Page p,
			 const struct pdf_draw *d, double x, double y)
{
	if (!e->info->rtl) {
		S_text(e, p, d, x, y);
		return;
	}
	if (d->face >= PDF_MONO || (d->mark & PDF_MARK_LTR) ||
	    !memchr(d->s, ' ', d->len)) {
		double w = pdf_fonts_width(e->f, d->face, d->size, d->s,
					   d->len);
		S_text(e, p, d, S_x(e, d, x, w), y);
		return;
	}
	struct pdf_para *w = &e->words;
	pdf_para_reset(w, (enum pdf_face)d->face, d->size, d->size);
	w->styles[0].color = (enum pdf_color)d->color;
	pdf_para_text(w, &e->words_env, (enum pdf_face)d->face, d->s, d->len);
	pdf_para_finish(w);
	struct pdf_chunk **line;
	size_t n = pdf_para_set(w, &e->words_env, x, 1e9, PDF_LEFT, &line);
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < line[k]->n; i++) {
			struct pdf_draw t = line[k]->d[i];
			if (t.kind != PDF_DRAW_TEXT)
				continue;
			t.color = d->color;
			/* the last word keeps the space the whole had; each
			 * keeps the direction its line gave it */
			bool last = k + 1 == n && i + 1 == line[k]->n;
			unsigned own = PDF_MARK_SPACE | PDF_MARK_LEVEL |
				       PDF_MARK_RTL;
			t.mark = (uint8_t)((t.mark & own) |
					   ((last ? d->mark : d->mark &
							~PDF_MARK_SPACE) &
					    ~(PDF_MARK_LEVEL | PDF_MARK_RTL)));
			double tw = pdf_fonts_width(e->f, t.face, t.size, t.s,
						    t.len);
			S_text(e, p, &t, S_x(e, d, t.x, tw), y);
		}
}

/* A UTF-16 unit as four hexadecimal digits. */
static void S_hex4(struct buf *o, unsigned u)
{
	static const char hex[] = "0123456789ABCDEF";
	for (int shift = 12; shift >= 0; shift -= 4)
		buf_putc(o, hex[(u >> shift) & 0xF]);
}

/* The /ActualText entry of a span's marked content: what the text drawn
 * in it reads as (pdf_int.h), UTF-16BE, beyond the BMP as surrogate
 * pairs. */
static void S_actual_text(struct buf *o, const struct pdf_draw *d)
{
	buf_puts(o, "/ActualText <FEFF");
	for (size_t i = 0; i < d->len;) {
		size_t adv;
		unsigned c = utf8_decode(d->s + i, d->len - i, &adv);
		i += adv ? adv : 1;
		if (c >= 0x10000) {
			c -= 0x10000;
			S_hex4(o, 0xD800 + (c >> 10));
			S_hex4(o, 0xDC00 + (c & 0x3FF));
		} else {
			S_hex4(o, c);
		}
	}
	buf_putc(o, '>');
}

/* The colour of a graphic: the palette's, or the draw's own rgb. */
static void S_colour_of(const struct pdf_draw *d, HPDF_REAL rgb[3])
{
	if (d->color == PDF_RGB) {
		for (int i = 0; i < 3; i++)
			rgb[i] = (HPDF_REAL)((d->rgb >> (16 - 8 * i)) & 0xff) /
				 255;
		return;
	}
	for (int i = 0; i < 3; i++)
		rgb[i] = S_rgb[d->color < PDF_RGB ? d->color : 0][i];
}

static void S_op(struct buf *b, const double *v, size_t n, const char *op)
{
	for (size_t i = 0; i < n; i++) {
		pdf_num(b, S_milli(v[i]));
		buf_putc(b, ' ');
	}
	buf_puts(b, op);
}

/* The marks of a chart series' pattern over its filled rectangle (x, y
 * its lower left corner): as the website's (chart.c), lighter strokes of
 * the colour (opaque, which PDF/A wants: the colour 45 % of the way to
 * white) every 4.5 points, clipped to the rectangle; 1 diagonal stripes,
 * 2 dots, 3 a grid, 4 horizontal stripes, 5 a cross-hatch. */
static void S_pattern(struct buf *b, const HPDF_REAL rgb[3], int pattern,
		      double x, double y, double w, double h)
{
	const double pitch = 4.5;
	double light[3];
	for (int i = 0; i < 3; i++)
		light[i] = rgb[i] + (1 - rgb[i]) * CHART_MARK_LIGHTEN / 100.0;
	buf_puts(b, "q\n");
	S_op(b, (const double[]){x, y, w, h}, 4, "re\nW\nn\n");
	S_op(b, light, 3, "RG\n");
	S_op(b, light, 3, "rg\n");
	S_op(b, (const double[]){1.1}, 1, "w\n");
	switch (pattern % 6) {
	case 1: /* diagonal stripes, up to the right */
	case 5: /* and down to the right too */
		for (double k = -h; k < w; k += pitch) {
			S_op(b, (const double[]){x + k, y}, 2, "m\n");
			S_op(b, (const double[]){x + k + h, y + h}, 2, "l\n");
			if (pattern % 6 == 5) {
				S_op(b, (const double[]){x + k, y + h}, 2,
				     "m\n");
				S_op(b, (const double[]){x + k + h, y}, 2,
				     "l\n");
			}
		}
		buf_puts(b, "S\n");
		break;
	case 2: /* dots */
		for (double j = pitch / 2; j < h; j += pitch)
			for (double k = pitch / 2; k < w; k += pitch)
				S_op(b, (const double[]){x + k - 0.8,
							 y + j - 0.8, 1.6, 1.6},
				     4, "re\n");
		buf_puts(b, "f\n");
		break;
	case 3: /* a grid */
	case 4: /* horizontal stripes */
		for (double j = pitch / 2; j < h; j += pitch) {
			S_op(b, (const double[]){x, y + j}, 2, "m\n");
			S_op(b, (const double[]){x + w, y + j}, 2, "l\n");
		}
		if (pattern % 6 == 3)
			for (double k = pitch / 2; k < w; k += pitch) {
				S_op(b, (const double[]){x + k, y}, 2, "m\n");
				S_op(b, (const double[]){x + k, y + h}, 2,
				     "l\n");
			}
		buf_puts(b, "S\n");
		break;
	default:
		break;
	}
	buf_puts(b, "Q\n");
}

/* A stroked line from (x0,y0) to (x1,y1); round ends join the segments of
 * a chart's line. */
static void S_line(struct buf *b, const HPDF_REAL rgb[3], double width,
		   const double xy[4], bool round, bool dashed)
{
	S_op(b, (const double[]){rgb[0], rgb[1], rgb[2]}, 3, "RG\n");
	S_op(b, &width, 1, "w\n");
	if (round)
		buf_puts(b, "1 J\n");
	if (dashed)
		buf_puts(b, "[4 3] 0 d\n");
	S_op(b, xy, 2, "m\n");
	S_op(b, xy + 2, 2, "l\nS\n");
	if (dashed)
		buf_puts(b, "[] 0 d\n");
	if (round)
		buf_puts(b, "0 J\n");
}

static void S_graphic(struct S_emit *e, HPDF_Page p, const struct pdf_draw *d,
		      double top)
{
	double y = top - d->y;
	HPDF_REAL rgb[3];
	S_colour_of(d, rgb);
	switch (d->kind) {
	case PDF_DRAW_RECT:
		S_op(&e->page, (const double[]){rgb[0], rgb[1], rgb[2]}, 3,
		     "rg\n");
		S_op(&e->page,
		     (const double[]){S_x(e, d, d->x, d->w), y - d->h, d->w,
				      d->h},
		     4, "re\nf\n");
		if (d->size >= 1)
			S_pattern(&e->page, rgb, (int)d->size,
				  S_x(e, d, d->x, d->w), y - d->h, d->w, d->h);
		break;
	case PDF_DRAW_DOT:
		S_flush(e, p);
		HPDF_Page_SetRGBFill(p, rgb[0], rgb[1], rgb[2]);
		HPDF_Page_Circle(p, (HPDF_REAL)S_x(e, d, d->x, 0),
				 (HPDF_REAL)y, d->w);
		HPDF_Page_Fill(p);
		break;
	case PDF_DRAW_LINE: {
		double xy[4] = {d->x, y, d->x + d->w, y - d->h};
		S_line_x(e, d, xy);
		S_line(&e->page, rgb, d->size, xy, d->color == PDF_RGB,
		       d->mark & PDF_MARK_DASHED);
		break;
	}
	case PDF_DRAW_IMAGE:
		S_flush(e, p);
		HPDF_Page_DrawImage(p, d->image,
				    (HPDF_REAL)S_x(e, d, d->x, d->w),
				    (HPDF_REAL)(y - d->h), d->w, d->h);
		break;
	default:
		break;
	}
}

static void S_goto(struct S_emit *e, int page, const struct pdf_draw *d,
		   double top, bool note)
{
	if (e->goto_count == e->goto_cap) {
		e->goto_cap = e->goto_cap ? 2 * e->goto_cap : 64;
		e->gotos = xrealloc(e->gotos, e->goto_cap * sizeof *e->gotos);
	}
	double x = S_x(e, d, d->x, d->w);
	HPDF_Rect r = {(HPDF_REAL)x, (HPDF_REAL)(top - d->y - d->h),
		       (HPDF_REAL)(x + d->w), (HPDF_REAL)(top - d->y)};
	e->gotos[e->goto_count++] = (struct S_goto){page, d->ref, note, r,
						    d->elem};
}

static void S_pageref(struct S_emit *e, HPDF_Page p, const struct pdf_draw *d,
		      double top)
{
	if (d->ref < 0 || (size_t)d->ref >= e->pg->heading_count)
		return;
	int page = e->pg->heading_page[d->ref];
	if (page < 0)
		return;
	char num[32];
	snprintf(num, sizeof num, "%d",
		 page - (int)e->info->front_pages + 1);
	struct pdf_draw t = *d;
	t.s = num;
	t.len = (uint32_t)strlen(num);
	double w = pdf_fonts_width(e->f, d->face, d->size, num, t.len);
	S_text_words(e, p, &t, d->x - w, top - d->y);
}

/* Links, anchors and text: what is not a plain graphic. */
static void S_marks(struct S_emit *e, int page, const struct pdf_draw *d,
		    double top)
{
	HPDF_Page p = e->pages[page];
	double x = S_x(e, d, d->x, d->w);
	HPDF_Rect r = {(HPDF_REAL)x, (HPDF_REAL)(top - d->y - d->h),
		       (HPDF_REAL)(x + d->w), (HPDF_REAL)(top - d->y)};
	HPDF_Annotation a;
	switch (d->kind) {
	case PDF_DRAW_URI:
		/* Hardening (issue 7): libharu refuses a URI over 65,535
		 * bytes and the whole PDF failed; such a link stays text. */
		if (strlen(d->s) >= 65535)
			break;
		a = HPDF_Page_CreateURILinkAnnot(p, r, d->s);
		if (a) {
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
			pdf_raw_set(a, "F", "4"); /* printed */
			if (e->info->tags)
				pdf_tag_annot(e->info->tags, d->elem,
					      (uint32_t)page, a, d->s);
		}
		break;
	case PDF_DRAW_GOTO_HEAD:
	case PDF_DRAW_GOTO_NOTE:
		S_goto(e, page, d, top, d->kind == PDF_DRAW_GOTO_NOTE);
		break;
	case PDF_DRAW_ANCHOR_HEAD:
		if ((size_t)d->ref < e->info->heading_count)
			e->head[d->ref] = (struct pdf_anchor){page, top - d->y};
		break;
	case PDF_DRAW_ANCHOR_NOTE:
		if (d->ref > 0 && (size_t)d->ref <= e->pg->note_total)
			e->note[d->ref] = (struct pdf_anchor){page, top - d->y};
		break;
	default:
		break;
	}
}

/* Marked content: what belongs to structure element elem begins (with
 * the next MCID of the page), or an artifact; span: it is a broken word's
 * span, and carries its /ActualText.  The text is on the structure's own
 * sequence, not on one nested in it: poppler reads nothing of a
 * sequence after a nested one ends. */
static void S_mark_begin(struct S_emit *e, struct buf *b, int page,
			 uint32_t elem, const struct pdf_draw *span)
{
	struct pdf_tags *t = e->info->tags;
	if (!t || !elem || elem == PDF_TAG_ARTIFACT || elem >= t->count) {
		if (!span) {
			buf_puts(b, "/Artifact BMC\n");
			return;
		}
		buf_puts(b, "/Span <<");
		S_actual_text(b, span);
		buf_puts(b, ">> BDC\n");
		return;
	}
	/* the tag of a span is Span (its element's type is in the tree):
	 * poppler takes /ActualText from a Span only */
	uint32_t mcid = pdf_tag_mcid(t, elem, (uint32_t)page);
	buf_putc(b, '/');
	buf_puts(b, span ? "Span" : t->e[elem].type);
	buf_puts(b, " <</MCID ");
	pdf_int(b, mcid);
	if (span) {
		buf_putc(b, ' ');
		S_actual_text(b, span);
	}
	buf_puts(b, ">> BDC\n");
}

static bool S_is_graphic(const struct pdf_draw *d)
{
	return d->kind == PDF_DRAW_LINE || d->kind == PDF_DRAW_RECT ||
	       d->kind == PDF_DRAW_DOT || d->kind == PDF_DRAW_IMAGE;
}

static bool S_is_text(const struct pdf_draw *d)
{
	return d->kind == PDF_DRAW_TEXT || d->kind == PDF_DRAW_PAGEREF ||
	       d->kind == PDF_DRAW_SPAN || d->kind == PDF_DRAW_SPAN_END;
}

/* Untagged and artifact draws are one artifact sequence. */
static uint32_t S_elem_of(const struct pdf_draw *d)
{
	return d->elem ? d->elem : PDF_TAG_ARTIFACT;
}

/* The page-level marked-content sequence ends. */
static void S_page_close(struct S_emit *e)
{
	if (e->page_open)
		buf_puts(&e->page, "EMC\n");
	e->page_open = 0;
}

/* The one element all of c's drawing belongs to; 0 when it is mixed (a
 * table row's cells, a list's label and its text) or draws nothing, or
 * holds an /ActualText span: poppler reads no further in a sequence that
 * holds text objects and a span inside one of them. */
static uint32_t S_one_elem(const struct pdf_chunk *c)
{
	uint32_t one = 0;
	for (size_t i = 0; i < c->n; i++) {
		const struct pdf_draw *d = &c->d[i];
		if (d->kind == PDF_DRAW_SPAN)
			return 0;
		if (!S_is_graphic(d) && !S_is_text(d))
			continue;
		if (one && S_elem_of(d) != one)
			return 0;
		one = S_elem_of(d);
	}
	return one;
}

static void S_chunk(struct S_emit *e, int page, const struct pdf_chunk *c,
		    double top)
{
	HPDF_Page p = e->pages[page];
	/* a chunk of one element goes on in the sequence already open for
	 * it, or opens one at the page's level (one MCID for a paragraph's
	 * lines on a page, not one a line) */
	uint32_t one = S_one_elem(c);
	if (one != e->page_open) {
		S_page_close(e);
		if (one)
			S_mark_begin(e, &e->page, page, one, NULL);
		e->page_open = one;
	}
	/* else graphics, then text: each run of draws of one element in a
	 * marked-content sequence of its own */
	uint32_t open = one;
	for (size_t i = 0; i < c->n; i++) {
		if (!S_is_graphic(&c->d[i]))
			continue;
		if (S_elem_of(&c->d[i]) != open) {
			if (open)
				buf_puts(&e->page, "EMC\n");
			open = S_elem_of(&c->d[i]);
			S_mark_begin(e, &e->page, page, open, NULL);
		}
		S_graphic(e, p, &c->d[i], top);
	}
	if (open && !one)
		buf_puts(&e->page, "EMC\n");
	for (size_t i = 0; i < c->n; i++)
		S_marks(e, page, &c->d[i], top);
	bool text = false;
	open = one;
	for (size_t i = 0; i < c->n; i++) {
		const struct pdf_draw *d = &c->d[i];
		if (!S_is_text(d))
			continue;
		if (!text) {
			S_text_begin(e);
			text = true;
		}
		if (d->kind == PDF_DRAW_SPAN || d->kind == PDF_DRAW_SPAN_END ||
		    S_elem_of(d) != open) {
			if (open)
				buf_puts(&e->ops, "EMC\n");
			open = 0;
			if (d->kind == PDF_DRAW_SPAN_END)
				continue;
			open = S_elem_of(d);
			S_mark_begin(e, &e->ops, page, open,
				     d->kind == PDF_DRAW_SPAN ? d : NULL);
		}
		if (d->kind == PDF_DRAW_TEXT)
			S_text_words(e, p, d, d->x, top - d->y);
		else if (d->kind == PDF_DRAW_PAGEREF)
			S_pageref(e, p, d, top);
	}
	if (open && !one)
		buf_puts(&e->ops, "EMC\n");
	if (text)
		S_text_end(e);
}

static void S_notes(struct S_emit *e, int page)
{
	const struct pdf_page *pp = &e->pg->page[page];
	if (!pp->note_count)
		return;
	double h = 0;
	for (size_t i = 0; i < pp->note_count; i++)
		h += pp->notes[i]->h;
	double top = PDF_MARGIN_BOTTOM + h;
	static const HPDF_REAL black[3] = {0, 0, 0};
	S_page_close(e);
	buf_puts(&e->page, "/Artifact BMC\n");
	double xy[4] = {PDF_MARGIN_LEFT, top + 7, PDF_MARGIN_LEFT + 90, top + 7};
	S_line_x(e, NULL, xy);
	S_line(&e->page, black, 0.5, xy, false, false);
	buf_puts(&e->page, "EMC\n");
	for (size_t i = 0; i < pp->note_count; i++) {
		S_chunk(e, page, pp->notes[i], top);
		top -= pp->notes[i]->h;
	}
}

/* Text cut with an ellipsis to fit width.
 *
 * Hardening (issue 7): the longest prefix that fits beside the ellipsis is
 * found in one pass, adding up advance widths (in font units, so the sum
 * is exact and the cut the same as measuring each prefix whole).  It used
 * to measure the whole remaining text again after each character taken
 * off: quadratic, on every page, and a running header of a 100,000-
 * character title never finished. */
static void S_fitted(struct S_emit *e, const char *s, enum pdf_face face,
		     double size, double width, struct buf *out)
{
	buf_clear(out);
	buf_puts(out, s);
	double ell = pdf_fonts_width(e->f, face, size, "\u2026", 3);
	if (pdf_fonts_width(e->f, face, size, out->data, out->len) <= width)
		return;
	double units = 0; /* advance widths of out->data[0 .. keep) */
	size_t keep = 0;
	for (size_t i = 0; i < out->len;) {
		size_t adv;
		utf8_decode(out->data + i, out->len - i, &adv);
		if (!adv)
			adv = 1;
		double u = pdf_fonts_width(e->f, face, 1000, out->data + i, adv);
		if ((units + u) * size / 1000.0 + ell > width)
			break;
		units += u;
		i += adv;
		keep = i;
	}
	/* at a word's end: a running head cut mid-word ("Periódi…") reads
	 * as a typo, one cut after "de" as broken off (words_cut) */
	keep = words_cut(out->data, keep);
	out->len = keep;
	out->data[out->len] = '\0';
	buf_puts(out, "\u2026");
}

static void S_line_text(struct S_emit *e, HPDF_Page p, enum pdf_face face,
			double size, double x, double y, const char *s)
{
	struct pdf_draw d = {.kind = PDF_DRAW_TEXT, .face = (uint8_t)face,
			     .color = PDF_GREY, .size = (float)size, .s = s,
			     .len = (uint32_t)strlen(s)};
	/* running heads and folios are artifacts: a reader of the
	 * structure has the document's title and its pages otherwise */
	S_page_close(e);
	buf_puts(&e->page, "/Artifact <</Type /Pagination>> BDC\n");
	S_text_begin(e);
	S_text_words(e, p, &d, x, y);
	S_text_end(e);
	buf_puts(&e->page, "EMC\n");
}

/* The default form's folio, centred under the text block. */
static void S_centred_folio(struct S_emit *e, int page, const char *folio)
{
	double w = pdf_fonts_width(e->f, PDF_SANS, 9, folio, strlen(folio));
	S_line_text(e, e->pages[page], PDF_SANS, 9,
		    PDF_MARGIN_LEFT + (e->text_w - w) / 2,
		    PDF_MARGIN_BOTTOM - 34, folio);
}

static void S_header_footer(struct S_emit *e, int page)
{
	HPDF_Page p = e->pages[page];
	double right = e->page_w - PDF_MARGIN_RIGHT;
	double y = e->page_h - PDF_MARGIN_TOP + 26;
	struct buf t;
	buf_init(&t);
	double sym_w = 0;
	if (e->info->symbol && *e->info->symbol) {
		/* Hardening (issue 7): a symbol wider than half the line is
		 * cut like the title (libharu refuses a string over 65,535
		 * bytes, which failed the whole PDF); real symbols fit. */
		const char *shown = e->info->symbol;
		struct buf sym;
		buf_init(&sym);
		sym_w = pdf_fonts_width(e->f, PDF_SANS_B, 9, shown,
					strlen(shown));
		if (sym_w > e->text_w / 2) {
			S_fitted(e, shown, PDF_SANS_B, 9, e->text_w / 2, &sym);
			shown = sym.data;
			sym_w = pdf_fonts_width(e->f, PDF_SANS_B, 9, sym.data,
						sym.len);
		}
		S_line_text(e, p, PDF_SANS_B, 9, right - sym_w, y, shown);
		buf_free(&sym);
	}
	if (e->info->title && *e->info->title) {
		enum pdf_face face = e->info->no_italics ? PDF_SANS : PDF_SANS_I;
		S_fitted(e, e->info->title, face, 8,
			 e->text_w - sym_w - 24, &t);
		S_line_text(e, p, face, 8, PDF_MARGIN_LEFT, y, t.data);
	}
	static const HPDF_REAL black[3] = {0, 0, 0};
	S_page_close(e);
	buf_puts(&e->page, "/Artifact <</Type /Pagination>> BDC\n");
	double xy[4] = {PDF_MARGIN_LEFT, y - 6, right, y - 6};
	S_line_x(e, NULL, xy);
	S_line(&e->page, black, 0.4, xy, false, false);
	buf_puts(&e->page, "EMC\n");
	buf_clear(&t);
	buf_printf(&t, "%d", page - (int)e->info->front_pages + 1);
	S_centred_folio(e, page, t.data);
	buf_free(&t);
}

/* A page of the front matter after the title page (the contents): its
 * folio in small roman numerals, "ii", where the body's stand, as its
 * page label reads and as the Word document prints it. */
static void S_front_folio(struct S_emit *e, int page)
{
	struct buf t;
	buf_init(&t);
	words_roman(&t, page + 1, true);
	S_centred_folio(e, page, t.data);
	buf_free(&t);
}

/* The UN document form's running head and folio: the symbol alone at
 * the outer corner above a rule, the page's number at the outer corner of
 * the foot; outer is the left on even pages (page 1 is the title page);
 * both at the form's margins, 2 cm from the edge. */
static void S_un_header_footer(struct S_emit *e, int page)
{
	HPDF_Page p = e->pages[page];
	double right = e->page_w - PDF_UN_MARGIN;
	double y = e->page_h - PDF_MARGIN_TOP + 26;
	bool left = (page + 1) % 2 == 0;
	struct buf t;
	buf_init(&t);
	if (e->info->symbol && *e->info->symbol) {
		S_fitted(e, e->info->symbol, PDF_SERIF_B, 9,
			 right - PDF_UN_MARGIN, &t);
		double w = pdf_fonts_width(e->f, PDF_SERIF_B, 9, t.data, t.len);
		S_line_text(e, p, PDF_SERIF_B, 9,
			    left ? PDF_UN_MARGIN : right - w, y, t.data);
	}
	static const HPDF_REAL black[3] = {0, 0, 0};
	S_page_close(e);
	buf_puts(&e->page, "/Artifact <</Type /Pagination>> BDC\n");
	S_line(&e->page, black, 0.5, (const double[]){PDF_UN_MARGIN, y - 6,
						      right, y - 6},
	       false, false);
	buf_puts(&e->page, "EMC\n");
	buf_clear(&t);
	buf_printf(&t, "%d", page - (int)e->info->front_pages + 1);
	double w = pdf_fonts_width(e->f, PDF_SERIF_B, 9, t.data, t.len);
	S_line_text(e, p, PDF_SERIF_B, 9, left ? PDF_UN_MARGIN : right - w,
		    PDF_MARGIN_BOTTOM - 34, t.data);
	/* an edited document's job number, at the inner corner */
	const char *job = e->info->job_footer;
	if (job) {
		double jw = pdf_fonts_width(e->f, PDF_SERIF, 8, job,
					    strlen(job));
		S_line_text(e, p, PDF_SERIF, 8, left ? right - jw : PDF_UN_MARGIN,
			    PDF_MARGIN_BOTTOM - 34, job);
	}
	buf_free(&t);
}

bool pdf_deflate(const struct buf *raw, struct buf *out)
{
	/* one compressor a call: a stream's deflating is the thread's own
	 * (one PDF thread per language), and its tables are set up by each
	 * compression anyway */
	struct libdeflate_compressor *c =
		libdeflate_alloc_compressor(PDF_ZLEVEL);
	if (!c)
		return false;
	size_t bound = libdeflate_zlib_compress_bound(c, raw->len);
	buf_reserve(out, bound);
	size_t len = libdeflate_zlib_compress(c, raw->data, raw->len,
					      out->data + out->len, bound);
	libdeflate_free_compressor(c);
	if (!len)
		return false;
	out->len += len;
	return true;
}

/* Page i's whole content (what libharu drew first, then ours) into its
 * stream, deflated now; as it is if libdeflate fails (libharu deflates it
 * at the save). */
static void S_finish_page(struct S_emit *e, size_t i)
{
	S_page_close(e);
	pdf_fonts_page(e->f, e->pages[i]);
	pdf_raw_page_pack(e->pages[i], &e->page, &e->packed);
	/* FNV-1a, twice with other starts, over what the pages draw, as
	 * deflated (a quarter of the bytes: over the content itself this
	 * byte-at-a-time hash was 3 % of a build): an /ID that two builds
	 * of the same report share */
	for (size_t k = 0; k < e->packed.len; k++)
		for (int h = 0; h < 2; h++) {
			e->id[h] ^= (unsigned char)e->packed.data[k];
			e->id[h] *= 0x100000001b3ULL;
		}
	buf_clear(&e->page);
}

static void S_links(struct S_emit *e)
{
	for (size_t i = 0; i < e->goto_count; i++) {
		struct S_goto *g = &e->gotos[i];
		struct pdf_anchor *a = g->note ? &e->note[g->ref] : &e->head[g->ref];
		if (g->note && (g->ref <= 0 ||
				(size_t)g->ref > e->pg->note_total))
			continue;
		if (!g->note && (size_t)g->ref >= e->info->heading_count)
			continue;
		if (a->page < 0)
			continue;
		HPDF_Destination dst =
			HPDF_Page_CreateDestination(e->pages[a->page]);
		HPDF_Destination_SetFitH(dst, (HPDF_REAL)(a->y + 12));
		HPDF_Annotation an =
			HPDF_Page_CreateLinkAnnot(e->pages[g->page], g->rect,
						  dst);
		if (!an)
			continue;
		HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
		pdf_raw_set(an, "F", "4"); /* printed */
		/* what it leads to, for /Contents: the heading, or the
		 * note's number */
		const char *to = NULL;
		if (!g->note) {
			to = e->info->headings[g->ref].plain;
		} else {
			static const char *const names[] = {"n"};
			const char *num = arena_printf(e->pg->a, "%d", g->ref);
			to = e->info->note_ref
				     ? words_fill(e->pg->a, e->info->note_ref,
						  names, &num, 1)
				     : num;
		}
		if (e->info->tags)
			pdf_tag_annot(e->info->tags, g->elem,
				      (uint32_t)g->page, an, to);
	}
}

static void S_labels(struct S_emit *e)
{
	if (e->info->front_pages)
		HPDF_AddPageLabel(e->doc, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1,
				  "");
	if (e->pg->count > e->info->front_pages)
		HPDF_AddPageLabel(e->doc, (HPDF_UINT)e->info->front_pages,
				  HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");
}

bool pdf_emit(HPDF_Doc doc, struct pdf_fonts *f, const struct pdf_pages *pg,
	      const struct pdf_emit_info *info)
{
	struct S_emit e = {.doc = doc, .f = f, .pg = pg, .info = info,
			   .id = {0xcbf29ce484222325ULL,
				  0x84222325cbf29ce4ULL}};
	buf_init(&e.ops);
	buf_init(&e.page);
	buf_init(&e.spaced);
	pdf_para_init(&e.words);
	e.words_env = (struct pdf_inline_env){.fonts = f, .arena = pg->a,
					      .rtl = info->rtl};
	e.pages = xcalloc(pg->count, sizeof *e.pages);
	e.head = xcalloc(info->heading_count + 1, sizeof *e.head);
	e.note = xcalloc(pg->note_total + 1, sizeof *e.note);
	for (size_t i = 0; i < info->heading_count; i++)
		e.head[i].page = -1;
	for (size_t i = 0; i <= pg->note_total; i++)
		e.note[i].page = -1;
	bool ok = true;
	for (size_t i = 0; i < pg->count && ok; i++) {
		e.pages[i] = HPDF_AddPage(doc);
		ok = e.pages[i] &&
		     HPDF_Page_SetSize(e.pages[i], HPDF_PAGE_SIZE_A4,
				       pg->page[i].landscape
					       ? HPDF_PAGE_LANDSCAPE
					       : HPDF_PAGE_PORTRAIT) == HPDF_OK;
	}
	buf_init(&e.packed);
	for (size_t i = 0; i < pg->count && ok; i++) {
		const struct pdf_page *p = &pg->page[i];
		e.page_w = PDF_PAGE_W_OF(p->landscape);
		e.page_h = PDF_PAGE_H_OF(p->landscape);
		e.text_w = e.page_w - PDF_MARGIN_LEFT - PDF_MARGIN_RIGHT;
		for (size_t k = 0; k < p->body_count; k++)
			S_chunk(&e, (int)i, p->body[k].c, p->body[k].top);
		S_notes(&e, (int)i);
		if (p->kind == PDF_PAGE_BODY)
			(info->un_form ? S_un_header_footer
				       : S_header_footer)(&e, (int)i);
		else if (p->kind == PDF_PAGE_FRONT && !info->un_form)
			S_front_folio(&e, (int)i);
		S_finish_page(&e, i);
	}
	buf_free(&e.packed);
	if (ok) {
		S_links(&e);
		S_labels(&e);
		pdf_outline(doc, e.pages, info->headings, e.head,
			    info->heading_count);
	}
	if (ok && info->tags) {
		struct pdf_doc_meta meta = info->meta;
		for (int h = 0; h < 2; h++)
			for (int k = 0; k < 8; k++)
				meta.id[8 * h + k] =
					(unsigned char)(e.id[h] >> (8 * k));
		ok = pdf_tags_write(doc, info->tags, e.pages, pg->count,
				    &meta);
	}
	pdf_fonts_report(f);
	free(e.pages);
	free(e.head);
	free(e.note);
	free(e.gotos);
	buf_free(&e.ops);
	buf_free(&e.page);
	buf_free(&e.spaced);
	pdf_para_free(&e.words);
	return ok;
}
