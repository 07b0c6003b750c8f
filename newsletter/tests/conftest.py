"""Fixtures for the newsletter: a real SMTP server (aiosmtpd) that records what it receives
and can answer 451/550 for chosen recipients, and a network with subscribers."""

import asyncio
import email
import os
import threading
import time
from collections import Counter
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.test import override_settings

from newsletter.models import NewsletterIssue, Subscriber
from tests.ports import free_port

# A free port, fixed for the session: worker subprocesses are told it in their environment.
SMTP_PORT = int(os.environ.get("NEWSLETTER_TEST_SMTP_PORT") or free_port())


class RecordingHandler:
    def __init__(self):
        self.messages = []
        self.mail_from = {}  # recipient -> envelope sender (MAIL FROM) of the last mail to them
        self.lock = threading.Lock()
        self.temp_fail = {}  # address -> how many more times to answer 451
        self.hard_fail = set()
        # address -> answers to its mail's data, one per attempt: an SMTP reply such as
        # "554 5.6.0 Rejected", or "drop" (close the connection without answering)
        self.data_answers = {}
        self.delay = 0.0
        self.pipelining = True  # like postfix; False: the engine falls back to smtplib
        self.removed_extensions = set()  # e.g. {"8BITMIME"}: the engine then sends quoted-printable
        self.in_data = 0  # mails being received right now (over different connections)
        self.most_at_once = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        responses = [r for r in responses if r[4:] not in self.removed_extensions]
        if self.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            if address in self.hard_fail:
                return "550 5.1.1 No such user here"
            if self.temp_fail.get(address, 0) > 0:
                self.temp_fail[address] -= 1
                return "451 4.7.1 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            answers = self.data_answers.get(envelope.rcpt_tos[0]) if envelope.rcpt_tos else None
            answer = answers.pop(0) if answers else None
        if answer == "drop":
            server.transport.close()
            return "421 4.4.2 Connection dropped"  # never reaches the client
        if answer:
            return answer
        self.in_data += 1
        self.most_at_once = max(self.most_at_once, self.in_data)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
        finally:
            self.in_data -= 1
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.messages.append((rcpt, message))
                self.mail_from[rcpt] = envelope.mail_from
        return "250 Message accepted"

    def to(self, address):
        return [m for rcpt, m in self.messages if rcpt == address]

    def counts(self):
        return Counter(rcpt for rcpt, _ in self.messages)

    def wait_for(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return len(self.messages)


@pytest.fixture
def smtp_server():
    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    try:
        with override_settings(
            NEWSLETTER_SMTP_HOST="127.0.0.1",
            NEWSLETTER_SMTP_PORT=SMTP_PORT,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=SMTP_PORT,
            EMAIL_USE_TLS=False,
        ):
            yield handler
    finally:
        controller.stop()
        from newsletter.smtp import PersistentSmtp

        if PersistentSmtp._shared is not None:
            PersistentSmtp._shared.smtp = None
        PersistentSmtp._shared = None


@pytest.fixture(autouse=True)
def clear_cache():
    from newsletter.message import variant_cache

    cache.clear()
    variant_cache.clear()  # a worker process keeps its renders across batches, not across tests
    yield
    cache.clear()
    variant_cache.clear()


@pytest.fixture
def network(make_network):
    return make_network("nord")


def add_subscribers(site, count, prefix="person", **fields):
    fields.setdefault("status", Subscriber.Status.ACTIVE)
    Subscriber.objects.bulk_create(
        [Subscriber(site=site, email=f"{prefix}{i}@example.org", name=f"Person {i}", **fields) for i in range(count)]
    )
    return list(Subscriber.objects.filter(site=site, email__startswith=prefix).order_by("pk"))


def make_issue(network, subject="Neuigkeiten im November", body=None, publish=True):
    issue = NewsletterIssue(site=network.site, subject=subject, preheader="Sprachcafé und mehr")
    issue.body = (
        body
        if body is not None
        else [
            (
                "intro",
                {
                    "text": "<p>Liebe Leserinnen und Leser, hier sind unsere Neuigkeiten.</p>",
                    "leichte_sprache": "Hallo.\nHier sind unsere Nachrichten.",
                },
            ),
            ("articles", {"heading": "Aktuelles", "pages": [network.news]}),
            (
                "button",
                {"label": "Zur Website", "url": "https://example.org/", "leichte_sprache": "Zur Internet·seite"},
            ),
        ]
    )
    issue.save()
    revision = issue.save_revision()
    if publish:
        revision.publish()
        issue.refresh_from_db()
    return issue


def begin_send(issue):
    """What the send button does, minus the enqueue: the recipients' rows and the status
    "sending", so a test (or beat's resume_sends) drives the batches itself. Returns the count."""
    from django.db import transaction

    from newsletter import snapshot
    from newsletter.models import NewsletterIssue

    with transaction.atomic():
        count = snapshot.snapshot_recipients(issue)
        NewsletterIssue.objects.filter(pk=issue.pk).update(send_status="sending")
    return count


@pytest.fixture
def start_send(django_capture_on_commit_callbacks):
    """sending.start_send with its on-commit fan-out run (test transactions never commit)."""
    from newsletter import sending

    def run(issue_id):
        with django_capture_on_commit_callbacks(execute=True):
            return sending.start_send(issue_id)

    return run


@pytest.fixture
def sent(start_send, network, smtp_server):
    """An issue sent to three subscribers: what each received, and its envelope sender."""
    people = add_subscribers(network.site, 3)
    issue = make_issue(network)
    start_send(issue.pk)
    mails = {p.email: smtp_server.to(p.email)[0] for p in people}
    return people, issue, mails, smtp_server.mail_from
