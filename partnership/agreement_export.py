"""The agreement as a print-ready HTML page, and as the paragraphs of a Word document
(written by ``partnership.render.agreement_docx``). Pure functions: text in, text out,
no I/O.

Both take the agreement's Markdown (``agreement.render_markdown`` or a signed version's
stored text). The HTML body is rendered by ``markdown`` and then sanitised by ``nh3``
with a short allow-list, so even Markdown from elsewhere cannot bring scripts, event
handlers or ``javascript:`` links into the page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import markdown as mdlib
import nh3
from markdown import util as mdlib_util
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from partnership import usertext
from partnership.agreement import neutralise_formula
from partnership.i18n import DEFAULT_LANG, LANGS, t

_TAGS = frozenset(
    "h1 h2 h3 h4 h5 h6 p br hr ul ol li strong em b i a code pre blockquote table thead tbody tr th td".split()
)
_ATTRIBUTES = {"a": frozenset({"href", "title"})}
_URL_SCHEMES = frozenset({"http", "https", "mailto"})

_CSS = """
@page { size: A4; margin: 20mm 18mm; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: Georgia, "Times New Roman", serif; color: #111; background: #fff;
       max-width: 46em; margin: 2em auto; padding: 0 1.2em; line-height: 1.5; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.8em; margin: 0 0 .6em; }
