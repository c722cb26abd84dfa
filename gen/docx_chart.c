/*
 * docx_chart — a chart (chart.h) as a native Word chart: a chart part
 * (DrawingML, word/charts/chartN.xml) holding the categories and values
 * in its caches, so Word and LibreOffice draw it themselves, in vector,
 * and a Word user can restyle it; the drawing in the body carries the
 * chart's summary as its text alternative, and the chart's title and
 * source are a Caption paragraph above and a note below.  A chart of
 * type "table" is a Word table of its data instead.
 *
 * No embedded workbook: Word shows and restyles the chart from its
 * caches; "Edit Data" then says the linked data is not available.
 */
#include <math.h>
#include <string.h>

#include "docx_int.h"
#include "escape.h"

#define S_NS_C "http://schemas.openxmlformats.org/drawingml/2006/chart"
#define S_NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"

static void S_x(struct buf *b, const char *s)
{
	if (s)
		escape_xml(b, s, strlen(s));
}

/* A spreadsheet column name: 0 -> A, 26 -> AA. */
static void S_column(struct buf *b, size_t i)
{
	char tmp[8];
	int n = 0;
	i++;
	while (i && n < 7) {
		tmp[n++] = (char)('A' + (i - 1) % 26);
		i = (i - 1) / 26;
	}
	while (n)
		buf_putc(b, tmp[--n]);
}

static void S_num(struct buf *b, double v)
{
	buf_printf(b, "%.10g", v);
}

static void S_series(struct buf *b, const struct chart *ch, size_t s,
		     bool line)
{
	const struct chart_series *se = &ch->series[s];
	size_t n = ch->category_count;
	buf_printf(b, "<c:ser><c:idx val=\"%zu\"/><c:order val=\"%zu\"/>"
		      "<c:tx><c:strRef><c:f>Sheet1!$", s, s);
	S_column(b, s + 1);
	buf_puts(b, "$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\">"
		    "<c:v>");
	S_x(b, se->label);
	buf_printf(b, "</c:v></c:pt></c:strCache></c:strRef></c:tx>");
	/* a line's points marked with a shape of its own, a line told
	 * apart from the next by more than its colour */
	static const char *const symbols[] = {"circle",  "square", "triangle",
					      "diamond", "x",	   "star"};
	if (line)
		buf_printf(b, "<c:spPr><a:ln w=\"28575\"><a:solidFill><a:srgbClr "
			      "val=\"%06X\"/></a:solidFill></a:ln></c:spPr>"
			      "<c:marker><c:symbol val=\"%s\"/><c:size "
			      "val=\"5\"/><c:spPr><a:solidFill><a:srgbClr "
			      "val=\"%06X\"/></a:solidFill></c:spPr></c:marker>",
			   se->colour & 0xFFFFFF, symbols[s % 6],
			   se->colour & 0xFFFFFF);
	/* the line runs on across missing figures (dispBlanksAs span),
	 * dashed there, as the PDF and the website draw it: the segment
	 * that ends at a point is that point's */
	for (size_t i = 1; line && se->present && i < n; i++) {
		if (!se->present[i] || se->present[i - 1])
			continue;
		size_t before = i;
		while (before > 0 && !se->present[before - 1])
			before--;
		if (!before) /* nothing before it: no segment */
			continue;
		buf_printf(b, "<c:dPt><c:idx val=\"%zu\"/><c:spPr><a:ln "
			      "w=\"28575\"><a:solidFill><a:srgbClr val=\"%06X\"/>"
			      "</a:solidFill><a:prstDash val=\"dash\"/></a:ln>"
			      "</c:spPr></c:dPt>",
			   i, se->colour & 0xFFFFFF);
	}
	/* from the second series on, a pattern over the colour, as the PDF
	 * and the website draw it (WCAG 1.4.1: not by colour alone): its
	 * marks the colour 45 % of the way to white */
	static const char *const patterns[] = {NULL,	   "wdUpDiag", "pct20",
					       "smGrid",   "ltHorz",
					       "diagCross"};
	const char *pattern = patterns[chart_series_pattern(ch, s)];
	if (!line && pattern) {
		unsigned rgb = se->colour & 0xFFFFFF, light = 0;
		for (int k = 0; k < 3; k++) {
			unsigned v = (rgb >> (16 - 8 * k)) & 0xFF;
			light |= (v + (255 - v) * CHART_MARK_LIGHTEN / 100)
				 << (16 - 8 * k);
		}
		buf_printf(b, "<c:spPr><a:pattFill prst=\"%s\"><a:fgClr>"
			      "<a:srgbClr val=\"%06X\"/></a:fgClr><a:bgClr>"
			      "<a:srgbClr val=\"%06X\"/></a:bgClr></a:pattFill>"
			      "</c:spPr><c:invertIfNegative val=\"0\"/>",
			   pattern, light, rgb);
	} else if (!line) {
		buf_printf(b, "<c:spPr><a:solidFill><a:srgbClr val=\"%06X\"/>"
			      "</a:solidFill></c:spPr><c:invertIfNegative "
			      "val=\"0\"/>",
			   se->colour & 0xFFFFFF);
	}
	buf_printf(b, "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$%zu</c:f>"
		      "<c:strCache><c:ptCount val=\"%zu\"/>", n + 1, n);
	for (size_t i = 0; i < n; i++) {
		buf_printf(b, "<c:pt idx=\"%zu\"><c:v>", i);
		S_x(b, ch->categories[i]);
		buf_puts(b, "</c:v></c:pt>");
	}
	buf_puts(b, "</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>"
		    "Sheet1!$");
	S_column(b, s + 1);
	buf_printf(b, "$2:$");
	S_column(b, s + 1);
	buf_printf(b, "$%zu</c:f><c:numCache><c:formatCode>General"
		      "</c:formatCode><c:ptCount val=\"%zu\"/>", n + 1, n);
	for (size_t i = 0; i < n; i++) {
		if (se->present && !se->present[i])
			continue; /* a gap, as the source gives no figure */
		buf_printf(b, "<c:pt idx=\"%zu\"><c:v>", i);
		S_num(b, se->values[i]);
		buf_puts(b, "</c:v></c:pt>");
	}
	buf_puts(b, "</c:numCache></c:numRef></c:val>");
	if (line)
		buf_puts(b, "<c:smooth val=\"0\"/>");
	buf_puts(b, "</c:ser>");
}

