import pytest

from responsecache import generations


@pytest.fixture
def response_cache(settings):
    """The response cache on, as in production, starting from a fresh generation (answers stored
    by earlier tests with the same hostnames are never read)."""
    settings.RESPONSE_CACHE_ENABLED = True
    generations.bump([generations.GLOBAL])
    return generations.cache()
