"""Start sending an issue from the command line and follow it with a progress bar."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from newsletter import issue_report, sending
from newsletter.models import NewsletterIssue


class Command(BaseCommand):
    help = "Send a published newsletter issue to its site's active subscribers."

    def add_arguments(self, parser):
        parser.add_argument("issue", type=int, help="id of the newsletter issue")
        parser.add_argument(
            "--here", action="store_true", help="send in this process instead of through the Celery workers"
        )
        parser.add_argument("--no-wait", action="store_true", help="start the send and return without a progress bar")

    def handle(self, issue, here=False, no_wait=False, **options):
        if not NewsletterIssue.objects.filter(pk=issue).exists():
            raise CommandError(f"There is no newsletter issue {issue}.")
        try:
            count = sending.start_send(issue)
            if here:
                sending.send_all_now(issue)
        except sending.SendError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Sending issue {issue} to {count} subscribers.")
        if no_wait:
            return
        while True:
            obj = NewsletterIssue.objects.get(pk=issue)
            p = issue_report.progress(obj)
            done = p["total"] - p["pending"]
            width = 40
            filled = int(width * done / p["total"]) if p["total"] else width
            left = f"{p['seconds_left']}s left" if p["seconds_left"] is not None else ""
            self.stdout.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{p['total']} sent {p['sent']} failed {p['failed']} "
                f"suppressed {p['suppressed']} {p['rate_per_second']}/s {left}   ",
                ending="",
            )
            sys.stdout.flush()
            if (
                obj.send_status not in (NewsletterIssue.SendStatus.SENDING, NewsletterIssue.SendStatus.PAUSED)
                or not p["pending"]
            ):
                break
            time.sleep(1)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Issue {issue}: {obj.get_send_status_display()}, sent {p['sent']}, "
                f"failed {p['failed']}, suppressed {p['suppressed']}."
            )
        )
