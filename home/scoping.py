"""Site scoping of the admin: the one place that decides what of which network an editor sees.

Wagtail scopes pages by page permissions, but snippets, their choosers, log entries and the
page move confirmation know nothing of networks. Everything here narrows them to the sites
whose root page the user may edit (``editable_site_ids``); superusers see every network.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.http import Http404
from wagtail.models import Site

from .permissions import editable_site_ids


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
