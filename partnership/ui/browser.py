"""Three small things only the browser can do, in one tiny components-v2 component.

- The person's name, remembered per browser and never in the URL: the component writes
  a cookie (``ps_name``); the server reads it back with st.context.cookies when the
  browser next connects (a reload, a new tab, another project's link). Another browser
  has no cookie and is asked for the name.
- On a narrow screen the page menu lives in the sidebar, drawn over the page; Streamlit
  closes it after a choice only for a phone's user agent. The component closes it after
  a choice on any narrow screen, so that choosing a page shows that page.
- The partnerships this browser has opened (issue 26), for the start page's list: their
  links' tokens, newest first, in a cookie (``ps_opened``, at most ``OPENED_MAX``) - no
  account, and removable there. A token is the link itself, which this browser's history
  already holds; the cookie goes only to this app (SameSite=Lax).
- This browser's own secret (issue 26, ``ps_device``): 256 random bits, made on the server
  the first time a session needs it and kept in a cookie, so that it survives a reload
  like the name. Step 2's private suggestions belong to it (the store keeps only its
  SHA-256): the member link and a typed name are shared by the association's people, the
  browser is not.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from urllib.parse import unquote

import streamlit as st

from partnership.web.preload import NAME_COOKIE  # the server's page middleware reads it too

NAME_MAX = 200
OPENED_COOKIE = "ps_opened"
OPENED_MAX = 20
OPENED = "ps_opened"  # session state: this browser's list, newest first (kept on a project switch)
DEVICE_COOKIE = "ps_device"
DEVICE = "ps_device"  # session state: this browser's secret
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")

_JS = Path(__file__).with_name("browser.js").read_text(encoding="utf-8")

_BROWSER = st.components.v2.component("ps_browser", js=_JS)


def cookie_name() -> str:
    """The name this browser remembers ("" if none)."""
    try:
        raw = st.context.cookies.get(NAME_COOKIE)
    except Exception:  # no browser request: no cookies
        return ""
    return unquote(raw).strip()[:NAME_MAX] if isinstance(raw, str) else ""  # AppTest gives no str


def helpers(name: str, token: str = "", association: bool = False) -> None:
    """Mount the component: keep ``name`` (if any) in this browser, and ``token`` (the link
    open now, if any) first in its list of opened partnerships; with the association's
    link, keep this browser's secret (``device``); close the narrow menu after a choice.
    Mounted on every page, in the sidebar (it draws nothing)."""
    if token:
        remember(token)
    if association:
        device()
    _BROWSER(data={"name": name if name and cookie_name() != name else "", "cookie": NAME_COOKIE,
                   "opened": ".".join(opened()), "opened_cookie": OPENED_COOKIE,
                   "device": st.session_state.get(DEVICE, ""), "device_cookie": DEVICE_COOKIE}, key="ps_browser")


def opened() -> list[str]:
    """The tokens of the partnerships this browser has opened, newest first."""
    if OPENED not in st.session_state:
        try:
            raw = st.context.cookies.get(OPENED_COOKIE)
        except Exception:  # no browser request: no cookies
            raw = None
        found = raw.split(".") if isinstance(raw, str) else []
        st.session_state[OPENED] = [t for t in dict.fromkeys(found) if _TOKEN.match(t)][:OPENED_MAX]
    return list(st.session_state[OPENED])


def remember(token: str) -> None:
    if _TOKEN.match(token):
        st.session_state[OPENED] = [token, *(t for t in opened() if t != token)][:OPENED_MAX]


def forget(token: str) -> None:
    st.session_state[OPENED] = [t for t in opened() if t != token]


def device() -> str:
    """This browser's secret: the one its cookie holds, else a new one (43 URL-safe
    characters), which ``helpers`` then keeps in the cookie."""
    if DEVICE not in st.session_state:
        try:
            raw = st.context.cookies.get(DEVICE_COOKIE)
        except Exception:  # no browser request: no cookies
            raw = None
        st.session_state[DEVICE] = raw if isinstance(raw, str) and _TOKEN.match(raw) else secrets.token_urlsafe(32)
    return str(st.session_state[DEVICE])
