/*
 * sheet_import — `uprgen import sheet FILE.xlsx`: a spreadsheet that
 * `uprgen export sheets` wrote, filled in by an institution, into
 * content/progress/INSTITUTION-DATE.yaml.
 *
 * Takes the project (loaded and checked as for a build) and the file,
 * read whole (bounded) by the one Office reader (office.h).  The hidden
 * sheet of facts (sheet.h) must name this report (its outcome, State and
 * cycle); its language gives the status words the drop-down offered
 * (labels status_*; the YAML names are taken too) and the headings the
 * columns are found by (labels sheet_col_*).  Every row is checked:
 * the number (a recommendation of the report), the status, the date
 * (YYYY-MM-DD, a real day), a source only with a measure; each problem is
 * reported at its cell ("FILE:SHEET!F7: error: ...") and then nothing is
 * written.  Rows that say nothing are counted, not written.
 *
 * A row already in a file of content/progress/ (the same
 * recommendation, date, status, measure, challenges and assistance) is
 * left out: importing the same sheet twice adds nothing.  A file that is
 * there keeps its entries word for word (they may be written by hand,
 * in several languages, with comments): the rows are added to it, and
 * an entry for the same recommendation and date is replaced only with
 * --force.  A file of another institution is never written into.  What
 * changed is printed: statuses that move, measures added, entries added,
 * replaced and kept, rows left empty.
 *
 * Memory: one arena for the command.
 */
#include "sheet.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "escape.h"
#include "model.h"
#include "office.h"
#include "templates.h"
#include "words.h"
#include "yamlwrite.h"

enum { S_MAX_FILE = 64 * 1024 * 1024 };

static const char S_usage[] =
	"usage: uprgen import sheet FILE.xlsx [-C DIR] [--force]\n"
	"\n"
	"Reads a spreadsheet written by 'uprgen export sheets' and filled in\n"
	"by an institution, checks every row (number, status, date), and\n"
	"writes what it reports to content/progress/INSTITUTION-DATE.yaml.\n"
	"Problems are printed as FILE:SHEET!CELL: error: MESSAGE, and then\n"
	"nothing is written.  Importing the same sheet again adds nothing.\n"
	"  -C DIR     the report project folder (default: the current one)\n"
	"  --force    replace the file's entries for the same recommendation\n"
	"             and date (its other entries are always kept)\n";

/* One row that reports something. */
struct S_row {
	const struct recommendation *rec;
	unsigned row;
	char date[11];
	bool has_status;
	enum status status;
	const char *action, *source, *challenges, *assistance;
};

struct S_import {
	struct arena *a;
	struct diags *d;
	const struct report *r;
	const struct office_book *book;
	const struct office_sheet *sheet;
	const struct template_dirs *t; /* the labels of every language */
	const char *meta[SHEET_META_COUNT];
	/* the 1-based column of each, found by its heading; 0: absent */
	unsigned col[SHEET_COLUMNS];
	struct words w;
	struct S_row *rows;
	size_t row_count, row_cap, empty;
	bool said_placeholder; /* that no date is compared with 'adopted' */
};

static const char *S_text(const struct office_sheet *s, unsigned row,
			  unsigned col)
{
	const struct office_xcell *c = office_sheet_cell(s, row, col);
	if (!c || !c->text)
		return "";
	return c->text;
}

/* A cell's text as the sheet shows it: a number as its format shows it,
 * in the sheet's language ("75 %", "12,345.68"), not as stored ("0.75",
 * "12345.678"). */
static const char *S_shown(struct S_import *I, unsigned row, unsigned col)
{
	const struct office_xcell *c = office_sheet_cell(I->sheet, row, col);
	if (c && c->type == OFFICE_NUMBER)
		return words_cell_number(&I->w, I->a, c->number,
					 c->shown.decimals, c->shown.percent);
	return S_text(I->sheet, row, col);
}

/* s without the blanks around it (in the arena). */
static const char *S_trim(struct arena *a, const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && strchr(" \t\r\n", s[n - 1]))
		n--;
	return arena_strndup(a, s, n);
}

static struct source_pos S_at(struct S_import *I, unsigned row, unsigned col)
{
	return office_cell_pos(I->a, I->book, I->sheet, row, col);
}

/* ----------------------------------------------------- the sheet's facts */

static const struct office_sheet *S_find_sheet(const struct office_book *b,
					       const char *name)
{
	for (size_t i = 0; i < b->sheet_count; i++)
		if (!strcmp(b->sheets[i].name, name))
			return &b->sheets[i];
	return NULL;
}

