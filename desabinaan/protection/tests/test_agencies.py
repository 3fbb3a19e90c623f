"""The P3MI registry: validating, idempotent CSV import and a spelling-tolerant public check."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from desabinaan.protection.models import LicensedAgency
from desabinaan.protection.services import agencies_import, agency_csv_template

from .conftest import DEMO_CSV


def test_it_imports_valid_rows_and_reports_every_rejected_one(agencies):
    assert (agencies.created, agencies.updated, agencies.unchanged) == (4, 0, 0)
    assert [line for line, _ in agencies.rejected] == [6, 7]
    assert "nama kosong" in agencies.rejected[0][1]
    assert "2022-13-45" in agencies.rejected[1][1]
    assert LicensedAgency.objects.get(licence_number="SINTETIS/P3MI/004/2022").status == "licensed"


def test_a_reimport_is_idempotent_by_licence_number(world, agencies):
    again = agencies_import(actor=world.admin, text=DEMO_CSV.read_text())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    changed = DEMO_CSV.read_text().replace(
        '2020-01-15,2030-01-15,"Jl. Contoh Sintetis No. 3, Bandung",revoked',
        '2020-01-15,2030-01-15,"Jl. Contoh Sintetis No. 3, Bandung",licensed',
    )
    third = agencies_import(actor=world.admin, text=changed)
    assert (third.created, third.updated) == (0, 1)
    assert LicensedAgency.objects.count() == 4


def test_a_duplicate_licence_in_one_file_is_rejected(world):
    text = agency_csv_template() + "PT Lain,KEP.000/SINTETIS/2024,,,,licensed\n"
    result = agencies_import(actor=world.admin, text=text)
    assert result.created == 1 and result.rejected[0][0] == 3


def test_missing_columns_are_refused(world):
    with pytest.raises(ValidationError, match=re.escape("licence_number")):
        agencies_import(actor=world.admin, text="name,status\nPT A,licensed\n")


def test_only_a_national_admin_imports(world):
    with pytest.raises(PermissionDenied):
        agencies_import(actor=world.fajar, text=agency_csv_template())


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("PT. Sintetis Maju-Jaya Abadi", "licensed"),
        ("sintetis maju jaya abdi", "licensed"),  # typo
        ("Contoh Bahari Sentosa, PT", "expired"),  # listed as licensed, but valid_until has passed
        ("PT Uji Cahaya Nusantara", "revoked"),
        ("SINTETIS/P3MI/004/2022", "licensed"),
    ],
)
def test_the_public_check_tolerates_spelling(agencies, query, status):
    response = Client().get("/api/v1/agencies", {"q": query})
    assert response.status_code == 200
    assert response.json()[0]["status"] == status


def test_an_unknown_agency_is_not_found(agencies):
    assert Client().get("/api/v1/agencies", {"q": "PT Tidak Ada Sama Sekali"}).json() == []
    page = Client().get("/lapor/cek-p3mi/", {"q": "PT Tidak Ada Sama Sekali"})
    assert b'data-testid="agency-not-found"' in page.content
    assert b'href="/lapor/"' in page.content


def test_the_template_downloads_for_anyone(db):
    response = Client().get("/perlindungan/p3mi/templat.csv")
    assert response.status_code == 200
    assert (
        response.content.decode().splitlines()[0]
        == "name,licence_number,licence_date,valid_until,address,status"
    )


def test_the_import_page_shows_rejected_rows(world, login):
    response = login(world.admin).post(
        "/perlindungan/p3mi/impor/", {"file": SimpleUploadedFile("p3mi.csv", DEMO_CSV.read_bytes())}
    )
    assert response.status_code == 200
    assert b'data-testid="import-result"' in response.content
    assert login(world.fajar).get("/perlindungan/p3mi/impor/").status_code == 403
