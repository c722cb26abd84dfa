/*
 * load — content/ (YAML and Markdown files) to the content model.
 *
 * Each field is checked where it is read: shape, type, allowed values,
 * translations.  Nothing stops at the first problem: a bad field is
 * reported and left empty, and reading goes on, so that one run of
 * `uprgen check` shows everything to fix.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "model.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chart.h"
#include "value.h"
#include "yamlread.h"

struct S_loader {
	struct arena *a;
	struct diags *d;
	struct report *r;
	const char *root; /* the project folder, symbolic links resolved */
};

/* The fields each kind of entry may have; anything else gets a warning. */
static const char *const S_report_fields[] = {
	"state", "cycle",     "session",  "outcome",     "adopted",
	"period", "title",    "subtitle", "symbol",      "date",
	"languages", "prepared_by", "chapters", "site_url", "license", "received",
	"notes", "word_limit", "form", "organ", "bodies", "session_title",
	"session_venue", "unedited", "job_number", "state_in_sentence", NULL};
static const char *const S_period_fields[] = {"from", "to", NULL};
static const char *const S_cluster_fields[] = {"id", "title", "description",
					       NULL};
static const char *const S_rec_fields[] = {
	"id",	       "text",	  "states",	 "position", "cluster",
	"themes",      "groups",  "sdgs",	 "status",   "responsible",
	"actions",     "indicators", "related", "challenges", "assistance",
	NULL};
static const char *const S_action_fields[] = {"date", "text", "source",
					      NULL};
static const char *const S_progress_fields[] = {
	"id", "date", "reported_by", "status", "actions", "challenges",
	"assistance", NULL};
static const char *const S_related_fields[] = {"mechanism", "symbol", "para",
					       "text", NULL};
static const char *const S_stat_fields[] = {"id",    "title",  "unit",
					    "category", "source", "chart",
					    "series", NULL};
static const char *const S_series_fields[] = {"label", "values", NULL};

/* The targets of each SDG: numbered ones 1..n, then lettered a..; from the
 * UN global indicator framework (A/RES/71/313, annex), 169 targets. */
static const struct {
	int numbered;
	char last_letter; /* 0: none */
} S_sdg_targets[18] = {
	{0, 0},	  {5, 'b'}, {5, 'c'}, {9, 'd'},	 {7, 'c'},  {6, 'c'},
	{6, 'b'}, {3, 'b'}, {10, 'b'}, {5, 'c'}, {7, 'c'},  {7, 'c'},
	{8, 'c'}, {3, 'b'}, {7, 'c'},  {9, 'c'}, {10, 'b'}, {19, 0},
};

static struct source_pos S_file_pos(const char *file)
{
	struct source_pos p = {file, 0, 0};
	return p;
}

/* "did you mean" for a word not in `words`, or NULL. */
static const char *S_nearest(const char *word, const char *const *words)
{
	struct near n = near_start(word, 3);
	for (size_t i = 0; words[i]; i++)
		near_try(&n, words[i]);
	return n.best;
}

static void S_check_fields(struct S_loader *L, const struct value *map,
			   const char *const *known, const char *what)
{
	for (size_t i = 0; i < map->count; i++) {
		const struct value_entry *e = &map->entries[i];
		size_t k = 0;
		while (known[k] && strcmp(known[k], e->key))
			k++;
		if (known[k])
			continue;
		const char *near = S_nearest(e->key, known);
		if (near)
			diag_warning(L->d, e->key_pos,
				     "unknown field '%s' in %s (ignored); did "
				     "you mean '%s'?",
				     diag_quote(L->a, e->key), what, near);
		else
			diag_warning(L->d, e->key_pos,
				     "unknown field '%s' in %s (ignored)",
				     diag_quote(L->a, e->key), what);
	}
}

static bool S_is_scalar(const struct value *v)
{
	return v->kind != VALUE_LIST && v->kind != VALUE_MAP;
}

static bool S_expect(struct S_loader *L, const struct value *v,
		     enum value_kind kind, const char *field)
{
	if (v->kind == kind)
		return true;
	diag_error(L->d, v->pos, "'%s' must be %s, but here it is %s", field,
		   value_kind_name(kind), value_kind_name(v->kind));
	return false;
}

/* A required field: reports its absence at the entry's position. */
static const struct value *S_required(struct S_loader *L,
				      const struct value *map, const char *key,
				      const char *what)
{
	const struct value *v = value_map_get(map, key);
	if (!v || v->kind == VALUE_NULL)
		diag_error(L->d, v ? v->pos : map->pos,
			   "%s has no '%s'; this field is required", what,
			   key);
	return v && v->kind != VALUE_NULL ? v : NULL;
}

/* Whether p (at a '<') starts a CommonMark autolink, <scheme:...> or
 * <name@domain>: not HTML, in Markdown a link and in plain text harmless. */
static bool S_is_autolink(const char *p)
{
	const char *q = p + 1;
	size_t scheme = 0;
	while (isalnum((unsigned char)q[scheme]) || q[scheme] == '+' ||
	       q[scheme] == '.' || q[scheme] == '-')
		scheme++;
	bool uri = scheme >= 2 && scheme <= 32 && isalpha((unsigned char)*q) &&
		   q[scheme] == ':';
	bool at = false;
	for (q += uri ? scheme + 1 : 0; *q && *q != '>'; q++) {
		if ((unsigned char)*q <= ' ' || *q == '<')
			return false;
		at = at || *q == '@';
	}
	return *q == '>' && (uri || at);
}

/* Text that looks like markup in a plain-text field is legal (it is shown
 * as typed), but it is more often a paste from a web page: say so.  pos
 * is where s begins; for a whole file (a chapter), the message points at
 * the markup itself. */
static void S_check_markup(struct S_loader *L, const char *s,
			   struct source_pos pos, const char *field,
			   bool markdown, bool whole_file)
{
	if (markdown)
		return; /* validate.c reads Markdown's HTML on the tree */
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
		char c = p[1];
		if (!(isalpha((unsigned char)c) || c == '/' || c == '!' ||
		      c == '?') || S_is_autolink(p))
			continue;
		if (whole_file)
			pos = diag_pos_at(pos.file, s, (size_t)(p - s));
		if (markdown)
			diag_warning(L->d, pos,
				     "'%s' contains HTML; raw HTML is not "
				     "rendered, use Markdown",
				     field);
		else
			diag_warning(L->d, pos,
				     "'%s' contains what looks like HTML; it "
				     "will be shown as typed, not as markup",
				     field);
		return;
	}
}

/* A value `uprgen new` could only guess, tagged REPORT_PLACEHOLDER_TAG:
 * said at its place, as the outcome's placeholder symbol is, until the
 * author writes the real value over it, the tag with it.  Another local
 * tag is a text that begins with '!' ("!Important notice" is the tag
 * "!Important" on "notice"), or the mark mistyped: refused, not read as
 * something else.  lang: the language of a text's translation, or
 * NULL. */
