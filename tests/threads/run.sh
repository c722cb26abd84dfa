#!/usr/bin/env bash
# The build's threads (the website's two writers, a PDF per language, the
# heap's prefaulting, the freeing of the report's tree) under
# ThreadSanitizer, and the outputs of threaded builds always the same:
#  - a synthetic report of 300 recommendations, HTML only, and the
#    example report (two languages, website and PDFs), built by the TSan
#    binary: no report from TSan, the same files as the optimised binary;
#  - the optimised binary building the synthetic report five times: the
#    same bytes every time;
#  - UPRGEN_THREADS=1 (no thread started): the same bytes as with threads,
#    for the synthetic report and the example (both formats).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
fast=${UPRGEN_FAST:-$root/build/uprgen}
tsan=${UPRGEN_TSAN:-$root/build/tsan/uprgen}
. "$(dirname "$0")/../lib.sh"
export SOURCE_DATE_EPOCH=1752537600
export UPRGEN_TEMPLATES=$root/templates
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"


cc -O2 -std=c17 -o "$tmp/gencorpus" "$root/tests/bench/gencorpus.c" ||
	{ echo "cannot compile tests/bench/gencorpus.c"; echo "threads: 0 passed, 1 failed"; exit 1; }
"$tmp/gencorpus" 300 "$tmp/big" >/dev/null

# tsan NAME DIR FORMAT: builds DIR with both binaries and compares
tsan_build() {
	local name=$1 dir=$2 format=$3
	if ! "$tsan" build -C "$dir" --out "$tmp/$name-tsan" --format "$format" \
		>/dev/null 2>"$tmp/$name.err"; then
		ko "$name: the TSan build failed"
		grep -A12 'ThreadSanitizer' "$tmp/$name.err" | head -40
		return
	fi
	if grep -q 'ThreadSanitizer' "$tmp/$name.err"; then
		ko "$name: ThreadSanitizer reported"
		head -40 "$tmp/$name.err"
		return
	fi
	ok
	"$fast" build -C "$dir" --out "$tmp/$name-fast" --format "$format" >/dev/null 2>&1
	if diff -r --exclude=.uprgen "$tmp/$name-tsan" "$tmp/$name-fast" >/dev/null; then
		ok
	else
		ko "$name: the TSan and optimised builds differ"
		diff -rq --exclude=.uprgen "$tmp/$name-tsan" "$tmp/$name-fast" | head
	fi
}

if [[ -x $tsan ]]; then
	tsan_build "synthetic-html" "$tmp/big" html
	tsan_build "example-all" "$root" all
else
	ko "no ThreadSanitizer binary at $tsan (make build/tsan/uprgen)"
fi

"$fast" build -C "$tmp/big" --out "$tmp/first" --format html >/dev/null
for i in 1 2 3 4 5; do
	rm -rf "$tmp/again"
	"$fast" build -C "$tmp/big" --out "$tmp/again" --format html >/dev/null
	if diff -r --exclude=.uprgen "$tmp/first" "$tmp/again" >/dev/null; then
		ok
	else
		ko "rebuild $i of the synthetic report differs"
	fi
done

# one thread: the same output
for c in "synthetic:$tmp/big" "example:$root"; do
	name=${c%%:*} dir=${c#*:}
	rm -rf "$tmp/t1" "$tmp/tn"
	"$fast" build -C "$dir" --out "$tmp/tn" >/dev/null 2>&1
	UPRGEN_THREADS=1 "$fast" build -C "$dir" --out "$tmp/t1" >/dev/null 2>&1
	if [ -d "$tmp/t1/site" ] && diff -r --exclude=.uprgen "$tmp/tn" "$tmp/t1" >/dev/null; then
		ok
	else
		ko "$name: UPRGEN_THREADS=1 gives other files than threads"
		diff -rq --exclude=.uprgen "$tmp/tn" "$tmp/t1" 2>&1 | head
	fi
done

echo "threads: $pass passed, $fail failed"
((fail == 0))
