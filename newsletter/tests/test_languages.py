"""A subscriber's language never dresses a German issue as another language: without a
translation of the issue the mail is German throughout — text, dates, greeting, lang="de"."""

import datetime

from django.utils import timezone

from home.models import EventIndexPage, EventPage
from newsletter.models import Subscriber

from .conftest import add_subscribers, make_issue


def test_subscribers_in_other_languages_get_the_german_issue_in_german(start_send, network, smtp_server):
    calendar = network.home.add_child(instance=EventIndexPage(title="Termine", slug="termine"))
    calendar.save_revision().publish()
    start = timezone.make_aware(datetime.datetime(2027, 3, 4, 18, 30))
    event = calendar.add_child(instance=EventPage(title="Sprachcafé", slug="sprachcafe", start=start))
    event.save_revision().publish()
    german, ukrainian, english = add_subscribers(network.site, 3)
    Subscriber.objects.filter(pk=ukrainian.pk).update(language="uk")
    Subscriber.objects.filter(pk=english.pk).update(language="en")
    issue = make_issue(
        network,
        body=[
            ("intro", {"text": "<p>Liebe Leserinnen und Leser, hier sind unsere Neuigkeiten.</p>"}),
            ("events", {"heading": "Termine", "pages": [event]}),
        ],
    )
    start_send(issue.pk)

    for person in (german, ukrainian, english):
        mail = smtp_server.to(person.email)[0]
        html = mail.get_body(("html",)).get_content()
        text = mail.get_body(("plain",)).get_content()
        assert 'lang="de"' in html, person.language
        assert 'lang="uk"' not in html and 'lang="en"' not in html
        assert "Diesen Newsletter im Browser ansehen" in html  # the template's words, in German
        assert "Liebe Leserinnen und Leser" in text
        assert "4. März 2027" in text, text  # a German date, not "4 березня" or "March 4"
        assert text.lstrip().startswith("Hallo") or "Hallo Person" in text
