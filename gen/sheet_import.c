/*
 * sheet_import — `uprgen import sheet FILE.xlsx`: a spreadsheet that
 * `uprgen export sheets` wrote, filled in by an institution, into
 * content/progress/INSTITUTION-DATE.yaml.
 *
 * Takes the project (loaded and checked as for a build) and the file,
 * read whole (bounded) by the one Office reader (office.h).  The hidden
 * sheet of facts (sheet.h) must name this report (its outcome, State and
 * cycle); its language gives the status words the drop-down offered
 * (labels status_*; the YAML names are taken too).  Every row is checked:
 * the number (a recommendation of the report), the status, the date
 * (YYYY-MM-DD, a real day), a source only with a measure; each problem is
 * reported at its cell ("FILE:SHEET!F7: error: ...") and then nothing is
 * written.  Rows that say nothing are counted, not written.
 *
 * A row already in another file of content/progress/ (the same
 * recommendation, date, status, measure, challenges and assistance) is
 * left out, and a file that would be written as it already is, is left
 * alone: importing the same sheet twice adds nothing.  A file that is
 * there with other entries is replaced only with --force.  What changed
 * is printed: statuses that move, measures added, rows left empty.
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
	"  --force    replace that file when it holds other entries\n";

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
	const char *meta[SHEET_META_COUNT];
	struct words w;
	struct S_row *rows;
	size_t row_count, row_cap, empty;
	const char *target; /* content/progress/SLUG-DATE.yaml */
};

