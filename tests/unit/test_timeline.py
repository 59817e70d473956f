"""The follow-up timeline, its filters and dashboard, and the health figure.

Figures are checked through ``fig.data`` / ``fig.layout`` objects (plotly may encode
numeric arrays as base64 "bdata" in JSON, so JSON is not inspected).
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

import plotly.graph_objects as go
import pytest

from partnership import meeting_next
from partnership.i18n import catalog_timeline as catalogue
from partnership.i18n import catalogues, t
from partnership.meetings import Meetings
from partnership.model import HealthCheck, Person, Side, Task, TaskKind, TaskStatus
from partnership.render.chart_base import KIND_SYMBOLS, OVERDUE_COLOUR, STATUS_COLOURS, date_ticks
from partnership.render.health_chart import health_figure
from partnership.render.timeline_chart import timeline_figure
from partnership.task_status import label_key
from partnership.timeline import Dashboard, dashboard, filter_tasks, is_overdue

TODAY = date(2026, 11, 26)
DAY_MS = 86_400_000
MIA = Person(id="p-mia", name="Mia Holm", side=Side.ASSOCIATION)
OLE = Person(id="p-ole", name="Ole Berg", side=Side.PARTNER)
PEOPLE = [MIA, OLE]
ORGS = {"our_org": "Ungdomsklubben Nord", "partner_org": "Nordby Bibliotek"}


def task(
    id: str = "t1",
    title: str = "Lektiecafé",
    *,
    kind: TaskKind = TaskKind.TASK,
    responsible: str = "p-mia",
    side: Side = Side.ASSOCIATION,
    start: date | None = None,
    due: date | None = None,
    status: TaskStatus = TaskStatus.PLANNED,
) -> Task:
    return Task(
        id=id,
        title=title,
        kind=kind,
        responsible=responsible,
        side=side,
        start=start,
        due=due,
        status=status,
    )


def many(n: int, seed: int = 7) -> list[Task]:
    rng = random.Random(seed)
    people = ["p-mia", "p-ole", ""]
    out = []
    for i in range(n):
        first = date(2026, 1, 1) + timedelta(days=rng.randint(0, 500))
        out.append(
            task(
                f"t{i}",
                f"Opgave {i}",
                kind=rng.choice(list(TaskKind)),
                responsible=rng.choice(people),
                side=rng.choice(list(Side)),
                start=first if rng.random() < 0.7 else None,
                due=first + timedelta(days=rng.randint(0, 90)),
                status=rng.choice(list(TaskStatus)),
            )
        )
    return out


def traces(fig: go.Figure, kind: str) -> list[go.Bar | go.Scatter]:
    """The figure's bars or markers (the text-only traces that hold labels beside items are left out)."""
    return [tr for tr in fig.data if tr.type == kind and getattr(tr, "mode", None) != "text"]


def by_name(fig: go.Figure, name: str) -> list[go.Bar | go.Scatter]:
    return [tr for tr in fig.data if tr.name == name]


def today_shape(fig: go.Figure) -> object:
    found = [s for s in fig.layout.shapes if s.name == "today"]
    assert len(found) == 1
    return found[0]


# -- empty and single ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [("da", "Ingen opgaver endnu"), ("en", "No tasks yet")])
def test_empty_task_list_shows_a_message(lang: str, text: str) -> None:
    fig = timeline_figure([], PEOPLE, today=TODAY, lang=lang)
    assert isinstance(fig, go.Figure)
    assert len(fig.data) == 0
    assert [a.text for a in fig.layout.annotations] == [text]
    assert fig.layout.xaxis.visible is False
    fig.to_json()  # serialisable


def test_tasks_without_any_date_say_so() -> None:
    fig = timeline_figure([task(), task("t2")], PEOPLE, today=TODAY)
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text == "Ingen af opgaverne har en dato endnu"


