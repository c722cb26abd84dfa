/*
 * value — the one data tree of uprgen: what a YAML file reads into, what the
 * template context is made of, and what Mustache walks.
 *
 * A value is null, a boolean, a number, a string, a list or a map (keys in
 * the order written).  Scalars read from YAML keep the text as written in
 * `str` (so "110.10" stays "110.10" even though it also reads as a number)
 * and the place they were read from in `pos`; values built in code have a
 * zero pos.  Every value and string lives in the arena it was made in.
 * Strings are NUL-terminated and contain no NUL byte.
 */
#ifndef UPRGEN_VALUE_H
#define UPRGEN_VALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

enum value_kind {
	VALUE_NULL,
	VALUE_BOOL,
	VALUE_NUMBER,
	VALUE_STRING,
	VALUE_LIST,
	VALUE_MAP,
};

struct value;

struct value_entry {
	const char *key;
	struct source_pos key_pos;
	struct value *value;
	size_t hash; /* value_hash(key), set by value_map_put: lookups compare
		     * it first */
};

struct value {
	enum value_kind kind;
	bool boolean;
	bool quoted; /* scalar written in quotes or as a block: always a string */
	/* A Markdown field of the content (a chapter, an action's text): a
	 * document of its own, which {{{x}}} hands to the template's field
	 * callback (mustache.h); pos is where its first line starts. */
	bool markdown;
	/* A Markdown field of an entry (an action's text, a challenge), not
	 * a chapter: its headings go under the section it is placed in. */
	bool in_section;
	/* VALUE_MAP of many entries: where each key's entry is, hashed (see
	 * value.c); index_size 0 when there is none. */
	unsigned index_size, indexed;
	struct source_pos pos;
	const char *str; /* scalars: the text as written (NULL, BOOL, NUMBER too) */
	/* a scalar's tag as the YAML reader resolved it ("!placeholder",
	 * "tag:yaml.org,2002:str"); NULL: none written */
	const char *tag;
	size_t len;      /* strlen(str) */
	double number;
	struct value **items; /* VALUE_LIST */
	struct value_entry *entries; /* VALUE_MAP */
	unsigned *index;
	size_t count, cap;
};

struct value *value_new(struct arena *a, enum value_kind kind);
struct value *value_string(struct arena *a, const char *s);
struct value *value_stringn(struct arena *a, const char *s, size_t len);
struct value *value_number(struct arena *a, double n);
struct value *value_bool(struct arena *a, bool b);
struct value *value_list(struct arena *a);
struct value *value_map(struct arena *a);

void value_list_push(struct arena *a, struct value *list, struct value *item);
/* Appends key -> v (no check for an existing key: callers building a
 * context own their key sets; the YAML reader checks duplicates itself). */
void value_map_put(struct arena *a, struct value *map, const char *key,
		   struct value *v);
/* NULL when absent or when map is not a map. */
struct value *value_map_get(const struct value *map, const char *key);
const struct value_entry *value_map_entry(const struct value *map,
					  const char *key);
/* value_map_entry when the key's value_hash is known: for lookups of the
 * same names again and again (Mustache tags). */
size_t value_hash(const char *key);
const struct value_entry *value_map_find(const struct value *map,
					 const char *key, size_t hash);

/* Mustache truthiness: null, false, empty list and empty string are false. */
bool value_truthy(const struct value *v);
/* The text a scalar interpolates as ("" for null; numbers formatted as the
 * shortest of %.15g; lists and maps give ""). */
const char *value_text(struct arena *a, const struct value *v);
const char *value_kind_name(enum value_kind k);

/* Appends v as JSON (UTF-8, keys in order, `indent` spaces a level; 0 for
 * one line).  Numbers are written as the scalar was written when it is a
 * valid JSON number, else formatted. */
void value_write_json(struct buf *out, const struct value *v, int indent);
/* Appends s as a JSON string literal, quotes included. */
void json_write_string(struct buf *out, const char *s, size_t len);

#endif
