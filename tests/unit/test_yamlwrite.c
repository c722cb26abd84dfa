/* yamlwrite: layout, quoting, and hostile strings round-tripping through
 * yamlread (libyaml). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "value.h"
#include "yamlread.h"
#include "yamlwrite.h"

/* b read back by yamlread, into a and d (made here; the caller frees). */
static struct value *S_read(struct arena *a, struct diags *d,
			    const struct buf *b)
{
	arena_init(a);
	diags_init(d);
	return yamlread_buffer(a, d, "t.yaml", b->data, b->len);
}

/* Writes `- text: S` (one level down, as an importer does) and reads it
 * back; true when the same string comes back. */
static bool S_round_trip(const char *s, size_t len, bool show)
{
	struct buf b;
	buf_init(&b);
	struct yamlwrite w;
	yamlwrite_init(&w, &b);
	yamlwrite_begin_list(&w);
	yamlwrite_begin_map(&w);
	yamlwrite_key(&w, "text");
	yamlwrite_stringn(&w, s, len);
	yamlwrite_key(&w, "next");
	yamlwrite_string(&w, "x");
	yamlwrite_end_map(&w);
	yamlwrite_blank_line(&w);
	yamlwrite_end_list(&w);
	yamlwrite_finish(&w);

	struct arena a;
	struct diags d;
	struct value *v = S_read(&a, &d, &b);
	const struct value *t = NULL, *next = NULL;
	if (v && v->kind == VALUE_LIST && v->count == 1) {
		t = value_map_get(v->items[0], "text");
		next = value_map_get(v->items[0], "next");
	}
	bool ok = t && t->kind == VALUE_STRING && t->len == len &&
		  memcmp(t->str, s, len) == 0 && next &&
		  strcmp(next->str, "x") == 0;
	if (!ok && show) {
		fprintf(stderr, "round trip failed for [%.*s]; wrote:\n%s\n",
			(int)len, s, b.data);
		diags_print(&d, stderr, 0);
	}
	diags_free(&d);
	arena_free(&a);
	buf_free(&b);
	return ok;
}

/* What the writer makes of one string as a map value. */
static char *S_written(const char *s)
{
	struct buf b;
	buf_init(&b);
	struct yamlwrite w;
	yamlwrite_init(&w, &b);
	yamlwrite_begin_map(&w);
	yamlwrite_key(&w, "k");
	yamlwrite_string(&w, s);
	yamlwrite_end_map(&w);
	yamlwrite_finish(&w);
	return buf_detach(&b);
}

static void S_check_written(const char *s, const char *want)
{
	char *got = S_written(s);
	CHECK_STR(got, want);
	free(got);
}

static void test_plain_and_quoted(void)
{
	S_check_written("Peru", "k: Peru\n");
	S_check_written("Women's rights, children",
			"k: Women's rights, children\n");
	S_check_written("Côte d'Ivoire", "k: Côte d'Ivoire\n");
	/* Whatever YAML 1.2 or 1.1 would read as something else. */
	S_check_written("yes", "k: \"yes\"\n");
	S_check_written("No", "k: \"No\"\n");
	S_check_written("off", "k: \"off\"\n");
	S_check_written("~", "k: \"~\"\n");
	S_check_written("null", "k: \"null\"\n");
	S_check_written("1.10", "k: \"1.10\"\n");
	S_check_written("2024-01-01", "k: \"2024-01-01\"\n");
	S_check_written(".inf", "k: \".inf\"\n");
	S_check_written("<<", "k: \"<<\"\n");
	S_check_written("", "k: \"\"\n");
	S_check_written(" lead", "k: \" lead\"\n");
	S_check_written("trail ", "k: \"trail \"\n");
	S_check_written("a: b", "k: \"a: b\"\n");
	S_check_written("a #b", "k: \"a #b\"\n");
	S_check_written("- item", "k: \"- item\"\n");
	S_check_written("@x", "k: \"@x\"\n");
	S_check_written("say \"hi\" \\o/", "k: say \"hi\" \\o/\n");
	S_check_written("\"hi\" \\o/", "k: \"\\\"hi\\\" \\\\o/\"\n");
	S_check_written("tab\there", "k: \"tab\\there\"\n");
	S_check_written("nel\xc2\x85", "k: \"nel\\N\"\n");
	S_check_written("ls\xe2\x80\xa8", "k: \"ls\\L\"\n");
	S_check_written("bad\xff", "k: \"bad\\uFFFD\"\n");
	S_check_written("del\x7f", "k: \"del\\x7F\"\n");
	CHECK(yamlwrite_plain_safe("a:b", 3));
	CHECK(!yamlwrite_plain_safe("a:", 2));
}

