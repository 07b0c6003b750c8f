"""Page-list blocks that fill themselves from the network: latest news, upcoming events and
recent meeting results, by count, period and action field; pages chosen by hand come first."""

import datetime

from django.utils import timezone

from home.models import ActionFieldPage, EventIndexPage, EventPage, MeetingPage, NewsPage, RoundTablePage
from newsletter.rendering import render_issue

from .conftest import make_issue


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def news(network, title, days_ago, field=None):
    page = network.news_index.add_child(
        instance=NewsPage(
            title=title, slug=title.lower().replace(" ", "-"), date=timezone.localdate() - datetime.timedelta(days_ago)
        )
    )
    if field is not None:
        page.action_fields = [field]
    return publish(page)


def text_of(issue):
    return render_issue(issue).text


def test_latest_news_fill_by_count_and_period_after_the_chosen_ones(network):
    news(network, "Neu eins", 0)
    news(network, "Neu zwei", 2)
    news(network, "Neu drei", 5)
    old = network.news  # dated 2 November 2026, more than 30 days before the send
    old.date = timezone.localdate() - datetime.timedelta(days=40)
    publish(old)
    issue = make_issue(
        network, body=[("articles", {"heading": "Aktuelles", "pages": [], "fill": 2, "period_days": 30})]
    )
    text = text_of(issue)
    assert "Neu eins" in text and "Neu zwei" in text
    assert "Neu drei" not in text and old.title not in text

    chosen = make_issue(
        network, body=[("articles", {"heading": "Aktuelles", "pages": [old], "fill": 1, "period_days": 30})]
    )
    text = text_of(chosen)
    assert text.index(old.title) < text.index("Neu eins") and "Neu zwei" not in text


def test_only_the_chosen_action_field_and_only_live_pages(network):
    work = publish(network.home.add_child(instance=ActionFieldPage(title="Arbeit", slug="arbeit")))
    news(network, "Bildungsnachricht", 1, field=network.field)
    news(network, "Arbeitsnachricht", 1, field=work)
    draft = network.news_index.add_child(instance=NewsPage(title="Entwurf", slug="entwurf", live=False))
    draft.save_revision()
    issue = make_issue(
        network,
        body=[
            (
                "articles",
                {"heading": "Bildung", "pages": [], "fill": 5, "period_days": 30, "action_field": network.field},
            )
        ],
    )
    text = text_of(issue)
    assert "Bildungsnachricht" in text and "Arbeitsnachricht" not in text and "Entwurf" not in text


def test_upcoming_events_and_recent_meeting_results_fill_from_their_periods(network):
    now = timezone.now()
    calendar = publish(network.home.add_child(instance=EventIndexPage(title="Kalender", slug="kalender")))
    publish(calendar.add_child(instance=EventPage(title="Fest bald", slug="bald", start=now + datetime.timedelta(3))))
    publish(
        calendar.add_child(instance=EventPage(title="Fest spaet", slug="spaet", start=now + datetime.timedelta(60)))
    )
    publish(
        calendar.add_child(instance=EventPage(title="Fest vorbei", slug="vorbei", start=now - datetime.timedelta(3)))
    )
    table = publish(network.home.add_child(instance=RoundTablePage(title="Runder Tisch", slug="tisch")))
    publish(
        table.add_child(
            instance=MeetingPage(
                title="Sitzung neulich",
                slug="neulich",
                start=now - datetime.timedelta(days=10),
                minutes="<p>Wir haben beschlossen.</p>",
            )
        )
    )
    publish(table.add_child(instance=MeetingPage(title="Sitzung alt", slug="alt", start=now - datetime.timedelta(200))))
    issue = make_issue(
        network,
        body=[
            ("events", {"heading": "Termine", "pages": [], "fill": 5, "period_days": 30}),
            ("meeting_results", {"heading": "Ergebnisse", "pages": [], "fill": 5, "period_days": 60}),
        ],
    )
    text = text_of(issue)
    assert "Fest bald" in text and "Fest spaet" not in text and "Fest vorbei" not in text
    assert "Sitzung neulich" in text and "Sitzung alt" not in text


def test_the_issue_editors_news_chooser_offers_live_pages_only(network, client):
    draft = network.news_index.add_child(instance=NewsPage(title="Entwurfsnachricht", slug="entwurf", live=False))
    draft.save_revision()
    client.force_login(network.editor)
    response = client.get(
        f"/admin/choose-page/{network.news_index.pk}/", {"page_type": "home.newspage"}, HTTP_HOST="nord.localhost"
    )
    assert response.status_code == 200
    html = (
        response.json()["html"]
        if response["Content-Type"].startswith("application/json")
        else response.content.decode()
    )
    assert network.news.title in html and "Entwurfsnachricht" not in html


def test_a_new_automatic_block_starts_without_a_page_to_choose():
    """An editor who adds "latest news" and sets only "add automatically" can save the issue:
    the block does not start with an empty, required page chooser."""
    from newsletter.blocks import IssueBlock

    stream = IssueBlock()
    for name in ("articles", "events", "meeting_results"):
        block = stream.child_blocks[name]
        value = block.get_default()
        assert list(value["pages"]) == []
        value["fill"] = 3
        block.clean(value)  # no "this field is required" for a chooser nobody asked for
