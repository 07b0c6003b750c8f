"""A page as a newsletter item (title, teaser, link, image, date, results), in the edition a
subscriber gets: the Leichte Sprache edition links a page's Leichte Sprache version."""

from django.utils import formats, timezone


def leichte_sprache_version(page):
    """The live Leichte Sprache page linked to ``page`` (accessibility app), or None.

    The one place in the newsletter that knows how a page's Leichte Sprache variant is found.
    """
    from accessibility.variants import linked_pages

    variant, _standard = linked_pages(page)
    return variant.specific if variant is not None and variant.live else None


def absolute(url, site_root_url):
    return url if url.startswith("http") else site_root_url + url


def page_item(page, site_root_url, edition):
    # the page in the mail's language where it is translated and live (Page.localized)
    specific = page.specific.localized.specific
    if edition == "leichte_sprache":
        specific = leichte_sprache_version(specific) or specific
    item = {
        "title": specific.title,
        "teaser": getattr(specific, "teaser", "") or "",
        "url": specific.get_full_url() or "",
        "image_url": "",
        "image_alt": "",
        "meta": "",
        "results": [],
    }
    image = getattr(specific, "image", None)
    if image is not None:
        item["image_url"] = absolute(image.get_rendition("fill-1200x600").url, site_root_url)
        item["image_alt"] = image.title
    start = getattr(specific, "start", None)
    if start is not None:
        when = formats.date_format(timezone.localtime(start), "DATETIME_FORMAT")
        place = getattr(specific, "location_name", "") or ""
        item["meta"] = f"{when}, {place}" if place else when
    results = getattr(specific, "results", None)
    if results is not None:
        item["results"] = [r.value["text"] for r in results if r.block_type == "result"]
    return item


def page_action_fields(pages):
    """{page id: set of action field ids} for the chosen pages."""
    tags = {}
    for page in pages:
        specific = page.specific
        tags[page.pk] = {af.pk for af in specific.action_fields.all()} if hasattr(specific, "action_fields") else set()
    return tags
