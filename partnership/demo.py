"""The example project: a sports club and a library running a homework café.

Its content is pure data (``example_data``: an export document, with dates around
``today`` so that the timeline and the dashboard look alive whenever it is opened). The
store creates it in one transaction (``Store.create_example``), so a failure leaves no
half project. Approvals are never taken from data, so ``create_demo`` then signs it
through ``Store.approve`` as each side, like two people would; should that fail, the new
project is deleted again (see ``create_demo``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from partnership import agreement, contact, exchange, health, meetings_demo
from partnership.model import (
    Access,
    Candidate,
    CandidateStatus,
    FieldValue,
    HealthCheck,
    HistoryEntry,
    Person,
    Project,
    Role,
    Side,
    Snapshot,
    Task,
    TaskKind,
    TaskStatus,
)
from partnership.model_term import FundingStatus
from partnership.store.base import Store, new_token

ASSOCIATION = "Boldklubben Nørrebro"
PARTNER = "Nørrebro Bibliotek"

FIELDS_DA = {
    "s1_vision_fit": "Vi vil give børn i bydelen et trygt fællesskab gennem idræt. Et partnerskab passer til "
    "vores værdi om at være en klub for hele kvarteret – også de børn, der ikke spiller bold.",
    "s1_partner_help": "Lokaler om eftermiddagen, voksne med faglig viden og kontakt til familier, vi ikke "
    "møder på banen.",
    "s1_our_offer": "12 engagerede frivillige trænere, erfaring med at skabe ro og struktur for børn, og et "
    "stort netværk af forældre.",
    "s1_idea": "En ugentlig lektiecafé for børn i 4.–7. klasse, hvor frivillige fra klubben og bibliotekets "
    "medarbejdere hjælper sammen – gerne med lidt bevægelse undervejs.",
    "s3_plan_b": "Får vi nej, skriver vi inden for en uge til Skolen på Nørrebro Park, som er nummer to.",
    "s4_vision": "Alle børn på Nørrebro har et sted at lave lektier med en voksen ved siden af – og et "
    "fællesskab, der rækker ud over skolen.",
    "s4_objectives": "- 30 børn kommer fast i lektiecaféen inden sommerferien\n"
    "- 10 frivillige er med hver uge\n- Forældrene kender tilbuddet fra både klubben og biblioteket",
    "s4_how": "Klubben stiller frivillige og står for bevægelsespauser. Biblioteket stiller lokale, "
    "materialer og en medarbejder hver tirsdag 15–17. Vi starter med en åbningsdag og evaluerer efter tre "
    "måneder.",
    "s4_funding": "Vi søger Nørrebro Lokaludvalgs pulje til materialer og frugt. Ole fra biblioteket er "
    "ansvarlig; fristen er om seks uger.",
    "s5_follow_up": "Vi mødes hver tredje måned i en time på biblioteket. Begge parters tovholdere deltager, "
    "og vi laver et sundhedstjek af samarbejdet hver gang.",
    "s5_term": "Aftalen gælder i ét år fra underskrift. Ændringer aftales på et opfølgningsmøde og skrives "
    "ind her. Begge parter kan stoppe samarbejdet med en måneds varsel.",
}


def create_demo(store: Store, creator: str = "Eksempel", today: date | None = None,
                lang: str = "da", caller: str | None = None) -> tuple[Access, dict[str, str]]:
    """Create the example project and return the owner's Access and the three links.

    One atomic creation, then two people opt in to mail (``MAIL``), then one approval per
    side (approvals are never imported), then the follow-up meetings (``meetings_demo``).
    If a step after the creation fails, the project is deleted again and the error raised:
    the caller never gets a half example. Only if the deletion fails too does an unsigned
    example remain, whose links nobody has received."""
    access, tokens = store.create_example(example_data(creator, today, lang), creator, caller=caller)
    try:
        _opt_in(store, access, store.open(tokens["partner"]))
        _funding_and_term(store, access, store.open(tokens["partner"]), creator, today or date.today())
        text = agreement.render_markdown(store.snapshot(access), lang)
        digest = agreement.content_hash(text)
        store.approve(access, OWNER_SIGNER, digest, text, creator)
        store.approve(store.open(tokens["partner"]), PARTNER_SIGNER, digest, text, PARTNER_SIGNER)
        meetings_demo.add_meetings(store, access, store.open(tokens["partner"]), today or date.today(), creator,
                                   PARTNER_SIGNER)
    except Exception:
        try:
            store.delete_project(access)
        except Exception:  # noqa: BLE001, S110 - the first error is the one to report
            pass
        raise
    return access, tokens


MAIL = (("Anna Holm", "anna.holm@example.org", "da", True), ("Ole Berg", "ole.berg@example.org", "en", False))
"""Who opted in to mail in the example (name, address, language, weekly digest), each
through their own side's link, before the signing: so ``python -m partnership remind``
right after ``demo`` sends each of them the notice that the other side approved, and Anna
her first digest (example.org addresses reach nobody)."""


def _opt_in(store: Store, owner: Access, partner: Access) -> None:
    people = {p.name: p for p in store.snapshot(owner).people}
    for name, email, lang, digest in MAIL:
        person = people[name]
        token = new_token()
        store.mail_subscribe(partner if person.side is Side.PARTNER else owner, person.id, email, lang, name,
                             confirm_token=token, digest=digest)
        # The example's people are made up (example.org reaches nobody), so their opt-in is
        # confirmed here with the token at once instead of through a mailed link; every
        # real opt-in waits for its confirmation link (double opt-in).
        store.mail_confirm(token)


def example_data(creator: str = "Eksempel", today: date | None = None, lang: str = "da") -> dict[str, Any]:
    """The example project as an export document (``partnership.exchange``): pure data,
    unsigned. Its history has one entry per record, as the app wrote it."""
    today = today or date.today()
    now = datetime.now(UTC)
    snap = _snapshot(creator, today, lang, now)
    return exchange.to_dict(snap, _history(snap, creator, now))


OWNER_SIGNER = "Anna Holm"
PARTNER_SIGNER = "Ole Berg"

_SCORES: list[tuple[str, dict[str, Any]]] = [
    ("Nørrebro Bibliotek", {"resources": 5, "competences": 4, "values": 5, "fit": 5, "priority": 1,
                            "note": "Har lokaler og ønsker flere børn i huset."}),
    ("Skolen på Nørrebro Park", {"resources": 4, "competences": 5, "values": 4, "fit": 3, "priority": 2}),
    ("Ældresagen Nørrebro", {"resources": 3, "competences": 3, "values": 4, "fit": 3, "priority": 3}),
    ("Kvarterets Café", {"resources": 2, "competences": 2, "values": 3, "fit": 2}),
    ("Spejderne", {"resources": 3, "competences": 3, "values": 5, "fit": 2, "status": CandidateStatus.SET_ASIDE}),
]

_OWNER_FIELDS = ("s1_vision_fit", "s1_partner_help", "s1_our_offer", "s1_idea", "s3_plan_b", "s4_vision",
                 "s4_objectives", "s4_how", "s4_funding", "s5_follow_up", "s5_term")


def _id() -> str:
    return uuid.uuid4().hex


def _snapshot(me: str, today: date, lang: str, now: datetime) -> Snapshot:
    """Everything but the e-mail, which is drafted from the rest (as step 3 does)."""
    project = Project("", "Lektiecafé på biblioteket", ASSOCIATION, PARTNER, "https://boldklubben-noerrebro.dk", me,
                      now, 1)
    fields = {k: FieldValue(k, FIELDS_DA[k], 1, me, now) for k in _OWNER_FIELDS}
    candidates = [Candidate(_id(), name, n, **values, updated_by=me, updated_at=now)
                  for n, (name, values) in enumerate(_SCORES, start=1)]
    people = _people(me, now)
    snap = Snapshot(project, Role.OWNER, 0, fields, candidates, people, [], invitation=FIELDS_DA["s1_idea"])
    email = contact.draft_email(snap, contact.chosen(snap), lang, sender=OWNER_SIGNER)
    fields["s3_email"] = FieldValue("s3_email", email, 1, me, now)
    tasks = _tasks(me, today, now, {p.name: p.id for p in people})
    ours = health.validate_answers({"shared_goals": ("green", "Vi trækker i samme retning."),
                                    "communication": ("amber", "Mails bliver nogle gange væk.")})
    theirs = health.validate_answers({"shared_goals": ("green", ""), "communication": ("green", "Fint at mødes fast.")})
    checks = [HealthCheck(_id(), Side.ASSOCIATION, OWNER_SIGNER, now, ours),
              HealthCheck(_id(), Side.PARTNER, PARTNER_SIGNER, now + timedelta(milliseconds=1), theirs)]
    return Snapshot(project, Role.OWNER, 0, fields, candidates, people, tasks, health_checks=checks,
                    invitation=FIELDS_DA["s1_idea"])


def _people(me: str, now: datetime) -> list[Person]:
    ours = [("Anna Holm", "Formand", "anna@example.dk", True, True), ("Karim Said", "Træner", "", True, False),
            ("Mette Lund", "Kasserer", "", False, True)]
    theirs = [("Ole Berg", "Bibliotekar", "ole@example.dk", False, True),
              ("Sara Nielsen", "Børnebibliotekar", "", False, True)]
    return ([Person(_id(), n, Side.ASSOCIATION, t, c, m, w, updated_by=me, updated_at=now) for n, t, c, m, w in ours]
            + [Person(_id(), n, Side.PARTNER, t, c, m, w, updated_by=PARTNER_SIGNER, updated_at=now)
               for n, t, c, m, w in theirs])


def _tasks(me: str, today: date, now: datetime, who: dict[str, str]) -> list[Task]:
    def day(n: int) -> date:
        return today + timedelta(days=n)

    a, s, m, o = who["Anna Holm"], who["Sara Nielsen"], who["Mette Lund"], who["Ole Berg"]
    assoc, partner = Side.ASSOCIATION, Side.PARTNER
    done, going, planned = TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.PLANNED
    milestone, activity, task, follow_up = TaskKind.MILESTONE, TaskKind.ACTIVITY, TaskKind.TASK, TaskKind.FOLLOW_UP
    plan: list[tuple[str, TaskKind, str, Side, date | None, date, TaskStatus]] = [
        ("Åbningsdag for familier", milestone, a, assoc, None, day(-21), done),
        ("Lektiecafé hver tirsdag", activity, s, partner, day(-21), day(120), going),
        ("Bevægelsespauser i caféen", activity, m, assoc, day(-14), day(120), going),
        ("Ansøgning til lokaludvalgets pulje", task, o, partner, day(-10), day(-2), going),
        ("Rekruttér 4 nye frivillige", task, a, assoc, day(0), day(30), planned),
        ("Plakater til skolerne", task, s, partner, day(3), day(10), planned),
        ("Opfølgningsmøde 1", follow_up, o, partner, None, day(meetings_demo.FIRST_DAYS), planned),
        ("Opfølgningsmøde 2", follow_up, a, assoc, None, day(meetings_demo.SECOND_DAYS), planned),
        ("Sommerafslutning", milestone, m, assoc, None, day(125), planned),
    ]
    chased = Task(_id(), f"Følg op på henvendelsen til {PARTNER}", follow_up, a, assoc, None, day(-40), done,
                  internal=True, updated_by=me, updated_at=now)
    return [chased, *(Task(_id(), title, kind, person, side, start, due, status, updated_by=me, updated_at=now)
                      for title, kind, person, side, start, due, status in plan)]


def _history(snap: Snapshot, me: str, now: datetime) -> list[HistoryEntry]:
    """One entry per record, as if each had been written once by its side; newest first."""
    def entry(entity: str, target: str, new: str, side: Side = Side.ASSOCIATION) -> HistoryEntry:
        role, actor = (Role.PARTNER, PARTNER_SIGNER) if side is Side.PARTNER else (Role.OWNER, me)
        return HistoryEntry(0, entity, target, actor, role, now, "", new, 1)

    out = [entry("field", f.key, f.value) for f in snap.fields.values()]
    out += [entry("candidate", c.id, exchange.content_json(c)) for c in snap.candidates]
    out += [entry("person", p.id, exchange.content_json(p), p.side) for p in snap.people]
    out += [entry("task", t.id, exchange.content_json(t)) for t in snap.tasks]
    out += [entry("health", h.id, exchange.content_json(h), h.side) for h in snap.health_checks]
    return list(reversed(out))


# -- funding applications and the agreement's period (issue 25) --------------------------------

FUNDING: tuple[tuple[str, int, int, FundingStatus, str], ...] = (
    ("Københavns Kommunes Frivilligpulje", 15_000, -45, FundingStatus.GRANTED, "Anna Holm"),
    ("Nørrebro Lokaludvalgs pulje", 25_000, -20, FundingStatus.GRANTED, "Ole Berg"),
    ("Tuborgfondet", 40_000, -5, FundingStatus.SENT, "Mette Lund"),
    ("Egmont Fonden", 60_000, 21, FundingStatus.PLANNED, "Sara Nielsen"),
)
"""(fund, kroner, deadline in days from today, status, responsible): two granted, one sent
and waiting for an answer, one still to write with its deadline ahead."""

TERM_DAYS = (-30, 335)
"""The agreement's period in days from today: one year, begun a month ago."""


def _funding_and_term(store: Store, owner: Access, partner: Access, creator: str, today: date) -> None:
    people = {p.name: p for p in store.snapshot(owner).people}
    for fund, amount, days, status, who in FUNDING:
        person = people[who]
        writer, actor = (partner, PARTNER_SIGNER) if person.side is Side.PARTNER else (owner, creator)
        store.add_funding(writer, {"fund": fund, "amount": amount, "deadline": today + timedelta(days=days),
                                   "status": status, "responsible": person.id}, actor)
    store.set_term(owner, today + timedelta(days=TERM_DAYS[0]), today + timedelta(days=TERM_DAYS[1]), 0, creator)
