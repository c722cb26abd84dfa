#!/usr/bin/env python3
"""Checks of the UN document form (report.yaml form: un), read by real
readers: pdftotext -bbox-layout and -layout (poppler) for where the lines
of page 1, the running heads and the folios stand, pdftoppm for the
colours, zipfile + xml.etree for the Word document's parts.

  check.py pdf FILE.pdf LANG     page 1, headings, heads, folios, greys
  check.py docx FILE.docx LANG   title page, settings, numbering, headers
  check.py page1 FILE.pdf LANG   page 1's lines only (Word through
                                 LibreOffice)
  check.py colour FILE.pdf       the page has colour (a control)

Prints "ok WHAT" or "FAIL WHAT: why" per check; run.sh counts them.
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

A4_W, A4_H = 595.3, 841.9

# what each version must show, in its own language
WORDS = {
    "en": {"un": "United Nations", "organ": "General Assembly",
           "distr": "Distr.: General", "original": "Original: Spanish",
           "body": "Human Rights Council",
           "session": "Forty-fifth session",
           "venue": "Geneva, 20–31 January 2025",
           "note": "issued without formal editing",
           "job": "GE.25-01234(E)", "symbol": "A/HRC/WG.6/45/PER/1",
           "chapter": "II. Introduction: methodology and consultation "
                      "process",
           "section": "A. Purpose and scope",
           # numbered from chapter I, the foreword, as UN documents are
           "para": re.compile(r"^\s*1\.\s+Peru submits, on a voluntary "
                              r"basis(.|\n)*^\s*8\.\s+In the fourth cycle of "
                              r"the Universal Periodic Review", re.M),
           "sub": re.compile(r"^\s*\(a\)\s+Implemented:", re.M),
           # the mark after the full stop
           "mark": re.compile(r"prepared by OHCHR\.\d+ The selection"),
           "wrong_mark": re.compile(r"prepared by OHCHR\d+\.")},
    "fr": {"un": "Nations Unies", "organ": "Assemblée générale",
           "distr": "Distr. générale", "original": "Original\u00a0: arabe",
           "body": "Conseil des droits de l’homme",
           "session": "Quarante-cinquième session",
           "venue": "Genève, 20-31 janvier 2025",
           "note": "sans avoir été revu par les services d’édition",
           "job": "GE.25-01234(F)", "symbol": "A/HRC/WG.6/45/OAS/1",
           "chapter": "I. Avant-propos",
           "section": None, "para": None,
           # the UN Editorial Manual: "a)" in French and Spanish
           "sub": re.compile(r"^\s*a\)\s+l.incrimination du viol", re.M),
           # the mark before the full stop
           "mark": re.compile(r"5 juillet 20241\."),
           "wrong_mark": re.compile(r"5 juillet 2024\.1")},
}

results = []


def check(what, good, why=""):
    results.append(("ok " + what) if good else f"FAIL {what}: {why}")


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, check=False).stdout


def words_of(pdf, page):
    """(text, xMin, yMin, xMax, yMax) of every word of the page."""
    xml = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf,
              "-").decode("utf-8", "replace")
    out = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                         r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                         xml):
        x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
        out.append((m.group(5).replace("&amp;", "&"), x0, y0, x1, y1))
    return out


def find(words, text):
    """The box of the first run of words reading text."""
    parts = text.split()
    for i in range(len(words) - len(parts) + 1):
        # the last word may carry the sentence's punctuation
        if all(words[i + k][0] == parts[k] or
               (k == len(parts) - 1 and words[i + k][0].startswith(parts[k]))
               for k in range(len(parts))):
            run_ = words[i:i + len(parts)]
            return (min(w[1] for w in run_), min(w[2] for w in run_),
                    max(w[3] for w in run_), max(w[4] for w in run_))
    return None


def page1(pdf, lang):
    w = WORDS[lang]
    words = words_of(pdf, 1)
    got = " ".join(x[0] for x in words)

    def box(key):
        b = find(words, w[key].replace("\u00a0", " ")) or \
            find(words, w[key])
        check(f"{lang} page 1 has '{w[key]}'", b is not None, got[:300])
        return b

    un, sym, organ = box("un"), box("symbol"), box("organ")
    if un:
        check(f"{lang} '{w['un']}' at the top left",
              un[0] < A4_W / 3 and un[1] < 80, str(un))
    if sym:
        check(f"{lang} the symbol at the top right",
              sym[2] > A4_W * 0.75 and sym[1] < 80, str(sym))
    if un and sym:
        check(f"{lang} the symbol on the line of '{w['un']}'",
              abs(un[3] - sym[3]) < 4, f"{un} {sym}")
    if organ and un:
        check(f"{lang} the organ under '{w['un']}'",
              organ[1] > un[3] and organ[1] < 130, str(organ))
    distr, orig = box("distr"), box("original")
    if distr and orig:
        check(f"{lang} the distribution block on the right",
              distr[0] > A4_W / 2 and orig[0] > A4_W / 2 and
              orig[1] > distr[1] and orig[1] < 160, f"{distr} {orig}")
    # where A/HRC/WG.6/48/SVN/1 has them (pdftotext -bbox): "United
    # Nations" and the organ at 119.7 (the emblem's room before them),
    # the block at 392.1; the PDF had them at 106.7 and 388.6, Word at
    # the margin (56.8) and 409.1 (review 17)
    if un and organ and distr:
        check(f"{lang} '{w['un']}', the organ and the block where the UN's are",
              abs(un[0] - 119.7) < 2 and abs(organ[0] - 119.7) < 2 and
              abs(distr[0] - 392.1) < 2, f"{un[0]} {organ[0]} {distr[0]}")
    body, session, venue = box("body"), box("session"), box("venue")
    if body and session and venue:
        check(f"{lang} the bodies, then the session, then the venue",
              body[1] < session[1] < venue[1] < A4_H / 2 and
              body[0] < A4_W / 4, f"{body} {session} {venue}")
    # an unedited document's mark after the title: small and raised as
    # a note's mark (A/HRC/WG.6/48/SVN/1), not a bold asterisk of the
    # title's size (review 17); Word's is a footnote's own
    stars = [i for i, x in enumerate(words)
             if x[0].endswith("*") and x[2] < A4_H / 2 and i]
    if stars:
        star, title = words[stars[0]], words[stars[0] - 1]
        check(f"{lang} the title's note mark small and raised",
              star[0] == "*" and
              star[4] - star[2] < (title[4] - title[2]) * 0.75 and
              star[2] > title[2] - 2 and star[4] < title[4] - 3,
              f"{star} {title}")
    else:
        check(f"{lang} the title's note mark", False, str(stars[:2]))
    # the note at the foot: its mark at 90 and its text at 107.4 points,
    # as the PDF's other notes stand; Word's stood at the margin (62.5)
    feet = [i for i, x in enumerate(words)
            if x[0] == "*" and x[2] > A4_H * 0.75 and i + 1 < len(words)]
    check(f"{lang} the page's note: its mark at 90, its text at 107.4",
          bool(feet) and abs(words[feet[0]][1] - 90) < 1.5 and
          abs(words[feet[0] + 1][1] - 107.4) < 1.5,
          str([words[feet[0]], words[feet[0] + 1]]) if feet else "no note")
    job = box("job")
    if job:
        check(f"{lang} the job number at the foot", job[1] > A4_H - 120,
              str(job))
    note = find(words, w["note"])
    check(f"{lang} the note '{w['note']}' at the foot",
          note is not None and note[1] > A4_H / 2, str(note))


def single_txt(pdf, lang):
    """The text as A/HRC/WG.6/48/SVN/1 sets it (measured there with
    pdftotext -bbox): the running head from the 2 cm margin (56.7 pt) to
    538.6; the text 2 cm in from each margin, 113.4 to 481.9; a
    paragraph's number at the text's start, its first line after a tab
    at 141.7, its next lines back at 113.4; a heading's number at 90, its
    text at 113.4."""
    near = lambda a, b: abs(a - b) < 1.0
    for page in (3, 4):
        words = [x for x in words_of(pdf, page) if 70 < x[2] < A4_H - 90]
        lines = {}
        for x in words:
            lines.setdefault(round(x[2]), []).append(x)
        rows = [sorted(v, key=lambda x: x[1]) for _, v in sorted(lines.items())]
        # (a number with room after it: not a line's "2025. To")
        numbered = [r for r in rows if len(r) > 1 and
                    re.fullmatch(r"\d+\.", r[0][0]) and near(r[0][1], 113.4)
                    and r[1][1] - r[0][3] > 8]
        check(f"{lang} page {page}: numbered paragraphs, the number at "
              f"113.4 and the text at 141.7",
              numbered and all(near(r[1][1], 141.75) for r in numbered),
              str([[(x[0], x[1]) for x in r[:2]] for r in rows[:6]]))
        body = [r for r in rows if r[0][3] - r[0][1] > 0 and r[0][1] > 100]
        wide = [r[-1] for r in body if r[-1][3] > 482.5]
        check(f"{lang} page {page}: no text right of 481.9 (the text "
              f"block's edge)", not wide, str(wide[:3]))
        heads = [r for r in rows if len(r) > 1 and near(r[0][1], 90)
                 and re.fullmatch(r"[IVX]+\.|[A-Z]\.", r[0][0])]
        if page == 3:
            # (a number too wide for the tab, "III.", a space after it)
            check(f"{lang} page 3: headings' numbers at 90, their text at "
                  f"113.4", heads and all(
                      near(r[1][1], 113.4) or
                      (r[0][3] > 108 and r[1][1] - r[0][3] < 5)
                      for r in heads),
                  str([(r[0][0], r[0][1], r[1][1]) for r in heads]))


def items(pdf):
    """A subparagraph that opens with a table: its letter not printed over
    its source line, the quotation after it at the quotation's place
    (133.4: the text's start and 20 points), not where an item's first
    line starts; no word left of the margin on the annex's landscape
    pages (a heading's number is not hung there)."""
    pages = int(re.search(rb"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
    source = quote = None
    for page in range(1, pages + 1):
        words = words_of(pdf, page)
        for i, x in enumerate(words):
            if x[0] == "Quoted" and i + 3 < len(words) and \
                    words[i + 3][0] == "item,":
                quote = x
            if x[0] == "Source:" and i + 1 < len(words) and \
                    words[i + 1][0] == "inside":
                source = (x, [y for y in words if y[0] == "(a)" and
                              abs(y[2] - x[2]) < 2])
    check("a quotation after an item at 133.4", quote and
          abs(quote[1] - 133.4) < 1.0, str(quote))
    check("an item's letter not over its source line",
          source and not source[1], str(source))
    info = run("pdfinfo", "-f", "1", "-l", str(pages), pdf).decode()
    wide = [int(m.group(1)) for m in re.finditer(
        r"Page +(\d+) size: +841\.89 x 595\.276", info)]
    out = [(p, x) for p in wide for x in words_of(pdf, p) if x[1] < 56]
    check(f"no word left of the margin on the landscape pages {wide}",
          wide and not out, str(out[:3]))


def lists(pdf, who):
    """Lists in the UN form's text (the words of the chapter run.sh adds):
    a list in a subparagraph right of its "(a)", its text at 188.1 (the
    subparagraph's text, 170.1, and 18 points); the subparagraph's next
    paragraph back at the text's start, 113.4; a plain list's second
    paragraph where its first line's text stands, 131.4."""
    pages = int(re.search(rb"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
    found = {}
    for page in range(1, pages + 1):
        for x in words_of(pdf, page):
            if x[0] in ("nestedpart", "Afterline", "plainitem",
                        "Plaincont"):
                found.setdefault(x[0], x[1])
    for word, want in (("nestedpart", 188.1), ("Afterline", 113.4),
                       ("plainitem", 131.4), ("Plaincont", 131.4)):
        got = found.get(word)
        check(f"{who}: '{word}' at {want}",
              got is not None and abs(got - want) < 1.0, str(got))


def job_footer(pdf, who, edited):
    """Pages 2 and 3: an edited document's job number, without its "(E)",
    at the foot's inner corner opposite the folio, as A/HRC/59/15 has it
    (page 2: "2" at 56.6, "GE.25-02819" ending at 538.7; page 3 the other
    way round); none in one issued without formal editing."""
    pages = int(re.search(rb"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
    # pages 2 and 3, and the last two (the annex's landscape pages,
    # whose corners are further: Word shared the upright pages' feet)
    for page in (2, 3, pages - 1, pages):
        folio_left = page % 2 == 0
        size = re.search(rb"size:\s+([\d.]+) x ([\d.]+)",
                         run("pdfinfo", "-f", str(page), "-l", str(page), pdf))
        width, height = float(size.group(1)), float(size.group(2))
        corner = width - 56.7
        foot = [x for x in words_of(pdf, page) if x[2] > height - 57]
        job = [x for x in foot if x[0].startswith("GE.")]
        folio = [x for x in foot if x[0] == str(page)]
        if not edited:
            check(f"{who} page {page}: no job number (unedited)", not job,
                  str(job))
            continue
        good = job and folio and job[0][0] == "GE.25-01234" and (
            (folio_left and folio[0][1] < 60 and abs(job[0][3] - corner) < 1.5)
            or (not folio_left and job[0][1] < 60 and
                abs(folio[0][3] - corner) < 1.5))
        check(f"{who} page {page}: the job number opposite the folio",
              good, str(foot))


def rtl_numbers(pdf):
    """Arabic: the paragraph numbers inside the text, their ends at its
    start (481.9, its right edge), none out in the margin."""
    words = [x for x in words_of(pdf, 2) if 70 < x[2] < A4_H - 90]
    digits = [x for x in words if re.fullmatch(r"-?\d+-?", x[0])]
    at_start = [x for x in digits if abs(x[3] - 481.9) < 1.0]
    outside = [x for x in digits if x[1] > 482.5]
    check("ar: paragraph numbers end at the text's start (481.9)",
          at_start and not outside, str(digits[:6]))


def pdf_checks(pdf, lang):
    w = WORDS[lang]
    page1(pdf, lang)
    text = run("pdftotext", "-layout", pdf, "-").decode("utf-8", "replace")
    # phrases across the lines they wrap over (the UN's narrower text)
    flat = " ".join(text.split())
    for key in ("chapter", "section"):
        if w[key]:
            check(f"{lang} heading '{w[key]}'", w[key] in flat)
    check(f"{lang} no number twice ('A. A.')", "A. A. " not in text)
    # the text's lines 12 points apart, as A/HRC/59/15's (the most common
    # step between the lines of page 2's body; 13.6 in the default form)
    ys = sorted({round(x[2], 1) for x in words_of(pdf, 2)
                 if 113 <= x[1] < 482 and 60 < x[2] < 760})
    steps = [round(b - a, 1) for a, b in zip(ys, ys[1:]) if 8 < b - a < 20]
    common = max(set(steps), key=steps.count) if steps else None
    check(f"{lang}: the text's lines 12 points apart", common == 12.0,
          str(common))
    # a share in a sentence as UN editing writes it in English: "per cent"
    if lang == "en":
        m = re.search(r"Status of implementation of the \d+ recommendations:"
                      r"[^.]*\.", flat)
        check("en: the overview's shares 'per cent' in a sentence",
              m and "per cent)" in m.group(0) and "%" not in m.group(0),
              m.group(0)[:160] if m else "no overview sentence")
    # a section alone in its chapter is not lettered: the annex's one
    # matrix is "Matrix of recommendations", no "A." without a "B."
    st = run("pdfinfo", "-struct-text", pdf).decode("utf-8", "replace")
    heads = re.findall(r'H([1-6]) \(block\)\n\s+"([^"]*)"', st)
    last = heads[-1] if heads else ("", "")
    # the note of an unedited document: a Note (its mark and its text),
    # read right after the title it belongs to, not two loose paragraphs
    # after the job number (review 17)
    m = re.search(r'H1 \(block\)\n\s+"[^"]*\*"\n\s+Note[^\n]*\n\s+"\*\s*([^"]*)"', st)
    check(f"{lang} the unedited note a Note after the title",
          m is not None and w["note"] in m.group(1).replace("’", "’"),
          st[:600])
    check(f"{lang} the annex's lone section not lettered",
          last[0] == "2" and not re.match(r"\S{1,4}[.-] ", last[1]),
          str(heads[-2:]))
    if lang == "en":  # run.sh's chapter: its author's "(a)" taken away
        alone = [h for h in heads if "Lettered alone" in h[1]]
        check("en: a lone subsection's written letter taken away",
              alone and alone[0][1] == "Lettered alone by its author",
              str(alone))
    # no word cut at a line's end, as in a UN document (A/HRC/59/15 has
    # none): a word set on two lines is one word of pdftotext -bbox (its
    # ActualText, with a space after it), which only a compound's own
    # hyphen may cut ("follow-" then "up"), never a syllable ("Na-tions")
    # nor a narrow column ("Recommendi" then "ng States")
    pages = int(re.search(rb"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
    split = [x[0] for p in range(1, pages + 1) for x in words_of(pdf, p)
             if x[0].endswith(" ") and x[0].strip()]
    cut = [x for x in split if "-" not in x]
    check(f"{lang} no word cut at a line's end but at its own hyphen",
          not cut, str(cut[:5]))
    for key in ("para", "sub"):
        if w[key]:
            check(f"{lang} {key}: {w[key].pattern}",
                  w[key].search(text) is not None)
    check(f"{lang} note mark placed: {w['mark'].pattern}",
          w["mark"].search(flat) is not None and
          not w["wrong_mark"].search(flat))
    # running heads and folios: pages 2 and 3, at the outer corner
    pages = int(re.search(rb"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
    for page in (2, 3):
        if page > pages:
            check(f"{lang} page {page} exists", False, f"{pages} pages")
            continue
        words = words_of(pdf, page)
        # the running head stands above the text area (78 pt down)
        head = [x for x in words if x[0] == w["symbol"] and x[2] < 70]
        folio = [x for x in words if x[0] == str(page) and
                 x[2] > A4_H - 80]
        even = page % 2 == 0
        check(f"{lang} page {page}: the symbol alone in the running head",
              len(head) == 1 and
              not [x for x in words if x[2] < 70 and x[0] != w["symbol"]],
              str([x for x in words if x[2] < 70]))
        if head:
            check(f"{lang} page {page}: the symbol at the "
                  f"{'left' if even else 'right'}",
                  head[0][1] < 130 if even else head[0][3] > A4_W - 110,
                  str(head))
        check(f"{lang} page {page}: the folio at the "
              f"{'left' if even else 'right'}",
              len(folio) == 1 and (folio[0][1] < 130 if even
                                   else folio[0][3] > A4_W - 110),
              str(folio))
    if lang != "ar":
        single_txt(pdf, lang)
    coloured = colour_pixels(pdf)
    check(f"{lang} no colour on any page", coloured == 0,
          f"{coloured} coloured pixels")


def colour_pixels(pdf, first=None, last=None):
    """Pixels whose channels differ by more than a shade, on every page
    rendered at 30 dpi (PPM read here)."""
    cmd = ["pdftoppm", "-r", "30"]
    if first:
        cmd += ["-f", str(first), "-l", str(last)]
    data = run(*cmd, pdf)
    count = 0
    while data:
        m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
        if not m:
            break
        w_, h_ = int(m.group(1)), int(m.group(2))
        start = m.end()
        px = data[start:start + 3 * w_ * h_]
        for i in range(0, len(px), 3):
            r, g, b = px[i], px[i + 1], px[i + 2]
            if max(r, g, b) - min(r, g, b) > 24:
                count += 1
        data = data[start + 3 * w_ * h_:]
    return count


def para_text(p):
    """The text of a paragraph's runs, a tab as a tab (not the tab stops
    of its properties)."""
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return "".join((t.text or "") if t.tag == ns + "t" else "\t"
                   for r in p.iter(ns + "r") for t in r
                   if t.tag in (ns + "t", ns + "tab"))


def docx_checks(path, lang):
    w = WORDS[lang]
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    z = zipfile.ZipFile(path)
    doc = ET.fromstring(z.read("word/document.xml"))
    paras = [para_text(p) for p in doc.iter(ns + "p")]
    first = paras[:14]
    # chapters run on: chapter II follows the foreword (chapter I) on its
    # page, as in a UN document (the default form's foreword has pages of
    # its own)
    body = z.read("word/document.xml").decode()
    second = [p for p in re.findall(r"<w:p>.*?</w:p>", body)
              if '<w:pStyle w:val="Heading1"/>' in p and
              re.search(r"<w:t[^>]*>II\.</w:t>", p)]
    check(f"{lang} Word: chapter II runs on after the foreword",
          second and "pageBreakBefore" not in second[0],
          second[0][:120] if second else "no chapter II")
    if lang == "en":  # a heading without a number starts at the text
        alone = [p for p in re.findall(r"<w:p>.*?</w:p>", body)
                 if "Lettered alone by its author" in p]
        check("en Word: an unnumbered heading at the text's start",
              alone and 'w:left="1134" w:right="1134" w:hanging="0"' in
              alone[0] and "(a)" not in alone[0], alone[0][:200] if alone else "none")
    settings = z.read("word/settings.xml").decode()
    check(f"{lang} Word: no automatic hyphenation in the UN form",
          "autoHyphenation" not in settings)
    # (in from the margin by a tab, as the UN's: the emblem's room)
    check(f"{lang} Word page 1 starts '<tab>{w['un']}<tab>{w['symbol']}'",
          first and first[0] == f"\t{w['un']}\t{w['symbol']}", str(first[:2]))
    for key in ("organ", "distr", "original", "body", "session", "venue"):
        check(f"{lang} Word page 1 has '{w[key]}'", w[key] in first,
              str(first))
    joined = "\n".join(paras)
    # the number, a tab, the text (which the style's hanging indent
    # lines up with the text's start, as in the PDF)
    for key in ("chapter", "section"):
        if w[key]:
            tabbed = w[key].replace(" ", "\t", 1)
            check(f"{lang} Word heading {tabbed!r}", tabbed in paras)
    check(f"{lang} Word note mark placed: {w['mark'].pattern}",
          not w["wrong_mark"].search(joined))
    # the title, the subtitle and the State in their styles, in that
    # order, right after the session's lines (a screen reader's title,
    # an editor's restyling; the PDF tags the title H1)
    styled = [p.find(f"{ns}pPr/{ns}pStyle") for p in doc.iter(ns + "p")]
    styled = [s.get(ns + "val") for s in styled[:14] if s is not None]
    check(f"{lang} Word page 1: Title, Subtitle, TitleState styles",
          styled[:3] == ["Title", "Subtitle", "TitleState"], str(styled))
    # the first chapter's paragraphs numbered, as every chapter's in a
    # UN document (the foreword is chapter I.)
    kinds = []
    for p in doc.iter(ns + "p"):
        st = p.find(f"{ns}pPr/{ns}pStyle")
        kinds.append(st.get(ns + "val") if st is not None else "")
    first_h = kinds.index("Heading1") if "Heading1" in kinds else -1
    check(f"{lang} Word: chapter I's first paragraph numbered",
          first_h >= 0 and kinds[first_h + 1] == "NumberedPara",
          str(kinds[first_h:first_h + 3]))
    # headings and quotations set as the PDF sets them (pdf.c S_heading:
    # 1. bold, (a) italic; a quotation upright): bold and italic of each
    styles = ET.fromstring(z.read("word/styles.xml"))
    look = {}
    for st in styles.iter(ns + "style"):
        rpr = st.find(ns + "rPr")
        look[st.get(ns + "styleId")] = (
            rpr is not None and rpr.find(ns + "b") is not None,
            rpr is not None and rpr.find(ns + "i") is not None)
    italics = lang not in ("ar", "zh")
    for style, want in (("Heading3", (True, False)),
                        ("Heading4", (False, italics)),
                        ("Quote", (False, False))):
        check(f"{lang} Word {style} (bold, italic) as in the PDF: {want}",
              look.get(style) == want, str(look.get(style)))
    settings = z.read("word/settings.xml").decode()
    check(f"{lang} Word evenAndOddHeaders on",
          "<w:evenAndOddHeaders/>" in settings)
    numbering = z.read("word/numbering.xml").decode()
    # the UN Editorial Manual: "(a)", in French and Spanish "a)"
    letter = r"%1\)" if lang in ("es", "fr") else r"\(%1\)"
    check(f"{lang} Word numbering has {'a) b)' if lang in ('es', 'fr') else '(a) (b)'}",
          re.search(r'<w:numFmt w:val="lowerLetter"/><w:lvlText '
                    r'w:val="%s"/>' % letter, numbering) is not None)
    if w["sub"]:
        sub_num = re.search(r'<w:abstractNum w:abstractNumId="(\d+)">'
                            r'<w:multiLevelType w:val="hybridMultilevel"/>'
                            r'<w:lvl w:ilvl="0"><w:start w:val="1"/>'
                            r'<w:numFmt w:val="lowerLetter"/>', numbering)
        uses = sub_num and re.search(
            r'<w:abstractNumId w:val="%s"/>' % sub_num.group(1), numbering)
        check(f"{lang} Word a list is numbered (a) (b)", bool(uses))
    rels = z.read("word/_rels/document.xml.rels").decode()
    sect = re.findall(r"<w:sectPr>.*?</w:sectPr>",
                      z.read("word/document.xml").decode())
    def rid_of(part):
        m = re.search(r'Id="([^"]+)"[^>]*Target="%s"' % part, rels)
        return m and m.group(1)
    # (the annex's landscape sections have feet of their own: footer4 and
    # footer5, the folio and the job number at their wider corners)
    for kind, part, wide in (("even", "header2.xml", "header2.xml"),
                             ("even", "footer2.xml", "footer5.xml"),
                             ("first", "footer3.xml", "footer3.xml"),
                             ("default", "footer1.xml", "footer4.xml")):
        tag = "header" if "header" in part else "footer"
        want = [(rid_of(wide if 'w:orient="landscape"' in s else part), s)
                for s in sect]
        check(f"{lang} Word {kind} {tag} {part} referenced",
              bool(sect) and all(
                  r and f'<w:{tag}Reference w:type="{kind}" r:id="{r}"' in s
                  for r, s in want), str([r for r, _ in want]))
    h1 = z.read("word/header1.xml").decode()
    h2 = z.read("word/header2.xml").decode()
    check(f"{lang} Word odd header: the symbol at the right",
          w["symbol"] in h1 and '<w:jc w:val="right"/>' in h1)
    check(f"{lang} Word even header: the symbol at the left",
          w["symbol"] in h2 and '<w:jc w:val="left"/>' in h2)
    f3 = z.read("word/footer3.xml").decode()
    check(f"{lang} Word page 1's footer: the job number", w["job"] in f3)
    notes = z.read("word/footnotes.xml").decode()
    check(f"{lang} Word note '*' {w['note']}", w["note"] in notes)
    colours = set()
    for name in z.namelist():
        if name.endswith(".xml"):
            for hexc in re.findall(r'(?:color|fill|srgbClr val)="'
                                   r'([0-9A-Fa-f]{6})"',
                                   z.read(name).decode("utf-8", "replace")):
                if not (hexc[0:2] == hexc[2:4] == hexc[4:6]):
                    colours.add(hexc)
    check(f"{lang} Word has no colour", not colours, str(colours))


def hei_checks(pdf, docx):
    """Chinese headings in a Hei (sans) face: the PDF's chapter headings'
    Han in Noto Sans CJK (pdftohtml -xml names each run's font), Word's
    heading styles in SimHei."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-q", "-stdout", pdf],
                         capture_output=True, text=True).stdout
    # a font's size in pixels at 1.5 a point: above the text's 10 points
    # (15) are page 1's lines and the headings; bold text in a paragraph
    # or a table cell is the text's face made bold, as in Word
    fonts = {i: (f, int(z)) for i, z, f in re.findall(
        r'<fontspec id="(\d+)" size="(\d+)" family="([^"]+)"', xml)}
    runs = re.findall(r'<text [^>]*font="(\d+)"><b>([^<]*)</b></text>', xml)
    han = [(fonts[f][0], t) for f, t in runs
           if f in fonts and fonts[f][1] > 15
           and re.search(r"[\u4e00-\u9fff]", t)]
    check("zh PDF: bold Han headings found", len(han) >= 5, str(han[:5]))
    serif = [(f, t) for f, t in han if "Sans" not in f]
    check("zh PDF: every bold Han heading in the sans (Hei) face",
          not serif, str(serif[:5]))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    styles = ET.fromstring(zipfile.ZipFile(docx).read("word/styles.xml"))
    for st in styles.iter(ns + "style"):
        sid = st.get(ns + "styleId")
        if sid not in ("Heading1", "Heading2", "Heading3", "Title"):
            continue
        f = st.find(f"{ns}rPr/{ns}rFonts")
        east = f.get(ns + "eastAsia") if f is not None else None
        check(f"zh Word {sid} in SimHei", east == "SimHei", str(east))


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "pdf":
        pdf_checks(path, sys.argv[3])
    elif mode == "page1":
        page1(path, sys.argv[3])
    elif mode == "docx":
        docx_checks(path, sys.argv[3])
    elif mode == "items":
        items(path)
    elif mode == "lists":
        lists(path, sys.argv[3])
    elif mode == "jobfoot":
        job_footer(path, sys.argv[3], sys.argv[4] == "edited")
    elif mode == "rtlnumbers":
        rtl_numbers(path)
    elif mode == "singletxt":
        single_txt(path, sys.argv[3])
    elif mode == "hei":
        hei_checks(path, sys.argv[3])
    elif mode == "colour":
        n = colour_pixels(path, 1, 1)
        check("the default form has colour (the check can fail)", n > 0,
              "no coloured pixel")
    print("\n".join(results))


main()
