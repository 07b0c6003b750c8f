"""Cheaper misses: a page or API answer that is not in the response cache costs at most
``QUERY_BUDGET`` queries for every page type of the demo networks, and the number does not grow
with the items a page shows (round-table members, contacts, funders, highlights, calendar events,
project partners, process phases, Leichte Sprache links and built variants) nor with the length of
an API listing.

Measured as production runs: the response cache on, the network's fragments (site, menu, footer,
statement link, view restrictions, Leichte Sprache links, sign-language videos — see
responsecache/fragments.py) filled by an earlier reading of the network, the measured URL never
answered before (a miss)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, get_page_models

from accessibility.models import LeichteSpracheLink, PageVariant
from conftest import publish
from home.localization import language_code_of
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
from responsecache import generations
from signlanguage.models import AccessibilityStatementPage

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12  # the target, for every page type and every API detail
PAGES_PER_TYPE = 3  # demo pages measured per type (the first ones of each network's tree)
LISTINGS = ("home.NewsPage", "home.EventPage", "home.ProjectPage", "home.RoundTablePage", "home.MeetingPage")


@pytest.fixture(autouse=True)
def production_caching(settings, tmp_path):
    """Response cache and fragments on, as in production; fresh generations for this test."""
    settings.MEDIA_ROOT = tmp_path
    settings.RESPONSE_CACHE_ENABLED = True
    generations.bump([generations.GLOBAL])
    language_code_of(Locale.get_default().pk)  # a process that has answered before knows the locales


def miss(client, host, url):
    """Queries of the first stored answer to ``url`` (a response-cache miss) once the network's
    fragments are warm: a reader with a messages cookie, whose answers are personal and never
    stored, read the page first."""
    Client().get(url, HTTP_HOST=host, HTTP_COOKIE="messages=")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, url
    assert response.get("X-Cache") != "HIT", f"{url} was answered before; the test measures a miss"
    return len(captured.captured_queries)


def servable_page_types():
    """Every page type an editor can create: each must be in the demo and is measured."""
    return {model for model in get_page_models() if model is not Page and model.is_creatable}


def test_every_page_type_of_the_demo_and_its_api_detail_stay_within_the_budget(client):
    call_command("load_demo", quiet=True)
    over, measured = {}, {}
    for model in sorted(servable_page_types(), key=lambda m: m.__name__):
        pages = list(model.objects.live().public().order_by("path")[:PAGES_PER_TYPE])
        assert pages, f"the demo has no live {model.__name__}; add one so its query count is measured"
        for page in pages:
            site = page.get_site()
            for label, url in ((model.__name__, page.url), (f"API {model.__name__}", f"/api/v3/pages/{page.pk}/")):
                count = miss(client, site.hostname, url)
                measured[label] = max(count, measured.get(label, 0))
                if count > QUERY_BUDGET:
                    over[f"{label} {url}"] = count
    print("queries per miss, most per type:", measured)
    assert len(measured) == 2 * len(servable_page_types())
    assert over == {}, over


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
    add_news(net, n)
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


def add_news(net, n, start=0):
    """``n`` more news with a built PDF each."""
    for i in range(start, start + n):
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


def urls(net):
    found = {kind: page.specific.url for kind, page in net.pages.items()}
    found["EventIndexPage (month)"] = found["EventIndexPage"] + "?ansicht=month"
    for kind, page in net.pages.items():
        found[f"API {kind}"] = f"/api/v3/pages/{page.pk}/"
    for listing in LISTINGS:
        found[listing] = f"/api/v3/listings/{listing}/"
    found["directory contacts"] = "/api/v3/directory/contacts/"
    return found


def test_the_synthetic_network_covers_every_page_type(make_network):
    net = build(make_network, "alle", 1)
    assert {type(page.specific).__name__ for page in net.pages.values()} == {
        model.__name__ for model in servable_page_types()
    }


def test_no_query_per_item_on_any_page_or_api_answer(client, make_network):
    """A network showing one of everything costs as many queries per answer as one showing six,
    and each answer stays within the budget."""
    one, many = build(make_network, "one", 1), build(make_network, "many", 6)
    growing, over = {}, {}
    for kind, url_one in urls(one).items():
        url_many = urls(many)[kind]
        counts = (
            miss(client, one.site.hostname, url_one),
            miss(client, many.site.hostname, url_many),
        )
        if counts[1] != counts[0]:
            growing[kind] = counts
        if max(counts) > QUERY_BUDGET:
            over[kind] = counts
    assert growing == {}, growing
    assert over == {}, over


def test_an_api_listing_of_fifty_news_costs_as_many_queries_as_one_of_five(client, make_network):
    net = make_network("liste")
    add_news(net, 4)  # and the network's own first news: 5
    url = "/api/v3/listings/home.NewsPage/?limit=50"
    five = miss(client, net.site.hostname, url)
    assert len(client.get(url, HTTP_HOST=net.site.hostname).json()["items"]) == 5
    add_news(net, 45, start=4)  # publishing retires the cached listing
    fifty = miss(client, net.site.hostname, url)
    assert len(client.get(url, HTTP_HOST=net.site.hostname).json()["items"]) == 50
    assert fifty == five
    assert five <= QUERY_BUDGET
