"""The push side of the live page: the subscriber component. (The process's hub, made
once and attached to the store as its commit listener, is ``partnership.process.hub``.)

``mount()`` draws the tiny components-v2 subscriber: it opens the page's event stream (partnership/web/events.py),
shows who else is here, and triggers a rerun when the project's revision passes the
one the page rendered, or when someone starts or stops editing a field the page shows.
While a dialog is open it shows a notice instead (a rerun would close the dialog).

The JavaScript keeps its EventSource at module level (on ``window``), so that the
default export - which runs again whenever ``data`` changes - is idempotent; a dropped
stream is reopened with back-off and catches up by revision (the stream's first event
is the current state). If the stream never opens (a host that does not route custom
paths), it asks the page, once, to fall back to the poller.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import streamlit as st

from partnership.model import Role
from partnership.store.base import presence_id
from partnership.ui import flash, shell
from partnership.web import asgi

JS = Path(__file__).with_name("live_push.js").read_text(encoding="utf-8")

CSS = """
.ps-here, .ps-note { font-size: 0.875rem; color: var(--st-text-color); opacity: 0.7; }
.ps-note { opacity: 0.9; }
"""

_subscriber = st.components.v2.component("partnership_live", js=JS, css=CSS, isolate_styles=False)


def events_url(c: shell.Page) -> str:
    return f"{asgi.path('/events')}?k={quote(c.access.token)}&s={quote(c.session_id)}&l={c.lang}"


def someone_words(c: shell.Ctx) -> dict[str, str]:
    """How the line names someone who gave no name, by role (``shell.someone``)."""
    return {r.value: shell.someone(c, r) for r in Role}


def mount(c: shell.Page, revision: int, shown: list[str], seen: list[str], dialog: bool,
          on_fallback: Callable[[], None], covered: list[str] | None = None) -> None:
    """Draw the subscriber for the page this run rendered at ``revision``; ``covered``:
    the change scopes the page's field views redraw by themselves."""
    roles = {r: c.t("role." + r) for r in ("owner", "member", "partner", "viewer")}
    _subscriber(
        key="live_sub",
        data={
            "url": events_url(c), "rev": revision, "me": presence_id(c.access.token, c.session_id), "name": c.name,
            "role": c.access.role.value, "shown": shown, "seen": seen, "dialog": dialog,
            "here": c.t("live.here", names="{names}"), "roles": roles,
            "someone": someone_words(c),
            "notice": c.t("live.changed_notice"), "covered": covered or [],
        },
        on_rerun_change=flash.by_component, on_fallback_change=on_fallback,
    )

