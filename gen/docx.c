/*
 * docx — docx_render(): the walk over the cmark-gfm tree into the body
 * of word/document.xml and its notes (one switch on the node type, like
 * cmark's renderers and pdf.c), the title page and the table of
 * contents.  See docx.h for the contract, docx_int.h for how the parts
 * fit; the package itself is written by docx_parts.c.
 */
#include "docx.h"

#include <errno.h>
#include <fribidi/fribidi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docx_count.h"
#include "docx_int.h"
#include "escape.h"
#include "fence.h"
#include "image.h"
#include "unform.h"

#define S_MAX_DEPTH 48 /* deeper blocks are written as plain paragraphs */
#define S_MAX_STYLE 64 /* inline nesting followed; deeper keeps the last */
#define S_TOC_DEPTH 2  /* heading levels the table of contents lists */

/* ------------------------------------------------------- small helpers */

const char *docx_lang_tag(enum lang l)
{
	switch (l) {
	case LANG_ES:
		return "es-ES";
	case LANG_FR:
		return "fr-FR";
	case LANG_AR:
		return "ar-SA";
	case LANG_ZH:
		return "zh-CN";
	case LANG_RU:
		return "ru-RU";
	default:
		return "en-GB"; /* the UN writes British English */
	}
}

/* Whether the language of tag is written in a script of its own
 * attribute: "zh", "ja", "ko" (east) or "ar", "he", "fa", "ur" (bidi). */
static bool S_tag_is(const char *tag, const char *const *langs)
{
	for (; *langs; langs++) {
		size_t n = strlen(*langs);
		if (!strncmp(tag, *langs, n) && (tag[n] == '\0' || tag[n] == '-'))
			return true;
	}
	return false;
}

const char *docx_lang_attrs(struct arena *a, const char *tag, bool passage)
{
	static const char *const east[] = {"zh", "ja", "ko", NULL};
	static const char *const bidi[] = {"ar", "he", "fa", "ur", NULL};
	bool is_east = S_tag_is(tag, east), is_bidi = S_tag_is(tag, bidi);
	struct buf b;
	buf_init(&b);
	if (!is_east && !is_bidi)
		buf_printf(&b, "w:val=\"%s\"", tag);
	if (passage || is_east)
		buf_printf(&b, "%sw:eastAsia=\"%s\"", b.len ? " " : "", tag);
	if (passage || is_bidi)
		buf_printf(&b, "%sw:bidi=\"%s\"", b.len ? " " : "", tag);
	const char *attrs = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return attrs;
}

const char *docx_lang_lcid(enum lang l)
{
	switch (l) {
	case LANG_ES:
		/* French's: a space between thousands and a decimal comma,
		 * as the Spanish report writes them (format_thousands);
		 * Spain's (C0A) writes "221.012" under "S/ 221 012" */
		return "40C";
	case LANG_FR:
		return "40C";
	case LANG_RU:
		return "419";
	default:
		return NULL;
	}
}

/* The text of a node's inline content, in the arena (markdown.h). */
static const char *S_plain(struct arena *a, cmark_node *node)
{
	struct buf b;
	buf_init(&b);
	markdown_plain(&b, node);
	const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* The length of s's first piece of one direction, and in *rtl whether it
 * is right to left: it ends where a strong character of the other
 * direction begins (what is between two strong characters, spaces,
 * punctuation, figures, goes with the piece before it; what has no strong
 * character takes the document's direction). */
static size_t S_direction_piece(const char *s, size_t len, bool rtl_doc,
				bool *rtl)
{
	int dir = -1; /* -1 none yet, 0 left to right, 1 right to left */
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned ch = utf8_decode(s + i, len - i, &adv);
		FriBidiCharType t = fribidi_get_bidi_type(ch);
		int d = t == FRIBIDI_TYPE_LTR				    ? 0
			: t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL ? 1
									: -1;
		if (d >= 0 && dir >= 0 && d != dir) {
			*rtl = dir == 1;
			return i;
		}
		if (d >= 0)
			dir = d;
		i += adv ? adv : 1;
	}
	*rtl = dir < 0 ? rtl_doc : dir == 1;
	return len;
}

void docx_text_runs(struct buf *o, const char *rpr, const char *lang_attrs,
		    bool rtl_doc, const char *s, size_t len)
{
	while (len) {
		bool rtl;
		size_t n = S_direction_piece(s, len, rtl_doc, &rtl);
		buf_printf(o, "<w:r><w:rPr>%s%s<w:lang %s/></w:rPr>", rpr,
			   rtl ? "<w:rtl/>" : "", lang_attrs);
		size_t start = 0;
		for (size_t i = 0; i <= n; i++) {
			if (i < n && s[i] != '\t' && s[i] != '\n')
				continue;
			if (i > start) {
				buf_puts(o, "<w:t xml:space=\"preserve\">");
				escape_xml(o, s + start, i - start);
				buf_puts(o, "</w:t>");
			}
			if (i < n)
				buf_puts(o, s[i] == '\t' ? "<w:tab/>"
							 : "<w:br/>");
			start = i + 1;
		}
		buf_puts(o, "</w:r>");
		s += n;
		len -= n;
	}
}

void docx_runs(struct docx_ctx *c, const char *rpr, const char *s,
	       size_t len)
{
	docx_text_runs(c->out, rpr, c->lang_attrs, lang_is_rtl(c->opt->lang), s,
		       len);
}

void docx_para(struct docx_ctx *c, const char *style, const char *rpr,
	       const char *text)
{
	buf_printf(c->out, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>",
		   style);
	c->after_table = false;
	if (text && *text)
		docx_runs(c, rpr ? rpr : "", text, strlen(text));
	buf_puts(c->out, "</w:p>");
}

void docx_table_direction(struct docx_ctx *c)
{
	if (lang_is_rtl(c->opt->lang))
		buf_puts(c->out, "<w:bidiVisual/>");
}

static void S_bookmark(struct docx_ctx *c, const char *name, bool start,
		       int id)
{
	if (start)
		buf_printf(c->out, "<w:bookmarkStart w:id=\"%d\" w:name=\"%s\"/>",
			   id, name);
	else
		buf_printf(c->out, "<w:bookmarkEnd w:id=\"%d\"/>", id);
}

/* A field: its code, then its cached result (plain text, may be ""). */
static void S_field(struct docx_ctx *c, const char *rpr, const char *code,
		    const char *result)
{
	static const char *const parts[] = {"begin", "separate", "end"};
	for (int i = 0; i < 3; i++) {
		if (i == 1) {
			buf_printf(c->out, "<w:r><w:rPr>%s<w:lang %s/>"
					   "</w:rPr><w:instrText "
					   "xml:space=\"preserve\">",
				   rpr, c->lang_attrs);
			escape_xml(c->out, code, strlen(code));
			buf_puts(c->out, "</w:instrText></w:r>");
		}
		if (i == 2 && *result)
			docx_runs(c, rpr, result, strlen(result));
		buf_printf(c->out, "<w:r><w:rPr>%s<w:lang %s/></w:rPr>"
				   "<w:fldChar w:fldCharType=\"%s\"/></w:r>",
			   rpr, c->lang_attrs, parts[i]);
	}
}

const char *docx_rel(struct docx_ctx *c, const char *type,
		     const char *target, bool external)
{
	const char *id = arena_printf(&c->arena, "rId%d", c->next_rid++);
	buf_printf(&c->rels, "<Relationship Id=\"%s\" Type=\"http://schemas."
			     "openxmlformats.org/officeDocument/2006/"
			     "relationships/%s\" Target=\"", id, type);
	escape_xml(&c->rels, target, strlen(target));
	buf_printf(&c->rels, "\"%s/>", external ? " TargetMode=\"External\""
						: "");
	return id;
}

struct docx_part *docx_part_add(struct docx_ctx *c, const char *name)
{
	c->parts = arena_grow(&c->arena, c->parts, sizeof *c->parts,
			      c->part_count, &c->part_cap, c->part_count + 1);
	struct docx_part *p = &c->parts[c->part_count++];
	p->name = arena_strdup(&c->arena, name);
	buf_init(&p->data);
	return p;
}

/* ------------------------------------------------------------ inlines */

struct S_style {
	bool bold, italic, strike, code, link;
};

static void S_rpr(struct buf *b, const struct S_style *s)
{
	if (s->link)
		buf_puts(b, "<w:rStyle w:val=\"Hyperlink\"/>");
	else if (s->code)
		buf_puts(b, "<w:rStyle w:val=\"CodeChar\"/>");
	if (s->bold)
		buf_puts(b, "<w:b/><w:bCs/>");
	if (s->italic)
		buf_puts(b, "<w:i/><w:iCs/>");
	if (s->strike)
		buf_puts(b, "<w:strike/>");
}

static void S_text_run(struct docx_ctx *c, const struct S_style *s,
		       const char *text, size_t len)
{
	struct buf rpr;
	buf_init(&rpr);
	S_rpr(&rpr, s);
	buf_putc(&rpr, '\0');
	docx_runs(c, rpr.data, text, len);
	buf_free(&rpr);
}

static const char *S_note_kind(const struct docx_ctx *c)
{
	return c->opt->endnotes ? "endnote" : "footnote";
}

/* The id of note n in the notes part: after page 1's "*" when the UN
 * form has it (docx_int.h: DOCX_UN_NOTE_ID). */
static int S_note_id(const struct docx_ctx *c, int n)
{
	return c->opt->un && c->opt->un->unedited && !c->opt->endnotes
		       ? n + DOCX_UN_NOTE_ID
		       : n;
}

static void S_note_ref_run(struct docx_ctx *c, int n)
{
	const char *k = S_note_kind(c);
	buf_printf(c->out, "<w:r><w:rPr><w:rStyle w:val=\"%sReference\"/>"
			   "<w:lang %s/></w:rPr><w:%sReference "
			   "w:id=\"%d\"/></w:r>",
		   c->opt->endnotes ? "Endnote" : "Footnote", c->lang_attrs, k,
		   S_note_id(c, n));
}

static void S_blocks(struct docx_ctx *c, cmark_node *parent);

struct S_para {
	const char *style;
	int num_id, ilvl; /* num_id 0: not numbered */
	int indent;       /* left indent in twips, 0: the style's */
	int hanging;      /* the first line's hang left of indent */
	bool whole;       /* its words never hyphenated */
	bool no_hang;     /* a UN heading without a number: at the text */
	char jc;          /* 'l' 'c' 'r' 'j' or 0 */
	bool keep_next;
};

static bool S_single_txt(const struct docx_ctx *c);

static void S_open_para(struct docx_ctx *c, struct S_para p);

/* The note of number n written into the notes part, the first time it
 * is referred to from the body. */
static void S_write_note(struct docx_ctx *c, int n)
{
	cmark_node *def = c->note_def[n];
	c->note_done[n] = true;
	struct buf *saved = c->out;
	int list_level = c->list_level, depth = c->depth;
	struct docx_frame frame = c->frame;
	const char *style = c->opt->endnotes ? "EndnoteText" : "FootnoteText";
	c->out = &c->notes;
	c->in_note = true;
	c->list_level = 0;
	c->frame = (struct docx_frame){.style = style, .note_mark = true};
	buf_printf(c->out, "<w:%s w:id=\"%d\">", S_note_kind(c),
		   S_note_id(c, n));
	S_blocks(c, def);
	if (c->frame.note_mark) { /* an empty note still has its mark */
		S_open_para(c, (struct S_para){.style = style});
		buf_puts(c->out, "</w:p>");
	}
	buf_printf(c->out, "</w:%s>", S_note_kind(c));
	c->frame = frame;
	c->out = saved;
	c->in_note = false;
	c->list_level = list_level;
	c->depth = depth;
}

/* A footnote reference: in the body, Word's own note (written now) the
 * first time, the number as text after; in a note, where Word has no
 * notes, the number as text, and the note it names follows this one's
 * mark in the body.  Word numbers notes in the order of their marks, so
 * the number written as text is Word's: a note that only a note refers
 * to comes right after that note's mark. */
static void S_note_ref(struct docx_ctx *c, cmark_node *ref)
{
	const char *lit = cmark_node_get_literal(ref);
	long n = lit ? strtol(lit, NULL, 10) : 0;
	if (n <= 0 || (size_t)n > c->note_count || !c->note_def[n])
		return;
	if (!c->in_note && !c->note_done[n]) {
		c->note_word[n] = ++c->word_notes;
		S_note_ref_run(c, (int)n);
		S_write_note(c, (int)n);
		/* the notes this one referred to, each once, in that order */
		for (size_t i = 0; i < c->pending_count; i++) {
			int m = c->note_pending[i];
			c->word_notes++;
			S_note_ref_run(c, m);
			S_write_note(c, m);
		}
		c->pending_count = 0;
		return;
	}
	if (c->in_note && !c->note_word[n] &&
	    c->pending_count < c->note_count) {
		c->note_pending[c->pending_count++] = (int)n;
		c->note_word[n] = c->word_notes + (int)c->pending_count;
	}
	struct buf rpr;
	buf_init(&rpr);
	buf_printf(&rpr, "<w:rStyle w:val=\"%s\"/>",
		   c->opt->endnotes ? "EndnoteReference" : "FootnoteReference");
	buf_putc(&rpr, '\0');
	char num[24];
	snprintf(num, sizeof num, "%d", c->note_word[n]);
	docx_runs(c, rpr.data, num, strlen(num));
	buf_free(&rpr);
}

/* A slug as the website makes a heading's id (html.c), for "#id"
 * links; ASCII letters and digits, others joined by '-'. */
static const char *S_slug(struct arena *a, const char *text)
{
	struct buf b;
	buf_init(&b);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		unsigned char ch = *p;
		if (b.len >= 80 && (ch & 0xc0) != 0x80)
			break;
		if (ch >= 'A' && ch <= 'Z')
			buf_putc(&b, (char)(ch - 'A' + 'a'));
		else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
			 ch >= 0x80)
			buf_putc(&b, (char)ch);
		else if (b.len && b.data[b.len - 1] != '-')
			buf_putc(&b, '-');
	}
	while (b.len && b.data[b.len - 1] == '-')
		b.len--;
	const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* Opens a hyperlink for a link node; false when it links nowhere. */
