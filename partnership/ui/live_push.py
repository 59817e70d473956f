"""The push side of the live page: this process's hub and the subscriber component.

``get_hub()`` makes the process's live hub once and attaches it to the store as a
commit listener (the store never imports it). ``mount()`` draws the tiny
components-v2 subscriber: it opens the page's event stream (partnership/web/events.py),
shows who else is here, and triggers a rerun when the project's revision passes the
one the page rendered, or when someone starts or stops editing a field the page shows.
While a dialog is open it shows a notice instead (a rerun would close the dialog).

The JavaScript keeps its EventSource at module level (on ``window``), so that the
default export - which runs again whenever ``data`` changes - is idempotent; a dropped
stream is reopened with back-off and catches up by revision (the stream's first event
is the current state). If the stream never opens (a host that does not route custom
paths), it asks the page, once, to fall back to the poller.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import quote

import streamlit as st

from partnership.live.hub import Hub, install
from partnership.model import Access, Snapshot
from partnership.store.base import Store
from partnership.ui import shell
from partnership.web import asgi

JS = r"""
const S = (window.__psLive = window.__psLive || {});
const BURST_MS = 25;  // events this close together are one change
const SETTLE_MS = 1000;  // after this person's own click or key, their own run may not have started yet

S.stats = S.stats || {full: 0};  // reruns asked for (field_view.py adds the views' fetches), read by the tests

if (!S.listening) {
  S.listening = true;
  S.touched = 0;
  for (const type of ["pointerdown", "keydown"]) {
    document.addEventListener(type, () => { S.touched = Date.now(); }, true);
  }
}

function others(d, here) {
  return (here || []).filter(p => p.s !== d.me && !(d.name && p.n === d.name && p.r === d.role));
}

function fingerprint(d, list) {
  return list.filter(p => p.e && d.shown.includes(p.e)).map(p => p.s + ":" + p.n + ":" + p.e).sort();
}

function busy() {  // a run is under way, or about to start from this person's own action
  const app = document.querySelector('[data-testid="stApp"]');
  return (!!app && app.getAttribute("data-test-script-state") === "running") || Date.now() - S.touched < SETTLE_MS;
}

function whenIdle(act) {  // never interrupt a run: it may be the one that changed the link
  if (busy()) { setTimeout(() => whenIdle(act), 100); return; }
  act();
}

function draw() {
  const c = S.comp;
  if (!c || !c.parentElement) return;
  const d = c.data, root = c.parentElement;
  let line = root.querySelector(".ps-here"), note = root.querySelector(".ps-note");
  if (!line) { line = document.createElement("div"); line.className = "ps-here"; root.appendChild(line); }
  if (!note) { note = document.createElement("div"); note.className = "ps-note"; root.appendChild(note); }
  const list = S.last ? others(d, S.last.here) : [];
  const names = [...new Set(list.map(p => p.n ? p.n + " (" + d.roles[p.r] + ")" : d.someone[p.r]))].sort();
  line.textContent = names.length ? d.here.replace("{names}", names.join(", ")) : "";
  note.textContent = S.notice ? d.notice : "";
}

function uncovered(d, ev) {  // a change since the page's run that none of its field views redraws
  if (typeof ev.rev !== "number" || ev.rev <= d.rev) return false;
  if (ev.rev - d.rev > 64) return true;
  const scopes = new Map((ev.changes || []).map(ch => [ch[0], ch[1]]));
  for (let r = d.rev + 1; r <= ev.rev; r++) {
    const scope = scopes.get(r);
    if (!scope || !(d.covered || []).includes(scope)) return true;
  }
  return false;
}

function decide() {
  clearTimeout(S.later);
  const c = S.comp;
  if (!c || !S.last) return;
  const d = c.data;
  const fp = fingerprint(d, others(d, S.last.here));
  const changed = uncovered(d, S.last) || JSON.stringify(fp) !== JSON.stringify([...d.seen].sort());
  S.notice = changed && d.dialog;
  if (d.dialog) return;
  if (!changed) return;
  if (busy()) { S.later = setTimeout(decide, 100); return; }  // the page is redrawing: look again after
  const want = S.last.rev + "|" + fp.join(",");
  if (S.asked === want) return;  // one rerun per change
  S.asked = want;
  S.stats.full += 1;
  c.setTriggerValue("rerun", want);
}


function fail(es) {
  es.close();
  if (S.es === es) S.es = null;
  clearTimeout(S.stall);
  if (!S.opened && S.tries >= 1) {  // never connected, twice: no stream here, use the poller
    S.fallen = true;
    whenIdle(() => { if (S.comp) S.comp.setTriggerValue("fallback", "unreachable"); });
    return;
  }
  const delay = Math.min(30000, 500 * 2 ** S.tries) * (0.75 + Math.random() / 2);
  S.tries += 1;
  S.timer = setTimeout(() => { S.timer = null; connect(); }, delay);
}

