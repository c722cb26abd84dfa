/*
 * test_pdf_cmap — the ToUnicode CMaps uprgen writes (pdf_cmap.c): runs
 * as bfrange within a last byte, singles and characters beyond the BMP as
 * bfchar (UTF-16 surrogate pairs), at most 100 entries a block.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pdf_int.h"

/* How many times needle occurs in hay. */
static size_t S_count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

int main(void)
{
	struct buf b;
	buf_init(&b);

	/* "A" to "C", "é", and U+1F600 under code D800 */
	struct pdf_cmap_entry e[] = {
		{0x41, 0x41, NULL, 1}, {0x42, 0x42, NULL, 1},
		{0x43, 0x43, NULL, 1}, {0xE9, 0xE9, NULL, 1},
		{0xD800, 0x1F600, NULL, 1},
	};
	pdf_cmap_write(&b, e, 5);
	CHECK(strstr(b.data, "/CMapType 2 def") != NULL);
	CHECK(strstr(b.data, "1 begincodespacerange\n<0000> <FFFF>") != NULL);
	CHECK(strstr(b.data, "1 beginbfrange\n<0041> <0043> <0041>\n"
			     "endbfrange") != NULL);
	CHECK(strstr(b.data, "2 beginbfchar\n<00E9> <00E9>\n"
			     "<D800> <D83DDE00>\nendbfchar") != NULL);
	CHECK(strstr(b.data, "begincidrange") == NULL);

	/* a run across a last byte's end is two ranges */
	buf_clear(&b);
	struct pdf_cmap_entry cross[] = {{0xFE, 0xFE, NULL, 1},
					 {0xFF, 0xFF, NULL, 1},
					 {0x100, 0x100, NULL, 1},
					 {0x101, 0x101, NULL, 1}};
	pdf_cmap_write(&b, cross, 4);
	CHECK(strstr(b.data, "<00FE> <00FF> <00FE>") != NULL);
	CHECK(strstr(b.data, "<0100> <0101> <0100>") != NULL);

	/* 250 single characters: blocks of 100, 100 and 50 */
	buf_clear(&b);
	struct pdf_cmap_entry *many = malloc(250 * sizeof *many);
	for (unsigned i = 0; i < 250; i++)
		many[i] = (struct pdf_cmap_entry){(uint16_t)(2 * i + 0x400),
						  2 * i + 0x400, NULL, 1};
	pdf_cmap_write(&b, many, 250);
	CHECK(S_count(b.data, "100 beginbfchar") == 2);
	CHECK(S_count(b.data, "50 beginbfchar") == 1);
	CHECK(S_count(b.data, "endbfchar") == 3);
	CHECK(S_count(b.data, "bfrange") == 0);
	free(many);

	/* a glyph for several characters (a ligature, a letter and its
	 * marks): one bfchar of all, never part of a range; beyond the BMP
	 * as surrogates; a glyph for none (seq, n 0) */
	buf_clear(&b);
	static const uint32_t lig[] = {0x66, 0x69}, mark[] = {0x62F, 0x651},
			      astral[] = {0x1D465, 0x301};
	struct pdf_cmap_entry seq[] = {{0x10, 0x66, lig, 2},
				       {0x11, 0x67, NULL, 1},
				       {0x12, 0x62F, mark, 2},
				       {0x13, 0x1D465, astral, 2},
				       {0x14, 0, lig, 0}};
	pdf_cmap_write(&b, seq, 5);
	CHECK(strstr(b.data, "<0010> <00660069>") != NULL);
	CHECK(strstr(b.data, "<0011> <0067>") != NULL);
	CHECK(strstr(b.data, "<0012> <062F0651>") != NULL);
	CHECK(strstr(b.data, "<0013> <D835DC650301>") != NULL);
	/* a glyph whose text its neighbour carries: mapped, to nothing */
	CHECK(strstr(b.data, "<0014> <>") != NULL);
	CHECK(S_count(b.data, "bfrange") == 0);

	/* nothing drawn: a map with no entries, still well formed */
	buf_clear(&b);
	pdf_cmap_write(&b, NULL, 0);
	CHECK(strstr(b.data, "endcmap") != NULL);
	CHECK(S_count(b.data, "beginbf") == 0);

	buf_free(&b);
	return check_done("pdf_cmap");
}
