"""AppTest: the start page lists the partnerships this browser has opened (the browser
keeps their links; AppTest has no cookies, so the list is put in the session as the
cookie would), with their stage, removable; a link that stopped working leaves it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from partnership.store.postgres import PostgresStore
from partnership.ui import browser
from tests.app.conftest import MakeApp, no_errors, texts


def titles(at: AppTest) -> list[str]:
    """The listed partnerships' links, as their labels."""
    return [p.proto.label for p in at.get("page_link") if p.proto.page.endswith("overview")
            and "k=" in p.proto.query_string]


def test_opening_a_partnership_puts_it_first_in_this_browsers_list(app: MakeApp, store: PostgresStore) -> None:
    _, first = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    _, second = store.create_project("Sommerlejr", "Boldklubben Øst", "Anna")
    at = app(first["member"], page="overview")
    no_errors(at)
    assert at.session_state[browser.OPENED] == [first["member"]]
    at.session_state[browser.OPENED] = [second["owner"], first["member"]]
    at.run()
    assert at.session_state[browser.OPENED] == [first["member"], second["owner"]]


def test_the_start_page_lists_them_with_their_stage_and_removes_one(app: MakeApp, store: PostgresStore) -> None:
    owner, first = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    for key in ("s1_vision_fit", "s1_partner_help", "s1_our_offer", "s1_idea"):
        store.set_field(owner, key, "Udfyldt", 0, "Anna")
    _, second = store.create_project("Sommerlejr <i>", "Spejderne", "Bo")
    gone_owner, gone = store.create_project("Slettet", "Klubben", "Anna")
    store.delete_project(gone_owner)
    at = app(None)
    at.session_state[browser.OPENED] = [first["member"], second["owner"], gone["owner"]]
    at.run()
    no_errors(at)
    words = texts(at)
    assert "Partnerskaber, du har åbnet her" in words
    assert "Boldklubben Øst · medlem · nu ved trin 2: Partner" in words
    assert "Spejderne · foreningen · nu ved trin 1: Idé" in words
    assert "Slettet" not in words
    assert titles(at) == ["Lektiecafé", "Sommerlejr &lt;i>"]
    assert at.session_state[browser.OPENED] == [first["member"], second["owner"]]  # the dead link left
    at.button(key="start_opened_0_forget").click().run()
    assert at.session_state[browser.OPENED] == [second["owner"]]
    assert titles(at) == ["Sommerlejr &lt;i>"]
