/* diag — collecting and printing the problems found in content. */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum { DIAG_DEFAULT_MAX = 10000 };

struct source_pos diag_pos_at(const char *file, const char *text, size_t off)
{
	struct source_pos p = {file, 1, 1};
	for (size_t i = 0; i < off; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n' || (c == '\r' && text[i + 1] != '\n')) {
			p.line++;
			p.column = 1;
		} else if (c != '\r' && (c & 0xC0) != 0x80) {
			p.column++;
		}
	}
	return p;
}

void diags_init(struct diags *d)
{
	memset(d, 0, sizeof *d);
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->count; i++) {
		free(d->items[i].message);
		free((char *)d->items[i].pos.file);
	}
	free(d->items);
	diags_init(d);
}

static void S_add(struct diags *d, enum severity sev, struct source_pos pos,
		  const char *fmt, va_list ap)
{
	if (sev == SEVERITY_ERROR)
		d->errors++;
	else
		d->warnings++;
	size_t max = d->max_kept ? d->max_kept : DIAG_DEFAULT_MAX;
	if (d->count >= max)
		return;
	if (d->count == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->items = xrealloc(d->items, d->cap * sizeof *d->items);
	}
	struct diag *g = &d->items[d->count];
	g->severity = sev;
	/* A copy: the name may live in memory shorter-lived than d. */
	g->pos = pos;
	g->pos.file = pos.file ? xstrdup(pos.file) : NULL;
	g->seq = d->count;
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	g->message = xmalloc((size_t)n + 1);
	vsnprintf(g->message, (size_t)n + 1, fmt, ap);
	d->count++;
}

void diag_error(struct diags *d, struct source_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_add(d, SEVERITY_ERROR, pos, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diags *d, struct source_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_add(d, SEVERITY_WARNING, pos, fmt, ap);
	va_end(ap);
}

const char *diag_quote(struct arena *a, const char *s)
{
	enum { KEEP = 60 };
	size_t n = strlen(s);
	if (n <= KEEP)
		return s;
	n = KEEP;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return arena_printf(a, "%.*s…", (int)n, s);
}

void diags_append(struct diags *to, const struct diags *from)
{
	for (size_t i = 0; i < from->count; i++) {
		const struct diag *g = &from->items[i];
		if (g->severity == SEVERITY_ERROR)
			diag_error(to, g->pos, "%s", g->message);
		else
			diag_warning(to, g->pos, "%s", g->message);
	}
}

/* A spreadsheet's cell, "FILE:SHEET!G12" (office_cell_pos): the length
 * of what comes before the reference (through the '!'), its row and its
 * column; false for any other place. */
static bool S_cell(const char *file, size_t *prefix, unsigned long *row,
		   unsigned long *col)
{
	const char *bang = file ? strrchr(file, '!') : NULL;
	if (!bang)
		return false;
	const char *p = bang + 1;
	*col = 0;
	for (; *p >= 'A' && *p <= 'Z' && *col < 1000000; p++)
		*col = *col * 26 + (unsigned long)(*p - 'A' + 1);
	if (!*col || *p < '1' || *p > '9')
		return false;
	char *end;
	*row = strtoul(p, &end, 10);
	*prefix = (size_t)(bang + 1 - file);
	return !*end;
}

static int S_compare_place(const struct diag *a, const struct diag *b)
{
	/* the cells of one sheet row by row, as a reader corrects them
	 * (G3 before A7), not as their names sort */
	size_t pa, pb;
	unsigned long ra, ca, rb, cb;
	if (S_cell(a->pos.file, &pa, &ra, &ca) &&
	    S_cell(b->pos.file, &pb, &rb, &cb) && pa == pb &&
	    !strncmp(a->pos.file, b->pos.file, pa) && (ra != rb || ca != cb))
		return ra != rb ? (ra < rb ? -1 : 1) : (ca < cb ? -1 : 1);
	int c = strcmp(a->pos.file ? a->pos.file : "",
		       b->pos.file ? b->pos.file : "");
	if (c)
		return c;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.column != b->pos.column)
		return a->pos.column < b->pos.column ? -1 : 1;
	return 0;
}

