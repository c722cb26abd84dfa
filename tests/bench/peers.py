#!/usr/bin/env python3
"""peers.py — the synthetic report (peer.md, written by gencorpus.c) as the
peers read it; bench.sh runs it, outside the timed runs.

  peers.py hugo PEER_MD DIR    a Hugo project in DIR: the same pages as
                               uprgen's site that carry the report's text
                               (the report, one page per cluster, one per
                               recommendation) and a minimal layout
  peers.py typst PEER_MD OUT   the same report as one Typst document

Only what gencorpus writes is converted (headings, paragraphs with bold,
emphasis, links and footnotes, block quotes, lists, GFM tables): anything
else stops the conversion with an error, so that a change to gencorpus
cannot quietly make a peer's work smaller than uprgen's.
"""
import os
import re
import sys

FOOTDEF = re.compile(r'^\[\^([^\]]+)\]: (.*)$')
REC = re.compile(r'^### Recommendation (\S+)$')


def die(msg):
    sys.exit('peers.py: ' + msg)


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read().split('\n')


# ---- Hugo ------------------------------------------------------------------

def slug(text):
    return re.sub(r'[^a-z0-9]+', '-', text.lower()).strip('-')


def front(title):
    return '---\ntitle: "%s"\n---\n\n' % title.replace('\\', '\\\\').replace('"', '\\"')


LAYOUT = '''<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} — {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "site.css" | relURL }}">
</head>
<body>
<nav><a href="{{ "" | relURL }}">{{ .Site.Title }}</a> ·
<a href="{{ "report/" | relURL }}">Report</a></nav>
<main>
<h1>{{ .Title }}</h1>
{{ block "main" . }}{{ .Content }}{{ end }}
</main>
</body>
</html>
'''

HOME = '''{{ define "main" }}
<ul>
{{ range where .Site.RegularPages "Section" "clusters" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
'''

CONFIG = '''baseURL = "/"
languageCode = "en"
title = "Voluntary mid-term report"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]
[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.extensions]
table = true
footnote = true
strikethrough = true
linkify = true
typographer = true
'''


def hugo(md, out):
    """The report page whole; a page per cluster (its introduction and the
    list of its recommendations) and per recommendation (its section of the
    report, footnotes included), cut from the chapter on clusters."""
    c = os.path.join(out, 'content')
    for d in ('recommendations', 'clusters', 'report'):
        os.makedirs(os.path.join(c, d), exist_ok=True)
    os.makedirs(os.path.join(out, 'layouts', '_default'), exist_ok=True)
    os.makedirs(os.path.join(out, 'static'), exist_ok=True)
    with open(os.path.join(out, 'config.toml'), 'w') as f:
        f.write(CONFIG)
    with open(os.path.join(out, 'layouts', '_default', 'baseof.html'), 'w') as f:
        f.write(LAYOUT.replace('{{ block "main" . }}{{ .Content }}{{ end }}',
                               '{{ block "main" . }}{{ end }}'))
    with open(os.path.join(out, 'layouts', '_default', 'single.html'), 'w') as f:
        f.write('{{ define "main" }}{{ .Content }}{{ end }}\n')
    with open(os.path.join(out, 'layouts', 'index.html'), 'w') as f:
        f.write(HOME)
    with open(os.path.join(out, 'static', 'site.css'), 'w') as f:
        f.write('body { font-family: sans-serif; max-width: 50em; margin: auto; }\n')
    with open(os.path.join(out, 'content', '_index.md'), 'w') as f:
        f.write(front('Voluntary mid-term report'))
    with open(os.path.join(c, 'report', 'index.md'), 'w') as f:
        f.write(front(md[0].lstrip('# ')) + '\n'.join(md[1:]))
    # the chapter on clusters: from its heading to the next "# "
    try:
        start = md.index('# Implementation of the recommendations by thematic cluster')
    except ValueError:
        die('no chapter "Implementation of the recommendations by thematic cluster"')
    end = next((i for i in range(start + 1, len(md)) if md[i].startswith('# ')), len(md))
    cluster = None
    rec = None
    pages = {'cluster': 0, 'rec': 0}

    def flush_rec():
        if rec:
            with open(os.path.join(c, 'recommendations', slug(rec[0]) + '.md'), 'w') as f:
                f.write(front('Recommendation ' + rec[0]) + '\n'.join(rec[1]) + '\n')
            pages['rec'] += 1

    def flush_cluster():
        if cluster:
            with open(os.path.join(c, 'clusters', slug(cluster[0]) + '.md'), 'w') as f:
                f.write(front(cluster[0]) + '\n'.join(cluster[1]) + '\n')
            pages['cluster'] += 1

    for line in md[start + 1:end]:
        m = REC.match(line)
        if line.startswith('## '):
            flush_rec()
            rec = None
            flush_cluster()
            cluster = (line[3:], [])
        elif m:
            flush_rec()
            rec = (m.group(1), [])
            quote = None
            cluster[1].append('- [Recommendation %s](/recommendations/%s/)' % (m.group(1), slug(m.group(1))))
        elif rec:
            rec[1].append(line)
            # the recommendation's text and status in the cluster's list
            if line.startswith('> '):
                cluster[1][-1] += ': ' + line[2:]
            elif line.startswith('- **Status of implementation:** '):
                cluster[1][-1] += ' (' + line.split(':** ', 1)[1] + ')'
        elif cluster:
            cluster[1].append(line)
    flush_rec()
    flush_cluster()
    print('%d clusters, %d recommendations' % (pages['cluster'], pages['rec']))


