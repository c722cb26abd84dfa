#!/usr/bin/env python3
"""The PDF's tags, read by qpdf (--json) and poppler (pdfinfo).

usage: check_tags.py REPORT.pdf LANG SYMBOL [figures]
Prints "ok NAME" or "FAIL NAME: why" per check; exits 1 if any failed.
  * pdfinfo says Tagged: yes; the catalog has /MarkInfo /Marked true, its
    /Lang, /ViewerPreferences /DisplayDocTitle, a /StructTreeRoot and XMP
    /Metadata (with the title and the language); the trailer an /ID;
  * the structure holds Document, H1, P, L/LI/Lbl/LBody, Table/TR/TH/TD,
    Note, Link (every link annotation in one, with /Contents and printed:
    /F 4) (and Figure, each with its /Alt, when "figures" is given); every
    TH has a /Scope, every Table a /Summary (its name: the heading it
    stands under, the chart's title);
    every page with content has /StructParents, /Tabs /S;
  * the running head is an artifact: the structure's text holds the
    symbol at most as often as the title page shows it.
"""
import re
import sys
import zlib
from checklib import check, done, qpdf_objects, run

pdf, lang, symbol = sys.argv[1], sys.argv[2], sys.argv[3]
figures = len(sys.argv) > 4 and sys.argv[4] == "figures"



rc, out, err = run("pdfinfo", pdf)
check("pdfinfo says Tagged: yes", b"Tagged:          yes" in out, err[:200])

objs, trailer, val, _ = qpdf_objects(pdf)


cat = val(trailer.get("/Root"))
check("a catalog", isinstance(cat, dict), str(trailer)[:200])
cat = cat or {}
check("/MarkInfo /Marked true",
      (val(cat.get("/MarkInfo")) or {}).get("/Marked") is True)
check("/Lang " + lang, cat.get("/Lang") == "u:" + lang, cat.get("/Lang"))
check("/DisplayDocTitle true", (val(cat.get("/ViewerPreferences")) or {})
      .get("/DisplayDocTitle") is True)
check("trailer /ID", len(trailer.get("/ID", [])) == 2, str(trailer)[:200])
meta = objs.get(cat.get("/Metadata", ""), {}).get("stream", {})
xmp = ""
if "data" in meta:
    import base64
    xmp = base64.b64decode(meta["data"]).decode("utf-8", "replace")
check("XMP metadata with the title and language",
      "<dc:title>" in xmp and "<rdf:li>%s</rdf:li>" % lang in xmp, xmp[:200])

root = val(cat.get("/StructTreeRoot"))
check("a /StructTreeRoot", isinstance(root, dict))
types = {}
bad_th, bad_fig, tables, unnumbered = [], [], [], []
row_heads = 0
summaries = []
seen = set()
stack = [root.get("/K")] if isinstance(root, dict) else []
while stack:
    k = stack.pop()
    if isinstance(k, list):
        stack.extend(k)
        continue
    if not (isinstance(k, str) and k.endswith(" R")) or k in seen:
        continue
    seen.add(k)
    e = val(k)
    if not isinstance(e, dict) or e.get("/Type") != "/StructElem":
        continue
    s = e.get("/S", "")[1:]
    types[s] = types.get(s, 0) + 1
    if s == "TH" and "/Scope" not in (val(e.get("/A")) or {}):
        bad_th.append(k)
    if s == "TH" and (val(e.get("/A")) or {}).get("/Scope") == "/Row":
        row_heads += 1
    if s == "Table":
        summaries.append((val(e.get("/A")) or {}).get("/Summary"))
    if s == "Figure" and not (e.get("/Alt") or "").strip("u:b: <>feFF"):
        bad_fig.append(k)
    if s == "Table":
        tables.append(e)
    if s == "L" and "/ListNumbering" not in (val(e.get("/A")) or {}):
        unnumbered.append(k)
    stack.append(e.get("/K"))
want = ["Document", "H1", "P", "L", "LI", "Lbl", "LBody", "Table", "TR",
        "TH", "TD", "Note", "Link"] + (["Figure"] if figures else [])
missing = [t for t in want if not types.get(t)]
check("structure types %s" % " ".join(want), not missing,
      "missing %s; found %s" % (missing, types))
check("every TH has a /Scope", not bad_th, bad_th[:5])
check("every Table has a /Summary (%d tables)" % len(summaries),
      summaries and all(summaries), summaries[:5])
check("every Figure has an /Alt", not bad_fig, bad_fig[:5])
# the matrix's numbers and a chart table's keys head their rows, as the
# site's th scope="row" (the example has both)
if figures:
    check("row heads (TH /Scope /Row: %d)" % row_heads, row_heads > 10,
          row_heads)
