/*
 * pdf_inline — inline Markdown as a TeX-like paragraph, and its lines set
 * as chunks.
 *
 * A struct pdf_para (the caller's, reused from block to block) receives
 * words as boxes, spaces as glue, hyphenation and dash breaks as
 * penalties; styles (face, size, link, footnote mark) sit in a small table
 * the items index.  pdf_para_set() breaks the paragraph with pdf_break.c
 * and turns each line into a chunk in the environment's arena, the text
 * copied there too.
 *
 * Unicode's invisible characters are handled as it says (issue 14): a
 * soft hyphen is a place where the line may break with a visible hyphen
 * and is otherwise not drawn, a zero-width space a place where it may
 * break without one; the other zero-width characters are left out, and
 * the bidi controls (marks, embeddings, isolates) are not drawn but kept
 * in the text for the paragraph's levels.
 * A character the fonts cannot draw is drawn as U+FFFD with a warning that
 * gives its line and column; the text layer keeps the character.
 *
 * Chinese and Japanese have no spaces: a word holding their characters
 * may break between them where the Unicode line breaking rules (UAX #14,
 * libunibreak) allow, which keeps closing punctuation off a line's start
 * and opening punctuation off its end; each such place is a glue of no
 * width and a little stretch, not a space (PDF item nospace).  Other
 * scripts break at spaces only, as before.
 *
 * Right to left (issue 20): lines are laid out in logical order and the
 * page mirrored when drawn (pdf_emit.c).  FriBidi gives each box its
 * embedding level in the paragraph; in each line the runs of boxes above
 * the paragraph's level are reversed as the Unicode rule L2 says (the
 * last reversal, of the whole line, is the mirroring), so that a Latin
 * identifier in an Arabic line, or an Arabic phrase in a French one,
 * reads in its own order.  The text layer keeps the logical order.
 */
#include "pdf_int.h"

#include "markdown.h"

#include <fribidi/fribidi.h>
#include <linebreak.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum {
	S_HYPHEN_PENALTY = 50,
	S_DASH_PENALTY = 50,
	S_CUT_PENALTY = 200, /* inside a word too wide for the line */
	S_MAX_POINTS = 32,
};

/* TeX's \pretolerance of 100: a paragraph whose lines all stretch their
 * spaces by at most the glue's stretch (badness 100) is not hyphenated. */
#define S_PRETOLERANCE 1.0

#define S_FILL_STRETCH 100000.0

void pdf_para_init(struct pdf_para *p)
{
	memset(p, 0, sizeof *p);
	buf_init(&p->text);
}

void pdf_para_free(struct pdf_para *p)
{
	free(p->items);
	free(p->styles);
	buf_free(&p->text);
	memset(p, 0, sizeof *p);
}

static bool S_same_style(const struct pdf_style *a, const struct pdf_style *b)
{
	return a->face == b->face && a->size == b->size && a->rise == b->rise &&
	       a->color == b->color && a->strike == b->strike &&
	       a->uri == b->uri && a->note == b->note && a->lang == b->lang &&
	       a->blank == b->blank;
}

static uint32_t S_style(struct pdf_para *p, const struct pdf_style *s)
{
	/* styles change rarely within a paragraph: look at the last few */
	size_t from = p->style_count > 8 ? p->style_count - 8 : 0;
	for (size_t i = p->style_count; i-- > from;)
		if (S_same_style(&p->styles[i], s))
			return (uint32_t)i;
	if (p->style_count == p->style_cap) {
		p->style_cap = p->style_cap ? 2 * p->style_cap : 8;
		p->styles = xrealloc(p->styles,
				     p->style_cap * sizeof *p->styles);
	}
	p->styles[p->style_count] = *s;
	return (uint32_t)p->style_count++;
}

void pdf_para_reset(struct pdf_para *p, enum pdf_face face, double size,
		    double leading)
{
	p->n = 0;
	p->style_count = 0;
	buf_clear(&p->text);
	p->size = size;
	p->leading = leading;
	p->hyphen = NULL;
	p->leveled = p->mixed = false;
	struct pdf_style base = {.face = face, .size = (float)size};
	S_style(p, &base);
}

static struct pdf_item *S_push(struct pdf_para *p, enum pdf_item_kind kind,
			       uint32_t style);

void pdf_para_indent(struct pdf_para *p, double width)
{
	/* a box of its own style, so that the text after it is a run of
	 * its own, drawn where the room ends (S_set_box) */
	struct pdf_style blank = p->styles[0];
	blank.blank = true;
	struct pdf_item *b = S_push(p, PDF_BOX, S_style(p, &blank));
	b->off = (uint32_t)p->text.len;
	b->width = width;
}

static struct pdf_item *S_push(struct pdf_para *p, enum pdf_item_kind kind,
			       uint32_t style)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->items = xrealloc(p->items, p->cap * sizeof *p->items);
	}
	struct pdf_item *it = &p->items[p->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->style = style;
	return it;
}

static void S_glue(struct pdf_para *p, struct pdf_inline_env *env,
		   uint32_t style)
{
	if (p->n == 0 || p->items[p->n - 1].kind == PDF_GLUE)
		return;
	const struct pdf_style *s = &p->styles[style];
	double w = pdf_fonts_width(env->fonts, s->face, s->size, " ", 1);
	struct pdf_item *g = S_push(p, PDF_GLUE, style);
	g->width = w;
	g->stretch = w / 2;
	g->shrink = w / 3;
}

static void S_penalty(struct pdf_para *p, uint32_t style, int penalty,
		      double width, bool flagged)
{
	struct pdf_item *it = S_push(p, PDF_PENALTY, style);
	it->penalty = penalty;
	it->width = width;
	it->flagged = flagged;
	it->hyphen_end = flagged;
}

static void S_box(struct pdf_para *p, struct pdf_inline_env *env,
		  uint32_t style, size_t off, size_t len)
{
	const struct pdf_style *s = &p->styles[style];
	struct pdf_item *b = S_push(p, PDF_BOX, style);
	b->off = (uint32_t)off;
	b->len = (uint32_t)len;
	b->width = pdf_fonts_width(env->fonts, s->face, s->size,
				   p->text.data + off, len);
}

/* A letter of a script the PDF hyphenates: Latin, Cyrillic (Russian
 * words were left whole, their lines justified wide, while it had only
 * the Latin letters). */
static bool S_is_letter(unsigned c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x400 && c <= 0x45F);
}

/* A lower-case letter (Latin, Greek, Cyrillic; near enough for telling
 * words from codes and acronyms). */
