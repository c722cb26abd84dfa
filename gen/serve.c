/* serve — the live preview.  See serve.h. */
#define _GNU_SOURCE /* pipe2, realpath, signalfd */
#include "serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "cli.h"
#include "escape.h"
#include "util.h"

extern char **environ;

static const char S_usage[] =
	"usage: uprgen serve [-C DIR] [--out DIR] [--port N] [--host ADDR]\n"
	"\n"
	"Builds the website of DIR (default: the current folder) into\n"
	"OUT/site (default DIR/build), serves it at http://127.0.0.1:PORT/ and\n"
	"rebuilds it whenever a file of DIR/content or DIR/templates changes;\n"
	"open pages reload by themselves, and show the errors while the\n"
	"content has some.  Ctrl-C stops it.\n"
	"  -C DIR       the report project folder\n"
	"  --out DIR    where to build (default DIR/build)\n"
	"  --port N     the port (default 8000; 0: any free one, printed)\n"
	"  --host ADDR  listen on ADDR instead of 127.0.0.1 (the loopback):\n"
	"               other machines can then read the preview\n";

/* What a served page gets before </body>: reload at each rebuild. */
static const char S_reload[] =
	"<script>new EventSource(\"/__uprgen/events\").onmessage="
	"function(){location.reload()};</script>\n";

/* HTML pages are read into memory to add the script: bounded. */
enum { S_MAX_PAGE = 256 * 1024 * 1024, S_MAX_MESSAGES = 1024 * 1024 };

struct S_server {
	const char *dir, *out, *site;
	char self[PATH_MAX]; /* this executable: builds run it */
	pthread_mutex_t lock;
	pthread_cond_t changed;
	unsigned long generation; /* builds so far */
	bool ok;                  /* the last build succeeded */
	char *messages;           /* its messages (stderr) */
	bool stopping;
};

/* ---- building -------------------------------------------------------- */

static double S_ms(const struct timespec *from)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - from->tv_sec) * 1e3 +
	       (double)(now.tv_nsec - from->tv_nsec) / 1e6;
}

/* `uprgen build -C DIR --out OUT --format html` in a child process, its
 * stderr kept (bounded) for the error page. */
static void S_build(struct S_server *S)
{
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	int fds[2];
	struct buf msg;
	buf_init(&msg);
	bool ok = false;
	if (pipe2(fds, O_CLOEXEC) == 0) {
		posix_spawn_file_actions_t fa;
		posix_spawnattr_t at;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
		posix_spawnattr_init(&at);
		sigset_t none;
		sigemptyset(&none);
		posix_spawnattr_setsigmask(&at, &none);
		posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK);
		char *argv[] = {"uprgen", "build", "-C", (char *)S->dir, "--out",
				(char *)S->out, "--format", "html", NULL};
		pid_t pid;
		int err = posix_spawn(&pid, S->self, &fa, &at, argv, environ);
		close(fds[1]);
		if (!err) {
			char chunk[4096];
			ssize_t n;
			while ((n = read(fds[0], chunk, sizeof chunk)) > 0 ||
			       (n < 0 && errno == EINTR))
				if (n > 0 && msg.len < S_MAX_MESSAGES)
					buf_put(&msg, chunk, (size_t)n);
			int status;
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
		} else {
			buf_printf(&msg, "uprgen serve: cannot run %s: %s\n",
				   S->self, strerror(err));
		}
		close(fds[0]);
		posix_spawn_file_actions_destroy(&fa);
		posix_spawnattr_destroy(&at);
	} else {
		buf_printf(&msg, "uprgen serve: %s\n", strerror(errno));
	}
	if (msg.len)
		fwrite(msg.data, 1, msg.len, stderr);
	fprintf(stderr, "uprgen serve: %s in %.0f ms\n",
		ok ? "built" : "the build failed", S_ms(&start));
	pthread_mutex_lock(&S->lock);
	free(S->messages);
	S->messages = xstrdup(msg.data ? msg.data : "");
	S->ok = ok;
	S->generation++;
	pthread_cond_broadcast(&S->changed);
	pthread_mutex_unlock(&S->lock);
	buf_free(&msg);
}

