/*
 * office — reading the Office Open XML files users are sent: a Word
 * document (.docx) as its tables and paragraphs, an Excel workbook (.xlsx)
 * as its sheets and cells.  One reader for every importer (OHCHR's
 * thematic list, the Universal Human Rights Index export, institutions'
 * spreadsheets).
 *
 * Takes the file's bytes in memory (the caller read them, bounded) and
 * its name for messages.  The package is opened with libzip and every XML
 * part parsed with expat.  Every input is hostile:
 *
 *   - the zip: at most OFFICE_MAX_ENTRIES entries; an entry whose name
 *     climbs out of the package ("../", "/", "\") is refused; a part is
 *     read only when its uncompressed size (from the central directory,
 *     and checked again while inflating) is at most OFFICE_MAX_PART bytes,
 *     all parts together at most OFFICE_MAX_TOTAL, and a part over
 *     OFFICE_RATIO_FROM bytes that inflates more than OFFICE_MAX_RATIO
 *     times is refused as a zip bomb; an encrypted or truncated package
 *     is an error;
 *   - the XML: a document type declaration (<!DOCTYPE ...>, which is where
 *     entity declarations live: "billion laughs", external entities) is
 *     refused outright, as an Office part never has one; elements nest at
 *     most OFFICE_MAX_DEPTH deep;
 *   - a sheet: rows and columns within Excel's own limits (1,048,576 rows,
 *     16,384 columns) and at most OFFICE_MAX_CELLS cells kept in a
 *     workbook; a document: at most OFFICE_MAX_CELLS table cells and
 *     paragraphs; nothing is ever allocated from a size the file declares
 *     (<dimension>, a cell reference), only from what it holds.
 *
 * Errors go to `d` naming the file and the part, or the sheet and cell:
 * "uhri.xlsx:Sheet1!B7: error: ...", "m.docx:word/document.xml:2:345:
 * error: ..." (line and column inside the XML).  Every reader returns
 * false after reporting.
 *
 * Memory: everything returned lives in the arena `a`.
 */
#ifndef UPRGEN_OFFICE_H
#define UPRGEN_OFFICE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "diag.h"
#include "util.h"

enum {
	OFFICE_MAX_ENTRIES = 10000,
	OFFICE_MAX_PART = 128 * 1024 * 1024,
	OFFICE_MAX_TOTAL = 512 * 1024 * 1024,
	OFFICE_RATIO_FROM = 1024 * 1024,
	OFFICE_MAX_RATIO = 200,
	OFFICE_MAX_DEPTH = 256,
	OFFICE_MAX_CELLS = 4 * 1000 * 1000,
	OFFICE_MAX_ROWS = 1048576, /* Excel's limits */
	OFFICE_MAX_COLS = 16384,
};

/* Whether the bytes start like a zip (an Office file): "PK\3\4".
 * Inline: `import` asks it before it knows it needs uprgen's object
 * (formats.h), where the rest of this module lives. */
static inline bool office_is_zip(const char *bytes, size_t len)
{
	return len >= 4 && !memcmp(bytes, "PK\3\4", 4);
}

/* What a file that is no Office Open XML package is, for a message
 * naming it ("an OpenDocument spreadsheet (.ods)", "an Excel 97-2003
 * workbook (.xls)...", "a PDF"), or NULL: by its first bytes (an
 * OpenDocument zip starts with its uncompressed "mimetype" entry; an
 * old Office file with the OLE2 signature). */
