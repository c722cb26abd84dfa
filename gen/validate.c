/*
 * validate — the checks that need the whole report: unique ids, references
 * between files, dates that must agree, and what the Markdown of chapters
 * and fields names (charts, matrix filters, footnotes), read by cmark-gfm.
 * Resolves the cluster and statistic pointers of the model as it goes.
 */
#include "fence.h"
#include "image.h"
#include "markdown.h"
#include "matrix.h"
#include "model.h"
#include "words.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct S_id_ref {
	const char *id;
	struct source_pos pos;
};

static int S_ref_cmp(const void *pa, const void *pb)
{
	const struct S_id_ref *a = pa, *b = pb;
	/* Case-blind: a page "A.1.html" and "a.1.html" are one file on the
	 * case-insensitive disks many users publish from. */
	int c = strcasecmp(a->id, b->id);
	if (c)
		return c;
	if (a->pos.file != b->pos.file && a->pos.file && b->pos.file) {
		int f = strcmp(a->pos.file, b->pos.file);
		if (f)
			return f;
	}
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	return (a->pos.column > b->pos.column) -
	       (a->pos.column < b->pos.column);
}

/* Reports every id that appears twice, pointing at the later one. */
static void S_check_unique(struct diags *d, struct S_id_ref *refs, size_t n,
			   const char *what)
{
	qsort(refs, n, sizeof *refs, S_ref_cmp);
	for (size_t i = 1; i < n; i++) {
		if (strcasecmp(refs[i].id, refs[i - 1].id))
			continue;
		diag_error(d, refs[i].pos,
			   "the %s id '%s' is used twice (also at %s:%d); ids "
			   "must be unique%s",
			   what, refs[i].id, refs[i - 1].pos.file,
			   refs[i - 1].pos.line,
			   strcmp(refs[i].id, refs[i - 1].id)
				   ? " even when upper and lower case differ"
				   : "");
	}
}

static void S_unique_ids(const struct report *r, struct diags *d)
{
	size_t most = r->cluster_count > r->rec_count ? r->cluster_count
						      : r->rec_count;
	if (r->stat_count > most)
		most = r->stat_count;
	if (r->chapter_count > most)
		most = r->chapter_count;
	struct S_id_ref *refs = xmalloc((most + 1) * sizeof *refs);
	size_t n = 0;
	for (size_t i = 0; i < r->cluster_count; i++)
		if (r->clusters[i].id)
			refs[n++] = (struct S_id_ref){r->clusters[i].id,
						      r->clusters[i].id_pos};
	S_check_unique(d, refs, n, "cluster");
	n = 0;
	for (size_t i = 0; i < r->rec_count; i++)
		if (r->recs[i].id)
			refs[n++] = (struct S_id_ref){r->recs[i].id,
						      r->recs[i].id_pos};
	S_check_unique(d, refs, n, "recommendation");
	n = 0;
	for (size_t i = 0; i < r->stat_count; i++)
		if (r->stats[i].id)
			refs[n++] = (struct S_id_ref){r->stats[i].id,
						      r->stats[i].id_pos};
	S_check_unique(d, refs, n, "statistic");
	n = 0;
	for (size_t i = 0; i < r->chapter_count; i++)
		refs[n++] = (struct S_id_ref){r->chapters[i].id,
					      r->chapters[i].pos};
	S_check_unique(d, refs, n, "chapter (its file name)");
	free(refs);
}

static void S_cluster_hint(const struct report *r, const char *id,
			   struct buf *hint)
{
	struct near n = near_start(id, 4);
	for (size_t i = 0; i < r->cluster_count; i++)
		near_try(&n, r->clusters[i].id);
	const char *best = n.best;
	if (best) {
		buf_printf(hint, "; did you mean '%s'?", best);
		return;
	}
	size_t usable = 0;
	for (size_t i = 0; i < r->cluster_count; i++)
		if (r->clusters[i].id && usable++ < 12)
			buf_printf(hint, "%s %s",
				   usable > 1 ? "" : "; the clusters are:",
				   r->clusters[i].id);
	if (!usable)
		buf_puts(hint, r->cluster_count
				       ? "; no cluster there has a usable id"
				       : "; it defines no cluster");
	else if (usable > 12)
		buf_puts(hint, " ...");
}

