/*
 * build — `uprgen build`: the whole pipeline, from content/ to the site
 * and the PDFs, written so that a failed or interrupted build loses
 * nothing.
 *
 * load → validate → for each language: context → Mustache (report.md) →
 * Markdown tree; then the site (all languages) and one PDF per language.
 * Everything is written into a new generation of the output folder and
 * shown only when every file succeeded, by one switch (output.h): a
 * reader (or a kill) sees the whole old output or the whole new one.
 * What the build does not remake (the PDFs of the other languages with
 * --lang, the site with --format pdf, the PDFs with --format html) is
 * carried over from the previous build, and the closing line says so.
 */
#include "build.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "context.h"
#include "document.h"
#include "docx.h"
#include "fence.h"
#include "formats.h"
#include "heap.h"
#include "markdown.h"
#include "model.h"
#include "mustache.h"
#include "output.h"
#include "pdf.h"
#include "site.h"
#include "stamp.h"
#include "thread.h"
#include "templates.h"
#include "unform.h"
#include "words.h"

static const char S_usage[] =
	"usage: uprgen build [-C DIR] [--out DIR] [--lang LL] "
	"[--format html|pdf|docx|all]\n"
	"\n"
	"Checks DIR/content/ (default: the current folder), then writes\n"
	"  OUT/site/            the website (one folder per language); a\n"
	"                       link: publish what it leads to, OUT/site/\n"
	"                       with its slash (rsync -a OUT/site/ DEST/,\n"
	"                       cp -rL OUT/site DEST)\n"
	"  OUT/report-LL.pdf    the PDF report, per language\n"
	"  OUT/report-LL.docx   the Word report, per language\n"
	"  OUT/md/report-LL.md  the expanded Markdown, for inspection\n"
	"OUT is DIR/build unless --out says otherwise.  Templates come from\n"
	"DIR/templates/ first, then from the built-in ones.\n"
	"  --lang LL      the PDF and Word document of that language only\n"
	"                 (the site and the Markdown are always of every\n"
	"                 language)\n"
	"  --format F     html, pdf, docx or all (default)\n"
	"What a build does not remake is kept from the previous build.\n"
	"The output is switched in as one piece: a failed or interrupted\n"
	"build leaves the previous output as it was.  uprgen replaces only\n"
	"what it made (OUT/.uprgen and its links), and refuses otherwise.\n";

struct S_options {
	const char *dir;
	const char *out;
	int only_lang; /* -1: all */
	bool html, pdf, docx;
};

struct S_language {
	enum lang lang;
	struct words words;
	const struct value *context;
	struct document report; /* freed by S_release_report */
	const char *md_file;    /* build/md/report-LL.md, as messages say */
	cmark_node *doc;	/* report.tree */
	bool released;	/* markdown and doc are freed */
};

static int S_parse_args(int argc, char **argv, struct S_options *o)
{
	o->dir = ".";
	o->out = NULL;
	o->only_lang = -1;
	o->html = o->pdf = o->docx = true;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			fputs(S_usage, stdout);
			return 0;
		} else if (!strcmp(arg, "-C") && val) {
			if (!*val)
				return cli_usage_error(
					"build", "-C needs a folder name, not "
						 "an empty one");
			o->dir = val;
			i++;
		} else if (!strcmp(arg, "--out") && val) {
			if (!*val)
				return cli_usage_error(
					"build", "--out needs a folder name, "
						 "not an empty one");
			o->out = val;
			i++;
		} else if (!strcmp(arg, "--lang") && val) {
			o->only_lang = lang_from_code(val);
			if (o->only_lang < 0) {
				return cli_usage_error(
					"build", "unknown language '%s' (one of "
						 "%s)",
					val, lang_codes_text());
			}
			i++;
		} else if (!strcmp(arg, "--format") && val) {
			o->html = !strcmp(val, "html") || !strcmp(val, "all");
			o->pdf = !strcmp(val, "pdf") || !strcmp(val, "all");
			o->docx = !strcmp(val, "docx") || !strcmp(val, "all");
			if (!o->html && !o->pdf && !o->docx) {
				return cli_usage_error(
					"build",
					"--format is html, pdf, docx or all, "
					"not '%s'",
					val);
			}
			i++;
		} else {
			return cli_unexpected("build", arg);
		}
	}
	return -1;
}

