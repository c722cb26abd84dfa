/*
 * docx_parts — the package around the body docx.c wrote: the styles (the
 * names a Word user changes to change every heading or note), the
 * numbering definitions, the settings, the notes part, the header and
 * footer, the document properties, the relationships and the content
 * types, zipped by libzip with every entry dated the document's date so
 * that the same input makes the same bytes.
 */
#include <string.h>
#include <time.h>

#include <zip.h>

#include "docx_int.h"
#include "escape.h"
#include "unform.h"

#define S_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define S_NS_R \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define S_XML_DECL \
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define S_REL_TYPE \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define S_CT_WORD "application/vnd.openxmlformats-officedocument." \
		  "wordprocessingml."

/* The namespaces of every part holding Word's paragraphs. */
#define S_PART_NS                                                         \
	" xmlns:w=\"" S_NS_W "\" xmlns:r=\"" S_NS_R "\""                  \
	" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"   \
	"wordprocessingDrawing\""                                         \
	" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/"    \
	"main\""                                                          \
	" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/"  \
	"picture\""                                                       \
	" xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/"    \
	"chart\""

/* ------------------------------------------------------------ styles */

/* One paragraph style: id, name, based on, next, pPr and rPr bodies. */
struct S_pstyle {
	const char *id, *name, *based, *next, *ppr, *rpr;
};

static const struct S_pstyle S_pstyles[] = {
	{"BodyText", "Body Text", "Normal", NULL, "", ""},
	{"NumberedPara", "Numbered Paragraph", "BodyText", NULL,
	 "<w:numPr><w:numId w:val=\"1\"/></w:numPr>"
	 "<w:ind w:left=\"567\" w:hanging=\"567\"/>", ""},
	{"TitleSymbol", "Title Symbol", "Normal", NULL,
	 "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"18\" w:space=\"4\" "
	 "w:color=\"1F4E79\"/></w:pBdr><w:spacing w:after=\"240\"/>"
	 "<w:jc w:val=\"right\"/>",
	 "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
	 "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"},
	{"TitleBlock", "Title Block", "Normal", NULL,
	 "<w:spacing w:after=\"0\"/><w:ind w:left=\"6804\"/>"
	 "<w:jc w:val=\"left\"/>", ""},
	{"TitleState", "Title State", "Normal", "Title",
	 "<w:suppressAutoHyphens/><w:spacing w:before=\"2400\" w:after=\"240\"/><w:jc w:val=\"left\"/>",
	 "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
	 "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"},
	{"Title", "Title", "Normal", "Subtitle",
	 "<w:suppressAutoHyphens/><w:spacing w:after=\"240\"/><w:jc w:val=\"left\"/>",
	 "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
	 "<w:b/><w:bCs/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/>"},
	{"Subtitle", "Subtitle", "Normal", "TitleInfo",
	 "<w:suppressAutoHyphens/><w:spacing w:after=\"480\"/><w:jc w:val=\"left\"/>",
	 "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"},
	{"TitleInfo", "Title Information", "Normal", NULL,
	 "<w:spacing w:after=\"60\"/><w:jc w:val=\"left\"/>", ""},
	{"Heading1", "heading 1", "Normal", "BodyText",
	 "<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/><w:spacing w:before=\"360\" "
	 "w:after=\"180\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"0\"/>",
	 "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
	 "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"},
	{"Heading2", "heading 2", "Normal", "BodyText",
	 "<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/><w:spacing w:before=\"280\" "
	 "w:after=\"120\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"1\"/>",
	 "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
	 "<w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"},
	{"Heading3", "heading 3", "Normal", "BodyText",
	 "<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/><w:spacing w:before=\"220\" "
	 "w:after=\"100\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"2\"/>",
	 "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
	 "<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val=\"21\"/>"
	 "<w:szCs w:val=\"21\"/>"},
	{"Heading4", "heading 4", "Normal", "BodyText",
	 "<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/><w:spacing w:before=\"180\" "
	 "w:after=\"80\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"3\"/>",
	 "<w:b/><w:bCs/><w:i/><w:iCs/>"},
	{"TOCHeading", "TOC Heading", "Heading1", "Normal",
	 "<w:outlineLvl w:val=\"9\"/>", ""},
	{"TOC1", "toc 1", "Normal", "Normal",
	 "<w:spacing w:before=\"120\" w:after=\"40\"/><w:jc w:val=\"left\"/>",
	 "<w:b/><w:bCs/>"},
	{"TOC2", "toc 2", "Normal", "Normal",
	 "<w:spacing w:after=\"40\"/><w:ind w:left=\"284\"/>"
	 "<w:jc w:val=\"left\"/>", ""},
	{"ListParagraph", "List Paragraph", "Normal", NULL,
	 "<w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/>"
	 "<w:contextualSpacing/>", ""},
	{"ListBullet", "List Bullet", "ListParagraph", NULL,
	 "<w:numPr><w:numId w:val=\"2\"/></w:numPr>", ""},
	{"ListNumber", "List Number", "ListParagraph", NULL, "", ""},
	/* upright, as the PDF and the website set a quotation */
	{"Quote", "Quote", "Normal", "BodyText",
	 "<w:ind w:left=\"567\" w:right=\"567\"/>", ""},
	{"Code", "Code", "Normal", NULL,
	 "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/>"
	 "<w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>"
	 "<w:jc w:val=\"left\"/>",
	 "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" "
	 "w:cs=\"Courier New\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"},
	{"Rule", "Horizontal Rule", "Normal", NULL,
	 "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" "
	 "w:color=\"808080\"/></w:pBdr><w:ind w:left=\"3000\" "
	 "w:right=\"3000\"/>", ""},
	{"TableText", "Table Text", "Normal", NULL,
	 "<w:spacing w:before=\"40\" w:after=\"40\"/><w:jc w:val=\"left\"/>",
	 "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"},
	{"TableHeading", "Table Heading", "TableText", NULL,
	 "<w:keepNext/><w:suppressAutoHyphens/>",
	 "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
	 "<w:b/><w:bCs/>"},
	{"Caption", "caption", "Normal", NULL,
	 "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>"
	 "<w:jc w:val=\"left\"/>",
	 "<w:b/><w:bCs/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"},
	{"ChartSource", "Chart Source", "Normal", NULL,
	 "<w:spacing w:after=\"240\"/><w:jc w:val=\"left\"/>",
	 "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>"},
	{"FootnoteText", "footnote text", "Normal", NULL,
	 "<w:spacing w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/>",
	 "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>"},
	{"EndnoteText", "endnote text", "Normal", NULL,
	 "<w:spacing w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/>",
	 "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"},
	/* no tab stops of its own: the head sets its one, at the margin of
	 * its pages (S_header) */
	{"Header", "header", "Normal", NULL, "<w:spacing w:after=\"0\"/>",
	 "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"},
	{"Footer", "footer", "Normal", NULL,
	 "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>",
	 "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"},
};