static const char S_axis_text[] =
	"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr rtl=\"0\"><a:defRPr sz=\"800\"/>"
	"</a:pPr><a:endParaRPr lang=\"en-US\"/></a:p></c:txPr>";

/* The number format (Excel's codes) of ch's figures, or of its scale's
 * ticks: thousands grouped where the PDF's and the site's are (not
 * "8400" in French but on a scale of five digits, chart_groups_four), at
 * most two decimals where a figure has any.  Word and LibreOffice write
 * the separators of a locale: the document's, given as the code's locale
 * ([$-40C]: LibreOffice then writes "15 750" and "24,5" in French; Word
 * may keep its reader's). */
static const char *S_format(struct arena *a, const struct chart *ch,
			    enum lang lang, bool ticks)
{
	bool decimals = false;
	double most = 0; /* the largest figure, its sign aside */
	if (ticks) {
		for (size_t i = 0; i < ch->tick_count; i++) {
			double v = ch->ticks[i].value;
			decimals |= v != (double)(long long)v;
			most = fmax(most, fabs(v));
		}
	} else {
		for (size_t s = 0; s < ch->series_count; s++)
			for (size_t i = 0; i < ch->category_count; i++) {
				double v = ch->series[s].values[i];
				bool there = !ch->series[s].present ||
					     ch->series[s].present[i];
				decimals |= there && v != (double)(long long)v;
				if (there)
					most = fmax(most, fabs(v));
			}
	}
	const char *lcid = docx_lang_lcid(lang);
	/* figures with decimals beside whole ones: General writes each as
	 * the PDF does ("73" and "90.34"; "0.0#" wrote "73.0"), but groups
	 * no thousands: kept for figures below a thousand */
	bool grouped = chart_groups_four(ch) && most >= 1000;
	return arena_printf(a, "%s%s%s%s", lcid ? "[$-" : "", lcid ? lcid : "",
			    lcid ? "]" : "",
			    decimals ? (grouped ? "#,##0.0#" : "General")
			    : chart_groups_four(ch) ? "#,##0"
						    : "0");
}