function connect() {
  const es = new EventSource(S.url);
  S.es = es;
  let open = false;
  S.stall = setTimeout(() => { if (!open && S.es === es) fail(es); }, 5000);
  es.onopen = () => { open = true; S.opened = true; S.tries = 0; clearTimeout(S.stall); };
  es.onerror = () => { if (S.es === es) fail(es); };
  es.onmessage = (m) => {
    let ev;
    try { ev = JSON.parse(m.data); } catch (e) { return; }
    if (ev.type === "gone") {  // link revoked or project deleted: the page says so
      es.close(); S.es = null; S.gone = true;
      whenIdle(() => { if (S.comp) S.comp.setTriggerValue("rerun", "gone"); });
      return;
    }
    S.last = ev;
    draw();
    if (S.viewEvent) S.viewEvent(ev);  // field views redraw by themselves (field_view.py)
    // Changes come in bursts (a save, then "stopped editing"): decide once they settle.
    clearTimeout(S.later);
    S.later = setTimeout(decide, BURST_MS);
  };
}

export default function (component) {
  const d = component.data;
  S.comp = component;
  if (!d || !d.url) return;
  if (S.url !== d.url) {  // another link or session: start over
    if (S.es) S.es.close();
    clearTimeout(S.timer); clearTimeout(S.stall); clearTimeout(S.later);
    Object.assign(S, {url: d.url, es: null, timer: null, opened: false, tries: 0, last: null, asked: null,
                      gone: false, fallen: false, notice: false});
    connect();
  } else if (!S.es && !S.timer && !S.gone && !S.fallen) {
    connect();
  }
  decide();
  draw();
}
"""

CSS = """
.ps-here, .ps-note { font-size: 0.875rem; color: var(--st-text-color); opacity: 0.7; }
.ps-note { opacity: 0.9; }
"""

_subscriber = st.components.v2.component("partnership_live", js=JS, css=CSS, isolate_styles=False)

_fresh: OrderedDict[str, Snapshot] = OrderedDict()
_fresh_lock = threading.Lock()
_reading: dict[str, threading.Lock] = {}  # per link: the snapshot read under way
FRESH_KEPT = 256
"""Snapshots kept for the field views' fetches: the newest one per link."""


def check_seconds() -> float:
    """Seconds between the hub's batched cross-process checks (PARTNERSHIP_LIVE_CHECK_S,
    default 0.5)."""
    try:
        return max(0.05, float(os.environ.get("PARTNERSHIP_LIVE_CHECK_S", "0.5")))
    except ValueError:
        return 0.5


def _release(hub: Hub) -> None:
    hub.close()


@st.cache_resource(show_spinner=False, on_release=_release)
def get_hub() -> Hub:
    """This process's live hub, attached to the store as its commit listener."""
    store = shell.get_store()
    hub = Hub(store, interval=check_seconds())
    store.add_commit_listener(hub.publish)
    install(hub)
    return hub


def events_url(c: shell.Page) -> str:
    return f"{asgi.path('/events')}?k={quote(c.access.token)}&s={quote(c.session_id)}&l={c.lang}"


def snapshot_now(store: Store, access: Access) -> Snapshot:
    """The project as ``access`` sees it now. Fifty tabs on one link fetch a field view
    for the same change: the snapshot is read once and kept, per link, until the hub
    knows a newer revision."""
    token = access.token
    wanted = get_hub().revision(access.project_id)
    with _fresh_lock:
        reading = _reading.setdefault(token, threading.Lock())
    with reading:  # one read per link at a time: the others take what it read
        with _fresh_lock:
            kept = _fresh.get(token)
        if kept is not None and wanted is not None and kept.revision >= wanted:
            return kept
        snap = store.snapshot(access)
        with _fresh_lock:
            _fresh[token] = snap
            _fresh.move_to_end(token)
            while len(_fresh) > FRESH_KEPT:
                gone, _ = _fresh.popitem(last=False)
                _reading.pop(gone, None)
    return snap


def mount(c: shell.Page, revision: int, shown: list[str], seen: list[str], dialog: bool,
          on_fallback: Callable[[], None], covered: list[str] | None = None) -> None:
    """Draw the subscriber for the page this run rendered at ``revision``; ``covered``:
    the change scopes the page's field views redraw by themselves."""
    roles = {r: c.t("role." + r) for r in ("owner", "member", "partner", "viewer")}
    _subscriber(
        key="live_sub",
        data={
            "url": events_url(c), "rev": revision, "me": c.session_id, "name": c.name,
            "role": c.access.role.value, "shown": shown, "seen": seen, "dialog": dialog,
            "here": c.t("live.here", names="{names}"), "roles": roles,
            "someone": {r: c.t("live.someone", role=label) for r, label in roles.items()},
            "notice": c.t("live.changed_notice"), "covered": covered or [],
        },
        on_rerun_change=_noop, on_fallback_change=on_fallback,
    )


def _noop() -> None:
    """The trigger itself reruns the script; nothing else to do."""
