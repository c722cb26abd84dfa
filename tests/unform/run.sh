#!/usr/bin/env bash
# The UN document form (report.yaml `form: un`) end to end: the example
# (Spanish original, English) and the French of tests/projects/ar-fr (an
# Arabic original), each copied to a temporary folder with the form's
# fields added, built as PDF and Word, then read by real readers
# (check.py): pdftotext -bbox for where page 1's lines, the running heads
# and the folios stand, pdftotext -layout for the numbering and the note
# marks, pdftoppm for the colours, zipfile + xml.etree for the Word parts,
# LibreOffice (soffice --headless --convert-to pdf) for Word's page 1.
# Also: `check` refusing a wrong form, symbol, job number or unedited,
# and the default form keeping its colours (so the colour check can fail).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/unform
: "${UPRGEN:?}"
. "$(dirname "$0")/../lib.sh"

for tool in python3 pdftotext pdftoppm soffice; do
	command -v "$tool" >/dev/null || ko "$tool is not installed"
done

# check.py's lines counted: "ok X" passes, "FAIL X" fails.
checks() {
	local out
	out=$(python3 "$here/check.py" "$@" 2>&1)
	local n
	n=$(grep -c '^ok ' <<<"$out")
	pass=$((pass + n))
	while IFS= read -r line; do
		[[ $line == ok\ * || -z $line ]] && continue
		ko "${line#FAIL }"
	done <<<"$out"
	grep -q '^ok ' <<<"$out" || ko "check.py $* printed no check"
}

# --- the example, English and Spanish -----------------------------------------
mkdir -p "$tmp/en"
cp -R "$root/content" "$tmp/en/content"
sed -i 's#^symbol: .*#symbol: A/HRC/WG.6/45/PER/1#' "$tmp/en/content/report.yaml"
cat >>"$tmp/en/content/report.yaml" <<'EOF'
form: un
organ: general-assembly
session_title: {en: Forty-fifth session, es: 45º período de sesiones}
session_venue:
  en: "Geneva, 20–31 January 2025"
  es: "Ginebra, 20 a 31 de enero de 2025"
unedited: true
job_number: {en: GE.25-01234(E), es: GE.25-01234(S)}
EOF
# a subparagraph that opens with a table (its source line inside it), then
# a quotation: the room for "(a)" is its first paragraph's alone
cat >>"$tmp/en/content/chapters/challenges.en.md" <<'EOF'

The table of the items is the following:

- | Year | Cases |
  |---|--:|
  | 2024 | 12 |

  Source: inside the item.

> Quoted after the item, a line of its own.

The measures taken were the following:

- the first measure, in parts:

  - nestedpart one of the first measure;
  - nestedpart two;

  Afterline of the first measure, a paragraph of its own.

- the second measure.

### Plain list here

- plainitem one, a list after a heading;

  Plaincont of the item, its second paragraph.

- plainitem two.

#### (a) Lettered alone by its author

A subsection alone in its section: no letter, the author's taken away.
EOF
"$UPRGEN" check -C "$tmp/en" >"$tmp/en.check" 2>&1
if grep -q '(0 warnings)' "$tmp/en.check"; then ok; else
	ko "example with form: un: check not clean"
	head -n 10 "$tmp/en.check"
