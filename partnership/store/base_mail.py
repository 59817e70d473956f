"""The mail part of the Store contract (issue 25: opt-in with double confirmation, the
links in a mail that work without a project link), kept beside ``base.py``, whose ``Store``
inherits it. The rules of ``base.py`` hold."""

from __future__ import annotations

from abc import ABC, abstractmethod

from partnership.model import Access
from partnership.reminders import Subscription


class MailStore(ABC):
    """Who opted in to mail, and the confirm and unsubscribe links."""

    @abstractmethod
    def mail_subscribe(self, access: Access, person_id: str, email: str, lang: str, actor: str, *,
                       confirm_token: str, digest: bool = False) -> Subscription:
        """Record that ``person_id`` opted in to mail at ``email`` in ``lang`` ("da"/"en"),
        with the weekly ``digest`` or not, said by ``actor`` through this link (a new consent
        ends the earlier one). Nothing is mailed before ``mail_confirm(confirm_token)`` within
        7 days (the caller made it with ``new_token`` and mails it; its hash is kept). Owner
        any person, partner only its side's people, viewer Forbidden; a bad address "bad_email"."""

    @abstractmethod
    def mail_stop(self, access: Access, person_id: str, actor: str) -> bool:
        """End the person's subscription (the same role rules); False if there was none."""

    @abstractmethod
    def mail_subscriptions(self, access: Access) -> list[Subscription]:
        """The active subscriptions this link may see: the owner's all, the partner's
        those of partner-side people; the viewer Forbidden."""

    @abstractmethod
    def mail_confirm(self, confirm_token: str) -> tuple[str, str] | None:
        """An opt-in's confirmation link (no project link needed): (its language, "confirmed"
        by this call, "already" confirmed, "expired" - nothing changes - or "ended" since),
        or None for an unknown or malformed token."""

    @abstractmethod
    def mail_unsubscribe(self, mail_token: str) -> tuple[str, bool] | None:
        """The unsubscribe link of a mail (no project link needed): end the subscription
        the token was sent for. Returns (its language, whether this call ended it), or
        None for an unknown or malformed token."""
