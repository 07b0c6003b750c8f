"""Exact invalidation: after every publish-like event, no cached page or API answer of the
network is stale — each answer read right after the event equals a fresh render, whether it
comes from the response cache or is rendered with the network's cached fragments."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction
from wagtailmedia.models import Media

from accessibility.models import LeichteSpracheLink, LeichteSpracheSettings, PageVariant
from conftest import publish
from home.models import Funder, HomePageContact, HomePageFunder, NewsPage, Organisation, RoundTablePage, StandardPage
from home.models.pages import RoundTableContact, RoundTableMember
from home.models.snippets import OfficeHour
from home.scheduling import publish_scheduled
from signlanguage.models import SignLanguageVideo, VideoCheck

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(autouse=True)
def form_tokens_of_one_hour(monkeypatch):
    """Pages carry a form token that changes on the hour (by design: the same page rendered in
    the same hour is the same page). Without a fixed clock for those tokens, a run crossing the
    hour compared a page rendered at 17:59 with one rendered at 18:00 and called it stale."""
    import time
    import types

    from cms import formprotection

    started = time.time()
    monkeypatch.setattr(formprotection, "time", types.SimpleNamespace(time=lambda: started))


def build_network(make_network):
    """A network whose pages show a contact, a member organisation, a funder, a menu …"""
    net = make_network("alpha")
    net.organisation = Organisation.objects.create(site=net.site, name="Verein Brücke")
    net.funder = Funder.objects.create(site=net.site, name="Stadt Beispiel")
    HomePageContact.objects.create(page=net.home, contact=net.contact)
    HomePageFunder.objects.create(page=net.home, funder=net.funder)
    publish(net.home)
    net.round_table = net.home.add_child(instance=RoundTablePage(title="Runder Tisch", slug="runder-tisch"))
    RoundTableMember.objects.create(page=net.round_table, organisation=net.organisation)
    RoundTableContact.objects.create(page=net.round_table, contact=net.contact)
    publish(net.round_table)
    net.goals = publish(net.home.add_child(instance=StandardPage(title="Ziele", slug="ziele", show_in_menus=True)))
    net.about = publish(net.home.add_child(instance=StandardPage(title="Über uns", slug="ueber-uns")))
    net.easy = publish(net.home.add_child(instance=StandardPage(title="Leichte Sprache", slug="leichte-sprache")))
    net.second_news = publish(
        net.news_index.add_child(
            instance=NewsPage(title="Zweite Meldung", slug="zweite", date=datetime.date(2026, 11, 3), teaser="Kurz.")
        )
    )
    return net


def urls_of(net):
    german = Page.objects.descendant_of(net.home, inclusive=True)
    # the network's pages in every language (translations live in trees of their own, under /en/ …)
    pages = Page.objects.live().public().filter(translation_key__in=german.values("translation_key")).specific()
    urls = [page.url for page in pages]
    urls += [f"/api/v3/pages/{page.pk}/" for page in pages]
    urls += [
        "/api/v3/pages/?limit=50",
        f"/api/v3/pages/?site={net.site.hostname}&type=home.NewsPage",
        "/api/v3/listings/home.NewsPage/",
        "/api/v3/listings/home.RoundTablePage/",
        "/api/v3/directory/contacts/",
        "/api/v3/directory/organisations/",
        "/api/v3/directory/funders/",
        f"/api/v3/translations/pages/{net.news.pk}/",
        f"/api/v3/sign-language/pages/{net.news.pk}/",
        "/suche/?q=Sprachcafé",
        "/api/v3/search/?q=Sprachcafé",
        "/feeds/aktuelles.rss",
        "/feeds/aktuelles.atom",
    ]
    return urls


def read(client, net, url):
    response = client.get(url, HTTP_HOST=net.site.hostname)
    return response.status_code, response.content, response.get("X-Cache")


def fresh(client, net, url, settings):
    # a context manager, not the settings fixture: each assignment to the fixture stacks one more
    # layer of settings, and hundreds of answers made attribute lookups recurse too deep
    with override_settings(RESPONSE_CACHE_ENABLED=False):
        return read(client, net, url)[:2]


def first_difference(expected, found):
    """Where a stale answer departs from a fresh render (for the failure message)."""
    import difflib

    if expected[0] != found[0]:
        return f"status {found[0]}, fresh {expected[0]}"
    lines = difflib.unified_diff(expected[1].decode().splitlines(), found[1].decode().splitlines(), lineterm="", n=0)
    return "\n".join(list(lines)[2:8])


def check_event(client, net, settings, name, event, must_change=True):
    """Fill the cache, run the event, read every answer again: none may be stale."""
    urls = urls_of(net)
    before = {url: read(client, net, url)[:2] for url in urls}
    assert any(read(client, net, url)[2] == "HIT" for url in urls), "the cache was not filled"
    event()
    urls = list(dict.fromkeys(urls + urls_of(net)))
    stale, changed = [], []
    for url in urls:
        status, content, cache_state = read(client, net, url)
        # a HIT is a stored answer; a MISS was rendered with the network's cached fragments (menu,
        # footer, routing, restrictions …): both must read like a render without any cache
        if cache_state in ("HIT", "MISS"):
            expected = fresh(client, net, url, settings)
            if (status, content) != expected:
                stale.append((url, cache_state, first_difference(expected, (status, content))))
        if before.get(url) != (status, content):
            changed.append(url)
    assert stale == [], f"{name}: stale answers"
    if must_change:
        assert changed, f"{name}: the event changed no answer, so the test proves nothing"
    return changed


def test_every_publish_like_event_leaves_zero_stale_answers(client, make_network, settings, response_cache):
    net = build_network(make_network)
    other = make_network("beta")
    other_url = other.news.url
    read(client, other, other_url)

    def publish_title():
        net.news.title = "Sprachcafé am Mittwoch"
        publish(net.news)

    def change_contact():
        net.contact.name = "Ayşe Demir"
        net.contact.save()

    def change_organisation():
        net.organisation.name = "Verein Brücke e. V."
        net.organisation.save()

    def change_funder():
        net.funder.name = "Landeshauptstadt Beispiel"
        net.funder.save()

    def change_site_setting():
        setting = LeichteSpracheSettings.for_site(net.site)
        setting.separator = LeichteSpracheSettings.Separator.HYPHEN
        setting.save()

    def change_site_name():
        net.site.site_name = "Integrationsnetzwerk Alpha"
        net.site.save()

    def change_office_hours():
        OfficeHour.objects.create(contact=net.contact, weekday=3, opens=datetime.time(14), closes=datetime.time(16))

    def restrict_view():
        PageViewRestriction.objects.create(page=net.goals, restriction_type=PageViewRestriction.LOGIN)

    def change_menu():
        net.about.show_in_menus = True
        publish(net.about)

    def link_leichte_sprache():
        LeichteSpracheLink.objects.create(page=net.goals, variant=net.easy)

    def finish_variant_build():
        PageVariant.objects.create(
            page=net.news,
            kind=PageVariant.Kind.PDF,
            status=PageVariant.Status.CURRENT,
            file=ContentFile(b"%PDF-1.7 test", name="sprachcafe.pdf"),
            size=13,
        )

    def add_sign_language_video():
        media = Media.objects.create(title="DGS", type="video", file=ContentFile(b"video", name="dgs.mp4"))
        VideoCheck.objects.create(
            media=media, file_name=media.file.name, width=640, height=480, fps=25, duration_seconds=3, size_bytes=5
        )
        SignLanguageVideo.objects.create(page=net.news, video=media)

    def publish_translation():
        english = Locale.objects.get_or_create(language_code="en")[0]
        publish(net.news.copy_for_translation(english, copy_parents=True))

    def reorder():
        net.about.move(net.goals, pos="left")

    def move():
        net.easy.move(net.goals, pos="last-child")

    def unpublish():
        net.second_news.unpublish()

    def delete():
        Page.objects.get(pk=net.about.pk).specific.delete()

    def scheduled_publish():
        news = NewsPage.objects.get(pk=net.news.pk)
        news.title = "Sprachcafé im Advent"
        news.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
        publish_scheduled()

    events = [
        ("publish", publish_title, True),
        ("contact snippet", change_contact, True),
        ("organisation snippet", change_organisation, True),
        ("funder snippet", change_funder, True),
        ("site setting", change_site_setting, False),
        ("site name", change_site_name, True),
        ("office hours", change_office_hours, True),
        ("menu", change_menu, True),
        ("Leichte Sprache link", link_leichte_sprache, True),
        ("variant build finished", finish_variant_build, True),
        ("sign-language video", add_sign_language_video, True),
        ("translation", publish_translation, True),
        ("reorder", reorder, True),
        ("move", move, True),
        ("unpublish", unpublish, True),
        ("delete", delete, True),
        ("scheduled publishing", scheduled_publish, True),
        ("view restriction", restrict_view, True),
    ]
    for name, event, must_change in events:
        check_event(client, net, settings, name, event, must_change)
        if name == "publish":  # a network's own events leave other networks' answers cached
            assert read(client, other, other_url)[2] == "HIT"
