/*
 * words — every fixed word of every output, and every way a value is
 * written in a language: dates ("1er mars 2024", "1 de marzo de 2024"),
 * lists ("Chile, Spain and Italy", "España e Italia"), ordinals, whole
 * numbers with the language's thousands separator, percentages, and the
 * shares of a whole that always add up to 100.
 *
 * The words come from one place: the labels of the language,
 * templates/labels/LL.yaml.  words_labels() reads the built-in file and
 * lays the project's own templates/labels/LL.yaml over it, key by key, so
 * that a project that changes one word copies one line.  No other module
 * holds a word of any language: the HTML, PDF and chart back ends, the
 * template context and the site all ask here.  A key no labels file has
 * shows as the key itself (a missing word shows rather than vanishes).
 * A new language is a labels file plus, where its grammar needs one, a
 * rule in words.c (Spanish "e" before an i-sound; French "1er").
 *
 * Memory: a struct words points into the labels map, which must outlive
 * it; strings made by the formatting functions live in the arena given.
 */
#ifndef UPRGEN_WORDS_H
#define UPRGEN_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "templates.h"
#include "util.h"
#include "value.h"

struct words {
	enum lang lang;
	const struct value *labels; /* a map, never NULL */
	/* how things are written, looked up once */
	const char *separator, *and, *and_i; /* "A, B and C" */
	const char *percent, *date, *month_year, *first_day;
	const char *paragraph_number;
	const char *thousands; /* between groups of three digits; "" none */
	size_t thousands_from; /* numbers of fewer digits are not grouped */
	const char *decimal;   /* the decimal mark */
	const char *month[13];
	/* the month named alone, as in "март 2024 года" where a date has
	 * "12 марта" (labels month_alone_N; month_N when absent) */
	const char *month_alone[13];
	/* the words the UN's distribution block is written in ("Distr.:
	 * General", its date, the version's language, "Original: English"):
	 * UN documents in Arabic, Chinese and Russian write it in English
	 * (their labels' un_block_language); NULL: this language's own */
	const struct words *block;
};

/* The labels of `lang`: the built-in labels/LL.yaml with the project's
 * own labels/LL.yaml laid over it.  Problems (YAML errors, a value that
 * is not text) go to d; a language with no labels file at all is a
 * warning, and its words then show as their keys.  Never NULL. */
const struct value *words_labels(struct arena *a, struct diags *d,
				 const struct template_dirs *t,
				 enum lang lang);

/* labels NULL or not a map: no labels (every word shows as its key).
 * Every function below takes a NULL w as a language without labels. */
void words_init(struct words *w, struct arena *a, enum lang lang,
		const struct value *labels);

/* words_init with words_labels(), and the words of the distribution
 * block when the labels name another language (un_block_language; an
 * unknown code is an error in d). */
void words_load(struct words *w, struct arena *a, struct diags *d,
		const struct template_dirs *t, enum lang lang);

/* The UN distribution block of the version in w's language of a document
 * first written in `original`, in the block's words (w->block, else w's):
 * "Distr.: General", the date (no line: "" when absent), the version's
 * language when it is a translation ("Arabic", "Français"; else NULL) and
 * "Original: English".  Strings in a. */
struct words_block {
	const char *distribution, *date, *language, *original;
};
struct words_block words_block(const struct words *w, struct arena *a,
			       enum lang original, const struct date *date);
/* The words that block is written in: w->block, else w (NULL: NULL). */
const struct words *words_block_words(const struct words *w);
/* The UN block's language when it is not w's own (English in an Arabic,
 * Chinese or Russian report), for the back ends to mark; -1 when it is. */
int words_block_lang(const struct words *w);

/* The word of `key`, or NULL when the labels lack it. */
const char *words_find(const struct words *w, const char *key);
/* The word of `key`, or the key itself when the labels lack it. */
const char *words_get(const struct words *w, const char *key);
/* The word of prefix_NAME, with the '-' of YAML names spelled '_' as in
 * every label key ("position", "partially-supported"); the name itself
 * when the labels lack it. */
const char *words_named(const struct words *w, const char *prefix,
			const char *name);
/* The short title of Sustainable Development Goal 1-17 (sdg_N); NULL
 * for any other number. */
const char *words_goal(const struct words *w, int goal);
/* A language's name in its own language ("Español"), for switchers. */
const char *words_native_name(const struct words *w, enum lang l);

