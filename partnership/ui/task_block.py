"""A task list drawn as one block (issue 24), for a page where the list is long and the
first load must stay light (the timeline): every card in ONE Markdown list, and ONE
control for the whole list above it: which task, its quick status, "Rediger". A list
of cards that each held their own control cost the browser two elements and a
popover per task; on a phone-class CPU the task list was the largest part of the
timeline's first load.

API
---
``task_block(c, snap, rows, *, key, readonly=False, today=None)``
    ``rows`` (already filtered and paged by the caller) as cards, and, unless
    ``readonly``, the control for the tasks the reader may change. An editor opened
    with "Rediger" (``ui/tasks.py``'s inline editor, its conflict choice, a draft the
    browser kept for it) is drawn in the control's box, under the row of controls.

``cards_markdown(c, snap, rows, today)``
    The cards as one Markdown list (pure but for the catalogue; user text escaped by
    ``tasks.card_lines``).

Widget keys: the control's box ``{key}_task_actions`` holding the select of the task
``{key}_pick`` (its value is a task id), the chosen task's quick status
``{key}_qs_<id>_<version>`` and its edit button ``re_{key}task_<id>_edit``; an open
editor keeps ``tasks``' keys (``re_{key}task_<id>_<field>``, ``..._save``,
``..._cancel``). The cards are one Markdown element in the container ``{key}_cards``
(``phone.css`` draws each list item as a bordered card).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from partnership.model import Snapshot, Task
from partnership.ui import editor, shell, tasks

ss = st.session_state


def cards_markdown(c: shell.Ctx, snap: Snapshot, rows: Sequence[Task], today: date) -> str:
    """One Markdown list item per task, its lines kept together by hard breaks."""
    return "\n".join("- " + "  \n  ".join(tasks.card_lines(c, snap, task, today)) for task in rows)


def option_label(c: shell.Ctx, task: Task) -> str:
    """A task as the select names it: its title and when (plain text, not Markdown)."""
    when = tasks.when(c, task)
    title = task.title.strip() or "–"
    return f"{title} · {when}" if when else title


def task_block(c: shell.Page, snap: Snapshot, rows: Sequence[Task], *, key: str, readonly: bool = False,
               today: date | None = None) -> None:
    """The control (for the tasks the reader may change), then the cards."""
    editable = [] if readonly else [(x, f) for x in rows if (f := tasks.editable_fields(snap, x))]
    if editable:
        _control(c, snap, editable, key)
    if rows:
        with st.container(key=f"{key}_cards"):
            st.markdown(cards_markdown(c, snap, rows, today or date.today()))


def _control(c: shell.Page, snap: Snapshot, editable: Sequence[tuple[Task, frozenset[str]]], key: str) -> None:
    """``editable``: each task the reader may change, with the fields they may change."""
    by_id = {x.id: x for x, _ in editable}
    first = editable[0][0]
    pick = f"{key}_pick"
    if ss.get(pick) not in by_id:  # the first time, or the chosen task is filtered out or gone
        ss[pick] = first.id
    with st.container(border=True, key=f"{key}_task_actions"):
        row = st.container(horizontal=True, vertical_alignment="bottom", gap="small", key=f"{key}_task_row")
        chosen = row.selectbox(c.t("tl.pick"), options=list(by_id), key=pick,
                               format_func=lambda i: option_label(c, by_id[i]))
        task = by_id.get(str(chosen), first)
        if not editor.record_busy(tasks.record_kind(key), task.id):  # else its editor below has both
            tasks.controls(c, task, key=key, into=row)
        # Every task the list shows: its last message, its conflict choice or open editor
        # (nothing at all for most), and a draft the browser kept for it.
        for x, allowed in editable:
            tasks.editing(c, snap, x, key=key, kinds=None, allowed=allowed)
