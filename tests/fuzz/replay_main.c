/*
 * replay_main — runs a fuzz target without libFuzzer (any compiler): each
 * file named on the command line is given to LLVMFuzzerTestOneInput in a
 * child process of its own, under a time limit, so one crash does not
 * hide the others.  Prints "ok FILE" or "FAIL FILE (why)" for each, the
 * child's output after a failure, and ends with
 * "NAME: N passed, N failed".
 *
 *   replay [-t SECONDS] NAME FILE...
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static unsigned char *S_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	unsigned char *p = malloc(cap);
	while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			p = realloc(p, cap *= 2);
	}
	fclose(f);
	*len = n;
	return p;
}

static void S_dump(int fd)
{
	char chunk[4096];
	ssize_t n;
	size_t total = 0;
	lseek(fd, 0, SEEK_SET);
	while ((n = read(fd, chunk, sizeof chunk)) > 0 && total < (64 << 10)) {
		fwrite(chunk, 1, (size_t)n, stdout);
		total += (size_t)n;
	}
}

int main(int argc, char **argv)
{
	unsigned seconds = 10;
	int i = 1;
	if (i + 1 < argc && !strcmp(argv[i], "-t")) {
		seconds = (unsigned)atoi(argv[i + 1]);
		i += 2;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: replay [-t SECONDS] NAME FILE...\n");
		return 2;
	}
	const char *name = argv[i++];
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	int passed = 0, failed = 0;
	for (; i < argc; i++) {
		size_t len;
		unsigned char *data = S_read(argv[i], &len);
		if (!data) {
			printf("FAIL %s (cannot read: %s)\n", argv[i],
			       strerror(errno));
			failed++;
			continue;
		}
		/* REPLAY_VERBOSE=1: the target's output as it comes */
		FILE *log = getenv("REPLAY_VERBOSE") ? NULL : tmpfile();
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			if (log) {
				dup2(fileno(log), 1);
				dup2(fileno(log), 2);
			}
			alarm(seconds);
			LLVMFuzzerTestOneInput(data, len);
			exit(0); /* leaks are checked at exit */
		}
		int status = 0;
		waitpid(pid, &status, 0);
		free(data);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			printf("ok %s\n", argv[i]);
			passed++;
		} else {
			if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
				printf("FAIL %s (timeout: over %u s)\n", argv[i],
				       seconds);
			else if (WIFSIGNALED(status))
				printf("FAIL %s (signal %d)\n", argv[i],
				       WTERMSIG(status));
			else
				printf("FAIL %s (exit %d)\n", argv[i],
				       WEXITSTATUS(status));
			if (log)
				S_dump(fileno(log));
			failed++;
		}
		if (log)
			fclose(log);
	}
	printf("%s: %d passed, %d failed\n", name, passed, failed);
	return failed ? 1 : 0;
}
