"""Inline editors: free-text fields and structured records, compare-and-set with a
conflict choice (``conflict``), kept in the browser until saved (``drafts``).

Rules that keep typing safe under live reruns (docs/architecture.md, "Live
collaboration"): the editor is inline (never in a dialog); only the callbacks that open
it write its session-state value; the version is captured when editing starts; a stale
save shows both texts and lets the person keep theirs, take the other, or merge. Writes
happen in button callbacks, so the page that follows already shows the result.

An action's message (``flash``/``show_flash``, from ``ui/flash.py``) stays until the next
run a person starts: a run that a component's report or an automatic rerun starts (the
drafts component forgetting a draft just after a discard or a save, a live rerun) does
not take it away, and one action shows one message. Those runs are marked with
``flash.by_component`` (the components' ``on_<name>_change`` callbacks), read at the
run's start (``flash.begin`` in main.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import streamlit as st

from partnership import process
from partnership.drafts import Draft, differs
from partnership.errors import Conflict, PartnershipError
from partnership.i18n import fmt_datetime, has
from partnership.model import Presence, Snapshot
from partnership.ui import conflict as conflict_panel
from partnership.ui import drafts, field_view, live, shell
from partnership.ui.flash import flash as flash
from partnership.ui.flash import reset_form as reset_form
from partnership.ui.flash import show_flash as show_flash
from partnership.ui.messages import describe
from partnership.usertext import plain

ss = st.session_state


def button_row() -> Any:
    """A row of buttons side by side, left-aligned."""
    return st.container(horizontal=True, gap="small")


T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write that went through, with what the store returned."""

    value: T


def act(
    c: shell.Ctx, key: str | None, call: Callable[[], T], *, done: str | Callable[[T], str] = "",
    problem: str = "", named: bool = True, conflict: Callable[[Conflict], None] | None = None,
    refused: Callable[[PartnershipError | None], None] | None = None,
) -> Done[T] | None:
    """One write the way every control does it. Refused without a name (unless not
    ``named``) or with a ``problem`` (the form's own check, as its message); else ``call``
    runs, and a refusal from the store is said in words - a ``Conflict`` goes to
    ``conflict`` instead when given. Messages go to the flash ``key`` (shown on the next
    run), or onto the page here and now when ``key`` is None. ``refused`` runs whenever
    the write does not go through (with the store's error; None for a missing name or a
    problem). On success ``done`` (or ``done(result)``) is flashed under ``key`` (when
    there is one) and the result comes back in a ``Done``, which is always true: ``if
    act(...):`` reads "if it went through". None when it did not."""

    def refuse(text: str, exc: PartnershipError | None = None) -> None:
        if refused is not None:
            refused(exc)
        if key is None:
            st.error(text)
        else:
            flash(key, "error", text)

    if named and not c.name:
        refuse(c.t("who.needed"))
        return None
    if problem:
        refuse(problem)
        return None
    try:
        value = call()
    except Conflict as exc:
        if conflict is None:
            refuse(describe(exc, c.lang), exc)
        else:
            if refused is not None:
                refused(exc)
            conflict(exc)
        return None
    except PartnershipError as exc:
        refuse(describe(exc, c.lang), exc)
        return None
    if done and key is not None:
        flash(key, "success", done if isinstance(done, str) else done(value))
    return Done(value)


# -- free-text fields -------------------------------------------------------------------


def start_field(key: str, value: str, version: int) -> None:
    """Open a field's editor with ``value`` (the stored text, or a draft), based on ``version``."""
    ss[f"fe_{key}_text"] = value
    ss[f"fe_{key}_orig"] = value
    ss[f"fe_{key}_base"] = version
    ss[f"fe_{key}_open"] = True
    live.mark_open(key)
    drafts.handled(f"fe_{key}")  # a draft offered for it is in the editor now


def _start_now(key: str) -> None:
    """Open a closed field's editor with the text stored now: the tab may have swapped in
    the other side's save since the page's run (``field_view``)."""
    c = shell.current()
    fv = process.snapshot_now(c.store, c.access).field(key)
    start_field(key, fv.value, fv.version)


