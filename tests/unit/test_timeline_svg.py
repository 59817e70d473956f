"""The timeline as a server-made SVG (``timeline_svg``): well-formed, one group per task
with its hover text, the same lanes, legend and height as the Plotly figure, and user
text that never becomes markup.

Every check parses the output with ``xml.etree.ElementTree``: an SVG that is not
well-formed XML fails them all.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta

import pytest

from partnership.model import Person, Side, Task, TaskKind, TaskStatus
from partnership.render.chart_base import OVERDUE_COLOUR, STATUS_COLOURS
from partnership.render.timeline_chart import timeline_figure
from partnership.render.timeline_svg import timeline_svg
from partnership.timeline import is_overdue
from tests.unit.test_timeline import MIA, OLE, ORGS, PEOPLE, TODAY, many, task

SVG = "{http://www.w3.org/2000/svg}"
DRAWN = {"svg", "title", "g", "rect", "path", "text", "circle", "polygon"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def groups(root: ET.Element) -> dict[str, ET.Element]:
    """The item groups by task id (and no id twice)."""
    found = [g for g in root.iter(f"{SVG}g") if "data-id" in g.attrib]
    ids = [g.attrib["data-id"] for g in found]
    assert len(ids) == len(set(ids))
    return dict(zip(ids, found, strict=True))


def title_of(element: ET.Element) -> str:
    first = element[0]
    assert first.tag == f"{SVG}title"
    return first.text or ""


def by_class(root: ET.Element, name: str) -> ET.Element:
    found = [e for e in root.iter() if e.attrib.get("class") == name]
    assert len(found) == 1, name
    return found[0]


def texts(element: ET.Element) -> list[str]:
    return ["".join(e.itertext()) for e in element.iter(f"{SVG}text")]


def legend_names(fig: object) -> list[str]:
    """The names in the Plotly figure's legend, in order."""
    return [tr.name for tr in fig.data if tr.showlegend is not False]  # type: ignore[attr-defined]


MIXED = [
    task("bar", "Lektiecafé", start=date(2026, 11, 20), due=date(2026, 12, 10), status=TaskStatus.IN_PROGRESS),
    task("late", "Ansøgning", responsible="p-ole", side=Side.PARTNER, start=date(2026, 11, 1),
         due=date(2026, 11, 20)),
    task("point", "Plakater", due=date(2026, 12, 3)),
    task("stone", "Åbningsdag", kind=TaskKind.MILESTONE, responsible="", due=date(2026, 12, 15),
         status=TaskStatus.DONE),
    task("meet", "Opfølgningsmøde", kind=TaskKind.FOLLOW_UP, due=date(2027, 1, 5)),
]


def test_the_root_is_an_accessible_image_with_its_title_first() -> None:
    root = parse(timeline_svg(MIXED, PEOPLE, today=TODAY, **ORGS))
    assert root.tag == f"{SVG}svg"
    assert root.attrib["class"] == "tl-svg" and root.attrib["role"] == "img"
    assert root.attrib["width"] == "100%"
    assert "5 opgaver" in root.attrib["aria-label"]
    assert title_of(root) == root.attrib["aria-label"]


def test_one_group_per_task_with_its_id_and_hover_lines() -> None:
    root = parse(timeline_svg(MIXED, PEOPLE, today=TODAY, **ORGS))
    found = groups(root)
    assert set(found) == {t.id for t in MIXED}
    lines = title_of(found["bar"]).split("\n")
    assert lines == ["Lektiecafé", "Type: Opgave", "Ansvarlig: Mia Holm", "Organisation: Ungdomsklubben Nord",
                     "Start: 20. nov. 2026", "Frist: 10. dec. 2026", "Status: I gang"]
    assert "Ansvarlig: Ingen ansvarlig" in title_of(found["stone"])
    assert "Frist: 15. dec. 2026" in title_of(found["stone"])


