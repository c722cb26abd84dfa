#!/usr/bin/env python3
"""check-publish.py SITE_DIR PROJECT_DIR — what a publisher and a reader
need of a built website, checked without a browser:

 * every page: one h1, a meta description, a favicon, the versioned
   stylesheet (site-HASH.css, the hash of its content) that exists,
   aria-current on the menu link of that page only, "UPR"/"EPU" as the
   language says it;
 * with site_url in report.yaml: a canonical link to the page's own
   address, absolute hreflang links for every language plus x-default,
   Open Graph url; sitemap.xml listing every page, robots.txt naming it;
   without: none of them, and no sitemap;
 * robots.txt and 404.html always;
 * the report page: one h1 and a table of contents linking to its
   chapters;
 * open data per language (recommendations-LL.csv/.json), the CSV with a
   byte order mark, a license field, page addresses absolute with
   site_url;
 * the search index: each row holds the position, institutions and SDG
   targets of its recommendation;
 * the stylesheet's print rules: chart data tables shown, back links
   hidden, full width;
 * the labels: every key of labels/en.yaml in every other language;
 * with received in report.yaml, the dashboard says how many of them the
   project lists ("48 of the 202 recommendations received").
Exit 0 when all hold, 1 otherwise (each problem printed)."""
import glob, hashlib, json, os, re, sys
from html.parser import HTMLParser

site, project = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
problems = []


def bad(msg):
    problems.append(msg)


def upr_word(lang):
    """The label 'upr' (the project's own labels file first): what every
    page title ends with."""
    for d in (os.path.join(project, "templates", "labels"),
              os.path.join(root, "templates", "labels")):
        try:
            with open(os.path.join(d, lang + ".yaml"), encoding="utf-8") as f:
                for line in f:
                    m = re.match(r'upr:\s*"(.*)"\s*$', line)
                    if m:
                        return m.group(1)
        except OSError:
            pass
    return "UPR"

def report_yaml():
    text = open(os.path.join(project, "content", "report.yaml"), encoding="utf-8").read()
    m = re.search(r"^site_url:\s*(\S+)", text, re.M)
    url = m.group(1) if m else None
    if url and not url.endswith("/"):
        url += "/"
    langs = re.search(r"^languages:\s*\[([^\]]*)\]", text, re.M)
    langs = [l.strip() for l in langs.group(1).split(",")] if langs else []
    rec = re.search(r"^received:\s*(\d+)", text, re.M)
    return url, langs, re.search(r"^license:", text, re.M) is not None, rec and rec.group(1)


site_url, langs, has_license, received = report_yaml()
multi = len(langs) > 1


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.h1 = 0
        self.meta, self.links, self.current, self.og = {}, [], [], {}
        self.in_menu = 0
        self.stack = []
        self.title = ""
        self.in_title = False
        self.toc = False
        self.toc_links = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        if tag == "title" and not self.title:
            self.in_title = True
        if tag == "meta" and a.get("name"):
            self.meta[a["name"]] = a.get("content", "")
        if tag == "meta" and a.get("property"):
            self.og[a["property"]] = a.get("content", "")
        if tag == "link":
            self.links.append(a)
        if tag == "nav" and "menu" in (a.get("class") or ""):
            self.in_menu = 1
        if tag == "nav" and "report-toc" in (a.get("class") or ""):
            self.toc = True
        if tag == "a" and self.toc and a.get("href", "").startswith("#"):
            self.toc_links += 1
        if tag == "a" and a.get("aria-current") == "page":
            self.current.append((a.get("href"), self.in_menu))

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_menu = 0
            self.toc = False
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def parse(path):
    p = Page()
    p.feed(open(path, encoding="utf-8").read())
    return p


css = glob.glob(os.path.join(site, "assets", "site-*.css"))
if len(css) != 1:
    bad("assets/: want one site-HASH.css, have %s" % css)
else:
    data = open(css[0], "rb").read()
    print_css = data.decode("utf-8").split("@media print", 1)[-1]
    for rule in ("details.chart-data::details-content", ".fnback", "max-width: none",
                 "display: table-header-group"):
        if rule not in print_css:
            bad("site.css: the print rules lack %r" % rule)
if not os.path.isfile(os.path.join(site, "assets", "favicon.svg")):
    bad("assets/favicon.svg missing")
for name in ("robots.txt", "404.html"):
    if not os.path.isfile(os.path.join(site, name)):
        bad("%s missing" % name)
robots = open(os.path.join(site, "robots.txt")).read() if os.path.isfile(os.path.join(site, "robots.txt")) else ""

pages = []
for dirpath, _, files in os.walk(site):
    for f in files:
        if f.endswith(".html"):
            pages.append(os.path.relpath(os.path.join(dirpath, f), site))
pages.sort()

menu_files = {"index.html", "report.html", "recommendations.html", "statistics.html",
              "sdgs.html", "data.html", "search.html"}
