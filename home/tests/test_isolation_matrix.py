"""The isolation matrix: every admin URL, asked by an editor of network A about network B.

The URL list is not written down here: it is read from Django's URL resolver, so a view that
an app or a Wagtail upgrade adds is asked too. Each URL argument is filled with an object of
network B (its page, snippet, issue, subscriber, image, revision, workflow task …); an argument
the matrix does not know fails the test, naming the URL, until someone says which object it
names. Then, as the editor of network A:

- every GET and every POST of a URL naming B's object answers 400/403/404/405 or a redirect
  (Wagtail's "permission denied" goes to the dashboard), never 200 and never 500;
- every listing, report, chooser and export (URLs without arguments, snippet exports as CSV)
  answers without a trace of B: B's objects all carry the word ``xqzb``, which A must not see;
- after all of it, B's pages and site-owned rows are exactly as they were.
"""

import io
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import APIToken, Collection, Page, Workflow

from home.models import Funder, Organisation
from home.scoping import site_owned_models

pytestmark = pytest.mark.django_db

MARKER = "xqzb"  # every object of network B carries it; network A's editor must never see it

# URL names (or namespaces, ending in ":") whose arguments name nothing of a network, and why
# the matrix leaves them out. Everything else that takes an argument is asked about network B.
NOT_NETWORK_OBJECTS = {
    "wagtailadmin_password_reset_confirm": "a password reset link of a user, not an object of a network",
    "wagtailadmin_editing_sessions:": "editing sessions belong to the user who opened them",
    "wagtaillocales:": "languages are shared by all networks; editors have no permission on them",
    "wagtailadmin_workflows:": "workflows and tasks are shared; editors have no permission on them (a page's "
    "workflow actions are asked under wagtailadmin_pages)",
    "wagtail_localize:update_translations": "a translation source id; translating B's page is asked under "
    "submit_page_translation",
    "wagtail_localize:edit_string_translation": "segments of a translation, see update_translations",
    "wagtail_localize:edit_override": "segments of a translation, see update_translations",
    "wagtail_localize:download_pofile": "a translation, see update_translations",
    "wagtail_localize:upload_pofile": "a translation, see update_translations",
    "wagtail_localize:machine_translate": "a translation, see update_translations",
    "wagtail_localize:preview_translation": "a translation, see update_translations",
    "wagtail_localize:stop_translation": "a translation, see update_translations",
    "wagtailimages:create_multiple_from_uploaded_image": "an upload in progress belongs to its uploader",
    "wagtailimages:delete_upload_multiple": "an upload in progress belongs to its uploader",
    "wagtaildocs:create_multiple_from_uploaded_document": "an upload in progress belongs to its uploader",
    "wagtaildocs:delete_upload_multiple": "an upload in progress belongs to its uploader",
    "wagtailadmin_tag_model_autocomplete": "tags are shared words, not objects of a network",
    "wagtailadmin_pages:type_use": "page types are shared; the listing is asked with A's filter below",
    "wagtailadmin_pages:type_use_results": "see type_use",
    "wagtailadmin_pages:choose_parent": "page types are shared",
    "wagtailmedia:add": "a media type, not an object",
    "wagtailmedia:chooser_typed": "a media type, not an object",
    "wagtailmedia:chooser_upload": "a media type, not an object",
    "wagtailadmin_workflows:add_task": "task types are shared",
}
# Listings (no arguments) that are not asked with GET: they change the session.
NOT_GET = {"wagtailadmin_logout": "logs the editor out", "wagtailadmin_error_test": "Wagtail's deliberate 500"}


def skipped(name):
    return any(name == key or (key.endswith(":") and name.startswith(key)) for key in NOT_NETWORK_OBJECTS)


