#!/usr/bin/env bash
# The website of the example report, of the site fixture, of the hostile
# project and of the test projects in Arabic/French and Chinese/Russian: every
# internal link resolves, nothing is loaded from another host, and the Nu
# HTML Checker reports no error (java and vnu.jar must be there: the
# Makefile's test-deps fetches vnu-jar from npm into build/vnu); what a
# publisher needs (check-publish.py: sitemap, canonical, hreflang, open
# data, labels, print rules); the search, run under Node (search-test.js:
# an id finds itself alone, phrases, institutions, SDG targets).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${UPRGEN:?}"
. "$(dirname "$0")/../lib.sh"
if [[ -z ${VNU_JAR:-} && -f $root/build/vnu/node_modules/vnu-jar/build/dist/vnu.jar ]]; then
	export VNU_JAR=$root/build/vnu/node_modules/vnu-jar/build/dist/vnu.jar
fi
for project in "$root" "$root/tests/site/fixture" "$root/tests/build/hostile" \
	"$root/tests/projects/ar-fr" "$root/tests/projects/zh-ru"; do
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
	if python3 "$root/tests/site/check-publish.py" "$tmp/$name/site" "$project" >"$tmp/log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL publishing of $name"
		tail -n 30 "$tmp/log"
	fi
done
# the search, in each language of the example and of the fixture
if ! command -v node >/dev/null 2>&1; then
	fail=$((fail + 1))
	echo "FAIL search: cannot run: node is not installed (make test-deps)"
else
	for dir in "$tmp/$(basename "$root")/site/en:110.1" "$tmp/$(basename "$root")/site/es:110.1" \
		   "$tmp/fixture/site/en:140.1" "$tmp/fixture/site/fr:140.1"; do
		if node "$root/tests/site/search-test.js" "${dir%:*}" "${dir##*:}" >"$tmp/log" 2>&1; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL search in ${dir%:*}"
			tail -n 20 "$tmp/log"
		fi
	done
fi
# a new project's site (no statistics yet): its statistics page says so,
# in its language, instead of a heading over nothing
"$UPRGEN" new "$tmp/fresh" --state Chile --lang es >/dev/null 2>&1 &&
	"$UPRGEN" build -C "$tmp/fresh" --format html >/dev/null 2>"$tmp/fresh.err"
if grep -q '<p>No se publican estadísticas con este informe.</p>' "$tmp/fresh/build/site/statistics.html" 2>/dev/null; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL a site without statistics: its statistics page says nothing ($(head -n 2 "$tmp/fresh.err"))"
fi
# the same new project with a cluster and no recommendation: every page
# and both documents say there is none (check-empty.py)
cat >"$tmp/fresh/content/clusters.yaml" <<'YAML'
- id: agua
  title: Derecho al agua
  description: Acceso al agua potable.
YAML
if "$UPRGEN" build -C "$tmp/fresh" >/dev/null 2>"$tmp/fresh.err" &&
	python3 "$root/tests/site/check-empty.py" "$tmp/fresh/build" >"$tmp/log" 2>&1; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL a project with no recommendation:"
	cat "$tmp/fresh.err" "$tmp/log"
fi
echo "site: $pass passed, $fail failed"
((fail == 0))
