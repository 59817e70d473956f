"""AppTest: the overview's "Påmindelser på mail" section - opting in records the consent,
a bad address is refused and kept in the form, the partner signs up only its own people,
the viewer sees no form, stopping ends it; without SMTP the calendar file and a mailto
link instead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.header import decode_header, make_header
from pathlib import Path
from urllib.parse import unquote

import pytest

from partnership.store.postgres import PostgresStore
from tests.app.conftest import MakeApp, texts
from tests.support.file_links import by_what
from tests.support.smtp import SmtpServer


@pytest.fixture
def smtp_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[SmtpServer]:
    """SMTP settings pointing at a real SMTP server (aiosmtpd), which gets the confirmation mails."""
    with SmtpServer(tmp_path / "maildir") as server:
        monkeypatch.setenv("PARTNERSHIP_SMTP_URL", server.url)
        monkeypatch.setenv("PARTNERSHIP_MAIL_FROM", "noreply@example.org")
        monkeypatch.setenv("PARTNERSHIP_BASE_URL", "https://app.example.org")
        yield server


@pytest.fixture
def tokens(store: PostgresStore) -> dict[str, str]:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben", "Anna")
    store.add_person(owner, {"name": "Eva", "side": "association"}, "Anna")
    store.add_person(store.open(tokens["partner"]), {"name": "Ole", "side": "partner"}, "Ole")
    return tokens


def test_opting_in_records_who_when_which_address_and_language(app: MakeApp, store: PostgresStore,
                                                                 tokens: dict[str, str], smtp_set: SmtpServer) -> None:
    at = app(tokens["owner"], page="overview")
    assert at.selectbox(key="remind_person").options == ["Eva", "Ole"]
    at.text_input(key="remind_email").input("ikke-en-adresse")
    at.button(key="remind_subscribe").click().run()
    assert "Det ligner ikke en e-mailadresse" in texts(at)
    assert at.text_input(key="remind_email").value == "ikke-en-adresse"  # what was typed is kept
    assert store.mail_subscriptions(store.open(tokens["owner"])) == []

    eva = next(p for p in store.snapshot(store.open(tokens["owner"])).people if p.name == "Eva")
    at.selectbox(key="remind_person").set_value(eva.id)
    at.text_input(key="remind_email").input("eva@example.org")
    at.radio(key="remind_lang").set_value("en")
    at.checkbox(key="remind_digest").check()
    at.button(key="remind_subscribe").click().run()
    assert "Vi har sendt en mail til eva@example.org" in texts(at)
    [sub] = store.mail_subscriptions(store.open(tokens["owner"]))
    assert (sub.email, sub.lang, sub.consented_by, sub.consented_role) == ("eva@example.org", "en", "Anna", "owner")
    assert sub.digest is True and sub.confirmed_at is None  # pending until the link is followed
    assert "Eva: venter på bekræftelse fra eva@example.org" in texts(at)
    # The confirmation mail went out at once, in the chosen language, with its link.
    [mail] = smtp_set.mails()
    assert mail["To"] == "eva@example.org" and mail["List-Unsubscribe"] is None
    assert str(make_header(decode_header(mail["Subject"]))) == "Confirm your sign-up for reminders from “Lektiecafé”"
    payload = mail.get_payload(decode=True)
    assert isinstance(payload, bytes)
    link = re.search(r"^(https://app\.example\.org/ps/confirm\?t=(\S+)&l=en)$", payload.decode(), re.M)
    assert link is not None and "weekly summary" in payload.decode()
    assert store.mail_confirm(link.group(2)) == ("en", "confirmed")
    at.run()
    assert "Eva får påmindelser på eva@example.org (Engelsk)" in texts(at)
    assert "med ugentligt overblik" in texts(at)

    at.button(key=f"remind_stop_{sub.person_id}").click().run()
    assert "Påmindelserne er stoppet" in texts(at)
    assert store.mail_subscriptions(store.open(tokens["owner"])) == []


def test_the_partner_signs_up_only_its_own_people_and_the_viewer_sees_no_form(
        app: MakeApp, tokens: dict[str, str], smtp_set: SmtpServer) -> None:
    partner = app(tokens["partner"], name="Ole", page="overview")
    assert partner.selectbox(key="remind_person").options == ["Ole"]
    viewer = app(tokens["viewer"], name="Vera", page="overview")
    assert not viewer.get("selectbox") or all(s.key != "remind_person" for s in viewer.selectbox)
    assert "Påmindelser på mail" not in texts(viewer)


def test_without_smtp_the_section_offers_the_calendar_and_a_mailto_link(
        app: MakeApp, store: PostgresStore, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARTNERSHIP_SMTP_URL", raising=False)
    owner = store.open(tokens["owner"])
    from datetime import date, timedelta

    store.add_task(owner, {"title": "Plakater", "due": (date.today() + timedelta(days=2)).isoformat()}, "Anna")
    at = app(tokens["owner"], page="overview")
    assert "Denne server sender ikke mail" in texts(at)
    assert all(s.key != "remind_person" for s in at.selectbox)
    assert "calendar.ics" in by_what(at)
    mailto = next(h.proto.body for h in at.get("html") if "mailto:" in h.proto.body)
    assert "Plakater" in unquote(mailto)
