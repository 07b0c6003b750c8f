"""The admin menu asks for the user's networks once per request, not once per menu item."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from home.permissions import editable_site_ids, request_editable_site_ids

pytestmark = pytest.mark.django_db


def test_networks_are_asked_once_per_request(make_network, django_assert_num_queries):
    make_network("alpha")
    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", "pw-0123456789")
    request = RequestFactory().get("/admin/")
    request.user = admin
    first = request_editable_site_ids(request)
    assert first == editable_site_ids(admin)
    with django_assert_num_queries(0):
        assert request_editable_site_ids(request) == first

    request.user = get_user_model().objects.create_user("gast", "gast@example.org", "pw-0123456789")
    assert request_editable_site_ids(request) == frozenset()  # another user: asked again


def test_an_editor_edits_each_network_of_theirs_under_every_hostname_and_no_other(make_network):
    from wagtail.models import Site

    alpha, beta = make_network("alpha"), make_network("beta")
    second = Site.objects.create(hostname="alpha-zwei.localhost", port=80, root_page=alpha.site.root_page)
    assert editable_site_ids(alpha.editor) == {alpha.site.pk, second.pk}
    assert editable_site_ids(beta.editor) == {beta.site.pk}


def test_the_explorer_asks_for_an_editors_networks_once(make_network, client):
    """The scoping of the explorer (the page named in the URL, the filters' sites and people) and
    the menu share one answer per request: an editor's explorer asked five times (ten queries)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    alpha = make_network("alpha")
    client.force_login(alpha.editor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/pages/{alpha.news_index.pk}/")
    assert response.status_code == 200
    editable_roots = [
        q for q in queries.captured_queries if q["sql"].startswith('SELECT "wagtailcore_page"."id" AS "pk"')
    ]
    assert len(editable_roots) <= 2, len(editable_roots)  # the networks once and Wagtail's own (was 6)
