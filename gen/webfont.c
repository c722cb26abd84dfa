/* webfont — see webfont.h. */
#define _GNU_SOURCE
#include "webfont.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "formats.h"

/* A site's text is read to at most this much, and a folder to this depth:
 * beyond, the characters found so far decide (a larger content folder is
 * refused long before, by the loader). */
enum { S_MAX_FILE = 64 << 20, S_MAX_DEPTH = 8 };

struct S_range {
	uint32_t lo, hi;
};

/* The blocks each script's font serves (the @font-face unicode-range):
 * from the Unicode block list. */
static const struct S_range S_arabic[] = {
	{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF},
	{0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}, {0, 0}};
static const struct S_range S_cjk[] = {
	{0x2E80, 0x2FDF}, {0x3000, 0x303F}, {0x3040, 0x30FF},
	{0x3100, 0x312F}, {0x3190, 0x31FF}, {0x3200, 0x33FF},
	{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF},
	{0xFE30, 0xFE4F}, {0xFF00, 0xFFEF}, {0x20000, 0x2FA1F}, {0, 0}};

enum S_script { S_ARABIC, S_CJK, S_SCRIPT_COUNT };

static const struct S_face {
	enum S_script script;
	const char *family; /* the CSS family the stylesheet lists first */
	const char *slug;   /* in the file's name */
	const char *path;
	unsigned index; /* in a font collection */
	int weight;
	const char *ext, *format;
	/* keep the shaping tables: Arabic letters take their contextual
	 * forms from them; CJK text needs none, and keeping them would
	 * bring in every vertical and variant form (twice the bytes, seven
	 * times the time) */
	bool layout;
} S_faces[WEBFONT_MAX_FILES] = {
	{S_ARABIC, "uprgen Arabic", "arabic",
	 "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf", 0, 400,
	 "ttf", "truetype", true},
	{S_ARABIC, "uprgen Arabic", "arabic",
	 "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf", 0, 700,
	 "ttf", "truetype", true},
	/* index 2 of Debian's collections is Simplified Chinese */
	{S_CJK, "uprgen CJK", "cjk",
	 "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, 400,
	 "otf", "opentype", false},
	{S_CJK, "uprgen CJK", "cjk",
	 "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2, 700,
	 "otf", "opentype", false},
};

static const struct S_range *S_ranges(enum S_script s)
{
	return s == S_ARABIC ? S_arabic : S_cjk;
}

/* The characters found, one bit each up to U+2FFFF. */
enum { S_MAX_CHAR = 0x30000 };
struct S_found {
	uint8_t bits[S_MAX_CHAR / 8];
};

static void S_scan(struct S_found *f, const char *s, size_t len)
{
	while (len) {
		size_t good = utf8_first_invalid(s, len);
		for (size_t i = 0; i < good;) {
			if ((unsigned char)s[i] < 0x80) {
				i++;
				continue;
			}
			size_t adv;
			unsigned c = utf8_decode(s + i, good - i, &adv);
			if (c < S_MAX_CHAR)
				f->bits[c >> 3] |= (uint8_t)(1u << (c & 7));
			i += adv;
		}
		if (good >= len)
			break;
		s += good + 1; /* past the bad byte */
		len -= good + 1;
	}
}

static bool S_text_file(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml") ||
		       !strcmp(dot, ".md") || !strcmp(dot, ".markdown") ||
		       !strcmp(dot, ".html"));
}

/* The text files under dir: their characters into f. */
static void S_scan_dir(struct S_found *f, struct arena *a, const char *dir,
		       int depth)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *path = arena_path(a, dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (depth < S_MAX_DEPTH)
				S_scan_dir(f, a, path, depth + 1);
		} else if (S_ISREG(st.st_mode) && S_text_file(e->d_name)) {
			char *text;
			size_t len;
			if (file_read_all(path, S_MAX_FILE, &text, &len) == 0) {
				S_scan(f, text, len);
				free(text);
			}
		}
	}
	closedir(d);
}

static bool S_script_of_language(enum S_script s, enum lang l)
{
	return (s == S_ARABIC && l == LANG_AR) || (s == S_CJK && l == LANG_ZH);
}

