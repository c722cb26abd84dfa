/*
 * pdf_hyphen — where words may be hyphenated, from libhyphen and the
 * Debian pattern files of the report's language.
 *
 * pdf_hyphen_open() takes a language and a folder of .dic files and returns
 * a handle the caller closes (NULL when there is no dictionary: the text
 * is then set without hyphens).  pdf_hyphen_points() lowercases the word
 * (patterns are lowercase) and turns libhyphen's per-character answer into
 * byte offsets.
 *
 * Answers are remembered by lowercased word: a report says the same words
 * again and again, and libhyphen takes ≈3,000 instructions a word where a
 * look-up takes a tenth of that.  The memory stays bounded: past
 * S_CACHE_MAX words, new ones are hyphenated without being remembered.
 *
 * Debian's Russian patterns are in KOI8-R, as their first line says: a
 * word is turned into the dictionary's own character set (iconv) before
 * libhyphen reads it, one byte a letter, so that its answer is still one
 * mark a character.
 */
#include "pdf_int.h"

#include <hyphen.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

/* Longer words are left alone: they are not words. */
enum { S_MAX_WORD = 64, S_CACHE_MAX = 1 << 16 };

/* A remembered word: its bytes then its points (one byte each: points lie
 * inside the word, under 4 * S_MAX_WORD bytes) in the pool, at - 1. */
struct S_entry {
	uint32_t hash, at;
	uint16_t len, count;
};

struct pdf_hyphen {
	HyphenDict *dict;
	iconv_t to_dict; /* UTF-8 to the dictionary's set; (iconv_t)-1: UTF-8 */
	struct S_entry *slot; /* open addressing; at == 0: empty */
	size_t slots, used;
	struct buf pool;
};

struct pdf_hyphen *pdf_hyphen_open(enum lang lang, const char *dir)
{
	static const char *const files[LANG_COUNT][3] = {
		[LANG_EN] = {"hyph_en_US.dic", "hyph_en_GB.dic", "hyph_en.dic"},
		[LANG_ES] = {"hyph_es_ES.dic", "hyph_es.dic", "hyph_es_PE.dic"},
		[LANG_FR] = {"hyph_fr_FR.dic", "hyph_fr.dic", NULL},
		[LANG_RU] = {"hyph_ru_RU.dic", "hyph_ru.dic", NULL},
		/* Arabic is not hyphenated, nor Chinese (it breaks between
		 * characters) */
	};
	if ((unsigned)lang >= LANG_COUNT)
		return NULL;
	if (!dir)
		dir = "/usr/share/hyphen";
	for (int i = 0; i < 3 && files[lang][i]; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, files[lang][i]);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		HyphenDict *dict = hnj_hyphen_load_file(f);
		fclose(f);
		if (dict) {
			iconv_t to = (iconv_t)-1;
			if (!dict->utf8) {
				to = iconv_open(dict->cset, "UTF-8");
				if (to == (iconv_t)-1) {
					/* a set iconv does not know: no
					 * hyphens rather than wrong ones */
					hnj_hyphen_free(dict);
					continue;
				}
			}
			struct pdf_hyphen *h = xcalloc(1, sizeof *h);
			h->dict = dict;
			h->to_dict = to;
			buf_init(&h->pool);
			return h;
		}
	}
	return NULL;
}

void pdf_hyphen_close(struct pdf_hyphen *h)
{
	if (!h)
		return;
	hnj_hyphen_free(h->dict);
	if (h->to_dict != (iconv_t)-1)
		iconv_close(h->to_dict);
	free(h->slot);
	buf_free(&h->pool);
	free(h);
}

/* Lowercases ASCII, Latin and Cyrillic capitals (same UTF-8 length);
 * counts the characters; false when the word holds anything but
 * letters. */
static bool S_lower(const char *w, size_t len, char *out, size_t *chars)
{
	*chars = 0;
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned c = utf8_decode(w + i, len - i, &adv);
		bool ascii = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		bool latin = c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
		bool cyrillic = c >= 0x400 && c <= 0x45F;
		if (!ascii && !latin && !cyrillic)
			return false;
		memcpy(out + i, w + i, adv);
		if (c >= 'A' && c <= 'Z')
			out[i] = (char)(c + 32);
		else if (c >= 0xC0 && c <= 0xDE) /* two bytes: C3 80..9E */
			out[i + 1] = (char)(out[i + 1] + 0x20);
		else if (c >= 0x410 && c <= 0x41F) /* А..П: D0 90..9F */
			out[i + 1] = (char)(out[i + 1] + 0x20);
		else if (c >= 0x420 && c <= 0x42F) { /* Р..Я: D0 A0..AF */
			out[i] = (char)0xD1;
			out[i + 1] = (char)(out[i + 1] - 0x20);
		} else if (c >= 0x400 && c <= 0x40F) { /* Ѐ..Џ: D0 80..8F */
			out[i] = (char)0xD1;
			out[i + 1] = (char)(out[i + 1] + 0x10);
		}
		i += adv;
		(*chars)++;
	}
	out[len] = '\0';
	return true;
}

