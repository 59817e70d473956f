"""AppTest: the association's room (issue 26, what was left) - Møde 1's agenda moved by the
facilitator and followed by every screen, suggestions private during the reflection round,
a new partnership from an earlier one, and approval left to the owner's link."""

from __future__ import annotations

import pytest

from partnership.model import Role
from partnership.store.postgres import PostgresStore
from partnership.ui import browser, links
from tests.app.conftest import MakeApp, no_errors, opened, texts


@pytest.fixture
def tokens(store: PostgresStore) -> dict[str, str]:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_vision_fit", "Alle børn skal have det godt", 0, "Anna")
    store.add_candidate(owner, "Biblioteket", "Anna")
    return tokens


def test_the_facilitator_moves_the_agenda_and_every_screen_follows(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    owner = app(tokens["owner"], page="overview")
    assert "Møde 1 er ikke i gang" in texts(owner)
    owner.button(key="agenda_start").click().run()
    no_errors(owner)
    member = app(tokens["member"], name="Mads", page="step2")  # another screen, another page
    assert "Møde 1 · punkt 1 af 5: Hvad er et partnerskab" in texts(member)
    member.button(key="agenda_next").click().run()  # a member facilitates too
    no_errors(member)
    assert store.snapshot(store.open(tokens["owner"])).agenda.point == 2
    assert "punkt 2 af 5: Trin 1" in texts(member)
    owner.button(key="agenda_next").click().run()  # the owner's screen acted on point 1: told, not moved
    assert "Dagsordenen blev flyttet på en anden skærm" in texts(owner)
    assert store.snapshot(store.open(tokens["owner"])).agenda.point == 2
    projector = app(tokens["member"], name=None, page="meeting")
    no_errors(projector)
    assert "Møde 1 · punkt 2 af 5: Trin 1" in texts(projector)
    assert not [b for b in projector.button if (b.key or "").startswith("agenda_")]  # no controls there
    partner = app(tokens["partner"], name="Ole", page="overview")
    assert "Møde 1" not in texts(partner) and not [b for b in partner.button if (b.key or "").startswith("agenda_")]


def test_suggestions_are_private_until_the_round_ends(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    owner_access = store.open(tokens["owner"])
    store.timer(owner_access, "start", 0, "Anna")
    member = app(tokens["member"], name="Mads", page="step2")
    member.text_input(key="s2_new").input("Skolen")
    member.button(key="FormSubmitter:s2_add-Tilføj").click().run()
    no_errors(member)
    assert "Dine forslag er kun dine" in texts(member) and "Skolen" in texts(member)
    twin = app(tokens["member"], name="Mads", page="step2")  # the same name on another browser
    no_errors(twin)
    assert "Skolen" not in texts(twin) and "1 forslag fra andre venter" in texts(twin)
    assert member.session_state[browser.DEVICE] != twin.session_state[browser.DEVICE]
    owner = app(tokens["owner"], page="step2")
    assert "Skolen" not in texts(owner) and "1 forslag fra andre venter" in texts(owner)
    projector = app(tokens["member"], name=None, page="meeting")
    assert "Skolen" not in texts(projector) and "1 forslag fra andre venter" in texts(projector)
    owner.button(key="s2_timer_finish").click().run()  # the facilitator ends the round
    no_errors(owner)
    assert "Skolen" in texts(owner) and "venter" not in texts(owner)
    assert [c.name for c in store.snapshot(owner_access).candidates] == ["Biblioteket", "Skolen"]


def test_a_new_partnership_starts_from_the_overview_and_shows_its_links_once(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    at = app(tokens["member"], name="Mads", page="overview")
    opened(at, "room_from_open")
    at.text_input(key="room_from_title").input("Sommerlejr")
    at.button(key="FormSubmitter:room_from_form-Start det nye partnerskab").click().run()
    no_errors(at)
    new_token = at.session_state["token"]
    new = store.open(new_token)
    assert new.role is Role.OWNER and new.project_id != store.open(tokens["owner"]).project_id
    snap = store.snapshot(new)
    assert snap.project.title == "Sommerlejr" and snap.project.created_by == "Mads"
    assert snap.field("s1_vision_fit").value == "Alle børn skal have det godt"
    assert [c.name for c in snap.candidates] == ["Biblioteket"]
    assert links.CREATED in at.session_state  # the new links are shown once, as after creating one
    assert new_token in texts(at)


def test_the_start_pages_list_offers_a_new_partnership_for_the_association_only(
    app: MakeApp, tokens: dict[str, str]
) -> None:
    at = app(None)
    at.session_state[browser.OPENED] = [tokens["member"], tokens["partner"]]
    at.run()
    no_errors(at)
    labels = [e.label for e in at.get("expander")]
    assert labels.count("Start et nyt partnerskab herfra") == 1  # the member's entry, not the partner's


def test_a_member_reads_the_agreement_but_the_owner_approves_it(app: MakeApp, tokens: dict[str, str]) -> None:
    member = app(tokens["member"], name="Mads", page="step5")
    no_errors(member)
    assert "Det er ejerens link, der godkender aftalen" in texts(member)
    assert not [b for b in member.button if b.key == "s5_approve"]
    owner = app(tokens["owner"], page="step5")
    assert [b for b in owner.button if b.key == "s5_approve"]
