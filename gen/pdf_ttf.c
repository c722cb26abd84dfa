/*
 * pdf_ttf — a face's TrueType file as libharu gets it: the same file with
 * its cmap rebuilt in few segments.
 *
 * Loading a face, libharu looks every one of the 65,536 code points up in
 * the font's (3,1) format 4 cmap by a linear search over its segments: a
 * Noto face has about 140, and that search was a quarter of a report's
 * time. The rebuilt cmap maps each code point to the same glyph, but
 * segments whose gaps are short are merged into one that lists its glyph
 * ids (zero in the gaps), which leaves a dozen or two; the glyph names go
 * too (S_rebuild).  The file is handed over as a memfd, so that only the
 * public loader is used and libharu can keep reading glyphs from it until
 * the document is saved.
 */
#define _GNU_SOURCE /* memfd_create */
#include "pdf_int.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum {
	S_CODES = 0xFFFF,           /* U+FFFF is the closing segment's */
	S_GAP = 128,                /* longest gap kept inside a segment */
	S_MAX_FONT = 64 << 20,
};

static unsigned S_u16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long S_u32(const unsigned char *p)
{
	return (unsigned long)S_u16(p) << 16 | S_u16(p + 2);
}

static void S_put16(struct buf *b, unsigned v)
{
	buf_putc(b, (char)(v >> 8 & 0xFF));
	buf_putc(b, (char)(v & 0xFF));
}

static void S_set32(unsigned char *p, unsigned long v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (24 - 8 * i));
}

/* The glyph of each code point below U+FFFF by one format 4 subtable (sub,
 * len bytes): the mapping libharu would look up. */
static bool S_read_format4(const unsigned char *sub, size_t len,
			   uint16_t *map)
{
	if (len < 14 || S_u16(sub) != 4)
		return false;
	size_t segs = S_u16(sub + 6) / 2;
	if (len < 16 + 8 * segs)
		return false;
	const unsigned char *end = sub + 14, *start = end + 2 * segs + 2;
	const unsigned char *delta = start + 2 * segs, *range = delta + 2 * segs;
	for (size_t i = 0; i < segs; i++) {
		unsigned lo = S_u16(start + 2 * i), hi = S_u16(end + 2 * i);
		unsigned d = S_u16(delta + 2 * i), ro = S_u16(range + 2 * i);
		for (unsigned c = lo; c <= hi && c < S_CODES; c++) {
			unsigned g = (c + d) & 0xFFFF;
			if (ro) {
				size_t at = (size_t)(range + 2 * i - sub) + ro +
					    2 * (size_t)(c - lo);
				g = at + 2 <= len ? S_u16(sub + at) : 0;
				g = g ? (g + d) & 0xFFFF : 0;
			}
			map[c] = (uint16_t)g;
		}
	}
	return true;
}

/* The (3,1) subtable of the cmap table at cmap (len bytes). */
static bool S_read_cmap(const unsigned char *cmap, size_t len, uint16_t *map)
{
	if (len < 4)
		return false;
	size_t n = S_u16(cmap + 2);
	for (size_t i = 0; i < n && 4 + 8 * i + 8 <= len; i++) {
		const unsigned char *rec = cmap + 4 + 8 * i;
		unsigned long off = S_u32(rec + 4);
		if (S_u16(rec) == 3 && S_u16(rec + 2) == 1 && off < len)
			return S_read_format4(cmap + off, len - off, map);
	}
	return false;
}

struct S_segment {
	unsigned lo, hi;
};

/* Runs of mapped code points, gaps up to S_GAP included; seg holds
 * S_CODES / 2 + 1. */
static size_t S_segments(const uint16_t *map, struct S_segment *seg)
{
	size_t n = 0;
	for (unsigned c = 0; c < S_CODES; c++) {
		if (!map[c])
			continue;
		if (n && c - seg[n - 1].hi <= S_GAP)
			seg[n - 1].hi = c;
		else
			seg[n++] = (struct S_segment){c, c};
	}
	return n;
}

/* A cmap table with a single (3,1) format 4 subtable: the segments, each
 * through glyphIdArray, then U+FFFF. */
