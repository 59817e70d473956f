"""The timeline figure's data before Plotly: which task is a bar and which a point, the
lanes, the axis span, where every item and label goes (``partnership.timeline_layout``)
and the columns of each trace. No Plotly here; ``timeline_chart`` turns it into traces.

Activities and tasks with start and due are bars; a task with one date is a point at
that date; milestones and follow-up meetings are markers at their due date (or start).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from partnership.i18n import fmt_date, t
from partnership.model import Person, Side, Task, TaskKind, TaskStatus
from partnership.render.chart_base import (
    KIND_SYMBOLS,
    MARKER_KINDS,
    OVERDUE_COLOUR,
    clip,
    esc,
    midday,
    one_line,
    wall_time,
)
from partnership.task_status import label_key
from partnership.timeline import LaneMode, is_overdue, side_names
from partnership.timeline_layout import Item, Placed
from partnership.timeline_layout import layout as layout_items
from partnership.timeline_window import Window, in_window
from partnership.validation import YEAR_MAX, YEAR_MIN

DAY_MS = 86_400_000
BAR_SPAN = 0.8  # share of a lane that bars may fill
LANE_LABEL_MAX = 32
HOVER_TITLE_MAX = 150
# Labels on the chart: the plot is assumed about this wide (the page's wide layout);
# a label gets as many characters as fit its bar, or the room right of its marker.
PLOT_PX = 700  # what the plot area is at least at desktop width; narrower screens scroll it
RING_PX = 10.0  # an overdue bar's ring at its due date reaches this far past its end

Bar = tuple[Task, str, date, date]  # task, lane, start, end (inclusive)
Point = tuple[Task, str, date]  # task, lane, date


@dataclass
class Series:
    """The columns of one trace."""

    y: list[Any] = field(default_factory=list)  # lane names (bars) or lane positions (markers, on y2)
    x: list[Any] = field(default_factory=list)
    base: list[str] = field(default_factory=list)
    width: list[float] = field(default_factory=list)
    offset: list[float] = field(default_factory=list)
    line_colour: list[str] = field(default_factory=list)
    line_width: list[float] = field(default_factory=list)
    symbol: list[str] = field(default_factory=list)
    size: list[int] = field(default_factory=list)
    hover: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)


def in_range(value: date | None) -> date | None:
    return value if value is not None and YEAR_MIN <= value.year <= YEAR_MAX else None


def on_axis(task: Task) -> Task:
    """The task with any date outside the validated years dropped (such a date, stored
    before the bounds existed, would overflow the axis arithmetic)."""
    start, due = in_range(task.start), in_range(task.due)
    return task if (start, due) == (task.start, task.due) else replace(task, start=start, due=due)


def person_lanes(people: Sequence[Person], names: dict[Side, str]) -> dict[str, str]:
    """Person id -> lane label; names shared by two people get their organisation added."""
    labels = {p.id: clip(" ".join(p.name.split()) or p.id, LANE_LABEL_MAX) for p in people}
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    for p in people:
        if counts[labels[p.id]] > 1:
            labels[p.id] = f"{labels[p.id]} ({clip(names[p.side], 20)})"
    return labels


@dataclass
class Words:
    """The figure's words in one language: lanes, hover texts, dates (each formatted once)."""

    lang: str
    lanes: LaneMode
    people: Sequence[Person]
    side_names: dict[Side, str]
    person_lane: dict[str, str]
    person_name: dict[str, str]
    unassigned: str
    labels: dict[str, str]
    status_label: dict[TaskStatus, str]
    kind_label: dict[TaskKind, str]
    dates: dict[date, str] = field(default_factory=dict)

    def day(self, value: date) -> str:
        text = self.dates.get(value)
        if text is None:
            text = self.dates[value] = fmt_date(value, self.lang)
        return text

    def lane_of(self, task: Task) -> str:
        if self.lanes == "side":
            return clip(self.side_names[task.side], LANE_LABEL_MAX)
        return self.person_lane.get(task.responsible, self.unassigned)

    def lane_order(self, used: set[str]) -> list[str]:
        """People in the given order, then no one responsible (or the sides), if used."""
        if self.lanes == "side":
            order = [clip(self.side_names[s], LANE_LABEL_MAX) for s in Side]
        else:
            order = [self.person_lane[p.id] for p in self.people] + [self.unassigned]
        return list(dict.fromkeys(lane for lane in order if lane in used))

    def hover_lines(self, task: Task) -> list[str]:
        """The hover text as plain lines (user text cleaned to one line, not escaped): title,
        kind, responsible, side, start, due, status. ``hover`` marks overdue after the last."""
        labels = self.labels
        who = self.person_name.get(task.responsible, "") or self.unassigned
        lines = [
            one_line(clip(task.title, HOVER_TITLE_MAX)),
            f"{labels['kind']}: {self.kind_label[task.kind]}",
            f"{labels['responsible']}: {one_line(who)}",
            f"{labels['side']}: {one_line(self.side_names[task.side])}",
        ]
        if task.start is not None:
            lines.append(f"{labels['start']}: {self.day(task.start)}")
        if task.due is not None:
            lines.append(f"{labels['due']}: {self.day(task.due)}")
        lines.append(f"{labels['status']}: {self.status_label[task.status]}")
        return lines

    def hover(self, task: Task, overdue: bool) -> str:
        """The hover text in Plotly's pseudo-HTML: ``hover_lines``, the title in bold."""
        lines = [html.escape(line, quote=False) for line in self.hover_lines(task)]
        lines[0] = f"<b>{lines[0]}</b>"
        if overdue:
            lines[-1] += f" · <b>{self.labels['overdue']}</b>"
        return "<br>".join(lines)


