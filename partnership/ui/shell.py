"""The app's frame: store, link, language and name for each run; pages; sidebar; guards.

app.py calls ``start()`` once per run and hands ``pages()`` to st.navigation; each page
calls ``ctx()`` and ``require()`` and gets the snapshot its role may see.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from partnership.errors import InvalidLink, PartnershipError
from partnership.i18n import DEFAULT_LANG, LANGS, t
from partnership.model import Access, Presence, Role, Snapshot
from partnership.store import Store, open_store
from partnership.ui.messages import describe

log = logging.getLogger(__name__)

ALL = (Role.OWNER, Role.PARTNER, Role.VIEWER)


@dataclass(frozen=True)
class PageSpec:
    url: str
    file: str
    title: str
    icon: str
    roles: tuple[Role, ...]


PAGES: tuple[PageSpec, ...] = (
    PageSpec("", "app_pages/start.py", "nav.start", ":material/home:", ALL),
    PageSpec("overview", "app_pages/overview.py", "nav.overview", ":material/dashboard:", ALL),
    PageSpec("step1", "app_pages/step1.py", "step.1.short", ":material/lightbulb:", (Role.OWNER,)),
    PageSpec("step2", "app_pages/step2.py", "step.2.short", ":material/group_add:", (Role.OWNER,)),
    PageSpec("step3", "app_pages/step3.py", "step.3.short", ":material/mail:", (Role.OWNER,)),
    PageSpec("step4", "app_pages/step4.py", "step.4.short", ":material/handshake:", ALL),
    PageSpec("step5", "app_pages/step5.py", "step.5.short", ":material/contract:", ALL),
    PageSpec("timeline", "app_pages/timeline.py", "nav.timeline", ":material/timeline:", ALL),
    PageSpec("history", "app_pages/history.py", "nav.history", ":material/history:", ALL),
    PageSpec("settings", "app_pages/settings.py", "nav.settings", ":material/settings:", (Role.OWNER,)),
)


@dataclass
class Ctx:
    """What every page needs: the store, the opened link (if any), language and name."""

    store: Store
    lang: str
    session_id: str
    access: Access | None = None
    link_error: str = ""
    name: str = ""
    pages: dict[str, Any] = field(default_factory=dict)

    def t(self, key: str, /, **params: Any) -> str:
        return t(key, self.lang, **params)

    @property
    def role(self) -> Role | None:
        return self.access.role if self.access else None

    def link(self, token: str) -> str:
        """The full shareable address for a token."""
        return f"{base_url()}/?k={token}"


def base_url() -> str:
    """The address the app is served at, for shareable links."""
    return os.environ.get("PARTNERSHIP_BASE_URL", "http://localhost:8501").rstrip("/")


def _secrets() -> dict[str, Any]:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets file at all raises; that simply means "no secrets"
        return {}


@st.cache_resource(show_spinner=False)
def get_store() -> Store:
    """One store per server process; adapters are thread-safe (connection per thread)."""
    return open_store(secrets=_secrets())


def start() -> Ctx:
    """Resolve store, language, link and name for this run; keep them in the URL."""
    state = st.session_state
    params = st.query_params
    lang = params.get("lang") or state.get("lang") or DEFAULT_LANG
    if lang not in LANGS:
        lang = DEFAULT_LANG
    state["lang"] = lang
    state.setdefault("session_id", uuid.uuid4().hex)
    if "k" in params and params["k"] != state.get("token"):
        state["token"] = params["k"]
    if params.get("n") and not state.get("who"):
        state["who"] = params["n"][:200]
    ctx = Ctx(store=get_store(), lang=lang, session_id=state["session_id"], name=state.get("who", ""))
    token = state.get("token")
    if token:
        try:
            ctx.access = ctx.store.open(token)
        except InvalidLink:
            ctx.link_error = "invalid_link"
            state.pop("token", None)
        except PartnershipError as exc:
            ctx.link_error = exc.code
    keep_in_url(ctx)
    state["ctx"] = ctx
    return ctx


def keep_in_url(ctx: Ctx) -> None:
    """Put token, name and language back in the URL so reloads and bookmarks keep working."""
    wanted = url_params(ctx)
    for key in ("k", "n", "lang"):
        if key in wanted and st.query_params.get(key) != wanted[key]:
            st.query_params[key] = wanted[key]
        elif key not in wanted and key in st.query_params and not (key == "k" and ctx.link_error):
            del st.query_params[key]


def url_params(ctx: Ctx) -> dict[str, str]:
    """Query params that page links carry, so the link survives a page switch."""
    out: dict[str, str] = {}
    if ctx.access:
        out["k"] = ctx.access.token
        if ctx.name:
            out["n"] = ctx.name
    if ctx.lang != DEFAULT_LANG:
        out["lang"] = ctx.lang
    return out


def ctx() -> Ctx:
    current: Ctx = st.session_state["ctx"]
    return current


def pages(c: Ctx) -> list[Any]:
    """Every page, always registered (so deep links work as the first request); the menu
    shows only those the role may open."""
    made = {}
    for spec in PAGES:
        made[spec.url] = st.Page(
            spec.file, title=c.t(spec.title), icon=spec.icon, url_path=spec.url or None, default=not spec.url
        )
    c.pages = made
    return list(made.values())


def sidebar(c: Ctx, snap: Snapshot | None) -> None:
    """The menu, the language switch, the store in use, and who else is here."""
    with st.sidebar:
        st.markdown(f"### :material/handshake: {c.t('app.name')}")
        if snap is not None:
            st.caption(f"**{snap.project.title}** · {c.t('role.' + snap.role.value)}")
        for spec in PAGES:
            if spec.url and (c.access is None or c.access.role not in spec.roles):
                continue
            st.page_link(c.pages[spec.url], label=c.t(spec.title), icon=spec.icon, query_params=url_params(c))
        st.divider()
        choice = st.segmented_control(
            c.t("app.language"), options=list(LANGS), format_func=lambda x: {"da": "Dansk", "en": "English"}[x],
            default=c.lang, key="lang_switch",
        )
        if choice and choice != c.lang:
            st.session_state["lang"] = choice
            c.lang = choice
            keep_in_url(c)
            st.rerun()
        if c.store.backend == "sqlite":
            st.caption(c.t("app.store_sqlite"))
        else:
            st.caption(c.t("app.store_supabase"))


def presence_line(c: Ctx, others: list[Presence]) -> None:
    """Who else has the partnership open: "Ole (partneren), en læser"."""
    if others:
        names = ", ".join(sorted({f"{p.name} ({c.t('role.' + p.role.value)})" if p.name
                                  else c.t(f"live.someone.{p.role.value}") for p in others}))
        st.caption(c.t("live.here", names=names))


def require(c: Ctx, spec_url: str) -> Snapshot:
    """Stop the page with a clear message unless a link is open and its role may see it;
    else return the snapshot (and ask once for the person's name)."""
    spec = next(s for s in PAGES if s.url == spec_url)
    if c.access is None:
        sidebar(c, None)
        if c.link_error:
            st.error(c.t("err." + c.link_error))
        else:
            st.info(c.t("app.no_link"))
        st.page_link(c.pages[""], label=c.t("nav.start"), icon=":material/home:",
                     query_params={"lang": c.lang} if c.lang != DEFAULT_LANG else None)
        st.stop()
    assert c.access is not None
    try:
        snap = c.store.snapshot(c.access)
    except PartnershipError as exc:
        sidebar(c, None)
        st.error(describe(exc, c.lang))
        st.stop()
    sidebar(c, snap)
    if c.access.role not in spec.roles:
        st.warning(c.t(f"app.not_for.{c.access.role.value}"))
        st.stop()
    return snap


def ask_name(c: Ctx) -> bool:
    """Ask once per browser session who is here (key ``who_name``; Enter confirms).
    Returns True when a name is known."""
    if c.name:
        return True
    if c.access is None or c.access.role is Role.VIEWER:
        return False

    def confirm() -> None:
        name = (st.session_state.get("who_name") or "").strip()[:200]
        if name:
            st.session_state["who"] = name

    with st.container(border=True):
        st.text_input(c.t("who.prompt"), key="who_name", on_change=confirm, placeholder=c.t("who.placeholder"),
                      max_chars=200)
        st.caption(c.t("who.why"))
    return False


@contextmanager
def guarded(c: Ctx) -> Iterator[None]:
    """Show a PartnershipError as a clear message and anything unexpected as an apology;
    never a traceback on the page."""
    try:
        yield
    except PartnershipError as exc:
        st.error(describe(exc, c.lang))
    except Exception:
        log.exception("unexpected error on a page")
        st.error(c.t("err.unexpected"))
