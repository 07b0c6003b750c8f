"""Which pages anonymous readers may see, in the query that lists them.

Wagtail's ``QuerySet.public()`` first loads every view restriction and then filters: two
queries each time a page, its menu, its translations or its statement link are looked up.
:func:`public` asks the same question inside the one query (NOT EXISTS a restriction on the
page or on one of its ancestors), so a page view needs fewer queries."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def restricted_here():
    """A restriction on the outer page or on one of its ancestors (its path is a prefix)."""
    return PageViewRestriction.objects.annotate(prefix=Substr(OuterRef("path"), 1, Length("page__path"))).filter(
        page__path=F("prefix")
    )


def public(queryset):
    """``queryset`` without the pages a view restriction hides (like ``.public()``), one query."""
    return queryset.exclude(Exists(restricted_here()))
