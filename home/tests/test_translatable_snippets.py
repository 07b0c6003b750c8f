"""Contacts, organisations and funders in the readers' languages: an Arabic page shows the
contact's role and office-hours note, the organisations and the funders in Arabic where they are
translated and in German (marked as German) where they are not; the API does the same; facts
such as a phone number stay equal in every language; and existing rows survive the migration."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.segments.extract import extract_segments

from conftest import publish
from home.models import (
    Contact,
    Funder,
    HomePageContact,
    HomePageFunder,
    OfficeHour,
    Organisation,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    RoundTableContact,
    RoundTableMember,
    RoundTablePage,
)


@pytest.fixture(autouse=True)
def fresh_response_cache():
    """Every test builds the same host anew: answers cached by an earlier test must not show."""
    cache.clear()
    yield
    cache.clear()


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(snippet, code, **texts):
    translation = snippet.copy_for_translation(locale(code))
    for name, value in texts.items():
        setattr(translation, name, value)
    translation.save()
    return translation


@pytest.fixture
def network(make_network):
    """A network whose start page and round table list a contact, an organisation and a funder,
    with an Arabic start page and round table; the contact and the funder are translated into
    Arabic, the organisation is not."""
    net = make_network("sprachen")
    verein = Organisation.objects.create(site=net.site, name="Verein Brücke", description="Nachbarschaftshilfe")
    contact = net.contact
    contact.role = "Koordination"
    contact.office_hours_note = "auch auf Arabisch"
    contact.phone = "05151 1234"
    contact.organisation = verein
    contact.office_hours = [OfficeHour(weekday=1, opens=datetime.time(10), closes=datetime.time(12))]
    contact.save()
    funder = Funder.objects.create(site=net.site, name="Land Niedersachsen", programme="Integration vor Ort")
    HomePageContact.objects.create(page=net.home, contact=contact)
    HomePageFunder.objects.create(page=net.home, funder=funder)
    table = net.home.add_child(instance=RoundTablePage(title="Runder Tisch", slug="runder-tisch"))
    RoundTableMember.objects.create(page=table, organisation=verein, role="Sprecherin")
    RoundTableContact.objects.create(page=table, contact=contact)
    publish(table)
    publish(net.home)
    net.arabic_home = publish(net.home.copy_for_translation(locale("ar")))
    net.arabic_table = publish(table.copy_for_translation(locale("ar")))
    net.contact_ar = translate(contact, "ar", role="التنسيق", office_hours_note="بالعربية أيضًا")
    net.funder_ar = translate(funder, "ar", name="ولاية سكسونيا السفلى", programme="الاندماج محليًا")
    net.verein, net.funder, net.table = verein, funder, table
    return net


def get(client, net, path):
    response = client.get(path, HTTP_HOST=net.site.hostname)
    assert response.status_code == 200, path
    return response.content.decode()


def test_an_arabic_start_page_shows_the_contact_and_funder_in_arabic(client, network):
    html = get(client, network, "/ar/")
    assert "التنسيق" in html and "بالعربية أيضًا" in html
    assert "Koordination" not in html and "auch auf Arabisch" not in html
    assert "ولاية سكسونيا السفلى – الاندماج محليًا" in html
    # the facts come with the translation: phone and office hours
    assert "05151 1234" in html and "10:00–12:00" in html


def test_an_untranslated_organisation_falls_back_to_german_marked_as_german(client, network):
    html = get(client, network, "/ar/runder-tisch/")
    assert '<span lang="de" dir="ltr">Verein Brücke</span>' in html
    assert "التنسيق" in html  # the translated contact on the same page


def test_the_german_pages_stay_german(client, network):
    html = get(client, network, "/")
    assert "Koordination" in html and "auch auf Arabisch" in html and "Land Niedersachsen" in html
    i = html.find("التنسيق")
    print(html[i - 1500 : i + 200])
    assert "التنسيق" not in html


def test_a_contact_without_translation_shows_in_german_on_a_turkish_page(client, network):
    publish(network.home.copy_for_translation(locale("tr")))
    html = get(client, network, "/tr/")
    assert '<span lang="de" dir="ltr">Koordination</span>' in html
    assert '<p lang="de" dir="ltr">auch auf Arabisch</p>' in html


def test_the_footer_contact_follows_the_page_language(client, network):
    footer = get(client, network, "/ar/runder-tisch/").split("<footer", 1)[1]
    assert "التنسيق" in footer and "Koordination" not in footer


def test_project_partners_are_shown_in_the_page_language(client, network):
    net = network
    translate(net.verein, "ar", name="جمعية الجسر")
    projects = publish(net.home.add_child(instance=ProjectIndexPage(title="Projekte", slug="projekte")))
    project = projects.add_child(instance=ProjectPage(title="Patenschaften", slug="patenschaften"))
    ProjectPartner.objects.create(page=project, organisation=net.verein)
    publish(project)
    publish(projects.copy_for_translation(locale("ar")))
    publish(project.copy_for_translation(locale("ar")))
    assert "جمعية الجسر" in get(client, net, "/ar/projekte/patenschaften/")
    assert "Verein Brücke" in get(client, net, "/projekte/patenschaften/")


def test_changing_a_fact_in_german_changes_it_in_every_translation(network):
    contact = network.contact
    contact.phone = "05151 9999"
    contact.office_hours = [
        OfficeHour(weekday=3, opens=datetime.time(14), closes=datetime.time(16)),
        OfficeHour(weekday=4, opens=datetime.time(9), closes=datetime.time(11)),
    ]
    contact.save()
    arabic = Contact.objects.get(pk=network.contact_ar.pk)
    assert arabic.phone == "05151 9999"
    assert arabic.role == "التنسيق"  # the translated text stays
    assert [(h.weekday, h.opens.hour) for h in arabic.office_hours.order_by("sort_order")] == [(3, 14), (4, 9)]


def test_translators_are_offered_only_the_texts_that_differ_per_language(network):
    contact_texts = {segment.path for segment in extract_segments(network.contact)}
    assert contact_texts == {"role", "office_hours_note"}
    assert {s.path for s in extract_segments(network.verein)} == {"name", "description"}
    assert {s.path for s in extract_segments(network.funder)} == {"name", "programme"}


def test_wagtail_localize_translates_a_contact_into_turkish(network):
    turkish_locale = locale("tr")
    translate_object(network.contact, [turkish_locale])
    turkish = Contact.objects.get(translation_key=network.contact.translation_key, locale=turkish_locale)
    assert (turkish.site_id, turkish.phone, turkish.office_hours.count()) == (network.site.pk, "05151 1234", 1)
    source = TranslationSource.objects.get_for_instance(network.contact)
    segment = source.stringsegment_set.get(string__data="Koordination")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=turkish_locale, context=segment.context, data="Koordinasyon"
    )
    Translation.objects.get(source=source, target_locale=turkish_locale).save_target()
    turkish.refresh_from_db()
    assert (turkish.role, turkish.office_hours_note) == ("Koordinasyon", "auch auf Arabisch")


def test_an_organisation_may_carry_the_same_name_in_two_languages(network):
    same = translate(network.verein, "tr")
    assert same.name == network.verein.name
    assert Organisation.objects.filter(site=network.site, name="Verein Brücke").count() == 2


def test_the_directory_api_serves_each_entry_once_in_the_requested_language(client, network):
    host = {"HTTP_HOST": network.site.hostname}
    german = client.get("/api/v3/directory/contacts/", **host).json()["items"]
    assert [(c["role"], c["language"]) for c in german] == [("Koordination", "de")]
    arabic = client.get("/api/v3/directory/contacts/", {"locale": "ar"}, **host).json()["items"]
    assert [(c["role"], c["office_hours_note"], c["language"]) for c in arabic] == [("التنسيق", "بالعربية أيضًا", "ar")]
    organisations = client.get("/api/v3/directory/organisations/", {"locale": "ar"}, **host).json()["items"]
    assert [(o["name"], o["language"]) for o in organisations] == [("Verein Brücke", "de")]  # falls back
    detail = client.get(f"/api/v3/directory/funders/{network.funder.pk}/", {"locale": "ar"}, **host).json()
    assert detail["name"] == "ولاية سكسونيا السفلى" and detail["id"] == network.funder_ar.pk
    fallback = client.get(f"/api/v3/directory/funders/{network.funder_ar.pk}/", {"locale": "uk"}, **host).json()
    assert fallback["name"] == "Land Niedersachsen"
    refused = client.get("/api/v3/directory/contacts/", {"locale": "xx"}, **host)
    assert refused.status_code == 400 and "Unknown locale" in refused.content.decode()


def test_the_page_api_gives_contacts_and_organisations_in_the_page_language(client, network):
    host = {"HTTP_HOST": network.site.hostname}
    home = client.get(f"/api/v3/pages/{network.arabic_home.pk}/", **host).json()
    assert home["contacts"][0]["contact_in_page_language"] == {
        "id": network.contact_ar.pk,
        "language": "ar",
        "name": network.contact.name,
        "role": "التنسيق",
        "office_hours_note": "بالعربية أيضًا",
    }
    assert home["funders"][0]["funder_in_page_language"]["programme"] == "الاندماج محليًا"
    table = client.get(f"/api/v3/pages/{network.arabic_table.pk}/", **host).json()
    assert table["members"][0]["organisation_name"] == "Verein Brücke"
    german = client.get(f"/api/v3/pages/{network.home.pk}/", **host).json()
    assert german["contacts"][0]["contact_in_page_language"]["role"] == "Koordination"


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_existing_snippets_as_their_german_source(make_network):
    net = make_network("migration")
    Organisation.objects.create(site=net.site, name="Verein A")
    Funder.objects.create(site=net.site, name="Stiftung B", programme="Programm")
    executor = MigrationExecutor(connection)
    before = [("home", "0006_body_blocks_say_what_they_read_out")]
    after = [("home", "0007_translatable_snippets")]
    try:
        executor.migrate(before)
        old = executor.loader.project_state(before).apps
        old_organisation = old.get_model("home", "Organisation")  # rows written before the upgrade
        old_organisation.objects.bulk_create(
            [old_organisation(site_id=net.site.pk, name="Verein C", kind="association")]
        )
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    german = Locale.get_default()
    organisations = Organisation.objects.filter(site=net.site)
    assert sorted(o.name for o in organisations) == ["Verein A", "Verein C"]
    assert {o.locale_id for o in organisations} == {german.pk}
    keys = [o.translation_key for o in Organisation.objects.all()] + [c.translation_key for c in Contact.objects.all()]
    assert len(keys) == len(set(keys))
    funder = Funder.objects.get(site=net.site)
    assert (funder.name, funder.programme, funder.locale_id) == ("Stiftung B", "Programm", german.pk)
    assert Contact.objects.get(site=net.site).role == "Koordination"


def test_an_editor_translates_their_own_contact_but_not_another_networks(client, network, make_network):
    from django.urls import reverse

    other = make_network("anderes-netz")
    client.force_login(network.editor)
    turkish = locale("tr")
    own = reverse("wagtail_localize:submit_snippet_translation", args=["home", "contact", network.contact.pk])
    assert client.get(own).status_code == 200
    response = client.post(own, {"locales": [turkish.pk]})
    assert response.status_code == 302
    translated = Contact.objects.get(translation_key=network.contact.translation_key, locale=turkish)
    assert translated.site_id == network.site.pk and translated.phone == network.contact.phone
    foreign = reverse("wagtail_localize:submit_snippet_translation", args=["home", "contact", other.contact.pk])
    assert client.post(foreign, {"locales": [turkish.pk]}).status_code == 404
    assert not Contact.objects.filter(translation_key=other.contact.translation_key, locale=turkish).exists()