/* The UN form's paragraph properties where they differ: the text, its
 * numbered paragraphs, captions and sources 2 cm in from each margin (a
 * UN document's "SingleTxt", as the PDF: pdf.c S_text_block), a
 * quotation 1 cm further; a heading's number out in the margin (at
 * 90 pt, as the PDF's), a tab to its text at the text's start (docx.c
 * S_un_number_tab). */
enum S_un_ind {
	S_UN_IND_TEXT,	/* the text's: 2 cm in from each margin */
	S_UN_IND_QUOTE, /* a quotation's: 1 cm further */
	S_UN_IND_HEAD,	/* a heading's: its number hung left of the text */
	S_UN_IND_NOTE,	/* a footnote's: its mark hung left of its text */
};
static const struct {
	const char *id, *before; /* the pPr's elements before its w:ind */
	enum S_un_ind ind;
	const char *after; /* and after it */
} S_un_ppr[] = {
	{"BodyText", "", S_UN_IND_TEXT, ""},
	{"NumberedPara", "<w:numPr><w:numId w:val=\"1\"/></w:numPr>",
	 S_UN_IND_TEXT, ""},
	{"Quote", "", S_UN_IND_QUOTE, ""},
	{"ListParagraph", "<w:spacing w:after=\"60\"/>", S_UN_IND_TEXT,
	 "<w:contextualSpacing/>"},
	{"Caption", "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>",
	 S_UN_IND_TEXT, "<w:jc w:val=\"left\"/>"},
	{"ChartSource", "<w:spacing w:after=\"240\"/>", S_UN_IND_TEXT,
	 "<w:jc w:val=\"left\"/>"},
	{"Heading1", "<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/>"
		     "<w:spacing w:before=\"360\" w:after=\"180\"/>",
	 S_UN_IND_HEAD, "<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"0\"/>"},
	{"Heading2", "<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/>"
		     "<w:spacing w:before=\"280\" w:after=\"120\"/>",
	 S_UN_IND_HEAD, "<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"1\"/>"},
	{"Heading3", "<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/>"
		     "<w:spacing w:before=\"220\" w:after=\"100\"/>",
	 S_UN_IND_HEAD, "<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"2\"/>"},
	{"Heading4", "<w:keepNext/><w:keepLines/><w:suppressAutoHyphens/>"
		     "<w:spacing w:before=\"180\" w:after=\"80\"/>",
	 S_UN_IND_HEAD, "<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"3\"/>"},
	/* where the PDF's notes stand (they stood at the margin) */
	{"FootnoteText",
	 "<w:spacing w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/>",
	 S_UN_IND_NOTE, ""},
};

/* The UN form's pPr of style k, its indents from unform.h. */
static void S_un_style_ppr(struct buf *b, size_t k)
{
	enum S_un_ind ind = S_un_ppr[k].ind;
	int in = DOCX_UN_INDENT + (ind == S_UN_IND_QUOTE ? DOCX_UN_TAB : 0);
	if (ind == S_UN_IND_NOTE) {
		buf_printf(b, "<w:pPr>%s<w:ind w:left=\"%d\" w:hanging=\"%d\"/>"
			      "%s</w:pPr>",
			   S_un_ppr[k].before, UNFORM_NOTE_TEXT,
			   UNFORM_NOTE_TEXT - UNFORM_NOTE_MARK,
			   S_un_ppr[k].after);
		return;
	}
	buf_printf(b, "<w:pPr>%s<w:ind w:left=\"%d\" w:right=\"%d\"",
		   S_un_ppr[k].before, in, in);
	if (ind == S_UN_IND_HEAD)
		buf_printf(b, " w:hanging=\"%d\"", UNFORM_HEAD_HANG);
	buf_printf(b, "/>%s</w:pPr>", S_un_ppr[k].after);
}

/* The UN form's run properties where they differ: its headings are those
 * of its PDF (pdf.c S_heading), 1. bold and (a) italic, never both. */
static const struct {
	const char *id, *rpr;
} S_un_rpr[] = {
	{"Heading3", "<w:b/><w:bCs/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"},
	{"Heading4", "<w:i/><w:iCs/>"},
};

/* A style's run properties; without its italics where the script has none
 * (Arabic, Chinese): Word would slant the letters, and the PDF, whose
 * fonts for those scripts have no italic, sets them upright.  hei: a bold
 * style's Chinese in SimHei (黑体), as UN Chinese documents set their
 * headings and as the PDF sets them (Noto Sans CJK Bold), not SimSun,
 * which has no bold face for Word to use. */
static void S_style_rpr(struct buf *b, const char *rpr, bool italics,
			bool hei)
{
	static const char italic[] = "<w:i/><w:iCs/>", fonts[] = "<w:rFonts",
			  simhei[] = " w:eastAsia=\"SimHei\"";
	const char *cut = italics ? NULL : strstr(rpr, italic);
	if (cut && !strcmp(rpr, italic))
		return;
	struct buf body;
	buf_init(&body);
	if (cut) {
		buf_put(&body, rpr, (size_t)(cut - rpr));
		buf_puts(&body, cut + sizeof italic - 1);
	} else {
		buf_puts(&body, rpr);
	}
	const char *text = body.data ? body.data : "";
	buf_puts(b, "<w:rPr>");
	const char *at = strstr(text, fonts);
	if (hei && strstr(text, "<w:b/>") && at) {
		at += sizeof fonts - 1;
		buf_put(b, text, (size_t)(at - text));
		buf_puts(b, simhei);
		buf_puts(b, at);
	} else if (hei && strstr(text, "<w:b/>")) {
		buf_printf(b, "%s%s/>%s", fonts, simhei, text);
	} else {
		buf_puts(b, text);
	}
	buf_puts(b, "</w:rPr>");
	buf_free(&body);
}

