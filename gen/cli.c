/* cli — usage errors and numbers on the command line. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "uprgen %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n(see 'uprgen %s --help')\n", command);
	return CLI_EXIT_USAGE;
}

int cli_unexpected(const char *command, const char *arg)
{
	struct stat st;
	if (arg[0] != '-' && !stat(arg, &st) && S_ISDIR(st.st_mode))
		return cli_usage_error(command,
				       "unexpected '%s': a project's folder is "
				       "named with -C ('uprgen %s -C %s')",
				       arg, command, arg);
	/* an option that takes a value, met here: it came last, without it */
	static const char *const valued[] = {
		"-C",	  "--out",  "--lang",	 "--format",  "--port",
		"--host", "--by",   "--data",	 "--partials", "--state",
		"--cycle", "--session", "--encoding", NULL};
	for (size_t i = 0; valued[i]; i++)
		if (!strcmp(arg, valued[i]))
			return cli_usage_error(command, "'%s' needs a value",
					       arg);
	return cli_usage_error(command, "unexpected '%s'", arg);
}

bool cli_number(const char *s, long min, long max, long *out)
{
	char *end;
	errno = 0;
	long n = strtol(s, &end, 10);
	if (errno || end == s || *end || n < min || n > max)
		return false;
	*out = n;
	return true;
}
