"""Subsets Noto Sans CJK SC (face 2 of NotoSansCJK-Regular.ttc) for BulkReady.

ASCII and Latin-1, general punctuation, arrows, maths, shapes and dingbats,
CJK symbols and punctuation, full-width forms, GB2312's symbol rows, and the
whole CJK Unified Ideographs block U+4E00-U+9FFF (every hanzi of GB2312,
GBK's unified ideographs and the rarer colour, material and chemistry words
of listings: 霾 锂 钛 榉 貂 镂 腈). Extension A and beyond fall back to a system
CJK font when the machine has one; the PDF export reports any character it
cannot draw.
Run once; the .otf is committed. Needs Debian's fonts-noto-cjk and fonttools.
    python3 assets/fonts/make_subset.py
"""
import subprocess

chars = set(chr(c) for c in range(0x20, 0x7F))
chars |= set(chr(c) for c in range(0xA0, 0x100))
chars |= set(chr(c) for c in range(0x2000, 0x2070))   # general punctuation
chars |= set(chr(c) for c in range(0x2100, 0x2200))   # letterlike, arrows
chars |= set(chr(c) for c in range(0x2190, 0x2200))
chars |= set(chr(c) for c in range(0x2460, 0x24FF))   # circled numbers
chars |= set(chr(c) for c in range(0x2200, 0x2300))   # maths (− ≤ ≥ ±)
chars |= set(chr(c) for c in range(0x25A0, 0x27C0))   # shapes, symbols, dingbats (⚠ ✓)
chars |= set(chr(c) for c in range(0x3000, 0x3040))   # CJK punctuation
chars |= set(chr(c) for c in range(0xFF00, 0xFFF0))   # full-width forms
chars |= set(chr(c) for c in range(0x4E00, 0xA000))   # CJK Unified Ideographs
# GB2312 rows 0xA1-0xA9: symbols.
for hi in range(0xA1, 0xAA):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
with open("/tmp/subset-chars.txt", "w", encoding="utf-8") as f:
    f.write("".join(sorted(chars)))
subprocess.run([
    "pyftsubset", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "--font-number=2", "--text-file=/tmp/subset-chars.txt",
    "--output-file=assets/fonts/NotoSansSC-subset.otf",
    # No OpenType layout features: neither egui nor the PDF writer shapes
    # text (both map characters through the cmap), and the vertical,
    # locale and alternate forms the features pull in nearly double the file
    # (9.4 MB with them, 5.1 MB without).
    "--layout-features=", "--no-hinting",
], check=True)
print(len(chars), "characters")

# A cmap format 4 subtable holds at most 64 KB: with the whole block it
# overflows and readers lose characters. Keep format 4 for what lies below
# the block, and add format 12 subtables (Unicode full repertoire, Windows
# UCS-4) with every character; readers prefer those.
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import cmap_format_12

path = "assets/fonts/NotoSansSC-subset.otf"
font = TTFont(path)
full = font.getBestCmap()
tables = []
for t in font["cmap"].tables:
    if t.format == 4:
        t.cmap = {c: g for c, g in full.items() if c < 0x4E00}
        tables.append(t)
for platform, encoding in [(0, 4), (3, 10)]:
    t = cmap_format_12(12)
    t.platformID, t.platEncID, t.language = platform, encoding, 0
    t.cmap = dict(full)
    tables.append(t)
font["cmap"].tables = tables
font.save(path)
