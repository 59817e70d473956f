"""The shared links: link cards, sending and saving the owner's link, and the invitation to
the partner in step 3."""

from __future__ import annotations

DA: dict[str, str] = {
    "links.copy": "Kopiér linket",
    "links.invitation.copy": "Kopiér invitationen",
    "links.invitation.copy_failed": "Kunne ikke kopiere – markér invitationen og kopiér den selv",
    "links.copied": "Kopieret ✓",
    "links.copy_failed": "Kunne ikke kopiere – markér linket og kopiér det selv",
    "links.not_kept": "Dette link blev lavet, før værktøjet kunne vise links igen, så det kan ikke vises her. "
    "Har I ikke linket gemt, så lav et nyt nedenfor – det gamle holder så op med at virke.",
    "links.make_anew": "Lav linket på ny",
    "links.owner.key": "**Linket er nøglen.** Der er ingen adgangskode: den, der har linket, kommer ind – "
    "og uden det kan I ikke komme tilbage. Gem det et sikkert sted.",
    "links.send_self": "Send det til dig selv",
    "links.send_self_subject": "Vores link til Partnerskabsværktøjet",
    "links.send_self_body": "Her er foreningens link til vores partnerskab. Gem det – det er nøglen:\n\n{url}",
    "links.download": "Gem som fil",
    "links.file_text": "Foreningens link til partnerskabet (linket er nøglen - gem det godt):\n{url}",
    "links.created": "Partnerskabet er oprettet, og du er inde i det. Gem jeres link nedenfor, "
    "og send partnerens link, når partneren har sagt ja.",
    "links.partner.invite_title": "Link til partneren",
    "links.s3_invite": "Send linket til {name}",
    "links.s3_invite_lead": "Her er en mail, I kan sende til {name} med partnerens link og idéen. "
    "Ret den gerne til først.",
    "links.s3_subject": "Velkommen i vores partnerskab",
    "links.s3_mailto": "Åbn mailen i mailprogrammet",
    "links.s3_greeting": "Kære {name}",
    "links.s3_body": "Tak, fordi I har sagt ja til at arbejde sammen med {org}. Med linket herunder kan I "
    "følge med og skrive med på vores fælles plan – der skal ikke oprettes nogen konto.",
    "links.s3_idea": "Idéen, som vi har beskrevet den:\n{idea}",
    "links.s3_link": "Jeres link:\n{url}",
    "links.s3_closing": "Vi glæder os til samarbejdet.\n\nVenlige hilsner\n{org}",
}


EN: dict[str, str] = {
    "links.copy": "Copy the link",
    "links.invitation.copy": "Copy the invitation",
    "links.invitation.copy_failed": "Could not copy – select the invitation and copy it yourself",
    "links.copied": "Copied ✓",
    "links.copy_failed": "Could not copy – select the link and copy it yourself",
    "links.not_kept": "This link was made before the tool could show links again, so it cannot be shown here. "
    "If you have not kept it, make a new one below – the old one then stops working.",
    "links.make_anew": "Make the link anew",
    "links.owner.key": "**The link is the key.** There is no password: whoever has the link gets in – and "
    "without it you cannot get back. Keep it somewhere safe.",
    "links.send_self": "Send it to yourself",
    "links.send_self_subject": "Our link to the partnership tool",
    "links.send_self_body": "Here is the association's link to our partnership. Keep it – it is the key:\n\n{url}",
    "links.download": "Save as a file",
    "links.file_text": "The association's link to the partnership (the link is the key - keep it safe):\n{url}",
    "links.created": "The partnership has been created and you are in it. Keep your link below, and send "
    "the partner's link once the partner has said yes.",
    "links.partner.invite_title": "Link for the partner",
    "links.s3_invite": "Send the link to {name}",
    "links.s3_invite_lead": "Here is an e-mail you can send to {name} with the partner's link and the idea. "
    "Feel free to edit it first.",
    "links.s3_subject": "Welcome to our partnership",
    "links.s3_mailto": "Open the e-mail in your e-mail program",
    "links.s3_greeting": "Dear {name}",
    "links.s3_body": "Thank you for saying yes to working with {org}. With the link below you can follow and "
    "write along in our shared plan – no account is needed.",
    "links.s3_idea": "The idea, as we have described it:\n{idea}",
    "links.s3_link": "Your link:\n{url}",
    "links.s3_closing": "We look forward to working together.\n\nKind regards\n{org}",
}
