"""The one rule for user text: names are plain text, long fields keep light formatting only.

Markdown is rendered here with markdown-it-py in CommonMark mode (the grammar Streamlit's
remark follows) to see what the escaped text would turn into.
"""

from __future__ import annotations

import html as htmllib

import pytest
from markdown_it import MarkdownIt

from partnership import usertext

HOSTILE = {
    "image": "Vera ![i](http://host/x.png)",
    "link": "[Log ind igen](http://host/phish)",
    "autolink": "<http://host/phish>",
    "html": '<img src="http://host/x.png"><script>alert(1)</script>',
    "katex": "$\\href{http://host}{x}$ $$\\frac{1}{2}$$",
    "material": ":material/lock: :red[rød] ::shimmer",
    "entity": "&#x202E;&lt;b&gt;",
    "quote": "> > > > dybt",
    "heading": "# Overskrift",
    "list": "- punkt",
    "numbered": "1. punkt",
    "code": "`kode` ```",
    "table": "| a | b |",
}


def _render(markdown: str) -> str:
    return str(MarkdownIt("commonmark").render(markdown))


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_name_renders_as_exactly_the_text_typed(name: str) -> None:
    text = HOSTILE[name]
    html = _render(usertext.plain(text))
    assert "<img" not in html and "<a " not in html and "<script" not in html
    assert not any(tag in html for tag in ("<h1", "<ul", "<ol", "<blockquote", "<code", "<table"))
    # Every escape disappears: what shows is the text as typed.
    shown = htmllib.unescape(html.removeprefix("<p>").removesuffix("</p>\n"))
    assert shown == text


def test_streamlit_directives_and_math_are_escaped() -> None:
    out = usertext.plain("$x$ :material/lock: :red[x] ~~y~~")
    assert "\\$x\\$" in out
    assert "\\:material\\/lock:" in out  # Streamlit rewrites a bare ":material/" before parsing
    assert "\\:red\\[x\\]" in out
    assert "\\~\\~y\\~\\~" in out


def test_plain_text_stays_readable() -> None:
    assert usertext.plain("Kl. 10:30 på Nørrebro, 5 % af 100") == "Kl. 10:30 på Nørrebro, 5 % af 100"
    assert usertext.plain("  to\nlinjer  ") == "to linjer"
    assert usertext.plain("   ", "–") == "–"


def test_bidi_controls_and_lone_surrogates_are_removed() -> None:
    assert usertext.plain("abc\u202edef\u2066g\u200fh\ud800") == "abcdefgh"
    assert usertext.rich("a\u202eb") == "ab"


def test_a_long_field_keeps_paragraphs_lists_bold_and_italic() -> None:
    html = _render(usertext.rich("Første afsnit med **fed** og *kursiv*\n\n- et\n- to\n\n1. a\n2. b\nSidste"))
    assert "<strong>fed</strong>" in html and "<em>kursiv</em>" in html
    assert "<ul>\n<li>et</li>\n<li>to</li>\n</ul>" in html
    assert "<ol>\n<li>a</li>\n<li>b</li>\n</ol>" in html
    assert "<p>Sidste</p>" in html


def test_a_long_field_shows_a_links_target_and_never_loads_an_image() -> None:
    html = _render(usertext.rich("[Log ind igen](http://host/phish) og ![i](http://host/x.png)"))
    assert "<a " not in html and "<img" not in html
    assert "Log ind igen (http://host/phish)" in html
    assert "i (http://host/x.png)" in html


@pytest.mark.parametrize("name", sorted(set(HOSTILE) - {"list", "numbered"}))
def test_a_long_field_has_no_markup_of_its_own(name: str) -> None:
    html = _render(usertext.rich(HOSTILE[name]))
    assert not any(tag in html for tag in ("<img", "<a ", "<script", "<h1", "<blockquote", "<code", "<table"))


def test_deep_nesting_stays_flat() -> None:
    html = _render(usertext.rich("- " * 5000 + "x\n" + "> " * 5000 + "y\n" + "      - dybt"))
    assert html.count("<ul>") <= 3
    assert "<blockquote" not in html


def test_output_grows_linearly() -> None:
    text = "$" * 20_000 + ">" * 20_000 + "[" * 20_000
    assert len(usertext.rich(text)) < 3 * len(text)
    assert len(usertext.plain(text)) < 3 * len(text)
