/* heap — see heap.h. */
#define _GNU_SOURCE
#include "heap.h"

#include <stdint.h>
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

enum {
	S_HUGE_PAGE = 2 << 20,
	S_PAD = 32 << 20,
};

void heap_prefer_huge_pages(void)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
	/* Grow by S_PAD, never give memory back during a build (so that
	 * the marked region is the one used), and serve buffers of up to
	 * S_PAD from the heap. */
	mallopt(M_TOP_PAD, S_PAD);
	mallopt(M_TRIM_THRESHOLD, 2 * S_PAD);
	mallopt(M_MMAP_THRESHOLD, S_PAD);
	/* Makes the heap grow now, so that the region to mark exists. */
	char *probe = malloc(S_PAD / 2);
	if (!probe)
		return;
	uintptr_t lo = ((uintptr_t)probe + S_HUGE_PAGE - 1) &
		       ~(uintptr_t)(S_HUGE_PAGE - 1);
	uintptr_t hi = (uintptr_t)sbrk(0) & ~(uintptr_t)(S_HUGE_PAGE - 1);
	free(probe);
	if (hi > lo)
		madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#endif
}
