"""The follow-up timeline: tasks of the signed agreement on a Plotly figure, filters,
the dashboard numbers and the health-check development figure.

Everything here is pure: records in, a ``plotly.graph_objects.Figure`` (or plain data)
out; no I/O, no streamlit. Figures are built with one trace per status (not per task),
so 1,000 tasks build in well under 300 ms (see ``bench/bench_timeline.py``).

Dates follow the all-day convention of the calendar export: a bar covers its start day
through its due day inclusive (it ends at midnight after ``due``); a point (a task with
a single date, a milestone, a follow-up meeting) and the "today" line sit at midday.
Plotly has no Danish locale loaded by default, so the date axis gets its tick labels
from Babel (``tickvals``/``ticktext``).
"""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any, Literal

import plotly.graph_objects as go
from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal

from partnership.health import RATINGS, SCORES
from partnership.i18n import fmt_date, t
from partnership.model import HealthCheck, Person, Side, Task, TaskKind, TaskStatus
from partnership.timeline_layout import Item
from partnership.timeline_layout import layout as layout_items
from partnership.usertext import clean
from partnership.validation import YEAR_MAX, YEAR_MIN

LaneMode = Literal["person", "side"]

# Okabe-Ito colours: calm, and told apart with the common colour-vision deficiencies.
STATUS_COLOURS: dict[TaskStatus, str] = {
    TaskStatus.PLANNED: "#56B4E9",  # sky blue
    TaskStatus.IN_PROGRESS: "#0072B2",  # blue
    TaskStatus.DONE: "#009E73",  # bluish green
    TaskStatus.BLOCKED: "#CC79A7",  # reddish purple
}
OVERDUE_COLOUR = "#D55E00"  # vermillion
SIDE_COLOURS: dict[Side, str] = {Side.ASSOCIATION: "#0072B2", Side.PARTNER: "#E69F00"}
KIND_SYMBOLS: dict[TaskKind, str] = {
    TaskKind.ACTIVITY: "circle",
    TaskKind.TASK: "circle",
    TaskKind.MILESTONE: "diamond",
    TaskKind.FOLLOW_UP: "star",
}
OVERDUE_SYMBOL = "circle-open"
KEY_COLOUR = "#6B7280"  # the grey of the legend keys for milestone / follow-up symbols
MARKER_KINDS = (TaskKind.MILESTONE, TaskKind.FOLLOW_UP)

SOON_DAYS = 14
_DAY_MS = 86_400_000
_BAR_SPAN = 0.8  # share of a lane that bars may fill
_LANE_LABEL_MAX = 32
_HOVER_TITLE_MAX = 150
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
_TEXT_COLOUR = "#1F2937"
_GRID_COLOUR = "#E5E7EB"
_LOCALES = {"da": "da_DK", "en": "en_GB"}
# Labels on the chart: the plot is assumed about this wide (the page's wide layout);
# a label gets as many characters as fit its bar, or the room right of its marker.
_PLOT_PX = 700  # what the plot area is at least at desktop width; narrower screens scroll it
_CHAR_PX = 7.0
_LABEL_MIN_CHARS = 5
_LABEL_MAX_CHARS = 40
_MARKER_GAP_PX = 12
_HEAD_PX = 26  # a strip above the first lane for the "today" and period labels
_SMALL_CHAR_PX = 6.6  # the 11-12 px labels in that strip
_BAR_TEXT_COLOURS: dict[TaskStatus, str] = {
    TaskStatus.PLANNED: "#1F2937",
    TaskStatus.IN_PROGRESS: "#FFFFFF",
    TaskStatus.DONE: "#FFFFFF",
    TaskStatus.BLOCKED: "#1F2937",
}


# -- small helpers ---------------------------------------------------------------------


def is_overdue(task: Task, today: date) -> bool:
    """Due before today and not done."""
    return task.due is not None and task.due < today and task.status is not TaskStatus.DONE


def _locale(lang: str) -> str:
    return _LOCALES.get(lang, "da_DK")


