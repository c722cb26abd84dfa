/* chart — building the chart model, and drawing it as SVG for the web. */
#include "chart.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* ---- words ---------------------------------------------------------- */

struct chart_words chart_words(const struct words *words)
{
	static const char *const kind_keys[] = {"chart_bar", "chart_line",
						"chart_stacked", "chart_table"};
	struct chart_words w = {.words = words};
	for (int i = 0; i < 4; i++)
		w.kind[i] = words_get(words, kind_keys[i]);
	w.data = words_get(words, "chart_data");
	w.total = words_get(words, "chart_total");
	w.source = words_get(words, "chart_source");
	w.missing = words_get(words, "chart_missing");
	w.no_data = words_get(words, "chart_no_data");
	w.year = words_get(words, "chart_year");
	w.category = words_get(words, "chart_category");
	w.status_title = words_get(words, "status_by_cluster");
	for (int s = 0; s < STATUS_COUNT; s++)
		w.status[s] = words_named(words, "status",
					  status_name((enum status)s));
	return w;
}

/* ---- numbers and scales --------------------------------------------- */

/* The digits of n. */
static char *S_digits(char *p, unsigned long long n)
{
	char tmp[24];
	size_t i = sizeof tmp;
	do
		tmp[--i] = (char)('0' + n % 10);
	while (n /= 10);
	memcpy(p, tmp + i, sizeof tmp - i);
	return p + (sizeof tmp - i);
}

/* snprintf(tmp, size, "%.*f", decimals, v) for 1 or 2 decimals, without
 * printf's cost (a chart's SVG has hundreds of coordinates): rounded here when v's scaled value is far enough from a half
 * that the error of the scaling cannot change the rounding; by snprintf
 * otherwise, or when huge.  size is at least 32. */
static void S_fixed(char *tmp, size_t size, double v, int decimals)
{
	unsigned scale = decimals == 1 ? 10 : 100;
	double t = v * scale, f = t - floor(t);
	if (!(fabs(t) < 1e9) || fabs(f - 0.5) < 1e-6) {
		snprintf(tmp, size, "%.*f", decimals, v);
		return;
	}
	long long n = (long long)floor(t + 0.5);
	char *p = tmp;
	if (n < 0 || (n == 0 && signbit(v)))
		*p++ = '-';
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n
				     : (unsigned long long)n;
	p = S_digits(p, u / scale);
	*p++ = '.';
	if (decimals == 2)
		*p++ = (char)('0' + u % 100 / 10);
	*p++ = (char)('0' + u % 10);
	*p = '\0';
}

/* Figures are written as in the prose, by the words module, at most two
 * decimals; on a scale that reaches five digits, as a column's figures
 * (words_number: "8 400" beside "12 500"). */
static bool S_column(const struct chart *c)
{
	return fmax(fabs(c->lo), fabs(c->hi)) >= 10000;
}

void chart_format_number(struct buf *out, double v, const struct chart *c)
{
	words_number_put(c->words, out, v, 2, S_column(c));
}

int chart_series_pattern(const struct chart *c, size_t i)
{
	return c->series_count < 2 ? 0 : (int)(i % 6);
}

bool chart_groups_four(const struct chart *c)
{
	return S_column(c) || !c->words || c->words->thousands_from <= 4;
}

static const char *S_number(struct arena *a, double v, const struct chart *c)
{
	return words_number(c->words, a, v, 2, S_column(c));
}

/* times × the nice number (1, 2 or 5 times a power of ten) nearest x,
 * or the smallest not below it, as in Heckbert's "Nice numbers for graph
 * labels"; times is applied before the power of ten, so that a nice number
 * past DBL_MAX (2e308, from x = 1.5e308) divided by 4 is still finite. */
static double S_nice(double x, bool round_it, double times)
{
	double e = floor(log10(x));
	double p = pow(10, e);
	double f = x / p;
	double n;
	if (round_it)
		n = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
	else
		n = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
	return n * times * p;
}

/* k × step, or the largest finite double of its sign where that is past
 * DBL_MAX (an axis end beyond a value near ±1.8e308). */
static double S_multiple(double k, double step)
{
	double v = k * step;
	return isfinite(v) ? v : copysign(DBL_MAX, k);
}

/* The value axis for values from min to max: lo ≤ min(0, min) and hi ≥
 * max(0, max), both finite, and round ticks between them, at most
 * S_MAX_TICKS, for any doubles at all (check refuses values past
 * CHART_VALUE_MAX, but a chart must not trust it: 1e308 and -1e308 once
 * made the range infinite, the tick count wrap and the tick array be
 * written past its end).  The step is Heckbert's: the nice number near a
 * quarter of the nice range; where the range itself is past DBL_MAX (both
 * ends beyond ±9e307) it is computed from its quarter. */
enum { S_MAX_TICKS = 16 };

