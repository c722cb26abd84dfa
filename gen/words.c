/* words — the fixed words of every output and how values are written in
 * each language.  See words.h. */
#include "words.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "yamlread.h"

/* ------------------------------------------------------------- labels */

/* The labels file `path` of one folder, or NULL when it has none. */
static const struct value *S_read(struct arena *a, struct diags *d,
				  const char *dir, const char *name)
{
	if (!dir)
		return NULL;
	struct template_dirs one = {dir, NULL};
	size_t len;
	const char *path;
	const char *text = templates_load(a, &one, name, &len, &path);
	if (!text)
		return NULL;
	const struct value *v = yamlread_buffer(a, d, path, text, len);
	if (v && v->kind != VALUE_MAP) {
		diag_error(d, v->pos, "labels must be a map of KEY: text");
		return NULL;
	}
	return v;
}

/* Lays the entries of over onto m: a key of over replaces the same key
 * of m.  Only text values count (a number is text as written). */
static void S_lay(struct arena *a, struct diags *d, struct value *m,
		  const struct value *over)
{
	for (size_t i = 0; over && i < over->count; i++) {
		const struct value_entry *e = &over->entries[i];
		const struct value *v = e->value;
		if (v->kind == VALUE_LIST || v->kind == VALUE_MAP) {
			diag_warning(d, e->key_pos,
				     "the label '%s' is not text; it is left "
				     "out", e->key);
			continue;
		}
		if (v->kind == VALUE_NULL || !v->len)
			continue; /* an empty label keeps the word it had */
		const struct value_entry *old = value_map_entry(m, e->key);
		if (old)
			((struct value_entry *)old)->value = e->value;
		else
			value_map_put(a, m, e->key, e->value);
	}
}

static const char *S_typeset_copy(enum lang lang, const char *group,
				  struct arena *a, const char *s, size_t len);

/* A label of the project's that uprgen does not have and none of the
 * project's own templates reads: most often a key misspelt ("dashbord"),
 * which changed nothing, silently. */
static void S_unknown_labels(struct arena *a, struct diags *d,
			     const struct template_dirs *t,
			     const struct value *builtin,
			     const struct value *user)
{
	for (size_t i = 0; builtin && user && i < user->count; i++) {
		const struct value_entry *e = &user->entries[i];
		if (value_map_entry(builtin, e->key) ||
		    templates_mention(a, t, e->key))
			continue;
		struct near n = near_start(e->key, 3);
		for (size_t k = 0; k < builtin->count; k++)
			near_try(&n, builtin->entries[k].key);
		const char *near = n.best;
		diag_warning(d, e->key_pos,
			     "'%s' is no label of uprgen's%s%s%s, and no "
			     "template of the project's reads it: it changes "
			     "nothing",
			     e->key, near ? " (did you mean '" : "",
			     near ? near : "", near ? "'?)" : "");
	}
}

/* The labels with the spaces of the language's typography, as a text
 * of the report gets them (words_typeset), however they are typed in
 * the labels file. */
static void S_typeset_labels(struct arena *a, struct value *m, enum lang lang)
{
	for (size_t i = 0; i < m->count; i++) {
		struct value_entry *e = &m->entries[i];
		const struct value *v = e->value;
		const char *set = v->kind == VALUE_STRING
					  ? S_typeset_copy(lang, NULL, a, v->str,
							   v->len)
					  : NULL;
		if (!set)
			continue;
		struct value *copy = arena_alloc(a, sizeof *copy);
		*copy = *v;
		copy->str = set;
		copy->len = strlen(set);
		e->value = copy;
	}
}

const struct value *words_labels(struct arena *a, struct diags *d,
				 const struct template_dirs *t,
				 enum lang lang)
{
	const char *name = arena_printf(a, "labels/%s.yaml", lang_code(lang));
	const struct value *builtin = S_read(a, d, t->builtin, name);
	/* a project built inside uprgen's own checkout has the built-in
	 * folder as its own: read once */
	struct stat us, bs;
	bool same = t->user && t->builtin && !stat(t->user, &us) &&
		    !stat(t->builtin, &bs) && us.st_dev == bs.st_dev &&
		    us.st_ino == bs.st_ino;
	const struct value *user = same ? NULL : S_read(a, d, t->user, name);
	struct value *m = value_map(a);
	if (!builtin && !user)
		diag_warning(d, (struct source_pos){name, 0, 0},
			     "no labels for '%s' among the templates; the "
			     "report's fixed words will show as their keys",
			     lang_code(lang));
	S_lay(a, d, m, builtin);
	S_lay(a, d, m, user);
	S_unknown_labels(a, d, t, builtin, user);
	S_typeset_labels(a, m, lang);
	return m;
}

void words_load(struct words *w, struct arena *a, struct diags *d,
		const struct template_dirs *t, enum lang lang)
{
	words_init(w, a, lang, words_labels(a, d, t, lang));
	const char *code = words_find(w, "un_block_language");
	if (!code || !strcmp(code, lang_code(lang)))
		return;
	int other = lang_from_code(code);
	if (other < 0) {
		const char *file = arena_printf(a, "labels/%s.yaml",
						lang_code(lang));
		diag_error(d, (struct source_pos){file, 0, 0},
			   "un_block_language: '%s' is not a language uprgen "
			   "knows (en, es, fr, ar, zh, ru)",
			   code);
		return;
	}
	struct words *block = arena_alloc(a, sizeof *block);
	words_init(block, a, (enum lang)other,
		   words_labels(a, d, t, (enum lang)other));
	w->block = block;
}

/* -------------------------------------------------------------- words */

/* A NULL struct words is a language without labels: every word shows as
 * its key, values in neutral forms (the unit tests of the back ends use
 * it). */
static const struct value S_no_labels = {.kind = VALUE_MAP};
static const struct words S_none = {
	.lang = LANG_EN, .labels = &S_no_labels, .separator = ", ",
	.and = ", ", .percent = "{n}%",
	.date = "{day}\u00a0{month}\u00a0{year}",
	.month_year = "{month}\u00a0{year}", .thousands = "", .thousands_from = 4,
	.decimal = ".", .paragraph_number = "{n}."};

static const struct words *S_w(const struct words *w)
{
	return w ? w : &S_none;
}

const char *words_find(const struct words *w, const char *key)
{
	w = S_w(w);
	const struct value *v = value_map_get(w->labels, key);
	if (!v || v->kind == VALUE_LIST || v->kind == VALUE_MAP ||
	    v->kind == VALUE_NULL || !v->len)
		return NULL;
	return v->str;
}

const char *words_get(const struct words *w, const char *key)
{
	const char *s = words_find(w, key);
	return s ? s : key;
}

const char *words_named(const struct words *w, const char *prefix,
			const char *name)
{
	char key[128];
	int n = snprintf(key, sizeof key, "%s_%s", prefix, name);
	if (n < 0 || (size_t)n >= sizeof key)
		return name;
	for (char *p = key; *p; p++)
		if (*p == '-')
			*p = '_';
	const char *s = words_find(w, key);
	return s ? s : name;
}