def test_single_bar_task() -> None:
    one = task(start=date(2026, 12, 1), due=date(2026, 12, 10), status=TaskStatus.IN_PROGRESS)
    fig = timeline_figure([one], PEOPLE, today=TODAY, **ORGS)
    assert len(fig.data) == 1
    bar = fig.data[0]
    assert bar.type == "bar" and bar.orientation == "h"
    assert list(bar.base) == ["2026-12-01"]
    assert list(bar.x) == [10 * DAY_MS]  # start day through due day inclusive
    assert list(bar.y) == ["Mia Holm"]
    assert bar.marker.color == STATUS_COLOURS[TaskStatus.IN_PROGRESS]
    assert bar.name == "I gang"
    assert list(bar.customdata) == ["t1"]
    assert list(bar.width) == [pytest.approx(0.8)]
    assert fig.layout.xaxis.type == "date"
    assert list(fig.layout.yaxis.categoryarray) == ["Mia Holm"]
    line = today_shape(fig)
    assert line.type == "line" and line.x0 == line.x1 == "2026-11-26 12:00"
    assert line.yref == "paper" and (line.y0, line.y1) == (0, 1)
    today_label = [a for a in fig.layout.annotations if a.name == "today"]
    assert today_label and today_label[0].text == "I dag · 26. nov. 2026"
    assert fig.layout.plot_bgcolor == fig.layout.paper_bgcolor == "#FFFFFF"
    assert fig.layout.legend.orientation == "h"
    fig.to_json()


def test_single_due_only_task_is_a_point() -> None:
    fig = timeline_figure([task(due=date(2026, 12, 24))], PEOPLE, today=TODAY)
    assert len(traces(fig, "scatter")) == 1 and len(fig.data) == 2  # the marker, and its label beside it
    point = fig.data[0]
    assert point.type == "scatter" and point.mode in ("markers", "markers+text")
    assert list(point.x) == ["2026-12-24 12:00"]
    assert list(point.marker.symbol) == ["circle"]
    assert point.marker.color == STATUS_COLOURS[TaskStatus.PLANNED]
    assert point.showlegend is True  # no bar of that status to carry the legend entry


def test_start_only_task_is_a_point_at_start() -> None:
    fig = timeline_figure([task(start=date(2026, 12, 2))], PEOPLE, today=TODAY)
    assert list(fig.data[0].x) == ["2026-12-02 12:00"]


def test_milestones_and_follow_ups_are_distinct_markers_with_legend_keys() -> None:
    tasks = [
        task("m", kind=TaskKind.MILESTONE, start=date(2026, 12, 1), due=date(2026, 12, 3)),
        task("f", kind=TaskKind.FOLLOW_UP, due=date(2027, 1, 5)),
        task("a", kind=TaskKind.ACTIVITY, start=date(2026, 12, 1), due=date(2026, 12, 20)),
    ]
    fig = timeline_figure(tasks, PEOPLE, today=TODAY)
    bars = traces(fig, "bar")
    assert len(bars) == 1 and list(bars[0].customdata) == ["a"]
    points = [tr for tr in traces(fig, "scatter") if tr.customdata is not None]
    assert len(points) == 1
    symbols = dict(zip(points[0].customdata, points[0].marker.symbol, strict=True))
    assert symbols == {"m": "diamond", "f": "star"}
    assert dict(zip(points[0].customdata, points[0].x, strict=True))["m"] == "2026-12-03 12:00"
    assert points[0].showlegend is False  # the bar trace of "planned" carries the entry
    keys = {tr.name: tr.marker.symbol for tr in traces(fig, "scatter") if tr.customdata is None}
    assert keys == {"Milepæl": "diamond", "Opfølgningsmøde": "star"}
    assert KIND_SYMBOLS[TaskKind.MILESTONE] != KIND_SYMBOLS[TaskKind.FOLLOW_UP]


# -- colours, overdue, hover ---------------------------------------------------------------


