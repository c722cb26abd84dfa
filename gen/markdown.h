/*
 * markdown — the cmark-gfm glue both back ends share: one way to parse,
 * one reading of uprgen's directives, one rule for unsafe links.
 *
 * markdown_parse() takes UTF-8 Markdown (at most MARKDOWN_MAX_BYTES: cmark-gfm
 * 0.29 has inputs that take quadratic time, so the size is bounded) and
 * returns a document tree the caller frees with cmark_node_free(); NULL,
 * with an error in d at pos, when the text is too long or not UTF-8.
 * GFM tables, strikethrough, autolinks and footnotes are on, and "smart"
 * punctuation (typographic quotes and dashes).
 *
 * Directives are HTML blocks consisting only of one of
 *   <!-- uprgen:numbering on -->   <!-- uprgen:numbering off -->
 *   <!-- uprgen:page-break -->   <!-- uprgen:table-source -->
 * From "numbering on", every paragraph that is a child of the document
 * gets the next paragraph number (1., 2., ...), continuous through the
 * document as in UN reports, until "numbering off".  "table-source" makes
 * the paragraph after it a table's source or note line ("Source: ..."):
 * never numbered, set small under the table in every back end
 * (document_typeset puts it before such a line; an author may too).  A <br> is a line
 * break in every back end (markdown_is_line_break), and a <span
 * lang="xx"> a passage in another language (markdown_lang_span); any
 * other raw HTML is dropped by the back ends.
 */
#ifndef UPRGEN_MARKDOWN_H
#define UPRGEN_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>

#include "diag.h"

/* The expanded report of a large review (5,000 recommendations with
 * their actions) is ~8 MB; every piece of it is already bounded where it
 * is read (64 KiB a Markdown field, 1 MiB a chapter), which is what keeps
 * cmark-gfm's worst cases small.  This only stops runaway templates. */
enum { MARKDOWN_MAX_BYTES = 128 * 1024 * 1024 };

/* The parser options: CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART.  Renderers
 * of cmark's own add nothing unsafe to them. */
int markdown_options(void);

cmark_node *markdown_parse(const char *text, size_t len, struct source_pos pos,
			   struct diags *d);

/* Whether n breaks its line: a hard line break (a backslash or two
 * spaces at a line's end), or the tag <br> (<br/>, <br />, any case),
 * the one way to break a line inside a table's cell, where GFM keeps
 * one line (as on GitHub) and cmark-gfm allows no hard break. */
bool markdown_is_line_break(cmark_node *n);

enum markdown_directive {
	MARKDOWN_NOT_DIRECTIVE,
	MARKDOWN_NUMBERING_ON,
	MARKDOWN_NUMBERING_OFF,
	MARKDOWN_PAGE_BREAK,
	MARKDOWN_TABLE_SOURCE,
	MARKDOWN_UNNUMBERED,
};

enum markdown_directive markdown_directive_of(cmark_node *node);
/* Whether paragraph n is a table's source line: the table-source
 * directive stands right before it. */
bool markdown_is_table_source(cmark_node *n);
/* A table-source directive, to insert before a paragraph (the caller
 * owns it until it is in a tree). */
cmark_node *markdown_table_source_new(void);
/* An unnumbered directive (the next paragraph takes no number), to
 * insert before a paragraph (the caller owns it until it is in a tree). */
cmark_node *markdown_unnumbered_new(void);

/* The paragraph numbering state of one walk through a document. */
struct markdown_numbering {
	bool on;
	int last; /* the last number given */
};

/* Call on every node entered, in document order: returns the number of a
 * numbered paragraph, else 0 (and follows the directives). */
int markdown_number(struct markdown_numbering *st, cmark_node *node);

/* The node types of the GFM extensions, which cmark-gfm gives no fixed
 * numbers. */
enum markdown_ext {
	MARKDOWN_EXT_NONE,
	MARKDOWN_EXT_TABLE,
	MARKDOWN_EXT_TABLE_ROW,    /* header row: see markdown_is_header_row */
	MARKDOWN_EXT_TABLE_CELL,
	MARKDOWN_EXT_STRIKETHROUGH,
	MARKDOWN_EXT_OTHER,
};

enum markdown_ext markdown_ext_of(cmark_node *node);
bool markdown_is_header_row(cmark_node *row);
/* Whether a body row is a group's title across the table: its first cell
 * wholly bold ("| **Theme: Justice** | | |") and every other cell empty.
 * Every back end sets it as one cell spanning the columns (a colspan,
 * Word's w:gridSpan, the PDF's /ColSpan), as OHCHR's matrices set their
 * "Theme:" rows. */
