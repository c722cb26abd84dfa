/*
 * formats_table — the one symbol uprgen's object exports (formats.h):
 * the table of its entry points.  Linked into the object, or into a
 * program that links the object's modules itself.
 */
#include "formats.h"

#include "serve.h"
#include "sheet.h"
#include "webfont.h"

__attribute__((visibility("default")))
const struct formats formats_table = {
	.version = UPRGEN_VERSION,
	.size = sizeof(struct formats),
	.pdf_render = pdf_render,
	.docx_render = docx_render,
	.webfont_hb_version = webfont_hb_version,
	.webfont_hb_subset = webfont_hb_subset,
	.serve_command = serve_command,
	.sheet_export_command = sheet_export_command,
	.sheet_import_command = sheet_import_command,
	.import_uhri = import_uhri,
	.import_uhri_xlsx = import_uhri_xlsx,
	.import_ohchr_docx = import_ohchr_docx,
};
