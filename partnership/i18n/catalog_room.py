"""The association's room: Møde 1's agenda moved by a facilitator, and a new partnership
started from an earlier one."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- Møde 1's agenda ---------------------------------------------------------------
    "agenda.m1.intro": "Hvad er et partnerskab, og hvad kan det give os?",
    "agenda.m1.step1": "Trin 1: vision, hvad vi har brug for, hvad vi kan tilbyde – og idéen",
    "agenda.m1.step2": "Trin 2: tænk selv i 3 minutter, del alle forslag, vurdér og vælg de tre bedste",
    "agenda.m1.step3": "Trin 3: mail til partneren, hvem tager med til mødet, plan B",
    "agenda.m1.close": "Ansvarlige og dato for opfølgning",
    "agenda.point": "Møde 1 · punkt {n} af {of}: {title} ({minutes} min)",
    "agenda.running_for": "i gang i {minutes} min",
    "agenda.not_started": "Møde 1 er ikke i gang. Den, der leder mødet, fører alle skærme gennem dagsordenen.",
    "agenda.start": "Start møde 1",
    "agenda.previous": "Forrige punkt",
    "agenda.next": "Næste punkt",
    "agenda.end": "Afslut mødet",
    "agenda.go": "Gå til punktet",
    "agenda.moved": "Dagsordenen blev flyttet på en anden skærm lige før – her er den, som den står nu.",

    # -- a new partnership from this one -------------------------------------------------
    "room.start_from": "Start et nyt partnerskab herfra",
    "room.start_from_lead": "Et nyt partnerskab med sine egne links. Trin 1 og listen over mulige partnere "
    "kommer med, med vurderinger og noter, men uden prioritering; dem, der har sagt nej, og jeres "
    "nuværende partner kommer ikke med. Dette partnerskab forbliver, som det er.",
    "room.start_from_button": "Start det nye partnerskab",
}

EN: dict[str, str] = {
    # -- Møde 1's agenda ---------------------------------------------------------------
    "agenda.m1.intro": "What is a partnership, and what can it give us?",
    "agenda.m1.step1": "Step 1: vision, what we need, what we can offer – and the idea",
    "agenda.m1.step2": "Step 2: think alone for 3 minutes, share every suggestion, assess and choose the best three",
    "agenda.m1.step3": "Step 3: e-mail to the partner, who goes to the meeting, plan B",
    "agenda.m1.close": "Who is responsible, and the follow-up date",
    "agenda.point": "Meeting 1 · item {n} of {of}: {title} ({minutes} min)",
    "agenda.running_for": "under way for {minutes} min",
    "agenda.not_started": "Meeting 1 is not under way. Whoever leads the meeting takes every screen through "
    "the agenda.",
    "agenda.start": "Start meeting 1",
    "agenda.previous": "Previous item",
    "agenda.next": "Next item",
    "agenda.end": "End the meeting",
    "agenda.go": "Go to the item",
    "agenda.moved": "The agenda was moved on another screen just now – here it is as it stands.",

    # -- a new partnership from this one -------------------------------------------------
    "room.start_from": "Start a new partnership from here",
    "room.start_from_lead": "A new partnership with links of its own. Step 1 and the list of possible partners "
    "come along, with assessments and notes but no priorities; those who said no and your current partner "
    "do not. This partnership stays as it is.",
    "room.start_from_button": "Start the new partnership",
}
