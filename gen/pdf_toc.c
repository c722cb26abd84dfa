/*
 * pdf_toc — the table of contents (front matter pages with dotted leaders
 * and page numbers filled in when the pages are drawn) and the outline
 * (bookmarks) of all headings, plus the few fixed words of the layout in
 * each language.
 *
 * pdf_toc() takes the headings pdf.c collected and places its chunks on
 * pages of their own; pdf_outline() takes where each heading landed.
 */
#include "pdf_int.h"

#include <math.h>
#include <string.h>

#define S_NUM_W 36.0  /* the page number column */
#define S_DOT_PITCH 4.5

const char *pdf_word(const struct words *w, enum pdf_word which)
{
	static const char *const keys[] = {
		[PDF_WORD_CONTENTS] = "toc_title", [PDF_WORD_PAGE] = "toc_page"};
	return words_get(w, keys[which]);
}

static struct pdf_chunk *S_title(struct pdf_inline_env *env,
				 const struct words *words)
{
	struct pdf_list l = {0};
	const char *t = pdf_word(words, PDF_WORD_CONTENTS);
	const char *p = pdf_word(words, PDF_WORD_PAGE);
	enum pdf_face pf = pdf_env_face(env, PDF_SANS_I);
	double pw = pdf_fonts_width(env->fonts, pf, 8, p, strlen(p));
	pdf_list_add(&l, (struct pdf_draw){.kind = PDF_DRAW_TEXT,
					   .face = PDF_SANS_B,
					   .x = PDF_MARGIN_LEFT, .y = 16,
					   .size = 15, .s = t,
					   .len = (uint32_t)strlen(t)});
	/* the page numbers' column label: a cue to the eye, not part of the
	 * heading ("ContentsPage" read aloud) */
	pdf_list_add(&l, (struct pdf_draw){
		.kind = PDF_DRAW_TEXT, .face = pf, .color = PDF_GREY,
		.x = (float)(PDF_PAGE_W - PDF_MARGIN_RIGHT - pw), .y = 44,
		.size = 8, .s = p, .len = (uint32_t)strlen(p),
		.elem = PDF_TAG_ARTIFACT});
	struct pdf_chunk *c = pdf_list_chunk(&l, env->arena, 50, 0);
	pdf_list_free(&l);
	return c;
}

/* Where the text of the chunk's line ends. */
static double S_text_end(struct pdf_inline_env *env,
			 const struct pdf_chunk *c, double x)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct pdf_draw *d = &c->d[i];
		if (d->kind == PDF_DRAW_TEXT)
			x = fmax(x, d->x + pdf_fonts_width(env->fonts, d->face,
							   d->size, d->s,
							   d->len));
	}
	return x;
}

/* Leaders, page number and link on the entry's last line. */
static void S_finish_entry(struct pdf_inline_env *env, struct pdf_chunk *last,
			   size_t ref, double left, double top_h)
{
	double right = PDF_PAGE_W - PDF_MARGIN_RIGHT;
	double base = last->h * 0.5 + 10 * 0.36;
	/* the title's last word and its page number read apart ("Foreword
	 * 1", not "Foreword1") */
	for (size_t i = last->n; i-- > 0;)
		if (last->d[i].kind == PDF_DRAW_TEXT) {
			last->d[i].mark |= PDF_MARK_SPACE;
			break;
		}
	struct pdf_list l = {0};
	double x = ceil((S_text_end(env, last, left) + 6) / S_DOT_PITCH) *
		   S_DOT_PITCH;
	for (; x < right - S_NUM_W + 8; x += S_DOT_PITCH)
		pdf_list_add(&l, (struct pdf_draw){
			.kind = PDF_DRAW_TEXT, .face = PDF_SERIF,
			.color = PDF_GREY, .x = (float)x, .y = (float)base,
			.size = 9, .s = ".", .len = 1,
			.elem = PDF_TAG_ARTIFACT}); /* leaders, not text */
	/* the entry is one link: its text, its page number, its area */
	uint32_t link = ++env->links;
	pdf_list_add(&l, (struct pdf_draw){.kind = PDF_DRAW_PAGEREF,
					   .face = PDF_SERIF, .x = (float)right,
					   .y = (float)base, .size = 10,
					   .ref = (int)ref, .link = link});
	pdf_list_add(&l, (struct pdf_draw){
		.kind = PDF_DRAW_GOTO_HEAD, .x = (float)left,
		.y = (float)-(top_h - last->h), .w = (float)(right - left),
		.h = (float)top_h, .ref = (int)ref, .link = link});
	pdf_chunk_add_draws(last, env->arena, l.d, l.n);
	pdf_list_free(&l);
}

