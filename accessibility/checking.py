"""Running the Leichte Sprache checker on Leichte Sprache pages: per revision (stored), on
demand for the admin's live check, and with each site's separator and glossary."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision

from .leichte_sprache import TextTooLong, check
from .models import LeichteSpracheCheck, LeichteSpracheLink, LeichteSpracheSettings
from .text import plain_text, reading_order


def site_preferences(site):
    """(glossary, separator) of a site; the checker's defaults without a site."""
    if site is None:
        return None, "\u00b7"
    prefs = LeichteSpracheSettings.for_site(site)
    return prefs.glossary_dict() or None, prefs.separator


def check_text(text, site=None):
    """Check free text with the site's preferences: ``{"findings", "scores"}``. Raises
    TextTooLong for texts above the checker's limit."""
    glossary, separator = site_preferences(site)
    return check(text, glossary=glossary, separator=separator).to_dict()


def is_page_revision(revision):
    return revision.base_content_type_id == ContentType.objects.get_for_model(Page).pk


def check_revision(revision, force=False):
    """Check one revision of a Leichte Sprache page and store the result on it. Returns the
    :class:`LeichteSpracheCheck`, or None when the revision is not of a Leichte Sprache page.
    A revision never changes, so an existing check is kept unless ``force`` is given (after a
    change of the site's glossary or separator)."""
    if not is_page_revision(revision):
        return None
    if not LeichteSpracheLink.objects.filter(variant_id=int(revision.object_id)).exists():
        return None
    existing = None if force else LeichteSpracheCheck.objects.filter(revision=revision).first()
    if existing is not None:
        return existing
    page = revision.as_object()
    text = plain_text(reading_order(page))
    try:
        result, error = check_text(text, page.get_site()), ""
    except TextTooLong as too_long:
        result, error = {"findings": [], "scores": {}}, str(too_long)
    stored, _ = LeichteSpracheCheck.objects.update_or_create(
        revision=revision,
        defaults={
            "page_id": page.pk,
            "text": text,
            "findings": result["findings"],
            "scores": result["scores"],
            "error": error,
        },
    )
    return stored


def check_revision_id(revision_id):
    revision = Revision.objects.filter(pk=revision_id).first()
    return check_revision(revision) if revision else None


def latest_check(page, live=False):
    """The stored check of the page's live revision (``live=True``) or of its latest one."""
    revision_id = page.live_revision_id if live else page.latest_revision_id
    if not revision_id:
        return None
    return LeichteSpracheCheck.objects.filter(revision_id=revision_id).first()
