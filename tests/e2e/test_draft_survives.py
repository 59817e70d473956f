"""Real browser: text typed in an editor survives the store failing under the page, and the
page comes back by itself when the store answers again (AppTest keeps widget state that a
browser would lose, so this is checked here)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import OpenAs
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

DRAFT = "Mit udkast, som ikke er gemt endnu"


def test_a_typed_draft_survives_a_failed_read_and_the_page_recovers(server: StreamlitServer,
                                                                    open_as: OpenAs) -> None:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    server.store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    page = open_as(tokens["owner"], "step4", name="Anna", ready=".st-key-f_s4_vision")
    page.locator(".st-key-f_s4_vision button", has_text="Rediger").click()
    area = page.locator(".st-key-f_s4_vision textarea")
    area.wait_for(state="visible")
    area.fill(DRAFT)
    area.press("Tab")  # committed to the session, not saved to the store
    browser.wait_idle(page)
    server.sql("alter table partnership_private.fields rename to fields_away")  # the store fails: a table is gone
    try:
        server.store.update_project(owner, {"title": "Lektiecafé 2"}, 2, "Bo")  # the page's poller reruns it
        browser.wait_text(page, "Vi kunne ikke gemme eller hente data", timeout=30_000)
        browser.wait_idle(page)  # the message shows before the run has ended and cleared the old page
        assert page.locator(".st-key-f_s4_vision textarea").count() == 0
        page.wait_for_timeout(4_000)  # a few failed retries while it is down
    finally:
        server.sql("alter table partnership_private.fields_away rename to fields")
    area = page.locator(".st-key-f_s4_vision textarea")
    area.wait_for(state="visible", timeout=30_000)  # back by itself, no reload
    assert area.input_value() == DRAFT
