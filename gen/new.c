/* new — a fresh report project, ready to check and build. */
#include "new.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "model.h"
#include "stamp.h"
#include "templates.h"
#include "util.h"
#include "words.h"
#include "yamlwrite.h"

enum { S_MAX_FILES = 2 + 3 + 2 * LANG_COUNT };

static const char S_usage[] =
	"usage: uprgen new DIR --state NAME [--cycle N] [--session N] "
	"[--lang LL,...]\n"
	"\n"
	"Starts a report project in DIR (made if missing): content/ with\n"
	"report.yaml filled in (placeholders marked TODO; what it guesses\n"
	"marked !placeholder too, which check warns of until it is written\n"
	"over, the mark with it), clusters.yaml and recommendations.yaml with\n"
	"a commented example, and a chapter or two to write in each language.\n"
	"It checks and builds at once.\n"
	"  --state NAME   the State under review\n"
	"  --cycle N      the UPR cycle (default 4)\n"
	"  --session N    the Working Group session of the review\n"
	"  --lang LL,...  the report's languages, the original first: en, es,\n"
	"                 fr, ar, zh, ru (default en)\n"
	"An existing DIR/content is never touched.  Then fill the\n"
	"recommendations in, or import them (see 'uprgen import --help').\n";

struct S_project {
	struct arena *a;
	struct words words[LANG_COUNT]; /* each language's, from its labels */
	const char *dir, *state;
	long cycle, session; /* session 0: not given */
	enum lang langs[LANG_COUNT];
	size_t lang_count;
	char date[16]; /* YYYY-MM-DD */
};

static const char *const S_chapters[] = {"introduction", "methodology"};

/* Appends the label `key` of language l with {state} and {cycle}
 * ("fourth", "cuarto") filled in. */
static void S_expand(struct buf *b, const struct S_project *p, enum lang l,
		     const char *key)
{
	const struct words *w = &p->words[l];
	char which[32];
	snprintf(which, sizeof which, "cycle_ordinal_%ld", p->cycle);
	const char *cycle = words_find(w, which);
	const char *names[] = {"state", "cycle"};
	const char *vals[] = {p->state,
			      cycle ? cycle
				    : words_ordinal(w, p->a, p->cycle)};
	buf_puts(b, words_fill(p->a, words_get(w, key), names, vals, 2));
}

/* ------------------------------------------------------------ contents */

/* Stands in for the session of the review until the user gives it. */
static long S_first_session(long cycle)
{
	static const long firsts[] = {1, 13, 27};
	return cycle <= 3 ? firsts[cycle - 1] : 41 + 14 * (cycle - 4);
}

/* The State's name: as given, with one language; with more, a name for
 * each language, the one given, and in the others a copy of it that
 * check warns of until it is the name in that language (no table of
 * the States' UN names in six languages is at hand to look it up). */
static void S_state(struct yamlwrite *w, const struct S_project *p)
{
	if (p->lang_count == 1) {
		yamlwrite_string(w, p->state);
		return;
	}
	yamlwrite_begin_map(w);
	for (size_t i = 0; i < p->lang_count; i++) {
		const char *code = lang_code(p->langs[i]);
		yamlwrite_key(w, code);
		if (i)
			yamlwrite_tag(w, REPORT_PLACEHOLDER_TAG);
		yamlwrite_string(w, p->state);
		if (i) {
			char note[96];
			snprintf(note, sizeof note,
				 "TODO: the State's name in %s (and in the %s "
				 "title and chapters)",
				 code, code);
			yamlwrite_note(w, note);
		}
	}
	yamlwrite_end_map(w);
}

