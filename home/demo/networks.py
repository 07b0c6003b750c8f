"""The content of the five demo networks as plain Python data.

Modelled on the public sites of German local integration networks, written in our own words; every
person, phone number, e-mail address and web address is made up (``.example`` domains,
subscriber numbers starting with 0000, which German numbering never assigns).

Dates are relative so the demo always looks alive:
- events: ``week`` (weeks from the Monday of the current week, 1 = next week) + ``weekday``
  (0 = Monday … 6 = Sunday); a weekly event repeats for ``until_weeks`` weeks;
- process phases and projects: ``start`` / ``end`` in days from today (negative = past);
- meetings: ``days`` from today, or ``week`` + ``weekday`` like events when a meeting is also
  announced in the calendar; news: ``days_ago``.
"""

from html import escape

# --- small helpers that build StreamField JSON (``[{"type": …, "value": …}]``) ---------------


def rich(*paragraphs):
    """Rich text from plain paragraphs (escaped) — for RichTextFields and paragraph blocks."""
    return "".join(f"<p>{escape(text, quote=False)}</p>" for text in paragraphs)


def ul(items):
    return "<ul>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items) + "</ul>"


def para(*paragraphs):
    return {"type": "paragraph", "value": rich(*paragraphs)}


def bullets(items, lead=None):
    return {"type": "paragraph", "value": (rich(lead) if lead else "") + ul(items)}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def info(title, *paragraphs):
    return {"type": "info_box", "value": {"title": title, "text": rich(*paragraphs)}}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def button(label, url):
    return {"type": "button", "value": {"label": label, "page": None, "url": url}}


def page_button(label, path):
    """A button to a page of the same network, given by its slug path below the home page;
    the builder swaps the path for the page's id once the page exists."""
    return {"type": "button", "value": {"label": label, "page": path, "url": ""}}


MO, DI, MI, DO, FR, SA, SO = range(7)

# =============================================================================================
# 1. Hildesheim — AG Integration: a network of institutions and associations
# =============================================================================================

