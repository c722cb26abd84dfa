/* templates — finding template files, the user's copy before ours. */
#define _GNU_SOURCE /* memmem */
#include "templates.h"

#include "mustache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool S_is_dir(const char *p)
{
	struct stat st;
	return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool S_is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Found by walking up from the executable's folder: templates/ in a
 * checkout (build/uprgen, build/asan/uprgen), share/uprgen/templates/
 * once installed under any PREFIX (PREFIX/bin/uprgen). */
static const char *S_beside_executable(struct arena *a, const char *argv0)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0) {
		if (!argv0 || !strchr(argv0, '/'))
			return NULL;
		n = (ssize_t)strlen(argv0);
		if ((size_t)n >= sizeof exe)
			return NULL;
		memcpy(exe, argv0, (size_t)n);
	}
	exe[n] = '\0';
	for (int up = 0; up < 3; up++) {
		char *slash = strrchr(exe, '/');
		if (!slash)
			return NULL;
		*slash = '\0';
		const char *const below[] = {"templates",
					     "share/uprgen/templates"};
		for (int i = 0; i < 2; i++) {
			char *candidate =
				arena_printf(a, "%s/%s", exe, below[i]);
			if (S_is_file(arena_printf(a, "%s/report.md",
						   candidate)))
				return candidate;
		}
	}
	return NULL;
}

/* Every file of the user's templates folder (and its folders, such as
 * labels/) must be one we can read: a file we cannot read, or a named
 * pipe, would otherwise be passed over for the built-in copy without a
 * word (or block the build).  Reports each with its path. */
