"""The page script that app.py serves through st.App. Composition root: page config,
store and link for this run, language, navigation."""

import streamlit as st

from partnership.ui import shell, style

st.set_page_config(page_title="Partnerskabsværktøjet", page_icon=":material/handshake:", layout="wide")
ctx = shell.start()
style.inject(ctx.lang)
page = st.navigation(shell.pages(ctx), position="hidden")
with shell.guarded(ctx):
    page.run()
