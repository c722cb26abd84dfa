/* import: the toolkit, the three readers on real data and fixtures, and
 * imports that must pass `check` (in process, and through $UPRGEN). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "import.h"
#include "model.h"
#include "new.h"

#define S_MATRIX "data/ohchr-matrix/slovenia-cycle4-thematic-list.txt"

static const char *S_shared(void)
{
	const char *s = getenv("SHARED");
	return s ? s : "../shared";
}

static char *S_path(const char *rel)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/%s", S_shared(), rel);
	return buf_detach(&b);
}

struct S_run {
	struct arena a;
	struct diags d;
	struct import_set set;
	char *bytes;
};

/* Reads file through `reader` as import_command does. */
static bool S_import(struct S_run *r, const char *file,
		     bool (*reader)(struct import_set *,
				    const struct import_options *,
				    const char *, size_t),
		     struct import_options o)
{
	memset(r, 0, sizeof *r);
	arena_init(&r->a);
	diags_init(&r->d);
	r->set.a = &r->a;
	r->set.d = &r->d;
	buf_init(&r->set.recs_header);
	buf_init(&r->set.clusters_header);
	size_t len, text_len;
	CHECK(file_read_all(file, 1 << 26, &r->bytes, &len) == 0);
	if (!r->bytes)
		return false;
	char *text = import_decode(&r->a, &r->d, file, r->bytes, len, NULL,
				   &text_len);
	o.file = file;
	return text && reader(&r->set, &o, text, text_len);
}

static void S_done(struct S_run *r)
{
	if (r->d.errors)
		diags_print(&r->d, stderr, 0);
	buf_free(&r->set.recs_header);
	buf_free(&r->set.clusters_header);
	free(r->bytes);
	diags_free(&r->d);
	arena_free(&r->a);
}

static const struct import_rec *S_rec(const struct import_set *s,
				      const char *id)
{
	for (size_t i = 0; i < s->count; i++)
		if (!strcmp(s->recs[i].id, id))
			return &s->recs[i];
	return NULL;
}

static size_t S_count(const struct import_set *s, enum position p)
{
	size_t n = 0;
	for (size_t i = 0; i < s->count; i++)
		n += s->recs[i].position == p;
	return n;
}

static const char *S_cluster_of(const struct import_set *s,
				const struct import_rec *r)
{
	return r ? s->clusters[r->cluster].id : "(none)";
}

/* ------------------------------------------------------------- toolkit */

