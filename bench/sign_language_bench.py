"""Benchmark of the BITV 2.0 Anlage 2 video check (ffprobe) that runs on every video upload.

Run from the repository root:  python bench/sign_language_bench.py

Generates test videos with ffmpeg (3 s 640×480 and 60 s 1280×720, H.264, 25 fps) and prints the
median time of ``signlanguage.video.check_video`` on each, against a baseline measured in the
same run: starting ``ffprobe -version`` (the cost of spawning the tool at all). The ratio shows
what reading the file adds; the upload form pays this once per uploaded video.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from signlanguage.video import check_video  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "15"))


def median_ms(func):
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        func()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def make_video(path, size, seconds):
    subprocess.run(
        [
            shutil.which("ffmpeg"),
            "-y",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"testsrc2=size={size}:rate=25",
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
    )
    return path


def main():
    ffprobe = shutil.which("ffprobe")
    with tempfile.TemporaryDirectory() as folder:
        short = make_video(Path(folder) / "short.mp4", "640x480", 3)
        long = make_video(Path(folder) / "long.mp4", "1280x720", 60)
        baseline = median_ms(lambda: subprocess.run([ffprobe, "-version"], capture_output=True, check=True))
        print(f"baseline: spawn ffprobe -version            {baseline:7.1f} ms")
        for label, path in (("3 s 640×480", short), ("60 s 1280×720", long)):
            size_mb = path.stat().st_size / 1e6
            took = median_ms(lambda p=path: check_video(p))
            print(f"check_video {label:<14} ({size_mb:5.1f} MB) {took:7.1f} ms  = {took / baseline:4.2f}× baseline")


if __name__ == "__main__":
    main()
