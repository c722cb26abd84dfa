/*
 * pdf_font — the fonts of a report: measuring text, showing it, and the
 * fonts embedded in the file, uprgen's own (libharu's font handling knew
 * neither shaping, nor CFF outlines, nor characters beyond U+FFFF).
 *
 * A report asks for one of twelve faces (enum pdf_face: Noto Serif for
 * text, Noto Sans for headings, DejaVu Sans Mono for code; each regular,
 * bold, italic, bold italic).  Each face is a chain of font files: its own
 * file first, then for Arabic Noto Naskh Arabic (Noto Sans Arabic beside
 * the sans and mono faces), for Han, Kana, Hangul and CJK punctuation
 * Noto Serif CJK SC (Noto Sans CJK SC), then fallbacks (DejaVu Sans, Noto
 * Sans Symbols and Symbols2, Noto Sans Math, Symbola for emoji).  Arabic
 * and CJK have no italic: the italic faces use the upright files.  A
 * character goes to the first file of the chain that has a glyph for it;
 * one that none has is drawn with U+FFFD's glyph of the face's own file,
 * and counted for the warning (pdf_inline.c warns where it knows the
 * position).  Only files that exist are used: the twelve are required
 * (pdf_fonts_load), the others optional.
 *
 * Widths: a text is cut into runs of one file.  Runs of characters that
 * need no shaping (Latin, Cyrillic, Greek, CJK) measure as the sum of
 * their glyphs' advance widths, cached by face and BMP code point (the
 * line breaker measures every word: the English report must not pay for
 * shaping); runs with Arabic, other complex scripts or combining marks
 * are shaped with HarfBuzz (script and direction from the text), and
 * measure what the shaped glyphs advance.  Shown text is the same
 * glyphs: a right-to-left run comes out of HarfBuzz in visual order and
 * is drawn so.
 *
 * In the file each font file used is a Type0 font with the Identity-H
 * encoding: a two-byte code is the glyph id (CIDToGIDMap /Identity for
 * TrueType; Noto CJK's CFF is CID-keyed with CID = glyph id), subset with
 * hb-subset keeping the glyph ids; TrueType as CIDFontType2 with FontFile2,
 * CFF as CIDFontType0 with FontFile3 /OpenType (the CFF outlines as they
 * are).  Its ToUnicode map gives each code the text it was drawn for: a
 * ligature the characters of its cluster, an Arabic contextual form its
 * letter.  When one glyph stands for different texts (U+FFFD's glyph for
 * each character no font has, a space and a no-break space) the later
 * ones get codes of their own above the font's glyph count, mapped to the
 * glyph by a CIDToGIDMap stream (TrueType; in a CFF font the first text
 * is kept).
 *
 * Files are loaded when a face's chain first reaches them; HarfBuzz maps
 * them (hb_blob_create_from_file), so the 20 MB CJK collection costs what
 * is read of it.  Subsetting happens once per file, at pdf_fonts_finish.
 * Everything is owned by struct pdf_fonts, freed by pdf_fonts_free().
 */
#include "pdf_int.h"
#include "pdf_raw.h"

#include <fribidi/fribidi.h>
#include <harfbuzz/hb-ot.h>
#include <harfbuzz/hb-subset.h>
#include <harfbuzz/hb.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
	S_BMP = 0x10000,
	S_UNKNOWN = 0xFFFF,   /* advance or glyph not looked up yet */
	S_REPLACEMENT = 0xFFFD,
	S_CODES = 0x10000,    /* two-byte codes */
	/* file_of[face][c]: the file index, with S_SHAPE set when c needs
	 * shaping; S_NONE no file has it; S_UNSET not resolved yet */
	S_SHAPE = 0x40, S_NONE = 0xFE, S_UNSET = 0xFF,
	S_POOL = 0x200000,    /* text[code] at or above: a pool entry */
};

/* The font files, by index. */
enum {
	S_LATIN = 0, /* the twelve faces' own, as enum pdf_face */
	S_NASKH = PDF_FACE_COUNT, S_NASKH_B, S_SANS_AR, S_SANS_AR_B,
	S_SERIF_CJK, S_SERIF_CJK_B, S_SANS_CJK, S_SANS_CJK_B,
	S_DEJAVU, S_DEJAVU_B, S_SYMBOLS, S_SYMBOLS_B, S_SYMBOLS2, S_MATH,
	S_SYMBOLA,
	S_FILE_COUNT
};

_Static_assert((int)S_FILE_COUNT <= (int)PDF_FONT_FILES, "room for every font file");
_Static_assert((int)S_FILE_COUNT < (int)S_SHAPE, "file index under the flag");

static const struct {
	const char *path; /* under /usr/share/fonts */
	unsigned index;   /* in a collection */
} S_files[S_FILE_COUNT] = {
	{"truetype/noto/NotoSerif-Regular.ttf", 0},
	{"truetype/noto/NotoSerif-Bold.ttf", 0},
	{"truetype/noto/NotoSerif-Italic.ttf", 0},
	{"truetype/noto/NotoSerif-BoldItalic.ttf", 0},
	{"truetype/noto/NotoSans-Regular.ttf", 0},
	{"truetype/noto/NotoSans-Bold.ttf", 0},
	{"truetype/noto/NotoSans-Italic.ttf", 0},
	{"truetype/noto/NotoSans-BoldItalic.ttf", 0},
	{"truetype/dejavu/DejaVuSansMono.ttf", 0},
	{"truetype/dejavu/DejaVuSansMono-Bold.ttf", 0},
	{"truetype/dejavu/DejaVuSansMono-Oblique.ttf", 0},
	{"truetype/dejavu/DejaVuSansMono-BoldOblique.ttf", 0},
	[S_NASKH] = {"truetype/noto/NotoNaskhArabic-Regular.ttf", 0},
	[S_NASKH_B] = {"truetype/noto/NotoNaskhArabic-Bold.ttf", 0},
	[S_SANS_AR] = {"truetype/noto/NotoSansArabic-Regular.ttf", 0},
	[S_SANS_AR_B] = {"truetype/noto/NotoSansArabic-Bold.ttf", 0},
	/* the collections' faces: JP, KR, SC, TC, HK */
	[S_SERIF_CJK] = {"opentype/noto/NotoSerifCJK-Regular.ttc", 2},
	[S_SERIF_CJK_B] = {"opentype/noto/NotoSerifCJK-Bold.ttc", 2},
	[S_SANS_CJK] = {"opentype/noto/NotoSansCJK-Regular.ttc", 2},
	[S_SANS_CJK_B] = {"opentype/noto/NotoSansCJK-Bold.ttc", 2},
	[S_DEJAVU] = {"truetype/dejavu/DejaVuSans.ttf", 0},
	[S_DEJAVU_B] = {"truetype/dejavu/DejaVuSans-Bold.ttf", 0},
	[S_SYMBOLS] = {"truetype/noto/NotoSansSymbols-Regular.ttf", 0},
	[S_SYMBOLS_B] = {"truetype/noto/NotoSansSymbols-Bold.ttf", 0},
	[S_SYMBOLS2] = {"truetype/noto/NotoSansSymbols2-Regular.ttf", 0},
	[S_MATH] = {"truetype/noto/NotoSansMath-Regular.ttf", 0},
	[S_SYMBOLA] = {"truetype/ancient-scripts/Symbola_hint.ttf", 0},
};

