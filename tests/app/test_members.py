"""AppTest: a member's pages (issue 26). A member works in steps 1-3 and the joint steps
as the association; settings holds no link management, export or delete for them, and
the partner's and viewer's links only while the owner shows them."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from partnership.model import Role
from partnership.store.postgres import PostgresStore
from tests.app.conftest import MakeApp, no_errors, texts


@pytest.fixture
def tokens(store: PostgresStore) -> dict[str, str]:
    """A project with an internal idea and a candidate, written by the owner."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_idea", "Lektiehjælp om lørdagen", 0, "Anna")
    store.add_candidate(owner, "Biblioteket", "Anna")
    return tokens


def shown(at: AppTest) -> list[str]:
    return [c.value.split("?k=")[1] for c in at.text if "?k=" in c.value]


@pytest.mark.parametrize("page", ["overview", "step1", "step2", "step3", "step4", "step5", "timeline", "history"])
def test_a_member_opens_every_page_the_owner_works_on(app: MakeApp, tokens: dict[str, str], page: str) -> None:
    at = app(tokens["member"], name="Mads", page=page)
    no_errors(at)
    assert "kan ikke åbnes" not in texts(at)


def test_a_member_sees_and_writes_step_1_as_the_association(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    at = app(tokens["member"], name="Mads", page="step1")
    assert "Lektiehjælp om lørdagen" in texts(at)
    at.button(key="fe_s1_our_offer_edit").click().run()
    at.text_area(key="fe_s1_our_offer_text").input("Frivillige og lokaler")
    at.button(key="fe_s1_our_offer_save").click().run()
    no_errors(at)
    owner = store.open(tokens["owner"])
    saved = store.snapshot(owner).field("s1_our_offer")
    assert (saved.value, saved.updated_by) == ("Frivillige og lokaler", "Mads")
    assert [e.role for e in store.history(owner) if e.target == "s1_our_offer"] == [Role.MEMBER]


def test_a_members_settings_have_no_link_management_export_or_delete(app: MakeApp, tokens: dict[str, str]) -> None:
    at = app(tokens["member"], name="Mads", page="settings")
    no_errors(at)
    keys = {b.key or "" for b in at.button}
    assert not {k for k in keys if k.endswith("_rotate") or k.startswith("settings_delete")}
    assert not [t for t in at.toggle if t.key == "settings_members_see_links_toggle"]
    assert shown(at) == []  # not even the member's own link: the owner has not chosen to show links
    assert "Lige nu er de ikke vist for medlemmer" in texts(at)
    assert tokens["owner"] not in texts(at)
    assert "Hent som JSON" not in texts(at) and "Slet partnerskabet" not in texts(at)


def test_the_owner_shows_a_member_the_partner_and_viewer_links(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    owner_at = app(tokens["owner"], page="settings")
    assert shown(owner_at) == [tokens["owner"], tokens["member"], tokens["partner"], tokens["viewer"]]
    owner_at.toggle(key="settings_members_see_links_toggle").set_value(True).run()
    no_errors(owner_at)
    assert owner_at.toggle(key="settings_members_see_links_toggle").value is True
    at = app(tokens["member"], name="Mads", page="settings")
    no_errors(at)
    assert shown(at) == [tokens["partner"], tokens["viewer"]]
    assert tokens["owner"] not in texts(at)
    assert not [b for b in at.button if (b.key or "").endswith("_rotate")]


def test_the_owner_makes_a_member_link_anew(app: MakeApp, store: PostgresStore, tokens: dict[str, str]) -> None:
    at = app(tokens["owner"], page="settings")
    at.button(key="settings_member_rotate").click().run()
    assert "medlemslink" in texts(at)
    at.button(key="settings_member_rotate_yes").click().run()
    no_errors(at)
    fresh = shown(at)[1]
    assert fresh != tokens["member"] and store.open(fresh).role is Role.MEMBER


def test_the_history_names_timer_and_link_settings_in_words(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    owner = store.open(tokens["owner"])
    store.timer(store.open(tokens["member"]), "start", 0, "Mads")
    store.show_links_to_members(owner, True, False, "Anna")
    at = app(tokens["owner"], page="history")
    no_errors(at)
    words = texts(at)
    assert "Uret i trin 2" in words and "- Uret: :gray[nulstillet] → **går**" in words
    assert "Mads (medlem)" in words
    assert "- Medlemmerne ser partnerens link og læse-linket: :gray[nej] → **ja**" in words


def test_the_meeting_view_shows_timer_suggestions_assessment_and_top_three_without_controls(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    owner = store.open(tokens["owner"])
    school = store.add_candidate(owner, "Skolen <b>", "Anna")
    store.update_candidate(owner, school.id, {"resources": 5, "values": 4, "priority": 1}, school.version, "Anna")
    store.timer(owner, "start", 0, "Anna")
    at = app(tokens["member"], name=None, page="meeting")
    no_errors(at)
    words = texts(at)
    assert "Første møde: Lektiecafé" in words
    assert "1. Biblioteket\n2. Skolen &lt;b>" in words  # in the order named, user text inert
    assert "| Skolen &lt;b> | **9** | 5 | – | 4 | – |" in words  # the points beside the name
    assert "1. **Skolen &lt;b>**" in words
    clock = at.get("markdown")
    assert any(m.value in ("3:00", "2:59") for m in clock)
    assert not at.button and not at.text_input  # no controls, not even the name prompt


def test_the_partner_cannot_open_the_meeting_view(app: MakeApp, tokens: dict[str, str]) -> None:
    at = app(tokens["partner"], name="Ole", page="meeting")
    assert "kan ikke åbnes med partnerens link" in texts(at)
    assert "Biblioteket" not in texts(at)
