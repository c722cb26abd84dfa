#!/usr/bin/env bash
# A one-line layout (every page) that writes ~60 MiB a page (under the bound of
# one expansion): the site's pages are bounded as a whole, so the build
# stops with an error at the template instead of writing gigabytes.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$d/templates"
line=$(printf 'x%.0s' $(seq 1 900))
open='' close=''
for ((i = 0; i < 16; i++)); do
	open+='{{#ctx.recommendations}}'
	close+='{{/ctx.recommendations}}'
done
printf '%s%s%s\n' "$open" "$line" "$close" >"$d/templates/layout.html"
