/*
 * model — the content of one report project, as every stage sees it.
 *
 * report_load() (load.c) reads the YAML files of content/ into these structs and checks
 * every field on its own: shape, type, allowed values (positions, statuses,
 * languages, dates, SDGs), missing translations.  report_validate()
 * (validate.c) checks what needs the whole report: unique ids, references
 * to clusters and statistics (it resolves the pointers), page addresses.
 * After both succeed, every later stage (context, html, pdf, chart) reads
 * this model and never the YAML again.
 *
 * Ownership: everything hangs off struct report and lives in the arena
 * passed to report_load(); nothing here is freed on its own.
 * Every field that came from a file keeps its struct source_pos so that
 * any later stage can point the user at the line to fix.
 */
#ifndef UPRGEN_MODEL_H
#define UPRGEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

/* The outcome's symbol `uprgen new` writes until the author knows it:
 * check and build warn while it is left. */
#define REPORT_OUTCOME_PLACEHOLDER "A/HRC/00/00"
/* The YAML tag `uprgen new` marks the values it could only guess with
 * (`adopted: !placeholder "2026-12-07"`: today's date; the session; the
 * State's name copied into the other languages): check and build warn
 * while a value keeps it, whatever the value, so that a real date that
 * happens to be the day `new` ran is never taken for a guess. */
#define REPORT_PLACEHOLDER_TAG "!placeholder"

/* The six official languages of the United Nations: the first three
 * came first, so their values stay. */
enum lang { LANG_EN, LANG_ES, LANG_FR, LANG_AR, LANG_ZH, LANG_RU, LANG_COUNT };

/* "en", "es", "fr", "ar", "zh", "ru" */
const char *lang_code(enum lang l);
/* -1 when code is not a supported language */
int lang_from_code(const char *code);
/* "en, es, fr, ar, zh, ru": the codes for messages that list them */
const char *lang_codes_text(void);
/* Whether the language is written from right to left (Arabic). */
bool lang_is_rtl(enum lang l);
/* Whether a BCP 47 tag (an author's <span lang="fa">) names a language
 * written from right to left: by its first subtag, among the languages
 * the Unicode CLDR writes in Arabic, Hebrew, Syriac or Thaana letters
 * by default. */
bool lang_code_is_rtl(const char *code);
/* Whether emphasis is set bold rather than slanted: the scripts that have
 * no italic (Arabic, Chinese), where slanted letters are a machine's
 * fake, in every output (the PDF, Word, the website). */
bool lang_emphasis_is_bold(enum lang l);

/*
 * A text field: either one string for every language (`any`), or one per
 * language (`by_lang`; missing ones NULL).  `markdown` is set for fields the
 * spec marks as Markdown; all other text renders literally.
 */
struct text {
	const char *any;
	const char *by_lang[LANG_COUNT];
	struct source_pos pos;                   /* of the field */
	struct source_pos pos_by_lang[LANG_COUNT]; /* of each translation */
	/* written in quotes or as a block ("|"): the text starts after
	 * the quote, or on the next line */
	bool quoted, quoted_by_lang[LANG_COUNT];
	bool present;
};

/* The text in `lang`, else in `fallback` (the report's first language),
 * else any translation at all; NULL only when the field is absent. */
const char *text_get(const struct text *t, enum lang lang, enum lang fallback);
/* Where the text text_get() gives was read from. */
struct source_pos text_pos(const struct text *t, enum lang lang,
			   enum lang fallback);
/* Where the first line of that text is: text_pos(), after the opening
 * quote of a quoted scalar, or for a YAML block scalar ("|", ">": quoted
 * text that ends with a line end) the line after it, column unknown. */
struct source_pos text_origin(const struct text *t, enum lang lang,
			      enum lang fallback);

struct text_list {
	struct text *items;
	size_t count;
};

/* YYYY-MM-DD; month and day are 0 for partial dates (YYYY or YYYY-MM),
 * allowed only where the spec's field allows them (action dates). */
struct date {
	int year, month, day;
	struct source_pos pos;
	bool present;
};

enum position {
	POSITION_SUPPORTED,
	POSITION_PARTIALLY_SUPPORTED,
	POSITION_NOTED,
	POSITION_COUNT
};
enum status {
	STATUS_IMPLEMENTED,
	STATUS_PARTIALLY_IMPLEMENTED,
	STATUS_NOT_IMPLEMENTED,
	STATUS_NOT_ASSESSED,
	STATUS_COUNT
};
enum chart_kind { CHART_BAR, CHART_LINE, CHART_TABLE, CHART_KIND_COUNT };

/* The spelling used in YAML: "supported", "partially-implemented", "bar"… */
const char *position_name(enum position p);
const char *status_name(enum status s);
const char *chart_kind_name(enum chart_kind c);

