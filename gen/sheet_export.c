/*
 * sheet_export — `uprgen export sheets`: one .xlsx workbook per
 * institution (or per cluster), for the people who report what was done.
 *
 * Takes a project folder; loads and checks its content, builds the one
 * template context in the chosen language (context.h: every text, status
 * word, date and list as the report writes them) and writes, for each
 * institution named in the recommendations' `responsible` lists (those
 * with none together), a workbook with libxlsxwriter:
 *   - the recommendations sheet: id, text, cluster, current status and
 *     last measures (locked, grey), then the columns to fill (yellow):
 *     new status (a drop-down of the status words), date, measure,
 *     source, challenges, assistance; the sheet protected;
 *   - an instructions sheet in the report's language (labels sheet_*);
 *   - a hidden sheet of facts (sheet.h) that `import sheet` checks.
 * Every word comes from the labels (words.h).  Each workbook is written
 * beside its place and renamed into it when complete; an existing file
 * is never replaced without --force (and then nothing is written at all).
 *
 * Memory: an arena for the whole command; libxlsxwriter owns what it
 * allocates until workbook_close().
 */
#include "sheet.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "cli.h"
#include "context.h"
#include "diag.h"
#include "markdown.h"
#include "model.h"
#include "stamp.h"
#include "templates.h"
#include "value.h"
#include "words.h"

const char *const sheet_meta_keys[SHEET_META_COUNT] = {
	"format",   "outcome", "state", "cycle",
	"language", "institution", "slug", "sheet"};

static const char S_usage[] =
	"usage: uprgen export sheets [-C DIR] [--by responsible|cluster]\n"
	"                            [--out DIR] [--lang LL] [--force]\n"
	"\n"
	"Writes one spreadsheet (.xlsx) per institution named in the\n"
	"recommendations' 'responsible' lists (--by cluster: per cluster),\n"
	"for it to report what it did: its recommendations, locked, and the\n"
	"columns to fill in (new status, date, measure, source, challenges,\n"
	"assistance).  Read them back with 'uprgen import sheet'.\n"
	"  -C DIR     the report project folder (default: the current one)\n"
	"  --by       responsible (default) or cluster\n"
	"  --out DIR  where to write (default: DIR/build/sheets)\n"
	"  --lang LL  the language of the sheets (default: the report's first)\n"
	"  --force    replace files that are there already\n"
	"\n"
	"uprgen export matrix [-C DIR] [--lang LL] [--out FILE.docx] [--force]\n"
	"writes OHCHR's matrix as a Word document, the assessment filled in\n"
	"('uprgen export matrix --help').\n";

/* ------------------------------------------------------------- slugs */

/* The ASCII letter of a Latin letter with a mark (Latin-1 and Latin
 * Extended-A, what the report's languages use), or 0. */
static char S_fold(unsigned cp)
{
	static const char latin1[] = /* U+00C0..U+00FF */
		"aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
		"aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	if (cp == 0x152 || cp == 0x153)
		return 'o';
	if (cp >= 0x100 && cp <= 0x17F) {
		static const char ext[] = /* U+0100.., pairs */
			"aaaccccddeeeeegggghhiiiiiijjkklllllnnnnnooorrrsssstttuuuuuuwyzzzs";
		size_t i = (cp - 0x100) / 2;
		return i < sizeof ext - 1 ? ext[i] : 0;
	}
	return 0;
}

/* Whether cp is a letter of a script the ASCII slug would drop (Arabic,
 * Chinese, Cyrillic...): not Latin, not a space, punctuation, symbol or
 * format character. */
static bool S_other_script(unsigned cp)
{
	return cp >= 0x370 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
	       !(cp >= 0x3000 && cp <= 0x303F) &&
	       !(cp >= 0xFE00 && cp <= 0xFE0F) && !(cp >= 0xFE30 && cp <= 0xFE4F) &&
	       !(cp >= 0xFF00 && cp <= 0xFF20) && !(cp >= 0xFF3B && cp <= 0xFF40) &&
	       !(cp >= 0xFF5B && cp <= 0xFF65) && cp != 0xFEFF && cp < 0xFFF0 &&
	       !(cp >= 0xD800 && cp <= 0xDFFF);
}