def test_svg_titles_say_what_the_plotly_hover_says() -> None:
    """One home for the hover content: the plain lines are the Plotly hover without its tags."""
    fig = timeline_figure(MIXED, PEOPLE, today=TODAY, **ORGS)
    plotly = {}
    for trace in fig.data:
        if trace.customdata is not None and trace.hovertext is not None:
            for tid, hover in zip(trace.customdata, trace.hovertext, strict=True):
                plotly[tid] = html.unescape(re.sub(r"</?b>", "", hover.replace("<br>", "\n")))
    found = groups(parse(timeline_svg(MIXED, PEOPLE, today=TODAY, **ORGS)))
    assert {tid: title_of(g) for tid, g in found.items()} == plotly


def test_bars_and_markers_are_coloured_by_status_with_the_kinds_symbol() -> None:
    tasks = [task(s.value, s.value, start=date(2026, 12, 1), due=date(2026, 12, 20), status=s) for s in TaskStatus]
    tasks += [task(f"m-{s.value}", "", kind=TaskKind.MILESTONE, due=date(2026, 12, 24), status=s)
              for s in TaskStatus]
    found = groups(parse(timeline_svg(tasks, PEOPLE, today=TODAY)))
    for status in TaskStatus:
        bar = found[status.value].find(f"{SVG}rect")
        assert bar is not None and bar.attrib["fill"] == STATUS_COLOURS[status]
        diamond = found[f"m-{status.value}"].find(f"{SVG}polygon")
        assert diamond is not None and diamond.attrib["fill"] == STATUS_COLOURS[status]
        assert len(diamond.attrib["points"].split()) == 4
    star = groups(parse(timeline_svg(MIXED, PEOPLE, today=TODAY)))["meet"].find(f"{SVG}polygon")
    assert star is not None and len(star.attrib["points"].split()) == 10
    dot = groups(parse(timeline_svg(MIXED, PEOPLE, today=TODAY)))["point"].find(f"{SVG}circle")
    assert dot is not None and dot.attrib["fill"] == STATUS_COLOURS[TaskStatus.PLANNED]


def test_an_overdue_task_has_a_vermillion_outline_and_a_ring() -> None:
    found = groups(parse(timeline_svg(MIXED, PEOPLE, today=TODAY)))
    assert is_overdue(MIXED[1], TODAY)
    late = found["late"]
    rect = late.find(f"{SVG}rect")
    assert rect is not None and rect.attrib["stroke"] == OVERDUE_COLOUR
    rings = [c for c in late.iter(f"{SVG}circle") if c.attrib.get("fill") == "none"]
    assert len(rings) == 1 and rings[0].attrib["stroke"] == OVERDUE_COLOUR
    assert title_of(late).split("\n")[-1] == "Status: Planlagt · Forsinket"
    on_time = found["bar"]
    assert not [c for c in on_time.iter(f"{SVG}circle")]
    assert "Forsinket" not in title_of(on_time)


def test_the_today_line_sits_at_today() -> None:
    """The dashed line is inside a bar over yesterday..tomorrow, and its label names today."""
    around = task("around", "Omkring", start=TODAY - timedelta(days=1), due=TODAY + timedelta(days=1))
    long = task("long", "Lang", start=date(2026, 1, 1), due=date(2027, 6, 1))
    root = parse(timeline_svg([around, long], PEOPLE, today=TODAY))
    today = by_class(root, "tl-today")
    line = today.find(f"{SVG}path")
    assert line is not None and line.attrib["stroke-dasharray"]
    at = float(re.match(r"M([\d.]+) ", line.attrib["d"]).group(1))  # type: ignore[union-attr]
    rect = groups(root)["around"].find(f"{SVG}rect")
    assert rect is not None
    left, width = float(rect.attrib["x"]), float(rect.attrib["width"])
    assert left + width / 3 < at < left + 2 * width / 3
    assert texts(today) == ["I dag · 26. nov. 2026"]