/* ------------------------------------------------------------ files */

static bool S_write_file(struct diags *d, const char *path, const char *data,
			 size_t len)
{
	int err = file_write_all(path, data, len);
	if (err)
		diag_error(d, (struct source_pos){path, 0, 0},
			   "cannot write this file: %s", strerror(err));
	return err == 0;
}

/* --------------------------------------------------------- templates */

/* The report of L as one tree (document.h); its Markdown goes to
 * md_path. */
static bool S_expand(struct arena *a, struct diags *d,
		     const struct template_dirs *t, struct S_language *L,
		     const struct report *r, const char *md_path)
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
	struct templates_md_partials pctx = {a, t};
	struct mustache_partials partials = {templates_md_partial, &pctx};
	/* the UN form numbers every heading itself (S_pdf_thread) */
	if (!document_build(&L->report, d, path, tmpl, len, L->context,
			    &partials, md_path, r->form_un ? NULL : &L->words))
		return false;
	document_typeset(L->report.tree, &L->words, a);
	return true;
}

/* ------------------------------------------------------------ PDF */

/* The files' date (stamp.h) as the PDF and Word back ends take it. */
static struct pdf_date S_creation_date(const struct report *r)
{
	struct stamp t = stamp_of_report(r);
	return (struct pdf_date){t.year, t.month, t.day, t.hour, t.minute,
				 t.second};
}

/* A text of the context, NULL when empty. */
static const char *S_ctx_str(const struct value *ctx, const char *key)
{
	const struct value *v = value_map_get(ctx, key);
	return v && v->kind == VALUE_STRING && v->len ? v->str : NULL;
}

/* The UN block under the symbol, as the context writes it. */
static struct words_block S_masthead(const struct value *rep)
{
	const struct value *m = value_map_get(rep, "masthead");
	return (struct words_block){S_ctx_str(m, "distribution"),
				    S_ctx_str(m, "date"),
				    S_ctx_str(m, "language"),
				    S_ctx_str(m, "original")};
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
			const struct unform *un, const char *staging)
{
	enum lang first = report_first_language(r);
	struct pdf_options o = {0};
	o.lang = L->lang;
	o.title = words_text(&L->words, a, &r->title, first);
	o.subtitle = words_text(&L->words, a, &r->subtitle, first);
	o.author = words_text(&L->words, a, &r->prepared_by, first);
	const char *state = words_text(&L->words, a, &r->state, first);
	const char *names[] = {"cycle", "state"};
	const char *vals[] = {arena_printf(a, "%d", r->cycle), state};
	o.subject = words_fill(a, words_get(&L->words, "pdf_subject"), names,
			       vals, 2);
	o.keywords = words_get(&L->words, "pdf_keywords");
	o.created = S_creation_date(r);
	o.symbol = r->symbol;
	o.title_page.state = state;
	o.title_page.title = o.title;
	o.title_page.subtitle = o.subtitle;
	o.title_page.prepared_by = o.author;
	const struct value *rep = value_map_get(L->context, "report");
	o.title_page.date = S_date_text(rep);
	o.title_page.block = S_masthead(rep);
	o.toc = !un; /* a UN document opens with its first chapter */
	o.un = un;
	o.base_dir = r->content_dir;
	o.report = r;
	o.words = &L->words;
	o.file = L->md_file;
	const char *path = arena_printf(a, "%s/report-%s.pdf", staging,
					lang_code(L->lang));
	const struct formats *F = formats_load(d);
	return F && F->pdf_render(L->doc, &o, path, d);
}

/* The Word document of L: the same facts as the PDF's title page and
 * document information, from the same context. */
