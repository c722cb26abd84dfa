/*
 * pdf_int — the interfaces between the parts of the PDF back end; nothing
 * outside gen/pdf*.c includes this.
 *
 * The pipeline: pdf.c walks the cmark tree; each block becomes a paragraph
 * of items (pdf_inline.c: boxes, glue and penalties as in TeX, with words
 * measured by pdf_font.c and hyphenated by pdf_hyphen.c), broken into lines
 * (pdf_break.c), set as chunks: small display lists with a height
 * (pdf_inline.c again).  pdf_page.c places chunks on pages (footnotes,
 * widows, orphans, headings kept with what follows); pdf_table.c and
 * pdf_toc.c make chunks of their own; pdf_emit.c finally draws every page
 * with libharu, once all page numbers are known.  Every draw carries the
 * structure element it belongs to (pdf_tag.c: the tagged PDF's tree),
 * and each face a ToUnicode map of what it drew (pdf_cmap.c).
 *
 * Chunks, their draw items and their strings live in the render's arena.
 * Paragraph item arrays are heap buffers reused from block to block.
 */
#ifndef UPRGEN_PDF_INT_H
#define UPRGEN_PDF_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>
#include <hpdf.h>

#include "diag.h"
#include "pdf.h"
#include "pdf_raw.h"
#include "model.h"
#include "unform.h"
#include "util.h"
#include "words.h"

/* ---- page geometry (points) ---- */
#define PDF_PAGE_W 595.276
#define PDF_PAGE_H 841.89
/* The UN form's margins, left and right: 2 cm, where its running head
 * and its title page's lines start (unform.h, in points). */
#define PDF_UN_MARGIN (UNFORM_MARGIN / 20.0)
#define PDF_UN_HEAD_INDENT (UNFORM_MASTHEAD_INDENT / 20.0)
/* A page's width and height: A4 upright, or on its side (landscape: the
 * annex matrix, as in Word, fence_part_is_matrix). */
#define PDF_PAGE_W_OF(landscape) ((landscape) ? PDF_PAGE_H : PDF_PAGE_W)
#define PDF_PAGE_H_OF(landscape) ((landscape) ? PDF_PAGE_W : PDF_PAGE_H)
/* a chart's or a table's source line (sans italic) */
#define PDF_SOURCE_SIZE 7.5
#define PDF_SOURCE_LEADING 9.5
#define PDF_MARGIN_LEFT 90.0
#define PDF_MARGIN_RIGHT 75.0
#define PDF_MARGIN_TOP 78.0
#define PDF_MARGIN_BOTTOM 70.0
#define PDF_TEXT_W (PDF_PAGE_W - PDF_MARGIN_LEFT - PDF_MARGIN_RIGHT)

/* ---- fonts (pdf_font.c) ---- */
enum pdf_face {
	PDF_SERIF, PDF_SERIF_B, PDF_SERIF_I, PDF_SERIF_BI,
	PDF_SANS, PDF_SANS_B, PDF_SANS_I, PDF_SANS_BI,
	PDF_MONO, PDF_MONO_B, PDF_MONO_I, PDF_MONO_BI,
	PDF_FACE_COUNT
};

/* The font files a face's characters may come from (pdf_font.c). */
enum { PDF_FONT_FILES = 32 };
struct pdf_font_file;

struct pdf_fonts {
	HPDF_Doc doc;
	const char *dir;
	struct diags *d;
	bool failed; /* a face could not be loaded (reported) */
	/* files are loaded on first use: NULL until then, or absent */
	struct pdf_font_file *file[PDF_FONT_FILES];
	bool absent[PDF_FONT_FILES];
	/* by face and BMP code point, filled on first use: the advance in
	 * 1/1000 em (0xFFFF not measured yet) and the file that draws it */
	uint16_t *adv[PDF_FACE_COUNT];
	uint8_t *file_of[PDF_FACE_COUNT];
	struct hb_buffer_t *shaper;
	struct pdf_shape_cache *cache; /* words shaped */
	const struct hb_language_impl_t *lang; /* NULL: from the text */
	/* the document reads right to left (pdf_fonts_set_lang): a string
	 * holding runs of both directions is drawn in their visual order */
	bool rtl;
	uint32_t page_used; /* bits: files drawn on the page being drawn */
	/* characters drawn as U+FFFD that the text had (pdf_inline.c sets
	 * U+FFFD itself where it can say where): how many, the first, the
	 * text it was in (xmalloc'd) */
	size_t bad_count;
	unsigned bad_first;
	char *bad_text;
};

