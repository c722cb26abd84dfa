/* html — cmark-gfm tree to HTML, uprgen's way.  See html.h. */
#include "html.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "markdown.h"
#include "fence.h"
#include "image.h"
#include "matrix.h"

/* ---- words ---------------------------------------------------------- */

struct html_words html_words(const struct words *words)
{
	/* the matrix words are the PDF's too: matrix.c holds them */
	struct matrix_words m = matrix_words(words);
	struct html_words w = {
		m.heading[MATRIX_ID], m.heading[MATRIX_TEXT],
		m.heading[MATRIX_STATES], m.heading[MATRIX_POSITION],
		m.heading[MATRIX_STATUS],
		{m.position[0], m.position[1], m.position[2]},
		words_get(words, "footnote_back"), words_get(words, "notes"),
		words_get(words, "note_ref"),
		words_paragraph_pattern(words),
		words_get(words, "table_box"), words_get(words, "colon"),
		chart_words(words)};
	return w;
}

/* ---- tables' scroll boxes ------------------------------------------- */

/* A table wider than the screen scrolls in its box: the box is reachable
 * from the keyboard (tabindex) and named, as axe's
 * scrollable-region-focusable asks; the shadows of site.css show that it
 * scrolls.  A screen reader moving from table to table says each one's
 * caption: hence a name of its own where there is one. */
void html_table_open(struct buf *out, const struct html_words *w,
		     const char *cls, const char *name, const char *caption_id)
{
	buf_puts(out, "<div class=\"table-wrap\" tabindex=\"0\" "
		      "role=\"group\" ");
	if (name) {
		buf_puts(out, "aria-labelledby=\"");
		escape_html(out, caption_id, strlen(caption_id));
	} else {
		buf_puts(out, "aria-label=\"");
		const char *label = w && w->table_box ? w->table_box : "";
		escape_html(out, label, strlen(label));
	}
	buf_puts(out, "\"><table");
	if (cls)
		buf_printf(out, " class=\"%s\"", cls);
	buf_puts(out, ">\n");
	if (name) {
		buf_puts(out, "<caption id=\"");
		escape_html(out, caption_id, strlen(caption_id));
		buf_puts(out, "\" class=\"visually-hidden\">");
		escape_html(out, name, strlen(name));
		buf_puts(out, "</caption>\n");
	}
}

/* ---- addresses ------------------------------------------------------ */

static void S_href(struct buf *out, const char *root, const char *dir,
		   const char *id)
{
	buf_puts(out, root ? root : "");
	buf_puts(out, dir);
	escape_url_path(out, id, strlen(id));
	buf_puts(out, ".html");
}

void html_rec_href(struct buf *out, const char *root, const char *id)
{
	S_href(out, root, "recommendations/", id);
}

void html_cluster_href(struct buf *out, const char *root, const char *id)
{
	S_href(out, root, "clusters/", id);
}

void html_status_badge(struct buf *out, const struct html_words *w,
		       enum status s)
{
	const char *name = status_name(s);
	buf_printf(out, "<span class=\"status status-%s\">", name);
	escape_html(out, w->chart.status[s], strlen(w->chart.status[s]));
	buf_puts(out, "</span>");
}

/* ---- ids: unique on a page ------------------------------------------ */

/* An open-addressing set of the ids written so far, so that checking a
 * new heading's id costs the same on the 5,000th heading as on the
 * first. */
struct S_ids {
	struct S_id {
		char *id;
		unsigned next; /* the suffix to try next for this id: -2... */
	} *slots;
	size_t cap, count;
};

static uint64_t S_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot of id: where it is, or the empty one where it would go. */
static struct S_id *S_ids_slot(const struct S_ids *ids, const char *id)
{
	size_t i = S_hash(id) & (ids->cap - 1);
	for (; ids->slots[i].id; i = (i + 1) & (ids->cap - 1))
		if (!strcmp(ids->slots[i].id, id))
			break;
	return &ids->slots[i];
}

static void S_ids_grow(struct S_ids *ids)
{
	size_t cap = ids->cap ? ids->cap * 2 : 64;
	struct S_ids bigger = {xcalloc(cap, sizeof *bigger.slots), cap,
			       ids->count};
	for (size_t i = 0; i < ids->cap; i++)
		if (ids->slots[i].id)
			*S_ids_slot(&bigger, ids->slots[i].id) = ids->slots[i];
	free(ids->slots);
	*ids = bigger;
}