struct pdf_shape_cache;
static void S_cache_free(struct pdf_shape_cache *c);

/* One font file loaded. */
struct pdf_font_file {
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *font;
	bool cff;
	unsigned upem, glyphs;
	uint16_t *gid; /* by BMP code point: 0 none, S_UNKNOWN not asked */
	/* by code: what it reads as; 0 unused, c + 1 the one character c,
	 * S_POOL + i the characters pool[i + 1 ..] (pool[i] of them) */
	uint32_t *text;
	uint32_t *pool;
	size_t pool_len, pool_cap;
	/* codes from glyphs on: a glyph drawn for another text; their
	 * glyphs, and a hash of them by glyph and text (0 empty, else the
	 * code + 1) */
	uint16_t *extra_gid;
	uint32_t extra_count;
	uint32_t *extra_hash;
	uint32_t obj; /* its Type0 font object; 0 not made yet */
	bool used;
};

/* ---- loading ---- */

static void S_path(char *out, size_t size, const char *dir, int file)
{
	if (dir) {
		const char *base = strrchr(S_files[file].path, '/') + 1;
		snprintf(out, size, "%s/%s", dir, base);
		if (file < PDF_FACE_COUNT)
			return;
		FILE *probe = fopen(out, "rb");
		if (probe) {
			fclose(probe);
			return;
		}
	}
	snprintf(out, size, "/usr/share/fonts/%s", S_files[file].path);
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
		S_path(path, sizeof path, dir, i);
		FILE *probe = fopen(path, "rb");
		if (!probe) {
			diag_error(d, (struct source_pos){0},
				   "cannot load the font %s", path);
			return false;
		}
		fclose(probe);
	}
	f->shaper = hb_buffer_create();
	return true;
}

static void S_file_free(struct pdf_font_file *ff)
{
	hb_font_destroy(ff->font);
	hb_face_destroy(ff->face);
	hb_blob_destroy(ff->blob);
	free(ff->gid);
	free(ff->text);
	free(ff->pool);
	free(ff->extra_gid);
	free(ff->extra_hash);
	free(ff);
}

void pdf_fonts_free(struct pdf_fonts *f)
{
	for (int i = 0; i < PDF_FONT_FILES; i++)
		if (f->file[i])
			S_file_free(f->file[i]);
	for (int i = 0; i < PDF_FACE_COUNT; i++) {
		free(f->adv[i]);
		free(f->file_of[i]);
	}
	hb_buffer_destroy(f->shaper);
	S_cache_free(f->cache);
	free(f->bad_text);
	memset(f, 0, sizeof *f);
}

/* The file, loaded if it is not yet; NULL if it is not there (a required
 * one is reported, and the render fails). */
static struct pdf_font_file *S_file(struct pdf_fonts *f, int i)
{
	if (f->file[i] || f->absent[i])
		return f->file[i];
	char path[4096];
	S_path(path, sizeof path, f->dir, i);
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	hb_face_t *face = blob ? hb_face_create(blob, S_files[i].index)
			       : NULL;
	unsigned glyphs = face ? hb_face_get_glyph_count(face) : 0;
	if (!glyphs || glyphs > S_CODES) {
		hb_face_destroy(face);
		hb_blob_destroy(blob);
		f->absent[i] = true;
		if (i < PDF_FACE_COUNT) {
			diag_error(f->d, (struct source_pos){0},
				   "cannot load the font %s", path);
			f->failed = true;
		}
		return NULL;
	}
	struct pdf_font_file *ff = xcalloc(1, sizeof *ff);
	ff->blob = blob;
	ff->face = face;
	ff->font = hb_font_create(face);
	ff->upem = hb_face_get_upem(face);
	ff->glyphs = glyphs;
	hb_blob_t *cff = hb_face_reference_table(face,
						 HB_TAG('C', 'F', 'F', ' '));
	ff->cff = hb_blob_get_length(cff) > 0;
	hb_blob_destroy(cff);
	ff->gid = xmalloc(S_BMP * sizeof *ff->gid);
	memset(ff->gid, 0xFF, S_BMP * sizeof *ff->gid);
	ff->text = xcalloc(S_CODES, sizeof *ff->text);
	f->file[i] = ff;
	return ff;
}

/* The glyph of c in the file, 0 none. */
static unsigned S_glyph(struct pdf_font_file *ff, unsigned c)
{
	if (c < S_BMP && ff->gid[c] != S_UNKNOWN)
		return ff->gid[c];
	hb_codepoint_t g = 0;
	if (!hb_font_get_nominal_glyph(ff->font, c, &g) || g >= S_UNKNOWN)
		g = 0;
	if (c < S_BMP)
		ff->gid[c] = (uint16_t)g;
	return g;
}

/* A glyph's advance in thousandths of an em, cut as the /W entry is. */
static unsigned S_advance(const struct pdf_font_file *ff, unsigned g)
{
	long a = hb_font_get_glyph_h_advance(ff->font, g);
	return a > 0 ? (unsigned)((unsigned long)a * 1000 / ff->upem) : 0;
}

/* ---- which file draws a character ---- */