# a reader says "bulleted list" or "numbered list"
check("every list has its /ListNumbering", not unnumbered, unnumbered[:5])


def kids(e):
    k = e.get("/K")
    k = k if isinstance(k, list) else [k]
    return [val(x) for x in k if isinstance(x, str) and x.endswith(" R")]


# every row of a table has as many cells as its head (PDF/UA-1 7.2: an
# empty cell is an element too)
irregular = []
for t in tables:
    rows = [r for r in kids(t) if isinstance(r, dict) and r.get("/S") == "/TR"]
    # a cell across columns counts its /ColSpan
    widths = {sum(int((val(c.get("/A")) or {}).get("/ColSpan", 1))
                  for c in kids(r) if isinstance(c, dict) and
                  c.get("/S") in ("/TD", "/TH")) for r in rows}
    if len(widths) > 1:
        irregular.append(sorted(widths))
check("every table's rows have as many cells (%d tables)" % len(tables),
      tables and not irregular, irregular[:3])

pages = [v.get("value", {}) for v in objs.values()
         if isinstance(v.get("value"), dict) and
         v["value"].get("/Type") == "/Page"]
check("pages have /StructParents (%d pages)" % len(pages),
      pages and all("/StructParents" in p for p in pages))
check("pages have /Tabs /S", pages and
      all(p.get("/Tabs") == "/S" for p in pages))

links = [v.get("value", {}) for v in objs.values()
         if isinstance(v.get("value"), dict) and
         v["value"].get("/Subtype") == "/Link"]
untagged = [l for l in links if "/StructParent" not in l or
            "/Contents" not in l or l.get("/F") != 4]
check("link annotations in the structure, described, printed (%d)" %
      len(links), links and not untagged, str(untagged[:2])[:300])
rc, out, err = run("pdfinfo", "-struct-text", pdf)
text = out.decode("utf-8", "replace")
check("pdfinfo -struct-text reads it", rc == 0 and len(text) > 100,
      err[:200])
# a chart's source is a paragraph of its own after its figure, not in the
# figure, whose /Alt hides its content from a screen reader
in_figure, figure_text = None, []
for line in text.split("\n"):
    indent = len(line) - len(line.lstrip(" "))
    if line.strip() == "Figure":
        in_figure = indent
        continue
    if in_figure is not None and indent > in_figure:
        figure_text.append(line)
    else:
        in_figure = None
labels = ("Source:", "Source\u00a0:", "Fuente:", "Источник:", "المصدر", "来源")
hidden = [l for l in figure_text if any(x in l for x in labels)]
if figures:
    check("a chart's source is not inside its figure", figure_text and not hidden,
          hidden[:2])
# the contents' heading is its word alone (its page column's label is an
# artifact, labels toc_title and toc_page), and an entry's title and page
# number read apart ("Foreword 1", not "Foreword1")
import os
labels = open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           "..", "..", "templates", "labels",
                           lang + ".yaml"), encoding="utf-8").read()
toc_title = re.search(r'^toc_title: *"?([^"\n]*)"?$', labels, re.M)
# a note's number in the text is a link named "Note 10" (note_ref), not
# "10", for a screen reader
note_ref = re.search(r'^note_ref: *"?([^"\n]*)"?$', labels, re.M)
named = note_ref and re.compile(re.escape(note_ref.group(1)).replace(
    re.escape("{n}"), "[0-9]+") + "$")
contents = [str(l.get("/Contents", ""))[2:] for l in links]
check("note references named by the label note_ref (%s)" %
      (note_ref and note_ref.group(1)),
      named and any(named.match(c) for c in contents) and
      not any(re.fullmatch(r"[0-9]+", c) for c in contents),
      [c for c in contents if re.fullmatch(r"[0-9]+", c)][:3])
heading = re.search(r'H1 \(block\)\n\s+"([^"]*)"\n\s+TOC\n', text)
entries = re.findall(r'TOCI\n\s+Link \(inline\)\n\s+"([^"]*)"\n\s+"(\d+)"', text)
if "TOC\n" in text:  # the UN form has no contents: nothing to check
    check("the contents' heading is its title alone",
          toc_title and heading and heading.group(1) == toc_title.group(1),
          heading and heading.group(1))
    check("contents entries read apart from their page numbers (%d)" %
          len(entries),
          entries and all(t.endswith(" ") for t, _ in entries), entries[:2])
n = text.count(symbol)
check("the running head is an artifact (symbol %d times in the "
      "structure)" % n, n <= 1, n)
done()
