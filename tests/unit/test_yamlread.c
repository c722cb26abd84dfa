/* yamlread and value: typing, positions, limits, JSON. */
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

int main(void)
{
	test_scalar_types();
	test_positions();
	test_errors();
	test_json();
	test_utf8();
	return check_done("yamlread");
}
