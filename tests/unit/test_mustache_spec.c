/*
 * test_mustache_spec — every test of the official Mustache spec
 * ($SHARED/conformance/mustache/NAME.yml, read where they are, never
 * copied), run through the command line: for each test, the template,
 * the data (as JSON) and the partials go into a fresh folder under /tmp,
 * `$UPRGEN render template.mustache --data data.json --partials partials`
 * runs, and its stdout must be the expected text byte for byte.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "value.h"
#include "yamlread.h"

static const char *const S_spec_files[] = {
	"comments", "delimiters", "interpolation", "inverted",
	"partials", "sections",	  "~inheritance",
};

/* The files of one test's folder, to remove afterwards. */
struct S_folder {
	char dir[64];
	char *paths[64];
	size_t count;
};

static char *S_path(struct S_folder *f, const char *name)
{
	size_t n = strlen(f->dir) + strlen(name) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", f->dir, name);
	if (f->count < sizeof f->paths / sizeof *f->paths)
		f->paths[f->count++] = p;
	return p;
}

static bool S_write(const char *path, const char *s, size_t len)
{
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return false;
	bool ok = fwrite(s, 1, len, fp) == len;
	return fclose(fp) == 0 && ok;
}

static void S_cleanup(struct S_folder *f)
{
	while (f->count > 0) {
		char *p = f->paths[--f->count];
		if (unlink(p) != 0)
			rmdir(p);
		free(p);
	}
	rmdir(f->dir);
}

/* Runs argv with stdout into *out and stderr into err_path; returns the
 * exit status, or -1 when it did not exit normally. */
static int S_run(char *const argv[], struct buf *out, const char *err_path)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(fds[1], 1);
		if (err >= 0)
			dup2(err, 2);
		close(fds[0]);
		alarm(60); /* a hanging render fails, not the whole run */
		execv(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	char chunk[4096];
	ssize_t n;
	while ((n = read(fds[0], chunk, sizeof chunk)) > 0)
		buf_put(out, chunk, (size_t)n);
	close(fds[0]);
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static const char *S_str(const struct value *v)
{
	return v && v->str ? v->str : "";
}

static void S_show_file(const char *path)
{
	char *text;
	size_t len;
	if (file_read_all(path, 1 << 20, &text, &len) == 0) {
		fprintf(stderr, "  stderr: %s", text);
		free(text);
	}
}

/* Sets up, runs and checks one test. */
static void S_one(const char *uprgen, const char *spec,
		  const struct value *test)
{
	const char *name = S_str(value_map_get(test, "name"));
	const struct value *expected = value_map_get(test, "expected");
	const struct value *tmpl = value_map_get(test, "template");
	const struct value *partials = value_map_get(test, "partials");
	struct S_folder f = {.count = 0};
	snprintf(f.dir, sizeof f.dir, "/tmp/uprgen-spec-XXXXXX");
	if (!mkdtemp(f.dir)) {
		check_failed++;
		perror("  FAILED: mkdtemp");
		return;
	}
	struct buf json, out;
	buf_init(&json);
	buf_init(&out);
	value_write_json(&json, value_map_get(test, "data"), 0);
	char *t_path = S_path(&f, "template.mustache");
	char *d_path = S_path(&f, "data.json");
	char *p_dir = S_path(&f, "partials");
	char *e_path = S_path(&f, "stderr.txt");
	bool ok = S_write(t_path, S_str(tmpl), strlen(S_str(tmpl))) &&
		  S_write(d_path, json.data, json.len) &&
		  mkdir(p_dir, 0755) == 0;
	for (size_t i = 0; ok && partials && i < partials->count; i++) {
		const struct value_entry *p = &partials->entries[i];
		char file[256];
		snprintf(file, sizeof file, "partials/%s.mustache", p->key);
		ok = S_write(S_path(&f, file), S_str(p->value),
			     strlen(S_str(p->value)));
	}
	char *argv[] = {(char *)uprgen, "render", t_path, "--data",
			d_path,		"--partials", p_dir, NULL};
	int status = ok ? S_run(argv, &out, e_path) : -1;
	const char *want = S_str(expected);
	bool pass = status == 0 && out.len == strlen(want) &&
		    memcmp(out.data ? out.data : "", want, out.len) == 0;
	CHECK(pass);
	if (!pass) {
		fprintf(stderr, "  FAILED: %s: %s (exit %d)\n  got:  [%s]\n"
				"  want: [%s]\n",
			spec, name, status, out.data ? out.data : "", want);
		S_show_file(e_path);
	}
	buf_free(&json);
	buf_free(&out);
	S_cleanup(&f);
}

static void S_spec_file(const char *uprgen, const char *shared,
			const char *spec)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	char *path = arena_printf(&a, "%s/conformance/mustache/%s.yml", shared,
				  spec);
	struct value *root = yamlread_file(&a, &d, path, path);
	const struct value *tests = value_map_get(root, "tests");
	if (!tests || tests->kind != VALUE_LIST || tests->count == 0) {
		check_failed++;
		fprintf(stderr, "  FAILED: no tests in %s\n", path);
		diags_print(&d, stderr, 0);
	}
	for (size_t i = 0; tests && i < tests->count; i++)
		S_one(uprgen, spec, tests->items[i]);
	diags_free(&d);
	arena_free(&a);
}

int main(void)
{
	const char *uprgen = getenv("UPRGEN");
	const char *shared = getenv("SHARED");
	if (!uprgen || !*uprgen) {
		fputs("test_mustache_spec: set UPRGEN to the uprgen binary\n",
		      stderr);
		return 1;
	}
	if (!shared || !*shared)
		shared = "../shared";
	for (size_t i = 0; i < sizeof S_spec_files / sizeof *S_spec_files; i++)
		S_spec_file(uprgen, shared, S_spec_files[i]);
	return check_done("mustache spec");
}