/* ---- answering ------------------------------------------------------- */

static enum MHD_Result S_send(struct MHD_Connection *c, unsigned status,
			      struct MHD_Response *r, const char *type)
{
	if (!r)
		return MHD_NO;
	if (type)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	enum MHD_Result ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result S_text(struct MHD_Connection *c, unsigned status,
			      const char *text)
{
	return S_send(c, status,
		      MHD_create_response_from_buffer(strlen(text), (void *)text,
						      MHD_RESPMEM_MUST_COPY),
		      "text/plain; charset=utf-8");
}

/* The lines of messages that are errors (want_errors) or the others,
 * escaped into b. */
static void S_message_lines(struct buf *b, const char *messages,
			    bool want_errors)
{
	for (const char *line = messages; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line + 1) : strlen(line);
		bool error = memmem(line, len, ": error: ", 9) != NULL;
		if (error == want_errors)
			escape_html(b, line, len);
		line += len;
	}
}

/* The page of a failed build: its errors first, where the eye falls
 * (behind a score of warnings they were out of sight), then the rest of
 * its messages, as the terminal shows them. */
static enum MHD_Result S_error_page(struct S_server *S, struct MHD_Connection *c)
{
	static const char pre[] = "<pre style=\"white-space:pre-wrap;"
				  "font-size:1rem;padding:1rem;"
				  "border-left:6px solid ";
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		     "<meta name=\"viewport\" content=\"width=device-width, "
		     "initial-scale=1\">"
		     "<title>uprgen build</title></head>\n<body>\n");
	pthread_mutex_lock(&S->lock);
	const char *messages = S->messages ? S->messages : "";
	buf_printf(&b, "%s#b3261e\">", pre);
	S_message_lines(&b, messages, true);
	buf_printf(&b, "</pre>\n%s#8a8a8a\">", pre);
	S_message_lines(&b, messages, false);
	pthread_mutex_unlock(&S->lock);
	buf_puts(&b, "</pre>\n");
	buf_puts(&b, S_reload);
	buf_puts(&b, "</body></html>\n");
	return S_send(c, MHD_HTTP_OK,
		      MHD_create_response_from_buffer(b.len, b.data,
						      MHD_RESPMEM_MUST_FREE),
		      "text/html; charset=utf-8");
}

/* Server-sent events: "reload" once per build after the page's own. */
struct S_events {
	struct S_server *S;
	unsigned long seen;
};

static ssize_t S_events_read(void *cls, uint64_t pos, char *out, size_t max)
{
	(void)pos;
	struct S_events *e = cls;
	struct S_server *S = e->S;
	static const char reload[] = "data: reload\n\n", ping[] = ": ping\n\n";
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 15;
	pthread_mutex_lock(&S->lock);
	while (!S->stopping && S->generation == e->seen &&
	       pthread_cond_timedwait(&S->changed, &S->lock, &until) == 0)
		;
	bool stop = S->stopping, changed = S->generation != e->seen;
	e->seen = S->generation;
	pthread_mutex_unlock(&S->lock);
	if (stop)
		return MHD_CONTENT_READER_END_OF_STREAM;
	const char *msg = changed ? reload : ping;
	size_t n = strlen(msg);
	if (n > max)
		return 0;
	memcpy(out, msg, n);
	return (ssize_t)n;
}

static const char *S_type(const char *path)
{
	static const char *const types[][2] = {
		{".html", "text/html; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".svg", "image/svg+xml"},
		{".png", "image/png"},
		{".jpg", "image/jpeg"},
		{".jpeg", "image/jpeg"},
		{".json", "application/json"},
		{".csv", "text/csv; charset=utf-8"},
		{".xml", "application/xml"},
		{".txt", "text/plain; charset=utf-8"},
		{".pdf", "application/pdf"},
		{".docx", "application/vnd.openxmlformats-officedocument."
			  "wordprocessingml.document"}};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof *types; i++)
		if (!strcmp(dot, types[i][0]))
			return types[i][1];
	return "application/octet-stream";
}

