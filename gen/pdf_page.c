/*
 * pdf_page — chunks onto pages.
 *
 * Takes the chunks pdf.c, pdf_table.c and pdf_toc.c make, in reading
 * order, and decides the page and height of each: footnote lines go to the
 * foot of the page of their first reference (the text area shrinks for
 * them; lines that cannot fit move to the next page's foot), a paragraph
 * leaves neither one line alone at the foot of a page nor one at the top
 * of the next, a heading waits until it can go with two lines of what
 * follows it, a row of a table goes whole onto a page.  The pages keep
 * pointers to the chunks (which stay in the arena); pdf_emit.c draws them.
 *
 * Nothing is dropped for want of room (issue 14): a chunk taller than the
 * room left is cut across pages (S_put_tall), headings kept for what
 * follows are set in the flow when they are more than half a page
 * (S_keep_bound), a footnote longer than half a page asks only for its
 * first lines on the page of its reference and continues at the foot of
 * the next pages, as TeX splits notes, and pdf_pages_end() makes pages
 * for the footnote lines still waiting when the text ends.
 */
#include "pdf_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define S_NOTE_SEP 14.0 /* the space and rule above the footnotes */
#define S_EPS 0.01
/* the text block's height on the pages being made */
#define S_TEXT_H                                                        \
	(PDF_PAGE_H_OF(pg->landscape) - PDF_MARGIN_TOP - PDF_MARGIN_BOTTOM)
/* footnote lines asked for beside their reference when the note is too
 * long to go whole (more than half a page): the rest continues below */
#define S_NOTE_FIRST_LINES 2

void pdf_list_add(struct pdf_list *l, struct pdf_draw d)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->d = xrealloc(l->d, l->cap * sizeof *l->d);
	}
	l->d[l->n++] = d;
}

void pdf_list_note(struct pdf_list *l, int note)
{
	for (size_t i = 0; i < l->note_count; i++)
		if (l->notes[i] == note)
			return;
	if (l->note_count == l->note_cap) {
		l->note_cap = l->note_cap ? 2 * l->note_cap : 4;
		l->notes = xrealloc(l->notes, l->note_cap * sizeof *l->notes);
	}
	l->notes[l->note_count++] = note;
}

void pdf_list_free(struct pdf_list *l)
{
	free(l->d);
	free(l->notes);
	memset(l, 0, sizeof *l);
}

struct pdf_chunk *pdf_list_chunk(struct pdf_list *l, struct arena *a,
				 double h, double space_before)
{
	struct pdf_chunk *c = arena_alloc(a, sizeof *c);
	c->h = h;
	c->space_before = space_before;
	c->n = l->n;
	if (l->n) {
		c->d = arena_alloc(a, l->n * sizeof *c->d);
		memcpy(c->d, l->d, l->n * sizeof *c->d);
	}
	if (l->note_count) {
		int *notes = arena_alloc(a, l->note_count * sizeof *notes);
		memcpy(notes, l->notes, l->note_count * sizeof *notes);
		c->notes = notes;
		c->note_count = l->note_count;
	}
	l->n = 0;
	l->note_count = 0;
	return c;
}

void pdf_pages_init(struct pdf_pages *pg, struct arena *a)
{
	memset(pg, 0, sizeof *pg);
	pg->a = a;
	pg->kind = PDF_PAGE_BODY;
	pg->empty = true;
	pdf_tags_init(&pg->tags, a);
}

void pdf_pages_free(struct pdf_pages *pg)
{
	for (size_t i = 0; i < pg->count; i++) {
		free(pg->page[i].body);
		free(pg->page[i].notes);
	}
	free(pg->page);
	free(pg->keep);
	free(pg->carry);
	pdf_tags_free(&pg->tags);
	memset(pg, 0, sizeof *pg);
}

static void S_grow(void **array, size_t *cap, size_t count, size_t size)
{
	if (count < *cap)
		return;
	*cap = *cap ? 2 * *cap : 16;
	*array = xrealloc(*array, *cap * size);
}

static struct pdf_page *S_current(struct pdf_pages *pg)
{
	return &pg->page[pg->count - 1];
}