static void S_check_tag(struct S_loader *L, const struct value *v,
			const char *field, const char *lang)
{
	static const char *const asks[][2] = {
		{"adopted", "the date the Human Rights Council adopted the "
			    "outcome before publishing; until then no date "
			    "is compared with it"},
		{"session", "the Working Group session of the review before "
			    "publishing"},
		{"date", "the date of the report before publishing"},
		{"state", "the State's name in this language, and put that "
			  "name in this language's title and chapters too"},
	};
	/* (another tag is refused where it is read: yamlread.c) */
	if (!v->tag || strcmp(v->tag, REPORT_PLACEHOLDER_TAG))
		return;
	const char *ask = "the real value before publishing";
	for (size_t i = 0; i < sizeof asks / sizeof *asks; i++)
		if (!strcmp(field, asks[i][0]))
			ask = asks[i][1];
	diag_warning(L->d, v->pos,
		     "'%s'%s%s%s is still the placeholder 'uprgen new' wrote "
		     "(marked %s): replace it, mark and all, with %s",
		     field, lang ? " in '" : "", lang ? lang : "",
		     lang ? "'" : "", REPORT_PLACEHOLDER_TAG, ask);
}

static const char *S_scalar_text(struct S_loader *L, const struct value *v,
				 const char *field, bool markdown,
				 const char *lang)
{
	S_check_tag(L, v, field, lang);
	if (!S_is_scalar(v)) {
		diag_error(L->d, v->pos, "'%s' must be text, but here it is %s",
			   field, value_kind_name(v->kind));
		return NULL;
	}
	if (markdown && v->len > MODEL_MAX_MARKDOWN_FIELD) {
		diag_error(L->d, v->pos,
			   "'%s' is %zu bytes long; one Markdown field may "
			   "hold at most %d (split it, or use a chapter file)",
			   field, v->len, MODEL_MAX_MARKDOWN_FIELD);
		return NULL;
	}
	if (v->len > MODEL_MAX_TEXT_FIELD) {
		diag_error(L->d, v->pos,
			   "'%s' is %zu bytes long; one text field may hold "
			   "at most %d",
			   field, v->len, MODEL_MAX_TEXT_FIELD);
		return NULL;
	}
	S_check_markup(L, v->str, v->pos, field, markdown, false);
	return v->str;
}

static void S_check_translations(struct S_loader *L, const struct text *t,
				 const char *field)
{
	const struct report *r = L->r;
	/* no text at all is an error of its own: no language to fall back
	 * on */
	if (t->any || !t->present || !r->language_count)
		return;
	enum lang first = r->languages[0];
	for (size_t i = 0; i < r->language_count; i++) {
		enum lang l = r->languages[i];
		if (t->by_lang[l])
			continue;
		const char *used = text_get(t, l, first);
		int used_lang = 0;
		while (used_lang < LANG_COUNT && t->by_lang[used_lang] != used)
			used_lang++;
		diag_warning(L->d, t->pos,
			     "'%s' has no '%s' text; the '%s' text will be "
			     "used",
			     field, lang_code(l),
			     lang_code((enum lang)used_lang));
	}
}

/* A text field: one string, or {lang: string}.  Null reads as absent.
 * A language without its text is warned of when the others' stands in
 * for it (fallback). */
static struct text S_text_in(struct S_loader *L, const struct value *v,
			     const char *field, bool markdown, bool fallback)
{
	struct text t = {0};
	if (!v || v->kind == VALUE_NULL)
		return t;
	t.pos = v->pos;
	t.quoted = v->quoted;
	if (v->kind != VALUE_MAP) {
		t.any = S_scalar_text(L, v, field, markdown, NULL);
		t.present = t.any != NULL;
		return t;
	}
	for (size_t i = 0; i < v->count; i++) {
		const struct value_entry *e = &v->entries[i];
		int l = lang_from_code(e->key);
		if (l < 0) {
			diag_error(L->d, e->key_pos,
				   "'%s' is not a language uprgen knows in "
				   "'%s'; use one of %s",
				   diag_quote(L->a, e->key), field,
				   lang_codes_text());
			continue;
		}
		if (e->value->kind == VALUE_NULL)
			continue;
		t.by_lang[l] = S_scalar_text(L, e->value, field, markdown,
					     e->key);
		t.pos_by_lang[l] = e->value->pos;
		t.quoted_by_lang[l] = e->value->quoted;
		t.present |= t.by_lang[l] != NULL;
	}
	if (!t.present)
		diag_error(L->d, v->pos, "'%s' has no text in any language",
			   field);
	if (fallback)
		S_check_translations(L, &t, field);
	return t;
}

static struct text S_text(struct S_loader *L, const struct value *v,
			  const char *field, bool markdown)
{
	return S_text_in(L, v, field, markdown, true);
}

static struct text S_required_text(struct S_loader *L, const struct value *map,
				   const char *key, const char *what,
				   bool markdown)
{
	const struct value *v = S_required(L, map, key, what);
	return S_text(L, v, key, markdown);
}

static struct text_list S_text_list(struct S_loader *L, const struct value *v,
				    const char *field)
{
	struct text_list list = {0};
	if (!v || v->kind == VALUE_NULL || !S_expect(L, v, VALUE_LIST, field))
		return list;
	list.items = arena_alloc(L->a, v->count * sizeof *list.items);
	for (size_t i = 0; i < v->count; i++) {
		struct text t = S_text(L, v->items[i], field, false);
		if (t.present)
			list.items[list.count++] = t;
	}
	return list;
}

static const char *S_plain(struct S_loader *L, const struct value *v,
			   const char *field)
{
	if (!v || v->kind == VALUE_NULL)
		return NULL;
	return S_scalar_text(L, v, field, false, NULL);
}

static bool S_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

enum S_date_check { S_DATE_OK, S_DATE_BAD, S_DATE_OUT_OF_RANGE };

/* The years a date may have.  A date outside is a real date, but in a
 * UPR follow-up report (the UPR began in 2008) a typo: the message says
 * which bound it crossed, not that it is no date. */
enum { S_FIRST_YEAR = 1900, S_LAST_YEAR = 2199 };

static enum S_date_check S_parse_date(const char *s, struct date *out,
				      bool partial_ok)
{
	int y = 0, m = 0, d = 0, n = 0;
	size_t len = strlen(s);
	bool shape = false;
	if (len == 10)
		shape = sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 &&
			n == 10 && s[4] == '-' && s[7] == '-';
	else if (partial_ok && len == 7)
		shape = sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7 &&
			s[4] == '-';
	else if (partial_ok && len == 4)
		shape = sscanf(s, "%4d%n", &y, &n) == 1 && n == 4;
	for (size_t i = 0; shape && i < len; i++)
		if (s[i] != '-' && (s[i] < '0' || s[i] > '9'))
			shape = false;
	if (!shape)
		return S_DATE_BAD;
	if (len >= 7 && (m < 1 || m > 12))
		return S_DATE_BAD;
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	if (len == 10 &&
	    (d < 1 || d > days[m - 1] + (m == 2 && S_leap(y))))
		return S_DATE_BAD;
	if (y < S_FIRST_YEAR || y > S_LAST_YEAR)
		return S_DATE_OUT_OF_RANGE;
	out->year = y;
	out->month = m;
	out->day = d;
	return S_DATE_OK;
}

