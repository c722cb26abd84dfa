#!/usr/bin/env bash
# The test projects in the other UN languages: tests/projects/ar-fr (Arabic
# and French) and tests/projects/zh-ru (Chinese and Russian).  Each must
# check with no error and no warning and build its website, its expanded
# Markdown and its PDFs; the built Markdown must write dates, list joins,
# ordinals, percentages and the built-in chapter texts as each language
# writes them (the progress reported in zh-ru/content/progress/ too), and
# the website's statistics its numbers.  A project's own
# folder is never written to: builds go to a temporary folder.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/projects
: "${UPRGEN:?}"
if [[ ! -x $UPRGEN ]]; then
	echo "no uprgen binary at $UPRGEN"
	echo "projects: 0 passed, 1 failed"
	exit 1
fi
. "$(dirname "$0")/../lib.sh"

# has FILE TEXT...: FILE holds each TEXT, as is (no pattern).
has() {
	local file=$1
	shift
	for text in "$@"; do
		if grep -qF -- "$text" "$file" 2>/dev/null; then
			ok
		else
			ko "${file#"$tmp"/}: no '$text'"
		fi
	done
}

# lacks FILE REGEX WHAT: FILE holds nothing REGEX matches.
lacks() {
	local found
	found=$(grep -nE -- "$2" "$1" 2>/dev/null | head -n 3)
	if [[ -z $found ]]; then
		ok
	else
		ko "${1#"$tmp"/}: $3: $found"
	fi
}

# counted OUT MIN SCRIPT PREFIX: a checking script's lines, "ok ..." each a
# pass (at least MIN of them), any other line a failure.
counted() {
	local n
	n=$(grep -c '^ok ' "$1")
	if ((n >= $2)); then
		pass=$((pass + n))
	else
		ko "$3: $n checks passed, fewer than $2"
	fi
	while IFS= read -r line; do ko "$4$line"; done < <(grep -v '^ok ' "$1")
}

nbsp=$'\u00a0'
nnbsp=$'\u202f'
wj=$'\u2060' # a word joiner: after the slash of an Arabic date's months

# --- check and build each project ---------------------------------------------
for p in ar-fr zh-ru; do
	"$UPRGEN" check -C "$here/$p" >"$tmp/$p.check" 2>&1
	status=$?
	if ((status == 0)) && grep -q '(0 warnings)' "$tmp/$p.check"; then
		ok
	else
		ko "$p: uprgen check (exit $status) is not clean:"
		head -n 20 "$tmp/$p.check"
	fi
	"$UPRGEN" build -C "$here/$p" --out "$tmp/$p" --format html \
		>"$tmp/$p.html.log" 2>&1 ||
		{ ko "$p: build --format html"; head -n 20 "$tmp/$p.html.log"; }
	"$UPRGEN" build -C "$here/$p" --out "$tmp/$p-pdf" --format pdf \
		>"$tmp/$p.pdf.log" 2>&1 ||
		{ ko "$p: build --format pdf"; head -n 20 "$tmp/$p.pdf.log"; }
done
[[ -d $here/ar-fr/build || -d $here/zh-ru/build ]] &&
	ko "a build wrote into the project's folder"

for l in ar fr; do
	[[ -s $tmp/ar-fr/site/$l/index.html ]] && ok || ko "ar-fr: no site/$l/"
	[[ -s $tmp/ar-fr-pdf/report-$l.pdf ]] && ok || ko "ar-fr: no report-$l.pdf"
done
for l in zh ru; do
	[[ -s $tmp/zh-ru/site/$l/index.html ]] && ok || ko "zh-ru: no site/$l/"
	[[ -s $tmp/zh-ru-pdf/report-$l.pdf ]] && ok || ko "zh-ru: no report-$l.pdf"
done
# no italics in the scripts that have none (Arabic, Chinese): no italic
# font in their PDFs (emphasis bold, headings and captions upright), as
# their Word documents and websites; French and Russian keep theirs
for pair in "ar-fr ar 0" "zh-ru zh 0" "ar-fr fr 1" "zh-ru ru 1"; do
	read -r p l want <<<"$pair"
	n=$(pdffonts "$tmp/$p-pdf/report-$l.pdf" 2>/dev/null | grep -c 'Italic')
	if (((n > 0) == want)); then ok; else ko "$p: report-$l.pdf has $n italic fonts"; fi
done
has "$tmp/ar-fr/site/ar/report.html" '<em>المؤقت</em>'
# shares rounded to add up to 100 (4, 4, 4 of 12: 34 %, 33 %, 33 %): the
# overview and the dashboard say so, in each language
has "$tmp/ar-fr/md/report-ar.md" "قُرِّبت النسب المئوية بحيث يبلغ مجموع أجزاء الكل 100 في المائة"
has "$tmp/ar-fr/md/report-fr.md" "Les pourcentages sont arrondis de sorte que les parts d’un total fassent 100${nbsp}%${nnbsp};"
has "$tmp/zh-ru/md/report-zh.md" "（0%）。百分比经过舍入，使整体各部分之和为100%；"
has "$tmp/zh-ru/md/report-ru.md" "Доли в${nbsp}процентах округлены так"
has "$tmp/zh-ru/site/zh/index.html" '<p class="note">百分比经过舍入'
has "$tmp/ar-fr/site/fr/index.html" '<p class="note">Les pourcentages sont arrondis'

# --- what every built Markdown must not hold ------------------------------------
for md in "$tmp"/ar-fr/md/report-{ar,fr}.md "$tmp"/zh-ru/md/report-{zh,ru}.md; do
	[[ -s $md ]] || { ko "no ${md#"$tmp"/}"; continue; }
	lacks "$md" '\{(n|day|month|year|state|cycle)\}' "a placeholder left unfilled"
	lacks "$md" '(^|[^a-z_])(month(_alone)?_[0-9]+|format_[a-z_]+|search_found[a-z_]*|cycle_ordinal_[0-9]+|position_[a-z_]+|status_[a-z_]+|field_[a-z_]+|chapter_[a-z_]+)([^a-z_]|$)' \
		"a label shown as its key"
	lacks "$md" $'\uFFFD' "a replacement character"
