from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignLanguageConfig(AppConfig):
    name = "signlanguage"
    verbose_name = _("Sign language and accessibility statement")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtailmedia import get_media_model

        from home import extensions

        from .demo import SignLanguageDemo
        from .models import record_video_check

        post_save.connect(record_video_check, sender=get_media_model(), dispatch_uid="signlanguage-video-check")
        extensions.grant_to_editors(
            "signlanguage",
            (
                "add_signlanguagevideo",
                "change_signlanguagevideo",
                "delete_signlanguagevideo",
                "view_signlanguagevideo",
                "add_bitvexplanation",
                "change_bitvexplanation",
                "view_bitvexplanation",
                "view_accessibilityfeedback",
                "delete_accessibilityfeedback",
            ),
        )
        extensions.add_demo_content(SignLanguageDemo())
