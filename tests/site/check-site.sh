#!/usr/bin/env bash
# check-site.sh SITE_DIR — checks a built website:
#  1. links: every relative href/src of every page resolves to a file of
#     the site, and every #fragment to an id on the page it names; no
#     page refers to another host for anything it loads (src, stylesheet);
#  2. validity: the Nu HTML Checker reports no error on any page, when
#     `java` is installed and $VNU_JAR names vnu.jar (from the npm package
#     vnu-jar: node_modules/vnu-jar/build/dist/vnu.jar); without them the
#     check fails.
# Exit status: 0 all good, 1 a problem was found, 2 wrong usage.
set -u
site=${1:-}
if [ -z "$site" ] || [ ! -d "$site" ]; then
	echo "usage: $0 SITE_DIR" >&2
	exit 2
fi
status=0

python3 - "$site" <<'PY' || status=1
import os, sys, re
from html.parser import HTMLParser
from urllib.parse import urlsplit, unquote

site = os.path.abspath(sys.argv[1])

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.refs = set(), []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for k in ("href", "src"):
            if a.get(k) is not None:
                self.refs.append((tag, k, a[k], a.get("rel", ""), self.getpos()[0]))

pages, problems, checked = {}, 0, 0
def parse(path):
    if path not in pages:
        p = Page()
        with open(path, encoding="utf-8") as f:
            p.feed(f.read())
        pages[path] = p
    return pages[path]

for root, _, files in os.walk(site):
    for name in sorted(files):
        if name.endswith(".html"):
            parse(os.path.join(root, name))

for path in sorted(pages):
    page = pages[path]
    for tag, attr, ref, rel, line in page.refs:
        checked += 1
        where = "%s:%d" % (os.path.relpath(path, site), line)
        u = urlsplit(ref)
        if u.scheme or u.netloc:
            if attr == "src" or tag == "link" and "stylesheet" in rel:
                print("%s: loads from another host: %s" % (where, ref)); problems += 1
            continue
        if ref == "":
            print("%s: empty %s" % (where, attr)); problems += 1
            continue
        if u.path.startswith("/"):
            print("%s: absolute path (the site must work from any folder): %s" % (where, ref)); problems += 1
            continue
        target = os.path.normpath(os.path.join(os.path.dirname(path), unquote(u.path))) if u.path else path
        if not target.startswith(site + os.sep) and target != site:
            print("%s: leaves the site: %s" % (where, ref)); problems += 1
            continue
        if os.path.isdir(target):
            target = os.path.join(target, "index.html")
        if not os.path.isfile(target):
            print("%s: broken link: %s" % (where, ref)); problems += 1
            continue
        if u.fragment and target.endswith(".html"):
            if unquote(u.fragment) not in parse(target).ids:
                print("%s: no id '%s' in %s" % (where, unquote(u.fragment), os.path.relpath(target, site))); problems += 1

print("links: %d pages, %d references, %d problems" % (len(pages), checked, problems))
sys.exit(1 if problems else 0)
PY

# a validation that cannot run is a failure, not a pass
if ! command -v java >/dev/null 2>&1; then
	echo "vnu: cannot validate: java is not installed (make test-deps)"
	status=1
elif [ -z "${VNU_JAR:-}" ] || [ ! -f "${VNU_JAR:-}" ]; then
	echo "vnu: cannot validate: set VNU_JAR to vnu.jar (make test-deps: npm install vnu-jar, then node_modules/vnu-jar/build/dist/vnu.jar)"
	status=1
else
	if out=$(java -jar "$VNU_JAR" --errors-only --skip-non-html "$site" 2>&1) && [ -z "$out" ]; then
		echo "vnu: no error"
	else
		printf '%s\n' "$out" | head -50
		echo "vnu: errors found"
		status=1
	fi
fi
exit $status
