"""The admin home shows the editor's networks at a glance: subscribers over time, the last
sends, accessible-version coverage with links to the missing ones, translation requests by
language, upcoming events and meetings without minutes. Each chart is server-rendered SVG with
the numbers in a table; editors see their networks only, a superuser sees all."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from home.models import EventIndexPage, EventPage, MeetingPage, RoundTablePage
from newsletter.models import Delivery, NewsletterIssue, Subscriber
from translations.models import TranslationRequest

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


def fill(net, label):
    now = timezone.now()
    for i in range(3):
        Subscriber.objects.create(
            site=net.site, email=f"{label}{i}@example.org", status="active", consent_at=now, consent_source="form"
        )
    Subscriber.objects.create(
        site=net.site, email=f"{label}-gone@example.org", status="unsubscribed", consent_at=now, unsubscribed_at=now
    )
    issue = NewsletterIssue.objects.create(
        site=net.site, subject=f"Ausgabe {label}", send_status="sent", send_started_at=now, send_finished_at=now
    )
    subscribers = list(Subscriber.objects.filter(site=net.site))
    Delivery.objects.create(issue=issue, subscriber=subscribers[0], address=subscribers[0].email, status="sent")
    Delivery.objects.create(issue=issue, subscriber=subscribers[1], address=subscribers[1].email, status="failed")
    Delivery.objects.create(
        issue=issue, subscriber=subscribers[2], address=subscribers[2].email, status="pending", attempts=1
    )
    TranslationRequest.objects.create(site=net.site, page=net.news, language="ar")
    TranslationRequest.objects.create(site=net.site, page=net.news, language="ar")
    TranslationRequest.objects.create(site=net.site, page=net.news, language="uk")
    calendar = publish(net.home.add_child(instance=EventIndexPage(title="Kalender", slug="kalender")))
    publish(
        calendar.add_child(
            instance=EventPage(title=f"Fest {label}", slug="fest", start=now + datetime.timedelta(days=3))
        )
    )
    table = publish(net.home.add_child(instance=RoundTablePage(title="Runder Tisch", slug="tisch")))
    publish(
        table.add_child(
            instance=MeetingPage(title=f"Sitzung {label}", slug="sitzung", start=now - datetime.timedelta(days=3))
        )
    )


def test_editor_sees_their_networks_panels_with_charts_and_tables(client, make_network):
    a, b = make_network("alpha"), make_network("beta")
    fill(a, "alpha")
    fill(b, "beta")
    client.force_login(a.editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Abonnent*innen im Zeitverlauf" in html
    assert len(re.findall(r'<svg class="dashboard-chart" role="img"', html)) >= 4
    assert html.count("<table") >= 4
    assert "Ausgabe alpha" in html and "Ausgabe beta" not in html
    sends = re.search(r'id="dash-sends-heading".*?</section>', html, re.S).group(0)
    assert re.search(r"Ausgabe alpha</a></th><td>[^<]*</td>\s*<td>1</td><td>1</td><td>1</td>", sends)
    translations = re.search(r'id="dash-translations-heading".*?</section>', html, re.S).group(0)
    assert re.search(r"Arabisch</th><td>2</td>", translations) and re.search(r"Ukrainisch</th><td>1</td>", translations)
    agenda = re.search(r'id="dash-agenda-heading".*?</section>', html, re.S).group(0)
    assert "Fest alpha" in agenda and "Sitzung alpha" in agenda and "beta" not in agenda
    coverage = re.search(r'id="dash-coverage-heading".*?</section>', html, re.S).group(0)
    assert "Leichte Sprache" in coverage and reverse("accessibility:variant_status", args=[a.news.pk]) in coverage
    assert "Netzwerk beta" not in html


def test_superuser_sees_every_network(client, make_network):
    a, b = make_network("alpha"), make_network("beta")
    fill(a, "alpha")
    fill(b, "beta")
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw-admin-123")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ausgabe alpha" in html and "Ausgabe beta" in html
    assert "Netzwerk alpha" in html and "Netzwerk beta" in html