/* What a content stream's text object has selected (pdf_fonts_show). */
struct pdf_text_state {
	int file;   /* -1: nothing yet */
	float size;
};

/* Checks that every face's own file is there; dir (NULL: the system's
 * fonts) must outlive f. */
bool pdf_fonts_load(struct pdf_fonts *f, HPDF_Doc doc, const char *dir,
		    struct diags *d);
void pdf_fonts_free(struct pdf_fonts *f);
/* Shaping in that language (a BCP 47 tag), not guessed. */
void pdf_fonts_set_lang(struct pdf_fonts *f, const char *lang);
/* The direction text is drawn in: the one its paragraph's bidi levels
 * gave it, or (text outside paragraphs: a chart's label, the running
 * head) guessed by the bidirectional algorithm over the text alone when
 * it holds a right-to-left letter; PDF_DIR_DOC: ordered by the algorithm
 * over the text alone in the document's direction, letters or not
 * (PDF_MARK_BIDI). */
enum pdf_dir { PDF_DIR_GUESS, PDF_DIR_LTR, PDF_DIR_RTL, PDF_DIR_DOC };
/* Appends the operators that show len bytes of UTF-8 in face at size at
 * the text position: Tf wherever the font file changes (st: what is
 * selected, updated), then the glyphs (Tj, or TJ where shaping placed
 * them) in visual order, left to right; report: count what no font can
 * draw for pdf_fonts_report() (false: the caller reported it). */
void pdf_fonts_show(struct pdf_fonts *f, enum pdf_face face, double size,
		    const char *s, size_t len, bool report, enum pdf_dir dir,
		    struct pdf_text_state *st, struct buf *out);
/* The fonts shown on the page since the last call go into its
 * resources. */
void pdf_fonts_page(struct pdf_fonts *f, HPDF_Page page);
/* Before the save: each font file used subset and written; false on
 * failure. */
bool pdf_fonts_finish(struct pdf_fonts *f);
/* Whether a font of the face's chain has a glyph for c; what none has is
 * drawn as U+FFFD. */
bool pdf_fonts_can_draw(struct pdf_fonts *f, enum pdf_face face, unsigned c);
/* Format characters that are never drawn and take no room: the soft
 * hyphen, zero-width spaces and joiners, bidi controls, word joiners,
 * the byte order mark. */
static inline bool pdf_fonts_invisible(unsigned c)
{
	return c >= 0xAD && /* most text: one test, and inline */
	       (c == 0xAD || c == 0x61C || (c >= 0x200B && c <= 0x200F) ||
		(c >= 0x202A && c <= 0x202E) ||
		(c >= 0x2060 && c <= 0x2064) ||
		(c >= 0x2066 && c <= 0x2069) || c == 0xFEFF);
}
/* One warning for the characters the faces had to draw as U+FFFD. */
void pdf_fonts_report(struct pdf_fonts *f);
/* Width in points of len bytes of valid UTF-8. */
double pdf_fonts_width(struct pdf_fonts *f, enum pdf_face face, double size,
		       const char *s, size_t len);
/* The face of the same family with bold and italic set as asked. */
enum pdf_face pdf_face_with(enum pdf_face face, bool bold, bool italic);
bool pdf_face_is_bold(enum pdf_face face);
bool pdf_face_is_italic(enum pdf_face face);

/* Streams are deflated by uprgen, not by libharu at the save (zlib's level
 * 6), with libdeflate's level 1: files the size zlib's level 3 gave, in a
 * third of its time (the 4 MB of page content of a 250-recommendation
 * report: 38 ms with zlib, 14 ms). */
enum { PDF_ZLEVEL = 1 };

/* A number given in thousandths appended as PDF wants it: no exponent,
 * no trailing zeros (pdf_emit.c). */
