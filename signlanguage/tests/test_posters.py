"""Sign language players show a frame of their video instead of a black box: ffmpeg takes the
poster from the real video (a tiny one made by ffmpeg here), a Celery task does it after upload,
an editor's own poster is kept, and a replaced video gets a new poster."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageStat
from wagtail.models import Collection
from wagtailmedia import get_media_model

from signlanguage.models import SignLanguageVideo, VideoCheck
from signlanguage.posters import build_poster, needs_poster, poster_time

pytestmark = pytest.mark.django_db


def picture(field_file):
    field_file.open("rb")
    try:
        return Image.open(io.BytesIO(field_file.read()))
    finally:
        field_file.close()


def test_the_poster_is_a_real_frame_of_the_video(media_from, videos):
    media = media_from(videos["good"])
    assert needs_poster(media)
    assert build_poster(media) is True
    media.refresh_from_db()
    poster = picture(media.thumbnail)
    assert poster.format == "JPEG" and poster.size == (640, 480)
    # ffmpeg's test picture: colour bars and moving patterns, not a black or empty frame
    spread = ImageStat.Stat(poster.convert("L")).stddev[0]
    assert spread > 20
    assert not needs_poster(media) and build_poster(media) is False  # made once


def test_the_frame_is_taken_past_fade_ins_but_early():
    assert poster_time(2.0) == 0.2
    assert poster_time(120.0) == 3.0
    assert poster_time(0) == 0


def test_an_uploaded_video_gets_its_poster_from_the_task_and_the_player_shows_it(
    client, make_network, videos, django_capture_on_commit_callbacks
):
    net = make_network("poster")
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw-admin-123")
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True), open(videos["good"], "rb") as handle:
        response = client.post(
            reverse("wagtailmedia:add", args=["video"]),
            {
                "title": "DGS Sprachcafé",
                "file": SimpleUploadedFile("sprachcafe.mp4", handle.read(), "video/mp4"),
                "collection": Collection.objects.get(name=net.site.site_name).pk,
            },
        )
    assert response.status_code == 302
    media = get_media_model().objects.get()
    assert media.thumbnail.name.startswith("media_thumbnails/dgs-poster-sprachcafe")
    assert VideoCheck.objects.get(media=media).poster_from == media.file.name
    video = SignLanguageVideo(page=net.news, video=media)
    video.full_clean()
    video.save()
    html = client.get(net.news.url, HTTP_HOST=net.site.hostname).content.decode()
    assert f'poster="{media.thumbnail.url}"' in html


def test_an_editors_own_poster_is_kept(media_from, videos):
    media = media_from(videos["good"])
    own = io.BytesIO()
    Image.new("RGB", (640, 480), "navy").save(own, "JPEG")
    media.thumbnail.save("unser-titelbild.jpg", ContentFile(own.getvalue()), save=False)
    get_media_model().objects.filter(pk=media.pk).update(thumbnail=media.thumbnail.name)
    media.refresh_from_db()
    assert not needs_poster(media) and build_poster(media) is False
    assert media.thumbnail.name.startswith("media_thumbnails/unser-titelbild")


def test_a_replaced_video_gets_a_new_poster_and_the_old_one_goes(media_from, videos):
    media = media_from(videos["good"])
    build_poster(media)
    media.refresh_from_db()
    first = media.thumbnail.name
    with open(videos["good"], "rb") as handle:
        media.file.save("neue-fassung.mp4", File(handle), save=False)
    media.save()
    assert needs_poster(media)
    build_poster(media)
    media.refresh_from_db()
    assert "neue-fassung" in media.thumbnail.name
    assert not media.thumbnail.storage.exists(first)


def test_a_chosen_poster_image_wins_over_the_generated_one(page_with_video_and_poster):
    net, image = page_with_video_and_poster
    described = net.video.describe()
    assert described["poster_url"] == image.get_rendition("max-1280x720").url


@pytest.fixture
def page_with_video_and_poster(make_network, media_from, videos):
    from wagtail.images import get_image_model

    net = make_network("titelbild")
    media = media_from(videos["good"])
    build_poster(media)
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "teal").save(buffer, "PNG")
    image = get_image_model().objects.create(title="Titelbild", file=ContentFile(buffer.getvalue(), "titel.png"))
    net.video = SignLanguageVideo.objects.create(page=net.news, video=media, poster=image)
    return net, image
