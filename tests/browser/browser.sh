#!/usr/bin/env bash
# The websites in a real browser: part of `make test` (run.sh), or alone
# with `make test-browser`; about a minute, with Chromium and two npm
# packages, which `make test`'s test-deps install.  Builds the
# example report, the site fixture and the hostile project, then runs
# browser.js on them (axe-core, layout at 1280 and 375 px, chart text,
# search, print); screenshots go to build/browser/shots/.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${UPRGEN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -d "$root/build/browser/node_modules/puppeteer-core" ] ||
   [ ! -d "$root/build/browser/node_modules/axe-core" ]; then
	echo "browser: cannot run: puppeteer-core and axe-core are not in build/browser (make test-browser)"
	echo "browser: 0 passed, 1 failed"
	exit 1
fi
sites=()
for project in "$root" "$root/tests/site/fixture" "$root/tests/build/hostile" \
	"$root/tests/projects/ar-fr" "$root/tests/projects/zh-ru"; do
	name=$(basename "$project")
	[ "$project" = "$root" ] && name=example
	if ! "$UPRGEN" build -C "$project" --out "$tmp/$name" >/dev/null 2>"$tmp/err"; then
		cat "$tmp/err"
		echo "browser: 0 passed, 1 failed"
		exit 1
	fi
	sites+=("$tmp/$name/site")
done
rm -rf "$root/build/browser/shots"
node "$root/tests/browser/browser.js" "$root/build/browser/shots" "${sites[@]}"
