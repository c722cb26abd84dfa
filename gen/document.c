/* document — the report as one tree, each field a document of its own
 * grafted in.  See document.h. */
#include "document.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "markdown.h"
#include "util.h"

/* A placeholder: U+E000, a nonce, the field's number, U+E001.  Private-use
 * characters and letters, which cmark-gfm treats as text: the placeholder
 * stays one piece of one text node wherever it lands.  The nonce is drawn
 * for each document (it never reaches an output), so that no text of the
 * content can pass for a placeholder. */
#define S_OPEN "\xEE\x80\x80"
#define S_CLOSE "\xEE\x80\x81"
enum { S_MARK_LEN = 3, S_NONCE_LEN = 12 };

/* items, with room for one more when count has reached *cap. */
static void *S_room(void *items, size_t count, size_t *cap, size_t size)
{
	if (count < *cap)
		return items;
	*cap = *cap ? *cap * 2 : 16;
	return xrealloc(items, *cap * size);
}

struct S_fields {
	char nonce[S_NONCE_LEN + 1]; /* letters a-p */
	const struct value **items;
	char **md; /* each field's text for build/md/, when it differs */
	/* placed inside a line but opening with no paragraph: in build/md/
	 * it starts a block of its own, as it does in the tree */
	bool *own_block;
	/* where md[i] (or the field's text) ends its first paragraph when
	 * more blocks follow, else SIZE_MAX: in build/md/, what the template
	 * writes after a field on its line goes there, as in the tree */
	size_t *split;
	size_t count, cap;
};

static void S_field_placeholder(void *ctx, const struct value *v,
				struct buf *out)
{
	struct S_fields *f = ctx;
	if (f->count == f->cap) {
		/* three arrays of one length: each grows from the same cap */
		size_t cap = f->cap;
		f->items = S_room(f->items, f->count, &cap, sizeof *f->items);
		cap = f->cap;
		f->md = S_room(f->md, f->count, &cap, sizeof *f->md);
		cap = f->cap;
		f->own_block = S_room(f->own_block, f->count, &cap,
				      sizeof *f->own_block);
		f->split = S_room(f->split, f->count, &f->cap,
				  sizeof *f->split);
	}
	f->md[f->count] = NULL;
	f->own_block[f->count] = false;
	f->split[f->count] = SIZE_MAX;
	buf_printf(out, S_OPEN "%s%zu" S_CLOSE, f->nonce, f->count);
	f->items[f->count++] = v;
}

/* S_NONCE_LEN letters from the system's random source (or, where there
 * is none, the clock and the process). */
static void S_nonce(char *out)
{
	unsigned char r[S_NONCE_LEN] = {0};
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ssize_t got = fd >= 0 ? read(fd, r, sizeof r) : -1;
	if (fd >= 0)
		close(fd);
	if (got != (ssize_t)sizeof r) {
		struct timespec t;
		clock_gettime(CLOCK_REALTIME, &t);
		uint64_t x = (uint64_t)t.tv_nsec ^ ((uint64_t)t.tv_sec << 20) ^
			     ((uint64_t)getpid() << 40);
		for (size_t i = 0; i < sizeof r; i++, x = x * 6364136223846793005u + 1)
			r[i] = (unsigned char)(x >> 33);
	}
	for (size_t i = 0; i < S_NONCE_LEN; i++)
		out[i] = (char)('a' + (r[i] & 15));
	out[S_NONCE_LEN] = '\0';
}

/* The placeholder at s (len bytes left): the field's number and the
 * placeholder's length, or false. */
static bool S_placeholder_at(const char *s, size_t len,
			     const struct S_fields *f, size_t *field,
			     size_t *mark_len)
{
	size_t count = f->count;
	if (len < 2 * S_MARK_LEN + S_NONCE_LEN + 1 ||
	    memcmp(s, S_OPEN, S_MARK_LEN) ||
	    memcmp(s + S_MARK_LEN, f->nonce, S_NONCE_LEN))
		return false;
	size_t i = S_MARK_LEN + S_NONCE_LEN, n = 0;
	while (i < len && s[i] >= '0' && s[i] <= '9' && n < count)
		n = n * 10 + (size_t)(s[i++] - '0');
	if (i == S_MARK_LEN + S_NONCE_LEN || len - i < S_MARK_LEN ||
	    memcmp(s + i, S_CLOSE, S_MARK_LEN) || n >= count)
		return false;
	*field = n;
	*mark_len = i + S_MARK_LEN;
	return true;
}

/* s with every placeholder replaced by its field's text. */
static char *S_fill(const char *s, size_t len, const struct S_fields *f,
		    size_t *out_len)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < len;) {
		const char *p = memchr(s + i, S_OPEN[0], len - i);
		size_t at = p ? (size_t)(p - s) : len;
		buf_put(&b, s + i, at - i);
		if (at == len)
			break;
		size_t field, n;
		if (S_placeholder_at(s + at, len - at, f, &field, &n)) {
			if (f->own_block && f->own_block[field] && b.len &&
			    b.data[b.len - 1] != '\n')
				buf_puts(&b, "\n\n");
			const char *md = f->md && f->md[field]
						 ? f->md[field] : f->items[field]->str;
			size_t md_len = f->md && f->md[field]
						? strlen(md) : f->items[field]->len;
			i = at + n;
			/* the rest of the template's line, when it has text
			 * and no other field */
			size_t eol = i;
			bool text = false, other = false;
			while (eol < len && s[eol] != '\n' && s[eol] != '\r') {
				text |= s[eol] != ' ' && s[eol] != '\t';
				other |= s[eol] == S_OPEN[0];
				eol++;
			}
			size_t split = f->split ? f->split[field] : SIZE_MAX;
			if (split < md_len && text && !other &&
			    !(f->own_block && f->own_block[field])) {
				size_t head = split;
				while (head && strchr("\r\n", md[head - 1]))
					head--;
				buf_put(&b, md, head);
				buf_put(&b, s + i, eol - i);
				buf_puts(&b, "\n\n");
				buf_put(&b, md + split, md_len - split);
				i = eol;
			} else {
				buf_put(&b, md, md_len);
			}
		} else {
			buf_putc(&b, s[at]);
			i = at + 1;
		}
	}
	if (out_len)
		*out_len = b.len;
	return b.data ? buf_detach(&b) : xcalloc(1, 1);
}

static bool S_has_placeholder(const char *s)
{
	return s && strstr(s, S_OPEN) != NULL;
}

/* ---- footnotes ------------------------------------------------------ */

/* Which definition each footnote reference points at: cmark-gfm numbers
 * the references of one document and puts the definitions at its end in
 * that order; grafted into another document, the numbers would clash.
 * So each reference is mapped to its definition node before grafting. */
struct S_notes {
	cmark_node **keys, **defs; /* open addressing by reference node */
	size_t cap, count;
};

