"""Spam protection of the participation forms without third-party services: a honeypot field
(forms.py), a minimum time between showing and sending the form, and a limit of accepted
submissions per client and network. The signed timestamp and the per-client counter are the
shared ones of :mod:`cms.formprotection`; the limits are settings (PARTICIPATION_*)."""

from django.conf import settings

from cms.formprotection import FormRejected, form_token, over_quota, token_age, use_quota

PURPOSE = "participation-form"
TimestampProblem = FormRejected  # the signed timestamp is missing, forged or too old


def min_fill_seconds():
    return settings.PARTICIPATION_MIN_FILL_SECONDS


def make_timestamp(now=None):
    return form_token(PURPOSE, issued_at=now)


def seconds_since(token, now=None):
    """Seconds since the form was shown; raises TimestampProblem."""
    return token_age(token, PURPOSE, now=now)


def _scope(site):
    return f"{getattr(settings, 'PARTICIPATION_CACHE_PREFIX', 'participation')}:{site.pk}"


def is_rate_limited(request, site):
    return over_quota(_scope(site), request, settings.PARTICIPATION_RATE_LIMIT)


def count_submission(request, site):
    use_quota(_scope(site), request, settings.PARTICIPATION_RATE_LIMIT)
