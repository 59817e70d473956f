"""The page for bench/bench_element_cost.py: a title and ``n`` elements of one kind
(``?kind=markdown&n=40``), each with the kind of line a task card holds."""

import html

import streamlit as st

LINE = "**Åbningsdag {i}** · Milepæl · Boldklubben Nørrebro · 12. marts 2027 · ansvarlig Anna Holm"

kind = st.query_params.get("kind", "none")
n = int(st.query_params.get("n", "40"))
st.title("Elementer")
for i in range(n):
    line = LINE.format(i=i)
    if kind == "markdown":
        st.markdown(line)
    elif kind == "markdown_icon":
        st.markdown(":material/flag: " + line)
    elif kind == "caption":
        st.caption(line)
    elif kind == "text":
        st.text(line.replace("**", ""))
    elif kind == "html":
        st.html(f"<p><b>Åbningsdag {i}</b>{html.escape(line.split('**')[2])}</p>")
    elif kind == "bordered_markdown":
        with st.container(border=True):
            st.markdown(line)
    elif kind == "button":
        st.button(line.replace("**", ""), key=f"b{i}")
    elif kind == "popover":
        with st.popover(f"Rediger {i}"):
            st.write(line)