static struct date S_date(struct S_loader *L, const struct value *v,
			  const char *field, bool partial_ok)
{
	struct date date = {0};
	if (!v || v->kind == VALUE_NULL)
		return date;
	date.pos = v->pos;
	const char *s = S_plain(L, v, field);
	if (!s)
		return date;
	enum S_date_check c = S_parse_date(s, &date, partial_ok);
	if (c == S_DATE_OUT_OF_RANGE) {
		bool early = strncmp(s, "1900", 4) < 0;
		diag_error(L->d, v->pos,
			   "'%s' is %s, %s %d; a report's dates lie between "
			   "%d and %d (the UPR began in 2008): check the year",
			   field, s, early ? "before" : "after",
			   early ? S_FIRST_YEAR : S_LAST_YEAR, S_FIRST_YEAR,
			   S_LAST_YEAR);
		return date;
	}
	if (c == S_DATE_BAD) {
		diag_error(L->d, v->pos,
			   "'%s' is not a date: '%s'; write it as YYYY-MM-DD"
			   "%s, e.g. \"2024-03-15\"",
			   field, diag_quote(L->a, s),
			   partial_ok ? " (or YYYY-MM, or YYYY)" : "");
		return date;
	}
	date.present = true;
	return date;
}

/* An enum value spelled as in SPEC.md; -1 after reporting a bad one. */
static int S_enum(struct S_loader *L, const struct value *v, const char *field,
		  const char *const *names)
{
	const char *s = S_plain(L, v, field);
	if (!s)
		return -1;
	for (int i = 0; names[i]; i++)
		if (!strcmp(s, names[i]))
			return i;
	struct buf all;
	buf_init(&all);
	for (int i = 0; names[i]; i++)
		buf_printf(&all, "%s%s", i ? ", " : "", names[i]);
	const char *near = S_nearest(s, names);
	diag_error(L->d, v->pos, "unknown %s '%s'; it must be one of: %s%s%s%s",
		   field, diag_quote(L->a, s), all.data, near ? " (did you mean '" : "",
		   near ? near : "", near ? "'?)" : "");
	buf_free(&all);
	return -1;
}

/* Ids become file names and URLs: keep them to a safe alphabet. */
static const char *S_id(struct S_loader *L, const struct value *v,
			const char *what, bool slug)
{
	const char *s = S_plain(L, v, "id");
	if (!s)
		return NULL;
	bool ok = *s && strlen(s) <= MODEL_MAX_ID && !strstr(s, "..");
	for (const char *p = s; ok && *p; p++) {
		char c = *p;
		bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			     (!slug && c >= 'A' && c <= 'Z');
		ok = alnum || (p != s && (c == '-' || (!slug && (c == '.' ||
								 c == '_'))));
	}
	if (ok)
		return s;
	if (slug)
		diag_error(L->d, v->pos,
			   "the id '%s' of this %s is not usable; use lower "
			   "case letters a-z, digits and '-' (at most %d), "
			   "starting with a letter or digit, e.g. "
			   "\"rights-of-women\"",
			   diag_quote(L->a, s), what, MODEL_MAX_ID);
	else
		diag_error(L->d, v->pos,
			   "the id '%s' of this %s is not usable; use letters "
			   "A-Z a-z, digits, '.', '-' and '_' (at most %d), "
			   "starting with a letter or digit, without '..', "
			   "e.g. \"110.23\"",
			   diag_quote(L->a, s), what, MODEL_MAX_ID);
	return NULL;
}

/* Whether path, once its symbolic links are resolved, stays inside the
 * project folder; else says so at `at` (a chapter linked to /etc/passwd,
 * a chapters/ folder linked elsewhere: a build of someone else's project
 * must not publish the builder's files). */
static bool S_inside(struct S_loader *L, const char *path,
		     struct source_pos at, const char *what)
{
	char *real = file_outside(L->root, path);
	if (real)
		diag_error(L->d, at,
			   "%s leads outside the project folder (to %s, "
			   "through a symbolic link); uprgen reads only "
			   "files inside the project",
			   what, real);
	bool inside = !real;
	free(real);
	return inside;
}

static const struct value *S_read(struct S_loader *L, const char *dir,
				  const char *name, bool required)
{
	const char *path = arena_path(L->a, dir, name);
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno != ENOENT && errno != ENOTDIR)
			diag_error(L->d, S_file_pos(path),
				   "cannot read this file: %s",
				   strerror(errno));
		else if (required)
			diag_error(L->d, S_file_pos(path),
				   "this file is missing; every report needs "
				   "it (see the content format in README.md)");
		return NULL;
	}
	if (!S_inside(L, path, S_file_pos(path), "this file"))
		return NULL;
	return yamlread_file(L->a, L->d, path, path);
}

static const struct value *S_read_optional(struct S_loader *L,
					   const char *dir, const char *name,
					   bool *exists)
{
	struct stat st;
	*exists = stat(arena_path(L->a, dir, name), &st) == 0 ||
		  (errno != ENOENT && errno != ENOTDIR);
	return *exists ? S_read(L, dir, name, false) : NULL;
}

/* ---------------------------------------------------------------- report */

static void S_load_languages(struct S_loader *L, const struct value *v)
{
	struct report *r = L->r;
	if (!v || !S_expect(L, v, VALUE_LIST, "languages"))
		return;
	r->languages_pos = v->pos;
	if (!v->count)
		diag_error(L->d, v->pos,
			   "'languages' is empty; list at least one of %s",
			   lang_codes_text());
	for (size_t i = 0; i < v->count; i++) {
		const char *code = S_plain(L, v->items[i], "languages");
		if (!code)
			continue;
		int l = lang_from_code(code);
		if (l < 0) {
			diag_error(L->d, v->items[i]->pos,
				   "unknown language '%s'; uprgen builds "
				   "reports in %s",
				   diag_quote(L->a, code), lang_codes_text());
			continue;
		}
		bool dup = false;
		for (size_t k = 0; k < r->language_count; k++)
			dup |= r->languages[k] == (enum lang)l;
		if (dup)
			diag_error(L->d, v->items[i]->pos,
				   "the language '%s' is listed twice", diag_quote(L->a, code));
		else
			r->languages[r->language_count++] = (enum lang)l;
	}
}

static void S_load_cycle(struct S_loader *L, const struct value *v)
{
	if (!v)
		return;
	if (v->kind != VALUE_NUMBER || v->number != floor(v->number) ||
	    v->number < 1 || v->number > 100) {
		diag_error(L->d, v->pos,
			   "'cycle' must be a whole number from 1 (the first "
			   "UPR cycle), found '%s'",
			   v->str ? diag_quote(L->a, v->str) : value_kind_name(v->kind));
		return;
	}
	L->r->cycle = (int)v->number;
}

/* received: a whole number from 1 (checked against the list by
 * validate). */
static void S_load_received(struct S_loader *L, const struct value *v)
{
	if (!v || v->kind == VALUE_NULL)
		return;
	if (v->kind != VALUE_NUMBER || v->number != floor(v->number) ||
	    v->number < 1 || v->number > 1000000) {
		diag_error(L->d, v->pos,
			   "'received' must be the number of recommendations "
			   "the State received, a whole number, found '%s'",
			   v->str ? diag_quote(L->a, v->str) : value_kind_name(v->kind));
		return;
	}
	L->r->received = (size_t)v->number;
	L->r->received_pos = v->pos;
}