void pdf_toc(struct pdf_pages *pg, struct pdf_inline_env *env,
	     struct pdf_para *p, const struct pdf_heading *h, size_t count,
	     int depth, const struct words *words)
{
	pdf_pages_new_page(pg, PDF_PAGE_FRONT);
	struct pdf_chunk *title = S_title(env, words);
	pdf_tag_draws(&title, 1, pdf_tag_leaf(&pg->tags, "H1"), false);
	pdf_pages_group(pg, &title, 1);
	pdf_tag_open(&pg->tags, "TOC");
	env->no_notes = true;
	/* headings are not hyphenated in the text: nor are their entries */
	struct pdf_hyphen *hy = env->hyphen;
	env->hyphen = NULL;
	for (size_t i = 0; i < count; i++) {
		if (h[i].level > depth)
			continue;
		double left = PDF_MARGIN_LEFT + (h[i].level - 1) * 16.0;
		bool top = h[i].level == 1;
		pdf_para_reset(p, top ? PDF_SERIF_B : PDF_SERIF, 10, 13);
		pdf_para_inlines(p, env, h[i].node);
		pdf_para_finish(p);
		struct pdf_chunk **lines;
		double w = PDF_PAGE_W - PDF_MARGIN_RIGHT - S_NUM_W - left;
		size_t n = pdf_para_set(p, env, left, w, PDF_LEFT, &lines);
		if (!n)
			continue;
		lines[0]->space_before = top ? 7 : 2;
		for (size_t k = 0; k < n; k++)
			for (size_t j = 0; j < lines[k]->n; j++)
				if (lines[k]->d[j].kind == PDF_DRAW_TEXT)
					lines[k]->d[j].link = env->links + 1;
		S_finish_entry(env, lines[n - 1], i, left, 13.0 * n);
		pdf_tag_draws(lines, n, pdf_tag_leaf(&pg->tags, "TOCI"), false);
		pdf_pages_lines(pg, lines, n, false);
	}
	pdf_tag_close(&pg->tags);
	env->no_notes = false;
	env->hyphen = hy;
}

void pdf_outline(HPDF_Doc doc, HPDF_Page *pages, const struct pdf_heading *h,
		 const struct pdf_anchor *at, size_t count)
{
	HPDF_Outline open[7] = {0};
	HPDF_Encoder enc = HPDF_GetEncoder(doc, "UTF-8");
	for (size_t i = 0; i < count; i++) {
		if (at[i].page < 0)
			continue;
		int level = h[i].level < 1 ? 1 : h[i].level > 6 ? 6 : h[i].level;
		HPDF_Outline parent = NULL;
		for (int k = level - 1; k >= 1 && !parent; k--)
			parent = open[k];
		const char *title = h[i].plain && *h[i].plain ? h[i].plain : "-";
		/* Hardening (issue 7): libharu refuses strings over 65,535
		 * bytes (HPDF_STRING_OUT_OF_RANGE), and that failed the whole
		 * PDF for a heading of one 100,000-character word.  An
		 * outline entry is a line in a side panel: it is cut to 1,000
		 * bytes, at a character boundary. */
		char cut[1001];
		size_t len = strlen(title);
		if (len >= sizeof cut) {
			len = sizeof cut - 1;
			while (len && ((unsigned char)title[len] & 0xC0) == 0x80)
				len--;
			memcpy(cut, title, len);
			cut[len] = '\0';
			title = cut;
		}
		HPDF_Outline o = HPDF_CreateOutline(doc, parent, title, enc);
		if (!o)
			continue;
		HPDF_Destination dst = HPDF_Page_CreateDestination(
			pages[at[i].page]);
		if (dst) {
			HPDF_Destination_SetFitH(dst,
						 (HPDF_REAL)(at[i].y + 12));
			HPDF_Outline_SetDestination(o, dst);
		}
		HPDF_Outline_SetOpened(o, level == 1);
		open[level] = o;
		for (int k = level + 1; k <= 6; k++)
			open[k] = NULL;
	}
	if (count)
		HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
}