HILDESHEIM = {
    "key": "hildesheim",
    "hostname": "hildesheim.localhost",
    "site_name": "AG Integration Hildesheim",
    "color": (0, 104, 112),
    "city": "Hildesheim",
    "home": {
        "slug": "hildesheim",
        "title": "AG Integration Hildesheim",
        "intro": rich(
            "Wir sind der Zusammenschluss von Einrichtungen, Vereinen und engagierten Menschen, "
            "die in Hildesheim Integration gestalten – hauptamtlich wie ehrenamtlich."
        ),
        "body": [
            heading("Gemeinsam mehr erreichen"),
            para(
                "In der Arbeitsgruppe tauschen wir uns über neue Entwicklungen aus, planen "
                "gemeinsame Vorhaben und machen Öffentlichkeitsarbeit für eine offene Stadtgesellschaft.",
                "Vielfalt sehen wir als Gewinn. Zugleich fragen wir, wie knappe Mittel dort ankommen, "
                "wo sie am meisten bewirken.",
            ),
            info(
                "Mitmachen",
                "Die AG ist offen für neue Mitglieder. Vereine, Initiativen und Fachdienste sind "
                "herzlich eingeladen, beim nächsten Plenum vorbeizuschauen.",
            ),
        ],
        "highlights": [("ziele", "Unsere Ziele"), ("projekte", "Netzwerkprojekte"), ("arbeitsgruppe", "Das Plenum")],
        "contacts": ["Miriam Okafor", "Tobias Brandt"],
        "funders": ["Stadt Hildesheim", "Landesprogramm Integration Niedersachsen"],
    },
    "organisations": [
        {
            "name": "Caritasverband Hildesheim",
            "kind": "welfare",
            "district": "Innenstadt",
            "description": "Migrationsberatung und Jugendmigrationsdienst.",
        },
        {
            "name": "Diakonisches Werk Hildesheim",
            "kind": "welfare",
            "district": "Moritzberg",
            "description": "Flüchtlingssozialarbeit und Sprachmittlerpool.",
        },
        {
            "name": "Stadt Hildesheim, Fachbereich Soziales",
            "kind": "authority",
            "district": "Innenstadt",
            "description": "Koordinierung der kommunalen Integrationsarbeit.",
        },
        {
            "name": "Deutsch-Kurdischer Kulturverein",
            "kind": "migrant_organisation",
            "district": "Nordstadt",
            "description": "Kultur- und Bildungsangebote, Hausaufgabenhilfe.",
        },
        {
            "name": "Afrika-Forum Hildesheim",
            "kind": "migrant_organisation",
            "district": "Oststadt",
            "description": "Selbstorganisation afrikanischer Communities, Elternarbeit.",
        },
        {
            "name": "Volkshochschule Hildesheim",
            "kind": "education",
            "district": "Innenstadt",
            "description": "Integrations- und Berufssprachkurse.",
        },
        {
            "name": "Jugendzentrum Nordstadt",
            "kind": "association",
            "district": "Nordstadt",
            "description": "Offene Jugendarbeit mit vielen Sprachen im Team.",
        },
        {
            "name": "Polizeiinspektion Hildesheim",
            "kind": "authority",
            "district": "Innenstadt",
            "description": "Ansprechstelle für interkulturelle Angelegenheiten.",
        },
    ],
    "contacts": [
        {
            "name": "Miriam Okafor",
            "role": "Sprecherin der AG Integration",
            "organisation": "Diakonisches Werk Hildesheim",
            "phone": "05121 0000-210",
            "email": "ag-integration@hildesheim.example",
            "street": "Lindenstraße 8",
            "postal_code": "31134",
            "city": "Hildesheim",
            "room": "Raum 2.14",
            "office_hours": [(MO, "10:00", "12:00"), (DO, "14:00", "16:00")],
            "office_hours_note": "und nach Vereinbarung",
        },
        {
            "name": "Tobias Brandt",
            "role": "Geschäftsführung der AG",
            "organisation": "Stadt Hildesheim, Fachbereich Soziales",
            "phone": "05121 0000-315",
            "email": "t.brandt@hildesheim.example",
            "street": "Am Rathausplatz 3",
            "postal_code": "31134",
            "city": "Hildesheim",
            "room": "Zimmer 108",
            "office_hours": [(DI, "09:00", "12:00")],
            "office_hours_note": "nach Voranmeldung",
        },
    ],
    "funders": [
        {
            "name": "Stadt Hildesheim",
            "programme": "Zuwendung für Netzwerkarbeit",
            "website": "https://www.stadt.hildesheim.example",
        },
        {
            "name": "Landesprogramm Integration Niedersachsen",
            "programme": "Förderung lokaler Integrationsnetzwerke",
            "website": "https://integration.niedersachsen.example",
        },
    ],
    "action_fields": [
        {
            "slug": "zusammenleben",
            "title": "Zusammenleben",
            "teaser": "Nachbarschaft, Begegnung und Toleranz im Stadtteil.",
            "body": [
                para(
                    "Wir bringen Menschen zusammen, die nebeneinander wohnen, aber sich selten "
                    "begegnen: bei Festen, im Stadtteilcafé und in der Interkulturellen Woche."
                )
            ],
        },
        {
            "slug": "teilhabe",
            "title": "Politische Teilhabe",
            "teaser": "Mitreden, mitentscheiden: Zugewanderte in der Kommunalpolitik.",
            "body": [
                para(
                    "Wer hier lebt, soll hier mitgestalten. Wir setzen uns für einen "
                    "Integrationsbeirat ein und ermutigen zur Kandidatur in Gremien."
                )
            ],
        },
        {
            "slug": "jugend",
            "title": "Jugend und Bildung",
            "teaser": "Angebote für junge Menschen sichtbar und erreichbar machen.",
            "body": [
                para(
                    "Viele gute Angebote für Jugendliche kennt kaum jemand. Wir sammeln sie, "
                    "übersetzen sie und bringen sie an Schulen und in Jugendtreffs."
                )
            ],
        },
    ],
    "pages": [
        {
            "slug": "ueber-uns",
            "title": "Über die AG Integration",
            "teaser": "Ein offenes Netzwerk für fachlichen Austausch und gemeinsame Projekte.",
            "body": [
                para(
                    "Die AG Integration ist ein Raum, in dem Fachleute und Ehrenamtliche ihr Wissen "
                    "teilen. Wir beobachten, was sich in der Stadt verändert, und reagieren mit "
                    "eigenen Vorhaben auf aktuelle Ereignisse.",
                    "Unsere Stimme hat Gewicht: Wir bringen Anliegen in die Fachabteilungen der "
                    "Verwaltung und in die politischen Gremien ein.",
                ),
                quote("Integration gelingt dort, wo Menschen einander zuhören.", "aus dem Leitbild der AG"),
            ],
        },
        {
            "slug": "ziele",
            "title": "Ziele der AG",
            "teaser": "Wofür wir uns gemeinsam einsetzen.",
            "body": [
                heading("Was wir erreichen wollen"),
                bullets(
                    [
                        "Toleranz, Akzeptanz und gleiche Chancen für alle fördern",
                        "Neue Entwicklungen frühzeitig teilen und einordnen",
                        "Gemeinsame Projekte planen und durchführen",
                        "Gesamtgesellschaftliche Themen in den Blick nehmen",
                        "Öffentlich für Vielfalt werben",
                    ]
                ),
                info("Neue Mitglieder", "Wer mitarbeiten möchte, meldet sich bei der Geschäftsführung."),
            ],
        },
        {
            "slug": "aufgaben",
            "title": "Aufgaben und Arbeitsweise",
            "teaser": "Plenum, Arbeitskreise und Öffentlichkeitsarbeit.",
            "body": [
                para(
                    "Das Plenum tagt viermal im Jahr. Dazwischen arbeiten kleine Arbeitskreise an "
                    "einzelnen Vorhaben, etwa an der Angebotsübersicht für Jugendliche."
                ),
                bullets(
                    [
                        "Plenum mit allen Mitgliedern",
                        "Arbeitskreise zu Einzelthemen",
                        "Sprecherinnenteam und Geschäftsführung",
                    ]
                ),
            ],
        },
    ],
    "process": {
        "slug": "integrationsbeirat",
        "title": "Auf dem Weg zum Integrationsbeirat",
        "teaser": "Wie Hildesheim ein gewähltes Gremium für Zugewanderte bekommen soll.",
        "body": [
            para(
                "Gemeinsam mit Politik und Verwaltung bereiten wir einen Integrationsbeirat vor. "
                "Jede Phase ist offen für Beiträge aus der Stadtgesellschaft."
            )
        ],
        "phases": [
            {
                "title": "Bestandsaufnahme",
                "start": -420,
                "end": -240,
                "text": rich(
                    "Wie arbeiten Beiräte in vergleichbaren Städten? Wir haben Satzungen "
                    "verglichen und Erfahrungen eingeholt."
                ),
            },
            {
                "title": "Auftakt",
                "start": -239,
                "end": -180,
                "text": rich("Öffentliche Auftaktveranstaltung im Rathaus mit Gästen aus Nachbarstädten."),
            },
            {
                "title": "Arbeitsphase",
                "start": -179,
                "end": 90,
                "text": rich("Arbeitskreise entwerfen Satzung, Wahlordnung und Aufgaben des Beirats."),
            },
            {
                "title": "Umsetzung",
                "start": 91,
                "end": 400,
                "text": rich("Beschluss im Rat, Wahl und erste Sitzung des Beirats."),
            },
        ],
    },
    "round_table": {
        "slug": "arbeitsgruppe",
        "title": "Plenum der AG Integration",
        "teaser": "Das Plenum ist das Herz der AG: Hier treffen sich alle Mitglieder.",
        "purpose": rich(
            "Austausch über aktuelle Entwicklungen, Abstimmung gemeinsamer Projekte und "
            "Stellungnahmen gegenüber Politik und Verwaltung."
        ),
        "body": [para("Gäste sind willkommen. Bitte melden Sie sich vorher bei der Geschäftsführung an.")],
        "action_fields": ["zusammenleben", "teilhabe", "jugend"],
        "members": [
            ("Diakonisches Werk Hildesheim", "Sprecherin"),
            ("Stadt Hildesheim, Fachbereich Soziales", "Geschäftsführung"),
            ("Caritasverband Hildesheim", ""),
            ("Deutsch-Kurdischer Kulturverein", ""),
            ("Afrika-Forum Hildesheim", ""),
            ("Volkshochschule Hildesheim", ""),
            ("Jugendzentrum Nordstadt", ""),
            ("Polizeiinspektion Hildesheim", "Gast"),
        ],
        "contacts": ["Miriam Okafor", "Tobias Brandt"],
        "meetings": [
            {
                "slug": "plenum-fruehjahr",
                "title": "Plenum im Frühjahr",
                "days": -150,
                "time": "17:00",
                "hours": 2.5,
                "location_name": "Rathaus, Ratssaal",
                "address": "Am Rathausplatz 3, 31134 Hildesheim",
                "status": "documented",
                "teaser": "Schwerpunkt: erste Ideen für den Integrationsbeirat.",
                "agenda": [
                    ("Begrüßung und Neuigkeiten", "Kurzberichte aus den Mitgliedsorganisationen"),
                    ("Integrationsbeirat", "Erfahrungen aus Nachbarstädten"),
                    ("Interkulturelle Woche", "Erste Planung"),
                ],
                "minutes": rich(
                    "Anwesend waren 19 Personen aus 12 Organisationen.",
                    "Das Plenum befürwortet einen gewählten Integrationsbeirat. Ein Arbeitskreis "
                    "bereitet bis zum Sommer einen Satzungsentwurf vor.",
                ),
                "results": [
                    ("result", "Arbeitskreis Integrationsbeirat gegründet.", ""),
                    (
                        "demand",
                        "Der Rat möge die Einrichtung eines Integrationsbeirats prüfen.",
                        "Rat der Stadt Hildesheim",
                    ),
                ],
                "action_fields": ["teilhabe"],
            },
            {
                "slug": "plenum-sommer",
                "title": "Plenum im Sommer",
                "days": -60,
                "time": "17:00",
                "hours": 2,
                "location_name": "Volkshochschule, Raum 3",
                "address": "Pfaffenstieg 4, 31134 Hildesheim",
                "status": "documented",
                "teaser": "Der HI-Guide für Jugendliche wird vorgestellt.",
                "agenda": [
                    ("HI-Guide", "Vorstellung der Angebotsübersicht"),
                    ("Bericht aus dem Arbeitskreis Beirat", ""),
                    ("Verschiedenes", ""),
                ],
                "minutes": rich(
                    "Der HI-Guide erscheint in fünf Sprachen. Schulen erhalten Klassensätze.",
                    "Der Satzungsentwurf für den Beirat wird im Herbst öffentlich diskutiert.",
                ),
                "results": [
                    ("result", "Druck des HI-Guide in fünf Sprachen beschlossen.", ""),
                    (
                        "demand",
                        "Jugendangebote sollen auf der städtischen Website mehrsprachig erscheinen.",
                        "Stadt Hildesheim, Fachbereich Jugend",
                    ),
                ],
                "action_fields": ["jugend", "teilhabe"],
            },
            {
                "slug": "plenum-herbst",
                "title": "Plenum im Herbst",
                "days": 24,
                "time": "17:00",
                "hours": 2,
                "location_name": "Rathaus, Ratssaal",
                "address": "Am Rathausplatz 3, 31134 Hildesheim",
                "status": "planned",
                "teaser": "Satzungsentwurf für den Integrationsbeirat.",
                "agenda": [
                    ("Satzungsentwurf Integrationsbeirat", "Diskussion und Abstimmung"),
                    ("Rückblick Interkulturelle Woche", ""),
                ],
                "minutes": "",
                "results": [],
                "action_fields": ["teilhabe", "zusammenleben"],
            },
        ],
    },
    "news_index": {"slug": "aktuelles", "title": "Aktuelles", "intro": rich("Neuigkeiten aus der AG Integration.")},
    "news": [
        {
            "slug": "hi-guide-erschienen",
            "title": "HI-Guide ist erschienen",
            "days_ago": 9,
            "teaser": "Die Angebotsübersicht für Jugendliche gibt es jetzt gedruckt und in fünf Sprachen.",
            "body": [
                para(
                    "Sport, Musik, Beratung, Nachhilfe: Im HI-Guide finden Jugendliche auf einen Blick, "
                    "was Hildesheim ihnen bietet. Die Hefte liegen in Schulen und Jugendtreffs aus."
                )
            ],
            "action_fields": ["jugend"],
        },
        {
            "slug": "satzungsentwurf-beirat",
            "title": "Satzungsentwurf für den Beirat liegt vor",
            "days_ago": 21,
            "teaser": "Der Arbeitskreis hat einen Entwurf für den Integrationsbeirat erarbeitet.",
            "body": [
                para(
                    "Der Entwurf regelt Wahl, Zusammensetzung und Rechte des Beirats. Beim nächsten "
                    "Plenum wird er beraten."
                )
            ],
            "action_fields": ["teilhabe"],
        },
        {
            "slug": "neue-mitglieder",
            "title": "Zwei neue Mitglieder in der AG",
            "days_ago": 38,
            "teaser": "Das Afrika-Forum und das Jugendzentrum Nordstadt arbeiten jetzt mit.",
            "body": [para("Wir freuen uns über Verstärkung und heißen beide Organisationen herzlich willkommen.")],
            "action_fields": ["zusammenleben"],
        },
        {
            "slug": "workshops-verwaltung",
            "title": "Workshops zur interkulturellen Öffnung gestartet",
            "days_ago": 55,
            "teaser": "Beschäftigte aus Verwaltung und Kitas haben die erste Runde abgeschlossen.",
            "body": [para("Die Rückmeldungen waren sehr gut. Eine zweite Runde für Schulen ist in Planung.")],
            "action_fields": ["zusammenleben", "jugend"],
        },
    ],
    "event_index": {
        "slug": "termine",
        "title": "Termine",
        "intro": rich("Veranstaltungen der AG und ihrer Mitglieder."),
    },
    "events": [
        {
            "slug": "interkulturelle-woche-fest",
            "title": "Fest der Kulturen zur Interkulturellen Woche",
            "week": 2,
            "weekday": SA,
            "time": "12:00",
            "hours": 6,
            "location_name": "Marktplatz",
            "street": "Markt",
            "postal_code": "31134",
            "city": "Hildesheim",
            "free": True,
            "teaser": "Musik, Essen und Mitmachaktionen aus vielen Ländern.",
            "body": [para("Über zwanzig Vereine gestalten den Marktplatz. Für Kinder gibt es ein eigenes Programm.")],
            "action_fields": ["zusammenleben"],
        },
        {
            "slug": "podium-kommunalpolitik",
            "title": "Podium: Mitreden in der Kommunalpolitik",
            "week": 3,
            "weekday": MI,
            "time": "18:30",
            "hours": 2,
            "location_name": "Rathaus, Ratssaal",
            "street": "Am Rathausplatz 3",
            "postal_code": "31134",
            "city": "Hildesheim",
            "free": True,
            "teaser": "Ratsmitglieder mit Einwanderungsgeschichte erzählen von ihrem Weg.",
            "body": [
                para("Wie komme ich auf eine Liste? Was macht ein Ausschuss? Fragen sind ausdrücklich erwünscht.")
            ],
            "action_fields": ["teilhabe"],
        },
        {
            "slug": "workshop-interkulturelle-oeffnung",
            "title": "Workshop: Interkulturelle Öffnung in der Kita",
            "week": 5,
            "weekday": DI,
            "time": "09:00",
            "hours": 7,
            "location_name": "Volkshochschule",
            "street": "Pfaffenstieg 4",
            "postal_code": "31134",
            "city": "Hildesheim",
            "free": False,
            "registration_url": "https://anmeldung.hildesheim.example/kita-workshop",
            "limit": 20,
            "teaser": "Ganztägige Fortbildung für Fachkräfte, Teilnahmebeitrag 45 Euro.",
            "body": [para("Mit Übungen aus dem Kita-Alltag und Zeit für eigene Fälle.")],
            "action_fields": ["jugend", "zusammenleben"],
        },
        {
            "slug": "online-info-aufenthaltsrecht",
            "title": "Online-Info: Neues im Aufenthaltsrecht",
            "week": 4,
            "weekday": DO,
            "time": "18:00",
            "hours": 1.5,
            "online_url": "https://meet.hildesheim.example/aufenthaltsrecht",
            "free": True,
            "teaser": "Kurzer Überblick für Ehrenamtliche – im Videoraum, ohne Anmeldung.",
            "body": [para("Eine Fachanwältin erklärt die wichtigsten Änderungen und beantwortet Fragen im Chat.")],
            "action_fields": ["teilhabe"],
        },
        {
            "slug": "hausaufgabentreff",
            "title": "Hausaufgabentreff im Kulturverein",
            "week": 1,
            "weekday": MO,
            "time": "15:00",
            "hours": 2,
            "location_name": "Deutsch-Kurdischer Kulturverein",
            "street": "Peiner Straße 21",
            "postal_code": "31137",
            "city": "Hildesheim",
            "free": True,
            "recurrence": "weekly",
            "until_weeks": 14,
            "teaser": "Jeden Montag Unterstützung bei den Hausaufgaben für Klasse 1 bis 10.",
            "body": [para("Ehrenamtliche helfen bei Mathe, Deutsch und Englisch. Einfach vorbeikommen.")],
            "action_fields": ["jugend"],
        },
        {
            "slug": "stadtteilspaziergang",
            "title": "Stadtteilspaziergang Nordstadt",
            "week": 6,
            "weekday": SO,
            "time": "14:00",
            "hours": 2,
            "location_name": "Treffpunkt Jugendzentrum Nordstadt",
            "street": "Bischof-Janssen-Straße 30",
            "postal_code": "31137",
            "city": "Hildesheim",
            "free": False,
            "teaser": "Geschichten von Ankommen und Bleiben – Beitrag 5 Euro, ermäßigt frei.",
            "body": [para("Jugendliche führen durch ihren Stadtteil und erzählen, was ihn ausmacht.")],
            "action_fields": ["zusammenleben", "jugend"],
        },
    ],
    "project_index": {
        "slug": "projekte",
        "title": "Netzwerkprojekte",
        "intro": rich("Was wir gemeinsam angestoßen haben – laufend und abgeschlossen."),
    },
    "projects": [
        {
            "slug": "integrationsbeirat",
            "title": "Einsatz für einen Integrationsbeirat",
            "status": "current",
            "start": -420,
            "end": None,
            "teaser": "Ein gewähltes Gremium, das Zugewanderten eine Stimme gibt.",
            "body": [para("Wir werben bei Fraktionen und Verwaltung für den Beirat und begleiten die Ausarbeitung.")],
            "partners": [
                "Stadt Hildesheim, Fachbereich Soziales",
                "Deutsch-Kurdischer Kulturverein",
                "Afrika-Forum Hildesheim",
            ],
            "action_fields": ["teilhabe"],
        },
        {
            "slug": "hi-guide",
            "title": "HI-Guide: Angebote für Jugendliche",
            "status": "current",
            "start": -300,
            "end": 120,
            "teaser": "Eine mehrsprachige Übersicht über Freizeit, Beratung und Lernhilfe.",
            "body": [para("Der Guide wird jährlich aktualisiert und erscheint gedruckt und online.")],
            "partners": ["Jugendzentrum Nordstadt", "Caritasverband Hildesheim", "Volkshochschule Hildesheim"],
            "action_fields": ["jugend"],
        },
        {
            "slug": "workshops-oeffnung",
            "title": "Workshops zur interkulturellen Öffnung",
            "status": "current",
            "start": -200,
            "end": 240,
            "teaser": "Fortbildungen für Verwaltung, Kitas, Schulen und Polizei.",
            "body": [para("Kurze, praxisnahe Workshops, die Teams gemeinsam besuchen.")],
            "partners": ["Polizeiinspektion Hildesheim", "Diakonisches Werk Hildesheim"],
            "action_fields": ["zusammenleben", "jugend"],
        },
        {
            "slug": "erstberatung",
            "title": "Gemeinsames Erstberatungskonzept",
            "status": "completed",
            "start": -1400,
            "end": -900,
            "teaser": "Die Migrationsdienste haben ihre Erstberatung abgestimmt.",
            "body": [para("Seitdem gibt es einen gemeinsamen Laufzettel und feste Verweiswege.")],
            "partners": ["Caritasverband Hildesheim", "Diakonisches Werk Hildesheim"],
            "action_fields": ["zusammenleben"],
        },
        {
            "slug": "podium-engagement",
            "title": "Podium und Workshops zum kommunalpolitischen Engagement",
            "status": "completed",
            "start": -800,
            "end": -640,
            "teaser": "Eine Veranstaltungsreihe, die Mut zur Kandidatur gemacht hat.",
            "body": [para("Drei Teilnehmende sind inzwischen in Ortsräten aktiv.")],
            "partners": ["Afrika-Forum Hildesheim", "Volkshochschule Hildesheim"],
            "action_fields": ["teilhabe"],
        },
    ],
}

# =============================================================================================
# 2. Region Hannover — Integrationskonzept: event calendar and a staged participation process
# =============================================================================================

