"""Sizes that keep the code readable: no module of ``partnership/`` over 400 lines and no
function over 80 (docs/architecture.md, "Layers and data flow"). A module that grows past
them is a sign that it holds two things; split it where they part."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def too_long(relative: str, source: str) -> list[str]:
    """What in ``source`` is over the limits, as "path: what (lines)"."""
    found = []
    lines = source.count("\n") + (0 if source.endswith("\n") or not source else 1)
    if lines > MAX_MODULE_LINES:
        found.append(f"{relative}: the module ({lines} lines)")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{relative}:{node.lineno}: {node.name}() ({length} lines)")
    return found


def test_no_module_or_function_in_the_package_is_too_long() -> None:
    found = []
    for path in sorted((ROOT / "partnership").rglob("*.py")):
        found += too_long(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))
    assert not found, "too long:\n" + "\n".join(found)


def test_the_check_finds_a_long_function_and_a_long_module() -> None:
    body = "".join(f"    x{n} = {n}\n" for n in range(MAX_FUNCTION_LINES))
    assert too_long("m.py", f"def f():\n{body}") == [f"m.py:1: f() ({MAX_FUNCTION_LINES + 1} lines)"]
    assert too_long("m.py", "x = 1\n" * (MAX_MODULE_LINES + 1)) == [f"m.py: the module ({MAX_MODULE_LINES + 1} lines)"]
    assert too_long("m.py", "def f():\n    return 1\n" + "x = 1\n" * (MAX_MODULE_LINES - 2)) == []
