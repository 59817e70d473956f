"""The timeline's label layout, tested without Plotly: no two label boxes overlap, no
label covers a bar or a marker of its sub-row, and no marker sits on a bar."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from partnership.timeline_layout import MARKER_PX, Item, Placed, layout

WIDTH = 700.0


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def check(items: list[Item], width: float = WIDTH) -> list[Placed]:
    placed, rows = layout(items, width)
    by_key = {i.key: i for i in items}
    spots = {p.key: p for p in placed}
    for p in placed:
        assert 0 <= p.row < rows[p.lane]
        if p.box is not None:
            assert p.box[0] >= 0 and p.box[1] <= width + 0.01, p
            assert p.text and (p.text == " ".join(by_key[p.key].title.split()) or p.text.endswith("…"))
    for a in items:
        for b in items:
            if a.key >= b.key or a.lane != b.lane or spots[a.key].row != spots[b.key].row:
                continue
            # Nothing covers anything in one sub-row ...
            assert not overlaps((a.left, a.right), (b.left, b.right)), (a, b)
            # ... and no label box touches another label or another item.
            pa, pb = spots[a.key], spots[b.key]
            if pa.box and pb.box:
                assert not overlaps(pa.box, pb.box), (pa, pb)
            if pa.box:
                assert not overlaps(pa.box, (b.left, b.right)), (pa, b)
            if pb.box:
                assert not overlaps(pb.box, (a.left, a.right)), (pb, a)
    return placed


def test_the_example_project() -> None:
    """The example's lanes at desktop width: the short bars and the markers get their
    whole titles beside them; the milestone after the activity does not sit on it."""
    d = WIDTH / 160  # about 160 days on the axis
    items = [
        Item("follow", "Anna Holm", 5 * d, 5 * d, "Følg op på henvendelsen til Nørrebro Bibliotek", point=True),
        Item("open", "Anna Holm", 15 * d, 15 * d, "Åbningsdag for familier", point=True),
        Item("recruit", "Anna Holm", 37 * d, 67 * d, "Rekruttér 4 nye frivillige"),
        Item("meet2", "Anna Holm", 139 * d, 139 * d, "Opfølgningsmøde 2", point=True),
        Item("pause", "Mette Lund", 23 * d, 157 * d, "Bevægelsespauser i caféen"),
        Item("summer", "Mette Lund", 157 * d, 157 * d, "Sommerafslutning", point=True),
        Item("apply", "Ole Berg", 27 * d, 35 * d, "Ansøgning til lokaludvalgets pulje"),
        Item("meet1", "Ole Berg", 49 * d, 49 * d, "Opfølgningsmøde 1", point=True),
        Item("cafe", "Sara Nielsen", 16 * d, 157 * d, "Lektiecafé hver tirsdag"),
        Item("posters", "Sara Nielsen", 40 * d, 48 * d, "Plakater til skolerne"),
    ]
    spots = {p.key: p for p in check(items)}
    assert spots["cafe"].where == "inside" and spots["pause"].where == "inside"
    for key in ("open", "recruit", "apply", "meet1", "posters"):
        assert spots[key].where in ("right", "left") and not spots[key].text.endswith("…"), spots[key]
    assert spots["posters"].row != spots["cafe"].row  # overlapping dates: a sub-row of its own


def test_a_long_title_on_a_short_bar_goes_beside_it_whole() -> None:
    [spot] = check([Item("a", "L", 10, 40, "Rekruttér 6 frivillige lektiehjælpere")])
    assert spot.where == "right" and spot.text == "Rekruttér 6 frivillige lektiehjælpere"


def test_near_the_right_edge_the_label_goes_left_and_else_is_clipped() -> None:
    title = "Sommerafslutning i haven"
    [left] = check([Item("a", "L", 690, 690, title, point=True)])
    assert left.where == "left" and left.box is not None and left.box[1] <= 690 - MARKER_PX / 2
    # On a narrow chart neither side has room for the whole title: as much as fits, with "…".
    [clipped] = check([Item("a", "L", 100, 100, "Sommerafslutning i haven med grill", point=True)], width=200)
    assert clipped.where == "right" and clipped.text.endswith("…") and len(clipped.text) >= 6


def test_a_busy_lane_packs_tighter_and_clips_rather_than_overlap() -> None:
    items = [Item(f"m{n}", "L", 20 + 30 * n, 20 + 30 * n, f"Møde nummer {n} med en lang titel", point=True)
             for n in range(12)]
    placed, rows = layout(items, WIDTH)
    assert rows["L"] <= 4
    check(items)


def test_forty_tasks_in_four_lanes() -> None:
    rng = random.Random(40)
    items = []
    for n in range(40):
        lane = f"Person {n % 4}"
        start = rng.uniform(0, 650)
        if n % 3 == 0:
            items.append(Item(f"m{n}", lane, start, start, f"Opfølgningsmøde nummer {n}", point=True))
        else:
            items.append(Item(f"t{n}", lane, start, min(WIDTH, start + rng.uniform(5, 200)),
                              f"Opgave {n}: " + "lang titel " * rng.randint(0, 3)))
    placed = check(items)
    assert sum(p.box is not None for p in placed) >= 20  # most items still carry a label


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.floats(0, 690), st.floats(0, 250), st.booleans(),
                          st.text(min_size=0, max_size=60)), max_size=40),
       st.sampled_from([300.0, 700.0]))
def test_no_overlap_for_any_set_of_items(raw: list[tuple[int, float, float, bool, str]], width: float) -> None:
    items = [Item(f"k{i}", f"L{lane}", min(x, width), min(width, x + (0 if point else length)), title, point=point)
             for i, (lane, x, length, point, title) in enumerate(raw)]
    check(items, width)
