/*
 * pdf_font — the twelve faces of a report (Noto Serif for text, Noto Sans
 * for headings, DejaVu Sans Mono for code; each regular, bold, italic,
 * bold italic), embedded as subset TrueType, and text measuring.
 *
 * Widths are sums of advance widths (libharu neither kerns nor shapes),
 * cached per face and code point: the line breaker measures every word,
 * and asking libharu each time costs more than the rest of the layout.
 * The cache is the caller's struct pdf_fonts, freed by pdf_fonts_free().
 *
 * A face is loaded into the document when it is first measured or drawn:
 * libharu maps all 65,536 code points through the font's cmap when it
 * loads one (≈7 ms a face, ≈1 ms through pdf_ttf_load), and writes every
 * face it loaded into the file, yet a report uses about half of the twelve.
 *
 * What a face cannot draw is never drawn as its empty box nor as a space
 * (issue 14): a character above U+FFFF (libharu has only the BMP) or with
 * no glyph in the face is drawn as U+FFFD, the replacement character
 * (pdf_inline.c warns about it where it knows the position); invisible
 * format characters (soft hyphen, zero-width and bidi controls) take no
 * room and are not drawn.
 */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

enum { S_BMP = 0x10000, S_UNKNOWN = 0xFFFF, S_REPLACEMENT = 0xFFFD };

static const char *const S_file[PDF_FACE_COUNT] = {
	"noto/NotoSerif-Regular.ttf", "noto/NotoSerif-Bold.ttf",
	"noto/NotoSerif-Italic.ttf", "noto/NotoSerif-BoldItalic.ttf",
	"noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf",
	"noto/NotoSans-Italic.ttf", "noto/NotoSans-BoldItalic.ttf",
	"dejavu/DejaVuSansMono.ttf", "dejavu/DejaVuSansMono-Bold.ttf",
	"dejavu/DejaVuSansMono-Oblique.ttf",
	"dejavu/DejaVuSansMono-BoldOblique.ttf",
};

/* With a font folder of the user's, the files sit side by side in it. */
static void S_path(char *out, size_t size, const char *dir, enum pdf_face f)
{
	if (!dir) {
		snprintf(out, size, "/usr/share/fonts/truetype/%s", S_file[f]);
		return;
	}
	const char *base = strchr(S_file[f], '/') + 1;
	snprintf(out, size, "%s/%s", dir, base);
}

bool pdf_fonts_load(struct pdf_fonts *f, HPDF_Doc doc, const char *dir,
		    struct diags *d)
{
	memset(f, 0, sizeof *f);
	f->doc = doc;
	f->dir = dir;
	f->d = d;
	/* a missing file is found now, not halfway through the layout */
	for (int i = 0; i < PDF_FACE_COUNT; i++) {
		char path[4096];
		S_path(path, sizeof path, dir, (enum pdf_face)i);
		FILE *probe = fopen(path, "rb");
		if (!probe) {
			diag_error(d, (struct source_pos){0},
				   "cannot load the font %s", path);
			return false;
		}
		fclose(probe);
	}
	return true;
}

void pdf_fonts_free(struct pdf_fonts *f)
{
	for (int i = 0; i < PDF_FACE_COUNT; i++) {
		free(f->adv[i]);
		free(f->missing[i]);
		free(f->used[i]);
		free(f->stand_in[i]);
		free(f->stand_in_hash[i]);
	}
	free(f->bad_text);
	memset(f, 0, sizeof *f);
}

/* A face that fails to load is reported once and measures 0 wide; the
 * render then fails (pdf_fonts.failed). */
