"""Page types of a network's site. Each declares content_panels, search_fields and api_fields
together so that what editors write, what search finds and what the API serves stay in step."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES, AgendaItemBlock, BodyBlock, DocumentsBlock, ResultBlock
from ..localization import (
    contacts_ready_for_cards,
    items_in_language,
    localize_contact_organisations,
    one_in_language,
)
from ..routes import RouteSafeSlug
from ..visibility import public
from .tagging import ActionFieldTagged, NetworkPageForm

CONTENT_PAGES = [
    "home.StandardPage",
    "home.RoundTablePage",
    "home.ActionFieldPage",
    "home.NewsIndexPage",
    "home.EventIndexPage",
    "home.ProjectIndexPage",
    "home.ProcessPage",
    "signlanguage.AccessibilityStatementPage",
    "participation.ParticipationFormPage",
]


def image_field(verbose_name=None):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name or _("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def image_api_field(name="image"):
    return APIField(name, serializer=ImageRenditionField("fill-1200x630"))


def ensure_end_after_start(start, end, field="end"):
    if start and end and end < start:
        raise ValidationError({field: _("The end must not be before the start.")})


class BasePage(RouteSafeSlug, Page):
    """Fields every content page shares: a teaser for listings, an image and a body."""

    teaser = models.TextField(
        _("teaser"), blank=True, max_length=400, help_text=_("One or two sentences for listings.")
    )
    image = image_field()
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    base_form_class = NetworkPageForm
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("teaser"), image_api_field(), APIField("body")]

    class Meta:
        abstract = True


def joining(*related):
    """A default manager whose rows come with ``related`` (one join instead of a query per row,
    in templates and in the API's serialisation of a page's inline items alike)."""

    class JoiningManager(models.Manager):
        def get_queryset(self):
            return super().get_queryset().select_related(*related)

    return JoiningManager()


def contact_items(items, locale):
    """A page's contact items with everything the contact card shows, each contact in the page's
    language where translated (else German), in a fixed number of queries however many contacts
    the page lists (no query per contact)."""
    items = items_in_language(
        items.select_related("contact__organisation", "contact__photo").prefetch_related(
            "contact__office_hours", "contact__photo__renditions"
        ),
        "contact",
        locale,
        prepare=contacts_ready_for_cards,
    )
    localize_contact_organisations([item.contact for item in items], locale)
    return items


def organisation_items(items, locale):
    """Member or partner items with each organisation in the page's language (else German)."""
    return items_in_language(items.select_related("organisation"), "organisation", locale)


class InPageLanguage:
    """API fields of a page's inline item that show its snippet in the page's language."""

    def snippet_in_page_language(self, attribute):
        snippet = getattr(self, attribute)
        page = self.page
        if snippet is None or page is None or snippet.locale_id == page.locale_id:
            return snippet
        return one_in_language(snippet, page.locale)


class IndexPage(RouteSafeSlug, Page):
    """A section of a network that lists its child pages (news, events, projects): one per
    network, directly below the start page, with an introduction above the list."""

    show_in_menus_default = True  # a section: in the network's menu unless an editor takes it out

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    base_form_class = NetworkPageForm
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True


