"""The signature block under the agreement: who approved it for each side, when, and
whether both sides have signed; and the fingerprint note in small print. Pure functions.

The block is not part of the signed text (the content hash covers the agreement above
it), so it can name the approvals that point at that very hash. For an old signed
version whose approvals were cleared by a reopen, the approvals come back from the
history (``approvals_from_history``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from partnership import usertext
from partnership.errors import PartnershipError
from partnership.i18n import TIMEZONE, fmt_date, t
from partnership.model import AgreementVersion, Approval, HistoryEntry, Side, Snapshot

__all__ = ["approvals_from_history", "fingerprint_note", "signature_markdown", "signed_version", "signed_when",
           "with_signatures"]


def signed_version(snap: Snapshot) -> AgreementVersion | None:
    """While the agreement is signed, the very text both sides approved (as it was stored
    at signing), else None. It is *the* agreement: neither a later task nor a change to
    the agreement's template changes it."""
    if snap.project.signed_at is None:
        return None
    return next((v for v in snap.signed_versions if v.content_hash == snap.project.signed_hash), None)


def signed_when(at: datetime, lang: str) -> str:
    """"30. nov. 2026 kl. 14.05" (Danish time, whatever the reader's language)."""
    local = at.astimezone(TIMEZONE)
    return t("sig.when", lang, date=fmt_date(local.date(), lang), time=local.strftime("%H.%M" if lang == "da"
                                                                                         else "%H:%M"))


def _org(snap: Snapshot, side: Side, lang: str) -> str:
    name = snap.project.our_org if side is Side.ASSOCIATION else snap.project.partner_org
    return usertext.plain(name, t(f"agr.side.{side.value}", lang))


def _latest_per_side(approvals: Iterable[Approval], content_hash: str) -> dict[Side, Approval]:
    latest: dict[Side, Approval] = {}
    for a in sorted(approvals, key=lambda a: a.approved_at):
        if a.content_hash == content_hash:
            latest[a.side] = a
    return latest


def signature_markdown(snap: Snapshot, content_hash: str, lang: str,
                       approvals: Iterable[Approval] | None = None) -> str:
    """The signature block as Markdown, for the agreement text whose hash is ``content_hash``.

    One line per side: "Godkendt af Anna Holm, Boldklubben Øst, 30. nov. 2026 kl. 14.05"
    (or that the side has not approved this text yet); when both have, the line
    "Underskrevet af begge parter den …" (the later approval's time)."""
    latest = _latest_per_side(snap.approvals if approvals is None else approvals, content_hash)
    lines = [f"## {t('sig.h', lang)}", ""]
    for side in Side:
        org = _org(snap, side, lang)
        a = latest.get(side)
        if a is None:
            lines.append(f"- **{org}:** {t('sig.pending', lang)}")
        else:
            lines.append(f"- **{org}:** " + t("sig.approved", lang, name=usertext.plain(a.name, "—"), org=org,
                                              when=signed_when(a.approved_at, lang)))
    if len(latest) == len(Side):
        last = max(a.approved_at for a in latest.values())
        lines += ["", f"**{t('sig.both', lang, when=signed_when(last, lang))}**"]
    return "\n".join(lines) + "\n"


def fingerprint_note(content_hash: str, lang: str) -> str:
    """The fingerprint with one plain sentence about what it proves."""
    return t("sig.fingerprint", lang, hash=content_hash)


def with_signatures(agreement_md: str, snap: Snapshot, content_hash: str, lang: str,
                    approvals: Iterable[Approval] | None = None) -> str:
    """The agreement as a finished document: its text, the signature block and, last,
    the fingerprint note in italics (the HTML export prints it in small type instead)."""
    return (agreement_md.rstrip("\n") + "\n\n" + signature_markdown(snap, content_hash, lang, approvals)
            + "\n_" + fingerprint_note(content_hash, lang) + "_\n")


def approvals_from_history(entries: Iterable[HistoryEntry]) -> list[Approval]:
    """Every approval ever given here, read back from the history (a reopen clears the
    live approvals, but a signed version should still say who signed it). ``entries`` are
    newest first; an approval from before an "import" entry came from a file, which
    proves nothing, so reading stops there."""
    from partnership import exchange

    found: list[Approval] = []
    for e in entries:
        if e.entity == "import":
            break
        if e.entity != "approval" or not e.new:
            continue
        try:
            data = json.loads(e.new)
            found.append(exchange.record(Approval, {"id": e.target, **data}))
        except (ValueError, TypeError, KeyError, PartnershipError):
            continue
    return found
