"""The rules for drafts kept in the browser (partnership/drafts.py): what the browser
reports is untrusted input, and its storage key never holds the token."""

from __future__ import annotations

from partnership.drafts import MAX_AGE_S, Draft, differs, parse, storage_id
from partnership.steps import MAX_TEXT
from partnership.store.base import hash_token

NOW = 1_800_000_000_000
SLOTS = {"fe_s4_vision", "re_cand_abc"}


def item(**changes: object) -> dict[str, object]:
    return {"at": NOW - 60_000, "base": 3, "values": {"text": "Min kladde"}, **changes}


def test_the_storage_id_hides_the_token_and_its_lookup_hash() -> None:
    token = "x" * 43
    sid = storage_id(token)
    assert token not in sid and sid not in hash_token(token)
    assert sid == storage_id(token) and sid != storage_id("y" * 43)


def test_a_well_formed_recent_draft_is_read() -> None:
    found = parse({"fe_s4_vision": item()}, SLOTS, NOW)
    assert found == {"fe_s4_vision": Draft("fe_s4_vision", NOW - 60_000, 3, {"text": "Min kladde"})}
    assert found["fe_s4_vision"].text == "Min kladde"


def test_record_values_of_plain_kinds_are_read() -> None:
    values = {"name": "Biblioteket", "fit": 4, "priority": None, "working_group": True}
    assert parse({"re_cand_abc": item(values=values)}, SLOTS, NOW)["re_cand_abc"].values == values


def test_anything_else_is_left_out() -> None:
    bad = [
        "not a dict", {"fe_other": item()},  # an editor the page does not show
        {"fe_s4_vision": item(at="soon")}, {"fe_s4_vision": item(at=True)}, {"fe_s4_vision": item(base=-1)},
        {"fe_s4_vision": item(at=NOW - MAX_AGE_S * 1000 - 600_000)},  # too old
        {"fe_s4_vision": item(at=NOW + 3_600_000)},  # from the future
        {"fe_s4_vision": item(values={"text": {"html": "<b>"}})},
        {"fe_s4_vision": item(values={"text": "x" * (MAX_TEXT + 1)})},
        {"fe_s4_vision": item(values={f"f{n}": "" for n in range(40)})},
        {"fe_s4_vision": item(values=["text"])},
    ]
    for raw in bad:
        assert parse(raw, SLOTS, NOW) == {}, raw


def test_a_draft_of_what_is_stored_is_not_worth_offering() -> None:
    draft = Draft("fe_s4_vision", NOW, 1, {"text": "Gemt \n"})
    assert not differs(draft, {"text": "Gemt"})
    assert differs(draft, {"text": "Andet"})
    assert not differs(Draft("re_x", NOW, 1, {"note": None}), {"note": ""})
