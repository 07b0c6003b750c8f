"""Prometheus metrics: only for the scraper, and they say what an operator needs to know."""

import pytest
from django.conf import settings
from django.test import override_settings

from accessibility.models import PageVariant
from newsletter.models import Delivery, NewsletterIssue, Subscriber
from operations.tasks import purge_unpublished_variants_task

pytestmark = pytest.mark.django_db


def scrape(client, **headers):
    return client.get("/metrics", **headers)


def test_metrics_refused_without_token_or_allowed_network(client):
    response = scrape(client)
    assert response.status_code == 403
    with override_settings(METRICS_TOKEN="s3cret-metrics-token"):
        assert scrape(client, HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    with override_settings(METRICS_ALLOWED_NETWORKS=["10.0.0.0/8"]):
        assert scrape(client).status_code == 403  # the test client comes from 127.0.0.1


def test_allowed_network_may_scrape(client):
    with override_settings(METRICS_ALLOWED_NETWORKS=["127.0.0.0/8"]):
        assert scrape(client).status_code == 200


def _sample(body, name, **labels):
    wanted = ",".join(f'{key}="{value}"' for key, value in labels.items())
    for line in body.splitlines():
        if line.startswith(f"{name}{{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
        if not labels and line.startswith(f"{name} "):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name}{{{wanted}}} not in metrics:\n{body[:3000]}")


def test_metrics_report_requests_deliveries_variants_and_task_failures(client, two_networks):
    a, b = two_networks.a, two_networks.b
    for network, statuses in [(a, ["sent", "sent", "failed"]), (b, ["sent", "pending"])]:
        issue = NewsletterIssue.objects.create(site=network.site, subject="Ausgabe")
        for i, status in enumerate(statuses):
            person = Subscriber.objects.create(site=network.site, email=f"p{i}@example.org", status="active")
            Delivery.objects.create(issue=issue, subscriber=person, address=person.email, status=status)
    Delivery.objects.filter(status="pending").update(attempts=2)  # waiting for its third attempt
    PageVariant.objects.create(page=a.news, kind="audio", status="failed", error="espeak-ng missing")
    purge_unpublished_variants_task.apply(args=("not-an-argument",), throw=False)  # fails: counted as a task failure

    assert client.get("/", HTTP_HOST="alpha.localhost").status_code == 200
    with override_settings(METRICS_TOKEN="s3cret-metrics-token"):
        response = scrape(client, HTTP_AUTHORIZATION="Bearer s3cret-metrics-token")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()

    assert _sample(body, "miteinander_http_requests_total", method="GET", status="200") >= 1
    assert "miteinander_http_request_duration_seconds_bucket" in body
    assert _sample(body, "miteinander_newsletter_deliveries", network="alpha.localhost", status="sent") == 2
    assert _sample(body, "miteinander_newsletter_deliveries", network="alpha.localhost", status="failed") == 1
    assert _sample(body, "miteinander_newsletter_deliveries", network="beta.localhost", status="retrying") == 1
    assert _sample(body, "miteinander_variant_builds", kind="audio", status="failed") == 1
    assert _sample(body, "miteinander_task_failures", task="operations.purge_unpublished_variants") >= 1
    assert "miteinander_task_queue_length" in body
    if settings.CELERY_BROKER_URL.startswith("redis://"):  # both queues, the sends' one too
        for queue in (settings.CELERY_TASK_DEFAULT_QUEUE, settings.CELERY_MAIL_QUEUE):
            assert _sample(body, "miteinander_task_queue_length", queue=queue) >= 0
    assert "@example.org" not in body


def test_grafana_dashboard_shows_only_metrics_we_export(client):
    """deploy/grafana-dashboard.json is valid JSON whose every query names a metric /metrics exports."""
    import json
    import re
    from pathlib import Path

    dashboard = json.loads((Path(__file__).resolve().parents[2] / "deploy" / "grafana-dashboard.json").read_text())
    with override_settings(METRICS_TOKEN="s3cret-metrics-token"):
        body = scrape(client, HTTP_AUTHORIZATION="Bearer s3cret-metrics-token").content.decode()
    exported = {line.split()[2] for line in body.splitlines() if line.startswith("# TYPE ")}
    exported |= {f"{name}_total" for name in exported} | {f"{name}_bucket" for name in exported}
    queried = set()
    for panel in dashboard["panels"]:
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            queried |= set(re.findall(r"\b(miteinander_[a-z_]+)", target["expr"]))
    assert queried, "the dashboard queries nothing"
    assert queried <= exported, f"not exported: {sorted(queried - exported)}"
    assert {"miteinander_newsletter_deliveries", "miteinander_task_queue_length"} <= queried