static void S_resolve_cluster(struct arena *a, const struct report *r,
			      struct diags *d, struct recommendation *rec)
{
	if (!rec->cluster_id || r->clusters_unreadable)
		return;
	rec->cluster = report_find_cluster(r, rec->cluster_id);
	if (rec->cluster)
		return;
	struct buf hint;
	buf_init(&hint);
	S_cluster_hint(r, rec->cluster_id, &hint);
	diag_error(d, rec->cluster_pos,
		   "no cluster has the id '%s' in clusters.yaml%s",
		   diag_quote(a, rec->cluster_id), hint.data ? hint.data : "");
	buf_free(&hint);
}

static void S_resolve_indicators(struct arena *a, const struct report *r,
				 struct diags *d, struct recommendation *rec)
{
	for (size_t i = 0; i < rec->indicator_count; i++) {
		struct indicator_ref *ref = &rec->indicators[i];
		ref->stat = report_find_statistic(r, ref->id);
		if (!ref->stat && !r->stats_unreadable)
			diag_error(d, ref->pos,
				   "no statistic has the id '%s'%s",
				   diag_quote(a, ref->id),
				   r->stat_count
					   ? " in statistics.yaml"
					   : " (there is no statistics.yaml)");
	}
}

static int S_date_cmp(const struct date *a, const struct date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return (a->day > b->day) - (a->day < b->day);
}

static void S_check_dates(const struct report *r, struct diags *d)
{
	if (r->period_from.present && r->period_to.present &&
	    S_date_cmp(&r->period_from, &r->period_to) > 0)
		diag_error(d, r->period_to.pos,
			   "the period ends before it begins");
	if (r->adopted.present && !r->adopted_placeholder && r->date.present &&
	    S_date_cmp(&r->date, &r->adopted) < 0)
		diag_error(d, r->date.pos,
			   "the report is dated before the outcome it follows "
			   "up was adopted (%04d-%02d-%02d)",
			   r->adopted.year, r->adopted.month, r->adopted.day);
}

/* Series of one statistic are drawn on shared axes: their keys should
 * agree, or a chart would silently show gaps. */
static void S_check_series(const struct statistic *st, struct diags *d)
{
	if (st->series_count < 2)
		return;
	const struct series *first = &st->series[0];
	for (size_t i = 1; i < st->series_count; i++) {
		const struct series *s = &st->series[i];
		bool same = s->count == first->count;
		for (size_t k = 0; same && k < s->count; k++)
			same = !strcmp(s->points[k].key, first->points[k].key);
		if (!same)
			diag_warning(d, s->pos,
				     "this series does not have the same keys, "
				     "in the same order, as the first series "
				     "of '%s'; the chart will show gaps",
				     st->id ? st->id : "this statistic");
	}
}

/* ---- Markdown, read by cmark-gfm as every back end reads it ---------- */

/* The languages a text is read in: its own, or (a text for all) every
 * language of the report. */
struct S_langs {
	enum lang lang[LANG_COUNT];
	size_t count;
};

/* The first passage of s (len bytes) in a script whose language uprgen
 * cannot tell (words_foreign_passage), read in one of langs, into *p;
 * false when there is none. */
static bool S_first_unsettled(const char *s, size_t len,
			      const struct S_langs *langs,
			      struct words_passage *p)
{
	for (size_t i = 0; i < langs->count; i++)
		for (size_t from = 0;
		     words_foreign_passage(langs->lang[i], s, len, from, p);
		     from = p->end)
			if (p->lang < 0)
				return true;
	return false;
}

/* The first such passage of text n: said once a field, as the author has
 * to name it (<span lang="fa">); true when said. */
static bool S_unsettled_passage(struct arena *a, struct diags *d,
				cmark_node *n, const struct S_langs *langs)
{
	const char *s = cmark_node_get_literal(n);
	struct words_passage p;
	if (!s || !S_first_unsettled(s, strlen(s), langs, &p))
		return false;
	size_t n_bytes = p.end - p.start;
	size_t shown = n_bytes > 60 ? words_cut(s + p.start, 60) : n_bytes;
	const char *text = arena_printf(a, "%.*s%s", (int)shown, s + p.start,
					shown < n_bytes ? "…" : "");
	diag_warning(d, markdown_node_pos(n, NULL),
		     "'%s' is written in %s, which do not tell its language: "
		     "write it as <span lang=\"xx\">…</span>, xx the code of "
		     "its language (el, fa, ja, uk...), so that screen readers "
		     "read it in that language",
		     diag_quote(a, text), p.script);
	return true;
}

/* Whether s holds the word TODO, the placeholders' mark ('uprgen new'
 * and the importers write it where the author has something to say). */
