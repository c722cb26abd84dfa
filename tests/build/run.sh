#!/usr/bin/env bash
# `uprgen build` end to end: the expanded Markdown of the example pinned by
# golden files, hostile strings that must come out as text, a user's
# template overriding one chapter, byte-identical rebuilds, and builds that
# fail or are killed half-way leaving the previous output as it was.
# UPDATE=1 rewrites the golden files (`make golden`).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/build
: "${UPRGEN:?}"
if [[ ! -x $UPRGEN ]]; then
	echo "no uprgen binary at $UPRGEN"
	echo "build: 0 passed, 1 failed"
	exit 1
fi
. "$(dirname "$0")/../lib.sh"

expect() { if eval "$2"; then ok; else ko "$1"; fi; }
nbsp=$'\u00a0'

# A copy of the example project, to change without touching the tree.
copy_example() {
	mkdir -p "$1"
	cp -R "$root/content" "$1/content"
}

# --- the command line: a folder typed without -C is named as one ------------
mkdir -p "$tmp/proj"
for c in build check serve "export sheets"; do
	$UPRGEN $c "$tmp/proj" >/dev/null 2>"$tmp/usage.err"
	st=$?
	expect "uprgen $c FOLDER: exit 2 and '-C FOLDER' suggested ($st: $(head -n 1 "$tmp/usage.err"))" \
		'[[ $st == 2 ]] && grep -qF -- "a project'"'"'s folder is named with -C ('"'"'uprgen $c -C $tmp/proj'"'"')" "$tmp/usage.err"'
done
$UPRGEN build --frobnicate >/dev/null 2>"$tmp/usage.err"
expect "an unknown option is only unexpected" \
	'[[ $? == 2 ]] && grep -qx "uprgen build: unexpected '"'"'--frobnicate'"'"'" "$tmp/usage.err"'

# the usage errors say what is wrong (review 17: "unexpected '--lang'" for
# a missing value, "not one of en, es" for a language given twice)
$UPRGEN build -C "$root" --lang >/dev/null 2>"$tmp/usage.err"
expect "an option without its value: says it needs one (exit 2)" \
	'[[ $? == 2 ]] && grep -qx "uprgen build: '"'"'--lang'"'"' needs a value" "$tmp/usage.err"'
$UPRGEN check -C >/dev/null 2>"$tmp/usage.err"
expect "check -C without a folder: says it needs one" \
	'grep -qx "uprgen check: '"'"'-C'"'"' needs a value" "$tmp/usage.err"'
$UPRGEN bulid >/dev/null 2>"$tmp/usage.err"
expect "a command mistyped: the nearest (exit 2)" \
	'[[ $? == 2 ]] && grep -q "unknown command '"'"'bulid'"'"' (did you mean '"'"'build'"'"'?)" "$tmp/usage.err"'
$UPRGEN new "$tmp/twice" --state Peru --lang es,es >/dev/null 2>"$tmp/usage.err"
expect "new --lang es,es: a language given twice, said so" \
	'[[ $? == 2 ]] && grep -q "'"'"'es'"'"' is given twice" "$tmp/usage.err"'
$UPRGEN export sheets -C "$root" --lang fr --out "$tmp/sheets-fr" >/dev/null 2>"$tmp/usage.err"
expect "export --lang fr: names the report's languages" \
	'[[ $? == 2 ]] && grep -q "is not a language of this report (its languages: es, en)" "$tmp/usage.err"'

# --lang in a language the report is not written in: a wrong command line
# (exit 2, as --lang xx), shown at report.yaml's list of languages
$UPRGEN build -C "$root" --lang fr --out "$tmp/fr" >/dev/null 2>"$tmp/usage.err"
expect "--lang fr for an es/en report: exit 2 at report.yaml's languages" \
	'[[ $? == 2 ]] && grep -q "content/report.yaml:[0-9]*:[0-9]*: error: --lang fr: the report is not written in" "$tmp/usage.err"'

# --- golden: the expanded Markdown of the example ---------------------------
"$UPRGEN" build -C "$root" --out "$tmp/example" >/dev/null 2>"$tmp/err" ||
	{ ko "example build"; cat "$tmp/err"; }
for l in es en; do
	golden=$root/tests/golden/report-$l.md
	if [[ ${UPDATE:-} == 1 ]]; then
		cp "$tmp/example/md/report-$l.md" "$golden"
	fi
	if cmp -s "$tmp/example/md/report-$l.md" "$golden"; then
		ok
	else
		ko "golden report-$l.md differs:"
		diff "$golden" "$tmp/example/md/report-$l.md" | head -n 20
	fi
