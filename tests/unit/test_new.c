/* new: a project that checks at once, its commented examples, refusals. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "model.h"
#include "new.h"
#include "value.h"
#include "yamlread.h"

static int S_new(const char *const *args)
{
	char *argv[16];
	int argc = 0;
	while (args[argc] && argc < 15) {
		argv[argc] = (char *)args[argc];
		argc++;
	}
	argv[argc] = NULL;
	return new_command(argc, argv);
}

static char *S_join(const char *a, const char *b)
{
	struct buf buf;
	buf_init(&buf);
	buf_printf(&buf, "%s/%s", a, b);
	return buf_detach(&buf);
}

static bool S_exists(const char *dir, const char *name)
{
	char *path = S_join(dir, name);
	struct stat st;
	bool ok = stat(path, &st) == 0;
	free(path);
	return ok;
}

/* The file with the "# " lines after the line `mark` uncommented: those
 * alone, or (whole) in the whole file. */
static char *S_uncommented(const char *path, const char *mark, bool whole)
{
	char *text;
	size_t len;
	if (file_read_all(path, 1 << 20, &text, &len))
		return NULL;
	struct buf out;
	buf_init(&out);
	bool after = false;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strcmp(line, mark))
			after = true;
		else if (after && !strncmp(line, "# ", 2))
			buf_printf(&out, "%s\n", line + 2);
		else if (whole)
			buf_printf(&out, "%s\n", line);
	}
	free(text);
	return buf_detach(&out);
}

/* The commented example of a file, uncommented: the "# " lines after
 * the first "#" line alone. */
static char *S_example(const char *path)
{
	return S_uncommented(path, "#", false);
}

/* report.yaml with its optional fields ("# Optional:" and the lines
 * after it) uncommented. */
static char *S_optional(const char *path)
{
	return S_uncommented(path, "# Optional:", true);
}

static bool S_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	bool ok = fputs(text, f) >= 0;
	return fclose(f) == 0 && ok;
}

/* The errors of check on dir; its warnings in *warnings and what it
 * prints in *text (malloc'd; when asked). */
static size_t S_check_text(const char *dir, size_t *recs, size_t *chapters,
			   size_t *warnings, char **text)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct report *r = report_load(&a, &d, dir);
	if (r)
		report_validate(r, &d);
	size_t len;
	FILE *out = text ? open_memstream(text, &len) : stderr;
	diags_print(&d, out, 0);
	if (text)
		fclose(out);
	size_t errors = r ? d.errors : 1;
	if (warnings)
		*warnings = d.warnings;
	if (r) {
		*recs = r->rec_count;
		*chapters = r->chapter_count;
	}
	diags_free(&d);
	arena_free(&a);
	return errors;
}

static size_t S_check(const char *dir, size_t *recs, size_t *chapters,
		      size_t *warnings)
{
	return S_check_text(dir, recs, chapters, warnings, NULL);
}

/* The lines of text that hold `what`. */
static size_t S_lines_with(const char *text, const char *what)
{
	size_t n = 0;
	for (const char *line = text; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		const char *at = strstr(line, what);
		n += at && at < line + len;
		line = end ? end + 1 : NULL;
	}
	return n;
}

/* report.yaml of dir (malloc'd), or NULL. */
static char *S_report_text(const char *dir)
{
	char *path = S_join(dir, "content/report.yaml");
	char *text = NULL;
	size_t len;
	if (file_read_all(path, 1 << 20, &text, &len))
		text = NULL;
	free(path);
	return text;
}

/* report.yaml of dir with `from` replaced by `to` (once). */
static bool S_edit(const char *dir, const char *from, const char *to)
{
	char *text = S_report_text(dir);
	char *at = text ? strstr(text, from) : NULL;
	bool ok = at != NULL;
	if (at) {
		struct buf b;
		buf_init(&b);
		buf_put(&b, text, (size_t)(at - text));
		buf_puts(&b, to);
		buf_puts(&b, at + strlen(from));
		char *path = S_join(dir, "content/report.yaml");
		ok = S_write(path, b.data);
		free(path);
		buf_free(&b);
	}
	free(text);
	return ok;
}