def test_one_trace_per_status_with_its_colour() -> None:
    tasks = [
        task(f"t{i}", status=status, start=date(2026, 12, 1), due=date(2026, 12, 5))
        for i, status in enumerate(TaskStatus)
    ]
    fig = timeline_figure(tasks, PEOPLE, today=TODAY)
    bars = traces(fig, "bar")
    assert [b.name for b in bars] == [t(label_key(s), "da") for s in TaskStatus]
    assert [b.name for b in bars][:4] == ["Planlagt", "I gang", "Færdig", "Blokeret"]
    assert [b.marker.color for b in bars] == [STATUS_COLOURS[s] for s in TaskStatus]
    assert len(set(STATUS_COLOURS.values()) | {OVERDUE_COLOUR}) == len(TaskStatus) + 1


def test_overdue_items_are_marked() -> None:
    late_bar = task("late-bar", start=date(2026, 10, 1), due=date(2026, 11, 1))
    late_point = task("late-point", due=date(2026, 11, 20), status=TaskStatus.BLOCKED)
    done_in_past = task("done", start=date(2026, 10, 1), due=date(2026, 11, 1), status=TaskStatus.DONE)
    due_today = task("today", due=TODAY)
    fig = timeline_figure([late_bar, late_point, done_in_past, due_today], PEOPLE, today=TODAY)
    planned_bar = by_name(fig, "Planlagt")[0]
    assert planned_bar.type == "bar"
    assert list(planned_bar.marker.line.color) == [OVERDUE_COLOUR]
    done_bar = by_name(fig, "Færdig")[0]
    assert list(done_bar.marker.line.color) != [OVERDUE_COLOUR]
    rings = by_name(fig, "Forsinket")
    assert len(rings) == 1
    assert sorted(rings[0].x) == ["2026-11-01 12:00", "2026-11-20 12:00"]
    assert rings[0].marker.color == OVERDUE_COLOUR and rings[0].marker.symbol == "circle-open"
    blocked = by_name(fig, "Blokeret")[0]
    assert list(blocked.marker.line.color) == [OVERDUE_COLOUR]
    assert "Forsinket" in planned_bar.hovertext[0]
    swatch_first = task("on-time", start=date(2026, 12, 1), due=date(2026, 12, 5))
    mixed = timeline_figure([late_bar, swatch_first], PEOPLE, today=TODAY).data[0]
    assert list(mixed.customdata) == ["on-time", "late-bar"]  # legend swatch drawn like the first
    assert all("Forsinket" not in text for text in done_bar.hovertext)


def test_no_overdue_trace_when_nothing_is_late() -> None:
    fig = timeline_figure([task(due=date(2027, 1, 1))], PEOPLE, today=TODAY)
    assert by_name(fig, "Forsinket") == []


def test_hover_shows_title_person_side_dates_and_status() -> None:
    one = task(
        title="Skriv <b>nyhedsbrev</b> & del\nlinje to",
        responsible="p-ole",
        side=Side.PARTNER,
        start=date(2026, 11, 26),
        due=date(2027, 1, 4),
    )
    text = timeline_figure([one], PEOPLE, today=TODAY, **ORGS).data[0].hovertext[0]
    assert "<b>Skriv &lt;b&gt;nyhedsbrev&lt;/b&gt; &amp; del linje to</b>" in text
    assert "Ansvarlig: Ole Berg" in text
    assert "Organisation: Nordby Bibliotek" in text
    assert "Start: 26. nov. 2026" in text
    assert "Frist: 4. jan. 2027" in text
    assert "Status: Planlagt" in text
    assert "Type: Opgave" in text


def test_hover_in_english_and_without_org_names() -> None:
    one = task(responsible="", start=date(2026, 11, 26), due=date(2026, 11, 30))
    text = timeline_figure([one], PEOPLE, today=TODAY, lang="en").data[0].hovertext[0]
    assert "Responsible: No one responsible" in text
    assert "Organisation: The association" in text
    assert "Start: 26 Nov 2026" in text
    assert "Status: Planned" in text