static bool S_has_todo(const char *s)
{
	for (const char *t = s ? strstr(s, "TODO") : NULL; t;
	     t = strstr(t + 4, "TODO")) {
		bool before = t == s || !isalnum((unsigned char)t[-1]);
		if (before && !isalnum((unsigned char)t[4]))
			return true;
	}
	return false;
}

/* A ```chart``` or ```matrix``` block names statistics, clusters and
 * values: checked here, with their line, rather than left out by the
 * back ends; raw HTML (other than uprgen's directives) is not rendered:
 * said where it is; a passage in a script that does not tell its
 * language (read in langs) wants the author to name it.  doc is one
 * chapter or field, parsed alone. */
static void S_check_tree(struct arena *a, const struct report *r,
			 struct diags *d, cmark_node *doc, const char *what,
			 const struct S_langs *langs)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	bool html_said = false, script_said = false, todo_said = false;
	char lang[36]; /* <span lang="xx"> is rendered: not warned about */
	cmark_node *span_end = NULL; /* the author's passage open */
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		int type = cmark_node_get_type(n);
		if (type == CMARK_NODE_HTML_INLINE && !span_end)
			span_end = markdown_lang_span(n, lang, sizeof lang);
		else if (n == span_end)
			span_end = NULL;
		if (type == CMARK_NODE_CODE_BLOCK) {
			struct fence f = fence_of(n);
			fence_check(&f, r, markdown_node_pos(n, NULL), d);
		} else if (type == CMARK_NODE_IMAGE) {
			/* what build says of it, said by check too (the same
			 * warning at the same place: said once in a build);
			 * and a picture with no description, which a screen
			 * reader skips */
			struct image im;
			struct source_pos pos = markdown_node_pos(n, NULL);
			image_open(a, r->content_dir, r->real_dir,
				   cmark_node_get_url(n), pos, d, &im);
			if (!cmark_node_first_child(n))
				diag_warning(d, pos,
					     "the image \"%s\" has no "
					     "description: write what it shows "
					     "between its brackets, for those "
					     "who cannot see it",
					     cmark_node_get_url(n)
						     ? cmark_node_get_url(n)
						     : "");
		} else if (type == CMARK_NODE_TEXT) {
			if (!todo_said && S_has_todo(cmark_node_get_literal(n))) {
				diag_warning(d, markdown_node_pos(n, NULL),
					     "a placeholder (TODO) is left in "
					     "this %s: replace it before "
					     "publishing", what);
				todo_said = true; /* once a field */
			}
			if (!span_end && !script_said)
				script_said = S_unsettled_passage(a, d, n,
								  langs);
		} else if (!html_said &&
			   ((type == CMARK_NODE_HTML_BLOCK &&
			     markdown_directive_of(n) == MARKDOWN_NOT_DIRECTIVE) ||
			    (type == CMARK_NODE_HTML_INLINE &&
			     !markdown_lang_span(n, lang, sizeof lang) &&
			     !markdown_is_span_close(n) &&
			     !markdown_is_line_break(n)))) {
			diag_warning(d, markdown_node_pos(n, NULL),
				     "'%s' contains HTML; raw HTML is not "
				     "rendered, use Markdown", what);
			html_said = true; /* once a field: the first says it */
		}
	}
	cmark_iter_free(it);
}

/* Each translation of a Markdown field, parsed alone, placed where it
 * was written. */
static void S_check_markdown(struct arena *a, const struct report *r,
			     struct diags *d, const struct text *t,
			     const char *what, bool embedded)
{
	for (int l = -1; l < LANG_COUNT; l++) {
		const char *s = l < 0 ? t->any : t->by_lang[l];
		if (!s)
			continue;
		struct S_langs langs = {.count = 0};
		if (l >= 0)
			langs.lang[langs.count++] = (enum lang)l;
		else
			for (size_t i = 0; i < r->language_count; i++)
				langs.lang[langs.count++] = r->languages[i];
		/* what is checked needs a fence, a '<', a table's '|', a
		 * footnote's "[^", a TODO or a script that does not tell its
		 * language: text with none is not parsed here (the build
		 * parses it) */
		bool notes = strstr(s, "[^");
		struct words_passage unsettled;
		if (!notes && !strstr(s, "```") && !strstr(s, "~~~") &&
		    !strpbrk(s, "<|") && !strstr(s, "TODO") &&
		    !strstr(s, "![") && /* a picture */
		    !S_first_unsettled(s, strlen(s), &langs, &unsettled))
			continue;
		struct source_pos *origin = arena_alloc(a, sizeof *origin);
		*origin = text_origin(t, l < 0 ? LANG_EN : (enum lang)l,
				      l < 0 ? LANG_EN : (enum lang)l);
		if (notes)
			markdown_check_notes(s, strlen(s), origin, embedded, d);
		/* (text that is not UTF-8 never gets here: the loader
		 * refused it) */
		cmark_node *doc = markdown_parse(s, strlen(s), *origin, d);
		if (!doc)
			continue;
		markdown_set_origin(doc, origin);
		S_check_tree(a, r, d, doc, what, &langs);
		cmark_node_free(doc);
	}
}

