"""The store's rules live in the ``public.ps_*`` SQL functions of supabase/migrations; this
adapter turns the Store contract into calls of them, whatever carries the call.

Every method is one call of one ``ps_*`` function (SECURITY DEFINER, executable by the role
``anon`` only). The functions hold every rule - link check, role, validation,
compare-and-set, revision and history in one transaction - so this adapter only turns
arguments into JSON, answers into model records, and errors into the PartnershipError tree
(``rpc_wire.translate``, once for both transports). The transports are subclasses that
implement ``_call``:

- ``partnership.store.postgres.PostgresStore``: psycopg on the embedded engine or any
  PostgreSQL URL (the default);
- ``partnership.store.supabase.SupabaseStore``: supabase-py's RPC over Supabase's Data API.

Tokens are made here (``base.new_token``) and sent; the database keeps only their SHA-256.
"""

from __future__ import annotations

import hashlib
from abc import abstractmethod
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from partnership import exchange, meetings
from partnership.errors import StorageError, ValidationError
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
from partnership.store import rpc_mail, rpc_room, rpc_term, seal
from partnership.store.base import CALLER_HEADER, LIVE_BATCH, Beat, Store, hash_token, live_digests, new_token
from partnership.store.rpc_meetings import _T, MeetingCalls
from partnership.store.rpc_wire import changes as _changes
from partnership.store.rpc_wire import health as _health
from partnership.store.rpc_wire import snapshot as _snapshot
from partnership.store.rpc_wire import text as _text
from partnership.store.rpc_wire import timer as _timer
from partnership.store.rpc_wire import wire as _wire


