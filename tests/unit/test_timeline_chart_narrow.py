"""The interactive timeline laid out for a phone (partnership/render/timeline_chart_narrow.py):
as wide as the page, lanes stacked under their names, the dates thinned to fit."""

from __future__ import annotations

from datetime import date, timedelta

from partnership.model import Person, Side, Task, TaskKind, TaskStatus
from partnership.render import timeline_chart, timeline_chart_narrow
from partnership.render.timeline_scene import Columns, Series

TODAY = date(2026, 12, 6)


def people() -> list[Person]:
    return [Person(id="p1", name="Anna <b>Holm</b>", side=Side.ASSOCIATION),
            Person(id="p2", name="Ole Berg", side=Side.PARTNER)]


def tasks() -> list[Task]:
    return [Task(id=f"t{i}", title=f"Opgave {i}", kind=TaskKind.ACTIVITY if i % 2 else TaskKind.MILESTONE,
                 responsible="p1" if i < 3 else "p2", side=Side.ASSOCIATION, status=TaskStatus.PLANNED,
                 start=TODAY + timedelta(days=30 * i), due=TODAY + timedelta(days=30 * i + 20)) for i in range(6)]


def test_the_narrow_figure_names_lanes_on_strips_not_on_the_left() -> None:
    wide = timeline_chart.timeline_figure(tasks(), people(), today=TODAY)
    narrow = timeline_chart.timeline_figure(tasks(), people(), today=TODAY, narrow=True)
    assert narrow.layout.yaxis.showticklabels is False and wide.layout.yaxis.showticklabels is not False
    names = [a.text for a in narrow.layout.annotations if (a.name or "").startswith("lane-")]
    assert names == ["<b>Anna &lt;b&gt;Holm&lt;/b&gt;</b>", "<b>Ole Berg</b>"], "user text escaped"
    assert narrow.layout.margin.l <= 10 and narrow.layout.height > wide.layout.height  # a strip per lane
    assert len(narrow.layout.xaxis.tickvals) <= len(wide.layout.xaxis.tickvals)


def test_items_move_under_their_lanes_name_strip() -> None:
    share = 0.3
    cols = Columns(bars={TaskStatus.PLANNED: Series(offset=[-0.4], width=[0.8])},
                   points={TaskStatus.PLANNED: Series(y=[1.0, 2.4, None])})
    timeline_chart_narrow.make_room(cols, share)
    bar = cols.bars[TaskStatus.PLANNED]
    top, bottom = bar.offset[0], bar.offset[0] + bar.width[0]
    assert -0.5 + share <= top < bottom <= 0.5  # lane 0 spans -0.5..0.5, drawn top down
    y = cols.points[TaskStatus.PLANNED].y
    assert y[2] is None and 1 - 0.5 + share <= y[0] <= 1.5 and 2 - 0.5 + share <= y[1] <= 2.5


def test_dates_are_thinned_until_they_fit() -> None:
    vals = [f"2027-{m:02d}-01" for m in range(1, 13)]
    texts = [f"jan. {2027}"] * 12
    kept, labels = timeline_chart_narrow.thin(vals, texts, width_px=344)
    assert kept[0] == vals[0] and len(kept) == len(labels) and len(kept) * (9 * 6.6 + 8) <= 344
    assert timeline_chart_narrow.thin([], []) == ([], [])