const char *sheet_slug(struct arena *a, const char *name)
{
	size_t len = strlen(name);
	/* a name in another script keeps its letters: a number in its
	 * place would name another institution once one is added */
	bool keep = false;
	for (size_t i = 0; i < len && !keep;) {
		size_t adv = 1;
		keep = S_other_script(utf8_decode(name + i, len - i, &adv));
		i += adv ? adv : 1;
	}
	char out[256];
	size_t n = 0, chars = 0;
	bool dash = false;
	for (size_t i = 0; i < len && n < 240 && chars < 120;) {
		size_t adv = 1;
		unsigned cp = utf8_decode(name + i, len - i, &adv);
		const char *at = name + i;
		adv = adv ? adv : 1;
		i += adv;
		char c = 0;
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			c = (char)cp;
		else if (cp >= 'A' && cp <= 'Z')
			c = (char)(cp - 'A' + 'a');
		else
			c = S_fold(cp);
		/* the other letters as they are: any file system takes
		 * them; what some refuse (/ \ : * ? " < > |, controls) is
		 * ASCII, and spaces and punctuation become '-' */
		bool other = !c && keep && S_other_script(cp);
		if (!c && !other) {
			dash = n > 0;
			continue;
		}
		if (dash) {
			out[n++] = '-';
			chars++;
		}
		dash = false;
		if (c) {
			out[n++] = c;
		} else {
			memcpy(out + n, at, adv);
			n += adv;
		}
		chars++;
	}
	/* a long name ends at a word's end (110 characters, 220 bytes: a
	 * file name, with its date, stays within any system's 255 bytes);
	 * long enough for an institution's whole name: cut at 60, the
	 * names "Dirección General … (MINJUSDH)" and "… (Región Lima)" were
	 * one file name, and which of them took "-5" changed with the
	 * content's order */
	if (chars > 110 || n > 220) {
		size_t cut = 0, c = 0;
		for (size_t k = 0; k < n && c < 110;) {
			size_t adv = 1;
			utf8_decode(out + k, n - k, &adv);
			adv = adv ? adv : 1;
			if (k + adv > 220)
				break;
			k += adv;
			c++;
			cut = k;
		}
		size_t word = cut;
		while (word > 1 && out[word] != '-')
			word--;
		n = word > 1 ? word : cut;
	}
	return arena_strndup(a, out, n);
}

/* ------------------------------------------------------------ context */

static const struct value *S_get(const struct value *m, const char *key)
{
	const struct value *v = m && m->kind == VALUE_MAP
					? value_map_get(m, key)
					: NULL;
	return v;
}

static const char *S_str(const struct value *m, const char *key)
{
	const struct value *v = S_get(m, key);
	return v && v->kind == VALUE_STRING ? v->str : "";
}

/* Whom a workbook asks: an institution by name, or "your institution"
 * for a cluster's or for the recommendations that name no institution
 * (the name is then a theme's, or words, never one who reports). */
enum S_for { S_FOR_INSTITUTION, S_FOR_CLUSTER, S_FOR_UNASSIGNED };

/* One workbook: a name, its file, its recommendations (context items). */
struct S_group {
	const char *name, *slug, *path, *tmp;
	enum S_for asks;
	const struct value **recs;
	size_t count, cap;
};

struct S_export {
	struct arena *a;
	const struct report *r;
	const struct words *w;
	const struct value *ctx;
	struct S_group *groups;
	size_t group_count, group_cap;
	long long created; /* seconds from 1970 */
	const char *out;
};

static struct S_group *S_group(struct S_export *E, const char *name)
{
	for (size_t i = 0; i < E->group_count; i++)
		if (!strcmp(E->groups[i].name, name))
			return &E->groups[i];
	E->groups = arena_grow(E->a, E->groups, sizeof *E->groups,
			       E->group_count, &E->group_cap,
			       E->group_count + 1);
	struct S_group *g = &E->groups[E->group_count++];
	memset(g, 0, sizeof *g);
	g->name = name;
	return g;
}