static bool S_is_lower(unsigned c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
	       (c >= 0x100 && c <= 0x17F && (c & 1)) ||
	       (c >= 0x3AC && c <= 0x3CE) || (c >= 0x430 && c <= 0x45F);
}

/* LRM, RLM, ALM, the embeddings and overrides, the isolates. */
static bool S_is_bidi_control(unsigned c)
{
	return c == 0x61C || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static bool S_is_digit(unsigned c)
{
	return c >= '0' && c <= '9';
}

static pthread_once_t S_unibreak_once = PTHREAD_ONCE_INIT;

/* libunibreak's tables for the large code points, once (PDFs are made
 * on several threads). */
static void S_unibreak_init(void)
{
	init_linebreak();
}

/* UAX #14's break opportunities in w[0..len), if it holds a wide
 * character: brk[i] is LINEBREAK_ALLOWBREAK where a line may break
 * after the character ending at byte i; NULL (nothing to free) when the
 * word breaks at spaces only. */
static char *S_wide_breaks(const char *w, size_t len)
{
	bool wide = false;
	for (size_t i = 0; i < len && !wide;) {
		size_t adv = 1;
		unsigned c = (unsigned char)w[i];
		if (c >= 0xE1)
			c = utf8_decode(w + i, len - i, &adv);
		i += adv ? adv : 1;
		wide = unicode_is_wide(c);
	}
	if (!wide)
		return NULL;
	pthread_once(&S_unibreak_once, S_unibreak_init);
	char *brk = xmalloc(len);
	set_linebreaks_utf8((const utf8_t *)w, len, "zh", brk);
	return brk;
}

/* A place to break between two wide characters: no space, a little
 * stretch so that a justified line's room is spread between them. */
static void S_wide_glue(struct pdf_para *p, uint32_t style)
{
	struct pdf_item *g = S_push(p, PDF_GLUE, style);
	g->nospace = true;
	g->stretch = p->styles[style].size * 0.05;
}

/* What a word is made of, for where it may break. */
struct S_word_kind {
	bool lower; /* has a lower-case letter: a word, not a code */
	bool own_hyphen; /* a compound: broken at its own hyphen only */
	bool shy; /* has soft hyphens: broken there only */
	bool code; /* digits, slashes, dots or the like inside: an address,
		      a reference, a number, never hyphenated */
	bool symbol; /* a figure inside, not an address: a UN symbol
			("A/HRC/59/42/Add.1") is not broken at its slashes
			(an address is, a long one would not fit) */
};

static struct S_word_kind S_kind(const char *w, size_t len)
{
	struct S_word_kind k = {0};
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned c = utf8_decode(w + i, len - i, &adv);
		i += adv ? adv : 1;
		k.lower |= S_is_lower(c);
		k.own_hyphen |= c == '-' && i > adv && i < len;
		k.shy |= c == 0xAD;
		k.code |= S_is_digit(c) || c == '/' || c == '@' || c == '_' ||
			  ((c == '.' || c == ':') && i < len);
		k.symbol |= S_is_digit(c);
	}
	for (size_t i = 0; k.symbol && i + 3 <= len; i++)
		if (!memcmp(w + i, "://", 3))
			k.symbol = false;
	if (len > 4 && !memcmp(w, "www.", 4))
		k.symbol = false;
	return k;
}

/* Hyphenation points of the letters inside w[0..len) (punctuation around
 * them left out), as offsets from w. */
static size_t S_hyphen_points(struct pdf_hyphen *h, const char *w,
			      size_t len, size_t *pts, size_t max)
{
	size_t s = 0, e = len, adv;
	while (s < e && !S_is_letter(utf8_decode(w + s, e - s, &adv)))
		s += adv;
	while (e > s) {
		size_t back = e - 1;
		while (back > s && ((unsigned char)w[back] & 0xC0) == 0x80)
			back--;
		if (S_is_letter(utf8_decode(w + back, e - back, &adv)))
			break;
		e = back;
	}
	size_t n = pdf_hyphen_points(h, w + s, e - s, pts, max);
	for (size_t i = 0; i < n; i++)
		pts[i] += s;
	return n;
}

/* The piece of word from *seg to the end of the text as a box, marked
 * for hyphenation if asked; nothing when it is empty. */
static void S_piece(struct pdf_para *p, struct pdf_inline_env *env,
		    uint32_t style, size_t *seg, bool hyphenate)
{
	if (p->text.len == *seg)
		return;
	S_box(p, env, style, *seg, p->text.len - *seg);
	if (hyphenate && env->hyphen) {
		p->items[p->n - 1].hyphenate = true;
		p->hyphen = env->hyphen;
	}
	*seg = p->text.len;
}

/* Appends one word: boxes with breaks after explicit dashes, at soft
 * hyphens (flagged: a hyphen is drawn if the line ends there) and at
 * zero-width spaces, the pieces marked for hyphenation if the paragraph
 * needs it (S_break) and the word has no soft hyphen of its own (as in
 * TeX, the writer's break points then are the only ones).  off: where
 * the word starts in the text node, for messages. */
