"""An SVG opened on its own from /media/ runs with the site's origin, so only drawings are
accepted: the networks' logos upload, SVGs with scripts, handlers or outside links do not."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from home.images import svg_problem
from publicsite.demo import emblem_svg

DRAWING = emblem_svg("Netzwerk Miteinander Altona", "#0b5d7a")
SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'

HOSTILE = {
    "script": SVG.format("<script>alert(document.cookie)</script>"),
    "handler": SVG.format('<rect width="10" height="10" onload="alert(1)"/>'),
    "handler on the root": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "javascript link": SVG.format('<a href="javascript:alert(1)"><rect width="10" height="10"/></a>'),
    "xlink to another host": SVG.format('<image xlink:href="https://tracker.example/pixel.png"/>'),
    "embedded html": SVG.format(
        '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://x"/></body></foreignObject>'
    ),
    "animated link": SVG.format('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
    "outside style": SVG.format("<style>@import url(https://fonts.example/x.css);</style>"),
    "entity": '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    "not svg": "<html><body>hi</body></html>",
    "not xml": "GIF89a\x00\x01",
}


def test_plain_drawings_pass():
    assert svg_problem(DRAWING) is None
    local_reference = SVG.format(
        '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>'
        '<rect width="10" height="10" fill="url(#g)" style="fill:url(#g)"/><use href="#g"/>'
    )
    assert svg_problem(local_reference.encode()) is None


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_svgs_are_named(kind):
    problem = svg_problem(HOSTILE[kind].encode("latin-1"))
    assert problem, kind


@pytest.mark.django_db
def test_an_editor_uploads_a_logo_but_not_an_svg_with_a_script(make_network, client):
    net = make_network("alpha")
    client.force_login(net.editor)
    url = reverse("wagtailimages:add")

    good = client.post(url, {"title": "Logo", "file": SimpleUploadedFile("logo.svg", DRAWING, "image/svg+xml")})
    assert good.status_code == 302, good.content.decode()[:2000]
    assert get_image_model().objects.filter(title="Logo").exists()

    bad = client.post(
        url,
        {"title": "Böse", "file": SimpleUploadedFile("boese.svg", HOSTILE["handler"].encode(), "image/svg+xml")},
    )
    assert bad.status_code == 200
    body = bad.content.decode()
    assert "Dieses SVG-Bild wird nicht angenommen" in body and "„onload“" in body
    assert not get_image_model().objects.filter(title="Böse").exists()


@pytest.mark.django_db
def test_the_multiple_upload_checks_svgs_too(make_network, client):
    net = make_network("alpha")
    client.force_login(net.editor)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("x.svg", HOSTILE["script"].encode(), "image/svg+xml")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "Dieses SVG-Bild wird nicht angenommen" in response.json()["error_message"]
    assert not get_image_model().objects.exists()
