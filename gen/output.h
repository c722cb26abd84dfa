/*
 * output — the build's output folder, swapped in as one unit.
 *
 * A build never writes where a reader looks.  The output folder OUT holds
 *
 *   OUT/.uprgen/out-XXXXXX/   one whole output, a generation: site/, md/,
 *                             report-LL.pdf, written by one build
 *   OUT/.uprgen/current       a symbolic link to the generation shown
 *   OUT/.uprgen/lock          locked (flock) by the build writing OUT
 *   OUT/site, OUT/md, OUT/report-LL.pdf
 *                             symbolic links ".uprgen/current/NAME"
 *
 * A build writes a new generation (the staging folder), then switches
 * `current` to it with one rename(2): a reader sees the whole old output
 * or the whole new one, never a mix, and a build that fails or is killed
 * before that rename leaves the old one exactly as it was.  The old
 * generation is removed after the switch.
 *
 * The `.uprgen` folder and links of that exact text are what uprgen made;
 * anything else at OUT/site, OUT/md or OUT/report-LL.pdf (a user's own
 * folder, a link to a web root) is never replaced: the build refuses.
 *
 * output_guard_start() forks, first thing, a small process that outlives
 * a killed build (SIGINT, SIGTERM, SIGHUP and SIGKILL alike) and removes
 * its staging folder then, unless it became the current output.
 *
 * Messages go to the diagnostics given; memory is in the arena given.
 */
#ifndef UPRGEN_OUTPUT_H
#define UPRGEN_OUTPUT_H

#include <stdbool.h>

#include "diag.h"
#include "util.h"

struct output;

/* Forks the guard; call before any thread starts (the child of a
 * multi-threaded process may not allocate).  Without it (fork failed) a
 * killed build's staging folder is removed by the next build. */
void output_guard_start(void);

enum output_status { OUTPUT_OK, OUTPUT_REFUSED, OUTPUT_USAGE };

/* Opens OUT for a build of the project `project`: refuses (OUTPUT_USAGE)
 * an OUT that is, or is inside, the project's content/ or templates/;
 * creates OUT and OUT/.uprgen, takes the lock (waiting, with a message on
 * stderr, while another build holds it); refuses (OUTPUT_REFUSED) when
 * one of `names` (NULL-terminated: what the build will show) is in OUT and
 * not uprgen's; removes the generations a killed build left; makes the
 * staging folder.  NULL on failure, with the errors in d. */
struct output *output_open(struct arena *a, struct diags *d, const char *out,
			   const char *project, const char *const *names,
			   enum output_status *status);

/* The new generation's folder, to write site/, md/, report-LL.pdf in. */
const char *output_staging(const struct output *o);

/* Carries NAME (a file or a folder) of the output shown now into the new
 * generation (hard links; copies where links cannot be made), for what
 * this build does not remake.  false when there was none. */
bool output_keep(struct output *o, struct diags *d, const char *name);

/* Shows the new generation: makes the missing links OUT/NAME for its
 * entries, switches `current` to it (the one step a reader can see),
 * removes the links of names it no longer has and the old generation.
 * false, with the output as it was, when the switch could not be made. */
bool output_commit(struct output *o, struct diags *d);

/* Removes the staging folder unless committed; releases the lock. */
void output_close(struct output *o);

#endif
