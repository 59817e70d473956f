"""Command line: ``python -m partnership new | demo | export | import | agreement | calendar |
move-sqlite | remind``.

The store comes from the environment (``open_store``: SUPABASE_URL/SUPABASE_KEY,
PARTNERSHIP_DATABASE_URL, else the embedded PostgreSQL in PARTNERSHIP_DATA_DIR); links use
PARTNERSHIP_BASE_URL (default http://localhost:8501). ``agreement`` and ``calendar`` write
the very files the pages offer (``partnership.render.files``), with the link's rights.
``remind`` sends the reminders and notices that are due (``partnership.mail.remind``).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from partnership import downloads, import_rules, meetings
from partnership.demo import create_demo
from partnership.errors import PartnershipError
from partnership.i18n import DEFAULT_LANG, LANGS, TIMEZONE
from partnership.mail import remind
from partnership.mail.settings import SettingsError, from_config, secrets_file
from partnership.model import Access
from partnership.reminders import DEFAULT_DAYS
from partnership.render import files
from partnership.store import Store, legacy, open_store, outbox
from partnership.store.postgres import PostgresStore


def base_url() -> str:
    return os.environ.get("PARTNERSHIP_BASE_URL", "http://localhost:8501").rstrip("/")


def _links(access: Access, tokens: dict[str, str]) -> dict[str, Any]:
    return {
        "project_id": access.project_id,
        "links": {role: f"{base_url()}/?k={token}" for role, token in tokens.items()},
    }


def token_of(link: str) -> str:
    """The token in a link (``...?k=TOKEN``), or the argument itself if it is a bare token."""
    found = parse_qs(urlparse(link).query).get("k")
    return found[0] if found else link.strip()


def write_file(store: Store, command: str, link: str, lang: str, out: Path, fmt: str = "") -> dict[str, Any]:
    """Write the agreement (as ``fmt``) or the calendar that ``link`` may see to ``out``."""
    access = store.open(token_of(link))
    snap = store.snapshot(access)
    if command == "agreement":
        made = files.agreement_file(snap, fmt, lang)
    else:  # the same calendar as the page's link (web/files.py): tasks and meetings
        book, emails = meetings.gather(store, access)
        made = files.calendar_file(snap, lang, book=book, emails=emails)
    out.write_bytes(made.data)
    return {"file": str(out), "bytes": len(made.data), "type": made.mime.split(";")[0]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnership", description="Partnerskabsværktøjet")
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="create a partnership and print its four links as JSON")
    new.add_argument("--title", required=True, help="working title")
    new.add_argument("--org", required=True, help="our association's name")
    new.add_argument("--name", required=True, help="your name")
    demo = sub.add_parser("demo", help="create the example project and print its links as JSON")
    demo.add_argument("--name", default="Eksempel", help="who creates it")
    export = sub.add_parser("export", help="print the JSON that a link may see")
    export.add_argument("--link", required=True, help="the link (or bare token)")
    imp = sub.add_parser("import", help="restore an export as a new project; prints its links")
    imp.add_argument("file", type=Path, help="a JSON file written by export ('-' for stdin)")
    imp.add_argument("--name", default="Import", help="who imports it")
    move = sub.add_parser("move-sqlite", help="move every project of an old SQLite file (rounds 1-2) into the "
                                              "PostgreSQL store, links, approvals and history included")
    move.add_argument("file", type=Path, help="the old file, e.g. data/partnership.db")
    doc = sub.add_parser("agreement", help="write the agreement as the page offers it (signature block included)")
    doc.add_argument("--link", required=True, help="the link (or bare token)")
    doc.add_argument("--format", required=True, choices=downloads.AGREEMENT_FORMATS, help="the file's format")
    doc.add_argument("--out", required=True, type=Path, help="the file to write")
    doc.add_argument("--lang", default=DEFAULT_LANG, choices=LANGS, help="the document's language")
    cal = sub.add_parser("calendar", help="write the partnership's calendar (.ics) as the page offers it")
    cal.add_argument("--link", required=True, help="the link (or bare token)")
    cal.add_argument("--out", required=True, type=Path, help="the .ics file to write")
    cal.add_argument("--lang", default=DEFAULT_LANG, choices=LANGS, help="the events' language")
    rem = sub.add_parser("remind", help="send the reminders and notices that are due by e-mail (SMTP from "
                                        "PARTNERSHIP_SMTP_URL or [smtp] in .streamlit/secrets.toml); safe to repeat")
    rem.add_argument("--days", type=int, default=DEFAULT_DAYS, help="remind this many days before (default 3)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    if args.command == "remind":
        return _remind(args.days)

    try:
        store = open_store()
    except PartnershipError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        out: Any
        if args.command == "move-sqlite":
            out = _move(store, args.file)
        elif args.command == "new":
            out = _links(*store.create_project(args.title, args.org, args.name))
        elif args.command == "demo":
            out = _links(*create_demo(store, args.name))
        elif args.command == "export":
            out = store.export_project(store.open(token_of(args.link)))
        elif args.command in ("agreement", "calendar"):
            out = write_file(store, args.command, args.link, args.lang, args.out, getattr(args, "format", ""))
        else:
            raw = sys.stdin.buffer.read() if str(args.file) == "-" else args.file.read_bytes()
            out = _links(*store.import_project(import_rules.parse_json(raw), args.name))
    except (PartnershipError, OSError, RecursionError, UnicodeError, legacy.MoveError) as exc:
        # The message may quote the file (a crafted key, a lone surrogate): printable only.
        message = str(exc) if not isinstance(exc, RecursionError) else "the file is nested too deeply"
        print(f"error: {message.encode('utf-8', 'backslashreplace').decode('utf-8')}", file=sys.stderr)
        return 2
    finally:
        store.close()
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def _remind(days: int) -> int:
    """Exit 0 when everything due went out (or nothing was due); 1 when SMTP is not set up
    or a mail could not go out (then it is not recorded: the next run tries again); 2 when
    the database cannot be reached."""
    from datetime import datetime

    if not 0 <= days <= 60:
        print("error: --days must be between 0 and 60", file=sys.stderr)
        return 2
    try:
        settings = from_config(secrets_file())
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if settings is None:
        print("error: SMTP is not configured (PARTNERSHIP_SMTP_URL and PARTNERSHIP_MAIL_FROM, or [smtp] url and "
              "from in .streamlit/secrets.toml); nothing was sent or recorded", file=sys.stderr)
        return 1
    today = datetime.now(TIMEZONE).date()
    try:
        with outbox.open_outbox(outbox.database_url()) as box:
            result = remind.run(box, settings, base_url(), today, days)
    except outbox.Busy as exc:
        print(f"{exc}; this run sent nothing")
        return 0
    except PartnershipError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"sent {result.sent} of {result.due} mails due")
    if result.error:
        print(f"error: {result.error}; the mails not sent are not recorded and go out on the next run",
              file=sys.stderr)
        return 1
    return 0


def _move(store: Store, path: Path) -> dict[str, Any]:
    if not isinstance(store, PostgresStore):
        raise legacy.MoveError("the move goes into PostgreSQL (embedded or PARTNERSHIP_DATABASE_URL); for "
                               "Supabase, move into the embedded engine first and then see docs/supabase.md")
    if not path.is_file():
        raise legacy.MoveError(f"no such file: {path}")
    moved = legacy.move(path, store.conninfo)
    assert moved is not None  # only_if_empty is off
    return {"moved_from": str(path), "rows": dict(moved.rows)}


if __name__ == "__main__":
    raise SystemExit(main())
