"""The agreement's exports (HTML, Word, CSV) with hostile text in every field and name.

Each output is parsed back with a real parser: no script, event handler or javascript:
link may survive, formulas must be neutralised, and the user's text (Danish letters,
emoji, right-to-left script, very long text) must still be there.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest
from docx import Document

from partnership.agreement import content_hash, render_markdown, to_csv_rows
from partnership.agreement_export import markdown_to_html, render_body, sanitise_html, to_html
from partnership.model import FieldValue, Person, Project, Role, Side, Snapshot, Task, TaskKind, TaskStatus
from partnership.render.agreement_docx import to_docx
from partnership.steps import JOINT_KEYS

LONG = ("Lang tekst æøå ÆØÅ 🤝 שלום مرحبا *_[]#<>&` " * 1300)[:50_000]
HOSTILE = {
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "js_link": "[klik](javascript:alert(1))",
    "hyperlink": '=HYPERLINK("http://evil","x")',
    "dde": "+cmd|' /C calc'!A0",
    "danish": "ÆØÅ æøå",
    "emoji": "Samarbejde 🤝",
    "arabic": "مرحبا بالعالم",
    "hebrew": "שלום עולם",
    "long": LONG,
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def hostile_snapshot(text: str) -> Snapshot:
    """``text`` in every joint field, the project's names and every person and task."""
    project = Project(
        id="p1",
        title=text,
        our_org=text,
        partner_org=text,
        website=text,
        created_by=text,
        created_at=datetime(2026, 11, 26, tzinfo=UTC),
        version=1,
    )
    people = [
        Person(f"{side.value}-{n}", text, side, title=text, contact=text, working_group=n == 0)
        for side in Side
        for n in range(2)
    ]
    tasks = [
        Task(f"t-{kind.value}", text, kind, responsible=f"{side.value}-0", side=side,
             start=date(2027, 1, 5), due=date(2027, 2, 10), status=TaskStatus.IN_PROGRESS, note=text)
        for kind in TaskKind
        for side in Side
    ]
    fields = {key: FieldValue(key, text, version=1) for key in JOINT_KEYS}
    return Snapshot(project=project, role=Role.OWNER, revision=1, fields=fields, people=people, tasks=tasks)


