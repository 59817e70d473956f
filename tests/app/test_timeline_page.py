"""AppTest: the timeline page (chart, lanes, filters, tasks, calendar), the health check
and the dashboard on the overview, on the example project and on an empty one."""

from __future__ import annotations

import base64
import html
import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from partnership.demo import create_demo
from partnership.health import STATEMENTS
from partnership.model import (
    HealthCheck,
    Project,
    Role,
    Side,
    Snapshot,
    Task,
    TaskKind,
    TaskStatus,
)
from partnership.render import files
from partnership.store.postgres import PostgresStore
from partnership.ui import health_page, timeline_page
from tests.app.conftest import MakeApp, cards_block, no_errors, opened, texts
from tests.support.file_links import file_links

TODAY = date.today()



def keys(at: AppTest, kind: str) -> set[str]:
    return {w.key for w in at.get(kind) if getattr(w, "key", None)}


def _decode(value: Any) -> list[Any]:
    """A Plotly array from the JSON spec: a plain list, or base64 "bdata" with a dtype."""
    if isinstance(value, dict) and "bdata" in value:
        return list(np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])))
    return list(value or [])


def card_titles(at: AppTest) -> list[str]:
    """The titles of the task cards, in order (``task_block``: one Markdown list for all)."""
    escaped = re.findall(r"^- \S+ \*\*(.*?)\*\* ·", cards_block(at), re.M)  # as typed: backslashes, &lt; and &amp;
    return [html.unescape(re.sub(r"\\(.)", r"\1", title)) for title in escaped]


def timeline_spec(at: AppTest) -> dict[str, Any]:
    """The timeline chart's figure (the chart whose y axis holds the lanes)."""
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if spec["layout"].get("yaxis", {}).get("type") == "category":
            return spec
    raise AssertionError("no timeline chart on the page")


def shown_ids(spec: dict[str, Any]) -> set[str]:
    """The task ids drawn on the timeline (customdata of bars and points)."""
    return {str(x) for trace in spec["data"] for x in _decode(trace.get("customdata"))}


def lanes(spec: dict[str, Any]) -> list[str]:
    return list(spec["layout"]["yaxis"]["categoryarray"])


@pytest.fixture
def demo(store: PostgresStore) -> dict[str, str]:
    return create_demo(store)[1]


def snap_of(store: PostgresStore, token: str) -> Snapshot:
    return store.snapshot(store.open(token))


def empty_project(store: PostgresStore) -> dict[str, str]:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    return tokens


# -- every role ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["owner", "partner", "viewer"])
def test_the_page_runs_for_every_role_with_a_chart(app: MakeApp, store: PostgresStore, demo: dict[str, str],
                                                   role: str) -> None:
    at = app(token=demo[role], page="timeline")
    no_errors(at)
    assert at.title[0].value == "Tidslinje og opfølgning"
    spec = timeline_spec(at)
    assert spec["data"], "the timeline has traces"
    snap = snap_of(store, demo[role])
    drawn = timeline_page.drawn_tasks(snap, "da")  # the tasks and the funding deadlines (issue 25)
    assert shown_ids(spec) == {x.id for x in drawn if x.start or x.due}
    if role != "owner":  # the store leaves the association's internal tasks out
        assert not any(x.internal for x in snap.tasks)
    assert lanes(spec)[0] == "Anna Holm"
    calendars = [x for x in file_links(at) if x.what == "calendar.ics"]
    assert len(calendars) == 2 and "p" not in calendars[0].query and calendars[1].query["p"]
    assert list(at.get("radio")) == []  # the health check's tab is not drawn until it is opened
    health_tab(at)
    no_errors(at)
    assert "Sundhedstjek" in texts(at) and "Kalender" not in texts(at)


def test_the_page_in_english(app: MakeApp, demo: dict[str, str]) -> None:
    at = app(token=demo["partner"], page="timeline", lang="en")
    no_errors(at)
    assert at.title[0].value == "Timeline and follow-up"
    spec = timeline_spec(at)
    assert any(a.get("name") == "today" and a["text"].startswith("Today") for a in spec["layout"]["annotations"])