h2 { font-size: 1.3em; margin-top: 1.6em; border-bottom: 1px solid #bbb; padding-bottom: .15em; }
h3 { font-size: 1.08em; margin-top: 1.2em; }
h1, h2, h3, h4, p, li { unicode-bidi: plaintext; text-align: start; overflow-wrap: anywhere; }
ul, ol { padding-inline-start: 1.4em; }
footer { margin-top: 3em; font-size: .8em; color: #555; overflow-wrap: anywhere; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 11pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  p, li { break-inside: avoid; orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
}
"""


def sanitise_html(fragment: str) -> str:
    """``fragment`` with only harmless tags kept; links only http, https and mailto."""
    return nh3.clean(
        fragment,
        tags=set(_TAGS),
        attributes={k: set(v) for k, v in _ATTRIBUTES.items()},
        url_schemes=set(_URL_SCHEMES),
        url_relative="deny",
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# Python-Markdown resolves each backslash escape and entity by rebuilding the paragraph,
# so a long paragraph full of them takes quadratic time (20,000 "\\*" took seconds).
# The agreement escapes every special character of user text, so ``_PreEscape`` does
# that step up front in one pass, writing the same STX<code point>ETX form Markdown's own
# escape processor writes (restored by its "unescape" tree processor). It runs right
# after Markdown has removed any STX/ETX from the input, and is skipped for text with
# code spans, links, indented code or raw HTML, where escapes and entities behave
# differently (the agreement never has any: its user text is escaped).
_EXTRA_ESCAPES = "$:~|/"
"""Escapes of partnership.usertext beyond Python-Markdown's own (math, directives, tables)."""
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!$:~|/])")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NOT_PLAIN = re.compile(r"[`\[]|<[A-Za-z/!?]|^ {4}", re.M)


_STX = {c: f"{mdlib_util.STX}{ord(c)}{mdlib_util.ETX}" for c in "\\`*_{}[]()>#+-.!" + _EXTRA_ESCAPES}


def _entity(match: re.Match[str]) -> str:
    # Markdown copies an entity to the output as it is; so does this, through the
    # placeholder its "amp_substitute" post-processor turns back into "&".
    return mdlib_util.AMP_SUBSTITUTE + match.group(0)[1:]


class _PreEscape(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = _ESCAPE.sub(lambda m: _STX[m.group(1)], "\n".join(lines))
        if _NOT_PLAIN.search(text):  # a code span, link, indented code or raw HTML is left
            return lines
        return _ENTITY.sub(_entity, text).split("\n")


class _EscapesExtension(Extension):
    def extendMarkdown(self, md: mdlib.Markdown) -> None:  # the name Markdown calls
        md.ESCAPED_CHARS.extend(_EXTRA_ESCAPES)


class _PreEscapeExtension(Extension):
    def extendMarkdown(self, md: mdlib.Markdown) -> None:  # the name Markdown calls
        md.preprocessors.register(_PreEscape(md), "agreement_pre_escape", 25)


def render_body(markdown_text: str, *, fast: bool = True) -> str:
    """The Markdown as HTML, before sanitising. ``fast=False`` leaves out the pre-escaping
    step (the tests check that both give the same HTML)."""
    extensions: list[str | Extension] = ["sane_lists", _EscapesExtension()]
    if fast:
        extensions.append(_PreEscapeExtension())
    return mdlib.markdown(usertext.clean(markdown_text), extensions=extensions, output_format="html")


def markdown_to_html(markdown_text: str) -> str:
    """The agreement's Markdown as a sanitised HTML fragment (for a page or an e-mail)."""
    return sanitise_html(render_body(markdown_text))


def to_html(markdown: str, title: str, lang: str = DEFAULT_LANG, *, fingerprint: str = "") -> str:
    """A complete standalone HTML page of the agreement, inline CSS, ready to print on A4.

    ``fingerprint`` (the content hash) is printed in small type at the foot of the page if
    given, with the sentence that says what it proves.
    """
    code = lang if lang in LANGS else DEFAULT_LANG
    footer = ""
    if fingerprint:
        footer = f"<footer>{html.escape(t('sig.fingerprint', code, hash=fingerprint))}</footer>\n"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{code}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{html.escape(usertext.clean(title))}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{markdown_to_html(markdown)}\n</main>\n{footer}</body>\n</html>\n"
    )


# --- Word paragraphs ------------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\d+[.)]\s+(.*)$")
_RULE = re.compile(r"^([-*_])(?:\s*\1){2,}$")
_INLINE = re.compile(
    r"\\([\\`*_{}\[\]()>#+\-.!$:~|/])|(\*\*|__)|([*_])|(&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z0-9]+);)|([^\\*_&]+|.)",
    re.S,
)


def _heading_text(text: str) -> str:
    """A heading's text without its closing "#"s (an escaped "\\#" stays)."""
    bare = text.rstrip("#")
    if len(bare) == len(text):
        return text
    escaped = (len(bare) - len(bare.rstrip("\\"))) % 2 == 1
    return text[: len(bare) + 1] if escaped else bare.rstrip()


def _runs(text: str) -> list[tuple[str, bool, bool]]:
    """Inline Markdown as (text, bold, italic) pieces: escapes and entities resolved."""
    runs: list[tuple[list[str], bool, bool]] = []
    bold = italic = False
    for m in _INLINE.finditer(text):
        escaped, strong, em, entity, plain = m.groups()
        if strong:
            bold = not bold
            continue
        if em:
            italic = not italic
            continue
        piece = escaped if escaped is not None else html.unescape(entity) if entity else plain or ""
        if runs and runs[-1][1:] == (bold, italic):
            runs[-1][0].append(piece)
        else:
            runs.append(([piece], bold, italic))
    return [("".join(pieces), b, i) for pieces, b, i in runs]


@dataclass(frozen=True)
class WordBlock:
    """One paragraph of the Word document: its runs (text, bold, italic) and its style
    name ("Title", "Heading 1".., "List Bullet", "List Number"; None for body text)."""

    runs: list[tuple[str, bool, bool]]
    style: str | None = None


def _block(text: str, style: str | None = None, level: int | None = None) -> WordBlock:
    """A paragraph whose text a spreadsheet could take for a formula gets an apostrophe
    in front (``neutralise_formula``), as in the CSV export."""
    runs = _runs(text)
    plain = "".join(r[0] for r in runs)
    if runs and neutralise_formula(plain) != plain:
        runs[0] = ("'" + runs[0][0], runs[0][1], runs[0][2])
    if level is not None:
        style = "Title" if level == 0 else f"Heading {level}"
    return WordBlock(runs, style)


def word_blocks(markdown: str) -> tuple[list[WordBlock], str | None]:
    """The agreement's Markdown as Word paragraphs (headings, paragraphs, lists, bold),
    and the document's title: the first top heading with text (at most 255 characters),
    "" if the top headings have none, None if there is no top heading."""
    blocks: list[WordBlock] = []
    title: str | None = None
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            blocks.append(_block(" ".join(buffer)))
            buffer.clear()

    for raw in usertext.clean(markdown).split("\n"):
        line = raw.strip()
        rule = _RULE.match(line)
        heading = None if rule else _HEADING.match(line)
        bullet = None if rule else _BULLET.match(line)
        numbered = None if rule else _NUMBERED.match(line)
        if not line or rule or heading or bullet or numbered:
            flush()
        if heading:
            level = len(heading.group(1)) - 1
            text = _heading_text(heading.group(2))
            blocks.append(_block(text, level=level))
            if level == 0 and not title:
                title = "".join(r[0] for r in _runs(text))[:255]
        elif bullet:
            blocks.append(_block(bullet.group(1), style="List Bullet"))
        elif numbered:
            blocks.append(_block(numbered.group(1), style="List Number"))
        elif line and not rule:
            buffer.append(line)
    flush()
    return blocks, title
