#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.  Pictures that build
# would not show, said by check too, at their places: one whose path is
# written from its chapter's folder (paths start at content/: the warning
# names where it looked), one from another host; and one shown but with
# no description (a screen reader skips it).
set -eu
d=$1
mkdir -p "$d/content/chapters"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
python3 - "$d/content/chapters/map.png" <<'PY'
import struct, sys, zlib
def chunk(t, data):
    return (struct.pack(">I", len(data)) + t + data +
            struct.pack(">I", zlib.crc32(t + data) & 0xffffffff))
raw = b"".join(b"\0" + b"\x1f\x5f\x9e" * 4 for _ in range(2))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 2, 8, 2, 0, 0, 0)) +
    chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
printf '# Foreword\n\n![Map of the regions](map.png)\n\n![](chapters/map.png)\n\n![Chart](https://example.org/a.png)\n\n![Map, shown](chapters/map.png)\n' \
	>"$d/content/chapters/foreword.en.md"
cp "$d/content/chapters/foreword.en.md" "$d/content/chapters/foreword.es.md"
printf 'chapters:\n  - {en: chapters/foreword.en.md, es: chapters/foreword.es.md}\n' \
	>>"$d/content/report.yaml"