static void S_scale(struct arena *a, struct chart *c, double min, double max)
{
	if (!(min <= 0)) /* also NaN */
		min = 0;
	if (!(max >= 0))
		max = 0;
	min = fmax(min, -DBL_MAX);
	max = fmin(max, DBL_MAX);
	if (max - min < 1e-9)
		max = min + 1;
	double range = max - min;
	double step;
	if (isfinite(range)) {
		step = S_nice(S_nice(range, false, 0.25), true, 1);
	} else {
		/* range in (DBL_MAX, 2 DBL_MAX]: the nice range is 2e308
		 * or 5e308, a quarter of it rounds to 5e307 or 1e308 */
		step = max / 4 - min / 4 <= 5e307 ? 5e307 : 1e308;
	}
	double first = floor(min / step), last = ceil(max / step);
	c->lo = S_multiple(first, step);
	c->hi = S_multiple(last, step);
	/* the ticks: the multiples of step inside [lo, hi] */
	if (!(first * step >= c->lo))
		first += 1;
	if (!(last * step <= c->hi))
		last -= 1;
	double count = last - first + 1;
	c->tick_count = count >= 1 && count <= S_MAX_TICKS ? (size_t)count : 0;
	c->ticks = arena_alloc(a, (c->tick_count + 1) * sizeof *c->ticks);
	for (size_t i = 0; i < c->tick_count; i++) {
		double v = (first + (double)i) * step;
		c->ticks[i].value = v;
		c->ticks[i].label = S_number(a, v, c);
	}
}

/* Halves first, so that hi - lo cannot overflow; exact, as halving is. */
double chart_fraction(const struct chart *c, double v)
{
	return (v / 2 - c->lo / 2) / (c->hi / 2 - c->lo / 2);
}

/* Every colour below has at least 4.5:1 against white, so it serves as a
 * mark (3:1 needed) and behind white figures alike. */
static const unsigned S_palette[] = {0x1f5f9e, 0xa34f00, 0x5b3f8c,
				     0x1b6f3a, 0xb3261e, 0x00636e};

unsigned chart_status_colour(enum status s)
{
	/* Not implemented is a crimson leaning to magenta, not a red: under
	 * deuteranopia a red and the orange of "partially" become one olive,
	 * this one stays bluish.  Colour is never alone: the SVG and the
	 * stylesheet add a pattern per status (solid, stripes, dots,
	 * cross-hatch), and every status is written out. */
	static const unsigned colours[STATUS_COUNT] = {0x1b6f3a, 0xa34f00,
						       0x9c1f5a, 0x5f6368};
	return colours[s < STATUS_COUNT ? s : STATUS_NOT_ASSESSED];
}

/* ---- building ------------------------------------------------------- */

static struct chart *S_new(struct arena *a, enum chart_type type,
			   enum lang lang, const struct chart_words *w)
{
	struct chart *c = arena_alloc(a, sizeof *c);
	c->type = type;
	c->lang = lang;
	c->words = w->words;
	c->kind_label = w->kind[type];
	c->data_label = w->data;
	c->total_label = w->total;
	c->missing = w->missing;
	c->no_data = w->no_data;
	/* "Source: ", the colon the language writes after a field name */
	c->source_label = arena_printf(a, "%s%s", w->source,
				       words_get(w->words, "colon"));
	return c;
}

/* Where each category sits, hashed: a statistic may have tens of
 * thousands of keys, and looking each up by comparing with every other
 * one took seconds. */
struct S_index {
	size_t *slots; /* category index + 1; 0: empty */
	size_t mask;
};

static void S_index_init(struct arena *a, struct S_index *x, size_t most)
{
	size_t n = 16;
	while (n < 2 * most)
		n *= 2;
	x->slots = arena_alloc(a, n * sizeof *x->slots);
	memset(x->slots, 0, n * sizeof *x->slots);
	x->mask = n - 1;
}

/* The slot of key: where it is, or the empty one where it goes. */
static size_t *S_index_slot(const struct S_index *x, const char *const *cats,
			    const char *key)
{
	size_t h = value_hash(key) & x->mask;
	while (x->slots[h] && strcmp(cats[x->slots[h] - 1], key))
		h = (h + 1) & x->mask;
	return &x->slots[h];
}

/* Categories of a statistic: the keys of every series, in the order they
 * first appear (series usually share them). */
static void S_categories(struct arena *a, struct chart *c,
			 const struct statistic *s)
{
	size_t most = 0;
	for (size_t i = 0; i < s->series_count; i++)
		most += s->series[i].count;
	c->categories = arena_alloc(a, (most + 1) * sizeof *c->categories);
	struct S_index x;
	S_index_init(a, &x, most);
	for (size_t i = 0; i < s->series_count; i++)
		for (size_t j = 0; j < s->series[i].count; j++) {
			const char *key = s->series[i].points[j].key;
			size_t *slot = S_index_slot(&x, c->categories, key);
			if (*slot)
				continue;
			c->categories[c->category_count++] = key;
			*slot = c->category_count;
		}
}

/* The year k names, or 0 when it is not a year ("2019"). */
static int S_year(const char *k)
{
	if (strlen(k) != 4 || strspn(k, "0123456789") != 4 || *k == '0')
		return 0;
	return atoi(k);
}

/* Years in increasing order with some missing ("2017 2018 2019 2021"):
 * the missing ones become categories of their own, without figures, so
 * that the gap shows (a bar missing, a line broken, "–" in the table)
 * instead of 2021 standing next to 2019.  Not when the gaps would be
 * most of the axis. */
