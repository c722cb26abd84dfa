/*
 * docx_int — how the parts of the Word back end fit: docx.c walks the
 * tree into the document's body and notes; docx_parts.c writes the
 * package's fixed parts (styles, numbering, settings, properties, header,
 * footer, relationships, content types) and the zip; docx_chart.c writes
 * a chart as a native Word chart part.  Private to docx*.c.
 *
 * Memory: every string and part lives in the render's arena or in the
 * context's buffers, freed by docx_render() before it returns.
 */
#ifndef UPRGEN_DOCX_INT_H
#define UPRGEN_DOCX_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "docx.h"
#include "markdown.h"
#include "matrix.h"
#include "unform.h"
#include "util.h"

/* Page geometry in twentieths of a point: A4, margins of 2.5 cm. */
enum {
	DOCX_PAGE_W = 11906,
	DOCX_PAGE_H = 16838,
	DOCX_MARGIN = 1418,
	DOCX_TEXT_W = DOCX_PAGE_W - 2 * DOCX_MARGIN,
	DOCX_TEXT_W_LANDSCAPE = DOCX_PAGE_H - 2 * DOCX_MARGIN,
	/* the UN form's page (unform.h), as the PDF's */
	DOCX_UN_MARGIN = UNFORM_MARGIN,
	DOCX_UN_INDENT = UNFORM_INDENT,
	DOCX_UN_TAB = UNFORM_TAB,
	/* English Metric Units per twip, for drawings */
	DOCX_EMU_PER_TWIP = 635,
};

/* The numbering definitions (numbering.xml): ids of abstract numbering
 * and of the num every numbered paragraph and bullet uses; an ordered
 * list gets a num of its own (docx_ctx.ordered_lists) so that each
 * starts at its own number. */
enum {
	DOCX_ABSTRACT_PARA = 1,
	DOCX_ABSTRACT_BULLET = 2,
	DOCX_ABSTRACT_ORDERED = 3,
	DOCX_ABSTRACT_ORDERED_PAREN = 4, /* 1) 2) */
	DOCX_ABSTRACT_UN_SUB = 5, /* (a) (b): the UN form's subparagraphs */
	DOCX_NUM_PARA = 1,
	DOCX_NUM_BULLET = 2,
	DOCX_NUM_FIRST_ORDERED = 3,
};

/* The UN form's note "issued without formal editing" (its mark "*"):
 * the first footnote, the report's own following it (LibreOffice reads
 * a note of a higher id ahead of the others as the first). */
enum { DOCX_UN_NOTE_ID = 1 };

/* One entry of the zip besides the fixed parts. */
struct docx_part {
	const char *name; /* "word/charts/chart1.xml" */
	struct buf data;
};

/* One heading: its bookmark and, for the table of contents, its text. */
struct docx_heading {
	cmark_node *node;
	int level;
	const char *text;  /* plain text */
	const char *slug;  /* as the website's ids, for "#slug" links */
	const char *bookmark;
};

/* The paragraph context a block is written in: set by lists, quotes
 * and notes around the blocks they hold. */
struct docx_frame {
	const char *style; /* of plain paragraphs */
	int indent;        /* left indent in twips, 0: the style's */
	int item_num; /* the list item's first paragraph: its num, else 0 */
	int item_lvl;
	const char *item_style; /* ListBullet or ListNumber */
	int item_shift; /* twips the item's number and text stand further
			   in than its level's (a list in a UN
			   subparagraph: right of its "(a)") */
	bool note_mark; /* the note's first paragraph: its mark first */
};

struct docx_ctx {
	const struct docx_options *opt;
	struct diags *d;
	struct arena arena;
	const char *lang_tag; /* "en-GB" */
	/* w:lang's attributes for the text being written: the document's
	 * or a passage's (docx_lang_attrs) */
	const char *lang_attrs;
	struct chart_words chart_words;
	struct matrix_words matrix_words;

	struct buf body;  /* document.xml's body */
	struct buf notes; /* footnotes.xml's (or endnotes.xml's) notes */
	struct buf *out;  /* the one being written: body or notes */
	struct buf rels;  /* document.xml.rels after the fixed ones */
	int next_rid;
	struct buf nums;  /* numbering.xml's w:num of the ordered lists */
	int next_num;
	struct docx_part *parts;
	size_t part_count, part_cap;
	int charts, pictures, next_docpr;

	struct markdown_numbering num;
	int depth;       /* nesting of block containers */
	int list_level;  /* nesting of lists, 0 outside */
	int bookmark_id;

	struct docx_heading *heads;
	size_t head_count, head_cap, head_next;
	/* recommendation ids, sorted, to bookmark their headings */
	const char **rec_ids;
	size_t *rec_index;

