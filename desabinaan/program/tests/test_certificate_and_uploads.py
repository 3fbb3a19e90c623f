import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from desabinaan.core.uploads import MB
from desabinaan.program.certificate import certificate_pdf, latin1
from desabinaan.program.files import FILE_TOO_LARGE, PDF_INVALID, validate_attachment, validate_pdf
from desabinaan.program.services import desa_binaan_transition

from .conftest import make_pdf, pdf_text


def test_the_certificate_names_village_sk_office_and_head(world, tebat, login):
    response = login(world.budi).get(reverse("program:certificate", args=[tebat.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert tebat.sk_number in text
    assert "Tebat Monok" in text
    assert "Kepala Kantor (sintetis)" in text
    assert "PIAGAM" in text


def test_the_certificate_carries_the_directorate_general_and_kanwil_letterhead(world, tebat):
    text = pdf_text(certificate_pdf(tebat))
    letterhead = ["DIREKTORAT JENDERAL IMIGRASI", tebat.kanim.kanwil.name.upper(), tebat.kanim.name.upper()]
    positions = [text.index(part) for part in letterhead]
    assert positions == sorted(positions) and positions[-1] < text.index("PIAGAM")


def test_a_proposed_village_has_no_certificate(world, proposed, login):
    assert login(world.fajar).get(reverse("program:certificate", args=[proposed.pk])).status_code == 404


def test_the_certificate_transliterates_characters_outside_latin1(world, tebat):
    world.kanim_bkl.head_name = "Dr. Şahin Ōtani — S.H."
    world.kanim_bkl.save()
    tebat.refresh_from_db()
    assert "Sahin Otani - S.H." in pdf_text(certificate_pdf(tebat))
    assert latin1("Rp 1.000 “ok”") == 'Rp 1.000 "ok"'


def test_it_accepts_a_real_pdf(db):
    validate_pdf(SimpleUploadedFile("sk.pdf", make_pdf()))


def test_it_rejects_a_non_pdf_whatever_its_name(db):
    fake = SimpleUploadedFile("sk.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as exc:
        validate_pdf(fake)
    assert exc.value.messages == [str(PDF_INVALID)]


def test_it_rejects_a_pdf_over_the_size_cap(settings, db):
    settings.PROGRAM_SK_MAX_BYTES = 2 * MB
    validate_pdf(SimpleUploadedFile("sk.pdf", b"%PDF-1.4\n" + b"0" * (2 * MB - 9)))  # exactly at the cap
    big = SimpleUploadedFile("sk.pdf", b"%PDF-1.4\n" + b"0" * (2 * MB))
    with pytest.raises(ValidationError) as exc:
        validate_pdf(big)
    assert exc.value.code == "too_large"
    assert exc.value.messages == [str(FILE_TOO_LARGE) % {"mb": 2}] == ["Berkas terlalu besar: maksimum 2 MB."]


def test_the_default_sk_cap_is_ten_megabytes(db):
    big = SimpleUploadedFile("sk.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError):
        validate_pdf(big)


def test_attachments_must_be_images_or_pdf(db):
    assert validate_attachment(SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n" + b"0" * 10)) == "image/png"
    assert validate_attachment(SimpleUploadedFile("a.jpg", b"\xff\xd8\xff\xe0" + b"0" * 10)) == "image/jpeg"
    with pytest.raises(ValidationError):
        validate_attachment(SimpleUploadedFile("a.png", b"<html>"))


def test_designating_through_the_page_uploads_the_sk_served_only_in_scope(world, proposed, login, settings):
    client = login(world.fajar)
    url = reverse("program:transition", args=[proposed.pk])
    bad = client.post(
        url,
        {
            "to": "designated",
            "reason": "SK",
            "sk_number": "X/1",
            "sk_date": "2025-01-02",
            "sk_file": SimpleUploadedFile("sk.pdf", b"not a pdf"),
        },
    )
    assert bad.status_code == 200
    assert str(PDF_INVALID) in bad.content.decode()
    ok = client.post(
        url,
        {
            "to": "designated",
            "reason": "SK",
            "sk_number": "X/1",
            "sk_date": "2025-01-02",
            "sk_issuer": "kanim",
            "sk_file": SimpleUploadedFile("sk.pdf", make_pdf("SK X/1")),
        },
    )
    assert ok.status_code == 302
    proposed.refresh_from_db()
    assert proposed.status == "designated"
    # Stored under MEDIA_ROOT with an unguessable name, served through the scoped view.
    assert str(settings.MEDIA_ROOT) in proposed.sk_file.path
    assert "sk" not in proposed.sk_file.name.rsplit("/", 1)[-1].removesuffix(".pdf")
    served = client.get(reverse("program:sk_file", args=[proposed.pk]))
    assert b"".join(served.streaming_content).startswith(b"%PDF-")
    assert login(world.dewi).get(reverse("program:sk_file", args=[proposed.pk])).status_code == 404


def test_designation_without_sk_is_refused_on_the_page(world, proposed, login):
    response = login(world.fajar).post(
        reverse("program:transition", args=[proposed.pk]), {"to": "designated", "reason": "SK"}
    )
    assert response.status_code == 200
    assert "nomor SK dan tanggal SK" in response.content.decode()
    proposed.refresh_from_db()
    assert proposed.status == "proposed"
    desa_binaan_transition(
        actor=world.fajar,
        desa_binaan=proposed,
        to="designated",
        reason="SK",
        sk_number="A",
        sk_date=dt.date(2025, 1, 1),
    )