static size_t S_slot(const struct S_notes *n, const cmark_node *key)
{
	size_t h = (size_t)((uintptr_t)key >> 4) * 0x9E3779B97F4A7C15ull;
	size_t i = h & (n->cap - 1);
	while (n->keys[i] && n->keys[i] != key)
		i = (i + 1) & (n->cap - 1);
	return i;
}

static void S_notes_put(struct S_notes *n, cmark_node *ref, cmark_node *def)
{
	if (2 * (n->count + 1) > n->cap) {
		struct S_notes bigger = {0};
		bigger.cap = n->cap ? n->cap * 2 : 64;
		bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
		bigger.defs = xcalloc(bigger.cap, sizeof *bigger.defs);
		for (size_t i = 0; i < n->cap; i++)
			if (n->keys[i]) {
				size_t j = S_slot(&bigger, n->keys[i]);
				bigger.keys[j] = n->keys[i];
				bigger.defs[j] = n->defs[i];
			}
		bigger.count = n->count;
		free(n->keys);
		free(n->defs);
		*n = bigger;
	}
	size_t i = S_slot(n, ref);
	if (!n->keys[i])
		n->count++;
	n->keys[i] = ref;
	n->defs[i] = def;
}

static cmark_node *S_notes_get(const struct S_notes *n, cmark_node *ref)
{
	if (!n->cap)
		return NULL;
	size_t i = S_slot(n, ref);
	return n->keys[i] ? n->defs[i] : NULL;
}

/* The next footnote reference of the walk, or NULL at its end. */
static cmark_node *S_next_ref(cmark_iter *it)
{
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_REFERENCE)
			return n;
	}
	return NULL;
}

/* Maps the references of a freshly parsed document to its definitions,
 * and moves the definitions (the document's children) to defs. */
static void S_take_notes(cmark_node *doc, struct S_notes *notes,
			 cmark_node ***defs, size_t *ndefs, size_t *cap)
{
	size_t first = *ndefs;
	for (cmark_node *c = cmark_node_first_child(doc), *next; c; c = next) {
		next = cmark_node_next(c);
		if (cmark_node_get_type(c) != CMARK_NODE_FOOTNOTE_DEFINITION)
			continue;
		*defs = S_room(*defs, *ndefs, cap, sizeof **defs);
		(*defs)[(*ndefs)++] = c;
	}
	size_t own = *ndefs - first;
	if (!own)
		return;
	cmark_iter *it = cmark_iter_new(doc);
	for (cmark_node *n; (n = S_next_ref(it));) {
		long k = strtol(cmark_node_get_literal(n), NULL, 10);
		if (k >= 1 && (size_t)k <= own)
			S_notes_put(notes, n, (*defs)[first + (size_t)k - 1]);
	}
	cmark_iter_free(it);
	for (size_t i = first; i < *ndefs; i++)
		cmark_node_unlink((*defs)[i]);
}

/* Numbers the references of one subtree in the order they are met:
 * a definition gets the next number at its first reference. */
static void S_number_refs(cmark_node *sub, const struct S_notes *notes,
			  struct S_notes *numbers, cmark_node **order,
			  size_t *given)
{
	cmark_iter *it = cmark_iter_new(sub);
	for (cmark_node *n; (n = S_next_ref(it));) {
		cmark_node *def = S_notes_get(notes, n);
		size_t k = *given;
		if (def) {
			uintptr_t had = (uintptr_t)S_notes_get(numbers, def);
			if (had) {
				k = had - 1;
			} else {
				order[(*given)++] = def;
				S_notes_put(numbers, def,
					    (cmark_node *)(uintptr_t)*given);
			}
		}
		char num[32];
		snprintf(num, sizeof num, "%zu", k + 1);
		cmark_node_set_literal(n, def ? num : "0");
	}
	cmark_iter_free(it);
}

/* Numbers the references of the whole tree in the order they are met,
 * then those inside the notes (a note may refer to another), and puts the
 * definitions at its end in that order; a definition nothing refers to
 * is dropped, as cmark-gfm drops it. */
static void S_number_notes(cmark_node *tree, const struct S_notes *notes,
			   cmark_node **defs, size_t ndefs)
{
	cmark_node **order = xcalloc(ndefs + 1, sizeof *order);
	size_t given = 0;
	/* each definition's number, once given: def -> (cmark_node *)k */
	struct S_notes numbers = {0};
	S_number_refs(tree, notes, &numbers, order, &given);
	for (size_t q = 0; q < given; q++) /* given grows as notes refer */
		S_number_refs(order[q], notes, &numbers, order, &given);
	free(numbers.keys);
	free(numbers.defs);
	for (size_t k = 0; k < given; k++)
		cmark_node_append_child(tree, order[k]);
	for (size_t i = 0; i < ndefs; i++)
		if (!cmark_node_parent(defs[i]))
			cmark_node_free(defs[i]);
	free(order);
}

/* ---- build/md/ ------------------------------------------------------ */

/*
 * In build/md/ the report is one Markdown file, and a field's text there
 * must read as it does alone (as each output parses it):
 *
 * - footnote labels are global in one file: [^1] of two fields would be
 *   one note.  So each field's labels get a prefix naming the field
 *   ("[^1]" -> "[^n4-1]"), found by the places cmark-gfm gives its
 *   references and definitions (a definition's place is that of its
 *   text: its label is just before);
 * - its headings go under the section the field is in, as in the tree
 *   (S_shift_headings): "# Measures" in an action under a level-3
 *   heading is written "#### Measures";
 * - a code fence or an HTML block the field leaves open would swallow
 *   the report's text after it: it is closed at the field's end.
 */
struct S_edit {
	size_t start, end; /* the bytes replaced: "[^" of a label, or none */
	char *with;        /* what goes there, malloc'd */
};

static int S_edit_cmp(const void *a, const void *b)
{
	const struct S_edit *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

struct S_edits {
	struct S_edit *items;
	size_t count, cap;
};

static void S_edit_add(struct S_edits *e, size_t start, size_t end,
		       char *with)
{
	e->items = S_room(e->items, e->count, &e->cap, sizeof *e->items);
	e->items[e->count++] = (struct S_edit){start, end, with};
}

static void S_edits_free(struct S_edits *e, size_t from)
{
	for (size_t i = from; i < e->count; i++)
		free(e->items[i].with);
	e->count = from;
}

/* text with the edits made (sorted here), malloc'd; *out_len its length
 * (out_len may be NULL).  *at (at may be NULL), a place in text or
 * SIZE_MAX, becomes the same place in the result: it moves with what the
 * edits before it add. */
static char *S_edited(const char *text, size_t len, struct S_edits *e,
		      size_t *out_len, size_t *at)
{
	size_t mark = at ? *at : SIZE_MAX;
	qsort(e->items, e->count, sizeof *e->items, S_edit_cmp);
	struct buf b;
	buf_init(&b);
	size_t from = 0;
	for (size_t i = 0; i < e->count; i++) {
		if (e->items[i].start < from)
			continue;
		if (mark != SIZE_MAX && e->items[i].start >= mark &&
		    from <= mark) {
			buf_put(&b, text + from, mark - from);
			from = mark;
			*at = b.len;
			mark = SIZE_MAX;
		}
		buf_put(&b, text + from, e->items[i].start - from);
		buf_puts(&b, e->items[i].with);
		from = e->items[i].end;
	}
	if (mark != SIZE_MAX)
		*at = b.len + (mark - from);
	buf_put(&b, text + from, len - from);
	if (out_len)
		*out_len = b.len;
	return b.data ? buf_detach(&b) : xcalloc(1, 1);
}

static char *S_hashes(int n, const char *after)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < n; i++)
		buf_putc(&b, '#');
	buf_puts(&b, after);
	return buf_detach(&b);
}

