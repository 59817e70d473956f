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
from datetime import date
from typing import Any

import plotly.graph_objects as go

from partnership.i18n import t
from partnership.model import Person, Task, TaskStatus
from partnership.render import timeline_chart_narrow
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
from partnership.render.timeline_frame import (
    AXIS_LINE_COLOUR,
    BAR_TEXT_COLOURS,
    HEAD_PX,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PERIOD_FILL,
    PERIOD_TEXT_COLOUR,
    Head,
    head,
    height,
    lane_px,
    margin_bottom,
)
from partnership.render.timeline_scene import (
    Columns,
    Scene,
    Series,
    Words,
    columns,
    prepare,
)
from partnership.timeline import LaneMode
from partnership.timeline_window import Window

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
    window: Window | None = None,
    narrow: bool = False,
) -> go.Figure:
    """The tasks on a time axis, one lane (y category) per responsible person or per side.

    Activities and tasks with start and due are bars; a task with one date is a point at
    that date; milestones (diamond) and follow-up meetings (star) are markers at their
    due date (or start). Colour shows status; overdue items get a vermillion outline
    and a ring at their due date. Traces, in order: one bar trace per status present,
    one marker trace per status present, a legend key per marker kind present, then the
    overdue rings if any. ``customdata`` of each point is the task id. ``narrow``: laid
    out for a phone (``timeline_chart_narrow``).
    """
    drawing = prepare(tasks, people, today=today, lang=lang, lanes=lanes, period=period, our_org=our_org,
                      partner_org=partner_org, window=window,
                      **({"plot_px": timeline_chart_narrow.NARROW_PLOT_PX} if narrow else {}))
    if isinstance(drawing, str):
        return message_figure(drawing)
    text, where, undated = drawing.text, drawing.where, drawing.undated
    cols = columns(where, text, today)
    if narrow:
        timeline_chart_narrow.make_room(cols, timeline_chart_narrow.head_share(where))
    traces = _traces(cols, where, text)
    shapes, annotations = _marks(where, text, today, drawing.period)
    if undated:
        annotations.append(_undated_note(undated, lang))
    layout = _layout(where, lang, undated=undated > 0)
    if narrow:
        layout = timeline_chart_narrow.fit(layout, where)
        annotations += timeline_chart_narrow.lane_names(where)
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


def _period_marks(where: Scene, marks: Head) -> tuple[dict[str, Any], dict[str, Any]]:
    """The period's band and its label, at the band's end (or its start) where it does
    not meet the "today" label."""
    assert marks.band is not None
    band_lo, band_hi = marks.band
    shape = {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": band_lo.isoformat(),
        "x1": band_hi.isoformat(),
        "y0": 0,
        "y1": 1,
        "fillcolor": PERIOD_FILL,
        "line": {"width": 0},
        "layer": "below",
    }
    at_end = marks.period_at_end
    annotation = {
        "name": "period",
        "text": marks.period_text,
        "xref": "x",
        "yref": "paper",
        "x": min(band_hi, where.x_hi).isoformat() if at_end else max(band_lo, where.x_lo).isoformat(),
        "y": 1,
        "xanchor": "right" if at_end else "left",
        "yanchor": "top",
        "xshift": -4 if at_end else 4,
        "yshift": -4,
        "showarrow": False,
        "font": {"size": 11, "color": PERIOD_TEXT_COLOUR},
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
    marks = head(where, text, today, period)
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    if marks.band is not None:
        band, label = _period_marks(where, marks)
        shapes.append(band)
        annotations.append(label)
    shapes += [_lane_line(position) for position in range(len(where.lane_order) - 1)]
    if where.shows(today):  # a window may leave today out
        line, today_label = _today_marks(today, marks.today_text, marks.today_right)
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
    head = HEAD_PX / lane_px(where)  # the label strip, in lanes
    return {
        **base_layout(),
        "height": height(where),
        "margin": {"l": 10, "r": MARGIN_RIGHT, "t": MARGIN_TOP, "b": margin_bottom(undated)},
        "barmode": "overlay",
        "uniformtext": {"minsize": 12, "mode": "hide"},  # a bar label that does not fit is left out
        "showlegend": True,  # also for a single trace: the legend names the colours
        "xaxis": {**date_axis(where.x_lo, where.x_hi, tickvals, ticktext), "showline": True,
                  "linecolor": AXIS_LINE_COLOUR},
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
