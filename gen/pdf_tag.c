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
 * pdf_tags_write() finally writes the tree as raw objects (pdf_raw.c:
 * each body written as text, not built of libharu's dict and array
 * objects, which cost a fifth of a build): StructTreeRoot, its
 * ParentTree, a StructElem per element, and the catalog's /MarkInfo,
 * /ViewerPreferences /DisplayDocTitle, XMP /Metadata, the pages'
 * /StructParents and /Tabs /S, the trailer's /ID.  No limit on kids nor
 * on marked content per page (libharu's arrays had one).
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

/* Each run of text of a passage in another language (one lang pointer)
 * within one element becomes a Span with /Lang in that element. */
static void S_tag_langs(struct pdf_tags *t, struct pdf_chunk *const *c,
			size_t n)
{
	const char *last = NULL;
	uint32_t last_elem = 0, span = 0;
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < c[k]->n; i++) {
			struct pdf_draw *d = &c[k]->d[i];
			if (!d->lang || !S_is_text(d) || !d->elem ||
			    d->elem >= t->count)
				continue;
			if (d->lang != last || d->elem != last_elem) {
				uint32_t open = t->open;
				t->open = d->elem;
				span = pdf_tag_leaf(t, "Span");
				t->e[span].lang = d->lang;
				t->open = open;
				last = d->lang;
				last_elem = d->elem;
			}
			d->elem = span;
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
	S_tag_langs(t, c, n);
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

/* An XMP date of d ("2025-07-15T00:00:00Z"), as the information
 * dictionary's (libharu writes it in UTC); "" for none. */
static void S_xmp_date(char *out, size_t size, const struct pdf_date *d)
{
	*out = 0;
	if (d->year > 0)
		snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", d->year,
			 d->month, d->day, d->hour, d->minute, d->second);
}

/* One simple XMP property, escaped, if v is not empty: `open` and `close`
 * around it. */
static void S_xmp_prop(struct buf *x, const char *open, const char *v,
		       const char *close)
{
	if (!v || !*v)
		return;
	buf_puts(x, open);
	S_xml(x, v);
	buf_puts(x, close);
}

/* The XMP packet: the document information again (Dublin Core title,
 * creator, description, language; the dates, the keywords, the creator
 * tool and the producer), the PDF/A-2a and PDF/UA-1 identification and
 * the extension schema PDF/A-2 wants for pdfuaid; its object number, 0
 * on failure. */
static uint32_t S_metadata(HPDF_Doc doc, const struct pdf_doc_meta *m)
{
	struct buf x;
	buf_init(&x);
	char date[40];
	S_xmp_date(date, sizeof date, &m->created);
	buf_puts(&x, "<?xpacket begin=\"\xEF\xBB\xBF\" "
		     "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		     "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		     "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/"
		     "22-rdf-syntax-ns#\">\n"
		     "<rdf:Description rdf:about=\"\" "
		     "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
		     "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
		     "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
		     "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" "
		     "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
	S_xmp_prop(&x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">",
		   m->title, "</rdf:li></rdf:Alt></dc:title>\n");
	S_xmp_prop(&x, "<dc:creator><rdf:Seq><rdf:li>", m->author,
		   "</rdf:li></rdf:Seq></dc:creator>\n");
	S_xmp_prop(&x, "<dc:description><rdf:Alt><rdf:li "
		       "xml:lang=\"x-default\">",
		   m->subject, "</rdf:li></rdf:Alt></dc:description>\n");
	S_xmp_prop(&x, "<dc:language><rdf:Bag><rdf:li>", m->lang,
		   "</rdf:li></rdf:Bag></dc:language>\n");
	buf_puts(&x, "<dc:format>application/pdf</dc:format>\n");
	S_xmp_prop(&x, "<xmp:CreateDate>", date, "</xmp:CreateDate>\n");
	S_xmp_prop(&x, "<xmp:ModifyDate>", date, "</xmp:ModifyDate>\n");
	S_xmp_prop(&x, "<xmp:CreatorTool>", m->creator,
		   "</xmp:CreatorTool>\n");
	S_xmp_prop(&x, "<pdf:Keywords>", m->keywords, "</pdf:Keywords>\n");
	S_xmp_prop(&x, "<pdf:Producer>", m->producer, "</pdf:Producer>\n");
	buf_puts(&x, "<pdfaid:part>2</pdfaid:part>\n"
		     "<pdfaid:conformance>A</pdfaid:conformance>\n"
		     "<pdfuaid:part>1</pdfuaid:part>\n"
		     "</rdf:Description>\n"
		     "<rdf:Description rdf:about=\"\" "
		     "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/"
		     "extension/\" "
		     "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
		     "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/"
		     "property#\">\n"
		     "<pdfaExtension:schemas><rdf:Bag>"
		     "<rdf:li rdf:parseType=\"Resource\">\n"
		     "<pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>\n"
		     "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
		     "</pdfaSchema:namespaceURI>\n"
		     "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
		     "<pdfaSchema:property><rdf:Seq>"
		     "<rdf:li rdf:parseType=\"Resource\">\n"
		     "<pdfaProperty:name>part</pdfaProperty:name>\n"
		     "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
		     "<pdfaProperty:category>internal</pdfaProperty:category>\n"
		     "<pdfaProperty:description>The part of ISO 14289 the file "
		     "conforms to</pdfaProperty:description>\n"
		     "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
		     "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
		     "</rdf:Description>\n"
		     "</rdf:RDF>\n</x:xmpmeta>\n"
		     "<?xpacket end=\"w\"?>");
	/* uncompressed: readable as is (PDF/A wants it so) */
	uint32_t n = pdf_raw_stream(doc, "/Type /Metadata /Subtype /XML",
				    x.data, x.len, false);
	buf_free(&x);
	return n;
}

/* The output intent: colours are sRGB (the ICC profile embedded), what
 * PDF/A wants of a file that paints in DeviceRGB. */
static bool S_output_intent(HPDF_Doc doc, const struct pdf_doc_meta *m)
{
	if (!m->icc || !m->icc_len)
		return true;
	uint32_t icc = pdf_raw_stream(doc, "/N 3", m->icc, m->icc_len, true);
	if (!icc)
		return false;
	char v[320];
	snprintf(v, sizeof v,
		 "[<</Type /OutputIntent /S /GTS_PDFA1 "
		 "/OutputConditionIdentifier (sRGB IEC61966-2.1) "
		 "/Info (sRGB IEC61966-2.1) "
		 "/RegistryName (http://www.color.org) "
		 "/DestOutputProfile %u 0 R>>]",
		 (unsigned)icc);
	return pdf_raw_set(pdf_raw_catalog(doc), "OutputIntents", v);
}

/* The catalog's entries for a tagged document (marked: it is) and the
 * trailer's /ID. */
static bool S_catalog(HPDF_Doc doc, const struct pdf_doc_meta *m,
		      bool marked)
{
	HPDF_Dict cat = pdf_raw_catalog(doc);
	bool ok = pdf_raw_set(cat, "MarkInfo",
			      marked ? "<</Marked true>>"
				     : "<</Marked false>>") &&
		  pdf_raw_set(cat, "ViewerPreferences",
			      m->rtl ? "<</DisplayDocTitle true "
				       "/Direction /R2L>>"
				     : "<</DisplayDocTitle true>>");
	char id[2 * sizeof m->id + 1];
	for (size_t i = 0; i < sizeof m->id; i++)
		snprintf(id + 2 * i, 3, "%02X", m->id[i]);
	char ids[2 * sizeof id + 8];
	snprintf(ids, sizeof ids, "[<%s> <%s>]", id, id);
	ok = ok && pdf_raw_set(pdf_raw_trailer(doc), "ID", ids) &&
	     S_output_intent(doc, m);
	/* structure trees came with PDF 1.4, /Tabs with 1.5 */
	pdf_raw_min_version(doc, HPDF_VER_17);
	uint32_t meta = ok ? S_metadata(doc, m) : 0;
	char ref[24];
	snprintf(ref, sizeof ref, "%u 0 R", (unsigned)meta);
	return meta && pdf_raw_set(cat, "Metadata", ref);
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
	/* but an empty cell of a row stays: a table's rows have as many
	 * cells as its head (PDF/UA-1, 7.2; a total's row has no share) */
	for (size_t i = 1; i < t->count; i++)
		if (!used[i] && t->e[i].parent < t->count &&
		    used[t->e[i].parent] &&
		    (!strcmp(t->e[i].type, "TD") || !strcmp(t->e[i].type, "TH")))
			used[i] = true;
	return used;
}

/* Keys per leaf of the parent tree (a number tree): a viewer reads one
 * leaf, not the whole list, to find a page's elements. */
enum { S_LEAF = 2048 };

struct S_kid {
	bool mcr;
	uint32_t index; /* an element, or an entry of t->mcr */
};

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

/* n in decimal, appended: buf_printf's formatting was half the tree's
 * writing time. */
static void S_uint(struct buf *b, size_t n)
{
	char d[24];
	size_t k = sizeof d;
	do
		d[--k] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	buf_put(b, d + k, sizeof d - k);
}

/* "N 0 R" and a space, appended. */
static void S_ref(struct buf *b, uint32_t obj)
{
	S_uint(b, obj);
	buf_put(b, " 0 R ", 5);
}

struct S_writer {
	HPDF_Doc doc;
	const struct pdf_tags *t;
	uint32_t *page_obj; /* by page: its object number */
	size_t page_count;
	uint32_t *obj;      /* by element: its object number, 0 if unused */
	uint32_t root;      /* the StructTreeRoot */
	struct buf b;       /* the body being written */
	bool ok;
};

/* Each element's dictionary: its kids in order (child elements by
 * reference, marked content by MCR), then its tagged annotations. */
static void S_elements(struct S_writer *w, const size_t *first,
		       const struct S_kid *kid, const size_t *annot_first,
		       const uint32_t *annot_of)
{
	const struct pdf_tags *t = w->t;
	for (size_t i = 0; i < t->count && w->ok; i++) {
		if (!w->obj[i])
			continue;
		const struct pdf_elem *e = &t->e[i];
		struct buf *b = &w->b;
		buf_clear(b);
		buf_puts(b, "/Type /StructElem /S /");
		buf_puts(b, e->type);
		buf_puts(b, " /P ");
		S_ref(b, i ? w->obj[e->parent] : w->root);
		buf_puts(b, "\n/K [");
		for (size_t k = first[i]; k < first[i + 1]; k++) {
			if (!kid[k].mcr) {
				S_ref(b, w->obj[kid[k].index]);
				continue;
			}
			const struct pdf_mcr *m = &t->mcr[kid[k].index];
			buf_puts(b, "<</Type /MCR /Pg ");
			S_ref(b, w->page_obj[m->page]);
			buf_puts(b, "/MCID ");
			S_uint(b, m->mcid);
			buf_puts(b, ">> ");
		}
		for (size_t k = annot_first[i]; k < annot_first[i + 1]; k++) {
			const struct pdf_annot *a = &t->annot[annot_of[k]];
			buf_printf(b, "<</Type /OBJR /Obj %u 0 R /Pg %u 0 R>> ",
				   (unsigned)pdf_raw_number(a->annot),
				   (unsigned)w->page_obj[a->page]);
		}
		buf_putc(b, ']');
		if (e->alt) {
			buf_puts(b, "\n/Alt ");
			pdf_raw_text(b, e->alt, 16000); /* PDF/A: strings ≤ 32,767 bytes */
		}
		if (e->numbering) /* a reader says "numbered list" */
			buf_printf(b, "\n/A <</O /List /ListNumbering /%s>>",
				   e->numbering);
		else if (e->scope)
			buf_printf(b, "\n/A <</O /Table /Scope /%s>>",
				   e->scope);
		else if (e->colspan > 1)
			buf_printf(b, "\n/A <</O /Table /ColSpan %u>>",
				   e->colspan);
		else if (e->summary) {
			buf_puts(b, "\n/A <</O /Table /Summary ");
			pdf_raw_text(b, e->summary, 16000);
			buf_puts(b, ">>");
		}
		if (!strcmp(e->type, "Note")) { /* PDF/UA-1 7.9: an /ID */
			buf_puts(b, "\n/ID (note-");
			S_uint(b, i);
			buf_putc(b, ')');
		}
		if (e->lang) /* letters, digits, hyphens (markdown.c) */
			buf_printf(b, "\n/Lang (%s)", e->lang);
		w->ok = pdf_raw_fill(w->doc, w->obj[i], b->data, b->len);
	}
}

/* A number-tree leaf, keys lo..hi, its /Nums entries in b: closed with
 * its /Limits, written as an object, referred to from tree. */
static void S_leaf(struct S_writer *w, struct buf *b, long lo, long hi,
		   struct buf *tree)
{
	buf_printf(b, "]\n/Limits [%ld %ld]", lo, hi);
	uint32_t leaf = pdf_raw_object(w->doc, b->data, b->len);
	w->ok = leaf != 0;
	buf_printf(tree, "%u 0 R ", (unsigned)leaf);
}

/* The number tree of the pages' marked content: page index to the array
 * of the elements of its MCIDs (given in drawing order, so an MCID is its
 * index), then each tagged annotation's key (page count + its index) to
 * its Link; in leaves of S_LEAF keys.  The tree's dictionary (direct, in
 * the StructTreeRoot) is appended to w->b. */
static void S_parent_tree(struct S_writer *w, const bool *tagged_annot,
			  struct buf *tree)
{
	const struct pdf_tags *t = w->t;
	size_t count = w->page_count;
	/* the MCRs by page (a stable counting sort) */
	size_t *at = xcalloc(count + 1, sizeof *at);
	for (size_t i = 0; i < t->mcr_count; i++)
		if (t->mcr[i].page < count)
			at[t->mcr[i].page + 1]++;
	for (size_t p = 0; p < count; p++)
		at[p + 1] += at[p];
	uint32_t *by_page = xmalloc((at[count] + 1) * sizeof *by_page);
	size_t *fill = xmalloc((count + 1) * sizeof *fill);
	memcpy(fill, at, (count + 1) * sizeof *fill);
	for (size_t i = 0; i < t->mcr_count; i++)
		if (t->mcr[i].page < count)
			by_page[fill[t->mcr[i].page]++] = (uint32_t)i;
	free(fill);
	buf_puts(tree, "<</Kids [");
	struct buf *b = &w->b;
	for (size_t p0 = 0; p0 < count && w->ok; p0 += S_LEAF) {
		size_t p1 = p0 + S_LEAF < count ? p0 + S_LEAF : count;
		long lo = -1, hi = -1;
		buf_clear(b);
		buf_puts(b, "/Nums [");
		for (size_t p = p0; p < p1; p++) {
			if (at[p] == at[p + 1])
				continue;
			if (lo < 0)
				lo = (long)p;
			hi = (long)p;
			buf_printf(b, "\n%zu [", p);
			for (size_t k = at[p]; k < at[p + 1]; k++) {
				uint32_t e = t->mcr[by_page[k]].elem;
				S_ref(b, e < t->count && w->obj[e] ? w->obj[e]
								   : w->root);
			}
			buf_putc(b, ']');
		}
		if (lo >= 0)
			S_leaf(w, b, lo, hi, tree);
	}
	for (size_t a0 = 0; a0 < t->annot_count && w->ok; a0 += S_LEAF) {
		size_t a1 = a0 + S_LEAF < t->annot_count ? a0 + S_LEAF
							  : t->annot_count;
		long lo = -1, hi = -1;
		buf_clear(b);
		buf_puts(b, "/Nums [");
		for (size_t a = a0; a < a1; a++) {
			if (!tagged_annot[a])
				continue;
			if (lo < 0)
				lo = (long)(count + a);
			hi = (long)(count + a);
			buf_printf(b, "\n%zu %u 0 R", count + a,
				   (unsigned)w->obj[t->annot[a].elem]);
		}
		if (lo >= 0)
			S_leaf(w, b, lo, hi, tree);
	}
	buf_puts(tree, "]>>");
	free(by_page);
	free(at);
}

/* Each tagged link annotation: its /StructParent key and its /Contents;
 * tagged[i] says whether annotation i is in the tree, annot_first/of list
 * them by element (a compressed row list). */
static void S_annots(struct S_writer *w, bool *tagged, size_t *annot_first,
		     uint32_t *annot_of)
{
	const struct pdf_tags *t = w->t;
	for (size_t i = 0; i < t->annot_count; i++) {
		const struct pdf_annot *a = &t->annot[i];
		tagged[i] = a->elem < t->count && w->obj[a->elem] &&
			    a->page < w->page_count;
		if (tagged[i])
			annot_first[a->elem + 1]++;
	}
	for (size_t i = 0; i < t->count; i++)
		annot_first[i + 1] += annot_first[i];
	size_t *fill = xmalloc((t->count + 1) * sizeof *fill);
	memcpy(fill, annot_first, (t->count + 1) * sizeof *fill);
	char num[24];
	for (size_t i = 0; i < t->annot_count && w->ok; i++) {
		if (!tagged[i])
			continue;
		const struct pdf_annot *a = &t->annot[i];
		annot_of[fill[a->elem]++] = (uint32_t)i;
		snprintf(num, sizeof num, "%zu", w->page_count + i);
		w->ok = pdf_raw_set(a->annot, "StructParent", num);
		if (a->text && *a->text) {
			buf_clear(&w->b);
			pdf_raw_text(&w->b, a->text, 2000);
			w->ok = w->ok &&
				pdf_raw_set(a->annot, "Contents", w->b.data);
		}
	}
	free(fill);
}

/* Each element among its parent's kids: in the order they were made, a
 * late one (a Note) right after the sibling it follows (its `after`, and
 * those that follow it in turn), the others after all. */
static void S_elements_in_order(const struct pdf_tags *t, const bool *used,
				size_t *fill, struct S_kid *kid)
{
	/* the late ones that follow each element, as linked lists */
	uint32_t *head = xcalloc(t->count + 1, sizeof *head);
	uint32_t *next = xcalloc(t->count + 1, sizeof *next);
	uint32_t *tail = xcalloc(t->count + 1, sizeof *tail);
	bool *placed = xcalloc(t->count + 1, sizeof *placed);
	/* each element's next sibling that is not late */
	uint32_t *sib = xcalloc(t->count + 1, sizeof *sib);
	uint32_t *last = xcalloc(t->count + 1, sizeof *last);
	for (size_t i = 1; i < t->count; i++) {
		uint32_t p = t->e[i].parent;
		if (!used[i] || t->e[i].late || p >= t->count)
			continue;
		if (last[p])
			sib[last[p]] = (uint32_t)i;
		last[p] = (uint32_t)i;
	}
	for (size_t i = 1; i < t->count; i++) {
		uint32_t a = t->e[i].after;
		if (!used[i] || !t->e[i].late || !a || a >= t->count ||
		    !used[a] || t->e[a].parent != t->e[i].parent)
			continue;
		/* a note cited in a table after the table's source line */
		while (sib[a] && t->e[sib[a]].with_prev)
			a = sib[a];
		if (head[a])
			next[tail[a]] = (uint32_t)i;
		else
			head[a] = (uint32_t)i;
		tail[a] = (uint32_t)i;
	}
	uint32_t *stack = xmalloc((t->count + 1) * sizeof *stack);
	for (int late = 0; late < 2; late++)
		for (size_t i = 1; i < t->count; i++) {
			if (!used[i] || placed[i] || t->e[i].late != (late == 1))
				continue;
			/* i, then what follows it, depth first */
			size_t n = 0;
			stack[n++] = (uint32_t)i;
			while (n) {
				uint32_t e = stack[--n];
				if (placed[e])
					continue;
				placed[e] = true;
				kid[fill[t->e[e].parent]++] =
					(struct S_kid){false, e};
				size_t from = n;
				for (uint32_t f = head[e]; f; f = next[f])
					if (!placed[f])
						stack[n++] = f;
				/* the first to follow on top */
				for (size_t a = from, b = n; a + 1 < b; a++, b--) {
					uint32_t x = stack[a];
					stack[a] = stack[b - 1];
					stack[b - 1] = x;
				}
			}
		}
	free(stack);
	free(head);
	free(next);
	free(tail);
	free(placed);
	free(sib);
	free(last);
}

bool pdf_tags_write(HPDF_Doc doc, struct pdf_tags *t, HPDF_Page *pages,
		    size_t page_count, const struct pdf_doc_meta *meta)
{
	if (!S_catalog(doc, meta, true))
		return false;
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
	S_elements_in_order(t, used, fill, kid);
	for (size_t i = 0; i < t->mcr_count; i++)
		if (t->mcr[i].elem < t->count)
			kid[fill[t->mcr[i].elem]++] =
				(struct S_kid){true, (uint32_t)i};
	free(fill);
	S_content_order(t, first, kid);

	struct S_writer w = {.doc = doc, .t = t, .page_count = page_count,
			     .ok = true};
	buf_init(&w.b);
	w.page_obj = xcalloc(page_count + 1, sizeof *w.page_obj);
	for (size_t p = 0; p < page_count; p++)
		w.page_obj[p] = pdf_raw_number(pages[p]);
	/* the numbers first (the root, then the elements in order), so
	 * that each body can name its parent and its kids */
	size_t n = 1;
	for (size_t i = 0; i < t->count; i++)
		n += used[i];
	w.root = pdf_raw_reserve(doc, n);
	w.ok = w.root != 0;
	w.obj = xcalloc(t->count, sizeof *w.obj);
	for (size_t i = 0, next = w.root + 1; i < t->count && w.ok; i++)
		if (used[i])
			w.obj[i] = (uint32_t)next++;
	bool *tagged = xcalloc(t->annot_count + 1, sizeof *tagged);
	size_t *annot_first = xcalloc(t->count + 1, sizeof *annot_first);
	uint32_t *annot_of = xmalloc((t->annot_count + 1) * sizeof *annot_of);
	if (w.ok)
		S_annots(&w, tagged, annot_first, annot_of);
	if (w.ok)
		S_elements(&w, first, kid, annot_first, annot_of);
	/* the pages: tab order by structure, their key in the parent tree */
	char num[24];
	for (size_t p = 0; p < page_count && w.ok; p++) {
		snprintf(num, sizeof num, "%zu", p);
		w.ok = pdf_raw_set(pages[p], "Tabs", "/S") &&
		       (p >= t->page_cap || !t->next_mcid[p] ||
			pdf_raw_set(pages[p], "StructParents", num));
	}
	struct buf root;
	buf_init(&root);
	if (w.ok) {
		buf_printf(&root, "/Type /StructTreeRoot /K %u 0 R\n"
				  "/ParentTree ",
			   (unsigned)w.obj[0]);
		S_parent_tree(&w, tagged, &root);
		buf_printf(&root, "\n/ParentTreeNextKey %zu",
			   page_count + t->annot_count);
	}
	if (w.ok) {
		char ref[24];
		snprintf(ref, sizeof ref, "%u 0 R", (unsigned)w.root);
		w.ok = pdf_raw_fill(doc, w.root, root.data, root.len) &&
		       pdf_raw_set(pdf_raw_catalog(doc), "StructTreeRoot",
				   ref);
	}
	buf_free(&root);
	buf_free(&w.b);
	free(w.page_obj);
	free(w.obj);
	free(tagged);
	free(annot_first);
	free(annot_of);
	free(kid);
	free(first);
	free(used);
	return w.ok;
}