@cache
def _month_abbr(lang: str) -> dict[int, str]:
    return {int(k): str(v) for k, v in get_month_names("abbreviated", locale=_locale(lang)).items()}


def _midday(day: date) -> str:
    return f"{day.isoformat()} 12:00"


def _wall_time(value: datetime) -> str:
    """A timestamp as Plotly reads it: wall-clock time, no UTC offset."""
    return value.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")


def _esc(text: str) -> str:
    """User text made safe for Plotly's pseudo-HTML labels (one line, bidi and control
    characters stripped, entities escaped)."""
    return html.escape(" ".join(clean(text).split()), quote=False)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def date_ticks(lo: date, hi: date, lang: str = "da") -> tuple[list[str], list[str]]:
    """Tick positions (ISO dates) and labels in ``lang`` for a date axis from lo to hi.

    Up to ~10 weeks: every Monday ("7. dec."); longer: every 1, 2, 3, 6 or 12 months,
    at the first of the month ("jan. 2027" on the first tick and on January, else "feb.").
    """
    if hi < lo:
        lo, hi = hi, lo
    span = (hi - lo).days
    vals: list[str] = []
    texts: list[str] = []
    if span <= 70:
        day = lo + timedelta(days=(7 - lo.weekday()) % 7)
        pattern = "d. MMM" if lang == "da" else "d MMM"
        first = True
        while day <= hi:
            vals.append(day.isoformat())
            label = format_date(day, pattern, locale=_locale(lang))
            texts.append(f"{label} {day.year}" if first or (day.month == 1 and day.day <= 7) else label)
            first = False
            day += timedelta(days=7)
        return vals, texts
    months = span / 30.44
    step = next((s for s in (1, 2, 3, 6) if months / s <= 12), 12)
    names = _month_abbr(lang)
    year, month = lo.year, lo.month
    if lo.day > 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while (month - 1) % step:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    first = True
    while (tick := date(year, month, 1)) <= hi:
        vals.append(tick.isoformat())
        if step == 12:
            texts.append(str(year))
        elif first or month == 1:
            texts.append(f"{names[month]} {year}")
        else:
            texts.append(names[month])
        first = False
        month += step
        while month > 12:
            year, month = year + 1, month - 12
    return vals, texts


# -- filters and dashboard ---------------------------------------------------------------


def filter_tasks(
    tasks: Iterable[Task],
    *,
    sides: Collection[Side | str] | None = None,
    people: Collection[str] | None = None,
    statuses: Collection[TaskStatus | str] | None = None,
    kinds: Collection[TaskKind | str] | None = None,
) -> list[Task]:
    """The tasks that match every given filter, in their original order.

    A filter that is None or empty does not filter (an empty multiselect shows all).
    ``people`` holds person ids; include "" to keep tasks with no one responsible.
    """
    side_set = {str(s) for s in sides} if sides else None
    people_set = set(people) if people else None
    status_set = {str(s) for s in statuses} if statuses else None
    kind_set = {str(k) for k in kinds} if kinds else None
    return [
        task
        for task in tasks
        if (side_set is None or task.side.value in side_set)
        and (people_set is None or task.responsible in people_set)
        and (status_set is None or task.status.value in status_set)
        and (kind_set is None or task.kind.value in kind_set)
    ]


@dataclass(frozen=True)
class Dashboard:
    """The numbers at the top of the follow-up page.

    ``overdue`` and ``due_soon`` are sorted by due date; ``due_soon`` holds open tasks due
    from today through today + 14 days. ``open_per_side`` counts tasks not done, with both
    sides always present. ``names`` maps person id -> name for showing who is responsible.
    """

    overdue: list[Task] = field(default_factory=list)
    due_soon: list[Task] = field(default_factory=list)
    next_follow_up: Task | None = None
    open_per_side: dict[Side, int] = field(default_factory=dict)
    total: int = 0
    done: int = 0
    names: dict[str, str] = field(default_factory=dict)


