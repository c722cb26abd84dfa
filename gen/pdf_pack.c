/*
 * pdf_pack — the pages' content streams deflated on a second thread while
 * the next pages are drawn.
 *
 * Deflating is a third of a PDF's time (zlib, level 3) and independent
 * from page to page.  pdf_emit draws page i, hands its content over
 * (pdf_pack_put), and takes the deflated bytes back in page order
 * (pdf_pack_take) to give them to libharu, which only the drawing thread
 * touches.  The helper thread takes the oldest page not yet started; the
 * drawing thread takes one too when more than S_BACKLOG pages wait (so
 * their content, ≈14 KB a page, never piles up) and at the end.
 */
#include "pdf_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <zlib.h>

#include "thread.h"

enum { S_BACKLOG = 16 };

enum S_state { S_EMPTY, S_WAITING, S_WORKING, S_DONE };

struct S_slot {
	struct buf raw, packed;
	enum S_state state;
	bool deflated; /* packed holds it; else raw is returned as it was */
};

struct pdf_pack {
	struct S_slot *slot;
	size_t count;
	size_t handed;  /* pages handed over: 0 .. handed-1 */
	size_t started; /* pages taken by a deflater: 0 .. started-1 */
	bool closing;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	pthread_t thread;
	bool has_thread;
};

bool pdf_deflate(const struct buf *raw, struct buf *out)
{
	uLongf len = compressBound((uLong)raw->len);
	buf_reserve(out, len);
	if (compress2((Bytef *)out->data + out->len, &len,
		      (const Bytef *)raw->data, (uLong)raw->len,
		      PDF_ZLEVEL) != Z_OK)
		return false;
	out->len += len;
	return true;
}

static void S_deflate(struct S_slot *s)
{
	s->deflated = pdf_deflate(&s->raw, &s->packed);
	if (s->deflated) {
		buf_free(&s->raw);
		buf_init(&s->raw);
	}
}

/* With the lock held: deflates the oldest page not started, the lock let
 * go meanwhile.  False when there is none. */
static bool S_deflate_next(struct pdf_pack *p)
{
	if (p->started == p->handed)
		return false;
	struct S_slot *s = &p->slot[p->started++];
	s->state = S_WORKING;
	pthread_mutex_unlock(&p->lock);
	S_deflate(s);
	pthread_mutex_lock(&p->lock);
	s->state = S_DONE;
	pthread_cond_broadcast(&p->changed);
	return true;
}

static void *S_deflater(void *arg)
{
	struct pdf_pack *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		if (S_deflate_next(p))
			continue;
		if (p->closing)
			break;
		pthread_cond_wait(&p->changed, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct pdf_pack *pdf_pack_start(size_t pages)
{
	struct pdf_pack *p = xcalloc(1, sizeof *p);
	p->slot = xcalloc(pages ? pages : 1, sizeof *p->slot);
	p->count = pages;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->changed, NULL);
	/* one page needs no second thread */
	p->has_thread = pages > 1 && thread_start(&p->thread, S_deflater, p);
	return p;
}

void pdf_pack_put(struct pdf_pack *p, size_t page, struct buf *content)
{
	pthread_mutex_lock(&p->lock);
	struct S_slot *s = &p->slot[page];
	s->raw = *content;
	buf_init(content);
	s->state = S_WAITING;
	p->handed = page + 1;
	pthread_cond_broadcast(&p->changed);
	if (p->handed - p->started > S_BACKLOG || !p->has_thread)
		S_deflate_next(p);
	pthread_mutex_unlock(&p->lock);
}

bool pdf_pack_ready(struct pdf_pack *p, size_t page)
{
	pthread_mutex_lock(&p->lock);
	bool done = p->slot[page].state == S_DONE;
	pthread_mutex_unlock(&p->lock);
	return done;
}

bool pdf_pack_take(struct pdf_pack *p, size_t page, struct buf *out)
{
	pthread_mutex_lock(&p->lock);
	while (p->slot[page].state != S_DONE)
		if (!S_deflate_next(p))
			pthread_cond_wait(&p->changed, &p->lock);
	struct S_slot *s = &p->slot[page];
	pthread_mutex_unlock(&p->lock);
	bool deflated = s->deflated;
	*out = deflated ? s->packed : s->raw;
	buf_free(deflated ? &s->raw : &s->packed);
	buf_init(&s->raw);
	buf_init(&s->packed);
	return deflated;
}

void pdf_pack_finish(struct pdf_pack *p)
{
	pthread_mutex_lock(&p->lock);
	p->closing = true;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
	if (p->has_thread)
		pthread_join(p->thread, NULL);
	for (size_t i = 0; i < p->count; i++) {
		buf_free(&p->slot[i].raw);
		buf_free(&p->slot[i].packed);
	}
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->changed);
	free(p->slot);
	free(p);
}