static void test_toolkit(void)
{
	struct arena a;
	arena_init(&a);
	const char *rest = NULL;
	CHECK_STR(import_para_number(&a, "110.23 Ratify", &rest), "110.23");
	CHECK_STR(rest, "Ratify");
	CHECK_STR(import_para_number(&a, " 15.The Committee", &rest), "15");
	CHECK_STR(rest, "The Committee");
	CHECK(import_para_number(&a, "1961 Convention", &rest) == NULL);
	CHECK(import_para_number(&a, "Ratify", &rest) == NULL);

	CHECK_STR(import_sdg_code(&a, "16.10 - Ensure public access"), "16.10");
	CHECK_STR(import_sdg_code(&a, "- 5 - GENDER EQUALITY"), "5");
	CHECK_STR(import_sdg_code(&a, "5.a - Give women equal rights"), "5.a");
	CHECK(import_sdg_code(&a, "18 - NOPE") == NULL);
	CHECK(import_sdg_code(&a, "2030 Agenda") == NULL);

	struct import_list states = {0};
	/* without a list of the States, every group at the end is one */
	CHECK_STR(import_split_states(&a,
				      "Ratify X (Chile) (Venezuela "
				      "(Bolivarian Republic of));",
				      NULL, &states),
		  "Ratify X");
	CHECK(states.count == 2);
	if (states.count == 2) {
		CHECK_STR(states.items[0], "Chile");
		CHECK_STR(states.items[1],
			  "Venezuela (Bolivarian Republic of)");
	}
	struct import_list known = {0}, got = {0};
	import_list_add(&a, &known, "Chile");
	CHECK_STR(import_split_states(&a, "Adopt a law (ICCPR) (chile).",
				      &known, &got),
		  "Adopt a law (ICCPR)");
	CHECK(got.count == 1);
	const char *plain = "No States here";
	CHECK(import_split_states(&a, plain, NULL, &got) == plain);

	CHECK_STR(import_text_key(&a, "  Ratify the  Statute .\n"),
		  "ratify the statute");
	const char *messy = " a  \r\nb\t\r c ";
	CHECK_STR(import_clean(&a, messy, strlen(messy)), "a\nb\n c");
	CHECK(import_same_name(" peru ", "Peru"));
	CHECK(!import_same_name("Peru", "Per"));
	/* whatever the case and accents: a --state typed otherwise than the
	 * file writes it is the same State; a translation is not */
	CHECK(import_same_name("Perú", "PERU"));
	CHECK(import_same_name("CÔTE D’IVOIRE", "Cote d'Ivoire"));
	CHECK(import_same_name("Türkiye", "turkiye"));
	CHECK(import_same_name("România", "Romania"));
	CHECK(import_same_name("СЛОВЕНИЯ", "Словения"));
	CHECK(import_same_name("United  Kingdom", "United Kingdom"));
	CHECK(!import_same_name("Slovénie", "Slovenia"));
	CHECK(!import_same_name("Iran", "Iraq"));
	CHECK(!import_same_name("Perú", "Peru\xC3"));
	CHECK(!import_same_name("Peru\xC3", "Peru\xC4"));

	enum position p = POSITION_COUNT;
	CHECK(import_position("Accepted", &p) && p == POSITION_SUPPORTED);
	CHECK(import_position("- Noted", &p) && p == POSITION_NOTED);
	CHECK(import_position("Rejected", &p) && p == POSITION_NOTED);
	CHECK(import_position("not supported", &p) && p == POSITION_NOTED);
	CHECK(import_position("Partially supported", &p) &&
	      p == POSITION_PARTIALLY_SUPPORTED);
	CHECK(import_position("Supported/Noted", &p) &&
	      p == POSITION_PARTIALLY_SUPPORTED);
	CHECK(!import_position("", &p));
	CHECK(!import_position("Pending", &p));

	CHECK(import_cycle_of_session(1) == 1);
	CHECK(import_cycle_of_session(14) == 2);
	CHECK(import_cycle_of_session(28) == 3);
	CHECK(import_cycle_of_session(42) == 4);
	CHECK(import_cycle_of_session(55) == 5);
	CHECK(import_cycle_of_session(0) == 0);
	arena_free(&a);
}

static void test_clusters(void)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct import_set s = {.a = &a, .d = &d};
	size_t first = import_cluster(
		&s, "Ratification of & accession to international instruments");
	CHECK_STR(s.clusters[first].id,
		  "ratification-of-accession-to-international-instruments");
	CHECK(import_cluster(&s, "Ratification of & accession to "
				 "international instruments") == first);
	CHECK_STR(s.clusters[import_cluster(&s, "Niñez y adolescencia")].id,
		  "ninez-y-adolescencia");
	CHECK_STR(s.clusters[import_cluster(&s, "Women's rights")].id,
		  "women-s-rights");
	CHECK_STR(s.clusters[import_cluster(&s, "Women s rights")].id,
		  "women-s-rights-2");
	CHECK_STR(s.clusters[import_cluster(&s, "«»")].id, "cluster");
	const char *id = s.clusters[import_cluster(
		&s, "National Human Rights Action Plans (or specific areas) / "
		    "implementation plans")].id;
	CHECK(strlen(id) <= MODEL_MAX_ID && id[strlen(id) - 1] != '-');
	CHECK_STR(id, "national-human-rights-action-plans-or-specific-areas");
	diags_free(&d);
	arena_free(&a);
}

static void test_decode(void)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	size_t n;
	/* lone CR line ends: an old Mac export, Mac OS Roman */
	const char mac[] = "To\rEquit\x8e, vis-\x88-vis, Cura\x8d" "ao\r";
	CHECK_STR(import_decode(&a, &d, "m.csv", mac, strlen(mac), NULL, &n),
		  "To\rEquité, vis-à-vis, Curaçao\r");
	CHECK(d.warnings == 1 && d.count == 1 && d.items[0].pos.line == 2 &&
	      d.items[0].pos.column == 6);
	const char win[] = "It\x92s na\xefve\n";
	CHECK_STR(import_decode(&a, &d, "w.csv", win, strlen(win), NULL, &n),
		  "It’s naïve\n");
	CHECK_STR(import_decode(&a, &d, "w.csv", win, strlen(win), "latin-1",
				&n),
		  "It’s naïve\n");
	CHECK(import_decode(&a, &d, "w.csv", win, strlen(win), "utf-8", &n) ==
	      NULL);
	CHECK(d.errors == 1);
	CHECK(import_decode(&a, &d, "z.csv", "a\0b", 3, NULL, &n) == NULL);
	CHECK(d.errors == 2);
	CHECK_STR(import_decode(&a, &d, "u.csv", "é", 2, NULL, &n), "é");
	CHECK(import_encoding_known("Mac-Roman") &&
	      !import_encoding_known("ebcdic"));
	diags_free(&d);
	arena_free(&a);
}

