#!/usr/bin/env bash
# One content, one view: the example project built in English, Spanish
# and French, with a project labels file that changes two words of the
# French labels; agree.py checks that the website and the report agree
# on every count, share, list of States and date, and that the changed
# words reach both.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${UPRGEN:?}"
bin=${UPRGEN_FAST:-$UPRGEN}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
p=$tmp/project
mkdir -p "$p/templates/labels"
cp -R "$root/content" "$p/content"
sed -i 's/^languages: .*/languages: [es, en, fr]/' "$p/content/report.yaml"
# two words of the French labels, laid over the built-in ones
cat >"$p/templates/labels/fr.yaml" <<'LABELS'
sdg_16: Paix et justice (mot du projet)
sdg_5: Égalité des sexes (mot du projet)
LABELS
if ! "$bin" build -C "$p" --out "$tmp/out" >"$tmp/log" 2>&1; then
	cat "$tmp/log"
	echo "agree: 0 passed, 1 failed"
	exit 1
fi
python3 "$root/tests/agree/agree.py" "$tmp/out" es en fr -- fr \
	"Paix et justice (mot du projet)" "Égalité des sexes (mot du projet)"
