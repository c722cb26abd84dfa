# What a suite's run.sh shares (sourced: . "$(dirname "$0")/../lib.sh"):
# the counts of checks passed and failed, ok and ko to count one (ko says
# why, after FAIL), check to count a condition (a shell expression,
# evaluated), and a temporary folder $tmp removed at the exit.
# shellcheck shell=bash
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { if eval "$2"; then ok; else ko "$1"; fi; }
