"""Step 3, contact: the chosen partner, the first e-mail, the people at the first meeting,
the follow-up date and the partner's answer."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- step 3 ------------------------------------------------------------------------
    "s3.chosen": "Vi kontakter: {name}",
    "s3.none_chosen": "Vælg først en partner som prioritet 1 i trin 2.",
    "s3.website": "Jeres hjemmeside",
    "s3.website_help": "Kommer med i mailen, så partneren kan læse om jer.",
    "s3.draft": "Lav udkast ud fra trin 1",
    "s3.draft_help": "Udkastet bygger på jeres idé og det, I kan tilbyde. Du kan rette det bagefter.",
    "s3.copy": "Kopiér mailen",
    "s3.copy_failed": "Kunne ikke kopiere – markér mailen ovenfor og kopiér den selv",
    "s3.mailto": "Åbn i mailprogram",
    "s3.subject": "Idé til et samarbejde",
    "s3.people": "Hvem tager til det første møde?",
    "s3.people_lead": "Vælg 2–3 personer fra foreningen.",
    "s3.people_count": "{n} valgt – vælg 2–3.",
    "s3.person_name": "Navn",
    "s3.person_title": "Rolle i foreningen",
    "s3.person_contact": "Mail eller telefon",
    "s3.add_person": "Tilføj person",
    "s3.in_meeting": "Med til mødet",
    "s3.people_private": "Personerne her bliver i foreningen. Partneren ser kun dem, I sætter i arbejdsgruppen i "
                         "trin 4 eller gør ansvarlige for en fælles opgave.",
    "s3.plan_b_list": "Resten af listen fra trin 2",
    "s3.follow_up": "Ansvarlig og opfølgning",
    "s3.follow_up_lead": "Hvem følger op, og hvornår? Datoen bliver en opgave på tidslinjen.",
    "s3.responsible": "Ansvarlig",
    "s3.nobody": "Vælg en ansvarlig",
    "s3.follow_up_unowned": "Opfølgning senest {when} – ingen ansvarlig valgt",
    "s3.no_date": "uden dato",
    "s3.need_date": "Skriv en opfølgningsdato, fx 24.12.2026, eller vælg den i kalenderen.",
    "s3.follow_up_date": "Opfølgningsdato",
    "s3.follow_up_set": "Opfølgning: {who} senest {when}",
    "s3.follow_up_title": "Følg op på henvendelsen til {name}",
    "s3.save_follow_up": "Gem opfølgning",
    "s3.answer": "Hvad svarede de?",
    "s3.partner_is": "{name} har sagt ja og er jeres partner. Fortsæt med trin 4 sammen.",
    "s3.said_yes": "{name} har sagt ja",
    "s3.said_no": "{name} har sagt nej",
    "s3.yes_done": "Flot! {name} er nu jeres partner. Send dem partnerens link herunder, og fortsæt med "
    "trin 4 sammen.",
    "s3.no_done": "Afslaget er noteret. Næste på listen er {name}, og mailen er skrevet om til dem. "
    "Vælg en ny opfølgningsdato.",
    "s3.no_more": "Afslaget er noteret. Der er ikke flere prioriterede forslag – vælg en ny prioritet 1 i trin 2.",
    "s3.new_date": "Vælg en ny opfølgningsdato for {name}.",

    # -- the first e-mail to the partner -----------------------------------------------
    "mail.greeting": "Kære {name}",
    "mail.you": "jer",
    "mail.intro": "Vi skriver fra {org}, fordi vi har en idé, som vi gerne vil udvikle sammen med jer.",
    "mail.idea": "Idéen i korte træk: {idea}\n\nVi har bevidst ikke lagt alle detaljer fast – dem vil vi "
    "gerne finde ud af sammen med jer.",
    "mail.offer": "Det kan vi bidrage med: {offer}",
    "mail.meeting": "Har I lyst til et kort, uforpligtende møde på 30 minutter, hvor vi præsenterer os og "
    "hører jeres tanker? Foreslå gerne et tidspunkt, der passer jer.",
    "mail.website": "Læs mere om os på {url}",
    "mail.closing": "Venlig hilsen\n\n{sender}{org}",
    "mail.sender": "{name}\n",
    "mail.sender_role": "{name}, {role}\n",
}


EN: dict[str, str] = {
    # -- step 3 ------------------------------------------------------------------------
    "s3.chosen": "We contact: {name}",
    "s3.none_chosen": "First choose a partner as priority 1 in step 2.",
    "s3.website": "Your website",
    "s3.website_help": "Included in the e-mail so the partner can read about you.",
    "s3.draft": "Draft from step 1",
    "s3.draft_help": "The draft builds on your idea and what you can offer. You can edit it afterwards.",
    "s3.copy": "Copy the e-mail",
    "s3.copy_failed": "Could not copy – select the e-mail above and copy it yourself",
    "s3.mailto": "Open in e-mail program",
    "s3.subject": "An idea for working together",
    "s3.people": "Who goes to the first meeting?",
    "s3.people_lead": "Choose 2–3 people from the association.",
    "s3.people_count": "{n} chosen – choose 2–3.",
    "s3.person_name": "Name",
    "s3.person_title": "Role in the association",
    "s3.person_contact": "E-mail or phone",
    "s3.add_person": "Add person",
    "s3.in_meeting": "Goes to the meeting",
    "s3.people_private": "The people here stay inside the association. The partner sees only those you put in the "
                         "working group in step 4 or make responsible for a joint task.",
    "s3.plan_b_list": "The rest of the list from step 2",
    "s3.follow_up": "Responsible person and follow-up",
    "s3.follow_up_lead": "Who follows up, and when? The date becomes a task on the timeline.",
    "s3.responsible": "Responsible",
    "s3.nobody": "Choose someone responsible",
    "s3.follow_up_unowned": "Follow-up by {when} – nobody responsible chosen",
    "s3.no_date": "no date",
    "s3.need_date": "Type a follow-up date, e.g. 24.12.2026, or pick it in the calendar.",
    "s3.follow_up_date": "Follow-up date",
    "s3.follow_up_set": "Follow-up: {who} by {when}",
    "s3.follow_up_title": "Follow up on the message to {name}",
    "s3.save_follow_up": "Save follow-up",
    "s3.answer": "What did they answer?",
    "s3.partner_is": "{name} said yes and is your partner. Continue with step 4 together.",
    "s3.said_yes": "{name} said yes",
    "s3.said_no": "{name} said no",
    "s3.yes_done": "Well done! {name} is now your partner. Send them the partner's link below, and continue "
    "with step 4 together.",
    "s3.no_done": "The refusal is recorded. Next on the list is {name}, and the e-mail has been redrafted for "
    "them. Choose a new follow-up date.",
    "s3.no_more": "The refusal is recorded. There are no more prioritised suggestions – choose a new priority 1 "
    "in step 2.",
    "s3.new_date": "Choose a new follow-up date for {name}.",

    # -- the first e-mail to the partner -----------------------------------------------
    "mail.greeting": "Dear {name}",
    "mail.you": "all",
    "mail.intro": "We are writing from {org} because we have an idea we would like to develop together with you.",
    "mail.idea": "The idea in brief: {idea}\n\nWe have deliberately not fixed every detail – we would like to "
    "work those out together with you.",
    "mail.offer": "What we can contribute: {offer}",
    "mail.meeting": "Would you like a short, no-obligation 30-minute meeting where we introduce ourselves and "
    "hear your thoughts? Please suggest a time that suits you.",
    "mail.website": "Read more about us at {url}",
    "mail.closing": "Kind regards\n\n{sender}{org}",
    "mail.sender": "{name}\n",
    "mail.sender_role": "{name}, {role}\n",
}
