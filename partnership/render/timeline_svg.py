"""The follow-up timeline as one self-contained SVG: the Plotly figure of
``timeline_chart`` drawn on the server, so the page shows it at once; the interactive
chart is swapped in when the reader asks for it (``ui/charts.py``).

Pure: records in, a string out. It is drawn from the same Plotly-free layout
(``timeline_scene``: lanes, axis, sub-rows, labels; ``timeline_frame``: height, margins,
the head strip's marks; ``chart_base``: colours, symbols, date ticks), so the two look
alike. The ``viewBox`` is a fixed design width (see ``DESIGN_PX``) by the figure's
height; the SVG is drawn ``width="100%"`` with its proportions (``height:auto``).

Every item is a ``<g data-id="task id">`` whose ``<title>`` holds the hover text as plain
lines. User text is cleaned to one line and escaped for XML (text and attributes), so it
never becomes markup. Presentation attributes only, no ``<style>``: nothing leaks into
the page that holds the SVG, and nothing depends on a sanitiser keeping a style block.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from partnership.i18n import t
from partnership.model import Person, Task
from partnership.render.chart_base import FONT, GRID_COLOUR, KEY_COLOUR, TEXT_COLOUR, date_ticks
from partnership.render.timeline_frame import (
    AXIS_LINE_COLOUR,
    HEAD_PX,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PERIOD_TEXT_COLOUR,
    Head,
    head,
    height,
    lane_px,
    margin_bottom,
)
from partnership.render.timeline_scene import PLOT_PX, Scene, prepare
from partnership.render.timeline_svg_parts import Geometry, items, legend, legend_px, legend_rows, num, x
from partnership.timeline import LaneMode
from partnership.timeline_window import Window

DESIGN_PX = 1000
"""The SVG's width in its own units. About what the Plotly figure gets on a laptop in the
page's wide layout; the plot area is never narrower than ``PLOT_PX`` (which the labels'
layout assumes), so a label that fits there fits here. On a narrower page the whole
drawing is scaled down (never up), keeping its proportions, left-aligned: it is as tall as
it is drawn, with no empty band under it (at the figure's height in px, a page 840 px wide
had 90 px of nothing under the picture). The Plotly chart that the reader's own click
swaps in is the figure's height."""
MIN_WIDTH_PX = 820
"""The least width it is drawn at (the chart's box scrolls sideways on a phone)."""
TODAY_CHAR_PX = 5.9  # estimated width of a character of the 12 px "today" label (for its backdrop)
MESSAGE_PX = 240  # the height of ``chart_base.message_figure``
LANE_CHAR_PX = 7.3  # estimated width of a character of the 13 px lane labels
LEGEND_CLEAR_PX = 10  # Plotly keeps its legend this far from the figure's top edge
PERIOD_FILL_SVG = ('fill="#56B4E9" fill-opacity="0.1"')  # PERIOD_FILL as SVG 1.1 can say it


def across(where: Scene) -> tuple[float, float]:
    """The plot's left edge (room for the lane labels) and the SVG's width."""
    longest = max((len(lane) for lane in where.lane_order), default=0)
    left = max(10.0, round(longest * LANE_CHAR_PX) + 7.0)
    return left, max(DESIGN_PX, left + PLOT_PX + MARGIN_RIGHT)


def plot_top(total: int, bottom: int, legend_rows: int) -> float:
    """The plot's top edge: the figure's top margin, or lower where Plotly pushes it
    down to keep its legend (2 % of the plot's height above the plot) 10 px clear of
    the figure's top edge."""
    return max(MARGIN_TOP, round((LEGEND_CLEAR_PX + legend_px(legend_rows) + 0.02 * (total - bottom)) / 1.02))


def _plot_span(where: Scene) -> tuple[float, float]:
    left, width = across(where)
    return left, width - MARGIN_RIGHT


def geometry(where: Scene, undated: bool, legend_rows: int) -> Geometry:
    left, width = across(where)
    total = height(where)
    bottom = margin_bottom(undated)
    top = plot_top(total, bottom, legend_rows)
    return Geometry(left, width, total, top, total - bottom, where, HEAD_PX / lane_px(where))


