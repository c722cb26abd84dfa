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

	/* "A" to "C", "é", and U+1F600 under the stand-in code D800 */
	struct pdf_cmap_entry e[] = {
		{0x41, 0x41}, {0x42, 0x42}, {0x43, 0x43},
		{0xE9, 0xE9}, {0xD800, 0x1F600},
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
	struct pdf_cmap_entry cross[] = {{0xFE, 0xFE}, {0xFF, 0xFF},
					 {0x100, 0x100}, {0x101, 0x101}};
	pdf_cmap_write(&b, cross, 4);
	CHECK(strstr(b.data, "<00FE> <00FF> <00FE>") != NULL);
	CHECK(strstr(b.data, "<0100> <0101> <0100>") != NULL);

	/* 250 single characters: blocks of 100, 100 and 50 */
	buf_clear(&b);
	struct pdf_cmap_entry *many = malloc(250 * sizeof *many);
	for (unsigned i = 0; i < 250; i++)
		many[i] = (struct pdf_cmap_entry){(uint16_t)(2 * i + 0x400),
						  2 * i + 0x400};
	pdf_cmap_write(&b, many, 250);
	CHECK(S_count(b.data, "100 beginbfchar") == 2);
	CHECK(S_count(b.data, "50 beginbfchar") == 1);
	CHECK(S_count(b.data, "endbfchar") == 3);
	CHECK(S_count(b.data, "bfrange") == 0);
	free(many);

	/* nothing drawn: a map with no entries, still well formed */
	buf_clear(&b);
	pdf_cmap_write(&b, NULL, 0);
	CHECK(strstr(b.data, "endcmap") != NULL);
	CHECK(S_count(b.data, "beginbf") == 0);

	buf_free(&b);
	return check_done("pdf_cmap");
}
