"""Real browser: a components-v2 component (the live push uses one) still runs under our
Content-Security-Policy - Streamlit loads its JS from a blob: URL - and so do the element
chunks a page preloads."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.streamlit_server import ROOT, free_port

pytestmark = pytest.mark.e2e

PAGE = '''import streamlit as st
probe = st.components.v2.component("probe", html="<div class='x'>waiting</div>", js="""
export default function({parentElement}) { parentElement.querySelector('.x').textContent = 'component ran'; }""")
probe(key="probe")
'''
APP = f'''import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from partnership.web import asgi
app = st.App("page.py", routes=asgi.routes(), middleware=asgi.middleware())
'''


def test_a_components_v2_component_runs_under_the_policy(tmp_path: Path, chromium: Any) -> None:
    (tmp_path / "page.py").write_text(PAGE, encoding="utf-8")
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                if httpx.get(f"{url}/_stcore/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        context = chromium.new_context()
        try:
            page = context.new_page()
            console: list[str] = []
            page.on("console", lambda m: console.append(m.text))
            answer = page.goto(url)
            assert answer is not None and "frame-ancestors 'self'" in answer.headers["content-security-policy"]
            page.get_by_text("component ran").wait_for(timeout=60_000)
            # A page's address gets its element chunks preloaded (partnership/web/preload.py),
            # fetched from this origin under the same policy: the timeline's select box's.
            page.goto(f"{url}/timeline")
            page.get_by_text("component ran").wait_for(timeout=60_000)
            page.wait_for_function("""() => performance.getEntriesByType('resource').some(
                e => e.name.includes('/static/js/Selectbox.') && e.responseEnd > 0)""", timeout=60_000)
            preloaded = page.evaluate("""() => [...document.querySelectorAll('script[type=module][async]')]
                .map(s => s.src)""")
            assert any("/static/js/Selectbox." in x for x in preloaded)
            assert all(x.startswith(f"{url}/static/") for x in preloaded)
        finally:
            context.close()
        assert not [m for m in console if "Content Security Policy" in m]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
