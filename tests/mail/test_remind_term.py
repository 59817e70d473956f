"""``python -m partnership remind`` and the end of the agreement's period (issue 25): one
reminder per opted-in person and period end, from term.REMIND_DAYS before, in their
language; none once the sides have decided, none for a closed project."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from partnership import agreement, term
from partnership.i18n import TIMEZONE
from partnership.model_term import Outcome
from partnership.store.postgres import PostgresStore
from tests.mail.test_remind import confirmed, opted_in, remind, subject, text
from tests.support.smtp import SmtpServer


def test_the_period_s_end_is_mailed_once_and_not_after_the_decision(
        store: PostgresStore, database: str, smtp: SmtpServer, tmp_path: Path) -> None:
    today = datetime.now(TIMEZONE).date()
    owner, partner, *_ = opted_in(store)  # Eva and Ole confirmed, Bo never did
    store.set_term(owner, None, today + timedelta(days=term.REMIND_DAYS + 1), 0, "Anna")

    early = remind(database, smtp.url, tmp_path)
    assert early.returncode == 0 and "sent 0 of 0" in early.stdout, early.stdout + early.stderr

    store.set_term(owner, None, today + timedelta(days=20), 1, "Anna")
    first = remind(database, smtp.url, tmp_path)
    assert first.returncode == 0 and "sent 2 of 2" in first.stdout, first.stdout + first.stderr
    got = {m["To"]: subject(m) for m in smtp.mails()}
    assert got == {"eva@example.org": "Aftalen i »Lektiecafé« udløber om 20 dage",
                   "ole@example.org": "The agreement in “Lektiecafé” ends in 20 days"}
    assert "fortsæt som nu" in text(next(m for m in smtp.mails() if m["To"] == "eva@example.org"))
    again = remind(database, smtp.url, tmp_path)
    assert "sent 0 of 0" in again.stdout

    text_ = agreement.render_markdown(store.snapshot(owner))
    store.approve(owner, "Anna", agreement.content_hash(text_), text_, "Anna")
    store.approve(partner, "Ole", agreement.content_hash(text_), text_, "Ole")
    store.choose_outcome(owner, Outcome.RENEW, "", 0, "Anna")
    store.choose_outcome(partner, Outcome.RENEW, "", 1, "Ole")
    seen = len(smtp.mails())
    decided = remind(database, smtp.url, tmp_path)  # the approvals' and the reopening's notices only
    assert decided.returncode == 0, decided.stderr
    assert not [subject(m) for m in smtp.mails()[seen:] if "udløber" in subject(m) or " ends " in subject(m)]

    store.set_term(owner, None, today + timedelta(days=10), 2, "Anna")  # the renewed agreement's new end
    seen = len(smtp.mails())
    renewed = remind(database, smtp.url, tmp_path)
    assert "sent 2 of 2" in renewed.stdout, renewed.stdout
    assert sorted(subject(m) for m in smtp.mails()[seen:]) == [
        "Aftalen i »Lektiecafé« udløber om 10 dage", "The agreement in “Lektiecafé” ends in 10 days"]


def test_a_closed_project_sends_no_more_mail(store: PostgresStore, database: str, smtp: SmtpServer,
                                             tmp_path: Path) -> None:
    today = datetime.now(TIMEZONE).date()
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben", "Anna")
    partner = store.open(tokens["partner"])
    eva = store.add_person(owner, {"name": "Eva", "side": "association", "working_group": True}, "Anna")
    store.add_task(owner, {"title": "Plakater", "responsible": eva.id, "due": today + timedelta(days=2)}, "Anna")
    confirmed(store, owner, eva.id, "eva@example.org", "da", "Eva")
    text_ = agreement.render_markdown(store.snapshot(owner))
    store.approve(owner, "Anna", agreement.content_hash(text_), text_, "Anna")
    store.approve(partner, "Ole", agreement.content_hash(text_), text_, "Ole")
    store.choose_outcome(owner, Outcome.CLOSE, "", 0, "Anna")
    store.choose_outcome(partner, Outcome.CLOSE, "", 1, "Ole")
    out = remind(database, smtp.url, tmp_path)
    assert out.returncode == 0 and "sent 0 of 0" in out.stdout, out.stdout + out.stderr
    assert smtp.mails() == []