fi
if "$UPRGEN" build -C "$tmp/en" --out "$tmp/en/build" --format all \
	>"$tmp/en.log" 2>&1; then
	ok
	checks pdf "$tmp/en/build/report-en.pdf" en
	checks docx "$tmp/en/build/report-en.docx" en
	# no contents field: Word must not ask to update the fields on opening
	# (it reads as a security warning); the default form has them
	if unzip -p "$tmp/en/build/report-en.docx" word/settings.xml | grep -q updateFields; then
		ko "UN form: settings.xml asks Word to update fields it has not"
	else ok; fi
	# the form's parts too in the order of the schema (Word's strictness)
	if python3 "$root/tests/docx/order.py" "$tmp/en/build/report-en.docx" \
		>"$tmp/order.out" 2>&1; then ok; else ko "$(cat "$tmp/order.out")"; fi
	# Spanish: its own words, the marks before the punctuation
	text=$(pdftotext -layout "$tmp/en/build/report-es.pdf" - 2>/dev/null |
		tr -s ' \n' '  ')
	for want in "Naciones Unidas" "Asamblea General" "Distr. general" \
		"Original: español" "Consejo de Derechos Humanos" \
		"matriz elaborada por el ACNUDH5. La selección" \
		"GE.25-01234(S)"; do
		if grep -qF -- "$want" <<<"$text"; then ok; else
			ko "es PDF: no '$want'"
		fi
	done
	# Word through LibreOffice: the same page 1
	mkdir -p "$tmp/lo" "$tmp/home"
	if HOME=$tmp/home timeout 300 soffice --headless --convert-to pdf \
		--outdir "$tmp/lo" "$tmp/en/build/report-en.docx" \
		>"$tmp/lo.log" 2>&1 && [[ -s $tmp/lo/report-en.pdf ]]; then
		ok
		checks page1 "$tmp/lo/report-en.pdf" en
		# the Word document's text block as the PDF's, a UN one's
		checks singletxt "$tmp/lo/report-en.pdf" en
		checks items "$tmp/en/build/report-en.pdf"
		# a list in a subparagraph, a subparagraph's and an item's
		# second paragraphs: where the PDF puts them, and Word
		checks lists "$tmp/en/build/report-en.pdf" PDF
		checks lists "$tmp/lo/report-en.pdf" Word
		# issued without formal editing: no job number after page 1
		checks jobfoot "$tmp/en/build/report-en.pdf" PDF unedited
		# an edited document: its job number on every page, opposite
		# the folio, in the PDF and in Word (as A/HRC/59/15)
		cp -R "$tmp/en" "$tmp/edited"
		rm -rf "$tmp/edited/build"
		sed -i '/^unedited:/d' "$tmp/edited/content/report.yaml"
		if "$UPRGEN" build -C "$tmp/edited" --format all --lang en \
			>"$tmp/edited.log" 2>&1; then
			checks jobfoot "$tmp/edited/build/report-en.pdf" PDF edited
			mkdir -p "$tmp/lo-edited"
			HOME=$tmp/home timeout 300 soffice --headless --convert-to pdf \
				--outdir "$tmp/lo-edited" "$tmp/edited/build/report-en.docx" \
				>/dev/null 2>&1
			checks jobfoot "$tmp/lo-edited/report-en.pdf" Word edited
		else
			ko "edited UN document: build failed: $(head -n 3 "$tmp/edited.log")"
		fi
		# the matrices of chapter V (portrait): each status word whole
		# in its cell, "Not" then "implemented", never "implemente"
		# then "d" (a fixed 12 % column was narrower than the word)
		lo_text=$(pdftotext "$tmp/lo/report-en.pdf" - 2>/dev/null)
		if grep -qx 'implemented' <<<"$lo_text" &&
			! grep -qx 'implemente' <<<"$lo_text"; then ok; else
			ko "Word's matrix breaks 'implemented' inside the word"
		fi
		# each chart's caption on its chart's page (LibreOffice left
		# this one at the foot of page 4, its chart on page 5): the
		# page of the caption and of the chart's first bar, Lima
		cap= bar=
		for ((p = 1; p <= 40; p++)); do
			page=$(pdftotext -f $p -l $p "$tmp/lo/report-en.pdf" - 2>/dev/null) || break
			[[ -z $cap ]] && grep -q "^Early warnings issued for human rights defenders" <<<"$page" && cap=$p
			[[ -n $cap && -z $bar ]] && grep -qx "Lima" <<<"$page" && bar=$p
		done
		if [[ -n $cap && $cap == "$bar" ]]; then ok; else
			ko "Word through LibreOffice: a chart's caption on page ${cap:-?}, its chart on page ${bar:-?}"
		fi
	else
		ko "LibreOffice did not convert the Word document"
		tail -n 5 "$tmp/lo.log"
	fi
else
	ko "example with form: un: build failed"
	head -n 20 "$tmp/en.log"
fi

