#!/usr/bin/env bash
# scale.sh — how uprgen's time and memory grow with its input: builds a
# synthetic report of N, 10N and 100N recommendations (tests/bench/
# gencorpus.c; default N=50) and a chapter of 1, 10 and 100 units of long
# hostile prose, and prints for each the input size, the wall time and the
# peak resident memory (/usr/bin/time -f '%e %M') of `uprgen check` and
# `uprgen build`, and the growth factor against the smallest.  Linear
# growth gives factors near 10 and 100 (less, while fixed costs such as
# fonts and hyphenation patterns dominate).
#
#   bash tests/hostile/scale.sh [UPRGEN]     (default build/uprgen: -O2)
#
# Not part of `make test` (the 100N build takes a while); takes N=...,
# SCALE_DIR=... (scratch, default /tmp/uprgen-scale) from the environment.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
UPRGEN=${1:-${UPRGEN:-$root/build/uprgen}}
N=${N:-50}
W=${SCALE_DIR:-/tmp/uprgen-scale}
export LC_ALL=C SOURCE_DATE_EPOCH=1750000000
[[ -x /usr/bin/time ]] || { echo "scale.sh needs /usr/bin/time (Debian package time)"; exit 2; }
rm -rf "$W"
mkdir -p "$W"
cc -O2 -std=c17 -o "$W/gencorpus" "$root/tests/bench/gencorpus.c"

# measure LABEL SIZE CMD... : one line of the table
base_t= base_m= base_s=
measure() {
	local label=$1 size=$2
	shift 2
	/usr/bin/time -f '%e %M' -o "$W/time" "$@" >/dev/null 2>"$W/err" ||
		{ echo "$label: failed:"; tail -n 5 "$W/err"; return 1; }
	read -r t m <"$W/time"
	if [[ -z $base_t ]]; then base_t=$t base_m=$m base_s=$size; fi
	awk -v l="$label" -v s="$size" -v t="$t" -v m="$m" -v bs="$base_s" \
		-v bt="$base_t" -v bm="$base_m" 'BEGIN {
		printf "%-28s %10.0f KB %8.2f s %9d KB   x%-6.1f x%-6.1f x%-6.1f\n",
			l, s / 1024, t, m, s / bs, (bt > 0 ? t / bt : 0), m / bm }'
}
header() {
	printf '\n%-28s %13s %10s %12s   %-7s %-7s %-7s\n' "$1" "input" "time" "peak RSS" \
		"input" "time" "memory"
	base_t= base_m= base_s=
}

header "recommendations: check"
for k in 1 10 100; do
	n=$((N * k))
	"$W/gencorpus" "$n" "$W/r$n" >/dev/null
	size=$(du -sb "$W/r$n/content" | cut -f1)
	measure "check, $n recs" "$size" "$UPRGEN" check -C "$W/r$n"
done
header "recommendations: build"
for k in 1 10 100; do
	n=$((N * k))
	size=$(du -sb "$W/r$n/content" | cut -f1)
	measure "build, $n recs" "$size" "$UPRGEN" build -C "$W/r$n" --out "$W/r$n/out"
done

# One chapter of hostile prose, 1, 10 and 100 units of ~10 KB: a long
# unbreakable word, a wide table, nested quotes, footnotes.
unit() {
	printf 'Para %d with a footnote.[^n%d] ' "$1" "$1"
	head -c 3000 /dev/zero | tr '\0' 'w'
	printf '\n\n[^n%d]: Note %d.\n\n' "$1" "$1"
	for r in h s 1; do
		for i in $(seq 40); do
			case $r in h) printf '| c%d ' "$i" ;; s) printf '|---' ;; *) printf '| %d ' "$i" ;; esac
		done
		printf '|\n'
	done
	printf '\n'
	for i in $(seq 20); do printf '>'; done
	printf ' quoted\n\n'
	for i in $(seq 60); do printf 'lorem ipsum dolor sit amet '; done
	printf '\n\n'
}
header "hostile chapter: build"
for k in 1 10 100; do
	d=$W/c$k
	mkdir -p "$d/content/chapters"
	cp -R "$root/tests/check/valid-minimal/content/." "$d/content/"
	echo "chapters: [chapters/c.md]" >>"$d/content/report.yaml"
	for i in $(seq $((k * 1))); do unit "$i"; done >"$d/content/chapters/c.md"
	size=$(wc -c <"$d/content/chapters/c.md")
	measure "build, chapter x$k" "$size" "$UPRGEN" build -C "$d" --out "$d/out"
done
echo
echo "(scratch in $W)"
