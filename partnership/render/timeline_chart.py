"""The follow-up timeline as a Plotly figure: the tasks of the signed agreement on a time
axis, one lane per responsible person or per side.

Pure: records in, a ``plotly.graph_objects.Figure`` out; no I/O, no streamlit. The
figure is built with one trace per status (not per task), so 1,000 tasks build in well
under 300 ms (see ``bench/bench_timeline.py``). Where things go is worked out without
Plotly in ``timeline_scene`` (and ``partnership.timeline_layout``); this module only
turns it into traces, shapes and annotations.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go

from partnership.i18n import t
from partnership.model import Person, Task, TaskStatus
from partnership.render.chart_base import (
    GRID_COLOUR,
    KEY_COLOUR,
    KIND_SYMBOLS,
    MARKER_KINDS,
    OVERDUE_COLOUR,
    OVERDUE_SYMBOL,
    STATUS_COLOURS,
    TEXT_COLOUR,
    base_layout,
    date_axis,
    date_ticks,
    message_figure,
    midday,
)
from partnership.render.timeline_scene import (
    PLOT_PX,
    Columns,
    Scene,
    Series,
    Words,
    columns,
    in_range,
    on_axis,
    scene,
    words,
)
from partnership.timeline import LaneMode

HEAD_PX = 26  # a strip above the first lane for the "today" and period labels
SMALL_CHAR_PX = 6.6  # the 11-12 px labels in that strip
BAR_TEXT_COLOURS: dict[TaskStatus, str] = {
    TaskStatus.PLANNED: "#1F2937",
    TaskStatus.IN_PROGRESS: "#FFFFFF",
    TaskStatus.DONE: "#FFFFFF",
    TaskStatus.BLOCKED: "#1F2937",
}
_HOVERTEMPLATE = "%{hovertext}<extra></extra>"


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
    tasks = [on_axis(task) for task in tasks]
    period = (in_range(period[0]), in_range(period[1]))
    dated = [task for task in tasks if task.start is not None or task.due is not None]
    if not dated:
        return message_figure(t("timeline.no_dates" if tasks else "timeline.empty", lang))
    text = words(people, lang, lanes, our_org, partner_org)
    where = scene(dated, text, today, period)
    traces = _traces(columns(where, text, today), where, text)
    shapes, annotations = _marks(where, text, today, period)
    undated = len(tasks) - len(dated)
    if undated:
        annotations.append(_undated_note(undated, lang))
    layout = _layout(where, lang, undated=undated > 0)
    return go.Figure(data=traces, layout={**layout, "shapes": shapes, "annotations": annotations})


def _bar_trace(status: TaskStatus, name: str, series: Series) -> go.Bar:
    return go.Bar(
        name=name,
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
        hovertemplate=_HOVERTEMPLATE,
        customdata=series.ids,
        text=series.text,
        textposition="inside",
        insidetextanchor="start",
        textangle=0,
        textfont={"size": 12, "color": BAR_TEXT_COLOURS[status]},
    )


def _point_trace(status: TaskStatus, name: str, series: Series, *, legend: bool) -> go.Scatter:
    return go.Scatter(
        name=name,
        legendgroup=status.value,
        showlegend=legend,
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
        hovertemplate=_HOVERTEMPLATE,
        customdata=series.ids,
    )


def _keys_and_labels(cols: Columns, where: Scene, text: Words) -> list[Any]:
    """A legend key per marker kind present, then the labels beside their items."""
    traces: list[Any] = []
    kinds_present = {task.kind for task, _, _ in where.points}
    for kind in MARKER_KINDS:
        if kind in kinds_present:
            traces.append(go.Scatter(
                name=text.kind_label[kind],
                legendgroup=f"kind-{kind.value}",
                mode="markers",
                yaxis="y2",
                x=[None],
                y=[None],
                marker={"color": KEY_COLOUR, "symbol": KIND_SYMBOLS[kind], "size": 12},
                hoverinfo="skip",
            ))
    for side, series in cols.beside.items():
        if series.x:
            traces.append(go.Scatter(
                name=f"labels-{side}",
                mode="text",
                yaxis="y2",
                x=series.x,
                y=series.y,
                text=series.text,
                textposition="middle right" if side == "right" else "middle left",
                textfont={"size": 12, "color": TEXT_COLOUR},
                hovertext=series.hover,
                hovertemplate=_HOVERTEMPLATE,
                customdata=series.ids,
                showlegend=False,
            ))
    return traces


def _traces(cols: Columns, where: Scene, text: Words) -> list[Any]:
    traces: list[Any] = [
        _bar_trace(status, text.status_label[status], cols.bars[status]) for status in TaskStatus if status in cols.bars
    ]
    traces += [
        _point_trace(status, text.status_label[status], cols.points[status], legend=status not in cols.bars)
        for status in TaskStatus
        if status in cols.points
    ]
    traces += _keys_and_labels(cols, where, text)
    if cols.overdue.x:
        traces.append(go.Scatter(
            name=text.labels["overdue"],
            legendgroup="overdue",
            mode="markers",
            yaxis="y2",
            y=cols.overdue.y,
            x=cols.overdue.x,
            marker={
                "color": OVERDUE_COLOUR,
                "symbol": OVERDUE_SYMBOL,
                "size": 20,
                "line": {"color": OVERDUE_COLOUR, "width": 2.5},
            },
            hoverinfo="skip",
        ))
    return traces


def _period_marks(
    where: Scene, lang: str, band: tuple[date, date], today_span: tuple[float, float]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The period's band and its label, at the band's end (or its start) where it does
    not meet the "today" label."""
    band_lo, band_hi = band
    shape = {
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
    period_text = t("timeline.period", lang)
    period_w = len(period_text) * SMALL_CHAR_PX + 10
    end = where.at_px(min(band_hi, where.x_hi))
    clear_of_today = end <= today_span[0] or end - period_w >= today_span[1]
    annotation = {
        "name": "period",
        "text": period_text,
        "xref": "x",
        "yref": "paper",
        "x": min(band_hi, where.x_hi).isoformat() if clear_of_today else max(band_lo, where.x_lo).isoformat(),
        "y": 1,
        "xanchor": "right" if clear_of_today else "left",
        "yanchor": "top",
        "xshift": -4 if clear_of_today else 4,
        "yshift": -4,
        "showarrow": False,
        "font": {"size": 11, "color": "#2B6F95"},
    }
    return shape, annotation


def _today_marks(today: date, today_text: str, right: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """The dashed "today" line and its label, right of the line or left of it."""
    line = {
        "type": "line",
        "name": "today",
        "xref": "x",
        "yref": "paper",
        "x0": midday(today),
        "x1": midday(today),
        "y0": 0,
        "y1": 1,
        "line": {"color": TEXT_COLOUR, "width": 1.5, "dash": "dash"},
        "layer": "above",
    }
    label = {
        "name": "today",
        "text": today_text,
        "xref": "x",
        "yref": "paper",
        "x": midday(today),
        "y": 1,
        "xanchor": "left" if right else "right",
        "yanchor": "top",
        "xshift": 4 if right else -4,
        "yshift": -3,
        "showarrow": False,
        "bgcolor": "rgba(255, 255, 255, 0.85)",
        "font": {"size": 12, "color": TEXT_COLOUR},
    }
    return line, label


def _lane_line(position: int) -> dict[str, Any]:
    return {
        "type": "line",
        "xref": "paper",
        "yref": "y",
        "x0": 0,
        "x1": 1,
        "y0": position + 0.5,
        "y1": position + 0.5,
        "line": {"color": GRID_COLOUR, "width": 1},
        "layer": "below",
    }


def _marks(
    where: Scene, text: Words, today: date, period: tuple[date | None, date | None]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Shapes (period band, lane separators, today line) and annotations (their labels).
    The "today" label goes right of its line, or left of it near the axis end."""
    lang = text.lang
    today_text = f"{t('timeline.today', lang)} · {text.day(today)}"
    today_w = len(today_text) * SMALL_CHAR_PX + 10
    at = where.at_px(today)
    today_right = at + today_w <= PLOT_PX
    today_span = (at, at + today_w) if today_right else (at - today_w, at)
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    p_start, p_end = period
    if p_start is not None or p_end is not None:
        band_lo = p_start if p_start is not None else where.x_lo
        band_hi = p_end + timedelta(days=1) if p_end is not None else where.x_hi
        band, label = _period_marks(where, lang, (band_lo, band_hi), today_span)
        shapes.append(band)
        annotations.append(label)
    shapes += [_lane_line(position) for position in range(len(where.lane_order) - 1)]
    line, today_label = _today_marks(today, today_text, today_right)
    shapes.append(line)
    annotations.append(today_label)
    return shapes, annotations


def _undated_note(undated: int, lang: str) -> dict[str, Any]:
    return {
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


def _layout(where: Scene, lang: str, *, undated: bool) -> dict[str, Any]:
    """The figure's layout without shapes and annotations: the lanes' height grows with
    their deepest stack of sub-rows; ticks are in the reader's language."""
    lane_order = where.lane_order
    tickvals, ticktext = date_ticks(where.x_lo, where.x_hi, lang)
    deepest = max(where.rows_in.values(), default=1)
    lane_px = min(200, max(48, 18 * deepest + 24))
    height = min(3000, 150 + HEAD_PX + lane_px * len(lane_order))
    head = HEAD_PX / lane_px  # the label strip, in lanes
    return {
        **base_layout(),
        "height": height,
        "margin": {"l": 10, "r": 20, "t": 60, "b": 60 if undated else 40},
        "barmode": "overlay",
        "uniformtext": {"minsize": 12, "mode": "hide"},  # a bar label that does not fit is left out
        "showlegend": True,  # also for a single trace: the legend names the colours
        "xaxis": {**date_axis(where.x_lo, where.x_hi, tickvals, ticktext), "showline": True,
                  "linecolor": "#9CA3AF"},
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
    }
