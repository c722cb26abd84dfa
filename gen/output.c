/*
 * output — the build's output folder, swapped in as one unit (see
 * output.h for the layout and what it guarantees).
 */
#define _DEFAULT_SOURCE /* flock, realpath, MSG_NOSIGNAL */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define S_META ".uprgen"
#define S_LINK_PREFIX S_META "/current/"
#define S_GEN_PREFIX "out-"

struct output {
	struct arena *a;
	const char *out;     /* OUT as the user gave it */
	const char *meta;    /* OUT/.uprgen */
	const char *staging; /* OUT/.uprgen/out-XXXXXX */
	const char *current; /* the generation shown ("out-..."), or NULL */
	int lock_fd;
	bool committed;
};

/* ------------------------------------------------------------ files */

/* Removes path and everything under it, without following links;
 * whether it is gone. */
static bool S_remove_at(int dir, const char *name)
{
	if (unlinkat(dir, name, 0) == 0 || errno == ENOENT)
		return true;
	if (errno != EISDIR && errno != EPERM)
		return false;
	int fd = openat(dir, name,
			O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return false;
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return false;
	}
	bool ok = true;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			ok = S_remove_at(dirfd(d), e->d_name) && ok;
	closedir(d);
	return (unlinkat(dir, name, AT_REMOVEDIR) == 0 || errno == ENOENT) &&
	       ok;
}

static bool S_remove_tree(const char *path)
{
	return S_remove_at(AT_FDCWD, path);
}

