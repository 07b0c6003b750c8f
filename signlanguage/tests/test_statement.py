"""BITV §4 explanations on start pages, the accessibility statement and its feedback form."""

import time

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from accessibility.leichte_sprache.checker import check
from cms.formprotection import form_token
from home.demo.networks import NETWORKS
from signlanguage import feedback
from signlanguage.demo import add_accessibility_content, explanation_texts
from signlanguage.models import AccessibilityFeedback, AccessibilityStatementPage, BITVExplanation
from signlanguage.tasks import mail_feedback_task

pytestmark = pytest.mark.django_db

HEADINGS = [
    "Was steht auf dieser Internet·seite?",
    "So finden Sie sich zurecht",
    "Erklärung zur Barriere·freiheit",
    "Mehr in Leichter Sprache und Gebärden·sprache",
]


@pytest.mark.parametrize("spec", NETWORKS, ids=[spec["key"] for spec in NETWORKS])
def test_demo_explanations_pass_the_leichte_sprache_checker(spec):
    for key, text in explanation_texts(spec["key"].capitalize()).items():
        report = check(text)
        assert report.findings == [], (key, [f.to_dict() for f in report.findings])


@pytest.fixture
def network(make_network):
    net = make_network("lambda")
    net.contact.email = "koordination@lambda.example"
    net.contact.save()
    net.demo = add_accessibility_content(net.site, "Lambda")
    net.statement = net.demo["statement"]
    return net


def test_start_page_carries_the_four_explanations_in_leichte_sprache_and_dgs(client, network):
    html = client.get(network.home.url, HTTP_HOST=network.site.hostname).content.decode()
    for heading in HEADINGS:
        assert heading in html
    assert "<p>Das ist die Internet·seite von einem Netzwerk in Lambda.</p>" in html
    assert html.count('class="sign-language-video"') >= 4
    assert html.count('class="dgs-symbol"') >= 4


def test_every_page_links_to_the_networks_statement(client, network, two_networks):
    statement_url = network.statement.relative_url(network.site)
    for page in (network.home, network.news, network.field):
        html = client.get(page.relative_url(network.site), HTTP_HOST=network.site.hostname).content.decode()
        assert f'<a href="{statement_url}">Erklärung zur Barrierefreiheit</a>' in html
    home = client.get("/", HTTP_HOST=network.site.hostname).content.decode()
    assert f'<a href="{statement_url}">Zur Erklärung zur Barriere·freiheit</a>' in home
    other = client.get("/", HTTP_HOST=two_networks.a.site.hostname).content.decode()
    assert "Erklärung zur Barrierefreiheit" not in other  # a network without a statement links none


def test_api_gives_the_explanations_of_a_network(client, network):
    data = client.get("/api/v3/sign-language/explanations/", {"site": network.site.hostname}).json()
    assert [item["key"] for item in data["explanations"]] == ["contents", "navigation", "statement", "more"]
    assert all(item["video"]["fps"] >= 25 and item["video"]["width"] >= 320 for item in data["explanations"])
    assert data["explanations"][1]["text"].startswith("Oben auf der Seite ist das Menü.")


def test_demo_content_is_added_once(network):
    add_accessibility_content(network.site, "Lambda")
    assert BITVExplanation.objects.filter(site=network.site).count() == 1
    assert AccessibilityStatementPage.objects.child_of(network.home).count() == 1


def test_statement_page_shows_status_date_contact_and_schlichtungsstelle(client, network):
    response = client.get(network.statement.url, HTTP_HOST=network.site.hostname)
    html = response.content.decode()
    assert "Diese Internetseite ist teilweise vereinbar mit der BITV 2.0" in html
    assert "koordination@lambda.example" in html
    assert 'href="https://www.schlichtungsstelle-bgg.de/"' in html
    assert 'name="website"' in html and 'name="started"' in html
    assert not response.cookies


def post_feedback(client, net, issued_at=None, origin=True, **fields):
    data = {
        "name": "Aylin",
        "email": "aylin@example.org",
        "barrier_url": "/termine/",
        "message": "Der Kalender ist mit der Tastatur nicht bedienbar.",
        "website": "",
        "started": form_token(feedback.PURPOSE, net.statement.pk, issued_at or time.time() - 10),
        **fields,
    }
    headers = {"HTTP_HOST": net.site.hostname}
    if origin:
        headers["HTTP_ORIGIN"] = f"http://{net.site.hostname}"
    return client.post(reverse("accessibility_feedback", args=[net.statement.pk]), data, **headers)