/* The entry of id, added when it was not there (*added then true). */
static struct S_id *S_ids_add(struct S_ids *ids, const char *id, bool *added)
{
	if (2 * (ids->count + 1) > ids->cap)
		S_ids_grow(ids);
	struct S_id *e = S_ids_slot(ids, id);
	*added = !e->id;
	if (!e->id) {
		*e = (struct S_id){xstrdup(id), 2};
		ids->count++;
	}
	return e;
}

/* Appends to id (holding a wanted id) what makes it unique on the page:
 * nothing, or the first free -2, -3...  Each id remembers the suffix it
 * reached, so that 30,000 headings of one text cost 30,000 tries, not
 * 30,000 squared halved. */
static void S_ids_unique(struct S_ids *ids, struct buf *id)
{
	bool added;
	struct S_id *e = S_ids_add(ids, id->data, &added);
	if (added)
		return;
	size_t len = id->len;
	unsigned n = e->next;
	for (;; n++) {
		id->len = len;
		buf_printf(id, "-%u", n);
		S_ids_add(ids, id->data, &added);
		if (added)
			break;
	}
	/* the table may have moved: look the base up again */
	char *base = xmalloc(len + 1);
	memcpy(base, id->data, len);
	base[len] = '\0';
	S_ids_slot(ids, base)->next = n + 1;
	free(base);
}

static void S_ids_free(struct S_ids *ids)
{
	for (size_t i = 0; i < ids->cap; i++)
		free(ids->slots[i].id);
	free(ids->slots);
}

/* ---- the walk ------------------------------------------------------- */

struct S_render {
	/* the closing tags of the open passages in another language */
	cmark_node *span_end[16];
	size_t spans;
	struct buf *out;
	const struct html_options *o;
	struct diags *d;
	const char *prefix;
	struct markdown_numbering numbering;
	struct S_ids ids;
	int *fn_refs; /* references seen so far, by footnote number */
	size_t fn_cap;
	int fn_defs;
	unsigned column;   /* of the table cell being written */
	bool in_header;    /* inside a table's header row */
	bool in_group;     /* inside a group's row (markdown_is_group_row) */
	bool tbody_open;
	int images_open;   /* inside an image: text goes to alt */
	bool image_blocked; /* that image's URL is unsafe */
	bool seen_h1;      /* one_h1: the page's h1 is written */
	int heading_level; /* of the heading being written */
	size_t heading_at; /* where in out it starts */
	int toc_level;     /* the level of the list open in o->toc: 0, 2, 3 */
	bool toc_placed;   /* *o->toc_at is set */
};

/* Whether s[i] starts a Latin letter: ASCII, or Latin-1 and Latin
 * Extended ("é", "ñ", "ł": U+00C0 to U+024F, two bytes); its length. */
static size_t S_latin_letter(const char *s, size_t i, size_t n)
{
	unsigned char c = (unsigned char)s[i];
	if (isalpha(c))
		return 1;
	if (c >= 0xc3 && c <= 0xc9 && i + 1 < n &&
	    ((unsigned char)s[i + 1] & 0xc0) == 0x80)
		return 2;
	return 0;
}

/* Whether s[0..n) is a Latin compound: letters (and digits, ' and .)
 * with a hyphen between two letters ("Marie-Claire", "José-María"). */
static bool S_latin_compound(const char *s, size_t n)
{
	bool hyphen = false, letter = false;
	for (size_t i = 0; i < n;) {
		size_t k = S_latin_letter(s, i, n);
		if (k) {
			letter = true;
			i += k;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c == '-' && letter && i + 1 < n && S_latin_letter(s, i + 1, n))
			hyphen = true;
		else if (!isdigit(c) && c != '\'' && c != '.')
			return false;
		letter = false;
		i++;
	}
	return hyphen;
}

/* The length of the punctuation at the end of s[0..n) that is no part
 * of a word: ASCII , . ; : ! ? ) " and the Arabic comma and semicolon. */
static size_t S_trailing_punct(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n) {
		const unsigned char *e = (const unsigned char *)s + n - k;
		if (strchr(",.;:!?)\"", e[-1]) && e[-1])
			k++;
		else if (n - k >= 2 && e[-2] == 0xd8 &&
			 (e[-1] == 0x8c || e[-1] == 0x9b))
			k += 2;
		else
			break;
	}
	return k;
}

