"""A real SMTP client on the standard library (``smtplib``, ``email.message``)."""

from __future__ import annotations

import email.policy
import smtplib
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from partnership.mail.settings import SmtpSettings
from partnership.reminders import Mail

TIMEOUT_S = 20.0

POLICY = email.policy.SMTP.clone(max_line_length=998)
"""Header lines up to RFC 5322's hard limit: a long unsubscribe URL folded at 78
characters would become an encoded word, which mail clients do not read as a link."""


class MailError(Exception):
    """The SMTP server could not be reached or refused the mail (a sentence, no secret)."""


def message(mail: Mail, sender: str) -> EmailMessage:
    """The mail as an RFC 5322 message: plain UTF-8 text, and the unsubscribe link also as
    ``List-Unsubscribe`` with one-click POST (RFC 8058). A mail without one (the
    confirmation of an opt-in, which subscribes nobody yet) has neither header."""
    msg = EmailMessage(policy=POLICY)
    msg["From"] = sender
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg["Content-Language"] = mail.lang
    if mail.unsubscribe:
        msg["List-Unsubscribe"] = f"<{mail.unsubscribe}>"
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(mail.text)
    return msg


class Connection:
    """One SMTP session: ``with Connection(settings) as c: c.send(mail)``."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Connection:
        s = self.settings
        try:
            if s.security == "tls":
                self._smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT_S, context=ssl.create_default_context())
            else:
                self._smtp = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT_S)
                if s.security == "starttls":
                    self._smtp.starttls(context=ssl.create_default_context())
            if s.user:
                self._smtp.login(s.user, s.password)
        except (OSError, smtplib.SMTPException) as exc:
            self._close()
            raise MailError(f"the SMTP server {s.describe()} could not be reached or refused us: "
                            f"{type(exc).__name__}: {exc}") from exc
        return self

    def send(self, mail: Mail) -> None:
        """Hand one mail over; returns only when the server accepted it."""
        assert self._smtp is not None
        try:
            refused = self._smtp.send_message(message(mail, self.settings.sender))
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(f"the SMTP server {self.settings.describe()} did not take a mail: "
                            f"{type(exc).__name__}: {exc}") from exc
        if refused:
            raise MailError(f"the SMTP server {self.settings.describe()} refused a recipient")

    def _close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None

    def __exit__(self, *_exc: object) -> None:
        self._close()