/* The document's defaults: an Arabic document's paragraphs run right to
 * left (w:bidi), each run saying its own direction (docx_text_runs),
 * which Word shapes and orders itself; Chinese text takes an East Asian
 * font. */
/* italics: whether the styles keep theirs (not in Arabic or Chinese);
 * un: the UN form's. */
static void S_styles(struct buf *b, const char *lang, bool italics, bool un)
{
	bool rtl = !strncmp(lang, "ar", 2);
	bool cjk = !strncmp(lang, "zh", 2);
	/* the language of Latin letters and digits: a Chinese or Arabic
	 * document's is not its own (docx_lang_attrs), but the UN's English,
	 * as Word's own Chinese and Arabic documents have English */
	const char *latin = cjk || rtl ? docx_lang_tag(LANG_EN) : lang;
	buf_puts(b, S_XML_DECL "<w:styles xmlns:w=\"" S_NS_W "\">");
	buf_printf(b,
		   "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts "
		   "w:ascii=\"Times New Roman\" w:eastAsia=\"%s\" "
		   "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
		   "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val="
		   "\"%s\" w:eastAsia=\"%s\" w:bidi=\"%s\"/></w:rPr>"
		   "</w:rPrDefault><w:pPrDefault><w:pPr>%s<w:spacing "
		   "w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>"
		   "</w:pPr></w:pPrDefault></w:docDefaults>",
		   cjk ? "SimSun" : "Times New Roman", latin, cjk ? lang : latin,
		   rtl ? lang : "ar-SA", rtl ? "<w:bidi/>" : "");
	buf_puts(b, "<w:style w:type=\"paragraph\" w:default=\"1\" "
		    "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
		    "<w:pPr><w:widowControl/><w:jc w:val=\"both\"/></w:pPr>"
		    "</w:style>"
		    "<w:style w:type=\"character\" w:default=\"1\" "
		    "w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default "
		    "Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
		    "</w:style>"
		    "<w:style w:type=\"table\" w:default=\"1\" "
		    "w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
		    "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" "
		    "w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" "
		    "w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
		    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" "
		    "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
		    "<w:style w:type=\"numbering\" w:default=\"1\" "
		    "w:styleId=\"NoList\"><w:name w:val=\"No List\"/>"
		    "<w:semiHidden/></w:style>");
	for (size_t i = 0; i < sizeof S_pstyles / sizeof *S_pstyles; i++) {
		const struct S_pstyle *s = &S_pstyles[i];
		buf_printf(b, "<w:style w:type=\"paragraph\" w:styleId=\"%s\">"
			      "<w:name w:val=\"%s\"/><w:basedOn w:val=\"%s\"/>",
			   s->id, s->name, s->based);
		if (s->next)
			buf_printf(b, "<w:next w:val=\"%s\"/>", s->next);
		buf_puts(b, "<w:qFormat/>");
		size_t un_k = 0;
		while (un && un_k < sizeof S_un_ppr / sizeof *S_un_ppr &&
		       strcmp(S_un_ppr[un_k].id, s->id))
			un_k++;
		if (un && un_k < sizeof S_un_ppr / sizeof *S_un_ppr)
			S_un_style_ppr(b, un_k);
		else if (*s->ppr)
			buf_printf(b, "<w:pPr>%s</w:pPr>", s->ppr);
		const char *rpr = s->rpr;
		for (size_t k = 0; un && k < sizeof S_un_rpr / sizeof *S_un_rpr;
		     k++)
			if (!strcmp(S_un_rpr[k].id, s->id))
				rpr = S_un_rpr[k].rpr;
		if (*rpr)
			S_style_rpr(b, rpr, italics, cjk);
		buf_puts(b, "</w:style>");
	}
	/* character styles */
	buf_puts(b,
		 "<w:style w:type=\"character\" w:styleId=\"Hyperlink\">"
		 "<w:name w:val=\"Hyperlink\"/><w:basedOn "
		 "w:val=\"DefaultParagraphFont\"/><w:rPr><w:color "
		 "w:val=\"0B5394\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
		 "<w:style w:type=\"character\" w:styleId=\"CodeChar\">"
		 "<w:name w:val=\"Code Char\"/><w:basedOn "
		 "w:val=\"DefaultParagraphFont\"/><w:rPr><w:rFonts "
		 "w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" "
		 "w:cs=\"Courier New\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"
		 "</w:rPr></w:style>"
		 "<w:style w:type=\"character\" "
		 "w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote "
		 "reference\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>"
		 "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
		 "</w:style>"
		 "<w:style w:type=\"character\" "
		 "w:styleId=\"EndnoteReference\"><w:name w:val=\"endnote "
		 "reference\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>"
		 "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
		 "</w:style>");
	/* the table style: rules, a shaded header row */
	buf_puts(b,
		 "<w:style w:type=\"table\" w:styleId=\"UprTable\"><w:name "
		 "w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/>"
		 "<w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
		 "<w:tblPr><w:tblBorders>"
		 "<w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" "
		 "w:color=\"404040\"/>"
		 "<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" "
		 "w:color=\"404040\"/>"
		 "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
		 "w:color=\"A6A6A6\"/>"
		 "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" "
		 "w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
		 "</w:tblCellMar></w:tblPr>"
		 "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr>"
		 "<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" "
		 "w:fill=\"E7ECF2\"/></w:tcPr></w:tblStylePr></w:style>");
	buf_puts(b, "</w:styles>");
}

/* ---------------------------------------------------------- numbering */

/* A numbering level: its format and text ("%1."), its paragraph style
 * (or NULL), how its number stands at its place (lvlJc) and its pPr's
 * content, the indents (S_hang, S_un_ind). */
static void S_level(struct buf *b, int ilvl, const char *fmt,
		    const char *text, const char *pstyle, const char *jc,
		    const char *ppr)
{
	buf_printf(b, "<w:lvl w:ilvl=\"%d\"><w:start w:val=\"1\"/><w:numFmt "
		      "w:val=\"%s\"/>",
		   ilvl, fmt);
	if (pstyle)
		buf_printf(b, "<w:pStyle w:val=\"%s\"/>", pstyle);
	buf_printf(b, "<w:lvlText w:val=\"%s\"/><w:lvlJc w:val=\"%s\"/>"
		      "<w:pPr>%s</w:pPr></w:lvl>",
		   text, jc, ppr);
}

enum { S_IND_ROOM = 128 };

