"""The download links a page draws (``partnership/ui/file_links.py``), read back from an
AppTest run: each link's route address, its query and the file name it saves as."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

_LINK = re.compile(r'<a href="([^"]*)" download="([^"]*)">')


@dataclass(frozen=True)
class Link:
    href: str
    name: str

    @property
    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.href).query).items()}

    @property
    def what(self) -> str:
        return self.query["what"]


def file_links(at: Any) -> list[Link]:
    """Every download link on the page, in page order."""
    found = []
    for element in at.get("html"):  # st.html (ui/file_links.show)
        for href, name in _LINK.findall(str(element.proto.body)):
            found.append(Link(html.unescape(href), html.unescape(name)))
    return found


def by_what(at: Any, **query: str) -> dict[str, Link]:
    """The page's links by ``what``, those whose query also has ``query``'s values."""
    return {x.what: x for x in file_links(at) if all(x.query.get(k) == v for k, v in query.items())}
