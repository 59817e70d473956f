"""The confirmation mail of an opt-in (double opt-in; pure, no I/O).

A person who gives their address on the overview gets this mail at once; nothing else
goes to the address until its link (``<base>/ps/confirm?t=<token>&l=<lang>``, valid for
``CONFIRM_DAYS`` days) is followed. The mail carries no unsubscribe link: nobody is
subscribed yet, and ignoring it is enough.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from partnership.i18n import fmt_datetime, t
from partnership.reminders import Mail, one_line

CONFIRM_DAYS = 7
"""How long a confirmation link works (the database's ``confirm_until``)."""


def confirm_url(base_url: str, token: str, lang: str) -> str:
    """The confirmation link: the app's ``/ps/confirm`` route."""
    return f"{base_url.rstrip('/')}/ps/confirm?{urlencode({'t': token, 'l': lang})}"


def compose(email: str, person: str, project: str, lang: str, url: str, until: datetime | None,
            digest: bool) -> Mail:
    """The confirmation mail to ``email`` in ``lang``."""
    params = {"person": one_line(person), "project": one_line(project), "url": url,
              "until": fmt_datetime(until, lang) if until else ""}
    lines = [t("remind.greeting", lang, **params), "", t("remind.confirm.body", lang, **params)]
    if digest:
        lines.append(t("remind.confirm.digest", lang, **params))
    lines += ["", t("remind.confirm.link", lang, **params), "", url, "",
              t("remind.confirm.until", lang, **params), t("remind.confirm.ignore", lang, **params)]
    return Mail(email.strip(), one_line(t("remind.confirm.subject", lang, **params)), "\n".join(lines) + "\n", "",
                lang)
