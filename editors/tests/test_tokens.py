"""A network editor creates and revokes their own API tokens in the admin (German), with an
optional expiry and a read-only flag that the API enforces; they never see or revoke anyone
else's token."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken

from editors.models import TokenLimits
from editors.tokens import create_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_networks(make_network):
    from types import SimpleNamespace

    return SimpleNamespace(a=make_network("alpha"), b=make_network("beta"))


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def patch_title(client, page, token, title):
    return client.patch(
        f"/api/v3/pages/{page.pk}/", json.dumps({"title": title}), content_type="application/json", **bearer(token)
    )


def test_editor_creates_a_read_only_token_that_reads_but_cannot_write(client, two_networks):
    a = two_networks.a
    client.force_login(a.editor)
    page = client.get(reverse("editors_tokens")).content.decode()
    assert "Meine API-Tokens" in page and a.site.site_name in page
    response = client.post(reverse("editors_tokens"), {"name": "Stadtportal", "read_only": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "nur dieses eine Mal" in html
    plaintext = re.search(r'value="(wagtail_[A-Za-z0-9]+)"', html).group(1)
    token = APIToken.objects.get(name="Stadtportal")
    assert token.user == a.editor and token.limits.read_only

    assert client.get(f"/api/v3/pages/{a.news.pk}/", **bearer(plaintext)).status_code == 200
    refused = patch_title(client, a.news, plaintext, "Neu")
    assert refused.status_code == 403 and "nur lesen" in refused.json()["detail"]
    a.news.refresh_from_db()
    assert a.news.latest_revision.content["title"] != "Neu"


def test_a_read_write_token_writes_only_in_its_owners_network(client, two_networks):
    a, b = two_networks.a, two_networks.b
    _, plaintext = create_token(a.editor, "Schreiben", read_only=False)
    assert patch_title(client, a.news, plaintext, "Neu").status_code == 200
    assert patch_title(client, b.news, plaintext, "Fremd").status_code in (403, 404)


def test_an_expired_token_is_refused_and_a_past_expiry_cannot_be_chosen(client, two_networks):
    a = two_networks.a
    token, plaintext = create_token(a.editor, "Kurz", expires_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(f"/api/v3/pages/{a.news.pk}/", **bearer(plaintext)).status_code == 200
    TokenLimits.objects.filter(token=token).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    expired = client.get(f"/api/v3/pages/{a.news.pk}/", **bearer(plaintext))
    assert expired.status_code == 401 and "abgelaufen" in expired.json()["detail"]

    client.force_login(a.editor)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(reverse("editors_tokens"), {"name": "Alt", "expires_at": yesterday})
    assert "Wählen Sie einen Tag in der Zukunft" in response.content.decode()
    assert not APIToken.objects.filter(name="Alt").exists()


def test_editor_revokes_own_token_but_not_another_editors(client, two_networks):
    a, b = two_networks.a, two_networks.b
    own, plaintext = create_token(a.editor, "Eigenes")
    other, _ = create_token(b.editor, "Fremdes")
    client.force_login(a.editor)
    listing = client.get(reverse("editors_tokens")).content.decode()
    assert "Eigenes" in listing and "Fremdes" not in listing

    assert client.post(reverse("editors_token_revoke", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.revoked_at is None

    response = client.post(reverse("editors_token_revoke", args=[own.pk]), follow=True)
    assert "widerrufen" in response.content.decode()
    own.refresh_from_db()
    assert own.revoked_at is not None
    client.logout()
    assert patch_title(client, a.news, plaintext, "Widerrufen").status_code in (401, 403)


def test_a_user_without_a_network_cannot_open_the_token_page(client, two_networks):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("nobody", password="pw-nobody-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("editors_tokens")).status_code in (302, 403)