static bool S_link_open(struct docx_ctx *c, cmark_node *n)
{
	const char *url = cmark_node_get_url(n);
	if (!url || !*url)
		return false;
	if (url[0] == '#') {
		for (size_t i = 0; i < c->head_count; i++)
			if (!strcmp(c->heads[i].slug, url + 1)) {
				buf_printf(c->out, "<w:hyperlink w:anchor=\"%s\" "
						   "w:history=\"1\">",
					   c->heads[i].bookmark);
				return true;
			}
		return false;
	}
	if (!markdown_url_is_safe(url, false))
		return false; /* its text stays, as in the HTML and PDF */
	struct buf u;
	buf_init(&u);
	escape_url(&u, url, strlen(url));
	buf_putc(&u, '\0');
	const char *rid = docx_rel(c, "hyperlink", u.data, true);
	buf_free(&u);
	buf_printf(c->out, "<w:hyperlink r:id=\"%s\" w:history=\"1\">", rid);
	return true;
}


/* A picture of the content folder (image.h) embedded in the document,
 * its description as its text alternative; false when it is not to be
 * shown (a warning says why) and its description is written instead. */
static bool S_picture(struct docx_ctx *c, cmark_node *img)
{
	struct image im;
	if (!image_open(&c->arena, c->opt->base_dir, c->opt->root,
			cmark_node_get_url(img),
			markdown_node_pos(img, c->opt->file), c->d, &im))
		return false;
	char *bytes = NULL;
	size_t len = 0;
	/* image_open() bounded its pixels; the file is bounded here */
	int err = file_read_all(im.path, 64 * 1024 * 1024, &bytes, &len);
	if (err) {
		diag_warning(c->d, markdown_node_pos(img, c->opt->file),
			     "cannot read the image \"%s\": %s; its "
			     "description is shown instead",
			     im.url, file_error_text(err));
		return false;
	}
	int k = ++c->pictures;
	const char *name = arena_printf(&c->arena, "word/media/image%d.%s", k,
					im.kind == IMAGE_PNG ? "png" : "jpeg");
	struct docx_part *p = docx_part_add(c, name);
	buf_put(&p->data, bytes, len);
	free(bytes);
	const char *rid = docx_rel(c, "image", name + 5, false);
	/* 96 pixels an inch, at most the width of the text */
	double cx = im.width * 9525.0, cy = im.height * 9525.0;
	double max = (double)docx_text_width(c) * DOCX_EMU_PER_TWIP;
	if (cx > max) {
		cy = cy * max / cx;
		cx = max;
	}
	int id = c->next_docpr++;
	const char *alt = S_plain(&c->arena, img);
	buf_printf(c->out, "<w:r><w:rPr><w:lang %s/></w:rPr>"
			   "<w:drawing><wp:inline distT=\"0\" distB=\"0\" "
			   "distL=\"0\" distR=\"0\"><wp:extent cx=\"%.0f\" "
			   "cy=\"%.0f\"/><wp:effectExtent l=\"0\" t=\"0\" "
			   "r=\"0\" b=\"0\"/><wp:docPr id=\"%d\" "
			   "name=\"Picture %d\" descr=\"",
		   c->lang_attrs, cx, cy, id, k);
	escape_xml(c->out, alt, strlen(alt));
	buf_printf(c->out, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks "
			   "noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
			   "<a:graphic><a:graphicData uri=\"http://schemas."
			   "openxmlformats.org/drawingml/2006/picture\">"
			   "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"%d\" "
			   "name=\"image%d\"/><pic:cNvPicPr/></pic:nvPicPr>"
			   "<pic:blipFill><a:blip r:embed=\"%s\"/><a:stretch>"
			   "<a:fillRect/></a:stretch></pic:blipFill><pic:spPr>"
			   "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext "
			   "cx=\"%.0f\" cy=\"%.0f\"/></a:xfrm><a:prstGeom "
			   "prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
			   "</pic:pic></a:graphicData></a:graphic></wp:inline>"
			   "</w:drawing></w:r>",
		   id, k, rid, cx, cy);
	return true;
}

