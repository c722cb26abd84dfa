/* yamlread and value: typing, positions, limits, JSON; a big list read in
 * two threads gives what a read in one go gives. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "value.h"
#include "yamlread.h"

static struct value *S_read(struct arena *a, struct diags *d, const char *s)
{
	return yamlread_buffer(a, d, "t.yaml", s, strlen(s));
}

static void test_scalar_types(void)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct value *v = S_read(&a, &d,
				 "a: 1.210\nb: \"1.210\"\nc: ~\nd: true\n"
				 "e: 110.10\nf: 0x1F\ng: yes\nh: !!str 12\n"
				 "i: -.inf\nj: ''\n");
	CHECK(v && v->kind == VALUE_MAP && v->count == 10);
	CHECK(value_map_get(v, "a")->kind == VALUE_NUMBER);
	CHECK_STR(value_text(&a, value_map_get(v, "a")), "1.21");
	CHECK(value_map_get(v, "b")->kind == VALUE_STRING);
	CHECK(value_map_get(v, "c")->kind == VALUE_NULL);
	CHECK(value_map_get(v, "d")->boolean);
	/* The text as written survives typing: paragraph numbers keep
	 * their trailing zero. */
	CHECK_STR(value_map_get(v, "e")->str, "110.10");
	CHECK(value_map_get(v, "f")->number == 31);
	CHECK(value_map_get(v, "g")->kind == VALUE_STRING);
	CHECK(value_map_get(v, "h")->kind == VALUE_STRING);
	CHECK(isinf(value_map_get(v, "i")->number));
	CHECK(!value_truthy(value_map_get(v, "j")));
	CHECK(d.errors == 0);
	diags_free(&d);
	arena_free(&a);
}

static void test_positions(void)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct value *v = S_read(&a, &d, "list:\r\n  - x\r\n  - \xc3\xa9: y\r\n");
	CHECK(v != NULL);
	const struct value *list = value_map_get(v, "list");
	CHECK(list && list->count == 2);
	CHECK(list->items[0]->pos.line == 2 && list->items[0]->pos.column == 5);
	/* Columns count characters: "é" is one. */
	const struct value_entry *e = &list->items[1]->entries[0];
	CHECK(e->key_pos.line == 3 && e->key_pos.column == 5);
	CHECK(e->value->pos.column == 8);
	diags_free(&d);
	arena_free(&a);
}

static void test_errors(void)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	CHECK(S_read(&a, &d, "a: 1\nb: 2\na: 3\n") != NULL);
	CHECK(d.errors == 1 && d.items[0].pos.line == 3);
	diags_free(&d);
	diags_init(&d);
	CHECK(S_read(&a, &d, "a: [1, 2\n") == NULL && d.errors == 1);
	diags_free(&d);
	diags_init(&d);
	CHECK(S_read(&a, &d, "a: &x [*x]\n") == NULL && d.errors == 1);
	diags_free(&d);
	diags_init(&d);
	CHECK(S_read(&a, &d, "ok: 1\nbad: \"\xed\xa0\x80\"\n") == NULL);
	CHECK(d.errors == 1 && d.items[0].pos.line == 2 &&
	      d.items[0].pos.column == 7);
	diags_free(&d);
	diags_init(&d);
	/* Aliases share the node they name instead of copying it. */
	struct value *v = S_read(&a, &d, "a: &x {k: v}\nb: *x\n");
	CHECK(v && value_map_get(v, "a") == value_map_get(v, "b"));
	CHECK(S_read(&a, &d, "")->kind == VALUE_NULL);
	CHECK(d.errors == 0);
	diags_free(&d);
	arena_free(&a);
}

static void test_json(void)
{
	struct arena a;
	struct diags d;
	arena_init(&a);
	diags_init(&d);
	struct value *v = S_read(&a, &d,
				 "s: \"a\\\"b</script>\\n\"\nn: [1, 2.50, ~, "
				 "false]\n");
	struct buf out;
	buf_init(&out);
	value_write_json(&out, v, 0);
	CHECK_STR(out.data, "{\"s\":\"a\\\"b\\u003c/script>\\n\",\"n\":[1,"
			    "2.50,null,false]}");
	buf_free(&out);
	diags_free(&d);
	arena_free(&a);
}