static inline const char *office_other_kind(const char *bytes, size_t len)
{
	static const char odf[] = "application/vnd.oasis.opendocument.";
	if (len >= 38 + sizeof odf + 5 && !memcmp(bytes, "PK\3\4", 4) &&
	    !memcmp(bytes + 30, "mimetype", 8) &&
	    !memcmp(bytes + 38, odf, sizeof odf - 1)) {
		const char *k = bytes + 38 + sizeof odf - 1;
		return !memcmp(k, "spreadsheet", 11)
			       ? "an OpenDocument spreadsheet (.ods)"
		       : !memcmp(k, "text", 4) ? "an OpenDocument text (.odt)"
					       : "an OpenDocument file";
	}
	if (len >= 8 && !memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return "an Office 97-2003 file (an Excel .xls or a Word .doc)";
	if (len >= 5 && !memcmp(bytes, "%PDF-", 5))
		return "a PDF";
	return NULL;
}

/* ------------------------------------------------------------- Word */

enum office_vmerge {
	OFFICE_VMERGE_NONE,
	OFFICE_VMERGE_RESTART,  /* the first cell of a vertically merged run */
	OFFICE_VMERGE_CONTINUE, /* covered by the cell above (its text empty) */
};

/* A table cell: its paragraphs' texts, in order.  A paragraph's text is
 * the document's characters as they are (typographic quotes, "&", no
 * entity), w:tab as "\t", w:br / w:cr as "\n"; deleted text (tracked
 * changes), field codes and the fallback copy of alternate content are
 * left out.  A table nested in a cell gives its paragraphs to the cell. */
struct office_cell {
	const char **paras;
	size_t para_count;
	unsigned col;  /* first grid column, 0-based */
	unsigned span; /* grid columns it covers (w:gridSpan), >= 1 */
	enum office_vmerge vmerge;
};

struct office_row {
	struct office_cell *cells;
	size_t count;
};

struct office_table {
	struct office_row *rows;
	size_t count;
};

struct office_docx {
	const char *file; /* as given */
	const char *part; /* the main part: "word/document.xml" */
	struct office_table *tables; /* the body's tables, in order */
	size_t table_count;
	const char **paras; /* the body's paragraphs outside tables */
	size_t para_count;
	/* docProps/core.xml: when the file was last saved ("2015-03-12"),
	 * or NULL */
	const char *modified;
	/* the paragraphs of the page headers (word/header1.xml to
	 * header3.xml, those there are): what a document says of itself on
	 * each page ("UPR of Slovenia (4th Cycle - 48th Session)") */
	const char **header_paras;
	/* where each begins: "FILE:word/header1.xml", line, column */
	struct source_pos *header_pos;
	size_t header_para_count;
};

bool office_docx_read(struct arena *a, struct diags *d, const char *file,
		      const char *bytes, size_t len, struct office_docx *out);

/* The texts of a cell's paragraphs joined by "\n" (in the arena). */
const char *office_cell_text(struct arena *a, const struct office_cell *c);

/* ------------------------------------------------------------ Excel */

enum office_type {
	OFFICE_EMPTY,  /* never stored: an absent cell is empty */
	OFFICE_STRING, /* shared, inline (rich text runs joined) or formula */
	OFFICE_NUMBER,
	OFFICE_BOOL,
	OFFICE_DATE,   /* a number in a date or time format */
	OFFICE_ERROR,  /* "#N/A", "#DIV/0!"... */
};

/* A cell that holds something.  `text` is always set: the string; a
 * number as the file writes it ("42", "0.5", "1E-3"); a date as
 * "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" when it has a time of day, or
 * "HH:MM:SS" for a time alone (1900 and 1904 date systems both, Excel's
 * 29 February 1900 kept as it counts it); "TRUE" / "FALSE"; the error's
 * code.  `number` holds the value of a number, date (the serial) or
 * boolean (1 or 0). */
/* How a number cell's format shows it (its number format's first
 * section): decimals shown (-1: "General", as many as it has), a
 * percentage ("0%": the number times 100).  (Its thousands separator is
 * the reader's locale's: the importer writes the report's.) */
struct office_numfmt {
	signed char decimals;
	bool percent;
};

struct office_xcell {
	unsigned row, col; /* 1-based: B7 is row 7, column 2 */
	enum office_type type;
	const char *text; /* a number as stored ("0.75"), not as shown */
	double number;
	struct office_numfmt shown; /* OFFICE_NUMBER */
};

/* A sheet's cells, sorted by row then column (empty cells absent).
 * `rows` and `cols` are the last row and column that hold a cell. */
/* A range of merged cells (<mergeCell ref="H4:H5"/>), 1-based. */
struct office_merge {
	unsigned row0, col0, row1, col1;
};

/* At most this many merged ranges a sheet: more is refused (each lookup
 * of an empty cell looks through them). */
enum { OFFICE_MAX_MERGES = 10000 };

struct office_sheet {
	const char *name; /* as the tab shows it */
	const char *part; /* "xl/worksheets/sheet1.xml" */
	struct office_xcell *cells;
	size_t count;
	unsigned rows, cols;
	struct office_merge *merges;
	size_t merge_count;
};

struct office_book {
	const char *file; /* as given */
	struct office_sheet *sheets; /* in the workbook's order */
	size_t sheet_count;
	bool date1904;
};

bool office_xlsx_read(struct arena *a, struct diags *d, const char *file,
		      const char *bytes, size_t len, struct office_book *out);

/* The cell at row, col (1-based), or NULL when it is empty; in a range
 * of merged cells, the range's first cell, whose content the sheet shows
 * across them all. */
const struct office_xcell *office_sheet_cell(const struct office_sheet *s,
					     unsigned row, unsigned col);
/* The index in s->cells of the first cell of the first row >= row
 * (s->count when there is none): to walk a sheet row by row without
 * visiting the empty ones. */
size_t office_sheet_row_start(const struct office_sheet *s, unsigned row);
/* "B7" for row 7, column 2 (in the arena). */
const char *office_cell_ref(struct arena *a, unsigned row, unsigned col);
/* Where a message about a cell points: "FILE:SHEET!B7" (line 0), or
 * "FILE:SHEET" for row 0. */
struct source_pos office_cell_pos(struct arena *a, const struct office_book *b,
				  const struct office_sheet *s, unsigned row,
				  unsigned col);

#endif
