"""The big element chunks a page preloads (partnership/web/preload.py) are the ones a new
tab's first run draws: Plotly's 4.7 MB and the code block's 1.5 MB highlighter are fetched
and compiled for a page only when that run shows a chart or a code block (the example, as
its owner). No first run draws Markdown with HTML allowed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from partnership.demo import create_demo
from partnership.store.postgres import PostgresStore
from partnership.web import preload
from tests.app.conftest import no_errors

BIG = {"plotly_chart": "PlotlyChart", "code": "StreamlitSyntaxHighlighter"}


@pytest.mark.parametrize("page", sorted(preload.PAGES))
def test_a_page_preloads_the_big_chunks_it_draws_and_no_other(
    app: Callable[..., AppTest], store: PostgresStore, page: str
) -> None:
    tokens = create_demo(store)[1]
    at = app(token=tokens["owner"], page=page, plotly=False)  # a new tab (ui/charts.py)
    no_errors(at)
    for element, component in BIG.items():
        assert bool(at.get(element)) == (component in preload.PAGES[page]), (page, element)


@pytest.mark.parametrize("page", sorted(preload.PAGES))
def test_no_first_run_draws_markdown_with_html(app: Callable[..., AppTest], store: PostgresStore, page: str) -> None:
    """Markdown with HTML allowed makes the browser fetch and start Markdown's raw-HTML
    parser (184 KiB, a long task on a phone): download links are ``st.html`` (ui/file_links.py)."""
    tokens = create_demo(store)[1]
    at = app(token=tokens["owner"], page=page, plotly=False)
    no_errors(at)
    assert not [m.value for m in at.get("markdown") if m.proto.allow_html], page
    if page in ("overview", "step5", "settings"):  # they draw download links
        assert any(" download=" in h.proto.body for h in at.get("html")), page
