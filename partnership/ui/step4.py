"""Step 4 (with the partner): shared vision and objectives, who does what (activities as
tasks), the working group from both organisations, and outside funding."""

from __future__ import annotations

from datetime import date

import streamlit as st

from partnership import usertext, validation
from partnership.i18n import fmt_date, fmt_datetime
from partnership.model import Presence, Role, Snapshot, Task, TaskKind
from partnership.steps import MAX_NAME
from partnership.ui import datefield, editor, field_view, labels, lazy, people, shell, tasks
from partnership.ui import funding as funding_ui

ss = st.session_state

ACTIVITY_KINDS = (TaskKind.ACTIVITY, TaskKind.MILESTONE, TaskKind.TASK)
"""What the step 4 list shows and adds: the activities and what belongs with them
(follow-up meetings are step 5's)."""


def locked(snap: Snapshot, key: str) -> bool:
    """Whether the field ``key`` is read-only for this reader now (the store says: ``Snapshot.may``)."""
    return key not in snap.may.fields


def header(c: shell.Ctx, snap: Snapshot, step: int) -> None:
    """Title, lead, the two parties and the lock or read-only notice (steps 4 and 5)."""
    st.title(c.t(f"step.{step}.title"))
    st.markdown(c.t(f"step.{step}.lead"))
    parties(c, snap)
    if snap.role == Role.VIEWER:
        st.caption(c.t("s45.viewer"))


def parties(c: shell.Ctx, snap: Snapshot) -> None:
    p = snap.project
    if p.partner_org.strip():
        st.markdown(c.t("s45.parties", our=usertext.plain(p.our_org), partner=usertext.plain(p.partner_org)))
    else:
        st.info(c.t("s45.no_partner"), icon=":material/person_search:")


def signed_notice(c: shell.Ctx, snap: Snapshot) -> None:
    if snap.project.signed_at is None:
        return
    st.info(c.t("s4.signed", when=fmt_datetime(snap.project.signed_at, c.lang)), icon=":material/lock:")
    st.page_link(c.pages["step5"], label=c.t("step.5.title"), icon=":material/arrow_forward:",
                 query_params=shell.url_params(c))


def vision(c: shell.Page, snap: Snapshot, others: list[Presence]) -> None:
    st.header(c.t("s4.h.vision"))
    if not locked(snap, "s4_vision"):
        st.caption(c.t("s4.vision_lead"))
    for key in ("s4_vision", "s4_objectives"):
        editor.field_editor(c, snap, key, readonly=locked(snap, key), others=others)


def how(c: shell.Page, snap: Snapshot, others: list[Presence], today: date) -> None:
    st.header(c.t("s4.h.how"))
    editor.field_editor(c, snap, "s4_how", readonly=locked(snap, "s4_how"), others=others)
    st.markdown(f"**{c.t('s4.activities')}**")
    if snap.may.add_tasks:
        st.caption(c.t("s4.activities_lead"))
    tasks.task_list(c, snap, key="s4", kinds=ACTIVITY_KINDS, default_kind=TaskKind.ACTIVITY, today=today)


def working_group(c: shell.Page, snap: Snapshot) -> None:
    st.header(c.t("s4.h.people"))
    if snap.may.people:
        st.caption(c.t("s4.people_lead"))
    people.working_group(c, snap, key="people")


def funding(c: shell.Page, snap: Snapshot, others: list[Presence], today: date) -> None:
    st.header(c.t("s4.h.funding"))
    editor.field_editor(c, snap, "s4_funding", readonly=locked(snap, "s4_funding"), others=others)
    if snap.may.add_tasks:
        deadline_form(c, snap, today)
    funding_ui.section(c, snap)  # the applications as records (issue 25)


def deadline_form(c: shell.Page, snap: Snapshot, today: date) -> None:
    """A funding deadline as a task (or milestone) with a responsible person and a due date."""
    k = "s4_deadline"
    kinds = tasks.addable_kinds(snap, (TaskKind.TASK, TaskKind.MILESTONE))
    options = labels.people_options(snap)
    editor.show_flash(k)
    box = lazy.expander(c.t("s4.deadline"), key=f"{k}_open", icon=":material/event:")
    if box is None:
        return
    with box:
        st.caption(c.t("s4.deadline_lead"))
        with st.form(f"{k}_form", border=False):
            left, right = st.columns([3, 1])
            ss.setdefault(f"{k}_title", c.t("s4.deadline_default"))  # not value=: reset_form sets it later
            left.text_input(c.t("s4.deadline_title"), key=f"{k}_title", max_chars=MAX_NAME)
            with right:
                datefield.date_input(c, c.t("s4.deadline_due"), f"{k}_due", in_form=True)
            left, right = st.columns([3, 1])
            left.selectbox(c.t("tasks.f.responsible"), options=options, key=f"{k}_responsible",
                           format_func=lambda pid: labels.person_label(c, snap, pid))
            if len(kinds) > 1:
                right.radio(c.t("s4.deadline_kind"), options=[x.value for x in kinds], key=f"{k}_kind",
                            format_func=lambda v: c.t(f"agr.kind.{v}"), horizontal=True)
            if len(options) < 2:
                st.caption(c.t("tasks.no_people"))
            st.form_submit_button(c.t("s4.deadline_save"), key=f"{k}_submit", icon=":material/event_available:",
                                  type="primary",
                                  on_click=_add_deadline, args=(c, snap, today, kinds[0].value))


def _add_deadline(c: shell.Page, snap: Snapshot, today: date, fallback_kind: str) -> None:
    k = "s4_deadline"
    title = (ss.get(f"{k}_title") or "").strip()
    due, due_problem = datefield.read(c, f"{k}_due", c.t("s4.deadline_due"))
    who = ss.get(f"{k}_responsible") or ""
    problem = ("" if title else c.t("err.required", what=c.t("what.task.title"))) or due_problem or \
        ("" if due else c.t("s4.need_due")) or ("" if who else c.t("s4.need_responsible"))
    person = snap.person(who)
    side = person.side.value if person else (snap.role.side or "association")

    def add() -> Task:
        fields = validation.task_changes({"title": title, "kind": ss.get(f"{k}_kind") or fallback_kind,
                                          "responsible": who, "side": side, "due": due}, today=today)
        return c.store.add_task(c.access, fields, c.name)

    if editor.act(c, k, add, problem=problem, done=c.t("s4.deadline_added", when=fmt_date(due, c.lang))):
        editor.reset_form(k, {"title": c.t("s4.deadline_default"), "due": "", "responsible": "",
                              "kind": fallback_kind})


def progress(c: shell.Page, snap: Snapshot) -> None:
    """What step 4 still lacks (a line that follows the other side's saves by itself,
    ``field_view.missing_line``), and the way on to step 5."""
    field_view.missing_line(c, snap, 4)
    st.page_link(c.pages["step5"], label=c.t("s4.next"), icon=":material/arrow_forward:",
                 query_params=shell.url_params(c))
