/* render — the `render` subcommand, and partials read from a folder. */
#include "render.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mustache.h"
#include "value.h"
#include "yamlread.h"


static const char S_usage[] =
	"usage: uprgen render TEMPLATE --data FILE.yaml [--partials DIR] "
	"[--markdown]\n"
	"\n"
	"Expands the Mustache template TEMPLATE with the data of FILE.yaml\n"
	"(YAML or JSON, of any shape: its top level is the context) and\n"
	"prints the result.\n"
	"  --data FILE      the data\n"
	"  --partials DIR   where {{>NAME}} and {{<NAME}} are found: the\n"
	"                   first of DIR/NAME.mustache, NAME.md, NAME.html,\n"
	"                   NAME (default: the folder of TEMPLATE)\n"
	"  --markdown       {{x}} escapes values so that they render\n"
	"                   literally in Markdown, instead of escaping them\n"
	"                   for HTML\n"
	"Exit status: 0 success, 1 errors in the template or the data,\n"
	"2 wrong usage.\n";

struct S_args {
	const char *tmpl, *data, *partials;
	bool markdown;
};


/* Returns -1 to go on, else the exit status. */
static int S_parse_args(int argc, char **argv, struct S_args *a)
{
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		const char **slot = !strcmp(s, "--data")       ? &a->data
				    : !strcmp(s, "--partials") ? &a->partials
							       : NULL;
		if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
			fputs(S_usage, stdout);
			return 0;
		} else if (!strcmp(s, "--markdown")) {
			a->markdown = true;
		} else if (slot) {
			if (i + 1 >= argc)
				return cli_usage_error(
					"render",
					"a value is missing after '%s'", s);
			*slot = argv[++i];
		} else if (s[0] == '-' && s[1]) {
			return cli_usage_error("render", "unknown option '%s'", s);
		} else if (a->tmpl) {
			return cli_usage_error("render", "one TEMPLATE only, not also '%s'", s);
		} else {
			a->tmpl = s;
		}
	}
	if (!a->tmpl)
		return cli_usage_error("render", "no TEMPLATE given");
	if (!a->data)
		return cli_usage_error("render", "no --data FILE given");
	return -1;
}

static const char *S_error_text(int err)
{
	return err == EFBIG ? "the file is too large" : file_error_text(err);
}

const char *render_partials_load(void *ctx, const char *name,
				 struct source_pos at, size_t *len,
				 const char **file)
{
	static const char *const suffixes[] = {".mustache", ".md", ".html",
					       ""};
	struct render_partials_dir *p = ctx;
	if (!name[0] || name[0] == '.' || strpbrk(name, "/\\")) {
		diag_error(p->diags, at,
			   "partial name '%s' is not a plain file name (no "
			   "'/', no '\\', no leading '.')",
			   name);
		return NULL;
	}
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		char *path = arena_printf(p->arena, "%s/%s%s", p->dir, name,
					  suffixes[i]);
		char *text;
		size_t n;
		int err = file_read_all(path, RENDER_MAX_TEMPLATE_BYTES, &text,
					&n);
		if (err == ENOENT || err == ENOTDIR || err == EISDIR)
			continue;
		if (err) {
			diag_error(p->diags, at, "cannot read partial %s: %s",
				   path, S_error_text(err));
			return NULL;
		}
		const char *kept = arena_strndup(p->arena, text, n);
		free(text);
		*len = n;
		*file = path;
		return kept;
	}
	return NULL;
}

static const char *S_folder_of(struct arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return ".";
	return slash == path ? "/" : arena_strndup(a, path, slash - path);
}

/* Reads both files (to report the problems of both), then expands. */
static bool S_run(struct arena *a, struct diags *d, const struct S_args *args,
		  struct buf *out)
{
	char *text;
	size_t len;
	int err = file_read_all(args->tmpl, RENDER_MAX_TEMPLATE_BYTES, &text,
				&len);
	if (err)
		diag_error(d, (struct source_pos){args->tmpl, 0, 0},
			   "cannot read the template: %s", S_error_text(err));
	struct value *data = yamlread_file(a, d, args->data, args->data);
	bool ok = false;
	/* Data with errors (a duplicate key…) is not rendered half-right. */
	if (!err && data && !d->errors) {
		struct render_partials_dir dir = {
			args->partials ? args->partials
				       : S_folder_of(a, args->tmpl),
			a, d};
		struct mustache_partials partials = {render_partials_load,
						     &dir};
		struct mustache_options opt = {
			.escape = args->markdown ? MUSTACHE_ESCAPE_MARKDOWN
						 : MUSTACHE_ESCAPE_HTML,
			.partials = &partials,
		};
		ok = mustache_render(d, args->tmpl, text, len, data, &opt,
				     out);
	}
	free(text);
	return ok;
}

int render_command(int argc, char **argv)
{
	struct S_args args = {0};
	int status = S_parse_args(argc, argv, &args);
	if (status >= 0)
		return status;
	struct arena a;
	struct diags d;
	struct buf out;
	arena_init(&a);
	diags_init(&d);
	buf_init(&out);
	status = S_run(&a, &d, &args, &out) ? 0 : CLI_EXIT_CONTENT;
	diags_print(&d, stderr, 0);
	if (status == 0 && (fwrite(out.data ? out.data : "", 1, out.len,
				   stdout) != out.len ||
			    fflush(stdout) != 0)) {
		fprintf(stderr, "uprgen render: cannot write the output: %s\n",
			strerror(errno));
		status = CLI_EXIT_CONTENT;
	}
	buf_free(&out);
	diags_free(&d);
	arena_free(&a);
	return status;
}
