/* The UN document form: page 1's lines from the context, and the tree
 * numbered as the UN numbers a document (unform.h). */
#include "unform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "markdown.h"

/* A string of the context, NULL when empty or absent. */
static const char *S_get(const struct value *m, const char *key)
{
	const struct value *v = value_map_get(m, key);
	return v && v->kind == VALUE_STRING && v->len ? v->str : NULL;
}

struct unform *unform_from_context(struct arena *a, const struct value *ctx)
{
	const struct value *rep = value_map_get(ctx, "report");
	const struct value *un = value_map_get(rep, "un");
	if (!un || un->kind != VALUE_MAP)
		return NULL;
	struct unform *u = arena_alloc(a, sizeof *u);
	memset(u, 0, sizeof *u);
	u->united_nations = S_get(un, "united_nations");
	u->organ = S_get(un, "organ");
	u->symbol = S_get(rep, "symbol");
	const struct value *block = value_map_get(rep, "masthead");
	u->distribution = S_get(block, "distribution");
	u->date = S_get(block, "date");
	u->language = S_get(block, "language");
	u->original = S_get(block, "original");
	const struct value *b = value_map_get(un, "bodies");
	if (b && b->kind == VALUE_LIST && b->count) {
		u->bodies = arena_alloc(a, b->count * sizeof *u->bodies);
		for (size_t i = 0; i < b->count; i++) {
			const char *t = S_get(b->items[i], "text");
			if (t)
				u->bodies[u->body_count++] = t;
		}
	}
	u->session_title = S_get(un, "session_title");
	u->session_venue = S_get(un, "session_venue");
	u->unedited = S_get(un, "unedited");
	u->job_number = S_get(un, "job_number");
	return u;
}

/* The length of a number the author wrote at the head of a heading, as
 * the form writes one at any level ("IV. ", "A. ", "12. ", "(b) ",
 * "ألف- "), with its spaces; 0: none. */
static size_t S_written_number(const struct words_un_numbers *t,
			       const char *s)
{
	int level;
	long n;
	return words_un_number_written(t, s, &level, &n);
}

static void S_push(struct arena *a, cmark_node ***list, size_t *count,
		   size_t *cap, cmark_node *n)
{
	*list = arena_grow(a, *list, sizeof **list, *count, cap, *count + 1);
	(*list)[(*count)++] = n;
}

static int S_clamped_level(cmark_node *h)
{
	int level = cmark_node_get_heading_level(h);
	return level < 1 ? 1 : level > 4 ? 4 : level;
}

/* Whether heads[i], of level level, has a next heading of its level
 * before one of a higher level (its chapter's or section's end). */
static bool S_has_sibling(cmark_node *const *heads, size_t count, size_t i,
			  int level)
{
	for (size_t k = i + 1; k < count; k++) {
		int l = S_clamped_level(heads[k]);
		if (l <= level)
			return l == level;
	}
	return false;
}

static int S_cmp_ptr(const void *x, const void *y)
{
	const cmark_node *a = *(cmark_node *const *)x;
	const cmark_node *b = *(cmark_node *const *)y;
	return a < b ? -1 : a > b;
}

static bool S_find(cmark_node *const *list, size_t count, cmark_node *n)
{
	return count &&
	       bsearch(&n, list, count, sizeof *list, S_cmp_ptr) != NULL;
}

bool unform_is_sub_list(const struct unform *u, cmark_node *list)
{
	return u && S_find(u->sub_lists, u->sub_count, list);
}

bool unform_is_number(const struct unform *u, cmark_node *text)
{
	return u && S_find(u->numbers, u->number_count, text);
}

const char *unform_job_footer(const struct unform *u, struct arena *a)
{
	if (!u || (u->unedited && *u->unedited) || !u->job_number ||
	    !*u->job_number)
		return NULL;
	size_t n = strlen(u->job_number);
	const char *open = strrchr(u->job_number, '(');
	if (open && u->job_number[n - 1] == ')')
		n = (size_t)(open - u->job_number);
	while (n && u->job_number[n - 1] == ' ')
		n--;
	return n ? arena_printf(a, "%.*s", (int)n, u->job_number) : NULL;
}