/* The inlines of a block, as runs. */
static void S_inlines(struct docx_ctx *c, cmark_node *parent)
{
	struct S_style st[S_MAX_STYLE];
	int sp = 0;
	st[0] = (struct S_style){0};
	int link_open = 0; /* hyperlinks are not nested */
	cmark_node *shown = NULL; /* a picture: its description is inside */
	enum { S_MAX_SPANS = 16 };
	cmark_node *span_end[S_MAX_SPANS];
	const char *span_lang[S_MAX_SPANS];
	const char *span_attrs[S_MAX_SPANS];
	size_t spans = 0;
	cmark_iter *it = cmark_iter_new(parent);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (n == parent)
			continue;
		if (shown) {
			if (n == shown && ev == CMARK_EVENT_EXIT)
				shown = NULL;
			continue;
		}
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_IMAGE && !c->in_note &&
		    S_picture(c, n)) {
			shown = n;
			continue;
		}
		cmark_node_type t = cmark_node_get_type(n);
		bool container = t == CMARK_NODE_EMPH ||
				 t == CMARK_NODE_STRONG ||
				 t == CMARK_NODE_LINK ||
				 t == CMARK_NODE_IMAGE ||
				 markdown_ext_of(n) == MARKDOWN_EXT_STRIKETHROUGH;
		if (container) {
			if (ev == CMARK_EVENT_ENTER) {
				struct S_style s = st[sp];
				if (t == CMARK_NODE_EMPH &&
				    lang_emphasis_is_bold(c->opt->lang))
					s.bold = true; /* as the PDF */
				else if (t == CMARK_NODE_EMPH ||
					 t == CMARK_NODE_IMAGE)
					s.italic = !s.italic;
				else if (t == CMARK_NODE_STRONG)
					s.bold = true;
				else if (t == CMARK_NODE_LINK) {
					if (!link_open && S_link_open(c, n)) {
						link_open = sp + 1;
						s.link = true;
					}
				} else
					s.strike = true;
				if (sp + 1 < S_MAX_STYLE)
					st[++sp] = s;
			} else if (sp > 0) {
				if (link_open == sp) {
					buf_puts(c->out, "</w:hyperlink>");
					link_open = 0;
				}
				sp--;
			}
			continue;
		}
		if (ev != CMARK_EVENT_ENTER)
			continue;
		const char *lit = cmark_node_get_literal(n);
		struct S_style code;
		switch (t) {
		case CMARK_NODE_TEXT:
			if (lit)
				S_text_run(c, &st[sp], lit, strlen(lit));
			break;
		case CMARK_NODE_CODE:
			code = st[sp];
			code.code = true;
			if (lit)
				S_text_run(c, &code, lit, strlen(lit));
			break;
		case CMARK_NODE_SOFTBREAK:
			S_text_run(c, &st[sp], " ", 1);
			break;
		case CMARK_NODE_LINEBREAK:
			S_text_run(c, &st[sp], "\n", 1);
			break;
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			S_note_ref(c, n);
			break;
		case CMARK_NODE_HTML_INLINE: {
			/* a passage in another language: its runs say so,
			 * until its own </span> */
			char code[36];
			cmark_node *end = markdown_lang_span(n, code,
							     sizeof code);
			if (end && spans < S_MAX_SPANS) {
				span_end[spans] = end;
				span_lang[spans] = c->lang_tag;
				span_attrs[spans++] = c->lang_attrs;
				c->lang_tag = arena_strdup(&c->arena, code);
				c->lang_attrs = docx_lang_attrs(
					&c->arena, code,
					strcmp(code, docx_lang_tag(c->opt->lang)));
			} else if (spans && n == span_end[spans - 1]) {
				c->lang_tag = span_lang[--spans];
				c->lang_attrs = span_attrs[spans];
			} else if (markdown_is_line_break(n)) { /* <br> */
				S_text_run(c, &st[sp], "\n", 1);
			}
			break;
		}
		default: /* raw HTML is dropped */
			break;
		}
	}
	if (link_open)
		buf_puts(c->out, "</w:hyperlink>");
	if (spans) { /* never: a passage's </span> is its sibling */
		c->lang_tag = span_lang[0];
		c->lang_attrs = span_attrs[0];
	}
	cmark_iter_free(it);
}

/* ------------------------------------------------------------- blocks */

static void S_ppr(struct docx_ctx *c, const struct S_para *p,
		  bool page_break)
{
	buf_printf(c->out, "<w:pPr><w:pStyle w:val=\"%s\"/>", p->style);
	if (p->keep_next)
		buf_puts(c->out, "<w:keepNext/>");
	if (page_break)
		buf_puts(c->out, "<w:pageBreakBefore/>");
	if (p->num_id)
		buf_printf(c->out, "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId "
				   "w:val=\"%d\"/></w:numPr>",
			   p->ilvl, p->num_id);
	if (p->whole)
		buf_puts(c->out, "<w:suppressAutoHyphens/>");
	/* a table has no space below of its own; a heading has its own; a
	 * table's source line stands close under it, as in the PDF */
	if (c->after_table && strncmp(p->style, "Heading", 7))
		buf_printf(c->out, "<w:spacing w:before=\"%d\"/>",
			   strcmp(p->style, "ChartSource") ? 200 : 80);
	c->after_table = false;
	if (p->indent && S_single_txt(c)) { /* inside the UN form's text */
		buf_printf(c->out, "<w:ind w:left=\"%d\" w:right=\"%d\"",
			   DOCX_UN_INDENT + p->indent,
			   DOCX_UN_INDENT + (strcmp(p->style, "Quote")
						     ? 0 : p->indent));
		if (p->hanging)
			buf_printf(c->out, " w:hanging=\"%d\"", p->hanging);
		buf_puts(c->out, "/>");
	} else if (p->no_hang && S_single_txt(c)) {
		/* the heading styles hang their number left of the text:
		 * a heading without one starts where the text does */
		buf_printf(c->out, "<w:ind w:left=\"%d\" w:right=\"%d\" "
				   "w:hanging=\"0\"/>",
			   DOCX_UN_INDENT, DOCX_UN_INDENT);
	}
	else if (p->indent)
		buf_printf(c->out, "<w:ind w:left=\"%d\"/>", p->indent);
	else if (c->opt->un && c->landscape) /* the annex: the page's width */
		buf_puts(c->out, "<w:ind w:left=\"0\" w:right=\"0\" "
				 "w:firstLine=\"0\"/>");
	if (p->jc)
		buf_printf(c->out, "<w:jc w:val=\"%s\"/>",
			   p->jc == 'c' ? "center" : p->jc == 'r' ? "right"
				   : p->jc == 'j' ? "both" : "left");
	buf_puts(c->out, "</w:pPr>");
}

/* An item's number hangs this far left of its text (docx_parts.c
 * S_numbering's levels). */
#define S_LIST_HANG 360

/* Where the text of an item of a list at level lvl stands, in twips in
 * from the text's start, as the numbering's levels set its first line
 * (docx_parts.c S_numbering) and the PDF its lines (pdf.c S_list): 36
 * points a level, 18 in the UN form's narrower text; a UN
 * subparagraph's lines after its first at the text's start. */
static int S_item_indent(const struct docx_ctx *c, int lvl, bool un_sub)
{
	if (un_sub)
		return 0;
	return (c->opt->un ? S_LIST_HANG : 2 * S_LIST_HANG) * (lvl + 1);
}

static void S_open_para(struct docx_ctx *c, struct S_para p)
{
	buf_puts(c->out, "<w:p>");
	if (c->frame.item_num) {
		if (!strcmp(p.style, "ListParagraph"))
			p.style = c->frame.item_style;
		p.num_id = c->frame.item_num;
		p.ilvl = c->frame.item_lvl;
		/* the level's indents (docx_parts.c S_numbering), but for
		 * an item shifted in */
		p.indent = c->frame.item_shift
				   ? S_item_indent(c, p.ilvl, false) +
					     c->frame.item_shift
				   : 0;
		p.hanging = c->frame.item_shift ? S_LIST_HANG : 0;
		c->frame.item_num = 0;
	}
	bool br = !c->in_note && c->page_break;
	c->page_break = c->page_break && c->in_note;
	S_ppr(c, &p, br);
	if (c->frame.note_mark) {
		c->frame.note_mark = false;
		const char *k = c->opt->endnotes ? "Endnote" : "Footnote";
		buf_printf(c->out, "<w:r><w:rPr><w:rStyle w:val=\"%sReference\"/>"
				   "<w:lang %s/></w:rPr><w:%sRef/></w:r>",
			   k, c->lang_attrs,
			   c->opt->endnotes ? "endnote" : "footnote");
		/* the UN form's notes: the text at the hanging indent's
		 * stop, as the PDF's (docx_parts.c) */
		if (c->opt->un && !c->opt->endnotes)
			buf_puts(c->out, "<w:r><w:tab/></w:r>");
		else
			docx_runs(c, "", " ", 1);
	}
}

static struct S_para S_plain_para(const struct docx_ctx *c)
{
	return (struct S_para){.style = c->frame.style,
			       .indent = c->frame.indent};
}

static void S_paragraph(struct docx_ctx *c, cmark_node *n)
{
	struct S_para p = S_plain_para(c);
	int number = markdown_number(&c->num, n);
	if (markdown_is_table_source(n)) { /* as a chart's source */
		p.style = "ChartSource";
	} else if (number > 0 && !c->in_note) {
		p.style = "NumberedPara";
		p.num_id = DOCX_NUM_PARA;
	}
	S_open_para(c, p);
	S_inlines(c, n);
	buf_puts(c->out, "</w:p>");
}

/* The bookmark of a recommendation's heading: "### Recommendation ID"
 * ends with the id of a recommendation of the report. */
static long S_rec_of_heading(struct docx_ctx *c, const char *text)
{
	const struct report *r = c->opt->report;
	const char *sp = strrchr(text, ' ');
	const char *id = sp ? sp + 1 : text;
	if (!r || !*id)
		return -1;
	size_t lo = 0, hi = r->rec_count;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = strcmp(c->rec_ids[mid], id);
		if (!cmp)
			return (long)c->rec_index[mid];
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The UN form: a heading's number (the text node unform_apply put at its
 * head, "I. ", "A. ", "أولاً- ") then a tab to its text, which its style's
 * hanging indent lines up with the text's start, as the PDF sets it.  The
 * number is written here and the node emptied; its text is returned for
 * the caller to put back (NULL: no number). */
