/*
 * pdf_raw — PDF objects written by uprgen inside a libharu document; the
 * one file that uses libharu's private structures (see pdf_raw.h).
 *
 * A raw object is a libharu dictionary with no entries whose write hook
 * (write_fn, called by HPDF_Dict_Write between the entries and the closing
 * ">>") writes the body kept in its attr; its free hook frees the body.
 * A raw value set on one of libharu's dictionaries is a hidden binary
 * entry under that key (HPDF_Dict_Write skips hidden entries), written by
 * the dictionary's write hook as "/Key value".
 */
#include "pdf_raw.h"
#include "pdf_int.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <string.h>

#if HPDF_MAJOR_VERSION != 2 || (HPDF_MINOR_VERSION != 3 && HPDF_MINOR_VERSION != 4)
#error "gen/pdf_raw.c knows the structures of libharu 2.3 and 2.4 only"
#endif

bool pdf_raw_check(const char **version)
{
	const char *v = HPDF_GetVersion();
	if (version)
		*version = v;
	return v && (!strncmp(v, "2.3.", 4) || !strncmp(v, "2.4.", 4));
}

/* ---- raw objects ---- */

struct S_body {
	size_t len;
	char data[];
};

static HPDF_STATUS S_write_body(HPDF_Dict d, HPDF_Stream out)
{
	const struct S_body *b = d->attr;
	if (!b || !b->len)
		return HPDF_OK;
	return HPDF_Stream_Write(out, (const HPDF_BYTE *)b->data,
				 (HPDF_UINT)b->len);
}

static HPDF_STATUS S_write_deflated_body(HPDF_Dict d, HPDF_Stream out)
{
	HPDF_STATUS r = S_write_body(d, out);
	return r != HPDF_OK ? r
			    : HPDF_Stream_WriteStr(out, "\n/Filter /FlateDecode\n");
}

static void S_free_body(HPDF_Dict d)
{
	free(d->attr);
	d->attr = NULL;
}

static bool S_is_raw(HPDF_Dict d)
{
	return d && d->header.obj_class == HPDF_OCLASS_DICT &&
	       d->free_fn == S_free_body;
}

