/*
 * test_context — the template context of tests/context (a report in en,
 * es and fr whose counts and texts are known), and of a synthetic report
 * of 5,000 recommendations for speed.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "context.h"
#include "yamlread.h"

/* The value at a dotted path; a numeric part indexes a list (0-based). */
static const struct value *S_at(const struct value *v, const char *path)
{
	char part[128];
	while (v && *path) {
		size_t n = strcspn(path, ".");
		if (n >= sizeof part)
			return NULL;
		memcpy(part, path, n);
		part[n] = '\0';
		path += n + (path[n] == '.');
		if (v->kind == VALUE_LIST) {
			char *end;
			unsigned long i = strtoul(part, &end, 10);
			v = *end || i >= v->count ? NULL : v->items[i];
		} else {
			v = value_map_get(v, part);
		}
	}
	return v;
}

static const char *S_str(const struct value *ctx, const char *path)
{
	const struct value *v = S_at(ctx, path);
	return v && v->kind == VALUE_STRING ? v->str : NULL;
}

static double S_num(const struct value *ctx, const char *path)
{
	const struct value *v = S_at(ctx, path);
	return v && v->kind == VALUE_NUMBER ? v->number : -1;
}

static int S_bool(const struct value *ctx, const char *path)
{
	const struct value *v = S_at(ctx, path);
	return v && v->kind == VALUE_BOOL ? v->boolean : -1;
}

/* The ids of a list of recommendations, joined by spaces. */
static const char *S_ids(const struct value *ctx, const char *path)
{
	static char out[256];
	const struct value *list = S_at(ctx, path);
	out[0] = '\0';
	for (size_t i = 0; list && i < list->count; i++) {
		if (i)
			strcat(out, " ");
		strncat(out, value_map_get(list->items[i], "id")->str, 16);
	}
	return out;
}

static struct value *S_labels(struct arena *a, struct diags *d,
			      const char *lang)
{
	char path[64];
	snprintf(path, sizeof path, "templates/labels/%s.yaml", lang);
	return yamlread_file(a, d, path, path);
}

static const struct words *S_words(struct arena *a, struct diags *d,
				   enum lang l)
{
	struct words *w = arena_alloc(a, sizeof *w);
	words_init(w, a, l, S_labels(a, d, lang_code(l)));
	return w;
}

static void S_report_fields(const struct value *en, const struct value *es,
			    const struct value *fr)
{
	CHECK_STR(S_str(en, "report.adopted.text"), "1\u00a0July\u00a02023");
	CHECK_STR(S_str(es, "report.adopted.text"), "1\u00a0de\u00a0julio\u00a0de\u00a02023");
	CHECK_STR(S_str(fr, "report.adopted.text"), "1er\u00a0juillet\u00a02023");
	CHECK_STR(S_str(en, "report.date.text"), "14\u00a0July\u00a02023");
	CHECK_STR(S_str(es, "report.date.text"), "14\u00a0de\u00a0julio\u00a0de\u00a02023");
	CHECK_STR(S_str(fr, "report.date.text"), "14\u00a0juillet\u00a02023");
	CHECK_STR(S_str(fr, "report.date.iso"), "2023-07-14");
	CHECK(S_num(en, "report.date.year") == 2023);
	CHECK_STR(S_str(es, "report.period.to.text"), "30\u00a0de\u00a0junio\u00a0de\u00a02025");
	CHECK_STR(S_str(en, "report.session_ordinal"), "42nd");
	CHECK_STR(S_str(es, "report.session_ordinal"), "42.º");
	CHECK_STR(S_str(fr, "report.session_ordinal"), "42\u1d49");
	CHECK_STR(S_str(en, "report.cycle_ordinal"), "fourth");
	CHECK_STR(S_str(fr, "report.cycle_ordinal"), "quatrième");
	CHECK_STR(S_str(es, "report.title"),
		  "Informe de mitad de período de Testland");
	/* no French title: the report's first language stands in */
	CHECK_STR(S_str(fr, "report.title"), "Mid-term report of Testland");
	/* plain text is given as written: escaping is the engine's job */
	CHECK_STR(S_str(es, "report.subtitle"),
		  "Follow-up <of> *recommendations*");
	CHECK_STR(S_str(fr, "report.prepared_by"), "Ministère de la Justice");
	CHECK_STR(S_str(fr, "report.symbol"), "");
	CHECK_STR(S_str(es, "report.languages.0.name"), "inglés");
	CHECK_STR(S_str(es, "report.languages.1.native"), "Español");
	CHECK(S_bool(es, "report.languages.1.current") == 1);
	CHECK(S_bool(es, "report.languages.0.current") == 0);
	CHECK(S_bool(es, "report.languages.0.original") == 1);
	CHECK_STR(S_str(fr, "report.original_language.name"), "anglais");
	CHECK(S_bool(fr, "lang_is.fr") == 1 && S_bool(fr, "lang_is.en") == 0);
	CHECK_STR(S_str(fr, "lang"), "fr");
}