static void test_blocks(void)
{
	S_check_written("line one\nline two",
			"k: |-\n  line one\n  line two\n");
	S_check_written("para\n\nnext\n", "k: |\n  para\n\n  next\n");
	/* More than one final line end, or a leading space: quoted. */
	S_check_written("x\n\n", "k: \"x\\n\\n\"\n");
	S_check_written(" x\ny", "k: \" x\\ny\"\n");
	char *got = S_written(
		"Ratify the Optional Protocol to the International Covenant "
		"on Economic, Social and Cultural Rights, in order to continue "
		"advancing the international promotion of human rights");
	CHECK_STR(got,
		  "k: >-\n"
		  "  Ratify the Optional Protocol to the International "
		  "Covenant on Economic, Social\n"
		  "  and Cultural Rights, in order to continue advancing "
		  "the international\n"
		  "  promotion of human rights\n");
	free(got);
}

static void test_layout(void)
{
	struct buf b;
	buf_init(&b);
	struct yamlwrite w;
	yamlwrite_init(&w, &b);
	yamlwrite_comment(&w, "head\n\nsecond");
	yamlwrite_begin_list(&w);
	yamlwrite_begin_map(&w);
	yamlwrite_key(&w, "id");
	yamlwrite_quoted(&w, "110.1");
	yamlwrite_key(&w, "states");
	yamlwrite_begin_list(&w);
	yamlwrite_string(&w, "Chile");
	yamlwrite_end_list(&w);
	yamlwrite_key(&w, "themes");
	yamlwrite_begin_list(&w);
	yamlwrite_end_list(&w);
	yamlwrite_note(&w, "none yet");
	yamlwrite_key(&w, "period");
	yamlwrite_begin_map(&w);
	yamlwrite_key(&w, "cycle");
	yamlwrite_int(&w, 4);
	yamlwrite_end_map(&w);
	yamlwrite_key(&w, "status");
	yamlwrite_string(&w, "not-assessed");
	yamlwrite_note(&w, "TODO");
	yamlwrite_end_map(&w);
	yamlwrite_blank_line(&w);
	yamlwrite_comment(&w, "an example");
	yamlwrite_begin_map(&w);
	yamlwrite_key(&w, "id");
	yamlwrite_quoted(&w, "2");
	yamlwrite_end_map(&w);
	yamlwrite_end_list(&w);
	yamlwrite_finish(&w);
	CHECK_STR(b.data, "# head\n#\n# second\n"
			  "- id: \"110.1\"\n"
			  "  states:\n"
			  "    - Chile\n"
			  "  themes: []  # none yet\n"
			  "  period:\n"
			  "    cycle: 4\n"
			  "  status: not-assessed  # TODO\n"
			  "\n"
			  "# an example\n"
			  "- id: \"2\"\n");
	buf_clear(&b);
	yamlwrite_init(&w, &b);
	yamlwrite_begin_list(&w);
	yamlwrite_end_list(&w);
	yamlwrite_finish(&w);
	CHECK_STR(b.data, "[]\n");
	buf_free(&b);
}

/* A tag before a value, quoted, plain, folded or in a list: written on
 * the value's line, and read back on the value it marks, the value
 * itself unchanged. */
