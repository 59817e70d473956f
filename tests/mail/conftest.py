"""The mail tests' fixtures: a fresh database of the session's embedded PostgreSQL, a store
on it (the SMTP server is tests/conftest.py's ``smtp``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from partnership.store.postgres import PostgresStore
from tests.support.engine import shared


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

