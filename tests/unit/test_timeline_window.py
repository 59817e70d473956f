"""The timeline's window (``timeline_window``) and the phone's drawing of it
(``render.timeline_svg_narrow``): a month or three at a time, bars cut at the window's
edges, lanes stacked, the legend whole and every text inside the picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from partnership.model import TaskKind, TaskStatus
from partnership.render.timeline_chart import timeline_figure
from partnership.render.timeline_svg import timeline_svg
from partnership.render.timeline_svg_narrow import NARROW_PX, TICK_CHAR_PX, narrow_svg
from partnership.render.timeline_svg_parts import LEGEND_CHAR_PX
from partnership.timeline_window import add_months, in_window, moved, window
from partnership.ui.time_window import label, phone_like
from tests.unit.test_timeline import ORGS, PEOPLE, TODAY, many, task
from tests.unit.test_timeline_svg import SVG, groups, texts

QUARTER = (date(2026, 11, 1), date(2027, 1, 31))


def test_a_window_begins_on_the_first_of_a_month_and_moves_by_its_length() -> None:
    assert window("month", date(2026, 12, 5)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert window("quarter", date(2026, 11, 26)) == QUARTER
    assert window("all", date(2026, 11, 26)) is None
    assert moved("quarter", date(2026, 11, 1), 1) == date(2027, 2, 1)
    assert moved("month", date(2027, 1, 1), -1) == date(2026, 12, 1)
    assert add_months(date(2026, 12, 31), 2) == date(2027, 2, 1)
    assert add_months(date(2027, 1, 9), -13) == date(2025, 12, 1)


def test_a_task_is_in_the_window_where_the_timeline_draws_it() -> None:
    assert in_window(task(start=date(2026, 10, 1), due=date(2026, 11, 3)), QUARTER)  # a bar reaching in
    assert not in_window(task(start=date(2026, 10, 1), due=date(2026, 10, 31)), QUARTER)
    # A meeting is drawn at its due date, whatever its start.
    meeting = task(kind=TaskKind.FOLLOW_UP, start=date(2026, 12, 1), due=date(2027, 2, 2))
    assert not in_window(meeting, QUARTER)
    assert not in_window(task(start=None, due=None), QUARTER)


def test_the_window_in_words() -> None:
    assert label(QUARTER, "da") == "nov. 2026 – jan. 2027"
    assert label((date(2027, 2, 1), date(2027, 4, 30)), "da") == "feb. – apr. 2027"
    assert label((date(2026, 12, 1), date(2026, 12, 31)), "da") == "december 2026"
    assert label((date(2026, 11, 1), date(2026, 12, 31)), "en") == "Nov – Dec 2026"


def test_a_phone_is_told_by_its_user_agent() -> None:
    assert phone_like("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) ... Mobile/15E148 Safari/604.1")
    assert phone_like("Mozilla/5.0 (Linux; Android 14; Pixel 8) ... Chrome/126.0 Mobile Safari/537.36")
    assert not phone_like("Mozilla/5.0 (X11; Linux x86_64) ... Chrome/126.0 Safari/537.36")


def _tasks() -> list:
    return [task("a", "Lektiecafé hver tirsdag", kind=TaskKind.ACTIVITY, start=date(2026, 9, 1), due=date(2027, 4, 1),
                 status=TaskStatus.IN_PROGRESS),
            task("b", "Ansøgning", start=date(2026, 11, 20), due=date(2026, 11, 24), responsible="p-ole"),
            task("c", "Opfølgningsmøde", kind=TaskKind.FOLLOW_UP, due=date(2027, 3, 1)),
            task("d", "Uden dato")]


def test_the_drawings_show_only_the_window_with_bars_cut_at_its_edges() -> None:
    svg = ET.fromstring(timeline_svg(_tasks(), PEOPLE, today=TODAY, window=QUARTER, **ORGS))
    assert set(groups(svg)) == {"a", "b"}
    fig = timeline_figure(_tasks(), PEOPLE, today=TODAY, window=QUARTER, **ORGS)
    assert fig.layout.xaxis.range == ("2026-11-01", "2027-02-01")
    bars = [b for b in fig.data if b.type == "bar"]
    assert {d for b in bars for d in b.base} == {"2026-11-01", "2026-11-20"}  # the long bar starts at the edge
    # The hover text keeps the task's own dates.
    assert any("1. sep. 2026" in h for b in bars for h in b.hovertext)


def test_a_window_with_nothing_in_it_says_so() -> None:
    svg = narrow_svg(_tasks(), PEOPLE, today=TODAY, window=(date(2028, 1, 1), date(2028, 1, 31)), **ORGS)
    assert "Ingen opgaver med dato i denne periode" in svg


def test_the_narrow_drawing_stacks_the_lanes_and_keeps_every_text_inside() -> None:
    root = ET.fromstring(narrow_svg(many(30), PEOPLE, today=TODAY, window=QUARTER, **ORGS))
    assert root.attrib["viewBox"].startswith(f"0 0 {NARROW_PX} ")
    lanes = [e for e in root.iter() if e.attrib.get("class") == "tl-lanes"][0]
    names = texts(lanes)
    assert names and all(float(t.attrib["x"]) <= 10 for t in lanes.iter(f"{SVG}text"))  # above, not beside
    tops = [float(t.attrib["y"]) for t in lanes.iter(f"{SVG}text")]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    legend = [e for e in root.iter() if e.attrib.get("class") == "tl-legend"][0]
    for text in legend.iter(f"{SVG}text"):  # whole, and inside the picture's width
        assert "…" not in (text.text or "")
        assert float(text.attrib["x"]) + len(text.text or "") * LEGEND_CHAR_PX <= NARROW_PX
    for text in root.iter(f"{SVG}text"):
        assert 0 <= float(text.attrib.get("x", "0").rstrip("%")) <= NARROW_PX


def test_the_today_line_is_left_out_of_a_window_without_today() -> None:
    later = (date(2027, 2, 1), date(2027, 4, 30))
    for svg in (timeline_svg(_tasks(), PEOPLE, today=TODAY, window=later, **ORGS),
                narrow_svg(_tasks(), PEOPLE, today=TODAY, window=later, **ORGS)):
        assert 'class="tl-today"' not in svg
    assert 'class="tl-today"' in narrow_svg(_tasks(), PEOPLE, today=TODAY, window=QUARTER, **ORGS)


def test_the_narrow_drawings_dates_never_run_into_each_other() -> None:
    for shown in (None, QUARTER, (date(2026, 12, 1), date(2026, 12, 31))):
        root = ET.fromstring(narrow_svg(many(30), PEOPLE, today=TODAY, window=shown, **ORGS))
        ticks = [e for e in root.iter() if e.attrib.get("class") == "tl-ticks"][0]
        spans = [(float(t.attrib["x"]), float(t.attrib["x"]) + len(t.text or "") * TICK_CHAR_PX)
                 for t in ticks.iter(f"{SVG}text")]
        assert len(spans) >= 2, shown
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False)), shown
        assert spans[-1][1] <= NARROW_PX
