"""Readers' translation requests in the demo networks: a few dozen over the last months, most
for the languages the network's readers speak, so the dashboard and the report have something
to rank (deterministic per network, made once)."""

import datetime
import random

from django.utils import timezone
from wagtail.models import Page

from home.demo.builder import find_site
from home.extensions import DemoContribution

from .models import TranslationRequest

# Weighted like the requests of a German city's readers: Ukrainian, Arabic and Turkish first.
LANGUAGES = ["uk"] * 5 + ["ar"] * 4 + ["tr"] * 3 + ["fa"] * 2 + ["ru"] * 2 + ["en"]


def requests_for(site, spec, now):
    rng = random.Random(f"translations-{spec['key']}")
    pages = list(Page.objects.descendant_of(site.root_page, inclusive=True).live().order_by("path")[:12])
    if not pages:
        return 0
    requests = [
        TranslationRequest(site=site, page=rng.choice(pages), language=rng.choice(LANGUAGES))
        for _i in range(rng.randint(18, 40))
    ]
    TranslationRequest.objects.bulk_create(requests)
    for request in requests:  # spread over the last four months (created_at is set on insert)
        TranslationRequest.objects.filter(pk=request.pk).update(
            created_at=now - datetime.timedelta(days=rng.randint(0, 120), hours=rng.randint(0, 23))
        )
    return len(requests)


class TranslationRequestsDemo(DemoContribution):
    order = 40

    def add_to_networks(self, specs):
        now = timezone.now()
        for spec in specs:
            site = find_site(spec["hostname"])
            if site is not None and not TranslationRequest.objects.filter(site=site).exists():
                requests_for(site, spec, now)
        return []
