"""The partnership health check: the statements (in our own words), ratings, the chart and
the health-check tab."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- statements, ratings and the chart ---------------------------------------------
    "health.statement.shared_goals": "Vi arbejder stadig hen imod de samme mål.",
    "health.statement.tasks_as_agreed": "Opgaverne bliver løst, sådan som vi aftalte.",
    "health.statement.communication": "Vi har let ved at tale sammen, og vi gør det ofte nok.",
    "health.statement.mutual_benefit": "Begge organisationer får noget ud af samarbejdet.",
    "health.statement.equal_ownership": "Vi føler begge, at partnerskabet også er vores eget.",
    "health.statement.resources_ok": "Den tid og de kræfter, vi satte af, slår til.",
    "health.rating_short.green": "Grøn",
    "health.rating_short.amber": "Gul",
    "health.rating_short.red": "Rød",
    "health.empty": "Ingen sundhedstjek endnu",
    "health.axis": "Samlet vurdering",
    "health.hover.average": "Gennemsnit",
    "health.hover.answers": "Svar",
    "health.hover.by": "Udfyldt af",
    "health.gap.1": "I vurderer det lidt forskelligt",
    "health.gap.2": "I vurderer det meget forskelligt",
    "health.round": "Opfølgning {n} ({date})",

    # -- the health-check tab ----------------------------------------------------------
    "hc.title": "Sundhedstjek",
    "hc.lead": "Ved hvert opfølgningsmøde svarer hver organisation for sig: hvordan går samarbejdet? Giv "
    "hvert udsagn grønt, gult eller rødt og skriv gerne en kort kommentar. Bagefter ser I, hvor I "
    "vurderer det forskelligt – det er dér, samtalen skal tage fat.",
    "hc.form": "Jeres svar for {org}",
    "hc.form_lead": "Svar for jeres egen organisation. Den anden part svarer for sig selv. Spring et udsagn "
    "over, hvis I ikke kan svare.",
    "hc.rating": "Vurdering",
    "hc.comment": "Kommentar",
    "hc.comment_placeholder": "Hvorfor? (valgfrit)",
    "hc.submit": "Gem jeres svar",
    "hc.saved": "Tak – jeres svar er gemt.",
    "hc.comment_without_rating": "Vælg grøn, gul eller rød ved »{statement}«, eller slet kommentaren.",
    "hc.viewer": "Du læser med: de to organisationer svarer hver for sig.",
    "hc.latest": "Seneste svar",
    "hc.none": "Ingen har svaret endnu.",
    "hc.answered": "{org}: {name}, {when}",
    "hc.not_answered": "{org} har ikke svaret endnu.",
    "hc.statement": "Udsagn",
    "hc.differences": "Her ser I forskelligt på det",
    "hc.differences_lead": "Tag disse punkter op på opfølgningsmødet.",
    "hc.same": "I vurderer alle de udsagn, I begge har svaret på, ens.",
    "hc.wait_other": "Når begge organisationer har svaret, ser I her, hvor I vurderer det forskelligt.",
    "hc.diff_item": "**{statement}** – {gap}",
    "hc.diff_side": "{org}: {rating}",
    "hc.development": "Udviklingen over tid",
    "hc.development_lead": "Gennemsnittet af hver organisations svar ved hvert tjek (grøn øverst, rød nederst).",
    "hc.rounds": "Tidligere opfølgninger",
    "hc.round_line": "{org}: {name} · {tally}",
}


EN: dict[str, str] = {
    # -- statements, ratings and the chart ---------------------------------------------
    "health.statement.shared_goals": "We are still working towards the same goals.",
    "health.statement.tasks_as_agreed": "The tasks are being done the way we agreed.",
    "health.statement.communication": "We find it easy to talk to each other, and we do so often enough.",
    "health.statement.mutual_benefit": "Both organisations get something out of working together.",
    "health.statement.equal_ownership": "We both feel that the partnership is ours as well.",
    "health.statement.resources_ok": "The time and effort we set aside are enough.",
    "health.rating_short.green": "Green",
    "health.rating_short.amber": "Amber",
    "health.rating_short.red": "Red",
    "health.empty": "No health checks yet",
    "health.axis": "Overall rating",
    "health.hover.average": "Average",
    "health.hover.answers": "Answers",
    "health.hover.by": "Filled in by",
    "health.gap.1": "You see this a little differently",
    "health.gap.2": "You see this very differently",
    "health.round": "Follow-up {n} ({date})",

    # -- the health-check tab ----------------------------------------------------------
    "hc.title": "Health check",
    "hc.lead": "At every follow-up meeting each organisation answers on its own: how is the partnership "
    "going? Rate each statement green, amber or red and add a short comment if you like. Then you see "
    "where you see things differently – that is where the conversation should start.",
    "hc.form": "Your answers for {org}",
    "hc.form_lead": "Answer for your own organisation. The other side answers for itself. Skip a statement "
    "if you cannot answer it.",
    "hc.rating": "Rating",
    "hc.comment": "Comment",
    "hc.comment_placeholder": "Why? (optional)",
    "hc.submit": "Save your answers",
    "hc.saved": "Thank you – your answers are saved.",
    "hc.comment_without_rating": "Choose green, amber or red for “{statement}”, or delete the comment.",
    "hc.viewer": "You are reading along: the two organisations answer separately.",
    "hc.latest": "Latest answers",
    "hc.none": "Nobody has answered yet.",
    "hc.answered": "{org}: {name}, {when}",
    "hc.not_answered": "{org} has not answered yet.",
    "hc.statement": "Statement",
    "hc.differences": "Where you see it differently",
    "hc.differences_lead": "Bring these points up at the follow-up meeting.",
    "hc.same": "You rate every statement you both answered the same way.",
    "hc.wait_other": "Once both organisations have answered, you see here where you see things differently.",
    "hc.diff_item": "**{statement}** – {gap}",
    "hc.diff_side": "{org}: {rating}",
    "hc.development": "How it developed",
    "hc.development_lead": "The average of each organisation's answers at each check (green at the top, red "
    "at the bottom).",
    "hc.rounds": "Earlier follow-ups",
    "hc.round_line": "{org}: {name} · {tally}",
}
