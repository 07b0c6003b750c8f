"""Leichte Sprache versions as linked pages: created from the admin, linked both ways on the
public site and in the API, checked per revision, reported when missing."""

import json

import pytest
from django.template import Context, Template
from django.test import Client
from wagtail.models import Page, TaskState, Workflow, WorkflowTask

from accessibility.builders import build_page_variants
from accessibility.checking import check_revision
from accessibility.leichte_sprache_pages import create_leichte_sprache_version
from accessibility.models import LeichteSpracheCheck, LeichteSpracheLink, LeichteSpracheSettings, TargetGroupReviewTask
from home.models import StandardPage

pytestmark = pytest.mark.django_db

LS_BODY = [{"type": "paragraph", "value": "<p>Wir treffen uns am Dienstag.</p><p>Die Anmeldung wird geprüft.</p>"}]


def host(net):
    return {"HTTP_HOST": net.site.hostname}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_variant(net, page=None, body=LS_BODY):
    page = page or net.news
    variant = create_leichte_sprache_version(page)
    variant.body = body
    return publish(variant)


def editor_client(net):
    client = Client()
    client.force_login(net.editor)
    return client


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard; another
    network's page is not found (home.scoping)."""
    return response.status_code in (403, 404) or (response.status_code == 302 and response["Location"] == "/admin/")


def render_links(page):
    return Template('{% include "accessibility/includes/variant_links.html" %}').render(Context({"page": page}))


def test_created_version_is_a_linked_draft_next_to_the_page(make_network):
    net = make_network("ls")
    variant = create_leichte_sprache_version(net.news)
    assert isinstance(variant.specific, type(net.news.specific))
    assert variant.get_parent().pk == net.news_index.pk
    assert not variant.live
    assert net.news.leichte_sprache_link.variant.pk == variant.pk
    assert variant.leichte_sprache_source.page.pk == net.news.pk
    # the start page gets a plain child page
    home_variant = create_leichte_sprache_version(net.home)
    assert isinstance(home_variant.specific, StandardPage) and home_variant.get_parent().pk == net.home.pk


def test_public_site_links_both_ways_and_says_honestly_when_there_is_none(make_network):
    net = make_network("pub")
    html = render_links(net.news)
    assert "Für diese Seite gibt es noch keine Leichte Sprache." in html

    variant = create_leichte_sprache_version(net.news)
    assert "noch keine Leichte Sprache" in render_links(net.news)  # a draft is not offered
    variant = publish(variant)
    html = render_links(net.news)
    assert f'href="{variant.url}"' in html and "noch keine" not in html
    back = render_links(variant)
    assert f'href="{net.news.url}"' in back


def test_public_text_is_german(make_network):
    from django.utils import translation

    net = make_network("de")
    with translation.override("de"):
        assert "Für diese Seite gibt es noch keine Leichte Sprache." in render_links(net.news)


def test_api_serves_links_variants_and_the_published_check(client, make_network):
    net = make_network("api")
    variant = make_variant(net)
    build_page_variants(net.news)
    check_revision(variant.live_revision)

    data = client.get(f"/api/v3/pages/{net.news.pk}/", **host(net)).json()
    av = data["accessibility_variants"]
    assert av["leichte_sprache_page"]["id"] == variant.pk
    assert av["leichte_sprache_url"].startswith("http://api.localhost")
    assert av["audio"]["url"].endswith(".ogg") and av["audio"]["duration_seconds"] > 1
    assert av["audio"]["mime"] == "audio/ogg"
    assert av["pdf_url"].endswith(".pdf")
    assert av["status"]["audio"]["status"] == "current"
    assert av["sign_language_endpoint"] == f"http://api.localhost/api/v3/sign-language/pages/{net.news.pk}/"
    assert client.get(av["sign_language_endpoint"], **host(net)).status_code == 404  # no video yet
    translations = client.get(av["translations_endpoint"], **host(net)).json()["translations"]
    assert {t["language_code"] for t in translations} >= {"en", "ar"}

    vdata = client.get(f"/api/v3/pages/{variant.pk}/", **host(net)).json()["accessibility_variants"]
    assert vdata["is_leichte_sprache"] and vdata["standard_page"]["id"] == net.news.pk
    rules = {f["rule"] for f in vdata["leichte_sprache_check"]["findings"]}
    assert "passive" in rules
    assert vdata["reviewed_by_target_group"] is False