# -- lanes and filters ------------------------------------------------------------------------


def test_switching_lanes_to_organisations(app: MakeApp, demo: dict[str, str]) -> None:
    at = app(token=demo["partner"], page="timeline")
    assert "Sara Nielsen" in lanes(timeline_spec(at))
    at.segmented_control(key="tl_lanes").set_value("side").run()
    no_errors(at)
    assert lanes(timeline_spec(at)) == ["Boldklubben Nørrebro", "Nørrebro Bibliotek"]


def test_filters_reduce_the_tasks_shown(app: MakeApp, store: PostgresStore, demo: dict[str, str]) -> None:
    snap = snap_of(store, demo["partner"])
    at = app(token=demo["partner"], page="timeline")
    everything = shown_ids(timeline_spec(at))
    at.multiselect(key="tl_f_side").set_value(["partner"]).run()
    no_errors(at)
    partner_side = shown_ids(timeline_spec(at))
    drawn = timeline_page.drawn_tasks(snap, "da")  # with the funding deadlines (issue 25)
    assert partner_side == {x.id for x in drawn if x.side is Side.PARTNER and (x.start or x.due)}
    assert 0 < len(partner_side) < len(everything)
    assert "af 13 opgaver vises" in texts(at)

    at.multiselect(key="tl_f_kind").set_value(["follow_up"]).run()
    both = shown_ids(timeline_spec(at))
    assert both == {x.id for x in snap.tasks if x.side is Side.PARTNER and x.kind is TaskKind.FOLLOW_UP}
    # The task list below follows the filters too: its cards and the tasks its control offers.
    assert sorted(card_titles(at)) == sorted(x.title for x in snap.tasks if x.id in both)
    offered = {option.split(" · ")[0] for option in at.selectbox(key="tl_pick").options}  # "title · when"
    assert offered == {x.title for x in snap.tasks if x.id in both}

    at.multiselect(key="tl_f_status").set_value(["done"]).run()
    no_errors(at)
    assert "Ingen opgaver passer til filtrene." in texts(at)
    at.button(key="tl_f_reset").click().run()
    assert shown_ids(timeline_spec(at)) == everything


def test_the_figure_is_built_again_only_when_something_changed(app: MakeApp, store: PostgresStore,
                                                              demo: dict[str, str]) -> None:
    at = app(token=demo["owner"], page="timeline")
    first = at.session_state[timeline_page.FIGURE]
    at.run()  # nothing changed
    assert at.session_state[timeline_page.FIGURE][1] is first[1]
    owner = store.open(demo["owner"])
    store.add_task(owner, {"title": "Ny opgave", "kind": "task", "due": TODAY + timedelta(days=3)}, "Mette")
    at.run()  # the revision moved on
    assert at.session_state[timeline_page.FIGURE][1] is not first[1]
    assert "Ny opgave" in json.dumps(timeline_spec(at))


# -- tasks ------------------------------------------------------------------------------------


def test_a_due_date_before_the_start_is_refused(app: MakeApp, store: PostgresStore, demo: dict[str, str]) -> None:
    before = len(snap_of(store, demo["owner"]).tasks)
    at = opened(app(token=demo["owner"], page="timeline"), "tl_new_open")
    at.text_input(key="tl_new_title").input("Forældremøde")
    at.text_input(key="tl_new_start").input(f"{TODAY + timedelta(days=10):%d.%m.%Y}")
    at.text_input(key="tl_new_due").input(f"{TODAY + timedelta(days=5):%d.%m.%Y}")
    at.button(key="tl_new_submit").click().run()
    assert not at.exception
    assert "Slutdatoen ligger før startdatoen." in [e.value for e in at.error]
    assert len(snap_of(store, demo["owner"]).tasks) == before