/* Room for footnote lines below the body text already placed. */
static double S_note_room(const struct pdf_pages *pg)
{
	double sep = pg->note_h > 0 ? 0 : S_NOTE_SEP;
	return pg->y - PDF_MARGIN_BOTTOM - pg->note_h - sep;
}

static void S_note_line(struct pdf_pages *pg, const struct pdf_chunk *c)
{
	struct pdf_page *p = S_current(pg);
	S_grow((void **)&p->notes, &p->note_cap, p->note_count,
	       sizeof *p->notes);
	p->notes[p->note_count++] = c;
	if (pg->note_h == 0)
		pg->note_h = S_NOTE_SEP;
	pg->note_h += c->h;
}

static void S_carry(struct pdf_pages *pg, const struct pdf_chunk *c)
{
	S_grow((void **)&pg->carry, &pg->carry_cap, pg->carry_count,
	       sizeof *pg->carry);
	pg->carry[pg->carry_count++] = c;
}

/* Footnote lines go on this page while they fit, in order. */
static void S_note_lines(struct pdf_pages *pg, struct pdf_chunk *const *l,
			 size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (pg->carry_count == 0 && l[i]->h <= S_note_room(pg) + S_EPS)
			S_note_line(pg, l[i]);
		else
			S_carry(pg, l[i]);
	}
}

/* A new page, with the footnote lines carried over at its foot while they
 * take at most limit (always one at least: they must go somewhere). */
static void S_new_page(struct pdf_pages *pg, enum pdf_page_kind kind,
		       double limit)
{
	S_grow((void **)&pg->page, &pg->cap, pg->count, sizeof *pg->page);
	struct pdf_page *p = &pg->page[pg->count++];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->landscape = pg->landscape;
	pg->kind = kind;
	pg->y = PDF_PAGE_H_OF(pg->landscape) - PDF_MARGIN_TOP;
	pg->note_h = 0;
	pg->empty = true;
	const struct pdf_chunk **carry = pg->carry;
	size_t count = pg->carry_count;
	pg->carry = NULL;
	pg->carry_count = pg->carry_cap = 0;
	for (size_t i = 0; i < count; i++) {
		if (pg->carry_count == 0 &&
		    (pg->note_h == 0 || pg->note_h + carry[i]->h <= limit))
			S_note_line(pg, carry[i]);
		else
			S_carry(pg, carry[i]);
	}
	free(carry);
}

static void S_put(struct pdf_pages *pg, const struct pdf_chunk *c);

void pdf_pages_new_page(struct pdf_pages *pg, enum pdf_page_kind kind)
{
	/* footnotes carried over take at most half of the new page */
	S_new_page(pg, kind, S_TEXT_H / 2);
	/* a table's rows run onto it, a row cut across pages included:
	 * under their header again; nothing of the table's body is on the
	 * page yet (no second break before its first row, no space) */
	if (pg->running_head) {
		S_put(pg, pg->running_head);
		pg->empty = true;
	}
}

void pdf_pages_turn(struct pdf_pages *pg, bool landscape)
{
	pg->landscape = landscape;
	if (!pg->empty || !pg->count ||
	    pg->page[pg->count - 1].landscape == landscape)
		return;
	/* footnote lines carried to it stay at its foot */
	pg->page[pg->count - 1].landscape = landscape;
	pg->y = PDF_PAGE_H_OF(landscape) - PDF_MARGIN_TOP;
}

double pdf_pages_room(const struct pdf_pages *pg)
{
	return pg->y - PDF_MARGIN_BOTTOM - pg->note_h;
}

/* Height the chunk takes, counting its footnotes not yet placed nor
 * counted in this check (stamp). */