/* A number hung left of its text at left. */
static const char *S_hang(char *room, int left, int hanging)
{
	snprintf(room, S_IND_ROOM, "<w:ind w:left=\"%d\" w:hanging=\"%d\"/>",
		 left, hanging);
	return room;
}

/* The UN form's: the number first_line in from the text's start
 * (DOCX_UN_INDENT from the margin), its text at the tab stop tab from the
 * same start, the lines after it at the start. */
static const char *S_un_ind(char *room, int first_line, int tab)
{
	snprintf(room, S_IND_ROOM,
		 "<w:tabs><w:tab w:val=\"num\" w:pos=\"%d\"/></w:tabs><w:ind "
		 "w:left=\"%d\" w:firstLine=\"%d\"/>",
		 DOCX_UN_INDENT + tab, DOCX_UN_INDENT, first_line);
	return room;
}

static void S_numbering(struct buf *b, const struct docx_ctx *c)
{
	static const char *const bullets[] = {"\xe2\x80\xa2", "\xe2\x80\x93",
					      "\xc2\xb7"};
	struct arena a; /* the words filled in */
	arena_init(&a);
	buf_puts(b, S_XML_DECL "<w:numbering xmlns:w=\"" S_NS_W "\">");
	/* the numbered paragraphs of the report: 1. 2. ... through it */
	buf_printf(b, "<w:abstractNum w:abstractNumId=\"%d\"><w:multiLevelType "
		      "w:val=\"singleLevel\"/>",
		   DOCX_ABSTRACT_PARA);
	char ind[S_IND_ROOM];
	/* in the UN form the number at the text's start, a tab to 1 cm */
	/* a UN number inside the text ends at the text's start in Arabic,
	 * where "left" (LibreOffice) put it out in the margin */
	const char *un_jc = lang_is_rtl(c->opt->lang) ? "right" : "left";
	S_level(b, 0, "decimal", words_paragraph_number(c->opt->words, &a, "%1"),
		"NumberedPara", c->opt->un ? un_jc : "left",
		c->opt->un ? S_un_ind(ind, 0, DOCX_UN_TAB)
			   : S_hang(ind, 567, 567));
	buf_puts(b, "</w:abstractNum>");
	buf_printf(b, "<w:abstractNum w:abstractNumId=\"%d\"><w:multiLevelType "
		      "w:val=\"hybridMultilevel\"/>",
		   DOCX_ABSTRACT_BULLET);
	/* in the UN form inside its text, 18 points in a level, as the
	 * PDF's lists (pdf.c S_list) */
	int base = c->opt->un ? DOCX_UN_INDENT : 0,
	    step = c->opt->un ? 360 : 720;
	for (int i = 0; i < 9; i++)
		S_level(b, i, "bullet", bullets[i % 3], NULL, "left",
			S_hang(ind, base + step * (i + 1), 360));
	buf_puts(b, "</w:abstractNum>");
	for (int k = 0; k < 2; k++) {
		buf_printf(b, "<w:abstractNum w:abstractNumId=\"%d\">"
			      "<w:multiLevelType w:val=\"hybridMultilevel\"/>",
			   k ? DOCX_ABSTRACT_ORDERED_PAREN
			     : DOCX_ABSTRACT_ORDERED);
		for (int i = 0; i < 9; i++) {
			char text[16];
			snprintf(text, sizeof text, "%%%d%c", i + 1,
				 k ? ')' : '.');
			S_level(b, i, "decimal", text, NULL, "left",
				S_hang(ind, base + step * (i + 1), 360));
		}
		buf_puts(b, "</w:abstractNum>");
	}
	if (c->opt->un) { /* the UN form's subparagraphs: (a) (b) */
		buf_printf(b, "<w:abstractNum w:abstractNumId=\"%d\">"
			      "<w:multiLevelType w:val=\"hybridMultilevel\"/>",
			   DOCX_ABSTRACT_UN_SUB);
		/* Word numbers them itself: its format of the language's
		 * letters, in the form's pattern ("(%1)") */
		for (int i = 0; i < 9; i++) {
			char level[16];
			snprintf(level, sizeof level, "%%%d", i + 1);
			const char *fmt;
			const char *text = words_word_subparagraph(
				c->opt->words, &a, level, &fmt);
			/* "(a)" a tab in, its text after a second, its
			 * lines after it back at the text's start */
			S_level(b, i, fmt, text, NULL, i ? "left" : un_jc,
				i ? S_hang(ind, 720 * (i + 1) + 567, 567)
				  : S_un_ind(ind, DOCX_UN_TAB, 2 * DOCX_UN_TAB));
		}
		buf_puts(b, "</w:abstractNum>");
	}
	buf_printf(b, "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"%d\"/>"
		      "</w:num><w:num w:numId=\"%d\"><w:abstractNumId "
		      "w:val=\"%d\"/></w:num>",
		   DOCX_NUM_PARA, DOCX_ABSTRACT_PARA, DOCX_NUM_BULLET,
		   DOCX_ABSTRACT_BULLET);
	buf_put(b, c->nums.data ? c->nums.data : "", c->nums.len);
	buf_puts(b, "</w:numbering>");
	arena_free(&a);
}

/* ------------------------------------------------------------- others */

static void S_settings(struct buf *b, const struct docx_ctx *c)
{
	buf_printf(b,
		   S_XML_DECL "<w:settings xmlns:w=\"" S_NS_W "\">"
		   "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"567\"/>"
		   "%s%s<w:characterSpacingControl "
		   "w:val=\"doNotCompress\"/>%s"
		   "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote "
		   "w:id=\"0\"/></w:footnotePr>"
		   "<w:endnotePr><w:numFmt w:val=\"decimal\"/><w:endnote "
		   "w:id=\"-1\"/><w:endnote w:id=\"0\"/></w:endnotePr>"
		   "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
		   "w:uri=\"http://schemas.microsoft.com/office/word\" "
		   "w:val=\"15\"/></w:compat>"
		   "<w:themeFontLang w:val=\"%s\"/></w:settings>",
		   /* a UN document is set without hyphens, as its PDF */
		   c->opt->un ? "" : "<w:autoHyphenation/>",
		   /* the UN form: the symbol at the outer corner */
		   c->opt->un ? "<w:evenAndOddHeaders/>" : "",
		   /* Word fills in the contents' page numbers on opening,
		    * after asking whether to update the document's fields:
		    * asked of a document without contents (the UN form), it
		    * reads as a security warning to be refused */
		   c->has_toc ? "<w:updateFields w:val=\"true\"/>" : "",
		   c->lang_tag);
}