def test_adding_a_task_puts_it_on_the_timeline(app: MakeApp, store: PostgresStore, demo: dict[str, str]) -> None:
    at = app(token=demo["partner"], page="timeline")
    assert "tl_new_title" not in keys(at, "text_input")  # the add form is drawn once opened
    opened(at, "tl_new_open").text_input(key="tl_new_title").input("Bogudstilling")
    at.text_input(key="tl_new_start").input(f"{TODAY + timedelta(days=20):%d%m%Y}")
    at.text_input(key="tl_new_due").input(f"{TODAY + timedelta(days=40):%d.%m.%y}")
    at.button(key="tl_new_submit").click().run()
    no_errors(at)
    added = next(x for x in snap_of(store, demo["partner"]).tasks if x.title == "Bogudstilling")
    assert added.side is Side.PARTNER and added.updated_by == "Anna"
    assert (added.start, added.due) == (TODAY + timedelta(days=20), TODAY + timedelta(days=40))
    assert added.id in shown_ids(timeline_spec(at))


def test_closing_a_task_sets_it_done(app: MakeApp, store: PostgresStore, demo: dict[str, str]) -> None:
    snap = snap_of(store, demo["partner"])
    task = next(x for x in snap.tasks if x.title == "Plakater til skolerne")
    at = app(token=demo["partner"], page="timeline")
    assert f"tl_qs_{task.id}_{task.version}" not in keys(at, "selectbox")  # one control: the chosen task's
    at.selectbox(key="tl_pick").set_value(task.id).run()
    at.selectbox(key=f"tl_qs_{task.id}_{task.version}").set_value("done").run()
    no_errors(at)
    assert at.selectbox(key="tl_pick").value == task.id  # still chosen, now with its new version's status
    assert at.selectbox(key=f"tl_qs_{task.id}_{task.version + 1}").value == "done"
    stored = next(x for x in snap_of(store, demo["partner"]).tasks if x.id == task.id)
    assert stored.status is TaskStatus.DONE and stored.version == task.version + 1
    history = store.history(store.open(demo["partner"]))
    assert any(h.entity == "task" and h.target == task.id and h.actor == "Anna" for h in history)


def test_editing_a_task_with_a_stale_version_offers_the_choice(app: MakeApp, store: PostgresStore,
                                                               demo: dict[str, str]) -> None:
    snap = snap_of(store, demo["owner"])
    task = next(x for x in snap.tasks if x.title == "Rekruttér 4 nye frivillige")
    at = app(token=demo["owner"], page="timeline")
    at.selectbox(key="tl_pick").set_value(task.id).run()
    at.button(key=f"re_tltask_{task.id}_edit").click().run()
    assert f"re_tltask_{task.id}_edit" not in keys(at, "button")  # the editor is open in the control's box
    at.text_area(key=f"re_tltask_{task.id}_note").input("Spørg forældrene")
    store.update_task(store.open(demo["partner"]), task.id, {"note": "Ole spørger biblioteket"}, task.version,
                      "Ole")
    at.button(key=f"re_tltask_{task.id}_save").click().run()
    no_errors(at)
    assert f"re_tltask_{task.id}_keep" in keys(at, "button")
    at.button(key=f"re_tltask_{task.id}_keep").click().run()
    stored = next(x for x in snap_of(store, demo["owner"]).tasks if x.id == task.id)
    assert stored.note == "Spørg forældrene"


