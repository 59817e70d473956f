"""The agreement as a Word document: the paragraphs worked out by
``partnership.agreement_export.word_blocks`` written with python-docx. Pure: text in,
bytes out, no I/O."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from partnership.agreement_export import WordBlock, word_blocks


def _style_id(doc: DocxDocument, name: str, cache: dict[str, str]) -> str:
    """The id of the style ``name``, looked up once per document: python-docx resolves a
    style name by scanning every style each time, which made a Word file of 30,000 list
    lines take minutes (bench/bench_exports.py)."""
    found = cache.get(name)
    if found is None:
        found = cache[name] = doc.styles[name].style_id
    return found


def _paragraph(doc: DocxDocument, block: WordBlock, style_ids: dict[str, str]) -> str:
    """One paragraph as WordprocessingML. (python-docx's own ``add_paragraph`` scans the
    whole body for every paragraph, which is quadratic in the length of the document.)"""
    parts = ["<w:p>"]
    if block.style is not None:
        parts.append(f'<w:pPr><w:pStyle w:val="{xml_escape(_style_id(doc, block.style, style_ids))}"/></w:pPr>')
    for piece, bold, italic in block.runs:
        props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        parts.append(f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}'
                     f'<w:t xml:space="preserve">{xml_escape(piece)}</w:t></w:r>')
    parts.append("</w:p>")
    return "".join(parts)


def _write_body(doc: DocxDocument, paragraphs: list[str]) -> None:
    """Parse the paragraphs in one go and put them before the section properties."""
    if not paragraphs:
        return
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{''.join(paragraphs)}</w:body>")
    body = doc.element.body
    section = body.sectPr
    for paragraph in list(fragment):
        if section is not None:
            section.addprevious(paragraph)
        else:
            body.append(paragraph)


def to_docx(markdown: str) -> bytes:
    """The agreement's Markdown as a Word document: headings, paragraphs, lists, bold.

    A paragraph whose text a spreadsheet could take for a formula gets an apostrophe
    in front (``neutralise_formula``), as in the CSV export.
    """
    blocks, title = word_blocks(markdown)
    doc = Document()
    doc.core_properties.author = "Partnerskabsværktøjet"
    if title is not None:
        doc.core_properties.title = title
    style_ids: dict[str, str] = {}
    _write_body(doc, [_paragraph(doc, block, style_ids) for block in blocks])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