const char *words_goal(const struct words *w, int goal)
{
	static const char *const keys[] = {
		"sdg_1",  "sdg_2",  "sdg_3",  "sdg_4",  "sdg_5",  "sdg_6",
		"sdg_7",  "sdg_8",  "sdg_9",  "sdg_10", "sdg_11", "sdg_12",
		"sdg_13", "sdg_14", "sdg_15", "sdg_16", "sdg_17"};
	if (goal < 1 || goal > 17)
		return NULL;
	return words_get(w, keys[goal - 1]);
}

const char *words_native_name(const struct words *w, enum lang l)
{
	return words_named(w, "native", lang_code(l));
}

static const char *S_or(const struct words *w, const char *key,
			const char *fallback)
{
	const char *s = words_find(w, key);
	return s ? s : fallback;
}

/* s as one unbreakable piece: no-break spaces, a word joiner after a
 * slash between words.  A date's parts (its patterns, the months) are
 * set so when the words are read, so that every date is (words_date). */
static const char *S_unbroken(struct arena *a, const char *s)
{
	if (!strpbrk(s, " /"))
		return s;
	struct buf b;
	buf_init(&b);
	for (const char *p = s; *p; p++) {
		if (*p == ' ')
			buf_puts(&b, "\u00a0");
		else
			buf_putc(&b, *p);
		if (*p == '/' && p[1] && p[1] != ' ' && (p[1] < '0' || p[1] > '9'))
			buf_puts(&b, "\u2060");
	}
	const char *t = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return t;
}

void words_init(struct words *w, struct arena *a, enum lang lang,
		const struct value *labels)
{
	memset(w, 0, sizeof *w);
	w->lang = lang;
	w->labels = labels && labels->kind == VALUE_MAP ? labels
						       : value_map(a);
	/* neutral forms, so that a report without labels still reads */
	w->separator = S_or(w, "format_list_separator", ", ");
	w->and = S_or(w, "format_list_and", ", ");
	w->and_i = words_find(w, "format_list_and_i");
	w->percent = S_or(w, "format_percent", "{n}%");
	w->paragraph_number = S_or(w, "format_paragraph_number", "{n}.");
	w->date = S_unbroken(a, S_or(w, "format_date", S_none.date));
	w->month_year = S_unbroken(a, S_or(w, "format_month_year",
					   S_none.month_year));
	w->first_day = words_find(w, "format_first_day");
	if (w->first_day)
		w->first_day = S_unbroken(a, w->first_day);
	w->thousands = S_or(w, "format_thousands", "");
	/* Spanish and French style guides leave four-digit numbers whole */
	const char *from = words_find(w, "format_thousands_from");
	long n = from ? strtol(from, NULL, 10) : 4;
	w->thousands_from = n > 0 && n < 20 ? (size_t)n : 4;
	w->decimal = S_or(w, "format_decimal", ".");
	char key[32];
	for (int m = 1; m <= 12; m++) {
		snprintf(key, sizeof key, "month_%d", m);
		w->month[m] = words_find(w, key);
		if (w->month[m])
			w->month[m] = S_unbroken(a, w->month[m]);
		snprintf(key, sizeof key, "month_alone_%d", m);
		w->month_alone[m] = words_find(w, key);
		if (w->month_alone[m])
			w->month_alone[m] = S_unbroken(a, w->month_alone[m]);
		if (!w->month_alone[m])
			w->month_alone[m] = w->month[m];
	}
}

/* ------------------------------------------------------------ formats */

