"""The command line: new, demo, export, import - run as a real process on a real database
(one of its own in the tests' embedded PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.engine import shared

ROOT = Path(__file__).resolve().parents[2]


_DATABASES: dict[Path, str] = {}


def cli(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    database = _DATABASES.setdefault(tmp_path, shared().fresh_database("cli"))  # one per test
    env = {**os.environ, "PARTNERSHIP_DATABASE_URL": database, "PARTNERSHIP_BASE_URL": "https://x.example/"}
    env.pop("SUPABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "partnership", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=60)


def test_new_prints_the_project_and_three_links(tmp_path: Path) -> None:
    run = cli(tmp_path, "new", "--title", "Lektiecafé", "--org", "Boldklubben Øst", "--name", "Anna")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert set(out["links"]) == {"owner", "partner", "viewer"}
    assert all(link.startswith("https://x.example/?k=") for link in out["links"].values())
    assert len(out["project_id"]) == 32


def test_demo_export_import_round_trip(tmp_path: Path) -> None:
    links = json.loads(cli(tmp_path, "demo").stdout)["links"]
    exported = cli(tmp_path, "export", "--link", links["owner"])
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    assert data["project"]["title"] == "Lektiecafé på biblioteket"
    assert data["candidates"]
    partner_view = json.loads(cli(tmp_path, "export", "--link", links["partner"]).stdout)
    assert partner_view["candidates"] == [] and "s1_our_offer" not in partner_view["fields"]
    (tmp_path / "export.json").write_text(exported.stdout, encoding="utf-8")
    imported = json.loads(cli(tmp_path, "import", str(tmp_path / "export.json")).stdout)
    again = json.loads(cli(tmp_path, "export", "--link", imported["links"]["owner"]).stdout)
    # Everything comes back but the signature: an imported project starts unsigned, and the
    # file's history is closed by the import entry.
    assert data["project"]["signed_at"] and data["approvals"] and data["signed_versions"]
    assert again["project"]["signed_at"] is None and again["approvals"] == again["signed_versions"] == []
    assert again["history"].pop()["entity"] == "import"
    for key in ("project", "approvals", "signed_versions"):
        del again[key], data[key]
    assert again == data


def test_a_crafted_file_is_refused_without_a_traceback(tmp_path: Path) -> None:
    deep = cli(tmp_path, "import", "-", stdin="[" * 100_000 + "]" * 100_000)
    assert deep.returncode == 2 and "nested too deeply" in deep.stderr and "Traceback" not in deep.stderr
    surrogate = '{"format": "partnerskab/1", "project": {"title": "\\ud800", "our_org": "X"}}'
    lone = cli(tmp_path, "import", "-", stdin=surrogate)
    assert lone.returncode == 2 and lone.stderr.startswith("error:") and "Traceback" not in lone.stderr


def test_a_bad_link_or_file_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    bad = cli(tmp_path, "export", "--link", "https://x.example/?k=nope")
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and "Traceback" not in bad.stderr
    missing = cli(tmp_path, "import", str(tmp_path / "none.json"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    garbage = cli(tmp_path, "import", "-", stdin='{"format": "other"}')
    assert garbage.returncode == 2 and "Traceback" not in garbage.stderr
