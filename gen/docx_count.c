/*
 * docx_count — `uprgen check`'s word count: the report of each language
 * expanded and parsed as `build` does (templates, context, document),
 * its words counted as the UN counts them (docx_word_count(): the body,
 * without the annexed matrix and the notes), printed; over the report's
 * word_limit, a warning naming the count and the limit.
 */
#include "docx_count.h"

#include <string.h>

#include "context.h"
#include "document.h"
#include "fence.h"
#include "markdown.h"
#include "mustache.h"
#include "templates.h"
#include "words.h"

void docx_check_words(struct arena *a, struct diags *d,
		      const struct report *r, const char *dir, FILE *out)
{
	struct diags quiet; /* the build reports the template's problems */
	diags_init(&quiet);
	struct template_dirs t = templates_find(a, dir, NULL, &quiet);
	size_t len;
	const char *path;
	const char *tmpl = quiet.errors ? NULL
		: templates_load(a, &t, "report.md", &len, &path);
	for (size_t i = 0; tmpl && i < r->language_count; i++) {
		enum lang l = r->languages[i];
		struct words w;
		words_init(&w, a, l, words_labels(a, &quiet, &t, l));
		const struct value *ctx = context_build(a, r, &w);
		struct templates_md_partials pctx = {a, &t};
		struct mustache_partials partials = {templates_md_partial,
						     &pctx};
		struct document doc = {0};
		const char *md = arena_printf(a, "build/md/report-%s.md",
					      lang_code(l));
		if (!document_build(&doc, &quiet, path, tmpl, len, ctx,
				    &partials, md, r->form_un ? NULL : &w))
			continue;
		fence_refer_repeats(doc.tree, r, &w, a);
		size_t n = docx_word_count(doc.tree);
		document_free(&doc);
		fprintf(out, "words (%s): %zu in the body, without the annexed "
			     "matrix and the notes%s\n",
			lang_code(l), n,
			r->word_limit ? arena_printf(a, "; the limit is %ld",
						     r->word_limit)
				      : "");
		if (r->word_limit && n > (size_t)r->word_limit)
			diag_warning(d, r->word_limit_pos,
				     "the %s report has %zu words, more than "
				     "its word_limit of %ld (the body, without "
				     "the annexed matrix and the notes)",
				     lang_code(l), n, r->word_limit);
	}
	diags_free(&quiet);
}


/* ------------------------------------------------------- word count */

/* Runs of characters between blanks, as Word counts them, and each
 * Chinese, Japanese or Korean character a word of its own, as Word and
 * LibreOffice count them too (Chinese has no blanks: a sentence was one
 * word, and a Chinese report far over its limit passed). */
static size_t S_words(const char *s)
{
	size_t n = 0, at = 0, len = strlen(s), word_len, adv;
	bool wide;
	for (const char *word;
	     (word = unicode_next_word(s, len, &at, &word_len, &wide));) {
		unsigned ch = wide ? utf8_decode(word, word_len, &adv) : 0;
		/* a wide character's punctuation (，。「」) is no word */
		bool punct = (ch >= 0x3000 && ch <= 0x303f) ||
			     (ch >= 0xfe30 && ch <= 0xfe4f) ||
			     (ch >= 0xff01 && ch <= 0xff0f) ||
			     (ch >= 0xff1a && ch <= 0xff20) ||
			     (ch >= 0xff3b && ch <= 0xff40) ||
			     (ch >= 0xff5b && ch <= 0xff65);
		n += !punct;
	}
	return n;
}

size_t docx_word_count(cmark_node *doc)
{
	size_t n = 0;
	bool annex = false;
	struct buf text;
	buf_init(&text);
	for (cmark_node *b = cmark_node_first_child(doc); b;
	     b = cmark_node_next(b)) {
		if (markdown_directive_of(b) == MARKDOWN_PAGE_BREAK)
			annex = fence_part_is_matrix(b);
		if (annex || cmark_node_get_type(b) ==
				     CMARK_NODE_FOOTNOTE_DEFINITION)
			continue;
		/* the block's text, blocks and lines apart, inlines run on
		 * ("**a**b" is one word) */
		buf_clear(&text);
		cmark_iter *it = cmark_iter_new(b);
		cmark_event_type ev;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *x = cmark_iter_get_node(it);
			cmark_node_type t = cmark_node_get_type(x);
			const char *lit = cmark_node_get_literal(x);
			if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
				buf_puts(&text, lit ? lit : "");
			} else if (t == CMARK_NODE_CODE_BLOCK) {
				if (fence_of(x).kind == FENCE_CODE)
					buf_puts(&text, lit ? lit : "");
				buf_putc(&text, ' ');
			} else if (t == CMARK_NODE_EMPH ||
				   t == CMARK_NODE_STRONG ||
				   t == CMARK_NODE_LINK ||
				   t == CMARK_NODE_IMAGE ||
				   markdown_ext_of(x) ==
					   MARKDOWN_EXT_STRIKETHROUGH) {
				continue;
			} else if (ev == CMARK_EVENT_ENTER ||
				   ev == CMARK_EVENT_EXIT) {
				buf_putc(&text, ' ');
			}
		}
		cmark_iter_free(it);
		buf_putc(&text, '\0');
		n += S_words(text.data);
	}
	buf_free(&text);
	return n;
}
