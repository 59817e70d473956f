"""The live hub: one per app process, between the store and the open event streams.

- **Same process.** The composition root attaches ``publish`` to the store as a commit
  listener: a write by any session of this process reaches every subscriber of its
  project the moment it commits (the store never imports the hub).
- **Other processes** (the CLI, another replica): PostgreSQL's NOTIFY where the store
  listens, else one batched ``store.revisions(tokens)`` per ``interval`` for every watched
  token together (none while nobody is subscribed). A token missing from the answer
  (revoked link, deleted project) ends its streams with a "gone" event.
- **Presence** comes from the live connections: a session is here while its stream is
  open, and for ``GRACE_S`` after its page last ran or its stream closed (a page switch
  does not flicker), with its name and the field it edits. Other processes' sessions
  arrive through one batched ``store.heartbeats`` every ``presence_interval`` seconds,
  which also tells them about ours; a page about to draw asks the store itself while no
  sync has covered its project yet (``present_first``).

Subscribers get JSON-ready dicts: ``{"type": "state", "rev": n, "here": [...], "changes":
[[rev, scope], ...]}`` or ``{"type": "gone"}``. ``here``: everyone present as ``{"s", "n",
"r", "e"}`` - presence id (``store.base.presence_id``, a digest of link and session: a stream
speaks only for a session of its own link), name, role, the field edited (never an internal
one to a partner or viewer: ``steps.editing_visible_to``). ``changes``: the newest revisions
one by one with what each changed (``field_scope``; None when unknown or not visible), so a
page whose field views (``ui/field_view.py``) redraw every change does not rerun at all.
Deliver callbacks run on any thread and must be quick. No streamlit import: plain Python.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from partnership.errors import PartnershipError
from partnership.model import Access, Presence, Role
from partnership.steps import editing_visible_to
from partnership.store.base import Beat, Store, presence_id
from partnership.usertext import clean

log = logging.getLogger(__name__)

GRACE_S = 10.0
"""A session stays present this long after its page last ran or its last stream closed."""

CHANGES_KEPT = 64
"""How many revisions' scopes the hub remembers per project (older ones count as unknown)."""

Deliver = Callable[[dict[str, Any]], None]


@dataclass(eq=False)
class Subscriber:
    """One open event stream."""

    token: str
    project_id: str
    role: Role
    session_id: str
    deliver: Deliver
    closed: bool = False


@dataclass
class _Session:
    token: str
    project_id: str
    role: Role
    sid: str
    """The page's own session id (sent to the store with its token); the hub keys and shows
    the session by its presence id (``presence_id``) only."""
    name: str = ""
    editing: str = ""
    streams: int = 0
    touched: float = 0.0


@dataclass
class _Project:
    revision: int | None = None
    subscribers: list[Subscriber] = field(default_factory=list)
    remote: tuple[Presence, ...] = ()
    synced: bool = False  # a presence sync has told ``remote`` since the project was watched
    changes: deque[tuple[int, str | None]] = field(default_factory=lambda: deque(maxlen=CHANGES_KEPT))


