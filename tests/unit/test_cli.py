"""The command line: new, demo, export, import, agreement, calendar - on a real database (one
of its own in the tests' embedded PostgreSQL).

The entry point (``python -m partnership``) runs as a real process in the first two tests;
the others call the same ``main(argv)`` in this process, with its own environment, standard
input and output, which spares an interpreter start per command.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support import cli as in_process
from tests.support.engine import shared

ROOT = Path(__file__).resolve().parents[2]


_DATABASES: dict[Path, str] = {}


def _env(tmp_path: Path) -> dict[str, str]:
    database = _DATABASES.setdefault(tmp_path, shared().fresh_database("cli"))  # one per test
    return {"PARTNERSHIP_DATABASE_URL": database, "PARTNERSHIP_BASE_URL": "https://x.example/"}


def process(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m partnership ARGS`` as a real process."""
    env = {**os.environ, **_env(tmp_path)}
    env.pop("SUPABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "partnership", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def cli(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``main(ARGS)`` in this process (tests/support/cli.py)."""
    return in_process.run(*args, env=_env(tmp_path), stdin=stdin)


def test_new_prints_the_project_and_four_links(tmp_path: Path) -> None:
    run = process(tmp_path, "new", "--title", "Lektiecafé", "--org", "Boldklubben Øst", "--name", "Anna")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert set(out["links"]) == {"owner", "member", "partner", "viewer"}
    assert all(link.startswith("https://x.example/?k=") for link in out["links"].values())
    assert len(out["project_id"]) == 32


def test_demo_export_import_round_trip(tmp_path: Path) -> None:
    links = json.loads(process(tmp_path, "demo").stdout)["links"]
    exported = process(tmp_path, "export", "--link", links["owner"])
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    assert data["project"]["title"] == "Lektiecafé på biblioteket"
    assert data["candidates"]
    partner_view = json.loads(cli(tmp_path, "export", "--link", links["partner"]).stdout)
    assert partner_view["candidates"] == [] and "s1_our_offer" not in partner_view["fields"]
    (tmp_path / "export.json").write_text(exported.stdout, encoding="utf-8")
    imported = json.loads(cli(tmp_path, "import", str(tmp_path / "export.json")).stdout)
    again = json.loads(cli(tmp_path, "export", "--link", imported["links"]["owner"]).stdout)
    # Everything comes back but the signature: an imported project starts unsigned, its
    # signed versions are history entries to read, and the file's history is closed by the
    # import entry.
    assert data["project"]["signed_at"] and data["approvals"] and data["signed_versions"]
    assert again["project"]["signed_at"] is None and again["approvals"] == again["signed_versions"] == []
    assert again["history"].pop()["entity"] == "import"
    kept = [e for e in again["history"] if e["entity"] == "signed_version"]  # the signed text, to read
    assert [json.loads(e["new"])["content_hash"] for e in kept] == [v["content_hash"] for v in data["signed_versions"]]
    again["history"] = [e for e in again["history"] if e["entity"] != "signed_version"]
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


def test_agreement_writes_every_format_with_the_signature_block_and_the_fingerprint(tmp_path: Path) -> None:
    import io
    import re
    import zipfile

    from tests.support import pdf

    links = json.loads(cli(tmp_path, "demo").stdout)["links"]
    signed_hash = json.loads(cli(tmp_path, "export", "--link", links["owner"]).stdout)["project"]["signed_hash"]
    written = {}
    for fmt in ("md", "html", "docx", "pdf"):
        out = tmp_path / f"aftale.{fmt}"
        run = cli(tmp_path, "agreement", "--link", links["partner"], "--format", fmt, "--out", str(out))
        assert run.returncode == 0, run.stderr
        report = json.loads(run.stdout)
        assert report["file"] == str(out) and report["bytes"] == out.stat().st_size > 0
        written[fmt] = out.read_bytes()
    with zipfile.ZipFile(io.BytesIO(written["docx"])) as archive:
        word = re.sub(r"<[^>]+>", "", archive.read("word/document.xml").decode("utf-8"))
    texts = {"md": written["md"].decode("utf-8"), "html": written["html"].decode("utf-8"), "docx": word,
             "pdf": " ".join(pdf.text(written["pdf"]).split())}
    for fmt, text in texts.items():
        # The demo is signed: every format names the very text both sides approved.
        assert "Underskrifter" in text and "Underskrevet af begge parter" in text, fmt
        assert "Samarbejdsaftale" in text and "Lektiecafé på biblioteket" in text, fmt
        assert signed_hash in re.sub(r"\s+", "", text), fmt
    assert written["md"].startswith(b"# Samarbejdsaftale")
    assert written["html"].startswith(b"<!DOCTYPE html>") and written["pdf"].startswith(b"%PDF-")
    english = tmp_path / "agreement.md"
    assert cli(tmp_path, "agreement", "--link", links["viewer"], "--format", "md", "--out", str(english),
               "--lang", "en").returncode == 0
    # A signed agreement is the very text both sides approved (in Danish here), whatever the
    # reader's language, as on step 5; the signature block around it speaks English.
    in_english = english.read_text(encoding="utf-8")
    assert in_english.startswith("# Samarbejdsaftale") and "Signed by both parties" in in_english


def test_calendar_writes_the_joint_dated_tasks_as_the_page_does(tmp_path: Path) -> None:
    import icalendar

    links = json.loads(cli(tmp_path, "demo").stdout)["links"]
    tasks = json.loads(cli(tmp_path, "export", "--link", links["owner"]).stdout)["tasks"]
    out = tmp_path / "kalender.ics"
    run = cli(tmp_path, "calendar", "--link", links["owner"], "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["type"] == "text/calendar"
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(cal["x-wr-calname"]).startswith("Lektiecafé på biblioteket")
    summaries = {str(e["summary"]) for e in cal.walk("VEVENT")}
    joint = {x["title"] for x in tasks if not x.get("internal") and (x.get("start") or x.get("due"))}
    meeting = "Opfølgningsmøde – Lektiecafé på biblioteket"  # the follow-up meetings (rhythm and past one)
    assert summaries == joint | {meeting, f"Aflyst: {meeting}"} and joint  # the example cancels one meeting
    assert any("RRULE" in e and "LOCATION" in e for e in cal.walk("VEVENT") if str(e["summary"]) == meeting)
    assert not any(x.get("internal") and x["title"] in summaries for x in tasks)  # internal tasks stay out


def test_agreement_and_calendar_refuse_a_bad_link_or_format_clearly(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    bad = cli(tmp_path, "agreement", "--link", "https://x.example/?k=nope", "--format", "pdf", "--out", str(out))
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and "Traceback" not in bad.stderr
    assert not out.exists()
    wrong = cli(tmp_path, "agreement", "--link", "x", "--format", "odt", "--out", str(out))
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr
    nowhere = cli(tmp_path, "calendar", "--link", json.loads(cli(tmp_path, "demo").stdout)["links"]["viewer"],
                  "--out", str(tmp_path / "no" / "such" / "dir.ics"))
    assert nowhere.returncode == 2 and nowhere.stderr.startswith("error:") and "Traceback" not in nowhere.stderr
