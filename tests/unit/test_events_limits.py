"""The event route's bounds, as a function: per client address and per process."""

from __future__ import annotations

from partnership.web.events import Limits


def test_a_client_gets_at_most_its_share_and_others_still_get_in() -> None:
    limits = Limits(per_client=2, total=5)
    assert [limits.take("10.0.0.1") for _ in range(3)] == [True, True, False]
    assert limits.take("10.0.0.2")
    limits.give_back("10.0.0.1")
    assert limits.take("10.0.0.1"), "a closed stream gives its place back"
    assert limits.open() == 3


def test_the_process_refuses_beyond_its_total_whoever_asks() -> None:
    limits = Limits(per_client=10, total=3)
    assert [limits.take(f"10.0.0.{n}") for n in range(5)] == [True, True, True, False, False]
    limits.give_back("10.0.0.0")
    assert limits.take("10.0.0.9")
    assert not limits.take("10.0.0.8")
