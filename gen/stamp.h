/*
 * stamp — the one date a command writes into the files it makes (the PDF's
 * and the Word document's properties, the spreadsheets', the zip entries
 * of .docx and .xlsx): SOURCE_DATE_EPOCH when it is set, for reproducible
 * builds (https://reproducible-builds.org/specs/source-date-epoch/), else
 * the report's own date at midnight UTC — never the clock, so that the
 * same content gives the same bytes.  `uprgen new`, which has no report
 * yet, takes today when the variable is unset.
 */
#ifndef UPRGEN_STAMP_H
#define UPRGEN_STAMP_H

#include <stdbool.h>

#include "model.h"

/* The latest time a PDF date holds (D:9999...): 9999-12-31T23:59:59Z. */
#define STAMP_MAX 253402300799LL

/* A time broken down, in UTC; year 0 when there is none. */
struct stamp {
	int year, month, day, hour, minute, second;
};

/* SOURCE_DATE_EPOCH: *secs -1 when unset (or empty), else its seconds;
 * false when it is not a whole number of seconds from 1970 to the end of
 * 9999 (a value in milliseconds gave the year 5840). */
bool stamp_source_date_epoch(long long *secs);

/* Seconds since 1970 of the files' date: SOURCE_DATE_EPOCH when valid,
 * else the report's date at midnight UTC; false (and 0) when there is
 * neither. */
bool stamp_seconds(const struct report *r, long long *secs);

/* stamp_seconds() broken down; year 0 when there is no date at all. */
struct stamp stamp_of_report(const struct report *r);

/* secs broken down in UTC (year 0 for a time gmtime cannot take). */
struct stamp stamp_break(long long secs);

#endif
