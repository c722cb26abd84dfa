/*
 * test_mustache — what the spec files do not pin: Markdown escaping end to
 * end (hostile data through a Markdown template, then cmark-gfm), the
 * places of errors, the limits, partials from a folder, indentation, and
 * the `render` command line ($UPRGEN).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "check.h"
#include "mustache.h"
#include "render.h"
#include "value.h"
#include "yamlread.h"

/* Partials as {name, text, name, text, ..., NULL}. */
static const char *S_table_load(void *ctx, const char *name,
				struct source_pos at, size_t *len,
				const char **file)
{
	(void)at;
	for (const char *const *p = ctx; *p; p += 2)
		if (!strcmp(p[0], name)) {
			*len = strlen(p[1]);
			*file = p[0];
			return p[1];
		}
	return NULL;
}

struct S_result {
	bool ok;
	char *out; /* what out holds afterwards, past "<<" */
	struct diags d;
	struct arena a;
};

static void S_free(struct S_result *r)
{
	free(r->out);
	diags_free(&r->d);
	arena_free(&r->a);
}

/* Renders tmpl over YAML data into a buffer that already holds "<<", to
 * see that a failed render leaves it as it was. */
static struct S_result S_run_opt(const char *tmpl, const char *yaml,
				 const char *const *partials,
				 struct mustache_options opt)
{
	struct S_result r = {0};
	arena_init(&r.a);
	diags_init(&r.d);
	struct value *data =
		yaml ? yamlread_buffer(&r.a, &r.d, "d.yaml", yaml, strlen(yaml))
		     : NULL;
	struct mustache_partials p = {S_table_load, (void *)partials};
	if (partials)
		opt.partials = &p;
	struct buf out;
	buf_init(&out);
	buf_puts(&out, "<<");
	r.ok = mustache_render(&r.d, "t.mustache", tmpl, strlen(tmpl), data,
			       &opt, &out);
	CHECK(r.ok || strcmp(out.data, "<<") == 0);
	r.out = xstrdup(out.data + 2);
	buf_free(&out);
	return r;
}

static struct S_result S_run(const char *tmpl, const char *yaml,
			     const char *const *partials)
{
	return S_run_opt(tmpl, yaml, partials,
			 (struct mustache_options){
				 .escape = MUSTACHE_ESCAPE_HTML});
}

static void S_expect(const char *tmpl, const char *yaml,
		     const char *const *partials, const char *want)
{
	struct S_result r = S_run(tmpl, yaml, partials);
	CHECK(r.ok);
	CHECK_STR(r.out, want);
	if (r.d.count)
		diags_print(&r.d, stderr, 0);
	S_free(&r);
}

/* The render fails with its first error at line:column, saying `what`. */
static void S_expect_error(struct S_result r, const char *file, int line,
			   int column, const char *what)
{
	CHECK(!r.ok);
	const struct diag *g = NULL;
	for (size_t i = 0; i < r.d.count && !g; i++)
		if (r.d.items[i].severity == SEVERITY_ERROR)
			g = &r.d.items[i];
	CHECK(g != NULL);
	if (g) {
		bool ok = g->pos.file && !strcmp(g->pos.file, file) &&
			  g->pos.line == line && g->pos.column == column &&
			  strstr(g->message, what);
		CHECK(ok);
		if (!ok)
			fprintf(stderr,
				"  got %s:%d:%d: %s\n  want %s:%d:%d: %s\n",
				g->pos.file ? g->pos.file : "-", g->pos.line,
				g->pos.column, g->message, file, line, column,
				what);
	}
	S_free(&r);
}