/* The same problem: same place, severity and message. */
static int S_compare_problem(const struct diag *a, const struct diag *b)
{
	int c = S_compare_place(a, b);
	if (c)
		return c;
	if (a->severity != b->severity)
		return a->severity < b->severity ? -1 : 1;
	return strcmp(a->message, b->message);
}

static int S_by_seq(const struct diag *a, const struct diag *b)
{
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* By file and position, then as found: the order printed. */
static int S_compare(const void *pa, const void *pb)
{
	int c = S_compare_place(pa, pb);
	return c ? c : S_by_seq(pa, pb);
}

/* Copies of one problem next to each other, the first found first. */
static int S_compare_repeats(const void *pa, const void *pb)
{
	int c = S_compare_problem(pa, pb);
	return c ? c : S_by_seq(pa, pb);
}

/* A problem found twice (a template expanded for each language, a page
 * made on either thread) is said once: copies are dropped, and not
 * counted. */
static void S_drop_repeats(struct diags *d)
{
	qsort(d->items, d->count, sizeof *d->items, S_compare_repeats);
	size_t kept = 0;
	for (size_t i = 0; i < d->count; i++) {
		struct diag *g = &d->items[i];
		if (kept && S_compare_problem(&d->items[kept - 1], g) == 0) {
			if (g->severity == SEVERITY_ERROR)
				d->errors--;
			else
				d->warnings--;
			free(g->message);
			free((char *)g->pos.file);
			continue;
		}
		d->items[kept++] = *g;
	}
	d->count = kept;
}

/* Writes s with what a terminal would act on made visible: control
 * characters (C0, DEL, C1: a file name or a value quoted in a message may
 * hold any of them, and ESC sequences can rewrite the screen) as \x01 or
 * \u0085, and bytes that are not UTF-8 as \xFF. */
static void S_put_visible(FILE *out, const char *s)
{
	size_t len = strlen(s);
	size_t next_bad = utf8_first_invalid(s, len);
	for (size_t i = 0; i < len;) {
		if (next_bad < i)
			next_bad = i + utf8_first_invalid(s + i, len - i);
		size_t bad = next_bad - i;
		size_t adv = 1;
		unsigned char c = (unsigned char)s[i];
		if (bad == 0 || c < 0x20 || c == 0x7F) {
			fprintf(out, "\\x%02X", c);
		} else if (c == 0xC2 && (unsigned char)s[i + 1] >= 0x80 &&
			   (unsigned char)s[i + 1] <= 0x9F) {
			fprintf(out, "\\u%04X", (unsigned char)s[i + 1]);
			adv = 2;
		} else {
			/* a run of ordinary text at once */
			size_t n = 1;
			while (n < bad && (unsigned char)s[i + n] >= 0x20 &&
			       s[i + n] != 0x7F && (unsigned char)s[i + n] != 0xC2)
				n++;
			fwrite(s + i, 1, n, out);
			adv = n;
		}
		i += adv;
	}
}

void diags_print(struct diags *d, FILE *out, int quiet_warnings)
{
	if (d->count) {
		S_drop_repeats(d);
		qsort(d->items, d->count, sizeof *d->items, S_compare);
	}
	for (size_t i = 0; i < d->count; i++) {
		const struct diag *g = &d->items[i];
		if (quiet_warnings && g->severity == SEVERITY_WARNING)
			continue;
		const char *sev =
			g->severity == SEVERITY_ERROR ? "error" : "warning";
		if (!g->pos.file) {
			fputs("uprgen", out);
		} else {
			S_put_visible(out, g->pos.file);
			if (g->pos.line > 0)
				fprintf(out, ":%d:%d", g->pos.line,
					g->pos.column > 0 ? g->pos.column : 1);
		}
		fprintf(out, ": %s: ", sev);
		S_put_visible(out, g->message);
		fputc('\n', out);
	}
	size_t dropped = d->errors + d->warnings - d->count;
	if (dropped)
		fprintf(out, "uprgen: %zu more problems not shown\n", dropped);
}
