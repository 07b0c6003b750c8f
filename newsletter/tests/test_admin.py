"""The admin screens an editor uses: composing an issue, the subscriber list, the settings."""

import re

from newsletter.models import NewsletterIssue, Subscriber

from .conftest import make_issue


def test_editor_composes_an_issue_in_the_snippet_editor(network, client):
    client.force_login(network.editor)
    assert client.get("/admin/snippets/newsletter/newsletterissue/add/").status_code == 200
    data = {
        "site": network.site.pk,
        "subject": "Dezember-Ausgabe",
        "preheader": "",
        "body-count": 1,
        "body-0-type": "text",
        "body-0-deleted": "",
        "body-0-order": 0,
        "body-0-value-heading": "Hallo",
        "body-0-value-text": (
            '{"blocks":[{"key":"a","type":"unstyled","depth":0,"text":"Willkommen",'
            '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}'
        ),
        "body-0-value-leichte_sprache": "",
    }
    response = client.post("/admin/snippets/newsletter/newsletterissue/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    issue = NewsletterIssue.objects.get(subject="Dezember-Ausgabe")
    assert issue.site == network.site and not issue.live
    edit = client.get(f"/admin/snippets/newsletter/newsletterissue/edit/{issue.pk}/")
    assert edit.status_code == 200


def test_issue_with_an_unpublished_page_cannot_be_saved(network, client):
    client.force_login(network.editor)
    issue = make_issue(network)
    network.news.unpublish()
    response = client.post(
        f"/admin/snippets/newsletter/newsletterissue/edit/{issue.pk}/",
        {
            "site": network.site.pk,
            "subject": issue.subject,
            "preheader": "",
            "body-count": 1,
            "body-0-type": "articles",
            "body-0-deleted": "",
            "body-0-order": 0,
            "body-0-value-heading": "Aktuelles",
            "body-0-value-pages-count": 1,
            "body-0-value-pages-0-value": network.news.pk,
            "body-0-value-pages-0-deleted": "",
            "body-0-value-pages-0-order": 0,
            "body-0-value-pages-0-id": "x",
        },
    )
    assert response.status_code == 200
    assert "ist nicht veröffentlicht" in response.content.decode()


def test_subscriber_list_search_and_filter(network, admin_client):
    Subscriber.objects.create(site=network.site, email="anna@example.org", status="active")
    Subscriber.objects.create(site=network.site, email="bert@example.org", status="unsubscribed")
    found = admin_client.get("/admin/snippets/newsletter/subscriber/?q=anna").content.decode()
    assert "anna@example.org" in found and "bert@example.org" not in found
    filtered = admin_client.get("/admin/snippets/newsletter/subscriber/?status=unsubscribed").content.decode()
    assert "bert@example.org" in filtered and "anna@example.org" not in filtered


def test_newsletter_settings_page(network, admin_client):
    response = admin_client.get(f"/admin/settings/newsletter/newslettersettings/{network.site.pk}/")
    assert response.status_code == 200
    assert 'name="digest_frequency"' in response.content.decode()


def test_an_editor_of_one_network_finds_it_chosen_on_a_new_issue(network, client):
    client.force_login(network.editor)
    html = client.get("/admin/snippets/newsletter/newsletterissue/add/").content.decode()
    select = re.search(r'<select name="site".*?</select>', html, re.S).group(0)
    assert re.search(rf'<option value="{network.site.pk}" selected>', select), select


def test_a_new_automatic_block_starts_without_an_empty_page_to_choose(network, client):
    """An editor who lets the block fill itself must not first delete an empty chooser."""
    from newsletter.blocks import ArticlesBlock, EventsBlock, MeetingResultsBlock

    for block in (ArticlesBlock(), EventsBlock(), MeetingResultsBlock()):
        assert list(block.get_default()["pages"]) == []
    client.force_login(network.editor)
    data = {
        "site": network.site.pk,
        "subject": "Automatisch",
        "preheader": "",
        "body-count": 1,
        "body-0-type": "articles",
        "body-0-deleted": "",
        "body-0-order": 0,
        "body-0-value-heading": "Aktuelles",
        "body-0-value-pages-count": 0,
        "body-0-value-fill": 3,
        "body-0-value-action_field": "",
        "body-0-value-period_days": 30,
    }
    response = client.post("/admin/snippets/newsletter/newsletterissue/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    issue = NewsletterIssue.objects.get(subject="Automatisch")
    assert issue.body[0].value["fill"] == 3
