/* value — the generic data tree: construction, lookup, text, JSON. */
#include "value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct value *value_new(struct arena *a, enum value_kind kind)
{
	struct value *v = arena_alloc(a, sizeof *v);
	v->kind = kind;
	return v;
}

struct value *value_stringn(struct arena *a, const char *s, size_t len)
{
	struct value *v = value_new(a, VALUE_STRING);
	v->str = arena_strndup(a, s, len);
	v->len = len;
	v->quoted = true;
	return v;
}

struct value *value_string(struct arena *a, const char *s)
{
	return value_stringn(a, s, strlen(s));
}

struct value *value_number(struct arena *a, double n)
{
	struct value *v = value_new(a, VALUE_NUMBER);
	v->number = n;
	return v;
}

struct value *value_bool(struct arena *a, bool b)
{
	struct value *v = value_new(a, VALUE_BOOL);
	v->boolean = b;
	v->str = b ? "true" : "false";
	v->len = strlen(v->str);
	return v;
}

struct value *value_list(struct arena *a)
{
	return value_new(a, VALUE_LIST);
}

struct value *value_map(struct arena *a)
{
	return value_new(a, VALUE_MAP);
}

void value_list_push(struct arena *a, struct value *list, struct value *item)
{
	list->items = arena_grow(a, list->items, sizeof *list->items,
				 list->count, &list->cap, list->count + 1);
	list->items[list->count++] = item;
}

static size_t S_hash(const char *s)
{
	size_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

void value_map_put(struct arena *a, struct value *map, const char *key,
		   struct value *v)
{
	map->entries = arena_grow(a, map->entries, sizeof *map->entries,
				  map->count, &map->cap, map->count + 1);
	struct value_entry *e = &map->entries[map->count++];
	memset(e, 0, sizeof *e);
	e->key = key;
	e->value = v;
	e->hash = S_hash(key);
}

/* Lookups compare hashes before keys: templates look names up through
 * maps of dozens of entries (a page's data, the words, the labels)
 * thousands of times a build. */
const struct value_entry *value_map_entry(const struct value *map,
					  const char *key)
{
	if (!map || map->kind != VALUE_MAP)
		return NULL;
	size_t hash = S_hash(key);
	for (size_t i = 0; i < map->count; i++) {
		const struct value_entry *e = &map->entries[i];
		/* entries written by hand have no hash */
		if ((e->hash == hash || !e->hash) && strcmp(e->key, key) == 0)
			return e;
	}
	return NULL;
}

struct value *value_map_get(const struct value *map, const char *key)
{
	const struct value_entry *e = value_map_entry(map, key);
	return e ? e->value : NULL;
}

bool value_truthy(const struct value *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case VALUE_NULL:
		return false;
	case VALUE_BOOL:
		return v->boolean;
	case VALUE_STRING:
		return v->len > 0;
	case VALUE_LIST:
		return v->count > 0;
	case VALUE_NUMBER:
	case VALUE_MAP:
		return true;
	}
	return false;
}

/* The shortest %g form that reads back as n; integers without exponent. */
static void S_shortest(char *tmp, size_t size, double n)
{
	if (n == floor(n) && fabs(n) < 1e15) {
		snprintf(tmp, size, "%.0f", n);
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(tmp, size, "%.*g", prec, n);
		if (strtod(tmp, NULL) == n)
			return;
	}
}

static const char *S_format_number(struct arena *a, double n)
{
	if (isnan(n))
		return ".nan";
	if (isinf(n))
		return n < 0 ? "-.inf" : ".inf";
	char tmp[64];
	S_shortest(tmp, sizeof tmp, n);
	return arena_strdup(a, tmp);
}

const char *value_text(struct arena *a, const struct value *v)
{
	if (!v)
		return "";
	switch (v->kind) {
	case VALUE_NULL:
	case VALUE_LIST:
	case VALUE_MAP:
		return "";
	case VALUE_BOOL:
		return v->boolean ? "true" : "false";
	case VALUE_NUMBER:
		return S_format_number(a, v->number);
	case VALUE_STRING:
		return v->str;
	}
	return "";
}

