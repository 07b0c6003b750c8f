"""The yearly report as the network office uses it: a PDF with the year's meetings and
their results, only of the chosen year and network, ordered and downloaded in the admin."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from conftest import publish
from home.models import EventIndexPage, EventPage, MeetingPage, ProjectIndexPage, ProjectPage, RoundTablePage
from report.compile import build_report, collect
from report.models import YearlyReport

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 18, 0))


def add_meeting(net, title, start, result, demand=""):
    table = net.home.get_children().type(RoundTablePage).first()
    if table is None:
        table = publish(
            net.home.add_child(instance=RoundTablePage(title="Runder Tisch Integration", slug="runder-tisch"))
        )
    results = [{"type": "result", "value": {"kind": "result", "text": result, "addressee": ""}}]
    if demand:
        results.append({"type": "result", "value": {"kind": "demand", "text": demand, "addressee": "Stadtrat"}})
    meeting = table.specific.add_child(
        instance=MeetingPage(
            title=title, slug=title.lower().replace(" ", "-"), start=start, status="documented", results=results
        )
    )
    return publish(meeting)


def pdf_text(report):
    report.file.open("rb")
    try:
        reader = PdfReader(io.BytesIO(report.file.read()))
    finally:
        report.file.close()
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def networks_with_history(two_networks):
    a, b = two_networks.a, two_networks.b
    add_meeting(
        a,
        "Fachforum Bildung",
        at(2025, 3, 12),
        "Ein Elterncafe startet im Mai an der Grundschule Nord.",
        demand="Mehr Sprachkurse mit Kinderbetreuung",
    )
    add_meeting(a, "Sitzung Herbst", at(2025, 10, 1), "Die AG Wohnen trifft sich monatlich.")
    add_meeting(a, "Sitzung vom Vorjahr", at(2024, 11, 20), "Beschluss aus dem alten Jahr.")
    add_meeting(b, "Fachforum im anderen Netzwerk", at(2025, 5, 5), "Ergebnis eines anderen Netzwerks.")
    projects = publish(a.home.add_child(instance=ProjectIndexPage(title="Projekte", slug="projekte")))
    publish(
        projects.add_child(
            instance=ProjectPage(
                title="Lotsenprojekt", slug="lotsen", status="current", start_date=datetime.date(2024, 6, 1)
            )
        )
    )
    publish(
        projects.add_child(
            instance=ProjectPage(
                title="Altes Projekt",
                slug="alt",
                status="completed",
                start_date=datetime.date(2020, 1, 1),
                end_date=datetime.date(2023, 12, 31),
            )
        )
    )
    events = publish(a.home.add_child(instance=EventIndexPage(title="Termine", slug="termine")))
    publish(events.add_child(instance=EventPage(title="Interkulturelles Fest", slug="fest", start=at(2025, 6, 21))))
    publish(events.add_child(instance=EventPage(title="Fest im Folgejahr", slug="fest-2026", start=at(2026, 6, 20))))
    return two_networks


def test_pdf_holds_the_years_meetings_results_projects_and_events(networks_with_history):
    a = networks_with_history.a
    report = build_report(YearlyReport.objects.create(site=a.site, year=2025))

    assert report.status == YearlyReport.Status.DONE, report.error
    assert report.download_name == "jahresbericht-alpha-2025.pdf"
    text = " ".join(pdf_text(report).split())
    assert "Jahresbericht 2025" in text
    assert "Fachforum Bildung" in text
    assert "Ein Elterncafe startet im Mai an der Grundschule Nord." in text
    assert "Mehr Sprachkurse mit Kinderbetreuung" in text
    assert "Die AG Wohnen trifft sich monatlich." in text
    assert "Lotsenprojekt" in text
    assert "Interkulturelles Fest" in text
    assert "Keine Newsletter-Ausgaben in diesem Jahr." in text  # none sent (or no newsletter app yet)
    # only the chosen year …
    assert "Beschluss aus dem alten Jahr" not in text
    assert "Altes Projekt" not in text
    assert "Fest im Folgejahr" not in text
    # … and only the chosen network
    assert "Ergebnis eines anderen Netzwerks" not in text


def test_meetings_of_the_year_in_date_order_with_results_and_demands_apart(networks_with_history):
    data = collect(networks_with_history.a.site, 2025)
    assert [m["page"].title for m in data["meetings"]] == ["Fachforum Bildung", "Sitzung Herbst"]
    first = data["meetings"][0]
    assert [r["text"] for r in first["results"]] == ["Ein Elterncafe startet im Mai an der Grundschule Nord."]
    assert [(d["text"], d["addressee"]) for d in first["demands"]] == [
        ("Mehr Sprachkurse mit Kinderbetreuung", "Stadtrat")
    ]


def test_a_failing_build_is_recorded_on_the_report(networks_with_history, monkeypatch):
    def broken(context):
        raise RuntimeError("font missing")

    monkeypatch.setattr("report.compile.render_pdf", broken)
    report = build_report(YearlyReport.objects.create(site=networks_with_history.a.site, year=2025))
    report.refresh_from_db()
    assert report.status == YearlyReport.Status.FAILED
    assert "font missing" in report.error
    assert not report.file


def test_editor_orders_watches_and_downloads_only_own_reports(
    client, networks_with_history, django_capture_on_commit_callbacks
):
    a, b = networks_with_history.a, networks_with_history.b
    client.force_login(a.editor)
    page = client.get("/admin/reports/")
    assert page.status_code == 200
    assert a.site.site_name in page.content.decode()
    assert b.site.site_name not in page.content.decode()

    refused = client.post("/admin/reports/", {"site": b.site.pk, "year": 2025})
    assert refused.status_code == 200  # the form comes back with an error
    assert not YearlyReport.objects.filter(site=b.site).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/reports/", {"site": a.site.pk, "year": 2025})
    assert response.status_code == 302
    report = YearlyReport.objects.get(site=a.site)
    status = client.get(f"/admin/reports/{report.pk}/status/").json()
    assert status["status"] == "done"
    download = client.get(status["download_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert 'filename="jahresbericht-alpha-2025.pdf"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")

    client.force_login(b.editor)
    assert client.get(f"/admin/reports/{report.pk}/download/").status_code in (302, 403)
    assert client.get(f"/admin/reports/{report.pk}/status/").status_code in (302, 403)
    assert "alpha" not in client.get("/admin/reports/").content.decode().split("<h2", 2)[-1]


def test_sent_newsletter_issues_of_the_year_and_network_are_listed(networks_with_history):
    from newsletter.models import NewsletterIssue

    a, b = networks_with_history.a, networks_with_history.b

    def issue(site, subject, status, finished):
        return NewsletterIssue.objects.create(site=site, subject=subject, send_status=status, send_finished_at=finished)

    issue(a.site, "Rundbrief Frühling 2025", "sent", at(2025, 4, 2))
    issue(a.site, "Rundbrief Winter 2024", "sent", at(2024, 12, 10))
    issue(a.site, "Entwurf nie gesendet", "draft", None)
    issue(b.site, "Rundbrief des anderen Netzwerks", "sent", at(2025, 4, 3))

    report = build_report(YearlyReport.objects.create(site=a.site, year=2025))
    text = " ".join(pdf_text(report).split())
    assert "Rundbrief Frühling 2025" in text
    assert "1 Newsletter-Ausgabe" in text
    for absent in ("Rundbrief Winter 2024", "Entwurf nie gesendet", "Rundbrief des anderen Netzwerks"):
        assert absent not in text
