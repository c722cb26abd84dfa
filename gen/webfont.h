/*
 * webfont — the fonts the website ships for the scripts a reader's system
 * may lack: Arabic and Chinese (issue 20).  Latin and Cyrillic pages keep
 * the system's fonts: every system has them.
 *
 * webfont_plan() takes the site's languages and the text the pages can
 * show (the content folder's files, and the templates': labels, built-in
 * chapters, page templates) and decides
 * which faces go with the site, subset to the characters of their script
 * that the text uses: Noto Sans Arabic and Noto Sans CJK SC from Debian's
 * fonts-noto-core and fonts-noto-cjk, regular and bold.  It returns the
 * @font-face rules to add to the stylesheet, naming each font file with a
 * hash of what makes its bytes (the font, the characters, HarfBuzz's
 * version), so the names are known before the files are made and a
 * browser never keeps an old subset.  webfont_subset() then makes one
 * file's bytes with HarfBuzz's subsetter (hb-subset): Arabic keeps its
 * shaping tables (contextual forms, ligatures, marks), CJK keeps only the
 * glyphs of its characters.
 *
 * The plan lives in the arena given; a face whose font file is missing is
 * a warning (the site then leaves that script to the reader's fonts).
 */
#ifndef UPRGEN_WEBFONT_H
#define UPRGEN_WEBFONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "model.h"
#include "util.h"

enum { WEBFONT_MAX_FILES = 4 };

struct webfont_file {
	const char *name; /* under assets/: font-arabic-400-1a2b3c4d.ttf */
	unsigned face;    /* which of webfont.c's faces */
	uint32_t *chars;  /* the characters to keep, ascending */
	size_t nchars;
};

struct webfont_plan {
	struct webfont_file files[WEBFONT_MAX_FILES];
	size_t nfiles;
	const char *css; /* the @font-face rules, "" when no file */
};

/* The plan for a site in langs (n of them), whose text is in the files
 * (.yaml, .md, .html) under the folders dirs (ndirs of them, NULL ones
 * skipped: the content folder, the project's and the built-in templates),
 * read again here — only for a site with an Arabic or Chinese language.
 * Never fails: what cannot be read or found is a warning in d. */
void webfont_plan(struct webfont_plan *p, struct arena *a,
		  struct diags *d, const enum lang *langs, size_t n,
		  const char *const *dirs, size_t ndirs);

/* The bytes of file f of the plan, appended to out; false (with an error
 * in d) when HarfBuzz cannot subset the font. */
bool webfont_subset(const struct webfont_file *f, struct buf *out,
		    struct diags *d);

/* HarfBuzz's part, in uprgen's object (webfont_hb.c; called through
 * formats.h): its version string (static), and the subset of the font at
 * path (face index of a collection) to the characters chars[0..nchars),
 * keeping the shaping tables when layout is set, appended to out; false
 * when HarfBuzz cannot make it. */
const char *webfont_hb_version(void);
bool webfont_hb_subset(const char *path, unsigned index, bool layout,
		       const uint32_t *chars, size_t nchars, struct buf *out);

#endif
