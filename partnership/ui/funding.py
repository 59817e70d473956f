"""Funding applications on step 4 (issue 25): the list with its sums, an editor per
application and the add form. Every write is compare-and-set in the store; the forms
check what they can first and keep what was typed when anything is refused.

Widget keys: ``fund_add_*`` (the add form), ``fund_e_<id>_*`` (an application's editor),
flash keys ``fund_add`` and ``fund_e_<id>``.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from partnership import funding, usertext
from partnership.errors import ValidationError
from partnership.i18n import fmt_date
from partnership.model import Snapshot
from partnership.model_term import FundingApplication, FundingStatus
from partnership.ui import datefield, editor, labels, lazy, shell
from partnership.ui.messages import describe

ss = st.session_state

ADD = "fund_add"
STATUS_ICON = {FundingStatus.PLANNED: ":grey[:material/edit_note:]", FundingStatus.SENT: ":blue[:material/send:]",
               FundingStatus.GRANTED: ":green[:material/paid:]", FundingStatus.REFUSED: ":red[:material/block:]"}


def may_write(snap: Snapshot) -> bool:
    return snap.may.funding  # the store says (Snapshot.may)


def sums_line(c: shell.Ctx, snap: Snapshot) -> str:
    """"Søgt 125.000 kr. · bevilget 25.000 kr. · planlagt 10.000 kr.": the dashboard's and
    the list's sum."""
    found = funding.sums(snap.funding)
    return c.t("fund.sums", applied=funding.amount_text(found.applied, c.lang),
               granted=funding.amount_text(found.granted, c.lang), planned=funding.amount_text(found.planned, c.lang))


def section(c: shell.Page, snap: Snapshot) -> None:
    """The applications (below step 4's funding text)."""
    with st.container(key="fund_list"):
        st.markdown(f"**{c.t('fund.heading')}**")
        if snap.may.funding:
            st.caption(c.t("fund.lead"))
        if not snap.funding:
            st.caption(c.t("fund.none"))
        else:
            st.markdown(sums_line(c, snap))
            for application in funding.ordered(snap.funding):
                _row(c, snap, application)
        if may_write(snap):
            _add_form(c, snap)


def _row(c: shell.Page, snap: Snapshot, a: FundingApplication) -> None:
    key = f"fund_e_{a.id}"
    person = snap.person(a.responsible) if a.responsible else None
    deadline = fmt_date(a.deadline, c.lang) if a.deadline else c.t("fund.no_deadline")
    who = usertext.plain(person.name) if person else c.t("tasks.nobody")
    with st.container(border=True, key=f"fund_row_{a.id}"):
        lines = [f"{STATUS_ICON[a.status]} **{usertext.plain(a.fund)}** · {funding.amount_text(a.amount, c.lang)}"
                 f" · {c.t(f'fund.status.{a.status.value}')}",
                 f":small[:gray[{c.t('fund.row', deadline=deadline, who=who)}]]"]
        if a.note.strip():
            lines.append(f":small[:gray[{usertext.plain(a.note)}]]")
        st.markdown("  \n".join(lines))  # one element per row: a first load draws fewer
        editor.show_flash(key)
        if not may_write(snap):
            return
        if ss.get(f"{key}_base") is None:
            st.button(c.t("fund.edit"), key=f"{key}_open", icon=":material/edit:", type="tertiary",
                      on_click=_open, args=(key, a))
            return
        _form(c, snap, key, submit=c.t("fund.save"), on_click=_save, args=(c, key, a.id))
        st.button(c.t("edit.cancel"), key=f"{key}_cancel", on_click=_close, args=(key,))


def _open(key: str, a: FundingApplication) -> None:
    """Start editing: the form holds the stored values and the version they are of."""
    ss.update({f"{key}_base": a.version, f"{key}_fund": a.fund, f"{key}_amount": str(a.amount),
               f"{key}_deadline": a.deadline, f"{key}_status": a.status.value, f"{key}_responsible": a.responsible,
               f"{key}_note": a.note})


def _close(key: str) -> None:
    ss.pop(f"{key}_base", None)


