"""What the PDF suite's readers (check_text.py, check_tags.py,
check_archive.py) share: a check that prints "ok NAME" or "FAIL NAME:
why" and counts the failures, a program run with its output kept, and the
exit status that says whether any check failed."""
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


def done():
    sys.exit(1 if failed else 0)
