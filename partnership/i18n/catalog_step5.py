"""Step 5, the agreement page: the completeness check, balance, approval and signing,
reopening, exports and earlier versions."""

from __future__ import annotations

DA: dict[str, str] = {
    "s5.h.follow_up": "Opfølgning",
    "s5.meetings": "Opfølgningsmøder",
    "s5.meetings_lead": "Sæt de første opfølgningsmøder i kalenderen med en dato og en ansvarlig.",
    "s5.h.term": "Periode og ændringer",
    "s5.h.agreement": "Samarbejdsaftalen",
    "s5.nonbinding": "Det er en **ikke-bindende samarbejdsaftale**: den bygger på tillid og god vilje og kan "
    "ikke håndhæves ved en domstol. Teksten laves af det, I har skrevet i trin 4 og 5 – ret dér, så følger "
    "aftalen med.",
    "s5.h.check": "Er aftalen komplet?",
    "s5.required": "skal være på plads før godkendelse",
    "s5.h.balance": "Balancen mellem parterne",
    "s5.balance_lead": "Opgaver og ansvarlige fordelt på de to organisationer.",
    "s5.balance_uneven": "De fleste åbne opgaver ligger hos {org}. Overvej at fordele dem mere ligeligt – "
    "partnerskabet skal bæres af begge.",
    "s5.balance_even": "De åbne opgaver er nogenlunde ligeligt fordelt.",
    "s5.balance_measure": "Antal",
    "s5.text": "Aftaleteksten",
    "s5.h.approval": "Godkendelse",
    "s5.approval_lead": "Hver organisation godkender aftalen ved at skrive navnet på den, der godkender. Når "
    "begge har godkendt den samme tekst, er aftalen underskrevet. Ændres teksten bagefter, skal den "
    "godkendes igen.",
    "s5.approved_by": "Godkendt af **{name}** · {when}",
    "s5.valid": "Gælder for den nuværende tekst.",
    "s5.voided": "Ændret efter godkendelse – skal godkendes igen",
    "s5.not_approved": "Ikke godkendt endnu.",
    "s5.owner_signs": "Det er ejerens link, der godkender aftalen for foreningen. Du kan læse og rette den.",
    "s5.approver": "Navn på den, der godkender for {org}",
    "s5.approve": "Godkend aftalen",
    "s5.approved": "Aftalen er godkendt for {org}. Nu mangler godkendelsen fra {other}.",
    "s5.approve_lang": "Teksten godkendes på {language}, sådan som {org} godkendte den – indholdet er det samme.",
    "s5.lang.da": "dansk",
    "s5.lang.en": "engelsk",
    "s5.signed": "Underskrevet",
    "s5.signed_lead": "Begge parter har godkendt aftalen, og den er låst. Status og noter på opgaverne kan "
    "stadig opdateres.",
    "s5.signed_changed": "Den aktuelle aftaletekst afviger fra den underskrevne, fx fordi en opgave er ændret "
    "efter underskriften. Den underskrevne tekst nedenfor gælder; den er bevaret uændret under »Underskrevne "
    "udgaver«.",
    "s5.reopen": "Genåbn for ændringer",
    "s5.reopen_warn": "Når aftalen genåbnes, kan begge parter rette i den igen, og den skal godkendes af begge "
    "på ny. Den underskrevne udgave bevares og kan stadig læses og hentes.",
    "s5.reopen_sure": "Ja, jeg vil genåbne aftalen",
    "s5.reopen_go": "Genåbn aftalen",
    "s5.reopened": "Aftalen er åbnet for ændringer. Den underskrevne udgave er gemt under »Underskrevne "
    "udgaver«.",
    "s5.h.export": "Hent aftalen",
    "s5.export_lead": "Den aktuelle tekst – til at læse, printe eller sende videre.",
    "s5.dl.md": "Tekstfil (.md)",
    "s5.dl.html": "Til udskrift (.html)",
    "s5.dl.docx": "Word (.docx)",
    "s5.dl.pdf": "PDF (.pdf)",
    "s5.dl.csv": "Opgaver som regneark (.csv)",
    "s5.h.versions": "Underskrevne udgaver",
    "s5.version": "Underskrevet {when}",
    "s5.version_current": "gældende",
    "s5.no_versions": "Ingen underskrevne udgaver endnu.",
    "s5.file": "samarbejdsaftale",
    "s5.file_tasks": "opgaver",
}