static void S_word(struct pdf_para *p, struct pdf_inline_env *env,
		   uint32_t style, const char *w, size_t len, size_t off)
{
	enum pdf_face face = p->styles[style].face;
	/* Identifiers stay whole: a word with no lower-case letter (a
	 * document symbol as A/HRC/53/8, a code as 076-2023-MIMP, an
	 * acronym as UNHCR) is neither hyphenated nor broken at its
	 * slashes or hyphens; a compound breaks at its own hyphen only, as
	 * in TeX; a dash between digits (2021–2025) holds. */
	struct S_word_kind kind = S_kind(w, len);
	bool shy = kind.shy;
	bool syllables = !shy && kind.lower && !kind.own_hyphen && !kind.code;
	unsigned before = 0; /* the character before the current one */
	size_t seg = p->text.len; /* start of the current piece */
	char *brk = S_wide_breaks(w, len);
	for (size_t i = 0; i < len;) {
		size_t at = i, adv = 1;
		unsigned c = (unsigned char)w[i];
		if (c >= 0x80) {
			c = utf8_decode(w + i, len - i, &adv);
			if (!adv)
				adv = 1;
		}
		i += adv;
		/* a break after c, beside a wide character (Latin inside
		 * Chinese text keeps breaking at spaces only) */
		bool wide_break = false;
		if (brk && i < len && brk[i - 1] == LINEBREAK_ALLOWBREAK) {
			size_t a2;
			wide_break = unicode_is_wide(c) ||
				     unicode_is_wide(utf8_decode(w + i, len - i, &a2));
		}
		if (c == 0xAD || c == 0x200B) {
			/* a break point, if something comes before it */
			if (p->text.len == seg && (p->n == 0 ||
						   p->items[p->n - 1].kind !=
							   PDF_BOX))
				continue;
			S_piece(p, env, style, &seg, false);
			const struct pdf_style *st = &p->styles[style];
			if (c == 0xAD)
				S_penalty(p, style, S_HYPHEN_PENALTY,
					  pdf_fonts_width(env->fonts, st->face,
							  st->size, "-", 1),
					  true);
			else
				S_penalty(p, style, 0, 0, false);
			continue;
		}
		if (pdf_fonts_invisible(c)) {
			/* the bidi controls stay in the text, undrawn, for
			 * the levels (S_bidi): an isolate keeps "16.a"
			 * whole in an Arabic line */
			if (S_is_bidi_control(c))
				buf_put(&p->text, w + at, adv);
			continue;
		}
		if (c >= 0x80 && !pdf_fonts_can_draw(env->fonts, face, c)) {
			if (!env->bad_count++) {
				env->bad_first = c;
				env->bad_off = off + at;
			}
			/* drawn as U+FFFD, the character itself kept for the
			 * text layer (pdf_fonts_encode) */
			buf_put(&p->text, w + at, adv);
			if (wide_break) {
				S_piece(p, env, style, &seg, syllables);
				S_wide_glue(p, style);
			}
			continue;
		}
		buf_put(&p->text, w + at, adv);
		unsigned after = 0;
		if (i < len) {
			size_t a2;
			after = utf8_decode(w + i, len - i, &a2);
		}
		/* (not at the hyphen of a Latin compound in a right-to-left
		 * report: "Marie-" at a line's far left and "Claire" at the
		 * next one's right are hard to read as one name) */
		bool dash = at > 0 && i < len && kind.lower &&
			    ((c == '-' && !env->rtl && S_is_lower(before) &&
			      S_is_letter(after)) ||
			     ((c == 0x2013 || c == 0x2014) &&
			      !S_is_digit(before) && !S_is_digit(after)) ||
			     (c == '/' && !kind.symbol));
		before = c;
		if (dash) {
			S_piece(p, env, style, &seg, syllables);
			S_penalty(p, style, S_DASH_PENALTY, 0, false);
			p->items[p->n - 1].hyphen_end = c == '-';
		} else if (wide_break) {
			S_piece(p, env, style, &seg, syllables);
			S_wide_glue(p, style);
		}
	}
	S_piece(p, env, style, &seg, syllables);
	free(brk);
}

/* One warning for the characters of a text the fonts cannot draw: the
 * first of them, where it is, and how many there are. */
static void S_report_bad(struct pdf_inline_env *env, const char *s,
			 size_t len)
{
	if (!env->bad_count || !env->d)
		return;
	/* the chapter or field the text was written in (markdown.h) */
	struct source_pos pos = {0};
	if (env->node) {
		pos = markdown_node_pos(env->node, env->source);
		/* (a node made after parsing has the place of its start) */
		if (pos.column)
			pos.column += (int)env->bad_off;
	}
	char more[64] = "";
	if (env->bad_count > 1)
		snprintf(more, sizeof more, " (and %zu more characters there)",
			 env->bad_count - 1);
	const char *text = diag_quote(env->arena,
				      arena_strndup(env->arena, s, len));
	diag_warning(env->d, pos,
		     "U+%04X in \"%s\" cannot be drawn with the PDF's fonts "
		     "(none has a glyph for it); the PDF shows U+FFFD "
		     "instead%s",
		     env->bad_first, text, more);
	env->bad_count = 0;
}

static bool S_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* How many digits w[0..len) starts with. */
static size_t S_digits(const char *w, size_t len)
{
	size_t n = 0;
	while (n < len && S_is_digit((unsigned char)w[n]))
		n++;
	return n;
}

/* Whether the space between the words a and b must not break: a number
 * grouped with spaces ("200 000", "1 200 000"), and a number after an
 * abbreviation that announces it ("para. 2", "No. 191-2021-MIMP",
 * "n.º 76", "pp. 3–5"). */
static bool S_tie(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t bd = S_digits(b, blen);
	if (!bd || !alen)
		return false;
	size_t lead = 0;
	while (lead < alen && (a[lead] == '(' || a[lead] == '$'))
		lead++;
	if (S_digits(a + lead, alen - lead) == alen - lead &&
	    alen - lead <= 3 && bd == 3 &&
	    (blen == 3 || !S_is_digit((unsigned char)b[3])))
		return true;
	/* a short abbreviation: letters and dots, ending with a dot or an
	 * ordinal indicator */
	if (alen - lead > 6)
		return false;
	bool ends = a[alen - 1] == '.' ||
		    (alen >= 2 && (unsigned char)a[alen - 2] == 0xC2 &&
		     ((unsigned char)a[alen - 1] == 0xBA ||
		      (unsigned char)a[alen - 1] == 0xAA));
	if (!ends)
		return false;
	for (size_t i = lead; i < alen;) {
		size_t adv;
		unsigned c = utf8_decode(a + i, alen - i, &adv);
		i += adv ? adv : 1;
		if (!S_is_letter(c) && c != '.' && c != 0xBA && c != 0xAA)
			return false;
	}
	return true;
}

static void S_text(struct pdf_para *p, struct pdf_inline_env *env,
		   uint32_t style, const char *s, size_t len)
{
	env->bad_count = 0;
	size_t word = 0, word_len = 0; /* the last word, in s */
	for (size_t i = 0; i < len;) {
		if (S_is_space(s[i])) {
			size_t k = i;
			while (k < len && S_is_space(s[k]))
				k++;
			size_t e = k;
			while (e < len && !S_is_space(s[e]))
				e++;
			if (word_len && p->n && p->items[p->n - 1].kind ==
							PDF_BOX &&
			    S_tie(s + word, word_len, s + k, e - k))
				S_penalty(p, style, PDF_TIE_PENALTY, 0, false);
			S_glue(p, env, style);
			i = k;
			continue;
		}
		size_t j = i;
		while (j < len && !S_is_space(s[j]))
			j++;
		S_word(p, env, style, s + i, j - i, i);
		word = i;
		word_len = j - i;
		i = j;
	}
	S_report_bad(env, s, len);
}

void pdf_para_text(struct pdf_para *p, struct pdf_inline_env *env,
		   enum pdf_face face, const char *s, size_t len)
{
	struct pdf_style st = p->styles[0];
	st.face = face;
	S_text(p, env, S_style(p, &st), s, len);
}

/* Link targets go into the PDF as URI strings: ASCII, so the rest is
 * percent-encoded. */
