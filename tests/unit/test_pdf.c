/* test_pdf — whole documents to PDF, checked with poppler and qpdf: words
 * and accents extract, footnotes sit on the page of their reference, fonts
 * are embedded subsets, the file is sound and the same input gives the
 * same bytes; and every example of the CommonMark spec ($SHARED) renders
 * without losing its text. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../gen/markdown.h"
#include "../../gen/pdf.h"
#include "check.h"

static char S_dir[64];

static char *S_run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	struct buf b;
	buf_init(&b);
	if (!p)
		return NULL;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		buf_put(&b, chunk, n);
	int st = pclose(p);
	if (status)
		*status = st;
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

static bool S_render(const char *md, const char *out)
{
	struct diags d;
	diags_init(&d);
	cmark_node *doc = markdown_parse(md, strlen(md),
					 (struct source_pos){"t.md", 0, 0}, &d);
	struct pdf_options o = {
		.lang = LANG_ES, .title = "Informe de mitad de período",
		.author = "Ministerio de Justicia", .symbol = "A/HRC/WG.6/42/PER/2",
		.toc = true, .created = {2025, 3, 15, 0, 0, 0},
		.title_page = {"Perú", "Informe de mitad de período", NULL,
			       "Ministerio de Justicia", "15 de marzo de 2025"},
	};
	bool ok = doc && pdf_render(doc, &o, out, &d);
	cmark_node_free(doc);
	diags_free(&d);
	return ok;
}

static const char *S_doc =
	"# Introducción\n\n<!-- uprgen:numbering on -->\n\n"
	"La Defensoría del Pueblo realizó visitas de supervisión a "
	"establecimientos penitenciarios — “con éxito” — y centros "
	"juveniles de diagnóstico y rehabilitación.\n\n"
	"<!-- uprgen:page-break -->\n\n## Seguimiento\n\n"
	"Texto con nota Referenciadora[^a] en la segunda página.\n\n"
	"| Recomendación | Situación |\n|---|---|\n| 110.1 | Aplicada |\n"
	"| 110.2 | En curso |\n\n"
	"[^a]: Notapiecera del Ministerio de Justicia, 2023.\n";

/* The first page from `from` (1-based) whose text holds word, 0 when
 * none. */
static int S_page_from(const char *pdf, const char *word, int from)
{
	for (int p = from; p < 20; p++) {
		char cmd[512];
		int st;
		snprintf(cmd, sizeof cmd,
			 "pdftotext -q -enc UTF-8 -f %d -l %d %s - 2>/dev/null",
			 p, p, pdf);
		char *t = S_run(cmd, &st);
		bool has = t && strstr(t, word);
		free(t);
		if (st != 0)
			return 0;
		if (has)
			return p;
	}
	return 0;
}

static int S_page_of(const char *pdf, const char *word)
{
	return S_page_from(pdf, word, 1);
}

static void test_document(void)
{
	char pdf[128], pdf2[128], cmd[512];
	snprintf(pdf, sizeof pdf, "%s/a.pdf", S_dir);
	snprintf(pdf2, sizeof pdf2, "%s/b.pdf", S_dir);
	CHECK(S_render(S_doc, pdf));
	CHECK(S_render(S_doc, pdf2));
	snprintf(cmd, sizeof cmd, "cmp -s %s %s", pdf, pdf2);
	CHECK(system(cmd) == 0); /* deterministic */

	snprintf(cmd, sizeof cmd, "pdftotext -q -enc UTF-8 %s -", pdf);
	char *text = S_run(cmd, NULL);
	CHECK(text != NULL);
	const char *want[] = {"Defensoría", "supervisión", "“con éxito”",
			      "rehabilitación", "Índice", "Introducción",
			      "Recomendación", "Aplicada", "Notapiecera",
			      "A/HRC/WG.6/42/PER/2", "1."};
	for (size_t i = 0; text && i < sizeof want / sizeof *want; i++) {
		bool found = strstr(text, want[i]) != NULL;
		CHECK(found);
		if (!found)
			fprintf(stderr, "  missing: %s\n", want[i]);
	}
	free(text);
	/* title page, contents, then body pages 1 and 2: the table of
	 * contents gives "Seguimiento" the page it is really on */
	CHECK(S_page_from(pdf, "Seguimiento", 3) == 4);
	snprintf(cmd, sizeof cmd,
		 "pdftotext -q -layout -enc UTF-8 -f 2 -l 2 %s -", pdf);
	char *toc = S_run(cmd, NULL);
	char *line = toc ? strstr(toc, "Seguimiento") : NULL;
	char *eol = line ? strchr(line, '\n') : NULL;
	if (eol)
		*eol = '\0';
	CHECK(line && strstr(line, ". .") && line[strlen(line) - 1] == '2');
	free(toc);
	int ref = S_page_of(pdf, "Referenciadora");
	CHECK(ref > 0 && ref == S_page_of(pdf, "Notapiecera"));
	CHECK(S_page_of(pdf, "Defensoría") < ref);

	int st;
	snprintf(cmd, sizeof cmd, "pdffonts %s 2>/dev/null | tail -n +3", pdf);
	char *fonts = S_run(cmd, &st);
	int lines = 0, good = 0;
	for (char *l = fonts; l && *l;) {
		char *e = strchr(l, '\n');
		if (e)
			*e = '\0';
		lines++;
		good += strstr(l, "yes yes yes") != NULL;
		l = e ? e + 1 : l + strlen(l);
	}
	CHECK(lines > 0 && lines == good); /* emb, sub, uni */
	free(fonts);
	snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1", pdf);
	CHECK(system(cmd) == 0);
}