/* footnotes.xml or endnotes.xml: the separators Word wants, then the
 * notes (when this is the kind the report uses). */
static void S_lang_rpr(struct buf *b, const struct docx_ctx *c)
{
	buf_printf(b, "<w:rPr><w:lang %s/></w:rPr>", c->lang_attrs);
}

static void S_notes(struct buf *b, const struct docx_ctx *c, bool endnotes)
{
	const char *k = endnotes ? "endnote" : "footnote";
	buf_printf(b, S_XML_DECL "<w:%ss" S_PART_NS ">", k);
	buf_printf(b, "<w:%s w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr>"
		      "<w:spacing w:after=\"0\"/></w:pPr><w:r><w:separator/>"
		      "</w:r></w:p></w:%s>",
		   k, k);
	buf_printf(b, "<w:%s w:type=\"continuationSeparator\" w:id=\"0\"><w:p>"
		      "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:r>"
		      "<w:continuationSeparator/></w:r></w:p></w:%s>",
		   k, k);
	const char *unedited = c->opt->un ? c->opt->un->unedited : NULL;
	/* page 1's "*" (docx.c), first as its mark is: LibreOffice takes
	 * the notes in their order, Word by id */
	if (!endnotes && unedited) {
		buf_printf(b, "<w:footnote w:id=\"%d\"><w:p><w:pPr><w:pStyle "
			      "w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr>"
			      "<w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
			      "<w:t>*</w:t></w:r><w:r><w:tab/></w:r>",
			   DOCX_UN_NOTE_ID);
		docx_text_runs(b, "", c->lang_attrs, lang_is_rtl(c->opt->lang),
			       unedited, strlen(unedited));
		buf_puts(b, "</w:p></w:footnote>");
	}
	if (endnotes == c->opt->endnotes)
		buf_put(b, c->notes.data ? c->notes.data : "", c->notes.len);
	buf_printf(b, "</w:%ss>", k);
}

/* The running head, as the PDF's: the title (italic but in Arabic and
 * Chinese, which have none), then the symbol at the margin, above a rule;
 * in Arabic mirrored, the symbol at the left and the title at the right.
 * A left-to-right paragraph with a right tab stop at the margin (`width`:
 * the landscape pages have a head of their own): LibreOffice draws no
 * alignment tab (w:ptab), and read right to left the tab stop's place
 * would be Word's and LibreOffice's to mirror. */
/* The title as the running head can hold it beside the symbol: Word
 * cannot cut a line with an ellipsis, so the cut is made here, from the
 * widths the characters take at most (wide ones 1 em, others 0.55 em of
 * the head's 8 pt; the symbol's 9 pt bold 0.62 em) and at a word's end
 * as the PDF's (words_cut). */
/* rtl: the title reads right to left; its "…" then has a right-to-left
 * mark after it, so that it stands at the title's end (its left) in a
 * left-to-right paragraph. */
static const char *S_head_title(struct arena *a, const char *title,
				const char *symbol, bool rtl)
{
	double room = DOCX_TEXT_W / 20.0 - 24 -
		      (symbol ? (double)strlen(symbol) * 9 * 0.62 : 0);
	double em = 0, ellipsis = 1.0;
	size_t fits = 0;
	for (size_t i = 0; title[i];) {
		size_t adv;
		unsigned cp = utf8_decode(title + i, strlen(title + i), &adv);
		if (!adv)
			adv = 1;
		bool wide = (cp >= 0x1100 && cp <= 0x115F) ||
			    (cp >= 0x2E80 && cp <= 0xA4CF) ||
			    (cp >= 0xAC00 && cp <= 0xD7A3) ||
			    (cp >= 0xF900 && cp <= 0xFAFF) ||
			    (cp >= 0xFF00 && cp <= 0xFF60);
		em += wide ? 1.0 : 0.55;
		i += adv;
		if ((em + ellipsis) * 8 <= room)
			fits = i;
		else if (em * 8 > room)
			break;
	}
	if (em * 8 <= room)
		return title;
	size_t keep = words_cut(title, fits);
	return arena_printf(a, "%.*s\u2026%s", (int)keep, title,
			    rtl ? "\u200f" : "");
}

static void S_header(struct buf *b, struct docx_ctx *c, int width)
{
	buf_printf(b, S_XML_DECL "<w:hdr" S_PART_NS "><w:p><w:pPr><w:pStyle "
		      "w:val=\"Header\"/><w:pBdr><w:bottom w:val=\"single\" "
		      "w:sz=\"4\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
		      "<w:tabs><w:tab w:val=\"right\" w:pos=\"%d\"/></w:tabs>"
		      "<w:bidi w:val=\"0\"/><w:jc w:val=\"left\"/></w:pPr>",
		   width);
	bool upright = lang_emphasis_is_bold(c->opt->lang);
	bool rtl = lang_is_rtl(c->opt->lang);
	const char *title = c->opt->title;
	if (title && *title)
		title = S_head_title(&c->arena, title, c->opt->symbol, rtl);
	const char *sym = c->opt->symbol;
	const char *parts[2] = {title, sym};
	const char *rpr[2] = {
		upright ? "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>"
			: "<w:i/><w:iCs/><w:sz w:val=\"16\"/>"
			  "<w:szCs w:val=\"16\"/>",
		"<w:b/><w:bCs/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"};
	for (int k = 0; k < 2; k++) {
		int i = rtl ? 1 - k : k; /* Arabic: the symbol first */
		if (k == 1)
			buf_puts(b, "<w:r><w:tab/></w:r>");
		if (parts[i] && *parts[i])
			docx_text_runs(b, rpr[i], c->lang_attrs, rtl, parts[i],
				       strlen(parts[i]));
	}
	buf_puts(b, "</w:p></w:hdr>");
}

/* The UN form's running head: the symbol alone, bold, over a rule, at
 * the outer corner (right on odd pages, left on even ones). */