/* Text of a right-to-left page: a Latin compound is kept on one line
 * (class nobr), as the PDF keeps it: broken at its hyphen inside Arabic,
 * the browser set "-Marie" at one line's end and "Claire" at the next
 * one's start.  Punctuation around it stays outside ("(Jean-Luc)",
 * "Marie-Claire،"). */
static void S_text_rtl(struct S_render *R, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t start = i;
		while (i < len && s[i] != ' ' && s[i] != '\n')
			i++;
		size_t lead = 0;
		while (start + lead < i && strchr("(\"", s[start + lead]))
			lead++;
		size_t trail = S_trailing_punct(s + start + lead,
						i - start - lead);
		const char *core = s + start + lead;
		size_t core_len = i - start - lead - trail;
		if (core_len && S_latin_compound(core, core_len)) {
			escape_html(R->out, s + start, lead);
			buf_puts(R->out, "<span class=\"nobr\">");
			escape_html(R->out, core, core_len);
			buf_puts(R->out, "</span>");
			escape_html(R->out, core + core_len, trail);
		} else {
			escape_html(R->out, s + start, i - start);
		}
		size_t gap = i;
		while (i < len && (s[i] == ' ' || s[i] == '\n'))
			i++;
		escape_html(R->out, s + gap, i - gap);
	}
}

static void S_text(struct S_render *R, const char *s)
{
	if (!s)
		return;
	size_t len = strlen(s);
	size_t bad = utf8_first_invalid(s, len);
	if (bad == len) {
		escape_html(R->out, s, len);
		return;
	}
	/* Hardening (issue 7, found by tests/fuzz/fuzz_html): cmark-gfm
	 * 0.29 can hand back text cut inside a UTF-8 sequence (a footnote
	 * label in a document holding NUL bytes), and the page was not
	 * UTF-8.  Each ill-formed byte is written as U+FFFD. */
	struct buf clean;
	buf_init(&clean);
	for (size_t i = 0; i < len;) {
		size_t ok = utf8_first_invalid(s + i, len - i);
		buf_put(&clean, s + i, ok);
		i += ok;
		if (i < len) {
			buf_puts(&clean, "\xEF\xBF\xBD");
			i++;
		}
	}
	escape_html(R->out, clean.data, clean.len);
	buf_free(&clean);
}

/* Writes prefix + base, made unique on the page by a -2, -3... suffix. */
static void S_unique_id(struct S_render *R, const char *base)
{
	struct buf id;
	buf_init(&id);
	buf_printf(&id, "%s%s", R->prefix, base);
	S_ids_unique(&R->ids, &id);
	escape_html(R->out, id.data, id.len);
	buf_free(&id);
}

/* A table's name (markdown_table_name) and the id of its caption, unique
 * on the page. */
struct S_table_name {
	bool named;
	struct buf name, id;
};

static void S_table_name(struct S_render *R, cmark_node *table,
			 struct S_table_name *tn)
{
	buf_init(&tn->name);
	buf_init(&tn->id);
	tn->named = markdown_table_name(&tn->name, table, R->o->words->colon);
	if (tn->named) {
		buf_printf(&tn->id, "%stable", R->prefix);
		S_ids_unique(&R->ids, &tn->id);
	}
}

static void S_table_name_free(struct S_table_name *tn)
{
	buf_free(&tn->name);
	buf_free(&tn->id);
}

/* A heading's id: its words in lower case joined by '-'.  Letters
 * outside ASCII are kept (HTML ids and fragments take any character). */
static void S_heading_id(struct S_render *R, cmark_node *heading)
{
	struct buf text, slug;
	buf_init(&text);
	buf_init(&slug);
	markdown_plain(&text, heading);
	/* Hardening (issue 7, found by tests/fuzz/fuzz_html): text that
	 * cmark-gfm cut inside a UTF-8 sequence (see S_text) made an id that
	 * was not UTF-8; an ill-formed byte is a separator here. */
	for (size_t i = 0; i < text.len;) {
		i += utf8_first_invalid(text.data + i, text.len - i);
		if (i < text.len)
			text.data[i++] = ' ';
	}
	for (size_t i = 0; i < text.len; i++) {
		unsigned char c = (unsigned char)text.data[i];
		if (slug.len >= 80 && (c & 0xc0) != 0x80)
			break; /* long enough, and never inside a character */
		if (c >= 'A' && c <= 'Z')
			buf_putc(&slug, (char)(c - 'A' + 'a'));
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			 c >= 0x80)
			buf_putc(&slug, (char)c);
		else if (slug.len && slug.data[slug.len - 1] != '-')
			buf_putc(&slug, '-');
	}
	while (slug.len && slug.data[slug.len - 1] == '-')
		slug.len--;
	buf_putc(&slug, '\0');
	S_unique_id(R, slug.data[0] ? slug.data : "section");
	buf_free(&text);
	buf_free(&slug);
}

