"""The settings page's parts: the four links, the partnership's names, the JSON export
and deleting the project. The owner has them all; a member (issue 26) has the names and,
only while the owner shows them, the partner's and the viewer's link to copy - no
replacing, export or delete (the SQL functions refuse those too).

Every live link is shown again (the store keeps the partner's and viewer's sealed under
the owner's key); showing never revokes. Replacing a link ("Luk linket og lav et nyt")
is its own action. Rotating and deleting ask for an inline second click (never an
st.dialog: a live rerun would close it).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from partnership import downloads, usertext
from partnership.model import Role, Snapshot
from partnership.steps import MAX_NAME
from partnership.ui import editor, file_links, shell
from partnership.ui import links as link_cards

ss = st.session_state

FRESH = "settings_fresh"  # role -> the new token, for the "it has been replaced" notice
CONFIRM = "settings_confirm"  # what waits for its second click: "rotate:<role>" or "delete"
DELETED = "settings_deleted"  # the title of the project just deleted

NAMES = ("title", "our_org", "partner_org")


def deleted_notice(c: shell.Ctx) -> None:
    """Right after a delete the page has no link any more: say what happened."""
    title = ss.pop(DELETED, None)
    if title:
        st.success(c.t("settings.deleted", title=usertext.plain(title)), icon=":material/delete:")


def header(c: shell.Ctx) -> None:
    st.title(c.t("nav.settings"))
    st.markdown(c.t("settings.lead"))


# -- links ------------------------------------------------------------------------------


OWNER_ORDER = (Role.OWNER, Role.MEMBER, Role.PARTNER, Role.VIEWER)
SHOWN_TO_MEMBERS = (Role.PARTNER, Role.VIEWER)


def links(c: shell.Page, snap: Snapshot) -> None:
    st.header(c.t("settings.links"))
    if not snap.may.links:  # the owner's alone (Snapshot.may)
        _member_links(c, snap)
        return
    st.markdown(c.t("settings.links_lead"))
    shown = link_cards.shown_links(c)
    for role in OWNER_ORDER:
        link_cards.card(c, role, shown.get(role))
        _rotate_action(c, role, shown.get(role) is not None)
    _members_see_links(c, snap)


def _member_links(c: shell.Page, snap: Snapshot) -> None:
    """A member: the partner's and the viewer's link while the owner shows them."""
    if not snap.members_see_links:
        st.info(c.t("settings.member_links_hidden"), icon=":material/lock:")
        return
    st.markdown(c.t("settings.member_links_lead"))
    shown = link_cards.shown_links(c)
    for role in SHOWN_TO_MEMBERS:
        link_cards.card(c, role, shown.get(role))


def _members_see_links(c: shell.Page, snap: Snapshot) -> None:
    """The owner's choice: may members see (and copy) the partner's and the viewer's link?"""
    key = "settings_members_see_links"
    with st.container(border=True, key=key):
        editor.show_flash(key)
        st.toggle(c.t("settings.members_see_links"), value=snap.members_see_links, key=f"{key}_toggle",
                  help=c.t("settings.members_see_links_help"), on_change=_show_to_members,
                  args=(snap.members_see_links,))


def _show_to_members(was: bool) -> None:
    c = shell.current()
    key = "settings_members_see_links"
    show = bool(ss.get(f"{key}_toggle"))
    editor.act(c, key, lambda: c.store.show_links_to_members(c.access, show, was, c.name))
    ss.pop(f"{key}_toggle", None)  # the next run draws what the store holds


def _rotate_action(c: shell.Ctx, role: Role, kept: bool) -> None:
    """Revoking is its own, plainly named action, with an inline second click."""
    key = f"settings_{role.value}"
    editor.show_flash(key)
    if ss.get(FRESH, {}).get(role.value):
        st.success(c.t("settings.fresh"), icon=":material/key:")
    if ss.get(CONFIRM) == f"rotate:{role.value}":
        st.warning(c.t(f"settings.{role.value}.rotate_warning"), icon=":material/warning:")
        row = editor.button_row()
        row.button(c.t("settings.rotate_yes"), key=f"{key}_rotate_yes", type="primary", on_click=_rotate,
                   args=(role,), icon=":material/autorenew:")
        row.button(c.t("settings.cancel"), key=f"{key}_rotate_no", on_click=_ask, args=("",))
    else:
        label = c.t("settings.rotate") if kept else c.t("links.make_anew")
        st.button(label, key=f"{key}_rotate", on_click=_ask, args=(f"rotate:{role.value}",),
                  icon=":material/autorenew:")


