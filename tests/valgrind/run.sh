#!/usr/bin/env bash
# The optimised binary (not the sanitizer build: the two do not mix) under
# valgrind: checking and building the example report, and a few hostile
# cases, must show no memory error and no leak.
set -u
# one thread for the whole build: what valgrind reports is then in order
export UPRGEN_THREADS=1
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${UPRGEN_FAST:-$root/build/uprgen}
pass=0
fail=0
if ! command -v valgrind >/dev/null; then
	echo "valgrind is not installed (make test-deps installs it)"
	echo "valgrind: 0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {
	local name=$1
	shift
	if valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect "$@" \
		>"$tmp/out" 2>"$tmp/err"; then
		status=0
	else
		status=$?
	fi
	if [[ $status == 99 ]]; then
		fail=$((fail + 1))
		echo "FAIL $name"
		head -n 30 "$tmp/err"
	else
		pass=$((pass + 1))
	fi
}

run "check example" "$bin" check -C "$root"
for c in alias-bomb deep-nesting duplicate-key not-utf8 unknown-cluster; do
	dir=$root/tests/check/$c
	if [[ -f $dir/generate.sh ]]; then
		bash "$dir/generate.sh" "$tmp/$c"
		dir=$tmp/$c
	fi
	run "check $c" "$bin" check -C "$dir"
done
if [[ -x $bin ]] && "$bin" build --help >/dev/null 2>&1; then
	run "build example" "$bin" build -C "$root" --out "$tmp/build"
	# the website alone frees the report's tree as soon as its page is
	# rendered, on a thread of its own
	run "build example html" "$bin" build -C "$root" --out "$tmp/html" \
		--format html
fi
echo "valgrind: $pass passed, $fail failed"
((fail == 0))