	/* notes: definitions by number (1..note_count), written? */
	cmark_node **note_def;
	bool *note_done;
	int *note_pending; /* referred to from a note, not yet written */
	int *note_word;    /* Word's number of each (0: not yet known) */
	int word_notes;    /* the notes Word numbered so far */
	size_t note_count, pending_count;
	bool in_note;

	struct docx_frame frame;
	bool page_break; /* the next paragraph starts a page */
	bool after_table; /* the next paragraph follows a table */
	bool keep_row;    /* the table row being written goes with the next
			     (docx_keep_row) */
	bool has_toc;     /* a contents field is written (settings.xml) */
	bool landscape;  /* the section being written */
	int sections;    /* the sections ended so far */
	/* the section ending is the front matter (title page, contents:
	 * pages i, ii as in the PDF); the next one to end starts the body's
	 * pages at 1 */
	bool front, body_starts;
};

/* The width between the margins of the section being written (page 1's
 * lines, the heads). */
int docx_line_width(const struct docx_ctx *c);
/* Whether row `row` of a table of `rows` (its header row first when
 * header) is kept with the next one, as the PDF places rows (pdf_table.c):
 * the header with the first two rows, the last two together, a table of
 * three rows or fewer whole.  Word left a header and one row at the foot
 * of a page. */
bool docx_keep_row(size_t row, size_t rows, bool header);
/* The body's text block: docx_line_width, in the UN form's upright
 * pages DOCX_UN_INDENT in from each margin. */
int docx_text_width(const struct docx_ctx *c);
/* A chart's paragraph's w:ind in a list item or a quotation: where its
 * text stands (nothing elsewhere); the paragraph is left to right. */
void docx_block_ind(struct docx_ctx *c);
/* A table's width and indent (tblW, tblInd): the text block's. */
void docx_table_width(struct docx_ctx *c);

/* The report's language as Word tags it ("en-GB", "es-ES", "fr-FR"). */
const char *docx_lang_tag(enum lang l);

/* w:lang's attributes for text in the language of tag ("zh-CN"), in the
 * arena: w:val names the language of Latin and Cyrillic letters (and of
 * digits), w:eastAsia of Chinese, Japanese and Korean ones, w:bidi of
 * Arabic and Hebrew ones, so a Chinese or Arabic tag goes only into its
 * own (w:val="zh-CN" made LibreOffice break "11" inside, as between two
 * Chinese characters: "1" at a line's end, "1月" at the next one's
 * start).  A passage's tag (passage: <span lang>, not the document's
 * language) is also given to the other two, as its letters of any
 * kind are in its language. */
const char *docx_lang_attrs(struct arena *a, const char *tag, bool passage);
/* The Windows locale id whose separators are the report's in that
 * language, as a number format code gives it ("40C": [$-40C]#,##0 writes
 * "15 750"), for the languages whose separators are not English's; else
 * NULL. */
const char *docx_lang_lcid(enum lang l);

/* Appends escaped text to o as runs of run properties rpr (without the
 * w:rPr element; may be "") and language lang_attrs (docx_lang_attrs), tabs and newlines as
 * Word's own, cut where the text changes direction: a run of Arabic or
 * Hebrew letters carries w:rtl, one of Latin letters does not, what has
 * neither takes the document's direction (rtl_doc).  Word reads w:rtl as
 * "this is right-to-left script": it turns the run's spaces and
 * punctuation right to left and sets it in the complex-script font, bold
 * and size, and ISO/IEC 29500-1 (17.3.2.30) leaves w:rtl on Latin
 * letters, or its absence on Arabic ones, undefined. */
void docx_text_runs(struct buf *o, const char *rpr, const char *lang_attrs,
		    bool rtl_doc, const char *s, size_t len);
/* docx_text_runs into the document, in its language or the passage's. */
void docx_runs(struct docx_ctx *c, const char *rpr, const char *s,
	       size_t len);
/* <w:bidiVisual/> in a table's w:tblPr when the document runs right to
 * left: Word takes a table's direction from it alone, not from its
 * paragraphs (ECMA-376 17.4.1), and would set the columns left to
 * right. */
void docx_table_direction(struct docx_ctx *c);
/* A paragraph of one run of plain text in style `style`. */
void docx_para(struct docx_ctx *c, const char *style, const char *rpr,
	       const char *text);

/* A new relationship of document.xml; returns its id ("rId12"). */
const char *docx_rel(struct docx_ctx *c, const char *type,
		     const char *target, bool external);
struct docx_part *docx_part_add(struct docx_ctx *c, const char *name);

/* The chart as a native Word chart (a table for CHART_TYPE_TABLE),
 * with its caption and source; docx_chart.c. */
void docx_chart(struct docx_ctx *c, const struct chart *ch);

/* The package around the body and notes, written to path (a temporary
 * file of the caller's); false with an error in d.  docx_parts.c. */
bool docx_package(struct docx_ctx *c, const char *path);

#endif
