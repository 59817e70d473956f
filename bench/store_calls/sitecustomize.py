"""Counts the store calls of a process started with this folder on PYTHONPATH and
``PS_BENCH_CALLS=<file prefix>`` set (bench/bench_idle.py, bench/bench_live.py): every
public method of every Store class (``partnership.store.base.Store`` and its subclasses,
whichever the checkout has), counted once per outermost call, written to
``<prefix>.<pid>.json`` every 0.2 s. Without ``PS_BENCH_CALLS`` it does nothing.

A benchmark aid only; the app never imports it. It works on any checkout (the SQLite
store before issue 22, PostgreSQL after), so before and after are counted alike.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import threading
import time
from collections import Counter
from typing import Any

_PREFIX = os.environ.get("PS_BENCH_CALLS", "")
_counts: Counter[str] = Counter()
_lock = threading.Lock()
_depth = threading.local()
_patched: set[type] = set()


def _wrap(name: str, method: Any) -> Any:
    @functools.wraps(method)
    def counted(*args: Any, **kwargs: Any) -> Any:
        depth = getattr(_depth, "n", 0)
        if depth == 0:
            with _lock:
                _counts[name] += 1
        _depth.n = depth + 1
        try:
            return method(*args, **kwargs)
        finally:
            _depth.n = depth

    return counted


def _patch(cls: type) -> None:
    if cls in _patched:
        return
    _patched.add(cls)
    for attr, value in list(vars(cls).items()):
        if attr.startswith("_") or not callable(value) or isinstance(value, (staticmethod, classmethod, type)):
            continue
        setattr(cls, attr, _wrap(attr, value))


def _all_subclasses(cls: type) -> list[type]:
    found = [cls]
    for sub in cls.__subclasses__():
        found += _all_subclasses(sub)
    return found


def _watch() -> None:
    path = f"{_PREFIX}.{os.getpid()}.json"
    while True:
        base = sys.modules.get("partnership.store.base")
        store = getattr(base, "Store", None)
        if isinstance(store, type):
            for cls in _all_subclasses(store):
                _patch(cls)
        with _lock:
            data = dict(_counts)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(tmp, path)
        time.sleep(0.2)


if _PREFIX:
    threading.Thread(target=_watch, name="ps-bench-calls", daemon=True).start()