static bool S_arabic(unsigned c)
{
	return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
	       (c >= 0x0870 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
	       (c >= 0xFE70 && c <= 0xFEFF);
}

static bool S_cjk(unsigned c)
{
	return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x2FDF) ||
	       (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F) ||
	       (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
	       (c >= 0x20000 && c <= 0x3FFFF);
}

/* Whether a run with c must be shaped: scripts whose letters change with
 * their neighbours (Hebrew to Myanmar, Arabic presentation forms) and
 * combining marks, which HarfBuzz places on their base. */
static bool S_needs_shaping(unsigned c)
{
	if (c < 0x300)
		return false;
	if ((c >= 0x0590 && c <= 0x109F) || S_arabic(c) ||
	    (c >= 0x1780 && c <= 0x18AF))
		return true;
	hb_unicode_general_category_t g = hb_unicode_general_category(
		hb_unicode_funcs_get_default(), c);
	return g == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
	       g == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
	       g == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
}

static bool S_bold(enum pdf_face face)
{
	return face % 4 == 1 || face % 4 == 3;
}

/* The chain of files of a face, in order; returns how many. */
static size_t S_chain(enum pdf_face face, unsigned c, int *out)
{
	size_t n = 0;
	bool b = S_bold(face), serif = face < PDF_SANS;
	out[n++] = (int)face;
	int ar = serif ? (b ? S_NASKH_B : S_NASKH)
		       : (b ? S_SANS_AR_B : S_SANS_AR);
	int cjk = serif ? (b ? S_SERIF_CJK_B : S_SERIF_CJK)
			: (b ? S_SANS_CJK_B : S_SANS_CJK);
	if (S_arabic(c))
		out[n++] = ar;
	if (S_cjk(c))
		out[n++] = cjk;
	out[n++] = b ? S_DEJAVU_B : S_DEJAVU;
	out[n++] = b ? S_SYMBOLS_B : S_SYMBOLS;
	out[n++] = S_SYMBOLS2;
	out[n++] = S_MATH;
	out[n++] = S_SYMBOLA;
	/* their many symbols, last */
	if (!S_arabic(c))
		out[n++] = ar;
	if (!S_cjk(c))
		out[n++] = cjk;
	return n;
}

/* The file that draws c in face (S_NONE: none), S_SHAPE set when it needs
 * shaping. */
static unsigned S_resolve(struct pdf_fonts *f, enum pdf_face face,
			  unsigned c)
{
	int chain[16];
	size_t n = S_chain(face, c, chain);
	for (size_t k = 0; k < n; k++) {
		struct pdf_font_file *ff = S_file(f, chain[k]);
		if (ff && S_glyph(ff, c))
			return (unsigned)chain[k] |
			       (S_needs_shaping(c) ? S_SHAPE : 0);
	}
	return S_NONE;
}

static void S_face_init(struct pdf_fonts *f, enum pdf_face face)
{
	f->adv[face] = xmalloc(S_BMP * sizeof *f->adv[face]);
	memset(f->adv[face], 0xFF, S_BMP * sizeof *f->adv[face]);
	f->file_of[face] = xmalloc(S_BMP);
	memset(f->file_of[face], S_UNSET, S_BMP);
	S_file(f, (int)face);
}

/* What file_of holds for c, resolved if it is not yet (beyond the BMP
 * every time). */
static unsigned S_file_of(struct pdf_fonts *f, enum pdf_face face,
			  unsigned c)
{
	if (!f->file_of[face])
		S_face_init(f, face);
	if (c >= S_BMP)
		return S_resolve(f, face, c);
	if (f->file_of[face][c] == S_UNSET)
		f->file_of[face][c] = (uint8_t)S_resolve(f, face, c);
	return f->file_of[face][c];
}

/* The advance of c drawn alone in face, in thousandths of an em: what no
 * file has measures as the face's U+FFFD, invisible characters 0. */
static unsigned S_measure(struct pdf_fonts *f, enum pdf_face face,
			  unsigned c)
{
	if (c < S_BMP && f->adv[face] && f->adv[face][c] != S_UNKNOWN)
		return f->adv[face][c];
	unsigned fo = S_file_of(f, face, c), a = 0;
	if (pdf_fonts_invisible(c)) {
		a = 0;
	} else if (fo == S_NONE) {
		struct pdf_font_file *ff = f->file[face];
		a = ff ? S_advance(ff, S_glyph(ff, S_REPLACEMENT)) : 0;
	} else {
		struct pdf_font_file *ff = f->file[fo & ~S_SHAPE];
		a = S_advance(ff, S_glyph(ff, c));
	}
	if (a >= S_UNKNOWN)
		a = S_UNKNOWN - 1;
	if (c < S_BMP)
		f->adv[face][c] = (uint16_t)a;
	return a;
}

bool pdf_fonts_can_draw(struct pdf_fonts *f, enum pdf_face face, unsigned c)
{
	if (!f->file[face] && f->absent[face])
		return true; /* reported already: the face is missing */
	return S_file_of(f, face, c) != S_NONE;
}

/* The code point at s[*i] (ASCII without a call: most text is), moved
 * past. */
static unsigned S_next(const char *s, size_t len, size_t *i)
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

/* ---- runs ---- */

/* A stretch of text drawn from one file: [start, end) of the text. */
struct S_run {
	int file;    /* -1: characters no file has (drawn as U+FFFD) */
	bool shape;
	size_t start, end;
};

/* The run at *i, moved past; false at the end.  Invisible characters go
 * with the run they are in; a combining mark stays with its base's file
 * when that file has it. */
static bool S_next_run(struct pdf_fonts *f, enum pdf_face face,
		       const char *s, size_t len, size_t *i, struct S_run *r)
{
	if (*i >= len)
		return false;
	r->start = *i;
	r->file = -2;
	r->shape = false;
	while (*i < len) {
		size_t at = *i;
		unsigned c = S_next(s, len, i);
		if (pdf_fonts_invisible(c))
			continue;
		unsigned fo = c < 0x80 && f->file_of[face] &&
					      f->file_of[face][c] != S_UNSET
				      ? f->file_of[face][c]
				      : S_file_of(f, face, c);
		int file = fo == S_NONE ? -1 : (int)(fo & ~S_SHAPE);
		bool shape = fo != S_NONE && (fo & S_SHAPE);
		if (shape && r->file >= 0 && file != r->file &&
		    S_glyph(f->file[r->file], c) &&
		    hb_unicode_general_category(hb_unicode_funcs_get_default(),
						c) ==
			    HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK)
			file = r->file;
		if (r->file == -2) {
			r->file = file;
		} else if (file != r->file) {
			*i = at;
			break;
		}
		r->shape |= shape;
	}
	if (r->file == -2)
		r->file = (int)face; /* invisible characters only */
	r->end = *i;
	return true;
}

/* A glyph of a shaped run, in font units. */
struct S_glyph {
	uint32_t gid, cluster; /* cluster: a byte offset in the run */
	int32_t adv, xoff, yoff;
};

/* A run shaped: its glyphs in visual order. */
struct S_shaped {
	const struct S_glyph *g;
	unsigned n;
	bool rtl;
};

/* Shaped words are kept (struct pdf_shape_cache): a word is measured,
 * then drawn, and most words of a report recur; shaping was two thirds of
 * an Arabic report's time.  Runs up to S_CACHE_TEXT bytes, up to
 * S_CACHE_MAX of them. */
enum { S_CACHE_TEXT = 128, S_CACHE_MAX = 1 << 17, S_CACHE_SLOTS = 1 << 18 };

struct S_cache_entry {
	uint64_t hash;
	uint32_t text, len;  /* in text pool */
	uint32_t glyph, n;   /* in glyph pool */
	uint8_t file;
	bool rtl;
};

struct pdf_shape_cache {
	uint32_t *slot; /* entry + 1, 0 empty */
	struct S_cache_entry *e;
	size_t count, cap;
	char *text;
	size_t text_len, text_cap;
	struct S_glyph *glyph;
	size_t glyph_len, glyph_cap;
	struct S_glyph *scratch; /* a run not kept */
	size_t scratch_cap;
};

static void S_cache_free(struct pdf_shape_cache *c)
{
	if (!c)
		return;
	free(c->slot);
	free(c->e);
	free(c->text);
	free(c->glyph);
	free(c->scratch);
	free(c);
}

static uint64_t S_hash(const char *s, size_t n, int file)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)file;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

/* The run shaped with HarfBuzz into glyphs at out (n of them, room made
 * by *cap growing). */
