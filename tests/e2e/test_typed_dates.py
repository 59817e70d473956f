"""Real browser: a date typed with the keyboard is saved as that date, and the calendar
beside a date field is Danish, works from the keyboard, and fills the field inside a
form and in an editor (ui/datefield.py). Streamlit's own date input lost the year typed
into an empty field ("20122026" became "20.06.åååå") and the task was saved without a
date; AppTest cannot see that, a browser can."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.e2e.conftest import OpenAs
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e


def project(server: StreamlitServer) -> tuple[str, object]:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    server.store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    return tokens["owner"], owner


def test_a_date_typed_with_the_keyboard_is_saved_with_that_date(server: StreamlitServer, open_as: OpenAs) -> None:
    token, owner = project(server)
    page = open_as(token, "step4", name="Anna", ready=".st-key-s4_new_due input")
    page.locator(".st-key-s4_new_title input").click()
    page.keyboard.type("Julefrokost for frivillige")
    page.locator(".st-key-s4_new_due input").click()
    page.keyboard.type("24122026")  # eight digits, no dots: as people type on a phone
    assert page.locator(".st-key-s4_new_due input").input_value() == "24122026"
    page.locator(".st-key-s4_new_submit button").click()
    browser.wait_text(page, "Tilføjet: »Julefrokost for frivillige«")
    browser.wait_idle(page)
    [task] = server.store.snapshot(owner).tasks
    assert (task.title, task.due) == ("Julefrokost for frivillige", date(2026, 12, 24))
    row = page.locator(f".st-key-s4_t_{task.id}")
    assert "Frist 24. dec. 2026" in row.inner_text()
    browser.edit_task(page, "s4", task.id)
    due = page.locator(f".st-key-re_s4task_{task.id}_due input")
    due.wait_for(state="visible")
    assert due.input_value() == "24.12.2026"  # the stored date, read back into the field


def test_the_calendar_is_danish_and_picks_a_day_from_the_keyboard(server: StreamlitServer, open_as: OpenAs) -> None:
    token, owner = project(server)
    page = open_as(token, "step4", name="Anna", ready=".st-key-s4_new_start_cal button")
    page.locator(".st-key-s4_new_title input").fill("Bogudstilling")
    page.locator(".st-key-s4_new_start input").fill("24.12.2026")
    # What a screen reader announces for the field and its calendar button: Danish only.
    assert page.locator(".st-key-s4_new_start").aria_snapshot() == (
        '- textbox "Start":\n  - /placeholder: dd.mm.åååå\n  - text: 24.12.2026')
    assert page.locator(".st-key-s4_new_start_cal").aria_snapshot() == (
        '- button "Kalender – vælg dato for Start": Kalender')
    opener = page.locator(".st-key-s4_new_start_cal button.ps-cal-open")
    opener.click()
    dialog = page.get_by_role("dialog", name="Vælg dato for Start")
    dialog.wait_for(state="visible")
    assert dialog.locator(".ps-cal-title").inner_text().casefold() == "december 2026"
    assert [th.get_attribute("abbr") for th in dialog.locator("th").all()] == [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
    assert dialog.get_by_role("button", name="Forrige måned").count() == 1
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert focused == "torsdag 24. december 2026"  # the typed day, ready for the arrows
    page.keyboard.press("ArrowDown")  # a week on
    page.keyboard.press("PageDown")  # a month on
    page.keyboard.press("Enter")
    assert dialog.is_hidden()
    assert page.locator(".st-key-s4_new_start input").input_value() == "31.01.2027"
    page.locator(".st-key-s4_new_submit button").click()
    browser.wait_text(page, "Tilføjet: »Bogudstilling«")
    [task] = server.store.snapshot(owner).tasks
    assert task.start == date(2027, 1, 31)


def test_a_day_picked_in_an_editor_is_saved(server: StreamlitServer, open_as: OpenAs) -> None:
    token, owner = project(server)
    task = server.store.add_task(owner, {"title": "Plakater", "kind": "task"}, "Anna")
    k = f"re_s4task_{task.id}"
    page = open_as(token, "step4", name="Anna", ready=f".st-key-s4_t_{task.id}")
    browser.edit_task(page, "s4", task.id)
    page.locator(f".st-key-{k}_due_cal button.ps-cal-open").click()
    dialog = page.get_by_role("dialog", name="Vælg dato for Frist")
    today = date.today()
    dialog.locator(f'button[data-day="{today + timedelta(days=1):%Y-%m-%d}"]').click()
    due = page.locator(f".st-key-{k}_due input")
    assert due.input_value() == f"{today + timedelta(days=1):%d.%m.%Y}"
    browser.wait_idle(page)  # outside a form the field's value reaches the server at once
    page.locator(f".st-key-{k}_save button").click()
    browser.wait_text(page, "Gemt")
    assert server.store.snapshot(owner).tasks[0].due == today + timedelta(days=1)


def test_on_a_phone_the_calendar_opens_whole_on_screen(server: StreamlitServer, open_as: OpenAs) -> None:
    token, _ = project(server)
    page = open_as(token, "step4", name="Anna", ready=".st-key-s4_new_due_cal button")
    page.set_viewport_size({"width": 390, "height": 844})
    browser.wait_idle(page)
    for field in ("s4_new_start", "s4_new_due"):
        page.locator(f".st-key-{field}_cal button.ps-cal-open").click()
        dialog = page.locator(f".st-key-{field}_cal .ps-cal-pop")
        dialog.wait_for(state="visible")
        box = dialog.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, (field, box)
        page.keyboard.press("Escape")
        assert dialog.is_hidden()
