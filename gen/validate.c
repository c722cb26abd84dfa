/*
 * validate — the checks that need the whole report: unique ids, references
 * between files, dates that must agree.  Resolves the cluster and
 * statistic pointers of the model as it goes.
 */
#include "matrix.h"
#include "model.h"

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
	const char *best = NULL;
	size_t best_d = 4;
	for (size_t i = 0; i < r->cluster_count; i++) {
		if (!r->clusters[i].id)
			continue;
		size_t dist = edit_distance(id, r->clusters[i].id);
		if (dist < best_d) {
			best_d = dist;
			best = r->clusters[i].id;
		}
	}
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
	if (r->adopted.present && r->date.present &&
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

/* The fenced block opening at line (``` or ~~~, up to three spaces in):
 * its info string, else NULL. */
static const char *S_fence_info(const char *line, const char *end)
{
	int indent = 0;
	while (line < end && *line == ' ' && indent < 4) {
		line++;
		indent++;
	}
	if (indent > 3 || end - line < 3)
		return NULL;
	char c = *line;
	if ((c != '`' && c != '~') || line[1] != c || line[2] != c)
		return NULL;
	while (line < end && *line == c)
		line++;
	while (line < end && (*line == ' ' || *line == '\t'))
		line++;
	return line;
}

/* A ```chart ID``` or ```matrix FILTERS``` block of a chapter names
 * statistics, clusters and values: check them here, with their line,
 * rather than let the back ends leave the block out. */
static void S_check_fence(struct arena *a, const struct report *r,
			  struct diags *d, const char *info, size_t len,
			  struct source_pos pos)
{
	char *copy = arena_strndup(a, info, len);
	if (!strncmp(copy, "chart", 5) && (copy[5] == ' ' || copy[5] == '\t')) {
		char *id = copy + 6;
		id += strspn(id, " \t");
		id[strcspn(id, " \t")] = '\0';
		if (strcmp(id, "status-by-cluster") &&
		    !report_find_statistic(r, id))
			diag_error(d, pos,
				   "this chart names no statistic: '%s' is "
				   "not an id of statistics.yaml",
				   diag_quote(a, id));
	} else if (!strncmp(copy, "matrix", 6) &&
		   (!copy[6] || copy[6] == ' ' || copy[6] == '\t')) {
		matrix_check_filter(r, copy + 6, pos, d);
	}
}

static void S_check_chapter_fences(struct arena *a, const struct report *r,
				   struct diags *d, const struct chapter *c)
{
	for (int l = -1; l < LANG_COUNT; l++) {
		const char *body = l < 0 ? c->body.any : c->body.by_lang[l];
		const char *rel = l < 0 ? c->file.any : c->file.by_lang[l];
		if (!body || !rel)
			continue;
		const char *path = arena_printf(a, "%s/%s", r->content_dir, rel);
		bool in_fence = false;
		int line_no = 1;
		for (const char *p = body; *p; line_no++) {
			const char *end = p + strcspn(p, "\n");
			const char *info = S_fence_info(p, end);
			if (info && !in_fence)
				S_check_fence(a, r, d, info, (size_t)(end - info),
					      (struct source_pos){path, line_no,
								  1});
			in_fence = info ? !in_fence : in_fence;
			p = *end ? end + 1 : end;
		}
	}
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
	for (size_t i = 0; i < r->chapter_count; i++)
		S_check_chapter_fences(&a, r, d, &r->chapters[i]);
	arena_free(&a);
}