def words(people: Sequence[Person], lang: str, lanes: LaneMode, our_org: str, partner_org: str) -> Words:
    names = side_names(our_org, partner_org, lang)
    return Words(
        lang=lang,
        lanes=lanes,
        people=people,
        side_names=names,
        person_lane=person_lanes(people, names),
        person_name={p.id: p.name for p in people},
        unassigned=t("timeline.unassigned", lang),
        labels={key: t(f"timeline.hover.{key}", lang) for key in ("kind", "responsible", "side", "start", "due",
                                                                   "status")}
        | {"overdue": t("timeline.overdue", lang)},
        status_label={s: t(label_key(s), lang) for s in TaskStatus},
        kind_label={k: t(f"timeline.kind.{k.value}", lang) for k in TaskKind},
    )


def classify(dated: Sequence[Task], text: Words, today: date) -> tuple[list[Bar], list[Point], date, date]:
    """Bars and points, items on time first (a trace's legend swatch is drawn like its
    first item), and the first and last day they cover (today included)."""
    bars: list[Bar] = []
    points: list[Point] = []
    lo = hi = today
    for task in dated:
        lane = text.lane_of(task)
        first = task.start if task.start is not None else task.due
        last = task.due if task.due is not None else task.start
        assert first is not None and last is not None
        if last < first:
            first, last = last, first
        lo, hi = min(lo, first), max(hi, last)
        if task.kind in MARKER_KINDS or task.start is None or task.due is None:
            points.append((task, lane, last))
        else:
            bars.append((task, lane, first, last))
    bars.sort(key=lambda item: is_overdue(item[0], today))
    points.sort(key=lambda item: (is_overdue(item[0], today), item[0].kind in MARKER_KINDS))
    return bars, points, lo, hi