/* The hidden sheet: made by export sheets, for this report. */
static bool S_read_meta(struct S_import *I, const struct template_dirs *t)
{
	const struct office_book *b = I->book;
	const struct office_sheet *m = S_find_sheet(b, SHEET_META_NAME);
	if (!m) {
		diag_error(I->d, (struct source_pos){b->file, 0, 0},
			   "this workbook was not written by 'uprgen export "
			   "sheets' (it has no sheet '%s'); export the "
			   "institutions' sheets from this report and have "
			   "them filled in",
			   SHEET_META_NAME);
		return false;
	}
	for (unsigned i = 0; i < SHEET_META_COUNT; i++) {
		const char *key = S_text(m, i + 1, 1);
		I->meta[i] = S_text(m, i + 1, 2);
		if (strcmp(key, sheet_meta_keys[i])) {
			diag_error(I->d, office_cell_pos(I->a, b, m, i + 1, 1),
				   "the sheet '%s' has been changed (here "
				   "should be '%s'); export the sheet again",
				   SHEET_META_NAME, sheet_meta_keys[i]);
			return false;
		}
	}
	if (strcmp(I->meta[SHEET_META_FORMAT], SHEET_FORMAT)) {
		diag_error(I->d, office_cell_pos(I->a, b, m, 1, 2),
			   "this sheet's format is '%s'; this uprgen reads "
			   "'%s' (export the sheet again)",
			   diag_quote(I->a, I->meta[SHEET_META_FORMAT]),
			   SHEET_FORMAT);
		return false;
	}
	const struct report *r = I->r;
	enum lang first = report_first_language(r);
	const char *state = text_get(&r->state, first, first);
	const char *cycle = arena_printf(I->a, "%d", r->cycle);
	const char *outcome = r->outcome ? r->outcome : "";
	/* the State as any of the report's languages names it (a name
	 * given in more languages since the export, another first) */
	bool same_state = r->state.any &&
			  !strcmp(r->state.any, I->meta[SHEET_META_STATE]);
	for (int k = 0; k < LANG_COUNT && !same_state; k++)
		same_state = r->state.by_lang[k] &&
			     !strcmp(r->state.by_lang[k],
				     I->meta[SHEET_META_STATE]);
	/* a sheet exported while 'outcome' was still what 'new' wrote is
	 * this report's when its State and cycle are: the officer gives
	 * the symbol while the ministries fill their sheets in */
	bool early = !strcmp(I->meta[SHEET_META_OUTCOME],
			     REPORT_OUTCOME_PLACEHOLDER) &&
		     strcmp(outcome, REPORT_OUTCOME_PLACEHOLDER);
	bool same = (early ||
		     !strcmp(I->meta[SHEET_META_OUTCOME], outcome)) &&
		    same_state && !strcmp(I->meta[SHEET_META_CYCLE], cycle);
	if (same && early)
		diag_warning(I->d, office_cell_pos(I->a, b, m, 2, 2),
			     "this sheet was exported before the outcome's "
			     "symbol was given (%s); its State and cycle are "
			     "this report's, so its rows are read as this "
			     "report's (%s)",
			     REPORT_OUTCOME_PLACEHOLDER, outcome);
	if (!same) {
		diag_error(I->d, office_cell_pos(I->a, b, m, 2, 2),
			   "this sheet belongs to another report (%s, %s, "
			   "cycle %s); this project is %s, %s, cycle %s",
			   diag_quote(I->a, I->meta[SHEET_META_OUTCOME]),
			   diag_quote(I->a, I->meta[SHEET_META_STATE]),
			   diag_quote(I->a, I->meta[SHEET_META_CYCLE]),
			   outcome, state ? state : "", cycle);
		return false;
	}
	int l = lang_from_code(I->meta[SHEET_META_LANGUAGE]);
	if (l < 0) {
		diag_error(I->d, office_cell_pos(I->a, b, m, 5, 2),
			   "'%s' is not a language uprgen knows",
			   diag_quote(I->a, I->meta[SHEET_META_LANGUAGE]));
		return false;
	}
	words_init(&I->w, I->a, (enum lang)l,
		   words_labels(I->a, I->d, t, (enum lang)l));
	I->t = t;
	const char *slug = I->meta[SHEET_META_SLUG];
	if (!*slug || strcmp(sheet_slug(I->a, slug), slug)) {
		diag_error(I->d, office_cell_pos(I->a, b, m, 7, 2),
			   "'%s' cannot name a file; export the sheet again",
			   diag_quote(I->a, slug));
		return false;
	}
	I->sheet = S_find_sheet(b, I->meta[SHEET_META_SHEET]);
	if (!I->sheet) {
		diag_error(I->d, (struct source_pos){b->file, 0, 0},
			   "the sheet '%s' is missing; it holds the "
			   "recommendations to fill in",
			   diag_quote(I->a, I->meta[SHEET_META_SHEET]));
		return false;
	}
	return true;
}

/* --------------------------------------------------------- the headings */

/* "I" for column 9 */
static const char *S_column(struct S_import *I, unsigned col)
{
	const char *ref = office_cell_ref(I->a, 1, col);
	return arena_strndup(I->a, ref, strlen(ref) - 1);
}

/* The column of each heading of row 2, by its label in the sheet's
 * language: a column inserted, deleted or moved must not file one text
 * under another field (an internal note published as the source).  A
 * heading that is no column's, a column to fill in that is missing, or
 * text under no heading is an error: the rows are not read then. */
static bool S_read_headings(struct S_import *I)
{
	const struct office_sheet *s = I->sheet;
	const unsigned hrow = SHEET_HEADER_ROW + 1;
	size_t errors = I->d->errors;
	const char *label[SHEET_COLUMNS];
	for (unsigned k = 0; k < SHEET_COLUMNS; k++)
		label[k] = words_get(&I->w, sheet_column_labels[k]);
	bool *headed = arena_alloc(I->a, (s->cols + 2) * sizeof *headed);
	for (unsigned c = 1; c <= s->cols; c++) {
		const char *h = S_trim(I->a, S_text(s, hrow, c));
		if (!*h)
			continue;
		headed[c] = true;
		unsigned k = 0;
		while (k < SHEET_COLUMNS && strcasecmp(h, label[k]))
			k++;
		if (k == SHEET_COLUMNS) {
			diag_error(I->d, S_at(I, hrow, c),
				   "'%s' is not a heading of this sheet (%s); "
				   "delete that column or export the sheet "
				   "again",
				   diag_quote(I->a, h),
				   c <= SHEET_COLUMNS
					   ? arena_printf(I->a,
							  "expected here: '%s'",
							  label[c - 1])
					   : arena_printf(I->a,
							  "it ends with '%s'",
							  label[SHEET_COLUMNS -
								1]));
		} else if (I->col[k]) {
			diag_error(I->d, S_at(I, hrow, c),
				   "the column '%s' is there twice (also "
				   "column %s); delete one",
				   label[k],
				   S_column(I, I->col[k]));
		} else {
			I->col[k] = c;
		}
	}
	/* the report's grey columns are not read back: only the number
	 * and the columns to fill in must be there */
	for (unsigned k = 0; k < SHEET_COLUMNS; k++) {
		bool needed = k == SHEET_COL_ID || k >= SHEET_COL_NEW_STATUS;
		if (needed && !I->col[k])
			diag_error(I->d, S_at(I, hrow, k + 1),
				   "the column '%s' is missing (it was column "
				   "%s); put it back or export the sheet again",
				   label[k], S_column(I, k + 1));
	}
	/* text in a column with no heading would be lost without a word */
	unsigned said = 0;
	for (size_t i = office_sheet_row_start(s, hrow + 1); i < s->count;
	     i++) {
		const struct office_xcell *x = &s->cells[i];
		if (x->col == said || headed[x->col] ||
		    !*S_trim(I->a, x->text))
			continue;
		diag_error(I->d, S_at(I, x->row, x->col),
			   "this column has no heading, so its text ('%s') "
			   "would be lost; move it to the column it belongs "
			   "to",
			   diag_quote(I->a, x->text));
		said = x->col;
	}
	return I->d->errors == errors;
}

/* ------------------------------------------------------------- the rows */

static const struct recommendation *S_find_rec(const struct report *r,
					       const char *id)
{
	for (size_t i = 0; i < r->rec_count; i++)
		if (r->recs[i].id && !strcmp(r->recs[i].id, id))
			return &r->recs[i];
	return NULL;
}

static bool S_id_shaped(const char *s)
{
	if (!*s || strlen(s) > MODEL_MAX_ID)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= 'A' && *p <= 'Z') || *p == '.' || *p == '-' ||
		      *p == '_'))
			return false;
	return true;
}

