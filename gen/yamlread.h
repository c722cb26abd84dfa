/*
 * yamlread — YAML text to a value tree, with every node's position, and the
 * limits that make hostile files harmless.
 *
 * Takes: a file name (for messages) and its bytes.  Returns: the root value
 * of the single document in the file (allocated in `a`), or NULL after
 * reporting at least one error in `d`.  An empty document gives a null value.
 *
 * Plain scalars are typed with the YAML 1.2 core schema (null, bool, int,
 * float); quoted, block and !!str scalars are strings.  A scalar's tag
 * is kept in its value (`tag`): uprgen new marks what it guessed
 * `!placeholder`, which the loader warns of.  Checked here:
 * well-formed UTF-8 with no NUL byte and no control character (the first
 * bad byte is reported with its line and column), no control character
 * in any value (written as an escape, "\x01" or "\e"), YAML syntax, duplicate keys, non-scalar keys,
 * the nesting depth, the number of nodes that aliases expand into, and
 * aliases that would make a cycle.
 */
#ifndef UPRGEN_YAMLREAD_H
#define UPRGEN_YAMLREAD_H

#include <stddef.h>

#include "diag.h"
#include "value.h"

enum {
	YAMLREAD_MAX_DEPTH = 64,
	/* nodes a document may hold once aliases are expanded */
	YAMLREAD_MAX_NODES = 2000000,
	/* every content file; the 5,000-recommendation corpus is ~7 MB */
	YAMLREAD_MAX_BYTES = 32 * 1024 * 1024,
};

struct value *yamlread_buffer(struct arena *a, struct diags *d,
			      const char *file, const char *text, size_t len);
/* "UTF-16" or "UTF-32" when text looks like either (a byte order mark,
 * or the zero bytes around a first ASCII character), else NULL: to name
 * what a file is when it is not UTF-8. */
const char *yamlread_wide_encoding(const char *text, size_t len);
/* Reads the file (bounded by YAMLREAD_MAX_BYTES) then parses it. */
struct value *yamlread_file(struct arena *a, struct diags *d,
			    const char *path, const char *display_name);

#endif
