/* test_chart — the chart model: numbers, scales, categories with gaps,
 * counts by cluster and status, and what the SVG writer promises. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "check.h"
#include "fixture_words.h"

/* The built-in words of a language, once each. */
static struct arena S_arena; /* the labels', freed at the end */

static struct words *S_words(enum lang l)
{
	static struct words *w[LANG_COUNT];
	if (!w[l])
		w[l] = fixture_words(&S_arena, l);
	return w[l];
}

/* v as a chart whose scale ends at hi writes it */
static const char *S_fmt_on(struct buf *b, double v, enum lang l, double hi)
{
	buf_clear(b);
	struct chart c = {.words = S_words(l), .lo = 0, .hi = hi};
	chart_format_number(b, v, &c);
	return b->data;
}

static const char *S_fmt(struct buf *b, double v, enum lang l)
{
	return S_fmt_on(b, v, l, 0);
}

static void S_numbers(void)
{
	struct buf b;
	buf_init(&b);
	CHECK_STR(S_fmt(&b, 56175, LANG_EN), "56,175");
	/* four digits stay whole in French and Spanish, but not on a scale
	 * of five: "8 400" under "12 500" */
	CHECK_STR(S_fmt_on(&b, 8400, LANG_FR, 5000), "8400");
	CHECK_STR(S_fmt_on(&b, 8400, LANG_FR, 20000), "8\u202f400");
	CHECK_STR(S_fmt_on(&b, 8400, LANG_ES, 20000), "8\u00a0400");
	CHECK_STR(S_fmt_on(&b, 840, LANG_FR, 20000), "840");
	CHECK_STR(S_fmt(&b, 56175, LANG_ES), "56\u00a0175");
	CHECK_STR(S_fmt(&b, 56175, LANG_FR), "56\u202f175");
	CHECK_STR(S_fmt(&b, 2500.5, LANG_EN), "2,500.5");
	CHECK_STR(S_fmt(&b, 2500.5, LANG_ES), "2500,5");
	CHECK_STR(S_fmt(&b, 1234567.25, LANG_EN), "1,234,567.25");
	CHECK_STR(S_fmt(&b, -3, LANG_EN), "-3");
	CHECK_STR(S_fmt(&b, 0, LANG_EN), "0");
	buf_free(&b);
}

/* Any finite values give a finite axis with a few ticks inside it: 1e308
 * and -1e308 once overflowed the range, wrapped the tick count and wrote
 * past the tick array (issue 14). */
static void S_extreme_scales(void)
{
	static const double pairs[][2] = {
		{1.7e308, 0},	  {-1.7e308, 0},    {1e308, -1e308},
		{DBL_MAX, -DBL_MAX}, {DBL_MAX, 0},     {9e307, -9e307},
		{5e-324, 0},	  {1e-300, -1e-300}, {1e15, -1e15},
		{123456789, -3},   {0, 0},	     {2.5e307, -1e308}};
	for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++) {
		struct arena a;
		arena_init(&a);
		const char *keys[] = {"a", "b"};
		struct statistic s = {0};
		s.id = "x";
		s.chart = CHART_BAR;
		s.series_count = 1;
		s.series = arena_alloc(&a, sizeof *s.series);
		s.series[0].count = 2;
		s.series[0].points = arena_alloc(&a, 2 * sizeof(struct point));
		for (int i = 0; i < 2; i++)
			s.series[0].points[i] =
				(struct point){keys[i], pairs[p][i], {0}};
		struct chart_words w = chart_words(S_words(LANG_EN));
		struct chart *c = chart_from_statistic(&a, &s, LANG_EN,
						       LANG_EN, &w);
		double lo = fmin(0, fmin(pairs[p][0], pairs[p][1]));
		double hi = fmax(0, fmax(pairs[p][0], pairs[p][1]));
		CHECK(isfinite(c->lo) && isfinite(c->hi));
		CHECK(c->lo <= lo && c->hi >= hi && c->lo < c->hi);
		CHECK(c->tick_count >= 2 && c->tick_count <= 16);
		for (size_t t = 0; t < c->tick_count; t++) {
			CHECK(isfinite(c->ticks[t].value));
			CHECK(c->ticks[t].value >= c->lo &&
			      c->ticks[t].value <= c->hi);
			CHECK(t == 0 ||
			      c->ticks[t].value > c->ticks[t - 1].value);
		}
		for (int i = 0; i < 2; i++) {
			double f = chart_fraction(c, pairs[p][i]);
			CHECK(f >= 0 && f <= 1);
		}
		struct buf b;
		buf_init(&b);
		chart_write_svg(&b, c, "c1");
		CHECK(strstr(b.data, "nan") == NULL &&
		      strstr(b.data, "inf") == NULL);
		buf_free(&b);
		arena_free(&a);
	}
	/* every digit of the largest double, not the first 63 */
	struct buf b;
	buf_init(&b);
	struct chart big = {.words = S_words(LANG_EN)};
	chart_format_number(&b, 1e308, &big);
	CHECK(b.len == 309 + 102 && !strncmp(b.data, "100,000,", 8));
	buf_free(&b);
}

