"""Passkeys and security keys as a second factor, with real WebAuthn payloads from a software
passkey (tests/softkey.py): enrolment gives recovery codes, the login after the password asks
for the passkey, a passkey works only where it was made, and an editor manages their own keys."""

import json
import re
import time

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from loginsecurity.models import PasskeyScope
from loginsecurity.passkeys import relying_party_id, unavailable_reason
from loginsecurity.tests.softkey import SoftPasskey, b64url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_on")]

HOST = "altona.localhost"
ORIGIN = f"http://{HOST}"
PASSWORD = "pw-123456789"
REGISTER_BEGIN = "/admin/2fa/passkey/registrierung/beginnen/"
REGISTER_COMPLETE = "/admin/2fa/passkey/registrierung/abschliessen/"
AUTH_BEGIN = "/admin/2fa/passkey/anmeldung/beginnen/"
AUTH_COMPLETE = "/admin/2fa/passkey/anmeldung/abschliessen/"


@pytest.fixture
def two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED = True


def browser(host=HOST):
    return Client(HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="de")


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def enrol_passkey(client, origin=ORIGIN):
    """What the setup page's button does: ask for options, let the passkey answer, send it back."""
    options = client.post(REGISTER_BEGIN).json()
    passkey = SoftPasskey(origin)
    response = post_json(client, REGISTER_COMPLETE, passkey.register(options))
    assert response.status_code == 200, response.content
    return passkey, response.json()


def confirm_with(client, passkey, next_url="/admin/", origin=None):
    options = client.post(AUTH_BEGIN).json()
    return post_json(client, f"{AUTH_COMPLETE}?next={next_url}", passkey.assert_(options, origin=origin))


@pytest.fixture
def chefin():
    return User.objects.create_superuser("chefin", "chefin@example.org", PASSWORD)


@pytest.fixture
def enrolled(chefin):
    """A superuser who enrolled a passkey on altona.localhost and took her recovery codes."""
    client = browser()
    client.force_login(chefin)
    passkey, _answer = enrol_passkey(client)
    codes = re.findall(
        r"<li><code>(\w+)</code></li>", client.get("/admin/2fa/wiederherstellungscodes/").content.decode()
    )
    return passkey, codes


def test_first_passkey_opens_the_admin_and_brings_recovery_codes_shown_once(chefin):
    client = browser()
    client.force_login(chefin)
    setup = client.get("/admin/", follow=True)
    assert setup.redirect_chain[-1][0].startswith("/admin/2fa/einrichten/")
    page = setup.content.decode()
    assert 'id="passkey-register-button"' in page and "Passkey oder Sicherheitsschlüssel hinzufügen" in page
    assert (
        "/static/django_otp_webauthn/otp_webauthn_register.js" in page and "/static/loginsecurity/passkeys.js" in page
    )
    assert "script-src 'self';" in setup["Content-Security-Policy"], "no inline script needed, none allowed"
    assert client.get("/admin/pages/").status_code == 302, "no admin page before a second factor"

    options = client.post(REGISTER_BEGIN).json()
    assert options["rp"] == {"id": HOST, "name": "Miteinander"}
    assert options["user"]["name"] == "chefin"
    passkey = SoftPasskey(ORIGIN)
    answer = post_json(client, REGISTER_COMPLETE, passkey.register(options))
    assert answer.status_code == 200 and answer.json()["recovery_codes_due"] is True

    key = WebAuthnCredential.objects.get(user=chefin)
    assert key.name.startswith("Passkey vom ")
    assert PasskeyScope.objects.get(credential=key).rp_id == HOST
    assert client.get("/admin/pages/").status_code == 200, "the new passkey verified this session"

    codes_page = client.get("/admin/2fa/wiederherstellungscodes/?next=/admin/pages/")
    codes = re.findall(r"<li><code>(\w+)</code></li>", codes_page.content.decode())
    assert codes_page.status_code == 200 and len(set(codes)) == 10
    again = client.get("/admin/2fa/wiederherstellungscodes/?next=/admin/pages/")
    assert again.status_code == 302 and again["Location"] == "/admin/pages/", "codes are shown only once"