struct cluster {
	const char *id;
	struct source_pos pos; /* of the entry */
	struct source_pos id_pos;
	struct text title;
	struct text description; /* Markdown */
	size_t index;            /* order in clusters.yaml */
};

struct point {
	const char *key; /* "2019", "Lima", ... */
	double value;
	struct source_pos pos;
};

struct series {
	struct text label;
	struct point *points;
	size_t count;
	struct source_pos pos;
};

struct statistic {
	const char *id;
	struct source_pos pos, id_pos;
	struct text title, unit, source;
	struct text category; /* what the keys are: "Department", or absent */
	enum chart_kind chart;
	struct source_pos chart_pos;
	struct series *series;
	size_t series_count;
	size_t index;
};

struct action {
	struct date date;
	struct text text;   /* Markdown */
	struct text source; /* plain; becomes a footnote */
	struct source_pos pos;
};

struct related {
	struct text mechanism; /* "CAT", "CEDAW", ... */
	struct text symbol;    /* "CAT/C/PER/CO/7" */
	struct text para;      /* "15" */
	struct text text;
	struct source_pos pos;
};

/* An SDG goal (target NULL) or target ("16.10", "5.a"). */
struct sdg {
	int goal;
	const char *target; /* NULL for a whole goal */
	const char *code;   /* as written: "16" or "16.10" */
	struct source_pos pos;
};

/* Whether code is an SDG: a goal 1 to 17 ("16") or one of its 169
 * targets ("16.10", "5.a"); sets out->goal (load.c). */
bool sdg_parse(const char *code, struct sdg *out);

struct indicator_ref {
	const char *id;
	const struct statistic *stat; /* resolved by report_validate() */
	struct source_pos pos;
};

/*
 * One dated report on one recommendation, from a YAML file of content/progress/:
 * what an institution said it did, and the status it found.  Entries are
 * merged over recommendations.yaml in date order (progress.c): actions
 * added, challenges and assistance replaced, the latest status wins.
 */
struct progress {
	const char *id; /* the recommendation's */
	const struct recommendation *rec; /* resolved at load; NULL: unknown */
	struct source_pos pos, id_pos;
	struct date date;
	struct text reported_by;
	bool has_status;
	enum status status;
	struct source_pos status_pos;
	struct action *actions; /* an action without a date has the entry's */
	size_t action_count;
	struct text challenges, assistance; /* Markdown */
	size_t index; /* files in name order, entries in file order */
};

/* A point of a recommendation's status history: the first is the status
 * of recommendations.yaml, dated at the adoption of the outcome; one more
 * for each progress entry that gives a status, in date order. */
struct status_point {
	struct date date;
	enum status status;
	const struct progress *from; /* NULL: recommendations.yaml */
};

struct recommendation {
	const char *id; /* "110.23" */
	struct source_pos pos, id_pos;
	struct text text;
	struct text_list states;
	enum position position;
	const char *position_written; /* as written, for messages */
	struct source_pos position_pos;
	const char *cluster_id;
	const struct cluster *cluster; /* resolved by report_validate() */
	struct source_pos cluster_pos;
	struct text_list themes, groups, responsible;
	struct sdg *sdgs;
	size_t sdg_count;
	enum status status;
	const char *status_written; /* NULL when absent (not-assessed) */
	struct source_pos status_pos;
	struct action *actions;
	size_t action_count;
	struct indicator_ref *indicators;
	size_t indicator_count;
	struct related *related;
	size_t related_count;
	struct text challenges; /* Markdown */
	struct text assistance; /* Markdown */
	size_t index;           /* order in the files */
	/* The status over time (progress.c); `status` above is the last
	 * point's.  Empty only when progress was never merged. */
	enum status status_adopted;
	struct status_point *history;
	size_t history_count;
};

/* A prose chapter: a Markdown file per language (or one for all). */
struct chapter {
	const char *id;    /* file base name without .md or language suffix */
	struct text file;  /* path(s) under content/, as written */
	struct text body;  /* Markdown read from those files; pos = file start */
	struct source_pos pos;
};

struct report {
	const char *dir;         /* the project folder (-C) */
	const char *content_dir; /* dir/content */
	const char *real_dir;    /* dir with its links resolved (NULL: unknown) */

