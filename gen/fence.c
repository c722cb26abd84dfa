/* fence — uprgen's fenced blocks, read once for every back end.  See
 * fence.h. */
#include "fence.h"

#include <string.h>

#include "markdown.h"
#include "matrix.h"

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
	    !report_find_statistic(r, f->id))
		diag_error(d, pos, "this chart names no statistic: '%s' is not "
			   "an id of statistics.yaml (nor status-by-cluster)",
			   f->id);
	else if (f->kind == FENCE_MATRIX)
		matrix_check_filter(r, f->filter, pos, d);
}
