"""The parts of the timeline SVG (``timeline_svg``) that follow the tasks: the plot's
geometry, the bars and markers with their labels, rings and hover titles, the symbols,
and the legend. Pure, no Plotly.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, timedelta

from partnership.model import Task, TaskKind, TaskStatus
from partnership.render.chart_base import (
    KEY_COLOUR,
    KIND_SYMBOLS,
    MARKER_KINDS,
    OVERDUE_COLOUR,
    STATUS_COLOURS,
    TEXT_COLOUR,
    one_line,
)
from partnership.render.timeline_frame import BAR_TEXT_COLOURS, MARGIN_RIGHT
from partnership.render.timeline_scene import BAR_SPAN, Scene, Words, marker_size, outline
from partnership.timeline import is_overdue
from partnership.timeline_layout import Placed

INSIDE_MIN_PX = 20.5  # a bar this high holds its 12 px title (Plotly hides it in a thinner one)
RING_RADIUS = 10.0  # the overdue ring (Plotly's "circle-open" of size 20)
LEGEND_CHAR_PX = 7.3  # estimated width of a character of the 13 px legend names
LEGEND_ROW_PX = 19.0
LEGEND_PAD_PX = 5.0  # above and below the rows: a one-row legend is 29-30 px high in Plotly
MARKER_OPACITY = 0.7  # Plotly's default for markers of varying size (the figure's point traces)


def x(text: str) -> str:
    """Text made safe for XML text and attribute values: one line, characters XML cannot
    hold and bidi controls removed (``chart_base.one_line``), markup characters and quotes
    escaped."""
    return html.escape(one_line(text), quote=True)


def num(value: float) -> str:
    """A coordinate rounded to one decimal, without a needless ".0"."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class Geometry:
    """Where the plot area is in the SVG, and how scene pixels, dates and lane positions map onto it."""

    left: float
    width: float
    height: int
    top: float
    bottom: float
    where: Scene
    head_lanes: float  # the head strip above the first lane, in lanes

    @property
    def right(self) -> float:
        return self.width - MARGIN_RIGHT

    def px(self, scene_px: float) -> float:
        return self.left + scene_px * (self.right - self.left) / self.where.plot_px

    def day(self, value: date) -> float:
        """The x of a day's start (midnight)."""
        return self.px(self.where.at_px(value))

    def midday(self, value: date) -> float:
        return self.px(self.where.at_px(value) + self.where.px_per_day / 2)

    def y(self, lanes: float) -> float:
        """The y of a position on the lane axis (lane 0's centre is 0, counting downwards)."""
        span = len(self.where.lane_order) + self.head_lanes
        return self.top + (lanes + 0.5 + self.head_lanes) * (self.bottom - self.top) / span


def symbol(name: str, cx: float, cy: float, size: float, attrs: str) -> str:
    """Plotly's marker symbol ``name`` ("circle", "diamond", "star", "circle-open") of
    diameter ``size`` at (cx, cy), as an SVG element with the given attributes."""
    r = size / 2
    if name == "diamond":
        d = r * 1.3
        corners = [(d, 0.0), (0.0, d), (-d, 0.0), (0.0, -d)]
    elif name == "star":
        s = r * 1.4
        corners = [(0.225 * s, -0.309 * s), (0.951 * s, -0.309 * s), (0.363 * s, 0.118 * s), (0.588 * s, 0.809 * s),
                   (0.0, 0.382 * s), (-0.588 * s, 0.809 * s), (-0.363 * s, 0.118 * s), (-0.951 * s, -0.309 * s),
                   (-0.225 * s, -0.309 * s), (0.0, -s)]
    else:
        return f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" {attrs}/>'
    points = " ".join(f"{num(cx + dx)},{num(cy + dy)}" for dx, dy in corners)
    return f'<polygon points="{points}" {attrs}/>'


def _paint(fill: str, line: tuple[str, float]) -> str:
    colour, width = line
    return f'fill="{fill}" stroke="{colour}"' + ("" if width == 1.0 else f' stroke-width="{num(width)}"')


def _ring(cx: float, cy: float) -> str:
    return (f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(RING_RADIUS)}" fill="none" stroke="{OVERDUE_COLOUR}" '
            'stroke-width="2.5"/>')


def _open(task: Task, text: Words, late: bool) -> str:
    """An item's group: its task id and its hover text as plain lines."""
    lines = text.hover_lines(task)
    if late:
        lines[-1] += f" · {text.labels['overdue']}"
    # Lines as character references: the SVG stays one line of text, so no Markdown or
    # HTML block around it can end at a line break inside it.
    title = "&#10;".join(x(line) for line in lines)
    return f'<g data-id="{x(task.id)}"><title>{title}</title>'


def _beside(geo: Geometry, spot: Placed, cy: float) -> str:
    """A label right or left of its item (none if the scene gave it none)."""
    if spot.box is None or spot.where not in ("right", "left"):
        return ""
    right = spot.where == "right"
    at = geo.px(spot.box[0] if right else spot.box[1])
    anchor = "" if right else ' text-anchor="end"'
    return f'<text x="{num(at)}" y="{num(cy + 4)}"{anchor}>{x(spot.text)}</text>'


