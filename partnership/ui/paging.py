"""Long lists drawn a page at a time: the first ``PAGE`` rows, then a "Vis flere" button
that adds the next page. Every row of a task list is a set of widgets, and drawing a
thousand of them took the browser half a minute; a page of them stays quick however
big the project is.

Widget keys: the button ``{key}_more``; the search box ``{key}_search``. How many rows
are shown lives in session state under ``{key}_shown`` (it survives reruns).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import streamlit as st
from babel.numbers import format_decimal

from partnership.model import Task
from partnership.ui import shell

T = TypeVar("T")

PAGE = 25
"""Rows per page."""
SEARCH_FROM = PAGE
"""A list longer than this gets a search box."""

ss = st.session_state


def shown(key: str) -> int:
    """How many rows of the list ``key`` are shown now."""
    value = ss.get(f"{key}_shown", PAGE)
    return value if isinstance(value, int) and value > 0 else PAGE


def first(items: Sequence[T], key: str) -> list[T]:
    """The rows of ``items`` to draw now."""
    return list(items[: shown(key)])


def number(n: int, lang: str) -> str:
    """``n`` as the reader writes it (Danish 1.000, English 1,000)."""
    return format_decimal(n, locale="da_DK" if lang == "da" else "en_GB")


def _more(key: str) -> None:
    ss[f"{key}_shown"] = shown(key) + PAGE


def more_button(c: shell.Ctx, total: int, key: str) -> None:
    """"Vis flere (25 af 1.000 vist)" when not every row is drawn yet."""
    now = min(shown(key), total)
    if now >= total:
        return
    label = c.t("limits.more", shown=number(now, c.lang), total=number(total, c.lang))
    st.button(label, key=f"{key}_more", on_click=_more, args=(key,),
              icon=":material/expand_more:", type="secondary")


def search(c: shell.Ctx, found: Sequence[Task], key: str) -> list[Task]:
    """A search box over the task titles when the list is long; the matching tasks."""
    if len(found) <= SEARCH_FROM and not ss.get(f"{key}_search"):
        return list(found)
    words = st.text_input(c.t("limits.search"), key=f"{key}_search", placeholder=c.t("limits.search_placeholder"),
                          icon=":material/search:").casefold().split()
    if not words:
        return list(found)
    hits = [x for x in found if all(w in x.title.casefold() for w in words)]
    if not hits:
        st.caption(c.t("limits.search_none"))
    return hits


def paged(c: shell.Ctx, found: Sequence[Task], key: str) -> tuple[list[Task], Any]:
    """The search box, then the tasks to draw now, and a callable that draws the "Vis
    flere" button after them."""
    hits = search(c, found, key)
    return first(hits, key), lambda: more_button(c, len(hits), key)