/* ------------------------------------------------------------- readers */

/* Peru, session 14: 136 rows, one recommendation made by two States. */
static void test_upr_info_peru(void)
{
	char *file = S_path("data/upr-info/sessions-14-17.csv");
	struct S_run r;
	struct import_options o = {.source = "upr-info", .state = "Peru"};
	CHECK(S_import(&r, file, import_upr_info, o));
	struct import_set *s = &r.set;
	CHECK(s->count == 135);
	size_t states = 0, empty = 0;
	const struct import_rec *death = NULL;
	for (size_t i = 0; i < s->count; i++) {
		states += s->recs[i].states.count;
		empty += s->recs[i].states.count == 0;
		if (!strcmp(s->recs[i].text,
			    "Consider abolishing the death penalty"))
			death = &s->recs[i];
	}
	CHECK(states == 136 && empty == 0);
	CHECK(death && death->states.count == 2);
	if (death && death->states.count == 2) {
		CHECK_STR(death->states.items[0], "Greece");
		CHECK_STR(death->states.items[1], "Honduras");
		CHECK_STR(S_cluster_of(s, death), "death-penalty");
	}
	CHECK_STR(s->recs[0].id, "1");
	CHECK_STR(s->recs[134].id, "135");
	CHECK(S_count(s, POSITION_SUPPORTED) == 120);
	CHECK(S_count(s, POSITION_NOTED) == 15);
	CHECK(s->cluster_count == 34);
	CHECK(r.d.errors == 0 && r.d.warnings == 1); /* Mac OS Roman */
	/* (on how many lines: the first may be another State's row) */
	CHECK(r.d.count && strstr(r.d.items[0].message,
				  "not UTF-8 on 23 lines of the file"));
	CHECK(strstr(s->recs_header.data, "no paragraph numbers") != NULL);
	S_done(&r);

	o.session = 15;
	CHECK(!S_import(&r, file, import_upr_info, o));
	CHECK(r.d.errors == 1);
	S_done(&r);
	o.session = 0;
	free(file);
	/* the --state the file does not hold: what the error suggests, as
	 * data (file, --state, the suggestion or NULL: none) */
	static const struct {
		const char *file, *state, *suggests, *lacks;
	} near[] = {
		/* a slip of a letter */
		{"sessions-14-17.csv", "Peruu", "did you mean 'Peru'", NULL},
		/* a name its words begin: "Russia" is "Russian Federation" */
		{"sessions-14-17.csv", "russia",
		 "did you mean 'Russian Federation'?", NULL},
		/* a name its words begin before a look-alike: "Korea" is
		 * "Republic of Korea", not "Jordan"; "Kenya" is not "Benin" */
		{"sessions-14-17.csv", "Korea",
		 "did you mean 'Republic of Korea'?", NULL},
		{"sessions-14-17.csv", "Kenya", NULL, "did you mean"},
		/* nothing near: every name, to pick from ("UK" is no guess) */
		{"sessions-14-17.csv", "UK",
		 "the 56 States it holds: 'Argentina', 'Azerbaijan'",
		 "Ukraine'?"},
		/* the UN's long name: the file's short one ("Iran") */
		{"sessions-6-9.csv", "Iran (Islamic Republic of)",
		 "did you mean 'Iran'?", NULL},
		{"sessions-6-9.csv", "United States of America",
		 "did you mean 'United States'?", NULL},
		/* a name shortened ("Laos") or given by its initials ("DPR") */
		{"sessions-6-9.csv", "Lao People's Democratic Republic",
		 "did you mean 'Laos'?", NULL},
		{"sessions-6-9.csv", "Democratic People's Republic of Korea",
		 "did you mean 'DPR Korea'?", NULL},
	};
	for (size_t i = 0; i < sizeof near / sizeof *near; i++) {
		char rel[64];
		snprintf(rel, sizeof rel, "data/upr-info/%s", near[i].file);
		file = S_path(rel);
		o.state = near[i].state;
		CHECK(!S_import(&r, file, import_upr_info, o));
		const char *said = r.d.count ? r.d.items[r.d.count - 1].message
					     : "";
		CHECK(r.d.errors == 1 &&
		      (!near[i].suggests || strstr(said, near[i].suggests)) &&
		      (!near[i].lacks || !strstr(said, near[i].lacks)));
		S_done(&r);
		free(file);
	}
}

