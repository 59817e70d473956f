"""SMTP settings (URL, secrets, environment) and what a reminder mail says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from partnership.mail.settings import SettingsError, from_config, parse, secrets_file
from partnership.mail.smtp import message
from partnership.reminders import DueMail, compose, looks_like_email

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(("url", "expected"), [
    ("smtp://mail.example.org", ("mail.example.org", 25, "plain", "", "")),
    ("smtp+starttls://u%40x:p%3Aw@mail.example.org", ("mail.example.org", 587, "starttls", "u@x", "p:w")),
    ("smtps://user:secret@mail.example.org:2465", ("mail.example.org", 2465, "tls", "user", "secret")),
])
def test_an_smtp_url_names_host_port_security_and_login(url: str, expected: tuple[object, ...]) -> None:
    s = parse(url, "noreply@example.org")
    assert (s.host, s.port, s.security, s.user, s.password) == expected
    assert "secret" not in repr(s) and "secret" not in s.describe()


@pytest.mark.parametrize(("url", "sender"), [("http://x", "a@b.org"), ("smtp://", "a@b.org"),
                                             ("smtp://host:port", "a@b.org"), ("smtp://host", ""),
                                             ("smtp://host", "a@b.org\nBcc: x@y.org")])
def test_settings_that_cannot_work_are_refused(url: str, sender: str) -> None:
    with pytest.raises(SettingsError):
        parse(url, sender)


def test_the_environment_wins_over_the_secrets_and_nothing_set_means_no_mail(tmp_path: Path) -> None:
    secrets = {"smtp": {"url": "smtps://a:b@secret.example.org", "from": "s@example.org"}}
    assert from_config(secrets, {}).host == "secret.example.org"  # type: ignore[union-attr]
    env = {"PARTNERSHIP_SMTP_URL": "smtp://env.example.org:2525", "PARTNERSHIP_MAIL_FROM": "e@example.org"}
    assert from_config(secrets, env).host == "env.example.org"  # type: ignore[union-attr]
    assert from_config({}, {}) is None
    file = tmp_path / "secrets.toml"
    file.write_text('[smtp]\nurl = "smtp://file.example.org"\nfrom = "f@example.org"\n', encoding="utf-8")
    assert from_config(secrets_file(file), {}).host == "file.example.org"  # type: ignore[union-attr]
    assert secrets_file(tmp_path / "none.toml") == {}


def item(**changes: object) -> DueMail:
    base = dict(key="k", subscription="s", email="eva@example.org", lang="da", person="Eva", person_side="association",
                project="Lektiecafé", our_org="Klubben", partner_org="Biblioteket", kind="due",
                what="Plakater\r\nBcc: evil@example.org", day=TODAY.replace(day=8), note="Husk tape\nog saks")
    return DueMail(**{**base, **changes})  # type: ignore[arg-type]


def test_a_typed_title_stays_on_one_line_in_the_subject_and_the_body() -> None:
    mail = compose(item(), "https://app.example.org/ps/unsubscribe?t=x&l=da", TODAY)
    assert mail.subject == "Påmindelse: »Plakater Bcc: evil@example.org« skal være færdig i morgen"
    assert "Bcc" not in message(mail, "noreply@example.org").keys()
    assert "Fristen er 8. december 2026 (i morgen)." in mail.text
    assert "  Husk tape\n  og saks" in mail.text
    assert mail.text.rstrip().endswith("Afmeld her: https://app.example.org/ps/unsubscribe?t=x&l=da")


def test_a_notice_names_the_other_side_and_says_when_it_is_signed() -> None:
    mail = compose(item(kind="approved", lang="en", actor="Ole Berg", side="partner", signed=True, what="", note=""),
                   "u", TODAY)
    assert mail.subject == "Biblioteket approved the agreement in “Lektiecafé”"
    assert "Ole Berg approved the partnership agreement for Biblioteket" in mail.text
    assert "the agreement is signed" in mail.text


@pytest.mark.parametrize(("text", "ok"), [("eva@example.org", True), (" eva@example.org ", True), ("eva", False),
                                          ("eva@example", False), ("a b@example.org", False),
                                          ("eva@example.org\n", True), ("Eva <eva@example.org>", False)])
def test_the_forms_first_check_of_an_address(text: str, ok: bool) -> None:
    assert looks_like_email(text) is ok
