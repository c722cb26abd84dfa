/*
 * check.h — the few macros the unit tests share.  A test program is a
 * main() that runs CHECKs and ends with `return check_done("name");`,
 * which prints "name: N passed, N failed" and gives the exit status.
 * The Makefile links every tests/unit/test_*.c with all of gen/ but main.c
 * and runs it with UPRGEN (the tool, sanitizer build) and SHARED (the
 * shared/ folder) in the environment.
 */
#ifndef UPRGEN_TEST_CHECK_H
#define UPRGEN_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                        \
	do {                                                               \
		if (cond)                                                  \
			check_passed++;                                    \
		else {                                                     \
			check_failed++;                                    \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n",       \
				__FILE__, __LINE__, #cond);                \
		}                                                          \
	} while (0)

#define CHECK_STR(got, want)                                               \
	do {                                                               \
		const char *g_ = (got), *w_ = (want);                      \
		if (g_ && w_ && strcmp(g_, w_) == 0)                       \
			check_passed++;                                    \
		else {                                                     \
			check_failed++;                                    \
			fprintf(stderr,                                    \
				"%s:%d: CHECK_STR failed: %s\n  got:  [%s]\n"  \
				"  want: [%s]\n",                          \
				__FILE__, __LINE__, #got, g_ ? g_ : "(null)",  \
				w_ ? w_ : "(null)");                       \
		}                                                          \
	} while (0)

static inline int check_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, check_passed,
	       check_failed);
	return check_failed ? 1 : 0;
}

#endif