/* word_limit: a whole number of words, as OHCHR's 10,700. */
static void S_load_word_limit(struct S_loader *L, const struct value *v)
{
	if (!v || v->kind == VALUE_NULL)
		return;
	if (v->kind != VALUE_NUMBER || v->number != floor(v->number) ||
	    v->number < 1 || v->number > 1e7) {
		diag_error(L->d, v->pos,
			   "'word_limit' must be a whole number of words from "
			   "1 to 10000000, found '%s'",
			   v->str ? diag_quote(L->a, v->str)
				  : value_kind_name(v->kind));
		return;
	}
	L->r->word_limit = (long)v->number;
	L->r->word_limit_pos = v->pos;
}

static void S_load_period(struct S_loader *L, const struct value *v)
{
	if (!v || v->kind == VALUE_NULL || !S_expect(L, v, VALUE_MAP, "period"))
		return;
	S_check_fields(L, v, S_period_fields, "'period'");
	L->r->period_from = S_date(L, S_required(L, v, "from", "'period'"),
				   "from", false);
	L->r->period_to = S_date(L, S_required(L, v, "to", "'period'"), "to",
				 false);
}

/* site_url: an http(s) address with a host, written into pages as it
 * is (so no quote, space, '<' or '>'), given a final '/'. */
static const char *S_site_url(struct S_loader *L, const struct value *v)
{
	const char *s = S_plain(L, v, "site_url");
	if (!s)
		return NULL;
	const char *host = !strncmp(s, "https://", 8)  ? s + 8
			   : !strncmp(s, "http://", 7) ? s + 7
						       : NULL;
	bool ok = host && *host && *host != '/' && strlen(s) < 2000;
	for (const char *p = s; ok && *p; p++)
		ok = (unsigned char)*p > ' ' && !strchr("\"'<>\\`{}|^#?", *p) &&
		     (unsigned char)*p < 0x7f;
	if (!ok) {
		diag_error(L->d, v->pos,
			   "'site_url' must be the site's address, "
			   "https://HOST/PATH (no query, fragment, space or "
			   "quote), but here it is '%s'", s);
		return NULL;
	}
	size_t n = strlen(s);
	return s[n - 1] == '/' ? s : arena_printf(L->a, "%s/", s);
}

/* A UN document symbol: parts of letters, digits, '.' and '-' joined
 * by '/', the first starting with a capital ("A/HRC/WG.6/48/SVN/1",
 * "E/C.12/PER/CO/5", "A/HRC/53/8/Add.1"). */
static bool S_un_symbol(const char *s)
{
	size_t n = strlen(s), parts = 1;
	if (n < 3 || n > 80 || *s < 'A' || *s > 'Z')
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '/') {
			if (s[i + 1] == '/' || !s[i + 1])
				return false;
			parts++;
		} else if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
			     (ch >= '0' && ch <= '9') || ch == '.' || ch == '-')) {
			return false;
		}
	}
	return parts >= 2;
}

/* A UN job number as printed at the foot of page 1: "GE.24-12345(E)",
 * "GE.24-12345 (E)", "24-12345 (E)": digits, capitals, '.', '-', one
 * space, and the language letter in brackets. */
static bool S_job_number(const char *s)
{
	size_t n = strlen(s);
	if (n < 6 || n > 32 || s[n - 1] != ')' || s[n - 3] != '(' ||
	    s[n - 2] < 'A' || s[n - 2] > 'Z')
		return false;
	bool digit = false;
	for (size_t i = 0; i + 3 < n; i++) {
		char ch = s[i];
		digit |= ch >= '0' && ch <= '9';
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '.' || ch == '-' || (ch == ' ' && i + 4 == n)))
			return false;
	}
	return digit;
}

/* form, organ, bodies, session_title, session_venue, unedited,
 * job_number: the UN document form (unform.h). */
static void S_load_form(struct S_loader *L, const struct value *m)
{
	struct report *r = L->r;
	static const char *const forms[] = {"report", "un", NULL};
	const struct value *fv = value_map_get(m, "form");
	r->form_un = fv && fv->kind != VALUE_NULL &&
		     S_enum(L, fv, "form", forms) == 1;
	static const char *const organs[] = {
		"general-assembly", "economic-and-social-council",
		"security-council", NULL};
	const struct value *ov = value_map_get(m, "organ");
	int organ = ov && ov->kind != VALUE_NULL
			    ? S_enum(L, ov, "organ", organs) : 0;
	r->organ = organ < 0 ? 0 : organ;
	r->bodies = S_text_list(L, value_map_get(m, "bodies"), "bodies");
	r->session_title = S_text(L, value_map_get(m, "session_title"),
				  "session_title", false);
	r->session_venue = S_text(L, value_map_get(m, "session_venue"),
				  "session_venue", false);
	const struct value *uv = value_map_get(m, "unedited");
	if (uv && uv->kind != VALUE_NULL) {
		if (uv->kind != VALUE_BOOL)
			diag_error(L->d, uv->pos,
				   "'unedited' must be true or false, found "
				   "'%s'", uv->str ? diag_quote(L->a, uv->str)
						   : value_kind_name(uv->kind));
		else
			r->unedited = uv->boolean;
	}
	/* one per version: GE.24-12345(E), GE.24-12345(F) … */
	r->job_number = S_text(L, value_map_get(m, "job_number"), "job_number",
			       false);
	for (int l = -1; l < LANG_COUNT; l++) {
		struct text *t = &r->job_number;
		const char *job = l < 0 ? t->any : t->by_lang[l];
		if (job && !S_job_number(job)) {
			diag_error(L->d, l < 0 ? t->pos : t->pos_by_lang[l],
				   "'job_number' must be a UN job number as "
				   "printed at the foot of page 1, e.g. "
				   "'GE.24-12345(E)', found '%s'",
				   diag_quote(L->a, job));
			*t = (struct text){0};
			break;
		}
	}
	const struct value *sv = value_map_get(m, "symbol");
	if (r->form_un && (!r->symbol || !*r->symbol))
		diag_error(L->d, fv->pos,
			   "'form: un' needs the report's document symbol: "
			   "add 'symbol: A/HRC/WG.6/48/PER/1' (or the "
			   "symbol given to it)");
	else if (r->form_un && !S_un_symbol(r->symbol))
		diag_error(L->d, sv->pos,
			   "'symbol' must be a UN document symbol with "
			   "'form: un', parts of letters, digits, '.' and '-' "
			   "joined by '/', e.g. 'A/HRC/WG.6/48/PER/1'; found "
			   "'%s'", diag_quote(L->a, r->symbol));
}

