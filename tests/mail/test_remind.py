"""``python -m partnership remind`` against a real SMTP server (aiosmtpd in its own process)
and the embedded PostgreSQL: the right mails to the opted-in people only, in their
language, nothing twice, unsubscribing stops them, and a dead or missing SMTP server
records nothing."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime, timedelta
from email.header import decode_header, make_header
from email.message import Message
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs, urlparse

import psycopg
import pytest

from partnership import agreement
from partnership.i18n import TIMEZONE
from partnership.model import Access, Person
from partnership.store.base import new_token
from partnership.store.postgres import PostgresStore
from tests.support import cli as in_process
from tests.support.smtp import SmtpServer
from tests.support.streamlit_server import free_port

ROOT = Path(__file__).resolve().parents[2]
SENDER = "Partnerskab <noreply@example.org>"


def remind(database: str, smtp_url: str | None, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``remind`` in a folder of its own, against ``database`` (tests/support/cli.py)."""
    return in_process.remind(database, "https://app.example.org/base", smtp_url, tmp_path, *args, sender=SENDER)


def text(mail: Message) -> str:
    payload = mail.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(mail.get_content_charset() or "utf-8")


def subject(mail: Message) -> str:
    return str(make_header(decode_header(mail["Subject"])))


def sent_count(database: str) -> int:
    with psycopg.connect(database) as conn:
        return int(conn.execute("select count(*) from partnership_private.mail_sent").fetchone()[0])  # type: ignore[index]


def confirmed(store: PostgresStore, access: Access, person: str, email: str, lang: str, actor: str,
              digest: bool = False) -> str:
    """An opt-in confirmed with its link's token (as the person does from the mail)."""
    token = new_token()
    store.mail_subscribe(access, person, email, lang, actor, confirm_token=token, digest=digest)
    assert store.mail_confirm(token) == (lang, "confirmed")
    return token


class Opted(NamedTuple):
    owner: Access
    partner: Access
    eva: Person
    ole: Person
    bo: Person


def between_two(store: PostgresStore) -> tuple[Access, Access, dict[str, str]]:
    """A project "Lektiecafé" of Boldklubben (Anna) with Biblioteket as its partner: the
    owner's and the partner's access, and the links' tokens."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben", "Anna")
    partner = store.open(tokens["partner"])
    store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    return owner, partner, tokens


def opted_in(store: PostgresStore) -> Opted:
    """A project "Lektiecafé" between Boldklubben and Biblioteket where Eva (association,
    Danish) and Ole (partner, English) confirmed their mail, and Bo subscribed but never
    confirmed."""
    owner, partner, _ = between_two(store)
    eva = store.add_person(owner, {"name": "Eva", "side": "association"}, "Anna")
    ole = store.add_person(partner, {"name": "Ole", "side": "partner"}, "Ole")
    bo = store.add_person(owner, {"name": "Bo", "side": "association"}, "Anna")
    confirmed(store, owner, eva.id, "eva@example.org", "da", "Eva")
    confirmed(store, partner, ole.id, "ole@example.org", "en", "Ole")
    store.mail_subscribe(owner, bo.id, "bo@example.org", "da", "Bo", confirm_token=new_token())  # never confirmed
    return Opted(owner, partner, eva, ole, bo)


def project(store: PostgresStore) -> tuple[Access, Access, dict[str, str]]:
    """Eva (association, Danish) and Ole (partner, English) opted in; Karim did not. What
    is due: Eva's task in 2 days, Karim's tomorrow, a joint meeting in 3 days, an internal
    task of the association's naming Ole (never mailed to the partner's people); not due:
    Eva's task in 10 days and her finished one; then the partner approves."""
    today = datetime.now(TIMEZONE).date()
    owner, partner, tokens = between_two(store)
    eva = store.add_person(owner, {"name": "Eva", "side": "association"}, "Anna")
    karim = store.add_person(owner, {"name": "Karim", "side": "association"}, "Anna")
    ole = store.add_person(partner, {"name": "Ole", "side": "partner"}, "Ole")
    day = lambda n: (today + timedelta(days=n)).isoformat()  # noqa: E731
    store.add_task(owner, {"title": "Plakater <b>nu</b>", "responsible": eva.id, "due": day(2)}, "Anna")
    store.add_task(owner, {"title": "Frugt", "responsible": karim.id, "due": day(1)}, "Anna")
    store.add_task(owner, {"title": "Senere", "responsible": eva.id, "due": day(10)}, "Anna")
    store.add_task(owner, {"title": "Færdig", "responsible": eva.id, "due": day(1), "status": "done"}, "Anna")
    store.add_task(owner, {"title": "Opfølgningsmøde", "kind": "follow_up", "responsible": ole.id, "due": day(3)},
                   "Anna")
    store.add_task(owner, {"title": "Intern note om Ole", "internal": True, "responsible": ole.id, "due": day(1)},
                   "Anna")
    confirmed(store, owner, eva.id, "eva@example.org", "da", "Eva")
    confirmed(store, partner, ole.id, "ole@example.org", "en", "Ole")
    text_ = agreement.render_markdown(store.snapshot(partner), "da")
    store.approve(partner, "Ole Berg", agreement.content_hash(text_), text_, "Ole Berg")
    return owner, partner, tokens