done

# --- Arabic -----------------------------------------------------------------------
md=$tmp/ar-fr/md/report-ar.md
has "$md" \
	"فرنسا وإسبانيا" \
	"الدانمرك وشيلي" \
	"النرويج، بلجيكا وكندا" \
	"**12${nbsp}آذار/${wj}مارس${nbsp}2025" \
	"**1${nbsp}كانون${nbsp}الأول/${wj}ديسمبر${nbsp}2024" \
	"**نيسان/${wj}أبريل${nbsp}2025" \
	"5${nbsp}تموز/${wj}يوليه${nbsp}2024 – 30${nbsp}حزيران/${wj}يونيه${nbsp}2026" \
	"أُجري استعراض جمهورية الواحات في إطار الجولة الرابعة من الاستعراض الدوري الشامل خلال الدورة 45 للفريق العامل" \
	"ما مجموعه 12 توصية، حظي 7 منها بالتأييد، و2 بالتأييد الجزئي، وأُحيط علماً بـ3 منها" \
	"حالة تنفيذ التوصيات البالغ عددها 12: المنفَّذة، 4 (" \
	"أُحيط علماً بـ3 من التوصيات الموجهة إلى جمهورية الواحات" \
	"| 16. السلام والعدل والمؤسسات القوية | 8 | 67% |" \
	"الوثيقة A/HRC/56/14" \
	"Marie-Claire Dubois"
has "$tmp/ar-fr/site/ar/statistics.html" '>8,400<' '>12,500<' '>27.25<'
# numbered paragraphs "1-" in Arabic, as UN Arabic documents number them, on
# the website (and "1." in French); the PDF's is checked by pdf_layout.py,
# the Word file's below
has "$tmp/ar-fr/site/ar/report.html" '<span class="num">1-</span>'
# an SDG target reads left to right inside Arabic: isolated in the text
# (words_ltr), dir="ltr" on its link
has "$tmp/ar-fr/site/ar/recommendations/38.1.html" 'dir="ltr">16.a<'
has "$tmp/ar-fr/md/report-ar.md" $'\u206616.a\u2069، \u206616.3\u2069'
has "$tmp/ar-fr/site/fr/report.html" '<span class="num">1.</span>'

# --- French, beside Arabic ----------------------------------------------------------
md=$tmp/ar-fr/md/report-fr.md
has "$md" \
	"France et Espagne" \
	"Norvège, Belgique et Canada" \
	"**12${nbsp}mars${nbsp}2025" \
	"**1er${nbsp}décembre${nbsp}2024" \
	"**Avril${nbsp}2025" \
	"5${nbsp}juillet${nbsp}2024 – 30${nbsp}juin${nbsp}2026" \
	"Sur les 12 recommandations reçues, la République des Oasis en a accepté 7" \
	"L'examen de la République des Oasis au titre du quatrième cycle" \
	"La République des Oasis a pris note de 3 des recommandations reçues"
# (a chart whose scale reaches five digits groups four too: "8 400" beside
# "12 500", as French sets figures in columns)
has "$tmp/ar-fr/site/fr/statistics.html" ">8${nnbsp}400<" ">12${nnbsp}500<" ">27,25<"
# a number typed with a space holds together on the site as in the PDF and
# Word: "12 500" with the language's separator, in a chapter and in a
# recommendation's measure
has "$tmp/ar-fr/site/fr/report.html" "traité 12${nnbsp}500 affaires"
# a passage in another script, unmarked by the author, in its language
# (WCAG 3.1.2): the quotation marks round it are the sentence's
has "$tmp/ar-fr/site/fr/report.html" \
	"«${nbsp}<span lang=\"ar\" dir=\"rtl\">جمهورية الواحات</span>${nbsp}»" \
	"«${nbsp}<span lang=\"ar\" dir=\"rtl\">الواحات الخضراء</span>${nbsp}»"
has "$tmp/zh-ru/site/ru/report.html" "до 25${nbsp}300 человек"
has "$tmp/zh-ru/site/ru/report.html" "подготовку 25${nbsp}300 учителей"

# --- Chinese ------------------------------------------------------------------------
md=$tmp/zh-ru/md/report-zh.md
# the template's section after the author's "一、" "二、" goes on "三、"
has "$md" "## 三、请求提供的技术援助"
has "$md" \
	"法国、西班牙和意大利" \
	"巴拉圭和葡萄牙" \
	"**2024年3月12日" \
	"**2024年9月5日" \
	"**2025年11月" \
	"2024年3月12日 – 2026年2月28日" \
	"第44届" \
	"普遍定期审议第四轮对北谷共和国的审议在工作组第44届会议期间进行。人权理事会于2024年3月12日通过了审议结果（A/HRC/55/11）。" \
	"北谷共和国共收到12项建议，其中支持7项，部分支持2项，注意到3项。" \
	"12项建议的落实状况：已落实4项（" \
	"北谷共和国注意到3项建议，部分支持2项。" \
	"从审议结果通过之日（2024年3月12日）到2026年3月16日，12项建议中有2项的状况发生了变化（17%）：1项有所进展，1项首次得到评估，0项出现倒退。" \
	"2025年6月30日"
has "$tmp/zh-ru/site/zh/statistics.html" ">4,800<" ">12,500<" ">78.25<"