static bool S_tight(cmark_node *paragraph)
{
	cmark_node *item = cmark_node_parent(paragraph);
	cmark_node *list = item ? cmark_node_parent(item) : NULL;
	return list && cmark_node_get_type(list) == CMARK_NODE_LIST &&
	       cmark_node_get_list_tight(list);
}

/* Where a node was written: its chapter or YAML field, else the
 * document the caller parsed. */
static struct source_pos S_pos(const struct S_render *R, cmark_node *n)
{
	return markdown_node_pos(n, R->o->file);
}


/* ---- fenced blocks: code, charts, matrices -------------------------- */

/* The word of an info string at *p, copied to word (at most size-1). */

static void S_chart(struct S_render *R, cmark_node *node,
		    const struct fence *f)
{
	struct arena a;
	arena_init(&a);
	struct chart *c = fence_chart(&a, f, R->o->report, R->o->lang,
				      &R->o->words->chart, S_pos(R, node),
				      R->d);
	if (c) {
		struct buf uid;
		buf_init(&uid);
		buf_printf(&uid, "%schart-%s", R->prefix, f->id);
		S_ids_unique(&R->ids, &uid);
		chart_write_svg(R->out, c, uid.data);
		buf_free(&uid);
	}
	arena_free(&a);
}

static void S_code_block(struct S_render *R, cmark_node *node)
{
	struct fence f = fence_of(node);
	if (f.kind == FENCE_CHART) {
		S_chart(R, node, &f);
		return;
	}
	if (f.kind == FENCE_MATRIX) {
		struct S_table_name tn;
		S_table_name(R, node, &tn);
		html_matrix_named(R->out, R->o, f.filter, S_pos(R, node), R->d,
				  tn.named ? tn.name.data : NULL, tn.id.data);
		S_table_name_free(&tn);
		return;
	}
	buf_puts(R->out, "<pre><code");
	if (f.word[0]) {
		buf_puts(R->out, " class=\"language-");
		S_text(R, f.word);
		buf_putc(R->out, '"');
	}
	buf_putc(R->out, '>');
	S_text(R, cmark_node_get_literal(node));
	buf_puts(R->out, "</code></pre>\n");
}

/* ---- footnotes ------------------------------------------------------ */

static void S_footnote_ref(struct S_render *R, cmark_node *node)
{
	int n = atoi(cmark_node_get_literal(node));
	if (n <= 0)
		return;
	if ((size_t)n >= R->fn_cap) {
		size_t cap = (size_t)n * 2;
		R->fn_refs = xrealloc(R->fn_refs, cap * sizeof *R->fn_refs);
		memset(R->fn_refs + R->fn_cap, 0,
		       (cap - R->fn_cap) * sizeof *R->fn_refs);
		R->fn_cap = cap;
	}
	int k = ++R->fn_refs[n];
	buf_printf(R->out,
		   "<sup class=\"fnref\"><a href=\"#%sfn-%d\" id=\"%sfnref-%d",
		   R->prefix, n, R->prefix, n);
	if (k > 1)
		buf_printf(R->out, "-%d", k);
	buf_putc(R->out, '"');
	/* named "Note 10" for a screen reader, which would say "10" */
	const struct html_words *w = R->o->words;
	if (w && w->note_ref) {
		char num[16];
		snprintf(num, sizeof num, "%d", n);
		static const char *const names[] = {"n"};
		const char *vals[] = {num};
		struct arena a;
		arena_init(&a);
		const char *name = words_fill(&a, w->note_ref, names, vals, 1);
		buf_puts(R->out, " aria-label=\"");
		escape_html(R->out, name, strlen(name));
		buf_putc(R->out, '"');
		arena_free(&a);
	}
	buf_printf(R->out, ">%d</a></sup>", n);
}

static void S_footnote_def(struct S_render *R, bool entering)
{
	if (!entering) {
		buf_puts(R->out, "</li>\n");
		return;
	}
	if (R->fn_defs++ == 0) {
		buf_puts(R->out, "<section class=\"footnotes\" aria-label=\"");
		S_text(R, R->o->words->notes);
		buf_puts(R->out, "\">\n<ol>\n");
	}
	buf_printf(R->out, "<li id=\"%sfn-%d\">\n", R->prefix, R->fn_defs);
}