/* pattern with each {names[i]} replaced by vals[i]; other text kept. */
const char *words_fill(struct arena *a, const char *pattern,
		       const char *const *names, const char *const *vals,
		       size_t n);

/* The spaces a language's typography asks for, in text as written: in
 * French a space before ; ! ? becomes a narrow no-break space (U+202F),
 * before : and inside « » a no-break space (U+00A0), so that no line
 * starts with the mark (Lexique des règles typographiques; the UN's
 * French documents); in Russian the space after a word of one letter
 * ("к", "в") becomes a no-break space.  Only spaces typed as such
 * change; other languages have no rule.  False when s needs no change, else true with
 * the text in out (cleared first). */
bool words_typeset(const struct words *w, const char *s, size_t len,
		   struct buf *out);

/* Whether a paragraph's text (its plain text, as a reader sees it) is a
 * table's source or note line: it starts with one of the words of the
 * label table_source_words ("Source|Sources|Note|Notes"), then a colon
 * (":" or the full-width "："), spaces allowed before it as French sets
 * them. */
bool words_is_source_line(const struct words *w, const char *text);

/* A plain text (not Markdown), s of len bytes, as words_typeset sets it
 * and with its straight quotes set as cmark-gfm's smart punctuation sets
 * a Markdown field's: after a word ' and " are an apostrophe or a
 * closing quote (’ ”), where a quotation opens (at the start, after a
 * blank, a bracket or a dash) and before a word ‘ “; any other is kept.
 * "Women's rights", "l'Examen" read as in the chapters.  A copy in a. */
const char *words_typeset_copy(const struct words *w, struct arena *a,
			       const char *s, size_t len);

/* The same, into out (cleared first); false, and out untouched, when
 * nothing changes. */
bool words_typeset_plain(const struct words *w, const char *s, size_t len,
			 struct buf *out);

/* t in w's language (falling back to `first`) as words_typeset_copy sets
 * it: a text of the content (a title, a recommendation, a name) where it
 * is not Markdown; so are the labels.  NULL when t has none; s itself
 * when nothing changes, else a copy in a.  (The open data keep the text
 * as typed.) */
const char *words_text(const struct words *w, struct arena *a,
		       const struct text *t, enum lang first);

/* "of" and a name as the language joins them (label format_of, "{name}"
 * the name): "of Peru", "de la République des Oasis", and the article
 * contracted where French and Spanish contract it: "du Pérou" (de le),
 * "des Philippines" (de les), "del Perú" (de el). */
const char *words_of(const struct words *w, struct arena *a,
		     const char *name);

/* s in the language's parentheses, with what goes before them: " (s)";
 * Chinese "（s）", full width, no space (labels paren_open, paren_close). */
const char *words_parenthesized(const struct words *w, struct arena *a,
				const char *s);

/* Between the items of a list where no "and" closes it (a table's cell of
 * States): ", "; Chinese "、", Arabic "، ". */
const char *words_list_separator(const struct words *w);

/* The line of a UN document's symbol block that names the language it was
 * written in: label un_original, "Original: {language}" ("原文：中文").
 * A project's label without {language} is followed by a space and the
 * name, as labels were written before the pattern. */
const char *words_original(const struct words *w, struct arena *a,
			   const char *language_name);

/* "12 March 2024", "1er mars 2024", "marzo de 2024", "2024": as much
 * of the date as it has; "" when it is absent.  A date is not broken
 * across lines: its spaces are no-break spaces, and a word joiner
 * (U+2060) follows the slash of the Arabic months' pairs
 * ("تموز/يوليه"). */
const char *words_date(const struct words *w, struct arena *a,
		       const struct date *d);
/* Where to cut the text s, of which the first `fits` bytes fit where it
 * goes with an ellipsis after them (a running head): at a word's end
 * when one ends in the second half, and before a last word of three
 * letters or fewer ("de…", "of…", "по…" read as broken off), without
 * the blanks, commas and colons before the cut.  The bytes to keep. */
size_t words_cut(const char *s, size_t fits);
/* A value as it stands after a colon ("Status: Implemented"): in the
 * languages whose labels say `format_after_colon: lower` (French,
 * Spanish, Russian: "État : mise en œuvre", "Статус: не выполнена") its
 * first letter small, else as it is.  A copy in a, or s. */
