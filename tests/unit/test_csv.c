/* csv: quoting, line ends, positions, malformed input, the real exports. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "csv.h"

/* Reads all of s; returns the rows as "a|b|c" lines joined with "\n". */
static char *S_rows(const char *s, size_t len, struct diags *d)
{
	struct csv_reader r;
	csv_init(&r, d, "t.csv", s, len, 0);
	struct buf out;
	buf_init(&out);
	while (csv_next(&r)) {
		for (size_t i = 0; i < r.count; i++) {
			if (i)
				buf_putc(&out, '|');
			buf_put(&out, r.fields[i].text, r.fields[i].len);
		}
		buf_putc(&out, '\n');
	}
	csv_free(&r);
	return buf_detach(&out);
}

static void S_check_rows(const char *input, const char *want)
{
	struct diags d;
	diags_init(&d);
	char *got = S_rows(input, strlen(input), &d);
	CHECK_STR(got, want);
	CHECK(d.errors == 0);
	free(got);
	diags_free(&d);
}

static void test_line_ends(void)
{
	S_check_rows("a,b\nc,d\n", "a|b\nc|d\n");
	S_check_rows("a,b\r\nc,d\r\n", "a|b\nc|d\n");
	S_check_rows("a,b\rc,d\r", "a|b\nc|d\n");
	S_check_rows("a,b\rc,d", "a|b\nc|d\n");
	S_check_rows("\xEF\xBB\xBFTo,Text\n", "To|Text\n");
	/* blank lines are not rows; empty fields are fields */
	S_check_rows("\n\r\na,,\n\n,b\n", "a||\n|b\n");
	S_check_rows("", "");
}

static void test_separators(void)
{
	/* a semicolon or tab locale's export; commas are then text */
	S_check_rows("a;\"b;c\";d,e\r\n1;2;3\r\n", "a|b;c|d,e\n1|2|3\n");
	S_check_rows("a\tb,c\td\n", "a|b,c|d\n");
	S_check_rows("\"x;y\",z\n", "x;y|z\n");
	S_check_rows("lone\n", "lone\n");
}

static void test_quotes(void)
{
	S_check_rows("\"a,b\",\"say \"\"hi\"\"\"\n", "a,b|say \"hi\"\n");
	S_check_rows("\"\",x\n", "|x\n");
	/* a line end inside quotes is one "\n", whatever it was */
	S_check_rows("\"l1\rl2\r\nl3\nl4\",z\r", "l1\nl2\nl3\nl4|z\n");
	S_check_rows("\"Guaran\xc3\xad Kaiow\xc3\xa1\"\n",
		     "Guaran\xc3\xad Kaiow\xc3\xa1\n");
}

static void test_positions(void)
{
	struct diags d;
	diags_init(&d);
	const char *s = "h1,h2\r\"multi\rline\",\xc3\xa9t\xc3\xa9,x\rlast,y";
	struct csv_reader r;
	csv_init(&r, &d, "t.csv", s, strlen(s), 0);
	CHECK(csv_next(&r) && r.row_line == 1);
	CHECK(csv_next(&r) && r.row_line == 2 && r.count == 3);
	CHECK(r.fields[0].pos.line == 2 && r.fields[0].pos.column == 1);
	/* after a quoted line end, and columns count characters */
	CHECK(r.fields[1].pos.line == 3 && r.fields[1].pos.column == 7);
	CHECK(r.fields[2].pos.line == 3 && r.fields[2].pos.column == 11);
	CHECK(csv_next(&r) && r.row_line == 4);
	CHECK_STR(r.fields[1].text, "y");
	CHECK(!csv_next(&r));
	csv_free(&r);
	CHECK(d.errors == 0);
	diags_free(&d);
}

static void S_check_error(const char *input, const char *want_rows,
			  int line, int column)
{
	struct diags d;
	diags_init(&d);
	char *got = S_rows(input, strlen(input), &d);
	CHECK_STR(got, want_rows);
	CHECK(d.errors == 1);
	if (d.count == 1) {
		CHECK(d.items[0].pos.line == line);
		CHECK(d.items[0].pos.column == column);
		if (d.items[0].pos.line != line ||
		    d.items[0].pos.column != column)
			fprintf(stderr, "  at %d:%d: %s\n",
				d.items[0].pos.line, d.items[0].pos.column,
				d.items[0].message);
	}
	free(got);
	diags_free(&d);
}

static void test_malformed(void)
{
	/* the quote that is never closed is the one reported */
	S_check_error("a,b\nc,\"open\nnever closed\n",
		      "a|b\nc|open\nnever closed\n\n",
		      2, 3);
	S_check_error("x,\"ab\"cd,e\n", "x|abcd|e\n", 1, 7);
	S_check_error("x,ab\"cd,e\n", "x|ab\"cd|e\n", 1, 5);
}

/* The UPR Info sample: 41,066 rows in five files, 11 fields each,
 * lone CR line ends, no quoting error. */
static void test_real_exports(void)
{
	const char *shared = getenv("SHARED");
	if (!shared)
		shared = "../shared";
	static const char *const files[] = {
		"sessions-1-5.csv",   "sessions-6-9.csv",
		"sessions-10-13.csv", "sessions-14-17.csv",
		"sessions-17-20.csv",
	};
	size_t rows = 0, bad_width = 0, errors = 0;
	for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/data/upr-info/%s", shared,
			 files[f]);
		char *text;
		size_t len;
		CHECK(file_read_all(path, 1 << 26, &text, &len) == 0);
		if (!text)
			continue;
		struct diags d;
		diags_init(&d);
		struct csv_reader r;
		csv_init(&r, &d, path, text, len, ',');
		CHECK(csv_next(&r) && r.count == 11 &&
		      !strcmp(r.fields[10].text, "Session"));
		while (csv_next(&r)) {
			rows++;
			bad_width += r.count != 11;
		}
		errors += d.errors;
		csv_free(&r);
		diags_free(&d);
		free(text);
	}
	CHECK(rows == 41066);
	CHECK(bad_width == 0);
	CHECK(errors == 0);
}

int main(void)
{
	test_line_ends();
	test_separators();
	test_quotes();
	test_positions();
	test_malformed();
	test_real_exports();
	return check_done("test_csv");
}