static void test_basics(void)
{
	S_expect("{{a}} {{{a}}} {{&a}}", "a: \"<'&'>\"", NULL,
		 "&lt;&#39;&amp;&#39;&gt; <'&'> <'&'>");
	S_expect("{{n}} {{q}} {{b}} {{z}}|", "{n: 110.10, q: '110.10', b: "
					     "true, z: ~}",
		 NULL, "110.1 110.10 true |");
	S_expect("[{{x}}{{#x}}y{{/x}}{{^x}}n{{/x}}]", NULL, NULL, "[n]");
	S_expect("{{#a}}{{b.c}}{{/a}}", "{a: {b: {c: deep}}}", NULL, "deep");
	S_expect("{{#l}}{{.}},{{/l}}", "l: [1, two, 3.5]", NULL, "1,two,3.5,");
	S_expect("", "{}", NULL, "");
	S_expect("{{=| |=}}|a| {{a}} |={{ }}=|{{a}}", "a: 1", NULL,
		 "1 {{a}} 1");
	/* the spec's rule: a tag stands alone only as the one tag of its
	 * line, so a line of two section tags keeps its newline */
	S_expect("x\n{{#a}}{{/a}}\ny", "a: true", NULL, "x\n\ny");
	S_expect("x\n  {{#a}}\n  {{/a}}\ny", "a: true", NULL, "x\ny");

	struct diags d;
	struct buf out;
	diags_init(&d);
	buf_init(&out);
	CHECK(mustache_render(&d, "t", "<{{x}}>", 7, NULL, NULL, &out));
	CHECK_STR(out.data, "<>");
	buf_free(&out);
	diags_free(&d);
}

static void test_error_positions(void)
{
	S_expect_error(S_run("a\nb\ncd  {{#sec}}\nx\n", "{}", NULL),
		       "t.mustache", 3, 5, "'sec' is not closed");
	S_expect_error(S_run("{{#a}}\n  {{/b}}\n", "{}", NULL), "t.mustache",
		       2, 3, "does not close 'a', opened at line 1");
	S_expect_error(S_run("{{#a}}{{#b}}{{/a}}{{/b}}", "{}", NULL),
		       "t.mustache", 1, 13, "'{{/a}}' does not close 'b'");
	S_expect_error(S_run("x {{/a}}", "{}", NULL), "t.mustache", 1, 3,
		       "closes nothing");
	S_expect_error(S_run("ab\n {{x", "{}", NULL), "t.mustache", 2, 2,
		       "is not closed");
	S_expect_error(S_run("{{{x}}", "{}", NULL), "t.mustache", 1, 1,
		       "is not closed");
	S_expect_error(S_run("é\t{{=<%=}}", "{}", NULL), "t.mustache", 1, 3,
		       "does not set two delimiters");
	S_expect_error(S_run("{{= a b c =}}", "{}", NULL), "t.mustache", 1, 1,
		       "does not set two delimiters");
	S_expect_error(S_run("\n{{#}}{{/}}", "{}", NULL), "t.mustache", 2, 1,
		       "names nothing");
	S_expect_error(S_run("{{a b}}", "{}", NULL), "t.mustache", 1, 1,
		       "contains blanks");
	S_expect_error(S_run("ok\nab\xff", "{}", NULL), "t.mustache", 2, 3,
		       "not UTF-8");
	static const char *const broken[] = {"p", "x\n  {{#s}}", NULL};
	S_expect_error(S_run("{{>p}}", "{}", broken), "p", 2, 3,
		       "'s' is not closed");
	/* all the problems, not just the first */
	struct S_result r = S_run("{{/a}} {{#}} {{#b}}", "{}", NULL);
	CHECK(!r.ok && r.d.errors == 3);
	S_free(&r);
}

