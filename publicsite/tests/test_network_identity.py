"""A network looks like itself: its logo in every page's header and its colours in a stylesheet
of its own (the CSP allows no inline styles). Colours too light for white text are refused with a
German explanation; the stylesheet is cacheable and changes its address when the settings change."""

from xml.etree import ElementTree

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from publicsite.demo import add_identity, emblem_svg, initials
from publicsite.models import NetworkIdentity
from publicsite.theme import contrast_ratio, soft_tint, theme_for_site, validate_readable_with_white


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def svg_logo(title="Logo Beispiel"):
    image = get_image_model()(title=title)
    image.file = ContentFile(emblem_svg("Runder Tisch Beispiel", "#005c42"), name="logo-beispiel.svg")
    image.save()
    return image


def test_contrast_follows_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes
    assert contrast_ratio("#777777", "#ffffff") < 4.5


def test_the_light_tint_keeps_the_main_colour_readable_on_it():
    for colour in ("#0b5394", "#767676", "#b22234", "#005c42"):
        assert contrast_ratio(colour, soft_tint(colour)) >= 4.5


def test_a_colour_too_light_for_white_text_is_refused_with_a_german_reason():
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        validate_readable_with_white("#ffcc00")
    message = refused.value.messages[0]
    assert "Die Farbe #ffcc00 hat zu Weiß nur einen Kontrast von 1,5:1" in message
    assert "mindestens 4,5:1" in message and "dunklere Farbe" in message
    validate_readable_with_white("#0b5394")  # passes


def test_the_admin_refuses_a_light_colour_and_keeps_the_old_one(client, make_network):
    net = make_network("farben")
    admin = get_user_model().objects.create_superuser("chefin", "c@example.org", "pw-123456789")
    UserProfile.get_for_user(admin).__class__.objects.filter(user=admin).update(preferred_language="de")
    client.force_login(admin)
    url = reverse("wagtailsettings:edit", args=["publicsite", "networkidentity", net.site.pk])
    response = client.post(url, {"primary_colour": "#8fd3ff", "secondary_colour": ""})
    assert response.status_code == 200
    assert "Die Farbe #8fd3ff hat zu Weiß nur einen Kontrast von" in response.content.decode()
    assert NetworkIdentity.for_site(net.site).primary_colour == "#0b5394"
    response = client.post(url, {"primary_colour": "#b22234", "secondary_colour": "#7a1020"})
    assert response.status_code == 302
    assert NetworkIdentity.for_site(net.site).primary_colour == "#b22234"


def test_every_page_links_its_networks_stylesheet_and_shows_its_logo(client, make_network):
    net = make_network("logo")
    NetworkIdentity.objects.create(site=net.site, logo=svg_logo(), primary_colour="#005c42")
    html = client.get("/", HTTP_HOST=net.site.hostname).content.decode()
    theme = theme_for_site(net.site)
    assert f'href="/theme.css?v={theme.version}"' in html
    assert '<img class="site-logo" src="' in html and '.svg" alt=""' in html
    rendition = NetworkIdentity.for_site(net.site).logo.get_rendition("height-96|preserve-svg")
    # still an SVG (its root element; the prefix ElementTree writes depends on what registered
    # namespaces before: WeasyPrint's PDF metadata takes the empty prefix that Willow gives SVG)
    assert theme.logo_url == rendition.url
    assert ElementTree.fromstring(rendition.file.read()).tag == "{http://www.w3.org/2000/svg}svg"
    # whole pixels, not the SVG rendition's floats printed in German ("96,0")
    assert f'width="{round(rendition.width)}" height="{round(rendition.height)}"' in html and ',0"' not in html
    assert "style=" not in html  # nothing inline: the CSP would block it


def test_the_stylesheet_carries_the_networks_colours_and_is_cacheable(client, make_network):
    net = make_network("stil")
    NetworkIdentity.objects.create(site=net.site, primary_colour="#b22234", secondary_colour="#7a1020")
    theme = theme_for_site(net.site)
    response = client.get(f"/theme.css?v={theme.version}", HTTP_HOST=net.site.hostname)
    css = response.content.decode()
    assert response["Content-Type"].startswith("text/css")
    assert "--accent: #b22234;" in css and "--accent-dark: #7a1020;" in css and "--soft: #" in css
    assert "immutable" in response["Cache-Control"]
    again = client.get(
        f"/theme.css?v={theme.version}", HTTP_HOST=net.site.hostname, HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304
    other = client.get("/theme.css", HTTP_HOST=make_network("anders").site.hostname).content.decode()
    assert "--accent: #0b5394;" in other  # a network without settings keeps the default look


def test_changing_the_colours_changes_the_stylesheet_address_at_once(client, make_network):
    net = make_network("wechsel")
    identity = NetworkIdentity.objects.create(site=net.site, primary_colour="#b22234")
    before = client.get("/", HTTP_HOST=net.site.hostname).content.decode()
    identity.primary_colour = "#005c42"
    identity.save()
    after = client.get("/", HTTP_HOST=net.site.hostname).content.decode()
    version = theme_for_site(net.site).version
    assert f"/theme.css?v={version}" in after and f"/theme.css?v={version}" not in before
    assert "--accent: #005c42;" in client.get(f"/theme.css?v={version}", HTTP_HOST=net.site.hostname).content.decode()


def test_the_demo_gives_each_network_a_drawn_svg_logo_and_a_readable_colour(make_network):
    net = make_network("demo-logo")
    identity = add_identity(net.site, {"key": "demo-logo", "site_name": net.site.site_name, "color": (255, 210, 0)})
    assert contrast_ratio(identity.primary_colour, "#ffffff") >= 4.5  # yellow made dark enough
    logo = identity.logo.file.read().decode()
    assert logo.startswith("<svg") and "<script" not in logo and f">{initials(net.site.site_name)}<" in logo
    assert initials("Runder Tisch Integration Altona") == "RTI"
    assert identity.logo.width == 96 and identity.logo.height == 96
    assert add_identity(net.site, {"key": "demo-logo", "site_name": net.site.site_name}).logo_id == identity.logo_id
