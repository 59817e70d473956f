"""Write the PDF's bundled fonts (partnership/render/fonts/) from Debian's fonts-dejavu-core.

The agreement's PDF (partnership/render/agreement_pdf.py) embeds DejaVu Sans. The full
faces are 0.6-0.8 MB each; this keeps the glyphs of the Latin, Greek and Cyrillic
alphabets and the common punctuation and symbols, about a sixth of that. The DejaVu
licence (fonts/LICENSE-DejaVu.txt) allows modified copies under a name without
"Bitstream" or "Vera", which DejaVu's is. Run once when the set changes:

    .venv/bin/python scripts/subset_fonts.py [/usr/share/fonts/truetype/dejavu]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "partnership" / "render" / "fonts"
FACES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")
RANGES = (
    (0x0020, 0x024F),  # Basic Latin, Latin-1 (æ ø å é ü), Latin Extended-A and -B (ł ő ş ž)
    (0x0250, 0x02FF),  # IPA extensions and spacing modifier letters
    (0x0300, 0x036F),  # combining diacritical marks
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic and its supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese and others)
    (0x2000, 0x206F),  # general punctuation: – — ‘ ’ “ ” „ • …
    (0x20A0, 0x20CF),  # currency symbols (€)
    (0x2100, 0x215F),  # letterlike symbols, number forms (№ ™ ½)
    (0x2190, 0x21FF),  # arrows
    (0x2212, 0x2212),  # minus sign
    (0x25A0, 0x25FF),  # geometric shapes
    (0xFFFD, 0xFFFD),  # the replacement character
)


def main(source: Path) -> None:
    unicodes = [c for low, high in RANGES for c in range(low, high + 1)]
    OUT.mkdir(parents=True, exist_ok=True)
    for face in FACES:
        options = subset.Options()
        options.hinting = False  # a PDF viewer scales outlines itself; the hints were half the bytes
        options.name_IDs = ["*"]  # the copyright and licence stay in the font
        # fpdf2 lays text out without HarfBuzz: it reads no kerning, ligatures or math tables.
        options.drop_tables += ["GPOS", "GSUB", "GDEF", "MATH", "FFTM"]
        options.notdef_outline = True
        options.glyph_names = False
        font = subset.load_font(str(source / face), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        subset.save_font(font, str(OUT / face), options)
        print(f"{face}: {(OUT / face).stat().st_size:,} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/dejavu"))
