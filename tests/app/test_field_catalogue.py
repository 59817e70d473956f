"""Every field of the catalogue (``steps.FIELDS``) is where a person can write it and where
the agreement needs it: a field added to Python and not to its page or to the agreement
fails here (the engine's side is tests/store/contract.py's round trip)."""

from __future__ import annotations

import pytest

from partnership import agreement
from partnership.i18n import t
from partnership.steps import FIELDS, FieldSpec
from partnership.store.postgres import PostgresStore
from tests.app.conftest import MakeApp, field_views, no_errors


@pytest.mark.parametrize("spec", FIELDS, ids=lambda f: f.key)
def test_every_field_has_its_editor_on_its_steps_page(app: MakeApp, store: PostgresStore, spec: FieldSpec) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    at = app(token=tokens["owner"], page=f"step{spec.step}")
    no_errors(at)
    editors = {k for k in (getattr(e, "key", None) for e in at.get("button")) if k}
    assert f"fe_{spec.key}_edit" in editors or t(f"field.{spec.key}.label", "da") in field_views(at), spec.key


@pytest.mark.parametrize("spec", [f for f in FIELDS if not f.internal],
                         ids=lambda f: f.key)
def test_every_joint_field_is_in_the_agreement(store: PostgresStore, spec: FieldSpec) -> None:
    owner, _ = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    text = f"Teksten i feltet {spec.key.replace('_', ' ')}"
    store.set_field(owner, spec.key, text, 0, "Anna")
    assert text in agreement.render_markdown(store.snapshot(owner), "da")
