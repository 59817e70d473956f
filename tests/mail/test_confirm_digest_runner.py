"""Double opt-in, the weekly digest and the app's own reminder runner against a real SMTP
server (aiosmtpd in its own process) and the embedded PostgreSQL: nothing goes to an
address before it is confirmed; the digest says what changed in the last 7 days as the
reader's side may see it, in their language, at most once a week; two runners at once
send each mail once."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

import psycopg

from partnership.i18n import TIMEZONE, fmt_date
from partnership.mail import runner
from partnership.mail.settings import parse
from partnership.store.base import new_token
from partnership.store.postgres import PostgresStore
from partnership.web import remind_job
from tests.mail.test_remind import SENDER, confirmed, remind, sent_count, subject, text
from tests.support.smtp import SmtpServer

BASE = "https://app.example.org/base"
AGED = ("update partnership_private.mail_sent set sent_at = sent_at - interval '8 days', "
        "key = regexp_replace(key, ':digest:.*$', ':digest:' || (sent_at - interval '8 days')::date::text) "
        "where key like '%%:digest:%%'")
"""Every digest sent so far, as if sent 8 days ago (its key names the day it was sent)."""


def sql(database: str, query: str, params: tuple[object, ...] = ()) -> None:
    with psycopg.connect(database) as conn:
        conn.execute(query, params)


def soon(days: int) -> str:
    return (datetime.now(TIMEZONE).date() + timedelta(days=days)).isoformat()


def test_nothing_goes_to_an_address_before_it_is_confirmed(store: PostgresStore, database: str, smtp: SmtpServer,
                                                           tmp_path: Path) -> None:
    owner, _ = store.create_project("Lektiecafé", "Boldklubben", "Anna")
    eva = store.add_person(owner, {"name": "Eva", "side": "association"}, "Anna")
    store.add_task(owner, {"title": "Plakater", "responsible": eva.id, "due": soon(1)}, "Anna")
    token = new_token()
    store.mail_subscribe(owner, eva.id, "eva@example.org", "da", "Eva", confirm_token=token, digest=True)
    store.set_field(owner, "s4_vision", "Alle børn læser", 0, "Anna")
    pending = remind(database, smtp.url, tmp_path)
    assert pending.returncode == 0 and "sent 0 of 0" in pending.stdout, pending.stdout + pending.stderr
    assert smtp.mails() == []
    assert store.mail_confirm(token) == ("da", "confirmed")
    after = remind(database, smtp.url, tmp_path)
    assert after.returncode == 0 and "sent 2 of 2" in after.stdout, after.stdout + after.stderr
    assert sorted(subject(m) for m in smtp.mails()) == ["Påmindelse: »Plakater« skal være færdig i morgen",
                                                        "Ugens ændringer i »Lektiecafé«"]


def test_the_weekly_digest_says_what_changed_as_each_side_may_see_it_once_a_week(
        store: PostgresStore, database: str, smtp: SmtpServer, tmp_path: Path) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben", "Anna")
    partner = store.open(tokens["partner"])
    eva = store.add_person(owner, {"name": "Eva", "side": "association"}, "Anna")
    karim = store.add_person(owner, {"name": "Karim", "side": "association"}, "Anna")
    ole = store.add_person(partner, {"name": "Ole", "side": "partner"}, "Ole")
    confirmed(store, owner, eva.id, "eva@example.org", "da", "Eva", digest=True)
    confirmed(store, owner, karim.id, "karim@example.org", "da", "Karim")  # no digest chosen
    confirmed(store, partner, ole.id, "ole@example.org", "en", "Ole", digest=True)
    store.set_field(owner, "s1_idea", "Hemmelig idé", 0, "Anna")  # internal: the association's own
    store.set_field(partner, "s4_vision", "Alle børn læser", 0, "Ole")
    store.add_task(owner, {"title": "Plakater <b>nu</b>", "due": soon(20)}, "Anna")
    store.add_funding(owner, {"fund": "Tuborgfondet", "amount": 40000}, "Anna")
    meeting_day = datetime.now(TIMEZONE).date() + timedelta(days=14)
    store.add_meeting(partner, {"day": meeting_day, "time": "17:00"}, "Ole")

    first = remind(database, smtp.url, tmp_path)
    assert first.returncode == 0 and "sent 2 of 2" in first.stdout, first.stdout + first.stderr
    mails = {m["To"]: m for m in smtp.mails()}
    assert sorted(mails) == ["eva@example.org", "ole@example.org"]  # Karim chose no digest
    danish, english = text(mails["eva@example.org"]), text(mails["ole@example.org"])
    assert subject(mails["eva@example.org"]) == "Ugens ændringer i »Lektiecafé«"
    assert "Hej Eva" in danish and "Det her er ændret i partnerskabet »Lektiecafé« siden" in danish
    assert "Anna ændrede Vores overordnede idé" in danish and "Ole ændrede Fælles vision" in danish
    assert "Anna tilføjede Opgave: Plakater <b>nu</b>" in danish and "Anna tilføjede Person: Eva" in danish
    # an application by its fund, a meeting by its day (not only "Fondsansøgning", "Opfølgningsmøde")
    assert "Anna tilføjede Fondsansøgning: Tuborgfondet" in danish
    assert f"Ole tilføjede Opfølgningsmøde: {fmt_date(meeting_day, 'da')}" in danish
    assert f"Ole added Follow-up meeting: {fmt_date(meeting_day, 'en')}" in english
    assert "Afmeld her: https://app.example.org/base/ps/unsubscribe?t=" in danish
    assert mails["eva@example.org"]["List-Unsubscribe"].startswith(f"<{BASE}/ps/unsubscribe?t=")
    assert subject(mails["ole@example.org"]) == "This week's changes in “Lektiecafé”"
    assert "Ole changed Shared vision" in english and "Anna added Task: Plakater <b>nu</b>" in english
    assert "Hemmelig" not in english and "Our overall idea" not in english  # the association's own
    assert "Karim" not in english  # a person the partner does not share

    store.add_task(owner, {"title": "Mere", "due": soon(30)}, "Anna")
    again = remind(database, smtp.url, tmp_path)
    assert again.returncode == 0 and "sent 0 of 0" in again.stdout  # at most once a week
    # A week later (the digests recorded as sent 8 days ago), the next digest goes out.
    sql(database, AGED)
    week = remind(database, smtp.url, tmp_path)
    assert week.returncode == 0 and "sent 2 of 2" in week.stdout, week.stdout
    # Nothing changed in the last 7 days: no digest at all.
    sql(database, AGED)
    sql(database, "update partnership_private.history set at = now() - interval '8 days'")
    quiet = remind(database, smtp.url, tmp_path)
    assert quiet.returncode == 0 and "sent 0 of 0" in quiet.stdout
    assert len(smtp.mails()) == 4 and sent_count(database) == 4


def test_the_apps_own_runner_sends_each_mail_once_with_two_runners(store: PostgresStore, database: str,
                                                                   smtp: SmtpServer) -> None:
    owner, _ = store.create_project("Lektiecafé", "Boldklubben", "Anna")
    for n in range(3):
        person = store.add_person(owner, {"name": f"P{n}", "side": "association"}, "Anna")
        store.add_task(owner, {"title": f"Frist {n}", "responsible": person.id, "due": soon(1)}, "Anna")
        confirmed(store, owner, person.id, f"p{n}@example.org", "da", f"P{n}")
    job = remind_job.job(parse(smtp.url, SENDER), url=lambda: database, base=lambda: BASE)
    runners = [runner.Runner(job, every=0.05, first_after=0) for _ in range(2)]
    for r in runners:
        r.start()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (len(smtp.mails()) >= 3 and all(r.runs >= 5 for r in runners)):
            time.sleep(0.05)
    finally:
        for r in runners:
            r.stop()
    assert all(r.runs >= 5 for r in runners)
    assert sorted(m["To"] for m in smtp.mails()) == ["p0@example.org", "p1@example.org", "p2@example.org"]
    assert sent_count(database) == 3


def test_the_runner_starts_only_with_smtp_settings_and_a_period() -> None:
    assert runner.every_from({}) == runner.DEFAULT_EVERY_S
    assert runner.every_from({runner.ENV: "30m"}) == 1800 and runner.every_from({runner.ENV: "90"}) == 90
    assert runner.every_from({runner.ENV: "2h"}) == 7200
    for off in ("0", "off", "soon", "-5"):
        assert runner.every_from({runner.ENV: off}) is None, off
    smtp_env = {"PARTNERSHIP_SMTP_URL": "smtp://127.0.0.1:25", "PARTNERSHIP_MAIL_FROM": "noreply@example.org"}
    assert remind_job.start(secrets={}, environ={}) is None  # no SMTP: nothing to run
    assert remind_job.start(secrets={}, environ={**smtp_env, runner.ENV: "0"}) is None
    assert remind_job.start(secrets={}, environ={**smtp_env, "SUPABASE_URL": "https://x.supabase.co"}) is None
