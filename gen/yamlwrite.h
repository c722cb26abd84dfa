/*
 * yamlwrite — writes block-style YAML meant for people to read, edit and
 * diff: one entry a line, two spaces a level, `[]` for an empty list,
 * comments where a human must act.
 *
 * Every string reads back exactly as given, under YAML 1.2 and 1.1 alike
 * (so libyaml, PyYAML and editors agree): it is written plain only when no
 * reader could take it for anything but that string (not `yes`, `no`, `~`,
 * `1.10`, `2024-01-01`, no leading indicator, no `: ` or ` #`, no leading or
 * trailing space); long one-line texts are folded (`>-`) at spaces, texts
 * with line ends are literal (`|`); everything else, and anything holding a
 * control character, is double-quoted with escapes.  Strings must be UTF-8;
 * an ill-formed byte is written as U+FFFD.
 *
 * Takes: a struct buf to append to (owned by the caller).  The writer itself
 * holds no memory.  Calls follow the shape of the document: begin a list or
 * map, write its entries (in a map: yamlwrite_key() then one value), end it.
 */
#ifndef UPRGEN_YAMLWRITE_H
#define UPRGEN_YAMLWRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

enum {
	YAMLWRITE_MAX_DEPTH = 16,
	YAMLWRITE_WIDTH = 80, /* folded texts wrap before this column */
};

enum yamlwrite_kind { YAMLWRITE_LIST, YAMLWRITE_MAP };

struct yamlwrite_frame {
	enum yamlwrite_kind kind;
	int indent;        /* column of its entries */
	size_t count;      /* entries written so far */
	bool inline_first; /* the first entry goes on the line of its "- " */
};

struct yamlwrite {
	struct buf *out;
	struct yamlwrite_frame stack[YAMLWRITE_MAX_DEPTH];
	int depth;
	bool line_open; /* the last line has no line end yet */
	const char *tag; /* written before the next value, then forgotten */
};

void yamlwrite_init(struct yamlwrite *w, struct buf *out);
/* Ends the last line. */
void yamlwrite_finish(struct yamlwrite *w);

void yamlwrite_begin_list(struct yamlwrite *w);
void yamlwrite_end_list(struct yamlwrite *w);
void yamlwrite_begin_map(struct yamlwrite *w);
void yamlwrite_end_map(struct yamlwrite *w);
void yamlwrite_key(struct yamlwrite *w, const char *key);
/* key and a text of the content: plain (lang NULL), or as the text of
 * one language ("text: {es: ...}", lang "es"), which the other languages
 * then show as a translation still to write. */
void yamlwrite_text(struct yamlwrite *w, const char *key, const char *text,
		    const char *lang);

void yamlwrite_string(struct yamlwrite *w, const char *s);
void yamlwrite_stringn(struct yamlwrite *w, const char *s, size_t len);
/* Always double-quoted: for ids, SDG codes and dates, which are strings
 * even when they look like numbers. */
void yamlwrite_quoted(struct yamlwrite *w, const char *s);
void yamlwrite_int(struct yamlwrite *w, long n);
/* A local tag ("!placeholder": a letter, then letters, digits and '-')
 * before the next scalar ("adopted: !placeholder \"2026-12-07\""). */
void yamlwrite_tag(struct yamlwrite *w, const char *tag);

/* Comment lines (text may hold line ends) before the next entry, at its
 * indentation. */
void yamlwrite_comment(struct yamlwrite *w, const char *text);
/* A comment at the end of the line just written ("status: x  # TODO"). */
void yamlwrite_note(struct yamlwrite *w, const char *text);
void yamlwrite_blank_line(struct yamlwrite *w);

/* True when s reads back as this very string written plain. */
bool yamlwrite_plain_safe(const char *s, size_t len);

#endif
