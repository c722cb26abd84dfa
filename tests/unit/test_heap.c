/* test_heap — the heap is faulted in ahead of use.  Built twice: with
 * the sanitizers like every unit test (their malloc is not glibc's on
 * brk: nothing to fault in, start and stop must still work) and plain
 * (build/tests/test_heap), where a block taken from the heap must be
 * resident before it is touched. */
#define _GNU_SOURCE /* RUSAGE_THREAD */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "../../gen/heap.h"
#include "check.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define S_SANITIZED 1
#else
#define S_SANITIZED 0
#endif

static long S_faults(void)
{
	struct rusage u;
	getrusage(RUSAGE_THREAD, &u);
	return u.ru_minflt;
}

/* Whether every whole page of [p, p + len) is resident, waiting up to two
 * seconds for the other thread, without touching them. */
static bool S_resident(char *p, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t lo = ((size_t)p + page - 1) & ~(page - 1);
	size_t hi = ((size_t)p + len) & ~(page - 1);
	size_t n = hi > lo ? (hi - lo) / page : 0;
	unsigned char *vec = malloc(n + 1);
	bool all = false;
	for (int tries = 0; tries < 2000 && !all; tries++) {
		all = mincore((void *)lo, n * page, vec) == 0;
		for (size_t i = 0; all && i < n; i++)
			all = vec[i] & 1;
		if (!all)
			nanosleep(&(struct timespec){0, 1000 * 1000}, NULL);
	}
	free(vec);
	return all;
}

int main(void)
{
	heap_prefer_huge_pages();
	/* What the program allocates next starts at the region marked for
	 * huge pages, on a 2 MiB boundary, not in the 4 KiB pages below. */
	char *first = malloc(256 << 10);
	CHECK(first != NULL);
	if (!S_SANITIZED)
		CHECK(((uintptr_t)first & ((2 << 20) - 1)) == 0);
	free(first);
	struct heap_prefault *pf = heap_prefault_start();
	if (S_SANITIZED || !pf) {
		CHECK(S_SANITIZED);
		heap_prefault_stop(pf);
		heap_prefault_stop(NULL);
		return check_done("heap");
	}
	/* Below the break of now the heap is left to huge pages. */
	char *start = sbrk(0);
	/* Blocks under malloc's mapping threshold (32 MiB): from the heap,
	 * each making it grow. */
	enum { BLOCK = 24 << 20, BLOCKS = 3 };
	char *blocks[BLOCKS] = {NULL};
	long touched = 0, faults = 0;
	for (int b = 0; b < BLOCKS; b++) {
		char *p = blocks[b] = malloc(BLOCK);
		CHECK(p != NULL);
		if (!p || p + BLOCK <= start + (2 << 20))
			continue;
		char *lo = p > start + (2 << 20) ? p : start + (2 << 20);
		size_t len = (size_t)(p + BLOCK - lo);
		CHECK(S_resident(lo, len));
		long before = S_faults();
		memset(lo, 1, len);
		faults += S_faults() - before;
		touched += (long)len / sysconf(_SC_PAGESIZE);
	}
	CHECK(touched > BLOCK / 2 / sysconf(_SC_PAGESIZE));
	CHECK(faults < touched / 20);
	for (int b = 0; b < BLOCKS; b++)
		free(blocks[b]);
	heap_prefault_stop(pf);
	return check_done("heap");
}
