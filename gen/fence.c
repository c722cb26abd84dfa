/* fence — uprgen's fenced blocks, read once for every back end.  See
 * fence.h. */
#include "fence.h"

#include <string.h>

#include "markdown.h"
#include "matrix.h"
#include "value.h"

struct fence fence_of(cmark_node *code_block)
{
	struct fence f = {0};
	const char *info = cmark_node_get_fence_info(code_block);
	const char *rest = markdown_info_word(info ? info : "", f.word,
					      sizeof f.word);
	if (!strcmp(f.word, "chart")) {
		f.kind = FENCE_CHART;
		markdown_info_word(rest, f.id, sizeof f.id);
	} else if (!strcmp(f.word, "matrix")) {
		f.kind = FENCE_MATRIX;
		f.filter = rest;
	}
	return f;
}

struct chart *fence_chart(struct arena *a, const struct fence *f,
			  const struct report *r, enum lang lang,
			  const struct chart_words *w, struct source_pos pos,
			  struct diags *d)
{
	struct chart *c = r ? chart_for_block(a, r, f->id, lang, w) : NULL;
	if (!c && d)
		diag_warning(d, pos, "no statistic '%s' to draw; the chart is "
			     "left out", f->id);
	return c;
}

void fence_check(const struct fence *f, const struct report *r,
		 struct source_pos pos, struct diags *d)
{
	if (f->kind == FENCE_CHART && strcmp(f->id, "status-by-cluster") &&
	    !r->stats_unreadable && !report_find_statistic(r, f->id))
		diag_error(d, pos, "this chart names no statistic: '%s' is not "
			   "an id of statistics.yaml (nor status-by-cluster)",
			   f->id);
	else if (f->kind == FENCE_MATRIX)
		matrix_check_filter(r, f->filter, pos, d);
}

/* The title a repeated chart block refers to: its statistic's, or the
 * status chart's label. */
static const char *S_title(const struct fence *f, const struct report *r,
			   const struct words *w, struct arena *a,
			   bool *table)
{
	*table = false;
	if (!strcmp(f->id, "status-by-cluster"))
		return words_get(w, "status_by_cluster");
	const struct statistic *s = report_find_statistic(r, f->id);
	if (!s)
		return NULL;
	*table = s->chart == CHART_TABLE;
	const char *t = words_text(w, a, &s->title, report_first_language(r));
	return t && *t ? t : s->id;
}

void fence_refer_repeats(cmark_node *tree, const struct report *r,
			 const struct words *w, struct arena *a)
{
	/* the chart blocks, in the tree's order (replaced after the walk) */
	cmark_node **blocks = NULL;
	size_t count = 0, cap = 0;
	cmark_iter *it = cmark_iter_new(tree);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK ||
		    fence_of(n).kind != FENCE_CHART)
			continue;
		blocks = arena_grow(a, blocks, sizeof *blocks, count, &cap,
				    count + 1);
		blocks[count++] = n;
	}
	cmark_iter_free(it);
	/* the ids drawn so far (a map with a hash index: a report may cite
	 * thousands of statistics) */
	struct value *drawn = value_map(a), *yes = value_bool(a, true);
	for (size_t i = 0; i < count; i++) {
		struct fence f = fence_of(blocks[i]);
		if (!value_map_get(drawn, f.id)) {
			value_map_put(a, drawn, arena_strdup(a, f.id), yes);
			continue;
		}
		bool table;
		const char *title = S_title(&f, r, w, a, &table);
		if (!title) /* nothing to draw: the back ends warn */
			continue;
		static const char *const names[] = {"title"};
		const char *text = words_fill(
			a, words_get(w, table ? "table_see_above"
					      : "chart_see_above"),
			names, &title, 1);
		text = words_typeset_copy(w, a, text, strlen(text));
		cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
		cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
		cmark_node_set_literal(t, text);
		cmark_node_append_child(para, t);
		void *origin = cmark_node_get_user_data(blocks[i]);
		cmark_node_set_user_data(para, origin);
		cmark_node_set_user_data(t, origin);
		cmark_node_insert_before(blocks[i], para);
		/* a pointer, not a paragraph of the report: no number of
		 * its own */
		cmark_node_insert_before(para, markdown_unnumbered_new());
		cmark_node_free(blocks[i]);
	}
}

bool fence_part_is_matrix(cmark_node *n)
{
	bool matrix = false;
	for (n = cmark_node_next(n); n; n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		if (markdown_directive_of(n) == MARKDOWN_PAGE_BREAK)
			break;
		if (t == CMARK_NODE_CODE_BLOCK &&
		    fence_of(n).kind == FENCE_MATRIX)
			matrix = true;
		else if (t != CMARK_NODE_HEADING &&
			 t != CMARK_NODE_HTML_BLOCK &&
			 t != CMARK_NODE_FOOTNOTE_DEFINITION)
			return false;
	}
	return matrix;
}
