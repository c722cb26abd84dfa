/* thread — see thread.h. */
#include "thread.h"

#include <stdlib.h>
#include <string.h>

bool thread_single(void)
{
	const char *e = getenv("UPRGEN_THREADS");
	return e && !strcmp(e, "1");
}

bool thread_start(pthread_t *t, void *(*fn)(void *), void *arg)
{
	return !thread_single() && pthread_create(t, NULL, fn, arg) == 0;
}
