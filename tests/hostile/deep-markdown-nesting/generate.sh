#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# 5,000 nested block quotes, 5,000 nested lists ("- - - x"), 5,000 nested
# emphases and 5,000 nested links in one chapter (under 1 MiB): no stack
# overflow in either back end, and in time.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
rep() { local i; for ((i = 0; i < $2; i++)); do printf '%s' "$1"; done; }
{
	printf '# Deep\n\n'
	rep '>' 5000; printf ' quoted\n\n'
	rep '- ' 5000; printf 'item\n\n'
	rep '*_' 5000; printf 'x'; rep '_*' 5000; printf '\n\n'
	rep '[' 5000; printf 'x'; rep '](u)' 5000; printf '\n'
} >"$c"
