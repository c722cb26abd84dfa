#!/usr/bin/env bash
# A picture that is a named pipe (it blocked the build for ever) and one
# linked outside the project (it was copied into the site): both refused
# with a warning at their line, their descriptions shown.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
mkfifo "$d/content/pipe.png"
mkdir -p "$d/../outside-$$"
printf '\x89PNG\r\n\x1a\n' >"$d/../outside-$$/x.png"
ln -s "$(cd "$d/.." && pwd)/outside-$$/x.png" "$d/content/linked.png"
printf '# Pictures\n\n![A pipe](pipe.png)\n\n![A link](linked.png)\n' >"$c"