static void S_check_user_dir(struct arena *a, struct diags *d,
			     const char *path, int depth)
{
	DIR *dir = opendir(path);
	if (!dir) {
		diag_error(d, (struct source_pos){path, 0, 0},
			   "cannot read the templates folder: %s",
			   strerror(errno));
		return;
	}
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		const char *p = arena_path(a, path, e->d_name);
		struct stat st;
		if (stat(p, &st) != 0) {
			diag_error(d, (struct source_pos){p, 0, 0},
				   "cannot read this template: %s",
				   strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			if (depth < 4)
				S_check_user_dir(a, d, p, depth + 1);
		} else if (!S_ISREG(st.st_mode)) {
			diag_error(d, (struct source_pos){p, 0, 0},
				   "this template is not a regular file (a "
				   "named pipe, a device or a socket?)");
		} else {
			int fd = open(p, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
			if (fd < 0)
				diag_error(d, (struct source_pos){p, 0, 0},
					   "cannot read this template: %s",
					   strerror(errno));
			else
				close(fd);
		}
	}
	closedir(dir);
}

struct template_dirs templates_find(struct arena *a, const char *dir,
				    const char *argv0, struct diags *d)
{
	struct template_dirs t = {NULL, NULL};
	const char *user = arena_path(a, dir, "templates");
	struct stat st;
	if (stat(user, &st) == 0 && S_ISDIR(st.st_mode)) {
		t.user = user;
		S_check_user_dir(a, d, user, 0);
	} else if (stat(user, &st) == 0) {
		diag_error(d, (struct source_pos){user, 0, 0},
			   "this is not a folder; a project keeps its own "
			   "templates in a folder of that name");
	} else if (errno != ENOENT && errno != ENOTDIR) {
		diag_error(d, (struct source_pos){user, 0, 0},
			   "cannot read the templates folder: %s",
			   strerror(errno));
	}
	const char *env = getenv("UPRGEN_TEMPLATES");
	if (env && S_is_dir(env))
		t.builtin = arena_strdup(a, env);
	if (!t.builtin)
		t.builtin = S_beside_executable(a, argv0);
	/* A project that is itself the source checkout holds the built-in
	 * templates: no need to look them up twice. */
	if (t.user && t.builtin && !strcmp(t.user, t.builtin))
		t.user = NULL;
	return t;
}

static bool S_safe_name(const char *name)
{
	return *name && *name != '/' && !strstr(name, "..") &&
	       !strchr(name, '\\');
}

const char *templates_path(struct arena *a, const struct template_dirs *t,
			   const char *name)
{
	if (!S_safe_name(name))
		return NULL;
	const char *dirs[2] = {t->user, t->builtin};
	for (int i = 0; i < 2; i++) {
		if (!dirs[i])
			continue;
		const char *p = arena_printf(a, "%s/%s", dirs[i], name);
		if (S_is_file(p))
			return p;
	}
	return NULL;
}

const char *templates_load(struct arena *a, const struct template_dirs *t,
			   const char *name, size_t *len, const char **path)
{
	const char *p = templates_path(a, t, name);
	if (!p)
		return NULL;
	char *text;
	if (file_read_all(p, TEMPLATES_MAX_BYTES, &text, len) != 0)
		return NULL;
	const char *copy = arena_strndup(a, text, *len);
	free(text);
	if (path)
		*path = p;
	return copy;
}

const char *templates_md_partial(void *ctx, const char *name,
				 struct source_pos at, size_t *len,
				 const char **file)
{
	(void)at;
	struct templates_md_partials *p = ctx;
	if (!*name || *name == '.' || strchr(name, '/'))
		return NULL;
	return templates_load(p->a, p->t, arena_printf(p->a, "%s.md", name),
			      len, file);
}

/* The project's own Markdown and HTML templates, as name, text and
 * length, to f; stops when f returns false. */
static void S_each_own(struct arena *a, const struct template_dirs *t,
		       bool (*f)(void *ctx, const char *path, const char *text,
				 size_t len, bool html),
		       void *ctx)
{
	if (!t->user || (t->builtin && !strcmp(t->user, t->builtin)))
		return;
	DIR *dir = opendir(t->user);
	if (!dir)
		return;
	struct dirent *e;
	bool go = true;
	while (go && (e = readdir(dir))) {
		size_t n = strlen(e->d_name);
		bool md = n > 3 && !strcmp(e->d_name + n - 3, ".md");
		bool html = n > 5 && !strcmp(e->d_name + n - 5, ".html");
		if (e->d_name[0] == '.' || !(md || html))
			continue;
		const char *p = arena_path(a, t->user, e->d_name);
		char *text;
		size_t len;
		if (!S_is_file(p) ||
		    file_read_all(p, TEMPLATES_MAX_BYTES, &text, &len))
			continue;
		go = f(ctx, p, text, len, html);
		free(text);
	}
	closedir(dir);
}

struct S_mention {
	const char *key;
	bool found;
};

static bool S_find_mention(void *ctx, const char *path, const char *text,
			   size_t len, bool html)
{
	(void)path;
	(void)html;
	struct S_mention *m = ctx;
	size_t k = strlen(m->key);
	for (const char *p = text; (p = memmem(p, len - (size_t)(p - text),
					       m->key, k)); p += k) {
		bool after = p + k < text + len &&
			     (p[k] == '_' || (p[k] >= 'a' && p[k] <= 'z') ||
			      (p[k] >= '0' && p[k] <= '9'));
		bool labels = p - text >= 7 && !memcmp(p - 7, "labels.", 7);
		bool words = p - text >= 6 && !memcmp(p - 6, "words.", 6);
		if (!after && (labels || words)) {
			m->found = true;
			return false;
		}
	}
	return true;
}

bool templates_mention(struct arena *a, const struct template_dirs *t,
		       const char *key)
{
	struct S_mention m = {key, false};
	S_each_own(a, t, S_find_mention, &m);
	return m.found;
}

static bool S_compile(void *ctx, const char *path, const char *text,
		      size_t len, bool html)
{
	struct diags *d = ctx;
	struct mustache_options opt = {
		.escape = html ? MUSTACHE_ESCAPE_HTML : MUSTACHE_ESCAPE_MARKDOWN};
	/* the compiled template keeps pointers into the text: freed first */
	mustache_free(mustache_compile(d, path, text, len, &opt));
	return true;
}

void templates_check(struct arena *a, const struct template_dirs *t,
		     struct diags *d)
{
	S_each_own(a, t, S_compile, d);
}