static void S_report_yaml(struct buf *b, const struct S_project *p)
{
	struct yamlwrite w;
	yamlwrite_init(&w, b);
	struct buf t;
	buf_init(&t);
	buf_printf(&t, "The report of %s on the implementation of the "
		   "recommendations of its UPR cycle %ld. `uprgen check` "
		   "validates this folder; `uprgen build` makes the website "
		   "and the PDF. Values marked TODO are placeholders: replace "
		   "them before publishing (a value marked %s with its "
		   "mark).", p->state, p->cycle, REPORT_PLACEHOLDER_TAG);
	yamlwrite_comment(&w, t.data);
	buf_free(&t);
	yamlwrite_blank_line(&w);
	yamlwrite_begin_map(&w);
	yamlwrite_key(&w, "state");
	S_state(&w, p);
	yamlwrite_key(&w, "cycle");
	yamlwrite_int(&w, p->cycle);
	yamlwrite_key(&w, "session");
	char session[24];
	snprintf(session, sizeof session, "%ld",
		 p->session ? p->session : S_first_session(p->cycle));
	if (!p->session)
		yamlwrite_tag(&w, REPORT_PLACEHOLDER_TAG);
	yamlwrite_quoted(&w, session);
	if (!p->session)
		yamlwrite_note(&w, "TODO: the Working Group session of the "
				   "review");
	yamlwrite_key(&w, "outcome");
	yamlwrite_string(&w, REPORT_OUTCOME_PLACEHOLDER);
	yamlwrite_note(&w, "TODO: the symbol of the Working Group report");
	yamlwrite_key(&w, "adopted");
	yamlwrite_tag(&w, REPORT_PLACEHOLDER_TAG);
	yamlwrite_quoted(&w, p->date);
	yamlwrite_note(&w, "TODO: the date the Council adopted the outcome");
	yamlwrite_key(&w, "title");
	yamlwrite_begin_map(&w);
	for (size_t i = 0; i < p->lang_count; i++) {
		struct buf title;
		buf_init(&title);
		S_expand(&title, p, p->langs[i], "new_title");
		yamlwrite_key(&w, lang_code(p->langs[i]));
		yamlwrite_string(&w, title.data);
		buf_free(&title);
	}
	yamlwrite_end_map(&w);
	yamlwrite_key(&w, "date");
	yamlwrite_tag(&w, REPORT_PLACEHOLDER_TAG);
	yamlwrite_quoted(&w, p->date);
	yamlwrite_note(&w, "TODO: the date of the report");
	yamlwrite_key(&w, "languages");
	yamlwrite_begin_list(&w);
	for (size_t i = 0; i < p->lang_count; i++)
		yamlwrite_string(&w, lang_code(p->langs[i]));
	yamlwrite_end_list(&w);
	yamlwrite_key(&w, "chapters");
	yamlwrite_begin_list(&w);
	for (size_t c = 0; c < sizeof S_chapters / sizeof *S_chapters; c++) {
		yamlwrite_begin_map(&w);
		for (size_t i = 0; i < p->lang_count; i++) {
			const char *code = lang_code(p->langs[i]);
			char path[64];
			snprintf(path, sizeof path, "chapters/%s.%s.md",
				 S_chapters[c], code);
			yamlwrite_key(&w, code);
			yamlwrite_string(&w, path);
		}
		yamlwrite_end_map(&w);
	}
	yamlwrite_end_list(&w);
	yamlwrite_end_map(&w);
	yamlwrite_blank_line(&w);
	yamlwrite_comment(
		&w, "Optional:\n"
		    "state_in_sentence: the name with its article (le Pérou, "
		    "el Perú)\n"
		    "subtitle: a subtitle\n"
		    "period: {from: \"2024-01-01\", to: \"2025-12-31\"}\n"
		    "symbol: the report's own document symbol\n"
		    "prepared_by: the coordinating body\n"
		    "site_url: https://example.org/upr/  # where the site "
		    "is published\n"
		    "license: CC BY 4.0  # of the open data");
	yamlwrite_finish(&w);
}

static const char S_recommendations_yaml[] =
	"# The recommendations received, supported and noted: one entry "
	"each, as in\n"
	"# the example below. Or import them from OHCHR's matrix or an "
	"export of\n"
	"# the Universal Human Rights Index or the UPR Info database into "
	"this\n"
	"# folder (see `uprgen import --help`); this file, which holds no "
	"entry\n"
	"# yet, is then replaced.\n"
	"#\n"
	"# - id: \"110.23\"  # its paragraph number in the Working Group "
	"report\n"
	"#   text: Ratify the Optional Protocol to the Convention against "
	"Torture\n"
	"#   states: [Chile, Spain]\n"
	"#   position: supported  # or partially-supported, noted\n"
	"#   cluster: international-instruments  # an id of clusters.yaml\n"
	"#   themes: [Torture]\n"
	"#   groups: [Persons deprived of their liberty]\n"
	"#   sdgs: [\"16.3\"]\n"
	"#   status: partially-implemented  # implemented, not-implemented, "
	"not-assessed\n"
	"#   responsible: [Ministry of Justice]\n"
	"#   actions:\n"
	"#     - date: \"2024-05-10\"\n"
	"#       text: The bill was sent to Congress.\n"
	"#       source: Official Gazette, 10 May 2024\n"
	"#   related:\n"
	"#     - {mechanism: CAT, symbol: CAT/C/XXX/CO/7, para: \"15\"}\n"
	"#   challenges: Congress has not yet debated the bill.\n"
	"#   assistance: Training for the national preventive mechanism.\n"
	"\n"
	"[]\n";

