#!/usr/bin/env bash
# The importers on the files users are sent, end to end with $UPRGEN:
#
#   - OHCHR's thematic lists of recommendations for Slovenia as Word files
#     (../shared/data/ohchr-matrix/*.docx): the counts the document holds
#     (read by office_files.py with python3's zipfile, another reader) and
#     the pinned ones; the YAML against golden/NAME/ (reviewed; UPDATE=1,
#     i.e. `make golden`, rewrites them); a project made with `uprgen new`
#     from each passes `check` and builds; the cycle-4 file imports as its
#     text copy does;
#   - a matrix made here (office_files.py docx) with what the real ones
#     lack: a State's assessment (kept as an action, shown on the site),
#     two recommendations in one cell, a row without a number;
#   - the Universal Human Rights Index export as .xlsx, made from
#     uhri-peru.csv by LibreOffice, by openpyxl and by hand (inline, shared
#     and rich-text strings, several sheets, 1904 dates, empty cells):
#     each imports exactly as the CSV does.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${UPRGEN:?}"
: "${SHARED:?}"
export LSAN_OPTIONS=suppressions=$here/../fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}
# python3 with openpyxl: Debian's (a pyenv's may lack it)
py=python3
python3 -c 'import openpyxl' 2>/dev/null || py=/usr/bin/python3
files="$py $here/office_files.py"
data=$SHARED/data/ohchr-matrix
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; shift; printf '  %s\n' "$@" | head -n 20; }
# Compares a file with its golden copy (rewritten with UPDATE=1).
golden() {
	local name=$1 got=$2 want=$here/golden/$1
	if [[ ${UPDATE:-} == 1 ]]; then
		mkdir -p "$(dirname "$want")"
		cp "$got" "$want"
	fi
	if cmp -s "$got" "$want"; then ok "$name"; else bad "$name" "$(diff "$want" "$got" | head -n 20)"; fi
}
# Entries without the comments (which name the file read).
entries() { grep -v '^#' "$1"; }

# ------------------------------------------------ the real Word files
for cycle in 2 4; do
	case $cycle in
	2) want="163 142 21" ;; # counted in the document: 115.1 ... 115.163
	4) want="254 217 37" ;; # as OHCHR's letter says
	esac
	name=slovenia-cycle$cycle
	docx=$data/slovenia-cycle$cycle-thematic-list.docx
	got=$($files count "$docx")
	[[ $got == "$want" ]] && ok "$name: the document holds $want" ||
		bad "$name: the document holds $got, not $want"
	p=$tmp/$name
	"$UPRGEN" new "$p" --state Slovenia >/dev/null 2>&1
	if ! "$UPRGEN" import ohchr-matrix "$docx" --state Slovenia \
		--out "$p/content" --force 2>"$tmp/err"; then
		bad "$name: import" "$(cat "$tmp/err")"
		continue
	fi
	read -r n s t <<<"$want"
	grep -qx "imported $n recommendations ($s supported, 0 partially supported, $t noted) in [0-9]* clusters into .*" "$tmp/err" &&
		ok "$name: imports $n ($s supported, $t noted)" ||
		bad "$name: counts" "$(tail -n 3 "$tmp/err")"
	[[ $(grep -c '^- id:' "$p/content/recommendations.yaml") == "$n" ]] &&
		ok "$name: $n entries" || bad "$name: not $n entries"
	golden "$name/recommendations.yaml" "$p/content/recommendations.yaml"
	golden "$name/clusters.yaml" "$p/content/clusters.yaml"
	"$UPRGEN" check -C "$p" >"$tmp/out" 2>&1 && ok "$name: check" ||
		bad "$name: check" "$(tail -n 5 "$tmp/out")"
	# what new guessed is said at its place until written over: the
	# session (not given) and the adoption date (today's)
	grep -q "content/report.yaml:8:10: warning: 'session' is still the placeholder 'uprgen new' wrote (marked !placeholder)" "$tmp/out" &&
		grep -q "content/report.yaml:10:10: warning: 'adopted' is still the placeholder 'uprgen new' wrote (marked !placeholder)" "$tmp/out" &&
		ok "$name: check says what new guessed (session, adopted)" ||
		bad "$name: check does not say what new guessed" "$(grep report.yaml "$tmp/out")"
	if "$UPRGEN" build -C "$p" >"$tmp/out" 2>&1 && [[ -s $p/build/report-en.pdf ]] &&
		[[ $(ls "$p/build/site/recommendations" | wc -l) == "$n" ]]; then
		ok "$name: build (site, $n pages, PDF)"
	else
		bad "$name: build" "$(tail -n 5 "$tmp/out")"
	fi
