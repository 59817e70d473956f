"""Real browser: the start page imports a JSON export as a new project (AppTest cannot
upload files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partnership.model import Role
from tests.e2e.conftest import OpenAs
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e


def test_an_export_imports_as_a_new_project_with_a_new_owner_link(
    open_as: OpenAs, server: StreamlitServer, tmp_path: Path
) -> None:
    store = server.store
    owner, _ = store.create_project("Eksporteret projekt", "Foreningen Ø", "Anna")
    store.set_field(owner, "s4_vision", "Vision der skal med", 0, "Anna")
    export = tmp_path / "export.json"
    export.write_text(json.dumps(store.export_project(owner), ensure_ascii=False), encoding="utf-8")
    garbage = tmp_path / "garbage.json"
    garbage.write_text('{"format": "noget andet"}', encoding="utf-8")

    page = open_as(None, "", ready="[data-testid='stTab']")
    page.get_by_role("tab", name="Indlæs en gemt fil").click()
    page.locator(".st-key-start_import_file input[type=file]").set_input_files(str(garbage))
    page.locator(".st-key-start_import_name input").fill("Bo")
    page.get_by_role("button", name="Hent ind").click()
    browser.wait_text(page, "ikke en gyldig eksport")

    page.locator(".st-key-start_import_file input[type=file]").set_input_files(str(export))
    page.get_by_role("button", name="Hent ind").click()
    browser.wait_text(page, "Linket er nøglen")
    link = page.locator(".st-key-link_owner [data-testid='stText']").inner_text().strip()
    access = store.open(link.split("?k=")[1])
    assert access.role is Role.OWNER and access.project_id != owner.project_id
    assert store.snapshot(access).field("s4_vision").value == "Vision der skal med"