class HomePage(Page):
    """The start page of one network (Wagtail site): who the network is, highlights, contacts
    and funders. Every other page of the network lives below it."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    image = image_field()
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    subpage_types = CONTENT_PAGES
    parent_page_types = ["wagtailcore.Page"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("highlights", label=_("Highlights"), max_num=6),
        InlinePanel("contacts", label=_("Contacts")),
        InlinePanel("funders", label=_("Funders")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [
        APIField("intro"),
        image_api_field(),
        APIField("body"),
        APIField("highlights"),
        APIField("contacts"),
        APIField("funders"),
    ]

    class Meta:
        verbose_name = _("network home page")

    @property
    def highlight_list(self):
        return self.highlights.select_related("target")

    @property
    def contact_list(self):
        return contact_items(self.contacts.all(), self.locale)

    @property
    def funder_list(self):
        return items_in_language(
            self.funders.select_related("funder__logo").prefetch_related("funder__logo__renditions"),
            "funder",
            self.locale,
            prepare=lambda funders: funders.select_related("logo").prefetch_related("logo__renditions"),
        )


class HomePageHighlight(Orderable):
    """A page the network wants readers to see first."""

    objects = joining("target")

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="highlights")
    target = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    label = models.CharField(_("label"), max_length=100, blank=True)

    panels = [FieldPanel("target"), FieldPanel("label")]
    api_fields = [APIField("target"), APIField("label"), APIField("target_summary")]

    @property
    def target_summary(self):
        target = self.target  # title and URL need no specific page (a query per highlight)
        return {"title": self.label or target.title, "url": target.get_url()}


class HomePageContact(InPageLanguage, Orderable):
    """A contact shown on the start page, in the editor's order."""

    objects = joining("contact")

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="contacts")
    contact = models.ForeignKey("home.Contact", verbose_name=_("contact"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("contact")]
    api_fields = [APIField("contact"), APIField("contact_in_page_language")]

    @property
    def contact_in_page_language(self):
        """The contact's id, role and office-hours note in the page's language (else German)."""
        return contact_summary(self.snippet_in_page_language("contact"))


class HomePageFunder(InPageLanguage, Orderable):
    """A funder shown on the start page ("Gefördert durch")."""

    objects = joining("funder__logo")

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="funders")
    funder = models.ForeignKey("home.Funder", verbose_name=_("funder"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("funder")]
    api_fields = [APIField("funder"), APIField("funder_in_page_language")]

    @property
    def funder_in_page_language(self):
        """The funder's id, name and programme in the page's language (else German)."""
        funder = self.snippet_in_page_language("funder")
        return {"id": funder.pk, "language": funder.language, "name": funder.name, "programme": funder.programme}


def contact_summary(contact):
    return {
        "id": contact.pk,
        "language": contact.language,
        "name": contact.name,
        "role": contact.role,
        "office_hours_note": contact.office_hours_note,
    }


class StandardPage(BasePage):
    """Goals, tasks, about us, accessibility statement: plain pages with the shared body."""

    subpage_types = ["home.StandardPage"]

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class ActionFieldPage(BasePage):
    """A Handlungsfeld such as Zusammenleben, Bildung or Arbeiten: a theme hub that lists the
    news, events, projects and meetings tagged with it, and the topic subscribers choose."""

    show_in_menus_default = True  # a section: in the network's menu unless an editor takes it out

    subpage_types = ["home.StandardPage"]
    parent_page_types = ["home.HomePage"]
    base_form_class = NetworkPageForm

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    api_fields = BasePage.api_fields + [APIField("tagged_content")]

    class Meta:
        verbose_name = _("action field")
        verbose_name_plural = _("action fields")

    @property
    def tagged_content_pages(self):
        """Live, public pages tagged with this field: recent news, upcoming events, projects,
        recent meetings."""
        today = timezone.localdate()
        return {
            "news": public(self.tagged_newspage.live()).order_by("-date")[:20],
            "events": public(self.tagged_eventpage.live())
            .filter(
                models.Q(start__date__gte=today)
                | models.Q(end__date__gte=today)
                | models.Q(recurrence_until__gte=today)
            )
            .order_by("start")[:20],
            "projects": public(self.tagged_projectpage.live()).order_by("title"),
            "meetings": public(self.tagged_meetingpage.live()).order_by("-start")[:20],
        }

    @property
    def tagged_content(self):
        return {
            kind: [{"id": p.pk, "title": p.title, "url": p.get_url()} for p in pages]
            for kind, pages in self.tagged_content_pages.items()
        }


class RoundTablePage(ActionFieldTagged, BasePage):
    """A Runder Tisch, Arbeitsgruppe or Integrationsforum: a standing body with member
    organisations, contacts and meetings (its child pages)."""

    show_in_menus_default = True  # a section: in the network's menu unless an editor takes it out

    purpose = RichTextField(_("purpose"), features=RICH_TEXT_FEATURES, blank=True)

    subpage_types = ["home.MeetingPage"]

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("purpose"),
        FieldPanel("image"),
        FieldPanel("body"),
        ActionFieldTagged.action_field_panel,
        InlinePanel("members", label=_("Member organisations")),
        InlinePanel("contacts", label=_("Contacts")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("purpose")]
    api_fields = (
        BasePage.api_fields
        + [APIField("purpose"), APIField("members"), APIField("contacts"), APIField("meetings")]
        + ActionFieldTagged.action_field_api_fields
    )

    class Meta:
        verbose_name = _("round table")
        verbose_name_plural = _("round tables")

    @property
    def member_list(self):
        return organisation_items(self.members.all(), self.locale)

    @property
    def contact_list(self):
        return contact_items(self.contacts.all(), self.locale)

    @property
    def meeting_pages(self):
        """The round table's live, public meetings, newest first (the template links them)."""
        return public(MeetingPage.objects.child_of(self).live()).order_by("-start")

    @property
    def meetings(self):
        return [
            {"id": m.pk, "title": m.title, "start": m.start, "status": m.status, "url": m.get_url()}
            for m in self.meeting_pages
        ]


class RoundTableMember(InPageLanguage, Orderable):
    """A member organisation of a round table, in the order the network lists them."""

    objects = joining("organisation")

    page = ParentalKey(RoundTablePage, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "home.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=100, blank=True, help_text=_('For example "Sprecherin" or "Gast".'))

    panels = [FieldPanel("organisation"), FieldPanel("role")]
    api_fields = [APIField("organisation"), APIField("role"), APIField("organisation_name")]

    @property
    def organisation_name(self):
        """The organisation's name in the page's language (else German)."""
        return self.snippet_in_page_language("organisation").name


class RoundTableContact(InPageLanguage, Orderable):
    """A contact person of a round table."""

    objects = joining("contact")

    page = ParentalKey(RoundTablePage, on_delete=models.CASCADE, related_name="contacts")
    contact = models.ForeignKey("home.Contact", verbose_name=_("contact"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("contact")]
    api_fields = [APIField("contact"), APIField("contact_in_page_language")]

    @property
    def contact_in_page_language(self):
        """The contact's id, role and office-hours note in the page's language (else German)."""
        return contact_summary(self.snippet_in_page_language("contact"))


class MeetingPage(RouteSafeSlug, ActionFieldTagged, Page):
    """One meeting (Sitzung, Fachforum, Auftaktveranstaltung) of a round table, documented
    with agenda, minutes (Protokoll), results and demands, and documents."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        DOCUMENTED = "documented", _("documented")

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    location_name = models.CharField(_("place"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    teaser = models.TextField(_("teaser"), blank=True, max_length=400)
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("agenda"), blank=True)
    minutes = RichTextField(_("minutes"), features=RICH_TEXT_FEATURES, blank=True)
    results = StreamField([("result", ResultBlock())], verbose_name=_("results and demands"), blank=True)
    documents = StreamField([("documents", DocumentsBlock())], verbose_name=_("documents"), blank=True)

    parent_page_types = ["home.RoundTablePage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location_name"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("status"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("teaser"),
        FieldPanel("agenda"),
        FieldPanel("minutes"),
        FieldPanel("results"),
        FieldPanel("documents"),
        ActionFieldTagged.action_field_panel,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("agenda"),
        index.SearchField("minutes"),
        index.SearchField("results"),
        index.FilterField("start"),
        index.FilterField("status"),
    ]
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("location_name"),
        APIField("address"),
        APIField("online_url"),
        APIField("status"),
        APIField("teaser"),
        APIField("agenda"),
        APIField("minutes"),
        APIField("results"),
        APIField("documents"),
    ] + ActionFieldTagged.action_field_api_fields

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def clean(self):
        super().clean()
        ensure_end_after_start(self.start, self.end)
        if self.status == self.Status.DOCUMENTED and not (self.minutes or self.results):
            raise ValidationError({"status": _("A documented meeting needs minutes or results.")})


class NewsIndexPage(IndexPage):
    """The list of a network's news."""

    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")


class NewsPage(ActionFieldTagged, BasePage):
    """A news item (Meldung) of the network."""

    date = models.DateField(_("date"), default=timezone.localdate)

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        ActionFieldTagged.action_field_panel,
    ]
    search_fields = BasePage.search_fields + [index.FilterField("date")]
    api_fields = [APIField("date")] + BasePage.api_fields + ActionFieldTagged.action_field_api_fields

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")


class EventIndexPage(IndexPage):
    """The event calendar (Veranstaltungskalender) of a network."""

    subpage_types = ["home.EventPage"]

    class Meta:
        verbose_name = _("event calendar")

    def upcoming_events(self, today=None):
        today = today or timezone.localdate()
        return (
            public(EventPage.objects.child_of(self).live())
            .filter(
                models.Q(start__date__gte=today)
                | models.Q(end__date__gte=today)
                | models.Q(recurrence_until__gte=today)
            )
            .order_by("start")
        )


class EventPage(ActionFieldTagged, BasePage):
    """An event: when, where (or online), free of charge or not, how to register."""

    class Recurrence(models.TextChoices):
        NONE = "", _("does not repeat")
        WEEKLY = "weekly", _("every week")
        BIWEEKLY = "biweekly", _("every two weeks")
        MONTHLY = "monthly", _("every month")

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    location_name = models.CharField(_("place"), max_length=255, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    free_of_charge = models.BooleanField(_("free of charge"), default=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_limit = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Maximum number of participants.")
    )
    recurrence = models.CharField(
        _("repeats"), max_length=20, choices=Recurrence.choices, default=Recurrence.NONE, blank=True
    )
    recurrence_until = models.DateField(_("repeats until"), null=True, blank=True)

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("recurrence"), FieldPanel("recurrence_until")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("location_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("free_of_charge"),
                FieldPanel("registration_url"),
                FieldPanel("registration_limit"),
            ],
            heading=_("Participation"),
        ),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        ActionFieldTagged.action_field_panel,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("location_name"),
        index.FilterField("start"),
        index.FilterField("free_of_charge"),
    ]
    api_fields = (
        [
            APIField("start"),
            APIField("end"),
            APIField("all_day"),
            APIField("location_name"),
            APIField("street"),
            APIField("postal_code"),
            APIField("city"),
            APIField("online_url"),
            APIField("free_of_charge"),
            APIField("registration_url"),
            APIField("registration_limit"),
            APIField("recurrence"),
            APIField("recurrence_until"),
        ]
        + BasePage.api_fields
        + ActionFieldTagged.action_field_api_fields
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        ensure_end_after_start(self.start, self.end)
        if self.recurrence and not self.recurrence_until:
            raise ValidationError({"recurrence_until": _("A repeating event needs an end date.")})
        if self.recurrence_until and self.start and self.recurrence_until < self.start.date():
            raise ValidationError({"recurrence_until": _("The repetition must end after the start.")})


class ProjectIndexPage(IndexPage):
    """The list of network projects, current and completed."""

    subpage_types = ["home.ProjectPage"]

    class Meta:
        verbose_name = _("project index")

    def projects(self, status):
        return public(ProjectPage.objects.child_of(self).live()).filter(status=status).order_by("title")

    @property
    def current_projects(self):
        return self.projects(ProjectPage.Status.CURRENT)

    @property
    def completed_projects(self):
        return self.projects(ProjectPage.Status.COMPLETED)


class ProjectPage(ActionFieldTagged, BasePage):
    """A network project (Netzwerkprojekt) with its period and partner organisations."""

    class Status(models.TextChoices):
        CURRENT = "current", _("current")
        COMPLETED = "completed", _("completed")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CURRENT)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)

    parent_page_types = ["home.ProjectIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("status"), FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("partners", label=_("Partners")),
        ActionFieldTagged.action_field_panel,
    ]
    search_fields = BasePage.search_fields + [index.FilterField("status")]
    api_fields = (
        [APIField("status"), APIField("start_date"), APIField("end_date"), APIField("partners")]
        + BasePage.api_fields
        + ActionFieldTagged.action_field_api_fields
    )

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        ensure_end_after_start(self.start_date, self.end_date, field="end_date")

    @property
    def partner_list(self):
        return organisation_items(self.partners.all(), self.locale)


