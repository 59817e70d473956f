"""Step 4, planned together with the partner: the shared vision and plan, the working group
from both sides and funding deadlines."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- shared by steps 4 and 5 -------------------------------------------------------
    "s45.viewer": "Du læser med. Her kan du ikke ændre noget.",
    "s45.no_partner": "Partneren er ikke valgt endnu. Når partneren har sagt ja (trin 3), udfylder I trin 4 "
    "og 5 sammen.",
    "s45.parties": "Et samarbejde mellem **{our}** og **{partner}**",

    # -- step 4 ------------------------------------------------------------------------
    "s4.signed": "Aftalen er underskrevet ({when}), så trin 4 er låst. Status og noter på opgaverne kan "
    "stadig opdateres. Vil I ændre mere, så genåbn aftalen i trin 5.",
    "s4.h.vision": "Vision og mål",
    "s4.vision_lead": "Tag jer god tid til at blive enige. Et længere møde med folk fra begge organisationer er "
    "en god måde at gøre det på.",
    "s4.h.how": "Hvem gør hvad, hvornår og hvordan",
    "s4.activities": "Aktiviteter og milepæle",
    "s4.activities_lead": "Skriv hver aktivitet ind med en ansvarlig, hvilken organisation den hører til, og "
    "datoer. Så kommer den med i aftalen og på tidslinjen.",
    "s4.h.people": "Arbejdsgruppe fra begge organisationer",
    "s4.people_lead": "Hvem har ansvaret, og hvem er med i arbejdsgruppen? Folk fra begge sider gør "
    "partnerskabet ligeværdigt.",
    "s4.h.funding": "Penge udefra",
    "s4.deadline": "Sæt en ansøgningsfrist på tidsplanen",
    "s4.deadline_lead": "Skal I søge en pulje eller en fond? Skriv fristen ind med en ansvarlig, så den ikke "
    "bliver glemt.",
    "s4.deadline_title": "Hvad søger I?",
    "s4.deadline_default": "Ansøgning om ekstern støtte",
    "s4.deadline_due": "Frist",
    "s4.deadline_kind": "Vis som",
    "s4.deadline_save": "Sæt på tidsplanen",
    "s4.deadline_added": "Fristen {when} er sat på tidsplanen.",
    "s4.need_due": "Skriv en frist, fx 24.12.2026, eller vælg den i kalenderen.",
    "s4.need_responsible": "Vælg en ansvarlig.",
    "s4.missing": "Mangler i trin 4: {items}",
    "s4.ready": "Trin 4 er på plads.",
    "s4.next": "Videre til trin 5: aftalen",

    # -- the working group -------------------------------------------------------------
    "people.name": "Navn",
    "people.title": "Rolle i organisationen",
    "people.contact": "Mail eller telefon",
    "people.wg": "I arbejdsgruppen",
    "people.contact_why": "Mail eller telefon bruges kun, så de andre i samarbejdet kan få fat i personen. Spørg "
                          "personen først.",
    "people.consent": "Personen har sagt ja til, at vi gemmer mail eller telefon her",
    "people.internal_badge": "kun foreningen",
    "people.erased": "Slettet person",
    "people.erase": "Slet personens oplysninger",
    "people.erase_lead": "Navn, titel og kontaktoplysninger fjernes alle steder, også i historikken, og personen "
                         "er ikke længere ansvarlig for nogen opgave. Det kan ikke fortrydes. Tekster, I selv har "
                         "skrevet, ændres ikke.",
    "people.erase_confirm": "Ja, slet oplysningerne",
    "people.erased_done": "Personens oplysninger er slettet alle steder.",
    "people.side": "Organisation",
    "people.add": "Tilføj person hos {org}",
    "people.add_button": "Tilføj person",
    "people.added": "{name} er tilføjet.",
    "people.none": "Ingen personer endnu.",
    "people.wg_badge": "arbejdsgruppe",
    "people.nobody.association": "Foreningen har endnu ingen i arbejdsgruppen",
    "people.nobody.partner": "Partneren har endnu ingen i arbejdsgruppen",
    "people.nobody_why": "Udpeg mindst én fra hver organisation – så hviler arbejdet på begge parter.",
    "people.tick_someone": "Sæt flueben ved »I arbejdsgruppen« hos dem nedenfor, der er med – først da ser "
                           "partneren dem.",
    "people.locked": "Aftalen er underskrevet, så arbejdsgruppen er låst. Genåbn aftalen i trin 5 for at "
    "ændre den.",
    "people.own_side": "Du kan tilføje og rette personer fra jeres egen organisation.",
}


EN: dict[str, str] = {
    # -- shared by steps 4 and 5 -------------------------------------------------------
    "s45.viewer": "You are reading along. You cannot change anything here.",
    "s45.no_partner": "No partner has been chosen yet. Once the partner has said yes (step 3), you fill in "
    "steps 4 and 5 together.",
    "s45.parties": "A partnership between **{our}** and **{partner}**",

    # -- step 4 ------------------------------------------------------------------------
    "s4.signed": "The agreement was signed ({when}), so step 4 is locked. Status and notes of the tasks "
    "can still be updated. To change more, reopen the agreement in step 5.",
    "s4.h.vision": "Vision and objectives",
    "s4.vision_lead": "Take your time to agree. A longer meeting with people from both organisations is a good "
    "way to do it.",
    "s4.h.how": "Who does what, when and how",
    "s4.activities": "Activities and milestones",
    "s4.activities_lead": "Enter each activity with someone responsible, the organisation it belongs to, and "
    "dates. Then it is part of the agreement and the timeline.",
    "s4.h.people": "Working group from both organisations",
    "s4.people_lead": "Who is responsible, and who is in the working group? People from both sides make the "
    "partnership one of equals.",
    "s4.h.funding": "Outside money",
    "s4.deadline": "Put an application deadline on the timeline",
    "s4.deadline_lead": "Will you apply to a fund or a grant scheme? Enter the deadline with someone "
    "responsible so it is not forgotten.",
    "s4.deadline_title": "What are you applying for?",
    "s4.deadline_default": "Application for outside funding",
    "s4.deadline_due": "Deadline",
    "s4.deadline_kind": "Show as",
    "s4.deadline_save": "Put it on the timeline",
    "s4.deadline_added": "The deadline {when} is on the timeline.",
    "s4.need_due": "Type a deadline, e.g. 24.12.2026, or pick it in the calendar.",
    "s4.need_responsible": "Choose someone responsible.",
    "s4.missing": "Still missing in step 4: {items}",
    "s4.ready": "Step 4 is complete.",
    "s4.next": "On to step 5: the agreement",

    # -- the working group -------------------------------------------------------------
    "people.name": "Name",
    "people.title": "Role in the organisation",
    "people.contact": "E-mail or phone",
    "people.wg": "In the working group",
    "people.contact_why": "E-mail or phone is used only so that the others in the partnership can reach the person. "
                          "Ask the person first.",
    "people.consent": "The person has agreed that we keep their e-mail or phone here",
    "people.internal_badge": "association only",
    "people.erased": "Erased person",
    "people.erase": "Erase this person's details",
    "people.erase_lead": "Name, title and contact details are removed everywhere, the history included, and the "
                         "person is no longer responsible for any task. This cannot be undone. Texts you wrote "
                         "yourselves are not changed.",
    "people.erase_confirm": "Yes, erase the details",
    "people.erased_done": "The person's details are erased everywhere.",
    "people.side": "Organisation",
    "people.add": "Add a person from {org}",
    "people.add_button": "Add person",
    "people.added": "{name} has been added.",
    "people.none": "No people yet.",
    "people.wg_badge": "working group",
    "people.nobody.association": "The association has nobody in the working group yet",
    "people.nobody.partner": "The partner has nobody in the working group yet",
    "people.nobody_why": "Name at least one person from each organisation – so the work rests on both sides.",
    "people.tick_someone": "Tick \"In the working group\" for those below who take part – only then does the "
                           "partner see them.",
    "people.locked": "The agreement is signed, so the working group is locked. Reopen the agreement in "
    "step 5 to change it.",
    "people.own_side": "You can add and edit people from your own organisation.",
}
