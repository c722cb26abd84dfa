#!/usr/bin/env python3
"""Whether an Arabic PDF reads as its Markdown source, line by line.

Usage: check_bidi_text.py REPORT.pdf REPORT.md (the report's Markdown,
which the build writes beside the PDF: the chapters, the recommendations
and the notes as the PDF typesets them).  Prints "ok WHAT" or
"FAIL WHAT: why", a line each.

A PDF holds its glyphs where they stand on the page, each reading as its
character (a bracket drawn mirrored in right-to-left text reads as the
bracket typed: readers turn a right-to-left stretch round and do not
mirror it again); a reader gets the logical text back by the Unicode
bidirectional algorithm.  Each paragraph of the Markdown holding Arabic
(prose, quotations and notes; headings, list items and tables are laid
out with numbers and cells of the PDF's own) is checked, line after line
(a running head or a chart may stand between two; a note's mark, raised,
is put back on its line):

1. placed: the words of each line as pdftotext -bbox-layout places them,
   left to right (the characters of a word as drawn, a space only where
   words stand apart), are what the Unicode algorithm (FriBidi, through
   ctypes) shows of the words the line holds: the levels resolved over
   the whole paragraph, then rules L1 and L2 over the line.  Combining
   marks are left out of this comparison: in a word drawn right to left
   they follow their letter, the algorithm's reversal puts them before
   it (the shaping tests check the marks).
2. read: pdftotext's text (logical order) has the paragraph's Arabic words
   in their order, line by line.  Only the Arabic words: poppler's own
   reordering is not the Unicode algorithm (it moves a space or a
   punctuation mark next to figures or Latin to their other side, and
   takes the Arabic comma for a figure), so figures, Latin and
   punctuation are checked by where they stand (1)."""
import ctypes
import html
import re
import subprocess
import sys
import unicodedata

FB = ctypes.CDLL("libfribidi.so.0")
PAR_RTL = 0x111  # FRIBIDI_PAR_RTL
TYPE_WS = 0x800  # FRIBIDI_MASK_WS
TYPE_SPACE = 0x800000  # FRIBIDI_MASK_SPACE (paragraph/segment separators)
CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def levels(text):
    """FriBidi's embedding level and bidi type of each character of
    text, a paragraph read right to left."""
    n = len(text)
    chars = (ctypes.c_uint32 * max(n, 1))(*[ord(c) for c in text])
    types = (ctypes.c_uint32 * max(n, 1))()
    brackets = (ctypes.c_uint32 * max(n, 1))()
    lev = (ctypes.c_int8 * max(n, 1))()
    FB.fribidi_get_bidi_types(chars, n, types)
    FB.fribidi_get_bracket_types(chars, n, types, brackets)
    base = ctypes.c_uint32(PAR_RTL)
    if n and not FB.fribidi_get_par_embedding_levels_ex(
            types, brackets, n, ctypes.byref(base), lev):
        sys.exit("FriBidi failed on: " + text)
    return list(lev[:n]), list(types[:n])


def visual(text, lev, types):
    """text (one line) as it stands on the page, left to right, given
    its characters' levels: rules L1 (trailing spaces at the paragraph's
    level) and L2 (runs reversed from the highest level down); controls
    and spaces at the ends dropped."""
    lev = list(lev)
    k = len(text)
    while k > 0 and (types[k - 1] & (TYPE_WS | TYPE_SPACE)
                     or CONTROLS.match(text[k - 1])):
        k -= 1
        lev[k] = 1
    chars = list(text)
    top = max(lev, default=1)
    for level in range(top, 0, -1):
        i = 0
        while i < len(chars):
            if lev[i] < level:
                i += 1
                continue
            j = i
            while j < len(chars) and lev[j] >= level:
                j += 1
            chars[i:j] = chars[i:j][::-1]
            lev[i:j] = lev[i:j][::-1]
            i = j
    return squeeze("".join(chars))


def squeeze(s):
    return re.sub(r"\s+", " ", CONTROLS.sub("", s)).strip()


def no_marks(s):
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def paragraphs(name):
    """The paragraphs holding Arabic, as the PDF prints them: inline
    Markdown taken off, a note's reference replaced by its number (notes
    are numbered as first referred to), isolated; each as a list of the ways it
    may read, a note's with and without its number (poppler may set it
    apart, in the margin)."""
    text = open(name, encoding="utf-8").read()
    # a date's no-break spaces and the word joiner after its month's
    # slash (words_date): a space and nothing, as pdftotext's words have
    # them
    text = text.replace("\u2060", "").replace("\u00a0", " ")
    text = re.sub(r"^(```|~~~).*?^\1\s*$", "", text, flags=re.S | re.M)
    notes = {}

    def number(label):
        return str(notes.setdefault(label, len(notes) + 1))

    for label in re.findall(r"\[\^([^\]]+)\](?!:)", text):
        number(label)
    paras = []
    for para in re.split(r"\n\s*\n|\n(?=\[\^[^\]]+\]:)", text):
        para = para.strip()
        if para.startswith(">"):
            para = re.sub(r"^>\s?", "", para, flags=re.M).strip()
        if not para or re.match(r"#|\d+\.\s|[-*+]\s|\||<(?!http)", para):
            continue
        m = re.match(r"\[\^([^\]]+)\]:\s*", para)
        mark = number(m.group(1)) if m else None
        if m:
            para = para[m.end():]
        para = re.sub(r"\[\^([^\]]+)\]",
                      lambda r: "\ue000" + number(r.group(1)) + "\ue001",
                      para)
        para = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", para)
        para = re.sub(r"<(https?://[^>]*)>", r"\1", para)
        para = re.sub(r"\*\*|__|\*|`", "", para)
        para = re.sub(r"\\(.)", r"\1", para)
        if ARABIC_WORD.search(para):
            # a note's mark isolated (FSI ... PDI), as the PDF sets it:
            # a neutral beside the figures before it, "180.²" not the
            # number 180.2, its own figures left to right
            para = squeeze(para).replace("\ue000", "\u2068") \
                                .replace("\ue001", "\u2069")
            paras.append([para] + ([mark + " " + para] if mark else []))
    return paras


