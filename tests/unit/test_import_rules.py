"""An import file is untrusted: unreadable, too deep or crafted files get a clear message."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from partnership import exchange, import_rules
from partnership.errors import ValidationError
from partnership.i18n import t
from partnership.ui.messages import describe


def test_nesting_too_deep_for_the_parser_is_a_clear_message() -> None:
    with pytest.raises(ValidationError) as caught:
        import_rules.parse_json(b"[" * 200_000 + b"]" * 200_000)
    assert describe(caught.value, "da") == t("err.too_deep", "da")


@pytest.mark.parametrize("raw", [b"\xff\xfe", b"{", "not json"])
def test_unreadable_files_are_refused(raw: bytes | str) -> None:
    with pytest.raises(ValidationError) as caught:
        import_rules.parse_json(raw)
    assert caught.value.code == "bad_import"


def _doc(**project: object) -> dict[str, object]:
    base = {"title": "Titel", "our_org": "Forening", "partner_org": "", "website": "", "created_by": "Anna",
            "created_at": "2026-11-30T10:00:00+00:00", "version": 1, "signed_at": None, "signed_hash": ""}
    return {"format": exchange.FORMAT, "project": {**base, **project}}


def test_a_lone_surrogate_is_refused_not_a_crash() -> None:
    data = json.loads('{"format": "partnerskab/1", "project": {"title": "\\ud800"}}')
    with pytest.raises(ValidationError):
        exchange.from_dict({**_doc(), "project": {**_doc()["project"], **data["project"]}})  # type: ignore[dict-item]
    with pytest.raises(ValidationError):
        exchange.from_dict({**_doc(), "fields": {"\ud800": {"value": ""}}})


def test_the_message_names_the_first_problem_and_where() -> None:
    with pytest.raises(ValidationError) as caught:
        exchange.from_dict(_doc(title="x" * 201))
    message = describe(caught.value, "en")
    assert message.startswith("The file cannot be imported. First problem – project: ")
    assert "201 characters, at most 200" in message


def test_a_crafted_key_in_the_message_renders_as_text() -> None:
    key = "[Log ind igen](http://host/phish) ![i](http://host/x.png)"
    with pytest.raises(ValidationError) as caught:
        exchange.from_dict({**_doc(), "fields": {key: {"value": ""}}})
    html = MarkdownIt("commonmark").render(describe(caught.value, "da"))
    assert "<a " not in html and "<img" not in html
    assert "[Log ind igen](http://host/phish)" in html


def test_approvals_and_the_signed_state_are_dropped() -> None:
    parsed = exchange.from_dict({**_doc(signed_at="2026-11-01T10:00:00+00:00", signed_hash="a" * 64),
                                 "approvals": [{"id": "x", "side": "partner", "name": "Ole", "content_hash": "a",
                                                "approved_at": "2026-11-01T10:00:00+00:00"}]})
    assert parsed.snapshot.project.signed_at is None and parsed.snapshot.approvals == []
