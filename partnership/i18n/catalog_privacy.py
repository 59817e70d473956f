"""The privacy page: what the tool stores about people, where, who sees it, for how long.

Every rule stated here is one the code enforces (docs/architecture.md): the store's SQL
functions, the limits in partnership_private.limit_settings, the browser's drafts."""

DA: dict[str, str] = {
    "privacy.title": "Privatliv og persondata",
    "privacy.lead": "Partnerskabsværktøjet gemmer kun det, I selv skriver ind. Her står, hvad det er, hvor det "
                    "ligger, hvem der kan se det, og hvor længe det bliver gemt.",
    "privacy.h.what": "Hvad gemmes",
    "privacy.what": (
        "- **Tekster og planer**, som I skriver i trin 1–5, opgaver, kandidater og sundhedstjek.\n"
        "- **Personer**: navn, titel og – kun hvis personen har sagt ja – mail eller telefon. Når nogen skriver "
        "en mail eller et telefonnummer ind, gemmes det, hvem der gjorde det og hvornår, som bevis for samtykket.\n"
        "- **Historik**: hvem der ændrede hvad og hvornår, så en ændring kan fortrydes.\n"
        "- **Navnet, du skriver dig ind med**, gemmes ved hver ændring og i din browser (en cookie, `ps_name`).\n"
        "- **En tilfældig nøgle til din browser** (en cookie, `ps_device`), når du åbner foreningens link: de "
        "forslag, du skriver, mens I tænker hver for sig i trin 2, er kun dine på denne enhed. Vi gemmer kun et "
        "fingeraftryk af nøglen (SHA-256).\n"
        "- **Hvem der er her nu**: navnet på dem, der har siden åben, i højst 15 sekunder efter, de gik."
    ),
    "privacy.h.where": "Hvor ligger det",
    "privacy.where": (
        "Data ligger i en PostgreSQL-database: enten den, værktøjet selv starter på serveren, eller et Supabase-"
        "projekt, som den, der driver værktøjet, har valgt (vælg en region i EU). Links gemmes kun som et "
        "fingeraftryk (SHA-256), så en kopi af databasen åbner ingen partnerskaber. Tekst, du er ved at skrive, "
        "gemmes i din egen browser, indtil den er gemt eller kasseret, og højst i 14 dage."
    ),
    "privacy.h.who": "Hvem ser hvad",
    "privacy.who": (
        "- **Foreningen** (ejerens og medlemmernes links) ser alt i partnerskabet; kun ejeren styrer linkene og "
        "kan slette.\n"
        "- **Partneren** ser idéen, trin 4 og 5, tidslinjen og de fælles opgaver – og kun de personer, der er "
        "med i arbejdsgruppen, hører til partneren eller er ansvarlige for en fælles opgave. Foreningens egne "
        "personer fra trin 3 bliver i foreningen.\n"
        "- **Læsere** ser aftalen, tidslinjen og de fælles opgaver, men kan ikke ændre noget.\n"
        "- Reglerne gælder i databasen selv, ikke kun på siderne."
    ),
    "privacy.h.how_long": "Hvor længe",
    "privacy.how_long": (
        "- Et partnerskab gemmes, indtil foreningen sletter det (under Indstillinger). Så forsvinder alt, også "
        "historikken og linkene.\n"
        "- Historikken holder de nyeste 5.000 ændringer pr. partnerskab; ældre slettes.\n"
        "- Et tomt partnerskab, som ingen har skrevet i, slettes efter 30 dage.\n"
        "- På en gratis demo-server kan data forsvinde ved en genstart."
    ),
    "privacy.h.rights": "En persons oplysninger kan slettes",
    "privacy.rights": (
        "Foreningen kan slette en persons oplysninger alle steder: åbn personen, vælg »Slet personens "
        "oplysninger«. Navn, titel og kontaktoplysninger fjernes, også i historikken, og samtykket slettes. "
        "Tekster, I selv har skrevet om personen, ændres ikke – ret dem selv. En eksport (JSON, Word, PDF), som "
        "nogen allerede har hentet, kan værktøjet ikke kalde tilbage."
    ),
    "privacy.h.who_is_responsible": "Hvem er ansvarlig",
    "privacy.who_is_responsible": (
        "Foreningen, der opretter partnerskabet, er dataansvarlig for de personer, den skriver ind; partneren for "
        "sine egne. Den, der driver værktøjet, opbevarer data for dem."
    ),
}

EN: dict[str, str] = {
    "privacy.title": "Privacy and personal data",
    "privacy.lead": "The partnership tool keeps only what you type into it. This page says what that is, where it "
                    "is kept, who can see it, and for how long.",
    "privacy.h.what": "What is kept",
    "privacy.what": (
        "- **Texts and plans** you write in steps 1–5, tasks, candidates and health checks.\n"
        "- **People**: name, title and – only if the person agreed – e-mail or phone. When someone enters an "
        "e-mail or a phone number, who did it and when is kept as the record of that consent.\n"
        "- **History**: who changed what and when, so that a change can be undone.\n"
        "- **The name you give** is kept with each change and in your browser (a cookie, `ps_name`).\n"
        "- **A random key for your browser** (a cookie, `ps_device`) when you open the association's link: the "
        "suggestions you write while you think on your own in step 2 are yours alone on this device. Only a "
        "fingerprint of the key (SHA-256) is stored.\n"
        "- **Who is here now**: the names of those who have the page open, for at most 15 seconds after they left."
    ),
    "privacy.h.where": "Where it is kept",
    "privacy.where": (
        "The data lives in a PostgreSQL database: either the one the tool starts on its server, or a Supabase "
        "project chosen by whoever runs the tool (choose a region in the EU). Links are kept only as a "
        "fingerprint (SHA-256), so a copy of the database opens no partnership. Text you are typing is kept in "
        "your own browser until it is saved or discarded, for at most 14 days."
    ),
    "privacy.h.who": "Who sees what",
    "privacy.who": (
        "- **The association** (the owner's and the members' links) sees everything of the partnership; only "
        "the owner manages the links and can delete.\n"
        "- **The partner** sees the idea, steps 4 and 5, the timeline and the joint tasks – and only the people "
        "who are in the working group, belong to the partner or are responsible for a joint task. The "
        "association's own people from step 3 stay inside the association.\n"
        "- **Readers** see the agreement, the timeline and the joint tasks, and can change nothing.\n"
        "- The rules hold in the database itself, not only on the pages."
    ),
    "privacy.h.how_long": "For how long",
    "privacy.how_long": (
        "- A partnership is kept until the association deletes it (in Settings). Then everything goes, the "
        "history and the links included.\n"
        "- The history keeps the newest 5,000 changes per partnership; older ones are deleted.\n"
        "- An empty partnership nobody wrote in is deleted after 30 days.\n"
        "- On a free demo server, data may vanish at a restart."
    ),
    "privacy.h.rights": "A person's details can be erased",
    "privacy.rights": (
        "The association can erase a person's details everywhere: open the person and choose \"Erase this "
        "person's details\". Name, title and contact details are removed, the history included, and the consent "
        "is deleted. Texts you wrote about the person yourselves are not changed – correct them yourselves. An "
        "export (JSON, Word, PDF) someone already downloaded cannot be called back by the tool."
    ),
    "privacy.h.who_is_responsible": "Who is responsible",
    "privacy.who_is_responsible": (
        "The association that creates the partnership is the data controller for the people it enters; the "
        "partner for its own. Whoever runs the tool keeps the data on their behalf."
    ),
}
