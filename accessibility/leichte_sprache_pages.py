"""Creating and linking Leichte Sprache versions of pages."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.models import HomePage, StandardPage

from .models import LeichteSpracheLink

SLUG_SUFFIX = "leichte-sprache"


def _free_slug(parent, slug):
    candidate, n = slug, 2
    while Page.objects.child_of(parent).filter(slug=candidate).exists():
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


@transaction.atomic
def create_leichte_sprache_version(page, user=None):
    """Create a draft Leichte Sprache version of ``page`` for editors to rewrite, and link it.

    Content pages are copied as a sibling (same type, same structure to start from); a site's
    start page gets a plain child page, since a second start page cannot exist."""
    page = page.specific
    if hasattr(page, "leichte_sprache_link"):
        raise ValidationError(_("This page already has a Leichte Sprache version."))
    if LeichteSpracheLink.objects.filter(variant_id=page.pk).exists():
        raise ValidationError(_("This page is a Leichte Sprache version itself."))
    title = f"{page.title} – Leichte Sprache"[:255]
    if isinstance(page, HomePage) or page.depth <= 2:
        variant = StandardPage(
            title=title,
            slug=_free_slug(page, SLUG_SUFFIX),
            body=getattr(page, "body", None) or [],
            live=False,
            owner=user,
        )
        page.add_child(instance=variant)
        variant.save_revision(user=user)
    else:
        parent = page.get_parent()
        variant = page.copy(
            to=parent,
            update_attrs={
                "title": title,
                "slug": _free_slug(parent, f"{page.slug}-{SLUG_SUFFIX}"),
                "live": False,
                "has_unpublished_changes": True,
            },
            keep_live=False,
            user=user,
            copy_revisions=False,
            log_action=None,
        )
    link_leichte_sprache_version(page, variant)
    return variant


def link_leichte_sprache_version(page, variant):
    """Link ``variant`` as the Leichte Sprache version of ``page`` and check its latest
    revision, so the editor sees findings at once (later revisions are checked on save)."""
    from .checking import check_revision

    link = LeichteSpracheLink(page=page, variant=variant)
    link.full_clean()
    link.save()
    revision = Page.objects.get(pk=variant.pk).latest_revision
    if revision is not None:
        check_revision(revision)
    return link
