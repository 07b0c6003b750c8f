"""Builds the demo networks from ``networks.py``: one Wagtail site per network with its page
tree, snippets, generated images and an editor group.

Idempotent: everything is looked up by a natural key first (site by hostname, page by slug
under its parent, snippet by site and name, image by collection and title, group by name) and
only created when missing; nothing that exists is changed. ``reset_network`` removes one
network entirely so that ``load_demo --reset`` can rebuild it with fresh relative dates.
"""

import datetime
import io
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from home.editors import ensure_collection, ensure_editor_group
from home.extensions import demo_contributions
from home.models import (
    ActionFieldPage,
    Contact,
    EventIndexPage,
    EventPage,
    Funder,
    HomePage,
    HomePageContact,
    HomePageFunder,
    HomePageHighlight,
    MeetingPage,
    NewsIndexPage,
    NewsPage,
    OfficeHour,
    Organisation,
    ProcessPage,
    ProcessPhase,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    RoundTableContact,
    RoundTableMember,
    RoundTablePage,
    StandardPage,
)

from . import images
from .networks import NETWORKS

PORT = 80
WELCOME_TITLE_PREFIX = "Welcome to your new Wagtail site"


def _time(value):
    hours, minutes = value.split(":")
    return datetime.time(int(hours), int(minutes))


@dataclass
class Result:
    hostname: str
    site_name: str
    pages: int = 0
    created_pages: int = 0
    created_images: int = 0
    created_snippets: int = 0
    notes: list = field(default_factory=list)