static bool S_copy_file(int from_dir, int to_dir, const char *name,
			mode_t mode)
{
	int in = openat(from_dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (in < 0)
		return false;
	int out = openat(to_dir, name,
			 O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			 mode & 0777);
	bool ok = out >= 0;
	char buf[65536];
	ssize_t n;
	while (ok && (n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		for (ssize_t done = 0, w; ok && n > 0 && done < n; done += w) {
			w = write(out, buf + done, (size_t)(n - done));
			ok = w > 0 || (w < 0 && errno == EINTR);
			w = w < 0 ? 0 : w;
		}
		ok = ok && n > 0;
	}
	close(in);
	if (out >= 0 && close(out) != 0)
		ok = false;
	return ok;
}

/* name in from_dir, and everything under it, into to_dir: the files as
 * hard links (generations never change a file once written), copies
 * where the file system has no hard links. */
static bool S_link_tree(int from_dir, int to_dir, const char *name)
{
	struct stat st;
	if (fstatat(from_dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return false;
	if (S_ISREG(st.st_mode))
		return linkat(from_dir, name, to_dir, name, 0) == 0 ||
		       S_copy_file(from_dir, to_dir, name, st.st_mode);
	if (S_ISLNK(st.st_mode)) {
		char target[PATH_MAX];
		ssize_t n = readlinkat(from_dir, name, target,
				       sizeof target - 1);
		if (n < 0)
			return false;
		target[n] = '\0';
		return symlinkat(target, to_dir, name) == 0;
	}
	if (!S_ISDIR(st.st_mode))
		return true; /* nothing a build writes */
	if (mkdirat(to_dir, name, 0777) != 0 && errno != EEXIST)
		return false;
	int from = openat(from_dir, name,
			  O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	int to = openat(to_dir, name,
			O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = from >= 0 && to >= 0 ? fdopendir(from) : NULL;
	bool ok = d != NULL;
	if (!d && from >= 0)
		close(from);
	struct dirent *e;
	while (ok && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			ok = S_link_tree(dirfd(d), to, e->d_name);
	if (d)
		closedir(d);
	if (to >= 0)
		close(to);
	return ok;
}

/* The generation `current` names, when it is a link of uprgen's: a bare
 * "out-..." name.  NULL when there is none. */
static const char *S_read_current(struct arena *a, const char *meta)
{
	char target[NAME_MAX + 1];
	ssize_t n = readlink(arena_printf(a, "%s/current", meta), target,
			     sizeof target - 1);
	if (n <= 0)
		return NULL;
	target[n] = '\0';
	if (strncmp(target, S_GEN_PREFIX, strlen(S_GEN_PREFIX)) ||
	    strchr(target, '/') || !strcmp(target, "..") ||
	    !strcmp(target, "."))
		return NULL;
	return arena_strndup(a, target, (size_t)n);
}

/* Whether OUT/name is a link uprgen made: ".uprgen/current/NAME". */
static bool S_is_ours(struct arena *a, const char *out, const char *name)
{
	char target[PATH_MAX];
	ssize_t n = readlink(arena_printf(a, "%s/%s", out, name), target,
			     sizeof target - 1);
	if (n < 0)
		return false;
	target[n] = '\0';
	return !strncmp(target, S_LINK_PREFIX, strlen(S_LINK_PREFIX)) &&
	       !strcmp(target + strlen(S_LINK_PREFIX), name);
}

/* ------------------------------------------------------------ guard */

static int S_guard_fd = -1;

/* The guard process: reads "LOCK\tPATH\n" lines until the build's end
 * of the socket closes (the build ended, however), then removes each
 * PATH, under LOCK, unless it is the generation shown. */
static void S_guard(int fd)
{
	static const int ignored[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT,
				      SIGPIPE};
	for (size_t i = 0; i < sizeof ignored / sizeof *ignored; i++)
		signal(ignored[i], SIG_IGN);
	int null = open("/dev/null", O_RDWR);
	for (int i = 0; null >= 0 && i < 3; i++)
		dup2(null, i);
	struct buf b;
	buf_init(&b);
	char chunk[4096];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		buf_put(&b, chunk, (size_t)n);
	}
	buf_putc(&b, '\0');
	for (char *line = b.data, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (!next)
			break;
		*next++ = '\0';
		char *path = strchr(line, '\t');
		if (!path)
			continue;
		*path++ = '\0';
		int lock = open(line, O_RDWR | O_CLOEXEC);
		if (lock >= 0)
			flock(lock, LOCK_EX);
		/* PATH is META/out-...; current is META/current */
		char *slash = strrchr(path, '/');
		struct arena a;
		arena_init(&a);
		const char *meta = slash ? arena_strndup(&a, path,
							 (size_t)(slash - path))
					 : ".";
		const char *cur = S_read_current(&a, meta);
		if (!cur || strcmp(cur, slash ? slash + 1 : path))
			S_remove_tree(path);
		arena_free(&a);
		if (lock >= 0)
			close(lock);
	}
	buf_free(&b);
}

void output_guard_start(void)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return;
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		close(sv[0]);
		S_guard(sv[1]);
		_exit(0);
	}
	close(sv[1]);
	if (pid < 0)
		close(sv[0]);
	else
		S_guard_fd = sv[0];
}

/* Tells the guard to remove path if the build ends before showing it. */
static void S_guard_watch(const char *lock, const char *path)
{
	if (S_guard_fd < 0)
		return;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s\t%s\n", lock, path);
	size_t done = 0;
	while (done < b.len) {
		ssize_t n = send(S_guard_fd, b.data + done, b.len - done,
				 MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	buf_free(&b);
}

/* ------------------------------------------------------------- paths */

/* path made absolute and free of links, "." and "..", as far as it
 * exists; the rest appended and normalised as text. */
static char *S_resolve(struct arena *a, const char *path)
{
	struct buf rest;
	buf_init(&rest);
	char *head = arena_strndup(a, path, strlen(path));
	char *real = NULL;
	for (;;) {
		real = realpath(*head ? head : ".", NULL);
		if (real || errno != ENOENT)
			break;
		char *slash = strrchr(head, '/');
		char *tail = slash ? slash + 1 : head;
		struct buf t;
		buf_init(&t);
		buf_printf(&t, "%s%s%s", tail, rest.len ? "/" : "",
			   rest.len ? rest.data : "");
		buf_clear(&rest);
		buf_put(&rest, t.data, t.len);
		buf_free(&t);
		if (!slash) {
			*head = '\0';
		} else {
			while (slash > head && slash[-1] == '/')
				slash--;
			*slash = '\0';
			if (slash == head) {
				head[0] = '/';
				head[1] = '\0';
			}
		}
	}
	if (!real) {
		buf_free(&rest);
		return NULL;
	}
	struct buf r;
	buf_init(&r);
	buf_puts(&r, strcmp(real, "/") ? real : "");
	free(real);
	buf_putc(&rest, '\0');
	for (char *c = rest.data, *next; c && *c; c = next) {
		next = strchr(c, '/');
		if (next)
			*next++ = '\0';
		if (!*c || !strcmp(c, "."))
			continue;
		if (!strcmp(c, "..")) {
			while (r.len && r.data[r.len - 1] != '/')
				r.len--;
			if (r.len)
				r.len--;
			continue;
		}
		buf_putc(&r, '/');
		buf_puts(&r, c);
	}
	buf_free(&rest);
	char *s = arena_strndup(a, r.len ? r.data : "/", r.len ? r.len : 1);
	buf_free(&r);
	return s;
}

/* Whether path is dir or inside it (both resolved). */
static bool S_within(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return !strncmp(path, dir, n) &&
	       (path[n] == '\0' || path[n] == '/' || !strcmp(dir, "/"));
}

/* ------------------------------------------------------------- open */

static bool S_refuse_inside(struct arena *a, struct diags *d,
			    const char *out, const char *resolved,
			    const char *project, const char *folder)
{
	char *dir = realpath(arena_printf(a, "%s/%s", project, folder), NULL);
	bool inside = dir && S_within(resolved, dir);
	free(dir);
	if (inside)
		diag_error(d, (struct source_pos){0},
			   "the output folder '%s' is inside the project's "
			   "%s/ folder: a build there would mix its output "
			   "with the sources (choose another --out)",
			   out, folder);
	return inside;
}

/* Whether none of names is in out but as uprgen's link; errors in d. */
static bool S_check_names(struct arena *a, struct diags *d, const char *out,
			  const char *const *names)
{
	struct stat st;
	bool ok = true;
	for (size_t i = 0; names && names[i]; i++) {
		const char *path = arena_printf(a, "%s/%s", out, names[i]);
		if (lstat(path, &st) != 0 || S_is_ours(a, out, names[i]))
			continue;
		diag_error(d, (struct source_pos){path, 0, 0},
			   "%s; uprgen replaces only what it made (its links "
			   "to %s/current/), so it is left as it is: move it "
			   "away, or build with another --out",
			   S_ISLNK(st.st_mode)
				   ? "is a link uprgen did not make (a web "
				     "root?)"
				   : S_ISDIR(st.st_mode)
				   ? "is a folder uprgen did not make (or "
				     "an older uprgen made, before its "
				     "output was marked)"
				   : "is a file uprgen did not make",
			   S_META);
		ok = false;
	}
	return ok;
}

struct output *output_open(struct arena *a, struct diags *d, const char *out,
			   const char *project, const char *const *names,
			   enum output_status *status)
{
	*status = OUTPUT_USAGE;
	const char *resolved = S_resolve(a, out);
	if (!resolved) {
		diag_error(d, (struct source_pos){out, 0, 0},
			   "cannot use this output folder: %s",
			   strerror(errno));
		*status = OUTPUT_REFUSED;
		return NULL;
	}
	if (S_refuse_inside(a, d, out, resolved, project, "content") ||
	    S_refuse_inside(a, d, out, resolved, project, "templates"))
		return NULL;
	*status = OUTPUT_REFUSED;
	/* before anything is made, and again under the lock */
	if (!S_check_names(a, d, out, names))
		return NULL;
	struct output *o = arena_alloc(a, sizeof *o);
	*o = (struct output){.a = a, .out = out, .lock_fd = -1};
	o->meta = arena_printf(a, "%s/" S_META, out);
	struct stat st;
	if (!file_mkdirs(o->meta) || stat(o->meta, &st) != 0 ||
	    !S_ISDIR(st.st_mode)) {
		diag_error(d, (struct source_pos){o->meta, 0, 0},
			   "cannot create the output folder: %s",
			   strerror(errno ? errno : ENOTDIR));
		return NULL;
	}
	const char *lock = arena_printf(a, "%s/lock", o->meta);
	o->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (o->lock_fd < 0) {
		diag_error(d, (struct source_pos){lock, 0, 0},
			   "cannot create the lock of the output folder: %s",
			   strerror(errno));
		return NULL;
	}
	if (flock(o->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		fprintf(stderr,
			"uprgen build: another build is writing to %s; "
			"waiting for it to finish\n",
			out);
		while (flock(o->lock_fd, LOCK_EX) != 0 && errno == EINTR)
			;
	}
	bool ok = S_check_names(a, d, out, names);
	if (!ok) {
		output_close(o);
		return NULL;
	}
	/* What a killed build left, and a half-made switch */
	o->current = S_read_current(a, o->meta);
	DIR *dir = opendir(o->meta);
	struct dirent *e;
	while (dir && (e = readdir(dir)))
		if ((!strncmp(e->d_name, S_GEN_PREFIX, strlen(S_GEN_PREFIX)) &&
		     (!o->current || strcmp(e->d_name, o->current))) ||
		    !strcmp(e->d_name, "current.new"))
			S_remove_tree(
				arena_printf(a, "%s/%s", o->meta, e->d_name));
	if (dir)
		closedir(dir);
	/* The guard is told of the folder before it exists, so that a kill
	 * at any moment leaves nothing behind; the name is the build's own
	 * (no other build runs here: the lock), and any older folder of
	 * that name was removed above. */
	char *staging = NULL;
	int made = -1;
	for (int n = 0; n < 100 && made != 0; n++) {
		/* the shown generation may have had this process id */
		staging = arena_printf(a, "%s/" S_GEN_PREFIX "%ld-%d", o->meta,
				       (long)getpid(), n);
		S_guard_watch(lock, staging);
		made = mkdir(staging, 0777);
		if (made != 0 && errno != EEXIST)
			break;
	}
	if (made != 0) {
		diag_error(d, (struct source_pos){o->meta, 0, 0},
			   "cannot create the output folder: %s",
			   strerror(errno));
		output_close(o);
		return NULL;
	}
	o->staging = staging;
	*status = OUTPUT_OK;
	return o;
}

const char *output_staging(const struct output *o)
{
	return o->staging;
}

bool output_keep(struct output *o, struct diags *d, const char *name)
{
	if (!o->current)
		return false;
	const char *from = arena_printf(o->a, "%s/%s", o->meta, o->current);
	struct stat st;
	if (lstat(arena_printf(o->a, "%s/%s", from, name), &st) != 0)
		return false;
	int f = open(from, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int t = open(o->staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool ok = f >= 0 && t >= 0 && S_link_tree(f, t, name);
	if (f >= 0)
		close(f);
	if (t >= 0)
		close(t);
	if (!ok)
		diag_error(d, (struct source_pos){o->staging, 0, 0},
			   "cannot carry %s over from the previous build: %s",
			   name, strerror(errno));
	return ok;
}

/* ------------------------------------------------------------ commit */

bool output_commit(struct output *o, struct diags *d)
{
	struct arena *a = o->a;
	/* 1. the links to the new generation's entries: made where missing,
	 *    so they show nothing until the switch */
	DIR *dir = opendir(o->staging);
	if (!dir) {
		diag_error(d, (struct source_pos){o->staging, 0, 0},
			   "cannot read the new output: %s", strerror(errno));
		return false;
	}
	const char **made = NULL;
	size_t made_count = 0, made_cap = 0;
	bool ok = true;
	struct dirent *e;
	while (ok && (e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		const char *name = arena_strndup(a, e->d_name,
						 strlen(e->d_name));
		const char *link = arena_printf(a, "%s/%s", o->out, name);
		if (symlink(arena_printf(a, S_LINK_PREFIX "%s", name),
			    link) == 0) {
			if (made_count == made_cap) {
				made_cap = made_cap ? 2 * made_cap : 8;
				made = xrealloc(made,
						made_cap * sizeof *made);
			}
			made[made_count++] = link;
		} else if (errno != EEXIST) {
			diag_error(d, (struct source_pos){link, 0, 0},
				   "cannot make this link to the output: %s "
				   "(the output folder must be on a file "
				   "system with symbolic links)",
				   strerror(errno));
			ok = false;
		} else if (!S_is_ours(a, o->out, name)) {
			diag_error(d, (struct source_pos){link, 0, 0},
				   "is not uprgen's (it appeared during the "
				   "build): left as it is");
			ok = false;
		}
	}
	closedir(dir);
	/* The guard learns of the old generation before the switch, not
	 * after: a build killed between the two left it behind (seen once
	 * in 50 killed builds, tests/build/output.sh).  Told now, the guard
	 * keeps it while it is still the one shown. */
	const char *old = o->current ? arena_printf(a, "%s/%s", o->meta,
						    o->current)
				     : NULL;
	if (ok && old)
		S_guard_watch(arena_printf(a, "%s/lock", o->meta), old);
	/* 2. the switch: one rename of one link */
	const char *next = arena_printf(a, "%s/current.new", o->meta);
	const char *current = arena_printf(a, "%s/current", o->meta);
	const char *gen = strrchr(o->staging, '/') + 1;
	if (ok) {
		unlink(next);
		ok = symlink(gen, next) == 0 && rename(next, current) == 0;
		if (!ok) {
			diag_error(d, (struct source_pos){current, 0, 0},
				   "cannot switch to the new output: %s",
				   strerror(errno));
			unlink(next);
		}
	}
	if (!ok) {
		for (size_t i = 0; i < made_count; i++)
			unlink(made[i]);
		free(made);
		return false;
	}
	free(made);
	o->committed = true;
	/* 3. the links the new output has no target for, and the old one */
	dir = opendir(o->out);
	while (dir && (e = readdir(dir))) {
		const char *path = arena_printf(a, "%s/%s", o->out, e->d_name);
		struct stat st;
		if (S_is_ours(a, o->out, e->d_name) && stat(path, &st) != 0 &&
		    errno == ENOENT)
			unlink(path);
	}
	if (dir)
		closedir(dir);
	if (old) {
		if (!S_remove_tree(old))
			diag_warning(d, (struct source_pos){old, 0, 0},
				     "the new output is in place, but the "
				     "previous one could not be removed (%s); "
				     "the next build tries again",
				     strerror(errno));
	}
	return true;
}

void output_close(struct output *o)
{
	if (!o)
		return;
	if (o->staging && !o->committed)
		S_remove_tree(o->staging);
	if (o->lock_fd >= 0)
		close(o->lock_fd);
	o->lock_fd = -1;
}