static void test_utf8(void)
{
	CHECK(utf8_first_invalid("abc\xc3\xa9", 5) == 5);
	CHECK(utf8_first_invalid("a\xc0\xaf", 3) == 1);     /* overlong */
	CHECK(utf8_first_invalid("a\xed\xa0\x80", 4) == 1); /* surrogate */
	CHECK(utf8_first_invalid("\xf4\x90\x80\x80", 4) == 0);
	CHECK(utf8_first_invalid("\xe2\x82", 2) == 0); /* truncated */
	CHECK(edit_distance("stauts", "status") == 1);
	CHECK(edit_distance("wonen", "women") == 1);
}

/* Whether two trees are the same, positions included; aliases must share
 * nodes in both or in neither. */
static bool S_same_tree(const struct value *x, const struct value *y)
{
	if (!x || !y)
		return x == y;
	if (x->kind != y->kind || x->boolean != y->boolean ||
	    x->quoted != y->quoted || x->pos.line != y->pos.line ||
	    x->pos.column != y->pos.column || x->count != y->count ||
	    x->len != y->len || (x->str == NULL) != (y->str == NULL) ||
	    (x->str && strcmp(x->str, y->str)) ||
	    (x->number != y->number &&
	     !(isnan(x->number) && isnan(y->number))))
		return false;
	for (size_t i = 0; i < x->count; i++) {
		if (x->kind == VALUE_LIST) {
			if (!S_same_tree(x->items[i], y->items[i]) ||
			    (i && (x->items[i] == x->items[i - 1]) !=
					  (y->items[i] == y->items[i - 1])))
				return false;
			continue;
		}
		const struct value_entry *e = &x->entries[i];
		const struct value_entry *f = &y->entries[i];
		if (strcmp(e->key, f->key) ||
		    e->key_pos.line != f->key_pos.line ||
		    e->key_pos.column != f->key_pos.column ||
		    !S_same_tree(e->value, f->value))
			return false;
	}
	return true;
}

static bool S_same_diags(const struct diags *x, const struct diags *y)
{
	if (x->count != y->count || x->errors != y->errors ||
	    x->warnings != y->warnings)
		return false;
	for (size_t i = 0; i < x->count; i++) {
		const struct diag *p = &x->items[i], *q = &y->items[i];
		if (p->severity != q->severity ||
		    p->pos.line != q->pos.line ||
		    p->pos.column != q->pos.column ||
		    strcmp(p->message, q->message))
			return false;
	}
	return true;
}

/* Reads text in one go and split at the first "- " line at or after
 * `from`; both must give the same tree and messages, and the second
 * thread must have been started, and its result used, as expected.  Returns the
 * number of errors. */
static size_t S_split_case(const char *text, size_t len, size_t from,
			 enum yamlread_split want)
{
	struct arena a, b;
	struct diags d, e;
	arena_init(&a);
	arena_init(&b);
	diags_init(&d);
	diags_init(&e);
	enum yamlread_split got;
	struct value *whole = yamlread_buffer_split(&a, &d, "t.yaml", text,
						    len, SIZE_MAX, &got);
	CHECK(got == YAMLREAD_ONE_THREAD);
	struct value *split = yamlread_buffer_split(&b, &e, "t.yaml", text,
						    len, from, &got);
	CHECK(got == want);
	CHECK(S_same_tree(whole, split));
	CHECK(S_same_diags(&d, &e));
	if (got != want || !S_same_tree(whole, split) ||
	    !S_same_diags(&d, &e))
		fprintf(stderr, "  in the split case:\n%.300s\n", text);
	size_t errors = d.errors;
	diags_free(&d);
	diags_free(&e);
	arena_free(&a);
	arena_free(&b);
	return errors;
}

