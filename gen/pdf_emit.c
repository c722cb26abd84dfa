/*
 * pdf_emit — the placed pages drawn with libharu: chunks, footnote areas,
 * running header and footer, links, page labels.
 *
 * Runs after layout, when every page exists, so a link may point forward
 * (table of contents) and a page number is known before it is printed.
 * Takes the document, the fonts and the pages; adds pages to the document
 * and keeps nothing.
 */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

struct S_goto {
	int page, ref;
	bool note;
	HPDF_Rect rect;
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
	struct buf scratch;
	int cur_face;
	float cur_size;
	int cur_color;
};

static const float S_rgb[PDF_COLOR_COUNT][3] = {
	[PDF_BLACK] = {0, 0, 0},          [PDF_LINK] = {0.05f, 0.22f, 0.55f},
	[PDF_GREY] = {0.35f, 0.35f, 0.35f}, [PDF_RULE] = {0.55f, 0.55f, 0.55f},
	[PDF_SHADE] = {0.90f, 0.92f, 0.95f}, [PDF_CODEBG] = {0.95f, 0.95f, 0.95f},
	[PDF_ACCENT] = {0.0f, 0.36f, 0.62f}, [PDF_WHITE] = {1, 1, 1},
};

static void S_fill(HPDF_Page p, int color)
{
	HPDF_Page_SetRGBFill(p, S_rgb[color][0], S_rgb[color][1],
			     S_rgb[color][2]);
}