static struct S_shaped S_harfbuzz(struct pdf_fonts *f, const char *t,
				  size_t len, int file, struct S_glyph **out,
				  size_t *cap, size_t at)
{
	hb_buffer_t *b = f->shaper;
	hb_buffer_clear_contents(b);
	hb_buffer_set_cluster_level(
		b, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
	hb_buffer_set_flags(b, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);
	hb_buffer_add_utf8(b, t, (int)len, 0, (int)len);
	hb_buffer_guess_segment_properties(b);
	if (f->lang)
		hb_buffer_set_language(b, f->lang);
	hb_shape(f->file[file]->font, b, NULL, 0);
	unsigned n;
	hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(b, &n);
	hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(b, &n);
	if (at + n > *cap) {
		*cap = 2 * (at + n) + 64;
		*out = xrealloc(*out, *cap * sizeof **out);
	}
	struct S_glyph *g = *out + at;
	for (unsigned i = 0; i < n; i++)
		g[i] = (struct S_glyph){gi[i].codepoint, gi[i].cluster,
					gp[i].x_advance, gp[i].x_offset,
					gp[i].y_offset};
	return (struct S_shaped){
		g, n, HB_DIRECTION_IS_BACKWARD(hb_buffer_get_direction(b))};
}

/* The run shaped, from the cache or now; valid until the next call. */
static struct S_shaped S_shape(struct pdf_fonts *f, const char *s,
			       const struct S_run *r)
{
	const char *t = s + r->start;
	size_t len = r->end - r->start;
	if (!f->cache)
		f->cache = xcalloc(1, sizeof *f->cache);
	struct pdf_shape_cache *c = f->cache;
	if (len > S_CACHE_TEXT)
		return S_harfbuzz(f, t, len, r->file, &c->scratch,
				  &c->scratch_cap, 0);
	if (!c->slot)
		c->slot = xcalloc(S_CACHE_SLOTS, sizeof *c->slot);
	uint64_t h = S_hash(t, len, r->file);
	size_t i = (size_t)h & (S_CACHE_SLOTS - 1);
	for (; c->slot[i]; i = (i + 1) & (S_CACHE_SLOTS - 1)) {
		const struct S_cache_entry *e = &c->e[c->slot[i] - 1];
		if (e->hash == h && e->len == len && e->file == r->file &&
		    !memcmp(c->text + e->text, t, len))
			return (struct S_shaped){c->glyph + e->glyph, e->n,
						 e->rtl};
	}
	if (c->count == S_CACHE_MAX)
		return S_harfbuzz(f, t, len, r->file, &c->scratch,
				  &c->scratch_cap, 0);
	struct S_shaped sh = S_harfbuzz(f, t, len, r->file, &c->glyph,
					&c->glyph_cap, c->glyph_len);
	if (c->count == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 1024;
		c->e = xrealloc(c->e, c->cap * sizeof *c->e);
	}
	if (c->text_len + len > c->text_cap) {
		c->text_cap = 2 * (c->text_len + len) + 4096;
		c->text = xrealloc(c->text, c->text_cap);
	}
	memcpy(c->text + c->text_len, t, len);
	c->e[c->count] = (struct S_cache_entry){
		h, (uint32_t)c->text_len, (uint32_t)len,
		(uint32_t)c->glyph_len, sh.n, (uint8_t)r->file, sh.rtl};
	c->slot[i] = (uint32_t)++c->count;
	c->text_len += len;
	c->glyph_len += sh.n;
	return sh;
}

/* A run's width in points. */
static double S_run_width(struct pdf_fonts *f, enum pdf_face face,
			  double size, const char *s, const struct S_run *r)
{
	if (r->shape) {
		struct S_shaped sh = S_shape(f, s, r);
		long total = 0;
		for (unsigned k = 0; k < sh.n; k++)
			total += sh.g[k].adv;
		return (double)total * size / f->file[r->file]->upem;
	}
	unsigned long total = 0;
	for (size_t i = r->start; i < r->end;)
		total += S_measure(f, face, S_next(s, r->end, &i));
	return (double)total * size / 1000.0;
}

double pdf_fonts_width(struct pdf_fonts *f, enum pdf_face face, double size,
		       const char *s, size_t len)
{
	if (!f->adv[face])
		S_face_init(f, face);
	const uint16_t *adv = f->adv[face];
	const uint8_t *fo = f->file_of[face];
	unsigned long total = 0;
	/* the fast path: nothing to shape */
	for (size_t i = 0; i < len;) {
		unsigned c = S_next(s, len, &i);
		if (c >= S_BMP || fo[c] == S_UNSET)
			S_file_of(f, face, c);
		if (c >= S_BMP || (fo[c] != S_NONE && (fo[c] & S_SHAPE)))
			goto shaped;
		total += adv[c] != S_UNKNOWN ? adv[c] : S_measure(f, face, c);
	}
	return (double)total * size / 1000.0;
shaped:;
	double w = 0;
	struct S_run r;
	for (size_t i = 0; S_next_run(f, face, s, len, &i, &r);)
		w += S_run_width(f, face, size, s, &r);
	return w;
}

/* ---- codes and what they read as ---- */

static bool S_same_text(const struct pdf_font_file *ff, uint32_t t,
			const uint32_t *u, size_t n)
{
	if (t && t < S_POOL)
		return n == 1 && u[0] == t - 1;
	if (!t)
		return n == 0;
	const uint32_t *p = ff->pool + (t - S_POOL);
	return p[0] == n && !memcmp(p + 1, u, n * sizeof *u);
}

static uint32_t S_text_new(struct pdf_font_file *ff, const uint32_t *u,
			   size_t n)
{
	if (n == 1)
		return u[0] + 1;
	if (ff->pool_len + n + 1 > ff->pool_cap) {
		ff->pool_cap = 2 * (ff->pool_len + n + 1) + 256;
		ff->pool = xrealloc(ff->pool, ff->pool_cap * sizeof *ff->pool);
	}
	uint32_t t = (uint32_t)(S_POOL + ff->pool_len);
	ff->pool[ff->pool_len++] = (uint32_t)n;
	memcpy(ff->pool + ff->pool_len, u, n * sizeof *u);
	ff->pool_len += n;
	return t;
}

/* The code that draws glyph g and reads as u[0..n): the glyph id itself
 * the first time, or when drawn for the same text before; else a code of
 * its own (TrueType), found through a hash; when the two-byte code space
 * is full, the glyph id again (it reads as its first text). */
static unsigned S_code(struct pdf_font_file *ff, unsigned g,
		       const uint32_t *u, size_t n)
{
	ff->used = true;
	if (!ff->text[g]) {
		ff->text[g] = S_text_new(ff, u, n);
		return g;
	}
	if (ff->cff || S_same_text(ff, ff->text[g], u, n))
		return g;
	enum { SIZE = 2 * S_CODES };
	if (!ff->extra_hash) {
		ff->extra_hash = xcalloc(SIZE, sizeof *ff->extra_hash);
		ff->extra_gid = xmalloc(S_CODES * sizeof *ff->extra_gid);
	}
	uint32_t h = g * 2654435761u;
	for (size_t k = 0; k < n; k++)
		h = hash_value(h, u[k]);
	for (uint32_t i = h & (SIZE - 1);; i = (i + 1) & (SIZE - 1)) {
		uint32_t e = ff->extra_hash[i];
		if (!e) {
			uint32_t code = ff->glyphs + ff->extra_count;
			if (code >= S_CODES) /* full: the glyph's first text */
				return g;
			ff->extra_gid[ff->extra_count++] = (uint16_t)g;
			ff->text[code] = S_text_new(ff, u, n);
			ff->extra_hash[i] = code + 1;
			return code;
		}
		uint32_t code = e - 1;
		if (ff->extra_gid[code - ff->glyphs] == g &&
		    S_same_text(ff, ff->text[code], u, n))
			return code;
	}
}

/* ---- showing text ---- */

/* v written as PDF wants a number, to three decimals (snprintf's %f
 * was a seventh of an Arabic report). */
static void S_num(struct buf *b, double v)
{
	pdf_num(b, lround(v * 1000));
}

/* The bytes of a literal string that would end or change it, escaped
 * with a backslash and this letter. */
static const char S_esc[] = {['('] = '(', [')'] = ')', ['\\'] = '\\',
			     ['\r'] = 'r', ['\n'] = 'n'};

/* A byte of a literal string, escaped if it must be. */
static void S_string_byte(struct buf *o, unsigned char b)
{
	if (b < sizeof S_esc && S_esc[b]) {
		buf_putc(o, '\\');
		buf_putc(o, S_esc[b]);
	} else {
		buf_putc(o, (char)b);
	}
}

static void S_code_bytes(struct buf *o, unsigned code)
{
	S_string_byte(o, (unsigned char)(code >> 8));
	S_string_byte(o, (unsigned char)code);
}

/* The font of a run selected, if it is not already. */
static void S_select(struct pdf_fonts *f, int file, double size,
		     struct pdf_text_state *st, struct buf *o)
{
	if (st->file == file && st->size == (float)size)
		return;
	buf_puts(o, "/U");
	pdf_int(o, file);
	buf_putc(o, ' ');
	S_num(o, size);
	buf_puts(o, " Tf\n");
	st->file = file;
	st->size = (float)size;
	f->page_used |= 1u << file;
	struct pdf_font_file *ff = f->file[file];
	if (!ff->obj && !(ff->obj = pdf_raw_reserve(f->doc, 1)))
		f->failed = true;
}

static void S_bad(struct pdf_fonts *f, unsigned raw, const char *s,
		  size_t len, bool report)
{
	if (report && !f->bad_count++) {
		f->bad_first = raw;
		/* the message quotes its start only */
		size_t n = len < 400 ? len : 400;
		free(f->bad_text);
		f->bad_text = xmalloc(n + 1);
		memcpy(f->bad_text, s, n);
		f->bad_text[n] = '\0';
	}
}

/* A run of characters drawn each with its own glyph (or U+FFFD's);
 * mirrored (a run turned right to left): a bracket drawn with its
 * mirror's glyph, reading as itself as a shaped run's does (readers turn
 * a right-to-left stretch round and do not mirror it again: poppler,
 * pdf.js). */
static void S_show_plain(struct pdf_fonts *f, enum pdf_face face,
			 const char *s, size_t len, const struct S_run *r,
			 bool report, bool mirrored, struct buf *o)
{
	struct pdf_font_file *ff = f->file[r->file < 0 ? (int)face : r->file];
	/* the room for every character's code, its two bytes escaped, made
	 * once: the string is written straight into it (a fifth of the
	 * time to show a word went to checking the room byte by byte) */
	buf_reserve(o, 4 * (r->end - r->start) + 6);
	char *w = o->data + o->len;
	*w++ = '(';
	for (size_t i = r->start; i < r->end;) {
		unsigned c = S_next(s, r->end, &i);
		if (pdf_fonts_invisible(c))
			continue;
		unsigned g;
		if (r->file < 0) {
			S_bad(f, c, s, len, report);
			g = S_glyph(ff, S_REPLACEMENT);
		} else {
			FriBidiChar m;
			g = 0;
			if (mirrored && fribidi_get_mirror_char(c, &m))
				g = S_glyph(ff, m);
			if (!g)
				g = S_glyph(ff, c);
		}
		uint32_t u = c;
		/* drawn for this character before: S_code's answer, the
		 * glyph id, without the call */
		unsigned code = ff->text[g] == u + 1 ? g : S_code(ff, g, &u, 1);
		ff->used = true;
		for (int k = 8; k >= 0; k -= 8) {
			unsigned char b = (unsigned char)(code >> k);
			if (b < sizeof S_esc && S_esc[b]) {
				*w++ = '\\';
				*w++ = S_esc[b];
			} else {
				*w++ = (char)b;
			}
		}
	}
	memcpy(w, ") Tj\n", 5);
	o->len = (size_t)(w + 5 - o->data);
	o->data[o->len] = '\0';
}

/* What each glyph of the shaped run reads as, bytes [lo[i], hi[i]) of
 * the run (empty: nothing).  A glyph reads as its cluster; but a glyph
 * that takes no room (a mark, the alef of Noto Naskh's lam-alef) is drawn
 * where its neighbour is, and a text extractor ordering characters by
 * place may put it on the wrong side: such glyphs read as nothing and
 * their neighbour as the characters of both (the one before in a
 * left-to-right run, the one after, in visual order, in a right-to-left
 * one). */
static void S_cluster_text(const struct S_glyph *g, unsigned n, bool rtl,
			   uint32_t run_len, uint32_t *lo, uint32_t *hi)
{
	/* each glyph's cluster: from its value to where the next begins
	 * (clusters are monotone: HB_BUFFER_CLUSTER_LEVEL_MONOTONE_*) */
	if (rtl) {
		uint32_t end = run_len;
		for (unsigned i = 0; i < n; i++) {
			if (i && g[i - 1].cluster != g[i].cluster)
				end = g[i - 1].cluster;
			lo[i] = g[i].cluster;
			hi[i] = end;
		}
	} else {
		uint32_t end = run_len;
		for (unsigned i = n; i-- > 0;) {
			if (i + 1 < n && g[i + 1].cluster != g[i].cluster)
				end = g[i + 1].cluster;
			lo[i] = g[i].cluster;
			hi[i] = end;
		}
	}
	uint32_t prev_lo = UINT32_MAX;
	for (unsigned a = 0; a < n;) {
		unsigned b = a; /* the group is [a, b] */
		while (b + 1 < n && (rtl ? g[b].adv == 0
					 : g[b + 1].adv == 0))
			b++;
		uint32_t l = lo[a], h = hi[a];
		unsigned carrier = a;
		for (unsigned i = a; i <= b; i++) {
			l = lo[i] < l ? lo[i] : l;
			h = hi[i] > h ? hi[i] : h;
			if (g[i].adv && !g[carrier].adv)
				carrier = i;
		}
		for (unsigned i = a; i <= b; i++)
			lo[i] = hi[i] = 0;
		if (l != prev_lo) {
			lo[carrier] = l;
			hi[carrier] = h;
		}
		prev_lo = l;
		a = b + 1;
	}
}

/* A shaped run: its glyphs in the order HarfBuzz gives them (visual),
 * each with its text (S_cluster_text), placed as HarfBuzz places them
 * (a TJ array's adjustments; a mark raised or lowered with Ts). */
static void S_show_shaped(struct pdf_fonts *f, const char *s,
			  const struct S_run *r, double size, struct buf *o)
{
	struct pdf_font_file *ff = f->file[r->file];
	struct S_shaped sh = S_shape(f, s, r);
	const struct S_glyph *g = sh.g;
	unsigned n = sh.n;
	bool rtl = sh.rtl;
	uint32_t *lo = xmalloc(2 * (n ? n : 1) * sizeof *lo), *hi = lo + n;
	S_cluster_text(g, n, rtl, (uint32_t)(r->end - r->start), lo, hi);
	double k = 1000.0 / ff->upem;
	uint32_t u[64];
	double adjust = 0; /* thousandths to move right before the next */
	bool open = false;
	for (unsigned i = 0; i < n; i++) {
		if (!g[i].gid) {
			/* .notdef (a character the font lacks in a shaped
			 * run): not drawn (PDF/A), its room kept */
			adjust += g[i].adv * k;
			continue;
		}
		size_t nu = 0;
		for (size_t at = r->start + lo[i]; at < r->start + hi[i] &&
						   nu < 64;) {
			unsigned c = S_next(s, r->start + hi[i], &at);
			if (!pdf_fonts_invisible(c))
				u[nu++] = c;
		}
		/* in a right-to-left run, in visual order too: readers
		 * (poppler, pdf.js) take a line's characters from left to
		 * right and turn its right-to-left stretches round, the
		 * characters of one glyph with them */
		for (size_t a = 0; rtl && nu > 1 && a < nu / 2; a++) {
			uint32_t t = u[a];
			u[a] = u[nu - 1 - a];
			u[nu - 1 - a] = t;
		}
		unsigned code = S_code(ff, g[i].gid, u, nu);
		double w = S_advance(ff, g[i].gid);
		double xoff = g[i].xoff * k, yoff = g[i].yoff * k;
		adjust += xoff;
		if (yoff != 0) {
			if (open)
				buf_puts(o, ")] TJ\n");
			open = false;
			S_num(o, yoff * size / 1000);
			buf_puts(o, " Ts\n");
		}
		bool move = fabs(adjust) > 0.0005;
		if (!open) {
			buf_putc(o, '[');
			open = true;
			if (move)
				S_num(o, -adjust);
			buf_putc(o, '(');
		} else if (move) {
			buf_putc(o, ')');
			S_num(o, -adjust);
			buf_putc(o, '(');
		}
		S_code_bytes(o, code);
		adjust = g[i].adv * k - w - xoff;
		if (yoff != 0) {
			buf_puts(o, ")] TJ\n0 Ts\n");
			open = false;
		}
	}
	if (fabs(adjust) > 0.0005) {
		if (!open)
			buf_putc(o, '[');
		else
			buf_putc(o, ')');
		S_num(o, -adjust);
		buf_puts(o, "] TJ\n");
	} else if (open) {
		buf_puts(o, ")] TJ\n");
	}
	free(lo);
}

/* ---- the visual order of a string's runs ---- */

/* Whether s may hold right-to-left letters: a lead byte of U+0590–U+08FF
 * (Hebrew, Arabic, Syriac, Thaana, N'Ko…) or of the presentation forms
 * (U+FB1D–U+FEFF). */
static bool S_maybe_rtl(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)s[i];
		if ((b >= 0xD6 && b <= 0xDF) ||
		    (b == 0xE0 && i + 1 < len &&
		     (unsigned char)s[i + 1] >= 0xA0 &&
		     (unsigned char)s[i + 1] <= 0xA3) ||
		    (b == 0xEF && i + 1 < len &&
		     (unsigned char)s[i + 1] >= 0xAC &&
		     (unsigned char)s[i + 1] <= 0xBB))
			return true;
	}
	return false;
}

