/* test_words — the one words module: the built-in labels with a project's
 * own laid over them, and how each language writes dates, lists,
 * ordinals, numbers and shares. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "fixture_words.h"

static struct arena S_arena;

static struct words S_lang(enum lang l, const char *user_dir)
{
	struct diags d;
	diags_init(&d);
	struct template_dirs t = {user_dir, "templates"};
	struct words w;
	words_init(&w, &S_arena, l, words_labels(&S_arena, &d, &t, l));
	CHECK(d.errors == 0);
	diags_free(&d);
	return w;
}

static void S_dates(void)
{
	struct words en = S_lang(LANG_EN, NULL), es = S_lang(LANG_ES, NULL),
		     fr = S_lang(LANG_FR, NULL);
	struct date first = {2024, 3, 1, {0}, true}, day = {2024, 3, 12, {0}, true},
		    month = {2023, 8, 0, {0}, true}, none = {0, 0, 0, {0}, false};
	CHECK_STR(words_date(&fr, &S_arena, &first), "1er\u00a0mars\u00a02024");
	CHECK_STR(words_date(&fr, &S_arena, &day), "12\u00a0mars\u00a02024");
	CHECK_STR(words_date(&es, &S_arena, &first), "1\u00a0de\u00a0marzo\u00a0de\u00a02024");
	CHECK_STR(words_date(&es, &S_arena, &month), "agosto\u00a0de\u00a02023");
	CHECK_STR(words_date(&en, &S_arena, &day), "12\u00a0March\u00a02024");
	CHECK_STR(words_date(&en, &S_arena, &none), "");
	/* not broken across lines: the Arabic months' pair held by a word
	 * joiner after its slash */
	struct words ar = S_lang(LANG_AR, NULL);
	struct date july = {2026, 7, 15, {0}, true};
	CHECK_STR(words_date(&ar, &S_arena, &july),
		  "15\u00a0تموز/\u2060يوليه\u00a02026");
}

/* Plain texts set as the Markdown fields are: quotes and apostrophes,
 * French spaces; Markdown trees (words_typeset) get the spaces only. */
static void S_plain(void)
{
	struct words en = S_lang(LANG_EN, NULL), fr = S_lang(LANG_FR, NULL);
	CHECK_STR(words_typeset_copy(&en, &S_arena, "Women's rights", 14),
		  "Women\u2019s rights");
	const char *q = "the 'Lima' group and \"the law\" (\"x\") - 'y' 'a";
	CHECK_STR(words_typeset_copy(&en, &S_arena, q, strlen(q)),
		  "the \u2018Lima\u2019 group and \u201cthe law\u201d "
		  "(\u201cx\u201d) - \u2018y\u2019 \u2018a");
	/* a quote alone, or between blanks, stays as typed */
	CHECK_STR(words_typeset_copy(&en, &S_arena, "' \" a ' b", 9),
		  "' \" a ' b");
	CHECK_STR(words_typeset_copy(&en, &S_arena, "migrants' status", 16),
		  "migrants\u2019 status");
	const char *f = "de l'Examen : « oui » ; d'accord ?";
	CHECK_STR(words_typeset_copy(&fr, &S_arena, f, strlen(f)),
		  "de l\u2019Examen\u00a0: «\u00a0oui\u00a0»\u202f; "
		  "d\u2019accord\u202f?");
	/* Chinese quotes pair, whatever stands around them */
	struct words zh = S_lang(LANG_ZH, NULL);
	const char *z = "目标（\"16\"）和\"报告\"";
	CHECK_STR(words_typeset_copy(&zh, &S_arena, z, strlen(z)),
		  "目标（\u201c16\u201d）和\u201c报告\u201d");
	/* a value after a colon: small in French, Spanish and Russian */
	struct words es = S_lang(LANG_ES, NULL);
	CHECK_STR(words_after_colon(&fr, &S_arena, "Mise en œuvre"),
		  "mise en œuvre");
	CHECK_STR(words_after_colon(&fr, &S_arena, "État"), "état");
	CHECK_STR(words_after_colon(&es, &S_arena, "Apoyada"), "apoyada");
	CHECK_STR(words_after_colon(&en, &S_arena, "Implemented"),
		  "Implemented");
	/* Russian: a word of one letter kept with the next */
	struct words ru = S_lang(LANG_RU, NULL);
	const char *r = "принятым к сведению, в том числе и (в целом) ок";
	CHECK_STR(words_typeset_copy(&ru, &S_arena, r, strlen(r)),
		  "принятым к\u00a0сведению, в\u00a0том числе и\u00a0"
		  "(в\u00a0целом) ок");
	struct buf b;
	buf_init(&b);
	CHECK_STR(words_after_colon(&ru, &S_arena, "Не выполнена"),
		  "не выполнена");
	CHECK_STR(words_after_colon(&ru, &S_arena, "Принята к сведению"),
		  "принята к сведению");
	CHECK(words_typeset(&ru, "к сведению", strlen("к сведению"), &b) &&
	      !strcmp(b.data, "к\u00a0сведению"));
	CHECK(!words_typeset(&en, "Women's", 7, &b));
	CHECK(words_typeset_plain(&en, "Women's", 7, &b) &&
	      !strcmp(b.data, "Women\u2019s"));
	CHECK(!words_typeset_plain(&en, "plain", 5, &b));
	buf_free(&b);
	CHECK_STR(words_capitalized(&S_arena, "agosto de 2023"),
		  "Agosto de 2023");
	CHECK_STR(words_capitalized(&S_arena, "été"), "Été");
}

