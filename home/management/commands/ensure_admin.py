from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the admin login if it does not exist yet, and print it."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", required=True)
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, username, password, email, **options):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": email, "is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(password)
            user.save()
            self.stdout.write(f"Admin login created: {username} / {password}")
        else:
            self.stdout.write(f"Admin login exists: {username} (password unchanged)")
