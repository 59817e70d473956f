"""Errors as sentences in the reader's language."""

from __future__ import annotations

from partnership.errors import PartnershipError
from partnership.i18n import has, t
from partnership.usertext import plain


def what_label(what: str, lang: str) -> str:
    """A human name for the thing an error is about (a field key, "task.due", ...)."""
    for key in (f"field.{what}.label", f"what.{what}"):
        if has(key):
            return t(key, lang)
    return plain(what)


def describe(exc: PartnershipError, lang: str) -> str:
    """The message for ``exc``: ``err.<code>`` formatted with its params."""
    # Params can come from a crafted file or request: shown as text, never as Markdown.
    params = {k: plain(v) if isinstance(v, str) else v for k, v in exc.params.items()}
    if "what" in exc.params:
        params["what"] = what_label(str(exc.params["what"]), lang)
    if exc.code == "bad_import_at" and isinstance(exc.__cause__, PartnershipError):
        params["problem"] = describe(exc.__cause__, lang)  # already escaped
    key = f"err.{exc.code}"
    return t(key if has(key) else "err.storage", lang, **params)
