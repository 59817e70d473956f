"""A reusable task list: one row per task, an inline editor, a quick status switch and
an add form. Used by step 4 (activities) and step 5 (follow-up meetings); the timeline
draws its list as one block (``ui/task_block.py``) with this module's card text, quick
status, editor and add form.

API
---
``task_list(c, snap, *, key, kinds=None, default_kind=None, readonly=False, add=True,
include_internal=False, today=None, add_label=None)``
    The tasks of ``kinds`` (every kind when None) in the snapshot's order, one bordered
    row each, then (when ``add``) the add form. ``key`` prefixes every widget and record
    key, so two lists on one page need two keys. ``default_kind`` is preselected in the
    add form (else the first of ``kinds``). ``readonly`` shows no buttons and no inputs
    at all; it is forced where the snapshot allows no task change. ``include_internal`` also lists the association's
    internal tasks (only the owner's snapshot holds them). ``today`` marks overdue tasks
    (default: ``date.today()``). ``add_label`` titles the add form.

``task_row(c, snap, task, *, key, kinds=None, readonly=False, today=None)``
    One task: the row, its inline editor ("Rediger"), its conflict choice.

``add_form(c, snap, *, key, kinds=None, default_kind=None, label=None)``
    The add form alone (``ui/task_add.py``).

``card_lines`` (a card's Markdown lines), ``when`` (its dates in words), ``editing`` (its
message, conflict choice or open editor), ``controls`` (its quick status and "Rediger"),
``record_kind``: the parts ``task_block`` shares.

Dates are ``ui/datefield.py`` fields: text typed the Danish way ("24.12.2026",
"24122026"), with a Danish calendar beside it.

Rules the widgets follow (the store enforces them too): while the agreement is signed
an agreement task (activity, milestone, follow-up) may change only status and note, so
the other inputs are disabled and a caption says why; a plain task stays editable but
cannot become an agreement task; new agreement tasks cannot be added. Internal tasks are
the owner's. Every save is compare-and-set on the version captured when editing began;
a stale save shows both versions (``editor.record_conflict``).

Pure helpers: ``editable_fields``, ``addable_kinds`` (names of people and organisations
for selects and gaps are in ``ui/labels.py``).

Widget keys (stable, for tests): row container ``{key}_t_<id>``; the card's one control, a
popover named by the status, ``{key}_tm_<id>``, holding the quick status
``{key}_qs_<id>_<version>`` and the edit button ``re_{key}task_<id>_edit``; editor inputs
``re_{key}task_<id>_<field>`` and buttons ``..._save`` / ``..._cancel``; add form
inputs ``{key}_new_<field>`` and submit button ``{key}_new_submit``. The date inputs
(``..._start``, ``..._due``) are text inputs holding the date as typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import Enum
from typing import Any, Literal

import streamlit as st

from partnership import rules, validation
from partnership.errors import Conflict, PartnershipError
from partnership.i18n import fmt_date
from partnership.model import Side, Snapshot, Task, TaskKind, TaskStatus
from partnership.steps import MAX_NAME, MAX_TEXT, TRACKING_TASK_FIELDS
from partnership.task_status import LOOKS
from partnership.ui import datefield, editor, labels, paging, shell, task_add
from partnership.usertext import plain

ss = st.session_state

FIELDS: tuple[str, ...] = ("title", "kind", "responsible", "side", "start", "due", "status", "note")
"""What the editor and the add form edit, in the order shown."""

KIND_ICON = {
    TaskKind.ACTIVITY: ":material/directions_run:",
    TaskKind.TASK: ":material/check_box:",
    TaskKind.FOLLOW_UP: ":material/groups:",
    TaskKind.MILESTONE: ":material/flag:",
}
STATUS_COLOR = {status: look.badge for status, look in LOOKS.items()}

add_form = task_add.add_form
"""The add form (``ui/task_add.py``), also drawn alone by the timeline page."""

# -- pure helpers -------------------------------------------------------------------------


def signed(snap: Snapshot) -> bool:
    return snap.project.signed_at is not None


def editable_fields(snap: Snapshot, task: Task) -> frozenset[str]:
    """What the reader of ``snap`` may change on ``task`` right now, of ``FIELDS``
    (the store says: ``Snapshot.may``)."""
    return snap.may.task(task.id) & set(FIELDS)


def addable_kinds(snap: Snapshot, kinds: Iterable[TaskKind] | None = None) -> list[TaskKind]:
    """The kinds the add form offers: of ``kinds`` (all when None), those the store allows now."""
    return [k for k in snap.may.task_kinds if kinds is None or k in kinds]


def _value(task: Task, name: str) -> Any:
    value = getattr(task, name)
    return value.value if isinstance(value, Enum) else value


def _a_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def record_kind(key: str) -> str:
    """The record kind for editor.record_* (record key ``re_{key}task_<id>``)."""
    return f"{key}task"


# -- the list -----------------------------------------------------------------------------


def task_list(
    c: shell.Page, snap: Snapshot, *, key: str, kinds: Sequence[TaskKind] | None = None,
    default_kind: TaskKind | None = None, readonly: bool = False, add: bool = True,
    include_internal: bool = False, today: date | None = None, add_label: str | None = None,
) -> None:
    """The tasks of ``kinds`` with inline editors, then the add form (see the module doc)."""
    readonly = readonly or not (snap.may.add_tasks or any(snap.may.task_fields.values()))
    wanted = set(kinds) if kinds is not None else set(TaskKind)
    shown = [x for x in snap.tasks if x.kind in wanted and (include_internal or not x.internal)]
    if not shown:
        st.caption(c.t("tasks.empty"))
    rows, more = paging.paged(c, shown, key)
    for task in rows:
        task_row(c, snap, task, key=key, kinds=kinds, readonly=readonly, today=today)
    more()
    if add and not readonly:
        add_form(c, snap, key=key, kinds=kinds, default_kind=default_kind, label=add_label,
                 expanded=not shown)


def task_row(
    c: shell.Page, snap: Snapshot, task: Task, *, key: str, kinds: Sequence[TaskKind] | None = None,
    readonly: bool = False, today: date | None = None,
) -> None:
    """One task in a bordered container: what, who, when, status; edit and status controls."""
    readonly = readonly or not snap.may.task(task.id)
    allowed = editable_fields(snap, task) if not readonly else frozenset()
    with st.container(border=True, key=f"{key}_t_{task.id}"):
        if editing(c, snap, task, key=key, kinds=kinds, allowed=allowed):
            return
        _describe(c, snap, task, today or date.today(), status_badge=not allowed)
        if not allowed:
            return
        # One control per card: a popover named by the status. Its contents are in the page
        # but drawn by the browser only while it is open (a card was ~24 elements before).
        with st.popover(c.t(f"agr.status.{task.status.value}"), icon=":material/edit:", key=f"{key}_tm_{task.id}"):
            controls(c, task, key=key, into=st, button_width="stretch")


def controls(c: shell.Page, task: Task, *, key: str, into: Any,
             button_width: Literal["content", "stretch"] = "content") -> None:
    """A task's quick status (``{key}_qs_<id>_<version>``) and its "Rediger" button
    (``re_{key}task_<id>_edit``), drawn into ``into`` (a container, or ``st`` for where the
    page is drawing)."""
    k = editor.record_key(record_kind(key), task.id)
    qs = f"{key}_qs_{task.id}_{task.version}"
    options = [s.value for s in TaskStatus]
    into.selectbox(c.t("tasks.quick_status"), options=options, index=options.index(task.status.value),
                   key=qs, format_func=lambda v: c.t(f"agr.status.{v}"),
                   on_change=_quick_status, args=(c, task, k, qs))
    into.button(c.t("edit.edit"), key=f"{k}_edit", icon=":material/edit:", on_click=_start_editing,
                args=(key, task), width=button_width)


def editing(c: shell.Page, snap: Snapshot, task: Task, *, key: str, kinds: Sequence[TaskKind] | None,
            allowed: frozenset[str]) -> bool:
    """The task's message from its last action, then its conflict choice or its open
    editor (only with ``allowed`` fields); True when one of those two was drawn. Drawn
    for every task a list shows, it also offers a draft the browser kept for its editor."""
    rk = record_kind(key)
    editor.show_flash(editor.record_key(rk, task.id))
    if not allowed:
        return False

    def save(changes: dict[str, Any], version: int) -> Any:
        return c.store.update_task(c.access, task.id, changes, version, c.name)

    if editor.record_conflict(c, rk, task.id, save, lambda n: c.t(f"tasks.f.{n}"),
                              lambda n, v: _shown(c, snap, n, v)):
        return True
    if editor.record_open(rk, task.id):
        _editor(c, snap, task, key, kinds, allowed)
        return True
    return False


def _start_editing(key: str, task: Task) -> None:
    """Open the task's inline editor (the "Rediger" button's callback)."""
    editor.start_record(record_kind(key), task.id, task.version, {n: _value(task, n) for n in FIELDS})


def card_lines(c: shell.Ctx, snap: Snapshot, task: Task, today: date, *, status_badge: bool = True) -> list[str]:
    """What a task's card says, as lines of Markdown (user text escaped): what and its
    badges; whose and when; the note."""
    badges = []
    if status_badge:  # else the status select beside it shows the status
        badges.append(f":{STATUS_COLOR[task.status]}-badge[{c.t(f'agr.status.{task.status.value}')}]")
    if task.due and task.due < today and task.status != TaskStatus.DONE:
        badges.append(f":orange-badge[:material/schedule: {c.t('tasks.overdue')}]")
    if task.internal:
        badges.append(f":violet-badge[{c.t('tasks.internal')}]")
    if signed(snap) and rules.is_agreement_task(task.kind):
        badges.append(":gray-badge[:material/lock:]")
    head = (f"{KIND_ICON[task.kind]} **{plain(task.title) or '–'}** · {c.t(f'agr.kind.{task.kind.value}')} "
            + " ".join(badges))
    person = snap.person(task.responsible) if task.responsible else None
    who = c.t("tasks.responsible", name=person.name) if person else c.t("tasks.nobody")
    parts = [labels.org_name(c, snap, task.side), who]
    shown_when = when(c, task)
    if shown_when:
        parts.append(shown_when)
    lines = [head, _small(" · ".join(parts))]
    if task.note.strip():
        lines.append(_small(task.note))
    return lines


def _describe(c: shell.Ctx, snap: Snapshot, task: Task, today: date, *, status_badge: bool = True) -> None:
    st.markdown("  \n".join(card_lines(c, snap, task, today, status_badge=status_badge)))  # one element per card


def _small(text: str) -> str:
    """User text as a small grey line of Markdown (escaped: it never acts as markup)."""
    return f":small[:gray[{plain(text)}]]"


def when(c: shell.Ctx, task: Task) -> str:
    start, due = fmt_date(task.start, c.lang), fmt_date(task.due, c.lang)
    if start and due:
        return start if start == due else f"{start}–{due}"
    if start:
        return f"{c.t('tasks.f.start')} {start}"
    if due:
        return f"{c.t('tasks.f.due')} {due}"
    return ""


def _shown(c: shell.Ctx, snap: Snapshot, name: str, value: Any) -> str:
    """A task value as a person reads it (for the conflict table)."""
    if value is None or value == "":
        return "–" if name != "responsible" else c.t("tasks.nobody")
    if name == "kind":
        return c.t(f"agr.kind.{value}")
    if name == "status":
        return c.t(f"agr.status.{value}")
    if name == "side":
        return labels.org_name(c, snap, Side(value))
    if name == "responsible":
        return labels.person_label(c, snap, str(value))
    if name in ("start", "due"):
        return fmt_date(_a_date(value), c.lang) or str(value)
    return str(value)


def _quick_status(c: shell.Page, task: Task, k: str, qs: str) -> None:
    new = ss.get(qs)

    def back(_: PartnershipError | None) -> None:
        ss[qs] = task.status.value

    def say(exc: Conflict) -> None:
        editor.flash(k, "info", c.t("tasks.quick_conflict", who=plain(exc.current.updated_by or "?")))

    editor.act(c, k, lambda: c.store.update_task(c.access, task.id, {"status": new}, task.version, c.name),
               conflict=say, refused=back)


# -- the inline editor --------------------------------------------------------------------


def _kind_options(snap: Snapshot, task: Task, kinds: Sequence[TaskKind] | None) -> list[str]:
    if "kind" not in snap.may.task(task.id):
        return [task.kind.value]
    wanted = set(kinds) if kinds is not None else set(TaskKind)
    wanted.add(task.kind)
    return [x.value for x in TaskKind if x in wanted]


def _editor(c: shell.Page, snap: Snapshot, task: Task, key: str, kinds: Sequence[TaskKind] | None,
            allowed: frozenset[str]) -> None:
    rk = record_kind(key)
    k = editor.record_key(rk, task.id)
    for name in FIELDS:  # after "edit again" on a conflict only the changed fields are seeded
        if f"{k}_{name}" not in ss:
            ss[f"{k}_{name}"] = _value(task, name)
    if allowed == TRACKING_TASK_FIELDS:
        st.caption(":material/lock: " + c.t("tasks.locked"))
    elif allowed and allowed != frozenset(FIELDS):  # a plain task after signing: all but its kind
        st.caption(":material/lock: " + c.t("tasks.locked_kind"))
    off = {name: name not in allowed for name in FIELDS}
    kind_options = _kind_options(snap, task, kinds)
    if ss.get(f"{k}_kind") not in kind_options:
        ss[f"{k}_kind"] = task.kind.value
    people = labels.people_options(snap)
    if ss.get(f"{k}_responsible") not in people:
        ss[f"{k}_responsible"] = ""
    left, right = st.columns([3, 1])
    left.text_input(c.t("tasks.f.title"), key=f"{k}_title", max_chars=MAX_NAME, disabled=off["title"])
    right.selectbox(c.t("tasks.f.kind"), options=kind_options, key=f"{k}_kind",
                    format_func=lambda v: c.t(f"agr.kind.{v}"), disabled=off["kind"] or len(kind_options) < 2)
    left, right = st.columns(2)
    left.selectbox(c.t("tasks.f.responsible"), options=people, key=f"{k}_responsible",
                   format_func=lambda pid: labels.person_label(c, snap, pid), disabled=off["responsible"])
    right.selectbox(c.t("tasks.f.side"), options=[s.value for s in Side], key=f"{k}_side",
                    format_func=lambda v: labels.org_name(c, snap, Side(v)), disabled=off["side"],
                    help=c.t("tasks.side_help"))
    a, b, d = st.columns(3)
    with a:
        datefield.date_input(c, c.t("tasks.f.start"), f"{k}_start", disabled=off["start"])
    with b:
        datefield.date_input(c, c.t("tasks.f.due"), f"{k}_due", disabled=off["due"])
    d.selectbox(c.t("tasks.f.status"), options=[s.value for s in TaskStatus], key=f"{k}_status",
                format_func=lambda v: c.t(f"agr.status.{v}"), disabled=off["status"])
    st.text_area(c.t("tasks.f.note"), key=f"{k}_note", max_chars=MAX_TEXT, height=80, disabled=off["note"])

    def save(changes: dict[str, Any], version: int) -> Any:
        return c.store.update_task(c.access, task.id, changes, version, c.name)

    row = st.container(horizontal=True)
    row.button(c.t("edit.save"), key=f"{k}_save", type="primary", icon=":material/save:", on_click=_submit,
               args=(c, task, key, allowed, save))
    row.button(c.t("edit.cancel"), key=f"{k}_cancel", on_click=editor.close_record, args=(rk, task.id))


def _submit(c: shell.Ctx, task: Task, key: str, allowed: frozenset[str], save: editor.Saver) -> None:
    rk = record_kind(key)
    k = editor.record_key(rk, task.id)
    values = editor.record_values(rk, task.id, list(FIELDS))
    values["title"] = (values.get("title") or "").strip()
    values["note"] = values.get("note") or ""
    values["responsible"] = values.get("responsible") or ""
    values["start"], start_problem = datefield.read(c, f"{k}_start", c.t("tasks.f.start"))
    values["due"], due_problem = datefield.read(c, f"{k}_due", c.t("tasks.f.due"))
    if start_problem or due_problem:  # refused before anything else: an unread date is never "no date"
        editor.act(c, k, lambda: None, named=False, problem=start_problem or due_problem)
        return
    changes = {n: v for n, v in values.items() if n in allowed and v != _value(task, n)}
    if not changes:
        editor.close_record(rk, task.id)
        return
    after = {n: values[n] if n in allowed else _value(task, n) for n in FIELDS}
    no_title = "title" in changes and not changes["title"]

    def check() -> None:
        validation.task_dates(after["start"], after["due"])
        validation.task_responsible(after["kind"], after["responsible"], changing=changes)

    # The dates and the responsible person are checked here, the name by save_record.
    if editor.act(c, k, check, named=False,
                  problem=c.t("err.required", what=c.t("what.task.title")) if no_title else ""):
        editor.save_record(rk, task.id, changes, save)