static void S_fill_years(struct arena *a, struct chart *c)
{
	size_t n = c->category_count;
	if (n < 2)
		return;
	for (size_t k = 0; k < n; k++) {
		int y = S_year(c->categories[k]);
		if (!y || (k && y <= S_year(c->categories[k - 1])))
			return;
	}
	int first = S_year(c->categories[0]);
	size_t span = (size_t)(S_year(c->categories[n - 1]) - first) + 1;
	if (span == n || span > 2 * n)
		return;
	const char **all = arena_alloc(a, (span + 1) * sizeof *all);
	for (size_t k = 0, j = 0; k < span; k++) {
		if (j < n && S_year(c->categories[j]) == first + (int)k)
			all[k] = c->categories[j++];
		else
			all[k] = arena_printf(a, "%d", first + (int)k);
	}
	c->categories = all;
	c->category_count = span;
}

/* The summary in b as the chart's, with the spaces of its language's
 * typography (words_typeset: "Graphique linéaire : …"); frees b. */
static void S_summary_set(struct arena *a, struct chart *c, struct buf *b)
{
	c->summary = words_typeset_copy(c->words, a, b->data ? b->data : "",
					b->len);
	buf_free(b);
}

/* The text alternative's punctuation is the language's (labels colon,
 * semicolon, comma, full_stop: "；" and "。" in Chinese, "؛" in
 * Arabic), each with the space that follows it where one does. */
static void S_summary_series(struct buf *b, const struct chart *c,
			     const struct chart_series *se)
{
	if (c->series_count > 1)
		buf_printf(b, "%s%s", se->label,
			   words_get(c->words, "colon"));
	for (size_t k = 0; k < c->category_count; k++) {
		buf_printf(b, "%s%s ",
			   k ? words_get(c->words, "semicolon") : "",
			   c->categories[k]);
		if (se->present[k])
			chart_format_number(b, se->values[k], c);
		else
			buf_puts(b, c->no_data);
	}
	buf_puts(b, words_get(c->words, "full_stop"));
}

/* b without the space its last label left (full_stop: ". "). */
static void S_summary_trim(struct buf *b)
{
	while (b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
}

static void S_summary(struct arena *a, struct chart *c)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s%s%s", c->kind_label, words_get(c->words, "colon"),
		   c->title);
	if (c->unit_text)
		buf_puts(&b, c->unit_text);
	buf_puts(&b, words_get(c->words, "full_stop"));
	for (size_t i = 0; i < c->series_count; i++)
		S_summary_series(&b, c, &c->series[i]);
	S_summary_trim(&b);
	S_summary_set(a, c, &b);
}

static bool S_long_labels(const struct chart *c)
{
	for (size_t k = 0; k < c->category_count; k++)
		if (strlen(c->categories[k]) > 6)
			return true;
	return c->category_count > 12;
}

struct chart *chart_from_statistic(struct arena *a,
				   const struct statistic *s, enum lang lang,
				   enum lang fallback,
				   const struct chart_words *w)
{
	enum chart_type type = s->chart == CHART_LINE	 ? CHART_TYPE_LINE
			       : s->chart == CHART_TABLE ? CHART_TYPE_TABLE
							 : CHART_TYPE_BAR;
	struct chart *c = S_new(a, type, lang, w);
	c->id = s->id;
	c->title = words_text(w->words, a, &s->title, fallback);
	if (!c->title)
		c->title = s->id;
	c->unit = words_text(w->words, a, &s->unit, fallback);
	if (c->unit && !*c->unit)
		c->unit = NULL;
	c->unit_text = c->unit ? words_parenthesized(w->words, a, c->unit)
			       : NULL;
	c->source = words_text(w->words, a, &s->source, fallback);
	S_categories(a, c, s);
	bool years = c->category_count > 0;
	for (size_t k = 0; years && k < c->category_count; k++)
		years = S_year(c->categories[k]) != 0;
	/* the data table's first head names its keys: the statistic's
	 * category ("Department"), "Year", or "Category"; not the unit,
	 * which heads the figures' column (chart_series_head) */
	c->key_label = words_text(w->words, a, &s->category, fallback);
	if (!c->key_label || !*c->key_label)
		c->key_label = years ? w->year : w->category;
	/* as the source gives them: filled-in years would make a chart of
	 * many years horizontal, where a gap is not drawn */
	c->horizontal = type == CHART_TYPE_BAR && S_long_labels(c);
	S_fill_years(a, c);
	struct S_index x;
	S_index_init(a, &x, c->category_count);
	for (size_t k = 0; k < c->category_count; k++)
		*S_index_slot(&x, c->categories, c->categories[k]) = k + 1;
	c->series_count = s->series_count;
	c->series = arena_alloc(a, (s->series_count + 1) * sizeof *c->series);
	double min = 0, max = 0;
	for (size_t i = 0; i < s->series_count; i++) {
		const struct series *in = &s->series[i];
		double *values = arena_alloc(a, (c->category_count + 1) *
							sizeof *values);
		bool *present = arena_alloc(a, c->category_count + 1);
		for (size_t j = 0; j < in->count; j++) {
			size_t k = j;
			if (k >= c->category_count ||
			    strcmp(c->categories[k], in->points[j].key))
				k = *S_index_slot(&x, c->categories,
						  in->points[j].key) - 1;
			values[k] = in->points[j].value;
			present[k] = true;
			min = fmin(min, values[k]);
			max = fmax(max, values[k]);
		}
		struct chart_series *out = &c->series[i];
		out->label = words_text(w->words, a, &in->label, fallback);
		if (!out->label)
			out->label = "";
		out->values = values;
		out->present = present;
		out->colour = S_palette[i % (sizeof S_palette /
					     sizeof *S_palette)];
		out->dark = true;
	}
	S_scale(a, c, min, max);
	S_summary(a, c);
	return c;
}

