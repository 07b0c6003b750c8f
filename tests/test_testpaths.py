"""CI runs what pytest collects from ``testpaths``: an app whose tests are missing there is
never tested in CI (editors, operations, responsecache and webhooks once were, unnoticed)."""

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_apps_tests_are_collected():
    config = configparser.ConfigParser()
    config.read(ROOT / "pytest.ini")
    collected = set(config["pytest"]["testpaths"].split())
    with_tests = {path.parent.name for path in ROOT.glob("*/tests") if not path.parent.name.startswith(".")}
    with_tests |= {path.parent.name for path in ROOT.glob("*/test_*.py") if path.parent != ROOT}
    with_tests -= {"bench"}
    assert with_tests - collected == set()
