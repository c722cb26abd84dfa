/* site — every page of the website, written with the HTML templates.
 * See site.h; the data of each page is listed in templates/README-site.md. */
#include "site.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "chart.h"
#include "document.h"
#include "escape.h"
#include "html.h"
#include "markdown.h"
#include "mustache.h"
#include "opendata.h"
#include "thread.h"
#include "webfont.h"

/* ---- the build's state ---------------------------------------------- */

struct S_template {
	const char *name; /* "layout.html" */
	const char *text, *path;
	size_t len;
	struct mustache_template *compiled; /* pages: parsed at first use */
};

enum S_kind {
	S_DASHBOARD, S_REPORT, S_RECS, S_STATS, S_SDGS, S_DATA, S_SEARCH,
	S_CLUSTER, S_REC, S_KIND_COUNT
};

/* What the layout gets that is the same on every page of a kind: made
 * once per language, as thousands of pages share it. */
struct S_frame {
	const char *root;
	struct value *base; /* lang, root, assets, site, nav, words, ... */
};

struct S_site {
	struct arena own; /* what lives through the build */
	struct arena *a;  /* &own */
	struct arena pa;  /* one page's data, emptied after each page */
	struct arena *va; /* where values go now: pa, or a */
	struct diags diags;
	struct diags *d;  /* &diags */
	const struct report *r;
	const struct template_dirs *t;
	const struct site_language *langs;
	size_t nlangs;
	const char *out_dir;
	cmark_node *const *reports; /* by language; set by site_finish() */
	/* a language that offers its report's files (site_language.pdf,
	 * .docx): its report page's body, rendered from the tree before
	 * the PDF changes it, held with its contents' place (toc_at) for
	 * the page, which site_write_offers() writes once the files'
	 * sizes are known */
	struct buf held_body[LANG_COUNT], held_toc[LANG_COUNT];
	size_t held_toc_at[LANG_COUNT];
	bool held[LANG_COUNT];
	/* the languages whose dashboard was left out of the pages to write
	 * (S_plan) for site_write_offers(): held, even when the build then
	 * finds a kept report file not to offer (build.c, S_sources) */
	bool waits[LANG_COUNT];
	void (*released)(void *arg, size_t lang); /* see site_finish() */
	void *released_arg;
	bool ok;

	/* templates read so far: a few names, read once per build */
	struct S_template templates[24];
	size_t template_count;
	struct mustache_partials partials;

	/* the language being written */
	const struct site_language *L;
	enum lang first;
	const char *lang_dir; /* "" or "es/" */
	struct html_words hw;
	const struct words *w; /* the language's, from the words module */
	struct value *words;   /* its labels, as the templates see them */
	struct value *site; /* S_site_map() */
	struct S_frame frames[S_KIND_COUNT];
	const char **cluster_pages; /* by cluster index, from the top */

	/* the assets' names, with a hash of their content: a browser never
	 * keeps an old stylesheet for a new site (S_asset_name) */
	const char *css_name, *js_name;
	/* the fonts shipped for Arabic and Chinese, and their @font-face
	 * rules, which end the stylesheet (webfont.h) */
	const struct webfont_plan *fonts;

	struct S_media *media;  /* shared by both threads */
	atomic_size_t *written; /* bytes of pages so far, both threads */
	const char *page_root; /* the page being built: its way to the top */
	unsigned page_fields;  /* and the Markdown fields rendered in it */
	struct buf page;  /* the page being built */
	struct buf frag;  /* scratch for fragments */
};

/* ---- files ---------------------------------------------------------- */

static bool S_mkdirs(struct S_site *S, const char *path)
{
	if (file_mkdirs(path))
		return true;
	struct source_pos pos = {path, 0, 0};
	diag_error(S->d, pos, "cannot create this folder: %s", strerror(errno));
	S->ok = false;
	return false;
}

static void S_write(struct S_site *S, const char *rel, const char *data,
		    size_t len)
{
	char *path = arena_printf(S->va, "%s/%s%s", S->out_dir, S->lang_dir, rel);
	int err = file_write_all(path, data, len);
	if (err) {
		struct source_pos pos = {path, 0, 0};
		diag_error(S->d, pos, "cannot write this file: %s",
			   strerror(err));
		S->ok = false;
	}
}

/* ---- pictures ------------------------------------------------------- */

/* The pictures copied into site/media/ so far: both writing threads show
 * pages, each picture is copied once. */
struct S_media {
	pthread_mutex_t lock;
	char **copied;
	size_t count, cap;
};

/* html_options.image_src: the picture (checked by image.c) copied from
 * content/ to site/media/ at its own path, and its address from the
 * page being written. */
static const char *S_image_src(void *ctx, const struct image *im)
{
	struct S_site *S = ctx;
	struct S_media *m = S->media;
	bool ok = true;
	pthread_mutex_lock(&m->lock);
	size_t i = 0;
	while (i < m->count && strcmp(m->copied[i], im->url))
		i++;
	if (i == m->count) {
		char *data;
		size_t len;
		const char *to = arena_printf(S->a, "%s/media/%s", S->out_dir,
					      im->url);
		int err = file_read_all(im->path, 64 * 1024 * 1024, &data,
					&len);
		char *dir = arena_strdup(S->a, to);
		*strrchr(dir, '/') = '\0';
		if (!err && S_mkdirs(S, dir)) {
			err = file_write_all(to, data, len);
			free(data);
		} else if (!err) {
			free(data);
			err = EIO;
		}
		if (err) {
			diag_error(S->d, (struct source_pos){im->path, 0, 0},
				   "cannot copy this image into the site: %s",
				   strerror(err));
			S->ok = ok = false;
		} else {
			if (m->count == m->cap) {
				m->cap = m->cap ? 2 * m->cap : 16;
				m->copied = xrealloc(m->copied,
						     m->cap * sizeof *m->copied);
			}
			m->copied[m->count++] = xstrdup(im->url);
		}
	}
	pthread_mutex_unlock(&m->lock);
	return ok ? arena_printf(S->va, "%s%smedia/%s", S->page_root,
				 S->nlangs > 1 ? "../" : "", im->url)
		  : NULL;
}

/* ---- templates ------------------------------------------------------ */

static struct S_template *S_template(struct S_site *S, const char *name)
{
	for (size_t i = 0; i < S->template_count; i++)
		if (!strcmp(S->templates[i].name, name))
			return S->templates[i].text ? &S->templates[i] : NULL;
	if (S->template_count == sizeof S->templates / sizeof *S->templates)
		return NULL;
	struct S_template *t = &S->templates[S->template_count++];
	t->name = arena_strdup(S->a, name);
	t->text = templates_load(S->a, S->t, name, &t->len, &t->path);
	return t->text ? t : NULL;
}

/* Partials and parents are HTML templates named without ".html":
 * {{<layout}} is templates/layout.html. */
static const char *S_partial(void *ctx, const char *name, struct source_pos at,
			     size_t *len, const char **file)
{
	struct S_site *S = ctx;
	if (strchr(name, '/') || strstr(name, "..") || !*name) {
		diag_error(S->d, at, "no partial may be named '%s'", name);
		return NULL;
	}
	const struct S_template *t =
		S_template(S, arena_printf(S->va, "%s.html", name));
	if (!t)
		return NULL;
	*len = t->len;
	*file = t->path;
	return t->text;
}

