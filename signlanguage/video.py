"""Reading a video's properties with ffprobe and checking them against BITV 2.0 Anlage 2.

BITV 2.0 Anlage 2 asks sign language videos for at least 320×240 pixels and 25 frames per
second. We read what the file really holds (not what its name or the uploader claims) and
refuse files below that with a message an editor can act on.
"""

import json
import shutil
import subprocess
from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FFPROBE_TIMEOUT = 30  # seconds; a sane video is probed in well under one


@dataclass(frozen=True)
class VideoInfo:
    width: int
    height: int
    fps: float
    duration_seconds: float
    size_bytes: int
    codec: str


def _fraction(value):
    try:
        fraction = Fraction(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return 0.0
    return float(fraction)


def probe_video(path) -> VideoInfo:
    """Read width, height, frame rate, duration and size of the file at ``path`` with ffprobe.

    Raises ValidationError when the file is not a readable video."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        raise ValidationError(_("The video cannot be checked: ffprobe (ffmpeg) is not installed on the server."))
    try:
        completed = subprocess.run(
            [
                ffprobe,
                "-v",
                "error",
                "-print_format",
                "json",
                "-show_format",
                "-show_streams",
                "-select_streams",
                "v:0",
                str(path),
            ],
            capture_output=True,
            timeout=FFPROBE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ValidationError(_("The video could not be read in time. Is it a valid video file?")) from error
    try:
        data = json.loads(completed.stdout or b"{}")
    except ValueError:
        data = {}
    streams = data.get("streams") or []
    if completed.returncode != 0 or not streams:
        raise ValidationError(_("This file is not a video we can read. Please upload an MP4 or WebM video."))
    stream = streams[0]
    fmt = data.get("format") or {}
    fps = _fraction(stream.get("avg_frame_rate")) or _fraction(stream.get("r_frame_rate"))
    duration = _fraction(fmt.get("duration") or stream.get("duration") or 0)
    size = int(fmt.get("size") or 0)
    return VideoInfo(
        width=int(stream.get("width") or 0),
        height=int(stream.get("height") or 0),
        fps=round(fps, 3),
        duration_seconds=round(duration, 3),
        size_bytes=size,
        codec=stream.get("codec_name") or "",
    )


def bitv_problems(info: VideoInfo) -> list[str]:
    """What keeps the video from meeting BITV 2.0 Anlage 2; empty when it meets it."""
    min_width = settings.SIGN_LANGUAGE_MIN_WIDTH
    min_height = settings.SIGN_LANGUAGE_MIN_HEIGHT
    min_fps = settings.SIGN_LANGUAGE_MIN_FPS
    problems = []
    if info.width < min_width or info.height < min_height:
        problems.append(
            _(
                "The video is %(width)s×%(height)s pixels; sign language videos need at least "
                "%(min_width)s×%(min_height)s (BITV 2.0 Anlage 2)."
            )
            % {"width": info.width, "height": info.height, "min_width": min_width, "min_height": min_height}
        )
    # 29.97 (NTSC) and 24.975 rounding noise pass, 15 fps does not.
    if info.fps + 0.05 < min_fps:
        problems.append(
            _(
                "The video has %(fps)s frames per second; sign language videos need at least "
                "%(min_fps)s (BITV 2.0 Anlage 2)."
            )
            % {"fps": f"{info.fps:g}", "min_fps": min_fps}
        )
    return problems


def check_video(path) -> VideoInfo:
    """Probe the file and raise ValidationError listing every BITV problem; return its info."""
    info = probe_video(path)
    problems = bitv_problems(info)
    if problems:
        raise ValidationError(problems)
    return info
