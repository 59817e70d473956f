"""One slug for every file name the app offers: letters stay letters ("é", "æ", "ø",
"å" included, so "Lektiecafé på Nørrebro" becomes "lektiecafé-på-nørrebro"), anything
else becomes a single hyphen. Streamlit sends non-ASCII names in the RFC 5987
``filename*`` form, which browsers save as written."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")
MAX_SLUG = 60


def slug(text: str) -> str:
    """A file-name-safe slug of ``text``: lower case letters and digits of any script,
    joined by single hyphens, at most 60 characters, never ending in a hyphen."""
    text = unicodedata.normalize("NFC", text.casefold())
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "M")  # stray combining marks
    return _NOT_WORD.sub("-", text).strip("-")[:MAX_SLUG].rstrip("-")