static void S_add(struct S_export *E, struct S_group *g, const struct value *rec)
{
	g->recs = arena_grow(E->a, g->recs, sizeof *g->recs, g->count,
			     &g->cap, g->count + 1);
	g->recs[g->count++] = rec;
}

/* The workbooks: by institution (first-seen order, then sorted by file
 * name), or by cluster (in the clusters' order). */
static void S_group_all(struct S_export *E, bool by_cluster)
{
	const struct value *recs = S_get(E->ctx, "recommendations");
	if (by_cluster) {
		const struct value *cls = S_get(E->ctx, "clusters");
		for (size_t i = 0; cls && i < cls->count; i++) {
			const struct value *cl = cls->items[i];
			const struct value *list = S_get(cl, "recommendations");
			if (!list || !list->count)
				continue;
			struct S_group *g = S_group(E, S_str(cl, "title"));
			g->slug = S_str(cl, "id");
			g->asks = S_FOR_CLUSTER;
			for (size_t k = 0; k < list->count; k++)
				S_add(E, g, list->items[k]);
		}
		return;
	}
	const char *nobody = words_get(E->w, "sheet_unassigned");
	for (size_t i = 0; recs && i < recs->count; i++) {
		const struct value *rec = recs->items[i];
		const struct value *resp = S_get(rec, "responsible");
		if (!resp || !resp->count) {
			struct S_group *g = S_group(E, nobody);
			g->asks = S_FOR_UNASSIGNED;
			S_add(E, g, rec);
			continue;
		}
		for (size_t k = 0; k < resp->count; k++) {
			const char *name = S_str(resp->items[k], "name");
			if (*name)
				S_add(E, S_group(E, name), rec);
		}
	}
}

static int S_group_cmp(const void *pa, const void *pb)
{
	const struct S_group *a = pa, *b = pb;
	return strcmp(a->slug, b->slug);
}

/* File names: slugs, made unique ("-2"), sorted. */
static void S_name_files(struct S_export *E, bool by_cluster)
{
	for (size_t i = 0; i < E->group_count; i++) {
		struct S_group *g = &E->groups[i];
		if (!by_cluster || !g->slug)
			g->slug = sheet_slug(E->a, g->name);
		if (!*g->slug)
			g->slug = arena_printf(E->a, "%zu", i + 1);
	}
	qsort(E->groups, E->group_count, sizeof *E->groups, S_group_cmp);
	for (size_t i = 1; i < E->group_count; i++)
		for (size_t k = 0; k < i; k++)
			if (!strcmp(E->groups[i].slug, E->groups[k].slug)) {
				E->groups[i].slug = arena_printf(
					E->a, "%s-%zu", E->groups[i].slug,
					i + 1);
				k = (size_t)-1;
			}
	for (size_t i = 0; i < E->group_count; i++) {
		struct S_group *g = &E->groups[i];
		g->path = arena_printf(E->a, "%s/%s.xlsx", E->out, g->slug);
		g->tmp = arena_printf(E->a, "%s/.%s.xlsx.%ld.tmp", E->out,
				      g->slug, (long)getpid());
	}
}

/* ------------------------------------------------------------ writing */

struct S_formats {
	lxw_format *title, *head_report, *head_fill, *report, *fill,
		*fill_date, *text, *bold;
};

static void S_formats(lxw_workbook *wb, struct S_formats *f)
{
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 13);
	f->head_report = workbook_add_format(wb);
	f->head_fill = workbook_add_format(wb);
	f->report = workbook_add_format(wb);
	f->fill = workbook_add_format(wb);
	f->fill_date = workbook_add_format(wb);
	lxw_format *all[] = {f->head_report, f->head_fill, f->report, f->fill,
			     f->fill_date};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
		format_set_text_wrap(all[i]);
		format_set_align(all[i], LXW_ALIGN_VERTICAL_TOP);
		format_set_border(all[i], LXW_BORDER_THIN);
		format_set_border_color(all[i], 0xA6A6A6);
	}
	format_set_bold(f->head_report);
	format_set_bold(f->head_fill);
	format_set_bg_color(f->head_report, 0xD9D9D9);
	format_set_bg_color(f->head_fill, 0xFFD966);
	format_set_bg_color(f->report, 0xF2F2F2);
	format_set_bg_color(f->fill, 0xFFF2CC);
	format_set_bg_color(f->fill_date, 0xFFF2CC);
	format_set_unlocked(f->fill);
	format_set_unlocked(f->fill_date);
	format_set_num_format(f->fill_date, "yyyy-mm-dd");
	f->text = workbook_add_format(wb);
	format_set_text_wrap(f->text);
	format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
	f->bold = workbook_add_format(wb);
	format_set_bold(f->bold);
}

