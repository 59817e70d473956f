"""Real browser, real server: what is typed in an open editor outlives the server (killed
with SIGKILL, or stopped and started again on the same port, as on a redeploy) and a
reload - kept in the browser, offered back with a notice, saved only when the person
says so and compare-and-set as always. After the reconnect the first click works.

Why a browser: the text that was typed but never committed exists only in the browser,
and Streamlit's reconnect is the frontend's doing; AppTest sees neither.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.e2e.conftest import OpenAs
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

DRAFT = "Vi vil have flere børn til at læse – skrevet lige før serveren gik ned"
FIELD = ".st-key-f_s4_vision"
OFFER = ".st-key-draft_s4_vision"
DISCARDED = "Den gemte tekst er kasseret."


def project(server: StreamlitServer) -> tuple[Any, dict[str, str]]:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    server.store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    return owner, tokens


def type_draft(page: Any, text: str = DRAFT) -> None:
    """Open the vision's editor and type - never committed to the server (no Tab, no Enter)."""
    page.locator(f"{FIELD} button", has_text="Rediger").click()
    area = page.locator(f"{FIELD} textarea")
    area.wait_for(state="visible")
    area.press_sequentially(text[:12])
    area.fill(text)  # the rest at once (an input event, as typing makes)
    page.wait_for_function(  # kept in the browser (the page's own script may start a moment after the editor)
        "t => Object.entries(localStorage).some(([k, v]) => k.startsWith('psd:') && v.includes(t))", arg=text)