EN: dict[str, str] = {
    "s5.h.follow_up": "Follow-up",
    "s5.meetings": "Follow-up meetings",
    "s5.meetings_lead": "Put the first follow-up meetings in the calendar with a date and someone responsible.",
    "s5.h.term": "Period and changes",
    "s5.h.agreement": "The cooperation agreement",
    "s5.nonbinding": "This is a **non-binding cooperation agreement**: it rests on trust and good will and "
    "cannot be enforced in court. The text is made from what you wrote in steps 4 and 5 – edit there, and "
    "the agreement follows.",
    "s5.h.check": "Is the agreement complete?",
    "s5.required": "must be in place before approval",
    "s5.h.balance": "Balance between the parties",
    "s5.balance_lead": "Tasks and responsible people per organisation.",
    "s5.balance_uneven": "Most open tasks lie with {org}. Consider sharing them more evenly – the partnership "
    "should be carried by both.",
    "s5.balance_even": "The open tasks are shared fairly evenly.",
    "s5.balance_measure": "Count",
    "s5.text": "The agreement text",
    "s5.h.approval": "Approval",
    "s5.approval_lead": "Each organisation approves the agreement by entering the name of the person who "
    "approves. When both have approved the same text, the agreement is signed. If the text changes "
    "afterwards, it must be approved again.",
    "s5.approved_by": "Approved by **{name}** · {when}",
    "s5.valid": "Valid for the current text.",
    "s5.voided": "Changed after approval – must be approved again",
    "s5.not_approved": "Not approved yet.",
    "s5.owner_signs": "The owner's link approves the agreement for the association. You can read and edit it.",
    "s5.approver": "Name of the person approving for {org}",
    "s5.approve": "Approve the agreement",
    "s5.approved": "The agreement is approved for {org}. Now the approval from {other} is missing.",
    "s5.approve_lang": "The text is approved in {language}, as {org} approved it – the content is the same.",
    "s5.lang.da": "Danish",
    "s5.lang.en": "English",
    "s5.signed": "Signed",
    "s5.signed_lead": "Both parties have approved the agreement, and it is locked. Status and notes of the tasks "
    "can still be updated.",
    "s5.signed_changed": "The current agreement text differs from the signed one, for example because a task "
    "changed after signing. The signed text below applies; it is kept unchanged under “Signed versions”.",
    "s5.reopen": "Reopen for changes",
    "s5.reopen_warn": "When the agreement is reopened, both parties can edit it again, and both must approve "
    "it anew. The signed version is kept and can still be read and downloaded.",
    "s5.reopen_sure": "Yes, I want to reopen the agreement",
    "s5.reopen_go": "Reopen the agreement",
    "s5.reopened": "The agreement is open for changes. The signed version is kept under “Signed versions”.",
    "s5.h.export": "Download the agreement",
    "s5.export_lead": "The current text – to read, print or pass on.",
    "s5.dl.md": "Text file (.md)",
    "s5.dl.html": "For printing (.html)",
    "s5.dl.docx": "Word (.docx)",
    "s5.dl.pdf": "PDF (.pdf)",
    "s5.dl.csv": "Tasks as a spreadsheet (.csv)",
    "s5.h.versions": "Signed versions",
    "s5.version": "Signed {when}",
    "s5.version_current": "in force",
    "s5.no_versions": "No signed versions yet.",
    "s5.file": "cooperation-agreement",
    "s5.file_tasks": "tasks",
}
