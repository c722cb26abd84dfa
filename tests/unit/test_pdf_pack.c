/* test_pdf_pack — pages' contents deflated on a second thread come back
 * in page order and inflate to what was handed over: taken as soon as
 * handed, taken only at the end (the backlog deflated by the caller too),
 * and a document of one page (no thread). */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "../../gen/pdf_int.h"
#include "check.h"

/* A page's content: text that differs from page to page. */
static void S_content(struct buf *b, size_t page)
{
	buf_init(b);
	for (size_t line = 0; line < 200 + page % 7; line++)
		buf_printf(b, "BT /F1 10 Tf %zu %zu Td (page %zu line %zu) Tj ET\n",
			   page, line, page, line);
}

static bool S_inflates_to(const struct buf *packed, const struct buf *want)
{
	uLongf len = (uLongf)want->len + 16;
	char *out = malloc(len);
	bool same = out &&
		    uncompress((Bytef *)out, &len, (const Bytef *)packed->data,
			       (uLong)packed->len) == Z_OK &&
		    len == want->len && !memcmp(out, want->data, len);
	free(out);
	return same;
}

static void S_run(size_t pages, bool take_at_once)
{
	struct pdf_pack *p = pdf_pack_start(pages);
	struct buf *want = calloc(pages, sizeof *want);
	size_t taken = 0, good = 0;
	for (size_t i = 0; i < pages; i++) {
		struct buf content;
		S_content(&content, i);
		S_content(&want[i], i);
		pdf_pack_put(p, i, &content);
		CHECK(content.len == 0);
		while (take_at_once && taken <= i) {
			struct buf b;
			good += pdf_pack_take(p, taken, &b) &&
				S_inflates_to(&b, &want[taken]);
			buf_free(&b);
			taken++;
		}
	}
	for (; taken < pages; taken++) {
		struct buf b;
		good += pdf_pack_take(p, taken, &b) &&
			S_inflates_to(&b, &want[taken]);
		buf_free(&b);
	}
	CHECK(good == pages);
	pdf_pack_finish(p);
	for (size_t i = 0; i < pages; i++)
		buf_free(&want[i]);
	free(want);
}

int main(void)
{
	S_run(40, true);
	S_run(100, false);
	S_run(1, true);
	/* handed over and never taken: dropped (LeakSanitizer checks) */
	struct pdf_pack *p = pdf_pack_start(3);
	struct buf content;
	S_content(&content, 0);
	pdf_pack_put(p, 0, &content);
	pdf_pack_finish(p);
	return check_done("pdf_pack");
}
