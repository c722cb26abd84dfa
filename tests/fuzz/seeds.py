#!/usr/bin/env python3
"""seeds.py OUT ROOT SHARED -- writes the seed inputs of every fuzz target
into OUT/TARGET/, from the example content, the templates, the test
fixtures and the shared specifications and data.  Seeds are made anew
before each fuzzing run; what the fuzzer finds worth keeping goes into
tests/fuzz/corpus/ (see run.sh)."""
import glob
import hashlib
import json
import os
import re
import sys

out, root, shared = sys.argv[1:4]
SEP = b"\n=====\n"
MAX = 64 * 1024


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    data = data[:MAX]
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def chunks(data, size):
    """The file cut at line ends into pieces of about `size` bytes."""
    lines = data.splitlines(keepends=True)
    piece = b""
    for line in lines:
        piece += line
        if len(piece) >= size:
            yield piece
            piece = b""
    if piece:
        yield piece


# --- yaml: every YAML file of the project -----------------------------------
yamls = (glob.glob(f"{root}/content/*.yaml")
         + glob.glob(f"{root}/templates/labels/*.yaml")
         + glob.glob(f"{root}/tests/check/*/content/*.yaml")
         + glob.glob(f"{root}/tests/build/*/content/*.yaml"))
for y in yamls:
    data = read(y)
    if len(data) > MAX:
        for piece in chunks(data, 8192):
            put("fuzz_yaml", piece)
    else:
        put("fuzz_yaml", data)
put("fuzz_yaml", b"a: &a [x, *a]\n")
put("fuzz_yaml", b"a0: &a0 [l, l]\na1: &a1 [*a0, *a0]\na2: [*a1, *a1]\n")
put("fuzz_yaml", b"k: v\nk: w\n")
put("fuzz_yaml", b"x: " + b"[" * 80 + b"]" * 80 + b"\n")
put("fuzz_yaml", "\ufeffa: 1\r\nb: \"\\u00e9\\0\"\r\n".encode())

# --- load: report projects joined by SEP -------------------------------------
FILES = ["report.yaml", "clusters.yaml", "recommendations.yaml",
         "statistics.yaml"]


def project(content, chapter=None):
    parts = []
    for name in FILES:
        p = os.path.join(content, name)
        if not os.path.exists(p):
            break
        data = read(p)
        if name == "report.yaml":
            data = re.sub(rb"(?ms)^chapters:.*?(?=^\S|\Z)", b"", data)
            if chapter is not None:
                data += b"chapters: [chapters/c.md]\n"
        parts.append(data)
    if chapter is not None and len(parts) == len(FILES):
        parts.append(chapter)
    return SEP.join(parts)


example = f"{root}/content"
recs = read(f"{example}/recommendations.yaml")
# the example cut to its first recommendations, to stay small
first = b"".join(list(chunks(recs, 6000))[:1])
cut = first[: first.rfind(b"\n- id:")] + b"\n" if b"\n- id:" in first else first
for chap in sorted(glob.glob(f"{example}/chapters/*.en.md"))[:2] + [None]:
    parts = []
    for name in FILES:
        data = read(f"{example}/{name}") if name != "recommendations.yaml" else cut
        if name == "report.yaml":
            data = re.sub(rb"(?ms)^chapters:.*?(?=^\S|\Z)", b"", data)
            if chap:
                data += b"chapters: [chapters/c.md]\n"
        parts.append(data)
    if chap:
        parts.append(read(chap))
    put("fuzz_load", SEP.join(parts))
for case in sorted(glob.glob(f"{root}/tests/check/*/content")):
    put("fuzz_load", project(case))
put("fuzz_load", project(f"{root}/tests/check/valid-minimal/content",
                         b"# Intro\n\n```chart budget\n```\n\nText[^1].\n\n[^1]: Note.\n"))

# --- mustache: the spec's tests, the templates with a little data ------------
try:
    import yaml
except ImportError:
    yaml = None
if yaml:
    for spec in sorted(glob.glob(f"{shared}/conformance/mustache/*.yml")):
        with open(spec, encoding="utf-8") as f:
            tests = yaml.safe_load(f).get("tests", [])
        for t in tests:
            tmpl = t["template"]
            partials = t.get("partials") or {}
            names = sorted(partials)
            rename = {n: chr(ord("a") + i) for i, n in enumerate(names[:6])}
            texts = []
            for n in names[:6]:
                texts.append(partials[n])
            def fix(s):
                for n, letter in rename.items():
                    s = re.sub(r"(\{\{\s*[>< ]\s*)" + re.escape(n) + r"(\s*\}\})",
                               lambda m: m.group(1) + letter + m.group(2), s)
                return s
            tmpl = fix(tmpl)
            texts = [fix(x) for x in texts]
            data = t.get("data")
            if callable(data) or (isinstance(data, dict) and "lambda" in data):
                data = {}
            try:
                data_text = json.dumps(data, ensure_ascii=False)
            except TypeError:
                data_text = "{}"
            put("fuzz_mustache", SEP.join(
                [s.encode() for s in [tmpl, data_text] + texts]))