static void S_lists(void)
{
	struct words en = S_lang(LANG_EN, NULL), es = S_lang(LANG_ES, NULL),
		     fr = S_lang(LANG_FR, NULL);
	const char *three[] = {"Chile", "Spain", "Italy"};
	const char *es_i[] = {"España", "Italia"};
	const char *es_hie[] = {"agua", "hielo"};
	CHECK_STR(words_join(&en, &S_arena, three, 3), "Chile, Spain and Italy");
	CHECK_STR(words_join(&fr, &S_arena, three, 3), "Chile, Spain et Italy");
	CHECK_STR(words_join(&es, &S_arena, es_i, 2), "España e Italia");
	CHECK_STR(words_join(&es, &S_arena, es_hie, 2), "agua y hielo");
	CHECK_STR(words_join(&en, &S_arena, three, 1), "Chile");
	CHECK_STR(words_join(&en, &S_arena, three, 0), "");
	CHECK_STR(words_ordinal(&en, &S_arena, 42), "42nd");
	CHECK_STR(words_ordinal(&en, &S_arena, 13), "13th");
	CHECK_STR(words_ordinal(&fr, &S_arena, 1), "1\u02b3\u1d49");
	CHECK_STR(words_ordinal(&fr, &S_arena, 4), "4\u1d49");
}

static void S_numbers(void)
{
	struct words en = S_lang(LANG_EN, NULL), es = S_lang(LANG_ES, NULL),
		     fr = S_lang(LANG_FR, NULL);
	CHECK_STR(words_integer(&en, &S_arena, 1347893), "1,347,893");
	CHECK_STR(words_integer(&fr, &S_arena, 1347893), "1\u202f347\u202f893");
	CHECK_STR(words_integer(&es, &S_arena, 1347893), "1\u00a0347\u00a0893");
	CHECK_STR(words_integer(&es, &S_arena, 2500), "2500");
	CHECK_STR(words_integer(&en, &S_arena, 2500), "2,500");
	CHECK_STR(words_integer(&en, &S_arena, -42), "-42");
	CHECK_STR(words_number(&fr, &S_arena, 2500.25, 2, false), "2500,25");
	CHECK_STR(words_number(&fr, &S_arena, 2500.25, 2, true),
		  "2\u202f500,25");
	CHECK_STR(words_number(&en, &S_arena, 0.5, 2, false), "0.5");
	CHECK_STR(words_number(&en, &S_arena, 1e300 * 1e10, 2, false), "∞");
	CHECK_STR(words_percent(&en, &S_arena, 42), "42%");
	CHECK_STR(words_percent(&fr, &S_arena, 42), "42\u00a0%");
	/* files: kilobytes rounded up, then megabytes to a tenth */
	CHECK_STR(words_file_size(&en, &S_arena, 737342), "738\u00a0kB");
	CHECK_STR(words_file_size(&en, &S_arena, 1), "1\u00a0kB");
	CHECK_STR(words_file_size(&en, &S_arena, 999000), "999\u00a0kB");
	CHECK_STR(words_file_size(&en, &S_arena, 999001), "1\u00a0MB");
	CHECK_STR(words_file_size(&en, &S_arena, 1250000), "1.3\u00a0MB");
	CHECK_STR(words_file_size(&fr, &S_arena, 1249999), "1,2\u00a0Mo");
	CHECK_STR(words_file_size(&fr, &S_arena, 80000), "80\u00a0ko");
	CHECK_STR(words_file_size(&es, &S_arena, 23456789), "23,5\u00a0MB");
}