done

# The cycle-4 Word file and its text copy give the same entries.
# ---------------------------------------- 43 themes lettered in Chinese
# past the ten heavenly stems the letters go on as AA follows Z (甲甲,
# 甲乙...), not as the Latin letter of the same rank ("K.")
p=$tmp/zh
"$UPRGEN" new "$p" --state Slovenia --lang zh >/dev/null 2>&1
"$UPRGEN" import ohchr-matrix "$data/slovenia-cycle4-thematic-list.docx" \
	--state Slovenia --out "$p/content" --force >/dev/null 2>&1
if "$UPRGEN" build -C "$p" --format html >"$tmp/out" 2>&1; then
	heads=$(grep -oE '^## [^ ]+\. ' "$p/build/md/report-zh.md" | sed 's/^## //; s/\. $//' | tr '\n' ' ')
	[[ $heads == "甲 乙 丙 丁 戊 己 庚 辛 壬 癸 甲甲 甲乙 "* && $heads == *" 丙癸 丁甲 丁乙 丁丙 " ]] &&
		ok "zh: 43 clusters lettered 甲 … 癸, 甲甲 … 丁丙" ||
		bad "zh: the clusters' letters" "$heads"
	grep -q ": 254 recommendations, 1 language$" "$tmp/out" &&
		ok "zh: built ... 1 language (not '1 languages')" ||
		bad "zh: the build's line" "$(grep '^built' "$tmp/out")"
else
	bad "zh: build" "$(tail -n 3 "$tmp/out")"
fi

"$UPRGEN" import ohchr-matrix "$data/slovenia-cycle4-thematic-list.txt" >"$tmp/txt.yaml" 2>/dev/null
"$UPRGEN" import ohchr-matrix "$data/slovenia-cycle4-thematic-list.docx" >"$tmp/docx.yaml" 2>/dev/null
if [[ -s $tmp/txt.yaml ]] && diff <(entries "$tmp/txt.yaml") <(entries "$tmp/docx.yaml") >"$tmp/diff"; then
	ok "cycle 4: .docx as .txt"
else
	bad "cycle 4: .docx differs from .txt" "$(head -n 20 "$tmp/diff")"
fi

# OHCHR's page header names the State ("UPR of Slovenia (4th Cycle ..."):
# the entries' header says whose they are without --state, and a --state
# that names another State is a warning
grep -q "^# Recommendations to Slovenia from slovenia-cycle4" "$tmp/docx.yaml" &&
	ok "the page header names the State when --state does not" ||
	bad "the page header names the State when --state does not" "$(head -n 2 "$tmp/docx.yaml")"
"$UPRGEN" import ohchr-matrix "$data/slovenia-cycle4-thematic-list.docx" \
	--state Peru >/dev/null 2>"$tmp/peru.err"
grep -q "slovenia-cycle4-thematic-list.docx:word/header1.xml:2:2561: warning: the document's page header names 'Slovenia' ('UPR of Slovenia'), not 'Peru' (--state)" "$tmp/peru.err" &&
	ok "a --state that is not the header's State is a warning, at the header's paragraph" ||
	bad "a --state that is not the header's State is a warning, at the header's paragraph" "$(cat "$tmp/peru.err")"
# the same name in other letters' case or accents is the same State
"$UPRGEN" import ohchr-matrix "$data/slovenia-cycle4-thematic-list.docx" \
	--state "SLOVENIA" >/dev/null 2>"$tmp/case.err"
$files docx "$tmp/headed.docx" "$here/headed.json"
"$UPRGEN" import ohchr-matrix "$tmp/headed.docx" --state Peru >/dev/null 2>>"$tmp/case.err"
! grep -q "page header" "$tmp/case.err" &&
	ok "a --state the header writes in other case or accents (SLOVENIA, Peru for Perú): no warning" ||
	bad "a --state the header writes in other case or accents (SLOVENIA, Peru for Perú): no warning" "$(cat "$tmp/case.err")"
