"""A CDN or Varnish in front is purged on the same events as our own cache."""

import pytest

from conftest import publish
from tests.receiver import Receiver

pytestmark = pytest.mark.django_db


def test_publishing_sends_a_purge_of_the_network_to_the_frontend_cache(
    make_network, settings, django_capture_on_commit_callbacks
):
    net = make_network("alpha")
    with Receiver() as varnish:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": varnish.url}
        }
        with django_capture_on_commit_callbacks(execute=True):
            net.news.title = "Sprachcafé am Mittwoch"
            publish(net.news)
        purges = [r for r in varnish.wait_for(2) if r.method == "PURGE"]
    hosts_and_paths = {(r.headers.get("Host"), r.path) for r in purges}
    assert ("alpha.localhost", "/") in hosts_and_paths  # the whole network (a ban in Varnish)
    assert ("alpha.localhost", "/aktuelles/sprachcafe/") in hosts_and_paths  # Wagtail's page purge


def test_a_contact_change_purges_only_its_own_network(two_networks, settings, django_capture_on_commit_callbacks):
    a = two_networks.a
    with Receiver() as varnish:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": varnish.url}
        }
        with django_capture_on_commit_callbacks(execute=True):
            a.contact.name = "Ayşe Demir"
            a.contact.save()
        purges = varnish.wait_for(1)
    assert {(r.method, r.headers.get("Host"), r.path) for r in purges} == {("PURGE", "alpha.localhost", "/")}
