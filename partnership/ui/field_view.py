"""A free-text field as the browser draws it: its heading with who is editing it, and
(while its editor is closed) its text. Both keep themselves up to date in the tab.

With 50 tabs open on one project, rerunning even a small fragment in every tab for each
save cost the 2-core machine 80-350 ms of main-thread time per tab (Streamlit's
frontend), so a save took seconds to reach the last tab. Here the page's live
subscriber (``live_push``) hands each event to the views, and:

- the **heading** redraws its "… is writing here now" badge from the event's presence
  list - no request, no rerun;
- the **text** of a closed field, when the event says this field changed
  (``text:<key>``/``fill:<key>``), fetches its new HTML from the ``/ps/field`` route
  (``partnership/web/fields.py``) and swaps it in - one small request, no rerun.

The page's own runs draw the same views with the same content
(``partnership/render/field_view.py``, which the route uses too), so a reload, the poller
fallback and the AppTest tests see what the live tab shows.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import streamlit as st

from partnership.model import Presence, Snapshot
from partnership.render.field_view import content, line_content
from partnership.steps import STEPS
from partnership.ui import live, shell
from partnership.usertext import clean
from partnership.web import asgi

JS = Path(__file__).with_name("field_view.js").read_text(encoding="utf-8")

CSS = """
.ps-fv-head { line-height: 1.6; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.6rem; }
.ps-fv-badge { padding: 0.1rem 0.45rem; border-radius: 0.5rem; font-size: 0.875rem; max-width: 100%;
  background: rgba(255, 164, 33, 0.15); color: #7a4100; overflow-wrap: anywhere; }
.ps-fv-text { line-height: 1.6; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.ps-fv-text p, .ps-fv-text ul, .ps-fv-text ol { margin: 0 0 0.6rem 0; }
.ps-fv-text ul, .ps-fv-text ol { padding-left: 1.4rem; }
.ps-fv-text li { margin: 0.1rem 0; }
.ps-fv-meta { font-size: 0.875rem; color: var(--st-text-color); opacity: 0.7; }
"""

_view = st.components.v2.component("partnership_field_view", js=JS, css=CSS, isolate_styles=False)


def url(c: shell.Ctx, key: str) -> str:
    """Where the text view of ``key`` fetches its new content (``web/fields.py``)."""
    assert c.access is not None
    return f"{asgi.path('/field')}?k={quote(c.access.token)}&f={quote(key)}&l={c.lang}"


def badge_names(c: shell.Ctx, key: str, others: list[Presence] | None) -> list[str]:
    """Who else is editing ``key``, as the page's run saw it."""
    return sorted({clean(p.name) or c.t("role." + p.role.value)
                   for p in (others or []) if p.editing == key})


def head(c: shell.Ctx, key: str, others: list[Presence] | None) -> None:
    """The field's label, and who else is editing it (redrawn by the tab itself)."""
    live.mark_viewed(key)
    _view(key=f"fv_head_{key}", data={
        "part": "head", "key": key, "label": c.t(f"field.{key}.label"),
        "badge": c.t("presence.editing_badge", names="{names}"), "names": badge_names(c, key, others)})


def body(c: shell.Ctx, snap: Snapshot, key: str) -> None:
    """The closed field's text and who changed it last (swapped in by the tab itself when
    the other side saves it)."""
    listens = [f"text:{key}", f"fill:{key}"]
    live.mark_viewed(key, covers=listens[:1])  # a fill also changes what the step lacks: not ours alone
    _view(key=f"fv_body_{key}", data={
        "part": "body", "key": key, "url": url(c, key), "listens": listens, "empty": c.t("edit.empty"),
        **content(snap, key, c.lang)})


def missing_line(c: shell.Ctx, snap: Snapshot, step: int) -> None:
    """What ``step`` still lacks, in one line that follows the other side's saves by itself
    (a field filled or emptied there)."""
    name = f"missing_{step}"
    fills = [f"fill:{f.key}" for f in STEPS[step - 1].fields]
    live.mark_viewed(name, covers=fills)
    _view(key=f"fv_line_{name}", data={
        "part": "line", "key": name, "url": url(c, name), "listens": fills, **line_content(snap, name, c.lang)})
