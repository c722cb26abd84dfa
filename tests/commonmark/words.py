#!/usr/bin/env python3
"""Compares, for every example of the CommonMark specification typeset as
a chapter of its own, what cmark-gfm reads in it (`cmark-gfm --smart -t
plaintext`) with what the PDF shows between that chapter's marker and the
next one.  Every character but blanks and hyphens must appear in the PDF,
in order (hyphens and line ends are the typesetter's, and the PDF adds
list numbers and bullets).  Prints one line per example that loses
something, then "commonmark: N passed, N failed".

Characters no font of the PDF can draw (above U+FFFF, or without a glyph,
until the languages' fonts and shaping come) may show as U+FFFD only where
the build warned about them, naming that chapter.

usage: words.py SPEC.txt WORK_DIR PDF_TEXT BUILD_LOG
  SPEC.txt  the specification; WORK_DIR holds exNNNN.md, one per example
  (written by `words.py --split SPEC.txt WORK_DIR`); BUILD_LOG what the
  build printed.
"""
import re
import subprocess
import sys
import unicodedata

FENCE = "`" * 32 + " example"


def examples(spec):
    out, lines, inside, part = [], [], False, 0
    for line in open(spec, encoding="utf-8"):
        if line.startswith(FENCE):
            inside, part, lines = True, 0, []
        elif inside and line.startswith("`" * 32):
            inside = False
            out.append("".join(lines).replace("\u2192", "\t"))
        elif inside and line.strip() == "." and part == 0:
            part = 1
        elif inside and part == 0:
            lines.append(line)
    return out


def squeeze(s):
    """The characters that must survive typesetting: no blanks, no
    hyphens of any kind, compatibility forms folded (ligatures)."""
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"[\s\-\u00ad\u2010\u2011\u2212]+", "", s)


def is_subsequence(small, big, replaced=False):
    """Whether small's characters appear in big in order; with replaced,
    a U+FFFD of big stands for any one character (one the PDF's fonts
    cannot draw, which the build warned about)."""
    i = 0
    for ch in small:
        while i < len(big) and big[i] != ch and not (
                replaced and big[i] == "\ufffd"):
            i += 1
        if i == len(big):
            return False
        i += 1
    return True


def main():
    if sys.argv[1] == "--split":
        spec, work = sys.argv[2], sys.argv[3]
        for i, ex in enumerate(examples(spec), 1):
            with open(f"{work}/ex{i:04d}.md", "w", encoding="utf-8") as f:
                f.write(ex)
        print(len(examples(spec)))
        return 0
    spec, work, pdf_text, log = sys.argv[1:5]
    text = open(pdf_text, encoding="utf-8", errors="replace").read()
    warned = open(log, encoding="utf-8", errors="replace").read()
    parts = re.split(r"@@@(ex\d{4})@@@", text)
    body = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    passed = failed = 0
    for i, _ in enumerate(examples(spec), 1):
        name = f"ex{i:04d}"
        want = subprocess.run(
            ["cmark-gfm", "--smart", "-t", "plaintext", f"{work}/{name}.md"],
            capture_output=True, text=True, check=True).stdout
        got = body.get(name)
        replaced = f"{name}.md:" in warned
        if got is None:
            failed += 1
            print(f"FAIL {name}: its chapter is not in the PDF")
        elif not is_subsequence(squeeze(want), squeeze(got), replaced):
            failed += 1
            print(f"FAIL {name}: words lost; cmark-gfm reads "
                  f"{want.strip()[:120]!r}, the PDF shows "
                  f"{got.strip()[:120]!r}")
        else:
            passed += 1
    print(f"commonmark: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