const char *words_fill(struct arena *a, const char *pattern,
		       const char *const *names, const char *const *vals,
		       size_t n)
{
	struct buf b;
	buf_init(&b);
	for (const char *p = pattern; *p;) {
		size_t k = 0;
		if (*p == '{')
			for (; k < n; k++) {
				size_t len = strlen(names[k]);
				if (!strncmp(p + 1, names[k], len) &&
				    p[1 + len] == '}')
					break;
			}
		if (*p == '{' && k < n) {
			buf_puts(&b, vals[k]);
			p += strlen(names[k]) + 2;
		} else {
			buf_putc(&b, *p++);
		}
	}
	const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* Whether the ASCII space at s[i] is one French typography makes
 * no-break, and which: U+202F before ; ! ?, U+00A0 before : and » and
 * after «. */
static const char *S_french_space(const char *s, size_t len, size_t i)
{
	static const char nnbsp[] = "\u202f", nbsp[] = "\u00a0";
	if (i + 1 < len) {
		char next = s[i + 1];
		if (next == ';' || next == '!' || next == '?')
			return nnbsp;
		if (next == ':')
			return nbsp;
		if (i + 2 < len && !memcmp(s + i + 1, "\u00bb", 2))
			return nbsp;
	}
	if (i >= 2 && !memcmp(s + i - 2, "\u00ab", 2))
		return nbsp;
	return NULL;
}

/* The raised letters of a French ordinal typed at s[i] after figures
 * ("45e session", "la 1re"), as format_ordinal writes them: "ᵉ", "ʳᵉ";
 * NULL where s[i] is not one ("2e3", "1er", which dates keep). */
static const char *S_french_ordinal(const char *s, size_t len, size_t i)
{
	if (i == 0 || s[i - 1] < '0' || s[i - 1] > '9')
		return NULL;
	size_t end = s[i] == 'r' ? i + 2 : i + 1;
	if (s[i] == 'r' && (i + 1 >= len || s[i + 1] != 'e'))
		return NULL;
	/* the letters end a word: a blank, punctuation or the end follows */
	if (end < len) {
		unsigned char c = (unsigned char)s[end];
		bool blank = c == ' ' || c == '\t' || c == '\n' ||
			     (c == 0xC2 && end + 1 < len &&
			      (unsigned char)s[end + 1] == 0xA0) ||
			     (c == 0xE2 && end + 2 < len &&
			      (unsigned char)s[end + 1] == 0x80 &&
			      (unsigned char)s[end + 2] == 0xAF);
		if (!blank && !strchr(",.;:!?)]", c))
			return NULL;
	}
	return s[i] == 'r' ? "\u02b3\u1d49" : "\u1d49";
}

/* Whether the ASCII space at s[i] follows a Russian word of one letter
 * (в, к, с, о, у, и, а, я): Russian typography keeps such a word with
 * the next (a no-break space), so that no line ends with "к". */
static bool S_russian_space(const char *s, size_t i)
{
	if (i < 2)
		return false;
	unsigned char lead = (unsigned char)s[i - 2], cont = (unsigned char)s[i - 1];
	if ((lead != 0xD0 && lead != 0xD1) || (cont & 0xC0) != 0x80)
		return false;
	if (i == 2)
		return true;
	unsigned char before = (unsigned char)s[i - 3];
	return (before && strchr(" \t\r\n(\"", before)) ||
	       (before == 0xA0 && i >= 4 && (unsigned char)s[i - 4] == 0xC2) ||
	       (before == 0xAB && i >= 4 && (unsigned char)s[i - 4] == 0xC2);
}

/* Whether s[i] stands where a quotation opens: at the start, after a
 * blank or an opening bracket, quote or dash. */
static bool S_opens(const char *s, size_t i)
{
	static const char *const before[] = {
		"\u00a0", "\u202f", "\u201c", "\u2018", "\u00ab", "\u2013",
		"\u2014"};
	if (i == 0 || strchr(" \t\r\n([{/-", s[i - 1]))
		return true;
	for (size_t k = 0; k < sizeof before / sizeof *before; k++) {
		size_t n = strlen(before[k]);
		if (i >= n && !memcmp(s + i - n, before[k], n))
			return true;
	}
	return false;
}

/* The typographic mark for the straight ' or " at s[i], NULL to keep it:
 * after a word an apostrophe or a closing quote (’ ”), before one where
 * a quotation opens an opening quote (‘ “), as cmark-gfm's smart
 * punctuation sets the Markdown fields. */
static const char *S_curly(const char *s, size_t len, size_t i)
{
	bool opens = S_opens(s, i);
	bool word_next = i + 1 < len && !strchr(" \t\r\n.,;:!?)]}", s[i + 1]);
	if (s[i] == '\'')
		return !opens ? "\u2019" : word_next ? "\u2018" : NULL;
	return opens ? (word_next ? "\u201c" : NULL) : "\u201d";
}

static bool S_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Whether the ASCII space at s[i] stands between two groups of a number
 * typed with spaces ("12 500", "1 347 893", "200 000,5"): one to three
 * figures before it, not part of a word, a decimal part, a date or a
 * range, and three after it, not four ("2024 500" is two numbers). */
static bool S_group_space(const char *s, size_t len, size_t i)
{
	size_t b = i;
	while (b > 0 && S_digit(s[b - 1]))
		b--;
	if (i - b < 1 || i - b > 3 || i + 4 > len || !S_digit(s[i + 1]) ||
	    !S_digit(s[i + 2]) || !S_digit(s[i + 3]) ||
	    (i + 4 < len && S_digit(s[i + 4])))
		return false;
	if (b == 0)
		return true;
	char c = s[b - 1];
	if (c == '.' || c == ',' || c == '/' || c == '-' || c == '_' ||
	    (unsigned)((c | 0x20) - 'a') < 26)
		return false;
	if ((unsigned char)c < 0x80)
		return true;
	/* a character beyond ASCII: a letter ("бп5 300") but for blanks
	 * and punctuation ("« 12 500", "（12 500") */
	size_t k = b - 1;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	size_t adv;
	unsigned cp = utf8_decode(s + k, b - k, &adv);
	return (cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) ||
	       (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F);
}

/* The text as S_typeset sets it: quotes (when `quotes`), in French and
 * Russian spaces, and the spaces of a number typed with them made the
 * language's group separator (`group`, a no-break space; NULL: left). */
static bool S_typeset(enum lang lang, const char *group, const char *s,
		      size_t len, struct buf *out, bool quotes)
{
	/* most texts have nothing to set: found at memchr's speed */
	const char *space = memchr(s, ' ', len);
	bool numbers = false;
	if (space && group)
		for (const char *p = space; p && !numbers;
		     p = memchr(p + 1, ' ', len - (size_t)(p + 1 - s)))
			numbers = p > s && S_digit(p[-1]) && p + 1 < s + len &&
				  S_digit(p[1]);
	if (((lang != LANG_FR && lang != LANG_RU) || !space) && !numbers &&
	    (!quotes || (!memchr(s, '\'', len) && !memchr(s, '"', len))))
		return false;
	size_t done = 0, pairs[2] = {0, 0}; /* the ' and " met (Chinese) */
	bool changed = false;
	buf_clear(out);
	for (size_t i = 0; i < len; i++) {
		const char *with = NULL;
		if (s[i] == ' ' && numbers && S_group_space(s, len, i))
			with = group;
		else if (s[i] == ' ' && lang == LANG_FR)
			with = S_french_space(s, len, i);
		else if (s[i] == ' ' && lang == LANG_RU && S_russian_space(s, i))
			with = "\u00a0";
		else if (lang == LANG_FR && (s[i] == 'e' || s[i] == 'r') &&
			 (with = S_french_ordinal(s, len, i)) != NULL) {
			/* "45e", "1re" typed: raised as the labels' "45ᵉ" */
			buf_put(out, s + done, i - done);
			buf_puts(out, with);
			i += s[i] == 'r';
			done = i + 1;
			changed = true;
			continue;
		}
		else if ((s[i] == '\'' || s[i] == '"') && quotes &&
			 lang == LANG_ZH) {
			/* Chinese sets quotes with no space around them, where
			 * nothing tells an opening one from a closing one but
			 * their order: they pair */
			size_t k = s[i] == '"';
			with = pairs[k]++ % 2 ? (k ? "\u201d" : "\u2019")
					      : (k ? "\u201c" : "\u2018");
		} else if ((s[i] == '\'' || s[i] == '"') && quotes)
			with = S_curly(s, len, i);
		if (!with)
			continue;
		buf_put(out, s + done, i - done);
		buf_puts(out, with);
		done = i + 1;
		changed = true;
	}
	if (!changed)
		return false;
	buf_put(out, s + done, len - done);
	return true;
}

/* What a number's groups typed with spaces are joined by: the
 * language's separator when it is a space (French U+202F, Spanish and
 * Russian U+00A0), else a no-break space. */
static const char *S_group(const struct words *w)
{
	return w->thousands && (!strcmp(w->thousands, "\u202f") ||
				!strcmp(w->thousands, "\u00a0"))
		       ? w->thousands
		       : "\u00a0";
}

bool words_is_source_line(const struct words *w, const char *text)
{
	const char *alts = words_find(w, "table_source_words");
	while (alts && *alts) {
		size_t n = strcspn(alts, "|");
		if (n && !strncmp(text, alts, n)) {
			const char *p = text + n;
			/* a space, a no-break space, a narrow one */
			for (;;) {
				if (*p == ' ')
					p++;
				else if (!strncmp(p, "\xc2\xa0", 2))
					p += 2;
				else if (!strncmp(p, "\xe2\x80\xaf", 3))
					p += 3;
				else
					break;
			}
			if (*p == ':' || !strncmp(p, "\xef\xbc\x9a", 3))
				return true;
		}
		alts += n + (alts[n] == '|');
	}
	return false;
}

bool words_typeset(const struct words *w, const char *s, size_t len,
		   struct buf *out)
{
	w = S_w(w);
	return S_typeset(w->lang, S_group(w), s, len, out, false);
}

bool words_typeset_plain(const struct words *w, const char *s, size_t len,
			 struct buf *out)
{
	struct buf set;
	buf_init(&set);
	w = S_w(w);
	bool changed = S_typeset(w->lang, S_group(w), s, len, &set, true);
	if (changed) {
		buf_clear(out);
		buf_put(out, set.data, set.len);
	}
	buf_free(&set);
	return changed;
}

/* A plain text (a label, a field of the content) as S_typeset sets it,
 * its quotes too, as a copy in a; NULL when nothing changes. */
static const char *S_typeset_copy(enum lang lang, const char *group,
				  struct arena *a, const char *s, size_t len)
{
	struct buf out;
	buf_init(&out);
	const char *set = S_typeset(lang, group, s, len, &out, true)
				  ? arena_strndup(a, out.data, out.len)
				  : NULL;
	buf_free(&out);
	return set;
}

const char *words_typeset_copy(const struct words *w, struct arena *a,
			       const char *s, size_t len)
{
	w = S_w(w);
	const char *set = S_typeset_copy(w->lang, S_group(w), a, s, len);
	return set ? set : arena_strndup(a, s, len);
}

const char *words_text(const struct words *w, struct arena *a,
		       const struct text *t, enum lang first)
{
	const char *s = text_get(t, S_w(w)->lang, first);
	const char *set = s ? S_typeset_copy(S_w(w)->lang, S_group(S_w(w)), a,
					     s, strlen(s))
			    : NULL;
	return set ? set : s;
}

const char *words_of(const struct words *w, struct arena *a,
		     const char *name)
{
	w = S_w(w);
	const char *names[] = {"name"};
	const char *vals[] = {name};
	const char *s = words_fill(a, words_get(w, "format_of"), names, vals,
				   1);
	/* the contractions, at the start or after a space */
	static const struct {
		enum lang lang;
		const char *from, *to;
	} rules[] = {{LANG_FR, "de le ", "du "},   {LANG_FR, "de les ", "des "},
		     {LANG_FR, "De le ", "Du "},   {LANG_FR, "De les ", "Des "},
		     {LANG_ES, "de el ", "del "},  {LANG_ES, "De el ", "Del "}};
	for (size_t k = 0; k < sizeof rules / sizeof *rules; k++) {
		const char *at = rules[k].lang == w->lang
					 ? strstr(s, rules[k].from)
					 : NULL;
		if (!at || (at > s && at[-1] != ' '))
			continue;
		s = arena_printf(a, "%.*s%s%s", (int)(at - s), s, rules[k].to,
				 at + strlen(rules[k].from));
	}
	return s;
}

const char *words_parenthesized(const struct words *w, struct arena *a,
				const char *s)
{
	return arena_printf(a, "%s%s%s", words_get(w, "paren_open"), s,
			    words_get(w, "paren_close"));
}

const char *words_list_separator(const struct words *w)
{
	return S_w(w)->separator;
}

const struct words *words_block_words(const struct words *w)
{
	return w && w->block ? w->block : w;
}

int words_block_lang(const struct words *w)
{
	const struct words *b = words_block_words(w);
	return b && w && b->lang != w->lang ? (int)b->lang : -1;
}

struct words_block words_block(const struct words *w, struct arena *a,
			       enum lang original, const struct date *date)
{
	w = S_w(w);
	const struct words *b = words_block_words(w);
	struct words_block k = {0};
	k.distribution = words_get(b, "un_distribution");
	k.date = words_date(b, a, date);
	const char *name = words_named(b, "language", lang_code(original));
	k.original = name ? words_original(b, a, name) : NULL;
	/* a translation names its own language on the line between: the
	 * line is empty in the original (A/HRC/59/15), "Arabic" above
	 * "Original: English" in its Arabic version (A/65/L.78) */
	if (w->lang != original) {
		const char *own = words_named(b, "language", lang_code(w->lang));
		k.language = own ? words_capitalized(a, own) : NULL;
	}
	return k;
}

const char *words_original(const struct words *w, struct arena *a,
			   const char *language_name)
{
	const char *pattern = words_get(w, "un_original");
	if (!strstr(pattern, "{language}"))
		return arena_printf(a, "%s %s", pattern, language_name);
	const char *names[] = {"language"};
	const char *vals[] = {language_name};
	return words_fill(a, pattern, names, vals, 1);
}

static const char *S_fill_n(struct arena *a, const char *pattern, long n)
{
	char num[32];
	snprintf(num, sizeof num, "%ld", n);
	const char *names[] = {"n"};
	const char *vals[] = {num};
	return words_fill(a, pattern, names, vals, 1);
}

/* The labels say which form a number takes: the exact number first
 * (format_ordinal_is_N), then its last two digits, then its last digit,
 * then format_ordinal. */
const char *words_ordinal(const struct words *w, struct arena *a, long n)
{
	w = S_w(w);
	char key[48];
	snprintf(key, sizeof key, "format_ordinal_is_%ld", n);
	const char *pattern = words_find(w, key);
	if (!pattern) {
		snprintf(key, sizeof key, "format_ordinal_%ld", n % 100);
		pattern = words_find(w, key);
	}
	if (!pattern) {
		snprintf(key, sizeof key, "format_ordinal_%ld", n % 10);
		pattern = words_find(w, key);
	}
	if (!pattern)
		pattern = words_find(w, "format_ordinal");
	return S_fill_n(a, pattern ? pattern : "{n}", n);
}

const char *words_percent(const struct words *w, struct arena *a, int pct)
{
	w = S_w(w);
	return S_fill_n(a, w->percent, pct);
}

const char *words_percent_in_text(const struct words *w, struct arena *a,
				  int pct, bool un)
{
	w = S_w(w);
	const char *in_text = un ? words_find(w, "format_percent_in_text_un")
				 : NULL;
	return S_fill_n(a, in_text ? in_text : w->percent, pct);
}

/* Roman numerals, as the UN numbers a document's chapters. */
static void S_roman(struct buf *b, long n)
{
	static const struct {
		int v;
		const char *s;
	} r[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
		 {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
		 {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"},
		 {1, "I"}};
	for (size_t i = 0; i < sizeof r / sizeof *r; i++)
		for (; n >= r[i].v; n -= r[i].v)
			buf_puts(b, r[i].s);
}

/* Letters past Z as a spreadsheet's columns: A…Z, AA, AB… */
static void S_letters(struct buf *b, long n, char first)
{
	char rev[16];
	size_t k = 0;
	for (; n > 0 && k < sizeof rev; n = (n - 1) / 26)
		rev[k++] = (char)(first + (n - 1) % 26);
	while (k)
		buf_putc(b, rev[--k]);
}

const char *words_letter(const struct words *w, struct arena *a, long n)
{
	char key[32];
	snprintf(key, sizeof key, "letter_%ld", n);
	const char *own = words_find(w, key);
	if (own)
		return own;
	/* the language's own letters (letter_1, letter_2...), when it has
	 * them, go on as A, B go on after Z: two of them, then three ("АА"
	 * after "Я", "甲甲" after "癸"; letters that are names, as Arabic's,
	 * apart by a space: "ألف ألف"), not the Latin letter of the same
	 * rank ("K." after "癸.") */
	const char *letter[64];
	long k = 0;
	bool names = false;
	for (; k < 64; k++) {
		snprintf(key, sizeof key, "letter_%ld", k + 1);
		if (!(letter[k] = words_find(w, key)) || !*letter[k])
			break;
		size_t adv;
		utf8_decode(letter[k], strlen(letter[k]), &adv);
		names = names || letter[k][adv];
	}
	struct buf b;
	buf_init(&b);
	if (k < 2 || n < 1) {
		S_letters(&b, n, 'A');
	} else {
		long digit[16];
		size_t m = 0;
		for (; n > 0 && m < 16; n = (n - 1) / k)
			digit[m++] = (n - 1) % k;
		while (m--)
			buf_printf(&b, "%s%s", letter[digit[m]],
				   m && names ? " " : "");
	}
	const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

const char *words_un_number(const struct words *w, struct arena *a,
			    int level, long n)
{
	w = S_w(w);
	level = level < 1 ? 1 : level > 5 ? 4 : level;
	n = n < 1 ? 1 : n > 3999 ? 3999 : n;
	char key[32];
	if (level == 5) {
		const char *list = words_find(w, "written_numerals");
		const char *pattern = words_find(w, "format_written_heading");
		if (!list || !pattern)
			return "";
		const char *s = list;
		for (long k = 1; s && k < n; k++)
			if ((s = strchr(s, '|')))
				s++;
		if (!s)
			return "";
		const char *val = arena_strndup(a, s, strcspn(s, "|"));
		static const char *const names[] = {"n"};
		return words_fill(a, pattern, names, &val, 1);
	}
	snprintf(key, sizeof key, "un_numerals_%d", level);
	const char *list = words_find(w, key);
	struct buf num;
	buf_init(&num);
	if (list) {
		const char *s = list;
		for (long k = 1; s && k < n; k++)
			if ((s = strchr(s, '|')))
				s++;
		if (s)
			buf_put(&num, s, strcspn(s, "|"));
		else
			buf_printf(&num, "%ld", n);
	} else if (level == 1) {
		S_roman(&num, n);
	} else if (level == 2) {
		buf_puts(&num, words_letter(w, a, n));
	} else if (level == 3) {
		buf_printf(&num, "%ld", n);
	} else {
		S_letters(&num, n, 'a');
	}
	snprintf(key, sizeof key, "format_un_heading_%d", level);
	const char *pattern = S_or(w, key, level == 4 ? "({n})" : "{n}.");
	static const char *const names[] = {"n"};
	const char *val = arena_strndup(a, num.data ? num.data : "", num.len);
	buf_free(&num);
	return words_fill(a, pattern, names, &val, 1);
}

void words_un_numbers(const struct words *w, struct arena *a,
		      struct words_un_numbers *out)
{
	for (int level = 1; level <= WORDS_UN_KINDS; level++)
		for (long n = 1; n <= WORDS_UN_WRITTEN; n++) {
			const char *num = words_un_number(w, a, level, n);
			out->num[level - 1][n - 1] = num;
			out->len[level - 1][n - 1] = strlen(num);
		}
}

size_t words_un_number_written(const struct words_un_numbers *t,
			       const char *s, int *level, long *n)
{
	for (int l = 1; l <= WORDS_UN_KINDS; l++)
		for (long k = 1; k <= WORDS_UN_WRITTEN; k++) {
			const char *num = t->num[l - 1][k - 1];
			size_t len = t->len[l - 1][k - 1];
			/* "二、" needs no blank after it: Chinese has none */
			bool wide = len && (unsigned char)num[len - 1] >= 0x80;
			if (!len || num[0] != s[0] || strncmp(s, num, len) ||
			    (s[len] != ' ' && s[len] != '\t' &&
			     !(wide && s[len])))
				continue;
			while (s[len] == ' ' || s[len] == '\t')
				len++;
			*level = l;
			*n = k;
			return len;
		}
	return 0;
}

const char *words_ltr(const struct words *w, struct arena *a, const char *s)
{
	w = S_w(w);
	return lang_is_rtl(w->lang) ? arena_printf(a, "\u2066%s\u2069", s) : s;
}

const char *words_paragraph_pattern(const struct words *w)
{
	return S_w(w)->paragraph_number;
}

const char *words_word_subparagraph(const struct words *w, struct arena *a,
				    const char *n, const char **numfmt)
{
	w = S_w(w);
	*numfmt = S_or(w, "word_subparagraph_letters", "lowerLetter");
	static const char *const names[] = {"n"};
	return words_fill(a, S_or(w, "format_un_heading_4", "({n})"), names,
			  &n, 1);
}

const char *words_paragraph_number(const struct words *w, struct arena *a,
				   const char *n)
{
	w = S_w(w);
	static const char *const names[] = {"n"};
	return words_fill(a, w->paragraph_number, names, &n, 1);
}

/* Spanish writes "e" for "y" before a word that starts with the sound i
 * ("España e Italia", but "Chile y Haití", "agua y hielo"). */
static bool S_starts_with_i(const char *s)
{
	if (s[0] == 'H' || s[0] == 'h')
		s++;
	bool i = s[0] == 'I' || s[0] == 'i';
	bool i_acute = (unsigned char)s[0] == 0xC3 &&
		       ((unsigned char)s[1] == 0x8D ||
			(unsigned char)s[1] == 0xAD);
	if (!i && !i_acute)
		return false;
	char next = s[i ? 1 : 2];
	return !next || !strchr("aeouAEOU", next);
}

const char *words_join(const struct words *w, struct arena *a,
		       const char *const *items, size_t n)
{
	w = S_w(w);
	if (n == 0)
		return "";
	if (n == 1)
		return items[0];
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (i && i + 1 < n)
			buf_puts(&b, w->separator);
		else if (i)
			buf_puts(&b, w->and_i && S_starts_with_i(items[i])
					     ? w->and_i
					     : w->and);
		buf_puts(&b, items[i]);
	}
	const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

const char *words_date(const struct words *w, struct arena *a,
		       const struct date *d)
{
	w = S_w(w);
	if (!d->present)
		return "";
	char year[16], day[16], month_num[16];
	snprintf(year, sizeof year, "%d", d->year);
	if (d->month < 1 || d->month > 12) {
		/* a year alone: "2024", "2024年", "2024 год" */
		const char *pattern = words_find(w, "format_year");
		const char *names[] = {"year"};
		const char *vals[] = {year};
		return pattern ? words_fill(a, S_unbroken(a, pattern), names,
					    vals, 1)
			       : arena_strdup(a, year);
	}
	snprintf(month_num, sizeof month_num, "%02d", d->month);
	const char *month = w->month[d->month];
	const char *names[] = {"day", "month", "year"};
	const char *vals[] = {day, month ? month : month_num, year};
	if (!d->day) {
		if (w->month_alone[d->month])
			vals[1] = w->month_alone[d->month];
		return words_fill(a, w->month_year, names + 1, vals + 1, 2);
	}
	snprintf(day, sizeof day, "%d", d->day);
	if (d->day == 1 && w->first_day)
		vals[0] = w->first_day;
	return words_fill(a, w->date, names, vals, 3);
}

size_t words_cut(const char *s, size_t fits)
{
	size_t keep = fits;
	if (s[keep] && s[keep] != ' ') {
		size_t space = keep;
		while (space > fits / 2 && s[space] != ' ')
			space--;
		if (space > fits / 2)
			keep = space;
	}
	for (;;) {
		while (keep && strchr(" ,:;", s[keep - 1]))
			keep--;
		/* the last word: back to the blank before it */
		size_t start = keep;
		while (start && s[start - 1] != ' ')
			start--;
		size_t letters = 0;
		for (size_t i = start; i < keep; i++)
			letters += ((unsigned char)s[i] & 0xC0) != 0x80;
		if (!start || start <= fits / 2 || letters > 3)
			return keep;
		keep = start;
	}
}

/* ASCII, Latin-1 and Cyrillic letters, which are all the months of the
 * languages with capitals begin with (Arabic and Chinese have none);
 * each capital is as long in UTF-8 as its small letter. */
const char *words_capitalized(struct arena *a, const char *s)
{
	char *t = arena_strdup(a, s);
	unsigned char *u = (unsigned char *)t;
	if (u[0] >= 'a' && u[0] <= 'z')
		u[0] = (unsigned char)(u[0] - 'a' + 'A');
	else if (u[0] == 0xC3 && u[1] >= 0xA0 && u[1] <= 0xBE && u[1] != 0xB7)
		u[1] = (unsigned char)(u[1] - 0x20);
	else if (u[0] == 0xD0 && u[1] >= 0xB0 && u[1] <= 0xBF) /* а..п */
		u[1] = (unsigned char)(u[1] - 0x20);
	else if (u[0] == 0xD1 && u[1] >= 0x80 && u[1] <= 0x8F) { /* р..я */
		u[0] = 0xD0;
		u[1] = (unsigned char)(u[1] + 0x20);
	} else if (u[0] == 0xD1 && u[1] >= 0x90 && u[1] <= 0x9F) { /* ѐ..џ */
		u[0] = 0xD0;
		u[1] = (unsigned char)(u[1] - 0x10);
	}
	return t;
}

/* The inverse of words_capitalized(): the same letters. */
const char *words_after_colon(const struct words *w, struct arena *a,
			      const char *s)
{
	const char *rule = words_find(S_w(w), "format_after_colon");
	if (!s || !rule || strcmp(rule, "lower"))
		return s;
	char *t = arena_strdup(a, s);
	unsigned char *u = (unsigned char *)t;
	if (u[0] >= 'A' && u[0] <= 'Z')
		u[0] = (unsigned char)(u[0] - 'A' + 'a');
	else if (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97)
		u[1] = (unsigned char)(u[1] + 0x20);
	else if (u[0] == 0xD0 && u[1] >= 0x90 && u[1] <= 0x9F) /* А..П */
		u[1] = (unsigned char)(u[1] + 0x20);
	else if (u[0] == 0xD0 && u[1] >= 0xA0 && u[1] <= 0xAF) { /* Р..Я */
		u[0] = 0xD1;
		u[1] = (unsigned char)(u[1] - 0x20);
	} else if (u[0] == 0xD0 && u[1] >= 0x80 && u[1] <= 0x8F) { /* Ѐ..Џ */
		u[0] = 0xD1;
		u[1] = (unsigned char)(u[1] + 0x10);
	}
	return t;
}

/* CLDR's plural categories of whole numbers (unicode.org/cldr, "Language
 * Plural Rules", integers only: no report counts halves). */
const char *words_plural_category(enum lang lang, long long n)
{
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n
				      : (unsigned long long)n;
	unsigned long long m10 = u % 10, m100 = u % 100;
	switch (lang) {
	case LANG_EN:
	case LANG_ES:
		return u == 1 ? "one" : "other";
	case LANG_FR:
		return u <= 1 ? "one" : "other";
	case LANG_RU:
		if (m10 == 1 && m100 != 11)
			return "one";
		if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14))
			return "few";
		return "many";
	case LANG_AR:
		if (u == 0)
			return "zero";
		if (u == 1)
			return "one";
		if (u == 2)
			return "two";
		if (m100 >= 3 && m100 <= 10)
			return "few";
		if (m100 >= 11)
			return "many";
		return "other";
	case LANG_ZH:
	case LANG_COUNT:
		break;
	}
	return "other";
}

const char *words_count_pattern(const struct words *w, const char *key,
				long long n)
{
	w = S_w(w);
	char k[128];
	int len = snprintf(k, sizeof k, "%s_%s", key,
			   words_plural_category(w->lang, n));
	const char *pattern = len > 0 && (size_t)len < sizeof k
				      ? words_find(w, k) : NULL;
	return pattern ? pattern : words_get(w, key);
}

const char *words_count(const struct words *w, struct arena *a,
			const char *key, long long n)
{
	w = S_w(w);
	const char *pattern = words_count_pattern(w, key, n);
	const char *names[] = {"n"};
	const char *vals[] = {words_integer(w, a, n)};
	return words_fill(a, pattern, names, vals, 1);
}

/* The decimal digits of u at the end of tmp (24 bytes); returns where
 * they start.  Without printf: most figures are whole numbers. */
static const char *S_digits(char *tmp, unsigned long long u)
{
	char *p = tmp + 23;
	*p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	return p;
}

/* Appends the len digits at d, grouped by threes when there are at least
 * as many as the language groups from. */
static void S_grouped(struct buf *b, const struct words *w, const char *d,
		      size_t len, bool column)
{
	size_t from = column && w->thousands_from > 4 ? 4 : w->thousands_from;
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0 && len >= from)
			buf_puts(b, w->thousands);
		buf_putc(b, d[i]);
	}
}

