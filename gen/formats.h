/*
 * formats — the boundary between the uprgen executable and its object
 * uprgen-formats.so, which holds the code that needs the large libraries:
 * the PDF (libharu, HarfBuzz, FriBidi, libunibreak, libhyphen,
 * libdeflate), Word and the Office readers (libzip, expat), the
 * spreadsheets (libxlsxwriter), the live preview (libmicrohttpd, which
 * brings GnuTLS) and the website's Arabic and Chinese fonts (HarfBuzz's
 * subsetter).  Mapping and relocating those libraries took most of the
 * start of every run, a website build's included, which uses none of
 * them; now only the commands that need one load the object, and with it
 * its libraries.
 *
 * What crosses: struct formats, one table of entry points, each the
 * module function of the same name with its own contract and header
 * (pdf.h, docx.h, webfont.h, serve.h, sheet.h, import.h): memory
 * belongs where those headers say (the caller's arenas, diags and
 * buffers); the object keeps nothing between calls but what its modules
 * keep themselves.  The object's code calls the executable's core
 * (arena, diags, words, markdown, cmark-gfm...): the executable exports
 * its symbols (-rdynamic) and the object is linked against none of them.
 * Its own symbols are hidden but the table, formats_table.
 *
 * Where: a program that links the object's modules itself (the unit
 * tests, tests/render's harness, the fuzz targets) has the table linked
 * in (a weak reference), and loads nothing.  Otherwise the object is
 * uprgen-formats.so beside the executable (/proc/self/exe: build/,
 * build/asan/, build/tsan/ each have their own, built with the same
 * flags), or ../lib/uprgen/uprgen-formats.so from it (`make install`:
 * PREFIX/bin/uprgen, PREFIX/lib/uprgen/).  It must come from the same
 * build: an object of another version is refused.
 */
#ifndef UPRGEN_FORMATS_H
#define UPRGEN_FORMATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>

#include "diag.h"
#include "docx.h"
#include "import.h"
#include "pdf.h"
#include "util.h"

/* The object's file name. */
#define FORMATS_FILE "uprgen-formats.so"

struct formats {
	const char *version; /* UPRGEN_VERSION of the build that made it */
	size_t size;         /* sizeof (struct formats) there */
	/* build: one PDF, one Word file (pdf.h, docx.h); each PDF thread
	 * calls pdf_render at the same time */
	bool (*pdf_render)(cmark_node *doc, const struct pdf_options *opt,
			   const char *out_path, struct diags *d);
	bool (*docx_render)(cmark_node *doc, const struct docx_options *opt,
			    const char *out_path, struct diags *d);
	/* the website's Arabic and Chinese fonts (webfont.h) */
	const char *(*webfont_hb_version)(void);
	bool (*webfont_hb_subset)(const char *path, unsigned index,
				  bool layout, const uint32_t *chars,
				  size_t nchars, struct buf *out);
	/* whole commands: `serve`, `export` (sheets and matrix), `import
	 * sheet` (serve.h, sheet.h) */
	int (*serve_command)(int argc, char **argv);
	int (*sheet_export_command)(int argc, char **argv);
	int (*sheet_import_command)(int argc, char **argv);
	/* `import`'s readers of the UHRI's CSV and Excel files and of
	 * OHCHR's Word matrix (import.h) */
	bool (*import_uhri)(struct import_set *set,
			    const struct import_options *o, const char *text,
			    size_t len);
	bool (*import_uhri_xlsx)(struct import_set *set,
				 const struct import_options *o,
				 const char *bytes, size_t len);
	bool (*import_ohchr_docx)(struct import_set *set,
				  const struct import_options *o,
				  const char *bytes, size_t len);
};

/* The table, loaded on the first call (once per process; any thread may
 * call).  NULL when the object cannot be found or loaded: then an error
 * naming the file, and dlerror()'s reason, is added to d, or printed on
 * stderr ("uprgen: ...") when d is NULL; it is never unloaded. */
const struct formats *formats_load(struct diags *d);

/* Loads the object now, quietly, if it is not loaded yet: for a command
 * that knows it will need it, before its heap is laid out (heap.h); a
 * failure is reported by the next formats_load(). */
void formats_preload(void);

#endif
