"""Møde 1's agenda as every association screen shows it: the point under way, its planned
minutes and how long it has run, and - for the facilitator, who is anyone with the owner's
or a member's link - "Forrige" and "Næste". The point is stored with the project
(``Store.agenda``, compare-and-set), so every screen, the projector's /meeting included,
follows the one who moves it."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from partnership import agenda
from partnership.errors import Conflict
from partnership.model import Agenda, Snapshot
from partnership.ui import editor, shell

KEY = "agenda_bar"


def shown(url: str, snap: Snapshot) -> bool:
    """Whether ``url``'s page draws the bar: every association page while the meeting is
    under way; before it, the overview only, until a partner is found (then Møde 1 is
    behind them)."""
    if not snap.may.agenda or snap.agenda.points == 0 or url == "meeting":
        return False
    return snap.agenda.point > 0 or (url == "overview" and not snap.project.partner_org)


def point_text(c: shell.Ctx, a: Agenda, now: datetime) -> str:
    """"Møde 1 · punkt 3 af 5: <title> (40 min) · i gang i 12 min" ("" before the meeting)."""
    point = agenda.current(a.point)
    if point is None:
        return ""
    text = c.t("agenda.point", n=a.point, of=a.points, title=c.t(point.key), minutes=point.minutes)
    if a.updated_at is not None:
        text += " · " + c.t("agenda.running_for", minutes=agenda.minutes_in((now - a.updated_at).total_seconds()))
    return text


def bar(c: shell.Page, url: str) -> None:
    """The strip at the top of the page (see ``shown``) with the facilitator's buttons."""
    if not shown(url, c.snap):
        return
    a = c.snap.agenda
    with st.container(border=True, key=KEY):
        editor.show_flash(KEY)
        row = editor.button_row()
        if a.point == 0:
            row.markdown(c.t("agenda.not_started"))
            row.button(c.t("agenda.start"), key="agenda_start", icon=":material/play_arrow:", type="primary",
                       on_click=_move, args=(1, a.version))
            return
        row.markdown(f"**{point_text(c, a, datetime.now(UTC))}**")
        row.button(c.t("agenda.previous"), key="agenda_prev", icon=":material/arrow_back:",
                   on_click=_move, args=(a.point - 1, a.version))
        if a.point < a.points:
            row.button(c.t("agenda.next"), key="agenda_next", icon=":material/arrow_forward:", type="primary",
                       on_click=_move, args=(a.point + 1, a.version))
        else:
            row.button(c.t("agenda.end"), key="agenda_end", icon=":material/check:", type="primary",
                       on_click=_move, args=(0, a.version))
        point = agenda.current(a.point)
        if point is not None and point.page != url:
            row.page_link(c.pages[point.page], label=c.t("agenda.go"), icon=":material/arrow_right_alt:",
                          query_params=shell.url_params(c))


def _move(point: int, version: int) -> None:
    """One move; a facilitator who acted on an old view is told, never overrides."""
    c = shell.current()

    def moved(_: Conflict) -> None:
        editor.flash(KEY, "info", c.t("agenda.moved"))

    editor.act(c, KEY, lambda: c.store.agenda(c.access, point, version, c.name), conflict=moved)


def screen(c: shell.Ctx, snap: Snapshot) -> None:
    """The projector's line: the point under way in large type, no controls."""
    text = point_text(c, snap.agenda, datetime.now(UTC))
    if text:
        with st.container(key="meeting_agenda"):
            st.markdown(text)