done
expect "example has both PDFs" \
	'[[ -s $tmp/example/report-es.pdf && -s $tmp/example/report-en.pdf ]]'
expect "example has its site" '[[ -s $tmp/example/site/index.html ]]'
# each language's dashboard and report page offer its PDF and Word file,
# each named with its type and size in the link ("Report (PDF, 738 kB)"),
# the size the file's (kB: powers of 1,000, rounded up)
for l in en es; do
	for page in index report; do
		f=$tmp/example/site/$l/$page.html
		for ext in pdf docx; do
			bytes=$(stat -L -c %s "$tmp/example/site/$l/report-$l.$ext" 2>/dev/null || echo 0)
			size=$(((bytes + 999) / 1000))${nbsp}kB
			if ((bytes + 999 >= 1000000)); then
				tenths=$(((bytes + 50000) / 100000))
				mark=.
				[[ $l == es ]] && mark=,
				size=$((tenths / 10))$mark$((tenths % 10))${nbsp}MB
				size=${size/${mark}0${nbsp}/${nbsp}}
			fi
			type=PDF
			[[ $ext == docx ]] && type=Word
			expect "$l/$page.html offers report-$l.$ext as '($type, $size)'" \
				"grep -qF 'href=\"report-$l.$ext\" download>' '$f' &&
				 grep -qE 'href=\"report-$l.$ext\" download>[^<]+ \($type, $size\)</a>' '$f'"
		done
	done
done
# the language chooser stays the site's front page
expect "site/index.html is the language chooser" \
	"grep -q 'class=\"languages\"' '$tmp/example/site/index.html'"

# a chart's data table names its keys' column (the statistic's category,
# else "Year" or "Category"), not by the unit, which heads the figures
expect "a data table's keys column named by its category" \
	"grep -qF '<thead><tr><th scope=\"col\">Department</th><th scope=\"col\" class=\"num\">Warnings issued</th>' '$tmp/example/site/en/statistics.html' &&
	 grep -qF '<thead><tr><th scope=\"col\">Departamento</th>' '$tmp/example/site/es/statistics.html'"
expect "no data table's keys column headed by a unit" \
	"! grep -qE '<thead><tr><th scope=\"col\">(warnings|cases|persons)</th>' '$tmp/example/site/en/statistics.html'"

# --- hostile strings come out as text ----------------------------------------
"$UPRGEN" build -C "$here/hostile" --out "$tmp/hostile" >/dev/null 2>&1 ||
	ko "hostile build"
markup=$(grep -rIlE '<(script>alert|img src=x|iframe src|marquee|svg/onload|style>body|form action=x|b>|i>)|(href|src)="(javascript|vbscript):' \
	--include='*.html' --include='*.js' --include='*.json' "$tmp/hostile/site")
expect "no markup from content in the site: $markup" '[[ -z $markup ]]'
# (its quotes set as every plain text's: words_typeset_copy)
expect "hostile text shown as text in the site" \
	"grep -q '&lt;script&gt;alert(‘text’)&lt;/script&gt;' '$tmp/hostile/site/en/recommendations/110.1.html'"
expect "Markdown in a plain field shown as typed" \
	"grep -qF '**not bold**' '$tmp/hostile/site/en/index.html'"
if command -v pdftotext >/dev/null; then
	pdftotext "$tmp/hostile/report-en.pdf" "$tmp/hostile.txt" 2>/dev/null
	expect "hostile text shown as text in the PDF" \
		"grep -qF \"<script>alert(‘text’)</script>\" '$tmp/hostile.txt'"
fi

# --- a user's template overrides one chapter --------------------------------
copy_example "$tmp/override"
mkdir -p "$tmp/override/templates"
sed 's/^# {{{heading}}}/# Our own foreword heading/' "$root/templates/foreword.md" \
	>"$tmp/override/templates/foreword.md"
"$UPRGEN" build -C "$tmp/override" --format html >/dev/null 2>&1 || ko "override build"
md=$tmp/override/build/md/report-en.md
expect "the overriding template is used" "grep -q '^# Our own foreword heading' '$md'"
expect "the other templates are the built-in ones" \
	"[[ \$(grep -c '^# ' '$md') == \$(grep -c '^# ' '$tmp/example/md/report-en.md') ]]"

# --- a heading of the templates continues the author's numbering ----------
# "## C. Assessment" (the author's) is followed by the template's figures:
# "D. Recommendations by position...", in md/, the site, the PDF and Word.
docx_text() { # every paragraph's text of a .docx, one a line
	/usr/bin/python3 -c 'import docx,sys
for p in docx.Document(sys.argv[1]).paragraphs: print(p.text)' "$1"
}
want="D. Recommendations by position and status of implementation"
expect "md/: the template's heading after the author's C. is D." \
	"grep -qxF '## $want' '$tmp/example/md/report-en.md'"
