/*
 * pdf_tag — the PDF's logical structure (a tagged PDF): what a screen
 * reader, a reflowing viewer or an accessibility checker reads instead of
 * the drawing.
 *
 * While the layout runs, pdf.c, pdf_table.c, pdf_toc.c and pdf_chart.c
 * open structure elements (Document, H1–H6, P, L/LI/Lbl/LBody, Table/TR/
 * TH/TD, Figure with its text alternative, Note, TOC/TOCI, BlockQuote,
 * Code) in the order of the cmark-gfm tree, and give each draw of a chunk
 * the element it belongs to (struct pdf_draw.elem); what is placed with no
 * element becomes a paragraph (pdf_page.c calls pdf_tag_default).
 * pdf_emit.c then wraps each element's draws of a page in a marked-content
 * sequence with an MCID, and everything else (running heads, folios,
 * rules, shadings, a header row repeated on a new page) in /Artifact.
 * pdf_tags_write() finally writes the tree with libharu's object calls:
 * StructTreeRoot, its ParentTree, a StructElem per element, and the
 * catalog's /MarkInfo, /ViewerPreferences /DisplayDocTitle, XMP
 * /Metadata, the pages' /StructParents and /Tabs /S, the trailer's /ID.
 *
 * The elements live in the caller's struct pdf_tags (heap arrays, strings
 * in the render's arena), freed by pdf_tags_free().
 */
#include "pdf_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pdf_tags_init(struct pdf_tags *t, struct arena *a)
{
	memset(t, 0, sizeof *t);
	t->a = a;
	t->cap = 64;
	t->e = xmalloc(t->cap * sizeof *t->e);
	t->e[0] = (struct pdf_elem){.type = "Document"};
	t->count = 1;
}

void pdf_tags_free(struct pdf_tags *t)
{
	free(t->e);
	free(t->mcr);
	free(t->next_mcid);
	memset(t, 0, sizeof *t);
}

uint32_t pdf_tag_leaf(struct pdf_tags *t, const char *type)
{
	if (t->count == t->cap) {
		t->cap *= 2;
		t->e = xrealloc(t->e, t->cap * sizeof *t->e);
	}
	t->e[t->count] = (struct pdf_elem){.type = type, .parent = t->open};
	return (uint32_t)t->count++;
}

uint32_t pdf_tag_open(struct pdf_tags *t, const char *type)
{
	t->open = pdf_tag_leaf(t, type);
	return t->open;
}

void pdf_tag_close(struct pdf_tags *t)
{
	t->open = t->e[t->open].parent;
}

static bool S_is_text(const struct pdf_draw *d)
{
	return d->kind == PDF_DRAW_TEXT || d->kind == PDF_DRAW_PAGEREF ||
	       d->kind == PDF_DRAW_SPAN || d->kind == PDF_DRAW_SPAN_END;
}

static bool S_is_graphic(const struct pdf_draw *d)
{
	return d->kind == PDF_DRAW_LINE || d->kind == PDF_DRAW_RECT ||
	       d->kind == PDF_DRAW_DOT || d->kind == PDF_DRAW_IMAGE;
}

void pdf_tag_draws(struct pdf_chunk *const *c, size_t n, uint32_t elem,
		   bool graphics)
{
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < c[k]->n; i++) {
			struct pdf_draw *d = &c[k]->d[i];
			if (!d->elem &&
			    (S_is_text(d) || (graphics && S_is_graphic(d))))
				d->elem = elem;
		}
}

void pdf_tag_default(struct pdf_tags *t, struct pdf_chunk *const *c,
		     size_t n)
{
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < c[k]->n; i++)
			if (!c[k]->d[i].elem && S_is_text(&c[k]->d[i])) {
				pdf_tag_draws(c, n, pdf_tag_leaf(t, "P"),
					      false);
				return;
			}
}