def test_the_task_list_is_one_block_with_one_control(app: MakeApp, store: PostgresStore,
                                                      demo: dict[str, str]) -> None:
    owner = store.open(demo["owner"])
    hostile = "**fed** <b>x</b> :red[y] [link](http://evil.example)"
    store.add_task(owner, {"title": hostile, "kind": "task", "due": TODAY + timedelta(days=2)}, "Anna")
    snap = snap_of(store, demo["owner"])
    at = app(token=demo["owner"], page="timeline")
    no_errors(at)
    # Every task a card in the one Markdown block, its title shown as typed (escaped).
    assert sorted(card_titles(at)) == sorted(x.title for x in snap.tasks)
    assert "<b>" not in "".join(m.value for m in at.markdown) and "[link](" not in texts(at)
    # One control for them all: the chosen task's status and "Rediger", not one per card.
    assert len([k for k in keys(at, "selectbox") if k.startswith("tl_qs_")]) == 1
    assert len([k for k in keys(at, "button") if k.startswith("re_tltask_")]) == 1
    assert len(at.selectbox(key="tl_pick").options) == len(snap.tasks)
    # A viewer reads the same cards and gets no control.
    viewer = app(token=demo["viewer"], page="timeline")
    no_errors(viewer)
    assert len(card_titles(viewer)) == len(snap_of(store, demo["viewer"]).tasks)
    assert "tl_pick" not in keys(viewer, "selectbox")


# -- calendar -------------------------------------------------------------------------------


def _events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return list(cal.walk("VEVENT"))


def test_the_calendar_links_name_the_files_the_route_serves(app: MakeApp, store: PostgresStore,
                                                             demo: dict[str, str]) -> None:
    at = app(token=demo["owner"], page="timeline")
    no_errors(at)
    snap = snap_of(store, demo["owner"])
    [everyone, one] = [x for x in file_links(at) if x.what == "calendar.ics"]
    assert everyone.name == "lektiecafé-på-biblioteket.ics" and everyone.query["k"] == demo["owner"]
    served = files.calendar_file(snap, "da")
    assert served.name == everyone.name
    events = _events(served.data)
    joint = [x for x in snap.tasks if not x.internal and (x.start or x.due)]
    assert {str(e["summary"]) for e in events} == {x.title for x in joint}
    assert not any("henvendelsen" in str(e["summary"]) for e in events)  # internal tasks stay out

    sara = next(p for p in snap.people if p.name == "Sara Nielsen")
    at.selectbox(key="tl_ics_person").set_value(sara.id).run()
    no_errors(at)
    one = [x for x in file_links(at) if x.what == "calendar.ics"][1]
    assert one.query["p"] == sara.id and one.name == "lektiecafé-på-biblioteket-sara-nielsen.ics"
    served = files.calendar_file(snap, "da", sara.id)
    assert served.name == one.name
    assert {str(e["summary"]) for e in _events(served.data)} == {x.title for x in joint if x.responsible == sara.id}


# -- health check -----------------------------------------------------------------------------


def health_tab(at: AppTest) -> AppTest:
    """Open the health check's tab (only the open tab is drawn; choosing one reruns)."""
    at.session_state["tl_tab"] = at.tabs[1].label
    return at.run()


def answer(at: AppTest, ratings: dict[str, str], comments: dict[str, str] | None = None) -> None:
    for key, rating in ratings.items():
        at.radio(key=f"hc_r_{key}").set_value(rating)
    for key, comment in (comments or {}).items():
        at.text_input(key=f"hc_c_{key}").input(comment)
    at.button(key="hc_submit").click().run()


def test_both_sides_answer_and_the_difference_shows(app: MakeApp, store: PostgresStore) -> None:
    tokens = empty_project(store)
    owner = health_tab(app(token=tokens["owner"], page="timeline"))
    assert "Ingen har svaret endnu." in texts(owner)
    answer(owner, {"shared_goals": "red", "communication": "green"}, {"shared_goals": "Vi trækker hver sin vej"})
    no_errors(owner)
    assert "Tak – jeres svar er gemt." in [e.value for e in owner.success]
    assert "Når begge organisationer har svaret" in texts(owner)

    partner = health_tab(app(token=tokens["partner"], page="timeline", name="Ole"))
    answer(partner, {"shared_goals": "green", "communication": "green"})
    no_errors(partner)
    checks = snap_of(store, tokens["owner"]).health_checks
    assert {c.side for c in checks} == {Side.ASSOCIATION, Side.PARTNER}
    ours = next(c for c in checks if c.side is Side.ASSOCIATION)
    assert ours.answers["shared_goals"] == ("red", "Vi trækker hver sin vej") and ours.name == "Anna"

    shown = texts(partner)
    assert "Her ser I forskelligt på det" in shown
    assert "Vi arbejder stadig hen imod de samme mål." in shown and "I vurderer det meget forskelligt" in shown
    assert "Vi trækker hver sin vej" in shown
    assert "Vi har let ved at tale sammen" not in shown.split("Her ser I forskelligt på det")[1]
    assert any("Udviklingen over tid" in e.value for e in partner.markdown)
    assert len(partner.get("plotly_chart")) == 1  # the health figure (no tasks, so no timeline)


