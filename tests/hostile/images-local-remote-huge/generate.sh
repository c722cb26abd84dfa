#!/usr/bin/env bash
# Pictures: one inside content/ is shown by both outputs (copied into the
# site, which said nothing of it before: a broken image); one on another
# host ("https://", "//host") is never fetched; one of 20,000 × 20,000
# pixels is refused from its header (it took 9.7 s and 1.2 GB); one
# outside content/ is refused.  Each refusal a warning at its line.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
mkdir -p "$d/content/images"
python3 - "$d/content/images" <<'PY'
import struct, sys, zlib
def png(path, w, h, body=True):
    def chunk(t, data):
        return (struct.pack(">I", len(data)) + t + data +
                struct.pack(">I", zlib.crc32(t + data) & 0xffffffff))
    raw = b"".join(b"\0" + b"\x1f\x5f\x9e" * w for _ in range(h)) if body else b""
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" +
                chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
png(sys.argv[1] + "/ok.png", 40, 20)
png(sys.argv[1] + "/huge.png", 20000, 20000, body=False)
PY
printf '# Pictures\n\n![A blue band](images/ok.png)\n\n![From elsewhere](https://example.org/x.png)\n\n![Also elsewhere](//example.org/y.png)\n\n![Huge](images/huge.png)\n\n![Outside](../secret.png)\n' >"$c"
