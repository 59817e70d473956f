"""The association's room in real browsers (issue 26, what was left): the facilitator moves
Møde 1's agenda and the projector follows; during the reflection a member's suggestion is
theirs alone - the projector only counts it - until the facilitator ends the round; a
member's link opens the settings page without any of the owner's link controls."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from partnership.model import Role
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
LAPTOP = {"viewport": {"width": 1280, "height": 1000}}
PROJECTOR = {"viewport": {"width": 1920, "height": 1080}}
MEETING = ".st-key-meeting"


@pytest.fixture
def contexts(chromium: Any) -> Iterator[list[Any]]:
    made: list[Any] = []
    yield made
    for context in made:
        context.close()


def screen(chromium: Any, server: StreamlitServer, made: list[Any], url: str, name: str | None,
           device: dict[str, Any], ready: str) -> Any:
    """A page in a browser context of its own (one person's device), drawn and idle."""
    context = chromium.new_context(**device)
    context.set_default_timeout(browser.TIMEOUT_MS)
    made.append(context)
    if name:
        context.add_cookies([{"name": "ps_name", "value": quote(name), "url": server.url}])
    page = context.new_page()
    server.fresh = False
    browser.open_page(page, f"{server.url}/{url}", ready)
    return page


def test_the_projector_follows_the_agenda_and_suggestions_stay_private_until_the_round_ends(
    chromium: Any, server: StreamlitServer, contexts: list[Any]
) -> None:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    server.store.agenda(owner, 2, 0, "Anna")  # the meeting is at step 1's point
    facilitator = screen(chromium, server, contexts, f"step2?k={owner.token}", "Anna", LAPTOP, ".st-key-agenda_bar")
    phone = screen(chromium, server, contexts, f"step2?k={tokens['member']}", "Mads", PHONE, ".st-key-s2_timer")
    projector = screen(chromium, server, contexts, f"meeting?k={tokens['member']}", None, PROJECTOR, MEETING)
    assert "punkt 2 af 5" in projector.locator(MEETING).inner_text()

    facilitator.locator(".st-key-agenda_next button").click()  # on to step 2's point: every screen follows
    browser.wait_text(projector, "Møde 1 · punkt 3 af 5: Trin 2", MEETING)
    browser.wait_text(phone, "punkt 3 af 5", ".st-key-agenda_bar")

    facilitator.locator(".st-key-s2_timer_start button").click()
    phone.locator(".st-key-s2_timer_finish").wait_for(state="visible")  # the phone sees the round running
    phone.get_by_label("Nyt forslag").fill("Skolen")
    phone.get_by_role("button", name="Tilføj").click()
    browser.wait_text(phone, "Skolen", ".st-key-s2_private")  # the author sees their own
    browser.wait_text(projector, "1 forslag fra andre venter", MEETING)  # the room only counts it
    browser.wait_idle(facilitator)
    assert "Skolen" not in projector.locator(MEETING).inner_text()
    assert "Skolen" not in browser.text(facilitator)
    assert server.store.snapshot(owner).candidates == []  # not in any snapshot either

    facilitator.locator(".st-key-s2_timer_finish button").click()  # the facilitator ends the round
    browser.wait_text(projector, "Skolen", MEETING)
    browser.wait_text(facilitator, "Skolen", ".st-key-cand_" + server.store.snapshot(owner).candidates[0].id)
    assert "venter" not in projector.locator(MEETING).inner_text()


def test_a_member_cannot_reach_link_management(chromium: Any, server: StreamlitServer, contexts: list[Any]) -> None:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    page = screen(chromium, server, contexts, f"settings?k={tokens['member']}", "Mads", LAPTOP,
                  "[data-testid='stMainBlockContainer']")
    shown = browser.text(page)
    assert "Lige nu er de ikke vist for medlemmer" in shown  # the page is the settings page, for a member
    for role in Role:  # no link card, no copy, no rotate, no show-to-members switch, no delete
        assert page.locator(f".st-key-link_{role.value}").count() == 0
    assert page.locator("[class*='_rotate']").count() == 0
    assert page.locator(".st-key-settings_members_see_links_toggle").count() == 0
    assert "Slet partnerskabet" not in shown and "Hent som JSON" not in shown
    assert all(token not in page.content() for token in tokens.values() if token != tokens["member"])
    assert server.store.open(tokens["owner"]).role is Role.OWNER  # nothing was rotated
