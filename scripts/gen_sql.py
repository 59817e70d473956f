"""Write the SQL whose values come from Python: supabase/migrations/*_generated_rules.sql.

    .venv/bin/python scripts/gen_sql.py            a NEW <now>_generated_rules.sql when the newest
                                                   one is committed (a migration in git may be
                                                   deployed: it is never edited); else rewrite it
    .venv/bin/python scripts/gen_sql.py --out supabase/migrations/<timestamp>_generated_rules.sql

The migration holds
  - one small SQL function per Python value the SQL uses (``partnership_private.max_text()``
    = ``steps.MAX_TEXT``, ``top_priorities()``, ``max_comment()``, ``statements()``,
    ``ratings()``, ``agreement_task_kinds()``, ``tracking_task_fields()``, from
    ``partnership.steps``, ``partnership.health`` and ``partnership.rules``);
  - every existing function whose body still writes one of those values as a literal,
    redefined to call the function instead: the script reads the migrations before its
    output file (a later definition wins; ``alter function ... rename to / set schema /
    security invoker`` are followed), and in the newest body of each function replaces
    the literals the hand-written SQL used (``LEGACY``) and nothing else;
  - the CHECK constraints on the text length, with the number written in, and on the enum
    columns (task kind and status, candidate status), with ``partnership.model``'s values;
  - the field catalogue's rows, from ``steps.FIELDS`` (a new field is added, a changed one
    updated);
  - the casefold table (Python's ``str.casefold`` per character).

A migration that is deployed is never edited: once the newest generated file is committed
and a value changes, the script writes a NEW file (a later timestamp), which redefines the
functions again from their newest bodies.
tests/unit/test_gen_sql.py fails while the newest generated file differs from what this
script writes now (also after a new migration redefines a function with a literal), and
tests/store/test_generated_sql.py checks the values in force in PostgreSQL.
Standard library and the partnership package only.
"""

from __future__ import annotations

import argparse
import functools
import re
import subprocess
import sys
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from partnership import health, rules, steps  # noqa: E402
from partnership.model import CandidateStatus, TaskKind, TaskStatus  # noqa: E402

MIGRATIONS = ROOT / "supabase" / "migrations"
SUFFIX = "_generated_rules.sql"
FIRST = MIGRATIONS / f"20261130000600{SUFFIX}"
P = "partnership_private"

TEXT_CHECKS = (("fields", "value"), ("candidates", "note"), ("tasks", "note"))
"""The columns whose CHECK constraint limits them to ``steps.MAX_TEXT`` characters."""

ENUM_CHECKS = (("tasks", "kind", TaskKind), ("tasks", "status", TaskStatus), ("candidates", "status", CandidateStatus))
"""The columns whose CHECK constraint admits exactly the values of a Python enum."""


def _text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _array(values: Iterable[str]) -> str:
    return "array[" + ", ".join(_text(v) for v in values) + "]::text[]"


def constants() -> list[tuple[str, str, str, str]]:
    """(function, SQL type, SQL value, where in Python) of each generated constant."""
    return [
        ("max_text", "integer", str(steps.MAX_TEXT), "partnership.steps.MAX_TEXT"),
        ("top_priorities", "integer", str(steps.TOP_PRIORITIES), "partnership.steps.TOP_PRIORITIES"),
        ("max_comment", "integer", str(health.MAX_COMMENT), "partnership.health.MAX_COMMENT"),
        ("statements", "text[]", _array(health.STATEMENTS), "partnership.health.STATEMENTS"),
        ("ratings", "text[]", _array(health.RATINGS), "partnership.health.RATINGS"),
        ("agreement_task_kinds", "text[]", _array(sorted(rules.AGREEMENT_TASK_KINDS)),
         "partnership.rules.AGREEMENT_TASK_KINDS"),
        ("tracking_task_fields", "text[]", _array(sorted(rules.TRACKING_TASK_FIELDS)),
         "partnership.rules.TRACKING_TASK_FIELDS"),
        ("task_kinds", "text[]", _array(k.value for k in TaskKind), "partnership.model.TaskKind"),
        ("task_statuses", "text[]", _array(s.value for s in TaskStatus), "partnership.model.TaskStatus"),
        ("candidate_statuses", "text[]", _array(s.value for s in CandidateStatus), "partnership.model.CandidateStatus"),
    ]


