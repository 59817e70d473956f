"""Real Chromium: the shared link works where the app is served, is never lost, and is
shown again without being revoked; the name stays in the browser, never in the URL.

The module's server runs on a random port with PARTNERSHIP_BASE_URL unset, so every
link shown must carry the port the browser used; a second server runs under a base
path (``--server.baseUrlPath``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from partnership.model import Role
from tests.e2e.conftest import OpenAs
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

BAD_LINK = "Linket virker ikke"
PHONE = {"width": 390, "height": 844}


def card_url(page: Any, role: str) -> str:
    """The full link a card shows (its text holds the whole URL)."""
    page.wait_for_selector(f".st-key-link_{role} [data-testid='stText']")
    return str(page.locator(f".st-key-link_{role} [data-testid='stText']").inner_text()).strip()


def token_of(url: str) -> str:
    return url.split("?k=")[1]


def watch_urls(page: Any) -> list[str]:
    """Every address the page's main frame goes to, and every URL it later shows."""
    seen: list[str] = []
    page.on("framenavigated", lambda frame: seen.append(frame.url) if frame == page.main_frame else None)
    return seen


def no_name_in(urls: list[str], *names: str) -> None:
    for url in urls:
        assert "n=" not in url.split("?", 1)[-1].replace("lang=", ""), url
        for name in names:
            assert name.replace(" ", "+") not in url and name.replace(" ", "%20") not in url and name not in url, url


def test_from_the_start_page_to_the_partner_link_copied_in_five_actions_and_still_inside(
    chromium: Any, server: StreamlitServer
) -> None:
    context = chromium.new_context(viewport={"width": 1300, "height": 1000})
    context.set_default_timeout(browser.TIMEOUT_MS)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    urls = watch_urls(page)
    browser.open_page(page, f"{server.url}/", ".st-key-start_title input")
    actions = 0
    started = time.monotonic()
    for key, value in (("start_org", "Boldklubben Øst"), ("start_name", "Anna Holm"), ("start_title", "Lektiecafé")):
        page.locator(f".st-key-{key} input").fill(value)
        actions += 1
    page.get_by_role("button", name="Opret").click()
    actions += 1
    page.locator(".st-key-link_partner_copy button").click()
    actions += 1
    page.wait_for_function("() => navigator.clipboard.readText().then((t) => t.includes('?k='))")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    print(f"\nstart page -> partner link copied: {actions} actions, {time.monotonic() - started:.1f} s (machine time)")
    assert actions <= 5

    # The copied link is the partner's, on the port this browser used, and opens as partner.
    assert copied == card_url(page, "partner")
    assert copied.startswith(f"{server.url}/?k=")
    assert server.store.open(token_of(copied)).role is Role.PARTNER
    owner_url = card_url(page, "owner")
    assert owner_url.startswith(f"{server.url}/?k=")
    assert f"k={token_of(owner_url)}" in page.url  # inside: the token is in the address
    assert "Linket er nøglen" in browser.text(page)
    mailto = page.locator(".st-key-link_owner a[href^='mailto:']").get_attribute("href")
    assert mailto and "subject=" in mailto and token_of(owner_url) in mailto

    # Reload, back, the overview: still inside.
    page.reload()
    browser.wait_idle(page)
    assert card_url(page, "owner") == owner_url
    assert "Lektiecafé" in browser.text(page) and page.locator(".st-key-start_org").count() == 0
    page.go_back()
    # Back redraws the page: wait for its content, not only for the run to be idle (a run
    # that had not yet begun left the page with its menu only for a moment).
    browser.wait_text(page, "Lektiecafé", '[data-testid="stMain"]')
    page.wait_for_selector(".st-key-link_owner")
    assert page.locator(".st-key-start_org").count() == 0  # still inside, not the start page
    no_name_in(urls + [page.url], "Anna Holm")
    context.close()


