/*
 * templates — where template files come from.  A report project may hold
 * its own templates/ folder; any file it lacks comes from the built-in
 * templates (the ones shipped with uprgen), so a user overrides one
 * chapter by copying one file.
 *
 * The built-in folder is, in order: $UPRGEN_TEMPLATES; the templates/
 * folder of the source checkout the executable was built in; the
 * installed PREFIX/share/uprgen/templates beside PREFIX/bin/uprgen.
 */
#ifndef UPRGEN_TEMPLATES_H
#define UPRGEN_TEMPLATES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

struct template_dirs {
	const char *user;    /* DIR/templates, or NULL when absent */
	const char *builtin; /* NULL when none was found */
};

/* Finds the folders for the project `dir`; argv0 helps find a source
 * checkout.  Strings live in `a`.  A user's templates/ that is no folder,
 * cannot be read, or holds a file that cannot be read or is not a
 * regular file (a named pipe) is an error in `d`, with its path: never
 * silently replaced by the built-in templates. */
struct template_dirs templates_find(struct arena *a, const char *dir,
				    const char *argv0, struct diags *d);

/* Reads template `name` (a plain file name such as "report.md" or
 * "labels/es.yaml": no "..", no leading "/"), the user's copy first.
 * Returns its NUL-terminated text in `a` and sets *len and *path (the file
 * read, for messages); NULL when neither folder has it. */
const char *templates_load(struct arena *a, const struct template_dirs *t,
			   const char *name, size_t *len, const char **path);

/* The path of template `name`, user's first, or NULL: for files copied
 * as they are (CSS, scripts). */
const char *templates_path(struct arena *a, const struct template_dirs *t,
			   const char *name);

/* The partials of a Markdown template ({{>name}}, {{<name}}) are the
 * name.md files of the template folders: templates_md_partial is the
 * loader a struct mustache_partials takes, with a struct
 * templates_md_partials (whose arena holds what it reads) as its
 * context.  A name that is empty, starts with "." or holds "/" is no
 * partial (NULL). */
struct templates_md_partials {
	struct arena *a;
	const struct template_dirs *t;
};
const char *templates_md_partial(void *ctx, const char *name,
				 struct source_pos at, size_t *len,
				 const char **file);

/* Whether a Markdown or HTML template of the project's own names label
 * `key` ({{labels.KEY}}, {{words.KEY}}): a label of its own, not a
 * misspelt one of uprgen's. */
bool templates_mention(struct arena *a, const struct template_dirs *t,
		       const char *key);

/* What a build would find wrong in the project's own templates, for
 * `check`: each Markdown and HTML template is parsed as Mustache (its
 * errors at their lines).  The labels are words_labels()'s to read. */
void templates_check(struct arena *a, const struct template_dirs *t,
		     struct diags *d);

enum { TEMPLATES_MAX_BYTES = 4 * 1024 * 1024 };

#endif
