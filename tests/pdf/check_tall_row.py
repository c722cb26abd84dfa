#!/usr/bin/env python3
"""A table whose row is taller than a page (tall-row.md, written by
run.sh): its header is not left alone at the foot of a page, it comes
again at the top of every page the row runs onto, the row's text there
starts below it (no line drawn over the header, none cut in two), and no
word of the cell is lost or doubled. Reads the PDF with pdftotext -bbox.

usage: check_tall_row.py PDF WORDS
WORDS: the cell's text, as written."""
import re
import subprocess
import sys

pdf, cell = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().split()
html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True,
                      text=True, check=True).stdout
pages = []
for page in re.findall(r"<page .*?</page>", html, re.S):
    words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                        r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                        page)]
    pages.append(words)

failures = []
table_pages = [i for i, p in enumerate(pages)
               if any(w[4] == "Measure" for w in p)]
if len(table_pages) < 3:
    failures.append(f"the row runs over {len(table_pages)} pages, not 3 or more")
body = []
for n, i in enumerate(table_pages):
    words = pages[i]
    head = [w for w in words if w[4] in ("Measure", "Finding")]
    head_bottom = max(w[3] for w in head)
    below = sorted((w for w in words if w[1] > head_bottom - 0.5 and
                    w[4] not in ("Measure", "Finding") and
                    not re.fullmatch(r"\d+", w[4])),
                   key=lambda w: (round(w[1]), w[0]))
    if not below:
        failures.append(f"page {i + 1}: the header with nothing under it")
        continue
    # the row's first line clear of the header's rule, on every page
    gap = min(w[1] for w in below) - head_bottom
    if gap < 2:
        failures.append(f"page {i + 1}: the row's first line {gap:.1f} pt "
                        "under the header's text (drawn over it)")
    if n == 0 and not any(w[4] == "R1" for w in below):
        failures.append(f"page {i + 1}: the header without the row's start")
    body += [w[4] for w in below if w[4] != "R1"]
if body != cell:
    k = next((k for k, (a, b) in enumerate(zip(body, cell)) if a != b),
             min(len(body), len(cell)))
    failures.append(f"the cell's words: {len(body)} read, {len(cell)} "
                    f"written; first difference at word {k}: "
                    f"{body[k:k + 3]} / {cell[k:k + 3]}")
# lines as check_text.py writes them: run.sh counts "ok" and "FAIL"
for f in failures:
    print("FAIL", f)
if not failures:
    print(f"ok the header on each of {len(table_pages)} pages, the row's "
          f"{len(cell)} words whole under it")
sys.exit(1 if failures else 0)
