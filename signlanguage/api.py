"""``/api/v3/sign-language/``: a page's DGS video and a network's BITV §4 explanations.

- ``GET /api/v3/sign-language/pages/{id}/``: the video (URL, download URL, size, duration,
  width, height, fps, poster) of a live, public page; 404 when the page has none.
- ``GET /api/v3/sign-language/explanations/?site=<hostname>``: the four explanations in
  Leichte Sprache with their DGS videos.
"""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.models import Page

from home.api import requested_site

from .models import BITVExplanation, SignLanguageVideo

sign_language_router = Router(tags=["sign language"], auth=[AllowAnonymous()])


class VideoOut(Schema):
    title: str
    url: str
    download_url: str
    size_bytes: int
    duration_seconds: float
    width: int
    height: int
    fps: float
    poster_url: str | None


class PageVideoOut(Schema):
    page_id: int
    video: VideoOut


class ExplanationOut(Schema):
    key: str
    heading: str
    text: str
    video: VideoOut | None


class ExplanationsOut(Schema):
    site: str
    explanations: list[ExplanationOut]


def absolute(request, video):
    if video is None:
        return None
    for key in ("url", "download_url", "poster_url"):
        if video.get(key) and video[key].startswith("/"):
            video[key] = request.build_absolute_uri(video[key])
    return video


@sign_language_router.get(
    "/pages/{page_id}/",
    response=PageVideoOut,
    url_name="sign_language_page_video",
    operation_id="sign_language_page_video",
    summary="The DGS video of a page",
)
def page_video(request: HttpRequest, page_id: int):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    video = SignLanguageVideo.objects.filter(page=page).select_related("video", "video__video_check", "poster").first()
    if video is None:
        raise Http404("This page has no sign language video.")
    return {"page_id": page.pk, "video": absolute(request, video.describe())}


@sign_language_router.get(
    "/explanations/",
    response=ExplanationsOut,
    url_name="sign_language_explanations",
    operation_id="sign_language_explanations",
    summary="BITV 2.0 §4 explanations of a network in Leichte Sprache and DGS",
)
def explanations(request: HttpRequest):
    site = requested_site(request)
    explanation = get_object_or_404(BITVExplanation, site=site)
    return {
        "site": site.hostname,
        "explanations": [
            {"key": t["key"], "heading": t["heading"], "text": t["text"], "video": absolute(request, t["video"])}
            for t in explanation.topics()
        ],
    }