# --- Russian ------------------------------------------------------------------------
md=$tmp/zh-ru/md/report-ru.md
has "$md" \
	"Франция, Испания и${nbsp}Италия" \
	"Парагвай и${nbsp}Португалия" \
	"**12${nbsp}марта${nbsp}2024${nbsp}года" \
	"**1${nbsp}сентября${nbsp}2025${nbsp}года" \
	"**Март${nbsp}2024${nbsp}года" \
	"**Ноябрь${nbsp}2025${nbsp}года" \
	"с 12${nbsp}марта${nbsp}2024${nbsp}года по 28${nbsp}февраля${nbsp}2026${nbsp}года" \
	"в ходе четвертого цикла универсального периодического обзора на 44-й сессии Рабочей группы" \
	"Из 12 полученных рекомендаций поддержано 7, частично поддержано 2 и принято к сведению 3." \
	"Статус осуществления рекомендаций (всего 12): выполнены — 4 (" \
	"3 принято к сведению и 2 поддержано частично" \
	"С 12${nbsp}марта${nbsp}2024${nbsp}года, даты утверждения итогов обзора, по 16${nbsp}марта${nbsp}2026${nbsp}года изменился статус рекомендаций: 2 из 12 (17${nbsp}%); прогресс — 1, впервые оценены — 1, регресс — 0." \
	"30${nbsp}июня${nbsp}2025${nbsp}года"
lacks "$md" '^\*\*(марта|ноября) ' "a month alone in the genitive"
has "$tmp/zh-ru/site/ru/statistics.html" ">4${nbsp}800<" ">12${nbsp}500<" ">25${nbsp}300<" ">78,25<"

# --- the clusters lettered as each language's UN documents letter them
has "$tmp/ar-fr/md/report-ar.md" '## ألف- ' '## باء- '
has "$tmp/zh-ru/md/report-zh.md" '## 甲. '
has "$tmp/zh-ru/md/report-ru.md" '## А. ' '## Б. '
has "$tmp/ar-fr/md/report-fr.md" '## A. '
# a measure's date opens its paragraph as the language punctuates it
has "$tmp/zh-ru/md/report-zh.md" '**2024年3月12日**：政府' '- **立场**：支持'

# --- right to left: Arabic pages say so, and the stylesheet places by the
# reading direction (a physical left or right would not mirror), but for
# the figures of tables, at the right in every language (only there do
# their units line up) ----------------------------------------------------------
has "$tmp/ar-fr/site/ar/index.html" '<html lang="ar" dir="rtl">' 'class="chart-svg chart-wide chart-bars"'
has "$tmp/ar-fr/site/fr/index.html" '<html lang="fr" dir="ltr">' 'lang="ar" dir="rtl"'
css=$(ls "$tmp"/ar-fr/site/assets/site*.css | head -1)
physical='(margin|padding|border)-(left|right)|[^-]left:|[^-]right:|text-align: *(left|right)'
if tr '}' '\n' <"$css" | grep -v '^\.num, td\.al-r, th\.al-r *{ *text-align: right;' |
	grep -Eq "$physical"; then
	ko "site.css places by left or right: $(tr '}' '\n' <"$css" | grep -v '^\.num, td\.al-r' | grep -Eo "$physical" | head -3 | tr '\n' ' ')"
else
	ok
fi
if tr '}' '\n' <"$css" | grep -q '^\.num, td\.al-r, th\.al-r *{ *text-align: right;'; then ok
else ko "site.css: the figures of tables not at the right"; fi

# --- the fonts the sites ship for Arabic and Chinese (read back with
# fontTools): regular and bold, each holding every character of its script
# that the site's pages show --------------------------------------------------
for pair in "ar-fr arabic 0600-06FF" "zh-ru cjk 3000-303F,4E00-9FFF,FF00-FFEF"; do
	read -r p slug ranges <<<"$pair"
	if /usr/bin/python3 - "$tmp/$p/site" "$slug" "$ranges" >"$tmp/font.log" 2>&1 <<'PY'
import glob, os, sys
from fontTools.ttLib import TTFont
site, slug, ranges = sys.argv[1:]
spans = [tuple(int(x, 16) for x in r.split("-")) for r in ranges.split(",")]
want = set()
for page in glob.glob(os.path.join(site, "**", "*.html"), recursive=True):
    if os.path.basename(page) == "404.html":
        continue
    want |= {c for c in map(ord, open(page, encoding="utf-8").read())
             if any(lo <= c <= hi for lo, hi in spans)}
assert want, "no character of the script in the pages"
fonts = sorted(glob.glob(os.path.join(site, "assets", "font-%s-*" % slug)))
assert len(fonts) == 2, "fonts shipped: %s" % fonts
css = open(glob.glob(os.path.join(site, "assets", "site-*.css"))[0]).read()
for f in fonts:
    assert os.path.basename(f) in css, "%s not in the stylesheet" % f
    cmap = TTFont(f, fontNumber=0).getBestCmap()
    lacking = sorted(c for c in want if c not in cmap)
    assert not lacking, "%s lacks %s" % (os.path.basename(f), "".join(map(chr, lacking[:20])))
print(len(want), "characters in", fonts)
PY
	then ok; else ko "$p: the site's $slug font: $(tail -1 "$tmp/font.log")"; fi
done

