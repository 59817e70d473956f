"""The embedded store's schema: the version-1 tables and the upgrades after them."""

from __future__ import annotations

from importlib import resources

SCHEMA_VERSION = 2

UPGRADES = {
    # 2: partner and viewer tokens kept sealed under the owner's key; a link's first opening.
    2: ("alter table links add column sealed text", "alter table links add column opened_at text"),
}
"""Statements that bring a file from the version before up to the key's version."""

SCHEMA = (resources.files("partnership.store") / "sqlite_schema.sql").read_text(encoding="utf-8")

_LIMIT_INDEXES = (
    # For the creation rate and the sweep of abandoned projects (partnership.limits).
    "create index if not exists links_created on links(created_at)",
    "create index if not exists projects_untouched on projects(created_at) where revision = 1",
)