static void test_limits(void)
{
	static const char *const self[] = {"p", "x{{>p}}", NULL};
	S_expect_error(S_run("{{>p}}", "{}", self), "p", 1, 2,
		       "nested more than 100 deep");
	static const char *const parents[] = {"p", "{{<q}}{{/q}}", "q",
					      "{{<p}}{{/p}}", NULL};
	S_expect_error(S_run("{{<p}}{{/p}}", "{}", parents), "q", 1, 1,
		       "does 'p' include itself");
	/* recursion that the data ends is fine */
	static const char *const tree[] = {
		"n", "({{v}}{{#kids}}{{>n}}{{/kids}})", NULL};
	S_expect("{{>n}}", "{v: 1, kids: [{v: 2, kids: [{v: 3, kids: []}]}]}",
		 tree, "(1(2(3)))");

	struct buf t;
	buf_init(&t);
	for (int i = 0; i < MUSTACHE_MAX_NESTING + 1; i++)
		buf_puts(&t, "{{#a}}");
	for (int i = 0; i < MUSTACHE_MAX_NESTING + 1; i++)
		buf_puts(&t, "{{/a}}");
	S_expect_error(S_run(t.data, "a: true", NULL), "t.mustache", 1,
		       6 * MUSTACHE_MAX_NESTING + 1, "nested more than 1000");
	/* sections inside partials inside sections...: each level of p
	 * nests 21 deep, so the 13th section of the 48th p is the 1001st */
	buf_clear(&t);
	for (int i = 0; i < 20; i++)
		buf_puts(&t, "{{#a}}");
	buf_puts(&t, "{{>p}}");
	for (int i = 0; i < 20; i++)
		buf_puts(&t, "{{/a}}");
	const char *const deep[] = {"p", t.data, NULL};
	S_expect_error(S_run("{{>p}}", "a: true", deep), "p", 1, 73,
		       "nested more than 1000 deep");
	buf_free(&t);
	/* a template full of errors is read up to a point */
	buf_init(&t);
	for (int i = 0; i < 10000; i++)
		buf_puts(&t, "{{/x}}\n");
	struct S_result r = S_run(t.data, "{}", NULL);
	CHECK(!r.ok && r.d.errors == MUSTACHE_MAX_ERRORS + 1);
	CHECK(r.d.count > 0 &&
	      strstr(r.d.items[r.d.count - 1].message, "too many errors"));
	S_free(&r);
	buf_free(&t);

	const char *list = "l: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]";
	struct mustache_options opt = {.escape = MUSTACHE_ESCAPE_HTML, .max_output = 100};
	S_expect_error(S_run_opt("{{#l}}{{#l}}xx{{/l}}{{/l}}", list, NULL, opt),
		       "t.mustache", 1, 13, "larger than 100 bytes");
	opt = (struct mustache_options){.escape = MUSTACHE_ESCAPE_HTML, .max_steps = 500};
	S_expect_error(S_run_opt("{{#l}}{{#l}}{{#l}}.{{/l}}{{/l}}{{/l}}",
				 list, NULL, opt),
		       "t.mustache", 1, 19, "more than 500 steps");
}

static void test_partials(void)
{
	static const char *const none[] = {NULL};
	struct S_result r = S_run("[{{>missing}}]", "{}", none);
	CHECK(r.ok && !strcmp(r.out, "[]") && r.d.warnings == 1);
	CHECK(r.d.count == 1 && strstr(r.d.items[0].message, "'missing'"));
	S_free(&r);
	/* warned once, however often used */
	r = S_run("{{#l}}{{>missing}}{{/l}}", "l: [1, 2, 3]", none);
	CHECK(r.ok && r.d.warnings == 1);
	S_free(&r);
	r = S_run("{{>p}}", "{}", NULL);
	CHECK(r.ok && r.d.warnings == 1);
	S_free(&r);

	/* indentation of standalone partials adds up; values are not
	 * indented inside; empty lines stay empty */
	static const char *const nest[] = {"outer", "o1\n  {{>inner}}\no2\n",
					   "inner", "i1\n\ni2 {{v}}\n", NULL};
	S_expect("- {{>outer}}\n  {{>outer}}\n", "v: \"a\\nb\"", nest,
		 "- o1\n  i1\n\n  i2 a\nb\no2\n\n  o1\n    i1\n\n    i2 a\nb\n"
		 "  o2\n");
	/* a standalone block inside a section on its own line */
	static const char *const layout[] = {
		"layout",
		"<ul>\n  {{$items}}\n  <li>none</li>\n  {{/items}}\n</ul>\n",
		NULL};
	/* a block opened and closed on one line is a slot in it: the lines
	 * of what fills it take the indentation of the slot */
	static const char *const slot[] = {
		"p", "<div>\n  {{$b}}{{/b}}\n</div>\n", NULL};
	S_expect("{{<p}}{{$b}}\none\ntwo\n{{/b}}{{/p}}", "{}", slot,
		 "<div>\n  one\n  two\n\n</div>\n");
	S_expect("{{<layout}}\n{{$items}}\n{{#l}}\n<li>{{.}}</li>\n{{/l}}\n"
		 "{{/items}}\n{{/layout}}\n",
		 "l: [a, b]", layout,
		 "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
}

/* Writes files into a fresh folder: {relative path, text, ..., NULL}. */
static void S_make_folder(char *dir, const char *const *files)
{
	strcpy(dir, "/tmp/uprgen-mustache-XXXXXX");
	CHECK(mkdtemp(dir) != NULL);
	for (const char *const *f = files; *f; f += 2) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, f[0]);
		if (!f[1]) {
			CHECK(mkdir(path, 0755) == 0);
			continue;
		}
		FILE *fp = fopen(path, "w");
		CHECK(fp != NULL);
		if (fp) {
			fputs(f[1], fp);
			fclose(fp);
		}
	}
}