/* The file of url inside the site, NULL when there is none: no "..",
 * and once its links are resolved, still inside the site. */
static char *S_file(struct S_server *S, const char *url)
{
	if (url[0] != '/' || strstr(url, "/../") || strstr(url, "\\") ||
	    (strlen(url) >= 3 && !strcmp(url + strlen(url) - 3, "/..")))
		return NULL;
	char *top = realpath(S->site, NULL);
	if (!top)
		return NULL;
	size_t n = strlen(url);
	char *path = xmalloc(strlen(top) + n + 16);
	sprintf(path, "%s%s%s", top, url, url[n - 1] == '/' ? "index.html" : "");
	struct stat st;
	if (!stat(path, &st) && S_ISDIR(st.st_mode))
		strcat(path, "/index.html");
	char *real = realpath(path, NULL);
	free(path);
	size_t tl = strlen(top);
	bool inside = real && !strncmp(real, top, tl) && real[tl] == '/' &&
		      !stat(real, &st) && S_ISREG(st.st_mode);
	free(top);
	if (!inside) {
		free(real);
		return NULL;
	}
	return real;
}

/* Whether url names a folder of the site without its final slash. */
static bool S_is_folder(struct S_server *S, const char *url)
{
	size_t n = strlen(url);
	if (n < 2 || url[n - 1] == '/' || strstr(url, "..") ||
	    strchr(url, '\\'))
		return false;
	char *path = xmalloc(strlen(S->site) + n + 1);
	sprintf(path, "%s%s", S->site, url);
	struct stat st;
	bool folder = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	free(path);
	return folder;
}

/* An HTML page with the reload script before its </body>. */
static enum MHD_Result S_page(struct MHD_Connection *c, const char *path,
			      unsigned status)
{
	char *data;
	size_t len;
	if (file_read_all(path, S_MAX_PAGE, &data, &len))
		return S_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read\n");
	struct buf b;
	buf_init(&b);
	const char *end = NULL;
	for (const char *p = data; (p = strstr(p, "</body>")); p++)
		end = p;
	size_t at = end ? (size_t)(end - data) : len;
	buf_put(&b, data, at);
	buf_puts(&b, S_reload);
	buf_put(&b, data + at, len - at);
	free(data);
	return S_send(c, status,
		      MHD_create_response_from_buffer(b.len, b.data,
						      MHD_RESPMEM_MUST_FREE),
		      S_type(path));
}

static enum MHD_Result S_answer(void *cls, struct MHD_Connection *c,
				const char *url, const char *method,
				const char *version, const char *upload,
				size_t *upload_size, void **state)
{
	(void)version;
	(void)upload;
	(void)state;
	struct S_server *S = cls;
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return S_text(c, MHD_HTTP_METHOD_NOT_ALLOWED, "GET only\n");
	if (*upload_size)
		return MHD_NO;
	if (!strcmp(url, "/__uprgen/events")) {
		struct S_events *e = xmalloc(sizeof *e);
		pthread_mutex_lock(&S->lock);
		*e = (struct S_events){S, S->generation};
		pthread_mutex_unlock(&S->lock);
		return S_send(c, MHD_HTTP_OK,
			      MHD_create_response_from_callback(
				      MHD_SIZE_UNKNOWN, 256, S_events_read, e,
				      free),
			      "text/event-stream");
	}
	if (S_is_folder(S, url)) {
		/* /es shown as /es/ would lead every relative link astray */
		struct MHD_Response *r = MHD_create_response_from_buffer(
			0, "", MHD_RESPMEM_PERSISTENT);
		char *to = xmalloc(strlen(url) + 2);
		sprintf(to, "%s/", url);
		if (r)
			MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, to);
		free(to);
		return S_send(c, MHD_HTTP_MOVED_PERMANENTLY, r, NULL);
	}
	char *path = S_file(S, url);
	const char *type = path ? S_type(path) : "text/html";
	pthread_mutex_lock(&S->lock);
	bool ok = S->ok;
	pthread_mutex_unlock(&S->lock);
	if (!ok && !strncmp(type, "text/html", 9)) {
		free(path);
		return S_error_page(S, c);
	}
	if (!path) {
		char *nf = S_file(S, "/404.html");
		enum MHD_Result r = nf ? S_page(c, nf, MHD_HTTP_NOT_FOUND)
				       : S_text(c, MHD_HTTP_NOT_FOUND,
						"not found\n");
		free(nf);
		return r;
	}
	enum MHD_Result r;
	if (!strncmp(type, "text/html", 9)) {
		r = S_page(c, path, MHD_HTTP_OK);
	} else {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		struct stat st;
		if (fd < 0 || fstat(fd, &st)) {
			if (fd >= 0)
				close(fd);
			r = S_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
		} else {
			r = S_send(c, MHD_HTTP_OK,
				   MHD_create_response_from_fd((uint64_t)st.st_size,
							       fd),
				   type);
		}
	}
	free(path);
	return r;
}

