"""Downloads from any replica: the file route ``/ps/file`` of a real Streamlit server.

Each file for each role over real HTTP (what a role may not have is refused like a bad
token), the PDF read back with pdftotext, a click on step 5's link in Chromium, and the
very link a page drew on one server answered by a second server process on the same
store that never drew a page (as behind a round-robin balancer)."""

from __future__ import annotations

import csv
import io
import json
import re
import secrets
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import httpx
import icalendar
import pytest

from partnership.demo import create_demo
from partnership.model import Access, Role, Snapshot
from tests.support import browser, pdf
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

WHATS = ("agreement.md", "agreement.html", "agreement.docx", "agreement.pdf", "tasks.csv", "calendar.ics",
         "export.json", "link.txt")
TYPES = {"agreement.md": "text/markdown", "agreement.html": "text/html",
         "agreement.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "agreement.pdf": "application/pdf", "tasks.csv": "text/csv", "calendar.ics": "text/calendar",
         "export.json": "application/json", "link.txt": "text/plain"}
OWNER_ONLY = {"export.json", "link.txt"}


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[StreamlitServer, StreamlitServer]]:
    """Two app processes on one store, as two replicas behind a balancer."""
    browser.require()
    pdf.require()
    first_dir = Path(tmp_path_factory.mktemp("files_a"))
    with StreamlitServer(first_dir) as first, \
            StreamlitServer(Path(tmp_path_factory.mktemp("files_b")), database=first.database) as second:
        yield first, second


@pytest.fixture(scope="module")
def demo(servers: tuple[StreamlitServer, StreamlitServer]) -> tuple[Access, dict[str, str]]:
    """The example project (signed by both sides), made through the store."""
    owner, tokens = create_demo(servers[0].store)
    return owner, tokens


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=httpx.Timeout(30.0)) as client:
        yield client


def url(server: StreamlitServer, token: str, what: str, **extra: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"k": token, "what": what, **extra}.items())
    return f"{server.url}/ps/file?{query}"


def saved_name(answer: httpx.Response) -> str:
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith("attachment; filename=\"")
    found = re.search(r"filename\*=UTF-8''([^;]+)", disposition)
    assert found is not None
    return unquote(found.group(1))


