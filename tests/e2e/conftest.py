"""Browser-test fixtures: one real Streamlit server and one Chromium per module, and a
fresh browser context (a separate person) per page opened.

Projects are made through the store API on the server's own database. Without
Chromium or Playwright the tests are skipped - in CI (CI=true) that is a failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

OpenAs = Callable[..., Any]
Screen = Callable[..., Any]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """A Streamlit server polling every second, on a free port, with its own database."""
    browser.require()
    with StreamlitServer(Path(tmp_path_factory.mktemp("e2e")), poll_s=1.0) as srv:
        yield srv


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Headless Chromium from /usr/bin/chromium, for one module: Playwright's sync API
    keeps an event loop running in this thread while it is open, so it must not outlive
    the module (a test elsewhere that calls ``asyncio.run`` would fail)."""
    browser.require()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = browser.launch(pw)
        yield launched
        launched.close()


@pytest.fixture
def open_as(chromium: Any, server: StreamlitServer) -> Iterator[OpenAs]:
    """``open_as(token, "step4", name="Ole", ready=".st-key-f_s4_vision")`` opens a page in a
    new browser context (its own session and cookies) and waits until it is drawn. A
    ``name`` is what this browser remembers (its ``ps_name`` cookie, as after the person
    once gave it); it never goes in the URL."""
    contexts: list[Any] = []

    def make(token: str | None, path: str = "", name: str | None = None, ready: str | None = None) -> Any:
        context = chromium.new_context(viewport={"width": 1280, "height": 1400})
        context.set_default_timeout(browser.TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        if name:
            context.add_cookies([{"name": "ps_name", "value": quote(name), "url": server.url}])
        query = []
        if token is not None:
            query.append(f"k={quote(token)}")
        server.fresh = False
        browser.open_page(page, f"{server.url}/{path}" + ("?" + "&".join(query) if query else ""), ready)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def screen(chromium: Any, server: StreamlitServer) -> Iterator[Screen]:
    """``screen("step2?k=TOKEN", name, device, ready, init="")``: a page in a browser context
    of its own (one person's device: ``browser.PHONE``, ``PROJECTOR``, ``LAPTOP``), drawn
    and idle; ``name`` is the browser's remembered name (None: none); ``init`` runs in the
    page before any of its own scripts."""
    contexts: list[Any] = []

    def make(url: str, name: str | None, device: dict[str, Any], ready: str, init: str = "") -> Any:
        context = chromium.new_context(**device)
        context.set_default_timeout(browser.TIMEOUT_MS)
        contexts.append(context)
        if init:
            context.add_init_script(init)
        if name:
            context.add_cookies([{"name": "ps_name", "value": quote(name), "url": server.url}])
        page = context.new_page()
        server.fresh = False
        browser.open_page(page, f"{server.url}/{url}", ready)
        return page

    yield make
    for context in contexts:
        context.close()