@dataclass
class PageParser(HTMLParser):
    tags: list[str] = field(default_factory=list)
    attrs: list[tuple[str, str | None]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    _in_title: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        (self.title if self._in_title else self.text).append(data)


def parse_html(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def assert_harmless(parser: PageParser) -> None:
    assert "script" not in parser.tags and "img" not in parser.tags and "iframe" not in parser.tags
    assert parser.tags.count("style") == 1  # our own, in the head
    assert not [name for name, _ in parser.attrs if name.lower().startswith("on")]
    hrefs = [(value or "").strip().lower() for name, value in parser.attrs if name in ("href", "src")]
    assert not [h for h in hrefs if not h.startswith(("http:", "https:", "mailto:"))]


def docx_texts(data: bytes) -> list[str]:
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    texts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return texts


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_html_export_with_hostile_text(name: str) -> None:
    text = HOSTILE[name]
    markdown = render_markdown(hostile_snapshot(text), "da")
    page = to_html(markdown, title=text, lang="da", fingerprint=content_hash(markdown))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="da">' in page and "@media print" in page
    parsed = parse_html(page)
    assert_harmless(parsed)
    assert "".join(parsed.title) == text  # the title is escaped, not interpreted
    shown = "".join(parsed.text)
    assert text in shown  # shown as text, whatever it is
    assert "ikke juridisk bindende samarbejdsaftale" in shown
    assert content_hash(markdown) in shown


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_docx_export_with_hostile_text(name: str) -> None:
    text = HOSTILE[name]
    data = to_docx(render_markdown(hostile_snapshot(text), "en"))
    texts = docx_texts(data)
    assert texts[0] == "Cooperation agreement"
    assert any("non-binding cooperation agreement" in x for x in texts)
    body = "\n".join(texts)
    expected = "'" + text if text.startswith(FORMULA_START) else text
    assert expected in body
    assert not [x for x in texts if x.startswith(FORMULA_START)]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = "".join(package.read(n).decode("utf-8") for n in package.namelist() if n.endswith(".rels"))
    assert "hyperlink" not in xml.lower() and "javascript" not in xml.lower()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_csv_export_with_hostile_text(name: str) -> None:
    text = HOSTILE[name]
    rows = list(csv.reader(io.StringIO(to_csv_rows(hostile_snapshot(text), "da", include_internal=True))))
    assert len(rows) == 1 + len(TaskKind) * len(Side)
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    expected = "'" + text if text.startswith(FORMULA_START) else text
    for row in rows[1:]:
        assert row[0] == expected and row[2] == expected and row[3] == expected and row[7] == expected


def test_every_hostile_text_at_once() -> None:
    """All of them in one snapshot, one per line in the free texts."""
    text = "\n".join(HOSTILE.values())
    markdown = render_markdown(hostile_snapshot(text), "da")
    parsed = parse_html(to_html(markdown, title=text, lang="da"))
    assert_harmless(parsed)
    shown = "".join(parsed.text)
    for value in HOSTILE.values():
        assert value in shown
    body = "\n".join(docx_texts(to_docx(markdown)))
    for value in HOSTILE.values():
        assert value in body


def test_exports_of_long_escaped_text_keep_every_character() -> None:
    """A paragraph full of escapes and entities (Python-Markdown alone takes quadratic time
    over it: minutes, before the pre-escaping step; bench/bench_exports.py times it)."""
    text = ("\\*&a;<b>[x]_`#" * 10_000)[:100_000]
    snap = hostile_snapshot("kort")
    snap = replace(snap, fields={**snap.fields, "s4_vision": FieldValue("s4_vision", text, version=1)})
    markdown = render_markdown(snap)
    page = to_html(markdown, "x", "da")
    assert to_docx(markdown)
    assert text in "".join(parse_html(page).text)


@pytest.mark.parametrize("name", sorted(set(HOSTILE) - {"long"}) + ["entities", "backslashes"])
def test_pre_escaping_gives_the_same_html_as_plain_markdown(name: str) -> None:
    text = {
        "entities": "&amp; &lt;b&gt; &eacute; &#169; &#x1F91D; &foo; & < b &amp;amp; &#38;a;",
        "backslashes": "\\x \\\\ \\* \\` a\\ \\&lt;",
    }.get(name) or HOSTILE[name]
    markdown = render_markdown(hostile_snapshot(text + "\n" + text * 40))
    assert render_body(markdown) == render_body(markdown, fast=False)


@pytest.mark.parametrize(
    "markdown",
    ["`kode \\* &amp;` og \\*", "[link](https://a.dk/?a=1&amp;b=\\_) \\*", "<div>\\* &amp;</div>",
     "    indrykket \\* &amp;\n\nmere", "Tekst &amp; \\* **fed**"],
)
def test_pre_escaping_leaves_other_markdown_as_markdown_renders_it(markdown: str) -> None:
    assert render_body(markdown) == render_body(markdown, fast=False)


def test_control_characters_do_not_break_the_word_export() -> None:
    text = "før\x01\x0b\x1f\ufffe efter \u202eesrever\u202c \x02wzxhzdk:0\x03"
    data = to_docx(render_markdown(hostile_snapshot(text)))
    body = "\n".join(docx_texts(data))
    assert "før efter esrever wzxhzdk:0" in body
    page = to_html(render_markdown(hostile_snapshot(text)), text, "da")
    assert "\u202e" not in page and "\x02" not in page


def test_sanitiser_keeps_safe_links_and_drops_the_rest() -> None:
    dirty = (
        '<p onclick="x()">a <a href="javascript:alert(1)">j</a> <a href="https://ok.dk/">ok</a> '
        '<a href="mailto:a@b.dk">m</a> <a href="/relative">r</a> <a href="data:text/html,x">d</a>'
        '<img src=x onerror=alert(1)><svg onload=alert(1)></svg><script>alert(1)</script>'
        '<iframe src="https://evil"></iframe><style>p{}</style></p>'
    )
    parsed = parse_html(f"<style></style>{sanitise_html(dirty)}")
    assert_harmless(parsed)
    hrefs = [v for k, v in parsed.attrs if k == "href"]
    assert hrefs == ["https://ok.dk/", "mailto:a@b.dk"]
    assert "svg" not in parsed.tags and "alert(1)" not in "".join(parsed.text)


def test_raw_html_in_markdown_from_elsewhere_is_sanitised() -> None:
    """to_html also takes stored Markdown (a signed version): raw HTML in it cannot run."""
    page = to_html("# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<a href=x onclick=y>z</a>",
                   "T", "en")
    assert_harmless(parse_html(page))


def test_docx_formatting() -> None:
    data = to_docx("# Titel\n\n## Afsnit\n\nEn **fed** og _kursiv_ tekst\nder fortsætter.\n\n- punkt ét\n- punkt to\n")
    doc = Document(io.BytesIO(data))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in doc.paragraphs]
    assert paragraphs == [
        ("Title", "Titel"),
        ("Heading 1", "Afsnit"),
        ("Normal", "En fed og kursiv tekst der fortsætter."),
        ("List Bullet", "punkt ét"),
        ("List Bullet", "punkt to"),
    ]
    runs = doc.paragraphs[2].runs
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in runs] == [
        ("En ", False, False), ("fed", True, False), (" og ", False, False), ("kursiv", False, True),
        (" tekst der fortsætter.", False, False),
    ]
    assert doc.core_properties.title == "Titel"


def test_docx_keeps_backslashes_and_entities_as_the_html_shows_them() -> None:
    text = "a\\b \\* c:\\sti\\ &amp; &lt;x&gt; &foo; 5 < 6"
    markdown = render_markdown(hostile_snapshot(text))
    assert text in "\n".join(docx_texts(to_docx(markdown)))
    assert text in "".join(parse_html(to_html(markdown, "x", "da")).text)


@pytest.mark.parametrize(
    ("markdown", "text"),
    [("# Titel ##", "Titel"), ("## A \\#", "A #"), ("## B \\\\#", "B \\"), ("## \\# C", "# C"), ("## D \\##", "D #")],
)
def test_docx_heading_closing_hashes(markdown: str, text: str) -> None:
    assert docx_texts(to_docx(markdown)) == [text]


def test_markdown_to_html_of_the_agreement_has_its_structure() -> None:
    page = markdown_to_html(render_markdown(hostile_snapshot("Naturskolen"), "da"))
    assert page.startswith("<h1>Samarbejdsaftale</h1>")
    assert "<h2>Fælles vision</h2>" in page and "<li><strong>Naturskolen</strong>" in page
    assert "5. jan. 2027–10. feb. 2027" in page
