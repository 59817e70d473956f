"""Two small things only the browser can do, in one tiny components-v2 component.

- The person's name, remembered per browser and never in the URL: the component writes
  a cookie (``ps_name``); the server reads it back with st.context.cookies when the
  browser next connects (a reload, a new tab, another project's link). Another browser
  has no cookie and is asked for the name.
- On a narrow screen the page menu lives in the sidebar, drawn over the page; Streamlit
  closes it after a choice only for a phone's user agent. The component closes it after
  a choice on any narrow screen, so that choosing a page shows that page.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import streamlit as st

NAME_COOKIE = "ps_name"
NAME_MAX = 200

_JS = Path(__file__).with_name("browser.js").read_text(encoding="utf-8")

_BROWSER = st.components.v2.component("ps_browser", js=_JS)


def cookie_name() -> str:
    """The name this browser remembers ("" if none)."""
    try:
        raw = st.context.cookies.get(NAME_COOKIE)
    except Exception:  # no browser request: no cookies
        return ""
    return unquote(raw).strip()[:NAME_MAX] if isinstance(raw, str) else ""  # AppTest gives no str


def helpers(name: str) -> None:
    """Mount the component: keep ``name`` (if any) in this browser, close the narrow menu
    after a choice. Mounted on every page, in the sidebar (it draws nothing)."""
    _BROWSER(data={"name": name if name and cookie_name() != name else "", "cookie": NAME_COOKIE},
             key="ps_browser")


