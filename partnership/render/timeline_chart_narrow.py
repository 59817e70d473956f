"""The interactive timeline laid out for a phone, like the narrow picture
(``timeline_svg_narrow``): as wide as the page, each lane's name on a light strip at the
top of its lane instead of a column of names on the left (which took half of a 358 px
plot), the legend whole in rows above, and no more dates on the axis than fit.

``timeline_chart.timeline_figure(..., narrow=True)`` lays the scene out for
``NARROW_PLOT_PX`` (bar titles that fit) and then amends its layout with ``fit``.
Pure: no I/O.
"""

from __future__ import annotations

from typing import Any

from partnership.render.chart_base import esc
from partnership.render.timeline_frame import lane_px
from partnership.render.timeline_scene import Columns, Scene, Series
from partnership.render.timeline_svg_narrow import NARROW_PX, SIDE_PX, TICK_CHAR_PX

NARROW_PLOT_PX = NARROW_PX - 2 * SIDE_PX
"""The plot's width on a phone (a 390 px screen's page is about 358 px)."""
LANE_FILL = "rgba(243, 244, 246, 0.92)"
"""The lane names' strip, as in the narrow picture (#F3F4F6), a little see-through."""
LEGEND_ROW_PX = 24  # a wrapped legend row, for the room above the plot
NAME_PX = 18  # a lane's name strip at its top: the lane grows by this much, its items move under it


def thin(tickvals: list[str], ticktext: list[str], width_px: float = NARROW_PLOT_PX) -> tuple[list[str], list[str]]:
    """Every k-th date (the first kept), the smallest k whose labels fit ``width_px`` side
    by side (estimated like the narrow picture's dates)."""
    if not tickvals:
        return tickvals, ticktext
    widest = max(len(text) for text in ticktext) * TICK_CHAR_PX + 8
    slots = max(1, int(width_px // widest))
    step = max(1, -(-len(tickvals) // slots))
    return tickvals[::step], ticktext[::step]


def head_share(where: Scene) -> float:
    """The share of a (grown) lane its name strip takes."""
    return NAME_PX / (lane_px(where) + NAME_PX)


def _under(position: float, share: float) -> float:
    """A position on the lane axis (lane ``i`` spans i-0.5 to i+0.5, drawn top to bottom)
    moved into the part of its lane under the name strip."""
    lane = round(position)
    return lane + share / 2 + (position - lane) * (1 - share)


def _points_under(series: Series, share: float) -> None:
    series.y = [y if y is None else _under(float(y), share) for y in series.y]


def make_room(cols: Columns, share: float) -> None:
    """Move every item of ``cols`` under its lane's name strip (the top ``share`` of the
    lane): bars by their offset and width within the lane, markers and labels by position."""
    for bars in cols.bars.values():
        bars.offset = [share / 2 + offset * (1 - share) for offset in bars.offset]
        bars.width = [width * (1 - share) for width in bars.width]
    for series in (*cols.points.values(), *cols.beside.values(), cols.overdue):
        _points_under(series, share)


def lane_names(where: Scene) -> list[dict[str, Any]]:
    """An annotation per lane: its name at the top left of the lane, on a light strip."""
    return [{
        "name": f"lane-{index}",
        "text": f"<b>{esc(name)}</b>",  # a person's name: user text
        "xref": "paper",
        "yref": "y",
        "x": 0,
        "y": index - 0.5,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "align": "left",
        "bgcolor": LANE_FILL,
        "borderpad": 2,
        "font": {"size": 12},
    } for index, name in enumerate(where.lane_order)]


def fit(layout: dict[str, Any], where: Scene, legend_rows: int = 2) -> dict[str, Any]:
    """``layout`` (``timeline_chart._layout``'s) for a phone: no names on the left, thinned
    dates, small side margins, each lane taller by its name strip (``make_room``) and room
    above for a legend wrapped into ``legend_rows``."""
    xaxis = dict(layout["xaxis"])
    xaxis["tickvals"], xaxis["ticktext"] = thin(list(xaxis.get("tickvals", [])), list(xaxis.get("ticktext", [])))
    margin = dict(layout["margin"])
    extra = LEGEND_ROW_PX * max(0, legend_rows - 1)
    margin.update({"l": int(SIDE_PX), "r": int(SIDE_PX), "t": margin["t"] + extra})
    return {
        **layout,
        "height": layout["height"] + extra + NAME_PX * len(where.lane_order),
        "margin": margin,
        "xaxis": xaxis,
        "yaxis": {**layout["yaxis"], "showticklabels": False, "automargin": False},
        "legend": {**layout.get("legend", {}), "font": {"size": 12}},
    }