def _ask(what: str) -> None:
    ss[CONFIRM] = what


def _rotate(role: Role) -> None:
    c = shell.current()
    ss.pop(CONFIRM, None)
    rotated = editor.act(c, f"settings_{role.value}", lambda: c.store.rotate_link(c.access, role), named=False)
    if rotated is None:
        return
    token = rotated.value
    ss[FRESH] = {role.value: token}
    if role is Role.OWNER:
        # Keep this session in: the old token in the URL would otherwise be read back
        # on the next run and no longer work.
        ss["token"] = token
        st.query_params["k"] = token


# -- the partnership's names ------------------------------------------------------------


def names(c: shell.Page, snap: Snapshot) -> None:
    p = snap.project
    k = editor.record_key("project", "names")
    st.header(c.t("settings.names"))
    with st.container(border=True, key="settings_names"):
        editor.show_flash(k)

        def save(changes: dict[str, Any], version: int) -> Any:
            return c.store.update_project(c.access, changes, version, c.name)

        def label(name: str) -> str:
            return c.t(f"settings.name.{name}")

        if editor.record_conflict(c, "project", "names", save, label, lambda n, v: str(v or "–")):
            return
        if editor.record_open("project", "names"):
            for name in NAMES:
                st.text_input(label(name), key=f"{k}_{name}", max_chars=MAX_NAME)

            def submit() -> None:
                values = editor.record_values("project", "names", list(NAMES))
                changes = {n: (v or "").strip() for n, v in values.items() if (v or "").strip() != getattr(p, n)}
                if not changes:
                    editor.close_record("project", "names")
                    return
                editor.save_record("project", "names", changes, save)

            row = editor.button_row()
            row.button(c.t("edit.save"), key=f"{k}_save", type="primary", icon=":material/save:", on_click=submit)
            row.button(c.t("edit.cancel"), key=f"{k}_cancel", on_click=editor.close_record, args=("project", "names"))
            return
        for name in NAMES:
            value = getattr(p, name) or c.t("settings.name.none")
            st.markdown(f"{label(name)}: **{usertext.plain(value)}**")
        st.button(c.t("edit.edit"), key=f"{k}_edit", icon=":material/edit:", on_click=editor.start_record,
                  args=("project", "names", p.version, {n: getattr(p, n) for n in NAMES}))


# -- export and delete ------------------------------------------------------------------


def export(c: shell.Page, snap: Snapshot) -> None:
    st.header(c.t("settings.export"))
    st.markdown(c.t("settings.export_lead"))
    file_links.show(file_links.FileLink("settings_export", c.t("settings.export_button"),
                                        file_links.url(c.access.token, "export.json", c.lang),
                                        downloads.file_name(snap, "export.json", c.lang)))


def delete(c: shell.Ctx, snap: Snapshot) -> None:
    st.header(c.t("settings.delete"))
    with st.container(border=True, key="settings_delete"):
        st.markdown(c.t("settings.delete_lead"))
        editor.show_flash("settings_delete")
        if ss.get(CONFIRM) == "delete":
            st.error(c.t("settings.delete_confirm", title=usertext.plain(snap.project.title)),
                     icon=":material/warning:")
            row = editor.button_row()
            row.button(c.t("settings.delete_yes"), key="settings_delete_yes", on_click=_delete,
                       args=(snap.project.title,), icon=":material/delete_forever:")
            row.button(c.t("settings.cancel"), key="settings_delete_no", on_click=_ask, args=("",))
        else:
            st.button(c.t("settings.delete_button"), key="settings_delete_ask", on_click=_ask, args=("delete",),
                      icon=":material/delete:")


def _delete(title: str) -> None:
    c = shell.current()
    ss.pop(CONFIRM, None)
    if not editor.act(c, "settings_delete", lambda: c.store.delete_project(c.access), named=False):
        return
    ss[DELETED] = title
    ss.pop("token", None)
    ss.pop(FRESH, None)
    for param in ("k", "n"):
        if param in st.query_params:
            del st.query_params[param]
