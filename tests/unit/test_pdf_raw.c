/* test_pdf_raw — raw objects inside a libharu document, read back by
 * qpdf and poppler: a font written raw and put in a page's resources, a
 * raw stream, reserved objects filled later and referring to each other,
 * raw values on the catalog, a page and the trailer, the saved file read
 * from libharu's buffers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "pdf_int.h"

static void S_on_error(HPDF_STATUS e, HPDF_STATUS d, void *data)
{
	(void)d;
	*(HPDF_STATUS *)data = e;
}

/* The output of cmd (at most size - 1 bytes) into out. */
static void S_run(const char *cmd, char *out, size_t size)
{
	FILE *p = popen(cmd, "r");
	size_t n = p ? fread(out, 1, size - 1, p) : 0;
	out[n] = 0;
	if (p)
		pclose(p);
}

int main(void)
{
	const char *v = NULL;
	CHECK(pdf_raw_check(&v));
	CHECK(v && !strncmp(v, "2.", 2));

	HPDF_STATUS err = 0;
	HPDF_Doc doc = HPDF_New(S_on_error, &err);
	CHECK(doc != NULL);
	HPDF_Page page = HPDF_AddPage(doc);
	HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	CHECK(pdf_raw_number(page) > 0);

	/* a standard font, written raw, named U9 in the page's resources */
	const char *font = "/Type /Font /Subtype /Type1 /BaseFont /Helvetica";
	uint32_t f = pdf_raw_object(doc, font, strlen(font));
	CHECK(f > 0);
	CHECK(pdf_raw_resource(page, "Font", "U9", f));
	const char *ops = "BT /U9 12 Tf 72 720 Td (Hello raw) Tj ET\n";
	CHECK(pdf_raw_page_write(page, ops, strlen(ops)));

	/* two reserved objects naming each other, and a stream */
	uint32_t a = pdf_raw_reserve(doc, 2);
	CHECK(a > f);
	char body[64];
	snprintf(body, sizeof body, "/Next %u 0 R", (unsigned)(a + 1));
	CHECK(pdf_raw_fill(doc, a, body, strlen(body)));
	snprintf(body, sizeof body, "/Prev %u 0 R", (unsigned)a);
	CHECK(pdf_raw_fill(doc, a + 1, body, strlen(body)));
	CHECK(!pdf_raw_fill(doc, pdf_raw_number(page), "/X 1", 4));
	static const char data[] = "raw stream data, deflated";
	uint32_t s = pdf_raw_stream(doc, "/Type /Test", data, sizeof data - 1,
				    true);
	CHECK(s > 0);

	char ref[64];
	snprintf(ref, sizeof ref, "[%u 0 R %u 0 R]", (unsigned)a, (unsigned)s);
	CHECK(pdf_raw_set(pdf_raw_catalog(doc), "UprgenTest", ref));
	CHECK(pdf_raw_set(pdf_raw_catalog(doc), "UprgenTest", ref)); /* once */
	CHECK(pdf_raw_set(page, "Tabs", "/S"));
	CHECK(pdf_raw_set(pdf_raw_trailer(doc), "ID", "[<00FF> <00FF>]"));
	struct buf t;
	buf_init(&t);
	pdf_raw_text(&t, "é\xF0\x9F\x98\x80", 100);
	CHECK_STR(t.data, "<FEFF00E9D83DDE00>");
	buf_free(&t);

	struct buf out;
	buf_init(&out);
	CHECK(pdf_raw_save(doc, &out));
	CHECK(out.len > 0 && !memcmp(out.data, "%PDF-", 5));
	CHECK(!pdf_raw_save(doc, &out)); /* once */
	CHECK(err == 0);
	HPDF_Free(doc);

	char path[] = "/tmp/test_pdf_raw-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	CHECK(write(fd, out.data, out.len) == (ssize_t)out.len);
	close(fd);
	buf_free(&out);

	char cmd[256], got[4096];
	snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1 && echo ok",
		 path);
	S_run(cmd, got, sizeof got);
	CHECK_STR(got, "ok\n");
	snprintf(cmd, sizeof cmd, "pdftotext %s - 2>&1", path);
	S_run(cmd, got, sizeof got);
	CHECK(!strncmp(got, "Hello raw", 9)); /* and no warning */
	snprintf(cmd, sizeof cmd,
		 "qpdf --show-object=%u --filtered-stream-data %s", (unsigned)s,
		 path);
	S_run(cmd, got, sizeof got);
	CHECK_STR(got, data);
	snprintf(cmd, sizeof cmd, "qpdf --show-object=%u %s", (unsigned)s,
		 path);
	S_run(cmd, got, sizeof got);
	CHECK(strstr(got, "/Filter /FlateDecode") && strstr(got, "/Type /Test"));
	snprintf(cmd, sizeof cmd,
		 "qpdf --show-object=%u %s; qpdf --show-object=%u %s; "
		 "qpdf --show-object=trailer %s",
		 (unsigned)a, path, (unsigned)a + 1, path, path);
	S_run(cmd, got, sizeof got);
	char want[64];
	snprintf(want, sizeof want, "<< /Next %u 0 R >>", (unsigned)a + 1);
	CHECK(strstr(got, want) != NULL);
	snprintf(want, sizeof want, "<< /Prev %u 0 R >>", (unsigned)a);
	CHECK(strstr(got, want) != NULL);
	CHECK(strstr(got, "/ID [ <00ff> <00ff> ]") != NULL);
	snprintf(cmd, sizeof cmd, "qpdf --show-object=1 %s", path);
	S_run(cmd, got, sizeof got);
	snprintf(want, sizeof want, "/UprgenTest [ %u 0 R %u 0 R ]",
		 (unsigned)a, (unsigned)s);
	CHECK(strstr(got, want) != NULL);
	unlink(path);
	return check_done("pdf_raw");
}