void pdf_num(struct buf *b, long thousandths);
/* A whole number appended (buf_printf's "%ld" at a tenth of its cost). */
static inline void pdf_int(struct buf *b, long v)
{
	pdf_num(b, v * 1000);
}

/* raw deflated (zlib format, PDF_ZLEVEL) and appended to out; false if
 * libdeflate fails. */
bool pdf_deflate(const struct buf *raw, struct buf *out);

/* ---- ToUnicode maps (pdf_cmap.c) ---- */
struct pdf_cmap_entry {
	uint16_t code;
	uint32_t uni; /* a Unicode scalar value, up to U+10FFFF */
	/* or, when not NULL, n of them (a ligature, a cluster; 0: the
	 * glyph reads as nothing, its neighbour carrying its text) */
	const uint32_t *seq;
	uint32_t n;
};

/* Appends the ToUnicode CMap of n entries sorted by code, ascending. */
void pdf_cmap_write(struct buf *out, const struct pdf_cmap_entry *e,
		    size_t n);

/* ---- hyphenation (pdf_hyphen.c) ---- */
struct pdf_hyphen;
/* NULL when no dictionary is found: text is then not hyphenated. */
struct pdf_hyphen *pdf_hyphen_open(enum lang lang, const char *dir);
void pdf_hyphen_close(struct pdf_hyphen *h);
/* Byte offsets inside word (len bytes of UTF-8) after which a hyphen may
 * go, ascending; returns how many were written to pts (at most max). */
size_t pdf_hyphen_points(struct pdf_hyphen *h, const char *word, size_t len,
			 size_t *pts, size_t max);

/* ---- line breaking (pdf_break.c) ---- */
enum pdf_item_kind { PDF_BOX, PDF_GLUE, PDF_PENALTY };
enum { PDF_INF_PENALTY = 10000 };
/* Before a space that should not break ("para. 2", "200 000"): a break
 * only in the last, emergency pass, where nothing else will do (a narrow
 * table cell). */
enum { PDF_TIE_PENALTY = PDF_INF_PENALTY - 1 };

struct pdf_item {
	enum pdf_item_kind kind;
	bool flagged;   /* a hyphen break: draw "-" when taken */
	bool hyphen_end; /* PENALTY: the line ends with a hyphen, drawn by
			    the break (flagged) or the word's own */
	bool hyphenate; /* BOX: a piece of word not yet hyphenated */
	bool nospace;   /* GLUE: a break between characters (Chinese), not
			   a space: the text layer gets none */
	/* BOX: its bidi embedding level in the paragraph (pdf_inline.c
	 * cuts a word where the level changes), meaningful when the
	 * paragraph's leveled is set */
	uint8_t level;
	int penalty;    /* PENALTY: >= 10000 never, <= -10000 always */
	double width, stretch, shrink;
	/* for setting: bytes of the paragraph text and the style */
	uint32_t off, len;
	uint32_t style;
};

/* Chooses line breaks for a paragraph that ends with a forced penalty:
 * Knuth–Plass total fit, with a last pass accepting any line that is not
 * overfull, then first fit when even that is impossible.  Returns the
 * number of lines; *breaks (xmalloc'd, caller frees) gets the index of
 * the item each line ends at.  ragged: the stretch every line has at its
 * end besides its spaces' (TeX's \rightskip), 0 for a justified
 * paragraph: a line of a ragged one need not fill its width, only not be
 * much emptier than its neighbours. */
size_t pdf_break_lines(const struct pdf_item *items, size_t n, double width,
		       double ragged, size_t **breaks);
/* One total-fit pass accepting only lines whose adjustment ratio is
 * within tolerance; 0 (and *breaks NULL) when there is no such setting. */
size_t pdf_break_within(const struct pdf_item *items, size_t n, double width,
			double ragged, double tolerance, size_t **breaks);

