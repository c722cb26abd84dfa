/*
 * import — `uprgen import SOURCE FILE ...`: turns an export of a
 * recommendations database into content/recommendations.yaml and
 * content/clusters.yaml for one State.
 *
 * import_command() is the command line (argv[0] == "import").  It reads the
 * file, makes it UTF-8 (see import_decode()), hands it to the reader of its
 * source (one file each: import_upr_info.c, import_uhri.c, import_ohchr.c),
 * and writes what that reader collected in a struct import_set.
 *
 * The rest of this header is the toolkit those readers share.  Everything in
 * an import_set lives in its arena; nothing is freed on its own.
 */
#ifndef UPRGEN_IMPORT_H
#define UPRGEN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "util.h"

int import_command(int argc, char **argv);

struct import_options {
	const char *source; /* "upr-info", "uhri", "ohchr-matrix" */
	const char *file;   /* as given on the command line */
	const char *state;  /* NULL when not given */
	long session;       /* 0: not given */
	long cycle;         /* 0: not given */
	bool related;       /* uhri: other mechanisms' recommendations too */
};

struct import_list {
	const char **items;
	size_t count, cap;
};

struct import_related {
	const char *mechanism, *symbol, *para, *text;
};

struct import_rec {
	const char *id;
	const char *text;
	struct import_list states, themes, groups, sdgs;
	enum position position;
	const char *position_note; /* comment beside `position`, or NULL */
	size_t cluster;            /* index in import_set.clusters */
	struct import_related *related;
	size_t related_count, related_cap;
	const char *key; /* the reader's key for merging rows; not written */
	struct source_pos pos; /* the (first) row or line it comes from */
	size_t row;            /* that row's number in a CSV file, or 0 */
	const char *id_note;   /* comment beside `id`, or NULL */
	/* What the State wrote about it in the matrix (the "Assessment/
	 * comments on level of implementation" column), as Markdown, or
	 * NULL: written as an action dated `assessed` (the day the file
	 * was last saved), or as `challenges` when no date is known. */
	const char *assessment;
	const char *assessed;
	const char *assessment_source; /* the action's source */
};

struct import_cluster {
	const char *id;
	const char *title;
};

struct import_set {
	struct arena *a;
	struct diags *d;
	struct import_rec *recs;
	size_t count, cap;
	struct import_cluster *clusters;
	size_t cluster_count, cluster_cap;
	/* comments at the top of each file: where the data came from and
	 * what the user must still do */
	struct buf recs_header, clusters_header;
};

/* The readers: each fills `set` (its entries, clusters and both headers)
 * from the UTF-8 text of o->file, and returns false after reporting errors
 * in set->d. */
bool import_upr_info(struct import_set *set, const struct import_options *o,
		     const char *text, size_t len);
bool import_uhri(struct import_set *set, const struct import_options *o,
		 const char *text, size_t len);
bool import_ohchr_matrix(struct import_set *set,
			 const struct import_options *o, const char *text,
			 size_t len);
/* The same from the Word file OHCHR sends (.docx), and the Universal
 * Human Rights Index export as Excel (.xlsx): bytes as read from o->file
 * (import_ohchr_docx.c, import_uhri.c). */
bool import_ohchr_docx(struct import_set *set, const struct import_options *o,
		       const char *bytes, size_t len);
bool import_uhri_xlsx(struct import_set *set, const struct import_options *o,
		      const char *bytes, size_t len);
/* The comments heading the files an OHCHR matrix is imported into, from
 * its text copy or its Word file: themes are its "Theme:" `themes`
 * ("headings", "rows"). */
void import_ohchr_headers(struct import_set *set,
			  const struct import_options *o, const char *themes);

/* Text that is not UTF-8 is taken for a legacy 8-bit export and converted:
 * "mac-roman" (what old Mac exports with lone-CR line ends use, like the
 * UPR Info sample), "windows-1252" (a superset of Latin-1: the rest), or
 * the encoding named.  Without a name, only the lines that are not UTF-8
 * are converted (a file pasted together from two exports keeps its UTF-8
 * rows as they are), and a warning says which encoding was used and on
 * how many lines; a name converts the whole file.  Returns the UTF-8 text
 * (in `a`), or NULL after an error (a NUL byte: UTF-16 or UTF-32 is named
 * as such; or not UTF-8 when "utf-8" was asked for). */
char *import_decode(struct arena *a, struct diags *d, const char *file,
		    const char *bytes, size_t len, const char *encoding,
		    size_t *out_len);
/* Whether the encoding name is one import_decode() knows. */
bool import_encoding_known(const char *name);

/* Appends code point c (a scalar value: not a surrogate, <= U+10FFFF). */
void import_put_utf8(struct buf *b, unsigned c);

struct import_rec *import_add_rec(struct import_set *set);
/* The index of the cluster titled `title`, added (with a fresh slug id)
 * if new. */
size_t import_cluster(struct import_set *set, const char *title);
/* Appends s unless an equal string is there already. */
void import_list_add(struct arena *a, struct import_list *l, const char *s);
void import_related_add(struct arena *a, struct import_rec *r,
			struct import_related rel);

/* A copy of s without surrounding white space, line ends "\n", no
 * trailing white space on any line. */
char *import_clean(struct arena *a, const char *s, size_t len);
/* A key under which the same recommendation written twice (by two States
 * in two rows) compares equal: white space collapsed, ASCII case folded,
 * final punctuation dropped. */
char *import_text_key(struct arena *a, const char *s);
/* Equality of State names whatever their case and accents, white space
 * trimmed and collapsed: "Perú" is "PERU", "Côte d’Ivoire" "Cote
 * d'Ivoire" (unicode_fold_letter); a name in another language is another
 * name ("Slovénie" is not "Slovenia"). */
bool import_same_name(const char *a, const char *b);
/* Splits the recommending States off the end of a recommendation:
 * "Ratify X (Chile) (Venezuela (Bolivarian Republic of));" gives
 * "Ratify X" and adds "Chile", "Venezuela (Bolivarian Republic of)" to
 * `states`.  With `known`, only names in it count as States.  Returns the
 * text left, or `text` itself when it does not end with States in
 * parentheses. */
const char *import_split_states(struct arena *a, const char *text,
				const struct import_list *known,
				struct import_list *states);
/* The goal or target at the start of "16.10 - Ensure public access..." or
 * "5 - GENDER EQUALITY", or NULL. */
const char *import_sdg_code(struct arena *a, const char *s);
/* The paragraph number at the start of s ("110.23 Ratify..." gives
 * "110.23" and *rest the text after it), or NULL. */
const char *import_para_number(struct arena *a, const char *s,
			       const char **rest);
/* The position a database spells "Accepted", "Supported", "Noted",
 * "Partially supported"...; false when unknown. */
bool import_position(const char *s, enum position *out);
/* UPR cycle of a Working Group session (1-12: 1, 13-26: 2, 27-40: 3, then
 * 14 sessions a cycle). */
long import_cycle_of_session(long session);
/* Sorts the recommendations by paragraph number ("140.9" before
 * "140.10"). */
void import_sort_by_id(struct import_set *set);
/* "row 12: " for an entry from a CSV row, "" otherwise (its line is in the
 * message's position): for messages about an entry. */
const char *import_row(struct arena *a, size_t row);

#endif
