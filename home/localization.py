"""Snippets in the reader's language: a page shows each contact, organisation and funder in
the page's language where a translation exists, otherwise the German source (the row the page
names when nobody has translated it yet). One query per kind of snippet, however many a page
lists."""

from wagtail.models import Locale

_LANGUAGE_CODES: dict[int, str] = {}


def language_code_of(locale_id):
    """The language code of a locale id, without a query per snippet (locales are few and an id
    never changes its language; the table is read again when an unknown id turns up)."""
    if locale_id not in _LANGUAGE_CODES:
        _LANGUAGE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return _LANGUAGE_CODES.get(locale_id, "")


def locale_of(page=None, language_code=None):
    """The locale a page (or, without one, a language code or the active language) is read in."""
    if page is not None and getattr(page, "locale_id", None):
        return page.locale
    if language_code:
        return Locale.objects.filter(language_code=language_code).first() or Locale.get_default()
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def in_language(objects, locale, prepare=None):
    """``objects`` (snippets of one model, ``None`` allowed) replaced by their translation in
    ``locale`` where one exists. ``prepare`` narrows or enriches the translations' queryset
    (``select_related`` …) so they come with what the caller shows."""
    objects = list(objects)
    wanted = [obj for obj in objects if obj is not None and obj.locale_id != locale.pk]
    if not wanted:
        return objects
    queryset = type(wanted[0]).objects.filter(locale=locale, translation_key__in={o.translation_key for o in wanted})
    if prepare is not None:
        queryset = prepare(queryset)
    found = {obj.translation_key: obj for obj in queryset}
    return [found.get(obj.translation_key, obj) if obj is not None else None for obj in objects]


def one_in_language(obj, locale, prepare=None):
    return in_language([obj], locale, prepare)[0]


def items_in_language(items, attribute, locale, prepare=None):
    """Inline items of a page (``HomePageContact`` …) with their snippet ``attribute`` swapped for
    its translation; the items themselves are returned as a list."""
    items = list(items)
    translated = in_language([getattr(item, attribute) for item in items], locale, prepare)
    for item, obj in zip(items, translated, strict=True):
        setattr(item, attribute, obj)
    return items


def contacts_ready_for_cards(queryset):
    """Everything a contact card shows, loaded with the contacts."""
    return queryset.select_related("organisation", "photo").prefetch_related("office_hours", "photo__renditions")


def localize_contact_organisations(contacts, locale):
    """The organisations named on contact cards, in the same language as the cards."""
    contacts = [c for c in contacts if c is not None]
    organisations = in_language([c.organisation for c in contacts], locale)
    for contact, organisation in zip(contacts, organisations, strict=True):
        if organisation is not None:
            contact.organisation = organisation
    return contacts


def localized_snippet_map(model, translation_keys, locale):
    """``{translation_key: row}`` for one model: the row in ``locale`` or else the German one."""
    default = Locale.get_default()
    rows = model.objects.filter(translation_key__in=set(translation_keys), locale__in=[locale, default])
    chosen = {}
    for row in rows:
        if row.translation_key not in chosen or row.locale_id == locale.pk:
            chosen[row.translation_key] = row
    return chosen
