/* test_pdf_break — the line breaker on known inputs, hyphenation points,
 * and paragraphs set with the real fonts: no line wider than the measure,
 * hyphens where words are divided, overlong words broken. */
#include <hpdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../gen/pdf_int.h"
#include "check.h"

static void S_item(struct pdf_item *it, enum pdf_item_kind k, double w,
		   int penalty)
{
	memset(it, 0, sizeof *it);
	it->kind = k;
	it->width = w;
	it->penalty = penalty;
	if (k == PDF_GLUE) {
		it->stretch = w / 2;
		it->shrink = w / 3;
	}
}

/* The narrowest each line can be set: natural width less all shrink. */
static double S_tightest(const struct pdf_item *it, size_t from, size_t to)
{
	double w = 0;
	for (size_t i = from; i < to; i++)
		if (it[i].kind == PDF_BOX)
			w += it[i].width;
		else if (it[i].kind == PDF_GLUE)
			w += it[i].width - it[i].shrink;
	if (it[to].kind == PDF_PENALTY)
		w += it[to].width;
	return w;
}

static void test_synthetic(void)
{
	enum { N = 600 };
	struct pdf_item it[2 * N + 2];
	size_t n = 0;
	srand(7);
	for (int i = 0; i < N; i++) {
		S_item(&it[n++], PDF_BOX, 8 + rand() % 40, 0);
		S_item(&it[n++], PDF_GLUE, 4, 0);
	}
	n--; /* no glue at the end */
	S_item(&it[n++], PDF_GLUE, 0, 0);
	it[n - 1].stretch = 1e5;
	S_item(&it[n++], PDF_PENALTY, 0, -PDF_INF_PENALTY);
	size_t *br;
	size_t lines = pdf_break_lines(it, n, 250, &br);
	CHECK(lines > 10);
	CHECK(br[lines - 1] == n - 1);
	size_t from = 0;
	bool ok = true;
	for (size_t k = 0; k < lines; k++) {
		while (from < br[k] && it[from].kind != PDF_BOX)
			from++;
		ok &= S_tightest(it, from, br[k]) <= 250 + 1e-6;
		ok &= k == 0 || br[k] > br[k - 1];
		from = br[k] + 1;
	}
	CHECK(ok);
	free(br);
}

static void test_box_too_wide(void)
{
	struct pdf_item it[5];
	S_item(&it[0], PDF_BOX, 30, 0);
	S_item(&it[1], PDF_GLUE, 4, 0);
	S_item(&it[2], PDF_BOX, 500, 0);
	S_item(&it[3], PDF_GLUE, 0, 0);
	S_item(&it[4], PDF_PENALTY, 0, -PDF_INF_PENALTY);
	size_t *br;
	size_t lines = pdf_break_lines(it, 5, 100, &br);
	CHECK(lines == 2);
	CHECK(lines == 2 && br[0] == 1 && br[1] == 4);
	free(br);
}

/* Four boxes of 50 with glue of 4 (stretch 2) between them, then the
 * paragraph's end. */
static size_t S_four_boxes(struct pdf_item *it)
{
	size_t n = 0;
	for (int i = 0; i < 4; i++) {
		if (i)
			S_item(&it[n++], PDF_GLUE, 4, 0);
		S_item(&it[n++], PDF_BOX, 50, 0);
	}
	S_item(&it[n++], PDF_GLUE, 0, 0);
	it[n - 1].stretch = 1e5;
	S_item(&it[n++], PDF_PENALTY, 0, -PDF_INF_PENALTY);
	return n;
}

static void test_within(void)
{
	struct pdf_item it[9];
	size_t n = S_four_boxes(it), *br;
	/* one line, spaces as they are */
	CHECK(pdf_break_within(it, n, 212, 1.0, &br) == 1);
	free(br);
	/* 180 wide: all four do not fit, and a first line of three
	 * stretches its spaces 5.5 times their stretch; the usual passes
	 * still find lines */
	CHECK(pdf_break_within(it, n, 180, 1.0, &br) == 0 && !br);
	CHECK(pdf_break_lines(it, n, 180, &br) == 2);
	free(br);
}

