"""The association's room in real browsers (issue 26, what was left): the facilitator moves
Møde 1's agenda and the projector follows; during the reflection a member's suggestion is
their phone's alone - the projector and a second phone under the same name only count it,
a reload keeps it - until the facilitator ends the round; a member's link opens the
settings page without any of the owner's link controls; step 2's grid keeps the first digit
typed on a fresh page and draws unrated cells empty."""

from __future__ import annotations

import pytest

from partnership.demo import create_demo
from partnership.model import Role
from tests.e2e.conftest import Screen
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

MEETING = ".st-key-meeting"


def test_the_projector_follows_the_agenda_and_suggestions_stay_private_until_the_round_ends(
    server: StreamlitServer, screen: Screen
) -> None:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    server.store.agenda(owner, 2, 0, "Anna")  # the meeting is at step 1's point
    facilitator = screen(f"step2?k={owner.token}", "Anna", browser.LAPTOP, ".st-key-agenda_bar")
    phone = screen(f"step2?k={tokens['member']}", "Mads", browser.PHONE, ".st-key-s2_timer")
    projector = screen(f"meeting?k={tokens['member']}", None, browser.PROJECTOR, MEETING)
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
    twin = screen(f"step2?k={tokens['member']}", "Mads", browser.PHONE, ".st-key-s2_private")
    browser.wait_text(twin, "1 forslag fra andre venter", ".st-key-s2_private")  # the same name, another phone
    assert "Skolen" not in browser.text(twin)
    phone.reload()  # the phone's own stays its own after a reload (its secret is in a cookie)
    browser.wait_text(phone, "Skolen", ".st-key-s2_private")
    browser.wait_idle(facilitator)
    assert "Skolen" not in projector.locator(MEETING).inner_text()
    assert "Skolen" not in browser.text(facilitator)
    assert server.store.snapshot(owner).candidates == []  # not in any snapshot either

    facilitator.locator(".st-key-s2_timer_finish button").click()  # the facilitator ends the round
    browser.wait_text(projector, "Skolen", MEETING)
    browser.wait_text(facilitator, "Skolen", ".st-key-cand_" + server.store.snapshot(owner).candidates[0].id)
    assert "venter" not in projector.locator(MEETING).inner_text()


def test_a_member_cannot_reach_link_management(server: StreamlitServer, screen: Screen) -> None:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    page = screen(f"settings?k={tokens['member']}", "Mads", browser.LAPTOP,
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


# -- step 2's grid on a freshly loaded page ------------------------------------------------

GRID = ".st-key-s2_grid"
DRAWN = """(() => {  // every text the page draws on a canvas: the grid is one
  window.__psDrawn = new Set();
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
    window.__psDrawn.add(String(text));
    return fill.call(this, text, ...rest);
  };
})();"""
SELECTED = """() => {
  const rows = Array.from(document.querySelectorAll('.st-key-s2_grid table tr'));
  for (let r = 0; r < rows.length; r++) {
    const c = Array.from(rows[r].children).findIndex((cell) => cell.getAttribute("aria-selected") === "true");
    if (c >= 0) return [r, c];
  }
  return null;
}"""
ROW_PX = 35  # glide-data-grid's row and header height in Streamlit


def test_the_grid_keeps_the_first_digit_typed_on_a_fresh_page_and_shows_unrated_cells_empty(
    server: StreamlitServer, screen: Screen
) -> None:
    owner, tokens = create_demo(server.store)
    new = server.store.add_candidate(owner, "Ny forening", "Anna")  # not rated yet
    page = screen(f"step2?k={tokens['owner']}", "Anna", browser.LAPTOP, f"{GRID} canvas",
                  init=DRAWN)
    page.wait_for_function("() => window.__psDrawn.has('Ny forening')")
    drawn = page.evaluate("() => Array.from(window.__psDrawn)")
    assert "Nørrebro Bibliotek" in drawn and "None" not in drawn  # an unrated cell is empty, not "None"

    # From here on a phone's network (400 ms a request): code fetched at the first key
    # press would arrive after the Enter below, and the digit would be lost.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 400, "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    page.locator(GRID).scroll_into_view_if_needed()
    rows = f"() => Array.from(document.querySelectorAll('{GRID} table tr')).map((tr) => tr.innerText)"
    page.wait_for_function(f"() => ({rows})().some((text) => text.includes('Ny forening'))")
    index = next(i for i, text in enumerate(page.evaluate(rows)) if "Ny forening" in text)
    box = page.locator(f"{GRID} [data-testid='stDataFrameResizable']").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 20, box["y"] + ROW_PX * (index + 0.5))  # the row's number
    page.wait_for_function(f"() => JSON.stringify(({SELECTED})()) === '[{index},0]'")
    for col in (1, 2):  # on to "Ressourcer"
        page.keyboard.press("ArrowRight")
        page.wait_for_function(f"() => JSON.stringify(({SELECTED})()) === '[{index},{col}]'")
    page.keyboard.type("4\n", delay=250)  # a digit and Enter at a person's pace, once
    save = page.locator(".st-key-s2_grid_save button")
    page.wait_for_function("(sel) => { const b = document.querySelector(sel); return !!b && !b.disabled; }",
                           arg=".st-key-s2_grid_save button")
    save.click()
    browser.wait_text(page, "Vurderingerne er gemt (1 forslag).")
    assert next(c for c in server.store.snapshot(owner).candidates if c.id == new.id).resources == 4
    assert "None" not in page.evaluate("() => Array.from(window.__psDrawn)")
