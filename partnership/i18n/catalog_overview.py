"""The overview page: parties, step progress, the meetings, what to do next and the
follow-up dashboard after signing."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- the overview ------------------------------------------------------------------
    "overview.parties": "{our} og {partner}",
    "overview.no_partner": "{our} · partner ikke valgt endnu",
    "overview.invitation": "Invitationen fra {org}",
    "overview.steps": "De fem trin",
    "overview.done": "Klar",
    "overview.missing": "Mangler: {items}",
    "overview.open_step": "Gå til trin {n}",
    "overview.meetings": "Møderne",
    "overview.meeting1": "Møde 1 · i foreningen (trin 1–3)",
    "overview.meeting1_agenda": "1. Hvad er et partnerskab, og hvad kan det give os? (5 min)\n"
    "2. Trin 1: vision, hvad vi har brug for, hvad vi kan tilbyde – og idéen (30 min)\n"
    "3. Trin 2: tænk selv i 3 minutter, skriv alle forslag op, vurdér og vælg de tre bedste (40 min)\n"
    "4. Trin 3: mail til partneren, hvem tager med til mødet, plan B (25 min)\n"
    "5. Ansvarlige og dato for opfølgning (5 min)",
    "overview.meeting2": "Møde 2 · med partneren (trin 4–5)",
    "overview.meeting2_agenda": "1. Præsentation af begge organisationer (10 min)\n"
    "2. Fælles vision og mål (30 min)\n"
    "3. Hvem gør hvad, hvornår og hvordan – aktiviteter og arbejdsgruppe fra begge sider (40 min)\n"
    "4. Skal vi søge penge udefra, og hvem har ansvaret? (15 min)\n"
    "5. Aftalen: opfølgning, periode, ændringer og ophør (25 min)",
    "overview.next": "Det næste at gøre",
    "overview.nothing_next": "Alt er på plads lige nu.",
    "overview.signed": "Aftalen er underskrevet {when}.",
    "overview.steps_joint": "De fælles trin",

    # -- what to do next ---------------------------------------------------------------
    "next.fill": "Trin {step}: {what}",
    "next.approve": "Læs aftalen igennem og godkend den",
    "next.overdue": "Forsinket: {title} (skulle være klar {due})",
    "next.due": "Snart: {title} ({due})",
    "next.overdue_after_signing": "Forsinkede opgaver: {n} – se dem på tidslinjen",

    # -- the follow-up dashboard -------------------------------------------------------
    "dash.item_meeting": "**{title}** · {who} · møde {due}",
    "dash.title": "Sådan står det til",
    "dash.overdue": "Forsinket",
    "dash.overdue_help": "Opgaver, hvis frist er overskredet, og som ikke er færdige.",
    "dash.soon": "Frist inden for {days} dage",
    "dash.soon_help": "Åbne opgaver med frist fra i dag og {days} dage frem.",
    "dash.next_meeting": "Næste opfølgningsmøde",
    "dash.next_meeting_help": "Det første opfølgningsmøde fra i dag, som ikke er holdt endnu: fra opfølgningsplanen "
    "i trin 5 eller fra fanen Møder på tidslinjen. Et møde i planen og et møde i fanen samme dag er ét møde; et "
    "aflyst møde tæller ikke.",
    "dash.no_meeting": "Intet planlagt",
    "dash.in_days": "om {n} {n:dag|dage}",
    "dash.in_one_day": "i morgen",
    "dash.today": "i dag",
    "dash.open": "Åbne opgaver",
    "dash.open_help": "Opgaver, der ikke er færdige, fordelt på de to organisationer.",
    "dash.uneven": "De fleste åbne opgaver ligger hos {org}. Tal om fordelingen på næste opfølgningsmøde.",
    "dash.overdue_list": "Forsinkede opgaver",
    "dash.soon_list": "Frist de næste {days} dage",
    "dash.none_overdue": "Ingen forsinkede opgaver.",
    "dash.none_soon": "Ingen frister de næste {days} dage.",
    "dash.item": "**{title}** · {who} · frist {due}",
    "dash.late_by": "{n} {n:dag|dage} for sent",
    "dash.late_by_one": "1 dag for sent",
    "dash.meeting": "**{title}** · {when} ({rel}) · {who}",
    "dash.no_meeting_hint": "Der er ikke planlagt et opfølgningsmøde. Aftal det næste på tidslinjen eller i "
    "trin 5.",
    "dash.open_timeline": "Åbn tidslinjen",
    "dash.explain": "Hvad tallene tæller",
    "dash.more": "… og {n} {n:mere|flere}",
    # issue 25: the next meeting from a meeting record
    "dash.meeting_at": "{date} kl. {time}",
    "dash.meeting_record": "**Opfølgningsmøde** · {when} ({rel})",
}


EN: dict[str, str] = {
    # -- the overview ------------------------------------------------------------------
    "overview.parties": "{our} and {partner}",
    "overview.no_partner": "{our} · no partner chosen yet",
    "overview.invitation": "The invitation from {org}",
    "overview.steps": "The five steps",
    "overview.done": "Done",
    "overview.missing": "Missing: {items}",
    "overview.open_step": "Go to step {n}",
    "overview.meetings": "The meetings",
    "overview.meeting1": "Meeting 1 · in the association (steps 1–3)",
    "overview.meeting1_agenda": "1. What is a partnership, and what can it give us? (5 min)\n"
    "2. Step 1: vision, what we need, what we can offer – and the idea (30 min)\n"
    "3. Step 2: think alone for 3 minutes, write down every suggestion, assess and pick the best three (40 min)\n"
    "4. Step 3: e-mail to the partner, who goes to the meeting, plan B (25 min)\n"
    "5. Responsible people and a follow-up date (5 min)",
    "overview.meeting2": "Meeting 2 · with the partner (steps 4–5)",
    "overview.meeting2_agenda": "1. Both organisations introduce themselves (10 min)\n"
    "2. Shared vision and objectives (30 min)\n"
    "3. Who does what, when and how – activities and a working group from both sides (40 min)\n"
    "4. Should we apply for outside funding, and who is responsible? (15 min)\n"
    "5. The agreement: follow-up, period, changes and ending (25 min)",
    "overview.next": "Next things to do",
    "overview.nothing_next": "Everything is in place right now.",
    "overview.signed": "The agreement was signed {when}.",
    "overview.steps_joint": "The joint steps",

    # -- what to do next ---------------------------------------------------------------
    "next.fill": "Step {step}: {what}",
    "next.approve": "Read the agreement through and approve it",
    "next.overdue": "Overdue: {title} (was due {due})",
    "next.due": "Soon: {title} ({due})",
    "next.overdue_after_signing": "Overdue tasks: {n} – see them on the timeline",

    # -- the follow-up dashboard -------------------------------------------------------
    "dash.item_meeting": "**{title}** · {who} · meeting {due}",
    "dash.title": "Where things stand",
    "dash.overdue": "Overdue",
    "dash.overdue_help": "Tasks past their due date that are not done.",
    "dash.soon": "Due within {days} days",
    "dash.soon_help": "Open tasks due from today and {days} days ahead.",
    "dash.next_meeting": "Next follow-up meeting",
    "dash.next_meeting_help": "The first follow-up meeting from today that has not been held yet: from the "
    "follow-up plan in step 5 or from the Meetings tab on the timeline. A meeting in the plan and one in the tab on "
    "the same day are one meeting; a cancelled meeting does not count.",
    "dash.no_meeting": "None planned",
    "dash.in_days": "in {n} {n:day|days}",
    "dash.in_one_day": "tomorrow",
    "dash.today": "today",
    "dash.open": "Open tasks",
    "dash.open_help": "Tasks that are not done, per organisation.",
    "dash.uneven": "Most open tasks lie with {org}. Talk about the split at the next follow-up meeting.",
    "dash.overdue_list": "Overdue tasks",
    "dash.soon_list": "Due in the next {days} days",
    "dash.none_overdue": "No overdue tasks.",
    "dash.none_soon": "Nothing due in the next {days} days.",
    "dash.item": "**{title}** · {who} · due {due}",
    "dash.late_by": "{n} {n:day|days} late",
    "dash.late_by_one": "1 day late",
    "dash.meeting": "**{title}** · {when} ({rel}) · {who}",
    "dash.no_meeting_hint": "No follow-up meeting is planned. Agree on the next one on the timeline or in "
    "step 5.",
    "dash.open_timeline": "Open the timeline",
    "dash.explain": "What the numbers count",
    "dash.more": "… and {n} more",
    # issue 25: the next meeting from a meeting record
    "dash.meeting_at": "{date} at {time}",
    "dash.meeting_record": "**Follow-up meeting** · {when} ({rel})",
}
