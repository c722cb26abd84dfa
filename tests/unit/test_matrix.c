/* test_matrix — the recommendation matrix both back ends draw: which rows
 * each filter keeps, the words of its cells, the labels that replace
 * uprgen's own words, and a warning for a filter it does not know. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture_words.h"
#include "matrix.h"
#include "yamlread.h"

static struct text S_text(const char *s)
{
	return (struct text){.any = s, .present = true};
}

/* Four recommendations: 1.1 (a, supported, implemented, SDG 16.10),
 * 1.2 (a, noted, SDG 5), 1.3 (b, partially supported, partially
 * implemented, SDG 16), 1.4 (b, supported, text in two languages). */
static struct report *S_report(struct arena *a)
{
	struct report *r = arena_alloc(a, sizeof *r);
	memset(r, 0, sizeof *r);
	r->languages[0] = LANG_ES;
	r->languages[1] = LANG_EN;
	r->language_count = 2;
	r->rec_count = 4;
	r->recs = arena_alloc(a, 4 * sizeof *r->recs);
	memset(r->recs, 0, 4 * sizeof *r->recs);
	static const char *const ids[] = {"1.1", "1.2", "1.3", "1.4"};
	static const char *const clusters[] = {"a", "a", "b", "b"};
	for (int i = 0; i < 4; i++) {
		struct recommendation *rec = &r->recs[i];
		rec->id = ids[i];
		rec->cluster_id = clusters[i];
		rec->text = S_text(arena_printf(a, "Text %d", i + 1));
		rec->status = STATUS_NOT_ASSESSED;
		rec->states.count = 2;
		rec->states.items = arena_alloc(a, 2 * sizeof(struct text));
		rec->states.items[0] = S_text("Chile");
		rec->states.items[1] = S_text("Perú");
	}
	r->recs[0].status = STATUS_IMPLEMENTED;
	r->recs[1].position = POSITION_NOTED;
	r->recs[2].position = POSITION_PARTIALLY_SUPPORTED;
	r->recs[2].status = STATUS_PARTIALLY_IMPLEMENTED;
	r->recs[3].text = (struct text){.by_lang = {[LANG_EN] = "In English",
						    [LANG_ES] = "En español"},
					.present = true};
	static struct sdg sdgs[] = {{16, "16.10", "16.10", {0}},
				    {5, NULL, "5", {0}},
				    {16, NULL, "16", {0}}};
	for (int i = 0; i < 3; i++) {
		r->recs[i].sdgs = &sdgs[i];
		r->recs[i].sdg_count = 1;
	}
	return r;
}

/* The ids of the rows filter keeps, joined by spaces. */
static char *S_ids(const struct report *r, const char *filter,
		   struct diags *d)
{
	struct matrix m;
	matrix_select(&m, r, filter, LANG_EN, (struct source_pos){"t.md", 3, 1},
		      d);
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < m.count; i++)
		buf_printf(&b, "%s%s", i ? " " : "", m.rows[i]->id);
	buf_putc(&b, '\0');
	matrix_free(&m);
	return buf_detach(&b);
}

static void S_check_ids(const struct report *r, const char *filter,
			const char *want)
{
	char *got = S_ids(r, filter, NULL);
	CHECK_STR(got, want);
	free(got);
}

static void test_filters(void)
{
	struct arena a;
	arena_init(&a);
	struct report *r = S_report(&a);
	S_check_ids(r, NULL, "1.1 1.2 1.3 1.4");
	S_check_ids(r, "", "1.1 1.2 1.3 1.4");
	S_check_ids(r, "cluster=a", "1.1 1.2");
	S_check_ids(r, "position=noted", "1.2");
	S_check_ids(r, "position=supported", "1.1 1.4");
	S_check_ids(r, "status=implemented", "1.1");
	S_check_ids(r, "status=not-assessed cluster=b", "1.4");
	S_check_ids(r, "  cluster=b\tposition=partially-supported ", "1.3");
	S_check_ids(r, "sdg=16", "1.1 1.3");   /* the goal and its targets */
	S_check_ids(r, "sdg=16.10", "1.1");    /* that target only */
	S_check_ids(r, "sdg=5", "1.2");
	S_check_ids(r, "status=done", "");     /* no such status: no row */
	S_check_ids(r, "cluster=zz", "");

	struct diags d;
	diags_init(&d);
	char *got = S_ids(r, "colour=red cluster=a", &d);
	CHECK_STR(got, "1.1 1.2");
	CHECK(d.warnings == 1 && d.errors == 0);
	free(got);
	diags_free(&d);
	arena_free(&a);
}

