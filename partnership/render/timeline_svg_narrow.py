"""The timeline as a phone draws it: lanes stacked, each under its own name, the plot as
wide as the screen (``NARROW_PX``), the legend whole above it in as many rows as it
needs, the dates on top. The same scene, items and legend as the wide picture
(``timeline_svg``), laid out for ``NARROW_PX`` instead of ``PLOT_PX``; the page shows
one or the other by the screen's width (``partnership/ui/phone.css``).

Pure: records in, a string out; user text escaped like the wide picture's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from partnership.i18n import t
from partnership.model import Person, Task
from partnership.render.chart_base import FONT, GRID_COLOUR, KEY_COLOUR, TEXT_COLOUR, date_ticks
from partnership.render.timeline_frame import AXIS_LINE_COLOUR, HEAD_PX, head
from partnership.render.timeline_scene import BAR_SPAN, prepare
from partnership.render.timeline_svg import PERIOD_FILL_SVG, message_svg, today_mark
from partnership.render.timeline_svg_parts import (
    LEGEND_PAD_PX,
    LEGEND_ROW_PX,
    Geometry,
    items,
    legend_px,
    legend_rows,
    num,
    x,
)
from partnership.timeline import LaneMode
from partnership.timeline_window import Window

NARROW_PX = 360
"""The drawing's width in its own units: about a phone's page (358 px at 390 px)."""
SIDE_PX = 8.0  # the plot's margin left and right
TICKS_PX = 22.0  # the row of dates above the plot
LANE_HEAD_PX = 22.0  # a lane's name above its items
ROW_PX = 22.0  # one sub-row's bar: tall enough for its title inside (timeline_svg_parts.INSIDE_MIN_PX)
NOTE_PX = 22.0  # the line on undated tasks under the plot
TICK_CHAR_PX = 6.6  # estimated width of a character of the 12 px dates (generous)


@dataclass(frozen=True)
class Stacked(Geometry):
    """The plot with each lane's body below its name: lane ``i`` spans ``bodies[i]`` (top,
    height); a position ``i + d`` on the lane axis (-0.5 <= d <= 0.5) lies in that body."""

    bodies: tuple[tuple[float, float], ...] = ()

    @property
    def right(self) -> float:
        return self.width - SIDE_PX

    def y(self, lanes: float) -> float:
        index = min(max(round(lanes), 0), len(self.bodies) - 1)
        top, tall = self.bodies[index]
        return top + (lanes - index + 0.5) * tall


def _bodies(rows: Sequence[int], top: float) -> tuple[tuple[float, float], ...]:
    """Each lane's body (top, height) from ``top`` down, a name above each."""
    out = []
    at = top
    for count in rows:
        tall = count * ROW_PX / BAR_SPAN  # the bars fill BAR_SPAN of it: ROW_PX per sub-row
        out.append((at + LANE_HEAD_PX, tall))
        at += LANE_HEAD_PX + tall
    return tuple(out)


