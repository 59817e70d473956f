"""Two real people in two browsers against a real Streamlit server: live updates,
typing that survives them, conflicts, what each link may see, bad links, deep links
and the name prompt."""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from typing import Any

import pytest

from partnership.model import Role
from tests.e2e.conftest import OpenAs
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

SECRET_CANDIDATE = "Hemmelige Kandidatskole"
SECRET_NOTE = "Vores interne overvejelse om penge"
NOT_FOR_LINK = "Denne side kan ikke åbnes med partnerens link"
BAD_LINK = "Linket virker ikke"


def new_project(server: StreamlitServer) -> dict[str, str]:
    """A project with internal notes and a candidate that only the association may see."""
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    server.store.set_field(owner, "s1_vision_fit", SECRET_NOTE, 0, "Anna")
    server.store.set_field(owner, "s1_idea", "En lektiecafé hver tirsdag", 0, "Anna")
    server.store.add_candidate(owner, SECRET_CANDIDATE, "Anna")
    server.store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    return tokens


def field(key: str) -> str:
    return f".st-key-f_{key}"


def start_editing(page: Any, key: str) -> Any:
    """Click "Rediger" on a field and return its textarea once it is there."""
    page.locator(f"{field(key)} button", has_text="Rediger").click()
    area = page.locator(f"{field(key)} textarea")
    area.wait_for(state="visible")
    return area


def save(page: Any, key: str) -> None:
    page.locator(f"{field(key)} button", has_text="Gem").click()


def save_field(page: Any, key: str, text: str) -> None:
    """Edit a field from start to saved (and not to a conflict)."""
    start_editing(page, key).fill(text)
    save(page, key)
    page.locator(f"{field(key)} textarea").wait_for(state="detached")
    browser.wait_idle(page)
    assert "Behold min" not in page.locator(field(key)).inner_text()
    browser.wait_text(page, text, field(key))


def stored(server: StreamlitServer, token: str, key: str) -> str:
    return server.store.snapshot(server.store.open(token)).field(key).value


# (g) first, so that it really is the first request after the server started.
def test_a_deep_link_works_as_the_very_first_request(server: StreamlitServer, open_as: OpenAs) -> None:
    if not server.fresh:
        server.restart()
    tokens = new_project(server)
    page = open_as(tokens["owner"], "step4", name="Anna", ready=field("s4_vision"))
    assert "Trin 4" in browser.text(page)
    assert "Page not found" not in browser.text(page)


# (a)
def test_a_save_by_the_association_appears_for_the_partner_without_reload(
    server: StreamlitServer, open_as: OpenAs
) -> None:
    tokens = new_project(server)
    owner = open_as(tokens["owner"], "step4", name="Anna", ready=field("s4_vision"))
    partner = open_as(tokens["partner"], "step4", name="Ole", ready=field("s4_vision"))
    text = "Alle børn har et sted at lave lektier"
    save_field(owner, "s4_vision", text)
    browser.wait_text(partner, text, field("s4_vision"), timeout=5_000)
    assert "Anna" in partner.locator(field("s4_vision")).inner_text()


# (b)
def test_typing_survives_a_live_refresh_and_then_saves(server: StreamlitServer, open_as: OpenAs) -> None:
    tokens = new_project(server)
    owner = open_as(tokens["owner"], "step4", name="Anna", ready=field("s4_vision"))
    partner = open_as(tokens["partner"], "step4", name="Ole", ready=field("s4_objectives"))
    area = start_editing(partner, "s4_objectives")
    area.click()
    partner.keyboard.type("30 børn kommer fast", delay=15)
    save_field(owner, "s4_vision", "Visionen fra Anna")
    browser.wait_text(partner, "Visionen fra Anna", field("s4_vision"), timeout=5_000)  # the page reran
    partner.keyboard.type(" inden sommer", delay=15)
    assert area.input_value() == "30 børn kommer fast inden sommer"
    save(partner, "s4_objectives")
    browser.wait_text(partner, "Gemt", field("s4_objectives"))
    assert stored(server, tokens["owner"], "s4_objectives") == "30 børn kommer fast inden sommer"