def dashboard(
    tasks: Sequence[Task], people: Sequence[Person], today: date, *, soon_days: int = SOON_DAYS
) -> Dashboard:
    horizon = today + timedelta(days=soon_days)
    open_tasks = [task for task in tasks if task.status is not TaskStatus.DONE]
    by_due = sorted(
        (task for task in open_tasks if task.due is not None), key=lambda task: (task.due, task.title)
    )
    follow_ups = [
        task for task in by_due if task.kind is TaskKind.FOLLOW_UP and task.due and task.due >= today
    ]
    return Dashboard(
        overdue=[task for task in by_due if is_overdue(task, today)],
        due_soon=[task for task in by_due if task.due and today <= task.due <= horizon],
        next_follow_up=follow_ups[0] if follow_ups else None,
        open_per_side={side: sum(1 for task in open_tasks if task.side is side) for side in Side},
        total=len(tasks),
        done=len(tasks) - len(open_tasks),
        names={person.id: person.name for person in people},
    )


# -- the timeline ---------------------------------------------------------------------------


@dataclass
class _Series:
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


def _side_names(our_org: str, partner_org: str, lang: str) -> dict[Side, str]:
    return {
        Side.ASSOCIATION: our_org.strip() or t("timeline.side.association", lang),
        Side.PARTNER: partner_org.strip() or t("timeline.side.partner", lang),
    }


def _person_lanes(people: Sequence[Person], side_names: dict[Side, str]) -> dict[str, str]:
    """Person id -> lane label; names shared by two people get their organisation added."""
    labels = {p.id: _clip(" ".join(p.name.split()) or p.id, _LANE_LABEL_MAX) for p in people}
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    for p in people:
        if counts[labels[p.id]] > 1:
            labels[p.id] = f"{labels[p.id]} ({_clip(side_names[p.side], 20)})"
    return labels


def _base_layout() -> dict[str, Any]:
    """What the timeline and the health chart share: white, calm, legend on top."""
    return {
        "template": "plotly_white",
        "plot_bgcolor": "#FFFFFF",
        "paper_bgcolor": "#FFFFFF",
        "font": {"family": _FONT, "size": 13, "color": _TEXT_COLOUR},
        "hovermode": "closest",
        "hoverlabel": {"bgcolor": "#FFFFFF", "font": {"size": 13}, "align": "left"},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
    }


def _date_axis(lo: date, hi: date, tickvals: list[str], ticktext: list[str]) -> dict[str, Any]:
    """A date x-axis from ``lo`` to ``hi`` with our own (Danish) tick labels."""
    return {
        "type": "date",
        "range": [lo.isoformat(), hi.isoformat()],
        "tickmode": "array",
        "tickvals": tickvals,
        "ticktext": ticktext,
        "showgrid": True,
        "gridcolor": _GRID_COLOUR,
        "zeroline": False,
    }


def _message_figure(message: str) -> go.Figure:
    return go.Figure(
        layout={
            "template": "plotly_white",
            "plot_bgcolor": "#FFFFFF",
            "paper_bgcolor": "#FFFFFF",
            "height": 240,
            "margin": {"l": 20, "r": 20, "t": 20, "b": 20},
            "font": {"family": _FONT, "size": 14, "color": _TEXT_COLOUR},
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
            "annotations": [
                {
                    "text": html.escape(message, quote=False),
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 0.5,
                    "showarrow": False,
                    "font": {"size": 16, "color": KEY_COLOUR},
                }
            ],
        }
    )


def _in_range(value: date | None) -> date | None:
    return value if value is not None and YEAR_MIN <= value.year <= YEAR_MAX else None


def _on_axis(task: Task) -> Task:
    start, due = _in_range(task.start), _in_range(task.due)
    return task if (start, due) == (task.start, task.due) else replace(task, start=start, due=due)


