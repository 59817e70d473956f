"""Which files there are, who may have them and what they are called
(partnership/downloads.py), and the Content-Disposition the file route sends."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from partnership import downloads
from partnership.model import Role
from partnership.web.files import disposition


@pytest.mark.parametrize("role", list(Role))
def test_every_role_gets_the_agreement_tasks_and_calendar_and_only_the_owner_the_rest(role: Role) -> None:
    shared = {"agreement.md", "agreement.html", "agreement.docx", "agreement.pdf", "tasks.csv", "calendar.ics",
              "meeting.html"}
    allowed = {what for what in downloads.MIME if downloads.allowed(role, what)}
    assert allowed == (set(downloads.MIME) if role is Role.OWNER else shared)
    assert not downloads.allowed(role, "agreement.odt") and not downloads.allowed(role, "../secret")


def test_the_export_is_named_after_the_title_in_letters_of_any_script() -> None:
    assert downloads.export_name("Lektiecafé på Nørrebro!") == "partnerskab-lektiecafé-på-nørrebro.json"
    assert downloads.export_name("../../") == "partnerskab-eksport.json"


@pytest.mark.parametrize("name", ["samarbejdsaftale-lektiecafé-på-nørrebro.pdf", 'a"b;c\r\nd.txt', "Æ.ics", "..."])
def test_the_disposition_is_an_attachment_with_a_plain_fallback_and_the_exact_name(name: str) -> None:
    header = disposition(name)
    fallback, exact = header.split("; filename*=UTF-8''")
    assert fallback.startswith('attachment; filename="') and fallback.endswith('"')
    plain = fallback[len('attachment; filename="'):-1]
    assert plain and all(c.isascii() and (c.isalnum() or c in "._-") for c in plain)
    assert unquote(exact) == name and all(c not in exact for c in ' ";\r\n')