/* libhyphen's points of a lowercased word of chars characters. */
static size_t S_hyphenate(struct pdf_hyphen *h, char *low, size_t len,
			  size_t chars, size_t *pts, size_t max)
{
	char marks[4 * S_MAX_WORD + 6];
	char enc[4 * S_MAX_WORD + 1];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	memset(marks, 0, sizeof marks);
	const char *word = low;
	size_t word_len = len;
	if (h->to_dict != (iconv_t)-1) {
		/* one byte a character in the dictionary's set, or none */
		char *in = low, *out = enc;
		size_t in_left = len, out_left = sizeof enc - 1;
		iconv(h->to_dict, NULL, NULL, NULL, NULL);
		if (iconv(h->to_dict, &in, &in_left, &out, &out_left) ==
			    (size_t)-1 ||
		    in_left || (size_t)(out - enc) != chars)
			return 0;
		*out = '\0';
		word = enc;
		word_len = chars;
	}
	if (hnj_hyphen_hyphenate3(h->dict, word, (int)word_len, marks, NULL,
				  &rep, &pos, &cut, 2, 3, 2, 2) != 0)
		return 0;
	if (rep) { /* non-standard hyphenation: not used, just freed */
		for (size_t i = 0; i < word_len; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	/* marks are per character (UTF-8 dictionaries; one byte a
	 * character in the others) */
	size_t count = 0, byte = 0;
	for (size_t c = 0; c + 1 < chars && count < max; c++) {
		size_t adv;
		utf8_decode(low + byte, len - byte, &adv);
		byte += adv;
		if (marks[c] & 1)
			pts[count++] = byte;
	}
	return count;
}

static uint32_t S_hash(const char *s, size_t len)
{
	return hash_bytes(HASH_START, s, len);
}

/* The slot of the word, or the empty slot where it would go. */
static struct S_entry *S_find(struct pdf_hyphen *h, const char *w,
			      size_t len, uint32_t hash)
{
	for (size_t i = hash & (h->slots - 1);; i = (i + 1) & (h->slots - 1)) {
		struct S_entry *e = &h->slot[i];
		if (!e->at || (e->hash == hash && e->len == len &&
			       !memcmp(h->pool.data + e->at - 1, w, len)))
			return e;
	}
}

static void S_grow(struct pdf_hyphen *h)
{
	struct S_entry *old = h->slot;
	size_t n = h->slots;
	h->slots = n ? 2 * n : 1024;
	h->slot = xcalloc(h->slots, sizeof *h->slot);
	for (size_t i = 0; i < n; i++)
		if (old[i].at)
			*S_find(h, h->pool.data + old[i].at - 1, old[i].len,
				old[i].hash) = old[i];
	free(old);
}

static void S_remember(struct pdf_hyphen *h, const char *w, size_t len,
		       uint32_t hash, const size_t *pts, size_t count)
{
	if (h->used >= S_CACHE_MAX)
		return;
	if (2 * (h->used + 1) > h->slots)
		S_grow(h);
	struct S_entry *e = S_find(h, w, len, hash);
	*e = (struct S_entry){hash, (uint32_t)h->pool.len + 1, (uint16_t)len,
			      (uint16_t)count};
	buf_put(&h->pool, w, len);
	for (size_t i = 0; i < count; i++)
		buf_putc(&h->pool, (char)pts[i]);
	h->used++;
}

size_t pdf_hyphen_points(struct pdf_hyphen *h, const char *word, size_t len,
			 size_t *pts, size_t max)
{
	char low[4 * S_MAX_WORD + 1];
	size_t chars;
	if (!h || len < 4 || len > 4 * S_MAX_WORD ||
	    utf8_first_invalid(word, len) != len ||
	    !S_lower(word, len, low, &chars) || chars < 5)
		return 0;
	uint32_t hash = S_hash(low, len);
	struct S_entry *e = h->slots ? S_find(h, low, len, hash) : NULL;
	if (e && e->at) {
		const unsigned char *p =
			(const unsigned char *)h->pool.data + e->at - 1 + len;
		size_t count = e->count < max ? e->count : max;
		for (size_t i = 0; i < count; i++)
			pts[i] = p[i];
		return count;
	}
	size_t all[4 * S_MAX_WORD];
	size_t count = S_hyphenate(h, low, len, chars, all, 4 * S_MAX_WORD);
	S_remember(h, low, len, hash, all, count);
	count = count < max ? count : max;
	memcpy(pts, all, count * sizeof *pts);
	return count;
}
