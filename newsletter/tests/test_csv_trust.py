"""Subscriber CSV files from the real world: odd rows and encodings answer with the line that is
wrong (nothing imported), never a server error; exports cannot carry formulas into spreadsheets."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newsletter.models import Subscriber

IMPORT_URL = "/admin/newsletter/subscribers/import/"


def upload(client, network, data):
    response = client.post(IMPORT_URL, {"site": network.site.pk, "file": SimpleUploadedFile("s.csv", data)})
    return response.status_code, response.content.decode()


@pytest.mark.parametrize(
    "data, message",
    [
        (b"email;consent\nanna@example.org;ja;zu;viel\n", "Zeile 2: mehr Felder als die Kopfzeile"),
        (b"email;consent;consent_date\nanna@example.org;ja;2026-02-30\n", "Zeile 2: consent_date „2026-02-30“"),
        (b"email;consent;name\nanna@example.org;ja;Anna\nbert@example.org;ja;Be\x00rt\n", "Zeile 3: mehr Felder"),
        (b"email;consent\n\x81\x8d\x8f@example.org;ja\n", "weder UTF-8 noch Windows-1252"),
    ],
    ids=["more fields than the header", "impossible date", "NUL byte", "neither UTF-8 nor cp1252"],
)
def test_broken_csv_is_refused_by_line_and_imports_nothing(network, admin_client, data, message):
    status, html = upload(admin_client, network, data)
    assert status == 200 and message in html
    assert "Es wurde nichts importiert" in html
    assert not Subscriber.objects.exists()


def test_windows_1252_file_from_a_spreadsheet_imports_umlauts(network, admin_client):
    status, _ = upload(admin_client, network, "email;consent;name\njoerg@example.org;ja;Jörg Müller\n".encode("cp1252"))
    assert status == 302
    assert Subscriber.objects.get(email="joerg@example.org").name == "Jörg Müller"


def test_exports_neutralise_formulas(network, admin_client):
    for i, start in enumerate(["=", "+", "-", "@", "\t", "\r"]):
        Subscriber.objects.create(
            site=network.site, email=f"f{i}@example.org", name=f'{start}HYPERLINK("http://evil.example","x")'
        )
    export = admin_client.get(f"/admin/newsletter/subscribers/export/{network.site.pk}.csv").content.decode()
    names = [row[1] for row in csv.reader(io.StringIO(export))][1:]
    assert len(names) == 6 and all(name.startswith("'") for name in names)

    listing = admin_client.get("/admin/snippets/newsletter/subscriber/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(listing.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)


def test_an_unknown_topic_is_answered_with_the_networks_topics_and_names_work_like_slugs(network, admin_client):
    status, html = upload(admin_client, network, b"email,consent,topics\nanna@example.org,ja,Sport\n")
    assert status == 200
    assert "Zeile 2: unbekannte Themen: Sport. Die Themen dieses Netzwerks sind: bildung." in html
    assert not Subscriber.objects.exists()

    status, _ = upload(admin_client, network, b"email,consent,topics\nanna@example.org,ja,Bildung\n")
    assert status == 302  # the topic's name, as editors know it, is as good as its slug
    assert [t.slug for t in Subscriber.objects.get(email="anna@example.org").topics.all()] == ["bildung"]
