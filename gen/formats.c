/* formats — see formats.h. */
#include "formats.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Defined in the object (formats_table.c): non-NULL only in a program
 * that links the object's modules itself. */
extern const struct formats formats_table __attribute__((weak));

static const struct formats *S_table;
static char S_file[4200]; /* the object (or where it was looked for) */
static char S_why[4400];  /* why it is not loaded */

/* Sets S_file to the object beside the executable, or else to the one of
 * the installed layout (../lib/uprgen/); false when neither exists. */
static bool S_find(void)
{
	char dir[4096];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n <= 0) {
		snprintf(S_file, sizeof S_file, "%s", FORMATS_FILE);
		snprintf(S_why, sizeof S_why, "cannot find this program: %s",
			 strerror(errno));
		return false;
	}
	dir[n] = '\0';
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	snprintf(S_file, sizeof S_file, "%s/%s", dir, FORMATS_FILE);
	if (access(S_file, F_OK) == 0)
		return true;
	char beside[sizeof S_file];
	memcpy(beside, S_file, sizeof beside);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	snprintf(S_file, sizeof S_file, "%s/lib/uprgen/%s", dir, FORMATS_FILE);
	if (access(S_file, F_OK) == 0)
		return true;
	snprintf(S_why, sizeof S_why,
		 "missing (nor is it at %s): uprgen needs it for this; build "
		 "it with `make`, or install uprgen again",
		 S_file);
	memcpy(S_file, beside, sizeof S_file);
	return false;
}

static void S_load(void)
{
	if (&formats_table) {
		S_table = &formats_table;
		return;
	}
	if (!S_find())
		return;
	/* lazy binding for its libraries, as when they were linked in;
	 * the object itself is linked with -z now, so that a symbol it
	 * lacks is an error here, not a crash later */
	void *h = dlopen(S_file, RTLD_LAZY | RTLD_LOCAL);
	const struct formats *t = h ? dlsym(h, "formats_table") : NULL;
	if (!t) {
		const char *why = dlerror();
		snprintf(S_why, sizeof S_why, "cannot be loaded: %s",
			 why ? why : "no table formats_table");
		return;
	}
	if (t->size != sizeof *t || !t->version ||
	    strcmp(t->version, UPRGEN_VERSION)) {
		snprintf(S_why, sizeof S_why,
			 "comes from another build of uprgen (%s, not %s): "
			 "it must be the one built with this program",
			 t->size == sizeof *t && t->version ? t->version : "?",
			 UPRGEN_VERSION);
		return;
	}
	S_table = t;
}

static pthread_once_t S_once = PTHREAD_ONCE_INIT;

void formats_preload(void)
{
	pthread_once(&S_once, S_load);
}

const struct formats *formats_load(struct diags *d)
{
	pthread_once(&S_once, S_load);
	if (!S_table) {
		char what[sizeof S_why + 64];
		snprintf(what, sizeof what,
			 "uprgen's PDF, Word, spreadsheet and preview code: %s",
			 S_why);
		if (d)
			diag_error(d, (struct source_pos){S_file, 0, 0}, "%s",
				   what);
		else
			fprintf(stderr, "uprgen: %s: %s\n", S_file, what);
	}
	return S_table;
}
