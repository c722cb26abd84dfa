/*
 * build — `uprgen build`: the whole pipeline, from content/ to the site
 * and the PDFs, written so that a failed or interrupted build loses
 * nothing.
 *
 * load → validate → for each language: context → Mustache (report.md) →
 * Markdown tree; then the site (all languages) and one PDF per language.
 * Everything is written into a fresh staging folder inside the output
 * folder, and moved into place only when every file succeeded: the site
 * folder is swapped in one rename(2) exchange, so a reader (or a kill)
 * sees the old site or the new one, never half of each.
 */
#define _GNU_SOURCE /* renameat2, RENAME_EXCHANGE */
#include "build.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "context.h"
#include "heap.h"
#include "markdown.h"
#include "model.h"
#include "mustache.h"
#include "pdf.h"
#include "site.h"
#include "thread.h"
#include "templates.h"
#include "yamlread.h"

static const char S_usage[] =
	"usage: uprgen build [-C DIR] [--out DIR] [--lang LL] "
	"[--format html|pdf|all]\n"
	"\n"
	"Checks DIR/content/ (default: the current folder), then writes\n"
	"  OUT/site/            the website (one folder per language)\n"
	"  OUT/report-LL.pdf    the PDF report, per language\n"
	"  OUT/md/report-LL.md  the expanded Markdown, for inspection\n"
	"OUT is DIR/build unless --out says otherwise.  Templates come from\n"
	"DIR/templates/ first, then from the built-in ones.\n"
	"  --lang LL      build one language of the report only\n"
	"  --format F     html, pdf or all (default)\n"
	"A failed build leaves the previous output as it was.\n";

struct S_options {
	const char *dir;
	const char *out;
	int only_lang; /* -1: all */
	bool html, pdf;
};

struct S_language {
	enum lang lang;
	const struct value *labels;
	const struct value *context;
	char *markdown; /* heap, freed with doc by S_release_report */
	size_t markdown_len;
	cmark_node *doc;
	bool released;	/* markdown and doc are being freed */
	bool freeing;	/* on the thread freer */
	pthread_t freer;
};

static int S_parse_args(int argc, char **argv, struct S_options *o)
{
	o->dir = ".";
	o->out = NULL;
	o->only_lang = -1;
	o->html = o->pdf = true;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			fputs(S_usage, stdout);
			return 0;
		} else if (!strcmp(arg, "-C") && val) {
			o->dir = val;
			i++;
		} else if (!strcmp(arg, "--out") && val) {
			o->out = val;
			i++;
		} else if (!strcmp(arg, "--lang") && val) {
			o->only_lang = lang_from_code(val);
			if (o->only_lang < 0) {
				return cli_usage_error(
					"build", "unknown language '%s' (en, es "
						 "or fr)",
					val);
			}
			i++;
		} else if (!strcmp(arg, "--format") && val) {
			o->html = !strcmp(val, "html") || !strcmp(val, "all");
			o->pdf = !strcmp(val, "pdf") || !strcmp(val, "all");
			if (!o->html && !o->pdf) {
				return cli_usage_error(
					"build",
					"--format is html, pdf or all, not '%s'",
					val);
			}
			i++;
		} else {
			return cli_usage_error("build", "unexpected '%s'", arg);
		}
	}
	return -1;
}

/* ------------------------------------------------------------ files */

static int S_remove_entry(const char *path, const struct stat *st, int flag,
			  struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void S_remove_tree(const char *path)
{
	nftw(path, S_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static bool S_mkdirs(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			free(p);
			return false;
		}
		*s = '/';
	}
	bool ok = mkdir(p, 0777) == 0 || errno == EEXIST;
	free(p);
	return ok;
}

static bool S_write_file(struct diags *d, const char *path, const char *data,
			 size_t len)
{
	int err = file_write_all(path, data, len);
	if (err)
		diag_error(d, (struct source_pos){path, 0, 0},
			   "cannot write this file: %s", strerror(err));
	return err == 0;
}

/* Moves staged/NAME to out/NAME: an exchange when out/NAME exists, so the
 * old one is never missing, then the old one is removed. */
static bool S_move_into_place(struct arena *a, struct diags *d,
			      const char *staged, const char *out,
			      const char *name)
{
	const char *from = arena_printf(a, "%s/%s", staged, name);
	const char *to = arena_printf(a, "%s/%s", out, name);
	struct stat st;
	if (lstat(from, &st) != 0)
		return true;
	if (lstat(to, &st) == 0 &&
	    renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE) == 0) {
		S_remove_tree(from);
		return true;
	}
	if (lstat(to, &st) == 0 && S_ISDIR(st.st_mode))
		S_remove_tree(to); /* no exchange on this file system */
	if (rename(from, to) == 0)
		return true;
	diag_error(d, (struct source_pos){to, 0, 0},
		   "cannot move the new output into place: %s",
		   strerror(errno));
	return false;
}

