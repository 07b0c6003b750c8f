"""``manage.py health``: the readiness checks for a container's health check or a person on call.

Exit status 0 when every check asked for is fine (or not used here), 1 otherwise, so Docker,
systemd or a monitoring agent can run it as is: ``manage.py health --only beat``.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations import health


class Command(BaseCommand):
    help = "Run the readiness checks (database, cache, broker, worker, beat, SMTP, disk) and exit 1 if one fails."

    def add_arguments(self, parser):
        names = [name for name, _label, _check in health.CHECKS]
        parser.add_argument(
            "--only",
            action="append",
            choices=names,
            help="Run only this check (repeatable).",
        )

    def handle(self, *args, only=None, **options):
        results = health.run_checks(only=only)
        for result in results:
            state = _("not used") if not result.used else _("ok") if result.ok else _("FAILED")
            line = f"{result.name:<9} {state:<9} {result.detail}".rstrip()
            self.stdout.write(line)
        failed = [r.name for r in results if not r.ok]
        if failed:
            raise CommandError(_("not ready: %(checks)s") % {"checks": ", ".join(failed)})
