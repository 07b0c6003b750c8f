"""Demo Leichte Sprache versions for ``load_demo``: each demo network's start page and its
first content page get a linked Leichte Sprache page. Idempotent: existing links are kept."""

from contextlib import contextmanager

from django.db import transaction
from wagtail.models import Page, Site

from home.extensions import DemoContribution
from home.models import StandardPage

from .leichte_sprache_pages import link_leichte_sprache_version
from .models import LeichteSpracheLink


def _p(*lines):
    """One sentence per line, as Leichte Sprache asks."""
    return {"type": "paragraph", "value": "".join(f"<p>{line}</p>" for line in lines)}


def _h(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def start_page_body(site_name, city):
    return [
        _h("Was gibt es auf dieser Internet·seite?"),
        _p(
            f"Diese Internet·seite ist von: {site_name}.",
            f"Wir sind Menschen und Vereine in {city}.",
            "Wir helfen Menschen aus anderen Ländern.",
            "Hier finden Sie Nachrichten.",
            "Hier finden Sie Termine.",
            "Hier finden Sie Menschen für Ihre Fragen.",
        ),
        _h("Wie finden Sie sich zurecht?"),
        _p(
            "Oben auf der Seite ist das Menü.",
            "Dort klicken Sie auf ein Thema.",
            "Dann kommen Sie zu dem Thema.",
            "Sie können sich Seiten auch vorlesen lassen.",
        ),
        _h("Barrieren melden"),
        _p(
            "Sie finden auf unserer Seite eine Barriere?",
            "Dann schreiben Sie uns bitte.",
            "Wir helfen Ihnen gern.",
        ),
    ]


def content_page_body(title):
    return [
        _h(title),
        _p(
            "Auf dieser Seite erklären wir unsere Arbeit.",
            "Wir treffen uns oft.",
            "Wir reden über wichtige Themen.",
            "Alle Menschen sollen gut zusammen leben.",
            "Sie haben eine Frage?",
            "Dann rufen Sie uns an.",
        ),
    ]


def _ensure_variant(page, parent, slug, title, body):
    link = LeichteSpracheLink.objects.filter(page=page).select_related("variant").first()
    if link:
        return link.variant, False
    variant = Page.objects.child_of(parent).filter(slug=slug).first()
    if variant is None:
        variant = parent.add_child(instance=StandardPage(title=title, slug=slug, body=body, show_in_menus=False))
        variant.save_revision().publish()
    link_leichte_sprache_version(page, variant)
    return variant, True


@transaction.atomic
def build_leichte_sprache_demo(specs):
    """Add Leichte Sprache versions to the demo networks in ``specs``. Returns the pages created."""
    created = []
    for spec in specs:
        site = Site.objects.filter(hostname=spec["hostname"]).order_by("pk").select_related("root_page").first()
        if site is None:
            continue
        home = site.root_page.specific
        variant, new = _ensure_variant(
            home,
            home,
            "leichte-sprache",
            "Leichte Sprache",
            start_page_body(spec["site_name"], spec.get("city", spec["site_name"])),
        )
        if new:
            created.append(variant)
        first = spec.get("pages", [{}])[0].get("slug") if spec.get("pages") else None
        content = Page.objects.child_of(home).filter(slug=first).first() if first else None
        if content is not None:
            variant, new = _ensure_variant(
                content,
                home,
                f"{content.slug}-leichte-sprache",
                f"{content.title} in Leichter Sprache",
                content_page_body(content.title),
            )
            if new:
                created.append(variant)
    return created


@contextmanager
def variant_builds_suspended():
    """Publishing 150 demo pages should not build 300 audio files and PDFs on a laptop."""
    from . import signals

    previous = signals.SUSPENDED
    signals.SUSPENDED = True
    try:
        yield
    finally:
        signals.SUSPENDED = previous


def queue_demo_variant_builds(pages):
    """Build audio and PDF for the new Leichte Sprache demo pages and their standard pages
    (the rest of the demo gets them when an editor publishes)."""
    from django.conf import settings

    from .signals import _enqueue
    from .tasks import build_page_variants_task

    if not pages or not getattr(settings, "ACCESSIBILITY_BUILD_ON_PUBLISH", True):
        return
    for page in pages:
        _enqueue(build_page_variants_task, page.pk)
        _enqueue(build_page_variants_task, page.leichte_sprache_source.page_id)


class LeichteSpracheDemo(DemoContribution):
    """Leichte Sprache versions of each demo network's start page and first content page;
    no audio or PDF builds while the demo loads, only for the new Leichte Sprache pages after."""

    order = 10

    def __init__(self):
        self.created = []

    def suspended(self):
        return variant_builds_suspended()

    def add_to_networks(self, specs):
        self.created = build_leichte_sprache_demo(specs)
        use_reader_review_in_demo(specs)  # Altona: Leichte Sprache pages go through readers
        return [f"Leichte Sprache: {len(self.created)} Seiten neu"] if self.created else []

    def after_build(self):
        queue_demo_variant_builds(self.created)
        self.created = []


REVIEW_NETWORKS = ("altona",)  # demo networks whose Leichte Sprache pages go through readers


@transaction.atomic
def use_reader_review_in_demo(specs):
    """The Altona demo network sends its Leichte Sprache pages through the workflow step
    "Review by readers of the target group": a reviewers' group (the Prüfgruppe), the task,
    a workflow with it, assigned to every Leichte Sprache page of the network. Idempotent."""
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow, WorkflowPage, WorkflowTask

    from .models import TargetGroupReviewTask

    assigned = []
    for spec in specs:
        if spec["key"] not in REVIEW_NETWORKS:
            continue
        site = Site.objects.filter(hostname=spec["hostname"]).order_by("pk").select_related("root_page").first()
        if site is None:
            continue
        group, _ = Group.objects.get_or_create(name=f"Prüfgruppe {site.site_name}")
        task = TargetGroupReviewTask.objects.filter(name=f"Prüfung durch die Prüfgruppe ({site.site_name})").first()
        if task is None:
            task = TargetGroupReviewTask.objects.create(name=f"Prüfung durch die Prüfgruppe ({site.site_name})")
        task.groups.add(group)
        workflow, _ = Workflow.objects.get_or_create(name=f"Leichte Sprache {site.site_name}")
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        variants = LeichteSpracheLink.objects.filter(
            page__in=Page.objects.descendant_of(site.root_page, inclusive=True)
        ).select_related("variant")
        for link in variants:
            WorkflowPage.objects.update_or_create(page=link.variant, defaults={"workflow": workflow})
            assigned.append(link.variant)
    return assigned