struct pdf_chunk *pdf_tag_artifact_copy(const struct pdf_chunk *c,
					struct arena *a)
{
	struct pdf_chunk *copy = arena_alloc(a, sizeof *copy);
	*copy = *c;
	struct pdf_draw *d = arena_alloc(a, (c->n ? c->n : 1) * sizeof *d);
	for (size_t i = 0; i < c->n; i++) {
		d[i] = c->d[i];
		d[i].elem = PDF_TAG_ARTIFACT;
	}
	copy->d = d;
	return copy;
}

uint32_t pdf_tag_mcid(struct pdf_tags *t, uint32_t elem, uint32_t page)
{
	if (page >= t->page_cap) {
		size_t cap = t->page_cap ? t->page_cap : 16;
		while (cap <= page)
			cap *= 2;
		t->next_mcid = xrealloc(t->next_mcid,
					cap * sizeof *t->next_mcid);
		memset(t->next_mcid + t->page_cap, 0,
		       (cap - t->page_cap) * sizeof *t->next_mcid);
		t->page_cap = cap;
	}
	if (t->mcr_count == t->mcr_cap) {
		t->mcr_cap = t->mcr_cap ? 2 * t->mcr_cap : 256;
		t->mcr = xrealloc(t->mcr, t->mcr_cap * sizeof *t->mcr);
	}
	uint32_t mcid = t->next_mcid[page]++;
	t->mcr[t->mcr_count++] = (struct pdf_mcr){elem, page, mcid};
	return mcid;
}

/* ---- writing ---- */

/* UTF-8 as a PDF text string: UTF-16BE with its byte order mark, as a
 * hex string (libharu writes binaries so). */
static HPDF_Binary S_text(HPDF_Doc doc, const char *s, size_t max)
{
	size_t len = strlen(s);
	if (len > max)
		len = max;
	HPDF_BYTE *u = xmalloc(2 + 4 * len);
	size_t n = 0;
	u[n++] = 0xFE;
	u[n++] = 0xFF;
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned c = utf8_decode(s + i, len - i, &adv);
		i += adv ? adv : 1;
		unsigned hi = 0;
		if (c >= 0x10000) {
			c -= 0x10000;
			hi = 0xD800 + (c >> 10);
			c = 0xDC00 + (c & 0x3FF);
			u[n++] = (HPDF_BYTE)(hi >> 8);
			u[n++] = (HPDF_BYTE)hi;
		}
		u[n++] = (HPDF_BYTE)(c >> 8);
		u[n++] = (HPDF_BYTE)c;
	}
	HPDF_Binary b = HPDF_Binary_New(doc->mmgr, u, (HPDF_UINT)n);
	free(u);
	return b;
}

/* XML text, escaped, into b. */
static void S_xml(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t' ||
			    *s == '\n')
				buf_putc(b, *s);
		}
	}
}

/* The XMP packet: Dublin Core title, language and description, the
 * dates, the producer. */
