"""Publishing queues the build after commit; the admin shows each variant's state, rebuilds
on request; the command line checker prints the agreed JSON."""

import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command
from django.template import Context, Template
from django.test import Client

from accessibility.models import LeichteSpracheLink, PageVariant

pytestmark = pytest.mark.django_db


@pytest.fixture
def build_on_publish(settings):
    settings.ACCESSIBILITY_BUILD_ON_PUBLISH = True


def statuses(page):
    return {v.kind: v.status for v in PageVariant.objects.filter(page=page)}


def test_publish_builds_after_commit_and_republishing_unchanged_text_builds_nothing(
    make_network, build_on_publish, django_capture_on_commit_callbacks
):
    net = make_network("pub")
    page = net.news
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.save_revision().publish()
    assert callbacks, "the build is queued only after the transaction commits"
    assert statuses(page) == {}  # nothing built inside the publish
    for callback in callbacks:
        callback()
    assert statuses(page) == {"audio": "current", "pdf": "current"}
    audio = PageVariant.objects.get(page=page, kind="audio")
    built_at, file_name = audio.updated_at, audio.file.name

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    audio.refresh_from_db()
    assert audio.updated_at == built_at and audio.file.name == file_name


def test_unpublishing_stops_offering_the_files(make_network, build_on_publish, django_capture_on_commit_callbacks):
    from accessibility.variants import page_variants

    net = make_network("unpub")
    with django_capture_on_commit_callbacks(execute=True):
        net.news.save_revision().publish()
    assert page_variants(net.news)["audio"] is not None
    net.news.unpublish()
    assert statuses(net.news) == {"audio": "stale", "pdf": "stale"}
    assert page_variants(net.news)["audio"] is None and page_variants(net.news)["pdf_url"] is None


def test_publishing_never_fails_because_a_build_fails(
    make_network, build_on_publish, settings, django_capture_on_commit_callbacks
):
    settings.ACCESSIBILITY_ESPEAK_COMMAND = "/nonexistent/espeak-ng"
    net = make_network("nofail")
    net.news.title = "Neuer Titel"
    with django_capture_on_commit_callbacks(execute=True):
        net.news.save_revision().publish()
    net.news.refresh_from_db()
    assert net.news.live and net.news.title == "Neuer Titel"
    assert statuses(net.news) == {"audio": "failed", "pdf": "current"}


