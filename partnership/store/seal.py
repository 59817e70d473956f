"""Keeping the partner's and the viewer's link so that the owner can see them again.

The database stores every token only as its SHA-256 (lookups are by hash). To show a
partner or viewer link again, its token is also kept *sealed*: AES-GCM under a key
derived (HKDF-SHA256) from the owner's token, which the database never holds. So a copy
of the database alone yields no working link; the owner's link opens the others.

The project id, the role and the sealed token's own hash are the associated data: a
sealed value moved to another row or project does not open. Rotating the owner's link
re-seals the others under the new owner key (both stores do that in one transaction).
"""

from __future__ import annotations

import base64
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from partnership.store.base import hash_token

PREFIX = "v1."
_NONCE = 12


def _key(owner_token: str, project_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"partnerskab link seal v1|{project_id}".encode()).derive(owner_token.encode("ascii"))


def _aad(project_id: str, role: str, token_hash: str) -> bytes:
    return f"{project_id}|{role}|{token_hash}".encode()


def seal(owner_token: str, project_id: str, role: str, token: str) -> str:
    """``token`` (a partner or viewer link's) sealed under the owner's key."""
    nonce = secrets.token_bytes(_NONCE)
    box = AESGCM(_key(owner_token, project_id)).encrypt(
        nonce, token.encode("ascii"), _aad(project_id, role, hash_token(token)))
    return PREFIX + base64.urlsafe_b64encode(nonce + box).decode("ascii")


def unseal(owner_token: str, project_id: str, role: str, token_hash: str, sealed: str | None) -> str | None:
    """The token sealed in ``sealed``, or None when there is none or it does not open
    under this owner key (a link made before sealing, or sealed under another key)."""
    if not sealed or not sealed.startswith(PREFIX):
        return None
    try:
        raw = base64.urlsafe_b64decode(sealed[len(PREFIX):].encode("ascii"))
        plain = AESGCM(_key(owner_token, project_id)).decrypt(
            raw[:_NONCE], raw[_NONCE:], _aad(project_id, role, token_hash))
        token = plain.decode("ascii")
    except (InvalidTag, ValueError, UnicodeError):
        return None
    return token if hash_token(token) == token_hash else None
