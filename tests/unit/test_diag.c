/* test_diag — messages printed sorted by file and place, in the order
 * found at one place, each problem once (and counted once). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "check.h"

int main(void)
{
	struct diags d;
	diags_init(&d);
	struct source_pos b3 = {"b.md", 3, 1}, a7 = {"a.md", 7, 2};
	diag_warning(&d, b3, "second at b:3");
	diag_error(&d, a7, "at a:7");
	diag_warning(&d, b3, "first at b:3? no: found after");
	diag_warning(&d, b3, "second at b:3"); /* the same, found again */
	diag_error(&d, a7, "at a:7");          /* (another language) */
	diag_warning(&d, (struct source_pos){NULL, 0, 0}, "no file");
	CHECK(d.errors == 2 && d.warnings == 4);

	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	diags_print(&d, out, 0);
	fclose(out);
	CHECK_STR(text, "uprgen: warning: no file\n"
			"a.md:7:2: error: at a:7\n"
			"b.md:3:1: warning: second at b:3\n"
			"b.md:3:1: warning: first at b:3? no: found after\n");
	CHECK(d.errors == 1 && d.warnings == 3);
	free(text);
	diags_free(&d);

	/* a sheet's cells row by row, as one corrects them: G3 before A7,
	 * B10 after B9; another sheet after (by its name) */
	diags_init(&d);
	const char *cells[] = {"s.xlsx:Recs!A7", "s.xlsx:Recs!F8",
			       "s.xlsx:Recs!G3", "s.xlsx:Recs!B10",
			       "s.xlsx:Recs!B9", "s.xlsx:Info!C2",
			       "s.xlsx:Recs!AA3"};
	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++)
		diag_error(&d, (struct source_pos){cells[i], 0, 0}, "x");
	out = open_memstream(&text, &len);
	diags_print(&d, out, 0);
	fclose(out);
	CHECK_STR(text, "s.xlsx:Info!C2: error: x\n"
			"s.xlsx:Recs!G3: error: x\n"
			"s.xlsx:Recs!AA3: error: x\n"
			"s.xlsx:Recs!A7: error: x\n"
			"s.xlsx:Recs!F8: error: x\n"
			"s.xlsx:Recs!B9: error: x\n"
			"s.xlsx:Recs!B10: error: x\n");
	free(text);
	diags_free(&d);
	return check_done("diag");
}
