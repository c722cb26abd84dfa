/* test_site — builds the website of tests/site/fixture (two languages,
 * odd ids, hostile text) into a scratch folder and looks at what came
 * out.  Run from the top of the source tree (as `make test` does);
 * templates come from $UPRGEN_TEMPLATES or ./templates. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture_words.h"
#include "context.h"
#include "markdown.h"
#include "site.h"

static char *S_read(const char *dir, const char *rel)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	char *text = NULL;
	size_t len;
	if (file_read_all(path, 1 << 24, &text, &len) != 0) {
		fprintf(stderr, "missing: %s\n", path);
		return NULL;
	}
	return text;
}

static bool S_has(const char *dir, const char *rel, const char *want)
{
	char *t = S_read(dir, rel);
	bool ok = t && strstr(t, want);
	if (t && !ok)
		fprintf(stderr, "%s lacks: %s\n", rel, want);
	free(t);
	return ok;
}

static bool S_lacks(const char *dir, const char *rel, const char *bad)
{
	char *t = S_read(dir, rel);
	bool ok = t && !strstr(t, bad);
	free(t);
	return ok;
}

/* site_finish's callback: counts the calls for each report. */
static void S_released(void *arg, size_t lang)
{
	int *calls = arg;
	calls[lang]++;
}

