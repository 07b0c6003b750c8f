"""Audio and PDF of a page that left the public site are deleted after the grace period."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from django.utils import timezone

from accessibility.models import PageVariant
from operations.retention import purge_unpublished_variants

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


def variant(page, kind, days_old):
    item = PageVariant.objects.create(page=page, kind=kind, status="current")
    item.file.save(f"{page.pk}-{kind}.bin", ContentFile(b"x" * 10))
    PageVariant.objects.filter(pk=item.pk).update(updated_at=timezone.now() - datetime.timedelta(days=days_old))
    return PageVariant.objects.get(pk=item.pk)


def test_unpublished_pages_lose_their_files_after_the_grace_period(media, make_network):
    network = make_network("rente")
    live_audio = variant(network.news, "audio", days_old=90)
    network.field.unpublish()
    recent = variant(network.field, "audio", days_old=3)
    network.news_index.unpublish()
    old = variant(network.news_index, "pdf", days_old=45)
    orphan = default_storage.save("variants/deleted-page.opus", ContentFile(b"old audio"))

    with override_settings(VARIANT_RETENTION_DAYS=30):
        # the orphan file is new: it stays until it is older than the grace period too
        assert purge_unpublished_variants() == (1, 0)
        assert PageVariant.objects.filter(pk=live_audio.pk).exists()  # live page: kept however old
        assert PageVariant.objects.filter(pk=recent.pk).exists()  # within the grace period
        assert not PageVariant.objects.filter(pk=old.pk).exists()
        assert not (media / old.file.name).exists()
        assert (media / live_audio.file.name).exists()

        later = timezone.now() + datetime.timedelta(days=31)
        removed_rows, removed_files = purge_unpublished_variants(now=later)
    assert removed_rows == 1  # the unpublished page's recent variant is now past its grace period too
    assert removed_files == 1
    assert not (media / orphan).exists()
    assert (media / live_audio.file.name).exists()
