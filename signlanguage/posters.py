"""Poster images for sign language videos, taken from the video itself with ffmpeg.

A ``<video>`` without a poster shows a black box until it is played: on a start page with four
DGS explanations that was most of the first screen. When an editor uploads a video without a
thumbnail of their own, a Celery task takes one frame (a tenth into the video, at most three
seconds in, past fade-ins) and stores it as the media item's thumbnail; the players use it as
``poster=``. A poster an editor uploaded is never replaced; a generated one is made again when
the video file is replaced.
"""

import os
import shutil
import subprocess
import tempfile

from django.core.files.base import ContentFile

from .models import VideoCheck, check_media, local_path

FFMPEG_TIMEOUT = 60  # seconds; one frame of a sane video takes well under one
POSTER_PREFIX = "dgs-poster-"  # marks posters we made (editors' own thumbnails are kept)
POSTER_MAX_WIDTH = 1280


class PosterError(RuntimeError):
    """ffmpeg could not take a frame from the video."""


def poster_time(duration_seconds):
    return round(min(max(duration_seconds, 0) * 0.1, 3.0), 2)


def extract_frame(video_path, at_seconds, out_path):
    """Write one frame of the video at ``at_seconds`` as a JPEG (at most 1280 px wide)."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise PosterError("ffmpeg is not installed")
    command = [
        ffmpeg,
        "-y",
        "-v",
        "error",
        "-ss",
        str(at_seconds),
        "-i",
        str(video_path),
        "-frames:v",
        "1",
        "-vf",
        f"scale='min({POSTER_MAX_WIDTH},iw)':-2",
        "-q:v",
        "3",
        str(out_path),
    ]
    completed = subprocess.run(command, capture_output=True, timeout=FFMPEG_TIMEOUT, check=False)
    if completed.returncode != 0 or not os.path.exists(out_path) or os.path.getsize(out_path) == 0:
        raise PosterError(completed.stderr.decode(errors="replace")[-500:] or "no frame written")


def is_generated(media):
    return bool(media.thumbnail) and os.path.basename(media.thumbnail.name).startswith(POSTER_PREFIX)


def needs_poster(media):
    """A video without a thumbnail, or with one we made from a file since replaced."""
    if media is None or media.type != "video" or not media.file:
        return False
    if not media.thumbnail:
        return True
    if not is_generated(media):
        return False  # the editor's own poster
    check = VideoCheck.objects.filter(media=media).only("poster_from").first()
    return check is None or check.poster_from != media.file.name


def build_poster(media):
    """Take the poster frame of ``media`` and store it as its thumbnail. Returns whether a new
    poster was stored (False when the video already has one that fits)."""
    if not needs_poster(media):
        return False
    check = check_media(media)
    with local_path(media.file) as video_path, tempfile.TemporaryDirectory() as folder:
        frame = os.path.join(folder, "poster.jpg")
        extract_frame(video_path, poster_time(check.duration_seconds), frame)
        with open(frame, "rb") as handle:
            data = handle.read()
    stem = os.path.splitext(os.path.basename(media.file.name))[0][:60]
    old = media.thumbnail.name if is_generated(media) else None
    media.thumbnail.save(f"{POSTER_PREFIX}{stem}.jpg", ContentFile(data), save=False)
    # update(): no post_save, so saving the poster does not start another round of checks.
    type(media).objects.filter(pk=media.pk).update(thumbnail=media.thumbnail.name)
    VideoCheck.objects.filter(media=media).update(poster_from=media.file.name)
    if old and old != media.thumbnail.name:
        media.thumbnail.storage.delete(old)
    return True
