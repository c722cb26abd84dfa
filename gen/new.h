/*
 * new — `uprgen new DIR --state NAME [--cycle N] [--session N]
 * [--lang LL,...]`: starts a report project that checks and builds at once.
 *
 * Writes DIR/content/ (report.yaml filled in with placeholders marked
 * TODO, the values it guesses tagged REPORT_PLACEHOLDER_TAG too: the
 * adoption date, the session when not given, the State's name in the
 * languages after the first; clusters.yaml and recommendations.yaml as empty lists with a
 * commented example, chapters/NAME.LL.md in each language) and
 * DIR/.gitignore when there is none.  The content folder is made beside
 * and moved into place only when complete; an existing one is never
 * touched.  Dates are today's, or SOURCE_DATE_EPOCH's.
 *
 * new_command() is the command line (argv[0] == "new"); it returns the
 * exit status: 0 done, 1 cannot (DIR/content exists, a write failed),
 * 2 wrong usage.
 */
#ifndef UPRGEN_NEW_H
#define UPRGEN_NEW_H

int new_command(int argc, char **argv);

#endif
