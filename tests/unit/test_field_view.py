"""What a field view shows and what the event stream brings along for it
(partnership/ui/field_view.py), on a real SQLite store."""

from __future__ import annotations

from pathlib import Path

from partnership.model import Access
from partnership.store.sqlite import SQLiteStore
from partnership.ui import field_view


def _project(tmp_path: Path) -> tuple[SQLiteStore, Access, Access]:
    store = SQLiteStore(tmp_path / "p.db")
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_idea", "Vores interne idé", 0, "Anna")
    store.set_field(owner, "s4_vision", "**Alle** børn <img src=x>", 0, "Anna <b>")
    return store, owner, store.open(tokens["partner"])


def test_the_content_is_sanitised_html_and_plain_text(tmp_path: Path) -> None:
    store, owner, _ = _project(tmp_path)
    got = field_view.content(store.snapshot(owner), "s4_vision", "da")
    assert got["html"] == "<p><strong>Alle</strong> børn &lt;img src=x&gt;</p>"
    assert got["meta"].startswith("Senest ændret af Anna <b>,") and got["meta"].endswith("version 1")
    assert got["version"] == 1 and got["rev"] == store.revision(owner)
    assert field_view.content(store.snapshot(owner), "s4_how", "en") == {
        "rev": store.revision(owner), "version": 0, "html": "", "meta": ""}


def test_an_event_brings_the_views_its_changes_touch(tmp_path: Path) -> None:
    store, owner, partner = _project(tmp_path)
    snap = store.snapshot(partner)
    text_only = field_view.pushed(snap, ["text:s4_vision"], "da")
    assert set(text_only) == {"body:s4_vision"}
    filled = field_view.pushed(snap, ["fill:s4_vision", "fill:s4_how"], "en")
    assert set(filled) == {"body:s4_vision", "body:s4_how", "line:missing_4"}
    assert filled["line:missing_4"]["text"].startswith("Still missing in step 4:")
    assert field_view.pushed(snap, ["fill:s1_idea"], "da")["body:s1_idea"]["html"] == "", \
        "the partner's snapshot has no internal text to bring, even if a scope slipped through"
    assert field_view.pushed(snap, ["task", "people"], "da") == {}
    many = [f"text:s4_{n}" for n in range(field_view.MAX_PUSHED + 1)]
    assert field_view.pushed(snap, many, "da") == {}, "too many at once: the views fetch"
    assert field_view.pushed(store.snapshot(owner), ["text:s1_idea"], "da")["body:s1_idea"]["html"] == \
        "<p>Vores interne idé</p>"
