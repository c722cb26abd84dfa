#!/usr/bin/env bash
# The bad-input corpus of `uprgen check`, lowdown-style: each folder
# tests/check/NAME/ holds a report project (content/...) or a script
# generate.sh that writes one into the folder given as $1 (for inputs too
# big or too binary to keep in git), and `expected`: the exact messages
# check must print (stderr).  An optional file `status` holds the exit
# status wanted (default 1).  Each case must finish within 10 seconds
# under the sanitizers.  With UPDATE=1 (`make golden`) the expected files
# are rewritten from what the tool prints: review them in the diff.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${UPRGEN:?}"
. "$(dirname "$0")/../lib.sh"
for case in "$here"/*/; do
	name=$(basename "$case")
	dir=$case
	if [[ -x $case/generate.sh || -f $case/generate.sh ]]; then
		dir=$tmp/$name
		mkdir -p "$dir"
		bash "$case/generate.sh" "$dir"
	fi
	want_status=1
	[[ -f $case/status ]] && want_status=$(cat "$case/status")
	got=$(cd "$dir" && timeout 10 "$UPRGEN" check 2>&1 >/dev/null)
	status=$?
	if [[ ${UPDATE:-} == 1 ]]; then
		printf '%s\n' "$got" >"$case/expected"
		[[ $status == 1 ]] && rm -f "$case/status" || echo "$status" >"$case/status"
	fi
	if [[ $status == "$want_status" ]] && [[ $got == "$(cat "$case/expected")" ]]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name (exit $status, want $want_status)"
		diff <(echo "$got") "$case/expected" | head -n 20
	fi
done
echo "check corpus: $pass passed, $fail failed"
((fail == 0))
