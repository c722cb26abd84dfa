/*
 * cli — what every subcommand's option parsing shares: one way to say
 * "wrong usage" and one way to read a number.  Exit status 2 (EXIT_USAGE)
 * is wrong usage for every command.
 */
#ifndef UPRGEN_CLI_H
#define UPRGEN_CLI_H

#include <stdbool.h>

enum { CLI_EXIT_CONTENT = 1, CLI_EXIT_USAGE = 2 };

/* Prints "uprgen COMMAND: MESSAGE" and a pointer to --help on stderr;
 * returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The usage error of an argument a command does not take; when it is a
 * folder, says to name the project's folder with -C (what everyone types
 * first: "uprgen build slovenia"). */
int cli_unexpected(const char *command, const char *arg);

/* A whole decimal number from min to max, nothing else. */
bool cli_number(const char *s, long min, long max, long *out);

#endif
