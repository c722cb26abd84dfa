/*
 * diag — problems found in the user's files, collected rather than
 * reported at once, so that `uprgen check` can show all of them.
 *
 * Every message carries the place it is about: file, 1-based line and
 * column (line 0 means "the whole file", a NULL file "no file at all").
 * Messages and file names are copied; struct diags owns them until
 * diags_free().
 */
#ifndef UPRGEN_DIAG_H
#define UPRGEN_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

struct source_pos {
	const char *file; /* as the user should read it */
	int line;         /* 1-based; 0: no line */
	int column;       /* 1-based; 0: no column */
};

enum severity { SEVERITY_WARNING, SEVERITY_ERROR };

struct diag {
	enum severity severity;
	struct source_pos pos;
	char *message;
	size_t seq; /* insertion order, to keep sorting stable */
};

struct diags {
	struct diag *items;
	size_t count, cap;
	size_t errors, warnings;
	size_t max_kept; /* stop storing past this many (0: default) */
};

/* The line and column of byte `off` of `text`, counting as libyaml does:
 * CR, LF and CRLF end lines; columns count UTF-8 characters. */
struct source_pos diag_pos_at(const char *file, const char *text, size_t off);

void diags_init(struct diags *d);
void diags_free(struct diags *d);
void diag_error(struct diags *d, struct source_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(struct diags *d, struct source_pos pos, const char *fmt,
		  ...) __attribute__((format(printf, 3, 4)));
/* s, or its first ~60 characters and "…": a value quoted in a message
 * (a 1 MB id must not make a 1 MB message).  In the arena. */
const char *diag_quote(struct arena *a, const char *s);

/* Adds copies of every message of `from` to `to`. */
void diags_append(struct diags *to, const struct diags *from);
/* Prints "FILE:LINE:COLUMN: error: MESSAGE" lines, sorted by file and
 * position, each problem once (repeats are dropped from d and from its
 * counts); warnings are skipped when quiet_warnings is set. */
void diags_print(struct diags *d, FILE *out, int quiet_warnings);

#endif