def test_every_link_shown_uses_the_served_port_and_showing_twice_gives_the_same_partner_link(
    open_as: OpenAs, server: StreamlitServer
) -> None:
    _, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    page = open_as(tokens["owner"], "overview", name="Anna", ready=".st-key-link_partner")
    first = card_url(page, "partner")
    settings = open_as(tokens["owner"], "settings", name="Anna", ready=".st-key-link_viewer")
    urls = {role: card_url(settings, role) for role in ("owner", "partner", "viewer")}
    for role, url in urls.items():
        assert url == f"{server.url}/?k={tokens[role]}", role
    assert urls["partner"] == first
    for role in ("owner", "partner", "viewer"):
        assert settings.locator(f".st-key-link_{role}").count() == 1  # one card of a role per page

    partner = open_as(token_of(first), "", name="Ole", ready="[data-testid='stSidebar']")
    browser.wait_text(partner, "partneren")
    assert "Boldklubben Øst" in browser.text(partner) and BAD_LINK not in browser.text(partner)
    # Once the partner has been in, the owner's overview stops offering the partner link.
    page.reload()
    browser.wait_idle(page)
    page.wait_for_selector(".st-key-link_partner", state="detached")


def test_revoking_stops_the_old_link_at_once_also_in_an_open_session(
    open_as: OpenAs, server: StreamlitServer
) -> None:
    _, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    partner = open_as(tokens["partner"], "step4", name="Ole", ready=".st-key-f_s4_vision")
    owner = open_as(tokens["owner"], "settings", name="Anna", ready=".st-key-settings_partner_rotate button")
    assert owner.locator(".st-key-settings_partner_rotate button").inner_text().strip().endswith(
        "Luk linket og lav et nyt")
    owner.locator(".st-key-settings_partner_rotate button").click()
    owner.locator(".st-key-settings_partner_rotate_yes button").click()
    owner.wait_for_function(
        "(old) => !document.querySelector('.st-key-link_partner').innerText.includes(old)", arg=tokens["partner"])
    new = token_of(card_url(owner, "partner"))
    browser.wait_text(partner, BAD_LINK)  # the open session is shut out without a reload
    partner.get_by_role("link", name="Forside").first.wait_for(timeout=10_000)  # a way to the start page
    again = open_as(tokens["partner"], "", name="Ole")
    browser.wait_text(again, BAD_LINK)
    fresh = open_as(new, "step4", name="Ole", ready=".st-key-f_s4_vision")
    assert BAD_LINK not in browser.text(fresh)


def test_a_deleted_projects_link_shows_a_clear_page_with_a_way_to_the_start(
    open_as: OpenAs, server: StreamlitServer
) -> None:
    owner, tokens = server.store.create_project("Slettes", "Klubben", "Anna")
    server.store.delete_project(owner)
    page = open_as(tokens["partner"], "step4", name="Ole")
    browser.wait_text(page, BAD_LINK)
    assert "Traceback" not in browser.text(page)
    page.get_by_role("link", name="Forside").last.click()
    page.wait_for_selector(".st-key-start_org input")


def test_the_name_stays_in_the_browser_an_old_n_link_works_once_and_another_browser_asks(
    chromium: Any, open_as: OpenAs, server: StreamlitServer
) -> None:
    _, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    context = chromium.new_context(viewport={"width": 1300, "height": 1000})
    context.set_default_timeout(browser.TIMEOUT_MS)
    page = context.new_page()
    urls = watch_urls(page)
    browser.open_page(page, f"{server.url}/step4?k={tokens['partner']}&n=Ole%20Berg", ".st-key-f_s4_vision")
    page.wait_for_function("() => !new URL(location.href).searchParams.has('n')")
    page.wait_for_function("() => document.cookie.includes('ps_name=Ole%20Berg')")
    assert page.locator(".st-key-who_name").count() == 0
    page.reload()
    browser.wait_idle(page)
    page.wait_for_selector(".st-key-f_s4_vision")
    assert page.locator(".st-key-who_name").count() == 0  # remembered by this browser
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map((a) => a.href)")
    no_name_in([u for u in urls[1:] if "n=" not in u] + hrefs + [page.url], "Ole Berg")
    context.close()

    # A colleague who opens a copied address in another browser is asked who they are.
    other = open_as(tokens["partner"], "step4", ready=".st-key-who_name input")
    assert other.locator(".st-key-who_name input").input_value() == ""  # not taken over as Ole
    other.locator(".st-key-who_name input").fill("Mette")
    other.locator(".st-key-who_name input").press("Enter")
    other.locator(".st-key-who_name input").wait_for(state="detached")