/* The numbers of the UN form and of numbered paragraphs, the letters of
 * the clusters, and identifiers kept left to right: the labels' forms,
 * Arabic's own. */
static void S_un_numbers(void)
{
	struct words en = S_lang(LANG_EN, NULL), ar = S_lang(LANG_AR, NULL),
		     ru = S_lang(LANG_RU, NULL);
	CHECK_STR(words_un_number(&en, &S_arena, 1, 4), "IV.");
	CHECK_STR(words_un_number(&en, &S_arena, 1, 1994), "MCMXCIV.");
	CHECK_STR(words_un_number(&en, &S_arena, 2, 3), "C.");
	CHECK_STR(words_un_number(&en, &S_arena, 2, 28), "AB.");
	CHECK_STR(words_un_number(&en, &S_arena, 3, 12), "12.");
	CHECK_STR(words_un_number(&en, &S_arena, 4, 2), "(b)");
	CHECK_STR(words_un_number(&en, &S_arena, 9, 27), "(aa)");
	CHECK_STR(words_un_number(&ar, &S_arena, 1, 1), "أولاً-");
	CHECK_STR(words_un_number(&ar, &S_arena, 1, 11), "حادي عشر-");
	CHECK_STR(words_un_number(&ar, &S_arena, 1, 21), "21-");
	CHECK_STR(words_un_number(&ar, &S_arena, 2, 3), "جيم-");
	CHECK_STR(words_un_number(&ar, &S_arena, 3, 2), "2-");
	CHECK_STR(words_un_number(&ar, &S_arena, 4, 2), "(ب)");
	CHECK_STR(words_un_number(&ru, &S_arena, 2, 2), "Б.");
	/* a number an author wrote at a heading's head, recognised */
	struct words_un_numbers en_t, ar_t;
	words_un_numbers(&en, &S_arena, &en_t);
	words_un_numbers(&ar, &S_arena, &ar_t);
	int level = 0;
	long n = 0;
	CHECK(words_un_number_written(&en_t, "C. Assessment", &level, &n) ==
		      3 && level == 2 && n == 3);
	CHECK(words_un_number_written(&en_t, "IV.\t x", &level, &n) == 5 &&
	      level == 1 && n == 4);
	CHECK(words_un_number_written(&en_t, "(b) x", &level, &n) == 4 &&
	      level == 4 && n == 2);
	CHECK(words_un_number_written(&en_t, "12. x", &level, &n) == 4 &&
	      level == 3 && n == 12);
	CHECK(words_un_number_written(&en_t, "A.x", &level, &n) == 0);
	CHECK(words_un_number_written(&en_t, "A new start", &level, &n) == 0);
	CHECK(words_un_number_written(&en_t, "41. x", &level, &n) == 0);
	CHECK(words_un_number_written(&en_t, "C.", &level, &n) == 0);
	CHECK(words_un_number_written(&en_t, "", &level, &n) == 0);
	CHECK(words_un_number_written(&ar_t, "جيم- x", &level, &n) ==
		      strlen("جيم- ") && level == 2 && n == 3);
	/* a number with a space of its own */
	CHECK(words_un_number_written(&ar_t, "حادي عشر- x", &level, &n) ==
		      strlen("حادي عشر- ") && level == 1 && n == 11);
	/* Chinese authors' own numbers ("二、挑战"), no blank after them */
	struct words zh = S_lang(LANG_ZH, NULL);
	struct words_un_numbers zh_t;
	words_un_numbers(&zh, &S_arena, &zh_t);
	CHECK(words_un_number_written(&zh_t, "二、挑战", &level, &n) ==
		      strlen("二、") && level == 5 && n == 2);
	CHECK(words_un_number_written(&zh_t, "十二、x", &level, &n) ==
		      strlen("十二、") && level == 5 && n == 12);
	CHECK(words_un_number_written(&zh_t, "二十年", &level, &n) == 0);
	CHECK_STR(words_un_number(&zh, &S_arena, 5, 3), "三、");
	CHECK_STR(words_un_number(&en, &S_arena, 5, 3), "");
	CHECK_STR(words_letter(&en, &S_arena, 27), "AA");
	CHECK_STR(words_letter(&ar, &S_arena, 1), "ألف");
	/* past the language's own letters, its letters go on as A, B go
	 * on after Z (a real OHCHR matrix has 30 to 50 themes) */
	CHECK_STR(words_letter(&zh, &S_arena, 10), "癸");
	CHECK_STR(words_letter(&zh, &S_arena, 11), "甲甲");
	CHECK_STR(words_letter(&zh, &S_arena, 23), "乙丙");
	CHECK_STR(words_letter(&ar, &S_arena, 28), "غين");
	CHECK_STR(words_letter(&ar, &S_arena, 29), "ألف ألف");
	struct words ru_l = S_lang(LANG_RU, NULL);
	CHECK_STR(words_letter(&ru_l, &S_arena, 28), "Я");
	CHECK_STR(words_letter(&ru_l, &S_arena, 30), "АБ");
	CHECK_STR(words_letter(&en, &S_arena, 26), "Z");
	/* what people type, folded as the labels are */
	CHECK_STR(words_fold(&S_arena, "  Выполнена "), "выполнена");
	CHECK_STR(words_fold(&S_arena, "MISE EN  ŒUVRE"), "mise en oeuvre");
	CHECK_STR(words_fold(&S_arena, "منفَّذة جزئياً"),
		  words_fold(&S_arena, "منفذة جزئيا"));
	CHECK_STR(words_fold(&S_arena, "أإآ"), "ااا");
	CHECK_STR(words_fold(&S_arena, "٢٠٢٥-١٠-٠١"), "2025-10-01");
	CHECK_STR(words_fold(&S_arena, "２０２５－１０－０１"), "2025-10-01");
	CHECK_STR(words_fold(&S_arena, "ĽUBOŠ Ÿ Ā"), "ľuboš ÿ ā");
	CHECK_STR(words_fold(&S_arena, "ÉVALUÉE"), "évaluée");
	CHECK_STR(words_paragraph_number(&en, &S_arena, "12"), "12.");
	CHECK_STR(words_paragraph_number(&ar, &S_arena, "12"), "12-");
	CHECK_STR(words_paragraph_number(&ar, &S_arena, "%1"), "%1-");
	CHECK_STR(words_ltr(&en, &S_arena, "16.a"), "16.a");
	CHECK_STR(words_ltr(&ar, &S_arena, "16.a"), "\u206616.a\u2069");
}

