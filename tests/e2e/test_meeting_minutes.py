"""Real browsers: the association and the partner write a meeting's minutes together on
the timeline page's Meetings tab. Each sees the other's saved text arrive live (no
reload), a decision shows on the other side, and a task from the minutes is a real task
in the timeline's data."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from partnership.demo import create_demo
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

WAIT_MS = 30_000  # a loaded two-core machine: a push and a rerun may take a while


def meetings_tab(page: Any, mid: str) -> None:
    page.get_by_role("tab").filter(has_text="Møder").click()
    page.locator(f".st-key-mt_notes_{mid}").wait_for(state="visible", timeout=WAIT_MS)
    browser.wait_idle(page, WAIT_MS)


def write_minutes(page: Any, mid: str, text: str) -> None:
    page.locator(f".st-key-fe_mm_{mid}_edit button").click()
    area = page.locator(f".st-key-fe_mm_{mid}_text textarea")
    area.wait_for(state="visible", timeout=WAIT_MS)
    area.fill(text)
    page.locator(f".st-key-fe_mm_{mid}_save button").click()
    page.locator(f".st-key-fe_mm_{mid}_edit button").wait_for(state="visible", timeout=WAIT_MS)


def test_two_sides_write_the_minutes_together_live(open_as: Any, server: StreamlitServer) -> None:
    owner, tokens = create_demo(server.store, "Eks")
    mid = server.store.meetings(owner).coming(date.today())[0].id
    anna = open_as(tokens["owner"], "timeline", name="Anna", ready='[data-testid="stTab"]')
    ole = open_as(tokens["partner"], "timeline", name="Ole", ready='[data-testid="stTab"]')
    meetings_tab(anna, mid)
    meetings_tab(ole, mid)

    write_minutes(anna, mid, "Anna: vi har 22 børn i caféen.")
    browser.wait_text(ole, "Anna: vi har 22 børn i caféen.", f".st-key-mt_notes_{mid}", timeout=WAIT_MS)

    write_minutes(ole, mid, "Anna: vi har 22 børn i caféen.\nOle: biblioteket køber flere bøger.")
    browser.wait_text(anna, "Ole: biblioteket køber flere bøger.", f".st-key-mt_notes_{mid}", timeout=WAIT_MS)

    ole.locator(f".st-key-mt_dec_{mid} input").fill("Vi holder forældreaften i marts")
    ole.locator(f".st-key-mt_dec_{mid} input").press("Tab")
    browser.wait_idle(ole, WAIT_MS)
    ole.locator(f".st-key-mt_dec_add_{mid} button").click()
    browser.wait_text(anna, "Vi holder forældreaften i marts", f".st-key-mt_decisions_{mid}", timeout=WAIT_MS)

    due = date.today() + timedelta(days=10)
    anna.locator(f".st-key-mt_task_{mid}_title input").fill("Book salen til forældreaftenen")
    anna.locator(f".st-key-mt_task_{mid}_due input").fill(due.strftime("%d.%m.%Y"))
    anna.locator(f".st-key-mt_task_{mid}_submit button").click()
    browser.wait_text(ole, "Book salen til forældreaftenen", f".st-key-mt_tasks_{mid}", timeout=WAIT_MS)

    snap = server.store.snapshot(server.store.open(tokens["viewer"]))  # the timeline's data, as anyone reads it
    task = next(x for x in snap.tasks if x.title == "Book salen til forældreaftenen")
    assert task.due == due and not task.internal
    seen = server.store.meetings(owner).get(mid)
    assert seen is not None and seen.notes.endswith("Ole: biblioteket køber flere bøger.")
    assert seen.decisions == ("Vi holder forældreaften i marts",) and seen.task_ids == (task.id,)