def test_every_saved_revision_of_a_leichte_sprache_page_is_checked(make_network, django_capture_on_commit_callbacks):
    net = make_network("rev")
    variant = make_variant(net)
    variant.body = [{"type": "paragraph", "value": "<p>Wir würden gern kommen.</p>"}]
    with django_capture_on_commit_callbacks(execute=True):
        revision = variant.save_revision()
    stored = LeichteSpracheCheck.objects.get(revision=revision)
    assert [f["rule"] for f in stored.findings] == ["konjunktiv"]
    assert stored.text[stored.findings[0]["start"] : stored.findings[0]["end"]] == "würden"
    assert stored.scores["words"] == 14  # title (5), teaser copied from the page (5), body (4)
    # revisions of standard pages are not checked
    with django_capture_on_commit_callbacks(execute=True):
        other = net.news.save_revision()
    assert not LeichteSpracheCheck.objects.filter(revision=other).exists()


def test_site_picks_hyphen_or_mediopunkt_for_suggestions(make_network):
    net = make_network("sep")
    variant = make_variant(
        net,
        body=[{"type": "paragraph", "value": "<p>Das ist ein Integrationskurs·angebot und Sprachkursangebote.</p>"}],
    )
    check = check_revision(variant.live_revision)
    long_words = [f for f in check.findings if f["rule"] == "long_word"]
    assert long_words and "·" in long_words[0]["suggestion"]
    prefs = LeichteSpracheSettings.for_site(net.site)
    prefs.separator = "-"
    prefs.save()
    check = check_revision(variant.live_revision, force=True)
    long_words = [f for f in check.findings if f["rule"] == "long_word"]
    assert "Sprachkurs-Angebote" in long_words[0]["suggestion"]


def test_target_group_review_is_a_workflow_step_the_software_does_not_take(make_network):
    net = make_network("wf")
    variant = make_variant(net)
    task = TargetGroupReviewTask.objects.create(name="Prüfgruppe")
    task.groups.set([net.group])
    workflow = Workflow.objects.create(name="Leichte Sprache")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    assert not TargetGroupReviewTask.approved_for(variant)

    check_revision(variant.live_revision)  # no finding at all would still not count as reviewed
    state = workflow.start(variant, net.editor)
    assert not TargetGroupReviewTask.approved_for(variant)
    task_state = state.current_task_state
    assert task_state.task.specific.__class__ is TargetGroupReviewTask
    task_state.task.specific.on_action(task_state, net.editor, "approve")
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    assert TargetGroupReviewTask.approved_for(variant)


def test_admin_creates_and_links_versions_only_in_the_editors_own_network(two_networks):
    a, b = two_networks.a, two_networks.b
    client = editor_client(a)
    response = client.post(f"/admin/accessibility/pages/{a.news.pk}/leichte-sprache/create/")
    link = LeichteSpracheLink.objects.get(page=a.news)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{link.variant_id}/edit/"
    assert refused(client.post(f"/admin/accessibility/pages/{b.news.pk}/leichte-sprache/create/"))
    assert refused(client.get(f"/admin/accessibility/pages/{b.news.pk}/"))
    assert not LeichteSpracheLink.objects.filter(page=b.news).exists()

    # link an existing page of the own network; a page of another network is refused
    response = client.post(f"/admin/accessibility/pages/{a.field.pk}/leichte-sprache/link/", {"variant": b.field.pk})
    assert refused(response) and not LeichteSpracheLink.objects.filter(page=a.field).exists()
    own = a.home.add_child(instance=StandardPage(title="Bildung einfach", slug="bildung-einfach"))
    client.post(f"/admin/accessibility/pages/{a.field.pk}/leichte-sprache/link/", {"variant": own.pk})
    assert LeichteSpracheLink.objects.get(page=a.field).variant_id == own.pk


def test_report_lists_own_pages_without_a_version(two_networks):
    a, b = two_networks.a, two_networks.b
    create_leichte_sprache_version(a.news)
    response = editor_client(a).get("/admin/accessibility/reports/missing-leichte-sprache/")
    assert response.status_code == 200
    titles = {p.title for p in response.context["pages"]}
    assert a.field.title in titles and a.home.title in titles
    assert a.news.title not in titles  # has a version
    assert not any(p.title == b.home.title for p in response.context["pages"])


