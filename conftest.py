"""Fixtures shared by the whole suite: small networks built the way an admin would."""

import datetime
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from wagtail.models import APIToken, Page, Site

from home.editors import ensure_editor_group
from home.models import ActionFieldPage, Contact, HomePage, NewsIndexPage, NewsPage


def pytest_collection_modifyitems(items):
    """Keep the browser tests together; give every transactional test Django's serialized rollback.

    A transactional test (``transactional_db``, ``live_server``, a real Celery worker) ends with
    a flush that also deletes what migrations created: Wagtail's root page, default locale,
    root collection and default site. Later transactional tests would then find no page tree.
    With serialized rollback the database as migrated is restored before each such test.
    """
    for item in items:
        if "tests/browser/" in item.nodeid:
            # One xdist worker takes all browser tests (make test: --dist loadgroup): they share
            # a live server with the demo loaded, which takes a minute to build per worker.
            item.add_marker(pytest.mark.xdist_group("browser"))
        marker = item.get_closest_marker("django_db")
        transactional = (
            "transactional_db" in item.fixturenames
            or "live_server" in item.fixturenames
            or bool(marker and marker.kwargs.get("transaction"))
        )
        if not transactional:
            continue
        if marker and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(
                pytest.mark.django_db(*marker.args, **{**marker.kwargs, "serialized_rollback": True}), append=False
            )
        if "django_db_serialized_rollback" not in item.fixturenames:
            item.fixturenames.append("django_db_serialized_rollback")


@pytest.fixture(autouse=True)
def default_language():
    """Start every test in German, the content's default language.

    A request under ``/tr/…`` activates Turkish for the thread (LocaleMiddleware) and nothing
    switches it back when the request ends, so a later test that renders a template outside a
    request spoke Turkish, depending on the order the tests ran in.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_network(db):
    """Build a network: site, home page, one action field, news, an editor with an API token."""

    def build(slug, hostname=None):
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title=f"Netzwerk {slug}", slug=slug))
        publish(home)
        site = Site.objects.create(
            hostname=hostname or f"{slug}.localhost", port=80, root_page=home, site_name=f"Netzwerk {slug}"
        )
        field = publish(home.add_child(instance=ActionFieldPage(title="Bildung", slug="bildung")))
        news_index = publish(home.add_child(instance=NewsIndexPage(title="Aktuelles", slug="aktuelles")))
        news = news_index.add_child(
            instance=NewsPage(
                title=f"Sprachcafé in {slug}",
                slug="sprachcafe",
                teaser="Jeden Dienstag üben wir Deutsch.",
                date=datetime.date(2026, 11, 2),
                body=[{"type": "paragraph", "value": "<p>Alle sind willkommen.</p>"}],
            )
        )
        news.action_fields = [field]
        publish(news)
        contact = Contact.objects.create(site=site, name=f"Kontakt {slug}", role="Koordination")
        from newsletter.models import NewsletterSettings  # every network sends under its own name

        NewsletterSettings.objects.update_or_create(
            site=site, defaults={"sender_name": f"Netzwerk {slug}", "sender_email": f"newsletter@{slug}.example.org"}
        )
        group = ensure_editor_group(site)
        editor = get_user_model().objects.create_user(username=f"editor-{slug}", password="pw-editor-123")
        editor.groups.add(group)
        _, token = APIToken.create_token(user=editor, name="test")
        return SimpleNamespace(
            site=site,
            home=home,
            field=field,
            news_index=news_index,
            news=news,
            contact=contact,
            group=group,
            editor=editor,
            token=token,
        )

    return build


@pytest.fixture
def celery_worker(transactional_db):
    """A real Celery worker in this process: over the Redis broker where Redis runs (our machines,
    CI), over Celery's in-memory transport elsewhere. Tasks sent with .delay() go through it."""
    from celery.contrib.testing.worker import start_worker
    from django.conf import settings

    from cms.celery import app

    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
            yield worker
    finally:
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate a page (and its parents) the way wagtail-localize's "Translate" action does,
    optionally under a title of its own. wagtail-localize publishes on commit, so the
    on-commit callbacks run here."""
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    def run(page, language_code, title=None):
        locale = Locale.objects.get(language_code=language_code)
        for ancestor in [*page.get_ancestors().filter(depth__gt=1).specific(), page.specific]:
            if not ancestor.get_translations().filter(locale=locale).exists():
                with django_capture_on_commit_callbacks(execute=True):
                    translate_object(ancestor, [locale])
        translation = page.get_translation(locale).specific
        assert translation.live
        if title is not None:
            translation.title = title
            translation = publish(translation)
        return translation

    return run


@pytest.fixture
def two_networks(make_network):
    return SimpleNamespace(a=make_network("alpha"), b=make_network("beta"))


@pytest.fixture
def now():
    return timezone.now()