static void S_remove_folder(const char *dir, const char *const *files)
{
	size_t n = 0;
	while (files[2 * n])
		n++;
	while (n-- > 0) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, files[2 * n]);
		if (unlink(path) != 0)
			rmdir(path);
	}
	rmdir(dir);
}

static const char *const S_folder_files[] = {
	"a.mustache", "A-mustache", "a.md", "A-md", "b.md", "B-md",
	"b.html", "B-html", "c.html", "C-html", "c", "C", "d", "D",
	"e", NULL, "e.md", NULL, "e.mustache", NULL, NULL,
};

static void test_partials_folder(void)
{
	char dir[64];
	S_make_folder(dir, S_folder_files);
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct render_partials_dir pd = {dir, &a, &d};
	struct mustache_partials p = {render_partials_load, &pd};
	struct mustache_options opt = {.escape = MUSTACHE_ESCAPE_HTML, .partials = &p};
	struct buf out;
	buf_init(&out);
	const char *t = "{{>a}} {{>b}} {{>c}} {{>d}} [{{>e}}]";
	CHECK(mustache_render(&d, "t", t, strlen(t), NULL, &opt, &out));
	CHECK_STR(out.data, "A-mustache B-md C-html D []");
	char *path = arena_printf(&a, "%s/a.mustache", dir);
	const char *file = NULL;
	size_t len;
	const char *text = render_partials_load(
		&pd, "a", (struct source_pos){"t", 1, 1}, &len, &file);
	CHECK(text && len == 10 && file && !strcmp(file, path));

	static const char *const unsafe[] = {"{{>../x}}", "{{>.hidden}}",
					     "{{>a/b}}", "{{>a\\b}}"};
	for (size_t i = 0; i < 4; i++) {
		diags_free(&d);
		buf_clear(&out);
		const char *u = unsafe[i];
		CHECK(!mustache_render(&d, "u", u, strlen(u), NULL, &opt,
				       &out));
		CHECK(d.errors == 1 && d.items[0].pos.line == 1 &&
		      d.items[0].pos.column == 1 &&
		      strstr(d.items[0].message, "not a plain file name"));
		CHECK(out.len == 0);
	}
	buf_free(&out);
	diags_free(&d);
	arena_free(&a);
	S_remove_folder(dir, S_folder_files);
}

/* ---- Markdown templates: hostile data cannot make markup ---- */

static const char S_md_template[] =
	"# Report on {{state}}\n"
	"\n"
	"Prepared by {{by}}.\n"
	"\n"
	"{{#recs}}\n"
	"- {{id}} {{text}}\n"
	"{{/recs}}\n"
	"\n"
	"| id | text |\n"
	"|---|---|\n"
	"{{#recs}}\n"
	"| {{id}} | {{text}} |\n"
	"{{/recs}}\n"
	"\n"
	"{{#recs}}\n"
	"{{text}}\n"
	"\n"
	"{{/recs}}\n"
	"\n"
	"{{{prose}}}\n";

static const char S_md_data[] =
	"state: \"<script>alert(1)</script> **Peru**\"\n"
	"by: \"[x](javascript:alert(1)) & www.evil.com <http://x> `c` ~~s~~ "
	"[^1] &amp; \\\\\"\n"
	"prose: \"Some *real* Markdown.\"\n"
	"recs:\n"
	"  - {id: \"1.\", text: \"# not a heading\"}\n"
	"  - {id: \"-\", text: \"    code | not a cell\"}\n"
	"  - {id: \"110.10\",\n"
	"     text: \"> quote\\n===\\n<!-- c --> ![i](x.png)\"}\n"
	"  - {id: \"+\", text: \"line  \\nbreak? _no_ __no__ <b>no</b>\"}\n";