static void S_load_report_fields(struct S_loader *L, const struct value *m)
{
	struct report *r = L->r;
	const char *what = "report.yaml";
	S_check_fields(L, m, S_report_fields, what);
	/* Languages first: every text field is checked against them. */
	S_load_languages(L, S_required(L, m, "languages", what));
	r->state = S_required_text(L, m, "state", what, false);
	/* a language without it takes the name (context.c), not another
	 * language's sentence form: no warning */
	r->state_in_sentence = S_text_in(
		L, value_map_get(m, "state_in_sentence"), "state_in_sentence",
		false, false);
	S_load_cycle(L, S_required(L, m, "cycle", what));
	r->session = S_plain(L, S_required(L, m, "session", what), "session");
	const struct value *outcome = S_required(L, m, "outcome", what);
	r->outcome = S_plain(L, outcome, "outcome");
	if (r->outcome && !strcmp(r->outcome, REPORT_OUTCOME_PLACEHOLDER))
		diag_warning(L->d, outcome->pos,
			     "'outcome' is still the placeholder 'uprgen new' "
			     "wrote: give the symbol of the Working Group's "
			     "report (A/HRC/NN/NN) before publishing");
	const struct value *adopted = S_required(L, m, "adopted", what);
	r->adopted = S_date(L, adopted, "adopted", false);
	r->adopted_placeholder = adopted && adopted->tag &&
				 !strcmp(adopted->tag, REPORT_PLACEHOLDER_TAG);
	S_load_period(L, value_map_get(m, "period"));
	r->title = S_required_text(L, m, "title", what, false);
	r->subtitle = S_text(L, value_map_get(m, "subtitle"), "subtitle", false);
	r->symbol = S_plain(L, value_map_get(m, "symbol"), "symbol");
	r->date = S_date(L, S_required(L, m, "date", what), "date", false);
	r->prepared_by = S_text(L, value_map_get(m, "prepared_by"),
				"prepared_by", false);
	r->site_url = S_site_url(L, value_map_get(m, "site_url"));
	r->license = S_text(L, value_map_get(m, "license"), "license", false);
	S_load_received(L, value_map_get(m, "received"));
	static const char *const notes[] = {"footnotes", "endnotes", NULL};
	const struct value *nv = value_map_get(m, "notes");
	r->endnotes = nv && nv->kind != VALUE_NULL &&
		      S_enum(L, nv, "notes", notes) == 1;
	S_load_word_limit(L, value_map_get(m, "word_limit"));
	S_load_form(L, m);
}

/* ------------------------------------------------------------- chapters */

static bool S_safe_relative_path(const char *p)
{
	if (!*p || *p == '/' || strchr(p, '\\'))
		return false;
	for (const char *seg = p; seg; seg = strchr(seg, '/')) {
		if (*seg == '/')
			seg++;
		if (!strncmp(seg, "..", 2) && (seg[2] == '/' || !seg[2]))
			return false;
		if (*seg == '/' || !*seg)
			return false;
	}
	size_t n = strlen(p);
	return n > 3 && !strcmp(p + n - 3, ".md");
}

/* "chapters/foreword.es.md" -> "foreword" */
static const char *S_chapter_id(struct S_loader *L, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	/* Hardening (issue 7, found by tests/fuzz/fuzz_load): a path
	 * shorter than ".md" ("chapters: [en]", refused already by
	 * S_read_chapter) made this length wrap around and the copy below
	 * read out of bounds. */
	size_t n = strlen(base);
	n = n >= 3 ? n - 3 : n;
	if (n > 3 && base[n - 3] == '.' && lang_from_code(arena_strndup(
						   L->a, base + n - 2, 2)) >= 0)
		n -= 3;
	return arena_strndup(L->a, base, n);
}

/* The first control character in s[0..len) (valid UTF-8) that a page
 * cannot show: C0 but tab and line ends, DEL, C1; or len. */
static size_t S_first_control(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7F)
			return i;
		if (c == 0xC2 && i + 1 < len &&
		    (unsigned char)s[i + 1] <= 0x9F)
			return i;
	}
	return len;
}

static const char *S_read_chapter(struct S_loader *L, const char *rel,
				  struct source_pos at)
{
	if (!S_safe_relative_path(rel)) {
		diag_error(L->d, at,
			   "the chapter '%s' must be a relative path to a .md "
			   "file inside content/, without '..'",
			   diag_quote(L->a, rel));
		return NULL;
	}
	const char *path = arena_path(L->a, L->r->content_dir, rel);
	if (!S_inside(L, path, at,
		      arena_printf(L->a, "the chapter '%s'",
				   diag_quote(L->a, rel))))
		return NULL;
	char *text;
	size_t len;
	int err = file_read_all(path, MODEL_MAX_CHAPTER_BYTES, &text, &len);
	if (err) {
		if (err == EFBIG)
			diag_error(L->d, at,
				   "the chapter '%s' is larger than %d KiB; "
				   "split it into several chapters",
				   diag_quote(L->a, rel), MODEL_MAX_CHAPTER_BYTES / 1024);
		else
			diag_error(L->d, at, "cannot read the chapter '%s': %s",
				   diag_quote(L->a, rel), file_error_text(err));
		return NULL;
	}
	/* Editors on Windows start files with a byte order mark; it would
	 * turn a first "# Heading" into a paragraph. */
	size_t skip = len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
	const char *body = text + skip;
	size_t body_len = len - skip;
	size_t bad = utf8_first_invalid(body, body_len);
	const char *nul = memchr(body, '\0', body_len);
	const char *wide = yamlread_wide_encoding(body, body_len);
	size_t ctl = S_first_control(body, bad);
	const char *result = NULL;
	if (wide && (nul || bad < body_len))
		diag_error(L->d, (struct source_pos){path, 1, 1},
			   "this chapter is %s encoded; save it as UTF-8",
			   wide);
	else if (nul && (size_t)(nul - body) < bad)
		diag_error(L->d, diag_pos_at(path, body, (size_t)(nul - body)),
			   "this chapter contains a NUL byte; it is not a "
			   "text file");
	else if (bad < body_len)
		diag_error(L->d, diag_pos_at(path, body, bad),
			   "this chapter is not valid UTF-8 (byte 0x%02X "
			   "here); save it as UTF-8",
			   (unsigned char)body[bad]);
	else if (ctl < body_len)
		diag_error(L->d, diag_pos_at(path, body, ctl),
			   "this chapter contains the control character "
			   "U+%04X, which no report can show; delete it",
			   (unsigned char)body[ctl] == 0xC2
				   ? (unsigned char)body[ctl + 1]
				   : (unsigned char)body[ctl]);
	else {
		result = arena_strndup(L->a, body, body_len);
		S_check_markup(L, result, (struct source_pos){path, 1, 1},
			       "chapter", true, true);
	}
	free(text);
	return result;
}

static void S_load_chapter(struct S_loader *L, const struct value *v,
			   struct chapter *c)
{
	c->pos = v->pos;
	c->file = S_text(L, v, "chapters", false);
	if (!c->file.present)
		return;
	c->body.pos = c->file.pos;
	c->body.present = true;
	if (c->file.any) {
		c->body.any = S_read_chapter(L, c->file.any, v->pos);
	} else {
		for (int l = 0; l < LANG_COUNT; l++)
			if (c->file.by_lang[l])
				c->body.by_lang[l] = S_read_chapter(
					L, c->file.by_lang[l], v->pos);
	}
	const char *first = text_get(&c->file, report_first_language(L->r),
				     report_first_language(L->r));
	c->id = S_chapter_id(L, first);
}

