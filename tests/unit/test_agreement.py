"""The agreement text, its hash, the completeness check, the balance and the CSV table."""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from partnership.agreement import (
    ELEMENTS,
    balance,
    completeness,
    content_hash,
    missing_required,
    neutralise_formula,
    render_markdown,
    to_csv_rows,
)
from partnership.agreement_export import markdown_to_html
from partnership.i18n import catalogues, t
from partnership.i18n.catalog_agreement import DA, EN
from partnership.model import (
    FieldValue,
    Person,
    Project,
    Role,
    Side,
    Snapshot,
    Task,
    TaskKind,
    TaskStatus,
)

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)

JOINT = {
    "s4_vision": "Flere unge skal opleve naturen sammen.",
    "s4_objectives": "Vi vil nå 40 unge.\n- Fire ture om året\n- En fælles sommerlejr",
    "s4_how": "Spejderne stiller med ledere, kommunen med busser.",
    "s4_funding": "Vi søger Friluftsrådet om 25.000 kr.",
    "s5_follow_up": "Vi mødes hvert kvartal og ser på, hvordan det går.",
    "s5_term": "Aftalen gælder fra 1. januar 2027 til 31. december 2027.",
}


def project(**changes: object) -> Project:
    base = Project(
        id="p1",
        title="Natur for alle",
        our_org="Spejderne Nord",
        partner_org="Naturskolen",
        website="https://example.org",
        created_by="Mette",
        created_at=NOW,
        version=1,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def empty_snapshot(**project_changes: object) -> Snapshot:
    return Snapshot(project=project(**project_changes), role=Role.OWNER, revision=1, fields={})


def full_snapshot() -> Snapshot:
    fields = {k: FieldValue(k, v, version=1) for k, v in JOINT.items()}
    fields["s1_idea"] = FieldValue("s1_idea", "HEMMELIG intern idé", version=1)
    fields["s3_plan_b"] = FieldValue("s3_plan_b", "HEMMELIG plan B", version=1)
    people = [
        Person("a1", "Mette Hansen", Side.ASSOCIATION, title="Formand", contact="mette@example.org",
               working_group=True),
        Person("a2", "Jonas Berg", Side.ASSOCIATION, title="Kasserer", first_meeting=True),
        Person("b1", "Sara Øster", Side.PARTNER, title="Naturvejleder", contact="+45 12 34 56 78",
               working_group=True),
    ]
    tasks = [
        Task("t1", "Forårstur i skoven", TaskKind.ACTIVITY, responsible="a1", side=Side.ASSOCIATION,
             start=date(2027, 3, 1), due=date(2027, 3, 15), note="husk madpakker"),
        Task("t2", "Sommerlejr", TaskKind.ACTIVITY, responsible="b1", side=Side.PARTNER,
             start=date(2027, 7, 1), due=date(2027, 7, 7), status=TaskStatus.IN_PROGRESS),
        Task("t3", "Kvartalsmøde", TaskKind.FOLLOW_UP, responsible="a1", side=Side.ASSOCIATION,
             due=date(2027, 4, 1)),
        Task("t4", "Ring til kommunen", TaskKind.FOLLOW_UP, responsible="a2", internal=True,
             due=date(2026, 12, 1)),
    ]
    return Snapshot(project=project(), role=Role.OWNER, revision=7, fields=fields, people=people,
                    tasks=tasks)


def with_field(snap: Snapshot, key: str, value: str) -> Snapshot:
    return replace(snap, fields={**snap.fields, key: FieldValue(key, value, version=2)})


def with_task(snap: Snapshot, task_id: str, **changes: object) -> Snapshot:
    return replace(snap, tasks=[replace(x, **changes) if x.id == task_id else x for x in snap.tasks])  # type: ignore[arg-type]


def with_person(snap: Snapshot, person_id: str, **changes: object) -> Snapshot:
    return replace(snap, people=[replace(p, **changes) if p.id == person_id else p for p in snap.people])  # type: ignore[arg-type]


# --- the catalogue ---------------------------------------------------------------------


def test_catalogue_has_the_same_keys_in_both_languages() -> None:
    assert DA.keys() == EN.keys()
    assert all(DA[k].strip() and EN[k].strip() for k in DA)


def test_catalogue_merges_and_every_element_and_state_has_a_label() -> None:
    for key in ELEMENTS:
        assert key in catalogues()["da"] and key in catalogues()["en"]
    for state in ("missing", "partly", "in_place"):
        assert t(f"agr.state.{state}", "da") != f"agr.state.{state}"
    for kind in TaskKind:
        assert t(f"agr.kind.{kind.value}", "en") != f"agr.kind.{kind.value}"
    for status in TaskStatus:
        assert t(f"agr.status.{status.value}", "da") != f"agr.status.{status.value}"


# --- the text --------------------------------------------------------------------------


def test_empty_snapshot_gives_a_complete_skeleton_with_placeholders() -> None:
    text = render_markdown(empty_snapshot(partner_org=""), "da")
    assert text.startswith("# Samarbejdsaftale\n")
    assert "ikke juridisk bindende samarbejdsaftale" in text
    for key in ("parties", "vision", "objectives", "how", "activities", "responsible", "funding",
                "follow_up", "follow_up_meetings", "term"):
        assert f" {DA[f'agr.h.{key}']}\n" in text, key
    assert text.count(DA["agr.empty"]) == 7  # partner name + six joint fields
    assert DA["agr.none_activities"] in text and DA["agr.none_meetings"] in text
    assert text.count(DA["agr.none_people"]) == 4  # contacts and working group, both sides
    assert "Kontaktpersoner hos Partneren" in text  # a missing name falls back to the role


def test_empty_snapshot_in_english() -> None:
    text = render_markdown(empty_snapshot(), "en")
    assert text.startswith("# Cooperation agreement\n")
    assert "non-binding cooperation agreement" in text
    assert "Samarbejdsaftale" not in text


def test_full_snapshot_contains_the_joint_data() -> None:
    snap = full_snapshot()
    text = render_markdown(snap, "da")
    assert "**Projekt:** Natur for alle" in text
    assert "- **Foreningen:** Spejderne Nord" in text
    assert "- **Partneren:** Naturskolen" in text
    for value in ("Flere unge skal opleve naturen sammen\\.", "Friluftsrådet om 25\\.000 kr\\.",
                  "Vi mødes hvert kvartal", "31\\. december 2027"):
        assert value.replace("\\", "") in text.replace("\\", ""), value
    # The user's own bullet lines stay a list.
    assert "- Fire ture om året\n- En fælles sommerlejr" in text
    # Contact persons with title and contact, both sides.
    assert "- **Mette Hansen**, Formand, mette@example.org" in text
    assert "- **Jonas Berg**, Kasserer" in text
    assert "- **Sara Øster**, Naturvejleder, \\+45 12 34 56 78" in text
    # Activities under their own heading, with side, responsible name and Danish dates.
    activities = text[text.index("### Aktiviteter\n"):text.index("## Ansvarlige og arbejdsgruppe")]
    assert ("- **Forårstur i skoven** · Spejderne Nord · Ansvarlig: Mette Hansen · "
            "1. mar. 2027–15. mar. 2027") in activities
    assert "- **Sommerlejr** · Naturskolen · Ansvarlig: Sara Øster · 1. jul. 2027–7. jul. 2027" in activities
    # The joint follow-up meeting, under follow-up only.
    assert ("- **Kvartalsmøde** · Spejderne Nord · Ansvarlig: Mette Hansen · "
            "den 1. apr. 2027") in text  # a meeting, not a deadline
    assert text.index("Kvartalsmøde") > text.index("## Opfølgning")
    # Working group: only working_group people, per side.
    group = text[text.index("## Ansvarlige og arbejdsgruppe"):text.index("## Ekstern finansiering")]
    assert "Mette Hansen" in group and "Sara Øster" in group and "Jonas Berg" not in group
    assert "### Fra Spejderne Nord" in group and "### Fra Naturskolen" in group


def test_internal_data_status_and_notes_are_not_in_the_agreement() -> None:
    text = render_markdown(full_snapshot(), "da")
    assert "HEMMELIG" not in text
    assert "Ring til kommunen" not in text  # internal follow-up from step 3
    assert "husk madpakker" not in text  # note
    assert "I gang" not in text and "Planlagt" not in text  # status


def test_same_content_same_text_for_owner_and_partner() -> None:
    owner = full_snapshot()
    partner = replace(
        owner,
        role=Role.PARTNER,
        fields={k: v for k, v in owner.fields.items() if k.startswith(("s4", "s5"))},
        tasks=[x for x in owner.tasks if not x.internal],
        people=list(reversed(owner.people)),
    )
    assert render_markdown(owner) == render_markdown(partner)


def test_task_order_follows_the_dates() -> None:
    text = render_markdown(full_snapshot())
    assert text.index("Forårstur i skoven") < text.index("Sommerlejr")
    later = with_task(full_snapshot(), "t1", start=date(2027, 9, 1), due=date(2027, 9, 2))
    text = render_markdown(later)
    assert text.index("Sommerlejr") < text.index("Forårstur i skoven")


def test_dates_with_only_one_end_or_none() -> None:
    snap = with_task(full_snapshot(), "t1", start=date(2027, 3, 1), due=None)
    assert "Ansvarlig: Mette Hansen · fra 1. mar. 2027" in render_markdown(snap)
    snap = with_task(full_snapshot(), "t1", start=None, due=None, responsible="")
    assert ("Forårstur i skoven** · Spejderne Nord · Ansvarlig: ingen ansvarlig endnu · "
            "ingen dato endnu") in render_markdown(snap)
    snap = with_task(full_snapshot(), "t1", start=date(2027, 3, 1), due=date(2027, 3, 1))
    assert "Mette Hansen · 1. mar. 2027\n" in render_markdown(snap)


@pytest.mark.parametrize(
    "hostile",
    ["# Overskrift", "- punkt", "1. nummer", "2) nummer", "> citat", "<b>fed</b>", "&lt;b&gt;", "**fed**",
     "[klik](javascript:alert(1))", "`kode`", "    indrykket kode", "---", "===", "a\\", "x_y_z", "Foo #",
     "<!-- c -->", "* * *", "+ plus", "- - -", "\\", "a  \\\\", "&#60;script&#62;", "<http://x.dk>", "![i](x.png)"],
)
def test_user_text_cannot_make_structure(hostile: str) -> None:
    """Whatever the user writes comes out of a Markdown renderer as exactly that text."""
    snap = with_field(empty_snapshot(), "s4_vision", hostile)
    snap = replace(snap, people=[Person("p", hostile, Side.PARTNER, title=hostile, contact=hostile)])
    page = markdown_to_html(render_markdown(snap))
    shown = html.escape(hostile.strip(), quote=False)
    bullet = re.match(r"[-*+] (.*)", hostile)
    if bullet:  # the user's own list lines stay a list, with the rest as plain text
        assert f"<h2>Fælles vision</h2>\n<ul>\n<li>{html.escape(bullet.group(1))}</li>\n</ul>\n<h2>" in page
    else:
        assert f"<h2>Fælles vision</h2>\n<p>{shown}</p>\n<h2>" in page
    name = html.escape(" ".join(hostile.split()), quote=False)  # names are one line, single-spaced
    assert f"<li><strong>{name}</strong>, {name}, {name}</li>" in page
    assert "<b>" not in page and "href" not in page and "<code>" not in page and "<!--" not in page


def test_content_hash_is_sha256_of_utf8_with_normalised_line_endings() -> None:
    assert content_hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert content_hash("a\r\nb\rc\n") == content_hash("a\nb\nc\n")
    assert content_hash("æøå") != content_hash("aoa")
    assert re.fullmatch(r"[0-9a-f]{64}", content_hash("x"))


def test_hash_is_stable() -> None:
    assert content_hash(render_markdown(full_snapshot())) == content_hash(render_markdown(full_snapshot()))


@pytest.mark.parametrize("key", sorted(JOINT))
def test_hash_changes_with_every_joint_field(key: str) -> None:
    snap = full_snapshot()
    changed = with_field(snap, key, snap.field(key).value + " Ændret.")
    assert content_hash(render_markdown(changed)) != content_hash(render_markdown(snap))


@pytest.mark.parametrize(
    "change",
    [
        lambda s: replace(s, project=replace(s.project, partner_org="Naturskolen ApS")),
        lambda s: replace(s, project=replace(s.project, our_org="Spejderne Syd")),
        lambda s: replace(s, project=replace(s.project, title="Natur for flere")),
        lambda s: with_task(s, "t1", title="Efterårstur"),
        lambda s: with_task(s, "t1", due=date(2027, 3, 16)),
        lambda s: with_task(s, "t1", start=date(2027, 2, 28)),
        lambda s: with_task(s, "t1", responsible="a2"),
        lambda s: with_task(s, "t1", side=Side.PARTNER),
        lambda s: with_task(s, "t1", kind=TaskKind.MILESTONE),
        lambda s: with_task(s, "t3", due=date(2027, 4, 2)),
        lambda s: with_person(s, "a1", name="Mette H. Hansen"),
        lambda s: with_person(s, "b1", contact="sara@example.org"),
        lambda s: with_person(s, "a2", working_group=True),
        lambda s: replace(s, tasks=[*s.tasks, Task("t9", "Ny aktivitet", TaskKind.ACTIVITY)]),
    ],
)
def test_hash_changes_with_joint_records(change: object) -> None:
    snap = full_snapshot()
    changed = change(snap)  # type: ignore[operator]
    assert content_hash(render_markdown(changed)) != content_hash(render_markdown(snap))


@pytest.mark.parametrize(
    "change",
    [
        lambda s: with_task(s, "t1", status=TaskStatus.DONE),
        lambda s: with_task(s, "t2", status=TaskStatus.BLOCKED),
        lambda s: with_task(s, "t1", note="ny note", version=5, updated_by="Sara", updated_at=NOW),
        lambda s: with_task(s, "t4", title="Intern opgave ændret", due=date(2027, 1, 1)),
        lambda s: with_field(s, "s1_idea", "ny intern idé"),
        lambda s: replace(s, revision=99, project=replace(s.project, version=9)),
        lambda s: with_person(s, "a2", first_meeting=False, version=3),
    ],
)
def test_hash_ignores_status_notes_and_internal_data(change: object) -> None:
    snap = full_snapshot()
    changed = change(snap)  # type: ignore[operator]
    assert content_hash(render_markdown(changed)) == content_hash(render_markdown(snap))


# --- completeness ----------------------------------------------------------------------


def test_completeness_of_an_empty_snapshot() -> None:
    states = dict(completeness(empty_snapshot(partner_org="")))
    assert list(states) == list(ELEMENTS)
    assert states["agr.el.parties"] == "partly"
    assert all(state == "missing" for key, state in states.items() if key != "agr.el.parties")
    assert missing_required(empty_snapshot(partner_org="")) == [
        "agr.el.parties", "agr.el.vision", "agr.el.objectives", "agr.el.activities",
        "agr.el.responsible", "agr.el.follow_up", "agr.el.term",
    ]


def test_completeness_of_a_full_snapshot() -> None:
    snap = full_snapshot()
    states = dict(completeness(snap))
    assert states == {key: "in_place" for key in ELEMENTS}
    assert missing_required(snap) == []


def test_completeness_partly_states() -> None:
    snap = full_snapshot()
    snap = with_person(snap, "b1", working_group=False, contact="")  # partner: no group, no contact
    snap = with_task(snap, "t2", start=None, due=None, responsible="")  # undated, unstaffed
    snap = with_task(snap, "t3", internal=True)  # no joint follow-up meeting left
    states = dict(completeness(snap))
    assert states["agr.el.responsible"] == "partly"
    assert states["agr.el.contacts"] == "partly"
    assert states["agr.el.activities"] == "partly"
    assert states["agr.el.timeline"] == "partly"
    assert states["agr.el.follow_up"] == "partly"
    # Only the responsible persons block: activities and follow-up are partly, not missing.
    assert missing_required(snap) == ["agr.el.responsible"]


def test_completeness_blank_text_is_missing_and_partner_name_required() -> None:
    snap = with_field(full_snapshot(), "s4_vision", "   \n\t ")
    snap = replace(snap, project=replace(snap.project, partner_org=" "))
    states = dict(completeness(snap))
    assert states["agr.el.vision"] == "missing" and states["agr.el.parties"] == "partly"
    assert missing_required(snap) == ["agr.el.parties", "agr.el.vision"]


def test_only_milestones_are_not_yet_activities() -> None:
    snap = replace(full_snapshot(), tasks=[Task("m", "Start", TaskKind.MILESTONE, responsible="a1",
                                                due=date(2027, 1, 1))])
    states = dict(completeness(snap))
    assert states["agr.el.activities"] == "partly"
    assert states["agr.el.timeline"] == "in_place"
    assert states["agr.el.follow_up"] == "partly"  # the plan text, no meeting


def test_funding_contacts_and_how_do_not_block() -> None:
    snap = with_field(with_field(full_snapshot(), "s4_funding", ""), "s4_how", "")
    snap = replace(snap, people=[replace(p, contact="") for p in snap.people])
    states = dict(completeness(snap))
    assert states["agr.el.funding"] == "missing" and states["agr.el.how"] == "missing"
    assert states["agr.el.contacts"] == "partly"
    assert missing_required(snap) == []


# --- balance ---------------------------------------------------------------------------


def test_balance() -> None:
    snap = with_task(full_snapshot(), "t1", status=TaskStatus.DONE)
    assert balance(snap) == {
        Side.ASSOCIATION: {"tasks": 2, "open": 1, "responsible": 1},  # t1 done, t3 open; t4 internal
        Side.PARTNER: {"tasks": 1, "open": 1, "responsible": 1},
    }
    assert balance(empty_snapshot()) == {
        Side.ASSOCIATION: {"tasks": 0, "open": 0, "responsible": 0},
        Side.PARTNER: {"tasks": 0, "open": 0, "responsible": 0},
    }


# --- formulas and CSV ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("＝1+1", "'＝1+1"),
        ("＋cmd", "'＋cmd"),
        ("－2", "'－2"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ("﹦1", "'﹦1"),
        ("\u3000＝1", "'\u3000＝1"),
        ("\u22122", "'\u22122"),
        ("\r\n=1", "'\r\n=1"),
        ("Ａ＝B", "Ａ＝B"),
        ("Sommerlejr", "Sommerlejr"),
        ("", ""),
        ("a=b", "a=b"),
        ("æøå 🤝", "æøå 🤝"),
    ],
)
def test_neutralise_formula(text: str, expected: str) -> None:
    assert neutralise_formula(text) == expected