def test_another_projects_link_in_the_same_tab_switches_cleanly(
    open_as: OpenAs, server: StreamlitServer
) -> None:
    _, first = server.store.create_project("Første projekt", "Klubben A", "Anna")
    _, second = server.store.create_project("Andet projekt", "Klubben B", "Bo")
    page = open_as(first["owner"], "overview", ready=".st-key-who_name input")
    page.locator(".st-key-who_name input").fill("Anna")
    page.locator(".st-key-who_name input").press("Enter")
    page.locator(".st-key-who_name input").wait_for(state="detached")
    page.wait_for_function("() => document.cookie.includes('ps_name=Anna')")
    browser.open_page(page, f"{server.url}/?k={second['partner']}", "[data-testid='stSidebar']")
    browser.wait_text(page, "Andet projekt")
    seen = browser.text(page)
    assert "Første projekt" not in seen and "partneren" in seen
    assert page.locator(".st-key-who_name").count() == 0  # the same person, in the same browser
    assert page.locator(".st-key-link_owner").count() == 0  # a partner sees no link cards


def test_on_a_phone_choosing_a_page_shows_it_and_the_link_card_shows_the_whole_link(
    chromium: Any, server: StreamlitServer
) -> None:
    _, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    context = chromium.new_context(viewport=PHONE)
    context.set_default_timeout(browser.TIMEOUT_MS)
    context.add_cookies([{"name": "ps_name", "value": "Anna", "url": server.url}])
    page = context.new_page()
    browser.open_page(page, f"{server.url}/overview?k={tokens['owner']}", ".st-key-link_owner")
    page.locator("[data-testid='stExpandSidebarButton']").click()
    page.locator("[data-testid='stSidebarNavLink']", has_text="Links og indstillinger").click()
    page.wait_for_selector(".st-key-link_viewer")
    browser.wait_idle(page)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stSidebar\"]').getBoundingClientRect().right <= 0")
    assert page.locator("h1", has_text="Links og indstillinger").is_visible()
    for role in ("owner", "partner", "viewer"):
        code = page.locator(f".st-key-link_{role} [data-testid='stText']")
        assert code.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1"), f"{role}: the link is cut"
        button = page.locator(f".st-key-link_{role}_copy button")
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert button.is_visible()
    context.close()


@pytest.fixture(scope="module")
def served_under_a_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """A second server, under ``/partnerskab`` (``--server.baseUrlPath``)."""
    browser.require()
    with StreamlitServer(Path(tmp_path_factory.mktemp("e2e_base")), base_path="partnerskab") as srv:
        yield srv


def test_links_carry_the_base_path_when_one_is_set(chromium: Any, served_under_a_path: StreamlitServer) -> None:
    server = served_under_a_path
    assert server.url.endswith("/partnerskab")
    _, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    context = chromium.new_context(viewport={"width": 1300, "height": 1000})
    context.set_default_timeout(browser.TIMEOUT_MS)
    context.add_cookies([{"name": "ps_name", "value": "Anna", "url": server.url}])
    page = context.new_page()
    browser.open_page(page, f"{server.url}/settings?k={tokens['owner']}", ".st-key-link_viewer")
    for role in ("owner", "partner", "viewer"):
        assert card_url(page, role) == f"{server.url}/?k={tokens[role]}", role
    browser.open_page(page, card_url(page, "partner"), "[data-testid='stSidebar']")
    browser.wait_text(page, "partneren")
    assert BAD_LINK not in browser.text(page)
    context.close()