static void S_stacked_summary(struct arena *a, struct chart *c)
{
	struct buf b;
	buf_init(&b);
	const char *stop = words_get(c->words, "full_stop");
	const char *comma = words_get(c->words, "comma");
	buf_printf(&b, "%s%s%s%s", c->kind_label,
		   words_get(c->words, "colon"), c->title, stop);
	for (size_t k = 0; k < c->category_count; k++) {
		double total = 0;
		buf_printf(&b, "%s%s", c->categories[k],
			   words_get(c->words, "colon"));
		for (size_t i = 0; i < c->series_count; i++) {
			double v = c->series[i].values[k];
			total += v;
			buf_printf(&b, "%s ", c->series[i].label);
			chart_format_number(&b, v, c);
			buf_puts(&b, comma);
		}
		buf_printf(&b, "%s ", c->total_label);
		chart_format_number(&b, total, c);
		buf_puts(&b, stop);
	}
	S_summary_trim(&b);
	S_summary_set(a, c, &b);
}

struct chart *chart_status_by_cluster(struct arena *a, const struct report *r,
				      enum lang lang,
				      const struct chart_words *w,
				      const char **cluster_links)
{
	struct chart *c = S_new(a, CHART_TYPE_STACKED, lang, w);
	enum lang first = report_first_language(r);
	size_t n = r->cluster_count;
	c->id = "status-by-cluster";
	c->title = w->status_title;
	c->horizontal = true;
	c->category_count = n;
	c->categories = arena_alloc(a, (n + 1) * sizeof *c->categories);
	c->category_links = cluster_links;
	for (size_t k = 0; k < n; k++)
		c->categories[k] = words_text(w->words, a,
					      &r->clusters[k].title, first);
	double *counts = arena_alloc(a, (STATUS_COUNT * n + 1) * sizeof *counts);
	bool *present = arena_alloc(a, n + 1);
	memset(present, 1, n);
	for (size_t i = 0; i < r->rec_count; i++) {
		const struct cluster *cl = r->recs[i].cluster;
		if (cl && cl->index < n)
			counts[r->recs[i].status * n + cl->index] += 1;
	}
	c->series_count = STATUS_COUNT;
	c->series = arena_alloc(a, STATUS_COUNT * sizeof *c->series);
	double max = 0;
	for (size_t k = 0; k < n; k++) {
		double total = 0;
		for (int s = 0; s < STATUS_COUNT; s++)
			total += counts[s * n + k];
		max = fmax(max, total);
	}
	for (int s = 0; s < STATUS_COUNT; s++) {
		c->series[s].label = w->status[s];
		c->series[s].values = counts + s * n;
		c->series[s].present = present;
		c->series[s].colour = chart_status_colour((enum status)s);
		c->series[s].dark = true;
	}
	S_scale(a, c, 0, max);
	S_stacked_summary(a, c);
	return c;
}

struct chart *chart_for_block(struct arena *a, const struct report *r,
			      const char *id, enum lang lang,
			      const struct chart_words *w)
{
	const struct statistic *s = report_find_statistic(r, id);
	if (s)
		return chart_from_statistic(a, s, lang,
					    report_first_language(r), w);
	if (!strcmp(id, "status-by-cluster"))
		return chart_status_by_cluster(a, r, lang, w, NULL);
	return NULL;
}

/* ---- SVG ------------------------------------------------------------ */

/* Each chart is drawn twice, 640 units wide for screens from 40rem up and
 * 340 for phones (the stylesheet shows one): scaled down to a phone, the
 * wide drawing's 13 px text came out at 7 px; the narrow one keeps it at
 * 12 px and more on a 375 px screen. */
enum {
	S_W_WIDE = 640,
	S_W_NARROW = 340,
	S_PLOT_LEFT = 64, /* room for the value labels of the axis */
	S_PLOT_RIGHT = 16,
	S_PLOT_TOP = 24,
	S_ROW = 46,        /* a category of a horizontal chart */
	S_BAR_ROW = 20,    /* its bar */
	S_CHAR_W = 7,      /* a rough average advance at 13px */
};

static void S_text(struct buf *out, const char *s)
{
	escape_html(out, s, strlen(s));
}

