/* test_thread — thread_start() starts a thread that runs its function,
 * unless UPRGEN_THREADS=1, where it starts none and says so (the caller
 * then does the work: a build on one thread); any other value starts
 * threads as usual. */
#include <stdlib.h>

#include "thread.h"
#include "check.h"

static void *S_mark(void *arg)
{
	*(int *)arg += 1;
	return arg;
}

/* Whether a thread started with UPRGEN_THREADS set to value (NULL:
 * unset); checks that it ran exactly when it started. */
static bool S_started(const char *value)
{
	if (value)
		setenv("UPRGEN_THREADS", value, 1);
	else
		unsetenv("UPRGEN_THREADS");
	int ran = 0;
	pthread_t t;
	bool started = thread_start(&t, S_mark, &ran);
	if (started) {
		void *back = NULL;
		pthread_join(t, &back);
		CHECK(back == &ran);
	}
	CHECK(ran == (started ? 1 : 0));
	CHECK(thread_single() == !started);
	return started;
}

int main(void)
{
	CHECK(S_started(NULL));
	CHECK(!S_started("1"));
	CHECK(S_started("2"));
	CHECK(S_started("0"));
	CHECK(S_started(""));
	CHECK(!S_started("1"));
	unsetenv("UPRGEN_THREADS");
	return check_done("thread");
}
