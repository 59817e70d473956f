"""Step 1: sketch the idea (inside the association)."""

import streamlit as st

from partnership.steps import STEPS
from partnership.ui import editor, page

ctx = page.enter("step1")
st.title(ctx.t("step.1.title"))
st.markdown(ctx.t("step.1.lead"))
for spec in STEPS[0].fields:
    editor.field_editor(ctx, ctx.snap, spec.key, others=ctx.others)