def admin_url_patterns(resolver=None, prefix="", namespace=""):
    """(route, name, argument names) of every URL below /admin/, from the resolver."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else namespace
            inner = inner or pattern.namespace or ""
            yield from admin_url_patterns(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            if not route.startswith("admin/"):
                continue
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield route, name, sorted(pattern.pattern.regex.groupindex)


# --- network B, with one object of every kind ---------------------------------------------------


def tiny_png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def build_network_b(make_network):
    from newsletter.models import NewsletterIssue, Subscriber
    from participation.models import FormSubmission
    from report.models import YearlyReport
    from signlanguage.models import AccessibilityFeedback, BITVExplanation, SignLanguageVideo
    from translations.models import TranslationRequest
    from webhooks.models import WebhookDelivery, WebhookEndpoint

    b = make_network(MARKER)
    site = b.site
    collection = Collection.objects.get(name=site.site_name)
    image = get_image_model().objects.create(
        title=f"Bild {MARKER}", file=SimpleUploadedFile(f"{MARKER}.png", tiny_png()), collection=collection
    )
    document = get_document_model().objects.create(
        title=f"Dokument {MARKER}", file=SimpleUploadedFile(f"{MARKER}.txt", b"Protokoll"), collection=collection
    )
    from wagtailmedia.models import get_media_model

    media = get_media_model().objects.create(
        title=f"Video {MARKER}",
        file=SimpleUploadedFile(f"{MARKER}.mp4", b"\0" * 16),
        type="video",
        collection=collection,
        width=640,
        height=480,
        duration=10,
    )
    apps.get_model("accessibility", "LeichteSpracheSettings").for_site(site)  # A's views may read it
    issue = NewsletterIssue.objects.create(site=site, subject=f"Ausgabe {MARKER}")
    issue.save_revision().publish()
    issue.refresh_from_db()
    endpoint = WebhookEndpoint.objects.create(site=site, name=f"Hook {MARKER}", url="https://example.org/hook")
    objects = {
        "home.contact": b.contact,
        "home.organisation": Organisation.objects.create(site=site, name=f"Verein {MARKER}"),
        "home.funder": Funder.objects.create(site=site, name=f"Stiftung {MARKER}"),
        "newsletter.newsletterissue": issue,
        "newsletter.subscriber": Subscriber.objects.create(site=site, email=f"{MARKER}@example.org", name=MARKER),
        "participation.formsubmission": FormSubmission.objects.create(
            site=site, kind="contact", name=f"Anfrage {MARKER}", email=f"{MARKER}@example.org", consent_text="ja"
        ),
        "signlanguage.signlanguagevideo": SignLanguageVideo.objects.create(site=site, page=b.news, video=media),
        "signlanguage.bitvexplanation": BITVExplanation.objects.create(
            site=site,
            contents_text=f"Inhalt {MARKER}",
            navigation_text=f"Navigation {MARKER}",
            statement_text=f"Erklärung {MARKER}",
            more_text=f"Mehr {MARKER}",
        ),
        "signlanguage.accessibilityfeedback": AccessibilityFeedback.objects.create(
            site=site, message=f"Barriere {MARKER}"
        ),
        "webhooks.webhookendpoint": endpoint,
        "report.yearlyreport": YearlyReport.objects.create(site=site, year=2025),
        "translations.translationrequest": TranslationRequest.objects.create(site=site, page=b.news, language="tr"),
        "webhooks.webhookdelivery": WebhookDelivery.objects.create(
            endpoint=endpoint, event="page.published", payload={"title": MARKER}
        ),
    }
    from django_otp_webauthn.models import WebAuthnCredential

    passkey = WebAuthnCredential.objects.create(
        user=b.editor, name=f"Passkey {MARKER}", credential_id=MARKER.encode() * 8, public_key=b"\xa5", sign_count=0
    )
    draft = b.news.get_latest_revision_as_object()
    draft.title = f"Entwurf {MARKER}"
    draft.save_revision(user=b.editor)
    b.news.refresh_from_db()
    workflow = Workflow.objects.filter(active=True).first()
    workflow_state = workflow.start(b.news, b.editor)
    b.news.refresh_from_db()
    return SimpleNamespace(
        **vars(b),
        objects=objects,
        image=image,
        document=document,
        media=media,
        collection=collection,
        workflow_state=workflow_state,
        task_state=workflow_state.current_task_state,
        api_token=APIToken.objects.filter(user=b.editor).first(),
        passkey=passkey,
    )


# --- filling a URL's arguments with network B's objects ---------------------------------------


class UnknownArgument(Exception):
    pass


def page_arguments(a, b):
    return {
        "page_id": b.news.pk,
        "pk": b.news.pk,
        "page_pk": b.news.pk,
        "parent_page_id": b.news_index.pk,
        "page_to_move_id": b.news.pk,
        "destination_id": a.news_index.pk,
        "revision_id": b.news.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "workflow_state_id": b.workflow_state.pk,
        "task_state_id": b.task_state.pk,
        "task_id": b.task_state.task_id,
        "action_name": "approve",
        "content_type_app_name": "home",
        "content_type_model_name": "newspage",
        "workflow_pk": b.workflow_state.workflow_id,
    }


def object_arguments(name, a, b):
    """Argument values naming network B's object for the URL ``name`` (UnknownArgument if the
    matrix does not know what it names)."""
    namespace, _, view = name.rpartition(":")
    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if namespace.startswith(prefix):
            app_label, _, model_name = namespace[len(prefix) :].partition("_")
            obj = b.objects[f"{app_label}.{model_name}"]
            return {
                "pk": obj.pk,
                "revision_id": getattr(obj, "latest_revision_id", None),
                "revision_id_a": "earliest",
                "revision_id_b": "latest",
                "action_name": "approve",
            }
    if namespace in ("wagtailadmin_pages", "accessibility", "wagtailforms", "wagtailadmin_workflows") or name in (
        "headless_preview",
        "wagtailadmin_explore",
        "wagtailadmin_explore_results",
        "wagtailadmin_choose_page_child",
        "wagtail_localize:submit_page_translation",
        "wagtail_localize:convert_to_alias",
        "wagtailadmin_api:pages:detail",
        "wagtailadmin_api:pages:action",
    ):
        return page_arguments(a, b)
    if name.startswith("wagtail_localize:s") and "snippet" in name:
        return {}  # app_label, model_name and pk are filled per snippet model
    by_name = {
        "wagtailadmin_api:images:detail": {"pk": b.image.pk},
        "wagtailadmin_api:documents:detail": {"pk": b.document.pk},
        "yearly_report_status": {"pk": b.objects["report.yearlyreport"].pk},
        "yearly_report_download": {"pk": b.objects["report.yearlyreport"].pk},
        "webhook_delivery_resend": {"pk": b.objects["webhooks.webhookdelivery"].pk},
        "editors_token_revoke": {"token_id": b.api_token.pk},
        "loginsecurity_passkey_rename": {"pk": b.passkey.pk},
        "loginsecurity_passkey_remove": {"pk": b.passkey.pk},
        "wagtailredirects:edit": {"redirect_id": b.redirect.pk},
        "wagtailredirects:delete": {"redirect_id": b.redirect.pk},
    }
    if name in by_name:
        return by_name[name]
    by_namespace = {
        "wagtailimages": {"image_id": b.image.pk, "filter_spec": "original"},
        "wagtailimages_chooser": {"image_id": b.image.pk, "pk": b.image.pk},
        "wagtaildocs": {"document_id": b.document.pk, "doc_id": b.document.pk},
        "wagtaildocs_chooser": {"pk": b.document.pk},
        "wagtailmedia": {"media_id": b.media.pk},
        "wagtailusers_users": {"pk": b.editor.pk},
        "wagtailusers_groups": {"pk": b.group.pk},
        "wagtailusers_api_tokens": {"pk": b.api_token.pk},
        "wagtailsites": {"pk": b.site.pk},
        "wagtailadmin_collections": {"pk": b.collection.pk, "collection_id": b.collection.pk},
        "wagtailsettings": {"pk": b.site.pk},
    }
    if namespace in by_namespace:
        return by_namespace[namespace]
    if namespace == "" and view.startswith("newsletter_"):
        return {
            "issue_id": b.objects["newsletter.newsletterissue"].pk,
            "subscriber_id": b.objects["newsletter.subscriber"].pk,
            "site_id": b.site.pk,
        }
    raise UnknownArgument(name)


def url_variants(name, arguments, a, b):
    """Concrete URLs for one pattern: settings and snippet translation URLs once per model."""
    kwargs = object_arguments(name, a, b)
    if "app_name" in arguments or "app_label" in arguments:
        if name.startswith("wagtailsettings:"):
            models = [
                "newsletter.newslettersettings",
                "accessibility.leichtesprachesettings",
                "publicsite.networkidentity",
            ]
        else:
            models = [label for label in b.objects if label.count(".") == 1 and "_" not in label]
        for label in models:
            app_label, model_name = label.split(".")
            extra = {"app_name": app_label, "app_label": app_label, "model_name": model_name}
            values = {**kwargs, **extra}
            if label in b.objects and "pk" in arguments and not name.startswith("wagtailsettings:"):
                values["pk"] = b.objects[label].pk
            yield reverse(name, kwargs={arg: values[arg] for arg in arguments})
        return
    missing = [arg for arg in arguments if kwargs.get(arg) is None]
    if missing:
        raise UnknownArgument(f"{name} ({', '.join(missing)})")
    yield reverse(name, kwargs={arg: kwargs[arg] for arg in arguments})


def bulk_action_urls(b):
    """Wagtail's bulk actions (delete, publish, unpublish, move …) with B's objects as ids."""
    bulk_action_registry._scan_for_bulk_actions()
    urls = []
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            label = f"{app_label}.{model_name}"
            if label == "wagtailcore.page":
                ids = [b.news.pk]
            elif label in b.objects:
                ids = [b.objects[label].pk]
            elif label == f"{get_image_model()._meta.label_lower}":
                ids = [b.image.pk]
            elif label == f"{get_document_model()._meta.label_lower}":
                ids = [b.document.pk]
            elif label == "auth.user" or label.endswith(".user"):
                ids = [b.editor.pk]
            else:
                continue
            for action_type in actions:
                url = reverse("wagtail_bulk_action", args=[app_label, model_name, action_type])
                urls.append(url + "?" + "&".join(f"id={pk}" for pk in ids))
    return urls


# --- the state of network B that nothing of A may change -------------------------------------


def network_state(b):
    pages = Page.objects.descendant_of(b.home, inclusive=True).order_by("path")
    state = {
        "pages": list(
            pages.values_list("pk", "path", "title", "live", "locked", "has_unpublished_changes", "latest_revision_id")
        ),
        "image": list(get_image_model().objects.filter(pk=b.image.pk).values_list("title", "collection_id")),
        "document": list(get_document_model().objects.filter(pk=b.document.pk).values_list("title", "collection_id")),
        "site": list(type(b.site).objects.filter(pk=b.site.pk).values_list("hostname", "root_page_id", "site_name")),
        "editor": list(type(b.editor).objects.filter(pk=b.editor.pk).values_list("username", "is_active", "password")),
        "passkey": list(type(b.passkey).objects.filter(pk=b.passkey.pk).values_list("name", "confirmed", "user_id")),
    }
    for model in site_owned_models():
        state[model._meta.label] = sorted(
            map(repr, model._default_manager.filter(site=b.site).values_list(*[f.attname for f in model._meta.fields]))
        )
    state["webhook deliveries"] = sorted(
        map(
            repr,
            apps.get_model("webhooks", "WebhookDelivery").objects.filter(endpoint__site=b.site).values_list("pk"),
        )
    )
    return state


def allowed_for_foreign_object(response):
    """Not found, forbidden, refused or sent elsewhere (Wagtail's permission denied redirects)."""
    return response.status_code in (302, 400, 403, 404, 405)


@pytest.fixture
def networks(make_network):
    from wagtail.contrib.redirects.models import Redirect

    a = make_network("alpha")
    b = build_network_b(make_network)
    b.redirect = Redirect.objects.create(old_path=f"/{MARKER}", site=b.site, redirect_link="https://example.org/")
    return SimpleNamespace(a=a, b=b)


def leaks(response):
    if response.status_code == 500:
        return "answered 500"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    if response.status_code == 200 and MARKER in text:
        at = text.index(MARKER)
        return f"shows network B: …{' '.join(text[max(0, at - 60) : at + 20].split())}…"
    return None


def test_every_admin_url_about_another_networks_object_is_refused_for_get_and_post(client, networks):
    a, b = networks.a, networks.b
    client.force_login(a.editor)
    client.raise_request_exception = False  # a 500 is counted, not raised
    before = network_state(b)
    problems, asked = [], 0
    urls = []
    for route, name, arguments in admin_url_patterns():
        if not arguments or name == "wagtail_bulk_action" or (name and skipped(name)):
            continue
        if not name:
            problems.append(f"{route}: a URL without a name cannot be asked; give it a name")
            continue
        try:
            urls.extend((name, url) for url in url_variants(name, arguments, a, b))
        except (UnknownArgument, KeyError) as exc:
            problems.append(f"{route} ({name}): the matrix does not know which object {exc} names")
    urls.extend(("wagtail_bulk_action", url) for url in bulk_action_urls(b))
    for name, url in urls:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            asked += 1
            problem = leaks(response)
            if problem is None and not allowed_for_foreign_object(response):
                problem = f"answered {response.status_code} for network B's object"
            if problem:
                problems.append(f"{method.upper()} {url} ({name}): {problem}")
    after = network_state(b)
    problems += [
        f"network B's {key} changed: {before[key]} -> {after[key]}" for key in before if before[key] != after[key]
    ]
    assert not problems, f"{len(problems)} of {asked} requests leak:\n" + "\n".join(problems)
    assert asked > 300  # the resolver really was walked


def test_every_admin_listing_report_chooser_and_export_hides_another_network(client, networks):
    a, b = networks.a, networks.b
    client.force_login(a.editor)
    client.raise_request_exception = False  # a 500 is counted, not raised
    problems, urls = [], []
    for _route, name, arguments in admin_url_patterns():
        if arguments or name in NOT_GET or not name:
            continue
        urls.append((name, reverse(name)))
        if name.endswith(":list") or name.endswith(":index"):
            urls.append((name, reverse(name) + "?export=csv"))
    for label, obj in b.objects.items():  # choosers and searches asked for B's words
        app_label, model_name = label.split(".")
        word = str(obj).split()[0].split("@")[-1]  # "Verein", "Ausgabe" … (A has them too)
        try:
            urls.append((label, reverse(f"wagtailsnippetchoosers_{app_label}_{model_name}:choose") + f"?q={word}"))
        except NoReverseMatch:  # not every site-owned model is a snippet
            continue
    urls += [
        ("page search", reverse("wagtailadmin_pages:search") + "?q=Sprachcafé"),
        ("page chooser search", reverse("wagtailadmin_choose_page_search") + "?q=Sprachcafé"),
        ("page type usage", reverse("wagtailadmin_pages:type_use", args=["home", "newspage"])),
        ("content type of B", reverse("wagtailadmin_pages:type_use_results", args=["home", "newspage"])),
        ("admin API pages", reverse("wagtailadmin_api:pages:listing") + "?child_of=" + str(b.news_index.pk)),
        ("admin API pages search", reverse("wagtailadmin_api:pages:listing") + "?search=Sprachcafé"),
    ]
    for name, url in urls:
        response = client.get(url)
        problem = leaks(response)
        if problem:
            problems.append(f"GET {url} ({name}): {problem}")
    assert not problems, f"{len(problems)} of {len(urls)} listings leak:\n" + "\n".join(problems)
    assert len(urls) > 100


def test_matrix_knows_every_site_owned_model_with_admin_views(networks):
    """A new site-owned model with admin views needs an object of network B in the matrix."""
    b = networks.b
    registered = set()
    for _route, name, _arguments in admin_url_patterns():
        if name and name.startswith("wagtailsnippets_"):
            app_label, _, model_name = name.split(":")[0][len("wagtailsnippets_") :].partition("_")
            registered.add(f"{app_label}.{model_name}")
    site_owned = {model._meta.label_lower for model in site_owned_models()}
    assert registered <= set(b.objects), registered - set(b.objects)
    assert registered <= site_owned | {"webhooks.webhookdelivery"}
    assert ContentType.objects.get_for_model(type(b.objects["home.contact"]))


def test_superuser_sees_every_network_in_choosers_and_filters_labelled_by_network(admin_client, networks):
    a, b = networks.a, networks.b
    root = admin_client.get(reverse("wagtailadmin_choose_page")).content.decode()
    assert a.site.site_name in root and b.site.site_name in root
    listing = admin_client.get(reverse("wagtailsnippets_home_contact:list")).content.decode()
    assert a.contact.name in listing and b.contact.name in listing
    assert f">{a.site.site_name}</option>" in listing and f">{b.site.site_name}</option>" in listing


def test_editor_finds_own_pages_in_the_page_chooser_and_filters_offer_only_their_network(client, networks):
    a, b = networks.a, networks.b
    client.force_login(a.editor)
    found = client.get(reverse("wagtailadmin_choose_page_search") + "?q=Sprachcafé").content.decode()
    assert a.news.title in found and b.news.title not in found
    listing = client.get(reverse("wagtailsnippets_home_contact:list")).content.decode()
    assert f">{a.site.site_name}</option>" in listing and b.site.site_name not in listing
    own_image = client.get(reverse("wagtailadmin_api:images:listing")).json()
    assert all(item["id"] != b.image.pk for item in own_image["items"])
