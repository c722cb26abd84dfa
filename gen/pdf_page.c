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
 */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

#define S_NOTE_SEP 14.0 /* the space and rule above the footnotes */
#define S_EPS 0.01

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

void pdf_pages_new_page(struct pdf_pages *pg, enum pdf_page_kind kind)
{
	S_grow((void **)&pg->page, &pg->cap, pg->count, sizeof *pg->page);
	struct pdf_page *p = &pg->page[pg->count++];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	pg->kind = kind;
	pg->y = PDF_PAGE_H - PDF_MARGIN_TOP;
	pg->note_h = 0;
	pg->empty = true;
	/* footnotes carried over take at most half of the new page */
	const struct pdf_chunk **carry = pg->carry;
	size_t count = pg->carry_count;
	pg->carry = NULL;
	pg->carry_count = pg->carry_cap = 0;
	double half = (PDF_PAGE_H - PDF_MARGIN_TOP - PDF_MARGIN_BOTTOM) / 2;
	for (size_t i = 0; i < count; i++) {
		if (pg->carry_count == 0 && pg->note_h + carry[i]->h <= half)
			S_note_line(pg, carry[i]);
		else
			S_carry(pg, carry[i]);
	}
	free(carry);
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
		for (size_t j = 0; j < n->count; j++)
			*notes += n->lines[j]->h;
	}
	return c->h + (first ? 0 : c->space_before);
}

/* How many of the chunks fit on the page after the kept headings. */
static size_t S_fit_count(struct pdf_pages *pg, struct pdf_chunk *const *c,
			  size_t n)
{
	pg->stamp++;
	double used = 0, notes = 0;
	bool first = pg->empty;
	for (size_t i = 0; i < pg->keep_count; i++) {
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

bool pdf_pages_fits(const struct pdf_pages *pg, struct pdf_chunk *const *c,
		    size_t n)
{
	/* the stamp is bookkeeping, not state the caller sees */
	return S_fit_count((struct pdf_pages *)pg, c, n) == n;
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
	for (size_t i = 0; i < c->note_count; i++) {
		int k = c->notes[i];
		if (k <= 0 || (size_t)k > pg->note_total || pg->notes[k].placed)
			continue;
		pg->notes[k].placed = true;
		S_note_lines(pg, pg->notes[k].lines, pg->notes[k].count);
	}
}

static void S_put_keep(struct pdf_pages *pg)
{
	for (size_t i = 0; i < pg->keep_count; i++)
		S_put(pg, pg->keep[i]);
	pg->keep_count = 0;
}

void pdf_pages_lines(struct pdf_pages *pg, struct pdf_chunk *const *c,
		     size_t n, bool keep)
{
	if (keep) {
		for (size_t i = 0; i < n; i++) {
			S_grow((void **)&pg->keep, &pg->keep_cap,
			       pg->keep_count, sizeof *pg->keep);
			pg->keep[pg->keep_count++] = c[i];
		}
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
		if (k == 0)
			k = 1; /* taller than a page: it has to go somewhere */
		S_put_keep(pg);
		for (size_t j = 0; j < k; j++)
			S_put(pg, c[i + j]);
		i += k;
		if (i < n)
			pdf_pages_new_page(pg, pg->kind);
	}
}

/* Splits a chunk taller than a page at height cut: what lies below goes
 * into a second chunk, lines and areas crossing the cut into both.
 *
 * Hardening (issue 7): the part below the cut goes into `rest`, a heap
 * list the caller reuses, not into the arena.  It used to be copied into
 * the arena at every page, so a paragraph or table row of P pages kept P
 * copies of what lay below each cut until the end of the build: memory
 * grew with the square of its length (a 1.8 MB recommendation text took
 * 10 GB).  Only the pieces placed on pages are in the arena now. */
static void S_split(struct pdf_pages *pg, const struct pdf_chunk *c,
		    double cut, struct pdf_chunk **top, struct pdf_list *rest)
{
	struct pdf_list a = {0};
	struct pdf_list *b = rest;
	b->n = 0;
	b->note_count = 0;
	for (size_t i = 0; i < c->n; i++) {
		struct pdf_draw d = c->d[i];
		bool area = d.kind == PDF_DRAW_RECT || d.kind == PDF_DRAW_LINE;
		double bottom = d.kind == PDF_DRAW_TEXT ? d.y + d.size * 0.3
			      : d.y + (d.h > 0 ? d.h : 0);
		if (area && d.y < cut && d.y + d.h > cut) {
			struct pdf_draw lower = d;
			d.h = (float)(cut - d.y);
			lower.y = 0;
			lower.h = (float)(lower.h - d.h);
			pdf_list_add(&a, d);
			pdf_list_add(b, lower);
		} else if (bottom <= cut) {
			pdf_list_add(&a, d);
		} else {
			d.y = (float)(d.y - cut);
			pdf_list_add(b, d);
		}
	}
	for (size_t i = 0; i < c->note_count; i++)
		pdf_list_note(&a, c->notes[i]);
	*top = pdf_list_chunk(&a, pg->a, cut, c->space_before);
	pdf_list_free(&a);
}

static void S_put_tall(struct pdf_pages *pg, const struct pdf_chunk *c)
{
	/* two heap lists in turn: one holds the rest being split, the other
	 * receives what lies below the next cut (see S_split) */
	struct pdf_list rest[2] = {{0}, {0}};
	struct pdf_chunk view[2];
	int turn = 0;
	bool on_heap = false;
	while (c->h > pdf_pages_room(pg) + S_EPS) {
		struct pdf_chunk *top;
		double room = pdf_pages_room(pg);
		if (room < 20) {
			pdf_pages_new_page(pg, pg->kind);
			continue;
		}
		S_split(pg, c, room, &top, &rest[turn]);
		view[turn] = (struct pdf_chunk){rest[turn].d, rest[turn].n,
						c->h - room, 0, NULL, 0};
		S_put(pg, top);
		pdf_pages_new_page(pg, pg->kind);
		c = &view[turn];
		on_heap = true;
		turn = !turn;
	}
	if (on_heap) /* the last piece is placed: into the arena with it */
		c = pdf_list_chunk(&rest[!turn], pg->a, c->h, 0);
	S_put(pg, c);
	pdf_list_free(&rest[0]);
	pdf_list_free(&rest[1]);
}

void pdf_pages_group(struct pdf_pages *pg, struct pdf_chunk *const *c,
		     size_t n)
{
	if (!pdf_pages_fits(pg, c, n) && !pg->empty)
		pdf_pages_new_page(pg, pg->kind);
	S_put_keep(pg);
	for (size_t i = 0; i < n; i++) {
		if (S_fit_count(pg, c + i, 1) == 0 && !pg->empty)
			pdf_pages_new_page(pg, pg->kind);
		S_put_tall(pg, c[i]);
	}
}

void pdf_pages_at(struct pdf_pages *pg, const struct pdf_chunk *c,
		  double top)
{
	pg->y = top;
	pg->empty = true;
	S_put(pg, c);
}

void pdf_pages_flush(struct pdf_pages *pg)
{
	size_t n = pg->keep_count;
	pg->keep_count = 0;
	if (n && !pg->empty &&
	    S_fit_count(pg, (struct pdf_chunk *const *)pg->keep, n) < n)
		pdf_pages_new_page(pg, pg->kind);
	for (size_t i = 0; i < n; i++)
		S_put(pg, pg->keep[i]);
}
