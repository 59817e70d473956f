"""What a field view shows and what the event stream brings along for it
(partnership/render/field_view.py), on a real store (the embedded PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from partnership.model import Access
from partnership.render import field_view
from partnership.store.postgres import PostgresStore
from tests.support.engine import engine_for


@pytest.fixture(scope="module")
def views_store(request: pytest.FixtureRequest) -> Iterator[PostgresStore]:
    """The module's store (each test makes a project of its own)."""
    s = PostgresStore(engine_for(request.config).fresh_database("views"))
    yield s
    s.close()


def _project(store: PostgresStore) -> tuple[PostgresStore, Access, Access]:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_idea", "Vores interne idé", 0, "Anna")
    store.set_field(owner, "s4_vision", "**Alle** børn <img src=x>", 0, "Anna <b>")
    return store, owner, store.open(tokens["partner"])


def test_the_content_is_sanitised_html_and_plain_text(views_store: PostgresStore) -> None:
    store, owner, _ = _project(views_store)
    got = field_view.content(store.snapshot(owner), "s4_vision", "da")
    assert got["html"] == "<p><strong>Alle</strong> børn &lt;img src=x&gt;</p>"
    assert got["meta"].startswith("Senest ændret af Anna <b>,") and got["meta"].endswith("version 1")
    assert got["version"] == 1 and got["rev"] == store.revision(owner)
    assert field_view.content(store.snapshot(owner), "s4_how", "en") == {
        "rev": store.revision(owner), "version": 0, "html": "", "meta": ""}


def test_an_event_brings_the_views_its_changes_touch(views_store: PostgresStore) -> None:
    store, owner, partner = _project(views_store)
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