def test_status_page_shows_errors_and_rebuilds_only_for_own_network(two_networks, settings):
    a, b = two_networks.a, two_networks.b
    settings.ACCESSIBILITY_ESPEAK_COMMAND = "/nonexistent/espeak-ng"
    client = Client()
    client.force_login(a.editor)
    client.post(f"/admin/accessibility/pages/{a.news.pk}/rebuild/")
    page = client.get(f"/admin/accessibility/pages/{a.news.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/nonexistent/espeak-ng is not installed" in html
    assert "Alle Varianten neu erstellen" in html or "Rebuild all variants" in html
    data = client.get(f"/admin/accessibility/pages/{a.news.pk}/?format=json").json()
    assert {row["kind"]: row["status"] for row in data["variants"]} == {"audio": "failed", "pdf": "current"}
    assert data["building"] is False
    assert "data-variant-progress hidden>" in html

    settings.ACCESSIBILITY_ESPEAK_COMMAND = "espeak-ng"
    client.post(f"/admin/accessibility/pages/{a.news.pk}/rebuild/")
    assert statuses(a.news) == {"audio": "current", "pdf": "current"}

    other = client.post(f"/admin/accessibility/pages/{b.news.pk}/rebuild/")
    assert other.status_code in (302, 403, 404) and statuses(b.news) == {}
    # the page header of the editor shows the button
    edit = client.get(f"/admin/pages/{a.news.pk}/edit/")
    assert f"/admin/accessibility/pages/{a.news.pk}/" in edit.content.decode()


def test_status_page_shows_progress_while_building(make_network):
    net = make_network("prog")
    PageVariant.objects.create(page=net.news, kind="audio", status="building")
    client = Client()
    client.force_login(net.editor)
    html = client.get(f"/admin/accessibility/pages/{net.news.pk}/").content.decode()
    assert "<progress" in html and "data-variant-progress >" in html  # shown, not hidden
    assert client.get(f"/admin/accessibility/pages/{net.news.pk}/?format=json").json()["building"] is True


def test_player_is_native_and_shows_the_duration(make_network):
    net = make_network("play")
    html = Template('{% include "accessibility/includes/player.html" %}').render(
        Context(
            {
                "page": net.news,
                "audio": {"url": "/media/variants/a.ogg", "duration_seconds": 473.8, "mime": "audio/ogg"},
            }
        )
    )
    assert "<audio controls" in html and 'type="audio/ogg"' in html
    assert "7 Min. 54 Sek." in html and 'datetime="PT7M54S"' in html
    assert "http" not in html  # nothing from third parties
    assert Template('{% include "accessibility/includes/player.html" %}').render(Context({"audio": None})).strip() == ""


def test_page_variants_tag_has_exactly_the_agreed_keys(make_network):
    net = make_network("keys")
    out = Template("{% load accessibility_tags %}{% page_variants page as v %}{{ v.keys|join:',' }}").render(
        Context({"page": net.news})
    )
    assert sorted(out.split(",")) == sorted(
        ["leichte_sprache_url", "standard_url", "audio", "pdf_url", "sign_language", "translations"]
    )


def run_command(*args, stdin=None):
    out = io.StringIO()
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    try:
        call_command("check_leichte_sprache", *args, stdout=out)
    finally:
        sys.stdin = old
    return out.getvalue()


def test_command_prints_the_agreed_json_from_a_file_and_from_stdin(tmp_path):
    source = tmp_path / "text.txt"
    source.write_text("Der Antrag wird geprüft.\nDas wäre gut.", encoding="utf-8")
    data = json.loads(run_command(str(source), "--json"))
    assert set(data) == {"findings", "scores"}
    assert {f["rule"] for f in data["findings"]} == {"passive", "konjunktiv"}
    for finding in data["findings"]:
        assert set(finding) == {"rule", "start", "end", "text", "message", "suggestion"}
    assert {"flesch_amstad", "wiener_sachtextformel"} <= set(data["scores"])
    assert json.loads(run_command("-", "--json", stdin="Das wäre gut."))["findings"][0]["rule"] == "konjunktiv"

    plain = run_command(str(source))
    assert "1:12 passive" in plain and "2:5 konjunktiv" in plain and "Flesch-Amstad" in plain


def test_command_refuses_unreadable_input_clearly(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run_command(str(tmp_path / "missing.txt"))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Prüfung".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        run_command(str(latin1))
    assert json.loads(run_command("-", "--json", stdin="")) == {
        "findings": [],
        "scores": {"flesch_amstad": 0.0, "wiener_sachtextformel": 0.0, "sentences": 0, "words": 0, "syllables": 0},
    }


def test_demo_networks_get_linked_leichte_sprache_pages_idempotently():
    call_command("load_demo", quiet=True, network=["altona"])
    links = list(LeichteSpracheLink.objects.select_related("page", "variant"))
    assert len(links) == 2
    assert any(link.page.depth == 2 for link in links)  # the start page
    assert all(link.variant.live for link in links)
    # linking checks the version at once, so editors see findings before their first save
    assert all(link.variant.leichte_sprache_checks.exists() for link in links)
    call_command("load_demo", quiet=True, network=["altona"])
    assert LeichteSpracheLink.objects.count() == 2


@pytest.mark.services
def test_worker_builds_the_variants_of_a_published_page(celery_worker, make_network, settings):
    from accessibility.tasks import build_page_variants_task

    net = make_network("worker")
    result = build_page_variants_task.delay(net.news.pk)
    outcome = result.get(timeout=60)
    assert sorted(outcome["built"]) == ["audio", "pdf"]
    assert statuses(net.news) == {"audio": "current", "pdf": "current"}
    assert build_page_variants_task.delay(net.news.pk).get(timeout=60)["built"] == []


@pytest.mark.services
def test_worker_retries_a_failing_build_then_leaves_it_failed_with_its_error(
    celery_worker, make_network, settings, monkeypatch
):
    from accessibility import tasks

    monkeypatch.setattr(tasks, "RETRY_DELAYS", (0, 0, 0))
    settings.ACCESSIBILITY_ESPEAK_COMMAND = "/nonexistent/espeak-ng"
    net = make_network("retry")
    result = tasks.build_page_variants_task.delay(net.news.pk)
    with pytest.raises(tasks.VariantBuildFailed, match="audio: /nonexistent/espeak-ng is not installed"):
        result.get(timeout=60)
    audio = PageVariant.objects.get(page=net.news, kind="audio")
    assert audio.attempts == 1 + len(tasks.RETRY_DELAYS)
    assert audio.status == "failed" and "/nonexistent/espeak-ng is not installed" in audio.error
    assert PageVariant.objects.get(page=net.news, kind="pdf").status == "current"