static const char *S_uri(struct arena *a, const char *url)
{
	struct buf b;
	buf_init(&b);
	for (const unsigned char *u = (const unsigned char *)url; *u; u++) {
		if (*u <= ' ' || *u >= 0x7F)
			buf_printf(&b, "%%%02X", *u);
		else
			buf_putc(&b, (char)*u);
	}
	const char *r = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return r;
}

static void S_note_mark(struct pdf_para *p, struct pdf_inline_env *env,
			const struct pdf_style *cur, cmark_node *n)
{
	const char *num = cmark_node_get_literal(n);
	if (!num || !*num)
		return;
	struct pdf_style st = *cur;
	st.size = (float)(cur->size * 0.62);
	st.rise = (float)(cur->size * 0.36);
	st.note = env->no_notes ? 0 : atoi(num);
	st.uri = NULL;
	st.face = pdf_face_with(cur->face, false, false);
	size_t off = p->text.len;
	buf_puts(&p->text, num);
	S_box(p, env, S_style(p, &st), off, strlen(num));
}

struct S_stack {
	struct pdf_style *s;
	size_t n, cap;
};

static void S_push_style(struct S_stack *st, struct pdf_style s)
{
	if (st->n == st->cap) {
		st->cap = st->cap ? 2 * st->cap : 16;
		st->s = xrealloc(st->s, st->cap * sizeof *st->s);
	}
	st->s[st->n++] = s;
}

enum pdf_face pdf_env_face(const struct pdf_inline_env *env,
			   enum pdf_face face)
{
	return env->no_italics
		       ? pdf_face_with(face, pdf_face_is_bold(face), false)
		       : face;
}

/* The style a container inline (emphasis, link...) gives its content. */
static struct pdf_style S_enter(struct pdf_inline_env *env, cmark_node *n,
				struct pdf_style s)
{
	bool bold = pdf_face_is_bold(s.face), italic = pdf_face_is_italic(s.face);
	const char *url;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_EMPH:
		s.face = env->no_italics ? pdf_face_with(s.face, true, false)
					 : pdf_face_with(s.face, bold, !italic);
		break;
	case CMARK_NODE_STRONG:
		s.face = pdf_face_with(s.face, true, italic);
		break;
	case CMARK_NODE_IMAGE: /* inline images show their description */
		s.face = pdf_face_with(s.face, bold, true);
		break;
	case CMARK_NODE_LINK:
		url = cmark_node_get_url(n);
		if (url && *url && markdown_url_is_safe(url, false)) {
			s.uri = S_uri(env->arena, url);
			s.color = PDF_LINK;
		}
		break;
	default:
		if (markdown_ext_of(n) == MARKDOWN_EXT_STRIKETHROUGH)
			s.strike = true;
		break;
	}
	return s;
}

static void S_leaf(struct pdf_para *p, struct pdf_inline_env *env,
		   cmark_node *n, const struct pdf_style *cur)
{
	const char *lit = cmark_node_get_literal(n);
	struct pdf_style code;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		env->node = n;
		if (lit)
			S_text(p, env, S_style(p, cur), lit, strlen(lit));
		env->node = NULL;
		break;
	case CMARK_NODE_CODE:
		code = *cur;
		code.face = pdf_face_with(PDF_MONO, pdf_face_is_bold(cur->face),
					  false);
		code.size = cur->size * 0.9f;
		env->node = n;
		if (lit)
			S_text(p, env, S_style(p, &code), lit, strlen(lit));
		env->node = NULL;
		break;
	case CMARK_NODE_SOFTBREAK:
		S_glue(p, env, S_style(p, cur));
		break;
	case CMARK_NODE_LINEBREAK: {
		uint32_t st = S_style(p, cur);
		S_push(p, PDF_GLUE, st)->stretch = S_FILL_STRETCH;
		S_penalty(p, st, -PDF_INF_PENALTY, 0, false);
		break;
	}
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		S_note_mark(p, env, cur, n);
		break;
	case CMARK_NODE_HTML_INLINE:
		if (markdown_is_line_break(n)) { /* <br>, as a hard break */
			uint32_t st = S_style(p, cur);
			S_push(p, PDF_GLUE, st)->stretch = S_FILL_STRETCH;
			S_penalty(p, st, -PDF_INF_PENALTY, 0, false);
		}
		break; /* other raw HTML is dropped */
	default:
		break;
	}
}

void pdf_para_inlines(struct pdf_para *p, struct pdf_inline_env *env,
		      cmark_node *node)
{
	struct S_stack st = {0};
	S_push_style(&st, p->styles[0]);
	enum { S_MAX_SPANS = 16 };
	cmark_node *span_end[S_MAX_SPANS];
	size_t spans = 0;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (n == node)
			continue;
		bool container = cmark_node_first_child(n) ||
				 cmark_node_get_type(n) == CMARK_NODE_EMPH ||
				 cmark_node_get_type(n) == CMARK_NODE_STRONG ||
				 cmark_node_get_type(n) == CMARK_NODE_LINK ||
				 cmark_node_get_type(n) == CMARK_NODE_IMAGE ||
				 markdown_ext_of(n) != MARKDOWN_EXT_NONE;
		if (!container) {
			/* leaves of extension types also get an EXIT */
			if (ev != CMARK_EVENT_ENTER)
				continue;
			/* a passage in another language: a style of its own
			 * until its closing tag */
			char lang[36];
			cmark_node *close = markdown_lang_span(n, lang,
							       sizeof lang);
			if (close && spans < S_MAX_SPANS) {
				struct pdf_style s = st.s[st.n - 1];
				s.lang = arena_strdup(env->arena, lang);
				S_push_style(&st, s);
				span_end[spans++] = close;
			} else if (spans && n == span_end[spans - 1]) {
				spans--;
				st.n--;
			} else {
				S_leaf(p, env, n, &st.s[st.n - 1]);
			}
		}
		else if (ev == CMARK_EVENT_ENTER)
			S_push_style(&st, S_enter(env, n, st.s[st.n - 1]));
		else if (st.n > 1)
			st.n--;
	}
	cmark_iter_free(it);
	free(st.s);
}

void pdf_para_finish(struct pdf_para *p)
{
	while (p->n && p->items[p->n - 1].kind == PDF_GLUE)
		p->n--;
	S_push(p, PDF_GLUE, 0)->stretch = S_FILL_STRETCH;
	S_penalty(p, 0, -PDF_INF_PENALTY, 0, false);
}

