"""Who an issue goes to: active subscribers of its network, minus those whose topics match
none of its items (an item without topics is for everyone). The send confirmation names this
number before anything goes out."""

from django.db.models import Exists, OuterRef

from .models import Subscriber
from .rendering import issue_topic_ids


def recipients(issue):
    """The subscribers a send of ``issue`` would snapshot now."""
    subscribers = Subscriber.objects.filter(site_id=issue.site_id, status=Subscriber.Status.ACTIVE)
    topic_ids, has_untagged, has_items = issue_topic_ids(issue)
    if has_items and not has_untagged:
        through = Subscriber.topics.through.objects.filter(subscriber_id=OuterRef("pk"))
        subscribers = subscribers.filter(~Exists(through) | Exists(through.filter(actionfieldpage_id__in=topic_ids)))
    return subscribers


def recipient_count(issue):
    return recipients(issue).count()