/* Each bar's or point's figure beside it, as the PDF and the website
 * write it. */
static void S_data_labels(struct buf *b, struct arena *a,
			  const struct chart *ch, enum lang lang)
{
	buf_printf(b, "<c:dLbls><c:numFmt formatCode=\"%s\" "
		      "sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/>"
		      "</a:ln></c:spPr>%s<c:showLegendKey val=\"0\"/>"
		      "<c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
		      "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/>"
		      "<c:showBubbleSize val=\"0\"/></c:dLbls>",
		   S_format(a, ch, lang, false), S_axis_text);
}

static void S_chart_part(struct buf *b, struct arena *a,
			 const struct chart *ch, enum lang lang)
{
	bool line = ch->type == CHART_TYPE_LINE;
	buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
		      "standalone=\"yes\"?>\n<c:chartSpace xmlns:c=\"" S_NS_C
		      "\" xmlns:a=\"" S_NS_A "\" xmlns:r=\"http://schemas."
		      "openxmlformats.org/officeDocument/2006/relationships\">"
		      "<c:lang val=\"%s\"/><c:roundedCorners val=\"0\"/>"
		      "<c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea>"
		      "<c:layout/>",
		   docx_lang_tag(lang));
	if (line)
		buf_puts(b, "<c:lineChart><c:grouping val=\"standard\"/>"
			    "<c:varyColors val=\"0\"/>");
	else
		buf_printf(b, "<c:barChart><c:barDir val=\"%s\"/><c:grouping "
			      "val=\"%s\"/><c:varyColors val=\"0\"/>",
			   ch->horizontal ? "bar" : "col",
			   ch->type == CHART_TYPE_STACKED ? "stacked"
							  : "clustered");
	for (size_t s = 0; s < ch->series_count; s++)
		S_series(b, ch, s, line);
	S_data_labels(b, a, ch, lang);
	if (line)
		buf_puts(b, "<c:marker val=\"1\"/><c:axId val=\"1001\"/>"
			    "<c:axId val=\"1002\"/></c:lineChart>");
	else
		buf_printf(b, "<c:gapWidth val=\"60\"/>%s<c:axId val=\"1001\"/>"
			      "<c:axId val=\"1002\"/></c:barChart>",
			   ch->type == CHART_TYPE_STACKED
				   ? "<c:overlap val=\"100\"/>" : "");
	/* horizontal bars: the first category at the top, as in the PDF */
	buf_printf(b, "<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation "
		      "val=\"%s\"/></c:scaling><c:delete val=\"0\"/><c:axPos "
		      "val=\"%s\"/><c:numFmt formatCode=\"General\" "
		      "sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/>"
		      "<c:minorTickMark val=\"none\"/><c:tickLblPos "
		      "val=\"nextTo\"/>%s<c:crossAx val=\"1002\"/><c:crosses "
		      "val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn "
		      "val=\"ctr\"/><c:lblOffset val=\"100\"/>"
		      "<c:noMultiLvlLbl val=\"0\"/></c:catAx>",
		   ch->horizontal ? "maxMin" : "minMax",
		   ch->horizontal ? "l" : "b", S_axis_text);
	buf_printf(b, "<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation "
		      "val=\"minMax\"/>");
	if (ch->hi > ch->lo) {
		buf_puts(b, "<c:max val=\"");
		S_num(b, ch->hi);
		buf_puts(b, "\"/><c:min val=\"");
		S_num(b, ch->lo);
		buf_puts(b, "\"/>");
	}
	buf_printf(b, "</c:scaling><c:delete val=\"0\"/><c:axPos val=\"%s\"/>"
		      "<c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill>"
		      "<a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln>"
		      "</c:spPr></c:majorGridlines><c:numFmt "
		      "formatCode=\"%s\" sourceLinked=\"0\"/>"
		      "<c:majorTickMark val=\"none\"/><c:minorTickMark "
		      "val=\"none\"/><c:tickLblPos val=\"nextTo\"/>%s"
		      "<c:crossAx val=\"1001\"/><c:crosses val=\"%s\"/>"
		      "<c:crossBetween val=\"between\"/>",
		   ch->horizontal ? "b" : "l", S_format(a, ch, lang, true), S_axis_text,
		   ch->horizontal ? "max" : "autoZero");
	if (ch->tick_count >= 2 &&
	    ch->ticks[1].value > ch->ticks[0].value) {
		buf_puts(b, "<c:majorUnit val=\"");
		S_num(b, ch->ticks[1].value - ch->ticks[0].value);
		buf_puts(b, "\"/>");
	}
	buf_puts(b, "</c:valAx></c:plotArea>");
	if (ch->series_count > 1)
		buf_printf(b, "<c:legend><c:legendPos val=\"b\"/><c:overlay "
			      "val=\"0\"/>%s</c:legend>", S_axis_text);
	buf_puts(b, "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"span\"/>"
		    "</c:chart></c:chartSpace>");
}