/* Where each line of text starts; lines end as cmark-gfm ends them: LF,
 * CR or CRLF.  line_at[nlines] is len. */
static size_t *S_lines(const char *text, size_t len, size_t *nlines)
{
	/* counted with memchr() where there is no CR (most fields: and most
	 * are one line, whose start is all there is to find) */
	size_t n = 1;
	if (!memchr(text, '\r', len)) {
		for (const char *p = text, *end = text + len;
		     (p = memchr(p, '\n', (size_t)(end - p))); p++)
			n++;
	} else {
		for (size_t i = 0; i < len; i++)
			n += text[i] == '\n' ||
			     (text[i] == '\r' &&
			      (i + 1 == len || text[i + 1] != '\n'));
	}
	size_t *line_at = xmalloc((n + 1) * sizeof *line_at);
	line_at[0] = 0;
	for (size_t i = 0, l = 1; l < n; i++)
		if (text[i] == '\n' ||
		    (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
			line_at[l++] = i + 1;
	line_at[n] = len;
	*nlines = n;
	return line_at;
}

/* The note labels' edits; false (and none) when one label is not where
 * cmark-gfm says: the field then keeps its labels as written, all of
 * them, so that its references and notes still meet. */
static bool S_note_edits(const char *text, size_t len, const size_t *line_at,
			 size_t nlines, cmark_node *fdoc, size_t field,
			 struct S_edits *e)
{
	size_t from = e->count;
	bool ok = true;
	cmark_iter *it = cmark_iter_new(fdoc);
	cmark_event_type ev;
	while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int type = cmark_node_get_type(n);
		if (ev != CMARK_EVENT_ENTER ||
		    (type != CMARK_NODE_FOOTNOTE_REFERENCE &&
		     type != CMARK_NODE_FOOTNOTE_DEFINITION))
			continue;
		int line = cmark_node_get_start_line(n);
		int col = cmark_node_get_start_column(n);
		if (line < 1 || (size_t)line > nlines || col < 1)
			continue;
		size_t at = line_at[line - 1] + (size_t)col - 1;
		size_t stop = line_at[line];
		if (at > stop)
			continue;
		size_t start, end;
		if (type == CMARK_NODE_FOOTNOTE_REFERENCE) {
			start = at;
			end = line_at[line - 1] +
			      (size_t)cmark_node_get_end_column(n) - 1;
			/* cmark-gfm's columns can be off on an indented or
			 * lazy continuation line: take the reference nearest
			 * the place it gives, on that line */
			if (end >= len || text[start] != '[' ||
			    text[start + 1] != '^') {
				size_t first = line_at[line - 1], best = len;
				for (size_t k = first; k + 1 < stop; k++)
					if (text[k] == '[' && text[k + 1] == '^' &&
					    (best == len ||
					     (k > at ? k - at : at - k) <
						     (best > at ? best - at
								: at - best)))
						best = k;
				start = end = best;
				while (end < stop && text[end] != ']')
					end++;
			}
		} else {
			/* back over "]:" and the label to its "[^" */
			size_t k = at;
			while (k > line_at[line - 1] &&
			       !(text[k - 1] == ':' && k >= 2 &&
				 text[k - 2] == ']'))
				k--;
			if (k < line_at[line - 1] + 2)
				continue;
			end = k - 2;
			while (k > line_at[line - 1] + 1 &&
			       !(text[k - 1] == '^' && text[k - 2] == '['))
				k--;
			if (k < line_at[line - 1] + 2)
				continue;
			start = k - 2;
		}
		if (end >= len || end < start + 2 || text[start] != '[' ||
		    text[start + 1] != '^' || text[end] != ']') {
			ok = false;
			break;
		}
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "[^n%zu-", field + 1);
		S_edit_add(e, start, start + 2, buf_detach(&b));
	}
	cmark_iter_free(it);
	if (!ok)
		S_edits_free(e, from);
	return ok;
}

/* The headings' edits, by `shift` levels (at most to 6): more '#' for an
 * ATX heading; a setext heading of the document's own (not in a list or
 * a quote) is written as an ATX one. */
static void S_heading_edits(const char *text, const size_t *line_at,
			    size_t nlines, cmark_node *fdoc, int shift,
			    struct S_edits *e)
{
	if (shift <= 0)
		return;
	cmark_iter *it = cmark_iter_new(fdoc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		int level = cmark_node_get_heading_level(n);
		int to = level + shift > 6 ? 6 : level + shift;
		int first = cmark_node_get_start_line(n);
		int last = cmark_node_get_end_line(n);
		int col = cmark_node_get_start_column(n);
		if (to == level || first < 1 || last < first ||
		    (size_t)last > nlines || col < 1)
			continue;
		size_t at = line_at[first - 1] + (size_t)col - 1;
		if (at < line_at[first] && text[at] == '#') {
			S_edit_add(e, at, at, S_hashes(to - level, ""));
			continue;
		}
		if (cmark_node_get_type(cmark_node_parent(n)) !=
			    CMARK_NODE_DOCUMENT ||
		    last == first)
			continue;
		/* setext: its lines, joined, after the '#'s; the underline
		 * (its last line that is not blank) goes */
		int under = last;
		while (under > first) {
			size_t k = line_at[under - 1];
			while (k < line_at[under] && strchr(" \t\r\n", text[k]))
				k++;
			if (k < line_at[under])
				break;
			under--;
		}
		if (under == first)
			continue;
		struct buf b;
		buf_init(&b);
		for (int i = 0; i < to; i++)
			buf_putc(&b, '#');
		for (int l = first; l < under; l++) {
			size_t s = line_at[l - 1], t = line_at[l];
			while (s < t && (text[s] == ' ' || text[s] == '\t'))
				s++;
			while (t > s && (text[t - 1] == '\n' || text[t - 1] == '\r' ||
					 text[t - 1] == ' ' || text[t - 1] == '\t'))
				t--;
			buf_putc(&b, ' ');
			buf_put(&b, text + s, t - s);
		}
		buf_putc(&b, '\n');
		S_edit_add(e, line_at[first - 1], line_at[under], buf_detach(&b));
	}
	cmark_iter_free(it);
}