HANNOVER = {
    "key": "hannover",
    "hostname": "hannover.localhost",
    "site_name": "Integrationskonzept Region Hannover",
    "color": (178, 34, 52),
    "city": "Hannover",
    "home": {
        "slug": "hannover",
        "title": "Integrationskonzept Region Hannover",
        "intro": rich(
            "Die Region Hannover schreibt ihr Integrationskonzept – und zwar mit den Menschen, "
            "die hier leben. Machen Sie mit!"
        ),
        "body": [
            heading("Teilhabe auf Augenhöhe"),
            para(
                "In den Städten und Gemeinden der Region leben sehr viele Menschen, die selbst oder "
                "deren Familien eingewandert sind. Damit alle gleichberechtigt mitgestalten können, "
                "braucht es Angebote, die zum tatsächlichen Bedarf passen.",
                "Das Konzept entsteht in einem offenen Beteiligungsprozess: Wir fragen, was Integration "
                "für Sie bedeutet und wo die Region mehr tun sollte.",
            ),
            info(
                "Wer begleitet den Prozess?",
                "Die Koordinierungsstelle Integration steuert den Prozess zusammen mit einer "
                "Projektgruppe. Ein externes Beratungsinstitut unterstützt bei Analyse und Moderation.",
            ),
            page_button("Zum Veranstaltungskalender", "termine"),
        ],
        "highlights": [("beteiligungsprozess", "So läuft der Prozess"), ("termine", "Termine"), ("forum", "Fachforen")],
        "contacts": ["Selin Aydın"],
        "funders": ["Region Hannover", "Bundesprogramm Kommunale Integration"],
    },
    "organisations": [
        {
            "name": "Region Hannover, Koordinierungsstelle Integration",
            "kind": "authority",
            "district": "Hannover-Mitte",
            "description": "Federführung des Integrationskonzepts.",
        },
        {
            "name": "Institut für kommunale Vielfalt",
            "kind": "other",
            "district": "",
            "description": "Externes Beratungsinstitut für Analyse und Moderation.",
        },
        {
            "name": "Arbeiterwohlfahrt Region Hannover",
            "kind": "welfare",
            "district": "Linden",
            "description": "Migrationsberatung in mehreren Umlandgemeinden.",
        },
        {
            "name": "Verband der Migrantenorganisationen Hannover",
            "kind": "migrant_organisation",
            "district": "Hannover",
            "description": "Dachverband von über dreißig Vereinen.",
        },
        {
            "name": "Polnische Katholische Mission Hannover",
            "kind": "religious",
            "district": "Südstadt",
            "description": "Seelsorge und Treffpunkt für polnischsprachige Familien.",
        },
        {
            "name": "Leibniz-Sprachenzentrum",
            "kind": "education",
            "district": "Nordstadt",
            "description": "Sprachkurse und Beratung zu Bildungsabschlüssen.",
        },
        {
            "name": "Stadt Garbsen, Sozialamt",
            "kind": "authority",
            "district": "Garbsen",
            "description": "Integrationsbeauftragte der Stadt Garbsen.",
        },
    ],
    "contacts": [
        {
            "name": "Selin Aydın",
            "role": "Koordinierungsstelle Integration",
            "organisation": "Region Hannover, Koordinierungsstelle Integration",
            "phone": "0511 0000-4410",
            "email": "integrationskonzept@region-hannover.example",
            "street": "Hildesheimer Straße 20",
            "postal_code": "30169",
            "city": "Hannover",
            "room": "Raum 412",
            "office_hours": [(MO, "09:00", "12:00"), (MI, "13:00", "15:30")],
            "office_hours_note": "",
        },
        {
            "name": "Jonas Feldmann",
            "role": "Projektgruppe Integrationskonzept",
            "organisation": "Region Hannover, Koordinierungsstelle Integration",
            "phone": "0511 0000-4412",
            "email": "j.feldmann@region-hannover.example",
            "street": "Hildesheimer Straße 20",
            "postal_code": "30169",
            "city": "Hannover",
            "room": "Raum 415",
            "office_hours": [(DO, "10:00", "12:00")],
            "office_hours_note": "nach Voranmeldung",
        },
    ],
    "funders": [
        {
            "name": "Region Hannover",
            "programme": "Haushaltsmittel Integrationskonzept",
            "website": "https://www.region-hannover.example",
        },
        {
            "name": "Bundesprogramm Kommunale Integration",
            "programme": "Förderlinie Strategische Integrationsplanung",
            "website": "https://kommunale-integration.example",
        },
    ],
    "action_fields": [
        {
            "slug": "teilhabe",
            "title": "Partizipation und Teilhabe",
            "teaser": "Mitbestimmen in Politik, Vereinen und Verwaltung.",
            "body": [para("Wie kommen mehr Menschen mit Einwanderungsgeschichte in Beiräte, Räte und Vorstände?")],
        },
        {
            "slug": "sprache-bildung",
            "title": "Sprache und Bildung",
            "teaser": "Von der Kita bis zur Anerkennung von Abschlüssen.",
            "body": [para("Wir sammeln, wo Bildungswege stocken, und was Familien den Zugang erleichtert.")],
        },
        {
            "slug": "interkulturelle-oeffnung",
            "title": "Interkulturelle Öffnung",
            "teaser": "Eine Regionsverwaltung, die alle erreicht.",
            "body": [para("Mehrsprachige Informationen, vielfältige Teams und Schulungen für Beschäftigte.")],
        },
    ],
    "pages": [
        {
            "slug": "ziele",
            "title": "Ziel des Integrationskonzepts",
            "teaser": "Teilhabe verbessern und die Verwaltung weiter öffnen.",
            "body": [
                para(
                    "Mit dem Konzept will die Region erreichen, dass Menschen mit Migrationsgeschichte "
                    "besser teilhaben können – in Bildung, Arbeit, Politik und Alltag."
                ),
                bullets(
                    [
                        "Bedarf ermitteln statt vermuten",
                        "Angebote besser abstimmen",
                        "Die Regionsverwaltung interkulturell öffnen",
                    ]
                ),
            ],
        },
        {
            "slug": "aufgaben",
            "title": "Was die Region schon tut",
            "teaser": "Viele Projekte laufen bereits – das Konzept bündelt sie.",
            "body": [
                para(
                    "Städte, Gemeinden und die Regionsverwaltung haben bereits zahlreiche Angebote "
                    "aufgebaut und arbeiten in Netzwerken zusammen. Das Konzept soll diese "
                    "Erfahrungen bündeln und Lücken sichtbar machen."
                )
            ],
        },
        {
            "slug": "ueber-uns",
            "title": "Über die Koordinierungsstelle",
            "teaser": "Ihre Ansprechstelle für das Integrationskonzept.",
            "body": [para("Die Koordinierungsstelle ist Anlaufpunkt für Fragen, Anregungen und Kritik zum Prozess.")],
        },
    ],
    "process": {
        "slug": "beteiligungsprozess",
        "title": "Ablauf des Beteiligungsprozesses",
        "teaser": "In zwei Stufen vom Bestand zum fertigen Konzept.",
        "body": [
            para(
                "Im ersten Schritt wird erfasst, was es schon gibt und was fehlt. Danach beginnt "
                "die öffentliche Beteiligung mit Auftakt, Fachforen und Abschluss."
            )
        ],
        "phases": [
            {
                "title": "Bedarfs- und Bestandsanalyse",
                "start": -330,
                "end": -150,
                "text": rich("Daten auswerten, Begriffe klären, bestehende Maßnahmen erfassen und bewerten."),
            },
            {
                "title": "Auftaktveranstaltung",
                "start": -149,
                "end": -100,
                "text": rich("Öffentlicher Start mit über 200 Gästen aus der ganzen Region."),
            },
            {
                "title": "Forenphase",
                "start": -99,
                "end": 60,
                "text": rich("In Fachforen werden die Handlungsfelder vertieft und Empfehlungen formuliert."),
            },
            {
                "title": "Abschluss und Umsetzung",
                "start": 61,
                "end": 365,
                "text": rich("Beschluss der Regionsversammlung und Start der ersten Maßnahmen."),
            },
        ],
    },
    "round_table": {
        "slug": "forum",
        "title": "Fachforen zum Integrationskonzept",
        "teaser": "Die Fachforen sind offen für alle, die mitdenken wollen.",
        "purpose": rich(
            "Handlungsbedarfe erfassen, Beispiele guter Praxis sammeln und Empfehlungen für "
            "das Integrationskonzept formulieren."
        ),
        "body": [para("Jedes Forum wird protokolliert. Die Ergebnisse fließen in den Konzeptentwurf ein.")],
        "action_fields": ["teilhabe", "sprache-bildung", "interkulturelle-oeffnung"],
        "members": [
            ("Region Hannover, Koordinierungsstelle Integration", "Leitung"),
            ("Institut für kommunale Vielfalt", "Moderation"),
            ("Verband der Migrantenorganisationen Hannover", ""),
            ("Arbeiterwohlfahrt Region Hannover", ""),
            ("Leibniz-Sprachenzentrum", ""),
            ("Stadt Garbsen, Sozialamt", ""),
            ("Polnische Katholische Mission Hannover", "Gast"),
        ],
        "contacts": ["Selin Aydın", "Jonas Feldmann"],
        "meetings": [
            {
                "slug": "auftakt",
                "title": "Auftaktveranstaltung",
                "days": -140,
                "time": "10:00",
                "hours": 5,
                "location_name": "Haus der Region",
                "address": "Hildesheimer Straße 18, 30169 Hannover",
                "status": "documented",
                "teaser": "Der öffentliche Start des Beteiligungsprozesses.",
                "agenda": [
                    ("Grußwort der Regionspräsidentin", ""),
                    ("Ergebnisse der Bestandsanalyse", "Vortrag des Beratungsinstituts"),
                    ("Thementische", "Was heißt Integration für Sie?"),
                ],
                "minutes": rich(
                    "Rund 210 Gäste haben an zwölf Thementischen diskutiert.",
                    "Besonders oft genannt wurden Sprache, Anerkennung von Abschlüssen und "
                    "Ansprechpersonen in der Verwaltung.",
                ),
                "results": [("result", "Drei Handlungsfelder für die Forenphase festgelegt.", "")],
                "action_fields": ["teilhabe", "sprache-bildung", "interkulturelle-oeffnung"],
            },
            {
                "slug": "fachforum-bildung",
                "title": "Fachforum Sprache und Bildung",
                "days": -70,
                "time": "16:00",
                "hours": 3,
                "location_name": "Leibniz-Sprachenzentrum",
                "address": "Engelbosteler Damm 7, 30167 Hannover",
                "status": "documented",
                "teaser": "Übergänge von der Kita bis in den Beruf.",
                "agenda": [("Impuls: Bildungswege in der Region", ""), ("Arbeitsgruppen", ""), ("Empfehlungen", "")],
                "minutes": rich("Die Teilnehmenden beschreiben lange Wartezeiten auf Sprachkurse im Umland."),
                "results": [
                    ("demand", "Sprachkurse mit Kinderbetreuung in allen Umlandgemeinden.", "Regionsverwaltung"),
                    ("result", "Eine Übersicht der Anerkennungsberatungen wird erstellt.", ""),
                ],
                "action_fields": ["sprache-bildung"],
            },
            {
                "slug": "fachforum-teilhabe",
                "title": "Fachforum Partizipation",
                "days": -20,
                "time": "17:30",
                "hours": 2.5,
                "location_name": "Rathaus Garbsen",
                "address": "Rathausplatz 1, 30823 Garbsen",
                "status": "held",
                "teaser": "Wie gelangen mehr Stimmen in die Gremien?",
                "agenda": [("Erfahrungen aus Integrationsbeiräten", ""), ("Gruppenarbeit", "")],
                "minutes": "",
                "results": [],
                "action_fields": ["teilhabe"],
            },
            {
                "slug": "fachforum-oeffnung",
                "title": "Fachforum Interkulturelle Öffnung",
                "week": 5,
                "weekday": DI,
                "time": "16:00",
                "hours": 3,
                "location_name": "Haus der Region",
                "address": "Hildesheimer Straße 18, 30169 Hannover",
                "status": "planned",
                "teaser": "Wie wird die Regionsverwaltung für alle zugänglich?",
                "agenda": [("Beispiele aus anderen Kommunen", ""), ("Empfehlungen an die Verwaltung", "")],
                "minutes": "",
                "results": [],
                "action_fields": ["interkulturelle-oeffnung"],
            },
        ],
    },
    "news_index": {"slug": "aktuelles", "title": "Aktuelles", "intro": rich("Neues aus dem Beteiligungsprozess.")},
    "news": [
        {
            "slug": "forenphase-laeuft",
            "title": "Forenphase in vollem Gange",
            "days_ago": 6,
            "teaser": "Zwei von drei Fachforen haben stattgefunden.",
            "body": [para("Die Dokumentation des Bildungsforums ist online. Das dritte Forum folgt in Kürze.")],
            "action_fields": ["sprache-bildung", "teilhabe"],
        },
        {
            "slug": "dokumentation-auftakt",
            "title": "Dokumentation der Auftaktveranstaltung",
            "days_ago": 120,
            "teaser": "Alle Ergebnisse der Thementische zum Nachlesen.",
            "body": [para("Die Ergebnisse sind nach Handlungsfeldern geordnet.")],
            "action_fields": ["teilhabe", "interkulturelle-oeffnung"],
        },
        {
            "slug": "umfrage",
            "title": "Online-Umfrage: Was bedeutet Integration für Sie?",
            "days_ago": 30,
            "teaser": "Noch bis Monatsende können Sie Ihre Meinung sagen.",
            "body": [para("Die Umfrage dauert etwa zehn Minuten und ist in sechs Sprachen verfügbar.")],
            "action_fields": ["teilhabe"],
        },
    ],
    "event_index": {
        "slug": "termine",
        "title": "Veranstaltungskalender",
        "intro": rich("Heute, am Wochenende, kostenlos: Veranstaltungen rund um Integration in der Region."),
    },
    "events": [
        {
            "slug": "fachforum-oeffnung",
            "title": "Fachforum Interkulturelle Öffnung",
            "week": 5,
            "weekday": DI,
            "time": "16:00",
            "hours": 3,
            "location_name": "Haus der Region",
            "street": "Hildesheimer Straße 18",
            "postal_code": "30169",
            "city": "Hannover",
            "free": True,
            "registration_url": "https://anmeldung.region-hannover.example/forum-oeffnung",
            "limit": 80,
            "teaser": "Diskutieren Sie mit, wie die Verwaltung für alle zugänglich wird.",
            "body": [para("Mit Beispielen aus anderen Kommunen und Zeit für Ihre Ideen.")],
            "action_fields": ["interkulturelle-oeffnung"],
        },
        {
            "slug": "familienfest-garbsen",
            "title": "Familienfest der Kulturen in Garbsen",
            "week": 3,
            "weekday": SA,
            "time": "11:00",
            "hours": 6,
            "location_name": "Stadtpark Garbsen",
            "street": "Planetenring",
            "postal_code": "30823",
            "city": "Garbsen",
            "free": True,
            "teaser": "Spiele, Musik und Essen für die ganze Familie.",
            "body": [para("Vereine aus der Region stellen sich vor.")],
            "action_fields": ["teilhabe"],
        },
        {
            "slug": "theater-heimat",
            "title": "Theaterabend „Zwei Heimaten“",
            "week": 4,
            "weekday": SO,
            "time": "19:00",
            "hours": 2,
            "location_name": "Kulturzentrum Pavillon",
            "street": "Lister Meile 4",
            "postal_code": "30161",
            "city": "Hannover",
            "free": False,
            "registration_url": "https://tickets.hannover.example/zwei-heimaten",
            "teaser": "Ein Ensemble aus Jugendlichen spielt Geschichten vom Ankommen. Eintritt 8 Euro.",
            "body": [para("Im Anschluss Gespräch mit dem Ensemble.")],
            "action_fields": ["teilhabe"],
        },
        {
            "slug": "webinar-anerkennung",
            "title": "Webinar: Ausländische Abschlüsse anerkennen lassen",
            "week": 2,
            "weekday": MI,
            "time": "17:00",
            "hours": 1.5,
            "online_url": "https://meet.region-hannover.example/anerkennung",
            "free": True,
            "teaser": "Schritt für Schritt zur Anerkennung – online und mit Fragerunde.",
            "body": [para("Für Ratsuchende und Beratende gleichermaßen.")],
            "action_fields": ["sprache-bildung"],
        },
        {
            "slug": "sprachcafe",
            "title": "Sprachcafé im Stadtteiltreff",
            "week": 1,
            "weekday": DO,
            "time": "16:00",
            "hours": 2,
            "location_name": "Stadtteiltreff Linden",
            "street": "Fössestraße 12",
            "postal_code": "30451",
            "city": "Hannover",
            "free": True,
            "recurrence": "weekly",
            "until_weeks": 16,
            "teaser": "Jeden Donnerstag Deutsch sprechen bei Tee und Gebäck.",
            "body": [para("Alle Niveaus willkommen, keine Anmeldung nötig.")],
            "action_fields": ["sprache-bildung"],
        },
        {
            "slug": "fortbildung-verwaltung",
            "title": "Fortbildung: Leichte Sprache im Bürgerbüro",
            "week": 7,
            "weekday": MO,
            "time": "09:00",
            "hours": 6,
            "location_name": "Haus der Region",
            "street": "Hildesheimer Straße 18",
            "postal_code": "30169",
            "city": "Hannover",
            "free": False,
            "registration_url": "https://anmeldung.region-hannover.example/leichte-sprache",
            "limit": 16,
            "teaser": "Verständlich schreiben für Beschäftigte der Region (interne Verrechnung).",
            "body": [para("Mit Übungen an echten Bescheiden und Formularen.")],
            "action_fields": ["interkulturelle-oeffnung"],
        },
    ],
    "project_index": {"slug": "projekte", "title": "Projekte", "intro": rich("Maßnahmen aus dem Integrationskonzept.")},
    "projects": [
        {
            "slug": "mehrsprachige-wegweiser",
            "title": "Mehrsprachige Wegweiser für Bürgerbüros",
            "status": "current",
            "start": -90,
            "end": 200,
            "teaser": "Beschilderung und Infoblätter in den häufigsten Sprachen.",
            "body": [para("Zuerst in drei Pilotgemeinden, danach in der ganzen Region.")],
            "partners": ["Region Hannover, Koordinierungsstelle Integration", "Stadt Garbsen, Sozialamt"],
            "action_fields": ["interkulturelle-oeffnung"],
        },
        {
            "slug": "anerkennungslotsen",
            "title": "Anerkennungslotsinnen und -lotsen",
            "status": "current",
            "start": -250,
            "end": 300,
            "teaser": "Ehrenamtliche begleiten durch das Anerkennungsverfahren.",
            "body": [para("Die Lotsinnen und Lotsen werden geschult und von Fachleuten begleitet.")],
            "partners": ["Leibniz-Sprachenzentrum", "Verband der Migrantenorganisationen Hannover"],
            "action_fields": ["sprache-bildung"],
        },
        {
            "slug": "bestandsanalyse",
            "title": "Bestandsanalyse Integrationsangebote",
            "status": "completed",
            "start": -330,
            "end": -150,
            "teaser": "Über 400 Angebote in der Region erfasst und ausgewertet.",
            "body": [para("Die Analyse ist Grundlage des Beteiligungsprozesses.")],
            "partners": ["Institut für kommunale Vielfalt", "Arbeiterwohlfahrt Region Hannover"],
            "action_fields": ["teilhabe", "interkulturelle-oeffnung"],
        },
    ],
}

