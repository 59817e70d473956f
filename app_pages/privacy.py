"""Privacy: what the tool keeps about people, where, who sees it, for how long. Open to
anyone, with or without a link."""

import streamlit as st

from partnership.ui import shell

ctx = shell.ctx()
shell.sidebar(ctx, None)
st.title(ctx.t("privacy.title"))
st.markdown(ctx.t("privacy.lead"))
for part in ("what", "where", "who", "how_long", "rights", "who_is_responsible"):
    st.header(ctx.t(f"privacy.h.{part}"))
    st.markdown(ctx.t(f"privacy.{part}"))