# -- axis and lanes -------------------------------------------------------------------------


def test_danish_month_ticks() -> None:
    tasks = [task(start=date(2026, 11, 1), due=date(2027, 6, 30))]
    fig = timeline_figure(tasks, PEOPLE, today=TODAY)
    axis = fig.layout.xaxis
    assert axis.tickmode == "array"
    ticks = dict(zip(axis.tickvals, axis.ticktext, strict=True))
    assert ticks["2027-01-01"] == "jan. 2027"
    assert ticks["2027-05-01"] == "maj"
    assert ticks["2026-12-01"] == "dec."
    assert list(axis.ticktext)[0].endswith("2026")  # first tick carries the year
    en = timeline_figure(tasks, PEOPLE, today=TODAY, lang="en").layout.xaxis
    assert dict(zip(en.tickvals, en.ticktext, strict=True))["2027-01-01"] == "Jan 2027"


def test_date_ticks_weekly_for_short_spans_and_sparser_for_long() -> None:
    vals, texts = date_ticks(date(2026, 11, 20), date(2026, 12, 20), "da")
    assert vals[0] == "2026-11-23" and texts[0] == "23. nov. 2026"  # Mondays
    assert texts[1] == "30. nov."
    assert all(date.fromisoformat(v).weekday() == 0 for v in vals)
    vals, _ = date_ticks(date(2026, 1, 1), date(2029, 1, 1), "da")
    assert len(vals) <= 13
    assert all(v.endswith("-01") for v in vals)
    vals, texts = date_ticks(date(2020, 1, 1), date(2035, 1, 1), "da")
    assert texts[0] == "2020" and len(vals) <= 16


def test_lanes_by_person_follow_people_order_with_unassigned_last() -> None:
    tasks = [
        task("a", responsible="", due=date(2026, 12, 1)),
        task("b", responsible="p-ole", due=date(2026, 12, 2)),
        task("c", responsible="p-mia", start=date(2026, 12, 1), due=date(2026, 12, 9)),
        task("d", responsible="p-gone", due=date(2026, 12, 3)),  # deleted person
    ]
    fig = timeline_figure(tasks, PEOPLE, today=TODAY)
    assert list(fig.layout.yaxis.categoryarray) == ["Mia Holm", "Ole Berg", "Ingen ansvarlig"]
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # first lane on top
    order = list(fig.layout.yaxis.categoryarray)
    lanes = {  # bars name their lane; markers sit at its position on the overlay axis y2
        tid: lane if isinstance(lane, str) else order[round(lane)]
        for tr in fig.data
        if tr.customdata is not None
        for tid, lane in zip(tr.customdata, tr.y, strict=True)
    }
    assert lanes == {"a": "Ingen ansvarlig", "b": "Ole Berg", "c": "Mia Holm", "d": "Ingen ansvarlig"}


def test_people_sharing_a_name_get_separate_lanes() -> None:
    twins = [Person("x1", "Anna", Side.ASSOCIATION), Person("x2", "Anna", Side.PARTNER)]
    tasks = [
        task("a", responsible="x1", due=date(2026, 12, 1)),
        task("b", responsible="x2", due=date(2026, 12, 1)),
    ]
    fig = timeline_figure(tasks, twins, today=TODAY, **ORGS)
    assert list(fig.layout.yaxis.categoryarray) == ["Anna (Ungdomsklubben Nord)", "Anna (Nordby Bibliotek)"]


def test_lanes_by_side_use_the_organisation_names() -> None:
    tasks = [
        task("a", side=Side.PARTNER, due=date(2026, 12, 1)),
        task("b", side=Side.ASSOCIATION, start=date(2026, 12, 1), due=date(2026, 12, 4)),
    ]
    fig = timeline_figure(tasks, PEOPLE, today=TODAY, lanes="side", **ORGS)
    assert list(fig.layout.yaxis.categoryarray) == ["Ungdomsklubben Nord", "Nordby Bibliotek"]
    assert list(traces(fig, "bar")[0].y) == ["Ungdomsklubben Nord"]
    fallback = timeline_figure(tasks, PEOPLE, today=TODAY, lanes="side")
    assert list(fallback.layout.yaxis.categoryarray) == ["Foreningen", "Partneren"]


