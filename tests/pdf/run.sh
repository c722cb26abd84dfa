#!/usr/bin/env bash
# The PDF as its readers get it: the example report built by uprgen and a
# corpus of identifiers set in a narrow column (identifiers.md, through
# render_case), each read by poppler (check_text.py: no warning, reading
# order, hyphens, identifiers whole) and checked by qpdf; the example's
# tags read by qpdf --json and pdfinfo (check_tags.py); what every PDF
# declares (XMP with PDF/A-2a and PDF/UA-1, the sRGB output intent) and
# the cases of archive/ (NAME.md rendered, NAME.expect: spans with /Lang,
# notes referred to twice) read by check_archive.py; the same input gives
# the same bytes twice.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/pdf
: "${UPRGEN:?UPRGEN must name the uprgen binary under test}"
: "${RENDER_CASE:?RENDER_CASE must name the render_case binary}"
export LSAN_OPTIONS=suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}
. "$(dirname "$0")/../lib.sh"

# check_text.py's lines counted one by one
text_checks() { # label, args...
	local label=$1 line
	shift
	while IFS= read -r line; do
		case $line in
		ok\ *) ok ;;
		FAIL*) ko "$label: ${line#FAIL }" ;;
		*) ko "$label: $line" ;;
		esac
	done < <(python3 "${script:-$here/check_text.py}" "$@" 2>&1)
}

qpdf_clean() { # label, pdf
	if qpdf --check "$2" >"$tmp/qpdf" 2>&1; then
		ok
	else
		ko "$1: qpdf --check"
		head -n 5 "$tmp/qpdf"
	fi
}

# libharu's private structures are used by gen/pdf_raw.c alone (it checks
# the libharu version they belong to)
private=$(grep -ln '#include <hpdf_[a-z]*\.h>\|HPDF_Dict_\|HPDF_Array_\|HPDF_Xref_\|->attr\b' \
	"$root"/gen/*.c "$root"/gen/*.h | grep -v '/pdf_raw\.[ch]$')
if [[ -z $private ]]; then
	ok
else
	ko "libharu's private structures used outside gen/pdf_raw.c:" $private
fi

if "$UPRGEN" build -C "$root" --out "$tmp/ex" >/dev/null 2>"$tmp/err"; then
	ok
else
	ko "example build"
	head -n 5 "$tmp/err"
fi
mapfile -t data < <(find "$root/content" -name '*.yaml' | sort)
for l in en es; do
	pdf=$tmp/ex/report-$l.pdf
	[[ -s $pdf ]] || { ko "no report-$l.pdf"; continue; }
	text_checks "report-$l" "$pdf" "$tmp/ex/md/report-$l.md" "${data[@]}"
	# the symbol: the title page's first line
	symbol=$(pdftotext -l 1 -raw "$pdf" - 2>/dev/null | head -n 1)
	script=$here/check_tags.py text_checks "report-$l tags" "$pdf" "$l" \
		"$symbol" figures
	qpdf_clean "report-$l" "$pdf"
	script=$here/check_archive.py text_checks "report-$l archive" "$pdf"
done
# the annex matrix on landscape pages, as Word's landscape section: every
# page from the annex's on lies on its side, every page before it stands
pdf=$tmp/ex/report-en.pdf
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
annex=
for ((p = 1; p <= ${pages:-0}; p++)); do
	if pdftotext -f $p -l $p "$pdf" - 2>/dev/null |
		grep -q '^Matrix of recommendations$'; then
		annex=$p
		break
	fi
done
sizes=$(pdfinfo -f 1 -l "${pages:-1}" "$pdf" 2>/dev/null |
	awk '/^Page +[0-9]+ size:/ {print $2, ($4 > $6 ? "landscape" : "portrait")}')
want=$(for ((p = 1; p <= ${pages:-0}; p++)); do
	echo "$p $( ((annex && p >= annex)) && echo landscape || echo portrait)"
done)
if [[ -n $annex && $sizes == "$want" ]]; then ok; else
	ko "report-en.pdf: the annex (page ${annex:-none}) and what follows landscape, the rest portrait"
	diff <(echo "$want") <(echo "$sizes") | head -n 5
fi

# reproducible: a second build of the example, byte for byte
if "$UPRGEN" build -C "$root" --out "$tmp/ex2" >/dev/null 2>"$tmp/err"; then
	for l in en es; do
		if cmp -s "$tmp/ex/report-$l.pdf" "$tmp/ex2/report-$l.pdf"; then
			ok
		else
			ko "report-$l.pdf differs between two builds"
		fi
	done
else
	ko "second example build"
fi

for md in "$here"/archive/*.md; do
	name=$(basename "$md" .md)
	for k in 1 2; do
		"$RENDER_CASE" "$root/tests/check/valid-minimal" "$md" \
			"$tmp/$name.html" "$tmp/$name-$k.pdf" \
			"$tmp/$name.docx" 2>"$tmp/$name.err" ||
			{ ko "$name render"; head -n 5 "$tmp/$name.err"; continue 2; }
	done
	ok
	if cmp -s "$tmp/$name-1.pdf" "$tmp/$name-2.pdf"; then
		ok
	else
		ko "$name: two renders differ"
	fi
	script=$here/check_archive.py text_checks "$name" "$tmp/$name-1.pdf" \
		"${md%.md}.expect" "$tmp/$name.html" "$tmp/$name.docx"
	qpdf_clean "$name" "$tmp/$name-1.pdf"
done

# a table row taller than a page (check_tall_row.py): its header never
# alone at a page's foot, again at the top of every page the row runs
# onto, the row's lines whole and clear of it
python3 - "$tmp/tall-words.txt" >"$tmp/tall-row.md" <<'PY'
import sys
words = " ".join(f"Finding{i} was reported by the national mechanism." for i in range(260))
open(sys.argv[1], "w").write(words)
print("| Measure | Finding |\n|---|---|\n| R1 | " + words + " |")
PY
if "$RENDER_CASE" "$root/tests/check/valid-minimal" "$tmp/tall-row.md" \
	"$tmp/tall.html" "$tmp/tall.pdf" 2>"$tmp/tall.err"; then
	script=$here/check_tall_row.py text_checks "tall row" "$tmp/tall.pdf" \
		"$tmp/tall-words.txt"
else
	ko "tall row render"
	head -n 5 "$tmp/tall.err"
fi

if "$RENDER_CASE" "$root/tests/check/valid-minimal" "$here/identifiers.md" \
	"$tmp/id.html" "$tmp/id.pdf" 2>"$tmp/id.err"; then
	ok
	text_checks identifiers --no-lists "$tmp/id.pdf" "$here/identifiers.md"
	qpdf_clean identifiers "$tmp/id.pdf"
else
	ko "identifiers render"
	head -n 5 "$tmp/id.err"
fi

echo "pdf: $pass passed, $fail failed"
((fail == 0))
