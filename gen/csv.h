/*
 * csv — a reader of comma-separated values as RFC 4180 describes them and
 * as spreadsheets really write them: quoted fields with "" for a quote,
 * separators and line ends inside quotes, CR, LF or CRLF line ends (old
 * Mac exports end lines with a lone CR), an optional UTF-8 byte order
 * mark, and the semicolon or tab that some locales' spreadsheets put
 * between fields instead of the comma.
 *
 * Takes: text in memory (kept by the caller for the reader's lifetime; it
 * must hold no NUL byte) and the separator, or 0 to take the one that the
 * first line uses most (',', ';' or tab).  Gives: one row at a time, its
 * fields unquoted; a line end inside a quoted field reads as "\n".  Blank
 * lines are skipped.  Malformed quoting (an unterminated quoted field, text
 * after a closing quote, a quote inside an unquoted field) is reported in
 * `d` with line and column (columns count characters) and the row is still
 * returned, read as leniently as possible, so that one run shows every
 * problem.
 *
 * Memory: the fields of a row live in the reader and are valid until the
 * next csv_next() or csv_free(); copy what you keep.
 */
#ifndef UPRGEN_CSV_H
#define UPRGEN_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

struct csv_field {
	const char *text; /* NUL-terminated */
	size_t len;
	struct source_pos pos; /* of its first character (the quote, if any) */
};

struct csv_reader {
	struct diags *d;
	const char *file;
	const char *p, *end;
	int line, column;
	char sep;

	int row_line; /* the line the current row starts on */
	size_t row;   /* its number as a spreadsheet shows it: the first is 1 */
	struct csv_field *fields;
	size_t count, cap;
	struct buf text;  /* the row's field texts, each NUL-terminated */
	size_t *offsets;  /* where each field starts in `text` */
};

void csv_init(struct csv_reader *r, struct diags *d, const char *file,
	      const char *text, size_t len, char sep);
/* Reads the next row into r->fields[0 .. r->count); false at the end. */
bool csv_next(struct csv_reader *r);
void csv_free(struct csv_reader *r);

#endif
