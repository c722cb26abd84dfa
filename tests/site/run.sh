#!/usr/bin/env bash
# The website of the example report and of the site fixture: every
# internal link resolves, nothing is loaded from another host, and the Nu
# HTML Checker reports no error (java and vnu.jar must be there: the
# Makefile's test-deps fetches vnu-jar from npm into build/vnu).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${UPRGEN:?}"
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [[ -z ${VNU_JAR:-} && -f $root/build/vnu/node_modules/vnu-jar/build/dist/vnu.jar ]]; then
	export VNU_JAR=$root/build/vnu/node_modules/vnu-jar/build/dist/vnu.jar
fi
for project in "$root" "$root/tests/site/fixture" "$root/tests/build/hostile"; do
	name=$(basename "$project")
	if ! "$UPRGEN" build -C "$project" --format html --out "$tmp/$name" >/dev/null 2>"$tmp/err"; then
		fail=$((fail + 1))
		echo "FAIL build of $name"
		cat "$tmp/err"
		continue
	fi
	if bash "$root/tests/site/check-site.sh" "$tmp/$name/site" >"$tmp/log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL site of $name"
		tail -n 30 "$tmp/log"
	fi
done
echo "site: $pass passed, $fail failed"
((fail == 0))