def reconnected(page: Any, timeout: float = 30_000) -> None:
    """Wait until Streamlit's connection is up again after the server went away."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        ".getAttribute('data-test-connection-state') === 'CONNECTED'", timeout=timeout)


def forgotten(page: Any) -> None:
    """Wait until the browser has forgotten the drafts, reported it, and the run that
    report started is over (its page knows of no draft: drafts.js ``known``)."""
    page.wait_for_function("() => !Object.keys(localStorage).some(k => k.startsWith('psd:'))")
    page.wait_for_function("() => { const d = (window.__psDrafts || {}).data;"
                           " return !!d && Object.keys(d.known || {}).length === 0; }")
    browser.wait_idle(page)


def storage(page: Any) -> dict[str, str]:
    found: dict[str, str] = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    return found


@pytest.mark.parametrize("stop", ["SIGKILL", "SIGTERM"])
def test_a_draft_outlives_the_server_and_is_saved_only_when_asked(server: StreamlitServer, open_as: OpenAs,
                                                                 stop: str) -> None:
    owner, tokens = project(server)
    page = open_as(tokens["owner"], "step4", name="Anna", ready=FIELD)
    type_draft(page)
    kept = storage(page)
    assert any(DRAFT in value for value in kept.values()), "the typing is kept in the browser as it is typed"
    assert not any(tokens["owner"] in k or tokens["owner"] in v for k, v in kept.items()), "never the token"

    if stop == "SIGKILL":
        server.kill()  # no shutdown of any kind
    else:
        server.stop()  # a redeploy: Streamlit shuts down in order
    server.start(server.port)  # the same address: a restart, or another replica taking over
    browser.wait_text(page, "er gemt her – gem den nu", selector=OFFER, timeout=30_000)
    assert DRAFT in page.locator(OFFER).inner_text()
    assert server.store.snapshot(owner).field("s4_vision").version == 0, "nothing saved without being asked"

    page.locator(f"{OFFER} button", has_text="Gem den nu").click()
    browser.wait_text(page, DRAFT, selector=".st-key-fv_body_s4_vision")
    fv = server.store.snapshot(owner).field("s4_vision")
    assert (fv.value, fv.version, fv.updated_by) == (DRAFT, 1, "Anna")
    page.locator(OFFER).wait_for(state="detached")  # (the live view may show the text before the run ends)
    forgotten(page)
    assert page.locator(FIELD).inner_text().count("Gemt.") == 1, "the save's message outlives the report run"


def test_a_saved_draft_against_a_newer_version_gives_the_conflict_panel(server: StreamlitServer,
                                                                       open_as: OpenAs) -> None:
    owner, tokens = project(server)
    page = open_as(tokens["owner"], "step4", name="Anna", ready=FIELD)
    type_draft(page)
    server.kill()
    server.store.set_field(owner, "s4_vision", "Bos vision", 0, "Bo")  # saved while the server was down
    server.start(server.port)
    page.locator(f"{OFFER} button", has_text="Gem den nu").click(timeout=30_000)
    panel = page.locator(".st-key-conflict_s4_vision")
    panel.wait_for(state="visible")
    assert DRAFT in panel.inner_text() and "Bos vision" in panel.inner_text()
    assert server.store.snapshot(owner).field("s4_vision").value == "Bos vision", "compare-and-set: not over Bo's"
    page.locator(".st-key-fe_s4_vision_keep button").click()
    browser.wait_text(page, DRAFT, selector=".st-key-fv_body_s4_vision")
    fv = server.store.snapshot(owner).field("s4_vision")
    assert (fv.value, fv.version) == (DRAFT, 2)


def test_a_draft_outlives_a_reload_and_goes_back_into_the_editor(server: StreamlitServer, open_as: OpenAs) -> None:
    owner, tokens = project(server)
    page = open_as(tokens["owner"], "step4", name="Anna", ready=FIELD)
    type_draft(page)
    page.reload()
    browser.wait_text(page, "er gemt her", selector=OFFER)
    page.locator(f"{OFFER} button", has_text="Skriv videre").click()
    area = page.locator(f"{FIELD} textarea")
    area.wait_for(state="visible")
    assert area.input_value() == DRAFT
    area.fill(DRAFT + " og voksne")
    page.locator(f"{FIELD} button", has_text="Gem").first.click()
    browser.wait_text(page, "og voksne", selector=".st-key-fv_body_s4_vision")
    assert server.store.snapshot(owner).field("s4_vision").value == DRAFT + " og voksne"


def test_a_discarded_draft_is_gone_for_good(server: StreamlitServer, open_as: OpenAs) -> None:
    owner, tokens = project(server)
    page = open_as(tokens["owner"], "step4", name="Anna", ready=FIELD)
    type_draft(page)
    page.reload()
    button = page.locator(f"{OFFER} button", has_text="Kassér")
    button.wait_for(state="visible")
    button.click()
    browser.wait_text(page, DISCARDED, FIELD)
    # The next run - the browser reporting the draft it just forgot - is no person's: the
    # message stays until the person's next action (ui/flash.py), and shows once.
    forgotten(page)
    assert page.locator(FIELD).inner_text().count(DISCARDED) == 1
    page.reload()
    page.locator(f"{FIELD} button", has_text="Rediger").wait_for(state="visible")
    assert page.locator(OFFER).count() == 0
    assert server.store.snapshot(owner).field("s4_vision").version == 0


def test_the_first_click_after_a_restart_works(server: StreamlitServer, open_as: OpenAs) -> None:
    _, tokens = project(server)
    page = open_as(tokens["owner"], "step4", name="Anna", ready=FIELD)
    server.restart(same_port=True)  # SIGTERM, then the same port again: a redeploy
    reconnected(page)
    page.wait_for_timeout(1_500)  # a person reads for a moment, then clicks once
    page.locator(f"{FIELD} button", has_text="Rediger").click()
    page.locator(f"{FIELD} textarea").wait_for(state="visible", timeout=5_000)


def test_a_record_editors_draft_outlives_a_reload(server: StreamlitServer, open_as: OpenAs) -> None:
    owner, tokens = project(server)
    cand = server.store.add_candidate(owner, "Biblioteket", "Anna")
    page = open_as(tokens["owner"], "step2", name="Anna", ready=f".st-key-cand_{cand.id}")
    box = page.locator(f".st-key-cand_{cand.id}")
    box.locator("button", has_text="Rediger").click()
    name = page.locator(f".st-key-re_cand_{cand.id}_name input")
    name.wait_for(state="visible")
    name.fill("Hovedbiblioteket")
    page.reload()
    offer = page.locator(f".st-key-draft_re_cand_{cand.id}")
    offer.wait_for(state="visible")
    assert "er gemt her" in offer.inner_text()
    offer.locator("button", has_text="Skriv videre").click()
    name.wait_for(state="visible")
    assert name.input_value() == "Hovedbiblioteket"
    box.locator("button", has_text="Gem").click()
    page.wait_for_function("() => !Object.keys(localStorage).some(k => k.startsWith('psd:'))")
    got = next(c for c in server.store.snapshot(owner).candidates if c.id == cand.id)
    assert (got.name, got.version) == ("Hovedbiblioteket", 2)
    assert json.dumps(storage(page)).count("Hovedbiblioteket") == 0


def test_save_clicked_on_the_page_the_server_forgot_never_loses_the_text(server: StreamlitServer,
                                                                        open_as: OpenAs) -> None:
    """The reported fault: "Gem" right after the reconnect closed the editor, showed "Ikke
    udfyldt endnu", stored nothing and said nothing. Now the text is offered back."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    owner, tokens = project(server)
    page = open_as(tokens["owner"], "step4", name="Anna", ready=FIELD)
    type_draft(page)
    server.kill()
    server.start(server.port)
    reconnected(page)
    save = page.locator(".st-key-fe_s4_vision_save button")
    try:  # the old page may still be up: click its "Gem" at once (else the page is redrawn already)
        save.click(timeout=1_000, no_wait_after=True)
    except PlaywrightTimeout:
        pass
    browser.wait_text(page, "er gemt her – gem den nu", selector=OFFER, timeout=30_000)
    assert DRAFT in page.locator(OFFER).inner_text()
    assert server.store.snapshot(owner).field("s4_vision").version == 0


def test_another_tab_is_not_offered_what_is_still_being_typed(server: StreamlitServer, open_as: OpenAs) -> None:
    _, tokens = project(server)
    page = open_as(tokens["owner"], "step4", name="Anna", ready=FIELD)
    type_draft(page)
    other = page.context.new_page()  # the same browser (the same localStorage), another tab
    browser.open_page(other, page.url, FIELD)
    other.wait_for_timeout(2_000)
    assert other.locator(OFFER).count() == 0
    other.close()
    page.reload()  # this tab's own draft comes back after its reload
    page.locator(OFFER).wait_for(state="visible")