static void S_field_html(void *ctx, const struct value *field,
			 struct buf *out);
static const char *S_asset_name(struct S_site *S, const char *name);
static const char *S_description(struct S_site *S);
static struct value *S_downloads(struct S_site *S, const char *root);

/* Page templates are parsed once per build: each is expanded for many
 * pages.  One that does not parse is parsed (and reported) again at each
 * use, as when it was parsed for each page. */
static struct mustache_template *S_compiled(struct S_site *S,
					    struct S_template *t)
{
	if (!t->compiled) {
		struct mustache_options opt = {
			.escape = MUSTACHE_ESCAPE_HTML, .partials = &S->partials,
			.field = S_field_html, .field_ctx = S};
		t->compiled = mustache_compile(S->d, t->path, t->text, t->len,
					       &opt);
	}
	return t->compiled;
}

/* Expands template `name` with data and writes the result to rel. */
static void S_page(struct S_site *S, const char *name, const char *rel,
		   const struct value *data)
{
	struct S_template *t = S_template(S, name);
	if (!t) {
		struct source_pos pos = {name, 0, 0};
		diag_error(S->d, pos, "the template %s is missing", name);
		S->ok = false;
		return;
	}
	struct mustache_template *c = S_compiled(S, t);
	buf_clear(&S->page);
	if (!c || !mustache_render_compiled(S->d, c, data, &S->page)) {
		S->ok = false;
		return;
	}
	/* Mustache bounds one expansion; the pages of a site are thousands
	 * of them: the whole site is bounded too. */
	size_t total = atomic_fetch_add(S->written, S->page.len) +
		       S->page.len;
	if (total > SITE_MAX_BYTES) {
		if (total - S->page.len <= SITE_MAX_BYTES)
			diag_error(S->d, (struct source_pos){t->path, 0, 0},
				   "the website's pages come to more than %d "
				   "MiB with this template; stopped at %s",
				   SITE_MAX_BYTES / (1024 * 1024), rel);
		S->ok = false;
		return;
	}
	S_write(S, rel, S->page.data, S->page.len);
}

/* Called once a page is written: its data is not needed any more. */
static void S_page_done(struct S_site *S)
{
	if (S->va != &S->pa)
		return;
	arena_free(&S->pa);
	arena_init(&S->pa);
}

/* ---- values --------------------------------------------------------- */

/* A string value of s, not copied: every string a page gets is the
 * model's, a constant, or made in the arena of the page's data or a
 * longer-lived one (the body of the report page alone is megabytes). */
static struct value *S_str(struct S_site *S, const char *s)
{
	struct value *v = value_new(S->va, VALUE_STRING);
	v->str = s ? s : "";
	v->len = strlen(v->str);
	v->quoted = true;
	return v;
}

static void S_put(struct S_site *S, struct value *m, const char *key,
		  const char *s)
{
	value_map_put(S->va, m, key, S_str(S, s));
}

static void S_put_num(struct S_site *S, struct value *m, const char *key,
		      double n)
{
	value_map_put(S->va, m, key, value_number(S->va, n));
}

/* The scratch fragment, as a string value: HTML for {{{...}}}. */
static const char *S_frag(struct S_site *S)
{
	return arena_strndup(S->va, S->frag.data, S->frag.len);
}

static const char *S_t(struct S_site *S, const struct text *t)
{
	return words_text(S->w, S->va, t, S->first);
}

static const char *S_word(struct S_site *S, const char *key)
{
	return words_get(S->w, key);
}

/* The way from a page at rel to the top of its language's site. */
static const char *S_root(struct S_site *S, const char *rel)
{
	struct buf b;
	buf_init(&b);
	for (const char *p = rel; *p; p++)
		if (*p == '/')
			buf_puts(&b, "../");
	const char *s = arena_strdup(S->va, b.data ? b.data : "");
	buf_free(&b);
	return s;
}


/* ---- what every page has -------------------------------------------- */

static const struct {
	const char *word, *file;
} S_nav[] = {
	[S_DASHBOARD] = {"dashboard", "index.html"},
	[S_REPORT] = {"report", "report.html"},
	[S_RECS] = {"recommendations", "recommendations.html"},
	[S_STATS] = {"statistics", "statistics.html"},
	[S_SDGS] = {"sdgs", "sdgs.html"},
	[S_DATA] = {"data", "data.html"},
	[S_SEARCH] = {"search", "search.html"},
};

static struct value *S_nav_list(struct S_site *S, const char *root,
				enum S_kind kind)
{
	struct value *list = value_list(S->va);
	for (int k = 0; k <= S_SEARCH; k++) {
		struct value *m = value_map(S->va);
		S_put(S, m, "href", arena_printf(S->va, "%s%s", root, S_nav[k].file));
		S_put(S, m, "label", S_word(S, S_nav[k].word));
		value_map_put(S->va, m, "current",
			      value_bool(S->va, k == (int)kind));
		/* a cluster's or a recommendation's page is in the
		 * recommendations' part of the site */
		value_map_put(S->va, m, "section",
			      value_bool(S->va, k == S_RECS &&
						(kind == S_CLUSTER ||
						 kind == S_REC)));
		value_list_push(S->va, list, m);
	}
	return list;
}

/* The address of page rel of language l from the site's address (NULL
 * when it is not known). */
static const char *S_absolute(struct S_site *S, enum lang l, const char *rel)
{
	if (!S->r->site_url)
		return NULL;
	return arena_printf(S->va, "%s%s%s%s", S->r->site_url,
			    S->nlangs > 1 ? lang_code(l) : "",
			    S->nlangs > 1 ? "/" : "", rel);
}

static struct value *S_translations(struct S_site *S, const char *root,
				    const char *rel)
{
	struct value *list = value_list(S->va);
	for (size_t i = 0; S->nlangs > 1 && i < S->nlangs; i++) {
		enum lang l = S->langs[i].lang;
		struct value *m = value_map(S->va);
		S_put(S, m, "lang", lang_code(l));
		S_put(S, m, "dir", lang_is_rtl(l) ? "rtl" : "ltr");
		S_put(S, m, "name", words_native_name(S->w, l));
		S_put(S, m, "href", arena_printf(S->va, "%s../%s/%s", root,
						 lang_code(l), rel));
		if (S->r->site_url)
			S_put(S, m, "url", S_absolute(S, l, rel));
		value_map_put(S->va, m, "current",
			      value_bool(S->va, l == S->L->lang));
		value_list_push(S->va, list, m);
	}
	return list;
}

static const char *S_date(struct S_site *S, const struct date *d)
{
	return words_date(S->w, S->va, d);
}