static void S_counts(const struct value *en, const struct value *es)
{
	CHECK(S_num(en, "count") == 6);
	CHECK(S_num(en, "by_position.supported.count") == 3);
	CHECK(S_num(en, "by_position.partially_supported.count") == 1);
	CHECK(S_num(en, "by_position.noted.count") == 2);
	/* 50 + 16.7 + 33.3: the point left goes to the largest remainder */
	CHECK_STR(S_str(en, "positions.0.percent"), "50%");
	CHECK_STR(S_str(en, "positions.1.percent"), "17%");
	CHECK_STR(S_str(en, "positions.2.percent"), "33%");
	CHECK_STR(S_str(es, "positions.2.percent"), "33\u00a0%");
	CHECK(S_num(en, "by_status.implemented.percent_value") == 33);
	CHECK(S_num(en, "by_status.partially_implemented.percent_value") == 17);
	CHECK(S_num(en, "by_status.not_implemented.percent_value") == 17);
	CHECK(S_num(en, "by_status.not_assessed.percent_value") == 33);
	CHECK(S_bool(en, "by_status.not_assessed.any") == 1);
	/* the cross table: implemented and noted is 1.1 */
	CHECK(S_num(en, "statuses.0.positions.2.count") == 1);
	CHECK(S_num(en, "statuses.0.positions.1.count") == 0);
	CHECK_STR(S_str(es, "statuses.3.label"), "No evaluada");
	CHECK_STR(S_str(es, "positions.2.label"), "Anotada");
	CHECK(S_at(en, "by_status.implemented.recommendations") == NULL);
	/* clusters: 4 and 2 of 6 */
	CHECK(S_num(en, "clusters.0.count") == 4);
	CHECK_STR(S_str(en, "clusters.0.percent"), "67%");
	CHECK_STR(S_str(en, "clusters.1.percent"), "33%");
	CHECK(S_num(en, "cluster.beta.by_position.noted.count") == 1);
	CHECK_STR(S_str(en, "cluster.alpha.by_status.implemented.percent"),
		  "50%");
	/* goals: 1.1 names 16 twice (16.10 and 16) but counts once */
	CHECK(S_at(en, "goals")->count == 2);
	CHECK(S_num(en, "goals.0.goal") == 5);
	CHECK(S_num(en, "goals.1.count") == 2);
	CHECK_STR(S_str(en, "goals.1.percent"), "33%");
	CHECK_STR(S_str(es, "goals.1.title"),
		  "Paz, justicia e instituciones sólidas");
	CHECK_STR(S_ids(en, "goals.1.recommendations"), "1.1 1.2");
}

static void S_grouping(const struct value *en)
{
	/* file order at the top, matrix order in clusters: supported,
	 * partially supported, noted, each in file order */
	CHECK_STR(S_ids(en, "recommendations"), "1.1 1.2 1.3 1.4 1.5 1.6");
	CHECK_STR(S_ids(en, "clusters.0.recommendations"), "1.3 1.5 1.4 1.1");
	CHECK_STR(S_ids(en, "clusters.1.recommendations"), "1.2 1.6");
	CHECK_STR(S_ids(en, "clusters.0.positions.0.recommendations"),
		  "1.3 1.5");
	CHECK_STR(S_ids(en, "by_position.noted.recommendations"), "1.1 1.6");
	CHECK_STR(S_ids(en, "with_assistance"), "1.5");
	CHECK_STR(S_str(en, "clusters.1.letter"), "B");
	CHECK_STR(S_str(en, "clusters.1.url"), "clusters/beta.html");
	/* list markers, per list: 1.5 is second in its cluster, fifth at
	 * the top */
	CHECK(S_num(en, "clusters.0.recommendations.1.index") == 2);
	CHECK(S_num(en, "recommendations.4.index") == 5);
	CHECK(S_bool(en, "clusters.0.recommendations.0.first") == 1);
	CHECK(S_bool(en, "clusters.0.recommendations.0.last") == 0);
	CHECK(S_bool(en, "clusters.0.recommendations.3.last") == 1);
	CHECK(S_bool(en, "recommendations.0.states.2.last") == 1);
	CHECK(S_num(en, "recommendations.0.states.1.index") == 2);
	CHECK(S_bool(en, "clusters.1.last") == 1);
	CHECK(S_bool(en, "report.languages.2.last") == 1);
}