static void S_un_header(struct buf *b, const struct docx_ctx *c, bool even)
{
	buf_printf(b, S_XML_DECL "<w:hdr" S_PART_NS "><w:p><w:pPr><w:pStyle "
		      "w:val=\"Header\"/><w:pBdr><w:bottom w:val=\"single\" "
		      "w:sz=\"4\" w:space=\"1\" w:color=\"000000\"/>"
		      "</w:pBdr><w:jc w:val=\"%s\"/></w:pPr>",
		   even ? "left" : "right");
	const char *sym = c->opt->symbol;
	if (sym && *sym) {
		docx_text_runs(b,
			       "<w:b/><w:bCs/><w:sz w:val=\"17\"/>"
			       "<w:szCs w:val=\"17\"/>",
			       c->lang_attrs, lang_is_rtl(c->opt->lang), sym,
			       strlen(sym));
	}
	buf_puts(b, "</w:p></w:hdr>");
}

/* The UN form's folio at the outer corner, bold, and an edited
 * document's job number at the inner one (unform_job_footer), a right
 * tab apart on a page of that width between its margins; or page 1's
 * foot: the job number (even: -1). */
static void S_un_footer(struct buf *b, const struct docx_ctx *c, int even,
			int width, const char *job_footer)
{
	const char *job = even >= 0 ? job_footer : NULL;
	buf_printf(b, S_XML_DECL "<w:ftr" S_PART_NS "><w:p><w:pPr><w:pStyle "
		      "w:val=\"Footer\"/>");
	if (job)
		buf_printf(b, "<w:tabs><w:tab w:val=\"right\" w:pos=\"%d\"/>"
			      "</w:tabs><w:jc w:val=\"left\"/></w:pPr>",
			   width);
	else
		buf_printf(b, "<w:jc w:val=\"%s\"/></w:pPr>",
			   even ? "left" : "right");
	/* an odd page: the job number, then the folio at the right */
	if (job && !even) {
		docx_text_runs(b, "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>",
			       c->lang_attrs, lang_is_rtl(c->opt->lang), job,
			       strlen(job));
		buf_printf(b, "<w:r><w:rPr><w:lang %s/></w:rPr><w:tab/></w:r>",
			   c->lang_attrs);
	}
	if (even < 0) {
		const char *page1 = c->opt->un->job_number;
		if (page1)
			docx_text_runs(b, "", c->lang_attrs,
				       lang_is_rtl(c->opt->lang), page1,
				       strlen(page1));
		buf_puts(b, "</w:p></w:ftr>");
		return;
	}
	static const char *const runs[] = {
		"<w:fldChar w:fldCharType=\"begin\"/>",
		"<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>",
		"<w:fldChar w:fldCharType=\"separate\"/>", "<w:t>2</w:t>",
		"<w:fldChar w:fldCharType=\"end\"/>"};
	for (size_t i = 0; i < sizeof runs / sizeof *runs; i++)
		buf_printf(b, "<w:r><w:rPr><w:b/><w:bCs/><w:sz w:val=\"17\"/><w:lang %s/>"
			      "</w:rPr>%s</w:r>",
			   c->lang_attrs, runs[i]);
	/* an even page: the folio, then the job number at the right */
	if (job && even) {
		buf_printf(b, "<w:r><w:rPr><w:lang %s/></w:rPr><w:tab/></w:r>",
			   c->lang_attrs);
		docx_text_runs(b, "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>",
			       c->lang_attrs, lang_is_rtl(c->opt->lang), job,
			       strlen(job));
	}
	buf_puts(b, "</w:p></w:ftr>");
}

/* The UN form prints in black: every colour of the package (styles,
 * rules, shadings, charts) becomes its grey, by luminance. */
static void S_un_greys(struct buf *b)
{
	static const char *const keys[] = {"w:color=\"", "w:fill=\"",
					   "<w:color w:val=\"",
					   "srgbClr val=\""};
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
		size_t n = strlen(keys[k]);
		for (char *p = b->data; p && (p = strstr(p, keys[k]));) {
			p += n;
			unsigned v[3];
			if (strspn(p, "0123456789ABCDEFabcdef") != 6 ||
			    p[6] != '"' ||
			    sscanf(p, "%2x%2x%2x", &v[0], &v[1], &v[2]) != 3)
				continue;
			unsigned y = (299 * v[0] + 587 * v[1] + 114 * v[2] +
				      500) / 1000;
			char grey[32];
			y = y > 255 ? 255 : y;
			snprintf(grey, sizeof grey, "%02X%02X%02X", y, y, y);
			memcpy(p, grey, 6);
		}
	}
}

/* The UN form's styles: headings and title lines in the text's Times
 * New Roman, not Arial. */
static void S_un_fonts(struct buf *styles)
{
	static const char arial[] = "w:ascii=\"Arial\" w:hAnsi=\"Arial\" "
				    "w:cs=\"Arial\"";
	static const char times[] = "w:ascii=\"Times New Roman\" "
				    "w:hAnsi=\"Times New Roman\" "
				    "w:cs=\"Times New Roman\"";
	struct buf out;
	buf_init(&out);
	const char *p = styles->data ? styles->data : "", *q;
	while ((q = strstr(p, arial))) {
		buf_put(&out, p, (size_t)(q - p));
		buf_puts(&out, times);
		p = q + sizeof arial - 1;
	}
	buf_puts(&out, p);
	buf_clear(styles);
	buf_put(styles, out.data ? out.data : "", out.len);
	buf_free(&out);
}

static void S_footer(struct buf *b, const struct docx_ctx *c)
{
	buf_puts(b, S_XML_DECL "<w:ftr" S_PART_NS "><w:p><w:pPr><w:pStyle "
		    "w:val=\"Footer\"/></w:pPr>");
	static const char *const runs[] = {
		"<w:fldChar w:fldCharType=\"begin\"/>",
		"<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>",
		"<w:fldChar w:fldCharType=\"separate\"/>", "<w:t>1</w:t>",
		"<w:fldChar w:fldCharType=\"end\"/>"};
	for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
		buf_puts(b, "<w:r>");
		S_lang_rpr(b, c);
		buf_printf(b, "%s</w:r>", runs[i]);
	}
	buf_puts(b, "</w:p></w:ftr>");
}

static void S_document(struct buf *b, const struct docx_ctx *c)
{
	buf_puts(b, S_XML_DECL "<w:document" S_PART_NS "><w:body>");
	buf_put(b, c->body.data ? c->body.data : "", c->body.len);
	buf_puts(b, "</w:body></w:document>");
}

