"""The one rule for user text on its way into Markdown. Pure functions, no I/O.

Text typed by either organisation is shown to the other, so it must never act as markup:

- ``plain(text)``: names, titles and every short text. One line; every character that
  Markdown or Streamlit's Markdown could act on (emphasis, links, images, raw HTML,
  entities, ``$math$``, ``:material/icon:`` and ``:color[...]`` directives) is
  backslash-escaped, so it shows exactly as typed.
- ``rich(text)``: long fields. Paragraphs, "- "/"1. " lists, ``**bold**`` and ``*italic*``
  survive; images, raw HTML, math, headings, quotes, code and directives do not. A link
  ``[text](url)`` becomes ``text (url)``: its target is shown as text, never hidden.
- ``escape_line(line)``: the inline escaper both use; the agreement document uses it too.
- ``clean(text)``: line endings normalised; bidi overrides/isolates ("Trojan Source"),
  control characters, lone surrogates and non-characters removed. Every function above
  cleans first.

Escaping by backslash keeps the output linear in the input: a 20,000-character field of
KaTeX or nested quotes becomes 20,000 characters of ordinary paragraph text.
"""

from __future__ import annotations

import re

# Characters XML cannot hold, lone surrogates, the bidi embeddings/overrides/isolates and
# marks that could make a name display as something else, and non-characters.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
# Inline characters that could start Markdown, HTML or a Streamlit extension: a backslash
# that would escape something (or ends the text, where our own markup follows), emphasis,
# code, link/image brackets, heading hashes, math, strikethrough, table pipes, an entity,
# a tag, a directive (":name" / "::"), and the "/" of ":material/" (Streamlit rewrites
# that prefix in the raw source, before escapes are read). A bare URL may still become a
# link (GitHub-flavoured Markdown finds them after escapes are read): its text is its
# address, so it never hides where it goes.
_SPECIAL = re.compile(
    r"\\(?=[!-/:-@\[-`{-~]|$)|[`*_\[\]#$~|]|&(?=#?[0-9A-Za-z]+;)|<(?=[A-Za-z/!?])|:(?=[A-Za-z_:])"
    r"|(?<=material)/"
)
_SPECIAL_RICH = re.compile(
    r"\\(?=[!-/:-@\[-`{-~]|$)|[`\[\]#$~|]|&(?=#?[0-9A-Za-z]+;)|<(?=[A-Za-z/!?])|:(?=[A-Za-z_:])"
    r"|(?<=material)/"
)
_REPLACE = {"&": "&amp;", "<": "&lt;"}
# What a line may not start with: a list marker, a numbered item, a quote or HTML block, a
# thematic break, emphasis stars that would read as a list marker (every line is its
# own paragraph, so a setext underline has no heading to make).
_LINE_START = re.compile(r"^(?:([-+*])|(\d+)([.)])|([<>]))")
_LINE_START_RICH = re.compile(r"^(?:([-+]|\*(?=\s|$))|(\d+)([.)])|([<>]))")  # "**bold**" may start
_BULLET = re.compile(r"^(\s*)(?:[-*+•])\s+(.*)$")
_NUMBERED = re.compile(r"^(\s*)(\d{1,9})[.)]\s+(.*)$")
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\(\s*<?([^()\s<>]*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_MAX_INDENT = 2
"""List nesting kept in ``rich`` (deeper items are shown at this depth)."""


def clean(text: str) -> str:
    """``text`` with line endings normalised to \\n, tabs as spaces, unsafe characters removed."""
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def one_line(text: str) -> str:
    """Cleaned, on one line: line breaks and runs of spaces become one space."""
    return " ".join(clean(text).split())


def _escape(line: str, special: re.Pattern[str], start: re.Pattern[str] = _LINE_START) -> str:
    line = special.sub(lambda m: _REPLACE.get(m.group(0)) or "\\" + m.group(0), line.strip())
    match = start.match(line)
    if match and match.group(1):  # a list marker, setext underline or thematic break
        line = "\\" + line
    elif match and match.group(2):  # a numbered item
        line = f"{match.group(2)}\\{match.group(3)}{line[match.end() :]}"
    elif match:  # a quote or an HTML block
        line = ("&lt;" if match.group(4) == "<" else "&gt;") + line[1:]
    return line


def escape_line(line: str) -> str:
    """One line of (cleaned) user text as Markdown that renders as exactly that text."""
    return _escape(line, _SPECIAL)


def plain(text: str, fallback: str = "") -> str:
    """A name, title or short text as inert Markdown on one line (``fallback`` if blank)."""
    joined = one_line(text)
    return escape_line(joined) if joined else fallback


def cell(text: str, fallback: str = "") -> str:
    """User text for a Markdown table cell: plain, on one line, cut at 300 characters."""
    return plain(text[:300], fallback)


def _inline_rich(text: str) -> str:
    """A line of a long field: links shown with their target, emphasis kept, nothing else."""
    parts: list[str] = []
    pos = 0
    for m in _LINK.finditer(text):
        parts.append(text[pos : m.start()])
        label, url = m.group(1).strip(), m.group(2).strip()
        parts.append(f"{label} ({url})" if label and url and label != url else (url or label))
        pos = m.end()
    parts.append(text[pos:])
    return _escape("".join(parts), _SPECIAL_RICH, _LINE_START_RICH)


def rich(text: str) -> str:
    """A long field as Markdown with only paragraphs, lists, bold and italic."""
    out: list[str] = []
    in_list = False
    for raw in clean(text).split("\n"):
        if not raw.strip():
            continue
        bullet, numbered = _BULLET.match(raw), _NUMBERED.match(raw)
        if bullet and bullet.group(2).strip():
            indent = "  " * min(len(bullet.group(1)) // 2, _MAX_INDENT)
            item = f"{indent}- {_inline_rich(bullet.group(2))}"
        elif numbered and numbered.group(3).strip():
            indent = "   " * min(len(numbered.group(1)) // 2, _MAX_INDENT)
            item = f"{indent}{numbered.group(2)}. {_inline_rich(numbered.group(3))}"
        else:
            if out:
                out.append("")
            out.append(_inline_rich(raw))
            in_list = False
            continue
        if out and not in_list:
            out.append("")
        out.append(item)
        in_list = True
    return "\n".join(out)


def preview(text: str, limit: int = 220) -> tuple[str, bool]:
    """The start of ``text`` on one line (at most ``limit`` characters), and whether it
    was cut short (the history shows the rest on request)."""
    flat = " ".join(text.split())
    if len(flat) <= limit and "\n" not in text.strip():
        return flat, False
    return flat[:limit].rstrip() + "…", True