static const char S_clusters_yaml[] =
	"# The thematic clusters of the recommendations (the themes of the "
	"OHCHR\n"
	"# matrix): an id (lower-case letters, digits, hyphens) that the\n"
	"# recommendations name in `cluster`, a title, and a description "
	"(Markdown,\n"
	"# optional). `uprgen import` writes them too.\n"
	"#\n"
	"# - id: international-instruments\n"
	"#   title: International instruments\n"
	"#   description: Ratification of treaties and cooperation with the "
	"treaty bodies.\n"
	"\n"
	"[]\n";

/* -------------------------------------------------------------- writing */

struct S_files {
	char *paths[S_MAX_FILES]; /* made so far, to undo on failure */
	size_t count;
};

static char *S_join(const char *dir, const char *name)
{
	char *path = xmalloc(strlen(dir) + strlen(name) + 2);
	sprintf(path, "%s/%s", dir, name);
	return path;
}

static bool S_put(struct S_files *f, const char *dir, const char *name,
		  const char *text, size_t len)
{
	char *path = S_join(dir, name);
	FILE *out = fopen(path, "w");
	bool ok = out && fwrite(text, 1, len, out) == len;
	if (out)
		ok = fclose(out) == 0 && ok;
	if (out)
		f->paths[f->count++] = path;
	else
		free(path);
	if (!ok)
		fprintf(stderr, "uprgen new: cannot write %s/%s: %s\n", dir,
			name, strerror(errno));
	return ok;
}

static bool S_put_buf(struct S_files *f, const char *dir, const char *name,
		      struct buf *b)
{
	bool ok = S_put(f, dir, name, b->data, b->len);
	buf_clear(b);
	return ok;
}

static bool S_write_content(struct S_files *f, const char *tmp,
			    const struct S_project *p)
{
	struct buf b;
	buf_init(&b);
	S_report_yaml(&b, p);
	bool ok = S_put_buf(f, tmp, "report.yaml", &b) &&
		  S_put(f, tmp, "clusters.yaml", S_clusters_yaml,
			strlen(S_clusters_yaml)) &&
		  S_put(f, tmp, "recommendations.yaml", S_recommendations_yaml,
			strlen(S_recommendations_yaml));
	for (size_t i = 0; i < p->lang_count && ok; i++) {
		const char *texts[] = {"new_introduction", "new_methodology"};
		for (size_t c = 0; c < 2 && ok; c++) {
			char name[64];
			snprintf(name, sizeof name, "chapters/%s.%s.md",
				 S_chapters[c], lang_code(p->langs[i]));
			S_expand(&b, p, p->langs[i], texts[c]);
			ok = S_put_buf(f, tmp, name, &b);
		}
	}
	buf_free(&b);
	return ok;
}

static bool S_mkdir_p(const char *dir)
{
	char *path = xstrdup(dir);
	bool ok = true;
	for (char *s = path + 1; ok; s++) {
		bool end = *s == '\0';
		if (*s != '/' && !end)
			continue;
		*s = '\0';
		ok = mkdir(path, 0777) == 0 || errno == EEXIST;
		if (end)
			break;
		*s = '/';
	}
	if (!ok)
		fprintf(stderr, "uprgen new: cannot make %s: %s\n", path,
			strerror(errno));
	free(path);
	return ok;
}

/* Fills the temporary folder: private as mkdtemp made it, content is
 * not. */
static bool S_fill(struct S_files *f, const char *tmp,
		   const struct S_project *p)
{
	char *chapters = S_join(tmp, "chapters");
	bool ok = chmod(tmp, 0755) == 0 && mkdir(chapters, 0777) == 0;
	free(chapters);
	return ok && S_write_content(f, tmp, p);
}

static void S_undo(struct S_files *f, const char *tmp)
{
	for (size_t i = 0; i < f->count; i++)
		unlink(f->paths[i]);
	char *chapters = S_join(tmp, "chapters");
	rmdir(chapters);
	free(chapters);
	rmdir(tmp);
}

/* content/ is made as DIR/.content-XXXXXX, then renamed. */
static int S_create(const struct S_project *p)
{
	char *content = S_join(p->dir, "content");
	char *tmp = S_join(p->dir, ".content-XXXXXX");
	struct S_files f = {.count = 0};
	int status = CLI_EXIT_CONTENT;
	if (access(content, F_OK) == 0) {
		fprintf(stderr, "uprgen new: %s exists; uprgen new only "
				"starts new projects\n", content);
	} else if (S_mkdir_p(p->dir)) {
		if (!mkdtemp(tmp))
			fprintf(stderr, "uprgen new: cannot write in %s: %s\n",
				p->dir, strerror(errno));
		else if (S_fill(&f, tmp, p) && rename(tmp, content) == 0)
			status = 0;
		else {
			fprintf(stderr, "uprgen new: cannot make %s: %s\n",
				content, strerror(errno));
			S_undo(&f, tmp);
		}
	}
	for (size_t i = 0; i < f.count; i++)
		free(f.paths[i]);
	free(tmp);
	free(content);
	return status;
}

