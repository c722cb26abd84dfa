#!/usr/bin/env bash
# `uprgen export matrix`: OHCHR's matrix as a Word document, read back by
# real readers.  On a copy of the example: python3's zipfile and
# xml.etree read the document (one landscape section, a table whose
# heading row repeats, a "Theme:" row per cluster and a row per
# recommendation with its id, position and an assessment made of its
# status, measures and sources); LibreOffice converts it to PDF and
# pdftotext finds the column headings and every id; a measure holding a
# '|' stays in its cell; an existing file is kept without --force; the
# same report gives the same bytes.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${UPRGEN:?}"
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3
. "$(dirname "$0")/../lib.sh"
export HOME=$tmp/home
mkdir -p "$HOME"

P=$tmp/project
mkdir -p "$P"
cp -R "$root/content" "$P/"
# a measure whose text holds a '|', and one of its own paragraphs
$PY - "$P/content/recommendations.yaml" <<'PY'
import sys, re
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("  actions:\n", '  actions:\n    - date: "2025-01-15"\n      text: "Budget A | B line.\\n\\nSecond paragraph[^x].\\n\\n[^x]: A note."\n      source: Pipe test\n', 1)
open(p, "w", encoding="utf-8").write(s)
PY
"$UPRGEN" check -C "$P" >/dev/null 2>"$tmp/check.err" || { cat "$tmp/check.err"; }

for l in en es; do
	"$UPRGEN" export matrix -C "$P" --lang $l >"$tmp/out-$l" 2>"$tmp/err-$l"
	check "export matrix --lang $l exits 0" '[[ $? == 0 ]]'
	check "$l: the file is there" '[[ -s $P/build/matrix-$l.docx ]]'
	check "$l: it says where, with the count" 'grep -q "matrix-$l.docx: 48 recommendations" "$tmp/out-$l"'
done
"$UPRGEN" export matrix -C "$P" --lang en >/dev/null 2>"$tmp/again.err"
check "an existing file is kept without --force (exit 1)" '[[ $? == 1 ]] && grep -q "give --force" "$tmp/again.err"'
"$UPRGEN" export matrix -C "$P" --lang en --force --out "$tmp/again.docx" >/dev/null 2>&1
check "the same report gives the same bytes" 'cmp -s "$P/build/matrix-en.docx" "$tmp/again.docx"'
"$UPRGEN" export matrix -C "$P" --lang de >/dev/null 2>&1
check "a language the report lacks is a usage error (exit 2)" '[[ $? == 2 ]]'

$PY - "$P/build/matrix-en.docx" "$P/content/recommendations.yaml" >"$tmp/xml.out" 2>&1 <<'PY'
import re, sys, zipfile
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
print("zip", "ok" if bad is None else "bad " + bad)
for name in z.namelist():
    if name.endswith(".xml") or name.endswith(".rels"):
        ET.fromstring(z.read(name))
doc = ET.fromstring(z.read("word/document.xml"))
body = doc.find(W + "body")
sects = doc.findall(".//" + W + "sectPr")
print("sections", len(sects))
print("landscape", all(s.find(W + "pgSz") is not None and
      s.find(W + "pgSz").get(W + "orient") == "landscape" for s in sects))
tables = body.findall(W + "tbl")
print("tables", len(tables))
rows = tables[0].findall(W + "tr")
def text(e):
    return "".join(t.text or "" for t in e.iter(W + "t"))
head = rows[0]
print("header repeats", head.find(W + "trPr/" + W + "tblHeader") is not None)
print("header", " | ".join(text(c) for c in head.findall(W + "tc")))
themes = [r for r in rows if text(r).startswith("Theme:")]
print("theme rows", len(themes))
# a theme row is one cell across the table, as in OHCHR's own matrices
print("themes span", all(len(r.findall(W + "tc")) == 1 and
      r.find(".//" + W + "gridSpan") is not None and
      r.find(".//" + W + "gridSpan").get(W + "val") == "4" for r in themes))
ids = set(re.findall(r'^- id: "([^"]+)"', open(sys.argv[2], encoding="utf-8").read(), re.M))
rec_rows = [r for r in rows[1:] if not text(r).startswith("Theme:")]
print("recommendation rows", len(rec_rows), "ids", len(ids))
cells4 = all(len(r.findall(W + "tc")) == 4 for r in rec_rows)
print("four cells each", cells4)
found = {text(r.findall(W + "tc")[0]).split(" ")[0] for r in rec_rows}
print("every id", ids <= found)
pipe = [r for r in rec_rows if "Budget A | B line." in text(r)]
print("pipe in its cell", len(pipe) == 1 and "Budget A | B line. Second paragraph." in text(pipe[0].findall(W + "tc")[3]) and "(Source: Pipe test)" in text(pipe[0].findall(W + "tc")[3]))
assessed = sum(1 for r in rec_rows if re.match(r"(Implemented|Partially implemented|Not implemented|Not assessed)\.", text(r.findall(W + "tc")[3])))
print("assessment starts with the status", assessed == len(rec_rows))
# each measure, and the challenges, on a line of their own: the cell's
# text cut at its line breaks is the status, then one piece each
def lines(cell):
    out = [""]
    for e in cell.iter():
        if e.tag == W + "br":
            out.append("")
        elif e.tag == W + "t":
            out[-1] += e.text or ""
    return [l.strip() for l in out]
