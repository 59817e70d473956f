"""Step 1: sketch the idea (inside the association)."""

import streamlit as st

from partnership.steps import STEPS
from partnership.ui import editor, live, shell

ctx = shell.ctx()
snap = shell.require(ctx, "step1")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
st.title(ctx.t("step.1.title"))
st.markdown(ctx.t("step.1.lead"))
for spec in STEPS[0].fields:
    editor.field_editor(ctx, snap, spec.key, others=live.others())