static bool S_metadata(HPDF_Doc doc, const struct pdf_doc_meta *m)
{
	struct buf x;
	buf_init(&x);
	char date[40] = "";
	if (m->created.year > 0)
		snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ",
			 m->created.year, m->created.month, m->created.day,
			 m->created.hour, m->created.minute,
			 m->created.second);
	buf_puts(&x, "<?xpacket begin=\"\xEF\xBB\xBF\" "
		     "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		     "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		     "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/"
		     "22-rdf-syntax-ns#\">\n"
		     "<rdf:Description rdf:about=\"\" "
		     "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
		     "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
		     "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	if (m->title && *m->title) {
		buf_puts(&x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		S_xml(&x, m->title);
		buf_puts(&x, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if (m->subject && *m->subject) {
		buf_puts(&x, "<dc:description><rdf:Alt><rdf:li "
			     "xml:lang=\"x-default\">");
		S_xml(&x, m->subject);
		buf_puts(&x, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if (m->lang && *m->lang) {
		buf_puts(&x, "<dc:language><rdf:Bag><rdf:li>");
		S_xml(&x, m->lang);
		buf_puts(&x, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	buf_puts(&x, "<dc:format>application/pdf</dc:format>\n");
	if (*date)
		buf_printf(&x, "<xmp:CreateDate>%s</xmp:CreateDate>\n"
			       "<xmp:ModifyDate>%s</xmp:ModifyDate>\n",
			   date, date);
	if (m->producer) {
		buf_puts(&x, "<xmp:CreatorTool>");
		S_xml(&x, m->producer);
		buf_puts(&x, "</xmp:CreatorTool>\n");
	}
	buf_puts(&x, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
		     "<?xpacket end=\"w\"?>\n");
	HPDF_Dict meta = HPDF_DictStream_New(doc->mmgr, doc->xref);
	bool ok = meta &&
		  HPDF_Dict_AddName(meta, "Type", "Metadata") == HPDF_OK &&
		  HPDF_Dict_AddName(meta, "Subtype", "XML") == HPDF_OK &&
		  HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)x.data,
				    (HPDF_UINT)x.len) == HPDF_OK &&
		  HPDF_Dict_Add(doc->catalog, "Metadata", meta) == HPDF_OK;
	if (meta)
		meta->filter = HPDF_STREAM_FILTER_NONE; /* readable as is */
	buf_free(&x);
	return ok;
}

/* The catalog's entries for a tagged document and the trailer's /ID. */
static bool S_catalog(HPDF_Doc doc, const struct pdf_doc_meta *m)
{
	HPDF_Dict mark = HPDF_Dict_New(doc->mmgr);
	HPDF_Dict prefs = HPDF_Dict_New(doc->mmgr);
	HPDF_Array id = HPDF_Array_New(doc->mmgr);
	if (!mark || !prefs || !id)
		return false;
	HPDF_STATUS r = HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
	r += HPDF_Dict_Add(doc->catalog, "MarkInfo", mark);
	r += HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
	r += HPDF_Dict_Add(doc->catalog, "ViewerPreferences", prefs);
	for (int i = 0; i < 2; i++)
		r += HPDF_Array_Add(id, HPDF_Binary_New(doc->mmgr,
							(HPDF_BYTE *)m->id,
							sizeof m->id));
	r += HPDF_Dict_Add(doc->trailer, "ID", id);
	/* structure trees came with PDF 1.4, /Tabs with 1.5 */
	if (doc->pdf_version < HPDF_VER_17)
		doc->pdf_version = HPDF_VER_17;
	return r == HPDF_OK && S_metadata(doc, m);
}

/* Whether each element has content, itself or below it: those without
 * are left out of the tree. */
static bool *S_used(const struct pdf_tags *t)
{
	bool *used = xcalloc(t->count, sizeof *used);
	for (size_t i = 0; i < t->mcr_count; i++)
		for (uint32_t e = t->mcr[i].elem; e < t->count && !used[e];
		     e = t->e[e].parent) {
			used[e] = true;
			if (e == 0)
				break;
		}
	used[0] = true;
	return used;
}

bool pdf_tags_write(HPDF_Doc doc, struct pdf_tags *t, HPDF_Page *pages,
		    size_t page_count, const struct pdf_doc_meta *meta)
{
	if (!S_catalog(doc, meta))
		return false;
	bool *used = S_used(t);
	HPDF_Dict *dict = xcalloc(t->count, sizeof *dict);
	HPDF_Array *kids = xcalloc(t->count, sizeof *kids);
	HPDF_STATUS r = HPDF_OK;
	HPDF_Dict root = HPDF_Dict_New(doc->mmgr);
	r += root ? HPDF_Xref_Add(doc->xref, root) : HPDF_FAILD_TO_ALLOC_MEM;
	/* an element object each, in the order they were made: a parent
	 * before its children */
	for (size_t i = 0; i < t->count && r == HPDF_OK; i++) {
		if (!used[i])
			continue;
		const struct pdf_elem *e = &t->e[i];
		dict[i] = HPDF_Dict_New(doc->mmgr);
		kids[i] = HPDF_Array_New(doc->mmgr);
		if (!dict[i] || !kids[i]) {
			r = HPDF_FAILD_TO_ALLOC_MEM;
			break;
		}
		r += HPDF_Xref_Add(doc->xref, dict[i]);
		r += HPDF_Dict_AddName(dict[i], "Type", "StructElem");
		r += HPDF_Dict_AddName(dict[i], "S", e->type);
		r += HPDF_Dict_Add(dict[i], "P", i ? dict[e->parent] : root);
		r += HPDF_Dict_Add(dict[i], "K", kids[i]);
		if (e->alt)
			r += HPDF_Dict_Add(dict[i], "Alt",
					   S_text(doc, e->alt, 20000));
		if (e->scope) {
			HPDF_Dict a = HPDF_Dict_New(doc->mmgr);
			r += a ? HPDF_Dict_AddName(a, "O", "Table") +
					 HPDF_Dict_AddName(a, "Scope",
							   e->scope) +
					 HPDF_Dict_Add(dict[i], "A", a)
			       : HPDF_FAILD_TO_ALLOC_MEM;
		}
	}
	/* children in order, the late ones (notes) after the others */
	for (int late = 0; late < 2 && r == HPDF_OK; late++)
		for (size_t i = 1; i < t->count; i++)
			if (used[i] && t->e[i].late == (late == 1))
				r += HPDF_Array_Add(kids[t->e[i].parent],
						    dict[i]);
	/* marked content, in drawing order; the parent tree maps each
	 * page's MCIDs to their elements */
	HPDF_Array *by_page = xcalloc(page_count ? page_count : 1,
				      sizeof *by_page);
	for (size_t i = 0; i < t->mcr_count && r == HPDF_OK; i++) {
		const struct pdf_mcr *m = &t->mcr[i];
		if (m->page >= page_count || m->elem >= t->count ||
		    !dict[m->elem])
			continue;
		HPDF_Dict mcr = HPDF_Dict_New(doc->mmgr);
		if (!mcr) {
			r = HPDF_FAILD_TO_ALLOC_MEM;
			break;
		}
		r += HPDF_Dict_AddName(mcr, "Type", "MCR");
		r += HPDF_Dict_Add(mcr, "Pg", pages[m->page]);
		r += HPDF_Dict_AddNumber(mcr, "MCID", (HPDF_INT32)m->mcid);
		r += HPDF_Array_Add(kids[m->elem], mcr);
		if (!by_page[m->page]) {
			by_page[m->page] = HPDF_Array_New(doc->mmgr);
			r += by_page[m->page] ? HPDF_OK
					      : HPDF_FAILD_TO_ALLOC_MEM;
		}
		/* MCIDs of a page are given in order, so the index is the
		 * MCID */
		if (r == HPDF_OK)
			r += HPDF_Array_Add(by_page[m->page], dict[m->elem]);
	}
	HPDF_Dict tree = HPDF_Dict_New(doc->mmgr);
	HPDF_Array nums = HPDF_Array_New(doc->mmgr);
	if (!tree || !nums)
		r = HPDF_FAILD_TO_ALLOC_MEM;
	for (size_t p = 0; p < page_count && r == HPDF_OK; p++) {
		r += HPDF_Dict_AddName(pages[p], "Tabs", "S");
		if (!by_page[p])
			continue;
		r += HPDF_Dict_AddNumber(pages[p], "StructParents",
					 (HPDF_INT32)p);
		r += HPDF_Array_AddNumber(nums, (HPDF_INT32)p);
		r += HPDF_Array_Add(nums, by_page[p]);
	}
	if (r == HPDF_OK) {
		r += HPDF_Dict_Add(tree, "Nums", nums);
		r += HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
		r += HPDF_Dict_Add(root, "K", dict[0]);
		r += HPDF_Dict_Add(root, "ParentTree", tree);
		r += HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
					 (HPDF_INT32)page_count);
		r += HPDF_Dict_Add(doc->catalog, "StructTreeRoot", root);
	}
	free(by_page);
	free(dict);
	free(kids);
	free(used);
	return r == HPDF_OK;
}
