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
	free(t->annot);
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

void pdf_tag_links(struct pdf_tags *t, struct pdf_chunk *const *c,
		   size_t n)
{
	uint32_t last = 0, link = 0;
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < c[k]->n; i++) {
			struct pdf_draw *d = &c[k]->d[i];
			if (!d->link)
				continue;
			if (S_is_text(d) && d->elem && d->elem < t->count &&
			    strcmp(t->e[d->elem].type, "Link")) {
				if (d->link != last) {
					uint32_t open = t->open;
					t->open = d->elem;
					link = pdf_tag_leaf(t, "Link");
					t->open = open;
					last = d->link;
				}
				d->elem = link;
			} else if (!S_is_text(d) && d->link == last) {
				d->elem = link;
			}
		}
}

void pdf_tag_annot(struct pdf_tags *t, uint32_t elem, uint32_t page,
		   HPDF_Annotation annot, const char *text)
{
	if (!annot || !elem || elem >= t->count)
		return;
	if (t->annot_count == t->annot_cap) {
		t->annot_cap = t->annot_cap ? 2 * t->annot_cap : 64;
		t->annot = xrealloc(t->annot,
				    t->annot_cap * sizeof *t->annot);
	}
	t->annot[t->annot_count++] =
		(struct pdf_annot){elem, page, annot, text};
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

/* The catalog's entries for a tagged document (marked: it is) and the
 * trailer's /ID. */
static bool S_catalog(HPDF_Doc doc, const struct pdf_doc_meta *m,
		      bool marked)
{
	HPDF_Dict mark = HPDF_Dict_New(doc->mmgr);
	HPDF_Dict prefs = HPDF_Dict_New(doc->mmgr);
	HPDF_Array id = HPDF_Array_New(doc->mmgr);
	if (!mark || !prefs || !id)
		return false;
	HPDF_STATUS r = HPDF_Dict_AddBoolean(mark, "Marked",
					     marked ? HPDF_TRUE : HPDF_FALSE);
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

/* libharu keeps an array in a list grown by 20 entries at a time (a
 * long one costs its square in copying) and refuses more than 8,191: a
 * longer list of kids is set in groups of at most S_FANOUT under
 * elements of a grouping type (a table's TBody, a list's L, a Span of
 * marked content, else a Div). */
enum { S_FANOUT = 2048, S_MAX_MCIDS = 8000 };

struct S_kid {
	bool mcr;
	uint32_t index; /* an element, or an entry of t->mcr */
};

struct S_writer {
	HPDF_Doc doc;
	struct pdf_tags *t;
	HPDF_Page *pages;
	HPDF_Dict *dict;     /* by element */
	HPDF_Dict *owner;    /* by marked-content reference: its element */
	HPDF_STATUS r;
};

static HPDF_Dict S_elem_dict(struct S_writer *w, const char *type,
			     HPDF_Dict parent, HPDF_Array *kids)
{
	HPDF_Dict d = HPDF_Dict_New(w->doc->mmgr);
	*kids = HPDF_Array_New(w->doc->mmgr);
	if (!d || !*kids) {
		w->r = HPDF_FAILD_TO_ALLOC_MEM;
		return NULL;
	}
	w->r += HPDF_Xref_Add(w->doc->xref, d);
	w->r += HPDF_Dict_AddName(d, "Type", "StructElem");
	w->r += HPDF_Dict_AddName(d, "S", type);
	w->r += HPDF_Dict_Add(d, "P", parent);
	w->r += HPDF_Dict_Add(d, "K", *kids);
	return d;
}

static void S_put_kids(struct S_writer *w, HPDF_Dict owner, HPDF_Array k,
		       const struct S_kid *kid, size_t n, const char *group)
{
	if (n > S_FANOUT) {
		size_t per = (n + S_FANOUT - 1) / S_FANOUT;
		for (size_t i = 0; i < n && w->r == HPDF_OK; i += per) {
			HPDF_Array gk;
			HPDF_Dict g = S_elem_dict(w, group, owner, &gk);
			if (!g)
				return;
			w->r += HPDF_Array_Add(k, g);
			S_put_kids(w, g, gk, kid + i, n - i < per ? n - i : per,
				   group);
		}
		return;
	}
	for (size_t i = 0; i < n && w->r == HPDF_OK; i++) {
		if (!kid[i].mcr) {
			HPDF_Dict d = w->dict[kid[i].index];
			w->r += HPDF_Dict_Add(d, "P", owner);
			w->r += HPDF_Array_Add(k, d);
			continue;
		}
		const struct pdf_mcr *m = &w->t->mcr[kid[i].index];
		HPDF_Dict mcr = HPDF_Dict_New(w->doc->mmgr);
		if (!mcr) {
			w->r = HPDF_FAILD_TO_ALLOC_MEM;
			return;
		}
		w->r += HPDF_Dict_AddName(mcr, "Type", "MCR");
		w->r += HPDF_Dict_Add(mcr, "Pg", w->pages[m->page]);
		w->r += HPDF_Dict_AddNumber(mcr, "MCID", (HPDF_INT32)m->mcid);
		w->r += HPDF_Array_Add(k, mcr);
		w->owner[kid[i].index] = owner;
	}
}

static const char *S_group(const char *type, bool marks)
{
	if (marks)
		return "Span";
	if (!strcmp(type, "Table"))
		return "TBody";
	if (!strcmp(type, "L") || !strcmp(type, "TOC"))
		return type;
	return "Div";
}

/* The number tree of the pages' marked content: page index to the array
 * of the elements of its MCIDs, then each tagged annotation's key
 * (count + its index) to its Link; in leaves of S_FANOUT keys. */
static HPDF_Dict S_parent_tree(struct S_writer *w, HPDF_Array *by_page,
			       size_t count, HPDF_Dict *annot_elem,
			       size_t annots)
{
	HPDF_Dict tree = HPDF_Dict_New(w->doc->mmgr);
	HPDF_Array kids = HPDF_Array_New(w->doc->mmgr);
	if (!tree || !kids) {
		w->r = HPDF_FAILD_TO_ALLOC_MEM;
		return NULL;
	}
	for (size_t p0 = 0; p0 < count && w->r == HPDF_OK; p0 += S_FANOUT) {
		HPDF_Dict leaf = HPDF_Dict_New(w->doc->mmgr);
		HPDF_Array nums = HPDF_Array_New(w->doc->mmgr);
		HPDF_Array lim = HPDF_Array_New(w->doc->mmgr);
		if (!leaf || !nums || !lim) {
			w->r = HPDF_FAILD_TO_ALLOC_MEM;
			break;
		}
		size_t p1 = p0 + S_FANOUT < count ? p0 + S_FANOUT : count;
		int first = -1, last = -1;
		for (size_t p = p0; p < p1; p++) {
			if (!by_page[p])
				continue;
			if (first < 0)
				first = (int)p;
			last = (int)p;
			w->r += HPDF_Array_AddNumber(nums, (HPDF_INT32)p);
			w->r += HPDF_Array_Add(nums, by_page[p]);
		}
		if (first < 0)
			continue;
		w->r += HPDF_Xref_Add(w->doc->xref, leaf);
		w->r += HPDF_Dict_Add(leaf, "Nums", nums);
		w->r += HPDF_Array_AddNumber(lim, first);
		w->r += HPDF_Array_AddNumber(lim, last);
		w->r += HPDF_Dict_Add(leaf, "Limits", lim);
		w->r += HPDF_Array_Add(kids, leaf);
	}
	for (size_t a0 = 0; a0 < annots && w->r == HPDF_OK; a0 += S_FANOUT) {
		HPDF_Dict leaf = HPDF_Dict_New(w->doc->mmgr);
		HPDF_Array nums = HPDF_Array_New(w->doc->mmgr);
		HPDF_Array lim = HPDF_Array_New(w->doc->mmgr);
		if (!leaf || !nums || !lim) {
			w->r = HPDF_FAILD_TO_ALLOC_MEM;
			break;
		}
		size_t a1 = a0 + S_FANOUT < annots ? a0 + S_FANOUT : annots;
		long first = -1, last = -1;
		for (size_t a = a0; a < a1; a++) {
			if (!annot_elem[a])
				continue;
			if (first < 0)
				first = (long)(count + a);
			last = (long)(count + a);
			w->r += HPDF_Array_AddNumber(nums,
						     (HPDF_INT32)(count + a));
			w->r += HPDF_Array_Add(nums, annot_elem[a]);
		}
		if (first < 0)
			continue;
		w->r += HPDF_Xref_Add(w->doc->xref, leaf);
		w->r += HPDF_Dict_Add(leaf, "Nums", nums);
		w->r += HPDF_Array_AddNumber(lim, (HPDF_INT32)first);
		w->r += HPDF_Array_AddNumber(lim, (HPDF_INT32)last);
		w->r += HPDF_Dict_Add(leaf, "Limits", lim);
		w->r += HPDF_Array_Add(kids, leaf);
	}
	w->r += HPDF_Dict_Add(tree, "Kids", kids);
	return tree;
}

/* Each tagged link annotation: an object reference in its Link, its
 * /StructParent key, its /Contents; annot_elem gets the Link of each. */
static void S_annots(struct S_writer *w, HPDF_Array *kids, size_t count,
		     HPDF_Dict *annot_elem)
{
	const struct pdf_tags *t = w->t;
	for (size_t i = 0; i < t->annot_count && w->r == HPDF_OK; i++) {
		const struct pdf_annot *a = &t->annot[i];
		if (a->elem >= t->count || !w->dict[a->elem] ||
		    a->page >= count)
			continue;
		HPDF_Dict objr = HPDF_Dict_New(w->doc->mmgr);
		if (!objr) {
			w->r = HPDF_FAILD_TO_ALLOC_MEM;
			return;
		}
		w->r += HPDF_Dict_AddName(objr, "Type", "OBJR");
		w->r += HPDF_Dict_Add(objr, "Obj", a->annot);
		w->r += HPDF_Dict_Add(objr, "Pg", w->pages[a->page]);
		w->r += HPDF_Array_Add(kids[a->elem], objr);
		w->r += HPDF_Dict_AddNumber(a->annot, "StructParent",
					    (HPDF_INT32)(count + i));
		if (a->text && *a->text)
			w->r += HPDF_Dict_Add(a->annot, "Contents",
					      S_text(w->doc, a->text, 2000));
		annot_elem[i] = w->dict[a->elem];
	}
}

/* An element that holds both marked content and elements (a paragraph
 * and the links in it) has them in drawing order: a child element where
 * its first marked content is drawn.  Others keep the order they were
 * made in (a Note after the text). */
static void S_content_order(const struct pdf_tags *t, const size_t *first,
			    struct S_kid *kid)
{
	size_t *at = xmalloc(t->count * sizeof *at);
	for (size_t i = 0; i < t->count; i++)
		at[i] = SIZE_MAX;
	for (size_t j = 0; j < t->mcr_count; j++)
		for (uint32_t e = t->mcr[j].elem; e < t->count && at[e] ==
								   SIZE_MAX;
		     e = t->e[e].parent) {
			at[e] = j;
			if (e == 0)
				break;
		}
	struct S_kid *tmp = NULL;
	size_t tmp_cap = 0;
	for (size_t i = 0; i < t->count; i++) {
		size_t lo = first[i], hi = first[i + 1], m = lo;
		while (m < hi && !kid[m].mcr)
			m++;
		if (m == lo || m == hi)
			continue; /* one kind only */
		/* the elements [lo, m) by where they start (few: insertion),
		 * then merged with the marked content [m, hi), in order */
		for (size_t a = lo + 1; a < m; a++)
			for (size_t b = a; b > lo && at[kid[b - 1].index] >
							      at[kid[b].index];
			     b--) {
				struct S_kid x = kid[b];
				kid[b] = kid[b - 1];
				kid[b - 1] = x;
			}
		if (tmp_cap < hi - lo) {
			tmp_cap = hi - lo;
			tmp = xrealloc(tmp, tmp_cap * sizeof *tmp);
		}
		size_t x = lo, y = m, n = 0;
		while (x < m || y < hi)
			tmp[n++] = y >= hi || (x < m && at[kid[x].index] <
							       kid[y].index)
					   ? kid[x++]
					   : kid[y++];
		memcpy(kid + lo, tmp, n * sizeof *tmp);
	}
	free(tmp);
	free(at);
}

bool pdf_tags_write(HPDF_Doc doc, struct pdf_tags *t, HPDF_Page *pages,
		    size_t page_count, const struct pdf_doc_meta *meta)
{
	/* a page whose marked content libharu's arrays cannot map is left
	 * untagged, with the whole document: a tree that misses content
	 * would mislead */
	bool taggable = true;
	for (size_t p = 0; p < t->page_cap && p < page_count; p++)
		taggable &= t->next_mcid[p] <= S_MAX_MCIDS;
	if (!S_catalog(doc, meta, taggable))
		return false;
	if (!taggable)
		return true;
	bool *used = S_used(t);
	/* each element's kids, child elements (the late ones last), then
	 * its marked content, as a compressed row list */
	size_t *first = xcalloc(t->count + 1, sizeof *first);
	for (size_t i = 1; i < t->count; i++)
		if (used[i])
			first[t->e[i].parent + 1]++;
	for (size_t i = 0; i < t->mcr_count; i++)
		if (t->mcr[i].elem < t->count)
			first[t->mcr[i].elem + 1]++;
	for (size_t i = 0; i < t->count; i++)
		first[i + 1] += first[i];
	struct S_kid *kid = xmalloc((first[t->count] + 1) * sizeof *kid);
	size_t *fill = xmalloc((t->count + 1) * sizeof *fill);
	memcpy(fill, first, (t->count + 1) * sizeof *fill);
	for (int late = 0; late < 2; late++)
		for (size_t i = 1; i < t->count; i++)
			if (used[i] && t->e[i].late == (late == 1))
				kid[fill[t->e[i].parent]++] =
					(struct S_kid){false, (uint32_t)i};
	for (size_t i = 0; i < t->mcr_count; i++)
		if (t->mcr[i].elem < t->count)
			kid[fill[t->mcr[i].elem]++] =
				(struct S_kid){true, (uint32_t)i};
	S_content_order(t, first, kid);
	struct S_writer w = {.doc = doc, .t = t, .pages = pages};
	w.dict = xcalloc(t->count, sizeof *w.dict);
	w.owner = xcalloc(t->mcr_count + 1, sizeof *w.owner);
	HPDF_Array *kids = xcalloc(t->count, sizeof *kids);
	HPDF_Dict root = HPDF_Dict_New(doc->mmgr);
	w.r += root ? HPDF_Xref_Add(doc->xref, root) : HPDF_FAILD_TO_ALLOC_MEM;
	for (size_t i = 0; i < t->count && w.r == HPDF_OK; i++) {
		if (!used[i])
			continue;
		const struct pdf_elem *e = &t->e[i];
		/* /P is set where the element is put (S_put_kids) */
		w.dict[i] = S_elem_dict(&w, e->type, root, &kids[i]);
		if (!w.dict[i])
			break;
		if (e->alt)
			w.r += HPDF_Dict_Add(w.dict[i], "Alt",
					     S_text(doc, e->alt, 20000));
		if (e->scope) {
			HPDF_Dict a = HPDF_Dict_New(doc->mmgr);
			w.r += a ? HPDF_Dict_AddName(a, "O", "Table") +
					   HPDF_Dict_AddName(a, "Scope",
							     e->scope) +
					   HPDF_Dict_Add(w.dict[i], "A", a)
				 : HPDF_FAILD_TO_ALLOC_MEM;
		}
	}
	for (size_t i = 0; i < t->count && w.r == HPDF_OK; i++) {
		size_t n = first[i + 1] - first[i];
		if (!used[i] || !n)
			continue;
		bool marks = kid[first[i]].mcr;
		S_put_kids(&w, w.dict[i], kids[i], kid + first[i], n,
			   S_group(t->e[i].type, marks));
	}
	/* each page's MCIDs (given in drawing order, so an MCID is its
	 * index) to the element that holds them */
	HPDF_Array *by_page = xcalloc(page_count ? page_count : 1,
				      sizeof *by_page);
	for (size_t i = 0; i < t->mcr_count && w.r == HPDF_OK; i++) {
		const struct pdf_mcr *m = &t->mcr[i];
		if (m->page >= page_count)
			continue;
		if (!by_page[m->page]) {
			by_page[m->page] = HPDF_Array_New(doc->mmgr);
			if (!by_page[m->page]) {
				w.r = HPDF_FAILD_TO_ALLOC_MEM;
				break;
			}
		}
		HPDF_Dict o = w.owner[i] ? w.owner[i] : root;
		w.r += HPDF_Array_Add(by_page[m->page], o);
	}
	for (size_t p = 0; p < page_count && w.r == HPDF_OK; p++) {
		w.r += HPDF_Dict_AddName(pages[p], "Tabs", "S");
		if (by_page[p])
			w.r += HPDF_Dict_AddNumber(pages[p], "StructParents",
						   (HPDF_INT32)p);
	}
	HPDF_Dict *annot_elem = xcalloc(t->annot_count + 1,
					sizeof *annot_elem);
	S_annots(&w, kids, page_count, annot_elem);
	HPDF_Dict tree = w.r == HPDF_OK
				 ? S_parent_tree(&w, by_page, page_count,
						 annot_elem, t->annot_count)
				 : NULL;
	free(annot_elem);
	if (w.r == HPDF_OK && tree) {
		w.r += HPDF_Dict_Add(w.dict[0], "P", root);
		w.r += HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
		w.r += HPDF_Dict_Add(root, "K", w.dict[0]);
		w.r += HPDF_Dict_Add(root, "ParentTree", tree);
		w.r += HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
					   (HPDF_INT32)(page_count +
							t->annot_count));
		w.r += HPDF_Dict_Add(doc->catalog, "StructTreeRoot", root);
	}
	free(by_page);
	free(w.dict);
	free(w.owner);
	free(kids);
	free(kid);
	free(first);
	free(fill);
	free(used);
	return w.r == HPDF_OK;
}
