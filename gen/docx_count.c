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
#include "docx.h"
#include "document.h"
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
				    &partials, md))
			continue;
		size_t n = docx_word_count(doc.tree);
		document_free(&doc);
		fprintf(out, "words (%s): %zu in the body, without the annexed "
			     "matrix and the notes%s\n",
			lang_code(l), n,
			r->word_limit ? arena_printf(a, "; the limit is %ld",
						     r->word_limit)
				      : "");
		if (r->word_limit && n > (size_t)r->word_limit)
			diag_warning(d, (struct source_pos){
					     arena_path(a, r->content_dir,
							"report.yaml"), 0, 0},
				     "the %s report has %zu words, more than "
				     "its word_limit of %ld (the body, without "
				     "the annexed matrix and the notes)",
				     lang_code(l), n, r->word_limit);
	}
	diags_free(&quiet);
}