for rel in pages:
    p = parse(os.path.join(site, rel))
    lang = rel.split("/")[0] if multi and "/" in rel else (langs[0] if langs else "en")
    inner = rel.split("/", 1)[1] if multi and "/" in rel else rel
    if p.h1 != 1:
        bad("%s: %d h1, want 1" % (rel, p.h1))
    if not p.meta.get("description") and rel != "404.html":
        bad("%s: no meta description" % rel)
    if rel == "404.html":
        continue
    sheets = [l.get("href", "") for l in p.links if l.get("rel") == "stylesheet"]
    if len(sheets) != 1 or not re.search(r"assets/site-[0-9a-f]{8}\.css$", sheets[0]) \
            or not os.path.isfile(os.path.normpath(os.path.join(site, os.path.dirname(rel), sheets[0]))):
        bad("%s: stylesheet %s is not the versioned one" % (rel, sheets))
    if not any(l.get("rel") == "icon" for l in p.links):
        bad("%s: no favicon" % rel)
    word = upr_word(lang)
    if not p.title.strip().endswith(word):
        bad("%s: title %r does not end in %s" % (rel, p.title, word))
    canon = [l.get("href") for l in p.links if l.get("rel") == "canonical"]
    alts = {l.get("hreflang"): l.get("href") for l in p.links if l.get("rel") == "alternate"}
    if site_url:
        want = site_url + rel
        if canon != [want]:
            bad("%s: canonical %s, want %s" % (rel, canon, want))
        if p.og.get("og:url") != want:
            bad("%s: og:url %r" % (rel, p.og.get("og:url")))
        if multi and rel != "index.html":
            for l in langs:
                if alts.get(l) != site_url + l + "/" + inner:
                    bad("%s: hreflang %s is %r" % (rel, l, alts.get(l)))
            if alts.get("x-default") != site_url + langs[0] + "/" + inner:
                bad("%s: x-default is %r" % (rel, alts.get("x-default")))
    elif canon or "x-default" in alts:
        bad("%s: canonical or x-default without site_url" % rel)
    if "og:title" not in p.og:
        bad("%s: no Open Graph title" % rel)
    # aria-current: the menu link of this page, and no other
    menu_current = [h for h, in_menu in p.current if in_menu]
    if multi and rel == "index.html":
        pass  # the page to choose a language: no menu
    elif inner in menu_files:
        if len(menu_current) != 1 or not menu_current[0].endswith(inner):
            bad("%s: aria-current on %s" % (rel, menu_current))
    elif menu_current:
        bad("%s: aria-current on %s, which is not this page" % (rel, menu_current))
    if inner == "index.html" and received and not (multi and rel == "index.html"):
        html = open(os.path.join(site, rel), encoding="utf-8").read()
        h2 = re.search(r'<h2 id="totals">(.*?)</h2>', html)
        if not h2 or received not in h2.group(1):
            bad("%s: the dashboard does not say %s were received" % (rel, received))
    if inner == "report.html" and p.toc_links < 3:
        bad("%s: table of contents has %d links" % (rel, p.toc_links))
    # every table has a name a screen reader says (its caption, or what
    # aria-labelledby points at, or at least its scroll box's), and the
    # report's captions differ: one name for every table tells nothing
    html = open(os.path.join(site, rel), encoding="utf-8").read()
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    names = []
    for t in re.finditer(r'(<div class="table-wrap"[^>]*>)?\s*<table([^>]*)>'
                         r'\s*(<caption[^>]*>.*?</caption>)?', html, re.S):
        box, attrs, cap = t.group(1) or "", t.group(2), t.group(3)
        refs = re.findall(r'aria-labelledby="([^"]+)"', box + attrs)
        missing = [i for r in refs for i in r.split() if i not in ids]
        if missing:
            bad("%s: aria-labelledby points at no id: %s" % (rel, missing))
        if not (cap or re.search(r'aria-labelledby="', attrs) or
                re.search(r'aria-label(ledby)?="[^"]', box)):
            bad("%s: a table with no name: <table%s>" % (rel, attrs))
        # the report's own tables (not a chart's data, which a chart
        # drawn twice repeats): each its own name
        if inner == "report.html" and 'class="data"' not in attrs:
            names.append(re.sub(r"<[^>]+>", "", cap) if cap else
                         re.sub(r'.*aria-label="([^"]*)".*', r"\1", box))
    same = sorted({n for n in names if names.count(n) > 1})
    if same:
        bad("%s: tables share a name: %s" % (rel, same[:3]))

if site_url:
    sm = os.path.join(site, "sitemap.xml")
    if not os.path.isfile(sm):
        bad("sitemap.xml missing with site_url")
    else:
        locs = set(re.findall(r"<loc>([^<]*)</loc>", open(sm, encoding="utf-8").read()))
        for rel in pages:
            if rel not in ("404.html", "index.html") and site_url + rel not in locs:
                bad("sitemap.xml lacks %s" % rel)
    if "Sitemap: %ssitemap.xml" % site_url not in robots:
        bad("robots.txt does not name the sitemap")
