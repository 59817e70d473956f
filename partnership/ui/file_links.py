"""Download links: plain ``<a href download>`` links to ``GET <base>/ps/file``
(``partnership/web/files.py``), so that whichever replica answers builds the file from the
store. (A Streamlit download button keeps its file in the process that drew the page:
behind a round-robin balancer the click often reached another replica and got a 404.)

Each link sits in a container keyed as the download button it replaces (``s5_dl_pdf``,
``tl_ics_all``, ``settings_export`` ...), so tests and styles find it by the class
``st-key-<key>``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlencode

import streamlit as st

from partnership.web import asgi


def url(token: str, what: str, lang: str, *, version_id: str | None = None, person_id: str | None = None,
        meeting_id: str | None = None) -> str:
    """The route's address for one file, as seen from any page of the app."""
    query = {"k": token, "what": what, "l": lang}
    if version_id:
        query["v"] = version_id
    if person_id:
        query["p"] = person_id
    if meeting_id:
        query["m"] = meeting_id
    return f"{asgi.path('/file')}?{urlencode(query)}"


@dataclass(frozen=True)
class FileLink:
    """One link: the container's ``key``, the words on it, the route address, the file's
    name as saved."""

    key: str
    label: str
    href: str
    file_name: str


def markup(link: FileLink) -> str:
    """The link's HTML: every value escaped (the file name comes from a typed title).
    No Material icon: in Markdown its ligature ("download") is read out as an English
    word with an English label ("download icon")."""
    return (f'<a href="{html.escape(link.href, quote=True)}" download="{html.escape(link.file_name, quote=True)}">'
            f"{html.escape(link.label)}</a>")


def show(link: FileLink, *, width: Literal["stretch", "content"] = "stretch") -> None:
    """One link in its keyed container, in the current place of the page. ``st.html``
    (sanitised, not iframed), not Markdown with HTML allowed: that fetches and starts the
    Markdown's raw-HTML parser (184 KiB), a long task of its own on a first load."""
    with st.container(key=link.key, width=width):
        st.html(markup(link))


def row(links: list[FileLink]) -> None:
    """Links side by side, wrapping onto more lines where the page is narrow (one row
    that wraps, not columns: fewer elements for a first load to draw)."""
    with st.container(horizontal=True, gap="large"):
        for link in links:
            show(link, width="content")
