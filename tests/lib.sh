# What a suite's run.sh shares (sourced: . "$(dirname "$0")/../lib.sh"):
# the counts of checks passed and failed, ok and ko to count one (ko says
# why, after FAIL), and a temporary folder $tmp removed at the exit.
# shellcheck shell=bash
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
