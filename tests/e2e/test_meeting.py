"""The first evening in real browsers: members on 390 px phones and a projector on the
meeting view. The shared timer agrees on every screen within 1 s and survives a reload;
suggestions typed on the phones reach the projector in the order named (how long a save
takes to reach another screen: bench/bench_live.py)."""

from __future__ import annotations

import re
import time
from typing import Any
from urllib.parse import quote

import pytest

from tests.e2e.conftest import Screen
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

CLOCK = ".st-key-meeting_clock"


def seconds(text: str) -> int:
    found = re.search(r"(\d+):(\d\d)", text)
    assert found, text
    return int(found.group(1)) * 60 + int(found.group(2))


def phone_left(page: Any) -> int:
    return seconds(page.locator(".st-key-s2_timer [data-testid='stProgress']").inner_text())


def projector_left(page: Any) -> int:
    return seconds(page.locator(f"{CLOCK} p").first.inner_text())


def assert_agree(phone: Any, projector: Any) -> None:
    """Read both screens back to back, three times 0.7 s apart: at most 1 s apart each
    time. Each screen redraws its clock once a second from the server, so on a loaded
    machine one may be a tick late for a moment (CI once read 172 beside 174): a pair
    that differs is read again, up to three more times, before it counts as a failure.
    A reload that restarted or lost the timer stays apart, and fails."""
    for _ in range(3):
        for _again in range(4):
            a, b = phone_left(phone), projector_left(projector)
            if abs(a - b) <= 1:
                break
            time.sleep(0.3)
        assert abs(a - b) <= 1, (a, b)
        assert 150 <= a < 180
        time.sleep(0.7)


def test_the_shared_timer_agrees_on_phone_and_projector_and_survives_a_reload(
    server: StreamlitServer, screen: Screen
) -> None:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    phone = screen(f"step2?k={quote(tokens['member'])}", "Mads", browser.PHONE, ".st-key-s2_timer")
    projector = screen(f"meeting?k={quote(tokens['owner'])}", None, browser.PROJECTOR, CLOCK)
    assert projector_left(projector) == 180
    phone.locator(".st-key-s2_timer button", has_text="Start 3 minutter").click()
    phone.locator(".st-key-s2_timer [data-testid='stProgress']").wait_for(state="visible")
    projector.wait_for_function(
        "(sel) => { const p = document.querySelector(sel + ' p'); return !!p && p.innerText !== '3:00'; }",
        arg=CLOCK, timeout=browser.TIMEOUT_MS)
    phone.wait_for_function(  # both are counting (a loaded machine may draw one a tick later)
        "(sel) => { const p = document.querySelector(sel); return !!p && !p.innerText.includes('3:00'); }",
        arg=".st-key-s2_timer [data-testid='stProgress']", timeout=browser.TIMEOUT_MS)
    assert_agree(phone, projector)
    phone.reload()
    phone.wait_for_selector(".st-key-s2_timer [data-testid='stProgress']", state="visible")
    browser.wait_idle(phone)
    assert_agree(phone, projector)  # a reload changes nothing
    projector.reload()
    projector.wait_for_selector(CLOCK, state="visible")
    browser.wait_idle(projector)
    assert_agree(phone, projector)
    assert server.store.snapshot(owner).timer.version == 1


def test_suggestions_from_three_phones_reach_the_projector_in_the_order_named(
    server: StreamlitServer, screen: Screen
) -> None:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    projector = screen(f"meeting?k={quote(tokens['owner'])}", None, browser.PROJECTOR, CLOCK)
    member = f"step2?k={quote(tokens['member'])}"
    phones = [screen(member, name, browser.PHONE, ".st-key-s2_timer") for name in ("Mads", "Sara", "Ib")]
    named: list[str] = []
    for n in range(9):  # each phone three times, in turn
        phone = phones[n % len(phones)]
        name = f"Forslag {n + 1:02d}"
        phone.get_by_label("Nyt forslag").fill(name)
        phone.get_by_role("button", name="Tilføj").click()
        browser.wait_text(projector, name, ".st-key-meeting")
        named.append(name)
        phone.get_by_text(f"»{name}« er skrevet på listen.").wait_for(state="visible")
    shown = projector.locator(".st-key-meeting").inner_text()
    assert [shown.index(x) for x in named] == sorted(shown.index(x) for x in named)  # the order named
    assert [c.name for c in server.store.snapshot(owner).candidates] == named
