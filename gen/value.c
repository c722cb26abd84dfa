/* value — the generic data tree: construction, lookup, text, JSON. */
#include "value.h"

#include <limits.h>
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

size_t value_hash(const char *s)
{
	size_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Maps of this many entries get a hash index: the template contexts'
 * maps (a page's data, the words, the labels) hold dozens of names,
 * looked up, and mostly missed, through the context stack thousands of
 * times a build. */
enum { S_INDEX_MIN = 8 };

/* Slot of key in the index: its entry's, or the empty one it would take
 * (slots hold an entry's position + 1; 0 is empty). */
static unsigned *S_slot(const struct value *map, const char *key, size_t hash)
{
	unsigned mask = map->index_size - 1;
	for (size_t i = hash & mask;; i = (i + 1) & mask) {
		unsigned *slot = &map->index[i];
		if (!*slot)
			return slot;
		const struct value_entry *e = &map->entries[*slot - 1];
		if (e->hash == hash && !strcmp(e->key, key))
			return slot;
	}
}

/* Indexes entry i unless an earlier entry has its key: lookups find the
 * first, as a scan would. */
static void S_index_entry(struct value *map, size_t i)
{
	const struct value_entry *e = &map->entries[i];
	unsigned *slot = S_slot(map, e->key, e->hash);
	if (!*slot)
		*slot = (unsigned)i + 1;
}

/* Entries may be copied in by hand (context.c), so the index is rebuilt
 * whenever it does not cover exactly the entries before the new one. */
static void S_index_put(struct arena *a, struct value *map)
{
	if (map->count < S_INDEX_MIN || map->count >= UINT_MAX / 4)
		return;
	if (map->indexed + 1 != map->count ||
	    map->index_size < 2 * map->count) {
		unsigned size = 4 * S_INDEX_MIN;
		while (size < 2 * map->count)
			size *= 2;
		map->index = arena_alloc(a, size * sizeof *map->index);
		map->index_size = size;
		for (size_t i = 0; i + 1 < map->count; i++)
			S_index_entry(map, i);
	}
	S_index_entry(map, map->count - 1);
	map->indexed = (unsigned)map->count;
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
	e->hash = value_hash(key);
	S_index_put(a, map);
}

/* Lookups compare hashes before keys, and use the index when it covers
 * every entry. */
const struct value_entry *value_map_entry(const struct value *map,
					  const char *key)
{
	if (!map || map->kind != VALUE_MAP)
		return NULL;
	return value_map_find(map, key, value_hash(key));
}

const struct value_entry *value_map_find(const struct value *map,
					 const char *key, size_t hash)
{
	if (!map || map->kind != VALUE_MAP)
		return NULL;
	if (map->index_size && map->indexed == map->count) {
		unsigned slot = *S_slot(map, key, hash);
		return slot ? &map->entries[slot - 1] : NULL;
	}
	for (size_t i = 0; i < map->count; i++) {
		const struct value_entry *e = &map->entries[i];
		if (e->hash == hash && strcmp(e->key, key) == 0)
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
		/* as "%.0f" writes it, without libc's cost for floats */
		snprintf(tmp, size, "%s%lld", signbit(n) && !n ? "-" : "",
			      (long long)n);
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
 * quote, the backslash and '<'; a table, as open data writes every text
 * of the report. */
static const bool S_json_special[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1,
	[0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1,
	[0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1,
	[0x1E] = 1, [0x1F] = 1, [0x7F] = 1, ['"'] = 1,  ['\\'] = 1, ['<'] = 1,
};

void json_write_string(struct buf *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	const bool *t = S_json_special;
	buf_putc(out, '"');
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		/* four bytes a test through the plain runs */
		while (i + 4 <= len &&
		       !(t[u[i]] | t[u[i + 1]] | t[u[i + 2]] | t[u[i + 3]]))
			i += 4;
		while (i < len && !t[u[i]])
			i++;
		if (i == len)
			break;
		unsigned char c = u[i];
		const char *esc;
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
		} else {
			/* '<': so that JSON embedded in a page cannot close a
			 * <script> element */
			esc = "\\u003c";
		}
		buf_put(out, s + start, i - start);
		buf_puts(out, esc);
		start = i + 1;
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