# the State named in the second page header: the warning names that part
"$UPRGEN" import ohchr-matrix "$tmp/headed.docx" --state Chile >/dev/null 2>"$tmp/chile.err"
grep -qx "[^:]*headed.docx:word/header2.xml:2:165: warning: the document's page header names 'Perú' ('UPR of Perú'), not 'Chile' (--state): .*" "$tmp/chile.err" &&
	ok "the warning names the header part that names the State (word/header2.xml:2:165)" ||
	bad "the warning names the header part that names the State (word/header2.xml:2:165)" "$(cat "$tmp/chile.err")"

# The same file under another name (Office files are told by content).
cp "$data/slovenia-cycle4-thematic-list.docx" "$tmp/matrix.bin"
"$UPRGEN" import ohchr-matrix "$tmp/matrix.bin" >"$tmp/bin.yaml" 2>/dev/null &&
	diff -q <(entries "$tmp/bin.yaml") <(entries "$tmp/docx.yaml") >/dev/null &&
	ok "a .docx by another name" || bad "a .docx by another name"

# ---------------------------------------- a matrix made here: assessment
p=$tmp/assessed
"$UPRGEN" new "$p" --state Slovenia >/dev/null 2>&1
$files docx "$tmp/assessed.docx" "$here/assessed.json"
if "$UPRGEN" import ohchr-matrix "$tmp/assessed.docx" --out "$p/content" --force 2>"$tmp/err"; then
	ok "assessed: import"
else
	bad "assessed: import" "$(cat "$tmp/err")"
fi
grep -qx '[^:]*assessed.docx:word/document.xml: warning: table 1, row 6: no paragraph number ("140.7 Ratify ...") at the start of the recommendation: this row is not imported' "$tmp/err" &&
	ok "assessed: the row without a number is reported" || bad "assessed: row 6 not reported" "$(cat "$tmp/err")"
y=$p/content/recommendations.yaml
entry() { awk -v id="- id: \"$1\"" '$0 == id { on = 1; print; next } /^- id:/ { on = 0 } on' "$y"; }
want_entry() {
	local id=$1 what=$2
	shift 2
	local e
	e=$(entry "$id")
	for re in "$@"; do
		grep -qE -- "$re" <<<"$e" || { bad "assessed: $id $what" "no line matching: $re" "$e"; return; }
	done
	ok "assessed: $id $what"
}
want_entry 20.1 "keeps the assessment as an action" '^  actions:$' \
	'^    - date: "2016-05-04"  # TODO: check: the day the matrix was last saved$' \
	'^        Adopted in 2016 \\& published \\\*in full\\\*$' '^        Second paragraph\.$' \
	'^      source: >-$' '^        Assessment in OHCHR.s thematic list of recommendations \(assessed.docx\)$'
want_entry 20.1 "has its States and position" '^    - France$' '^    - Lithuania$' '^  position: noted  # source: A/HRC/1/2/Add.1 - Para. 5$'
want_entry 20.1 "has its groups and SDGs" '^    - women$' '^    - "5"$' '^    - "16"$'
want_entry 20.2 "shares a cell and has its own State" 'Protect \S+journalists\S+$' '^    - Spain$'
want_entry 20.3 "shares a cell and has its own States" '^    - Chile$' '^    - Peru$'
entry 20.2 | grep -q 'Chile\|Peru' && bad "assessed: 20.2 has the States of 20.3" "$(entry 20.2)"
want_entry 20.2 "has the source of its cell's position" '^  position: supported  # source: A/HRC/1/2/Add.1 - Para. 4$'
"$UPRGEN" check -C "$p" >"$tmp/out" 2>&1 && ok "assessed: check" || bad "assessed: check" "$(tail -n 5 "$tmp/out")"
if "$UPRGEN" build -C "$p" --format html >"$tmp/out" 2>&1 &&
	grep -q 'Adopted in 2016 &amp; published \*in full\*' \
		"$p/build/site/recommendations/20.1.html"; then
	ok "assessed: the site shows the assessment"
else
	bad "assessed: the site does not show the assessment" "$(tail -n 3 "$tmp/out")"
