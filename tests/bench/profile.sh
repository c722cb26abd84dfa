#!/usr/bin/env bash
# tests/bench/profile.sh — where uprgen's time goes, for each format:
#
#   bash tests/bench/profile.sh [UPRGEN] [N]
#
# Writes a synthetic report of N recommendations (default 5000) with
# tests/bench/gencorpus.c, then profiles `uprgen build --format html` and
# `--format pdf` on it with `perf record -g` (or, without perf, with
# valgrind's callgrind, which is about 50 times slower: use N = 250), and
# prints the functions that take the most time: self time (the hot loops)
# and time with callees (the stages).  Needs a binary with symbols (the
# default CFLAGS, -O2 -g, give them).  Scratch: $BENCH_DIR (/tmp/bench).
set -u
export LC_ALL=C
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
UPRGEN=${1:-${UPRGEN:-$ROOT/build/uprgen}}
N=${2:-5000}
W=${BENCH_DIR:-/tmp/bench}/profile
TOP=${TOP:-25}

[ -x "$UPRGEN" ] || { echo "profile: no binary at $UPRGEN" >&2; exit 1; }
rm -rf "$W"
mkdir -p "$W"
cp "$UPRGEN" "$W/uprgen"
cp "$(dirname "$UPRGEN")/uprgen-formats.so" "$W/" # its object, beside it
cp -R "$ROOT/templates" "$W/templates"
export UPRGEN_TEMPLATES=$W/templates
cc -O2 -std=c17 -o "$W/gencorpus" "$ROOT/tests/bench/gencorpus.c" || exit 1
"$W/gencorpus" "$N" "$W/corpus" || exit 1

for fmt in html pdf; do
	echo "=== uprgen build --format $fmt, N = $N"
	rm -rf "$W/out"
	if command -v perf >/dev/null; then
		perf record -q -g -F 2000 -o "$W/perf-$fmt.data" -- \
			"$W/uprgen" build -C "$W/corpus" --out "$W/out" --format "$fmt" >/dev/null 2>&1 ||
			{ echo "profile: perf record failed" >&2; exit 1; }
		echo "--- self time"
		perf report -i "$W/perf-$fmt.data" --stdio --no-children --sort symbol \
			-g none --percent-limit 0.5 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n "$TOP"
		echo "--- with callees"
		perf report -i "$W/perf-$fmt.data" --stdio --children --sort symbol \
			-g none --percent-limit 2 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n "$TOP"
	elif command -v valgrind >/dev/null; then
		valgrind --tool=callgrind --callgrind-out-file="$W/callgrind-$fmt.out" \
			"$W/uprgen" build -C "$W/corpus" --out "$W/out" --format "$fmt" >/dev/null 2>&1
		callgrind_annotate "$W/callgrind-$fmt.out" 2>/dev/null | head -n $((TOP + 20))
		callgrind_annotate --inclusive=yes "$W/callgrind-$fmt.out" 2>/dev/null | head -n $((TOP + 20))
	else
		echo "profile: neither perf nor valgrind is installed" >&2
		exit 1
	fi
done