def read(what: str, data: bytes) -> str:
    """The file's text as a reader sees it."""
    if what == "agreement.pdf":
        return " ".join(pdf.text(data).split())
    if what == "agreement.docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return re.sub(r"<[^>]+>", "", archive.read("word/document.xml").decode("utf-8"))
    if what == "calendar.ics":
        return " ".join(str(e["summary"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT"))
    return data.decode("utf-8-sig")


def internal_texts(snap: Snapshot) -> list[str]:
    """Pieces of what only the owner may read: internal step texts, candidates, internal tasks."""
    found = [v.value[:40] for k, v in snap.fields.items() if k.startswith(("s1_", "s2_", "s3_")) and k != "s1_idea"
             and v.value.strip()]
    found += [c.name for c in snap.candidates if c.name != snap.project.partner_org]  # the chosen one is the partner
    found += [x.title for x in snap.tasks if x.internal]
    assert len(found) >= 3
    return found


@pytest.mark.parametrize("role", [Role.OWNER, Role.PARTNER, Role.VIEWER])
def test_each_file_for_each_role(servers: tuple[StreamlitServer, StreamlitServer], demo: tuple[Access, dict[str, str]],
                                 http: httpx.Client, role: Role) -> None:
    server = servers[0]
    owner, tokens = demo
    snap = server.store.snapshot(owner)
    secret = internal_texts(snap)
    token = tokens[role.value]
    for what in WHATS:
        answer = http.get(url(server, token, what))
        if what in OWNER_ONLY and role is not Role.OWNER:
            assert answer.status_code == 404 and answer.content == b"", what
            continue
        assert answer.status_code == 200, what
        assert answer.headers["content-type"].startswith(TYPES[what]), what
        assert answer.headers["cache-control"] == "no-store"
        name = saved_name(answer)
        assert name.endswith("." + what.rsplit(".", 1)[1]) and "/" not in name
        text = read(what, answer.content)
        if what.startswith("agreement."):
            assert "Underskrifter" in text and "Lektiecafé på biblioteket" in text, what
            assert snap.project.signed_hash in re.sub(r"\s+", "", text), what
            assert name == f"samarbejdsaftale-lektiecafé-på-biblioteket.{what.split('.')[1]}"
        if what == "export.json":
            assert json.loads(text)["candidates"]  # the owner's export holds the internal steps
            continue
        if what == "link.txt":
            assert f"{server.url}/?k={token}" in text
            continue
        leaked = [s for s in secret if s in text]
        assert leaked == [], (what, leaked)
    csv_answer = http.get(url(server, token, "tasks.csv", l="en"))
    rows = list(csv.reader(io.StringIO(csv_answer.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Title" and len(rows) > 3  # English: a comma-separated sheet


def test_the_pdf_reads_back_in_danish_and_english(servers: tuple[StreamlitServer, StreamlitServer],
                                                  demo: tuple[Access, dict[str, str]], http: httpx.Client) -> None:
    _, tokens = demo
    danish = http.get(url(servers[0], tokens["partner"], "agreement.pdf"))
    text = read("agreement.pdf", danish.content)
    assert "Samarbejdsaftale" in text and "Godkendt af" in text and "Aftalens fingeraftryk (SHA-256)" in text
    assert re.search("[æøå]", text) and "–" in text
    assert pdf.info(danish.content)["Title"] == "Samarbejdsaftale – Lektiecafé på biblioteket"
    english = http.get(url(servers[0], tokens["partner"], "agreement.pdf", l="en"))
    assert saved_name(english) == "cooperation-agreement-lektiecafé-på-biblioteket.pdf"
    # Signed, the agreement is the very text both sides approved (Danish here), as step 5 shows
    # it in either language; the signature block around it speaks the reader's language.
    in_english = read("agreement.pdf", english.content)
    assert "Samarbejdsaftale" in in_english and "Signed by both parties" in in_english


def test_a_signed_version_and_one_persons_calendar(servers: tuple[StreamlitServer, StreamlitServer],
                                                   demo: tuple[Access, dict[str, str]], http: httpx.Client) -> None:
    server = servers[0]
    owner, tokens = demo
    snap = server.store.snapshot(owner)
    [version] = snap.signed_versions
    answer = http.get(url(server, tokens["viewer"], "agreement.pdf", v=version.id))
    assert answer.status_code == 200
    assert saved_name(answer).endswith(f"-{version.signed_at:%Y-%m-%d}.pdf")
    text = read("agreement.pdf", answer.content)
    assert version.content_hash in re.sub(r"\s+", "", text) and "Underskrevet af begge parter" in text
    person = next(p for p in snap.people if p.name == "Sara Nielsen")
    mine = http.get(url(server, tokens["partner"], "calendar.ics", p=person.id))
    assert mine.status_code == 200 and saved_name(mine) == "lektiecafé-på-biblioteket-sara-nielsen.ics"
    events = icalendar.Calendar.from_ical(mine.content).walk("VEVENT")
    expected = {x.title for x in snap.tasks if x.responsible == person.id and not x.internal and (x.start or x.due)}
    found = {str(e["summary"]) for e in events}
    assert expected and expected <= found, "her tasks"
    meetings = server.store.meetings(owner)
    assert any(person.id in m.participants for m in meetings.meetings), "the example's meetings include her"
    meeting = f"Opfølgningsmøde – {snap.project.title}"  # the rest: the follow-up meetings, one cancelled
    assert found - expected == {meeting, f"Aflyst: {meeting}"}, "the rest: the follow-up meetings"


@pytest.mark.parametrize("kind", ["malformed", "unknown", "revoked", "no token", "unknown file", "path in file",
                                  "bad language", "unknown version", "version of the calendar", "unknown person",
                                  "person of the agreement", "bad id", "export for the partner",
                                  "link for the viewer"])
def test_a_bad_request_is_refused_alike_without_any_information(
    servers: tuple[StreamlitServer, StreamlitServer], http: httpx.Client, kind: str
) -> None:
    server = servers[0]
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    if kind == "revoked":
        server.store.rotate_link(owner, Role.PARTNER)
    address = {
        "malformed": url(server, "abc<>", "agreement.pdf"),
        "unknown": url(server, secrets.token_urlsafe(32), "agreement.pdf"),
        "revoked": url(server, tokens["partner"], "agreement.pdf"),
        "no token": f"{server.url}/ps/file?what=agreement.pdf",
        "unknown file": url(server, tokens["owner"], "agreement.odt"),
        "path in file": url(server, tokens["owner"], "../../etc/passwd"),
        "bad language": url(server, tokens["owner"], "agreement.pdf", l="xx"),
        "unknown version": url(server, tokens["owner"], "agreement.pdf", v="nope"),
        "version of the calendar": url(server, tokens["owner"], "calendar.ics", v="nope"),
        "unknown person": url(server, tokens["owner"], "calendar.ics", p="nobody"),
        "person of the agreement": url(server, tokens["owner"], "agreement.md", p="nobody"),
        "bad id": url(server, tokens["owner"], "agreement.md", v="<script>"),
        "export for the partner": url(server, tokens["partner"], "export.json"),
        "link for the viewer": url(server, tokens["viewer"], "link.txt"),
    }[kind]
    answer = http.get(address)
    assert answer.status_code == 404
    assert answer.content == b"" and "content-disposition" not in answer.headers
    assert answer.headers["cache-control"] == "no-store"


def test_hostile_text_comes_through_every_file(servers: tuple[StreamlitServer, StreamlitServer],
                                               http: httpx.Client) -> None:
    server = servers[0]
    hostile = "<script>alert(1)</script> %PDF-1.7 %%EOF 😀 " + "Lektiecafé" * 300
    owner, tokens = server.store.create_project(hostile[:150], "Boldklubben <b>Øst</b>", "Anna")
    server.store.set_field(owner, "s4_vision", hostile, 0, "Anna")
    for what in WHATS:
        answer = http.get(url(server, tokens["owner"], what))
        assert answer.status_code == 200, what
        name = saved_name(answer)
        assert re.fullmatch(r"[\w.-]+", name), name  # letters, digits, hyphens and the dot only
    document = http.get(url(server, tokens["owner"], "agreement.pdf")).content
    assert document.startswith(b"%PDF-") and document.count(b"%%EOF") == 1
    text = read("agreement.pdf", document)
    assert "<script>alert(1)</script> %PDF-1.7 %%EOF ?" in text
    page = http.get(url(server, tokens["owner"], "agreement.html")).text
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_step5s_link_downloads_in_the_browser_and_another_replica_serves_it(
    servers: tuple[StreamlitServer, StreamlitServer], demo: tuple[Access, dict[str, str]], http: httpx.Client,
    tmp_path: Path, chromium: Any
) -> None:
    first, second = servers
    _, tokens = demo
    context = chromium.new_context(accept_downloads=True)
    try:
        page: Any = context.new_page()
        context.add_cookies([{"name": "ps_name", "value": "Ole", "url": first.url}])
        browser.open_page(page, f"{first.url}/step5?k={tokens['partner']}", ready=".st-key-s5_dl_pdf a")
        link = page.locator(".st-key-s5_dl_pdf a")
        assert link.inner_text() == "PDF (.pdf)"
        href = link.get_attribute("href")
        assert href is not None and href.startswith("/ps/file?")
        with page.expect_download() as fetched:
            link.click()
        download = fetched.value
        assert download.suggested_filename == "samarbejdsaftale-lektiecafé-på-biblioteket.pdf"
        saved = tmp_path / "aftale.pdf"
        download.save_as(saved)
        assert "Underskrifter" in read("agreement.pdf", saved.read_bytes())
        md_href = page.locator(".st-key-s5_dl_md a").get_attribute("href")
        browser.open_page(page, f"{first.url}/timeline?k={tokens['partner']}", ready=".st-key-tl_ics_all a")
        cal_href = page.locator(".st-key-tl_ics_all a").get_attribute("href")
    finally:
        context.close()
    assert md_href is not None and cal_href is not None
    assert parse_qs(urlsplit(md_href).query)["k"] == [tokens["partner"]]
    # The second process never drew a page: it answers the same links from the store.
    for path in (href, md_href, cal_href):
        what = parse_qs(urlsplit(path).query)["what"][0]
        here, there = http.get(f"{first.url}{path}"), http.get(f"{second.url}{path}")
        assert here.status_code == there.status_code == 200, path
        assert here.headers["content-disposition"] == there.headers["content-disposition"]
        # (a PDF carries its creation time and a calendar its DTSTAMP: compared as read)
        assert read(what, here.content) == read(what, there.content), what
    assert http.get(f"{second.url}{md_href}").content == http.get(f"{first.url}{md_href}").content


def test_under_a_base_path_the_route_and_the_owners_link_file_keep_it(tmp_path: Path, http: httpx.Client) -> None:
    with StreamlitServer(tmp_path, base_path="partnerskab") as based:
        _, tokens = based.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
        answer = http.get(url(based, tokens["owner"], "link.txt"))
        assert answer.status_code == 200
        assert f"http://127.0.0.1:{based.port}/partnerskab/?k={tokens['owner']}" in answer.text
        assert http.get(f"http://127.0.0.1:{based.port}/ps/file?k={tokens['owner']}&what=link.txt").status_code != 200