static bool S_write_docx(struct arena *a, struct diags *d,
			 const struct report *r, const struct S_language *L,
			 const struct unform *un, const char *staging)
{
	enum lang first = report_first_language(r);
	struct docx_options o = {0};
	o.lang = L->lang;
	o.file = L->md_file;
	o.report = r;
	o.words = &L->words;
	o.title = words_text(&L->words, a, &r->title, first);
	o.subtitle = words_text(&L->words, a, &r->subtitle, first);
	o.author = words_text(&L->words, a, &r->prepared_by, first);
	o.state = words_text(&L->words, a, &r->state, first);
	const char *names[] = {"cycle", "state"};
	const char *vals[] = {arena_printf(a, "%d", r->cycle), o.state};
	o.subject = words_fill(a, words_get(&L->words, "pdf_subject"), names,
			       vals, 2);
	o.keywords = words_get(&L->words, "pdf_keywords");
	const struct value *rep = value_map_get(L->context, "report");
	o.date = S_date_text(rep);
	o.block = S_masthead(rep);
	o.symbol = r->symbol;
	struct pdf_date t = S_creation_date(r);
	o.created = (struct docx_date){t.year, t.month, t.day, t.hour,
				       t.minute, t.second};
	o.toc = !un;
	o.un = un;
	o.endnotes = r->endnotes;
	o.base_dir = r->content_dir;
	o.root = r->real_dir;
	const char *path = arena_printf(a, "%s/report-%s.docx", staging,
					lang_code(L->lang));
	const struct formats *F = formats_load(d);
	return F && F->docx_render(L->doc, &o, path, d);
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
 * time.  The Word document of the language follows its PDF on the same
 * thread, from the same tree (without the cover).  Each job has its own
 * arena and diagnostics, merged afterwards. */
struct S_pdf_job {
	const struct report *r;
	struct S_language *L;
	const char *staging;
	bool pdf, docx;
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
	/* the UN document form: the tree numbered once for both */
	struct unform *un = unform_from_context(&job->arena,
						job->L->context);
	if (un)
		unform_apply(un, &job->arena, job->L->doc, &job->L->words);
	job->ok = (!job->pdf || S_write_pdf(&job->arena, &job->diags, job->r,
					    job->L, un, job->staging)) &&
		  (!job->docx || S_write_docx(&job->arena, &job->diags,
					      job->r, job->L, un,
					      job->staging));
	return NULL;
}

static bool S_write_pdfs(struct diags *d, const struct report *r,
			 struct S_language *langs, size_t nlangs,
			 const struct S_options *o, const char *staging)
{
	int only = o->only_lang;
	struct S_pdf_job jobs[LANG_COUNT];
	size_t n = 0;
	for (size_t i = 0; i < nlangs; i++)
		if (only < 0 || langs[i].lang == (enum lang)only)
			jobs[n++] = (struct S_pdf_job){.r = r, .L = &langs[i],
						       .staging = staging,
						       .pdf = o->pdf,
						       .docx = o->docx};
	for (size_t i = 0; i < n; i++) {
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

/* The report of L: its template expanded, written to md/, parsed; a
 * chart drawn twice in it drawn once (fence_refer_repeats). */
static bool S_build_report(struct arena *a, struct diags *d,
			   const struct template_dirs *t, struct S_language *L,
			   const struct report *r, const char *staging)
{
	const char *md_path = arena_printf(a, "%s/md/report-%s.md", staging,
					   lang_code(L->lang));
	if (!S_expand(a, d, t, L, r, L->md_file))
		return false;
	L->doc = L->report.tree;
	fence_refer_repeats(L->doc, r, &L->words, a);
	return S_write_file(d, md_path, L->report.markdown,
			    L->report.markdown_len);
}

/* What a report file was made from, written beside it in the generation
 * (.report-LL.pdf.source: no link in OUT shows a dot file) and carried
 * over with it: a hash of its Markdown and of the program that set it. */
static const char *S_source_name(struct arena *a, const char *name)
{
	return arena_printf(a, ".%s.source", name);
}

static const char *S_source(struct arena *a, const struct S_language *L,
			    bool docx)
{
	uint32_t h = hash_bytes(HASH_START, UPRGEN_VERSION,
				strlen(UPRGEN_VERSION));
	h = hash_value(h, docx);
	h = hash_bytes(h, L->report.markdown, L->report.markdown_len);
	return arena_printf(a, "%08x\n", (unsigned)h);
}

/* A report's tree is freed, with its Markdown, once nothing reads it
 * any more.  (Freeing it on a thread of its own saved nothing measurable
 * of a whole build: README, "What the speed machinery earns".) */
static void S_release_report(struct S_language *L)
{
	if (L->released)
		return;
	L->released = true;
	document_free(&L->report);
	L->doc = NULL;
}

/* site_finish's callback when the report page is all the trees are for. */
static void S_report_read(void *arg, size_t i)
{
	S_release_report((struct S_language *)arg + i);
}

/* Whether this build writes the PDF of language l. */
static bool S_pdf_wanted(const struct S_options *o, enum lang l)
{
	return o->pdf && (o->only_lang < 0 || l == (enum lang)o->only_lang);
}

static bool S_docx_wanted(const struct S_options *o, enum lang l)
{
	return o->docx && (o->only_lang < 0 || l == (enum lang)o->only_lang);
}

/* Once the reports' Markdown is known: records what the report files
 * this build makes are made from, and offers on the site a report kept
 * from a previous build only when it was made from the same (after
 * `build --format html` with the content changed, the dashboard said 9
 * implemented and the PDF behind its button 8).  The kept files not
 * offered are listed in stale. */
static bool S_sources(struct arena *a, struct diags *d,
		      const struct S_options *o, const char *staging,
		      const struct S_language *langs,
		      struct site_language *site, size_t n, struct buf *stale)
{
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 2; k++) {
			bool docx = k == 1;
			const char *name = arena_printf(
				a, "report-%s.%s", lang_code(langs[i].lang),
				docx ? "docx" : "pdf");
			const char *path = arena_printf(
				a, "%s/%s", staging, S_source_name(a, name));
			bool made = docx ? S_docx_wanted(o, langs[i].lang)
					 : S_pdf_wanted(o, langs[i].lang);
			bool *offered = docx ? &site[i].docx : &site[i].pdf;
			if (!made && (!*offered || !o->html))
				continue;
			const char *now = S_source(a, &langs[i], docx);
			if (made) {
				int err = file_write_all(path, now, strlen(now));
				if (err) {
					diag_error(d, (struct source_pos){path, 0, 0},
						   "cannot write: %s",
						   strerror(err));
					return false;
				}
				continue;
			}
			char *then = NULL;
			size_t len = 0;
			bool same = !file_read_all(path, 64, &then, &len) &&
				    len == strlen(now) && !memcmp(then, now, len);
			free(then);
			if (!same) {
				*offered = false;
				buf_printf(stale, "%s%s", stale->len ? ", " : "",
					   name);
			}
		}
	return true;
}

/* Whether the site offers language l's PDF (or Word file): made by this
 * build, or carried over from the previous one (S_keep_reports), which
 * a build of one language or of the site alone leaves where it was. */
static bool S_offered(struct arena *a, const struct S_options *o,
		      const char *staging, enum lang l, bool docx)
{
	if (docx ? S_docx_wanted(o, l) : S_pdf_wanted(o, l))
		return true;
	const char *kept = arena_printf(a, "%s/report-%s.%s", staging,
					lang_code(l), docx ? "docx" : "pdf");
	return access(kept, F_OK) == 0;
}

/* The report files written for the site's languages, copied beside
 * their pages (site/[LL/]report-LL.EXT), where the pages offer them
 * with their sizes (set in site). */
static bool S_offer_files(struct arena *a, struct diags *d,
			  struct site_language *site, size_t n,
			  const char *staging)
{
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < 2; k++) {
			if (!(k ? site[i].docx : site[i].pdf))
				continue;
			const char *name = arena_printf(
				a, "report-%s.%s", lang_code(site[i].lang),
				k ? "docx" : "pdf");
			const char *from = arena_printf(a, "%s/%s", staging,
							name);
			const char *to = arena_printf(
				a, "%s/site/%s%s%s", staging,
				n > 1 ? lang_code(site[i].lang) : "",
				n > 1 ? "/" : "", name);
			char *data;
			size_t len;
			int err = file_read_all(from, 1024u * 1024 * 1024,
						&data, &len);
			if (!err) {
				err = file_write_all(to, data, len);
				free(data);
				*(k ? &site[i].docx_size : &site[i].pdf_size) =
					(long long)len;
			}
			if (err) {
				diag_error(d, (struct source_pos){to, 0, 0},
					   "cannot copy the report into the "
					   "site: %s", strerror(err));
				ok = false;
			}
		}
	}
	return ok;
}