def test_editor_sees_stored_findings_and_live_check_while_typing(make_network):
    net = make_network("edit")
    variant = make_variant(net)
    check_revision(variant.latest_revision)
    client = editor_client(net)
    stored = client.get(f"/admin/accessibility/pages/{variant.pk}/check/").json()
    assert stored["leichte_sprache"] and any(f["rule"] == "passive" for f in stored["check"]["findings"])
    assert client.get(f"/admin/accessibility/pages/{net.news.pk}/check/").json()["leichte_sprache"] is False

    response = client.post(
        "/admin/accessibility/check/",
        json.dumps({"text": "Das wäre schön.", "site": net.site.pk}),
        content_type="application/json",
    )
    data = response.json()
    assert set(data) == {"text", "findings", "scores"}
    assert data["findings"][0]["rule"] == "konjunktiv"

    status = client.get(f"/admin/accessibility/pages/{variant.pk}/").content.decode()
    assert '<mark data-rule="passive"' in status and ">wird geprüft</mark>" in status

    edit = client.get(f"/admin/pages/{variant.pk}/edit/")
    assert b"accessibility/leichte_sprache_editor.js" in edit.content


def test_live_check_needs_csrf_login_and_refuses_bad_input(make_network):
    net = make_network("csrf")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(net.editor)
    assert strict.post("/admin/accessibility/check/", "{}", content_type="application/json").status_code == 403
    anonymous = Client().post("/admin/accessibility/check/", "{}", content_type="application/json")
    assert anonymous.status_code == 302
    client = editor_client(net)
    assert client.post("/admin/accessibility/check/", "no json", content_type="application/json").status_code == 400
    huge = json.dumps({"text": "Wir lernen zusammen Deutsch. " * 25_000})  # 100,000 words
    response = client.post("/admin/accessibility/check/", huge, content_type="application/json")
    assert response.status_code == 413 and "zu lang" in response.json()["error"]
    tricky = "Hallo 👋\u200b Welt. مرحبا بكم. Das wäre\u200d schön."
    data = client.post(
        "/admin/accessibility/check/", json.dumps({"text": tricky}), content_type="application/json"
    ).json()
    for f in data["findings"]:
        assert tricky[f["start"] : f["end"]] == f["text"]


def test_deleting_the_version_removes_the_link(make_network):
    net = make_network("del")
    variant = make_variant(net)
    Page.objects.get(pk=variant.pk).delete()
    assert not LeichteSpracheLink.objects.filter(page=net.news).exists()
    assert "noch keine Leichte Sprache" in render_links(net.news)


def test_highlighted_text_escapes_what_editors_wrote():
    from accessibility.templatetags.accessibility_tags import highlight_findings

    text = "<script>x</script> Das wäre schön."
    findings = [{"rule": "konjunktiv", "start": 23, "end": 27, "message": "Konjunktiv", "text": "wäre"}]
    html = highlight_findings(text, findings)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark data-rule="konjunktiv" title="Konjunktiv: Konjunktiv">wäre</mark>' in html


def test_api_listing_with_versions_and_variants_needs_no_query_per_item(client, make_network):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accessibility.models import PageVariant
    from home.models import NewsPage

    net = make_network("many")

    def listing():
        with CaptureQueriesContext(connection) as ctx:
            data = client.get("/api/v3/listings/home.NewsPage/", **host(net)).json()
        return len(ctx.captured_queries), data

    def add_news(n):
        page = net.news_index.add_child(instance=NewsPage(title=f"Meldung {n}", slug=f"meldung-{n}"))
        publish(page)
        make_variant(net, page)
        PageVariant.objects.create(page=page, kind="pdf", status="current", file=f"variants/{n}.pdf")
        return page

    add_news(0)
    listing()
    queries, data = listing()
    for n in range(1, 6):
        add_news(n)
    more_queries, more = listing()
    assert more_queries == queries
    with_version = [item for item in more["items"] if item["accessibility_variants"]["leichte_sprache_page"]]
    assert len(with_version) == 6
    assert all(item["accessibility_variants"]["pdf_url"].endswith(".pdf") for item in with_version)