/* Whether the line [s, t) closes a fence of n characters c. */
static bool S_closes_fence(const char *text, size_t s, size_t t, char c,
			   int n)
{
	int spaces = 0;
	while (s < t && text[s] == ' ' && spaces < 4)
		s++, spaces++;
	int run = 0;
	while (s < t && text[s] == c)
		s++, run++;
	while (s < t && strchr(" \t\r\n", text[s]))
		s++;
	return spaces < 4 && run >= n && s == t;
}

/* What an HTML block that opens with literal needs to end (CommonMark's
 * kinds 1 to 5), or NULL for the kinds a blank line ends. */
static const char *S_html_end(const char *literal)
{
	static const char *const tags[][2] = {
		{"<script", "</script>"}, {"<pre", "</pre>"},
		{"<style", "</style>"}, {"<textarea", "</textarea>"}};
	while (*literal == ' ')
		literal++;
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
		size_t n = strlen(tags[i][0]);
		if (!strncasecmp(literal, tags[i][0], n) &&
		    (!literal[n] || strchr(" \t\r\n>", literal[n])))
			return tags[i][1];
	}
	if (!strncmp(literal, "<!--", 4))
		return "-->";
	if (!strncmp(literal, "<?", 2))
		return "?>";
	if (!strncmp(literal, "<![CDATA[", 9))
		return "]]>";
	if (literal[0] == '<' && literal[1] == '!' &&
	    ((literal[2] | 0x20) >= 'a' && (literal[2] | 0x20) <= 'z'))
		return ">";
	return NULL;
}

/* Closes what the field's last block leaves open at its end. */
static void S_close_edits(const char *text, size_t len, const size_t *line_at,
			  size_t nlines, cmark_node *fdoc, struct S_edits *e)
{
	/* the block that ends the text: cmark-gfm moves the notes' texts to
	 * the end of the tree, so the last in the source, not in the tree */
	cmark_node *last = NULL;
	for (cmark_node *b = cmark_node_first_child(fdoc); b;
	     b = cmark_node_next(b))
		if (!last ||
		    cmark_node_get_start_line(b) > cmark_node_get_start_line(last))
			last = b;
	if (!last)
		return;
	const char *nl = len && (text[len - 1] == '\n' || text[len - 1] == '\r')
				 ? "" : "\n";
	struct buf b;
	buf_init(&b);
	if (cmark_node_get_type(last) == CMARK_NODE_CODE_BLOCK) {
		int n = 0, offset = 0;
		char c = 0;
		if (!cmark_node_get_fenced(last, &n, &offset, &c) || n < 3)
			return;
		/* the last line that is not blank, after the opening one */
		size_t l = nlines;
		while (l > 0 && line_at[l - 1] == line_at[l])
			l--;
		while (l > 1) {
			size_t s = line_at[l - 1], t = line_at[l], k = s;
			while (k < t && strchr(" \t\r\n", text[k]))
				k++;
			if (k < t)
				break;
			l--;
		}
		if ((int)l > cmark_node_get_start_line(last) &&
		    S_closes_fence(text, line_at[l - 1], line_at[l], c, n))
			return;
		buf_puts(&b, nl);
		for (int i = 0; i < n; i++)
			buf_putc(&b, c);
		buf_putc(&b, '\n');
	} else if (cmark_node_get_type(last) == CMARK_NODE_HTML_BLOCK) {
		const char *lit = cmark_node_get_literal(last);
		const char *end = lit ? S_html_end(lit) : NULL;
		if (!end)
			return;
		/* the end condition may be on the opening line itself */
		const char *p = lit + 1;
		size_t n = strlen(end);
		bool closed = false;
		for (; *p && !closed; p++)
			closed = !strncasecmp(p, end, n);
		if (closed)
			return;
		buf_puts(&b, nl);
		buf_puts(&b, end);
		buf_putc(&b, '\n');
	} else {
		return;
	}
	S_edit_add(e, len, len, buf_detach(&b));
}

/* Where the field's first block ends, when it is a paragraph and more
 * blocks follow (the line after it), else SIZE_MAX. */
static size_t S_first_paragraph_end(const size_t *line_at, size_t nlines,
				    cmark_node *fdoc)
{
	cmark_node *first = NULL;
	size_t blocks = 0;
	for (cmark_node *b = cmark_node_first_child(fdoc); b;
	     b = cmark_node_next(b), blocks++)
		if (!first ||
		    cmark_node_get_start_line(b) < cmark_node_get_start_line(first))
			first = b;
	int end = first ? cmark_node_get_end_line(first) : 0;
	if (blocks < 2 || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH ||
	    end < 1 || (size_t)end >= nlines)
		return SIZE_MAX;
	return line_at[end];
}

/* The field's text as build/md/ writes it, or NULL when it is the text
 * as written; *split: where its first paragraph ends in that text when
 * more blocks follow, else SIZE_MAX. */
static char *S_md_text(const char *text, size_t len, cmark_node *fdoc,
		       size_t field, int shift, size_t *split)
{
	size_t nlines;
	size_t *line_at = S_lines(text, len, &nlines);
	struct S_edits e = {0};
	S_note_edits(text, len, line_at, nlines, fdoc, field, &e);
	S_heading_edits(text, line_at, nlines, fdoc, shift, &e);
	S_close_edits(text, len, line_at, nlines, fdoc, &e);
	size_t at = S_first_paragraph_end(line_at, nlines, fdoc);
	free(line_at);
	*split = at;
	if (!e.count) {
		free(e.items);
		return NULL;
	}
	char *edited = S_edited(text, len, &e, NULL, split);
	S_edits_free(&e, 0);
	free(e.items);
	return edited;
}

/* The level of the heading whose section holds n (0 before the first
 * one): the heading before n's top-level block. */
static int S_section_level(cmark_node *n)
{
	while (cmark_node_parent(n) &&
	       cmark_node_get_type(cmark_node_parent(n)) != CMARK_NODE_DOCUMENT)
		n = cmark_node_parent(n);
	for (cmark_node *b = cmark_node_previous(n); b;
	     b = cmark_node_previous(b))
		if (cmark_node_get_type(b) == CMARK_NODE_HEADING)
			return cmark_node_get_heading_level(b);
	return 0;
}

/* A field's headings go under the section it is placed in: "# Measures"
 * in an action under a level-3 heading is a level-4 heading (at most 6),
 * as each page of the website puts a field's under the page's. */
static void S_shift_headings(cmark_node *fdoc, int shift)
{
	if (shift <= 0)
		return;
	cmark_iter *it = cmark_iter_new(fdoc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			int level = cmark_node_get_heading_level(n) + shift;
			cmark_node_set_heading_level(n, level > 6 ? 6 : level);
		}
	}
	cmark_iter_free(it);
}

