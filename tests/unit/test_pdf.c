/* test_pdf — whole documents to PDF, checked with poppler and qpdf: words
 * and accents extract, footnotes sit on the page of their reference, fonts
 * are embedded subsets, the file is sound and the same input gives the
 * same bytes; charts and the matrix drawn from a report; PNG and JPEG
 * images, and image paths that leave the content folder refused; every
 * example of the CommonMark spec ($SHARED) renders without losing its
 * text; and the example report ($UPRGEN build): every recommendation's
 * text in both PDFs, the contents' page numbers right. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../gen/markdown.h"
#include "../../gen/matrix.h"
#include "../../gen/pdf.h"
#include "check.h"
#include "fixture_words.h"

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
	struct arena wa;
	arena_init(&wa);
	struct pdf_options o = {
		.lang = LANG_ES, .words = fixture_words(&wa, LANG_ES),
		.title = "Informe de mitad de período",
		.author = "Ministerio de Justicia", .symbol = "A/HRC/WG.6/42/PER/2",
		.toc = true, .created = {2025, 3, 15, 0, 0, 0},
		.title_page = {"Perú", "Informe de mitad de período", NULL,
			       "Ministerio de Justicia", "15 de marzo de 2025"},
	};
	bool ok = doc && pdf_render(doc, &o, out, &d);
	cmark_node_free(doc);
	diags_free(&d);
	arena_free(&wa);
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
	for (int p = from; p < 200; p++) {
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

/* ---- charts and the matrix ---- */

/* Letters and digits only, lower-cased ASCII, other bytes (accented
 * letters) kept: text compares across line breaks, hyphenation and
 * typographic punctuation. */
static char *S_letters(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		/* quotes are not letters, straight as the YAML has them or
		 * curly as the outputs set them (words_typeset_copy) */
		if (c == 0xE2 && (unsigned char)s[1] == 0x80 &&
		    strchr("\x98\x99\x9C\x9D", s[2]) && s[2]) {
			s += 2;
			continue;
		}
		if (c >= 0x80 || (c >= '0' && c <= '9'))
			*o++ = (char)c;
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			*o++ = (char)(c | 0x20);
	}
	*o = '\0';
	return out;
}

static char *S_pdf_text(const char *pdf, int page)
{
	char cmd[512];
	if (page)
		snprintf(cmd, sizeof cmd, "pdftotext -q -enc UTF-8 -f %d -l %d "
			 "%s - 2>/dev/null", page, page, pdf);
	else
		snprintf(cmd, sizeof cmd, "pdftotext -q -enc UTF-8 %s - "
			 "2>/dev/null", pdf);
	return S_run(cmd, NULL);
}

static struct series S_series(struct arena *a, const char *label,
			      const char *const *keys, const double *v,
			      size_t n)
{
	struct series se = {.label = {.any = label, .present = true},
			    .count = n};
	se.points = arena_alloc(a, n * sizeof *se.points);
	for (size_t i = 0; i < n; i++)
		se.points[i] = (struct point){keys[i], v[i], {0}};
	return se;
}

static void S_stat(struct arena *a, struct statistic *s, const char *id,
		   const char *title, enum chart_kind kind,
		   const char *const *keys, size_t n)
{
	static const double v1[] = {1200, 2500, 1900, 3100, 800, 450};
	static const double v2[] = {900, 2000, 2400, 2800, 700, 300};
	memset(s, 0, sizeof *s);
	s->id = id;
	s->title = (struct text){.any = title, .present = true};
	s->unit = (struct text){.any = "personas", .present = true};
	s->source = (struct text){.any = arena_printf(a, "Fuenteoficial %s",
						      id),
				  .present = true};
	s->chart = kind;
	s->series_count = 2;
	s->series = arena_alloc(a, 2 * sizeof *s->series);
	s->series[0] = S_series(a, "Mujeres", keys, v1, n);
	s->series[1] = S_series(a, "Hombres", keys, v2, n);
}

/* A report of `count` recommendations in two clusters, with a bar chart
 * of short keys (drawn upright), one of long keys (drawn across), a line
 * chart and a table. */
