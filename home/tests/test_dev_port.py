"""Under ``make run`` the server listens on port 8000: the demo networks' sites get that port, so
links Wagtail builds from one network to another ("Live ansehen" in the admin, previews) keep
it instead of pointing at port 80 where nothing answers."""

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Page, Site

from home.demo.builder import serve_on_port
from home.demo.networks import NETWORKS

pytestmark = pytest.mark.django_db


def test_links_to_another_network_keep_the_servers_port(make_network):
    a, b = make_network("porta"), make_network("portb")
    assert a.news.full_url == "http://porta.localhost/aktuelles/sprachcafe/"  # before: port 80

    changed = serve_on_port([{"hostname": "porta.localhost"}, {"hostname": "portb.localhost"}], 8000)

    assert len(changed) == 2
    fresh = Page.objects.get(pk=a.news.pk)  # a page object caches the site paths it saw
    assert fresh.full_url == "http://porta.localhost:8000/aktuelles/sprachcafe/"
    request = RequestFactory().get("/", HTTP_HOST="portb.localhost:8000")
    assert Site.find_for_request(request) == b.site
    assert serve_on_port([{"hostname": "porta.localhost"}], 8000) == []  # nothing left to change


def test_live_link_after_publishing_in_the_admin_has_the_port(client, make_network):
    net = make_network("portc")
    make_network("portd")  # a second network: links name their host
    serve_on_port([{"hostname": "portc.localhost"}], 8000)
    client.force_login(net.editor)
    edit = reverse("wagtailadmin_pages:edit", args=[net.news.pk])
    response = client.post(
        edit,
        {
            "title": net.news.title,
            "slug": net.news.slug,
            "teaser": net.news.teaser,
            "date": "2026-11-02",
            "body-count": "0",
            "action_fields": [net.field.pk],
            "action-publish": "1",
        },
        follow=True,
        HTTP_HOST="127.0.0.1:8000",
    )
    html = response.content.decode()
    assert 'href="http://portc.localhost:8000/aktuelles/sprachcafe/"' in html
    assert "Live anzeigen" in html  # the message after publishing


def test_load_demo_takes_the_port(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    herne = next(spec for spec in NETWORKS if spec["key"] == "herne")
    call_command("load_demo", "--network", "herne", "--port", "8000", quiet=True)
    assert Site.objects.get(hostname=herne["hostname"]).port == 8000
    call_command("load_demo", "--network", "herne", quiet=True)  # a second run finds it on 8000
    assert Site.objects.filter(hostname=herne["hostname"]).count() == 1