/* Writes the site (when asked), the Markdown of every language and the
 * PDFs asked into the staging folder. */
static bool S_run(struct arena *a, struct diags *d, const struct report *r,
		  const struct S_options *o, const char *out,
		  const char *staging, struct buf *stale)
{
	size_t errors = d->errors;
	struct template_dirs t = templates_find(a, o->dir, NULL, d);
	if (d->errors > errors)
		return false;
	struct S_language langs[LANG_COUNT] = {0};
	size_t n = r->language_count;
	for (size_t i = 0; i < n; i++)
		langs[i].lang = r->languages[i];
	bool ok = file_mkdirs(arena_printf(a, "%s/md", staging));
	struct site_language site[LANG_COUNT];
	for (size_t i = 0; i < n; i++) {
		words_load(&langs[i].words, a, d, &t, langs[i].lang);
		/* where messages place the report's own Markdown */
		langs[i].md_file = arena_printf(a, "%s/md/report-%s.md", out,
						lang_code(langs[i].lang));
		site[i] = (struct site_language){
			.lang = langs[i].lang,
			.words = &langs[i].words,
			.file = langs[i].md_file,
			.pdf = S_offered(a, o, staging, langs[i].lang, false),
			.docx = S_offered(a, o, staging, langs[i].lang, true)};
	}
	/* The site is written on another thread meanwhile the contexts are
	 * made and the reports parsed. */
	struct site_writer *w = ok && o->html
		? site_start(a, d, r, &t, site, n,
			     arena_printf(a, "%s/site", staging))
		: NULL;
	for (size_t i = 0; i < n; i++)
		site[i].context = langs[i].context =
			context_build(a, r, &langs[i].words);
	if (w)
		site_write_pages(w);
	cmark_node *docs[LANG_COUNT];
	for (size_t i = 0; i < n; i++) {
		ok = ok && S_build_report(a, d, &t, &langs[i], r, staging);
		docs[i] = langs[i].doc;
	}
	ok = ok && S_sources(a, d, o, staging, langs, site, n, stale);
	if (w)
		ok = site_finish(w, ok ? docs : NULL,
				 o->pdf || o->docx ? NULL : S_report_read,
				 langs) &&
		     ok;
	if (ok && (o->pdf || o->docx))
		ok = S_write_pdfs(d, r, langs, n, o, staging);
	if (ok && w)
		ok = S_offer_files(a, d, site, n, staging);
	/* the dashboard and report page that offer them, with their sizes */
	if (w)
		ok = site_write_offers(w, ok) && ok;
	for (size_t i = 0; i < n; i++)
		S_release_report(&langs[i]);
	return ok && d->errors == 0;
}

