"""Real Chromium, as the partner meets it: the people the association enters for itself
(step 3's first meeting, with phone and e-mail) never reach the partner's pages, the
agreement or its downloads - until the association puts them in the joint working group."""

from __future__ import annotations

import urllib.request
from urllib.parse import quote

import pytest

from partnership.model import Role
from tests.e2e.conftest import OpenAs
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e


def test_the_partner_never_sees_the_associations_own_people_until_they_join_the_working_group(
        server: StreamlitServer, open_as: OpenAs) -> None:
    store = server.store
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    karim = store.add_person(owner, {"name": "Karim Hemmelig", "side": "association", "first_meeting": True,
                                     "contact": "karim@example.org", "contact_consent": True}, "Anna")
    store.add_person(owner, {"name": "Mette Fælles", "side": "association", "working_group": True}, "Anna")
    assert store.open(tokens["partner"]).role is Role.PARTNER
    for path, ready in (("step4", ".st-key-f_s4_vision"), ("step5", None), ("history", None)):
        page = open_as(tokens["partner"], path, name="Ole", ready=ready)
        browser.wait_idle(page)
        shown = page.locator("body").inner_text()
        assert "Mette Fælles" in shown or path == "history", path
        assert "Karim" not in shown and "karim@example.org" not in shown, path
    url = f"{server.url}/ps/file?k={quote(tokens['partner'])}&what=agreement.md&l=da"
    with urllib.request.urlopen(url, timeout=30) as answer:
        agreement = answer.read().decode("utf-8")
    assert "Mette Fælles" in agreement and "Karim" not in agreement
    page = open_as(tokens["partner"], "step4", name="Ole", ready=".st-key-f_s4_vision")
    store.update_person(owner, karim.id, {"working_group": True}, 1, "Anna")  # now shared, on purpose
    browser.wait_text(page, "Karim Hemmelig")  # the open page follows, live
