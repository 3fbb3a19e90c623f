"""Exported cells are safe: control characters dropped, formula prefixes neutralised, in CSV and XLSX."""

import csv
import io

import pytest
from openpyxl import load_workbook

from desabinaan.people.models import Person

FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def hostile_names(data):
    # Stored before names were checked (or by a path that skipped the check): exports must cope with them.
    siti = Person.objects.get(name="Siti Sintetis")
    Person.objects.filter(pk=siti.pk).update(name="Siti\x0bSin\x1btetis")
    other = Person.objects.filter(village=siti.village).exclude(pk=siti.pk).first() or Person.objects.create(
        name="x", sex="F", birth_year=1990, village=siti.village
    )
    Person.objects.filter(pk=other.pk).update(name=FORMULA)
    return data


def test_the_csv_export_answers_200_with_safe_cells(hostile_names, login):
    response = login(hostile_names.world.fajar).get("/dasbor/ekspor/orang.csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    names = {row[0] for row in csv.reader(io.StringIO(body))}
    assert "SitiSintetis" in names
    assert "'" + FORMULA in names
    assert FORMULA not in names
    assert "\x1b" not in body and "\x0b" not in body


def test_the_xlsx_export_answers_200_with_safe_cells(hostile_names, login):
    response = login(hostile_names.world.fajar).get("/dasbor/ekspor/orang.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert "SitiSintetis" in names
    assert "'" + FORMULA in names
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