static bool S_write_cmap(const uint16_t *map, struct buf *out)
{
	static const size_t max_segs = S_CODES / 2 + 2;
	struct S_segment *seg = xmalloc(max_segs * sizeof *seg);
	size_t n = S_segments(map, seg), ids = 0;
	seg[n++] = (struct S_segment){0xFFFF, 0xFFFF};
	for (size_t i = 0; i + 1 < n; i++)
		ids += seg[i].hi - seg[i].lo + 1;
	size_t len = 16 + 8 * n + 2 * ids;
	if (len > 0xFFFF) {
		free(seg);
		return false;
	}
	unsigned range = 1, shift = 0;
	while (range * 2 <= n)
		range *= 2, shift++;
	unsigned char head[] = {0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12};
	buf_put(out, (const char *)head, sizeof head);
	unsigned sub[] = {4, (unsigned)len, 0, (unsigned)(2 * n), 2 * range,
			  shift, (unsigned)(2 * n - 2 * range)};
	for (size_t i = 0; i < sizeof sub / sizeof *sub; i++)
		S_put16(out, sub[i]);
	for (size_t i = 0; i < n; i++)
		S_put16(out, seg[i].hi);
	S_put16(out, 0);
	for (size_t i = 0; i < n; i++)
		S_put16(out, seg[i].lo);
	for (size_t i = 0; i < n; i++)
		S_put16(out, i + 1 < n ? 0 : 1);
	for (size_t i = 0, at = 0; i < n; i++) {
		S_put16(out, i + 1 < n ? (unsigned)(2 * (n - i + at)) : 0);
		at += seg[i].hi - seg[i].lo + 1;
	}
	for (size_t i = 0; i + 1 < n; i++)
		for (unsigned c = seg[i].lo; c <= seg[i].hi; c++)
			S_put16(out, map[c]);
	free(seg);
	return true;
}

static unsigned long S_checksum(const unsigned char *p, size_t len)
{
	unsigned long sum = 0;
	for (size_t i = 0; i + 4 <= len; i += 4)
		sum = (sum + S_u32(p + i)) & 0xFFFFFFFFul;
	return sum;
}

/* Where the table tag is: its directory record's offset, its own offset
 * and length; false if it is missing or runs past the file. */
static bool S_table(const unsigned char *font, size_t len, const char *tag,
		    size_t *rec, size_t *off, size_t *tlen)
{
	size_t tables = len >= 12 ? S_u16(font + 4) : 0;
	for (size_t i = 0; i < tables && 12 + 16 * i + 16 <= len; i++) {
		const unsigned char *r = font + 12 + 16 * i;
		*rec = 12 + 16 * i;
		*off = S_u32(r + 8);
		*tlen = S_u32(r + 12);
		if (!memcmp(r, tag, 4))
			return *off <= len && *tlen <= len - *off;
	}
	return false;
}

/* Points the directory record at rec to the tlen bytes appended at at,
 * padded as tables are. */
static void S_point(struct buf *out, size_t rec, size_t at, size_t tlen)
{
	while (out->len % 4)
		buf_putc(out, 0);
	unsigned char *r = (unsigned char *)out->data + rec;
	S_set32(r + 4,
		S_checksum((unsigned char *)out->data + at, out->len - at));
	S_set32(r + 8, at);
	S_set32(r + 12, tlen);
}

/* The font (len bytes) with a new cmap, and a post table without glyph
 * names, appended after it and its directory pointing there; the old
 * tables stay, unreferenced.  libharu embeds post whole, and its names
 * (≈34 KB a Noto face) serve no PDF reader: text comes from ToUnicode. */
static bool S_rebuild(const unsigned char *font, size_t len, struct buf *out)
{
	size_t rec, off, tlen;
	if (!S_table(font, len, "cmap", &rec, &off, &tlen))
		return false;
	uint16_t *map = xcalloc(S_CODES, sizeof *map);
	bool ok = S_read_cmap(font + off, tlen, map);
	buf_put(out, (const char *)font, len);
	while (out->len % 4)
		buf_putc(out, 0);
	size_t at = out->len;
	ok = ok && S_write_cmap(map, out);
	free(map);
	if (!ok)
		return false;
	S_point(out, rec, at, out->len - at);
	if (S_table(font, len, "post", &rec, &off, &tlen) && tlen >= 32) {
		at = out->len;
		buf_put(out, (const char *)font + off, 32);
		S_set32((unsigned char *)out->data + at, 0x00030000ul);
		S_point(out, rec, at, 32);
	}
	return true;
}

/* The rebuilt font as a file libharu can open by name; -1 if it cannot be
 * made. */
static int S_memfd(const char *path)
{
	char *font = NULL;
	size_t len = 0;
	if (file_read_all(path, S_MAX_FONT, &font, &len))
		return -1;
	struct buf b;
	buf_init(&b);
	int fd = -1;
	if (S_rebuild((const unsigned char *)font, len, &b))
		fd = memfd_create("uprgen-font", MFD_CLOEXEC);
	if (fd >= 0 && write(fd, b.data, b.len) != (ssize_t)b.len) {
		close(fd);
		fd = -1;
	}
	buf_free(&b);
	free(font);
	return fd;
}

const char *pdf_ttf_load(HPDF_Doc doc, const char *path)
{
	int fd = S_memfd(path);
	char name[64];
	snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
	/* a failed load would leave libharu's error set: no /proc, no memfd */
	if (fd < 0 || access(name, R_OK)) {
		if (fd >= 0)
			close(fd);
		return HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
	}
	const char *font = HPDF_LoadTTFontFromFile(doc, name, HPDF_TRUE);
	close(fd); /* libharu's own descriptor keeps the file */
	return font;
}