class NetworkBuilder:
    def __init__(self, spec, today=None):
        self.spec = spec
        self.today = today or timezone.localdate()
        self.color = tuple(spec["color"])
        self.result = Result(spec["hostname"], spec["site_name"])

    # --- dates -------------------------------------------------------------------------

    def days(self, offset):
        return None if offset is None else self.today + datetime.timedelta(days=offset)

    def at(self, date, time):
        return timezone.make_aware(datetime.datetime.combine(date, _time(time)))

    def event_date(self, week, weekday):
        monday = self.today - datetime.timedelta(days=self.today.weekday())
        return monday + datetime.timedelta(weeks=week, days=weekday)

    # --- building blocks -----------------------------------------------------------------

    def image(self, title, draw):
        """The network's image with this title, drawn and stored on first use."""
        Image = get_image_model()
        existing = Image.objects.filter(collection=self.collection, title=title).first()
        if existing is not None:
            return existing
        data = draw()
        slug = "".join(c if c.isalnum() else "-" for c in title.lower())[:60].strip("-")
        filename = f"demo-{self.spec['key']}-{slug}.png"
        image = Image(title=title, collection=self.collection)
        image.file = ImageFile(io.BytesIO(data), name=filename)
        image.save()
        self.result.created_images += 1
        return image

    def banner(self, title, subtitle=""):
        return self.image(title, lambda: images.banner(title, subtitle or self.spec["site_name"], self.color))

    def ensure_page(self, parent, slug, make):
        """The child of ``parent`` with this slug; created and published through a revision
        if missing. ``make`` returns the unsaved page (with its relations) only when needed."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific, False
        page = make()
        page.slug = slug
        page.live = False
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.result.created_pages += 1
        return page, True

    def ensure_collection(self):
        return ensure_collection(self.spec["site_name"])

    def ensure_home(self):
        site = find_site(self.spec["hostname"])
        if site is not None:
            home = site.root_page.specific
            if not isinstance(home, HomePage):
                raise ValueError(f"{site.hostname} exists but its root page is no network home page")
            return site, home
        spec = self.spec["home"]
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).filter(slug=spec["slug"]).first()
        if home is None:
            home = HomePage(title=spec["title"], slug=spec["slug"], intro=spec["intro"], live=False)
            root.add_child(instance=home)
            self.result.created_pages += 1
        site = Site.objects.create(
            hostname=self.spec["hostname"],
            port=PORT,
            root_page=home,
            site_name=self.spec["site_name"],
            is_default_site=False,
        )
        return site, home

    def ensure_organisations(self):
        orgs = {}
        for spec in self.spec["organisations"]:
            org, created = Organisation.objects.get_or_create(
                site=self.site,
                name=spec["name"],
                defaults={
                    "kind": spec["kind"],
                    "district": spec.get("district", ""),
                    "description": spec.get("description", ""),
                    "website": spec.get("website", ""),
                },
            )
            self.result.created_snippets += created
            orgs[org.name] = org
        return orgs

    def ensure_contacts(self):
        contacts = {}
        for spec in self.spec["contacts"]:
            contact = Contact.objects.filter(site=self.site, name=spec["name"]).first()
            if contact is None:
                contact = Contact(
                    site=self.site,
                    name=spec["name"],
                    role=spec.get("role", ""),
                    organisation=self.orgs.get(spec.get("organisation")),
                    phone=spec.get("phone", ""),
                    email=spec.get("email", ""),
                    street=spec.get("street", ""),
                    postal_code=spec.get("postal_code", ""),
                    city=spec.get("city", ""),
                    room=spec.get("room", ""),
                    office_hours_note=spec.get("office_hours_note", ""),
                    photo=self.image(
                        f"Porträt {spec['name']}", lambda name=spec["name"]: images.portrait(name, self.color)
                    ),
                )
                contact.office_hours = [
                    OfficeHour(weekday=weekday, opens=_time(opens), closes=_time(closes), sort_order=i)
                    for i, (weekday, opens, closes) in enumerate(spec.get("office_hours", []))
                ]
                contact.save()
                self.result.created_snippets += 1
            contacts[contact.name] = contact
        return contacts

    def ensure_funders(self):
        funders = {}
        for spec in self.spec["funders"]:
            funder = Funder.objects.filter(site=self.site, name=spec["name"]).first()
            if funder is None:
                funder = Funder.objects.create(
                    site=self.site,
                    name=spec["name"],
                    programme=spec.get("programme", ""),
                    website=spec.get("website", ""),
                    logo=self.image(
                        f"Logo {spec['name']}",
                        lambda s=spec: images.logo(s["name"], s.get("programme", ""), self.color),
                    ),
                )
                self.result.created_snippets += 1
            funders[funder.name] = funder
        return funders

    def fields_of(self, slugs):
        return [self.action_fields[slug] for slug in slugs]

    # --- pages -----------------------------------------------------------------------------

    def standard_page(self, parent, spec):
        return self.ensure_page(
            parent,
            spec["slug"],
            lambda: StandardPage(title=spec["title"], teaser=spec.get("teaser", ""), body=spec.get("body", [])),
        )[0]

    def action_field_page(self, spec):
        def make():
            return ActionFieldPage(
                title=spec["title"],
                teaser=spec["teaser"],
                body=spec["body"],
                image=self.banner(spec["title"], "Handlungsfeld"),
            )

        return self.ensure_page(self.home, spec["slug"], make)[0]

    def process_page(self, spec):
        def make():
            page = ProcessPage(
                title=spec["title"],
                teaser=spec["teaser"],
                body=spec["body"],
                image=self.banner(spec["title"], "Beteiligungsprozess"),
            )
            page.phases = [
                ProcessPhase(
                    title=phase["title"],
                    text=phase["text"],
                    start_date=self.days(phase["start"]),
                    end_date=self.days(phase["end"]),
                    sort_order=i,
                )
                for i, phase in enumerate(spec["phases"])
            ]
            return page

        return self.ensure_page(self.home, spec["slug"], make)[0]

    def round_table_page(self, spec):
        def make():
            page = RoundTablePage(
                title=spec["title"],
                teaser=spec["teaser"],
                purpose=spec["purpose"],
                body=spec["body"],
                image=self.banner(spec["title"]),
            )
            page.members = [
                RoundTableMember(organisation=self.orgs[name], role=role, sort_order=i)
                for i, (name, role) in enumerate(spec["members"])
            ]
            page.contacts = [
                RoundTableContact(contact=self.contacts[name], sort_order=i) for i, name in enumerate(spec["contacts"])
            ]
            page.action_fields = self.fields_of(spec["action_fields"])
            return page

        table = self.ensure_page(self.home, spec["slug"], make)[0]
        for meeting in spec["meetings"]:
            self.meeting_page(table, meeting)
        return table

    def meeting_page(self, table, spec):
        def make():
            # a meeting that is also announced as an event falls on the event's day
            date = self.event_date(spec["week"], spec["weekday"]) if "week" in spec else self.days(spec["days"])
            start = self.at(date, spec["time"])
            page = MeetingPage(
                title=spec["title"],
                start=start,
                end=start + datetime.timedelta(hours=spec["hours"]),
                location_name=spec.get("location_name", ""),
                address=spec.get("address", ""),
                online_url=spec.get("online_url", ""),
                status=spec["status"],
                teaser=spec.get("teaser", ""),
                agenda=[
                    {"type": "item", "value": {"title": title, "description": description}}
                    for title, description in spec.get("agenda", [])
                ],
                minutes=spec.get("minutes", ""),
                results=[
                    {"type": "result", "value": {"kind": kind, "text": text, "addressee": addressee}}
                    for kind, text, addressee in spec.get("results", [])
                ],
            )
            page.action_fields = self.fields_of(spec.get("action_fields", []))
            return page

        return self.ensure_page(table, spec["slug"], make)[0]

    def news_pages(self, spec, items):
        index = self.ensure_page(
            self.home, spec["slug"], lambda: NewsIndexPage(title=spec["title"], intro=spec.get("intro", ""))
        )[0]
        for item in items:

            def make(item=item):
                page = NewsPage(
                    title=item["title"],
                    date=self.today - datetime.timedelta(days=item["days_ago"]),
                    teaser=item["teaser"],
                    body=item["body"],
                    image=self.banner(item["title"], "Aktuelles"),
                )
                page.action_fields = self.fields_of(item.get("action_fields", []))
                return page

            self.ensure_page(index, item["slug"], make)
        return index

    def event_pages(self, spec, items):
        index = self.ensure_page(
            self.home, spec["slug"], lambda: EventIndexPage(title=spec["title"], intro=spec.get("intro", ""))
        )[0]
        for item in items:

            def make(item=item):
                date = self.event_date(item["week"], item["weekday"])
                start = self.at(date, item["time"])
                until = item.get("until_weeks")
                page = EventPage(
                    title=item["title"],
                    start=start,
                    end=start + datetime.timedelta(hours=item["hours"]),
                    all_day=item.get("all_day", False),
                    location_name=item.get("location_name", ""),
                    street=item.get("street", ""),
                    postal_code=item.get("postal_code", ""),
                    city=item.get("city", ""),
                    online_url=item.get("online_url", ""),
                    free_of_charge=item["free"],
                    registration_url=item.get("registration_url", ""),
                    registration_limit=item.get("limit"),
                    recurrence=item.get("recurrence", ""),
                    recurrence_until=date + datetime.timedelta(weeks=until) if until else None,
                    teaser=item["teaser"],
                    body=item["body"],
                    image=self.banner(item["title"], "Veranstaltung"),
                )
                page.action_fields = self.fields_of(item.get("action_fields", []))
                return page

            self.ensure_page(index, item["slug"], make)
        return index

    def project_pages(self, spec, items):
        index = self.ensure_page(
            self.home, spec["slug"], lambda: ProjectIndexPage(title=spec["title"], intro=spec.get("intro", ""))
        )[0]
        for item in items:

            def make(item=item):
                page = ProjectPage(
                    title=item["title"],
                    status=item["status"],
                    start_date=self.days(item["start"]),
                    end_date=self.days(item["end"]),
                    teaser=item["teaser"],
                    body=item["body"],
                    image=self.banner(item["title"], "Netzwerkprojekt"),
                )
                page.partners = [
                    ProjectPartner(organisation=self.orgs[name], sort_order=i)
                    for i, name in enumerate(item.get("partners", []))
                ]
                page.action_fields = self.fields_of(item.get("action_fields", []))
                return page

            self.ensure_page(index, item["slug"], make)
        return index

    def resolve_page_buttons(self, body):
        """Swap slug paths in button blocks for page ids (see ``networks.page_button``)."""
        resolved = []
        for block in body:
            value = block["value"]
            if block["type"] == "button" and isinstance(value.get("page"), str):
                target = self.home.get_children().filter(slug=value["page"]).first()
                value = {**value, "page": target.pk if target else None}
                if target is None:
                    value["url"] = "https://example.org/"
                    self.result.notes.append(f"button target {block['value']['page']} missing")
            resolved.append({**block, "value": value})
        return resolved

    def finish_home(self):
        """Give a new home page its image, body, highlights, contacts and funders, and publish
        it. A home page that is already live is left as it is."""
        home = HomePage.objects.get(pk=self.home.pk)
        if home.live:
            return home
        spec = self.spec["home"]
        home.title = spec["title"]
        home.intro = spec["intro"]
        home.image = self.banner(spec["title"], "Willkommen")
        home.body = self.resolve_page_buttons(spec["body"])
        home.highlights = [
            HomePageHighlight(target=home.get_children().get(slug=slug), label=label, sort_order=i)
            for i, (slug, label) in enumerate(spec["highlights"])
        ]
        home.contacts = [
            HomePageContact(contact=self.contacts[name], sort_order=i) for i, name in enumerate(spec["contacts"])
        ]
        home.funders = [
            HomePageFunder(funder=self.funders[name], sort_order=i) for i, name in enumerate(spec["funders"])
        ]
        home.save_revision().publish()
        return home

    def ensure_group(self):
        return ensure_editor_group(self.site, name=f"Redaktion {self.spec['site_name']}", collection=self.collection)

    # --- the whole network -------------------------------------------------------------------

    @transaction.atomic
    def build(self):
        spec = self.spec
        self.collection = self.ensure_collection()
        self.site, self.home = self.ensure_home()
        self.orgs = self.ensure_organisations()
        self.contacts = self.ensure_contacts()
        self.funders = self.ensure_funders()
        for page in spec["pages"]:
            self.standard_page(self.home, page)
        self.action_fields = {af["slug"]: self.action_field_page(af) for af in spec["action_fields"]}
        self.round_table_page(spec["round_table"])
        self.process_page(spec["process"])
        self.news_pages(spec["news_index"], spec["news"])
        self.event_pages(spec["event_index"], spec["events"])
        self.project_pages(spec["project_index"], spec["projects"])
        for contribution in demo_contributions():  # e.g. the participation forms
            self.result.created_pages += contribution.add_pages(self.home)
        self.home = self.finish_home()
        self.group = self.ensure_group()
        self.result.pages = self.home.get_descendants(inclusive=True).count()
        return self.result


def remove_wagtail_welcome_page():
    """Delete the placeholder page (and its localhost site) that Wagtail's first migration
    creates, as long as nobody has put anything below it. Returns True if it was removed."""
    page_type = ContentType.objects.get_for_model(Page)
    removed = False
    for page in Page.objects.filter(depth=2, content_type=page_type, title__startswith=WELCOME_TITLE_PREFIX):
        if page.get_children().exists():
            continue
        Site.objects.filter(root_page=page).delete()
        page.delete()
        removed = True
    return removed


def find_site(hostname):
    """The demo network's site, whatever port ``load_demo --port`` gave it."""
    return Site.objects.filter(hostname=hostname).order_by("pk").first()