/* The links back to each reference, at the end of a note's last
 * paragraph. */
static void S_footnote_backrefs(struct S_render *R)
{
	int n = R->fn_defs;
	int refs = (size_t)n < R->fn_cap ? R->fn_refs[n] : 0;
	for (int k = 1; k <= refs; k++) {
		buf_printf(R->out, " <a href=\"#%sfnref-%d", R->prefix, n);
		if (k > 1)
			buf_printf(R->out, "-%d", k);
		buf_puts(R->out, "\" class=\"fnback\" aria-label=\"");
		S_text(R, R->o->words->footnote_back);
		buf_puts(R->out, "\">↩</a>");
	}
}

static bool S_last_of_note(cmark_node *paragraph)
{
	cmark_node *parent = cmark_node_parent(paragraph);
	return parent &&
	       cmark_node_get_type(parent) == CMARK_NODE_FOOTNOTE_DEFINITION &&
	       !cmark_node_next(paragraph);
}

/* ---- tables --------------------------------------------------------- */

static void S_table_part(struct S_render *R, cmark_node *node,
			 enum markdown_ext ext, bool entering)
{
	struct buf *out = R->out;
	switch (ext) {
	case MARKDOWN_EXT_TABLE:
		if (entering) {
			struct S_table_name tn;
			S_table_name(R, node, &tn);
			html_table_open(out, R->o->words, NULL,
					tn.named ? tn.name.data : NULL,
					tn.id.data);
			S_table_name_free(&tn);
			R->tbody_open = false;
		} else {
			buf_puts(out, R->tbody_open ? "</tbody>\n" : "");
			buf_puts(out, "</table></div>\n");
		}
		break;
	case MARKDOWN_EXT_TABLE_ROW:
		R->in_header = markdown_is_header_row(node);
		R->in_group = markdown_is_group_row(node);
		R->column = 0;
		if (entering && !R->in_header && !R->tbody_open) {
			buf_puts(out, "<tbody>\n");
			R->tbody_open = true;
		}
		if (entering)
			buf_puts(out, R->in_header ? "<thead>\n<tr>" : "<tr>");
		else
			buf_puts(out, R->in_header ? "</tr>\n</thead>\n" : "</tr>\n");
		break;
	case MARKDOWN_EXT_TABLE_CELL: {
		const char *tag = R->in_header ? "th" : "td";
		cmark_node *table = cmark_node_parent(cmark_node_parent(node));
		/* a group's row: its first cell across the table, the empty
		 * others left out */
		if (R->in_group && R->column > 0) {
			R->column += !entering;
			break;
		}
		if (!entering) {
			buf_printf(out, "</%s>", tag);
			R->column++;
			break;
		}
		if (R->in_group) {
			buf_printf(out, "<td colspan=\"%u\" class=\"group\">",
				   markdown_table_columns(table));
			break;
		}
		char al = markdown_table_align(table, R->column);
		buf_printf(out, "<%s%s", tag,
			   R->in_header ? " scope=\"col\"" : "");
		if (al == 'r' || al == 'c')
			buf_printf(out, " class=\"al-%c\"", al);
		buf_putc(out, '>');
		break;
	}
	case MARKDOWN_EXT_STRIKETHROUGH:
		buf_puts(out, entering ? "<del>" : "</del>");
		break;
	default:
		break;
	}
}

/* ---- inline and block nodes ----------------------------------------- */

static void S_link(struct S_render *R, cmark_node *node, bool entering)
{
	if (!entering) {
		buf_puts(R->out, "</a>");
		return;
	}
	const char *url = cmark_node_get_url(node);
	const char *title = cmark_node_get_title(node);
	/* an unsafe link keeps its text but leads nowhere: <a> without href */
	buf_puts(R->out, "<a");
	if (url && markdown_url_is_safe(url, false)) {
		buf_puts(R->out, " href=\"");
		escape_href(R->out, url, strlen(url));
		buf_putc(R->out, '"');
	}
	if (title && *title) {
		buf_puts(R->out, " title=\"");
		S_text(R, title);
		buf_putc(R->out, '"');
	}
	buf_putc(R->out, '>');
}

