"""Cheaper misses: a page or API answer that is not in the response cache costs a bounded
number of queries for every page type, and the number does not grow with the items a page
shows (round-table members, contacts, funders, highlights, calendar events, project partners,
process phases, Leichte Sprache links and built variants)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accessibility.models import LeichteSpracheLink, PageVariant
from conftest import publish
from home.models import (
    Contact,
    EventIndexPage,
    EventPage,
    Funder,
    HomePageContact,
    HomePageFunder,
    HomePageHighlight,
    MeetingPage,
    NewsPage,
    Organisation,
    ProcessPage,
    ProjectIndexPage,
    ProjectPage,
    RoundTablePage,
    StandardPage,
)
from home.models.pages import ProcessPhase, ProjectPartner, RoundTableContact, RoundTableMember
from home.models.snippets import OfficeHour
from participation.models import ParticipationFormPage
from signlanguage.models import AccessibilityStatementPage

pytestmark = pytest.mark.django_db

# Queries for one uncached answer, per page type (the target is 12; what Wagtail's own
# serve() needs — site, locale, routing, view restrictions — is 7 of them for HTML pages; the start
# page also lists the latest news and next events).
PAGE_BUDGET = {
    "HomePage": 25,
    "StandardPage": 18,
    "ActionFieldPage": 23,
    "RoundTablePage": 23,
    "MeetingPage": 20,
    "ProcessPage": 19,
    "NewsIndexPage": 24,
    "NewsPage": 22,
    "EventIndexPage": 22,
    "EventIndexPage (month)": 22,
    "EventPage": 22,
    "ProjectIndexPage": 19,
    "ProjectPage": 23,
    "ParticipationFormPage": 22,
    "AccessibilityStatementPage": 19,
}
API_DETAIL_BUDGET = 16
API_LISTING_BUDGET = 15


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def build(make_network, slug, n):
    """A network with every page type, each showing ``n`` of whatever it lists."""
    net = make_network(slug)
    site, home = net.site, net.home
    organisations = [Organisation.objects.create(site=site, name=f"Verein {i}") for i in range(n)]
    contacts = [Contact.objects.create(site=site, name=f"Kontakt {i}", email=f"k{i}@example.org") for i in range(n)]
    for contact in contacts:
        OfficeHour.objects.create(contact=contact, weekday=1, opens=datetime.time(9), closes=datetime.time(12))
    for i in range(n):
        HomePageContact.objects.create(page=home, contact=contacts[i])
        HomePageFunder.objects.create(page=home, funder=Funder.objects.create(site=site, name=f"Förderer {i}"))
    pages = {"HomePage": home, "ActionFieldPage": net.field, "NewsIndexPage": net.news_index, "NewsPage": net.news}
    pages["StandardPage"] = publish(home.add_child(instance=StandardPage(title="Über uns", slug="ueber-uns")))
    easy = publish(home.add_child(instance=StandardPage(title="Über uns (Leichte Sprache)", slug="ueber-uns-ls")))
    LeichteSpracheLink.objects.create(page=pages["StandardPage"], variant=easy)
    round_table = home.add_child(instance=RoundTablePage(title="Runder Tisch", slug="runder-tisch"))
    for i in range(n):
        RoundTableMember.objects.create(page=round_table, organisation=organisations[i], role="Mitglied")
        RoundTableContact.objects.create(page=round_table, contact=contacts[i])
    pages["RoundTablePage"] = publish(round_table)
    now = timezone.now()
    for i in range(n):
        meeting = MeetingPage(title=f"Sitzung {i}", slug=f"sitzung-{i}", start=now + datetime.timedelta(days=i))
        pages["MeetingPage"] = publish(round_table.add_child(instance=meeting))
    process = home.add_child(instance=ProcessPage(title="Prozess", slug="prozess"))
    for i in range(n):
        ProcessPhase.objects.create(page=process, title=f"Phase {i}")
    pages["ProcessPage"] = publish(process)
    events = publish(home.add_child(instance=EventIndexPage(title="Termine", slug="termine")))
    pages["EventIndexPage"] = events
    for i in range(n):
        event = EventPage(title=f"Fest {i}", slug=f"fest-{i}", start=now + datetime.timedelta(days=i, hours=1))
        event = events.add_child(instance=event)
        event.action_fields = [net.field]
        pages["EventPage"] = publish(event)
    projects = publish(home.add_child(instance=ProjectIndexPage(title="Projekte", slug="projekte")))
    pages["ProjectIndexPage"] = projects
    for i in range(n):
        project = projects.add_child(instance=ProjectPage(title=f"Projekt {i}", slug=f"projekt-{i}"))
        ProjectPartner.objects.create(page=project, organisation=organisations[i])
        project.action_fields = [net.field]
        pages["ProjectPage"] = publish(project)
    for i in range(n):
        news = net.news_index.add_child(instance=NewsPage(title=f"Meldung {i}", slug=f"meldung-{i}"))
        news.action_fields = [net.field]
        publish(news)
        PageVariant.objects.create(
            page=news,
            kind=PageVariant.Kind.PDF,
            status=PageVariant.Status.CURRENT,
            file=ContentFile(b"%PDF-1.7", name=f"meldung-{i}.pdf"),
            size=8,
        )
    for page in list(pages.values())[: n + 1]:
        HomePageHighlight.objects.create(page=home, target=page)
    publish(home)
    pages["ParticipationFormPage"] = publish(
        home.add_child(instance=ParticipationFormPage(title="Mitmachen", slug="mitmachen"))
    )
    pages["AccessibilityStatementPage"] = publish(
        home.add_child(
            instance=AccessibilityStatementPage(
                title="Erklärung zur Barrierefreiheit", slug="barrierefreiheit", prepared_on=datetime.date(2026, 1, 1)
            )
        )
    )
    net.pages = pages
    return net


def urls(net):
    found = {kind: page.specific.url for kind, page in net.pages.items()}
    found["EventIndexPage (month)"] = found["EventIndexPage"] + "?ansicht=month"
    return found


def queries(client, net, url):
    client.get(url, HTTP_HOST=net.site.hostname)  # Wagtail's site root paths are cached after the first
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=net.site.hostname)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def test_every_page_type_and_api_detail_stays_within_its_query_budget(client, make_network):
    net = build(make_network, "alpha", 3)
    over = {}
    for kind, url in urls(net).items():
        count = queries(client, net, url)
        if count > PAGE_BUDGET[kind]:
            over[kind] = count
        api = queries(client, net, f"/api/v3/pages/{net.pages[kind.split(' ')[0]].pk}/")
        if api > API_DETAIL_BUDGET:
            over[f"API {kind}"] = api
    for listing in ("home.NewsPage", "home.EventPage", "home.ProjectPage", "home.RoundTablePage"):
        count = queries(client, net, f"/api/v3/listings/{listing}/")
        if count > API_LISTING_BUDGET:
            over[listing] = count
    assert over == {}, over


def test_no_query_per_item_on_any_page_or_api_answer(client, make_network):
    """A network showing one of everything costs as many queries per answer as one showing six."""
    one, many = build(make_network, "one", 1), build(make_network, "many", 6)
    answers = {kind: (url, urls(many)[kind]) for kind, url in urls(one).items()}
    for kind in one.pages:
        answers[f"API {kind}"] = (f"/api/v3/pages/{one.pages[kind].pk}/", f"/api/v3/pages/{many.pages[kind].pk}/")
    for listing in ("home.NewsPage", "home.EventPage", "home.ProjectPage", "home.MeetingPage"):
        answers[listing] = (f"/api/v3/listings/{listing}/",) * 2
    answers["directory contacts"] = ("/api/v3/directory/contacts/",) * 2
    growing = {}
    for kind, (url_one, url_many) in answers.items():
        counts = (queries(client, one, url_one), queries(client, many, url_many))
        if counts[1] != counts[0]:
            growing[kind] = counts
    assert growing == {}, growing