const char *words_after_colon(const struct words *w, struct arena *a,
			      const char *s);
/* s with its first letter in capitals (a date opening a sentence). */
const char *words_capitalized(struct arena *a, const char *s);
/* CLDR's plural category of the whole number n in lang: "zero", "one",
 * "two", "few", "many" or "other" (Russian has one/few/many, Arabic all
 * six, Chinese only other). */
const char *words_plural_category(enum lang lang, long long n);
/* The label key_CATEGORY for n (key_one, key_few...), else key itself,
 * with {n} replaced by n as words_integer() writes it: "1 recommendation",
 * "5 рекомендаций". */
/* The pattern words_count() fills: key_CATEGORY for n, else key ("{n}
 * recommendations received"), for a caller that sets {n} apart. */
const char *words_count_pattern(const struct words *w, const char *key,
				long long n);
const char *words_count(const struct words *w, struct arena *a,
			const char *key, long long n);

/* s, an identifier read left to right ("16.a", an SDG target), kept
 * whole inside the language's text: in a right-to-left language between
 * U+2066 LEFT-TO-RIGHT ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so
 * that the bidirectional algorithm neither turns "16.a" into "a.16" nor
 * runs it into the next ("16.a، 16.3" into "a، 16.3.16"); else s. */
const char *words_ltr(const struct words *w, struct arena *a, const char *s);
/* "Chile, Spain and Norway"; "" for none. */
const char *words_join(const struct words *w, struct arena *a,
		       const char *const *items, size_t n);
/* "42nd", "42.º", "42e", as the labels spell ordinals. */
const char *words_ordinal(const struct words *w, struct arena *a, long n);
/* A whole number with the language's thousands separator ("1,347,893",
 * "1 347 893"); numbers below 10,000 are written plain in es and fr
 * as their style guides ask. */
const char *words_integer(const struct words *w, struct arena *a,
			  long long n);
/* A number as charts write it: whole numbers by words_integer(), others
 * with at most `decimals` decimals and the language's decimal mark;
 * `column`: the figure stands among others of five digits or more (a
 * chart's scale and labels), and is grouped from four digits too, so
 * that the figures line up ("8 400" beside "12 500", as French and
 * Russian set figures in columns; prose keeps "8400"). */
const char *words_number(const struct words *w, struct arena *a, double x,
			 int decimals, bool column);
/* Roman numerals of n appended to b, in capitals ("XIV") or small
 * letters ("xiv": the front matter's folios). */
void words_roman(struct buf *b, long n, bool small);
/* s as a person may type it, folded for comparing with a word of the
 * labels (in a): case in the Latin, Greek and Cyrillic letters, œ and æ
 * as oe and ae, Arabic without its marks and tatweel and its alef with
 * hamza or madda as alef, full-width forms and the digits of other
 * scripts (Arabic-Indic, full-width) as ASCII, white space collapsed and
 * trimmed: "выполнена" is "Выполнена", "Mise en oeuvre" "Mise en œuvre",
 * "منفذة" "منفَّذة", "２０２５－１０－０１" "2025-10-01". */
const char *words_fold(struct arena *a, const char *s);
/* A spreadsheet's number as the report writes it, with the decimals its
 * cell's format shows (-1: "General", as many as words_number() writes,
 * at most six), as a percentage ("75 %": x times 100) when the format is
 * one: a ministry's "75%" is not its stored 0.75. */
const char *words_cell_number(const struct words *w, struct arena *a,
			      double x, int decimals, bool percent);
/* words_number() appended to b. */
void words_number_put(const struct words *w, struct buf *b, double x,
		      int decimals, bool column);
/* A file's size as the language writes it: under a megabyte in whole
 * kilobytes, rounded up ("730 kB", "730 ko"), from there in megabytes
 * with one decimal ("1.2 MB", "1,2 Mo"): the labels size_kb and size_mb,
 * with {n}.  Kilo and mega are powers of 1,000, as the symbols say. */
const char *words_file_size(const struct words *w, struct arena *a,
			    long long bytes);
/* "42%", "42 %" */
const char *words_percent(const struct words *w, struct arena *a, int pct);
/* A percentage in a sentence: in the UN form the label
 * format_percent_in_text_un where the language has one (English "42 per
 * cent", as UN editing writes it in running text), else words_percent. */
const char *words_percent_in_text(const struct words *w, struct arena *a,
				  int pct, bool un);