def test_remind_sends_the_due_mails_to_the_opted_in_people_in_their_language_once(
        store: PostgresStore, database: str, smtp: SmtpServer, tmp_path: Path) -> None:
    project(store)
    first = remind(database, smtp.url, tmp_path)
    assert first.returncode == 0, first.stderr
    assert "sent 4 of 4" in first.stdout
    mails = smtp.mails()
    by_person: dict[str, list[str]] = {}
    for mail in mails:
        by_person.setdefault(mail["To"], []).append(subject(mail))
        assert mail["From"] == SENDER
        assert mail["List-Unsubscribe"].startswith("<https://app.example.org/base/ps/unsubscribe?t=")
        assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sorted(by_person) == ["eva@example.org", "ole@example.org"]  # Karim never opted in
    eva = sorted(by_person["eva@example.org"])
    assert eva == sorted(["Påmindelse: »Plakater <b>nu</b>« skal være færdig om 2 dage",
                          "Påmindelse: Opfølgningsmøde om 3 dage",
                          "Biblioteket har godkendt aftalen i »Lektiecafé«"])
    assert by_person["ole@example.org"] == ["Reminder: Opfølgningsmøde in 3 days"]  # not his own side's approval
    danish = next(m for m in mails if "Plakater" in subject(m))
    body = text(danish)
    assert "Hej Eva" in body and "Afmeld her: https://app.example.org/base/ps/unsubscribe?t=" in body
    assert (date.today() + timedelta(days=2)).strftime("%Y") in body
    english = next(m for m in mails if m["To"] == "ole@example.org")
    assert "Hello Ole" in text(english) and "Unsubscribe here:" in text(english)

    second = remind(database, smtp.url, tmp_path)
    assert second.returncode == 0 and "sent 0 of 0" in second.stdout
    assert len(smtp.mails()) == 4 and sent_count(database) == 4


def test_the_unsubscribe_link_stops_the_mails(store: PostgresStore, database: str, smtp: SmtpServer,
                                              tmp_path: Path) -> None:
    owner, _, _ = project(store)
    assert remind(database, smtp.url, tmp_path).returncode == 0
    to_eva = next(m for m in smtp.mails() if m["To"] == "eva@example.org")
    link = re.search(r"Afmeld her: (\S+)", text(to_eva))
    assert link is not None
    query = parse_qs(urlparse(link.group(1)).query)
    assert query["l"] == ["da"]
    assert store.mail_unsubscribe(query["t"][0]) == ("da", True)
    assert store.mail_unsubscribe(query["t"][0]) == ("da", False)
    assert [s.email for s in store.mail_subscriptions(owner)] == ["ole@example.org"]
    eva = next(p for p in store.snapshot(owner).people if p.name == "Eva")
    tomorrow = (datetime.now(TIMEZONE).date() + timedelta(days=1)).isoformat()
    store.add_task(owner, {"title": "Ny frist", "responsible": eva.id, "due": tomorrow}, "Anna")
    store.add_task(owner, {"title": "Møde 2", "kind": "follow_up", "responsible": eva.id, "due": tomorrow}, "Anna")
    again = remind(database, smtp.url, tmp_path)
    assert again.returncode == 0 and "sent 1 of 1" in again.stdout, again.stdout
    assert [m["To"] for m in smtp.mails()].count("eva@example.org") == 3  # nothing new for her


def test_a_dead_smtp_server_gives_a_clear_message_and_records_nothing(store: PostgresStore, database: str,
                                                                      smtp: SmtpServer, tmp_path: Path) -> None:
    project(store)
    dead = remind(database, f"smtp://user:s3cret-pw@127.0.0.1:{free_port()}", tmp_path)
    assert dead.returncode == 1
    assert "could not be reached" in dead.stderr and "sent 0 of 4" in dead.stdout
    assert "s3cret-pw" not in dead.stderr + dead.stdout
    assert sent_count(database) == 0
    # Nothing was lost: the next run with a live server sends all of it.
    live = remind(database, smtp.url, tmp_path)
    assert live.returncode == 0 and "sent 4 of 4" in live.stdout
    assert len(smtp.mails()) == 4


def test_without_smtp_settings_remind_says_so_and_records_nothing(store: PostgresStore, database: str,
                                                                  tmp_path: Path) -> None:
    project(store)
    out = remind(database, None, tmp_path)
    assert out.returncode == 1 and "SMTP is not configured" in out.stderr
    assert sent_count(database) == 0


def test_the_mail_functions_across_projects_are_not_for_the_anon_role(store: PostgresStore, database: str) -> None:
    project(store)
    with psycopg.connect(database) as conn:
        conn.execute("set role anon")
        for call in ("select partnership_private.mail_due(current_date, 3)",
                     "select partnership_private.mail_sent('k', 'x')",
                     "select count(*) from partnership_private.mail_subscriptions"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(call)
            conn.rollback()
            conn.execute("set role anon")


def test_remind_right_after_demo_sends_the_examples_opted_in_people_their_notices(
        database: str, smtp: SmtpServer, tmp_path: Path) -> None:
    made = in_process.run("demo", env={"PARTNERSHIP_DATABASE_URL": database}, cwd=tmp_path,
                          clear=("PARTNERSHIP_", "SUPABASE_"))
    assert made.returncode == 0, made.stderr
    out = remind(database, smtp.url, tmp_path)
    assert out.returncode == 0 and "sent 3 of 3" in out.stdout, out.stdout + out.stderr
    got = sorted((m["To"], subject(m)) for m in smtp.mails())
    assert got == [("anna.holm@example.org", "Nørrebro Bibliotek har godkendt aftalen i »Lektiecafé på biblioteket«"),
                   ("anna.holm@example.org", "Ugens ændringer i »Lektiecafé på biblioteket«"),  # she chose the digest
                   ("ole.berg@example.org",
                    "Boldklubben Nørrebro approved the agreement in “Lektiecafé på biblioteket”")]
    anna = next(m for m in smtp.mails() if subject(m).startswith("Nørrebro Bibliotek har godkendt"))
    assert "aftalen er underskrevet" in text(anna)
