"""What the timeline and the health chart share: colours, fonts, the date axis with
Danish tick labels (Plotly has no Danish locale loaded by default, so the axis gets its
labels from Babel as ``tickvals``/``ticktext``), escaping for Plotly's pseudo-HTML, and
the figure shown instead of an empty chart.

Dates follow the all-day convention of the calendar export: a bar covers its start day
through its due day inclusive (it ends at midnight after ``due``); a point and the
"today" line sit at midday.
"""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import plotly.graph_objects as go
from babel.dates import format_date, get_month_names

from partnership.model import Side, TaskKind, TaskStatus
from partnership.task_status import LOOKS
from partnership.usertext import clean

# Okabe-Ito colours: calm, and told apart with the common colour-vision deficiencies.
STATUS_COLOURS: dict[TaskStatus, str] = {status: look.colour for status, look in LOOKS.items()}
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

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
TEXT_COLOUR = "#1F2937"
GRID_COLOUR = "#E5E7EB"
_LOCALES = {"da": "da_DK", "en": "en_GB"}


def locale_of(lang: str) -> str:
    return _LOCALES.get(lang, "da_DK")


@cache
def month_abbr(lang: str) -> dict[int, str]:
    return {int(k): str(v) for k, v in get_month_names("abbreviated", locale=locale_of(lang)).items()}


def midday(day: date) -> str:
    return f"{day.isoformat()} 12:00"


def wall_time(value: datetime) -> str:
    """A timestamp as Plotly reads it: wall-clock time, no UTC offset."""
    return value.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")


def one_line(text: str) -> str:
    """User text as one line, bidi and control characters stripped (not escaped)."""
    return " ".join(clean(text).split())


def esc(text: str) -> str:
    """User text made safe for Plotly's pseudo-HTML labels (one line, bidi and control
    characters stripped, entities escaped)."""
    return html.escape(one_line(text), quote=False)


def clip(text: str, limit: int) -> str:
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
            label = format_date(day, pattern, locale=locale_of(lang))
            texts.append(f"{label} {day.year}" if first or (day.month == 1 and day.day <= 7) else label)
            first = False
            day += timedelta(days=7)
        return vals, texts
    months = span / 30.44
    step = next((s for s in (1, 2, 3, 6) if months / s <= 12), 12)
    names = month_abbr(lang)
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


def base_layout() -> dict[str, Any]:
    """What the timeline and the health chart share: white, calm, legend on top."""
    return {
        "template": "plotly_white",
        "plot_bgcolor": "#FFFFFF",
        "paper_bgcolor": "#FFFFFF",
        "font": {"family": FONT, "size": 13, "color": TEXT_COLOUR},
        "hovermode": "closest",
        "hoverlabel": {"bgcolor": "#FFFFFF", "font": {"size": 13}, "align": "left"},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
    }


def date_axis(lo: date, hi: date, tickvals: list[str], ticktext: list[str]) -> dict[str, Any]:
    """A date x-axis from ``lo`` to ``hi`` with our own (Danish) tick labels."""
    return {
        "type": "date",
        "range": [lo.isoformat(), hi.isoformat()],
        "tickmode": "array",
        "tickvals": tickvals,
        "ticktext": ticktext,
        "showgrid": True,
        "gridcolor": GRID_COLOUR,
        "zeroline": False,
    }


def message_figure(message: str) -> go.Figure:
    return go.Figure(
        layout={
            "template": "plotly_white",
            "plot_bgcolor": "#FFFFFF",
            "paper_bgcolor": "#FFFFFF",
            "height": 240,
            "margin": {"l": 20, "r": 20, "t": 20, "b": 20},
            "font": {"family": FONT, "size": 14, "color": TEXT_COLOUR},
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
