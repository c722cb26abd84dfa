/*
 * heap — making the heap cost fewer page faults: huge pages, and
 * faulting it in ahead of use.
 *
 * A build touches tens of megabytes within milliseconds: the YAML tree,
 * the template context, cmark-gfm's tree of the report, the pages.  With
 * 4 KiB pages that is thousands of page faults, and on the virtual
 * machines this is built and measured on each costs about 1.6 µs: for
 * the 250-recommendation website, 4,500 faults, a quarter of the build's
 * CPU time.  heap_prefer_huge_pages() grows the heap by 48 MiB at once,
 * marks that memory for transparent huge pages (2 MiB: one fault where
 * there were 512; what glibc's tunable glibc.malloc.hugetlb=1 would do,
 * which only the environment can set), keeps buffers of up to 32 MiB in
 * the heap rather than in mappings of their own, and lets it grow 8 MiB
 * at a time from there.  The heap's first megabytes, below the first
 * 2 MiB boundary malloc has not written to, are held untouched, so that
 * the build's memory starts in the huge pages (the 350-recommendation
 * site: 1,750 faults to 1,180).  Advice only: where the
 * kernel gives no huge pages (transparent_hugepage "never"), or outside
 * glibc, nothing changes but the padding.  Called once, first thing.
 */
#ifndef UPRGEN_HEAP_H
#define UPRGEN_HEAP_H

void heap_prefer_huge_pages(void);

/*
 * What huge pages do not cover (the heap past its first 32 MiB: a build
 * of 5,000 recommendations still took 64,000 faults, ~44,000 of them on
 * the thread that parses and renders the report, a tenth of its time)
 * heap_prefault_start() faults in on a thread of its own, as the heap
 * grows and before the allocating thread reaches it (madvise
 * MADV_POPULATE_WRITE, Linux 5.14).  That site then takes 19,000 faults
 * and 11 % less time (paired runs, 426 → 381 ms), for 11 MB more peak
 * memory (279 → 290 MB: the last growth, faulted in but not all used).
 * NULL, and nothing to do, where malloc is not glibc's on brk
 * (sanitizers, valgrind) or the thread cannot start.
 * heap_prefault_stop() stops and frees it (NULL is allowed).
 */
struct heap_prefault;
struct heap_prefault *heap_prefault_start(void);
void heap_prefault_stop(struct heap_prefault *p);

#endif