static const char *S_un_number_tab(struct docx_ctx *c, cmark_node *n)
{
	cmark_node *t = cmark_node_first_child(n);
	if (!unform_is_number(c->opt->un, t))
		return NULL;
	const char *s = arena_strdup(&c->arena, cmark_node_get_literal(t));
	size_t num = strlen(s);
	while (num > 0 && (s[num - 1] == ' ' || s[num - 1] == '\t'))
		num--;
	docx_runs(c, "", s, num);
	buf_printf(c->out, "<w:r><w:rPr><w:lang %s/></w:rPr><w:tab/>"
			   "</w:r>",
		   c->lang_attrs);
	cmark_node_set_literal(t, "");
	return s;
}

static void S_heading(struct docx_ctx *c, cmark_node *n)
{
	int level = cmark_node_get_heading_level(n);
	if (level > 4)
		level = 4;
	markdown_number(&c->num, n);
	if (c->in_note || c->list_level) { /* no bookmark, no contents */
		S_open_para(c, (struct S_para){.style = "Heading4"});
		S_inlines(c, n);
		buf_puts(c->out, "</w:p>");
		return;
	}
	char style[24];
	snprintf(style, sizeof style, "Heading%d", level < 1 ? 1 : level);
	S_open_para(c, (struct S_para){
		.style = style,
		.no_hang = c->opt->un && !unform_is_number(
				c->opt->un, cmark_node_first_child(n))});
	struct docx_heading *h = NULL;
	if (c->head_next < c->head_count && c->heads[c->head_next].node == n)
		h = &c->heads[c->head_next++];
	int id = c->bookmark_id++;
	if (h)
		S_bookmark(c, h->bookmark, true, id);
	long rec = h ? S_rec_of_heading(c, h->text) : -1;
	int rid = c->bookmark_id++;
	if (rec >= 0)
		S_bookmark(c, arena_printf(&c->arena, "rec%ld", rec), true, rid);
	const char *whole = S_un_number_tab(c, n);
	S_inlines(c, n);
	if (whole) /* the tree as it was: the site and the count read it */
		cmark_node_set_literal(cmark_node_first_child(n), whole);
	if (rec >= 0)
		S_bookmark(c, NULL, false, rid);
	if (h)
		S_bookmark(c, NULL, false, id);
	buf_puts(c->out, "</w:p>");
}

/* -------------------------------------------------------------- tables */

/* A table of the report, named as the website's (markdown_table_name)
 * when a heading stands before `block`: Word's title of the table,
 * which its accessibility checker asks for and screen readers say. */
static void S_tbl_open(struct docx_ctx *c, const int *widths, unsigned cols,
		       cmark_node *block)
{
	/* A table right after another needs a paragraph between them: Word
	 * joins two tables that touch into one, the second's heading row
	 * then a row in the middle and the first's repeated over it. */
	if ((c->page_break || c->after_table) && !c->in_note) {
		S_open_para(c, (struct S_para){.style = "Normal"});
		buf_puts(c->out, "</w:p>");
	}
	buf_puts(c->out, "<w:tbl><w:tblPr><w:tblStyle w:val=\"UprTable\"/>");
	docx_table_direction(c);
	docx_table_width(c);
	buf_puts(c->out, "<w:tblLayout w:type=\"fixed\"/>"
			 "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" "
			 "w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
			 "w:noHBand=\"1\" w:noVBand=\"1\"/>");
	const char *name =
		block ? markdown_table_name_in(&c->arena, block,
					       words_get(c->chart_words.words,
							 "colon"))
		      : NULL;
	if (name) {
		buf_puts(c->out, "<w:tblCaption w:val=\"");
		escape_xml(c->out, name, strlen(name));
		buf_puts(c->out, "\"/>");
	}
	buf_puts(c->out, "</w:tblPr><w:tblGrid>");
	for (unsigned i = 0; i < cols; i++)
		buf_printf(c->out, "<w:gridCol w:w=\"%d\"/>", widths[i]);
	buf_puts(c->out, "</w:tblGrid>");
}

bool docx_keep_row(size_t row, size_t rows, bool header)
{
	size_t body = rows - (header ? 1 : 0);
	if (row + 1 >= rows)
		return false;
	if (header && row == 0)
		return body > 0;
	size_t b = row - (header ? 1 : 0); /* its place among the body's */
	return body <= 3 || b == 0 || b + 2 == body;
}

static void S_tr_open(struct docx_ctx *c, bool header)
{
	buf_printf(c->out, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
		   header ? "<w:tblHeader/>" : "");
}

/* A cell of width twips across span columns of the grid. */
/* A cell; whole: its words never hyphenated (the matrix's values). */
static void S_tc_open(struct docx_ctx *c, int width, unsigned span,
		      bool header, char jc, bool whole)
{
	/* figures stand at the right in every language (their units line
	 * up only there): in a right-to-left paragraph Word and LibreOffice
	 * take "left" for its start, the right */
	if (jc == 'r' && lang_is_rtl(c->opt->lang))
		jc = 'l';
	buf_printf(c->out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>",
		   width);
	if (span > 1)
		buf_printf(c->out, "<w:gridSpan w:val=\"%u\"/>", span);
	buf_puts(c->out, "</w:tcPr>");
	S_open_para(c, (struct S_para){
		.style = header ? "TableHeading" : "TableText", .jc = jc,
		.whole = whole, .keep_next = c->keep_row});
}


static void S_tbl_close(struct docx_ctx *c)
{
	buf_puts(c->out, "</w:tbl>");
	c->after_table = true;
	/* a note, like a cell, must end with a paragraph */
	if (c->in_note)
		docx_para(c, c->opt->endnotes ? "EndnoteText" : "FootnoteText",
			  NULL, NULL);
}

int docx_line_width(const struct docx_ctx *c)
{
	int page = c->landscape ? DOCX_PAGE_H : DOCX_PAGE_W;
	return page - 2 * (c->opt->un ? DOCX_UN_MARGIN : DOCX_MARGIN);
}

/* The UN form's text block is indented on upright pages (the annex's
 * matrix takes its landscape pages' width, as in the PDF). */
static bool S_single_txt(const struct docx_ctx *c)
{
	return c->opt->un && !c->landscape;
}

/* Where a table, chart or picture starts, in twips from the margin:
 * the UN form's text start, and the list item's or quotation's indent
 * it is in (as the PDF sets them in their frame). */
static int S_block_indent(const struct docx_ctx *c)
{
	return (S_single_txt(c) ? DOCX_UN_INDENT : 0) + c->frame.indent;
}

void docx_block_ind(struct docx_ctx *c)
{
	/* (the chart's paragraph is left to right in an Arabic document:
	 * its item's indent on the right) */
	bool rtl = lang_is_rtl(c->opt->lang);
	int in = S_block_indent(c), out = S_single_txt(c) ? DOCX_UN_INDENT : 0;
	if (c->frame.indent)
		buf_printf(c->out, "<w:ind w:left=\"%d\" w:right=\"%d\"/>",
			   rtl ? out : in, rtl ? in : out);
}

int docx_text_width(const struct docx_ctx *c)
{
	return docx_line_width(c) - (S_single_txt(c) ? DOCX_UN_INDENT : 0) -
	       S_block_indent(c);
}

void docx_table_width(struct docx_ctx *c)
{
	if (S_block_indent(c))
		buf_printf(c->out, "<w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
				   "<w:tblInd w:w=\"%d\" w:type=\"dxa\"/>",
			   docx_text_width(c), S_block_indent(c));
	else
		buf_puts(c->out, "<w:tblW w:w=\"5000\" w:type=\"pct\"/>");
}

static int S_widest_word_twips(const char *s, bool bold);

/* The width of s[0..n) in characters, a wide one counting two. */
static int S_columns(const char *s, size_t n)
{
	int cols = 0;
	for (size_t i = 0, adv; i < n; i += adv)
		cols += unicode_is_wide(utf8_decode(s + i, n - i, &adv)) ? 2 : 1;
	return cols;
}

/* Widths w[0..cols) in proportion to want, each at least its floor (its
 * longest word, which Word would break inside, as the PDF's tables
 * keep theirs whole: pdf_table.c), what the floors take taken from the
 * others in proportion to their room above theirs. */
static void S_fit_columns(int *w, const int *want, const int *floor,
			  unsigned cols, int avail)
{
	long total = 0, need = 0, room = 0, floors = 0;
	for (unsigned i = 0; i < cols; i++)
		total += want[i];
	for (unsigned i = 0; i < cols; i++) {
		w[i] = (int)(avail * (long)want[i] / total);
		floors += floor[i];
		if (w[i] < floor[i])
			need += floor[i] - w[i];
		else
			room += w[i] - floor[i];
	}
	for (unsigned i = 0; i < cols && need; i++) {
		if (floors > avail) /* too many: the floors, made to fit */
			w[i] = (int)(avail * (long)floor[i] / floors);
		else if (w[i] < floor[i])
			w[i] = floor[i];
		else if (room > 0) /* (need exceeds room by rounding only) */
			w[i] -= (int)((long)(w[i] - floor[i]) *
				      (need < room ? need : room) / room);
	}
}

