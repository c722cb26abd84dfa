#!/usr/bin/env python3
"""The website and the report of one build agree: for each language, the
dashboard's counts and shares are the report's overview table's, each
recommendation page's list of States and dates of measures are the
report's, and a label the project overrides shows in both.  Prints a line
per disagreement and "agree: N passed, N failed".

usage: agree.py OUT LANG... -- OVERRIDE_LANG OVERRIDDEN_WORD...
  OUT holds site/, md/ and the PDFs of one build.
"""
import html
import re
import subprocess
import sys

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


def text_of(h):
    return html.unescape(re.sub(r"<[^>]+>", "", h)).strip()


def md_plain(s):
    """Markdown as read: escapes and emphasis marks off."""
    s = re.sub(r"\\(.)", r"\1", s)
    return s.replace("**", "").strip()


def pdf_text(path):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                         capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", out)


def shares(index_html):
    """[(label, count, percent)] of the dashboard's two tables."""
    counts = "".join(re.findall(r'<table class="counts"[^>]*>(.*?)</table>',
                                index_html, re.S))
    rows = re.findall(r'<tr><th scope="row">(.*?)</th><td class="num">'
                      r'(\d+)</td><td class="num">(.*?)</td></tr>', counts)
    return [(text_of(a), b, text_of(c)) for a, b, c in rows]


def main():
    out = sys.argv[1]
    sep = sys.argv.index("--")
    langs = sys.argv[2:sep]
    over_lang, over_words = sys.argv[sep + 1], sys.argv[sep + 2:]
    for lang in langs:
        site = f"{out}/site/{lang}"
        md = open(f"{out}/md/report-{lang}.md", encoding="utf-8").read()
        md_lines = [md_plain(l) for l in md.splitlines()]
        pdf = pdf_text(f"{out}/report-{lang}.pdf")
        index = open(f"{site}/index.html", encoding="utf-8").read()
        rows = shares(index)
        check(len(rows) == 7, f"{lang}: the dashboard has {len(rows)} "
              "rows of shares, not 3 positions and 4 statuses")
        # the overview table's rows: | label | ... | count | percent |
        table = {}
        for l in md_lines:
            cells = [c.strip() for c in l.strip("|").split("|")]
            if len(cells) >= 4:
                table[cells[0]] = cells
        for label, count, pct in rows[3:]:
            cells = table.get(label)
            check(cells is not None and cells[-2] == count and
                  cells[-1] == pct,
                  f"{lang}: status {label!r}: dashboard {count}, {pct}; "
                  f"report {cells[-2:] if cells else 'no row'}")
        total_pct = sum(int(re.sub(r"\D", "", p) or 0) for _, _, p in rows[3:])
        check(total_pct == 100, f"{lang}: status shares add up to {total_pct}")
        pos_pct = sum(int(re.sub(r"\D", "", p) or 0) for _, _, p in rows[:3])
        check(pos_pct == 100, f"{lang}: position shares add up to {pos_pct}")
        share_row = [c for c in table.values()
                     if any(p == c[1] for _, _, p in rows[:1])]
        check(any([c[1:4] == [p for _, _, p in rows[:3]] for c in share_row]),
              f"{lang}: the position shares {[p for _, _, p in rows[:3]]} "
              "are not the report's")
        # each recommendation: its States and the dates of its measures
        for page in sorted(re.findall(r'href="recommendations/([^"]+)\.html"',
                                      open(f"{site}/recommendations.html",
                                           encoding="utf-8").read())):
            h = open(f"{site}/recommendations/{page}.html",
                     encoding="utf-8").read()
            facts = dict((text_of(k), text_of(v)) for k, v in re.findall(
                r"<dt>(.*?)</dt><dd>(.*?)</dd>", h))
            states = list(facts.values())[2]
            check(any(l.endswith(": " + states) or l.endswith(" : " + states)
                      for l in md_lines),
                  f"{lang} {page}: States {states!r} not in the report")
            check(states in pdf, f"{lang} {page}: States {states!r} not "
                  "in the PDF")
            for date in re.findall(r'<p class="date">(.*?)</p>', h):
                d = text_of(date)
                check(d.lower() in md.lower(),
                      f"{lang} {page}: date {d!r} not in the report")
    site = open(f"{out}/site/{over_lang}/sdgs.html", encoding="utf-8").read()
    pdf = pdf_text(f"{out}/report-{over_lang}.pdf")
    for w in over_words:
        check(w in text_of(site), f"the label {w!r} not on the SDG page")
        check(w in pdf, f"the label {w!r} not in the PDF")
    print(f"agree: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
