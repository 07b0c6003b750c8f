"""Sign language (DGS) videos per page, the BITV 2.0 §4 explanations of each network's start
page, and the accessibility statement (Erklärung zur Barrierefreiheit) with its feedback form.

Videos live in wagtailmedia's library (it supports Wagtail 8); every video that a page or an
explanation uses has passed the BITV 2.0 Anlage 2 check and carries what ffprobe read
(:class:`VideoCheck`), so public pages show size and duration without probing per request.
"""

import contextlib
import os
import shutil
import tempfile

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel
from wagtailmedia.settings import wagtailmedia_settings

from home.models.tagging import NetworkPageForm
from home.permissions import SiteOwnedForm
from home.routes import RouteSafeSlug

from .forms import SignLanguageVideoForm
from .video import check_video

MEDIA_MODEL = wagtailmedia_settings.MEDIA_MODEL


@contextlib.contextmanager
def local_path(field_file):
    """A filesystem path for a stored or uploaded file (copied to a temporary file if needed)."""
    uploaded = getattr(field_file, "file", None)
    if hasattr(uploaded, "temporary_file_path"):
        yield uploaded.temporary_file_path()
        return
    try:
        path = field_file.path
    except (NotImplementedError, ValueError, AttributeError):
        path = None
    if path and os.path.exists(path) and getattr(field_file, "_committed", True):
        yield path
        return
    suffix = os.path.splitext(getattr(field_file, "name", "") or "")[1]
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        field_file.seek(0)
        shutil.copyfileobj(field_file, handle)
        handle.flush()
        field_file.seek(0)
        yield handle.name


class VideoCheck(models.Model):
    """What ffprobe read from a video in the media library when it passed the BITV 2.0
    Anlage 2 check. Kept so the public page shows size and duration without probing the file
    on every request, and so the check is on record for the accessibility statement."""

    media = models.OneToOneField(MEDIA_MODEL, on_delete=models.CASCADE, related_name="video_check")
    file_name = models.CharField(_("checked file"), max_length=255)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    fps = models.FloatField(_("frames per second"))
    duration_seconds = models.FloatField(_("duration (seconds)"))
    size_bytes = models.BigIntegerField(_("size (bytes)"))
    checked_at = models.DateTimeField(_("checked at"), auto_now=True)
    poster_from = models.CharField(
        _("poster taken from"),
        max_length=255,
        blank=True,
        help_text=_("The video file the generated poster image was taken from."),
    )

    class Meta:
        verbose_name = _("video check")

    def __str__(self):
        return f"{self.media} {self.width}×{self.height} {self.fps:g} fps"


def check_media(media):
    """Check a media item's file against BITV 2.0 Anlage 2 and record what was read.

    Raises ValidationError with every problem; an already recorded check of the same file is
    reused, so saving a page does not probe its video again."""
    if not media or not media.file:
        raise ValidationError(_("Please choose a video."))
    if media.type != "video":
        raise ValidationError(
            _("“%(title)s” was not uploaded as a video. Please upload it as a video.") % {"title": media.title}
        )
    if media.pk:
        try:
            existing = media.video_check  # no query when loaded with select_related
        except VideoCheck.DoesNotExist:
            existing = None
        if existing is not None and existing.file_name == media.file.name:
            return existing
    with local_path(media.file) as path:
        info = check_video(path)
    if not media.pk:
        return info
    check, _created = VideoCheck.objects.update_or_create(
        media=media,
        defaults={
            "file_name": media.file.name,
            "width": info.width,
            "height": info.height,
            "fps": info.fps,
            "duration_seconds": info.duration_seconds,
            "size_bytes": info.size_bytes,
        },
    )
    type(media).video_check.related.set_cached_value(media, check)  # a later read needs no query
    if (media.width, media.height, media.duration) != (info.width, info.height, info.duration_seconds):
        type(media).objects.filter(pk=media.pk).update(
            width=info.width, height=info.height, duration=info.duration_seconds
        )
    return check


def describe_video(media, poster=None):
    """The public facts of a checked video: what the template tag and the API hand out."""
    if media is None:
        return None
    check = check_media(media)
    url = media.file.url
    return {
        "title": media.title,
        "url": url,
        "download_url": url,
        "size_bytes": check.size_bytes,
        "duration_seconds": check.duration_seconds,
        "width": check.width,
        "height": check.height,
        "fps": check.fps,
        "poster_url": poster_url(media, poster),
    }


