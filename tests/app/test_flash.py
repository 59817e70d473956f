"""AppTest: an action's message stays until the next run a person starts (ui/flash.py).

The runs that no person starts - a custom component reporting to the server - are sent
here the way the browser sends them: the component's new state (the drafts component's
``found``) or trigger (the live subscriber's ``rerun``) as a widget state of the run, so
that Streamlit calls the component's ``on_<name>_change`` callback as it does for the
browser. (AppTest has no public setter for a custom component: ``AppTest._run`` with
the page's own widget states plus the component's.)"""

from __future__ import annotations

import json
import time

from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from streamlit.testing.v1 import AppTest

from partnership.store.base import Store
from partnership.ui import flash
from tests.app.conftest import MakeApp, no_errors
from tests.app.test_drafts import report

DISCARDED = "Den gemte tekst er kasseret."


def component_id(at: AppTest, name: str) -> str:
    found = [e.proto.id for e in at.get("bidi_component") if e.proto.component_name == name]
    assert len(found) == 1, (name, found)
    return str(found[0])


def reported(at: AppTest, state: WidgetState) -> AppTest:
    """One run started by a component's report (``state``), with every other widget as it was."""
    states = WidgetStates()
    states.widgets.extend([w for w in at._tree.get_widget_states().widgets if w.id != state.id] + [state])
    return at._run(states)


def drafts_report(at: AppTest) -> AppTest:
    """The drafts component reports which drafts it holds now (none: it forgot one)."""
    return reported(at, WidgetState(id=component_id(at, "ps_drafts"),
                                    json_value=json.dumps({"found": {"_n": int(time.time() * 1000)}})))


def live_rerun(at: AppTest) -> AppTest:
    """The live subscriber asks for a rerun (someone else saved)."""
    base = component_id(at, "partnership_live")
    return reported(at, WidgetState(id=_make_trigger_id(base, "events"),
                                    json_trigger_value=json.dumps([{"event": "rerun", "value": "5|"}])))


def shown(at: AppTest, text: str) -> int:
    """How many message boxes on the page say ``text``."""
    return sum(e.value == text for kind in ("success", "info", "error", "warning") for e in at.get(kind))


def test_a_discard_message_outlives_the_components_reports_and_goes_with_the_next_click(
        app: MakeApp, store: Store) -> None:
    _, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    at = app(tokens["owner"], page="step1")
    report(at, "fe_s1_idea", {"text": "Min kladde"})
    at.button(key="fe_s1_idea_draft_drop").click().run()
    no_errors(at)
    assert shown(at, DISCARDED) == 1, "one message for one action"
    turn = at.session_state[flash.TURN]

    drafts_report(at)  # the browser forgot the draft and says so: a run no person started
    no_errors(at)
    assert at.session_state[flash.TURN] == turn, "the report's callback marked the run"
    assert shown(at, DISCARDED) == 1, "still there, once"
    live_rerun(at)  # and someone else's save
    assert shown(at, DISCARDED) == 1

    at.button(key="fe_s1_idea_edit").click().run()  # the person's next action
    no_errors(at)
    assert shown(at, DISCARDED) == 0
    assert at.text_area(key="fe_s1_idea_text").value == ""
    drafts_report(at)
    assert shown(at, DISCARDED) == 0, "gone for good, not back with the next report"


def test_a_saved_message_stays_through_a_report_and_goes_with_a_run_the_person_starts(
        app: MakeApp, store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    at = app(tokens["owner"], page="step1")
    at.button(key="fe_s1_idea_edit").click().run()
    at.text_area(key="fe_s1_idea_text").input("En lektiecafé")
    at.button(key="fe_s1_idea_save").click().run()
    no_errors(at)
    assert store.snapshot(owner).field("s1_idea").value == "En lektiecafé"
    assert shown(at, "Gemt.") == 1, "one message for one save"
    drafts_report(at)
    assert shown(at, "Gemt.") == 1
    at.run()  # a run the person started without a callback (a value typed elsewhere, say)
    assert shown(at, "Gemt.") == 0


def test_a_message_is_drawn_once_per_run_and_kept_only_through_marked_runs() -> None:
    def script() -> None:
        import streamlit as st

        from partnership.ui import flash

        flash.begin()
        st.button("act", key="act", on_click=flash.flash, args=("k", "success", "Gemt"))
        st.button("report", key="report", on_click=flash.by_component)
        flash.show_flash("k")
        flash.show_flash("k")  # the same message drawn from two places: still one

    at = AppTest.from_function(script).run()
    assert len(at.success) == 0
    at.button(key="act").click().run()
    assert [e.value for e in at.success] == ["Gemt"]
    at.button(key="report").click().run()
    at.button(key="report").click().run()
    assert [e.value for e in at.success] == ["Gemt"]
    at.run()
    assert len(at.success) == 0
    at.button(key="act").click().run()
    assert [e.value for e in at.success] == ["Gemt"], "a new action, its message anew"
