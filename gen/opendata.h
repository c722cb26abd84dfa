/*
 * opendata — the recommendations as open data: data/recommendations.csv
 * and data/recommendations.json of each language's site.
 *
 * Both hold the same fields (opendata_fields, in this order), every text
 * in the language asked for (falling back to the report's first):
 *  - CSV as RFC 4180 says, UTF-8 with a byte order mark (without one,
 *    Excel reads "Perú" as "PerÃº"), a header row,
 *    CRLF between rows, a field quoted when it holds a comma, a quote or a
 *    line end (quotes doubled).  Lists are joined with "; ", actions and
 *    related recommendations (which hold sentences) with a line end, each
 *    written as the report writes it, with the language's colon, comma
 *    and "para." (labels colon, comma, para).
 *  - JSON: {"report": {...}, "recommendations": [{...}, ...]}, lists as
 *    arrays and actions and related recommendations as objects.
 * Both are appended to a caller-owned buffer.  Output depends only on the
 * report.
 */
#ifndef UPRGEN_OPENDATA_H
#define UPRGEN_OPENDATA_H

#include <stddef.h>

#include "model.h"
#include "util.h"
#include "words.h"

/* The names of the fields, in order; what each means, in a sentence for
 * the data page, is the label data_field_NAME (words.h). */
extern const char *const opendata_fields[];
extern const size_t opendata_field_count;

struct opendata_options {
	enum lang lang;
	/* the address of the language's site, ending in '/' (page is then
	 * absolute); NULL: page is relative to it */
	const char *pages;
	const char *license; /* of the data, NULL or "" when none is given */
	/* the language's punctuation and words in the CSV's sentences
	 * ("2024-03-12: text", "CEDAW CEDAW/C/PER/CO/9, para. 21: text") */
	const struct words *words;
};

void opendata_csv(struct buf *out, const struct report *r,
		  const struct opendata_options *o);
void opendata_json(struct buf *out, const struct report *r,
		   const struct opendata_options *o);

#endif