def _close(key: str) -> None:
    """Saved, cancelled or given up for the other text: the browser's draft goes too."""
    for suffix in ("_open", "_base", "_conflict", "_unsure", "_orig"):
        ss.pop(f"fe_{key}{suffix}", None)
    live.mark_closed(key)
    drafts.handled(f"fe_{key}")


def _save(key: str, text: str, version: int) -> None:
    c = shell.current()

    def keep_both(exc: Conflict) -> None:
        cur = exc.current
        ss[f"fe_{key}_conflict"] = {"mine": text, "theirs": cur.value, "version": cur.version,
                                    "by": cur.updated_by, "at": cur.updated_at}

    def unsure(exc: PartnershipError | None) -> None:
        if exc is not None and exc.code == "storage_unsure":  # sent, but no answer: offer to look
            ss[f"fe_{key}_unsure"] = text

    def save() -> int:
        live.leaving(c)  # the others hear "stopped editing" together with the new text
        return c.store.set_field(c.access, key, text, version, c.name)

    if act(c, key, save, done=c.t("edit.saved"),
           problem="" if text.strip() else c.t("err.empty_text"), conflict=keep_both, refused=unsure):
        _close(key)


def _check_saved(key: str) -> None:
    """After an unsure save: is the text I sent what is stored now?"""
    c = shell.current()
    sent = ss.pop(f"fe_{key}_unsure", None)

    def still_unsure(_: PartnershipError | None) -> None:
        ss[f"fe_{key}_unsure"] = sent

    read = act(c, key, lambda: c.store.snapshot(c.access).field(key), named=False, refused=still_unsure)
    if read is None:
        return
    if sent is not None and read.value.value == sent:
        _close(key)
        flash(key, "success", c.t("edit.saved"))
    else:  # not saved (or someone else's text since): mine stays in the editor
        flash(key, "info", c.t("safety.draft_kept"))


def _save_open(key: str) -> None:
    _save(key, ss.get(f"fe_{key}_text", ""), ss.get(f"fe_{key}_base", 0))


def _keep_mine(key: str) -> None:
    conflict = ss.pop(f"fe_{key}_conflict")
    # Put my text back in the editor first: if this save fails for another reason, the
    # editor shows it again instead of an empty box.
    ss[f"fe_{key}_text"] = conflict["mine"]
    ss[f"fe_{key}_base"] = conflict["version"]
    _save(key, conflict["mine"], conflict["version"])


def _take_theirs(key: str) -> None:
    _close(key)
    flash(key, "info", shell.current().t("conflict.took_theirs"))


def _merge(key: str) -> None:
    conflict = ss.pop(f"fe_{key}_conflict")
    ss[f"fe_{key}_text"] = f"{conflict['theirs']}\n\n{conflict['mine']}"
    ss[f"fe_{key}_base"] = conflict["version"]
    ss[f"fe_{key}_open"] = True


def field_editor(
    c: shell.Page, snap: Snapshot, key: str, *, readonly: bool = False, height: int = 150,
    others: list[Presence] | None = None,
) -> None:
    """The editor for one free-text field, in a container keyed ``f_<key>``; beside its
    label, who else is editing it (``others`` from ``live.others()``).

    The label with that badge, and a closed editor's text, are field views
    (``field_view``): the tab redraws them by itself when someone starts or stops editing
    the field or the other side saves it - no rerun. An open editor is drawn with the
    page, so a save of the same field reruns the page (the typing survives)."""
    _field_body(c, snap, key, readonly or key not in snap.may.fields, height, others)


