/*
 * fixture_words.h — the built-in words of a language
 * (templates/labels/LL.yaml), read as a build reads them, for the unit
 * tests that check words.  The tests run from the top of the checkout.
 * The words and their labels live in `a`.
 */
#ifndef UPRGEN_TEST_FIXTURE_WORDS_H
#define UPRGEN_TEST_FIXTURE_WORDS_H

#include "words.h"

static inline struct words *fixture_words(struct arena *a, enum lang l)
{
	struct diags d;
	diags_init(&d);
	struct template_dirs t = {NULL, "templates"};
	struct words *w = arena_alloc(a, sizeof *w);
	words_init(w, a, l, words_labels(a, &d, &t, l));
	if (d.count)
		diags_print(&d, stderr, 1);
	diags_free(&d);
	return w;
}

#endif
