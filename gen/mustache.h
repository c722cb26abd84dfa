/*
 * mustache — the template engine: Mustache as the spec defines it
 * (interpolation, sections, inverted sections, comments, partials, set
 * delimiters, and inheritance: parents {{<x}} and blocks {{$x}}; no
 * lambdas), over the value tree of value.h.
 *
 * Takes a template's text, the data, a way to find partials and the
 * escaping of {{x}} (HTML per the spec, or Markdown for *.md templates;
 * {{{x}}} and {{&x}} always insert as-is).  Appends the expansion to
 * `out`, or nothing at all when anything went wrong: every problem goes
 * into `d` with the file, line and column of the tag concerned (or of the
 * tag that opened an unclosed section).
 *
 * A template is parsed once into a tree (mustache_compile), then the tree
 * is walked for each expansion (mustache_render_compiled), so that a site
 * expands its page templates for thousands of pages without reading them
 * again; the partials a compiled template uses are parsed at their first
 * expansion and kept with it.  mustache_render does both for one
 * expansion.  Partials keep the delimiters they start with ({{ }}),
 * whatever the including template set.
 *
 * Whitespace.  A tag other than an interpolation is standalone when it is
 * the only tag on its line but for blanks: its line (indentation and
 * newline) disappears.  Parent tags do not count, so "{{<p}}{{/p}}" and
 * "{{<p}}{{$b}}" lines are standalone, but "{{#a}}{{/a}}" is not.  A
 * standalone partial's indentation is added to each line of the partial
 * that has content, and to the lines of partials inside it (indentation
 * adds up); never inside an interpolated value.  A block keeps the
 * indentation of the place it is expanded at, not of the place it was
 * written (the "reindentation" tests of the inheritance spec): a block
 * whose opening tag is standalone loses the indentation of its first
 * line, and gets that of the block it replaces; a block opened after
 * nothing but blanks on a line that is not standalone gives its lines
 * after the first those blanks.
 *
 * Limits, so that no template or data can exhaust the machine: partials
 * and parents nest at most MUSTACHE_MAX_INCLUDES deep (a partial that
 * includes itself forever stops there; recursion that the data ends is
 * fine), sections and includes at most MUSTACHE_MAX_NESTING, the output
 * and the number of steps (tags and texts expanded) are bounded, and so
 * are the number of different partials and of errors reported.
 */
#ifndef UPRGEN_MUSTACHE_H
#define UPRGEN_MUSTACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"
#include "value.h"

enum mustache_escape {
	MUSTACHE_ESCAPE_HTML,     /* escape_html: the spec's behaviour */
	MUSTACHE_ESCAPE_MARKDOWN, /* escape_markdown: renders literally */
	MUSTACHE_ESCAPE_NONE,
};

enum {
	MUSTACHE_MAX_INCLUDES = 100,
	MUSTACHE_MAX_NESTING = 1000,
	MUSTACHE_MAX_OUTPUT = 64 * 1024 * 1024,
	MUSTACHE_MAX_STEPS = 50 * 1000 * 1000,
	MUSTACHE_MAX_PARTIALS = 1000, /* different names in one render */
	MUSTACHE_MAX_ERRORS = 100,    /* a template's parsing stops there */
};

/*
 * Where partials come from.  load() returns the text of partial `name`
 * (it must stay valid as long as the compiled template) with its length in
 * *len and the file name to show in messages in *file; or NULL when there
 * is no such partial, which then expands to nothing (as the spec says)
 * with a warning.  A loader that refuses a name (an unsafe path) reports
 * an error at `at`, the tag, into the same diags as mustache_render's, and
 * returns NULL; the render then fails.  Called once per name and compiled
 * template for a partial found, and once per render for one missing (each
 * render warns about it).
 */
struct mustache_partials {
	const char *(*load)(void *ctx, const char *name, struct source_pos at,
			    size_t *len, const char **file);
	void *ctx;
};

struct mustache_options {
	enum mustache_escape escape;
	const struct mustache_partials *partials; /* NULL: no partials */
	size_t max_output; /* bytes; 0: MUSTACHE_MAX_OUTPUT */
	size_t max_steps;  /* 0: MUSTACHE_MAX_STEPS */
	/* When set, {{{x}}} and {{&x}} of a Markdown field (value.h:
	 * v->markdown) append field(field_ctx, v, out) instead of its text:
	 * each output puts there what stands for a document of its own (a
	 * placeholder to graft the parsed field at, rendered HTML).  {{x}}
	 * escapes a field as any text. */
	void (*field)(void *field_ctx, const struct value *v,
		      struct buf *out);
	void *field_ctx;
};

/* Expands template `tmpl` (len bytes of UTF-8, read from `file`) with
 * `data` (NULL: empty) as the context; opt NULL is HTML escaping and no
 * partials.  Returns true when it appended the whole expansion to out
 * (warnings may have been added to d); false, with errors in d and out
 * unchanged. */
bool mustache_render(struct diags *d, const char *file, const char *tmpl,
		     size_t len, const struct value *data,
		     const struct mustache_options *opt, struct buf *out);

/* A parsed template, to expand any number of times. */
struct mustache_template;

/* Parses `tmpl` (which must stay valid as long as the result, like *opt's
 * partials; *opt itself is copied).  NULL, with errors in d, when it does
 * not parse. */
struct mustache_template *mustache_compile(struct diags *d, const char *file,
					   const char *tmpl, size_t len,
					   const struct mustache_options *opt);
/* mustache_render with a compiled template: the same result, the same
 * messages.  t is not const: it keeps the partials it parses. */
bool mustache_render_compiled(struct diags *d, struct mustache_template *t,
			      const struct value *data, struct buf *out);
void mustache_free(struct mustache_template *t);

#endif
