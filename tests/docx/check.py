#!/usr/bin/env python3
"""Reads a .docx as a Word reader would (python3 zipfile + xml.etree) and
checks its structure.  Prints one "ok NAME" or "FAIL NAME: why" line per
check; exits 0.  The suite (run.sh) counts the lines.

usage: check.py DOCX MARKDOWN [--endnotes] [--no-matrix]
  MARKDOWN  the report's expanded Markdown (build/md/report-LL.md): the
            notes to count, the headings to find.
Also: check.py --text DOCX   prints the document's text (every w:t of the
      body and notes, paragraphs on lines), for the hostile checks.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
PR = '{http://schemas.openxmlformats.org/package/2006/relationships}'
C = '{http://schemas.openxmlformats.org/drawingml/2006/chart}'
WP = '{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}'

results = []


def check(name, cond, why=''):
    results.append(name)
    print(('ok ' + name) if cond else ('FAIL %s: %s' % (name, why)))


def parts(path):
    z = zipfile.ZipFile(path)
    # bounded: a document of this suite is far below this
    total = sum(i.file_size for i in z.infolist())
    if total > 512 * 1024 * 1024:
        raise SystemExit('FAIL size: %d bytes unzipped' % total)
    return z, {n: z.read(n) for n in z.namelist()}


def text_of(root):
    lines = []
    for p in root.iter(W + 'p'):
        s = ''.join(t.text or '' for t in p.iter(W + 't'))
        lines.append(s)
    return lines


def main():
    if sys.argv[1] == '--text':
        z, data = parts(sys.argv[2])
        for n in ('word/document.xml', 'word/footnotes.xml',
                  'word/endnotes.xml'):
            print('\n'.join(text_of(ET.fromstring(data[n]))))
        return
    path, md_path = sys.argv[1], sys.argv[2]
    endnotes = '--endnotes' in sys.argv
    want_matrix = '--no-matrix' not in sys.argv
    md = open(md_path, encoding='utf-8').read()
    z, data = parts(path)
    names = list(data)
    check('content types first', names[0] == '[Content_Types].xml', names[0])
    trees = {}
    bad = []
    for n, b in data.items():
        if n.endswith('.xml') or n.endswith('.rels'):
            try:
                trees[n] = ET.fromstring(b)
            except ET.ParseError as e:
                bad.append('%s: %s' % (n, e))
    check('every part well-formed XML', not bad, '; '.join(bad))
    for need in ('word/document.xml', 'word/styles.xml', 'word/numbering.xml',
                 'word/footnotes.xml', 'word/endnotes.xml',
                 'word/settings.xml', 'word/header1.xml', 'word/footer1.xml',
                 'docProps/core.xml', 'docProps/app.xml', '_rels/.rels',
                 'word/_rels/document.xml.rels'):
        check('part ' + need, need in trees, 'missing')
    doc = trees['word/document.xml']
    styles = trees['word/styles.xml']

    # content types name every part
    ct = trees['[Content_Types].xml']
    over = {o.get('PartName') for o in ct}
    exts = {d.get('Extension') for d in ct if d.get('Extension')}
    untyped = [n for n in names if '/' + n not in over
               and n.rsplit('.', 1)[-1] not in exts]
    check('every part has a content type', not untyped, untyped)

    # relationships: every r:id used is defined, targets exist
    rels = {r.get('Id'): r for r in trees['word/_rels/document.xml.rels']}
    used = set()
    for part in ('word/document.xml',):
        for el in trees[part].iter():
            for k, v in el.attrib.items():
                if k == R + 'id':
                    used.add(v)
    check('every r:id is a relationship', used <= set(rels),
          used - set(rels))
    missing = [r.get('Target') for r in rels.values()
               if r.get('TargetMode') != 'External'
               and 'word/' + r.get('Target') not in data]
    check('every internal target exists', not missing, missing)

    # styles: every style used is defined; the ones Word users expect
    defined = {s.get(W + 'styleId') for s in styles.iter(W + 'style')}
    used_styles = set()
    for part in ('word/document.xml', 'word/footnotes.xml',
                 'word/endnotes.xml', 'word/header1.xml', 'word/footer1.xml'):
        for tag in ('pStyle', 'rStyle', 'tblStyle'):
            for el in trees[part].iter(W + tag):
                used_styles.add(el.get(W + 'val'))
    check('every style used is defined', used_styles <= defined,
          used_styles - defined)
    for s in ('Title', 'Heading1', 'Heading2', 'Heading3', 'BodyText',
              'NumberedPara', 'ListParagraph', 'ListBullet', 'ListNumber',
              'UprTable', 'Caption',
              'FootnoteText', 'EndnoteText', 'Hyperlink', 'TOC1'):
        check('style %s defined' % s, s in defined)
    pstyle = {}
    for p in doc.iter(W + 'p'):
        ps = p.find(W + 'pPr/' + W + 'pStyle')
        pstyle.setdefault(ps.get(W + 'val') if ps is not None else None,
                          []).append(p)
    for s in ('Title', 'Heading1', 'Heading2', 'NumberedPara'):
        check('style %s used' % s, s in pstyle)

    # headings: every "# X" / "## X" of the Markdown is a Heading paragraph
    def plain(s):
        s = re.sub(r'\\(.)', r'\1', s)
        s = re.sub(r'[*_`]', '', s)
        s = s.replace("'", '\u2019').replace('"', '')
        return re.sub(r'\s+', ' ', s).strip()

    heads = {}
    for lvl in (1, 2, 3):
        heads[lvl] = [plain(''.join(t.text or '' for t in p.iter(W + 't')))
                      .replace('"', '').replace('\u201c', '')
                      .replace('\u201d', '')
                      for p in pstyle.get('Heading%d' % lvl, [])]
    md_heads = re.findall(r'^(#{1,3}) (.+)$', md, re.M)
    # the cover's title is the title page's, not a heading
    missing = []
    for hashes, t in md_heads[1:]:
        t = plain(t).replace('\u201c', '').replace('\u201d', '')
        if t not in heads[len(hashes)]:
            missing.append(t)
    check('every Markdown heading is a Word heading of its level',
          not missing, missing[:5])

    # numbered paragraphs: the Word numbering definition, in numbering.xml
    num = trees['word/numbering.xml']
    nums = {n.get(W + 'numId'): n.find(W + 'abstractNumId').get(W + 'val')
            for n in num.iter(W + 'num')}
    para_num = [p.find(W + 'pPr/' + W + 'numPr/' + W + 'numId')
                for p in pstyle.get('NumberedPara', [])]
    ok = bool(para_num) and all(
        n is not None and n.get(W + 'val') in nums for n in para_num)
    check('numbered paragraphs use a numbering definition', ok)
    st = [s for s in styles.iter(W + 'style')
          if s.get(W + 'styleId') == 'NumberedPara'][0]
    check('NumberedPara style is tied to the numbering',
          st.find(W + 'pPr/' + W + 'numPr/' + W + 'numId') is not None)
    lvl = [a for a in num.iter(W + 'abstractNum')
           if a.get(W + 'abstractNumId') == nums.get('1')]
    check('the paragraph numbering is decimal "%1."',
          lvl and lvl[0].find(W + 'lvl/' + W + 'lvlText').get(W + 'val')
          == '%1.')

    # notes: real Word notes, as many as the Markdown defines
    md_notes = len(re.findall(r'^\[\^[^\]]+\]:', md, re.M))
    kind = 'endnote' if endnotes else 'footnote'
    other = 'footnote' if endnotes else 'endnote'
    notes = [n for n in trees['word/%ss.xml' % kind].iter(W + kind)
             if int(n.get(W + 'id')) > 0]
    refs = list(doc.iter(W + kind + 'Reference'))
    check('%ss: as many as the Markdown\'s notes (%d)' % (kind, md_notes),
          len(notes) == md_notes, '%d notes' % len(notes))
    check('every %s referred to once from the body' % kind,
          sorted(int(r.get(W + 'id')) for r in refs)
          == sorted(int(n.get(W + 'id')) for n in notes))
    check('no %ss' % other,
          not [n for n in trees['word/%ss.xml' % other].iter(W + other)
               if int(n.get(W + 'id')) > 0] and
          not list(doc.iter(W + other + 'Reference')))
    check('every note has its mark',
          all(list(n.iter(W + kind + 'Ref')) for n in notes))

    # tables: header rows repeat, rows do not split
    tbls = list(doc.iter(W + 'tbl'))
    check('tables', bool(tbls) or '|---' not in md)
    check('every table has a repeated header row',
          all(t.find(W + 'tr/' + W + 'trPr/' + W + 'tblHeader') is not None
              for t in tbls))
    # a screen reader names a table by its title (Word's "Alt Text")
    untitled = [t for t in tbls
                if not (t.find(W + 'tblPr/' + W + 'tblCaption') is not None
                        and t.find(W + 'tblPr/' + W + 'tblCaption')
                        .get(W + 'val', '').strip())]
    check('every table has a title (w:tblCaption)', not untitled,
          '%d of %d untitled' % (len(untitled), len(tbls)))
    check('no row splits across pages',
          all(tr.find(W + 'trPr/' + W + 'cantSplit') is not None
              for t in tbls for tr in t.iter(W + 'tr')))
    # two tables that touch are one table to Word: a paragraph between
    body = doc.find(W + 'body')
    kids = list(body) if body is not None else []
    check('no table right after another',
          not any(a.tag == W + 'tbl' and b.tag == W + 'tbl'
                  for a, b in zip(kids, kids[1:])))

    # sections: the annex matrix in landscape
    sects = list(doc.iter(W + 'sectPr'))
    land = [s for s in sects
            if s.find(W + 'pgSz').get(W + 'orient') == 'landscape']
    if want_matrix:
        check('a landscape section (the annex matrix)', bool(land))
        body = doc.find(W + 'body')
        last = body[-1]
        check('the document ends in portrait or landscape with its sectPr',
              last.tag == W + 'sectPr')
    for s in sects:
        if s.find(W + 'headerReference') is None:
            check('every section has the header', False)
            break

    # language on every run
    runs = list(doc.iter(W + 'r'))
    nolang = [r for r in runs if r.find(W + 'rPr/' + W + 'lang') is None]
    check('every run has w:lang (%d runs)' % len(runs), not nolang,
          '%d without' % len(nolang))
    langs = {r.find(W + 'rPr/' + W + 'lang').get(W + 'val') for r in runs}
    check('one language on the runs', len(langs) == 1, langs)

    # navigation: TOC field, bookmarks, internal and external links
    instr = ' '.join(t.text or '' for t in doc.iter(W + 'instrText'))
    check('a TOC field', re.search(r'\bTOC\b', instr) is not None, instr[:80])
    marks = {b.get(W + 'name') for b in doc.iter(W + 'bookmarkStart')}
    ids = [b.get(W + 'id') for b in doc.iter(W + 'bookmarkStart')]
    check('bookmark ids unique', len(ids) == len(set(ids)))
    anchors = [h.get(W + 'anchor') for h in doc.iter(W + 'hyperlink')
               if h.get(W + 'anchor')]
    check('internal links', bool(anchors))
    check('every internal link has its bookmark',
          set(anchors) <= marks, set(anchors) - marks)
    recs = re.findall(r'^### \S.* (\S+)$', md, re.M)
    if want_matrix:
        check('the matrix links to the recommendations',
              any(a.startswith('rec') for a in anchors))
    ext = [r for r in rels.values() if r.get('TargetMode') == 'External']
    if re.search(r'\]\((https?:|mailto:)', md):
        check('external links', bool(ext))

    # charts: native, their values cached, with a text alternative
    if '```chart' in md:
        charts = [n for n in names if n.startswith('word/charts/')]
        check('native chart parts', bool(charts))
        check('every chart caches its values',
              all(list(trees[n].iter(C + 'numCache')) for n in charts))
        # each bar's figure written beside it, grouped by thousands, as
        # in the PDF
        check('every chart shows its figures',
              all(any(s.get('val') == '1'
                      for s in trees[n].iter(C + 'showVal'))
                  for n in charts))
        # (Spanish, French and Russian leave four digits whole but on a
        # scale of five, and give the locale of their separators:
        # "[$-40C]0"; figures with decimals beside whole ones are General)
        check('figures and value axes grouped by thousands',
              all(re.sub(r'^\[\$-[0-9A-F]+\]', '', f.get('formatCode', ''))
                  .startswith('#,##0') or
                  (re.match(r'^(\[\$-(40C|419)\])?(0|General)$', f.get('formatCode', ''))
                   and max(float(v.text) for v in trees[n].iter(C + 'v')
                           if re.fullmatch(r'-?[0-9.]+', v.text or '')) < 10000)
                  for n in charts
                  for parent in ('dLbls', 'valAx')
                  for el in trees[n].iter(C + parent)
                  for f in el.findall(C + 'numFmt')))
        # rows kept together as the PDF keeps them (pdf_table.c): the
        # header with the first two rows, the last two together, a table
        # of three rows or fewer whole; Word left a header and one row at
        # the foot of a page (review 17)
        def kept(row):
            p = row.find('.//' + W + 'p')
            return p is not None and p.find(W + 'pPr/' + W + 'keepNext') is not None
        wrong = []
        for t, tbl in enumerate(doc.iter(W + 'tbl')):
            rows = tbl.findall(W + 'tr')
            body = len(rows) - 1
            want = [i + 1 < len(rows) and (i == 0 or body <= 3 or i == 1 or
                                           i == len(rows) - 2)
                    for i in range(len(rows))]
            if [kept(r) for r in rows] != want:
                wrong.append(t)
        check('table rows kept with the next as the PDF keeps them',
              not wrong, 'tables %s' % wrong[:5])
        prs = list(doc.iter(WP + 'docPr'))
        check('every drawing has a text alternative',
              prs and all(p.get('descr') for p in prs))

    # properties
    core = trees['docProps/core.xml']
    dc = '{http://purl.org/dc/elements/1.1/}'
    check('title property', bool(core.findtext(dc + 'title')))
    check('creator property', bool(core.findtext(dc + 'creator')))
    check('language property', core.findtext(dc + 'language') in langs)
    hdr = ''.join(t.text or '' for t in trees['word/header1.xml'].iter(W + 't'))
    sym = re.search(r'^symbol: (.+)$', md, re.M)
    check('header holds the symbol', bool(hdr.strip()))
    ftr = ' '.join(t.text or '' for t in
                   trees['word/footer1.xml'].iter(W + 'instrText'))
    check('footer has a PAGE field', 'PAGE' in ftr)


if __name__ == '__main__':
    main()
