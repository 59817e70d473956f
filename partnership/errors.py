"""Errors raised by the partnership package.

Every store adapter translates its backend's failures into this tree, keeping the
original exception as ``__cause__`` (``raise StorageError(...) from exc``)::

    PartnershipError
     +-- InvalidLink      unknown, malformed or revoked link token
     +-- Forbidden        the link's role may not do this
     +-- Conflict         compare-and-set failed: someone saved first (``.current``)
     +-- ValidationError  bad input: unknown key, too long, bad dates (``.code``, ``.params``)
     +-- StorageError     the database failed or could not be reached

Pages catch ``PartnershipError`` and show ``ui.messages.describe(exc)``; a traceback
never reaches a page. ``code`` is a message-catalogue key, ``params`` its values, so
the message is shown in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


class PartnershipError(Exception):
    """Base class. ``code`` names the message in the i18n catalogue (``err.<code>``)."""

    default_code = "storage"

    def __init__(self, message: str = "", *, code: str | None = None, **params: Any) -> None:
        super().__init__(message or (code or self.default_code))
        self.code = code or self.default_code
        self.params: dict[str, Any] = params


class InvalidLink(PartnershipError):
    default_code = "invalid_link"


class Forbidden(PartnershipError):
    default_code = "forbidden"


class ValidationError(PartnershipError):
    default_code = "invalid"


class StorageError(PartnershipError):
    default_code = "storage"


@dataclass(frozen=True)
class Current:
    """What is stored now, handed back with a Conflict.

    ``value`` is the field text for a field, or the record as a dict for a candidate,
    person or task.
    """

    value: Any
    version: int
    updated_by: str
    updated_at: datetime | None


class Conflict(PartnershipError):
    default_code = "conflict"

    def __init__(self, message: str = "", *, current: Current, **params: Any) -> None:
        super().__init__(message or "conflict", code="conflict", **params)
        self.current = current