static struct value *S_site_map(struct S_site *S)
{
	const struct report *r = S->r;
	struct value *m = value_map(S->va);
	S_put(S, m, "state", S_t(S, &r->state));
	S_put(S, m, "title", S_t(S, &r->title));
	S_put(S, m, "subtitle", S_t(S, &r->subtitle));
	S_put(S, m, "symbol", r->symbol);
	S_put(S, m, "outcome", r->outcome);
	S_put(S, m, "prepared_by", S_t(S, &r->prepared_by));
	S_put(S, m, "date", S_date(S, &r->date));
	S_put(S, m, "date_iso", arena_printf(S->va, "%04d-%02d-%02d",
					     r->date.year, r->date.month,
					     r->date.day));
	S_put_num(S, m, "cycle", r->cycle);
	return m;
}

static struct value *S_frame_base(struct S_site *S, enum S_kind kind,
				  const char *root)
{
	struct value *m = value_map(S->va);
	S_put(S, m, "lang", lang_code(S->L->lang));
	S_put(S, m, "dir", lang_is_rtl(S->L->lang) ? "rtl" : "ltr");
	S_put(S, m, "root", root);
	const char *assets = arena_printf(S->va, "%s%sassets/", root,
					  S->nlangs > 1 ? "../" : "");
	S_put(S, m, "assets", assets);
	S_put(S, m, "stylesheet", arena_printf(S->va, "%s%s", assets,
					       S_asset_name(S, "site.css")));
	S_put(S, m, "search_script", arena_printf(S->va, "%s%s", assets,
						  S_asset_name(S, "search.js")));
	S_put(S, m, "site_url", S->r->site_url);
	S_put(S, m, "description", S_description(S));
	struct value *downloads = S_downloads(S, root);
	value_map_put(S->va, m, "downloads", downloads);
	value_map_put(S->va, m, "has_downloads",
		      value_bool(S->va, downloads->count > 0));
	value_map_put(S->va, m, "is_dashboard", value_bool(S->va, kind == S_DASHBOARD));
	value_map_put(S->va, m, "site", S->site);
	value_map_put(S->va, m, "words", S->words);
	value_map_put(S->va, m, "nav", S_nav_list(S, root, kind));
	value_map_put(S->va, m, "ctx", (struct value *)S->L->context);
	value_map_put(S->va, m, "labels", (struct value *)S->w->labels);
	return m;
}

/* ---- what the publisher adds: addresses, assets, downloads ----------- */

/* What follows an asset's template text: the stylesheet ends with the
 * rules of the fonts the site ships. */
static const char *S_asset_tail(const struct S_site *S, const char *name)
{
	return !strcmp(name, "site.css") && S->fonts ? S->fonts->css : "";
}

/* name with a hash of its content before the extension: site.css ->
 * site-1a2b3c4d.css (FNV-1a, 32 bits: enough to tell versions apart).
 * Both threads compute it from the same template, so agree. */
static const char *S_asset_name(struct S_site *S, const char *name)
{
	const char **cached = !strcmp(name, "site.css") ? &S->css_name
						       : &S->js_name;
	if (*cached)
		return *cached;
	const struct S_template *t = S_template(S, name);
	const char *tail = S_asset_tail(S, name);
	uint32_t h = hash_bytes(HASH_START, t ? t->text : "", t ? t->len : 0);
	h = hash_bytes(h, tail, strlen(tail));
	const char *dot = strrchr(name, '.');
	*cached = arena_printf(S->a, "%.*s-%08x%s", (int)(dot - name), name,
			       (unsigned)h, dot);
	return *cached;
}

/* The meta description of the pages: the subtitle, else the title. */
static const char *S_description(struct S_site *S)
{
	const char *sub = S_t(S, &S->r->subtitle);
	return sub && *sub ? sub : S_t(S, &S->r->title);
}

/* The report's files offered on the site (copied beside the pages of
 * their language by the build): [{href, label, type, size}], the size
 * as words_file_size() writes it, once it is known (site.h). */
static struct value *S_downloads(struct S_site *S, const char *root)
{
	struct value *list = value_list(S->va);
	static const struct {
		const char *ext, *word, *type;
	} kinds[] = {{"pdf", "download_pdf", "download_pdf_type"},
		     {"docx", "download_docx", "download_docx_type"}};
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		if (k == 0 ? !S->L->pdf : !S->L->docx)
			continue;
		struct value *m = value_map(S->va);
		S_put(S, m, "href", arena_printf(S->va, "%sreport-%s.%s", root,
						 lang_code(S->L->lang),
						 kinds[k].ext));
		S_put(S, m, "label", S_word(S, kinds[k].word));
		S_put(S, m, "type", S_word(S, kinds[k].type));
		long long size = k == 0 ? S->L->pdf_size : S->L->docx_size;
		if (size > 0)
			S_put(S, m, "size", words_file_size(S->w, S->va, size));
		value_list_push(S->va, list, m);
	}
	return list;
}

/* The frame of a page of that kind at rel, made at the first such page
 * (pages of a kind are all as deep in the folders). */
static const struct S_frame *S_frame(struct S_site *S, enum S_kind kind,
				     const char *rel)
{
	struct S_frame *f = &S->frames[kind];
	size_t depth = 0;
	for (const char *p = rel; *p; p++)
		depth += *p == '/';
	if (f->root && strlen(f->root) == 3 * depth)
		return f;
	struct arena *va = S->va;
	S->va = S->a;
	f->root = S_root(S, rel);
	f->base = S_frame_base(S, kind, f->root);
	S->va = va;
	return f;
}

/* A page's data: what the layout needs, plus the page's own entries
 * (added by the caller). */
static struct value *S_common(struct S_site *S, enum S_kind kind,
			      const char *rel, const char *title)
{
	const struct S_frame *f = S_frame(S, kind, rel);
	S->page_root = f->root;
	S->page_fields = 0;
	struct value *m = value_map(S->va);
	for (size_t i = 0; i < f->base->count; i++)
		value_map_put(S->va, m, f->base->entries[i].key,
			      f->base->entries[i].value);
	S_put(S, m, "title", title);
	struct value *tr = S_translations(S, f->root, rel);
	value_map_put(S->va, m, "translations", tr);
	value_map_put(S->va, m, "has_translations", value_bool(S->va, tr->count > 0));
	if (S->r->site_url) {
		S_put(S, m, "canonical", S_absolute(S, S->L->lang, rel));
		if (S->nlangs > 1)
			S_put(S, m, "x_default",
			      S_absolute(S, S->first, rel));
	}
	return m;
}

/* ---- pieces of pages ------------------------------------------------ */

static struct html_options S_html_options(struct S_site *S, const char *root,
					  const char *prefix, int shift)
{
	struct html_options o = {.lang = S->L->lang,
				 .report = S->r,
				 .words = &S->hw,
				 .root = root,
				 .id_prefix = prefix,
				 .heading_shift = shift,
				 .content_dir = S->r->content_dir,
				 .image_src = S_image_src,
				 .image_ctx = S};
	return o;
}

/* ---- Markdown fields ------------------------------------------------ */

/* {{{x}}} of a Markdown field of the context (an action's text, a
 * challenge, a description): the field parsed as a document of its own
 * and rendered for the page being written, its ids prefixed so that
 * several fields share a page, its headings under the page's. */
