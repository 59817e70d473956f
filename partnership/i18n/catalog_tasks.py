"""The task list and task editor (steps 4 and 5 and the timeline page), and the limits that
keep long lists cheap: paging, search and the timeline's monthly summary."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- tasks -------------------------------------------------------------------------
    "tasks.locked_kind": "Aftalen er underskrevet. Opgaven kan stadig rettes i det daglige arbejde, men "
    "typen ligger fast. Den underskrevne tekst bevares uændret under »Underskrevne udgaver«.",
    "tasks.added_kind": "Tilføjet: »{title}« ({kind}). Formularen er klar til det næste punkt.",
    "tasks.f.title": "Titel",
    "tasks.f.kind": "Type",
    "tasks.f.responsible": "Ansvarlig",
    "tasks.f.side": "Hører til",
    "tasks.f.start": "Start",
    "tasks.f.due": "Frist",
    "tasks.f.status": "Status",
    "tasks.f.note": "Note",
    "tasks.nobody": "Ingen ansvarlig endnu",
    "tasks.responsible": "Ansvarlig: {name}",
    "tasks.empty": "Ingen opgaver her endnu.",
    "tasks.add": "Tilføj",
    "tasks.add_title": "Tilføj en ny",
    "tasks.title_placeholder": "Fx Lektiecafé hver tirsdag",
    "tasks.overdue": "Forsinket",
    "tasks.internal": "Kun foreningen",
    "tasks.locked": "Aftalen er underskrevet, så her kan kun status og note ændres. Genåbn aftalen i trin 5 "
    "for at ændre resten.",
    "tasks.locked_add": "Aftalen er underskrevet, så der kan ikke tilføjes nye punkter til aftalen. Genåbn "
    "aftalen (trin 5) først.",
    "tasks.no_people": "Tilføj personer til arbejdsgruppen, så I kan vælge en ansvarlig.",
    "tasks.side_help": "Den organisation, der står for opgaven.",
    "tasks.quick_status": "Skift status",
    "tasks.quick_conflict": "{who} ændrede opgaven imens. Se den nye udgave og prøv igen.",
    "tasks.person": "{name} · {org}",

    # -- long lists --------------------------------------------------------------------
    "limits.more": "Vis flere ({shown} af {total} vist)",
    "limits.search": "Søg i opgaverne",
    "limits.search_placeholder": "Skriv en del af titlen",
    "limits.search_none": "Ingen opgaver matcher søgningen.",
    "limits.aggregated": "Der er {n} opgaver – for overblikkets skyld samler tidslinjen dem pr. måned og "
                         "række. Brug filtrene for at se de enkelte opgaver.",
    "limits.bucket": "{n} {n:opgave|opgaver}",
}


EN: dict[str, str] = {
    # -- tasks -------------------------------------------------------------------------
    "tasks.locked_kind": "The agreement is signed. The task can still be updated in day-to-day work, but its "
    "kind is fixed. The signed text is kept unchanged under “Signed versions”.",
    "tasks.added_kind": "Added: “{title}” ({kind}). The form is ready for the next one.",
    "tasks.f.title": "Title",
    "tasks.f.kind": "Kind",
    "tasks.f.responsible": "Responsible",
    "tasks.f.side": "Belongs to",
    "tasks.f.start": "Start",
    "tasks.f.due": "Due",
    "tasks.f.status": "Status",
    "tasks.f.note": "Note",
    "tasks.nobody": "No one responsible yet",
    "tasks.responsible": "Responsible: {name}",
    "tasks.empty": "Nothing here yet.",
    "tasks.add": "Add",
    "tasks.add_title": "Add a new one",
    "tasks.title_placeholder": "E.g. Homework café every Tuesday",
    "tasks.overdue": "Overdue",
    "tasks.internal": "Association only",
    "tasks.locked": "The agreement is signed, so only status and note can change here. Reopen the agreement "
    "in step 5 to change the rest.",
    "tasks.locked_add": "The agreement is signed, so nothing new can be added to it. Reopen the agreement "
    "(step 5) first.",
    "tasks.no_people": "Add people to the working group so you can choose someone responsible.",
    "tasks.side_help": "The organisation in charge of it.",
    "tasks.quick_status": "Change status",
    "tasks.quick_conflict": "{who} changed this meanwhile. Look at the new version and try again.",
    "tasks.person": "{name} · {org}",

    # -- long lists --------------------------------------------------------------------
    "limits.more": "Show more ({shown} of {total} shown)",
    "limits.search": "Search the tasks",
    "limits.search_placeholder": "Type part of the title",
    "limits.search_none": "No task matches the search.",
    "limits.aggregated": "There are {n} tasks – to keep the overview, the timeline groups them by month and "
                         "lane. Use the filters to see the single tasks.",
    "limits.bucket": "{n} {n:task|tasks}",
}