static char *S_cell(const struct matrix *m, const struct matrix_words *w,
		    size_t i, enum matrix_column c)
{
	struct buf b;
	buf_init(&b);
	matrix_cell(&b, m, w, i, c);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

static void S_check_cell(const struct matrix *m, const struct matrix_words *w,
			 size_t i, enum matrix_column c, const char *want)
{
	char *got = S_cell(m, w, i, c);
	CHECK_STR(got, want);
	free(got);
}

static void test_cells(void)
{
	struct arena a;
	arena_init(&a);
	struct report *r = S_report(&a);
	struct matrix m;
	struct matrix_words en = matrix_words(fixture_words(&a, LANG_EN));
	matrix_select(&m, r, NULL, LANG_EN, (struct source_pos){0}, NULL);
	S_check_cell(&m, &en, 0, MATRIX_ID, "1.1");
	S_check_cell(&m, &en, 0, MATRIX_TEXT, "Text 1");
	S_check_cell(&m, &en, 0, MATRIX_STATES, "Chile, Perú");
	S_check_cell(&m, &en, 1, MATRIX_POSITION, "Noted");
	S_check_cell(&m, &en, 0, MATRIX_STATUS, "Implemented");
	S_check_cell(&m, &en, 3, MATRIX_TEXT, "In English");
	CHECK_STR(en.heading[MATRIX_TEXT], "Recommendation");
	matrix_free(&m);
	CHECK(m.rows == NULL && m.count == 0);

	/* French is missing: the report's first language (es) stands in */
	struct matrix_words fr = matrix_words(fixture_words(&a, LANG_FR));
	matrix_select(&m, r, "cluster=b", LANG_FR, (struct source_pos){0},
		      NULL);
	S_check_cell(&m, &fr, 1, MATRIX_TEXT, "En español");
	S_check_cell(&m, &fr, 0, MATRIX_POSITION, "Acceptée en partie");
	matrix_free(&m);
	arena_free(&a);
}

static void test_labels(void)
{
	struct arena a;
	arena_init(&a);
	struct diags d;
	diags_init(&d);
	const char *y = "matrix_text: Recomendación recibida\n"
			"position_noted: Tomada en cuenta\n"
			"status_implemented: Cumplida\n"
			"matrix_id: ''\n";
	/* a project's own labels/es.yaml, laid over the built-in one */
	char dir[] = "/tmp/uprgen-matrix-XXXXXX";
	CHECK(fixture_project_labels(dir, LANG_ES, y));
	struct template_dirs t = {dir, "templates"};
	struct words words;
	words_init(&words, &a, LANG_ES, words_labels(&a, &d, &t, LANG_ES));
	CHECK(d.errors == 0);
	fixture_project_labels_remove(dir, LANG_ES);
	struct matrix_words w = matrix_words(&words);
	CHECK_STR(w.heading[MATRIX_TEXT], "Recomendación recibida");
	CHECK_STR(w.position[POSITION_NOTED], "Tomada en cuenta");
	CHECK_STR(w.status[STATUS_IMPLEMENTED], "Cumplida");
	CHECK_STR(w.heading[MATRIX_ID], "N.º"); /* an empty label is not used */
	CHECK_STR(w.status[STATUS_NOT_ASSESSED], "No evaluada");
	diags_free(&d);
	arena_free(&a);
}

int main(void)
{
	test_filters();
	test_cells();
	test_labels();
	return check_done("matrix");
}