static bool S_set_body(HPDF_Dict d, const char *body, size_t len)
{
	struct S_body *b = malloc(sizeof *b + len + 1);
	if (!b) {
		HPDF_SetError(d->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
		return false;
	}
	b->len = len;
	if (len)
		memcpy(b->data, body, len);
	b->data[len] = '\n';
	if (len)
		b->len++; /* the body ends its line before ">>" */
	free(d->attr);
	d->attr = b;
	return true;
}

static HPDF_Dict S_new_raw(HPDF_Doc doc)
{
	HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
	if (!d)
		return NULL;
	d->write_fn = S_write_body;
	d->free_fn = S_free_body;
	d->attr = NULL;
	if (HPDF_Xref_Add(doc->xref, d) != HPDF_OK)
		return NULL; /* HPDF_Xref_Add freed it */
	return d;
}

uint32_t pdf_raw_number(const void *obj)
{
	if (!obj)
		return 0;
	const HPDF_Obj_Header *h = obj;
	if (!(h->obj_id & HPDF_OTYPE_INDIRECT))
		return 0;
	return h->obj_id & 0x00FFFFFF;
}

uint32_t pdf_raw_reserve(HPDF_Doc doc, size_t n)
{
	uint32_t first = 0;
	for (size_t i = 0; i < n; i++) {
		HPDF_Dict d = S_new_raw(doc);
		if (!d)
			return 0;
		if (!i)
			first = pdf_raw_number(d);
	}
	return first;
}

/* The object numbered obj in the cross-reference table x (libharu's own
 * HPDF_Xref_GetEntryByObjectId refuses every number it holds). */
static void *S_lookup(HPDF_Xref x, uint32_t obj)
{
	for (; x; x = x->prev)
		if (obj > x->start_offset &&
		    obj - x->start_offset < x->entries->count) {
			HPDF_XrefEntry e = HPDF_List_ItemAt(
				x->entries, obj - x->start_offset);
			return e ? e->obj : NULL;
		}
	return NULL;
}

static HPDF_Dict S_object(HPDF_Doc doc, uint32_t obj)
{
	return S_lookup(doc->xref, obj);
}

bool pdf_raw_fill(HPDF_Doc doc, uint32_t obj, const char *body, size_t len)
{
	HPDF_Dict d = S_object(doc, obj);
	return S_is_raw(d) && S_set_body(d, body, len);
}

uint32_t pdf_raw_object(HPDF_Doc doc, const char *body, size_t len)
{
	HPDF_Dict d = S_new_raw(doc);
	if (!d || !S_set_body(d, body, len))
		return 0;
	return pdf_raw_number(d);
}

uint32_t pdf_raw_stream(HPDF_Doc doc, const char *dict_body, const void *data,
			size_t len, bool deflate)
{
	if (len > 0x7FFFFFFF)
		return 0;
	HPDF_Dict d = HPDF_DictStream_New(doc->mmgr, doc->xref);
	if (!d)
		return 0;
	d->filter = HPDF_STREAM_FILTER_NONE;
	d->free_fn = S_free_body;
	d->attr = NULL;
	struct buf packed;
	buf_init(&packed);
	bool packed_ok = false;
	if (deflate) {
		struct buf raw = {(char *)data, len, len};
		packed_ok = pdf_deflate(&raw, &packed);
	}
	d->write_fn = packed_ok ? S_write_deflated_body : S_write_body;
	const void *bytes = packed_ok ? packed.data : data;
	size_t n = packed_ok ? packed.len : len;
	bool ok = S_set_body(d, dict_body, strlen(dict_body)) &&
		  (!n || HPDF_Stream_Write(d->stream, (const HPDF_BYTE *)bytes,
					   (HPDF_UINT)n) == HPDF_OK);
	buf_free(&packed);
	return ok ? pdf_raw_number(d) : 0;
}

HPDF_Dict pdf_raw_catalog(HPDF_Doc doc)
{
	return doc->catalog;
}

HPDF_Dict pdf_raw_trailer(HPDF_Doc doc)
{
	return doc->trailer;
}

/* ---- raw values in libharu's dictionaries ---- */

static HPDF_STATUS S_write_values(HPDF_Dict d, HPDF_Stream out)
{
	HPDF_STATUS r = HPDF_OK;
	for (HPDF_UINT i = 0; i < d->list->count && r == HPDF_OK; i++) {
		HPDF_DictElement el = HPDF_List_ItemAt(d->list, i);
		const HPDF_Binary v = el ? el->value : NULL;
		if (!v || !(v->header.obj_id & HPDF_OTYPE_HIDDEN) ||
		    v->header.obj_class != HPDF_OCLASS_BINARY)
			continue;
		r = HPDF_Stream_WriteEscapeName(out, el->key);
		r += HPDF_Stream_WriteChar(out, ' ');
		r += HPDF_Stream_Write(out, v->value, v->len);
		r += HPDF_Stream_WriteChar(out, '\n');
	}
	return r;
}

bool pdf_raw_set(HPDF_Dict dict, const char *key, const char *value)
{
	size_t len = strlen(value);
	if (!dict || strlen(key) > HPDF_LIMIT_MAX_NAME_LEN || !len ||
	    len > HPDF_LIMIT_MAX_STRING_LEN)
		return false;
	if (dict->write_fn && dict->write_fn != S_write_values)
		return false; /* the hook is libharu's own */
	HPDF_Binary v = HPDF_Binary_New(dict->mmgr, (HPDF_BYTE *)value,
					(HPDF_UINT)len);
	if (!v || HPDF_Dict_Add(dict, key, v) != HPDF_OK)
		return false;
	v->header.obj_id |= HPDF_OTYPE_HIDDEN;
	dict->write_fn = S_write_values;
	return true;
}

bool pdf_raw_resource(HPDF_Page page, const char *category, const char *name,
		      uint32_t obj)
{
	HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
	if (!res)
		return false;
	HPDF_Dict sub = HPDF_Dict_GetItem(res, category, HPDF_OCLASS_DICT);
	if (!sub) {
		sub = HPDF_Dict_New(page->mmgr);
		if (!sub || HPDF_Dict_Add(res, category, sub) != HPDF_OK)
			return false;
	}
	/* a reference: the raw object is an indirect libharu dictionary */
	HPDF_Dict target = S_lookup(((HPDF_PageAttr)page->attr)->xref, obj);
	return target && HPDF_Dict_Add(sub, name, target) == HPDF_OK;
}

void pdf_raw_min_version(HPDF_Doc doc, HPDF_PDFVer v)
{
	if (doc->pdf_version < v)
		doc->pdf_version = v;
}

void pdf_raw_text(struct buf *out, const char *s, size_t max)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t len = strlen(s);
	if (len > max)
		len = max;
	buf_puts(out, "<FEFF");
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned c = utf8_decode(s + i, len - i, &adv);
		i += adv ? adv : 1;
		unsigned u[2] = {c, 0};
		int n = 1;
		if (c >= 0x10000) {
			c -= 0x10000;
			u[0] = 0xD800 + (c >> 10);
			u[1] = 0xDC00 + (c & 0x3FF);
			n = 2;
		}
		for (int k = 0; k < n; k++) {
			char h[4] = {hex[(u[k] >> 12) & 15], hex[(u[k] >> 8) & 15],
				     hex[(u[k] >> 4) & 15], hex[u[k] & 15]};
			buf_put(out, h, 4);
		}
	}
	buf_putc(out, '>');
}

