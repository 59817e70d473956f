"""The agreement as a PDF: the paragraphs worked out by
``partnership.agreement_export.word_blocks`` (the Word document's model) laid out on A4
with fpdf2, the fingerprint in small type at the end, page numbers in the footer. Pure:
text in, bytes out, no I/O beyond reading the bundled fonts once.

fpdf2's core fonts know only cp1252, so the PDF embeds DejaVu Sans (``fonts/``, subset
by ``scripts/subset_fonts.py``; licence in ``fonts/LICENSE-DejaVu.txt``): Danish letters,
dashes and quotes, and the Latin, Greek and Cyrillic alphabets print as typed. A
character the font lacks (an emoji, Arabic, Chinese) becomes its base letter when it
has one (NFKD) and "?" otherwise, so no user text can break the document; text is
written into the page as glyph ids, never as PDF syntax.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import TTFFont

from partnership.agreement_export import WordBlock, word_blocks
from partnership.i18n import DEFAULT_LANG, LANGS, t

FONTS = Path(__file__).with_name("fonts")
FAMILY = "DejaVu"
FACES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf",
         "BI": "DejaVuSans-BoldOblique.ttf"}
AUTHOR = "Partnerskabsværktøjet"
PT = 0.3528
"""Millimetres per point."""

# style name -> (font size in pt, bold, space before in mm, space after in mm)
_STYLES: dict[str | None, tuple[float, bool, float, float]] = {
    "Title": (20, True, 0, 4),
    "Heading 1": (14, True, 5, 1.5),
    "Heading 2": (12, True, 4, 1),
    "Heading 3": (11, True, 3, 0.5),
    None: (10.5, False, 0, 2),
    "List Bullet": (10.5, False, 0, 1),
    "List Number": (10.5, False, 0, 1),
}
_INDENT = 6.0
"""How far a list item's text stands in from the bullet (mm)."""
_KEEP = 25.0
"""A heading closer than this (mm) to the page's foot starts the next page."""


@lru_cache(maxsize=1)
def _known() -> frozenset[int]:
    """The code points every bundled face has a glyph for."""
    found: frozenset[int] | None = None
    for face in FACES.values():
        probe = FPDF()
        probe.add_font(FAMILY, "", str(FONTS / face))
        font = probe.fonts[FAMILY.lower()]
        cmap = frozenset(font.cmap) if isinstance(font, TTFFont) else frozenset()
        found = cmap if found is None else found & cmap
    return found or frozenset()


def printable(text: str) -> str:
    """``text`` with every character the fonts lack replaced: by its base letters if it
    decomposes into known ones ("ǅ" -> "Dž"), else by "?"; white space becomes a space."""
    known = _known()
    out = []
    for ch in text:
        if ch.isspace():
            out.append(" ")
        elif ord(ch) in known:
            out.append(ch)
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) in known
                           and not unicodedata.combining(c))
            out.append(base or "?")
    return "".join(out)


class _Document(FPDF):
    footer_size = 8.0

    def footer(self) -> None:  # fpdf2 calls it on every page
        self.set_y(-12)
        self.set_font(FAMILY, "", self.footer_size)
        self.set_text_color(110)
        self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="R")
        self.set_text_color(0)


def _new_document(title: str, lang: str) -> _Document:
    pdf = _Document(format="A4", unit="mm")
    for style, face in FACES.items():
        pdf.add_font(FAMILY, style, str(FONTS / face))
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(printable(title))
    pdf.set_author(AUTHOR)
    pdf.set_creator(AUTHOR)
    pdf.set_lang(lang)
    pdf.add_page()
    return pdf


def _write_block(pdf: _Document, block: WordBlock, number: int) -> None:
    size, heading, before, after = _STYLES.get(block.style, _STYLES[None])
    height = size * PT * 1.45
    if before and pdf.get_y() > pdf.page_break_trigger - _KEEP:
        pdf.add_page()
    elif before and pdf.get_y() > pdf.t_margin + 1:
        pdf.ln(before)
    margin = pdf.l_margin
    if block.style in ("List Bullet", "List Number"):
        pdf.set_font(FAMILY, "", size)
        pdf.set_x(margin)
        pdf.write(height, "•" if block.style == "List Bullet" else f"{number}.")
        pdf.set_left_margin(margin + _INDENT)
        pdf.set_x(margin + _INDENT)
    for text, bold, italic in block.runs:
        pdf.set_font(FAMILY, ("B" if bold or heading else "") + ("I" if italic else ""), size)
        pdf.write(height, printable(text))
    pdf.ln(height + after)
    pdf.set_left_margin(margin)
    if block.style == "Heading 1":  # a thin rule under the section's heading, as in the HTML
        pdf.set_draw_color(187)
        pdf.line(margin, pdf.get_y() - after, pdf.w - pdf.r_margin, pdf.get_y() - after)


def to_pdf(markdown: str, title: str, lang: str = DEFAULT_LANG, *, fingerprint: str = "") -> bytes:
    """The agreement's Markdown (with its signature block) as an A4 PDF: headings,
    paragraphs, lists, bold and italic as in the Word document; ``fingerprint`` (the
    content hash), if given, in small type at the end with what it proves."""
    code = lang if lang in LANGS else DEFAULT_LANG
    blocks, found_title = word_blocks(markdown)
    pdf = _new_document(title or found_title or "", code)
    number = 0
    for block in blocks:
        number = number + 1 if block.style == "List Number" else 0
        _write_block(pdf, block, number)
    if fingerprint:
        pdf.ln(4)
        pdf.set_font(FAMILY, "", 8)
        pdf.set_text_color(85)
        pdf.write(8 * PT * 1.45, printable(t("sig.fingerprint", code, hash=fingerprint)))
        pdf.set_text_color(0)
    return bytes(pdf.output())