def test_a_comment_without_a_rating_is_refused(app: MakeApp, store: PostgresStore) -> None:
    tokens = empty_project(store)
    at = health_tab(app(token=tokens["owner"], page="timeline"))
    answer(at, {}, {"communication": "Svært at sige"})
    assert not at.exception
    assert any("Vi har let ved at tale sammen" in e.value for e in at.error)
    at.button(key="hc_submit").click().run()  # the typed comment is still there; still refused
    assert at.text_input(key="hc_c_communication").value == "Svært at sige"
    answer(at, {}, {"communication": ""})  # nothing at all
    assert "Svarene skal udfyldes." in [e.value for e in at.error]
    assert snap_of(store, tokens["owner"]).health_checks == []


def test_the_viewer_has_no_forms(app: MakeApp, store: PostgresStore, demo: dict[str, str]) -> None:
    at = app(token=demo["viewer"], page="timeline")
    no_errors(at)
    assert keys(at, "button") == set()
    for kind in ("text_input", "text_area", "date_input", "radio"):
        assert list(at.get(kind)) == [], kind
    assert keys(at, "selectbox") == {"tl_ics_person"}  # choosing whose calendar to download
    assert keys(at, "multiselect") == {f"tl_f_{name}" for name in timeline_page.FILTERS}
    health_tab(at)
    assert keys(at, "button") == set() and list(at.get("radio")) == []
    assert "Du læser med: de to organisationer svarer hver for sig." in texts(at)
    assert "Her ser I forskelligt på det" in texts(at)  # the example's two sides differ on communication


# -- empty and small projects -----------------------------------------------------------------


@pytest.mark.parametrize("role", ["owner", "viewer"])
def test_an_empty_project_page_runs(app: MakeApp, store: PostgresStore, role: str) -> None:
    tokens = empty_project(store)
    at = app(token=tokens[role], page="timeline")
    no_errors(at)
    assert at.get("plotly_chart") == []
    assert "Der er ingen opgaver endnu." in texts(at)
    assert "Aftalen er ikke underskrevet endnu." in texts(at)
    assert "Der er ingen opgaver med dato endnu." in texts(at)
    assert ("tl_new_submit" in keys(at, "button")) is (role == "owner")


def test_a_one_task_project(app: MakeApp, store: PostgresStore) -> None:
    tokens = empty_project(store)
    owner = store.open(tokens["owner"])
    only = store.add_task(owner, {"title": "Første møde", "kind": "milestone", "due": TODAY + timedelta(days=7)},
                          "Anna")
    at = app(token=tokens["owner"], page="timeline")
    no_errors(at)
    spec = timeline_spec(at)
    assert shown_ids(spec) == {only.id}
    assert lanes(spec) == ["Ingen ansvarlig"]  # a milestone may have nobody; a follow-up may not
    assert spec["layout"]["height"] < 300


def test_tasks_without_dates_say_so(app: MakeApp, store: PostgresStore) -> None:
    tokens = empty_project(store)
    store.add_task(store.open(tokens["owner"]), {"title": "Uden dato", "kind": "task"}, "Anna")
    at = app(token=tokens["owner"], page="timeline")
    no_errors(at)
    assert "Ingen af opgaverne har en dato endnu." in texts(at)


# -- the dashboard on the overview --------------------------------------------------------------


