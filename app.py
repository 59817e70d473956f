"""The launcher ``streamlit run app.py`` discovers: Streamlit's ASGI app (st.App) serving
the page script main.py plus our own routes and middleware (``partnership.bootstrap``).
Streamlit finds the app by reading this file, so ``st.App(...)`` stays written here."""

import streamlit as st

from partnership import bootstrap

app = st.App("main.py", **bootstrap.server())