def _field_body(c: shell.Ctx, snap: Snapshot, key: str, readonly: bool, height: int,
                others: list[Presence] | None) -> None:
    fv = snap.field(key)
    live.mark_shown(key)
    with st.container(key=f"f_{key}", border=True):
        field_view.head(c, key, others)
        st.caption(c.t(f"field.{key}.help"))
        example = c.t(f"field.{key}.example") if has(f"field.{key}.example") else ""
        if example and not readonly:
            with st.expander(c.t("edit.example"), icon=":material/tips_and_updates:"):
                st.markdown(example)
        show_flash(key)
        conflict = ss.get(f"fe_{key}_conflict")
        if conflict:
            live.mark_open(key)
            conflict_panel.field_panel(c, key, conflict, _keep_mine, _take_theirs, _merge)
        elif ss.get(f"fe_{key}_open") and not readonly:
            live.mark_open(key)
            base = ss.get(f"fe_{key}_base", 0)
            if fv.version != base:
                st.info(c.t("edit.moved_on", who=plain(fv.updated_by), when=fmt_datetime(fv.updated_at, c.lang)),
                        icon=":material/update:")
            # No max_chars: the browser would cut a long paste silently; the store refuses
            # an over-long text with a message and the text stays here.
            st.text_area(c.t(f"field.{key}.label"), key=f"fe_{key}_text", height=height,
                         label_visibility="collapsed")
            drafts.watch(f"fe_{key}", base, {"text": ss.get(f"fe_{key}_text", "")},
                         {"text": ss.get(f"fe_{key}_orig", "")})
            row = button_row()
            row.button(c.t("edit.save"), key=f"fe_{key}_save", type="primary", on_click=_save_open, args=(key,),
                        icon=":material/save:")
            row.button(c.t("edit.cancel"), key=f"fe_{key}_cancel", on_click=_close, args=(key,))
            if ss.get(f"fe_{key}_unsure") is not None:
                row.button(c.t("safety.check_saved"), key=f"fe_{key}_check", on_click=_check_saved, args=(key,),
                           icon=":material/fact_check:")
        else:
            draft = None if readonly else drafts.offer(f"fe_{key}")
            if draft is not None and not differs(draft, {"text": fv.value}):
                drafts.handled(f"fe_{key}", draft)  # what is stored already: nothing to offer
                draft = None
            if draft is not None:
                _offer_draft(c, key, draft)
            field_view.body(c, snap, key)
            if not readonly and draft is None:
                st.button(c.t("edit.edit"), key=f"fe_{key}_edit", on_click=_start_now, args=(key,),
                          icon=":material/edit:")


def _offer_draft(c: shell.Ctx, key: str, draft: Draft) -> None:
    """The text the browser kept for the closed field, saved only on request (on its version)."""
    drafts.offer_box(c, f"draft_{key}", c.t("draft.kept", when=drafts.when(draft, c.lang)), draft.text, [
        (c.t("draft.save"), f"fe_{key}_draft_save", _save, (key, draft.text, draft.base), ":material/save:"),
        (c.t("draft.edit"), f"fe_{key}_draft_edit", start_field, (key, draft.text, draft.base), ":material/edit:"),
        (c.t("draft.discard"), f"fe_{key}_draft_drop", _discard, (f"fe_{key}", key, draft), ":material/delete:")])


def _discard(slot: str, flash_key: str, draft: Draft) -> None:
    drafts.handled(slot, draft)  # forgotten, here and in the browser
    flash(flash_key, "info", shell.current().t("draft.discarded"))


# -- structured records -----------------------------------------------------------------

Saver = Callable[[dict[str, Any], int], Any]


def record_key(kind: str, record_id: str) -> str:
    return f"re_{kind}_{record_id}"


def start_record(kind: str, record_id: str, version: int, values: Mapping[str, Any]) -> None:
    """Open a record's inline editor: capture its version, seed each widget's value (a kept
    draft's values and version win: "Rediger" beside its offer loses nothing)."""
    k = record_key(kind, record_id)
    kept = drafts.pending(k)
    if kept is not None:
        version, values = kept.base, {**values, **kept.values}
    ss[f"{k}_base"] = version
    ss[f"{k}_open"] = True
    ss[f"{k}_orig"] = dict(values)
    for name, value in values.items():
        ss[f"{k}_{name}"] = value
    live.mark_open(k)
    drafts.handled(k)  # a draft offered for it is in the editor now


