"""Property-based fuzzing of the whole API with schemathesis, against the live test server.

schemathesis reads ``/api/v3/openapi.json`` and sends generated requests to every operation,
valid and invalid ones (odd ids, NUL bytes, lone surrogates, huge numbers, wrong types), once
anonymously and once with an editor's token. Two checks must hold for every answer:

- ``not_a_server_error``: no answer is a 5xx;
- ``response_schema_conformance``: every documented answer matches its schema.

Generation is deterministic (or seeded with ``FUZZ_SEED``), so a failure is reproducible;
``FUZZ_EXAMPLES`` (default 8 per operation) and ``FUZZ_PHASES`` (default: examples, fuzzing,
stateful) bound the run for CI. ``make fuzz`` adds schemathesis' boundary-value coverage phase
and more examples.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from home.models import Funder, OfficeHour, Organisation

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
FUZZ_SEED = os.environ.get("FUZZ_SEED")
FUZZ_PHASES = os.environ.get("FUZZ_PHASES", "examples,fuzzing,stateful")
CHECKS = "not_a_server_error,response_schema_conformance"
ST = Path(sys.executable).with_name("st")


def fill_network(network):
    """Content of each kind the API answers with, so responses are checked against the schema."""
    organisation = Organisation.objects.create(site=network.site, name="Verein Brücke", website="https://example.org")
    network.contact.organisation = organisation
    network.contact.save()
    OfficeHour.objects.create(contact=network.contact, weekday=1, opens="16:00", closes="18:00")
    Funder.objects.create(site=network.site, name="Land Niedersachsen", programme="Integration")


def openapi_document(directory):
    """The schema, fetched here: generating it takes seconds on a loaded machine, longer than
    schemathesis waits for a URL."""
    from django.test import Client

    path = directory / "openapi.json"
    path.write_bytes(Client().get("/api/v3/openapi.json").content)
    return path


def run_schemathesis(live_server, schema, *headers):
    command = [
        str(ST),
        "run",
        str(schema),
        f"--url={live_server.url}",
        f"--checks={CHECKS}",
        f"--max-examples={FUZZ_EXAMPLES}",
        # CI: deterministic generation (Hypothesis' derandomize), the same requests every run;
        # FUZZ_SEED=<n> draws other ones, reproducibly for that seed.
        f"--seed={FUZZ_SEED}" if FUZZ_SEED else "--generation-deterministic",
        f"--phases={FUZZ_PHASES}",
        "--workers=1",
        "--suppress-health-check=all",
        "--request-timeout=30",
        "--no-color",
        *[f"--header={header}" for header in headers],
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    print(result.stdout[-20000:], result.stderr[-5000:])
    return result


pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fuzz_networks(transactional_db, make_network):
    from wagtail.models import Site

    Site.objects.filter(hostname="localhost").delete()  # the live server's host names our network
    own = make_network("fuzz", hostname="localhost")
    other = make_network("other")
    fill_network(own)
    fill_network(other)
    return own, other


def test_api_answers_no_server_error_and_matches_its_schema_for_anonymous_readers(live_server, fuzz_networks, tmp_path):
    result = run_schemathesis(live_server, openapi_document(tmp_path))
    assert result.returncode == 0, "schemathesis found failures (see the output above)"


def test_api_answers_no_server_error_and_matches_its_schema_for_an_editor(live_server, fuzz_networks, tmp_path):
    own, _ = fuzz_networks
    result = run_schemathesis(live_server, openapi_document(tmp_path), f"Authorization: Bearer {own.token}")
    assert result.returncode == 0, "schemathesis found failures (see the output above)"