def _add_form(c: shell.Page, snap: Snapshot) -> None:
    editor.show_flash(ADD)
    box = lazy.expander(c.t("fund.add"), key=f"{ADD}_open", icon=":material/add_card:", expanded=not snap.funding)
    if box is None:
        return
    with box:
        _form(c, snap, ADD, submit=c.t("fund.add_save"), on_click=_add, args=(c,))


def _form(c: shell.Page, snap: Snapshot, key: str, *, submit: str, on_click: Any, args: tuple[Any, ...]) -> None:
    shared = {p.id for p in snap.people if p.shared}  # the store takes only people both sides see
    options = [pid for pid in labels.people_options(snap) if not pid or pid in shared]
    if ss.get(f"{key}_responsible") not in options:
        ss[f"{key}_responsible"] = ""
    with st.form(f"{key}_form", border=False):
        left, right = st.columns([3, 2])
        left.text_input(c.t("fund.f.fund"), key=f"{key}_fund", max_chars=funding.MAX_FUND)
        right.text_input(c.t("fund.f.amount"), key=f"{key}_amount", max_chars=20, placeholder="25.000")
        left, right = st.columns([3, 2])
        with left:
            datefield.date_input(c, c.t("fund.f.deadline"), f"{key}_deadline", in_form=True)
        right.selectbox(c.t("fund.f.status"), options=[s.value for s in FundingStatus], key=f"{key}_status",
                        format_func=lambda v: c.t(f"fund.status.{v}"))
        st.selectbox(c.t("fund.f.responsible"), options=options, key=f"{key}_responsible",
                     format_func=lambda pid: labels.person_label(c, snap, pid))
        st.text_area(c.t("fund.f.note"), key=f"{key}_note", max_chars=funding.MAX_NOTE, height=80)
        st.form_submit_button(submit, key=f"{key}_submit", type="primary", icon=":material/save:",
                              on_click=on_click, args=args)


def _values(c: shell.Page, key: str) -> tuple[dict[str, Any], str]:
    """The form's values as the store's changes, and the first problem ("" if none)."""
    fund = str(ss.get(f"{key}_fund") or "")
    note = str(ss.get(f"{key}_note") or "")
    deadline, problem = datefield.read(c, f"{key}_deadline", c.t("fund.f.deadline"))
    try:
        funding.check(fund, note)
        amount = funding.parse_amount(str(ss.get(f"{key}_amount") or ""))
    except ValidationError as exc:
        return {}, describe(exc, c.lang)
    values = {"fund": fund.strip(), "amount": amount, "deadline": deadline,
              "status": ss.get(f"{key}_status") or FundingStatus.PLANNED.value,
              "responsible": ss.get(f"{key}_responsible") or "", "note": note.strip()}
    return values, problem


def _add(c: shell.Page) -> None:
    values, problem = _values(c, ADD)
    if editor.act(c, ADD, lambda: c.store.add_funding(c.access, values, c.name), problem=problem,
                  done=c.t("fund.added", fund=usertext.plain(values.get("fund", "")))):
        editor.reset_form(ADD, {"fund": "", "amount": "", "deadline": "", "status": FundingStatus.PLANNED.value,
                                "responsible": "", "note": ""})


def _save(c: shell.Page, key: str, application_id: str) -> None:
    values, problem = _values(c, key)
    base = int(ss.get(f"{key}_base") or 0)

    def stale(exc: Any) -> None:  # keep the typing; the next save overwrites knowingly
        ss[f"{key}_base"] = exc.current.version
        editor.flash(key, "error", c.t("fund.conflict", who=usertext.plain(exc.current.updated_by)))

    if editor.act(c, key, lambda: c.store.update_funding(c.access, application_id, values, base, c.name),
                  problem=problem, conflict=stale, done=c.t("fund.saved")):
        _close(key)


def dashboard_line(c: shell.Ctx, snap: Snapshot) -> None:
    """The dashboard's sum (nothing while there are no applications). What it counts is
    said in the dashboard's "Hvad tallene tæller" (``dashboard.explain``), not a tooltip."""
    if snap.funding:
        st.markdown(":material/savings: " + sums_line(c, snap))