void webfont_plan(struct webfont_plan *p, struct arena *a,
		  struct diags *d, const enum lang *langs, size_t n,
		  const char *const *dirs, size_t ndirs)
{
	memset(p, 0, sizeof *p);
	p->css = "";
	bool want[S_SCRIPT_COUNT] = {false};
	bool any = false;
	for (size_t i = 0; i < n; i++)
		for (int s = 0; s < S_SCRIPT_COUNT; s++)
			if (S_script_of_language((enum S_script)s, langs[i]))
				want[s] = any = true;
	if (!any)
		return;

	struct S_found *found = xcalloc(1, sizeof *found);
	for (size_t i = 0; i < ndirs; i++)
		if (dirs[i])
			S_scan_dir(found, a, dirs[i], 0);

	struct buf css;
	buf_init(&css);
	for (unsigned k = 0; k < WEBFONT_MAX_FILES; k++) {
		const struct S_face *face = &S_faces[k];
		if (!want[face->script])
			continue;
		const struct S_range *ranges = S_ranges(face->script);
		/* the characters of the script the text uses, and a hash of
		 * all that makes the file's bytes */
		size_t count = 0;
		for (const struct S_range *r = ranges; r->hi; r++)
			for (uint32_t c = r->lo; c <= r->hi && c < S_MAX_CHAR; c++)
				count += (found->bits[c >> 3] >> (c & 7)) & 1;
		if (!count)
			continue;
		struct stat st;
		if (stat(face->path, &st) != 0) {
			diag_warning(d, (struct source_pos){face->path, 0, 0},
				     "the website ships no %s font: %s is "
				     "missing (Debian fonts-noto-core, "
				     "fonts-noto-cjk); its pages use the "
				     "reader's fonts",
				     face->slug, face->path);
			continue;
		}
		/* HarfBuzz's version is in uprgen's object: only a site
		 * with such a font loads it */
		const struct formats *F = formats_load(d);
		if (!F)
			break;
		uint32_t *chars = arena_alloc(a, count * sizeof *chars);
		size_t m = 0;
		const char *version = F->webfont_hb_version();
		uint32_t h = hash_bytes(HASH_START, face->path,
					strlen(face->path));
		h = hash_bytes(h, version, strlen(version));
		h = hash_value(h, (uint32_t)st.st_size);
		for (const struct S_range *r = ranges; r->hi; r++)
			for (uint32_t c = r->lo; c <= r->hi && c < S_MAX_CHAR; c++)
				if ((found->bits[c >> 3] >> (c & 7)) & 1) {
					chars[m++] = c;
					h = hash_value(h, c);
				}
		struct webfont_file *f = &p->files[p->nfiles++];
		f->face = k;
		f->chars = chars;
		f->nchars = m;
		f->name = arena_printf(a, "font-%s-%d-%08x.%s", face->slug,
				       face->weight, (unsigned)h, face->ext);
		buf_printf(&css,
			   "@font-face { font-family: \"%s\"; src: url(%s) "
			   "format(\"%s\"); font-weight: %d; "
			   "font-display: swap; unicode-range: ",
			   face->family, f->name, face->format, face->weight);
		for (const struct S_range *r = ranges; r->hi; r++)
			buf_printf(&css, "%sU+%04X-%04X", r == ranges ? "" : ", ",
				   (unsigned)r->lo, (unsigned)r->hi);
		buf_puts(&css, "; }\n");
	}
	free(found);
	if (css.len)
		p->css = arena_strndup(a, css.data, css.len);
	buf_free(&css);
}

bool webfont_subset(const struct webfont_file *f, struct buf *out,
		    struct diags *d)
{
	const struct S_face *face = &S_faces[f->face];
	const struct formats *F = formats_load(d);
	if (!F)
		return false;
	if (F->webfont_hb_subset(face->path, face->index, face->layout,
				 f->chars, f->nchars, out))
		return true;
	diag_error(d, (struct source_pos){face->path, 0, 0},
		   "HarfBuzz could not subset this font for the website");
	return false;
}
