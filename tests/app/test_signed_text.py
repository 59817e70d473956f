"""A change to the agreement's template (its words, its headings) leaves every signed text
unchanged (issue 22): the store keeps the text both sides approved, the project stays
signed, step 5 shows that text, and every file of the agreement is that text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from partnership import agreement, signature
from partnership.demo import create_demo
from partnership.i18n import catalogues
from partnership.render import files
from partnership.store.postgres import PostgresStore
from partnership.ui import step5
from tests.app.conftest import MakeApp, no_errors, texts
from tests.support import pdf

NEW_TITLE = {"da": "Partnerskabsaftale efter ny skabelon", "en": "Partnership agreement, new template"}


def test_a_change_to_the_agreement_template_leaves_every_signed_text_unchanged(
        app: MakeApp, store: PostgresStore, monkeypatch: pytest.MonkeyPatch) -> None:
    owner, tokens = create_demo(store)
    before = store.snapshot(owner)
    kept = [(v.id, v.content_hash, v.markdown) for v in before.signed_versions]
    signed = signature.signed_version(before)
    assert signed is not None and signed.markdown == agreement.render_markdown(before, "da")
    for lang, title in NEW_TITLE.items():  # the template changes: the document's title
        monkeypatch.setitem(catalogues()[lang], "agr.title", title)
    after = store.snapshot(owner)
    assert NEW_TITLE["da"] in agreement.render_markdown(after, "da")  # the current text did change

    # The store: the same signed texts, each still matching its fingerprint; still signed.
    assert [(v.id, v.content_hash, v.markdown) for v in after.signed_versions] == kept
    assert all(agreement.content_hash(v.markdown) == v.content_hash for v in after.signed_versions)
    assert after.project.signed_at == before.project.signed_at
    assert all(step5.is_valid(after, a) for a in after.approvals)

    # Every file of "the agreement" is the signed text, with both signatures.
    for fmt in ("md", "html", "pdf"):
        made = files.agreement_file(after, fmt, "da")
        text = made.data.decode("utf-8") if fmt != "pdf" else " ".join(pdf.text(made.data).split())
        text = text.partition("<body")[2] or text  # (the HTML head's <title> is the file's name, not the text)
        assert NEW_TITLE["da"] not in text and "Underskrevet af begge parter" in text, fmt
        assert after.project.signed_hash in text.replace(" ", "").replace("\n", ""), fmt

    # Step 5 reads as the signed text, signed by both, for both sides.
    for token, name in ((tokens["owner"], "Anna Holm"), (tokens["partner"], "Ole Berg")):
        at = app(token=token, name=name, page="step5")
        no_errors(at)
        shown = texts(at)
        assert "Underskrevet af begge parter" in shown and "Lektiecafé på biblioteket" in shown
        assert NEW_TITLE["da"] not in shown


def test_a_task_added_after_signing_leaves_the_signed_text_and_its_files_unchanged(
        store: PostgresStore) -> None:
    owner, _ = create_demo(store)
    signed = signature.signed_version(store.snapshot(owner))
    assert signed is not None
    store.add_task(owner, {"title": "Ny opgave fra referatet", "kind": "task", "side": "partner",
                           "due": date.today() + timedelta(days=30)}, "Anna Holm")
    after = store.snapshot(owner)
    assert "Ny opgave fra referatet" in agreement.render_markdown(after, "da")  # the current text has it
    assert signature.signed_version(after) == signed
    made = files.agreement_file(after, "md", "da").data.decode("utf-8")
    assert "Ny opgave fra referatet" not in made and "Underskrevet af begge parter" in made