static struct report *S_report(struct arena *a, size_t count)
{
	static const char *const years[] = {"2019", "2020", "2021", "2022"};
	static const char *const regions[] = {
		"Lima Metropolitana", "Arequipa", "La Libertad", "Cusco",
		"Madre de Dios", "Loreto"};
	struct report *r = arena_alloc(a, sizeof *r);
	memset(r, 0, sizeof *r);
	r->languages[0] = LANG_ES;
	r->language_count = 1;
	r->cluster_count = 2;
	r->clusters = arena_alloc(a, 2 * sizeof *r->clusters);
	memset(r->clusters, 0, 2 * sizeof *r->clusters);
	r->clusters[0] = (struct cluster){.id = "a", .index = 0,
		.title = {.any = "Igualdad", .present = true}};
	r->clusters[1] = (struct cluster){.id = "b", .index = 1,
		.title = {.any = "Justicia", .present = true}};
	r->stat_count = 4;
	r->stats = arena_alloc(a, 4 * sizeof *r->stats);
	S_stat(a, &r->stats[0], "s-bar", "Denuncias por año", CHART_BAR,
	       years, 4);
	S_stat(a, &r->stats[1], "s-region", "Denuncias por región",
	       CHART_BAR, regions, 6);
	S_stat(a, &r->stats[2], "s-line", "Evolución anual", CHART_LINE,
	       years, 4);
	S_stat(a, &r->stats[3], "s-table", "Cuadro de casos", CHART_TABLE,
	       years, 4);
	r->rec_count = count;
	r->recs = arena_alloc(a, count * sizeof *r->recs);
	memset(r->recs, 0, count * sizeof *r->recs);
	for (size_t i = 0; i < count; i++) {
		struct recommendation *rec = &r->recs[i];
		rec->id = arena_printf(a, "110.%zu", i + 1);
		rec->cluster_id = i % 2 ? "b" : "a";
		rec->cluster = &r->clusters[i % 2];
		rec->position = i % 7 == 3 ? POSITION_NOTED
					   : POSITION_SUPPORTED;
		rec->status = (enum status)(i % STATUS_COUNT);
		rec->text = (struct text){
			.any = arena_printf(a, "Recomendación número%zu: "
					    "fortalecer la protección de los "
					    "defensores%s y garantizar su "
					    "participación.", i + 1,
					    i % 3 ? "" : " de derechos "
					    "humanos en las regiones andinas "
					    "y amazónicas del país"),
			.present = true};
		rec->states.count = 1 + i % 3;
		rec->states.items = arena_alloc(a, 3 * sizeof(struct text));
		static const char *const states[] = {"Chile", "Noruega",
						     "Nueva Zelandia"};
		for (size_t k = 0; k < 3; k++)
			rec->states.items[k] = (struct text){
				.any = states[k], .present = true};
	}
	return r;
}

static bool S_render_report(const char *md, const struct report *r,
			    const char *base_dir, const char *out,
			    struct diags *d)
{
	cmark_node *doc = markdown_parse(md, strlen(md),
					 (struct source_pos){"t.md", 0, 0}, d);
	struct arena wa;
	arena_init(&wa);
	struct pdf_options o = {.lang = LANG_ES, .report = r,
				.words = fixture_words(&wa, LANG_ES),
				.base_dir = base_dir, .symbol = "A/HRC/1"};
	bool ok = doc && pdf_render(doc, &o, out, d);
	cmark_node_free(doc);
	arena_free(&wa);
	return ok;
}

static void test_charts(void)
{
	struct arena a;
	arena_init(&a);
	struct report *r = S_report(&a, 6);
	char pdf[128], cmd[256];
	snprintf(pdf, sizeof pdf, "%s/charts.pdf", S_dir);
	const char *md = "# Gráficos\n\nTexto.\n\n```chart s-bar\n```\n\n"
			 "```chart s-region\n```\n\n```chart s-line\n```\n\n"
			 "```chart s-table\n```\n\n"
			 "```chart status-by-cluster\n```\n\n"
			 "```chart no-such-thing\n```\n";
	struct diags d;
	diags_init(&d);
	CHECK(S_render_report(md, r, NULL, pdf, &d));
	CHECK(d.warnings == 1 && d.errors == 0); /* the unknown statistic */
	char *text = S_pdf_text(pdf, 0);
	const char *want[] = {
		"Denuncias por año (personas)", "Denuncias por región",
		"Evolución anual", "Cuadro de casos", "Lima Metropolitana",
		"Madre de Dios", "Mujeres", "Hombres", "3100", "2019",
		"Fuente: Fuenteoficial s-bar", "Fuente: Fuenteoficial s-table",
		"Estado de las recomendaciones por grupo temático",
		"Implementada", "Igualdad", "Justicia"};
	for (size_t i = 0; text && i < sizeof want / sizeof *want; i++) {
		bool found = strstr(text, want[i]) != NULL;
		CHECK(found);
		if (!found)
			fprintf(stderr, "  missing: %s\n", want[i]);
	}
	free(text);
	/* a drawn chart is never split: caption and source share a page */
	static const char *const pairs[][2] = {
		{"Denuncias por año", "Fuenteoficial s-bar"},
		{"Denuncias por región", "Fuenteoficial s-region"},
		{"Evolución anual", "Fuenteoficial s-line"}};
	for (size_t i = 0; i < 3; i++) {
		int p = S_page_of(pdf, pairs[i][0]);
		CHECK(p > 0 && p == S_page_of(pdf, pairs[i][1]));
	}
	snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1", pdf);
	CHECK(system(cmd) == 0);
	diags_free(&d);
	arena_free(&a);
}