struct S_md_counts {
	int headings, items, cells, paragraphs, emph, bad;
	struct buf text;
};

static void S_md_count(struct S_md_counts *c, const char *md)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p = cmark_parser_new(CMARK_OPT_FOOTNOTES);
	const char *exts[] = {"table", "strikethrough", "autolink"};
	for (size_t i = 0; i < 3; i++)
		cmark_parser_attach_syntax_extension(
			p, cmark_find_syntax_extension(exts[i]));
	cmark_parser_feed(p, md, strlen(md));
	cmark_node *doc = cmark_parser_finish(p);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		const char *ts = cmark_node_get_type_string(n);
		if (ev != CMARK_EVENT_ENTER && t != CMARK_NODE_TEXT)
			continue;
		if (t == CMARK_NODE_TEXT)
			buf_puts(&c->text, cmark_node_get_literal(n));
		else if (t == CMARK_NODE_HEADING)
			c->headings++;
		else if (t == CMARK_NODE_ITEM)
			c->items++;
		else if (t == CMARK_NODE_PARAGRAPH)
			c->paragraphs++;
		else if (t == CMARK_NODE_EMPH)
			c->emph++;
		else if (!strcmp(ts, "table_cell"))
			c->cells++;
		else if (t != CMARK_NODE_DOCUMENT && t != CMARK_NODE_LIST &&
			 t != CMARK_NODE_SOFTBREAK && strcmp(ts, "table") &&
			 strcmp(ts, "table_row") && strcmp(ts, "table_header"))
			c->bad++;
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	cmark_parser_free(p);
}

static void test_markdown_escaping(void)
{
	struct S_result r = S_run_opt(
		S_md_template, S_md_data, NULL,
		(struct mustache_options){.escape = MUSTACHE_ESCAPE_MARKDOWN});
	CHECK(r.ok);
	struct S_md_counts c = {0};
	buf_init(&c.text);
	S_md_count(&c, r.out);
	/* one heading, four items, a 2x5 table; paragraphs: "Prepared by",
	 * one in each item, one per value, and the prose, whose emphasis is
	 * meant */
	CHECK(c.headings == 1 && c.items == 4 && c.cells == 10);
	CHECK(c.paragraphs == 1 + 4 + 4 + 1 && c.emph == 1 && c.bad == 0);
	if (c.bad || c.emph != 1 || c.paragraphs != 10 || c.cells != 10)
		fprintf(stderr, "  markdown:\n%s\n", r.out);
	CHECK(strstr(c.text.data, "<script>alert(1)</script> **Peru**"));
	CHECK(strstr(c.text.data, "[x](javascript:alert(1)) & www.evil.com "
				  "<http://x> `c` ~~s~~ [^1] &amp; \\"));
	CHECK(strstr(c.text.data, "    code | not a cell"));
	CHECK(strstr(c.text.data, "> quote === <!-- c --> ![i](x.png)"));
	CHECK(strstr(c.text.data, "line   break? _no_ __no__ <b>no</b>"));
	buf_free(&c.text);
	S_free(&r);
}

/* ---- the command line ---- */