static void test_tag(void)
{
	static const char long_text[] =
		"A text long enough to be folded over two lines by the writer, "
		"as a title in six languages often is.";
	struct buf b;
	buf_init(&b);
	struct yamlwrite w;
	yamlwrite_init(&w, &b);
	yamlwrite_begin_map(&w);
	yamlwrite_key(&w, "adopted");
	yamlwrite_tag(&w, "!placeholder");
	yamlwrite_quoted(&w, "2026-12-07");
	yamlwrite_note(&w, "TODO");
	yamlwrite_key(&w, "state");
	yamlwrite_tag(&w, "!placeholder");
	yamlwrite_string(&w, "Slovénie");
	yamlwrite_key(&w, "plain");
	yamlwrite_string(&w, "x");
	yamlwrite_key(&w, "title");
	yamlwrite_tag(&w, "!placeholder");
	yamlwrite_string(&w, long_text);
	yamlwrite_key(&w, "list");
	yamlwrite_begin_list(&w);
	yamlwrite_tag(&w, "!placeholder");
	yamlwrite_int(&w, 41);
	yamlwrite_end_list(&w);
	yamlwrite_end_map(&w);
	yamlwrite_finish(&w);
	CHECK(strstr(b.data, "adopted: !placeholder \"2026-12-07\"  # TODO\n"
			     "state: !placeholder Slovénie\nplain: x\n"
			     "title: !placeholder >-\n  A text long") &&
	      strstr(b.data, "list:\n  - !placeholder 41\n"));
	struct arena a;
	struct diags d;
	struct value *v = S_read(&a, &d, &b);
	const char *keys[] = {"adopted", "state", "title", "plain"};
	const char *values[] = {"2026-12-07", "Slovénie", long_text, "x"};
	for (size_t i = 0; i < 4; i++) {
		const struct value *e = value_map_get(v, keys[i]);
		CHECK(e && e->str && !strcmp(e->str, values[i]));
		CHECK(e && (i < 3 ? e->tag && !strcmp(e->tag, "!placeholder")
				  : !e->tag));
	}
	const struct value *list = value_map_get(v, "list");
	CHECK(list && list->count == 1 && list->items[0]->tag &&
	      !strcmp(list->items[0]->str, "41"));
	CHECK(d.errors == 0);
	diags_free(&d);
	arena_free(&a);
	buf_free(&b);
}

static void test_hostile(void)
{
	static const char *const cases[] = {
		"yes", "NO", "y", "~", "null", "true", "0x1F", "0o17", "1_000",
		"1.10", "110.10", "-5", "+5", ".5", "1e3", ".NaN", "12:30:00",
		"2001-12-14t21:59:43.10-05:00", "=", "<<", "- a", "? a", ": a",
		"a: b", "a:b", "a #b", "a#b", "#a", "&a", "*a", "!a", "|a",
		">a",
		"'a'", "\"a\"", "%a", "@a", "`a", "[a]", "{a: b}", "a, b",
		" a", "a ", "  ", "\t", "a\tb", "a\nb", "a\n", "\n", "\na",
		"a\n\n", "a\r\nb", "a\rb", "\xc2\x85", "\xe2\x80\xa8",
		"\xe2\x80\xa9", "\xef\xbb\xbf" "a", "a\x01" "b", "\x1b", "\x7f",
		"\xc2\x80", "\xc2\xa0" "a\xc2\xa0", "é", "\xf0\x9f\x98\x80",
		"---", "...", "--- a", "a\n---\nb", "a\n...\nb", "\\", "\"",
		"'", "a  b", "a\n  b", "a \nb", "a\n b\n", "\xef\xbf\xbe",
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		CHECK(S_round_trip(cases[i], strlen(cases[i]), true));
}

/* Deterministic pseudo-random texts from pieces that trouble YAML,
 * long enough to be folded. */
static void test_random(void)
{
	static const char *const pieces[] = {
		" ",  " ",   "word", "a",   ":",	"#",  "-", "\n", "\t",
		"'",  "\"",  "\\",   "é",   "\xc2\x85", "yes", "1", ".",
		"|",  ">",   "  ",   "Ratify the Convention", "{", "]",
		",",  "\xe2\x80\xa8", "\x01", "~", "---", "& ", "* ",
	};
	unsigned seed = 12345;
	int failures = 0;
	for (int n = 0; n < 3000; n++) {
		char text[1200];
		size_t len = 0;
		seed = seed * 1103515245u + 12345u;
		int count = (int)(seed >> 16) % 60;
		for (int k = 0; k < count; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *p =
				pieces[(seed >> 16) % (sizeof pieces /
						       sizeof *pieces)];
			size_t pl = strlen(p);
			memcpy(text + len, p, pl);
			len += pl;
		}
		if (!S_round_trip(text, len, failures < 3))
			failures++;
	}
	CHECK(failures == 0);
}

int main(void)
{
	test_plain_and_quoted();
	test_blocks();
	test_tag();
	test_layout();
	test_hostile();
	test_random();
	return check_done("test_yamlwrite");
}