/* ---- display lists ---- */
enum pdf_draw_kind {
	PDF_DRAW_TEXT,      /* s,len at x, baseline y, in face/size/color */
	PDF_DRAW_LINE,      /* from (x,y) to (x+w, y+h), width size */
	PDF_DRAW_RECT,      /* filled, top-left (x,y), w×h, color */
	PDF_DRAW_DOT,       /* filled disc, centre (x,y), radius w */
	PDF_DRAW_IMAGE,     /* top-left (x,y), w×h */
	PDF_DRAW_URI,       /* link area top-left (x,y) w×h to s */
	PDF_DRAW_GOTO_HEAD, /* link area to heading ref */
	PDF_DRAW_GOTO_NOTE, /* link area to footnote ref */
	PDF_DRAW_ANCHOR_HEAD, /* heading ref starts at y */
	PDF_DRAW_ANCHOR_NOTE, /* footnote ref starts at y */
	PDF_DRAW_PAGEREF,   /* page number of heading ref, right-aligned
			       at x, baseline y */
	/* the text drawn up to the next SPAN_END reads as s,len (UTF-8,
	 * maybe empty): a word broken across lines reads whole where it
	 * starts, its hyphen and its rest on the next line read as nothing */
	PDF_DRAW_SPAN,
	PDF_DRAW_SPAN_END,
};

enum pdf_color { PDF_BLACK, PDF_LINK, PDF_GREY, PDF_RULE, PDF_SHADE,
		 PDF_CODEBG, PDF_ACCENT, PDF_WHITE,
		 PDF_RGB, /* lines, areas and dots: the draw's own rgb */
		 PDF_COLOR_COUNT };

/* What a draw is to readers of the text layer (bits). */
enum pdf_mark {
	/* text whose characters the fonts cannot draw were reported with
	 * their place already (paragraphs, headings, cells) */
	PDF_MARK_REPORTED = 1,
	/* a space follows the text: drawn (it is blank) so that the text
	 * and its structure read as words, not one run of letters */
	PDF_MARK_SPACE = 2,
	/* on a right-to-left page, drawn where it was laid out (moved into
	 * the mirrored text block) rather than mirrored: a vertical chart's
	 * plot, whose axis reads left to right as on the website */
	PDF_MARK_LTR = 4,
	/* text of one bidi level, which its paragraph gave it: drawn in
	 * that direction (pdf_fonts_show), not guessed from the text alone;
	 * PDF_MARK_RTL: the level is odd (right to left) */
	PDF_MARK_LEVEL = 8,
	PDF_MARK_RTL = 16,
	/* a line (PDF_DRAW_LINE) dashed: a chart's line across missing
	 * figures */
	PDF_MARK_DASHED = 32,
	/* text outside a paragraph's levels that the bidirectional
	 * algorithm orders alone, in the document's direction, whatever it
	 * holds: a paragraph's or an item's number, "10-" on a right-to-left
	 * page drawn "-10" (one level for all of it turned the digits round,
	 * "-01") */
	PDF_MARK_BIDI = 64,
};

/* y grows downwards from the top of the chunk; x is on the page. */
struct pdf_draw {
	uint8_t kind, face, color;
	uint8_t mark; /* enum pdf_mark bits */
	float x, y, w, h, size;
	const char *s;
	uint32_t len;
	union { /* a draw is a mark or a graphic, never both */
		int ref;
		uint32_t rgb; /* 0xRRGGBB, with color PDF_RGB (charts) */
	};
	/* the structure element it belongs to (pdf_tag.c): 0 not yet
	 * given one, PDF_TAG_ARTIFACT none (a rule, a shading) */
	uint32_t elem;
	/* text and the link area of one link share a number (0: none) */
	uint32_t link;
	HPDF_Image image;
	/* text of a passage in another language: its code (one pointer a
	 * passage, pdf_tag.c makes it a Span with /Lang), or NULL */
	const char *lang;
};

struct pdf_chunk {
	struct pdf_draw *d;
	size_t n;
	double h;            /* height taken on the page */
	double space_before; /* dropped at the top of a page */
	const int *notes;    /* footnote numbers referenced in the chunk */
	size_t note_count;
};

/* A growable display list, turned into a chunk in an arena. */
struct pdf_list {
	struct pdf_draw *d;
	size_t n, cap;
	int *notes;
	size_t note_count, note_cap;
};

void pdf_list_add(struct pdf_list *l, struct pdf_draw d);
void pdf_list_note(struct pdf_list *l, int note);
void pdf_list_free(struct pdf_list *l);
/* Copies l into a chunk in a and empties l. */
struct pdf_chunk *pdf_list_chunk(struct pdf_list *l, struct arena *a,
				 double h, double space_before);