def test_after_the_password_the_passkey_opens_the_admin(chefin, enrolled):
    passkey, _codes = enrolled
    client = browser()
    client.force_login(chefin)  # the password step (axes and the login form are tested elsewhere)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/pruefen/")
    verify = client.get(response["Location"]).content.decode()
    assert 'id="passkey-verification-button"' in verify and "Mit Passkey bestätigen" in verify
    assert "Wiederherstellungscode" in verify  # the fallback stays on the page

    options = client.post(AUTH_BEGIN).json()
    assert options["rpId"] == HOST
    assert [item["id"] for item in options["allowCredentials"]] == [b64url(passkey.credential_id)]
    answer = post_json(client, f"{AUTH_COMPLETE}?next=/admin/pages/", passkey.assert_(options))
    assert answer.status_code == 200 and answer.json()["redirect_url"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    key = WebAuthnCredential.objects.get(user=chefin)
    assert key.sign_count == 1 and key.last_used_at is not None


def test_an_answer_for_another_origin_or_replayed_is_refused(chefin, enrolled):
    passkey, _codes = enrolled
    client = browser()
    client.force_login(chefin)
    phished = confirm_with(client, passkey, origin="http://altona-login.localhost")
    assert phished.status_code == 422
    assert phished.json()["detail"].startswith("Dieser Passkey wurde nicht angenommen")
    assert client.get("/admin/").status_code == 302

    options = client.post(AUTH_BEGIN).json()
    assertion = passkey.assert_(options)
    assert post_json(client, AUTH_COMPLETE, assertion).status_code == 200
    client.logout()
    client.force_login(chefin)
    replayed = post_json(client, AUTH_COMPLETE, assertion)
    assert replayed.status_code == 400, "an answer belongs to one challenge of one session"
    assert client.get("/admin/").status_code == 302


def test_a_passkey_of_another_account_does_not_open_this_one(chefin, enrolled):
    passkey, _codes = enrolled
    other = User.objects.create_superuser("kollege", "k@example.org", PASSWORD)
    client = browser()
    client.force_login(other)
    _own, _answer = enrol_passkey(client)
    client.logout()
    client.force_login(other)
    options = client.post(AUTH_BEGIN).json()
    assert b64url(passkey.credential_id) not in [item["id"] for item in options["allowCredentials"]]
    response = post_json(client, AUTH_COMPLETE, passkey.assert_(options))
    assert response.status_code == 403
    assert client.get("/admin/").status_code == 302


def test_a_passkey_works_on_the_host_it_was_made_on_and_the_login_elsewhere_says_so(chefin, enrolled):
    passkey, codes = enrolled
    client = browser("hameln.localhost")
    client.force_login(chefin)
    verify = client.get("/admin/2fa/pruefen/").content.decode()
    assert "passkey-verification-button" not in verify
    assert "Ihre Passkeys funktionieren auf altona.localhost" in verify
    assert client.post(AUTH_BEGIN).json()["allowCredentials"] == []
    response = client.post("/admin/2fa/pruefen/", {"token": codes[0], "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_parent_domain_setting_makes_one_passkey_work_for_every_network_below_it(settings):
    settings.OTP_WEBAUTHN_RP_ID = "miteinander.example"
    factory = RequestFactory()
    for host, expected in [
        ("altona.miteinander.example", "miteinander.example"),
        ("miteinander.example:8443", "miteinander.example"),
        ("integration-herne.de", "integration-herne.de"),  # a network on its own domain keeps its own
    ]:
        assert relying_party_id(factory.get("/", HTTP_HOST=host)) == expected


def test_addresses_where_a_browser_cannot_use_passkeys_are_named(settings):
    factory = RequestFactory()
    assert "IP-Adresse" in unavailable_reason(factory.get("/admin/", HTTP_HOST="127.0.0.1:8000"))
    assert "HTTPS" in unavailable_reason(factory.get("/admin/", HTTP_HOST="altona.example.org"))
    assert unavailable_reason(factory.get("/admin/", HTTP_HOST="altona.localhost:8000")) == ""
    assert unavailable_reason(factory.get("/admin/", HTTP_HOST="altona.example.org", secure=True)) == ""


def test_recovery_codes_still_open_the_account_of_a_passkey_user(chefin, enrolled):
    _passkey, codes = enrolled
    client = browser()
    client.force_login(chefin)
    page = client.get("/admin/2fa/pruefen/").content.decode()
    assert "Passkey verloren? Geben Sie einen Ihrer Wiederherstellungscodes ein." in page
    response = client.post("/admin/2fa/pruefen/", {"token": codes[3], "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert StaticToken.objects.filter(device__user=chefin).count() == 9


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=2)
def test_the_lockout_comes_before_the_passkey(chefin, enrolled):
    client = browser()
    for _attempt in range(2):
        client.post("/admin/login/", {"username": "chefin", "password": "falsch"})
    assert client.post("/admin/login/", {"username": "chefin", "password": PASSWORD}).status_code == 429
    assert client.post(AUTH_BEGIN).status_code == 403, "no passkey login without the password"
    call_command("reset_two_factor", "chefin", "--keep-devices")
    response = client.post("/admin/login/", {"username": "chefin", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/2fa/pruefen/")


def test_no_new_passkey_before_the_existing_factor_was_shown(chefin):
    TOTPDevice.objects.create(user=chefin, name="App", confirmed=True)
    client = browser()
    client.force_login(chefin)
    response = client.post(REGISTER_BEGIN)
    assert response.status_code == 403
    assert "bestätigen" in response.json()["detail"]


def test_odd_answers_are_refused_without_an_error_page(chefin):
    client = browser()
    client.force_login(chefin)
    for body in ['{"id": "\\ud800", "rawId": "\\ud800", "type": "public-key", "response": {}}', "[1, 2]", "nicht json"]:
        client.post(REGISTER_BEGIN)
        response = client.post(REGISTER_COMPLETE, body, content_type="application/json")
        assert 400 <= response.status_code < 500, (body, response.status_code)
    assert not WebAuthnCredential.objects.filter(user=chefin).exists()


def test_the_security_page_lists_renames_and_removes_passkeys(chefin, enrolled):
    client = browser()
    client.force_login(chefin)
    passkey, _codes = enrolled
    confirm_with(client, passkey)
    key = WebAuthnCredential.objects.get(user=chefin)
    account = client.get("/admin/account/").content.decode()
    assert "/admin/anmeldesicherheit/" in account

    response = client.get("/admin/anmeldesicherheit/")
    assert "script-src 'self';" in response["Content-Security-Policy"]
    page = response.content.decode()
    assert key.name in page and HOST in page and "10 von 10 Wiederherstellungscodes übrig" in page
    assert 'id="passkey-register-button"' in page

    renamed = client.post(f"/admin/anmeldesicherheit/passkeys/{key.pk}/umbenennen/", {"name": "YubiKey blau"})
    assert renamed.status_code == 302
    assert WebAuthnCredential.objects.get(pk=key.pk).name == "YubiKey blau"

    refused = client.get(f"/admin/anmeldesicherheit/passkeys/{key.pk}/entfernen/").content.decode()
    assert "muss mit einem zweiten Faktor geschützt sein" in refused
    client.post(f"/admin/anmeldesicherheit/passkeys/{key.pk}/entfernen/")
    assert WebAuthnCredential.objects.filter(pk=key.pk).exists(), "the last factor of a required account stays"

    second, _answer = enrol_passkey(client)
    client.post(f"/admin/anmeldesicherheit/passkeys/{key.pk}/entfernen/")
    assert not WebAuthnCredential.objects.filter(pk=key.pk).exists()
    assert client.get("/admin/pages/").status_code == 200, "removing the key this session used keeps it open"
    assert WebAuthnCredential.objects.filter(user=chefin).count() == 1


def test_removing_the_last_factor_of_an_optional_account_ends_two_factor_login(settings):
    settings.TWO_FACTOR_REQUIRED = False
    editor = User.objects.create_user("redakteurin", "r@example.org", PASSWORD, is_staff=True, is_superuser=True)
    client = browser()
    client.force_login(editor)
    enrol_passkey(client)
    client.get("/admin/2fa/wiederherstellungscodes/")
    key = WebAuthnCredential.objects.get(user=editor)
    assert client.post(f"/admin/anmeldesicherheit/passkeys/{key.pk}/entfernen/").status_code == 302
    assert not WebAuthnCredential.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists(), "no recovery codes without a factor"
    client.logout()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_new_recovery_codes_replace_the_old_ones(chefin, enrolled):
    passkey, codes = enrolled
    client = browser()
    client.force_login(chefin)
    confirm_with(client, passkey)
    page = client.post("/admin/anmeldesicherheit/wiederherstellungscodes/").content.decode()
    new_codes = re.findall(r"<li><code>(\w+)</code></li>", page)
    assert len(new_codes) == 10 and not set(new_codes) & set(codes)
    client.logout()
    client.force_login(chefin)
    assert client.post("/admin/2fa/pruefen/", {"token": codes[0]}).status_code == 400
    time.sleep(1.1)  # django-otp hears the next code only a second after a wrong one
    assert client.post("/admin/2fa/pruefen/", {"token": new_codes[0]}).status_code == 302


def test_an_editor_cannot_touch_another_editors_passkey(chefin, enrolled):
    other = User.objects.create_superuser("kollege", "k@example.org", PASSWORD)
    client = browser()
    client.force_login(other)
    enrol_passkey(client)
    key = WebAuthnCredential.objects.get(user=chefin)
    WebAuthnCredential.objects.filter(pk=key.pk).update(name="Schlüssel der Chefin")
    key.refresh_from_db()
    for action in ("umbenennen", "entfernen"):
        url = f"/admin/anmeldesicherheit/passkeys/{key.pk}/{action}/"
        assert client.get(url).status_code == 404
        assert client.post(url, {"name": "gekapert"}).status_code == 404
    assert WebAuthnCredential.objects.get(pk=key.pk).name != "gekapert"
    assert key.name not in client.get("/admin/anmeldesicherheit/").content.decode()


def test_reset_two_factor_removes_passkeys_too(chefin, enrolled):
    call_command("reset_two_factor", "chefin")
    assert not WebAuthnCredential.objects.filter(user=chefin).exists()
    client = browser()
    client.force_login(chefin)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/einrichten/")


def test_the_passkey_script_speaks_german():
    catalog = browser().get("/admin/2fa/passkey/jsi18n/").content.decode()
    assert "Registrierung abgebrochen" in catalog and "Anmeldung mit Passkey wird abgeschlossen" in catalog


def test_a_passkey_user_adds_the_app_from_the_security_page_and_may_then_drop_the_passkey(chefin, enrolled):
    from loginsecurity.tests.test_two_factor import current_code

    passkey, _codes = enrolled
    client = browser()
    client.force_login(chefin)
    assert client.get("/admin/2fa/einrichten/")["Location"].startswith("/admin/2fa/pruefen/"), "verify first"
    confirm_with(client, passkey)
    page = client.get("/admin/anmeldesicherheit/").content.decode()
    setup_url = re.search(r'href="(/admin/2fa/einrichten/\?next=[^"]+)"', page).group(1)
    setup = client.get(setup_url.replace("&amp;", "&")).content.decode()
    assert "loginsecurity-qr" in setup and "passkey-register-button" not in setup
    app = TOTPDevice.objects.get(user=chefin, confirmed=False)
    response = client.post("/admin/2fa/einrichten/", {"token": current_code(app), "next": "/admin/anmeldesicherheit/"})
    assert response.status_code == 302 and response["Location"] == "/admin/anmeldesicherheit/"
    assert StaticToken.objects.filter(device__user=chefin).count() == 10, "the recovery codes stay as they were"

    key = WebAuthnCredential.objects.get(user=chefin)
    client.post(f"/admin/anmeldesicherheit/passkeys/{key.pk}/entfernen/")
    assert not WebAuthnCredential.objects.filter(user=chefin).exists()
    assert client.get("/admin/pages/").status_code == 200
    refused = client.post("/admin/anmeldesicherheit/app/entfernen/", follow=True).content.decode()
    assert "muss mit einem zweiten Faktor geschützt sein" in refused
    assert TOTPDevice.objects.filter(user=chefin, confirmed=True).exists()


def test_on_an_ip_address_the_setup_says_why_there_is_no_passkey_and_offers_the_app(chefin):
    client = browser("127.0.0.1:8000")
    client.force_login(chefin)
    page = client.get("/admin/2fa/einrichten/").content.decode()
    assert "keine IP-Adresse" in page and "passkey-register-button" not in page and "otp_webauthn_config" not in page
    assert "loginsecurity-qr" in page