static void S_text(struct S_emit *e, HPDF_Page p, const struct pdf_draw *d,
		   double x, double y)
{
	if (d->face != e->cur_face || d->size != e->cur_size) {
		HPDF_Page_SetFontAndSize(p, e->f->font[d->face], d->size);
		e->cur_face = d->face;
		e->cur_size = d->size;
	}
	if (d->color != e->cur_color) {
		S_fill(p, d->color);
		e->cur_color = d->color;
	}
	buf_clear(&e->scratch);
	buf_put(&e->scratch, d->s, d->len);
	/* absolute: TextOut's relative moves go wrong after ShowText */
	HPDF_Page_SetTextMatrix(p, 1, 0, 0, 1, (HPDF_REAL)x, (HPDF_REAL)y);
	HPDF_Page_ShowText(p, e->scratch.data);
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

static void S_graphic(HPDF_Page p, const struct pdf_draw *d,
		      double top)
{
	double y = top - d->y;
	HPDF_REAL rgb[3];
	S_colour_of(d, rgb);
	switch (d->kind) {
	case PDF_DRAW_RECT:
		HPDF_Page_SetRGBFill(p, rgb[0], rgb[1], rgb[2]);
		HPDF_Page_Rectangle(p, d->x, (HPDF_REAL)(y - d->h), d->w, d->h);
		HPDF_Page_Fill(p);
		break;
	case PDF_DRAW_DOT:
		HPDF_Page_SetRGBFill(p, rgb[0], rgb[1], rgb[2]);
		HPDF_Page_Circle(p, d->x, (HPDF_REAL)y, d->w);
		HPDF_Page_Fill(p);
		break;
	case PDF_DRAW_LINE:
		HPDF_Page_SetRGBStroke(p, rgb[0], rgb[1], rgb[2]);
		HPDF_Page_SetLineWidth(p, d->size);
		/* chart lines are drawn segment by segment: round ends
		 * close the joins */
		if (d->color == PDF_RGB)
			HPDF_Page_SetLineCap(p, HPDF_ROUND_END);
		HPDF_Page_MoveTo(p, d->x, (HPDF_REAL)y);
		HPDF_Page_LineTo(p, d->x + d->w, (HPDF_REAL)(y - d->h));
		HPDF_Page_Stroke(p);
		if (d->color == PDF_RGB)
			HPDF_Page_SetLineCap(p, HPDF_BUTT_END);
		break;
	case PDF_DRAW_IMAGE:
		HPDF_Page_DrawImage(p, d->image, d->x, (HPDF_REAL)(y - d->h),
				    d->w, d->h);
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
	HPDF_Rect r = {d->x, (HPDF_REAL)(top - d->y - d->h), d->x + d->w,
		       (HPDF_REAL)(top - d->y)};
	e->gotos[e->goto_count++] = (struct S_goto){page, d->ref, note, r};
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
	S_text(e, p, &t, d->x - w, top - d->y);
}

/* Links, anchors and text: what is not a plain graphic. */
static void S_marks(struct S_emit *e, int page, const struct pdf_draw *d,
		    double top)
{
	HPDF_Page p = e->pages[page];
	HPDF_Rect r = {d->x, (HPDF_REAL)(top - d->y - d->h), d->x + d->w,
		       (HPDF_REAL)(top - d->y)};
	HPDF_Annotation a;
	switch (d->kind) {
	case PDF_DRAW_URI:
		a = HPDF_Page_CreateURILinkAnnot(p, r, d->s);
		if (a)
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
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

static void S_chunk(struct S_emit *e, int page, const struct pdf_chunk *c,
		    double top)
{
	HPDF_Page p = e->pages[page];
	for (size_t i = 0; i < c->n; i++)
		S_graphic(p, &c->d[i], top);
	for (size_t i = 0; i < c->n; i++)
		S_marks(e, page, &c->d[i], top);
	bool text = false;
	for (size_t i = 0; i < c->n; i++) {
		const struct pdf_draw *d = &c->d[i];
		if (d->kind != PDF_DRAW_TEXT && d->kind != PDF_DRAW_PAGEREF)
			continue;
		if (!text) {
			HPDF_Page_BeginText(p);
			e->cur_face = -1;
			e->cur_color = -1;
			text = true;
		}
		if (d->kind == PDF_DRAW_TEXT)
			S_text(e, p, d, d->x, top - d->y);
		else
			S_pageref(e, p, d, top);
	}
	if (text)
		HPDF_Page_EndText(p);
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
	HPDF_Page p = e->pages[page];
	HPDF_Page_SetRGBStroke(p, 0, 0, 0);
	HPDF_Page_SetLineWidth(p, 0.5);
	HPDF_Page_MoveTo(p, PDF_MARGIN_LEFT, (HPDF_REAL)(top + 7));
	HPDF_Page_LineTo(p, PDF_MARGIN_LEFT + 90, (HPDF_REAL)(top + 7));
	HPDF_Page_Stroke(p);
	for (size_t i = 0; i < pp->note_count; i++) {
		S_chunk(e, page, pp->notes[i], top);
		top -= pp->notes[i]->h;
	}
}

/* Text cut with an ellipsis to fit width. */
static void S_fitted(struct S_emit *e, const char *s, enum pdf_face face,
		     double size, double width, struct buf *out)
{
	buf_clear(out);
	buf_puts(out, s);
	double ell = pdf_fonts_width(e->f, face, size, "\u2026", 3);
	if (pdf_fonts_width(e->f, face, size, out->data, out->len) <= width)
		return;
	while (out->len &&
	       pdf_fonts_width(e->f, face, size, out->data, out->len) + ell >
		       width) {
		do
			out->len--;
		while (out->len &&
		       ((unsigned char)out->data[out->len] & 0xC0) == 0x80);
	}
	out->data[out->len] = '\0';
	buf_puts(out, "\u2026");
}

static void S_line_text(struct S_emit *e, HPDF_Page p, enum pdf_face face,
			double size, double x, double y, const char *s)
{
	HPDF_Page_BeginText(p);
	HPDF_Page_SetFontAndSize(p, e->f->font[face], (HPDF_REAL)size);
	S_fill(p, PDF_GREY);
	HPDF_Page_SetTextMatrix(p, 1, 0, 0, 1, (HPDF_REAL)x, (HPDF_REAL)y);
	HPDF_Page_ShowText(p, s);
	HPDF_Page_EndText(p);
}

static void S_header_footer(struct S_emit *e, int page)
{
	HPDF_Page p = e->pages[page];
	double right = PDF_PAGE_W - PDF_MARGIN_RIGHT;
	double y = PDF_PAGE_H - PDF_MARGIN_TOP + 26;
	struct buf t;
	buf_init(&t);
	double sym_w = 0;
	if (e->info->symbol && *e->info->symbol) {
		sym_w = pdf_fonts_width(e->f, PDF_SANS_B, 9, e->info->symbol,
					strlen(e->info->symbol));
		S_line_text(e, p, PDF_SANS_B, 9, right - sym_w, y,
			    e->info->symbol);
	}
	if (e->info->title && *e->info->title) {
		S_fitted(e, e->info->title, PDF_SANS_I, 8,
			 PDF_TEXT_W - sym_w - 24, &t);
		S_line_text(e, p, PDF_SANS_I, 8, PDF_MARGIN_LEFT, y, t.data);
	}
	HPDF_Page_SetRGBStroke(p, 0, 0, 0);
	HPDF_Page_SetLineWidth(p, 0.4f);
	HPDF_Page_MoveTo(p, PDF_MARGIN_LEFT, (HPDF_REAL)(y - 6));
	HPDF_Page_LineTo(p, (HPDF_REAL)right, (HPDF_REAL)(y - 6));
	HPDF_Page_Stroke(p);
	buf_clear(&t);
	buf_printf(&t, "%d", page - (int)e->info->front_pages + 1);
	double w = pdf_fonts_width(e->f, PDF_SANS, 9, t.data, t.len);
	S_line_text(e, p, PDF_SANS, 9, PDF_MARGIN_LEFT + (PDF_TEXT_W - w) / 2,
		    PDF_MARGIN_BOTTOM - 34, t.data);
	buf_free(&t);
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
		if (an)
			HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
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
	struct S_emit e = {.doc = doc, .f = f, .pg = pg, .info = info};
	buf_init(&e.scratch);
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
				       HPDF_PAGE_PORTRAIT) == HPDF_OK;
	}
	for (size_t i = 0; i < pg->count && ok; i++) {
		const struct pdf_page *p = &pg->page[i];
		for (size_t k = 0; k < p->body_count; k++)
			S_chunk(&e, (int)i, p->body[k].c, p->body[k].top);
		S_notes(&e, (int)i);
		if (p->kind == PDF_PAGE_BODY)
			S_header_footer(&e, (int)i);
	}
	if (ok) {
		S_links(&e);
		S_labels(&e);
		pdf_outline(doc, e.pages, info->headings, e.head,
			    info->heading_count);
	}
	free(e.pages);
	free(e.head);
	free(e.note);
	free(e.gotos);
	buf_free(&e.scratch);
	return ok;
}