const char *words_integer(const struct words *w, struct arena *a,
			  long long n)
{
	w = S_w(w);
	struct buf b;
	buf_init(&b);
	/* the hyphen-minus: the PDF's fonts have no U+2212 */
	if (n < 0)
		buf_puts(&b, "-");
	char tmp[24];
	const char *d = S_digits(tmp, n < 0 ? 0ULL - (unsigned long long)n
					    : (unsigned long long)n);
	S_grouped(&b, w, d, strlen(d), false);
	const char *s = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return s;
}

void words_number_put(const struct words *w, struct buf *b, double x,
		      int decimals, bool column)
{
	w = S_w(w);
	if (!isfinite(x)) {
		buf_puts(b, x != x ? "–" : x < 0 ? "-∞" : "∞");
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	char buf[400], tmp[24];
	double ax = fabs(x);
	const char *digits = buf;
	if (ax < 1e15 && ax == floor(ax))
		digits = S_digits(tmp, (unsigned long long)ax);
	else
		snprintf(buf, sizeof buf, "%.*f", decimals, ax);
	const char *dot = strchr(digits, '.');
	size_t int_len = dot ? (size_t)(dot - digits) : strlen(digits);
	if (x < 0 && strspn(digits, "0.") != strlen(digits))
		buf_puts(b, "-");
	S_grouped(b, w, digits, int_len, column);
	if (dot) {
		size_t frac = strlen(dot + 1);
		while (frac && dot[frac] == '0')
			frac--;
		if (frac) {
			buf_puts(b, w->decimal);
			buf_put(b, dot + 1, frac);
		}
	}
}

void words_roman(struct buf *b, long n, bool small)
{
	size_t from = b->len;
	S_roman(b, n);
	for (size_t i = from; small && i < b->len; i++)
		b->data[i] = (char)(b->data[i] | 0x20);
}

const char *words_fold(struct arena *a, const char *s)
{
	struct buf b;
	buf_init(&b);
	bool space = false;
	for (size_t i = 0, len = strlen(s); i < len;) {
		size_t adv;
		unsigned c = utf8_decode(s + i, len - i, &adv);
		i += adv ? adv : 1;
		if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
			c -= 0xFEE0;
		else if (c == 0x3000)
			c = ' ';
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == 0xA0 || c == 0x202F) {
			space = b.len > 0;
			continue;
		}
		/* Arabic marks (fathatan to sukun, the superscript alef)
		 * and tatweel are left out */
		if ((c >= 0x064B && c <= 0x0652) || c == 0x0670 || c == 0x0640)
			continue;
		if (space)
			buf_putc(&b, ' ');
		space = false;
		c = unicode_lower(c);
		if (c == 0x622 || c == 0x623 || c == 0x625)
			c = 0x627; /* آ أ إ: ا */
		else if (c >= 0x660 && c <= 0x669)
			c = '0' + (c - 0x660); /* Arabic-Indic digits */
		else if (c >= 0x6F0 && c <= 0x6F9)
			c = '0' + (c - 0x6F0); /* Persian digits */
		if (c == 0x153 || c == 0x152) {
			buf_puts(&b, "oe");
			continue;
		}
		if (c == 0xE6 || c == 0xC6) {
			buf_puts(&b, "ae");
			continue;
		}
		char u[4];
		buf_put(&b, u, utf8_encode(c, u));
	}
	const char *out = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return out;
}

