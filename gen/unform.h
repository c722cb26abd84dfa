/*
 * unform — the UN document form (report.yaml `form: un`), described once
 * for every document output (the PDF and the Word document; the website
 * keeps its own design).
 *
 * unform_from_context() takes a language's context (context.h: its
 * `report.un` map, page 1 as it reads in that language) and returns the
 * lines of page 1, or NULL when the report keeps the default form.
 *
 * unform_apply() then sets the report's tree (document.h) as the UN sets
 * a document, so that each back end, walking the same tree, follows:
 *  - headings numbered I., II. (level 1), A., B. (2), 1., 2. (3),
 *    (a), (b) (4 and below), each a text node at the head of the heading
 *    (a number the author wrote in that place, "A. Purpose", gives way to
 *    it); the annex (its heading is the label chapter_annex) is not
 *    numbered;
 *  - a bulleted list right after a numbered paragraph becomes that
 *    paragraph's subparagraphs (a), (b): an ordered list, recorded here
 *    (unform_is_sub_list) so that the back ends letter it.
 * (The note marks follow the language's rule in both forms and every
 * output: document_typeset.)
 * The tree must not be read by another thread meanwhile.
 *
 * Memory: everything is allocated in the arena given, which must outlive
 * the struct and the tree's use by the back ends.
 */
#ifndef UPRGEN_UNFORM_H
#define UPRGEN_UNFORM_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>

#include "model.h"
#include "util.h"
#include "value.h"
#include "words.h"

/* The page of a UN document (A/HRC/WG.6/48/SVN/1, measured), in twips
 * (twentieths of a point), for the PDF and the Word document alike:
 * margins of 2 cm, where the running head and page 1's lines start; the
 * text ("SingleTxt") 2 cm in from each; a paragraph's number at the
 * text's start, a tab of 1 cm to its first line; a heading's number that
 * far out of the text, which starts at the text's start. */
enum {
	UNFORM_MARGIN = 1134,
	UNFORM_INDENT = 1134,
	UNFORM_TAB = 567,
	UNFORM_HEAD_HANG = 468,
	/* page 1's "United Nations" and organ, in from the margin: the
	 * emblem's room in the UN's own (63 points; uprgen draws no
	 * emblem) */
	UNFORM_MASTHEAD_INDENT = 1260,
	/* a footnote's mark and text in from the margin (the PDF's: 90 and
	 * 107.4 points on A4, the margin at 56.7) */
	UNFORM_NOTE_MARK = 666,
	UNFORM_NOTE_TEXT = 1014,
};

struct unform {
	/* page 1, in the version's language; NULL or "": left out */
	const char *united_nations; /* "United Nations", top left */
	const char *organ;          /* "General Assembly" */
	const char *symbol;         /* "A/HRC/WG.6/48/PER/1", top right */
	const char *distribution;   /* "Distr.: General" */
	const char *date;           /* "15 July 2025" */
	const char *language;       /* "Arabic" in a translation, or NULL */
	const char *original;       /* "Original: Spanish" */
	const char **bodies;        /* "Human Rights Council", … */
	size_t body_count;
	const char *session_title;  /* "Forty-eighth session" */
	const char *session_venue;  /* "Geneva, 20–31 January 2025" */
	const char *unedited;       /* the note "issued without formal editing" */
	const char *job_number;     /* "GE.24-12345(E)", at the foot */
	/* filled by unform_apply: the lists set as (a), (b) and the
	 * heading numbers it added, each sorted by address */
	cmark_node **sub_lists;
	size_t sub_count;
	cmark_node **numbers;
	size_t number_count;
};

/* NULL when the context's report keeps the default form. */
struct unform *unform_from_context(struct arena *a, const struct value *ctx);

void unform_apply(struct unform *u, struct arena *a, cmark_node *tree,
		  const struct words *w);

/* Whether list is a numbered paragraph's subparagraphs, set (a), (b). */
bool unform_is_sub_list(const struct unform *u, cmark_node *list);
/* Whether text is a heading number unform_apply added. */
bool unform_is_number(const struct unform *u, cmark_node *text);

/* The job number at the foot of every page after the first, opposite
 * the folio, as an edited UN document has it (A/HRC/59/15: "GE.25-02819"
 * on pages 2 and 3), without its language ("(E)"); NULL for a document
 * issued without formal editing (A/HRC/WG.6/48/SVN/1 has none) or
 * without a job number.  In the arena. */
const char *unform_job_footer(const struct unform *u, struct arena *a);

#endif
