"""The server's start imports what a first page run would otherwise import (the first
visitor after a start waited about 0.5 s for pandas, numpy and the store:
bench/trace_page.py, ``python -X importtime``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from partnership.web import asgi
before = set(sys.modules)
from partnership import bootstrap
bootstrap.warm_up()
print(json.dumps({"before": sorted(before), "after": sorted(sys.modules)}))
"""


def test_warm_up_imports_what_the_first_run_needs() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         check=True)
    found = json.loads(out.stdout.strip().splitlines()[-1])
    before, after = set(found["before"]), set(found["after"])
    ui = {f"partnership.ui.{p.stem}" for p in (ROOT / "partnership" / "ui").glob("*.py") if p.stem != "__init__"}
    wanted = {"pandas", "numpy", "PIL.Image", "partnership.store.postgres", "plotly.graph_objects"} | ui
    assert not {"pandas", "partnership.ui.step5"} & before  # importing the routes alone stays light
    assert wanted <= after, sorted(wanted - after)