static bool S_has_language(const struct report *r, enum lang l)
{
	for (size_t i = 0; i < r->language_count; i++)
		if (r->languages[i] == l)
			return true;
	return false;
}

/* What the build shows, NULL-terminated: the names checked as uprgen's
 * before anything is written. */
static const char **S_names(struct arena *a, const struct report *r)
{
	const char **names = arena_alloc(a, (2 * r->language_count + 3) *
						    sizeof *names);
	size_t n = 0;
	names[n++] = "site";
	names[n++] = "md";
	for (size_t i = 0; i < r->language_count; i++)
		names[n++] = arena_printf(a, "report-%s.pdf",
					  lang_code(r->languages[i]));
	for (size_t i = 0; i < r->language_count; i++)
		names[n++] = arena_printf(a, "report-%s.docx",
					  lang_code(r->languages[i]));
	names[n] = NULL;
	return names;
}

/* Carries over from the previous build the report files this one does
 * not remake, before the site is written, so that its pages still offer
 * them; lists them in kept ("report-en.pdf, report-en.docx"). */
static bool S_keep_reports(struct arena *a, struct diags *d,
			   struct output *out, const struct report *r,
			   const struct S_options *o, struct buf *kept)
{
	bool ok = true;
	for (size_t i = 0; i < r->language_count; i++) {
		enum lang l = r->languages[i];
		bool this_lang = o->only_lang < 0 ||
				 l == (enum lang)o->only_lang;
		for (int k = 0; k < 2; k++) {
			if ((k ? o->docx : o->pdf) && this_lang)
				continue;
			const char *name = arena_printf(
				a, "report-%s.%s", lang_code(l),
				k ? "docx" : "pdf");
			if (output_keep(out, d, name)) {
				buf_printf(kept, "%s%s", kept->len ? ", " : "",
					   name);
				/* what it was made from (S_sources) */
				output_keep(out, d, S_source_name(a, name));
			}
		}
	}
	return ok && d->errors == 0;
}

/* The site of the previous build, when this one does not remake it. */
static bool S_keep_site(struct diags *d, struct output *out,
			const struct S_options *o, struct buf *kept)
{
	if (!o->html && output_keep(out, d, "site"))
		buf_puts(kept, "site/");
	return d->errors == 0;
}

