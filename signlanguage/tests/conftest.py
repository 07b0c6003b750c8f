"""Real videos made with ffmpeg (once per test session): one that meets BITV 2.0 Anlage 2,
one too small, one with too few frames per second."""

import shutil
import subprocess

import pytest
from django.core.cache import cache
from django.core.files import File
from wagtailmedia import get_media_model


def make_video(path, size, rate, seconds):
    subprocess.run(
        [
            shutil.which("ffmpeg"),
            "-y",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"testsrc2=size={size}:rate={rate}",
            "-t",
            str(seconds),
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            str(path),
        ],
        check=True,
        timeout=60,
    )
    return path


@pytest.fixture(scope="session")
def videos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("videos")
    return {
        "good": make_video(folder / "gut.mp4", "640x480", 25, 2),
        "small": make_video(folder / "klein.mp4", "160x120", 25, 1),
        "slow": make_video(folder / "ruckelig.mp4", "640x480", 15, 1),
    }


@pytest.fixture
def media_from(db):
    def create(path, title="DGS-Video"):
        Media = get_media_model()
        with open(path, "rb") as handle:
            media = Media(title=title, type="video")
            media.file.save(path.name, File(handle), save=False)
            media.save()
        return media

    return create


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()