/* Every page from `from` to `to` holds word. */
static bool S_on_every_page(const char *pdf, const char *word, int from,
			    int to)
{
	for (int p = from; p <= to; p++) {
		char *t = S_pdf_text(pdf, p);
		bool has = t && strstr(t, word);
		free(t);
		if (!has)
			return false;
	}
	return true;
}

static void test_matrix(void)
{
	struct arena a;
	arena_init(&a);
	struct report *r = S_report(&a, 300);
	char pdf[128];
	snprintf(pdf, sizeof pdf, "%s/matrix.pdf", S_dir);
	const char *md = "# Anexo\n\n```matrix\n```\n\n# Anotadas\n\n"
			 "```matrix position=noted\n```\n";
	struct diags d;
	diags_init(&d);
	CHECK(S_render_report(md, r, NULL, pdf, &d));
	CHECK(d.warnings == 0);
	char *text = S_pdf_text(pdf, 0);
	char *flat = S_letters(text ? text : "");
	size_t missing = 0;
	for (size_t i = 0; i < r->rec_count; i++) {
		char *want = S_letters(r->recs[i].text.any);
		missing += strstr(flat, want) == NULL;
		free(want);
	}
	CHECK(missing == 0);
	free(flat);
	free(text);
	/* many pages, the header on every one, the noted ones after */
	int last = S_page_of(pdf, "Anotadas");
	CHECK(last > 6);
	CHECK(S_on_every_page(pdf, "Posición", 1, last));
	CHECK(S_page_from(pdf, "Anotada", last) == last);
	diags_free(&d);
	arena_free(&a);
}

/* ---- images ---- */

static void S_put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static uint32_t S_crc32(const unsigned char *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
	}
	return ~c;
}

static void S_chunk(FILE *f, const char *type, const unsigned char *data,
		    size_t n)
{
	unsigned char head[8], *body = malloc(n + 4), crc[4];
	S_put_be32(head, (uint32_t)n);
	memcpy(head + 4, type, 4);
	memcpy(body, type, 4);
	if (n)
		memcpy(body + 4, data, n);
	S_put_be32(crc, S_crc32(body, n + 4));
	fwrite(head, 1, 8, f);
	if (n)
		fwrite(data, 1, n, f);
	fwrite(crc, 1, 4, f);
	free(body);
}

/* A 4×3 RGB PNG written by hand: its pixels in one stored (uncompressed)
 * deflate block. */
static void S_write_png(const char *path)
{
	enum { W = 4, H = 3, ROW = 1 + 3 * W, RAW = ROW * H };
	unsigned char raw[RAW];
	for (int y = 0; y < H; y++) {
		raw[y * ROW] = 0; /* filter: none */
		for (int x = 0; x < 3 * W; x++)
			raw[y * ROW + 1 + x] = (unsigned char)(40 * y + 20 * x);
	}
	unsigned char z[2 + 5 + RAW + 4] = {0x78, 0x01, 0x01, RAW & 0xff,
					    RAW >> 8, ~RAW & 0xff,
					    (~RAW >> 8) & 0xff};
	memcpy(z + 7, raw, RAW);
	uint32_t s1 = 1, s2 = 0;
	for (int i = 0; i < RAW; i++) {
		s1 = (s1 + raw[i]) % 65521;
		s2 = (s2 + s1) % 65521;
	}
	S_put_be32(z + 7 + RAW, (s2 << 16) | s1);
	unsigned char ihdr[13] = {0};
	S_put_be32(ihdr, W);
	S_put_be32(ihdr + 4, H);
	ihdr[8] = 8; /* bits */
	ihdr[9] = 2; /* RGB */
	FILE *f = fopen(path, "wb");
	fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
	S_chunk(f, "IHDR", ihdr, sizeof ihdr);
	S_chunk(f, "IDAT", z, sizeof z);
	S_chunk(f, "IEND", NULL, 0);
	fclose(f);
}