static void S_table(struct docx_ctx *c, cmark_node *table)
{
	unsigned cols = markdown_table_columns(table);
	if (!cols)
		return;
	/* widths in proportion to what the columns hold: the longest text
	 * of a body cell, at least the longest word of the heading; and at
	 * least the longest word (a third of the table at most) */
	int *w = arena_alloc(&c->arena, cols * sizeof *w);
	int *want = arena_alloc(&c->arena, cols * sizeof *want);
	int *floor = arena_alloc(&c->arena, cols * sizeof *floor);
	int avail = docx_text_width(c);
	for (cmark_node *row = cmark_node_first_child(table); row;
	     row = cmark_node_next(row)) {
		bool header = markdown_is_header_row(row);
		unsigned i = 0;
		if (markdown_is_group_row(row)) /* across the table */
			continue;
		for (cmark_node *cell = cmark_node_first_child(row);
		     cell && i < cols; cell = cmark_node_next(cell), i++) {
			const char *t = S_plain(&c->arena, cell);
			/* in characters, a wide one counting two and a word
			 * of its own (a line breaks around it) */
			size_t n = strlen(t), at = 0, word_len;
			int len = S_columns(t, n), longest = 0;
			bool wide;
			for (const char *word; (word = unicode_next_word(
							t, n, &at, &word_len, &wide));) {
				int cols = S_columns(word, word_len);
				longest = cols > longest ? cols : longest;
			}
			/* a heading's words are bold and not broken */
			int wants = header ? longest * 3 / 2 + 2 : len;
			if (wants > want[i])
				want[i] = wants;
			/* the cell's margins (UprTable: 85 twips a side) */
			int least = S_widest_word_twips(t, header) + 2 * 85 + 20;
			if (least > floor[i])
				floor[i] = least < avail / 3 ? least : avail / 3;
		}
	}
	for (unsigned i = 0; i < cols; i++)
		want[i] = want[i] < 4 ? 4 : want[i] > 40 ? 40 : want[i];
	S_fit_columns(w, want, floor, cols, avail);
	S_tbl_open(c, w, cols, table);
	struct docx_frame saved = c->frame;
	c->frame = (struct docx_frame){.style = "TableText"};
	size_t rows = 0, at = 0;
	for (cmark_node *row = cmark_node_first_child(table); row;
	     row = cmark_node_next(row))
		rows++;
	bool headed = markdown_is_header_row(cmark_node_first_child(table));
	for (cmark_node *row = cmark_node_first_child(table); row;
	     row = cmark_node_next(row), at++) {
		bool header = markdown_is_header_row(row);
		c->keep_row = docx_keep_row(at, rows, headed);
		S_tr_open(c, header);
		if (markdown_is_group_row(row)) { /* one cell across */
			int across = 0;
			for (unsigned k = 0; k < cols; k++)
				across += w[k];
			S_tc_open(c, across, cols, false, 0, false);
			S_inlines(c, cmark_node_first_child(row));
			buf_puts(c->out, "</w:p></w:tc></w:tr>");
			continue;
		}
		unsigned i = 0;
		for (cmark_node *cell = cmark_node_first_child(row);
		     cell && i < cols; cell = cmark_node_next(cell), i++) {
			char a = markdown_table_align(table, i);
			S_tc_open(c, w[i], 1, header, a == 'c' || a == 'r' ? a : 0,
				  false);
			S_inlines(c, cell);
			buf_puts(c->out, "</w:p></w:tc>");
		}
		for (; i < cols; i++) {
			S_tc_open(c, w[i], 1, header, 0, false);
			buf_puts(c->out, "</w:p></w:tc>");
		}
		buf_puts(c->out, "</w:tr>");
	}
	c->frame = saved;
	c->keep_row = false;
	S_tbl_close(c);
}

/* Roughly how wide a word of s is at most, in twips, in the 9-point
 * text of a table (bold: its heading).  Word has the font, not uprgen:
 * a Times New Roman letter is taken at half an em, a capital at nearly
 * three quarters, an ideograph or a full-width sign at a whole one. */
static int S_widest_word_twips(const char *s, bool bold)
{
	int widest = 0; /* in hundredths of an em */
	size_t at = 0, len = strlen(s), word_len, adv;
	bool wide;
	for (const char *word;
	     (word = unicode_next_word(s, len, &at, &word_len, &wide));) {
		int em = wide ? 100 : 0;
		for (size_t i = 0; !wide && i < word_len; i += adv) {
			unsigned ch = utf8_decode(word + i, word_len - i, &adv);
			em += (ch >= 'A' && ch <= 'Z') ||
					      (ch >= 0x410 && ch <= 0x42F)
				      ? 72
				      : 50;
		}
		widest = em > widest ? em : widest;
	}
	/* 9 points are 180 twips; bold is a tenth wider */
	return widest * 180 / 100 * (bold ? 11 : 10) / 10;
}

/* The widest word of a column: its bold heading's and its n values'. */
static int S_widest_in(const char *heading, const char *const *values,
		       size_t n)
{
	int widest = S_widest_word_twips(heading, true);
	for (size_t i = 0; i < n; i++) {
		int t = S_widest_word_twips(values[i], false);
		widest = t > widest ? t : widest;
	}
	return widest;
}

/* Column widths in twips, as the PDF sets them (pdf_matrix.c): the
 * number, the position and the status never broken inside a word, the
 * States about a fifth, the text all the rest.  (Fixed shares broke
 * "implemented" in two in a portrait page's status column.) */
static void S_matrix_widths(const struct matrix *m,
			    const struct matrix_words *mw, int avail,
			    int *out)
{
	/* the cell's margins (UprTable: 85 twips a side) and a little */
	const int pad = 2 * 85 + 20;
	int id = S_widest_word_twips(mw->heading[MATRIX_ID], true);
	for (size_t i = 0; i < m->count; i++) {
		int t = S_widest_word_twips(m->rows[i]->id, false);
		id = t > id ? t : id;
	}
	id += pad;
	int pos = S_widest_in(mw->heading[MATRIX_POSITION], mw->position,
			      POSITION_COUNT) + pad;
	int st = S_widest_in(mw->heading[MATRIX_STATUS], mw->status,
			     STATUS_COUNT) + pad;
	out[MATRIX_ID] = id < avail * 15 / 100 ? id : avail * 15 / 100;
	out[MATRIX_POSITION] = pos < avail * 12 / 100 ? avail * 12 / 100
			       : pos > avail * 20 / 100 ? avail * 20 / 100
							: pos;
	out[MATRIX_STATUS] = st < avail * 13 / 100 ? avail * 13 / 100
			     : st > avail * 20 / 100 ? avail * 20 / 100
						     : st;
	/* the States a fifth, but as wide as their longest word, as in the
	 * PDF (pdf_matrix.c) */
	int states = S_widest_word_twips(mw->heading[MATRIX_STATES], true);
	struct buf cell;
	buf_init(&cell);
	for (size_t i = 0; i < m->count; i++) {
		buf_clear(&cell);
		matrix_cell(&cell, m, mw, i, MATRIX_STATES);
		buf_putc(&cell, '\0');
		int t = S_widest_word_twips(cell.data, false);
		states = t > states ? t : states;
	}
	buf_free(&cell);
	states += pad;
	out[MATRIX_STATES] = states < avail * 19 / 100 ? avail * 19 / 100
			     : states > avail * 30 / 100 ? avail * 30 / 100
							 : states;
	out[MATRIX_TEXT] = avail - out[MATRIX_ID] - out[MATRIX_POSITION] -
			   out[MATRIX_STATUS] - out[MATRIX_STATES];
}

/* The recommendation matrix: the five columns, the number a link to the
 * recommendation's heading. */
static void S_matrix(struct docx_ctx *c, cmark_node *block,
		     const char *filter, struct source_pos pos)
{
	const struct report *r = c->opt->report;
	if (!r) {
		diag_warning(c->d, pos, "no report to draw a matrix from");
		return;
	}
	struct matrix m;
	matrix_select(&m, r, filter, c->opt->lang, pos, c->d);
	int w[MATRIX_COLUMN_COUNT];
	S_matrix_widths(&m, &c->matrix_words, docx_text_width(c), w);
	S_tbl_open(c, w, MATRIX_COLUMN_COUNT, block);
	c->keep_row = docx_keep_row(0, m.count + 1, true);
	S_tr_open(c, true);
	for (int i = 0; i < MATRIX_COLUMN_COUNT; i++) {
		S_tc_open(c, w[i], 1, true, 0, false);
		const char *h = c->matrix_words.heading[i];
		docx_runs(c, "", h, strlen(h));
		buf_puts(c->out, "</w:p></w:tc>");
	}
	buf_puts(c->out, "</w:tr>");
	struct buf cell;
	buf_init(&cell);
	for (size_t row = 0; row < m.count; row++) {
		c->keep_row = docx_keep_row(row + 1, m.count + 1, true);
		S_tr_open(c, false);
		for (int i = 0; i < MATRIX_COLUMN_COUNT; i++) {
			/* the number, the position, the status and the
			 * States never hyphenated (as the PDF's: pdf_matrix.c);
			 * Word did: "Not imple-mented", "Aus-tria" */
			S_tc_open(c, w[i], 1, false, 0, i != MATRIX_TEXT);
			buf_clear(&cell);
			matrix_cell(&cell, &m, &c->matrix_words, row,
				    (enum matrix_column)i);
			long rec = m.rows[row] - r->recs;
			bool link = i == MATRIX_ID && c->heads &&
				    rec >= 0 && (size_t)rec < r->rec_count;
			if (link)
				buf_printf(c->out, "<w:hyperlink w:anchor="
						   "\"rec%ld\" w:history=\"1\">",
					   rec);
			docx_runs(c, link ? "<w:rStyle w:val=\"Hyperlink\"/>"
					  : "",
				  cell.data ? cell.data : "", cell.len);
			if (link)
				buf_puts(c->out, "</w:hyperlink>");
			buf_puts(c->out, "</w:p></w:tc>");
		}
		buf_puts(c->out, "</w:tr>");
	}
	buf_free(&cell);
	matrix_free(&m);
	c->keep_row = false;
	S_tbl_close(c);
}