/* ---- watching -------------------------------------------------------- */

/* Watches path and every folder under it (again after each change: new
 * folders are watched too; a folder watched already keeps its watch). */
static void S_watch(int fd, const char *path, int depth)
{
	const uint32_t what = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
			      IN_CREATE | IN_DELETE | IN_DELETE_SELF |
			      IN_MOVE_SELF | IN_ONLYDIR;
	if (depth > 16 || inotify_add_watch(fd, path, what) < 0)
		return;
	DIR *d = opendir(path);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *sub = xmalloc(strlen(path) + strlen(e->d_name) + 2);
		sprintf(sub, "%s/%s", path, e->d_name);
		struct stat st;
		if (!lstat(sub, &st) && S_ISDIR(st.st_mode))
			S_watch(fd, sub, depth + 1);
		free(sub);
	}
	closedir(d);
}

/* Returns the watch of the project folder itself. */
static int S_watch_all(struct S_server *S, int fd)
{
	char *p = xmalloc(strlen(S->dir) + 16);
	sprintf(p, "%s/content", S->dir);
	S_watch(fd, p, 0);
	sprintf(p, "%s/templates", S->dir);
	S_watch(fd, p, 0);
	free(p);
	/* the project itself, for a templates/ made after the start */
	return inotify_add_watch(fd, S->dir, IN_CREATE | IN_MOVED_TO | IN_ONLYDIR);
}

/* Reads what inotify says until it has been quiet for 15 ms (an editor
 * saves in several steps); whether anything the build reads changed (in
 * the project folder itself only templates/ counts: the build writes
 * build/ and .uprgen/ there). */
static bool S_drain(int fd, int root)
{
	char events[16384] __attribute__((aligned(8)));
	struct pollfd p = {fd, POLLIN, 0};
	bool changed = false;
	do {
		ssize_t n;
		while ((n = read(fd, events, sizeof events)) > 0) {
			for (char *e = events; e < events + n;) {
				const struct inotify_event *ev = (void *)e;
				if (ev->wd != root ||
				    (ev->len && !strcmp(ev->name, "templates")))
					changed = true;
				e += sizeof *ev + ev->len;
			}
		}
	} while (poll(&p, 1, 15) > 0);
	return changed;
}

/* ---- the command ----------------------------------------------------- */

