from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `backup`: replaces the database and the media files."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the backup folder (miteinander-backup-…)")
        parser.add_argument("--yes", action="store_true", help="do not ask before replacing")

    def handle(self, folder, yes=False, **options):
        try:
            manifest = read_manifest(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{name} {value}" for name, value in sorted(manifest["counts"].items()))
        self.stdout.write(f"Backup of {manifest['created']} ({manifest['engine']}): {counts}")
        if not yes and input("Replace this installation's database and media files? [y/N] ").lower() != "y":
            raise CommandError("Nothing restored.")
        try:
            restore_backup(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Restored. Run `manage.py migrate` if the code is newer than the backup."))
