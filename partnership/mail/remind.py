"""One reminder run: what is due goes out, each mail recorded as sent only after the
SMTP server accepted it, so a run can be repeated as often as one likes and a failed one
loses nothing (``python -m partnership remind``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol
from urllib.parse import urlencode

from partnership.mail.settings import SmtpSettings
from partnership.mail.smtp import Connection, MailError
from partnership.reminders import DueMail, Mail, compose


class Outbox(Protocol):
    """What a run needs of the store (``partnership.store.outbox.Outbox``)."""

    def due(self, today: date, days: int) -> list[DueMail]: ...
    def ticket(self, subscription: str) -> str: ...
    def sent(self, item: DueMail) -> bool: ...


@dataclass
class Result:
    sent: int = 0
    due: int = 0
    error: str = ""


def unsubscribe_url(base_url: str, token: str, lang: str) -> str:
    """The mail's unsubscribe link: the app's ``/ps/unsubscribe`` route."""
    return f"{base_url.rstrip('/')}/ps/unsubscribe?{urlencode({'t': token, 'l': lang})}"


def run(outbox: Outbox, settings: SmtpSettings, base_url: str, today: date, days: int,
        connect: Callable[[SmtpSettings], Connection] = Connection) -> Result:
    """Send every mail due on ``today`` (window ``days``). Stops at the first SMTP failure
    with ``Result.error`` set; what went out before it stays recorded."""
    due = outbox.due(today, days)
    result = Result(due=len(due))
    if not due:
        return result
    try:
        with connect(settings) as smtp:
            for item in due:
                token = outbox.ticket(item.subscription)
                smtp.send(compose(item, unsubscribe_url(base_url, token, item.lang), today))
                outbox.sent(item)
                result.sent += 1
    except MailError as exc:
        result.error = str(exc)
    return result


def send_one(settings: SmtpSettings, mail: Mail,
             connect: Callable[[SmtpSettings], Connection] = Connection) -> None:
    """Send one mail at once (an opt-in's confirmation); MailError when it cannot go out."""
    with connect(settings) as smtp:
        smtp.send(mail)
