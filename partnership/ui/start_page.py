"""The start page's parts: create, open by link, example."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import parse_qs, urlparse

import streamlit as st

from partnership import import_rules, plan, validation
from partnership.demo import create_demo
from partnership.errors import InvalidLink, PartnershipError
from partnership.model import Access, Snapshot
from partnership.steps import MAX_NAME
from partnership.ui import browser, editor, links, shell, throttle
from partnership.usertext import plain

ss = st.session_state


def token_from(text: str) -> str:
    """The token in a pasted link (``...?k=TOKEN``) or a bare token; "" if none."""
    text = text.strip()
    if "k=" in text:
        found = parse_qs(urlparse(text).query).get("k") or parse_qs(text.split("?", 1)[-1]).get("k")
        return (found or [""])[0].strip()
    return text


def go_to_overview(c: shell.Ctx, token: str, name: str = "") -> None:
    """Into the project: the token in session state and in the URL (so a reload, the back
    button or a bookmark stays inside); the name stays in this browser, not the URL."""
    if ss.get("token") and ss["token"] != token:
        shell.switch_project(ss)
    ss["token"] = token
    if name:
        ss["who"] = name
    params: dict[str, Any] = {"k": token}
    if c.lang != "da":
        params["lang"] = c.lang
    st.switch_page(c.pages["overview"], query_params=params)


def redirect_if_open(c: shell.Ctx) -> None:
    """``/?k=<token>`` goes on to the overview."""
    if c.access is not None:
        go_to_overview(c, c.access.token)


def header(c: shell.Ctx) -> None:
    st.title(c.t("start.title"), anchor=False)
    st.markdown(c.t("start.lead"))
    st.markdown(c.t("start.steps"))
    if c.link_error:
        st.error(c.t("err." + c.link_error))


def opened_before(c: shell.Ctx, more: Callable[[shell.Ctx, Access, Snapshot, str], None] | None = None) -> None:
    """The partnerships this browser has opened (kept in the browser, newest first), each
    with its stage and a way to remove it from the list; a link that no longer works
    leaves the list by itself. ``more(c, access, snap, key)`` draws what else an entry
    offers (``start_from.section``)."""
    shown: list[tuple[str, Access, Snapshot]] = []
    for token in browser.opened():
        try:
            access = c.store.open(token)
            shown.append((token, access, c.store.snapshot(access)))
        except InvalidLink:
            browser.forget(token)
        except PartnershipError:
            continue  # the database is busy: try again on the next visit
    if not shown:
        return
    st.header(c.t("start.opened"))
    st.caption(c.t("start.opened_lead"))
    for n, (token, access, snap) in enumerate(shown):
        with st.container(border=True, key=f"start_opened_{n}"):
            left, right = st.columns([4, 1], vertical_alignment="center")
            left.page_link(c.pages["overview"], label=plain(snap.project.title), icon=":material/handshake:",
                           query_params={"k": token, **({"lang": c.lang} if c.lang != "da" else {})})
            left.caption(f"{plain(snap.project.our_org)} · {c.t('role.' + snap.role.value)} · {_stage(c, snap)}")
            right.button(c.t("start.opened_forget"), key=f"start_opened_{n}_forget", on_click=browser.forget,
                         args=(token,), icon=":material/close:")
            if more is not None:
                more(c, access, snap, f"start_opened_{n}_from")


def _stage(c: shell.Ctx, snap: Snapshot) -> str:
    if snap.project.signed_at is not None:
        return c.t("start.stage_signed")
    step = plan.stage(snap)
    return c.t("start.stage_step", n=step, step=c.t(f"step.{step}.short")) if step else c.t("start.stage_ready")


def tabs(c: shell.Ctx) -> list[Any]:
    return list(st.tabs([c.t("start.create"), c.t("start.open"), c.t("start.example"), c.t("start.import")]))


def create_form(c: shell.Ctx) -> None:
    with st.form("start_create", border=False):
        org = st.text_input(c.t("start.our_org"), max_chars=MAX_NAME, key="start_org")
        name = st.text_input(c.t("start.your_name"), max_chars=MAX_NAME, key="start_name")
        title = st.text_input(c.t("start.working_title"), max_chars=MAX_NAME, key="start_title",
                              help=c.t("start.working_title_help"))
        submitted = st.form_submit_button(c.t("start.create_button"), type="primary")
    if submitted:
        create(c, ((c.t("start.our_org"), org), (c.t("start.your_name"), name), (c.t("start.working_title"), title)),
               name, lambda caller: c.store.create_project(title, org, name, caller=caller))


def create(c: shell.Ctx, fields: Sequence[tuple[str, str]], name: str,
           make: Callable[[str], tuple[Access, dict[str, str]]]) -> None:
    """The end of every form that makes a project: each of ``fields`` (label, value) given,
    the creation limit, then ``make(caller)``; straight into the new project."""
    missing = [label for label, value in fields if not value.strip()]
    if missing:
        st.error(c.t("start.missing", fields=", ".join(missing)))
        return
    if not throttle.allow_creation(c):
        return
    caller = throttle.client()
    created = editor.act(c, None, lambda: make(caller), named=False)
    if created:
        remember_created(created.value[1], name)


def remember_created(tokens: dict[str, str], name: str) -> None:
    """Straight into the new project, whose overview shows its links (links.CREATED)."""
    c = shell.ctx()
    if ss.get("token"):
        shell.switch_project(ss)
    ss["token"] = tokens["owner"]
    ss[links.CREATED] = True
    go_to_overview(c, tokens["owner"], name.strip())


def open_form(c: shell.Ctx) -> None:
    with st.form("start_open", border=False):
        pasted = st.text_input(c.t("start.paste"), help=c.t("start.paste_help"), key="start_link",
                               max_chars=2000)
        submitted = st.form_submit_button(c.t("start.open_button"), type="primary")
    if not submitted:
        return
    token = token_from(pasted)
    if editor.act(c, None, lambda: c.store.open(token), named=False):
        go_to_overview(c, token)


def example(c: shell.Ctx) -> None:
    st.markdown(c.t("start.example_lead"))
    if st.button(c.t("start.example_button"), key="start_example", icon=":material/visibility:"):
        name = c.name or "Eksempel"
        if not throttle.allow_creation(c):
            return

        def demo() -> tuple[Access, dict[str, str]]:
            validation.name(name, what="actor")
            return create_demo(c.store, name, lang=c.lang, caller=throttle.client())

        created = editor.act(c, None, demo, named=False)
        if created:
            go_to_overview(c, created.value[1]["owner"], c.name)


def import_form(c: shell.Ctx) -> None:
    """Restore a JSON export (from "Links og indstillinger" or the CLI) as a new project."""
    st.markdown(c.t("start.import_lead"))
    with st.form("start_import", border=False):
        upload = st.file_uploader(c.t("start.import_file"), type=["json"], key="start_import_file")
        name = st.text_input(c.t("start.your_name"), max_chars=MAX_NAME, key="start_import_name")
        submitted = st.form_submit_button(c.t("start.import_button"), type="primary")
    if not submitted:
        return
    if upload is None or not name.strip():
        missing = [label for label, ok in ((c.t("start.import_file"), upload is not None),
                                           (c.t("start.your_name"), bool(name.strip()))) if not ok]
        st.error(c.t("start.missing", fields=", ".join(missing)))
        return
    if throttle.import_too_large(c, upload.size) or not throttle.allow_creation(c):
        return
    data = upload.getvalue()
    caller = throttle.client()
    created = editor.act(c, None, lambda: c.store.import_project(import_rules.parse_json(data), name, caller=caller),
                         named=False)
    if created:
        remember_created(created.value[1], name)
