"""The app's frame: store, link, language and name for each run; pages; sidebar; guards.

main.py calls ``start()`` once per run and hands ``pages()`` to st.navigation; each page opens
with ``page.enter()``, whose ``require()`` turns the run's ``Ctx`` into a ``Page``: the same
context with the link's access (never None there) and the snapshot its role may see.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from partnership import process, usertext
from partnership.errors import InvalidLink, PartnershipError
from partnership.i18n import DEFAULT_LANG, LANGS, t
from partnership.model import Access, Presence, Role, Snapshot
from partnership.store import Store
from partnership.ui import browser, flash
from partnership.ui.messages import describe

log = logging.getLogger(__name__)

ASSOCIATION, ALL = (Role.OWNER, Role.MEMBER), tuple(Role)


@dataclass(frozen=True)
class PageSpec:
    url: str
    file: str
    title: str
    icon: str
    roles: tuple[Role, ...]


OPEN = ("", "privacy")  # the pages anyone may open without a link

PAGES: tuple[PageSpec, ...] = (
    PageSpec("", "app_pages/start.py", "nav.start", ":material/home:", ALL),
    PageSpec("overview", "app_pages/overview.py", "nav.overview", ":material/dashboard:", ALL),
    PageSpec("step1", "app_pages/step1.py", "step.1.short", ":material/lightbulb:", ASSOCIATION),
    PageSpec("step2", "app_pages/step2.py", "step.2.short", ":material/group_add:", ASSOCIATION),
    PageSpec("step3", "app_pages/step3.py", "step.3.short", ":material/mail:", ASSOCIATION),
    PageSpec("step4", "app_pages/step4.py", "step.4.short", ":material/handshake:", ALL),
    PageSpec("step5", "app_pages/step5.py", "step.5.short", ":material/contract:", ALL),
    PageSpec("timeline", "app_pages/timeline.py", "nav.timeline", ":material/timeline:", ALL),
    PageSpec("history", "app_pages/history.py", "nav.history", ":material/history:", ALL),
    PageSpec("settings", "app_pages/settings.py", "nav.settings", ":material/settings:", ASSOCIATION),
    PageSpec("meeting", "app_pages/meeting.py", "nav.meeting", ":material/co_present:", ASSOCIATION),
    PageSpec("privacy", "app_pages/privacy.py", "nav.privacy", ":material/shield_person:", ALL),
)


@dataclass(frozen=True)
class Ctx:
    """What every run has: the store, the opened link (if any), language and name."""

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


@dataclass(frozen=True, kw_only=True)
class Page(Ctx):
    """A page's context once ``require`` let it through: the link is open (``access`` is
    never None), its role may see the page, and ``snap`` is what it may see this run.
    ``others`` is who else is here (``page.enter`` fills it in)."""

    access: Access
    snap: Snapshot
    others: list[Presence] = field(default_factory=list)

    @property
    def role(self) -> Role:
        return self.access.role


DEFAULT_BASE_URL = "http://localhost:8501"


def base_url() -> str:
    """The address the app is served at, for shareable links: PARTNERSHIP_BASE_URL when
    set (an explicit override, e.g. behind a reverse proxy that rewrites the address),
    else the address this browser used (scheme, host, port and base path) without the
    page's own path."""
    override = os.environ.get("PARTNERSHIP_BASE_URL", "").strip()
    if override:
        return override.rstrip("/")
    try:
        served = st.context.url
    except Exception:  # no browser behind this run (AppTest)
        served = None
    return app_root(served) if isinstance(served, str) and served else DEFAULT_BASE_URL


def app_root(served: str) -> str:
    """``https://host:port/base/step4`` -> ``https://host:port/base``."""
    parts = urlsplit(served)
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if last and any(spec.url == last for spec in PAGES):
        path = path[: -len(last)].rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