static void S_svgf(struct buf *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* buf_printf for the SVG's markup, which needs only %d, %s and %.1f. */
static void S_svgf(struct buf *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	for (const char *p = fmt; *p;) {
		const char *pct = strchr(p, '%');
		size_t lit = pct ? (size_t)(pct - p) : strlen(p);
		buf_put(out, p, lit);
		if (!pct)
			break;
		if (pct[1] == 'd') {
			char tmp[24], *end = tmp;
			int n = va_arg(ap, int);
			if (n < 0)
				*end++ = '-';
			end = S_digits(end, n < 0 ? 0ULL - (unsigned long long)n
						  : (unsigned long long)n);
			buf_put(out, tmp, (size_t)(end - tmp));
			p = pct + 2;
		} else if (pct[1] == 's') {
			buf_puts(out, va_arg(ap, const char *));
			p = pct + 2;
		} else {
			char tmp[400];
			S_fixed(tmp, sizeof tmp, va_arg(ap, double), 1); /* %.1f */
			buf_puts(out, tmp);
			p = pct + 4;
		}
	}
	va_end(ap);
}

static void S_colour(struct buf *out, unsigned rgb)
{
	static const char hex[] = "0123456789abcdef";
	char tmp[7] = {'#'};
	for (int i = 0; i < 6; i++)
		tmp[1 + i] = hex[(rgb >> (20 - 4 * i)) & 0xf];
	buf_put(out, tmp, sizeof tmp);
}

/* The fill of series i: its colour, and from the second series on a
 * pattern over it (stripes, dots, cross-hatch, ...), so that series are
 * told apart in greyscale and by every reader. */
static void S_fill(struct buf *out, const struct chart *c, const char *uid,
		   size_t i)
{
	if (!chart_series_pattern(c, i)) {
		S_colour(out, c->series[i].colour);
		return;
	}
	S_svgf(out, "url(#%s-p%d)", uid, (int)i);
}

/* The patterns of S_fill: white marks at 45 % over the colour. */
static void S_patterns(struct buf *out, const struct chart *c,
		       const char *uid)
{
	static const char *const marks[] = {
		"",
		"<rect width=\"2.5\" height=\"8\" fill=\"#fff\" "
		"fill-opacity=\".45\"/>",
		"<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#fff\" "
		"fill-opacity=\".6\"/>",
		"<path d=\"M0 4H8M4 0V8\" stroke=\"#fff\" stroke-width=\"1.4\" "
		"stroke-opacity=\".5\"/>",
		"<rect width=\"8\" height=\"2.5\" fill=\"#fff\" "
		"fill-opacity=\".45\"/>",
		"<path d=\"M0 0L8 8M8 0L0 8\" stroke=\"#fff\" "
		"stroke-width=\"1.2\" stroke-opacity=\".5\"/>"};
	if (c->series_count < 2)
		return;
	buf_puts(out, "<defs>");
	for (size_t i = 1; i < c->series_count; i++) {
		if (i % 6 == 0)
			continue;
		S_svgf(out,
		       "<pattern id=\"%s-p%d\" width=\"8\" height=\"8\" "
		       "patternUnits=\"userSpaceOnUse\"%s><rect width=\"8\" "
		       "height=\"8\" fill=\"",
		       uid, (int)i,
		       i % 6 == 1 ? " patternTransform=\"rotate(45)\"" : "");
		S_colour(out, c->series[i].colour);
		S_svgf(out, "\"/>%s</pattern>", marks[i % 6]);
	}
	buf_puts(out, "</defs>\n");
}

/* bars: horizontal bars, which a right-to-left page mirrors (site.css):
 * the names then stand at the right and the bars grow leftwards. */
static void S_svg_open(struct buf *out, const struct chart *c,
		       const char *uid, int W, int height, bool bars)
{
	S_svgf(out,
		   "<svg class=\"chart-svg %s%s\" viewBox=\"0 0 %d %d\" "
		   "width=\"%d\" height=\"%d\" role=\"img\" "
		   "aria-labelledby=\"%s-t\" focusable=\"false\">"
		   "<title id=\"%s-t\">",
		   W == S_W_WIDE ? "chart-wide" : "chart-narrow",
		   bars ? " chart-bars" : "", W, height, W,
		   height, uid, uid);
	S_text(out, c->summary);
	buf_puts(out, "</title>\n");
	S_patterns(out, c, uid);
}

/* Horizontal bars: each category is a row, its name above its bar, so
 * that long names (clusters, regions) stay readable on a phone. */
/* A category's name on as many lines as it needs, each at most max
 * characters (broken at spaces; a longer word stays whole): SVG text does
 * not wrap, and on a phone the names of clusters run past the drawing.
 * With out NULL only counts the lines. */
static int S_label(struct buf *out, const char *s, size_t max, int y)
{
	int lines = 0;
	while (*s) {
		/* the longest run of whole words within max characters */
		const char *end = s, *p = s;
		size_t chars = 0;
		while (*p) {
			const char *word = p;
			size_t n = 0;
			while (*p == ' ')
				p++;
			while (*p && *p != ' ') {
				n += ((unsigned char)*p & 0xc0) != 0x80;
				p++;
			}
			if (end != s && chars + n + 1 > max) {
				p = word;
				break;
			}
			chars += n + (end != s);
			end = p;
		}
		if (out) {
			S_svgf(out, "<text class=\"cat\" x=\"0\" y=\"%d\">",
			       y + 16 + 16 * lines);
			escape_html(out, s, (size_t)(end - s));
			buf_puts(out, "</text>\n");
		}
		lines++;
		s = end;
		while (*s == ' ')
			s++;
	}
	return lines ? lines : 1;
}

static void S_svg_horizontal(struct buf *out, const struct chart *c,
			     const char *uid, int W)
{
	int value_room = W == S_W_WIDE ? 90 : 70;
	double width = W - value_room;
	int rows_per = c->type == CHART_TYPE_STACKED ? 1 : (int)c->series_count;
	int row = S_ROW + (rows_per - 1) * (S_BAR_ROW + 4);
	size_t max = (size_t)(W - 4) / S_CHAR_W;
	int height = 8;
	for (size_t k = 0; k < c->category_count; k++)
		height += row + 16 * (S_label(NULL, c->categories[k], max, 0) - 1);
	S_svg_open(out, c, uid, W, height, true);
	int y = -row;
	for (size_t k = 0; k < c->category_count; k++) {
		y += row;
		int extra = 16 * (S_label(out, c->categories[k], max, y) - 1);
		y += extra; /* the bars go under the name's last line */
		double x = 0, total = 0;
		for (size_t i = 0; i < c->series_count; i++) {
			const struct chart_series *se = &c->series[i];
			if (!se->present[k])
				continue;
			double v = se->values[k];
			double w = width * (chart_fraction(c, v) -
					    chart_fraction(c, 0));
			int by = y + 22;
			if (c->type != CHART_TYPE_STACKED) {
				by += (int)i * (S_BAR_ROW + 4);
				x = 0;
			}
			S_svgf(out,
				   "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
				   "height=\"%d\" fill=\"",
				   x, by, w, S_BAR_ROW);
			S_fill(out, c, uid, i);
			buf_puts(out, "\"/>");
			if (c->type == CHART_TYPE_STACKED && w >= 22 && v > 0) {
				/* white on the pattern: a halo of the
				 * colour keeps the figure readable */
				S_svgf(out,
					   "<text class=\"in\" x=\"%.1f\" "
					   "y=\"%d\" stroke=\"",
					   x + w / 2, by + 15);
				S_colour(out, se->colour);
				buf_puts(out, "\">");
				chart_format_number(out, v, c);
				buf_puts(out, "</text>");
			} else if (c->type != CHART_TYPE_STACKED) {
				S_svgf(out,
					   "<text class=\"val\" x=\"%.1f\" "
					   "y=\"%d\">",
					   x + w + 6, by + 15);
				chart_format_number(out, v, c);
				buf_puts(out, "</text>");
			}
			buf_putc(out, '\n');
			x += w;
			total += v;
		}
		if (c->type == CHART_TYPE_STACKED) {
			S_svgf(out,
				   "<text class=\"val\" x=\"%.1f\" y=\"%d\">",
				   x + 6, y + 37);
			chart_format_number(out, total, c);
			buf_puts(out, "</text>\n");
		}
	}
	buf_puts(out, "</svg>\n");
}

static double S_y(const struct chart *c, double v, int top, int plot_h)
{
	return top + plot_h * (1 - chart_fraction(c, v));
}

static void S_svg_grid(struct buf *out, const struct chart *c, int W,
		       int plot_h)
{
	for (size_t t = 0; t < c->tick_count; t++) {
		double y = S_y(c, c->ticks[t].value, S_PLOT_TOP, plot_h);
		S_svgf(out,
			   "<line class=\"%s\" x1=\"%d\" x2=\"%d\" "
			   "y1=\"%.1f\" y2=\"%.1f\"/>"
			   "<text class=\"tick\" x=\"%d\" y=\"%.1f\">%s</text>\n",
			   c->ticks[t].value == 0 ? "axis" : "grid",
			   S_PLOT_LEFT, W - S_PLOT_RIGHT, y, y,
			   S_PLOT_LEFT - 8, y + 4, c->ticks[t].label);
	}
}

/* Category names under the plot, turned when they would collide. */
static int S_svg_categories(struct buf *out, const struct chart *c,
			    double slot, int base)
{
	size_t longest = 0;
	for (size_t k = 0; k < c->category_count; k++)
		if (strlen(c->categories[k]) > longest)
			longest = strlen(c->categories[k]);
	bool turn = (double)longest * S_CHAR_W > slot - 4;
	for (size_t k = 0; k < c->category_count; k++) {
		double x = S_PLOT_LEFT + slot * ((double)k + 0.5);
		if (turn)
			S_svgf(out,
				   "<text class=\"cat turned\" "
				   "transform=\"translate(%.1f %d) "
				   "rotate(-40)\">",
				   x + 4, base + 14);
		else
			S_svgf(out,
				   "<text class=\"cat mid\" x=\"%.1f\" "
				   "y=\"%d\">",
				   x, base + 18);
		S_text(out, c->categories[k]);
		buf_puts(out, "</text>\n");
	}
	return turn ? (int)(longest * 5) + 24 : 30;
}

static void S_svg_bars(struct buf *out, const struct chart *c,
		       const char *uid, double slot, int plot_h)
{
	double group = slot * 0.7;
	double bw = group / (double)c->series_count;
	for (size_t k = 0; k < c->category_count; k++)
		for (size_t i = 0; i < c->series_count; i++) {
			const struct chart_series *se = &c->series[i];
			double x = S_PLOT_LEFT + slot * (double)k +
				   (slot - group) / 2 + bw * (double)i;
			double y0 = S_y(c, 0, S_PLOT_TOP, plot_h);
			if (!se->present[k]) {
				/* no figure: said, not left to a gap */
				S_svgf(out, "<text class=\"val mid\" x=\"%.1f\" "
					    "y=\"%.1f\">", x + bw / 2, y0 - 5);
				S_text(out, c->missing);
				buf_puts(out, "</text>\n");
				continue;
			}
			double v = se->values[k];
			double y1 = S_y(c, v, S_PLOT_TOP, plot_h);
			S_svgf(out,
				   "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
				   "height=\"%.1f\" fill=\"",
				   x, fmin(y0, y1), bw, fabs(y0 - y1));
			S_fill(out, c, uid, i);
			buf_puts(out, "\"/>");
			if (bw >= 34) {
				S_svgf(out,
					   "<text class=\"val mid\" x=\"%.1f\" "
					   "y=\"%.1f\">",
					   x + bw / 2, fmin(y0, y1) - 5);
				chart_format_number(out, v, c);
				buf_puts(out, "</text>");
			}
			buf_putc(out, '\n');
		}
}

static void S_svg_lines(struct buf *out, const struct chart *c, double slot,
			int plot_h)
{
	for (size_t i = 0; i < c->series_count; i++) {
		const struct chart_series *se = &c->series[i];
		bool open = false;
		size_t last = SIZE_MAX; /* the last figure drawn */
		/* the line runs on across missing figures, dashed there: the
		 * points stand where there are figures (as in the PDF and
		 * the Word document) */
		for (size_t k = 0; k <= c->category_count; k++) {
			bool here = k < c->category_count && se->present[k];
			bool gap = here && last != SIZE_MAX && last + 1 < k;
			if ((!here || gap) && open) {
				buf_puts(out, "\" fill=\"none\" stroke=\"");
				S_colour(out, se->colour);
				buf_puts(out, "\" stroke-width=\"2.5\"/>\n");
				open = false;
			}
			if (!here)
				continue;
			double x = S_PLOT_LEFT + slot * ((double)k + 0.5);
			double y = S_y(c, se->values[k], S_PLOT_TOP, plot_h);
			if (gap) {
				S_svgf(out, "<line x1=\"%.1f\" y1=\"%.1f\" "
					    "x2=\"%.1f\" y2=\"%.1f\" stroke=\"",
				       S_PLOT_LEFT + slot * ((double)last + 0.5),
				       S_y(c, se->values[last], S_PLOT_TOP,
					   plot_h),
				       x, y);
				S_colour(out, se->colour);
				buf_puts(out, "\" stroke-width=\"2\" "
					      "stroke-dasharray=\"6 4\"/>\n");
			}
			S_svgf(out, "%s%.1f,%.1f",
				   open ? " " : "<polyline points=\"", x, y);
			open = true;
			last = k;
		}
		for (size_t k = 0; k < c->category_count; k++) {
			if (!se->present[k])
				continue;
			double x = S_PLOT_LEFT + slot * ((double)k + 0.5);
			double y = S_y(c, se->values[k], S_PLOT_TOP, plot_h);
			S_svgf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"", x, y);
			S_colour(out, se->colour);
			buf_puts(out, "\"/>");
			if (c->series_count == 1 && slot >= 44) {
				S_svgf(out,
					   "<text class=\"val mid\" x=\"%.1f\" "
					   "y=\"%.1f\">",
					   x, y - 9);
				chart_format_number(out, se->values[k], c);
				buf_puts(out, "</text>");
			}
			buf_putc(out, '\n');
		}
	}
}