class RpcStore(MeetingCalls, rpc_term.TermCalls, Store):  # the parts kept beside: rpc_*.py
    """The Store contract as calls of the ``ps_*`` functions; ``_call`` is the transport."""

    @abstractmethod
    def _call(self, fn: str, params: dict[str, Any], *, read: bool, headers: dict[str, str] | None = None) -> Any:
        """Call ``public.<fn>`` with named ``params``; return its JSON answer as Python
        data. ``read``: safe to repeat. ``headers``: request headers the function reads
        (``request.headers``). Errors surface as PartnershipErrors."""

    @staticmethod
    def _caller(caller: str | None) -> dict[str, str] | None:
        """The header that names who asks for a new project (its creation bucket in the
        database, the abuse migration): a digest, so no client address is stored."""
        if not caller:
            return None
        return {CALLER_HEADER: hashlib.sha256(caller.encode("utf-8", "surrogatepass")).hexdigest()}

    def _at(self, access: Access, fn: str, params: Mapping[str, Any] | None = None, *, read: bool = False) -> Any:
        """An RPC on the project ``access`` names, with its token (a write also tells the
        commit listeners, ``_wrote``)."""
        data = self._call(fn, {"p_token": access.token, "p_project": access.project_id, **(params or {})}, read=read)
        if not read:
            self._wrote(access.project_id)
        return data

    def _wrote(self, project_id: str) -> None:
        """A write on ``project_id`` committed: tell the commit listeners without a
        revision (they ask ``revisions``). A transport that learns the revision from the
        database itself (PostgreSQL's NOTIFY) tells them then instead."""
        self._committed(project_id, None)

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

    def create_project(self, title: str, our_org: str, creator: str, *,
                       caller: str | None = None) -> tuple[Access, dict[str, str]]:
        tokens = {role.value: new_token() for role in Role}
        data = self._expect(self._call("ps_create_project", {
            "p_title": _text(title), "p_our_org": _text(our_org),
            "p_creator": _text(creator), "p_owner_token": tokens["owner"],
            "p_partner_token": tokens["partner"], "p_viewer_token": tokens["viewer"],
            "p_member_token": tokens["member"]}, read=False, headers=self._caller(caller)), Mapping)
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
        live = self._unsealed(access)
        if role == Role.OWNER:
            seals = {row["token_hash"]: seal.seal(token, access.project_id, row["role"], plain)
                     for row, plain in live if plain and row["role"] != Role.OWNER.value}
        else:
            seals = {hash_token(token): seal.seal(access.token, access.project_id, str(role), token)}
            plain_of = {Role(row["role"]): plain for row, plain in live if plain}
            if role == Role.MEMBER:
                shown = {r: plain_of[r] for r in _SHOWN_TO_MEMBERS if r in plain_of}
                seals.update(_member_seals(access.project_id, token, shown))
            elif role in _SHOWN_TO_MEMBERS and Role.MEMBER in plain_of:
                seals.update(_member_seals(access.project_id, plain_of[Role.MEMBER], {role: token}))
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
        found[access.role] = access.token
        return found

    def show_links_to_members(self, access: Access, show: bool, expected: bool, actor: str) -> int:
        seals: dict[str, str] = {}
        if show:
            plain_of = {Role(row["role"]): plain for row, plain in self._unsealed(access) if plain}
            if Role.MEMBER in plain_of:
                shown = {r: plain_of[r] for r in _SHOWN_TO_MEMBERS if r in plain_of}
                seals = _member_seals(access.project_id, plain_of[Role.MEMBER], shown)
        return self._int(self._at(access, "ps_show_links_to_members", {
            "p_show": bool(show), "p_expected": bool(expected), "p_seals": seals, "p_actor": _text(actor)}))

    def opened(self, access: Access) -> set[Role]:
        return {Role(row["role"]) for row, _ in self._unsealed(access) if row.get("opened")}

    def timer(self, access: Access, action: str, expected_version: int, actor: str) -> Timer:
        return _timer(self._expect(self._at(access, "ps_timer", {
            "p_action": _text(action), "p_expected_version": expected_version, "p_actor": _text(actor)}), Mapping))

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
        return self._records(lambda: _snapshot(data))

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

    def add_candidate(self, access: Access, name: str, actor: str, device: str = "") -> Candidate:
        data = self._at(access, "ps_add_candidate", {"p_name": _text(name), "p_actor": _text(actor),
                                                     "p_device": _text(device)})
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

    def erase_person(self, access: Access, person_id: str, expected_version: int, actor: str) -> int:
        return self._int(self._at(access, "ps_erase_person", {
            "p_id": person_id, "p_expected_version": expected_version, "p_actor": _text(actor)}))

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
        return self._records(lambda: _health(data))

    # -- mail (issue 25): rpc_mail's calls ------------------------------------------------
    mail_subscribe = rpc_mail.mail_subscribe
    mail_stop = rpc_mail.mail_stop
    mail_subscriptions = rpc_mail.mail_subscriptions
    mail_confirm = rpc_mail.mail_confirm
    mail_unsubscribe = rpc_mail.mail_unsubscribe

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
            _snapshot(data["snapshot"]), [exchange.record(HistoryEntry, e) for e in data["history"]]))
        book = self._records(lambda: meetings.from_wire(data.get("meetings") or {}))  # issue 25
        return exchange.to_dict(snap, history, book)

    def import_project(self, data: Mapping[str, Any], creator: str, *,
                       caller: str | None = None) -> tuple[Access, dict[str, str]]:
        parsed = exchange.from_dict(data)  # the same checks, and errors, as the SQLite store
        return self._import(exchange.with_import_marker(parsed, str(creator).strip(), datetime.now(UTC)), creator,
                            caller)

    def create_example(self, data: Mapping[str, Any], creator: str, *,
                       caller: str | None = None) -> tuple[Access, dict[str, str]]:
        return self._import(exchange.from_dict(data), creator, caller)

    def _import(self, parsed: exchange.ProjectData, creator: str,
                caller: str | None) -> tuple[Access, dict[str, str]]:
        """One ps_import_project call (one transaction; the database drops approvals and
        the signed state whatever is sent), then the links are sealed."""
        tokens = {role.value: new_token() for role in Role}
        answer = self._expect(self._call("ps_import_project", {
            "p_data": exchange.to_dict(parsed.snapshot, parsed.history, parsed.meetings), "p_creator": _text(creator),
            "p_owner_token": tokens["owner"], "p_partner_token": tokens["partner"],
            "p_viewer_token": tokens["viewer"], "p_member_token": tokens["member"]}, read=False,
            headers=self._caller(caller)), Mapping)
        access = Access(str(answer["project_id"]), Role.OWNER, tokens["owner"])
        self._seal_new(access, tokens)
        return access, tokens


    # -- the association's room (issue 26): rpc_room's calls ------------------------------
    agenda = rpc_room.agenda
    private_round = rpc_room.private_round
    start_from = rpc_room.start_from

_SHOWN_TO_MEMBERS = (Role.PARTNER, Role.VIEWER)


def _member_seals(project_id: str, member_token: str, tokens: Mapping[Role, str]) -> dict[str, str]:
    """``tokens`` sealed under the member's key, keyed "m:<hash>" (ps_show_links_to_members,
    ps_rotate_link_sealed: the database keeps them only while the owner shows links)."""
    return {f"m:{hash_token(t)}": seal.seal(member_token, project_id, role.value, t) for role, t in tokens.items()}
