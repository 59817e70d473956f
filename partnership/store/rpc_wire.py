"""The wire of the ``ps_*`` functions, for both transports (partnership/store/rpc.py): an
error's SQLSTATE, message and detail as a PartnershipError, and arguments as the JSON the
functions take."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

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
    Agenda,
    AgreementVersion,
    Approval,
    Candidate,
    FieldValue,
    HealthCheck,
    Person,
    Project,
    Role,
    Side,
    Snapshot,
    Task,
    TaskKind,
    Timer,
)
from partnership.model_may import May
from partnership.reminders import Subscription
from partnership.steps import FIELDS
from partnership.store.base import hash_token

# PostgREST codes for "the request never reached the database" (pool/connection trouble).
NOT_RUN = frozenset({"PGRST000", "PGRST001", "PGRST002", "PGRST003"})

UNREACHABLE = ("The database could not be reached. Check the connection (or that the database runs) and try "
               "again in a moment.")
UNSURE = ("The connection to the database broke off during a save; it may or may not have been "
          "saved. Reload the page to see what is stored.")
BUSY = "The database was busy and did not save the change. Try again."
TIMEOUT = "57014"  # query_canceled: statement_timeout (Supabase's anon role: 3 s)


def transient(code: str) -> bool:
    """A 5xx-class answer worth trying again for a read (never a statement timeout: the
    same request would take as long again)."""
    if code == TIMEOUT:
        return False
    if code in NOT_RUN or code.startswith(("08", "40", "53", "57P")):
        return True
    return code.isdigit() and code.startswith("5")  # a gateway's non-JSON 5xx page


def details(raw: Any) -> dict[str, Any]:
    if isinstance(raw, Mapping):
        return dict(raw)
    if isinstance(raw, str):
        try:
            parsed = json.loads(raw)
        except ValueError:
            return {}
        return dict(parsed) if isinstance(parsed, Mapping) else {}
    return {}


def when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def translate(code: str, message: str, raw_details: Any = None, *, write: bool = False) -> PartnershipError:
    """The PartnershipError for an error of a ``ps_*`` call: its SQLSTATE (or PostgREST
    code), message and detail (``write``: of a save)."""
    detail = details(raw_details)
    message = message or code or "database error"
    if code == "PT404":
        return InvalidLink(message, code="invalid_link")
    if code == "PT403":
        return Forbidden(message, code=str(detail.get("code") or "forbidden"))
    if code == "PT409":
        try:
            current = Current(detail.get("value"), int(detail.get("version") or 0), str(detail.get("updated_by") or ""),
                              when(detail.get("updated_at")))
        except (TypeError, ValueError):
            current = Current(None, 0, "", None)
        return Conflict(message, current=current)
    if code == "PT422":
        params = {k: v for k, v in detail.items() if k not in ("code", "message", "current")}
        return ValidationError(message, code=str(detail.get("code") or "invalid"), **params)
    if code in ("22P05", "22021") or (code == "22P02" and "nicode" in f"{message} {raw_details}"):
        return ValidationError(f"not text: {message}", code="not_text", what="")
    if code.startswith("22"):
        return ValidationError(f"invalid value: {message}", code="invalid", what="")
    if code in ("PGRST202", "42883", "PGRST106", "PGRST205"):
        return StorageError("The database is not set up for this app (the functions of "
                            "supabase/migrations are missing). Apply the migrations; see docs/supabase.md.")
    if code in ("42501", "PGRST301", "PGRST302", "401", "403") or (not code and "API key" in message):
        return StorageError("Supabase refused the key. Use the project's publishable (anon) key; see docs/supabase.md.")
    if code == TIMEOUT:  # rolled back; the same request would time out again
        return StorageError(f"statement timeout: {message}", code="too_large")
    if code == "55P03":  # lock_not_available: another writer held the lock past lock_timeout; rolled back
        return StorageError(BUSY, code="storage_busy") if write else StorageError(UNREACHABLE)
    if code == "53100":  # disk_full
        return StorageError(f"The database is full: {message}", code="storage_full")
    if code in NOT_RUN or not write and transient(code):
        return StorageError(UNREACHABLE)
    if code.startswith("40"):  # serialization failure, deadlock: rolled back
        return StorageError(BUSY, code="storage_busy") if write else StorageError(UNREACHABLE)
    if transient(code):  # a gateway's 5xx or a lost connection: the save's fate is unknown
        return StorageError(UNSURE, code="storage_unsure")
    return StorageError(f"The database answered with an error: {message} ({code or 'no code'})")


def unsendable(exc: TypeError | ValueError) -> ValidationError:
    """The refusal for an argument the transport could not send (either transport)."""
    if isinstance(exc, UnicodeEncodeError):
        return ValidationError("text with a character that cannot be stored", code="not_text", what="")
    return ValidationError(f"a value cannot be sent to the database: {exc}", code="invalid", what="")


def text(value: object) -> str | None:
    """A text argument as sent. Anything but a str, or a str with a NUL character (which
    PostgreSQL text cannot hold), goes as null: the database then refuses it as
    "not_text" for the right field, at the point SQLite would (and JSON would otherwise
    turn 5 into "5")."""
    return value if isinstance(value, str) and "\x00" not in value else None


def wire(value: Any) -> Any:
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
        return [wire(v) for v in value]
    return value


def changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key in ("start", "due") and isinstance(value, str) and value:
            try:  # the forms Python's date.fromisoformat accepts (SQLite does), sent as YYYY-MM-DD
                value = date.fromisoformat(value)
            except ValueError:
                pass  # the database refuses it with bad_date
        out[str(key)] = wire(value)
    return out


def answers(raw: Any) -> dict[str, tuple[str, str]]:
    return {str(key): (str(rating), str(comment)) for key, rating, comment in raw}


_FIELD_ORDER = {spec.key: n for n, spec in enumerate(FIELDS)}


def snapshot(data: Mapping[str, Any]) -> Snapshot:
    """A ``ps_snapshot`` answer as a Snapshot (fields in the catalogue's order)."""
    fields = {
        key: FieldValue(key, str(v["value"]), int(v["version"]), str(v["updated_by"]), when(v["updated_at"]))
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
        health_checks=[health(h) for h in data["health_checks"]],
        invitation=str(data["invitation"]),
        members_see_links=bool(data.get("members_see_links", False)),
        timer=timer(data.get("timer")),
        **_funding_term(data),
        agenda=agenda(data.get("agenda")),
        may_sign=bool(data.get("may_sign", False)),
        may=may(data.get("may")),
    )


def may(data: Any) -> May:
    """A ``may_json`` answer as a May (nothing allowed where it is missing)."""
    if not isinstance(data, Mapping):
        return May()
    tasks = data.get("tasks") or {}
    edit = tasks.get("edit") or {}
    flags = {name: bool(data.get(name, False)) for name in _MAY_FLAGS}
    return May(fields=frozenset(map(str, data.get("fields") or ())),
               task_kinds=tuple(TaskKind(k) for k in tasks.get("kinds") or ()),
               internal_tasks=bool(tasks.get("internal", False)),
               task_fields=MappingProxyType({str(i): frozenset(map(str, f)) for i, f in edit.items()}),
               people=frozenset(Side(s) for s in data.get("people") or ()), **flags)


_MAY_FLAGS = ("approve", "reopen", "term", "outcome", "candidates", "project", "erase_person", "timer", "agenda",
              "funding", "meetings", "evaluate", "health", "links", "delete")


def agenda(data: Any) -> Agenda:
    """An ``agenda_json`` answer as an Agenda (the default where a role gets none)."""
    if not isinstance(data, Mapping):
        return Agenda()
    return Agenda(point=int(data["point"]), points=int(data["points"]), version=int(data["version"]),
                  updated_by=str(data.get("updated_by") or ""), updated_at=when(data.get("updated_at")))


def timer(data: Any) -> Timer:
    """A ``timer_json`` answer as a Timer (the default where a role gets none)."""
    if not isinstance(data, Mapping):
        return Timer()
    return Timer(running=bool(data["running"]), left_ms=int(data["left_ms"]), duration_ms=int(data["duration_ms"]),
                 ends_at=when(data.get("ends_at")), version=int(data["version"]),
                 updated_by=str(data.get("updated_by") or ""), updated_at=when(data.get("updated_at")))


def health(data: Mapping[str, Any]) -> HealthCheck:
    """One health check of an answer (its answers as key -> (rating, comment))."""
    return exchange.record(HealthCheck, {**data, "answers": answers(data["answers"])})


def subscription(data: Mapping[str, Any]) -> Subscription:
    def when(key: str) -> datetime | None:
        value = data.get(key)
        return datetime.fromisoformat(str(value)) if value else None

    return Subscription(str(data["id"]), str(data["person_id"]), str(data["email"]), str(data["lang"]),
                        datetime.fromisoformat(str(data["consented_at"])), str(data["consented_by"]),
                        str(data["consented_role"]), bool(data.get("digest")), when("confirmed_at"),
                        when("confirm_until"))


def well_formed(token: str) -> bool:
    """True when ``token`` has a link token's form (a mail's link is checked before the call)."""
    try:
        hash_token(token)
    except InvalidLink:
        return False
    return True


def _funding_term(data: Mapping[str, Any]) -> dict[str, Any]:
    """The snapshot's funding applications and term (issue 25; partnership/store/rpc_term.py)."""
    from partnership.store import rpc_term  # it builds on this module's helpers

    return {"funding": rpc_term.fundings(data.get("funding")), "term": rpc_term.term(data.get("term"))}
