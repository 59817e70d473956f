"""web.clients: the client address behind a request, X-Forwarded-For only from trusted proxies."""

from __future__ import annotations

import logging

import pytest

from partnership.web import clients

PROXIES = clients.parse("127.0.0.1, 10.0.0.0/8, ::1")


@pytest.mark.parametrize(("peer", "forwarded", "expected"), [
    ("203.0.113.9", None, "203.0.113.9"),
    ("203.0.113.9", "198.51.100.1", "203.0.113.9"),          # an untrusted peer's header is ignored
    ("127.0.0.1", None, "127.0.0.1"),
    ("127.0.0.1", "198.51.100.1", "198.51.100.1"),            # the proxy saw this client
    ("127.0.0.1", "1.2.3.4, 198.51.100.1", "198.51.100.1"),   # the left part is what the client sent
    ("127.0.0.1", "198.51.100.1, 10.1.2.3", "198.51.100.1"),  # a chain of trusted proxies
    ("127.0.0.1", "10.1.2.3, 10.2.3.4", "10.1.2.3"),          # all trusted: the first
    ("127.0.0.1", "not-an-address", "127.0.0.1"),             # garbage: the peer stays the client
    ("::1", "[2001:db8::7]:443", "2001:db8::7"),
    (None, "198.51.100.1", None),
])
def test_the_address_is_the_peer_unless_a_trusted_proxy_names_another(
        peer: str | None, forwarded: str | None, expected: str | None) -> None:
    assert clients.address(peer, forwarded, PROXIES) == expected


def test_nothing_is_trusted_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clients.ENV, raising=False)
    assert clients.configured() == ()
    assert clients.address("127.0.0.1", "198.51.100.1") == "127.0.0.1"


def test_a_malformed_entry_is_never_trusted(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert clients.parse("127.0.0.1, nonsense, 10.0.0.0/8") == clients.parse("127.0.0.1,10.0.0.0/8")
    assert "nonsense" in caplog.text
