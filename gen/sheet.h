/*
 * sheet — the spreadsheets institutions fill in: `uprgen export sheets`
 * writes one .xlsx per institution (sheet_export.c, libxlsxwriter) and
 * `uprgen import sheet` reads one back into content/progress/.
 *
 * The layout both sides agree on is here: the columns of the
 * recommendations sheet, the row the data starts on, and the hidden
 * sheet of facts that ties a workbook to its report (the outcome, the
 * State, the language, the institution), so that a sheet of another
 * report is refused.
 */
#ifndef UPRGEN_SHEET_H
#define UPRGEN_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "templates.h"
#include "util.h"
#include "words.h"

/* The columns of the recommendations sheet, A to K: the first five are
 * the report's (locked), the others the institution's to fill. */
enum sheet_column {
	SHEET_COL_ID,
	SHEET_COL_TEXT,
	SHEET_COL_CLUSTER,
	SHEET_COL_STATUS,
	SHEET_COL_ACTIONS,
	SHEET_COL_NEW_STATUS,
	SHEET_COL_DATE,
	SHEET_COL_ACTION,
	SHEET_COL_SOURCE,
	SHEET_COL_CHALLENGES,
	SHEET_COL_ASSISTANCE,
	SHEET_COLUMNS
};
/* The label of each column's heading (row 2), in the sheet's language:
 * export writes them, import finds the columns by them. */
extern const char *const sheet_column_labels[SHEET_COLUMNS];

enum {
	SHEET_TITLE_ROW = 0,  /* 0-based rows */
	SHEET_HEADER_ROW = 1,
	SHEET_FIRST_ROW = 2,
	/* one cell's text: Excel holds at most 32,767 characters */
	SHEET_MAX_CELL = 32000,
};

/* The name of the hidden sheet of facts, and its format tag (B1). */
#define SHEET_META_NAME "uprgen"
#define SHEET_FORMAT "uprgen-sheet-1"

/* The facts of the hidden sheet, one a row (key in A, value in B), in
 * this order. */
enum sheet_meta {
	SHEET_META_FORMAT,
	SHEET_META_OUTCOME,
	SHEET_META_STATE,
	SHEET_META_CYCLE,
	SHEET_META_LANGUAGE,
	SHEET_META_INSTITUTION,
	SHEET_META_SLUG,
	SHEET_META_SHEET, /* the name of the recommendations sheet */
	SHEET_META_COUNT
};
extern const char *const sheet_meta_keys[SHEET_META_COUNT];

/* name as a file name: lower-case ASCII letters and digits joined by
 * '-' ("Ministerio Público" -> "ministerio-publico"); a name with letters
 * of another script keeps them as written ("وزارة العمل" -> "وزارة-العمل",
 * "Министерство юстиции" -> "Министерство-юстиции"), never a character a
 * file system refuses.  At most 60 characters and 120 bytes, cut at a
 * word's end; "" when nothing is left; sheet_slug() of a slug is itself.
 * In the arena. */
const char *sheet_slug(struct arena *a, const char *name);

/* `uprgen export sheets ...` and `uprgen export matrix ...` (argv[0]
 * "export") */
int sheet_export_command(int argc, char **argv);

/* The export commands' start: the report of dir loaded and checked, the
 * language (lang_arg, "ru", or the report's first), its templates and
 * words (in a).  NULL when the content has errors (in d, not printed) or
 * when lang_arg is not a language of the report: then *usage is the
 * exit status of the usage error said for command ("export matrix"),
 * else -1. */
struct report *sheet_open(struct arena *a, struct diags *d, const char *dir,
			  const char *lang_arg, const char *command,
			  enum lang *lang, struct template_dirs *t,
			  struct words *w, int *usage);

/* `uprgen export matrix ...` (argv[0] "matrix"): matrix_export.c */
int matrix_export_command(int argc, char **argv);
/* `uprgen import sheet FILE ...` (argv[0] "sheet"; import.c hands it
 * over) */
int sheet_import_command(int argc, char **argv);

#endif
