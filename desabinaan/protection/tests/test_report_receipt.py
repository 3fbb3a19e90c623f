"""The public report's receipt: Post/Redirect/Get (a reload files nothing), shown once, downloadable, and the status
page that explains each status and confirms added information."""

import time_machine
from django.test import Client
from django.urls import reverse

from desabinaan.protection.models import Report, ReportMessage

FORM = {"category": "other", "description": "Ada calo menawarkan kerja ke luar negeri"}


def _file_report(client, world):
    return client.post(
        reverse("report:new"), {**FORM, "village": world.tebat_monok.code}, REMOTE_ADDR="203.0.113.60"
    )


def test_posting_redirects_to_the_receipt_and_a_reload_files_no_second_report(world):
    client = Client()
    response = _file_report(client, world)
    assert response.status_code == 302
    assert response["Location"] == reverse("report:receipt")
    report = Report.objects.get()

    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.status_code == 200
    assert report.receipt_code in body
    assert 'data-testid="passphrase"' in body
    assert "no-store" in page["Cache-Control"]

    reload = client.get(reverse("report:receipt"))
    assert reload.status_code == 200
    assert 'data-testid="receipt-already-shown"' in reload.content.decode()
    assert report.receipt_code not in reload.content.decode()
    assert Report.objects.count() == 1


def test_the_receipt_downloads_as_a_text_file_while_it_is_in_the_session(world):
    client = Client()
    with time_machine.travel("2026-03-02 09:00 +07:00", tick=False) as traveller:
        _file_report(client, world)
        report = Report.objects.get()
        client.get(reverse("report:receipt"))

        download = client.get(reverse("report:receipt_download"))
        assert download.status_code == 200
        assert download["Content-Type"].startswith("text/plain")
        assert download["Content-Disposition"] == f'attachment; filename="{report.receipt_code}.txt"'
        text = download.content.decode()
        assert report.receipt_code in text
        passphrase = text.splitlines()[1].split(": ", 1)[1]
        assert len(passphrase) >= 20
        assert (
            client.post(
                reverse("report:status"), {"receipt_code": report.receipt_code, "passphrase": passphrase}
            ).context["report"]
            == report
        )

        # Later the secret has left the session: no download, no receipt.
        traveller.shift(16 * 60)
        gone = client.get(reverse("report:receipt_download"))
        assert gone.status_code == 302
        assert report.receipt_code not in client.get(gone["Location"]).content.decode()


def test_another_visitor_gets_no_receipt(world):
    _file_report(Client(), world)
    stranger = Client()
    assert stranger.get(reverse("report:receipt_download")).status_code == 302
    assert 'data-testid="receipt-already-shown"' in stranger.get(reverse("report:receipt")).content.decode()


def test_the_status_page_explains_each_status_and_confirms_added_information(world, report):
    client = Client()
    creds = {"receipt_code": report.report.receipt_code, "passphrase": report.passphrase}
    page = client.post(reverse("report:status"), creds, REMOTE_ADDR="203.0.113.61").content.decode()
    assert "Laporan diterima dan menunggu dibaca petugas." in page
    assert 'data-testid="status-explanations"' in page
    for status in Report.Status:
        assert str(status.label) in page
    assert 'data-testid="added"' not in page

    added = client.post(
        reverse("report:add"), {**creds, "body": "Nomor WA calo berganti"}, REMOTE_ADDR="203.0.113.61"
    )
    assert 'data-testid="added"' in added.content.decode()
    assert ReportMessage.objects.filter(report=report.report, body="Nomor WA calo berganti").exists()
