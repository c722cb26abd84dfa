/*
 * test_util — the shared building blocks that stand in for libc: whole
 * numbers' text against "%.0f", and utf8_first_invalid against a
 * byte-by-byte reading; the pieces a line never breaks inside
 * (unicode_next_word); file_write_all; arena_path.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "value.h"
#include "check.h"

/* Every byte read on its own, as the check was written before. */
static size_t S_slow(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t adv;
		unsigned cp = utf8_decode((const char *)s + i, len - i, &adv);
		if (cp == 0xFFFD && adv == 1)
			return i;
		i += adv;
	}
	return len;
}

static void test_utf8(void)
{
	static const char *const pieces[] = {
		"a", "abcdefgh", "é", "€", "😀", "\x80", "\xC0\xAF", "\xED\xA0\x80",
		"\xF4\x90\x80\x80", "\xE2\x82", "\xEF\xBF\xBD", "\n"};
	enum { N = sizeof pieces / sizeof *pieces };
	char s[64];
	for (size_t a = 0; a < N; a++)
		for (size_t b = 0; b < N; b++)
			for (size_t lead = 0; lead < 10; lead++) {
				memset(s, 'z', lead);
				size_t len = lead;
				len += (size_t)sprintf(s + len, "%s%s%s", pieces[a],
						       "0123456789", pieces[b]);
				for (size_t cut = 0; cut <= len; cut++)
					CHECK(utf8_first_invalid(s, cut) ==
					      S_slow((unsigned char *)s, cut));
			}
}

/* Letters as names compare: case and Latin accents folded, through the
 * whole table U+00C0 to U+017F (each letter its unaccented one, in both
 * cases), the Romanian comma below, the typographic apostrophe. */
static void test_fold_letter(void)
{
	CHECK(unicode_fold_letter('A') == 'a' && unicode_fold_letter('z') == 'z');
	CHECK(unicode_fold_letter(0xC9) == 'e' && unicode_fold_letter(0xE9) == 'e');
	CHECK(unicode_fold_letter(0xC7) == 'c' && unicode_fold_letter(0xFF) == 'y');
	CHECK(unicode_fold_letter(0x178) == 'y' && unicode_fold_letter(0x17D) == 'z');
	CHECK(unicode_fold_letter(0x141) == 'l' && unicode_fold_letter(0x142) == 'l');
	CHECK(unicode_fold_letter(0x130) == 'i' && unicode_fold_letter(0x131) == 'i');
	CHECK(unicode_fold_letter(0x218) == 's' && unicode_fold_letter(0x21B) == 't');
	CHECK(unicode_fold_letter(0x2019) == '\'');
	/* no base letter: lower case only */
	CHECK(unicode_fold_letter(0xC6) == 0xE6 && unicode_fold_letter(0x152) == 0x153);
	CHECK(unicode_fold_letter(0xDF) == 0xDF && unicode_fold_letter(0xD7) == 0xD7);
	CHECK(unicode_fold_letter(0x416) == 0x436 && unicode_fold_letter(0x401) == 0x451);
	CHECK(unicode_fold_letter(0x4E2D) == 0x4E2D);
	/* a capital and its small letter fold alike, across the table */
	for (unsigned c = 0x100; c < 0x178; c += 2)
		if (c != 0x130 && (c < 0x138 || c > 0x148))
			CHECK(unicode_fold_letter(c) == unicode_fold_letter(c + 1));
	for (unsigned c = 0x139; c < 0x17F; c += 2)
		if (c < 0x149 || c > 0x178)
			CHECK(unicode_fold_letter(c) == unicode_fold_letter(c + 1));
	for (unsigned c = 0xC0; c <= 0xDE; c++)
		if (c != 0xD7)
			CHECK(unicode_fold_letter(c) == unicode_fold_letter(c + 32));
}

/* The pieces a line never breaks inside, each written "|"-joined, a wide
 * one marked "*": words between blanks, each Chinese character alone. */
static void test_next_word(void)
{
	static const struct {
		const char *text, *pieces;
	} cases[] = {
		{"", ""},
		{" \t\r\n ", ""},
		{"Chile", "Chile"},
		{"  Plurinational State of\tBolivia\n", "Plurinational|State|of|Bolivia"},
		{"德国、法国", "*德|*国|*、|*法|*国"},
		{"UPR第4轮 (2023)", "UPR|*第|4|*轮|(2023)"},
		{"(Многонациональное государство)", "(Многонациональное|государство)"},
		{"Côte d’Ivoire", "Côte|d’Ivoire"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char got[128] = "";
		size_t at = 0, len, n = strlen(cases[i].text);
		bool wide;
		for (const char *w; (w = unicode_next_word(cases[i].text, n, &at,
							   &len, &wide));)
			snprintf(got + strlen(got), sizeof got - strlen(got),
				 "%s%s%.*s", *got ? "|" : "", wide ? "*" : "",
				 (int)len, w);
		CHECK_STR(got, cases[i].pieces);
		CHECK(at == n);
	}
}

/* Names sorted as a list for readers shows them. */
static void test_names_compare(void)
{
	const char *names[] = {"Tunisie", "Égypte", "Suède", "Sénégal",
			       "Ministerio Público", "Ministerio de Cultura",
			       "danemark", "Danemark"};
	const char *want[] = {"Danemark", "danemark", "Égypte",
			      "Ministerio de Cultura", "Ministerio Público",
			      "Sénégal", "Suède", "Tunisie"};
	qsort(names, 8, sizeof *names, unicode_names_compare);
	for (size_t i = 0; i < 8; i++)
		CHECK_STR(names[i], want[i]);
}

/* Whole numbers are formatted without printf, as "%.0f" writes them. */
static void test_number_text(void)
{
	static const double nums[] = {0, -0.0, 3, -12, 1e14, -999999999999999};
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
		char want[64];
		snprintf(want, sizeof want, "%.0f", nums[i]);
		CHECK_STR(value_text(&a, value_number(&a, nums[i])), want);
	}
	arena_free(&a);
}

/* A file written whole reads back the same; a folder that does not exist
 * gives its errno. */
static void test_write_all(void)
{
	char dir[] = "/tmp/uprgen-util-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char path[64];
	snprintf(path, sizeof path, "%s/f.txt", dir);
	static const char text[] = "first\0second";
	CHECK(file_write_all(path, text, sizeof text) == 0);
	CHECK(file_write_all(path, text, sizeof text) == 0); /* truncates */
	char *back = NULL;
	size_t len = 0;
	CHECK(file_read_all(path, 1024, &back, &len) == 0);
	CHECK(len == sizeof text && back && !memcmp(back, text, len));
	free(back);
	snprintf(path, sizeof path, "%s/missing/f.txt", dir);
	CHECK(file_write_all(path, "x", 1) == ENOENT);
	snprintf(path, sizeof path, "%s/f.txt", dir);
	CHECK(remove(path) == 0 && rmdir(dir) == 0);
}

/* Paths as messages show them. */
static void test_path(void)
{
	struct arena a;
	arena_init(&a);
	CHECK_STR(arena_path(&a, ".", "templates"), "templates");
	CHECK_STR(arena_path(&a, "site", "templates"), "site/templates");
	CHECK_STR(arena_path(&a, "./site", "x.md"), "./site/x.md");
	arena_free(&a);
}

int main(void)
{
	test_fold_letter();
	test_next_word();
	test_names_compare();
	test_path();
	test_write_all();
	test_number_text();
	test_utf8();
	return check_done("util");
}
