"""Dashboard panels of the admin home: subscribers over time, the last sends, variant
coverage, translation requests by language, upcoming events and meetings without minutes.

Every panel counts only the networks the editor may edit (all networks for a superuser);
the numbers come from plain functions below, the panels only render them."""

import datetime

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Site

from home.permissions import editable_site_ids

from . import charts

MONTHS = 12
LIST_LENGTH = 5


def networks_of(user):
    return list(Site.objects.filter(pk__in=editable_site_ids(user)).select_related("root_page").order_by("site_name"))


def pages_of(sites):
    query = Q(pk__in=[])
    for site in sites:
        query |= Q(path__startswith=site.root_page.path, depth__gt=site.root_page.depth)
    return Page.objects.filter(query)


def month_starts(today, months=MONTHS):
    first = today.replace(day=1)
    starts = []
    for _i in range(months):
        starts.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(starts))


def _per_month(queryset, field, starts):
    counts = {
        row["month"].date() if hasattr(row["month"], "date") else row["month"]: row["n"]
        for row in queryset.filter(**{f"{field}__date__gte": starts[0]})
        .annotate(month=TruncMonth(field))
        .values("month")
        .annotate(n=Count("pk"))
    }
    return [counts.get(start, 0) for start in starts]


def subscribers_over_time(site, today=None):
    """Per month of the last year: confirmed, unsubscribed and bounced (or complained)."""
    from newsletter.models import Subscriber

    starts = month_starts(today or timezone.localdate())
    subscribers = Subscriber.objects.filter(site=site)
    return {
        "months": [date_format(start, "M Y") for start in starts],
        "confirmed": _per_month(subscribers.exclude(consent_at=None), "consent_at", starts),
        "unsubscribed": _per_month(subscribers.exclude(unsubscribed_at=None), "unsubscribed_at", starts),
        "bounced": _per_month(
            subscribers.filter(status__in=[Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED]),
            "updated_at",
            starts,
        ),
        "active": subscribers.filter(status=Subscriber.Status.ACTIVE).count(),
    }


def last_sends(sites, count=LIST_LENGTH):
    """The latest issues that were sent (or are being sent), with their deliveries by outcome."""
    from newsletter.models import Delivery, NewsletterIssue

    issues = (
        NewsletterIssue.objects.filter(site__in=sites, send_started_at__isnull=False)
        .select_related("site")
        .order_by("-send_started_at")[:count]
    )
    rows = []
    for issue in issues:
        counts = issue.deliveries.aggregate(
            delivered=Count("pk", filter=Q(status=Delivery.Status.SENT)),
            failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
            retrying=Count(
                "pk", filter=Q(status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING], attempts__gt=0)
            ),
        )
        rows.append({"issue": issue, **counts, "report_url": reverse("newsletter_report", args=[issue.pk])})
    return rows


def variant_coverage(sites):
    """How many live content pages have each accessible version, and the first ones without."""
    from accessibility.models import LeichteSpracheLink, PageVariant
    from signlanguage.models import SignLanguageVideo

    variants = LeichteSpracheLink.objects.values_list("variant_id", flat=True)
    pages = pages_of(sites).live().exclude(pk__in=variants).order_by("-last_published_at")
    page_ids = list(pages.values_list("pk", flat=True))
    translated_keys = set(
        Page.objects.filter(translation_key__in=pages.values("translation_key"))
        .exclude(locale_id__in=pages.values("locale_id"))
        .values_list("translation_key", flat=True)
    )
    has = {
        "leichte_sprache": set(
            LeichteSpracheLink.objects.filter(page_id__in=page_ids).values_list("page_id", flat=True)
        ),
        "audio": set(
            PageVariant.objects.filter(page_id__in=page_ids, kind="audio", status="current").values_list(
                "page_id", flat=True
            )
        ),
        "pdf": set(
            PageVariant.objects.filter(page_id__in=page_ids, kind="pdf", status="current").values_list(
                "page_id", flat=True
            )
        ),
        "dgs": set(SignLanguageVideo.objects.filter(page_id__in=page_ids).values_list("page_id", flat=True)),
        "translation": {pk for pk, key in pages.values_list("pk", "translation_key") if key in translated_keys},
    }
    names = {
        "leichte_sprache": _("Leichte Sprache"),
        "audio": _("Read-aloud audio"),
        "pdf": _("PDF"),
        "dgs": _("Sign language video (DGS)"),
        "translation": _("Translation"),
    }
    titles = dict(pages.values_list("pk", "title"))
    total = len(page_ids)
    rows = []
    for kind, with_it in has.items():
        missing = [pk for pk in page_ids if pk not in with_it][:LIST_LENGTH]
        rows.append(
            {
                "kind": kind,
                "name": names[kind],
                "count": len(with_it),
                "total": total,
                "percent": round(100 * len(with_it) / total) if total else 0,
                "missing": [
                    {"title": titles[pk], "url": reverse("accessibility:variant_status", args=[pk])} for pk in missing
                ],
            }
        )
    return rows


