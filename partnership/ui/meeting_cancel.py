"""Cancelling one follow-up meeting on the "Møder" tab (issue 25): the one that falls in
the autumn holiday, say. Either side (owner, member, partner) cancels it with an optional
reason, or holds it after all; compare-and-set on the meeting's version
(``Store.cancel_meeting``). A cancelled meeting shows "Aflyst" with who, when and why,
gets no reminder mail and is STATUS:CANCELLED in the calendar file.

Widget keys per meeting ``<id>``: the popover ``mt_cancel_menu_<id>`` holding the reason
``mt_cancel_reason_<id>`` and the button ``mt_cancel_<id>``; ``mt_restore_<id>``; status
``mt_status_<id>``.
"""

from __future__ import annotations

import streamlit as st

from partnership.i18n import fmt_datetime
from partnership.meetings import Meeting
from partnership.ui import editor, shell
from partnership.usertext import plain

ss = st.session_state


def label(c: shell.Ctx, m: Meeting, when: str) -> str:
    """The meeting picker's label: its time, and "aflyst" when it is cancelled."""
    return c.t("mt.pick_cancelled", when=when) if m.cancelled else when


def status(c: shell.Page, m: Meeting, writer: bool) -> None:
    """Whether the meeting is cancelled, and the control that changes it."""
    key = f"mt_cancel_{m.id}"
    if m.cancelled:
        with st.container(key=f"mt_status_{m.id}"):
            st.markdown(f":red-badge[:material/event_busy: {c.t('mt.cancelled')}] "
                        + c.t("mt.cancelled_by", who=plain(m.cancelled_by),
                              when=fmt_datetime(m.cancelled_at, c.lang)))
            if m.cancel_reason.strip():
                st.markdown(c.t("mt.cancel_reason_shown", reason=plain(m.cancel_reason)))
    if not writer:
        return
    editor.show_flash(key)
    if m.cancelled:
        st.button(c.t("mt.restore"), key=f"mt_restore_{m.id}", icon=":material/event_available:",
                  on_click=_set, args=(c, m, False))
        return
    # Behind one small control: the meeting's page leads with its place, people and agenda.
    with st.popover(c.t("mt.cancel"), icon=":material/event_busy:", key=f"mt_cancel_menu_{m.id}"):
        st.text_input(c.t("mt.cancel_reason"), key=f"mt_cancel_reason_{m.id}", max_chars=1000)
        st.button(c.t("mt.cancel"), key=key, icon=":material/event_busy:", on_click=_set, args=(c, m, True),
                  type="primary")


def _set(c: shell.Page, m: Meeting, cancelled: bool) -> None:
    reason = str(ss.get(f"mt_cancel_reason_{m.id}") or "").strip() if cancelled else ""
    done = c.t("mt.cancel_done") if cancelled else c.t("mt.restore_done")
    if editor.act(c, f"mt_cancel_{m.id}",
                  lambda: c.store.cancel_meeting(c.access, m.id, cancelled, reason, m.version, c.name), done=done):
        ss[f"mt_cancel_reason_{m.id}"] = ""