int serve_command(int argc, char **argv)
{
	const char *dir = ".", *out = NULL, *host = "127.0.0.1";
	long port = 8000;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(S_usage, stdout);
			return 0;
		} else if (!strcmp(a, "-C") && i + 1 < argc) {
			dir = argv[++i];
		} else if (!strcmp(a, "--out") && i + 1 < argc) {
			out = argv[++i];
		} else if (!strcmp(a, "--host") && i + 1 < argc) {
			host = argv[++i];
		} else if (!strcmp(a, "--port") && i + 1 < argc) {
			if (!cli_number(argv[++i], 0, 65535, &port))
				return cli_usage_error(
					"serve", "--port is a number from 0 to "
						 "65535, not '%s'", argv[i]);
		} else {
			return cli_unexpected("serve", a);
		}
	}
	struct sockaddr_in v4 = {0};
	struct sockaddr_in6 v6 = {0};
	bool ipv6 = false;
	if (inet_pton(AF_INET, host, &v4.sin_addr) == 1) {
		v4.sin_family = AF_INET;
		v4.sin_port = htons((uint16_t)port);
	} else if (inet_pton(AF_INET6, host, &v6.sin6_addr) == 1) {
		v6.sin6_family = AF_INET6;
		v6.sin6_port = htons((uint16_t)port);
		ipv6 = true;
	} else {
		return cli_usage_error("serve", "--host is an IP address "
						"(127.0.0.1, ::1), not '%s'",
				       host);
	}
	/* no project: nothing to serve nor to watch (build says the same) */
	struct stat content;
	char *content_dir = xmalloc(strlen(dir) + 16);
	sprintf(content_dir, "%s/content", dir);
	bool project = stat(content_dir, &content) == 0 &&
		       S_ISDIR(content.st_mode);
	if (!project)
		fprintf(stderr,
			"%s: error: no content folder here; run uprgen serve "
			"in a report project (or give -C DIR), or create one "
			"with 'uprgen new DIR --state NAME'\n",
			content_dir);
	free(content_dir);
	if (!project)
		return CLI_EXIT_CONTENT;
	static struct S_server server;
	struct S_server *S = &server;
	S->dir = dir;
	char *outp = NULL, *sitep;
	if (!out) {
		outp = xmalloc(strlen(dir) + 8);
		sprintf(outp, "%s/build", dir);
		out = outp;
	}
	S->out = out;
	sitep = xmalloc(strlen(out) + 8);
	sprintf(sitep, "%s/site", out);
	S->site = sitep;
	ssize_t n = readlink("/proc/self/exe", S->self, sizeof S->self - 1);
	if (n <= 0) {
		fprintf(stderr, "uprgen serve: cannot find this program: %s\n",
			strerror(errno));
		return CLI_EXIT_CONTENT;
	}
	S->self[n] = '\0';
	pthread_mutex_init(&S->lock, NULL);
	pthread_cond_init(&S->changed, NULL);

	/* SIGINT and SIGTERM come through a descriptor, to the main loop
	 * only: blocked before the server's threads start, so in them too */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	int sfd = signalfd(-1, &stop, SFD_CLOEXEC);
	int ifd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	if (sfd < 0 || ifd < 0) {
		fprintf(stderr, "uprgen serve: %s\n", strerror(errno));
		return CLI_EXIT_CONTENT;
	}
	int root = S_watch_all(S, ifd);
	S_build(S);

	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
			MHD_USE_ERROR_LOG | (ipv6 ? MHD_USE_IPv6 : 0),
		(uint16_t)port, NULL, NULL, S_answer, S, MHD_OPTION_SOCK_ADDR,
		ipv6 ? (struct sockaddr *)&v6 : (struct sockaddr *)&v4,
		MHD_OPTION_CONNECTION_LIMIT, 64u, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "uprgen serve: cannot listen on %s port %ld\n",
			host, port);
		return CLI_EXIT_CONTENT;
	}
	const union MHD_DaemonInfo *info =
		MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	printf("serving http://%s%s%s:%u/ (Ctrl-C stops)\n", ipv6 ? "[" : "",
	       host, ipv6 ? "]" : "", info ? info->port : (unsigned)port);
	fflush(stdout);

	for (;;) {
		struct pollfd p[2] = {{sfd, POLLIN, 0}, {ifd, POLLIN, 0}};
		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		if (p[0].revents)
			break;
		if (p[1].revents && S_drain(ifd, root)) {
			root = S_watch_all(S, ifd);
			S_build(S);
		}
	}
	pthread_mutex_lock(&S->lock);
	S->stopping = true;
	pthread_cond_broadcast(&S->changed);
	pthread_mutex_unlock(&S->lock);
	MHD_stop_daemon(d);
	close(ifd);
	close(sfd);
	free(S->messages);
	free(outp);
	free(sitep);
	fprintf(stderr, "uprgen serve: stopped\n");
	return 0;
}