/* The letter of the n-th cluster, a UN sub-section: the label letter_N
 * where the language has its own (Arabic ألف, باء…; Russian А, Б…;
 * Chinese 甲, 乙…), else A, B… Z, AA… */
const char *words_letter(const struct words *w, struct arena *a, long n);
/* The number of a heading of the UN document form at level 1-3, or of
 * a subparagraph (level 4), that is the n-th of its level:
 * format_un_heading_N with {n} the n-th of un_numerals_N ("|" between
 * them, past the last the figures) when the labels list them, else I,
 * II…; words_letter(); 1, 2…; a, b…: "IV.", "C.", "(b)"; in Arabic
 * "رابعاً-", "جيم-", "(ب)".  Level 5: the language's own way of numbering
 * headings, where its authors have one besides the UN's (Chinese "三、":
 * format_written_heading with written_numerals); "" where it has none. */
const char *words_un_number(const struct words *w, struct arena *a,
			    int level, long n);
/* The heading numbers words_un_number() writes, levels 1 to 5, the first
 * WORDS_UN_WRITTEN of each: what an author may have written at the head
 * of a heading ("A. Purpose", "二、挑战"), to be recognised. */
enum { WORDS_UN_WRITTEN = 40, WORDS_UN_KINDS = 5 };
struct words_un_numbers {
	const char *num[WORDS_UN_KINDS][WORDS_UN_WRITTEN];
	size_t len[WORDS_UN_KINDS][WORDS_UN_WRITTEN];
};
void words_un_numbers(const struct words *w, struct arena *a,
		      struct words_un_numbers *out);
/* The length of such a number at the head of s with the blanks after it
 * (a number is followed by a space or a tab, but one that ends in a
 * full-width mark, "二、"), 0 when there is none; *level and *n say which
 * number it is. */
size_t words_un_number_written(const struct words_un_numbers *t,
			       const char *s, int *level, long *n);
/* A numbered paragraph's number, n its digits ("12", or Word's "%1"):
 * "12." in most languages, "12-" in Arabic as UN documents write it. */
const char *words_paragraph_number(const struct words *w, struct arena *a,
				   const char *n);
/* Its pattern, "{n}." ("{n}-" in Arabic), for a back end that writes the
 * digits itself. */
const char *words_paragraph_pattern(const struct words *w);
/* Word's own numbering of the UN form's subparagraphs: the level's text
 * with n Word's placeholder ("%1" gives "(%1)"), *numfmt its w:numFmt
 * ("lowerLetter"; "arabicAbjad" in Arabic). */
const char *words_word_subparagraph(const struct words *w, struct arena *a,
				    const char *n, const char **numfmt);

/* Whole percentages of total for each of n counts that add up to 100
 * (largest remainder method; ties go to the earlier count); all 0 when
 * total is 0.  Every output shows shares made by this one function. */
void words_shares(const size_t *count, size_t n, size_t total, int *pct);
/* Whether words_shares() gave some count another share than its own
 * rounding (half up) would: then the text says that shares are rounded
 * to add up (label shares_note), as equal counts may differ by a point
 * (4, 4, 4 of 12: 34 %, 33 %, 33 %). */
bool words_shares_adjusted(const size_t *count, const int *pct, size_t n,
			   size_t total);

/* A passage in another script, for the language of parts (WCAG 3.1.2):
 * the first run of letters of s (len bytes, from byte `from` on) in a
 * script that is neither doc's nor Latin (Latin letters settle no
 * language: symbols, names and addresses are written in them
 * everywhere).  It runs from its first letter of that script to its
 * last (with the marks on it), and holds the spaces, figures and
 * punctuation between them; a letter of another script ends it.  Its
 * language, where the script settles it among the languages uprgen
 * writes: the Arabic alphabet is ar, Chinese characters zh, the Russian
 * alphabet ru; -1 where it does not (Persian or Urdu letters, Japanese
 * kana, Ukrainian letters, Hangul, Greek, Hebrew...).  False when s has
 * no such passage. */
struct words_passage {
	size_t start, end;  /* bytes of s */
	int lang;	    /* an enum lang, or -1 */
	/* its letters, for messages: "Greek letters" (where lang is -1) */
	const char *script;
};
bool words_foreign_passage(enum lang doc, const char *s, size_t len,
			   size_t from, struct words_passage *p);

#endif
