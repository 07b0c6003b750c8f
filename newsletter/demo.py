"""Demo senders: every demo network sends its newsletter under its own name and domain (the
domain of its first contact's address), so a send from ``make run`` never says localhost."""

from wagtail.models import Site

from home.extensions import DemoContribution

from .models import NewsletterSettings


def sender_for(spec):
    emails = [c["email"] for c in spec.get("contacts", []) if isinstance(c, dict) and c.get("email")]
    domain = emails[0].rpartition("@")[2] if emails else spec["hostname"].replace(".localhost", ".example")
    return spec["site_name"], f"newsletter@{domain}"


def add_senders_to_demo_networks(specs):
    """Set a sender where the network has none (an admin's own choice is kept)."""
    for spec in specs:
        site = Site.objects.filter(hostname=spec["hostname"]).first()
        if site is None:
            continue
        settings = NewsletterSettings.for_site(site)
        if settings.sender_name and settings.sender_email:
            continue
        settings.sender_name, settings.sender_email = sender_for(spec)
        settings.save()


class SendersDemo(DemoContribution):
    order = 30

    def add_to_networks(self, specs):
        add_senders_to_demo_networks(specs)
        return []