static bool S_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	bool ok = fputs(text, f) >= 0;
	return fclose(f) == 0 && ok;
}

/* What the sample does not show: an empty Response or Issue, one text
 * written twice a little differently, a missing column. */
static void test_upr_info_small(void)
{
	char path[] = "/tmp/uprgen-test-upr-info-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	CHECK(S_write_file(path,
			   "Session,To,Text,From,Response,Issue\r"
			   "7,Chad,Abolish the death penalty.,Spain,"
			   "Accepted,\"Death penalty,Justice\"\r"
			   "7,Chad,abolish the  death penalty,Italy,"
			   "Accepted,Death penalty\r"
			   "7,Chad,Ratify the OP-CAT,France,,\r"));
	struct S_run r;
	struct import_options o = {.source = "upr-info", .state = "chad"};
	CHECK(S_import(&r, path, import_upr_info, o));
	CHECK(r.set.count == 2 && r.set.cluster_count == 2);
	if (r.set.count == 2) {
		const struct import_rec *a = &r.set.recs[0];
		const struct import_rec *b = &r.set.recs[1];
		CHECK_STR(a->text, "Abolish the death penalty.");
		CHECK(a->states.count == 2 && a->themes.count == 1);
		CHECK(b->position == POSITION_NOTED && b->position_note &&
		      strstr(b->position_note, "no response"));
		CHECK_STR(r.set.clusters[b->cluster].title, "Other");
	}
	CHECK(strstr(r.set.recs_header.data, "to Chad,") != NULL);
	S_done(&r);
	CHECK(S_write_file(path, "To,Text,From,Response,Session\n"));
	CHECK(!S_import(&r, path, import_upr_info, o));
	CHECK(r.d.errors == 1 && strstr(r.d.items[0].message, "'Issue'"));
	S_done(&r);
	unlink(path);
}

/* The OHCHR matrix of Slovenia, 4th cycle. */
static void test_ohchr_matrix(void)
{
	char *file = S_path(S_MATRIX);
	struct S_run r;
	struct import_options o = {.source = "ohchr-matrix"};
	CHECK(S_import(&r, file, import_ohchr_matrix, o));
	struct import_set *s = &r.set;
	CHECK(s->count == 254);
	CHECK(S_count(s, POSITION_SUPPORTED) == 217);
	CHECK(S_count(s, POSITION_NOTED) == 37);
	CHECK(s->cluster_count == 43);
	CHECK(r.d.errors == 0 && r.d.warnings == 0);
	CHECK_STR(s->recs[0].id, "140.1");
	CHECK_STR(s->recs[8].id, "140.9");
	CHECK_STR(s->recs[9].id, "140.10");
	CHECK_STR(s->recs[253].id, "140.254");

	const struct import_rec *r7 = S_rec(s, "140.7");
	CHECK(r7 && r7->states.count == 2 && r7->sdgs.count == 8);
	if (r7) {
		CHECK_STR(r7->text, "Ratify the Optional Protocol to the "
				    "International Covenant on Economic, "
				    "Social and Cultural Rights");
		CHECK_STR(r7->position_note,
			  "source: A/HRC/59/15/Add.1 - Para.3");
		CHECK_STR(r7->sdgs.items[0], "1");
		CHECK(r7->themes.count == 1 && r7->groups.count == 1);
		CHECK_STR(S_cluster_of(s, r7), "ratification-of-accession-to-"
					       "international-instruments");
	}
	/* one heading among the supported and among the noted: one
	 * cluster */
	const struct import_rec *r1 = S_rec(s, "140.1");
	CHECK(r1 && r1->position == POSITION_NOTED && r1->states.count == 8);
	CHECK_STR(S_cluster_of(s, r1), S_cluster_of(s, r7));
	const struct import_rec *r167 = S_rec(s, "140.167");
	CHECK(r167 && r167->states.count == 1);
	if (r167 && r167->states.count)
		CHECK_STR(r167->states.items[0],
			  "Venezuela (Bolivarian Republic of)");
	CHECK(strchr(s->clusters[0].title, '&') &&
	      !strstr(s->clusters[0].title, "&amp;"));
	S_done(&r);
	free(file);

	CHECK(S_import(&r, "tests/import/ohchr-cycle3.txt",
		       import_ohchr_matrix, o));
	const struct import_rec *joint = S_rec(&r.set, "121.2");
	CHECK(r.set.count == 2 && joint && joint->states.count == 2 &&
	      joint->sdgs.count == 1 && joint->groups.count == 1);
	CHECK(r.d.warnings == 0);
	S_done(&r);
}

