/* thread — see thread.h. */
#define _GNU_SOURCE
#include "thread.h"

#include <sched.h>
#include <stdlib.h>

struct S_start {
	void *(*fn)(void *);
	void *arg;
	cpu_set_t allowed; /* the process's CPUs, given back once running */
};

static void *S_run(void *p)
{
	struct S_start s = *(struct S_start *)p;
	free(p);
	if (CPU_COUNT(&s.allowed))
		pthread_setaffinity_np(pthread_self(), sizeof s.allowed,
				       &s.allowed);
	return s.fn(s.arg);
}

bool thread_start(pthread_t *t, void *(*fn)(void *), void *arg)
{
	struct S_start *s = malloc(sizeof *s);
	if (!s)
		return false;
	*s = (struct S_start){fn, arg, {{0}}};
	pthread_attr_t attr;
	if (pthread_attr_init(&attr) != 0) {
		free(s);
		return false;
	}
	cpu_set_t elsewhere;
	int cpu = sched_getcpu();
	if (sched_getaffinity(0, sizeof s->allowed, &s->allowed) == 0 &&
	    cpu >= 0 && CPU_ISSET(cpu, &s->allowed) &&
	    CPU_COUNT(&s->allowed) > 1) {
		elsewhere = s->allowed;
		CPU_CLR(cpu, &elsewhere);
		pthread_attr_setaffinity_np(&attr, sizeof elsewhere, &elsewhere);
	}
	bool ok = pthread_create(t, &attr, S_run, s) == 0;
	pthread_attr_destroy(&attr);
	if (!ok)
		free(s);
	return ok;
}