def test_csv_rows_of_the_task_table() -> None:
    rows = list(csv.reader(io.StringIO(to_csv_rows(full_snapshot(), "da"))))
    assert rows[0] == ["Titel", "Type", "Ansvarlig", "Part", "Start", "Frist", "Status", "Note"]
    assert rows[1] == ["Forårstur i skoven", "Aktivitet", "Mette Hansen", "Spejderne Nord", "2027-03-01",
                       "2027-03-15", "Planlagt", "husk madpakker"]
    assert [r[0] for r in rows[1:]] == ["Forårstur i skoven", "Kvartalsmøde", "Sommerlejr"]
    internal = list(csv.reader(io.StringIO(to_csv_rows(full_snapshot(), "en", include_internal=True))))
    assert internal[0][-1] == "Internal"
    assert ["Ring til kommunen", "Yes"] == [internal[1][0], internal[1][-1]]


def test_csv_semicolon_for_danish_spreadsheets() -> None:
    text = to_csv_rows(full_snapshot(), "da", delimiter=";")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[2][:2] == ["Kvartalsmøde", "Opfølgningsmøde"]


def test_every_commitment_is_in_the_agreement_grouped_by_kind() -> None:
    """A plain task is a commitment too (the partner's "Rekruttér 6 frivillige"); each
    kind has its own heading, in the order activities, tasks, milestones."""
    snap = full_snapshot()
    snap = replace(snap, tasks=[*snap.tasks,
                                Task("t8", "Rekruttér 6 frivillige lektiehjælpere", TaskKind.TASK, responsible="b1",
                                     side=Side.PARTNER, due=date(2027, 2, 1)),
                                Task("t9", "Første halvår evalueret", TaskKind.MILESTONE, side=Side.ASSOCIATION,
                                     due=date(2027, 6, 30))])
    text = render_markdown(snap, "da")
    plan = text[text.index("## Aktiviteter og tidsplan"):text.index("## Ansvarlige og arbejdsgruppe")]
    heads = [plan.index(f"### {t(f'agr.h.group.{k}', 'da')}\n") for k in ("activity", "task", "milestone")]
    assert heads == sorted(heads)
    task_at = plan.index("Rekruttér 6 frivillige lektiehjælpere")
    milestone_at = plan.index("Første halvår evalueret")
    assert heads[1] < task_at < heads[2] < milestone_at
    assert "Kvartalsmøde" not in plan  # follow-up meetings stay under follow-up