# --- search in each script: tests/site/search-test.js on the built sites
# (an id alone, institutions, targets, phrases, every filter, a Chinese
# word inside a sentence, Arabic without diacritics, Russian endings) -----------
if command -v node >/dev/null; then
	for site in ar-fr/site/ar ar-fr/site/fr zh-ru/site/zh zh-ru/site/ru; do
		p=${site%%/*}
		id=$(grep -m1 -o '^- id: "[^"]*"' "$here/$p/content/recommendations.yaml" | cut -d'"' -f2)
		if node "$here/../site/search-test.js" "$tmp/$site" "$id" >"$tmp/search.log" 2>&1; then
			ok
		else
			ko "search in $site: $(grep FAIL "$tmp/search.log" | head -3 | tr '\n' ' ')"
		fi
	done
else
	ko "node is missing (make test-deps)"
fi

# --- the Word documents: each run in its language, Arabic right to left (Word
# and LibreOffice shape it); LibreOffice renders the text of every language --
for pair in "ar-fr ar ar-SA" "ar-fr fr fr-FR" "zh-ru zh zh-CN" "zh-ru ru ru-RU"; do
	read -r p l tag <<<"$pair"
	"$UPRGEN" build -C "$here/$p" --out "$tmp/$p-docx" --format docx --lang $l \
		>"$tmp/$p-$l.docx.log" 2>&1 || { ko "$p: build --format docx --lang $l"; continue; }
	doc=$tmp/$p-docx/report-$l.docx
	if python3 - "$doc" "$tag" "$l" >"$tmp/$p-$l.docx.out" 2>&1 <<'PY'
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
tag, lang = sys.argv[2], sys.argv[3]
doc = z.read("word/document.xml").decode()
styles = z.read("word/styles.xml").decode()
# each run's languages: of Latin and Cyrillic letters (w:val), Chinese
# ones (w:eastAsia), Arabic ones (w:bidi); a Chinese or Arabic document's
# tag only in its own attribute (w:val="zh-CN" made LibreOffice cut "11"
# between two lines)
langs = set(re.findall(r'<w:lang (?:w:val|w:eastAsia|w:bidi)="([^"]+)"', doc))
attr = {"zh": "w:eastAsia", "ar": "w:bidi"}.get(lang, "w:val")
assert re.search(r'<w:lang %s="%s"/>' % (attr, tag), doc), \
    "no run says <w:lang %s=\"%s\"/>" % (attr, tag)
# the French report quotes the State's Arabic name: its runs say Arabic,
# for Arabic letters and the rest (words_foreign_passage, WCAG 3.1.2)
# and the English block of an Arabic, Chinese or Russian one says English
want = {tag, "ar"} if lang == "fr" else {tag, "en-GB"} if lang in ("ar", "zh", "ru") else {tag}
assert langs == want, "runs tagged %s, want %s" % (langs, want)
if lang == "fr":
    assert re.search(r'<w:lang w:eastAsia="ar" w:bidi="ar"/>'
                     r'</w:rPr><w:t xml:space="preserve">جمهورية الواحات<',
                     doc), "the State's Arabic name is no Arabic run"
defaults = styles[styles.index("<w:docDefaults>"):styles.index("</w:docDefaults>")]
rtl = "<w:bidi/>" in defaults
assert rtl == (lang == "ar"), "right to left: %s" % rtl
# each run says its own direction: w:rtl on Arabic letters and on nothing
# else but what has no letter in an Arabic document (Word turns a w:rtl
# run's spaces and punctuation right to left: "Marie-Claire Dubois" would
# read "Dubois Marie-Claire")
assert "<w:rtl/>" not in defaults, "w:rtl in the defaults"
runs = re.findall(r"<w:r>(.*?)</w:r>", doc)
def text(r):
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", r))
arabic = [r for r in runs if re.search("[\u0621-\u064a]", text(r))]  # letters
latin = [r for r in runs if re.search("[A-Za-z]", text(r))]
assert all("<w:rtl/>" in r for r in arabic), "an Arabic run without w:rtl"
assert not any("<w:rtl/>" in r for r in latin), \
    "a Latin run with w:rtl: %s" % [text(r) for r in latin if "<w:rtl/>" in r][:3]
assert not any(r in latin for r in arabic), "a run of both scripts"
# the block under the symbol: in English in Arabic and Chinese, in a
# left-to-right paragraph in Arabic ("15 July 2026", not "July 2026 15");
# a translation names its language
block = {"ar": ["Distr.: General", "Original: Arabic"],
         "fr": ["Distr. générale", "Français", "Original\u00a0: arabe"],
         "zh": ["Distr.: General", "Original: Chinese"],
         "ru": ["Distr.: General", "Russian", "Original: Chinese"]}[lang]
plain = re.sub(r"<[^>]+>", "", doc)
for line in block:
    assert line in plain, "no %r in the block" % line
if lang == "ar":
    assert re.search(r'<w:bidi w:val="0"/>(?:<w:ind [^>]*/>)?</w:pPr><w:r><w:rPr><w:lang [^>]*/></w:rPr><w:t xml:space="preserve">Distr\.: General', doc), \
        "the block not left to right"
# ... and said to be English, for Word's speller and a screen reader
# (it was the document's language: review 17)
if lang in ("ar", "zh", "ru"):
    for line in block:
        assert re.search(r'<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="en-GB"/></w:rPr><w:t[^>]*>' + re.escape(line), doc), \
            "the block's %r not marked English" % line
# a chart's figures in the document's locale, as the PDF writes them
# ("15 750", "24,5" in French, not the reader's machine's "15,750": a
# locale in the number format, which LibreOffice follows), grouped from
# four digits on a scale of five ("8 400" beside "12 500")
lcid = {"fr": "[$-40C]", "ru": "[$-419]"}.get(lang, "")
codes = [re.findall(r'<c:(?:dLbls|valAx)>.*?formatCode="([^"]*)"', z.read(n).decode())
         for n in z.namelist() if n.startswith("word/charts/chart")]
codes = [c for cs in codes for c in cs]
# (figures with decimals below a thousand: General, which writes each as
# the PDF does, "91" beside "24,5", where "0.0#" wrote "91,0")
assert codes and all(c.startswith(lcid + "#,##0") or c.startswith(lcid + "0")
                     or c == lcid + "General"
                     for c in codes), "chart number formats %s" % codes
if lang in ("fr", "ru"):
    assert any(c.startswith(lcid + "#,##0") for c in codes), codes
# figures at the right of their cells in every language: "right", or in
# an Arabic (right-to-left) paragraph its start, "left"
numeric = re.findall(r'<w:pStyle w:val="TableText"/><w:jc w:val="(\w+)"/></w:pPr><w:r><w:rPr>(?:<w:rtl/>)?<w:lang [^>]+/></w:rPr><w:t xml:space="preserve">\d+%?</w:t>', doc)
assert numeric and set(numeric) == {"left" if lang == "ar" else "right"}, \
    "figures aligned %s" % set(numeric)
if lang == "ar":
    assert len(arabic) > 100 and any("Dubois" in text(r) for r in latin), \
        "%d Arabic runs, %d Latin" % (len(arabic), len(latin))
