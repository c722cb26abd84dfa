#!/usr/bin/env python3
"""The PDF's layout in Arabic and Chinese, read back with poppler.

Usage: pdf_layout.py AR.html FR.html ZH.html, each `pdftotext -bbox-layout`
of report-ar.pdf and report-fr.pdf (tests/projects/ar-fr) and report-zh.pdf
(tests/projects/zh-ru).  Prints "ok WHAT" or "FAIL WHAT: WHY" a check.

What it checks (issue 20): the Arabic pages are mirrored (paragraph
numbers, footnote numbers, running head and table of contents' page numbers
on the other side, a table's first column at the right, lines aligned to
the right margin), a Latin identifier and phrase in an Arabic line keep
their own left-to-right order, the French report beside it is not mirrored
but reverses the words of an Arabic name it quotes; Chinese breaks between
characters, never before closing or after opening punctuation, and
justifies its lines to both margins.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"
PAGE_W = 595.276
LEFT, RIGHT = 90.0, 75.0  # the margins of a left-to-right page
LTR_BLOCK = (LEFT, PAGE_W - RIGHT)  # 90 .. 520.276
RTL_BLOCK = (RIGHT, PAGE_W - LEFT)  # 75 .. 505.276
NEAR = 1.0

results = []


def check(what, cond, why=""):
    results.append((what, bool(cond), why))


def near(a, b):
    return abs(a - b) <= NEAR


def is_rtl(c):
    return "\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufefc"


class Word:
    def __init__(self, el, page, line):
        self.text = el.text or ""
        # -bbox-layout gives a right-to-left word's letters as they stand
        # on the page, left to right: read back in reading order
        if any(is_rtl(c) for c in self.text):
            self.text = self.text[::-1]
        self.x0 = float(el.get("xMin"))
        self.x1 = float(el.get("xMax"))
        self.y0 = float(el.get("yMin"))
        self.page = page
        self.line = line


def load(path):
    """Pages, each a list of blocks, each a list of lines, each a list of
    Words (as poppler orders them)."""
    root = ET.parse(path).getroot()
    pages = []
    for pn, page in enumerate(root.iter(NS + "page")):
        blocks = []
        for block in page.iter(NS + "block"):
            lines = []
            for line in block.iter(NS + "line"):
                ws = []
                lines.append(ws)
                for w in line.iter(NS + "word"):
                    ws.append(Word(w, pn, ws))
            blocks.append(lines)
        pages.append(blocks)
    return pages


def words(pages):
    return [w for blocks in pages for lines in blocks for line in lines
            for w in line]


def find(pages, text):
    return [w for w in words(pages) if w.text.strip() == text]


def same_line(a, b):
    return a.page == b.page and abs(a.y0 - b.y0) < 2


def line_box(line):
    return min(w.x0 for w in line), max(w.x1 for w in line)


def block_of(pages, word):
    for lines in pages[word.page]:
        for line in lines:
            if word in line:
                return lines
    return []


def in_order(pages, texts, what):
    """texts, consecutive words, stand left to right wherever two of them
    share a line (and two of them do): of the next word's copies on a
    word's line, the nearest is at its right."""
    found = [find(pages, t) for t in texts]
    if not all(found):
        check(what, False, "missing %s" % [t for t, f in zip(texts, found)
                                            if not f])
        return
    pairs = bad = 0
    for a, b in zip(found, found[1:]):
        for wa in a:
            near_b = [wb for wb in b if same_line(wa, wb) and wb is not wa]
            if not near_b:
                continue
            wb = min(near_b, key=lambda w: abs(w.x0 - wa.x0))
            pairs += 1
            if wa.x1 > wb.x0:
                bad += 1
    check(what, pairs and not bad,
          "%d of %d pairs on one line out of order" % (bad, pairs))


def paragraph_lines(pages, marker, block, what):
    """The lines of the paragraph holding the word marker justified in
    block (x0, x1): all but the last touch both sides, the last the
    start side (the right for a right-to-left block)."""
    ws = find(pages, marker)
    if not ws:
        check(what, False, "no word %r" % marker)
        return
    lines = [line for line in block_of(pages, ws[0]) if line]
    rtl = block == RTL_BLOCK
    bad = []
    for k, line in enumerate(lines):
        x0, x1 = line_box(line)
        last = k == len(lines) - 1
        start_ok = near(x1, block[1]) if rtl else near(x0, block[0])
        end_ok = (near(x0, block[0]) if rtl else near(x1, block[1]))
        ragged = (x0 > block[0] + 10) if rtl else (x1 < block[1] - 10)
        if not start_ok or (not last and not end_ok) or (last and not ragged):
            bad.append("line %d: %.1f..%.1f" % (k + 1, x0, x1))
    check(what, len(lines) >= 3 and not bad,
          "%d lines; %s" % (len(lines), "; ".join(bad)))