static void S_load_chapters(struct S_loader *L, const struct value *v)
{
	struct report *r = L->r;
	if (!v || v->kind == VALUE_NULL || !S_expect(L, v, VALUE_LIST,
						     "chapters"))
		return;
	r->chapters = arena_alloc(L->a, v->count * sizeof *r->chapters);
	for (size_t i = 0; i < v->count; i++) {
		struct chapter *c = &r->chapters[r->chapter_count];
		S_load_chapter(L, v->items[i], c);
		if (c->id)
			r->chapter_count++;
	}
}

/* ------------------------------------------------------------- clusters */

static void S_load_cluster(struct S_loader *L, const struct value *v,
			   struct cluster *c)
{
	const char *what = "this cluster";
	c->pos = v->pos;
	S_check_fields(L, v, S_cluster_fields, "a cluster");
	const struct value *id = S_required(L, v, "id", what);
	if (id) {
		c->id_pos = id->pos;
		c->id = S_id(L, id, "cluster", true);
	}
	c->title = S_required_text(L, v, "title", what, false);
	c->description = S_text(L, value_map_get(v, "description"),
				"description", true);
}

/* A top-level list file: report entries one by one. */
static const struct value *S_list_file(struct S_loader *L,
				       const struct value *root,
				       const char *name)
{
	if (!root || root->kind == VALUE_NULL)
		return NULL;
	if (root->kind != VALUE_LIST) {
		diag_error(L->d, root->pos,
			   "%s must be a list of entries, each starting with "
			   "'- ', but it is %s",
			   name, value_kind_name(root->kind));
		return NULL;
	}
	return root;
}

static bool S_entry(struct S_loader *L, const struct value *v,
		    const char *what)
{
	if (v->kind == VALUE_MAP)
		return true;
	diag_error(L->d, v->pos, "each %s must be a mapping of fields "
				 "(id: ..., title: ...), but this is %s",
		   what, value_kind_name(v->kind));
	return false;
}

static void S_load_clusters(struct S_loader *L, const struct value *root)
{
	struct report *r = L->r;
	const struct value *list = S_list_file(L, root, "clusters.yaml");
	if (!list)
		return;
	r->clusters = arena_alloc(L->a, list->count * sizeof *r->clusters);
	for (size_t i = 0; i < list->count; i++) {
		if (!S_entry(L, list->items[i], "cluster"))
			continue;
		struct cluster *c = &r->clusters[r->cluster_count];
		S_load_cluster(L, list->items[i], c);
		c->index = r->cluster_count++;
	}
}

/* ------------------------------------------------------ recommendations */

bool sdg_parse(const char *s, struct sdg *out)
{
	char *end;
	long goal = strtol(s, &end, 10);
	if (end == s || s[0] == '0' || s[0] == '+' || s[0] == '-' ||
	    goal < 1 || goal > 17)
		return false;
	out->goal = (int)goal;
	if (!*end)
		return true;
	if (*end != '.')
		return false;
	const char *t = end + 1;
	if (t[0] >= 'a' && t[0] <= 'z' && !t[1])
		return S_sdg_targets[goal].last_letter &&
		       t[0] <= S_sdg_targets[goal].last_letter;
	long n = strtol(t, &end, 10);
	if (end == t || *end || t[0] == '0' || t[0] == '+' || t[0] == '-' ||
	    n < 1 || n > S_sdg_targets[goal].numbered)
		return false;
	return true;
}

static void S_load_sdgs(struct S_loader *L, const struct value *v,
			struct recommendation *rec)
{
	if (!v || v->kind == VALUE_NULL || !S_expect(L, v, VALUE_LIST, "sdgs"))
		return;
	rec->sdgs = arena_alloc(L->a, v->count * sizeof *rec->sdgs);
	for (size_t i = 0; i < v->count; i++) {
		const char *code = S_plain(L, v->items[i], "sdgs");
		if (!code)
			continue;
		struct sdg *g = &rec->sdgs[rec->sdg_count];
		memset(g, 0, sizeof *g);
		g->pos = v->items[i]->pos;
		g->code = code;
		if (!sdg_parse(code, g)) {
			diag_error(L->d, g->pos,
				   "'%s' is not a Sustainable Development Goal "
				   "or target; write a goal 1 to 17 (\"16\") "
				   "or one of its targets (\"16.10\", "
				   "\"5.a\")",
				   diag_quote(L->a, code));
			continue;
		}
		const char *dot = strchr(code, '.');
		g->target = dot ? dot + 1 : NULL;
		rec->sdg_count++;
	}
}

/* A list of actions; in a progress entry the date may be left out (the
 * entry's date is used). */
static void S_load_action_list(struct S_loader *L, const struct value *v,
			       struct action **out, size_t *count,
			       bool date_required)
{
	if (!v || v->kind == VALUE_NULL ||
	    !S_expect(L, v, VALUE_LIST, "actions"))
		return;
	*out = arena_alloc(L->a, v->count * sizeof **out);
	for (size_t i = 0; i < v->count; i++) {
		const struct value *e = v->items[i];
		if (!S_entry(L, e, "action"))
			continue;
		struct action *act = &(*out)[(*count)++];
		act->pos = e->pos;
		S_check_fields(L, e, S_action_fields, "an action");
		act->date = S_date(L, date_required
					      ? S_required(L, e, "date",
							   "this action")
					      : value_map_get(e, "date"),
				   "date", true);
		act->text = S_required_text(L, e, "text", "this action", true);
		act->source = S_text(L, value_map_get(e, "source"), "source",
				     false);
	}
}

static void S_load_actions(struct S_loader *L, const struct value *v,
			   struct recommendation *rec)
{
	S_load_action_list(L, v, &rec->actions, &rec->action_count, true);
}

static void S_load_indicators(struct S_loader *L, const struct value *v,
			      struct recommendation *rec)
{
	if (!v || v->kind == VALUE_NULL ||
	    !S_expect(L, v, VALUE_LIST, "indicators"))
		return;
	rec->indicators = arena_alloc(L->a,
				      v->count * sizeof *rec->indicators);
	for (size_t i = 0; i < v->count; i++) {
		const char *id = S_plain(L, v->items[i], "indicators");
		if (!id)
			continue;
		struct indicator_ref *ref =
			&rec->indicators[rec->indicator_count++];
		ref->id = id;
		ref->pos = v->items[i]->pos;
	}
}

static void S_load_related(struct S_loader *L, const struct value *v,
			   struct recommendation *rec)
{
	if (!v || v->kind == VALUE_NULL ||
	    !S_expect(L, v, VALUE_LIST, "related"))
		return;
	rec->related = arena_alloc(L->a, v->count * sizeof *rec->related);
	for (size_t i = 0; i < v->count; i++) {
		const struct value *e = v->items[i];
		if (!S_entry(L, e, "related recommendation"))
			continue;
		struct related *rel = &rec->related[rec->related_count++];
		rel->pos = e->pos;
		S_check_fields(L, e, S_related_fields,
			       "a related recommendation");
		rel->mechanism = S_required_text(L, e, "mechanism",
						 "this related recommendation",
						 false);
		rel->symbol = S_text(L, value_map_get(e, "symbol"), "symbol",
				     false);
		rel->para = S_text(L, value_map_get(e, "para"), "para", false);
		rel->text = S_text(L, value_map_get(e, "text"), "text", false);
	}
}