/* Takes away a number written at the head of heading h ("A. Purpose":
 * the author's, or a template's section_number). */
static void S_unwrite_number(const struct words_un_numbers *written,
			     cmark_node *h)
{
	cmark_node *first = cmark_node_first_child(h);
	if (first && cmark_node_get_type(first) == CMARK_NODE_TEXT) {
		const char *s = cmark_node_get_literal(first);
		size_t k = s ? S_written_number(written, s) : 0;
		if (k && s[k]) {
			char *rest = xstrdup(s + k);
			cmark_node_set_literal(first, rest);
			free(rest);
		}
	}
}

/* Puts the number before the heading's text, in place of one the author
 * wrote. */
static cmark_node *S_number_heading(const struct words_un_numbers *written,
				    cmark_node *h, const char *num)
{
	S_unwrite_number(written, h);
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
	char *lit = xmalloc(strlen(num) + 2);
	sprintf(lit, "%s ", num);
	cmark_node_set_literal(t, lit);
	free(lit);
	cmark_node_set_user_data(t, cmark_node_get_user_data(h));
	cmark_node_prepend_child(h, t);
	return t;
}

void unform_apply(struct unform *u, struct arena *a, cmark_node *tree,
		  const struct words *w)
{
	const char *annex = words_find(w, "chapter_annex");
	int count[8] = {0};
	bool in_annex = false;
	size_t list_cap = 0, num_cap = 0;
	struct markdown_numbering numbering = {0};
	cmark_node *numbered = NULL; /* the last numbered paragraph */
	cmark_node **heads = NULL;
	size_t head_count = 0, head_cap = 0;
	cmark_iter *it = cmark_iter_new(tree);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (markdown_number(&numbering, n))
			numbered = n;
		cmark_node_type type = cmark_node_get_type(n);
		if (type == CMARK_NODE_HEADING)
			S_push(a, &heads, &head_count, &head_cap, n);
		/* a list right after a numbered paragraph: its
		 * subparagraphs */
		if (type == CMARK_NODE_LIST && numbered &&
		    cmark_node_previous(n) == numbered) {
			cmark_node_set_list_type(n, CMARK_ORDERED_LIST);
			cmark_node_set_list_start(n, 1);
			cmark_node_set_list_delim(n, CMARK_PAREN_DELIM);
			S_push(a, &u->sub_lists, &u->sub_count, &list_cap, n);
		}
	}
	cmark_iter_free(it);
	struct words_un_numbers written;
	words_un_numbers(w, a, &written);
	/* the headings after the walk: a number is a new node */
	for (size_t i = 0; i < head_count; i++) {
		cmark_node *h = heads[i];
		int level = S_clamped_level(h);
		if (level == 1 && annex) {
			struct buf plain;
			buf_init(&plain);
			markdown_plain(&plain, h);
			bool is_annex = plain.len == strlen(annex) &&
					!memcmp(plain.data, annex, plain.len);
			buf_free(&plain);
			if (is_annex) {
				in_annex = true;
				for (int k = 1; k < 8; k++)
					count[k] = 0;
				continue;
			}
		}
		if (level == 1 && in_annex)
			continue;
		count[level]++;
		for (int k = level + 1; k < 8; k++)
			count[k] = 0;
		/* a section alone in its chapter is not lettered (no "A."
		 * without a "B.": the annex's one matrix), nor a
		 * subsection alone in its section */
		if (level > 1 && count[level] == 1 &&
		    !S_has_sibling(heads, head_count, i, level)) {
			S_unwrite_number(&written, h); /* its "A." too */
			continue;
		}
		const char *num = words_un_number(w, a, level, count[level]);
		S_push(a, &u->numbers, &u->number_count, &num_cap,
		       S_number_heading(&written, h, num));
	}
	if (u->sub_count)
		qsort(u->sub_lists, u->sub_count, sizeof *u->sub_lists,
		      S_cmp_ptr);
	if (u->number_count)
		qsort(u->numbers, u->number_count, sizeof *u->numbers,
		      S_cmp_ptr);
}
