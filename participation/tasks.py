"""Celery tasks of the forms: thin, they load ids and call plain functions."""

import smtplib

from celery import shared_task

from .mail import mail_submission
from .models import FormSubmission


@shared_task(
    name="participation.mail_submission",
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=30,
    max_retries=8,
)
def mail_submission_task(submission_id):
    submission = FormSubmission.objects.filter(pk=submission_id).select_related("site", "page").first()
    if submission is not None:
        mail_submission(submission)


@shared_task(name="participation.purge_old_submissions")
def purge_old_submissions_task():
    from .retention import purge_old_submissions

    return purge_old_submissions()
