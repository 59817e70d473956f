"""Every message in the catalogues is used by the code, so a dead key fails a test.

A key counts as used when the code (``partnership/``, ``app_pages/``, ``main.py``,
``app.py``; the catalogues themselves left out) holds it as a string literal, or builds it
from a literal start: ``f"agr.kind.{kind.value}"`` or ``"role." + role``. A built key counts
only when the part filled in also appears in the code as a literal (an enum value, a field
key, a step number, an error code), so ``f"err.{exc.code}"`` does not keep every ``err.*``
key alive on its own.

``DYNAMIC`` lists the families whose filled-in part comes from outside the Python literals;
each entry says where. Keep it short: a new entry needs a reason.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from partnership.i18n import catalogues

ROOT = Path(__file__).resolve().parents[2]

DYNAMIC: dict[str, str] = {
    "history.attr.": "column names in the history log, written by the SQL functions "
                     "(ui/history_words.py looks up history.attr.<column>)",
    "what.cap.": "the table in a record_cap error: f\"cap.{table}\" in the SQL functions and "
                 "'cap.' || tg_table_name in the limits migration (ui/messages.what_label)",
    "what.health.": "a health-check answer in an error: f\"health.{key}\" in health.py",
    "what.person.": "a person's field in an error: f\"person.{k}\" in validation.py",
}
"""Key prefixes counted as used although no literal in the code spells the whole key."""

_KEY_START = re.compile(r"[a-z0-9_]+\.")


@dataclass
class Code:
    literals: set[str] = field(default_factory=set)
    """Every str and int constant, outside the f-strings and concatenations below."""
    built: set[str] = field(default_factory=set)
    """Regexes for keys built at run time; a group per filled-in part."""


def _sources() -> list[Path]:
    paths = [*ROOT.glob("partnership/**/*.py"), *ROOT.glob("app_pages/*.py"), ROOT / "main.py", ROOT / "app.py"]
    return sorted(p for p in paths if p.exists() and "i18n" not in p.relative_to(ROOT).parts)


def _built(node: ast.AST) -> list[str | None] | None:
    """The parts of a key built at run time (None for a filled-in part), else None."""
    if isinstance(node, ast.JoinedStr):
        parts: list[str | None] = [v.value if isinstance(v, ast.Constant) else None for v in node.values]
    elif (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)
          and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)):
        parts = [node.left.value, None]
    else:
        return None
    return parts if isinstance(parts[0], str) and _KEY_START.match(parts[0]) else None


@cache
def scan() -> Code:
    code = Code()
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                inside.update(id(v) for v in node.values)
            parts = _built(node)
            if parts is not None:
                if isinstance(node, ast.BinOp):
                    inside.add(id(node.left))
                code.built.add("".join(re.escape(p) if p is not None else "([a-z0-9_.]+)" for p in parts))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and id(node) not in inside
                    and isinstance(node.value, str | int) and not isinstance(node.value, bool)):
                code.literals.add(str(node.value))
    for path in sorted((ROOT / "supabase" / "migrations").glob("*.sql")):  # the store's rules raise codes there
        code.literals.update(re.findall(r"'([a-z0-9_.]+)'", path.read_text(encoding="utf-8")))
    return code


def used(key: str) -> bool:
    code = scan()
    if key in code.literals or key.startswith(tuple(DYNAMIC)):
        return True
    for pattern in code.built:
        match = re.fullmatch(pattern, key)
        if match and all(part in code.literals for part in match.groups()):
            return True
    return False


def test_every_key_is_used_by_the_code() -> None:
    unused = sorted(k for k in catalogues()["da"] if not used(k))
    assert unused == [], "delete these keys from the catalogues, or use them"


def test_the_scan_tells_used_from_unused() -> None:
    assert used("nav.overview")  # a literal
    assert used("agr.kind.milestone")  # f"agr.kind.{kind.value}", "milestone" is an enum value
    assert used("err.bad_choice")  # f"err.{exc.code}", code="bad_choice"
    assert used("role.partner")  # "role." + role
    assert not used("agr.kind.nonsense")  # built, but nothing fills in "nonsense"
    assert not used("err.no_such_code")
    assert not used("zz.never")


def test_each_dynamic_family_still_has_keys() -> None:
    keys = catalogues()["da"]
    assert [p for p in DYNAMIC if not any(k.startswith(p) for k in keys)] == []
