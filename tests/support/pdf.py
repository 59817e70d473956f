"""Reading a PDF back as text with poppler's ``pdftotext`` (Debian: poppler-utils, brought
by scripts/test-deps.sh). Without it the PDF tests are skipped - except in CI (``CI=true``),
where that is a failure."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest


def require() -> None:
    """Skip (fail in CI) when pdftotext is missing."""
    if shutil.which("pdftotext") and shutil.which("pdfinfo"):
        return
    message = "pdftotext/pdfinfo are missing (apt-get install poppler-utils; scripts/test-deps.sh)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def text(data: bytes) -> str:
    """The PDF's text in reading order (pdftotext fails loudly on a broken file)."""
    require()
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, timeout=60,
                         check=True)
    return run.stdout.decode("utf-8")


def info(data: bytes) -> dict[str, str]:
    """``pdfinfo``'s fields (Title, Pages, ...)."""
    require()
    run = subprocess.run(["pdfinfo", "-enc", "UTF-8", "-"], input=data, capture_output=True, timeout=60, check=True)
    fields = {}
    for line in run.stdout.decode("utf-8").splitlines():
        name, _, value = line.partition(":")
        fields[name.strip()] = value.strip()
    return fields