static int S_cli(const char *const *args, struct buf *out, struct buf *err)
{
	const char *uprgen = getenv("UPRGEN");
	int o[2], e[2];
	if (!uprgen || pipe(o) != 0 || pipe(e) != 0)
		return -1;
	const char *argv[16] = {uprgen};
	size_t n = 1;
	while (*args && n < 15)
		argv[n++] = *args++;
	argv[n] = NULL;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(o[1], 1);
		dup2(e[1], 2);
		close(o[0]);
		close(e[0]);
		alarm(60);
		execv(uprgen, (char *const *)argv);
		_exit(127);
	}
	close(o[1]);
	close(e[1]);
	char chunk[4096];
	ssize_t k;
	/* small outputs only: stderr after stdout cannot block */
	while ((k = read(o[0], chunk, sizeof chunk)) > 0)
		buf_put(out, chunk, (size_t)k);
	while ((k = read(e[0], chunk, sizeof chunk)) > 0)
		buf_put(err, chunk, (size_t)k);
	close(o[0]);
	close(e[0]);
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void S_expect_cli(const char *const *args, int status,
			 const char *out_has, const char *err_has)
{
	struct buf out, err;
	buf_init(&out);
	buf_init(&err);
	int got = S_cli(args, &out, &err);
	const char *o = out.data ? out.data : "", *e = err.data ? err.data : "";
	bool ok = got == status &&
		  (out_has ? strstr(o, out_has) != NULL : out.len == 0) &&
		  (err_has ? strstr(e, err_has) != NULL : err.len == 0);
	CHECK(ok);
	if (!ok)
		fprintf(stderr, "  uprgen %s ...: exit %d\n  stdout [%s]\n"
				"  stderr [%s]\n",
			args[0], got, o, e);
	buf_free(&out);
	buf_free(&err);
}

static const char *const S_cli_files[] = {
	"t.md", "# {{title}}\n{{>part}}\n",
	"part.md", "*{{title}}*\n",
	"bad.mustache", "x\n  {{#a}}\n",
	"d.yaml", "title: \"A_b *c*\"\n",
	"bad.yaml", "a: [\n",
	"parts", NULL,
	"parts/part.mustache", "[{{title}}]",
	NULL,
};

static void test_command_line(void)
{
	if (!getenv("UPRGEN")) {
		fputs("test_mustache: UPRGEN not set: the command line is "
		      "not tested\n",
		      stderr);
		check_failed++;
		return;
	}
	char dir[64];
	S_make_folder(dir, S_cli_files);
	char t[128], bad[128], d[128], bad_yaml[128], parts[128];
	snprintf(t, sizeof t, "%s/t.md", dir);
	snprintf(bad, sizeof bad, "%s/bad.mustache", dir);
	snprintf(d, sizeof d, "%s/d.yaml", dir);
	snprintf(bad_yaml, sizeof bad_yaml, "%s/bad.yaml", dir);
	snprintf(parts, sizeof parts, "%s/parts", dir);

	S_expect_cli((const char *[]){"render", "--help", NULL}, 0,
		     "usage: uprgen render", NULL);
	S_expect_cli((const char *[]){"render", NULL}, 2, NULL,
		     "no TEMPLATE given");
	S_expect_cli((const char *[]){"render", t, NULL}, 2, NULL,
		     "no --data FILE given");
	S_expect_cli((const char *[]){"render", t, "--data", NULL}, 2, NULL,
		     "a value is missing after '--data'");
	S_expect_cli((const char *[]){"render", t, "--data", d, "--x", NULL},
		     2, NULL, "unknown option '--x'");
	S_expect_cli((const char *[]){"render", t, t, "--data", d, NULL}, 2,
		     NULL, "one TEMPLATE only");
	/* partials default to the template's folder */
	S_expect_cli((const char *[]){"render", t, "--data", d, NULL}, 0,
		     "# A_b *c*\n*A_b *c**\n", NULL);
	S_expect_cli((const char *[]){"render", t, "--data", d, "--markdown",
				      NULL},
		     0, "# A\\_b \\*c\\*\n*A\\_b \\*c\\**\n", NULL);
	S_expect_cli((const char *[]){"render", t, "--data", d, "--partials",
				      parts, NULL},
		     0, "# A_b *c*\n[A_b *c*]", NULL);
	S_expect_cli((const char *[]){"render", bad, "--data", d, NULL}, 1,
		     NULL,
		     "bad.mustache:2:3: error: section 'a' is not closed");
	S_expect_cli((const char *[]){"render", t, "--data", bad_yaml, NULL},
		     1, NULL, "bad.yaml:");
	S_expect_cli((const char *[]){"render", "/nonexistent/t.md", "--data",
				      "/nonexistent/d.yaml", NULL},
		     1, NULL, "/nonexistent/t.md: error: cannot read");
	S_remove_folder(dir, S_cli_files);
}

int main(void)
{
	test_basics();
	test_error_positions();
	test_limits();
	test_partials();
	test_partials_folder();
	test_markdown_escaping();
	test_command_line();
	return check_done("mustache");
}