def timeline_figure(
    tasks: Sequence[Task],
    people: Sequence[Person],
    *,
    today: date,
    lang: str = "da",
    lanes: LaneMode = "person",
    period: tuple[date | None, date | None] = (None, None),
    our_org: str = "",
    partner_org: str = "",
) -> go.Figure:
    """The tasks on a time axis, one lane (y category) per responsible person or per side.

    Activities and tasks with start and due are bars; a task with one date is a point at
    that date; milestones (diamond) and follow-up meetings (star) are markers at their
    due date (or start). Colour shows status; overdue items get a vermillion outline
    and a ring at their due date. Traces, in order: one bar trace per status present,
    one marker trace per status present, a legend key per marker kind present, then the
    overdue rings if any. ``customdata`` of each point is the task id.
    """
    if lanes not in ("person", "side"):
        raise ValueError(f"lanes must be 'person' or 'side', not {lanes!r}")
    # A date far outside the validated years (stored before the bounds existed) would
    # overflow the axis arithmetic: such a task is left off the axis like an undated one.
    tasks = [_on_axis(task) for task in tasks]
    period = (_in_range(period[0]), _in_range(period[1]))
    dated = [task for task in tasks if task.start is not None or task.due is not None]
    if not dated:
        return _message_figure(t("timeline.no_dates" if tasks else "timeline.empty", lang))

    side_names = _side_names(our_org, partner_org, lang)
    person_lane = _person_lanes(people, side_names)
    person_name = {p.id: p.name for p in people}
    unassigned = t("timeline.unassigned", lang)
    labels = {
        "kind": t("timeline.hover.kind", lang),
        "responsible": t("timeline.hover.responsible", lang),
        "side": t("timeline.hover.side", lang),
        "start": t("timeline.hover.start", lang),
        "due": t("timeline.hover.due", lang),
        "status": t("timeline.hover.status", lang),
        "overdue": t("timeline.overdue", lang),
    }
    status_label = {s: t(f"timeline.status.{s.value}", lang) for s in TaskStatus}
    kind_label = {k: t(f"timeline.kind.{k.value}", lang) for k in TaskKind}
    dates: dict[date, str] = {}

    def day(value: date) -> str:
        text = dates.get(value)
        if text is None:
            text = dates[value] = fmt_date(value, lang)
        return text

    def lane_of(task: Task) -> str:
        if lanes == "side":
            return _clip(side_names[task.side], _LANE_LABEL_MAX)
        return person_lane.get(task.responsible, unassigned)

    def hover(task: Task, overdue: bool) -> str:
        who = person_name.get(task.responsible, "") or unassigned
        lines = [
            f"<b>{_esc(_clip(task.title, _HOVER_TITLE_MAX))}</b>",
            f"{labels['kind']}: {kind_label[task.kind]}",
            f"{labels['responsible']}: {_esc(who)}",
            f"{labels['side']}: {_esc(side_names[task.side])}",
        ]
        if task.start is not None:
            lines.append(f"{labels['start']}: {day(task.start)}")
        if task.due is not None:
            lines.append(f"{labels['due']}: {day(task.due)}")
        status = f"{labels['status']}: {status_label[task.status]}"
        lines.append(f"{status} · <b>{labels['overdue']}</b>" if overdue else status)
        return "<br>".join(lines)

    # Classify, and collect the span of the axis.
    bars: list[tuple[Task, str, date, date]] = []  # task, lane, start, end (inclusive)
    points: list[tuple[Task, str, date]] = []
    lo = hi = today
    for task in dated:
        lane = lane_of(task)
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
    # Items on time first: a trace's legend swatch is drawn like its first item.
    bars.sort(key=lambda item: is_overdue(item[0], today))
    points.sort(key=lambda item: (is_overdue(item[0], today), item[0].kind in MARKER_KINDS))
    p_start, p_end = period
    for bound in (p_start, p_end):
        if bound is not None:
            lo, hi = min(lo, bound), max(hi, bound)

    # Lane order: people in the given order, then no one responsible (or by side).
    used = {lane for _, lane, *_ in bars} | {lane for _, lane, _ in points}
    if lanes == "side":
        order = [_clip(side_names[s], _LANE_LABEL_MAX) for s in Side]
    else:
        order = [person_lane[p.id] for p in people] + [unassigned]
    lane_order = list(dict.fromkeys(lane for lane in order if lane in used))

    # Axis span with some air either side.
    span = (hi - lo).days + 1
    pad = timedelta(days=max(3, round(span * 0.03)))
    x_lo, x_hi = lo - pad, hi + timedelta(days=1) + pad
    px_per_day = _PLOT_PX / max(1, (x_hi - x_lo).days)

    def at_px(value: date) -> float:
        return (value - x_lo).days * px_per_day

    # Sub-rows and labels, in pixels (partnership.timeline_layout): bars and markers share
    # the packing, so nothing covers anything, and a label goes where it fits whole.
    ring = 10.0  # an overdue bar's ring at its due date reaches this far past its end
    items = [Item(f"b{i}", lane, at_px(first),
                  at_px(last + timedelta(days=1)) + (ring if is_overdue(task, today) else 0.0), task.title)
             for i, (task, lane, first, last) in enumerate(bars)]
    items += [Item(f"p{i}", lane, at_px(when) + px_per_day / 2, at_px(when) + px_per_day / 2, task.title, point=True)
              for i, (task, lane, when) in enumerate(points)]
    placed, rows_in = layout_items(items, _PLOT_PX)
    place = {p.key: p for p in placed}
    lane_index = {lane: i for i, lane in enumerate(lane_order)}

    def centre(key: str) -> float:
        """An item's vertical centre in lane units (the numeric overlay axis y2)."""
        p = place[key]
        width = _BAR_SPAN / rows_in[p.lane]
        return lane_index[p.lane] - _BAR_SPAN / 2 + (p.row + 0.5) * width

    def x_at(px: float) -> str:
        return _wall_time(datetime.combine(x_lo, datetime.min.time()) + timedelta(days=px / px_per_day))

    bar_series: dict[TaskStatus, _Series] = {}
    point_series: dict[TaskStatus, _Series] = {}
    overdue_series = _Series()
    for index, (task, lane, first, last) in enumerate(bars):
        late = is_overdue(task, today)
        series = bar_series.setdefault(task.status, _Series())
        spot = place[f"b{index}"]
        width = _BAR_SPAN / rows_in[lane]
        series.y.append(lane)
        series.base.append(first.isoformat())
        series.x.append(((last - first).days + 1) * _DAY_MS)
        series.width.append(width)
        series.offset.append(-_BAR_SPAN / 2 + spot.row * width)
        series.line_colour.append(OVERDUE_COLOUR if late else "#FFFFFF")
        series.line_width.append(2.5 if late else 1.0)
        series.hover.append(hover(task, late))
        series.text.append(f"\u00a0{_esc(spot.text)}" if spot.where == "inside" else "")
        series.ids.append(task.id)
        if late:
            overdue_series.y.append(centre(f"b{index}"))
            overdue_series.x.append(_midday(last))
    for index, (task, _lane, when) in enumerate(points):
        late = is_overdue(task, today)
        series = point_series.setdefault(task.status, _Series())
        series.y.append(centre(f"p{index}"))
        series.x.append(_midday(when))
        series.symbol.append(KIND_SYMBOLS[task.kind])
        series.size.append(13 if task.kind in MARKER_KINDS else 10)
        series.line_colour.append(OVERDUE_COLOUR if late else "#FFFFFF")
        series.line_width.append(2.0 if late else 1.0)
        series.hover.append(hover(task, late))
        series.ids.append(task.id)
        if late:
            overdue_series.y.append(centre(f"p{index}"))
            overdue_series.x.append(_midday(when))
    # Labels beside their item: one text trace per side (a trace is far cheaper than one
    # annotation per label); hovering a label shows the full title too.
    beside: dict[str, _Series] = {"right": _Series(), "left": _Series()}
    for spot in placed:
        if spot.box is None or spot.where == "inside":
            continue
        task = bars[int(spot.key[1:])][0] if spot.key[0] == "b" else points[int(spot.key[1:])][0]
        series = beside[spot.where]
        series.x.append(x_at(spot.box[0] if spot.where == "right" else spot.box[1]))
        series.y.append(centre(spot.key))
        series.text.append(_esc(spot.text))
        series.hover.append(hover(task, is_overdue(task, today)))
        series.ids.append(task.id)

    traces: list[Any] = []
    hovertemplate = "%{hovertext}<extra></extra>"
    for status in TaskStatus:
        if status not in bar_series:
            continue
        series = bar_series[status]
        traces.append(
            go.Bar(
                name=status_label[status],
                legendgroup=status.value,
                orientation="h",
                y=series.y,
                x=series.x,
                base=series.base,
                width=series.width,
                offset=series.offset,
                marker={
                    "color": STATUS_COLOURS[status],
                    "line": {"color": series.line_colour, "width": series.line_width},
                },
                hovertext=series.hover,
                hovertemplate=hovertemplate,
                customdata=series.ids,
                text=series.text,
                textposition="inside",
                insidetextanchor="start",
                textangle=0,
                textfont={"size": 12, "color": _BAR_TEXT_COLOURS[status]},
            )
        )
    for status in TaskStatus:
        if status not in point_series:
            continue
        series = point_series[status]
        traces.append(
            go.Scatter(
                name=status_label[status],
                legendgroup=status.value,
                showlegend=status not in bar_series,
                mode="markers",
                yaxis="y2",
                y=series.y,
                x=series.x,
                marker={
                    "color": STATUS_COLOURS[status],
                    "symbol": series.symbol,
                    "size": series.size,
                    "line": {"color": series.line_colour, "width": series.line_width},
                },
                hovertext=series.hover,
                hovertemplate=hovertemplate,
                customdata=series.ids,
            )
        )
    kinds_present = {task.kind for task, _, _ in points}
    for kind in MARKER_KINDS:
        if kind in kinds_present:
            traces.append(
                go.Scatter(
                    name=kind_label[kind],
                    legendgroup=f"kind-{kind.value}",
                    mode="markers",
                    yaxis="y2",
                    x=[None],
                    y=[None],
                    marker={"color": KEY_COLOUR, "symbol": KIND_SYMBOLS[kind], "size": 12},
                    hoverinfo="skip",
                )
            )
    for where, series in beside.items():
        if series.x:
            traces.append(
                go.Scatter(
                    name=f"labels-{where}",
                    mode="text",
                    yaxis="y2",
                    x=series.x,
                    y=series.y,
                    text=series.text,
                    textposition="middle right" if where == "right" else "middle left",
                    textfont={"size": 12, "color": _TEXT_COLOUR},
                    hovertext=series.hover,
                    hovertemplate=hovertemplate,
                    customdata=series.ids,
                    showlegend=False,
                )
            )
    if overdue_series.x:
        traces.append(
            go.Scatter(
                name=labels["overdue"],
                legendgroup="overdue",
                mode="markers",
                yaxis="y2",
                y=overdue_series.y,
                x=overdue_series.x,
                marker={
                    "color": OVERDUE_COLOUR,
                    "symbol": OVERDUE_SYMBOL,
                    "size": 20,
                    "line": {"color": OVERDUE_COLOUR, "width": 2.5},
                },
                hoverinfo="skip",
            )
        )

    # Ticks in the reader's language.
    tickvals, ticktext = date_ticks(x_lo, x_hi, lang)

    # The "today" label goes right of its line, or left of it near the axis end; the
    # period label goes to the band's end (or its start) where it does not meet it.
    def px(value: date) -> float:
        return (value - x_lo).days * px_per_day

    today_text = f"{t('timeline.today', lang)} · {day(today)}"
    today_w = len(today_text) * _SMALL_CHAR_PX + 10
    today_right = px(today) + today_w <= _PLOT_PX
    today_span = (px(today), px(today) + today_w) if today_right else (px(today) - today_w, px(today))

    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    if p_start is not None or p_end is not None:
        band_lo = p_start if p_start is not None else x_lo
        band_hi = p_end + timedelta(days=1) if p_end is not None else x_hi
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": band_lo.isoformat(),
                "x1": band_hi.isoformat(),
                "y0": 0,
                "y1": 1,
                "fillcolor": "rgba(86, 180, 233, 0.10)",
                "line": {"width": 0},
                "layer": "below",
            }
        )
        period_text = t("timeline.period", lang)
        period_w = len(period_text) * _SMALL_CHAR_PX + 10
        at_end = (px(min(band_hi, x_hi)) - period_w, px(min(band_hi, x_hi)))
        clear_of_today = at_end[1] <= today_span[0] or at_end[0] >= today_span[1]
        annotations.append(
            {
                "name": "period",
                "text": period_text,
                "xref": "x",
                "yref": "paper",
                "x": min(band_hi, x_hi).isoformat() if clear_of_today else max(band_lo, x_lo).isoformat(),
                "y": 1,
                "xanchor": "right" if clear_of_today else "left",
                "yanchor": "top",
                "xshift": -4 if clear_of_today else 4,
                "yshift": -4,
                "showarrow": False,
                "font": {"size": 11, "color": "#2B6F95"},
            }
        )
    for position in range(len(lane_order) - 1):
        shapes.append(
            {
                "type": "line",
                "xref": "paper",
                "yref": "y",
                "x0": 0,
                "x1": 1,
                "y0": position + 0.5,
                "y1": position + 0.5,
                "line": {"color": _GRID_COLOUR, "width": 1},
                "layer": "below",
            }
        )
    shapes.append(
        {
            "type": "line",
            "name": "today",
            "xref": "x",
            "yref": "paper",
            "x0": _midday(today),
            "x1": _midday(today),
            "y0": 0,
            "y1": 1,
            "line": {"color": _TEXT_COLOUR, "width": 1.5, "dash": "dash"},
            "layer": "above",
        }
    )
    annotations.append(
        {
            "name": "today",
            "text": today_text,
            "xref": "x",
            "yref": "paper",
            "x": _midday(today),
            "y": 1,
            "xanchor": "left" if today_right else "right",
            "yanchor": "top",
            "xshift": 4 if today_right else -4,
            "yshift": -3,
            "showarrow": False,
            "bgcolor": "rgba(255, 255, 255, 0.85)",
            "font": {"size": 12, "color": _TEXT_COLOUR},
        }
    )
    undated = len(tasks) - len(dated)
    if undated:
        annotations.append(
            {
                "name": "undated",
                "text": t("timeline.undated", lang, n=undated),
                "xref": "paper",
                "yref": "paper",
                "x": 1,
                "y": 0,
                "xanchor": "right",
                "yanchor": "top",
                "yshift": -28,
                "showarrow": False,
                "font": {"size": 11, "color": KEY_COLOUR},
            }
        )

    deepest = max(rows_in.values(), default=1)
    lane_px = min(200, max(48, 18 * deepest + 24))
    height = min(3000, 150 + _HEAD_PX + lane_px * len(lane_order))
    head = _HEAD_PX / lane_px  # the label strip, in lanes
    layout: dict[str, Any] = {
        **_base_layout(),
        "height": height,
        "margin": {"l": 10, "r": 20, "t": 60, "b": 60 if undated else 40},
        "barmode": "overlay",
        "uniformtext": {"minsize": 12, "mode": "hide"},  # a bar label that does not fit is left out
        "showlegend": True,  # also for a single trace: the legend names the colours
        "xaxis": {**_date_axis(x_lo, x_hi, tickvals, ticktext), "showline": True, "linecolor": "#9CA3AF"},
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": lane_order,
            "range": [len(lane_order) - 0.5, -0.5 - head],  # first lane on top, the label strip above
            "automargin": True,
            "showgrid": False,
            "ticks": "",
        },
        "yaxis2": {"overlaying": "y", "range": [len(lane_order) - 0.5, -0.5 - head], "visible": False,
                   "fixedrange": True},
        "shapes": shapes,
        "annotations": annotations,
    }
    return go.Figure(data=traces, layout=layout)