/* A run of one file and one bidirectional level. */
struct S_vrun {
	struct S_run r;
	FriBidiLevel level;
};

/* A run at an odd level that is not shaped (digits' neighbours,
 * punctuation, a bracket): its characters turned round, as they stand on
 * the page, into tmp (S_show_plain mirrors their glyphs); the run then
 * spans tmp. */
static void S_turn(const char *s, struct S_run *r, struct buf *tmp)
{
	buf_clear(tmp);
	size_t end = r->end;
	while (end > r->start) {
		size_t at = end - 1;
		while (at > r->start && ((unsigned char)s[at] & 0xC0) == 0x80)
			at--;
		size_t i = at;
		unsigned c = S_next(s, end, &i);
		char u[4];
		buf_put(tmp, u, utf8_encode(c, u));
		end = at;
	}
	r->start = 0;
	r->end = tmp->len;
}

/* pdf_fonts_show() for a string holding right-to-left letters: each
 * character's level, given (level >= 0: a run of one level, which its
 * paragraph's bidirectional algorithm gave it) or from the Unicode
 * bidirectional algorithm (FriBidi) over the string alone in the
 * document's direction; runs are cut where the level changes and drawn in
 * visual order (rule L2), a right-to-left run shaped right to left
 * (HarfBuzz mirrors its brackets) or turned round and mirrored.  Alone,
 * "العامل." keeps its full stop at its left, "آذار/مارس" reads from the
 * right, "و2" has its digit at the left. */