def _bar(geo: Geometry, text: Words, today: date, index: int) -> str:
    where = geo.where
    task, lane, first, last = where.bars[index]
    key = f"b{index}"
    spot = where.place[key]
    late = is_overdue(task, today)
    band = BAR_SPAN / where.rows_in[lane]
    upper = where.lane_index[lane] - BAR_SPAN / 2 + spot.row * band
    y0, y1 = geo.y(upper), geo.y(upper + band)
    x0, x1 = geo.day(first), geo.day(last + timedelta(days=1))
    cy = geo.y(where.centre(key))
    parts = [_open(task, text, late),
             f'<rect x="{num(x0)}" y="{num(y0)}" width="{num(x1 - x0)}" height="{num(y1 - y0)}" '
             f"{_paint(STATUS_COLOURS[task.status], outline(late, bar=True))}/>"]
    if spot.where == "inside" and y1 - y0 >= INSIDE_MIN_PX:
        parts.append(f'<text x="{num(x0 + 6)}" y="{num(cy + 4)}" fill="{BAR_TEXT_COLOURS[task.status]}">'
                     f"{x(spot.text)}</text>")
    elif spot.where != "inside":
        parts.append(_beside(geo, spot, cy))
    if late:
        parts.append(_ring(geo.midday(last), cy))
    parts.append("</g>")
    return "".join(parts)


def _point(geo: Geometry, text: Words, today: date, index: int) -> str:
    where = geo.where
    task, _lane, when = where.points[index]
    key = f"p{index}"
    late = is_overdue(task, today)
    cx, cy = geo.midday(when), geo.y(where.centre(key))
    paint = _paint(STATUS_COLOURS[task.status], outline(late, bar=False)) + f' opacity="{MARKER_OPACITY}"'
    parts = [_open(task, text, late), symbol(KIND_SYMBOLS[task.kind], cx, cy, marker_size(task.kind), paint),
             _beside(geo, where.place[key], cy)]
    if late:
        parts.append(_ring(cx, cy))
    parts.append("</g>")
    return "".join(parts)


def items(geo: Geometry, text: Words, today: date) -> list[str]:
    """Every bar, then every marker (as Plotly draws its traces), each in its own group."""
    where = geo.where
    out = [_bar(geo, text, today, index) for index in range(len(where.bars))]
    out += [_point(geo, text, today, index) for index in range(len(where.points))]
    return out


def _keys(where: Scene, text: Words, today: date) -> list[tuple[str, str]]:
    """The legend's entries (swatch element at (0, 0), name) in the Plotly figure's order:
    a bar per status with bars, a marker per status with only markers, the kinds of
    marker present, and the overdue ring if anything is late."""
    first_bar: dict[TaskStatus, Task] = {}
    first_point: dict[TaskStatus, Task] = {}
    kinds: set[TaskKind] = set()
    late = False
    for task, *_ in where.bars:
        first_bar.setdefault(task.status, task)
        late = late or is_overdue(task, today)
    for task, *_ in where.points:
        first_point.setdefault(task.status, task)
        kinds.add(task.kind)
        late = late or is_overdue(task, today)
    keys: list[tuple[str, str]] = []
    for status in TaskStatus:
        if status in first_bar:
            paint = _paint(STATUS_COLOURS[status], outline(is_overdue(first_bar[status], today), bar=True))
            keys.append((f'<rect x="-6" y="-6" width="12" height="12" {paint}/>', text.status_label[status]))
    for status in TaskStatus:
        if status in first_point and status not in first_bar:
            task = first_point[status]
            paint = _paint(STATUS_COLOURS[status], outline(is_overdue(task, today), bar=False))
            paint += f' opacity="{MARKER_OPACITY}"'
            keys.append((symbol(KIND_SYMBOLS[task.kind], 0, 0, marker_size(task.kind), paint),
                         text.status_label[status]))
    keys += [(symbol(KIND_SYMBOLS[kind], 0, 0, 12, f'fill="{KEY_COLOUR}"'), text.kind_label[kind])
             for kind in MARKER_KINDS if kind in kinds]
    if late:
        keys.append((f'<circle r="8" fill="none" stroke="{OVERDUE_COLOUR}" stroke-width="2.5"/>',
                     text.labels["overdue"]))
    return keys


LegendRows = list[list[tuple[float, str, str]]]  # per row: (left, swatch, name)


def legend_rows(where: Scene, text: Words, today: date, left: float, right: float) -> LegendRows:
    """The legend's keys from the plot's left edge, wrapped into more rows where one row
    is not wide enough, like Plotly's horizontal legend."""
    rows: LegendRows = [[]]
    at = left
    for swatch, name in _keys(where, text, today):
        wide = 40 + len(name) * LEGEND_CHAR_PX + 4
        if rows[-1] and at + wide > right:
            rows.append([])
            at = left
        rows[-1].append((at, swatch, name))
        at += wide
    return rows


def legend_px(rows: int) -> float:
    """The legend's height (Plotly's: its rows and some padding)."""
    return 2 * LEGEND_PAD_PX + rows * LEGEND_ROW_PX


def legend(geo: Geometry, rows: LegendRows) -> list[str]:
    """The legend's rows just above the plot (its bottom at 2 % of the plot's height above it)."""
    bottom = geo.top - 0.02 * (geo.bottom - geo.top)
    out = ['<g class="tl-legend" font-size="13">']
    for number, row in enumerate(rows):
        cy = bottom - LEGEND_PAD_PX - LEGEND_ROW_PX / 2 - (len(rows) - number - 1) * LEGEND_ROW_PX
        for left, swatch, name in row:
            out.append(f'<g transform="translate({num(left + 20)},{num(cy)})">{swatch}</g>'
                       f'<text x="{num(left + 40)}" y="{num(cy + 4.5)}" fill="{TEXT_COLOUR}">{x(name)}</text>')
    out.append("</g>")
    return out
