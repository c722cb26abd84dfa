/*
 * test_util — the shared building blocks that stand in for libc: whole
 * numbers' text against "%.0f", and utf8_first_invalid against a
 * byte-by-byte reading; file_write_all; arena_path.
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
	test_path();
	test_write_all();
	test_number_text();
	test_utf8();
	return check_done("util");
}
