from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignLanguageConfig(AppConfig):
    name = "signlanguage"
    verbose_name = _("Sign language and accessibility statement")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtailmedia import get_media_model

        from .models import record_video_check

        post_save.connect(record_video_check, sender=get_media_model(), dispatch_uid="signlanguage-video-check")
