/*
 * fuzz_common.h — what the fuzz targets share: a scratch folder of their
 * own per process (removed at exit) and the splitting of one input into
 * several files.
 *
 * Each target defines LLVMFuzzerTestOneInput (and may define
 * LLVMFuzzerInitialize); it is linked either with libFuzzer (clang
 * -fsanitize=fuzzer: `bash tests/fuzz/run.sh fuzz`) or with replay_main.c
 * (any compiler: `bash tests/fuzz/run.sh`, which feeds it the saved corpus
 * and every crash ever found, as regression tests).
 *
 * An input of several files is the files joined by FUZZ_SEP, a line of
 * its own: "report.yaml text\n=====\nclusters.yaml text\n=====\n...".
 */
#ifndef UPRGEN_FUZZ_COMMON_H
#define UPRGEN_FUZZ_COMMON_H

#define _GNU_SOURCE
#include <ftw.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "html.h"
#include "markdown.h"
#include "model.h"

#define FUZZ_SEP "\n=====\n"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

struct fuzz_part {
	const char *data;
	size_t len;
};

/* Splits data at each FUZZ_SEP into at most max parts (the last part
 * keeps any further separators); returns the number of parts. */
static inline size_t fuzz_split(const uint8_t *data, size_t size,
				struct fuzz_part *parts, size_t max)
{
	const char *p = (const char *)data, *end = p + size;
	size_t n = 0, seplen = strlen(FUZZ_SEP);
	while (n + 1 < max) {
		const char *s = memmem(p, (size_t)(end - p), FUZZ_SEP, seplen);
		if (!s)
			break;
		parts[n++] = (struct fuzz_part){p, (size_t)(s - p)};
		p = s + seplen;
	}
	parts[n++] = (struct fuzz_part){p, (size_t)(end - p)};
	return n;
}

static char fuzz_dir_path[64];

static int fuzz_rm(const char *path, const struct stat *st, int flag,
		   struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static pid_t fuzz_owner;

/* Only the process that made the folder removes it (replay_main forks a
 * child per input). */
static void fuzz_cleanup(void)
{
	if (fuzz_dir_path[0] && getpid() == fuzz_owner)
		nftw(fuzz_dir_path, fuzz_rm, 16, FTW_DEPTH | FTW_PHYS);
}

/* A folder of this process's own, made on first use. */
static inline const char *fuzz_dir(void)
{
	if (!fuzz_dir_path[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(fuzz_dir_path, sizeof fuzz_dir_path,
			 "%.30s/uprgen-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(fuzz_dir_path)) {
			perror("fuzz: mkdtemp");
			abort();
		}
		fuzz_owner = getpid();
		atexit(fuzz_cleanup);
	}
	return fuzz_dir_path;
}

/* Writes len bytes to path (under fuzz_dir()); aborts if it cannot. */
static inline void fuzz_write(const char *path, const char *data, size_t len)
{
	int err = file_write_all(path, data, len);
	if (err) {
		fprintf(stderr, "%s: %s\n", path, strerror(err));
		abort();
	}
}

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

/* The example report ($UPRGEN_ROOT or the project's content/), loaded
 * once so that ```chart``` and ```matrix``` blocks have something to draw;
 * NULL, with a note, when it does not load. */
static inline struct report *fuzz_example_report(struct arena *a,
						 const char *who)
{
	const char *root = getenv("UPRGEN_ROOT");
	struct diags d;
	diags_init(&d);
	arena_init(a);
	struct report *r = report_load(a, &d, root ? root : FUZZ_ROOT);
	if (r)
		report_validate(r, &d);
	if (!r || d.errors) {
		fprintf(stderr, "%s: the example report in %s/content does "
				"not load; charts and the matrix are left out\n",
			who, root ? root : FUZZ_ROOT);
		r = NULL;
	}
	diags_free(&d);
	return r;
}

/* The messages printed (the printing runs too) where nobody reads them,
 * and freed. */
static inline void fuzz_print_and_free(struct diags *d)
{
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		diags_print(d, null, 0);
		fclose(null);
	}
	diags_free(d);
}

/* The report's languages in turn, by the input's length. */
static inline enum lang fuzz_lang(size_t size)
{
	static const enum lang langs[] = {LANG_EN, LANG_ES, LANG_FR};
	return langs[size % 3];
}

/* The input as a Markdown field; NULL when it is refused, which must say
 * why (an error in d). */
static inline cmark_node *fuzz_parse_markdown(const uint8_t *data,
					      size_t size, struct diags *d)
{
	cmark_node *doc = markdown_parse((const char *)data, size,
					 (struct source_pos){"f.md", 1, 1}, d);
	if (!doc && d->errors == 0)
		abort();
	return doc;
}

/* doc as the website writes it, for a page one folder down, into html. */
static inline void fuzz_render_html(struct buf *html, cmark_node *doc,
				    enum lang lang, const struct report *r,
				    const char *id_prefix, int heading_shift,
				    struct diags *d)
{
	struct html_words words = html_words(NULL);
	struct html_options ho = {.lang = lang, .report = r, .words = &words,
				  .root = "../", .id_prefix = id_prefix,
				  .heading_shift = heading_shift};
	html_render(html, doc, &ho, d);
}

#endif
