/*
 * fixture_words.h — the built-in words of a language
 * (templates/labels/LL.yaml), read as a build reads them, for the unit
 * tests that check words.  The tests run from the top of the checkout.
 * The words and their labels live in `a`.
 */
#ifndef UPRGEN_TEST_FIXTURE_WORDS_H
#define UPRGEN_TEST_FIXTURE_WORDS_H

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* A project's own templates folder holding only labels/LL.yaml with the
 * text yaml: dir is a mkdtemp() template, made into its path.  False when
 * it could not be made. */
static inline bool fixture_project_labels(char *dir, enum lang l,
					  const char *yaml)
{
	char sub[256], file[300];
	if (!mkdtemp(dir))
		return false;
	snprintf(sub, sizeof sub, "%s/labels", dir);
	snprintf(file, sizeof file, "%s/%s.yaml", sub, lang_code(l));
	FILE *f = mkdir(sub, 0700) == 0 ? fopen(file, "w") : NULL;
	if (!f)
		return false;
	fputs(yaml, f);
	return fclose(f) == 0;
}

/* Removes what fixture_project_labels() made. */
static inline void fixture_project_labels_remove(const char *dir, enum lang l)
{
	char sub[256], file[300];
	snprintf(sub, sizeof sub, "%s/labels", dir);
	snprintf(file, sizeof file, "%s/%s.yaml", sub, lang_code(l));
	unlink(file);
	rmdir(sub);
	rmdir(dir);
}

#endif
