"""Extension points of ``home``, the base every other app stands on.

``home`` imports no feature app. A feature app that adds something to the network's pages,
its editors or its demo content registers it here in its ``AppConfig.ready()``; ``home``'s own
code (API listings, editor groups, ``load_demo``) calls what is registered. A test
(tests/test_architecture.py) keeps ``home`` free of feature-app imports.
"""

from contextlib import ExitStack, contextmanager, nullcontext

_listing_prefetchers = []
_editor_permissions = {}
_demo_contributions = []


# --- API --------------------------------------------------------------------------------------


def home_page_models():
    """Every concrete page type ``home`` defines."""
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if model._meta.app_label == "home"]


def add_page_api_field(name, getter, prefetch=None):
    """Give every page type of ``home`` a read-only property ``name`` (computed by
    ``getter(page)``, no database column) and an API field of that name. ``prefetch(pages)``,
    if given, loads what ``getter`` needs for a whole API listing in fixed queries and returns
    the pages."""
    from wagtail.api import APIField

    for model in home_page_models():
        if name not in model.__dict__:
            setattr(model, name, property(getter))
        if name not in {getattr(field, "name", field) for field in model.api_fields}:
            model.api_fields = [*model.api_fields, APIField(name)]
    if prefetch is not None and prefetch not in _listing_prefetchers:
        _listing_prefetchers.append(prefetch)


def prefetch_for_listing(pages):
    """Run every registered listing prefetch over ``pages`` (a list); returns the pages."""
    for prefetch in _listing_prefetchers:
        pages = prefetch(pages)
    return pages


# --- editor groups ----------------------------------------------------------------------------


def grant_to_editors(app_label, codenames):
    """Model permissions of a feature app every network's editor group gets. The app's
    permission policy narrows them to the editor's own network."""
    _editor_permissions.setdefault(app_label, set()).update(codenames)


def editor_permissions():
    """``{app_label: codenames}`` registered by the feature apps."""
    return {label: tuple(sorted(codenames)) for label, codenames in _editor_permissions.items()}


# --- demo content -----------------------------------------------------------------------------


class DemoContribution:
    """What a feature app adds to the demo networks of ``load_demo``. Override what you need;
    every step must keep what exists (``load_demo`` runs repeatedly)."""

    #: Contributions run in this order (lower first), then in registration order.
    order = 100

    def suspended(self):
        """A context manager around the whole build, e.g. to hold back background work."""
        return nullcontext()

    def add_pages(self, home_page):
        """Pages below one network's start page, before its menu is finished. Returns how
        many pages were created."""
        return 0

    def add_to_networks(self, specs):
        """After all networks in ``specs`` are built. Returns lines for ``load_demo`` to
        print (may be empty)."""
        return []

    def after_build(self):
        """After the build is committed, e.g. to queue background work."""


def add_demo_content(contribution):
    """Register a ``DemoContribution`` (an instance)."""
    if all(type(existing) is not type(contribution) for existing in _demo_contributions):
        _demo_contributions.append(contribution)


def demo_contributions():
    return sorted(_demo_contributions, key=lambda contribution: contribution.order)


@contextmanager
def demo_builds_suspended():
    """Every contribution's ``suspended()`` context at once."""
    with ExitStack() as stack:
        for contribution in demo_contributions():
            stack.enter_context(contribution.suspended())
        yield