# --- French (tests/projects/ar-fr) -------------------------------------------
mkdir -p "$tmp/fr"
cp -R "$root/tests/projects/ar-fr/content" "$tmp/fr/content"
sed -i 's#^symbol: .*#symbol: A/HRC/WG.6/45/OAS/1#' "$tmp/fr/content/report.yaml"
cat >>"$tmp/fr/content/report.yaml" <<'EOF'
form: un
session_title: {ar: الدورة الخامسة والأربعون, fr: Quarante-cinquième session}
session_venue:
  ar: "جنيف، 20-31 كانون الثاني/يناير 2025"
  fr: "Genève, 20-31 janvier 2025"
unedited: true
job_number: GE.25-01234(F)
EOF
if "$UPRGEN" build -C "$tmp/fr" --out "$tmp/fr/build" --format all \
	--lang fr >"$tmp/fr.log" 2>&1; then
	ok
	checks pdf "$tmp/fr/build/report-fr.pdf" fr
	checks docx "$tmp/fr/build/report-fr.docx" fr
else
	ko "French with form: un: build failed"
	head -n 20 "$tmp/fr.log"
fi

# --- Arabic (tests/projects/ar-fr, the same fields): the form's numbers as UN
# Arabic documents write them, أولاً- ثانياً-, ألف- باء-, 1-, (أ) (ب); the
# clusters' letters the author wrote ("ألف- التحديات") replaced, not doubled
if "$UPRGEN" build -C "$tmp/fr" --out "$tmp/ar" --format all --lang ar \
	>"$tmp/ar.log" 2>&1; then
	ok
	# pdftotext, its bidi controls and spaces taken out (poppler's own
	# reordering moves a space beside the hyphen)
	pdftotext "$tmp/ar/report-ar.pdf" - 2>/dev/null |
		LC_ALL=C sed 's/\xe2\x80[\xaa-\xae]//g; s/ //g' >"$tmp/ar.txt"
	unzip -p "$tmp/ar/report-ar.docx" word/document.xml >"$tmp/ar.xml"
	for want in "أولاً-تصدير" "ثانياً-مقدمة" "ألف-التوصياتحسبالموقف" \
		"ألف-التحديات" "باء-الخطواتالتالية" "سادساً-التحديات"; do
		if grep -qF -- "$want" "$tmp/ar.txt"; then ok; else
			ko "ar PDF with form: un: no '$want'"
		fi
	done
	# a subparagraph's letter a tab before its text, on its line (as
	# in a UN document, pdftotext reads the letter apart but with
	# -layout, where the line reads from the left: text, then letter)
	pdftotext -layout "$tmp/ar/report-ar.pdf" - 2>/dev/null |
		LC_ALL=C sed 's/\xe2\x80[\xaa-\xae]//g; s/ //g' >"$tmp/ar-layout.txt"
	for want in "تجريمالاغتصابالزوجي؛(أ)" "أوامرحماية.*(ب)"; do
		if grep -q -- "$want" "$tmp/ar-layout.txt"; then ok; else
			ko "ar PDF with form: un: no line '$want'"
		fi
	done
	if grep -qF "ألف-ألف" "$tmp/ar.txt"; then
		ko "ar PDF: a letter the author wrote is doubled"
	else ok; fi
	# a heading's number, then a tab (its text at the text's start)
	for want in ">أولاً-</w:t></w:r><w:r><w:rPr><w:lang [^>]*/></w:rPr><w:tab/>" \
		">ألف-</w:t></w:r><w:r><w:rPr><w:lang [^>]*/></w:rPr><w:tab/>" \
		'w:numFmt w:val="arabicAbjad"'; do
		if grep -q -- "$want" "$tmp/ar.xml" ||
			unzip -p "$tmp/ar/report-ar.docx" word/numbering.xml |
			grep -q -- "$want"; then ok; else
			ko "ar Word with form: un: no '$want'"
		fi
	done
	# through LibreOffice, the Word document's numbers where the PDF's are
	if HOME=$tmp/home timeout 300 soffice --headless --convert-to pdf \
		--outdir "$tmp/lo-ar" "$tmp/ar/report-ar.docx" >/dev/null 2>&1; then
		checks rtlnumbers "$tmp/lo-ar/report-ar.pdf"
	else
		ko "LibreOffice did not convert the Arabic Word document"
	fi
	checks rtlnumbers "$tmp/ar/report-ar.pdf"
	# Arabic runs take the complex-script size (w:szCs): page 1's title
	# in 14 points, not the document's 10
	sz=$(grep -o '<w:sz w:val="[0-9]*"/>' "$tmp/ar.xml" | wc -l)
	szcs=$(grep -o '<w:sz w:val="\([0-9]*\)"/><w:szCs w:val="\1"/>' \
		"$tmp/ar.xml" | wc -l)
	if [ "$sz" -gt 5 ] && [ "$sz" = "$szcs" ]; then ok; else
		ko "ar Word with form: un: $sz sizes, $szcs with w:szCs"
	fi