def test_unknown_lane_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="lanes"):
        timeline_figure([task(due=TODAY)], PEOPLE, today=TODAY, lanes="kind")  # type: ignore[arg-type]


def test_overlapping_bars_in_a_lane_get_their_own_rows() -> None:
    tasks = [
        task("a", start=date(2026, 12, 1), due=date(2026, 12, 10)),
        task("b", start=date(2026, 12, 5), due=date(2026, 12, 15)),
        task("c", start=date(2026, 12, 16), due=date(2026, 12, 20)),  # fits after a
    ]
    bar = timeline_figure(tasks, PEOPLE, today=TODAY).data[0]
    offsets = dict(zip(bar.customdata, bar.offset, strict=True))
    assert list(bar.width) == [pytest.approx(0.4)] * 3
    assert offsets["a"] != offsets["b"]
    assert offsets["c"] == offsets["a"]


def test_height_grows_with_lanes() -> None:
    one = timeline_figure([task(due=date(2026, 12, 1))], PEOPLE, today=TODAY)
    people = [Person(f"p{i}", f"Person {i}", Side.ASSOCIATION) for i in range(12)]
    twelve = timeline_figure(
        [task(f"t{i}", responsible=f"p{i}", due=date(2026, 12, 1)) for i in range(12)], people, today=TODAY
    )
    assert twelve.layout.height > one.layout.height >= 190


def test_period_band() -> None:
    tasks = [task(due=date(2026, 12, 1))]
    fig = timeline_figure(tasks, PEOPLE, today=TODAY, period=(date(2026, 9, 1), date(2027, 8, 31)))
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(rects) == 1
    assert (rects[0].x0, rects[0].x1) == ("2026-09-01", "2027-09-01")  # end day included
    assert rects[0].layer == "below"
    assert "Aftaleperiode" in [a.text for a in fig.layout.annotations]
    x_lo, x_hi = fig.layout.xaxis.range
    assert x_lo < "2026-09-01" and x_hi > "2027-09-01"
    no_band = timeline_figure(tasks, PEOPLE, today=TODAY)
    assert [s for s in no_band.layout.shapes if s.type == "rect"] == []
    open_end = timeline_figure(tasks, PEOPLE, today=TODAY, period=(date(2026, 9, 1), None))
    assert [s.x0 for s in open_end.layout.shapes if s.type == "rect"] == ["2026-09-01"]


def test_undated_tasks_are_counted_in_a_note() -> None:
    fig = timeline_figure([task(due=date(2026, 12, 1)), task("t2"), task("t3")], PEOPLE, today=TODAY)
    notes = [a.text for a in fig.layout.annotations if a.name == "undated"]
    assert notes == ["2 opgaver uden dato vises ikke på tidslinjen"]


def test_start_after_due_is_drawn_forwards() -> None:
    bar = timeline_figure([task(start=date(2026, 12, 10), due=date(2026, 12, 1))], PEOPLE, today=TODAY).data[
        0
    ]
    assert list(bar.base) == ["2026-12-01"] and list(bar.x) == [10 * DAY_MS]


# -- scale ----------------------------------------------------------------------------------


