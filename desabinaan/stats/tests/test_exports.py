"""The generic streamed export: scope-respecting CSV and XLSX of lists."""

import io

from openpyxl import load_workbook


def _csv(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_it_exports_only_persons_in_scope(data, login):
    w = data.world
    body = _csv(login(w.fajar).get("/dasbor/ekspor/orang.csv"))
    assert "Siti Sintetis" in body and "Dedi Sintetis" not in body
    body = _csv(login(w.dewi).get("/dasbor/ekspor/orang.csv"))
    assert "Dedi Sintetis" in body and "Siti Sintetis" not in body
    body = _csv(login(w.budi).get("/dasbor/ekspor/orang.csv"))
    assert "Siti Sintetis" in body and "Rina Sintetis" not in body


def test_it_exports_events_and_referrals_as_xlsx(data, login):
    w = data.world
    response = login(w.fajar).get("/dasbor/ekspor/kegiatan.xlsx")
    rows = list(
        load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True)
    )
    titles = {r[0] for r in rows[1:]}
    assert "Sosialisasi TM" in titles and "Sosialisasi Bandung" not in titles
    body = _csv(login(w.fajar).get("/dasbor/ekspor/rujukan.csv"))
    assert str(data.referral.pk) in body and "Melanjutkan melalui jalur prosedural" in body
    assert (
        str(data.referral.pk) not in _csv(login(w.dewi).get("/dasbor/ekspor/rujukan.csv")).split("\n", 1)[1]
    )


def test_it_validates_scope(data, login, client):
    assert client.get("/dasbor/ekspor/orang.csv").status_code == 302
    body = _csv(login(data.world.gita).get("/dasbor/ekspor/orang.csv"))
    assert body.count("\n") == 1  # the header only
    assert login(data.world.fajar).get("/dasbor/ekspor/orang.json").status_code == 404
