"""The health-check statements, answer validation, comparison and rounds."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from partnership.errors import ValidationError
from partnership.health import (
    MAX_COMMENT,
    RATINGS,
    SCORES,
    STATEMENTS,
    Difference,
    compare,
    latest_by_side,
    rounds,
    statement_text,
    validate_answers,
)
from partnership.i18n import catalogues
from partnership.model import HealthCheck, Side

A, P = Side.ASSOCIATION, Side.PARTNER


def check(id: str, side: Side, at: datetime, **answers: str | tuple[str, str]) -> HealthCheck:
    normal = {k: v if isinstance(v, tuple) else (v, "") for k, v in answers.items()}
    return HealthCheck(id=id, side=side, name="Navn", at=at, answers=normal)


# -- catalogue ------------------------------------------------------------------------------


def test_statements_and_ratings() -> None:
    assert STATEMENTS == (
        "shared_goals",
        "tasks_as_agreed",
        "communication",
        "mutual_benefit",
        "equal_ownership",
        "resources_ok",
    )
    assert RATINGS == ("green", "amber", "red")
    assert SCORES == {"green": 2, "amber": 1, "red": 0}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_statement_and_rating_has_a_text(lang: str) -> None:
    messages = catalogues()[lang]
    for key in STATEMENTS:
        assert f"health.statement.{key}" in messages
        assert statement_text(key, lang) == messages[f"health.statement.{key}"]
    for rating in RATINGS:
        assert messages[f"health.rating_short.{rating}"]
    assert catalogues()["da"]["health.rating_short.amber"] == "Gul"


# -- validation -----------------------------------------------------------------------------


def test_valid_answers_are_normalised() -> None:
    answers = {
        "communication": ("Amber ", "  Vi ses for sjældent  "),
        "shared_goals": ["green", ""],
        "resources_ok": "red",
    }
    assert validate_answers(answers) == {
        "shared_goals": ("green", ""),
        "communication": ("amber", "Vi ses for sjældent"),
        "resources_ok": ("red", ""),
    }
    assert list(validate_answers(answers)) == ["shared_goals", "communication", "resources_ok"]


def test_unknown_statement_is_a_bad_choice() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_answers({"weather": ("green", "")})
    assert caught.value.code == "bad_choice"
    assert caught.value.params["what"] == "health.weather"


@pytest.mark.parametrize("rating", ["blue", "", None, 2, "grøn"])
def test_unknown_rating_is_a_bad_choice(rating: object) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_answers({"shared_goals": (rating, "")})
    assert caught.value.code == "bad_choice"


def test_malformed_answer_is_a_bad_choice() -> None:
    for value in [("green", "a", "b"), 3, {"rating": "green"}]:
        with pytest.raises(ValidationError) as caught:
            validate_answers({"shared_goals": value})
        assert caught.value.code == "bad_choice"
    with pytest.raises(ValidationError) as caught:
        validate_answers(["shared_goals"])
    assert caught.value.code == "bad_choice"


def test_comment_length() -> None:
    assert validate_answers({"shared_goals": ("green", "x" * MAX_COMMENT)})["shared_goals"][1] == "x" * 2000
    with pytest.raises(ValidationError) as caught:
        validate_answers({"shared_goals": ("green", "x" * (MAX_COMMENT + 1))})
    assert caught.value.code == "too_long"
    assert caught.value.params["limit"] == 2000
    assert caught.value.params["length"] == 2001


def test_comment_must_be_text() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_answers({"shared_goals": ("green", 42)})
    assert caught.value.code == "not_text"
    assert validate_answers({"shared_goals": ("green", None)}) == {"shared_goals": ("green", "")}


def test_no_answers_at_all_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_answers({})
    assert caught.value.code == "required"


# -- comparison ------------------------------------------------------------------------------


def test_compare_latest_checks_of_each_side() -> None:
    checks = [
        check("old-a", A, datetime(2026, 9, 1), shared_goals="red", communication="red"),
        check(
            "new-a",
            A,
            datetime(2026, 12, 3),
            shared_goals="green",
            communication=("red", "For få møder"),
            mutual_benefit="amber",
            resources_ok="green",
            tasks_as_agreed="green",
        ),
        check(
            "new-p",
            P,
            datetime(2026, 12, 4),
            shared_goals="green",
            communication=("green", "Fint"),
            mutual_benefit="red",
            resources_ok="amber",
        ),
    ]
    found = compare(checks)
    assert found == [
        Difference("communication", "red", "green", 2, "For få møder", "Fint"),
        Difference("mutual_benefit", "amber", "red", 1),
        Difference("resources_ok", "green", "amber", 1),
    ]
    # tasks_as_agreed: only one side answered -> not a difference


def test_compare_needs_both_sides() -> None:
    assert compare([]) == []
    assert compare([check("a", A, datetime(2026, 12, 3), shared_goals="red")]) == []


def test_compare_same_ratings_means_no_difference() -> None:
    checks = [
        check("a", A, datetime(2026, 12, 3), shared_goals="amber"),
        check("p", P, datetime(2026, 12, 3), shared_goals="amber"),
    ]
    assert compare(checks) == []


def test_latest_by_side() -> None:
    checks = [
        check("a2", A, datetime(2026, 12, 3)),
        check("a1", A, datetime(2026, 9, 3)),
        check("p1", P, datetime(2026, 9, 4)),
    ]
    assert {side: c.id for side, c in latest_by_side(checks).items()} == {A: "a2", P: "p1"}


# -- rounds ----------------------------------------------------------------------------------


def test_rounds_group_checks_by_date() -> None:
    checks = [
        check("p2", P, datetime(2027, 3, 10), shared_goals="green"),
        check("a1", A, datetime(2026, 12, 3), shared_goals="green"),
        check("p1", P, datetime(2026, 12, 12), shared_goals="red"),
        check("a2", A, datetime(2027, 3, 4), shared_goals="green"),
        check("a3", A, datetime(2027, 9, 1), shared_goals="amber"),
    ]
    found = rounds(checks)
    assert [r.number for r in found] == [1, 2, 3]
    assert [[c.id for c in r.checks] for r in found] == [["a1", "p1"], ["a2", "p2"], ["a3"]]
    assert (found[0].start, found[0].end) == (date(2026, 12, 3), date(2026, 12, 12))
    assert [r.complete for r in found] == [True, True, False]
    assert [d.statement for d in found[0].differences] == ["shared_goals"]
    assert found[1].differences == []
    assert found[0].label("da") == "Opfølgning 1 (3. dec. 2026)"
    assert found[2].by_side == {A: checks[4]}
    assert rounds([]) == []


def test_rounds_window_is_configurable() -> None:
    checks = [check("a", A, datetime(2026, 12, 1)), check("p", P, datetime(2026, 12, 5))]
    assert len(rounds(checks)) == 1
    assert len(rounds(checks, within_days=3)) == 2
