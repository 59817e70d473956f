"""The example project: a sports club and a library running a homework café.

Built through the Store contract only, with dates around ``today`` so that the timeline
and the dashboard look alive whenever it is opened.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from partnership import agreement, contact
from partnership.model import Access
from partnership.store.base import Store

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
                lang: str = "da") -> tuple[Access, dict[str, str]]:
    """Create the example project and return the owner's Access and the three links."""
    today = today or date.today()
    access, tokens = store.create_project("Lektiecafé på biblioteket", ASSOCIATION, creator)
    me = creator

    def day(n: int) -> str:
        return (today + timedelta(days=n)).isoformat()

    for key in ("s1_vision_fit", "s1_partner_help", "s1_our_offer", "s1_idea"):
        store.set_field(access, key, FIELDS_DA[key], 0, me)
    store.update_project(access, {"website": "https://boldklubben-noerrebro.dk"}, 1, me)

    scores: list[tuple[str, dict[str, Any]]] = [
        ("Nørrebro Bibliotek", {"resources": 5, "competences": 4, "values": 5, "fit": 5, "priority": 1,
                                "note": "Har lokaler og ønsker flere børn i huset."}),
        ("Skolen på Nørrebro Park", {"resources": 4, "competences": 5, "values": 4, "fit": 3, "priority": 2}),
        ("Ældresagen Nørrebro", {"resources": 3, "competences": 3, "values": 4, "fit": 3, "priority": 3}),
        ("Kvarterets Café", {"resources": 2, "competences": 2, "values": 3, "fit": 2}),
        ("Spejderne", {"resources": 3, "competences": 3, "values": 5, "fit": 2, "status": "set_aside"}),
    ]
    for name, changes in scores:
        cand = store.add_candidate(access, name, me)
        store.update_candidate(access, cand.id, changes, cand.version, me)

    anna = store.add_person(access, {"name": "Anna Holm", "side": "association", "title": "Formand",
                                     "contact": "anna@example.dk", "first_meeting": True, "working_group": True},
                            me)
    store.add_person(access, {"name": "Karim Said", "side": "association", "title": "Træner",
                              "first_meeting": True}, me)
    mette = store.add_person(access, {"name": "Mette Lund", "side": "association", "title": "Kasserer",
                                      "working_group": True}, me)
    snap = store.snapshot(access)
    email = contact.draft_email(snap, contact.chosen(snap), lang, sender="Anna Holm")
    store.set_field(access, "s3_email", email, 0, me)
    store.set_field(access, "s3_plan_b", FIELDS_DA["s3_plan_b"], 0, me)
    follow = store.add_task(access, {"title": f"Følg op på henvendelsen til {PARTNER}", "kind": "follow_up",
                                     "internal": True, "responsible": anna.id, "side": "association",
                                     "due": day(-40)}, me)
    store.update_task(access, follow.id, {"status": "done"}, 1, me)
    store.update_project(access, {"partner_org": PARTNER}, 2, me)

    partner = store.open(tokens["partner"])
    ole = store.add_person(partner, {"name": "Ole Berg", "side": "partner", "title": "Bibliotekar",
                                     "contact": "ole@example.dk", "working_group": True}, "Ole Berg")
    sara = store.add_person(partner, {"name": "Sara Nielsen", "side": "partner", "title": "Børnebibliotekar",
                                      "working_group": True}, "Ole Berg")
    for key in ("s4_vision", "s4_objectives", "s4_how", "s4_funding", "s5_follow_up", "s5_term"):
        store.set_field(partner if key in ("s4_funding",) else access, key, FIELDS_DA[key], 0, me)

    plan: list[dict[str, Any]] = [
        {"title": "Åbningsdag for familier", "kind": "milestone", "responsible": anna.id,
         "side": "association", "due": day(-21), "status": "done"},
        {"title": "Lektiecafé hver tirsdag", "kind": "activity", "responsible": sara.id, "side": "partner",
         "start": day(-21), "due": day(120), "status": "in_progress"},
        {"title": "Bevægelsespauser i caféen", "kind": "activity", "responsible": mette.id,
         "side": "association", "start": day(-14), "due": day(120), "status": "in_progress"},
        {"title": "Ansøgning til lokaludvalgets pulje", "kind": "task", "responsible": ole.id, "side": "partner",
         "start": day(-10), "due": day(-2), "status": "in_progress"},
        {"title": "Rekruttér 4 nye frivillige", "kind": "task", "responsible": anna.id, "side": "association",
         "start": day(0), "due": day(30), "status": "planned"},
        {"title": "Plakater til skolerne", "kind": "task", "responsible": sara.id, "side": "partner",
         "start": day(3), "due": day(10), "status": "planned"},
        {"title": "Opfølgningsmøde 1", "kind": "follow_up", "responsible": ole.id, "side": "partner",
         "due": day(12), "status": "planned"},
        {"title": "Opfølgningsmøde 2", "kind": "follow_up", "responsible": anna.id, "side": "association",
         "due": day(102), "status": "planned"},
        {"title": "Sommerafslutning", "kind": "milestone", "responsible": mette.id, "side": "association",
         "due": day(125), "status": "planned"},
    ]
    for fields in plan:
        status = fields.pop("status")
        task = store.add_task(access, fields, me)
        if status != "planned":
            store.update_task(access, task.id, {"status": status}, 1, me)

    text = agreement.render_markdown(store.snapshot(access), lang)
    digest = agreement.content_hash(text)
    store.approve(access, "Anna Holm", digest, text, me)
    store.approve(partner, "Ole Berg", digest, text, "Ole Berg")
    store.add_health_check(access, "Anna Holm", {"shared_goals": ("green", "Vi trækker i samme retning."),
                                                 "communication": ("amber", "Mails bliver nogle gange væk.")},
                           me)
    store.add_health_check(partner, "Ole Berg", {"shared_goals": ("green", ""),
                                                 "communication": ("green", "Fint at mødes fast.")}, "Ole Berg")
    return access, tokens
