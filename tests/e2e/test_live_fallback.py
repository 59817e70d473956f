"""Where the event stream cannot connect (a host that does not route custom paths; here
the route is left out with PARTNERSHIP_LIVE_EVENTS=0), the page falls back to the
poller by itself, quietly, and stays live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import OpenAs
from tests.e2e.test_live import field, new_project, save, save_field, start_editing, stored
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """A Streamlit server without the event route, polling every second."""
    browser.require()
    env = {"PARTNERSHIP_LIVE_EVENTS": "0"}
    with StreamlitServer(Path(tmp_path_factory.mktemp("fallback")), poll_s=1.0, env=env) as srv:
        yield srv


def test_without_the_event_route_a_save_still_reaches_the_partner_and_typing_survives(
    server: StreamlitServer, open_as: OpenAs
) -> None:
    tokens = new_project(server)
    owner = open_as(tokens["owner"], "step4", name="Anna", ready=field("s4_vision"))
    partner = open_as(tokens["partner"], "step4", name="Ole", ready=field("s4_objectives"))
    area = start_editing(partner, "s4_objectives")
    area.click()
    partner.keyboard.type("30 børn", delay=15)
    save_field(owner, "s4_vision", "Visionen uden strøm")
    browser.wait_text(partner, "Visionen uden strøm", field("s4_vision"), timeout=8_000)
    partner.keyboard.type(" kommer fast", delay=15)
    assert area.input_value() == "30 børn kommer fast"
    save(partner, "s4_objectives")
    browser.wait_text(partner, "Gemt", field("s4_objectives"))
    assert stored(server, tokens["owner"], "s4_objectives") == "30 børn kommer fast"
    seen = browser.text(partner)
    assert "Traceback" not in seen and "Error" not in seen, "quietly: nothing about the stream on the page"


def test_a_page_whose_stream_cannot_connect_falls_back_by_itself(
    server: StreamlitServer, open_as: OpenAs
) -> None:
    """The subscriber tried the stream; the page did not need to be told."""
    tokens = new_project(server)
    page = open_as(tokens["partner"], "step4", name="Ole", ready=field("s4_vision"))
    page.wait_for_function("() => window.__psLive && window.__psLive.fallen === true", timeout=15_000)
    server.store.set_field(server.store.open(tokens["owner"]), "s4_how", "Tirsdage kl. 15", 0, "Anna")
    browser.wait_text(page, "Tirsdage kl. 15", field("s4_how"), timeout=8_000)
