"""The timeline page's Meetings tab (AppTest): the example's rhythm, place, participants
and minutes; planning a meeting with a proposed agenda; writing minutes, a decision and a
task that lands on the timeline; a stale minutes save shown in the conflict panel; the
viewer reads without controls."""

from __future__ import annotations

from datetime import date, timedelta

from streamlit.testing.v1 import AppTest

from partnership import meetings_demo
from partnership.demo import create_demo
from partnership.i18n import t
from partnership.store.postgres import PostgresStore
from tests.app.conftest import MakeApp, no_errors, texts


def rhythm_words() -> str:
    """The example's rhythm in Danish: every 13 weeks on the weekday of its first meeting
    (the plan's first follow-up task, ``meetings_demo.FIRST_DAYS`` from today)."""
    weekday = (date.today() + timedelta(days=meetings_demo.FIRST_DAYS)).weekday()
    return f"Hver 13. uge om {t(f'mt.weekday.{weekday}', 'da')}en kl. 17.00"


def meetings_tab(at: AppTest) -> AppTest:
    at.session_state["tl_tab"] = at.tabs[2].label
    return at.run()


def test_the_example_shows_its_rhythm_and_the_past_meetings_minutes(app: MakeApp, store: PostgresStore) -> None:
    owner, tokens = create_demo(store, "Eks")
    at = meetings_tab(app(token=tokens["owner"], page="timeline"))
    no_errors(at)
    shown = texts(at)
    assert rhythm_words() in shown and "Nørrebro Bibliotek, mødelokale 2" in shown
    book = store.meetings(owner)
    past = book.past(date.today())[0]
    at.selectbox(key="mt_pick").set_value(past.id).run()
    no_errors(at)
    shown = texts(at)
    assert "Lektiecaféen har haft 22 børn i snit." in shown
    assert "Klubben finder to nye frivillige til tirsdagene." in shown
    assert "Anna Holm, Mette Lund, Ole Berg, Sara Nielsen" in shown


def test_minutes_a_decision_and_a_task_are_written_from_the_tab(app: MakeApp, store: PostgresStore) -> None:
    owner, tokens = create_demo(store, "Eks")
    at = meetings_tab(app(token=tokens["partner"], name="Ole", page="timeline"))
    coming = store.meetings(owner).coming(date.today())[0]
    mid = coming.id
    at.button(key=f"fe_mm_{mid}_edit").click().run()
    at.text_area(key=f"fe_mm_{mid}_text").input("Ole skriver referat.").run()
    at.button(key=f"fe_mm_{mid}_save").click().run()
    no_errors(at)
    assert store.meetings(owner).get(mid).notes == "Ole skriver referat."  # type: ignore[union-attr]
    at.text_input(key=f"mt_dec_{mid}").input("Vi holder sommerfest").run()
    at.button(key=f"mt_dec_add_{mid}").click().run()
    no_errors(at)
    at.text_input(key=f"mt_task_{mid}_title").input("Bestil telt")
    at.text_input(key=f"mt_task_{mid}_due").input((date.today() + timedelta(days=9)).strftime("%d.%m.%Y"))
    at.button(key=f"mt_task_{mid}_submit").click().run()
    no_errors(at)
    seen = store.meetings(owner).get(mid)
    assert seen is not None and seen.decisions == ("Vi holder sommerfest",) and len(seen.task_ids) == 1
    task = next(x for x in store.snapshot(owner).tasks if x.id == seen.task_ids[0])
    assert task.title == "Bestil telt" and task.due == date.today() + timedelta(days=9)
    # A stale save: the owner saved meanwhile; both texts are shown.
    at.button(key=f"fe_mm_{mid}_edit").click().run()
    store.meeting_notes(owner, mid, "Annas version", seen.notes_version, "Anna")
    at.text_area(key=f"fe_mm_{mid}_text").input("Oles version").run()
    at.button(key=f"fe_mm_{mid}_save").click().run()
    no_errors(at)
    panel = texts(at)
    assert "Annas version" in panel and "Oles version" in panel
    at.button(key=f"fe_mm_{mid}_keep").click().run()
    assert store.meetings(owner).get(mid).notes == "Oles version"  # type: ignore[union-attr]


def test_a_meeting_is_planned_with_an_agenda_from_what_is_due(app: MakeApp, store: PostgresStore) -> None:
    owner, tokens = create_demo(store, "Eks")
    at = meetings_tab(app(token=tokens["owner"], page="timeline"))
    at.session_state["mt_new_open"] = True
    at.run()
    day = date.today() + timedelta(days=3)
    at.text_input(key="mt_new_day").input(day.strftime("%d.%m.%Y"))
    at.text_input(key="mt_new_time").input("16.30")
    at.text_input(key="mt_new_place").input("Klubhuset")
    at.button(key="mt_new_submit").click().run()
    no_errors(at)
    made = next(m for m in store.meetings(owner).meetings if m.place == "Klubhuset")
    assert made.day == day and f"{made.time:%H:%M}" == "16:30"
    assert any(p.startswith("Overskredet: Ansøgning til lokaludvalgets pulje") for p in made.agenda)
    assert made.agenda[0] == "Velkomst og siden sidst"


def test_the_viewer_reads_the_meetings_without_controls(app: MakeApp, store: PostgresStore) -> None:
    _, tokens = create_demo(store, "Eks")
    at = meetings_tab(app(token=tokens["viewer"], name="Vera", page="timeline"))
    no_errors(at)
    assert rhythm_words() in texts(at)
    assert not [b for b in at.button if b.key and b.key.startswith(("fe_mm_", "mt_"))]
