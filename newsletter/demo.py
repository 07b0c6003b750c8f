"""The newsletter in the demo networks: every network sends under its own name and domain (the
domain of its first contact's address), so a send from ``make run`` never says localhost; and it
has a year of readers and one sent issue, so the dashboard, the report and the archive show
what a network's newsletter looks like after a year."""

import datetime

from home.demo.builder import find_site
from home.extensions import DemoContribution

from .models import NewsletterSettings


def sender_for(spec):
    emails = [c["email"] for c in spec.get("contacts", []) if isinstance(c, dict) and c.get("email")]
    domain = emails[0].rpartition("@")[2] if emails else spec["hostname"].replace(".localhost", ".example")
    return spec["site_name"], f"newsletter@{domain}"


def add_senders_to_demo_networks(specs):
    """Set a sender where the network has none (an admin's own choice is kept)."""
    for spec in specs:
        site = find_site(spec["hostname"])
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


# the readers' addresses are made up (``.example``)
DEMO_DOMAIN = "leserinnen.example"
SENT_ISSUE_SUBJECT = "Newsletter: Rückblick auf die Fachforen"


def _demo_address(spec, number):
    return f"{spec['key']}-{number:03d}@{DEMO_DOMAIN}"


def readers_of_a_year(site, spec, now):
    """Subscribers who signed up over the last twelve months (more each month, as a network
    grows), some of whom left again or whose mailbox stopped existing. Deterministic per network."""
    import random

    from .models import Edition, Subscriber

    rng = random.Random(spec["key"])
    count = rng.randint(45, 80)
    readers = []
    for number in range(1, count + 1):
        # later numbers signed up later: the curve rises towards today
        days_ago = int(365 * (1 - (number / count) ** 0.7)) + rng.randint(0, 6)
        consent_at = now - datetime.timedelta(days=days_ago, hours=rng.randint(7, 20))
        roll = rng.random()
        status = Subscriber.Status.ACTIVE
        if roll < 0.1:
            status = Subscriber.Status.UNSUBSCRIBED
        elif roll < 0.14:
            status = Subscriber.Status.BOUNCED
        readers.append(
            Subscriber(
                site=site,
                email=_demo_address(spec, number),
                language=rng.choice(["de"] * 7 + ["tr", "ar", "uk"]),
                edition=Edition.LEICHTE_SPRACHE if rng.random() < 0.15 else Edition.STANDARD,
                status=status,
                consent_at=consent_at,
                consent_source=Subscriber.ConsentSource.FORM,
                consent_text_version="1",
                unsubscribed_at=(
                    consent_at + (now - consent_at) * rng.uniform(0.3, 0.9)
                    if status == Subscriber.Status.UNSUBSCRIBED
                    else None
                ),
            )
        )
    Subscriber.objects.bulk_create(readers)
    for reader in readers:  # when the address stopped existing (the month a bounce is counted in)
        if reader.status == Subscriber.Status.BOUNCED:
            bounced_at = reader.consent_at + (now - reader.consent_at) * rng.uniform(0.4, 0.9)
            Subscriber.objects.filter(site=site, email=reader.email).update(updated_at=bounced_at)
    return count


def sent_issue(site, now):
    """Last month's issue, sent to the readers active then: delivered to all but two addresses
    that no longer exist (the report shows them as failures with the mail server's answer)."""
    from .models import Delivery, NewsletterIssue, Subscriber

    sent_at = now - datetime.timedelta(days=24)
    issue = NewsletterIssue.objects.create(
        site=site,
        subject=SENT_ISSUE_SUBJECT,
        preheader="Was die Fachforen beschlossen haben, und die nächsten Termine",
        body=[
            {
                "type": "intro",
                "value": {
                    "text": "<p>Liebe Leserinnen und Leser, in den Fachforen haben wir viel besprochen. "
                    "Hier lesen Sie die Ergebnisse und die nächsten Termine.</p>",
                    "leichte_sprache": "Liebe Leserinnen und Leser.\nHier lesen Sie die Ergebnisse.",
                },
            },
            {"type": "articles", "value": {"heading": "Aktuelles", "pages": [], "fill": 3, "period_days": 60}},
            {"type": "events", "value": {"heading": "Termine", "pages": [], "fill": 3, "period_days": 60}},
        ],
        live=True,
        send_status=NewsletterIssue.SendStatus.SENT,
        send_started_at=sent_at,
        send_finished_at=sent_at + datetime.timedelta(seconds=3),
    )
    readers = Subscriber.objects.filter(site=site, email__endswith="@" + DEMO_DOMAIN, consent_at__lt=sent_at)
    deliveries = []
    for index, reader in enumerate(readers.order_by("pk")):
        failed = index in (3, 17)
        deliveries.append(
            Delivery(
                issue=issue,
                subscriber=reader,
                address=reader.email,
                status=Delivery.Status.FAILED if failed else Delivery.Status.SENT,
                attempts=1,
                last_error="550 5.1.1 The email account that you tried to reach does not exist." if failed else "",
                sent_at=None if failed else sent_at + datetime.timedelta(seconds=index * 0.05),
            )
        )
    Delivery.objects.bulk_create(deliveries)
    return issue


class ReadersDemo(DemoContribution):
    """A year of subscribers and one sent issue per network (once; kept on later runs)."""

    order = 40

    def add_to_networks(self, specs):
        from django.utils import timezone

        from .models import NewsletterIssue, Subscriber

        now = timezone.now()
        lines = []
        for spec in specs:
            site = find_site(spec["hostname"])
            if site is None or Subscriber.objects.filter(site=site, email__endswith="@" + DEMO_DOMAIN).exists():
                continue
            count = readers_of_a_year(site, spec, now)
            if not NewsletterIssue.objects.filter(site=site, subject=SENT_ISSUE_SUBJECT).exists():
                sent_issue(site, now)
            lines.append(f"{spec['site_name']}: {count} demo subscribers, one sent issue")
        return lines