# numbered paragraphs: "1-" in Arabic as UN Arabic documents, else "1."
numbering = z.read("word/numbering.xml").decode()
want = "%1-" if lang == "ar" else "%1."
assert '<w:lvlText w:val="%s"/>' % want in numbering, "no %s level" % want
# Arabic tables right to left in Word, which takes a table's direction
# from w:bidiVisual alone
tables = re.findall(r"<w:tblPr>(.*?)</w:tblPr>", doc)
assert tables, "no table"
rtl_tables = sum("<w:bidiVisual/>" in t for t in tables)
assert rtl_tables == (len(tables) if lang == "ar" else 0), \
    "%d of %d tables right to left" % (rtl_tables, len(tables))
# bold and italics for complex scripts too (Arabic is bold where the PDF is)
for part in (doc, styles):
    assert part.count("<w:b/>") == part.count("<w:b/><w:bCs/>"), "w:b without w:bCs"
    assert part.count("<w:i/>") == part.count("<w:i/><w:iCs/>"), "w:i without w:iCs"
# emphasis bold where the script has no italic, as the PDF
if lang in ("ar", "zh"):
    assert "<w:i/>" not in doc, "italics in the text"
if lang == "ar":
    assert re.search(r"<w:b/><w:bCs/><w:rtl/><w:lang [^>]*/></w:rPr><w:t[^>]*>المؤقت", doc), \
        "the emphasis of المؤقت not bold"
# no slanted letters in the scripts without italics; a quotation upright
# in every language (as the PDF and the site set it)
for sid, slanted in (("Heading3", lang not in ("ar", "zh")), ("Quote", False)):
    style = re.search(r'<w:style [^>]*w:styleId="%s">.*?</w:style>' % sid, styles).group(0)
    assert ("<w:i/>" in style) == slanted, "%s italic: %s" % (sid, "<w:i/>" in style)
# an Arabic section runs right to left too (columns, gutter)
sects = re.findall(r"<w:sectPr>.*?</w:sectPr>", doc)
assert sects and all(("<w:bidi/>" in x) == (lang == "ar") for x in sects), \
    "sections right to left: %s" % [("<w:bidi/>" in x) for x in sects]
# the running head has the title (cut at a word's end with "…" where it
# is too long for the line) and the symbol, as the PDF's: the symbol at
# the right margin by a right tab stop there (LibreOffice draws no w:ptab;
# the landscape pages' head, header3, has its stop further), in Arabic
# mirrored, the symbol first and the title at the right, a right-to-left
# mark after its "…" so that it ends the title, at its left
header = z.read("word/header1.xml").decode()
wide = z.read("word/header3.xml").decode()
core = z.read("docProps/core.xml").decode()
title = re.search(r"<dc:title>([^<]*)</dc:title>", core).group(1)
runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", header)
if lang == "ar":
    runs = runs[::-1]
shown = runs[0].rstrip("\u200f") if runs else ""
whole = shown == title
cut = shown.endswith("\u2026") and title.startswith(shown[:-1]) and \
    title[len(shown) - 1] in " ,:;" and len(shown) > len(title) / 2
assert title and (whole or cut) and len(runs) == 2 and \
    '<w:tab w:val="right" w:pos="9070"/>' in header and \
    '<w:tab w:val="right" w:pos="14002"/>' in wide and \
    header.count("<w:r><w:tab/></w:r>") == 1 and "<w:ptab" not in header, \
    "running head %r" % "".join(runs)[:80]
assert not cut or (runs[0].endswith("\u200f") == (lang == "ar")), \
    "the mark after the cut title"
landscape = [x for x in sects if 'w:orient="landscape"' in x]
assert all('r:id="rIdHeaderWide"' in x for x in landscape), \
    "the landscape pages' head"
# a chart's text alternative in the language's punctuation
for descr in re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', doc):
    if lang == "zh":
        assert not re.search(r"[;:]|\.(?![0-9])", descr), "zh chart text %r" % descr
    if lang == "ar":
        assert ";" not in descr, "ar chart text %r" % descr
# a line chart runs on across missing figures, dashed there (the zh and
# ru reports' rural schools: 2022 and 2024 have none)
charts = [z.read(n).decode() for n in z.namelist()
          if re.match(r"word/charts/chart\d+\.xml$", n)]
lines = [c for c in charts if "<c:lineChart>" in c]
assert all('<c:dispBlanksAs val="span"/>' in c for c in charts), "blanks not spanned"
if lang in ("zh", "ru"):
    assert any(re.search(r'<c:dPt><c:idx val="\d+"/><c:spPr><a:ln [^>]*>.*?'
                         r'<a:prstDash val="dash"/>', c) for c in lines), \
        "no dashed segment across the gap of a line chart"
# French spaces: no breakable space before ; : ! ? » or after «
text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", doc))
if lang == "fr":
    bad = re.findall(r".{0,12}(?: [;:!?»]|« ).{0,4}", text)
    assert not bad, "breakable French spaces: %s" % bad[:3]
PY
	then ok; else ko "$p: report-$l.docx: $(tail -1 "$tmp/$p-$l.docx.out")"; fi
	# properties in the order of the schema, which Word holds to
	if python3 "$root/tests/docx/order.py" "$doc" >"$tmp/$p-$l.order.out" 2>&1
	then ok; else ko "$(tail -1 "$tmp/$p-$l.order.out")"; fi
done

# --- Chinese: no space after full-width punctuation ("立场：支持", not
# "立场： 支持"), in the report's Markdown, the Word document's text and the
# website's pages (inline tags taken out, so that "<strong>立场：</strong> 支持"
# counts); in the PDF, whose text pdftotext spaces out where a justified
# line stretches, the symbol block's and the fields' lines ----------------
# a table cell is set ragged: its words whole where they fit ("А.
# Национальная" on one line, not "А. Наци-" then "ональная")
pdftotext "$tmp/zh-ru-pdf/report-ru.pdf" "$tmp/ru.pdf.txt" 2>/dev/null
# (pdftotext reads a hyphenated word whole, by its /ActualText: the lines
# as drawn tell; cut, the cell read "А. Национальная " then a blank)
cell=$(grep -m1 -A2 -x "А. Национальная" "$tmp/ru.pdf.txt" | tr '\n' '|')
if [[ $cell == "А. Национальная|правозащитная система|и последующие меры|" ]]; then ok; else
	ko "ru PDF: the cluster's cell is not set in whole words: $cell"
