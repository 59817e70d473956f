"""Private means private to the device (issue 26): during step 2's reflection round a
suggestion belongs to the browser that made it - a random secret the browser keeps, stored
only as its SHA-256 - not to the name it was made under. The member link is shared by the
association's people, so a typed name proves nothing.

Each transport's module subclasses ``PrivateDeviceContract`` beside ``StoreContract``; the
rules are the SQL functions' own (``20261206000800_private_device.sql``).
"""

from __future__ import annotations

import hashlib

import pytest

from partnership.errors import ValidationError
from partnership.store.base import Store, new_token
from tests.store.contract import Rows
from tests.store.contract_room import names, project

NAME = "Mads"  # two people at the member link, both typing this name


class PrivateDeviceContract:
    """A second device with the same name neither sees nor can claim the first one's suggestions."""

    def test_a_second_device_with_the_same_name_neither_sees_nor_claims_the_first_ones(
        self, store: Store, database_rows: Rows
    ) -> None:
        owner, member, _ = project(store)
        first, second = new_token(), new_token()
        store.timer(owner, "start", 0, "Anna")
        made = store.add_candidate(member, "Skolen", NAME, first)

        seen = store.private_round(member, second)  # the same name on another phone
        assert seen.open and seen.mine == [] and seen.hidden == 1
        assert store.private_round(member, "").mine == []  # no device: nothing is its own
        with pytest.raises(ValidationError) as caught:  # nor can it claim the suggestion as its own
            store.add_candidate(member, "skolen", NAME, second)
        assert caught.value.code == "duplicate_private" and "Mads" not in str(caught.value.params)
        with pytest.raises(ValidationError) as caught:  # without a device no better
            store.add_candidate(member, "Skolen", NAME)
        assert caught.value.code == "duplicate_private"

        store.add_candidate(member, "Hallen", NAME, second)  # the second phone's own
        mine = store.private_round(member, first)
        assert [(c.id, c.name, c.updated_by) for c in mine.mine] == [(made.id, "Skolen", NAME)]  # the author shown
        assert mine.hidden == 1
        assert [c.name for c in store.private_round(member, second).mine] == ["Hallen"]
        assert names(store, owner) == []

        # Only the secret's SHA-256 is stored; the secret itself is nowhere.
        stored = database_rows("select suggested_device from partnership_private.candidates where id = %s",
                               (made.id,))
        assert stored == [(hashlib.sha256(first.encode()).hexdigest(),)]
        every = database_rows("select c::text from partnership_private.candidates c")
        assert not any(first in row[0] or second in row[0] for row in every)

        store.timer(member, "finish", 1, NAME)  # the round ends: shared in the order named
        assert names(store, owner) == ["Skolen", "Hallen"]
        assert store.private_round(member, first).mine == []

    def test_a_malformed_device_secret_is_refused(self, store: Store) -> None:
        owner, member, _ = project(store)
        store.timer(owner, "start", 0, "Anna")
        for bad in ("Mads", "x" * 44, "a" * 42 + "!"):
            with pytest.raises(ValidationError) as caught:
                store.add_candidate(member, "Skolen", NAME, bad)
            assert caught.value.code == "invalid" and caught.value.params.get("what") == "device"
            with pytest.raises(ValidationError):
                store.private_round(member, bad)
        assert store.private_round(member, "").hidden == 0  # nothing was added
