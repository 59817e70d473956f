"""Both languages have every message, and every key the code asks for exists."""

from __future__ import annotations

import ast
import re
import string
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from partnership.i18n import catalogues, fmt_date, t
from partnership.steps import FIELDS, STEPS

ROOT = Path(__file__).resolve().parents[2]


def test_danish_and_english_have_the_same_keys() -> None:
    da, en = catalogues()["da"], catalogues()["en"]
    assert set(da) - set(en) == set(), "missing in English"
    assert set(en) - set(da) == set(), "missing in Danish"


def _defined_keys() -> dict[str, list[str]]:
    """Per catalogue module, the Danish keys as written in its source, repeats included
    (a dict literal silently keeps the last of two equal keys, so the source is read)."""
    out: dict[str, list[str]] = {}
    for path in sorted((ROOT / "partnership" / "i18n").glob("catalog_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "DA":
                assert isinstance(node.value, ast.Dict), path.name
                out[path.stem] = [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
    return out


def test_no_key_is_defined_twice() -> None:
    defined = _defined_keys()
    assert defined, "no catalogue found"
    counts = Counter(key for keys in defined.values() for key in keys)
    assert sorted(k for k, n in counts.items() if n > 1) == []
    assert sum(counts.values()) == len(catalogues()["da"])  # every module's DA dict was read


def test_each_key_prefix_lives_in_one_catalogue() -> None:
    homes: dict[str, set[str]] = defaultdict(set)
    for module, keys in _defined_keys().items():
        for key in keys:
            homes[key.split(".")[0]].add(module)
    assert {prefix: sorted(m) for prefix, m in homes.items() if len(m) > 1} == {}


def test_no_message_is_empty_except_where_meant() -> None:
    for lang, messages in catalogues().items():
        empty = sorted(k for k, v in messages.items() if not v.strip() and not k.endswith(".example"))
        assert empty == [], lang


def test_both_languages_use_the_same_placeholders() -> None:
    da, en = catalogues()["da"], catalogues()["en"]
    fmt = string.Formatter()
    for key in da:
        names_da = {f for _, f, _, _ in fmt.parse(da[key]) if f}
        names_en = {f for _, f, _, _ in fmt.parse(en[key]) if f}
        assert names_da == names_en, key


def test_every_step_and_field_has_its_texts() -> None:
    da = catalogues()["da"]
    for step in STEPS:
        assert f"step.{step.number}.title" in da and f"step.{step.number}.lead" in da
    for spec in FIELDS:
        for part in ("label", "help", "example"):
            assert f"field.{spec.key}.{part}" in da


_LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")


@pytest.mark.parametrize("path", sorted(p.relative_to(ROOT).as_posix() for p in
                                        [*ROOT.glob("partnership/**/*.py"), *ROOT.glob("app_pages/*.py")]))
def test_every_literal_key_in_the_code_exists(path: str) -> None:
    source = (ROOT / path).read_text(encoding="utf-8")
    da = catalogues()["da"]
    missing = sorted({k for k in _LITERAL_KEY.findall(source) if k not in da})
    assert missing == [], f"{path}: {missing}"


def test_dates_are_in_danish_format_by_default() -> None:
    assert fmt_date(date(2026, 11, 26)) == "26. nov. 2026"
    assert fmt_date(date(2026, 5, 3), "da", "long") == "3. maj 2026"
    assert fmt_date(date(2026, 11, 26), "en") == "26 Nov 2026"


def test_a_missing_key_shows_the_key_not_an_exception() -> None:
    assert t("no.such.key") == "no.such.key"
    assert t("err.too_long", "da", what="X") == catalogues()["da"]["err.too_long"]  # a missing param
