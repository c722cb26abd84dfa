/*
 * context — the content model turned into the data a template sees, in
 * one language.
 *
 * Takes a loaded and validated report (report_validate() has resolved the
 * cluster and statistic pointers) and the words of the language to build
 * for (words.h: its labels, and how dates, lists, numbers and shares are
 * written); every output reads this one context, so that they agree.
 *
 * Returns a map: the content, every text resolved in `lang` (falling back
 * to the report's first language), plus what a report needs computed:
 * counts and percentages by position, status, cluster and SDG goal;
 * recommendations grouped by cluster (supported first, then partially
 * supported, then noted, each in file order) and by goal; dates and lists
 * of States written out in the language; the labels of the report's own
 * footnotes (action sources), unique in the document; page addresses; and `index` (1-based), `first` and `last` on
 * every item of every list.  templates/README.md lists every name.
 *
 * Markdown fields (chapters, with their title split off when they open
 * with a level-1 heading; descriptions, actions, challenges, assistance)
 * are strings marked as fields (value.h) and placed where they were
 * written: each output parses them as documents of their own (document.h).
 *
 * Every documented name is present on every object (empty text, false or
 * an empty list when there is nothing), so that a Mustache lookup never
 * falls through to an enclosing object by accident.
 *
 * Memory: everything is allocated in `a`.  Strings point into the model
 * and the labels where they can: both must outlive the context.  Each
 * recommendation is built once; a list that holds it holds a copy of its
 * table of fields (carrying that list's markers), not of its values.
 * Building is linear in the size of the report.
 */
#ifndef UPRGEN_CONTEXT_H
#define UPRGEN_CONTEXT_H

#include "model.h"
#include "util.h"
#include "value.h"
#include "words.h"

struct value *context_build(struct arena *a, const struct report *r,
			    const struct words *w);

#endif
