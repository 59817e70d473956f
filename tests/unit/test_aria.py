"""Screen-reader names for Streamlit's own controls (partnership/ui/aria.py): every English
name Streamlit 1.67 uses for them has a name of ours, Danish by default."""

from __future__ import annotations

from pathlib import Path

import streamlit

from partnership.ui import aria

FRONTEND = Path(streamlit.__file__).with_name("static") / "static" / "js"


def test_danish_names_for_streamlits_english_ones() -> None:
    da = aria.words("da")
    assert da["lang"] == "da"
    assert da["words"]["Expand sidebar"] == "Vis sidepanelet" and da["words"]["Collapse sidebar"] == "Skjul sidepanelet"
    assert da["words"]["file upload"] == "Vælg en fil"
    assert ["Help for ", "Hjælp til {label}"] in da["prefixes"]
    assert all(name != danish for name, danish in da["words"].items()), "a name left in English"


def test_english_keeps_streamlits_meaning() -> None:
    en = aria.words("en")
    assert en["words"]["Expand sidebar"] == "Expand sidebar" and ["Help for ", "Help for {label}"] in en["prefixes"]


def test_the_names_are_those_the_installed_streamlit_uses() -> None:
    """If Streamlit renames a control, its new English name would go through untranslated."""
    code = "".join(path.read_text(encoding="utf-8", errors="replace") for path in FRONTEND.glob("*.js"))
    for english in ("Expand sidebar", "Collapse sidebar", "Link to heading", "file upload", "App pages"):
        assert f"`{english}`" in code, english
    assert "`Help for ${" in code or "Help for " in code
