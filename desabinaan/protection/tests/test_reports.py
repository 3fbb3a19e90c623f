"""Anonymous reports: receipt code and hashed passphrase, no IP stored, uploads cleaned, throttled lookups."""

import datetime as dt
import io
import re

import pytest
import time_machine
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from desabinaan.protection import selectors
from desabinaan.protection.files import FILE_TOO_LARGE, FILE_TYPE_INVALID, clean_upload
from desabinaan.protection.models import RateCounter, Report, ReportAttachment, ReportInvolved, ReportMessage
from desabinaan.protection.services import report_reply, report_submit

STATUS_URL = "/api/v1/reports/status"


def _post(client, url, data, ip="203.0.113.9"):
    return client.post(url, data, content_type="application/json", REMOTE_ADDR=ip)


def test_a_report_gets_a_receipt_code_and_a_hashed_passphrase(world, report):
    r = report.report
    assert r.receipt_code.startswith("LPR-")
    assert report.passphrase not in r.passphrase_hash
    assert check_password(report.passphrase, r.passphrase_hash)
    assert r.kanim == world.kanim_bkl  # routed by village to the Kanim serving it
    assert r.involved.get().phone_normalized == "+6281211112222"


def test_the_api_takes_a_report_without_login(world):
    response = _post(
        Client(),
        "/api/v1/reports",
        {
            "category": "job_offer",
            "description": "Lowongan di Kamboja, gaji 20 juta",
            "village_code": "17.08.04.2002",
            "occurred_on": "2025-01-05",
            "involved": [{"account": "@lowongan_cepat"}, {"name": "", "phone": ""}],
        },
    )
    assert response.status_code == 201
    body = response.json()
    report = Report.objects.get(receipt_code=body["receipt_code"])
    assert check_password(body["passphrase"], report.passphrase_hash)
    assert report.involved.count() == 1


def test_no_column_of_a_report_holds_an_ip_address_or_user_agent(world):
    _post(Client(), "/api/v1/reports", {"category": "other", "description": "x"}, ip="198.51.100.77")
    report = Report.objects.get()
    for model in (Report, ReportInvolved, ReportMessage, ReportAttachment):
        names = " ".join(f.name for f in model._meta.concrete_fields).lower()
        assert "ip" not in names.split() and "agent" not in names and "address" not in names
    values = [str(getattr(report, f.attname)) for f in Report._meta.concrete_fields]
    assert not any("198.51.100.77" in v for v in values)
    # The rate counter holds neither the IP nor anything pointing to the report.
    assert all("198.51.100.77" not in c.key for c in RateCounter.objects.all())
    assert {f.name for f in RateCounter._meta.concrete_fields} == {
        "id",
        "key",
        "window_start",
        "expires_at",
        "count",
    }


