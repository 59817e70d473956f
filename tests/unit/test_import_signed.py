"""An import says what comes along: signed versions become read-only history entries
(never signatures), approvals are left out and counted (import_rules, exchange)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from partnership import exchange, import_rules
from partnership.errors import ValidationError
from partnership.model import AgreementVersion, HistoryEntry, Role

WHEN = datetime(2026, 11, 30, 14, 5, tzinfo=UTC)


def _entry(n: int, day: int) -> HistoryEntry:
    return HistoryEntry(n, "field", "s4_vision", "Anna", Role.OWNER, datetime(2026, 11, day, tzinfo=UTC), "", str(n), 1)


def test_a_signed_version_becomes_a_history_entry_with_its_text_and_fingerprint() -> None:
    version = AgreementVersion("v1", "ab" * 32, "# Aftale\n\nTekst", WHEN)
    [entry] = import_rules.signed_history([version])
    assert (entry.entity, entry.target, entry.at, entry.actor) == ("signed_version", "v1", WHEN, "")
    assert json.loads(entry.new) == {"content_hash": "ab" * 32, "signed_at": WHEN.isoformat(),
                                     "markdown": "# Aftale\n\nTekst"}


def test_a_text_too_long_for_a_history_entry_is_cut_and_says_so() -> None:
    version = AgreementVersion("v1", "ab" * 32, "x" * 300_000, WHEN)
    [entry] = import_rules.signed_history([version])
    body = json.loads(entry.new)
    assert len(entry.new) <= import_rules.MAX_HISTORY_TEXT and body["cut"] is True
    assert body["markdown"] == "x" * len(body["markdown"])


def test_a_bad_signed_version_is_named() -> None:
    with pytest.raises(ValidationError) as caught:
        import_rules.signed_history([AgreementVersion("", "ab", "x", WHEN)])
    assert caught.value.params.get("where") == "signed_versions #1"


def test_entries_are_placed_by_time_without_reordering_the_file() -> None:
    history = [_entry(3, 20), _entry(2, 10), _entry(1, 1)]
    signed = import_rules.signed_history([AgreementVersion("v", "ab" * 32, "t", datetime(2026, 11, 15, tzinfo=UTC))])
    merged = import_rules.merge_newest_first(history, signed)
    assert [e.entity for e in merged] == ["field", "signed_version", "field", "field"]


def test_the_import_entry_counts_what_was_left_out() -> None:
    data = {
        "format": exchange.FORMAT, "role": "owner",
        "project": {"title": "P", "our_org": "F", "partner_org": "", "website": "", "created_by": "Anna",
                    "created_at": WHEN.isoformat(), "version": 1, "signed_at": WHEN.isoformat(),
                    "signed_hash": "ab" * 32},
        "fields": {}, "invitation": "", "candidates": [], "people": [], "tasks": [], "health_checks": [],
        "approvals": [{"id": "a1", "side": "association", "name": "Anna", "content_hash": "ab" * 32,
                       "approved_at": WHEN.isoformat()}],
        "signed_versions": [{"id": "v1", "content_hash": "ab" * 32, "markdown": "Tekst",
                             "signed_at": WHEN.isoformat()}],
        "history": [],
    }
    parsed = exchange.with_import_marker(exchange.from_dict(data), "Bo", WHEN)
    assert parsed.snapshot.approvals == [] and parsed.snapshot.signed_versions == []
    assert parsed.snapshot.project.signed_at is None
    marker, signed = parsed.history
    assert (marker.entity, signed.entity) == ("import", "signed_version")
    assert json.loads(marker.new) == {"entries": 1, "fields": 0, "tasks": 0, "approvals": 1, "signed_versions": 1}