/* The UN form's headers and footers besides header1 and footer1. */
static const struct {
	const char *name, *rid, *type;
} S_un_parts[] = {
	{"word/header2.xml", "rIdHeaderEven", "header"},
	{"word/footer2.xml", "rIdFooterEven", "footer"},
	{"word/footer3.xml", "rIdFooterFirst", "footer"},
	/* the annex's landscape pages: the folio and the job number at
	 * their corners (a tab stop at an upright page's margin stood two
	 * thirds across them) */
	{"word/footer4.xml", "rIdFooterWide", "footer"},
	{"word/footer5.xml", "rIdFooterEvenWide", "footer"},
};

static void S_document_rels(struct buf *b, const struct docx_ctx *c)
{
	static const char *const fixed[][3] = {
		{"rIdStyles", "styles", "styles.xml"},
		{"rIdNumbering", "numbering", "numbering.xml"},
		{"rIdSettings", "settings", "settings.xml"},
		{"rIdFootnotes", "footnotes", "footnotes.xml"},
		{"rIdEndnotes", "endnotes", "endnotes.xml"},
		{"rIdHeader", "header", "header1.xml"},
		{"rIdFooter", "footer", "footer1.xml"},
	};
	buf_puts(b, S_XML_DECL "<Relationships xmlns=\"http://schemas."
		    "openxmlformats.org/package/2006/relationships\">");
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		buf_printf(b, "<Relationship Id=\"%s\" Type=\"" S_REL_TYPE
			      "%s\" Target=\"%s\"/>",
			   fixed[i][0], fixed[i][1], fixed[i][2]);
	if (!c->opt->un) /* the landscape pages' head (S_header) */
		buf_puts(b, "<Relationship Id=\"rIdHeaderWide\" Type=\""
			    S_REL_TYPE "header\" Target=\"header3.xml\"/>");
	if (c->opt->un)
		for (size_t i = 0; i < sizeof S_un_parts / sizeof *S_un_parts;
		     i++)
			buf_printf(b, "<Relationship Id=\"%s\" Type=\""
				      S_REL_TYPE "%s\" Target=\"%s\"/>",
				   S_un_parts[i].rid, S_un_parts[i].type,
				   S_un_parts[i].name + 5);
	buf_put(b, c->rels.data ? c->rels.data : "", c->rels.len);
	buf_puts(b, "</Relationships>");
}

static void S_package_rels(struct buf *b)
{
	buf_puts(b, S_XML_DECL
		 "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
		 "package/2006/relationships\">"
		 "<Relationship Id=\"rId1\" Type=\"" S_REL_TYPE
		 "officeDocument\" Target=\"word/document.xml\"/>"
		 "<Relationship Id=\"rId2\" Type=\"http://schemas."
		 "openxmlformats.org/package/2006/relationships/metadata/"
		 "core-properties\" Target=\"docProps/core.xml\"/>"
		 "<Relationship Id=\"rId3\" Type=\"" S_REL_TYPE
		 "extended-properties\" Target=\"docProps/app.xml\"/>"
		 "</Relationships>");
}

static void S_content_types(struct buf *b, const struct docx_ctx *c)
{
	static const char *const parts[][2] = {
		{"/word/document.xml", S_CT_WORD "document.main+xml"},
		{"/word/styles.xml", S_CT_WORD "styles+xml"},
		{"/word/numbering.xml", S_CT_WORD "numbering+xml"},
		{"/word/settings.xml", S_CT_WORD "settings+xml"},
		{"/word/footnotes.xml", S_CT_WORD "footnotes+xml"},
		{"/word/endnotes.xml", S_CT_WORD "endnotes+xml"},
		{"/word/header1.xml", S_CT_WORD "header+xml"},
		{"/word/footer1.xml", S_CT_WORD "footer+xml"},
		{"/docProps/core.xml",
		 "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-"
				      "officedocument.extended-properties+xml"},
	};
	buf_puts(b, S_XML_DECL
		 "<Types xmlns=\"http://schemas.openxmlformats.org/package/"
		 "2006/content-types\">"
		 "<Default Extension=\"rels\" ContentType=\"application/"
		 "vnd.openxmlformats-package.relationships+xml\"/>"
		 "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		 "<Default Extension=\"png\" ContentType=\"image/png\"/>"
		 "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>");
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		buf_printf(b, "<Override PartName=\"%s\" ContentType=\"%s\"/>",
			   parts[i][0], parts[i][1]);
	if (!c->opt->un)
		buf_puts(b, "<Override PartName=\"/word/header3.xml\" "
			    "ContentType=\"" S_CT_WORD "header+xml\"/>");
	if (c->opt->un)
		for (size_t i = 0; i < sizeof S_un_parts / sizeof *S_un_parts;
		     i++)
			buf_printf(b, "<Override PartName=\"/%s\" "
				      "ContentType=\"" S_CT_WORD "%s+xml\"/>",
				   S_un_parts[i].name, S_un_parts[i].type);
	for (size_t i = 0; i < c->part_count; i++)
		if (!strncmp(c->parts[i].name, "word/charts/", 12))
			buf_printf(b, "<Override PartName=\"/%s\" ContentType="
				      "\"application/vnd.openxmlformats-"
				      "officedocument.drawingml.chart+xml\"/>",
				   c->parts[i].name);
	buf_puts(b, "</Types>");
}

static void S_element(struct buf *b, const char *name, const char *text)
{
	if (!text || !*text)
		return;
	buf_printf(b, "<%s>", name);
	escape_xml(b, text, strlen(text));
	buf_printf(b, "</%s>", name);
}

