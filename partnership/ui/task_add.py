"""The add form of the task list (``ui/tasks.py``): title, kind, responsible, side,
start, due, status and note in one ``st.form`` inside a lazy expander.

``add_form(c, snap, *, key, kinds=None, default_kind=None, label=None, expanded=False)``
    Nothing for a viewer; a caption instead while no kind may be added (signed). A date
    that cannot be read, a due date before the start date, or a follow-up without a
    responsible person is refused with the message; nothing is saved and the form keeps
    what was typed. After an add every field goes back to its default.

Widget keys: inputs ``{key}_new_<field>`` (the dates are text inputs, ``ui/datefield.py``),
the expander ``{key}_new_open``, the submit button ``{key}_new_submit``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from partnership import validation
from partnership.model import Side, Snapshot, Task, TaskKind, TaskStatus
from partnership.steps import MAX_NAME, MAX_TEXT
from partnership.ui import datefield, editor, labels, lazy, shell
from partnership.usertext import plain

ss = st.session_state


def add_form(
    c: shell.Page, snap: Snapshot, *, key: str, kinds: Sequence[TaskKind] | None = None,
    default_kind: TaskKind | None = None, label: str | None = None, expanded: bool = False,
) -> None:
    """A form that adds one task (see the module doc). Nothing where the store allows no new task."""
    if not snap.may.add_tasks:
        return
    k = f"{key}_new"
    offered = [x for x in snap.may.task_kinds if kinds is None or x in kinds]
    editor.show_flash(k)
    if not offered:
        st.caption(":material/lock: " + c.t("tasks.locked_add"))
        return
    kind_values = [x.value for x in offered]
    default = default_kind.value if default_kind is not None and default_kind.value in kind_values else kind_values[0]
    people = labels.people_options(snap)
    sides = [s.value for s in Side]
    own = snap.role.side or Side.ASSOCIATION
    box = lazy.expander(label or c.t("tasks.add_title"), key=f"{k}_open", icon=":material/add:", expanded=expanded)
    if box is None:
        return
    with box:
        with st.form(f"{key}_add_form", border=False):
            if len(kind_values) > 1:
                left, right = st.columns([3, 1])
                left.text_input(c.t("tasks.f.title"), key=f"{k}_title", max_chars=MAX_NAME,
                                placeholder=c.t("tasks.title_placeholder"))
                right.selectbox(c.t("tasks.f.kind"), options=kind_values, index=kind_values.index(default),
                                key=f"{k}_kind", format_func=lambda v: c.t(f"agr.kind.{v}"))
            else:
                st.text_input(c.t("tasks.f.title"), key=f"{k}_title", max_chars=MAX_NAME,
                              placeholder=c.t("tasks.title_placeholder"))
            left, right = st.columns(2)
            left.selectbox(c.t("tasks.f.responsible"), options=people, key=f"{k}_responsible",
                           format_func=lambda pid: labels.person_label(c, snap, pid))
            right.selectbox(c.t("tasks.f.side"), options=sides, index=sides.index(own.value), key=f"{k}_side",
                            format_func=lambda v: labels.org_name(c, snap, Side(v)), help=c.t("tasks.side_help"))
            if len(people) < 2:
                st.caption(c.t("tasks.no_people"))
            a, b, d = st.columns(3)
            with a:
                datefield.date_input(c, c.t("tasks.f.start"), f"{k}_start", in_form=True)
            with b:
                datefield.date_input(c, c.t("tasks.f.due"), f"{k}_due", in_form=True)
            statuses = [s.value for s in TaskStatus]
            d.selectbox(c.t("tasks.f.status"), options=statuses, key=f"{k}_status",
                        format_func=lambda v: c.t(f"agr.status.{v}"))
            st.text_area(c.t("tasks.f.note"), key=f"{k}_note", max_chars=MAX_TEXT, height=68)
            st.form_submit_button(c.t("tasks.add"), key=f"{k}_submit", type="primary", icon=":material/add:",
                                  on_click=_add, args=(c, key, kind_values[0] if len(kind_values) == 1 else "",
                                                       {"kind": default, "side": own.value}))


def _add(c: shell.Page, key: str, only_kind: str, defaults: dict[str, str]) -> None:
    """Add the task, then start the form clean: every field, the kind and side included,
    goes back to its default, so the next task never silently inherits the last one's kind."""
    k = f"{key}_new"
    title = (ss.get(f"{k}_title") or "").strip()
    start, start_problem = datefield.read(c, f"{k}_start", c.t("tasks.f.start"))
    due, due_problem = datefield.read(c, f"{k}_due", c.t("tasks.f.due"))
    fields: dict[str, Any] = {
        "title": title,
        "kind": only_kind or ss.get(f"{k}_kind"),
        "responsible": ss.get(f"{k}_responsible") or "",
        "side": ss.get(f"{k}_side") or Side.ASSOCIATION.value,
        "start": start,
        "due": due,
        "status": ss.get(f"{k}_status") or TaskStatus.PLANNED.value,
        "note": ss.get(f"{k}_note") or "",
    }

    def add() -> Task:
        validation.task_dates(start, due)
        validation.task_responsible(fields["kind"], fields["responsible"])
        return c.store.add_task(c.access, fields, c.name)

    problem = ("" if title else c.t("err.required", what=c.t("what.task.title"))) or start_problem or due_problem
    if editor.act(c, k, add, problem=problem,
                  done=c.t("tasks.added_kind", title=plain(title), kind=c.t(f"agr.kind.{fields['kind']}"))):
        editor.reset_form(k, {"title": "", "note": "", "start": "", "due": "", "responsible": "",
                              "status": TaskStatus.PLANNED.value, **({} if only_kind else {"kind": defaults["kind"]}),
                              "side": defaults["side"]})