@dataclass
class Scene:
    """Where everything goes: the lanes top to bottom, the axis from ``x_lo`` to ``x_hi``
    (assumed ``plot_px`` wide) and each item's sub-row and label (keys "b<i>", "p<i>")."""

    bars: list[Bar]
    points: list[Point]
    lane_order: list[str]
    x_lo: date
    x_hi: date
    px_per_day: float
    place: dict[str, Placed]
    rows_in: dict[str, int]
    plot_px: float = PLOT_PX
    """How wide the plot was laid out (``PLOT_PX``, or a phone's narrow drawing)."""
    lane_index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lane_index = {lane: i for i, lane in enumerate(self.lane_order)}

    def at_px(self, value: date) -> float:
        return (value - self.x_lo).days * self.px_per_day

    def centre(self, key: str) -> float:
        """An item's vertical centre in lane units (the numeric overlay axis y2)."""
        p = self.place[key]
        width = BAR_SPAN / self.rows_in[p.lane]
        return self.lane_index[p.lane] - BAR_SPAN / 2 + (p.row + 0.5) * width

    def shows(self, day: date) -> bool:
        """Whether ``day`` is on the axis (a window may leave today out)."""
        return self.x_lo <= day < self.x_hi

    def x_at(self, px: float) -> str:
        return wall_time(datetime.combine(self.x_lo, datetime.min.time()) + timedelta(days=px / self.px_per_day))


def scene(dated: Sequence[Task], text: Words, today: date, period: tuple[date | None, date | None],
          window: Window | None = None, plot_px: float = PLOT_PX) -> Scene:
    """The scene of ``dated`` (with ``window``: those in it, bars cut at its edges) on a
    plot ``plot_px`` wide."""
    bars, points, lo, hi = classify(dated, text, today)
    for bound in period:
        if bound is not None:
            lo, hi = min(lo, bound), max(hi, bound)
    used = {lane for _, lane, *_ in bars} | {lane for _, lane, _ in points}
    if window is not None:  # exactly the window; a bar that goes on beyond it is cut at its edge
        x_lo, x_hi = window[0], window[1] + timedelta(days=1)
        bars = [(task, lane, max(first, window[0]), min(last, window[1])) for task, lane, first, last in bars]
    else:  # everything, with some air either side
        span = (hi - lo).days + 1
        pad = timedelta(days=max(3, round(span * 0.03)))
        x_lo, x_hi = lo - pad, hi + timedelta(days=1) + pad
    px_per_day = plot_px / max(1, (x_hi - x_lo).days)

    def at_px(value: date) -> float:
        return (value - x_lo).days * px_per_day

    # Sub-rows and labels, in pixels (partnership.timeline_layout): bars and markers share
    # the packing, so nothing covers anything, and a label goes where it fits whole.
    items = [Item(f"b{i}", lane, at_px(first),
                  at_px(last + timedelta(days=1)) + (RING_PX if is_overdue(task, today) else 0.0), task.title)
             for i, (task, lane, first, last) in enumerate(bars)]
    items += [Item(f"p{i}", lane, at_px(when) + px_per_day / 2, at_px(when) + px_per_day / 2, task.title, point=True)
              for i, (task, lane, when) in enumerate(points)]
    placed, rows_in = layout_items(items, plot_px)
    return Scene(bars, points, text.lane_order(used), x_lo, x_hi, px_per_day, {p.key: p for p in placed}, rows_in,
                 plot_px)


def outline(late: bool, *, bar: bool) -> tuple[str, float]:
    """An item's outline colour and width: vermillion and thicker when overdue."""
    if late:
        return OVERDUE_COLOUR, 2.5 if bar else 2.0
    return "#FFFFFF", 1.0


def marker_size(kind: TaskKind) -> int:
    """A point's size in px: milestones and meetings stand out from one-date tasks."""
    return 13 if kind in MARKER_KINDS else 10


@dataclass
class Drawing:
    """What both drawings of the timeline (the Plotly figure, the SVG picture) start from."""

    text: Words
    where: Scene
    dated: list[Task]
    undated: int
    """How many tasks have no date (left off the axis; a note says so)."""
    period: tuple[date | None, date | None]