fi

# ------------------------------------------------ UHRI as Excel files
csv=$here/uhri-peru.csv
"$UPRGEN" import uhri "$csv" --state Peru --related >"$tmp/csv.yaml" 2>/dev/null
same_as_csv() {
	local name=$1 file=$2
	if [[ ! -s $file ]]; then
		bad "$name: no file made"
		return
	fi
	if "$UPRGEN" import uhri "$file" --state Peru --related >"$tmp/x.yaml" 2>"$tmp/err" &&
		diff <(entries "$tmp/csv.yaml") <(entries "$tmp/x.yaml") >"$tmp/diff"; then
		ok "$name: as the CSV"
	else
		bad "$name: differs from the CSV" "$(cat "$tmp/err" "$tmp/diff" | head -n 20)"
	fi
}
mkdir -p "$tmp/lo" "$tmp/home"
# CSV:44,34,76 — commas, double quotes, UTF-8
HOME=$tmp/home timeout 120 soffice --headless --infilter=CSV:44,34,76,1 \
	--convert-to xlsx --outdir "$tmp/lo" "$csv" >/dev/null 2>&1
same_as_csv "LibreOffice .xlsx" "$tmp/lo/uhri-peru.xlsx"
$py - "$csv" "$tmp/openpyxl.xlsx" <<'EOF'
import csv, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
for row in csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")):
    out = []
    for v in row:
        try:
            f = float(v)
            out.append(int(f) if f.is_integer() else f)
        except ValueError:
            out.append(v if v else None)
    ws.append(out)
wb.save(sys.argv[2])
EOF
same_as_csv "openpyxl .xlsx" "$tmp/openpyxl.xlsx"
$files xlsx "$tmp/raw.xlsx" "$csv" 4
same_as_csv "hand-made .xlsx (inline, shared, rich text, several sheets, 1904)" "$tmp/raw.xlsx"
"$UPRGEN" import uhri "$tmp/raw.xlsx" --state Peru >/dev/null 2>"$tmp/err"
grep -qx '[^:]*raw.xlsx:Notes: warning: no header row with the columns Text, Countries Concerned and Reccomending Body in this sheet: not read' "$tmp/err" &&
	ok "a sheet without the columns is said" || bad "the Notes sheet" "$(cat "$tmp/err")"

# --- a file of the other Office program: said what it is ----------------------
"$UPRGEN" import uhri "$data/slovenia-cycle4-thematic-list.docx" --state Slovenia \
	>/dev/null 2>"$tmp/kind1"
[[ $? == 1 ]] && grep -qx '[^:]*thematic-list.docx: error: not an Excel workbook: this is a Word document' "$tmp/kind1" &&
	ok "a Word file given for a workbook is said to be one" ||
	bad "a Word file given for a workbook" "$(cat "$tmp/kind1")"
"$UPRGEN" import ohchr-matrix "$tmp/raw.xlsx" --out "$tmp/kind.yaml" >/dev/null 2>"$tmp/kind2"
[[ $? == 1 && ! -e $tmp/kind.yaml ]] && grep -qx '[^:]*raw.xlsx: error: not a Word document: this is an Excel workbook' "$tmp/kind2" &&
	ok "a workbook given for a Word file is said to be one" ||
	bad "a workbook given for a Word file" "$(cat "$tmp/kind2")"

printf '%%PDF-1.7\n1 0 obj\n<<>>\nendobj\n\0' >"$tmp/matrix.pdf"
"$UPRGEN" import ohchr-matrix "$tmp/matrix.pdf" --out "$tmp/pdf.yaml" >/dev/null 2>"$tmp/kind3"
[[ $? == 1 && ! -e $tmp/pdf.yaml ]] && grep -q 'matrix.pdf:1:1: error: this is a PDF, not a text file' "$tmp/kind3" &&
	ok "a PDF given for a text is said to be one" ||
	bad "a PDF given for a text" "$(cat "$tmp/kind3")"