static double S_need(struct pdf_pages *pg, const struct pdf_chunk *c,
		     bool first, double *notes)
{
	for (size_t i = 0; i < c->note_count; i++) {
		int k = c->notes[i];
		if (k <= 0 || (size_t)k > pg->note_total)
			continue;
		struct pdf_note *n = &pg->notes[k];
		if (n->placed || n->stamp == pg->stamp)
			continue;
		n->stamp = pg->stamp;
		if (n->height == 0)
			for (size_t j = 0; j < n->count; j++)
				n->height += n->lines[j]->h;
		if (n->height <= S_TEXT_H / 2) {
			*notes += n->height;
			continue;
		}
		for (size_t j = 0; j < n->count && j < S_NOTE_FIRST_LINES; j++)
			*notes += n->lines[j]->h;
	}
	return c->h + (first ? 0 : c->space_before);
}

/* How many of the chunks fit on the page after the kept headings (or
 * without them: with_keep false). */
static size_t S_fit_with(struct pdf_pages *pg, struct pdf_chunk *const *c,
			 size_t n, bool with_keep)
{
	pg->stamp++;
	double used = 0, notes = 0;
	bool first = pg->empty;
	for (size_t i = 0; with_keep && i < pg->keep_count; i++) {
		used += S_need(pg, pg->keep[i], first, &notes);
		first = false;
	}
	size_t k;
	for (k = 0; k < n; k++) {
		used += S_need(pg, c[k], first, &notes);
		first = false;
		double sep = notes > 0 && pg->note_h == 0 ? S_NOTE_SEP : 0;
		if (used + notes + sep > pdf_pages_room(pg) + S_EPS)
			break;
	}
	return k;
}

static size_t S_fit_count(struct pdf_pages *pg, struct pdf_chunk *const *c,
			  size_t n)
{
	return S_fit_with(pg, c, n, true);
}

bool pdf_pages_fits(const struct pdf_pages *pg, struct pdf_chunk *const *c,
		    size_t n)
{
	/* the stamp is bookkeeping, not state the caller sees */
	return S_fit_count((struct pdf_pages *)pg, c, n) == n;
}

/* Note k, brought to the page by chunk c, follows in the structure the
 * element of c that is its sibling (the paragraph, list or table that
 * cites it, or the note that does), the first such only. */
static void S_note_after(struct pdf_pages *pg, const struct pdf_chunk *c,
			 int k)
{
	struct pdf_tags *t = &pg->tags;
	uint32_t note = pg->notes[k].elem;
	if (!note || note >= t->count || t->e[note].after)
		return;
	uint32_t e = 0;
	for (size_t i = 0; i < c->n && !e; i++)
		if (c->d[i].elem && c->d[i].elem != PDF_TAG_ARTIFACT)
			e = c->d[i].elem;
	while (e && e < t->count && t->e[e].parent != t->e[note].parent)
		e = t->e[e].parent;
	if (e && e < t->count && e != note)
		t->e[note].after = e;
}

static void S_put(struct pdf_pages *pg, const struct pdf_chunk *c)
{
	if (!pg->empty)
		pg->y -= c->space_before;
	struct pdf_page *p = S_current(pg);
	S_grow((void **)&p->body, &p->body_cap, p->body_count,
	       sizeof *p->body);
	p->body[p->body_count++] = (struct pdf_placed){c, pg->y};
	pg->y -= c->h;
	pg->empty = false;
	for (size_t i = 0; i < c->n; i++)
		if (c->d[i].kind == PDF_DRAW_ANCHOR_HEAD &&
		    (size_t)c->d[i].ref < pg->heading_count)
			pg->heading_page[c->d[i].ref] = (int)pg->count - 1;
	/* the chunk's notes, and the notes they refer to in turn (a work
	 * list, not recursion: a chain of notes may be long) */
	int *todo = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = c->note_count; i-- > 0;) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			todo = xrealloc(todo, cap * sizeof *todo);
		}
		todo[n++] = c->notes[i];
		if (c->notes[i] > 0 && (size_t)c->notes[i] <= pg->note_total)
			S_note_after(pg, c, c->notes[i]);
	}
	while (n) {
		int k = todo[--n];
		if (k <= 0 || (size_t)k > pg->note_total || pg->notes[k].placed)
			continue;
		struct pdf_note *note = &pg->notes[k];
		note->placed = true;
		S_note_lines(pg, note->lines, note->count);
		for (size_t j = note->count; j-- > 0;)
			for (size_t i = note->lines[j]->note_count; i-- > 0;) {
				if (n == cap) {
					cap = cap ? 2 * cap : 16;
					todo = xrealloc(todo,
							cap * sizeof *todo);
				}
				todo[n++] = note->lines[j]->notes[i];
				int m = note->lines[j]->notes[i];
				if (m > 0 && (size_t)m <= pg->note_total)
					S_note_after(pg, note->lines[j], m);
			}
	}
	free(todo);
}

