"""An editor sets up two-factor login in a real browser, logs in again with a code from the
app or with a passkey (Chromium's virtual authenticator), and the admin never loads anything
from another host (no Gravatar, no CDN)."""

import base64
import threading
import uuid
from urllib.parse import urlparse

from django.contrib.auth.models import User
from django_otp.oath import totp

from tests.browser.conftest import format_violations

PASSWORD = "sicher-und-lang-2026"


def code_for(secret_text, next_step=False):
    """What the authenticator app shows now (or in the next 30-second step)."""
    key = base64.b32decode(secret_text.replace(" ", ""))
    return f"{totp(key, drift=1 if next_step else 0):06d}"


def create_user(**fields):
    """Create the user on a connection of its own, committed at once, so the server thread sees it
    whatever transaction the test thread's connection is in."""
    from django.db import connection

    def create():
        try:
            User.objects.create_user(**fields)
        finally:
            connection.close()

    thread = threading.Thread(target=create)
    thread.start()
    thread.join()
    assert User.objects.filter(username=fields["username"]).exists()


def own_host(url):
    host = urlparse(url).hostname or ""
    return url.startswith(("data:", "blob:", "about:")) or host == "127.0.0.1" or host.endswith("localhost")


def log_in(page, demo_server, username, password):
    page.goto(demo_server.url("altona", "/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("form.login-form button[type=submit]")


def test_editor_enrols_with_an_authenticator_app_and_logs_in_with_a_code(demo_server, page, settings, axe_audit):
    settings.TWO_FACTOR_REQUIRED = True
    settings.AXES_ENABLED = True
    username = f"sicherheit-{uuid.uuid4().hex[:6]}"
    create_user(username=username, password=PASSWORD, is_staff=True, is_superuser=True)
    foreign = []
    page.on("request", lambda request: None if own_host(request.url) else foreign.append(request.url))

    log_in(page, demo_server, username, PASSWORD)
    assert "/admin/2fa/einrichten/" in page.url, page.locator("body").inner_text()[:800]
    assert page.title().startswith("Zwei-Faktor-Anmeldung einrichten")
    assert page.locator(".loginsecurity-qr svg").count() == 1  # once: the icon sprite is not this page again
    violations = axe_audit(page)
    assert not violations, format_violations(violations)
    secret = page.locator(".loginsecurity-secret").inner_text()
    page.fill("#id_token", code_for(secret))
    with page.expect_navigation():
        page.click("form.login-form button[type=submit]")
    assert page.title().startswith("Ihre Wiederherstellungscodes")
    assert page.locator(".loginsecurity-codes li").count() == 10
    violations = axe_audit(page)
    assert not violations, format_violations(violations)
    with page.expect_navigation():
        page.click("text=Weiter zur Verwaltung")
    assert urlparse(page.url).path == "/admin/"

    page.context.clear_cookies()  # a new day, a new login
    log_in(page, demo_server, username, PASSWORD)
    assert "/admin/2fa/pruefen/" in page.url
    violations = axe_audit(page)
    assert not violations, format_violations(violations)
    page.fill("#id_token", code_for(secret, next_step=True))  # the app's next code: each code counts once
    with page.expect_navigation():
        page.click("form.login-form button[type=submit]")
    assert urlparse(page.url).path == "/admin/"
    page.goto(demo_server.url("altona", "/admin/pages/"))
    page.goto(demo_server.url("altona", "/admin/account/"))
    assert foreign == [], f"the admin asked other hosts: {foreign}"


def test_login_is_locked_after_repeated_wrong_passwords(demo_server, page, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    username = f"vergesslich-{uuid.uuid4().hex[:6]}"
    create_user(username=username, password=PASSWORD, is_staff=True)
    for _attempt in range(3):
        log_in(page, demo_server, username, "falsch")
    assert page.title().startswith("Anmeldung gesperrt")
    log_in(page, demo_server, username, PASSWORD)
    assert page.title().startswith("Anmeldung gesperrt"), "even the right password waits for the cool-off"


def add_virtual_passkey_device(page):
    """A platform authenticator as in a laptop with a fingerprint reader (CTAP2, internal,
    resident keys, user verification that always succeeds), through the DevTools protocol."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
        "automaticPresenceSimulation": True,
    }
    authenticator = devtools.send("WebAuthn.addVirtualAuthenticator", {"options": options})["authenticatorId"]
    return devtools, authenticator


def test_editor_enrols_a_passkey_and_logs_in_with_password_and_passkey(demo_server, page, settings, axe_audit):
    settings.TWO_FACTOR_REQUIRED = True
    settings.AXES_ENABLED = True
    username = f"passkey-{uuid.uuid4().hex[:6]}"
    create_user(username=username, password=PASSWORD, is_staff=True, is_superuser=True)
    devtools, authenticator = add_virtual_passkey_device(page)
    foreign, script_problems = [], []
    page.on("request", lambda request: None if own_host(request.url) else foreign.append(request.url))
    page.on("console", lambda message: script_problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: script_problems.append(str(error)))

    log_in(page, demo_server, username, PASSWORD)
    assert "/admin/2fa/einrichten/" in page.url
    page.click("#passkey-register-button")
    page.wait_for_url("**/admin/2fa/wiederherstellungscodes/**")
    assert page.title().startswith("Ihre Wiederherstellungscodes")
    assert page.locator(".loginsecurity-codes li").count() == 10
    violations = axe_audit(page)
    assert not violations, format_violations(violations)
    stored = devtools.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    assert [credential["rpId"] for credential in stored] == ["altona.localhost"]
    with page.expect_navigation():
        page.click("text=Weiter zur Verwaltung")
    assert urlparse(page.url).path == "/admin/"

    page.context.clear_cookies()  # logged out: the next login asks for password and passkey
    log_in(page, demo_server, username, PASSWORD)
    assert "/admin/2fa/pruefen/" in page.url
    assert page.locator("#passkey-verification-button").inner_text() == "Mit Passkey bestätigen"
    violations = axe_audit(page)
    assert not violations, format_violations(violations)
    page.click("#passkey-verification-button")
    page.wait_for_url(lambda url: urlparse(url).path == "/admin/")
    stored = devtools.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    assert stored[0]["signCount"] >= 1, "the login used the passkey"

    page.goto(demo_server.url("altona", "/admin/anmeldesicherheit/"))
    assert page.locator(".loginsecurity-passkeys tbody tr").count() == 1
    assert "altona.localhost" in page.locator(".loginsecurity-passkeys").inner_text()
    violations = axe_audit(page)
    assert not violations, format_violations(violations)
    assert foreign == [], f"the admin asked other hosts: {foreign}"
    assert script_problems == [], script_problems