bool markdown_is_group_row(cmark_node *row);
/* Number of columns and their alignment: 'l', 'c', 'r' or 0 (none). */
unsigned markdown_table_columns(cmark_node *table);
char markdown_table_align(cmark_node *table, unsigned column);

/* Whether a link (or, with image set, an image) may point at url:
 * escape_url_is_safe() (no javascript:, vbscript:, file:, nor data: but
 * images of the types cmark allows), and no data: at all for links. */
bool markdown_url_is_safe(const char *url, bool image);

/* A passage in another language, the one piece of raw HTML every back end
 * renders: `<span lang="es">…</span>` inside a paragraph.  When n is such
 * an opening tag (inline HTML, a language code of letters, digits and
 * hyphens) with its `</span>` later among its siblings, returns that
 * closing node and copies the code into lang (size bytes); else NULL. */
cmark_node *markdown_lang_span(cmark_node *n, char *lang, size_t size);
/* Whether n is inline HTML `</span>`. */
bool markdown_is_span_close(cmark_node *n);

/* Appends the text of node's inline content as a reader sees it: text
 * and code spans, a line break as a space (alternative texts, table
 * cells, heading ids: every back end's). */
void markdown_plain(struct buf *out, cmark_node *node);

/* The name a table goes by for a reader who cannot see the page (the
 * website's caption, the Word table's title): the text of the heading it
 * stands under, and, when another table stands under that heading before
 * it, colon and the header of its first column ("Progress since the
 * adoption: Thematic cluster"), so that no two tables of a report share
 * a name.  Appended to out; false, with nothing appended, when no
 * heading precedes the table (a table at the top of a field) among the
 * 200 blocks before it.  At most 300 bytes of heading and 100 of header
 * (cut with "…"). */
bool markdown_table_name(struct buf *out, cmark_node *table,
			 const char *colon);
/* The same name copied into a, or NULL where there is none. */
const char *markdown_table_name_in(struct arena *a, cmark_node *table,
				   const char *colon);

/* A chapter that opens with a level-1 heading ("# Introduction", or one
 * underlined with "="): *title gets the heading's text as Markdown (heap,
 * the caller frees it), *title_line and *title_column where that text
 * starts, *rest_line the first line after the heading.  False when the
 * chapter opens with anything else. */
bool markdown_title(const char *text, size_t len, char **title,
		    int *title_line, int *title_column, int *rest_line);

/* ---- where a node was written ----
 *
 * Every chapter and Markdown field is parsed as a document of its own
 * (document.h grafts them into the report).  markdown_set_origin() marks
 * every node of such a document with where its text was read from
 * (origin must outlive the tree: it is kept in each node's user data);
 * markdown_node_pos() then gives a node's place in that file: the line of
 * the file, and the column in it for the first line of the text.  A node
 * with no origin is placed in `file`, the document it was parsed from.
 * A node made after parsing, which cmark-gfm does not place, is where
 * its user data says (document_typeset's pieces of a text: their own
 * place, in `file` when that has none). */
void markdown_set_origin(cmark_node *doc, const struct source_pos *origin);
struct source_pos markdown_node_pos(cmark_node *node, const char *file);

/* Footnotes of one chapter or field (parsed alone, as every output
 * parses it) that cmark-gfm cannot resolve, said at their place (origin:
 * where the text's line 1 is, as markdown_set_origin): a reference with
 * no definition, which every output would print as typed ("[^44]"), is
 * an error (unless escaped, "\[^44]"); a definition nothing refers to,
 * or a second definition of one label, which cmark-gfm drops without a
 * word, a warning.  Parses text itself (with an extension of its own
 * that sees the definitions before cmark-gfm drops them).  embedded: the
 * text is a YAML value in the file of origin, its lines perhaps folded,
 * indented or quoted there (the places are then found in that file). */
void markdown_check_notes(const char *text, size_t len,
			  const struct source_pos *origin, bool embedded,
			  struct diags *d);

/* Copies the first word of a fenced block's info string ("chart" of
 * "chart budget") into word (at most size - 1 bytes, cut at a character
 * boundary); returns what follows it. */
const char *markdown_info_word(const char *info, char *word, size_t size);

#endif