/* -------------------------------------------------- code, lists, quotes */

static void S_code(struct docx_ctx *c, cmark_node *n)
{
	struct fence fb = fence_of(n);
	struct source_pos pos = markdown_node_pos(n, c->opt->file);
	if (fb.kind == FENCE_CHART) {
		struct chart *ch = fence_chart(&c->arena, &fb, c->opt->report,
					       c->opt->lang, &c->chart_words,
					       pos, c->d);
		if (ch && !c->in_note)
			docx_chart(c, ch);
		return;
	}
	if (fb.kind == FENCE_MATRIX) {
		S_matrix(c, n, fb.filter, pos);
		return;
	}
	const char *lit = cmark_node_get_literal(n);
	size_t len = lit ? strlen(lit) : 0;
	if (len && lit[len - 1] == '\n')
		len--;
	S_open_para(c, (struct S_para){.style = "Code",
				       .indent = c->frame.indent});
	docx_runs(c, "", lit ? lit : "", len);
	buf_puts(c->out, "</w:p>");
}

static void S_list(struct docx_ctx *c, cmark_node *n)
{
	bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	int lvl = c->list_level > 8 ? 8 : c->list_level;
	int num = DOCX_NUM_BULLET;
	/* an item that opens with a list: its own number on a line above,
	 * as a Word paragraph has one number */
	if (c->frame.item_num) {
		S_open_para(c, (struct S_para){.style = "ListParagraph"});
		buf_puts(c->out, "</w:p>");
	}
	if (ordered) {
		num = c->next_num++;
		buf_printf(&c->nums, "<w:num w:numId=\"%d\"><w:abstractNumId "
				     "w:val=\"%d\"/><w:lvlOverride w:ilvl=\"%d\">"
				     "<w:startOverride w:val=\"%d\"/>"
				     "</w:lvlOverride></w:num>",
			   num, unform_is_sub_list(c->opt->un, n)
					? DOCX_ABSTRACT_UN_SUB
				: cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM
					? DOCX_ABSTRACT_ORDERED_PAREN
					: DOCX_ABSTRACT_ORDERED, lvl,
			   cmark_node_get_list_start(n));
	}
	struct docx_frame saved = c->frame;
	bool sub = unform_is_sub_list(c->opt->un, n);
	/* a list in a UN subparagraph: its numbers at the subparagraph's
	 * text, right of the "(a)" (as pdf.c S_block), and so its lists */
	int shift = saved.item_shift;
	if (unform_is_sub_list(c->opt->un,
			       cmark_node_parent(cmark_node_parent(n))))
		shift = 2 * DOCX_UN_TAB - S_LIST_HANG;
	c->list_level++;
	for (cmark_node *item = cmark_node_first_child(n); item;
	     item = cmark_node_next(item)) {
		c->frame = (struct docx_frame){
			.style = "ListParagraph",
			.indent = S_item_indent(c, lvl, sub) + shift,
			.item_num = num, .item_lvl = lvl,
			.item_style = ordered ? "ListNumber" : "ListBullet",
			.item_shift = shift,
			.note_mark = saved.note_mark};
		saved.note_mark = false;
		S_blocks(c, item);
		if (c->frame.item_num) { /* an empty item still shows */
			S_open_para(c, (struct S_para){.style = "ListParagraph"});
			buf_puts(c->out, "</w:p>");
		}
	}
	c->list_level--;
	c->frame = saved;
	c->frame.note_mark = false;
}

/* A page break starts the next paragraph on a new page; one before a
 * part that is a matrix under its headings (the annex) starts a
 * landscape section, and the next page break after it a portrait one
 * again. */
static void S_sect_pr(struct docx_ctx *c, bool landscape);

static void S_html(struct docx_ctx *c, cmark_node *n)
{
	markdown_number(&c->num, n);
	if (markdown_directive_of(n) != MARKDOWN_PAGE_BREAK || c->in_note)
		return;
	bool landscape = cmark_node_get_type(cmark_node_parent(n)) ==
				 CMARK_NODE_DOCUMENT &&
			 fence_part_is_matrix(n);
	if (landscape == c->landscape) {
		c->page_break = true;
		return;
	}
	/* the section so far ends with this paragraph; the next starts on
	 * a new page */
	buf_puts(c->out, "<w:p><w:pPr>");
	S_sect_pr(c, c->landscape);
	buf_puts(c->out, "</w:pPr></w:p>");
	c->landscape = landscape;
	c->page_break = false;
}

static void S_rule(struct docx_ctx *c)
{
	S_open_para(c, (struct S_para){.style = "Rule"});
	buf_puts(c->out, "</w:p>");
}

/* Too deep a nesting is written as one plain paragraph. */
static void S_flat(struct docx_ctx *c, cmark_node *parent)
{
	const char *text = S_plain(&c->arena, parent);
	S_open_para(c, S_plain_para(c));
	docx_runs(c, "", text, strlen(text));
	buf_puts(c->out, "</w:p>");
}

static void S_block(struct docx_ctx *c, cmark_node *n)
{
	struct docx_frame saved;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		S_paragraph(c, n);
		break;
	case CMARK_NODE_HEADING:
		S_heading(c, n);
		break;
	case CMARK_NODE_CODE_BLOCK:
		S_code(c, n);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		S_rule(c);
		break;
	case CMARK_NODE_HTML_BLOCK:
		S_html(c, n);
		break;
	case CMARK_NODE_LIST:
		S_list(c, n);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		saved = c->frame;
		if (!c->in_note) {
			c->frame.style = "Quote";
			c->frame.indent = c->frame.indent + 567;
		}
		S_blocks(c, n);
		saved.note_mark = c->frame.note_mark;
		c->frame = saved;
		break;
	case CMARK_NODE_FOOTNOTE_DEFINITION: /* written where referred to */
		break;
	default:
		if (markdown_ext_of(n) == MARKDOWN_EXT_TABLE)
			S_table(c, n);
		else
			S_blocks(c, n);
		break;
	}
}

static void S_blocks(struct docx_ctx *c, cmark_node *parent)
{
	if (++c->depth > S_MAX_DEPTH)
		S_flat(c, parent);
	else
		for (cmark_node *n = cmark_node_first_child(parent); n;
		     n = cmark_node_next(n))
			S_block(c, n);
	c->depth--;
}

/* ------------------------------------------------ before the body */

struct S_rec_key {
	const char *id;
	size_t index;
};

static int S_cmp_rec(const void *a, const void *b)
{
	return strcmp(((const struct S_rec_key *)a)->id,
		      ((const struct S_rec_key *)b)->id);
}