static void test_project(const char *tmp)
{
	char *dir = S_join(tmp, "a/peru");
	setenv("SOURCE_DATE_EPOCH", "1750000000", 1);
	CHECK(S_new((const char *const[]){"new", dir, "--state", "Perú",
					  "--lang", "es,en,fr", "--session",
					  "42", NULL}) == 0);
	CHECK(S_exists(dir, ".gitignore"));
	CHECK(S_exists(dir, "content/chapters/introduction.fr.md"));
	CHECK(S_exists(dir, "content/chapters/methodology.es.md"));
	size_t recs = 99, chapters = 0, warnings = 0;
	char *said = NULL;
	CHECK(S_check_text(dir, &recs, &chapters, &warnings, &said) == 0);
	CHECK(recs == 0 && chapters == 2);
	/* what is left to write is said before it is published: the
	 * outcome's placeholder symbol, the adoption date and the report's
	 * date (today's), the State's name in English and French (a copy of the Spanish), the
	 * TODO of each chapter in each of the three languages; not the
	 * session, which was given */
	CHECK(warnings == 1 + 2 + 2 + 2 * 3);
	CHECK(said && S_lines_with(said, "'date' is still the placeholder "
					 "'uprgen new' wrote") == 1);
	CHECK(said && strstr(said, "content/report.yaml:13:10: warning: "
				   "'adopted' is still the placeholder "
				   "'uprgen new' wrote (marked !placeholder): "
				   "replace it, mark and all, with the date "
				   "the Human Rights Council adopted the "
				   "outcome before publishing; until then no "
				   "date is compared with it\n"));
	CHECK(said && strstr(said, "content/report.yaml:8:7: warning: "
				   "'state' in 'en' is still the placeholder "
				   "'uprgen new' wrote (marked !placeholder): "
				   "replace it, mark and all, with the State's "
				   "name in this language"));
	CHECK(said && S_lines_with(said, "'state' in 'fr' is still") == 1 &&
	      S_lines_with(said, "'state' in 'es'") == 0 &&
	      S_lines_with(said, "'session'") == 0);
	free(said);

	char *text = S_report_text(dir);
	CHECK(text && strstr(text, "session: \"42\"\n") &&
	      strstr(text, "adopted: !placeholder \"2025-06-15\"  # TODO") &&
	      strstr(text, "cuarto ciclo") &&
	      strstr(text, "state:\n  es: Perú\n  en: !placeholder Perú  # "
			   "TODO: the State's name in en (and in the en "
			   "title and chapters)\n  fr: !placeholder Perú  #"));
	free(text);

	/* the values written over, a real adoption date that is the very
	 * day 'new' ran among them: no warning is left of them */
	CHECK(S_edit(dir, "adopted: !placeholder \"2025-06-15\"",
		     "adopted: \"2025-06-15\""));
	CHECK(S_edit(dir, "date: !placeholder \"2025-06-15\"",
		     "date: \"2025-06-15\""));
	CHECK(S_edit(dir, "en: !placeholder Perú", "en: Peru"));
	CHECK(S_edit(dir, "fr: !placeholder Perú", "fr: Pérou"));
	CHECK(S_check(dir, &recs, &chapters, &warnings) == 0);
	CHECK(warnings == 1 + 2 * 3);

	/* a second time: refused, and nothing changes */
	CHECK(S_new((const char *const[]){"new", dir, "--state", "Chile",
					  NULL}) == 1);

	/* the commented examples are right: uncommented, they check */
	char *recs_path = S_join(dir, "content/recommendations.yaml");
	char *clusters_path = S_join(dir, "content/clusters.yaml");
	char *rec = S_example(recs_path);
	char *cluster = S_example(clusters_path);
	CHECK(rec && cluster && strstr(rec, "id: \"110.23\""));
	CHECK(S_write(recs_path, rec) && S_write(clusters_path, cluster));
	CHECK(S_check(dir, &recs, &chapters, NULL) == 0);
	CHECK(recs == 1);
	free(rec);
	free(cluster);
	free(recs_path);
	free(clusters_path);
	/* and so are the optional fields of report.yaml (state_in_sentence,
	 * subtitle, period, symbol, prepared_by, site_url, license) */
	char *report_path = S_join(dir, "content/report.yaml");
	char *optional = S_optional(report_path);
	CHECK(optional && strstr(optional, "\nstate_in_sentence: ") &&
	      strstr(optional, "\nprepared_by: ") &&
	      strstr(optional, "\nsite_url: https://") &&
	      strstr(optional, "\nlicense: "));
	CHECK(optional && S_write(report_path, optional));
	CHECK(S_check(dir, &recs, &chapters, NULL) == 0);
	free(optional);
	free(report_path);
	free(dir);
}