/* A statistic of two series where the second lacks a key. */
static struct statistic S_stat(struct arena *a)
{
	static const char *const keys[] = {"2022", "2023", "2024"};
	struct statistic s = {0};
	s.id = "budget";
	s.title.any = "Budget <&>";
	s.title.present = true;
	s.unit.any = "USD";
	s.unit.present = true;
	s.chart = CHART_LINE;
	s.series_count = 2;
	s.series = arena_alloc(a, 2 * sizeof *s.series);
	s.series[0].label = (struct text){.any = "Planned", .present = true};
	s.series[0].count = 3;
	s.series[0].points = arena_alloc(a, 3 * sizeof(struct point));
	for (int i = 0; i < 3; i++)
		s.series[0].points[i] = (struct point){keys[i], 1000.0 * (i + 1), {0}};
	s.series[1].label = (struct text){.any = "Spent", .present = true};
	s.series[1].count = 2;
	s.series[1].points = arena_alloc(a, 2 * sizeof(struct point));
	s.series[1].points[0] = (struct point){"2022", 900, {0}};
	s.series[1].points[1] = (struct point){"2024", 3100, {0}};
	return s;
}

static void S_statistic(void)
{
	struct arena a;
	arena_init(&a);
	struct statistic s = S_stat(&a);
	struct chart_words w = chart_words(S_words(LANG_EN));
	struct chart *c = chart_from_statistic(&a, &s, LANG_EN, LANG_EN, &w);
	CHECK(c->type == CHART_TYPE_LINE);
	CHECK(c->category_count == 3);
	CHECK(c->series_count == 2);
	CHECK(c->series[1].present[0] && !c->series[1].present[1] &&
	      c->series[1].present[2]);
	CHECK(c->series[1].values[2] == 3100);
	CHECK(c->lo == 0 && c->hi >= 3100);
	CHECK(c->tick_count >= 3 && c->ticks[0].value == 0);
	CHECK(chart_fraction(c, c->hi) == 1);
	CHECK(strstr(c->summary, "Line chart: Budget <&> (USD).") == c->summary);
	CHECK(strstr(c->summary, "Spent: 2022 900; 2023 no data; 2024 3,100.") != NULL);

	struct buf b;
	buf_init(&b);
	chart_write_svg(&b, c, "c1");
	CHECK(strstr(b.data, "<svg ") != NULL);
	CHECK(strstr(b.data, "aria-labelledby=\"c1-t\"") != NULL);
	CHECK(strstr(b.data, "Budget &lt;&amp;&gt;") != NULL);
	CHECK(strstr(b.data, "<table") != NULL);
	/* "Spent" runs on across its gap, dashed there: its two figures
	 * joined by one dashed line in each of the chart's two sizes */
	CHECK(strstr(b.data, "<polyline") != NULL);
	size_t dashes = 0;
	for (const char *p = b.data; (p = strstr(p, "stroke-dasharray")); p++)
		dashes++;
	CHECK(dashes == 2);
	/* a missing figure in the data table: seen "–", heard "no data" */
	CHECK(strstr(b.data, "<span aria-hidden=\"true\">") != NULL &&
	      strstr(b.data, "<span class=\"visually-hidden\">") != NULL);
	CHECK(strstr(b.data, "<&>") == NULL);
	buf_free(&b);

	s.chart = CHART_TABLE;
	c = chart_from_statistic(&a, &s, LANG_EN, LANG_EN, &w);
	buf_init(&b);
	chart_write_svg(&b, c, "c2");
	CHECK(strstr(b.data, "<svg") == NULL && strstr(b.data, "<table") != NULL);
	buf_free(&b);
	arena_free(&a);
}

