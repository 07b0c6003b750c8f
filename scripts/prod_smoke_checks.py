"""What scripts/prod-smoke.sh asks of the running production shape, from outside, over HTTP.

Usage: prod_smoke_checks.py BASE_URL MAILDIR LOGDIR. Exits 1 with the reason on the first failure.
"""

import json
import mailbox
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

BASE, MAILDIR, LOGDIR = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])


def say(message):
    print(f"prod-smoke: {message}", flush=True)


def fail(message):
    print(f"prod-smoke: FAILED: {message}", flush=True)
    sys.exit(1)


def fetch(path, data=None, headers=None):
    request = urllib.request.Request(BASE + path, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
    except OSError as error:
        return None, {}, str(error)


def wait_ready(timeout=240):
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        status, _headers, body = fetch("/health/ready/?format=json")
        if status == 200:
            checks = json.loads(body)["checks"]
            say("ready: " + ", ".join(f"{name} {'ok' if c['ok'] else 'FAILED'}" for name, c in checks.items()))
            return
        time.sleep(1)
    fail(f"/health/ready/ never answered 200 within {timeout} s; last answer: {body[:500]}")


def check_page_and_api():
    status, headers, body = fetch("/")
    if status != 200 or "<html" not in body:
        fail(f"start page answered {status}")
    if "Set-Cookie" in headers:
        fail("the public start page sets a cookie")
    say("start page 200, no cookie")
    status, _headers, body = fetch("/api/v3/pages/?limit=5")
    items = json.loads(body).get("items") if status == 200 else None
    if not items:
        fail(f"API listing answered {status} without pages: {body[:300]}")
    say(f"API listing 200, first page: {items[0].get('title')!r}")


def sign_up():
    # as behind the TLS-terminating proxy of the compose setup: the CSRF cookie is Secure
    proxy = {"X-Forwarded-Proto": "https"}
    status, headers, form = fetch("/newsletter/", headers=proxy)
    if status != 200:
        fail(f"/newsletter/ answered {status}")
    cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    address = f"smoke-{uuid.uuid4().hex[:10]}@example.org"
    fields.update({"email": address, "name": "", "edition": "standard", "language": "de", "consent": "on"})
    time.sleep(3)  # public forms refuse answers faster than a person types
    status, _headers, body = fetch(
        "/newsletter/",
        data=urllib.parse.urlencode(fields).encode(),
        headers={
            **proxy,
            "Origin": BASE.replace("http://", "https://"),
            "Referer": BASE.replace("http://", "https://") + "/newsletter/",
            "Cookie": f"csrftoken={cookie.group(1)}" if cookie else "",
        },
    )
    if status != 200:
        fail(f"sign-up answered {status}: {re.sub(r'<[^>]+>', ' ', body)[:600]}")
    say("sign-up accepted")
    return address


def wait_for_mail(address, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in mailbox.Maildir(MAILDIR, create=False):
            if address in (message["To"] or ""):
                text = " ".join(
                    part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8", "replace")
                    for part in message.walk()
                    if not part.is_multipart()
                )
                if "/newsletter/bestaetigen/" not in text:
                    fail("the confirmation mail carries no confirmation link")
                say(f"confirmation mail arrived: {message['Subject']!r}")
                return
        time.sleep(1)
    fail(f"no confirmation mail to the new subscriber within {timeout} s")


def check_logs(address):
    for name in ("web.log", "worker.log", "mailer.log", "beat.log"):
        text = (LOGDIR / name).read_text(errors="replace")
        if address in text:
            fail(f"{name} contains the subscriber's address")
    lines = [line for line in (LOGDIR / "web.log").read_text().splitlines() if line.startswith("{")]
    requests = [json.loads(line) for line in lines if '"request_id"' in line]
    if not requests:
        fail("web.log has no JSON request lines")
    say(f"logs: {len(requests)} JSON request lines, no address in web, worker, mailer or beat logs")


wait_ready()
check_page_and_api()
subscriber = sign_up()
wait_for_mail(subscriber)
check_logs(subscriber)
