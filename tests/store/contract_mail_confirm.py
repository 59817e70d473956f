"""Double opt-in and the digest choice in the Store contract (issue 25, migration
``_mail_confirm``): an opt-in is pending until its confirmation link is followed within 7
days; the link needs no project link, confirms once, and an expired one confirms nothing.

Each transport's module subclasses ``MailConfirmContract`` beside ``StoreContract``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from partnership.errors import InvalidLink, ValidationError
from partnership.model import Access
from partnership.store.base import Store, hash_token, new_token
from tests.store.contract import ME, Rows, make


def opted_in(store: Store, digest: bool = False) -> tuple[Access, str, str]:
    """A project whose Eva opted in (pending): the owner's access, Eva's id, the token."""
    owner, _ = make(store)
    eva = store.add_person(owner, {"name": "Eva", "side": "association"}, ME)
    token = new_token()
    store.mail_subscribe(owner, eva.id, "eva@example.org", "en", "Eva", confirm_token=token, digest=digest)
    return owner, eva.id, token


class MailConfirmContract:
    """Nothing is confirmed without the mailed token; the consent says when it was."""

    def test_an_opt_in_is_pending_until_its_link_confirms_it(self, store: Store) -> None:
        owner, eva, token = opted_in(store, digest=True)
        [sub] = store.mail_subscriptions(owner)
        assert (sub.person_id, sub.digest, sub.confirmed_at) == (eva, True, None)
        assert sub.confirm_until is not None
        assert timedelta(days=6, hours=23) < sub.confirm_until - sub.consented_at <= timedelta(days=7)
        revision = store.revision(owner)
        assert store.mail_confirm(token) == ("en", "confirmed")
        assert store.revision(owner) > revision
        [confirmed] = store.mail_subscriptions(owner)
        assert confirmed.confirmed_at is not None and confirmed.confirmed_at >= confirmed.consented_at
        assert abs(confirmed.confirmed_at - datetime.now(UTC)) < timedelta(minutes=5)
        assert store.mail_confirm(token) == ("en", "already")
        assert store.mail_subscriptions(owner)[0].confirmed_at == confirmed.confirmed_at

    def test_the_digest_is_off_unless_chosen(self, store: Store) -> None:
        owner, _, _ = opted_in(store)
        assert store.mail_subscriptions(owner)[0].digest is False

    def test_an_unknown_or_malformed_confirmation_token_confirms_nothing(self, store: Store) -> None:
        owner, _, token = opted_in(store)
        for bad in (new_token(), "not a token", "", token[:-1]):
            assert store.mail_confirm(bad) is None
        assert store.mail_subscriptions(owner)[0].confirmed_at is None

    def test_a_confirmation_token_is_needed_and_stored_only_as_its_hash(self, store: Store,
                                                                        database_rows: Rows) -> None:
        owner, eva, token = opted_in(store)
        with pytest.raises((ValidationError, InvalidLink)):
            store.mail_subscribe(owner, eva, "eva@example.org", "da", ME, confirm_token="short")
        rows = database_rows("select confirm_hash from partnership_private.mail_subscriptions where person_id = %s",
                             (eva,))
        assert rows == [(hash_token(token),)]
        assert not any(token in str(value) for row in rows for value in row)

    def test_an_expired_link_confirms_nothing(self, store: Store, database_rows: Rows) -> None:
        owner, eva, token = opted_in(store)
        database_rows("update partnership_private.mail_subscriptions set confirm_until = now() - interval '1 second' "
                      "where person_id = %s returning id", (eva,))
        revision = store.revision(owner)
        assert store.mail_confirm(token) == ("en", "expired")
        assert store.mail_subscriptions(owner)[0].confirmed_at is None
        assert store.revision(owner) == revision

    def test_a_replaced_or_stopped_opt_in_cannot_be_confirmed(self, store: Store) -> None:
        owner, eva, first = opted_in(store)
        second = new_token()
        store.mail_subscribe(owner, eva, "eva@example.net", "da", ME, confirm_token=second)
        assert store.mail_confirm(first) == ("en", "ended")
        assert store.mail_confirm(second) == ("da", "confirmed")
        [sub] = store.mail_subscriptions(owner)
        assert (sub.email, sub.confirmed_at is not None) == ("eva@example.net", True)
        assert store.mail_stop(owner, eva, ME) is True
        assert store.mail_confirm(second) == ("da", "ended")