def timeline_svg(
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
) -> str:
    """The tasks on a time axis as an SVG string; the arguments mean what they mean for
    ``timeline_chart.timeline_figure``, and the SVG has that figure's height. With a
    ``window``, only what falls in it, on an axis of exactly that window."""
    drawing = prepare(tasks, people, today=today, lang=lang, lanes=lanes, period=period, our_org=our_org,
                      partner_org=partner_org, window=window)
    if isinstance(drawing, str):
        return message_svg(drawing)
    text, where, undated = drawing.text, drawing.where, drawing.undated
    rows = legend_rows(where, text, today, *_plot_span(where))
    geo = geometry(where, undated > 0, len(rows))
    marks = head(where, text, today, drawing.period)
    label = t("timeline.svg_label", lang, n=len(drawing.dated), lanes=len(where.lane_order))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tl-svg" role="img" aria-label="{x(label)}" '
        f'viewBox="0 0 {num(geo.width)} {geo.height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'style="display:block;height:auto;min-width:{MIN_WIDTH_PX}px;max-width:{num(geo.width)}px" '
        f'font-family="{x(FONT)}" font-size="12" fill="{TEXT_COLOUR}">',
        f"<title>{x(label)}</title>",
        '<rect width="100%" height="100%" fill="#FFFFFF"/>',
        *_axes(geo, marks, lang),
        *items(geo, text, today),
        *(today_mark(geo, marks, today) if where.shows(today) else []),
        *legend(geo, rows),
    ]
    if undated:
        parts.append(f'<text class="tl-note" x="{num(geo.right)}" y="{num(geo.bottom + 40)}" text-anchor="end" '
                     f'font-size="11" fill="{KEY_COLOUR}">{x(t("timeline.undated", lang, n=undated))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def message_svg(message: str) -> str:
    """What ``chart_base.message_figure`` shows: the message in the middle, same height."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tl-svg" role="img" aria-label="{x(message)}" '
        f'width="100%" height="{MESSAGE_PX}" style="display:block" font-family="{x(FONT)}">'
        f"<title>{x(message)}</title>"
        f'<text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-size="16" fill="{KEY_COLOUR}">'
        f"{x(message)}</text></svg>"
    )


def _axes(geo: Geometry, marks: Head, lang: str) -> list[str]:
    """The period band, the date grid and its labels, the lane separators and labels,
    and the axis line: everything under the items."""
    where = geo.where
    out: list[str] = []
    if marks.band is not None:
        lo = geo.day(max(marks.band[0], where.x_lo))
        hi = geo.day(min(marks.band[1], where.x_hi))
        out.append(f'<rect x="{num(lo)}" y="{num(geo.top)}" width="{num(hi - lo)}" '
                   f'height="{num(geo.bottom - geo.top)}" {PERIOD_FILL_SVG}/>')
    tickvals, ticktext = date_ticks(where.x_lo, where.x_hi, lang)
    grid = [f"M{num(geo.day(date.fromisoformat(v)))} {num(geo.top)}V{num(geo.bottom)}" for v in tickvals]
    seps = [f"M{num(geo.left)} {num(geo.y(i + 0.5))}H{num(geo.right)}" for i in range(len(where.lane_order) - 1)]
    if grid or seps:
        out.append(f'<path d="{"".join(grid + seps)}" stroke="{GRID_COLOUR}" stroke-width="1" fill="none"/>')
    out.append('<g class="tl-ticks" font-size="13" text-anchor="middle">')
    out += [f'<text x="{num(geo.day(date.fromisoformat(v)))}" y="{num(geo.bottom + 18)}">{x(label)}</text>'
            for v, label in zip(tickvals, ticktext, strict=True)]
    out.append('</g><g class="tl-lanes" font-size="13" text-anchor="end">')
    out += [f'<text x="{num(geo.left - 2)}" y="{num(geo.y(i) + 4.5)}">{x(lane)}</text>'
            for i, lane in enumerate(where.lane_order)]
    out.append("</g>")
    out.append(f'<path d="M{num(geo.left)} {num(geo.bottom)}H{num(geo.right)}" stroke="{AXIS_LINE_COLOUR}" '
               'stroke-width="1"/>')
    return out


def today_mark(geo: Geometry, marks: Head, today: date) -> list[str]:
    """The dashed "today" line with its label, and the period's label, in the head strip."""
    at = geo.midday(today)
    out: list[str] = []
    if marks.band is not None:
        where = geo.where
        if marks.period_at_end:
            spot, anchor = geo.day(min(marks.band[1], where.x_hi)) - 4, "end"
        else:
            spot, anchor = geo.day(max(marks.band[0], where.x_lo)) + 4, "start"
        out.append(f'<text class="tl-period" x="{num(spot)}" y="{num(geo.top + 15)}" text-anchor="{anchor}" '
                   f'font-size="11" fill="{PERIOD_TEXT_COLOUR}">{x(marks.period_text)}</text>')
    wide = len(marks.today_text) * TODAY_CHAR_PX + 4
    box = at + 3 if marks.today_right else at - 3 - wide
    out.append(f'<g class="tl-today"><path d="M{num(at)} {num(geo.top)}V{num(geo.bottom)}" stroke="{TEXT_COLOUR}" '
               'stroke-width="1.5" stroke-dasharray="9 9"/>')
    out.append(f'<rect x="{num(box)}" y="{num(geo.top + 3)}" width="{num(wide)}" height="17" fill="#FFFFFF" '
               'fill-opacity="0.85"/>')
    out.append(f'<text x="{num(at + 5 if marks.today_right else at - 5)}" y="{num(geo.top + 16)}" '
               f'text-anchor="{"start" if marks.today_right else "end"}">{x(marks.today_text)}</text></g>')
    return out