static bool S_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* "YYYY-MM-DD", a real day of the years a report's dates may have */
static bool S_date_ok(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= days[m - 1] + (m == 2 && S_leap(y));
}

/* The status a cell names: a word of the drop-down (any case), or its
 * YAML name; -1 when neither. */
/* The status s names in the sheet's language, as typed by hand too
 * ("выполнена", "Mise en oeuvre", "منفذة": words_fold), or by its YAML
 * name; -1: none. */
static int S_status(struct S_import *I, const char *s)
{
	const char *folded = words_fold(I->a, s);
	for (int st = 0; st < STATUS_COUNT; st++) {
		const char *name = status_name((enum status)st);
		if (!strcmp(folded,
			    words_fold(I->a, words_named(&I->w, "status",
							 name))) ||
		    !strcmp(s, name))
			return st;
	}
	return -1;
}

/* The language, other than the sheet's, whose labels name status s
 * ("Implemented" in a Spanish sheet), or -1: for the message. */
static int S_status_language(struct S_import *I, const char *s)
{
	struct diags quiet;
	diags_init(&quiet);
	int found = -1;
	const char *folded = words_fold(I->a, s);
	for (int l = 0; l < LANG_COUNT && found < 0; l++) {
		if (l == (int)I->w.lang)
			continue;
		struct words other;
		words_init(&other, I->a, (enum lang)l,
			   words_labels(I->a, &quiet, I->t, (enum lang)l));
		for (int st = 0; st < STATUS_COUNT && found < 0; st++)
			if (!strcmp(folded,
				    words_fold(I->a,
					       words_named(&other, "status",
							   status_name(
								   (enum status)st)))))
				found = l;
	}
	diags_free(&quiet);
	return found;
}

static const char *S_status_list(struct S_import *I)
{
	const char *words[STATUS_COUNT];
	for (int st = 0; st < STATUS_COUNT; st++)
		words[st] = words_named(&I->w, "status",
					status_name((enum status)st));
	struct buf b;
	buf_init(&b);
	for (int st = 0; st < STATUS_COUNT; st++)
		buf_printf(&b, "%s'%s'", st ? ", " : "", words[st]);
	const char *s = arena_strdup(I->a, b.data);
	buf_free(&b);
	return s;
}

/* The warnings 'uprgen check' would give for the date, said now: the
 * one who imports can still ask the focal point. */
static void S_warn_date(struct S_import *I, unsigned row, const char *date)
{
	const struct report *r = I->r;
	char bound[16];
	struct source_pos at = S_at(I, row, I->col[SHEET_COL_DATE]);
	if (r->adopted.present) {
		snprintf(bound, sizeof bound, "%04d-%02d-%02d", r->adopted.year,
			 r->adopted.month, r->adopted.day);
		bool before = strcmp(date, bound) < 0;
		/* today's date, that 'uprgen new' wrote, would blame every
		 * real date before it: said once, where it is written */
		if (before && r->adopted_placeholder && !I->said_placeholder) {
			I->said_placeholder = true;
			diag_warning(I->d, r->adopted.pos,
				     "the rows' dates are not compared with "
				     "'adopted': it is still the placeholder "
				     "'uprgen new' wrote (%s, marked %s); "
				     "'uprgen check' compares them once it is "
				     "the real date",
				     bound, REPORT_PLACEHOLDER_TAG);
		} else if (before && !r->adopted_placeholder) {
			diag_warning(I->d, at,
				     "%s is before the outcome was adopted "
				     "(%s): check the date",
				     date, bound);
			return;
		}
	}
	if (r->date.present) {
		snprintf(bound, sizeof bound, "%04d-%02d-%02d", r->date.year,
			 r->date.month, r->date.day);
		if (strcmp(date, bound) > 0)
			diag_warning(I->d, at,
				     "%s is after the report's date (%s): it "
				     "becomes the current status, but the "
				     "comparison at the report's date leaves it "
				     "out; check the date",
				     date, bound);
	}
}

/* One row: NULL when it says nothing; errors reported. */

/* A cell's text as the Markdown that shows it as typed
 * (escape_markdown_paragraphs), in a. */
