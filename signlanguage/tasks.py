"""Celery tasks of the signlanguage app. Thin: they load ids and call plain functions."""

import smtplib

from celery import shared_task

from .models import AccessibilityFeedback


@shared_task(
    name="signlanguage.mail_feedback",
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    max_retries=8,
)
def mail_feedback_task(feedback_id):
    """Mail one stored accessibility feedback to its network's contact (retried on SMTP errors)."""
    from .feedback import send_feedback_mail

    feedback = AccessibilityFeedback.objects.filter(pk=feedback_id, mailed=False).select_related("page").first()
    if feedback is None or feedback.page is None:
        return False
    return send_feedback_mail(feedback.page, feedback)


@shared_task(name="signlanguage.build_poster", autoretry_for=(OSError,), retry_backoff=30, max_retries=3)
def build_poster_task(media_id):
    """Take a poster frame from one video with ffmpeg (see ``signlanguage.posters``)."""
    from wagtailmedia import get_media_model

    from .posters import build_poster

    media = get_media_model().objects.filter(pk=media_id).first()
    return build_poster(media) if media is not None else False