def test_reporters_read_replies_with_code_and_passphrase(world, report):
    report_reply(actor=world.fajar, report=report.report, body="Terima kasih, sedang kami telusuri.")
    response = _post(
        Client(), STATUS_URL, {"receipt_code": report.report.receipt_code, "passphrase": report.passphrase}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "triaged"
    assert response.json()["messages"][0] == {
        "author": "officer",
        "body": "Terima kasih, sedang kami telusuri.",
        "at": response.json()["messages"][0]["at"],
    }


def test_an_unknown_code_and_a_wrong_passphrase_get_the_same_404(world, report):
    client = Client()
    unknown = _post(client, STATUS_URL, {"receipt_code": "LPR-XXXX-XXXX", "passphrase": report.passphrase})
    wrong = _post(client, STATUS_URL, {"receipt_code": report.report.receipt_code, "passphrase": "salah"})
    assert unknown.status_code == wrong.status_code == 404
    assert unknown.json() == wrong.json()


def test_repeated_failures_are_throttled(world, report):
    client = Client()
    for _ in range(5):
        assert (
            _post(client, STATUS_URL, {"receipt_code": "LPR-AAAA-AAAA", "passphrase": "x"}).status_code == 404
        )
    right = {"receipt_code": report.report.receipt_code, "passphrase": report.passphrase}
    assert _post(client, STATUS_URL, right).status_code == 429
    assert (
        _post(client, STATUS_URL, right, ip="192.0.2.1").status_code == 200
    )  # another client is not blocked


def test_report_submissions_are_throttled(world):
    client = Client()
    payload = {"category": "other", "description": "x"}
    codes = [_post(client, "/api/v1/reports", payload).status_code for _ in range(6)]
    assert codes == [201] * 5 + [429]


def test_expired_rate_windows_are_deleted(world, report, settings):
    _post(Client(), STATUS_URL, {"receipt_code": "LPR-AAAA-AAAA", "passphrase": "x"})
    assert RateCounter.objects.count() == 1
    with time_machine.travel(timezone.now() + dt.timedelta(hours=2)):
        _post(Client(), STATUS_URL, {"receipt_code": "LPR-AAAA-AAAA", "passphrase": "x"}, ip="192.0.2.5")
        assert RateCounter.objects.count() == 1


def test_the_reporter_adds_information(world, report):
    response = _post(
        Client(),
        "/api/v1/reports/messages",
        {
            "receipt_code": report.report.receipt_code,
            "passphrase": report.passphrase,
            "body": "Nomornya ganti",
        },
    )
    assert response.status_code == 201
    message = report.report.messages.get()
    assert (message.author_kind, message.author) == ("reporter", None)


def test_authentication_ignores_case_and_spaces(world, report):
    code = report.report.receipt_code.lower()
    assert (
        selectors.report_authenticate(receipt_code=f" {code} ", passphrase=report.passphrase.upper())
        is not None
    )


# --- Uploads -------------------------------------------------------------------------------------------------------


def _jpeg_with_gps() -> bytes:
    img = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "KameraSintetis"  # Make
    exif[0x8825] = {1: "S", 2: (3.0, 47.0, 0.0)}  # GPS IFD
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _png_with_text() -> bytes:
    info = PngInfo()
    info.add_text("Author", "Nama Pelapor Asli")
    out = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 255, 128)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def test_jpeg_metadata_is_stripped():
    raw = _jpeg_with_gps()
    assert b"KameraSintetis" in raw
    content, content_type = clean_upload(SimpleUploadedFile("foto.jpg", raw))
    data = content.read()
    assert content_type == "image/jpeg"
    assert b"KameraSintetis" not in data and b"Exif" not in data
    assert not dict(Image.open(io.BytesIO(data)).getexif())


def test_png_text_chunks_are_removed():
    raw = _png_with_text()
    content, content_type = clean_upload(SimpleUploadedFile("layar.png", raw))
    data = content.read()
    assert content_type == "image/png"
    assert b"Nama Pelapor Asli" not in data and b"tEXt" not in data
    assert Image.open(io.BytesIO(data)).mode == "RGBA"


def test_a_file_that_is_not_an_image_or_pdf_is_refused():
    with pytest.raises(ValidationError, match=re.escape(str(FILE_TYPE_INVALID))):
        clean_upload(SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 this is an exe"))


def test_a_file_claiming_to_be_an_image_but_broken_is_refused():
    with pytest.raises(ValidationError):
        clean_upload(SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff\xe0 not really a jpeg"))


def test_a_too_large_file_is_refused(settings):
    settings.PROTECTION_UPLOAD_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError, match=str(FILE_TOO_LARGE)[:20]):
        clean_upload(SimpleUploadedFile("a.pdf", b"%PDF-1.4" + b"0" * (1024 * 1024 + 1)))


def test_a_pdf_is_kept(world):
    submitted = report_submit(
        category="other", description="x", files=[SimpleUploadedFile("bukti.pdf", b"%PDF-1.4\n%%EOF")]
    )
    attachment = submitted.report.attachments.get()
    assert attachment.content_type == "application/pdf"
    assert "bukti" not in attachment.file.name  # the reporter's file name may identify them


def test_the_public_form_accepts_a_report_with_a_photo_and_shows_the_receipt(world):
    client = Client()
    response = client.post(
        "/lapor/",
        {
            "category": "recruiter",
            "description": "Sponsor minta uang 15 juta",
            "village": world.tebat_monok.code,
            "involved_0_name": "Pak Sponsor",
            "involved_0_phone": "0812 9999 8888",
            "files": [SimpleUploadedFile("foto.jpg", _jpeg_with_gps(), content_type="image/jpeg")],
        },
        REMOTE_ADDR="203.0.113.50",
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.receipt_code in client.get(response["Location"]).content.decode()
    assert b"KameraSintetis" not in report.attachments.get().file.read()
