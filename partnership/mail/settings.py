"""Where mail goes out: ``PARTNERSHIP_SMTP_URL`` and ``PARTNERSHIP_MAIL_FROM``, or an
``[smtp]`` section of Streamlit's secrets (``url`` and ``from``).

``smtp://user:password@host:port`` (plain, port 25 by default), ``smtp+starttls://...``
(STARTTLS, port 587) or ``smtps://...`` (TLS from the start, port 465). User and
password are optional and URL-encoded. The password never appears in ``repr`` or in a
message.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

SECURITY = {"smtp": ("plain", 25), "smtp+starttls": ("starttls", 587), "smtps": ("tls", 465)}

SECRETS_FILE = Path(".streamlit/secrets.toml")
"""Read by the CLI (Streamlit reads it for the app) for its ``[smtp]`` section."""


class SettingsError(ValueError):
    """The SMTP settings are there but cannot be used (never quotes the password)."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str
    sender: str
    user: str = ""
    password: str = field(default="", repr=False)

    def describe(self) -> str:
        """Where mail goes, for messages: no user, no password."""
        return f"{self.host}:{self.port} ({self.security})"


def parse(url: str, sender: str) -> SmtpSettings:
    """Settings from a URL and a sender address; SettingsError when they cannot work."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise SettingsError("the SMTP URL cannot be read (smtp://user:password@host:port)") from exc
    if parts.scheme not in SECURITY:
        raise SettingsError("the SMTP URL must start with smtp://, smtp+starttls:// or smtps://")
    if not parts.hostname:
        raise SettingsError("the SMTP URL names no host")
    security, default_port = SECURITY[parts.scheme]
    sender = sender.strip()
    if "@" not in sender or any(ch in sender for ch in "\r\n"):
        raise SettingsError("a sender address is needed: PARTNERSHIP_MAIL_FROM or [smtp] from")
    return SmtpSettings(parts.hostname, port or default_port, security, sender,
                        unquote(parts.username or ""), unquote(parts.password or ""))


def from_config(secrets: Mapping[str, Any] | None = None,
                environ: Mapping[str, str] | None = None) -> SmtpSettings | None:
    """The settings in effect, or None when there are none (mail is off). The
    environment wins over the secrets. SettingsError when they are there but wrong."""
    env = os.environ if environ is None else environ
    section = dict((secrets or {}).get("smtp", {}) or {})
    url = env.get("PARTNERSHIP_SMTP_URL") or str(section.get("url") or "")
    if not url.strip():
        return None
    return parse(url, env.get("PARTNERSHIP_MAIL_FROM") or str(section.get("from") or ""))


def secrets_file(path: Path = SECRETS_FILE) -> dict[str, Any]:
    """Streamlit's secrets file as data, for the CLI ({} when there is none or it is broken)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeError):
        return {}


def configured(secrets: Mapping[str, Any] | None = None) -> bool:
    """True when mail can go out (settings there and usable)."""
    try:
        return from_config(secrets) is not None
    except SettingsError:
        return False