# Into a report in other languages than English, the texts (all sources
# give them in English) are written as English ones, {en: ...}: check then
# lists the translations still to write, where plain texts passed for
# Chinese or Spanish ones; in an English report they stay plain (the
# goldens above).
p=$tmp/zh
"$UPRGEN" check -C "$p" >"$tmp/out" 2>&1
line=$(grep -n -m1 '^  text:$' "$p/content/recommendations.yaml" | cut -d: -f1)
if [[ -n $line ]] && sed -n "$((line + 1))p" "$p/content/recommendations.yaml" | grep -q '^    en: ' &&
	grep -q "^  title:$" "$p/content/clusters.yaml" &&
	grep -q "content/recommendations.yaml:$((line + 1)):5: warning: 'text' has no 'zh' text; the 'en' text will be used" "$tmp/out" &&
	grep -q "content/clusters.yaml:[0-9]*:5: warning: 'title' has no 'zh' text" "$tmp/out"; then
	ok "zh: the matrix's texts and themes written as English ones, check lists them"
else
	bad "zh: the texts not written as English ones" "$(sed -n 10,14p "$p/content/recommendations.yaml"; grep -m2 "has no" "$tmp/out")"
fi
p=$tmp/es-uhri
"$UPRGEN" new "$p" --state Chile --lang es >/dev/null 2>&1
"$UPRGEN" import uhri "$here/uhri-peru.csv" --state Peru \
	--out "$p/content" --force >/dev/null 2>"$tmp/es.err"
if grep -q "the texts are written as English ones ({en: ...})" "$tmp/es.err" &&
	! grep -qE '^  text: [^ ]' "$p/content/recommendations.yaml" &&
	grep -qE '^    en: ' "$p/content/recommendations.yaml"; then
	ok "es: uhri's texts written as English ones, and the import says so"
else
	bad "es: uhri's texts" "$(cat "$tmp/es.err"; grep -m3 'text:' "$p/content/recommendations.yaml")"
fi

# a CSV without the index's columns: one error naming all it lacks (it
# was one error a column), as for upr-info
printf 'A,B\n1,2\n' >"$tmp/wrong.csv"
"$UPRGEN" import uhri "$tmp/wrong.csv" --state Peru >/dev/null 2>"$tmp/wrong.err"
[[ $? == 1 && $(grep -c error "$tmp/wrong.err") == 1 ]] &&
	grep -q "wrong.csv:1:1: error: no 'Text', 'Countries Concerned', 'Reccomending Body', 'UPR Session' columns" "$tmp/wrong.err" &&
	ok "uhri: a CSV without its columns is one error naming them" ||
	bad "uhri: a CSV without its columns" "$(cat "$tmp/wrong.err")"
# OHCHR's Word matrix given to upr-info: sent to ohchr-matrix; --out
# FILE.yaml in a folder not there yet: made, as a folder --out is
"$UPRGEN" import upr-info "$data/slovenia-cycle4-thematic-list.docx" --state Peru >/dev/null 2>"$tmp/kind4"
[[ $? == 1 ]] && grep -q "error: a Word document: upr-info reads the database's CSV export; OHCHR's matrix in Word is read by 'uprgen import ohchr-matrix'" "$tmp/kind4" &&
	ok "a Word document given to upr-info: pointed to ohchr-matrix" ||
	bad "a Word document given to upr-info" "$(cat "$tmp/kind4")"
"$UPRGEN" import ohchr-matrix "$data/slovenia-cycle4-thematic-list.txt" \
	--state Slovenia --out "$tmp/nofolder/sub/recs.yaml" >/dev/null 2>"$tmp/nofolder.err"
[[ -s $tmp/nofolder/sub/recs.yaml && -s $tmp/nofolder/sub/clusters.yaml ]] &&
	ok "--out a/b/FILE.yaml makes its folder" ||
	bad "--out a/b/FILE.yaml" "$(cat "$tmp/nofolder.err")"

# --out: a content folder "created if missing", with the folders above it
"$UPRGEN" import ohchr-matrix "$data/slovenia-cycle4-thematic-list.txt" \
	--state Slovenia --out "$tmp/deep/new/content" >/dev/null 2>"$tmp/deep.err"
[[ -s $tmp/deep/new/content/recommendations.yaml ]] &&
	ok "--out a/b/content makes the folders above it" ||
	bad "--out a/b/content: the folders not made" "$(cat "$tmp/deep.err")"

echo "import: $pass passed, $fail failed"
((fail == 0))