static void S_collect(struct docx_ctx *c, cmark_node *doc)
{
	const struct report *r = c->opt->report;
	if (r && r->rec_count) {
		c->rec_ids = arena_alloc(&c->arena,
					 r->rec_count * sizeof *c->rec_ids);
		c->rec_index = arena_alloc(&c->arena,
					   r->rec_count * sizeof *c->rec_index);
		/* sorted with their places: ids are unique (check) */
		struct S_rec_key *keys = xmalloc(r->rec_count * sizeof *keys);
		for (size_t i = 0; i < r->rec_count; i++)
			keys[i] = (struct S_rec_key){
				r->recs[i].id ? r->recs[i].id : "", i};
		qsort(keys, r->rec_count, sizeof *keys, S_cmp_rec);
		for (size_t i = 0; i < r->rec_count; i++) {
			c->rec_ids[i] = keys[i].id;
			c->rec_index[i] = keys[i].index;
		}
		free(keys);
	}
	/* headings: only those of the body, outside lists and notes */
	for (cmark_node *n = cmark_node_first_child(doc); n;
	     n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) {
			c->note_count++;
			continue;
		}
		if (cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		c->heads = arena_grow(&c->arena, c->heads, sizeof *c->heads,
				      c->head_count, &c->head_cap,
				      c->head_count + 1);
		const char *text = S_plain(&c->arena, n);
		/* the id the website gives it: without the UN form's
		 * number (unform.h), which the site does not show */
		cmark_node *num = cmark_node_first_child(n);
		const char *slugged = text;
		if (unform_is_number(c->opt->un, num))
			slugged += strlen(cmark_node_get_literal(num));
		int level = cmark_node_get_heading_level(n);
		c->heads[c->head_count] = (struct docx_heading){
			n, level > 4 ? 4 : level, text,
			S_slug(&c->arena, slugged),
			arena_printf(&c->arena, "_Toc%zu", c->head_count + 1)};
		c->head_count++;
	}
	c->note_def = arena_alloc(&c->arena,
				  (c->note_count + 1) * sizeof *c->note_def);
	c->note_done = arena_alloc(&c->arena,
				   (c->note_count + 1) * sizeof *c->note_done);
	c->note_pending = arena_alloc(&c->arena, (c->note_count + 1) *
							 sizeof *c->note_pending);
	c->note_word = arena_alloc(&c->arena,
				   (c->note_count + 1) * sizeof *c->note_word);
	size_t k = 0;
	/* cmark-gfm numbers references in order and moves the definitions
	 * to the end of the document in that order (as pdf.c reads them) */
	for (cmark_node *n = cmark_node_first_child(doc); n;
	     n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
			c->note_def[++k] = n;
}

/* What a paragraph of the UN block adds to its properties: in an Arabic
 * document, a block in English (words_block) is a left-to-right
 * paragraph, or "15 July 2026" would read "July 2026 15"; else "". */
static const char *S_block_ppr(const struct docx_ctx *c)
{
	const struct words *b = words_block_words(c->opt->words);
	return lang_is_rtl(c->opt->lang) && b && !lang_is_rtl(b->lang)
		       ? "<w:bidi w:val=\"0\"/>"
		       : "";
}

/* The UN block's lines are in its language (words_block: English in an
 * Arabic, Chinese or Russian report), said so to Word: a screen reader
 * read "Distr.: General" with a Russian voice, and Word's speller
 * marked every word.  Sets the block's language; S_block_end the
 * document's again. */
static void S_block_begin(struct docx_ctx *c, const char **tag,
			  const char **attrs)
{
	*tag = c->lang_tag;
	*attrs = c->lang_attrs;
	int l = words_block_lang(c->opt->words);
	if (l < 0)
		return;
	c->lang_tag = docx_lang_tag((enum lang)l);
	c->lang_attrs = docx_lang_attrs(&c->arena, c->lang_tag, true);
}

static void S_block_end(struct docx_ctx *c, const char *tag,
			const char *attrs)
{
	c->lang_tag = tag;
	c->lang_attrs = attrs;
}

/* The title page, as the PDF's: the symbol and the UN block above (its
 * distribution, date and original language), then the State, the title
 * and subtitle, who prepared it and when. */
static void S_title_page(struct docx_ctx *c)
{
	const struct docx_options *o = c->opt;
	if (o->symbol && *o->symbol)
		docx_para(c, "TitleSymbol", NULL, o->symbol);
	const struct words_block *b = &o->block;
	const char *lines[] = {b->distribution, b->date, b->language,
			       b->original};
	const char *doc_tag, *doc_attrs;
	S_block_begin(c, &doc_tag, &doc_attrs);
	for (size_t i = 0; i < 4; i++) {
		if (!lines[i])
			continue;
		if (!*S_block_ppr(c)) {
			docx_para(c, "TitleBlock", NULL, lines[i]);
			continue;
		}
		/* a left-to-right paragraph: its indent on the right keeps
		 * the block where the style's (a start indent) has it */
		buf_printf(c->out, "<w:p><w:pPr><w:pStyle w:val=\"TitleBlock\"/>"
				   "%s<w:ind w:left=\"0\" w:right=\"6804\"/>"
				   "</w:pPr>",
			   S_block_ppr(c));
		docx_runs(c, "", lines[i], strlen(lines[i]));
		buf_puts(c->out, "</w:p>");
	}
	S_block_end(c, doc_tag, doc_attrs);
	if (o->state)
		docx_para(c, "TitleState", NULL, o->state);
	if (o->title)
		docx_para(c, "Title", NULL, o->title);
	if (o->subtitle)
		docx_para(c, "Subtitle", NULL, o->subtitle);
	if (o->author)
		docx_para(c, "TitleInfo", NULL, o->author);
	if (o->date)
		docx_para(c, "TitleInfo", NULL, o->date);
}

/* A paragraph of the UN page 1, opened: direct formatting as the UN's
 * own template sets it, in Times New Roman, left-aligned.  head: pPr
 * elements that come before the spacing (keepNext, pBdr, tabs), in the
 * schema's order; spacing: w:spacing's attributes; ind: a w:ind or "". */
static void S_un_para(struct docx_ctx *c, const char *head,
		      const char *spacing, const char *ind, const char *rpr,
		      const char *text)
{
	buf_printf(c->out, "<w:p><w:pPr>%s<w:spacing %s/>%s<w:jc "
			   "w:val=\"left\"/></w:pPr>",
		   head, spacing, ind);
	if (text && *text)
		docx_runs(c,
			  arena_printf(&c->arena,
				       "<w:rFonts w:ascii=\"Times New Roman\" "
				       "w:hAnsi=\"Times New Roman\" "
				       "w:cs=\"Times New Roman\"/>%s",
				       rpr),
			  text, strlen(text));
}

/* Run properties of the UN form's page 1: bold or not, a size in half
 * points, for Latin and complex script alike (Arabic runs take w:szCs). */
static const char *S_un_size(struct docx_ctx *c, bool bold, int half_points)
{
	return arena_printf(&c->arena,
			    "%s<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
			    bold ? "<w:b/><w:bCs/>" : "", half_points,
			    half_points);
}

/* Page 1 in the UN document form (unform.h), as the PDF's: "United
 * Nations" and the symbol over a heavy rule, the organ beside the
 * distribution block, a rule, the bodies and the session, the title (its
 * "*" the note "issued without formal editing", docx_parts.c), the
 * subtitle and the State.  The job number is page 1's footer. */
static void S_un_title_page(struct docx_ctx *c)
{
	const struct unform *u = c->opt->un;
	const struct docx_options *o = c->opt;
	static const char *const tnr = "<w:rFonts w:ascii=\"Times New Roman\" "
				       "w:hAnsi=\"Times New Roman\" "
				       "w:cs=\"Times New Roman\"/>";
	static const char *const after0 = "w:after=\"0\"";
	S_un_para(c,
		  arena_printf(&c->arena,
			       "<w:pBdr><w:bottom w:val=\"single\" "
			       "w:sz=\"18\" w:space=\"1\" w:color=\"000000\"/>"
			       "</w:pBdr><w:tabs><w:tab w:val=\"left\" "
			       "w:pos=\"%d\"/><w:tab w:val=\"right\" "
			       "w:pos=\"%d\"/></w:tabs>",
			       UNFORM_MASTHEAD_INDENT, docx_line_width(c)),
		  after0, "<w:ind w:left=\"0\"/>", S_un_size(c, false, 22),
		  NULL);
	/* in from the margin as the PDF's and the UN's (the emblem's room),
	 * by a tab: the rule under it stays the line's width */
	buf_puts(c->out, "<w:r><w:tab/></w:r>");
	docx_runs(c,
		  arena_printf(&c->arena, "%s%s", tnr, S_un_size(c, false, 22)),
		  u->united_nations ? u->united_nations : "",
		  u->united_nations ? strlen(u->united_nations) : 0);
	if (u->symbol) {
		buf_puts(c->out, "<w:r><w:tab/></w:r>");
		docx_runs(c, tnr, u->symbol, strlen(u->symbol));
	}
	buf_puts(c->out, "</w:p>");
	/* the organ and the distribution block side by side, where the PDF
	 * and the UN's have them: the block at 392 points (its column and
	 * the cell's margin, 108 twips), the organ in as "United Nations" */
	int right_w = 3040, left_w = docx_line_width(c) - right_w;
	buf_printf(c->out,
		   "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
		   "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/>"
		   "</w:tblPr><w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol "
		   "w:w=\"%d\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW "
		   "w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>",
		   docx_line_width(c), left_w, right_w, left_w);
	S_un_para(c, "", "w:before=\"60\" w:after=\"0\"",
		  arena_printf(&c->arena, "<w:ind w:left=\"%d\"/>",
			       UNFORM_MASTHEAD_INDENT - 108),
		  S_un_size(c, true, 34), u->organ);
	buf_printf(c->out, "</w:p></w:tc><w:tc><w:tcPr><w:tcW w:w=\"%d\" "
			   "w:type=\"dxa\"/></w:tcPr>",
		   right_w);
	const char *ltr = S_block_ppr(c);
	const char *doc_tag, *doc_attrs;
	S_block_begin(c, &doc_tag, &doc_attrs);
	S_un_para(c, ltr, "w:before=\"120\" w:after=\"0\"", "",
		  S_un_size(c, false, 18), u->distribution);
	buf_puts(c->out, "</w:p>");
	S_un_para(c, ltr, after0, "", S_un_size(c, false, 18), u->date);
	buf_puts(c->out, "</w:p>");
	/* the version's language, or the empty line the original has */
	S_un_para(c, ltr, after0, "", S_un_size(c, false, 18), u->language);
	buf_puts(c->out, "</w:p>");
	S_un_para(c, ltr, "w:before=\"0\" w:after=\"1300\"", "",
		  S_un_size(c, false, 18), u->original);
	S_block_end(c, doc_tag, doc_attrs);
	buf_puts(c->out, "</w:p></w:tc></w:tr></w:tbl>");
	/* the rule, then the bodies and the session */
	S_un_para(c,
		  "<w:pBdr><w:top w:val=\"single\" w:sz=\"8\" "
		  "w:space=\"6\" w:color=\"000000\"/></w:pBdr>",
		  after0, "", S_un_size(c, true, 20),
		  u->body_count ? u->bodies[0] : NULL);
	buf_puts(c->out, "</w:p>");
	for (size_t i = 1; i < u->body_count; i++) {
		S_un_para(c, "", after0, "", S_un_size(c, true, 18),
			  u->bodies[i]);
		buf_puts(c->out, "</w:p>");
	}
	if (u->session_title) {
		S_un_para(c, "", after0, "", S_un_size(c, true, 18),
			  u->session_title);
		buf_puts(c->out, "</w:p>");
	}
	if (u->session_venue) {
		S_un_para(c, "", after0, "", S_un_size(c, false, 18),
			  u->session_venue);
		buf_puts(c->out, "</w:p>");
	}
	static const char *const indent = "<w:ind w:left=\"1134\" "
					  "w:right=\"1134\"/>";
	/* the title, the subtitle and the State in their styles (what they
	 * are to a screen reader and to an editor restyling the document;
	 * the PDF tags the title H1), set as the UN sets them: every
	 * spacing given, none the style's */
	S_un_para(c, "<w:pStyle w:val=\"Title\"/><w:keepNext/>",
		  "w:before=\"480\" w:after=\"120\"", indent,
		  S_un_size(c, true, 28), o->title);
	if (u->unedited)
		buf_printf(c->out,
			   "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>"
			   /* the title's size, not the Title style's */
			   "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
			   "</w:rPr><w:footnoteReference w:customMarkFollows="
			   "\"1\" w:id=\"%d\"/><w:t>*</w:t></w:r>",
			   DOCX_UN_NOTE_ID);
	buf_puts(c->out, "</w:p>");
	if (o->subtitle) {
		S_un_para(c, "<w:pStyle w:val=\"Subtitle\"/>",
			  "w:before=\"0\" w:after=\"120\"", indent,
			  S_un_size(c, false, 22), o->subtitle);
		buf_puts(c->out, "</w:p>");
	}
	if (o->state) {
		S_un_para(c, "<w:pStyle w:val=\"TitleState\"/>",
			  "w:before=\"0\" w:after=\"0\"", indent,
			  S_un_size(c, true, 28), o->state);
		buf_puts(c->out, "</w:p>");
	}
}

static void S_toc(struct docx_ctx *c)
{
	c->has_toc = true;
	const char *title = words_get(c->opt->words, "toc_title");
	buf_puts(c->out, "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/>"
			 "<w:pageBreakBefore/></w:pPr>");
	docx_runs(c, "", title, strlen(title));
	buf_puts(c->out, "</w:p>");
	char code[64];
	snprintf(code, sizeof code, " TOC \\o \"1-%d\" \\h \\z \\u ",
		 S_TOC_DEPTH);
	bool open = false;
	for (size_t i = 0; i < c->head_count; i++) {
		const struct docx_heading *h = &c->heads[i];
		if (h->level > S_TOC_DEPTH)
			continue;
		buf_printf(c->out, "<w:p><w:pPr><w:pStyle w:val=\"TOC%d\"/>"
				   "</w:pPr>",
			   h->level);
		if (!open) { /* the field's start, its cached result follows */
			buf_printf(c->out,
				   "<w:r><w:rPr><w:lang %s/></w:rPr>"
				   "<w:fldChar w:fldCharType=\"begin\"/></w:r>"
				   "<w:r><w:rPr><w:lang %s/></w:rPr>"
				   "<w:instrText xml:space=\"preserve\">%s"
				   "</w:instrText></w:r><w:r><w:rPr><w:lang %s/>"
				   "</w:rPr><w:fldChar "
				   "w:fldCharType=\"separate\"/></w:r>",
				   c->lang_attrs, c->lang_attrs, code, c->lang_attrs);
			open = true;
		}
		buf_printf(c->out, "<w:hyperlink w:anchor=\"%s\" "
				   "w:history=\"1\">", h->bookmark);
		/* no page numbers: Word writes them when it updates the
		 * field (on opening, settings.xml) */
		docx_runs(c, "", h->text, strlen(h->text));
		buf_puts(c->out, "</w:hyperlink></w:p>");
	}
	if (open) {
		buf_printf(c->out, "<w:p><w:r><w:rPr><w:lang %s/>"
				   "</w:rPr><w:fldChar w:fldCharType=\"end\"/>"
				   "</w:r></w:p>", c->lang_attrs);
	} else {
		buf_puts(c->out, "<w:p>");
		S_field(c, "", code, "");
		buf_puts(c->out, "</w:p>");
	}
	c->page_break = true;
}

/* The properties of the section that ends here (or the last one). */
static void S_sect_pr(struct docx_ctx *c, bool landscape)
{
	/* the default form's head has its tab stop at the margin: the
	 * landscape pages' is further (docx_parts.c) */
	bool wide_foot = landscape && c->opt->un;
	buf_printf(c->out, "<w:sectPr><w:headerReference w:type=\"default\" "
			   "r:id=\"%s\"/><w:footerReference "
			   "w:type=\"default\" r:id=\"%s\"/>",
		   landscape && !c->opt->un ? "rIdHeaderWide" : "rIdHeader",
		   wide_foot ? "rIdFooterWide" : "rIdFooter");
	if (c->opt->un) /* the UN form: even pages, and page 1's foot */
		buf_printf(c->out, "<w:headerReference w:type=\"even\" "
				   "r:id=\"rIdHeaderEven\"/><w:footerReference "
				   "w:type=\"even\" r:id=\"%s\"/>"
				   "<w:footerReference w:type=\"first\" "
				   "r:id=\"rIdFooterFirst\"/>",
			   wide_foot ? "rIdFooterEvenWide" : "rIdFooterEven");
	/* decimal endnotes (Word's default is i, ii, iii; LibreOffice reads
	 * it here, not in settings) */
	buf_puts(c->out, "<w:endnotePr><w:numFmt w:val=\"decimal\"/>"
			 "</w:endnotePr>");
	if (landscape)
		buf_printf(c->out, "<w:pgSz w:w=\"%d\" w:h=\"%d\" "
				   "w:orient=\"landscape\"/>",
			   DOCX_PAGE_H, DOCX_PAGE_W);
	else
		buf_printf(c->out, "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>",
			   DOCX_PAGE_W, DOCX_PAGE_H);
	buf_printf(c->out, "<w:pgMar w:top=\"%d\" w:right=\"%d\" "
			   "w:bottom=\"%d\" w:left=\"%d\" w:header=\"709\" "
			   "w:footer=\"709\" w:gutter=\"0\"/>",
		   DOCX_MARGIN, c->opt->un ? DOCX_UN_MARGIN : DOCX_MARGIN,
		   DOCX_MARGIN, c->opt->un ? DOCX_UN_MARGIN : DOCX_MARGIN);
	if (c->front) {
		buf_puts(c->out, "<w:pgNumType w:fmt=\"lowerRoman\"/>");
	} else if (c->body_starts) {
		buf_puts(c->out, "<w:pgNumType w:start=\"1\"/>");
		c->body_starts = false;
	}
	/* the title page, first of the first section, shows the symbol
	 * once, in its own block: no running header or page number */
	if (!c->sections++ && c->opt->title)
		buf_puts(c->out, "<w:titlePg/>");
	/* a right-to-left section: Word lays out its columns and gutter
	 * from the right */
	if (lang_is_rtl(c->opt->lang))
		buf_puts(c->out, "<w:bidi/>");
	buf_puts(c->out, "</w:sectPr>");
}

/* ---------------------------------------------------------------- out */

static bool S_save(struct docx_ctx *c, const char *out_path)
{
	char *tmp = file_temp_beside(&c->arena, out_path);
	if (!tmp) {
		diag_error(c->d, (struct source_pos){out_path, 0, 0},
			   "cannot write beside the output: %s",
			   strerror(errno));
		return false;
	}
	bool ok = docx_package(c, tmp);
	if (ok && rename(tmp, out_path) != 0) {
		diag_error(c->d, (struct source_pos){out_path, 0, 0},
			   "cannot write: %s", strerror(errno));
		ok = false;
	}
	if (!ok)
		unlink(tmp);
	return ok;
}

bool docx_render(cmark_node *doc, const struct docx_options *opt,
		 const char *out_path, struct diags *d)
{
	struct docx_ctx c = {.opt = opt, .d = d};
	arena_init(&c.arena);
	buf_init(&c.body);
	buf_init(&c.notes);
	buf_init(&c.rels);
	buf_init(&c.nums);
	c.out = &c.body;
	c.lang_tag = docx_lang_tag(opt->lang);
	c.lang_attrs = docx_lang_attrs(&c.arena, c.lang_tag, false);
	c.chart_words = chart_words(opt->words);
	c.matrix_words = matrix_words(opt->words);
	c.next_rid = 1;
	c.next_num = DOCX_NUM_FIRST_ORDERED;
	c.next_docpr = 1;
	c.page_break = false;
	c.frame = (struct docx_frame){.style = "BodyText"};
	c.landscape = opt->landscape;
	S_collect(&c, doc);
	if (!opt->no_title_page && opt->un)
		S_un_title_page(&c);
	else if (!opt->no_title_page)
		S_title_page(&c);
	if (opt->toc)
		S_toc(&c);
	else if (c.body.len)
		c.page_break = true;
	/* the front matter a section of its own, its pages numbered i, ii,
	 * the body's from 1: the PDF's page numbers (the UN form numbers
	 * from its page 1, in both) */
	if (!opt->un && c.body.len) {
		buf_puts(c.out, "<w:p><w:pPr>");
		c.front = true;
		S_sect_pr(&c, c.landscape);
		c.front = false;
		c.body_starts = true;
		buf_puts(c.out, "</w:pPr></w:p>");
		c.page_break = false;
	}
	S_blocks(&c, doc);
	S_sect_pr(&c, c.landscape);
	bool ok = S_save(&c, out_path);
	for (size_t i = 0; i < c.part_count; i++)
		buf_free(&c.parts[i].data);
	buf_free(&c.body);
	buf_free(&c.notes);
	buf_free(&c.rels);
	buf_free(&c.nums);
	arena_free(&c.arena);
	return ok;
}
