/* csv — reading comma-separated values one row at a time. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

/* The separator the first line uses most, outside quotes. */
static char S_guess_sep(const char *p, const char *end)
{
	size_t comma = 0, semicolon = 0, tab = 0;
	bool quoted = false;
	for (; p < end && (quoted || (*p != '\r' && *p != '\n')); p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted) {
			comma += *p == ',';
			semicolon += *p == ';';
			tab += *p == '\t';
		}
	}
	if (semicolon > comma && semicolon >= tab)
		return ';';
	return tab > comma ? '\t' : ',';
}

void csv_init(struct csv_reader *r, struct diags *d, const char *file,
	      const char *text, size_t len, char sep)
{
	memset(r, 0, sizeof *r);
	r->d = d;
	r->file = file;
	r->p = text;
	r->end = text + len;
	r->line = 1;
	r->column = 1;
	buf_init(&r->text);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3;
	r->sep = sep ? sep : S_guess_sep(r->p, r->end);
}

void csv_free(struct csv_reader *r)
{
	buf_free(&r->text);
	free(r->fields);
	free(r->offsets);
	r->fields = NULL;
	r->offsets = NULL;
	r->count = r->cap = 0;
}

static struct source_pos S_here(const struct csv_reader *r)
{
	return (struct source_pos){r->file, r->line, r->column};
}

static bool S_at_line_end(const struct csv_reader *r)
{
	return r->p < r->end && (*r->p == '\r' || *r->p == '\n');
}

/* CRLF is one line end, so that line numbers match an editor's. */
static void S_skip_line_end(struct csv_reader *r)
{
	if (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n')
		r->p++;
	r->p++;
	r->line++;
	r->column = 1;
}

/* Copies [r->p, stop) into the field and advances; columns count
 * characters, so UTF-8 continuation bytes do not move them. */
static void S_take(struct csv_reader *r, const char *stop)
{
	buf_put(&r->text, r->p, (size_t)(stop - r->p));
	for (; r->p < stop; r->p++)
		if (((unsigned char)*r->p & 0xC0) != 0x80)
			r->column++;
}

static void S_begin_field(struct csv_reader *r)
{
	if (r->count == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->fields = xrealloc(r->fields, r->cap * sizeof *r->fields);
		r->offsets = xrealloc(r->offsets, r->cap * sizeof *r->offsets);
	}
	r->offsets[r->count] = r->text.len;
	r->fields[r->count].pos = S_here(r);
	r->count++;
}

static void S_unquoted(struct csv_reader *r)
{
	for (;;) {
		const char *s = r->p;
		while (s < r->end && *s != r->sep && *s != '"' &&
		       *s != '\r' && *s != '\n')
			s++;
		S_take(r, s);
		if (r->p == r->end || *r->p != '"')
			return;
		diag_error(r->d, S_here(r),
			   "a quote inside an unquoted field: quote the whole "
			   "field and double the quotes inside it");
		S_take(r, r->p + 1);
	}
}

static void S_quoted(struct csv_reader *r)
{
	struct source_pos open = S_here(r);
	r->p++;
	r->column++;
	for (;;) {
		const char *s = r->p;
		while (s < r->end && *s != '"' && *s != '\r' && *s != '\n')
			s++;
		S_take(r, s);
		if (r->p == r->end) {
			diag_error(r->d, open,
				   "this quoted field is never closed");
			return;
		}
		if (*r->p != '"') {
			buf_putc(&r->text, '\n');
			S_skip_line_end(r);
		} else if (r->p + 1 < r->end && r->p[1] == '"') {
			S_take(r, r->p + 1);
			r->p++;
			r->column++;
		} else {
			r->p++;
			r->column++;
			break;
		}
	}
	if (r->p < r->end && *r->p != r->sep && !S_at_line_end(r)) {
		diag_error(r->d, S_here(r),
			   "text after the closing quote of a field: quote "
			   "the whole field and double the quotes inside it");
		S_unquoted(r);
	}
}

bool csv_next(struct csv_reader *r)
{
	/* a spreadsheet numbers blank rows too */
	while (S_at_line_end(r)) {
		S_skip_line_end(r);
		r->row++;
	}
	if (r->p >= r->end)
		return false;
	r->row++;
	r->count = 0;
	buf_clear(&r->text);
	r->row_line = r->line;
	for (;;) {
		S_begin_field(r);
		if (r->p < r->end && *r->p == '"')
			S_quoted(r);
		else
			S_unquoted(r);
		buf_putc(&r->text, '\0');
		if (r->p < r->end && *r->p == r->sep) {
			r->p++;
			r->column++;
			continue;
		}
		if (r->p < r->end)
			S_skip_line_end(r);
		break;
	}
	for (size_t i = 0; i < r->count; i++) {
		size_t next = i + 1 < r->count ? r->offsets[i + 1]
					       : r->text.len;
		r->fields[i].text = r->text.data + r->offsets[i];
		r->fields[i].len = next - r->offsets[i] - 1;
	}
	return true;
}
