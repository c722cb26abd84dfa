/*
 * thread — starting the helper threads of a build (the second half of a
 * big YAML file, the website's second writer, a PDF per language) so that
 * they run at once.
 *
 * On Linux a new thread is first queued on its creator's CPU; when the
 * creator goes on working, the thread waits there until the scheduler
 * balances the load, about 4 ms later (measured on the 2-core machines
 * this is built on: a thread started 0.1 ms or 4 ms after its creation,
 * half the time each) — as long as the work it is given.  thread_start()
 * therefore places the thread on another CPU than the caller's when the
 * process may use several, and lets it move freely once it runs.
 */
#ifndef UPRGEN_THREAD_H
#define UPRGEN_THREAD_H

#include <pthread.h>
#include <stdbool.h>

/* Like pthread_create(t, NULL, fn, arg); false when no thread started. */
bool thread_start(pthread_t *t, void *(*fn)(void *), void *arg);

#endif