def narrow_svg(
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
    """The tasks (those in ``window``, if given) as a narrow SVG with stacked lanes; the
    arguments are ``timeline_svg.timeline_svg``'s."""
    drawing = prepare(tasks, people, today=today, lang=lang, lanes=lanes, period=period, our_org=our_org,
                      partner_org=partner_org, window=window, plot_px=NARROW_PX - 2 * SIDE_PX)
    if isinstance(drawing, str):
        return message_svg(drawing)
    text, where = drawing.text, drawing.where
    rows = legend_rows(where, text, today, SIDE_PX, NARROW_PX - SIDE_PX)
    top = legend_px(len(rows)) + TICKS_PX
    bodies = _bodies([where.rows_in.get(lane, 1) for lane in where.lane_order], top + HEAD_PX)
    bottom = bodies[-1][0] + bodies[-1][1] if bodies else top + HEAD_PX
    total = round(bottom + (NOTE_PX if drawing.undated else 0) + 6)
    geo = Stacked(SIDE_PX, NARROW_PX, total, top, bottom, where, 0.0, bodies)
    marks = head(where, text, today, drawing.period)
    label = t("timeline.svg_label", lang, n=len(drawing.dated), lanes=len(where.lane_order))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tl-svg tl-svg-narrow" role="img" aria-label="{x(label)}" '
        f'viewBox="0 0 {NARROW_PX} {total}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'style="display:block;height:auto" font-family="{x(FONT)}" font-size="12" fill="{TEXT_COLOUR}">',
        f"<title>{x(label)}</title>",
        '<rect width="100%" height="100%" fill="#FFFFFF"/>',
        *_legend(rows),
        *_grid(geo, marks.band, lang, short=window is not None),
        # The "today" line under the items (on a phone it would cross the titles in the
        # bars), and under the lanes' names.
        *(today_mark(geo, marks, today) if where.shows(today) else []),
        *items(geo, text, today),
        *_lane_names(geo),
    ]
    if drawing.undated:
        parts.append(f'<text class="tl-note" x="{num(SIDE_PX)}" y="{num(bottom + 16)}" font-size="11" '
                     f'fill="{KEY_COLOUR}">{x(t("timeline.undated", lang, n=drawing.undated))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _legend(rows: list[list[tuple[float, str, str]]]) -> list[str]:
    """The legend's rows at the top, whole (``legend_rows`` wrapped them to the width)."""
    out = ['<g class="tl-legend" font-size="13">']
    for number, row in enumerate(rows):
        cy = LEGEND_PAD_PX + LEGEND_ROW_PX * (number + 0.5)
        for left, swatch, name in row:
            out.append(f'<g transform="translate({num(left + 8)},{num(cy)})">{swatch}</g>'
                       f'<text x="{num(left + 22)}" y="{num(cy + 4.5)}" fill="{TEXT_COLOUR}">{x(name)}</text>')
    out.append("</g>")
    return out


def _grid(geo: Stacked, band: tuple[date, date] | None, lang: str, *, short: bool) -> list[str]:
    """The period band, and the dates on top with their grid lines. ``short``: the dates
    without their year (the window's own label says it)."""
    where = geo.where
    out: list[str] = []
    if band is not None:
        lo = geo.day(max(band[0], where.x_lo))
        hi = geo.day(min(band[1], where.x_hi))
        out.append(f'<rect x="{num(lo)}" y="{num(geo.top)}" width="{num(hi - lo)}" '
                   f'height="{num(geo.bottom - geo.top)}" {PERIOD_FILL_SVG}/>')
    tickvals, ticktext = date_ticks(where.x_lo, where.x_hi, lang)
    at = [geo.day(date.fromisoformat(v)) for v in tickvals]
    if at:
        out.append(f'<path d="{"".join(f"M{num(v)} {num(geo.top)}V{num(geo.bottom)}" for v in at)}" '
                   f'stroke="{GRID_COLOUR}" stroke-width="1" fill="none"/>')
    out.append('<g class="tl-ticks" font-size="12" text-anchor="start">')
    free_from = 0.0  # a date that would run into the one before it, or past the edge, is left out
    for spot, label in zip(at, ticktext, strict=True):
        shown = label.rsplit(" ", 1)[0] if short and label[-4:].isdigit() and " " in label else label
        end = spot + 3 + len(shown) * TICK_CHAR_PX
        if spot + 3 >= free_from and end <= geo.right:
            out.append(f'<text x="{num(spot + 3)}" y="{num(geo.top - 6)}">{x(shown)}</text>')
            free_from = end + 6
    out.append("</g>")
    out.append(f'<path d="M{num(geo.left)} {num(geo.top)}H{num(geo.right)}" stroke="{AXIS_LINE_COLOUR}" '
               'stroke-width="1"/>')
    return out


def _lane_names(geo: Stacked) -> list[str]:
    """Each lane's name on a light strip above its body."""
    out = ['<g class="tl-lanes" font-size="13" font-weight="600">']
    for (body_top, _), lane in zip(geo.bodies, geo.where.lane_order, strict=True):
        strip = body_top - LANE_HEAD_PX
        out.append(f'<rect x="0" y="{num(strip)}" width="{NARROW_PX}" height="{num(LANE_HEAD_PX)}" '
                   f'fill="#F3F4F6"/><text x="{num(geo.left)}" y="{num(strip + 15)}">{x(lane)}</text>')
    out.append("</g>")
    return out