static void S_image(struct S_render *R, cmark_node *node, bool entering)
{
	if (!entering) {
		R->images_open--;
		if (!R->images_open)
			buf_puts(R->out, R->image_blocked ? "</span>" : "\">");
		return;
	}
	if (R->images_open++)
		return;
	/* an image that is not to be shown shows its description */
	struct arena a;
	arena_init(&a);
	struct image im;
	const char *src = NULL;
	if (image_open(&a, R->o->content_dir,
		       R->o->report ? R->o->report->real_dir : NULL,
		       cmark_node_get_url(node), S_pos(R, node), R->d, &im))
		src = R->o->image_src ? R->o->image_src(R->o->image_ctx, &im)
				      : im.url;
	R->image_blocked = !src;
	if (R->image_blocked) {
		buf_puts(R->out, "<span class=\"img-alt\">");
	} else {
		buf_puts(R->out, "<img src=\"");
		escape_href(R->out, src, strlen(src));
		buf_printf(R->out, "\" width=\"%u\" height=\"%u\" alt=\"",
			   im.width, im.height);
	}
	arena_free(&a);
}

static void S_paragraph(struct S_render *R, cmark_node *node, bool entering,
			int number)
{
	if (S_tight(node))
		return;
	if (!entering) {
		if (S_last_of_note(node))
			S_footnote_backrefs(R);
		buf_puts(R->out, "</p>\n");
	} else if (markdown_is_table_source(node)) {
		buf_puts(R->out, "<p class=\"table-source\">");
	} else if (number) {
		/* the number as the language writes it ("12.", "12-") */
		const char *form = R->o->words
					   ? R->o->words->paragraph_number
					   : words_paragraph_pattern(NULL);
		const char *at = strstr(form, "{n}");
		buf_printf(R->out,
			   "<p class=\"para\" id=\"%spara-%d\">"
			   "<span class=\"num\">",
			   R->prefix, number);
		escape_html(R->out, form, at ? (size_t)(at - form) : 0);
		buf_printf(R->out, "%d", number);
		if (at)
			escape_html(R->out, at + 3, strlen(at + 3));
		buf_puts(R->out, "</span> ");
	} else {
		buf_puts(R->out, "<p>");
	}
}

/* The level a heading is written at (one_h1: the first h1 stays, every
 * heading after it goes one level down). */
static int S_heading_level(struct S_render *R, cmark_node *node)
{
	int level = cmark_node_get_heading_level(node) + R->o->heading_shift;
	if (R->o->one_h1 && R->seen_h1)
		level++;
	else if (R->o->one_h1 && level == 1)
		R->seen_h1 = true;
	return level > 6 ? 6 : level;
}

/* The heading just written, from R->heading_at on, as an entry of the
 * table of contents: a link to its id, with its text as written (HTML
 * already: escaped text, inline markup; links left out, as a link
 * cannot hold one). */
static void S_toc_entry(struct S_render *R)
{
	struct buf *toc = R->o->toc;
	int level = R->heading_level;
	if (!toc || level < 2 || level > 3)
		return;
	if (R->o->toc_at && !R->toc_placed && R->seen_h1) {
		*R->o->toc_at = R->heading_at;
		R->toc_placed = true;
	}
	if (!R->toc_level)
		buf_puts(toc, level == 3 ? "<ol>\n<li><ol>\n<li>" : "<ol>\n<li>");
	else if (level > R->toc_level)
		buf_puts(toc, "<ol>\n<li>");
	else if (level < R->toc_level)
		buf_puts(toc, "</li>\n</ol>\n</li>\n<li>");
	else
		buf_puts(toc, "</li>\n<li>");
	R->toc_level = level;
	const char *h = R->out->data + R->heading_at;
	const char *id = strchr(h, '"') + 1, *text = strchr(id, '>') + 1;
	const char *end = R->out->data + R->out->len;
	while (end > text && end[-1] != '<')
		end--;
	buf_puts(toc, "<a href=\"#");
	buf_put(toc, id, (size_t)(strchr(id, '"') - id));
	buf_puts(toc, "\">");
	bool in_a = false;
	for (const char *p = text; p + 1 < end; p++) {
		if (*p == '<')
			in_a = !strncmp(p, "<a ", 3) || !strncmp(p, "</a>", 4);
		if (!in_a)
			buf_putc(toc, *p);
		if (*p == '>')
			in_a = false;
	}
	buf_puts(toc, "</a>");
}

static void S_toc_close(struct S_render *R)
{
	for (; R->o->toc && R->toc_level >= 2; R->toc_level--)
		buf_puts(R->o->toc, "</li>\n</ol>\n");
	if (R->o->toc_at && !R->toc_placed)
		*R->o->toc_at = R->out->len;
}