def record_open(kind: str, record_id: str) -> bool:
    """Whether the record's editor is open (pages call this while drawing the record, so
    it also tells the live poller and ``drafts`` which editors this page shows and has
    open; a draft the browser kept for a closed one is offered here)."""
    k = record_key(kind, record_id)
    is_open = bool(ss.get(f"{k}_open"))
    if is_open:
        live.mark_open(k)
        orig = ss.get(f"{k}_orig") or {}
        drafts.watch(k, ss.get(f"{k}_base", 0), {n: ss.get(f"{k}_{n}") for n in orig}, orig)
    else:
        live.mark_shown(k)
        draft = drafts.offer(k)
        if draft is not None:
            _offer_record_draft(shell.ctx(), kind, record_id, draft)
    return is_open


def record_busy(kind: str, record_id: str) -> bool:
    """Whether the record's editor is open or its conflict choice is waiting (nothing
    else: no marks, no draft offered, unlike ``record_open``)."""
    k = record_key(kind, record_id)
    return bool(ss.get(f"{k}_open") or ss.get(f"{k}_conflict"))


def _offer_record_draft(c: shell.Ctx, kind: str, record_id: str, draft: Draft) -> None:
    """What the browser kept of the record's editor: opened again only on request."""
    k = record_key(kind, record_id)
    drafts.offer_box(c, f"draft_{k}", c.t("draft.kept_record", when=drafts.when(draft, c.lang)), None, [
        (c.t("draft.edit"), f"{k}_draft_edit", start_record, (kind, record_id, draft.base, draft.values),
         ":material/edit:"),
        (c.t("draft.discard"), f"{k}_draft_drop", _discard, (k, k, draft), ":material/delete:")])


def close_record(kind: str, record_id: str) -> None:
    """Saved, cancelled or given up for the other version: the browser's draft goes too."""
    k = record_key(kind, record_id)
    for suffix in ("_open", "_base", "_conflict", "_orig"):
        ss.pop(f"{k}{suffix}", None)
    live.mark_closed(k)
    drafts.handled(k)


def record_values(kind: str, record_id: str, names: list[str]) -> dict[str, Any]:
    k = record_key(kind, record_id)
    return {name: ss.get(f"{k}_{name}") for name in names}


def save_record(kind: str, record_id: str, changes: dict[str, Any], save: Saver, version: int | None = None) -> None:
    """Compare-and-set a record from its editor; on Conflict keep both for the choice."""
    c = shell.current()
    k = record_key(kind, record_id)
    base = ss.get(f"{k}_base", 0) if version is None else version

    def keep_both(exc: Conflict) -> None:
        cur = exc.current
        ss[f"{k}_conflict"] = {"mine": changes, "theirs": cur.value, "version": cur.version,
                               "by": cur.updated_by, "at": cur.updated_at}

    if act(c, k, lambda: save(changes, base), done=c.t("edit.saved"), conflict=keep_both):
        close_record(kind, record_id)


def record_conflict(c: shell.Ctx, kind: str, record_id: str, save: Saver,
                    label: Callable[[str], str], shown: Callable[[str, Any], str]) -> bool:
    """If the record's last save conflicted, show mine and theirs side by side with the
    choice; returns True when a conflict was shown."""
    k = record_key(kind, record_id)
    conflict = ss.get(f"{k}_conflict")
    if not conflict:
        return False
    live.mark_open(k)
    conflict_panel.record_panel(c, k, conflict, label, shown)

    def keep() -> None:
        data = ss.pop(f"{k}_conflict")
        # Put my values back in the editor first, so a save that fails for another
        # reason shows them again.
        ss[f"{k}_base"] = data["version"]
        for name in data["mine"]:
            ss[f"{k}_{name}"] = data["mine"][name]
        save_record(kind, record_id, data["mine"], save, version=data["version"])

    def take() -> None:
        close_record(kind, record_id)
        flash(k, "info", c.t("conflict.took_theirs"))

    def merge() -> None:
        data = ss.pop(f"{k}_conflict")
        ss[f"{k}_base"] = data["version"]
        ss[f"{k}_open"] = True
        for name in data["mine"]:
            ss[f"{k}_{name}"] = data["mine"][name]

    row = button_row()
    row.button(c.t("conflict.keep_mine"), key=f"{k}_keep", on_click=keep, type="primary")
    row.button(c.t("conflict.take_theirs"), key=f"{k}_take", on_click=take)
    row.button(c.t("conflict.edit_again"), key=f"{k}_merge", on_click=merge)
    return True
