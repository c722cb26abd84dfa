#!/usr/bin/python3
"""pydocx.py DOCX MARKDOWN [--endnotes]: the structure as python-docx
(Debian python3-docx) reads it: headings in the Heading styles, numbered
paragraphs on the numbering definition, real notes as many as the
Markdown's, tables with a repeated header row.  Prints "ok ..." or
"FAIL ..." lines, as check.py."""
import re
import sys

import docx
from docx.oxml.ns import qn


def say(name, cond, why=''):
    print(('ok ' if cond else 'FAIL ') + 'python-docx: ' + name +
          ('' if cond else ': %s' % why))


path, md_path = sys.argv[1], sys.argv[2]
kind = 'endnote' if '--endnotes' in sys.argv else 'footnote'
md = open(md_path, encoding='utf-8').read()
d = docx.Document(path)
names = [p.style.name for p in d.paragraphs]
md_heads = re.findall(r'^(#{1,4}) ', md, re.M)[1:]  # not the cover's title
for lvl in (1, 2, 3):
    want = sum(1 for h in md_heads if len(h) == lvl)
    got = names.count('Heading %d' % lvl)
    say('%d paragraphs in Heading %d, as the Markdown has' % (want, lvl),
        want == got, got)
say('the title in the Title style', names.count('Title') == 1)
num = [p for p in d.paragraphs if p.style.name == 'Numbered Paragraph']
say('numbered paragraphs (%d) on the numbering definition' % len(num),
    num and all(p._p.pPr is not None and p._p.pPr.numPr is not None
                for p in num))
st = d.styles['Numbered Paragraph']
say('the Numbered Paragraph style carries the numbering',
    st.element.pPr is not None and st.element.pPr.numPr is not None)
part = [p for p in d.part.package.parts
        if p.partname == '/word/%ss.xml' % kind]
notes = []
if part:
    from lxml import etree
    root = etree.fromstring(part[0].blob)
    notes = [n for n in root.iter(qn('w:' + kind))
             if int(n.get(qn('w:id'))) > 0]
md_notes = len(re.findall(r'^\[\^[^\]]+\]:', md, re.M))
say('%d real %ss, as the Markdown\'s notes' % (md_notes, kind),
    len(notes) == md_notes, len(notes))
heads = [t.rows[0]._tr.trPr is not None and
         t.rows[0]._tr.trPr.find(qn('w:tblHeader')) is not None
         for t in d.tables]
say('%d tables, each with a repeated header row' % len(heads),
    heads and all(heads))
