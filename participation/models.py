"""The network's forms: "Mitmachen" (join as an organisation or volunteer) and contact.

A form is a page (``ParticipationFormPage``) so that each network's editors write its intro,
privacy text and thank-you text themselves, place it in the menu, and readers find it under
the network's own address; what readers send is stored per network (``FormSubmission``)
before anything is mailed, so a mail failure loses nothing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models.tagging import NetworkPageForm
from home.routes import RouteSafeSlug


class FormKind(models.TextChoices):
    JOIN = "join", _("Join the network (Mitmachen)")
    CONTACT = "contact", _("Contact")


DEFAULT_PRIVACY_TEXT = (
    "<p>Wir verwenden Ihre Angaben nur, um Ihre Nachricht zu beantworten und Sie im Netzwerk "
    "einzubinden. Wir geben sie nicht an Dritte weiter und löschen sie, wenn sie dafür nicht "
    "mehr gebraucht werden, spätestens nach zwei Jahren. Sie können Ihre Einwilligung jederzeit "
    "per E-Mail an uns widerrufen.</p>"
)


class ParticipationFormPage(RouteSafeSlug, Page):
    """A public form of one network: join the network (organisation or volunteer) or contact
    it. Submissions are stored for the network's editors and mailed to its contact."""

    show_in_menus_default = True  # a section: in the network's menu unless an editor takes it out

    kind = models.CharField(_("form"), max_length=20, choices=FormKind.choices, default=FormKind.JOIN)
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    privacy_text = RichTextField(
        _("privacy notice"),
        features=RICH_TEXT_FEATURES,
        default=DEFAULT_PRIVACY_TEXT,
        help_text=_("Shown beside the consent checkbox; stored with every submission."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown after sending. Empty: a short standard text."),
    )
    recipient_email = models.EmailField(
        _("form recipient"),
        blank=True,
        help_text=_("Who receives submissions by e-mail. Empty: the contacts on the network's start page."),
    )

    parent_page_types = ["home.HomePage"]
    base_form_class = NetworkPageForm
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("privacy_text"), FieldPanel("thank_you_text"), FieldPanel("recipient_email")],
            heading=_("Sending"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.FilterField("kind")]
    api_fields = [APIField("kind"), APIField("intro"), APIField("privacy_text"), APIField("thank_you_text")]

    template = "participation/form_page.html"

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")

    def serve(self, request, *args, **kwargs):
        from .views import serve_form_page

        return serve_form_page(self, request)


class FormSubmission(models.Model):
    """What a reader sent through a network's form, kept for the network's editors (the mail
    to the contact is a copy; it may fail or get lost, this record does not)."""

    class JoinAs(models.TextChoices):
        ORGANISATION = "organisation", _("as an organisation")
        VOLUNTEER = "volunteer", _("as a volunteer")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("network"), on_delete=models.CASCADE, related_name="form_submissions"
    )
    page = models.ForeignKey(
        ParticipationFormPage,
        verbose_name=_("form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    kind = models.CharField(_("form"), max_length=20, choices=FormKind.choices)
    join_as = models.CharField(_("joins"), max_length=20, choices=JoinAs.choices, blank=True)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    action_fields = models.ManyToManyField(
        "home.ActionFieldPage", verbose_name=_("action fields of interest"), blank=True, related_name="+"
    )
    message = models.TextField(_("message"), blank=True)
    consent_text = models.TextField(_("privacy notice agreed to"))
    created = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    mailed_at = models.DateTimeField(_("mailed"), null=True, blank=True)
    mail_error = models.TextField(_("mail problem"), blank=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name} ({self.created:%d.%m.%Y})" if self.created else self.name