def secrets() -> dict[str, Any]:
    """Streamlit's secrets as a dict (empty when there is no secrets file)."""
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets file at all raises; that simply means "no secrets"
        return {}


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
        if state.get("token"):
            switch_project(state)
        state["token"] = params["k"]
    if params.get("n") and not state.get("who"):
        state["who"] = params["n"].strip()[:200]  # an old link with the name: honoured once, then dropped
    if not state.get("who"):
        state["who"] = browser.cookie_name()
    try:
        store = process.store()  # the embedded engine starts on the first call
    except PartnershipError as exc:  # the database cannot start or be reached: say so, in words
        log.exception("no store")
        st.error(describe(exc, lang))
        st.stop()
    access, link_error = None, ""
    token = state.get("token")
    if token:
        try:
            access = store.open(token)
        except InvalidLink:
            link_error = "invalid_link"
            state.pop("token", None)
        except PartnershipError as exc:
            link_error = exc.code
    ctx = Ctx(store=store, lang=lang, session_id=state["session_id"], access=access, link_error=link_error,
              name=state.get("who", ""))
    note_opened(ctx, state)
    keep_in_url(ctx)
    state["ctx"] = ctx
    return ctx


def note_opened(ctx: Ctx, state: Any) -> None:
    """Once per session and link: record that the link has been opened (the owner's
    overview offers the partner link until then). A failure here blocks nothing."""
    if ctx.access is None or state.get("opened_noted") == ctx.access.token:
        return
    try:
        ctx.store.mark_opened(ctx.access)
    except PartnershipError:
        log.warning("could not record a link's first opening", exc_info=True)
        return
    state["opened_noted"] = ctx.access.token


KEEP_ON_SWITCH = frozenset({"lang", "session_id", "who", "lang_switch", "ps_opened", "ps_device"})


def switch_project(state: Any) -> None:
    """Another project's link opened in this tab: forget everything of the previous one
    (open editors, confirmations, notices) but the language and the person's name."""
    for key in list(state.keys()):
        if key not in KEEP_ON_SWITCH:
            del state[key]


def keep_in_url(ctx: Ctx) -> None:
    """Put token and language back in the URL so reloads and bookmarks keep working; the
    name never goes there (it is remembered per browser)."""
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
    if ctx.lang != DEFAULT_LANG:
        out["lang"] = ctx.lang
    return out


def ctx() -> Ctx:
    """This run's context (set by ``start``); in a callback, the previous run's."""
    current: Ctx = st.session_state["ctx"]
    return current


PAGE = "shell_page"
"""Session key of the ``Page`` the last run opened (``require``)."""


def current() -> Page:
    """The page context the last run opened, for widget callbacks (they run before the
    page script, and only for widgets that page drew, so after a ``require``)."""
    found: Page = st.session_state[PAGE]
    return found


def pages(c: Ctx) -> list[Any]:
    """Every page, always registered (so deep links work as the first request), for the
    menu at the top; the menu shows only those the role may open. One flat list, no
    sections: on a narrow screen Streamlit moves a sectioned menu into the sidebar as a
    list whose section wrappers break its markup (axe-core's "list" rule)."""
    made = {}
    for spec in PAGES:
        shown = (c.access.role in spec.roles if c.access else spec.url in OPEN) and spec.url != "privacy"
        made[spec.url] = st.Page(
            spec.file, title=c.t(spec.title), icon=spec.icon, url_path=spec.url or None, default=not spec.url,
            visibility="visible" if shown else "hidden",
        )
    c.pages.clear()
    c.pages.update(made)
    return list(made.values())


