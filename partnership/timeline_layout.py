"""Where the timeline's bars, markers and labels go, in pixels. Pure, no Plotly.

The chart draws each lane (a person or an organisation) as one band; items that would
touch get sub-rows of their own. ``layout`` decides, for every item:

- its sub-row in its lane: bars and markers (milestones, meetings, one-date tasks) are
  packed together, so a diamond never sits on a bar's start and no marker covers
  another item; the packing keeps room for each whole title beside its item, unless a
  lane would then need more than ``MAX_ROWS`` sub-rows;
- its label: inside the bar when the whole title fits there; else whole, right of the
  bar or marker, when that room is free; else whole on the left; else as much as fits
  on the right (at least a few characters, ending in "…"); else none - the full
  title is always in the hover text and in the list beside the chart.

A label box never overlaps another label box, a bar or a marker of its sub-row (the
tests check this for the example project and for 40 tasks). Widths are estimated from
the character count, which is what a chart without a text-measuring browser can do;
the estimate is on the generous side so labels keep clear in practice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Where = Literal["inside", "right", "left", "none"]

CHAR_PX = 7.2
"""Estimated width of one character at the chart's 12 px label font."""
PAD_PX = 6.0
"""Air between a label and what it is next to (and inside a bar, before its text)."""
GAP_PX = 4.0
"""Least room between two items of one sub-row."""
MARKER_PX = 16.0
"""The width a marker (symbol plus its outline or overdue ring) takes."""
MIN_CHARS = 6
"""A clipped label shorter than this (the "…" included) says nothing: leave it out."""
MAX_ROWS = 4
"""Sub-rows a lane may grow to so that every title fits whole beside its item."""


@dataclass(frozen=True)
class Item:
    """One thing on the chart: a bar from ``x0`` to ``x1`` or a marker at ``x0`` (== ``x1``)."""

    key: str
    lane: str
    x0: float
    x1: float
    title: str
    point: bool = False

    @property
    def left(self) -> float:
        return self.x0 - MARKER_PX / 2 if self.point else self.x0

    @property
    def right(self) -> float:
        return self.x1 + MARKER_PX / 2 if self.point else self.x1


@dataclass(frozen=True)
class Placed:
    """Where an item goes: its sub-row and, if any, its label's text and box (x0, x1)."""

    key: str
    lane: str
    row: int
    where: Where
    text: str
    box: tuple[float, float] | None


def text_px(text: str) -> float:
    return len(text) * CHAR_PX


def _clip(title: str, chars: int) -> str:
    return title if len(title) <= chars else title[: max(0, chars - 1)].rstrip() + "…"


def _fits_inside(item: Item, title: str) -> bool:
    return not item.point and item.x0 + 2 * PAD_PX + text_px(title) <= item.x1


def _footprint(item: Item, width: float, *, with_label: bool) -> tuple[float, float]:
    """The span an item takes in its sub-row: itself, and with ``with_label`` the room
    for its whole title beside it (right if it fits before the edge, else left)."""
    title = " ".join(item.title.split())
    if not with_label or not title or _fits_inside(item, title):
        return item.left, item.right
    need = PAD_PX + text_px(title)
    if item.right + need <= width:
        return item.left, item.right + need
    if item.left - need >= 0:
        return item.left - need, item.right
    return item.left, item.right


def _pack(items: Sequence[Item], width: float, *, with_label: bool) -> tuple[dict[str, int], dict[str, int]]:
    """Greedy interval packing per lane: each item into the first sub-row whose last
    item ends (with a gap) before it starts. Returns rows per item and per lane."""
    ends: dict[str, list[float]] = {}
    placed: dict[str, int] = {}
    spans = {item.key: _footprint(item, width, with_label=with_label) for item in items}
    for item in sorted(items, key=lambda x: (spans[x.key], x.key)):
        lo, hi = spans[item.key]
        lane = ends.setdefault(item.lane, [])
        for index, end in enumerate(lane):
            if end + GAP_PX <= lo:
                lane[index] = hi
                placed[item.key] = index
                break
        else:
            lane.append(hi)
            placed[item.key] = len(lane) - 1
    return placed, {lane: len(rows) for lane, rows in ends.items()}


def _rows(items: Sequence[Item], width: float) -> tuple[dict[str, int], dict[str, int]]:
    """Sub-rows that leave room for every whole title, unless a lane would need more
    than ``MAX_ROWS`` of them: that lane is packed by the items alone."""
    roomy, roomy_count = _pack(items, width, with_label=True)
    tight, tight_count = _pack(items, width, with_label=False)
    rows = {item.key: roomy[item.key] if roomy_count[item.lane] <= MAX_ROWS else tight[item.key] for item in items}
    count = {lane: n if n <= MAX_ROWS else tight_count[lane] for lane, n in roomy_count.items()}
    return rows, count


def _free(box: tuple[float, float], taken: list[tuple[float, float]]) -> bool:
    return all(box[1] <= lo or box[0] >= hi for lo, hi in taken)


def _room_right(start: float, taken: list[tuple[float, float]], width: float) -> float:
    """Free room from ``start`` to the next taken span (or the chart's edge)."""
    limit = width
    for lo, hi in taken:
        if hi > start:
            limit = min(limit, lo)
    return max(0.0, limit - start)


def layout(items: Sequence[Item], width: float) -> tuple[list[Placed], dict[str, int]]:
    """Sub-rows and labels for ``items`` on a plot ``width`` pixels wide.

    Returns the placements (in the items' order) and the number of sub-rows per lane."""
    rows, count = _rows(items, width)
    # What each sub-row holds: the items themselves first, then labels as they are placed.
    taken: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for item in items:
        taken.setdefault((item.lane, rows[item.key]), []).append((item.left, item.right))
    result: dict[str, Placed] = {}
    for item in sorted(items, key=lambda x: (x.left, x.key)):
        row = (item.lane, rows[item.key])
        others = [span for span in taken[row] if span != (item.left, item.right)]
        title = " ".join(item.title.split())
        need = text_px(title)
        where: Where = "none"
        text = ""
        box: tuple[float, float] | None = None
        inside = (item.x0 + PAD_PX, item.x0 + PAD_PX + need)
        right = (item.right + PAD_PX, item.right + PAD_PX + need)
        left = (item.left - PAD_PX - need, item.left - PAD_PX)
        if title and _fits_inside(item, title) and _free(inside, others):
            where, text, box = "inside", title, inside
        elif title and right[1] <= width and _free(right, others):
            where, text, box = "right", title, right
        elif title and left[0] >= 0 and _free(left, others):
            where, text, box = "left", title, left
        elif title:
            room = _room_right(item.right + PAD_PX, others, width) - PAD_PX
            chars = int(room // CHAR_PX)
            if chars >= MIN_CHARS:
                text = _clip(title, chars)
                where, box = "right", (item.right + PAD_PX, item.right + PAD_PX + text_px(text))
        if box is not None and where != "inside":
            taken[row].append(box)
        result[item.key] = Placed(item.key, item.lane, rows[item.key], where, text, box)
    return [result[item.key] for item in items], count
