#!/usr/bin/env python3
"""order.py DOCX...: the property elements of every WordprocessingML part
(word/*.xml) hold their children in the order the schema sets.  Word
refuses a document ("unreadable content") for less; LibreOffice and
python-docx take it, so nothing else here would notice.

The sequences are those of ECMA-376 Part 1 (wml.xsd): CT_RPr (its
EG_RPrBase), CT_PPrBase with CT_PPr's additions, CT_TblPr, CT_TcPr,
CT_SectPr (after its header and footer references, in any order).
Elements outside a sequence (another namespace, a later edition's) are
not judged.  Prints "ok ..." or "FAIL ..." per document and property."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'

RPR = '''rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow
emboss imprint noProof snapToGrid vanish webHidden color spacing w kern
position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang
eastAsianLayout specVanish oMath rPrChange'''.split()
PPR = '''pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap
overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd
snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc
textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr
sectPr pPrChange'''.split()
TBLPR = '''tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize
tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout
tblCellMar tblLook tblCaption tblDescription tblPrChange'''.split()
TCPR = '''cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar
textDirection tcFitText vAlign hideMark headers cellIns cellDel cellMerge
tcPrChange'''.split()
SECTPR = '''headerReference footerReference footnotePr endnotePr type pgSz
pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote
titlePg textDirection bidi rtlGutter docGrid printerSettings
sectPrChange'''.split()
SEQUENCES = {'rPr': RPR, 'pPr': PPR, 'tblPr': TBLPR, 'tcPr': TCPR,
             'sectPr': SECTPR}


def rank(seq, name):
    # the header and footer references share the first place
    if seq is SECTPR and name == 'footerReference':
        name = 'headerReference'
    return seq.index(name) if name in seq else None


def problems(root):
    out = []
    for parent in root.iter():
        tag = parent.tag[len(W):] if parent.tag.startswith(W) else None
        seq = SEQUENCES.get(tag)
        if not seq:
            continue
        last, last_name = -1, None
        for child in parent:
            if not child.tag.startswith(W):
                continue
            name = child.tag[len(W):]
            r = rank(seq, name)
            if r is None:
                continue
            if r < last:
                out.append('%s: %s after %s' % (tag, name, last_name))
            elif r == last and name not in ('headerReference',
                                             'footerReference'):
                out.append('%s: %s twice' % (tag, name))
            last, last_name = max(last, r), name
    return out


failed = False
for path in sys.argv[1:]:
    z = zipfile.ZipFile(path)
    parts = [n for n in z.namelist()
             if re.match(r'word/[^/]+\.xml$', n)]
    bad = {}
    for n in parts:
        for p in problems(ET.fromstring(z.read(n))):
            bad.setdefault(p, n)
    name = path.rsplit('/', 1)[-1]
    if bad:
        failed = True
        print('FAIL %s: properties out of the schema\'s order (%d kinds): %s'
              % (name, len(bad), '; '.join('%s in %s' % (p, n) for p, n in
                                          list(bad.items())[:4])))
    else:
        print('ok %s: the properties of its %d parts in the schema\'s order'
              % (name, len(parts)))
sys.exit(1 if failed else 0)
