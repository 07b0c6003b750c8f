"""Regression tests of admin views that leaked across networks: each view named here once showed or changed
another network's object (or answered 500 for the editor's own)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

from home.models import Contact, Funder, NewsIndexPage, Organisation
from newsletter.models import NewsletterIssue

pytestmark = pytest.mark.django_db


def published_issue(site, subject):
    issue = NewsletterIssue.objects.create(site=site, subject=subject)
    issue.save_revision().publish()
    issue.refresh_from_db()
    return issue


def test_editor_cannot_see_or_unpublish_another_networks_newsletter_issue(client, two_networks):
    a, b = two_networks.a, two_networks.b
    issue = published_issue(b.site, "Ausgabe Beta November")
    client.force_login(a.editor)
    url = reverse("wagtailsnippets_newsletter_newsletterissue:unpublish", args=[issue.pk])

    shown = client.get(url)
    assert shown.status_code == 404
    assert "Ausgabe Beta November" not in shown.content.decode()
    assert client.post(url).status_code == 404
    issue.refresh_from_db()
    assert issue.live


def test_editor_still_unpublishes_their_own_newsletter_issue(client, two_networks):
    a = two_networks.a
    issue = published_issue(a.site, "Ausgabe Alpha November")
    client.force_login(a.editor)
    url = reverse("wagtailsnippets_newsletter_newsletterissue:unpublish", args=[issue.pk])
    assert "Ausgabe Alpha November" in client.get(url).content.decode()
    client.post(url)
    issue.refresh_from_db()
    assert not issue.live


def test_site_history_shows_an_editor_only_their_own_networks_log_entries(client, two_networks):
    a, b = two_networks.a, two_networks.b
    log(instance=a.contact, action="wagtail.edit", user=a.editor)
    log(instance=b.contact, action="wagtail.edit", user=b.editor)
    client.force_login(a.editor)
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert a.contact.name in html
    assert b.contact.name not in html
    assert b.editor.username not in html  # not offered in the user filter either


def test_superuser_sees_every_networks_log_entries(admin_client, two_networks):
    a, b = two_networks.a, two_networks.b
    log(instance=a.contact, action="wagtail.edit", user=a.editor)
    log(instance=b.contact, action="wagtail.edit", user=b.editor)
    html = admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert a.contact.name in html
    assert b.contact.name in html


def test_move_confirmation_of_another_networks_page_is_refused_without_its_title(client, two_networks):
    a, b = two_networks.a, two_networks.b
    page = b.news
    page.slug = "nur-in-beta"  # no slug clash with alpha's news, so Wagtail gets as far as the page
    page.save_revision().publish()
    page.title = "Geheimer Entwurf Beta"
    page.save_revision()
    client.force_login(a.editor)
    response = client.get(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, a.news_index.pk]))
    assert response.status_code in (302, 403, 404)  # 404: the page is not in the editor's network
    assert "Geheimer Entwurf Beta" not in response.content.decode()
    assert "Geheimer Entwurf Beta" not in client.get("/admin/").content.decode()


def test_move_confirmation_within_the_own_network_still_shows(client, two_networks):
    a = two_networks.a
    delete_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="delete_page")
    GroupPagePermission.objects.create(group=a.group, page=a.home, permission=delete_page)  # moving needs it
    archive = a.home.add_child(instance=NewsIndexPage(title="Archiv", slug="archiv"))
    client.force_login(a.editor)
    response = client.get(reverse("wagtailadmin_pages:move_confirm", args=[a.news.pk, archive.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("view", ["usage", "history", "history_results"])
@pytest.mark.parametrize("model", [Contact, Organisation])
def test_usage_and_history_of_own_snippet_open_and_another_networks_are_not_found(client, two_networks, view, model):
    a, b = two_networks.a, two_networks.b
    own = a.contact if model is Contact else Organisation.objects.create(site=a.site, name="Verein Alpha")
    other = b.contact if model is Contact else Organisation.objects.create(site=b.site, name="Verein Beta")
    client.force_login(a.editor)
    name = f"wagtailsnippets_home_{model._meta.model_name}:{view}"
    assert client.get(reverse(name, args=[own.pk])).status_code == 200
    response = client.get(reverse(name, args=[other.pk]))
    assert response.status_code == 404
    assert str(other) not in response.content.decode()


def test_snippet_of_another_network_is_not_found_under_any_id_spelling(client, two_networks):
    a, b = two_networks.a, two_networks.b
    client.force_login(a.editor)
    for pk in (b.contact.pk, f"{b.contact.pk:03d}"):
        url = f"/admin/snippets/home/contact/edit/{pk}/"
        assert client.get(url).status_code == 404


def test_subscriber_topics_offer_only_the_editors_network_and_superusers_see_the_network(client, two_networks):
    a, b = two_networks.a, two_networks.b  # both networks have an action field "Bildung"
    client.force_login(a.editor)
    for url in (
        reverse("wagtailsnippets_newsletter_subscriber:add"),
        reverse("wagtailsnippets_newsletter_subscriber:list"),  # the topics filter
    ):
        html = client.get(url).content.decode()
        assert f'value="{a.field.pk}"' in html
        assert f'value="{b.field.pk}"' not in html
    client.force_login(get_user_model().objects.create_superuser("chefin", password="pw-chefin-123"))
    html = client.get(reverse("wagtailsnippets_newsletter_subscriber:add")).content.decode()
    assert "Bildung (Netzwerk alpha)" in html and "Bildung (Netzwerk beta)" in html


def test_choosers_find_issues_and_funders_from_the_first_letters_of_a_word(client, two_networks):
    """An editor typing "Dez" into the issue chooser looked for "Newsletter Dezember" in vain: the
    chooser only matched whole words. Still only the editor's own network."""
    a, b = two_networks.a, two_networks.b
    published_issue(a.site, "Newsletter Dezember Alpha")
    published_issue(b.site, "Newsletter Dezember Beta")
    Funder.objects.create(site=a.site, name="Bundesprogramm Demokratie leben")
    Funder.objects.create(site=b.site, name="Bundesprogramm Beta")
    client.force_login(a.editor)

    def chosen(model, query):
        url = reverse(f"wagtailsnippetchoosers_{model}:choose_results")
        return client.get(url, {"q": query}).content.decode()

    issues = chosen("newsletter_newsletterissue", "Dez")
    assert "Newsletter Dezember Alpha" in issues and "Beta" not in issues
    funders = chosen("home_funder", "Bundes")
    assert "Bundesprogramm Demokratie leben" in funders and "Bundesprogramm Beta" not in funders
