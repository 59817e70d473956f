"""The agreement as a PDF (partnership/render/agreement_pdf.py), read back with poppler's
pdftotext and pdfinfo: Danish letters, the signature block and the fingerprint come out as
written, and no text a user can type breaks the file."""

from __future__ import annotations

import re

from partnership import usertext
from partnership.agreement import content_hash
from partnership.render import agreement_pdf
from tests.support import pdf

AGREEMENT = """# Samarbejdsaftale – Lektiecafé på Nørrebro

## Fælles vision

Alle børn har et sted at lave lektier – “sammen” og ‘trygt’. Æble, Øresund, Ålborg.

## Hvem gør hvad

- **Boldklubben Øst:** frivillige hver tirsdag
- _Biblioteket:_ lokaler og kaffe

1. Første møde
2. Anden evaluering

## Underskrifter

- **Boldklubben Øst:** Godkendt af Anna Holm, Boldklubben Øst, 30. nov. 2026 kl. 14.05
- **Biblioteket:** Endnu ikke godkendt af denne part.
"""


def flat(text: str) -> str:
    """The text without line breaks, spaces or page footers ("1/2"): a long word is
    wrapped over lines and pages."""
    return re.sub(r"\s+", "", re.sub(r"^\d+/\d+$", "", text, flags=re.M))


def lines(text: str) -> str:
    """The text with every run of white space one space (lines wrap where the page ends)."""
    return " ".join(text.split())


def test_danish_letters_the_signature_block_and_the_fingerprint_read_back() -> None:
    digest = content_hash(AGREEMENT)
    data = agreement_pdf.to_pdf(AGREEMENT, "Samarbejdsaftale – Lektiecafé på Nørrebro", "da", fingerprint=digest)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    text = lines(pdf.text(data))
    for expected in ("Samarbejdsaftale – Lektiecafé på Nørrebro", "Fælles vision",
                     "Alle børn har et sted at lave lektier – “sammen” og ‘trygt’. Æble, Øresund, Ålborg.",
                     "Boldklubben Øst: frivillige hver tirsdag", "1. Første møde", "2. Anden evaluering",
                     "Underskrifter", "Godkendt af Anna Holm, Boldklubben Øst, 30. nov. 2026 kl. 14.05",
                     "Aftalens fingeraftryk (SHA-256):"):
        assert expected in text, expected
    assert digest in flat(text)
    assert "**" not in text and "_Biblioteket" not in text  # Markdown marks became bold and italic
    info = pdf.info(data)
    assert info["Title"] == "Samarbejdsaftale – Lektiecafé på Nørrebro" and info["Pages"] == "1"
    assert info["Page size"].endswith("(A4)")


def test_english_and_the_other_alphabets_the_font_has_print_as_typed() -> None:
    data = agreement_pdf.to_pdf("# Cooperation agreement\n\nZoë Łukasz Øystein Žižek Ελένη Дмитрий\n", "", "en",
                                fingerprint="ab" * 32)
    text = lines(pdf.text(data))
    assert "Zoë Łukasz Øystein Žižek Ελένη Дмитрий" in text
    assert "Agreement fingerprint" in text or "fingerprint" in text.lower()
    assert pdf.info(data)["Title"] == "Cooperation agreement"  # from the first heading when none is given


def test_hostile_text_cannot_break_the_file() -> None:
    long_word = "Lektiecafé" * 600  # 6,000 letters without a space
    hostile = "\n".join([
        "<script>alert(1)</script> %PDF-1.7 endobj trailer << /Type /Catalog >> %%EOF ) ( \\",
        "Emoji 😀🎉 og flag 🇩🇰 i teksten, Arabisk مرحبا, kinesisk 中文 og ǅ ﬁ ①",
        "Styretegn \u202eomvendt\u202c \x00\x07 og en ensom \ud800 surrogat",
        long_word,
    ])
    markdown = f"# {usertext.plain(hostile.splitlines()[0])}\n\n{usertext.rich(hostile)}\n"
    data = agreement_pdf.to_pdf(markdown, "<b>%PDF</b> 😀", "da", fingerprint="0" * 64)
    assert data.startswith(b"%PDF-") and data.count(b"%%EOF") == 1  # the typed "%%EOF" is not the file's
    raw = pdf.text(data)
    text = lines(raw)
    assert "<script>alert(1)</script> %PDF-1.7 endobj trailer << /Type /Catalog >> %%EOF ) ( \\" in text
    assert "Emoji ?? og flag ?? i teksten, Arabisk ?????, kinesisk ?? og ǅ fi 1" in text
    assert "Styretegn omvendt" in text and "\u202e" not in text
    assert long_word in flat(raw)  # wrapped over lines, every letter kept
    assert pdf.info(data)["Title"] == "<b>%PDF</b> ?"


def test_a_long_agreement_runs_over_pages_with_numbers_and_keeps_every_paragraph() -> None:
    paragraphs = [f"Afsnit {n}: æøå " + "ord " * 60 for n in range(300)]
    markdown = "# Lang aftale\n\n" + "\n\n".join(f"## Del {n}\n\n{p}" if n % 10 == 0 else p
                                                  for n, p in enumerate(paragraphs))
    data = agreement_pdf.to_pdf(markdown, "Lang aftale", "da")
    pages = int(pdf.info(data)["Pages"])
    assert pages > 10
    text = pdf.text(data)
    assert all(f"Afsnit {n}: æøå" in text for n in range(300))
    assert f"{pages}/{pages}" in text  # the footer counts the pages


def test_printable_keeps_what_the_font_has_and_replaces_the_rest() -> None:
    assert agreement_pdf.printable("Æøå – “x” € ½ Ω Ж") == "Æøå – “x” € ½ Ω Ж"
    assert agreement_pdf.printable("a\tb\u2028c") == "a b c"
    assert agreement_pdf.printable("😀ﬁ中①") == "?fi?1"
