#!/usr/bin/env bash
# bench — every State of every session of the UPR Info sample (41,066 rows
# in $SHARED/data/upr-info/), imported by `uprgen import upr-info` into a
# project made by `uprgen new`, then `uprgen check`ed.  Prints the time of
# the imports and ends with "bench-import: N passed, N failed".
#
# Usage: UPRGEN=build/uprgen SHARED=../shared bash tests/import/bench.sh
# (The States and sessions are listed with awk, which is enough for this
# sample: one record a line once the lone CRs are LFs, To first, Session
# last.)
set -u
cd "$(dirname "$0")/../.."
: "${UPRGEN:=build/uprgen}"
: "${SHARED:=$(cd .. && pwd)/shared}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
import_ns=0
rows=0
for file in "$SHARED"/data/upr-info/sessions-*.csv; do
	rows=$((rows + $(tr '\r' '\n' <"$file" | tail -n +2 | grep -c .)))
	while IFS=$'\t' read -r state session; do
		dir="$tmp/p"
		rm -rf "$dir"
		"$UPRGEN" new "$dir" --state "$state" >/dev/null
		start=$(date +%s%N)
		"$UPRGEN" import upr-info "$file" --state "$state" \
			--session "$session" --encoding mac-roman \
			--out "$dir/content" 2>"$tmp/err"
		status=$?
		import_ns=$((import_ns + $(date +%s%N) - start))
		if ((status == 0)) &&
			"$UPRGEN" check -q -C "$dir" >/dev/null 2>>"$tmp/err"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAILED: $(basename "$file") '$state' session $session"
			tail -n 5 "$tmp/err"
		fi
	done < <(tr '\r' '\n' <"$file" | tail -n +2 | awk '
		/^"/ { to = substr($0, 2); sub(/".*/, "", to) }
		!/^"/ { to = $0; sub(/,.*/, "", to) }
		{ n = split($0, f, ","); print to "\t" f[n] }' | sort -u)
done
imports=$((passed + failed))
echo "imports: $imports (State, session) pairs over $rows rows;" \
	"$((import_ns / 1000000)) ms in all," \
	"$((import_ns / 1000 / (imports ? imports : 1))) us an import" \
	"(each reads its whole file)"
echo "bench-import: $passed passed, $failed failed"
((failed == 0))
