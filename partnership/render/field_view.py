"""What a free-text field's view shows - its text as sanitised HTML with the last change,
and the one-line views of what a step still lacks - for the page's runs
(``partnership/ui/field_view.py``) and the ``/ps/field`` route and event stream
(``partnership/web``) alike, so a reload, the poller fallback and a live tab show the same.
Free of Streamlit; the text is user Markdown (``usertext.rich``) rendered and sanitised by
the agreement's HTML renderer (Markdown + nh3 allow-list), so it carries no markup of its own.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from partnership.agreement_export import markdown_to_html
from partnership.i18n import fmt_datetime, has, t
from partnership.model import Side, Snapshot
from partnership.steps import STEPS, missing
from partnership.usertext import clean, rich


def org_text(lang: str, snap: Snapshot, side: Side) -> str:
    """``org_name`` for a language rather than a page (the field views' route has no page)."""
    name = snap.project.our_org if side == Side.ASSOCIATION else snap.project.partner_org
    return name.strip() or t(f"side.{side.value}", lang)


def gap_text(lang: str, snap: Snapshot, key: str, escape: Callable[[str], str] = clean) -> str:
    """``gap_label`` for a language, as plain text (``escape``: how an organisation's name
    is made safe where the text goes)."""
    for side in Side:
        if key == f"missing.working_group_{side.value}":
            return t("missing.working_group_org", lang, org=escape(org_text(lang, snap, side)))
    return t(key, lang) if has(key) else key


@functools.lru_cache(maxsize=512)
def text_html(value: str) -> str:
    """A field's text as sanitised HTML ("" for an empty field). Kept per text: fifty tabs
    fetching the same save render it once."""
    return markdown_to_html(rich(value)) if value.strip() else ""


def content(snap: Snapshot, key: str, lang: str) -> dict[str, Any]:
    """What the text view of ``key`` shows, as the page's run and the route send it."""
    fv = snap.field(key)
    html = text_html(fv.value)
    meta = t("edit.last_change", lang, who=clean(fv.updated_by), when=fmt_datetime(fv.updated_at, lang),
             version=fv.version) if html else ""
    return {"rev": snap.revision, "version": fv.version, "html": html, "meta": meta}


LINES = {"missing_4": (4, "s4.missing", "s4.ready")}
"""The line views the route answers for, by name: what step 4 still lacks (the step, and
the messages for a gap and for none)."""


def line_content(snap: Snapshot, name: str, lang: str) -> dict[str, Any]:
    """What the line view ``name`` shows: what its step still lacks, or that it is complete."""
    step, gap, ready = LINES[name]
    gaps = missing(step, snap)
    if gaps:
        text = t(gap, lang, items="; ".join(gap_text(lang, snap, g) for g in gaps))
    else:
        text = "\u2713 " + t(ready, lang)
    return {"rev": snap.revision, "text": text}


MAX_PUSHED = 8
"""At most this many views' content travels inside one event; beyond that the views fetch."""


def pushed(snap: Snapshot, scopes: list[str], lang: str) -> dict[str, dict[str, Any]]:
    """The new content of the views that ``scopes`` (``text:<key>``/``fill:<key>``, as the
    reader's role may see them) change, by view id ("body:<key>", "line:<name>"), so that
    the event stream can carry it and fifty tabs need not each fetch it. Empty when too
    many views changed at once."""
    keys = sorted({scope.split(":", 1)[1] for scope in scopes if scope.startswith(("text:", "fill:"))})
    found = {f"body:{key}": content(snap, key, lang) for key in keys}
    filled = {scope.split(":", 1)[1] for scope in scopes if scope.startswith("fill:")}
    for name, (step, _, _) in LINES.items():
        if filled & {f.key for f in STEPS[step - 1].fields}:
            found[f"line:{name}"] = line_content(snap, name, lang)
    return found if len(found) <= MAX_PUSHED else {}