/* The level of the last heading of the page so far (at least 1: a
 * page's title is its h1): a field's headings go under it, as in the
 * report (document.c). */
static int S_level_before(const struct buf *out)
{
	for (size_t i = out->len; i >= 3; i--) {
		const char *p = out->data + i - 3;
		if (p[0] == '<' && (p[1] == 'h' || p[1] == 'H') && p[2] >= '1' &&
		    p[2] <= '6' && (i == out->len || strchr(" \t\n>", p[3])))
			return p[2] - '0';
	}
	return 1;
}

static void S_field_html(void *ctx, const struct value *field,
			 struct buf *out)
{
	struct S_site *S = ctx;
	cmark_node *doc = document_parse_field(field, S->d);
	if (!doc)
		return;
	document_typeset(doc, S->w, S->va);
	char prefix[32];
	snprintf(prefix, sizeof prefix, "f%u-", ++S->page_fields);
	struct html_options o = S_html_options(S, S->page_root, prefix,
					       S_level_before(out));
	html_render(out, doc, &o, S->d);
	cmark_node_free(doc);
}


static const char *S_cluster_href(struct S_site *S, const char *root,
				  const struct cluster *c)
{
	buf_clear(&S->frag);
	html_cluster_href(&S->frag, root, c->id);
	return S_frag(S);
}

static const char *S_rec_href(struct S_site *S, const char *root,
			      const char *id)
{
	buf_clear(&S->frag);
	html_rec_href(&S->frag, root, id);
	return S_frag(S);
}

/* ---- the dashboard -------------------------------------------------- */


static void S_dashboard(struct S_site *S)
{
	/* the figures are the context's (ctx in every page's data): the
	 * report's own */
	struct value *m = S_common(S, S_DASHBOARD, "index.html",
				   S_word(S, "dashboard"));
	struct arena ca;
	arena_init(&ca);
	struct chart *c = chart_status_by_cluster(&ca, S->r, S->L->lang,
						  &S->hw.chart, S->cluster_pages);
	buf_clear(&S->frag);
	chart_write_svg(&S->frag, c, "chart-status-by-cluster");
	S_put(S, m, "chart", S_frag(S));
	arena_free(&ca);
	/* a project that follows a selection says so: "48 of the 202
	 * recommendations received" */
	if (S->r->received > S->r->rec_count) {
		const char *names[] = {"count", "received"};
		const char *vals[] = {
			words_integer(S->w, S->va, (long long)S->r->rec_count),
			words_integer(S->w, S->va, (long long)S->r->received)};
		S_put(S, m, "selection",
		      words_fill(S->va, S_word(S, "total_of"), names, vals, 2));
	} else {
		/* "12 recommendations received", "Получено рекомендаций:
		 * 12": the words around the count, which the page sets
		 * large (a label without {n} follows it) */
		const char *p = words_count_pattern(
			S->w, "total", (long long)S->r->rec_count);
		const char *at = strstr(p, "{n}");
		S_put(S, m, "total_before",
		      at ? arena_strndup(S->va, p, (size_t)(at - p)) : "");
		S_put(S, m, "total_after",
		      at ? at + 3 : arena_printf(S->va, " %s", p));
	}
	S_page(S, "index.html", "index.html", m);
}

/* ---- report, lists, statistics, SDGs, data, search ------------------ */

/* The report's HTML, into held_body[l] (its contents into held_toc[l],
 * their place in the body into held_toc_at[l]): one h1 (the report's
 * title), and a table of contents before the first chapter. */
static void S_report_body(struct S_site *S, size_t l)
{
	/* its pictures' addresses go from the page up (S_image_src) */
	S->page_root = S_root(S, "report.html");
	struct html_options o = S_html_options(S, "", NULL, 0);
	o.file = S->L->file;
	o.one_h1 = true;
	o.toc = &S->held_toc[l];
	o.toc_at = &S->held_toc_at[l];
	buf_clear(&S->held_body[l]);
	buf_clear(&S->held_toc[l]);
	S->held_toc_at[l] = 0;
	cmark_node *doc = S->reports[l];
	if (doc)
		html_render(&S->held_body[l], doc, &o, S->d);
	if (S->released)
		S->released(S->released_arg, l);
	S->held[l] = true;
}

/* The report page, from its held body; rendered now unless it was (a
 * language that offers its files has it rendered by site_finish(),
 * and the page written by site_write_offers()). */
static void S_report(struct S_site *S)
{
	size_t l = (size_t)(S->L - S->langs);
	if (!S->held[l])
		S_report_body(S, l);
	struct value *m = S_common(S, S_REPORT, "report.html",
				   S_t(S, &S->r->title));
	/* Megabytes: not copied, as the body is not written to until the
	 * page is written. */
	const char *body = S->held_body[l].data ? S->held_body[l].data : "";
	size_t toc_at = S->held_toc_at[l];
	S_put(S, m, "body_before", arena_strndup(S->va, body, toc_at));
	S_put(S, m, "body", body + toc_at);
	S_put(S, m, "toc", arena_strndup(S->va, S->held_toc[l].data
						? S->held_toc[l].data : "",
					 S->held_toc[l].len));
	S_page(S, "report.html", "report.html", m);
	S->held[l] = false;
	buf_free(&S->held_body[l]);
	buf_free(&S->held_toc[l]);
}

static void S_all_recs(struct S_site *S)
{
	struct value *m = S_common(S, S_RECS, "recommendations.html",
				   S_word(S, "all_recommendations"));
	struct html_options o = S_html_options(S, "", NULL, 0);
	buf_clear(&S->frag);
	/* the table named as the page, for a screen reader's list of tables */
	html_matrix_named(&S->frag, &o, NULL, (struct source_pos){0}, S->d,
			  S_word(S, "all_recommendations"), "matrix");
	S_put(S, m, "matrix", S_frag(S));
	S_page(S, "recommendations.html", "recommendations.html", m);
}

static void S_statistics(struct S_site *S)
{
	struct value *m = S_common(S, S_STATS, "statistics.html",
				   S_word(S, "statistics"));
	struct value *list = value_list(S->va);
	for (size_t i = 0; i < S->r->stat_count; i++) {
		const struct statistic *st = &S->r->stats[i];
		struct arena ca;
		arena_init(&ca);
		struct chart *c = chart_from_statistic(&ca, st, S->L->lang,
						       S->first, &S->hw.chart);
		buf_clear(&S->frag);
		chart_write_svg(&S->frag, c,
				arena_printf(S->va, "stat-%s", st->id));
		struct value *e = value_map(S->va);
		S_put(S, e, "id", st->id);
		S_put(S, e, "title", S_t(S, &st->title));
		S_put(S, e, "chart", S_frag(S));
		value_list_push(S->va, list, e);
		arena_free(&ca);
	}
	value_map_put(S->va, m, "statistics", list);
	S_page(S, "statistics.html", "statistics.html", m);
}


static void S_sdgs(struct S_site *S)
{
	/* the goals are the context's (ctx.goals, ctx.no_goal) */
	struct value *m = S_common(S, S_SDGS, "sdgs.html",
				   S_word(S, "sdgs_title"));
	S_page(S, "sdgs.html", "sdgs.html", m);
}

