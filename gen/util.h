/*
 * util — the few shared building blocks every stage uses.
 *
 * struct arena: a bump allocator.  Everything a build loads or computes
 *   (the YAML tree, the content model, the template context) lives as long
 *   as the build, so it is allocated from one arena and freed at once with
 *   arena_free().  Nothing allocated from an arena is freed on its own.
 * struct buf: a growable byte string on the heap, always NUL-terminated;
 *   its owner calls buf_free().
 * Allocation failure aborts with a message: a report generator has nothing
 *   sensible to do without memory, and it keeps every caller simple.
 */
#ifndef UPRGEN_UTIL_H
#define UPRGEN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct arena_block;
struct arena {
	struct arena_block *head;
	size_t used_bytes; /* total handed out, for resource accounting */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t size);   /* zeroed */
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* dir/name, or name alone when dir is "." (as a user reads it in a
 * message). */
char *arena_path(struct arena *a, const char *dir, const char *name);
/* Grows an array of count elements of elem_size to hold at least need
 * elements; returns the (possibly moved) array, updating *cap. */
void *arena_grow(struct arena *a, void *array, size_t elem_size,
		 size_t count, size_t *cap, size_t need);

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reserve(struct buf *b, size_t extra);
void buf_put(struct buf *b, const char *s, size_t len);
void buf_puts(struct buf *b, const char *s);
/* Inline: writers call it for every other byte they write. */
static inline void buf_putc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap)
		buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_clear(struct buf *b);
/* Takes the contents away from b (caller frees); b is left empty. */
char *buf_detach(struct buf *b);


void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

/* Returns the offset of the first byte that does not begin a well-formed
 * UTF-8 sequence (overlong forms, surrogates and values past U+10FFFF are
 * ill-formed), or len when all of s is valid. */
size_t utf8_first_invalid(const char *s, size_t len);
/* Writes code point cp (below U+110000) as UTF-8 into out; returns the
 * number of bytes. */
size_t utf8_encode(unsigned cp, char out[4]);
/* Decodes one code point from valid UTF-8 at s; *adv gets its length. */
unsigned utf8_decode(const char *s, size_t len, size_t *adv);
/* Whether code point c is a character of the scripts written without
 * spaces between words (Chinese, Japanese kana, Korean) or their
 * full-width punctuation: a whole em wide, and a line may break between
 * two of them. */
bool unicode_is_wide(unsigned c);
/* The next piece of s[0..n) from *at that a line never breaks inside: a
 * run of characters between blanks (space, tab, line end), or one wide
 * character (unicode_is_wide), which a line may break before and after.
 * Returns its start, sets *len (bytes) and *wide, and moves *at past it;
 * NULL at the end.  Column widths and word counts read text so. */
const char *unicode_next_word(const char *s, size_t n, size_t *at,
			      size_t *len, bool *wide);
/* The small letter of a capital of the Latin (Basic, Latin-1, Extended-A),
 * Greek and Cyrillic letters; any other code point as it is. */
unsigned unicode_lower(unsigned c);
/* A letter as a name is compared whatever its case and accents:
 * unicode_lower(), then a Latin letter without its accent (é, È, ç, ø, ș:
 * e, e, c, o, s) and the right single quotation mark and modifier
 * apostrophe as "'" ("Côte d’Ivoire" is "cote d'ivoire"). */
unsigned unicode_fold_letter(unsigned c);
/* Names in the order of a list for readers: letter by letter, whatever
 * their case and Latin accents (unicode_fold_letter: "Égypte" between
 * "Danemark" and "Espagne", "de" before "Público"), the bytes deciding
 * between names that are equal so.  For qsort over const char *. */
int unicode_names_compare(const void *a, const void *b);

/* FNV-1a, 32 bits: enough to tell versions of a file apart (the site's
 * asset names) and to find a slot in a table.  A hash starts at
 * HASH_START and goes on over bytes (hash_bytes) or whole 32-bit values
 * (hash_value, one step each). */
#define HASH_START 2166136261u
uint32_t hash_bytes(uint32_t h, const void *data, size_t len);
static inline uint32_t hash_value(uint32_t h, uint32_t v)
{
	return (h ^ v) * 16777619u;
}

/* Edit distance, for "did you mean" suggestions; gives up (returns a large
 * number) past short strings. */
size_t edit_distance(const char *a, const char *b);
/* The nearest of some candidates to a word, for a "did you mean": made
 * by near_start(word, limit) (a candidate nearer than limit counts),
 * offered each candidate by near_try (NULL ones passed over; the first
 * of equally near ones kept); best is NULL when none was near. */
struct near {
	const char *word, *best;
	size_t dist;
};
struct near near_start(const char *word, size_t limit);
void near_try(struct near *n, const char *candidate);

/* Reads a whole file into a malloc'd buffer (NUL-terminated).  Returns 0,
 * or an errno value; files over max_bytes give EFBIG, and anything but a
 * regular file (a named pipe would block for ever) FILE_NOT_REGULAR. */
enum { FILE_NOT_REGULAR = 0x7F00 };
int file_read_all(const char *path, size_t max_bytes, char **out,
		  size_t *out_len);
/* strerror(err), knowing FILE_NOT_REGULAR too. */
const char *file_error_text(int err);
/* Writes len bytes to path (created or truncated).  Returns 0, or an
 * errno value.  No stdio: a build writes thousands of pages, each whole
 * in memory. */
int file_write_all(const char *path, const char *data, size_t len);
/* A new empty file beside path, PATH.tmp-XXXXXX, readable by all (0644):
 * written whole and then renamed over path, so that path is never found
 * half-written.  Returns its name (in a), or NULL with errno set. */
char *file_temp_beside(struct arena *a, const char *path);

/* Where path leads once its symbolic links are resolved (heap, the caller
 * frees it) when that is outside root, a folder given with its links
 * resolved; NULL when it is inside, root is NULL, or path does not
 * resolve (reading it then says why). */
char *file_outside(const char *root, const char *path);

/* Makes the folder path and its missing parents (0777 less the umask);
 * true when it is there, also when it already was. */
bool file_mkdirs(const char *path);

#endif