static void test_uhri(void)
{
	const char *file = "tests/import/uhri-peru.csv";
	struct S_run r;
	struct import_options o = {.source = "uhri", .state = "Peru"};
	CHECK(S_import(&r, file, import_uhri, o));
	struct import_set *s = &r.set;
	CHECK(s->count == 5 && s->cluster_count == 5);
	static const char *const ids[] = {"110.1", "110.2", "110.10",
					  "110.40", "110.41"};
	for (size_t i = 0; i < 5 && i < s->count; i++)
		CHECK_STR(s->recs[i].id, ids[i]);
	const struct import_rec *joint = S_rec(s, "110.41");
	CHECK(joint && joint->states.count == 2 &&
	      joint->position == POSITION_NOTED);
	if (joint)
		CHECK_STR(joint->text, "Adopt a comprehensive law against "
				       "discrimination that covers sexual "
				       "orientation and gender identity");
	const struct import_rec *two = S_rec(s, "110.2");
	CHECK(two && strchr(two->text, '\n') && two->sdgs.count == 2 &&
	      two->related_count == 0);
	if (two)
		CHECK_STR(two->sdgs.items[1], "16.7");
	const struct import_rec *ten = S_rec(s, "110.10");
	CHECK(ten && strstr(ten->text, "\"Ley de Protección"));
	CHECK(S_count(s, POSITION_SUPPORTED) == 3);
	CHECK(r.d.errors == 0 && r.d.warnings == 1); /* cycle 3 is there */
	S_done(&r);

	o.cycle = 3;
	CHECK(S_import(&r, file, import_uhri, o));
	CHECK(r.set.count == 1 && S_rec(&r.set, "111.5"));
	S_done(&r);

	o.cycle = 0;
	o.related = true;
	CHECK(S_import(&r, file, import_uhri, o));
	s = &r.set;
	two = S_rec(s, "110.2");
	CHECK(two && two->related_count == 1);
	if (two && two->related_count) {
		CHECK_STR(two->related[0].mechanism, "CERD");
		CHECK_STR(two->related[0].symbol, "CERD/C/PER/CO/22-23");
		CHECK_STR(two->related[0].para, "17");
	}
	const struct import_rec *abortion = S_rec(s, "110.40");
	/* the CEDAW concern about rural women is not a recommendation */
	CHECK(abortion && abortion->related_count == 1);
	if (abortion && abortion->related_count)
		CHECK_STR(abortion->related[0].para, "50");
	ten = S_rec(s, "110.10");
	CHECK(ten && ten->related_count == 1);
	S_done(&r);

	o.state = "Chile";
	o.related = false;
	CHECK(S_import(&r, file, import_uhri, o));
	CHECK(r.set.count == 1);
	S_done(&r);
}

/* -------------------------------------------------------- end to end */

static int S_call(int (*command)(int, char **), const char *const *args)
{
	char *argv[16];
	int argc = 0;
	while (args[argc] && argc < 15) {
		argv[argc] = (char *)args[argc];
		argc++;
	}
	argv[argc] = NULL;
	return command(argc, argv);
}

/* Loads and validates dir as `uprgen check` does; the recommendations
 * count, or -1 on errors. */
static long S_check(const char *dir)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct report *rep = report_load(&a, &d, dir);
	if (rep)
		report_validate(rep, &d);
	if (d.errors)
		diags_print(&d, stderr, 1);
	long n = rep && !d.errors ? (long)rep->rec_count : -1;
	diags_free(&d);
	arena_free(&a);
	return n;
}

static char *S_join(const char *a, const char *b)
{
	struct buf buf;
	buf_init(&buf);
	buf_printf(&buf, "%s/%s", a, b);
	return buf_detach(&buf);
}

