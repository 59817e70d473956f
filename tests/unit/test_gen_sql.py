"""scripts/gen_sql.py: the committed generated migration is what the script writes now.

(tests/store/test_generated_sql.py checks the values in force in a migrated PostgreSQL.)
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from partnership import health, rules, steps

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_sql", ROOT / "scripts" / "gen_sql.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_sql", module)
    spec.loader.exec_module(module)
    return module


gen = _load()


def test_the_newest_generated_migration_is_not_stale() -> None:
    newest = gen.newest()
    assert newest.name == "20261130000600_generated_rules.sql" or newest.name > "20261130000600"
    committed = newest.read_text(encoding="utf-8")
    assert committed == gen.render(newest.stem), (
        f"{newest.relative_to(ROOT)} is stale: run .venv/bin/python scripts/gen_sql.py "
        "(or, once that file is deployed, write a new one with --out; see the script's doc)")


def test_the_migration_writes_pythons_values() -> None:
    text = gen.render()
    assert f"select {steps.MAX_TEXT} $$" in text
    assert f"select {steps.TOP_PRIORITIES} $$" in text
    assert f"select {health.MAX_COMMENT} $$" in text
    assert "select array[" + ", ".join(f"'{s}'" for s in health.STATEMENTS) + "]::text[] $$" in text
    assert "select array[" + ", ".join(f"'{s}'" for s in sorted(rules.TRACKING_TASK_FIELDS)) + "]::text[] $$" in text
    assert "select array[" + ", ".join(f"'{s}'" for s in sorted(rules.AGREEMENT_TASK_KINDS)) + "]::text[] $$" in text
    assert f"check (pg_catalog.length(note) <= {steps.MAX_TEXT})" in text
    assert len(gen.casefold_rows()) == len(re.findall(r"\(E'[^']*', E'[^']*'\)", text))


def test_a_changed_python_value_changes_the_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """So the staleness test fails when Python changes and the file is not regenerated."""
    before = gen.render()
    monkeypatch.setattr(steps, "MAX_TEXT", 30_000)
    monkeypatch.setattr(rules, "TRACKING_TASK_FIELDS", frozenset({"status", "note", "due"}))
    after = gen.render()
    assert after != before
    assert "select 30000 $$" in after and "<= 30000)" in after and "20000" not in after
    assert "select array['due', 'note', 'status']::text[] $$" in after


def test_the_redefined_bodies_hold_none_of_the_generated_literals() -> None:
    """scripts/generated_rules_functions.sql calls the generated functions instead."""
    functions = gen.FUNCTIONS.read_text(encoding="utf-8")
    for literal in (r"\b20000\b", r"\b2000\b", r"<= 3\b", r"and 3\)", "'shared_goals'", "'green'",
                    r"array\['status', 'note'\]", "'activity', 'milestone'"):
        assert not re.search(literal, functions), literal
    defined = re.findall(r"^create or replace function ([\w.]+)\(", functions, re.M)
    assert tuple(defined) == gen.REDEFINED