fi
pdftotext -layout "$tmp/zh-ru-pdf/report-zh.pdf" "$tmp/zh.pdf.txt" 2>/dev/null
has "$tmp/zh.pdf.txt" "Original: Chinese" "提出建议的国家：巴拉圭和葡萄牙" "立场：支持"
if python3 - "$tmp" >"$tmp/zh-space.out" 2>&1 <<'PY'
import glob, html, re, sys, zipfile
tmp = sys.argv[1]
# (a footnote's back link, ↩, keeps its space: it is no word)
after = re.compile(r"[\u3000-\u303f\uff00-\uffef][ \u00a0]+(?=[^\s↩<|])")
# (a status badge, a span, stands apart from the sentence before it)
inline = re.compile(r"</?(?:strong|em|a|b|i|code|sup|sub|abbr|bdi)\b[^>]*>")
texts = {"md/report-zh.md": open(tmp + "/zh-ru/md/report-zh.md").read()}
doc = zipfile.ZipFile(tmp + "/zh-ru-docx/report-zh.docx").read("word/document.xml").decode()
texts["report-zh.docx"] = "\n".join(
    "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para))
    for para in re.findall(r"<w:p[ >].*?</w:p>", doc))
for page in sorted(glob.glob(tmp + "/zh-ru/site/zh/**/*.html", recursive=True)):
    texts[page[len(tmp) + 1:]] = html.unescape(inline.sub("", open(page).read()))
bad = ["%s: '%s'" % (name, m.group(0) + t[m.end():m.end() + 4])
       for name, t in texts.items() for m in after.finditer(t)]
assert len(texts) > 10, "only %d files read" % len(texts)
assert not bad, "%d: %s" % (len(bad), "; ".join(bad[:3]))
PY
then ok; else ko "zh: a space after full-width punctuation: $(tail -1 "$tmp/zh-space.out")"; fi

# --- what each language writes around the words (words_typeset and the
# labels), in the website and the PDF ----------------------------------
fr=$tmp/ar-fr/site/fr
if python3 - "$fr" >"$tmp/fr-space.out" 2>&1 <<'PY'
import glob, html, re, sys
pages = 0
for page in glob.glob(sys.argv[1] + "/**/*.html", recursive=True):
    t = open(page, encoding="utf-8").read()
    t = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<(script|style)\b.*?</\1>", "", t, flags=re.S)))
    bad = re.findall(r".{0,12}(?: [;:!?»]|« ).{0,4}", t)
    assert not bad, "%s: %s" % (page, bad[:3])
    pages += 1
assert pages > 10, "%d pages" % pages
PY
then ok; else ko "fr site: a breakable space before ; : ! ? » or after «: $(tail -1 "$tmp/fr-space.out")"; fi
has "$fr/report.html" "Graphique linéaire${nbsp}: "
has "$tmp/zh-ru/site/zh/report.html" "2022 无数据"
# a UN symbol stays whole on its line (no break at its slashes)
pdftotext -layout "$tmp/ar-fr-pdf/report-fr.pdf" "$tmp/fr.pdf.txt" 2>/dev/null
has "$tmp/fr.pdf.txt" "A/HRC/59/42/Add.1"
# Arabic: the 404 page right to left, the pager's arrows turned
has "$tmp/ar-fr/site/404.html" '<html lang="ar" dir="rtl">'
has "$(ls "$tmp"/ar-fr/site/ar/recommendations/*.html | head -1)" '<span class="arrow" aria-hidden="true">'
has "$tmp/ar-fr/site/assets/$(ls "$tmp/ar-fr/site/assets" | grep -m1 '^site.*\.css$')" '[dir="rtl"] .arrow'
# States in a table cell joined as the language joins them
has "$tmp/zh-ru/site/zh/recommendations.html" "巴拉圭、葡萄牙"
# counts as sentences say them, in each language's plural form
has "$tmp/zh-ru/site/zh/index.html" '共收到<span class="big">12</span>项建议'
has "$tmp/zh-ru/site/ru/index.html" 'Получено рекомендаций: <span class="big">12</span>'
has "$tmp/zh-ru/site/ru/data.html" "(CSV, UTF-8, 12 рекомендаций)"
has "$tmp/ar-fr/site/fr/data.html" "(CSV, UTF-8, 12 recommandations)"
# the search hint's example is a recommendation of the report
has "$tmp/zh-ru/site/zh/search.html" "例如 142.3<"
# Chinese parentheses, full width, in what uprgen writes (the unit of a
# chart, the counts of a table, a status's history): none half width
lacks "$tmp/zh.pdf.txt" '[()]' "a half-width parenthesis in the Chinese PDF"
has "$tmp/zh-ru/site/zh/report.html" "（人）"
# a Latin compound in Arabic text is kept on one line, as the PDF keeps it
# (broken at its hyphen, the browser showed "-Marie" then "Claire"); not
# in the French page, where it may break
has "$tmp/ar-fr/site/ar/report.html" '<span class="nobr">Marie-Claire</span>'
if grep -q 'class="nobr"' "$tmp/ar-fr/site/fr/report.html"; then
	ko "fr: a Latin compound kept on one line in a left-to-right page"