/* ---- chunks taller than the room left ---- */

/* A draw of a chunk being cut into pages, by the height where its page is
 * decided (S_put_tall). */
struct S_cut {
	double key;
	size_t i;
};

static int S_cut_cmp(const void *a, const void *b)
{
	const struct S_cut *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* A piece of a draw on one page, with its place in the chunk's order. */
struct S_piece {
	size_t i;
	struct pdf_draw d;
};

static int S_piece_cmp(const void *a, const void *b)
{
	const struct S_piece *x = a, *y = b;
	return (x->i > y->i) - (x->i < y->i);
}

/* Areas (rectangles, lines going down) crossing a cut are drawn in part on
 * each page they cross; any other draw goes onto the page where its
 * bottom is. */
static bool S_spans(const struct pdf_draw *d)
{
	return (d->kind == PDF_DRAW_RECT || d->kind == PDF_DRAW_LINE) &&
	       d->h > 0;
}

static double S_bottom(const struct pdf_draw *d)
{
	return d->kind == PDF_DRAW_TEXT ? d->y + d->size * 0.3
					: d->y + (d->h > 0 ? d->h : 0);
}

struct S_tall {
	const struct pdf_chunk *c;
	struct S_cut *flat, *span; /* by bottom; spanning areas by top */
	size_t nf, ns, fi, si;
	size_t *active; /* spanning areas begun and not yet ended */
	size_t na;
	struct S_piece *piece;
	size_t np;
};

static void S_piece_add(struct S_tall *t, size_t i, struct pdf_draw d)
{
	t->piece[t->np++] = (struct S_piece){i, d};
}

/* The draws of the chunk between heights off and cut (cut INFINITY: all
 * that is left), moved up by off, into l in the chunk's order. */
static void S_cut_piece(struct S_tall *t, double off, double cut,
			struct pdf_list *l)
{
	const struct pdf_chunk *c = t->c;
	t->np = 0;
	for (; t->fi < t->nf && t->flat[t->fi].key <= cut; t->fi++) {
		struct pdf_draw d = c->d[t->flat[t->fi].i];
		d.y = (float)(d.y - off);
		S_piece_add(t, t->flat[t->fi].i, d);
	}
	for (; t->si < t->ns && t->span[t->si].key < cut; t->si++)
		t->active[t->na++] = t->span[t->si].i;
	for (size_t k = 0; k < t->na;) {
		struct pdf_draw d = c->d[t->active[k]];
		double top = fmax(d.y, off), bottom = fmin(d.y + d.h, cut);
		bool ends = d.y + d.h <= cut;
		d.y = (float)(top - off);
		d.h = (float)(bottom - top);
		S_piece_add(t, t->active[k], d);
		if (ends)
			t->active[k] = t->active[--t->na];
		else
			k++;
	}
	qsort(t->piece, t->np, sizeof *t->piece, S_piece_cmp);
	for (size_t k = 0; k < t->np; k++)
		pdf_list_add(l, t->piece[k].d);
}

/* Where to cut a tall chunk that has room down to height h: at the top
 * of the first line of text that h would cut in two (its foot below h,
 * its top above), so that the line goes whole to the next page; h when
 * there is none, or when cutting higher would leave nothing on this
 * page. */
static double S_line_cut(const struct S_tall *t, double off, double h)
{
	double cut = h;
	for (size_t k = t->fi; k < t->nf && t->flat[k].key <= h + 24; k++) {
		const struct pdf_draw *d = &t->c->d[t->flat[k].i];
		if (t->flat[k].key > h && d->kind == PDF_DRAW_TEXT)
			cut = fmin(cut, d->y - d->size * 0.8);
	}
	return cut > off + 20 ? cut : h;
}

/* The space above what continues on the next page (under a table's
 * header repeated there, a cut row's first line touched its rule). */
#define S_CUT_GAP 3.0

/* Places a chunk, cut across as many pages as it needs when it is taller
 * than the room left.
 *
 * Hardening (issue 14): the draws are sorted once by the height where
 * their page is decided, and each page takes the next ones: linear in the
 * draws (n log n for the sort).  The chunk used to be split again below
 * every cut, all of what was left walked and copied at each page: a table
 * cell of 400,000 States (≈700 pages) took 16 s. */
static void S_put_tall(struct pdf_pages *pg, const struct pdf_chunk *c)
{
	double before = pg->empty ? 0 : c->space_before;
	if (c->h + before <= pdf_pages_room(pg) + S_EPS) {
		S_put(pg, c);
		return;
	}
	struct S_tall t = {.c = c};
	t.flat = xmalloc((c->n + 1) * sizeof *t.flat);
	t.span = xmalloc((c->n + 1) * sizeof *t.span);
	t.active = xmalloc((c->n + 1) * sizeof *t.active);
	t.piece = xmalloc((c->n + 1) * sizeof *t.piece);
	for (size_t i = 0; i < c->n; i++) {
		if (S_spans(&c->d[i]))
			t.span[t.ns++] = (struct S_cut){c->d[i].y, i};
		else
			t.flat[t.nf++] = (struct S_cut){S_bottom(&c->d[i]), i};
	}
	qsort(t.flat, t.nf, sizeof *t.flat, S_cut_cmp);
	qsort(t.span, t.ns, sizeof *t.span, S_cut_cmp);
	struct pdf_list l = {0};
	double off = 0;
	for (;;) {
		before = off == 0 && !pg->empty ? c->space_before : 0;
		double room = pdf_pages_room(pg) - before;
		bool last = c->h - off <= room + S_EPS;
		if (!last && room < 20) {
			pdf_pages_new_page(pg, pg->kind);
			continue;
		}
		double cut = last ? INFINITY : S_line_cut(&t, off, off + room);
		S_cut_piece(&t, off, cut, &l);
		/* the first piece brings the chunk's footnotes */
		if (off == 0)
			for (size_t i = 0; i < c->note_count; i++)
				pdf_list_note(&l, c->notes[i]);
		struct pdf_chunk *piece = pdf_list_chunk(
			&l, pg->a, last ? c->h - off : cut - off,
			off == 0 ? c->space_before : 0);
		S_put(pg, piece);
		if (last)
			break;
		pdf_pages_new_page(pg, pg->kind);
		off = cut - S_CUT_GAP;
	}
	pdf_list_free(&l);
	free(t.flat);
	free(t.span);
	free(t.active);
	free(t.piece);
}

/* One chunk where the text has got to: on this page if it fits, else on
 * the next (cut across pages if it is taller than one). */
static void S_flow(struct pdf_pages *pg, const struct pdf_chunk *c)
{
	struct pdf_chunk *const one = (struct pdf_chunk *)c;
	if (!pg->empty && S_fit_with(pg, &one, 1, false) == 0)
		pdf_pages_new_page(pg, pg->kind);
	S_put_tall(pg, c);
}

/* The kept headings, in the flow.  The callers have checked that they fit
 * with what follows them, unless even an empty page cannot hold them:
 * then they break across pages rather than run off the foot. */
static void S_put_keep(struct pdf_pages *pg)
{
	size_t n = pg->keep_count;
	pg->keep_count = 0;
	for (size_t i = 0; i < n; i++)
		S_flow(pg, pg->keep[i]);
}

/* Headings kept for what follows take at most half a page: a longer run
 * of them (700 headings in a row, a heading of 3,000 words) has its first
 * ones set in the flow, so that the rest and the next paragraph can still
 * share a page. */
static void S_keep_bound(struct pdf_pages *pg)
{
	double h = 0;
	for (size_t i = 0; i < pg->keep_count; i++)
		h += pg->keep[i]->h + (i ? pg->keep[i]->space_before : 0);
	size_t drop = 0;
	while (pg->keep_count - drop > 1 && h > S_TEXT_H / 2) {
		h -= pg->keep[drop]->h;
		if (drop + 1 < pg->keep_count)
			h -= pg->keep[drop + 1]->space_before;
		drop++;
	}
	if (!drop)
		return;
	const struct pdf_chunk **front = xmalloc(drop * sizeof *front);
	memcpy(front, pg->keep, drop * sizeof *front);
	memmove(pg->keep, pg->keep + drop,
		(pg->keep_count - drop) * sizeof *pg->keep);
	pg->keep_count -= drop;
	for (size_t i = 0; i < drop; i++)
		S_flow(pg, front[i]);
	free(front);
}

void pdf_pages_lines(struct pdf_pages *pg, struct pdf_chunk *const *c,
		     size_t n, bool keep)
{
	pdf_tag_default(&pg->tags, c, n);
	pdf_tag_links(&pg->tags, c, n);
	if (keep) {
		for (size_t i = 0; i < n; i++) {
			S_grow((void **)&pg->keep, &pg->keep_cap,
			       pg->keep_count, sizeof *pg->keep);
			pg->keep[pg->keep_count++] = c[i];
		}
		S_keep_bound(pg);
		return;
	}
	size_t i = 0;
	while (i < n) {
		size_t rem = n - i, k = S_fit_count(pg, c + i, rem);
		if (k < rem && k > 0 && rem - k == 1 && rem >= 3)
			k--;   /* a widow */
		if (k < rem && i == 0 && k < 2)
			k = 0; /* an orphan */
		if (pg->keep_count && k < (rem < 2 ? rem : 2))
			k = 0; /* a heading alone at the foot */
		if (k == 0 && !pg->empty) {
			pdf_pages_new_page(pg, pg->kind);
			continue;
		}
		if (k == 0 && pg->keep_count) {
			/* even an empty page cannot hold the headings with
			 * what follows: they go first, then the lines */
			S_put_keep(pg);
			continue;
		}
		if (k == 0) {
			/* a line taller than a page, or with footnotes that
			 * take it: cut across pages, its notes carried */
			S_put_tall(pg, c[i++]);
			continue;
		}
		S_put_keep(pg);
		for (size_t j = 0; j < k; j++)
			S_put(pg, c[i + j]);
		i += k;
		if (i < n)
			pdf_pages_new_page(pg, pg->kind);
	}
}

void pdf_pages_group(struct pdf_pages *pg, struct pdf_chunk *const *c,
		     size_t n)
{
	pdf_tag_default(&pg->tags, c, n);
	pdf_tag_links(&pg->tags, c, n);
	if (!pdf_pages_fits(pg, c, n) && !pg->empty)
		pdf_pages_new_page(pg, pg->kind);
	S_put_keep(pg);
	for (size_t i = 0; i < n; i++) {
		/* a chunk taller than a page is cut where it is: a break
		 * before it would leave what precedes it (a table's header)
		 * alone at the foot of the page */
		if (S_fit_count(pg, c + i, 1) == 0 && !pg->empty &&
		    c[i]->h <= S_TEXT_H)
			pdf_pages_new_page(pg, pg->kind);
		S_put_tall(pg, c[i]);
	}
}

void pdf_pages_at(struct pdf_pages *pg, const struct pdf_chunk *c,
		  double top)
{
	pg->y = top;
	pg->empty = true;
	/* a title page longer than a page goes on over more pages */
	S_put_tall(pg, c);
}

void pdf_pages_flush(struct pdf_pages *pg)
{
	size_t n = pg->keep_count;
	if (n && !pg->empty &&
	    S_fit_count(pg, (struct pdf_chunk *const *)pg->keep, n) < n)
		pdf_pages_new_page(pg, pg->kind);
	S_put_keep(pg);
}

void pdf_pages_end(struct pdf_pages *pg)
{
	pdf_pages_flush(pg);
	/* footnote lines still waiting get pages of their own, whole pages
	 * now that no text is left to share them with */
	while (pg->carry_count)
		S_new_page(pg, pg->kind, S_TEXT_H - S_NOTE_SEP);
}