/* Splits at the line that starts with `at`. */
static size_t S_split_at(const char *text, const char *at,
			 enum yamlread_split want)
{
	const char *p = strstr(text, at);
	CHECK(p != NULL);
	return S_split_case(text, strlen(text), (size_t)(p - text),
			    want);
}

/* A list like content/recommendations.yaml, with every kind of scalar,
 * nested lists and maps, block scalars, non-ASCII text and anchors. */
static void S_big_list(struct buf *b, int items)
{
	for (int i = 0; i < items; i++) {
		buf_printf(b,
			   "- id: \"%d.%d\"\n"
			   "  text: \"Ensure that the rights of "
			   "\xc3\xa9l\xc3\xa8ves are\n    protected, item %d\"\n"
			   "  states: [\"Uruguay\", 'Chile']\n"
			   "  count: %d\n  ratio: %d.50\n  done: %s\n"
			   "  none: ~\n"
			   "  note: |\n    A literal block\n    - with a dash\n"
			   "  folded: >-\n    folded\n    text\n"
			   "  actions:\n    - date: 2024-01-%02d\n"
			   "      who: &who%d {name: Ministry, level: 2}\n"
			   "    - date: 2024-02-01\n      who: *who%d\n"
			   "# a comment\n",
			   110 + i % 7, i, i, i, i, i % 2 ? "true" : "false",
			   i % 28 + 1, i, i);
	}
}

static void test_split_big_list(void)
{
	struct buf b;
	buf_init(&b);
	S_big_list(&b, 400);
	CHECK(b.len > 64 * 1024);
	CHECK(S_split_case(b.data, b.len, b.len / 2, YAMLREAD_JOINED) == 0);
	S_split_case(b.data, b.len, 1, YAMLREAD_JOINED);
	size_t last = b.len - 2;
	while (memcmp(b.data + last, "\n- ", 3))
		last--;
	S_split_case(b.data, b.len, last + 1, YAMLREAD_JOINED);
	/* Past the last item: nothing to split. */
	S_split_case(b.data, b.len, last + 2, YAMLREAD_ONE_THREAD);

	/* yamlread_buffer splits it by itself, with the same result. */
	struct arena a, c;
	struct diags d, e;
	arena_init(&a);
	arena_init(&c);
	diags_init(&d);
	diags_init(&e);
	struct value *v = yamlread_buffer(&a, &d, "t.yaml", b.data, b.len);
	struct value *w = yamlread_buffer_split(&c, &e, "t.yaml", b.data,
						b.len, SIZE_MAX, NULL);
	CHECK(v && v->count == 400 && S_same_tree(v, w));
	CHECK(d.count == 0 && e.count == 0);
	diags_free(&d);
	diags_free(&e);
	arena_free(&a);
	arena_free(&c);
	buf_free(&b);
}

/* Places where a "- " at column 0 is no top-level item, or where the second
 * half alone reads differently: the whole file is read in one go. */