const char *words_cell_number(const struct words *w, struct arena *a,
			      double x, int decimals, bool percent)
{
	w = S_w(w);
	if (percent)
		x *= 100;
	const char *num = words_number(w, a, x, decimals < 0 ? 6 : decimals,
				       false);
	if (!percent)
		return num;
	const char *names[] = {"n"};
	const char *vals[] = {num};
	return words_fill(a, w->percent, names, vals, 1);
}

const char *words_number(const struct words *w, struct arena *a, double x,
			 int decimals, bool column)
{
	struct buf b;
	buf_init(&b);
	words_number_put(w, &b, x, decimals, column);
	const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

const char *words_file_size(const struct words *w, struct arena *a,
			    long long bytes)
{
	w = S_w(w);
	long long kb = bytes <= 0 ? 0 : (bytes + 999) / 1000;
	const char *n = kb < 1000 ? words_integer(w, a, kb)
				  : words_number(w, a,
						 (double)((bytes + 50000) /
							  100000) / 10, 1, false);
	const char *names[] = {"n"};
	const char *vals[] = {n};
	return words_fill(a, words_get(w, kb < 1000 ? "size_kb" : "size_mb"),
			  names, vals, 1);
}

/* ------------------------------------------------------------- shares */

bool words_shares_adjusted(const size_t *count, const int *pct, size_t n,
			   size_t total)
{
	for (size_t i = 0; total && i < n; i++)
		if ((size_t)pct[i] != (count[i] * 200 + total) / (2 * total))
			return true;
	return false;
}

void words_shares(const size_t *count, size_t n, size_t total, int *pct)
{
	if (!total) {
		memset(pct, 0, n * sizeof *pct);
		return;
	}
	size_t sum = 0, given = 0;
	for (size_t i = 0; i < n; i++) {
		sum += count[i];
		pct[i] = (int)(count[i] * 100 / total);
		given += (size_t)pct[i];
	}
	/* the parts of a whole add up to 100; parts of a larger whole to
	 * their own rounded share of it */
	size_t target = (sum * 100 + total / 2) / total;
	bool *raised = xcalloc(n ? n : 1, sizeof *raised);
	for (; given < target; given++) {
		size_t best = n;
		for (size_t i = 0; i < n; i++) {
			size_t rem = count[i] * 100 % total;
			if (!raised[i] && rem &&
			    (best == n || rem > count[best] * 100 % total))
				best = i;
		}
		if (best == n)
			break;
		raised[best] = true;
		pct[best]++;
	}
	free(raised);
}

/* ---- passages in another script ------------------------------------- */

/* The scripts a passage is told apart by.  S_NONE: no letter (spaces,
 * figures, punctuation, symbols, and the letters of scripts not listed
 * below); S_MARK: a combining mark, which goes with the letter before
 * it. */
enum S_script { S_NONE, S_MARK, S_LATIN, S_ARABIC, S_CYRILLIC, S_CJK,
		S_HANGUL, S_GREEK, S_HEBREW, S_OTHER };

/* The letters (and marks) of the scripts told apart, by code point
 * ranges of the Unicode Standard's charts, sorted; what no range holds is
 * S_NONE.  lang: the language the range's letters settle, -1 none
 * (Arabic letters beyond the Arabic alphabet are Persian, Urdu, Pashto,
 * Kurdish...; Cyrillic beyond the Russian alphabet Ukrainian, Serbian,
 * Kazakh...; kana Japanese).  (Not FriBidi's character classes: the
 * website's build does not load FriBidi, tests/build.) */
static const struct S_script_range {
	unsigned lo, hi;
	enum S_script script;
	signed char lang;
} S_scripts[] = {
	{0x0041, 0x005A, S_LATIN, -1},
	{0x0061, 0x007A, S_LATIN, -1},
	{0x00AA, 0x00AA, S_LATIN, -1},
	{0x00B5, 0x00B5, S_LATIN, -1},
	{0x00BA, 0x00BA, S_LATIN, -1},
	{0x00C0, 0x00D6, S_LATIN, -1},
	{0x00D8, 0x00F6, S_LATIN, -1},
	{0x00F8, 0x02C1, S_LATIN, -1}, /* to IPA and modifier letters */
	{0x02C6, 0x02D1, S_LATIN, -1},
	{0x02E0, 0x02E4, S_LATIN, -1},
	{0x0300, 0x036F, S_MARK, -1},
	{0x0370, 0x0373, S_GREEK, -1},
	{0x0376, 0x037D, S_GREEK, -1},
	{0x037F, 0x037F, S_GREEK, -1},
	{0x0386, 0x0386, S_GREEK, -1},
	{0x0388, 0x03FF, S_GREEK, -1},
	{0x0400, 0x0400, S_CYRILLIC, -1},
	{0x0401, 0x0401, S_CYRILLIC, LANG_RU}, /* Ё */
	{0x0402, 0x040F, S_CYRILLIC, -1},
	{0x0410, 0x044F, S_CYRILLIC, LANG_RU}, /* А..я */
	{0x0450, 0x0450, S_CYRILLIC, -1},
	{0x0451, 0x0451, S_CYRILLIC, LANG_RU}, /* ё */
	{0x0452, 0x0481, S_CYRILLIC, -1},
	{0x0483, 0x0489, S_MARK, -1},
	{0x048A, 0x052F, S_CYRILLIC, -1},
	{0x0531, 0x0587, S_OTHER, -1}, /* Armenian */
	{0x0591, 0x05BD, S_MARK, -1},
	{0x05BF, 0x05BF, S_MARK, -1},
	{0x05C1, 0x05C2, S_MARK, -1},
	{0x05C4, 0x05C5, S_MARK, -1},
	{0x05C7, 0x05C7, S_MARK, -1},
	{0x05D0, 0x05F2, S_HEBREW, -1},
	{0x0610, 0x061A, S_MARK, -1},
	{0x0620, 0x0620, S_ARABIC, -1},
	{0x0621, 0x063A, S_ARABIC, LANG_AR}, /* ء..غ */
	{0x063B, 0x063F, S_ARABIC, -1},
	{0x0640, 0x064A, S_ARABIC, LANG_AR}, /* the tatweel, ف..ي */
	{0x064B, 0x065F, S_ARABIC, LANG_AR}, /* vowel signs */
	{0x066E, 0x066F, S_ARABIC, -1},
	{0x0670, 0x0670, S_ARABIC, LANG_AR}, /* superscript alef */
	{0x0671, 0x06D3, S_ARABIC, -1},
	{0x06D5, 0x06D5, S_ARABIC, -1},
	{0x06D6, 0x06ED, S_MARK, -1},
	{0x06EE, 0x06EF, S_ARABIC, -1},
	{0x06FA, 0x06FF, S_ARABIC, -1},
	{0x0750, 0x077F, S_ARABIC, -1},
	{0x08A0, 0x08FF, S_ARABIC, -1},
	{0x0900, 0x0DFF, S_OTHER, -1}, /* the scripts of India, Sinhala */
	{0x0E00, 0x0FFF, S_OTHER, -1}, /* Thai, Lao, Tibetan */
	{0x1000, 0x109F, S_OTHER, -1}, /* Myanmar */
	{0x10A0, 0x10FF, S_OTHER, -1}, /* Georgian */
	{0x1100, 0x11FF, S_HANGUL, -1},
	{0x1200, 0x139F, S_OTHER, -1}, /* Ethiopic */
	{0x1780, 0x18AF, S_OTHER, -1}, /* Khmer, Mongolian */
	{0x1AB0, 0x1AFF, S_MARK, -1},
	{0x1C80, 0x1C8F, S_CYRILLIC, -1},
	{0x1D00, 0x1DBF, S_LATIN, -1},
	{0x1DC0, 0x1DFF, S_MARK, -1},
	{0x1E00, 0x1EFF, S_LATIN, -1},
	{0x1F00, 0x1FFF, S_GREEK, -1},
	{0x2071, 0x2071, S_LATIN, -1},
	{0x207F, 0x207F, S_LATIN, -1},
	{0x2090, 0x209C, S_LATIN, -1},
	{0x20D0, 0x20FF, S_MARK, -1},
	{0x2C60, 0x2C7F, S_LATIN, -1},
	{0x2DE0, 0x2DFF, S_CYRILLIC, -1},
	{0x2E80, 0x2FDF, S_CJK, LANG_ZH}, /* radicals */
	{0x3005, 0x3007, S_CJK, LANG_ZH},
	{0x3021, 0x3029, S_CJK, LANG_ZH},
	{0x3031, 0x3035, S_CJK, -1}, /* kana repeat marks */
	{0x3038, 0x303B, S_CJK, LANG_ZH},
	{0x3041, 0x3096, S_CJK, -1}, /* hiragana */
	{0x3099, 0x309A, S_MARK, -1},
	{0x309D, 0x309F, S_CJK, -1},
	{0x30A1, 0x30FA, S_CJK, -1}, /* katakana */
	{0x30FC, 0x30FF, S_CJK, -1},
	{0x3105, 0x312F, S_CJK, LANG_ZH}, /* bopomofo */
	{0x3131, 0x318E, S_HANGUL, -1},
	{0x31A0, 0x31BF, S_CJK, LANG_ZH},
	{0x31F0, 0x31FF, S_CJK, -1},
	{0x3400, 0x4DBF, S_CJK, LANG_ZH},
	{0x4E00, 0x9FFF, S_CJK, LANG_ZH},
	{0xA640, 0xA69F, S_CYRILLIC, -1},
	{0xA720, 0xA7FF, S_LATIN, -1},
	{0xA960, 0xA97C, S_HANGUL, -1},
	{0xAB30, 0xAB6F, S_LATIN, -1},
	{0xAC00, 0xD7A3, S_HANGUL, -1},
	{0xD7B0, 0xD7FB, S_HANGUL, -1},
	{0xF900, 0xFAFF, S_CJK, LANG_ZH},
	{0xFB00, 0xFB06, S_LATIN, -1},
	{0xFB1D, 0xFB4F, S_HEBREW, -1},
	{0xFB50, 0xFDFF, S_ARABIC, -1},
	{0xFE20, 0xFE2F, S_MARK, -1},
	{0xFE70, 0xFEFC, S_ARABIC, LANG_AR}, /* presentation forms */
	{0xFF21, 0xFF3A, S_LATIN, -1},	      /* full width */
	{0xFF41, 0xFF5A, S_LATIN, -1},
	{0xFF66, 0xFF9D, S_CJK, -1}, /* half-width katakana */
	{0xFF9E, 0xFF9F, S_MARK, -1},
	{0xFFA0, 0xFFDC, S_HANGUL, -1},
	{0x1D400, 0x1D7FF, S_LATIN, -1}, /* mathematical letters */
	{0x20000, 0x3134F, S_CJK, LANG_ZH},
};

/* What the letters of a passage whose language they do not tell are,
 * for messages. */
static const char *const S_script_names[] = {
	[S_ARABIC] = "letters of the Arabic script beyond the Arabic "
		     "alphabet (as in Persian, Urdu or Pashto)",
	[S_CYRILLIC] = "Cyrillic letters beyond the Russian alphabet (as in "
		       "Ukrainian, Serbian or Kazakh)",
	[S_CJK] = "Japanese kana",
	[S_HANGUL] = "Korean letters",
	[S_GREEK] = "Greek letters",
	[S_HEBREW] = "Hebrew letters",
	[S_OTHER] = "letters of another script",
};

/* The script of the character c (and the language it settles). */
static enum S_script S_script_of(unsigned c, int *lang)
{
	*lang = -1;
	size_t lo = 0, hi = sizeof S_scripts / sizeof *S_scripts;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < S_scripts[mid].lo)
			hi = mid;
		else if (c > S_scripts[mid].hi)
			lo = mid + 1;
		else {
			*lang = S_scripts[mid].lang;
			return S_scripts[mid].script;
		}
	}
	return S_NONE;
}

