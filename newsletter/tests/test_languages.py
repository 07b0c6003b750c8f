"""A subscriber's language never dresses a German issue as another language: without a
translation of the issue the mail is German throughout — text, dates, greeting, lang="de"."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import EventIndexPage, EventPage
from newsletter import sending
from newsletter.message import issue_in_language
from newsletter.models import Delivery, NewsletterIssue, Subscriber

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


def _translate(issue, language, subject, intro, publish=True):
    """What wagtail-localize does when an editor translates an issue: a copy in the locale,
    then the translated texts, published (or left a draft)."""
    translation = issue.copy_for_translation(Locale.objects.get(language_code=language))
    translation.subject = subject
    translation.body = [("intro", {"text": f"<p>{intro}</p>"}), *[(b.block_type, b.value) for b in issue.body][1:]]
    translation.live = False
    translation.save()
    revision = translation.save_revision()
    if publish:
        revision.publish()
    return translation


def test_a_subscriber_gets_the_issues_translation_in_their_language_and_german_otherwise(
    start_send, network, smtp_server, client
):
    german, turkish, ukrainian, arabic = add_subscribers(network.site, 4)
    Subscriber.objects.filter(pk=turkish.pk).update(language="tr")
    Subscriber.objects.filter(pk=ukrainian.pk).update(language="uk")
    Subscriber.objects.filter(pk=arabic.pk).update(language="ar")
    issue = make_issue(network)
    _translate(issue, "tr", "Kasım bülteni", "Sevgili okuyucular, işte haberlerimiz.")
    _translate(issue, "ar", "نشرة نوفمبر", "أعزائي القراء", publish=False)  # a draft is not sent

    start_send(issue.pk)

    mail = smtp_server.to(turkish.email)[0]
    html = mail.get_body(("html",)).get_content()
    text = mail.get_body(("plain",)).get_content()
    assert mail["Subject"] == "Kasım bülteni"
    assert 'lang="tr"' in html and 'lang="de"' not in html
    assert "Sevgili okuyucular" in text and "Liebe Leserinnen" not in text
    # its links lead to Turkish pages, and the Turkish pages work
    assert "http://nord.localhost/tr/newsletter/abmelden/" in mail["List-Unsubscribe"]
    link = re.search(r'href="http://nord\.localhost(/tr/newsletter/abmelden/[^"]+)"', html).group(1)
    assert '<html lang="tr" dir="ltr">' in client.get(link, HTTP_HOST="nord.localhost").content.decode()
    for person in (german, ukrainian, arabic):
        mail = smtp_server.to(person.email)[0]
        assert mail["Subject"] == issue.subject, person.language
        html = mail.get_body(("html",)).get_content()
        assert 'lang="de"' in html and "Liebe Leserinnen und Leser" in html
        # a German mail links to the German pages, whatever the subscriber's language
        assert "http://nord.localhost/newsletter/abmelden/" in mail["List-Unsubscribe"], person.language
        assert 'href="http://nord.localhost/newsletter/abmelden/' in html
    # one mail each, all recorded against the issue the editor sent
    assert sorted(smtp_server.counts().values()) == [1, 1, 1, 1]
    assert Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count() == 4


def test_a_translation_is_not_sent_on_its_own(network, smtp_server, admin_client):
    add_subscribers(network.site, 2)
    issue = make_issue(network)
    turkish = _translate(issue, "tr", "Kasım bülteni", "Sevgili okuyucular.")

    with pytest.raises(sending.SendError, match="Dies ist eine Übersetzung"):
        sending.start_send(turkish.pk)
    assert not Delivery.objects.exists()

    # the admin leads from the translation's send page to the German issue's
    response = admin_client.get(reverse("newsletter_send", args=[turkish.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("newsletter_send", args=[issue.pk])
    assert "Übersetzungen werden nicht einzeln versendet" in response.content.decode()


def test_an_editor_translates_an_issue_in_the_admin(network, client):
    issue = make_issue(network)
    NewsletterIssue.objects.filter(pk=issue.pk).update(send_status="sent", send_started_at=timezone.now())
    issue.refresh_from_db()  # translating an issue already sent, for the archive's readers
    turkish = Locale.objects.get(language_code="tr")
    client.force_login(network.editor)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["newsletter", "newsletterissue", issue.pk])

    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [turkish.pk]})

    assert response.status_code == 302
    translation = issue.get_translation(turkish)
    assert translation.site == network.site
    assert translation.send_status == "draft" and translation.send_started_at is None  # not in the archive
    assert translation.subject == issue.subject  # wagtail-localize starts with the German texts …

    # … so until every text is translated a Turkish subscriber gets the German issue, in German
    assert issue_in_language(issue, "tr") == (issue, "de")

    job = Translation.objects.get(source__object_id=issue.translation_key, target_locale=turkish)
    for segment in StringSegment.objects.filter(source=job.source):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=turkish,
            context=segment.context,
            data=f"[tr] {segment.string.data}",
        )
    job.save_target(publish=True)
    assert issue_in_language(issue, "tr") == (translation, "tr")
    translation.refresh_from_db()
    assert translation.subject == f"[tr] {issue.subject}"