/* Vertical bars and lines share the frame: value axis on the left,
 * categories below.  The category labels are written first into a side
 * buffer because their height decides the picture's. */
static void S_svg_vertical(struct buf *out, const struct chart *c,
			   const char *uid, int W)
{
	int plot_h = W == S_W_WIDE ? 220 : 180;
	double slot = (double)(W - S_PLOT_LEFT - S_PLOT_RIGHT) /
		      (double)(c->category_count ? c->category_count : 1);
	struct buf cats;
	buf_init(&cats);
	int below = S_svg_categories(&cats, c, slot, S_PLOT_TOP + plot_h);
	S_svg_open(out, c, uid, W, S_PLOT_TOP + plot_h + below, false);
	S_svg_grid(out, c, W, plot_h);
	if (c->type == CHART_TYPE_LINE)
		S_svg_lines(out, c, slot, plot_h);
	else
		S_svg_bars(out, c, uid, slot, plot_h);
	buf_put(out, cats.data, cats.len);
	buf_puts(out, "</svg>\n");
	buf_free(&cats);
}

static void S_legend(struct buf *out, const struct chart *c)
{
	if (c->series_count < 2)
		return;
	buf_puts(out, "<ul class=\"chart-legend\">");
	for (size_t i = 0; i < c->series_count; i++) {
		/* the swatch shows the series' pattern as the drawing does
		 * (site.css: .pat-N) */
		buf_printf(out, "<li><span class=\"swatch pat-%zu\" "
				"style=\"background-color:", i % 6);
		S_colour(out, c->series[i].colour);
		buf_puts(out, "\"></span>");
		S_text(out, c->series[i].label);
		buf_puts(out, "</li>");
	}
	buf_puts(out, "</ul>\n");
}