static void S_data(struct S_site *S)
{
	struct value *m = S_common(S, S_DATA, "data.html", S_word(S, "data"));
	struct value *fields = value_list(S->va);
	for (size_t i = 0; i < opendata_field_count; i++) {
		struct value *f = value_map(S->va);
		S_put(S, f, "name", opendata_fields[i]);
		S_put(S, f, "meaning", words_named(S->w, "data_field",
						   opendata_fields[i]));
		value_list_push(S->va, fields, f);
	}
	value_map_put(S->va, m, "fields", fields);
	S_put_num(S, m, "total", (double)S->r->rec_count);
	S_put(S, m, "total_text",
	      words_count(S->w, S->va, "count_recommendations",
			  (long long)S->r->rec_count));
	/* named per language: files of two languages saved to one folder
	 * do not overwrite each other */
	const char *csv = arena_printf(S->va, "recommendations-%s.csv",
				       lang_code(S->L->lang));
	const char *json = arena_printf(S->va, "recommendations-%s.json",
					lang_code(S->L->lang));
	S_put(S, m, "csv", csv);
	S_put(S, m, "json", json);
	S_put(S, m, "license", S_t(S, &S->r->license));
	S_page(S, "data.html", "data.html", m);

	const char *pages = S_absolute(S, S->L->lang, "");
	struct opendata_options od = {S->L->lang, pages,
				      S_t(S, &S->r->license), S->w};
	buf_clear(&S->page);
	opendata_csv(&S->page, S->r, &od);
	S_write(S, arena_printf(S->va, "data/%s", csv), S->page.data,
		S->page.len);
	buf_clear(&S->page);
	opendata_json(&S->page, S->r, &od);
	S_write(S, arena_printf(S->va, "data/%s", json), S->page.data,
		S->page.len);
}

/* The search index: a script (not JSON to fetch, which browsers refuse
 * for pages opened from disk) that sets one global of the
 * recommendations' words. */
/* A string field of m (or of its map field's map), and a separator,
 * appended to out when it has text. */
static void S_search_put(struct buf *out, const struct value *m,
			 const char *key)
{
	const struct value *v = value_map_get(m, key);
	if (!v || v->kind != VALUE_STRING || !v->len)
		return;
	if (out->len)
		buf_puts(out, " \u2029 ");
	buf_put(out, v->str, v->len);
}

static void S_search_done(struct buf *out, const struct value *rec)
{
	static const char *const lists[][4] = {
		{"actions", "text", "source", NULL},
		{"related", "mechanism", "symbol", "text"}};
	for (size_t l = 0; l < 2; l++) {
		const struct value *items = value_map_get(rec, lists[l][0]);
		for (size_t k = 0; items && k < items->count; k++)
			for (size_t f = 1; f < 4 && lists[l][f]; f++)
				S_search_put(out, items->items[k], lists[l][f]);
	}
	S_search_put(out, rec, "challenges");
	S_search_put(out, rec, "assistance");
}

static void S_search(struct S_site *S)
{
	struct value *m = S_common(S, S_SEARCH, "search.html", S_word(S, "search"));
	/* the hint's example is a recommendation of this report */
	const char *names[] = {"id"};
	const char *ids[] = {S->r->rec_count ? S->r->recs[0].id : ""};
	S_put(S, m, "hint", words_fill(S->va, S_word(S, "search_hint"), names,
				       ids, 1));
	S_page(S, "search.html", "search.html", m);
	struct buf *b = &S->page;
	buf_clear(b);
	buf_puts(b, "window.UPRGEN_SEARCH = [\n");
	/* the recommendations as the report's context has them: the same
	 * lists of States and labels as every page */
	const struct value *recs = value_map_get(S->L->context,
						 "recommendations");
	/* the order search.js reads them in (its header comment) */
	static const char *const path[][2] = {
		{"id", NULL}, {"text", NULL}, {"states_text", NULL},
		{"cluster", "title"}, {"status", "label"}, {"status", "id"},
		{"position", "label"}, {"responsible_text", NULL},
		{"sdgs_text", NULL}, {"themes_text", NULL},
		{"groups_text", NULL}, {"cluster", "id"}, {"position", "id"}};
	enum { S_FIELDS = sizeof path / sizeof *path };
	struct buf goals;
	buf_init(&goals);
	for (size_t i = 0; recs && i < recs->count; i++) {
		buf_putc(b, '[');
		for (int f = 0; f < S_FIELDS; f++) {
			const struct value *v = value_map_get(recs->items[i],
							      path[f][0]);
			if (path[f][1])
				v = value_map_get(v, path[f][1]);
			const char *t = v && v->kind == VALUE_STRING ? v->str
								     : "";
			json_write_string(b, t, strlen(t));
			buf_putc(b, ',');
		}
		/* and the titles of its goals, "16 Peace, justice and strong
		 * institutions" */
		buf_clear(&goals);
		const struct value *sdgs = value_map_get(recs->items[i], "sdgs");
		for (size_t k = 0; sdgs && k < sdgs->count; k++) {
			const struct value *g = value_map_get(sdgs->items[k], "goal");
			const struct value *t = value_map_get(sdgs->items[k], "title");
			if (k)
				buf_puts(&goals, "; ");
			if (g && g->kind == VALUE_STRING)
				buf_puts(&goals, g->str);
			else if (g && g->kind == VALUE_NUMBER)
				buf_printf(&goals, "%d", (int)g->number);
			if (t && t->kind == VALUE_STRING)
				buf_printf(&goals, " %s", t->str);
		}
		json_write_string(b, goals.data ? goals.data : "", goals.len);
		/* the States and the institutions one by one, for the
		 * filters (U+001F between: no name holds a control
		 * character) */
		static const char *const lists[] = {"states", "responsible"};
		for (size_t l = 0; l < 2; l++) {
			buf_clear(&goals);
			const struct value *names =
				value_map_get(recs->items[i], lists[l]);
			for (size_t k = 0; names && k < names->count; k++) {
				const struct value *nm =
					value_map_get(names->items[k], "name");
				if (k)
					buf_putc(&goals, '\x1f');
				if (nm && nm->kind == VALUE_STRING)
					buf_puts(&goals, nm->str);
			}
			buf_putc(b, ',');
			json_write_string(b, goals.data ? goals.data : "",
					  goals.len);
		}
		/* what was done, as its page says it: the measures and
		 * their sources, the challenges, the assistance, the related
		 * recommendations ("Decreto Supremo" found nothing that nine
		 * pages said) */
		buf_clear(&goals);
		S_search_done(&goals, recs->items[i]);
		buf_putc(b, ',');
		json_write_string(b, goals.data ? goals.data : "", goals.len);
		buf_puts(b, i + 1 < recs->count ? "],\n" : "]\n");
	}
	buf_free(&goals);
	buf_puts(b, "];\n");
	S_write(S, "search-index.js", b->data, b->len);
}

/* ---- clusters and recommendations ----------------------------------- */

