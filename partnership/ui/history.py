"""The history page's parts: every accepted change, newest first, with filters, and a
way to bring any earlier value back (a restore is a new version, so nothing is lost).

The store decides what a role may see: a partner or viewer gets only entries about
joint content. A viewer gets no restore buttons.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from partnership import exchange
from partnership.errors import Conflict
from partnership.i18n import fmt_datetime, has
from partnership.import_rules import IMPORT_ENTITY, SIGNED_ENTITY
from partnership.model import HistoryEntry, Role, Side, Snapshot
from partnership.steps import FIELD_BY_KEY
from partnership.ui import editor, history_import, labels, lazy, shell
from partnership.ui.history_words import ALL, TEXT_ENTITIES, changes, data, topic_label, what
from partnership.usertext import plain, preview

ss = st.session_state

PAGE = 15
"""Entries shown at first and added by each "Vis flere" (30 drew ~320 elements on a first load)."""
IMPORTED_BEFORE = "hist_imported_before"  # id of the newest import entry (see import_rules)

RESTORABLE = ("field", "candidate", "person", "task")


# -- reading an entry (no Streamlit calls) ----------------------------------------------


def step_of(entry: HistoryEntry) -> int | None:
    """The step an entry belongs to (fields by their step, candidates to step 2)."""
    if entry.entity == "field" and entry.target in FIELD_BY_KEY:
        return FIELD_BY_KEY[entry.target].step
    if entry.entity == "candidate":
        return 2
    return None


def topics(entry: HistoryEntry) -> set[str]:
    """The filter values an entry matches: its step, its field or its kind of record."""
    found = {f"entity:{entry.entity}"}
    step = step_of(entry)
    if step is not None:
        found.add(f"step:{step}")
    if entry.entity == "field":
        found.add(f"field:{entry.target}")
    return found


def topic_options(entries: Iterable[HistoryEntry]) -> list[str]:
    """Filter choices for the entries at hand: steps, then their fields, then records."""
    entries = list(entries)
    present = set().union(*(topics(e) for e in entries)) if entries else set()
    steps = sorted(int(t.split(":")[1]) for t in present if t.startswith("step:"))
    options = [ALL]
    for step in steps:
        options.append(f"step:{step}")
        options += sorted((t for t in present if t.startswith("field:")
                           and FIELD_BY_KEY[t.split(":", 1)[1]].step == step),
                          key=lambda t: list(FIELD_BY_KEY).index(t.split(":", 1)[1]))
    options += sorted(t for t in present if t.startswith("entity:") and t != "entity:field")
    return options


def matches(entry: HistoryEntry, topic: str, who: str, role: str) -> bool:
    return ((topic == ALL or topic in topics(entry))
            and (who == ALL or entry.actor == who)
            and (role == ALL or entry.role.value == role))


def current_record(snap: Snapshot, entry: HistoryEntry) -> Any:
    """The record an entry is about, as it is now (None if this role cannot see it)."""
    pool: dict[str, list[Any]] = {"candidate": list(snap.candidates), "person": list(snap.people),
                                  "task": list(snap.tasks)}
    return next((r for r in pool.get(entry.entity, []) if r.id == entry.target), None)


def current_version(snap: Snapshot, entry: HistoryEntry) -> int | None:
    """The version a restore of ``entry`` must name, or None if it cannot be restored."""
    if entry.entity not in RESTORABLE or not entry.new:
        return None
    if entry.entity == "field":
        return snap.field(entry.target).version if entry.target in FIELD_BY_KEY else None
    record = current_record(snap, entry)
    return None if record is None else int(record.version)


def is_current(snap: Snapshot, entry: HistoryEntry) -> bool:
    """Whether the value this entry set is the value stored now."""
    if entry.entity == "field":
        return snap.field(entry.target).value == entry.new
    record = current_record(snap, entry)
    return record is not None and exchange.content(record) == data(entry.new)


# -- the page ---------------------------------------------------------------------------


def header(c: shell.Ctx, snap: Snapshot) -> None:
    st.title(c.t("nav.history"))
    if snap.role is Role.VIEWER:
        st.markdown(c.t("history.lead_viewer"))
    elif snap.role is Role.PARTNER:
        st.markdown(c.t("history.lead_partner"))
    else:
        st.markdown(c.t("history.lead"))


def load(c: shell.Page) -> list[HistoryEntry]:
    found = c.store.history(c.access)
    ss[IMPORTED_BEFORE] = imported_before(found)
    return found


def imported_before(entries: Iterable[HistoryEntry]) -> int:
    """Entries with a smaller id came from an imported file (0: none did)."""
    return max((e.id for e in entries if e.entity == IMPORT_ENTITY), default=0)


def is_imported(entry: HistoryEntry) -> bool:
    return entry.id < int(ss.get(IMPORTED_BEFORE, 0))


def filters(c: shell.Ctx, entries: list[HistoryEntry]) -> list[HistoryEntry]:
    """The three filters (what, who, which side) and the entries they let through."""
    people = sorted({e.actor for e in entries}, key=str.casefold)
    roles = [r.value for r in Role if any(e.role is r for e in entries)]
    a, b, d = st.columns([3, 2, 2])
    topic = a.selectbox(c.t("history.filter_what"), topic_options(entries), key="hist_what",
                        format_func=lambda t: topic_label(c, t))
    who = b.selectbox(c.t("history.filter_who"), [ALL, *people], key="hist_who",
                      format_func=lambda p: c.t("history.everyone") if p == ALL else p)
    role = d.selectbox(c.t("history.filter_role"), [ALL, *roles], key="hist_role",
                       format_func=lambda r: c.t("history.both_sides") if r == ALL else c.t(f"role.{r}").capitalize())
    return [e for e in entries if matches(e, topic or ALL, who or ALL, role or ALL)]


def entries(c: shell.Ctx, snap: Snapshot, found: list[HistoryEntry], total: int) -> None:
    if not total:
        st.info(c.t("history.none"))
        return
    if not found:
        st.info(c.t("history.none_matching"))
        return
    limit = int(ss.get("hist_limit", PAGE))
    st.caption(c.t("history.count", shown=min(limit, len(found)), total=len(found)))
    for entry in found[:limit]:
        _entry(c, snap, entry)
    if len(found) > limit:
        st.button(c.t("history.more"), key="hist_more", on_click=_more, icon=":material/expand_more:")


def _more() -> None:
    ss["hist_limit"] = int(ss.get("hist_limit", PAGE)) + PAGE


def _entry(c: shell.Ctx, snap: Snapshot, entry: HistoryEntry) -> None:
    flash_key = f"hist_{entry.id}"
    with st.container(border=True, key=f"hist_entry_{entry.id}"):
        left, right = st.columns([5, 2], vertical_alignment="center")
        step = step_of(entry)
        step_tag = f" · {c.t('history.step', n=step)}" if step else ""
        left.markdown(f"**{plain(what(c, entry))}**{step_tag}")
        if is_imported(entry):
            left.caption(f":material/lock: {c.t('history.imported')}", help=c.t("history.imported_lead"))
        left.caption(c.t("history.byline", who=plain(entry.actor), role=c.t(f"role.{entry.role.value}"),
                         when=fmt_datetime(entry.at, c.lang), version=entry.version))
        with right:
            _restore_button(c, snap, entry)
        editor.show_flash(flash_key)
        _changes(c, snap, entry)


def _changes(c: shell.Ctx, snap: Snapshot, entry: HistoryEntry) -> None:
    if entry.entity in TEXT_ENTITIES:
        _text_change(c, entry)
        return
    if entry.entity == "term" and entry.target == "outcome":  # both sides chose alike: the choice itself
        key = f"term.outcome.{entry.new}"
        st.markdown(c.t("history.outcome", outcome=c.t(key) if has(key) else plain(entry.new)))
        return
    if entry.entity == "agreement":
        st.markdown(c.t("history.reopened"))
        return
    if entry.entity == "approval":
        approval = data(entry.new)
        side = approval.get("side")
        st.markdown(c.t("history.approved", name=plain(str(approval.get("name", ""))),
                        side=plain(labels.org_name(c, snap, Side(side))) if side in {s.value for s in Side} else "–"))
        return
    if entry.entity == "health":
        st.markdown(c.t("history.health", name=plain(str(data(entry.new).get("name", "")))))
        return
    if entry.entity in (IMPORT_ENTITY, SIGNED_ENTITY):
        history_import.entry(c, entry, lambda: full_text_box(c, entry))
        return
    found = changes(c, snap, entry)
    if not found:
        st.caption(c.t("history.no_visible_change"))
        return
    created = not entry.old
    cut = False
    if created:
        parts = []
        for ch in found:
            shown, cut_new = preview(ch.new, 120)
            parts.append(f"{plain(ch.label)}: {plain(shown)}")
            cut = cut or cut_new
        st.markdown(f"{c.t('history.created')} " + " · ".join(parts))
    else:
        lines = []
        for ch in found:
            old, cut_old = preview(ch.old, 120)
            new, cut_new = preview(ch.new, 120)
            lines.append(f"- {plain(ch.label)}: :gray[{plain(old)}] → **{plain(new)}**")
            cut = cut or cut_old or cut_new
        st.markdown("\n".join(lines))
    if cut and (box := full_text_box(c, entry)) is not None:
        with box:
            for ch in found:
                st.markdown(f"**{plain(ch.label)}**")
                if ch.old:
                    st.caption(c.t("history.before"))
                    st.text(ch.old)  # no highlighter (style.py)
                st.caption(c.t("history.after"))
                st.text(ch.new)  # no highlighter (style.py)


def full_text_box(c: shell.Ctx, entry: HistoryEntry) -> Any | None:
    """The entry's "full text" expander; its texts are drawn once it is opened (ui/lazy.py:
    a page of entries drew every full text, closed, on a first load)."""
    return lazy.expander(c.t("history.full_text"), key=f"hist_full_{entry.id}", icon=":material/unfold_more:")


def _text_change(c: shell.Ctx, entry: HistoryEntry) -> None:
    new, cut_new = preview(entry.new)
    if not entry.old:
        st.markdown(f"{c.t('history.first')}: {plain(new)}")
        cut_old = False
    else:
        old, cut_old = preview(entry.old)
        st.markdown(f":gray[{c.t('history.before')}: {plain(old)}]  \n{c.t('history.after')}: {plain(new)}")
    if (cut_new or cut_old) and (box := full_text_box(c, entry)) is not None:
        with box:
            if entry.old:
                before, after = st.columns(2)
                with before:
                    st.caption(c.t("history.before"))
                    st.text(entry.old)  # no highlighter (style.py)
                with after:
                    st.caption(c.t("history.after"))
                    st.text(entry.new)  # no highlighter (style.py)
            else:
                st.text(entry.new)  # no highlighter (style.py)


def _restore_button(c: shell.Ctx, snap: Snapshot, entry: HistoryEntry) -> None:
    person = snap.person(entry.target) if entry.entity == "person" else None
    if is_imported(entry) or not snap.may.restore(entry.entity, entry.target, person.side if person else None):
        return  # the store would refuse it (Snapshot.may)
    version = current_version(snap, entry)
    if version is None:
        return
    if is_current(snap, entry):
        st.caption(c.t("history.is_current"))
        return
    st.button(c.t("history.restore"), key=f"hist_restore_{entry.id}", icon=":material/restore:",
              on_click=_restore, args=(entry.id, version, what(c, entry)), help=c.t("history.restore_help"))


def _restore(entry_id: int, version: int, label: str) -> None:
    c = shell.current()
    key = f"hist_{entry_id}"

    def say(exc: Conflict) -> None:
        cur = exc.current
        editor.flash(key, "error", c.t("history.conflict", what=label, who=plain(cur.updated_by or "?"),
                                       when=fmt_datetime(cur.updated_at, c.lang), version=cur.version))

    editor.act(c, key, lambda: c.store.restore(c.access, entry_id, version, c.name), conflict=say,
               done=lambda new_version: c.t("history.restored", what=label, version=new_version))