def _list(values: Iterable[str]) -> str:
    return r",\s*".join(re.escape(_text(v)) for v in values)


def _lists(fn: str, values: Iterable[str]) -> list[tuple[str, str]]:
    """A literal list as the hand-written SQL wrote it, in its three forms."""
    items = _list(values)
    return [(rf"pg_catalog\.jsonb_build_array\(\s*{items}\s*\)", f"pg_catalog.to_jsonb({P}.{fn}())"),
            (rf"\barray\[\s*{items}\s*\](::text\[\])?", f"{P}.{fn}()"),
            (rf"\bin \(\s*{items}\s*\)", f"= any ({P}.{fn}())")]


LEGACY: list[tuple[str, str]] = [
    (r"(?<![\w.])20000(?![\w.])", f"{P}.max_text()"),
    (r"(?<![\w.])2000(?![\w.])", f"{P}.max_comment()"),
    (r"\bv_place <= 3\b", f"v_place <= {P}.top_priorities()"),
    (r"\bbetween 1 and 3\b", f"between 1 and {P}.top_priorities()"),
    (r"'priority must be 1-3'", f"'priority must be 1-' || {P}.top_priorities()"),
    (r"'top_priorities', 3\b", f"'top_priorities', {P}.top_priorities()"),
    *_lists("statements", ("shared_goals", "tasks_as_agreed", "communication", "mutual_benefit", "equal_ownership",
                           "resources_ok")),
    *_lists("ratings", ("green", "amber", "red")),
    *_lists("agreement_task_kinds", ("activity", "milestone", "follow_up")),
    *_lists("tracking_task_fields", ("status", "note")),
    *_lists("task_kinds", ("activity", "task", "follow_up", "milestone")),
    *_lists("task_statuses", ("planned", "in_progress", "done", "blocked")),
    *_lists("candidate_statuses", ("active", "set_aside", "refused")),
]
"""(pattern, replacement): the literals the hand-written migrations used for the generated
values, and the call that replaces each. Only these are changed in a copied body."""


# -- the functions as the migrations before the output define them -------------------------

_CREATE = re.compile(r"^create (?:or replace )?function ([\w.]+)\(", re.M)
_ALTER = re.compile(r"^\s*alter function ([\w.]+)\([^)]*\) (rename to (\w+)|set schema (\w+)|security invoker)"
                    r"\s*;", re.M)


@dataclass
class Definition:
    name: str
    sql: str
    """The comment lines right above and the create statement up to its closing ``$$;``."""
    source: str


def _comment_above(text: str, start: int) -> int:
    lines = text[:start].split("\n")[:-1]
    kept = 0
    while kept < len(lines) and lines[len(lines) - 1 - kept].startswith("--"):
        kept += 1
    return start - sum(len(line) + 1 for line in lines[len(lines) - kept:])


def definitions(before: str) -> dict[str, Definition]:
    """Each function's newest definition in the migrations named before ``before``."""
    found: dict[str, Definition] = {}
    for path in sorted(MIGRATIONS.glob("*.sql")):
        if path.name >= before:
            break
        text = path.read_text(encoding="utf-8")
        events = [(m.start(), m) for m in _CREATE.finditer(text)] + [(m.start(), m) for m in _ALTER.finditer(text)]
        for start, m in sorted(events, key=lambda e: e[0]):
            if m.re is _CREATE:
                end = text.index("\n$$;", start) + len("\n$$;")
                found[m[1]] = Definition(m[1], text[_comment_above(text, start):end], path.name)
            elif m[1] in found:
                _alter(found, m)
    return found


