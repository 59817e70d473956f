"""The values in force in a PostgreSQL with every migration applied are Python's.

scripts/gen_sql.py writes them into supabase/migrations/*_generated_rules.sql (see
tests/unit/test_gen_sql.py for staleness). Here: the live function bodies hold no stray
copy of them, the generated functions and constraints hold Python's values, and the SQL
functions themselves refuse what the Python rules refuse (called directly, so no Python
validation runs first).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from partnership import agreement, health, rules, steps
from partnership.model import CandidateStatus, TaskKind, TaskStatus
from partnership.store.supabase import SupabaseStore
from tests.store.contract import ME, make
from tests.support.postgres import PostgresCluster
from tests.unit.test_gen_sql import gen

pytestmark = pytest.mark.postgres

GENERATED = {"max_text", "top_priorities", "max_comment", "statements", "ratings", "agreement_task_kinds",
             "tracking_task_fields", "generated_rules"}


@pytest.fixture
def conn(cluster: PostgresCluster) -> Iterator[psycopg.Connection]:
    with cluster.connect(autocommit=True) as c:
        yield c


def _bodies(conn: psycopg.Connection) -> dict[str, str]:
    rows = conn.execute(
        "select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.prosrc"
        " from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
        " where n.nspname in ('public', 'partnership_private')").fetchall()
    return dict(rows)


def _refusal(conn: psycopg.Connection, query: str, *params: Any) -> tuple[str | None, dict[str, Any]]:
    with pytest.raises(psycopg.Error) as caught:
        conn.execute(query, params)
    detail = caught.value.diag.message_detail
    return caught.value.sqlstate, json.loads(detail) if detail else {}


# -- the values in force ------------------------------------------------------------------


def test_the_generated_functions_return_pythons_values(conn: psycopg.Connection) -> None:
    row = conn.execute(
        "select partnership_private.max_text(), partnership_private.top_priorities(),"
        " partnership_private.max_comment(), partnership_private.statements(), partnership_private.ratings(),"
        " partnership_private.agreement_task_kinds(), partnership_private.tracking_task_fields(),"
        " partnership_private.generated_rules()").fetchone()
    assert row is not None
    max_text, top, max_comment, statements, ratings, kinds, tracking, newest = row
    assert (max_text, top, max_comment) == (steps.MAX_TEXT, steps.TOP_PRIORITIES, health.MAX_COMMENT)
    assert (tuple(statements), tuple(ratings)) == (health.STATEMENTS, health.RATINGS)
    assert (set(kinds), set(tracking)) == (rules.AGREEMENT_TASK_KINDS, rules.TRACKING_TASK_FIELDS)
    assert newest == gen.newest().stem


def test_the_catalogue_and_the_enum_checks_in_force_are_pythons(conn: psycopg.Connection) -> None:
    catalogue = conn.execute("select key, step, internal from partnership_private.field_catalog").fetchall()
    assert set(catalogue) >= {(f.key, f.step, f.internal) for f in steps.FIELDS}
    row = conn.execute("select partnership_private.task_kinds(), partnership_private.task_statuses(),"
                       " partnership_private.candidate_statuses()").fetchone()
    assert row is not None
    assert [list(v) for v in row] == [[k.value for k in TaskKind], [s.value for s in TaskStatus],
                                      [s.value for s in CandidateStatus]]
    checks = dict(conn.execute(
        "select conname, pg_catalog.pg_get_constraintdef(oid) from pg_catalog.pg_constraint"
        " where conname in ('tasks_kind_check', 'tasks_status_check', 'candidates_status_check')").fetchall())
    for name, enum in (("tasks_kind_check", TaskKind), ("tasks_status_check", TaskStatus),
                       ("candidates_status_check", CandidateStatus)):
        assert sorted(re.findall(r"'(\w+)'", checks[name])) == sorted(v.value for v in enum), name


def test_no_function_body_holds_a_stray_copy_of_a_generated_value(conn: psycopg.Connection) -> None:
    bodies = _bodies(conn)
    stray = {
        "max_text": rf"\b{steps.MAX_TEXT}\b",
        "max_comment": rf"\b{health.MAX_COMMENT}\b",
        "top_priorities": rf"(<=|<|between 1 and|1-)\s*{steps.TOP_PRIORITIES}\b",
        "statements": "|".join(f"'{s}'" for s in health.STATEMENTS),
        "ratings": "|".join(f"'{r}'" for r in health.RATINGS),
        "agreement_task_kinds": r"'activity',\s*'milestone'|in \('activity'",
        "tracking_task_fields": r"array\['status',\s*'note'\]|'status',\s*'note'\)",
    }
    found = [(name, fn) for name, pattern in stray.items() for fn, body in bodies.items()
             if re.search(pattern, body) and not fn.startswith(f"partnership_private.{name}(")]
    assert found == []
    names = {d.name for d in gen.redefinitions(gen.FIRST.stem)}
    redefined = [fn for fn in bodies if fn.split("(")[0] in names]
    assert len(redefined) == len(names) >= 9
    calls = re.compile(r"partnership_private\.(" + "|".join(GENERATED) + r")\(\)")
    for fn in redefined:  # each one calls a generated function now, itself or through a helper
        helpers = [body for name, body in bodies.items() if name.startswith("partnership_private.")
                   and re.search(re.escape(name.split("(")[0]) + r"\(", bodies[fn])]
        assert calls.search(bodies[fn]) or any(calls.search(body) for body in helpers), fn


def test_the_text_checks_of_the_tables_are_max_text(conn: psycopg.Connection) -> None:
    rows = conn.execute(
        "select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint"
        " where connamespace = 'partnership_private'::regnamespace").fetchall()
    checks = {name: definition for _, name, definition in rows}
    for table, column in gen.TEXT_CHECKS:
        assert checks[f"{table}_{column}_check"] == f"CHECK ((length({column}) <= {steps.MAX_TEXT}))"
    others = [name for _, name, definition in rows if str(steps.MAX_TEXT) in definition]
    assert sorted(others) == sorted(f"{t}_{c}_check" for t, c in gen.TEXT_CHECKS)


# -- the SQL functions refuse what the Python rules refuse --------------------------------


def test_a_text_one_longer_than_max_text_is_refused_by_the_sql(conn: psycopg.Connection,
                                                               local: SupabaseStore) -> None:
    owner, tokens = make(local)
    call = "select public.ps_set_field(%s, %s, 's4_vision', %s, %s, 'Anna')"
    state, detail = _refusal(conn, call, tokens["owner"], owner.project_id, "x" * (steps.MAX_TEXT + 1), 0)
    assert (state, detail.get("code"), detail.get("limit")) == ("PT422", "too_long", steps.MAX_TEXT)
    assert conn.execute(call, (tokens["owner"], owner.project_id, "x" * steps.MAX_TEXT, 0)).fetchone() == (1,)
    task = local.add_task(owner, {"title": "Noget"}, ME)
    state, detail = _refusal(conn, "select public.ps_update_task(%s, %s, %s, %s, 1, 'Anna')", tokens["owner"],
                             owner.project_id, task.id, json.dumps({"note": "y" * (steps.MAX_TEXT + 1)}))
    assert (state, detail.get("code")) == ("PT422", "too_long")


def test_a_priority_beyond_the_top_three_is_refused_by_the_sql(conn: psycopg.Connection,
                                                               local: SupabaseStore) -> None:
    owner, tokens = make(local)
    candidate = local.add_candidate(owner, "Biblioteket", ME)
    call = "select public.ps_update_candidate(%s, %s, %s, %s, %s, 'Anna')"
    state, detail = _refusal(conn, call, tokens["owner"], owner.project_id, candidate.id,
                             json.dumps({"priority": steps.TOP_PRIORITIES + 1}), 1)
    assert (state, detail.get("code")) == ("PT422", "bad_priority")
    assert conn.execute(call, (tokens["owner"], owner.project_id, candidate.id,
                               json.dumps({"priority": steps.TOP_PRIORITIES}), 1)).fetchone() == (2,)


def test_health_statements_and_comment_length_are_pythons(conn: psycopg.Connection,
                                                          local: SupabaseStore) -> None:
    owner, tokens = make(local)
    call = "select public.ps_add_health_check(%s, %s, 'Anna', %s, 'Anna')"
    state, detail = _refusal(conn, call, tokens["owner"], owner.project_id, json.dumps({"weather": ["green", ""]}))
    assert (state, detail.get("code")) == ("PT422", "bad_choice")
    too_long = {health.STATEMENTS[0]: [health.RATINGS[0], "z" * (health.MAX_COMMENT + 1)]}
    state, detail = _refusal(conn, call, tokens["owner"], owner.project_id, json.dumps(too_long))
    assert (state, detail.get("code")) == ("PT422", "too_long")
    every = {s: [health.RATINGS[-1], "z" * health.MAX_COMMENT] for s in health.STATEMENTS}
    answer = conn.execute(call, (tokens["owner"], owner.project_id, json.dumps(every))).fetchone()
    assert answer is not None and [a[0] for a in answer[0]["answers"]] == list(health.STATEMENTS)


def test_a_partner_changing_a_task_outside_the_rule_is_refused_by_the_sql(conn: psycopg.Connection,
                                                                          local: SupabaseStore) -> None:
    owner, tokens = make(local)
    internal = local.add_task(owner, {"title": "Vores egen", "internal": True}, ME)
    call = "select public.ps_update_task(%s, %s, %s, %s, %s, 'Ole')"
    state, detail = _refusal(conn, call, tokens["partner"], owner.project_id, internal.id,
                             json.dumps({"status": "done"}), 1)
    assert (state, detail.get("code")) == ("PT403", "forbidden")

    owner, tokens = make(local)
    activity = local.add_task(owner, {"title": "Lektiehjælp", "kind": "activity"}, ME)
    plain = local.add_task(owner, {"title": "Bestil lokale"}, ME)
    text = "# Aftale"
    local.approve(owner, "Anna", agreement.content_hash(text), text, ME)
    local.approve(local.open(tokens["partner"]), "Ole", agreement.content_hash(text), text, "Ole")
    partner = tokens["partner"]
    for changes in ({"title": "Ny titel"}, {"status": "done", "due": "2027-01-01"}, {"kind": "task"}):
        state, detail = _refusal(conn, call, partner, owner.project_id, activity.id, json.dumps(changes), 1)
        assert (state, detail.get("code")) == ("PT403", "signed"), changes
    state, detail = _refusal(conn, call, partner, owner.project_id, plain.id, json.dumps({"kind": "activity"}), 1)
    assert (state, detail.get("code")) == ("PT403", "signed")
    # what the rule allows goes through
    tracking = {"status": "done", "note": "Godt gået"}
    assert set(tracking) == rules.TRACKING_TASK_FIELDS
    assert conn.execute(call, (partner, owner.project_id, activity.id, json.dumps(tracking), 1)).fetchone() == (2,)
    assert conn.execute(call, (partner, owner.project_id, plain.id, json.dumps({"title": "Lokale 2"}), 1)
                        ).fetchone() == (2,)