/* ---- paragraphs of inline content (pdf_inline.c) ---- */
struct pdf_style {
	enum pdf_face face;
	float size, rise;
	enum pdf_color color;
	bool strike;
	const char *uri; /* a safe link target, or NULL */
	int note;        /* a footnote mark: its number, else 0 */
	const char *lang; /* a passage's language (arena), or NULL */
	bool blank;       /* room and no text: a first line's indent */
};

enum pdf_align { PDF_JUSTIFY, PDF_LEFT, PDF_CENTER, PDF_RIGHT };

struct pdf_para {
	struct pdf_item *items;
	size_t n, cap;
	struct buf text;
	struct pdf_style *styles;
	size_t style_count, style_cap;
	double size, leading; /* of the base style */
	/* the dictionary of its boxes marked hyphenate; NULL: none left */
	struct pdf_hyphen *hyphen;
	/* its boxes cut where the bidi level changes and given their
	 * levels (right-to-left text in it, or a right-to-left report);
	 * mixed: some box is not at the paragraph's own level */
	bool leveled, mixed;
};

/* What the inline walk needs from the document. */
struct pdf_inline_env {
	struct pdf_fonts *fonts;
	struct pdf_hyphen *hyphen; /* NULL: no hyphenation */
	struct arena *arena;       /* for link targets */
	bool no_notes; /* footnote marks are shown but not linked (TOC) */
	uint32_t links; /* links set so far: each its number */
	/* the report reads right to left (Arabic): lines are laid out in
	 * logical order and pdf_emit.c mirrors the page; runs of the other
	 * direction are reordered in each line (pdf_inline.c, FriBidi) */
	bool rtl;
	/* the report's script has no italic (lang_emphasis_is_bold:
	 * Arabic, Chinese): emphasis is bold, and what is italic elsewhere
	 * (headings, captions, sources, the running head) upright, as in
	 * the Word document; see pdf_env_face() */
	bool no_italics;
	/* where characters no font can draw are reported (NULL: nowhere),
	 * and the name the Markdown's lines are counted in */
	struct diags *d;
	const char *source;
	/* the text node being added (NULL: literal text), and what the
	 * text added so far holds that the fonts cannot draw */
	cmark_node *node;
	size_t bad_count;
	unsigned bad_first;
	size_t bad_off;
};

/* face, without its italic where env's script has none (no_italics). */
enum pdf_face pdf_env_face(const struct pdf_inline_env *env,
			   enum pdf_face face);

void pdf_para_init(struct pdf_para *p);
void pdf_para_free(struct pdf_para *p);
/* Empties p and sets its base style. */
void pdf_para_reset(struct pdf_para *p, enum pdf_face face, double size,
		    double leading);
/* Room of width points at the first line's start, before its text (a
 * UN paragraph's number stands in it): call first, after the reset. */
void pdf_para_indent(struct pdf_para *p, double width);
/* Appends the inline children of node (a paragraph, heading, cell...). */
void pdf_para_inlines(struct pdf_para *p, struct pdf_inline_env *env,
		      cmark_node *node);
/* Appends literal text in the base style with the given face, breaking
 * lines only at spaces. */
void pdf_para_text(struct pdf_para *p, struct pdf_inline_env *env,
		   enum pdf_face face, const char *s, size_t len);
/* Ends the paragraph (the last line is ragged). */
void pdf_para_finish(struct pdf_para *p);
/* Width of the widest box and of the whole paragraph on one line. */
void pdf_para_extent(const struct pdf_para *p, double *min_w, double *max_w);
/* Breaks p into lines of width and sets them, one chunk per line, at x;
 * returns the number of lines, *out an arena array of chunks. */
size_t pdf_para_set(struct pdf_para *p, struct pdf_inline_env *env,
		    double x, double width, enum pdf_align align,
		    struct pdf_chunk ***out);
/* Gives c extra draw items after its own (what follows the text: a
 * table of contents' dots and page number). */
void pdf_chunk_add_draws(struct pdf_chunk *c, struct arena *a,
			 const struct pdf_draw *d, size_t n);