static void S_check_chapter(struct arena *a, const struct report *r,
			    struct diags *d, const struct chapter *c)
{
	struct text body = c->body;
	/* a chapter's text starts at line 1 of its own file (and is no
	 * quoted YAML scalar: text_origin leaves that place as it is) */
	body.quoted = false;
	memset(body.quoted_by_lang, 0, sizeof body.quoted_by_lang);
	for (int l = -1; l < LANG_COUNT; l++) {
		const char *rel = l < 0 ? c->file.any : c->file.by_lang[l];
		struct source_pos at = {rel ? arena_path(a, r->content_dir, rel)
					    : c->pos.file,
					1, 1};
		if (l < 0)
			body.pos = at;
		else
			body.pos_by_lang[l] = at;
	}
	S_check_markdown(a, r, d, &body, "chapter", false);
}

static void S_check_all_markdown(struct arena *a, const struct report *r,
				 struct diags *d)
{
	for (size_t i = 0; i < r->chapter_count; i++)
		S_check_chapter(a, r, d, &r->chapters[i]);
	for (size_t i = 0; i < r->cluster_count; i++)
		S_check_markdown(a, r, d, &r->clusters[i].description,
				 "description", true);
	for (size_t i = 0; i < r->rec_count; i++) {
		const struct recommendation *rec = &r->recs[i];
		for (size_t k = 0; k < rec->action_count; k++)
			S_check_markdown(a, r, d, &rec->actions[k].text, "text",
					 true);
		S_check_markdown(a, r, d, &rec->challenges, "challenges",
				 true);
		S_check_markdown(a, r, d, &rec->assistance, "assistance",
				 true);
	}
	/* a progress entry's texts, even one a later entry replaces (the
	 * same text checked twice says each problem once) */
	for (size_t i = 0; i < r->progress_count; i++) {
		S_check_markdown(a, r, d, &r->progress[i].challenges,
				 "challenges", true);
		S_check_markdown(a, r, d, &r->progress[i].assistance,
				 "assistance", true);
	}
}

/* A name as it is written in one language, where it is first, how often,
 * and as its letters read (S_spelling_key). */
struct S_spelling {
	const char *name, *key;
	enum lang lang;
	struct source_pos pos;
	size_t uses;
};

/* The letters and digits of a name, case and Latin accents aside
 * (unicode_fold_letter), spaces and punctuation left out. */
static const char *S_spelling_key(struct arena *a, const char *name)
{
	struct buf b;
	buf_init(&b);
	size_t n = strlen(name), adv;
	for (size_t i = 0; i < n; i += adv) {
		unsigned c = unicode_fold_letter(utf8_decode(name + i, n - i,
							    &adv));
		bool ascii_other = c < 0x80 && !((c >= 'a' && c <= 'z') ||
						 (c >= '0' && c <= '9'));
		bool mark = c >= 0x2000 && c <= 0x206F; /* quotes, dashes */
		if (ascii_other || mark || c == 0xA0)
			continue;
		char u[4];
		buf_put(&b, u, utf8_encode(c, u));
	}
	const char *key = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return key;
}

static int S_pos_cmp(const struct source_pos *x, const struct source_pos *y)
{
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->column > y->column) - (x->column < y->column);
}

/* by language, then name (bytes), then place: each spelling's uses in a
 * row, its first first */
static int S_spelling_name_cmp(const void *pa, const void *pb)
{
	const struct S_spelling *x = pa, *y = pb;
	if (x->lang != y->lang)
		return x->lang < y->lang ? -1 : 1;
	int c = strcmp(x->name, y->name);
	return c ? c : S_pos_cmp(&x->pos, &y->pos);
}

static int S_spelling_key_cmp(const void *pa, const void *pb)
{
	const struct S_spelling *x = pa, *y = pb;
	int c = strcmp(x->key, y->key);
	return c ? c : S_spelling_name_cmp(pa, pb);
}