/* A 6×4 baseline JPEG (made once with ImageMagick, kept as bytes). */
static const unsigned char S_jpeg[] = {
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01,
	0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43,
	0x00, 0x10, 0x0b, 0x0c, 0x0e, 0x0c, 0x0a, 0x10, 0x0e, 0x0d, 0x0e, 0x12,
	0x11, 0x10, 0x13, 0x18, 0x28, 0x1a, 0x18, 0x16, 0x16, 0x18, 0x31, 0x23,
	0x25, 0x1d, 0x28, 0x3a, 0x33, 0x3d, 0x3c, 0x39, 0x33, 0x38, 0x37, 0x40,
	0x48, 0x5c, 0x4e, 0x40, 0x44, 0x57, 0x45, 0x37, 0x38, 0x50, 0x6d, 0x51,
	0x57, 0x5f, 0x62, 0x67, 0x68, 0x67, 0x3e, 0x4d, 0x71, 0x79, 0x70, 0x64,
	0x78, 0x5c, 0x65, 0x67, 0x63, 0xff, 0xdb, 0x00, 0x43, 0x01, 0x11, 0x12,
	0x12, 0x18, 0x15, 0x18, 0x2f, 0x1a, 0x1a, 0x2f, 0x63, 0x42, 0x38, 0x42,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x04, 0x00, 0x06, 0x03,
	0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xc4, 0x00,
	0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0xff, 0xc4, 0x00, 0x14, 0x10,
	0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xc4, 0x00, 0x14, 0x01, 0x01, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x05, 0xff, 0xc4, 0x00, 0x14, 0x11, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11,
	0x00, 0x3f, 0x00, 0x20, 0xa0, 0xe7, 0xff, 0xd9
};

static void test_images(void)
{
	char dir[128], path[256], pdf[160], cmd[512];
	snprintf(dir, sizeof dir, "%s/content", S_dir);
	snprintf(path, sizeof path, "%s/img", dir);
	mkdir(dir, 0755);
	mkdir(path, 0755);
	snprintf(path, sizeof path, "%s/img/a.png", dir);
	S_write_png(path);
	snprintf(path, sizeof path, "%s/img/b.jpg", dir);
	FILE *f = fopen(path, "wb");
	fwrite(S_jpeg, 1, sizeof S_jpeg, f);
	fclose(f);
	snprintf(path, sizeof path, "%s/secret.png", S_dir);
	S_write_png(path); /* outside the content folder */
	snprintf(pdf, sizeof pdf, "%s/images.pdf", S_dir);
	const char *md = "![Imagenpng](img/a.png)\n\n![Imagenjpg](img/b.jpg)\n\n"
			 "![Absoluta](/etc/hostname)\n\n"
			 "![Escapada](../secret.png)\n\n"
			 "![Escondida](img/../../secret.png)\n\n"
			 "![Faltante](img/none.png)\n\n"
			 "![Falsa](t.md)\n";
	struct diags d;
	diags_init(&d);
	CHECK(S_render_report(md, NULL, dir, pdf, &d));
	CHECK(d.warnings == 5 && d.errors == 0);
	snprintf(cmd, sizeof cmd, "pdfimages -list %s 2>/dev/null | "
		 "tail -n +3 | awk '{print $4 \"x\" $5, $9}'", pdf);
	char *list = S_run(cmd, NULL);
	CHECK(list && strstr(list, "4x3 image") && strstr(list, "6x4 jpeg"));
	free(list);
	char *text = S_pdf_text(pdf, 0);
	const char *want[] = {"Imagenpng", "Imagenjpg", "Absoluta",
			      "Escapada", "Escondida", "Faltante"};
	for (size_t i = 0; text && i < sizeof want / sizeof *want; i++)
		CHECK(strstr(text, want[i]) != NULL);
	free(text);
	diags_free(&d);
}

/* ---- the example report ---- */

