/*
 * fuzz_office — the Office reader (office.h) and the two importers on it.
 * Random bytes rarely make a zip whose deflated parts inflate to XML, so
 * the input is mostly the XML itself: its parts (split at FUZZ_SEP) are
 * stored, uncompressed, in a package made here:
 *
 *   part 1  word/document.xml, and xl/worksheets/sheet1.xml
 *   part 2  xl/sharedStrings.xml
 *   part 3  xl/styles.xml
 *   part 4  xl/workbook.xml (a fixed one when absent)
 *
 * which is read as a .docx and an .xlsx, and imported as `uprgen import
 * ohchr-matrix` and `uhri` would; what they write must read back as YAML.
 * The input as it is is also read as a package (zip structure, names,
 * sizes), so that a seed that is a real .docx keeps that path covered.
 */
#include "fuzz_common.h"

#include <zip.h>

#include "import.h"
#include "office.h"
#include "value.h"
#include "yamlread.h"

static const char S_workbook[] =
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
#define REL_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
static const char S_rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_T "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL_T "sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL_T "styles\" Target=\"styles.xml\"/>"
	"</Relationships>";

/* The parts stored in a zip in memory (malloc'd). */
static char *S_package(const struct fuzz_part *parts, size_t n, size_t *len)
{
	static const char *const names[] = {
		"word/document.xml", "xl/sharedStrings.xml", "xl/styles.xml",
		"xl/workbook.xml"};
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	for (size_t i = 0; i < 4; i++) {
		const char *data = i < n ? parts[i].data
					 : i == 3 ? S_workbook
						  : "";
		size_t l = i < n ? parts[i].len : strlen(data);
		zip_source_t *s = zip_source_buffer(z, data, l, 0);
		zip_int64_t idx = zip_file_add(z, names[i], s, 0);
		zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		if (i == 0) {
			s = zip_source_buffer(z, data, l, 0);
			idx = zip_file_add(z, "xl/worksheets/sheet1.xml", s, 0);
			zip_set_file_compression(z, (zip_uint64_t)idx,
						 ZIP_CM_STORE, 0);
		}
	}
	zip_source_t *s = zip_source_buffer(z, S_rels, strlen(S_rels), 0);
	zip_file_add(z, "xl/_rels/workbook.xml.rels", s, 0);
	zip_close(z);
	zip_source_open(src);
	zip_source_seek(src, 0, SEEK_END);
	*len = (size_t)zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	char *out = malloc(*len ? *len : 1);
	zip_source_read(src, out, *len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

static void S_read(const char *bytes, size_t len)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct office_docx doc;
	if (office_docx_read(&a, &d, "f.docx", bytes, len, &doc))
		for (size_t t = 0; t < doc.table_count; t++)
			for (size_t r = 0; r < doc.tables[t].count; r++)
				for (size_t c = 0; c < doc.tables[t].rows[r].count;
				     c++)
					office_cell_text(
						&a, &doc.tables[t].rows[r].cells[c]);
	struct office_book b;
	if (office_xlsx_read(&a, &d, "f.xlsx", bytes, len, &b))
		for (size_t s = 0; s < b.sheet_count; s++)
			for (size_t i = 0; i < b.sheets[s].count; i++) {
				const struct office_xcell *c = &b.sheets[s].cells[i];
				if (office_sheet_cell(&b.sheets[s], c->row,
						      c->col) == NULL)
					abort(); /* what is there is found */
			}
	diags_free(&d);
	arena_free(&a);
}

static void S_read_back(const char *path)
{
	char *text;
	size_t len;
	if (file_read_all(path, 64 << 20, &text, &len) != 0)
		abort();
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct value *v = yamlread_buffer(&a, &d, path, text, len);
	if (!v || d.errors) {
		diags_print(&d, stderr, 0);
		abort();
	}
	diags_free(&d);
	arena_free(&a);
	free(text);
}

static void S_import(const char *bytes, size_t len)
{
	const char *dir = fuzz_dir();
	char in[256], out[256], clusters[256];
	snprintf(in, sizeof in, "%s/in.office", dir);
	snprintf(out, sizeof out, "%s/recommendations.yaml", dir);
	snprintf(clusters, sizeof clusters, "%s/clusters.yaml", dir);
	fuzz_write(in, bytes, len);
	static const char *const sources[] = {"ohchr-matrix", "uhri"};
	for (size_t i = 0; i < 2; i++) {
		unlink(out);
		unlink(clusters);
		char *argv[] = {"import", (char *)sources[i], in, "--state",
				"Peru", "--out", out, "--force", NULL};
		if (import_command(8, argv) == 0) {
			S_read_back(out);
			S_read_back(clusters);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (office_is_zip((const char *)data, size)) {
		S_read((const char *)data, size);
		S_import((const char *)data, size);
		return 0;
	}
	struct fuzz_part parts[4];
	size_t n = fuzz_split(data, size, parts, 4);
	size_t len;
	char *zip = S_package(parts, n, &len);
	S_read(zip, len);
	S_import(zip, len);
	free(zip);
	return 0;
}