static void S_cluster(struct S_site *S, const struct cluster *c)
{
	const char *rel = S->cluster_pages[c->index];
	struct value *m = S_common(S, S_CLUSTER, rel, S_t(S, &c->title));
	S_put(S, m, "id", c->id);
	/* the cluster as the report sees it: one context */
	const struct value *by_id = value_map_get(S->L->context, "cluster");
	value_map_put(S->va, m, "cluster",
		      (struct value *)value_map_get(by_id, c->id));
	struct html_options o = S_html_options(S, "../", NULL, 0);
	buf_clear(&S->frag);
	html_matrix_named(&S->frag, &o, arena_printf(S->va, "cluster=%s", c->id),
			  c->pos, S->d, S_t(S, &c->title), "matrix");
	S_put(S, m, "matrix", S_frag(S));
	S_page(S, "cluster.html", rel, m);
}

static const char *S_indicator_charts(struct S_site *S,
				      const struct recommendation *rec)
{
	struct buf all;
	buf_init(&all);
	for (size_t i = 0; i < rec->indicator_count; i++) {
		if (!rec->indicators[i].stat)
			continue;
		struct arena ca;
		arena_init(&ca);
		struct chart *c = chart_from_statistic(&ca, rec->indicators[i].stat,
						       S->L->lang, S->first,
						       &S->hw.chart);
		chart_write_svg(&all, c, arena_printf(&ca, "ind-%zu", i + 1));
		arena_free(&ca);
	}
	const char *s = arena_strndup(S->va, all.data ? all.data : "", all.len);
	buf_free(&all);
	return s;
}

static void S_rec_neighbours(struct S_site *S, struct value *m, size_t i)
{
	if (i > 0) {
		S_put(S, m, "prev_href", S_rec_href(S, "../", S->r->recs[i - 1].id));
		S_put(S, m, "prev_id", S->r->recs[i - 1].id);
	}
	if (i + 1 < S->r->rec_count) {
		S_put(S, m, "next_href", S_rec_href(S, "../", S->r->recs[i + 1].id));
		S_put(S, m, "next_id", S->r->recs[i + 1].id);
	}
}

static void S_recommendation(struct S_site *S, size_t i)
{
	const struct recommendation *rec = &S->r->recs[i];
	const char *rel = S_rec_href(S, "", rec->id);
	struct value *m = S_common(S, S_REC, rel,
				   arena_printf(S->va, "%s %s",
						S->hw.matrix_text, rec->id));
	/* the recommendation as the report sees it: one context */
	const struct value *recs = value_map_get(S->L->context,
						 "recommendations");
	value_map_put(S->va, m, "rec", recs->items[i]);
	S_put(S, m, "indicator_charts", S_indicator_charts(S, rec));
	S_rec_neighbours(S, m, i);
	S_page(S, "recommendation.html", rel, m);
}


/* The page that sends readers to their language, at the top of a site
 * of several. */
static void S_chooser(struct S_site *S)
{
	S->L = &S->langs[0];
	S->va = S->a;
	S->lang_dir = "";
	S->w = S->L->words;
	S->hw = html_words(S->w);
	S->words = (struct value *)S->w->labels;
	struct value *m = value_map(S->va);
	S_put(S, m, "lang", lang_code(S->L->lang));
	S_put(S, m, "dir", lang_is_rtl(S->L->lang) ? "rtl" : "ltr");
	S_put(S, m, "assets", "assets/");
	struct value *list = value_list(S->va);
	for (size_t i = 0; i < S->nlangs; i++) {
		enum lang l = S->langs[i].lang;
		struct value *e = value_map(S->va);
		S_put(S, e, "lang", lang_code(l));
		S_put(S, e, "dir", lang_is_rtl(l) ? "rtl" : "ltr");
		S_put(S, e, "name", words_native_name(S->w, l));
		S_put(S, e, "href", arena_printf(S->va, "%s/index.html", lang_code(l)));
		S_put(S, e, "title", words_text(S->langs[i].words, S->va,
						&S->r->title, S->first));
		value_list_push(S->va, list, e);
	}
	value_map_put(S->va, m, "languages", list);
	value_map_put(S->va, m, "site", S_site_map(S));
	S_put(S, m, "stylesheet", arena_printf(S->va, "assets/%s",
					       S_asset_name(S, "site.css")));
	S_put(S, m, "description", S_description(S));
	if (S->r->site_url)
		S_put(S, m, "canonical", arena_printf(S->va, "%sindex.html",
						      S->r->site_url));
	value_map_put(S->va, m, "words", S->words);
	S_page(S, "languages.html", "index.html", m);
}

/* ---- files for the web server and the search engines ----------------- */

/* robots.txt (everything may be read; where the sitemap is), 404.html
 * (the page a server shows for an unknown address, at any depth: its
 * short style is in the page, its link home absolute with site_url, else
 * it has none), sitemap.xml (with site_url: every page
 * of every language). */
static void S_server_files(struct S_site *S)
{
	const struct report *r = S->r;
	S->L = &S->langs[0];
	S->va = S->a;
	S->lang_dir = "";
	S->w = S->L->words;
	S->hw = html_words(S->w);
	S->words = (struct value *)S->w->labels;
	struct buf *b = &S->page;
	buf_clear(b);
	buf_puts(b, "User-agent: *\nAllow: /\n");
	if (r->site_url)
		buf_printf(b, "Sitemap: %ssitemap.xml\n", r->site_url);
	S_write(S, "robots.txt", b->data, b->len);

	struct value *m = value_map(S->va);
	S_put(S, m, "lang", lang_code(S->L->lang));
	S_put(S, m, "dir", lang_is_rtl(S->L->lang) ? "rtl" : "ltr");
	value_map_put(S->va, m, "site", S_site_map(S));
	value_map_put(S->va, m, "words", S->words);
	S_put(S, m, "site_url", r->site_url);
	S_put(S, m, "home", r->site_url
		? arena_printf(S->va, "%s%s", r->site_url,
			       S->nlangs > 1 ? arena_printf(S->va, "%s/",
							     lang_code(S->L->lang))
					     : "")
		: NULL);
	/* one server page for every language of the site: the message in
	 * each, with its own link home */
	struct value *versions = value_list(S->va);
	for (size_t i = 0; i < S->nlangs; i++) {
		const struct site_language *L = &S->langs[i];
		struct value *v = value_map(S->va);
		S_put(S, v, "lang", lang_code(L->lang));
		S_put(S, v, "dir", lang_is_rtl(L->lang) ? "rtl" : "ltr");
		value_map_put(S->va, v, "first", value_bool(S->va, i == 0));
		value_map_put(S->va, v, "words",
			      (struct value *)L->words->labels);
		S_put(S, v, "home", r->site_url
			? arena_printf(S->va, "%s%s", r->site_url,
				       S->nlangs > 1
					       ? arena_printf(S->va, "%s/",
							      lang_code(L->lang))
					       : "")
			: NULL);
		value_list_push(S->va, versions, v);
	}
	value_map_put(S->va, m, "versions", versions);
	S_page(S, "404.html", "404.html", m);

	if (!r->site_url)
		return;
	buf_clear(b);
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	static const char *const once[] = {
		"index.html", "report.html", "recommendations.html",
		"statistics.html", "sdgs.html", "data.html", "search.html"};
	struct buf rel;
	buf_init(&rel);
	for (size_t l = 0; l < S->nlangs; l++) {
		enum lang lang = S->langs[l].lang;
		size_t k = sizeof once / sizeof *once;
		for (size_t i = 0; i < k + r->cluster_count + r->rec_count;
		     i++) {
			buf_clear(&rel);
			if (i < k)
				buf_puts(&rel, once[i]);
			else if (i < k + r->cluster_count)
				html_cluster_href(&rel, "", r->clusters[i - k].id);
			else
				html_rec_href(&rel, "",
					      r->recs[i - k - r->cluster_count].id);
			const char *url = S_absolute(S, lang, rel.data);
			buf_puts(b, "<url><loc>");
			escape_html(b, url, strlen(url));
			buf_puts(b, "</loc></url>\n");
		}
	}
	buf_free(&rel);
	buf_puts(b, "</urlset>\n");
	S_write(S, "sitemap.xml", b->data, b->len);
}