/* Shares always add up to 100, the same whoever asks. */
static void S_shares(void)
{
	size_t thirds[] = {1, 1, 1};
	int pct[8];
	words_shares(thirds, 3, 3, pct);
	CHECK(pct[0] == 34 && pct[1] == 33 && pct[2] == 33);
	size_t example[] = {41, 1, 6};
	words_shares(example, 3, 48, pct);
	CHECK(pct[0] == 85 && pct[1] == 2 && pct[2] == 13);
	CHECK(pct[0] + pct[1] + pct[2] == 100);
	/* 41/48 rounds to 85 and shows 85: no share moved, no note */
	CHECK(!words_shares_adjusted(example, pct, 3, 48));
	words_shares(thirds, 3, 3, pct);
	CHECK(words_shares_adjusted(thirds, pct, 3, 3)); /* 34 for 33 */
	size_t positions[] = {41, 4, 3}; /* the example: 85.4, 8.3, 6.25 */
	words_shares(positions, 3, 48, pct);
	CHECK(pct[0] == 86 && words_shares_adjusted(positions, pct, 3, 48));
	size_t half[] = {1, 1};
	words_shares(half, 2, 2, pct);
	CHECK(!words_shares_adjusted(half, pct, 2, 2));
	size_t zero[] = {0, 0};
	words_shares(zero, 2, 0, pct);
	CHECK(pct[0] == 0 && pct[1] == 0);
	CHECK(!words_shares_adjusted(zero, pct, 2, 0));
	/* random counts: always 100, each within 1 of its exact share */
	unsigned seed = 7;
	for (int round = 0; round < 2000; round++) {
		size_t n = 1 + (seed = seed * 1103515245u + 12345u) % 7;
		size_t count[8], total = 0;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			count[i] = (seed >> 8) % 50;
			total += count[i];
		}
		words_shares(count, n, total, pct);
		int sum = 0;
		bool close = true;
		for (size_t i = 0; i < n; i++) {
			sum += pct[i];
			double exact = total ? 100.0 * (double)count[i] /
						       (double)total
					     : 0;
			close = close && pct[i] >= exact - 1 && pct[i] <= exact + 1;
		}
		CHECK((total ? sum == 100 : sum == 0) && close);
	}
}