static void S_show_bidi(struct pdf_fonts *f, enum pdf_face face, double size,
			const char *s, size_t len, bool report, int level,
			struct pdf_text_state *st, struct buf *out)
{
	size_t cap = len + 1, n = 0;
	FriBidiChar *u = xmalloc(cap * sizeof *u);
	size_t *at = xmalloc(cap * sizeof *at);
	for (size_t i = 0; i < len;) {
		at[n] = i;
		u[n++] = S_next(s, len, &i);
	}
	FriBidiLevel *lev = xmalloc((n ? n : 1) * sizeof *lev);
	if (level >= 0) {
		memset(lev, level, (n ? n : 1) * sizeof *lev);
	} else {
		FriBidiCharType *types = xmalloc((n ? n : 1) * sizeof *types);
		FriBidiBracketType *brackets =
			xmalloc((n ? n : 1) * sizeof *brackets);
		fribidi_get_bidi_types(u, (FriBidiStrIndex)n, types);
		fribidi_get_bracket_types(u, (FriBidiStrIndex)n, types,
					  brackets);
		FriBidiParType dir = f->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
		if (!n || !fribidi_get_par_embedding_levels_ex(
				  types, brackets, (FriBidiStrIndex)n, &dir, lev))
			memset(lev, f->rtl ? 1 : 0, (n ? n : 1) * sizeof *lev);
		free(brackets);
		free(types);
	}
	/* the spaces a word is drawn with stay at its end, where the
	 * layout measured them (level 0: nothing turns them round) */
	size_t tail = len;
	while (tail > 0 && s[tail - 1] == ' ')
		tail--;
	/* the runs, cut where the level changes and where those spaces
	 * begin */
	struct S_vrun *v = NULL;
	size_t nv = 0, vcap = 0, k = 0;
	struct S_run r;
	for (size_t i = 0; S_next_run(f, face, s, len, &i, &r);) {
		while (k < n && at[k] < r.start)
			k++;
		size_t from = r.start;
		while (from < r.end) {
			size_t j = k;
			FriBidiLevel l = k < n ? lev[k] : 0;
			while (j < n && at[j] < r.end && lev[j] == l &&
			       (at[j] >= tail) == (at[k] >= tail))
				j++;
			size_t to = j < n && at[j] < r.end ? at[j] : r.end;
			if (nv == vcap)
				v = xrealloc(v, (vcap = 2 * vcap + 8) * sizeof *v);
			v[nv].r = r;
			v[nv].r.start = from;
			v[nv].r.end = to;
			v[nv++].level = l;
			from = to;
			k = j;
		}
	}
	for (size_t i = 0; i < nv; i++)
		if (v[i].r.start >= tail)
			v[i].level = 0;
	/* rule L2: from the highest level down to the lowest odd one, every
	 * stretch of runs at that level or higher turned round */
	FriBidiLevel hi = 0, lo_odd = UINT8_MAX;
	for (size_t i = 0; i < nv; i++) {
		if (v[i].level > hi)
			hi = v[i].level;
		if ((v[i].level & 1) && v[i].level < lo_odd)
			lo_odd = v[i].level;
	}
	for (int l = hi; l >= (int)lo_odd && l > 0; l--)
		for (size_t i = 0; i < nv;) {
			if (v[i].level < l) {
				i++;
				continue;
			}
			size_t e = i;
			while (e < nv && v[e].level >= l)
				e++;
			for (size_t a = i, b = e - 1; a < b; a++, b--) {
				struct S_vrun t = v[a];
				v[a] = v[b];
				v[b] = t;
			}
			i = e;
		}
	struct buf tmp;
	buf_init(&tmp);
	for (size_t i = 0; i < nv; i++) {
		struct S_run *x = &v[i].r;
		S_select(f, x->file < 0 ? (int)face : x->file, size, st, out);
		if (x->shape && x->file >= 0) {
			S_show_shaped(f, s, x, size, out);
		} else if (v[i].level & 1) {
			struct S_run t = *x;
			S_turn(s, &t, &tmp);
			S_show_plain(f, face, tmp.data, tmp.len, &t, report,
				     true, out);
		} else {
			S_show_plain(f, face, s, len, x, report, false, out);
		}
	}
	buf_free(&tmp);
	free(v);
	free(lev);
	free(at);
	free(u);
}