# (c)
def test_two_saves_of_one_field_give_a_choice_and_lose_nothing(server: StreamlitServer, open_as: OpenAs) -> None:
    tokens = new_project(server)
    owner = open_as(tokens["owner"], "step4", name="Anna", ready=field("s4_funding"))
    partner = open_as(tokens["partner"], "step4", name="Ole", ready=field("s4_funding"))
    mine = start_editing(partner, "s4_funding")
    mine.fill("Ole: vi søger Lokaludvalget")
    save_field(owner, "s4_funding", "Anna: vi søger en fond")
    save(partner, "s4_funding")
    browser.wait_text(partner, "Behold min", field("s4_funding"))
    browser.wait_idle(partner)  # the editor's own textarea is gone, the two versions are drawn (ui/conflict.py)
    assert partner.locator(f"{field('s4_funding')} textarea").count() == 0
    shown = [partner.locator(f".st-key-cmp_{which}_s4_funding [data-testid='stText']").inner_text()
             for which in ("mine", "theirs")]
    assert shown == ["Ole: vi søger Lokaludvalget", "Anna: vi søger en fond"], "both texts, mine first"
    assert stored(server, tokens["owner"], "s4_funding") == "Anna: vi søger en fond"

    partner.locator(f"{field('s4_funding')} button", has_text="Flet").click()
    partner.locator(f"{field('s4_funding')} button", has_text="Behold min").wait_for(state="detached")
    merged = partner.locator(f"{field('s4_funding')} textarea")
    merged.wait_for(state="visible")
    assert "Anna: vi søger en fond" in merged.input_value() and "Ole: vi søger Lokaludvalget" in merged.input_value()
    save(partner, "s4_funding")
    browser.wait_text(partner, "Gemt", field("s4_funding"))
    both = stored(server, tokens["owner"], "s4_funding")
    assert "Anna: vi søger en fond" in both and "Ole: vi søger Lokaludvalget" in both

    # Again, and this time the partner keeps theirs.
    browser.wait_text(owner, "Ole: vi søger Lokaludvalget", field("s4_funding"))  # Anna sees the merge first
    start_editing(partner, "s4_funding").fill("Ole: kun Lokaludvalget")
    save_field(owner, "s4_funding", "Anna: kun fonden")
    save(partner, "s4_funding")
    partner.locator(f"{field('s4_funding')} button", has_text="Behold min").click()
    browser.wait_text(partner, "Gemt", field("s4_funding"))
    assert stored(server, tokens["owner"], "s4_funding") == "Ole: kun Lokaludvalget"


# (d)
@pytest.mark.parametrize("path", ["overview", "step4", "step5", "history", "timeline"])
def test_the_partner_never_sees_the_associations_own_notes(
    server: StreamlitServer, open_as: OpenAs, path: str
) -> None:
    tokens = new_project(server)
    page = open_as(tokens["partner"], path, name="Ole")
    time.sleep(0.3)  # let any late element arrive
    browser.wait_idle(page)
    seen = browser.text(page)
    assert SECRET_CANDIDATE not in seen and SECRET_NOTE not in seen
    assert BAD_LINK not in seen and NOT_FOR_LINK not in seen


def test_a_partner_deep_link_to_step1_is_refused(server: StreamlitServer, open_as: OpenAs) -> None:
    tokens = new_project(server)
    page = open_as(tokens["partner"], "step1", name="Ole")
    browser.wait_text(page, NOT_FOR_LINK)
    assert SECRET_NOTE not in browser.text(page)


# (e)
@pytest.mark.parametrize("path", ["step4", "step5"])
def test_a_viewer_has_no_edit_or_save_buttons(server: StreamlitServer, open_as: OpenAs, path: str) -> None:
    tokens = new_project(server)
    owner_access = server.store.open(tokens["owner"])
    server.store.set_field(owner_access, "s4_vision", "En vision alle kan læse", 0, "Anna")
    server.store.set_field(owner_access, "s5_term", "Et år ad gangen", 0, "Anna")
    page = open_as(tokens["viewer"], path)
    assert page.locator("button", has_text="Rediger").count() == 0
    assert page.get_by_role("button", name="Gem", exact=True).count() == 0
    assert page.locator(".st-key-who_name").count() == 0
    assert ("En vision alle kan læse" if path == "step4" else "Et år ad gangen") in browser.text(page)


# (f)
@pytest.mark.parametrize("kind", ["malformed", "unknown", "revoked"])
@pytest.mark.parametrize("path", ["", "step4"])
def test_a_bad_link_shows_a_clear_page_without_data(
    server: StreamlitServer, open_as: OpenAs, kind: str, path: str
) -> None:
    tokens = new_project(server)
    token = {"malformed": "abc<>", "unknown": secrets.token_urlsafe(32), "revoked": tokens["partner"]}[kind]
    if kind == "revoked":
        server.store.rotate_link(server.store.open(tokens["owner"]), Role.PARTNER)
    page = open_as(token, path, name="Ole")
    browser.wait_text(page, BAD_LINK)
    seen = browser.text(page)
    assert "Lektiecafé" not in seen and "Boldklubben" not in seen and "Biblioteket" not in seen