static void test_usage(const char *tmp)
{
	char *dir = S_join(tmp, "b");
	CHECK(S_new((const char *const[]){"new", "--help", NULL}) == 0);
	CHECK(S_new((const char *const[]){"new", dir, NULL}) == 2);
	CHECK(S_new((const char *const[]){"new", "--state", "Peru", NULL}) ==
	      2);
	CHECK(S_new((const char *const[]){"new", dir, "--state", "Peru",
					  "--lang", "de", NULL}) == 2);
	CHECK(S_new((const char *const[]){"new", dir, "--state", "Peru",
					  "--lang", "en,en", NULL}) == 2);
	CHECK(S_new((const char *const[]){"new", dir, "--state", "Peru",
					  "--cycle", "zero", NULL}) == 2);
	CHECK(!S_exists(dir, "content"));
	/* a file where the folder should be */
	char *file = S_join(tmp, "file");
	char *below = S_join(file, "x");
	CHECK(S_write(file, "x"));
	CHECK(S_new((const char *const[]){"new", file, "--state", "Peru",
					  NULL}) == 1);
	CHECK(S_new((const char *const[]){"new", below, "--state", "Peru",
					  NULL}) == 1);
	free(below);
	free(file);
	/* the ninth cycle is still a cycle; its session, not given, is
	 * guessed (the first of the cycle), and said to be a guess */
	CHECK(S_new((const char *const[]){"new", dir, "--state", "Peru",
					  "--cycle", "9", NULL}) == 0);
	size_t recs, chapters, warnings;
	char *said = NULL;
	CHECK(S_check_text(dir, &recs, &chapters, &warnings, &said) == 0);
	/* the session, the outcome, the adoption date, the report's date,
	 * two chapters */
	CHECK(warnings == 4 + 2);
	CHECK(said && strstr(said, "content/report.yaml:8:10: warning: "
				   "'session' is still the placeholder 'uprgen "
				   "new' wrote (marked !placeholder): replace "
				   "it, mark and all, with the Working Group "
				   "session of the review before publishing\n"));
	free(said);
	/* one language: the name as given, plain */
	char *text = S_report_text(dir);
	CHECK(text && strstr(text, "\nstate: Peru\n") &&
	      strstr(text, "\nsession: !placeholder \"111\"  # TODO"));
	free(text);
	free(dir);
}

int main(void)
{
	/* the built-in labels, which `new` writes its first texts with */
	setenv("UPRGEN_TEMPLATES", "templates", 1);
	char tmp[] = "/tmp/uprgen-test-new-XXXXXX";
	CHECK(mkdtemp(tmp) != NULL);
	test_project(tmp);
	test_usage(tmp);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
	CHECK(system(cmd) == 0);
	return check_done("test_new");
}
