#!/usr/bin/env python3
"""A project with no recommendation yet (a new one), built in Spanish: every
page and document that would show recommendations says there is none
(label recommendations_none) instead of tables of zeros, an empty matrix
or an empty chart; a cluster with no recommendation says so on its page and
in the report. Reads the site's HTML, the PDF through pdftotext and the
Word file's document.xml.

usage: check-empty.py BUILD-DIR"""
import re
import subprocess
import sys
import zipfile

NONE = "Todavía no se ha registrado ninguna recomendación."
out = sys.argv[1]
failures = []


def page(name):
    with open(f"{out}/site/{name}", encoding="utf-8") as f:
        html = f.read()
    m = re.search(r"<main.*?</main>", html, re.S)
    return m.group(0) if m else ""


def expect(what, ok):
    if not ok:
        failures.append(what)


for name in ("index.html", "recommendations.html", "sdgs.html"):
    main = page(name)
    expect(f"{name} says there is no recommendation",
           f"<p>{NONE}</p>" in main)
    for empty in ("<tbody>\n</tbody>", "<ul class=\"toc goals\">\n</ul>",
                  "<td class=\"num\">0</td>", "<svg"):
        expect(f"{name} has no {empty!r}", empty not in main)

cluster = page("clusters/agua.html")
expect("the empty cluster's page says it has none", f"<p>{NONE}</p>" in cluster)
expect("the empty cluster's page draws no matrix", "<table" not in cluster)
expect("the empty cluster's page lists no zero counts",
       "status-counts" not in cluster)

pdf = subprocess.run(["pdftotext", "-layout", f"{out}/report-es.pdf", "-"],
                     capture_output=True, text=True, check=True).stdout
flat = " ".join(pdf.split())
# the overview, the empty cluster's section and the annex
expect(f"the PDF says it three times ({flat.count(NONE)})",
       flat.count(NONE) == 3)
expect("the PDF has no table of zeros", "0 %" not in flat and "0%" not in flat)

with zipfile.ZipFile(f"{out}/report-es.docx") as z:
    xml = z.read("word/document.xml").decode("utf-8")
paras = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
         for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)]
expect("the Word file says it three times",
       sum(p.strip().endswith(NONE) for p in paras) == 3)
expect("the Word file has no table of zeros", "<w:tbl>" not in xml)

for f in failures:
    print("FAIL", f)
print(f"empty project: {3 + 3 * 4 + 3 + 2 + 2 - len(failures)} passed, "
      f"{len(failures)} failed")
sys.exit(1 if failures else 0)