# (h)
def test_the_name_is_asked_once_and_survives_a_reload(server: StreamlitServer, open_as: OpenAs) -> None:
    tokens = new_project(server)
    page = open_as(tokens["owner"], "step4", ready=".st-key-who_name input")
    name = page.locator(".st-key-who_name input")
    name.fill("Birthe")
    name.press("Enter")
    name.wait_for(state="detached")
    page.wait_for_function("() => document.cookie.includes('ps_name=Birthe')")
    assert "Birthe" not in page.url  # remembered by this browser, not carried in the URL
    page.reload()
    browser.wait_idle(page)
    page.wait_for_selector(field("s4_vision"))
    browser.wait_idle(page)
    assert page.locator(".st-key-who_name").count() == 0
    save_field(page, "s4_vision", "Birthes vision")
    assert server.store.snapshot(server.store.open(tokens["owner"])).field("s4_vision").updated_by == "Birthe"


def test_a_new_owner_link_keeps_this_browser_in_and_shuts_out_the_old_one(
    server: StreamlitServer, open_as: OpenAs
) -> None:
    tokens = new_project(server)
    page = open_as(tokens["owner"], "settings", name="Anna", ready=".st-key-settings_owner_rotate button")
    page.locator(".st-key-settings_owner_rotate button").click()
    page.locator(".st-key-settings_owner_rotate_yes button").click()
    page.wait_for_function(f"() => new URL(location.href).searchParams.get('k') !== '{tokens['owner']}'")
    new = page.evaluate("() => new URL(location.href).searchParams.get('k')")
    page.wait_for_function("(t) => document.querySelector('.st-key-link_owner').innerText.includes(t)", arg=new)
    page.reload()
    page.wait_for_selector(".st-key-settings_owner_rotate button")
    assert BAD_LINK not in browser.text(page)
    old = open_as(tokens["owner"], "overview", name="Anna")
    browser.wait_text(old, BAD_LINK)


# (i) pushed, not polled
def test_a_revoked_link_stops_the_stream_and_the_page_at_once(server: StreamlitServer, open_as: OpenAs) -> None:
    tokens = new_project(server)
    partner = open_as(tokens["partner"], "step4", name="Ole", ready=field("s4_vision"))
    partner.wait_for_function("() => window.__psLive && window.__psLive.opened === true")
    server.store.rotate_link(server.store.open(tokens["owner"]), Role.PARTNER)  # from another process
    browser.wait_text(partner, BAD_LINK, timeout=5_000)
    assert partner.evaluate("() => window.__psLive.gone") is True, "the server ended the stream"
    seen = browser.text(partner)
    assert "Lektiecafé" not in seen and "Biblioteket" not in seen


def test_who_is_here_and_what_they_edit_reach_the_other_side_without_naming_internal_fields(
    server: StreamlitServer, open_as: OpenAs
) -> None:
    tokens = new_project(server)
    partner = open_as(tokens["partner"], "step4", name="Ole", ready=field("s4_vision"))
    owner = open_as(tokens["owner"], "step4", name="Anna", ready=field("s4_vision"))
    browser.wait_text(partner, "Anna (foreningen)", timeout=5_000)
    start_editing(owner, "s4_vision")
    browser.wait_text(partner, "Anna skriver her nu", field("s4_vision"), timeout=5_000)
    owner.goto(owner.url.replace("/step4", "/step1"))
    browser.wait_idle(owner)
    start_editing(owner, "s1_our_offer")
    partner.wait_for_function(
        "() => (window.__psLive.last.here || []).some(p => p.n === 'Anna' && p.e === 'internal')", timeout=5_000)
    assert "s1_" not in partner.evaluate("() => JSON.stringify(window.__psLive.last)")
    assert "Anna skriver her nu" not in browser.text(partner)


def reruns(page: Any) -> dict[str, int]:
    """What this page's live subscriber did: reruns of the whole page, and texts a field
    view swapped in by itself."""
    found: dict[str, int] = page.evaluate("() => ({view: 0, ...window.__psLive.stats})")
    return found