/* s cut to what a cell holds, at a character boundary. */
static const char *S_cell(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	if (n <= SHEET_MAX_CELL)
		return s;
	n = SHEET_MAX_CELL;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return arena_strndup(a, s, n);
}

/* Characters (not bytes) of s, for row heights. */
static size_t S_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The lines s takes in a column `width` characters wide. */
static size_t S_lines(const char *s, double width)
{
	size_t lines = 0;
	size_t per = width > 4 ? (size_t)(width * 1.1) : 4;
	while (*s) {
		const char *end = strchr(s, '\n');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		char *para = strndup(s, len);
		size_t chars = para ? S_chars(para) : len;
		free(para);
		lines += chars / per + 1;
		s += len + (end != NULL);
	}
	return lines ? lines : 1;
}

/* The report's columns (A to E) and the number with the ones to fill in
 * (A, F to K) each print on one landscape A4 page at 60 % */
static const double S_widths[SHEET_COLUMNS] = {9,  60, 24, 18, 55, 20,
					       14, 44, 28, 32, 32};

const char *const sheet_column_labels[SHEET_COLUMNS] = {
	"sheet_col_id",	       "sheet_col_text",   "sheet_col_cluster",
	"sheet_col_status",    "sheet_col_actions", "sheet_col_new_status",
	"sheet_col_date",      "sheet_col_action", "sheet_col_source",
	"sheet_col_challenges", "sheet_col_assistance"};

/* A measure's Markdown as a reader of the report reads it, a cell
 * holding no Markdown: its paragraphs' text apart by a blank line, without
 * the marks of emphasis or links, nor the escapes an imported sheet's
 * text was written with ("\*starred\*" read "*starred*"). */