def pdf_lines(pdf):
    """Each line of the PDF (pdftotext -bbox-layout's) as (its top, its
    words (x0, x1, text)); a note's mark, raised, which poppler makes a
    line of its own, put back in the line of its page it touches."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    lines = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, flags=re.S):
        found = []
        for y0, y1, line in re.findall(
                r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
                r'yMax="([\d.]+)">(.*?)</line>', page, flags=re.S):
            words = [(float(x0), float(x1), html.unescape(w))
                     for x0, x1, w in re.findall(
                         r'<word xMin="([\d.]+)" yMin="[\d.]+" '
                         r'xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>',
                         line)]
            found.append((float(y0), float(y1), words))
        for y0, y1, words in found:
            if not words or not all(re.fullmatch(r"[\d,]+", w)
                                    for _, _, w in words):
                continue
            x0, x1 = min(w[0] for w in words), max(w[1] for w in words)

            def apart(line):
                return max(line[2][0][0] - x1, x0 - line[2][-1][1])

            touch = [l for l in found if l[2] and l[2] is not words and
                     any(ARABIC_WORD.search(w) for _, _, w in l[2]) and
                     l[0] < y1 and y0 < l[1] and apart(l) < 3]
            if touch:
                # raised: its top nearer its own line's than the one's
                # above
                min(touch, key=lambda l: abs(l[0] - y0))[2].extend(words)
                words.clear()
        for _, _, words in found:
            words.sort()
        lines.extend((y0, words) for y0, _, words in found if words)
    return lines


def line_text(words):
    """Words of a line left to right, a space only where they stand
    apart."""
    s, end = "", None
    for x0, x1, w in sorted(words):
        if end is not None and x0 - end > 1.0:
            s += " "
        s += w
        end = x1 if end is None else max(end, x1)
    return no_marks(squeeze(s))


def poppler_lines(pdf):
    out = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    return [l for l in out.split("\n") if squeeze(l)]


ARABIC_WORD = re.compile("[\u0621-\u064a\u064b-\u065f\u0670-\u06d3]+")


def cover(units, segment, lines):
    """Whether consecutive lines (up to 12 others may stand between two)
    show units [0, units) one after another: segment(i, j) is what units
    [i, j) look like on a line, lines(at) what line at may hold, [(count,
    text, how many lines that takes)].  None, or what failed."""
    best = None
    count = len(lines(None))
    for first in range(count):
        i, at, gap = 0, first, 0
        while i < units and at < count and gap <= 12:
            for k, text, took in lines(at):
                # the line's words, or one fewer: a space where a word
                # reads as nothing (the rest of one broken at the line
                # before) is no word
                j = next((j for j in (i + k, i + k - 1)
                          if k and i < j <= units and
                          text.replace(" ", "") ==
                          segment(i, j).replace(" ", "")), None)
                if j is not None:
                    i, gap, at = j, 0, at + took
                    break
            else:
                if i == 0:
                    break
                gap += 1
                at += 1
        if i == units:
            return None
        if i and (best is None or i > best[0]):
            best = (i, at - gap)
    if best is None:
        return "no line shows its beginning: %s" % segment(0, min(units, 8))
    i, at = best
    return "after %d, expected a line showing %s; the next line shows " \
           "%s" % (i, segment(i, min(units, i + 8)),
                   lines(at)[0][1] if at < count else "nothing")


def check_placed(para, lines):
    words = para.split(" ")
    lev, types = levels(para)
    starts = [0]
    for w in words:
        starts.append(starts[-1] + len(w) + 1)

    def segment(i, j):
        a, b = starts[i], starts[j] - 1
        return no_marks(visual(para[a:b], lev[a:b], types[a:b]))

    return cover(len(words), segment, lines)


def check_read(para, lines):
    words = ARABIC_WORD.findall(para)
    return cover(len(words), lambda i, j: " ".join(words[i:j]), lines)


def main():
    pdf, md = sys.argv[1], sys.argv[2]
    found = pdf_lines(pdf)

    def placed(at):
        """Line at alone, or with the next ones at its height: poppler
        makes two lines of one where a word reads as nothing (the rest
        of a word broken at the line before, which carries it whole)."""
        if at is None:
            return found
        out, words = [], []
        for k in range(at, min(at + 3, len(found))):
            if k > at and abs(found[k][0] - found[at][0]) > 0.5:
                break
            words = words + found[k][1]
            text = line_text(words)
            out.append((len(text.split(" ")), text, k - at + 1))
        return out

    texts = [ARABIC_WORD.findall(l) for l in poppler_lines(pdf)]

    def read(at):
        if at is None:
            return texts
        return [(len(texts[at]), " ".join(texts[at]), 1)]

    for para, *other in paragraphs(md):
        what = para if len(para) < 50 else para[:48] + "…"
        why = check_placed(para, placed)
        for variant in other:
            why = why and check_placed(variant, placed)
        print("ok placed: " + what if why is None else
              "FAIL placed: %s: %s" % (what, why))
        why = check_read(para, read)
        print("ok read: " + what if why is None else
              "FAIL read: %s: %s" % (what, why))


main()