int build_command(int argc, char **argv)
{
	struct S_options o;
	int status = S_parse_args(argc, argv, &o);
	if (status >= 0)
		return status;
	/* uprgen's object (formats.h) for a PDF or a Word file: loaded
	 * before the heap is laid out for huge pages, as the libraries
	 * were when linked in (loaded later, their allocations take the
	 * first of the marked region: at 350 recommendations the heap grew
	 * one step more, 8 MB more to fault in) */
	if (o.pdf || o.docx)
		formats_preload();
	heap_prefer_huge_pages();
	long long epoch;
	if (!stamp_source_date_epoch(&epoch))
		return cli_usage_error(
			"build",
			"SOURCE_DATE_EPOCH is '%.40s': it must be a whole "
			"number of seconds since 1970-01-01 UTC, up to %lld "
			"(the end of 9999, the last year a PDF date holds)",
			getenv("SOURCE_DATE_EPOCH"), STAMP_MAX);
	/* first, while there is one thread: see output.h */
	output_guard_start();
	/* the time zone read once, before the threads that write the Word
	 * documents' zip entries in local time (docx_parts.c) */
	tzset();
	struct arena a;
	struct diags d;
	struct heap_prefault *pf = heap_prefault_start();
	arena_init(&a);
	diags_init(&d);
	if (o.pdf || o.docx)
		formats_load(&d); /* a failure to load it ends the build now */
	struct report *r = report_load(&a, &d, o.dir);
	if (r)
		report_validate(r, &d);
	bool ok = r && d.errors == 0;
	/* --lang in a language the report is not written in: a wrong
	 * command line, as --lang xx is (exit status 2), shown at the list
	 * of languages */
	bool wrong_lang = ok && o.only_lang >= 0 &&
			  !S_has_language(r, (enum lang)o.only_lang);
	if (wrong_lang) {
		diag_error(&d, r->languages_pos,
			   "--lang %s: the report is not written in '%s' "
			   "(see 'languages')",
			   lang_code((enum lang)o.only_lang),
			   lang_code((enum lang)o.only_lang));
		ok = false;
	}
	const char *out = o.out ? o.out : arena_printf(&a, "%s/build", o.dir);
	struct output *output = NULL;
	enum output_status out_status = OUTPUT_OK;
	if (ok) {
		output = output_open(&a, &d, out, o.dir, S_names(&a, r),
				     &out_status);
		ok = output != NULL;
	}
	struct buf kept, kept_reports, stale;
	buf_init(&kept);
	buf_init(&kept_reports);
	buf_init(&stale);
	if (ok)
		ok = S_keep_reports(&a, &d, output, r, &o, &kept_reports) &&
		     S_run(&a, &d, r, &o, out, output_staging(output),
			   &stale) &&
		     S_keep_site(&d, output, &o, &kept) &&
		     output_commit(output, &d);
	if (kept_reports.len)
		buf_printf(&kept, "%s%s", kept.len ? ", " : "",
			   kept_reports.data);
	buf_free(&kept_reports);
	output_close(output);
	diags_print(&d, stderr, 0);
	if (ok)
		printf("built %s in %s: %zu recommendation%s, %zu language%s%s%s\n",
		       text_get(&r->state, report_first_language(r),
				report_first_language(r)),
		       out, r->rec_count, r->rec_count == 1 ? "" : "s",
		       r->language_count, r->language_count == 1 ? "" : "s",
		       kept.len ? "; kept from the previous build: " : "",
		       kept.len ? kept.data : "");
	else
		fprintf(stderr, "build failed: %zu error%s; the previous "
				"output is unchanged\n",
			d.errors, d.errors == 1 ? "" : "s");
	if (ok && stale.len)
		printf("not offered on the site: %s, made from other content "
		       "than the site's ('uprgen build' without --format "
		       "html remakes %s)\n",
		       stale.data, strchr(stale.data, ',') ? "them" : "it");
	buf_free(&kept);
	buf_free(&stale);
	diags_free(&d);
	arena_free(&a);
	heap_prefault_stop(pf);
	if (out_status == OUTPUT_USAGE || wrong_lang)
		return CLI_EXIT_USAGE;
	return ok ? 0 : CLI_EXIT_CONTENT;
}
