/*
 * pdf_break — chooses where the lines of a paragraph end.
 *
 * Takes an item list (boxes, glue, penalties, as in TeX) ending with a
 * forced break and a line width; returns the break positions in an array
 * the caller frees.  Knuth and Plass's total-fit algorithm: every legal
 * break is a node; a node stays active while a line from it could still
 * fit, so the work per item is bounded by the breaks one line can hold.
 * Passes with a growing tolerance; the last accepts any line that is not
 * overfull; first fit only when a box is wider than the line.
 */
#include "pdf_int.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#define S_LINE_PENALTY 10.0
#define S_FLAGGED_DEMERITS 3000.0
#define S_FITNESS_DEMERITS 3000.0
#define S_NONE SIZE_MAX
/* At most this many lines in a row end with a hyphen (but in the last,
 * emergency pass). */
#define S_HYPHEN_RUN 2
#define S_RUN_DEMERITS 1e9
/* A paragraph's last line of one Chinese character (and its punctuation)
 * after a break between characters: a "孤字", which Chinese typesetting
 * avoids; allowed when nothing else fits. */
#define S_RUNT_DEMERITS 1e7

struct brk_node {
	size_t item;  /* index of the break item; S_NONE: paragraph start */
	size_t line;  /* lines before this break */
	int fitness;  /* 0 tight, 1 decent, 2 loose, 3 very loose */
	int hyphens;  /* lines in a row up to here that end with a hyphen */
	double w, y, z; /* totals of width, stretch, shrink after the break */
	double demerits;
	size_t prev;  /* node this one's best line starts from */
	size_t next;  /* active list */
};

struct brk_state {
	const struct pdf_item *it;
	size_t n;
	double width, tolerance;
	double ragged; /* every line's stretch at its end */
	bool emergency;
	struct brk_node *node;
	size_t count, cap;
	size_t active; /* head of the active list */
	double w, y, z; /* running totals */
};

static size_t S_new_node(struct brk_state *s, struct brk_node n)
{
	if (s->count == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->node = xrealloc(s->node, s->cap * sizeof *s->node);
	}
	s->node[s->count] = n;
	return s->count++;
}

/* The adjustment ratio of a line from node a to item i. */
static double S_ratio(const struct brk_state *s, const struct brk_node *a,
		      size_t i)
{
	const struct pdf_item *b = &s->it[i];
	double len = s->w - a->w + (b->kind == PDF_PENALTY ? b->width : 0);
	if (len < s->width) {
		double y = s->y - a->y + s->ragged;
		return y > 0 ? (s->width - len) / y : INFINITY;
	}
	if (len > s->width) {
		double z = s->z - a->z;
		return z > 0 ? (s->width - len) / z : -INFINITY;
	}
	return 0;
}