class Hub:
    """Publish at commit, one batched check per interval, presence from the streams."""

    def __init__(self, store: Store, *, interval: float = 0.5, presence_interval: float = 5.0,
                 clock: Callable[[], float] = time.monotonic, thread: bool = True) -> None:
        self.store = store
        self.interval = interval
        self.presence_interval = presence_interval
        self._clock = clock
        self._lock = threading.RLock()
        self._projects: dict[str, _Project] = {}
        self._sessions: dict[str, _Session] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_presence = 0.0
        self._urgent = False
        self._threaded = thread
        self._present_keys: dict[str, tuple[str, ...]] = {}
        self._heard: dict[str, tuple[float, tuple[Presence, ...]]] = {}
        """Other processes' sessions a page learnt (``present_first``), by project, with when:
        a stream that begins soon after is told them at once, not after the next sync."""

    # -- the store tells us ----------------------------------------------------------------

    def publish(self, project_id: str, revision: int | None, scope: str | None = None) -> None:
        """A write committed (the store's commit listener). ``revision`` None: unknown or the project is
        gone - check at once, in the hub's thread. ``scope``: what it changed (``field_scope``) or None."""
        if revision is None:
            with self._lock:
                if project_id not in self._projects:
                    return
                self._urgent = True
            self._wake.set()
            return
        self._advance(project_id, revision, scope)

    def _advance(self, project_id: str, revision: int, scope: str | None = None) -> None:
        with self._lock:
            project = self._projects.get(project_id)
            if project is None or (project.revision is not None and revision <= project.revision):
                return
            # Only the revision right after the known one has a known scope; a jump (writes
            # from another process, seen by the batched check) leaves its revisions unknown.
            known = project.revision is not None and revision == project.revision + 1
            project.revision = revision
            project.changes.append((revision, scope if known else None))
        self._notify(project_id)

    # -- streams ---------------------------------------------------------------------------

    def subscribe(self, access: Access, session_id: str, deliver: Deliver, revision: int | None = None) -> Subscriber:
        """Register an open stream; it gets the current state at once. The stream speaks
        for the session ``session_id`` of its own link only (keyed by ``presence_id``)."""
        sub = Subscriber(access.token, access.project_id, access.role, presence_id(access.token, session_id), deliver)
        with self._lock:
            project = self._projects.get(access.project_id)
            if project is None:
                heard, remote = self._heard.pop(access.project_id, (0.0, ()))
                fresh = self._clock() - heard < self.presence_interval
                project = self._projects[access.project_id] = _Project(remote=remote if fresh else ())
            if revision is not None and (project.revision is None or revision > project.revision):
                project.revision = revision
            project.subscribers.append(sub)
            session = self._session(access, session_id)
            session.streams += 1
            session.touched = self._clock()
        self._ensure_thread()
        self._wake.set()  # the thread may be waiting for a first subscriber
        self._notify(access.project_id)
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        with self._lock:
            if sub.closed:
                return
            sub.closed = True
            project = self._projects.get(sub.project_id)
            if project is not None and sub in project.subscribers:
                project.subscribers.remove(sub)
                if not project.subscribers:
                    del self._projects[sub.project_id]
            session = self._sessions.get(sub.session_id)
            if session is not None:
                session.streams = max(0, session.streams - 1)
                session.touched = self._clock()
                if session.streams == 0:  # the page is gone: present a little longer, editing nothing
                    session.editing = ""
        self._notify(sub.project_id)

    def streams(self) -> int:
        """Open streams in this process."""
        with self._lock:
            return sum(len(p.subscribers) for p in self._projects.values())

    def revision(self, project_id: str) -> int | None:
        """The newest revision the hub knows for a watched project (None if not watched)."""
        with self._lock:
            project = self._projects.get(project_id)
            return project.revision if project else None

    # -- presence --------------------------------------------------------------------------

    def _session(self, access: Access, session_id: str) -> _Session:
        key = presence_id(access.token, session_id)
        session = self._sessions.get(key)
        if session is None:
            session = self._sessions[key] = _Session(access.token, access.project_id, access.role, session_id)
        return session

    def here(self, access: Access, session_id: str, name: str, editing: str) -> None:
        """A page of this session just ran: who it is and which editor it has open."""
        with self._lock:
            session = self._session(access, session_id)
            changed = (session.name, session.editing) != (name, editing)
            session.name, session.editing, session.touched = name, editing, self._clock()
        if changed:
            self._notify(access.project_id)

    def present(self, project_id: str) -> list[Presence]:
        """Everyone present in the project: this process's sessions, then other processes'."""
        with self._lock:
            return self._present(project_id)

    def present_first(self, access: Access, session_id: str, name: str) -> list[Presence]:
        """Everyone present, for a page about to draw. Until a presence sync has covered the
        project, other processes' sessions are asked of the store with one heartbeat of this
        session (which tells them about it); if it cannot answer, what the hub knows."""
        with self._lock:
            if (project := self._projects.get(access.project_id)) is not None and project.synced:
                return self._present(access.project_id)
        try:
            answer = self.store.heartbeats([(access.token, session_id, name, "")])
        except PartnershipError:
            answer = {}
        with self._lock:
            ours = {presence_id(access.token, session_id), *self._sessions}
            remote = [p for p in answer.get(access.token, []) if p.session_id not in ours]
            now = self._clock()
            self._heard = {k: v for k, v in self._heard.items() if now - v[0] < self.presence_interval}
            self._heard[access.project_id] = (now, tuple(remote))
            if (project := self._projects.get(access.project_id)) is not None:
                project.remote = tuple(remote)  # watched, not synced yet
            return sorted(self._present(access.project_id) + remote, key=lambda p: (p.name, p.session_id))

    def _present(self, project_id: str) -> list[Presence]:
        now = self._clock()
        local = [Presence(sid, s.name, s.role, s.editing) for sid, s in self._sessions.items()
                 if s.project_id == project_id and (s.streams > 0 or now - s.touched < GRACE_S)]
        project = self._projects.get(project_id)
        ours = {p.session_id for p in local}
        remote = [p for p in (project.remote if project else ()) if p.session_id not in ours]
        return sorted(local + remote, key=lambda p: (p.name, p.session_id))

    def _forget_sessions(self) -> None:
        now = self._clock()
        for sid in [sid for sid, s in self._sessions.items() if s.streams == 0 and now - s.touched >= GRACE_S]:
            del self._sessions[sid]

    # -- telling the subscribers -----------------------------------------------------------

    @staticmethod
    def payload(revision: int | None, present: list[Presence], role: Role,
                changes: tuple[tuple[int, str | None], ...] = ()) -> dict[str, Any]:
        """The state event for a reader with ``role``."""
        return {"type": "state", "rev": revision, "here": [
            {"s": p.session_id, "n": clean(p.name), "r": p.role.value, "e": editing_visible_to(role, p.editing)}
            for p in present], "changes": [[rev, _visible_scope(role, scope)] for rev, scope in changes]}

    def _notify(self, project_id: str) -> None:
        with self._lock:
            project = self._projects.get(project_id)
            if project is None:
                return
            present = self._present(project_id)
            self._present_keys[project_id] = tuple(f"{p.session_id}:{p.name}:{p.editing}" for p in present)
            changes = tuple(project.changes)
            by_role = {role: self.payload(project.revision, present, role, changes)
                       for role in {s.role for s in project.subscribers}}
            targets = [(s, by_role[s.role]) for s in project.subscribers]
        for sub, event in targets:
            self._send(sub, event)

    @staticmethod
    def _send(sub: Subscriber, event: dict[str, Any]) -> None:
        try:
            sub.deliver(event)
        except Exception:  # one broken stream must not stop the others
            log.exception("live subscriber failed")

    def _end(self, sub: Subscriber) -> None:
        self._send(sub, {"type": "gone"})
        self.unsubscribe(sub)

    # -- the batched checks ----------------------------------------------------------------

    def check(self) -> None:
        """One batched revision check for every watched token (one store call; none when
        nobody is subscribed). Streams whose token stopped working are ended."""
        with self._lock:
            subs = [s for p in self._projects.values() for s in p.subscribers]
        if not subs:
            return
        try:
            answer = self.store.revisions(sorted({s.token for s in subs}))
        except PartnershipError as exc:  # busy or unreachable: skip this round
            log.debug("live check skipped: %s", exc)
            return
        for sub in subs:
            if sub.token not in answer:
                self._end(sub)
        for sub in subs:
            if sub.token in answer:
                self._advance(sub.project_id, answer[sub.token])

    def sync_presence(self) -> None:
        """Tell the store who is here in this process and learn who is here elsewhere
        (one store call for every watched project together)."""
        with self._lock:
            self._forget_sessions()
            watched = set(self._projects)
            now = self._clock()
            beats: list[Beat] = [
                (s.token, s.sid, s.name, s.editing) for s in self._sessions.values()
                if s.project_id in watched and (s.streams > 0 or now - s.touched < GRACE_S)]
        if not beats:
            return
        try:
            answer = self.store.heartbeats(beats)
        except PartnershipError as exc:
            log.debug("presence sync skipped: %s", exc)
            return
        changed = []
        with self._lock:
            for token, people in answer.items():
                project_id = next((s.project_id for s in self._sessions.values() if s.token == token), None)
                project = self._projects.get(project_id or "")
                if project_id is None or project is None:
                    continue
                remote = tuple(p for p in people if p.session_id not in self._sessions)
                project.synced = True
                if remote != project.remote:
                    project.remote = remote
                    changed.append(project_id)
            for project_id in watched:  # a session that ran out of grace leaves
                keys = tuple(f"{p.session_id}:{p.name}:{p.editing}" for p in self._present(project_id))
                if keys != self._present_keys.get(project_id) and project_id not in changed:
                    changed.append(project_id)
        for project_id in changed:
            self._notify(project_id)

    def tick(self) -> None:
        """What the hub's thread does each interval (no revision check when the store pushes
        every process's commits, NOTIFY, unless a notice asked: a revoked link, a deleted project)."""
        with self._lock:
            urgent, self._urgent = self._urgent, False
        if urgent or not self.store.pushes_commits:
            self.check()
        now = self._clock()
        if now >= self._next_presence:
            self._next_presence = now + self.presence_interval
            self.sync_presence()

    # -- the thread ------------------------------------------------------------------------

    def _ensure_thread(self) -> None:
        """Start the hub's thread (unless made with ``thread=False``: tests call ``tick``)."""
        with self._lock:
            if not self._threaded:
                return
            if self._thread is not None and self._thread.is_alive():
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="live-hub", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                idle = not self._projects
            woken = self._wake.wait(None if idle else self.interval)
            self._wake.clear()
            if self._stop.is_set():
                return
            with self._lock:
                urgent, self._urgent = self._urgent, False
            try:
                if urgent:
                    self.check()  # a write whose revision we do not know, or a deleted project
                elif not woken:
                    self.tick()
            except Exception:  # never let the thread die
                log.exception("live hub tick failed")

    def close(self) -> None:
        """Stop the thread (tests; the process's hub lives as long as the process)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)


def _visible_scope(role: Role, scope: str | None) -> str | None:
    """A change's scope as ``role`` may know it: a field it may not see becomes unknown."""
    if scope is None or ":" not in scope:
        return None
    kind, key = scope.split(":", 1)
    return scope if editing_visible_to(role, key) == key else None