static void S_recommendation(const struct value *en, const struct value *es,
			     const struct value *fr)
{
	const struct value *r1 = S_at(en, "recommendations.0");
	CHECK_STR(S_str(r1, "states_text"), "Chile, Spain and Norway");
	CHECK_STR(S_str(es, "recommendations.0.states_text"),
		  "Chile, España y Noruega");
	CHECK_STR(S_str(es, "recommendations.2.states_text"),
		  "España e Italia");
	CHECK_STR(S_str(es, "recommendations.4.states_text"), "Chile y Haití");
	CHECK_STR(S_str(fr, "recommendations.2.states_text"), "Spain et Italy");
	CHECK_STR(S_str(r1, "url"), "recommendations/1.1.html");
	CHECK_STR(S_str(r1, "anchor"), "rec-1.1");
	CHECK_STR(S_str(r1, "position.id"), "noted");
	CHECK(S_bool(r1, "position.noted") == 1);
	CHECK(S_bool(r1, "position.supported") == 0);
	CHECK_STR(S_str(fr, "recommendations.0.position.label"), "Notée");
	CHECK(S_bool(r1, "status.implemented") == 1);
	CHECK_STR(S_str(en, "recommendations.5.status.id"), "not-assessed");
	CHECK(S_bool(en, "recommendations.5.status.assessed") == 0);
	CHECK_STR(S_str(r1, "cluster.title"), "Alpha rights");
	CHECK_STR(S_str(r1, "sdgs_text"), "16.10, 5.a, 16");
	CHECK_STR(S_str(r1, "sdgs.0.target"), "10");
	CHECK(S_bool(r1, "sdgs.2.is_target") == 0);
	CHECK_STR(S_str(r1, "sdgs.1.title"), "Gender equality");
	CHECK_STR(S_str(r1, "actions.0.date.text"), "March\u00a02024");
	CHECK_STR(S_str(es, "recommendations.0.actions.0.date.text"),
		  "marzo\u00a0de\u00a02024");
	CHECK_STR(S_str(es, "recommendations.0.actions.0.date.capitalized"),
		  "Marzo\u00a0de\u00a02024");
	CHECK_STR(S_str(fr, "report.adopted.capitalized"), "1er\u00a0juillet\u00a02023");
	CHECK_STR(S_str(fr, "recommendations.5.actions.0.date.capitalized"),
		  "Décembre\u00a02023");
	CHECK_STR(S_str(fr, "recommendations.5.actions.0.date.iso"),
		  "2023-12");
	CHECK_STR(S_str(fr, "recommendations.0.actions.1.date.text"),
		  "1er\u00a0mai\u00a02024");
	CHECK_STR(S_str(r1, "actions.0.source"), "Official Gazette");
	CHECK_STR(S_str(r1, "actions.1.source"), "");
	/* trailing newlines of YAML block text are dropped */
	CHECK_STR(S_str(r1, "challenges"), "Money.");
	CHECK_STR(S_str(r1, "assistance"), "");
	/* fallback to the first language, field by field */
	CHECK_STR(S_str(fr, "recommendations.0.text"), "Ratify the protocol");
	CHECK_STR(S_str(fr, "recommendations.0.cluster.title"),
		  "Droits alpha");
	CHECK_STR(S_str(fr, "clusters.1.title"), "Beta rights");
	CHECK_STR(S_str(en, "recommendations.3.related.0.para"), "15");
	CHECK_STR(S_str(en, "recommendations.3.related.0.text"), "");
	CHECK_STR(S_str(en, "recommendations.3.indicators.0.id"), "budget");
	CHECK_STR(S_str(es, "recommendations.3.indicators.0.title"),
		  "Presupuesto");
	CHECK_STR(S_str(en, "statistic.budget.chart"), "bar");
	CHECK(S_num(en, "statistics.0.series.0.values.1.value") == 12.5);
	CHECK_STR(S_ids(en, "statistics.0.recommendations"), "1.4");
}

