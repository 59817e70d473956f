"""The start page's list of partnerships this browser has opened, in a real browser: kept
across sessions (a new tab, a reload) in the browser only, and removable."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

LIST = "Partnerskaber, du har åbnet her"


def test_a_browser_lists_what_it_opened_and_forgets_on_request(server: StreamlitServer, chromium: Any) -> None:
    _, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    server.fresh = False
    context = chromium.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(browser.TIMEOUT_MS)
    try:
        page = context.new_page()
        browser.open_page(page, f"{server.url}/overview?k={quote(tokens['member'])}")
        page.wait_for_function("() => document.cookie.includes('ps_opened=')")
        start = context.new_page()  # a new tab: a new session, only the browser remembers
        browser.open_page(start, f"{server.url}/", ".st-key-start_opened_0")
        assert "Lektiecafé" in start.locator(".st-key-start_opened_0").inner_text()
        other = chromium.new_context()  # another browser knows nothing of it
        try:
            elsewhere = other.new_page()
            browser.open_page(elsewhere, f"{server.url}/")
            assert LIST not in browser.text(elsewhere)
        finally:
            other.close()
        start.locator(".st-key-start_opened_0 button", has_text="Fjern").click()
        start.locator(".st-key-start_opened_0").wait_for(state="detached")
        start.wait_for_function("() => !document.cookie.includes('ps_opened=')")
        start.reload()
        browser.wait_idle(start)
        assert LIST not in browser.text(start)
    finally:
        context.close()