/* A build killed mid-way leaves its staging folder: clear those. */
static void S_remove_stale_staging(struct arena *a, const char *out)
{
	DIR *dir = opendir(out);
	if (!dir)
		return;
	struct dirent *e;
	while ((e = readdir(dir)))
		if (!strncmp(e->d_name, ".uprgen-build-", 14))
			S_remove_tree(arena_printf(a, "%s/%s", out, e->d_name));
	closedir(dir);
}

/* --------------------------------------------------------- templates */

struct S_partials_ctx {
	struct arena *a;
	const struct template_dirs *t;
};

/* Partials of Markdown templates are the .md files of templates/. */
static const char *S_load_partial(void *ctx, const char *name,
				  struct source_pos at, size_t *len,
				  const char **file)
{
	(void)at;
	struct S_partials_ctx *p = ctx;
	if (!*name || *name == '.' || strchr(name, '/'))
		return NULL;
	return templates_load(p->a, p->t, arena_printf(p->a, "%s.md", name),
			      len, file);
}

static const struct value *S_load_labels(struct arena *a, struct diags *d,
					 const struct template_dirs *t,
					 enum lang l)
{
	const char *name = arena_printf(a, "labels/%s.yaml", lang_code(l));
	size_t len;
	const char *path;
	const char *text = templates_load(a, t, name, &len, &path);
	if (!text) {
		diag_warning(d, (struct source_pos){name, 0, 0},
			     "no labels for '%s' among the templates; the "
			     "report's fixed words will show as their keys",
			     lang_code(l));
		return NULL;
	}
	return yamlread_buffer(a, d, path, text, len);
}

static bool S_expand(struct arena *a, struct diags *d,
		     const struct template_dirs *t, struct S_language *L)
{
	size_t len;
	const char *path;
	const char *tmpl = templates_load(a, t, "report.md", &len, &path);
	if (!tmpl) {
		diag_error(d, (struct source_pos){"templates/report.md", 0, 0},
			   "the report template is missing: neither the "
			   "project nor uprgen's built-in templates have it");
		return false;
	}
	struct S_partials_ctx pctx = {a, t};
	struct mustache_partials partials = {S_load_partial, &pctx};
	struct mustache_options opt = {0};
	opt.escape = MUSTACHE_ESCAPE_MARKDOWN;
	opt.partials = &partials;
	struct buf out;
	buf_init(&out);
	bool ok = mustache_render(d, path, tmpl, len, L->context, &opt, &out);
	L->markdown_len = out.len;
	L->markdown = buf_detach(&out);
	return ok;
}

/* ------------------------------------------------------------ PDF */

/* SOURCE_DATE_EPOCH when set (reproducible builds), else the report's
 * date: never the clock. */
static struct pdf_date S_creation_date(const struct report *r)
{
	struct pdf_date pd = {0};
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long secs = epoch ? strtoll(epoch, &end, 10) : -1;
	if (epoch && *epoch && !*end && secs >= 0) {
		time_t tt = (time_t)secs;
		struct tm tm;
		gmtime_r(&tt, &tm);
		pd = (struct pdf_date){tm.tm_year + 1900, tm.tm_mon + 1,
				       tm.tm_mday, tm.tm_hour, tm.tm_min,
				       tm.tm_sec};
	} else if (r->date.present) {
		pd = (struct pdf_date){r->date.year, r->date.month,
				       r->date.day, 0, 0, 0};
	}
	return pd;
}

/* The report's date as the context writes it out in the language. */
static const char *S_date_text(const struct value *ctx)
{
	const struct value *v = value_map_get(value_map_get(ctx, "date"),
					      "text");
	return v && v->kind == VALUE_STRING && v->len ? v->str : NULL;
}

