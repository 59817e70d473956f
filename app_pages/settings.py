"""Settings page."""

import streamlit as st

from partnership.ui import live, shell

ctx = shell.ctx()
snap = shell.require(ctx, "settings")
live.start(ctx, snap.revision)
st.title(ctx.t("nav.settings"))