labels = read(f"{root}/templates/labels/en.yaml")
small_ctx = (b"report: {title: T, state: S}\nlabels: {}\n"
             b"clusters: [{id: a, title: A, recommendations: [{id: '1', text: x}]}]\n")
for t in sorted(glob.glob(f"{root}/templates/*.md")) + \
        sorted(glob.glob(f"{root}/templates/*.html")):
    data = read(t)
    if len(data) < 16384:
        put("fuzz_mustache", data + SEP + small_ctx)
put("fuzz_mustache", b"{{>a}}" + SEP + b"{}" + SEP + b"{{>a}}")
put("fuzz_mustache", b"{{#x}}unclosed" + SEP + b"x: [1, 2]")
put("fuzz_mustache", b"{{=<% %>=}}<% x %>{{x}}" + SEP + b"x: '<b>*y*</b>'")
put("fuzz_mustache", b"{{<a}}{{$b}}B{{/b}}{{/a}}" + SEP + b"{}" + SEP + b"[{{$b}}x{{/b}}]")

# --- csv: the importers' fixtures and slices of the real exports -------------
for f in glob.glob(f"{root}/tests/import/*.csv") + glob.glob(f"{root}/tests/import/*.txt"):
    put("fuzz_csv", read(f))
for f in sorted(glob.glob(f"{shared}/data/upr-info/*.csv")):
    data = read(f)
    lines = data.split(b"\r")
    header = lines[0]
    peru = [l for l in lines[1:] if l.startswith(b"Peru,")]
    other = lines[1:40]
    if peru:
        put("fuzz_csv", b"\r".join([header] + peru[:30]) + b"\r")
    put("fuzz_csv", b"\r".join([header] + [l.replace(b"Afghanistan", b"Peru", 1) for l in other]) + b"\r")
for f in glob.glob(f"{shared}/data/ohchr-matrix/*.txt"):
    data = read(f)
    put("fuzz_csv", data[:12000])
put("fuzz_csv", b"a,b\r\n\"x\"\"y\",\"multi\nline\"\r\n\"open")
put("fuzz_csv", b"a;b;c\n1;2;3\n")

# --- markdown: chapters, the expanded example, the CommonMark examples -------
for f in sorted(glob.glob(f"{root}/content/chapters/*.md")):
    put("fuzz_markdown", read(f))
for f in sorted(glob.glob(f"{root}/tests/golden/*.md")):
    for piece in chunks(read(f), 16384):
        put("fuzz_markdown", piece)
spec = f"{shared}/conformance/commonmark/spec.txt"
if os.path.exists(spec):
    text = read(spec).decode()
    fence = "`" * 32
    for m in re.finditer(fence + r" example[^\n]*\n(.*?)\n\.\n", text, re.S):
        put("fuzz_markdown", m.group(1).replace("\u2192", "\t") + "\n")
put("fuzz_markdown", "<!-- uprgen:numbering on -->\n\nPara one.\n\n```chart "
    "nope\n```\n\n```matrix cluster=x status=implemented sdg=16.10\n```\n\n"
    "| a | b |\n|---|:-:|\n| 1 | 2 |\n\nText[^n]\n\n[^n]: Note\n")
put("fuzz_markdown", "# " + "w" * 3000 + "\n\n" + "x" * 20000 + "\n")
put("fuzz_markdown", "|" + "c|" * 300 + "\n|" + "-|" * 300 + "\n|" + "1|" * 300 + "\n")

# --- html: the same seeds as markdown ----------------------------------------
import shutil
if os.path.isdir(os.path.join(out, "fuzz_markdown")):
    shutil.copytree(os.path.join(out, "fuzz_markdown"), os.path.join(out, "fuzz_html"),
                    dirs_exist_ok=True)

# --- office: a matrix's document part and a workbook's parts, as fuzz_office
# takes them (split at SEP), and a real Word matrix whole ----------------------
import tempfile
import zipfile
sys.path.insert(0, os.path.join(root, "tests", "import"))
import office_files  # noqa: E402
with tempfile.TemporaryDirectory() as t:
    office_files.docx(os.path.join(t, "m.docx"), os.path.join(root, "tests", "import", "assessed.json"))
    z = zipfile.ZipFile(os.path.join(t, "m.docx"))
    put("fuzz_office", z.read("word/document.xml"))
    csv_file = os.path.join(root, "tests", "import", "uhri-peru.csv")
    office_files.xlsx(os.path.join(t, "u.xlsx"), csv_file, 40)
    z = zipfile.ZipFile(os.path.join(t, "u.xlsx"))
    put("fuzz_office", SEP.join(z.read(n) for n in ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                                      "xl/styles.xml", "xl/workbook.xml")))
for f in sorted(glob.glob(f"{shared}/data/ohchr-matrix/*.docx")):
    data = read(f)
    if len(data) <= MAX:
        put("fuzz_office", data)
    doc = zipfile.ZipFile(f).read("word/document.xml")
    put("fuzz_office", doc[:MAX])
