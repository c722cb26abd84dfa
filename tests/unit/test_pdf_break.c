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
	size_t lines = pdf_break_lines(it, n, 250, 0, &br);
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
	size_t lines = pdf_break_lines(it, 5, 100, 0, &br);
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
	CHECK(pdf_break_within(it, n, 212, 0, 1.0, &br) == 1);
	free(br);
	/* 180 wide: all four do not fit, and a first line of three
	 * stretches its spaces 5.5 times their stretch; the usual passes
	 * still find lines */
	CHECK(pdf_break_within(it, n, 180, 0, 1.0, &br) == 0 && !br);
	CHECK(pdf_break_lines(it, n, 180, 0, &br) == 2);
	free(br);
}

/* A table cell, set ragged: "А. Национальная правозащитная система и
 * последующие меры" with the hyphenation points of two words, 130 wide.
 * The first lines' one space each cannot stretch them far: judged as
 * justified lines, one short line and a full one ("А. Наци-", "ональная
 * правозащитная си-" in the report) beat two loose ones; ragged, each
 * whole word stays on the line it fits. */
static void test_ragged(void)
{
	struct pdf_item it[24];
	size_t n = 0, *br;
	S_item(&it[n++], PDF_BOX, 10, 0); /* А. */
	S_item(&it[n++], PDF_GLUE, 4, 0);
	S_item(&it[n++], PDF_BOX, 25, 0); /* Наци */
	S_item(&it[n++], PDF_PENALTY, 5, 50);
	it[n - 1].hyphen_end = true;
	S_item(&it[n++], PDF_BOX, 40, 0); /* ональная */
	size_t after_word = n;
	S_item(&it[n++], PDF_GLUE, 4, 0);
	S_item(&it[n++], PDF_BOX, 60, 0); /* правозащитная */
	S_item(&it[n++], PDF_GLUE, 4, 0);
	S_item(&it[n++], PDF_BOX, 12, 0); /* си */
	S_item(&it[n++], PDF_PENALTY, 5, 50);
	it[n - 1].hyphen_end = true;
	S_item(&it[n++], PDF_BOX, 23, 0); /* стема */
	S_item(&it[n++], PDF_GLUE, 4, 0);
	S_item(&it[n++], PDF_BOX, 6, 0); /* и */
	S_item(&it[n++], PDF_GLUE, 4, 0);
	S_item(&it[n++], PDF_BOX, 50, 0); /* последующие */
	S_item(&it[n++], PDF_GLUE, 4, 0);
	S_item(&it[n++], PDF_BOX, 25, 0); /* меры */
	S_item(&it[n++], PDF_GLUE, 0, 0);
	it[n - 1].stretch = 1e5;
	S_item(&it[n++], PDF_PENALTY, 0, -PDF_INF_PENALTY);
	/* justified: a first line emptier still ("А." alone here, "А.
	 * Наци-" in the report), any loose line being as bad as another */
	size_t lines = pdf_break_lines(it, n, 130, 0, &br);
	CHECK(lines == 3 && br[0] < after_word);
	free(br);
	/* ragged (pdf_inline.c: half the width): the whole word */
	lines = pdf_break_lines(it, n, 130, 65, &br);
	CHECK(lines == 3 && br[0] == after_word);
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

/* The x of the first text draw of p's lines[0..n) that reads as w. */
static double S_x_of(struct pdf_chunk **lines, size_t n, const char *w)
{
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < lines[k]->n; i++) {
			const struct pdf_draw *d = &lines[k]->d[i];
			if (d->kind == PDF_DRAW_TEXT && d->len == strlen(w) &&
			    !memcmp(d->s, w, d->len))
				return d->x;
		}
	return -1;
}

static size_t S_set_env(struct pdf_inline_env *env, struct pdf_para *p,
			const char *text, double width,
			struct pdf_chunk ***lines)
{
	pdf_para_reset(p, PDF_SERIF, 10, 13);
	pdf_para_text(p, env, PDF_SERIF, text, strlen(text));
	pdf_para_finish(p);
	return pdf_para_set(p, env, 100, width, PDF_JUSTIFY, lines);
}

/* Chinese breaks between characters (UAX #14 by libunibreak), never
 * before closing or after opening punctuation, adds no space to the
 * text; runs of the other direction are reordered in a line (FriBidi,
 * rule L2): an Arabic phrase in a French line, a Latin identifier in an
 * Arabic one (laid out before the page is mirrored). */
