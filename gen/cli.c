/* cli — usage errors and numbers on the command line. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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
