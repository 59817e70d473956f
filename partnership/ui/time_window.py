"""The timeline's window: a month, three months or everything, and "Forrige" / "Næste".

The server cannot know how wide the screen is, so the page offers the window to
everyone. It starts on three months from this month for a browser that says it is a
phone ("Mobi" in its User-Agent, ``st.context.headers``) and on everything otherwise;
either way the picture fits the screen (``partnership/ui/phone.css`` shows a phone the
narrow drawing). The window begins on the first of a month and moves a window's length.

Widget keys: ``tl_window`` (the choice), ``tl_prev`` / ``tl_next`` (moving), and the row
``tl_window_nav``; the window's first month is kept under ``tl_window_from``.
"""

from __future__ import annotations

from datetime import date

import streamlit as st
from babel.dates import format_date

from partnership.timeline_window import MODES, Mode, Window, first_of_month, moved, window
from partnership.ui import shell

ss = st.session_state

FROM = "tl_window_from"
_LOCALES = {"da": "da_DK", "en": "en_GB"}


def phone_like(user_agent: str) -> bool:
    """Whether a browser says it is a phone (MDN's advice: "Mobi" in the User-Agent)."""
    return "Mobi" in user_agent


def on_phone() -> bool:
    """Whether this run's browser says it is a phone (False without a browser: AppTest)."""
    try:
        agent = st.context.headers.get("User-Agent") or ""
    except Exception:  # no browser behind this run (AppTest): the wide default
        agent = ""
    return phone_like(agent)


def default_mode() -> Mode:
    return "quarter" if on_phone() else "all"


def label(shown: Window, lang: str) -> str:
    """The window in words: "december 2026" or "dec. 2026 – feb. 2027"."""
    locale = _LOCALES.get(lang, "da_DK")
    first, last = shown
    if (first.year, first.month) == (last.year, last.month):
        return format_date(first, "LLLL y", locale=locale)
    start = format_date(first, "LLL" if first.year == last.year else "LLL y", locale=locale)
    return f"{start} – {format_date(last, 'LLL y', locale=locale)}"


def _move(mode: Mode, steps: int, today: date) -> None:
    ss[FROM] = moved(mode, ss.get(FROM) or first_of_month(today), steps)


def controls(c: shell.Ctx, today: date) -> Window | None:
    """The window's choice and, for a month or three, the row that moves it; the window
    chosen (None: everything)."""
    chosen = st.segmented_control(
        c.t("tl.window"), options=list(MODES), format_func=lambda v: c.t(f"tl.window.{v}"),
        default=default_mode(), required=True, key="tl_window",
    )
    mode: Mode = chosen if chosen in MODES else "all"
    shown = window(mode, ss.get(FROM) or first_of_month(today))
    if shown is None:
        return None
    with st.container(horizontal=True, vertical_alignment="center", key="tl_window_nav"):
        st.button(c.t("tl.window.prev"), key="tl_prev", icon=":material/chevron_left:", on_click=_move,
                  args=(mode, -1, today))
        st.markdown(f"**{label(shown, c.lang)}**", width="content")
        st.button(c.t("tl.window.next"), key="tl_next", icon=":material/chevron_right:", icon_position="right",
                  on_click=_move, args=(mode, 1, today))
    return shown
