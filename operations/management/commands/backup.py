from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and the media files into a folder with a checksummed manifest."

    def add_arguments(self, parser):
        parser.add_argument("target", help="folder that receives the backup (created if missing)")

    def handle(self, target, **options):
        try:
            folder = create_backup(target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(folder))