def poster_url(media, poster=None):
    """The editor's chosen poster image, else the video's thumbnail (uploaded or taken from the
    video by ffmpeg, see :mod:`signlanguage.posters`), else none."""
    if poster is not None:
        return poster.get_rendition("max-1280x720").url
    if media.thumbnail:
        return media.thumbnail.url
    return None


def video_field(verbose_name, blank=False):
    return models.ForeignKey(
        MEDIA_MODEL,
        verbose_name=verbose_name,
        null=blank,
        blank=blank,
        on_delete=models.SET_NULL if blank else models.CASCADE,  # deleting a video detaches it
        related_name="+",
    )


class SignLanguageVideo(models.Model):
    """The DGS (Deutsche Gebärdensprache) video of one page. A separate model keyed by page,
    not a field on each page type, so every page type (also those of other apps) can have one
    without a migration of the page models, and editors manage them in one list per network."""

    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="sign_language_video"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("network"), on_delete=models.CASCADE, related_name="+", editable=False
    )
    video = video_field(_("DGS video"))
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    base_form_class = SignLanguageVideoForm
    panels = [FieldPanel("page"), MediaChooserPanel("video", media_type="video"), FieldPanel("poster")]

    class Meta:
        verbose_name = _("sign language video")
        verbose_name_plural = _("sign language videos")

    def __str__(self):
        return _("DGS video of “%(page)s”") % {"page": self.page.title if self.page_id else "?"}

    def clean(self):
        super().clean()
        if self.page_id and self.page.get_site() is None:
            raise ValidationError({"page": _("This page belongs to no network.")})
        if self.video_id:
            try:
                check_media(self.video)
            except ValidationError as error:
                raise ValidationError({"video": error.messages}) from error

    def save(self, *args, **kwargs):
        site = self.page.get_site()
        if site is None:
            raise ValidationError({"page": _("This page belongs to no network.")})
        self.site = site
        super().save(*args, **kwargs)

    def describe(self):
        return describe_video(self.video, self.poster)


class BITVExplanation(models.Model):
    """The explanations BITV 2.0 §4 asks for on a public body's start page, in Leichte Sprache
    and in DGS: what the site contains, how to navigate it, the accessibility statement, and
    where more such content is. One set per network (site), shown on its start page."""

    TOPICS = (
        ("contents", _("What is on this website?")),
        ("navigation", _("How to find your way")),
        ("statement", _("Accessibility statement")),
        ("more", _("More in Leichte Sprache and DGS")),
    )

    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name=_("network"), on_delete=models.CASCADE, related_name="bitv_explanation"
    )
    contents_text = models.TextField(_("what the site contains (Leichte Sprache)"))
    contents_video = video_field(_("what the site contains (DGS)"), blank=True)
    navigation_text = models.TextField(_("how to navigate (Leichte Sprache)"))
    navigation_video = video_field(_("how to navigate (DGS)"), blank=True)
    statement_text = models.TextField(_("accessibility statement (Leichte Sprache)"))
    statement_video = video_field(_("accessibility statement (DGS)"), blank=True)
    more_text = models.TextField(_("where more such content is (Leichte Sprache)"))
    more_video = video_field(_("where more such content is (DGS)"), blank=True)

    base_form_class = SiteOwnedForm
    panels = [FieldPanel("site")] + [
        MultiFieldPanel(
            [FieldPanel(f"{key}_text"), MediaChooserPanel(f"{key}_video", media_type="video")], heading=heading
        )
        for key, heading in TOPICS
    ]

    class Meta:
        verbose_name = _("BITV explanation")
        verbose_name_plural = _("BITV explanations")

    def __str__(self):
        return _("BITV explanations of %(site)s") % {"site": self.site.site_name or self.site.hostname}

    def clean(self):
        super().clean()
        errors = {}
        for key, _heading in self.TOPICS:
            media = getattr(self, f"{key}_video")
            if media is not None:
                try:
                    check_media(media)
                except ValidationError as error:
                    errors[f"{key}_video"] = error.messages
        if errors:
            raise ValidationError(errors)

    def topics(self):
        """The four explanations in reading order: heading, Leichte Sprache lines, DGS video."""
        return [
            {
                "key": key,
                "heading": str(heading),
                "text": getattr(self, f"{key}_text"),
                "lines": [line for line in getattr(self, f"{key}_text").splitlines() if line.strip()],
                "video": describe_video(getattr(self, f"{key}_video")),
            }
            for key, heading in self.TOPICS
        ]