	struct text state; /* "Peru", or {es: Perú, en: Peru} */
	/* the name as a sentence writes it, with its article where the
	 * language gives it one: {fr: le Pérou, es: el Perú}; absent:
	 * state */
	struct text state_in_sentence;
	int cycle;
	const char *session;
	const char *outcome; /* REPORT_OUTCOME_PLACEHOLDER: not given yet */
	struct date adopted;
	/* adopted is still tagged REPORT_PLACEHOLDER_TAG: no date is
	 * compared with it (the warning at it says so once) */
	bool adopted_placeholder;
	struct date period_from, period_to;
	struct text title, subtitle;
	const char *symbol;
	struct date date;
	enum lang languages[LANG_COUNT];
	size_t language_count;
	struct source_pos languages_pos; /* the list's place */
	struct text prepared_by;
	/* where the website is published, "https://example.org/upr/" (always
	 * ending in '/'; NULL: unknown): sitemap, canonical links, Open
	 * Graph */
	const char *site_url;
	struct text license; /* of the open data, e.g. "CC BY 4.0" */
	/* received: how many recommendations the State received in all,
	 * when the project follows a selection of them (0: those listed are
	 * all); where it was written, for messages */
	size_t received;
	struct source_pos received_pos;
	/* notes: endnotes (the Word document's notes at its end; else at
	 * the foot of their page) */
	bool endnotes;
	/* word_limit: the most words the body may have (uprgen check warns
	 * past it); 0: none */
	long word_limit;
	struct source_pos word_limit_pos;

	/* form: un — the PDF and the Word document set as a UN document
	 * (page 1, numbering, running heads: unform.h); false: the default
	 * design.  organ: 0 General Assembly, 1 Economic and Social
	 * Council, 2 Security Council (report.yaml organ).  bodies: the
	 * lines under the rule (none: the Human Rights Council and its UPR
	 * Working Group); session_title ("Forty-eighth session") and
	 * session_venue ("Geneva, 20–31 January 2025"): the lines after;
	 * unedited: the "issued without formal editing" note; job_number:
	 * "GE.24-12345(E)" at the foot of page 1, one per version (absent:
 * none). */
	bool form_un;
	int organ;
	struct text_list bodies;
	struct text session_title, session_venue;
	bool unedited;
	struct text job_number;

	struct chapter *chapters;
	size_t chapter_count;
	struct cluster *clusters;
	size_t cluster_count;
	struct recommendation *recs;
	size_t rec_count;
	struct statistic *stats;
	size_t stat_count;
	struct progress *progress; /* in date order once merged */
	size_t progress_count;

	/* A file that could not be read at all: references into it are not
	 * checked, so one broken file does not bury its own error under
	 * hundreds of "unknown cluster" messages. */
	bool clusters_unreadable, stats_unreadable;
	/* recommendations.yaml, or a file of recommendations/, could not
	 * be read: the ids progress entries name are not checked */
	bool recs_unreadable;
	struct source_pos clusters_pos; /* clusters.yaml as a whole */
};

/* The report's original language (its first). */
enum lang report_first_language(const struct report *r);
const struct cluster *report_find_cluster(const struct report *r,
					  const char *id);
const struct statistic *report_find_statistic(const struct report *r,
					      const char *id);

/* The status of rec on date d: its last history point dated on or before
 * d; the status of recommendations.yaml before any (progress.c). */
enum status recommendation_status_at(const struct recommendation *rec,
				     const struct date *d);
/* a before b: -1, same day: 0, after: 1 (a missing month or day counts
 * as 0, before any other). */
int date_cmp(const struct date *a, const struct date *b);
/* Moving from `from` to `to` is a step back: an assessed status to a
 * lower one, or to not-assessed. */
bool status_is_backwards(enum status from, enum status to);

/* Merges r->progress over the recommendations (called by report_load
 * once every file is read): resolves each entry's id (unknown: an error
 * with the nearest id), sorts the entries by date, and builds each
 * recommendation's history, actions, challenges, assistance and current
 * status.  Warns of an entry dated before the adoption or after the
 * report, and of a status that moves back. */
void progress_merge(struct arena *a, struct report *r, struct diags *d);

/* Reads DIR/content/.  Returns the report (in `a`) even when errors were
 * found, so that validation can go on and report them all; callers check
 * d->errors.  Returns NULL only when report.yaml could not be read at all. */
struct report *report_load(struct arena *a, struct diags *d, const char *dir);

/* Checks the values of a loaded report and resolves its references. */
void report_validate(struct report *r, struct diags *d);

enum {
	/* one Markdown field, and one chapter file: bounds cmark-gfm's
	 * worst cases (see LIBRARIES.md) */
	MODEL_MAX_MARKDOWN_FIELD = 64 * 1024,
	/* a plain text field: one paragraph of the PDF, typeset as a whole */
	MODEL_MAX_TEXT_FIELD = 128 * 1024,
	MODEL_MAX_CHAPTER_BYTES = 1024 * 1024,
	MODEL_MAX_ID = 64,
};

#endif
