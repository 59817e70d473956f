"""Step 2, choosing a partner: the brainstorm timer, the list of candidates, scoring and the
top three."""

from __future__ import annotations

DA: dict[str, str] = {
    "s2.timer": "Tænk selv først",
    "s2.timer_lead": "Brug 3 minutter hver for sig på at tænke over mulige partnere – før I deler.",
    "s2.timer_start": "Start 3 minutter",
    "s2.timer_stop": "Stop",
    "s2.timer_left": "{left} tilbage",
    "s2.timer_done": "Tiden er gået – del jeres forslag.",
    "s2.add": "Skriv alle forslag ned i den rækkefølge, de bliver nævnt",
    "s2.add_label": "Nyt forslag",
    "s2.add_placeholder": "Fx Biblioteket, Skolen, Ældresagen",
    "s2.added": "»{name}« er skrevet på listen.",
    "s2.list": "Alle forslag",
    "s2.none": "Ingen forslag endnu.",
    "s2.assess_lead": "Vurdér hvert forslag fra 1 (lidt) til 5 (meget): ressourcer, kompetencer, værdier og "
    "hvor godt de passer til idéen. Vælg så de tre bedste i prioriteret rækkefølge.",
    "s2.resources": "Ressourcer",
    "s2.competences": "Kompetencer",
    "s2.values": "Værdier",
    "s2.fit": "Passer til idéen",
    "s2.note": "Note",
    "s2.priority": "Prioritet",
    "s2.status": "Status",
    "s2.status.active": "På listen",
    "s2.status.set_aside": "Lagt til side",
    "s2.status.refused": "Har sagt nej",
    "s2.score": "{score} af 20 point",
    "s2.unscored": "Ikke vurderet",
    "s2.top3": "De tre bedste",
    "s2.top3_none": "Vælg de tre bedste ved at give dem prioritet 1, 2 og 3.",
    "s2.kept": "Hele listen gemmes – I kan få brug for den, hvis I får et nej.",
    "s2.name": "Navn",
    "s2.timer_again": "Start forfra",
    "s2.displaces": "»{name}« har prioritet {n} nu. Når du gemmer, mister »{name}« sin prioritet og ryger "
    "ud af de tre bedste. Giv den en anden plads bagefter, hvis den skal blive blandt de tre.",
}


EN: dict[str, str] = {
    "s2.timer": "Think on your own first",
    "s2.timer_lead": "Spend 3 minutes each thinking about possible partners – before you share.",
    "s2.timer_start": "Start 3 minutes",
    "s2.timer_stop": "Stop",
    "s2.timer_left": "{left} left",
    "s2.timer_done": "Time is up – share your suggestions.",
    "s2.add": "Write down every suggestion in the order it is named",
    "s2.add_label": "New suggestion",
    "s2.add_placeholder": "E.g. the library, the school, Age UK",
    "s2.added": "“{name}” is on the list.",
    "s2.list": "All suggestions",
    "s2.none": "No suggestions yet.",
    "s2.assess_lead": "Rate each suggestion from 1 (little) to 5 (a lot): resources, competences, values and "
    "how well they fit the idea. Then pick the best three in order of priority.",
    "s2.resources": "Resources",
    "s2.competences": "Competences",
    "s2.values": "Values",
    "s2.fit": "Fits the idea",
    "s2.note": "Note",
    "s2.priority": "Priority",
    "s2.status": "Status",
    "s2.status.active": "On the list",
    "s2.status.set_aside": "Set aside",
    "s2.status.refused": "Said no",
    "s2.score": "{score} of 20 points",
    "s2.unscored": "Not assessed",
    "s2.top3": "The best three",
    "s2.top3_none": "Pick the best three by giving them priority 1, 2 and 3.",
    "s2.kept": "The whole list is kept – you may need it if you get a no.",
    "s2.name": "Name",
    "s2.timer_again": "Start again",
    "s2.displaces": "“{name}” has priority {n} now. When you save, “{name}” loses its priority and leaves "
    "the top three. Give it another place afterwards if it should stay among the three.",
}
