"""Fixtures every test folder may use: ``smtp``, a real SMTP server on 127.0.0.1 (aiosmtpd
in its own process, stopped by its own process id), for the mail tests and the browser
tests of the mail's links."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.smtp import SmtpServer


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[SmtpServer]:
    with SmtpServer(tmp_path / "maildir") as server:
        yield server
