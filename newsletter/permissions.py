"""Newsletter objects belong to one network: the same per-site policy as contacts."""

from wagtail.permissions import policy_registry

from home.permissions import SiteScopedPermissionPolicy

# What every network's editor group may do with its own network's issues and subscribers.
EDITOR_PERMISSIONS = tuple(
    f"{action}_{model}"
    for model in ("newsletterissue", "subscriber")
    for action in ("add", "change", "delete", "view", "publish")
)


def register_policies():
    from .models import NewsletterIssue, Subscriber

    for model in (NewsletterIssue, Subscriber):
        policy_registry.register(model, SiteScopedPermissionPolicy(model))


def issue_policy():
    from .models import NewsletterIssue

    return policy_registry.get_by_type(NewsletterIssue)


def subscriber_policy():
    from .models import Subscriber

    return policy_registry.get_by_type(Subscriber)