def test_a_thousand_tasks_make_one_trace_per_status() -> None:
    tasks = many(1000)  # how long it takes: bench/bench_timeline.py (target < 0.3 s)
    fig = timeline_figure(tasks, PEOPLE, today=TODAY, period=(date(2026, 1, 1), date(2027, 6, 30)), **ORGS)
    bars, scatters = traces(fig, "bar"), traces(fig, "scatter")
    assert len(bars) == len(TaskStatus)
    data_scatters = [tr for tr in scatters if tr.customdata is not None]
    assert len(data_scatters) == len(TaskStatus)
    # bars and markers per status, kind keys, overdue rings, labels right and left:
    assert len(fig.data) <= 2 * len(TaskStatus) + 2 + 1 + 2
    drawn = [tid for tr in bars + data_scatters for tid in tr.customdata]
    assert sorted(drawn) == sorted(t.id for t in tasks)
    late = sum(is_overdue(t, TODAY) for t in tasks)
    assert len(by_name(fig, "Forsinket")[0].x) == late
    assert fig.layout.height <= 3000
    for bar in bars:
        assert len(bar.x) == len(bar.base) == len(bar.y) == len(bar.hovertext) == len(bar.offset)
        assert all(isinstance(x, int | float) and x >= DAY_MS for x in bar.x)


# -- filters, overdue, dashboard --------------------------------------------------------------


def test_is_overdue() -> None:
    assert is_overdue(task(due=date(2026, 11, 25)), TODAY)
    assert not is_overdue(task(due=TODAY), TODAY)
    assert not is_overdue(task(due=date(2026, 11, 25), status=TaskStatus.DONE), TODAY)
    assert is_overdue(task(due=date(2026, 11, 25), status=TaskStatus.BLOCKED), TODAY)
    assert not is_overdue(task(start=date(2026, 1, 1)), TODAY)


def test_filter_tasks() -> None:
    tasks = [
        task("a", side=Side.ASSOCIATION, responsible="p-mia", status=TaskStatus.DONE),
        task("b", side=Side.PARTNER, responsible="p-ole", kind=TaskKind.MILESTONE),
        task("c", side=Side.PARTNER, responsible="", kind=TaskKind.FOLLOW_UP, status=TaskStatus.BLOCKED),
    ]

    def ids(found: list[Task]) -> list[str]:
        return [t.id for t in found]

    assert ids(filter_tasks(tasks)) == ["a", "b", "c"]
    assert ids(filter_tasks(tasks, sides=[Side.PARTNER])) == ["b", "c"]
    assert ids(filter_tasks(tasks, sides=["association"])) == ["a"]
    assert ids(filter_tasks(tasks, people=["p-ole", ""])) == ["b", "c"]
    assert ids(filter_tasks(tasks, statuses={TaskStatus.PLANNED, TaskStatus.BLOCKED})) == ["b", "c"]
    assert ids(filter_tasks(tasks, kinds=[TaskKind.FOLLOW_UP, "milestone"])) == ["b", "c"]
    assert ids(filter_tasks(tasks, sides=[Side.PARTNER], statuses=["blocked"])) == ["c"]
    assert ids(filter_tasks(tasks, sides=[], people=[])) == ["a", "b", "c"]  # empty: no filter


def test_dashboard() -> None:
    tasks = [
        task("late2", due=date(2026, 11, 20)),
        task("late1", due=date(2026, 11, 1), side=Side.PARTNER),
        task("done-late", due=date(2026, 11, 1), status=TaskStatus.DONE),
        task("today", due=TODAY),
        task("soon", due=date(2026, 12, 5), side=Side.PARTNER),
        task("edge", due=TODAY + timedelta(days=14), kind=TaskKind.MILESTONE),
        task("later", due=TODAY + timedelta(days=15)),
        task("fu-past", kind=TaskKind.FOLLOW_UP, due=date(2026, 11, 2)),
        task("fu-next", kind=TaskKind.FOLLOW_UP, due=date(2027, 1, 5)),
        task("fu-after", kind=TaskKind.FOLLOW_UP, due=date(2027, 3, 5)),
        task("fu-done", kind=TaskKind.FOLLOW_UP, due=date(2026, 12, 1), status=TaskStatus.DONE),
        task("undated"),
    ]
    board = dashboard(tasks, PEOPLE, TODAY)
    assert isinstance(board, Dashboard)
    assert [t.id for t in board.overdue] == ["late1", "fu-past", "late2"]
    assert {t.id for t in board.due_soon} == {"today", "soon", "edge"}
    nxt = meeting_next.next_meeting(tasks, Meetings(), TODAY)  # the dashboard's next meeting (issue 25)
    assert nxt is not None and nxt.task is not None and nxt.task.id == "fu-next"
    assert board.open_per_side == {Side.ASSOCIATION: 8, Side.PARTNER: 2}
    assert (board.total, board.done) == (12, 2)
    assert board.names == {"p-mia": "Mia Holm", "p-ole": "Ole Berg"}
    empty = dashboard([], [], TODAY)
    assert meeting_next.next_meeting([], Meetings(), TODAY) is None
    assert empty.open_per_side == {Side.ASSOCIATION: 0, Side.PARTNER: 0}


