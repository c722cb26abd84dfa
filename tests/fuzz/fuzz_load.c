/*
 * fuzz_load — the content loader and validator (report_load,
 * report_validate) and the template context (context_build) on a whole
 * report project made from one input: the files report.yaml,
 * clusters.yaml, recommendations.yaml, statistics.yaml and
 * chapters/c.md, in that order, joined by FUZZ_SEP (fuzz_common.h).  A
 * part that is absent leaves its file out.  The project is written into
 * this process's scratch folder.
 */
#include "fuzz_common.h"

#include <sys/stat.h>

#include "context.h"
#include "diag.h"
#include "model.h"
#include "value.h"

static const char *const S_files[] = {
	"report.yaml", "clusters.yaml", "recommendations.yaml",
	"statistics.yaml", "chapters/c.md",
};
enum { S_FILES = sizeof S_files / sizeof *S_files };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = fuzz_dir();
	char path[256];
	snprintf(path, sizeof path, "%s/content", dir);
	mkdir(path, 0777);
	snprintf(path, sizeof path, "%s/content/chapters", dir);
	mkdir(path, 0777);
	struct fuzz_part parts[S_FILES];
	size_t n = fuzz_split(data, size, parts, S_FILES);
	for (size_t i = 0; i < S_FILES; i++) {
		snprintf(path, sizeof path, "%s/content/%s", dir, S_files[i]);
		if (i < n)
			fuzz_write(path, parts[i].data, parts[i].len);
		else
			unlink(path);
	}

	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct report *r = report_load(&a, &d, dir);
	if (r)
		report_validate(r, &d);
	if (!r && d.errors == 0)
		abort(); /* a refusal must say why */
	if (r && d.errors == 0) {
		for (size_t i = 0; i < r->language_count; i++) {
			struct words w;
			words_init(&w, &a, r->languages[i], NULL);
			struct value *ctx = context_build(&a, r, &w);
			struct buf out;
			buf_init(&out);
			value_write_json(&out, ctx, 0);
			buf_free(&out);
		}
	}
	fuzz_print_and_free(&d);
	arena_free(&a);
	return 0;
}