def serve_on_port(specs, port):
    """Give the demo sites the port the server listens on (``make run``: 8000), so the links
    Wagtail builds to another network ("Live ansehen", previews, mails) keep that port instead
    of pointing at port 80 where nothing answers. Returns the sites changed."""
    changed = []
    for spec in specs:
        site = find_site(spec["hostname"])
        if site is not None and site.port != port:
            site.port = port
            site.save(update_fields=["port"])  # save() also clears Wagtail's cached site root paths
            changed.append(site)
    return changed


def make_default_site(hostname):
    site = find_site(hostname)
    Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
    if not site.is_default_site:
        site.is_default_site = True
        site.save(update_fields=["is_default_site"])
    return site


@transaction.atomic
def reset_network(spec):
    """Remove a demo network: its site, page tree, snippets, images, collection and group."""
    site = find_site(spec["hostname"])
    if site is not None:
        root = site.root_page
        for model in (Contact, Funder, Organisation):
            model.objects.filter(site=site).delete()
        site.delete()
        root.delete()
    Group.objects.filter(name=f"Redaktion {spec['site_name']}").delete()
    collection = Collection.get_first_root_node().get_children().filter(name=spec["site_name"]).first()
    if collection is not None:
        for image in get_image_model().objects.filter(collection=collection):
            image.delete()
        collection.delete()


def build_all(specs=None, today=None):
    """Build every network, then make the one marked ``is_default`` the default site."""
    specs = specs or NETWORKS
    with transaction.atomic():
        remove_wagtail_welcome_page()
        results = [NetworkBuilder(spec, today=today).build() for spec in specs]
        for spec in specs:
            if spec.get("is_default"):
                make_default_site(spec["hostname"])
    return results