# -- health figure ----------------------------------------------------------------------------


def check(id: str, side: Side, at: datetime, **answers: str) -> HealthCheck:
    return HealthCheck(id=id, side=side, name="Mia", at=at, answers={k: (v, "") for k, v in answers.items()})


def test_health_figure_lines_per_side() -> None:
    checks = [
        check("1", Side.ASSOCIATION, datetime(2026, 12, 3, 10), shared_goals="green", communication="red"),
        check("2", Side.PARTNER, datetime(2026, 12, 4, 10), shared_goals="amber", communication="amber"),
        check("3", Side.ASSOCIATION, datetime(2027, 3, 4, 10), shared_goals="green", communication="green"),
    ]
    fig = health_figure(checks, "da", **ORGS)
    assert [tr.type for tr in fig.data] == ["scatter", "scatter"]
    ours, theirs = fig.data
    assert ours.name == "Ungdomsklubben Nord" and theirs.name == "Nordby Bibliotek"
    assert list(ours.y) == [1.0, 2.0] and list(theirs.y) == [1.0]
    assert list(ours.x) == ["2026-12-03 10:00", "2027-03-04 10:00"]
    assert "Gennemsnit: 1,0" in ours.hovertext[0]
    assert "Grøn 1 · Gul 0 · Rød 1" in ours.hovertext[0]
    assert "3. dec. 2026" in ours.hovertext[0]
    assert list(fig.layout.yaxis.ticktext) == ["Rød", "Gul", "Grøn"]
    assert "jan. 2027" in fig.layout.xaxis.ticktext
    fig.to_json()


def test_health_figure_plots_aware_timestamps_as_wall_time() -> None:
    at = datetime(2026, 12, 3, 10, 15, tzinfo=timezone(timedelta(hours=1)))
    fig = health_figure([check("1", Side.PARTNER, at, shared_goals="green")], "da")
    assert list(fig.data[0].x) == ["2026-12-03 10:15"]
    assert fig.data[0].name == "Partneren"


def test_health_figure_empty() -> None:
    assert health_figure([], "en").layout.annotations[0].text == "No health checks yet"
    unrated = [HealthCheck("x", Side.PARTNER, "Ole", datetime(2026, 1, 1), {})]
    assert health_figure(unrated, "da").layout.annotations[0].text == "Ingen sundhedstjek endnu"


def test_catalogue_languages_have_the_same_keys() -> None:
    assert catalogue.DA.keys() == catalogue.EN.keys()
    assert all(catalogue.DA[k] and catalogue.EN[k] for k in catalogue.DA)
    assert catalogues()["da"]["timeline.empty"] == "Ingen opgaver endnu"


# -- labels on the chart (bars, markers, the label strip) -----------------------------------------