/* Every footnote label of the document, from the actions and from the
 * Markdown fields, appears once. */
static void S_footnotes(const struct value *en)
{
	const struct value *recs = S_at(en, "recommendations");
	const char *labels[64];
	size_t n = 0;
	for (size_t i = 0; i < recs->count; i++) {
		const struct value *acts = S_at(recs->items[i], "actions");
		for (size_t k = 0; k < acts->count && n < 64; k++)
			labels[n++] = S_str(acts->items[k], "footnote");
	}
	CHECK(n == 4);
	CHECK_STR(labels[0], "a1.1-1");
	CHECK_STR(labels[1], "a1.1-2");
	CHECK_STR(labels[2], "a1.2-1");
	CHECK_STR(labels[3], "a1.6-1");
	size_t dup = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++)
			dup += !strcmp(labels[i], labels[k]);
	CHECK(dup == 0);
	/* a Markdown field keeps its own labels: it is a document of its
	 * own, grafted into the report by document.c, which numbers the
	 * notes of the whole report */
	CHECK_STR(S_str(en, "recommendations.0.actions.0.text"),
		  "A law was *adopted*.[^1]\n\n[^1]: Its own note.");
	CHECK(S_at(en, "recommendations.0.actions.0.text")->markdown);
	CHECK(S_at(en, "clusters.0.description")->markdown);
	CHECK_STR(S_str(en, "chapter.foreword.content"),
		  "A word.[^1] Code: `[^x]` stays.\n\n```\n"
		  "[^y] stays too\n```\n\n"
		  "[^1]: The foreword's note.");
	CHECK_STR(S_str(en, "chapter.foreword.title"), "Foreword");
	CHECK(S_at(en, "chapter.foreword.content")->pos.line == 3);
}

static void S_chapters(const struct value *en, const struct value *es)
{
	CHECK(S_at(en, "chapters")->count == 2);
	/* a leading "# heading" becomes the title, closing #s dropped */
	CHECK_STR(S_str(en, "chapter.foreword.title"), "Foreword");
	CHECK_STR(S_str(en, "chapter.foreword.heading"), "Foreword");
	CHECK(S_bool(en, "chapter.foreword.standard") == 1);
	CHECK(S_bool(en, "chapter.foreword.present") == 1);
	/* without one, the heading is the label of a standard chapter... */
	CHECK(S_bool(es, "chapter.methodology.present") == 0);
	CHECK_STR(S_str(es, "chapter.methodology.heading"),
		  "Metodología y proceso de consulta");
	CHECK_STR(S_str(es, "chapter.methodology.content"), "");
	/* ...or the id of another */
	CHECK_STR(S_str(en, "chapter.notes.heading"), "notes");
	CHECK_STR(S_str(en, "chapter.notes.title"), "");
	CHECK(S_at(en, "other_chapters")->count == 1);
	CHECK_STR(S_str(en, "other_chapters.0.id"), "notes");
	CHECK(S_bool(en, "other_chapters.0.last") == 1);
}

/* Without labels nothing is missing: keys and plain forms stand in. */
static void S_no_labels(struct arena *a, const struct report *r)
{
	struct words none;
	words_init(&none, a, LANG_EN, NULL);
	struct value *ctx = context_build(a, r, &none);
	CHECK_STR(S_str(ctx, "positions.0.label"), "supported");
	CHECK_STR(S_str(ctx, "positions.0.percent"), "50%");
	CHECK_STR(S_str(ctx, "report.date.text"), "14\u00a007\u00a02023");
	CHECK_STR(S_str(ctx, "report.session_ordinal"), "42");
	/* no word of any language in C: a neutral list */
	CHECK_STR(S_str(ctx, "recommendations.0.states_text"),
		  "Chile, Spain, Norway");
	CHECK(S_at(ctx, "labels")->kind == VALUE_MAP);
}