static void test_split_fallback(void)
{
	const enum yamlread_split joined = YAMLREAD_JOINED,
				  dropped = YAMLREAD_DROPPED,
				  serial = YAMLREAD_ONE_THREAD;
	/* libyaml ends a block scalar at a line less indented than its
	 * content, so "- " at column 0 is the next item after all. */
	S_split_at("- text: |\n    line\n- x\n  more\n- y\n", "- x", joined);
	S_split_at("- |\n  line\n- not in the scalar\n- y\n", "- not",
		   joined);
	/* A quoted scalar may go on at column 0. */
	S_split_at("- \"first\n- second\"\n- c\n", "- second", dropped);
	S_split_at("- 'first\n- second'\n- c\n", "- second", dropped);
	S_split_at("- [a,\n- b]\n- c\n", "- b", dropped);
	/* An alias to an anchor of the first half, and to one of its own. */
	S_split_at("- &a {k: v}\n- x\n- *a\n", "- x", dropped);
	S_split_at("- &a {k: v}\n- &a x\n- *a\n", "- &a x", joined);
	/* Errors in either half: the messages of a read in one go. */
	CHECK(S_split_at("- {a: 1}\n- a: 1\n  a: 2\n- z\n", "- a: 1",
			 dropped) == 1);
	CHECK(S_split_at("- a: 1\n  a: 2\n- b\n- c\n", "- b", dropped) == 1);
	CHECK(S_split_at("- a\n- b: [\n- c\n", "- b", dropped) == 1);
	CHECK(S_split_at("- a\n- \"nul \\0\"\n", "- \"nul", dropped) == 1);
	CHECK(S_split_at("- a\n- *nowhere\n", "- *", dropped) == 1);
	/* The first half fails before the split: the second thread is told
	 * to stop. */
	CHECK(S_split_at("- a: b: c\n- b\n- c\n", "- c", dropped) == 1);
	/* A second document, and a document end with more after it. */
	CHECK(S_split_at("- a\n- b\n---\n- c\n", "- b", dropped) == 1);
	CHECK(S_split_at("- a\n- b\n...\n- c\n", "- b", dropped) == 1);
	/* Not a top-level list: never split. */
	S_split_at("key:\n- a\n- b\n", "- b", serial);
	S_split_at("# list\n\n---\n- a\n- b\n", "- b", serial);
	/* An LS line break is one line for libyaml, not counted before the
	 * split: the marks differ and the file is read in one go. */
	S_split_at("- \"a\xe2\x80\xa8z\"\n- b\n", "- b", dropped);
	S_split_at("# comment\n\n- a\n- b: 1\n  c: 2\n", "- b", joined);
}

static void test_split_bom_crlf(void)
{
	S_split_at("\xef\xbb\xbf- a\n- \xc3\xa9t\xc3\xa9\n- b\n",
		   "- \xc3\xa9", YAMLREAD_JOINED);
	S_split_at("- a\r\n- b: 1\r\n  c: \"x\r\n  y\"\r\n- z\r\n", "- b",
		   YAMLREAD_JOINED);
	/* CR alone ends lines too; no line starts after a '\n' here. */
	S_split_at("- a\r- b\r- c\r", "- b", YAMLREAD_ONE_THREAD);
}

/* One anchor expanding to 10^k + ... nodes, for k up to `levels`. */
static void S_alias_bomb(struct buf *b, const char *name, int levels)
{
	buf_printf(b, "- &%s0 [x, x, x, x, x, x, x, x, x, x]\n", name);
	for (int k = 1; k <= levels; k++) {
		buf_printf(b, "- &%s%d [", name, k);
		for (int j = 0; j < 10; j++)
			buf_printf(b, "%s*%s%d", j ? ", " : "", name, k - 1);
		buf_puts(b, "]\n");
	}
}

/* The limits hold over the whole file, not each half. */
static void test_split_limits(void)
{
	struct buf b;
	buf_init(&b);
	/* Each half expands to ~1.2 million nodes, the file to more than
	 * YAMLREAD_MAX_NODES. */
	S_alias_bomb(&b, "a", 5);
	size_t half = b.len;
	S_alias_bomb(&b, "b", 5);
	CHECK(S_split_case(b.data, b.len, half, YAMLREAD_DROPPED) == 1);
	buf_clear(&b);
	S_alias_bomb(&b, "a", 2);
	half = b.len;
	S_alias_bomb(&b, "b", 7);
	CHECK(S_split_case(b.data, b.len, half, YAMLREAD_DROPPED) == 1);
	buf_clear(&b);
	buf_puts(&b, "- a\n- ");
	for (int i = 0; i < YAMLREAD_MAX_DEPTH + 2; i++)
		buf_putc(&b, '[');
	CHECK(S_split_case(b.data, b.len, 2, YAMLREAD_DROPPED) == 1);
	buf_clear(&b);
	buf_puts(&b, "- a\n- &c [x, *c]\n");
	CHECK(S_split_case(b.data, b.len, 2, YAMLREAD_DROPPED) == 1);
	buf_free(&b);
}

int main(void)
{
	test_scalar_types();
	test_positions();
	test_errors();
	test_json();
	test_utf8();
	test_split_big_list();
	test_split_fallback();
	test_split_bom_crlf();
	test_split_limits();
	return check_done("yamlread");
}