expect "site: the same heading, numbered" \
	"grep -qF '>$want</h3>' '$tmp/example/site/en/report.html'"
pdftotext "$tmp/example/report-en.pdf" "$tmp/numbers.txt" 2>/dev/null
expect "PDF: the same heading, numbered" "grep -qxF '$want' '$tmp/numbers.txt'"
expect "Word: the same heading, numbered" \
	"docx_text '$tmp/example/report-en.docx' | grep -xF '$want' >/dev/null"
expect "Spanish: D. as well" \
	"grep -qxF '## D. Recomendaciones por posición y estado de implementación' '$tmp/example/md/report-es.md'"
# a bare heading of the author's ends the run; chapters the author numbers
# (I.) number the template's chapters after them, but not the annex
copy_example "$tmp/numbers"
sed -i 's/^## C\. Assessment$/## Assessment/' "$tmp/numbers/content/chapters/overview.en.md"
sed -i '0,/^# /s/^# \(.*\)$/# I. \1/' "$tmp/numbers/content/chapters/foreword.en.md"
"$UPRGEN" build -C "$tmp/numbers" --format html --lang en >/dev/null 2>"$tmp/err" ||
	{ ko "numbers build"; cat "$tmp/err"; }
md=$tmp/numbers/build/md/report-en.md
sed -n '/^# III\. Overview/,/^# IV\. /p' "$md" >"$tmp/overview.md"
expect "after a bare heading of the author's, the template's stays bare" \
	"grep -qx '## Recommendations by position and status of implementation' '$tmp/overview.md' && ! grep -q '^## D\. ' '$tmp/overview.md'"
expect "the chapter after the author's I. is II." \
	"grep -qx '# II\. Introduction: methodology and consultation process' '$md'"
expect "the template's own chapters continue (V. Follow-up...)" \
	"grep -qx '# V\. Follow-up to noted recommendations' '$md'"
expect "the annex is not numbered" "grep -qx '# Annex' '$md'"

# --- a chart the report cites twice is drawn once --------------------------
# (fence_refer_repeats): each later place refers to it, in the PDF, Word and
# the site's report page; a recommendation's own page draws its own.
cites=$(grep -c '^```chart hrd-early-warnings' "$tmp/example/md/report-en.md")
see="See the chart above: Early warnings issued"
expect "md/ cites the early-warnings chart more than once ($cites)" '[[ $cites -ge 2 ]]'
expect "the PDF draws it once and refers to it $((cites - 1)) times" \
	"[[ \$(grep -c '^$see' '$tmp/numbers.txt') == $((cites - 1)) ]]"
expect "Word refers to it as the PDF does" \
	"[[ \$(docx_text '$tmp/example/report-en.docx' | grep -c '^$see') == $((cites - 1)) ]]"
# the pointer is no paragraph of the report: it takes no number, in the
# PDF ("50. See the chart above" used one up) nor in Word (no numPr)
expect "the PDF's pointers carry no paragraph number" \
	"pdftotext -layout '$tmp/example/report-en.pdf' - | grep '$see' | grep -qv '^ *[0-9][0-9]*\.' &&
	 ! pdftotext -layout '$tmp/example/report-en.pdf' - | grep -q '[0-9]\. *$see'"
expect "Word's pointers are not numbered paragraphs" \
	"unzip -p '$tmp/example/report-en.docx' word/document.xml | python3 -c 'import re, sys
