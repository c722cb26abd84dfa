#!/usr/bin/env python3
"""in_order.py PLAIN.txt REPORT.md: whether pandoc's plain text of the
Word document (pandoc -f docx -t plain) holds every recommendation's text
and every note's text of the report's Markdown, each in the order of the
Markdown.  Prints "ok ..." or "FAIL ..." lines, as check.py."""
import re
import sys


def norm(s):
    s = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', s)   # links: their text
    s = re.sub(r'\\(.)', r'\1', s)                  # escapes
    s = re.sub(r'[*_`]', '', s)
    s = s.replace('\u2019', "'").replace('\u2018', "'")
    s = s.replace('\u201c', '"').replace('\u201d', '"')
    s = s.replace('\u2014', '--').replace('\u2013', '-')
    return re.sub(r'\s+', ' ', s).strip()


plain = norm(open(sys.argv[1], encoding='utf-8').read())
md = open(sys.argv[2], encoding='utf-8').read()
for what, pattern in (('recommendation texts', r'^> (.+)$'),
                      ('note texts', r'^\[\^[^\]]+\]: (.+)$')):
    items = [norm(t)[:50] for t in re.findall(pattern, md, re.M)]
    at, missing, first = 0, 0, ''
    for t in items:
        k = plain.find(t, at)
        if k < 0:
            missing += 1
            first = first or t
        else:
            at = k + len(t)
    ok = items and not missing
    print(('ok ' if ok else 'FAIL ') + 'pandoc: all %d %s, in order%s'
          % (len(items), what, '' if ok else ' (%d missing or out of '
             'order; first: %s)' % (missing, first)))
