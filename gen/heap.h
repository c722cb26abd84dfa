/*
 * heap — asking the kernel to back the heap with huge pages.
 *
 * A build touches tens of megabytes within milliseconds: the YAML tree,
 * the template context, cmark-gfm's tree of the report, the pages.  With
 * 4 KiB pages that is thousands of page faults, and on the virtual
 * machines this is built and measured on each costs about 1.6 µs: for
 * the 250-recommendation website, 4,500 faults, a quarter of the build's
 * CPU time.  heap_prefer_huge_pages() makes malloc grow the heap 32 MiB
 * at a time, keeps large buffers in it rather than in mappings of their
 * own, and marks that memory for transparent huge pages (2 MiB: one
 * fault where there were 512).  What glibc's tunable glibc.malloc.hugetlb=1
 * does, which only the environment can set.  Advice only: where the
 * kernel gives no huge pages (transparent_hugepage "never"), or outside
 * glibc, nothing changes but the padding.  Called once, first thing.
 */
#ifndef UPRGEN_HEAP_H
#define UPRGEN_HEAP_H

void heap_prefer_huge_pages(void);

#endif
