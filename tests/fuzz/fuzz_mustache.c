/*
 * fuzz_mustache — the Mustache engine on any template and data.  The
 * input is the template, then the data (YAML), then partials named "a",
 * "b", "c", ... (each may include the others, or itself), joined by
 * FUZZ_SEP (fuzz_common.h).  The escaping (HTML, Markdown, none) follows
 * the input's length, so every seed is tried with one of them and its
 * mutations with all.  The steps and output are bounded lower than in a
 * build so that a run is quick; the limits themselves are what is tested.
 */
#include "fuzz_common.h"

#include "diag.h"
#include "mustache.h"
#include "value.h"
#include "yamlread.h"

enum { S_MAX_PARTS = 8 };

struct S_partials {
	struct fuzz_part *parts;
	size_t count; /* partials: parts[2 .. count) */
	struct arena *a;
};

static const char *S_load(void *ctx, const char *name, struct source_pos at,
			  size_t *len, const char **file)
{
	(void)at;
	struct S_partials *p = ctx;
	if (name[0] < 'a' || name[1] != '\0')
		return NULL;
	size_t i = 2 + (size_t)(name[0] - 'a');
	if (i >= p->count)
		return NULL;
	*len = p->parts[i].len;
	*file = arena_printf(p->a, "%s.md", name);
	/* the engine takes text without NUL bytes, as a file read gives */
	return arena_strndup(p->a, p->parts[i].data, p->parts[i].len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_part parts[S_MAX_PARTS];
	size_t n = fuzz_split(data, size, parts, S_MAX_PARTS);
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct value *ctx = NULL;
	if (n > 1)
		ctx = yamlread_buffer(&a, &d, "data.yaml", parts[1].data,
				      parts[1].len);
	struct S_partials p = {parts, n, &a};
	struct mustache_partials partials = {S_load, &p};
	static const enum mustache_escape escapes[] = {
		MUSTACHE_ESCAPE_HTML, MUSTACHE_ESCAPE_MARKDOWN,
		MUSTACHE_ESCAPE_NONE};
	struct mustache_options opt = {
		.escape = escapes[size % 3],
		.partials = &partials,
		.max_output = 1 << 20,
		.max_steps = 200000,
	};
	struct buf out;
	buf_init(&out);
	const char *tmpl = arena_strndup(&a, parts[0].data, parts[0].len);
	size_t errors = d.errors;
	bool ok = mustache_render(&d, "t.md", tmpl, parts[0].len, ctx, &opt,
				  &out);
	if (ok ? d.errors != errors : (d.errors == errors || out.len != 0))
		abort(); /* false exactly when it reported an error, and
			    then it wrote nothing */
	fuzz_print_and_free(&d);
	buf_free(&out);
	arena_free(&a);
	return 0;
}