/* The data as a Word table: a row per category, a column per series. */
static void S_data_table(struct docx_ctx *c, const struct chart *ch)
{
	size_t cols = ch->series_count + 1;
	if (cols > 60)
		cols = 60;
	int w = docx_text_width(c) / (int)cols;
	buf_puts(c->out, "<w:tbl><w:tblPr><w:tblStyle w:val=\"UprTable\"/>");
	docx_table_direction(c);
	docx_table_width(c);
	buf_puts(c->out, "<w:tblLook "
			 "w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" "
			 "w:firstColumn=\"0\" w:lastColumn=\"0\" "
			 "w:noHBand=\"1\" w:noVBand=\"1\"/>");
	/* named by the chart's title, as the website's data table */
	if (ch->title && *ch->title) {
		buf_puts(c->out, "<w:tblCaption w:val=\"");
		escape_xml(c->out, ch->title, strlen(ch->title));
		buf_puts(c->out, "\"/>");
	}
	buf_puts(c->out, "</w:tblPr><w:tblGrid>");
	for (size_t i = 0; i < cols; i++)
		buf_printf(c->out, "<w:gridCol w:w=\"%d\"/>", w);
	buf_puts(c->out, "</w:tblGrid>");
	struct buf num;
	buf_init(&num);
	for (size_t r = 0; r <= ch->category_count; r++) {
		buf_printf(c->out, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
			   r ? "" : "<w:tblHeader/>");
		for (size_t k = 0; k < cols; k++) {
			buf_printf(c->out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" "
					   "w:type=\"dxa\"/></w:tcPr><w:p>"
					   "<w:pPr><w:pStyle w:val=\"%s\"/>%s%s"
					   "</w:pPr>",
				   w, r ? "TableText" : "TableHeading",
				   /* keepNext before jc, the schema's order */
				   docx_keep_row(r, ch->category_count + 1, true)
					   ? "<w:keepNext/>"
					   : "",
				   !k ? ""
				   /* figures at the right (docx.c S_tc_open) */
				   : lang_is_rtl(c->opt->lang)
					   ? "<w:jc w:val=\"left\"/>"
					   : "<w:jc w:val=\"right\"/>");
			const char *t = "";
			if (!r)
				t = k ? chart_series_head(ch, k - 1)
				    : ch->key_label &&
						  ch->type != CHART_TYPE_STACKED
					  ? ch->key_label
					  : "";
			else if (!k)
				t = ch->categories[r - 1];
			else {
				const struct chart_series *s =
					&ch->series[k - 1];
				buf_clear(&num);
				if (s->present && !s->present[r - 1])
					buf_puts(&num, ch->missing);
				else
					chart_format_number(&num,
							    s->values[r - 1],
							    ch);
				buf_putc(&num, '\0');
				t = num.data;
			}
			if (t && *t)
				docx_runs(c, "", t, strlen(t));
			buf_puts(c->out, "</w:p></w:tc>");
		}
		buf_puts(c->out, "</w:tr>");
	}
	buf_free(&num);
	buf_puts(c->out, "</w:tbl>");
}

