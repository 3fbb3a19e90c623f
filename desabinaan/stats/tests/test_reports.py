"""Official reports: generated in the background, XLSX and PDF totals equal the dashboard's, reproducible."""

import io

from openpyxl import load_workbook
from pypdf import PdfReader

from desabinaan.stats.models import OfficialReport

from .conftest import MARCH


def _request(client, world, scope=None):
    scope = scope or f"kanim:{world.kanim_bkl.pk}"
    return client.post(f"/dasbor/laporan/?scope={scope}", {"period_kind": "month", "year": 2025, "number": 3})


def test_it_builds_a_monthly_report_whose_totals_equal_the_dashboard(data, login):
    w = data.world
    fajar = login(w.fajar)
    response = _request(fajar, w)
    assert response.status_code == 302
    report = OfficialReport.objects.get()
    assert report.job.status == "done"
    dashboard = fajar.get(f"/api/v1/stats/summary?scope=kanim:{w.kanim_bkl.pk}&{MARCH}").json()
    xlsx = fajar.get(f"/dasbor/laporan/{report.pk}/unduh.xlsx")
    assert xlsx.status_code == 200
    book = load_workbook(io.BytesIO(xlsx.content), read_only=True)
    rows = {r[0]: r[1] for r in book["Indikator"].iter_rows(values_only=True) if r and len(r) > 1}
    assert rows["Kegiatan sosialisasi terlaksana"] == dashboard["events_held"] == 2
    assert rows["Orang terjangkau (unik)"] == dashboard["people_reached"] == 3
    assert rows["Kehadiran"] == dashboard["attendances"] == 5
    assert rows["Laporan masyarakat diterima"] == dashboard["reports_received"]
    villages = list(book["Per desa"].iter_rows(values_only=True))
    assert villages[-1][0] == "Jumlah" and villages[-1][3] == 2 and villages[-1][5] == 5
    events = list(book["Kegiatan"].iter_rows(values_only=True))
    assert {e[1] for e in events[1:]} == {"Sosialisasi TM", "Sosialisasi Urai"}
    pdf = fajar.get(f"/dasbor/laporan/{report.pk}/unduh.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Kegiatan sosialisasi terlaksana 2" in text.replace("\n", " ")
    assert "Orang terjangkau (unik) 3" in text.replace("\n", " ")


def test_it_reproduces_the_same_numbers_for_the_same_period(data, login):
    admin = login(data.world.admin)
    _request(admin, data.world)
    _request(admin, data.world)
    first, second = OfficialReport.objects.order_by("id")
    assert first.figures == second.figures and first.figures["events_held"] == 2


def test_it_keeps_reports_within_scope(data, login):
    w = data.world
    _request(login(w.fajar), w)
    report = OfficialReport.objects.get()
    assert login(w.eka).get(f"/dasbor/laporan/{report.pk}/").status_code == 200
    assert login(w.dewi).get(f"/dasbor/laporan/{report.pk}/").status_code == 404
    assert login(w.dewi).get(f"/dasbor/laporan/{report.pk}/unduh.xlsx").status_code == 404
    assert login(w.budi).get(f"/dasbor/laporan/{report.pk}/").status_code == 404
    assert _request(login(w.dewi), w).status_code == 403


def test_it_builds_a_quarterly_national_report(data, login):
    admin = login(data.world.admin)
    admin.post("/dasbor/laporan/?scope=national", {"period_kind": "quarter", "year": 2025, "number": 1})
    report = OfficialReport.objects.get()
    assert report.figures["events_held"] == 2 and report.figures["reports_received"] == 3
