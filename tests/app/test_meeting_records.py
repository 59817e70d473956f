"""Meeting records after signing (issue 25), AppTest: the overview's "next meeting" agrees
with the Møder tab (the example's first follow-up task and its first meeting record are
one meeting; a meeting record earlier than every task is the next one); one meeting is
cancelled from the tab ("Aflyst", with the reason) and held again."""

from __future__ import annotations

from datetime import date, timedelta

from streamlit.testing.v1 import AppTest

from partnership import meetings_demo
from partnership.demo import create_demo
from partnership.i18n import fmt_date
from partnership.store.postgres import PostgresStore
from tests.app.conftest import MakeApp, no_errors, texts


def next_metric(at: AppTest) -> str:
    return str({m.label: m.value for m in at.get("metric")}["Næste opfølgningsmøde"])


def test_the_overview_s_next_meeting_is_the_møder_tab_s_next_meeting(app: MakeApp, store: PostgresStore) -> None:
    owner, tokens = create_demo(store, "Eks")
    first = date.today() + timedelta(days=meetings_demo.FIRST_DAYS)
    [coming] = [m for m in store.meetings(owner).coming(date.today()) if not m.cancelled][:1]
    assert coming.day == first  # the plan's "Opfølgningsmøde 1" and the tab's first meeting: one day
    at = app(token=tokens["owner"], page="overview")
    no_errors(at)
    assert next_metric(at) == fmt_date(first, "da")
    shown = texts(at)
    assert "Opfølgningsmøde 1" in shown and f"{fmt_date(first, 'da')} kl. 17.00" in shown
    assert "Nørrebro Bibliotek, mødelokale 2" in shown

    # a meeting planned on the tab before the plan's next one is the next meeting
    soon = date.today() + timedelta(days=4)
    store.add_meeting(owner, {"day": soon, "time": "16:30", "place": "Klubhuset <b>"}, "Anna")
    at.run()
    no_errors(at)
    assert next_metric(at) == fmt_date(soon, "da")
    shown = texts(at)
    assert f"{fmt_date(soon, 'da')} kl. 16.30" in shown and "Klubhuset &lt;b>" in shown


def test_one_meeting_is_cancelled_from_the_tab_and_held_again(app: MakeApp, store: PostgresStore) -> None:
    owner, tokens = create_demo(store, "Eks")
    first = store.meetings(owner).coming(date.today())[0]
    at = app(token=tokens["partner"], name="Ole", page="timeline")
    at.session_state["tl_tab"] = at.tabs[2].label
    at.run()
    at.selectbox(key="mt_pick").set_value(first.id).run()
    at.text_input(key=f"mt_cancel_reason_{first.id}").input("Efterårsferie").run()
    at.button(key=f"mt_cancel_{first.id}").click().run()
    no_errors(at)
    seen = store.meetings(owner).get(first.id)
    assert seen is not None and seen.cancelled and seen.cancel_reason == "Efterårsferie" and seen.cancelled_by == "Ole"
    shown = texts(at)
    assert "Aflyst" in shown and "Begrundelse: Efterårsferie" in shown
    assert any(o.endswith("– aflyst") for o in at.selectbox(key="mt_pick").options)
    # the overview's next meeting moves on to the plan's second one (the first is off)
    overview = app(token=tokens["owner"], page="overview")
    assert next_metric(overview) == fmt_date(date.today() + timedelta(days=meetings_demo.SECOND_DAYS), "da")

    at.button(key=f"mt_restore_{first.id}").click().run()
    no_errors(at)
    back = store.meetings(owner).get(first.id)
    assert back is not None and not back.cancelled