def test_the_dashboard_shows_once_signed(app: MakeApp, store: PostgresStore, demo: dict[str, str]) -> None:
    at = app(token=demo["partner"], page="overview")
    no_errors(at)
    metrics = {m.label: m.value for m in at.get("metric")}
    assert metrics["Forsinket"] == "1"
    assert metrics["Frist inden for 14 dage"] == "2"
    assert metrics["Næste opfølgningsmøde"] == dashboard_date(TODAY + timedelta(days=12))
    assert metrics["Boldklubben Nørrebro"] == "4" and metrics["Nørrebro Bibliotek"] == "4"
    shown = texts(at)
    assert "Ansøgning til lokaludvalgets pulje" in shown and "2 dage for sent" in shown
    assert "Plakater til skolerne" in shown

    unsigned = empty_project(store)
    at = app(token=unsigned["owner"], page="overview")
    no_errors(at)
    assert at.get("metric") == []


def dashboard_date(day: date) -> str:
    from partnership.i18n import fmt_date

    return fmt_date(day, "da")


# -- pure helpers -------------------------------------------------------------------------------


def _snap(tasks: list[Task], signed: datetime | None) -> Snapshot:
    project = Project(id="p", title="T", our_org="A", partner_org="B", website="", created_by="x",
                      created_at=datetime(2026, 1, 1, tzinfo=UTC), version=1, signed_at=signed)
    return Snapshot(project=project, role=Role.OWNER, revision=1, fields={}, tasks=tasks)


def test_agreement_period() -> None:
    d = date(2026, 11, 26)
    tasks = [Task(id="a", title="A", kind=TaskKind.ACTIVITY, start=d - timedelta(days=5), due=d + timedelta(days=90)),
             Task(id="b", title="B", kind=TaskKind.TASK, due=d + timedelta(days=200)),  # not an agreed item
             Task(id="c", title="C", kind=TaskKind.FOLLOW_UP, due=d + timedelta(days=120), internal=True)]
    assert timeline_page.agreement_period(_snap(tasks, None)) == (None, None)
    signed = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    assert timeline_page.agreement_period(_snap(tasks, signed)) == (d, d + timedelta(days=90))
    assert timeline_page.agreement_period(_snap(tasks[1:], signed)) == (d, None)


def test_ordered_puts_open_tasks_first_by_date() -> None:
    d = date(2026, 11, 26)
    found = [Task(id="done", title="X", due=d, status=TaskStatus.DONE),
             Task(id="late", title="Y", due=d + timedelta(3)),
             Task(id="soon", title="Z", start=d, due=d + timedelta(9)), Task(id="none", title="W")]
    assert [x.id for x in timeline_page.ordered(found)] == ["soon", "late", "none", "done"]


def test_view_cache_key_ignores_the_order_of_choices() -> None:
    a = timeline_page.View(sides=("partner", "association"))
    b = timeline_page.View(sides=("association", "partner"))
    assert a.cache_key() == b.cache_key() and a.active == 1
    assert timeline_page.View().active == 0


def test_collect_health_answers() -> None:
    state = {"hc_r_shared_goals": "green", "hc_c_shared_goals": " Fint ", "hc_c_communication": "Hm",
             "hc_r_resources_ok": None}
    answers, unrated = health_page.collect(state)
    assert answers == {"shared_goals": ("green", "Fint")}
    assert unrated == ["communication"]
    assert set(health_page.collect({})[0]) <= set(STATEMENTS)


def test_one_balance_verdict() -> None:
    from partnership.agreement import balance_verdict

    assert balance_verdict({Side.ASSOCIATION: 4, Side.PARTNER: 4}) == ("even", None)
    assert balance_verdict({Side.ASSOCIATION: 2, Side.PARTNER: 0}) == ("few", None)  # too few to matter
    assert balance_verdict({Side.ASSOCIATION: 1, Side.PARTNER: 5}) == ("uneven", Side.PARTNER)
    assert balance_verdict({Side.ASSOCIATION: 4, Side.PARTNER: 2}) == ("uneven", Side.ASSOCIATION)
    assert balance_verdict({Side.ASSOCIATION: 4, Side.PARTNER: 3}) == ("even", None)