# =============================================================================================
# 3. Landkreis Hameln-Pyrmont — Migration: tasks, projects, goals, forum twice a year, report
# =============================================================================================

HAMELN = {
    "key": "hameln",
    "hostname": "hameln.localhost",
    "site_name": "Migration in Hameln-Pyrmont",
    "color": (46, 94, 170),
    "city": "Hameln",
    "home": {
        "slug": "hameln",
        "title": "Migration in Hameln-Pyrmont",
        "intro": rich(
            "Das Integrationsbüro im Landkreis Hameln-Pyrmont vernetzt alle, die mit und für "
            "Zugewanderte arbeiten – von der Beratungsstelle bis zur Schule."
        ),
        "body": [
            heading("Aufgaben, Projekte und Ziele"),
            para(
                "Wir verschaffen uns einen Überblick über Angebote im Landkreis, bringen Träger "
                "zusammen und werben Fördermittel ein. Zweimal im Jahr lädt das Integrationsforum "
                "zum Austausch ein."
            ),
            info(
                "Jahresbericht",
                "Einmal im Jahr berichten wir im Ausschuss für Gesundheit und Soziales "
                "über unsere Arbeit. Der aktuelle Bericht steht unter „Über uns“.",
            ),
        ],
        "highlights": [
            ("aufgaben", "Unsere Aufgaben"),
            ("integrationsforum", "Integrationsforum"),
            ("jahresbericht", "Jahresbericht"),
        ],
        "contacts": ["Katrin Wollenweber", "Hüseyin Demir"],
        "funders": ["Landkreis Hameln-Pyrmont", "Land Niedersachsen"],
    },
    "organisations": [
        {
            "name": "Paritätischer Hameln",
            "kind": "welfare",
            "district": "Hameln",
            "description": "Träger der Projektstelle Integration.",
        },
        {
            "name": "Landkreis Hameln-Pyrmont, Fachdienst Soziales",
            "kind": "authority",
            "district": "Hameln",
            "description": "Kommunaler Partner und Auftraggeber des Jahresberichts.",
        },
        {
            "name": "Integrationsbüro Hameln-Pyrmont",
            "kind": "other",
            "district": "Hameln",
            "description": "Koordinierung, Projektförderung und Öffentlichkeitsarbeit.",
        },
        {
            "name": "Russlanddeutscher Kulturverein Bad Pyrmont",
            "kind": "migrant_organisation",
            "district": "Bad Pyrmont",
            "description": "Chor, Seniorentreff und Beratung in russischer Sprache.",
        },
        {
            "name": "Moscheegemeinde Hameln",
            "kind": "religious",
            "district": "Hameln-Nord",
            "description": "Gemeindearbeit, Frauengruppe und Hausaufgabenhilfe.",
        },
        {
            "name": "Berufsbildende Schulen Hameln",
            "kind": "education",
            "district": "Hameln",
            "description": "Sprachlernklassen und Berufsvorbereitung.",
        },
        {
            "name": "Mädchentreff Hameln",
            "kind": "association",
            "district": "Hameln-Süd",
            "description": "Offene Mädchen- und Frauenarbeit.",
        },
    ],
    "contacts": [
        {
            "name": "Katrin Wollenweber",
            "role": "Leitung Integrationsbüro",
            "organisation": "Integrationsbüro Hameln-Pyrmont",
            "phone": "05151 0000-120",
            "email": "integration@hameln-pyrmont.example",
            "street": "Süntelstraße 9",
            "postal_code": "31785",
            "city": "Hameln",
            "room": "Erdgeschoss",
            "office_hours": [(DI, "09:00", "12:00"), (DO, "14:00", "17:00")],
            "office_hours_note": "auch auf Englisch",
        },
        {
            "name": "Hüseyin Demir",
            "role": "Projektförderung und Vernetzung",
            "organisation": "Paritätischer Hameln",
            "phone": "05151 0000-125",
            "email": "h.demir@paritaet-hameln.example",
            "street": "Süntelstraße 9",
            "postal_code": "31785",
            "city": "Hameln",
            "room": "1. Obergeschoss",
            "office_hours": [(MI, "10:00", "13:00")],
            "office_hours_note": "nach Voranmeldung, auch auf Türkisch",
        },
    ],
    "funders": [
        {
            "name": "Landkreis Hameln-Pyrmont",
            "programme": "Projektstelle Integration",
            "website": "https://www.hameln-pyrmont.example",
        },
        {
            "name": "Land Niedersachsen",
            "programme": "Kooperative Migrationsarbeit",
            "website": "https://www.niedersachsen.example/migration",
        },
    ],
    "action_fields": [
        {
            "slug": "toleranz",
            "title": "Vielfalt und Toleranz",
            "teaser": "Gegen Rassismus und Gewalt, für Verständigung.",
            "body": [
                para(
                    "Wir fördern Initiativen gegen Rassismus und arbeiten im landesweiten Bündnis gegen "
                    "Rechtsextremismus mit."
                )
            ],
        },
        {
            "slug": "schule",
            "title": "Schule und Bildung",
            "teaser": "Zusammenarbeit mit Schulen und Sprachlernklassen.",
            "body": [
                para(
                    "Besonders an Schulen mit vielen neu zugewanderten Kindern unterstützen wir "
                    "Präventions- und Förderangebote."
                )
            ],
        },
        {
            "slug": "arbeit",
            "title": "Arbeit und Ausbildung",
            "teaser": "Hürden beim Zugang zu Arbeit erkennen und abbauen.",
            "body": [
                para(
                    "Wir sammeln Hindernisse im rechtlichen und wirtschaftlichen Bereich und "
                    "schlagen vor, wie sie sich abbauen lassen."
                )
            ],
        },
    ],
    "pages": [
        {
            "slug": "aufgaben",
            "title": "Aufgaben im Bereich Migration",
            "teaser": "Überblick verschaffen, vernetzen, Daten auswerten.",
            "body": [
                bullets(
                    [
                        "Lage erfassen, etwa mit einem Migrationskataster aus demografischen Daten",
                        "Angebote und Projekte im Landkreis sammeln und, wo möglich, auswerten",
                        "Gruppen, Verbände und Behörden ins Integrationsforum einladen",
                        "Kooperation zwischen den Anbietern stärken",
                    ],
                    lead="Das Integrationsbüro übernimmt diese Aufgaben:",
                )
            ],
        },
        {
            "slug": "ziele",
            "title": "Ziele im Bereich Migration",
            "teaser": "Eine Prioritätenliste als Grundlage für ein Konzept.",
            "body": [
                bullets(
                    [
                        "Aus den Daten eine Liste der dringendsten Handlungsbedarfe ableiten",
                        "Ein Konzept mit allen Beteiligten erarbeiten und umsetzen",
                        "Über Website und Informationsabende informieren",
                        "Drittmittel von Bund, Land und Stiftungen einwerben",
                        "Regelmäßig im Fachausschuss berichten",
                    ]
                )
            ],
        },
        {
            "slug": "jahresbericht",
            "title": "Jahresbericht",
            "teaser": "Was das Integrationsbüro im letzten Jahr erreicht hat.",
            "body": [
                para(
                    "Im vergangenen Jahr hat das Integrationsbüro 14 Projekte gefördert, zwei "
                    "Integrationsforen ausgerichtet und den Migrationskataster erstmals veröffentlicht."
                ),
                info("Bericht im Ausschuss", "Der Bericht wurde im Ausschuss für Gesundheit und Soziales vorgestellt."),
            ],
        },
    ],
    "process": {
        "slug": "integrationskonzept",
        "title": "Integrationskonzept für den Landkreis",
        "teaser": "Von den Daten zur Prioritätenliste und zur Umsetzung.",
        "body": [para("Das Konzept entsteht Schritt für Schritt und wird im Integrationsforum beraten.")],
        "phases": [
            {
                "title": "Migrationskataster",
                "start": -500,
                "end": -300,
                "text": rich("Demografische Daten aus allen Städten und Gemeinden werden zusammengeführt."),
            },
            {
                "title": "Integrationsforum gründen",
                "start": -299,
                "end": -120,
                "text": rich("Alle Beteiligten werden eingeladen; das Forum tagt mindestens zweimal im Jahr."),
            },
            {
                "title": "Prioritätenliste",
                "start": -119,
                "end": 150,
                "text": rich("Aus Daten und Forumsergebnissen entsteht eine Liste der wichtigsten Vorhaben."),
            },
            {
                "title": "Umsetzung und Bericht",
                "start": 151,
                "end": 500,
                "text": rich("Die Vorhaben werden umgesetzt; der Jahresbericht zeigt, was erreicht ist."),
            },
        ],
    },
    "round_table": {
        "slug": "integrationsforum",
        "title": "Integrationsforum Hameln-Pyrmont",
        "teaser": "Mindestens zweimal im Jahr: Austausch aller, die im Landkreis mit Migration befasst sind.",
        "purpose": rich("Informationsaustausch, Abstimmung der Angebote und Beratung der Prioritätenliste."),
        "body": [para("Das Forum ist offen für Vereine, Verbände, Ämter, Schulen und Initiativen.")],
        "action_fields": ["toleranz", "schule", "arbeit"],
        "members": [
            ("Integrationsbüro Hameln-Pyrmont", "Geschäftsstelle"),
            ("Paritätischer Hameln", "Träger"),
            ("Landkreis Hameln-Pyrmont, Fachdienst Soziales", ""),
            ("Russlanddeutscher Kulturverein Bad Pyrmont", ""),
            ("Moscheegemeinde Hameln", ""),
            ("Berufsbildende Schulen Hameln", ""),
            ("Mädchentreff Hameln", ""),
        ],
        "contacts": ["Katrin Wollenweber"],
        "meetings": [
            {
                "slug": "forum-herbst-vorjahr",
                "title": "Integrationsforum Herbst",
                "days": -380,
                "time": "15:00",
                "hours": 3,
                "location_name": "Kreishaus, Sitzungssaal",
                "address": "Süntelstraße 9, 31785 Hameln",
                "status": "documented",
                "teaser": "Erste Ergebnisse des Migrationskatasters.",
                "agenda": [("Vorstellung Migrationskataster", ""), ("Rückmeldungen der Träger", "")],
                "minutes": rich(
                    "Der Kataster zeigt große Unterschiede zwischen den Gemeinden.",
                    "Die Träger wünschen sich eine gemeinsame Übersicht aller Sprachkurse.",
                ),
                "results": [("result", "Gemeinsame Kursübersicht wird vom Integrationsbüro gepflegt.", "")],
                "action_fields": ["schule"],
            },
            {
                "slug": "forum-fruehjahr",
                "title": "Integrationsforum Frühjahr",
                "days": -110,
                "time": "15:00",
                "hours": 3,
                "location_name": "Kreishaus, Sitzungssaal",
                "address": "Süntelstraße 9, 31785 Hameln",
                "status": "documented",
                "teaser": "Entwurf der Prioritätenliste.",
                "agenda": [
                    ("Prioritätenliste: Entwurf", ""),
                    ("Bericht aus dem Aktionsbündnis", ""),
                    ("Fördermittel", "Neue Programme von Bund und Land"),
                ],
                "minutes": rich(
                    "Oberste Priorität haben Ausbildungszugänge für junge Geflüchtete.",
                    "Das Forum bittet den Landkreis, Sprachkurse mit Kinderbetreuung auszubauen.",
                ),
                "results": [
                    ("result", "Prioritätenliste mit fünf Vorhaben verabschiedet.", ""),
                    ("demand", "Ausbau von Sprachkursen mit Kinderbetreuung.", "Landkreis Hameln-Pyrmont"),
                    ("demand", "Mehr Schulsozialarbeit an Schulen mit Sprachlernklassen.", "Land Niedersachsen"),
                ],
                "action_fields": ["arbeit", "schule"],
            },
            {
                "slug": "forum-herbst",
                "title": "Integrationsforum Herbst",
                "days": 45,
                "time": "15:00",
                "hours": 3,
                "location_name": "Kreishaus, Sitzungssaal",
                "address": "Süntelstraße 9, 31785 Hameln",
                "status": "planned",
                "teaser": "Stand der Umsetzung und Jahresbericht.",
                "agenda": [("Stand der Vorhaben", ""), ("Jahresbericht", ""), ("Termine", "")],
                "minutes": "",
                "results": [],
                "action_fields": ["toleranz", "arbeit"],
            },
        ],
    },
    "news_index": {"slug": "aktuelles", "title": "Aktuelles", "intro": rich("Meldungen des Integrationsbüros.")},
    "news": [
        {
            "slug": "kataster-aktualisiert",
            "title": "Migrationskataster aktualisiert",
            "days_ago": 12,
            "teaser": "Die neuen Zahlen für alle Städte und Gemeinden sind da.",
            "body": [
                para("Der Kataster zeigt Herkunft, Alter und Aufenthaltsdauer – ohne Daten zu einzelnen Personen.")
            ],
            "action_fields": ["schule", "arbeit"],
        },
        {
            "slug": "foerderaufruf",
            "title": "Förderaufruf für Projekte gegen Rassismus",
            "days_ago": 25,
            "teaser": "Vereine können bis zu 2.000 Euro für eigene Projekte beantragen.",
            "body": [para("Gefördert werden Begegnungsprojekte, Workshops und Aktionen im öffentlichen Raum.")],
            "action_fields": ["toleranz"],
        },
        {
            "slug": "sprachlernklassen",
            "title": "Neue Sprachlernklasse an den Berufsbildenden Schulen",
            "days_ago": 47,
            "teaser": "Jugendliche ohne Deutschkenntnisse lernen dort Sprache und Beruf.",
            "body": [para("Die Klasse verbindet Sprachunterricht mit Praktika in Betrieben aus der Region.")],
            "action_fields": ["schule", "arbeit"],
        },
    ],
    "event_index": {"slug": "termine", "title": "Termine", "intro": rich("Veranstaltungen im Landkreis.")},
    "events": [
        {
            "slug": "aktionstag-vielfalt",
            "title": "Aktionstag Vielfalt in der Altstadt",
            "week": 2,
            "weekday": SA,
            "time": "10:00",
            "hours": 6,
            "location_name": "Pferdemarkt",
            "street": "Pferdemarkt",
            "postal_code": "31785",
            "city": "Hameln",
            "free": True,
            "teaser": "Vereine zeigen, wie bunt der Landkreis ist.",
            "body": [para("Mit Bühne, Infoständen und Mitmachaktionen gegen Rassismus.")],
            "action_fields": ["toleranz"],
        },
        {
            "slug": "ausbildungsboerse",
            "title": "Ausbildungsbörse für Zugewanderte",
            "week": 3,
            "weekday": DO,
            "time": "13:00",
            "hours": 4,
            "location_name": "Berufsbildende Schulen Hameln",
            "street": "Breiter Weg 2",
            "postal_code": "31787",
            "city": "Hameln",
            "free": True,
            "teaser": "Betriebe aus der Region stellen Ausbildungsplätze vor.",
            "body": [para("Sprachmittlerinnen und Sprachmittler helfen bei Gesprächen.")],
            "action_fields": ["arbeit"],
        },
        {
            "slug": "frauenfruehstueck",
            "title": "Internationales Frauenfrühstück",
            "week": 1,
            "weekday": FR,
            "time": "09:30",
            "hours": 2,
            "location_name": "Mädchentreff Hameln",
            "street": "Kaiserstraße 40",
            "postal_code": "31785",
            "city": "Hameln",
            "free": True,
            "recurrence": "weekly",
            "until_weeks": 10,
            "teaser": "Jeden Freitag: frühstücken, reden, Kontakte knüpfen.",
            "body": [para("Kinderbetreuung ist vorhanden.")],
            "action_fields": ["toleranz"],
        },
        {
            "slug": "online-fortbildung-rassismus",
            "title": "Online-Fortbildung: Rassismuskritisch beraten",
            "week": 4,
            "weekday": MI,
            "time": "10:00",
            "hours": 3,
            "online_url": "https://meet.hameln-pyrmont.example/fortbildung",
            "free": False,
            "registration_url": "https://anmeldung.hameln-pyrmont.example/fortbildung",
            "limit": 25,
            "teaser": "Für Fachkräfte aus Beratung und Verwaltung, Beitrag 30 Euro.",
            "body": [para("Mit Fallbeispielen und kollegialer Beratung in Kleingruppen.")],
            "action_fields": ["toleranz"],
        },
        {
            "slug": "konzert-pyrmont",
            "title": "Chorkonzert „Lieder aus der alten Heimat“",
            "week": 5,
            "weekday": SO,
            "time": "16:00",
            "hours": 2,
            "location_name": "Kurtheater Bad Pyrmont",
            "street": "Brunnenstraße 1",
            "postal_code": "31812",
            "city": "Bad Pyrmont",
            "free": False,
            "teaser": "Der Chor des Russlanddeutschen Kulturvereins singt. Eintritt 10 Euro.",
            "body": [para("Der Erlös geht an die Hausaufgabenhilfe des Vereins.")],
            "action_fields": ["toleranz"],
        },
    ],
    "project_index": {
        "slug": "projekte",
        "title": "Projekte im Bereich Migration",
        "intro": rich("Vorhaben, die das Integrationsbüro anstößt, fördert oder begleitet."),
    },
    "projects": [
        {
            "slug": "tolerantes-hameln-pyrmont",
            "title": "Handlungskonzept „Tolerantes Hameln-Pyrmont“",
            "status": "current",
            "start": -900,
            "end": None,
            "teaser": "Viele kleine Projekte gegen Rassismus und für Verständigung.",
            "body": [para("Das Integrationsbüro berät Vereine, vergibt Mittel und vernetzt die Projekte.")],
            "partners": ["Integrationsbüro Hameln-Pyrmont", "Moscheegemeinde Hameln", "Mädchentreff Hameln"],
            "action_fields": ["toleranz"],
        },
        {
            "slug": "schulische-praevention",
            "title": "Prävention an Schulstandorten",
            "status": "current",
            "start": -400,
            "end": 330,
            "teaser": "Zusammenarbeit mit Schulen, die neu zugewanderte Kinder fördern.",
            "body": [para("Workshops für Klassen und Beratung für Lehrkräfte.")],
            "partners": ["Berufsbildende Schulen Hameln", "Paritätischer Hameln"],
            "action_fields": ["schule"],
        },
        {
            "slug": "integrationsmonitoring",
            "title": "Integrationsmonitoring",
            "status": "completed",
            "start": -700,
            "end": -300,
            "teaser": "Eigene Erhebungen und der erste Migrationskataster.",
            "body": [para("Das Monitoring wird künftig alle zwei Jahre fortgeschrieben.")],
            "partners": ["Landkreis Hameln-Pyrmont, Fachdienst Soziales"],
            "action_fields": ["arbeit", "schule"],
        },
        {
            "slug": "maedchenarbeit",
            "title": "Stark im Beruf: Mädchen und junge Frauen",
            "status": "completed",
            "start": -800,
            "end": -420,
            "teaser": "Bewerbungstrainings und Betriebsbesuche für junge Frauen.",
            "body": [para("35 Teilnehmerinnen, davon 12 in Ausbildung vermittelt.")],
            "partners": ["Mädchentreff Hameln", "Berufsbildende Schulen Hameln"],
            "action_fields": ["arbeit"],
        },
    ],
}

