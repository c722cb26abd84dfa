/*
 * pdf_cmap — the text of a ToUnicode CMap (PDF 32000-1 9.10.3): what each
 * two-byte code of a font stands for, so that readers extract, search and
 * read aloud the text that was drawn.
 *
 * pdf_font.c writes one for each font it embeds, listing only the codes
 * (glyph ids) a font drew: runs of codes that map to consecutive BMP
 * characters as `bfrange`, the rest (characters beyond the BMP, as UTF-16
 * surrogate pairs) and codes that stand for several characters (a
 * ligature, an Arabic letter with its marks) as `bfchar`.  Takes the
 * entries, appends to the caller's buffer; keeps nothing.
 */
#include "pdf_int.h"

#include <stdio.h>

/* A PDF allows at most 100 entries between a begin and an end. */
enum { S_BLOCK = 100 };

static void S_hex16(struct buf *out, unsigned v)
{
	buf_printf(out, "%04X", v & 0xFFFF);
}

/* The UTF-16BE of u, in hex. */
static void S_utf16_units(struct buf *out, uint32_t u)
{
	if (u >= 0x10000 && u <= 0x10FFFF) {
		u -= 0x10000;
		S_hex16(out, 0xD800 + (u >> 10));
		S_hex16(out, 0xDC00 + (u & 0x3FF));
	} else {
		S_hex16(out, u <= 0xFFFF ? u : 0xFFFD);
	}
}

/* What an entry reads as, in UTF-16BE between angle brackets. */
static void S_utf16(struct buf *out, const struct pdf_cmap_entry *e)
{
	buf_putc(out, '<');
	if (e->seq)
		for (uint32_t k = 0; k < e->n; k++)
			S_utf16_units(out, e->seq[k]);
	else
		S_utf16_units(out, e->uni);
	buf_putc(out, '>');
}

/* How many entries from e[i] make one bfrange: codes and characters both
 * consecutive, in the BMP, and the code's and the character's last byte
 * not overflowing (a bfrange may vary the last byte only). */
static size_t S_run(const struct pdf_cmap_entry *e, size_t n, size_t i)
{
	size_t k = 1;
	if (e[i].uni > 0xFFFF || e[i].seq)
		return 1;
	while (i + k < n && !e[i + k].seq && e[i + k].code == e[i].code + k &&
	       e[i + k].uni == e[i].uni + k && e[i + k].uni <= 0xFFFF &&
	       (e[i + k].code & 0xFF00) == (e[i].code & 0xFF00) &&
	       (e[i + k].uni & 0xFF00) == (e[i].uni & 0xFF00))
		k++;
	return k;
}

/* Writes the blocks of one kind: ranges (runs of two or more) or single
 * characters, at most S_BLOCK entries a block. */
static void S_blocks(struct buf *out, const struct pdf_cmap_entry *e,
		     size_t n, bool ranges)
{
	size_t total = 0;
	for (size_t i = 0; i < n;) {
		size_t k = S_run(e, n, i);
		total += (k > 1) == ranges;
		i += k;
	}
	const char *kind = ranges ? "bfrange" : "bfchar";
	size_t in_block = 0;
	for (size_t i = 0; i < n;) {
		size_t k = S_run(e, n, i);
		if ((k > 1) != ranges) {
			i += k;
			continue;
		}
		if (in_block == 0) {
			size_t left = total < S_BLOCK ? total : S_BLOCK;
			buf_printf(out, "%zu begin%s\n", left, kind);
		}
		buf_putc(out, '<');
		S_hex16(out, e[i].code);
		buf_putc(out, '>');
		if (ranges) {
			buf_puts(out, " <");
			S_hex16(out, e[i + k - 1].code);
			buf_putc(out, '>');
		}
		buf_putc(out, ' ');
		S_utf16(out, &e[i]);
		buf_putc(out, '\n');
		i += k;
		total--;
		if (++in_block == S_BLOCK || total == 0) {
			buf_printf(out, "end%s\n", kind);
			in_block = 0;
		}
	}
}

void pdf_cmap_write(struct buf *out, const struct pdf_cmap_entry *e,
		    size_t n)
{
	buf_puts(out,
		 "/CIDInit /ProcSet findresource begin\n"
		 "12 dict begin\n"
		 "begincmap\n"
		 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
		 "/Supplement 0 >> def\n"
		 "/CMapName /Adobe-Identity-UCS def\n"
		 "/CMapType 2 def\n"
		 "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	S_blocks(out, e, n, true);
	S_blocks(out, e, n, false);
	buf_puts(out, "endcmap\n"
		      "CMapName currentdict /CMap defineresource pop\n"
		      "end\n"
		      "end\n");
}