def test_the_legend_names_what_the_plotly_legend_names() -> None:
    fig = timeline_figure(MIXED, PEOPLE, today=TODAY)
    names = texts(by_class(parse(timeline_svg(MIXED, PEOPLE, today=TODAY)), "tl-legend"))
    assert names == legend_names(fig) == ["Planlagt", "I gang", "Færdig", "Milepæl", "Opfølgningsmøde", "Forsinket"]
    on_time = [t for t in MIXED if t.id != "late"]
    names = texts(by_class(parse(timeline_svg(on_time, PEOPLE, today=TODAY)), "tl-legend"))
    assert "Forsinket" not in names and names == legend_names(timeline_figure(on_time, PEOPLE, today=TODAY))


def test_lane_labels_in_the_figures_order() -> None:
    for lanes in ("person", "side"):
        fig = timeline_figure(MIXED, PEOPLE, today=TODAY, lanes=lanes, **ORGS)  # type: ignore[arg-type]
        root = parse(timeline_svg(MIXED, PEOPLE, today=TODAY, lanes=lanes, **ORGS))  # type: ignore[arg-type]
        assert texts(by_class(root, "tl-lanes")) == list(fig.layout.yaxis.categoryarray)
    root = parse(timeline_svg(MIXED, PEOPLE, today=TODAY, **ORGS))
    assert texts(by_class(root, "tl-lanes")) == ["Mia Holm", "Ole Berg", "Ingen ansvarlig"]
    root = parse(timeline_svg(MIXED, PEOPLE, today=TODAY, lanes="side", **ORGS))
    assert texts(by_class(root, "tl-lanes")) == ["Ungdomsklubben Nord", "Nordby Bibliotek"]


def test_unknown_lane_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="lanes"):
        timeline_svg(MIXED, PEOPLE, today=TODAY, lanes="team")  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [1, 5, 40, 200])
