"""The mail part of ``RpcStore`` (``store/rpc.py``, which takes these as its methods):
each is one call of a ``ps_mail_*`` function (migrations ``_mail`` and ``_mail_confirm``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from partnership.model import Access
from partnership.reminders import Subscription
from partnership.store.base import hash_token
from partnership.store.rpc_wire import subscription as _subscription
from partnership.store.rpc_wire import text as _text
from partnership.store.rpc_wire import well_formed as _well_formed

if TYPE_CHECKING:
    from partnership.store.rpc import RpcStore


def mail_subscribe(self: RpcStore, access: Access, person_id: str, email: str, lang: str, actor: str, *,
                   confirm_token: str, digest: bool = False) -> Subscription:
    data = self._expect(self._at(access, "ps_mail_subscribe", {
        "p_person": _text(person_id), "p_email": _text(email), "p_lang": _text(lang), "p_digest": bool(digest),
        "p_confirm_hash": hash_token(confirm_token), "p_actor": _text(actor)}), Mapping)
    return self._records(lambda: _subscription(data))


def mail_stop(self: RpcStore, access: Access, person_id: str, actor: str) -> bool:
    return bool(self._at(access, "ps_mail_stop", {"p_person": _text(person_id), "p_actor": _text(actor)}))


def mail_subscriptions(self: RpcStore, access: Access) -> list[Subscription]:
    data = self._expect(self._at(access, "ps_mail_subscriptions", read=True), list)
    return self._records(lambda: [_subscription(row) for row in data])


def mail_confirm(self: RpcStore, confirm_token: str) -> tuple[str, str] | None:
    data = _by_mail_link(self, "ps_mail_confirm", "p_confirm_token", confirm_token)
    return None if data is None else self._records(lambda: (str(data["lang"]), str(data["state"])))


def mail_unsubscribe(self: RpcStore, mail_token: str) -> tuple[str, bool] | None:
    data = _by_mail_link(self, "ps_mail_unsubscribe", "p_mail_token", mail_token)
    return None if data is None else self._records(lambda: (str(data["lang"]), bool(data["ended"])))


def _by_mail_link(self: RpcStore, fn: str, param: str, token: str) -> Any:
    """A mail's link (no project link): None for a malformed token, else ``fn``'s answer."""
    return self._call(fn, {param: token}, read=False) if _well_formed(token) else None
