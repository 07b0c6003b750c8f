"""Site scoping of the admin: the one place that decides what of which network an editor sees.

Wagtail scopes pages by page permissions, but snippets, their choosers, log entries and the
page move confirmation know nothing of networks. Everything here narrows them to the sites
whose root page the user may edit (``editable_site_ids``); superusers see every network.
"""

from types import SimpleNamespace

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.http import Http404
from wagtail.models import Site

from .permissions import editable_site_ids, request_editable_site_ids


def site_field_of(model):
    """The model's foreign key (or one-to-one) to a Wagtail site, or None."""
    for field in model._meta.concrete_fields:
        if field.name == "site" and field.is_relation and field.related_model is Site:
            return field
    return None


def site_owned_models():
    """Every model that belongs to one network through a ``site`` field."""
    return [model for model in apps.get_models() if site_field_of(model) is not None]


def own_network(queryset, user):
    """The part of a queryset of a site-owned model that belongs to the user's networks."""
    if user.is_active and user.is_superuser:
        return queryset
    return queryset.filter(site_id__in=editable_site_ids(user))


def in_own_network(model, user, pk):
    """Whether the object ``pk`` of a site-owned model belongs to the user's networks."""
    try:
        return own_network(model._default_manager.filter(pk=pk), user).exists()
    except (ValueError, TypeError, ValidationError):
        return False