static void S_load_rec_values(struct S_loader *L, const struct value *v,
			      struct recommendation *rec)
{
	static const char *const positions[] = {
		"supported", "partially-supported", "noted", NULL};
	static const char *const statuses[] = {
		"implemented", "partially-implemented", "not-implemented",
		"not-assessed", NULL};
	const char *what = "this recommendation";
	const struct value *pos = S_required(L, v, "position", what);
	if (pos) {
		rec->position_pos = pos->pos;
		rec->position_written = pos->str;
		int p = S_enum(L, pos, "position", positions);
		rec->position = p < 0 ? POSITION_SUPPORTED : (enum position)p;
	}
	rec->status = STATUS_NOT_ASSESSED;
	const struct value *st = value_map_get(v, "status");
	if (st && st->kind != VALUE_NULL) {
		rec->status_pos = st->pos;
		rec->status_written = st->str;
		int s = S_enum(L, st, "status", statuses);
		if (s >= 0)
			rec->status = (enum status)s;
	}
	const struct value *cl = S_required(L, v, "cluster", what);
	if (cl) {
		rec->cluster_pos = cl->pos;
		rec->cluster_id = S_plain(L, cl, "cluster");
	}
}

static void S_load_rec(struct S_loader *L, const struct value *v,
		       struct recommendation *rec)
{
	const char *what = "this recommendation";
	rec->pos = v->pos;
	S_check_fields(L, v, S_rec_fields, "a recommendation");
	const struct value *id = S_required(L, v, "id", what);
	if (id) {
		rec->id_pos = id->pos;
		rec->id = S_id(L, id, "recommendation", false);
	}
	rec->text = S_required_text(L, v, "text", what, false);
	const struct value *states = S_required(L, v, "states", what);
	rec->states = S_text_list(L, states, "states");
	if (states && states->kind == VALUE_LIST && !states->count)
		diag_error(L->d, states->pos,
			   "'states' is empty; name the recommending States");
	S_load_rec_values(L, v, rec);
	rec->themes = S_text_list(L, value_map_get(v, "themes"), "themes");
	rec->groups = S_text_list(L, value_map_get(v, "groups"), "groups");
	rec->responsible = S_text_list(L, value_map_get(v, "responsible"),
				       "responsible");
	S_load_sdgs(L, value_map_get(v, "sdgs"), rec);
	S_load_actions(L, value_map_get(v, "actions"), rec);
	S_load_indicators(L, value_map_get(v, "indicators"), rec);
	S_load_related(L, value_map_get(v, "related"), rec);
	rec->challenges = S_text(L, value_map_get(v, "challenges"),
				 "challenges", true);
	rec->assistance = S_text(L, value_map_get(v, "assistance"),
				 "assistance", true);
}

/* A file of recommendations that could not be read, or is not a list,
 * leaves the project's ids unknown: r->recs_unreadable says so. */
static void S_load_recs(struct S_loader *L, const struct value *root,
			const char *name)
{
	struct report *r = L->r;
	const struct value *list = S_list_file(L, root, name);
	if (!list) {
		if (!root || root->kind != VALUE_NULL)
			r->recs_unreadable = true;
		return;
	}
	struct recommendation *recs =
		arena_alloc(L->a, (r->rec_count + list->count) * sizeof *recs);
	if (r->rec_count)
		memcpy(recs, r->recs, r->rec_count * sizeof *recs);
	r->recs = recs;
	for (size_t i = 0; i < list->count; i++) {
		if (!S_entry(L, list->items[i], "recommendation"))
			continue;
		struct recommendation *rec = &r->recs[r->rec_count];
		S_load_rec(L, list->items[i], rec);
		rec->index = r->rec_count++;
	}
}

static int S_strcmp_ptr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the YAML files of an open folder, in byte order, so that
 * a build reads them in the same order everywhere; closes dir.  The
 * caller frees each name and the array. */
static char **S_yaml_names(DIR *dir, size_t *count)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dir))) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 6 ||
		    strcmp(e->d_name + len - 5, ".yaml"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof *names, S_strcmp_ptr);
	*count = n;
	return names;
}

/* recommendations.yaml, and/or every *.yaml of recommendations/ in name
 * order (a large report is easier to edit one cluster a file). */
static void S_load_all_recs(struct S_loader *L)
{
	const char *content = L->r->content_dir;
	const char *dirpath = arena_path(L->a, content, "recommendations");
	DIR *dir = opendir(dirpath);
	if (!dir && errno != ENOENT && errno != ENOTDIR)
		diag_error(L->d, S_file_pos(dirpath),
			   "cannot read this folder: %s", strerror(errno));
	bool exists = true; /* without the folder the file is required */
	const struct value *single =
		dir ? S_read_optional(L, content, "recommendations.yaml", &exists)
		    : S_read(L, content, "recommendations.yaml", true);
	if (exists)
		S_load_recs(L, single, "recommendations.yaml");
	if (!dir)
		return;
	size_t count;
	char **names = S_yaml_names(dir, &count);
	for (size_t i = 0; i < count; i++) {
		const struct value *root = S_read(L, dirpath, names[i], true);
		S_load_recs(L, root, names[i]);
		free(names[i]);
	}
	free(names);
}

/* ------------------------------------------------------------- progress */

static void S_load_progress_entry(struct S_loader *L, const struct value *v,
				  struct progress *p)
{
	static const char *const statuses[] = {
		"implemented", "partially-implemented", "not-implemented",
		"not-assessed", NULL};
	const char *what = "this progress entry";
	p->pos = v->pos;
	S_check_fields(L, v, S_progress_fields, "a progress entry");
	const struct value *id = S_required(L, v, "id", what);
	if (id) {
		p->id_pos = id->pos;
		p->id = S_id(L, id, "recommendation", false);
	}
	p->date = S_date(L, S_required(L, v, "date", what), "date", false);
	p->reported_by = S_text(L, value_map_get(v, "reported_by"),
				"reported_by", false);
	const struct value *st = value_map_get(v, "status");
	if (st && st->kind != VALUE_NULL) {
		p->status_pos = st->pos;
		int s = S_enum(L, st, "status", statuses);
		p->has_status = s >= 0;
		p->status = s >= 0 ? (enum status)s : STATUS_NOT_ASSESSED;
	}
	S_load_action_list(L, value_map_get(v, "actions"), &p->actions,
			   &p->action_count, false);
	p->challenges = S_text(L, value_map_get(v, "challenges"),
			       "challenges", true);
	p->assistance = S_text(L, value_map_get(v, "assistance"),
			       "assistance", true);
}

static void S_load_progress_file(struct S_loader *L, const struct value *root,
				 const char *name)
{
	struct report *r = L->r;
	const struct value *list = S_list_file(L, root, name);
	if (!list)
		return;
	struct progress *all = arena_alloc(
		L->a, (r->progress_count + list->count) * sizeof *all);
	if (r->progress_count)
		memcpy(all, r->progress, r->progress_count * sizeof *all);
	r->progress = all;
	for (size_t i = 0; i < list->count; i++) {
		if (!S_entry(L, list->items[i], "progress entry"))
			continue;
		struct progress *p = &r->progress[r->progress_count];
		S_load_progress_entry(L, list->items[i], p);
		p->index = r->progress_count++;
	}
}

/* Every *.yaml of content/progress/ in name order: what institutions
 * reported, dated (optional; none is a report as it was). */
