"""The browser code lives in .js files that a checker reads (STYLE.md 12): every file
parses as a module (``node --check``), and no Python module of the app carries
JavaScript in a string."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "partnership").rglob("*.js"))


def test_there_is_browser_code_to_check() -> None:
    assert len(SCRIPTS) >= 8


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_each_script_parses_as_a_module(script: Path) -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail("node is missing (scripts/test-deps.sh installs npm, which brings it)")
        pytest.skip("node is not installed")
    checked = subprocess.run([node, "--check", "--input-type=module"], input=script.read_text(encoding="utf-8"),
                             capture_output=True, text=True, timeout=60, check=False)
    assert checked.returncode == 0, checked.stderr


def test_no_python_module_carries_javascript() -> None:
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "partnership").rglob("*.py")
             if "export default" in p.read_text(encoding="utf-8")]
    assert found == []