void pdf_fonts_show(struct pdf_fonts *f, enum pdf_face face, double size,
		    const char *s, size_t len, bool report, enum pdf_dir dir,
		    struct pdf_text_state *st, struct buf *out)
{
	if (!f->adv[face])
		S_face_init(f, face);
	if (!f->file[face])
		return;
	if (dir == PDF_DIR_RTL || dir == PDF_DIR_DOC) {
		S_show_bidi(f, face, size, s, len, report,
			    dir == PDF_DIR_RTL ? 1 : -1, st, out);
		return;
	}
	/* guessed only for a string with right-to-left letters: the
	 * neutrals at the edges of another (the "-" of "Marie-", the "«"
	 * of "«leave") take their direction from the line around them */
	if (dir == PDF_DIR_GUESS && S_maybe_rtl(s, len)) {
		S_show_bidi(f, face, size, s, len, report, -1, st, out);
		return;
	}
	struct S_run r;
	for (size_t i = 0; S_next_run(f, face, s, len, &i, &r);) {
		S_select(f, r.file < 0 ? (int)face : r.file, size, st, out);
		if (r.shape && r.file >= 0)
			S_show_shaped(f, s, &r, size, out);
		else
			S_show_plain(f, face, s, len, &r, report, false,
				     out);
	}
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

/* ---- the fonts in the file ---- */

void pdf_fonts_page(struct pdf_fonts *f, HPDF_Page page)
{
	for (int i = 0; i < S_FILE_COUNT; i++)
		if (f->page_used & (1u << i) && f->file[i] && f->file[i]->obj) {
			char name[8];
			snprintf(name, sizeof name, "U%d", i);
			if (!pdf_raw_resource(page, "Font", name,
					      f->file[i]->obj))
				f->failed = true;
		}
	f->page_used = 0;
}

static int16_t S_s16(const char *p)
{
	return (int16_t)((unsigned)(unsigned char)p[0] << 8 |
			 (unsigned char)p[1]);
}

/* The font's PostScript name as a PDF name may hold it, after a subset
 * tag: six capitals from a hash of the glyphs kept (PDF 32000-1 9.9.2). */
static void S_base_font(const struct pdf_font_file *ff, int file,
			struct buf *out)
{
	uint32_t h = HASH_START ^ (uint32_t)file;
	for (unsigned c = 0; c < S_CODES; c++)
		if (ff->text[c])
			h = hash_value(h, c);
	for (int k = 0; k < 6; k++, h /= 26)
		buf_putc(out, (char)('A' + h % 26));
	buf_putc(out, '+');
	char name[128];
	unsigned len = sizeof name;
	hb_ot_name_get_utf8(ff->face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
			    HB_LANGUAGE_INVALID, &len, name);
	size_t kept = 0;
	for (unsigned k = 0; k < len && name[k]; k++) {
		unsigned char b = (unsigned char)name[k];
		if (b > 0x20 && b < 0x7F && !strchr("()<>[]{}/%#", b)) {
			buf_putc(out, (char)b);
			kept++;
		}
	}
	if (!kept)
		buf_printf(out, "Font%d", file);
}

/* The font file: the glyphs drawn (and .notdef), their ids kept, without
 * hinting and the layout tables a PDF reader does not use. */
static hb_blob_t *S_subset(const struct pdf_font_file *ff)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		return NULL;
	hb_set_t *glyphs = hb_subset_input_glyph_set(in);
	hb_set_add(glyphs, 0);
	for (unsigned c = 0; c < ff->glyphs; c++)
		if (ff->text[c])
			hb_set_add(glyphs, c);
	for (uint32_t k = 0; k < ff->extra_count; k++)
		hb_set_add(glyphs, ff->extra_gid[k]);
	hb_set_clear(hb_subset_input_unicode_set(in));
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	static const char tags[][5] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF",
				       "MATH", "kern", "vhea", "vmtx", "VORG",
				       "DSIG", "hdmx", "LTSH", "VDMX", "gasp",
				       "meta", "STAT", "morx", "feat"};
	for (size_t k = 0; k < sizeof tags / sizeof *tags; k++)
		hb_set_add(drop, hb_tag_from_string(tags[k], 4));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS |
					      HB_SUBSET_FLAGS_NO_HINTING);
	hb_face_t *sub = hb_subset_or_fail(ff->face, in);
	hb_subset_input_destroy(in);
	if (!sub)
		return NULL;
	hb_blob_t *blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	return blob;
}

/* The entries of the file's ToUnicode map: every code with a text. */
static size_t S_entries(const struct pdf_font_file *ff,
			struct pdf_cmap_entry **out)
{
	size_t n = 0;
	for (unsigned c = 0; c < S_CODES; c++)
		n += ff->text[c] != 0;
	struct pdf_cmap_entry *e = xmalloc((n ? n : 1) * sizeof *e);
	size_t k = 0;
	for (unsigned c = 0; c < S_CODES; c++) {
		uint32_t t = ff->text[c];
		if (!t)
			continue;
		if (t < S_POOL) {
			e[k++] = (struct pdf_cmap_entry){(uint16_t)c, t - 1,
							 NULL, 1};
			continue;
		}
		/* a glyph whose text its neighbour carries reads as nothing
		 * (an empty string), but is mapped: every code drawn is */
		const uint32_t *p = ff->pool + (t - S_POOL);
		e[k++] = (struct pdf_cmap_entry){(uint16_t)c, p[0] ? p[1] : 0,
						 p + 1, p[0]};
	}
	*out = e;
	return k;
}

/* The /W array of every code with a text: runs of consecutive codes. */
static void S_widths(const struct pdf_font_file *ff, struct buf *o)
{
	buf_puts(o, "/W [");
	unsigned count = ff->glyphs + ff->extra_count;
	for (unsigned c = 0; c < count;) {
		if (!ff->text[c]) {
			c++;
			continue;
		}
		buf_printf(o, "%u [", c);
		for (; c < count && ff->text[c]; c++) {
			unsigned g = c < ff->glyphs ? c
						    : ff->extra_gid[c - ff->glyphs];
			buf_printf(o, "%u ", S_advance(ff, g));
		}
		o->data[o->len - 1] = ']';
		buf_putc(o, ' ');
	}
	buf_puts(o, "]\n");
}

