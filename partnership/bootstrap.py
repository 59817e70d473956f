"""The composition root of the Streamlit app: how the process opens its store (Streamlit's
secrets, else the environment), the ASGI app with our routes and middleware, the
warm-up at server start and the app's own reminder runs (``web.remind_job``). app.py and
main.py call it; nothing below imports it.

``partnership.process`` holds what it builds (the store, the live hub), so that the pages
(``partnership.ui``) and the routes (``partnership.web``) share them without importing
each other.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date
from typing import Any

import partnership.ui
from partnership import process
from partnership.model import Person, Side, Task
from partnership.store import Store, open_store
from partnership.ui import shell
from partnership.web import asgi, icon_font, nodelay, remind_job


def _open() -> Store:
    return open_store(secrets=shell.secrets())


def configure() -> None:
    """The process opens its store from Streamlit's secrets or the environment
    (``open_store``); idempotent, so every page run may call it."""
    process.configure(_open)


def server() -> dict[str, Any]:
    """What app.py hands to ``st.App`` besides the page script: our routes, our middleware
    and the lifespan; the store is configured (opened on first use) and the first page
    run's imports are warmed up."""
    configure()
    warm_up()
    icon_font.warm()  # the icon font cut to the app's icons, before the first visitor asks for it
    remind_job.start(shell.secrets())  # the app's own reminder runs, when mail is set up
    return {"routes": asgi.routes(), "middleware": asgi.middleware(), "lifespan": nodelay.lifespan}


WARM = ("numpy", "pandas", "PIL.Image", "partnership.store.postgres")
"""Imported by a page's first run in the server, not at start: Streamlit imports numpy,
PIL and pandas lazily (page icon, elements), and the store is opened on first use.
Measured in the overview's first run (``python -X importtime``): pandas 0.33 s, numpy
0.10 s - about 0.5 s of the first visitor's wait with the store's modules."""


def warm_up() -> None:
    """Import what the first page run would otherwise import - every module of
    ``partnership.ui`` and ``WARM`` - and build one small timeline figure (Plotly's
    figure validators), so that the first visitor after a server start does not wait
    for them."""
    from partnership.render import timeline_chart  # Plotly: at server start, not in every page script

    for name in (*WARM, *(f"partnership.ui.{m.name}" for m in pkgutil.iter_modules(partnership.ui.__path__))):
        importlib.import_module(name)
    today = date.today()
    timeline_chart.timeline_figure([Task("warm", "warm", due=today)], [Person("p", "p", Side.ASSOCIATION)], today=today)
