#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
# A chart of a statistic that does not exist, on line 5 of the chapter.
printf '# Figures\n\nThe budget:\n\n```chart budgets\n```\n' >"$c"
