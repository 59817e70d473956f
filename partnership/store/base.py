"""The Store contract every transport implements (PostgreSQL through psycopg, Supabase).

Rules every method follows, whatever the backend:

- A link token alone names project and role. ``open(token)`` turns it into an
  ``Access``; every other method takes that Access and re-checks the role itself (the
  pages are never the only guard). A partner or viewer never receives internal data.
- Every write is compare-and-set: it names the ``expected_version`` it was based on and
  raises ``Conflict`` (with ``.current``) when the stored version differs. A field never
  written has version 0; a new record has version 1; each accepted write adds 1.
- Every accepted write bumps the project's revision and appends a history entry (who,
  role, when, old and new value) in the same transaction. Nothing is saved half-way.
- Backend failures surface as ``StorageError`` (cause kept); bad input as
  ``ValidationError``; a role that may not do something as ``Forbidden``; an unknown,
  malformed or revoked token as ``InvalidLink``.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from partnership.errors import InvalidLink
from partnership.model import (
    Access,
    Approval,
    Candidate,
    HealthCheck,
    HistoryEntry,
    Person,
    Presence,
    Role,
    Snapshot,
    Task,
    Timer,
)
from partnership.store.base_mail import MailStore
from partnership.store.base_meetings import MeetingStore
from partnership.store.base_room import RoomMethods
from partnership.store.base_term import TermStore

TOKEN_BYTES = 32
"""256-bit link tokens."""

_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")

PRESENCE_TTL_S = 15
"""A session that has not sent a heartbeat for this long is no longer present."""

LIVE_BATCH = 1000
"""Most tokens (or beats) one ``revisions``/``heartbeats`` call takes; more are ignored."""

CALLER_HEADER = "x-ps-caller"
"""The request header that names who asks for a new project (a digest of the caller the
pages pass), read by the database's creation buckets (the abuse migration)."""

CommitListener = Callable[[str, "int | None", "str | None"], None]
"""``listener(project_id, revision, scope)``, called after a write committed; ``revision`` is
None when the store does not know it (or the project was deleted): ask ``revisions``.
``scope`` says what the write changed when it was one field's text (``field_scope``);
None means anything may have changed."""


def field_scope(key: str, old: str, new: str) -> str:
    """The scope of a field write: ``text:<key>`` when only the text changed (the field
    was filled before and still is, or empty and still empty), ``fill:<key>`` when it went
    from empty to filled or back - which also changes what the steps say is missing."""
    return f"{'text' if bool(old.strip()) == bool(new.strip()) else 'fill'}:{key}"

Beat = tuple[str, str, str, str]
"""One session's presence for ``heartbeats``: (token, session_id, name, editing)."""

_log = logging.getLogger(__name__)


def new_token() -> str:
    """A fresh 256-bit link token, URL-safe (43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The SHA-256 hex digest stored in place of the token. Raises InvalidLink if malformed."""
    if not isinstance(token, str) or not _TOKEN_RE.match(token):
        raise InvalidLink("malformed link", code="invalid_link")
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def presence_id(token: str, session_id: str) -> str:
    """The id a session has in presence lists: a digest of its link and its session id
    (``partnership_private.presence_key`` in SQL). Readers see only this, never the session
    id a page holds; the same session id sent with another link is another person."""
    return hashlib.sha256(f"{hash_token(token)}:{session_id}".encode("utf-8", "surrogatepass")).hexdigest()


def live_digests(tokens: Collection[str]) -> dict[str, str]:
    """Token hash -> token for the well-formed tokens among the first ``LIVE_BATCH`` (the
    batched live calls skip the others: they name no project)."""
    out: dict[str, str] = {}
    for token in list(tokens)[:LIVE_BATCH]:
        try:
            out[hash_token(token)] = token
        except InvalidLink:
            continue
    return out