static void test_failed_build_keeps_old(void)
{
	char pdf[128];
	snprintf(pdf, sizeof pdf, "%s/keep.pdf", S_dir);
	FILE *f = fopen(pdf, "w");
	fputs("old", f);
	fclose(f);
	struct diags d;
	diags_init(&d);
	cmark_node *doc = markdown_parse("x", 1, (struct source_pos){0}, &d);
	struct pdf_options o = {.font_dir = "/nonexistent"};
	CHECK(!pdf_render(doc, &o, pdf, &d));
	CHECK(d.errors > 0);
	char *s;
	size_t len;
	CHECK(file_read_all(pdf, 100, &s, &len) == 0 && len == 3);
	free(s);
	cmark_node_free(doc);
	diags_free(&d);
}

/* ---- the CommonMark spec ---- */

/* Letters and digits by code point below U+0250, the scripts the fonts
 * are there for: the text is not lost if the PDF has as many of each. */
static void S_count(const char *s, size_t *count)
{
	for (size_t i = 0, n = strlen(s), adv; i < n; i += adv) {
		unsigned c = utf8_decode(s + i, n - i, &adv);
		bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			     (c >= 'A' && c <= 'Z') ||
			     (c >= 0xC0 && c < 0x250 && c != 0xD7 &&
			      c != 0xF7);
		if (alnum)
			count[c]++;
	}
}

static void test_commonmark_spec(void)
{
	const char *shared = getenv("SHARED");
	char path[512];
	snprintf(path, sizeof path, "%s/conformance/commonmark/spec.txt",
		 shared ? shared : "/work/shared");
	char *spec;
	size_t len;
	if (file_read_all(path, 4 << 20, &spec, &len) != 0) {
		CHECK(!"spec.txt readable");
		return;
	}
	const char *fence = "````````````````````````````````";
	struct diags d;
	diags_init(&d);
	cmark_node *all = cmark_node_new(CMARK_NODE_DOCUMENT);
	size_t *want = calloc(0x250, sizeof *want);
	size_t *got = calloc(0x250, sizeof *got);
	int examples = 0;
	struct buf md;
	buf_init(&md);
	for (char *p = strstr(spec, fence); p; p = strstr(p, fence)) {
		char *start = strchr(p, '\n');
		if (!start || strncmp(p + 32, " example", 8)) {
			p += 32;
			continue;
		}
		char *end = strstr(start + 1, "\n.\n");
		char *close = strstr(start + 1, fence);
		if (!end || !close || end > close)
			break;
		buf_clear(&md);
		for (char *s = start + 1; s <= end; s++) {
			if (!strncmp(s, "\u2192", 3)) {
				buf_putc(&md, '\t');
				s += 2;
			} else
				buf_putc(&md, *s);
		}
		cmark_node *doc = markdown_parse(md.data, md.len,
						 (struct source_pos){0}, &d);
		if (doc) {
			char *plain = cmark_render_plaintext(doc, 0, 0);
			S_count(plain, want);
			free(plain);
			cmark_node *n;
			while ((n = cmark_node_first_child(doc))) {
				cmark_node_unlink(n);
				cmark_node_append_child(all, n);
			}
			cmark_node_free(doc);
		}
		examples++;
		p = close + 32;
	}
	buf_free(&md);
	CHECK(examples > 600);
	char pdf[128], cmd[256];
	snprintf(pdf, sizeof pdf, "%s/spec.pdf", S_dir);
	struct pdf_options o = {.lang = LANG_EN, .toc = true};
	CHECK(pdf_render(all, &o, pdf, &d));
	snprintf(cmd, sizeof cmd, "pdftotext -q -enc UTF-8 %s -", pdf);
	char *text = S_run(cmd, NULL);
	S_count(text ? text : "", got);
	int lost = 0;
	size_t total = 0;
	for (unsigned c = 0; c < 0x250; c++)
		total += want[c];
	CHECK(total > 3000);
	for (unsigned c = 0; c < 0x250; c++)
		if (got[c] < want[c]) {
			fprintf(stderr, "  U+%04X: %zu in the spec, %zu in the "
				"PDF\n", c, want[c], got[c]);
			lost++;
		}
	CHECK(lost == 0);
	free(text);
	free(want);
	free(got);
	cmark_node_free(all);
	diags_free(&d);
	free(spec);
}

int main(void)
{
	snprintf(S_dir, sizeof S_dir, "/tmp/uprgen-pdf-XXXXXX");
	if (!mkdtemp(S_dir))
		return 1;
	test_document();
	test_failed_build_keeps_old();
	test_commonmark_spec();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", S_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", S_dir);
	return check_done("pdf");
}