class ProjectPartner(InPageLanguage, Orderable):
    """An organisation taking part in a project."""

    objects = joining("organisation")

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "home.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]
    api_fields = [APIField("organisation"), APIField("organisation_name")]

    @property
    def organisation_name(self):
        """The organisation's name in the page's language (else German)."""
        return self.snippet_in_page_language("organisation").name


class ProcessPage(BasePage):
    """A participation process (Beteiligungsprozess) in ordered phases; the current phase
    follows from today's date."""

    show_in_menus_default = True  # a section: in the network's menu unless an editor takes it out

    subpage_types = ["home.StandardPage"]

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("phases", label=_("Phases"), min_num=1),
    ]
    api_fields = BasePage.api_fields + [APIField("phases"), APIField("current_phase_id")]

    class Meta:
        verbose_name = _("participation process")
        verbose_name_plural = _("participation processes")

    def current_phase(self, today=None):
        """The phase that started last on or before today; None before the first phase."""
        today = today or timezone.localdate()
        started = [p for p in self.phases.all() if p.start_date and p.start_date <= today]
        return max(started, key=lambda p: p.start_date) if started else None

    @property
    def current_phase_id(self):
        phase = self.current_phase()
        return phase.pk if phase else None


class ProcessPhase(Orderable):
    """One stage of a participation process (Analyse, Auftakt, Fachforen, Umsetzung …)."""

    page = ParentalKey(ProcessPage, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("title"), max_length=200)
    text = RichTextField(_("text"), features=RICH_TEXT_FEATURES, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("text"),
    ]
    api_fields = [APIField("title"), APIField("text"), APIField("start_date"), APIField("end_date")]

    def clean(self):
        ensure_end_after_start(self.start_date, self.end_date, field="end_date")

    def __str__(self):
        return self.title