/* ---- grafting ------------------------------------------------------- */

struct S_graft {
	struct document *doc; /* where removed nodes are kept */
	struct diags *d;
	struct S_fields *fields;
	struct S_notes notes;
	cmark_node **defs;
	size_t ndefs, defs_cap;
};

static bool S_is_container(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_DOCUMENT:
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_ITEM:
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		return true;
	default:
		return false;
	}
}

/* The block that holds an inline node, and the ancestor of it that a
 * block can follow (a paragraph in a list item; a table, not its cell). */
static cmark_node *S_block_of(cmark_node *inl, cmark_node **followed)
{
	cmark_node *b = inl;
	while (b && (cmark_node_get_type(b) & CMARK_NODE_TYPE_MASK) ==
			    CMARK_NODE_TYPE_INLINE)
		b = cmark_node_parent(b);
	cmark_node *f = b;
	while (f && cmark_node_parent(f) && !S_is_container(cmark_node_parent(f)))
		f = cmark_node_parent(f);
	*followed = f;
	return b;
}

/* Places the field's blocks after `after` (in order); what cannot go
 * there (a container that does not take it) goes after the document's
 * top-level block that holds `after`. */
static void S_blocks_after(cmark_node *after, cmark_node *first)
{
	for (cmark_node *b = first, *next; b; b = next) {
		next = cmark_node_next(b);
		cmark_node_unlink(b);
		if (!cmark_node_insert_after(after, b)) {
			cmark_node *top = after;
			while (cmark_node_parent(top) &&
			       cmark_node_get_type(cmark_node_parent(top)) !=
				       CMARK_NODE_DOCUMENT)
				top = cmark_node_parent(top);
			if (!cmark_node_insert_after(top, b)) {
				cmark_node_free(b);
				continue;
			}
		}
		after = b;
	}
}

/* Takes n out of the tree, to be freed with it (see document.h). */
static void S_keep(struct S_graft *G, cmark_node *n)
{
	struct document *doc = G->doc;
	cmark_node_unlink(n);
	doc->kept = S_room(doc->kept, doc->kept_count, &doc->kept_cap,
			   sizeof *doc->kept);
	doc->kept[doc->kept_count++] = n;
}

/* A text node holding only the placeholder, alone in its paragraph. */
static bool S_alone(cmark_node *text, size_t mark_len, size_t len)
{
	cmark_node *p = cmark_node_parent(text);
	return mark_len == len && p &&
	       cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH &&
	       cmark_node_first_child(p) == text && !cmark_node_next(text);
}

/* Grafts field k where text node `text` holds its placeholder, which
 * spans the whole of the node's literal.  Returns false when the field
 * could not be parsed (its text then stays, as text). */
static bool S_graft_field(struct S_graft *G, cmark_node *text, size_t k)
{
	const struct value *f = G->fields->items[k];
	cmark_node *fdoc = document_parse_field(f, G->d);
	if (!fdoc)
		return false;
	int shift = f->in_section ? S_section_level(text) : 0;
	if (!G->fields->md[k])
		G->fields->md[k] = S_md_text(f->str, f->len, fdoc, k, shift,
					     &G->fields->split[k]);
	S_shift_headings(fdoc, shift);
	S_take_notes(fdoc, &G->notes, &G->defs, &G->ndefs, &G->defs_cap);
	cmark_node *first = cmark_node_first_child(fdoc);
	const char *lit = cmark_node_get_literal(text);
	if (S_alone(text, strlen(lit), strlen(lit))) {
		cmark_node *para = cmark_node_parent(text);
		if (first)
			S_blocks_after(para, first);
		S_keep(G, para);
		S_keep(G, fdoc);
		return true;
	}
	/* inside a line: the first paragraph's inlines here */
	G->fields->own_block[k] = !first ||
				  cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH;
	if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
		for (cmark_node *i = cmark_node_first_child(first), *next; i;
		     i = next) {
			next = cmark_node_next(i);
			cmark_node_unlink(i);
			if (!cmark_node_insert_before(text, i))
				cmark_node_free(i);
		}
		cmark_node *rest = cmark_node_next(first);
		S_keep(G, first);
		first = rest;
	}
	if (first) {
		cmark_node *followed;
		S_block_of(text, &followed);
		S_blocks_after(followed ? followed : text, first);
	}
	S_keep(G, text);
	S_keep(G, fdoc);
	return true;
}

/* Splits a text node at its placeholders and grafts each. */
static void S_graft_text(struct S_graft *G, cmark_node *text)
{
	const char *s = cmark_node_get_literal(text);
	size_t len = strlen(s);
	char *copy = xmalloc(len + 1);
	memcpy(copy, s, len + 1);
	size_t start = 0;
	for (size_t i = 0; i < len;) {
		const char *p = memchr(copy + i, S_OPEN[0], len - i);
		if (!p)
			break;
		size_t at = (size_t)(p - copy), k, n;
		if (!S_placeholder_at(copy + at, len - at, G->fields, &k, &n)) {
			i = at + 1;
			continue;
		}
		/* the text before it, then the placeholder as its own node */
		if (at > start) {
			cmark_node *before = cmark_node_new(CMARK_NODE_TEXT);
			copy[at] = '\0';
			cmark_node_set_literal(before, copy + start);
			copy[at] = S_OPEN[0];
			cmark_node_set_user_data(before,
						 cmark_node_get_user_data(text));
			cmark_node_insert_before(text, before);
		}
		char saved = copy[at + n];
		copy[at + n] = '\0';
		cmark_node_set_literal(text, copy + at);
		copy[at + n] = saved;
		cmark_node *rest = NULL;
		if (at + n < len) {
			rest = cmark_node_new(CMARK_NODE_TEXT);
			cmark_node_set_literal(rest, copy + at + n);
			cmark_node_set_user_data(rest,
						 cmark_node_get_user_data(text));
			cmark_node_insert_after(text, rest);
		}
		if (!S_graft_field(G, text, k)) {
			/* left as the field's text */
			cmark_node_set_literal(text, G->fields->items[k]->str);
		}
		if (!rest)
			break;
		text = rest;
		free(copy);
		s = cmark_node_get_literal(text);
		len = strlen(s);
		copy = xmalloc(len + 1);
		memcpy(copy, s, len + 1);
		start = 0;
		i = 0;
	}
	free(copy);
}

/* Code, raw HTML, link targets and titles take a field's text as it is. */
static void S_fill_literal(struct S_graft *G, cmark_node *n)
{
	const char *(*get[])(cmark_node *) = {cmark_node_get_literal,
					      cmark_node_get_url,
					      cmark_node_get_title};
	int (*set[])(cmark_node *, const char *) = {cmark_node_set_literal,
						    cmark_node_set_url,
						    cmark_node_set_title};
	for (size_t i = 0; i < 3; i++) {
		const char *s = get[i](n);
		if (!S_has_placeholder(s))
			continue;
		char *filled = S_fill(s, strlen(s), G->fields, NULL);
		set[i](n, filled);
		free(filled);
	}
}

