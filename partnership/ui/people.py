"""A reusable people list and editor: the working group from BOTH organisations.

API
---
``working_group(c, snap, *, key="people", readonly=False)``
    Says plainly which side has nobody in the working group yet, then one column per
    organisation: every person of that side (working group first) with name, role,
    contact and a working-group tick, an inline editor ("Rediger") and an add form
    ("Tilføj person hos <org>"). ``readonly`` (forced where ``Snapshot.may`` allows no people) shows no buttons
    and no inputs. Record and widget keys are prefixed with ``key``.

``nobody(c, snap)``
    Only the "<side> has nobody in the working group yet" warnings.

Pure helpers: ``may_edit(snap, side)`` (the store's answer in ``Snapshot.may``: the
association edits both sides, the partner only its own; nobody while the agreement is
signed) and ``missing_sides(snap)``.

Widget keys (stable, for tests): person container ``{key}_p_<id>``; working-group tick
``{key}_wg_<id>_<version>``; edit button ``re_{key}person_<id>_edit``; editor inputs
``re_{key}person_<id>_<field>``; add form inputs ``{key}_new_<side>_<field>`` (name,
title, contact, working_group) and submit button ``{key}_new_<side>_submit``.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import streamlit as st

from partnership.errors import Conflict, PartnershipError
from partnership.model import Person, Side, Snapshot
from partnership.steps import MAX_NAME
from partnership.ui import editor, lazy, shell
from partnership.ui.labels import org_name
from partnership.usertext import plain
from partnership.validation import CONSENT

ss = st.session_state

FIELDS: tuple[str, ...] = ("name", "title", "contact", "working_group", "side")


def may_edit(snap: Snapshot, side: Side) -> bool:
    """Whether the reader may add or change people on ``side`` now (the store says: ``Snapshot.may``)."""
    return snap.may.person(side)


def missing_sides(snap: Snapshot) -> list[Side]:
    """The organisations with nobody in the working group yet."""
    return [s for s in Side if not any(p.working_group and p.side is s for p in snap.people)]


def nobody(c: shell.Ctx, snap: Snapshot) -> None:
    """A warning per organisation with nobody in the working group - saying to tick
    someone where people are listed, else to add someone."""
    for side in missing_sides(snap):
        listed = any(p.side is side for p in snap.people)
        hint = c.t("people.tick_someone") if listed else c.t("people.nobody_why")
        st.warning(f"{c.t(f'people.nobody.{side.value}')}. {hint}", icon=":material/group_off:")


def working_group(c: shell.Page, snap: Snapshot, *, key: str = "people", readonly: bool = False) -> None:
    """Both organisations' people side by side (see the module doc)."""
    nobody(c, snap)
    if not readonly:
        if snap.may.reopen and not snap.may.people:  # signed: the caption says to reopen it
            st.caption(":material/lock: " + c.t("people.locked"))
        elif snap.may.people == {Side.PARTNER}:
            st.caption(c.t("people.own_side"))
    readonly = readonly or not snap.may.people
    for col, side in zip(st.columns(2), Side, strict=True):
        with col:
            _side(c, snap, side, key, readonly)


def _side(c: shell.Page, snap: Snapshot, side: Side, key: str, readonly: bool) -> None:
    st.markdown(f":material/groups: **{plain(org_name(c, snap, side))}**")
    people = sorted((p for p in snap.people if p.side == side),
                    key=lambda p: (not p.working_group, p.name.casefold()))
    if not people:
        st.caption(c.t("people.none"))
    editable = may_edit(snap, side) and not readonly
    for person in people:
        _person(c, snap, person, key, editable)
    if editable:
        _add_form(c, snap, side, key)


def _person(c: shell.Page, snap: Snapshot, person: Person, key: str, editable: bool) -> None:
    rk = f"{key}person"
    k = editor.record_key(rk, person.id)

    def save(changes: dict[str, Any], version: int) -> Any:
        return c.store.update_person(c.access, person.id, changes, version, c.name)

    with st.container(border=True, key=f"{key}_p_{person.id}"):
        editor.show_flash(k)
        if editable and editor.record_conflict(c, rk, person.id, save, lambda n: _label(c, n),
                                               lambda n, v: _shown(c, snap, n, v)):
            return
        if editable and editor.record_open(rk, person.id):
            _editor(c, snap, person, key, save)
            return
        head = f"**{plain(person.name)}**" if person.name else f"_{c.t('people.erased')}_"
        if person.title.strip():
            head += f" · {plain(person.title)}"
        if person.working_group and not editable:  # else the tick below says it
            head += f" :blue-badge[{c.t('people.wg_badge')}]"
        if not person.shared:  # only the association's own pages show such a person at all
            head += f" :gray-badge[{c.t('people.internal_badge')}]"
        if person.contact.strip():  # one element per card: a first load draws fewer
            head += f"  \n:small[:gray[{plain(person.contact)}]]"
        st.markdown(head)
        if not editable:
            return
        row = st.container(horizontal=True, vertical_alignment="center", horizontal_alignment="distribute")
        wg = f"{key}_wg_{person.id}_{person.version}"
        row.checkbox(c.t("people.wg"), value=person.working_group, key=wg, on_change=_toggle,
                     args=(c, person, k, wg))
        row.button(c.t("edit.edit"), key=f"{k}_edit", icon=":material/edit:", on_click=editor.start_record,
                   args=(rk, person.id, person.version, {n: _value(person, n) for n in FIELDS}))


def _label(c: shell.Ctx, name: str) -> str:
    return c.t("people.wg") if name == "working_group" else c.t(f"people.{name}")


