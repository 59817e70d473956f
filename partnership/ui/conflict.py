"""The conflict panel: a save found a newer version, so both are shown for a choice.

Two people compare their texts here, so both are drawn in full contrast (``conflict.css``:
the page's text colour on a white card, never a disabled, faded box), side by side on a
wide screen and one above the other on a phone (Streamlit's columns wrap below 640 px).
The editors (``ui/editor.py``) own the choices; this module draws. Containers: the panel
``conflict_<key>``, the two versions ``cmp_mine_<key>`` and ``cmp_theirs_<key>``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import streamlit as st

from partnership.i18n import fmt_datetime
from partnership.ui import shell
from partnership.usertext import clean, plain

CSS = (Path(__file__).with_name("conflict.css")).read_text(encoding="utf-8")


def style() -> None:
    """The panel's rules (an st.html with only a style block takes no space)."""
    st.html(f"<style>{CSS}</style>")


def title(c: shell.Ctx, conflict: Mapping[str, Any]) -> str:
    """Who saved the other version and when - as far as the store says."""
    if conflict.get("by") and conflict.get("at"):
        return c.t("conflict.title", who=plain(conflict["by"]), when=fmt_datetime(conflict["at"], c.lang))
    return c.t("presence.conflict_title_unknown")


def theirs_label(c: shell.Ctx, conflict: Mapping[str, Any]) -> str:
    return c.t("conflict.theirs", who=plain(conflict["by"])) if conflict.get("by") else c.t("presence.theirs_unknown")


def version(key: str, which: str, heading: str, text: str) -> None:
    """One version in its own card: a heading, then the text as typed (never markup)."""
    with st.container(border=True, key=f"cmp_{which}_{key}"):
        st.markdown(f"**{heading}**")
        st.text(clean(text) or "–")


def two_versions(key: str, mine: tuple[str, str], theirs: tuple[str, str]) -> None:
    """Mine and theirs (heading, text), side by side - or one above the other on a phone."""
    style()
    left, right = st.columns(2)
    with left:
        version(key, "mine", *mine)
    with right:
        version(key, "theirs", *theirs)


def field_panel(c: shell.Ctx, key: str, conflict: Mapping[str, Any], keep: Callable[[str], None],
                take: Callable[[str], None], merge: Callable[[str], None]) -> None:
    """A free-text field's two texts in full, who saved the other one and when, and the
    three ways on (buttons ``fe_<key>_keep``/``_take``/``_merge``)."""
    with st.container(key=f"conflict_{key}"):
        st.warning(title(c, conflict), icon=":material/call_split:")
        two_versions(key, (c.t("conflict.mine"), conflict["mine"]),
                     (theirs_label(c, conflict), conflict["theirs"]))
        row = st.container(horizontal=True, gap="small")
        row.button(c.t("conflict.keep_mine"), key=f"fe_{key}_keep", on_click=keep, args=(key,), type="primary")
        row.button(c.t("conflict.take_theirs"), key=f"fe_{key}_take", on_click=take, args=(key,))
        row.button(c.t("conflict.merge"), key=f"fe_{key}_merge", on_click=merge, args=(key,))
        st.caption(c.t("presence.conflict_help"))


def record_panel(c: shell.Ctx, k: str, conflict: Mapping[str, Any], label: Callable[[str], str],
                 shown: Callable[[str, Any], str]) -> None:
    """A record's changed fields, mine and theirs, one card each."""
    st.warning(title(c, conflict), icon=":material/call_split:")

    def lines(values: Mapping[str, Any]) -> str:
        return "\n".join(f"{label(name)}: {shown(name, values.get(name))}" for name in conflict["mine"])

    two_versions(k, (c.t("conflict.mine"), lines(conflict["mine"])),
                 (theirs_label(c, conflict), lines(conflict["theirs"])))
