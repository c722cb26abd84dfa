#!/usr/bin/env python3
"""check_glyphs.py PDF FONT GID... — whether the PDF's pages draw, in the
font whose /BaseFont is FONT (after its subset tag), the glyph ids GID...
one after another in one text string or TJ array, as shaping gives them
(an Arabic word's contextual forms, in visual order).  uprgen's fonts use
Identity-H with the code = the glyph id; codes past the font's glyphs
(a glyph drawn for another text) are read through its CIDToGIDMap.

Standalone: reads the file itself (libharu writes no object streams) and
inflates the content streams with zlib.  Exit 0 found, 1 not (saying what
the font drew), 2 on a bad file.
"""
import re
import sys
import zlib


def objects(data):
    """Object number -> its bytes, up to endobj."""
    out = {}
    for m in re.finditer(rb"(?m)^(\d+) 0 obj", data):
        end = data.find(b"endobj", m.end())
        out[int(m.group(1))] = data[m.end():end]
    return out


def inflate(body):
    """The stream of an object body, inflated; None if it has none."""
    i = body.find(b"stream")
    if i < 0:
        return None
    i += len(b"stream")
    while body[i:i + 1] in (b"\r", b"\n"):
        i += 1
    try:
        return zlib.decompressobj().decompress(body[i:])
    except zlib.error:
        return None


def strings(ops):
    """(font resource name, [codes]) of each text string or TJ array."""
    font = None
    i = 0
    n = len(ops)
    run = None  # codes of the TJ array being read
    while i < n:
        c = ops[i:i + 1]
        if c == b"/":
            m = re.match(rb"/([^\s/\[\]()<>]+)\s+[-\d.]+\s+Tf", ops[i:])
            if m:
                font = m.group(1).decode()
                i += m.end()
                continue
            i += 1
        elif c == b"[":
            run = []
            i += 1
        elif c == b"]":
            if run is not None:
                yield font, run
            run = None
            i += 1
        elif c == b"(":
            raw = bytearray()
            depth = 1
            i += 1
            while i < n and depth:
                b = ops[i]
                if b == 0x5C:  # backslash
                    e = ops[i + 1:i + 2]
                    esc = {b"n": 10, b"r": 13, b"t": 9, b"b": 8, b"f": 12}
                    if e in esc:
                        raw.append(esc[e])
                        i += 2
                    elif e.isdigit():
                        m = re.match(rb"[0-7]{1,3}", ops[i + 1:])
                        raw.append(int(m.group(0), 8) & 0xFF)
                        i += 1 + m.end()
                    else:
                        raw += e
                        i += 2
                    continue
                if b == 0x28:
                    depth += 1
                elif b == 0x29:
                    depth -= 1
                    if not depth:
                        i += 1
                        break
                raw.append(b)
                i += 1
            codes = [raw[k] << 8 | raw[k + 1] for k in range(0, len(raw) - 1, 2)]
            if run is not None:
                run += codes
            else:
                yield font, codes
        else:
            i += 1


def main():
    if len(sys.argv) < 4:
        print(__doc__.strip().splitlines()[0])
        return 2
    data = open(sys.argv[1], "rb").read()
    want_font = sys.argv[2]
    want = [int(g) for g in sys.argv[3:]]
    objs = objects(data)
    # resource names -> font objects -> BaseFont, and the glyph of a code
    names = {}
    for m in re.finditer(rb"/(U\d+) (\d+) 0 R", data):
        names[m.group(1).decode()] = int(m.group(2))
    target = set()
    gid_of = {}
    for name, num in names.items():
        body = objs.get(num, b"")
        m = re.search(rb"/BaseFont /[A-Z]{6}\+(\S+)", body)
        if not m or m.group(1).decode() != want_font:
            continue
        target.add(name)
        d = re.search(rb"/DescendantFonts \[(\d+) 0 R\]", body)
        cid = objs.get(int(d.group(1)), b"") if d else b""
        mp = re.search(rb"/CIDToGIDMap (\d+) 0 R", cid)
        if mp:
            table = inflate(objs.get(int(mp.group(1)), b"")) or b""
            gid_of = {k // 2: table[k] << 8 | table[k + 1]
                      for k in range(0, len(table) - 1, 2)}
    if not target:
        print(f"no font {want_font} in the PDF ({sorted(names)})")
        return 1
    seen = []
    for num, body in objs.items():
        if b"/FontFile" in body or b"/Length1" in body:
            continue
        ops = inflate(body)
        if not ops or b"Tf" not in ops:
            continue
        for font, codes in strings(ops):
            if font not in target:
                continue
            gids = [gid_of.get(c, c) for c in codes]
            for k in range(len(gids) - len(want) + 1):
                if gids[k:k + len(want)] == want:
                    return 0
            if len(seen) < 5:
                seen.append(gids)
    print(f"{want_font} never draws {want}; it draws e.g. {seen}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
