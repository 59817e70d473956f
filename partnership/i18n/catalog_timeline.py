"""The timeline: the chart's labels, the timeline page (filters, tasks) and the calendar
export."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- the chart ---------------------------------------------------------------------
    "timeline.empty": "Ingen opgaver endnu",
    "timeline.no_dates": "Ingen af opgaverne har en dato endnu",
    "timeline.empty_window": "Ingen opgaver med dato i denne periode",
    "timeline.undated": "{n} {n:opgave|opgaver} uden dato vises ikke på tidslinjen",
    "timeline.svg_label": "Tidslinje over {n} {n:opgave|opgaver} med dato, i {lanes} {lanes:række|rækker}",
    "timeline.today": "I dag",
    "timeline.period": "Aftaleperiode",
    "timeline.unassigned": "Ingen ansvarlig",
    "timeline.overdue": "Forsinket",
    "timeline.kind.activity": "Aktivitet",
    "timeline.kind.task": "Opgave",
    "timeline.kind.follow_up": "Opfølgningsmøde",
    "timeline.kind.milestone": "Milepæl",
    "timeline.side.association": "Foreningen",
    "timeline.side.partner": "Partneren",
    "timeline.hover.kind": "Type",
    "timeline.hover.responsible": "Ansvarlig",
    "timeline.hover.side": "Organisation",
    "timeline.hover.start": "Start",
    "timeline.hover.due": "Frist",
    "timeline.hover.status": "Status",

    # -- the timeline page -------------------------------------------------------------
    "tl.title": "Tidslinje og opfølgning",
    "tl.lead": "Her kan I følge aftalen, efter den er underskrevet: hvad der skal ske hvornår, hvem der "
    "har ansvaret, og hvordan samarbejdet har det.",
    "tl.not_signed": "Aftalen er ikke underskrevet endnu. Tidslinjen viser de opgaver, I har planlagt indtil "
    "videre.",
    "tl.viewer": "Du læser med. Her kan du ikke ændre noget.",
    "tl.tab.plan": "Tidslinje og opgaver",
    "tl.tab.health": "Sundhedstjek",
    "tl.lanes": "Rækker",
    "tl.lanes.person": "Pr. ansvarlig",
    "tl.lanes.side": "Pr. organisation",
    "tl.filter": "Filtrér",
    "tl.window": "Vis",
    "tl.window.month": "En måned",
    "tl.window.quarter": "Tre måneder",
    "tl.window.all": "Hele forløbet",
    "tl.window.prev": "Forrige",
    "tl.window.next": "Næste",
    "tl.filter.some": "Filtre: {n} i brug",
    "tl.filter.side": "Organisation",
    "tl.filter.person": "Ansvarlig",
    "tl.filter.status": "Status",
    "tl.filter.kind": "Type",
    "tl.filter.all": "Alle",
    "tl.filter.reset": "Nulstil filtre",
    "tl.shown": "{shown} af {total} {total:opgave|opgaver} vises.",
    "tl.no_tasks": "Der er ingen opgaver endnu. Tilføj den første herunder – med start, frist og en "
    "ansvarlig kommer den på tidslinjen.",
    "tl.no_dates": "Ingen af opgaverne har en dato endnu. Giv dem en start eller en frist, så kommer de på "
    "tidslinjen.",
    "tl.no_match": "Ingen opgaver passer til filtrene.",
    "tl.interactive": "Interaktiv tidslinje",
    "tl.interactive_help": "Vis tidslinjen, så du kan holde over en opgave og se detaljer. Den tager et "
    "øjeblik at hente på en langsom forbindelse.",
    "tl.legend_help": "Farven viser status. En rød kant betyder, at fristen er overskredet. Den stiplede "
    "linje er i dag.",
    "tl.tasks": "Opgaver",
    "tl.tasks_lead": ("Vælg en opgave for at skifte dens status eller rette den; luk den ved at sætte den til "
                      "»Færdig«."),
    "tl.pick": "Opgave",
    "tl.add": "Tilføj en opgave",
    "tl.cal": "Kalender",
    "tl.cal_lead": "Hent opgaverne og møderne som en kalenderfil (.ics), der kan åbnes i Outlook, Google "
    "Kalender eller på telefonen. Hent filen igen, når noget er ændret – så opdateres aftalerne.",
    "tl.cal.all": "Hele partnerskabet",
    "tl.cal.person": "Kalender for én person",
    "tl.cal.download_person": "Hent kalenderen",
    "tl.cal.none": "Der er ingen opgaver med dato endnu.",
    "tl.cal.no_people": "Ingen af opgaverne med dato har en ansvarlig endnu.",

    # -- the calendar export -----------------------------------------------------------
    "calendar.time_unset": "Klokkeslættet er ikke aftalt endnu – 17.00 er sat ind, så mødet står i "
    "kalenderen. Ret det, når I har aftalt et tidspunkt (skriv fx »kl. 17.30« i mødets titel eller note).",
    "calendar.alarm_meeting": "I morgen: {title}",
    "calendar.alarm_due": "Frist i morgen: {title}",
    "calendar.name": "{title}: opgaver og møder",
    "calendar.name_person": "{title}: opgaver for {name}",
}


EN: dict[str, str] = {
    # -- the chart ---------------------------------------------------------------------
    "timeline.empty": "No tasks yet",
    "timeline.no_dates": "None of the tasks has a date yet",
    "timeline.empty_window": "No dated tasks in this period",
    "timeline.undated": "{n} {n:task without a date is|tasks without a date are} not shown on the timeline",
    "timeline.svg_label": "Timeline of {n} dated {n:task|tasks} in {lanes} {lanes:row|rows}",
    "timeline.today": "Today",
    "timeline.period": "Agreement period",
    "timeline.unassigned": "No one responsible",
    "timeline.overdue": "Overdue",
    "timeline.kind.activity": "Activity",
    "timeline.kind.task": "Task",
    "timeline.kind.follow_up": "Follow-up meeting",
    "timeline.kind.milestone": "Milestone",
    "timeline.side.association": "The association",
    "timeline.side.partner": "The partner",
    "timeline.hover.kind": "Type",
    "timeline.hover.responsible": "Responsible",
    "timeline.hover.side": "Organisation",
    "timeline.hover.start": "Start",
    "timeline.hover.due": "Due",
    "timeline.hover.status": "Status",

    # -- the timeline page -------------------------------------------------------------
    "tl.title": "Timeline and follow-up",
    "tl.lead": "Follow the agreement once it is signed: what happens when, who is responsible, and how "
    "the partnership is doing.",
    "tl.not_signed": "The agreement is not signed yet. The timeline shows the tasks you have planned so far.",
    "tl.viewer": "You are reading along. You cannot change anything here.",
    "tl.tab.plan": "Timeline and tasks",
    "tl.tab.health": "Health check",
    "tl.lanes": "Rows",
    "tl.lanes.person": "By person",
    "tl.lanes.side": "By organisation",
    "tl.filter": "Filter",
    "tl.window": "Show",
    "tl.window.month": "One month",
    "tl.window.quarter": "Three months",
    "tl.window.all": "Everything",
    "tl.window.prev": "Previous",
    "tl.window.next": "Next",
    "tl.filter.some": "Filters: {n} in use",
    "tl.filter.side": "Organisation",
    "tl.filter.person": "Responsible",
    "tl.filter.status": "Status",
    "tl.filter.kind": "Type",
    "tl.filter.all": "All",
    "tl.filter.reset": "Clear filters",
    "tl.shown": "Showing {shown} of {total} {total:task|tasks}.",
    "tl.no_tasks": "There are no tasks yet. Add the first one below – with a start, a due date and someone "
    "responsible it appears on the timeline.",
    "tl.no_dates": "None of the tasks has a date yet. Give them a start or a due date to put them on the "
    "timeline.",
    "tl.no_match": "No tasks match the filters.",
    "tl.interactive": "Interactive timeline",
    "tl.interactive_help": "Show the timeline so that you can hover over a task to see its details. It takes "
    "a moment to load on a slow connection.",
    "tl.legend_help": "The colour shows the status. A red outline means the due date has passed. The dashed "
    "line is today.",
    "tl.tasks": "Tasks",
    "tl.tasks_lead": "Choose a task to change its status or edit it; close it by setting it to “Done”.",
    "tl.pick": "Task",
    "tl.add": "Add a task",
    "tl.cal": "Calendar",
    "tl.cal_lead": "Download the tasks and meetings as a calendar file (.ics) for Outlook, Google Calendar "
    "or your phone. Download it again after changes – the events are updated.",
    "tl.cal.all": "The whole partnership",
    "tl.cal.person": "Calendar for one person",
    "tl.cal.download_person": "Download the calendar",
    "tl.cal.none": "There are no tasks with a date yet.",
    "tl.cal.no_people": "None of the dated tasks has anyone responsible yet.",

    # -- the calendar export -----------------------------------------------------------
    "calendar.time_unset": "No time has been agreed yet – 17:00 is filled in so the meeting is in the "
    "calendar. Change it once you have agreed a time (write e.g. “at 17:30” in the meeting's title or note).",
    "calendar.alarm_meeting": "Tomorrow: {title}",
    "calendar.alarm_due": "Due tomorrow: {title}",
    "calendar.name": "{title}: tasks and meetings",
    "calendar.name_person": "{title}: tasks for {name}",
}
