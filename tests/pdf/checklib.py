"""What the PDF suite's readers (check_text.py, check_tags.py,
check_archive.py) share: a check that prints "ok NAME" or "FAIL NAME:
why" and counts the failures, a program run with its output kept, and the
exit status that says whether any check failed."""
import json
import subprocess
import sys

failed = 0


def check(name, good, why=""):
    global failed
    if good:
        print("ok", name)
    else:
        failed += 1
        print("FAIL %s: %s" % (name, why))


def run(*args):
    """(status, stdout as bytes, stderr as text) of the program args."""
    p = subprocess.run(args, capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def run_text(*args):
    """run(), its stdout as text."""
    p = subprocess.run(args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def qpdf_objects(pdf):
    """pdf's objects as qpdf --json reads them, streams decoded (checked
    that it does): (objs by "N G R", the trailer's dictionary, val, the
    pages as qpdf lists them) where val(ref) is a reference's value (a
    stream's dictionary), or a direct value itself."""
    rc, out, err = run("qpdf", "--json", "--json-stream-data=inline",
                       "--decode-level=generalized", pdf)
    check("qpdf --json reads it", rc == 0, err[:200])
    whole = json.loads(out) if rc == 0 else {"qpdf": [{}, {}], "pages": []}
    doc = whole["qpdf"][1]
    objs = {k[4:]: v for k, v in doc.items() if k.startswith("obj:")}
    trailer = doc.get("trailer", {}).get("value", {})

    def val(ref):
        if isinstance(ref, str) and ref.endswith(" R") and ref in objs:
            o = objs[ref]
            return o.get("value", o.get("stream", {}).get("dict"))
        return ref

    return objs, trailer, val, whole.get("pages", [])


def done():
    sys.exit(1 if failed else 0)
