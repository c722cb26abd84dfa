/*
 * pdf_font — the twelve faces of a report (Noto Serif for text, Noto Sans
 * for headings, DejaVu Sans Mono for code; each regular, bold, italic,
 * bold italic), embedded as subset TrueType, and text measuring.
 *
 * Widths are sums of advance widths (libharu neither kerns nor shapes),
 * cached per face and code point: the line breaker measures every word,
 * and asking libharu each time costs more than the rest of the layout.
 * The cache is the caller's struct pdf_fonts, freed by pdf_fonts_free().
 */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

enum { S_BMP = 0x10000, S_UNKNOWN = 0xFFFF };

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
	for (int i = 0; i < PDF_FACE_COUNT; i++) {
		char path[4096];
		S_path(path, sizeof path, dir, (enum pdf_face)i);
		FILE *probe = fopen(path, "rb");
		const char *name = NULL;
		if (probe) {
			fclose(probe);
			name = HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
		}
		if (name)
			f->font[i] = HPDF_GetFont(doc, name, "UTF-8");
		if (!f->font[i]) {
			diag_error(d, (struct source_pos){0},
				   "cannot load the font %s", path);
			return false;
		}
		f->adv[i] = xmalloc(S_BMP * sizeof *f->adv[i]);
		memset(f->adv[i], 0xFF, S_BMP * sizeof *f->adv[i]);
	}
	return true;
}

void pdf_fonts_free(struct pdf_fonts *f)
{
	for (int i = 0; i < PDF_FACE_COUNT; i++)
		free(f->adv[i]);
	memset(f, 0, sizeof *f);
}

static unsigned S_advance(struct pdf_fonts *f, enum pdf_face face,
			  unsigned c)
{
	if (c >= S_BMP) /* libharu draws these as spaces */
		c = ' ';
	uint16_t *slot = &f->adv[face][c];
	if (*slot == S_UNKNOWN) {
		char u[4];
		size_t n = utf8_encode(c, u);
		HPDF_TextWidth tw = HPDF_Font_TextWidth(
			f->font[face], (const HPDF_BYTE *)u, (HPDF_UINT)n);
		*slot = tw.width < S_UNKNOWN ? (uint16_t)tw.width : 0;
	}
	return *slot;
}

double pdf_fonts_width(struct pdf_fonts *f, enum pdf_face face, double size,
		       const char *s, size_t len)
{
	unsigned long total = 0;
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned c = utf8_decode(s + i, len - i, &adv);
		total += S_advance(f, face, c);
		i += adv ? adv : 1;
	}
	return (double)total * size / 1000.0;
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