static void S_heading(struct S_render *R, cmark_node *node, bool entering)
{
	if (!entering) {
		buf_printf(R->out, "</h%d>\n", R->heading_level);
		S_toc_entry(R);
		return;
	}
	R->heading_level = S_heading_level(R, node);
	R->heading_at = R->out->len;
	buf_printf(R->out, "<h%d id=\"", R->heading_level);
	S_heading_id(R, node);
	buf_puts(R->out, "\">");
}

static void S_list(struct S_render *R, cmark_node *node, bool entering)
{
	bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	if (!entering) {
		buf_puts(R->out, ordered ? "</ol>\n" : "</ul>\n");
		return;
	}
	int start = cmark_node_get_list_start(node);
	if (!ordered)
		buf_puts(R->out, "<ul>\n");
	else if (start != 1)
		buf_printf(R->out, "<ol start=\"%d\">\n", start);
	else
		buf_puts(R->out, "<ol>\n");
}

/* Nodes without children of their own: text and the like. */
static void S_leaf(struct S_render *R, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT: {
		/* a text's content (never an attribute's: S_text_rtl writes
		 * markup) */
		const char *lit = cmark_node_get_literal(node);
		size_t len = lit ? strlen(lit) : 0;
		if (len && lang_is_rtl(R->o->lang) && !R->images_open &&
		    memchr(lit, '-', len) && utf8_first_invalid(lit, len) == len)
			S_text_rtl(R, lit, len);
		else
			S_text(R, lit);
		break;
	}
	case CMARK_NODE_CODE:
		if (R->images_open) {
			S_text(R, cmark_node_get_literal(node));
			break;
		}
		buf_puts(R->out, "<code>");
		S_text(R, cmark_node_get_literal(node));
		buf_puts(R->out, "</code>");
		break;
	case CMARK_NODE_SOFTBREAK:
		buf_putc(R->out, '\n');
		break;
	case CMARK_NODE_LINEBREAK:
		buf_puts(R->out, R->images_open ? " " : "<br>\n");
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		buf_puts(R->out, "<hr>\n");
		break;
	case CMARK_NODE_CODE_BLOCK:
		S_code_block(R, node);
		break;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		if (!R->images_open)
			S_footnote_ref(R, node);
		break;
	case CMARK_NODE_HTML_INLINE: {
		/* but a passage in another language, <span lang="xx"> (a
		 * checked code) and its own </span> */
		char lang[36];
		cmark_node *end = markdown_lang_span(node, lang, sizeof lang);
		if (end && !R->images_open &&
		    R->spans < sizeof R->span_end / sizeof *R->span_end) {
			/* (an isolate too, whose direction is its
			 * language's: a passage in Arabic keeps its order
			 * whatever the sentence's) */
			buf_printf(R->out, "<span lang=\"%s\"%s>", lang,
				   lang_code_is_rtl(lang) ? " dir=\"rtl\"" : "");
			R->span_end[R->spans++] = end;
		} else if (R->spans && node == R->span_end[R->spans - 1]) {
			buf_puts(R->out, "</span>");
			R->spans--;
		} else if (markdown_is_line_break(node)) { /* <br> */
			buf_puts(R->out, R->images_open ? " " : "<br>\n");
		}
		break;
	}
	default: /* raw HTML and directives: never written */
		break;
	}
}

static void S_simple(struct S_render *R, const char *open, const char *close,
		     bool entering)
{
	if (!R->images_open)
		buf_puts(R->out, entering ? open : close);
}

static void S_node(struct S_render *R, cmark_node *node, bool entering)
{
	int number = entering ? markdown_number(&R->numbering, node) : 0;
	enum markdown_ext ext = markdown_ext_of(node);
	if (ext != MARKDOWN_EXT_NONE) {
		if (!R->images_open)
			S_table_part(R, node, ext, entering);
		return;
	}
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_DOCUMENT:
		if (!entering && R->fn_defs)
			buf_puts(R->out, "</ol>\n</section>\n");
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		S_simple(R, "<blockquote>\n", "</blockquote>\n", entering);
		break;
	case CMARK_NODE_LIST:
		S_list(R, node, entering);
		break;
	case CMARK_NODE_ITEM:
		S_simple(R, "<li>", "</li>\n", entering);
		break;
	case CMARK_NODE_HEADING:
		S_heading(R, node, entering);
		break;
	case CMARK_NODE_PARAGRAPH:
		S_paragraph(R, node, entering, number);
		break;
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		S_footnote_def(R, entering);
		break;
	case CMARK_NODE_EMPH:
		S_simple(R, "<em>", "</em>", entering);
		break;
	case CMARK_NODE_STRONG:
		S_simple(R, "<strong>", "</strong>", entering);
		break;
	case CMARK_NODE_LINK:
		if (!R->images_open)
			S_link(R, node, entering);
		break;
	case CMARK_NODE_IMAGE:
		S_image(R, node, entering);
		break;
	default:
		if (entering)
			S_leaf(R, node);
		break;
	}
}

