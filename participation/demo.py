"""The forms of a demo network: "Mitmachen" and "Kontakt" below its start page. Idempotent:
a page that exists (by slug) is left as the editors made it."""

from home.extensions import DemoContribution

from .models import FormKind, ParticipationFormPage

DEMO_FORMS = [
    {
        "slug": "mitmachen",
        "title": "Mitmachen",
        "kind": FormKind.JOIN,
        "intro": "<p>Sie möchten mit Ihrem Verein, Ihrer Einrichtung oder als Ehrenamtliche "
        "oder Ehrenamtlicher im Netzwerk mitarbeiten? Schreiben Sie uns. Wir melden uns bei Ihnen.</p>",
    },
    {
        "slug": "kontakt",
        "title": "Kontakt",
        "kind": FormKind.CONTACT,
        "intro": "<p>Sie haben eine Frage oder eine Idee? Schreiben Sie uns.</p>",
    },
]


def ensure_form_pages(home):
    """Create the demo form pages below ``home``; returns the number of pages created."""
    created = 0
    for spec in DEMO_FORMS:
        if home.get_children().filter(slug=spec["slug"]).exists():
            continue
        page = home.add_child(
            instance=ParticipationFormPage(
                title=spec["title"], slug=spec["slug"], kind=spec["kind"], intro=spec["intro"], show_in_menus=True
            )
        )
        page.save_revision().publish()
        created += 1
    return created


class FormPagesDemo(DemoContribution):
    """The "Mitmachen" and "Kontakt" forms of every demo network, shown in its menu."""

    def add_pages(self, home_page):
        return ensure_form_pages(home_page)