def _alter(found: dict[str, Definition], m: re.Match[str]) -> None:
    old = found.pop(m[1])
    schema, name = old.name.split(".")
    if m[3]:
        name = m[3]
    elif m[4]:
        schema = m[4]
    new = f"{schema}.{name}"
    sql = old.sql.replace(f"function {old.name}(", f"function {new}(", 1)
    if m[2] == "security invoker":
        sql = sql.replace(" security definer ", " ", 1)
    found[new] = Definition(new, sql, old.source)


def redefinitions(before: str) -> list[Definition]:
    """The newest definitions that still hold a legacy literal, with the literals replaced."""
    out = []
    generated = {f"{P}.{fn}" for fn in ("generated_rules", *_names())}  # written anew, never copied
    for d in definitions(before).values():
        if d.name in generated:
            continue
        sql = d.sql
        for pattern, replacement in LEGACY:
            sql = re.sub(pattern, replacement.replace("\\", "\\\\"), sql)
        if sql != d.sql:
            sql = _CREATE.sub(lambda m: f"create or replace function {m[1]}(", sql, count=1)
            out.append(Definition(d.name, sql, d.source))
    return out


# -- the migration ---------------------------------------------------------------------------


def _escape(text: str) -> str:
    return "".join(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}" for ch in text)


@functools.cache
def casefold_rows() -> list[tuple[str, str]]:
    """Every character whose ``str.casefold()`` differs from itself, with its folding."""
    return [(chr(i), chr(i).casefold()) for i in range(sys.maxunicode + 1)
            if not 0xD800 <= i < 0xE000 and chr(i).casefold() != chr(i)]


def _casefold_sql() -> list[str]:
    rows = [f"(E'{_escape(ch)}', E'{_escape(folded)}')" for ch, folded in casefold_rows()]
    lines = ["    " + ", ".join(rows[i:i + 6]) for i in range(0, len(rows), 6)]
    return [f"-- Python's str.casefold() per character (Unicode {unicodedata.unidata_version}), for duplicate"
            " candidate names.",
            f"delete from {P}.casefold_map;",
            f"insert into {P}.casefold_map (ch, folded) values",
            ",\n".join(lines) + ";"]


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, 96, initial_indent="-- ", subsequent_indent="--   ", break_on_hyphens=False)


def _header(name: str, redefined: list[Definition]) -> list[str]:
    return [
        f"-- {name}: GENERATED by scripts/gen_sql.py from the Python code. Do not edit.",
        "-- Regenerate: .venv/bin/python scripts/gen_sql.py (see its doc for a new file after deploying).",
        "--",
        "-- The values the SQL shares with Python, written once each as a small function; the functions",
        "-- that wrote them as literals redefined to call those; the CHECK constraints on the text",
        "-- length; Python's case folding for duplicate candidate names.",
        "--",
        *_wrapped("New: " + ", ".join(f"{P}.{fn}()" for fn in ("generated_rules", *_names())) + "."),
        *_wrapped("Redefined (the newest body, only the literals replaced): "
                  + ", ".join(f"{d.name} (from {d.source.removesuffix('.sql')})" for d in redefined) + "."),
        *_wrapped("Replaced: the CHECK constraints " + ", ".join(f"{t}_{c}_check" for t, c in TEXT_CHECKS)
                  + ", " + ", ".join(f"{t}_{c}_check" for t, c, _ in ENUM_CHECKS) + f"; the rows of {P}.field_catalog"
                  + f"; the rows of {P}.casefold_map (Python {sys.version_info.major}.{sys.version_info.minor},"
                  + f" Unicode {unicodedata.unidata_version}: {len(casefold_rows())} rows)."),
        "--",
        "-- Applying this file a second time fails at the guard below and changes nothing.",
        "",
        "do $guard$",
        "begin",
        "    if exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace",
        f"               where n.nspname = '{P}' and p.proname = 'generated_rules') then",
        f"        if {P}.generated_rules() >= {_text(name)} then",
        f"            raise exception 'migration {name} is already applied (generated_rules() is %);"
        " nothing was changed',",
        f"                {P}.generated_rules();",
        "        end if;",
        "    end if;",
        "end",
        "$guard$;",
        "",
    ]


def _names() -> list[str]:
    return [c[0] for c in constants()]


