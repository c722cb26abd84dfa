/*
 * pdf_hyphen — where words may be hyphenated, from libhyphen and the
 * Debian pattern files of the report's language.
 *
 * pdf_hyphen_open() takes a language and a folder of .dic files and returns
 * a handle the caller closes (NULL when there is no dictionary: the text
 * is then set without hyphens).  pdf_hyphen_points() lowercases the word
 * (patterns are lowercase) and turns libhyphen's per-character answer into
 * byte offsets.
 */
#include "pdf_int.h"

#include <hyphen.h>
#include <stdlib.h>
#include <string.h>

/* Longer words are left alone: they are not words. */
enum { S_MAX_WORD = 64 };

struct pdf_hyphen {
	HyphenDict *dict;
};

struct pdf_hyphen *pdf_hyphen_open(enum lang lang, const char *dir)
{
	static const char *const files[LANG_COUNT][3] = {
		[LANG_EN] = {"hyph_en_US.dic", "hyph_en_GB.dic", "hyph_en.dic"},
		[LANG_ES] = {"hyph_es_ES.dic", "hyph_es.dic", "hyph_es_PE.dic"},
		[LANG_FR] = {"hyph_fr_FR.dic", "hyph_fr.dic", NULL},
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
			struct pdf_hyphen *h = xmalloc(sizeof *h);
			h->dict = dict;
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
	free(h);
}

/* Lowercases ASCII and Latin-1 capitals (same UTF-8 length); counts the
 * characters; false when the word holds anything but letters. */
static bool S_lower(const char *w, size_t len, char *out, size_t *chars)
{
	*chars = 0;
	for (size_t i = 0; i < len;) {
		size_t adv;
		unsigned c = utf8_decode(w + i, len - i, &adv);
		bool ascii = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		bool latin = c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
		if (!ascii && !latin)
			return false;
		memcpy(out + i, w + i, adv);
		if (c >= 'A' && c <= 'Z')
			out[i] = (char)(c + 32);
		else if (c >= 0xC0 && c <= 0xDE) /* two bytes: C3 80..9E */
			out[i + 1] = (char)(out[i + 1] + 0x20);
		i += adv;
		(*chars)++;
	}
	out[len] = '\0';
	return true;
}

size_t pdf_hyphen_points(struct pdf_hyphen *h, const char *word, size_t len,
			 size_t *pts, size_t max)
{
	char low[4 * S_MAX_WORD + 1], marks[4 * S_MAX_WORD + 6];
	size_t chars;
	if (!h || len < 4 || len > 4 * S_MAX_WORD ||
	    utf8_first_invalid(word, len) != len ||
	    !S_lower(word, len, low, &chars) || chars < 5)
		return 0;
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	memset(marks, 0, sizeof marks);
	if (hnj_hyphen_hyphenate3(h->dict, low, len, marks, NULL, &rep, &pos,
				  &cut, 2, 3, 2, 2) != 0)
		return 0;
	if (rep) { /* non-standard hyphenation: not used, just freed */
		for (size_t i = 0; i < len; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	/* marks are per character for UTF-8 dictionaries */
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