def prepare(tasks: Sequence[Task], people: Sequence[Person], *, today: date, lang: str, lanes: LaneMode,
            period: tuple[date | None, date | None], our_org: str, partner_org: str,
            window: Window | None = None, plot_px: float = PLOT_PX) -> Drawing | str:
    """The drawing's words and scene, or the message to show instead when no task has a
    date, or none in the ``window`` (the arguments are ``timeline_chart.timeline_figure``'s;
    ``plot_px``: how wide the plot is laid out)."""
    if lanes not in ("person", "side"):
        raise ValueError(f"lanes must be 'person' or 'side', not {lanes!r}")
    # A date far outside the validated years (stored before the bounds existed) would
    # overflow the axis arithmetic: such a task is left off the axis like an undated one.
    tasks = [on_axis(task) for task in tasks]
    period = (in_range(period[0]), in_range(period[1]))
    dated = [task for task in tasks if task.start is not None or task.due is not None]
    if not dated:
        return t("timeline.no_dates" if tasks else "timeline.empty", lang)
    undated = len(tasks) - len(dated)
    if window is not None:
        dated = [task for task in dated if in_window(task, window)]
        if not dated:
            return t("timeline.empty_window", lang)
    text = words(people, lang, lanes, our_org, partner_org)
    return Drawing(text, scene(dated, text, today, period, window, plot_px), dated, undated, period)


@dataclass
class Columns:
    """Every trace's columns: bars and points per status, labels beside their item per
    side ("right", "left"), and the overdue rings."""

    bars: dict[TaskStatus, Series] = field(default_factory=dict)
    points: dict[TaskStatus, Series] = field(default_factory=dict)
    beside: dict[str, Series] = field(default_factory=lambda: {"right": Series(), "left": Series()})
    overdue: Series = field(default_factory=Series)


def _bar_columns(out: Columns, where: Scene, text: Words, today: date) -> None:
    for index, (task, lane, first, last) in enumerate(where.bars):
        late = is_overdue(task, today)
        series = out.bars.setdefault(task.status, Series())
        spot = where.place[f"b{index}"]
        width = BAR_SPAN / where.rows_in[lane]
        series.y.append(lane)
        series.base.append(first.isoformat())
        series.x.append(((last - first).days + 1) * DAY_MS)
        series.width.append(width)
        series.offset.append(-BAR_SPAN / 2 + spot.row * width)
        colour, thickness = outline(late, bar=True)
        series.line_colour.append(colour)
        series.line_width.append(thickness)
        series.hover.append(text.hover(task, late))
        series.text.append(f"\u00a0{esc(spot.text)}" if spot.where == "inside" else "")
        series.ids.append(task.id)
        if late:
            out.overdue.y.append(where.centre(f"b{index}"))
            out.overdue.x.append(midday(last))


def _point_columns(out: Columns, where: Scene, text: Words, today: date) -> None:
    for index, (task, _lane, when) in enumerate(where.points):
        late = is_overdue(task, today)
        series = out.points.setdefault(task.status, Series())
        series.y.append(where.centre(f"p{index}"))
        series.x.append(midday(when))
        series.symbol.append(KIND_SYMBOLS[task.kind])
        series.size.append(marker_size(task.kind))
        colour, thickness = outline(late, bar=False)
        series.line_colour.append(colour)
        series.line_width.append(thickness)
        series.hover.append(text.hover(task, late))
        series.ids.append(task.id)
        if late:
            out.overdue.y.append(where.centre(f"p{index}"))
            out.overdue.x.append(midday(when))


def _label_columns(out: Columns, where: Scene, text: Words, today: date) -> None:
    # Labels beside their item: one text trace per side (a trace is far cheaper than one
    # annotation per label); hovering a label shows the full title too.
    for spot in where.place.values():
        if spot.box is None or spot.where == "inside":
            continue
        index = int(spot.key[1:])
        task = where.bars[index][0] if spot.key[0] == "b" else where.points[index][0]
        series = out.beside[spot.where]
        series.x.append(where.x_at(spot.box[0] if spot.where == "right" else spot.box[1]))
        series.y.append(where.centre(spot.key))
        series.text.append(esc(spot.text))
        series.hover.append(text.hover(task, is_overdue(task, today)))
        series.ids.append(task.id)


def columns(where: Scene, text: Words, today: date) -> Columns:
    out = Columns()
    _bar_columns(out, where, text, today)
    _point_columns(out, where, text, today)
    _label_columns(out, where, text, today)
    return out