/* A project's labels file changes the words it names, and only those. */
static void S_override(void)
{
	char dir[] = "/tmp/uprgen-words-XXXXXX";
	CHECK(fixture_project_labels(dir, LANG_EN,
				     "sdg_16: Peace and justice\nmonth_3: Mar.\n"));
	struct words w = S_lang(LANG_EN, dir);
	CHECK_STR(words_goal(&w, 16), "Peace and justice");
	CHECK_STR(words_goal(&w, 5), "Gender equality");
	struct date d = {2024, 3, 12, {0}, true};
	CHECK_STR(words_date(&w, &S_arena, &d), "12\u00a0Mar.\u00a02024");
	CHECK_STR(words_get(&w, "no_such_key"), "no_such_key");
	CHECK(words_goal(&w, 18) == NULL);
	fixture_project_labels_remove(dir, LANG_EN);
}

/* CLDR's integer rules, and a count phrase picked by them from labels
 * KEY_one, KEY_few... (a project's or a labels file's). */
static void S_plurals(void)
{
	static const struct {
		enum lang lang;
		long long n;
		const char *want;
	} cases[] = {
		{LANG_EN, 1, "one"},    {LANG_EN, 0, "other"},
		{LANG_EN, 2, "other"},  {LANG_FR, 0, "one"},
		{LANG_FR, 1, "one"},    {LANG_FR, 2, "other"},
		{LANG_ES, 1, "one"},    {LANG_ES, 21, "other"},
		{LANG_RU, 1, "one"},    {LANG_RU, 21, "one"},
		{LANG_RU, 11, "many"},  {LANG_RU, 2, "few"},
		{LANG_RU, 24, "few"},   {LANG_RU, 12, "many"},
		{LANG_RU, 5, "many"},   {LANG_RU, 0, "many"},
		{LANG_RU, 111, "many"}, {LANG_RU, 101, "one"},
		{LANG_AR, 0, "zero"},   {LANG_AR, 1, "one"},
		{LANG_AR, 2, "two"},    {LANG_AR, 3, "few"},
		{LANG_AR, 110, "few"},  {LANG_AR, 11, "many"},
		{LANG_AR, 199, "many"}, {LANG_AR, 100, "other"},
		{LANG_AR, 102, "other"}, {LANG_ZH, 1, "other"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		CHECK_STR(words_plural_category(cases[i].lang, cases[i].n),
			  cases[i].want);
	struct value *labels = value_map(&S_arena);
	value_map_put(&S_arena, labels, "found",
		      value_string(&S_arena, "{n} рекомендаций"));
	value_map_put(&S_arena, labels, "found_one",
		      value_string(&S_arena, "{n} рекомендация"));
	value_map_put(&S_arena, labels, "found_few",
		      value_string(&S_arena, "{n} рекомендации"));
	struct words ru;
	words_init(&ru, &S_arena, LANG_RU, labels);
	CHECK_STR(words_count(&ru, &S_arena, "found", 1), "1 рекомендация");
	CHECK_STR(words_count(&ru, &S_arena, "found", 23), "23 рекомендации");
	CHECK_STR(words_count(&ru, &S_arena, "found", 11), "11 рекомендаций");
	CHECK_STR(words_count(&ru, &S_arena, "nothing", 3), "nothing");
	/* month names alone (nominative) beside those of dates (genitive) */
	value_map_put(&S_arena, labels, "month_3", value_string(&S_arena, "марта"));
	value_map_put(&S_arena, labels, "month_alone_3",
		      value_string(&S_arena, "март"));
	value_map_put(&S_arena, labels, "format_date",
		      value_string(&S_arena, "{day} {month} {year} года"));
	value_map_put(&S_arena, labels, "format_month_year",
		      value_string(&S_arena, "{month} {year} года"));
	words_init(&ru, &S_arena, LANG_RU, labels);
	struct date day = {2024, 3, 12, {0}, true}, month = {2024, 3, 0, {0}, true};
	CHECK_STR(words_date(&ru, &S_arena, &day), "12\u00a0марта\u00a02024\u00a0года");
	CHECK_STR(words_date(&ru, &S_arena, &month), "март\u00a02024\u00a0года");
	struct date year = {2024, 0, 0, {0}, true};
	CHECK_STR(words_date(&ru, &S_arena, &year), "2024");
	value_map_put(&S_arena, labels, "format_year",
		      value_string(&S_arena, "{year} год"));
	words_init(&ru, &S_arena, LANG_RU, labels);
	CHECK_STR(words_date(&ru, &S_arena, &year), "2024\u00a0год");
	CHECK_STR(words_capitalized(&S_arena, "март"), "Март");
	CHECK_STR(words_capitalized(&S_arena, "январь"), "Январь");
	CHECK_STR(words_capitalized(&S_arena, "ёлка"), "Ёлка");
	CHECK_STR(words_capitalized(&S_arena, "يناير"), "يناير");
}

/* Every built-in labels file has every word of the English one (but the
 * ordinals' exceptions, which are English ones): a word a language lacks
 * would show as its key. */
static void S_every_language_every_key(void)
{
	struct words en = S_lang(LANG_EN, NULL);
	for (int l = 0; l < LANG_COUNT; l++) {
		struct words w = S_lang((enum lang)l, NULL);
		size_t missing = 0;
		for (size_t i = 0; i < en.labels->count; i++) {
			const char *key = en.labels->entries[i].key;
			if (!strncmp(key, "format_ordinal_", 15))
				continue;
			if (!value_map_get(w.labels, key)) {
				fprintf(stderr, "labels/%s.yaml lacks %s\n",
					lang_code((enum lang)l), key);
				missing++;
			}
		}
		CHECK(missing == 0);
	}
}

/* What each language's typesetting does to a text, and "of" a name. */
static void S_typesetting(void)
{
	struct words en = S_lang(LANG_EN, NULL), es = S_lang(LANG_ES, NULL),
		     fr = S_lang(LANG_FR, NULL), zh = S_lang(LANG_ZH, NULL);
	struct buf out;
	buf_init(&out);
	const char *s = "Position : a ; b ! c ? « d » e:f";
	CHECK(words_typeset(&fr, s, strlen(s), &out));
	buf_putc(&out, '\0');
	CHECK_STR(out.data, "Position\u00a0: a\u202f; b\u202f! c\u202f? "
			    "«\u00a0d\u00a0» e:f");
	/* a space already no-break is kept; other languages have no rule */
	s = "a\u00a0: b";
	CHECK(!words_typeset(&fr, s, strlen(s), &out));
	s = "Position : a ; b";
	CHECK(!words_typeset(&en, s, strlen(s), &out));
	CHECK(!words_typeset(&zh, s, strlen(s), &out));
	/* a number typed with spaces holds together, with the language's
	 * separator; two numbers side by side stay two */
	static const struct {
		char lang;
		const char *in, *out;
	} numbers[] = {
		{'f', "traité 12 500 affaires", "traité 12\u202f500 affaires"},
		{'e', "to 25 300 people", "to 25\u00a0300 people"},
		{'e', "1 347 893 and 200 000,5", "1\u00a0347\u00a0893 and "
						 "200\u00a0000,5"},
		{'e', "in 2023 200 000 people", "in 2023 200\u00a0000 people"},
		{'e', "(12 500)", "(12\u00a0500)"},
		{'f', "« 12 500 »", "«\u00a012\u202f500\u00a0»"},
		{'e', "in 2024 500 people", NULL},
		{'e', "5 3000", NULL},
		{'e', "v1 234", NULL},
		{'e', "1.5 300", NULL},
		{'e', "2021-2 300", NULL},
		/* French ordinals typed, raised as the labels write them */
		{'f', "la 45e session", "la 45\u1d49 session"},
		{'f', "la 1re fois, la 2e.", "la 1\u02b3\u1d49 fois, la 2\u1d49."},
		{'f', "le 1er mars", NULL},
		{'f', "la valeur 2e3 et le 5est", NULL},
		{'e', "the 45e session", NULL},
	};
	for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
		const struct words *w = numbers[i].lang == 'f' ? &fr : &en;
		const char *in = numbers[i].in;
		bool changed = words_typeset(w, in, strlen(in), &out);
		buf_putc(&out, '\0');
		CHECK(changed == (numbers[i].out != NULL));
		if (numbers[i].out && changed)
			CHECK_STR(out.data, numbers[i].out);
	}
	buf_free(&out);
	CHECK_STR(words_of(&fr, &S_arena, "le Pérou"), "du Pérou");
	CHECK_STR(words_of(&fr, &S_arena, "les Philippines"), "des Philippines");
	CHECK_STR(words_of(&fr, &S_arena, "la République des Oasis"),
		  "de la République des Oasis");
	CHECK_STR(words_of(&fr, &S_arena, "l'Équateur"), "de l'Équateur");
	CHECK_STR(words_of(&es, &S_arena, "el Perú"), "del Perú");
	CHECK_STR(words_of(&es, &S_arena, "Chile"), "de Chile");
	CHECK_STR(words_of(&en, &S_arena, "the Netherlands"),
		  "of the Netherlands");
	/* the colon after a field name carries its space, or none */
	CHECK_STR(words_get(&fr, "colon"), "\u00a0: ");
	CHECK_STR(words_get(&zh, "colon"), "\uff1a");
	CHECK_STR(words_list_separator(&zh), "\u3001");
}

/* Passages in another script (words_foreign_passage): each case is a
 * text read in a language, the first passage found in it (NULL: none)
 * and the language its letters settle (-1: none). */
static void S_passages(void)
{
	static const struct {
		enum lang doc;
		const char *text, *passage;
		int lang;
	} cases[] = {
		/* the quotation marks and spaces round it are not its */
		{LANG_FR, "la « جمهورية الواحات », et", "جمهورية الواحات",
		 LANG_AR},
		/* a vowel sign on its last letter is */
		{LANG_EN, "wrote كتبَ.", "كتبَ", LANG_AR},
		/* figures and punctuation between its letters too */
		{LANG_EN, "(المادة 5، الفقرة 2)", "المادة 5، الفقرة", LANG_AR},
		{LANG_EN, "«گزارش ملی»", "گزارش ملی", -1}, /* Persian */
		{LANG_ES, "el 北谷共和国。", "北谷共和国", LANG_ZH},
		{LANG_EN, "「ひらがな」", "ひらがな", -1},
		{LANG_EN, "日本のこと", "日本のこと", -1}, /* kana: Japanese */
		{LANG_EN, "«Республика Оазисов»", "Республика Оазисов",
		 LANG_RU},
		{LANG_EN, "Україна", "Україна", -1},
		{LANG_FR, "Ελλάδα", "Ελλάδα", -1},
		{LANG_EN, "한국", "한국", -1},
		/* a Latin letter ends it */
		{LANG_EN, "中国WTO成员", "中国", LANG_ZH},
		/* Latin settles no language; a report's own script is no
		 * passage */
		{LANG_AR, "A/HRC/53/8 و UNICEF", NULL, -1},
		{LANG_ZH, "中国和 UNICEF", NULL, -1},
		{LANG_RU, "Россия", NULL, -1},
		{LANG_RU, "Україна", NULL, -1},
		{LANG_AR, "في الصين 中国", "中国", LANG_ZH},
		{LANG_EN, "Côte d’Ivoire – “São Tomé” №5 © ∑ → ⅓", NULL, -1},
		/* a letter among the symbols' lead bytes (U+2C00 on) */
		{LANG_EN, "the radical ⼈ alone", "⼈", LANG_ZH},
		/* a combining mark on the last letter, not on what follows */
		{LANG_EN, "«Ру́сский» and é", "Ру́сский", LANG_RU},
		{LANG_FR, "Ελλάδα, Україна", "Ελλάδα", -1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct words_passage p;
		const char *s = cases[i].text;
		bool found = words_foreign_passage(cases[i].doc, s, strlen(s),
						   0, &p);
		const char *got = found ? arena_printf(&S_arena, "%.*s",
						       (int)(p.end - p.start),
						       s + p.start)
					: NULL;
		if (!cases[i].passage) {
			CHECK(!found);
			continue;
		}
		CHECK_STR(got, cases[i].passage);
		CHECK(found && p.lang == cases[i].lang);
		CHECK(found && (p.lang >= 0 || p.script));
	}
	/* from a byte on: the second passage */
	const char *two = "« جمهورية » and « الواحات »";
	struct words_passage p;
	CHECK(words_foreign_passage(LANG_FR, two, strlen(two), 0, &p));
	size_t end = p.end;
	CHECK(words_foreign_passage(LANG_FR, two, strlen(two), end, &p));
	CHECK_STR(arena_printf(&S_arena, "%.*s", (int)(p.end - p.start),
			       two + p.start),
		  "الواحات");
	CHECK(!words_foreign_passage(LANG_FR, two, strlen(two), p.end, &p));
	CHECK(lang_code_is_rtl("ar") && lang_code_is_rtl("fa-IR") &&
	      lang_code_is_rtl("HE") && !lang_code_is_rtl("en") &&
	      !lang_code_is_rtl("arn") && !lang_code_is_rtl("zh-Hans"));
}

/* A table's source line: a word of table_source_words, then a colon (with
 * the spaces French sets before it, or China's full-width colon). */
static void S_source_lines(void)
{
	struct words en = S_lang(LANG_EN, NULL), fr = S_lang(LANG_FR, NULL),
		     es = S_lang(LANG_ES, NULL), ar = S_lang(LANG_AR, NULL),
		     zh = S_lang(LANG_ZH, NULL), ru = S_lang(LANG_RU, NULL);
	CHECK(words_is_source_line(&en, "Source: CMW/C/PER/2"));
	CHECK(words_is_source_line(&en, "Sources: A and B."));
	CHECK(words_is_source_line(&en, "Note: in thousands."));
	CHECK(!words_is_source_line(&en, "Source of income: wages."));
	CHECK(!words_is_source_line(&en, "Sourced: no."));
	CHECK(!words_is_source_line(&en, "The source: no."));
	CHECK(!words_is_source_line(&en, "Fuente: not English."));
	CHECK(words_is_source_line(&fr, "Sources\xc2\xa0: CMW/C/PER/2"));
	CHECK(words_is_source_line(&fr, "Note : en milliers."));
	CHECK(words_is_source_line(&es, "Fuentes: CMW/C/PER/2"));
	CHECK(words_is_source_line(&ar, "المصدر: CMW/C/PER/2"));
	CHECK(words_is_source_line(&zh, "资料来源：CMW/C/PER/2"));
	CHECK(words_is_source_line(&ru, "Источники: CMW/C/PER/2"));
	CHECK(!words_is_source_line(&ru, "Источниками служат: нет"));
}

int main(void)
{
	arena_init(&S_arena);
	S_source_lines();
	S_dates();
	S_plain();
	S_lists();
	S_numbers();
	S_shares();
	S_un_numbers();
	S_override();
	S_plurals();
	S_typesetting();
	S_passages();
	S_every_language_every_key();
	arena_free(&S_arena);
	return check_done("test_words");
}
