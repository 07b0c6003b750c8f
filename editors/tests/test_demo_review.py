"""The Altona demo network sends its Leichte Sprache pages through the workflow step
"Review by readers of the target group", so the step can be tried in the demo."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from accessibility.models import LeichteSpracheLink, TargetGroupReviewTask

pytestmark = pytest.mark.django_db


def test_altonas_leichte_sprache_pages_use_the_reader_review_workflow(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", quiet=True, network=["altona", "herne"])
    call_command("load_demo", quiet=True, network=["altona"])  # safe to run twice
    altona = Site.objects.get(hostname="altona.localhost")
    links = LeichteSpracheLink.objects.filter(page__in=Page.objects.descendant_of(altona.root_page, inclusive=True))
    assert links.count() >= 1
    for link in links:
        workflow = link.variant.get_workflow()
        assert workflow is not None and workflow.active
        [task] = [t.specific for t in workflow.tasks.all()]
        assert isinstance(task, TargetGroupReviewTask)
        assert [g.name for g in task.groups.all()] == [f"Prüfgruppe {altona.site_name}"]
    herne = Site.objects.get(hostname="herne.localhost")
    herne_links = LeichteSpracheLink.objects.filter(
        page__in=Page.objects.descendant_of(herne.root_page, inclusive=True)
    )
    for link in herne_links:
        workflow = link.variant.get_workflow()
        assert workflow is None or not any(isinstance(t.specific, TargetGroupReviewTask) for t in workflow.tasks.all())
