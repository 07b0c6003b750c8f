"""Fixtures for tests that drive a real browser against the five demo networks.

One demo load and one browser per test session: ``demo_server`` loads ``load_demo`` into the
test database once (committed, so a server thread sees it), serves it with Django's live
server thread on a free port (or ``BROWSER_TEST_PORT``), and removes the demo networks again at the end of the session.
``browser`` is Debian's Chromium driven by Playwright; ``page`` is a fresh German-language
context per test; ``axe_audit(page)`` returns the page's WCAG 2.x A/AA violations found by
axe-core (shipped inside axe-playwright-python, no CDN).

Browser tests must not write to the database in the test process: the data the server shows
lives outside any test transaction.
"""

import os
from pathlib import Path

import pytest

from tests.ports import free_port

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LIVE_SERVER_PORT = int(os.environ.get("BROWSER_TEST_PORT") or free_port())
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


BROWSER_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    """Browser tests use the database (through the server), so pytest-django must create it.

    They run last: the demo networks they share stay in the database until the session ends,
    and no other test should see them."""
    browser_tests = []
    for item in items:
        if BROWSER_TESTS in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.django_db)
            browser_tests.append(item)
    if browser_tests:
        others = [item for item in items if item not in browser_tests]
        items[:] = others + browser_tests


class DemoServer:
    """Builds URLs for the demo networks served by the live server (``url("hameln", "/")``)."""

    def __init__(self, port):
        self.port = port
        self.hosts = {}

    def url(self, network, path="/"):
        hostname = self.hosts.get(network, network if "." in network else f"{network}.localhost")
        return f"http://{hostname}:{self.port}{path}"

    def page_url(self, page):
        """Absolute URL of a Wagtail page on the live server."""
        site_id, root_url, relative = page.get_url_parts()
        hostname = root_url.split("://", 1)[1].split(":", 1)[0]
        return f"http://{hostname}:{self.port}{relative}"


@pytest.fixture(scope="session")
def demo_server(django_db_setup, django_db_blocker):
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.management import call_command
    from django.db import connections
    from django.test.testcases import LiveServerThread

    from home.demo.builder import reset_network
    from home.demo.networks import NETWORKS

    django_db_blocker.unblock()  # the server thread needs the database for the whole session
    try:
        _restore_migrated_database(connections["default"])
        call_command("load_demo", "--quiet")
        # Request threads must not keep connections open, or the test database cannot be
        # dropped at the end of the session.
        for connection in connections.all():
            connection.settings_dict["CONN_MAX_AGE"] = 0
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=LIVE_SERVER_PORT)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        demo = DemoServer(server.port)
        demo.hosts = {spec["key"]: spec["hostname"] for spec in NETWORKS}
        demo.networks = [spec["key"] for spec in NETWORKS]
        try:
            yield demo
        finally:
            server.terminate()
            for spec in NETWORKS:
                reset_network(spec)
            connections.close_all()
            _close_leftover_sessions(connections["default"])
    finally:
        django_db_blocker.restore()


def _restore_migrated_database(connection):
    """Browser tests run last, after transactional tests whose final flush emptied the database
    (each of them restores it for itself first). Restore the migrated state the same way."""
    from wagtail.models import Page

    if Page.objects.filter(depth=1).exists():
        return
    contents = getattr(connection, "_test_serialized_contents", None)
    if not contents:
        raise RuntimeError("The test database has no Wagtail root page and no serialized copy to restore it from.")
    connection.creation.deserialize_db_from_string(contents)


def _close_leftover_sessions(connection):
    """End idle sessions the server's request threads left on this run's own test database,
    so pytest-django can drop it (the name is per checkout: TEST_DATABASE_NAME)."""
    if connection.vendor != "postgresql":
        return
    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid() AND state = 'idle'",
            [name],
        )
    connection.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop in the main thread; Django would then refuse
    # the ORM calls fixtures make there. It stays set in this process until the session ends, also
    # for tests pytest-xdist sends to it after the browser tests: no test relies on Django's
    # refusal, and the deployment check drops the flag for its subprocesses (tests/test_deploy.py).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--host-resolver-rules=MAP *.localhost 127.0.0.1"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def axe_audit(_axe):
    """``axe_audit(page)`` → list of axe-core violations of WCAG 2.x A/AA rules (empty = pass).

    Each violation is axe's dict (id, impact, help, nodes…); ``format_violations`` makes a
    readable assertion message.
    """

    def audit(tab):
        results = _axe.run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        return results.response["violations"]

    return audit


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')[:200]}")
    return "\n".join(lines)


# ---- the editor task modules (test_editor_*.py): an Altona editor who is not a superuser,
# logged in once per module in a German context; committed outside any test transaction so the
# live server's thread sees the user (a name apart from test_editors.py's editor).

TASK_EDITOR_USERNAME = "redaktion-altona-aufgaben"
TASK_EDITOR_PASSWORD = "pw-editor-altona-456"


@pytest.fixture(scope="session")
def task_editor(demo_server, django_db_blocker):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Site
    from wagtail.users.models import UserProfile

    with django_db_blocker.unblock():
        site = Site.objects.get(hostname="altona.localhost")
        user = get_user_model().objects.create_user(TASK_EDITOR_USERNAME, password=TASK_EDITOR_PASSWORD)
        user.groups.add(Group.objects.get(name=f"Redaktion {site.site_name}"))
        assert not user.is_superuser
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "de"
        profile.save()
    yield user
    with django_db_blocker.unblock():
        user.delete()


@pytest.fixture(scope="module")
def editor_context(browser, demo_server, task_editor):
    """A German browser context logged in as the editor, once per module."""
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.goto(demo_server.url("altona", "/admin/login/"))
    tab.locator('input[name="username"]').fill(TASK_EDITOR_USERNAME)
    tab.locator('input[name="password"]').fill(TASK_EDITOR_PASSWORD)
    tab.locator('form button[type="submit"]').first.click()
    tab.wait_for_url("**/admin/", timeout=30_000)
    tab.close()
    yield context
    context.close()


@pytest.fixture
def editor(editor_context):
    """A fresh tab in the logged-in editor's context."""
    tab = editor_context.new_page()
    yield tab
    tab.close()


def audit_region(page, axe_audit, selector):
    """axe violations (WCAG 2.x A/AA) whose nodes lie in our own markup: any of the ``selector``
    parts occurs in the node's CSS path. Wagtail's own chrome is not ours to fix."""
    return [
        v
        for v in axe_audit(page)
        if any(any(part in " ".join(map(str, n["target"])) for part in selector) for n in v["nodes"])
    ]
