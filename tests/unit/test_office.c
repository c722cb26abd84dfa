/* office: the reader of .docx and .xlsx on packages made here with libzip
 * (cell types, dates in both systems, merged cells, text as the document
 * has it) and on hostile ones (DOCTYPE, entities, nesting, zip bombs,
 * names out of the package, limits of a sheet). */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "check.h"
#include "office.h"

struct S_part {
	const char *name, *data;
	size_t len; /* 0: strlen(data) */
};

/* A zip in memory holding the parts (deflated); malloc'd. */
static char *S_zip(const struct S_part *parts, size_t n, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	for (size_t i = 0; i < n; i++) {
		size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *s = zip_source_buffer(z, parts[i].data, l, 0);
		zip_int64_t idx = zip_file_add(z, parts[i].name, s, 0);
		zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_DEFLATE,
					 9);
	}
	zip_close(z);
	zip_source_open(src);
	zip_source_seek(src, 0, SEEK_END);
	*len = (size_t)zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	char *out = malloc(*len);
	zip_source_read(src, out, *len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define S_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
	     "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL_NS "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
#define REL_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char S_doc[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:document " W_NS " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"
	"<w:p><w:r><w:t>Before</w:t></w:r></w:p>"
	"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Recommendation</w:t></w:r></w:p></w:tc>"
	"<w:tc><w:p><w:r><w:t>Position</w:t></w:r></w:p></w:tc></w:tr>"
	"<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>Theme: A &amp; B</w:t></w:r></w:p></w:tc></w:tr>"
	"<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>"
	"<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
	"<w:r><w:t xml:space=\"preserve\">1.1 \xE2\x80\x9C</w:t></w:r><w:r><w:t>Quoted</w:t></w:r>"
	"<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
	"<w:r><w:t>\xE2\x80\x9D</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t></w:r></w:p>"
	"<w:p><w:r><w:instrText>PAGE</w:instrText></w:r>"
	"<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t>one</w:t></w:r></mc:Choice>"
	"<mc:Fallback><w:r><w:t>two</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:tc>"
	"<w:tc><w:p><w:r><w:t>Supported</w:t></w:r></w:p></w:tc></w:tr>"
	"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
	"<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>nested</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>"
	"</w:tbl><w:p><w:r><w:t>After</w:t></w:r></w:p></w:body></w:document>";

static const char S_core[] =
	"<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
	"xmlns:dcterms=\"http://purl.org/dc/terms/\"><dcterms:created>2014-01-02T00:00:00Z</dcterms:created>"
	"<dcterms:modified>2015-03-12T10:00:00Z</dcterms:modified></cp:coreProperties>";

static void test_docx(void)
{
	struct S_part parts[] = {{"word/document.xml", S_doc, 0},
				 {"docProps/core.xml", S_core, 0}};
	size_t len;
	char *zip = S_zip(parts, 2, &len);
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct office_docx doc;
	CHECK(office_docx_read(&a, &d, "m.docx", zip, len, &doc));
	CHECK(d.errors == 0);
	CHECK(doc.table_count == 1);
	CHECK(doc.para_count == 2);
	CHECK_STR(doc.paras[0], "Before");
	CHECK_STR(doc.paras[1], "After");
	CHECK_STR(doc.modified, "2015-03-12");
	CHECK_STR(doc.part, "word/document.xml");
	const struct office_table *t = &doc.tables[0];
	CHECK(t->count == 4);
	CHECK(t->rows[1].count == 1 && t->rows[1].cells[0].span == 2);
	CHECK_STR(t->rows[1].cells[0].paras[0], "Theme: A & B");
	const struct office_cell *c = &t->rows[2].cells[0];
	CHECK(c->vmerge == OFFICE_VMERGE_RESTART);
	CHECK(c->para_count == 2);
	CHECK_STR(c->paras[0], "1.1 \xE2\x80\x9CQuoted\xE2\x80\x9D\tx\ny");
	CHECK_STR(c->paras[1], "one");
	CHECK(t->rows[2].cells[1].col == 1);
	CHECK(t->rows[3].cells[0].vmerge == OFFICE_VMERGE_CONTINUE);
	CHECK_STR(office_cell_text(&a, &t->rows[3].cells[1]), "nested\n");
	diags_free(&d);
	arena_free(&a);
	free(zip);
}

static const char S_rels[] =
	"<Relationships " REL_NS "><Relationship Id=\"rId1\" Type=\"" REL_T
	"officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char S_wb_rels[] =
	"<Relationships " REL_NS ">"
	"<Relationship Id=\"rId2\" Type=\"" REL_T "worksheet\" Target=\"worksheets/sheet2.xml\"/>"
	"<Relationship Id=\"rId1\" Type=\"" REL_T "worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL_T "sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId4\" Type=\"" REL_T "styles\" Target=\"styles.xml\"/>"
	"</Relationships>";
static const char S_sst[] =
	"<sst " S_NS "><si><t>Text</t></si><si><r><t>rich </t></r><r><rPr><b/></rPr><t>&amp; bold</t></r>"
	"<rPh><t>phonetic</t></rPh></si></sst>";
static const char S_styles[] =
	"<styleSheet " S_NS "><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
	"<numFmt numFmtId=\"165\" formatCode=\"&quot;day&quot;0.00\"/></numFmts>"
	"<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
	"<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"22\"/>"
	"<xf numFmtId=\"14\"/></cellXfs></styleSheet>";

static char *S_book(bool d1904, const char *sheet1, size_t *len)
{
	static char wb[1024];
	snprintf(wb, sizeof wb,
		 "<workbook " S_NS "><workbookPr%s/><sheets>"
		 "<sheet name=\"First\" sheetId=\"1\" r:id=\"rId1\"/>"
		 "<sheet name=\"Second &amp; last\" sheetId=\"2\" r:id=\"rId2\"/>"
		 "</sheets></workbook>",
		 d1904 ? " date1904=\"1\"" : "");
	struct S_part parts[] = {
		{"_rels/.rels", S_rels, 0},
		{"xl/workbook.xml", wb, 0},
		{"xl/_rels/workbook.xml.rels", S_wb_rels, 0},
		{"xl/sharedStrings.xml", S_sst, 0},
		{"xl/styles.xml", S_styles, 0},
		{"xl/worksheets/sheet1.xml", sheet1, 0},
		{"xl/worksheets/sheet2.xml",
		 "<worksheet " S_NS "><dimension ref=\"A1:XFD1048576\"/><sheetData>"
		 "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>corner</t></is></c></row>"
		 "</sheetData></worksheet>", 0},
	};
	return S_zip(parts, sizeof parts / sizeof *parts, len);
}

static const char S_sheet1[] =
	"<worksheet " S_NS "><sheetData>"
	"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
	"<row r=\"3\"><c r=\"A3\"><v>42</v></c><c r=\"B3\" s=\"1\"><v>45105</v></c>"
	"<c r=\"C3\" s=\"3\"><v>45120.4375</v></c><c r=\"D3\" s=\"2\"><v>1.5</v></c>"
	"<c r=\"E3\" t=\"b\"><v>1</v></c><c r=\"F3\" t=\"e\"><v>#N/A</v></c>"
	"<c r=\"G3\" t=\"inlineStr\"><is><r><t>in</t></r><r><t xml:space=\"preserve\">line </t></r></is></c>"
	"<c r=\"H3\" s=\"4\"/><c r=\"I3\" s=\"4\"><v>60</v></c><c r=\"J3\" s=\"4\"><v>61</v></c>"
	"<c r=\"K3\" s=\"3\"><v>0.5</v></c><c r=\"L3\" t=\"str\"><f>A1</f><v>Text</v></c></row>"
	"<row><c><v>7</v></c><c><v>8</v></c></row>"
	"</sheetData></worksheet>";

static void test_xlsx(void)
{
	size_t len;
	char *zip = S_book(false, S_sheet1, &len);
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct office_book b;
	CHECK(office_xlsx_read(&a, &d, "u.xlsx", zip, len, &b));
	CHECK(d.errors == 0);
	CHECK(b.sheet_count == 2 && !b.date1904);
	const struct office_sheet *s = &b.sheets[0];
	CHECK_STR(s->name, "First");
	CHECK_STR(s->part, "xl/worksheets/sheet1.xml");
	CHECK_STR(b.sheets[1].name, "Second & last");
	CHECK(b.sheets[1].rows == 1048576 && b.sheets[1].cols == 16384);
	CHECK_STR(office_sheet_cell(&b.sheets[1], 1048576, 16384)->text,
		  "corner");
	CHECK_STR(office_sheet_cell(s, 1, 1)->text, "Text");
	CHECK(office_sheet_cell(s, 1, 2) == NULL);
	CHECK_STR(office_sheet_cell(s, 1, 3)->text, "rich & bold");
	CHECK(office_sheet_cell(s, 2, 1) == NULL);
	const struct office_xcell *c = office_sheet_cell(s, 3, 1);
	CHECK(c->type == OFFICE_NUMBER && c->number == 42);
	CHECK_STR(c->text, "42");
	c = office_sheet_cell(s, 3, 2);
	CHECK(c->type == OFFICE_DATE);
	CHECK_STR(c->text, "2023-06-28");
	CHECK_STR(office_sheet_cell(s, 3, 3)->text, "2023-07-13 10:30:00");
	c = office_sheet_cell(s, 3, 4);
	CHECK(c->type == OFFICE_NUMBER);
	CHECK_STR(c->text, "1.5");
	c = office_sheet_cell(s, 3, 5);
	CHECK(c->type == OFFICE_BOOL && c->number == 1);
	CHECK_STR(c->text, "TRUE");
	CHECK(office_sheet_cell(s, 3, 6)->type == OFFICE_ERROR);
	CHECK_STR(office_sheet_cell(s, 3, 7)->text, "inline ");
	CHECK(office_sheet_cell(s, 3, 8) == NULL);
	CHECK_STR(office_sheet_cell(s, 3, 9)->text, "1900-02-29");
	CHECK_STR(office_sheet_cell(s, 3, 10)->text, "1900-03-01");
	CHECK_STR(office_sheet_cell(s, 3, 11)->text, "12:00:00");
	CHECK_STR(office_sheet_cell(s, 3, 12)->text, "Text");
	CHECK_STR(office_sheet_cell(s, 4, 1)->text, "7");
	CHECK_STR(office_sheet_cell(s, 4, 2)->text, "8");
	CHECK(office_sheet_row_start(s, 3) == 2);
	CHECK_STR(office_cell_ref(&a, 7, 2), "B7");
	CHECK_STR(office_cell_ref(&a, 1, 28), "AB1");
	CHECK_STR(office_cell_pos(&a, &b, s, 7, 2).file, "u.xlsx:First!B7");
	free(zip);
	/* the 1904 system: serial 0 is 1904-01-01 */
	zip = S_book(true, S_sheet1, &len);
	CHECK(office_xlsx_read(&a, &d, "u.xlsx", zip, len, &b));
	CHECK(b.date1904);
	CHECK_STR(office_sheet_cell(&b.sheets[0], 3, 2)->text, "2027-06-29");
	free(zip);
	diags_free(&d);
	arena_free(&a);
}

/* Reads `parts` as a docx (or xlsx) and wants it refused with a message
 * holding `want`. */
static void S_refused(const struct S_part *parts, size_t n, bool xlsx,
		      const char *want)
{
	size_t len;
	char *zip = S_zip(parts, n, &len);
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct office_docx doc;
	struct office_book b;
	bool ok = xlsx ? office_xlsx_read(&a, &d, "h.x", zip, len, &b)
		       : office_docx_read(&a, &d, "h.x", zip, len, &doc);
	CHECK(!ok);
	CHECK(d.errors == 1);
	bool found = d.count && strstr(d.items[0].message, want);
	if (!found)
		fprintf(stderr, "  want '%s' in '%s'\n", want,
			d.count ? d.items[0].message : "(nothing)");
	CHECK(found);
	diags_free(&d);
	arena_free(&a);
	free(zip);
}

static void test_hostile(void)
{
	struct S_part laughs[] = {
		{"word/document.xml",
		 "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
		 "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
		 "<w:document " W_NS "><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>",
		 0}};
	S_refused(laughs, 1, false, "document type declaration");
	struct S_part external[] = {
		{"word/document.xml",
		 "<!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		 "<w:document " W_NS "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>",
		 0}};
	S_refused(external, 1, false, "document type declaration");
	struct S_part undefined[] = {
		{"word/document.xml",
		 "<w:document " W_NS "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>",
		 0}};
	S_refused(undefined, 1, false, "not well-formed XML");
	static char deep[300 * 7 + 64];
	strcpy(deep, "<w:document " W_NS ">");
	for (int i = 0; i < 300; i++)
		strcat(deep, "<w:p>");
	struct S_part nest[] = {{"word/document.xml", deep, 0}};
	S_refused(nest, 1, false, "nest more than");
	static char zeros[4 * 1024 * 1024];
	memset(zeros, ' ', sizeof zeros);
	struct S_part bomb[] = {{"word/document.xml", zeros, sizeof zeros}};
	S_refused(bomb, 1, false, "zip bomb");
	struct S_part escape[] = {{"../evil.xml", "x", 0},
				  {"word/document.xml", S_doc, 0}};
	S_refused(escape, 2, false, "outside the package");
	struct S_part none[] = {{"xl/workbook.xml", "<workbook/>", 0}};
	S_refused(none, 1, false, "it is an Excel workbook");
	S_refused(none, 1, true, "lists no sheet");
	size_t len;
	char *zip = S_book(false,
			   "<worksheet " S_NS "><sheetData><row r=\"1048577\">"
			   "<c r=\"A1048577\"><v>1</v></c></row></sheetData>"
			   "</worksheet>",
			   &len);
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct office_book b;
	CHECK(!office_xlsx_read(&a, &d, "h.xlsx", zip, len, &b));
	CHECK(d.count == 1 && strstr(d.items[0].message, "past Excel's"));
	CHECK(d.count == 1 &&
	      !strcmp(d.items[0].pos.file, "h.xlsx:xl/worksheets/sheet1.xml"));
	free(zip);
	/* not a zip, a truncated zip */
	struct office_docx doc;
	CHECK(!office_docx_read(&a, &d, "t.docx", "hello", 5, &doc));
	zip = S_book(false, S_sheet1, &len);
	CHECK(!office_xlsx_read(&a, &d, "t.xlsx", zip, len / 2, &b));
	CHECK(d.count == 3 && strstr(d.items[2].message, "cannot be read"));
	free(zip);
	diags_free(&d);
	arena_free(&a);
}

int main(void)
{
	test_docx();
	test_xlsx();
	test_hostile();
	return check_done("office");
}