class Store(MailStore, MeetingStore, TermStore, RoomMethods, ABC):  # the parts kept beside: base_*.py
    """Persistence for partnerships. One instance may be shared by many threads."""

    backend: str = "?"
    """Short name shown in the sidebar: "postgres" or "supabase"."""

    def close(self) -> None:  # noqa: B027 - a backend with nothing to release keeps this
        """Release what the store holds (connections); it is not used afterwards."""

    # -- projects and links -------------------------------------------------------------

    @abstractmethod
    def create_project(self, title: str, our_org: str, creator: str, *,
                       caller: str | None = None) -> tuple[Access, dict[str, str]]:
        """Create a project; return the owner's Access and a token per role
        (``{"owner": ..., "partner": ..., "viewer": ..., "member": ...}``).

        ``caller`` names who asks (the pages: the client address, ``ui.throttle.client``):
        the database allows each caller a few new projects per window, so that one
        caller cannot use up the rate for everybody (ValidationError ``rate_limited``).
        The same holds for ``import_project`` and ``create_example``."""

    @abstractmethod
    def open(self, token: str) -> Access:
        """The Access a token grants. InvalidLink if unknown, malformed or revoked."""

    @abstractmethod
    def rotate_link(self, access: Access, role: Role) -> str:
        """Owner only: a new token for ``role``; the old one stops working at once (a
        project made before members gets its member link this way).
        A new partner or viewer token is kept sealed for ``links``; a new owner token
        re-seals the others under its own key (same transaction)."""

    @abstractmethod
    def links(self, access: Access) -> dict[Role, str | None]:
        """Owner only: the live token of every role, to show again (showing never revokes).
        A member gets the partner's and the viewer's (and its own) while the owner shows
        links to members (``show_links_to_members``), else Forbidden.

        The owner's is the caller's own. A partner or viewer token is kept sealed under a
        key derived from the owner's token (``partnership.store.seal``); one made before
        links were kept that way is None and must be made anew with ``rotate_link``."""

    @abstractmethod
    def show_links_to_members(self, access: Access, show: bool, expected: bool, actor: str) -> int:
        """Owner only: show (or hide) the partner's and the viewer's link to members;
        compare-and-set on the setting's current value ``expected`` (Conflict, whose
        ``current.value`` is the stored value, when it differs). Shown links are sealed a
        second time under the member link's key, so that ``links`` with a member's access
        opens them; hiding drops those seals. Returns the project's new revision."""

    @abstractmethod
    def timer(self, access: Access, action: str, expected_version: int, actor: str) -> Timer:
        """The owner or a member: ``action`` "start" (from what is left; from the full time
        once it has run out), "stop" (keeps what is left) or "reset" step 2's shared
        timer; compare-and-set on its ``version``, with history. Returns the new timer."""

    @abstractmethod
    def opened(self, access: Access) -> set[Role]:
        """Owner only: the roles whose live link has been opened at least once."""

    @abstractmethod
    def mark_opened(self, access: Access) -> None:
        """Record that this live link has been opened (the first time bumps the revision,
        so that the owner's overview notices the partner has arrived). Any role."""

    @abstractmethod
    def update_project(
        self, access: Access, changes: Mapping[str, str], expected_version: int, actor: str
    ) -> int:
        """Owner only: change ``title``, ``our_org``, ``partner_org`` or ``website``.
        Returns the project's new version."""

    @abstractmethod
    def delete_project(self, access: Access) -> None:
        """Owner only: remove the project and everything in it."""

    # -- reading ------------------------------------------------------------------------

    @abstractmethod
    def snapshot(self, access: Access) -> Snapshot:
        """Everything this role may see, including the revision, in one round trip."""

    @abstractmethod
    def revision(self, access: Access) -> int:
        """The project's revision: a cheap read that changes on every accepted write."""

    @abstractmethod
    def history(self, access: Access, limit: int = 1000) -> list[HistoryEntry]:
        """Newest first; a partner or viewer gets only entries about joint content."""

    # -- fields -------------------------------------------------------------------------

    @abstractmethod
    def set_field(self, access: Access, key: str, value: str, expected_version: int, actor: str) -> int:
        """Compare-and-set one free-text field; returns its new version.

        Internal keys (steps 1-3) are owner only; joint keys owner or partner, and not
        while the agreement is signed (Forbidden, code "signed")."""

    # -- structured records --------------------------------------------------------------

    @abstractmethod
    def add_candidate(self, access: Access, name: str, actor: str, device: str = "") -> Candidate:
        """Owner only: record a suggestion at the end of the list, in the order named.
        A name already in the list (case-insensitive) is a ValidationError
        (code "duplicate_candidate"). While step 2's reflection round is open the
        suggestion is private to ``device``, the secret of the browser that makes it
        (``Store.private_round``; "" for none: then it is nobody's until the round ends)."""

    @abstractmethod
    def update_candidate(
        self, access: Access, candidate_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        """Owner only: change a candidate (see validation.CANDIDATE_FIELDS). Candidates are
        never deleted. Setting ``priority`` p moves whoever held p off it (same write)."""

    @abstractmethod
    def record_refusal(
        self, access: Access, candidate_id: str, expected_version: int, actor: str,
        email: str | None = None, email_version: int = 0,
    ) -> Candidate | None:
        """Owner only, atomically: mark the candidate refused, drop its priority, move the
        remaining top-three up one place, and return the new first priority (or None).

        With ``email``, the contact e-mail (s3_email) is redrafted in the same transaction,
        compare-and-set on ``email_version``: a Conflict there saves nothing at all.

        The open internal follow-up tasks (``contact.is_open_follow_up``: the reminders to
        chase this answer) are marked done in the same transaction too."""

    @abstractmethod
    def said_yes(self, access: Access, candidate_id: str, expected_version: int, actor: str) -> int:
        """Owner only, atomically: the candidate said yes. Compare-and-set on the
        project's version: ``partner_org`` becomes the candidate's name and every open
        internal follow-up task (``contact.is_open_follow_up``) is marked done, each change
        with its history entry. Returns the project's new version. A Conflict (the
        project moved on) saves nothing at all."""

    @abstractmethod
    def add_person(self, access: Access, fields: Mapping[str, Any], actor: str) -> Person:
        """Add a person (name and side required). A partner may add only partner-side people.
        A non-empty ``contact`` needs ``contact_consent: True`` (the person agreed; the store
        records it), else ValidationError code "consent_required"; the same for a change
        to a new contact in ``update_person``."""

    @abstractmethod
    def update_person(
        self, access: Access, person_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        """Change a person; owner any, partner only partner-side people."""

    @abstractmethod
    def erase_person(self, access: Access, person_id: str, expected_version: int, actor: str) -> int:
        """Owner only: remove a person's details everywhere - name, title, contact, every
        history entry about them, their recorded consents, their responsibility for tasks -
        leaving an empty person and one history entry saying who erased it. Returns the
        person's new version (compare-and-set on ``expected_version``)."""

    @abstractmethod
    def add_task(self, access: Access, fields: Mapping[str, Any], actor: str) -> Task:
        """Add a task (title required). Internal tasks are owner only. Due before start is
        a ValidationError (code "due_before_start")."""

    @abstractmethod
    def update_task(
        self, access: Access, task_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        """Change a task; the same role rules as add_task."""

    @abstractmethod
    def restore(self, access: Access, entry_id: int, expected_version: int, actor: str) -> int:
        """Write the value a history entry set (its ``new``) back as a new version."""

    # -- agreement ----------------------------------------------------------------------

    @abstractmethod
    def approve(self, access: Access, name: str, content_hash: str, markdown: str, actor: str) -> Approval:
        """Approve the agreement text ``markdown`` (whose SHA-256 is ``content_hash``) on
        behalf of the caller's side. When both sides have approved the same hash the
        project is signed and the text kept. Viewer: Forbidden; a member too (code
        "owner_signs": the owner's link signs for the association, and reopens). The same side approving
        the same hash twice: ValidationError (code "already_approved")."""

    @abstractmethod
    def reopen(self, access: Access, actor: str) -> int:
        """Owner or partner: unlock a signed agreement for changes (the signed version
        stays readable in ``Snapshot.signed_versions``). Returns the new revision."""

    # -- follow-up ----------------------------------------------------------------------

    @abstractmethod
    def add_health_check(
        self, access: Access, name: str, answers: Mapping[str, tuple[str, str]], actor: str
    ) -> HealthCheck:
        """Owner or partner: one side's health-check answers at a follow-up."""

    # -- presence -----------------------------------------------------------------------

    @abstractmethod
    def heartbeat(self, access: Access, session_id: str, name: str, editing: str) -> tuple[int, list[Presence]]:
        """Say this session is here (editing field ``editing`` or ""), and return the
        revision and everyone else present - one call, for the live poller."""

    # -- live -----------------------------------------------------------------------------

    def add_commit_listener(self, listener: CommitListener) -> None:
        """Have ``listener`` called after every write that changed a project's revision has
        committed (in the writing thread; it must be quick and must not call the store).
        The composition root attaches the live hub this way, so that the store never
        imports it."""
        self.__dict__.setdefault("_commit_listeners", []).append(listener)

    @property
    def pushes_commits(self) -> bool:
        """True while the store tells its commit listeners about commits made by any
        process (then the live hub needs no periodic revision check)."""
        return False

    def _committed(self, project_id: str, revision: int | None, scope: str | None = None) -> None:
        for listener in list(self.__dict__.get("_commit_listeners", ())):
            try:
                listener(project_id, revision, scope)
            except Exception:  # a listener's failure must never undo or fail a save
                _log.exception("commit listener failed")

    @abstractmethod
    def revisions(self, tokens: Collection[str]) -> dict[str, int]:
        """The revision of the project behind each token, for many tokens in one round
        trip (the live hub's batched check). Only valid, unrevoked tokens are in the
        answer: malformed, unknown or revoked ones are left out, with no error and no
        information about any project. At most ``LIVE_BATCH`` tokens are looked at. A
        busy database raises StorageError quickly instead of waiting."""

    @abstractmethod
    def heartbeats(self, beats: Sequence[Beat]) -> dict[str, list[Presence]]:
        """Say that many sessions are here, in one round trip (the live hub's low-rate
        presence sync across processes), and return, for each valid token among the
        beats, everyone present in its project (these sessions included). Beats with an
        invalid token or bad text are ignored. A busy database raises StorageError
        quickly instead of waiting."""

    # -- exchange -----------------------------------------------------------------------

    @abstractmethod
    def export_project(self, access: Access) -> dict[str, Any]:
        """Everything this role may see, and its history, as JSON-ready data
        (format in ``partnership.exchange``)."""

    @abstractmethod
    def import_project(self, data: Mapping[str, Any], creator: str, *,
                       caller: str | None = None) -> tuple[Access, dict[str, str]]:
        """Recreate an export as a new project with new links; records keep their ids,
        versions and history. One transaction: a refused record leaves no project.
        Approvals, signed versions and the signed state are never imported."""

    @abstractmethod
    def create_example(self, data: Mapping[str, Any], creator: str, *,
                       caller: str | None = None) -> tuple[Access, dict[str, str]]:
        """The app's example project (``partnership.demo``) as one new project, in one
        transaction: ``data`` is an export document, checked and stored exactly as
        ``import_project`` does (never approvals or the signed state), except that its
        history is kept as it is, without the "import" entry (the app wrote it)."""
