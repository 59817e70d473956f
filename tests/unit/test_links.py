"""Link addresses and sealed link tokens: pure functions."""

from __future__ import annotations

import pytest

from partnership.store import seal
from partnership.store.base import hash_token, new_token
from partnership.ui.shell import app_root


@pytest.mark.parametrize(("served", "root"), [
    ("http://127.0.0.1:40123/", "http://127.0.0.1:40123"),
    ("http://127.0.0.1:40123/overview", "http://127.0.0.1:40123"),
    ("https://example.org/partnerskab/step4", "https://example.org/partnerskab"),
    ("https://example.org/partnerskab", "https://example.org/partnerskab"),
    ("https://x.streamlit.app/settings/", "https://x.streamlit.app"),
])
def test_the_app_root_is_the_served_address_without_the_page(served: str, root: str) -> None:
    assert app_root(served) == root


def test_a_sealed_token_opens_only_under_its_owner_key_project_and_role() -> None:
    owner, partner = new_token(), new_token()
    sealed = seal.seal(owner, "p1", "partner", partner)
    assert partner not in sealed
    assert seal.unseal(owner, "p1", "partner", hash_token(partner), sealed) == partner
    assert seal.unseal(new_token(), "p1", "partner", hash_token(partner), sealed) is None
    assert seal.unseal(owner, "p2", "partner", hash_token(partner), sealed) is None
    assert seal.unseal(owner, "p1", "viewer", hash_token(partner), sealed) is None
    assert seal.unseal(owner, "p1", "partner", hash_token(new_token()), sealed) is None


@pytest.mark.parametrize("sealed", [None, "", "v1.", "v1.!!!", "v2.abc", "v1." + "A" * 80])
def test_a_missing_or_damaged_seal_opens_nothing(sealed: str | None) -> None:
    assert seal.unseal(new_token(), "p1", "partner", hash_token(new_token()), sealed) is None