# =============================================================================================
# 4. Altona — Runder Tisch Integration: kick-off, three action fields, expert forums, newsletter
# =============================================================================================

ALTONA = {
    "key": "altona",
    "hostname": "altona.localhost",
    "site_name": "Runder Tisch Integration Altona",
    "is_default": True,
    "color": (0, 92, 66),
    "city": "Hamburg",
    "home": {
        "slug": "altona",
        "title": "Runder Tisch Integration Altona",
        "intro": rich(
            "Bezirkspolitik, Bezirksamt und Zivilgesellschaft arbeiten am Runden Tisch gemeinsam "
            "daran, dass alle in Altona gleichberechtigt dazugehören."
        ),
        "body": [
            heading("Integration betrifft uns alle"),
            para(
                "Wir verstehen Integration als gleiche Teilhabe und Zugehörigkeit – unabhängig "
                "von Herkunft, Religion oder Sprache. Der Weg dahin ist ein demokratischer Prozess: "
                "das Ziel ist klar, ein Ende nicht in Sicht.",
                "Nach einer Auftaktveranstaltung haben wir drei Handlungsfelder bestimmt. In Fachforen "
                "sprechen Bürgerinnen und Bürger, Organisationen, Politik und Verwaltung miteinander.",
            ),
            info(
                "Newsletter – auch auf Papier",
                "Über unsere Arbeit berichtet ein Newsletter. Sie können ihn abonnieren oder an den "
                "Infoständern im Bezirksamt mitnehmen.",
            ),
        ],
        "highlights": [
            ("runder-tisch", "Der Runde Tisch"),
            ("fachforen-prozess", "Fachforen"),
            ("zusammenleben", "Zusammenleben in Altona"),
        ],
        "contacts": ["Henrik Janssen"],
        "funders": ["Bezirksamt Altona", "Hamburger Integrationsfonds"],
    },
    "organisations": [
        {
            "name": "Bezirksamt Altona, Fachamt Sozialraummanagement",
            "kind": "authority",
            "district": "Altona-Altstadt",
            "description": "Geschäftsführung des Runden Tisches.",
        },
        {
            "name": "Sozialausschuss der Bezirksversammlung Altona",
            "kind": "authority",
            "district": "Altona",
            "description": "Politische Mitinitiatorin des Runden Tisches.",
        },
        {
            "name": "Stadtteilzentrum Ottensen",
            "kind": "association",
            "district": "Ottensen",
            "description": "Nachbarschaftsarbeit, Beratung und Kurse.",
        },
        {
            "name": "Türkischer Elternbund Altona",
            "kind": "migrant_organisation",
            "district": "Altona-Nord",
            "description": "Elternarbeit und Bildungsberatung.",
        },
        {
            "name": "Ghanaische Gemeinde Hamburg-West",
            "kind": "migrant_organisation",
            "district": "Bahrenfeld",
            "description": "Kultur, Gemeindeleben und Jugendgruppe.",
        },
        {
            "name": "Stadtteilschule Altona",
            "kind": "education",
            "district": "Altona-Altstadt",
            "description": "Internationale Vorbereitungsklassen.",
        },
        {
            "name": "Jobcenter Altona",
            "kind": "authority",
            "district": "Altona-Nord",
            "description": "Arbeitsvermittlung und Integrationskurse.",
        },
        {
            "name": "Diakonie Altona",
            "kind": "welfare",
            "district": "Ottensen",
            "description": "Migrationsberatung und Flüchtlingshilfe.",
        },
        {
            "name": "Handwerkskammer, Beratungsstelle Anerkennung",
            "kind": "other",
            "district": "Hamburg",
            "description": "Anerkennung ausländischer Berufsabschlüsse.",
        },
    ],
    "contacts": [
        {
            "name": "Henrik Janssen",
            "role": "Koordination Ehrenamt und Bürgerschaftliches Engagement",
            "organisation": "Bezirksamt Altona, Fachamt Sozialraummanagement",
            "phone": "040 0000-21150",
            "email": "runder-tisch@altona.example",
            "street": "Rathausplatz 5",
            "postal_code": "22765",
            "city": "Hamburg",
            "room": "Zimmer 214",
            "office_hours": [(DI, "09:00", "12:00"), (DO, "13:00", "16:00")],
            "office_hours_note": "nach Voranmeldung",
        },
        {
            "name": "Aylin Korkmaz",
            "role": "Fachforum Bildung",
            "organisation": "Türkischer Elternbund Altona",
            "phone": "040 0000-38812",
            "email": "bildung@elternbund-altona.example",
            "street": "Holstenstraße 111",
            "postal_code": "22767",
            "city": "Hamburg",
            "room": "",
            "office_hours": [(MI, "16:00", "18:00")],
            "office_hours_note": "auch auf Türkisch",
        },
    ],
    "funders": [
        {"name": "Bezirksamt Altona", "programme": "Quartiersfonds", "website": "https://www.altona.example"},
        {
            "name": "Hamburger Integrationsfonds",
            "programme": "Förderung von Beteiligungsprojekten",
            "website": "https://integrationsfonds.hamburg.example",
        },
    ],
    "action_fields": [
        {
            "slug": "zusammenleben",
            "title": "Zusammenleben in Altona",
            "teaser": "Nachbarschaft, Begegnung und Mitsprache im Stadtteil.",
            "body": [
                para(
                    "Was hält Altona zusammen? Hier geht es um Orte der Begegnung, um Konflikte und "
                    "um gute Beispiele aus den Quartieren."
                )
            ],
        },
        {
            "slug": "bildung",
            "title": "Bildung in Altona",
            "teaser": "Gute Bildung von der Kita bis zur Weiterbildung.",
            "body": [para("Elternarbeit, Vorbereitungsklassen und Übergänge in Ausbildung stehen im Mittelpunkt.")],
        },
        {
            "slug": "arbeiten",
            "title": "Arbeiten in Altona",
            "teaser": "Zugang zu Arbeit und Anerkennung von Abschlüssen.",
            "body": [
                para("Wir fragen, was Betriebe und Jobcenter tun können, damit Qualifikationen nicht verloren gehen.")
            ],
        },
    ],
    "pages": [
        {
            "slug": "ueber-uns",
            "title": "Über den Runden Tisch",
            "teaser": "Eine gemeinsame Initiative von Bezirksversammlung und Bezirksamt.",
            "body": [
                para(
                    "Der Runde Tisch geht auf eine interfraktionelle Arbeitsgruppe zurück, die den Auftakt "
                    "vorbereitet hat. Heute arbeiten Politik, Verwaltung, Zivilgesellschaft und Wirtschaft zusammen.",
                    "Wir wollen gute Praxis sichtbar machen und verbreiten, Ressourcen entdecken und "
                    "die Akteure im Bezirk miteinander vernetzen.",
                ),
                quote(
                    "Integration soll verstanden werden als gleichberechtigte Teilhabe aller.",
                    "Leitgedanke des Runden Tisches",
                ),
            ],
        },
        {
            "slug": "ziele",
            "title": "Ziele",
            "teaser": "Ein Beitrag zum Altonaer Integrationskonzept.",
            "body": [
                bullets(
                    [
                        "Handlungsbedarfe und Gelingensbedingungen erfassen",
                        "Forderungen an Politik und Verwaltung formulieren",
                        "Aus den Fachforen neue Handlungsstrategien entwickeln",
                        "Die Akteure im Bezirk vernetzen",
                    ]
                )
            ],
        },
        {
            "slug": "newsletter-info",
            "title": "Newsletter",
            "teaser": "Regelmäßig informiert – per E-Mail oder auf Papier.",
            "body": [
                para(
                    "Der Newsletter berichtet über Fachforen, Ergebnisse und Termine. Gedruckte "
                    "Exemplare liegen im Bezirksamt aus."
                ),
                info(
                    "Übersetzung gewünscht?",
                    "Sagen Sie uns, in welche Sprache wir den Newsletter übersetzen sollen – wir sammeln die Wünsche.",
                ),
            ],
        },
    ],
    "process": {
        "slug": "fachforen-prozess",
        "title": "Vom Auftakt zu den Fachforen",
        "teaser": "Wie der Runde Tisch arbeitet: Auftakt, Auswertung, Fachforen, Strategien.",
        "body": [para("Jede Phase baut auf der vorherigen auf. Die Ergebnisse werden veröffentlicht.")],
        "phases": [
            {
                "title": "Vorbereitung",
                "start": -540,
                "end": -400,
                "text": rich("Eine interfraktionelle Arbeitsgruppe plant den Auftakt."),
            },
            {
                "title": "Auftaktveranstaltung und Auswertung",
                "start": -399,
                "end": -250,
                "text": rich("Bei der Auswertung entstehen die drei Handlungsfelder."),
            },
            {
                "title": "Fachforen",
                "start": -249,
                "end": 80,
                "text": rich("Zu jedem Handlungsfeld ein Fachforum, danach eine gemeinsame Auswertung."),
            },
            {
                "title": "Handlungsstrategien",
                "start": 81,
                "end": 450,
                "text": rich("Aus den Forderungen werden Strategien für Bezirk und Stadtteile."),
            },
        ],
    },
    "round_table": {
        "slug": "runder-tisch",
        "title": "Runder Tisch Integration",
        "teaser": "Politik, Verwaltung, Zivilgesellschaft und Wirtschaft an einem Tisch.",
        "purpose": rich(
            "Beitrag zur Umsetzung des Altonaer Integrationskonzepts und Vernetzung der Akteure im Bezirk."
        ),
        "body": [para("Die Fachforen sind öffentlich. Protokolle und Forderungen finden Sie bei den Sitzungen.")],
        "action_fields": ["zusammenleben", "bildung", "arbeiten"],
        "members": [
            ("Bezirksamt Altona, Fachamt Sozialraummanagement", "Geschäftsführung"),
            ("Sozialausschuss der Bezirksversammlung Altona", "Mitinitiator"),
            ("Stadtteilzentrum Ottensen", ""),
            ("Türkischer Elternbund Altona", "Sprecherin Fachforum Bildung"),
            ("Ghanaische Gemeinde Hamburg-West", ""),
            ("Stadtteilschule Altona", ""),
            ("Jobcenter Altona", ""),
            ("Diakonie Altona", ""),
            ("Handwerkskammer, Beratungsstelle Anerkennung", "Gast"),
        ],
        "contacts": ["Henrik Janssen", "Aylin Korkmaz"],
        "meetings": [
            {
                "slug": "auftakt",
                "title": "Auftaktveranstaltung Runder Tisch Integration",
                "days": -390,
                "time": "14:00",
                "hours": 5,
                "location_name": "Altonaer Rathaus, Kollegiensaal",
                "address": "Rathausplatz 5, 22765 Hamburg",
                "status": "documented",
                "teaser": "Der Start mit über 120 Gästen.",
                "agenda": [
                    ("Begrüßung durch die Bezirksamtsleitung", ""),
                    ("Workshops", "Was braucht Altona?"),
                    ("Ausblick", ""),
                ],
                "minutes": rich(
                    "In der Auswertung wurden drei Handlungsfelder bestimmt: Zusammenleben, "
                    "Bildung und Arbeiten in Altona."
                ),
                "results": [("result", "Drei Handlungsfelder für die Fachforen festgelegt.", "")],
                "action_fields": ["zusammenleben", "bildung", "arbeiten"],
            },
            {
                "slug": "fachforum-zusammenleben",
                "title": "Fachforum Zusammenleben in Altona",
                "days": -200,
                "time": "17:00",
                "hours": 3,
                "location_name": "Stadtteilzentrum Ottensen",
                "address": "Bahrenfelder Straße 90, 22765 Hamburg",
                "status": "documented",
                "teaser": "Begegnungsorte und Nachbarschaft.",
                "agenda": [("Impuls aus dem Stadtteilzentrum", ""), ("Tischgespräche", ""), ("Forderungen", "")],
                "minutes": rich("Es fehlen nicht-kommerzielle Treffpunkte, vor allem abends und am Wochenende."),
                "results": [
                    ("demand", "Räume in öffentlichen Gebäuden abends für Vereine öffnen.", "Bezirksamt Altona"),
                    ("result", "Liste freier Räume wird gemeinsam erstellt.", ""),
                ],
                "action_fields": ["zusammenleben"],
            },
            {
                "slug": "fachforum-bildung",
                "title": "Fachforum Bildung in Altona",
                "days": -120,
                "time": "17:00",
                "hours": 3,
                "location_name": "Stadtteilschule Altona, Aula",
                "address": "Museumstraße 19, 22765 Hamburg",
                "status": "documented",
                "teaser": "Eltern als Bildungspartner.",
                "agenda": [("Elternarbeit in Vorbereitungsklassen", ""), ("Arbeitsgruppen", "")],
                "minutes": rich("Eltern wünschen sich Sprechstunden mit Sprachmittlung."),
                "results": [
                    ("demand", "Sprachmittlung bei Elterngesprächen an allen Schulen.", "Schulbehörde"),
                    ("result", "Elternlotsen-Projekt wird beantragt.", ""),
                ],
                "action_fields": ["bildung"],
            },
            {
                "slug": "fachforum-arbeiten",
                "title": "Fachforum Arbeiten in Altona",
                "days": -40,
                "time": "17:00",
                "hours": 3,
                "location_name": "Jobcenter Altona, Seminarraum",
                "address": "Kieler Straße 20, 22769 Hamburg",
                "status": "documented",
                "teaser": "Anerkennung und Einstieg in Arbeit.",
                "agenda": [("Anerkennungsverfahren aus Sicht der Betroffenen", ""), ("Betriebe berichten", "")],
                "minutes": rich("Verfahren dauern zu lange; Teilzeitkurse fehlen."),
                "results": [
                    ("demand", "Berufsbegleitende Sprachkurse am Abend.", "Jobcenter Altona"),
                    ("demand", "Schnellere Bearbeitung von Anerkennungsanträgen.", "Senat"),
                ],
                "action_fields": ["arbeiten"],
            },
            {
                "slug": "auswertung-fachforen",
                "title": "Auswertung der Fachforen",
                "week": 4,
                "weekday": DI,
                "time": "17:00",
                "hours": 2.5,
                "location_name": "Altonaer Rathaus, Kollegiensaal",
                "address": "Rathausplatz 5, 22765 Hamburg",
                "status": "planned",
                "teaser": "Was folgt aus den drei Fachforen?",
                "agenda": [("Zusammenfassung der Forderungen", ""), ("Nächste Schritte", "")],
                "minutes": "",
                "results": [],
                "action_fields": ["zusammenleben", "bildung", "arbeiten"],
            },
        ],
    },
    "news_index": {"slug": "aktuelles", "title": "Aktuelles", "intro": rich("Neues vom Runden Tisch.")},
    "news": [
        {
            "slug": "ergebnisse-fachforum-arbeiten",
            "title": "Ergebnisse des Fachforums Arbeiten",
            "days_ago": 8,
            "teaser": "Zwei Forderungen gehen an Jobcenter und Senat.",
            "body": [para("Das Protokoll und die Forderungen stehen auf der Seite des Fachforums.")],
            "action_fields": ["arbeiten"],
        },
        {
            "slug": "newsletter-auf-papier",
            "title": "Newsletter jetzt auch auf Papier",
            "days_ago": 18,
            "teaser": "Gedruckte Ausgaben liegen im Bezirksamt aus.",
            "body": [para("Damit erreichen wir auch Menschen, die keine E-Mail nutzen.")],
            "action_fields": ["zusammenleben"],
        },
        {
            "slug": "elternlotsen",
            "title": "Elternlotsen-Projekt bewilligt",
            "days_ago": 33,
            "teaser": "Ein Ergebnis des Fachforums Bildung wird Wirklichkeit.",
            "body": [para("Ab dem nächsten Halbjahr begleiten geschulte Eltern andere Familien.")],
            "action_fields": ["bildung"],
        },
        {
            "slug": "raeume-fuer-vereine",
            "title": "Mehr Räume für Vereine",
            "days_ago": 70,
            "teaser": "Das Bezirksamt prüft die Öffnung von Schulräumen am Abend.",
            "body": [para("Eine Forderung aus dem Fachforum Zusammenleben wird geprüft.")],
            "action_fields": ["zusammenleben"],
        },
    ],
    "event_index": {"slug": "termine", "title": "Termine", "intro": rich("Fachforen und Veranstaltungen in Altona.")},
    "events": [
        {
            "slug": "auswertung-fachforen",
            "title": "Öffentliche Auswertung der Fachforen",
            "week": 4,
            "weekday": DI,
            "time": "17:00",
            "hours": 2.5,
            "location_name": "Altonaer Rathaus, Kollegiensaal",
            "street": "Rathausplatz 5",
            "postal_code": "22765",
            "city": "Hamburg",
            "free": True,
            "teaser": "Alle Interessierten sind eingeladen.",
            "body": [para("Mit Gebärdensprachdolmetschung auf Anfrage.")],
            "action_fields": ["zusammenleben", "bildung", "arbeiten"],
        },
        {
            "slug": "nachbarschaftsfest",
            "title": "Nachbarschaftsfest im Park",
            "week": 2,
            "weekday": SO,
            "time": "13:00",
            "hours": 5,
            "location_name": "Walter-Möller-Park",
            "street": "Thadenstraße",
            "postal_code": "22767",
            "city": "Hamburg",
            "free": True,
            "teaser": "Essen teilen, Musik hören, Nachbarn kennenlernen.",
            "body": [para("Bringen Sie gern etwas zu essen mit.")],
            "action_fields": ["zusammenleben"],
        },
        {
            "slug": "elterncafe",
            "title": "Elterncafé mit Sprachmittlung",
            "week": 1,
            "weekday": MI,
            "time": "08:30",
            "hours": 1.5,
            "location_name": "Stadtteilschule Altona",
            "street": "Museumstraße 19",
            "postal_code": "22765",
            "city": "Hamburg",
            "free": True,
            "recurrence": "weekly",
            "until_weeks": 12,
            "teaser": "Jeden Mittwoch nach Schulbeginn: Fragen rund um Schule, in vielen Sprachen.",
            "body": [para("Sprachmittlung für Türkisch, Arabisch, Farsi und Twi.")],
            "action_fields": ["bildung"],
        },
        {
            "slug": "online-anerkennung",
            "title": "Online-Sprechstunde Anerkennung",
            "week": 3,
            "weekday": DO,
            "time": "18:00",
            "hours": 1,
            "online_url": "https://meet.altona.example/anerkennung",
            "free": True,
            "teaser": "Fragen zur Anerkennung von Abschlüssen – per Video.",
            "body": [para("Eine Beraterin der Handwerkskammer beantwortet Fragen.")],
            "action_fields": ["arbeiten"],
        },
        {
            "slug": "bewerbungstraining",
            "title": "Bewerbungstraining am Samstag",
            "week": 5,
            "weekday": SA,
            "time": "10:00",
            "hours": 4,
            "location_name": "Stadtteilzentrum Ottensen",
            "street": "Bahrenfelder Straße 90",
            "postal_code": "22765",
            "city": "Hamburg",
            "free": False,
            "registration_url": "https://anmeldung.altona.example/bewerbung",
            "limit": 12,
            "teaser": "Lebenslauf, Anschreiben, Vorstellungsgespräch. Beitrag 10 Euro.",
            "body": [para("Bitte bringen Sie Ihre Unterlagen mit.")],
            "action_fields": ["arbeiten"],
        },
        {
            "slug": "stadtteilrundgang-ottensen",
            "title": "Stadtteilrundgang: Ottensen, ein Einwanderungsviertel",
            "week": 8,
            "weekday": SA,
            "time": "11:00",
            "hours": 2,
            "location_name": "Treffpunkt Bahnhof Altona, Haupteingang",
            "street": "Paul-Nevermann-Platz",
            "postal_code": "22765",
            "city": "Hamburg",
            "free": False,
            "teaser": "Zweihundert Jahre Zuwanderung in einem Stadtteil. Beitrag 6 Euro.",
            "body": [para("Der Rundgang ist barrierearm.")],
            "action_fields": ["zusammenleben"],
        },
    ],
    "project_index": {"slug": "projekte", "title": "Projekte", "intro": rich("Was aus den Fachforen entstanden ist.")},
    "projects": [
        {
            "slug": "elternlotsen",
            "title": "Elternlotsinnen und Elternlotsen",
            "status": "current",
            "start": -20,
            "end": 345,
            "teaser": "Eltern begleiten Eltern durch das Schulsystem.",
            "body": [para("Geschult werden 15 Eltern aus acht Sprachgemeinschaften.")],
            "partners": ["Türkischer Elternbund Altona", "Stadtteilschule Altona", "Ghanaische Gemeinde Hamburg-West"],
            "action_fields": ["bildung"],
        },
        {
            "slug": "offene-raeume",
            "title": "Offene Räume für Vereine",
            "status": "current",
            "start": -60,
            "end": 180,
            "teaser": "Öffentliche Räume abends für Vereine nutzbar machen.",
            "body": [para("Eine Raumbörse zeigt freie Zeiten in Schulen und Bezirkseinrichtungen.")],
            "partners": ["Bezirksamt Altona, Fachamt Sozialraummanagement", "Stadtteilzentrum Ottensen"],
            "action_fields": ["zusammenleben"],
        },
        {
            "slug": "jobpaten",
            "title": "Jobpatenschaften Altona",
            "status": "completed",
            "start": -700,
            "end": -300,
            "teaser": "Ehrenamtliche Patinnen und Paten auf dem Weg in Arbeit.",
            "body": [para("60 Tandems haben sich gefunden, die Hälfte mündete in Arbeit oder Ausbildung.")],
            "partners": ["Diakonie Altona", "Jobcenter Altona"],
            "action_fields": ["arbeiten"],
        },
    ],
}

