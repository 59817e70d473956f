"""A new partnership started from an earlier one (issue 26): "Start et nyt partnerskab
herfra" on the overview and beside an association's entry in the start page's list. The
store copies step 1 and the candidates in one transaction (``Store.start_from``); the new
project's links are shown once, as after creating one (``start_page.remember_created``)."""

from __future__ import annotations

import streamlit as st

from partnership.model import Access, Snapshot
from partnership.steps import MAX_NAME
from partnership.ui import lazy, shell, start_page


def section(c: shell.Ctx, access: Access, snap: Snapshot, key: str) -> None:
    """The expander with its form (drawn once opened); only for the association's links."""
    if not snap.role.is_association:
        return
    box = lazy.expander(c.t("room.start_from"), key=f"{key}_open", icon=":material/content_copy:")
    if box is None:
        return
    with box:
        st.caption(c.t("room.start_from_lead"))
        _form(c, access, snap, key)


def _form(c: shell.Ctx, access: Access, snap: Snapshot, key: str) -> None:
    with st.form(f"{key}_form", border=False):
        title = st.text_input(c.t("start.working_title"), max_chars=MAX_NAME, key=f"{key}_title")
        org = st.text_input(c.t("start.our_org"), value=snap.project.our_org, max_chars=MAX_NAME, key=f"{key}_org")
        name = st.text_input(c.t("start.your_name"), value=c.name, max_chars=MAX_NAME, key=f"{key}_name")
        submitted = st.form_submit_button(c.t("room.start_from_button"), type="primary",
                                          icon=":material/content_copy:")
    if submitted:
        start_page.create(c, ((c.t("start.working_title"), title), (c.t("start.our_org"), org),
                              (c.t("start.your_name"), name)),
                          name, lambda caller: c.store.start_from(access, title, org, name, caller=caller))