static void S_graft_all(struct S_graft *G, cmark_node *tree)
{
	/* the nodes first, then the changes: grafting moves nodes about */
	cmark_node **found = NULL;
	size_t count = 0, cap = 0;
	cmark_iter *it = cmark_iter_new(tree);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		/* only these hold text a placeholder can be in */
		int type = cmark_node_get_type(n);
		bool has;
		switch (type) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			has = S_has_placeholder(cmark_node_get_literal(n));
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			has = S_has_placeholder(cmark_node_get_url(n)) ||
			      S_has_placeholder(cmark_node_get_title(n));
			break;
		default:
			has = false;
		}
		if (!has)
			continue;
		found = S_room(found, count, &cap, sizeof *found);
		found[count++] = n;
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < count; i++) {
		if (cmark_node_get_type(found[i]) == CMARK_NODE_TEXT)
			S_graft_text(G, found[i]);
		else
			S_fill_literal(G, found[i]);
	}
	free(found);
}

/* ---- entry points --------------------------------------------------- */

/* ---- numbers the author began --------------------------------------- */

/*
 * In the default form headings carry the numbers their author wrote
 * ("## A. Purpose"), and the template's own headings (the overview's
 * figures, the assistance requested) stand among them.  Left bare, "Recommendations by
 * position" after "C. Assessment" reads as a part of C.  So a heading of
 * the template's own text takes the next number of the run its author's
 * siblings began (same level, same section): "D.", in the form and
 * language of theirs (words_un_number_written).  A bare heading of the
 * author's ends the run; the annex is never numbered.  The number is a
 * text node at the head of the heading, in every output; in md/ an edit
 * of the template's line, so that md/ reads the same.  The UN form
 * numbers every heading itself (unform.h) and is not affected.
 */
static void S_continue_numbers(cmark_node *tree, const char *text,
			       size_t len, const struct words *w,
			       struct S_edits *e)
{
	struct arena a;
	arena_init(&a);
	struct words_un_numbers written;
	bool have_written = false;
	const char *annex = words_find(w, "chapter_annex");
	struct {
		int kind; /* the form's level of the number, 0: no run */
		long n;
	} run[7] = {{0, 0}};
	/* where the line of the last heading numbered starts: the
	 * headings come in the text's order, so the text is read once */
	int at_line = 1;
	size_t at = 0;
	for (cmark_node *h = cmark_node_first_child(tree); h;
	     h = cmark_node_next(h)) {
		if (cmark_node_get_type(h) != CMARK_NODE_HEADING)
			continue;
		int level = cmark_node_get_heading_level(h);
		for (int k = level + 1; k < 7; k++)
			run[k].kind = 0;
		cmark_node *first = cmark_node_first_child(h);
		const char *lit = first && cmark_node_get_type(first) ==
						   CMARK_NODE_TEXT
					  ? cmark_node_get_literal(first)
					  : NULL;
		if (!have_written) {
			words_un_numbers(w, &a, &written);
			have_written = true;
		}
		int kind;
		long n;
		if (lit && words_un_number_written(&written, lit, &kind, &n)) {
			run[level].kind = kind;
			run[level].n = n;
			continue;
		}
		bool authors = cmark_node_get_user_data(h) != NULL;
		if (level == 1 && annex && !authors) {
			struct buf plain;
			buf_init(&plain);
			markdown_plain(&plain, h);
			if (plain.len == strlen(annex) &&
			    !memcmp(plain.data, annex, plain.len))
				authors = true; /* ends the run too */
			buf_free(&plain);
		}
		if (authors || !run[level].kind ||
		    run[level].n >= WORDS_UN_WRITTEN) {
			run[level].kind = 0;
			continue;
		}
		const char *num = words_un_number(w, &a, run[level].kind,
						  ++run[level].n);
		cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
		/* a blank after it, but after a full-width mark ("三、") */
		size_t num_len = strlen(num);
		bool wide = num_len && (unsigned char)num[num_len - 1] >= 0x80;
		char *lead = xmalloc(num_len + 2);
		sprintf(lead, "%s%s", num, wide ? "" : " ");
		cmark_node_set_literal(t, lead);
		cmark_node_prepend_child(h, t);
		/* md/: after the '#'s and the blanks of the template's line
		 * (lines end as cmark-gfm ends them: LF, CR or CRLF) */
		int line = cmark_node_get_start_line(h);
		int col = cmark_node_get_start_column(h);
		if (line < at_line || col < 1) {
			free(lead);
			continue;
		}
		while (at_line < line && at < len) {
			const char *nl = memchr(text + at, '\n', len - at);
			const char *cr = memchr(text + at, '\r',
						(nl ? (size_t)(nl - text) : len) - at);
			const char *end = cr ? cr : nl;
			if (!end) {
				at = len;
				break;
			}
			at = (size_t)(end - text) + 1;
			if (end == cr && at < len && text[at] == '\n')
				at++;
			at_line++;
		}
		size_t k = at + (size_t)col - 1;
		if (at_line != line || k > len) {
			free(lead);
			continue;
		}
		while (k < len && text[k] == '#')
			k++;
		while (k < len && (text[k] == ' ' || text[k] == '\t'))
			k++;
		S_edit_add(e, k, k, lead);
	}
	arena_free(&a);
}

cmark_node *document_parse_field(const struct value *field, struct diags *d)
{
	cmark_node *doc = markdown_parse(field->str, field->len, field->pos, d);
	if (doc)
		markdown_set_origin(doc, &field->pos);
	return doc;
}

bool document_build(struct document *doc, struct diags *d,
		    const char *template_file, const char *tmpl, size_t len,
		    const struct value *context,
		    const struct mustache_partials *partials,
		    const char *md_file, const struct words *numbers)
{
	memset(doc, 0, sizeof *doc);
	struct S_fields fields = {0};
	S_nonce(fields.nonce);
	struct mustache_options opt = {0};
	opt.escape = MUSTACHE_ESCAPE_MARKDOWN;
	opt.partials = partials;
	opt.field = S_field_placeholder;
	opt.field_ctx = &fields;
	struct buf out;
	buf_init(&out);
	bool ok = mustache_render(d, template_file, tmpl, len, context, &opt,
				  &out);
	if (ok) {
		doc->tree = markdown_parse(out.data ? out.data : "", out.len,
					   (struct source_pos){md_file, 1, 1},
					   d);
		ok = doc->tree != NULL;
	}
	if (ok) {
		struct S_graft G = {.doc = doc, .d = d, .fields = &fields};
		S_take_notes(doc->tree, &G.notes, &G.defs, &G.ndefs,
			     &G.defs_cap);
		S_graft_all(&G, doc->tree);
		S_number_notes(doc->tree, &G.notes, G.defs, G.ndefs);
		free(G.notes.keys);
		free(G.notes.defs);
		free(G.defs);
		const char *text = out.data ? out.data : "";
		size_t text_len = out.len;
		struct S_edits e = {0};
		char *edited = NULL;
		if (numbers)
			S_continue_numbers(doc->tree, text, text_len, numbers,
					   &e);
		if (e.count) {
			edited = S_edited(text, text_len, &e, &text_len, NULL);
			text = edited;
		}
		S_edits_free(&e, 0);
		free(e.items);
		doc->markdown = S_fill(text, text_len, &fields,
				       &doc->markdown_len);
		free(edited);
	}
	buf_free(&out);
	for (size_t i = 0; i < fields.count; i++)
		free(fields.md[i]);
	free(fields.md);
	free(fields.own_block);
	free(fields.split);
	free(fields.items);
	if (!ok)
		document_free(doc);
	return ok;
}