def first_number(pages, text, what, test):
    ws = find(pages, text)
    check(what, ws and test(ws[0]),
          "x %.1f..%.1f" % (ws[0].x0, ws[0].x1) if ws else "none")


def toc_numbers(pages, what, test):
    """The table of contents (page 2): its page numbers."""
    nums = [w for blocks in pages[1:2] for lines in blocks for line in lines
            for w in line if w.text.strip().isdigit()]
    bad = [w for w in nums if not test(w)]
    check(what, len(nums) >= 5 and not bad,
          "%d numbers, %d astray (%s)" % (
              len(nums), len(bad),
              ", ".join("%.1f" % w.x0 for w in bad[:3])))


def footnote_number(pages, what, test):
    """Footnote 1: the word "1" below the text, first of them."""
    ws = [w for w in find(pages, "1") if w.y0 > 650]
    check(what, ws and test(ws[0]),
          "x %.1f..%.1f" % (ws[0].x0, ws[0].x1) if ws else "none")


def arabic(pages):
    # numbered "1-" as UN Arabic documents are (format_paragraph_number),
    # read from the right: the hyphen between the number and the text,
    # drawn "-1" as the site and Word show it (the bidi algorithm)
    first_number(pages, "-1", "ar: paragraph 1's number in the right margin",
                 lambda w: w.x0 >= RTL_BLOCK[1] - 0.5)
    check("ar: no paragraph number with its hyphen at the margin",
          not [w for w in find(pages, "1-") if w.x0 >= RTL_BLOCK[1] - 0.5],
          "a word 1- in the right margin")
    # every number in the margin, in order, its digits left to right:
    # "-10", "-11", not "-01", "-11", "-21" (the whole marker drawn at one
    # right-to-left level turned its digits round)
    nums = [w.text.strip() for w in words(pages)
            if w.x0 >= RTL_BLOCK[1] - 0.5 and
            re.fullmatch(r"-[0-9]+", w.text.strip())]
    check("ar: the paragraph numbers in the margin read -1 to -%d" %
          len(nums), len(nums) >= 12 and
          nums == ["-%d" % i for i in range(1, len(nums) + 1)],
          " ".join(nums[:30]))
    # a table's figures at the right of their column, as in every
    # language: their units line up ("34%" over "8%", "12" under "4")
    p34, p8 = find(pages, "34%"), find(pages, "8%")
    check("ar: a column's figures aligned on their right edge",
          p34 and p8 and near(p34[0].x1, p8[0].x1),
          "34%% ends at %s, 8%% at %s" % (
              p34 and round(p34[0].x1, 1), p8 and round(p8[0].x1, 1)))
    footnote_number(pages, "ar: footnote 1's number at the right",
                    lambda w: near(w.x1, RTL_BLOCK[1]))
    heads = find(pages, "OAS/UPR4/MTR/2026")
    check("ar: the running head's symbol at the left",
          len(heads) > 3 and all(near(w.x0, RTL_BLOCK[0]) for w in heads[1:]),
          "%s" % [round(w.x0, 1) for w in heads[:4]])
    toc_numbers(pages, "ar: the contents' page numbers at the left",
                lambda w: near(w.x0, RTL_BLOCK[0]))
    paragraph_lines(pages, "A/HRC/53/8",
                    RTL_BLOCK, "ar: a paragraph justified from the right, "
                    "its last line at the right")
    # a table's first column at the right: the SDG table's row 16 (its
    # full stop at the left of the figures, as the Unicode algorithm puts
    # it in a right-to-left line)
    rows = [(a, b) for a in find(pages, "16") for b in find(pages, "67%")
            if same_line(a, b)]
    check("ar: a table's first column at the right",
          rows and all(a.x0 > b.x1 for a, b in rows), "%d rows" % len(rows))
    # Latin inside an Arabic line: whole, and in its own order
    ids = find(pages, "A/HRC/53/8")
    check("ar: A/HRC/53/8 extracted whole", len(ids) == 1,
          "%d times" % len(ids))
    in_order(pages, ["A/HRC/53/8", "(2023)"],
             "ar: A/HRC/53/8 (2023) left to right")
    # the guillemets at the sentence's level, outside the Latin: drawn
    # mirrored, each reading as the character typed (« at the right)
    in_order(pages, ["»", "leave", "no", "one", "behind", "«"],
             "ar: «leave no one behind» left to right")
    in_order(pages, ["Marie-Claire", "Dubois"],
             "ar: Marie-Claire Dubois left to right")
    # SDG targets, each kept whole (isolated, words_ltr) and the list read
    # from the right: "16.a، 16.3", not "a، 16.3.16"
    check("ar: the SDG target 16.a whole", find(pages, "16.a"),
          "no word 16.a")
    in_order(pages, ["16.3", "16.a"], "ar: the targets 16.a، 16.3 from the right")
    # ... and the Arabic words around it right to left: the word before
    # the identifier stands at its right
    in_order(pages, ["(2023)", "الوثيقة"],
             "ar: the Arabic word before A/HRC/53/8 at its right")