static int S_fitness(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

static double S_demerits(const struct brk_state *s, const struct brk_node *a,
			 size_t i, double r, int fitness)
{
	const struct pdf_item *b = &s->it[i];
	/* the emergency pass tells a loose line from a looser one (TeX
	 * caps badness at 10,000, which made a line of one short word as
	 * good as any there) */
	double cap = s->emergency ? 1e6 : 10000;
	double bad = isinf(r) ? cap : 100 * fabs(r * r * r);
	if (!(bad < cap)) /* fmin's answer (r is never NaN), without its call */
		bad = cap;
	double d = (S_LINE_PENALTY + bad) * (S_LINE_PENALTY + bad);
	if (b->kind == PDF_PENALTY && b->penalty >= 0)
		d += (double)b->penalty * b->penalty;
	else if (b->kind == PDF_PENALTY && b->penalty > -PDF_INF_PENALTY)
		d -= (double)b->penalty * b->penalty;
	if (b->kind == PDF_PENALTY && b->hyphen_end && a->hyphens)
		d += S_FLAGGED_DEMERITS;
	if (abs(fitness - a->fitness) > 1)
		d += S_FITNESS_DEMERITS;
	return d + a->demerits;
}

/* Totals after a break at i: the glue and penalties a break discards. */
static void S_after(const struct brk_state *s, size_t i, struct brk_node *n)
{
	n->w = s->w;
	n->y = s->y;
	n->z = s->z;
	for (size_t k = i; k < s->n; k++) {
		const struct pdf_item *b = &s->it[k];
		if (b->kind == PDF_BOX)
			break;
		if (b->kind == PDF_GLUE) {
			n->w += b->width;
			n->y += b->stretch;
			n->z += b->shrink;
		} else if (b->penalty <= -PDF_INF_PENALTY && k > i)
			break;
	}
}

/* Whether the paragraph's last line, from node n's break to i, is one
 * character (two boxes at most: it and its punctuation) after a break
 * between Chinese or Japanese characters. */
static bool S_runt(const struct brk_state *s, const struct brk_node *n,
		   size_t i)
{
	if (n->item == S_NONE || i + 1 != s->n ||
	    s->it[n->item].kind != PDF_GLUE || !s->it[n->item].nospace)
		return false;
	size_t boxes = 0;
	for (size_t k = n->item + 1; k < i && boxes <= 2; k++)
		boxes += s->it[k].kind == PDF_BOX;
	return boxes <= 2;
}

static void S_try(struct brk_state *s, size_t i)
{
	/* the best line ending here by fitness class and by how many lines
	 * in a row then end with a hyphen */
	double best[4][S_HYPHEN_RUN + 1];
	size_t from[4][S_HYPHEN_RUN + 1];
	/* bit c * (S_HYPHEN_RUN + 1) + h: best[c][h] and from[c][h] hold
	 * a line (most breaks have none: no arrays to fill and scan) */
	unsigned found = 0;
	bool forced = s->it[i].kind == PDF_PENALTY &&
		      s->it[i].penalty <= -PDF_INF_PENALTY;
	bool hyphen = s->it[i].kind == PDF_PENALTY && s->it[i].hyphen_end;
	size_t prev = S_NONE;
	for (size_t a = s->active; a != S_NONE;) {
		struct brk_node *n = &s->node[a];
		size_t next = n->next;
		double r = S_ratio(s, n, i);
		int h = hyphen ? n->hyphens + 1 : 0;
		/* the emergency pass may go past the limit, at a price */
		double over = 0;
		if (h > S_HYPHEN_RUN && s->emergency) {
			h = S_HYPHEN_RUN;
			over = S_RUN_DEMERITS;
		}
		if (r >= -1 && (r <= s->tolerance || s->emergency) &&
		    h <= S_HYPHEN_RUN) {
			int c = S_fitness(r);
			double d = S_demerits(s, n, i, r, c) + over;
			if (forced && S_runt(s, n, i))
				d += S_RUNT_DEMERITS;
			unsigned bit = 1u << (c * (S_HYPHEN_RUN + 1) + h);
			if (!(found & bit) || d < best[c][h]) {
				found |= bit;
				best[c][h] = d;
				from[c][h] = a;
			}
		}
		if (r < -1 || forced) {
			if (prev == S_NONE)
				s->active = next;
			else
				s->node[prev].next = next;
		} else
			prev = a;
		a = next;
	}
	for (int c = 0; c < 4 && found; c++)
		for (int h = 0; h <= S_HYPHEN_RUN; h++) {
			if (!(found & 1u << (c * (S_HYPHEN_RUN + 1) + h)))
				continue;
			struct brk_node n = {.item = i, .fitness = c,
					     .hyphens = h,
					     .demerits = best[c][h],
					     .prev = from[c][h],
					     .next = s->active};
			n.line = s->node[from[c][h]].line + 1;
			S_after(s, i, &n);
			s->active = S_new_node(s, n);
		}
}

static bool S_pass(struct brk_state *s)
{
	s->count = 0;
	s->w = s->y = s->z = 0;
	struct brk_node start = {.item = S_NONE, .fitness = 1, .prev = S_NONE,
				 .next = S_NONE};
	s->active = S_new_node(s, start);
	for (size_t i = 0; i < s->n && s->active != S_NONE; i++) {
		const struct pdf_item *b = &s->it[i];
		if (b->kind == PDF_BOX) {
			s->w += b->width;
		} else if (b->kind == PDF_GLUE) {
			if (i > 0 && s->it[i - 1].kind == PDF_BOX)
				S_try(s, i);
			s->w += b->width;
			s->y += b->stretch;
			s->z += b->shrink;
		} else if (b->penalty < PDF_INF_PENALTY &&
			   (b->penalty != PDF_TIE_PENALTY || s->emergency)) {
			S_try(s, i);
		}
	}
	return s->active != S_NONE;
}

static size_t S_collect(struct brk_state *s, size_t **breaks)
{
	size_t best = S_NONE;
	for (size_t a = s->active; a != S_NONE; a = s->node[a].next)
		if (s->node[a].item == s->n - 1 &&
		    (best == S_NONE ||
		     s->node[a].demerits < s->node[best].demerits))
			best = a;
	if (best == S_NONE)
		return 0;
	size_t lines = s->node[best].line;
	*breaks = xmalloc((lines ? lines : 1) * sizeof **breaks);
	size_t k = lines;
	for (size_t a = best; s->node[a].item != S_NONE; a = s->node[a].prev)
		(*breaks)[--k] = s->node[a].item;
	return lines;
}

static bool S_legal(const struct pdf_item *it, size_t i)
{
	if (it[i].kind == PDF_GLUE)
		return i > 0 && it[i - 1].kind == PDF_BOX;
	return it[i].kind == PDF_PENALTY && it[i].penalty < PDF_INF_PENALTY;
}

/* Greedy: each line takes what fits; a box wider than the line gets a
 * line of its own. */
static size_t S_first_fit(const struct pdf_item *it, size_t n, double width,
			  size_t **breaks)
{
	size_t count = 0, cap = 16;
	*breaks = xmalloc(cap * sizeof **breaks);
	double len = 0;
	size_t last = S_NONE;
	bool fresh = true; /* at the start of a line: glue is discarded */
	for (size_t i = 0; i < n; i++) {
		bool forced = it[i].kind == PDF_PENALTY &&
			      it[i].penalty <= -PDF_INF_PENALTY;
		double add = it[i].kind == PDF_PENALTY ? 0 : it[i].width;
		if (fresh && it[i].kind != PDF_BOX)
			add = 0;
		bool over = len + add > width && it[i].kind == PDF_BOX;
		if ((over && last != S_NONE) || forced) {
			size_t at = forced && !over ? i : last;
			if (at == S_NONE)
				at = i;
			if (count == cap)
				*breaks = xrealloc(*breaks,
						   (cap *= 2) * sizeof **breaks);
			(*breaks)[count++] = at;
			last = S_NONE;
			len = 0;
			fresh = true;
			i = at;
			continue;
		}
		if (S_legal(it, i) && !fresh)
			last = i;
		len += add;
		if (it[i].kind == PDF_BOX)
			fresh = false;
	}
	return count;
}

size_t pdf_break_within(const struct pdf_item *items, size_t n, double width,
			double ragged, double tolerance, size_t **breaks)
{
	*breaks = NULL;
	if (n == 0)
		return 0;
	struct brk_state s = {.it = items, .n = n, .width = width,
			      .ragged = ragged, .tolerance = tolerance};
	size_t lines = S_pass(&s) ? S_collect(&s, breaks) : 0;
	free(s.node);
	return lines;
}

size_t pdf_break_lines(const struct pdf_item *items, size_t n, double width,
		       double ragged, size_t **breaks)
{
	static const double tolerance[] = {1.26, 2.2};
	*breaks = NULL;
	if (n == 0)
		return 0;
	struct brk_state s = {.it = items, .n = n, .width = width,
			      .ragged = ragged};
	size_t lines = 0;
	for (int pass = 0; pass < 3 && !lines; pass++) {
		s.emergency = pass == 2;
		s.tolerance = pass < 2 ? tolerance[pass] : INFINITY;
		if (S_pass(&s))
			lines = S_collect(&s, breaks);
	}
	free(s.node);
	if (!lines)
		lines = S_first_fit(items, n, width, breaks);
	return lines;
}
