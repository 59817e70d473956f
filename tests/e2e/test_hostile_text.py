"""Real browser: every page, for every role, with hostile names, titles and fields.

The other organisation's text must not phish, track or crash: nothing is fetched from
another host (Playwright's request log), no link points anywhere but where its text says,
no bidi override reaches the page, no Content-Security-Policy violation is reported,
and every response carries the security headers.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, unquote, urlparse

import pytest

from partnership import agreement
from tests.e2e.conftest import OpenAs
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

IMG = "![i](http://evil.example/pixel.png)"
LINK = "[Log ind igen](http://evil.example/phish)"
HTML = '<img src="http://evil.example/raw.png"><a href="http://evil.example/a">klik</a>'
KATEX = r"$\href{http://evil.example/k}{\text{klik}}$ $$\includegraphics{http://evil.example/g.png}$$"
BIDI = "abc\u202egpj.exe\u202c"
DIRECTIVE = ":red[rød] :material/lock:"
NAME = f"Vera {IMG} {BIDI}"[:200]
LONG = "\n".join([f"Se {LINK} og {IMG}", HTML, KATEX, "> " * 300 + "dybt", f"- {DIRECTIVE}", BIDI] * 3)
PAGES = ("overview", "step1", "step2", "step3", "step4", "step5", "timeline", "history", "settings")
TODAY = date.today()
SLOW_MS = 60_000


@pytest.fixture(scope="module")
def hostile(server: StreamlitServer) -> dict[str, str]:
    """A project where every name, title and field is hostile; the partner has joined."""
    return make_hostile(server)


def make_hostile(server: StreamlitServer) -> dict[str, str]:
    store = server.store
    owner, tokens = store.create_project(f"Projekt {LINK}"[:200], f"Forening {IMG}"[:200], NAME)
    store.update_project(owner, {"partner_org": f"Partner {LINK} {BIDI}"[:200], "website": LINK}, 1, NAME)
    partner = store.open(tokens["partner"])
    for key in ("s1_vision_fit", "s1_partner_help", "s1_our_offer", "s1_idea", "s3_email", "s3_plan_b",
                "s4_vision", "s4_objectives", "s4_how", "s4_funding", "s5_follow_up", "s5_term"):
        store.set_field(owner, key, LONG, 0, NAME)
    cand = store.add_candidate(owner, NAME, NAME)
    store.update_candidate(owner, cand.id, {"note": LONG, "priority": 1}, cand.version, NAME)
    ours = store.add_person(owner, {"name": NAME, "side": "association", "title": LINK, "contact": IMG,
                                    "contact_consent": True, "working_group": True, "first_meeting": True}, NAME)
    theirs = store.add_person(partner, {"name": f"Ole {LINK}", "side": "partner", "title": HTML,
                                        "contact": KATEX[:200], "contact_consent": True, "working_group": True}, NAME)
    store.add_task(owner, {"title": NAME, "kind": "activity", "responsible": theirs.id, "side": "partner",
                           "start": TODAY, "due": TODAY + timedelta(days=60), "note": LONG}, NAME)
    store.add_task(owner, {"title": f"Møde {LINK}"[:200], "kind": "follow_up", "responsible": ours.id,
                           "due": TODAY + timedelta(days=20)}, NAME)
    far = store.add_task(owner, {"title": "Langt ude", "kind": "milestone", "due": TODAY}, NAME)
    # a date stored before dates were bounded (the bound is NOT VALID: old rows stay)
    server.sql("alter table partnership_private.tasks drop constraint tasks_due_years")
    server.sql("update partnership_private.tasks set due = '9999-12-31' where id = %s", (far.id,))
    server.sql("alter table partnership_private.tasks add constraint tasks_due_years"
               " check (due between date '1900-01-01' and date '2200-12-31') not valid")
    store.add_health_check(partner, NAME, {"communication": ("green", LONG[:500])}, NAME)
    snap = store.snapshot(owner)
    text = agreement.render_markdown(snap, "da")
    store.approve(owner, NAME, agreement.content_hash(text), text, NAME)
    store.heartbeat(owner, "someone-else", f"Eva {IMG} {BIDI}", "s1_idea")
    return tokens


def _visit(chromium: Any, server: StreamlitServer, token: str, path: str) -> dict[str, Any]:
    """Open one page as a new person and report what it fetched, linked and complained about."""
    requests: list[str] = []
    console: list[str] = []
    context = chromium.new_context(viewport={"width": 1280, "height": 1400})
    try:
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: console.append(m.text))
        name = quote(f"Bo {LINK}")
        # Heavy pages on a shared 2-core machine: a generous wait, never a timed assertion.
        browser.open_page(page, f"{server.url}/{path}?k={quote(token)}&n={name}", timeout=SLOW_MS)
        page.wait_for_timeout(300)  # late images and fonts
        links = page.evaluate("""() => [...document.querySelectorAll('a[href]')]
            .map(a => ({href: a.href, text: a.innerText.trim()}))""")
        images = page.evaluate("() => [...document.images].map(i => i.src)")
        shown = browser.text(page)
        headers = page.evaluate("""async () => {
            const r = await fetch(location.href); return Object.fromEntries(r.headers.entries()); }""")
    finally:
        context.close()
    return {"requests": requests, "console": console, "links": links, "images": images, "text": shown,
            "headers": headers, "origin": f"{urlparse(server.url).scheme}://{urlparse(server.url).netloc}"}


@pytest.mark.parametrize("role", ["owner", "partner", "viewer"])
def test_no_page_fetches_another_host_or_hides_a_links_target(
    chromium: Any, server: StreamlitServer, hostile: dict[str, str], role: str
) -> None:
    for path in PAGES:
        seen = _visit(chromium, server, hostile[role], path)
        origin = seen["origin"]
        foreign = [u for u in seen["requests"] if not u.startswith((origin, "data:", "blob:"))]
        assert foreign == [], (role, path, foreign)
        assert all(src.startswith((origin, "data:", "blob:")) for src in seen["images"]), (role, path, seen["images"])
        for link in seen["links"]:
            if link["href"].startswith((origin, "mailto:?")):
                continue  # the app's own navigation, and its "open in mail program" button
            target = unquote(link["href"])  # the browser percent-encodes what the text shows
            assert link["text"] in (target, target.rstrip("/")), (role, path, link)
        violations = [m for m in seen["console"] if "Content Security Policy" in m or "Refused to" in m]
        assert violations == [], (role, path, violations)
        assert "\u202e" not in seen["text"] and "\u202c" not in seen["text"], (role, path)
        assert "Noget gik galt" not in seen["text"], (role, path)
        csp = seen["headers"].get("content-security-policy", "")
        assert "frame-ancestors 'self'" in csp and "default-src 'self'" in csp
        assert seen["headers"].get("x-content-type-options") == "nosniff"
        assert seen["headers"].get("referrer-policy") == "same-origin"


def test_the_long_field_shows_where_its_link_goes(open_as: OpenAs, server: StreamlitServer,
                                                   hostile: dict[str, str]) -> None:
    page = open_as(hostile["partner"], "step4", name="Ole")
    page.wait_for_selector(".st-key-f_s4_vision", timeout=SLOW_MS)
    field = page.locator(".st-key-f_s4_vision").inner_text()
    assert "Log ind igen (http://evil.example/phish)" in field
    assert page.locator(".st-key-f_s4_vision a[href*='evil.example']").count() == \
        page.locator(".st-key-f_s4_vision a[href*='evil.example']").filter(has_text="http://evil.example").count()
    assert page.locator(".st-key-f_s4_vision .katex, .st-key-f_s4_vision blockquote").count() == 0