else ok; fi
# ... with its punctuation outside and accents in, never inside an attribute
# (a link's title "Jean-Paul Sartre" must stay an attribute)
cp -R "$here/ar-fr" "$tmp/ar-nobr"
printf '
انظر [الدراسة](https://example.org/study "Jean-Paul Sartre") مع (Jean-Luc) و Marie-Claire، و José-María.
' \
	>>"$tmp/ar-nobr/content/chapters/foreword.ar.md"
"$UPRGEN" build -C "$tmp/ar-nobr" --out "$tmp/ar-nobr-out" --format html >/dev/null 2>&1
has "$tmp/ar-nobr-out/site/ar/report.html" 'title="Jean-Paul Sartre"' \
	'(<span class="nobr">Jean-Luc</span>)' '<span class="nobr">Marie-Claire</span>، ' \
	'<span class="nobr">José-María</span>.'
# a chart's data table heads its years "Year", not with the unit
has "$tmp/zh-ru/site/zh/report.html" '<th scope="col">年份</th>'
if command -v soffice >/dev/null; then
	for pair in "ar-fr ar الواحات" "zh-ru zh 报告"; do
		read -r p l word <<<"$pair"
		(cd "$tmp" && timeout 180 soffice -env:UserInstallation=file://$tmp/lo --headless \
			--convert-to pdf --outdir "$tmp/lo-$l" "$tmp/$p-docx/report-$l.docx" >/dev/null 2>&1)
		if pdftotext "$tmp/lo-$l/report-$l.pdf" - 2>/dev/null | grep -q "$word"; then
			ok
		else
			ko "$p: LibreOffice's rendering of report-$l.docx lacks '$word'"
		fi
	done
	# Arabic: the charts' figures read as written, not backwards ("2202"
	# for 2022, "057,51" for 15,750: a chart in a right-to-left paragraph)
	lo_figures=$(pdftotext "$tmp/lo-ar/report-ar.pdf" - 2>/dev/null |
		python3 -c 'import re, sys
for line in sys.stdin:
    t = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", line.strip())
    if re.fullmatch(r"[0-9,.]{4,}", t): print(t)')
	for want in 2022 15,750 12,500; do
		if grep -qx "$want" <<<"$lo_figures"; then ok; else
			ko "ar Word through LibreOffice: no chart figure '$want' ($(tr '\n' ' ' <<<"$lo_figures" | head -c 120))"
		fi
	done
	for wrong in 2202 057,51; do
		if grep -qx "$wrong" <<<"$lo_figures"; then
			ko "ar Word through LibreOffice: a chart figure reversed, '$wrong'"
		else ok; fi
	done
	# Chinese: a number is never cut between two lines as Chinese
	# characters are ("1" then "1 月", read as January): the runs' language
	# is Chinese for Chinese letters only (w:eastAsia), not for digits
	if pdftotext "$tmp/lo-zh/report-zh.pdf" - 2>/dev/null | python3 -c 'import re, sys
lines = sys.stdin.read().split("\n")
cut = [(a, b) for a, b in zip(lines, lines[1:])
       if re.search(r"\d$", a) and re.match(r"\d+ ?[月日年项]", b)]
print(cut[:3])
sys.exit(1 if cut else 0)' >"$tmp/zh-cut"; then
		ok
	else
		ko "zh Word through LibreOffice: a number cut across lines: $(cat "$tmp/zh-cut")"
	fi
	if unzip -p "$tmp/zh-ru-docx/report-zh.docx" word/document.xml |
		grep -q 'w:val="zh-CN"'; then
		ko "zh Word: runs say w:val=\"zh-CN\" (the language of digits and Latin letters)"
	else ok; fi
else
	ko "soffice is missing (libreoffice-writer-nogui)"
fi

# --- the PDFs' text, in the languages the PDF back end writes -------------------
# (pdftotext: the words come out whole and in order).  Arabic is checked by
# pdf.txt's words and pdf_layout.py's order below: poppler's own reordering
# of an Arabic line moves the slash and the digits of "12 آذار/مارس 2025"
# (it gives "12 مارس/آذار 2025"), so a whole Arabic date is not asked for.
if command -v pdftotext >/dev/null; then
	for pair in "ar-fr fr 12 mars 2025" "zh-ru ru 12 марта 2024 года" \
		"zh-ru zh 2024年3月12日" "zh-ru zh 普遍定期审议第四轮对北谷共和国的审议" \
		"ar-fr fr République des Oasis" \
		"zh-ru ru Республика Северная Долина"; do
		read -r p l date <<<"$pair"
		pdftotext "$tmp/$p-pdf/report-$l.pdf" "$tmp/$p-$l.txt" 2>/dev/null ||
			{ ko "pdftotext report-$l.pdf"; continue; }
		has "$tmp/$p-$l.txt" "$date"
	done
else
	ko "pdftotext is missing (poppler-utils)"
fi

# the matrix's States column as wide as its longest word: "(Многонациональное"
# was cut in two with no hyphen, "(Многонац" and "иональное", two non-words
# (a word set on two lines is one word of -bbox, with a space after it)
if pdftotext -bbox "$tmp/zh-ru-pdf/report-ru.pdf" - 2>/dev/null |
	grep -q '>(Многонациональное</word>' &&
	! pdftotext -bbox "$tmp/zh-ru-pdf/report-ru.pdf" - 2>/dev/null |
		grep -q '>(Многонациональное </word>'; then
	ok
else
	ko "ru PDF: '(Многонациональное' cut in the matrix's States column"
fi

# ... and a Chinese States cell ("巴拉圭、葡萄牙、法国、…") is no one long word:
# its column stays a fifth (one row of six States took 30 % of the matrix)
cp -R "$here/zh-ru" "$tmp/zh-states-p"
python3 - "$tmp/zh-states-p/content/recommendations.yaml" <<'PY'
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
more = "".join("    - {zh: %s, ru: %s}\n" % n for n in
               (("法国", "Франция"), ("西班牙", "Испания"), ("意大利", "Италия"),
                ("大韩民国", "Республика Корея")))
s = s.replace("    - {zh: 葡萄牙, ru: Португалия}\n",
              "    - {zh: 葡萄牙, ru: Португалия}\n" + more, 1)
open(p, "w", encoding="utf-8").write(s)
PY
"$UPRGEN" build -C "$tmp/zh-states-p" --out "$tmp/zh-states-out" --format pdf --lang zh >/dev/null 2>&1
if python3 - "$tmp/zh-states-out/report-zh.pdf" >"$tmp/zh-states" 2>&1 <<'PY'
import re, subprocess, sys
pdf = sys.argv[1]
pages = int(re.search(rb"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True).stdout).group(1))
for p in range(pages, 0, -1):
    x = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-bbox", pdf, "-"], capture_output=True).stdout.decode()
    at = {m.group(2): float(m.group(1)) for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>([^<]+)</word>', x)}
    if "提出建议的国家" in at and "立场" in at:
        width = at["立场"] - at["提出建议的国家"]
        print("States column", width)
        sys.exit(0 if width < 140 else 1)
print("no matrix heading")
sys.exit(1)
PY
then ok; else ko "zh PDF matrix: the States column too wide: $(cat "$tmp/zh-states")"; fi
# no paragraph of the Chinese PDF ends with one character alone on its
# last line (a "孤字": "…相差一个百分 / 点。" before, review 17)
runts=$(pdftotext -layout "$tmp/zh-ru-pdf/report-zh.pdf" - 2>/dev/null | grep -cP '^\s*\p{Han}[。，；）」]?\s*$')
[[ $runts == 0 ]] && ok || ko "zh PDF: $runts paragraphs end with one character alone on a line"

# --- Arabic and Chinese in the PDFs: fonts, shaping, text --------------------
# Every PDF of both projects: no character the fonts cannot draw (the
# build's warning), qpdf --check clean, pdftotext without a warning and
# without U+FFFD; then the checks of pdf.txt.
for p in ar-fr zh-ru; do
	lacks "$tmp/$p.pdf.log" 'cannot be drawn' "$p: a character no font draws"
	for pdf in "$tmp/$p-pdf"/report-*.pdf; do
		qpdf --check "$pdf" >"$tmp/qpdf" 2>&1 && ok ||
			{ ko "$p: qpdf --check ${pdf##*/}"; head -n 5 "$tmp/qpdf"; }
		# the English block of an Arabic, Chinese or Russian report:
		# an element of its own language (review 17)
		case $pdf in *-ar.pdf | *-zh.pdf | *-ru.pdf)
			qpdf --qdf --object-streams=disable "$pdf" "$tmp/qdf.pdf" 2>/dev/null
			grep -aq '/Lang (en)' "$tmp/qdf.pdf" && ok ||
				ko "$p: ${pdf##*/}: the English block has no /Lang (en)" ;;
		esac
		pdftotext "$pdf" "$pdf.txt" 2>"$tmp/poppler"
		[[ ! -s $tmp/poppler ]] && ok ||
			{ ko "$p: poppler warns on ${pdf##*/}"; head -n 5 "$tmp/poppler"; }
		lacks "$pdf.txt" $'\uFFFD' "$p: U+FFFD in ${pdf##*/}"
	done
done
while read -r p l kind args; do
	[[ -z $p || $p == \#* ]] && continue
	pdf=$tmp/$p-pdf/report-$l.pdf
	case $kind in
	text) has "$pdf.txt" "$args" ;;
	font)
		read -r name type <<<"$args"
		type=$(sed 's/[][().*+?^$|\\]/\\&/g' <<<"$type")
		if pdffonts "$pdf" 2>/dev/null |
			grep -qE "^[A-Z]{6}\+$name +$type +Identity-H +yes +yes +yes "; then
			ok
		else
			ko "$p $l: no embedded subset $name ($type) with a ToUnicode map"
			pdffonts "$pdf" 2>&1 | head -n 20
		fi
		;;
	glyphs)
		# shellcheck disable=SC2086 # the glyph ids are words
		why=$(python3 "$here/check_glyphs.py" "$pdf" $args 2>&1) && ok ||
			ko "$p $l: $why"
		;;
	*) ko "pdf.txt: unknown check '$kind'" ;;
	esac
done <"$here/pdf.txt"
# --- the Arabic PDF reads as its source (issue 20): every paragraph of the
# report's Markdown that holds Arabic, line by line, where its glyphs stand
# is what the Unicode bidirectional algorithm shows ("2024." ending an
# Arabic sentence with its full stop at the left, a Latin name's comma past
# its far side, brackets mirrored), and pdftotext gives its Arabic words in
# their order (check_bidi_text.py says why not more) ---------------------------
if command -v pdftotext >/dev/null; then
	python3 "$here/check_bidi_text.py" "$tmp/ar-fr-pdf/report-ar.pdf" \
		"$tmp/ar-fr-pdf/md/report-ar.md" >"$tmp/bidi.out" 2>&1
	counted "$tmp/bidi.out" 100 check_bidi_text.py "ar: "
fi

# --- the PDFs' layout in Arabic and Chinese (issue 20; pdftotext -bbox-layout,
# word positions): the Arabic pages mirrored, Latin inside them left to right,
# the French report beside them not mirrored; Chinese broken between
# characters by the Unicode rules and justified (tests/projects/pdf_layout.py
# says what each check is) ---------------------------------------------------
if command -v pdftotext >/dev/null; then
	pdftotext -bbox-layout "$tmp/ar-fr-pdf/report-ar.pdf" "$tmp/ar.bbox.html" 2>/dev/null
	pdftotext -bbox-layout "$tmp/ar-fr-pdf/report-fr.pdf" "$tmp/fr.bbox.html" 2>/dev/null
	pdftotext -bbox-layout "$tmp/zh-ru-pdf/report-zh.pdf" "$tmp/zh.bbox.html" 2>/dev/null
	python3 "$here/pdf_layout.py" "$tmp"/{ar,fr,zh}.bbox.html >"$tmp/layout.out" 2>&1
	counted "$tmp/layout.out" 21 pdf_layout.py ""
fi

echo "projects: $pass passed, $fail failed"
((fail == 0))
