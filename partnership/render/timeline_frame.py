"""What the Plotly timeline (``timeline_chart``) and its SVG twin (``timeline_svg``) share
beyond the scene: the figure's height and margins, the head strip above the first lane
with the "today" and agreement period marks, and the colours of their texts. Pure, no
Plotly: both drawings take their sizes and decisions from here, so swapping one for
the other does not move the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from partnership.i18n import t
from partnership.model import TaskStatus
from partnership.render.timeline_scene import Scene, Words
from partnership.task_status import LOOKS

HEAD_PX = 26  # a strip above the first lane for the "today" and period labels
SMALL_CHAR_PX = 6.6  # the 11-12 px labels in that strip
BAR_TEXT_COLOURS: dict[TaskStatus, str] = {status: look.on_colour for status, look in LOOKS.items()}
PERIOD_FILL = "rgba(86, 180, 233, 0.10)"
PERIOD_TEXT_COLOUR = "#2B6F95"
AXIS_LINE_COLOUR = "#9CA3AF"
MARGIN_TOP = 60
MARGIN_RIGHT = 20


def lane_px(where: Scene) -> int:
    """A lane's height in px: it grows with the lane's deepest stack of sub-rows."""
    deepest = max(where.rows_in.values(), default=1)
    return min(200, max(48, 18 * deepest + 24))


def height(where: Scene) -> int:
    """The figure's height in px (the same for the Plotly figure and the SVG)."""
    return min(3000, 150 + HEAD_PX + lane_px(where) * len(where.lane_order))


def margin_bottom(undated: bool) -> int:
    """Room under the plot for the date labels (and the note on undated tasks)."""
    return 60 if undated else 40


@dataclass(frozen=True)
class Head:
    """The head strip's marks: the "today" label (right or left of its line) and, with
    an agreement period, its band (first day, day after the last) and its label (at the
    band's end, or at its start where the end would meet the "today" label)."""

    today_text: str
    today_right: bool
    band: tuple[date, date] | None
    period_text: str
    period_at_end: bool


def head(where: Scene, text: Words, today: date, period: tuple[date | None, date | None]) -> Head:
    lang = text.lang
    today_text = f"{t('timeline.today', lang)} · {text.day(today)}"
    today_w = len(today_text) * SMALL_CHAR_PX + 10
    at = where.at_px(today)
    today_right = at + today_w <= where.plot_px
    today_span = (at, at + today_w) if today_right else (at - today_w, at)
    period_text = t("timeline.period", lang)
    p_start, p_end = period
    if p_start is None and p_end is None:
        return Head(today_text, today_right, None, period_text, True)
    band_lo = p_start if p_start is not None else where.x_lo
    band_hi = p_end + timedelta(days=1) if p_end is not None else where.x_hi
    period_w = len(period_text) * SMALL_CHAR_PX + 10
    end = where.at_px(min(band_hi, where.x_hi))
    clear_of_today = end <= today_span[0] or end - period_w >= today_span[1]
    return Head(today_text, today_right, (band_lo, band_hi), period_text, clear_of_today)
