/* templates — finding template files, the user's copy before ours. */
#include "templates.h"

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

struct template_dirs templates_find(struct arena *a, const char *dir,
				    const char *argv0)
{
	struct template_dirs t = {NULL, NULL};
	const char *user = arena_path(a, dir, "templates");
	if (S_is_dir(user))
		t.user = user;
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
