"""The store contract on the Supabase store, plus what only this backend has.

The store talks to a real PostgreSQL 15 (the migration applied) through the
PostgREST-compatible RPC test server of tests/support/rpc_server.py. With
SUPABASE_TEST_URL and SUPABASE_TEST_KEY set, every contract test also runs against that
real Supabase project (the migration must be applied there).
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from partnership import agreement, exchange, health, steps, validation
from partnership.errors import Conflict, Forbidden, InvalidLink, PartnershipError, StorageError, ValidationError
from partnership.i18n import t
from partnership.model import Access, Role, Snapshot
from partnership.store import open_store
from partnership.store import supabase as supabase_store
from partnership.store.base import PRESENCE_TTL_S, new_token
from partnership.store.postgres import PostgresStore
from partnership.store.supabase import BACKOFF_S, SupabaseStore
from partnership.ui.messages import describe
from tests.store.contract import ME, ProjectsTitled, Rows, StoreContract, make
from tests.store.contract_funding import FundingContract
from tests.store.contract_mail_confirm import MailConfirmContract
from tests.store.contract_may import MayContract
from tests.store.contract_meeting_records import MeetingRecordContract
from tests.store.contract_meetings import MeetingContract
from tests.store.contract_members import MemberContract
from tests.store.contract_private_device import PrivateDeviceContract
from tests.store.contract_room import RoomContract
from tests.support.engine import engine_for
from tests.support.postgres import postgres_for
from tests.support.rpc_server import TEST_ANON_KEY, RpcServer, rpc_server_for

pytestmark = pytest.mark.postgres



def _backends() -> list[str]:
    remote = os.environ.get("SUPABASE_TEST_URL") and os.environ.get("SUPABASE_TEST_KEY")
    return ["local", "remote"] if remote else ["local"]


@pytest.fixture(scope="session", params=_backends())
def store(request: pytest.FixtureRequest) -> Iterator[SupabaseStore]:
    """A Supabase store on the local RPC server, or (``remote``) on the real project.

    One per session: a store is shared by threads in the app too, and every contract
    test works in projects of its own."""
    if request.param == "remote":
        s = SupabaseStore(os.environ["SUPABASE_TEST_URL"], os.environ["SUPABASE_TEST_KEY"])
    else:
        s = SupabaseStore(rpc_server_for(request.config).url, TEST_ANON_KEY)
    yield s
    s.close()


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(supabase_store, "BACKOFF_S", (0.01, 0.01))


@pytest.fixture
def projects_titled(request: pytest.FixtureRequest, store: SupabaseStore) -> ProjectsTitled:
    """Counted in the local database (a remote Supabase project cannot be looked into)."""
    if store.url != rpc_server_for(request.config).url:
        pytest.skip("the remote project's tables are not reachable")
    cluster = postgres_for(request.config)

    def count(title: str) -> int:
        with cluster.connect() as conn:
            row = conn.execute("select count(*) from partnership_private.projects where title = %s", (title,))
            return int(row.fetchone()[0])  # type: ignore[index]
    return count


@pytest.fixture
def database_rows(request: pytest.FixtureRequest, store: SupabaseStore) -> Rows:
    """Rows of the local database (a remote Supabase project cannot be looked into)."""
    if store.url != rpc_server_for(request.config).url:
        pytest.skip("the remote project's tables are not reachable")
    cluster = postgres_for(request.config)

    def rows(query: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with cluster.connect() as conn:
            return [tuple(r) for r in conn.execute(query, params).fetchall()]  # type: ignore[call-overload]
    return rows


class TestSupabaseStore(StoreContract, MemberContract, MailConfirmContract, MeetingContract, FundingContract,
                      RoomContract, MeetingRecordContract, MayContract, PrivateDeviceContract):
    pass


# -- one request per read -----------------------------------------------------------------


def test_snapshot_revision_and_heartbeat_are_one_request_each(local: SupabaseStore, server: RpcServer) -> None:
    owner, _ = make(local)
    local.set_field(owner, "s4_vision", "x", 0, ME)
    for call in (lambda: local.snapshot(owner), lambda: local.revision(owner),
                 lambda: local.heartbeat(owner, "s1", ME, ""), lambda: local.export_project(owner)):
        before = server.requests
        call()
        assert server.requests - before == 1


# -- the SQL functions mirror the Python rules ----------------------------------------------


def test_sql_constants_match_the_python_catalogue(request: pytest.FixtureRequest) -> None:
    with postgres_for(request.config).connect() as conn:
        constants = conn.execute("select partnership_private.constants()").fetchone()[0]  # type: ignore[index]
    assert constants["fields"] == {f.key: [f.step, f.internal] for f in steps.FIELDS}
    assert (constants["max_text"], constants["max_name"]) == (steps.MAX_TEXT, steps.MAX_NAME)
    assert constants["top_priorities"] == steps.TOP_PRIORITIES
    assert constants["presence_ttl_s"] == PRESENCE_TTL_S
    assert tuple(constants["statements"]) == health.STATEMENTS
    assert tuple(constants["ratings"]) == health.RATINGS
    assert constants["max_comment"] == health.MAX_COMMENT
    assert set(constants["agreement_task_kinds"]) == steps.AGREEMENT_TASK_KINDS
    assert set(constants["tracking_task_fields"]) == steps.TRACKING_TASK_FIELDS
    assert tuple(constants["candidate_fields"]) == validation.CANDIDATE_FIELDS
    assert tuple(constants["person_fields"]) == validation.PERSON_FIELDS
    assert tuple(constants["task_fields"]) == validation.TASK_FIELDS
    from partnership.model import CandidateStatus, Side, TaskKind, TaskStatus

    for name, enum in (("candidate_status", CandidateStatus), ("task_kind", TaskKind), ("task_status", TaskStatus),
                       ("side", Side), ("role", Role)):
        assert constants[name] == [e.value for e in enum], name


def test_sql_casefold_table_is_pythons(request: pytest.FixtureRequest) -> None:
    """Duplicate candidate names compare str.casefold(): the table must be this Python's.
    (A Python with a newer Unicode needs a migration that updates the table.)"""
    with postgres_for(request.config).connect() as conn:
        table: dict[str, str] = dict(conn.execute("select ch, folded from partnership_private.casefold_map").fetchall())
    python = {chr(i): chr(i).casefold() for i in range(sys.maxunicode + 1)
              if not 0xD800 <= i < 0xE000 and chr(i).casefold() != chr(i)}
    assert table == python


@pytest.mark.parametrize("text", ["# Aftale\r\n\r\nVi samarbejder.\rSlut", "æøå 🤝\n", ""])
def test_sql_content_hash_matches_python(local: SupabaseStore, text: str) -> None:
    owner, _ = make(local)
    local.approve(owner, "Anna", agreement.content_hash(text), text, ME)
    with pytest.raises(ValidationError) as caught:
        local.approve(owner, "Anna", agreement.content_hash(text + "x"), text, ME)
    assert caught.value.code == "stale_agreement"


@pytest.fixture
def direct(request: pytest.FixtureRequest) -> Iterator[PostgresStore]:
    """The other transport: psycopg on a database of the embedded engine (PostgreSQL 18,
    where the RPC server runs on Debian's PostgreSQL 15)."""
    s = PostgresStore(engine_for(request.config).fresh_database())
    yield s
    s.close()


def test_history_texts_are_byte_identical_on_both_transports(local: SupabaseStore, direct: PostgresStore) -> None:
    """Record history (old/new JSON) is written the same way whichever transport calls the
    functions, on PostgreSQL 15 and 18."""
    texts = []
    for s in (local, direct):
        owner, tokens = make(s)
        cand = s.add_candidate(owner, 'Ø "quoted" \\ \u0001 🤝', ME)
        s.update_candidate(owner, cand.id, {"resources": 3, "note": "tab\there", "priority": 2}, 1, ME)
        eva = s.add_person(owner, {"name": "Eva", "side": "association", "working_group": True}, ME)
        task = s.add_task(owner, {"title": "Møde", "kind": "follow_up", "due": date(2027, 3, 1),
                                  "responsible": eva.id}, ME)
        s.update_task(owner, task.id, {"status": "done"}, 1, ME)
        s.update_project(owner, {"partner_org": "Biblioteket"}, 1, ME)
        s.add_health_check(owner, "Anna", {"communication": ("GREEN ", " fint "), "shared_goals": "red"}, ME)
        entries = s.history(owner)
        ids = {cand.id: "C", eva.id: "E", task.id: "T", owner.project_id: "P"}
        at = s.snapshot(owner).project.created_at.isoformat()
        def same(text: str, ids: dict[str, str] = ids, at: str = at) -> str:
            for real, alias in [*ids.items(), (at, "AT")]:
                text = text.replace(real, alias)
            return text

        texts.append([(e.entity, ids.get(e.target, "?"), same(e.old), same(e.new), e.version)
                      for e in entries if e.entity != "health"])
        health_new = json.loads(next(e.new for e in entries if e.entity == "health"))
        assert health_new["answers"] == {"communication": ["green", "fint"], "shared_goals": ["red", ""]}
        texts[-1] = [t for t in texts[-1] if t[1] != "?"]
    assert texts[0] == texts[1]


def test_candidate_duplicates_use_python_casefold(local: SupabaseStore) -> None:
    owner, _ = make(local)
    local.add_candidate(owner, "Straße", ME)
    with pytest.raises(ValidationError) as caught:
        local.add_candidate(owner, "STRASSE", ME)
    assert caught.value.code == "duplicate_candidate"
    cand = local.add_candidate(owner, "Ärø", ME)
    with pytest.raises(ValidationError):
        local.update_candidate(owner, cand.id, {"name": "straSSe"}, 1, ME)


def test_names_are_stripped_like_python(local: SupabaseStore) -> None:
    owner, _ = make(local)
    cand = local.add_candidate(owner, "\u3000\u00a0Biblioteket\u2029 ", ME)
    assert cand.name == "Biblioteket"
    with pytest.raises(ValidationError) as caught:
        local.add_candidate(owner, "\u2003\u0085", ME)
    assert caught.value.code == "required"


@pytest.mark.parametrize(
    ("changes", "code", "what"),
    [({"title": "x" * 201}, "too_long", "task.title"), ({"kind": "party"}, "bad_choice", "task.kind"),
     ({"start": "2027-02-30"}, "bad_date", "task.start"), ({"start": "tomorrow"}, "bad_date", "task.start"),
     ({"internal": 1}, "bad_choice", "task.internal"), ({"note": 5}, "not_text", "task.note"),
     ({"responsible": "x" * 65}, "too_long", "task.responsible"), ({"colour": "red"}, "unknown_field", "colour")],
)
def test_task_input_is_checked_by_the_database(local: SupabaseStore, changes: dict[str, Any], code: str,
                                               what: str) -> None:
    owner, _ = make(local)
    task = local.add_task(owner, {"title": "x"}, ME)
    r0 = local.revision(owner)
    with pytest.raises(ValidationError) as caught:
        local.update_task(owner, task.id, changes, 1, ME)
    assert (caught.value.code, caught.value.params.get("what")) == (code, what)
    assert local.revision(owner) == r0


@pytest.mark.parametrize(
    ("changes", "code"),
    [({"resources": 0}, "bad_score"), ({"fit": 2.0}, "bad_score"), ({"values": True}, "bad_score"),
     ({"priority": 4}, "bad_priority"), ({"status": "gone"}, "bad_choice"), ({"name": " "}, "required")],
)
def test_candidate_input_is_checked_by_the_database(local: SupabaseStore, changes: dict[str, Any],
                                                    code: str) -> None:
    owner, _ = make(local)
    cand = local.add_candidate(owner, "A", ME)
    with pytest.raises(ValidationError) as caught:
        local.update_candidate(owner, cand.id, changes, 1, ME)
    assert caught.value.code == code


def test_too_long_carries_its_numbers(local: SupabaseStore) -> None:
    owner, _ = make(local)
    with pytest.raises(ValidationError) as caught:
        local.set_field(owner, "s4_vision", "x" * (steps.MAX_TEXT + 5), 0, ME)
    assert caught.value.params == {"what": "s4_vision", "limit": steps.MAX_TEXT, "length": steps.MAX_TEXT + 5}


def test_health_answers_are_checked_like_python(local: SupabaseStore) -> None:
    owner, _ = make(local)
    for answers, code in (({}, "required"), ({"weather": ("green", "")}, "bad_choice"),
                          ({"communication": ("green", "x" * 2001)}, "too_long"),
                          ({"communication": ("green", "a", "b")}, "bad_choice"),
                          ({"communication": (5, "")}, "bad_choice")):
        with pytest.raises(ValidationError) as caught:
            local.add_health_check(owner, "Anna", answers, ME)  # type: ignore[arg-type]
        assert caught.value.code == code, answers
        with pytest.raises(ValidationError) as again:
            health.validate_answers(answers)
        assert again.value.code == code
    odd: Any = {"resources_ok": ["Amber", None], "shared_goals": "green"}  # the forms validate_answers accepts
    check = local.add_health_check(owner, "Anna", odd, ME)
    assert list(check.answers.items()) == [("shared_goals", ("green", "")), ("resources_ok", ("amber", ""))]


def test_stale_expected_version_on_a_never_written_field_is_a_conflict(local: SupabaseStore) -> None:
    owner, _ = make(local)
    with pytest.raises(Conflict) as caught:
        local.set_field(owner, "s4_vision", "x", 3, ME)
    assert (caught.value.current.value, caught.value.current.version) == ("", 0)


def test_signed_agreement_locks_people_too(local: SupabaseStore) -> None:
    owner, tokens = make(local)
    partner = local.open(tokens["partner"])
    text = "# Aftale"
    local.approve(owner, "Anna", agreement.content_hash(text), text, ME)
    local.approve(partner, "Ole", agreement.content_hash(text), text, "Ole")
    with pytest.raises(Forbidden) as caught:
        local.add_person(owner, {"name": "Eva", "side": "association"}, ME)
    assert caught.value.code == "signed"
    with pytest.raises(ValidationError) as not_signed:
        local.reopen(owner, ME)
        local.reopen(owner, ME)
    assert not_signed.value.code == "not_signed"


def test_presence_expires(local: SupabaseStore, request: pytest.FixtureRequest) -> None:
    owner, tokens = make(local)
    viewer = local.open(tokens["viewer"])
    local.heartbeat(viewer, "s-viewer", "Vera", "")
    with postgres_for(request.config).connect() as conn:
        conn.execute("update partnership_private.presence set seen = seen - %s where project_id = %s",
                     (PRESENCE_TTL_S + 1, owner.project_id))
        conn.commit()
    assert local.heartbeat(owner, "s-owner", ME, "")[1] == []


def test_dates_in_other_iso_forms_are_accepted(local: SupabaseStore) -> None:
    owner, _ = make(local)
    task = local.add_task(owner, {"title": "x", "start": "20270105"}, ME)
    assert task.start == date(2027, 1, 5)


def test_import_refuses_inconsistent_exports(local: SupabaseStore) -> None:
    owner, _ = make(local)
    eva = local.add_person(owner, {"name": "Eva", "side": "association"}, ME)
    doc = local.export_project(owner)
    doc["people"].append(dict(doc["people"][0]))  # the same person id twice
    with pytest.raises(ValidationError) as caught:
        local.import_project(doc, ME)
    assert caught.value.code == "bad_import"
    doc = local.export_project(owner)
    doc["fields"]["s9_unknown"] = {"value": "x", "version": 1, "updated_by": ME, "updated_at": None}
    with pytest.raises(ValidationError) as unknown:
        local.import_project(doc, ME)
    assert unknown.value.code == "unknown_field"
    assert eva.id


def test_partner_export_round_trips_with_its_invitation(local: SupabaseStore) -> None:
    owner, tokens = make(local)
    local.set_field(owner, "s1_idea", "Lektiecafé", 0, ME)
    local.set_field(owner, "s4_vision", "Fælles", 0, ME)
    doc = local.export_project(local.open(tokens["partner"]))
    copy, _ = local.import_project(doc, "Ole")
    snap = local.snapshot(copy)
    assert snap.field("s1_idea").value == "Lektiecafé" and snap.field("s4_vision").value == "Fælles"
    assert exchange.to_dict(snap, [])["invitation"] == "Lektiecafé"


# -- errors and transport -------------------------------------------------------------------


def test_open_store_picks_supabase_from_secrets(server: RpcServer) -> None:
    s = open_store(secrets={"supabase": {"url": server.url, "key": TEST_ANON_KEY}})
    assert isinstance(s, SupabaseStore) and s.backend == "supabase"
    owner, _ = make(s)
    assert s.revision(owner) >= 1


def test_an_unreachable_database_is_a_storage_error(quick_retries: None) -> None:
    with socket_closed() as url:
        s = SupabaseStore(url, TEST_ANON_KEY, timeout=2)
        with pytest.raises(StorageError) as caught:
            s.revision(make_access())
        assert caught.value.code == "storage" and isinstance(caught.value.__cause__, httpx.TransportError)
        with pytest.raises(StorageError):
            s.create_project("T", "O", ME)


def test_a_missing_migration_is_explained(server: RpcServer, request: pytest.FixtureRequest) -> None:
    cluster = postgres_for(request.config)
    name = "nomigration"
    with cluster.connect() as conn:
        exists = conn.execute("select 1 from pg_database where datname = %s", (name,)).fetchone()
    if exists is None:
        cluster.create_database(name, migrate=False)
    with RpcServer(cluster.conninfo(name)) as bare:
        s = SupabaseStore(bare.url, TEST_ANON_KEY)
        with pytest.raises(StorageError) as caught:
            s.open(new_token())
        assert "migration" in str(caught.value)
        s.close()


def test_the_api_key_is_required(server: RpcServer) -> None:
    answer = httpx.post(f"{server.url}/rest/v1/rpc/ps_open", json={"p_token": new_token()})
    assert answer.status_code == 401


class _Flaky:
    """A stand-in Data API that fails the first ``fails`` requests with ``status``."""

    def __init__(self, target: str, fails: int, status: int, payload: bytes = b"<html>bad gateway</html>") -> None:
        self.target, self.fails, self.status, self.seen = target, fails, status, 0
        self.payload = payload
        self.client = httpx.Client()
        flaky = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                flaky.seen += 1
                if flaky.seen <= flaky.fails:
                    payload = flaky.payload
                    self.send_response(flaky.status)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                answer = flaky.client.post(flaky.target + self.path, content=body,
                                    headers={k: v for k, v in self.headers.items() if k.lower() != "host"})
                self.send_response(answer.status_code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.client.close()


def test_reads_are_retried_on_5xx_writes_are_not(local: SupabaseStore, server: RpcServer, quick_retries: None) -> None:
    owner, _ = make(local)
    with _Flaky(server.url, fails=2, status=502) as url:
        s = SupabaseStore(url, TEST_ANON_KEY)
        assert s.revision(owner) == local.revision(owner)
        s.close()
    with _Flaky(server.url, fails=1, status=502) as url:
        s = SupabaseStore(url, TEST_ANON_KEY)
        r0 = local.revision(owner)
        with pytest.raises(StorageError):
            s.set_field(owner, "s4_vision", "x", 0, ME)
        assert local.revision(owner) == r0  # not sent twice, not saved by the failed attempt
        s.close()
    with _Flaky(server.url, fails=5, status=503) as url:
        s = SupabaseStore(url, TEST_ANON_KEY)
        with pytest.raises(StorageError):
            s.snapshot(owner)
        s.close()


def test_error_codes_map_to_the_error_tree(local: SupabaseStore) -> None:
    owner, tokens = make(local)
    with pytest.raises(InvalidLink):
        local.revision(owner.__class__(owner.project_id, Role.OWNER, tokens["viewer"][:-1] + "!"))
    with pytest.raises(ValidationError) as caught:
        local.update_task(owner, "no-such-task", {}, 1, ME)
    assert caught.value.code == "not_found"
    with pytest.raises(ValidationError):
        local.update_candidate(owner, "x", {"resources": 2**40}, 1, ME)


def test_a_statement_timeout_is_not_retried_and_says_the_request_was_too_large(
        local: SupabaseStore, server: Any) -> None:
    owner, _ = make(local)
    body = b'{"code": "57014", "message": "canceling statement due to statement timeout", "details": null}'
    with _Flaky(server.url, fails=5, status=500, payload=body) as url:
        s = SupabaseStore(url, TEST_ANON_KEY)
        started = time.monotonic()
        with pytest.raises(StorageError) as caught:
            s.snapshot(owner)
        assert time.monotonic() - started < BACKOFF_S[0]  # no pause for a second attempt
        s.close()
    assert caught.value.code == "too_large"
    assert "for stor" in describe(caught.value, "da")


@pytest.mark.parametrize(("error", "write", "code"), [
    ({"code": "502", "message": "Bad Gateway"}, True, "storage_unsure"),
    ({"code": "40001", "message": "could not serialize"}, True, "storage_busy"),
    ({"code": "53100", "message": "could not extend file"}, True, "storage_full"),
    ({"code": "57014", "message": "canceling statement"}, True, "too_large"),
])
def test_api_errors_carry_a_code_for_the_readers_language(error: dict[str, Any], write: bool, code: str) -> None:
    from postgrest.exceptions import APIError

    api = APIError(error)
    translated = supabase_store.translate(api.code or "", api.message or "", api.details, write=write)
    assert translated.code == code
    assert describe(translated, "da") == t(f"err.{code}", "da")


@pytest.mark.parametrize(
    ("error", "write", "kind", "words"),
    [({"code": "PT404", "message": "unknown or revoked link", "details": '{"code": "invalid_link"}'}, False,
      InvalidLink, ""),
     ({"code": "PT403", "message": "signed", "details": '{"code": "signed"}'}, True, Forbidden, ""),
     ({"code": "PGRST202", "message": "Could not find"}, False, StorageError, "migration"),
     ({"code": "42501", "message": "permission denied"}, True, StorageError, "key"),
     ({"message": "Invalid API key"}, False, StorageError, "key"),
     ({"code": "502", "message": "Bad Gateway"}, False, StorageError, "could not be reached"),
     ({"code": "502", "message": "Bad Gateway"}, True, StorageError, "may or may not"),
     ({"code": "PGRST003", "message": "pool timeout"}, True, StorageError, "could not be reached"),
     ({"code": "40001", "message": "could not serialize"}, True, StorageError, "did not save"),
     ({"code": "57014", "message": "canceling statement due to statement timeout"}, True, StorageError,
      "statement timeout"),
     ({"code": "57014", "message": "canceling statement due to statement timeout"}, False, StorageError,
      "statement timeout"),
     ({"code": "22P02", "message": "invalid input syntax for type integer"}, True, ValidationError, ""),
     ({"code": "XX000", "message": "boom"}, False, StorageError, "boom")],
)
def test_api_errors_are_translated(error: dict[str, Any], write: bool, kind: type, words: str) -> None:
    from postgrest.exceptions import APIError

    api = APIError(error)
    translated = supabase_store.translate(api.code or "", api.message or "", api.details, write=write)
    assert type(translated) is kind
    assert words in str(translated)


# -- helpers ------------------------------------------------------------------------------


class socket_closed:  # noqa: N801 - reads as a context manager
    """A URL nobody listens on."""

    def __enter__(self) -> str:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        pass


def make_access() -> Any:
    from partnership.model import Access

    return Access("0" * 32, Role.OWNER, new_token())


# -- the same answers on both transports, step by step ------------------------------------------------

_ID = re.compile(r"\b(?:[0-9a-f]{64}|[0-9a-f]{32})\b")  # record ids, presence ids (base.presence_id)
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:\+00:00)?")


class _Normal:
    """Outcomes with ids and timestamps replaced by stable placeholders."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}

    def text(self, value: str) -> str:
        value = _ID.sub(lambda m: self.ids.setdefault(m.group(0), f"<id{len(self.ids)}>"), value)
        return _STAMP.sub("<at>", value)

    def __call__(self, value: Any) -> Any:
        value = exchange.plain(value)
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self(v) for v in value]
        if isinstance(value, dict):
            return {self.text(str(k)): self(v) for k, v in value.items()}
        return value


def _scenario(s: Any) -> list[Any]:
    """A long walk through the contract, good and bad input, recording every outcome."""
    norm = _Normal()
    out: list[Any] = []

    def do(label: str, fn: Callable[[], Any]) -> Any:
        try:
            result = fn()
        except Conflict as exc:
            cur = exc.current
            out.append((label, "Conflict", norm(cur.value), cur.version, cur.updated_by, cur.updated_at is not None))
            return None
        except PartnershipError as exc:
            params = {k: v for k, v in exc.params.items()}
            out.append((label, type(exc).__name__, exc.code, norm(params)))
            return None
        if isinstance(result, Snapshot):
            out.append((label, "ok", norm(exchange.to_dict(result, [])), result.revision))
        elif isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], Access):
            out.append((label, "ok", "access"))
        else:
            out.append((label, "ok", norm(result)))
        return result

    owner, tokens = s.create_project(" Lektiecafé ", "Boldklubben Øst", ME)
    partner, viewer = s.open(tokens["partner"]), s.open(tokens["viewer"])
    do("create bad", lambda: s.create_project("", "x", ME))
    do("create bad org", lambda: s.create_project("T", "x" * 201, ME))
    do("create bad creator", lambda: s.create_project("T", "O", 5))
    for key, value, version, who, acc in [
        ("s1_idea", "Idé", 0, ME, owner), ("s1_idea", "Idé 2", 0, "Bo", owner), ("s1_idea", "Idé 2", 1, "Bo", owner),
        ("s1_idea", "x", 2, "Bo", partner), ("s4_vision", "Vision", 0, "Ole", partner),
        ("s4_vision", "v", 0, "V", viewer),
        ("nope", "x", 0, ME, owner), ("s4_how", "x" * 20001, 0, ME, owner), ("s4_how", "a\x00b", 0, ME, owner),
        ("s4_how", 5, 0, ME, owner), ("s4_how", "x", 0, " ", owner), ("s4_how", "x", 0, "x" * 201, owner),
        ("s4_how", "ok", 0, "\tAnna\n", owner),
    ]:
        do(f"set {key}", lambda k=key, v=value, n=version, w=who, a=acc: s.set_field(a, k, v, n, w))
    do("project unknown", lambda: s.update_project(owner, {"colour": "red", "mood": "x"}, 1, ME))
    do("project blank", lambda: s.update_project(owner, {"title": "  "}, 1, ME))
    do("project partner", lambda: s.update_project(partner, {"title": "x"}, 1, "Ole"))
    do("project ok", lambda: s.update_project(owner, {"partner_org": " Biblioteket ", "website": "x.dk"}, 1, ME))
    do("project stale", lambda: s.update_project(owner, {"title": "Nyt"}, 1, ME))
    names = ["Biblioteket", "Skolen", "Ældresagen", "Spejderne"]
    cands = [do(f"cand {n}", lambda n=n: s.add_candidate(owner, n, ME)) for n in names]
    do("cand dup", lambda: s.add_candidate(owner, "  SKOLEN", ME))
    do("cand partner", lambda: s.add_candidate(partner, "X", "Ole"))
    do("cand nul", lambda: s.add_candidate(owner, "a\x00", ME))
    a, b, c, d = (x.id for x in cands)
    for label, cid, changes, version in [
        ("score", a, {"resources": 4, "competences": 5, "values": 3, "fit": 4, "note": "God", "priority": 1}, 1),
        ("take 1", b, {"priority": 1}, 1), ("prio 2", c, {"priority": 2}, 1), ("prio 3", d, {"priority": 3}, 1),
        ("a prio 2", a, {"priority": 2}, 3), ("bad score", a, {"resources": 6}, 4), ("bad prio", a, {"priority": 0}, 4),
        ("bad status", a, {"status": "maybe"}, 4), ("nul status", a, {"status": "active\x00"}, 4),
        ("nul score", a, {"fit": "4\x00"}, 4), ("unknown", a, {"x": 1, "a": 2}, 4), ("stale", a, {"note": "x"}, 1),
        ("rename dup", a, {"name": "biblioteket "}, 4), ("rename dup2", a, {"name": "SKOLEN"}, 4),
        ("set aside", c, {"status": "set_aside"}, 3), ("missing", "nope", {"note": "x"}, 1),
    ]:
        do(f"cand {label}", lambda i=cid, ch=changes, v=version: s.update_candidate(owner, i, ch, v, ME))
    do("snapshot after candidates", lambda: s.snapshot(owner))
    do("refuse stale", lambda: s.record_refusal(owner, b, 1, ME))
    do("refuse", lambda: s.record_refusal(owner, b, 2, ME))
    do("refuse again", lambda: s.record_refusal(owner, a, 5, ME))
    do("refuse missing", lambda: s.record_refusal(owner, "nope", 1, ME))
    eva = do("eva", lambda: s.add_person(owner, {"name": " Eva ", "side": "association", "first_meeting": True}, ME))
    ole = do("ole", lambda: s.add_person(partner, {"name": "Ole", "side": "partner", "working_group": True}, "Ole"))
    do("person no side", lambda: s.add_person(owner, {"name": "X"}, ME))
    do("person bad flag", lambda: s.add_person(owner, {"name": "X", "side": "partner", "working_group": 1}, ME))
    do("person partner assoc", lambda: s.add_person(partner, {"name": "X", "side": "association"}, "Ole"))
    do("person partner edits eva", lambda: s.update_person(partner, eva.id, {"title": "x"}, 1, "Ole"))
    do("person partner moves ole", lambda: s.update_person(partner, ole.id, {"side": "association"}, 1, "Ole"))
    do("person ok", lambda: s.update_person(partner, ole.id, {"title": " Leder ", "contact": "o@x.dk",
                                                               "contact_consent": True}, 1, "Ole"))
    do("person long", lambda: s.update_person(owner, eva.id, {"contact": "x" * 201, "contact_consent": True}, 1, ME))
    do("person stale", lambda: s.update_person(owner, eva.id, {"name": "Eva B"}, 5, ME))
    t1 = do("task", lambda: s.add_task(owner, {"title": "Første møde", "kind": "activity", "responsible": ole.id,
                                               "side": "partner", "start": date(2027, 1, 5), "due": "2027-02-01"}, ME))
    do("task internal", lambda: s.add_task(owner, {"title": "Ring", "kind": "follow_up", "internal": True,
                                                   "due": "2027-01-10"}, ME))
    do("task partner internal", lambda: s.add_task(partner, {"title": "x", "internal": True}, "Ole"))
    do("task no title", lambda: s.add_task(owner, {"kind": "task"}, ME))
    do("task bad kind", lambda: s.add_task(owner, {"title": "x", "kind": "party"}, ME))
    do("task bad date", lambda: s.add_task(owner, {"title": "x", "due": "2027-13-01"}, ME))
    do("task nul date", lambda: s.add_task(owner, {"title": "x", "due": "2027-01-01\x00"}, ME))
    do("task due before", lambda: s.add_task(owner, {"title": "x", "start": "2027-02-01", "due": "2027-01-01"}, ME))
    do("task nobody", lambda: s.add_task(owner, {"title": "x", "responsible": "nobody"}, ME))
    do("task viewer", lambda: s.add_task(viewer, {"title": "x"}, "V"))
    do("task update", lambda: s.update_task(partner, t1.id, {"status": "in_progress", "note": "i gang"}, 1, "Ole"))
    do("task update stale", lambda: s.update_task(owner, t1.id, {"status": "done"}, 1, ME))
    do("task update dates", lambda: s.update_task(owner, t1.id, {"due": "2027-01-01"}, 2, ME))
    do("task make internal", lambda: s.update_task(owner, t1.id, {"internal": True}, 2, ME))
    do("task partner internal edit", lambda: s.update_task(partner, t1.id, {"note": "x"}, 3, "Ole"))
    do("task back", lambda: s.update_task(owner, t1.id, {"internal": False, "start": None}, 3, ME))
    do("health", lambda: s.add_health_check(owner, "Anna", {"communication": ("Green", " fint "),
                                                            "shared_goals": ["red"]}, ME))
    do("health partner", lambda: s.add_health_check(partner, "Ole", {"communication": "amber"}, "Ole"))
    do("health viewer", lambda: s.add_health_check(viewer, "V", {"communication": "amber"}, "V"))
    do("health bad", lambda: s.add_health_check(owner, "Anna", {"communication": ("purple", "")}, ME))
    do("health unknown", lambda: s.add_health_check(owner, "Anna", {"weather": "red"}, ME))
    do("health long", lambda: s.add_health_check(owner, "Anna", {"communication": ("red", "x" * 2001)}, ME))
    do("health nul", lambda: s.add_health_check(owner, "Anna", {"communication": ("red", "a\x00")}, ME))
    do("health none", lambda: s.add_health_check(owner, "Anna", {}, ME))
    entries = s.history(owner, limit=10_000)
    first_vision = next(e for e in entries if e.target == "s4_vision")
    task_created = next(e for e in entries if e.entity == "task" and e.version == 1)
    cand_entry = next(e for e in entries if e.entity == "candidate" and e.version == 1)
    health_entry = next(e for e in entries if e.entity == "health")
    do("restore field", lambda: s.restore(owner, first_vision.id, 1, ME))
    do("restore task", lambda: s.restore(owner, task_created.id, 4, ME))
    do("restore cand", lambda: s.restore(owner, cand_entry.id, 99, ME))
    do("restore cand by partner", lambda: s.restore(partner, cand_entry.id, 1, "Ole"))
    do("restore health", lambda: s.restore(owner, health_entry.id, 1, ME))
    do("restore missing", lambda: s.restore(owner, 10**9, 1, ME))
    text = "# Aftale\r\nVi samarbejder."
    digest = agreement.content_hash(text)
    do("approve stale", lambda: s.approve(owner, "Anna", agreement.content_hash("x"), text, ME))
    do("approve viewer", lambda: s.approve(viewer, "V", digest, text, "V"))
    do("approve", lambda: s.approve(owner, " Anna ", digest, text, ME))
    do("approve again", lambda: s.approve(owner, "Anna", digest, text, ME))
    do("approve partner", lambda: s.approve(partner, "Ole", digest, text, "Ole"))
    do("approve signed", lambda: s.approve(partner, "Ole", digest, text, "Ole"))
    do("signed field", lambda: s.set_field(partner, "s4_vision", "x", 2, "Ole"))
    do("signed internal field", lambda: s.set_field(owner, "s1_idea", "still mine", 2, ME))
    do("signed status", lambda: s.update_task(owner, t1.id, {"status": "done"}, 5, ME))
    do("signed title", lambda: s.update_task(owner, t1.id, {"title": "Ny"}, 6, ME))
    do("signed new plain task", lambda: s.add_task(owner, {"title": "Indkøb"}, ME))
    do("signed new activity", lambda: s.add_task(owner, {"title": "Fest", "kind": "activity"}, ME))
    do("signed person", lambda: s.update_person(owner, eva.id, {"title": "x"}, 1, ME))
    do("snapshot signed", lambda: s.snapshot(owner))
    do("reopen viewer", lambda: s.reopen(viewer, "V"))
    do("reopen", lambda: s.reopen(partner, "Ole"))
    do("reopen again", lambda: s.reopen(owner, ME))
    do("heartbeat blank", lambda: s.heartbeat(owner, " ", ME, ""))
    do("heartbeat long", lambda: s.heartbeat(owner, "s", ME, "x" * 65))
    do("heartbeat", lambda: s.heartbeat(owner, "s-owner", ME, ""))
    do("heartbeat partner", lambda: s.heartbeat(partner, "s-partner", "Ole", "s4_vision"))
    do("heartbeat viewer", lambda: s.heartbeat(viewer, "s-viewer", "Vera", ""))
    do("heartbeat again", lambda: s.heartbeat(owner, "s-owner", ME, "s4_how"))
    do("rotate bad role", lambda: s.rotate_link(owner, "king"))
    for acc in (owner, partner, viewer):
        do(f"snapshot {acc.role}", lambda a=acc: s.snapshot(a))
        do(f"history {acc.role}", lambda a=acc: [(e.entity, e.target, e.actor, e.role, e.old, e.new, e.version)
                                                 for e in s.history(a, limit=10_000)])
        do(f"history 3 {acc.role}", lambda a=acc: [e.version for e in s.history(a, limit=3)])
        do(f"export {acc.role}", lambda a=acc: s.export_project(a))
    do("revision", lambda: s.revision(owner))
    copy = do("import", lambda: s.import_project(s.export_project(owner), "Importør"))
    do("import partner export", lambda: s.import_project(s.export_project(partner), "Ole"))
    do("import bad", lambda: s.import_project({"format": "partnerskab/1", "project": {"title": 5}}, ME))
    do("import bad creator", lambda: s.import_project(s.export_project(owner), " "))
    if copy is not None:
        do("export copy", lambda: s.export_project(s.open(copy[1]["owner"])))
    do("delete partner", lambda: s.delete_project(partner))
    do("delete", lambda: s.delete_project(owner))
    do("after delete", lambda: s.revision(owner))
    return out


def test_every_outcome_is_the_same_on_both_transports(local: SupabaseStore, direct: PostgresStore) -> None:
    ours = _scenario(local)
    theirs = _scenario(direct)
    for mine, reference in zip(ours, theirs, strict=False):
        assert mine == reference
    assert len(ours) == len(theirs)
