/*
 * markdown — cmark-gfm set up the same way for every caller, uprgen's
 * directives, and the link rule (escape.c's) as the node types need it.
 * See markdown.h.
 */
#include "markdown.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "escape.h"
#include "util.h"

static pthread_mutex_t S_cmark_lock = PTHREAD_MUTEX_INITIALIZER;

int markdown_options(void)
{
	return CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART;
}

static cmark_node *S_parse(const char *text, size_t len,
			   struct source_pos pos, struct diags *d,
			   cmark_mem *mem)
{
	static const char *const extensions[] = {"table", "strikethrough",
						 "autolink", "tagfilter"};
	if (len > MARKDOWN_MAX_BYTES) {
		diag_error(d, pos, "Markdown text of %zu bytes; at most %d "
			   "are allowed", len, MARKDOWN_MAX_BYTES);
		return NULL;
	}
	size_t bad = utf8_first_invalid(text, len);
	if (bad != len) {
		diag_error(d, pos, "Markdown text is not UTF-8 (byte %zu)",
			   bad + 1);
		return NULL;
	}
	/* cmark-gfm keeps the inline characters of its extensions in one
	 * table for the whole process, set and cleared around each parse's
	 * inline pass (cmark_manage_extensions_special_characters, run by
	 * cmark_parser_finish): two such passes at once would clear each
	 * other's.  Hence one at a time; the block pass (feed) runs freely. */
	pthread_mutex_lock(&S_cmark_lock);
	cmark_gfm_core_extensions_ensure_registered();
	pthread_mutex_unlock(&S_cmark_lock);
	cmark_parser *p = cmark_parser_new_with_mem(markdown_options(), mem);
	for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
		cmark_syntax_extension *e =
			cmark_find_syntax_extension(extensions[i]);
		if (e)
			cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, text, len);
	pthread_mutex_lock(&S_cmark_lock);
	cmark_node *doc = cmark_parser_finish(p);
	pthread_mutex_unlock(&S_cmark_lock);
	cmark_parser_free(p);
	return doc;
}

cmark_node *markdown_parse(const char *text, size_t len, struct source_pos pos,
			   struct diags *d)
{
	return S_parse(text, len, pos, d, cmark_get_default_mem_allocator());
}

/* Whether html is exactly the comment "<!-- want -->", give or take
 * spaces. */
static bool S_comment_is(const char *html, const char *want)
{
	size_t n = strlen(html);
	while (n && isspace((unsigned char)html[n - 1]))
		n--;
	if (n < 7 || strncmp(html, "<!--", 4) || strncmp(html + n - 3, "-->", 3))
		return false;
	const char *s = html + 4, *e = html + n - 3;
	while (s < e && isspace((unsigned char)*s))
		s++;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	return (size_t)(e - s) == strlen(want) && !strncmp(s, want, e - s);
}

enum markdown_directive markdown_directive_of(cmark_node *node)
{
	if (cmark_node_get_type(node) != CMARK_NODE_HTML_BLOCK)
		return MARKDOWN_NOT_DIRECTIVE;
	const char *html = cmark_node_get_literal(node);
	if (!html)
		return MARKDOWN_NOT_DIRECTIVE;
	if (S_comment_is(html, "uprgen:numbering on"))
		return MARKDOWN_NUMBERING_ON;
	if (S_comment_is(html, "uprgen:numbering off"))
		return MARKDOWN_NUMBERING_OFF;
	if (S_comment_is(html, "uprgen:page-break"))
		return MARKDOWN_PAGE_BREAK;
	return MARKDOWN_NOT_DIRECTIVE;
}

int markdown_number(struct markdown_numbering *st, cmark_node *node)
{
	switch (markdown_directive_of(node)) {
	case MARKDOWN_NUMBERING_ON:
		st->on = true;
		return 0;
	case MARKDOWN_NUMBERING_OFF:
		st->on = false;
		return 0;
	default:
		break;
	}
	cmark_node *parent = cmark_node_parent(node);
	if (!st->on || cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH ||
	    !parent || cmark_node_get_type(parent) != CMARK_NODE_DOCUMENT)
		return 0;
	return ++st->last;
}

enum markdown_ext markdown_ext_of(cmark_node *node)
{
	static const struct {
		const char *name;
		enum markdown_ext ext;
	} names[] = {
		{"table", MARKDOWN_EXT_TABLE},
		{"table_header", MARKDOWN_EXT_TABLE_ROW},
		{"table_row", MARKDOWN_EXT_TABLE_ROW},
		{"table_cell", MARKDOWN_EXT_TABLE_CELL},
		{"strikethrough", MARKDOWN_EXT_STRIKETHROUGH},
	};
	if (!cmark_node_get_syntax_extension(node))
		return MARKDOWN_EXT_NONE;
	const char *t = cmark_node_get_type_string(node);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(t, names[i].name))
			return names[i].ext;
	return MARKDOWN_EXT_OTHER;
}

bool markdown_is_header_row(cmark_node *row)
{
	return !strcmp(cmark_node_get_type_string(row), "table_header");
}

unsigned markdown_table_columns(cmark_node *table)
{
	return cmark_gfm_extensions_get_table_columns(table);
}

char markdown_table_align(cmark_node *table, unsigned column)
{
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(table);
	if (!al || column >= markdown_table_columns(table))
		return 0;
	return (char)al[column];
}

bool markdown_url_is_safe(const char *url, bool image)
{
	if (!escape_url_is_safe(url))
		return false;
	while (*url && (unsigned char)*url <= ' ')
		url++;
	/* an image in a data: URL is shown, never followed as a link */
	return image || strncasecmp(url, "data:", 5) != 0;
}

const char *markdown_info_word(const char *p, char *word, size_t size)
{
	while (*p == ' ' || *p == '\t')
		p++;
	size_t n = strcspn(p, " \t");
	size_t keep = n < size - 1 ? n : size - 1;
	/* A long word cut inside a UTF-8 sequence gave the site invalid
	 * UTF-8 (class="language-…"; found by tests/fuzz/fuzz_html). */
	while (keep < n && keep && ((unsigned char)p[keep] & 0xC0) == 0x80)
		keep--;
	memcpy(word, p, keep);
	word[keep] = '\0';
	return p + n;
}