static void test_hyphen_points(void)
{
	struct pdf_hyphen *es = pdf_hyphen_open(LANG_ES, NULL);
	struct pdf_hyphen *en = pdf_hyphen_open(LANG_EN, NULL);
	CHECK(es && en);
	size_t pts[16];
	size_t n = pdf_hyphen_points(es, "implementación", 15, pts, 16);
	/* im-ple-men-ta-ción */
	CHECK(n == 4);
	CHECK(n == 4 && pts[0] == 2 && pts[1] == 5 && pts[2] == 8 &&
	      pts[3] == 10);
	n = pdf_hyphen_points(es, "IMPLEMENTACIÓN", 15, pts, 16);
	CHECK(n == 4);
	n = pdf_hyphen_points(en, "hyphenation", 11, pts, 16);
	CHECK(n >= 2);
	CHECK(pdf_hyphen_points(en, "abc1defgh", 9, pts, 16) == 0);
	/* again, now remembered: the same points, as many as asked */
	n = pdf_hyphen_points(es, "implementación", 15, pts, 16);
	CHECK(n == 4 && pts[0] == 2 && pts[3] == 10);
	CHECK(pdf_hyphen_points(es, "implementación", 15, pts, 2) == 2);
	pdf_hyphen_close(es);
	pdf_hyphen_close(en);
	/* Russian: Debian's patterns are KOI8-R; the points are still byte
	 * offsets of the UTF-8 word, and capitals are lowercased */
	struct pdf_hyphen *ru = pdf_hyphen_open(LANG_RU, NULL);
	CHECK(ru != NULL);
	const char *w = "рекомендации"; /* ре-коменда-ции, as Debian's patterns say */
	n = pdf_hyphen_points(ru, w, strlen(w), pts, 16);
	CHECK(n == 2 && pts[0] == 4 && pts[1] == 18);
	for (size_t i = 0; i < n; i++) /* each between two letters */
		CHECK(pts[i] % 2 == 0 && pts[i] > 0 && pts[i] < strlen(w));
	size_t m = pdf_hyphen_points(ru, "РЕКОМЕНДАЦИИ", strlen(w), pts + 8, 8);
	CHECK(m == n);
	CHECK(pdf_hyphen_points(ru, "ёлка-палка", strlen("ёлка-палка"), pts,
				16) == 0);
	pdf_hyphen_close(ru);
	CHECK(pdf_hyphen_open(LANG_AR, NULL) == NULL);
	CHECK(pdf_hyphen_open(LANG_ZH, NULL) == NULL);
}

/* Sets text in width and checks every drawn run ends within it. */
static size_t S_set(struct pdf_inline_env *env, struct pdf_para *p,
		    const char *text, double width, bool *inside,
		    size_t *hyphens)
{
	pdf_para_reset(p, PDF_SERIF, 10, 13);
	pdf_para_text(p, env, PDF_SERIF, text, strlen(text));
	pdf_para_finish(p);
	struct pdf_chunk **lines;
	size_t n = pdf_para_set(p, env, 100, width, PDF_JUSTIFY, &lines);
	*inside = true;
	*hyphens = 0;
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < lines[k]->n; i++) {
			const struct pdf_draw *d = &lines[k]->d[i];
			if (d->kind != PDF_DRAW_TEXT)
				continue;
			double end = d->x + pdf_fonts_width(env->fonts,
							    d->face, d->size,
							    d->s, d->len);
			*inside &= d->x >= 100 - 0.01 &&
				   end <= 100 + width + 0.05;
			*hyphens += d->len == 1 && d->s[0] == '-';
		}
	return n;
}

static void test_set_paragraphs(void)
{
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	HPDF_UseUTFEncodings(doc);
	HPDF_SetCurrentEncoder(doc, "UTF-8");
	struct pdf_fonts fonts;
	struct diags d;
	diags_init(&d);
	CHECK(pdf_fonts_load(&fonts, doc, NULL, &d));
	struct arena a;
	arena_init(&a);
	struct pdf_inline_env env = {
		.fonts = &fonts, .hyphen = pdf_hyphen_open(LANG_ES, NULL),
		.arena = &a};
	struct pdf_para p;
	pdf_para_init(&p);
	const char *es = "El Estado peruano ha adoptado medidas legislativas, "
			 "administrativas y de política pública orientadas a "
			 "la implementación de las recomendaciones recibidas "
			 "durante el cuarto ciclo del Examen Periódico "
			 "Universal, en coordinación con las instituciones "
			 "responsables y con la participación de la sociedad "
			 "civil organizada.";
	bool inside;
	size_t hyphens;
	size_t n = S_set(&env, &p, es, 150, &inside, &hyphens);
	CHECK(n > 5);
	CHECK(inside);
	CHECK(hyphens > 0);
	char *word = malloc(100001);
	memset(word, 'x', 100000);
	word[100000] = '\0';
	n = S_set(&env, &p, word, 300, &inside, &hyphens);
	CHECK(n > 100);
	CHECK(inside);
	free(word);
	pdf_para_free(&p);
	pdf_hyphen_close(env.hyphen);
	pdf_fonts_free(&fonts);
	arena_free(&a);
	diags_free(&d);
	HPDF_Free(doc);
}

int main(void)
{
	test_synthetic();
	test_box_too_wide();
	test_within();
	test_hyphen_points();
	test_set_paragraphs();
	return check_done("pdf_break");
}
