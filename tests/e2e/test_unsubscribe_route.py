"""The unsubscribe link of a reminder mail, on a real Streamlit server: the mail that
``remind`` sent (to a real SMTP server) carries a link that works without the project's
link - a GET only asks, the button (a POST) unsubscribes, in the subscriber's language -
and the next run sends that person nothing."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from partnership.i18n import TIMEZONE
from partnership.store.base import new_token
from tests.support import cli as in_process
from tests.support.smtp import SmtpServer
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


def test_the_link_in_the_mail_unsubscribes_without_the_projects_link(server: StreamlitServer, smtp: SmtpServer,
                                                                     tmp_path: Path) -> None:
    store = server.store
    owner, _ = store.create_project("Afmelding", "Klubben", "Anna")
    eva = store.add_person(owner, {"name": "Eva", "side": "association"}, "Anna")
    soon = (datetime.now(TIMEZONE).date() + timedelta(days=1)).isoformat()
    store.add_task(owner, {"title": "Første frist", "responsible": eva.id, "due": soon}, "Anna")
    token = new_token()
    store.mail_subscribe(owner, eva.id, "eva@example.org", "en", "Eva", confirm_token=token)
    assert store.mail_confirm(token) == ("en", "confirmed")
    assert "sent 1 of 1" in in_process.remind(server.database, server.url, smtp.url, tmp_path, check=True).stdout
    [mail] = smtp.mails()
    payload = mail.get_payload(decode=True)
    assert isinstance(payload, bytes)
    link = re.search(r"Unsubscribe here: (\S+)", payload.decode("utf-8"))
    assert link is not None and link.group(1).startswith(f"{server.url}/ps/unsubscribe?t=")

    with httpx.Client(timeout=10) as client:
        asked = client.get(link.group(1))
        assert asked.status_code == 200 and "Content-Security-Policy" in asked.headers
        assert "Yes, unsubscribe me" in asked.text and '<html lang="en">' in asked.text
        assert [s.email for s in store.mail_subscriptions(owner)] == ["eva@example.org"]  # a GET changes nothing
        action = re.search(r'<form method="post" action="([^"]+)"', asked.text)
        assert action is not None
        done = client.post(f"http://127.0.0.1:{server.port}" + action.group(1).replace("&amp;", "&"))
        assert done.status_code == 200 and "You are unsubscribed" in done.text
        assert store.mail_subscriptions(owner) == []
        again = client.post(link.group(1), content=b"List-Unsubscribe=One-Click")  # a mail client's one click
        assert again.status_code == 200 and "already unsubscribed" in again.text
        forged = client.post(link.group(1).split("?")[0] + "?t=" + "A" * 43 + "&l=da")
        assert forged.status_code == 404 and "Linket er ikke gyldigt" in forged.text

    store.add_task(owner, {"title": "Anden frist", "responsible": eva.id, "due": soon}, "Anna")
    assert "sent 0 of 0" in in_process.remind(server.database, server.url, smtp.url, tmp_path, check=True).stdout
    assert len(smtp.mails()) == 1
