"""A lost phone or a locked-out editor: remove their second factor and lift the login lockout."""

from axes.utils import reset
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user


class Command(BaseCommand):
    help = "Remove a user's authenticator and recovery codes (they enrol again at next login) and lift their lockout."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--keep-devices", action="store_true", help="Only lift the lockout.")

    def handle(self, username, keep_devices=False, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        removed = 0
        if not keep_devices:
            for device in list(devices_for_user(user, confirmed=None)):
                device.delete()
                removed += 1
        lifted = reset(username=username)
        self.stdout.write(f"{username}: {removed} device(s) removed, {lifted} lockout record(s) lifted.")