/* ---------------------------------------------------- note marks */

static bool S_is_ref(cmark_node *n)
{
	return n && cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_REFERENCE;
}

static bool S_is_text(cmark_node *n)
{
	return n && cmark_node_get_type(n) == CMARK_NODE_TEXT;
}

static bool S_stop_char(char ch)
{
	return ch && strchr(".,;:!?", ch);
}

/* The bytes of the punctuation run at the start of s; a French no-break
 * space before ; : ! ? (C2 A0) goes with its sign. */
static size_t S_lead_punct(const char *s)
{
	size_t i = 0;
	for (;;) {
		if (S_stop_char(s[i]))
			i++;
		else if ((unsigned char)s[i] == 0xC2 &&
			 (unsigned char)s[i + 1] == 0xA0 &&
			 S_stop_char(s[i + 2]) && s[i + 2] != '.' &&
			 s[i + 2] != ',')
			i += 3;
		else
			return i;
	}
}

/* The bytes of the punctuation run at the end of s (len bytes). */
static size_t S_trail_punct(const char *s, size_t len)
{
	size_t i = len;
	while (i && S_stop_char(s[i - 1])) {
		i--;
		/* the no-break space before it (U+00A0 or the narrow
		 * U+202F, document_typeset's) goes with it */
		if (i >= 2 && (unsigned char)s[i - 2] == 0xC2 &&
		    (unsigned char)s[i - 1] == 0xA0)
			i -= 2;
		else if (i >= 3 && (unsigned char)s[i - 3] == 0xE2 &&
			 (unsigned char)s[i - 2] == 0x80 &&
			 (unsigned char)s[i - 1] == 0xAF)
			i -= 3;
	}
	return len - i;
}

static void S_set_text(cmark_node *n, const char *s, size_t len)
{
	char *t = xmalloc(len + 1);
	memcpy(t, s, len);
	t[len] = '\0';
	cmark_node_set_literal(n, t);
	free(t);
}

static cmark_node *S_new_text(const char *s, size_t len, cmark_node *like)
{
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
	S_set_text(t, s, len);
	cmark_node_set_user_data(t, cmark_node_get_user_data(like));
	return t;
}

/* English: "word[^1]." -> "word.[^1]" (the run of marks first..last). */
static void S_marks_after(cmark_node *first, cmark_node *last)
{
	cmark_node *next = cmark_node_next(last);
	if (!S_is_text(next))
		return;
	const char *s = cmark_node_get_literal(next);
	size_t n = s ? S_lead_punct(s) : 0;
	if (!n)
		return;
	cmark_node *prev = cmark_node_previous(first);
	char *moved = xmalloc(n + 1);
	memcpy(moved, s, n);
	moved[n] = '\0';
	if (S_is_text(prev)) {
		const char *p = cmark_node_get_literal(prev);
		size_t pl = p ? strlen(p) : 0;
		char *joined = xmalloc(pl + n + 1);
		memcpy(joined, p ? p : "", pl);
		memcpy(joined + pl, moved, n + 1);
		cmark_node_set_literal(prev, joined);
		free(joined);
	} else {
		cmark_node_insert_before(first, S_new_text(moved, n, next));
	}
	free(moved);
	s = cmark_node_get_literal(next);
	if (!s[n]) {
		cmark_node_free(next);
	} else {
		char *rest = xstrdup(s + n);
		cmark_node_set_literal(next, rest);
		free(rest);
	}
}

/* French, Spanish, Russian: "mot.[^1]" -> "mot[^1]." */
static void S_marks_before(cmark_node *first, cmark_node *last)
{
	cmark_node *prev = cmark_node_previous(first);
	if (!S_is_text(prev))
		return;
	const char *p = cmark_node_get_literal(prev);
	size_t pl = p ? strlen(p) : 0;
	size_t n = pl ? S_trail_punct(p, pl) : 0;
	/* nothing but punctuation before: the mark follows another
	 * inline (emphasis), leave it */
	if (!n || n == pl)
		return;
	char *moved = xmalloc(n + 1);
	memcpy(moved, p + pl - n, n);
	moved[n] = '\0';
	cmark_node *next = cmark_node_next(last);
	if (S_is_text(next)) {
		const char *s = cmark_node_get_literal(next);
		size_t sl = s ? strlen(s) : 0;
		char *joined = xmalloc(n + sl + 1);
		memcpy(joined, moved, n);
		memcpy(joined + n, s ? s : "", sl + 1);
		cmark_node_set_literal(next, joined);
		free(joined);
	} else {
		cmark_node_insert_after(last, S_new_text(moved, n, prev));
	}
	free(moved);
	S_set_text(prev, p, pl - n);
}

/* Puts node k where a piece of text n goes: before n while n holds no
 * piece yet (k is the first passage's opening tag), after *at else. */
static void S_put(cmark_node *n, cmark_node **at, bool n_used, cmark_node *k)
{
	cmark_node_set_user_data(k, cmark_node_get_user_data(n));
	if (n_used) {
		cmark_node_insert_after(*at, k);
		*at = k;
	} else {
		cmark_node_insert_before(n, k);
	}
}

/* Where the piece of text n that starts at byte `from` of its text was
 * written, in a (NULL: where n was): cmark-gfm places only the nodes it
 * made, and a back end's warning about a character (pdf_inline.c) names
 * the piece's place. */
static const struct source_pos *S_piece_pos(cmark_node *n, size_t from,
					    struct arena *a)
{
	if (cmark_node_get_start_line(n) <= 0)
		return cmark_node_get_user_data(n);
	struct source_pos *pos = arena_alloc(a, sizeof *pos);
	*pos = markdown_node_pos(n, NULL);
	if (pos->column)
		pos->column += (int)from;
	return pos;
}

/* The piece s[from, to) of text n: n's own text for the first piece,
 * a new text node after the last piece for the others. */
