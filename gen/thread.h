/*
 * thread — where a build starts its helper threads (a PDF per language,
 * the website's second writer, the second half of a big YAML file, the
 * deflating of a PDF's pages, the freeing of a report's tree, the heap's
 * prefaulting): one place, so that one setting turns them all off.
 *
 * UPRGEN_THREADS=1 in the environment runs a build on one thread:
 * thread_start() then starts nothing and returns false, and every caller
 * does the work itself, in the same order of results (valgrind, the
 * goldens and debugging use it).  Any other value, or none: threads are
 * started.
 */
#ifndef UPRGEN_THREAD_H
#define UPRGEN_THREAD_H

#include <pthread.h>
#include <stdbool.h>

/* Like pthread_create(t, NULL, fn, arg) == 0; false when no thread
 * started (UPRGEN_THREADS=1, or pthread_create failed). */
bool thread_start(pthread_t *t, void *(*fn)(void *), void *arg);

/* Whether UPRGEN_THREADS=1 asks for one thread. */
bool thread_single(void);

#endif