/* Gives c extra draw items before its own: what is read before the text
 * (a list marker, a paragraph or note number) is drawn first, as readers
 * and text extraction follow the drawing order. */
void pdf_chunk_lead_draws(struct pdf_chunk *c, struct arena *a,
			  const struct pdf_draw *d, size_t n);

/* ---- the structure tree of a tagged PDF (pdf_tag.c) ---- */
enum { PDF_TAG_ARTIFACT = UINT32_MAX };

struct pdf_elem {
	const char *type; /* a standard structure type: P, H1, Table... */
	uint32_t parent;
	const char *alt;  /* a Figure's text alternative (arena), or NULL */
	const char *scope; /* a TH's /Scope (Column, Row), or NULL */
	unsigned colspan;  /* a cell's /ColSpan when over 1 */
	/* a Table's /Summary: its name (markdown_table_name), or NULL */
	const char *summary;
	bool late; /* put after its siblings (a Note, after the text) */
	/* a late one's sibling it follows at once (0: after them all): a
	 * Note the element that first cites it (pdf_page.c) */
	uint32_t after;
	/* read with the sibling before it (a table's source line): what
	 * follows that sibling follows this one */
	bool with_prev;
	const char *lang;  /* a Span's /Lang, or NULL */
	/* an L's /ListNumbering (Disc, Decimal, LowerAlpha), or NULL */
	const char *numbering;
};

/* A marked-content sequence drawn: its element, page and MCID. */
struct pdf_mcr {
	uint32_t elem, page, mcid;
};

struct pdf_tags {
	struct arena *a;
	struct pdf_elem *e; /* [0] is the Document */
	size_t count, cap;
	uint32_t open; /* the element new ones go into */
	struct pdf_mcr *mcr;
	size_t mcr_count, mcr_cap;
	uint32_t *next_mcid; /* by page */
	size_t page_cap;
	struct pdf_annot {
		uint32_t elem, page;
		HPDF_Annotation annot;
		const char *text;
	} *annot;
	size_t annot_count, annot_cap;
};

void pdf_tags_init(struct pdf_tags *t, struct arena *a);
void pdf_tags_free(struct pdf_tags *t);
/* A new element in the open one, which it becomes / does not become. */
uint32_t pdf_tag_open(struct pdf_tags *t, const char *type);
uint32_t pdf_tag_leaf(struct pdf_tags *t, const char *type);
/* The open element's parent is open again. */
void pdf_tag_close(struct pdf_tags *t);
/* The draws of c[0..n) not given an element yet go to elem: text (and
 * the spans around it), and graphics too if asked (a chart). */
void pdf_tag_draws(struct pdf_chunk *const *c, size_t n, uint32_t elem,
		   bool graphics);
/* Text of c[0..n) with no element yet becomes one paragraph. */
void pdf_tag_default(struct pdf_tags *t, struct pdf_chunk *const *c,
		     size_t n);
/* Each link's text in c[0..n), already in an element, goes into a Link
 * element of its own there, with the link's area (its annotation). */
void pdf_tag_links(struct pdf_tags *t, struct pdf_chunk *const *c,
		   size_t n);
/* The annotation of a link area drawn with elem (a Link) on page; text:
 * its /Contents, what it leads to (arena or static). */
void pdf_tag_annot(struct pdf_tags *t, uint32_t elem, uint32_t page,
		   HPDF_Annotation annot, const char *text);
/* A copy of c whose draws are artifacts (a table's header repeated). */
struct pdf_chunk *pdf_tag_artifact_copy(const struct pdf_chunk *c,
					struct arena *a);
/* The MCID of a new marked-content sequence of elem on page. */
uint32_t pdf_tag_mcid(struct pdf_tags *t, uint32_t elem, uint32_t page);

/* The output intent's ICC profile (Debian icc-profiles-free). */
#define PDF_SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"