ok = True
for r in rec_rows:
    pieces = lines(r.findall(W + "tc")[3])
    ok = ok and re.fullmatch(r"(Implemented|Partially implemented|Not implemented|Not assessed)\.", pieces[0]) is not None
    # (a date as the labels write it: "4 June 2024", "June 2024", "2024")
    ok = ok and all(re.match(r"(\d{1,2}\s)?([A-Z][a-z]+\s)?\d{4}: |Challenges: ", p) for p in pieces[1:])
print("one line per measure", ok)
cells = [text(r.findall(W + "tc")[2]) for r in rec_rows]
print("themes without a stray separator", all(c and not c.startswith(";") and "; ;" not in c and not c.endswith("; ") for c in cells))
PY
cat "$tmp/xml.out" | sed 's/^/  | /'
check "zipfile reads the package, every part well-formed" 'grep -q "^zip ok" "$tmp/xml.out"'
check "landscape throughout" 'grep -q "^landscape True" "$tmp/xml.out"'
check "one table" 'grep -q "^tables 1$" "$tmp/xml.out"'
check "its heading row repeats on each page" 'grep -q "^header repeats True" "$tmp/xml.out"'
check "OHCHR's column headings" 'grep -q "^header Recommendation and recommending States | Position | Full list of themes | Assessment/comments on level of implementation" "$tmp/xml.out"'
n=$(grep -c "^- id:" "$P/content/clusters.yaml")
check "a Theme: row per cluster ($n)" 'grep -q "^theme rows $n$" "$tmp/xml.out"'
check "each Theme: row one cell across the four columns (w:gridSpan)" 'grep -q "^themes span True" "$tmp/xml.out"'
check "a row per recommendation" 'grep -q "^recommendation rows 48 ids 48$" "$tmp/xml.out"'
check "four cells in each" 'grep -q "^four cells each True" "$tmp/xml.out"'
check "every id in the first column" 'grep -q "^every id True" "$tmp/xml.out"'
check "a measure's '|' and second paragraph stay in its cell, with its source" 'grep -q "^pipe in its cell True" "$tmp/xml.out"'
check "each assessment opens with the status" 'grep -q "^assessment starts with the status True" "$tmp/xml.out"'
check "each measure and the challenges on a line of their own" 'grep -q "^one line per measure True" "$tmp/xml.out"'
check "the full list of themes has no stray separator" 'grep -q "^themes without a stray separator True" "$tmp/xml.out"'

# Chinese: the language's own punctuation between the themes and after the
# status, no separator where a recommendation has no theme of its own
"$UPRGEN" export matrix -C "$root/tests/projects/zh-ru" --lang zh \
	--out "$tmp/matrix-zh.docx" >/dev/null 2>&1
$PY - "$tmp/matrix-zh.docx" >"$tmp/zh.out" 2>&1 <<'PY'
import re, sys, zipfile
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
doc = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))
def text(e):
    return "".join(t.text or "" for t in e.iter(W + "t"))
rows = [r for r in doc.iter(W + "tr") if len(r.findall(W + "tc")) == 4][1:]
rows = [r for r in rows if text(r.findall(W + "tc")[1])]
themes = [text(r.findall(W + "tc")[2]) for r in rows]
status = [text(r.findall(W + "tc")[3]) for r in rows]
print("rows", len(rows))
print("themes apart by ；", all("；" in t and ";" not in t and not t.startswith("；") for t in themes))
print("status then 。", all(re.match(r"(已落实|部分落实|未落实|未评估)。", s) for s in status))
PY
sed 's/^/  | /' "$tmp/zh.out"
check "Chinese: themes apart by ；, none first" 'grep -q "^themes apart by ； True" "$tmp/zh.out"'
check "Chinese: the status ends with 。" 'grep -q "^status then 。 True" "$tmp/zh.out"'

if command -v soffice >/dev/null; then
	(cd "$tmp" && timeout 180 soffice -env:UserInstallation=file://$tmp/lo --headless \
		--convert-to pdf --outdir "$tmp/lo-out" "$P/build/matrix-es.docx" >/dev/null 2>&1)
	check "LibreOffice converts the Spanish matrix" '[[ -s $tmp/lo-out/matrix-es.pdf ]]'
	pdftotext -layout "$tmp/lo-out/matrix-es.pdf" "$tmp/es.txt" 2>/dev/null
	check "its text has OHCHR's Spanish column heading" 'grep -q "Evaluación/observaciones" "$tmp/es.txt"'
	missing=0
	for id in $(grep -o '^- id: "[^"]*"' "$P/content/recommendations.yaml" | cut -d'"' -f2); do
		grep -q "$id" "$tmp/es.txt" || missing=$((missing + 1))
	done
	check "every id in LibreOffice's rendering ($missing missing)" '[[ $missing == 0 ]]'
	pw=$(pdfinfo "$tmp/lo-out/matrix-es.pdf" | awk '/Page size/ {print ($3 > $5)}')
	check "LibreOffice lays it out landscape" '[[ $pw == 1 ]]'
else
	ko "soffice is missing (libreoffice-writer-nogui)"
fi

echo "matrix-export: $pass passed, $fail failed"
((fail == 0))
