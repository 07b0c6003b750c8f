"""The admin loads nothing from other hosts: no Gravatar (it would receive a hash of each
editor's address), no CDN. The browser test in tests/browser/test_admin_login_security.py
records the requests themselves; this one reads the HTML of the admin's busiest pages."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/", "/admin/account/", "/admin/users/", "/admin/pages/"])
def test_admin_pages_refer_to_no_other_host(admin_client, path):
    response = admin_client.get(path, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    # what a browser fetches by itself: src attributes and <link href> (links people click are not requests)
    external = re.findall(r'\bsrc="((?:https?:)?//[^"]+)"', html)
    external += re.findall(r'<link\b[^>]*\bhref="((?:https?:)?//[^"]+)"', html)
    assert [url for url in external if not url.startswith("http://testserver")] == []