static const char *S_text(const struct office_sheet *s, unsigned row,
			  unsigned col)
{
	const struct office_xcell *c = office_sheet_cell(s, row, col);
	if (!c || !c->text)
		return "";
	return c->text;
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
	bool same = !strcmp(I->meta[SHEET_META_OUTCOME], outcome) &&
		    !strcmp(I->meta[SHEET_META_STATE], state ? state : "") &&
		    !strcmp(I->meta[SHEET_META_CYCLE], cycle);
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
static int S_status(struct S_import *I, const char *s)
{
	for (int st = 0; st < STATUS_COUNT; st++) {
		const char *name = status_name((enum status)st);
		if (!strcasecmp(s, words_named(&I->w, "status", name)) ||
		    !strcmp(s, name))
			return st;
	}
	return -1;
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

/* One row: NULL when it says nothing; errors reported. */
static void S_read_row(struct S_import *I, unsigned row)
{
	const struct office_sheet *s = I->sheet;
	const char *fill[SHEET_COLUMNS];
	bool any = false;
	for (unsigned c = SHEET_COL_NEW_STATUS; c < SHEET_COLUMNS; c++) {
		fill[c] = S_trim(I->a, S_text(s, row, c + 1));
		any |= *fill[c] != '\0';
	}
	const char *id = S_trim(I->a, S_text(s, row, SHEET_COL_ID + 1));
	if (!any) {
		I->empty += *id != '\0';
		return;
	}
	size_t errors = I->d->errors;
	struct S_row out = {0};
	out.row = row;
	if (!*id) {
		diag_error(I->d, S_at(I, row, SHEET_COL_ID + 1),
			   "this row reports something but has no "
			   "recommendation number");
	} else if (!S_id_shaped(id)) {
		diag_error(I->d, S_at(I, row, SHEET_COL_ID + 1),
			   "'%s' is not a recommendation number (e.g. "
			   "\"110.23\"); the numbers of the exported sheet "
			   "must stay as they are",
			   diag_quote(I->a, id));
	} else if (!(out.rec = S_find_rec(I->r, id))) {
		const char *best = NULL;
		size_t best_d = 3;
		for (size_t i = 0; i < I->r->rec_count; i++) {
			const char *other = I->r->recs[i].id;
			size_t dist = other ? edit_distance(id, other) : 99;
			if (dist < best_d) {
				best_d = dist;
				best = other;
			}
		}
		diag_error(I->d, S_at(I, row, SHEET_COL_ID + 1),
			   "no recommendation of this report has the number "
			   "'%s'%s%s%s",
			   diag_quote(I->a, id), best ? "; did you mean '" : "",
			   best ? best : "", best ? "'?" : "");
	}
	const char *st = fill[SHEET_COL_NEW_STATUS];
	if (*st) {
		int k = S_status(I, st);
		if (k < 0)
			diag_error(I->d,
				   S_at(I, row, SHEET_COL_NEW_STATUS + 1),
				   "'%s' is not a status; choose one of %s",
				   diag_quote(I->a, st), S_status_list(I));
		out.has_status = k >= 0;
		out.status = k >= 0 ? (enum status)k : STATUS_NOT_ASSESSED;
	}
	const struct office_xcell *dc =
		office_sheet_cell(s, row, SHEET_COL_DATE + 1);
	const char *date = fill[SHEET_COL_DATE];
	if (!*date) {
		diag_error(I->d, S_at(I, row, SHEET_COL_DATE + 1),
			   "this row has no date; write the date the "
			   "information refers to, as YYYY-MM-DD");
	} else if ((dc->type != OFFICE_DATE && dc->type != OFFICE_STRING) ||
		   !S_date_ok(dc->type == OFFICE_DATE
				      ? arena_strndup(I->a, date, 10)
				      : date)) {
		diag_error(I->d, S_at(I, row, SHEET_COL_DATE + 1),
			   "'%s' is not a date; write it as YYYY-MM-DD, e.g. "
			   "\"2025-06-30\"",
			   diag_quote(I->a, date));
	} else {
		memcpy(out.date, date, 10);
	}
	out.action = fill[SHEET_COL_ACTION];
	out.source = fill[SHEET_COL_SOURCE];
	out.challenges = fill[SHEET_COL_CHALLENGES];
	out.assistance = fill[SHEET_COL_ASSISTANCE];
	/* what the loader would refuse, refused here at its cell */
	for (unsigned c = SHEET_COL_ACTION; c < SHEET_COLUMNS; c++) {
		size_t max = c == SHEET_COL_SOURCE ? MODEL_MAX_TEXT_FIELD
						   : MODEL_MAX_MARKDOWN_FIELD;
		const char *t = fill[c];
		const char *ctl = t;
		while (*ctl && ((unsigned char)*ctl >= 0x20 || *ctl == '\n' ||
				*ctl == '\t') && *ctl != 0x7F)
			ctl++;
		if (strlen(t) > max)
			diag_error(I->d, S_at(I, row, c + 1),
				   "this text is %zu bytes long; a cell may "
				   "hold at most %zu here",
				   strlen(t), max);
		else if (*ctl)
			diag_error(I->d, S_at(I, row, c + 1),
				   "this text holds the control character "
				   "U+%04X, which no report can show; delete it",
				   (unsigned char)*ctl);
	}
	if (*out.source && !*out.action)
		diag_error(I->d, S_at(I, row, SHEET_COL_SOURCE + 1),
			   "a source is given without a measure; write the "
			   "measure it documents in column %c",
			   'A' + SHEET_COL_ACTION);
	if (I->d->errors > errors)
		return;
	I->rows = arena_grow(I->a, I->rows, sizeof *I->rows, I->row_count,
			     &I->row_cap, I->row_count + 1);
	I->rows[I->row_count++] = out;
}

/* ------------------------------------------------------------- writing */

static bool S_text_is(const struct text *t, const char *s)
{
	if (!*s)
		return !t->present;
	return t->present && t->any && !strcmp(t->any, s);
}

/* Whether a file of content/progress/ other than the target already
 * holds this row. */
static bool S_known(struct S_import *I, const struct S_row *row)
{
	const struct report *r = I->r;
	for (size_t i = 0; i < r->progress_count; i++) {
		const struct progress *p = &r->progress[i];
		if (p->rec != row->rec || !p->date.present ||
		    (p->pos.file && !strcmp(p->pos.file, I->target)))
			continue;
		char date[16];
		snprintf(date, sizeof date, "%04d-%02d-%02d", p->date.year,
			 p->date.month, p->date.day);
		if (strcmp(date, row->date) || p->has_status != row->has_status ||
		    (row->has_status && p->status != row->status))
			continue;
		bool acts = *row->action
				    ? p->action_count == 1 &&
					      S_text_is(&p->actions[0].text,
							row->action) &&
					      S_text_is(&p->actions[0].source,
							row->source)
				    : p->action_count == 0;
		if (acts && S_text_is(&p->challenges, row->challenges) &&
		    S_text_is(&p->assistance, row->assistance))
			return true;
	}
	return false;
}

/* The status before this sheet: the last point of the history that no
 * entry of the target file gave. */
static enum status S_before(struct S_import *I, const struct recommendation *rec)
{
	for (size_t i = rec->history_count; i-- > 1;) {
		const struct progress *p = rec->history[i].from;
		if (!p || !p->pos.file || strcmp(p->pos.file, I->target))
			return rec->history[i].status;
	}
	return rec->history_count ? rec->history[0].status : rec->status;
}

static void S_yaml(struct S_import *I, struct buf *out, bool *keep,
		   const char *file_name)
{
	struct yamlwrite y;
	yamlwrite_init(&y, out);
	yamlwrite_comment(
		&y, arena_printf(I->a,
				 "What %s reported, imported by 'uprgen import "
				 "sheet' from %s.\nEdit it as any content file; "
				 "'uprgen check' checks it.",
				 I->meta[SHEET_META_INSTITUTION], file_name));
	yamlwrite_begin_list(&y);
	for (size_t i = 0; i < I->row_count; i++) {
		if (!keep[i])
			continue;
		const struct S_row *row = &I->rows[i];
		yamlwrite_begin_map(&y);
		yamlwrite_key(&y, "id");
		yamlwrite_quoted(&y, row->rec->id);
		yamlwrite_key(&y, "date");
		yamlwrite_quoted(&y, row->date);
		yamlwrite_key(&y, "reported_by");
		yamlwrite_string(&y, I->meta[SHEET_META_INSTITUTION]);
		if (row->has_status) {
			yamlwrite_key(&y, "status");
			yamlwrite_string(&y, status_name(row->status));
		}
		if (*row->action) {
			yamlwrite_key(&y, "actions");
			yamlwrite_begin_list(&y);
			yamlwrite_begin_map(&y);
			yamlwrite_key(&y, "text");
			yamlwrite_string(&y, row->action);
			if (*row->source) {
				yamlwrite_key(&y, "source");
				yamlwrite_string(&y, row->source);
			}
			yamlwrite_end_map(&y);
			yamlwrite_end_list(&y);
		}
		if (*row->challenges) {
			yamlwrite_key(&y, "challenges");
			yamlwrite_string(&y, row->challenges);
		}
		if (*row->assistance) {
			yamlwrite_key(&y, "assistance");
			yamlwrite_string(&y, row->assistance);
		}
		yamlwrite_end_map(&y);
	}
	yamlwrite_end_list(&y);
	yamlwrite_finish(&y);
}

/* Writes the file (beside, then renamed); prints what changed. */
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
	I->target = arena_printf(I->a, "%s/%s-%s.yaml", dir,
				 I->meta[SHEET_META_SLUG], latest);
	/* what the target held is not "known": recount against the others */
	fresh = 0;
	for (size_t i = 0; i < I->row_count; i++) {
		keep[i] = !S_known(I, &I->rows[i]);
		fresh += keep[i];
	}
	const char *base = strrchr(I->book->file, '/');
	base = base ? base + 1 : I->book->file;
	struct buf out;
	buf_init(&out);
	S_yaml(I, &out, keep, base);
	char *old = NULL;
	size_t old_len = 0;
	int err = file_read_all(I->target, S_MAX_FILE, &old, &old_len);
	bool same = !err && old_len == out.len &&
		    !memcmp(old, out.data, out.len);
	free(old);
	int status = 0;
	if (same) {
		printf("nothing new: %s holds these %zu row%s already\n",
		       I->target, fresh, fresh == 1 ? "" : "s");
	} else if (!err && !force) {
		fprintf(stderr,
			"%s: error: this file is there already, with other "
			"entries; give --force to replace it\n",
			I->target);
		status = CLI_EXIT_CONTENT;
	} else if (!file_mkdirs(dir)) {
		fprintf(stderr, "%s: error: cannot make this folder: %s\n", dir,
			strerror(errno));
		status = CLI_EXIT_CONTENT;
	} else {
		const char *tmp = arena_printf(I->a, "%s.%ld.tmp", I->target,
					       (long)getpid());
		err = file_write_all(tmp, out.data, out.len);
		if (!err && rename(tmp, I->target) != 0)
			err = errno;
		if (err) {
			unlink(tmp);
			fprintf(stderr, "%s: error: cannot write it: %s\n",
				I->target, strerror(err));
			status = CLI_EXIT_CONTENT;
		}
	}
	buf_free(&out);
	if (status || same)
		return status;
	printf("wrote %s: %zu row%s from %s\n", I->target, fresh,
	       fresh == 1 ? "" : "s", I->meta[SHEET_META_INSTITUTION]);
	for (size_t i = 0; i < I->row_count; i++) {
		const struct S_row *row = &I->rows[i];
		if (!keep[i])
			continue;
		enum status was = S_before(I, row->rec);
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
	if (fresh < I->row_count)
		printf("  %zu row%s already in content/progress/, left out\n",
		       I->row_count - fresh,
		       I->row_count - fresh == 1 ? "" : "s");
	printf("  %zu row%s left empty\n", I->empty,
	       I->empty == 1 ? "" : "s");
	return 0;
}

/* ------------------------------------------------------------ command */

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
	struct report *r = report_load(&a, &d, dir);
	if (r)
		report_validate(r, &d);
	I.r = r;
	if (!r || d.errors) {
		diags_print(&d, stderr, 1);
		fprintf(stderr, "the project has errors: fix them first "
				"('uprgen check')\n");
		goto done;
	}
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
	if (!office_is_zip(bytes, len))
		diag_error(&d, (struct source_pos){file, 0, 0},
			   "this is not an .xlsx workbook");
	free(bytes);
	I.book = &book;
	if (ok && S_read_meta(&I, &t)) {
		/* the target's entries are set aside by name before the
		 * date of the file is known: the slug is enough to tell */
		I.target = "";
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
			return cli_usage_error("import sheet",
					       "unexpected '%s'", argv[i]);
		}
	}
	if (!file)
		return cli_usage_error("import sheet",
				       "which file? uprgen import sheet "
				       "FILE.xlsx");
	return S_run(dir, file, force);
}