elif os.path.exists(os.path.join(site, "sitemap.xml")):
    bad("sitemap.xml without site_url")

for lang in langs:
    d = os.path.join(site, lang) if multi else site
    csvp = os.path.join(d, "data", "recommendations-%s.csv" % lang)
    jsonp = os.path.join(d, "data", "recommendations-%s.json" % lang)
    if not os.path.isfile(csvp) or not os.path.isfile(jsonp):
        bad("%s: open data files not named per language" % lang)
        continue
    raw = open(csvp, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        bad("%s: CSV has no byte order mark" % csvp)
    header = raw[3:].split(b"\r\n", 1)[0].decode()
    if not header.endswith(",page,license"):
        bad("%s: header %s" % (csvp, header))
    j = json.load(open(jsonp, encoding="utf-8"))
    if has_license and not j["report"].get("license"):
        bad("%s: no license" % jsonp)
    for rec in j["recommendations"]:
        page = rec["page"]
        if site_url:
            want = site_url + (lang + "/" if multi else "") + "recommendations/"
            if not page.startswith(want):
                bad("%s: page %s is not absolute" % (jsonp, page))
                break
        elif page.startswith("http"):
            bad("%s: page %s absolute without site_url" % (jsonp, page))
            break
    def quotes(t):  # and the no-break spaces typography adds
        for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'),
                     ("\u201d", '"'), ("\u00a0", " "), ("\u202f", " ")):
            t = t.replace(a, b)
        return t

    # the search index holds position, institutions, SDG targets
    idx = open(os.path.join(d, "search-index.js"), encoding="utf-8").read()
    rows = json.loads(idx[idx.index("["):idx.rindex("]") + 1])
    recs = {r["id"]: r for r in j["recommendations"]}
    for row in rows:
        rec = recs.get(row[0])
        if len(row) != 17 or not rec:
            bad("search index row %s: %d fields" % (row[0], len(row)))
            break
        # the pages set quotes and spaces as typesetters do (’, "к\u00a0"),
        # the open data keep the text as typed
        for inst in rec["responsible"]:
            if quotes(inst) not in quotes(row[7]):
                bad("search index %s lacks institution %s" % (row[0], inst))
        if [quotes(x) for x in row[15].split("\x1f")] != \
                [quotes(x) for x in (rec["responsible"] or [""])]:
            bad("search index %s: institutions one by one %r" % (row[0], row[15]))
        for sdg in rec["sdgs"]:
            if sdg not in row[8]:
                bad("search index %s lacks SDG %s" % (row[0], sdg))
        if not row[6]:
            bad("search index %s has no position" % row[0])

# the statistics page: each chart a section named by a heading of its
# own (one h1 over 13 charts left nothing to move from chart to chart by)
for page in pages:
    if os.path.basename(page) != "statistics.html":
        continue
    html = open(os.path.join(site, page), encoding="utf-8").read()
    figures = len(re.findall(r'<figure class="chart', html))
    named = re.findall(r'<section class="stat" aria-labelledby="([^"]+)">\s*<h2 [^>]*id="([^"]+)"', html)
    if len(named) != figures or any(a != b for a, b in named):
        bad("%s: %d charts, %d sections under a heading of their own" %
            (page, figures, len(named)))

# the search page's lists of States and institutions in the order of a
# list for readers: letter by letter whatever the case and accents
# ("Égypte" after "Danemark", not after "Tunisie"; "Ministerio de
# Cultura" before "Ministerio Público")
import unicodedata
from html import unescape
def reading_key(name):
    # a Latin letter without its accent; other scripts' letters as they
    # are (their own orders are not this check's)
    def fold(c):
        base = unicodedata.normalize("NFD", c)[0]
        return base if base < "\u0250" else c
    return ("".join(fold(c) for c in name.casefold()), name)
for page in glob.glob(os.path.join(site, "**", "search.html"), recursive=True):
    html = open(page, encoding="utf-8").read()
    for select in ("f-state", "f-institution"):
        m = re.search(r'<select id="%s".*?</select>' % select, html, re.S)
        names = [unescape(v) for v in re.findall(r'<option value="([^"]+)">', m.group(0))] if m else []
        if names != sorted(names, key=reading_key):
            bad("%s: %s not in reading order: %s" % (page, select, names[:12]))

# the labels: every English key in every other language
labels = os.path.join(root, "templates", "labels")
def keys(path):
    return set(re.findall(r"^([a-z_0-9]+):", open(path, encoding="utf-8").read(), re.M))
en = keys(os.path.join(labels, "en.yaml"))
for path in glob.glob(os.path.join(labels, "*.yaml")):
    # ordinals are a rule of each language (English "1st, 2nd")
    missing = {k for k in en - keys(path) if not k.startswith("format_ordinal_")}
    if missing:
        bad("%s lacks %s" % (os.path.basename(path), sorted(missing)))

for p in problems:
    print(p)
print("publish: %d pages, %d problems" % (len(pages), len(problems)))
sys.exit(1 if problems else 0)
