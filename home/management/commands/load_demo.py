"""``python manage.py load_demo``: five demo integration networks, each its own Wagtail site.

``--port 8000`` (``make run`` passes its port) gives the sites the server's port, so links from
one network to another (the admin's "Live ansehen", previews) do not point at port 80.

Safe to run repeatedly: what exists is kept, what is missing is added. ``--reset`` removes the
demo networks first and rebuilds them, e.g. to move event dates back into the coming months.
"""

import logging
import time

from django.core.management.base import BaseCommand, CommandError

from home.demo.builder import build_all, reset_network, serve_on_port
from home.demo.networks import NETWORKS
from home.extensions import demo_builds_suspended, demo_contributions


class Command(BaseCommand):
    help = "Create five demo networks (sites, pages, snippets, images, editor groups)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo networks (sites, pages, snippets, images, groups) and build them anew.",
        )
        parser.add_argument(
            "--network",
            action="append",
            choices=[spec["key"] for spec in NETWORKS],
            help="Only this network (repeatable).",
        )
        parser.add_argument(
            "--port",
            type=int,
            help="The port the server listens on (make run: 8000): links between the networks keep it.",
        )

    def handle(self, *args, quiet=False, reset=False, network=None, port=None, **options):
        specs = [spec for spec in NETWORKS if not network or spec["key"] in network]
        started = time.monotonic()
        # Wagtail and the task runner log every page and index update at INFO: 150 pages
        # would bury the summary. Warnings and errors still come through.
        previous = logging.root.manager.disable
        logging.disable(max(previous, logging.INFO))
        try:
            if reset:
                for spec in specs:
                    reset_network(spec)
            with demo_builds_suspended():
                results = build_all(specs)
                # What the feature apps add: Leichte Sprache versions, DGS video, senders …
                lines = [line for contribution in demo_contributions() for line in contribution.add_to_networks(specs)]
        except (KeyError, ValueError) as error:
            raise CommandError(f"Could not build the demo networks: {error!r}") from error
        finally:
            logging.disable(previous)
        for contribution in demo_contributions():
            contribution.after_build()
        if port:
            serve_on_port(specs, port)
        if quiet:
            return
        for result in results:
            self.stdout.write(
                f"{result.hostname}: {result.pages} Seiten ({result.site_name}; "
                f"neu: {result.created_pages} Seiten, {result.created_images} Bilder, "
                f"{result.created_snippets} Snippets)"
            )
            for note in result.notes:
                self.stdout.write(self.style.WARNING(f"  {note}"))
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Fertig in {time.monotonic() - started:.1f} s."))
