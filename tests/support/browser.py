"""Chromium through Playwright, and the waits a Streamlit page needs.

The browser is the Debian package at /usr/bin/chromium (``playwright install`` is never
used). Where it or Playwright is missing, browser tests are skipped - except in CI
(``CI=true``), where that is a failure: CI must never pass by skipping its browser tests.

Streamlit timing traps (TOOLCHAIN.md): ``goto`` returns before the app has drawn, a
keyed widget's container shows a skeleton before its ``<input>`` exists, and Markdown
renders into tags - so wait for the input itself or for the app to be idle, and match
on ``innerText``.
"""

from __future__ import annotations

import os
import re
import shutil
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
TIMEOUT_MS = 15_000

PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
                         "device_scale_factor": 3}
"""A phone's browser context (``chromium.new_context(**PHONE)``)."""
PROJECTOR: dict[str, Any] = {"viewport": {"width": 1920, "height": 1080}}
LAPTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 1000}}


def missing() -> str:
    """Why browser tests cannot run here ("" if they can)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        return f"Chromium is not installed at {CHROMIUM}"
    return ""


def require() -> None:
    """Skip (or, in CI, fail) when no browser can run."""
    import pytest

    reason = missing()
    if not reason:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


def launch(pw: Playwright) -> Browser:
    return pw.chromium.launch(executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
                              args=ARGS, headless=True)


def wait_idle(page: Page, timeout: float = TIMEOUT_MS) -> None:
    """Wait until the script has finished and no skeleton is left."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout)


def open_page(page: Page, url: str, ready: str | None = None, timeout: float = TIMEOUT_MS) -> None:
    """Go to ``url`` and wait until the app has drawn (and ``ready`` is visible, if given)."""
    page.goto(url, timeout=timeout)
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    if ready:
        page.wait_for_selector(ready, state="visible", timeout=timeout)
    wait_idle(page, timeout)


def text(page: Page) -> str:
    """What the reader sees (the main area and the sidebar)."""
    found: Any = page.evaluate("() => document.body.innerText")
    return str(found)


def wait_text(page: Page, needle: str, selector: str = "body", timeout: float = TIMEOUT_MS) -> None:
    """Wait until the element's innerText contains ``needle``."""
    page.wait_for_function(
        "([sel, needle]) => { const el = document.querySelector(sel); return !!el && el.innerText.includes(needle); }",
        arg=[selector, needle], timeout=timeout)


def edit_task(page: Page, key: str, task_id: str, timeout: float = TIMEOUT_MS, title: str | None = None) -> None:
    """Open a task's editor. A list of cards with a control each (ui/tasks.py, steps 4
    and 5): the card's popover, named by its status, then "Rediger" in it. A list drawn
    as one block (ui/task_block.py, the timeline; pass the task's ``title``): the task
    chosen in the block's one select, then its "Rediger"."""
    if title is None:
        page.locator(f".st-key-{key}_tm_{task_id} button").first.click()
    else:
        choose(page, f".st-key-{key}_pick", title)
    page.locator(f".st-key-re_{key}task_{task_id}_edit button").click(timeout=timeout)


def choose(page: Page, selector: str, starts: str, timeout: float = TIMEOUT_MS) -> None:
    """Choose the option whose text starts with ``starts`` in the select box ``selector``
    (a container of Streamlit's selectbox), as a person does: open its list, click the
    option."""
    open_list(page, page.locator(f"{selector} input"), timeout)
    page.get_by_role("option", name=re.compile("^" + re.escape(starts))).first.click(timeout=timeout)


def open_list(page: Page, field: Any, timeout: float = TIMEOUT_MS) -> None:
    """Open a dropdown by clicking its field (again, if a rerun of the page swallowed
    the click)."""
    for attempt in range(4):
        field.click(timeout=timeout)
        try:
            page.wait_for_selector('[role="listbox"]', state="attached", timeout=2000)
            return
        except Exception:
            if attempt == 3:
                raise
            page.keyboard.press("Escape")