struct pdf_doc_meta {
	/* as the document information dictionary has them (XMP repeats
	 * them: PDF/A wants the two the same) */
	const char *title, *lang, *subject, *author, *keywords, *creator;
	struct pdf_date created; /* year 0: none */
	const char *producer;
	unsigned char id[16]; /* the trailer's /ID */
	const unsigned char *icc; /* the sRGB profile of the output intent */
	size_t icc_len;
	bool rtl; /* a right-to-left language: pages read right to left */
};
/* Writes the structure tree (the pages' /StructParents and /Tabs), the
 * catalog's /MarkInfo, /ViewerPreferences, /Metadata (XMP with the PDF/A-2a
 * and PDF/UA-1 identification) and /OutputIntents (sRGB), and the
 * trailer's /ID; false on a libharu error. */
bool pdf_tags_write(HPDF_Doc doc, struct pdf_tags *t, HPDF_Page *pages,
		    size_t page_count, const struct pdf_doc_meta *meta);

/* ---- pages (pdf_page.c) ---- */
enum pdf_page_kind { PDF_PAGE_TITLE, PDF_PAGE_FRONT, PDF_PAGE_BODY };

struct pdf_placed {
	const struct pdf_chunk *c;
	double top; /* PDF y of the chunk's top */
};

struct pdf_page {
	enum pdf_page_kind kind;
	bool landscape;
	struct pdf_placed *body;
	size_t body_count, body_cap;
	const struct pdf_chunk **notes; /* footnote lines, top to bottom */
	size_t note_count, note_cap;
};

struct pdf_note {
	struct pdf_chunk **lines;
	size_t count;
	uint32_t elem; /* its Note element */
	bool placed;
	size_t stamp; /* counted in the current fitting check */
	double height; /* of all its lines; 0: not summed yet */
};

struct pdf_pages {
	struct arena *a;
	struct pdf_page *page;
	size_t count, cap;
	enum pdf_page_kind kind; /* of new pages */
	double y;                /* top of the free space */
	double note_h;           /* footnote area of the current page */
	bool empty;              /* no body chunk on the current page yet */
	bool landscape;          /* the pages made from now on lie on their side */
	/* headings waiting to be placed with what follows them */
	const struct pdf_chunk **keep;
	size_t keep_count, keep_cap;
	/* footnote lines that did not fit on their page */
	const struct pdf_chunk **carry;
	size_t carry_count, carry_cap;
	struct pdf_note *notes; /* by number; [0] unused */
	size_t note_total;
	size_t stamp;
	int *heading_page;      /* page index of each heading anchor */
	size_t heading_count;
	struct pdf_tags tags;   /* what every placed chunk belongs to */
	/* a table's header row (an artifact copy) while its rows are placed:
	 * put at the top of every new page, which still counts as empty */
	const struct pdf_chunk *running_head;
};

void pdf_pages_init(struct pdf_pages *pg, struct arena *a);
void pdf_pages_free(struct pdf_pages *pg);
void pdf_pages_new_page(struct pdf_pages *pg, enum pdf_page_kind kind);
/* Room left for body chunks on the current page. */
double pdf_pages_room(const struct pdf_pages *pg);
/* Whether the chunks fit on the current page together (with the headings
 * kept for them and the footnotes they bring). */
bool pdf_pages_fits(const struct pdf_pages *pg, struct pdf_chunk *const *c,
		    size_t n);
/* Places lines of one paragraph with widow and orphan control; keep: hold
 * them until the next block (headings). */
void pdf_pages_lines(struct pdf_pages *pg, struct pdf_chunk *const *c,
		     size_t n, bool keep);
/* Places chunks that belong together (a table row) on one page, starting
 * a new one if they do not fit. */
void pdf_pages_group(struct pdf_pages *pg, struct pdf_chunk *const *c,
		     size_t n);
/* Places a chunk at a fixed height of the current page (title page). */
void pdf_pages_at(struct pdf_pages *pg, const struct pdf_chunk *c,
		  double top);
/* Places the headings still kept (before a page break). */
void pdf_pages_flush(struct pdf_pages *pg);
/* The pages made from now on lie on their side (landscape) or stand; the
 * current page too while nothing is on it. */
void pdf_pages_turn(struct pdf_pages *pg, bool landscape);
/* At the end of the document: the headings still kept, and pages for the
 * footnote lines still waiting for room. */
void pdf_pages_end(struct pdf_pages *pg);

