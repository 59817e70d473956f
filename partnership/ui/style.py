"""The app's few CSS rules, injected once per run from main.py.

- Captions and other faded text: Streamlit draws them in the text colour at 60 %
  opacity, which on our light backgrounds falls below WCAG AA's 4.5:1 (axe-core); a
  darker grey keeps the calm look and passes.
- Streamlit's built-in English: the "Press Enter to submit form" / "Press Ctrl+Enter to
  apply" hints under inputs are hidden (the buttons say what to do), an empty date
  field's "dd.mm.yyyy" reads "dd.mm.åååå". The file uploader's words are in
  ``phone.css``.
- ``phone.css``: the phone layout (the menu button, task cards, the timeline's two
  drawings) and the uploader's words, which it takes from the custom properties set here.
- Code blocks wrap instead of scrolling sideways: on a phone a long line otherwise becomes
  a scroll region a keyboard cannot reach (axe-core). ``st.text`` (the link cards' URL,
  history's full texts) looks like a code block, wrapping too, without the code block's
  1.5 MB syntax highlighter, whose start cost about 0.3 s of the browser's main thread.
- The timeline's wide drawing keeps at least the width its labels were laid out for
  (partnership.timeline_layout) and scrolls sideways; a phone gets the narrow one
  (``phone.css``).
- Dashboard metrics wrap instead of cutting their labels and values with "…".
- Download links (``file_links``, ``st.html``) have the colour of Markdown's links (the
  light theme's ``blueTextColor``), not the browser's own blue.
- Section headings (``phone.css``, in the page's head from its first paint) are
  ``st.header`` (h2: no level skipped under the page's h1) at the subheader's size.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from partnership.i18n import t
from partnership.limits import MAX_IMPORT_BYTES
from partnership.ui import aria

FADED = "#4a5456"
"""At least 6.5:1 on the page (#fbfaf7) and the sidebar (#eef2ee) backgrounds."""

_CSS = """
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * { color: %(faded)s !important; }
[data-testid="stWidgetLabel"] [data-testid="stTooltipIcon"] svg { color: %(faded)s; }
[data-testid="stCode"] pre, [data-testid="stCode"] code { white-space: pre-wrap !important; word-break: break-all; }
[data-testid="stText"] { font-family: "Source Code Pro", monospace; font-size: 0.875rem; white-space: pre-wrap;
  word-break: break-all; background: #eef2ee; border-radius: 0.5rem; padding: 0.75rem 1rem; }
.st-key-tl_chart_box { overflow-x: auto; }
.st-key-tl_chart_box > .st-key-tl_chart, .st-key-tl_chart_box > .st-key-tl_picture { min-width: 820px; }
/* The run that swaps the picture for Plotly (ui/charts.py): Plotly is laid out invisibly over
   the picture until it has drawn, then the picture goes; nothing goes blank. */
.st-key-tl_chart_box { position: relative; }
.st-key-tl_chart_box:has(.st-key-tl_picture):not(:has(.st-key-tl_chart .main-svg)) > .st-key-tl_chart {
  position: absolute; top: 0; left: 0; right: 0; visibility: hidden; }
.st-key-tl_chart_box:has(.st-key-tl_chart .main-svg) > .st-key-tl_picture { display: none; }
[data-testid="InputInstructions"] { display: none !important; }
.react-aria-DateField [data-placeholder="true"][data-type="year"] { visibility: hidden; font-size: 0 !important; }
.react-aria-DateField [data-placeholder="true"][data-type="year"]::after {
  content: "%(year)s"; visibility: visible; font-size: 0.875rem; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricValue"] { font-size: 1.6rem; line-height: 1.2; overflow-wrap: anywhere; }
[data-testid="stHtml"] a { color: #244fb4; }
"""


# A region that scrolls must be reachable by keyboard (WCAG 2.1.1, axe-core's
# "scrollable-region-focusable"): give the timeline's scroll box and the meeting view's
# assessment table (it scrolls sideways on a phone) a tab stop and a name.
# Streamlit redraws elements, so a MutationObserver keeps the attributes on. A
# components-v2 module, not an inline <script>: the Content-Security-Policy
# (partnership/web/headers.py) allows scripts from blob: URLs, never inline ones.
_REGIONS_JS = Path(__file__).with_name("scroll_regions.js").read_text(encoding="utf-8")
_REGIONS = st.components.v2.component("ps_scroll_regions", js=_REGIONS_JS)


MAX_IMPORT_MB = MAX_IMPORT_BYTES // (1024 * 1024)
PHONE_CSS = (Path(__file__).with_name("phone.css")).read_text(encoding="utf-8")


def css_string(text: str) -> str:
    """``text`` as a CSS string literal (for ``content:`` through a custom property)."""
    safe = "".join(ch for ch in text if ch.isprintable() and ch not in '\\"<>')
    return f'"{safe}"'


def words(lang: str) -> str:
    """The custom properties ``phone.css`` draws Streamlit's words from, in ``lang``."""
    return (f":root {{ --ps-choose-file: {css_string(t('style.choose_file', lang))}; "
            f"--ps-upload-note: {css_string(t('style.upload_note', lang, mb=MAX_IMPORT_MB))}; "
            f"--ps-no-results: {css_string(t('style.no_results', lang))}; }}")


def inject(lang: str) -> None:
    """Add the rules to the page (an st.html with only a style block takes no space)."""
    year = t("style.year", lang).replace("\\", "").replace('"', "")
    st.html(f"<style>{_CSS % {'faded': FADED, 'year': year}}\n{words(lang)}\n{PHONE_CSS}</style>")
    regions = [[".st-key-tl_chart_box", t("style.timeline_region", lang)],
               [".st-key-meeting table", t("style.assessment_region", lang)]]
    _REGIONS(data={"regions": regions}, key="ps_scroll_regions")
    aria.mount(lang)  # Streamlit's own controls named in the page's language