void pdf_para_extent(const struct pdf_para *p, double *min_w, double *max_w)
{
	double line = 0, word = 0;
	*min_w = *max_w = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct pdf_item *it = &p->items[i];
		if (it->kind == PDF_BOX) {
			word += it->width;
			line += it->width;
		} else if (it->kind == PDF_GLUE && it->stretch < S_FILL_STRETCH) {
			line += it->width;
			word = 0;
		} else if (it->kind == PDF_PENALTY &&
			   it->penalty <= -PDF_INF_PENALTY) {
			line = word = 0;
		} /* a column is not narrowed to a syllable: hyphens don't
		   * end a word here */
		*min_w = fmax(*min_w, word);
		*max_w = fmax(*max_w, line);
	}
}

/* Whether the box's text is letters only (and marks on them) of the
 * scripts that hyphenate (Latin, Greek, Cyrillic, Armenian): a word of a
 * language, which a cut shows with a hyphen, as a reader expects; not an
 * address, a symbol or a figure (A/HRC/53/8, a URL), where a hyphen
 * would read as part of it, nor Arabic or Thai, which a hyphen does not
 * cut. */
static bool S_all_letters(const char *s, size_t len)
{
	for (size_t k = 0, adv; k < len; k += adv) {
		unsigned c = utf8_decode(s + k, len - k, &adv);
		adv = adv ? adv : 1;
		FriBidiCharType t = fribidi_get_bidi_type(c);
		if ((t != FRIBIDI_TYPE_LTR && t != FRIBIDI_TYPE_NSM) ||
		    (c >= 0x0590 && (c < 0x1E00 || c > 0x1FFF)))
			return false;
	}
	return true;
}

/* Cuts every box wider than width into characters with a break allowed
 * between any two: a long URL or a 100,000-letter word must not run past
 * the margin, and may still share its first line with what precedes.  A
 * word of letters is cut with a hyphen ("Многонацио-", not "Много" then
 * "национальное" as if two words: languages review 7). */
static void S_cut_wide(struct pdf_para *p, struct pdf_inline_env *env,
		       double width)
{
	size_t i;
	for (i = 0; i < p->n; i++)
		if (p->items[i].kind == PDF_BOX && p->items[i].width > width)
			break;
	if (i == p->n)
		return;
	struct pdf_item *old = p->items;
	size_t n = p->n;
	p->items = NULL;
	p->n = p->cap = 0;
	for (i = 0; i < n; i++) {
		struct pdf_item it = old[i];
		if (it.kind != PDF_BOX || it.width <= width) {
			*S_push(p, it.kind, it.style) = it;
			continue;
		}
		size_t end = it.off + it.len, adv;
		const struct pdf_style *st = &p->styles[it.style];
		/* a word: letters only, after a space (the end of an
		 * address after its last '/' is no word) */
		bool word = (i == 0 || old[i - 1].kind == PDF_GLUE) &&
			    S_all_letters(p->text.data + it.off, it.len);
		double hyphen = word ? pdf_fonts_width(env->fonts, st->face,
						       st->size, "-", 1)
				     : 0;
		for (size_t k = it.off; k < end; k += adv) {
			unsigned c = utf8_decode(p->text.data + k, end - k,
						 &adv);
			adv = adv ? adv : 1;
			/* (not before a mark: it belongs to its letter) */
			if (k > it.off &&
			    fribidi_get_bidi_type(c) != FRIBIDI_TYPE_NSM)
				S_penalty(p, it.style, S_CUT_PENALTY, hyphen,
					  hyphen > 0);
			S_box(p, env, it.style, k, adv);
			p->items[p->n - 1].level = it.level;
		}
	}
	free(old);
}

/* Splits every box marked hyphenate at its hyphenation points, with a
 * flagged penalty at each. */
static void S_hyphenate(struct pdf_para *p, struct pdf_inline_env *env)
{
	struct pdf_item *old = p->items;
	size_t n = p->n;
	p->items = NULL;
	p->n = p->cap = 0;
	for (size_t i = 0; i < n; i++) {
		struct pdf_item it = old[i];
		if (it.kind != PDF_BOX || !it.hyphenate) {
			*S_push(p, it.kind, it.style) = it;
			continue;
		}
		size_t pts[S_MAX_POINTS];
		size_t count = S_hyphen_points(p->hyphen, p->text.data + it.off,
					       it.len, pts, S_MAX_POINTS);
		const struct pdf_style *st = &p->styles[it.style];
		double hyphen = count ? pdf_fonts_width(env->fonts, st->face,
							st->size, "-", 1)
				      : 0;
		size_t from = 0;
		for (size_t k = 0; k < count; k++) {
			S_box(p, env, it.style, it.off + from, pts[k] - from);
			p->items[p->n - 1].level = it.level;
			S_penalty(p, it.style, S_HYPHEN_PENALTY, hyphen, true);
			from = pts[k];
		}
		S_box(p, env, it.style, it.off + from, it.len - from);
		p->items[p->n - 1].level = it.level;
	}
	free(old);
	p->hyphen = NULL;
}

/* As TeX does: a paragraph that sets well without hyphenation is left
 * whole (most are, and hyphenating every word was a sixth of the PDF's
 * time); the others are hyphenated, then broken with the usual passes. */
static size_t S_break(struct pdf_para *p, struct pdf_inline_env *env,
		      double width, enum pdf_align align, size_t **breaks)
{
	/* a ragged line is judged by how much of its width it leaves,
	 * half of it empty as loose as a justified line stretched as far
	 * as its spaces go: judged by its spaces alone, a line of one space
	 * was as bad half full as a quarter full, and a cell's "А.
	 * Национальная" (room to spare) lost to "А. Наци-" */
	double ragged = align == PDF_JUSTIFY ? 0 : width / 2;
	if (p->hyphen) {
		size_t lines = pdf_break_within(p->items, p->n, width, ragged,
						S_PRETOLERANCE, breaks);
		if (lines)
			return lines;
		S_hyphenate(p, env);
	}
	S_cut_wide(p, env, width);
	return pdf_break_lines(p->items, p->n, width, ragged, breaks);
}

/* ---- setting lines ---- */

struct S_line {
	struct pdf_para *p;
	struct pdf_inline_env *env;
	struct pdf_list out;
	const char *text; /* the paragraph text, copied into the arena */
	double baseline;
	/* the text run being gathered */
	long run_style;
	size_t run_off, run_len;
	double run_x, run_w;
	bool run_space; /* a space follows it */
	/* the link or footnote area being gathered */
	const char *uri;
	int note;
	uint32_t link; /* its number (pdf_inline_env.links) */
	double link_x0, link_x1;
	/* the bidi level of the run being gathered, the paragraph's own,
	 * and scratch for the x of each item of a line */
	uint8_t run_level;
	uint8_t base;
	double *xs;
	size_t xs_cap;
};

