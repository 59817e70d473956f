"""Command line: ``python -m partnership new | demo | export | import``.

The store comes from the environment (SUPABASE_URL/SUPABASE_KEY, else SQLite at
PARTNERSHIP_DB); links use PARTNERSHIP_BASE_URL (default http://localhost:8501).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from partnership import import_rules
from partnership.demo import create_demo
from partnership.errors import PartnershipError
from partnership.model import Access
from partnership.store import open_store


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnership", description="Partnerskabsværktøjet")
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="create a partnership and print its three links as JSON")
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
    args = parser.parse_args(argv)

    store = open_store()
    try:
        if args.command == "new":
            out: Any = _links(*store.create_project(args.title, args.org, args.name))
        elif args.command == "demo":
            out = _links(*create_demo(store, args.name))
        elif args.command == "export":
            out = store.export_project(store.open(token_of(args.link)))
        else:
            raw = sys.stdin.buffer.read() if str(args.file) == "-" else args.file.read_bytes()
            out = _links(*store.import_project(import_rules.parse_json(raw), args.name))
    except (PartnershipError, OSError, RecursionError, UnicodeError) as exc:
        # The message may quote the file (a crafted key, a lone surrogate): printable only.
        message = str(exc) if not isinstance(exc, RecursionError) else "the file is nested too deeply"
        print(f"error: {message.encode('utf-8', 'backslashreplace').decode('utf-8')}", file=sys.stderr)
        return 2
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