static void test_end_to_end(void)
{
	char tmp[] = "/tmp/uprgen-test-import-XXXXXX";
	CHECK(mkdtemp(tmp) != NULL);
	char *dir = S_join(tmp, "peru");
	char *content = S_join(dir, "content");
	char *upr_info = S_path("data/upr-info/sessions-14-17.csv");
	char *matrix = S_path(S_MATRIX);
	CHECK(S_call(new_command, (const char *const[]){
			     "new", dir, "--state", "Peru", NULL}) == 0);
	/* the files `new` wrote hold no entry: no --force needed */
	CHECK(S_call(import_command,
		     (const char *const[]){"import", "upr-info", upr_info,
					   "--state", "Peru", "--out",
					   content, NULL}) == 0);
	CHECK(S_check(dir) == 135);
	CHECK(S_call(import_command,
		     (const char *const[]){"import", "ohchr-matrix", matrix,
					   "--out", content, NULL}) == 1);
	CHECK(S_call(import_command,
		     (const char *const[]){"import", "ohchr-matrix", matrix,
					   "--out", content, "--force",
					   NULL}) == 0);
	CHECK(S_check(dir) == 254);
	char *file = S_join(content, "recommendations.yaml");
	CHECK(S_call(import_command,
		     (const char *const[]){"import", "uhri",
					   "tests/import/uhri-peru.csv",
					   "--state", "Peru", "--related",
					   "--out", file, "--force",
					   NULL}) == 0);
	CHECK(S_check(dir) == 5);
	CHECK(S_call(import_command,
		     (const char *const[]){"import", "uhri", "--state", "Peru",
					   NULL}) == 2);
	CHECK(S_call(import_command,
		     (const char *const[]){"import", "upr-info", upr_info,
					   "--cycle", "2", "--state", "Peru",
					   NULL}) == 2);
	CHECK(S_call(import_command,
		     (const char *const[]){"import", "upr-info",
					   "/nonexistent.csv", "--state",
					   "Peru", NULL}) == 1);
	char *cmd = S_join("rm -rf", tmp);
	cmd[6] = ' ';
	CHECK(system(cmd) == 0);
	free(cmd);
	free(file);
	free(matrix);
	free(upr_info);
	free(content);
	free(dir);
}

/* A single-quoted shell word. */
static void S_quote(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s; s++)
		if (*s == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *s);
	buf_putc(b, '\'');
}

/* A few States of each file of the sample, through the tool itself: every
 * State of every file is `make bench` (tests/import/bench.sh). */
static void test_uprgen(void)
{
	const char *uprgen = getenv("UPRGEN");
	if (!uprgen) {
		puts("UPRGEN not set: end-to-end runs skipped");
		return;
	}
	static const char *const cases[][2] = {
		{"sessions-1-5.csv", "Brazil"},
		{"sessions-6-9.csv", "Cote d'Ivoire"},
		{"sessions-10-13.csv", "St Kitts & Nevis"},
		{"sessions-14-17.csv", "Peru"},
		{"sessions-17-20.csv", "Bosnia & Herzegovina"},
	};
	char tmp[] = "/tmp/uprgen-test-uprgen-XXXXXX";
	CHECK(mkdtemp(tmp) != NULL);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char rel[256];
		snprintf(rel, sizeof rel, "data/upr-info/%s", cases[i][0]);
		char *file = S_path(rel);
		struct buf cmd;
		buf_init(&cmd);
		buf_printf(&cmd, "set -e; d=%s/%zu; ", tmp, i);
		buf_puts(&cmd, "\"$UPRGEN\" new \"$d\" --state ");
		S_quote(&cmd, cases[i][1]);
		buf_puts(&cmd, " >/dev/null; \"$UPRGEN\" import upr-info ");
		S_quote(&cmd, file);
		buf_puts(&cmd, " --encoding mac-roman --state ");
		S_quote(&cmd, cases[i][1]);
		buf_puts(&cmd, " --out \"$d/content\" 2>/dev/null; "
			       "\"$UPRGEN\" check -q -C \"$d\" >/dev/null");
		int status = system(cmd.data);
		CHECK(status == 0);
		if (status)
			fprintf(stderr, "  failed: %s\n", cmd.data);
		buf_free(&cmd);
		free(file);
	}
	struct buf rm;
	buf_init(&rm);
	buf_printf(&rm, "rm -rf %s", tmp);
	CHECK(system(rm.data) == 0);
	buf_free(&rm);
}

int main(void)
{
	test_toolkit();
	test_clusters();
	test_decode();
	test_upr_info_peru();
	test_upr_info_small();
	test_ohchr_matrix();
	test_uhri();
	test_end_to_end();
	test_uprgen();
	return check_done("test_import");
}