static void S_plain_paragraphs(struct buf *out, const char *markdown)
{
	struct diags quiet; /* the text's problems are check's to say */
	diags_init(&quiet);
	cmark_node *doc = markdown_parse(markdown, strlen(markdown),
					 (struct source_pos){0}, &quiet);
	diags_free(&quiet);
	if (!doc) {
		buf_puts(out, markdown);
		return;
	}
	size_t start = out->len;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		/* the leaves that hold text: a paragraph, a heading, code */
		if (ev != CMARK_EVENT_ENTER ||
		    (t != CMARK_NODE_PARAGRAPH && t != CMARK_NODE_HEADING &&
		     t != CMARK_NODE_CODE_BLOCK))
			continue;
		if (out->len > start)
			buf_puts(out, "\n\n");
		if (t == CMARK_NODE_CODE_BLOCK) {
			const char *lit = cmark_node_get_literal(n);
			size_t len = lit ? strlen(lit) : 0;
			buf_put(out, lit ? lit : "",
				len && lit[len - 1] == '\n' ? len - 1 : len);
		} else {
			markdown_plain(out, n);
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
}

/* The last two measures: "30 June 2025: text" */
static const char *S_last_actions(struct S_export *E, const struct value *rec)
{
	const struct value *acts = S_get(rec, "actions");
	if (!acts || !acts->count)
		return "";
	struct buf b;
	buf_init(&b);
	size_t from = acts->count > 2 ? acts->count - 2 : 0;
	for (size_t i = from; i < acts->count; i++) {
		const struct value *act = acts->items[i];
		const char *date = S_str(S_get(act, "date"), "capitalized");
		if (b.len)
			buf_puts(&b, "\n\n");
		if (*date) {
			buf_puts(&b, date);
			buf_puts(&b, words_get(E->w, "colon"));
		}
		S_plain_paragraphs(&b, S_str(act, "text"));
	}
	const char *s = arena_strndup(E->a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* The status words of the drop-down, in the order of the statuses. */
static const char **S_status_words(struct S_export *E)
{
	const struct value *st = S_get(E->ctx, "statuses");
	size_t n = st ? st->count : 0;
	const char **list = arena_alloc(E->a, (n + 1) * sizeof *list);
	for (size_t i = 0; i < n; i++)
		list[i] = S_str(st->items[i], "label");
	return list;
}

static bool S_ok(lxw_error e)
{
	return e == LXW_NO_ERROR;
}

static bool S_write_recs(struct S_export *E, lxw_workbook *wb,
			 lxw_worksheet *ws, const struct S_formats *f,
			 const struct S_group *g)
{
	bool ok = true;
	const char *title = words_fill(
		E->a, words_get(E->w, "sheet_title"),
		(const char *const[]){"institution"},
		(const char *const[]){g->name}, 1);
	ok &= S_ok(worksheet_write_string(ws, SHEET_TITLE_ROW, 0,
					  S_cell(E->a, title), f->title));
	worksheet_set_row(ws, SHEET_TITLE_ROW, 24, NULL);
	for (int c = 0; c < SHEET_COLUMNS; c++) {
		ok &= S_ok(worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
						S_widths[c], NULL));
		ok &= S_ok(worksheet_write_string(
			ws, SHEET_HEADER_ROW, (lxw_col_t)c,
			words_get(E->w, sheet_column_labels[c]),
			c < SHEET_COL_NEW_STATUS ? f->head_report
						 : f->head_fill));
	}
	worksheet_set_row(ws, SHEET_HEADER_ROW, 32, NULL);
	for (size_t i = 0; i < g->count; i++) {
		const struct value *rec = g->recs[i];
		lxw_row_t row = (lxw_row_t)(SHEET_FIRST_ROW + i);
		const char *cells[SHEET_COL_NEW_STATUS] = {
			S_str(rec, "id"), S_str(rec, "text"),
			S_str(S_get(rec, "cluster"), "title"),
			S_str(S_get(rec, "status"), "label"),
			S_last_actions(E, rec)};
		size_t lines = 2;
		for (int c = 0; c < SHEET_COL_NEW_STATUS; c++) {
			const char *s = S_cell(E->a, cells[c]);
			ok &= S_ok(worksheet_write_string(ws, row, (lxw_col_t)c,
							  s, f->report));
			size_t l = S_lines(s, S_widths[c]);
			lines = l > lines ? l : lines;
		}
		for (int c = SHEET_COL_NEW_STATUS; c < SHEET_COLUMNS; c++)
			ok &= S_ok(worksheet_write_blank(
				ws, row, (lxw_col_t)c,
				c == SHEET_COL_DATE ? f->fill_date : f->fill));
		/* Excel keeps a row's height as written: room for the
		 * longest text, within its limit of 409 points */
		double height = 15.0 * (double)(lines > 27 ? 27 : lines) + 4;
		ok &= S_ok(worksheet_set_row(ws, row, height, NULL));
	}
	if (g->count) {
		lxw_row_t last = (lxw_row_t)(SHEET_FIRST_ROW + g->count - 1);
		lxw_data_validation status = {0};
		const char **words = S_status_words(E);
		/* Excel keeps a list of at most 255 characters, split at
		 * commas: status words that do not fit are read from the
		 * hidden sheet (column D) instead */
		size_t total = 0, n = 0;
		bool inline_ok = true;
		for (; words[n]; n++) {
			total += strlen(words[n]) + 1;
			inline_ok &= !strpbrk(words[n], ",\"");
		}
		if (inline_ok && total <= 255) {
			status.validate = LXW_VALIDATION_TYPE_LIST;
			status.value_list = (char **)words;
		} else {
			status.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
			status.value_formula = arena_printf(
				E->a, "=%s!$D$1:$D$%zu", SHEET_META_NAME, n);
		}
		status.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
		status.error_message =
			(char *)words_get(E->w, "sheet_status_error");
		ok &= S_ok(worksheet_data_validation_range(
			ws, SHEET_FIRST_ROW, SHEET_COL_NEW_STATUS, last,
			SHEET_COL_NEW_STATUS, &status));
		lxw_data_validation date = {0};
		date.validate = LXW_VALIDATION_TYPE_DATE;
		date.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		date.minimum_datetime = (lxw_datetime){2008, 1, 1, 0, 0, 0};
		date.maximum_datetime = (lxw_datetime){2199, 12, 31, 0, 0, 0};
		date.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
		date.error_message = (char *)words_get(E->w, "sheet_date_error");
		ok &= S_ok(worksheet_data_validation_range(
			ws, SHEET_FIRST_ROW, SHEET_COL_DATE, last,
			SHEET_COL_DATE, &date));
	}
	worksheet_freeze_panes(ws, SHEET_FIRST_ROW, 1);
	/* On paper: the eleven columns fitted to one page were 5-point
	 * text.  So two pages wide on landscape A4 at 60 %: the report's
	 * columns, then the ones to fill in (a break before them), the
	 * number and the headings repeated on each, printed across first
	 * so that a row's two halves follow each other.  (Excel ignores
	 * page breaks when fitting to pages: a scale it is.) */
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_set_print_scale(ws, 60);
	worksheet_print_across(ws);
	ok &= S_ok(worksheet_set_v_pagebreaks(
		ws, (lxw_col_t[]){SHEET_COL_NEW_STATUS, 0}));
	ok &= S_ok(worksheet_repeat_columns(ws, SHEET_COL_ID, SHEET_COL_ID));
	ok &= S_ok(worksheet_repeat_rows(ws, SHEET_HEADER_ROW,
					 SHEET_HEADER_ROW));
	/* the report's columns locked; widths and heights still the
	 * reader's to change */
	lxw_protection prot = {0};
	prot.format_columns = 1;
	prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
	(void)wb;
	return ok;
}

static bool S_write_instructions(struct S_export *E, lxw_worksheet *ws,
				 const struct S_formats *f,
				 const struct S_group *g, const char *sheet)
{
	const struct value *report = S_get(E->ctx, "report");
	const char **statuses = S_status_words(E);
	size_t n = 0;
	while (statuses[n])
		n++;
	const char *names[] = {"institution", "report",	     "sheet",
			       "statuses",    "example",     "prepared_by",
			       "cluster"};
	const char *vals[] = {
		g->name,
		S_str(report, "title"),
		sheet,
		words_join(E->w, E->a, statuses, n),
		S_str(S_get(report, "date"), "iso"),
		S_str(report, "prepared_by"),
		g->name};
	/* one column as wide as a portrait A4 page prints (its text
	 * wraps), and fitted to the page's width should a reader widen it */
	const double width = 80;
	bool ok = S_ok(worksheet_set_column(ws, 0, 0, width, NULL));
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	const char *title = words_fill(E->a, words_get(E->w, "sheet_title"),
				       names, vals, 1);
	ok &= S_ok(worksheet_write_string(ws, 0, 0, S_cell(E->a, title),
					  f->title));
	lxw_row_t row = 2;
	for (int i = 1; i <= 7; i++) {
		char key[48];
		snprintf(key, sizeof key, "sheet_intro_%d%s", i,
			 i > 1 || g->asks == S_FOR_INSTITUTION ? ""
			 : g->asks == S_FOR_CLUSTER	       ? "_cluster"
							       : "_unassigned");
		const char *pattern = words_find(E->w, key);
		if (!pattern || (i == 7 && !*vals[5]) ||
		    (i == 6 && !*vals[4]))
			continue;
		const char *s = S_cell(E->a, words_fill(E->a, pattern, names,
							vals, 7));
		ok &= S_ok(worksheet_write_string(ws, row, 0, s, f->text));
		double lines = (double)S_lines(s, width);
		ok &= S_ok(worksheet_set_row(ws, row, 15.0 * lines + 6, NULL));
		row++;
	}
	worksheet_protect(ws, NULL, NULL);
	return ok;
}

static bool S_write_meta(struct S_export *E, lxw_worksheet *ws,
			 const struct S_group *g, const char *sheet)
{
	const struct report *r = E->r;
	const char *vals[SHEET_META_COUNT] = {
		SHEET_FORMAT,
		r->outcome ? r->outcome : "",
		text_get(&r->state, report_first_language(r),
			 report_first_language(r)),
		arena_printf(E->a, "%d", r->cycle),
		lang_code(E->w->lang),
		/* import sheet writes it as reported_by: empty when the
		 * workbook asks no one institution */
		g->asks == S_FOR_INSTITUTION ? g->name : "",
		g->slug,
		sheet};
	bool ok = true;
	for (int i = 0; i < SHEET_META_COUNT; i++) {
		ok &= S_ok(worksheet_write_string(ws, (lxw_row_t)i, 0,
						  sheet_meta_keys[i], NULL));
		ok &= S_ok(worksheet_write_string(
			ws, (lxw_row_t)i, 1,
			S_cell(E->a, vals[i] ? vals[i] : ""), NULL));
	}
	/* the status words, for a drop-down that cannot hold them inline */
	const char **words = S_status_words(E);
	for (lxw_row_t i = 0; words[i]; i++)
		ok &= S_ok(worksheet_write_string(ws, i, 3,
						  S_cell(E->a, words[i]), NULL));
	worksheet_hide(ws);
	worksheet_protect(ws, NULL, NULL);
	return ok;
}

/* A sheet name Excel takes: the label, else a plain number. */
static const char *S_sheet_name(lxw_workbook *wb, const char *label,
				const char *fallback)
{
	return workbook_validate_sheet_name(wb, label) == LXW_NO_ERROR
		       ? label
		       : fallback;
}

static bool S_write(struct S_export *E, const struct S_group *g)
{
	lxw_workbook_options opt = {0};
	lxw_workbook *wb = workbook_new_opt(g->tmp, &opt);
	if (!wb)
		return false;
	lxw_doc_properties props = {0};
	props.title = (char *)words_fill(E->a, words_get(E->w, "sheet_title"),
					 (const char *const[]){"institution"},
					 (const char *const[]){g->name}, 1);
	props.created = (time_t)E->created;
	bool ok = S_ok(workbook_set_properties(wb, &props));
	struct S_formats f;
	S_formats(wb, &f);
	const char *sheet = S_sheet_name(
		wb, words_get(E->w, "sheet_recommendations"), "1");
	lxw_worksheet *recs = workbook_add_worksheet(wb, sheet);
	const char *iname = S_sheet_name(
		wb, words_get(E->w, "sheet_instructions"), "2");
	if (!strcmp(iname, sheet))
		iname = "2";
	lxw_worksheet *intro = workbook_add_worksheet(wb, iname);
	lxw_worksheet *meta = workbook_add_worksheet(wb, SHEET_META_NAME);
	ok &= recs && intro && meta;
	if (ok && lang_is_rtl(E->w->lang)) {
		/* Arabic: columns from the right, text overflowing leftwards
		 * into the sheet rather than out of it */
		worksheet_right_to_left(recs);
		worksheet_right_to_left(intro);
		worksheet_right_to_left(meta);
	}
	if (ok) {
		ok &= S_write_recs(E, wb, recs, &f, g);
		ok &= S_write_instructions(E, intro, &f, g, sheet);
		ok &= S_write_meta(E, meta, g, sheet);
		worksheet_activate(recs);
	}
	lxw_error e = workbook_close(wb);
	if (!ok || e != LXW_NO_ERROR) {
		fprintf(stderr, "%s: error: could not write it (%s)\n",
			g->path, e != LXW_NO_ERROR ? lxw_strerror(e)
						   : "a cell was refused");
		unlink(g->tmp);
		return false;
	}
	if (rename(g->tmp, g->path) != 0) {
		fprintf(stderr, "%s: error: %s\n", g->path, strerror(errno));
		unlink(g->tmp);
		return false;
	}
	return true;
}

/* ----------------------------------------------------------- command */

struct report *sheet_open(struct arena *a, struct diags *d, const char *dir,
			  const char *lang_arg, const char *command,
			  enum lang *lang, struct template_dirs *t,
			  struct words *w, int *usage)
{
	*usage = -1;
	*t = (struct template_dirs){0};
	struct report *r = report_load(a, d, dir);
	if (r)
		report_validate(r, d);
	*lang = r ? report_first_language(r) : LANG_EN;
	if (r && lang_arg) {
		int l = lang_from_code(lang_arg);
		bool listed = false;
		for (size_t i = 0; i < r->language_count; i++)
			listed |= l >= 0 && r->languages[i] == (enum lang)l;
		if (!listed) {
			struct buf langs;
			buf_init(&langs);
			for (size_t i = 0; i < r->language_count; i++)
				buf_printf(&langs, "%s%s", i ? ", " : "",
					   lang_code(r->languages[i]));
			*usage = cli_usage_error(
				command,
				"--lang '%s' is not a language of this report "
				"(its languages: %s)",
				lang_arg, langs.data);
			buf_free(&langs);
			return NULL;
		}
		*lang = (enum lang)l;
	}
	if (!r || d->errors)
		return NULL;
	*t = templates_find(a, dir, NULL, d);
	if (d->errors)
		return NULL;
	words_init(w, a, *lang, words_labels(a, d, t, *lang));
	return d->errors ? NULL : r;
}

/* When the exported files say they were made: the files' date of
 * stamp.h, in seconds from 1970. */
static long long S_created(const struct report *r)
{
	long long secs;
	stamp_seconds(r, &secs);
	return secs;
}

static int S_sheets(int argc, char **argv)
{
	const char *dir = ".", *out = NULL, *lang_code_arg = NULL;
	bool by_cluster = false, force = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(S_usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "-C") && i + 1 < argc) {
			dir = argv[++i];
		} else if (!strcmp(argv[i], "--out") && i + 1 < argc) {
			out = argv[++i];
		} else if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
			lang_code_arg = argv[++i];
		} else if (!strcmp(argv[i], "--by") && i + 1 < argc) {
			const char *by = argv[++i];
			if (!strcmp(by, "cluster"))
				by_cluster = true;
			else if (strcmp(by, "responsible"))
				return cli_usage_error(
					"export sheets",
					"--by is responsible or cluster, not "
					"'%s'",
					by);
		} else if (!strcmp(argv[i], "--force")) {
			force = true;
		} else {
			return cli_unexpected("export sheets", argv[i]);
		}
	}
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	int status = CLI_EXIT_CONTENT;
	enum lang lang;
	struct template_dirs t;
	struct words w;
	int usage;
	struct report *r = sheet_open(&a, &d, dir, lang_code_arg,
				      "export sheets", &lang, &t, &w, &usage);
	if (usage >= 0) {
		diags_free(&d);
		arena_free(&a);
		return usage;
	}
	diags_print(&d, stderr, 1);
	if (!r || d.errors)
		goto done;
	struct S_export E = {&a, r, &w, NULL, NULL, 0, 0, S_created(r),
			     out ? out : arena_path(&a, dir, "build/sheets")};
	E.ctx = context_build(&a, r, &w);
	S_group_all(&E, by_cluster);
	S_name_files(&E, by_cluster);
	size_t there = 0;
	for (size_t i = 0; i < E.group_count && !force; i++) {
		struct stat st;
		if (lstat(E.groups[i].path, &st) == 0) {
			fprintf(stderr,
				"%s: error: this file is there already; give "
				"--force to replace it\n",
				E.groups[i].path);
			there++;
		}
	}
	if (there)
		goto done;
	if (!file_mkdirs(E.out)) {
		fprintf(stderr, "%s: error: cannot make this folder: %s\n",
			E.out, strerror(errno));
		goto done;
	}
	status = 0;
	for (size_t i = 0; i < E.group_count; i++) {
		if (!S_write(&E, &E.groups[i])) {
			status = CLI_EXIT_CONTENT;
			continue;
		}
		printf("%s: %zu recommendation%s (%s)\n", E.groups[i].path,
		       E.groups[i].count, E.groups[i].count == 1 ? "" : "s",
		       E.groups[i].name);
	}
done:
	diags_free(&d);
	arena_free(&a);
	return status;
}

int sheet_export_command(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "sheets"))
		return S_sheets(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "matrix"))
		return matrix_export_command(argc - 1, argv + 1);
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(S_usage, stdout);
		return 0;
	}
	return cli_usage_error("export", "say what to export: sheets or matrix");
}
