"""The confirmation link of an opt-in (double opt-in), on a real Streamlit server: nothing
is mailed before it is followed; a GET only asks (a mail scanner confirms nobody); the
button (a POST) confirms without the project's link, in the subscriber's language; an
expired link is refused in clear Danish and confirms nothing."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import psycopg
import pytest

from partnership.i18n import TIMEZONE
from partnership.reminders_confirm import confirm_url
from partnership.store.base import new_token
from tests.support import cli as in_process
from tests.support.smtp import SmtpServer
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


def test_the_confirmation_link_confirms_with_a_post_and_an_expired_one_is_refused(
        server: StreamlitServer, smtp: SmtpServer, tmp_path: Path) -> None:
    store = server.store
    owner, _ = store.create_project("Bekræftelse", "Klubben", "Anna")
    eva = store.add_person(owner, {"name": "Eva", "side": "association"}, "Anna")
    karim = store.add_person(owner, {"name": "Karim", "side": "association"}, "Anna")
    soon = (datetime.now(TIMEZONE).date() + timedelta(days=1)).isoformat()
    store.add_task(owner, {"title": "Frist", "responsible": eva.id, "due": soon}, "Anna")
    token, late = new_token(), new_token()
    store.mail_subscribe(owner, eva.id, "eva@example.org", "en", "Eva", confirm_token=token)
    store.mail_subscribe(owner, karim.id, "karim@example.org", "da", "Karim", confirm_token=late)
    before = in_process.remind(server.database, server.url, smtp.url, tmp_path, check=True)
    assert "sent 0 of 0" in before.stdout  # nothing before confirming

    link = confirm_url(server.url, token, "en")
    with httpx.Client(timeout=10) as client:
        asked = client.get(link)
        assert asked.status_code == 200 and "Yes, confirm my sign-up" in asked.text
        assert '<html lang="en">' in asked.text and "Content-Security-Policy" in asked.headers
        assert store.mail_subscriptions(owner)[0].confirmed_at is None  # a GET changes nothing
        action = re.search(r'<form method="post" action="([^"]+)"', asked.text)
        assert action is not None
        done = client.post(f"http://127.0.0.1:{server.port}" + action.group(1).replace("&amp;", "&"))
        assert done.status_code == 200 and "Your sign-up is confirmed" in done.text
        again = client.post(link)
        assert again.status_code == 200 and "already confirmed" in again.text

        with psycopg.connect(server.database) as conn:
            conn.execute("update partnership_private.mail_subscriptions "
                         "set confirm_until = now() - interval '1 minute' "
                         "where person_id = %s", (karim.id,))
        expired = client.post(confirm_url(server.url, late, "da"))
        assert expired.status_code == 410 and '<html lang="da">' in expired.text
        assert "Linket er udløbet: det virker kun i 7 dage" in expired.text
        forged = client.post(confirm_url(server.url, new_token(), "da"))
        assert forged.status_code == 404 and "Linket er ikke gyldigt" in forged.text

    confirmed = {s.person_id: s.confirmed_at for s in store.mail_subscriptions(owner)}
    assert confirmed[eva.id] is not None and confirmed[karim.id] is None
    assert "sent 1 of 1" in in_process.remind(server.database, server.url, smtp.url, tmp_path, check=True).stdout
    assert [m["To"] for m in smtp.mails()] == ["eva@example.org"]