static void S_flush_run(struct S_line *l)
{
	if (l->run_style < 0)
		return;
	if (l->p->styles[l->run_style].blank) { /* room, nothing drawn */
		l->run_style = -1;
		return;
	}
	const struct pdf_style *s = &l->p->styles[l->run_style];
	struct pdf_draw d = {.kind = PDF_DRAW_TEXT, .face = (uint8_t)s->face,
			     .color = (uint8_t)s->color,
			     .x = (float)l->run_x,
			     .y = (float)(l->baseline - s->rise),
			     .size = s->size, .s = l->text + l->run_off,
			     .len = (uint32_t)l->run_len,
			     .mark = PDF_MARK_REPORTED,
			     .link = s->uri || s->note ? l->link : 0,
			     .lang = s->lang};
	if (l->run_space)
		d.mark |= PDF_MARK_SPACE;
	if (l->p->leveled)
		d.mark |= PDF_MARK_LEVEL |
			  (l->run_level & 1 ? PDF_MARK_RTL : 0);
	l->run_space = false;
	pdf_list_add(&l->out, d);
	if (s->strike) {
		struct pdf_draw r = {.kind = PDF_DRAW_LINE, .x = d.x,
				     .y = (float)(l->baseline - s->size * 0.3),
				     .w = (float)l->run_w, .size = 0.6f};
		pdf_list_add(&l->out, r);
	}
	l->run_style = -1;
}

static void S_flush_link(struct S_line *l, double top, double h)
{
	if (!l->uri && !l->note)
		return;
	struct pdf_draw d = {.x = (float)l->link_x0, .y = (float)top,
			     .w = (float)(l->link_x1 - l->link_x0),
			     .h = (float)h, .link = l->link};
	if (l->uri) {
		d.kind = PDF_DRAW_URI;
		d.s = l->uri;
	} else {
		d.kind = PDF_DRAW_GOTO_NOTE;
		d.ref = l->note;
		pdf_list_note(&l->out, l->note);
	}
	pdf_list_add(&l->out, d);
	l->uri = NULL;
	l->note = 0;
}

static void S_set_box(struct S_line *l, const struct pdf_item *it, double x)
{
	const struct pdf_style *s = &l->p->styles[it->style];
	/* (where the text goes on, and so does the line: a run of another
	 * direction reordered does not join) */
	bool joins = l->run_style == (long)it->style &&
		     l->run_level == it->level &&
		     l->run_off + l->run_len == it->off &&
		     fabs(l->run_x + l->run_w - x) < 1e-3;
	if (!joins) {
		S_flush_run(l);
		l->run_style = it->style;
		l->run_level = it->level;
		l->run_off = it->off;
		l->run_len = 0;
		l->run_x = x;
		l->run_w = 0;
	}
	l->run_len += it->len;
	l->run_w += it->width;
	if (s->uri != l->uri || s->note != l->note) {
		S_flush_link(l, 0, l->p->leading);
		l->uri = s->uri;
		l->note = s->note;
		if (s->uri || s->note)
			l->link = ++l->env->links;
		l->link_x0 = x;
		l->link_x1 = x + it->width;
	}
	/* the area around all of its boxes, in whatever order they stand */
	l->link_x0 = fmin(l->link_x0, x);
	l->link_x1 = fmax(l->link_x1, x + it->width);
}

/* Whether the break at item k falls inside a word (a hyphenation point,
 * after a dash or a slash, a cut): boxes on both sides, no space. */
static bool S_inside_word(const struct pdf_para *p, size_t k)
{
	return k > 0 && k + 1 < p->n && p->items[k].kind == PDF_PENALTY &&
	       p->items[k - 1].kind == PDF_BOX &&
	       p->items[k + 1].kind == PDF_BOX;
}

/* The first box of the word that item k is in, looking back no further
 * than item from (a word cut over a thousand lines is not walked again
 * for each). */
static size_t S_word_first(const struct pdf_para *p, size_t k, size_t from)
{
	while (k > from && p->items[k - 1].kind != PDF_GLUE &&
	       !(p->items[k - 1].kind == PDF_PENALTY &&
		 p->items[k - 1].penalty <= -PDF_INF_PENALTY))
		k--;
	while (p->items[k].kind != PDF_BOX)
		k++;
	return k;
}

/* The last box of the word that item k is in. */
static size_t S_word_last(const struct pdf_para *p, size_t k)
{
	size_t last = k;
	for (; k < p->n && p->items[k].kind != PDF_GLUE; k++) {
		if (p->items[k].kind == PDF_BOX)
			last = k;
		else if (p->items[k].penalty <= -PDF_INF_PENALTY)
			break;
	}
	return last;
}

static void S_span(struct S_line *l, const char *s, size_t len)
{
	S_flush_run(l);
	pdf_list_add(&l->out, (struct pdf_draw){.kind = PDF_DRAW_SPAN, .s = s,
						.len = (uint32_t)len});
}

static void S_span_end(struct S_line *l)
{
	S_flush_run(l);
	pdf_list_add(&l->out, (struct pdf_draw){.kind = PDF_DRAW_SPAN_END});
}

/* The adjustment ratio of line [from, to] set in width. */
static double S_line_ratio(const struct pdf_para *p, size_t from, size_t to,
			   double width, enum pdf_align align, double *natural)
{
	double w = 0, y = 0, z = 0;
	for (size_t i = from; i < to; i++) {
		const struct pdf_item *it = &p->items[i];
		if (it->kind == PDF_PENALTY)
			continue;
		w += it->width;
		if (it->kind == PDF_GLUE) {
			y += it->stretch;
			z += it->shrink;
		}
	}
	if (p->items[to].kind == PDF_PENALTY)
		w += p->items[to].width;
	*natural = w;
	if (w > width)
		return z > 0 ? fmax((width - w) / z, -1) : 0;
	if (align != PDF_JUSTIFY || y <= 0)
		return 0;
	return (width - w) / y;
}

/* ---- bidirectional text ---- */

/* Whether s holds a right-to-left letter (Hebrew, Arabic, Syriac, Thaana,
 * N'Ko... and their presentation forms), by the UTF-8 lead bytes: a
 * paragraph without one, in a left-to-right report, needs no FriBidi. */
static bool S_has_rtl(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i + 1 < len; i++) {
		if (u[i] >= 0xD6 && u[i] <= 0xDF)
			return true;
		if ((u[i] == 0xE0 && u[i + 1] >= 0xA0 && u[i + 1] <= 0xA3) ||
		    (u[i] == 0xEF && u[i + 1] >= 0xAC && u[i + 1] <= 0xBB) ||
		    (u[i] == 0xF0 && (u[i + 1] == 0x90 || u[i + 1] == 0x9E)))
			return true;
	}
	return false;
}