static void S_table_cell(struct buf *out, const struct chart *c,
			 const struct chart_series *se, size_t k)
{
	buf_puts(out, "<td class=\"num\">");
	if (se->present[k]) {
		chart_format_number(out, se->values[k], c);
	} else {
		/* the dash seen, the words heard ("no data"), as the
		 * chart's text alternative says it */
		buf_puts(out, "<span aria-hidden=\"true\">");
		S_text(out, c->missing);
		buf_puts(out, "</span><span class=\"visually-hidden\">");
		S_text(out, c->no_data);
		buf_puts(out, "</span>");
	}
	buf_puts(out, "</td>");
}

const char *chart_series_head(const struct chart *c, size_t i)
{
	const char *label = c->series[i].label;
	if (label && *label)
		return label;
	return c->series_count == 1 && c->unit ? c->unit : "";
}

static void S_table_head(struct buf *out, const struct chart *c)
{
	buf_puts(out, "<thead><tr><th scope=\"col\">");
	if (c->key_label && c->type != CHART_TYPE_STACKED)
		S_text(out, c->key_label);
	buf_puts(out, "</th>");
	for (size_t i = 0; i < c->series_count; i++) {
		buf_puts(out, "<th scope=\"col\" class=\"num\">");
		S_text(out, chart_series_head(c, i));
		buf_puts(out, "</th>");
	}
	if (c->type == CHART_TYPE_STACKED) {
		buf_puts(out, "<th scope=\"col\" class=\"num\">");
		S_text(out, c->total_label);
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr></thead>\n");
}

/* The data table, in a scroll box named by the figure's caption
 * (focusable, as html_table_open() says why). */
static void S_table(struct buf *out, const struct chart *c, const char *uid)
{
	buf_puts(out, "<div class=\"table-wrap\" tabindex=\"0\" "
		      "role=\"group\" aria-labelledby=\"");
	S_text(out, uid);
	buf_puts(out, "-c\"><table class=\"data\" aria-labelledby=\"");
	S_text(out, uid);
	buf_puts(out, "-c\">\n");
	S_table_head(out, c);
	buf_puts(out, "<tbody>\n");
	for (size_t k = 0; k < c->category_count; k++) {
		buf_puts(out, "<tr><th scope=\"row\">");
		const char *link = c->category_links ? c->category_links[k] : NULL;
		if (link) {
			buf_puts(out, "<a href=\"");
			escape_href(out, link, strlen(link));
			buf_puts(out, "\">");
		}
		S_text(out, c->categories[k]);
		buf_puts(out, link ? "</a></th>" : "</th>");
		double total = 0;
		for (size_t i = 0; i < c->series_count; i++) {
			S_table_cell(out, c, &c->series[i], k);
			total += c->series[i].present[k] ? c->series[i].values[k] : 0;
		}
		if (c->type == CHART_TYPE_STACKED) {
			buf_puts(out, "<td class=\"num\">");
			chart_format_number(out, total, c);
			buf_puts(out, "</td>");
		}
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</tbody></table></div>\n");
}

void chart_write_svg(struct buf *out, const struct chart *c, const char *uid)
{
	buf_printf(out, "<figure class=\"chart chart-%s\" id=\"%s\">\n",
		   c->type == CHART_TYPE_TABLE ? "table" : "drawn", uid);
	buf_puts(out, "<figcaption id=\"");
	S_text(out, uid);
	buf_puts(out, "-c\"><span class=\"chart-title\">");
	S_text(out, c->title ? c->title : "");
	buf_puts(out, "</span>");
	if (c->unit_text) {
		buf_puts(out, "<span class=\"chart-unit\">");
		S_text(out, c->unit_text);
		buf_puts(out, "</span>");
	}
	buf_puts(out, "</figcaption>\n");
	if (c->type == CHART_TYPE_TABLE) {
		S_table(out, c, uid);
	} else {
		struct buf narrow;
		buf_init(&narrow);
		buf_printf(&narrow, "%s-n", uid);
		for (int wide = 1; wide >= 0; wide--) {
			const char *id = wide ? uid : narrow.data;
			int W = wide ? S_W_WIDE : S_W_NARROW;
			if (c->horizontal)
				S_svg_horizontal(out, c, id, W);
			else
				S_svg_vertical(out, c, id, W);
		}
		buf_free(&narrow);
		S_legend(out, c);
		buf_puts(out, "<details class=\"chart-data\"><summary>");
		S_text(out, c->data_label);
		buf_puts(out, "</summary>\n");
		S_table(out, c, uid);
		buf_puts(out, "</details>\n");
	}
	if (c->source) {
		buf_puts(out, "<p class=\"chart-source\">");
		S_text(out, c->source_label);
		S_text(out, c->source);
		buf_puts(out, "</p>\n");
	}
	buf_puts(out, "</figure>\n");
}
