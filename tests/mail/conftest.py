"""The mail tests' fixtures: a fresh database of the session's embedded PostgreSQL, a store
on it, and a real SMTP server on 127.0.0.1 (aiosmtpd in its own process)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from partnership.store.postgres import PostgresStore
from tests.support.engine import shared
from tests.support.smtp import SmtpServer


@pytest.fixture
def database() -> Iterator[str]:
    url = shared().fresh_database("mail")
    yield url
    shared().drop(url)


@pytest.fixture
def store(database: str) -> Iterator[PostgresStore]:
    s = PostgresStore(database)
    yield s
    s.close()


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[SmtpServer]:
    with SmtpServer(tmp_path / "maildir") as server:
        yield server