ps = [p for p in re.findall(r\"<w:p>.*?</w:p>\", sys.stdin.read()) if sys.argv[1] in p]
sys.exit(0 if len(ps) == int(sys.argv[2]) and not any(\"numPr\" in p for p in ps) else 1)' '$see' $((cites - 1))"
expect "the site's report page draws it once and refers to it" \
	"[[ \$(grep -c 'id=\"chart-hrd-early-warnings\"' '$tmp/example/site/en/report.html') == 1 &&
	    \$(grep -c '$see' '$tmp/example/site/en/report.html') == $((cites - 1)) ]]"
expect "a recommendation's page draws its own" \
	"grep -q '<svg' '$tmp/example/site/en/recommendations/110.52.html' &&
	 grep -q 'Early warnings issued for human rights defenders' '$tmp/example/site/en/recommendations/110.52.html' &&
	 ! grep -q 'See the chart above' '$tmp/example/site/en/recommendations/110.52.html'"

# --- determinism ---------------------------------------------------------------
"$UPRGEN" build -C "$root" --out "$tmp/again" >/dev/null 2>&1
expect "two builds are byte-identical" \
	"diff -r '$tmp/example/site/' '$tmp/again/site/' >/dev/null && diff -r '$tmp/example/md/' '$tmp/again/md/' >/dev/null && cmp -s '$tmp/example/report-en.pdf' '$tmp/again/report-en.pdf'"

# --- a build of one language, or of the site alone, still offers the report
# files it keeps from the previous build (it removed them from site/ and the
# dashboard's buttons while saying "kept from the previous build")
copy_example "$tmp/partial"
"$UPRGEN" build -C "$tmp/partial" >/dev/null 2>&1 || ko "partial: the first build"
"$UPRGEN" build -C "$tmp/partial" --lang es >"$tmp/partial.out" 2>&1 ||
	ko "partial: build --lang es"
p=$tmp/partial/build/site
expect "--lang es: says it kept report-en.pdf" "grep -q 'kept from the previous build: report-en.pdf, report-en.docx' '$tmp/partial.out'"
expect "--lang es: site/en/ still holds report-en.pdf and .docx" \
	"cmp -s '$p/en/report-en.pdf' '$tmp/partial/build/report-en.pdf' && [[ -s $p/en/report-en.docx ]]"
expect "--lang es: the English dashboard and report page still offer them" \
	"grep -q 'href=\"report-en.pdf\"' '$p/en/index.html' && grep -q 'href=\"report-en.docx\"' '$p/en/report.html'"
"$UPRGEN" build -C "$tmp/partial" --format html >/dev/null 2>&1 || ko "partial: --format html"
expect "--format html: both languages still offer their files" \
	"grep -q 'href=\"report-en.pdf\"' '$p/en/index.html' && grep -q 'href=\"report-es.docx\"' '$p/es/index.html' && [[ -s $p/es/report-es.pdf ]]"

# ... but not a report made from other content than the site's: a figure
# changed and the site alone rebuilt, its dashboard said 9 implemented and
# the PDF behind its button 8
sed -i '0,/^  status: not-implemented$/s//  status: implemented/' "$tmp/partial/content/recommendations.yaml"
"$UPRGEN" build -C "$tmp/partial" --format html >"$tmp/partial.out" 2>&1 || ko "partial: --format html after a change"
expect "content changed, --format html: no report file offered, none copied into the site" \
	"! grep -q 'href=\"report-' '$p/en/index.html' '$p/es/index.html' '$p/en/report.html' '$p/es/report.html' &&
	 [[ ! -e $p/es/report-es.pdf && -s $tmp/partial/build/report-es.pdf ]]"
expect "content changed, --format html: the build says which files it does not offer, and why" \
	"grep -q '^not offered on the site: report-es.pdf, report-es.docx, report-en.pdf, report-en.docx, made from other content than the site' '$tmp/partial.out'"
"$UPRGEN" build -C "$tmp/partial" --format pdf --lang es >/dev/null 2>&1 || ko "partial: --format pdf --lang es"
"$UPRGEN" build -C "$tmp/partial" --format html >"$tmp/partial.out" 2>&1 || ko "partial: --format html after the PDF"
expect "the Spanish PDF remade: offered again, the other files not" \
	"grep -q 'href=\"report-es.pdf\"' '$p/es/index.html' && ! grep -q 'href=\"report-es.docx\"' '$p/es/index.html' &&
	 ! grep -q 'href=\"report-en.pdf\"' '$p/en/index.html' &&
	 grep -q '^not offered on the site: report-es.docx, report-en.pdf, report-en.docx,' '$tmp/partial.out'"

# --- a failed build changes nothing -------------------------------------------
copy_example "$tmp/fails"
"$UPRGEN" build -C "$tmp/fails" >/dev/null 2>&1
before=$(cd "$tmp/fails/build" && find . -type f | sort | xargs md5sum)
sed -i 's/^  position: supported$/  position: maybe/' "$tmp/fails/content/recommendations.yaml"
"$UPRGEN" build -C "$tmp/fails" >/dev/null 2>"$tmp/err"
status=$?
expect "a build with errors exits 1" "[[ $status == 1 ]]"
expect "its errors name the file and line" \
	"grep -q 'recommendations.yaml:[0-9]*:[0-9]*: error: unknown position' '$tmp/err'"
after=$(cd "$tmp/fails/build" && find . -type f | sort | xargs md5sum)
expect "the previous output is untouched" '[[ $before == "$after" ]]'

# --- uprgen-formats.so: loaded only by what needs it (gen/formats.h) ---------
# LD_DEBUG=files names every file the loader maps, at start or by dlopen.
heavy='lib(hpdf|harfbuzz|zip|xlsxwriter|microhttpd|gnutls|deflate|fribidi|unibreak|hyphen|expat)|uprgen-formats'
LD_DEBUG=files "$UPRGEN" build -C "$root" --format html --out "$tmp/lazy" \
	>/dev/null 2>"$tmp/lazy.files"
expect "a website build maps neither uprgen-formats.so nor its libraries" \
	"grep -q 'file=[^ ]*libyaml' '$tmp/lazy.files' && ! grep -qE 'file=[^ ]*($heavy)' '$tmp/lazy.files'"
LD_DEBUG=files "$UPRGEN" build -C "$root" --format pdf --out "$tmp/lazy" \
	>/dev/null 2>"$tmp/lazy.files"
expect "a PDF build loads uprgen-formats.so and libharu, and makes its PDFs" \
	"grep -q 'file=[^ ]*uprgen-formats.so' '$tmp/lazy.files' && grep -q 'file=[^ ]*libhpdf' '$tmp/lazy.files' && [[ -s $tmp/lazy/report-en.pdf ]]"

# The program copied alone (its templates beside it, as in a checkout):
# without its object, or with a broken one, what needs the object fails
# with the file named, and changes nothing; a website build still works.
mkdir -p "$tmp/alone/build"
cp "$UPRGEN" "$tmp/alone/build/uprgen"
ln -s "$root/templates" "$tmp/alone/templates"
alone=$tmp/alone/build/uprgen
copy_example "$tmp/noobj"
"$UPRGEN" build -C "$tmp/noobj" >/dev/null 2>&1
before=$(cd "$tmp/noobj/build" && find . -type f | sort | xargs md5sum)
"$alone" build -C "$tmp/noobj" >/dev/null 2>"$tmp/err"
status=$?
expect "without uprgen-formats.so a PDF build exits 1" "[[ $status == 1 ]]"
expect "and says which file is missing, and where else it was looked for" \
	"grep -q '/alone/build/uprgen-formats.so: error: .*missing (nor is it at .*/alone/lib/uprgen/uprgen-formats.so)' '$tmp/err'"
"$alone" build -C "$tmp/noobj" --format docx >/dev/null 2>&1
status=$?
"$alone" export sheets -C "$tmp/noobj" --out "$tmp/noobj-sheets" \
	>/dev/null 2>"$tmp/err"
expect "a Word build and export exit 1 as well ($status, $?), export naming the file" \
	"[[ $status == 1 && $? == 1 ]] && grep -q '^uprgen: .*/alone/build/uprgen-formats.so: .*missing' '$tmp/err'"
after=$(cd "$tmp/noobj/build" && find . -type f | sort | xargs md5sum)
expect "the previous output is untouched" '[[ $before == "$after" ]]'
printf 'not an ELF object\n' >"$tmp/alone/build/uprgen-formats.so"
"$alone" build -C "$tmp/noobj" --format pdf >/dev/null 2>"$tmp/err"
status=$?
expect "a broken uprgen-formats.so: exit 1 ($status), the file and dlerror()'s reason named" \
	"[[ $status == 1 ]] && grep -qE '/alone/build/uprgen-formats.so: error: .*cannot be loaded: .*(invalid ELF header|file too short)' '$tmp/err'"
after=$(cd "$tmp/noobj/build" && find . -type f | sort | xargs md5sum)
expect "and the previous output is untouched" '[[ $before == "$after" ]]'
"$alone" build -C "$tmp/noobj" --format html --out "$tmp/noobj-html" \
	>/dev/null 2>"$tmp/err"
expect "a website build needs no object" \
	"cmp -s '$tmp/noobj-html/site/index.html' '$tmp/noobj/build/site/index.html'"

# --- one noted recommendation is no "recommendations" ---------------------
# (the sentence that opens the follow-up of the noted ones, when the author
# wrote no chapter: "Peru noted 1 recommendations" was printed)
"$UPRGEN" build -C "$root/tests/check/valid-minimal" --format html \
	--out "$tmp/minimal" >/dev/null 2>&1
expect "one noted recommendation, in English and Spanish" \
	"grep -q 'Peru noted 1 of the recommendations it received and partially supported 0' '$tmp/minimal/md/report-en.md' && grep -q 'tomó nota de 1 de las recomendaciones recibidas' '$tmp/minimal/md/report-es.md'"

# --- the output folder: what is uprgen's, and one switch -------------------
# (issue 14; the layout is gen/output.h's). The property tests run the
# optimised binary when there is one: they build many times.
source "$here/output.sh"

echo "build: $pass passed, $fail failed"
((fail == 0))