def test_the_drawing_has_the_plotly_figures_height_in_its_units(size: int) -> None:
    tasks = MIXED[:size] if size <= len(MIXED) else many(size)
    people = PEOPLE + [Person(id=f"p{i}", name=f"Frivillig {i}", side=Side.PARTNER) for i in range(size // 10)]
    if size > len(MIXED):
        tasks = [t if i % 3 else replace(t, responsible=f"p{i % (size // 10)}") for i, t in enumerate(tasks)]
    tasks += [task("undated", "Uden dato")] if size == 40 else []
    for lanes in ("person", "side"):
        kwargs = {"today": TODAY, "lanes": lanes, "period": (date(2026, 1, 1), date(2027, 6, 30)), **ORGS}
        fig = timeline_figure(tasks, people, **kwargs)  # type: ignore[arg-type]
        root = parse(timeline_svg(tasks, people, **kwargs))  # type: ignore[arg-type]
        # Drawn in the figure's units, scaled to the page's width with its proportions:
        # no fixed height that would leave an empty band under a scaled-down drawing.
        assert root.attrib["viewBox"].split()[3] == str(fig.layout.height)
        assert "height" not in root.attrib and "height:auto" in root.attrib["style"]
        assert f"max-width:{root.attrib['viewBox'].split()[2]}px" in root.attrib["style"]  # never scaled up


@pytest.mark.parametrize(("lang", "tasks", "message"), [
    ("da", [], "Ingen opgaver endnu"),
    ("en", [], "No tasks yet"),
    ("da", [task("u", "Uden dato")], "Ingen af opgaverne har en dato endnu"),
    ("en", [task("u", "Undated")], "None of the tasks has a date yet"),
])
def test_nothing_to_draw_gives_the_figures_message(lang: str, tasks: list[Task], message: str) -> None:
    root = parse(timeline_svg(tasks, PEOPLE, today=TODAY, lang=lang))
    assert root.attrib["class"] == "tl-svg" and root.attrib["role"] == "img"
    assert title_of(root) == message and texts(root) == [message]
    assert root.attrib["height"] == str(timeline_figure(tasks, PEOPLE, today=TODAY, lang=lang).layout.height)
    assert not groups(root)


def test_undated_tasks_are_counted_in_a_note() -> None:
    root = parse(timeline_svg([*MIXED, task("u1", "x"), task("u2", "y")], PEOPLE, today=TODAY))
    assert texts(by_class(root, "tl-note")) == ["2 opgaver uden dato vises ikke på tidslinjen"]
    assert not [e for e in parse(timeline_svg(MIXED, PEOPLE, today=TODAY)).iter()
                if e.attrib.get("class") == "tl-note"]


def test_english_words_and_dates() -> None:
    root = parse(timeline_svg(MIXED, PEOPLE, today=TODAY, lang="en", period=(date(2026, 11, 1), None), **ORGS))
    assert texts(by_class(root, "tl-legend"))[:3] == ["Planned", "In progress", "Done"]
    assert texts(by_class(root, "tl-today")) == ["Today · 26 Nov 2026"]
    assert texts(by_class(root, "tl-period")) == ["Agreement period"]
    assert "Nov 2026" in texts(by_class(root, "tl-ticks"))[0]
    assert "Due: 10 Dec 2026" in title_of(groups(root)["bar"])
    assert "No one responsible" in texts(by_class(root, "tl-lanes"))
    assert "5 dated tasks" in root.attrib["aria-label"]


HOSTILE = [
    "<script>alert(1)</script>",
    "\"&'<>",
    "</svg><svg onload=alert(1)>",
    "]]><!-- x --><![CDATA[",
    "&amp; &#x3c; &lt;b&gt;",
    "bidi \u202eevil\u202c and \x00\x07control",
    "lang " + "x" * 5000,
]


def test_hostile_text_stays_text() -> None:
    people = [Person(id="p-h", name="<b onmouseover=alert(1)>Mia</b>", side=Side.ASSOCIATION), OLE, MIA]
    tasks = [task(f"h{i}", title, responsible="p-h" if i % 2 else "p-ole",
                  start=date(2026, 12, 1) + timedelta(days=i), due=date(2026, 12, 1) + timedelta(days=i + (i % 3) * 20),
                  kind=list(TaskKind)[i % 4], side=list(Side)[i % 2])
             for i, title in enumerate(HOSTILE)]
    tasks.append(task("\"><script>x</script>", "id", start=date(2026, 12, 1), due=date(2026, 12, 9)))
    for lanes in ("person", "side"):
        svg = timeline_svg(tasks, people, today=TODAY, lanes=lanes, our_org="</svg>&<i>Org</i>",  # type: ignore[arg-type]
                           partner_org="\"'><img src=x>")
        root = parse(svg)
        assert {e.tag.removeprefix(SVG) for e in root.iter()} <= DRAWN
        assert all(not name.lower().startswith("on") for e in root.iter() for name in e.attrib)
        assert "<script" not in svg and "<img" not in svg and "<b " not in svg
        found = groups(root)
        assert set(found) == {t.id for t in tasks}
        for i, title in enumerate(HOSTILE[:5]):
            assert title_of(found[f"h{i}"]).split("\n")[0] == " ".join(title.split())
        assert title_of(found["h5"]).split("\n")[0] == "bidi evil and control"
        long_title = title_of(found["h6"]).split("\n")[0]
        assert len(long_title) <= 150 and long_title.endswith("…")
        assert all(len(text) <= 200 for text in texts(root))
        assert "\x00" not in svg and "\u202e" not in svg
        everything = " ".join(texts(root)) + " ".join(title_of(g) for g in found.values())
        if lanes == "side":
            assert "</svg>&<i>Org</i>" in everything and "\"'><img src=x>" in everything
        else:
            assert "<b onmouseover=alert(1)>Mia</b>" in everything


def test_a_thousand_tasks_make_a_thousand_groups() -> None:
    """(How long it takes: bench/bench_timeline.py.)"""
    tasks = many(1000)
    svg = timeline_svg(tasks, PEOPLE, today=TODAY, period=(date(2026, 1, 1), date(2027, 6, 30)), **ORGS)
    root = parse(svg)
    assert sorted(groups(root)) == sorted(t.id for t in tasks)
    rings = [c for c in root.iter(f"{SVG}circle") if c.attrib.get("stroke") == OVERDUE_COLOUR and c.attrib.get("fill")
             == "none" and c.attrib.get("r") == "10"]
    assert len(rings) == sum(is_overdue(t, TODAY) for t in tasks)
    assert len(svg) < 1000 * 600  # a few hundred bytes per task


def test_a_title_inside_a_bar_only_where_the_bar_is_tall_enough() -> None:
    """Like Plotly's ``uniformtext`` "hide": a bar too thin for 12 px text shows no title in it."""
    tall = [task("long", "Lang titel", start=date(2026, 1, 1), due=date(2027, 6, 1))]
    inside = groups(parse(timeline_svg(tall, PEOPLE, today=TODAY)))["long"]
    assert texts(inside) == ["Lang titel"]
    # 20 lanes of 4 sub-rows: about 98 px a lane, under 20 px a bar.
    people = [Person(id=f"p{n}", name=f"Frivillig {n}", side=Side.PARTNER) for n in range(20)]
    stacked = [task(f"s{n}-{i}", "Lang titel", responsible=f"p{n}", start=date(2026, 1, 1) + timedelta(days=i),
                    due=date(2027, 6, 1)) for n in range(20) for i in range(4)]
    for group in groups(parse(timeline_svg(stacked, people, today=TODAY))).values():
        rect = group.find(f"{SVG}rect")
        assert rect is not None and float(rect.attrib["height"]) < 20
        assert texts(group) == []


def test_the_today_label_flips_left_near_the_end_and_the_period_label_keeps_clear() -> None:
    """The head strip follows the same decisions as the Plotly figure's annotations."""
    early = task("early", "Tidlig", start=date(2026, 1, 5), due=date(2026, 2, 1))
    kwargs = {"today": date(2026, 3, 1), "period": (date(2026, 1, 1), date(2026, 2, 28))}
    fig = timeline_figure([early], PEOPLE, **kwargs)  # type: ignore[arg-type]
    plotly = {a.name: a.xanchor for a in fig.layout.annotations}
    root = parse(timeline_svg([early], PEOPLE, **kwargs))  # type: ignore[arg-type]
    today = by_class(root, "tl-today").find(f"{SVG}text")
    assert today is not None and today.attrib["text-anchor"] == "end" == {"left": "start", "right": "end"}[
        plotly["today"]]
    period = by_class(root, "tl-period")
    assert period.attrib["text-anchor"] == {"left": "start", "right": "end"}[plotly["period"]] == "start"
    late_start = parse(timeline_svg([early], PEOPLE, today=date(2026, 1, 2)))
    today = by_class(late_start, "tl-today").find(f"{SVG}text")
    assert today is not None and today.attrib["text-anchor"] == "start"


def test_the_svg_is_one_line() -> None:
    """A line break could end an HTML block in the Markdown around it: there is none."""
    tasks = [*MIXED, task("nl", "To\nlinjer\r\n\r\nog mere", due=date(2026, 12, 1))]
    for lanes in ("person", "side"):
        svg = timeline_svg(tasks, PEOPLE, today=TODAY, lanes=lanes, our_org="Klub\n\nNord")  # type: ignore[arg-type]
        assert "\n" not in svg and "\r" not in svg
        assert title_of(groups(parse(svg))["nl"]).split("\n")[0] == "To linjer og mere"
    assert "Klub Nord" in texts(by_class(parse(svg), "tl-lanes"))