class AccessibilityStatementPage(RouteSafeSlug, Page):
    """The Erklärung zur Barrierefreiheit every public body's website must have (BITV 2.0
    §§ 7, 8 and Anlage 2 of the EU directive 2016/2102 model): how far the site conforms,
    what is not accessible and why, when the statement was made, how to report barriers
    (the feedback form below it), and the Schlichtungsstelle for disputes."""

    show_in_menus_default = True  # a section: in the network's menu unless an editor takes it out

    class Conformity(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    conformity = models.CharField(
        _("status of conformity"),
        max_length=10,
        choices=Conformity.choices,
        default=Conformity.PARTIAL,
        help_text=_("How far this website meets BITV 2.0 / WCAG 2.2 AA."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    non_accessible_content = RichTextField(
        _("content that is not accessible"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("What is not accessible yet, why, and what readers can use instead."),
    )
    prepared_on = models.DateField(_("statement made on"))
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    feedback_email = models.EmailField(
        _("feedback contact email"),
        blank=True,
        help_text=_("Feedback from the form goes here. Empty: the network's first contact with an email address."),
    )
    feedback_phone = models.CharField(_("feedback contact phone"), max_length=40, blank=True)
    enforcement_name = models.CharField(
        _("Schlichtungsstelle"),
        max_length=200,
        default="Schlichtungsstelle nach dem Behindertengleichstellungsgesetz",
    )
    enforcement_url = models.URLField(_("Schlichtungsstelle link"), default="https://www.schlichtungsstelle-bgg.de/")

    parent_page_types = ["home.HomePage"]
    base_form_class = NetworkPageForm
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("conformity"),
        FieldPanel("non_accessible_content"),
        MultiFieldPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")], heading=_("Dates")),
        MultiFieldPanel([FieldPanel("feedback_email"), FieldPanel("feedback_phone")], heading=_("Feedback")),
        MultiFieldPanel([FieldPanel("enforcement_name"), FieldPanel("enforcement_url")], heading=_("Enforcement")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("non_accessible_content")]
    api_fields = [
        APIField("intro"),
        APIField("conformity"),
        APIField("non_accessible_content"),
        APIField("prepared_on"),
        APIField("reviewed_on"),
        APIField("feedback_email"),
        APIField("feedback_phone"),
        APIField("enforcement_name"),
        APIField("enforcement_url"),
    ]

    class Meta:
        verbose_name = _("accessibility statement")

    def feedback_recipient(self):
        if self.feedback_email:
            return self.feedback_email
        from home.models import Contact

        site = self.get_site()
        contact = Contact.objects.filter(site=site).exclude(email="").order_by("pk").first() if site else None
        return contact.email if contact else ""

    def get_context(self, request, *args, **kwargs):
        from .feedback import fresh_form

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("feedback_form", fresh_form(self))
        context["feedback_sent"] = request.GET.get("sent") == "1"
        return context


class AccessibilityFeedback(models.Model):
    """A barrier a reader reported through the accessibility statement's form. Stored before
    it is mailed, so nothing is lost when mail fails; editors see their network's reports."""

    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("network"), on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey(
        AccessibilityStatementPage,
        verbose_name=_("statement page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    barrier_url = models.CharField(_("page with the barrier"), max_length=500, blank=True)
    message = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    mailed = models.BooleanField(_("mailed to the contact"), default=False)

    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("barrier_url", read_only=True),
        FieldPanel("message", read_only=True),
    ]

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.message[:60]}"


def record_video_check(sender, instance, **kwargs):
    """After a video is saved in the media library, record what ffprobe reads (width, height,
    fps, duration, size). The upload form has already refused files below BITV; a file saved
    some other way is checked again where a page or explanation uses it."""
    if instance.type != "video" or not instance.file:
        return
    with contextlib.suppress(ValidationError, OSError):
        check_media(instance)
    from .posters import needs_poster

    if needs_poster(instance):
        from .tasks import build_poster_task

        transaction.on_commit(lambda: build_poster_task.delay(instance.pk))