def sidebar(c: Ctx, snap: Snapshot | None) -> None:
    """The menu, the language switch, the store in use, and who else is here."""
    with st.sidebar:
        st.markdown(f"### :material/handshake: {c.t('app.name')}")
        if snap is not None:
            st.caption(f"**{usertext.plain(snap.project.title)}** · {c.t('role.' + snap.role.value)}")
        st.divider()
        choice = st.segmented_control(
            c.t("app.language"), options=list(LANGS), format_func=lambda x: {"da": "Dansk", "en": "English"}[x],
            default=c.lang, key="lang_switch",
        )
        if choice and choice != c.lang:
            st.session_state["lang"] = choice
            keep_in_url(replace(c, lang=choice))
            st.rerun()
        kind = "embedded" if getattr(c.store, "embedded", False) else c.store.backend
        st.caption(c.t(f"app.store_{kind}"))
        if "privacy" in c.pages:  # in the sidebar, not the top menu: that one would overflow ("3 more")
            st.page_link(c.pages["privacy"], label=c.t("nav.privacy"), icon=":material/shield_person:")
        browser.helpers(c.name, c.access.token if c.access else "",
                        association=c.access is not None and c.access.role.is_association)


def someone(c: Ctx, role: Role) -> str:
    """How a presence line names someone of ``role`` who gave no name: "en fra partneren"."""
    return c.t(f"live.someone.{role.value}")


def presence_line(c: Ctx, others: list[Presence]) -> None:
    """Who else has the partnership open: "Ole (partneren), en læser"."""
    if others:
        names = ", ".join(sorted({f"{usertext.plain(p.name)} ({c.t('role.' + p.role.value)})" if p.name
                                  else someone(c, p.role) for p in others}))
        st.caption(c.t("live.here", names=names))


def require(c: Ctx, spec_url: str) -> Page:
    """Stop the page with a clear message unless a link is open and its role may see it;
    else return the page context with the snapshot (kept for callbacks: ``current``)."""
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
    try:
        snap = c.store.snapshot(c.access)
    except PartnershipError as exc:
        sidebar(c, None)
        st.error(describe(exc, c.lang))
        keep_drafts()
        if not isinstance(exc, InvalidLink):
            _retry_until_back(c, c.access)
        st.stop()
    restore_drafts()
    sidebar(c, snap)
    if c.access.role not in spec.roles:
        st.warning(c.t(f"app.not_for.{c.access.role.value}"))
        st.stop()
    page = Page(store=c.store, lang=c.lang, session_id=c.session_id, access=c.access, name=c.name, pages=c.pages,
                snap=snap)
    st.session_state[PAGE] = page
    return page


DRAFT_PREFIXES = ("fe_", "re_")
"""Session keys of the inline editors (fields, records) whose typed text must survive."""


DRAFTS = "shell_drafts"
"""Session key of the editors' texts kept while the page could not draw them."""


def keep_drafts() -> None:
    """Keep what is typed in editors this run does not draw (the page stops early when
    the store fails): Streamlit drops the state of widgets a run leaves out, so the texts
    go to a plain session key until ``restore_drafts`` puts them back."""
    kept: dict[str, str] = st.session_state.setdefault(DRAFTS, {})
    for key in list(st.session_state.keys()):
        value = st.session_state[key]
        if isinstance(key, str) and key.startswith(DRAFT_PREFIXES) and isinstance(value, str) and value:
            kept[key] = value


def restore_drafts() -> None:
    """Put kept editor texts back before the editors are drawn again - set anew even where
    the server still has them, because only a value set this run is sent to the browser,
    which forgot the widget when the page stopped without it."""
    for key, value in st.session_state.pop(DRAFTS, {}).items():
        st.session_state[key] = value


def _retry_until_back(c: Ctx, access: Access) -> None:
    """While the store cannot be read, look again every few seconds and redraw the page
    (drafts and all) as soon as it answers."""

    @st.fragment(run_every=3)
    def retry() -> None:
        try:
            c.store.snapshot(access)  # what failed; only every few seconds, and only while down
        except PartnershipError:
            keep_drafts()
            st.caption(c.t("safety.store_down"))
            return
        flash.by_component()  # the store is back: no person's action
        st.rerun(scope="app")

    retry()


def ask_name(c: Page) -> bool:
    """Ask once per browser session who is here (key ``who_name``; Enter confirms).
    Returns True when a name is known."""
    if c.name:
        return True
    if c.role is Role.VIEWER:
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