static void S_core(struct buf *b, const struct docx_ctx *c)
{
	const struct docx_options *o = c->opt;
	buf_puts(b, S_XML_DECL
		 "<cp:coreProperties xmlns:cp=\"http://schemas."
		 "openxmlformats.org/package/2006/metadata/core-properties\" "
		 "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
		 "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
		 "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
		 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
	S_element(b, "dc:title", o->title);
	S_element(b, "dc:subject", o->subject);
	S_element(b, "dc:creator", o->author);
	S_element(b, "cp:keywords", o->keywords);
	S_element(b, "dc:description", o->subtitle);
	S_element(b, "dc:language", c->lang_tag);
	S_element(b, "dc:identifier", o->symbol);
	const struct docx_date *t = &o->created;
	if (t->year > 0) {
		for (int i = 0; i < 2; i++)
			buf_printf(b, "<dcterms:%s xsi:type=\"dcterms:W3CDTF\">"
				      "%04d-%02d-%02dT%02d:%02d:%02dZ"
				      "</dcterms:%s>",
				   i ? "modified" : "created", t->year,
				   t->month, t->day, t->hour, t->minute,
				   t->second, i ? "modified" : "created");
	}
	buf_puts(b, "</cp:coreProperties>");
}

static void S_app(struct buf *b)
{
	buf_puts(b, S_XML_DECL
		 "<Properties xmlns=\"http://schemas.openxmlformats.org/"
		 "officeDocument/2006/extended-properties\">"
		 "<Application>uprgen " UPRGEN_VERSION "</Application>"
		 "<DocSecurity>0</DocSecurity></Properties>");
}

/* ----------------------------------------------------------------- zip */

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar. */
static long long S_days(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The time of every entry: the document's date at noon read as local
 * time, so that libzip, which writes the DOS time of the local zone
 * (localtime_r), writes the same fields in every time zone.  Not by
 * mktime(): it re-reads the time zone on every call, racing with the
 * other languages' documents written on other threads (build.c sets the
 * zone once, before they start). */
static time_t S_entry_time(const struct docx_date *t)
{
	bool ok = t->year >= 1980 && t->year <= 2107;
	long long t0 = S_days(ok ? t->year : 1980, ok ? t->month : 1,
			      ok ? t->day : 1) * 86400 + 12 * 3600;
	time_t tt = (time_t)t0;
	struct tm lt;
	if (!localtime_r(&tt, &lt))
		return tt;
	long long local = S_days(lt.tm_year + 1900LL, lt.tm_mon + 1,
				 lt.tm_mday) * 86400 + lt.tm_hour * 3600 +
			  lt.tm_min * 60 + lt.tm_sec;
	return (time_t)(t0 - (local - t0));
}

static bool S_add(zip_t *z, const char *name, const struct buf *b,
		  time_t when)
{
	zip_source_t *src = zip_source_buffer(z, b->data ? b->data : "",
					      b->len, 0);
	if (!src)
		return false;
	zip_int64_t i = zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		zip_source_free(src);
		return false;
	}
	/* deflate's fastest level: level 9 took four fifths of the time of
	 * a Word document of 250 recommendations, for a file 25 % smaller */
	return zip_file_set_mtime(z, (zip_uint64_t)i, when, 0) == 0 &&
	       zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE,
					1) == 0;
}

bool docx_package(struct docx_ctx *c, const char *path)
{
	enum { N = 13 };
	static const char *const names[N] = {
		"[Content_Types].xml", "_rels/.rels",
		"docProps/core.xml",   "docProps/app.xml",
		"word/document.xml",   "word/_rels/document.xml.rels",
		"word/styles.xml",     "word/numbering.xml",
		"word/settings.xml",   "word/footnotes.xml",
		"word/endnotes.xml",   "word/header1.xml",
		"word/footer1.xml",
	};
	struct buf b[N];
	for (int i = 0; i < N; i++)
		buf_init(&b[i]);
	S_content_types(&b[0], c);
	S_package_rels(&b[1]);
	S_core(&b[2], c);
	S_app(&b[3]);
	S_document(&b[4], c);
	S_document_rels(&b[5], c);
	S_styles(&b[6], c->lang_tag, !lang_emphasis_is_bold(c->opt->lang),
		 c->opt->un != NULL);
	S_numbering(&b[7], c);
	S_settings(&b[8], c);
	S_notes(&b[9], c, false);
	S_notes(&b[10], c, true);
	S_header(&b[11], c, DOCX_TEXT_W);
	S_footer(&b[12], c);
	struct buf wide; /* the landscape pages' head */
	buf_init(&wide);
	if (!c->opt->un)
		S_header(&wide, c, DOCX_TEXT_W_LANDSCAPE);
	/* the UN form: odd pages' own head and foot, then even pages' and
	 * page 1's, every colour grey */
	enum { U = sizeof S_un_parts / sizeof *S_un_parts };
	struct buf un[U];
	for (size_t i = 0; i < U; i++)
		buf_init(&un[i]);
	if (c->opt->un) {
		buf_clear(&b[11]);
		buf_clear(&b[12]);
		S_un_header(&b[11], c, false);
		int upright = DOCX_PAGE_W - 2 * DOCX_UN_MARGIN,
		    wide = DOCX_PAGE_H - 2 * DOCX_UN_MARGIN;
		const char *job = unform_job_footer(c->opt->un, &c->arena);
		S_un_footer(&b[12], c, 0, upright, job);
		S_un_header(&un[0], c, true);
		S_un_footer(&un[1], c, 1, upright, job);
		S_un_footer(&un[2], c, -1, upright, job);
		S_un_footer(&un[3], c, 0, wide, job);
		S_un_footer(&un[4], c, 1, wide, job);
		for (int i = 0; i < N; i++)
			S_un_greys(&b[i]);
		S_un_fonts(&b[6]);
		for (size_t i = 0; i < c->part_count; i++)
			S_un_greys(&c->parts[i].data);
	}

	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	bool ok = z != NULL;
	time_t when = S_entry_time(&c->opt->created);
	for (int i = 0; ok && i < N; i++)
		ok = S_add(z, names[i], &b[i], when);
	for (size_t i = 0; ok && c->opt->un && i < U; i++)
		ok = S_add(z, S_un_parts[i].name, &un[i], when);
	if (ok && !c->opt->un)
		ok = S_add(z, "word/header3.xml", &wide, when);
	for (size_t i = 0; ok && i < c->part_count; i++)
		ok = S_add(z, c->parts[i].name, &c->parts[i].data, when);
	const char *why = NULL;
	if (z && (!ok || zip_close(z) != 0)) {
		why = arena_strdup(&c->arena, zip_strerror(z));
		zip_discard(z);
		ok = false;
	} else if (!z) {
		zip_error_t e;
		zip_error_init_with_code(&e, zerr);
		why = arena_strdup(&c->arena, zip_error_strerror(&e));
		zip_error_fini(&e);
	}
	if (!ok)
		diag_error(c->d, (struct source_pos){path, 0, 0},
			   "cannot write the Word document: %s",
			   why ? why : "unknown zip error");
	buf_free(&wide);
	for (int i = 0; i < N; i++)
		buf_free(&b[i]);
	for (size_t i = 0; i < U; i++)
		buf_free(&un[i]);
	return ok;
}
