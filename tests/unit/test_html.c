/* test_html — the HTML back end: safe whatever the content says, UN
 * paragraph numbers, heading ids, footnotes, and the matrix block. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture_words.h"
#include "html.h"
#include "markdown.h"

static char *S_render(const char *md, const struct report *r,
		      const char *prefix)
{
	struct diags d;
	diags_init(&d);
	cmark_node *doc = markdown_parse(md, strlen(md), (struct source_pos){0}, &d);
	struct arena a;
	arena_init(&a);
	struct html_words w = html_words(fixture_words(&a, LANG_EN));
	struct html_options o = {.lang = LANG_EN, .report = r, .words = &w,
				 .root = "../", .id_prefix = prefix};
	struct buf b;
	buf_init(&b);
	html_render(&b, doc, &o, &d);
	cmark_node_free(doc);
	diags_free(&d);
	arena_free(&a);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

#define HAS(s, x) CHECK(strstr((s), (x)) != NULL)
#define HASNT(s, x) CHECK(strstr((s), (x)) == NULL)

static void S_safe(void)
{
	char *h = S_render("<script>alert(1)</script>\n\nA <b>b</b> "
			   "[x](javascript:alert(1)) [y](JaVaScRiPt:1) "
			   "![i](javascript:1) <img src=x onerror=alert(1)> "
			   "[ok](https://example.org/?a=1&b=\"2\")\n",
			   NULL, NULL);
	HASNT(h, "<script");
	HASNT(h, "<b>");
	HASNT(h, "javascript");
	HASNT(h, "JaVaScRiPt");
	HASNT(h, "onerror");
	HAS(h, "<a>x</a>");
	HAS(h, "<span class=\"img-alt\">i</span>");
	HAS(h, "href=\"https://example.org/?a=1&amp;b=%222%22\"");
	free(h);
}

static void S_numbering(void)
{
	char *h = S_render("Before.\n\n<!-- uprgen:numbering on -->\n\nOne.\n\n"
			   "- item\n\nTwo.\n\n<!-- uprgen:numbering off -->\n\n"
			   "After.\n", NULL, NULL);
	HAS(h, "<p>Before.</p>");
	HAS(h, "<p class=\"para\" id=\"para-1\"><span class=\"num\">1.</span> One.</p>");
	HAS(h, "<li>item</li>");
	HAS(h, "id=\"para-2\"><span class=\"num\">2.</span> Two.");
	HAS(h, "<p>After.</p>");
	HASNT(h, "uprgen:");
	free(h);
}

static void S_headings_and_notes(void)
{
	char *h = S_render("# Introducción *general*\n\n# Introducción general\n\n"
			   "## ?!\n\nText[^n] again[^n] other[^2].\n\n"
			   "[^n]: A <i>note</i>.\n[^2]: Second.\n", NULL, "p-");
	HAS(h, "<h1 id=\"p-introducción-general\">Introducción <em>general</em></h1>");
	HAS(h, "<h1 id=\"p-introducción-general-2\">");
	HAS(h, "<h2 id=\"p-section\">");
	/* a note's number named for a screen reader (labels note_ref) */
	HAS(h, "<a href=\"#p-fn-1\" id=\"p-fnref-1\" aria-label=\"Note 1\">1</a>");
	HAS(h, "id=\"p-fnref-1-2\"");
	HAS(h, "<li id=\"p-fn-1\">");
	HAS(h, "<li id=\"p-fn-2\">");
	HAS(h, "href=\"#p-fnref-1-2\"");
	HASNT(h, "<i>");
	free(h);
}

static void S_matrix(void)
{
	struct cluster cl[2] = {{.id = "justice", .index = 0},
				{.id = "women", .index = 1}};
	struct recommendation recs[2] = {0};
	struct text states[1] = {{.any = "France & <Chile>", .present = true}};
	struct sdg sdgs[1] = {{.goal = 16, .target = "16.3", .code = "16.3"}};
	recs[0].id = "140.1";
	recs[0].text.any = "Ratify <em>it</em>.";
	recs[0].text.present = true;
	recs[0].states = (struct text_list){states, 1};
	recs[0].cluster_id = "justice";
	recs[0].cluster = &cl[0];
	recs[0].sdgs = sdgs;
	recs[0].sdg_count = 1;
	recs[0].status = STATUS_IMPLEMENTED;
	recs[1].id = "A-2";
	recs[1].text.any = "Adopt.";
	recs[1].text.present = true;
	recs[1].cluster_id = "women";
	recs[1].cluster = &cl[1];
	recs[1].position = POSITION_NOTED;
	struct report r = {0};
	r.languages[0] = LANG_EN;
	r.language_count = 1;
	r.clusters = cl;
	r.cluster_count = 2;
	r.recs = recs;
	r.rec_count = 2;
	char *h = S_render("```matrix\n```\n", &r, NULL);
	HAS(h, "<table class=\"matrix\">");
	HAS(h, "<a href=\"../recommendations/140.1.html\">140.1</a>");
	HAS(h, "Ratify &lt;em&gt;it&lt;/em&gt;.");
	HAS(h, "France &amp; &lt;Chile&gt;");
	HAS(h, "<span class=\"status status-implemented\">Implemented</span>");
	HAS(h, "A-2");
	free(h);
	h = S_render("```matrix cluster=women\n```\n", &r, NULL);
	HASNT(h, "140.1");
	HAS(h, "A-2");
	HAS(h, "Noted");
	free(h);
	h = S_render("```matrix sdg=16 status=implemented\n```\n", &r, NULL);
	HAS(h, "140.1");
	HASNT(h, "A-2");
	free(h);
	h = S_render("```chart nope\n```\n\n```c\nint x < 1;\n```\n", &r, NULL);
	HASNT(h, "<figure");
	HAS(h, "<pre><code class=\"language-c\">int x &lt; 1;");
	free(h);
}

int main(void)
{
	S_safe();
	S_numbering();
	S_headings_and_notes();
	S_matrix();
	return check_done("test_html");
}
