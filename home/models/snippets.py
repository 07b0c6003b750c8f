"""Snippets a network reuses across its pages: contacts, member organisations, funders.

They are translatable (wagtail-localize): each translation is a row of its own, grouped by
``translation_key``, with the text readers read (a contact's role and office-hours note, an
organisation's name and description, a funder's name and programme) in its language. The facts
(phone, address, office hours, logo, website …) belong to the German row, the source: saving it
copies them to every translation, so a changed phone number never stays old in Arabic.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Orderable, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..localization import language_code_of
from ..permissions import SiteOwnedForm


class SiteOwned(models.Model):
    """Snippets belong to one network (Wagtail site); editors only see their own."""

    site = models.ForeignKey(
        Site,
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The network (site) this entry belongs to."),
    )

    base_form_class = SiteOwnedForm

    class Meta:
        abstract = True


class TranslatedSnippet(TranslatableMixin):
    """A site-owned snippet in the readers' languages. ``translated`` names the fields that differ
    per language; every other editable field (and ``synchronised_children``) is a fact kept equal
    across the translations, copied from the German source whenever it is saved."""

    translated: tuple[str, ...] = ()
    synchronised_children: tuple[str, ...] = ()

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @classmethod
    def synchronised_fields(cls):
        return [
            field.name
            for field in cls._meta.concrete_fields
            if field.editable and not field.primary_key and field.name not in cls.translated
        ]

    @classmethod
    def localize_fields(cls):
        """What wagtail-localize offers translators: only the ``translated`` texts."""
        return [TranslatableField(name) for name in cls.translated] + [
            SynchronizedField(name, overridable=False)
            for name in cls.synchronised_fields() + list(cls.synchronised_children)
        ]

    @property
    def language(self):
        """The language code of this row (``de``, ``ar`` …)."""
        return language_code_of(self.locale_id)

    def ensure_locale(self):
        if self.locale_id is None:  # created outside the admin (API, demo, import): German
            self.locale = Locale.get_default()

    def validate_constraints(self, exclude=None):
        """Forms leave ``locale`` out (it is not a form field), which would skip every constraint
        naming it, such as "one organisation of a name per network and language"."""
        self.ensure_locale()
        super().validate_constraints(exclude=set(exclude or ()) - {"locale"})

    def save(self, *args, **kwargs):
        self.ensure_locale()
        super().save(*args, **kwargs)
        if self.locale_id == Locale.get_default().pk:
            self.synchronise_translations()

    def synchronise_translations(self):
        """Copy the facts of this (German) row to its translations."""
        translations = type(self).objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
        if not translations.exists():
            return
        facts = [self._meta.get_field(name).attname for name in self.synchronised_fields()]
        translations.update(**{attname: getattr(self, attname) for attname in facts})
        for relation in self.synchronised_children:
            self._copy_children(relation, translations)

    def _copy_children(self, relation, translations):
        reverse = self._meta.get_field(relation)
        child_model, parent_field = reverse.related_model, reverse.field.name  # the ParentalKey
        rows = list(getattr(self, relation).all())
        child_model.objects.filter(**{f"{parent_field}__in": translations}).delete()
        copied = []
        for translation in translations:
            for row in rows:
                values = {
                    f.attname: getattr(row, f.attname)
                    for f in child_model._meta.concrete_fields
                    if not f.primary_key and f.name != parent_field
                }
                copied.append(child_model(**values, **{parent_field: translation}))
        child_model.objects.bulk_create(copied)


class Contact(SiteOwned, TranslatedSnippet, index.Indexed, ClusterableModel):
    """An Ansprechperson: who to call or visit, and when (office hours, Sprechzeiten)."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    office_hours_note = models.CharField(
        _("office hours note"),
        max_length=255,
        blank=True,
        help_text=_('For example "nach Voranmeldung" or "auch auf Türkisch und Arabisch".'),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        MultiFieldPanel(
            [FieldPanel("street"), FieldPanel("postal_code"), FieldPanel("city"), FieldPanel("room")],
            heading=_("Address"),
        ),
        InlinePanel("office_hours", label=_("Office hours")),
        FieldPanel("office_hours_note"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.AutocompleteField("name"),
        index.FilterField("site"),
    ]
    api_fields = [
        APIField("site", writable=True),
        APIField("name", writable=True),
        APIField("role", writable=True),
        APIField("organisation"),
        APIField("phone", writable=True),
        APIField("email", writable=True),
        APIField("street", writable=True),
        APIField("postal_code", writable=True),
        APIField("city", writable=True),
        APIField("room", writable=True),
        APIField("office_hours"),
        APIField("office_hours_note", writable=True),
        APIField("photo", serializer=ImageRenditionField("fill-300x300")),
        APIField("language"),
    ]

    translated = ("role", "office_hours_note")
    synchronised_children = ("office_hours",)

    class Meta(TranslatedSnippet.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name

    @property
    def address_lines(self):
        return [line for line in (self.street, f"{self.postal_code} {self.city}".strip()) if line]


class OfficeHour(Orderable):
    """One weekday with a time range of a contact's office hours."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    contact = ParentalKey(Contact, on_delete=models.CASCADE, related_name="office_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("from"))
    closes = models.TimeField(_("until"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]
    api_fields = [APIField("weekday"), APIField("opens"), APIField("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("office hour")
        verbose_name_plural = _("office hours")

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("The end must be after the start.")})

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class Organisation(SiteOwned, TranslatedSnippet, index.Indexed, models.Model):
    """A member of the network: a migrant organisation, association, authority or agency."""

    class Kind(models.TextChoices):
        MIGRANT_ORGANISATION = "migrant_organisation", _("migrant organisation")
        ASSOCIATION = "association", _("association")
        AUTHORITY = "authority", _("authority")
        WELFARE = "welfare", _("welfare organisation")
        EDUCATION = "education", _("educational institution")
        RELIGIOUS = "religious", _("religious community")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices, default=Kind.ASSOCIATION)
    website = models.URLField(_("website"), blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("district"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("site"),
    ]
    api_fields = [
        APIField("site", writable=True),
        APIField("name", writable=True),
        APIField("kind", writable=True),
        APIField("website", writable=True),
        APIField("district", writable=True),
        APIField("description", writable=True),
        APIField("language"),
    ]

    translated = ("name", "description")

    class Meta(TranslatedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "name", "locale"], name="unique_organisation_per_site_and_locale")
        ]

    def __str__(self):
        return self.name


class Funder(SiteOwned, TranslatedSnippet, index.Indexed, models.Model):
    """Who pays for the network's work ("Gefördert durch"), shown with logo and programme."""

    name = models.CharField(_("name"), max_length=255)
    programme = models.CharField(_("funding programme"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("programme"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("programme"),
        index.AutocompleteField("name"),  # the chooser finds "Bundesprogramm …" from "Bundes"
        index.FilterField("site"),
    ]
    api_fields = [
        APIField("site", writable=True),
        APIField("name", writable=True),
        APIField("programme", writable=True),
        APIField("website", writable=True),
        APIField("logo", serializer=ImageRenditionField("max-400x200")),
        APIField("language"),
    ]

    translated = ("name", "programme")

    class Meta(TranslatedSnippet.Meta):
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["name"]

    def __str__(self):
        return self.name


for _model in (Contact, Organisation, Funder):
    _model.translatable_fields = _model.localize_fields()