int main(void)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct report *r = report_load(&a, &d, "tests/site/fixture");
	CHECK(r != NULL);
	if (!r)
		return check_done("test_site");
	report_validate(r, &d);
	CHECK(d.errors == 0);
	const char *tpl = getenv("UPRGEN_TEMPLATES");
	struct template_dirs t = {NULL, tpl ? tpl : "templates"};

	static const char md[] = "# Report\n\n<!-- uprgen:numbering on -->\n\n"
				 "Text[^1].\n\n[^1]: A note.\n\n```chart budget\n```\n";
	struct site_language L[2];
	cmark_node *reports[2];
	for (size_t i = 0; i < r->language_count; i++) {
		L[i] = (struct site_language){
			.lang = r->languages[i],
			.words = fixture_words(&a, r->languages[i])};
		reports[i] = markdown_parse(md, strlen(md), (struct source_pos){0}, &d);
	}
	char out[] = "/tmp/uprgen-site-XXXXXX";
	CHECK(mkdtemp(out) != NULL);
	struct site_writer *w = site_start(&a, &d, r, &t, L, r->language_count, out);
	/* the contexts are made while the other thread prepares */
	for (size_t i = 0; i < r->language_count; i++)
		L[i].context = context_build(&a, r, L[i].words);
	site_write_pages(w);
	int released[2] = {0, 0};
	CHECK(site_finish(w, reports, S_released, released));
	for (size_t i = 0; i < r->language_count; i++)
		CHECK(released[i] == 1);
	diags_print(&d, stderr, 1);

	CHECK(S_has(out, "index.html", "href=\"en/index.html\""));
	CHECK(S_has(out, "index.html", "href=\"fr/index.html\""));
	CHECK(S_has(out, "en/index.html", "href=\"../assets/site-"));
	CHECK(S_has(out, "robots.txt", "User-agent: *"));
	CHECK(S_has(out, "404.html", "<h1>"));
	CHECK(S_has(out, "sitemap.xml",
		    "<loc>https://upr.example.org/utopia/en/recommendations/140.1.html</loc>"));
	CHECK(S_has(out, "en/index.html",
		    "<link rel=\"canonical\" href=\"https://upr.example.org/utopia/en/index.html\">"));
	CHECK(S_has(out, "en/index.html", "<html lang=\"en\" dir=\"ltr\">"));
	CHECK(S_has(out, "fr/index.html", "<html lang=\"fr\" dir=\"ltr\">"));
	CHECK(S_has(out, "en/index.html", "href=\"../fr/index.html\""));
	CHECK(S_has(out, "en/index.html", "Mid-term report of &lt;Utopia&gt; &amp;"));
	CHECK(S_has(out, "en/index.html", "<svg"));
	CHECK(S_has(out, "en/report.html", "<span class=\"num\">1.</span>"));
	CHECK(S_has(out, "en/report.html", "<figure"));
	CHECK(S_has(out, "en/recommendations/140.2_b.html", "Recommendation 140.2_b"));
	CHECK(S_has(out, "en/recommendations/A-3.html", "href=\"../clusters/justice.html\""));
	CHECK(S_has(out, "en/recommendations/140.1.html",
		    "Ratify &lt;em&gt;the&lt;/em&gt; Optional Protocol &amp; report."));
	CHECK(S_has(out, "en/recommendations/140.1.html",
		    "href=\"../recommendations/140.2_b.html\""));
	CHECK(S_lacks(out, "en/recommendations/140.1.html", "onerror"));
	CHECK(S_lacks(out, "en/clusters/justice.html", "<script>"));
	CHECK(S_lacks(out, "en/clusters/justice.html", "javascript:"));
	CHECK(S_has(out, "en/clusters/justice.html", "140.1"));
	CHECK(S_lacks(out, "en/clusters/justice.html", "140.2_b"));
	CHECK(S_has(out, "en/sdgs.html", "id=\"goal-16\""));
	CHECK(S_has(out, "en/data/recommendations-en.csv",
		    "id,text,states,position,status,"));
	CHECK(S_has(out, "en/data/recommendations-en.csv",
		    "140.1,Ratify <em>the</em> Optional Protocol & report.,"));
	CHECK(S_has(out, "fr/data/recommendations-fr.csv", "France; Chili"));
	CHECK(S_has(out, "en/data/recommendations-en.json", "\"id\": \"140.2_b\""));
	CHECK(S_has(out, "en/search-index.js", "window.UPRGEN_SEARCH"));
	CHECK(S_has(out, "en/search.html", "../assets/search-"));

	/* A language that offers its report's files: its dashboard and
	 * report page wait for them, and name each with its size; the
	 * report page's body is the tree's as site_finish() saw it. */
	L[0].pdf = L[1].docx = true;
	struct site_writer *offers = site_start(&a, &d, r, &t, L,
						r->language_count, out);
	site_write_pages(offers);
	CHECK(site_finish(offers, reports, NULL, NULL));
	cmark_node *gone = cmark_node_first_child(reports[0]);
	cmark_node_unlink(gone); /* as the PDF drops the cover */
	L[0].pdf_size = 737342;
	L[1].docx_size = 1250000;
	CHECK(site_write_offers(offers, true));
	CHECK(S_has(out, "en/index.html", "download>Report (PDF, 738\u00a0kB)</a>"));
	CHECK(S_has(out, "en/report.html", "download>Report (PDF, 738\u00a0kB)</a>"));
	CHECK(S_has(out, "en/report.html", "<span class=\"num\">1.</span>"));
	CHECK(S_lacks(out, "en/index.html", "report-en.docx"));
	CHECK(S_has(out, "fr/index.html", "(Word, 1,3\u00a0Mo)</a>"));
	CHECK(S_lacks(out, "fr/index.html", "report-fr.pdf"));
	CHECK(S_has(out, "index.html", "href=\"en/index.html\""));
	CHECK(site_write_offers(offers, true)); /* once only: nothing more */
	cmark_node_prepend_child(reports[0], gone);
	/* files that could not be made: the pages are dropped, the writer
	 * freed */
	struct site_writer *no_files = site_start(&a, &d, r, &t, L,
						  r->language_count, out);
	site_write_pages(no_files);
	CHECK(site_finish(no_files, reports, NULL, NULL));
	CHECK(site_write_offers(no_files, false));
	L[0].pdf = L[1].docx = false;

	/* A folder that cannot be made fails the site, and nothing waits
	 * for ever. */
	struct diags failed;
	diags_init(&failed);
	struct site_writer *nowhere = site_start(&a, &failed, r, &t, L,
						 r->language_count,
						 "/dev/null/site");
	site_write_pages(nowhere);
	CHECK(!site_finish(nowhere, reports, NULL, NULL));
	CHECK(failed.errors > 0);
	diags_free(&failed);

	/* A build that fails while the site is being written stops it. */
	struct site_writer *stopped = site_start(&a, &d, r, &t, L,
						 r->language_count, out);
	CHECK(!site_finish(stopped, NULL, NULL, NULL));

	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
	CHECK(system(cmd) == 0);
	for (size_t i = 0; i < r->language_count; i++)
		cmark_node_free(reports[i]);
	diags_free(&d);
	arena_free(&a);
	return check_done("test_site");
}