static void S_put_text(cmark_node *n, cmark_node **at, bool *n_used,
		       const char *s, size_t from, size_t to, struct arena *a)
{
	char *piece = xmalloc(to - from + 1);
	memcpy(piece, s + from, to - from);
	piece[to - from] = '\0';
	if (*n_used) {
		cmark_node *k = cmark_node_new(CMARK_NODE_TEXT);
		cmark_node_set_literal(k, piece);
		S_put(n, at, true, k);
		cmark_node_set_user_data(k, (void *)S_piece_pos(n, from, a));
	} else {
		cmark_node_set_literal(n, piece);
		*n_used = true;
	}
	free(piece);
}

static void S_put_html(cmark_node *n, cmark_node **at, bool n_used,
		       const char *html)
{
	cmark_node *k = cmark_node_new(CMARK_NODE_HTML_INLINE);
	cmark_node_set_literal(k, html);
	S_put(n, at, n_used, k);
}

/* Each passage of text n in a script that settles its language
 * (words_foreign_passage: Arabic in a French report) is put in a
 * <span lang="ar"> of its own, as an author marks a passage, so that
 * every back end says its language (WCAG 3.1.2): the site's span, the
 * PDF's Span /Lang, Word's w:lang.  The nodes made are n's next
 * siblings, which the caller's walk has passed already (cmark-gfm's
 * iterator takes the next node before it returns this one). */
static void S_mark_passages(cmark_node *n, enum lang doc, struct arena *a)
{
	const char *lit = cmark_node_get_literal(n);
	size_t len = lit ? strlen(lit) : 0;
	struct words_passage p;
	size_t from = 0;
	bool found;
	while ((found = words_foreign_passage(doc, lit, len, from, &p)) &&
	       p.lang < 0)
		from = p.end;
	if (!found)
		return;
	/* every parent of text in cmark-gfm takes raw HTML and text beside
	 * it; one that would not (an extension's) keeps its text whole */
	cmark_node *probe = cmark_node_new(CMARK_NODE_HTML_INLINE);
	if (!cmark_node_insert_after(n, probe)) {
		cmark_node_free(probe);
		return;
	}
	cmark_node_free(probe);
	char *s = xstrdup(lit); /* lit is n's, which the first piece sets */
	cmark_node *at = n;
	bool n_used = false;
	size_t done = 0;
	do {
		if (p.lang < 0) {
			from = p.end;
			continue;
		}
		char open[32];
		snprintf(open, sizeof open, "<span lang=\"%s\">",
			 lang_code((enum lang)p.lang));
		if (p.start > done)
			S_put_text(n, &at, &n_used, s, done, p.start, a);
		S_put_html(n, &at, n_used, open);
		S_put_text(n, &at, &n_used, s, p.start, p.end, a);
		S_put_html(n, &at, n_used, "</span>");
		done = from = p.end;
	} while (words_foreign_passage(doc, s, len, from, &p));
	if (done < len)
		S_put_text(n, &at, &n_used, s, done, len, a);
	free(s);
}

/* The runs of note marks that first[0..count) begin, placed by the rule
 * of lang (document_typeset), after the walk that found them: editing
 * while the iterator walks would free nodes under it. */
static void S_place_notes(cmark_node **first, size_t count, enum lang lang)
{
	bool after = lang == LANG_EN;
	if (!after && lang != LANG_FR && lang != LANG_ES && lang != LANG_RU)
		return;
	for (size_t i = 0; i < count; i++) {
		cmark_node *last = first[i];
		while (S_is_ref(cmark_node_next(last)))
			last = cmark_node_next(last);
		if (after)
			S_marks_after(first[i], last);
		else
			S_marks_before(first[i], last);
	}
}

/* The paragraphs right after a table that start "Source:" or "Note:"
 * (the label table_source_words) are the table's source lines, as many
 * as follow one another ("Source: …" then "Note: …"): marked so by the
 * directive before each (markdown_is_table_source), which every back
 * end reads.  A line the author marked with the directive counts as
 * one. */
static void S_mark_table_source(cmark_node *table, const struct words *w,
				struct buf *text)
{
	for (cmark_node *next = cmark_node_next(table); next;
	     next = cmark_node_next(next)) {
		if (markdown_directive_of(next) == MARKDOWN_TABLE_SOURCE ||
		    markdown_is_table_source(next))
			continue;
		if (cmark_node_get_type(next) != CMARK_NODE_PARAGRAPH)
			return;
		buf_clear(text);
		markdown_plain(text, next);
		buf_putc(text, '\0');
		if (!words_is_source_line(w, text->data))
			return;
		cmark_node_insert_before(next, markdown_table_source_new());
	}
}

void document_typeset(cmark_node *tree, const struct words *w,
		      struct arena *a)
{
	struct buf text;
	buf_init(&text);
	/* the author's own <span lang>s, open: their text is theirs */
	enum { S_SPANS = 16 };
	cmark_node *span_end[S_SPANS];
	size_t spans = 0;
	/* the first mark of each run of note marks, placed after the walk */
	cmark_node **marks = NULL;
	size_t mark_count = 0, mark_cap = 0;
	/* the tables, whose source lines are marked after the walk (a node
	 * inserted during it would be walked) */
	cmark_node **tables = NULL;
	size_t table_count = 0, table_cap = 0;
	cmark_iter *it = cmark_iter_new(tree);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node_type type = cmark_node_get_type(n);
		if (type == CMARK_NODE_HTML_INLINE) {
			char code[36];
			cmark_node *end = markdown_lang_span(n, code,
							     sizeof code);
			if (end && spans < S_SPANS)
				span_end[spans++] = end;
			else if (spans && n == span_end[spans - 1])
				spans--;
			continue;
		}
		if (type == CMARK_NODE_FOOTNOTE_REFERENCE &&
		    !S_is_ref(cmark_node_previous(n))) {
			marks = S_room(marks, mark_count, &mark_cap,
				       sizeof *marks);
			marks[mark_count++] = n;
		}
		if (markdown_ext_of(n) == MARKDOWN_EXT_TABLE) {
			tables = S_room(tables, table_count, &table_cap,
					sizeof *tables);
			tables[table_count++] = n;
		}
		if (type != CMARK_NODE_TEXT)
			continue;
		const char *s = cmark_node_get_literal(n);
		if (s && words_typeset(w, s, strlen(s), &text)) {
			buf_putc(&text, '\0');
			cmark_node_set_literal(n, text.data);
		}
		if (!spans)
			S_mark_passages(n, w->lang, a);
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < table_count; i++)
		S_mark_table_source(tables[i], w, &text);
	free(tables);
	buf_free(&text);
	S_place_notes(marks, mark_count, w->lang);
	free(marks);
}

void document_free(struct document *doc)
{
	if (doc->tree)
		cmark_node_free(doc->tree);
	for (size_t i = doc->kept_count; i-- > 0;)
		cmark_node_free(doc->kept[i]);
	free(doc->kept);
	free(doc->markdown);
	memset(doc, 0, sizeof *doc);
}
