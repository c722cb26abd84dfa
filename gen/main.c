/*
 * main — the command line, and nothing else: each subcommand parses its
 * own options and calls into the pipeline.
 * Exit status: 0 success, 1 the content has errors, 2 wrong usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "cli.h"
#include "docx_count.h"
#include "diag.h"
#include "formats.h"
#include "heap.h"
#include "import.h"
#include "model.h"
#include "new.h"
#include "render.h"
#include "templates.h"
#include "util.h"
#include "words.h"

#ifndef UPRGEN_VERSION
#define UPRGEN_VERSION "0.1.0"
#endif


static const char S_usage[] =
	"usage: uprgen COMMAND [OPTIONS]\n"
	"\n"
	"Commands:\n"
	"  build  [-C DIR] [--out DIR] [--lang LL] "
	"[--format html|pdf|docx|all]\n"
	"                       build the website and the PDF and Word "
	"reports\n"
	"  check  [-C DIR] [-q] validate the content; every problem, then exit\n"
	"  render TEMPLATE --data FILE.yaml [--partials DIR] [--markdown]\n"
	"                       expand one Mustache template\n"
	"  import upr-info|uhri|ohchr-matrix FILE [--state NAME] [--out PATH]\n"
	"                       turn a database export into content\n"
	"  new    DIR --state NAME [--cycle N] [--session N] [--lang LL,...]\n"
	"                       start a new report project\n"
	"  export sheets [-C DIR] [--by responsible|cluster] [--out DIR]\n"
	"                       one spreadsheet per institution to fill in\n"
	"  export matrix [-C DIR] [--lang LL] [--out FILE.docx]\n"
	"                       OHCHR's matrix in Word, the assessment filled in\n"
	"  import sheet FILE.xlsx [-C DIR] [--force]\n"
	"                       what an institution filled in, to content/progress/\n"
	"  serve  [-C DIR] [--out DIR] [--port N] [--host ADDR]\n"
	"                       build, serve on 127.0.0.1 and rebuild on change\n"
	"\n"
	"'uprgen COMMAND --help' tells more.  Exit status: 0 success, 1 the\n"
	"content has errors, 2 wrong usage.\n";

static const char S_check_usage[] =
	"usage: uprgen check [-C DIR] [-q]\n"
	"\n"
	"Reads DIR/content/ (default: the current folder) and reports every\n"
	"problem found, as FILE:LINE:COLUMN: error|warning: MESSAGE.\n"
	"  -C DIR     the report project folder\n"
	"  -q         print errors only, not warnings\n"
	"Exit status: 0 no error (warnings allowed), 1 errors, 2 wrong usage.\n";

static int S_check_command(int argc, char **argv)
{
	const char *dir = ".";
	int quiet = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(S_check_usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "-C") && i + 1 < argc) {
			dir = argv[++i];
		} else if (!strcmp(argv[i], "-q")) {
			quiet = 1;
		} else {
			return cli_unexpected("check", argv[i]);
		}
	}
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct report *r = report_load(&a, &d, dir);
	if (r)
		report_validate(r, &d);
	/* the project's own templates and labels, as a build reads them */
	if (r) {
		struct template_dirs t = templates_find(&a, dir, NULL, &d);
		templates_check(&a, &t, &d);
		for (size_t i = 0; i < r->language_count; i++)
			words_labels(&a, &d, &t, r->languages[i]);
	}
	/* the words of the report, as the UN counts them (word_limit) */
	if (r && !d.errors && !quiet)
		docx_check_words(&a, &d, r, dir, stdout);
	diags_print(&d, stderr, quiet);
	int status = d.errors ? CLI_EXIT_CONTENT : 0;
	if (r && !d.errors)
		printf("ok: %zu recommendation%s in %zu cluster%s, %zu "
		       "statistic%s, %zu chapter%s (%zu warning%s)\n",
		       r->rec_count, r->rec_count == 1 ? "" : "s",
		       r->cluster_count, r->cluster_count == 1 ? "" : "s",
		       r->stat_count, r->stat_count == 1 ? "" : "s",
		       r->chapter_count, r->chapter_count == 1 ? "" : "s",
		       d.warnings, d.warnings == 1 ? "" : "s");
	else
		fprintf(stderr, "%zu error%s, %zu warning%s\n", d.errors,
			d.errors == 1 ? "" : "s", d.warnings,
			d.warnings == 1 ? "" : "s");
	diags_free(&d);
	arena_free(&a);
	return status;
}

/* `export` and `serve` live in uprgen's object (formats.h). */
static int S_export_command(int argc, char **argv)
{
	const struct formats *F = formats_load(NULL);
	return F ? F->sheet_export_command(argc, argv) : CLI_EXIT_CONTENT;
}

static int S_serve_command(int argc, char **argv)
{
	const struct formats *F = formats_load(NULL);
	return F ? F->serve_command(argc, argv) : CLI_EXIT_CONTENT;
}

struct S_command {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct S_command S_commands[] = {
	{"check", S_check_command},
	{"build", build_command},
	{"render", render_command},
	{"import", import_command},
	{"new", new_command},
	{"export", S_export_command},
	{"serve", S_serve_command},
};

int main(int argc, char **argv)
{
	/* `build` lays out its heap itself, once it has loaded what it
	 * needs (build.c) */
	if (argc < 2 || strcmp(argv[1], "build"))
		heap_prefer_huge_pages();
	if (argc < 2) {
		fputs(S_usage, stderr);
		return CLI_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		fputs(S_usage, stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("uprgen %s\n", UPRGEN_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof S_commands / sizeof *S_commands; i++)
		if (!strcmp(argv[1], S_commands[i].name))
			return S_commands[i].run(argc - 1, argv + 1);
	/* a command mistyped ("bulid"): the nearest, else the usage */
	struct near n = near_start(argv[1], 3);
	for (size_t i = 0; i < sizeof S_commands / sizeof *S_commands; i++)
		near_try(&n, S_commands[i].name);
	const char *near = n.best;
	if (near) {
		fprintf(stderr, "uprgen: unknown command '%s' (did you mean "
				"'%s'?); 'uprgen --help' lists them\n",
			argv[1], near);
		return CLI_EXIT_USAGE;
	}
	fprintf(stderr, "uprgen: unknown command '%s'\n\n%s", argv[1],
		S_usage);
	return CLI_EXIT_USAGE;
}