static enum S_script S_script_of_lang(enum lang l)
{
	switch (l) {
	case LANG_AR: return S_ARABIC;
	case LANG_ZH: return S_CJK;
	case LANG_RU: return S_CYRILLIC;
	default: return S_LATIN;
	}
}

/* Whether the UTF-8 sequence at s (n bytes left) may be a letter of a
 * script other than Latin: text with none (most of a report in a Latin
 * script) is passed over without decoding.  U+0000-U+033F begin with
 * C0-CC; U+2000-U+2BFF (punctuation, symbols) with E2 80-AF. */
static bool S_may_be_foreign(const char *s, size_t n)
{
	unsigned char b = (unsigned char)s[0];
	return b >= 0xCD &&
	       (b != 0xE2 || (n > 1 && (unsigned char)s[1] >= 0xB0));
}

bool words_foreign_passage(enum lang doc, const char *s, size_t len,
			   size_t from, struct words_passage *p)
{
	enum S_script own = S_script_of_lang(doc);
	enum S_script script = S_NONE;
	bool settled = true;
	int lang = -1;
	for (size_t i = from; i < len;) {
		if (script == S_NONE) {
			/* eight bytes at a time where they are ASCII, as most
			 * of a report in a Latin script is (its scan was 3 %
			 * of a site's build a byte at a time) */
			uint64_t eight;
			while (len - i >= 8 &&
			       (memcpy(&eight, s + i, 8),
				!(eight & 0x8080808080808080u)))
				i += 8;
			if (i >= len)
				break;
			if (!S_may_be_foreign(s + i, len - i)) {
				i++;
				continue;
			}
		}
		size_t adv;
		unsigned c = utf8_decode(s + i, len - i, &adv);
		adv = adv ? adv : 1;
		int l;
		enum S_script k = S_script_of(c, &l);
		if (script == S_NONE) {
			if (k > S_LATIN && k != own) {
				script = k;
				p->start = i;
				p->end = i + adv;
				lang = l;
				settled = l >= 0;
			}
		} else if (k == script) {
			p->end = i + adv;
			settled = settled && l == lang;
		} else if (k == S_MARK) {
			if (p->end == i)
				p->end = i + adv; /* a mark on the last letter */
		} else if (k != S_NONE) {
			break;
		}
		i += adv;
	}
	if (script == S_NONE)
		return false;
	p->lang = settled ? lang : -1;
	p->script = S_script_names[script];
	return true;
}