static void S_stacked(void)
{
	struct arena a;
	arena_init(&a);
	struct cluster cl[2] = {{.id = "a", .index = 0}, {.id = "b", .index = 1}};
	cl[0].title = (struct text){.any = "Alpha", .present = true};
	cl[1].title = (struct text){.any = "Beta", .present = true};
	struct recommendation recs[3] = {0};
	recs[0].cluster = &cl[0];
	recs[0].status = STATUS_IMPLEMENTED;
	recs[1].cluster = &cl[0];
	recs[1].status = STATUS_NOT_ASSESSED;
	recs[2].cluster = &cl[1];
	recs[2].status = STATUS_IMPLEMENTED;
	struct report r = {0};
	r.languages[0] = LANG_EN;
	r.language_count = 1;
	r.clusters = cl;
	r.cluster_count = 2;
	r.recs = recs;
	r.rec_count = 3;
	struct chart_words w = chart_words(S_words(LANG_EN));
	struct chart *c = chart_status_by_cluster(&a, &r, LANG_EN, &w, NULL);
	CHECK(c->type == CHART_TYPE_STACKED && c->horizontal);
	CHECK(c->series_count == STATUS_COUNT && c->category_count == 2);
	CHECK(c->series[STATUS_IMPLEMENTED].values[0] == 1);
	CHECK(c->series[STATUS_NOT_ASSESSED].values[0] == 1);
	CHECK(c->series[STATUS_IMPLEMENTED].values[1] == 1);
	CHECK(c->hi >= 2);
	CHECK(strstr(c->summary, "Alpha: Implemented 1,") != NULL);
	CHECK(c->series[0].colour == chart_status_colour(STATUS_IMPLEMENTED));
	arena_free(&a);
}

/* A statistic of one series over the given years. */
static struct statistic S_years(struct arena *a, const char *const *keys,
				size_t n)
{
	struct statistic s = {0};
	s.id = "years";
	s.chart = CHART_BAR;
	s.series_count = 1;
	s.series = arena_alloc(a, sizeof *s.series);
	s.series[0].count = n;
	s.series[0].points = arena_alloc(a, n * sizeof(struct point));
	for (size_t i = 0; i < n; i++)
		s.series[0].points[i] = (struct point){keys[i], 10.0 * (double)(i + 1), {0}};
	return s;
}

/* A year missing between others gets its place, without a figure (the
 * bar chart says "–" there); far-apart years and other keys stay. */
static void S_missing_years(void)
{
	struct arena a;
	arena_init(&a);
	struct chart_words w = chart_words(S_words(LANG_EN));
	static const char *const gap[] = {"2017", "2018", "2019", "2021"};
	struct statistic s = S_years(&a, gap, 4);
	struct chart *c = chart_from_statistic(&a, &s, LANG_EN, LANG_EN, &w);
	CHECK(c->category_count == 5);
	CHECK_STR(c->categories[3], "2020");
	CHECK(!c->series[0].present[3] && c->series[0].present[4]);
	CHECK(c->series[0].values[4] == 40);
	struct buf b;
	buf_init(&b);
	chart_write_svg(&b, c, "y");
	CHECK(strstr(b.data, ">\xE2\x80\x93</text>") != NULL);
	buf_free(&b);

	/* every other year of 2010-2022: 13 places, still upright */
	static const char *const even[] = {"2010", "2012", "2014", "2016",
					   "2018", "2020", "2022"};
	s = S_years(&a, even, 7);
	c = chart_from_statistic(&a, &s, LANG_EN, LANG_EN, &w);
	CHECK(c->category_count == 13 && !c->horizontal);

	static const char *const far[] = {"1990", "2020"};
	s = S_years(&a, far, 2);
	CHECK(chart_from_statistic(&a, &s, LANG_EN, LANG_EN, &w)->category_count == 2);
	static const char *const unordered[] = {"2021", "2019", "2018"};
	s = S_years(&a, unordered, 3);
	CHECK(chart_from_statistic(&a, &s, LANG_EN, LANG_EN, &w)->category_count == 3);
	static const char *const regions[] = {"Lima", "Puno"};
	s = S_years(&a, regions, 2);
	CHECK(chart_from_statistic(&a, &s, LANG_EN, LANG_EN, &w)->category_count == 2);
	arena_free(&a);
}

int main(void)
{
	arena_init(&S_arena);
	S_numbers();
	S_statistic();
	S_missing_years();
	S_stacked();
	S_extreme_scales();
	arena_free(&S_arena);
	return check_done("test_chart");
}
