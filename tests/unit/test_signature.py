"""The signature block: who approved the agreement for each side and when, and the
fingerprint note with what it proves."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import UTC, datetime

from partnership.agreement import content_hash, render_markdown
from partnership.agreement_export import to_html
from partnership.exchange import content_json
from partnership.model import Approval, HistoryEntry, Role, Side
from partnership.render.agreement_docx import to_docx
from partnership.signature import approvals_from_history, signature_markdown, with_signatures
from tests.unit.test_agreement import full_snapshot

WINTER = datetime(2026, 11, 30, 13, 5, tzinfo=UTC)  # 14.05 in Copenhagen
SUMMER = datetime(2027, 6, 2, 7, 30, tzinfo=UTC)  # 09.30 in Copenhagen


def approvals(digest: str) -> list[Approval]:
    return [Approval("a", Side.ASSOCIATION, "Anna Holm", digest, WINTER),
            Approval("b", Side.PARTNER, "Sara Øster", digest, SUMMER)]


def test_both_approvals_name_person_organisation_and_danish_time() -> None:
    snap = full_snapshot()
    digest = content_hash(render_markdown(snap))
    block = signature_markdown(snap, digest, "da", approvals(digest))
    assert "- **Spejderne Nord:** Godkendt af Anna Holm, Spejderne Nord, 30. nov. 2026 kl. 14.05" in block
    assert "- **Naturskolen:** Godkendt af Sara Øster, Naturskolen, 2. jun. 2027 kl. 09.30" in block
    assert "**Underskrevet af begge parter den 2. jun. 2027 kl. 09.30.**" in block


def test_an_approval_of_another_text_does_not_count() -> None:
    snap = full_snapshot()
    digest = content_hash(render_markdown(snap))
    mixed = [approvals(digest)[0], replace(approvals(digest)[1], content_hash="0" * 64)]
    block = signature_markdown(snap, digest, "da", mixed)
    assert "Godkendt af Anna Holm" in block
    assert "Sara Øster" not in block and "Har endnu ikke godkendt denne tekst." in block
    assert "Underskrevet af begge parter" not in block


def test_english_block_and_user_text_is_escaped() -> None:
    snap = full_snapshot()
    digest = "ab" * 32
    sneaky = [replace(a, name="**Eve** <script>") for a in approvals(digest)]
    block = signature_markdown(snap, digest, "en", sneaky)
    assert "Approved by \\*\\*Eve\\*\\* &lt;script>, Spejderne Nord, 30 Nov 2026 at 14:05" in block
    assert "Signed by both parties on 2 Jun 2027 at 09:30." in block


def test_document_ends_with_signatures_and_the_fingerprint_in_every_export() -> None:
    snap = full_snapshot()
    text = render_markdown(snap)
    digest = content_hash(text)
    doc = with_signatures(text, snap, digest, "da", approvals(digest))
    assert doc.startswith(text.rstrip("\n"))
    assert doc.index("## Underskrifter") > doc.index("## Periode")
    assert doc.rstrip().endswith("begge parter har godkendt._")
    assert f"Aftalens fingeraftryk (SHA-256): {digest}." in doc
    page = to_html(doc, "Samarbejdsaftale", "da")
    assert "Underskrevet af begge parter den 2. jun. 2027 kl. 09.30." in page
    assert digest in page
    with zipfile.ZipFile(io.BytesIO(to_docx(doc))) as word:
        body = word.read("word/document.xml").decode("utf-8")
    assert "Godkendt af Anna Holm, Spejderne Nord, 30. nov. 2026 kl. 14.05" in body
    assert f"Aftalens fingeraftryk (SHA-256): {digest}." in body


def test_a_signed_version_gets_its_approvals_back_from_the_history() -> None:
    digest = "cd" * 32
    given = approvals(digest)
    entries = [HistoryEntry(i, "approval", a.id, "x", Role.OWNER, a.approved_at, "", content_json(a), 1)
               for i, a in enumerate(given)]
    entries.append(HistoryEntry(9, "field", "s4_vision", "x", Role.OWNER, WINTER, "", "{not json", 1))
    entries.append(HistoryEntry(10, "approval", "z", "x", Role.OWNER, WINTER, "", "{broken", 1))
    assert approvals_from_history(entries) == given


def test_one_slug_keeps_danish_and_accented_letters() -> None:
    from partnership.downloads import export_name
    from partnership.slug import slug

    assert slug("Lektiecafé på Nørrebro!") == "lektiecafé-på-nørrebro"
    assert slug("  Æblehaven / Åens venner__2027 ") == "æblehaven-åens-venner-2027"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("e\u0301") == "é"  # a decomposed accent is composed, not dropped
    assert slug("?!") == "" and len(slug("a-" * 100)) <= 60 and not slug("a-" * 100).endswith("-")
    assert export_name("Lektiecafé") == "partnerskab-lektiecafé.json"