/* Right to left (issue 20): each character's embedding level in the
 * paragraph (FriBidi over the paragraph in the report's direction, a
 * space between words as one character), and every box cut where the
 * level changes, so that each box reads in one direction.  "2024." ending
 * an Arabic sentence becomes the figures, at the level of numbers, and
 * the full stop, at the sentence's, which rule L2 puts at their left as
 * the Unicode algorithm says; "Dubois،" the name and the comma, which
 * goes to the far side of "Marie-Claire Dubois".  Nothing to do for a
 * paragraph without right-to-left letters in a left-to-right report. */
/* A raised box: a note mark. */
static bool S_raised(const struct pdf_para *p, const struct pdf_item *it)
{
	return p->styles[it->style].rise > 0;
}

static void S_bidi(struct pdf_para *p, struct pdf_inline_env *env)
{
	if (p->leveled || !p->n ||
	    (!env->rtl && !S_has_rtl(p->text.data, p->text.len)))
		return;
	size_t cap = 64, n = 0;
	FriBidiChar *str = xmalloc(cap * sizeof *str);
	for (size_t i = 0; i < p->n; i++) {
		const struct pdf_item *it = &p->items[i];
		if (it->kind == PDF_BOX) {
			const char *t = p->text.data + it->off;
			bool mark = S_raised(p, it);
			for (size_t k = 0; k < it->len;) {
				size_t adv;
				unsigned c = utf8_decode(t + k, it->len - k,
							 &adv);
				k += adv ? adv : 1;
				if (n == cap)
					str = xrealloc(str,
						       (cap *= 2) * sizeof *str);
				/* a note mark's figures stand apart from the
				 * figures before it: as an object, neutral,
				 * "180.²" is not the number 180.2 */
				str[n++] = mark ? 0xFFFC : c;
			}
		} else if (it->kind == PDF_GLUE && !it->nospace) {
			if (n == cap)
				str = xrealloc(str, (cap *= 2) * sizeof *str);
			str[n++] = ' ';
		}
	}
	uint8_t base = env->rtl ? 1 : 0;
	FriBidiCharType *types = xmalloc((n ? n : 1) * sizeof *types);
	FriBidiBracketType *brackets = xmalloc((n ? n : 1) *
					       sizeof *brackets);
	FriBidiLevel *lev = xmalloc((n ? n : 1) * sizeof *lev);
	fribidi_get_bidi_types(str, (FriBidiStrIndex)n, types);
	fribidi_get_bracket_types(str, (FriBidiStrIndex)n, types, brackets);
	FriBidiParType dir = env->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	if (!n || !fribidi_get_par_embedding_levels_ex(
			  types, brackets, (FriBidiStrIndex)n, &dir, lev))
		memset(lev, base, (n ? n : 1) * sizeof *lev);
	/* the items again, each box cut where its characters' level
	 * changes */
	struct pdf_item *old = p->items;
	size_t count = p->n, c = 0;
	p->items = NULL;
	p->n = p->cap = 0;
	p->mixed = false;
	for (size_t i = 0; i < count; i++) {
		struct pdf_item it = old[i];
		if (it.kind != PDF_BOX) {
			*S_push(p, it.kind, it.style) = it;
			if (it.kind == PDF_GLUE && !it.nospace)
				c++;
			continue;
		}
		const char *t = p->text.data + it.off;
		size_t from = 0;
		/* a note mark placed as a neutral, its figures read left to
		 * right as any number's: an odd level one up */
		uint8_t raise = S_raised(p, &it) ? 1 : 0;
		uint8_t level = c < n ? (uint8_t)lev[c] : base;
		level += raise & level;
		if (!it.len) /* an indent: at the line's start */
			level = base;
		for (size_t k = 0; k < it.len;) {
			size_t adv;
			utf8_decode(t + k, it.len - k, &adv);
			uint8_t l = c < n ? (uint8_t)lev[c] : base;
			l += raise & l;
			if (l != level) {
				struct pdf_item *b = S_push(p, PDF_BOX,
							    it.style);
				*b = it;
				b->off = it.off + (uint32_t)from;
				b->len = (uint32_t)(k - from);
				b->level = level;
				p->mixed |= level != base;
				from = k;
				level = l;
			}
			k += adv ? adv : 1;
			c++;
		}
		struct pdf_item *b = S_push(p, PDF_BOX, it.style);
		*b = it;
		b->level = level;
		p->mixed |= level != base;
		if (from > 0) {
			/* each piece measured alone (kerning across the
			 * cut, between a letter and a figure or a
			 * punctuation mark, is none) */
			b->off = it.off + (uint32_t)from;
			b->len = it.len - (uint32_t)from;
			for (size_t k = p->n; k-- > 0 &&
					      p->items[k].kind == PDF_BOX &&
					      p->items[k].off >= it.off;) {
				struct pdf_item *x = &p->items[k];
				const struct pdf_style *st =
					&p->styles[x->style];
				x->width = pdf_fonts_width(
					env->fonts, st->face, st->size,
					p->text.data + x->off, x->len);
				if (x->off == it.off)
					break;
			}
		}
	}
	p->leveled = true;
	free(old);
	free(str);
	free(types);
	free(brackets);
	free(lev);
}

/* The x of each box of line [from, to) set from x with adjustment
 * ratio r, runs of boxes reordered as rule L2 says, from the highest
 * level down to the one above the paragraph's (on a right-to-left page
 * the mirroring is the last reversal); NULL when the line has none. */
static const double *S_reorder(struct S_line *l, size_t from, size_t to,
			       double x, double r)
{
	if (!l->p->mixed)
		return NULL;
	const struct pdf_item *items = l->p->items;
	uint8_t top = l->base;
	for (size_t i = from; i < to; i++)
		if (items[i].kind == PDF_BOX && items[i].level > top)
			top = items[i].level;
	if (top == l->base)
		return NULL;
	if (to - from > l->xs_cap) {
		l->xs_cap = to - from;
		l->xs = xrealloc(l->xs, l->xs_cap * sizeof *l->xs);
	}
	double *xs = l->xs;
	for (size_t i = from; i < to; i++) {
		const struct pdf_item *it = &items[i];
		xs[i - from] = x;
		if (it->kind == PDF_BOX)
			x += it->width;
		else if (it->kind == PDF_GLUE)
			x += it->width + r * (r > 0 ? it->stretch : it->shrink);
	}
	for (unsigned lev = top; lev > l->base; lev--) {
		for (size_t i = from; i < to;) {
			if (items[i].kind != PDF_BOX || items[i].level < lev) {
				i++;
				continue;
			}
			/* a run: boxes at lev or above, with what is
			 * between them, up to a box below lev */
			size_t e = i, last = i;
			double x0 = xs[i - from],
			       x1 = xs[i - from] + items[i].width;
			for (; e < to; e++) {
				if (items[e].kind != PDF_BOX)
					continue;
				if (items[e].level < lev)
					break;
				last = e;
				x0 = fmin(x0, xs[e - from]);
				x1 = fmax(x1, xs[e - from] + items[e].width);
			}
			for (size_t k = i; k <= last; k++)
				if (items[k].kind == PDF_BOX)
					xs[k - from] = x0 + x1 - xs[k - from] -
						       items[k].width;
			i = e;
		}
	}
	return xs;
}