static const char *S_markdown_of(struct arena *a, const char *cell)
{
	if (!*cell)
		return cell;
	struct buf b;
	buf_init(&b);
	escape_markdown_paragraphs(&b, cell, strlen(cell));
	const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

static void S_read_row(struct S_import *I, unsigned row)
{
	const struct office_sheet *s = I->sheet;
	const char *fill[SHEET_COLUMNS];
	bool any = false;
	for (unsigned c = SHEET_COL_NEW_STATUS; c < SHEET_COLUMNS; c++) {
		fill[c] = S_trim(I->a, c == SHEET_COL_DATE
					       ? S_text(s, row, I->col[c])
					       : S_shown(I, row, I->col[c]));
		/* a date alone reports nothing: an entry of it would be
		 * empty */
		any |= *fill[c] != '\0' && c != SHEET_COL_DATE;
	}
	const char *id = S_trim(I->a, S_text(s, row, I->col[SHEET_COL_ID]));
	if (!any) {
		I->empty += *id != '\0';
		return;
	}
	size_t errors = I->d->errors;
	struct S_row out = {0};
	out.row = row;
	if (!*id) {
		diag_error(I->d, S_at(I, row, I->col[SHEET_COL_ID]),
			   "this row reports something but has no "
			   "recommendation number");
	} else if (!S_id_shaped(id)) {
		diag_error(I->d, S_at(I, row, I->col[SHEET_COL_ID]),
			   "'%s' is not a recommendation number (e.g. "
			   "\"110.23\"); the numbers of the exported sheet "
			   "must stay as they are",
			   diag_quote(I->a, id));
	} else if (!(out.rec = S_find_rec(I->r, id))) {
		struct near n = near_start(id, 3);
		for (size_t i = 0; i < I->r->rec_count; i++)
			near_try(&n, I->r->recs[i].id);
		const char *best = n.best;
		diag_error(I->d, S_at(I, row, I->col[SHEET_COL_ID]),
			   "no recommendation of this report has the number "
			   "'%s'%s%s%s",
			   diag_quote(I->a, id), best ? "; did you mean '" : "",
			   best ? best : "", best ? "'?" : "");
	}
	const char *st = fill[SHEET_COL_NEW_STATUS];
	if (*st) {
		int k = S_status(I, st);
		int other = k < 0 ? S_status_language(I, st) : -1;
		if (other >= 0) {
			/* the language names, as the messages, in English */
			struct diags quiet;
			diags_init(&quiet);
			struct words en;
			words_init(&en, I->a, LANG_EN,
				   words_labels(I->a, &quiet, I->t, LANG_EN));
			diag_error(I->d,
				   S_at(I, row,
					I->col[SHEET_COL_NEW_STATUS]),
				   "'%s' is a status in %s, but this sheet is "
				   "in %s; choose one of %s",
				   diag_quote(I->a, st),
				   words_named(&en, "language",
					       lang_code((enum lang)other)),
				   words_named(&en, "language",
					       lang_code(I->w.lang)),
				   S_status_list(I));
			diags_free(&quiet);
		} else if (k < 0) {
			diag_error(I->d,
				   S_at(I, row,
					I->col[SHEET_COL_NEW_STATUS]),
				   "'%s' is not a status; choose one of %s",
				   diag_quote(I->a, st), S_status_list(I));
		}
		out.has_status = k >= 0;
		out.status = k >= 0 ? (enum status)k : STATUS_NOT_ASSESSED;
	}
	const struct office_xcell *dc =
		office_sheet_cell(s, row, I->col[SHEET_COL_DATE]);
	/* (digits of another script, a full-width hyphen: as typed with
	 * an Arabic or a Chinese keyboard) */
	const char *date = dc && dc->type == OFFICE_STRING
				   ? words_fold(I->a, fill[SHEET_COL_DATE])
				   : fill[SHEET_COL_DATE];
	if (!*date) {
		diag_error(I->d, S_at(I, row, I->col[SHEET_COL_DATE]),
			   "this row has no date; write the date the "
			   "information refers to, as YYYY-MM-DD");
	} else if ((dc->type != OFFICE_DATE && dc->type != OFFICE_STRING) ||
		   !S_date_ok(dc->type == OFFICE_DATE
				      ? arena_strndup(I->a, date, 10)
				      : date)) {
		diag_error(I->d, S_at(I, row, I->col[SHEET_COL_DATE]),
			   "'%s' is not a date; write it as YYYY-MM-DD, e.g. "
			   "\"2025-06-30\"",
			   diag_quote(I->a, dc->type == OFFICE_STRING
						    ? fill[SHEET_COL_DATE]
						    : date));
	} else {
		memcpy(out.date, date, 10);
		S_warn_date(I, row, out.date);
	}
	/* The measure, the challenges and the assistance are Markdown in
	 * the content; a cell holds what its writer typed, which shows as
	 * typed ("*" and "<b>" too), each line of it a paragraph.  The
	 * source is plain text. */
	const char *text[SHEET_COLUMNS];
	for (unsigned c = SHEET_COL_ACTION; c < SHEET_COLUMNS; c++)
		text[c] = c == SHEET_COL_SOURCE ? fill[c]
						: S_markdown_of(I->a, fill[c]);
	out.action = text[SHEET_COL_ACTION];
	out.source = text[SHEET_COL_SOURCE];
	out.challenges = text[SHEET_COL_CHALLENGES];
	out.assistance = text[SHEET_COL_ASSISTANCE];
	/* what the loader would refuse, refused here at its cell */
	for (unsigned c = SHEET_COL_ACTION; c < SHEET_COLUMNS; c++) {
		size_t max = c == SHEET_COL_SOURCE ? MODEL_MAX_TEXT_FIELD
						   : MODEL_MAX_MARKDOWN_FIELD;
		const char *t = text[c];
		const char *ctl = t;
		while (*ctl && ((unsigned char)*ctl >= 0x20 || *ctl == '\n' ||
				*ctl == '\t') && *ctl != 0x7F)
			ctl++;
		if (strlen(t) > max)
			diag_error(I->d, S_at(I, row, I->col[c]),
				   "this text is %zu bytes long; a cell may "
				   "hold at most %zu here",
				   strlen(t), max);
		else if (*ctl)
			diag_error(I->d, S_at(I, row, I->col[c]),
				   "this text holds the control character "
				   "U+%04X, which no report can show; delete it",
				   (unsigned char)*ctl);
	}
	if (*out.source && !*out.action)
		diag_error(I->d, S_at(I, row, I->col[SHEET_COL_SOURCE]),
			   "a source is given without a measure; write the "
			   "measure it documents in the column '%s'",
			   words_get(&I->w,
				     sheet_column_labels[SHEET_COL_ACTION]));
	if (I->d->errors > errors)
		return;
	I->rows = arena_grow(I->a, I->rows, sizeof *I->rows, I->row_count,
			     &I->row_cap, I->row_count + 1);
	I->rows[I->row_count++] = out;
}

/* ------------------------------------------------------------- writing */

/* Whether t is s: the same in every language, or in the sheet's
 * language l (as S_entry_text writes it in a report of several). */
static bool S_text_is(const struct text *t, const char *s, enum lang l)
{
	if (!*s)
		return !t->present;
	return t->present && ((t->any && !strcmp(t->any, s)) ||
			      (t->by_lang[l] && !strcmp(t->by_lang[l], s)));
}

static void S_date_of(const struct progress *p, char out[16])
{
	snprintf(out, 16, "%04d-%02d-%02d", p->date.year, p->date.month,
		 p->date.day);
}

/* Whether a file of content/progress/ already holds this row, word for
 * word: then importing it again adds nothing. */
static bool S_known(struct S_import *I, const struct S_row *row)
{
	const struct report *r = I->r;
	for (size_t i = 0; i < r->progress_count; i++) {
		const struct progress *p = &r->progress[i];
		if (p->rec != row->rec || !p->date.present)
			continue;
		char date[16];
		S_date_of(p, date);
		if (strcmp(date, row->date) || p->has_status != row->has_status ||
		    (row->has_status && p->status != row->status))
			continue;
		bool acts = *row->action
				    ? p->action_count == 1 &&
					      S_text_is(&p->actions[0].text,
							row->action, I->w.lang) &&
					      S_text_is(&p->actions[0].source,
							row->source, I->w.lang)
				    : p->action_count == 0;
		if (acts &&
		    S_text_is(&p->challenges, row->challenges, I->w.lang) &&
		    S_text_is(&p->assistance, row->assistance, I->w.lang))
			return true;
	}
	return false;
}

/*
 * The file the rows go to, as its text lies there.  Its entries are kept
 * as written (comments, every language, the writer's layout): an entry
 * the sheet supersedes (the same recommendation and date) has its lines
 * replaced by the new entry, new rows are appended, and every other byte
 * stays.  So the file must be a block list whose entries start at the
 * line's start ("- id: ..."), as uprgen and the README write them.
 */
struct S_old {
	const struct progress *p;
	size_t from, to; /* the entry's bytes; the comments and blank lines
			    after it, up to the next entry, stay */
	size_t by;       /* the row that replaces it, plus 1; 0: kept */
};

struct S_target {
	const char *path;
	char *text; /* NULL: a new file */
	size_t len;
	struct S_old *old;
	size_t count, cap;
};

enum S_fit { S_FIT_NEW, S_FIT_OURS, S_FIT_OTHERS, S_FIT_LAYOUT };

static int S_old_cmp(const void *pa, const void *pb)
{
	const struct S_old *a = pa, *b = pb;
	return (a->p->pos.line > b->p->pos.line) -
	       (a->p->pos.line < b->p->pos.line);
}

/* Whether the entry was reported by the sheet's institution (or says by
 * whom not at all).  A sheet for no one institution (a cluster's) only
 * joins entries that name no one either. */
static bool S_ours(struct S_import *I, const struct progress *p)
{
	const struct text *t = &p->reported_by;
	if (!t->present)
		return true;
	const char *inst = I->meta[SHEET_META_INSTITUTION];
	if (!*inst)
		return false;
	if (t->any && !strcmp(t->any, inst))
		return true;
	for (int l = 0; l < LANG_COUNT; l++)
		if (t->by_lang[l] && !strcmp(t->by_lang[l], inst))
			return true;
	return false;
}

/* The line that starts at s: blank, a comment at its start, or the
 * start of the document's markers ("---", "%YAML"). */
static bool S_line_between(const char *s, const char *end, bool head)
{
	const char *p = s;
	while (p < end && (*p == ' ' || *p == '\r'))
		p++;
	if (p == end || *p == '\n' || (p == s && *p == '#'))
		return true;
	return head && p == s && (*p == '%' || !strncmp(p, "---", 3));
}

static size_t S_next_line(const char *text, size_t len, size_t at)
{
	const char *nl = memchr(text + at, '\n', len - at);
	return nl ? (size_t)(nl - text) + 1 : len;
}

/* Reads path and lays out its entries; says whether the rows may go
 * there (any_owner: entries are only to be taken out of it, whoever
 * reported the others). */
static enum S_fit S_target_open(struct S_import *I, const char *path,
				bool any_owner, struct S_target *T)
{
	memset(T, 0, sizeof *T);
	T->path = path;
	int err = file_read_all(path, S_MAX_FILE, &T->text, &T->len);
	if (err == ENOENT)
		return S_FIT_NEW;
	if (err)
		return S_FIT_LAYOUT;
	const struct report *r = I->r;
	bool others = false;
	for (size_t i = 0; i < r->progress_count; i++) {
		const struct progress *p = &r->progress[i];
		if (!p->pos.file || strcmp(p->pos.file, path))
			continue;
		others |= !S_ours(I, p);
		T->old = arena_grow(I->a, T->old, sizeof *T->old, T->count,
				    &T->cap, T->count + 1);
		T->old[T->count++] = (struct S_old){p, 0, 0, 0};
	}
	if (others && !any_owner)
		return S_FIT_OTHERS;
	if (T->count)
		qsort(T->old, T->count, sizeof *T->old, S_old_cmp);
	/* line by line: each entry starts where the model says, at a
	 * "- " of column 1; between entries only comments and blanks
	 * begin at column 1 */
	const char *s = T->text;
	size_t at = 0, k = 0;
	int line = 1;
	while (at < T->len) {
		size_t end = S_next_line(s, T->len, at);
		if (k < T->count && line == T->old[k].p->pos.line) {
			if (T->old[k].p->pos.column != 3 || end - at < 2 ||
			    strncmp(s + at, "- ", 2))
				return S_FIT_LAYOUT;
			T->old[k].from = at;
			if (k)
				T->old[k - 1].to = at;
			k++;
		} else if (s[at] != ' ' &&
			   !S_line_between(s + at, s + end, k == 0)) {
			return S_FIT_LAYOUT;
		}
		at = end;
		line++;
	}
	if (k < T->count)
		return S_FIT_LAYOUT;
	if (T->count)
		T->old[T->count - 1].to = T->len;
	/* an entry ends at its last line of its own: the comments and
	 * blank lines after it belong to what follows */
	for (size_t i = 0; i < T->count; i++) {
		struct S_old *o = &T->old[i];
		size_t first_end = S_next_line(s, T->len, o->from);
		size_t cut = o->to;
		for (size_t a2 = first_end; a2 < o->to;) {
			size_t e = S_next_line(s, T->len, a2);
			if (!S_line_between(s + a2, s + e, false))
				cut = e;
			a2 = e;
		}
		o->to = cut > first_end ? cut : first_end;
	}
	return S_FIT_OURS;
}

/* A text of the sheet: in a report of several languages, given as the
 * sheet's language's ({es: …}), so that the other languages show it as
 * a translation still missing (check says so), marked as Spanish; in a
 * report of one, plain. */
static void S_entry_text(struct S_import *I, struct yamlwrite *y,
			 const char *key, const char *text)
{
	yamlwrite_text(y, key, text,
		       I->r->language_count < 2 ? NULL : lang_code(I->w.lang));
}

/* One entry, as a list of one ("- id: ...\n  date: ...\n"). */
static void S_entry_yaml(struct S_import *I, struct buf *out,
			 const struct S_row *row)
{
	struct yamlwrite y;
	yamlwrite_init(&y, out);
	yamlwrite_begin_list(&y);
	yamlwrite_begin_map(&y);
	yamlwrite_key(&y, "id");
	yamlwrite_quoted(&y, row->rec->id);
	yamlwrite_key(&y, "date");
	yamlwrite_quoted(&y, row->date);
	if (*I->meta[SHEET_META_INSTITUTION])
		S_entry_text(I, &y, "reported_by",
			     I->meta[SHEET_META_INSTITUTION]);
	if (row->has_status) {
		yamlwrite_key(&y, "status");
		yamlwrite_string(&y, status_name(row->status));
	}
	if (*row->action) {
		yamlwrite_key(&y, "actions");
		yamlwrite_begin_list(&y);
		yamlwrite_begin_map(&y);
		S_entry_text(I, &y, "text", row->action);
		if (*row->source)
			S_entry_text(I, &y, "source", row->source);
		yamlwrite_end_map(&y);
		yamlwrite_end_list(&y);
	}
	if (*row->challenges)
		S_entry_text(I, &y, "challenges", row->challenges);
	if (*row->assistance)
		S_entry_text(I, &y, "assistance", row->assistance);
	yamlwrite_end_map(&y);
	yamlwrite_end_list(&y);
	yamlwrite_finish(&y);
}

/* The file's new text: the old one with the superseded entries' lines
 * replaced, and the other new rows after it (a new file: a comment, then
 * the rows). */
/* The file's new text: the rows in place of the entries they replace
 * and after the others; rows_here false: the replaced entries only taken
 * out (a file the rows do not go to). */
static void S_compose(struct S_import *I, const struct S_target *T,
		      const bool *keep, const char *file_name, bool rows_here,
		      struct buf *out)
{
	bool *placed = arena_alloc(I->a, (I->row_count + 1) * sizeof *placed);
	if (!T->text) {
		struct yamlwrite y;
		yamlwrite_init(&y, out);
		const char *inst = I->meta[SHEET_META_INSTITUTION];
		yamlwrite_comment(
			&y, arena_printf(I->a,
					 "%s%s, imported by 'uprgen import sheet' "
					 "from %s.\nEdit it as any content file; "
					 "'uprgen check' checks it.",
					 /* (a name may want an article: none
					  * written before it) */
					 *inst ? "Reported by: " : "What was reported (a "
							  "workbook for no one "
							  "institution: add "
							  "reported_by if you "
							  "know who)",
					 *inst ? inst : "",
					 file_name));
		yamlwrite_finish(&y);
	} else {
		size_t at = 0;
		for (size_t k = 0; k < T->count; k++) {
			const struct S_old *o = &T->old[k];
			if (!o->by)
				continue;
			buf_put(out, T->text + at, o->from - at);
			/* one entry per recommendation and date: the first
			 * of several gives its place to the row */
			if (rows_here && !placed[o->by - 1])
				S_entry_yaml(I, out, &I->rows[o->by - 1]);
			placed[o->by - 1] = true;
			at = o->to;
		}
		buf_put(out, T->text + at, T->len - at);
		if (out->len && out->data[out->len - 1] != '\n')
			buf_puts(out, "\n");
	}
	/* a file whose entries stand apart gets the new ones apart too */
	bool apart = T->text && T->len && strstr(T->text, "\n\n- ");
	for (size_t i = 0; i < I->row_count && rows_here; i++) {
		if (!keep[i] || placed[i])
			continue;
		if (apart)
			buf_puts(out, "\n");
		S_entry_yaml(I, out, &I->rows[i]);
	}
}

/* The status before a row of date: the last point of the history dated
 * on or before it that no entry the sheet replaces (in any of the nt
 * files) gave.  (The current status, after the row's date, said "stays
 * implemented" of a row dated before any assessment.) */
static enum status S_before(const struct S_target *T, size_t nt,
			    const struct recommendation *rec, const char *date)
{
	for (size_t i = rec->history_count; i-- > 1;) {
		const struct status_point *h = &rec->history[i];
		char on[16];
		snprintf(on, sizeof on, "%04d-%02d-%02d", h->date.year,
			 h->date.month, h->date.day);
		if (strcmp(on, date) > 0)
			continue;
		bool replaced = false;
		for (size_t t = 0; h->from && t < nt; t++)
			for (size_t k = 0; k < T[t].count; k++)
				replaced |= T[t].old[k].p == h->from &&
					    T[t].old[k].by;
		if (!replaced)
			return h->status;
	}
	return rec->history_count ? rec->history[0].status : rec->status;
}

/* "110.90 (2025-06-30), 110.52 (2025-07-01)" of the old entries replaced
 * (by != 0) or kept. */
static const char *S_old_list(struct S_import *I, const struct S_target *T,
			      bool replaced, size_t *n)
{
	struct buf b;
	buf_init(&b);
	*n = 0;
	for (size_t k = 0; k < T->count; k++) {
		const struct S_old *o = &T->old[k];
		if (!o->by != !replaced)
			continue;
		char date[16];
		S_date_of(o->p, date);
		buf_printf(&b, "%s%s (%s)", (*n)++ ? ", " : "", o->p->id, date);
	}
	const char *s = arena_strdup(I->a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

/* The file the rows go to: INSTITUTION-DATE.yaml, unless it holds what
 * another institution reported or is laid out in a way whose entries
 * cannot be kept word for word; then INSTITUTION-DATE-2.yaml, -3... */
static bool S_choose(struct S_import *I, const char *dir, const char *latest,
		     struct S_target *T)
{
	for (int n = 1; n < 100; n++) {
		const char *path =
			n == 1 ? arena_printf(I->a, "%s/%s-%s.yaml", dir,
					      I->meta[SHEET_META_SLUG], latest)
			       : arena_printf(I->a, "%s/%s-%s-%d.yaml", dir,
					      I->meta[SHEET_META_SLUG], latest,
					      n);
		enum S_fit fit = S_target_open(I, path, false, T);
		if (fit == S_FIT_NEW || fit == S_FIT_OURS)
			return true;
		printf("  %s holds %s: the rows go to another file\n", path,
		       fit == S_FIT_OTHERS
			       ? "what another institution reported"
			       : "entries laid out in a way this import "
				 "cannot add to without rewriting them");
		free(T->text);
	}
	fprintf(stderr, "%s/%s-%s.yaml: error: 99 files of that name are "
			"there already; merge some by hand\n",
		dir, I->meta[SHEET_META_SLUG], latest);
	return false;
}

/* Whether row supersedes entry p (dated date): the same recommendation
 * and date; or the same measure, word for word with its source, that
 * this institution reported for it under another date: the date
 * corrected (a year mistyped, the sheet sent again), which else stood
 * twice, the wrong date first among the measures and in the status's
 * history. */
static bool S_supersedes(struct S_import *I, const struct S_row *row,
			 const struct progress *p, const char *date)
{
	if (row->rec != p->rec)
		return false;
	if (!strcmp(row->date, date))
		return true;
	return *row->action && p->action_count == 1 && S_ours(I, p) &&
	       S_text_is(&p->actions[0].text, row->action, I->w.lang) &&
	       S_text_is(&p->actions[0].source, row->source, I->w.lang);
}

/* Marks the entries of T that a kept row supersedes (o->by: that row,
 * plus 1); counts the rows that replace one in replacing. */
static void S_mark_replaced(struct S_import *I, struct S_target *T,
			    bool rows_here, const bool *keep, bool *replacing)
{
	for (size_t k = 0; k < T->count; k++) {
		struct S_old *o = &T->old[k];
		char date[16];
		S_date_of(o->p, date);
		/* in a file the rows do not go to, only this institution's
		 * entries are the sheet's to replace */
		if (!rows_here && !S_ours(I, o->p))
			continue;
		for (size_t i = 0; i < I->row_count && !o->by; i++)
			if (keep[i] && S_supersedes(I, &I->rows[i], o->p, date))
				o->by = i + 1;
		if (o->by)
			replacing[o->by - 1] = true;
	}
}

/* The other files of content/progress/ with an entry of this institution
 * that a kept row supersedes (S_supersedes): a corrected sheet whose
 * latest date moved names another file than the first import's, and
 * both versions would stand.  Appends them to *T
 * (*n of them), marked.  False when one cannot be rewritten entry by
 * entry (said at its place). */
static bool S_elsewhere(struct S_import *I, struct S_target **T, size_t *n,
			const bool *keep, bool *replacing, struct diags *d)
{
	const struct report *r = I->r;
	bool ok = true;
	for (size_t i = 0; i < r->progress_count; i++) {
		const struct progress *p = &r->progress[i];
		if (!p->pos.file || !p->date.present || !S_ours(I, p))
			continue;
		bool seen = false;
		for (size_t t = 0; t < *n; t++)
			seen |= !strcmp((*T)[t].path, p->pos.file);
		char date[16];
		S_date_of(p, date);
		bool reported = false;
		for (size_t k = 0; k < I->row_count; k++)
			reported |= keep[k] && S_supersedes(I, &I->rows[k], p,
							    date);
		if (seen || !reported)
			continue;
		*T = xrealloc(*T, (*n + 1) * sizeof **T);
		struct S_target *o = &(*T)[*n];
		if (S_target_open(I, p->pos.file, true, o) != S_FIT_OURS) {
			diag_error(d, p->pos,
				   "this entry for %s (%s) is what the sheet "
				   "reports again, with other content, but "
				   "its file is laid out in a way this "
				   "import cannot rewrite entry by entry: "
				   "take it out by hand, then import again",
				   p->id, date);
			free(o->text);
			ok = false;
			continue;
		}
		(*n)++;
		S_mark_replaced(I, o, false, keep, replacing);
	}
	return ok;
}

/* Writes text over path (beside, then renamed). */
static bool S_replace_file(const char *path, const struct buf *text,
			   struct arena *a)
{
	const char *tmp = arena_printf(a, "%s.%ld.tmp", path, (long)getpid());
	int err = file_write_all(tmp, text->data ? text->data : "", text->len);
	if (!err && rename(tmp, path) != 0)
		err = errno;
	if (err) {
		unlink(tmp);
		fprintf(stderr, "%s: error: cannot write it: %s\n", path,
			strerror(err));
	}
	return !err;
}

/* Writes the file (beside, then renamed), and takes the entries the
 * rows replace out of the other files that held them; prints what
 * changed. */
static int S_write(struct S_import *I, bool force)
{
	bool *keep = arena_alloc(I->a, (I->row_count + 1) * sizeof *keep);
	size_t fresh = 0;
	const char *latest = NULL;
	for (size_t i = 0; i < I->row_count; i++) {
		keep[i] = !S_known(I, &I->rows[i]);
		fresh += keep[i];
		if (keep[i] && (!latest || strcmp(I->rows[i].date, latest) > 0))
			latest = I->rows[i].date;
	}
	if (!fresh) {
		printf("nothing new: the %zu row%s of %s that report "
		       "something %s in content/progress/ already (%zu "
		       "left empty)\n",
		       I->row_count, I->row_count == 1 ? "" : "s",
		       I->book->file, I->row_count == 1 ? "is" : "are",
		       I->empty);
		return 0;
	}
	const char *dir = arena_path(I->a, I->r->content_dir, "progress");
	/* T[0]: the file the rows go to; then the files that only lose
	 * the entries the rows replace */
	size_t nt = 1;
	struct S_target *T = xmalloc(sizeof *T);
	int status = CLI_EXIT_CONTENT;
	if (!S_choose(I, dir, latest, &T[0])) {
		free(T);
		return status;
	}
	/* an entry for the same recommendation and date is what the row
	 * supersedes */
	bool *replacing =
		arena_alloc(I->a, (I->row_count + 1) * sizeof *replacing);
	S_mark_replaced(I, &T[0], true, keep, replacing);
	struct diags d;
	diags_init(&d);
	bool movable = S_elsewhere(I, &T, &nt, keep, replacing, &d);
	diags_print(&d, stderr, 0);
	diags_free(&d);
	if (!movable) {
		fprintf(stderr, "nothing was written\n");
		goto done;
	}
	size_t replaced = 0; /* rows that replace an entry */
	for (size_t i = 0; i < I->row_count; i++)
		replaced += replacing[i];
	size_t n_kept, n_replaced = 0;
	const char *kept_list = S_old_list(I, &T[0], false, &n_kept);
	struct buf replaced_list, emptied;
	buf_init(&replaced_list);
	buf_init(&emptied);
	for (size_t t = 0; t < nt; t++) {
		size_t n;
		const char *l = S_old_list(I, &T[t], true, &n);
		if (t && n == T[t].count)
			buf_printf(&emptied, "%s%s", emptied.len ? ", " : "",
				   T[t].path);
		if (n)
			buf_printf(&replaced_list, "%s%s%s%s",
				   n_replaced ? ", " : "", l, t ? " in " : "",
				   t ? T[t].path : "");
		n_replaced += n;
		if (!n || force)
			continue;
		size_t others = t ? T[t].count - n : n_kept;
		fprintf(stderr,
			"%s: error: this file has entries for %s that the "
			"sheet reports again, with other content or under "
			"another date%s; give --force to replace them (and "
			"only them: %s)\n",
			T[t].path, l,
			t ? arena_printf(I->a, ", reported by the same "
					       "institution (the sheet's rows "
					       "go to %s)",
					 T[0].path)
			  : "",
			others == 1 ? "the file's other entry stays as it is"
			: others    ? arena_printf(I->a, "the file's %zu other "
							 "entries stay as they "
							 "are",
					       others)
				    : "the file holds no other entry");
	}
	if (n_replaced && !force) {
		buf_free(&replaced_list);
		buf_free(&emptied);
		goto done;
	}
	const char *base = strrchr(I->book->file, '/');
	base = base ? base + 1 : I->book->file;
	struct buf out;
	buf_init(&out);
	S_compose(I, &T[0], keep, base, true, &out);
	bool same = T[0].text && T[0].len == out.len &&
		    !memcmp(T[0].text, out.data, out.len);
	status = 0;
	if (same) {
		printf("nothing new: %s holds these %zu row%s already\n",
		       T[0].path, fresh, fresh == 1 ? "" : "s");
	} else if (!file_mkdirs(dir)) {
		fprintf(stderr, "%s: error: cannot make this folder: %s\n", dir,
			strerror(errno));
		status = CLI_EXIT_CONTENT;
	} else if (!S_replace_file(T[0].path, &out, I->a)) {
		status = CLI_EXIT_CONTENT;
	}
	/* the rows are written: now the old versions go (a failure here
	 * leaves both, as before this import could tell) */
	for (size_t t = 1; t < nt && !status && !same; t++) {
		buf_clear(&out);
		S_compose(I, &T[t], keep, base, false, &out);
		if (!S_replace_file(T[t].path, &out, I->a))
			status = CLI_EXIT_CONTENT;
	}
	buf_free(&out);
	if (status || same) {
		buf_free(&replaced_list);
		buf_free(&emptied);
		goto done;
	}
	const char *inst = I->meta[SHEET_META_INSTITUTION];
	printf("wrote %s: %zu row%s%s%s\n", T[0].path, fresh,
	       fresh == 1 ? "" : "s", *inst ? " from " : "", inst);
	for (size_t i = 0; i < I->row_count; i++) {
		const struct S_row *row = &I->rows[i];
		if (!keep[i])
			continue;
		enum status was = S_before(T, nt, row->rec, row->date);
		if (row->has_status && row->status != was)
			printf("  %s: status %s -> %s (%s)\n", row->rec->id,
			       status_name(was), status_name(row->status),
			       row->date);
		else if (row->has_status)
			printf("  %s: status stays %s (%s)\n", row->rec->id,
			       status_name(was), row->date);
		if (*row->action)
			printf("  %s: a new measure (%s)\n", row->rec->id,
			       row->date);
		if (*row->challenges || *row->assistance)
			printf("  %s: %s%s%s\n", row->rec->id,
			       *row->challenges ? "challenges" : "",
			       *row->challenges && *row->assistance ? " and "
								   : "",
			       *row->assistance ? "assistance" : "");
	}
	if (fresh - replaced)
		printf("  added: %zu entr%s\n", fresh - replaced,
		       fresh - replaced == 1 ? "y" : "ies");
	if (n_replaced)
		printf("  replaced: %s\n", replaced_list.data);
	if (emptied.len)
		printf("  now without any entry (you may delete it): %s\n",
		       emptied.data);
	if (n_kept)
		printf("  kept as they were: %s\n", kept_list);
	if (fresh < I->row_count)
		printf("  %zu row%s already in content/progress/, left out\n",
		       I->row_count - fresh,
		       I->row_count - fresh == 1 ? "" : "s");
	printf("  %zu row%s left empty\n", I->empty,
	       I->empty == 1 ? "" : "s");
	buf_free(&replaced_list);
	buf_free(&emptied);
done:
	for (size_t t = 0; t < nt; t++)
		free(T[t].text);
	free(T);
	return status;
}

/* ------------------------------------------------------------ command */

/* Cells merged over several rows show one text across them, and each
 * row takes it (office_sheet_cell): said, as it is a guess at what the
 * institution meant ("the same measure for both"). */
static void S_say_merges(struct S_import *I)
{
	const struct office_sheet *s = I->sheet;
	for (size_t i = 0; i < s->merge_count; i++) {
		const struct office_merge *m = &s->merges[i];
		if (m->row1 == m->row0 || m->row1 <= SHEET_FIRST_ROW)
			continue;
		diag_warning(I->d,
			     office_cell_pos(I->a, I->book, s, m->row0, m->col0),
			     "the cells %s:%s are merged: what %s holds is "
			     "taken for each of the rows %u to %u",
			     office_cell_ref(I->a, m->row0, m->col0),
			     office_cell_ref(I->a, m->row1, m->col1),
			     office_cell_ref(I->a, m->row0, m->col0), m->row0,
			     m->row1);
	}
}

static int S_run(const char *dir, const char *file, bool force)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct S_import I = {0};
	I.a = &a;
	I.d = &d;
	int status = CLI_EXIT_CONTENT;
	/* the project's own warnings are check's to say: said here, after
	 * every import, they hid the import's own lines */
	struct diags project;
	diags_init(&project);
	struct report *r = report_load(&a, &project, dir);
	if (r)
		report_validate(r, &project);
	I.r = r;
	size_t project_warnings = project.warnings;
	if (!r || project.errors) {
		diags_print(&project, stderr, 1);
		diags_free(&project);
		fprintf(stderr, "the project has errors: fix them first "
				"('uprgen check')\n");
		goto done;
	}
	diags_free(&project);
	struct template_dirs t = templates_find(&a, dir, NULL, &d);
	char *bytes = NULL;
	size_t len = 0;
	int err = file_read_all(file, S_MAX_FILE, &bytes, &len);
	if (err) {
		fprintf(stderr, "%s: error: %s\n", file,
			err == EFBIG ? "larger than 64 MiB; not a sheet that "
				       "export sheets wrote"
				     : file_error_text(err));
		goto done;
	}
	struct office_book book;
	bool ok = office_is_zip(bytes, len) &&
		  office_xlsx_read(&a, &d, file, bytes, len, &book);
	if (!office_is_zip(bytes, len)) {
		const char *other = office_other_kind(bytes, len);
		if (other)
			diag_error(&d, (struct source_pos){file, 0, 0},
				   "this is %s, not an .xlsx workbook: save "
				   "it as an Excel workbook (.xlsx)",
				   other);
		else
			diag_error(&d, (struct source_pos){file, 0, 0},
				   "this is not an .xlsx workbook");
	}
	free(bytes);
	I.book = &book;
	if (ok && S_read_meta(&I, &t) && S_read_headings(&I)) {
		S_say_merges(&I);
		for (unsigned row = SHEET_FIRST_ROW + 1;
		     row <= I.sheet->rows; row++)
			S_read_row(&I, row);
	}
	diags_print(&d, stderr, 0);
	if (d.errors) {
		fprintf(stderr, "%zu error%s: nothing was written\n", d.errors,
			d.errors == 1 ? "" : "s");
		goto done;
	}
	status = S_write(&I, force);
	if (project_warnings)
		fprintf(stderr, "(the project has %zu warning%s of its own: "
				"'uprgen check' lists them)\n",
			project_warnings, project_warnings == 1 ? "" : "s");
done:
	diags_free(&d);
	arena_free(&a);
	return status;
}

int sheet_import_command(int argc, char **argv)
{
	const char *dir = ".", *file = NULL;
	bool force = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(S_usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "-C") && i + 1 < argc) {
			dir = argv[++i];
		} else if (!strcmp(argv[i], "--force")) {
			force = true;
		} else if (argv[i][0] != '-' && !file) {
			file = argv[i];
		} else {
			return cli_unexpected("import sheet", argv[i]);
		}
	}
	if (!file)
		return cli_usage_error("import sheet",
				       "which file? uprgen import sheet "
				       "FILE.xlsx");
	return S_run(dir, file, force);
}
