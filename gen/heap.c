/* heap — see heap.h. */
#define _GNU_SOURCE
#include "heap.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "thread.h"

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

enum {
	S_HUGE_PAGE = 2 << 20,
	S_PAD = 32 << 20,
	S_GROW = 8 << 20,
	S_STEP = 1 << 20,
};

#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
/* The heap below the region marked for huge pages, held and never
 * touched (see heap_prefer_huge_pages). */
static void *S_below;
#endif

void heap_prefer_huge_pages(void)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
	/* Grow by S_PAD, never give memory back during a build (so that
	 * the marked region is the one used), and serve buffers of up to
	 * S_PAD from the heap. */
	mallopt(M_TOP_PAD, S_PAD + S_PAD / 2);
	mallopt(M_TRIM_THRESHOLD, 2 * S_PAD);
	mallopt(M_MMAP_THRESHOLD, S_PAD);
	/* Makes the heap grow now, so that the region to mark exists. */
	char *probe = malloc(S_HUGE_PAGE);
	if (!probe)
		return;
	/* A 2 MiB range where a 4 KiB page is in use takes no huge page:
	 * the region marked starts at the first boundary past the header
	 * malloc has just written after the probe. */
	uintptr_t lo = ((uintptr_t)probe + 2 * S_HUGE_PAGE + 32 - 1) &
		       ~(uintptr_t)(S_HUGE_PAGE - 1);
	uintptr_t hi = (uintptr_t)sbrk(0) & ~(uintptr_t)(S_HUGE_PAGE - 1);
	if (hi > lo + S_HUGE_PAGE) {
		madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
		/* The probe grown in place to end there (its chunk header
		 * 16 bytes before it), and kept: the build's memory starts
		 * at the boundary, in huge pages, not in the 4 KiB pages of
		 * the heap's first megabytes (600 faults of the
		 * 350-recommendation site). */
		S_below = realloc(probe, lo - (uintptr_t)probe - 16);
		if (!S_below)
			S_below = probe;
	} else {
		free(probe);
	}
	/* Past that region the heap grows S_GROW at a time: what the
	 * prefault thread (below) faults in ahead and the build never
	 * uses is at most that. */
	mallopt(M_TOP_PAD, S_GROW);
#endif
}

struct heap_prefault {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t stopped; /* signalled with stop set, under lock */
	bool stop;
	uintptr_t from; /* the heap is faulted in below this */
};

#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
static bool S_stopped(struct heap_prefault *p)
{
	pthread_mutex_lock(&p->lock);
	bool stop = p->stop;
	pthread_mutex_unlock(&p->lock);
	return stop;
}

/* Waits a millisecond, or less when told to stop; whether to go on. */
static bool S_nap(struct heap_prefault *p)
{
	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_nsec += 1000 * 1000;
	if (until.tv_nsec >= 1000 * 1000 * 1000) {
		until.tv_sec++;
		until.tv_nsec -= 1000 * 1000 * 1000;
	}
	pthread_mutex_lock(&p->lock);
	if (!p->stop)
		pthread_cond_timedwait(&p->stopped, &p->lock, &until);
	bool go_on = !p->stop;
	pthread_mutex_unlock(&p->lock);
	return go_on;
}

/* Faults in what the heap grows by, as it grows (by S_GROW and more at a
 * time, so the new pages are mostly ahead of the allocating thread),
 * looking every millisecond; ends at once where the kernel has no
 * MADV_POPULATE_WRITE (before 5.14), and when told to stop, within a
 * step of S_STEP or in the middle of its millisecond (the millisecond
 * was slept out, and all of a growth faulted in, most of it unused:
 * 0.8 ms at the end of every build, 5 ms now and then). */
static void *S_prefault(void *arg)
{
	struct heap_prefault *p = arg;
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	for (;;) {
		/* The break as the kernel has it: glibc's copy is written
		 * by the allocating thread. */
		uintptr_t brk = (uintptr_t)syscall(SYS_brk, 0) & ~(page - 1);
		if (brk > p->from) {
			/* a step at a time, so that a stop waits for one */
			uintptr_t to = brk - p->from > S_STEP ? p->from + S_STEP
							      : brk;
			if (madvise((void *)p->from, to - p->from,
				    MADV_POPULATE_WRITE) == 0) {
				p->from = to;
				if (S_stopped(p))
					break;
				continue;
			}
			if (errno == EINVAL || errno == ENOSYS)
				break;
		}
		if (!S_nap(p))
			break;
	}
	return NULL;
}

/* Whether malloc is glibc's, growing the heap with brk: not under a
 * sanitizer or valgrind, which allocate elsewhere. */
static bool S_heap_is_brk(void)
{
	return mallinfo2().arena > 0;
}
#endif

struct heap_prefault *heap_prefault_start(void)
{
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
	if (!S_heap_is_brk())
		return NULL;
	struct heap_prefault *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	/* What heap_prefer_huge_pages() marked is left to huge pages. */
	p->from = ((uintptr_t)sbrk(0) + S_HUGE_PAGE - 1) &
		  ~(uintptr_t)(S_HUGE_PAGE - 1);
	pthread_mutex_init(&p->lock, NULL);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&p->stopped, &attr);
	pthread_condattr_destroy(&attr);
	if (!thread_start(&p->thread, S_prefault, p)) {
		pthread_cond_destroy(&p->stopped);
		pthread_mutex_destroy(&p->lock);
		free(p);
		return NULL;
	}
	return p;
#else
	return NULL;
#endif
}

void heap_prefault_stop(struct heap_prefault *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_signal(&p->stopped);
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->thread, NULL);
	pthread_cond_destroy(&p->stopped);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