# =============================================================================================
# 5. Herne — Integrationsagentur: networking of migrant organisations, districts, office hours
# =============================================================================================

HERNE = {
    "key": "herne",
    "hostname": "herne.localhost",
    "site_name": "Integrationsagentur Herne",
    "color": (120, 60, 140),
    "city": "Herne",
    "home": {
        "slug": "herne",
        "title": "Integrationsagentur Herne",
        "intro": rich("Teilhabe für alle: Wir bauen Brücken zwischen Vereinen, Institutionen und Menschen in Herne."),
        "body": [
            heading("Wer wir sind"),
            para(
                "Herne ist eng bebaut und vielfältig. Die Vielfalt bereichert die Stadt – und sie "
                "fordert uns heraus, wenn es um gleiche Chancen geht.",
                "Wir stärken Migrantenselbstorganisationen, bringen sie mit städtischen Einrichtungen "
                "zusammen und starten gemeinsame Projekte, vor allem in Wanne und Eickel.",
            ),
            info(
                "Beratung",
                "Unsere Beratung ist kostenlos und vertraulich. Sprechzeiten dienstags bis freitags nach Voranmeldung.",
            ),
        ],
        "highlights": [
            ("aufgaben", "Unsere Aufgaben"),
            ("netzwerk", "Netzwerk der Vereine"),
            ("engagement", "Engagement"),
        ],
        "contacts": ["Dilara Şahin", "Marco Kowalczyk"],
        "funders": ["Land Nordrhein-Westfalen", "Stadt Herne"],
    },
    "organisations": [
        {
            "name": "Integrationsagentur Herne",
            "kind": "welfare",
            "district": "Herne-Mitte",
            "description": "Teil des Landesprogramms der Integrationsagenturen.",
        },
        {
            "name": "Kommunales Integrationszentrum Herne",
            "kind": "authority",
            "district": "Herne-Mitte",
            "description": "Städtische Koordinierung der Integrationsarbeit.",
        },
        {
            "name": "Bosnisch-Herzegowinischer Kulturverein Wanne",
            "kind": "migrant_organisation",
            "district": "Wanne",
            "description": "Kultur, Sport und Jugendarbeit.",
        },
        {
            "name": "Syrischer Familienverein Herne",
            "kind": "migrant_organisation",
            "district": "Eickel",
            "description": "Beratung und Begegnung für neu Zugewanderte.",
        },
        {
            "name": "Griechische Gemeinde Herne",
            "kind": "migrant_organisation",
            "district": "Herne-Mitte",
            "description": "Muttersprachlicher Unterricht und Seniorentreff.",
        },
        {
            "name": "DITIB-Gemeinde Wanne-Eickel",
            "kind": "religious",
            "district": "Wanne",
            "description": "Gemeindeleben und Frauenkurse.",
        },
        {
            "name": "Freiwilligenzentrum Herne",
            "kind": "association",
            "district": "Herne-Mitte",
            "description": "Vermittlung von Ehrenamt.",
        },
        {
            "name": "Stadtteilbüro Eickel",
            "kind": "other",
            "district": "Eickel",
            "description": "Quartiersmanagement im Stadtteil Eickel.",
        },
    ],
    "contacts": [
        {
            "name": "Dilara Şahin",
            "role": "Leitung der Integrationsagentur",
            "organisation": "Integrationsagentur Herne",
            "phone": "02323 0000-501",
            "email": "integrationsagentur@herne.example",
            "street": "Hauptstraße 240",
            "postal_code": "44649",
            "city": "Herne",
            "room": "2. Etage",
            "office_hours": [
                (DI, "09:00", "17:00"),
                (MI, "09:00", "17:00"),
                (DO, "09:00", "17:00"),
                (FR, "09:00", "17:00"),
            ],
            "office_hours_note": "nach Voranmeldung; Beratung kostenlos und vertraulich",
        },
        {
            "name": "Marco Kowalczyk",
            "role": "Netzwerkarbeit Migrantenorganisationen",
            "organisation": "Integrationsagentur Herne",
            "phone": "02323 0000-502",
            "email": "netzwerk@herne.example",
            "street": "Hauptstraße 240",
            "postal_code": "44649",
            "city": "Herne",
            "room": "2. Etage",
            "office_hours": [(DI, "10:00", "13:00"), (DO, "14:00", "17:00")],
            "office_hours_note": "nach Voranmeldung",
        },
    ],
    "funders": [
        {
            "name": "Land Nordrhein-Westfalen",
            "programme": "Landesprogramm Integrationsagenturen NRW",
            "website": "https://www.integration.nrw.example",
        },
        {"name": "Stadt Herne", "programme": "Kommunaler Eigenanteil", "website": "https://www.herne.example"},
    ],
    "action_fields": [
        {
            "slug": "netzwerk",
            "title": "Vernetzung",
            "teaser": "Migrantenselbstorganisationen stärken und miteinander verbinden.",
            "body": [
                para(
                    "Wir bringen Vereine untereinander und mit den Angeboten der Stadt in Kontakt, "
                    "besonders in den Quartieren."
                )
            ],
        },
        {
            "slug": "engagement",
            "title": "Bürgerschaftliches Engagement",
            "teaser": "Ehrenamt entdecken, ausbauen und begleiten.",
            "body": [para("Viele Menschen engagieren sich schon längst – wir machen es sichtbar und qualifizieren.")],
        },
        {
            "slug": "antidiskriminierung",
            "title": "Antidiskriminierung",
            "teaser": "Informieren, sensibilisieren, Diskriminierung abbauen.",
            "body": [
                para(
                    "Wir unterstützen Einrichtungen bei der interkulturellen Öffnung und klären über "
                    "Diskriminierung auf."
                )
            ],
        },
    ],
    "pages": [
        {
            "slug": "aufgaben",
            "title": "Unsere Aufgaben",
            "teaser": "Was die Integrationsagentur in Herne tut.",
            "body": [
                bullets(
                    [
                        "Bestehende Angebote für Zugewanderte bekannter machen",
                        "Eigeninitiative von Vereinen und Organisationen fördern",
                        "Veranstaltungen und Projekte für alle Generationen gestalten",
                        "Ehrenamt im Bereich Integration ausbauen und qualifizieren",
                        "In Netzwerken mitarbeiten und neue für Integrationsthemen gewinnen",
                        "Einrichtungen bei der interkulturellen Öffnung begleiten",
                        "Über Diskriminierung informieren und zu ihrem Abbau beitragen",
                    ]
                )
            ],
        },
        {
            "slug": "ueber-uns",
            "title": "Über uns",
            "teaser": "Teil des Landesprogramms der Integrationsagenturen in NRW.",
            "body": [
                para(
                    "Das Landesprogramm will nicht einzelne Personen beraten, sondern Strukturen "
                    "verändern: Angebote sollen sich für alle öffnen."
                ),
                quote("Wir bauen Brücken.", "Team der Integrationsagentur"),
            ],
        },
        {
            "slug": "schwerpunkte",
            "title": "Schwerpunkte Wanne und Eickel",
            "teaser": "Unsere Arbeit in den Stadtteilen.",
            "body": [
                para(
                    "Wir sind in der ganzen Stadt aktiv, besonders aber in Wanne und Eickel. Dort "
                    "arbeiten wir eng mit Stadtteilbüros, Schulen und Vereinen zusammen."
                )
            ],
        },
    ],
    "process": {
        "slug": "quartiersprozess",
        "title": "Quartiersprozess Wanne und Eickel",
        "teaser": "Gemeinsam mit den Menschen vor Ort Ziele setzen.",
        "body": [para("Der Prozess beteiligt Vereine, Initiativen, Schulen und Anwohnende.")],
        "phases": [
            {
                "title": "Sozialraumanalyse",
                "start": -360,
                "end": -220,
                "text": rich("Wer lebt hier, welche Angebote gibt es, was fehlt?"),
            },
            {
                "title": "Auftakt im Quartier",
                "start": -219,
                "end": -190,
                "text": rich("Ein Fest mit Ideenwand auf dem Buschmannshof."),
            },
            {
                "title": "Quartierswerkstätten",
                "start": -189,
                "end": -10,
                "text": rich("Vier Werkstätten zu Treffpunkten, Jugend, Nachbarschaft und Sprache."),
            },
            {
                "title": "Umsetzung",
                "start": -9,
                "end": 360,
                "text": rich("Die ersten Vorhaben starten mit den Vereinen vor Ort."),
            },
        ],
    },
    "round_table": {
        "slug": "netzwerk-msos",
        "title": "Netzwerk Herner Migrantenorganisationen",
        "teaser": "Das Netzwerktreffen der Vereine – alle zwei Monate.",
        "purpose": rich("Austausch, gemeinsame Projekte und eine starke Stimme der Vereine gegenüber der Stadt."),
        "body": [para("Neue Vereine sind willkommen. Sprechen Sie uns an.")],
        "action_fields": ["netzwerk", "engagement", "antidiskriminierung"],
        "members": [
            ("Integrationsagentur Herne", "Koordination"),
            ("Kommunales Integrationszentrum Herne", ""),
            ("Bosnisch-Herzegowinischer Kulturverein Wanne", ""),
            ("Syrischer Familienverein Herne", ""),
            ("Griechische Gemeinde Herne", ""),
            ("DITIB-Gemeinde Wanne-Eickel", ""),
            ("Freiwilligenzentrum Herne", ""),
            ("Stadtteilbüro Eickel", "Gast"),
        ],
        "contacts": ["Marco Kowalczyk"],
        "meetings": [
            {
                "slug": "netzwerktreffen-1",
                "title": "Netzwerktreffen: Vereinsräume",
                "days": -130,
                "time": "18:00",
                "hours": 2,
                "location_name": "Kulturzentrum Herne",
                "address": "Berliner Platz 11, 44623 Herne",
                "status": "documented",
                "teaser": "Wo finden Vereine bezahlbare Räume?",
                "agenda": [("Raumsituation der Vereine", ""), ("Angebote der Stadt", "")],
                "minutes": rich("Mehrere Vereine haben keine festen Räume. Die Stadt prüft Schulräume."),
                "results": [("demand", "Schulräume am Abend für Vereine öffnen.", "Stadt Herne")],
                "action_fields": ["netzwerk"],
            },
            {
                "slug": "netzwerktreffen-2",
                "title": "Netzwerktreffen: Ehrenamt gewinnen",
                "days": -65,
                "time": "18:00",
                "hours": 2,
                "location_name": "Freiwilligenzentrum Herne",
                "address": "Bahnhofstraße 7, 44623 Herne",
                "status": "documented",
                "teaser": "Junge Menschen für das Vereinsleben begeistern.",
                "agenda": [("Impuls Freiwilligenzentrum", ""), ("Erfahrungen der Vereine", "")],
                "minutes": rich("Die Vereine wollen gemeinsam eine Ehrenamtsschulung anbieten."),
                "results": [("result", "Gemeinsame Ehrenamtsschulung im Herbst.", "")],
                "action_fields": ["engagement"],
            },
            {
                "slug": "netzwerktreffen-3",
                "title": "Netzwerktreffen: Diskriminierung melden",
                "days": 20,
                "time": "18:00",
                "hours": 2,
                "location_name": "Stadtteilbüro Eickel",
                "address": "Eickeler Markt 3, 44651 Herne",
                "status": "planned",
                "teaser": "Wie und wo lässt sich Diskriminierung melden?",
                "agenda": [("Vorstellung der Meldestelle", ""), ("Austausch", "")],
                "minutes": "",
                "results": [],
                "action_fields": ["antidiskriminierung"],
            },
        ],
    },
    "news_index": {"slug": "aktuelles", "title": "Aktuelles", "intro": rich("Neues aus der Integrationsagentur.")},
    "news": [
        {
            "slug": "quartierswerkstaetten-abgeschlossen",
            "title": "Quartierswerkstätten abgeschlossen",
            "days_ago": 7,
            "teaser": "Vier Werkstätten, über hundert Ideen – jetzt geht es an die Umsetzung.",
            "body": [para("Die Ergebnisse wurden dem Stadtteilbüro übergeben.")],
            "action_fields": ["netzwerk", "engagement"],
        },
        {
            "slug": "neue-vereine",
            "title": "Drei neue Vereine im Netzwerk",
            "days_ago": 29,
            "teaser": "Das Netzwerk der Migrantenorganisationen wächst.",
            "body": [para("Willkommen an den Syrischen Familienverein und zwei Jugendinitiativen.")],
            "action_fields": ["netzwerk"],
        },
        {
            "slug": "schulung-antidiskriminierung",
            "title": "Schulung für Beschäftigte der Stadtverwaltung",
            "days_ago": 44,
            "teaser": "30 Beschäftigte haben an der Antidiskriminierungsschulung teilgenommen.",
            "body": [para("Die Schulung wird im nächsten Jahr fortgesetzt.")],
            "action_fields": ["antidiskriminierung"],
        },
    ],
    "event_index": {"slug": "termine", "title": "Termine", "intro": rich("Veranstaltungen der Integrationsagentur.")},
    "events": [
        {
            "slug": "ehrenamtsschulung",
            "title": "Ehrenamtsschulung für Vereine",
            "week": 3,
            "weekday": SA,
            "time": "10:00",
            "hours": 6,
            "location_name": "Freiwilligenzentrum Herne",
            "street": "Bahnhofstraße 7",
            "postal_code": "44623",
            "city": "Herne",
            "free": True,
            "registration_url": "https://anmeldung.herne.example/ehrenamt",
            "limit": 25,
            "teaser": "Vereinsrecht, Fördermittel, Öffentlichkeitsarbeit.",
            "body": [para("Mit Mittagessen.")],
            "action_fields": ["engagement", "netzwerk"],
        },
        {
            "slug": "fest-buschmannshof",
            "title": "Stadtteilfest auf dem Buschmannshof",
            "week": 2,
            "weekday": SO,
            "time": "12:00",
            "hours": 6,
            "location_name": "Buschmannshof",
            "street": "Buschmannshof",
            "postal_code": "44649",
            "city": "Herne",
            "free": True,
            "teaser": "Vereine aus Wanne laden ein.",
            "body": [para("Musik, Tanz und Spezialitäten.")],
            "action_fields": ["netzwerk"],
        },
        {
            "slug": "offene-sprechstunde",
            "title": "Offene Sprechstunde in Eickel",
            "week": 1,
            "weekday": DI,
            "time": "10:00",
            "hours": 2,
            "location_name": "Stadtteilbüro Eickel",
            "street": "Eickeler Markt 3",
            "postal_code": "44651",
            "city": "Herne",
            "free": True,
            "recurrence": "weekly",
            "until_weeks": 20,
            "teaser": "Jeden Dienstag: kostenlose und vertrauliche Beratung im Stadtteil.",
            "body": [para("Ohne Termin, mit Sprachmittlung nach Bedarf.")],
            "action_fields": ["engagement"],
        },
        {
            "slug": "online-vortrag-diskriminierung",
            "title": "Online-Vortrag: Diskriminierung erkennen",
            "week": 4,
            "weekday": MI,
            "time": "18:00",
            "hours": 1.5,
            "online_url": "https://meet.herne.example/diskriminierung",
            "free": True,
            "teaser": "Was ist Diskriminierung, und was kann ich tun?",
            "body": [para("Mit anschließender Fragerunde.")],
            "action_fields": ["antidiskriminierung"],
        },
        {
            "slug": "kochkurs",
            "title": "Interkultureller Kochkurs",
            "week": 6,
            "weekday": FR,
            "time": "17:00",
            "hours": 3,
            "location_name": "Griechische Gemeinde Herne",
            "street": "Overwegstraße 12",
            "postal_code": "44625",
            "city": "Herne",
            "free": False,
            "registration_url": "https://anmeldung.herne.example/kochkurs",
            "limit": 14,
            "teaser": "Gemeinsam kochen und essen. Kostenbeitrag 12 Euro.",
            "body": [para("Zutaten inklusive.")],
            "action_fields": ["netzwerk"],
        },
    ],
    "project_index": {"slug": "projekte", "title": "Projekte", "intro": rich("Projekte mit Herner Akteuren.")},
    "projects": [
        {
            "slug": "vereinsraeume",
            "title": "Räume für Vereine",
            "status": "current",
            "start": -120,
            "end": 240,
            "teaser": "Schulräume am Abend für Migrantenorganisationen.",
            "body": [para("Pilot an zwei Schulen in Wanne.")],
            "partners": ["Kommunales Integrationszentrum Herne", "Bosnisch-Herzegowinischer Kulturverein Wanne"],
            "action_fields": ["netzwerk"],
        },
        {
            "slug": "ehrenamt-qualifizieren",
            "title": "Ehrenamt qualifizieren",
            "status": "current",
            "start": -200,
            "end": 160,
            "teaser": "Schulungsreihe für Engagierte aus Migrantenorganisationen.",
            "body": [para("Sechs Module, Zertifikat am Ende.")],
            "partners": ["Freiwilligenzentrum Herne", "Syrischer Familienverein Herne"],
            "action_fields": ["engagement"],
        },
        {
            "slug": "oeffnung-verwaltung",
            "title": "Interkulturelle Öffnung der Stadtverwaltung",
            "status": "current",
            "start": -300,
            "end": 400,
            "teaser": "Schulungen und Beratung für Ämter.",
            "body": [para("Zusammen mit dem Kommunalen Integrationszentrum.")],
            "partners": ["Kommunales Integrationszentrum Herne"],
            "action_fields": ["antidiskriminierung"],
        },
        {
            "slug": "sozialraumanalyse",
            "title": "Sozialraumanalyse Wanne und Eickel",
            "status": "completed",
            "start": -360,
            "end": -220,
            "teaser": "Grundlage des Quartiersprozesses.",
            "body": [para("Befragungen, Begehungen und Daten aus der Stadtstatistik.")],
            "partners": ["Stadtteilbüro Eickel", "DITIB-Gemeinde Wanne-Eickel"],
            "action_fields": ["netzwerk"],
        },
        {
            "slug": "seniorencafe",
            "title": "Interkulturelles Seniorencafé",
            "status": "completed",
            "start": -900,
            "end": -500,
            "teaser": "Begegnung für ältere Menschen aus vielen Ländern.",
            "body": [para("Das Café wird heute von der Griechischen Gemeinde selbst weitergeführt.")],
            "partners": ["Griechische Gemeinde Herne"],
            "action_fields": ["engagement"],
        },
    ],
}

NETWORKS = [HILDESHEIM, HANNOVER, HAMELN, ALTONA, HERNE]