/* The build output is never committed. */
static void S_gitignore(const char *dir)
{
	char *path = S_join(dir, ".gitignore");
	if (access(path, F_OK) != 0) {
		FILE *f = fopen(path, "w");
		if (f) {
			fputs("/build/\n", f);
			fclose(f);
		}
	}
	free(path);
}

/* ---------------------------------------------------------- command line */


static int S_languages(struct S_project *p, const char *list)
{
	p->lang_count = 0;
	char *copy = xstrdup(list);
	int status = 0;
	for (char *code = strtok(copy, ","); code && !status;
	     code = strtok(NULL, ",")) {
		int l = lang_from_code(code);
		bool dup = false;
		for (size_t i = 0; i < p->lang_count; i++)
			dup |= p->langs[i] == (enum lang)l;
		if (dup)
			status = cli_usage_error("new", "--lang: '%s' is given "
					       "twice", code);
		else if (l < 0 || p->lang_count == LANG_COUNT)
			status = cli_usage_error("new", "--lang: '%s' is not one of "
					       "%s (once each)",
					       code, lang_codes_text());
		else
			p->langs[p->lang_count++] = (enum lang)l;
	}
	free(copy);
	if (!status && !p->lang_count)
		status = cli_usage_error("new", "--lang needs a language%s", "");
	return status;
}

/* SOURCE_DATE_EPOCH, for reproducible projects, else today. */
static void S_today(char out[16])
{
	long long secs;
	if (!stamp_source_date_epoch(&secs) || secs < 0)
		secs = (long long)time(NULL);
	struct stamp t = stamp_break(secs);
	snprintf(out, 16, "%04d-%02d-%02d", t.year, t.month, t.day);
}

static int S_option(int argc, char **argv, int *i, struct S_project *p)
{
	const char *opt = argv[*i];
	if (*i + 1 >= argc)
		return cli_usage_error("new", "'%s' needs a value", opt);
	const char *value = argv[++*i];
	if (!strcmp(opt, "--state")) {
		p->state = value;
		return 0;
	}
	if (!strcmp(opt, "--lang"))
		return S_languages(p, value);
	long *n = !strcmp(opt, "--cycle")     ? &p->cycle
		  : !strcmp(opt, "--session") ? &p->session
					      : NULL;
	if (!n)
		return cli_usage_error("new", "unknown option '%s'", opt);
	if (!cli_number(value, 1, 1000, n))
		return cli_usage_error("new", "'%s' is not a number from 1", value);
	return 0;
}

static int S_parse(int argc, char **argv, struct S_project *p)
{
	memset(p, 0, sizeof *p);
	p->cycle = 4;
	p->langs[0] = LANG_EN;
	p->lang_count = 1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(S_usage, stdout);
			return -1;
		}
		int status = 0;
		if (argv[i][0] == '-' && argv[i][1])
			status = S_option(argc, argv, &i, p);
		else if (!p->dir)
			p->dir = argv[i];
		else
			status = cli_usage_error("new", "unexpected '%s'", argv[i]);
		if (status)
			return status;
	}
	if (!p->dir)
		return cli_usage_error("new", "which folder?%s", "");
	if (!p->state || !*p->state)
		return cli_usage_error("new", "which State? give --state NAME%s", "");
	return 0;
}

int new_command(int argc, char **argv)
{
	struct S_project p;
	int status = S_parse(argc, argv, &p);
	if (status)
		return status < 0 ? 0 : status;
	S_today(p.date);
	/* the words of the project's first texts: the built-in labels */
	struct arena a;
	arena_init(&a);
	p.a = &a;
	struct diags d;
	diags_init(&d);
	struct template_dirs t = templates_find(&a, p.dir, argv[0], &d);
	for (size_t i = 0; i < p.lang_count; i++)
		words_init(&p.words[p.langs[i]], &a, p.langs[i],
			   words_labels(&a, &d, &t, p.langs[i]));
	diags_print(&d, stderr, 0);
	diags_free(&d);
	status = S_create(&p);
	arena_free(&a);
	if (status)
		return status;
	S_gitignore(p.dir);
	printf("made %s/content: check it with 'uprgen check -C %s', build "
	       "it with 'uprgen build -C %s'\n",
	       p.dir, p.dir, p.dir);
	return 0;
}
