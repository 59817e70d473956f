"""How the health checks developed, as a Plotly figure: one line per side, the mean
rating of each check (green 2, amber 1, red 0) over the check dates, on calm
green/amber/red bands. Pure: checks in, a figure out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go
from babel.numbers import format_decimal

from partnership.health import RATINGS, average_score
from partnership.i18n import fmt_date, t
from partnership.model import HealthCheck, Side
from partnership.render.chart_base import (
    SIDE_COLOURS,
    base_layout,
    date_axis,
    date_ticks,
    esc,
    locale_of,
    message_figure,
    wall_time,
)
from partnership.timeline import side_names

_BANDS = (
    ("red", -0.15, 0.5, "rgba(213, 94, 0, 0.07)"),
    ("amber", 0.5, 1.5, "rgba(230, 159, 0, 0.08)"),
    ("green", 1.5, 2.15, "rgba(0, 158, 115, 0.08)"),
)


def health_figure(
    checks: Sequence[HealthCheck], lang: str = "da", *, our_org: str = "", partner_org: str = ""
) -> go.Figure:
    """How the health checks developed: one line per side, the mean rating of each check
    (green 2, amber 1, red 0) over the check dates, on calm green/amber/red bands."""
    names = side_names(our_org, partner_org, lang)
    rated = sorted(
        ((c, score) for c in checks if (score := average_score(c)) is not None),
        key=lambda pair: pair[0].at,
    )
    if not rated:
        return message_figure(t("health.empty", lang))

    short = {rating: t(f"health.rating_short.{rating}", lang) for rating in RATINGS}
    traces: list[Any] = []
    for side in Side:
        mine = [(c, score) for c, score in rated if c.side is side]
        if not mine:
            continue
        traces.append(
            go.Scatter(
                name=names[side],
                mode="lines+markers",
                x=[wall_time(c.at) for c, _ in mine],
                y=[score for _, score in mine],
                line={"color": SIDE_COLOURS[side], "width": 2.5},
                marker={"color": SIDE_COLOURS[side], "size": 9, "symbol": "circle"},
                hovertext=[_hover(c, score, names[side], short, lang) for c, score in mine],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    first_day, last_day = rated[0][0].at.date(), rated[-1][0].at.date()
    pad = timedelta(days=max(7, round(((last_day - first_day).days + 1) * 0.05)))
    return go.Figure(data=traces, layout=_layout(first_day - pad, last_day + pad, short, lang))


def _hover(check: HealthCheck, score: float, side_name: str, short: dict[str, str], lang: str) -> str:
    counts = {rating: 0 for rating in RATINGS}
    for rating, _ in check.answers.values():
        if rating in counts:
            counts[rating] += 1
    tally = " · ".join(f"{short[r]} {counts[r]}" for r in RATINGS)
    return "<br>".join(
        [
            f"<b>{esc(side_name)}</b>",
            fmt_date(check.at.date(), lang),
            f"{t('health.hover.by', lang)}: {esc(check.name)}",
            f"{t('health.hover.average', lang)}: {format_decimal(score, format='0.0', locale=locale_of(lang))}",
            f"{t('health.hover.answers', lang)}: {tally}",
        ]
    )


def _layout(x_lo: date, x_hi: date, short: dict[str, str], lang: str) -> dict[str, Any]:
    tickvals, ticktext = date_ticks(x_lo, x_hi, lang)
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
        for name, y0, y1, colour in _BANDS
    ]
    return {
        **base_layout(),
        "height": 360,
        "margin": {"l": 10, "r": 20, "t": 50, "b": 40},
        "xaxis": date_axis(x_lo, x_hi, tickvals, ticktext),
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
