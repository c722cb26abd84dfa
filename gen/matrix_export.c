/*
 * matrix_export — `uprgen export matrix`: OHCHR's thematic list of
 * recommendations as a Word document in OHCHR's layout (the
 * recommendation and its recommending States, the position, the themes,
 * the assessment of its implementation), the last column filled from
 * each recommendation's status, measures and sources: the answer in the
 * form the question came in.
 *
 * The document is the template export-matrix.md (a project's own first,
 * as every template) expanded with the one context, parsed by cmark-gfm
 * and written by the Word back end (docx.h) in landscape, without the
 * report's title page.  A table cell holds no paragraphs, so a Markdown
 * field placed in one (a measure's text) is written as its text on one
 * line: its notes left out (the measure's source is in the cell).
 *
 * Memory: everything lives in the command's arena; nothing is kept.
 */
#include "sheet.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "context.h"
#include "stamp.h"
#include "docx.h"
#include "document.h"
#include "escape.h"
#include "markdown.h"
#include "mustache.h"
#include "templates.h"
#include "words.h"

static const char S_usage[] =
	"usage: uprgen export matrix [-C DIR] [--lang LL] [--out FILE.docx] "
	"[--force]\n"
	"OHCHR's matrix of recommendations as a Word document, the last column\n"
	"(assessment of implementation) filled from each recommendation's\n"
	"status, measures and sources.\n"
	"  -C DIR      the report project folder (default: the current one)\n"
	"  --lang LL   the language of the document (default: the report's "
	"first)\n"
	"  --out FILE  where to write (default: DIR/build/matrix-LL.docx)\n"
	"  --force     replace FILE if it is there\n"
	"The layout is templates/export-matrix.md (copy it to the project's\n"
	"templates/ to change it).\n";

/* Takes the notes out of a field's tree: their marks and their texts. */
static void S_drop_notes(cmark_node *doc)
{
	cmark_node **drop = NULL;
	size_t n = 0, cap = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		int type = cmark_node_get_type(node);
		if (ev != CMARK_EVENT_ENTER ||
		    (type != CMARK_NODE_FOOTNOTE_REFERENCE &&
		     type != CMARK_NODE_FOOTNOTE_DEFINITION))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			drop = xrealloc(drop, cap * sizeof *drop);
		}
		drop[n++] = node;
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < n; i++)
		cmark_node_free(drop[i]);
	free(drop);
}

/* {{{field}}} in a cell: the field's text, on one line, escaped for
 * Markdown (so that a '|' stays in its cell). */
static void S_field_line(void *ctx, const struct value *field,
			 struct buf *out)
{
	struct diags *d = ctx;
	cmark_node *doc = document_parse_field(field, d);
	if (!doc)
		return;
	S_drop_notes(doc);
	char *text = cmark_render_plaintext(doc, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(doc);
	/* white space, line ends included, as one space */
	struct buf line;
	buf_init(&line);
	bool space = false;
	for (const char *p = text; *p; p++) {
		if (strchr(" \t\r\n", *p)) {
			space = line.len > 0;
			continue;
		}
		if (space)
			buf_putc(&line, ' ');
		space = false;
		buf_putc(&line, *p);
	}
	free(text);
	if (line.len)
		escape_markdown(out, line.data, line.len);
	buf_free(&line);
}

/* The files' date (stamp.h) as the Word package dates its entries. */
static struct docx_date S_created(const struct report *r)
{
	struct stamp t = stamp_of_report(r);
	return (struct docx_date){t.year, t.month, t.day, t.hour, t.minute,
				  t.second};
}

static int S_matrix(int argc, char **argv)
{
	const char *dir = ".", *out = NULL, *lang_arg = NULL;
	bool force = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(S_usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "-C") && i + 1 < argc) {
			dir = argv[++i];
		} else if (!strcmp(argv[i], "--out") && i + 1 < argc) {
			out = argv[++i];
		} else if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
			lang_arg = argv[++i];
		} else if (!strcmp(argv[i], "--force")) {
			force = true;
		} else {
			return cli_unexpected("export matrix", argv[i]);
		}
	}
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	int status = CLI_EXIT_CONTENT;
	enum lang lang;
	struct template_dirs t;
	struct words w;
	int usage;
	struct report *r = sheet_open(&a, &d, dir, lang_arg, "export matrix",
				      &lang, &t, &w, &usage);
	if (usage >= 0) {
		diags_free(&d);
		arena_free(&a);
		return usage;
	}
	if (!r || d.errors)
		goto done;
	if (!out)
		out = arena_path(&a, dir, arena_printf(&a, "build/matrix-%s.docx",
						       lang_code(lang)));
	struct stat st;
	if (!force && lstat(out, &st) == 0) {
		diag_error(&d, (struct source_pos){out, 0, 0},
			   "this file is there already; give --force to "
			   "replace it");
		goto done;
	}
	size_t len;
	const char *tmpl_file;
	const char *tmpl = templates_load(&a, &t, "export-matrix.md", &len,
					  &tmpl_file);
	if (!tmpl) {
		diag_error(&d, (struct source_pos){"templates/export-matrix.md",
						   0, 0},
			   "the template is missing: neither the project nor "
			   "uprgen's built-in templates have it");
		goto done;
	}
	const struct value *ctx = context_build(&a, r, &w);
	struct templates_md_partials pctx = {&a, &t};
	struct mustache_options mo = {0};
	mo.escape = MUSTACHE_ESCAPE_MARKDOWN;
	mo.partials =
		&(struct mustache_partials){templates_md_partial, &pctx};
	mo.field = S_field_line;
	mo.field_ctx = &d;
	struct buf md;
	buf_init(&md);
	bool ok = mustache_render(&d, tmpl_file, tmpl, len, ctx, &mo, &md);
	cmark_node *tree = ok ? markdown_parse(md.data ? md.data : "", md.len,
					       (struct source_pos){tmpl_file, 1, 1},
					       &d)
			      : NULL;
	buf_free(&md);
	if (!tree)
		goto done;
	char *slash = strrchr(out, '/');
	if (slash && slash != out) {
		char *parent = arena_strndup(&a, out, (size_t)(slash - out));
		if (!file_mkdirs(parent)) {
			diag_error(&d, (struct source_pos){parent, 0, 0},
				   "cannot make this folder: %s",
				   strerror(errno));
			cmark_node_free(tree);
			goto done;
		}
	}
	enum lang first = report_first_language(r);
	struct docx_options o = {0};
	o.lang = lang;
	o.file = tmpl_file;
	o.report = r;
	o.words = &w;
	o.title = words_get(&w, "export_matrix_title");
	o.author = text_get(&r->prepared_by, lang, first);
	o.state = text_get(&r->state, lang, first);
	o.subject = o.title;
	o.keywords = words_get(&w, "pdf_keywords");
	o.symbol = r->symbol;
	o.created = S_created(r);
	o.landscape = true;
	o.no_title_page = true;
	o.base_dir = r->content_dir;
	o.root = r->real_dir;
	ok = docx_render(tree, &o, out, &d);
	cmark_node_free(tree);
	if (ok && !d.errors) {
		status = 0;
		printf("%s: %zu recommendations\n", out, r->rec_count);
	}
done:
	diags_print(&d, stderr, 1);
	diags_free(&d);
	arena_free(&a);
	return status;
}

int matrix_export_command(int argc, char **argv)
{
	return S_matrix(argc, argv);
}