else
	ko "Arabic with form: un: build failed"
	head -n 20 "$tmp/ar.log"
fi

# --- Chinese (tests/projects/zh-ru): headings in a Hei face, as Chinese UN
# documents set them (SimHei in Word's heading styles; the PDF's Noto Sans
# CJK Bold, not the body's Song face made bold)
mkdir -p "$tmp/zh"
cp -R "$root/tests/projects/zh-ru/content" "$tmp/zh/content"
sed -i 's#^symbol: .*#symbol: A/HRC/WG.6/45/NVD/1#' "$tmp/zh/content/report.yaml"
cat >>"$tmp/zh/content/report.yaml" <<'EOF'
form: un
session_title: {zh: 第四十五届会议, ru: Сорок пятая сессия}
session_venue: {zh: "2025年1月20日至31日，日内瓦", ru: "Женева, 20–31 января 2025 года"}
job_number: GE.25-01234(C)
EOF
if "$UPRGEN" build -C "$tmp/zh" --out "$tmp/zh/build" --format all \
	--lang zh >"$tmp/zh.log" 2>&1; then
	ok
	checks hei "$tmp/zh/build/report-zh.pdf" "$tmp/zh/build/report-zh.docx"
else
	ko "Chinese with form: un: build failed"
	head -n 20 "$tmp/zh.log"
fi

# --- the default form keeps its colours ---------------------------------------
mkdir -p "$tmp/default"
"$UPRGEN" build -C "$root" --out "$tmp/default" --format pdf --lang en \
	>/dev/null 2>&1 || ko "default build"
checks colour "$tmp/default/report-en.pdf"
if pdftotext -layout "$tmp/default/report-en.pdf" - 2>/dev/null |
	grep -qE '^ *I\. Foreword'; then
	ko "the default form numbers its chapters"
else
	ok
fi

# --- check refuses what the form cannot show -----------------------------------
refuse() { # WHAT YAML MESSAGE
	local dir=$tmp/bad-$pass-$fail
	mkdir -p "$dir"
	cp -R "$root/content" "$dir/content"
	sed -i '/^symbol: /d' "$dir/content/report.yaml"
	printf '%s\n' "$2" >>"$dir/content/report.yaml"
	"$UPRGEN" check -C "$dir" >"$dir.out" 2>&1
	local status=$?
	if ((status == 1)) &&
		grep -qE "report\.yaml:[0-9]+:[0-9]+: error: .*$3" "$dir.out"; then
		ok
	else
		ko "check $1 (exit $status):"
		head -n 5 "$dir.out"
	fi
}
refuse "a form it does not know" "form: unn" "unknown form 'unn'"
refuse "form: un without a symbol" "form: un" "'form: un' needs the report's document symbol"
refuse "a symbol that is not a UN symbol" $'form: un\nsymbol: "A/HRC /1"' "'symbol' must be a UN document symbol"
refuse "a wrong job number" $'form: un\nsymbol: A/HRC/1\njob_number: GE-12' "'job_number' must be a UN job number"
refuse "a wrong job number in one language" $'form: un\nsymbol: A/HRC/1\njob_number: {en: GE.24-1(E), es: "GE 24"}' "'job_number' must be a UN job number"
refuse "an unedited that is not a boolean" $'form: un\nsymbol: A/HRC/1\nunedited: often' "'unedited' must be true or false"
refuse "an organ it does not know" $'form: un\nsymbol: A/HRC/1\norgan: council' "unknown organ 'council'"

echo "unform: $pass passed, $fail failed"
((fail == 0))
