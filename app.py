"""The launcher ``streamlit run app.py`` discovers: Streamlit's ASGI app (st.App) serving
the page script main.py plus our own routes and middleware (partnership/web)."""

import streamlit as st

from partnership.web import asgi, nodelay, remind_job

asgi.warm_up()
remind_job.start()  # remind run by the app itself, when mail is set up (PARTNERSHIP_REMIND_EVERY)
app = st.App("main.py", routes=asgi.routes(), middleware=asgi.middleware(), lifespan=nodelay.lifespan)
