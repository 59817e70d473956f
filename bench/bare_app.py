"""The second floor for bench/bench_lighthouse.py: the same bare page (bare_page.py), served
the way the app serves its pages' files - Streamlit's JavaScript compressed
(web/compress.py) and the icon font cut to the icons drawn (web/icon_font.py). Beside
Streamlit's own serving (the first floor) it shows what the serving changes, and beside
the app's pages what our pages cost over a bare one served alike."""

import streamlit as st
from starlette.middleware import Middleware

from partnership.web.compress import CompressStatic
from partnership.web.icon_font import IconFont

app = st.App("bare_page.py", middleware=[Middleware(CompressStatic), Middleware(IconFont)])
