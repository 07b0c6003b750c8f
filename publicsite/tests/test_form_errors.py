"""Every public form tells a reader what went wrong the same way: a summary that takes the focus
and links to each field, the number of errors in the page title, invalid fields marked
``aria-invalid`` and described (``aria-describedby``) only by ids that exist, autocomplete
tokens, and phones and email addresses with their own input types."""

import time
import uuid
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from cms.formprotection import form_token
from conftest import publish
from participation import spam
from participation.models import FormKind, ParticipationFormPage
from signlanguage import feedback
from signlanguage.demo import add_accessibility_content
from translations import views as translation_views

pytestmark = pytest.mark.django_db


class Elements(HTMLParser):
    """All start tags of a page with their attributes, in order (a duplicated attribute is kept
    twice, so ``type="text" type="tel"`` shows)."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.title = ""
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def ids(self):
        return {value for _, attrs in self.tags for name, value in attrs if name == "id"}

    def with_attr(self, attribute, value=None):
        return [
            dict(attrs)
            for _, attrs in self.tags
            if any(name == attribute and (value is None or v == value) for name, v in attrs)
        ]

    def by_id(self, element_id):
        return next(dict(attrs) for _, attrs in self.tags if dict(attrs).get("id") == element_id)


def checked(response, expected_errors):
    """The page's form markup, checked for what every form page must get right."""
    page = Elements(response.content.decode())
    ids = page.ids()
    for attrs in page.with_attr("aria-describedby"):
        missing = set(attrs["aria-describedby"].split()) - ids
        assert not missing, f"{attrs.get('id')} is described by ids that do not exist: {missing}"
    for _, attrs in page.tags:
        names = [name for name, _ in attrs]
        assert len(names) == len(set(names)), f"attribute given twice: {attrs}"
    if expected_errors:
        summary = page.by_id("error-summary")
        assert "autofocus" in summary and summary["tabindex"] == "-1"
        count = f"{expected_errors} Fehler: "
        assert page.title.strip().startswith(count), page.title
        for link in [a["href"] for a in page.with_attr("href") if a["href"].startswith("#id_")]:
            assert link[1:] in ids, f"the summary links to {link}, which does not exist"
    else:
        assert "error-summary" not in ids
        assert "Fehler" not in page.title
    return page


def invalid_ids(page):
    return [attrs.get("id") for attrs in page.with_attr("aria-invalid", "true")]


def described_by(page, element_id):
    return page.by_id(element_id)["aria-describedby"].split()


def test_newsletter_form_names_each_problem_and_links_the_errors_to_the_fields(client, make_network):
    net = make_network("nord")
    host = {"HTTP_HOST": net.site.hostname}
    page = checked(client.get("/newsletter/", **host), 0)
    assert page.by_id("id_email")["type"] == "email" and page.by_id("id_email")["autocomplete"] == "email"
    assert page.by_id("id_name")["autocomplete"] == "name"
    response = client.post("/newsletter/", {"email": "keine-adresse", "edition": "standard", "language": "de"}, **host)
    assert response.status_code == 400
    page = checked(response, 2)
    assert invalid_ids(page) == ["id_email", "id_consent"]
    assert described_by(page, "id_email") == ["id_email_error"]
    assert described_by(page, "id_consent") == ["consent-text", "id_consent_error"]
    html = response.content.decode()
    assert 'href="#id_email"' in html and 'href="#id_consent"' in html
    assert "Bitte stimmen Sie dem Empfang des Newsletters zu." in html or "newsletter" in html.lower()


def statement_network(make_network):
    net = make_network("lambda")
    net.statement = add_accessibility_content(net.site, "Lambda")["statement"]
    return net


def test_feedback_form_names_the_missing_message_and_a_refusal_counts_as_an_error(client, make_network):
    net = statement_network(make_network)
    host = {"HTTP_HOST": net.site.hostname, "HTTP_ORIGIN": f"http://{net.site.hostname}"}
    page = checked(client.get(net.statement.url, HTTP_HOST=net.site.hostname), 0)
    assert page.by_id("id_email")["type"] == "email" and page.by_id("id_email")["autocomplete"] == "email"
    data = {
        "name": "Aylin",
        "email": "aylin@",
        "message": "",
        "website": "",
        "started": form_token(feedback.PURPOSE, net.statement.pk, time.time() - 10),
    }
    url = reverse("accessibility_feedback", args=[net.statement.pk])
    page = checked(client.post(url, data, **host), 2)
    assert invalid_ids(page) == ["id_email", "id_message"]
    assert described_by(page, "id_message") == ["id_message_error"]
    # too fast: refused as a whole, with a fresh token; the message counts, the fields are fine
    data.update(email="aylin@example.org", message="Kontrast", started=form_token(feedback.PURPOSE, net.statement.pk))
    response = client.post(url, data, **host)
    assert response.status_code == 400
    page = checked(response, 1)
    assert invalid_ids(page) == []


def test_participation_form_has_a_phone_keypad_and_links_every_problem(client, make_network, settings):
    settings.PARTICIPATION_CACHE_PREFIX = f"test-form-errors-{uuid.uuid4().hex}"
    net = make_network("omikron")
    form_page = publish(
        net.home.add_child(instance=ParticipationFormPage(title="Mitmachen", slug="mitmachen", kind=FormKind.JOIN))
    )
    host = {"HTTP_HOST": net.site.hostname}
    page = checked(client.get(form_page.url, **host), 0)
    phone = [attrs for _, attrs in page.tags if dict(attrs).get("id") == "id_phone"][0]
    assert [value for name, value in phone if name == "type"] == ["tel"]
    assert dict(phone)["autocomplete"] == "tel"
    assert page.by_id("id_organisation")["autocomplete"] == "organization"
    data = {
        "join_as": "organisation",
        "name": "",
        "organisation": "",
        "email": "ayse@verein",
        "message": "",
        "website": "",
        "started": spam.make_timestamp(time.time() - 30),
    }
    response = client.post(form_page.url, data, **host)
    page = checked(response, 4)
    assert invalid_ids(page) == ["id_name", "id_organisation", "id_email", "id_consent"]
    assert described_by(page, "id_organisation") == ["id_organisation_helptext", "id_organisation_error"]
    assert 'href="#id_organisation"' in response.content.decode()


def test_a_refused_translation_request_says_so_in_the_title_and_takes_the_focus(client, make_network):
    net = make_network("psi")
    headers = {"HTTP_HOST": net.site.hostname, "HTTP_ORIGIN": f"http://{net.site.hostname}"}
    data = {"page": net.news.pk, "language": "xx", "token": form_token(translation_views.PURPOSE, net.news.pk)}
    response = client.post(reverse("translation_request"), data, **headers)
    assert response.status_code == 400
    page = checked(response, 1)
    assert "Bitte wählen Sie eine der angebotenen Sprachen." in response.content.decode() or page.by_id("error-summary")