def test_feedback_is_stored_and_mailed_to_the_networks_contact(client, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(client, network)
    assert response.status_code == 302 and response["Location"].endswith("?sent=1#feedback")
    stored = AccessibilityFeedback.objects.get()
    assert stored.site == network.site and stored.mailed
    assert stored.message.startswith("Der Kalender")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["koordination@lambda.example"]
    assert "Der Kalender ist mit der Tastatur" in mail.outbox[0].body
    thanks = client.get(response["Location"], HTTP_HOST=network.site.hostname).content.decode()
    assert "Vielen Dank. Wir haben Ihre Nachricht erhalten." in thanks


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"website": "http://spam.example"}, "Bitte lassen Sie das letzte Feld leer."),
        ({"issued_at": "now"}, "Das ging sehr schnell."),
        ({"started": "forged"}, "Das Formular ist abgelaufen."),
        ({"origin": False}, "Bitte nutzen Sie das Formular auf unserer Internetseite."),
    ],
    ids=["honeypot", "too-fast", "forged-token", "other-origin"],
)
def test_spam_is_refused_and_nothing_is_stored_or_mailed(
    client, network, kwargs, message, django_capture_on_commit_callbacks
):
    if kwargs.get("issued_at") == "now":
        kwargs = {"issued_at": time.time()}
    with django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(client, network, **kwargs)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Der Kalender ist mit der Tastatur nicht bedienbar." in html  # nothing the reader wrote is lost
    assert not AccessibilityFeedback.objects.exists() and not mail.outbox


def test_feedback_is_rate_limited_per_client(client, network):
    for _ in range(settings.ACCESSIBILITY_FEEDBACK_RATE_LIMIT[0]):
        assert post_feedback(client, network).status_code == 302
    response = post_feedback(client, network)
    assert response.status_code == 429
    assert AccessibilityFeedback.objects.count() == settings.ACCESSIBILITY_FEEDBACK_RATE_LIMIT[0]


def test_feedback_without_message_is_refused_with_the_field_named(client, network):
    response = post_feedback(client, network, message="")
    assert response.status_code == 400
    assert not AccessibilityFeedback.objects.exists()


def test_editors_see_only_their_own_networks_feedback(client, two_networks):
    for net, text in ((two_networks.a, "Barriere bei Alpha"), (two_networks.b, "Barriere bei Beta")):
        statement = add_accessibility_content(net.site, net.site.hostname)["statement"]
        AccessibilityFeedback.objects.create(site=net.site, page=statement, message=text)
    client.force_login(two_networks.a.editor)
    html = client.get(reverse("wagtailsnippets_signlanguage_accessibilityfeedback:list")).content.decode()
    assert "Barriere bei Alpha" in html and "Barriere bei Beta" not in html


def test_load_demo_gives_a_network_explanations_video_and_statement(client):
    call_command("load_demo", "--network", "hameln", "--quiet")
    call_command("load_demo", "--network", "hameln", "--quiet")  # idempotent
    site = Site.objects.get(hostname="hameln.localhost")
    assert BITVExplanation.objects.filter(site=site).count() == 1
    assert AccessibilityStatementPage.objects.child_of(site.root_page).live().count() == 1
    html = client.get("/", HTTP_HOST=site.hostname).content.decode()
    for heading in HEADINGS:
        assert heading in html
    assert html.count('class="dgs-symbol"') >= 5  # four explanations and the start page's own video


def test_editors_edit_only_their_own_networks_explanations(client, two_networks):
    alpha, beta = two_networks.a, two_networks.b
    add_accessibility_content(alpha.site, "Alpha")
    add_accessibility_content(beta.site, "Beta")
    beta_explanation = BITVExplanation.objects.get(site=beta.site)
    client.force_login(alpha.editor)
    listing = client.get(reverse("wagtailsnippets_signlanguage_bitvexplanation:list")).content.decode()
    edit_beta = reverse("wagtailsnippets_signlanguage_bitvexplanation:edit", args=[beta_explanation.pk])
    assert edit_beta not in listing
    assert client.get(edit_beta).status_code == 404  # another network's object does not exist for them
    own = BITVExplanation.objects.get(site=alpha.site)
    assert client.get(reverse("wagtailsnippets_signlanguage_bitvexplanation:edit", args=[own.pk])).status_code == 200


def test_an_overlong_feedback_is_refused_and_nothing_stored(client, network):
    response = post_feedback(client, network, message="Barriere " * 1000)
    assert response.status_code == 400
    assert "höchstens 5000 Zeichen" in response.content.decode()  # Django speaks German on German pages
    assert not AccessibilityFeedback.objects.exists()


def test_feedback_survives_a_failing_mail_server_and_is_mailed_on_retry(network, settings):
    statement = network.statement
    stored = AccessibilityFeedback.objects.create(site=network.site, page=statement, message="Kontrast zu schwach")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2  # nothing listens
    with pytest.raises(OSError):
        feedback.send_feedback_mail(statement, stored)
    stored.refresh_from_db()
    assert not stored.mailed  # kept, and the task will retry
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail_feedback_task.apply(args=[stored.pk]).get() is True
    stored.refresh_from_db()
    assert stored.mailed and mail.outbox[0].to == ["koordination@lambda.example"]
