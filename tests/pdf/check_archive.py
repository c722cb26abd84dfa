#!/usr/bin/env python3
"""What the PDF declares for archives and assistive technology, and the
cases' own checks, read by poppler (pdfinfo, pdftotext) and qpdf.

usage: check_archive.py CASE.pdf [CASE.expect [CASE.html CASE.docx]]
Prints "ok NAME" or "FAIL NAME: why" per check; exits 1 if any failed.
  * the XMP (pdfinfo -meta) declares PDF/A-2a (pdfaid:part 2,
    conformance A) and PDF/UA-1 (pdfuaid:part 1), with the extension
    schema PDF/A-2 wants for pdfuaid, and repeats the document
    information: title, creator tool, producer, the dates (pdfinfo's);
  * the catalog has an sRGB output intent (GTS_PDFA1) whose profile is
    the ICC file's bytes, /N 3; the trailer an /ID;
  * pdftotext prints no warning; every Note has its own /ID;
  * CASE.expect, one check a line:
      span-lang CODE TEXT   a Span with /Lang (CODE) holds TEXT (and
                            the website's HTML has <span lang="CODE">TEXT,
                            with dir="rtl" for a right-to-left language,
                            the Word document w:lang CODE on its run, for
                            every kind of letter: w:val, w:eastAsia,
                            w:bidi)
      note-once TEXT        TEXT is on exactly one page, once
      marks N N N           the note marks in the text, in order
      note-links N          every link to note N leads to the page its
                            text is on
      note-after N TEXT     in the structure, note N (its text starts
                            "N ") follows the element that holds TEXT
                            (pdfinfo -struct-text), only notes between
      colspan N             a table cell spans N columns (/ColSpan), and
                            every row of its table spans as many
"""
import re
import sys
from checklib import check, done, qpdf_objects, run

pdf = sys.argv[1]
expect = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
html = sys.argv[3] if len(sys.argv) > 3 else None
docx = sys.argv[4] if len(sys.argv) > 4 else None
icc = "/usr/share/color/icc/sRGB.icc"



rc, meta, err = run("pdfinfo", "-meta", pdf)
meta = meta.decode("utf-8", "replace")
for what, pat in [
        ("pdfaid:part 2", r"<pdfaid:part>2</pdfaid:part>"),
        ("pdfaid:conformance A",
         r"<pdfaid:conformance>A</pdfaid:conformance>"),
        ("pdfuaid:part 1", r"<pdfuaid:part>1</pdfuaid:part>"),
        ("pdfuaid's extension schema",
         r"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"),
        ("xmp:CreatorTool uprgen and its version",
         r"<xmp:CreatorTool>uprgen [^<\s]+<"),
        ("pdf:Producer", r"<pdf:Producer>[^<]+</pdf:Producer>")]:
    check("XMP " + what, re.search(pat, meta), meta[:200] or err[:200])

rc, info, err = run("pdfinfo", "-isodates", pdf)
info = info.decode("utf-8", "replace")
# PDF/UA: a title, shown as the window's (a report always has one; the
# render cases have none)
if re.search(r"^Title:", info, re.M):
    check("XMP dc:title", re.search(r"<dc:title><rdf:Alt><rdf:li xml:lang="
                                    r"\"x-default\">[^<]+</rdf:li>", meta),
          meta[:200])
m = re.search(r"^CreationDate:\s+(\S+)", info, re.M)
x = re.search(r"<xmp:CreateDate>([^<]+)<", meta)
check("XMP CreateDate is the information dictionary's",
      m and x and m.group(1) == x.group(1),
      "%s / %s" % (m and m.group(1), x and x.group(1)))
m = re.search(r"^Producer:\s+(.+)$", info, re.M)
x = re.search(r"<pdf:Producer>([^<]+)<", meta)
check("XMP Producer is the information dictionary's",
      m and x and m.group(1).strip() == x.group(1), info[:200])

objs, trailer, val, qpdf_pages = qpdf_objects(pdf)


cat = val(trailer.get("/Root")) or {}
check("trailer /ID", len(trailer.get("/ID", [])) == 2, str(trailer)[:200])
intents = val(cat.get("/OutputIntents")) or []
oi = val(intents[0]) if intents else {}
check("one output intent, GTS_PDFA1, sRGB",
      len(intents) == 1 and oi.get("/S") == "/GTS_PDFA1" and
      "sRGB" in oi.get("/OutputConditionIdentifier", ""), str(intents)[:300])
prof = objs.get(oi.get("/DestOutputProfile", ""), {}).get("stream", {})
import base64
data = base64.b64decode(prof.get("data", "")) if prof else b""
with open(icc, "rb") as f:
    want = f.read()
check("the output intent's profile is %s" % icc, data == want,
      "%d bytes against %d" % (len(data), len(want)))
check("the profile is /N 3", prof.get("dict", {}).get("/N") == 3,
      str(prof.get("dict"))[:200])

rc, text, err = run("pdftotext", "-layout", pdf, "-")
check("pdftotext: no warning", rc == 0 and not err.strip(), err[:300])
text = text.decode("utf-8", "replace")
pages = text.split("\f")


def elems():
    for k, o in objs.items():
        v = o.get("value")
        if isinstance(v, dict) and v.get("/Type") == "/StructElem":
            yield k, v


def note_page(n):
    """The pages whose text has note n's line, by its mark at a line's
    start."""
    return [i for i, p in enumerate(pages)
            if re.search(r"^\s*%d\s{2,}\S" % n, p, re.M)]


notes = [v for k, v in elems() if v.get("/S") == "/Note"]
ids = [v.get("/ID") for v in notes]
check("every Note has an /ID, each its own (PDF/UA-1 7.9)",
      all(ids) and len(set(ids)) == len(ids), str(ids[:5]))

