/*
 * docx_count — the word count `uprgen check` prints: for each language of
 * a checked report r (no errors), the words of its body as the UN counts
 * them (docx.h: docx_word_count), a line each on out; past the report's
 * word_limit, a warning in d.  Problems of the templates are left to
 * `build`, which reports them; a language whose report does not expand
 * gets no line.  Memory in a.
 */
#ifndef UPRGEN_DOCX_COUNT_H
#define UPRGEN_DOCX_COUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <cmark-gfm.h>

#include "diag.h"
#include "model.h"
#include "util.h"

void docx_check_words(struct arena *a, struct diags *d,
		      const struct report *r, const char *dir, FILE *out);

/* The words of the report as the UN counts them (and as Word does: runs
 * of characters between blanks): the body, without the notes and without
 * the annexed matrix (a part of the report that is a matrix under its
 * headings, fence_part_is_matrix).  Here, not in docx.c,
 * so that `check` does not load uprgen's object (formats.h). */
size_t docx_word_count(cmark_node *doc);

#endif