static void test_wide_and_bidi(void)
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
	struct pdf_inline_env env = {.fonts = &fonts, .arena = &a};
	struct pdf_para p;
	pdf_para_init(&p);
	const char *zh = "普遍定期审议第四轮对北谷共和国的审议在工作组第44届会议"
			 "期间进行。人权理事会于2024年3月12日通过了审议结果（A/"
			 "HRC/55/11）。各部委应在每年第一季度公布上一年度的落实"
			 "数据，说明取得的进展、遇到的困难和所需的技术援助。";
	static const char *const closing[] = {"。", "，", "、", "）"};
	struct buf all;
	buf_init(&all);
	bool kinsoku = true, whole = true, spaceless = true;
	size_t most = 0;
	for (double width = 60; width < 260; width += 7) {
		struct pdf_chunk **lines;
		size_t n = S_set_env(&env, &p, zh, width, &lines);
		most = n > most ? n : most;
		buf_clear(&all);
		for (size_t k = 0; k < n; k++) {
			bool first = true;
			const struct pdf_draw *last = NULL;
			for (size_t i = 0; i < lines[k]->n; i++) {
				const struct pdf_draw *t = &lines[k]->d[i];
				if (t->kind != PDF_DRAW_TEXT)
					continue;
				for (size_t c = 0; first && c < 4; c++)
					kinsoku &= strncmp(t->s, closing[c],
							   3) != 0;
				first = false;
				last = t;
				spaceless &= !(t->mark & PDF_MARK_SPACE);
				buf_put(&all, t->s, t->len);
			}
			kinsoku &= !last || last->len < 3 ||
				   strncmp(last->s + last->len - 3, "（", 3);
		}
		whole &= all.len == strlen(zh) && !memcmp(all.data, zh, all.len);
	}
	buf_free(&all);
	CHECK(most > 10);
	CHECK(kinsoku);
	CHECK(whole);
	CHECK(spaceless);

	struct pdf_chunk **lines;
	size_t n = S_set_env(&env, &p,
			     "Le pays « جمهورية الواحات » est nommé ainsi.",
			     1000, &lines);
	CHECK(n == 1);
	CHECK(S_x_of(lines, n, "Le") < S_x_of(lines, n, "pays"));
	CHECK(S_x_of(lines, n, "الواحات") >= 0 &&
	      S_x_of(lines, n, "الواحات") < S_x_of(lines, n, "جمهورية"));
	CHECK(S_x_of(lines, n, "جمهورية") < S_x_of(lines, n, "est"));
	env.rtl = true;
	n = S_set_env(&env, &p, "الوثيقة A/HRC/53/8 (2023) في 5 تموز", 1000,
		      &lines);
	CHECK(n == 1);
	/* laid out left to right in logical order, the Latin run reversed:
	 * the page's mirroring puts it back, right of nothing Arabic */
	double doc_x = S_x_of(lines, n, "الوثيقة"),
	       id_x = S_x_of(lines, n, "A/HRC/53/8"),
	       year_x = S_x_of(lines, n, "(2023)"),
	       in_x = S_x_of(lines, n, "في");
	CHECK(doc_x >= 0 && doc_x < year_x && year_x < id_x && id_x < in_x);

	/* a Latin compound breaks at its hyphen in a left-to-right report,
	 * not in a right-to-left one, where "Marie-" at a line's far left
	 * and "Claire" at the next one's right read as two names: the
	 * widths where a left-to-right setting ends a line with "Marie-"
	 * keep the name whole right to left */
	const char *name = "Une note de Marie-Claire Dubois sur la justice.";
	size_t broken_ltr = 0, broken_rtl = 0;
	for (double width = 40; width <= 160; width += 2) {
		for (int rtl = 0; rtl < 2; rtl++) {
			env.rtl = rtl;
			n = S_set_env(&env, &p, name, width, &lines);
			bool broken = false;
			for (size_t k = 0; k < n; k++)
				broken |= S_x_of(lines + k, 1, "Marie-") >= 0 &&
					  S_x_of(lines + k, 1, "Claire") < 0;
			if (broken)
				++*(rtl ? &broken_rtl : &broken_ltr);
		}
	}
	CHECK(broken_ltr > 0);
	CHECK(broken_rtl == 0);
	pdf_para_free(&p);
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
	test_ragged();
	test_hyphen_points();
	test_set_paragraphs();
	test_wide_and_bidi();
	return check_done("pdf_break");
}
