/*
 * pdf_raw — PDF objects that uprgen writes itself, inside a libharu
 * document; the one module that reaches into libharu's private structures
 * (hpdf_objects.h, hpdf_pages.h, hpdf_font.h, hpdf_fontdef.h, hpdf_doc.h)
 * and its internal calls (HPDF_Dict_*, HPDF_Array_*, HPDF_Xref_*).  Every
 * other file of the PDF back end uses libharu's public API and this one.
 *
 * Why: libharu has no call for a tagged PDF's structure tree, XMP, output
 * intents, /Lang and the like, and building them from its generic dict and
 * array objects costs far more than writing the text (the structure tree
 * of a 350-recommendation report was a fifth of the build).
 *
 * What it relies on is the layout of libharu 2.3/2.4's structures: the
 * build refuses another major.minor (#error below), and pdf_raw_check()
 * refuses a shared library of another version at run time.
 *
 * Raw objects.  pdf_raw_object() (or pdf_raw_reserve() then pdf_raw_fill())
 * adds an indirect object to the document's cross-reference table now, so
 * its number is known at once and can be written as "N 0 R" in other raw
 * bodies; at the save libharu writes "N 0 obj\n<<\nBODY>>\nendobj".  A body
 * is the inside of a dictionary ("/Type /StructElem /S /P /K 3 0 R");
 * pdf_raw copies it (the caller keeps its buffer), libharu frees the copy
 * with the document (HPDF_Free).  Numbers are uint32_t; 0 means failure
 * (libharu's error handler has been told).
 *
 * Keys of libharu's own dictionaries (the catalog, a page, an annotation,
 * the trailer) take a raw value with pdf_raw_set(): the value's text is
 * written as is after the key.  Do not set a key libharu itself manages
 * and reads back (/Resources, /Contents, /Annots, /Parent, /Kids, /Type).
 */
#ifndef UPRGEN_PDF_RAW_H
#define UPRGEN_PDF_RAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "util.h"

/* Whether the libharu the program runs with is one whose structures this
 * module knows (2.3 or 2.4); `version` gets its version text. */
bool pdf_raw_check(const char **version);

/* A new indirect object whose dictionary body is body[0..len); its
 * number, 0 on failure. */
uint32_t pdf_raw_object(HPDF_Doc doc, const char *body, size_t len);
/* n consecutive object numbers, bodies given later with pdf_raw_fill (an
 * object never filled is written as an empty dictionary); the first
 * number, 0 on failure. */
uint32_t pdf_raw_reserve(HPDF_Doc doc, size_t n);
/* The body of reserved object obj; false if obj is not a raw object. */
bool pdf_raw_fill(HPDF_Doc doc, uint32_t obj, const char *body, size_t len);

/* A new stream object: dictionary body dict_body (without /Length and
 * /Filter, which are added), data[0..len) as its content, deflated by
 * pdf_deflate() if `deflate`; its number, 0 on failure. */
uint32_t pdf_raw_stream(HPDF_Doc doc, const char *dict_body, const void *data,
			size_t len, bool deflate);

/* The object number of a libharu object (a page, an annotation, a font),
 * 0 if it is not an indirect object. */
uint32_t pdf_raw_number(const void *obj);
/* libharu's catalog and trailer dictionaries, for pdf_raw_set. */
HPDF_Dict pdf_raw_catalog(HPDF_Doc doc);
HPDF_Dict pdf_raw_trailer(HPDF_Doc doc);

/* dict's entry `key` (a plain ASCII name, without the slash) becomes the
 * raw PDF value `value` ("5 0 R", "<</Marked true>>", "/S", "4"),
 * replacing what it had; at most 65,535 bytes.  dict: the catalog, the
 * trailer, a page (HPDF_Page), an annotation (HPDF_Annotation). */
bool pdf_raw_set(HPDF_Dict dict, const char *key, const char *value);

/* /Resources /<category> /<name> of the page refers to object obj
 * (e.g. "Font", "U7", a font written raw); the sub-dictionary is made if
 * missing.  libharu names its own fonts and images F1, F2…, Im1…: take
 * names of another form. */
bool pdf_raw_resource(HPDF_Page page, const char *category, const char *name,
		      uint32_t obj);

/* The document's PDF version raised to at least v. */
void pdf_raw_min_version(HPDF_Doc doc, HPDF_PDFVer v);

/* A PDF text string (UTF-16BE with its byte order mark, as a hex string)
 * of at most max bytes of the UTF-8 s, appended to out. */
void pdf_raw_text(struct buf *out, const char *s, size_t max);

/* The document saved (HPDF_SaveToStream), the file appended to out as
 * libharu writes it: not into libharu's memory stream, which copies what
 * it is given a byte at a time, and read back from there; false if
 * libharu fails. */
bool pdf_raw_save(HPDF_Doc doc, struct buf *out);

/* ---- page content ---- */

/* ops[0..len) appended to the page's content stream. */
bool pdf_raw_page_write(HPDF_Page page, const char *ops, size_t len);
/* The page's whole content (what its stream holds, then raw) deflated now
 * (libharu would at the save, at a slower level); raw gets the whole
 * content (for hashing), packed is scratch.  False if that fails. */
bool pdf_raw_page_pack(HPDF_Page page, struct buf *raw, struct buf *packed);

/* ---- libharu's TrueType fonts (pdf_font.c) ---- */

/* The glyph id of code point c in the font, 0 if it has none. */
uint16_t pdf_raw_font_glyph(HPDF_Font font, unsigned c);
/* The font descriptor libharu would make at the save, with the subset
 * font file in it, deflated by uprgen now (libharu keeps a descriptor it
 * finds).  raw and packed are scratch. */
bool pdf_raw_font_descriptor(HPDF_Font font, struct buf *raw,
			     struct buf *packed);
/* Codes first..first+n-1 drawn with glyph gid and width adv: the
 * CIDToGIDMap patched, the widths added to the descendant font's /W.
 * raw and packed are scratch. */
bool pdf_raw_font_stand_ins(HPDF_Font font, uint16_t first, uint32_t n,
			    uint16_t gid, int32_t adv, struct buf *raw,
			    struct buf *packed);
/* The font's /ToUnicode stream becomes cmap (deflated): libharu 2.3.0
 * points /ToUnicode at its encoding CMap, whose stream is rewritten and
 * its CMap keys dropped; a libharu that uses that CMap as the /Encoding
 * keeps it, and gets a new stream beside it.  raw and packed are
 * scratch. */
bool pdf_raw_font_tounicode(HPDF_Font font, const struct buf *cmap,
			    struct buf *raw, struct buf *packed);

#endif