def french(pages):
    first_number(pages, "1.", "fr: paragraph 1's number in the left margin",
                 lambda w: w.x1 <= LTR_BLOCK[0])
    footnote_number(pages, "fr: footnote 1's number at the left",
                    lambda w: near(w.x0, LTR_BLOCK[0]))
    heads = find(pages, "OAS/UPR4/MTR/2026")
    # (at the right of a landscape page of the annex too, 841.89 wide)
    check("fr: the running head's symbol at the right",
          len(heads) > 3 and all(near(w.x1, LTR_BLOCK[1]) or
                                 near(w.x1, 841.89 - RIGHT)
                                 for w in heads[1:]),
          "%s" % [round(w.x1, 1) for w in heads[:4]])
    toc_numbers(pages, "fr: the contents' page numbers at the right",
                lambda w: near(w.x1, LTR_BLOCK[1]))
    paragraph_lines(pages, "Décisions", LTR_BLOCK,
                    "fr: a paragraph justified, its last line at the left")
    # an Arabic name quoted in French: its words right to left
    in_order(pages, ["الخضراء", "الواحات"],
             "fr: « الواحات الخضراء » right to left")


OPENING = "（「『《〈“‘【〔"
CLOSING = "。，、）」』》〉”’】〕：；！？"


def chinese(pages):
    lines = [line for blocks in pages for lines_ in blocks
             for line in lines_ if line]
    starts = [line[0].text for line in lines
              if line[0].text and line[0].text[0] in CLOSING]
    check("zh: no line starts with closing punctuation (%d lines)"
          % len(lines), not starts, "%s" % starts[:3])
    ends = [line[-1].text for line in lines
            if line[-1].text.strip() and line[-1].text.strip()[-1] in OPENING]
    check("zh: no line ends with opening punctuation", not ends,
          "%s" % ends[:3])
    # the paragraph of principles: Chinese wider than a line, broken
    # between characters and justified to both margins
    para = [line for line in lines
            if any("原则。国家行动计划" in w.text for w in line)]
    if not para:
        check("zh: the paragraph of principles", False, "not found")
        return
    block = block_of(pages, para[0][0])
    bad = []
    for k, line in enumerate(block):
        x0, x1 = line_box(line)
        if not near(x0, LTR_BLOCK[0]) or (k < len(block) - 1 and
                                          not near(x1, LTR_BLOCK[1])):
            bad.append("line %d: %.1f..%.1f" % (k + 1, x0, x1))
    check("zh: a Chinese paragraph broken between characters, justified",
          len(block) >= 3 and not bad, "%d lines; %s" % (len(block), bad))
    texts = [w.text for line in block for w in line]
    check("zh: Latin words inside Chinese keep their spaces",
          "no" in texts and "one" in texts, "%s" % texts[:6])


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: pdf_layout.py AR.html FR.html ZH.html")
    arabic(load(sys.argv[1]))
    french(load(sys.argv[2]))
    chinese(load(sys.argv[3]))
    for what, ok, why in results:
        print(("ok %s" % what) if ok else ("FAIL %s: %s" % (what, why)))


main()