/* An asset copied from templates/ to assets/, as `as`. */
static void S_asset(struct S_site *S, const char *name, const char *as)
{
	const struct S_template *t = S_template(S, name);
	if (!t) {
		struct source_pos pos = {name, 0, 0};
		diag_error(S->d, pos, "the template %s is missing", name);
		S->ok = false;
		return;
	}
	S->lang_dir = "";
	const char *tail = S_asset_tail(S, name);
	if (!*tail) {
		S_write(S, arena_printf(S->va, "assets/%s", as), t->text,
			t->len);
		return;
	}
	struct buf b;
	buf_init(&b);
	buf_put(&b, t->text, t->len);
	buf_puts(&b, tail);
	S_write(S, arena_printf(S->va, "assets/%s", as), b.data, b.len);
	buf_free(&b);
}

/* The fonts of the plan, subset now (on the helper thread: CJK takes a
 * few milliseconds a face). */
static void S_fonts(struct S_site *S)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; S->fonts && i < S->fonts->nfiles && S->ok; i++) {
		const struct webfont_file *f = &S->fonts->files[i];
		buf_clear(&b);
		if (!webfont_subset(f, &b, S->d)) {
			S->ok = false;
			break;
		}
		S->lang_dir = "";
		S_write(S, arena_printf(S->va, "assets/%s", f->name), b.data,
			b.len);
	}
	buf_free(&b);
}


/* ---- the whole site ------------------------------------------------- */

/* The site is written by two workers at once, the caller's thread and one
 * of its own, each with its own S_site (arenas, buffers, templates,
 * diagnostics: nothing mutable is shared).  Pages are jobs taken in
 * order from one counter; the report pages wait for site_finish(), as
 * the report is parsed meanwhile on the caller's thread. */
struct S_job {
	unsigned lang;  /* index in langs */
	enum S_kind kind;
	size_t index;   /* the cluster's or the recommendation's */
};

struct site_writer {
	struct diags *d; /* the caller's: gets the workers' messages */
	struct S_media *media;
	atomic_size_t *written;
	struct S_site main, helper;
	struct S_job *jobs;
	size_t job_count;
	atomic_size_t next_job;
	atomic_bool failed; /* a page failed: both workers stop, as one would */
	bool ok;     /* every page so far was written (site_finish) */
	bool closed; /* the caller's worker is freed (site_write_offers) */
	/* The helper thread's steps: prepared (folders, assets: what needs
	 * no template context), then the pages, once
	 * site_write_pages() says the contexts are there. */
	pthread_mutex_t lock;
	pthread_cond_t changed;
	bool prepared, prepared_ok, pages_allowed;
	pthread_t thread;
	bool started;
};

static void S_signal(struct site_writer *w, bool *flag)
{
	pthread_mutex_lock(&w->lock);
	*flag = true;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
}

static void S_wait(struct site_writer *w, const bool *flag)
{
	pthread_mutex_lock(&w->lock);
	while (!*flag)
		pthread_cond_wait(&w->changed, &w->lock);
	pthread_mutex_unlock(&w->lock);
}

/* Sets S to write pages of language L. */
static void S_enter_language(struct S_site *S, const struct site_language *L)
{
	S->L = L;
	S->va = S->a;
	S->lang_dir = S->nlangs > 1 ? arena_printf(S->a, "%s/", lang_code(L->lang))
				    : "";
	S->w = L->words;
	S->hw = html_words(S->w);
	S->words = (struct value *)S->w->labels;
	S->site = S_site_map(S);
	memset(S->frames, 0, sizeof S->frames);
	S->cluster_pages = arena_alloc(S->a, (S->r->cluster_count + 1) *
						    sizeof *S->cluster_pages);
	for (size_t k = 0; k < S->r->cluster_count; k++)
		S->cluster_pages[k] = S_cluster_href(S, "", &S->r->clusters[k]);
	S->va = &S->pa;
}

static void S_run_job(struct S_site *S, const struct S_job *j)
{
	if (S->L != &S->langs[j->lang])
		S_enter_language(S, &S->langs[j->lang]);
	switch (j->kind) {
	case S_DASHBOARD: S_dashboard(S); break;
	case S_REPORT: S_report(S); break;
	case S_RECS: S_all_recs(S); break;
	case S_STATS: S_statistics(S); break;
	case S_SDGS: S_sdgs(S); break;
	case S_DATA: S_data(S); break;
	case S_SEARCH: S_search(S); break;
	case S_CLUSTER: S_cluster(S, &S->r->clusters[j->index]); break;
	case S_REC: S_recommendation(S, j->index); break;
	case S_KIND_COUNT: break;
	}
	S_page_done(S);
}

/* Runs jobs until there are none left (or one failed, on either side). */
static void S_work(struct site_writer *w, struct S_site *S)
{
	for (;;) {
		size_t j = atomic_fetch_add(&w->next_job, 1);
		if (j >= w->job_count || atomic_load(&w->failed))
			return;
		S_run_job(S, &w->jobs[j]);
		if (!S->ok) {
			atomic_store(&w->failed, true);
			return;
		}
	}
}

/* Every page but the report, per language: the pages that take longest
 * come first, so that the two workers end at about the same time. */
static void S_plan(struct site_writer *w, struct arena *a,
		   const struct site_language *langs, size_t nlangs,
		   const struct report *r)
{
	static const enum S_kind once[] = {S_DATA, S_DASHBOARD, S_RECS,
					   S_STATS, S_SDGS, S_SEARCH};
	size_t per_lang = sizeof once / sizeof *once + r->cluster_count +
			  r->rec_count;
	w->jobs = arena_alloc(a, nlangs * per_lang * sizeof *w->jobs);
	for (unsigned l = 0; l < nlangs; l++) {
		for (size_t k = 0; k < sizeof once / sizeof *once; k++)
			/* a dashboard that offers the report's files waits
			 * for them: site_write_offers() */
			if (once[k] != S_DASHBOARD ||
			    !(langs[l].pdf || langs[l].docx))
				w->jobs[w->job_count++] =
					(struct S_job){l, once[k], 0};
		w->main.waits[l] = langs[l].pdf || langs[l].docx;
		for (size_t k = 0; k < r->cluster_count; k++)
			w->jobs[w->job_count++] = (struct S_job){l, S_CLUSTER, k};
		for (size_t i = 0; i < r->rec_count; i++)
			w->jobs[w->job_count++] = (struct S_job){l, S_REC, i};
	}
}

