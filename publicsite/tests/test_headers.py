"""Anonymous readers get no cookies and strict security headers; the admin keeps working."""

import pytest
from django.contrib.auth import get_user_model

PUBLIC_PATHS = [
    "/",
    "/aktuelles/",
    "/aktuelles/sprachcafe/",
    "/bildung/",
    "/aktuelles/?handlungsfeld=bildung",
    "/feeds/aktuelles.rss",
    "/feeds/veranstaltungen.ics",
    "/gibt-es-nicht/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_set_no_cookie_and_send_a_strict_policy(make_network, client, path):
    make_network("alpha")
    response = client.get(path, HTTP_HOST="alpha.localhost")
    assert response.status_code in (200, 404)
    assert "Set-Cookie" not in response.headers and not response.cookies
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_public_page_html_has_no_inline_script_and_nothing_from_other_hosts(make_network, client):
    make_network("alpha")
    html = client.get("/", HTTP_HOST="alpha.localhost").content.decode()
    assert "<script>" not in html and "onclick" not in html
    for attribute in ('src="http', 'src="//', 'href="//'):
        assert attribute not in html


@pytest.mark.django_db
def test_admin_gets_a_policy_it_can_work_with(client):
    user = get_user_model().objects.create_superuser("chefin", "c@example.org", "pw-123456789")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