class OwnNetworkObjectsMixin:
    """For any admin view of a site-owned model: an object of another network is not found.

    Checked in ``setup()``, before the view loads the object, so it holds for every view a
    viewset builds (edit, delete, history, usage, inspect, copy, revisions, unpublish, lock,
    workflow actions …) whatever its own ``get_object`` does.
    """

    def setup(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not in_own_network(self.model, request.user, unquote(str(pk))):
            raise Http404
        super().setup(request, *args, **kwargs)


def scoped_view_class(view_class):
    if issubclass(view_class, OwnNetworkObjectsMixin):
        return view_class
    return type(view_class.__name__, (OwnNetworkObjectsMixin, view_class), {"__module__": __name__})


class OwnNetworkChoicesMixin:
    """For chooser views of a site-owned model: list and accept only the user's networks."""

    def get_object_list(self):
        return own_network(super().get_object_list(), self.request.user)

    def get_object(self, pk):
        return own_network(self.model_class.objects.filter(pk=pk), self.request.user).get()

    def get_objects(self, pks):
        return own_network(super().get_objects(pks), self.request.user)


# --- log entries ------------------------------------------------------------------------------


def own_network_log_entries(queryset, user):
    """Log entries of site-owned objects only for the user's networks (superusers: all).

    An entry whose object no longer exists shows only to superusers: its network is unknown.
    """
    if user.is_active and user.is_superuser:
        return queryset
    sites = editable_site_ids(user)
    foreign = Q()
    for model in site_owned_models():
        own_ids = model._default_manager.filter(site_id__in=sites).annotate(
            id_text=Cast("pk", output_field=CharField())
        )
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        foreign |= Q(content_type=content_type) & ~Q(object_id__in=own_ids.values("id_text"))
    return queryset.exclude(foreign)


def scope_model_log_entries():
    """Narrow Wagtail's ``ModelLogEntry.objects.viewable_by_user`` (Reports → Site history,
    its user and type filters, the dashboard) to the user's networks."""
    from wagtail.models.audit_log import ModelLogEntryManager

    if getattr(ModelLogEntryManager.viewable_by_user, "scoped_to_networks", False):
        return
    unscoped = ModelLogEntryManager.viewable_by_user

    def viewable_by_user(self, user):
        return own_network_log_entries(unscoped(self, user), user)

    viewable_by_user.scoped_to_networks = True
    ModelLogEntryManager.viewable_by_user = viewable_by_user


# --- pages ------------------------------------------------------------------------------------


def refuse_move_to_foreign_network(request, page, destination):
    """``before_move_page`` hook: the confirmation page of a move the user may not make is
    refused (Wagtail shows it and only refuses the move itself)."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


# --- one guard for every admin URL that names a page, image, document or media item ------------

PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "page_pk")
PAGE_PK_NAMESPACES = ("wagtailadmin_pages", "wagtailadmin_api:pages")


def own_page_paths(user, site_ids=None):
    """Tree paths of the root pages of the user's networks, in every language: a network's
    pages in English or Arabic live below the translation of its root (wagtail-localize keeps a
    tree per language), and they are the network's own as much as the German ones."""
    from wagtail.models import Page

    site_ids = editable_site_ids(user) if site_ids is None else site_ids
    keys = Site.objects.filter(pk__in=site_ids).values_list("root_page__translation_key", flat=True)
    return list(Page.objects.filter(translation_key__in=keys).values_list("path", flat=True))


def page_in_own_network(user, page_id, site_ids=None):
    """A page of the user's networks, or an ancestor of their roots (the explorer's way there)."""
    from wagtail.models import Page

    path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    if path is None:
        return True  # Wagtail answers 404 itself
    return any(path.startswith(root) or root.startswith(path) for root in own_page_paths(user, site_ids))


def media_policies():
    """URL argument → (model, collection permission policy) of images, documents and media."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry
    from wagtailmedia.models import get_media_model
    from wagtailmedia.permissions import permission_policy as media_policy

    image, document = get_image_model(), get_document_model()
    return {
        "image_id": (image, policy_registry.get_by_type(image)),
        "document_id": (document, policy_registry.get_by_type(document)),
        "doc_id": (document, policy_registry.get_by_type(document)),
        "media_id": (get_media_model(), media_policy),
    }


def collection_object_is_own(user, model, policy, pk):
    """An image, document or media item in a collection the user has any permission on."""
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        return True  # Wagtail answers 404 itself
    return policy.user_has_any_permission_for_instance(user, ["change", "delete", "choose"], obj)


def bulk_objects_are_own(request, app_label, model_name):
    """Wagtail's bulk actions take their objects as ``?id=``: each must be the user's."""
    ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
    model = apps.get_model(app_label, model_name)
    if model._meta.label_lower == "wagtailcore.page" or issubclass(model, apps.get_model("wagtailcore", "Page")):
        return all(page_in_own_network(request.user, pk) for pk in ids)
    if site_field_of(model) is not None:
        return all(in_own_network(model, request.user, pk) for pk in ids)
    for field_model, policy in media_policies().values():
        if model is field_model:
            return all(collection_object_is_own(request.user, model, policy, pk) for pk in ids)
    return True


def named_objects(match):
    """(kind, id) of every page, image, document or media item an admin URL names."""
    kwargs = {key: str(value) for key, value in match.kwargs.items() if str(value).isdigit()}
    named = [("page", kwargs[argument]) for argument in PAGE_ARGUMENTS if argument in kwargs]
    if match.namespace in PAGE_PK_NAMESPACES and "pk" in kwargs:
        named.append(("page", kwargs["pk"]))
    named += [(argument, kwargs[argument]) for argument in media_policies() if argument in kwargs]
    api_kinds = {"wagtailadmin_api:images": "image_id", "wagtailadmin_api:documents": "doc_id"}
    if match.namespace in api_kinds and "pk" in kwargs:
        named.append((api_kinds[match.namespace], kwargs["pk"]))
    return named


def admin_object_is_own(request, match):
    """Whether every page, image, document and media item the URL names is the user's."""
    policies = media_policies()
    for kind, pk in named_objects(match):
        own = (
            page_in_own_network(request.user, pk, request_editable_site_ids(request))
            if kind == "page"
            else collection_object_is_own(request.user, *policies[kind], pk)
        )
        if not own:
            return False
    if match.view_name in INSTALLATION_WIDE_VIEWS:
        return False
    model = named_model(match)
    if model is not None and site_field_of(model) is not None:
        if match.view_name.startswith("wagtail_localize:snippets_api"):
            return False  # wagtail-localize's snippet browser knows nothing of networks
        if "pk" in match.kwargs and not in_own_network(model, request.user, unquote(str(match.kwargs["pk"]))):
            return False
    if match.url_name == "wagtail_bulk_action" and model is not None:
        return bulk_objects_are_own(request, match.kwargs["app_label"], match.kwargs["model_name"])
    return True


# Reports over every network of the installation: superusers only.
INSTALLATION_WIDE_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}


def named_model(match):
    """The model an admin URL names by ``app_label``/``app_name`` and ``model_name``, if any."""
    app_label = match.kwargs.get("app_label") or match.kwargs.get("app_name")
    model_name = match.kwargs.get("model_name")
    if not (app_label and model_name):
        return None
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


class AdminNetworkMiddleware:
    """Answers 404 to any admin URL that names a page (or image, document, media item, or bulk
    action objects) outside the editor's networks, before the view runs.

    Wagtail checks permissions view by view, and some views only check a model permission
    (the confirm-cancellation modal, media usage, the translation submit page, bulk action
    confirmations, the admin API's image and document details, the page chooser): they showed
    another network's titles. One check here covers them all, and views added later too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or not match.route.startswith("admin/"):
            # Public answers must not touch request.user: that reads the session, and the
            # response cache then (rightly) refuses to store the answer.
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_superuser:
            return None
        if not admin_object_is_own(request, match):
            raise Http404
        return None

    def process_template_response(self, request, response):
        filters = (response.context_data or {}).get("filters")
        if filters is None:  # public pages: leave request.user (the session) untouched
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_superuser:
            narrow_filter_choices(getattr(filters, "form", None), user, request_editable_site_ids(request))
        return response


# --- filters and pickers ------------------------------------------------------------------------


def own_network_users(user, site_ids=None):
    """The user and the people in the editor groups of the user's networks."""
    from django.contrib.auth import get_user_model
    from wagtail.models import GroupPagePermission

    site_ids = editable_site_ids(user) if site_ids is None else site_ids
    roots = Site.objects.filter(pk__in=site_ids).values("root_page_id")
    groups = GroupPagePermission.objects.filter(page_id__in=roots).values("group_id")
    return get_user_model().objects.filter(Q(pk=user.pk) | Q(groups__in=groups)).distinct()


