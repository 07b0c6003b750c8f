"""Logs of a sign-up, a confirmation and a send carry ids, never an address or a token."""

import io
import json
import logging
import re

from django.test import override_settings

from newsletter.models import Subscriber
from operations.logs import ContextFilter, JsonFormatter, RedactFilter

from .conftest import add_subscribers, make_issue

HOST = {"HTTP_HOST": "nord.localhost"}


class CapturedLog:
    def __init__(self):
        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setFormatter(JsonFormatter())
        self.handler.addFilter(ContextFilter())
        self.handler.addFilter(RedactFilter())

    def __enter__(self):
        root = logging.getLogger()
        self.level = root.level
        root.addHandler(self.handler)
        root.setLevel(logging.DEBUG)
        return self

    def __exit__(self, *exc):
        root = logging.getLogger()
        root.removeHandler(self.handler)
        root.setLevel(self.level)

    def lines(self):
        return [json.loads(line) for line in self.stream.getvalue().splitlines() if line.strip()]


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend")
def test_sign_up_confirm_and_send_log_no_address_and_no_token(network, smtp_server, client, start_send):
    with CapturedLog() as log:
        response = client.post(
            "/newsletter/",
            {
                "email": "ada.lovelace@example.org",
                "name": "Ada",
                "edition": "standard",
                "language": "de",
                "consent": "on",
                "website": "",
            },
            **HOST,
        )
        assert response.status_code == 200
        [mail] = smtp_server.to("ada.lovelace@example.org")
        link = re.search(
            r"http://nord\.localhost(/newsletter/bestaetigen/\S+/)", mail.get_body(("plain",)).get_content()
        )
        token_path = link.group(1)
        assert client.get(token_path, **HOST).status_code == 200
        assert client.post(token_path, **HOST).status_code in (200, 302)
        assert Subscriber.objects.get(email="ada.lovelace@example.org").status == Subscriber.Status.ACTIVE

        add_subscribers(network.site, 5, prefix="leser")
        issue = make_issue(network)
        start_send(issue.pk)
        smtp_server.wait_for(7)
        logging.getLogger("somewhere.else").warning("bounce from leser1@example.org, %s", "token=abc123secret")

    text = log.stream.getvalue()
    assert "@example.org" not in text
    token = token_path.rstrip("/").rsplit("/", 1)[-1]
    assert token not in text
    assert "abc123secret" not in text

    requests = [line for line in log.lines() if line.get("logger") == "miteinander.request"]
    assert len(requests) == 3
    for line in requests:
        assert re.fullmatch(r"[0-9a-f]{32}", line["request_id"])
        assert line["network"] == "nord.localhost"
        assert "user_id" in line and line["user_id"] is None
    tasks = [line for line in log.lines() if line.get("logger") == "miteinander.task"]
    assert any(issue.pk in line.get("ids", []) or line.get("issue_id") == issue.pk for line in tasks), tasks
