"""AppTest: the history page says every change in words, in both languages - labels, not
the columns the SQL functions log; dates, people, tasks, amounts, statuses and choices as
the pages show them; a meeting's minutes as a text (issue 24: "history's summaries in
words")."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from partnership.demo import create_demo
from partnership.model_term import Outcome
from partnership.store.postgres import PostgresStore
from tests.app.conftest import MakeApp, no_errors, texts

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
HEX_ID = re.compile(r"\b[0-9a-f]{32}\b")


@pytest.fixture
def tokens(store: PostgresStore) -> dict[str, str]:
    """The example project (meetings, the meeting plan, applications, the period), with
    minutes written for a meeting and an outcome both sides chose."""
    owner, tokens = create_demo(store, "Anna", today=date(2026, 12, 5))
    partner = store.open(tokens["partner"])
    meeting = store.meetings(owner).meetings[0]
    store.meeting_notes(owner, meeting.id, "Vi aftalte at mødes igen i marts.", meeting.notes_version, "Anna")
    store.choose_outcome(owner, Outcome.CONTINUE, "", 0, "Anna")
    store.choose_outcome(partner, Outcome.CONTINUE, "", 1, "Ole")
    return dict(tokens)


def _attribute_names(store: PostgresStore, token: str) -> set[str]:
    """Every attribute name the entries this link sees were logged with."""
    found: set[str] = set()
    for entry in store.history(store.open(token)):
        for text in (entry.old, entry.new):
            try:
                record = json.loads(text) if text else None
            except ValueError:
                continue
            if isinstance(record, dict):
                found |= set(record)
    return found


@pytest.mark.parametrize(("role", "lang"), [("owner", "da"), ("partner", "da"), ("owner", "en")])
def test_every_entry_is_said_in_words(app: MakeApp, store: PostgresStore, tokens: dict[str, str],
                                      role: str, lang: str) -> None:
    at = app(tokens[role], name="Anna" if role == "owner" else "Ole", page="history", lang=lang)
    at.session_state["hist_limit"] = 1000  # every entry at once
    at.run()
    no_errors(at)
    shown = texts(at)
    names = _attribute_names(store, tokens[role])
    assert {"day", "participants", "decisions", "every_weeks", "weekday", "amount", "deadline"} <= names
    raw = sorted(n for n in names if re.search(rf"(?:^|[·:\-] ){n}:", shown, re.MULTILINE))
    assert raw == []  # each attribute by its label ("Dato:", "Deltagere:"), never "day:"
    assert ISO_DATE.findall(shown) == []
    assert HEX_ID.findall(shown) == []
    assert "['" not in shown and "[]" not in shown
    assert ("Ingen synlig ændring" if lang == "da" else "No visible change") not in shown
    if lang == "da":
        assert "Deltagere: Anna Holm" in shown or "Deltagere: Ole Berg" in shown
        assert "Bevilget" in shown and "kr." in shown and "Ugedag: torsdag" in shown
        assert "Varighed: 60 min." in shown and "Dagsorden: (1) Velkomst og siden sidst (2) " in shown
        if role == "owner":
            assert "Vi aftalte at mødes igen i marts." in shown
            assert "Begge parter valgte: Fortsæt som nu." in shown
    else:
        assert "Participants:" in shown and "Granted" in shown and "Both sides chose: Continue as is." in shown