/* ---- streams ---- */

/* What a libharu memory stream holds, appended to out; false if it could
 * not all be read. */
static bool S_stream_bytes_of(HPDF_Stream st, struct buf *out)
{
	size_t start = out->len;
	buf_reserve(out, st->size);
	for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(st); i < n; i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(st, i, &len);
		if (b)
			buf_put(out, (const char *)b, len);
	}
	return out->len - start == st->size;
}

static bool S_stream_bytes(HPDF_Dict dict, struct buf *out)
{
	return S_stream_bytes_of(dict->stream, out);
}

/* libharu drops the /Filter of a stream it does not filter itself, so the
 * entry is written by the dictionary's own hook. */
static HPDF_STATUS S_flate_entry(HPDF_Dict dict, HPDF_Stream out)
{
	(void)dict;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\n");
}

/* The stream of dict becomes `deflated`, already deflated. */
static void S_put_packed(HPDF_Dict dict, const struct buf *deflated)
{
	HPDF_MemStream_FreeData(dict->stream);
	HPDF_Stream_Write(dict->stream, (const HPDF_BYTE *)deflated->data,
			  (HPDF_UINT)deflated->len);
	dict->filter = HPDF_STREAM_FILTER_NONE;
	dict->write_fn = S_flate_entry;
}

/* The content of a libharu stream dictionary deflated now; false,
 * unchanged, on failure.  raw gets the content as it was. */
static bool S_deflate_stream(HPDF_Dict dict, struct buf *raw,
			     struct buf *packed)
{
	buf_clear(raw);
	if (!S_stream_bytes(dict, raw))
		return false;
	buf_clear(packed);
	if (!pdf_deflate(raw, packed))
		return false;
	S_put_packed(dict, packed);
	return true;
}

/* The stream of dict becomes raw, deflated (packed is scratch); false,
 * with the stream emptied, if libharu fails to take it. */
static bool S_stream_put(HPDF_Dict dict, const struct buf *raw,
			 struct buf *packed)
{
	buf_clear(packed);
	if (pdf_deflate(raw, packed)) {
		S_put_packed(dict, packed);
		return true;
	}
	HPDF_MemStream_FreeData(dict->stream);
	return HPDF_Stream_Write(dict->stream, (const HPDF_BYTE *)raw->data,
				 (HPDF_UINT)raw->len) == HPDF_OK;
}

static HPDF_STATUS S_append(HPDF_Stream st, const HPDF_BYTE *p, HPDF_UINT n)
{
	buf_put(st->attr, (const char *)p, n);
	return HPDF_OK;
}

bool pdf_raw_save(HPDF_Doc doc, struct buf *out)
{
	/* HPDF_SaveToStream writes to the document's stream, making a
	 * memory stream only when there is none */
	if (doc->stream)
		return false;
	doc->stream = HPDF_CallbackWriter_New(doc->mmgr, S_append, out);
	bool ok = doc->stream && HPDF_SaveToStream(doc) == HPDF_OK;
	/* the stream is libharu's to free, out is not */
	if (doc->stream)
		doc->stream->attr = NULL;
	return ok;
}

bool pdf_raw_page_write(HPDF_Page page, const char *ops, size_t len)
{
	return !len || HPDF_Stream_Write(((HPDF_PageAttr)page->attr)->stream,
					 (const HPDF_BYTE *)ops,
					 (HPDF_UINT)len) == HPDF_OK;
}

bool pdf_raw_page_pack(HPDF_Page page, struct buf *raw, struct buf *packed)
{
	HPDF_PageAttr pa = page->attr;
	/* most pages hold nothing libharu drew: raw is deflated as it is,
	 * not copied into the page's stream and back */
	if (!pa->stream->size)
		return S_stream_put(pa->contents, raw, packed);
	if (!pdf_raw_page_write(page, raw->data, raw->len))
		return false;
	return S_deflate_stream(pa->contents, raw, packed);
}

/* ---- libharu's TrueType fonts ---- */

uint16_t pdf_raw_font_glyph(HPDF_Font font, unsigned c)
{
	HPDF_FontDef def = ((HPDF_FontAttr)font->attr)->fontdef;
	return c > 0xFFFF ? 0
			  : HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)c);
}