if expect:
    rc, st, err = run("pdfinfo", "-struct-text", pdf)
    st = st.decode("utf-8", "replace")
    for line in open(expect, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, arg = line.partition(" ")
        if kind == "span-lang":
            code, _, words = arg.partition(" ")
            spans = [v for k, v in elems() if v.get("/S") == "/Span" and
                     v.get("/Lang") in ("u:" + code, code)]
            check("a Span with /Lang (%s)" % code, spans,
                  "Spans: %s" % [v.get("/Lang") for k, v in elems()
                                 if v.get("/S") == "/Span"])
            # (right to left: each Arabic word's glyphs are kept in the
            # order they are drawn, left to right, which pdfinfo's
            # structure text gives as they stand, the word's letters
            # reversed: README, "Languages"; pdftotext turns them round)
            rtl = code.split("-")[0] in ("ar", "fa", "he", "ur")
            read = " ".join(w[::-1] for w in words.split(" ")) if rtl \
                else words
            found = [s for s in re.findall(r"Span \(inline\)\n\s+\"([^\"]*)\"",
                                           st) if read in s]
            check("the %s Span holds %r" % (code, words), found,
                  st[:300])
            if html:
                h = open(html, encoding="utf-8").read()
                want = '<span lang="%s"%s>%s' % (
                    code, ' dir="rtl"' if rtl else "", words)
                check("HTML %s" % want, want in h, h[:300])
            if docx:
                import zipfile
                x = zipfile.ZipFile(docx).read("word/document.xml").decode()
                # the passage's language for its letters and the rest:
                # w:eastAsia and w:bidi, and w:val (digits and Latin
                # letters) but for a Chinese or Arabic passage, whose
                # digits are not cut as its characters are
                cjk = code.split("-")[0] in ("zh", "ja", "ko")
                val = "" if rtl or cjk else 'w:val="%s" ' % re.escape(code)
                check("Word w:lang %s on %r" % (code, words),
                      re.search(r'<w:lang %sw:eastAsia="%s" '
                                r'w:bidi="%s"/></w:rPr><w:t[^>]*>%s' %
                                ((val,) + (re.escape(code),) * 2 +
                                 (re.escape(words),)), x),
                      "")
        elif kind == "note-once":
            n = text.count(arg)
            check("note text %r once" % arg, n == 1, "%d times" % n)
        elif kind == "marks":
            body = "\n".join(l for p in pages for l in p.split("\n")
                             if not re.match(r"^\s*\d+\s{2,}\S", l))
            marks = re.findall(r"[a-z.,](\d+)(?=\s|$)", body, re.M)
            check("note marks %s" % arg, marks == arg.split(),
                  "found %s" % marks)
        elif kind == "note-links":
            n = int(arg)
            where = note_page(n)
            plist = qpdf_pages
            pnum = {p["object"]: i for i, p in enumerate(plist)}
            dests = []
            for i, p in enumerate(plist):
                for a in val(val(objs[p["object"]]["value"]).get(
                        "/Annots")) or []:
                    av = val(a)
                    d = val(av.get("/Dest"))
                    # its /Contents the note's number, alone or in
                    # the label note_ref's words ("Note 1")
                    said = str(av.get("/Contents", ""))
                    said = said[2:] if said.startswith("u:") else said
                    if isinstance(d, list) and re.fullmatch(
                            r"(.*\D)?%d" % n, said):
                        dests.append((i, pnum.get(d[0])))
            check("links to note %d: %d, from pages %s" %
                  (n, len(dests), sorted({d[0] for d in dests})),
                  len(dests) >= 2 and len({d[0] for d in dests}) >= 2,
                  str(dests))
            check("each leads to the note's page %s" % where,
                  len(where) == 1 and all(d[1] == where[0] for d in dests),
                  str(dests))
        elif kind == "note-after":
            n, _, words = arg.partition(" ")
            # the Document's kids: a line indented two spaces, then
            # what is deeper
            blocks = []
            for l in st.split("\n"):
                if re.match(r"  \S", l):
                    blocks.append([l.strip(), ""])
                elif l.startswith("   ") and blocks:
                    q = re.match(r'\s*"(.*)"$', l)
                    blocks[-1][1] += q.group(1) if q else ""
            at = [i for i, b in enumerate(blocks) if b[0].startswith("Note")
                  and b[1].startswith(n + " ")]
            found = False
            for i in range(at[0] - 1 if at else -1, -1, -1):
                if words in blocks[i][1]:
                    found = True
                    break
                if not blocks[i][0].startswith("Note"):
                    break
            check("note %s follows %r in the structure" % (n, words),
                  at and found,
                  at and [b[0] + " " + b[1][:40]
                          for b in blocks[max(0, at[0] - 2):at[0] + 1]])
        elif kind == "colspan":
            want = int(arg)
            cells = [v for k, v in elems() if v.get("/S") in ("/TD", "/TH")]
            spans = [int((val(v.get("/A")) or {}).get("/ColSpan", 1))
                     for v in cells]
            check("a cell spans %d columns" % want, want in spans,
                  str(sorted(set(spans))))
            widths = set()
            for k, v in elems():
                if v.get("/S") != "/TR":
                    continue
                kk = v.get("/K")
                kk = kk if isinstance(kk, list) else [kk]
                widths.add(sum(int((val(val(c).get("/A")) or {})
                                   .get("/ColSpan", 1))
                               for c in kk if isinstance(val(c), dict) and
                               val(c).get("/S") in ("/TD", "/TH")))
            check("every row spans as many columns %s" % sorted(widths),
                  len(widths) == 1, str(widths))
        else:
            check("known check %r" % kind, False, line)

done()
