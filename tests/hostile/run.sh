#!/usr/bin/env bash
# The hostile-input corpus of `uprgen build` and `uprgen render`, in the
# manner of tests/check/: each folder tests/hostile/NAME/ holds
#
#   content/, templates/, *.mustache, *.yaml   the input, as a project, or
#   generate.sh    a script writing it into the folder given as $1 (for
#                  inputs too big or too binary to keep in git); most
#                  start from project.sh, the minimal valid project;
#   args           optional: the arguments of uprgen, one line, evaluated
#                  by bash with $OUT (a fresh output folder); default
#                  "build -C . --out $OUT";
#   expected       the exact lines wanted on stderr, or
#   expected.grep  extended regular expressions, one a line, each of which
#                  some line of stderr must match (for long or variable
#                  messages);
#   expected.stdout  optional: the exact standard output wanted;
#   status         the exit status wanted (default 1);
#   seconds        the time allowed, wall clock (default 1 for a case that
#                  fails, 5 for one that succeeds: a whole build of both
#                  languages, HTML and PDF, under the sanitizers);
#   check.sh       optional: more checks on the result, run as
#                  `bash check.sh DIR OUT STDERR` (STDERR: a file holding
#                  what the tool printed there); exit 0 when right, else
#                  it may print why not;
#   unprivileged   optional: run as root, the tool runs without the
#                  capabilities that let root read any file, so that a
#                  file or folder the case made unreadable (chmod 000)
#                  is unreadable to it too;
#   todo           optional: a known gap, explained inside; the case runs,
#                  but its failure is reported as TODO and not counted,
#                  and its passing is reported so the file gets removed.
#
# The case runs in its folder (or the generated one) under `timeout`, with
# $UPRGEN (the sanitizer build under `make test`).  For `build`, the output
# folder first holds a previous build's files; a build that fails must
# leave them exactly as they were, and no staging folder behind.
# With UPDATE=1 (`make golden`) the `expected` files are rewritten from
# what the tool prints now: review them in the diff.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${UPRGEN:?}"
# libhyphen leaks a little loading the French patterns (see the file)
export LSAN_OPTIONS=suppressions=$here/../fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}
# HOSTILE_SLOWER=N allows N times the time of each case (a loaded machine)
slower=${HOSTILE_SLOWER:-1}
pass=0
fail=0
todo=0
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# A previous build's output, to find untouched after a failed build: laid
# out as uprgen lays it out (gen/output.h), since it replaces nothing else.
previous() {
	local g=$1/.uprgen/out-previous
	mkdir -p "$g/site/en" "$g/md"
	echo "previous site" >"$g/site/index.html"
	echo "previous site" >"$g/site/en/index.html"
	echo "previous md" >"$g/md/report-en.md"
	echo "previous pdf" >"$g/report-en.pdf"
	: >"$1/.uprgen/lock"
	ln -s out-previous "$1/.uprgen/current"
	for n in site md report-en.pdf; do ln -s ".uprgen/current/$n" "$1/$n"; done
}
listing() { (cd "$1" && find . | sort && find . -type f -exec md5sum {} + | sort) 2>/dev/null; }

for case in "$here"/*/; do
	name=$(basename "$case")
	dir=$case
	if [[ -f $case/generate.sh ]]; then
		dir=$tmp/$name
		mkdir -p "$dir"
		bash "$case/generate.sh" "$dir"
	fi
	want_status=1
	[[ -f $case/status ]] && want_status=$(cat "$case/status")
	limit=1
	[[ $want_status == 0 ]] && limit=5
	[[ -f $case/seconds ]] && limit=$(cat "$case/seconds")
	OUT=$tmp/out-$name
	previous "$OUT"
	before=$(listing "$OUT")
	args='build -C . --out $OUT'
	[[ -f $case/args ]] && args=$(cat "$case/args")
	eval "set -- $args"
	as=()
	if [[ -f $case/unprivileged && $(id -u) == 0 ]]; then
		as=(setpriv --bounding-set -dac_override,-dac_read_search)
	fi
	hard=$(awk -v l="$limit" -v s="$slower" 'BEGIN { print l * s * 10 + 10 }')
	start=$EPOCHREALTIME
	(cd "$dir" && timeout "$hard" "${as[@]}" "$UPRGEN" "$@" 2>"$tmp/stderr" >"$tmp/stdout")
	status=$?
	got=$(head -c 1000000 "$tmp/stderr")
	secs=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
	if [[ ${UPDATE:-} == 1 && -f $case/expected && ! -f $case/todo ]]; then
		# no message is an empty file, not one blank line
		if [[ -n $got ]]; then printf '%s\n' "$got"; fi >"$case/expected"
		if [[ $status == 1 ]]; then rm -f "$case/status"; else echo "$status" >"$case/status"; fi
		want_status=$status
	fi
	why=()
	[[ $status == "$want_status" ]] || why+=("exit $status, want $want_status")
	if [[ -f $case/expected ]]; then
		[[ $got == "$(cat "$case/expected")" ]] ||
			why+=("stderr differs: $(diff <(echo "$got") "$case/expected" | head -n 12)")
	fi
	if [[ -f $case/expected.stdout ]]; then
		cmp -s "$tmp/stdout" "$case/expected.stdout" ||
			why+=("stdout differs: $(diff "$tmp/stdout" "$case/expected.stdout" | head -n 12)")
	fi
	if [[ -f $case/expected.grep ]]; then
		while IFS= read -r re; do
			[[ -z $re ]] && continue
			grep -aqE -- "$re" "$tmp/stderr" || why+=("no line of stderr matches: $re")
		done <"$case/expected.grep"
	fi
	awk -v s="$secs" -v l="$limit" -v k="$slower" 'BEGIN { exit !(s <= l * k) }' ||
		why+=("took ${secs}s, over ${limit}s")
	if [[ $1 == build && $want_status != 0 ]]; then
		[[ $before == "$(listing "$OUT")" ]] ||
			why+=("the previous output was changed: $(diff <(echo "$before") <(listing "$OUT") | head -n 6)")
	fi
	if [[ -f $case/check.sh ]]; then
		msg=$(bash "$case/check.sh" "$dir" "$OUT" "$tmp/stderr" 2>&1) || why+=("check.sh: $msg")
	fi
	if ((${#why[@]} == 0)); then
		if [[ -f $case/todo ]]; then
			echo "TODO PASSES $name: the gap is closed; remove $name/todo"
		fi
		pass=$((pass + 1))
		echo "ok $name (${secs}s)"
	elif [[ -f $case/todo ]]; then
		todo=$((todo + 1))
		echo "TODO $name (${secs}s): $(head -n 1 "$case/todo")"
		printf '  %s\n' "${why[@]}" | head -n 8
	else
		fail=$((fail + 1))
		echo "FAIL $name (${secs}s)"
		printf '  %s\n' "${why[@]}" | head -n 20
		printf '%s\n' "$got" | head -n 10 | sed 's/^/  | /'
	fi
	rm -rf "$OUT"
done
echo "hostile: $pass passed, $fail failed ($todo known gaps, TODO)"
((fail == 0))
