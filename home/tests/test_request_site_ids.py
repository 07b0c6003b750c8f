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