static bool S_write_pdf(struct arena *a, struct diags *d,
			const struct report *r, const struct S_language *L,
			const char *staging)
{
	enum lang first = report_first_language(r);
	struct pdf_options o = {0};
	o.lang = L->lang;
	o.title = text_get(&r->title, L->lang, first);
	o.subtitle = text_get(&r->subtitle, L->lang, first);
	o.author = text_get(&r->prepared_by, L->lang, first);
	const char *state = text_get(&r->state, L->lang, first);
	o.subject = arena_printf(a, "Universal Periodic Review, cycle %d: %s",
				 r->cycle, state);
	o.keywords = "UPR; human rights; SDG";
	o.created = S_creation_date(r);
	o.symbol = r->symbol;
	o.title_page.state = state;
	o.title_page.title = o.title;
	o.title_page.subtitle = o.subtitle;
	o.title_page.prepared_by = o.author;
	const struct value *rep = value_map_get(L->context, "report");
	o.title_page.date = S_date_text(rep);
	const struct value *orig = value_map_get(
		value_map_get(rep, "original_language"), "name");
	if (orig && orig->kind == VALUE_STRING && orig->len)
		o.title_page.original = orig->str;
	o.toc = true;
	o.base_dir = r->content_dir;
	o.report = r;
	o.labels = L->labels;
	const char *path = arena_printf(a, "%s/report-%s.pdf", staging,
					lang_code(L->lang));
	return pdf_render(L->doc, &o, path, d);
}

/* The PDF draws its own title page from report.yaml, so the cover the
 * template writes for the website (everything before the first page
 * break) is left out of it, instead of being printed a second time. */
static void S_drop_cover(cmark_node *doc)
{
	cmark_node *n = cmark_node_first_child(doc);
	while (n && markdown_directive_of(n) != MARKDOWN_PAGE_BREAK)
		n = cmark_node_next(n);
	if (!n)
		return;
	cmark_node *stop = cmark_node_next(n);
	for (cmark_node *c = cmark_node_first_child(doc); c != stop;) {
		cmark_node *next = cmark_node_next(c);
		cmark_node_free(c);
		c = next;
	}
}

/* One PDF per language, each in a thread of its own: the documents share
 * nothing but the read-only model, and typesetting is most of a build's
 * time.  Each job has its own arena and diagnostics, merged afterwards. */
struct S_pdf_job {
	const struct report *r;
	struct S_language *L;
	const char *staging;
	struct arena arena;
	struct diags diags;
	bool ok;
	pthread_t thread;
	bool started;
};

static void *S_pdf_thread(void *p)
{
	struct S_pdf_job *job = p;
	S_drop_cover(job->L->doc);
	job->ok = S_write_pdf(&job->arena, &job->diags, job->r, job->L,
			      job->staging);
	return NULL;
}

static bool S_write_pdfs(struct diags *d, const struct report *r,
			 struct S_language *langs, size_t n,
			 const char *staging)
{
	struct S_pdf_job jobs[LANG_COUNT];
	for (size_t i = 0; i < n; i++) {
		jobs[i] = (struct S_pdf_job){.r = r, .L = &langs[i],
					     .staging = staging};
		arena_init(&jobs[i].arena);
		diags_init(&jobs[i].diags);
		/* the last on this thread, which would only wait otherwise */
		jobs[i].started = i + 1 < n && thread_start(&jobs[i].thread,
							    S_pdf_thread,
							    &jobs[i]);
		if (!jobs[i].started)
			S_pdf_thread(&jobs[i]);
	}
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		if (jobs[i].started)
			pthread_join(jobs[i].thread, NULL);
		diags_append(d, &jobs[i].diags);
		ok = ok && jobs[i].ok;
		diags_free(&jobs[i].diags);
		arena_free(&jobs[i].arena);
	}
	return ok;
}

/* ------------------------------------------------------------ build */

/* The report of L: its template expanded, written to md/, parsed. */
static bool S_build_report(struct arena *a, struct diags *d,
			   const struct template_dirs *t, struct S_language *L,
			   const char *staging)
{
	if (!S_expand(a, d, t, L))
		return false;
	const char *md_path = arena_printf(a, "%s/md/report-%s.md", staging,
					   lang_code(L->lang));
	if (!S_write_file(d, md_path, L->markdown, L->markdown_len))
		return false;
	L->doc = markdown_parse(L->markdown, L->markdown_len,
				(struct source_pos){md_path, 1, 1}, d);
	return L->doc != NULL;
}

/* A report's tree takes as long to free as to render (~40 ms for 5,000
 * recommendations): once nothing reads it any more it is freed, with its
 * Markdown, on a thread of its own while the build goes on (the report
 * page is written, the output moved into place); S_run waits for them. */
static void *S_free_report(void *p)
{
	struct S_language *L = p;
	free(L->markdown);
	if (L->doc)
		cmark_node_free(L->doc);
	return NULL;
}

static void S_release_report(struct S_language *L)
{
	if (L->released)
		return;
	L->released = true;
	L->freeing = thread_start(&L->freer, S_free_report, L);
	if (!L->freeing)
		S_free_report(L);
}

/* site_finish's callback when the report page is all the trees are for. */
static void S_report_read(void *arg, size_t i)
{
	S_release_report((struct S_language *)arg + i);
}