static void S_load_all_progress(struct S_loader *L)
{
	const char *dirpath = arena_path(L->a, L->r->content_dir, "progress");
	DIR *dir = opendir(dirpath);
	if (!dir) {
		if (errno != ENOENT && errno != ENOTDIR)
			diag_error(L->d, S_file_pos(dirpath),
				   "cannot read this folder: %s",
				   strerror(errno));
		return;
	}
	if (!S_inside(L, dirpath, S_file_pos(dirpath), "this folder")) {
		closedir(dir);
		return;
	}
	size_t count;
	char **names = S_yaml_names(dir, &count);
	for (size_t i = 0; i < count; i++) {
		const struct value *root = S_read(L, dirpath, names[i], true);
		if (root)
			S_load_progress_file(L, root, names[i]);
		free(names[i]);
	}
	free(names);
}

/* ----------------------------------------------------------- statistics */

static void S_load_series(struct S_loader *L, const struct value *v,
			  struct series *s)
{
	s->pos = v->pos;
	S_check_fields(L, v, S_series_fields, "a series");
	s->label = S_required_text(L, v, "label", "this series", false);
	const struct value *values = S_required(L, v, "values", "this series");
	if (!values || !S_expect(L, values, VALUE_MAP, "values"))
		return;
	if (!values->count)
		diag_error(L->d, values->pos,
			   "'values' is empty; give at least one "
			   "KEY: NUMBER pair");
	s->points = arena_alloc(L->a, values->count * sizeof *s->points);
	for (size_t i = 0; i < values->count; i++) {
		const struct value_entry *e = &values->entries[i];
		if (e->value->kind != VALUE_NUMBER ||
		    !isfinite(e->value->number)) {
			diag_error(L->d, e->value->pos,
				   "the value for '%s' must be a number "
				   "(digits, '.' for decimals, no thousands "
				   "separators), found '%s'",
				   diag_quote(L->a, e->key),
				   e->value->str ? diag_quote(L->a,
							      e->value->str)
						 : value_kind_name(
							   e->value->kind));
			continue;
		}
		if (fabs(e->value->number) > CHART_VALUE_MAX)
			diag_error(L->d, e->value->pos,
				   "the value for '%s' is too large to be shown "
				   "exactly: at most 1000000000000000 either "
				   "side of 0 (give it in a larger unit, e.g. "
				   "millions, and say so in 'unit')",
				   diag_quote(L->a, e->key));
		struct point *p = &s->points[s->count++];
		p->key = e->key;
		p->value = e->value->number;
		p->pos = e->value->pos;
	}
}

static void S_load_stat(struct S_loader *L, const struct value *v,
			struct statistic *st)
{
	static const char *const charts[] = {"bar", "line", "table", NULL};
	const char *what = "this statistic";
	st->pos = v->pos;
	S_check_fields(L, v, S_stat_fields, "a statistic");
	const struct value *id = S_required(L, v, "id", what);
	if (id) {
		st->id_pos = id->pos;
		st->id = S_id(L, id, "statistic", true);
	}
	st->title = S_required_text(L, v, "title", what, false);
	st->unit = S_text(L, value_map_get(v, "unit"), "unit", false);
	st->category = S_text(L, value_map_get(v, "category"), "category",
			      false);
	st->source = S_text(L, value_map_get(v, "source"), "source", false);
	st->chart = CHART_BAR;
	const struct value *chart = value_map_get(v, "chart");
	if (chart && chart->kind != VALUE_NULL) {
		st->chart_pos = chart->pos;
		int c = S_enum(L, chart, "chart", charts);
		if (c >= 0)
			st->chart = (enum chart_kind)c;
	}
	const struct value *series = S_required(L, v, "series", what);
	if (!series || !S_expect(L, series, VALUE_LIST, "series"))
		return;
	if (!series->count)
		diag_error(L->d, series->pos,
			   "'series' is empty; a statistic needs at least one "
			   "series of values");
	st->series = arena_alloc(L->a, series->count * sizeof *st->series);
	for (size_t i = 0; i < series->count; i++)
		if (S_entry(L, series->items[i], "series"))
			S_load_series(L, series->items[i],
				      &st->series[st->series_count++]);
}

static void S_load_stats(struct S_loader *L, const struct value *root)
{
	struct report *r = L->r;
	const struct value *list = S_list_file(L, root, "statistics.yaml");
	if (!list)
		return;
	r->stats = arena_alloc(L->a, list->count * sizeof *r->stats);
	for (size_t i = 0; i < list->count; i++) {
		if (!S_entry(L, list->items[i], "statistic"))
			continue;
		struct statistic *st = &r->stats[r->stat_count];
		S_load_stat(L, list->items[i], st);
		st->index = r->stat_count++;
	}
}

/* ---------------------------------------------------------------- entry */

struct report *report_load(struct arena *a, struct diags *d, const char *dir)
{
	struct S_loader L = {a, d, NULL, NULL};
	struct report *r = arena_alloc(a, sizeof *r);
	L.r = r;
	r->dir = arena_strdup(a, dir);
	r->content_dir = arena_path(L.a, dir, "content");
	struct stat st;
	bool is_dir = stat(r->content_dir, &st) == 0 && S_ISDIR(st.st_mode);
	int err = is_dir || errno == ENOENT || errno == ENOTDIR ? 0 : errno;
	DIR *probe = is_dir ? opendir(r->content_dir) : NULL;
	if (is_dir && !probe)
		err = errno;
	if (probe)
		closedir(probe);
	if (err) {
		diag_error(d, S_file_pos(r->content_dir),
			   "cannot read the content folder: %s",
			   strerror(err));
		return NULL;
	}
	if (!is_dir) {
		diag_error(d, S_file_pos(r->content_dir),
			   "no content folder here; run uprgen in a report "
			   "project (or give -C DIR), or create one with "
			   "'uprgen new DIR --state NAME'");
		return NULL;
	}
	char *root = realpath(dir, NULL);
	if (root) {
		L.root = arena_strdup(a, root);
		r->real_dir = L.root;
		free(root);
	}
	const struct value *report = S_read(&L, r->content_dir, "report.yaml",
					    true);
	if (!report)
		return NULL;
	if (report->kind != VALUE_MAP) {
		diag_error(d, report->pos,
			   "report.yaml must be a mapping of fields (state: "
			   "..., cycle: ...), but it is %s",
			   value_kind_name(report->kind));
		return NULL;
	}
	S_load_report_fields(&L, report);
	S_load_chapters(&L, value_map_get(report, "chapters"));
	const struct value *clusters =
		S_read(&L, r->content_dir, "clusters.yaml", true);
	r->clusters_unreadable = !clusters;
	r->clusters_pos = S_file_pos(arena_path(L.a, r->content_dir,
					    "clusters.yaml"));
	S_load_clusters(&L, clusters);
	S_load_all_recs(&L);
	bool has_stats;
	const struct value *stats = S_read_optional(&L, r->content_dir,
						    "statistics.yaml",
						    &has_stats);
	r->stats_unreadable = has_stats && !stats;
	S_load_stats(&L, stats);
	S_load_all_progress(&L);
	progress_merge(a, r, d);
	return r;
}
