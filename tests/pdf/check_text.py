#!/usr/bin/env python3
"""The PDF's text layer read by poppler, against the Markdown it came from.

usage: check_text.py [--no-lists] REPORT.pdf SOURCE...
  (SOURCE: the Markdown, the data files; --no-lists: the PDF has no
  numbered paragraphs and bullets to look for)
Prints "ok NAME" or "FAIL NAME: why" per check; exits 1 if any failed.
What a reader (copy and paste, a screen reader, search) gets:
  * pdftotext prints no warning (the ToUnicode maps are maps);
  * drawing order (pdftotext -raw): a paragraph number and a bullet come
    before their text ("2. This…", "• Portugal…"), never after it;
  * no hyphen inside an extracted word where the Markdown has none, and no
    line ending with a hyphen the Markdown does not have;
  * identifiers whole on one line, as drawn: document symbols, codes,
    acronyms, numbers grouped with spaces, "para. 2".  What is drawn is
    read with the /ActualText of broken words taken out (qpdf, fix-qdf):
    those read whole whatever the line breaks.
"""
import os
import re
import subprocess
import sys
import tempfile
from checklib import check, done, run_text as run

args = sys.argv[1:]
lists = args[0] != "--no-lists"
if not lists:
    args = args[1:]
pdf, sources = args[0], args[1:]



rc, layout, err = run("pdftotext", "-enc", "UTF-8", pdf, "-")
check("pdftotext reads it", rc == 0, err[:300])
check("pdftotext warns of nothing", err.strip() == "", err[:300])
rc, raw, err = run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-")
check("pdftotext -raw warns of nothing", rc == 0 and err.strip() == "",
      err[:300])

md = "\n".join(open(p, encoding="utf-8").read() for p in sources)
# the Markdown's text as words, marks and escapes left out
src = re.sub(r"\[\^[^\]]*\]|[*_`\\]|\]\([^)]*\)|[\[\]]", "", md)
src = re.sub(r"\s+", " ", src)
lines = raw.split("\n")

# --- drawing order ---------------------------------------------------------
numbered = [l for l in lines if re.match(r"^\d{1,3}\. \S", l)]
if lists:
    check("numbered paragraphs read number first (%d)" % len(numbered),
          len(numbered) >= 5)
late = [l for l in lines if re.match(r"^\d{1,3}\.$", l)]
check("no paragraph number after its line", not late, late[:3])
bullets = [l for l in lines if l.startswith("• ")]
if lists:
    check("bullets read before their items (%d)" % len(bullets),
          len(bullets) >= 3)
after = [l for l in lines if l.strip() == "•" or l.endswith("•")]
check("no bullet after its item", not after, after[:3])

# --- hyphens ----------------------------------------------------------------
WORD = r"[^\W\d_][\w’']*"
bad = sorted({w for w in re.findall(WORD + r"(?:-" + WORD + r")+", raw)
              if w not in src})
check("no hyphen inside a word where the source has none", not bad, bad[:10])
ends = sorted({l.split()[-1] for l in lines
               if re.search(r"[^\W\d_]-$", l) and
               l.split()[-1] + " " not in src})
check("no line ends with a hyphen the source lacks", not ends, ends[:10])

# --- identifiers whole, as drawn --------------------------------------------
tmp = tempfile.mkdtemp()
qdf = os.path.join(tmp, "q.pdf")
rc, _, err = run("qpdf", "--qdf", "--object-streams=disable", pdf, qdf)
check("qpdf uncompresses it", rc == 0, err[:300])
data = open(qdf, "rb").read()
data = re.sub(rb"/Span <</ActualText <[0-9A-Fa-f]*>>> BDC",
              lambda m: b"/Span BMC" + b" " * (len(m.group(0)) - 9), data)
open(qdf, "wb").write(data)
drawn_pdf = os.path.join(tmp, "d.pdf")
with open(drawn_pdf, "wb") as out:
    subprocess.run(["fix-qdf", qdf], stdout=out, check=True)
rc, drawn, err = run("pdftotext", "-raw", "-enc", "UTF-8", drawn_pdf, "-")
check("the drawn text reads", rc == 0, err[:300])
dlines = drawn.split("\n")
joined = [drawn.replace("\n", ""), drawn.replace("\n", " ")]
run_len, longest, where = 0, 0, []
for i, l in enumerate(dlines):
    run_len = run_len + 1 if re.search(r"[^\W\d_]-$", l) else 0
    if run_len > longest:
        longest, where = run_len, dlines[i - run_len + 1:i + 2]
check("at most two hyphenated lines in a row", longest <= 2,
      "%d in a row: %s" % (longest, where))
PATTERNS = {
    "document symbols": r"\b[A-Z]{1,6}(?:/[A-Z0-9.]{1,12}){2,}",
    "codes": r"\b\d{2,}(?:-\d+)*(?:-[A-Z]{2,})+\b",
    "acronyms": r"\b[A-Z]{4,}\b",
    "grouped numbers": r"(?<![\d,.])\d{1,3}(?: \d{3})+(?![\d,])",
    "numbered references": r"\b(?:para|paras|No|n\.º|art)\. \d+",
}
for name, pat in PATTERNS.items():
    broken = []
    idents = set(re.findall(pat, src))
    for ident in sorted(idents):
        # as a whole word: not the start of a longer one
        one = r"(?<![\w/-])" + re.escape(ident) + r"(?![\w/]|-\w)"
        want = max(len(re.findall(one, j)) for j in joined)
        whole = sum(len(re.findall(one, l)) for l in dlines)
        if whole < want:
            broken.append("%s (%d of %d whole)" % (ident, whole, want))
    check("%s whole on a line (%d)" % (name, len(idents)), not broken,
          broken[:8])

# a list item's lead-in ("• Status over time:") goes with the list under
# it: the next line on its page is the sublist's first ("– …"), not a
# footnote or the folio at the page's foot
if lists:
    alone = []
    for k, page in enumerate(layout.split("\f")):
        lines = [l.strip() for l in page.split("\n") if l.strip()]
        for i, l in enumerate(lines):
            if l.startswith("\u2022") and l.endswith(":") and \
                    (i + 1 == len(lines) or not lines[i + 1].startswith("\u2013")):
                alone.append("p. %d: %s" % (k + 1, l[:60]))
    check("a list's lead-in kept with its list", not alone, alone[:5])

done()