# -- health checks over time ----------------------------------------------------------------


def average_score(check: HealthCheck) -> float | None:
    """The mean of the check's ratings (green 2, amber 1, red 0), None if none rated."""
    scores = [SCORES[rating] for rating, _ in check.answers.values() if rating in SCORES]
    return sum(scores) / len(scores) if scores else None


def health_figure(
    checks: Sequence[HealthCheck], lang: str = "da", *, our_org: str = "", partner_org: str = ""
) -> go.Figure:
    """How the health checks developed: one line per side, the mean rating of each check
    (green 2, amber 1, red 0) over the check dates, on calm green/amber/red bands."""
    side_names = _side_names(our_org, partner_org, lang)
    rated = sorted(
        ((c, score) for c in checks if (score := average_score(c)) is not None),
        key=lambda pair: pair[0].at,
    )
    if not rated:
        return _message_figure(t("health.empty", lang))

    short = {rating: t(f"health.rating_short.{rating}", lang) for rating in RATINGS}
    traces: list[Any] = []
    for side in Side:
        mine = [(c, score) for c, score in rated if c.side is side]
        if not mine:
            continue
        hovers = []
        for c, score in mine:
            counts = {rating: 0 for rating in RATINGS}
            for rating, _ in c.answers.values():
                if rating in counts:
                    counts[rating] += 1
            tally = " · ".join(f"{short[r]} {counts[r]}" for r in RATINGS)
            hovers.append(
                "<br>".join(
                    [
                        f"<b>{_esc(side_names[side])}</b>",
                        fmt_date(c.at.date(), lang),
                        f"{t('health.hover.by', lang)}: {_esc(c.name)}",
                        f"{t('health.hover.average', lang)}: "
                        f"{format_decimal(score, format='0.0', locale=_locale(lang))}",
                        f"{t('health.hover.answers', lang)}: {tally}",
                    ]
                )
            )
        traces.append(
            go.Scatter(
                name=side_names[side],
                mode="lines+markers",
                x=[_wall_time(c.at) for c, _ in mine],
                y=[score for _, score in mine],
                line={"color": SIDE_COLOURS[side], "width": 2.5},
                marker={"color": SIDE_COLOURS[side], "size": 9, "symbol": "circle"},
                hovertext=hovers,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )

    first_day, last_day = rated[0][0].at.date(), rated[-1][0].at.date()
    pad = timedelta(days=max(7, round(((last_day - first_day).days + 1) * 0.05)))
    x_lo, x_hi = first_day - pad, last_day + pad
    tickvals, ticktext = date_ticks(x_lo, x_hi, lang)
    bands = (
        ("red", -0.15, 0.5, "rgba(213, 94, 0, 0.07)"),
        ("amber", 0.5, 1.5, "rgba(230, 159, 0, 0.08)"),
        ("green", 1.5, 2.15, "rgba(0, 158, 115, 0.08)"),
    )
    shapes = [
        {
            "type": "rect",
            "name": f"band-{name}",
            "xref": "paper",
            "yref": "y",
            "x0": 0,
            "x1": 1,
            "y0": y0,
            "y1": y1,
            "fillcolor": colour,
            "line": {"width": 0},
            "layer": "below",
        }
        for name, y0, y1, colour in bands
    ]
    layout: dict[str, Any] = {
        **_base_layout(),
        "height": 360,
        "margin": {"l": 10, "r": 20, "t": 50, "b": 40},
        "xaxis": _date_axis(x_lo, x_hi, tickvals, ticktext),
        "yaxis": {
            "title": {"text": t("health.axis", lang)},
            "range": [-0.15, 2.15],
            "tickmode": "array",
            "tickvals": [0, 1, 2],
            "ticktext": [short["red"], short["amber"], short["green"]],
            "showgrid": False,
            "zeroline": False,
            "automargin": True,
        },
        "shapes": shapes,
    }
    return go.Figure(data=traces, layout=layout)
