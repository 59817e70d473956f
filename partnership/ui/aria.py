"""Screen-reader names in the page's language for Streamlit's own controls.

Streamlit 1.67 names its controls in English whatever the page's language: the buttons
that open and close the sidebar ("Expand sidebar", "Collapse sidebar"), a tooltip's
"Help for <label>", a heading's "Link to heading", the file uploader's hidden input
("file upload"), a progress bar's "progress", the table toolbar's buttons, and every
Material icon in Markdown is read out by its English name ("schedule icon"). It offers no
setting for them, so ``aria.js`` (a components-v2 module: the Content-Security-Policy
forbids inline scripts) renames them after each redraw, from the words sent here, and
hides the icons' names (each icon stands beside words that say the same). One visible
word too: the top menu folds the pages it has no room for under "<n> more". It also sets
the document's language (Streamlit's index.html says "en"; partnership/web/preload.py
serves it as Danish, the default).

Keys: the helper's container ``ps_aria`` (taking no room: ``phone.css``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from partnership.i18n import t

WORDS: dict[str, str] = {
    "Expand sidebar": "aria.expand_sidebar",
    "Collapse sidebar": "aria.collapse_sidebar",
    "Sidebar": "aria.sidebar",
    "App pages": "aria.pages",
    "Main menu": "aria.main_menu",
    "Link to heading": "aria.heading_link",
    "Help": "aria.help",
    "progress": "aria.progress",
    "file upload": "aria.file_upload",
    "Show/hide columns": "aria.columns",
    "Download as CSV": "aria.csv",
    "Search": "aria.search",
    "Fullscreen": "aria.fullscreen",
    "Close": "aria.close",
    "Open": "aria.open",
    "Clear value": "aria.clear",
    "Clear all": "aria.clear_all",
    "Selected values": "aria.selected",
    "Running...": "aria.running",
    "Stop script": "aria.stop",
    "Scroll tabs left": "aria.tabs_left",
    "Scroll tabs right": "aria.tabs_right",
    "Notifications": "aria.notifications",
}
"""Streamlit's English name -> the key of ours (as Streamlit 1.67 spells them)."""

PREFIXES: dict[str, str] = {
    "Help for ": "aria.help_for",
    "Remove ": "aria.remove",
}
"""Names that go on with a label of ours ("Help for Forsinket") -> a key with {label}."""

JS = Path(__file__).with_name("aria.js").read_text(encoding="utf-8")
_ARIA = st.components.v2.component("ps_aria", js=JS)


def words(lang: str) -> dict[str, Any]:
    """What ``aria.js`` needs for ``lang``: each English name with ours, the prefixes with
    their templates, and the language itself."""
    return {
        "lang": lang,
        "words": {english: t(key, lang) for english, key in WORDS.items()},
        "prefixes": [[prefix, t(key, lang, label="{label}")] for prefix, key in PREFIXES.items()],
        "more": t("aria.more", lang, n="{n}"),
    }


def mount(lang: str) -> None:
    """The helper, once per run (``style.inject``)."""
    _ARIA(data=words(lang), key="ps_aria")
