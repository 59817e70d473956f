"""The five steps: titles and leads, each field's label, guidance in our own words and an
example shown on demand, and what a step still misses."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- the steps ---------------------------------------------------------------------
    "step.1.title": "Trin 1 · Skitsér jeres idé",
    "step.1.short": "Idé",
    "step.1.lead": "Tal om, hvorfor et partnerskab giver mening for netop jeres forening, og skitsér en idé. "
    "Hold idéen åben – den endelige form finder I sammen med partneren.",
    "step.2.title": "Trin 2 · Vælg en partner",
    "step.2.short": "Partner",
    "step.2.lead": "Find mulige partnere. Tænk først hver for sig, skriv så alle forslag ned i den rækkefølge, "
    "de bliver nævnt, og vurdér dem bagefter.",
    "step.3.title": "Trin 3 · Tag kontakt og sælg idéen",
    "step.3.short": "Kontakt",
    "step.3.lead": "Forbered den første henvendelse, vælg hvem der tager til mødet, og aftal hvad I gør, "
    "hvis svaret er nej.",
    "step.4.title": "Trin 4 · Skærp idéen sammen",
    "step.4.short": "Fælles idé",
    "step.4.lead": "Sammen med partneren: bliv enige om vision, mål og hvem der gør hvad – så begge parter "
    "ejer samarbejdet.",
    "step.5.title": "Trin 5 · Skriv aftalen",
    "step.5.short": "Aftale",
    "step.5.lead": "Skriv samarbejdet ned: vision, mål, aktiviteter, ansvarlige, tidsplan og opfølgning.",

    # -- the fields --------------------------------------------------------------------
    "field.s1_vision_fit.label": "Hvordan passer et partnerskab til vores vision og værdier?",
    "field.s1_vision_fit.help": "Hvad står jeres forening for, og hvordan kan et samarbejde styrke det?",
    "field.s1_vision_fit.example": "Vi vil give børn i bydelen et trygt fællesskab. Et partnerskab kan "
    "hjælpe os med at nå børn, vi ikke møder i dag.",
    "field.s1_partner_help.label": "Hvad kan en partner hjælpe os med?",
    "field.s1_partner_help.help": "Tænk på lokaler, viden, kontakter, frivillige, synlighed eller penge.",
    "field.s1_partner_help.example": "Lokaler om eftermiddagen, kontakt til familier og hjælp til at "
    "fortælle om tilbuddet.",
    "field.s1_our_offer.label": "Hvad kan vi tilbyde en partner?",
    "field.s1_our_offer.help": "Det er det, partneren får ud af det – læg vægt på det, når I tager kontakt.",
    "field.s1_our_offer.example": "Engagerede frivillige, erfaring med lektiehjælp og et netværk af "
    "forældre i lokalområdet.",
    "field.s1_idea.label": "Vores overordnede idé",
    "field.s1_idea.help": "Beskriv aktiviteten eller projektet i grove træk. Lad detaljerne stå åbne, så "
    "partneren kan være med til at forme dem. Partneren ser denne tekst som invitationen.",
    "field.s1_idea.example": "En ugentlig lektiecafé for børn i 4.–7. klasse, hvor frivillige og "
    "partnerens ansatte hjælper sammen.",
    "field.s3_email.label": "Mail til partneren",
    "field.s3_email.help": "Kort og venlig: jeres idé, hvad I kan tilbyde, og et forslag om et første møde "
    "på 30 minutter. Henvis gerne til jeres hjemmeside.",
    "field.s3_email.example": "",
    "field.s3_plan_b.label": "Plan B – hvis svaret er nej",
    "field.s3_plan_b.help": "Hvem kontakter I så, og hvornår? Listen fra trin 2 er gemt.",
    "field.s3_plan_b.example": "Får vi nej, skriver vi inden for en uge til nummer to på listen.",
    "field.s4_vision.label": "Fælles vision",
    "field.s4_vision.help": "Hvilken verden ønsker I at se? Formulér den sammen, så begge kan stå inde for den.",
    "field.s4_vision.example": "Alle børn i bydelen har et sted at lave lektier med en voksen ved siden af.",
    "field.s4_objectives.label": "Mål",
    "field.s4_objectives.help": "Hvad skal det konkrete resultat være – og hvordan ser I, at I er nået dertil?",
    "field.s4_objectives.example": "30 børn kommer fast i lektiecaféen inden sommerferien.",
    "field.s4_how.label": "Sådan gør vi – hvem gør hvad, hvornår og hvordan",
    "field.s4_how.help": "Beskriv idéen i praksis. De enkelte aktiviteter skriver I som opgaver nedenfor.",
    "field.s4_how.example": "Foreningen stiller frivillige, biblioteket stiller lokale og kaffe. "
    "Vi starter i uge 6.",
    "field.s4_funding.label": "Ekstern finansiering",
    "field.s4_funding.help": "Skal I søge penge udefra? Hvor, hvem er ansvarlig, og hvornår er fristen?",
    "field.s4_funding.example": "Vi søger en lokal pulje til materialer. Ole fra biblioteket skriver "
    "ansøgningen inden 1. marts.",
    "field.s5_follow_up.label": "Plan for opfølgning",
    "field.s5_follow_up.help": "Hvor ofte mødes I for at følge op, hvordan, og hvem deltager?",
    "field.s5_follow_up.example": "Vi mødes hver tredje måned i en time, begge parters tovholdere deltager.",
    "field.s5_term.label": "Periode, ændringer og ophør",
    "field.s5_term.help": "Hvor længe gælder aftalen, hvordan aftaler I ændringer, og hvordan kan hver "
    "part stoppe samarbejdet?",
    "field.s5_term.example": "Aftalen gælder ét år. Ændringer aftales på et opfølgningsmøde. "
    "Begge parter kan stoppe med en måneds varsel.",

    # -- what a step still misses ------------------------------------------------------
    "missing.working_group_org": "En ansvarlig fra {org}",
    "missing.candidates": "Mindst ét forslag til en partner",
    "missing.priority": "En partner valgt som førsteprioritet",
    "missing.first_meeting": "2–3 personer til det første møde",
    "missing.follow_up_date": "En opfølgningsdato",
    "missing.activities": "Mindst én aktivitet",
    "missing.working_group_association": "En ansvarlig fra vores forening",
    "missing.working_group_partner": "En ansvarlig fra partneren",
    "missing.follow_up_meetings": "Opfølgningsmøder i tidsplanen",
}


EN: dict[str, str] = {
    # -- the steps ---------------------------------------------------------------------
    "step.1.title": "Step 1 · Sketch your idea",
    "step.1.short": "Idea",
    "step.1.lead": "Talk about why a partnership makes sense for your association, and sketch an idea. "
    "Keep it open – you will shape it with the partner.",
    "step.2.title": "Step 2 · Choose a partner",
    "step.2.short": "Partner",
    "step.2.lead": "Find possible partners. Think on your own first, then write down every suggestion in the "
    "order it is named, and assess them afterwards.",
    "step.3.title": "Step 3 · Make contact and sell the idea",
    "step.3.short": "Contact",
    "step.3.lead": "Prepare the first message, choose who goes to the meeting, and agree what you do if the "
    "answer is no.",
    "step.4.title": "Step 4 · Sharpen the idea together",
    "step.4.short": "Shared idea",
    "step.4.lead": "With the partner: agree on vision, objectives and who does what – so both sides own the "
    "partnership.",
    "step.5.title": "Step 5 · Write the agreement",
    "step.5.short": "Agreement",
    "step.5.lead": "Write the partnership down: vision, objectives, activities, responsible people, timeline "
    "and follow-up.",

    # -- the fields --------------------------------------------------------------------
    "field.s1_vision_fit.label": "How does a partnership fit our vision and values?",
    "field.s1_vision_fit.help": "What does your association stand for, and how could working together "
    "strengthen it?",
    "field.s1_vision_fit.example": "We want to give children in the area a safe community. A partnership "
    "can help us reach children we do not meet today.",
    "field.s1_partner_help.label": "What can a partner help us with?",
    "field.s1_partner_help.help": "Think of rooms, knowledge, contacts, volunteers, visibility or money.",
    "field.s1_partner_help.example": "Rooms in the afternoon, contact with families and help spreading "
    "the word.",
    "field.s1_our_offer.label": "What can we offer a partner?",
    "field.s1_our_offer.help": "This is what the partner gains – stress it when you make contact.",
    "field.s1_our_offer.example": "Committed volunteers, experience with homework help and a network of "
    "local parents.",
    "field.s1_idea.label": "Our overall idea",
    "field.s1_idea.help": "Describe the activity or project in broad strokes. Leave the details open so the "
    "partner can help shape them. The partner sees this text as the invitation.",
    "field.s1_idea.example": "A weekly homework café for children in grades 4–7, where volunteers and the "
    "partner's staff help together.",
    "field.s3_email.label": "E-mail to the partner",
    "field.s3_email.help": "Short and friendly: your idea, what you can offer, and a proposal for a first "
    "30-minute meeting. Refer to your website.",
    "field.s3_email.example": "",
    "field.s3_plan_b.label": "Plan B – if the answer is no",
    "field.s3_plan_b.help": "Whom do you contact then, and when? The list from step 2 is kept.",
    "field.s3_plan_b.example": "If we get a no, we write to number two on the list within a week.",
    "field.s4_vision.label": "Shared vision",
    "field.s4_vision.help": "What world do you want to see? Word it together so both can stand behind it.",
    "field.s4_vision.example": "Every child in the area has a place to do homework with an adult nearby.",
    "field.s4_objectives.label": "Objectives",
    "field.s4_objectives.help": "What should the concrete result be – and how will you know you got there?",
    "field.s4_objectives.example": "30 children attend the homework café regularly by the summer holidays.",
    "field.s4_how.label": "How we do it – who does what, when and how",
    "field.s4_how.help": "Describe the idea in practice. Write the individual activities as tasks below.",
    "field.s4_how.example": "The association provides volunteers, the library provides a room and coffee. "
    "We start in week 6.",
    "field.s4_funding.label": "External funding",
    "field.s4_funding.help": "Will you apply for outside money? Where, who is responsible, and by when?",
    "field.s4_funding.example": "We apply to a local fund for materials. Ole from the library writes the "
    "application by 1 March.",
    "field.s5_follow_up.label": "Follow-up plan",
    "field.s5_follow_up.help": "How often do you meet to follow up, how, and who takes part?",
    "field.s5_follow_up.example": "We meet every three months for an hour; both sides' coordinators attend.",
    "field.s5_term.label": "Period, changes and ending",
    "field.s5_term.help": "How long does the agreement run, how do you agree changes, and how can either "
    "side end the partnership?",
    "field.s5_term.example": "The agreement runs for one year. Changes are agreed at a follow-up meeting. "
    "Either side can end it with one month's notice.",

    # -- what a step still misses ------------------------------------------------------
    "missing.working_group_org": "A responsible person from {org}",
    "missing.candidates": "At least one suggested partner",
    "missing.priority": "A partner chosen as first priority",
    "missing.first_meeting": "2–3 people for the first meeting",
    "missing.follow_up_date": "A follow-up date",
    "missing.activities": "At least one activity",
    "missing.working_group_association": "A responsible person from our association",
    "missing.working_group_partner": "A responsible person from the partner",
    "missing.follow_up_meetings": "Follow-up meetings in the timeline",
}