void docx_chart(struct docx_ctx *c, const struct chart *ch)
{
	struct buf cap;
	buf_init(&cap);
	buf_puts(&cap, ch->title ? ch->title : "");
	if (ch->unit_text)
		buf_puts(&cap, ch->unit_text);
	buf_putc(&cap, '\0');
	if (ch->type == CHART_TYPE_TABLE || !ch->category_count ||
	    !ch->series_count) {
		docx_para(c, "Caption", NULL, cap.data);
		S_data_table(c, ch);
	} else {
		int k = ++c->charts;
		const char *name = arena_printf(&c->arena,
						"word/charts/chart%d.xml", k);
		struct docx_part *p = docx_part_add(c, name);
		S_chart_part(&p->data, &c->arena, ch, c->opt->lang);
		const char *rid = docx_rel(c, "chart", name + 5, false);
		long cx = (long)docx_text_width(c) * DOCX_EMU_PER_TWIP;
		long cy = ch->horizontal
			? (long)(ch->category_count *
				 (ch->type == CHART_TYPE_STACKED
					  ? 1 : ch->series_count) * 200000 +
				 900000)
			: cx * 9 / 16;
		if (cy > 8000000)
			cy = 8000000;
		if (cy < 1800000)
			cy = 1800000;
		int id = c->next_docpr++;
		/* the caption and the chart one paragraph, its lines kept
		 * together: LibreOffice leaves a caption that only keeps
		 * with the next paragraph at the foot of a page, its chart
		 * on the next (Word's keepNext alone would do) */
		buf_puts(c->out, "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/>"
				 "<w:keepLines/>");
		/* in a right-to-left document the chart's paragraph is
		 * left-to-right, its caption at the right: LibreOffice lays
		 * a chart in a right-to-left paragraph out backwards, every
		 * figure's digits reversed ("2202" for 2022, "057,51" for
		 * 15,750), whatever the chart's own direction says */
		if (lang_is_rtl(c->opt->lang))
			buf_puts(c->out, "<w:bidi w:val=\"0\"/>");
		/* in a list item, where its text stands (it is as narrow) */
		docx_block_ind(c);
		if (lang_is_rtl(c->opt->lang))
			buf_puts(c->out, "<w:jc w:val=\"right\"/>");
		buf_puts(c->out, "</w:pPr>");
		c->after_table = false;
		docx_runs(c, "", cap.data, strlen(cap.data));
		buf_printf(c->out, "<w:r><w:rPr><w:lang %s/></w:rPr>"
				   "<w:br/></w:r><w:r><w:rPr>"
				   "<w:lang %s/></w:rPr><w:drawing>"
				   "<wp:inline distT=\"0\" distB=\"0\" "
				   "distL=\"0\" distR=\"0\"><wp:extent "
				   "cx=\"%ld\" cy=\"%ld\"/><wp:effectExtent "
				   "l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
				   "<wp:docPr id=\"%d\" name=\"Chart %d\" "
				   "descr=\"",
			   c->lang_attrs, c->lang_attrs, cx, cy, id, k);
		S_x(c->out, ch->summary);
		buf_puts(c->out, "\" title=\"");
		S_x(c->out, ch->title);
		buf_printf(c->out, "\"/><wp:cNvGraphicFramePr/><a:graphic>"
				   "<a:graphicData uri=\"" S_NS_C "\">"
				   "<c:chart r:id=\"%s\"/></a:graphicData>"
				   "</a:graphic></wp:inline></w:drawing></w:r>"
				   "</w:p>",
			   rid);
	}
	buf_free(&cap);
	if (ch->source && *ch->source) {
		struct buf src;
		buf_init(&src);
		buf_printf(&src, "%s%s", ch->source_label, ch->source);
		buf_putc(&src, '\0');
		docx_para(c, "ChartSource", NULL, src.data);
		buf_free(&src);
	}
}
