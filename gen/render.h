/*
 * render — `uprgen render TEMPLATE --data FILE.yaml [--partials DIR]
 * [--markdown]`: expands one Mustache template with the data of a YAML
 * (or JSON) file and prints it; the tool of template authors and the
 * harness of the Mustache spec tests.
 *
 * Prints the expansion on stdout only when the whole render succeeded;
 * every problem goes to stderr as FILE:LINE:COLUMN: error: MESSAGE.
 * Returns the exit status: 0 success, 1 errors in the template or the
 * data (or a file that cannot be read), 2 wrong usage.
 *
 * Also here: the loader of partials from a folder, for whoever needs one.
 */
#ifndef UPRGEN_RENDER_H
#define UPRGEN_RENDER_H

#include <stddef.h>

#include "diag.h"
#include "util.h"

/* argv[0] is "render". */
int render_command(int argc, char **argv);

enum { RENDER_MAX_TEMPLATE_BYTES = 8 * 1024 * 1024 };

/*
 * Partials from one folder, as the `load` of struct mustache_partials
 * (ctx: a struct render_partials_dir).  Partial NAME is the first file of
 * DIR/NAME.mustache, DIR/NAME.md, DIR/NAME.html, DIR/NAME that exists.
 * A name must be a plain file name: one with '/' or '\', or starting with
 * '.', is an error at the tag (it could reach outside the folder).  Texts
 * and file names live in `arena`.
 */
struct render_partials_dir {
	const char *dir;
	struct arena *arena;
	struct diags *diags;
};

const char *render_partials_load(void *ctx, const char *name,
				 struct source_pos at, size_t *len,
				 const char **file);

#endif