void html_render(struct buf *out, cmark_node *doc,
		 const struct html_options *o, struct diags *d)
{
	struct S_render R = {.out = out, .o = o, .d = d,
			     .prefix = o->id_prefix ? o->id_prefix : ""};
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		S_node(&R, cmark_iter_get_node(it), ev == CMARK_EVENT_ENTER);
	cmark_iter_free(it);
	S_toc_close(&R);
	S_ids_free(&R.ids);
	free(R.fn_refs);
}

/* ---- the matrix ----------------------------------------------------- */

static void S_matrix_row(struct buf *out, const struct html_options *o,
			 const struct matrix *m, const struct matrix_words *mw,
			 size_t i, struct buf *cell)
{
	/* each cell names its column (data-label): on a narrow screen the
	 * rows are cards, the headings out of sight (site.css) */
	const char *id = m->rows[i]->id;
	buf_puts(out, "<tr><th scope=\"row\" data-label=\"");
	escape_html(out, mw->heading[MATRIX_ID], strlen(mw->heading[MATRIX_ID]));
	buf_puts(out, "\"><a href=\"");
	html_rec_href(out, o->root, id);
	buf_puts(out, "\">");
	escape_html(out, id, strlen(id));
	buf_puts(out, "</a></th>");
	for (int col = MATRIX_TEXT; col < MATRIX_STATUS; col++) {
		buf_clear(cell);
		matrix_cell(cell, m, mw, i, (enum matrix_column)col);
		buf_puts(out, "<td data-label=\"");
		escape_html(out, mw->heading[col], strlen(mw->heading[col]));
		buf_puts(out, "\">");
		escape_html(out, cell->data ? cell->data : "", cell->len);
		buf_puts(out, "</td>");
	}
	buf_puts(out, "<td data-label=\"");
	escape_html(out, mw->heading[MATRIX_STATUS],
		    strlen(mw->heading[MATRIX_STATUS]));
	buf_puts(out, "\">");
	html_status_badge(out, o->words, m->rows[i]->status);
	buf_puts(out, "</td></tr>\n");
}

void html_matrix(struct buf *out, const struct html_options *o,
		 const char *filter, struct source_pos pos, struct diags *d)
{
	html_matrix_named(out, o, filter, pos, d, NULL, NULL);
}

void html_matrix_named(struct buf *out, const struct html_options *o,
		       const char *filter, struct source_pos pos,
		       struct diags *d, const char *name,
		       const char *caption_id)
{
	const struct report *r = o->report;
	if (!r) {
		if (d)
			diag_warning(d, pos, "no report to draw a matrix from");
		return;
	}
	struct matrix m;
	matrix_select(&m, r, filter, o->lang, pos, d);
	const struct html_words *w = o->words;
	/* the headings and position names as the caller's words give them */
	struct matrix_words mw = {
		{w->matrix_id, w->matrix_text, w->matrix_states,
		 w->matrix_position, w->matrix_status},
		{w->position[0], w->position[1], w->position[2]},
		{w->chart.status[0], w->chart.status[1], w->chart.status[2],
		 w->chart.status[3]},
		words_list_separator(w->chart.words), w->chart.words};
	html_table_open(out, w, "matrix", name, caption_id);
	buf_puts(out, "<thead><tr>");
	for (size_t i = 0; i < MATRIX_COLUMN_COUNT; i++) {
		buf_printf(out, "<th scope=\"col\" class=\"m%zu\">", i);
		escape_html(out, mw.heading[i], strlen(mw.heading[i]));
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr></thead>\n<tbody>\n");
	struct buf cell;
	buf_init(&cell);
	for (size_t i = 0; i < m.count; i++)
		S_matrix_row(out, o, &m, &mw, i, &cell);
	buf_free(&cell);
	buf_puts(out, "</tbody></table></div>\n");
	matrix_free(&m);
}