/* Pages before page 1 (title page, contents): page labels say. */
static int S_front_pages(const char *pdf)
{
	for (int p = 2; p < 9; p++) {
		/* the first body page carries the running header */
		char *t = S_pdf_text(pdf, p);
		bool body = t && strstr(t, "PER/UPR4/MTR/2025");
		free(t);
		if (body)
			return p - 1;
	}
	return 0;
}

/* The contents' page numbers: each entry "Title . . . N" names a page
 * whose text holds the title. */
static void S_check_toc(const char *pdf, int front)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "pdftotext -q -layout -enc UTF-8 -f 2 -l %d "
		 "%s - 2>/dev/null", front, pdf);
	char *toc = S_run(cmd, NULL);
	int entries = 0, wrong = 0;
	for (char *l = toc; l && *l;) {
		char *e = strchr(l, '\n');
		if (e)
			*e = '\0';
		char *dots = strstr(l, " . .");
		size_t len = strlen(l);
		if (dots && len && l[len - 1] >= '0' && l[len - 1] <= '9') {
			char *num = l + len;
			while (num > l && num[-1] >= '0' && num[-1] <= '9')
				num--;
			while (*l == ' ')
				l++;
			*dots = '\0';
			char *page = S_pdf_text(pdf, front + atoi(num));
			char *a = S_letters(page ? page : ""), *b = S_letters(l);
			entries++;
			if (!strstr(a, b)) {
				wrong++;
				fprintf(stderr, "  contents: '%s' is not on "
					"page %s\n", l, num);
			}
			free(a);
			free(b);
			free(page);
		}
		l = e ? e + 1 : l + strlen(l);
	}
	CHECK(entries > 20);
	CHECK(wrong == 0);
	free(toc);
}

static void S_check_example_pdf(const char *pdf, const struct report *r,
				enum lang lang)
{
	char cmd[512];
	char *text = S_pdf_text(pdf, 0);
	char *flat = S_letters(text ? text : "");
	size_t missing = 0;
	for (size_t i = 0; i < r->rec_count; i++) {
		const char *t = text_get(&r->recs[i].text, lang,
					 report_first_language(r));
		char *want = S_letters(t ? t : "");
		if (!strstr(flat, want)) {
			missing++;
			fprintf(stderr, "  %s: recommendation %s missing\n",
				pdf, r->recs[i].id);
		}
		free(want);
	}
	CHECK(r->rec_count > 0 && missing == 0);
	free(flat);
	free(text);
	S_check_toc(pdf, S_front_pages(pdf));
	snprintf(cmd, sizeof cmd, "pdffonts %s 2>/dev/null | tail -n +3 | "
		 "grep -vc 'yes yes yes'", pdf);
	char *bad = S_run(cmd, NULL);
	CHECK(bad && atoi(bad) == 0);
	free(bad);
	snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1", pdf);
	CHECK(system(cmd) == 0);
}

static void test_example(void)
{
	const char *tool = getenv("UPRGEN");
	struct stat st;
	if (!tool || stat("content/report.yaml", &st) != 0) {
		fprintf(stderr, "  (the example report is not tested: run "
			"from the repository with UPRGEN set)\n");
		return;
	}
	char cmd[512], pdf[192];
	snprintf(cmd, sizeof cmd, "%s build -C . --out %s/example --format pdf "
		 ">/dev/null 2>&1", tool, S_dir);
	CHECK(system(cmd) == 0);
	struct arena a;
	arena_init(&a);
	struct diags d;
	diags_init(&d);
	struct report *r = report_load(&a, &d, ".");
	CHECK(r && d.errors == 0);
	for (size_t i = 0; r && i < r->language_count; i++) {
		snprintf(pdf, sizeof pdf, "%s/example/report-%s.pdf", S_dir,
			 lang_code(r->languages[i]));
		S_check_example_pdf(pdf, r, r->languages[i]);
	}
	diags_free(&d);
	arena_free(&a);
}

int main(void)
{
	snprintf(S_dir, sizeof S_dir, "/tmp/uprgen-pdf-XXXXXX");
	if (!mkdtemp(S_dir))
		return 1;
	test_document();
	test_failed_build_keeps_old();
	test_charts();
	test_matrix();
	test_images();
	test_commonmark_spec();
	test_example();
	char cmd[128];
	if (getenv("KEEP"))
		return check_done("pdf");
	snprintf(cmd, sizeof cmd, "rm -rf %s", S_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", S_dir);
	return check_done("pdf");
}