static size_t S_select_languages(const struct report *r, int only,
				 struct S_language *langs)
{
	size_t n = 0;
	for (size_t i = 0; i < r->language_count; i++)
		if (only < 0 || r->languages[i] == (enum lang)only)
			langs[n++].lang = r->languages[i];
	return n;
}

static bool S_run(struct arena *a, struct diags *d, const struct report *r,
		  const struct S_options *o, const char *out,
		  const char *staging)
{
	size_t errors = d->errors;
	struct template_dirs t = templates_find(a, o->dir, NULL, d);
	if (d->errors > errors)
		return false;
	struct S_language langs[LANG_COUNT] = {0};
	size_t n = S_select_languages(r, o->only_lang, langs);
	if (n == 0) {
		diag_error(d, (struct source_pos){0},
			   "the report is not written in '%s' (see "
			   "'languages' in report.yaml)",
			   lang_code((enum lang)o->only_lang));
		return false;
	}
	bool ok = S_mkdirs(arena_printf(a, "%s/md", staging));
	struct site_language site[LANG_COUNT];
	for (size_t i = 0; i < n; i++) {
		langs[i].labels = S_load_labels(a, d, &t, langs[i].lang);
		site[i] = (struct site_language){langs[i].lang, NULL,
						 langs[i].labels};
	}
	/* The site is written on another thread meanwhile the contexts are
	 * made and the reports parsed. */
	struct site_writer *w = ok && o->html
		? site_start(a, d, r, &t, site, n,
			     arena_printf(a, "%s/site", staging))
		: NULL;
	for (size_t i = 0; i < n; i++)
		site[i].context = langs[i].context =
			context_build(a, r, langs[i].lang, langs[i].labels);
	if (w)
		site_write_pages(w);
	cmark_node *docs[LANG_COUNT];
	for (size_t i = 0; i < n; i++) {
		ok = ok && S_build_report(a, d, &t, &langs[i], staging);
		docs[i] = langs[i].doc;
	}
	if (w)
		ok = site_finish(w, ok ? docs : NULL,
				 o->pdf ? NULL : S_report_read, langs) &&
		     ok;
	if (ok && o->pdf)
		ok = S_write_pdfs(d, r, langs, n, staging);
	for (size_t i = 0; i < n; i++)
		S_release_report(&langs[i]);
	if (ok) {
		ok = S_move_into_place(a, d, staging, out, "md");
		if (o->html)
			ok = ok && S_move_into_place(a, d, staging, out,
						     "site");
		for (size_t i = 0; ok && o->pdf && i < n; i++)
			ok = S_move_into_place(
				a, d, staging, out,
				arena_printf(a, "report-%s.pdf",
					     lang_code(langs[i].lang)));
	}
	for (size_t i = 0; i < n; i++)
		if (langs[i].freeing)
			pthread_join(langs[i].freer, NULL);
	return ok && d->errors == 0;
}

int build_command(int argc, char **argv)
{
	struct S_options o;
	int status = S_parse_args(argc, argv, &o);
	if (status >= 0)
		return status;
	struct arena a;
	struct diags d;
	struct heap_prefault *pf = heap_prefault_start();
	arena_init(&a);
	diags_init(&d);
	struct report *r = report_load(&a, &d, o.dir);
	if (r)
		report_validate(r, &d);
	bool ok = r && d.errors == 0;
	const char *out = o.out ? o.out : arena_printf(&a, "%s/build", o.dir);
	char *staging = NULL;
	if (ok) {
		S_remove_stale_staging(&a, out);
		staging = arena_printf(&a, "%s/.uprgen-build-XXXXXX", out);
		if (!S_mkdirs(out) || !mkdtemp(staging)) {
			diag_error(&d, (struct source_pos){out, 0, 0},
				   "cannot create the output folder: %s",
				   strerror(errno));
			ok = false;
			staging = NULL;
		}
	}
	if (ok)
		ok = S_run(&a, &d, r, &o, out, staging);
	if (staging)
		S_remove_tree(staging);
	diags_print(&d, stderr, 0);
	if (ok)
		printf("built %s in %s: %zu recommendations, %zu languages\n",
		       text_get(&r->state, report_first_language(r),
				report_first_language(r)),
		       out, r->rec_count,
		       o.only_lang < 0 ? r->language_count : 1);
	else
		fprintf(stderr, "build failed: %zu error%s; the previous "
				"output is unchanged\n",
			d.errors, d.errors == 1 ? "" : "s");
	diags_free(&d);
	arena_free(&a);
	heap_prefault_stop(pf);
	return ok ? 0 : CLI_EXIT_CONTENT;
}