def _constant_functions(name: str) -> list[str]:
    out = ["-- The newest generated migration applied (its guard compares this).",
           f"create or replace function {P}.generated_rules()",
           f"returns text language sql immutable set search_path = '' as $$ select {_text(name)}::text $$;", ""]
    for fn, kind, value, source in constants():
        out += [f"-- {source}",
                f"create or replace function {P}.{fn}()",
                f"returns {kind} language sql immutable set search_path = '' as $$ select {value} $$;", ""]
    out += [f"revoke all on function {P}.{fn}() from public, anon, authenticated, service_role;"
            for fn in ("generated_rules", *_names())]
    return [*out, ""]


def _checks() -> list[str]:
    out = [f"-- partnership.steps.MAX_TEXT in the tables: {', '.join(f'{t}.{c}' for t, c in TEXT_CHECKS)}."]
    for table, column in TEXT_CHECKS:
        out += [f"alter table {P}.{table} drop constraint if exists {table}_{column}_check,",
                f"    add constraint {table}_{column}_check check (pg_catalog.length({column}) <= {steps.MAX_TEXT});"]
    for table, column, enum in ENUM_CHECKS:
        values = ", ".join(_text(v.value) for v in enum)
        out += [f"-- partnership.model.{enum.__name__} in {table}.{column}.",
                f"alter table {P}.{table} drop constraint if exists {table}_{column}_check,",
                f"    add constraint {table}_{column}_check check ({column} in ({values}));"]
    return [*out, ""]


def _field_catalog() -> list[str]:
    """``steps.FIELDS`` as the rows of the field catalogue (a field is added or changed here;
    a field taken out of Python stays in the table, with whatever was written in it)."""
    rows = ",\n".join(f"    ({_text(f.key)}, {f.step}, {str(f.internal).lower()})" for f in steps.FIELDS)
    return ["-- partnership.steps.FIELDS: the field catalogue.",
            f"insert into {P}.field_catalog (key, step, internal) values",
            rows,
            "on conflict (key) do update set step = excluded.step, internal = excluded.internal;", ""]


def render(name: str = FIRST.stem) -> str:
    """The whole migration named ``name`` (its file name without ``.sql``)."""
    redefined = redefinitions(name)
    parts = [*_header(name, redefined), *_constant_functions(name)]
    for d in redefined:
        parts += [f"-- From {d.source}, the literals replaced.", d.sql, ""]
    parts += [*_checks(), *_field_catalog(), *_casefold_sql()]
    return "\n".join(parts) + "\n"


def newest() -> Path:
    """The newest generated migration (the one that must equal ``render``)."""
    found = sorted(MIGRATIONS.glob(f"*{SUFFIX}"))
    return found[-1] if found else FIRST


def _committed(path: Path) -> bool:
    """True when git knows ``path`` (or git cannot say: then it may be deployed, too)."""
    try:
        found = subprocess.run(["git", "ls-files", "--error-unmatch", str(path)], cwd=ROOT, capture_output=True,
                               check=False, timeout=30)
    except OSError:
        return True
    return found.returncode == 0


def default_out(now: datetime | None = None) -> Path:
    """The newest generated file while it is not committed, else a new one named by the
    time now (UTC), after every migration there is."""
    last = newest()
    if not _committed(last):
        return last
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d%H%M%S")
    newest_any = max(p.name[:14] for p in MIGRATIONS.glob("*.sql"))
    if stamp <= newest_any:
        stamp = str(int(newest_any) + 1)
    return MIGRATIONS / f"{stamp}{SUFFIX}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the generated SQL migration (see the script's doc).")
    parser.add_argument("--out", type=Path, default=None,
                        help="the migration to write (default: the newest if not committed, else a new one)")
    args = parser.parse_args(argv)
    if args.out is None and newest().read_text(encoding="utf-8") == render(newest().stem):
        print(f"{newest()} is up to date")
        return 0
    out: Path = args.out or default_out()
    if not out.name.endswith(SUFFIX):
        parser.error(f"the file name must end in {SUFFIX}")
    out.write_text(render(out.name.removesuffix(".sql")), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
