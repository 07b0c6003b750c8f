"""Transactional tests (real workers, live servers) each start from the database as migrated:
Wagtail's page tree is there even after an earlier transactional test flushed the database."""

import pytest
from wagtail.models import Collection, Locale, Page, Site


def assert_wagtail_tree_as_migrated():
    assert Page.get_first_root_node() is not None
    assert Locale.objects.filter(language_code="de").exists()
    assert Collection.get_first_root_node() is not None
    assert Site.objects.filter(is_default_site=True).exists()


@pytest.mark.django_db(transaction=True)
def test_first_transactional_test_finds_the_tree():
    assert_wagtail_tree_as_migrated()
    Page.get_first_root_node().get_children().delete()


def test_next_transactional_test_finds_it_again(transactional_db):
    assert_wagtail_tree_as_migrated()


@pytest.mark.django_db(transaction=True)
def test_and_the_one_after(make_network):
    assert_wagtail_tree_as_migrated()
    assert make_network("epsilon").home.get_parent().depth == 1
