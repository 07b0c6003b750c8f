"""The admin speaks German to a German-speaking editor: every admin view of ours renders without
a string that lacks a German translation, and without raw values ("True", "False", "None").

Two checks together:
- every catalog of ours (the project's and each app's ``locale/de``) has a German text for
  every msgid, none of them fuzzy;
- rendering each view in German records every gettext lookup that no catalog answers (ours,
  Django's, Wagtail's or a third-party app's), so a string of ours that was never added to a
  catalog, or a third-party string without German, fails too.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import trans_real
from wagtail.models import Page, Site
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile

OUR_APPS = (
    "home",
    "newsletter",
    "accessibility",
    "participation",
    "report",
    "search",
    "signlanguage",
    "translations",
    "webhooks",
    "operations",
    "publicsite",
    "responsecache",
    "editors",
)


def our_catalogs():
    root = Path(settings.BASE_DIR)
    return sorted(
        p
        for p in [
            root / "locale/de/LC_MESSAGES/django.po",
            root / "thirdparty_locale/de/LC_MESSAGES/django.po",
            *root.glob("*/locale/de/LC_MESSAGES/django.po"),
        ]
        if p.exists()
    )


def test_every_msgid_of_ours_has_a_german_translation_that_is_not_fuzzy():
    missing = []
    for path in our_catalogs():
        catalog = polib.pofile(str(path))
        for entry in catalog.untranslated_entries() + catalog.fuzzy_entries():
            missing.append(f"{path.relative_to(settings.BASE_DIR)}: {entry.msgid!r}")
    assert our_catalogs(), "no German catalogs found"
    assert not missing, "msgids without German translation:\n" + "\n".join(missing)


class VisibleText(HTMLParser):
    """The text a reader sees: no scripts, styles or templates."""

    HIDDEN = {"script", "style", "template"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


RAW_VALUE = re.compile(r"(?<![\w-])(True|False|None)(?![\w-])")


@pytest.fixture
def untranslated_lookups(monkeypatch):
    """Every msgid looked up in German that no catalog knows."""
    seen = set()
    original_gettext = trans_real.DjangoTranslation.gettext
    original_ngettext = trans_real.DjangoTranslation.ngettext

    def gettext(self, message):
        if self.language() == "de" and message and message not in self._catalog:
            seen.add(message)
        return original_gettext(self, message)

    def ngettext(self, msgid1, msgid2, n):
        if self.language() == "de":
            try:
                self._catalog.plural(msgid1, n)
            except KeyError:
                seen.add(msgid1)
        return original_ngettext(self, msgid1, msgid2, n)

    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", gettext)
    monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", ngettext)
    return seen


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", quiet=True, network=["altona"])
    return Site.objects.get(hostname="altona.localhost")


def german_editor(site, superuser=False):
    from django.contrib.auth.models import Group

    User = get_user_model()
    if superuser:
        user = User.objects.create_superuser("chefin", "chefin@example.org", "pw-admin-123")
    else:
        user = User.objects.create_user("redakteurin", password="pw-editor-123")
        user.groups.add(Group.objects.get(name=f"Redaktion {site.site_name}"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    return user


def admin_urls_of_ours(site):
    """Listings, add/edit/inspect of our snippets, our reports and views, a page edit view of
    every page type of the network, and the dashboard."""
    from accessibility.models import PageVariant
    from newsletter.models import NewsletterIssue, Subscriber

    urls = [reverse("wagtailadmin_home")]
    for model in get_snippet_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        viewset = model.snippet_viewset
        urls.append(reverse(viewset.get_url_name("list")))
        urls.append(reverse(viewset.get_url_name("add")))
        manager = model._default_manager
        obj = manager.filter(site=site).first() if hasattr(model, "site_id") else manager.first()
        if obj is not None:
            urls.append(reverse(viewset.get_url_name("edit"), args=[obj.pk]))
            if viewset.inspect_view_enabled:
                urls.append(reverse(viewset.get_url_name("inspect"), args=[obj.pk]))
    seen_types = set()
    for page in Page.objects.descendant_of(site.root_page, inclusive=True).specific():
        if type(page) in seen_types:
            continue
        seen_types.add(type(page))
        urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        urls.append(reverse("accessibility:variant_status", args=[page.pk]))
    urls += [
        reverse("accessibility:missing_report"),
        reverse("translation_requests_report"),
        reverse("yearly_reports"),
        reverse("newsletter_import"),
        reverse("webhook_deliveries"),
    ]
    issue = NewsletterIssue.objects.filter(site=site).first()
    if issue:
        urls += [reverse("newsletter_send", args=[issue.pk]), reverse("newsletter_report", args=[issue.pk])]
    subscriber = Subscriber.objects.filter(site=site).first()
    if subscriber:
        urls.append(reverse("newsletter_subscriber_erase", args=[subscriber.pk]))
    variant = PageVariant.objects.filter(page__in=Page.objects.descendant_of(site.root_page)).first()
    if variant:
        urls.append(reverse("accessibility:variant_status", args=[variant.page_id]))
    return list(dict.fromkeys(urls))


@pytest.mark.parametrize("superuser", [False, True], ids=["network editor", "superuser"])
def test_every_admin_view_of_ours_renders_in_german_without_raw_values(client, demo, untranslated_lookups, superuser):
    client.force_login(german_editor(demo, superuser=superuser))
    raw_values, rendered, refused = {}, [], []
    for url in admin_urls_of_ours(demo):
        response = client.get(url, HTTP_HOST="altona.localhost")
        if response.status_code == 302 and not superuser:
            refused.append(url)  # a view this editor may not open (e.g. adding a form submission)
            continue
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        rendered.append(url)
        text = visible_text(response.content.decode())
        found = sorted(set(RAW_VALUE.findall(text)))
        if found:
            raw_values[url] = found
    assert len(rendered) > 30, f"only {len(rendered)} views rendered, refused: {refused}"
    assert not raw_values, f"raw values shown: {raw_values}"
    assert not untranslated_lookups, "strings without German translation:\n" + "\n".join(
        sorted(map(repr, untranslated_lookups))
    )
