"""Sign language videos: the BITV 2.0 Anlage 2 check on real files, upload in the admin,
the public page and the API."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from wagtailmedia import get_media_model

from signlanguage.models import SignLanguageVideo, VideoCheck
from signlanguage.video import check_video, probe_video

pytestmark = pytest.mark.django_db


def test_ffprobe_reads_what_the_file_holds(videos):
    info = check_video(videos["good"])
    assert (info.width, info.height) == (640, 480)
    assert info.fps == 25
    assert info.duration_seconds == pytest.approx(2.0, abs=0.1)
    assert info.size_bytes == videos["good"].stat().st_size


@pytest.mark.parametrize(
    "name, message",
    [
        ("small", "Das Video hat 160×120 Pixel; Gebärdensprachvideos brauchen mindestens 320×240 (BITV 2.0 Anlage 2)."),
        (
            "slow",
            "Das Video hat 15 Bilder pro Sekunde; Gebärdensprachvideos brauchen mindestens 25 (BITV 2.0 Anlage 2).",
        ),
    ],
)
def test_videos_below_bitv_are_refused_with_a_clear_message(videos, name, message):
    with pytest.raises(ValidationError) as refused:
        check_video(videos[name])
    assert refused.value.messages == [message]


def test_a_file_that_is_no_video_is_refused(tmp_path):
    fake = tmp_path / "video.mp4"
    fake.write_bytes(b"this is text, not a video")
    with pytest.raises(ValidationError, match="kein Video, das wir lesen können"):
        probe_video(fake)


def upload(client, path):
    with open(path, "rb") as handle:
        return client.post(
            reverse("wagtailmedia:add", args=["video"]),
            {"title": f"DGS {path.stem}", "file": SimpleUploadedFile(path.name, handle.read(), "video/mp4")},
        )


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw-admin-123")
    client.force_login(admin)
    return client


@pytest.mark.parametrize("name, words", [("small", "160×120 Pixel"), ("slow", "15 Bilder pro Sekunde")])
def test_admin_upload_below_bitv_is_refused_and_stores_nothing(admin_client, videos, name, words):
    response = upload(admin_client, videos[name])
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not get_media_model().objects.exists()


def test_admin_upload_of_a_good_video_stores_its_metadata(admin_client, videos):
    response = upload(admin_client, videos["good"])
    assert response.status_code == 302
    media = get_media_model().objects.get()
    assert (media.width, media.height) == (640, 480)
    check = VideoCheck.objects.get(media=media)
    assert (check.width, check.height, check.fps) == (640, 480, 25)
    assert check.duration_seconds == pytest.approx(2.0, abs=0.1)
    assert check.size_bytes == videos["good"].stat().st_size


def test_a_page_cannot_get_a_video_below_bitv(make_network, media_from, videos):
    net = make_network("delta")
    video = SignLanguageVideo(page=net.news, video=media_from(videos["slow"]))
    with pytest.raises(ValidationError) as refused:
        video.full_clean()
    assert "15 Bilder pro Sekunde" in str(refused.value.message_dict["video"])


@pytest.fixture
def page_with_video(make_network, media_from, videos):
    net = make_network("gamma")
    video = SignLanguageVideo(page=net.news, video=media_from(videos["good"], "Sprachcafé in DGS"))
    video.full_clean()
    video.save()
    net.video = video
    return net


def test_public_page_offers_the_video_for_download_with_size_duration_and_dgs_mark(client, page_with_video):
    net = page_with_video
    response = client.get(net.news.url, HTTP_HOST=net.site.hostname)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<video" in html and net.video.video.file.url in html
    assert f'href="{net.video.video.file.url}" download' in html
    assert "0:02 min" in html
    assert " KB" in html or " MB" in html
    assert 'class="dgs-symbol"' in html and "Deutsche Gebärdensprache" in html
    assert not response.cookies


def test_pages_without_video_show_none(client, page_with_video):
    net = page_with_video
    html = client.get(net.field.url, HTTP_HOST=net.site.hostname).content.decode()
    assert "<video" not in html


def test_template_tag_gives_the_toolbar_what_it_needs(page_with_video):
    net = page_with_video
    template = Template(
        "{% load signlanguage_tags %}{% sign_language_video page as sl %}"
        "{{ sl.url }}|{{ sl.download_url }}|{{ sl.size_bytes }}|{{ sl.duration_seconds }}|"
        "{{ sl.width }}x{{ sl.height }}|{{ sl.poster_url }}"
    )
    url, download, size, seconds, dimensions, poster = template.render(Context({"page": net.news})).split("|")
    assert url == download == net.video.video.file.url
    assert int(size) == net.video.video.file.size
    assert float(seconds.replace(",", ".")) == pytest.approx(2.0, abs=0.1)  # rendered in German
    assert dimensions == "640x480" and poster == "None"
    empty = Template("{% load signlanguage_tags %}{% sign_language_video page as sl %}{{ sl|default:'none' }}")
    assert empty.render(Context({"page": net.field})) == "none"


def test_api_returns_the_video_of_a_page(client, page_with_video):
    net = page_with_video
    data = client.get(f"/api/v3/sign-language/pages/{net.news.pk}/", HTTP_HOST=net.site.hostname).json()
    assert data["page_id"] == net.news.pk
    video = data["video"]
    assert video["url"].endswith(net.video.video.file.url) and video["url"].startswith("http")
    assert (video["width"], video["height"], video["fps"]) == (640, 480, 25)
    assert video["size_bytes"] == net.video.video.file.size
    assert video["duration_seconds"] == pytest.approx(2.0, abs=0.1)
    missing = client.get(f"/api/v3/sign-language/pages/{net.field.pk}/", HTTP_HOST=net.site.hostname)
    assert missing.status_code == 404


def test_editor_attaches_videos_only_to_pages_of_their_own_network(client, two_networks, media_from, videos):
    alpha, beta = two_networks.a, two_networks.b
    media = media_from(videos["good"])
    client.force_login(alpha.editor)
    url = reverse("wagtailsnippets_signlanguage_signlanguagevideo:add")
    refused = client.post(url, {"page": beta.news.pk, "video": media.pk})
    assert refused.status_code == 200
    assert "Sie können Videos nur zu Seiten Ihres eigenen Netzwerks hinzufügen." in refused.content.decode()
    assert not SignLanguageVideo.objects.exists()
    accepted = client.post(url, {"page": alpha.news.pk, "video": media.pk})
    assert accepted.status_code == 302
    assert SignLanguageVideo.objects.get().site == alpha.site
    video = SignLanguageVideo.objects.get()
    edit_url = reverse("wagtailsnippets_signlanguage_signlanguagevideo:edit", args=[video.pk])
    assert edit_url in client.get(reverse("wagtailsnippets_signlanguage_signlanguagevideo:list")).content.decode()
    client.force_login(beta.editor)
    listing = client.get(reverse("wagtailsnippets_signlanguage_signlanguagevideo:list"))
    assert listing.status_code == 200 and edit_url not in listing.content.decode()
    denied = client.get(edit_url)
    assert denied.status_code == 404  # another network's video does not exist for them


def test_page_editor_links_to_the_pages_sign_language_video(admin_client, page_with_video):
    net = page_with_video
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[net.field.pk])).content.decode()
    add_url = reverse("wagtailsnippets_signlanguage_signlanguagevideo:add") + f"?page={net.field.pk}"
    assert add_url in html and "Gebärdensprachvideo" in html
    form = admin_client.get(add_url)
    assert form.status_code == 200 and f'value="{net.field.pk}"' in form.content.decode()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[net.news.pk])).content.decode()
    assert reverse("wagtailsnippets_signlanguage_signlanguagevideo:edit", args=[net.video.pk]) in html


@pytest.mark.parametrize("model", ["bitvexplanation", "accessibilityfeedback", "signlanguagevideo"])
def test_accessibility_admin_lists_open(admin_client, page_with_video, model):
    assert admin_client.get(reverse(f"wagtailsnippets_signlanguage_{model}:list")).status_code == 200


def test_an_audio_file_cannot_be_a_sign_language_video(make_network, media_from, videos):
    net = make_network("epsilon")
    media = media_from(videos["good"], "Hörbeitrag")
    media.type = "audio"
    media.save()
    with pytest.raises(ValidationError) as refused:
        SignLanguageVideo(page=net.news, video=media).full_clean()
    assert refused.value.message_dict["video"] == [
        "„Hörbeitrag“ wurde nicht als Video hochgeladen. Bitte laden Sie es als Video hoch."
    ]


def test_a_video_below_bitv_gets_only_the_bitv_message_not_an_empty_file_extension_error(admin_client, videos):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="chefin"))
    profile.preferred_language = "de"
    profile.save()
    html = upload(admin_client, videos["small"]).content.decode()
    assert "160×120 Pixel" in html
    assert "Dateiendung" not in html and "File extension" not in html