static void S_site_init(struct S_site *S, const struct S_site *shared)
{
	*S = *shared;
	arena_init(&S->own);
	S->a = S->va = &S->own;
	diags_init(&S->diags);
	S->d = &S->diags;
	S->partials = (struct mustache_partials){S_partial, S};
	arena_init(&S->pa);
	buf_init(&S->page);
	buf_init(&S->frag);
}

static void S_site_free(struct S_site *S)
{
	for (size_t i = 0; i < S->template_count; i++)
		mustache_free(S->templates[i].compiled);
	buf_free(&S->page);
	buf_free(&S->frag);
	arena_free(&S->pa);
	arena_free(&S->own);
	diags_free(&S->diags);
}

/* The folders every page goes into, the assets, and the Markdown
 * fields; then says so, whatever failed (the caller's thread waits). */
static void S_prepare(struct site_writer *w, struct S_site *S)
{
	if (S_mkdirs(S, arena_printf(S->a, "%s/assets", S->out_dir))) {
		S_asset(S, "site.css", S_asset_name(S, "site.css"));
		S_asset(S, "search.js", S_asset_name(S, "search.js"));
		S_asset(S, "favicon.svg", "favicon.svg");
		S_fonts(S);
	}
	for (size_t i = 0; i < S->nlangs && S->ok; i++) {
		const char *base = arena_printf(
			S->a, "%s/%s", S->out_dir,
			S->nlangs > 1 ? lang_code(S->langs[i].lang) : "");
		S->ok = S_mkdirs(S, arena_printf(S->a, "%s/clusters", base)) &&
			S_mkdirs(S, arena_printf(S->a, "%s/recommendations", base)) &&
			S_mkdirs(S, arena_printf(S->a, "%s/data", base));
	}
	w->prepared_ok = S->ok;
	S_signal(w, &w->prepared);
}

static void *S_helper_thread(void *p)
{
	struct site_writer *w = p;
	S_prepare(w, &w->helper);
	S_wait(w, &w->pages_allowed);
	if (w->prepared_ok)
		S_work(w, &w->helper);
	return NULL;
}

struct site_writer *site_start(struct arena *a, struct diags *d,
			       const struct report *r,
			       const struct template_dirs *t,
			       const struct site_language *langs,
			       size_t nlangs, const char *out_dir)
{
	struct site_writer *w = arena_alloc(a, sizeof *w);
	memset(w, 0, sizeof *w);
	w->d = d;
	w->written = arena_alloc(a, sizeof *w->written);
	atomic_init(w->written, 0);
	w->media = arena_alloc(a, sizeof *w->media);
	memset(w->media, 0, sizeof *w->media);
	pthread_mutex_init(&w->media->lock, NULL);
	struct S_site shared = {.r = r, .t = t, .langs = langs,
				.nlangs = nlangs, .out_dir = out_dir,
				.ok = true, .first = report_first_language(r),
				.media = w->media, .written = w->written};
	if (nlangs) {
		/* before both threads start: the stylesheet's name holds
		 * the fonts' rules */
		struct webfont_plan *fonts = arena_alloc(a, sizeof *fonts);
		enum lang *codes = arena_alloc(a, nlangs * sizeof *codes);
		for (size_t i = 0; i < nlangs; i++)
			codes[i] = langs[i].lang;
		const char *dirs[] = {r->content_dir, t->user, t->builtin};
		webfont_plan(fonts, a, d, codes, nlangs, dirs, 3);
		shared.fonts = fonts;
	}
	S_site_init(&w->main, &shared);
	S_site_init(&w->helper, &shared);
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->changed, NULL);
	if (!nlangs) {
		w->prepared = true;
		return w;
	}
	S_plan(w, a, langs, nlangs, r);
	w->started = thread_start(&w->thread, S_helper_thread, w);
	if (!w->started)
		S_prepare(w, &w->main);
	return w;
}

void site_write_pages(struct site_writer *w)
{
	S_signal(w, &w->pages_allowed);
}

bool site_finish(struct site_writer *w, cmark_node *const *reports,
		 void (*released)(void *arg, size_t lang), void *arg)
{
	struct S_site *S = &w->main;
	if (!reports) {
		atomic_store(&w->next_job, w->job_count);
		S->ok = false;
	}
	site_write_pages(w);
	S_wait(w, &w->prepared);
	S->reports = reports;
	S->released = released;
	S->released_arg = arg;
	for (unsigned l = 0; l < S->nlangs && S->ok && w->prepared_ok; l++) {
		if (!S->waits[l]) {
			S_run_job(S, &(struct S_job){l, S_REPORT, 0});
			continue;
		}
		/* the report page waits for the files it offers, its body
		 * not: the tree is the PDF's next */
		if (S->L != &S->langs[l])
			S_enter_language(S, &S->langs[l]);
		S_report_body(S, l);
	}
	if (S->ok && w->prepared_ok)
		S_work(w, S);
	if (w->started)
		pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->changed);
	for (size_t i = 0; i < w->media->count; i++)
		free(w->media->copied[i]);
	free(w->media->copied);
	pthread_mutex_destroy(&w->media->lock);
	if (S->nlangs > 1 && S->ok && w->helper.ok)
		S_chooser(S);
	if (S->nlangs && S->ok && w->helper.ok)
		S_server_files(S);
	bool ok = S->ok && w->helper.ok;
	diags_append(w->d, &w->main.diags);
	diags_free(&w->main.diags);
	diags_init(&w->main.diags);
	diags_append(w->d, &w->helper.diags);
	S_site_free(&w->helper);
	w->ok = ok;
	bool holding = false;
	for (size_t l = 0; l < S->nlangs; l++)
		holding = holding || S->held[l];
	if (!ok || !holding)
		site_write_offers(w, false);
	return ok;
}

bool site_write_offers(struct site_writer *w, bool write)
{
	struct S_site *S = &w->main;
	if (w->closed)
		return w->ok;
	/* the language chooser and the server's files were written from
	 * the top since the last page: each language set anew */
	S->L = NULL;
	for (unsigned l = 0; l < S->nlangs && write && w->ok && S->ok; l++) {
		if (!S->held[l])
			continue;
		S_run_job(S, &(struct S_job){l, S_REPORT, 0});
		S_run_job(S, &(struct S_job){l, S_DASHBOARD, 0});
	}
	bool ok = w->ok && S->ok;
	diags_append(w->d, &S->diags);
	for (size_t l = 0; l < LANG_COUNT; l++) {
		buf_free(&S->held_body[l]);
		buf_free(&S->held_toc[l]);
	}
	S_site_free(S);
	w->closed = true;
	w->ok = ok;
	return ok;
}