/* ---- tables (pdf_table.c) ---- */
#define PDF_TABLE_SIZE 8.5  /* cell text */
#define PDF_TABLE_PAD_X 4.0 /* left and right of a cell's text */
/* Where a table's cells come from.  cell() appends the content of one
 * cell to p, already reset to the cell's face (bold sans in the header);
 * it is called row by row in order, maybe twice over (measuring). */
struct pdf_table_src {
	unsigned cols;
	size_t rows;
	bool header; /* row 0 is the header, repeated on every page */
	void (*cell)(void *ctx, struct pdf_para *p,
		     struct pdf_inline_env *env, enum pdf_face face,
		     size_t row, unsigned col);
	void *ctx;
	const enum pdf_align *align; /* by column; NULL: all left */
	/* by column, shares of the width; NULL: from the content */
	const double *weight;
	/* the table's name, its /Summary for a screen reader, or NULL */
	const char *summary;
	/* the first column names its rows (a TH /Scope /Row, as the site's
	 * th scope="row"): a chart's keys, the matrix's numbers */
	bool row_heads;
	/* whether a row is one cell across the table, its column 0's (a
	 * group's title: markdown_is_group_row); NULL: none is */
	bool (*spans)(void *ctx, size_t row);
};

void pdf_table_draw(struct pdf_pages *pg, struct pdf_inline_env *env,
		    struct pdf_para *scratch, const struct pdf_table_src *src,
		    double left, double right);
/* A GFM table node, named summary (may be NULL). */
void pdf_table(struct pdf_pages *pg, struct pdf_inline_env *env,
	       struct pdf_para *scratch, cmark_node *table,
	       const char *summary, double left, double right);

/* ---- charts and the matrix (pdf_chart.c, pdf_matrix.c) ---- */
struct chart;
struct matrix;
struct matrix_words;

void pdf_chart(struct pdf_pages *pg, struct pdf_inline_env *env,
	       struct pdf_para *scratch, const struct chart *c, double left,
	       double right);
void pdf_matrix(struct pdf_pages *pg, struct pdf_inline_env *env,
		struct pdf_para *scratch, const struct matrix *m,
		const struct matrix_words *w, const char *summary,
		double left, double right);

/* ---- table of contents and outline (pdf_toc.c) ---- */
struct pdf_heading {
	cmark_node *node;
	int level;
	const char *plain; /* UTF-8 text for the outline */
};

void pdf_toc(struct pdf_pages *pg, struct pdf_inline_env *env,
	     struct pdf_para *scratch, const struct pdf_heading *h,
	     size_t count, int depth, const struct words *words);
struct pdf_anchor {
	int page; /* -1: not placed */
	double y;
};

/* The bookmarks: every heading, nested by level. */
void pdf_outline(HPDF_Doc doc, HPDF_Page *pages, const struct pdf_heading *h,
		 const struct pdf_anchor *at, size_t count);
enum pdf_word { PDF_WORD_CONTENTS, PDF_WORD_PAGE };
const char *pdf_word(const struct words *w, enum pdf_word which);

/* ---- drawing (pdf_emit.c) ---- */
struct pdf_emit_info {
	struct pdf_doc_meta meta; /* for the structure tree and XMP */
	struct pdf_tags *tags;    /* the pages' (marked while drawn) */
	const char *symbol, *title;
	const struct pdf_heading *headings;
	size_t heading_count;
	size_t front_pages; /* pages before page 1 */
	/* every x mirrored (x' = page width - x - width): a right-to-left
	 * page, each word still drawn left to right */
	bool rtl;
	/* the UN document form: the symbol alone in the running head and
	 * the folio, both at the outer corner; no colour */
	bool un_form;
	/* with un_form: the job number at the foot of every page after the
	 * first, opposite the folio (unform_job_footer), or NULL */
	const char *job_footer;
	/* the running head's title upright (pdf_inline_env.no_italics) */
	bool no_italics;
	/* a note reference's /Contents: "Note {n}" (labels note_ref), or
	 * NULL: the number */
	const char *note_ref;
};

/* Draws every page into doc; false when libharu failed. */
bool pdf_emit(HPDF_Doc doc, struct pdf_fonts *f, const struct pdf_pages *pg,
	      const struct pdf_emit_info *info);

#endif