def test_the_other_sides_save_redraws_only_that_field_and_what_the_step_lacks(
    server: StreamlitServer, open_as: OpenAs
) -> None:
    """Field-scoped push: a save of one field's text is swapped into the reader's field
    view by the tab itself, and when the field was empty so is the step's "missing" line
    - no rerun of the page or of any part of it; someone starting to edit shows up on
    that field's heading the same way."""
    tokens = new_project(server)
    owner = open_as(tokens["owner"], "step4", name="Anna", ready=field("s4_vision"))
    partner = open_as(tokens["partner"], "step4", name="Ole", ready=field("s4_vision"))
    browser.wait_text(partner, "Mangler i trin 4", "[data-testid='stMain']")
    assert "Fælles vision" in browser.text(partner).split("Mangler i trin 4:")[1], "the empty field is missing"
    before = reruns(partner)
    area = start_editing(owner, "s4_vision")
    browser.wait_text(partner, "Anna skriver her nu", field("s4_vision"), timeout=5_000)
    assert reruns(partner) == before, "the badge was drawn by the tab, nothing reran"
    area.fill("Alle børn har et sted at lave lektier")
    save(owner, "s4_vision")
    browser.wait_text(partner, "Alle børn har et sted at lave lektier", field("s4_vision"), timeout=5_000)
    partner.wait_for_function(
        "() => !document.body.innerText.split('Mangler i trin 4:')[1].includes('Fælles vision')", timeout=5_000)
    partner.wait_for_function(
        "() => !document.querySelector('.st-key-f_s4_vision').innerText.includes('skriver her nu')", timeout=5_000)
    after = reruns(partner)
    assert after["full"] == before["full"], "the page itself did not rerun"
    assert after["view"] == before["view"] + 2, "the field's text and the missing line were swapped in by the tab"
    brought = partner.evaluate("() => window.__psLive.last.views || {}")
    assert set(brought) == {"body:s4_vision", "line:missing_4"}, "the event stream brought the new content along"
    assert brought["body:s4_vision"]["html"] == "<p>Alle børn har et sted at lave lektier</p>"
    assert partner.evaluate("() => performance.getEntriesByType('resource')"
                            ".filter(e => e.name.includes('/ps/field')).length") == 0, "so nothing was fetched"
    save_field(owner, "s4_vision", "Alle børn har et sted at lave lektier - hver uge")
    browser.wait_text(partner, "hver uge", field("s4_vision"), timeout=5_000)
    assert reruns(partner) == {**after, "view": after["view"] + 1}, "only the text changed: only its view fetched"
    # Editing after the tab swapped the text in starts from the newest text, not the page's.
    partner.locator(f"{field('s4_vision')} button", has_text="Rediger").click()
    box = partner.locator(f"{field('s4_vision')} textarea")
    box.wait_for(state="visible")
    assert box.input_value() == "Alle børn har et sted at lave lektier - hver uge"
    browser.wait_text(owner, "Ole skriver her nu", field("s4_vision"), timeout=5_000)


H1_TOPS = """window.__h1 = [];
new MutationObserver(() => {
  const h = document.querySelector('[data-testid="stMain"] h1');
  const top = h && Math.round(h.getBoundingClientRect().top);
  if (h && window.__h1[window.__h1.length - 1] !== top) window.__h1.push(top);
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});"""
"""Records each place the page's heading is drawn at, from its first appearance on."""


def test_who_is_here_comes_with_the_page_and_nothing_moves_when_the_stream_confirms_it(
        server: StreamlitServer, open_as: OpenAs, screen: Any) -> None:
    """Someone else is here when the page opens: the run draws the line with the page, and
    the subscriber's line takes its place once the stream has spoken. Drawn only by the
    subscriber, the line came a moment after the first paint and moved the page down."""
    tokens = new_project(server)
    open_as(tokens["owner"], "step4", name="Anna", ready=field("s4_vision"))
    partner = screen(f"step4?k={tokens['partner']}", "Ole", browser.PHONE, field("s4_vision"), init=H1_TOPS)
    partner.wait_for_function("() => !!document.querySelector('.ps-here[data-heard]')", timeout=5_000)
    browser.wait_idle(partner)
    assert browser.text(partner).count("Også her nu: Anna (foreningen)") == 1
    tops = partner.evaluate("window.__h1")
    assert len(tops) == 1, tops


def test_who_is_here_on_another_app_process_comes_with_the_page_too(
        server: StreamlitServer, open_as: OpenAs, chromium: Any, tmp_path: Path) -> None:
    """Two app processes on one database (replicas): Anna has step 4 open on the first, Ole
    opens it on the second. The second process had not heard of Anna until its presence sync
    after Ole's stream began: the line came after the first paint and moved the page."""
    tokens = new_project(server)
    open_as(tokens["owner"], "step4", name="Anna", ready=field("s4_vision"))
    with StreamlitServer(tmp_path, database=server.database) as other:
        context = chromium.new_context(**browser.PHONE)
        try:
            context.add_init_script(H1_TOPS)
            context.add_cookies([{"name": "ps_name", "value": "Ole", "url": other.url}])
            partner = context.new_page()
            browser.open_page(partner, f"{other.url}/step4?k={tokens['partner']}", field("s4_vision"))
            partner.wait_for_function("() => !!document.querySelector('.ps-here[data-heard]')", timeout=10_000)
            browser.wait_idle(partner)
            assert browser.text(partner).count("Også her nu: Anna (foreningen)") == 1
            tops = partner.evaluate("window.__h1")
            assert len(tops) == 1, tops
        finally:
            context.close()
