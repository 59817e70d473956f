"""``python -m partnership remind`` and the meeting records (issue 25): a reminder before
each meeting that takes place, with its day, time and place, in the recipient's language,
to the confirmed opted-in people of both sides, once; none for a cancelled meeting (until
it is restored); and a follow-up task on the same day is the same meeting, so one mail."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from partnership.i18n import TIMEZONE
from partnership.store.postgres import PostgresStore
from tests.mail.test_remind import opted_in, remind, sent_count, subject, text
from tests.support.smtp import SmtpServer


def test_a_meeting_record_is_mailed_once_with_its_time_and_place_and_never_when_cancelled(
        store: PostgresStore, database: str, smtp: SmtpServer, tmp_path: Path) -> None:
    today = datetime.now(TIMEZONE).date()
    owner, partner, eva, ole, bo = opted_in(store)  # Eva and Ole confirmed, Bo never did
    store.add_meeting(owner, {"day": today + timedelta(days=2), "time": "17:30",
                                        "place": "Nørrebro Bibliotek, lokale 2"}, "Anna")
    store.add_task(owner, {"title": "Opfølgningsmøde", "kind": "follow_up", "responsible": ole.id,
                           "due": (today + timedelta(days=2)).isoformat()}, "Anna")  # the same meeting
    off = store.add_meeting(partner, {"day": today + timedelta(days=1), "time": "09:00"}, "Ole")
    store.cancel_meeting(partner, off.id, True, "Efterårsferie", off.version, "Ole")
    store.add_meeting(owner, {"day": today + timedelta(days=10), "time": "17:00"}, "Anna")  # not yet

    first = remind(database, smtp.url, tmp_path)
    assert first.returncode == 0 and "sent 2 of 2" in first.stdout, first.stdout + first.stderr
    got = {m["To"]: m for m in smtp.mails()}
    assert sorted(got) == ["eva@example.org", "ole@example.org"]  # Bo never confirmed
    assert subject(got["eva@example.org"]) == "Påmindelse: opfølgningsmøde om 2 dage kl. 17.30"
    assert subject(got["ole@example.org"]) == "Reminder: follow-up meeting in 2 days at 17:30"
    danish = text(got["eva@example.org"])
    assert "Hej Eva" in danish and "kl. 17.30" in danish and "Sted: Nørrebro Bibliotek, lokale 2" in danish
    assert f"{(today + timedelta(days=2)).day}." in danish  # the day in Danish ("8. december 2026")
    assert "Place: Nørrebro Bibliotek, lokale 2" in text(got["ole@example.org"])

    again = remind(database, smtp.url, tmp_path)
    assert again.returncode == 0 and "sent 0 of 0" in again.stdout, again.stdout + again.stderr
    assert sent_count(database) == 2

    store.cancel_meeting(partner, off.id, False, "", off.version + 1, "Ole")  # restored: it takes place
    back = remind(database, smtp.url, tmp_path)
    assert back.returncode == 0 and "sent 2 of 2" in back.stdout, back.stdout + back.stderr
    assert sorted(subject(m) for m in smtp.mails()[2:]) == [
        "Påmindelse: opfølgningsmøde i morgen kl. 09.00", "Reminder: follow-up meeting tomorrow at 09:00"]
