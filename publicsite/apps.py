from django.apps import AppConfig


class PublicSiteConfig(AppConfig):
    """The public reading side of a network's site: calendar, feeds, vCards, security headers,
    the network's logo and colours."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "publicsite"
    verbose_name = "Public site"

    def ready(self):
        from django.db.models.signals import post_delete, post_init, post_save
        from wagtail.images import get_image_model
        from wagtail.models import Page, get_page_models

        from home import extensions

        from .demo import NetworkIdentityDemo
        from .models import NetworkIdentity
        from .theme import forget_theme

        extensions.add_demo_content(NetworkIdentityDemo())

        def identity_changed(sender, instance, **kwargs):
            forget_theme(instance.site_id)

        def image_changed(sender, instance, **kwargs):
            for site_id in NetworkIdentity.objects.filter(logo=instance).values_list("site_id", flat=True):
                forget_theme(site_id)

        post_save.connect(identity_changed, sender=NetworkIdentity, dispatch_uid="publicsite.theme.saved", weak=False)
        post_delete.connect(
            identity_changed, sender=NetworkIdentity, dispatch_uid="publicsite.theme.deleted", weak=False
        )
        post_save.connect(
            image_changed, sender=get_image_model(), dispatch_uid="publicsite.theme.logo_saved", weak=False
        )
        post_delete.connect(
            image_changed, sender=get_image_model(), dispatch_uid="publicsite.theme.logo_deleted", weak=False
        )

        from .network import attach_locale

        # pages come with their locale from the cached locales while a request is answered
        for model in {Page, *get_page_models()}:
            post_init.connect(attach_locale, sender=model, dispatch_uid=f"publicsite.locale.{model._meta.label}")
