"""The submit action of Wagtail's default workflow reads German in the page editor."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_editor_reads_the_default_workflows_submit_action_in_german(client, make_network):
    from wagtail.models import Workflow

    assert Workflow.objects.filter(name="Freigabe durch die Moderation").exists()
    network = make_network("lambda")
    client.force_login(network.editor)
    content = client.get(reverse("wagtailadmin_pages:edit", args=[network.news.pk])).content.decode()
    assert "Zur Prüfung einreichen: Freigabe durch die Moderation" in content
    assert "Moderators approval" not in content
