"""A deep link in Chromium asks for nothing that is not there and breaks no policy
(partnership/web/preload.py, web/static/base_url.js, web/headers.py), also under a base
path; Streamlit's own JavaScript comes compressed from the real server (web/compress.py)."""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import brotli  # type: ignore[import-untyped]
import pytest

from partnership.demo import create_demo
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

TITLES = {"overview": "Lektiecafé på biblioteket", "step4": "Trin 4", "step5": "Trin 5", "timeline": "Tidslinje"}
"""What each page's h1 starts with in the example project (the page the link names ran)."""


@pytest.fixture(scope="module")
def based(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """A second server, under the base path /app (``server.baseUrlPath``)."""
    browser.require()
    with StreamlitServer(Path(tmp_path_factory.mktemp("based")), base_path="app") as srv:
        yield srv


def visit(chromium: Any, server: StreamlitServer, page_name: str, token: str) -> dict[str, Any]:
    """Open a deep link in a fresh context: the failed requests, console errors and
    Content-Security-Policy issues Chrome reported, and the page's heading."""
    context = chromium.new_context(viewport={"width": 412, "height": 900})
    context.add_cookies([{"name": "ps_name", "value": "Anna", "url": server.url}])
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        issues: list[Any] = []
        cdp.on("Audits.issueAdded", lambda e: issues.append(e["issue"]))
        cdp.send("Audits.enable")
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        failed: list[str] = []
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        browser.open_page(page, f"{server.url}/{page_name}?k={token}", ready="h1")
        page.wait_for_timeout(1500)  # late requests (element chunks, the live stream)
        return {"failed": failed, "errors": errors, "heading": page.locator("h1").first.inner_text(),
                "csp": [json.dumps(x) for x in issues if x["code"] == "ContentSecurityPolicyIssue"],
                "path": page.evaluate("() => location.pathname")}
    finally:
        context.close()


@pytest.mark.parametrize("page_name", ["overview", "step5", "timeline"])
def test_a_deep_link_has_no_404_no_console_error_and_no_csp_issue(chromium: Any, server: StreamlitServer,
                                                                    page_name: str) -> None:
    tokens = create_demo(server.store, "Anna")[1]
    found = visit(chromium, server, page_name, tokens["owner"])
    assert found["failed"] == [] and found["errors"] == [] and found["csp"] == []
    assert found["heading"].startswith(TITLES[page_name]) and found["path"] == f"/{page_name}"


def test_a_deep_link_under_a_base_path_finds_the_app_at_once(chromium: Any, based: StreamlitServer) -> None:
    tokens = create_demo(based.store, "Anna")[1]
    found = visit(chromium, based, "step4", tokens["partner"])
    assert found["failed"] == [] and found["errors"] == [] and found["csp"] == []
    assert found["heading"].startswith(TITLES["step4"]) and found["path"] == "/app/step4"


@pytest.mark.parametrize("address, role", [("", "owner"), ("step4", "partner"), ("step5", "owner"),
                                           ("timeline", "owner")])
def test_a_first_visit_fetches_no_element_code_its_page_did_not_preload(
        chromium: Any, server: StreamlitServer, address: str, role: str) -> None:
    """A volunteer's first tap on a link (no name yet: the name box) and a deep link: every
    chunk of Streamlit's JavaScript the page asks for is named in its HTML (index.html's
    own or our preloads). A chunk fetched only once its element had arrived drew the page
    a second time after its first paint (web/preload.py)."""
    tokens = create_demo(server.store, "Anna")[1]
    context = chromium.new_context(viewport={"width": 412, "height": 900})  # no cookie: a first visit
    try:
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url.split("?")[0]) if "/static/js/" in r.url else None)
        answer = page.goto(f"{server.url}/{address}?k={tokens[role]}")
        assert answer is not None
        named = set(re.findall(r'href="[^"]*?/?static/(js/[\w.-]+\.js)"', answer.text()))
        named |= set(re.findall(r'src="[^"]*?/?static/(js/[\w.-]+\.js)"', answer.text()))
        browser.wait_text(page, "Hvad hedder du?")
        browser.wait_idle(page)
        page.wait_for_timeout(1000)  # late requests
        late = sorted({url.split("/static/", 1)[1] for url in asked} - named)
        assert len(named) > 20 and late == [], late
    finally:
        context.close()


def test_streamlits_javascript_comes_compressed_from_the_server(server: StreamlitServer) -> None:
    with urllib.request.urlopen(f"{server.url}/timeline") as answer:
        entry = re.search(r'src="\./static/js/(index\.[\w-]+\.js)"', answer.read().decode())
    assert entry is not None
    url = f"{server.url}/static/js/{entry.group(1)}"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip, br"})) as answer:
        packed, headers = answer.read(), answer.headers
    with urllib.request.urlopen(url) as answer:  # asks for no encoding
        plain, plain_headers = answer.read(), answer.headers
    assert headers["Content-Encoding"] == "br" and "Accept-Encoding" in headers["Vary"]
    assert int(headers["Content-Length"]) == len(packed) < len(plain) / 3
    assert brotli.decompress(packed) == plain
    assert "immutable" in headers["Cache-Control"]
    assert plain_headers.get("Content-Encoding") is None and int(plain_headers["Content-Length"]) == len(plain)


@pytest.mark.parametrize("width", [390, 1300])
def test_every_icon_is_drawn_from_the_cut_font_as_one_glyph(chromium: Any, server: StreamlitServer,
                                                            width: int) -> None:
    """The icon font comes cut to the app's icons (web/icon_font.py): a few KB, not 375. An
    icon is one glyph one em wide; one the cut font lacked would be drawn as its name's
    letters, an em each (Streamlit's icon box clips them, so the text's own width is measured)."""
    tokens = create_demo(server.store, "Anna")[1]
    context = chromium.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        fonts: list[tuple[int, int]] = []
        page.on("response", lambda r: fonts.append((r.status, len(r.body())))
                if "/static/media/MaterialSymbols" in r.url else None)
        browser.open_page(page, f"{server.url}/timeline?k={tokens['owner']}", ready="h1")
        browser.wait_idle(page)
        page.locator("[data-testid=stPopover] button").last.click()  # the filters: more icons in a popover
        page.wait_for_timeout(500)
        page.evaluate("document.fonts.ready")
        icons = page.evaluate("""() => [...document.querySelectorAll('[data-testid=stIconMaterial]')]
            .filter(e => e.getClientRects().length > 0)  // laid out (not in a menu hidden at this width)
            .map(e => { const text = document.createRange(); text.selectNodeContents(e);
                        return [e.textContent, text.getBoundingClientRect().width,
                                parseFloat(getComputedStyle(e).fontSize)]; })""")
        wrong = [(name, drawn) for name, drawn, size in icons if not 0.9 * size <= drawn <= 1.5 * size]
        assert len(icons) >= 12 and wrong == [], wrong
        assert fonts and all(status == 200 and size < 40_000 for status, size in fonts), fonts
    finally:
        context.close()