/* The descriptor's metrics, in thousandths of an em, from the font's
 * head, OS/2 (through HarfBuzz) and post tables. */
static void S_metrics(const struct pdf_font_file *ff, int file,
		      struct buf *o)
{
	double k = 1000.0 / ff->upem;
	hb_position_t asc = 0, desc = 0, cap = 0, xh = 0;
	hb_ot_metrics_get_position_with_fallback(
		ff->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
	hb_ot_metrics_get_position_with_fallback(
		ff->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
	hb_ot_metrics_get_position_with_fallback(
		ff->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
	hb_ot_metrics_get_position_with_fallback(
		ff->font, HB_OT_METRICS_TAG_X_HEIGHT, &xh);
	int16_t box[4] = {0, (int16_t)desc, (int16_t)ff->upem, (int16_t)asc};
	hb_blob_t *head = hb_face_reference_table(ff->face,
						  HB_TAG('h', 'e', 'a', 'd'));
	unsigned len;
	const char *h = hb_blob_get_data(head, &len);
	if (h && len >= 44)
		for (int i = 0; i < 4; i++)
			box[i] = S_s16(h + 36 + 2 * i);
	hb_blob_destroy(head);
	double italic = 0;
	hb_blob_t *post = hb_face_reference_table(ff->face,
						  HB_TAG('p', 'o', 's', 't'));
	const char *p = hb_blob_get_data(post, &len);
	if (p && len >= 8)
		italic = S_s16(p + 4) +
			 ((unsigned)(unsigned char)p[6] << 8 |
			  (unsigned char)p[7]) / 65536.0;
	hb_blob_destroy(post);
	/* nonsymbolic (32); serif (2), fixed pitch (1), italic (64) */
	bool fixed = file >= PDF_MONO && file <= PDF_MONO_BI;
	bool serif = file < PDF_SANS || file == S_NASKH ||
		     file == S_NASKH_B || file == S_SERIF_CJK ||
		     file == S_SERIF_CJK_B;
	int flags = 32 | (fixed ? 1 : 0) | (serif ? 2 : 0) |
		    (italic != 0 ? 64 : 0);
	buf_printf(o, "/Flags %d /FontBBox [%ld %ld %ld %ld] /ItalicAngle %g "
		      "/Ascent %ld /Descent %ld /CapHeight %ld /XHeight %ld "
		      "/StemV %d\n",
		   flags, lround(box[0] * k), lround(box[1] * k),
		   lround(box[2] * k), lround(box[3] * k), italic,
		   lround(asc * k), lround(desc * k),
		   lround((cap ? cap : asc) * k), lround(xh * k),
		   S_bold((enum pdf_face)(file < PDF_FACE_COUNT ? file : 0)) ||
				   file == S_NASKH_B || file == S_SANS_AR_B ||
				   file == S_SERIF_CJK_B ||
				   file == S_SANS_CJK_B || file == S_DEJAVU_B ||
				   file == S_SYMBOLS_B
			   ? 140
			   : 80);
}

/* The objects of one font file used: its subset font program, the
 * descriptor, the CID font, the ToUnicode map and the Type0 font (the
 * number the pages refer to). */
static bool S_embed(struct pdf_fonts *f, int file, struct buf *o)
{
	struct pdf_font_file *ff = f->file[file];
	hb_blob_t *sub = S_subset(ff);
	if (!sub)
		return false;
	unsigned len;
	const char *data = hb_blob_get_data(sub, &len);
	buf_clear(o);
	if (ff->cff)
		buf_puts(o, "/Subtype /OpenType");
	else
		buf_printf(o, "/Length1 %u", len);
	uint32_t prog = pdf_raw_stream(f->doc, o->data, data, len, true);
	hb_blob_destroy(sub);
	struct buf name;
	buf_init(&name);
	S_base_font(ff, file, &name);
	buf_clear(o);
	buf_printf(o, "/Type /FontDescriptor /FontName /%s\n", name.data);
	S_metrics(ff, file, o);
	buf_printf(o, "/%s %u 0 R\n", ff->cff ? "FontFile3" : "FontFile2",
		   prog);
	uint32_t desc = prog ? pdf_raw_object(f->doc, o->data, o->len) : 0;
	uint32_t map = 0;
	if (ff->extra_count) {
		/* codes past the glyphs: a map of two-byte glyph ids */
		unsigned count = ff->glyphs + ff->extra_count;
		uint8_t *m = xmalloc(2 * (size_t)count);
		for (unsigned c = 0; c < count; c++) {
			unsigned g = c < ff->glyphs ? c
						    : ff->extra_gid[c - ff->glyphs];
			m[2 * c] = (uint8_t)(g >> 8);
			m[2 * c + 1] = (uint8_t)g;
		}
		map = pdf_raw_stream(f->doc, "", m, 2 * (size_t)count, true);
		free(m);
	}
	buf_clear(o);
	buf_printf(o, "/Type /Font /Subtype /%s /BaseFont /%s\n"
		      "/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) "
		      "/Supplement 0>>\n/FontDescriptor %u 0 R /DW 1000\n",
		   ff->cff ? "CIDFontType0" : "CIDFontType2", name.data, desc);
	if (!ff->cff) {
		if (map)
			buf_printf(o, "/CIDToGIDMap %u 0 R\n", map);
		else
			buf_puts(o, "/CIDToGIDMap /Identity\n");
	}
	S_widths(ff, o);
	uint32_t cid = desc ? pdf_raw_object(f->doc, o->data, o->len) : 0;
	struct pdf_cmap_entry *e;
	size_t n = S_entries(ff, &e);
	buf_clear(o);
	pdf_cmap_write(o, e, n);
	free(e);
	uint32_t tu = pdf_raw_stream(f->doc, "", o->data, o->len, true);
	buf_clear(o);
	buf_printf(o, "/Type /Font /Subtype /Type0 /BaseFont /%s\n"
		      "/Encoding /Identity-H /DescendantFonts [%u 0 R]\n"
		      "/ToUnicode %u 0 R\n",
		   name.data, cid, tu);
	buf_free(&name);
	return cid && tu && pdf_raw_fill(f->doc, ff->obj, o->data, o->len);
}

bool pdf_fonts_finish(struct pdf_fonts *f)
{
	struct buf o;
	buf_init(&o);
	bool ok = !f->failed;
	for (int i = 0; i < S_FILE_COUNT && ok; i++)
		if (f->file[i] && f->file[i]->obj)
			ok = S_embed(f, i, &o);
	buf_free(&o);
	return ok;
}

void pdf_fonts_set_lang(struct pdf_fonts *f, const char *lang)
{
	f->lang = hb_language_from_string(lang, -1);
	int l = lang_from_code(lang);
	f->rtl = l >= 0 && lang_is_rtl((enum lang)l);
}

enum pdf_face pdf_face_with(enum pdf_face face, bool bold, bool italic)
{
	int family = face / 4 * 4;
	return (enum pdf_face)(family + (bold ? 1 : 0) + (italic ? 2 : 0));
}

bool pdf_face_is_bold(enum pdf_face face)
{
	return S_bold(face);
}

bool pdf_face_is_italic(enum pdf_face face)
{
	return face % 4 >= 2;
}