static struct pdf_chunk *S_set_line(struct S_line *l, size_t from, size_t to,
				    double x0, double width,
				    enum pdf_align align)
{
	struct pdf_para *p = l->p;
	double natural;
	double r = S_line_ratio(p, from, to, width, align, &natural);
	double x = x0;
	if (r == 0 && natural < width && align == PDF_CENTER)
		x += (width - natural) / 2;
	else if (r == 0 && natural < width && align == PDF_RIGHT)
		x += width - natural;
	const double *xs = S_reorder(l, from, to, x, r);
	l->run_style = -1;
	/* A word broken at the line's end reads whole from where it starts
	 * (its hyphen, if one is added, is not text; a hyphen of its own
	 * stays in it); its rest at the next line's start reads as
	 * nothing.  Copying, searching and reading aloud get the word, and
	 * poppler does not take a compound's own hyphen for a line-end one
	 * and drop it. */
	bool open = from > 0 && S_inside_word(p, from - 1);
	if (open)
		S_span(l, "", 0);
	size_t first = S_inside_word(p, to) ? S_word_first(p, to, from)
					    : SIZE_MAX;
	for (size_t i = from; i < to; i++) {
		const struct pdf_item *it = &p->items[i];
		if (it->kind == PDF_BOX) {
			if (i == first && !open) {
				const struct pdf_item *last =
					&p->items[S_word_last(p, to)];
				uint32_t end = last->off + last->len;
				if (end >= it->off) {
					/* with the space after it, which
					 * the span's own text loses */
					size_t k = S_word_last(p, to) + 1;
					bool sp = k < p->n &&
						  p->items[k].kind == PDF_GLUE;
					S_span(l,
					       sp ? arena_printf(
							    l->env->arena,
							    "%.*s ",
							    (int)(end - it->off),
							    l->text + it->off)
						  : l->text + it->off,
					       end - it->off + sp);
					open = true;
				}
			}
			S_set_box(l, it, xs ? xs[i - from] : x);
			x += it->width;
		} else if (it->kind == PDF_GLUE) {
			double dx = it->width +
				    r * (r > 0 ? it->stretch : it->shrink);
			/* between wide characters: no space, and the run
			 * goes on when the glue does not move the next */
			if (it->nospace && !open && fabs(dx) < 1e-3) {
				x += dx;
				continue;
			}
			/* not the glue that fills a paragraph's last line */
			const struct pdf_item *nx =
				i + 1 < p->n ? &p->items[i + 1] : NULL;
			l->run_space = l->run_style >= 0 && nx &&
				       !it->nospace &&
				       !(nx->kind == PDF_PENALTY &&
					 nx->penalty <= -PDF_INF_PENALTY);
			S_flush_run(l);
			if (open) {
				S_span_end(l);
				open = false;
			}
			x += dx;
		}
	}
	const struct pdf_item *end = &p->items[to];
	/* a line that ends between words ends with a space, but the last
	 * and one broken between wide characters */
	l->run_space = l->run_style >= 0 && !S_inside_word(p, to) &&
		       !(end->kind == PDF_GLUE && end->nospace) &&
		       !(end->kind == PDF_PENALTY &&
			 end->penalty <= -PDF_INF_PENALTY);
	if (end->kind == PDF_PENALTY && end->flagged && to > 0) {
		S_flush_run(l);
		const struct pdf_style *s = &p->styles[end->style];
		struct pdf_draw d = {.kind = PDF_DRAW_TEXT,
				     .face = (uint8_t)s->face,
				     .color = (uint8_t)s->color, .x = (float)x,
				     .y = (float)l->baseline, .size = s->size,
				     .s = "-", .len = 1};
		pdf_list_add(&l->out, d);
	}
	S_flush_run(l);
	if (open)
		S_span_end(l);
	S_flush_link(l, 0, p->leading);
	return pdf_list_chunk(&l->out, l->env->arena, p->leading, 0);
}

size_t pdf_para_set(struct pdf_para *p, struct pdf_inline_env *env,
		    double x, double width, enum pdf_align align,
		    struct pdf_chunk ***out)
{
	size_t *breaks;
	S_bidi(p, env);
	size_t lines = S_break(p, env, width, align, &breaks);
	struct S_line l = {.p = p, .env = env, .run_style = -1,
			   .base = env->rtl ? 1 : 0};
	l.text = arena_strndup(env->arena, p->text.data ? p->text.data : "",
			       p->text.len);
	l.baseline = (p->leading + p->size * 0.72) / 2;
	*out = arena_alloc(env->arena, (lines ? lines : 1) * sizeof **out);
	size_t from = 0;
	for (size_t k = 0; k < lines; k++) {
		/* glue and penalties after a break vanish */
		while (from < breaks[k] && p->items[from].kind != PDF_BOX)
			from++;
		enum pdf_align al = align;
		if (al == PDF_JUSTIFY && k + 1 == lines)
			al = PDF_LEFT;
		(*out)[k] = S_set_line(&l, from, breaks[k], x, width, al);
		from = breaks[k] + 1;
	}
	free(breaks);
	free(l.xs);
	pdf_list_free(&l.out);
	return lines;
}

void pdf_chunk_add_draws(struct pdf_chunk *c, struct arena *a,
			 const struct pdf_draw *d, size_t n)
{
	struct pdf_draw *all = arena_alloc(a, (c->n + n) * sizeof *all);
	if (c->n)
		memcpy(all, c->d, c->n * sizeof *all);
	memcpy(all + c->n, d, n * sizeof *all);
	c->d = all;
	c->n += n;
}

void pdf_chunk_lead_draws(struct pdf_chunk *c, struct arena *a,
			  const struct pdf_draw *d, size_t n)
{
	struct pdf_draw *all = arena_alloc(a, (c->n + n) * sizeof *all);
	memcpy(all, d, n * sizeof *all);
	if (c->n)
		memcpy(all + n, c->d, c->n * sizeof *all);
	c->d = all;
	c->n += n;
}
