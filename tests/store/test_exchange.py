"""JSON export -> import -> export is identical but for the import entry, for any content (hypothesis)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnership.steps import FIELDS
from partnership.store.postgres import PostgresStore
from tests.support.engine import engine_for


@pytest.fixture(scope="module")
def store(request: pytest.FixtureRequest) -> Iterator[PostgresStore]:
    """One database for every example (each makes projects of its own)."""
    s = PostgresStore(engine_for(request.config).fresh_database())
    yield s
    s.close()


text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200)
name = text.filter(lambda s: s.strip() != "").map(lambda s: s[:200])
field_values = st.dictionaries(st.sampled_from([f.key for f in FIELDS]), text, max_size=6)
people = st.lists(st.tuples(name, st.sampled_from(["association", "partner"]), st.booleans()), max_size=4)
tasks = st.lists(
    st.tuples(name, st.sampled_from(["activity", "task", "follow_up", "milestone"]),
              st.dates(date(2026, 1, 1), date(2028, 12, 31)), st.integers(0, 90), st.booleans()),
    max_size=5,
)
candidates = st.lists(name, max_size=5, unique_by=lambda s: s.strip().casefold())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field_values, people, tasks, candidates)
def test_export_import_export_is_identical(store: PostgresStore, fields: dict[str, str],
                                           folks: list[tuple[str, str, bool]],
                                           work: list[tuple[str, str, date, int, bool]], cands: list[str]) -> None:
    owner, _ = store.create_project("Titel", "Forening", "Anna")
    for key, value in fields.items():
        store.set_field(owner, key, value, 0, "Anna")
    ids = [store.add_person(owner, {"name": n, "side": s, "working_group": w}, "Anna").id for n, s, w in folks]
    ids = ids or [store.add_person(owner, {"name": "Eva", "side": "association"}, "Anna").id]  # follow-ups need one
    for i, (title, kind, start, days, internal) in enumerate(work):
        store.add_task(owner, {"title": title, "kind": kind, "start": start, "internal": internal,
                               "due": date.fromordinal(start.toordinal() + days),
                               "responsible": ids[i % len(ids)] if ids else ""}, "Anna")
    for cand in cands:
        store.add_candidate(owner, cand, "Anna")
    first = json.loads(json.dumps(store.export_project(owner)))
    copy, _ = store.import_project(first, "Bo")
    again = json.loads(json.dumps(store.export_project(copy)))
    marker = again["history"].pop()  # the import closes the file's history (read only from then on)
    assert (marker["entity"], marker["actor"]) == ("import", "Bo")
    assert again == first
