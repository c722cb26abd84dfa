#!/usr/bin/env bash
# Lighthouse (npm lighthouse, pinned in the Makefile, into build/browser/)
# on the example built with a site address: the dashboard and a
# recommendation's page, served over loopback HTTP, must score 100 for
# accessibility, best practices and SEO.  Part of `make test-browser`
# (Lighthouse takes about half a minute a page); prints the scores and
# "lighthouse: N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${UPRGEN:?}"
lh=$root/build/browser/node_modules/.bin/lighthouse
pass=0
fail=0
if [ ! -x "$lh" ]; then
	echo "lighthouse: cannot run: not installed in build/browser (make test-browser)"
	echo "lighthouse: 0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/p"
cp -R "$root/content" "$tmp/p/"
echo 'site_url: "https://upr.example.org/peru/"' >>"$tmp/p/content/report.yaml"
"$UPRGEN" build -C "$tmp/p" --out "$tmp/out" --format html >/dev/null 2>"$tmp/err" ||
	{ cat "$tmp/err"; echo "lighthouse: 0 passed, 1 failed"; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$(readlink -f "$tmp/out/site")" \
	>/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
	curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
	sleep 0.1
done
for page in en/index.html en/recommendations/110.1.html; do
	out=$tmp/$(echo "$page" | tr '/' '_').json
	HOME=$tmp timeout 180 "$lh" "http://127.0.0.1:$port/$page" --quiet \
		--only-categories=accessibility,best-practices,seo \
		--chrome-path="$(command -v chromium)" \
		--chrome-flags="--headless=new --no-sandbox --disable-gpu" \
		--output=json --output-path="$out" >/dev/null 2>"$tmp/lh.err"
	if [ ! -s "$out" ]; then
		fail=$((fail + 1))
		echo "FAIL lighthouse $page: no report"; tail -5 "$tmp/lh.err"
		continue
	fi
	python3 - "$out" "$page" <<'PY' && pass=$((pass + 1)) || fail=$((fail + 1))
import json, sys
r = json.load(open(sys.argv[1]))
bad = []
for k, c in r["categories"].items():
    score = round((c["score"] or 0) * 100)
    print("%s %s: %d" % (sys.argv[2], c["title"], score))
    if score < 100:
        bad.append(k)
        for ref in c["auditRefs"]:
            a = r["audits"][ref["id"]]
            if a.get("score") is not None and a["score"] < 1 and ref.get("weight", 0) > 0:
                print("  FAIL %s: %s" % (ref["id"], a["title"]))
sys.exit(1 if bad else 0)
PY
done
echo "lighthouse: $pass passed, $fail failed"
((fail == 0))