def test_long_bars_carry_their_title_and_short_ones_none() -> None:
    long = task("long", "Lektiecafé <hver> tirsdag", start=date(2026, 12, 1), due=date(2027, 3, 1))
    short = task("short", "Plakater til skolerne", responsible="p-ole", start=date(2026, 12, 1),
                 due=date(2026, 12, 2))
    fig = timeline_figure([long, short], PEOPLE, today=TODAY)
    bar = traces(fig, "bar")[0]
    labels = dict(zip(bar.customdata, bar.text, strict=True))
    assert labels["long"] == "\u00a0Lektiecafé &lt;hver&gt; tirsdag"
    assert labels["short"] == ""  # too short for its title: the title goes beside it
    beside = next(tr for tr in fig.data if tr.name == "labels-right")
    assert list(beside.text) == ["Plakater til skolerne"] and beside.textposition == "middle right"
    assert list(beside.customdata) == ["short"] and "Plakater til skolerne" in beside.hovertext[0]
    assert bar.textposition == "inside" and bar.insidetextanchor == "start" and bar.textangle == 0
    assert fig.layout.uniformtext.mode == "hide"  # a label that does not fit is left out, not shrunk


def test_marker_labels_go_beside_their_marker_and_markers_never_sit_on_a_bar() -> None:
    meeting = task("m", "Opfølgningsmøde med hele arbejdsgruppen", kind=TaskKind.FOLLOW_UP,
                   due=date(2026, 12, 1))
    crowded = task("c", "Milepæl lige før en aktivitet", kind=TaskKind.MILESTONE, responsible="p-ole",
                   due=date(2027, 1, 10))
    activity = task("a", "Aktivitet", responsible="p-ole", start=date(2027, 1, 12), due=date(2027, 3, 1))
    inside = task("i", "Midt i aktiviteten", kind=TaskKind.MILESTONE, responsible="p-ole",
                  due=date(2027, 2, 1))
    fig = timeline_figure([meeting, crowded, activity, inside], PEOPLE, today=TODAY)
    points = traces(fig, "scatter")[0]
    assert points.mode == "markers" and points.yaxis == "y2"
    labels = {tid: text for tr in fig.data if tr.name and tr.name.startswith("labels-")
              for tid, text in zip(tr.customdata, tr.text, strict=True)}
    assert labels["m"] == "Opfølgningsmøde med hele arbejdsgruppen"
    # The milestone inside the activity's dates gets a sub-row of its own, off the bar.
    bar = traces(fig, "bar")[0]
    row_of_bar = dict(zip(bar.customdata, bar.offset, strict=True))["a"]
    y_of = dict(zip(points.customdata, points.y, strict=True))
    lane = list(fig.layout.yaxis.categoryarray).index("Ole Berg")
    bar_centre = lane + row_of_bar + list(bar.width)[0] / 2
    assert abs(y_of["i"] - bar_centre) >= list(bar.width)[0] / 2  # not within the bar's band


def test_today_label_flips_left_near_the_end_and_the_period_label_keeps_clear() -> None:
    late = timeline_figure([task(start=date(2026, 9, 1), due=date(2026, 11, 20))], PEOPLE, today=TODAY)
    today_label = next(a for a in late.layout.annotations if a.name == "today")
    assert today_label.xanchor == "right"
    early = timeline_figure([task(start=date(2026, 11, 26), due=date(2027, 6, 1))], PEOPLE, today=TODAY,
                            period=(date(2026, 11, 26), date(2027, 6, 1)))
    today_label = next(a for a in early.layout.annotations if a.name == "today")
    period_label = next(a for a in early.layout.annotations if a.name == "period")
    assert today_label.xanchor == "left"
    assert (period_label.xanchor, period_label.x) == ("right", "2027-06-02")  # at the band's end, not at today
    assert early.layout.yaxis.range[1] < -0.5  # a strip above the first lane holds the labels


def test_a_single_trace_still_has_its_legend() -> None:
    fig = timeline_figure([task(start=date(2026, 12, 1), due=date(2026, 12, 10))], PEOPLE, today=TODAY)
    assert len(fig.data) == 1 and fig.layout.showlegend is True