/* Names of one list field (the institutions responsible, the States)
 * written two ways that differ only in case, accents, spaces or
 * punctuation ("Ministerio Publico", "Ministerio Público"): most often
 * one name mistyped, which would get a spreadsheet and a search filter
 * of its own.  Warned of once for each other spelling, at its first use,
 * against the spelling used most. */
static void S_check_spellings(struct arena *a, const struct report *r,
			      struct diags *d, size_t field, const char *what)
{
	size_t n = 0;
	for (size_t i = 0; i < r->rec_count; i++) {
		const struct text_list *l =
			(const void *)((const char *)&r->recs[i] + field);
		n += l->count * r->language_count;
	}
	if (!n)
		return;
	struct S_spelling *all = xmalloc(n * sizeof *all);
	n = 0;
	for (size_t i = 0; i < r->rec_count; i++) {
		const struct text_list *l =
			(const void *)((const char *)&r->recs[i] + field);
		/* within each language: "Panamá" is "Panama" in English */
		for (size_t k = 0; k < l->count; k++) {
			const struct text *t = &l->items[k];
			for (size_t g = 0; g < r->language_count; g++) {
				enum lang lang = r->languages[g];
				const char *s = t->by_lang[lang] ? t->by_lang[lang]
								 : t->any;
				if (s && *s)
					all[n++] = (struct S_spelling){
						.name = s, .lang = lang,
						.pos = t->by_lang[lang]
							       ? t->pos_by_lang[lang]
							       : t->pos};
			}
		}
	}
	/* each spelling once, with its uses and first place; then its key
	 * (dear: once a spelling, not once a use) */
	qsort(all, n, sizeof *all, S_spelling_name_cmp);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && all[m - 1].lang == all[i].lang &&
		    !strcmp(all[m - 1].name, all[i].name)) {
			all[m - 1].uses++;
			continue;
		}
		all[m] = all[i];
		all[m].uses = 1;
		all[m].key = S_spelling_key(a, all[i].name);
		m++;
	}
	qsort(all, m, sizeof *all, S_spelling_key_cmp);
	struct source_pos *warned = NULL;
	size_t warned_count = 0, warned_cap = 0;
	for (size_t first = 0, end; first < m; first = end) {
		/* the spellings that read alike in one language:
		 * all[first..end); the one used most is the measure */
		size_t best = first;
		for (end = first + 1; end < m && all[end].lang == all[first].lang &&
				      !strcmp(all[end].key, all[first].key);
		     end++)
			if (all[end].uses > all[best].uses)
				best = end;
		for (size_t i = first; i < end && *all[first].key; i++) {
			if (i == best)
				continue;
			bool said = false;
			for (size_t k = 0; k < warned_count && !said; k++)
				said = !S_pos_cmp(&warned[k], &all[i].pos);
			if (said)
				continue;
			warned = arena_grow(a, warned, sizeof *warned,
					    warned_count, &warned_cap,
					    warned_count + 1);
			warned[warned_count++] = all[i].pos;
			diag_warning(d, all[i].pos,
				     "%s '%s' is written '%s' elsewhere "
				     "(%s:%d:%d): if they are one, write it "
				     "one way (each spelling has its own "
				     "spreadsheet and search filter)",
				     what, all[i].name, all[best].name,
				     all[best].pos.file ? all[best].pos.file
							: "?",
				     all[best].pos.line, all[best].pos.column);
		}
	}
	free(all);
}

void report_validate(struct report *r, struct diags *d)
{
	struct arena a; /* for quoting values in messages */
	arena_init(&a);
	S_unique_ids(r, d);
	S_check_dates(r, d);
	for (size_t i = 0; i < r->rec_count; i++) {
		S_resolve_cluster(&a, r, d, &r->recs[i]);
		S_resolve_indicators(&a, r, d, &r->recs[i]);
	}
	for (size_t i = 0; i < r->stat_count; i++)
		S_check_series(&r->stats[i], d);
	if (r->cluster_count == 0 && r->rec_count > 0 &&
	    !r->clusters_unreadable)
		diag_error(d, r->clusters_pos,
			   "clusters.yaml lists no cluster, but every "
			   "recommendation needs one");
	if (r->received && r->received < r->rec_count && !r->recs_unreadable)
		diag_error(d, r->received_pos,
			   "'received' is %zu, but the project lists %zu "
			   "recommendations", r->received, r->rec_count);
	S_check_all_markdown(&a, r, d);
	S_check_spellings(&a, r, d, offsetof(struct recommendation, responsible),
			  "the institution");
	S_check_spellings(&a, r, d, offsetof(struct recommendation, states),
			  "the State");
	arena_free(&a);
}