bool pdf_raw_font_descriptor(HPDF_Font font, struct buf *raw,
			     struct buf *packed)
{
	HPDF_FontAttr fa = font->attr;
	HPDF_FontDef def = fa->fontdef;
	HPDF_TTFontDefAttr ta = def->attr;
	if (def->descriptor || !ta->embedding)
		return true;
	/* the glyph map and ToUnicode are deflated by pdf_font.c; libharu
	 * would give them the font's filter at the save */
	font->filter = HPDF_STREAM_FILTER_NONE;
	HPDF_Dict data = HPDF_DictStream_New(font->mmgr, fa->xref);
	HPDF_Dict desc = data ? HPDF_Dict_New(font->mmgr) : NULL;
	if (!desc || HPDF_TTFontDef_SaveFontData(def, data->stream) != HPDF_OK)
		return false;
	S_deflate_stream(data, raw, packed);
	HPDF_STATUS r = HPDF_Dict_Add(desc, "FontFile2", data);
	r += HPDF_Dict_AddNumber(data, "Length1", (HPDF_INT32)ta->length1);
	r += HPDF_Dict_AddNumber(data, "Length2", 0);
	r += HPDF_Dict_AddNumber(data, "Length3", 0);
	r += HPDF_Xref_Add(fa->xref, desc);
	r += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
	r += HPDF_Dict_AddNumber(desc, "Ascent", def->ascent);
	r += HPDF_Dict_AddNumber(desc, "Descent", def->descent);
	r += HPDF_Dict_AddNumber(desc, "Flags", (HPDF_INT32)def->flags);
	r += HPDF_Dict_Add(desc, "FontBBox",
			   HPDF_Box_Array_New(font->mmgr, def->font_bbox));
	r += HPDF_Dict_AddName(desc, "FontName", ta->base_font);
	r += HPDF_Dict_AddNumber(desc, "ItalicAngle", def->italic_angle);
	r += HPDF_Dict_AddNumber(desc, "StemV", def->stemv);
	r += HPDF_Dict_AddNumber(desc, "XHeight", def->x_height);
	if (r != HPDF_OK)
		return false;
	def->descriptor = desc;
	return true;
}

bool pdf_raw_font_stand_ins(HPDF_Font font, uint16_t first, uint32_t n,
			    uint16_t gid, int32_t adv, struct buf *raw,
			    struct buf *packed)
{
	HPDF_FontAttr fa = font->attr;
	if (fa->map_stream) {
		buf_clear(raw);
		if (!S_stream_bytes(fa->map_stream, raw))
			return false;
		for (uint32_t i = 0; i < n; i++) {
			size_t at = 2 * (size_t)(first + i);
			if (at + 1 < raw->len) {
				raw->data[at] = (char)(gid >> 8);
				raw->data[at + 1] = (char)gid;
			}
		}
		if (!S_stream_put(fa->map_stream, raw, packed))
			return false;
	}
	if (!n)
		return true;
	HPDF_Dict desc = fa->descendant_font;
	HPDF_Array w = HPDF_Dict_GetItem(desc, "W", HPDF_OCLASS_ARRAY);
	if (!w) {
		w = HPDF_Array_New(font->mmgr);
		if (!w || HPDF_Dict_Add(desc, "W", w) != HPDF_OK)
			return false;
	}
	HPDF_Array widths = HPDF_Array_New(font->mmgr);
	if (!widths || HPDF_Array_AddNumber(w, first) != HPDF_OK ||
	    HPDF_Array_Add(w, widths) != HPDF_OK)
		return false;
	for (uint32_t i = 0; i < n; i++)
		if (HPDF_Array_AddNumber(widths, adv) != HPDF_OK)
			return false;
	return true;
}

bool pdf_raw_font_tounicode(HPDF_Font font, const struct buf *cmap,
			    struct buf *raw, struct buf *packed)
{
	HPDF_FontAttr fa = font->attr;
	HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (tu && tu == fa->cmap_stream) {
		static const char *const keys[] = {"Type", "CMapName",
						   "CIDSystemInfo", "WMode",
						   "UseCMap"};
		for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
			HPDF_Dict_RemoveElement(tu, keys[i]);
	} else {
		if (fa->cmap_stream)
			S_deflate_stream(fa->cmap_stream, raw, packed);
		tu = HPDF_DictStream_New(font->mmgr, fa->xref);
		if (!tu || HPDF_Dict_Add(font, "ToUnicode", tu) != HPDF_OK)
			return false;
	}
	return S_stream_put(tu, cmap, packed);
}
