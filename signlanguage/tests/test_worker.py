"""The feedback mail goes out through a real Celery worker after the commit (Redis broker
where Redis runs, Celery's in-memory transport elsewhere)."""

import time

from django.core import mail
from django.urls import reverse

from cms.formprotection import form_token
from signlanguage import feedback
from signlanguage.demo import ensure_statement_page
from signlanguage.models import AccessibilityFeedback


def test_worker_mails_the_feedback_after_the_reader_is_answered(celery_worker, client, make_network):
    net = make_network("nu")
    statement, _created = ensure_statement_page(net.home)
    statement.feedback_email = "barrieren@nu.example"
    statement.save_revision().publish()
    response = client.post(
        reverse("accessibility_feedback", args=[statement.pk]),
        {
            "message": "Die Schrift ist zu klein.",
            "started": form_token(feedback.PURPOSE, statement.pk, time.time() - 10),
        },
        HTTP_HOST=net.site.hostname,
        HTTP_ORIGIN=f"http://{net.site.hostname}",
    )
    assert response.status_code == 302
    stored = AccessibilityFeedback.objects.get()
    deadline = time.monotonic() + 30
    while not stored.mailed and time.monotonic() < deadline:
        time.sleep(0.2)
        stored.refresh_from_db()
    assert stored.mailed
    assert [message.to for message in mail.outbox] == [["barrieren@nu.example"]]
