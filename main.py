"""The page script that app.py serves through st.App. Composition root: page config,
store and link for this run, language, navigation."""

import streamlit as st

from partnership import bootstrap
from partnership.ui import drafts, flash, live, shell, style
from partnership.web.headers import FAVICON

# A local image, served by the app: ":material/handshake:" is fetched from a font host.
st.set_page_config(page_title="Partnerskabsværktøjet", page_icon=str(FAVICON), layout="wide")
flash.begin()  # was this run a person's? (an action's message stays until one is)
bootstrap.configure()
ctx = shell.start()
style.inject(ctx.lang)
page = st.navigation(shell.pages(ctx), position="top")
with shell.guarded(ctx):
    page.run()
live.finish()
drafts.finish(ctx)
