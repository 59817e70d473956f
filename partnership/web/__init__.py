"""The HTTP layer beside Streamlit: what ``st.App`` serves besides the app itself.

app.py (the launcher ``streamlit run`` discovers) builds ``st.App("main.py", ...)`` with
``routes()`` and ``middleware()`` from here. Routes live under the app's base path
(``server.baseUrlPath``); Streamlit reserves ``/_stcore/``, ``/media/``, ``/component/``
and ``/static/``, so ours live under ``/ps/``.
"""