const char *value_kind_name(enum value_kind k)
{
	switch (k) {
	case VALUE_NULL:
		return "nothing";
	case VALUE_BOOL:
		return "a true/false value";
	case VALUE_NUMBER:
		return "a number";
	case VALUE_STRING:
		return "text";
	case VALUE_LIST:
		return "a list";
	case VALUE_MAP:
		return "a mapping (key: value pairs)";
	}
	return "?";
}

/* The bytes json_write_string escapes: control characters, DEL, the
 * quote, the backslash and '<'. */
static bool S_json_special(unsigned char c)
{
	return c < 0x20 || c == 0x7F || c == '"' || c == '\\' || c == '<';
}

void json_write_string(struct buf *out, const char *s, size_t len)
{
	buf_putc(out, '"');
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!S_json_special(c))
			continue;
		const char *esc = NULL;
		char tmp[8];
		if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c == '\n')
			esc = "\\n";
		else if (c == '\t')
			esc = "\\t";
		else if (c == '\r')
			esc = "\\r";
		else if (c < 0x20 || c == 0x7F) {
			snprintf(tmp, sizeof tmp, "\\u%04x", c);
			esc = tmp;
		} else if (c == '<') {
			/* so that JSON embedded in a page cannot close a
			 * <script> element */
			esc = "\\u003c";
		}
		if (esc) {
			buf_put(out, s + start, i - start);
			buf_puts(out, esc);
			start = i + 1;
		}
	}
	buf_put(out, s + start, len - start);
	buf_putc(out, '"');
}

static bool S_is_json_number(const char *s)
{
	if (!s || !*s)
		return false;
	const char *p = s;
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return false;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

static void S_newline(struct buf *out, int indent, int level)
{
	static const char spaces[] = "                                ";
	if (!indent)
		return;
	buf_putc(out, '\n');
	for (int n = indent * level; n > 0; n -= (int)sizeof spaces - 1)
		buf_put(out, spaces,
			n < (int)sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1);
}

static void S_write_json(struct buf *out, const struct value *v, int indent,
			 int level)
{
	switch (v ? v->kind : VALUE_NULL) {
	case VALUE_NULL:
		buf_puts(out, "null");
		return;
	case VALUE_BOOL:
		buf_puts(out, v->boolean ? "true" : "false");
		return;
	case VALUE_NUMBER:
		if (!isfinite(v->number))
			buf_puts(out, "null");
		else if (S_is_json_number(v->str))
			buf_puts(out, v->str);
		else {
			char tmp[64];
			S_shortest(tmp, sizeof tmp, v->number);
			buf_puts(out, tmp);
		}
		return;
	case VALUE_STRING:
		json_write_string(out, v->str, v->len);
		return;
	case VALUE_LIST:
		buf_putc(out, '[');
		for (size_t i = 0; i < v->count; i++) {
			if (i)
				buf_putc(out, ',');
			S_newline(out, indent, level + 1);
			S_write_json(out, v->items[i], indent, level + 1);
		}
		if (v->count)
			S_newline(out, indent, level);
		buf_putc(out, ']');
		return;
	case VALUE_MAP:
		buf_putc(out, '{');
		for (size_t i = 0; i < v->count; i++) {
			if (i)
				buf_putc(out, ',');
			S_newline(out, indent, level + 1);
			json_write_string(out, v->entries[i].key,
					  strlen(v->entries[i].key));
			buf_puts(out, indent ? ": " : ":");
			S_write_json(out, v->entries[i].value, indent,
				     level + 1);
		}
		if (v->count)
			S_newline(out, indent, level);
		buf_putc(out, '}');
		return;
	}
}

void value_write_json(struct buf *out, const struct value *v, int indent)
{
	S_write_json(out, v, indent, 0);
}
