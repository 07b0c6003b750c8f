"""``manage.py load_demo``: five networks as their own sites, complete enough to show every
feature, and safe to run twice."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Revision, Site

from home.demo.networks import NETWORKS
from home.models import (
    ActionFieldPage,
    Contact,
    EventIndexPage,
    EventPage,
    Funder,
    HomePage,
    MeetingPage,
    NewsPage,
    OfficeHour,
    Organisation,
    ProcessPage,
    ProjectPage,
    RoundTablePage,
)
from newsletter.models import Delivery, NewsletterIssue, Subscriber
from translations.models import TranslationRequest

pytestmark = pytest.mark.django_db

HOSTNAMES = {spec["hostname"] for spec in NETWORKS}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def load(**options):
    call_command("load_demo", quiet=True, **options)


def counts():
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "collections": Collection.objects.count(),
        "contacts": Contact.objects.count(),
        "office_hours": OfficeHour.objects.count(),
        "organisations": Organisation.objects.count(),
        "funders": Funder.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "sites": Site.objects.count(),
        "subscribers": Subscriber.objects.count(),
        "issues": NewsletterIssue.objects.count(),
        "deliveries": Delivery.objects.count(),
        "translation_requests": TranslationRequest.objects.count(),
    }


def test_five_networks_with_everything_their_seed_shows_built_once_when_run_twice():
    # One test for both, because building all five networks is the slow part.
    load()
    before = counts()
    revisions = dict(Page.objects.values_list("pk", "latest_revision_id"))
    load()
    assert counts() == before, "a second run must not create, publish or delete anything"
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == revisions

    today = timezone.localdate()
    sites = Site.objects.filter(hostname__in=HOSTNAMES)
    assert sites.count() == 5
    assert {s.port for s in sites} == {80}
    assert list(Site.objects.filter(is_default_site=True).values_list("hostname", flat=True)) == ["altona.localhost"]
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()

    for site in sites:
        home = site.root_page.specific
        assert isinstance(home, HomePage) and home.live
        assert home.intro and home.body and home.image_id
        assert home.highlights.count() >= 2 and home.contacts.exists() and home.funders.exists()
        tree = Page.objects.descendant_of(home, inclusive=True)
        # every page is live and published through a revision
        assert not tree.filter(live=False).exists()
        assert not tree.filter(latest_revision__isnull=True).exists()

        fields = ActionFieldPage.objects.descendant_of(home)
        assert fields.count() == 3, site.hostname

        table = RoundTablePage.objects.descendant_of(home).get()
        assert table.members.count() >= 5 and table.contacts.exists()
        assert set(table.action_fields.all()) == set(fields)
        meetings = MeetingPage.objects.child_of(table)
        documented = meetings.filter(status=MeetingPage.Status.DOCUMENTED)
        assert documented.count() >= 2
        for meeting in documented:
            assert meeting.agenda and meeting.minutes and meeting.results
            assert meeting.action_fields.exists()
        assert any(block.value["kind"] == "demand" for meeting in documented for block in meeting.results), (
            site.hostname
        )
        assert meetings.filter(status=MeetingPage.Status.PLANNED, start__date__gt=today).exists()

        process = ProcessPage.objects.descendant_of(home).get()
        assert process.phases.count() == 4
        current = process.current_phase(today)
        assert current is not None
        assert current.end_date is None or current.end_date >= today
        assert any(p.start_date > today for p in process.phases.all()) or current.end_date >= today

        upcoming = EventIndexPage.objects.descendant_of(home).get().upcoming_events(today)
        assert upcoming.count() >= 5
        assert upcoming.filter(free_of_charge=True).exists()
        assert upcoming.filter(free_of_charge=False).exists()
        assert any(timezone.localtime(e.start).weekday() >= 5 for e in upcoming), site.hostname
        assert upcoming.exclude(online_url="").exists()
        weekly = upcoming.get(recurrence=EventPage.Recurrence.WEEKLY)
        assert weekly.recurrence_until > weekly.start.date()
        assert all(e.action_fields.exists() for e in upcoming)

        projects = ProjectPage.objects.descendant_of(home)
        assert projects.filter(status=ProjectPage.Status.CURRENT).exists()
        assert projects.filter(status=ProjectPage.Status.COMPLETED).exists()
        assert all(p.partners.exists() and p.action_fields.exists() for p in projects)

        news = NewsPage.objects.descendant_of(home)
        assert news.count() >= 3
        assert all(n.date < today and n.action_fields.exists() for n in news)

        # tags stay inside the network
        tagged = [*news, *projects, *upcoming, *meetings]
        assert all(set(p.action_fields.all()) <= set(fields) for p in tagged)

        contacts = Contact.objects.filter(site=site)
        assert contacts.exists() and all(c.office_hours.exists() for c in contacts)
        assert contacts.exclude(office_hours_note="").exists()
        assert Organisation.objects.filter(site=site).values("kind").distinct().count() >= 3
        assert all(f.logo_id for f in Funder.objects.filter(site=site))

        # a year of readers and one sent issue: the dashboard, the report and the archive show data
        readers = Subscriber.objects.filter(site=site)
        signed_up = {d.strftime("%Y-%m") for d in readers.values_list("consent_at", flat=True)}
        assert len(signed_up) >= 10, (site.hostname, signed_up)
        assert readers.filter(status="unsubscribed").exists() and readers.filter(status="active").count() >= 30
        (sent,) = NewsletterIssue.objects.filter(site=site, send_status="sent")
        assert sent.live and sent.deliveries.filter(status="sent").count() >= 20
        assert sent.deliveries.filter(status="failed").exclude(last_error="").exists()
        languages = set(TranslationRequest.objects.filter(site=site).values_list("language", flat=True))
        assert len(languages) >= 3, languages


def test_reset_rebuilds_one_network_without_touching_the_others():
    load(network=["hildesheim", "herne"])
    herne_home = Site.objects.get(hostname="herne.localhost").root_page_id
    before = counts()
    load(network=["hildesheim"], reset=True)
    assert counts() == before
    assert Site.objects.get(hostname="herne.localhost").root_page_id == herne_home


def test_editor_group_has_page_permissions_only_on_its_own_root():
    load(network=["hildesheim", "altona"])
    for spec in (n for n in NETWORKS if n["key"] in ("hildesheim", "altona")):
        site = Site.objects.get(hostname=spec["hostname"])
        group = Group.objects.get(name=f"Redaktion {spec['site_name']}")
        permissions = GroupPagePermission.objects.filter(group=group)
        assert set(permissions.values_list("page_id", flat=True)) == {site.root_page_id}
        assert set(permissions.values_list("permission__codename", flat=True)) == {
            "add_page",
            "change_page",
            "publish_page",
        }
        assert group.permissions.filter(codename="access_admin").exists()
        assert group.permissions.filter(codename__in=["change_contact", "add_funder", "view_organisation"]).count() == 3
        collections = set(
            GroupCollectionPermission.objects.filter(group=group).values_list("collection__name", flat=True)
        )
        assert collections == {spec["site_name"]}


def test_api_serves_the_demo_networks(client):
    load(network=["hannover", "altona"])
    response = client.get("/api/v3/pages/?type=home.EventPage&site=hannover.localhost")
    assert response.status_code == 200, response.content
    titles = {item["title"] for item in response.json()["items"]}
    assert "Sprachcafé im Stadtteiltreff" in titles
    assert "Elterncafé mit Sprachmittlung" not in titles  # that one is Altona's
    process = ProcessPage.objects.get(slug="fachforen-prozess")
    detail = client.get(f"/api/v3/pages/{process.pk}/?site=altona.localhost").json()
    assert detail["current_phase_id"] == process.current_phase().pk
    assert [phase["title"] for phase in detail["phases"]][2] == "Fachforen"
    assert client.get("/", HTTP_HOST="altona.localhost").status_code == 200
