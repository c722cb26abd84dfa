/*
 * build — `uprgen build`: content/ to the website and the PDF reports.
 * Takes the command's arguments (argv[0] is "build"); returns the exit
 * status: 0 built, 1 the content or the templates have errors (all
 * printed; the previous output is left as it was), 2 wrong usage.
 */
#ifndef UPRGEN_BUILD_H
#define UPRGEN_BUILD_H

int build_command(int argc, char **argv);

#endif
