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
        "(it writes a new migration when that file is committed; see the script's doc)")


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


REDEFINED = {
    "partnership_private.candidate_changes", "partnership_private.task_changes", "partnership_private.health_answers",
    "partnership_private.task_rule", "partnership_private.constants", "public.ps_set_field",
    "public.ps_record_refusal", "partnership_private.import_answers", "partnership_private.import_project_as_sent",
}


def test_every_function_whose_newest_body_holds_a_literal_is_redefined_without_it() -> None:
    redefined = gen.redefinitions(gen.FIRST.stem)
    assert {d.name for d in redefined} == REDEFINED
    for d in redefined:
        for literal in (r"\b20000\b", r"\b2000\b", r"<= 3\b", r"and 3\b", "'shared_goals'", "'green'",
                        r"array\['status', 'note'\]", "'activity', 'milestone'"):
            assert not re.search(literal, d.sql), (d.name, literal)
        assert d.sql.startswith(("--", "create or replace function")), d.name
    moved = next(d for d in redefined if d.name == "partnership_private.import_project_as_sent")
    assert "create or replace function partnership_private.import_project_as_sent(" in moved.sql
    assert "security definer" not in moved.sql.split("$$")[0]  # 20261130000200_safety made it security invoker


def test_a_later_migration_redefining_a_function_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A body another migration redefined (before the generated one) is the one copied."""
    for path in gen.MIGRATIONS.glob("*.sql"):
        if path.name < gen.FIRST.name:
            (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "20261130000550_other.sql").write_text(
        "create or replace function public.ps_set_field(p_token text)\n"
        "returns integer language plpgsql as $$\nbegin\n    return 20000 + 1; -- other\nend\n$$;\n",
        encoding="utf-8")
    monkeypatch.setattr(gen, "MIGRATIONS", tmp_path)
    text = gen.render()
    assert "return partnership_private.max_text() + 1; -- other" in text
    assert "ps_set_field (from 20261130000550_other)" in " ".join(text.replace("--", " ").split())


def test_a_committed_generated_migration_is_never_rewritten(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once in git it may be deployed: the script writes a new file after every migration."""
    monkeypatch.setattr(gen, "_committed", lambda path: True)
    out = gen.default_out()
    assert out != gen.newest() and out.name.endswith(gen.SUFFIX)
    assert out.name[:14] > max(p.name[:14] for p in gen.MIGRATIONS.glob("*.sql"))
    monkeypatch.setattr(gen, "_committed", lambda path: False)
    assert gen.default_out() == gen.newest()
