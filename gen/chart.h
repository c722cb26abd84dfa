/*
 * chart — the one chart model of uprgen, and its SVG writer.
 *
 * A chart is built from the model (a struct statistic, or the counts of
 * recommendations by cluster and status) into a description that holds no
 * drawing commands: categories, series of values, a value scale with its
 * ticks, colours, labels and a text alternative.  Each back end draws it
 * its own way: chart_write_svg() here for the website; the PDF back end
 * paints the same struct with libharu.
 *
 * Memory: every chart and all its strings live in the arena passed to the
 * builder; strings point into the report model where they can.
 * Numbers are formatted in the chart's language (1,234.5 / 1.234,5 /
 * 1 234,5), so the same input always gives the same bytes.
 */
#ifndef UPRGEN_CHART_H
#define UPRGEN_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "util.h"
#include "value.h"
#include "words.h"

/* The largest magnitude of a statistic's value that check accepts: past
 * 10^15 a double no longer holds every integer, let alone the two decimals
 * a chart and its table show (a figure that big belongs in a larger unit).
 * The chart itself draws any finite values (its scale stays finite). */
#define CHART_VALUE_MAX 1e15

enum chart_type {
	CHART_TYPE_BAR,     /* one bar per category and series */
	CHART_TYPE_LINE,    /* one line per series across the categories */
	CHART_TYPE_STACKED, /* one bar per category, series stacked */
	CHART_TYPE_TABLE,   /* no drawing: the data table only */
};

struct chart_series {
	const char *label;
	const double *values; /* one per category */
	const bool *present;  /* false where the source gives no figure */
	unsigned colour;      /* 0xRRGGBB; AA contrast (3:1) on white */
	bool dark;            /* white text reads on it (4.5:1) */
};

struct chart_tick {
	double value;
	const char *label; /* formatted in the chart's language */
};

struct chart {
	enum chart_type type;
	enum lang lang;
	const struct words *words; /* how its figures are written */
	const char *id;    /* the statistic's id, or "status-by-cluster" */
	const char *title; /* plain text; every text here is plain */
	const char *unit;  /* NULL when none */
	const char *unit_text; /* " (unit)", "（单位）": in the language's
				  parentheses; NULL when no unit */
	const char *key_label; /* the data table's first column's head:
				  "Year" when every key is one, else the
				  unit (the caption has it too), or NULL */
	const char *source;
	const char *kind_label;  /* "Bar chart", in the chart's language */
	const char *data_label;  /* "Data", heading of the data table */
	const char *total_label; /* "Total" (stacked charts) */
	const char *missing;     /* shown for an absent figure: "–" */
	const char *no_data;     /* said for it in the summary: "no data" */
	const char *source_label; /* "Source: ", its colon included */

	const char **categories; /* x axis (or rows, when horizontal) */
	const char **category_links; /* stacked: page of each, else NULL */
	size_t category_count;
	struct chart_series *series;
	size_t series_count;

	/* The value axis runs from lo to hi (a nice round range holding
	 * every value and 0); ticks are round numbers inside it. */
	double lo, hi;
	struct chart_tick *ticks;
	size_t tick_count;
	bool horizontal; /* bars run left to right, a category per row */

	/* One or more sentences saying what the chart shows, with every
	 * figure: the alternative for a reader who cannot see it. */
	const char *summary;
};

/* The fixed words a chart needs, in one language, from the words module
 * (chart_bar, chart_line, chart_stacked, chart_table, chart_data,
 * chart_total, chart_source, chart_missing, status_by_cluster,
 * status_<name with _>); its numbers are written by it too. */
struct chart_words {
	const struct words *words;
	const char *kind[4]; /* by enum chart_type */
	const char *data, *total, *source, *missing, *no_data, *status_title;
	const char *year;
	const char *category; /* a data table's first head, keys not years */
	const char *status[STATUS_COUNT];
};

struct chart_words chart_words(const struct words *words);

/* The chart of one statistic in `lang` (falling back to `fallback`). */
struct chart *chart_from_statistic(struct arena *a,
				   const struct statistic *s, enum lang lang,
				   enum lang fallback,
				   const struct chart_words *w);

/* Stacked bars: recommendations of each cluster by status.
 * cluster_links[i] (may be NULL) is the page of cluster i, for the data
 * table. */
struct chart *chart_status_by_cluster(struct arena *a, const struct report *r,
				      enum lang lang,
				      const struct chart_words *w,
				      const char **cluster_links);

/* The chart a ```` ```chart ID ```` block asks for: the statistic ID,
 * else for ID "status-by-cluster" the stacked bars of the report's
 * clusters; NULL when neither. */
struct chart *chart_for_block(struct arena *a, const struct report *r,
			      const char *id, enum lang lang,
			      const struct chart_words *w);

/* Where v falls on the value axis: 0 at lo, 1 at hi. */
double chart_fraction(const struct chart *c, double v);

/* The colour of each status, shared by the charts and the stylesheet. */
unsigned chart_status_colour(enum status s);

/* Appends v as the words module writes it (grouped thousands, up to 2
 * decimals). */
void chart_format_number(struct buf *out, double v, const struct chart *c);
/* Whether c's figures are grouped from four digits ("8 400"): its scale
 * reaches five digits, or its language groups four (English "2,500"). */
bool chart_groups_four(const struct chart *c);
/* The pattern over series i's colour, the same in every back end: 0 none
 * (the first series, or a chart of one), else 1-5 (stripes, dots, a grid,
 * horizontal stripes, a cross-hatch), so that series are told apart by
 * more than their colour (WCAG 1.4.1) and in grey.  Its marks are the
 * colour CHART_MARK_LIGHTEN per cent of the way to white. */
int chart_series_pattern(const struct chart *c, size_t i);
enum { CHART_MARK_LIGHTEN = 45 };
/* The head of series i's column in a data table: its label, or the unit
 * when the chart has one series without one ("cases"). */
const char *chart_series_head(const struct chart *c, size_t i);

/* Appends the chart as HTML: a <figure> holding an inline SVG (with the
 * summary as its accessible name), a legend, the data as a table, and the
 * source.  uid makes its element ids unique on the page ("c1", "c2"...). */
void chart_write_svg(struct buf *out, const struct chart *c, const char *uid);

#endif
