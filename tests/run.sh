#!/usr/bin/env bash
# Runs every test of the project and prints one closing line
# "N passed, N failed".  Suites: the unit-test programs ($UNIT_BINS, built
# by the Makefile under sanitizers) and every tests/*/run.sh.  Each suite
# ends with its own "NAME: N passed, N failed" line; a suite that exits
# non-zero without one counts as one failure.
set -u
cd "$(dirname "$0")/.."
: "${UPRGEN:?UPRGEN must name the uprgen binary under test}"
: "${SHARED:=$(cd .. && pwd)/shared}"
export UPRGEN SHARED
logs=build/test-logs
mkdir -p "$logs"
passed=0
failed=0
bad=()

run_suite() {
	local name=$1
	shift
	local log="$logs/$name.log"
	"$@" >"$log" 2>&1
	local status=$?
	local line
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [[ -z $line ]]; then
		echo "$name: no result line (exit $status)"
		tail -n 20 "$log"
		failed=$((failed + 1))
		bad+=("$name")
		return
	fi
	local p f
	p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+')
	f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+')
	passed=$((passed + p))
	failed=$((failed + f))
	if ((status != 0 && f == 0)); then
		failed=$((failed + 1))
	fi
	if ((f > 0 || status != 0)); then
		bad+=("$name")
		echo "--- $name (exit $status): $line"
		grep -vE '^(ok|PASS)' "$log" | tail -n 40
	else
		echo "$name: $line" | sed -E 's/^([^:]+): \1: /\1: /'
	fi
}

for bin in ${UNIT_BINS:-}; do
	run_suite "$(basename "$bin")" "$bin"
done
# tests/bench is `make bench`, not a test.
for suite in tests/*/run.sh; do
	[[ $suite == tests/bench/* ]] && continue
	run_suite "$(basename "$(dirname "$suite")")" bash "$suite"
done

if ((${#bad[@]})); then
	echo "failing suites: ${bad[*]} (logs in $logs/)"
fi
echo "$passed passed, $failed failed"
((failed == 0))