def narrow_filter_choices(form, user, site_ids=None):
    """In any admin filter form: the site (or network root) choices only of the user's networks,
    the user choices only of people of those networks."""
    from django.contrib.auth import get_user_model

    if form is None:
        return
    site_ids = editable_site_ids(user) if site_ids is None else site_ids
    sites = Site.objects.filter(pk__in=site_ids)
    own_values = {str(site.pk) for site in sites} | set(sites.values_list("root_page__path", flat=True)) | {""}
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is not None and queryset.model is Site:
            field.queryset = queryset.filter(pk__in=sites)
        elif queryset is not None and queryset.model is get_user_model():
            field.queryset = queryset.filter(pk__in=own_network_users(user, site_ids).values("pk"))
        elif queryset is not None:
            narrow_choices_to_own_network(SimpleNamespace(fields={name: field}), user)
        elif name in ("site", "site_root") and getattr(field, "choices", None):
            field.choices = [(value, label) for value, label in field.choices if str(value) in own_values]
        elif name == "user" and getattr(field, "choices", None):
            own_ids = {str(pk) for pk in own_network_users(user, site_ids).values_list("pk", flat=True)} | {""}
            field.choices = [(value, label) for value, label in field.choices if str(value) in own_ids]


def own_network_pages(pages, request):
    """``construct_page_chooser_queryset`` hook: the page chooser browses and finds only the
    pages of the user's networks (and the tree's root above them); superusers every page."""
    user = request.user
    if user.is_active and user.is_superuser:
        return pages
    condition = Q(pk__in=[])
    for root in own_page_paths(user, request_editable_site_ids(request)):
        condition |= Q(path__startswith=root)
        condition |= Q(path__in=[root[:end] for end in range(4, len(root), 4)])
    return pages.filter(condition)


def scoped_collection_endpoint(endpoint_class, policy):
    """The admin API's image or document endpoint, listing only the user's collections."""

    class Endpoint(endpoint_class):
        def get_queryset(self):
            queryset = super().get_queryset()
            user = self.request.user
            if user.is_active and user.is_superuser:
                return queryset
            own = policy.instances_user_has_any_permission_for(user, ["change", "delete", "choose"])
            return queryset.filter(pk__in=own.values("pk"))

    Endpoint.__name__ = endpoint_class.__name__
    return Endpoint


def scope_admin_api(router):
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

    policies = media_policies()
    router.register_endpoint("images", scoped_collection_endpoint(ImagesAdminAPIViewSet, policies["image_id"][1]))
    router.register_endpoint(
        "documents", scoped_collection_endpoint(DocumentsAdminAPIViewSet, policies["document_id"][1])
    )


def hide_installation_wide_reports(request, menu_items):
    """``construct_reports_menu`` hook: reports over every network only for superusers."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


# --- choices in admin forms ---------------------------------------------------------------------


def own_network_page_filter(user):
    """A Q for the pages of the user's networks."""
    condition = Q(pk__in=[])
    for root in own_page_paths(user):
        condition |= Q(path__startswith=root)
    return condition


def network_name_of(obj, sites):
    """The name of the network an object (a page or a site-owned object) belongs to."""
    site_id = getattr(obj, "site_id", None)
    path = getattr(obj, "path", None)
    for site in sites:
        if site.pk == site_id or (path and path.startswith(site.root_page.path)):
            return site.site_name
    return ""


def narrow_choices_to_own_network(form, user):
    """Every page and site-owned choice of an admin form to the user's networks; a superuser
    sees all of them, each labelled with its network."""
    from wagtail.models import Page

    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        is_page = issubclass(queryset.model, Page)
        if not is_page and site_field_of(queryset.model) is None:
            continue
        if user.is_active and user.is_superuser:
            sites = list(Site.objects.select_related("root_page"))
            field.label_from_instance = lambda obj, sites=sites: f"{obj} ({network_name_of(obj, sites)})"
        elif is_page:
            field.queryset = queryset.filter(own_network_page_filter(user))
        else:
            field.queryset = own_network(queryset, user)