def test_the_health_figure_is_cached_per_revision() -> None:
    check = HealthCheck(id="h", side=Side.ASSOCIATION, name="A", at=datetime(2026, 11, 1, tzinfo=UTC),
                        answers={"shared_goals": ("green", "")})
    snap = _snap([], None)
    snap = Snapshot(project=snap.project, role=Role.OWNER, revision=3, fields={}, health_checks=[check])
    state: dict[str, Any] = {}
    first = health_page.cached_figure(snap, "da", state)
    assert health_page.cached_figure(snap, "da", state) is first
    assert health_page.cached_figure(snap, "en", state) is not first


# -- the first picture (partnership/ui/charts.py) -----------------------------------------------


def pictures(at: AppTest) -> list[str]:
    """The SVG pictures on the page (the chart a tab shows before Plotly has started)."""
    return [json.loads(e.proto.json)["svg"] for e in at.get("bidi_component")
            if e.proto.component_name == "ps_chart_picture"]


def test_a_new_tab_sees_a_picture_of_the_timeline_and_plotly_only_when_it_asks(
        app: MakeApp, store: PostgresStore, demo: dict[str, str]) -> None:
    at = app(token=demo["owner"], page="timeline", plotly=False)
    no_errors(at)
    assert at.get("plotly_chart") == []  # Plotly is not loaded by a first view
    [svg] = pictures(at)
    snap = snap_of(store, demo["owner"])
    drawn = set(re.findall(r'data-id="([^"]+)"', svg))
    assert drawn == {x.id for x in timeline_page.drawn_tasks(snap, "da") if x.start or x.due}
    at.run()  # a rerun for any other reason (the live poller, a widget) does not load it either
    assert at.get("plotly_chart") == [] and len(pictures(at)) == 1
    # The reader asks for it: the run that swaps keeps the picture under the Plotly chart
    # until Plotly has drawn...
    at.button(key="tl_interactive").click().run()
    no_errors(at)
    assert len(pictures(at)) == 1 and shown_ids(timeline_spec(at)) == drawn
    assert "tl_interactive" not in [b.key for b in at.button]  # asked once: the button is gone
    # ... and the next run draws Plotly only.
    at.run()
    assert pictures(at) == [] and len(at.get("plotly_chart")) == 1


def test_the_interactive_timeline_is_asked_for_in_danish_and_english(app: MakeApp, demo: dict[str, str]) -> None:
    at = app(token=demo["owner"], page="timeline", plotly=False)
    assert at.button(key="tl_interactive").label == "Interaktiv tidslinje"
    english = app(token=demo["owner"], page="timeline", plotly=False, lang="en")
    assert english.button(key="tl_interactive").label == "Interactive timeline"


def test_the_health_chart_is_drawn_when_its_tab_is_opened(app: MakeApp, demo: dict[str, str]) -> None:
    at = app(token=demo["owner"], page="timeline", plotly=False)
    assert at.get("plotly_chart") == []  # the timeline tab: a picture
    at = health_tab(at)
    no_errors(at)
    assert len(at.get("plotly_chart")) == 1 and pictures(at) == []  # opening the tab asked for it


def test_the_picture_is_drawn_again_only_when_something_changed(app: MakeApp, store: PostgresStore,
                                                                 demo: dict[str, str]) -> None:
    at = app(token=demo["owner"], page="timeline", plotly=False)
    first = at.session_state[timeline_page.PICTURE]
    at.run()
    assert at.session_state[timeline_page.PICTURE][1] is first[1]
    store.add_task(store.open(demo["owner"]), {"title": "Ny <opgave>", "kind": "task", "due": TODAY}, "Mette")
    at.run()
    [svg] = pictures(at)
    assert "Ny &lt;opgave&gt;" in svg and "<opgave>" not in svg

