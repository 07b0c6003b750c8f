"""Editors who must use a second factor cannot reach any admin view without it; failed
logins lock an account until it cools off or an administrator lifts the lockout."""

import re
import time

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.test import override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_on")]


@pytest.fixture
def two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED = True


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def enrol(client, user):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/2fa/einrichten/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/admin/2fa/einrichten/", {"token": current_code(device), "next": "/admin/"})
    assert response.status_code == 200
    return re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())


def test_superuser_enrols_with_an_app_then_gets_recovery_codes():
    admin = User.objects.create_superuser("chefin", "chefin@example.org", "pw-123456789")
    from django.test import Client

    client = Client()
    client.force_login(admin)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/einrichten/")
    setup = client.get(response["Location"])
    body = setup.content.decode()
    assert "<svg" in body and "otpauth" not in body  # the QR code is drawn here, never fetched
    assert re.search(r"[A-Z2-7]{4} [A-Z2-7]{4}", body), "the key for typing it in by hand is shown"

    wrong = client.post("/admin/2fa/einrichten/", {"token": "000000"})
    assert wrong.status_code == 400
    assert TOTPDevice.objects.filter(user=admin, confirmed=True).count() == 0
    time.sleep(1.1)  # django-otp throttles: after a wrong code the next is heard only a second later

    codes = enrol(client, admin)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_next_login_needs_a_code_and_a_recovery_code_works_once(client):
    admin = User.objects.create_superuser("chefin", "chefin@example.org", "pw-123456789")
    client.force_login(admin)
    codes = enrol(client, admin)
    client.logout()

    client.force_login(admin)  # password accepted, second factor not yet shown
    for path in ("/admin/", "/admin/snippets/", "/django-admin/auth/user/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/pruefen/"), path
    assert client.post("/admin/2fa/pruefen/", {"token": "12345678"}).status_code == 400
    time.sleep(1.1)
    response = client.post("/admin/2fa/pruefen/", {"token": codes[0], "next": "/admin/snippets/"})
    assert response.status_code == 302 and response["Location"] == "/admin/snippets/"
    assert client.get("/admin/").status_code == 200

    client.logout()
    client.force_login(admin)
    assert client.post("/admin/2fa/pruefen/", {"token": codes[0]}).status_code == 400, "a recovery code works once"
    time.sleep(2.1)  # two wrong codes in a row: django-otp waits 2 s before hearing the next
    # a code is accepted once (replay protection); a later 30-second step brings a new one
    TOTPDevice.objects.filter(user=admin).update(last_t=-1)
    response = client.post("/admin/2fa/pruefen/", {"token": current_code(TOTPDevice.objects.get(user=admin))})
    assert response.status_code == 302


def test_verify_refuses_a_redirect_to_another_host(client):
    admin = User.objects.create_superuser("chefin", "chefin@example.org", "pw-123456789")
    client.force_login(admin)
    codes = enrol(client, admin)
    client.logout()
    client.force_login(admin)
    response = client.post("/admin/2fa/pruefen/", {"token": codes[1], "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_editor_groups_choose_whether_a_second_factor_is_required(client):
    group = Group.objects.create(name="Redaktion Test")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = User.objects.create_user("redakteur", "r@example.org", "pw-123456789")
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200

    group.permissions.add(Permission.objects.get(codename="require_two_factor"))
    editor = User.objects.get(pk=editor.pk)  # permissions are cached per user object
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/2fa/einrichten/" in response["Location"]


def test_the_permission_is_offered_in_wagtails_group_editor(admin_client, settings):
    settings.TWO_FACTOR_REQUIRED = False
    group = Group.objects.create(name="Redaktion Test")
    from django.urls import reverse

    response = admin_client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert response.status_code == 200
    permission = Permission.objects.get(codename="require_two_factor")
    assert f'value="{permission.pk}"' in response.content.decode()


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_failed_logins_lock_the_account_until_an_administrator_lifts_it(client, settings):
    settings.TWO_FACTOR_REQUIRED = False
    User.objects.create_user("redakteur", "r@example.org", "richtig-123456", is_staff=True)
    for _attempt in range(2):
        response = client.post("/admin/login/", {"username": "redakteur", "password": "falsch"})
        assert response.status_code == 200  # the login form again, with its error
    assert client.post("/admin/login/", {"username": "redakteur", "password": "falsch"}).status_code == 429
    locked = client.post("/admin/login/", {"username": "redakteur", "password": "richtig-123456"})
    assert locked.status_code == 429
    assert "60" in locked.content.decode()

    call_command("reset_two_factor", "redakteur", "--keep-devices")
    response = client.post("/admin/login/", {"username": "redakteur", "password": "richtig-123456"})
    assert response.status_code == 302


@override_settings(AXES_ENABLED=True)
def test_password_login_through_the_form_leads_to_enrolment(client):
    User.objects.create_superuser("chefin", "chefin@example.org", "pw-123456789")
    response = client.post("/admin/login/", {"username": "chefin", "password": "pw-123456789"}, follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/2fa/einrichten/"), response.redirect_chain


def test_icons_and_script_translations_load_before_the_second_factor(client):
    """The 2FA pages are admin pages: their icon sprite and script catalogue must not be redirected."""
    admin = User.objects.create_superuser("chefin", "chefin@example.org", "pw-123456789")
    client.force_login(admin)
    sprite = client.get("/admin/sprite/")
    assert sprite.status_code == 200 and "<svg" in sprite.content.decode()
    assert client.get("/admin/jsi18n/").status_code == 200
    assert client.get("/admin/pages/").status_code == 302


def test_the_page_asked_for_survives_enrolment_with_its_query(client):
    admin = User.objects.create_superuser("chefin", "chefin@example.org", "pw-123456789")
    client.force_login(admin)
    response = client.get("/admin/2fa/?next=/admin/pages/search/%3Fq%3Da%26p%3D2")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/einrichten/?next=%2Fadmin%2Fpages%2Fsearch%2F%3Fq%3Da%26p%3D2"