static void S_fixture(void)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct report *r = report_load(&a, &d, "tests/context");
	CHECK(r != NULL);
	if (!r)
		return;
	report_validate(r, &d);
	CHECK(d.errors == 0);
	struct value *en, *es, *fr;
	en = context_build(&a, r, S_words(&a, &d, LANG_EN));
	es = context_build(&a, r, S_words(&a, &d, LANG_ES));
	fr = context_build(&a, r, S_words(&a, &d, LANG_FR));
	CHECK(d.errors == 0);
	diags_print(&d, stderr, 1);
	S_report_fields(en, es, fr);
	S_counts(en, es);
	S_grouping(en);
	S_recommendation(en, es, fr);
	S_footnotes(en);
	S_chapters(en, es);
	S_no_labels(&a, r);
	diags_free(&d);
	arena_free(&a);
}

/* A report of n recommendations in 20 clusters, made in memory. */
static struct report *S_synthetic(struct arena *a, size_t n)
{
	struct report *r = arena_alloc(a, sizeof *r);
	r->state = (struct text){.any = "Synthland", .present = true};
	r->cycle = 4;
	r->session = "42";
	r->outcome = "A/HRC/1/1";
	r->languages[0] = LANG_EN;
	r->language_count = 1;
	r->cluster_count = 20;
	r->clusters = arena_alloc(a, r->cluster_count * sizeof *r->clusters);
	for (size_t i = 0; i < r->cluster_count; i++) {
		r->clusters[i].id = arena_printf(a, "cluster-%zu", i);
		r->clusters[i].title.any = "A cluster";
		r->clusters[i].title.present = true;
		r->clusters[i].index = i;
	}
	r->rec_count = n;
	r->recs = arena_alloc(a, n * sizeof *r->recs);
	static const struct text states[] = {{.any = "Chile", .present = true},
					     {.any = "Spain", .present = true}};
	for (size_t i = 0; i < n; i++) {
		struct recommendation *rec = &r->recs[i];
		rec->id = arena_printf(a, "110.%zu", i + 1);
		rec->text.any = "Do what the recommendation says, in full.";
		rec->text.present = true;
		rec->states.items = (struct text *)states;
		rec->states.count = 2;
		rec->position = (enum position)(i * 7 % POSITION_COUNT);
		rec->status = (enum status)(i * 5 % STATUS_COUNT);
		rec->cluster = &r->clusters[i * 13 % r->cluster_count];
		rec->sdgs = arena_alloc(a, 2 * sizeof *rec->sdgs);
		rec->sdgs[0] = (struct sdg){.goal = 16, .code = "16.10"};
		rec->sdgs[1] = (struct sdg){.goal = (int)(i % 17) + 1,
					    .code = "5"};
		rec->sdg_count = 2;
		rec->actions = arena_alloc(a, 2 * sizeof *rec->actions);
		for (int k = 0; k < 2; k++) {
			struct action *act = &rec->actions[k];
			act->date = (struct date){2024, 3, 1 + k, {0}, true};
			act->text.any = "A decree.[^1]\n\n[^1]: Its note.";
			act->text.present = true;
			act->source.any = "Official Gazette, 2024.";
			act->source.present = true;
		}
		rec->action_count = 2;
		rec->index = i;
	}
	return r;
}

static void S_speed(void)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct report *r = S_synthetic(&a, 5000);
	const struct words *w = S_words(&a, &d, LANG_EN);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct value *ctx = context_build(&a, r, w);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	printf("5000 recommendations: context in %.1f ms\n", ms);
	CHECK(S_num(ctx, "count") == 5000);
	CHECK(S_at(ctx, "recommendations")->count == 5000);
	CHECK(S_num(ctx, "clusters.19.count") == 250);
	CHECK(S_num(ctx, "goals.15.count") == 5000);
	/* linear: a fraction of a second even under the sanitizers on a
	 * busy machine; a quadratic grouping would take minutes */
	CHECK(ms < 5000);
	diags_free(&d);
	arena_free(&a);
}

int main(void)
{
	S_fixture();
	S_speed();
	return check_done("test_context");
}