static void S_load(struct pdf_fonts *f, enum pdf_face face)
{
	char path[4096];
	S_path(path, sizeof path, f->dir, face);
	const char *name = pdf_ttf_load(f->doc, path);
	if (name)
		f->font[face] = HPDF_GetFont(f->doc, name, "UTF-8");
	if (!f->font[face]) {
		diag_error(f->d, (struct source_pos){0},
			   "cannot load the font %s", path);
		f->failed = true;
	}
	f->adv[face] = xmalloc(S_BMP * sizeof *f->adv[face]);
	memset(f->adv[face], 0xFF, S_BMP * sizeof *f->adv[face]);
	f->missing[face] = xcalloc(S_BMP / 8, 1);
	f->used[face] = xcalloc(S_BMP / 8, 1);
}

HPDF_Font pdf_fonts_get(struct pdf_fonts *f, enum pdf_face face)
{
	if (!f->adv[face])
		S_load(f, face);
	return f->font[face];
}

bool pdf_fonts_invisible(unsigned c)
{
	return c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

static bool S_missing(const struct pdf_fonts *f, enum pdf_face face,
		      unsigned c)
{
	return f->missing[face][c >> 3] & (1u << (c & 7));
}

/* The advance of c the first time it is asked for: the slot of a face
 * that failed to load stays 0.  A character the face has no glyph for is
 * marked missing and measures as U+FFFD, which it is drawn as; an
 * invisible one measures 0. */
static unsigned S_measure(struct pdf_fonts *f, enum pdf_face face,
			  unsigned c)
{
	uint16_t *slot = &f->adv[face][c];
	if (!f->font[face] || pdf_fonts_invisible(c)) {
		*slot = 0;
		return 0;
	}
	if (c != S_REPLACEMENT && pdf_raw_font_glyph(f->font[face], c) == 0) {
		f->missing[face][c >> 3] |= (uint8_t)(1u << (c & 7));
		unsigned r = f->adv[face][S_REPLACEMENT];
		*slot = (uint16_t)(r != S_UNKNOWN
					   ? r
					   : S_measure(f, face, S_REPLACEMENT));
		return *slot;
	}
	char u[4];
	size_t n = utf8_encode(c, u);
	HPDF_TextWidth tw = HPDF_Font_TextWidth(f->font[face],
						(const HPDF_BYTE *)u,
						(HPDF_UINT)n);
	*slot = tw.width < S_UNKNOWN ? (uint16_t)tw.width : 0;
	return *slot;
}

/* The code point at s[*i] (ASCII without a call: most text is), moved
 * past. */
static unsigned S_next_raw(const char *s, size_t len, size_t *i)
{
	unsigned char b = (unsigned char)s[*i];
	if (b < 0x80) {
		(*i)++;
		return b;
	}
	size_t adv;
	unsigned c = utf8_decode(s + *i, len - *i, &adv);
	*i += adv ? adv : 1;
	return c;
}

/* The same, outside the BMP the replacement character. */
static unsigned S_next(const char *s, size_t len, size_t *i)
{
	unsigned c = S_next_raw(s, len, i);
	return c < S_BMP ? c : S_REPLACEMENT;
}

bool pdf_fonts_can_draw(struct pdf_fonts *f, enum pdf_face face, unsigned c)
{
	if (c >= S_BMP)
		return false;
	if (!f->adv[face])
		pdf_fonts_get(f, face);
	if (!f->font[face])
		return true; /* reported already: the face is missing */
	if (f->adv[face][c] == S_UNKNOWN)
		S_measure(f, face, c);
	return !S_missing(f, face, c);
}

static const uint16_t *S_advances(struct pdf_fonts *f, enum pdf_face face)
{
	if (!f->adv[face])
		S_load(f, face);
	return f->adv[face];
}

double pdf_fonts_width(struct pdf_fonts *f, enum pdf_face face, double size,
		       const char *s, size_t len)
{
	const uint16_t *adv = S_advances(f, face);
	unsigned long total = 0;
	for (size_t i = 0; i < len;) {
		unsigned c = S_next(s, len, &i);
		total += adv[c] != S_UNKNOWN ? adv[c] : S_measure(f, face, c);
	}
	return (double)total * size / 1000.0;
}

/* A byte of a literal string: the few that would end or change it are
 * escaped. */
static char *S_string_byte(char *o, unsigned char b)
{
	static const char esc[] = {['('] = '(', [')'] = ')', ['\\'] = '\\',
				   ['\r'] = 'r', ['\n'] = 'n'};
	if (b < sizeof esc && esc[b]) {
		*o++ = '\\';
		*o++ = esc[b];
	} else {
		*o++ = (char)b;
	}
	return o;
}

/* The code under which raw, drawn with U+FFFD's glyph, keeps its own
 * text: a slot of the face's stand-ins, found through an open-addressing
 * hash (a text of a million such characters must not search a list), or
 * U+FFFD itself once the slots are taken. */
static unsigned S_stand_in(struct pdf_fonts *f, enum pdf_face face,
			   unsigned raw)
{
	enum { SIZE = 2 * PDF_STAND_IN_MAX }; /* a power of two */
	if (!f->stand_in_hash[face]) {
		f->stand_in_hash[face] = xcalloc(SIZE, sizeof(uint32_t));
		f->stand_in[face] = xmalloc(PDF_STAND_IN_MAX *
					    sizeof(uint32_t));
	}
	uint32_t *h = f->stand_in_hash[face];
	for (unsigned i = (raw * 2654435761u) & (SIZE - 1);;
	     i = (i + 1) & (SIZE - 1)) {
		if (!h[i]) {
			uint32_t k = f->stand_in_count[face];
			if (k == PDF_STAND_IN_MAX)
				return S_REPLACEMENT;
			f->stand_in[face][k] = raw;
			f->stand_in_count[face] = k + 1;
			h[i] = k + 1;
			return PDF_STAND_IN + k;
		}
		if (f->stand_in[face][h[i] - 1] == raw)
			return PDF_STAND_IN + h[i] - 1;
	}
}

void pdf_fonts_encode(struct pdf_fonts *f, enum pdf_face face,
		      const char *s, size_t len, bool report,
		      struct buf *out)
{
	const uint16_t *adv = S_advances(f, face);
	/* a character takes a byte or more and gives two, escaped or not */
	buf_reserve(out, 4 * len + 2);
	char *o = out->data + out->len;
	*o++ = '(';
	for (size_t i = 0; i < len;) {
		unsigned raw = S_next_raw(s, len, &i);
		unsigned c = raw < S_BMP ? raw : S_REPLACEMENT;
		if (adv[c] == S_UNKNOWN) /* libharu embeds measured glyphs */
			S_measure(f, face, c);
		if (pdf_fonts_invisible(c))
			continue;
		if (raw >= S_BMP || S_missing(f, face, c)) {
			if (report && !f->bad_count++) {
				f->bad_first = raw;
				/* the message quotes its start only */
				size_t n = len < 400 ? len : 400;
				f->bad_text = xmalloc(n + 1);
				memcpy(f->bad_text, s, n);
				f->bad_text[n] = '\0';
			}
			c = raw == S_REPLACEMENT ? raw
						 : S_stand_in(f, face, raw);
		} else {
			f->used[face][c >> 3] |= (uint8_t)(1u << (c & 7));
		}
		o = S_string_byte(o, (unsigned char)(c >> 8));
		o = S_string_byte(o, (unsigned char)c);
	}
	*o++ = ')';
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
}

void pdf_fonts_report(struct pdf_fonts *f)
{
	if (!f->bad_count)
		return;
	struct arena a;
	arena_init(&a);
	diag_warning(f->d, (struct source_pos){0},
		     "U+%04X in \"%s\" cannot be drawn with the PDF's fonts; "
		     "the PDF shows U+FFFD for it and for %zu more such "
		     "characters drawn outside paragraphs, headings and table "
		     "cells (code blocks, charts, the title page, the running "
		     "header)",
		     f->bad_first, diag_quote(&a, f->bad_text),
		     f->bad_count - 1);
	arena_free(&a);
	f->bad_count = 0;
}

/* The entries of the face's ToUnicode map: every code drawn, the
 * stand-ins among them, by code. */
static size_t S_entries(const struct pdf_fonts *f, enum pdf_face face,
			struct pdf_cmap_entry **out)
{
	const uint8_t *used = f->used[face];
	size_t n = f->stand_in_count[face];
	for (unsigned c = 0; c < S_BMP; c += 8)
		for (unsigned b = used[c >> 3]; b; b &= b - 1)
			n++;
	struct pdf_cmap_entry *e = xmalloc((n ? n : 1) * sizeof *e);
	size_t k = 0;
	for (unsigned c = 0; c < S_BMP; c++) {
		if (c == PDF_STAND_IN)
			for (uint32_t i = 0; i < f->stand_in_count[face]; i++)
				e[k++] = (struct pdf_cmap_entry){
					(uint16_t)(PDF_STAND_IN + i),
					f->stand_in[face][i]};
		if (used[c >> 3] & (1u << (c & 7)))
			e[k++] = (struct pdf_cmap_entry){(uint16_t)c, c};
	}
	*out = e;
	return k;
}

/* The stand-ins' codes drawn with U+FFFD's glyph and width: its glyph id
 * in the CIDToGIDMap (a big-endian glyph id by code), its width added to
 * the descendant font's /W. */
static bool S_stand_ins(struct pdf_fonts *f, enum pdf_face face,
			struct buf *raw, struct buf *packed)
{
	HPDF_Font font = f->font[face];
	return pdf_raw_font_stand_ins(
		font, PDF_STAND_IN, f->stand_in_count[face],
		pdf_raw_font_glyph(font, S_REPLACEMENT),
		f->adv[face][S_REPLACEMENT], raw, packed);
}

/* The face's ToUnicode map, uprgen's own (pdf_cmap.c): libharu 2.3.0
 * points /ToUnicode at its encoding CMap, whose stream is rewritten and
 * its CMap keys dropped; a libharu that uses that CMap as the /Encoding
 * (as later ones do) keeps it, and gets a new stream beside it. */
static bool S_text_layer(struct pdf_fonts *f, enum pdf_face face,
			 struct buf *raw, struct buf *packed)
{
	HPDF_Font font = f->font[face];
	if (f->adv[face][S_REPLACEMENT] == S_UNKNOWN)
		S_measure(f, face, S_REPLACEMENT);
	if (!S_stand_ins(f, face, raw, packed))
		return false;
	struct pdf_cmap_entry *e;
	size_t n = S_entries(f, face, &e);
	struct buf cmap;
	buf_init(&cmap);
	pdf_cmap_write(&cmap, e, n);
	free(e);
	bool ok = pdf_raw_font_tounicode(font, &cmap, raw, packed);
	buf_free(&cmap);
	return ok;
}

bool pdf_fonts_finish(struct pdf_fonts *f)
{
	struct buf raw, packed;
	buf_init(&raw);
	buf_init(&packed);
	bool ok = true;
	for (int i = 0; i < PDF_FACE_COUNT && ok; i++)
		if (f->font[i])
			ok = S_text_layer(f, (enum pdf_face)i, &raw,
					  &packed) &&
			     pdf_raw_font_descriptor(f->font[i], &raw,
						     &packed);
	buf_free(&raw);
	buf_free(&packed);
	return ok;
}

enum pdf_face pdf_face_with(enum pdf_face face, bool bold, bool italic)
{
	int family = face / 4 * 4;
	return (enum pdf_face)(family + (bold ? 1 : 0) + (italic ? 2 : 0));
}

bool pdf_face_is_bold(enum pdf_face face)
{
	return face % 4 == 1 || face % 4 == 3;
}

bool pdf_face_is_italic(enum pdf_face face)
{
	return face % 4 >= 2;
}
