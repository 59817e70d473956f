"""The Supabase store: the Store contract over Supabase's Data API, RPC only.

Every method is one call of one ``public.ps_*`` function of
supabase/migrations/20261126000000_init.sql (SECURITY DEFINER, reachable with the
publishable/anon key). The functions hold every rule - link check, role, validation,
compare-and-set, revision and history in one transaction - so this adapter only turns
arguments into JSON, answers into model records, and errors into the PartnershipError
tree. The tables are in a schema the Data API does not expose.

- ``snapshot``, ``revision``, ``heartbeat`` and ``export_project`` are one request each.
- Reads (and the idempotent heartbeat) are tried up to three times on transport
  failures and 5xx answers. Writes are repeated only when the request cannot have
  reached the database (no connection, or PostgREST could not get one).
- Tokens are made here (``base.new_token``) and sent; the database keeps only their
  SHA-256.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import httpx
from postgrest.exceptions import APIError
from supabase import Client, ClientOptions, SupabaseException, create_client

from partnership import exchange
from partnership.errors import (
    Conflict,
    Current,
    Forbidden,
    InvalidLink,
    PartnershipError,
    StorageError,
    ValidationError,
)
from partnership.model import (
    Access,
    AgreementVersion,
    Approval,
    Candidate,
    FieldValue,
    HealthCheck,
    HistoryEntry,
    Person,
    Presence,
    Project,
    Role,
    Snapshot,
    Task,
)
from partnership.steps import FIELDS
from partnership.store import seal
from partnership.store.base import LIVE_BATCH, Beat, Store, hash_token, live_digests, new_token

TRIES = 3
"""Attempts for a read (or a write that cannot have arrived) before giving up."""

BACKOFF_S = (0.25, 0.75)
"""Pause before the second and third attempt."""

_T = TypeVar("_T")

_FIELD_ORDER = {spec.key: n for n, spec in enumerate(FIELDS)}

# PostgREST codes for "the request never reached the database" (pool/connection trouble).
_NOT_RUN = frozenset({"PGRST000", "PGRST001", "PGRST002", "PGRST003"})

_UNREACHABLE = ("The database (Supabase) could not be reached. Check the internet connection and try again "
                "in a moment.")
_UNSURE = ("The connection to the database (Supabase) broke off during a save; it may or may not have been "
           "saved. Reload the page to see what is stored.")
_BUSY = "The database (Supabase) was busy and did not save the change. Try again."
_TIMEOUT = "57014"  # query_canceled: statement_timeout (Supabase's anon role: 3 s)


def _transient(exc: APIError) -> bool:
    """A 5xx-class answer worth trying again for a read (never a statement timeout: the
    same request would take as long again)."""
    code = exc.code or ""
    if code == _TIMEOUT:
        return False
    if code in _NOT_RUN or code.startswith(("08", "40", "53", "57P")):
        return True
    return code.isdigit() and code.startswith("5")  # a gateway's non-JSON 5xx page


def _details(exc: APIError) -> dict[str, Any]:
    raw = exc.details
    if isinstance(raw, Mapping):
        return dict(raw)
    if isinstance(raw, str):
        try:
            parsed = json.loads(raw)
        except ValueError:
            return {}
        return dict(parsed) if isinstance(parsed, Mapping) else {}
    return {}


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def translate(exc: APIError, *, write: bool = False) -> PartnershipError:
    """The PartnershipError for an error answer of the Data API (``write``: to a save)."""
    code = exc.code or ""
    detail = _details(exc)
    message = exc.message or code or "database error"
    if code == "PT404":
        return InvalidLink(message, code="invalid_link")
    if code == "PT403":
        return Forbidden(message, code=str(detail.get("code") or "forbidden"))
    if code == "PT409":
        try:
            current = Current(detail.get("value"), int(detail.get("version") or 0), str(detail.get("updated_by") or ""),
                              _when(detail.get("updated_at")))
        except (TypeError, ValueError):
            current = Current(None, 0, "", None)
        return Conflict(message, current=current)
    if code == "PT422":
        params = {k: v for k, v in detail.items() if k not in ("code", "message", "current")}
        return ValidationError(message, code=str(detail.get("code") or "invalid"), **params)
    if code in ("22P05", "22021") or (code == "22P02" and "nicode" in f"{exc.message} {exc.details}"):
        return ValidationError(f"not text: {message}", code="not_text", what="")
    if code.startswith("22"):
        return ValidationError(f"invalid value: {message}", code="invalid", what="")
    if code in ("PGRST202", "42883", "PGRST106", "PGRST205"):
        return StorageError("The Supabase database is not set up for this app (the functions of "
                            "supabase/migrations are missing). Apply the migration; see docs/supabase.md.")
    if code in ("42501", "PGRST301", "PGRST302", "401", "403") or (not code and "API key" in message):
        return StorageError("Supabase refused the key. Use the project's publishable (anon) key; see docs/supabase.md.")
    if code == _TIMEOUT:  # rolled back; the same request would time out again
        return StorageError(f"statement timeout: {message}", code="too_large")
    if code == "53100":  # disk_full
        return StorageError(f"The database is full: {message}", code="storage_full")
    if code in _NOT_RUN or not write and _transient(exc):
        return StorageError(_UNREACHABLE)
    if code.startswith("40"):  # serialization failure, deadlock: rolled back
        return StorageError(_BUSY, code="storage_busy") if write else StorageError(_UNREACHABLE)
    if _transient(exc):  # a gateway's 5xx or a lost connection: the save's fate is unknown
        return StorageError(_UNSURE, code="storage_unsure")
    return StorageError(f"The database (Supabase) answered with an error: {message} ({code or 'no code'})")


def _text(value: object) -> str | None:
    """A text argument as sent. Anything but a str, or a str with a NUL character (which
    PostgreSQL text cannot hold), goes as null: the database then refuses it as
    "not_text" for the right field, at the point SQLite would (and JSON would otherwise
    turn 5 into "5")."""
    return value if isinstance(value, str) and "\x00" not in value else None


def _wire(value: Any) -> Any:
    """A JSON value for one change (dates as ISO dates, enums as their value). A str with
    a NUL character goes as {}: a value of the wrong type, which the database refuses
    with the code SQLite gives that field (not_text, bad_choice, bad_date, ...)."""
    if isinstance(value, str):
        return value if "\x00" not in value else {}
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_wire(v) for v in value]
    return value


def _changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key in ("start", "due") and isinstance(value, str) and value:
            try:  # the forms Python's date.fromisoformat accepts (SQLite does), sent as YYYY-MM-DD
                value = date.fromisoformat(value)
            except ValueError:
                pass  # the database refuses it with bad_date
        out[str(key)] = _wire(value)
    return out


def _answers(raw: Any) -> dict[str, tuple[str, str]]:
    return {str(key): (str(rating), str(comment)) for key, rating, comment in raw}


class SupabaseStore(Store):
    """The Store contract on a Supabase project (``url`` and its publishable/anon ``key``)."""

    backend = "supabase"

    def __init__(self, url: str, key: str, *, timeout: float = 10.0, schema: str = "public") -> None:
        self.url = url
        self._http = httpx.Client(timeout=timeout)
        try:
            self._client: Client = create_client(url, key, options=ClientOptions(
                schema=schema, httpx_client=self._http, postgrest_client_retry=False, auto_refresh_token=False,
                persist_session=False))
        except SupabaseException as exc:
            self._http.close()
            raise StorageError(f"The Supabase settings are not usable: {exc.message}") from exc
        self._client.postgrest  # noqa: B018 - create the REST client now, not racily in two threads
        self._closed = threading.Event()

    def close(self) -> None:
        """Close the HTTP connections (the store is unusable afterwards)."""
        self._closed.set()
        self._http.close()

    # -- plumbing -----------------------------------------------------------------------

    def _call(self, fn: str, params: dict[str, Any], *, read: bool) -> Any:
        """One RPC. ``read``: safe to repeat (reads and the idempotent heartbeat)."""
        for attempt in range(1, TRIES + 1):
            try:
                return self._client.rpc(fn, params).execute().data
            except APIError as exc:
                again = _transient(exc) if read else (exc.code or "") in _NOT_RUN
                if again and attempt < TRIES:
                    time.sleep(BACKOFF_S[attempt - 1])
                    continue
                raise translate(exc, write=not read) from exc
            except httpx.TransportError as exc:
                never_sent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
                if (read or never_sent) and attempt < TRIES and not self._closed.is_set():
                    time.sleep(BACKOFF_S[attempt - 1])
                    continue
                if read or never_sent:
                    raise StorageError(_UNREACHABLE) from exc
                raise StorageError(_UNSURE, code="storage_unsure") from exc
            except httpx.HTTPError as exc:
                raise StorageError(_UNREACHABLE) from exc
            except UnicodeEncodeError as exc:
                raise ValidationError("text with a character that cannot be stored", code="not_text",
                                      what="") from exc
            except (TypeError, ValueError) as exc:
                raise ValidationError(f"a value cannot be sent to the database: {exc}", code="invalid",
                                      what="") from exc
        raise StorageError(_UNREACHABLE)  # pragma: no cover - the loop always returns or raises

    def _at(self, access: Access, fn: str, params: Mapping[str, Any] | None = None, *, read: bool = False) -> Any:
        """An RPC on the project ``access`` names, with its token (a write also tells the
        commit listeners; the revision is left for them to ask)."""
        data = self._call(fn, {"p_token": access.token, "p_project": access.project_id, **(params or {})}, read=read)
        if not read:
            self._committed(access.project_id, None)
        return data

    @staticmethod
    def _expect(data: Any, kind: type) -> Any:
        if not isinstance(data, kind):
            raise StorageError(f"unexpected answer from the database: {type(data).__name__}")
        return data

    @staticmethod
    def _records(build: Callable[[], _T]) -> _T:
        """Model records from an answer; an answer of the wrong shape is a StorageError."""
        try:
            return build()
        except (KeyError, TypeError, IndexError, AttributeError, ValueError, ValidationError) as exc:
            raise StorageError(f"unexpected answer from the database: {exc!r}") from exc

    @staticmethod
    def _int(data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise StorageError(f"unexpected answer from the database: {data!r}")
        return data

    # -- projects and links -------------------------------------------------------------

    def create_project(self, title: str, our_org: str, creator: str) -> tuple[Access, dict[str, str]]:
        tokens = {role.value: new_token() for role in Role}
        data = self._expect(self._call("ps_create_project", {
            "p_title": _text(title), "p_our_org": _text(our_org),
            "p_creator": _text(creator), "p_owner_token": tokens["owner"],
            "p_partner_token": tokens["partner"], "p_viewer_token": tokens["viewer"]}, read=False), Mapping)
        access = Access(str(data["project_id"]), Role.OWNER, tokens["owner"])
        self._seal_new(access, tokens)
        return access, tokens

    def _seal_new(self, access: Access, tokens: Mapping[str, str]) -> None:
        """Keep a new project's partner and viewer tokens sealed (a second call: should it
        fail, the project stands and its links say they must be made anew)."""
        seals = {hash_token(token): seal.seal(access.token, access.project_id, role, token)
                 for role, token in tokens.items() if role != Role.OWNER.value}
        try:
            self._at(access, "ps_seal_links", {"p_seals": seals})
        except StorageError:
            pass

    def open(self, token: str) -> Access:
        hash_token(token)  # InvalidLink if malformed, without asking the database
        data = self._expect(self._call("ps_open", {"p_token": token}, read=True), Mapping)
        return Access(str(data["project_id"]), Role(data["role"]), token)

    def rotate_link(self, access: Access, role: Role) -> str:
        token = new_token()
        if role == Role.OWNER:
            seals = {row["token_hash"]: seal.seal(token, access.project_id, row["role"], plain)
                     for row, plain in self._unsealed(access) if plain and row["role"] != Role.OWNER.value}
        else:
            seals = {hash_token(token): seal.seal(access.token, access.project_id, str(role), token)}
        self._at(access, "ps_rotate_link_sealed", {"p_role": role if isinstance(role, str) else str(role),
                                                    "p_new_token": token, "p_seals": seals})
        return token

    def _unsealed(self, access: Access) -> list[tuple[Mapping[str, Any], str | None]]:
        """The live links (``role``, ``token_hash``, ``sealed``, ``opened``), each with its
        token where it opens under the caller's key."""
        rows = self._expect(self._at(access, "ps_links", read=True), list)
        try:
            return [(row, seal.unseal(access.token, access.project_id, str(row["role"]), str(row["token_hash"]),
                                      row.get("sealed"))) for row in rows]
        except (KeyError, TypeError, AttributeError) as exc:
            raise StorageError(f"unexpected answer from the database: {exc}") from exc

    def links(self, access: Access) -> dict[Role, str | None]:
        found: dict[Role, str | None] = {role: None for role in Role}
        for row, plain in self._unsealed(access):
            found[Role(row["role"])] = plain
        found[Role.OWNER] = access.token
        return found

    def opened(self, access: Access) -> set[Role]:
        return {Role(row["role"]) for row, _ in self._unsealed(access) if row.get("opened")}

    def mark_opened(self, access: Access) -> None:
        self._at(access, "ps_mark_opened")

    def update_project(
        self, access: Access, changes: Mapping[str, str], expected_version: int, actor: str
    ) -> int:
        return self._int(self._at(access, "ps_update_project", {
            "p_changes": _changes(changes), "p_expected_version": expected_version,
            "p_actor": _text(actor)}))

    def delete_project(self, access: Access) -> None:
        self._at(access, "ps_delete_project")

    # -- reading ------------------------------------------------------------------------

    def snapshot(self, access: Access) -> Snapshot:
        data = self._expect(self._at(access, "ps_snapshot", read=True), Mapping)
        return self._records(lambda: self._snapshot(data))

    @staticmethod
    def _snapshot(data: Mapping[str, Any]) -> Snapshot:
        fields = {
            key: FieldValue(key, str(v["value"]), int(v["version"]), str(v["updated_by"]), _when(v["updated_at"]))
            for key, v in sorted(data["fields"].items(), key=lambda kv: _FIELD_ORDER.get(kv[0], len(_FIELD_ORDER)))
        }
        return Snapshot(
            project=exchange.record(Project, data["project"]),
            role=Role(data["role"]),
            revision=int(data["revision"]),
            fields=fields,
            candidates=[exchange.record(Candidate, c) for c in data["candidates"]],
            people=[exchange.record(Person, p) for p in data["people"]],
            tasks=[exchange.record(Task, t) for t in data["tasks"]],
            approvals=[exchange.record(Approval, a) for a in data["approvals"]],
            signed_versions=[exchange.record(AgreementVersion, v) for v in data["signed_versions"]],
            health_checks=[SupabaseStore._health(h) for h in data["health_checks"]],
            invitation=str(data["invitation"]),
        )

    @staticmethod
    def _health(data: Mapping[str, Any]) -> HealthCheck:
        return exchange.record(HealthCheck, {**data, "answers": _answers(data["answers"])})

    def revision(self, access: Access) -> int:
        return self._int(self._at(access, "ps_revision", read=True))

    def history(self, access: Access, limit: int = 1000) -> list[HistoryEntry]:
        data = self._expect(self._at(access, "ps_history", {"p_limit": limit}, read=True), list)
        return self._records(lambda: [exchange.record(HistoryEntry, e) for e in data])

    # -- fields -------------------------------------------------------------------------

    def set_field(self, access: Access, key: str, value: str, expected_version: int, actor: str) -> int:
        return self._int(self._at(access, "ps_set_field", {
            "p_key": _text(key), "p_value": _text(value),
            "p_expected_version": expected_version, "p_actor": _text(actor)}))

    # -- structured records --------------------------------------------------------------

    def add_candidate(self, access: Access, name: str, actor: str) -> Candidate:
        data = self._at(access, "ps_add_candidate", {"p_name": _text(name),
                                                     "p_actor": _text(actor)})
        return self._records(lambda: exchange.record(Candidate, data))

    def update_candidate(
        self, access: Access, candidate_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        return self._int(self._at(access, "ps_update_candidate", {
            "p_id": candidate_id, "p_changes": _changes(changes), "p_expected_version": expected_version,
            "p_actor": _text(actor)}))

    def record_refusal(
        self, access: Access, candidate_id: str, expected_version: int, actor: str,
        email: str | None = None, email_version: int = 0,
    ) -> Candidate | None:
        data = self._at(access, "ps_record_refusal", {
            "p_id": candidate_id, "p_expected_version": expected_version, "p_actor": _text(actor),
            "p_email": None if email is None else _text(email), "p_email_version": email_version})
        return None if data is None else self._records(lambda: exchange.record(Candidate, data))

    def said_yes(self, access: Access, candidate_id: str, expected_version: int, actor: str) -> int:
        return self._int(self._at(access, "ps_said_yes", {
            "p_id": candidate_id, "p_expected_version": expected_version, "p_actor": _text(actor)}))

    def add_person(self, access: Access, fields: Mapping[str, Any], actor: str) -> Person:
        data = self._at(access, "ps_add_person", {"p_fields": _changes(fields), "p_actor": _text(actor)})
        return self._records(lambda: exchange.record(Person, data))

    def update_person(
        self, access: Access, person_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        return self._int(self._at(access, "ps_update_person", {
            "p_id": person_id, "p_changes": _changes(changes), "p_expected_version": expected_version,
            "p_actor": _text(actor)}))

    def add_task(self, access: Access, fields: Mapping[str, Any], actor: str) -> Task:
        data = self._at(access, "ps_add_task", {"p_fields": _changes(fields), "p_actor": _text(actor)})
        return self._records(lambda: exchange.record(Task, data))

    def update_task(
        self, access: Access, task_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        return self._int(self._at(access, "ps_update_task", {
            "p_id": task_id, "p_changes": _changes(changes), "p_expected_version": expected_version,
            "p_actor": _text(actor)}))

    def restore(self, access: Access, entry_id: int, expected_version: int, actor: str) -> int:
        return self._int(self._at(access, "ps_restore", {
            "p_entry_id": entry_id, "p_expected_version": expected_version, "p_actor": _text(actor)}))

    # -- agreement ----------------------------------------------------------------------

    def approve(self, access: Access, name: str, content_hash: str, markdown: str, actor: str) -> Approval:
        data = self._at(access, "ps_approve", {
            "p_name": _text(name), "p_content_hash": _text(content_hash),
            "p_markdown": _text(markdown), "p_actor": _text(actor)})
        return self._records(lambda: exchange.record(Approval, data))

    def reopen(self, access: Access, actor: str) -> int:
        return self._int(self._at(access, "ps_reopen", {"p_actor": _text(actor)}))

    # -- follow-up ----------------------------------------------------------------------

    def add_health_check(
        self, access: Access, name: str, answers: Mapping[str, tuple[str, str]], actor: str
    ) -> HealthCheck:
        payload = ({str(k): _wire(v) for k, v in answers.items()} if isinstance(answers, Mapping) else answers)
        data = self._at(access, "ps_add_health_check", {
            "p_name": _text(name), "p_answers": payload, "p_actor": _text(actor)})
        return self._records(lambda: self._health(data))

    # -- presence -----------------------------------------------------------------------

    def heartbeat(self, access: Access, session_id: str, name: str, editing: str) -> tuple[int, list[Presence]]:
        data = self._expect(self._at(access, "ps_heartbeat", {
            "p_session_id": _text(session_id), "p_name": _text(name),
            "p_editing": _text(editing)}, read=True), Mapping)
        return self._records(lambda: (
            int(data["revision"]),
            [Presence(str(p["session_id"]), str(p["name"]), Role(p["role"]), str(p["editing"]))
             for p in data["others"]],
        ))

    # -- live -----------------------------------------------------------------------------

    def revisions(self, tokens: Collection[str]) -> dict[str, int]:
        sent = list(live_digests(tokens).values())
        if not sent:
            return {}
        data = self._expect(self._call("ps_revisions", {"p_tokens": sent}, read=True), Mapping)
        return self._records(lambda: {str(k): self._int(v) for k, v in data.items() if k in sent})

    def heartbeats(self, beats: Sequence[Beat]) -> dict[str, list[Presence]]:
        valid = set(live_digests([b[0] for b in beats]).values())
        sent = [{"token": t, "session_id": _text(s), "name": _text(n), "editing": _text(e)}
                for t, s, n, e in list(beats)[:LIVE_BATCH] if t in valid]
        if not sent:
            return {}
        data = self._expect(self._call("ps_heartbeats", {"p_beats": sent}, read=True), Mapping)
        return self._records(lambda: {
            str(token): [Presence(str(p["session_id"]), str(p["name"]), Role(p["role"]), str(p["editing"]))
                         for p in people]
            for token, people in data.items() if token in valid})

    # -- exchange -----------------------------------------------------------------------

    def export_project(self, access: Access) -> dict[str, Any]:
        data = self._expect(self._at(access, "ps_export_project", read=True), Mapping)
        snap, history = self._records(lambda: (
            self._snapshot(data["snapshot"]), [exchange.record(HistoryEntry, e) for e in data["history"]]))
        return exchange.to_dict(snap, history)

    def import_project(self, data: Mapping[str, Any], creator: str) -> tuple[Access, dict[str, str]]:
        parsed = exchange.from_dict(data)  # the same checks, and errors, as the SQLite store
        return self._import(exchange.with_import_marker(parsed, str(creator).strip(), datetime.now(UTC)), creator)

    def create_example(self, data: Mapping[str, Any], creator: str) -> tuple[Access, dict[str, str]]:
        return self._import(exchange.from_dict(data), creator)

    def _import(self, parsed: exchange.ProjectData, creator: str) -> tuple[Access, dict[str, str]]:
        """One ps_import_project call (one transaction; the database drops approvals and
        the signed state whatever is sent), then the links are sealed."""
        tokens = {role.value: new_token() for role in Role}
        answer = self._expect(self._call("ps_import_project", {
            "p_data": exchange.to_dict(parsed.snapshot, parsed.history), "p_creator": _text(creator),
            "p_owner_token": tokens["owner"], "p_partner_token": tokens["partner"],
            "p_viewer_token": tokens["viewer"]}, read=False), Mapping)
        access = Access(str(answer["project_id"]), Role.OWNER, tokens["owner"])
        self._seal_new(access, tokens)
        return access, tokens
