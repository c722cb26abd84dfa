/* test_pdf_ttf — a face loaded through pdf_ttf_load maps every code point
 * to the glyph the font's own file gives it, and still embeds; a file
 * that is not there fails as libharu's loader does. */
#include <hpdf.h>
#include <hpdf_doc.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../gen/pdf_int.h"
#include "check.h"

static const char *const S_faces[] = {
	"noto/NotoSerif-Regular.ttf",    "noto/NotoSerif-BoldItalic.ttf",
	"noto/NotoSans-Bold.ttf",        "noto/NotoSans-Italic.ttf",
	"dejavu/DejaVuSansMono.ttf",     "dejavu/DejaVuSansMono-Oblique.ttf",
};

static HPDF_FontDef S_def(HPDF_Doc doc, const char *name)
{
	return name ? HPDF_Doc_FindFontDef(doc, name) : NULL;
}

static void test_same_glyphs(const char *file)
{
	char path[512];
	snprintf(path, sizeof path, "/usr/share/fonts/truetype/%s", file);
	HPDF_Doc a = HPDF_New(NULL, NULL), b = HPDF_New(NULL, NULL);
	HPDF_FontDef da = S_def(a, HPDF_LoadTTFontFromFile(a, path, HPDF_TRUE));
	HPDF_FontDef db = S_def(b, pdf_ttf_load(b, path));
	CHECK(da && db);
	size_t differ = 0, mapped = 0;
	for (unsigned c = 0; da && db && c < 0xFFFF; c++) {
		HPDF_UINT16 g = HPDF_TTFontDef_GetGlyphid(da, (HPDF_UINT16)c);
		differ += g != HPDF_TTFontDef_GetGlyphid(db, (HPDF_UINT16)c);
		mapped += g != 0;
	}
	CHECK(differ == 0);
	CHECK(mapped > 500);
	HPDF_Free(a);
	HPDF_Free(b);
}

static void test_embeds(void)
{
	char pdf[] = "/tmp/uprgen-ttf-XXXXXX";
	int fd = mkstemp(pdf);
	CHECK(fd >= 0);
	close(fd);
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	HPDF_UseUTFEncodings(doc);
	HPDF_SetCurrentEncoder(doc, "UTF-8");
	const char *name = pdf_ttf_load(
		doc, "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf");
	HPDF_Font font = name ? HPDF_GetFont(doc, name, "UTF-8") : NULL;
	HPDF_Page page = HPDF_AddPage(doc);
	CHECK(font && page);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, 12);
	HPDF_Page_TextOut(page, 50, 700, "Año «€» — “ñ”");
	HPDF_Page_EndText(page);
	CHECK(HPDF_SaveToFile(doc, pdf) == HPDF_OK);
	HPDF_Free(doc);
	char cmd[256];
	snprintf(cmd, sizeof cmd,
		 "pdffonts %s 2>/dev/null | grep -q 'HPDFAA+.* yes yes yes' && "
		 "pdftotext %s - 2>/dev/null | grep -q 'Año «€» — “ñ”'",
		 pdf, pdf);
	CHECK(system(cmd) == 0);
	unlink(pdf);
}

static void test_missing(void)
{
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	CHECK(pdf_ttf_load(doc, "/nonexistent/font.ttf") == NULL);
	HPDF_Free(doc);
}

int main(void)
{
	for (size_t i = 0; i < sizeof S_faces / sizeof *S_faces; i++)
		test_same_glyphs(S_faces[i]);
	test_embeds();
	test_missing();
	return check_done("pdf_ttf");
}