# ---- Typst -----------------------------------------------------------------

PREAMBLE = '''// peers.py typst: the synthetic report as Typst typesets it; A4 with the
// margins, faces and sizes of uprgen's PDF (gen/pdf_int.h, gen/pdf_font.c)
#set document(title: "Voluntary mid-term report")
#set page(paper: "a4", margin: (left: 90pt, right: 75pt, top: 78pt, bottom: 70pt), numbering: "1")
#set text(font: "Noto Serif", size: 10.5pt, lang: "en", hyphenate: true)
#set par(justify: true)
#show heading: set text(font: "Noto Sans")
#show table: set text(size: 8.5pt)
#show link: set text(fill: rgb("#1a4f8a"))

'''

ESCAPE = re.compile(r'([\\#$*_@<>\[\]`~=/+\-])')
INLINE = re.compile(r'\*\*(.+?)\*\*|\*(.+?)\*|\[\^([^\]]+)\]|\[([^\]]+)\]\(([^)\s]+)\)')


def esc(text):
    return ESCAPE.sub(r'\\\1', text)


def inline(text, notes):
    out = []
    pos = 0
    for m in INLINE.finditer(text):
        out.append(esc(text[pos:m.start()]))
        if m.group(1) is not None:
            out.append('*' + inline(m.group(1), notes) + '*')
        elif m.group(2) is not None:
            out.append('_' + inline(m.group(2), notes) + '_')
        elif m.group(3) is not None:
            if m.group(3) not in notes:
                die('footnote [^%s] has no text' % m.group(3))
            out.append('#footnote[' + inline(notes[m.group(3)], notes) + ']')
        else:
            out.append('#link("%s")[%s]' % (m.group(5).replace('\\', '\\\\').replace('"', '\\"'),
                                            inline(m.group(4), notes)))
        pos = m.end()
    out.append(esc(text[pos:]))
    return ''.join(out)


def cells(line):
    return [x.strip() for x in line.strip().strip('|').split('|')]


def typst(md, out):
    notes = {}
    body = []
    for line in md:
        m = FOOTDEF.match(line)
        if m:
            notes[m.group(1)] = m.group(2)
        else:
            body.append(line)
    o = [PREAMBLE]
    i = 0
    # the title page and a table of contents, as uprgen's report has
    while i < len(body):
        line = body[i]
        if not line.strip():
            o.append('')
            i += 1
        elif line.startswith('#'):
            h = re.match(r'^(#{1,6}) (.*)$', line)
            if not h:
                die('line %d: heading without a space' % (i + 1))
            o.append('=' * len(h.group(1)) + ' ' + inline(h.group(2), notes))
            if i == 0:
                o.append('#outline(indent: auto)')
            i += 1
        elif line.startswith('|'):
            rows = []
            while i < len(body) and body[i].startswith('|'):
                rows.append(cells(body[i]))
                i += 1
            if len(rows) < 2 or not all(re.fullmatch(r':?-+:?', x) for x in rows[1]):
                die('a table without its delimiter row')
            align = ['right' if a.endswith(':') and not a.startswith(':') else 'left' for a in rows[1]]
            n = len(rows[1])
            o.append('#table(columns: %d, align: (%s), inset: 4pt, stroke: 0.4pt,'
                     % (n, ', '.join(align)))
            # (Typst 0.10 has no table.header: the first row in bold)
            o.append('  ' + ', '.join('[*' + inline(x, notes) + '*]' if x else '[]'
                                      for x in rows[0]) + ',')
            for r in rows[2:]:
                if len(r) != n:
                    die('a table row of %d cells, not %d' % (len(r), n))
                o.append('  ' + ', '.join('[' + inline(x, notes) + ']' for x in r) + ',')
            o.append(')')
        elif line.startswith('> '):
            text = []
            while i < len(body) and body[i].startswith('> '):
                text.append(body[i][2:])
                i += 1
            o.append('#quote(block: true)[' + inline(' '.join(text), notes) + ']')
        elif re.match(r'^( *)(- |\d+\. )', line):
            while i < len(body):
                m = re.match(r'^( *)(- |\d+\. )(.*)$', body[i])
                if not m:
                    break
                o.append(m.group(1) + ('- ' if m.group(2) == '- ' else '+ ') + inline(m.group(3), notes))
                i += 1
        elif line.startswith(' ') or line.startswith('\t') or line.startswith('```') or '<' in line:
            die('line %d: not what gencorpus writes: %s' % (i + 1, line[:60]))
        else:
            text = []
            while i < len(body) and body[i].strip() and not re.match(r'^(#|\||> |( *)(- |\d+\. ))', body[i]):
                text.append(body[i])
                i += 1
            o.append(inline(' '.join(text), notes))
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(o) + '\n')


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ('hugo', 'typst'):
        die('usage: peers.py hugo PEER_MD DIR | typst PEER_MD OUT')
    md = read(sys.argv[2])
    if sys.argv[1] == 'hugo':
        hugo(md, sys.argv[3])
    else:
        typst(md, sys.argv[3])


if __name__ == '__main__':
    main()