def translation_requests_by_language(sites):
    from django.conf import settings

    from translations.models import TranslationRequest

    names = dict(settings.LANGUAGES)
    rows = (
        TranslationRequest.objects.filter(site__in=sites)
        .values("language")
        .annotate(n=Count("pk"))
        .order_by("-n", "language")
    )
    return [(str(names.get(row["language"], row["language"])), row["n"]) for row in rows]


def upcoming_events(sites, now=None):
    from home.models import EventPage

    now = now or timezone.now()
    return list(
        EventPage.objects.live()
        .filter(pk__in=pages_of(sites).values("pk"))
        .filter(Q(start__gte=now) | Q(end__gte=now))
        .order_by("start")[:LIST_LENGTH]
    )


def meetings_without_minutes(sites, now=None):
    from home.models import MeetingPage

    now = now or timezone.now()
    return list(
        MeetingPage.objects.filter(pk__in=pages_of(sites).values("pk"), start__lt=now, minutes="").order_by("-start")[
            :LIST_LENGTH
        ]
    )


class DashboardPanel(Component):
    """A homepage panel that knows the editor's networks."""

    order = 50

    def __init__(self, request, sites):
        self.request = request
        self.sites = sites

    def get_context_data(self, parent_context):
        return {"request": self.request, "sites": self.sites, **self.data()}


class SubscribersPanel(DashboardPanel):
    name = "miteinander_subscribers"
    template_name = "editors/dashboard/subscribers.html"
    order = 50

    def data(self):
        networks = []
        for site in self.sites:
            stats = subscribers_over_time(site)
            series = [
                (_("confirmed"), stats["confirmed"]),
                (_("unsubscribed"), stats["unsubscribed"]),
                (_("bounced"), stats["bounced"]),
            ]
            chart = charts.grouped_bars(
                _("Subscribers of %(network)s per month") % {"network": site.site_name},
                _("Confirmed, unsubscribed and bounced subscribers in each of the last twelve months."),
                stats["months"],
                series,
                months=True,
            )
            rows = list(zip(stats["months"], stats["confirmed"], stats["unsubscribed"], stats["bounced"], strict=True))
            networks.append({"site": site, "chart": chart, "rows": rows, "active": stats["active"]})
        return {"networks": networks}


class SendsPanel(DashboardPanel):
    name = "miteinander_sends"
    template_name = "editors/dashboard/sends.html"
    order = 51

    def data(self):
        rows = last_sends(self.sites)
        chart = None
        if rows:
            chart = charts.grouped_bars(
                _("Last sends"),
                _("Delivered, failed and retrying mails of the last issues sent."),
                [Truncator(row["issue"].subject).chars(20) for row in rows],
                [
                    (_("delivered"), [row["delivered"] for row in rows]),
                    (_("failed"), [row["failed"] for row in rows]),
                    (_("retrying"), [row["retrying"] for row in rows]),
                ],
            )
        return {"rows": rows, "chart": chart}


class CoveragePanel(DashboardPanel):
    name = "miteinander_coverage"
    template_name = "editors/dashboard/coverage.html"
    order = 52

    def data(self):
        rows = variant_coverage(self.sites)
        chart = charts.horizontal_bars(
            _("Accessible versions of the published pages"),
            _("Share of published pages that have each accessible version, in percent."),
            [(row["name"], row["percent"]) for row in rows],
            maximum=100,
            unit=" %",
        )
        return {"rows": rows, "chart": chart, "missing_report_url": reverse("accessibility:missing_report")}


class TranslationRequestsPanel(DashboardPanel):
    name = "miteinander_translation_requests"
    template_name = "editors/dashboard/translation_requests.html"
    order = 53

    def data(self):
        rows = translation_requests_by_language(self.sites)
        chart = None
        if rows:
            chart = charts.horizontal_bars(
                _("Translation requests by language"),
                _("How often readers asked for a translation into each language."),
                rows,
            )
        return {"rows": rows, "chart": chart, "report_url": reverse("translation_requests_report")}


class AgendaPanel(DashboardPanel):
    name = "miteinander_agenda"
    template_name = "editors/dashboard/agenda.html"
    order = 54

    def data(self):
        return {"events": upcoming_events(self.sites), "meetings": meetings_without_minutes(self.sites)}


PANELS = (SubscribersPanel, SendsPanel, CoveragePanel, TranslationRequestsPanel, AgendaPanel)


def add_dashboard_panels(request, panels):
    sites = networks_of(request.user)
    if not sites:
        return
    panels.extend(panel(request, sites) for panel in PANELS)
