"""Readers get the interface in their language: every public string is translated into all seven
languages, an Arabic page's frame is Arabic (colon on the right side), and a Leichte Sprache
page's frame uses Leichte Sprache wording."""

import pytest
from wagtail.models import Locale

from accessibility.models import LeichteSpracheLink
from conftest import publish
from home.models import StandardPage
from publicsite.catalogue import PUBLIC_LANGUAGES, missing, public_messages


def test_the_public_templates_have_strings_to_translate():
    messages = public_messages()
    assert ("footer link", "Accessibility statement") in messages
    assert (None, "Skip to content") in messages and (None, "Not available:") in messages
    assert len(messages) > 200


@pytest.mark.parametrize("language", PUBLIC_LANGUAGES)
def test_every_public_string_is_translated(language):
    gaps = missing(language)
    assert gaps == [], f"{len(gaps)} public strings untranslated in {language}: {gaps[:10]}"


def toolbar_of(html):
    start = html.index('class="toolbar"')
    return html[start : html.index("</nav>", start)]


def test_an_arabic_pages_frame_is_arabic_with_the_colon_on_the_reading_side(client, make_network):
    net = make_network("arabisch")
    arabic = Locale.objects.get(language_code="ar")
    publish(net.news.copy_for_translation(arabic, copy_parents=True))
    html = client.get("/ar/aktuelles/sprachcafe/", HTTP_HOST="arabisch.localhost").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "انتقل إلى المحتوى" in html  # skip link
    assert 'aria-label="القائمة الرئيسية"' in html  # main navigation
    toolbar = toolbar_of(html)
    assert "حجم الخط:" in toolbar and "Schriftgröße" not in toolbar
    assert "غير متوفر: الألمانية المبسطة (Leichte Sprache)، لغة الإشارة، القراءة بصوت عالٍ، PDF" in toolbar
    assert "Zum Inhalt springen" not in html and "Veröffentlicht mit" not in html


@pytest.mark.parametrize(
    "language, skip_link",
    [("tr", "İçeriğe geç"), ("uk", "Перейти до вмісту"), ("ru", "Перейти к содержимому"), ("fa", "رفتن به محتوا")],
)
def test_each_languages_page_has_its_frame_in_that_language(client, make_network, language, skip_link):
    net = make_network(f"sprache-{language}")
    publish(net.news.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True))
    html = client.get(f"/{language}/aktuelles/sprachcafe/", HTTP_HOST=f"sprache-{language}.localhost").content
    assert skip_link in html.decode()


def test_a_leichte_sprache_pages_frame_speaks_leichte_sprache(client, make_network):
    net = make_network("leicht")
    plain = publish(net.home.add_child(instance=StandardPage(title="Bildung leicht", slug="bildung-leicht")))
    LeichteSpracheLink.objects.create(page=net.field, variant=plain)

    response = client.get("/bildung-leicht/", HTTP_HOST="leicht.localhost")
    easy = response.content.decode()
    # Leichte Sprache has no registered subtag: German with a private-use marker, everywhere
    assert response["Content-Language"] == "de-x-ls"
    assert '<html lang="de-x-ls"' in easy
    assert "Zum Text gehen" in easy and "Hilfen zum Lesen" in easy and "Alltags·sprache" in easy

    response = client.get("/bildung/", HTTP_HOST="leicht.localhost")
    standard = response.content.decode()
    assert "Zum Inhalt springen" in standard and "Zum Text gehen" not in standard
    assert response["Content-Language"] == "de" and '<html lang="de" dir="ltr">' in standard
    assert 'href="/bildung-leicht/" hreflang="de-x-ls" lang="de-x-ls"' in standard
    assert "de-ls" not in standard


def test_choice_labels_readers_see_are_part_of_the_catalogue_and_translated():
    from django.utils import translation

    from home.models import EventPage, MeetingPage, OfficeHour
    from publicsite.catalogue import choice_labels

    labels = choice_labels()
    assert {"every two weeks", "documented", "fully compliant", "as a volunteer"} <= set(labels)
    assert (None, "every two weeks") in public_messages()
    with translation.override("ar"):
        assert str(EventPage.Recurrence.BIWEEKLY.label) == "كل أسبوعين"
    with translation.override("uk"):
        assert str(MeetingPage.Status.DOCUMENTED.label) == "задокументовано"
    with translation.override("fa"):  # weekdays come translated with Django
        assert OfficeHour(weekday=OfficeHour.Weekday.FRIDAY).get_weekday_display() == "جمعه"