def _shown(c: shell.Ctx, snap: Snapshot, name: str, value: Any) -> str:
    if name == "working_group":
        return c.t("agr.yes" if value else "agr.no")
    if name == "side" and value:
        return org_name(c, snap, Side(value))
    return "–" if value in (None, "") else str(value)


def _value(person: Person, name: str) -> Any:
    value = getattr(person, name)
    return value.value if isinstance(value, Enum) else value


def _toggle(c: shell.Page, person: Person, k: str, wg: str) -> None:
    def back(_: PartnershipError | None) -> None:
        ss[wg] = person.working_group

    def say(exc: Conflict) -> None:
        editor.flash(k, "info", c.t("tasks.quick_conflict", who=plain(exc.current.updated_by or "?")))

    editor.act(c, k, lambda: c.store.update_person(c.access, person.id, {"working_group": bool(ss.get(wg))},
                                                   person.version, c.name), conflict=say, refused=back)


def _editor(c: shell.Ctx, snap: Snapshot, person: Person, key: str, save: editor.Saver) -> None:
    rk = f"{key}person"
    k = editor.record_key(rk, person.id)
    for name in FIELDS:  # after "edit again" on a conflict only the changed fields are seeded
        if f"{k}_{name}" not in ss:
            ss[f"{k}_{name}"] = _value(person, name)
    st.text_input(c.t("people.name"), key=f"{k}_name", max_chars=MAX_NAME)
    st.text_input(c.t("people.title"), key=f"{k}_title", max_chars=MAX_NAME)
    st.text_input(c.t("people.contact"), key=f"{k}_contact", max_chars=MAX_NAME)
    st.caption(c.t("people.contact_why"))
    st.checkbox(c.t("people.consent"), key=f"{k}_consent")
    st.checkbox(c.t("people.wg"), key=f"{k}_working_group")
    if snap.may.people >= set(Side):
        st.selectbox(c.t("people.side"), options=[s.value for s in Side], key=f"{k}_side",
                     format_func=lambda v: org_name(c, snap, Side(v)))

    def submit() -> None:
        names = list(FIELDS) if snap.may.people >= set(Side) else [n for n in FIELDS if n != "side"]
        values = editor.record_values(rk, person.id, names)
        for text in ("name", "title", "contact"):
            values[text] = (values.get(text) or "").strip()
        values["working_group"] = bool(values.get("working_group"))
        changes = {n: v for n, v in values.items() if v != _value(person, n)}
        if not changes:
            editor.close_record(rk, person.id)
            return
        if "name" in changes and not changes["name"]:
            editor.flash(k, "error", c.t("err.required", what=c.t("what.person.name")))
            return
        if "contact" in changes:
            changes[CONSENT] = bool(ss.get(f"{k}_consent"))
        editor.save_record(rk, person.id, changes, save)

    row = st.container(horizontal=True)
    row.button(c.t("edit.save"), key=f"{k}_save", type="primary", icon=":material/save:", on_click=submit)
    row.button(c.t("edit.cancel"), key=f"{k}_cancel", on_click=editor.close_record, args=(rk, person.id))
    if snap.may.erase_person:
        _erase(c, person, rk, k)


def _erase(c: shell.Ctx, person: Person, rk: str, k: str) -> None:
    """The association removes the person's details everywhere (``Store.erase_person``; ``Snapshot.may``)."""
    access = c.access
    assert access is not None  # a page with a link

    def erase() -> None:
        if editor.act(c, k, lambda: c.store.erase_person(access, person.id, person.version, c.name),
                      done=c.t("people.erased_done")):
            editor.close_record(rk, person.id)

    with st.expander(c.t("people.erase"), icon=":material/person_remove:"):
        st.caption(c.t("people.erase_lead"))
        st.button(c.t("people.erase_confirm"), key=f"{k}_erase", on_click=erase)


def _add_form(c: shell.Page, snap: Snapshot, side: Side, key: str) -> None:
    k = f"{key}_new_{side.value}"
    editor.show_flash(k)
    label = c.t("people.add", org=plain(org_name(c, snap, side)))
    box = lazy.expander(label, key=f"{k}_open", icon=":material/person_add:")
    if box is None:
        return
    with box:
        with st.form(f"{k}_form", border=False):
            st.text_input(c.t("people.name"), key=f"{k}_name", max_chars=MAX_NAME)
            st.text_input(c.t("people.title"), key=f"{k}_title", max_chars=MAX_NAME)
            st.text_input(c.t("people.contact"), key=f"{k}_contact", max_chars=MAX_NAME)
            st.caption(c.t("people.contact_why"))
            st.checkbox(c.t("people.consent"), key=f"{k}_consent")
            ss.setdefault(f"{k}_working_group", True)  # seeded here, not value=: reset_form sets it later
            st.checkbox(c.t("people.wg"), key=f"{k}_working_group")
            st.form_submit_button(c.t("people.add_button"), key=f"{k}_submit", icon=":material/person_add:",
                                  type="primary", on_click=_add, args=(c, side, k))


def _add(c: shell.Page, side: Side, k: str) -> None:
    name = (ss.get(f"{k}_name") or "").strip()
    fields = {"name": name, "side": side.value, "title": (ss.get(f"{k}_title") or "").strip(),
              "contact": (ss.get(f"{k}_contact") or "").strip(), CONSENT: bool(ss.get(f"{k}_consent")),
              "working_group": bool(ss.get(f"{k}_working_group", True))}
    if editor.act(c, k, lambda: c.store.add_person(c.access, fields, c.name),
                  problem="" if name else c.t("err.required", what=c.t("what.person.name")),
                  done=c.t("people.added", name=plain(name))):
        editor.reset_form(k, {"name": "", "title": "", "contact": "", "consent": False, "working_group": True})
