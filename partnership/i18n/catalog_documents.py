"""Messages for the agreement as a finished document: the signature block, the
fingerprint note, the agreement's commitments grouped by kind, and the calendar."""

from __future__ import annotations

DA: dict[str, str] = {
    # Signature block
    "sig.h": "Underskrifter",
    "sig.approved": "Godkendt af {name}, {org}, {when}",
    "sig.pending": "Har endnu ikke godkendt denne tekst.",
    "sig.both": "Underskrevet af begge parter den {when}.",
    "sig.when": "{date} kl. {time}",
    "sig.fingerprint": (
        "Aftalens fingeraftryk (SHA-256): {hash}. Fingeraftrykket er regnet ud fra teksten "
        "ovenfor: ændres så meget som ét tegn i den, passer fingeraftrykket ikke længere, så man "
        "kan se, at det er præcis den tekst, begge parter har godkendt."
    ),
    # The agreement's commitments, grouped by kind
    "agr.h.group.activity": "Aktiviteter",
    "agr.h.group.task": "Opgaver",
    "agr.h.group.milestone": "Milepæle",
    "agr.none_tasks": "Ingen opgaver angivet endnu.",
    "agr.none_milestones": "Ingen milepæle angivet endnu.",
    "calendar.time_unset": "Klokkeslættet er ikke aftalt endnu – 17.00 er sat ind, så mødet står i "
    "kalenderen. Ret det, når I har aftalt et tidspunkt (skriv fx »kl. 17.30« i mødets titel eller note).",
    "calendar.alarm_meeting": "I morgen: {title}",
    "calendar.alarm_due": "Frist i morgen: {title}",
    "agr.date.meeting": "den {date}",
    "tasks.locked_kind": "Aftalen er underskrevet. Opgaven kan stadig rettes i det daglige arbejde, men "
    "typen ligger fast. Den underskrevne tekst bevares uændret under »Underskrevne udgaver«.",
    "app.not_for.owner": "Denne side kan ikke åbnes med foreningens link.",
    "app.not_for.partner": "Denne side kan ikke åbnes med partnerens link.",
    "app.not_for.viewer": "Denne side kan ikke åbnes med læselinket.",
    "live.someone.owner": "en fra foreningen",
    "live.someone.partner": "en fra partneren",
    "live.someone.viewer": "en læser",
    "history.attr.person.title": "Rolle",
    "mail.sender": "{name}\n",
    "mail.sender_role": "{name}, {role}\n",
    "missing.working_group_org": "En ansvarlig fra {org}",
    "overview.steps_joint": "De fælles trin",
    "s2.timer_again": "Start forfra",
    "s2.displaces": "»{name}« har prioritet {n} nu. Når du gemmer, mister »{name}« sin prioritet og ryger "
    "ud af de tre bedste. Giv den en anden plads bagefter, hvis den skal blive blandt de tre.",
    "style.choose_file": "Vælg fil",
    "style.year": "åååå",
    "style.timeline_region": "Tidslinjen (kan rulles til siden)",
    "dash.item_meeting": "**{title}** · {who} · møde {due}",
    "tasks.added_kind": "Tilføjet: »{title}« ({kind}). Formularen er klar til det næste punkt.",
}

EN: dict[str, str] = {
    "sig.h": "Signatures",
    "sig.approved": "Approved by {name}, {org}, {when}",
    "sig.pending": "Has not approved this text yet.",
    "sig.both": "Signed by both parties on {when}.",
    "sig.when": "{date} at {time}",
    "sig.fingerprint": (
        "The agreement's fingerprint (SHA-256): {hash}. It is computed from the text above: "
        "change as much as one character and the fingerprint no longer matches, so anyone can "
        "check that this is exactly the text both parties approved."
    ),
    "agr.h.group.activity": "Activities",
    "agr.h.group.task": "Tasks",
    "agr.h.group.milestone": "Milestones",
    "agr.none_tasks": "No tasks listed yet.",
    "agr.none_milestones": "No milestones listed yet.",
    "calendar.time_unset": "No time has been agreed yet – 17:00 is filled in so the meeting is in the "
    "calendar. Change it once you have agreed a time (write e.g. “at 17:30” in the meeting's title or note).",
    "calendar.alarm_meeting": "Tomorrow: {title}",
    "calendar.alarm_due": "Due tomorrow: {title}",
    "agr.date.meeting": "on {date}",
    "tasks.locked_kind": "The agreement is signed. The task can still be updated in day-to-day work, but its "
    "kind is fixed. The signed text is kept unchanged under “Signed versions”.",
    "app.not_for.owner": "This page cannot be opened with the association's link.",
    "app.not_for.partner": "This page cannot be opened with the partner's link.",
    "app.not_for.viewer": "This page cannot be opened with the read-only link.",
    "live.someone.owner": "someone from the association",
    "live.someone.partner": "someone from the partner",
    "live.someone.viewer": "a reader",
    "history.attr.person.title": "Role",
    "mail.sender": "{name}\n",
    "mail.sender_role": "{name}, {role}\n",
    "missing.working_group_org": "A responsible person from {org}",
    "overview.steps_joint": "The joint steps",
    "s2.timer_again": "Start again",
    "s2.displaces": "“{name}” has priority {n} now. When you save, “{name}” loses its priority and leaves "
    "the top three. Give it another place afterwards if it should stay among the three.",
    "style.choose_file": "Choose file",
    "style.year": "yyyy",
    "style.timeline_region": "The timeline (scrolls sideways)",
    "dash.item_meeting": "**{title}** · {who} · meeting {due}",
    "tasks.added_kind": "Added: “{title}” ({kind}). The form is ready for the next one.",
}
