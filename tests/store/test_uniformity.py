"""Every backend implements every public method of the Store contract."""

from __future__ import annotations

import importlib
import inspect

import pytest

from partnership.store.base import Store

PUBLIC = sorted(n for n, m in inspect.getmembers(Store, inspect.isfunction) if not n.startswith("_"))


@pytest.mark.parametrize(("module", "cls"), [("partnership.store.postgres", "PostgresStore"),
                                             ("partnership.store.supabase", "SupabaseStore")])
def test_backend_implements_the_whole_contract(module: str, cls: str) -> None:
    backend = getattr(importlib.import_module(module), cls)
    assert not getattr(backend, "__abstractmethods__", None)
    for name in PUBLIC:
        mine = inspect.signature(getattr(backend, name))
        theirs = inspect.signature(getattr(Store, name))
        assert list(mine.parameters) == list(theirs.parameters), name
