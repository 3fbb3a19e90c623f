"""The public statistics page: no login, aggregates only, small cells suppressed."""

from desabinaan.stats.public import public_compute, suppress_cells


def test_it_hides_small_cells_and_one_complementary_cell():
    assert suppress_cells([0, 12, 30]) == [False, False, False]
    # One small cell alone could be recovered as total − others: the next smallest non-zero cell is hidden too.
    assert suppress_cells([2, 12, 30]) == [True, True, False]
    assert suppress_cells([2, 3, 30]) == [True, True, False]
    assert suppress_cells([4]) == [True]


def test_it_suppresses_cells_on_the_public_page(data, client):
    response = client.get("/statistik/")
    assert response.status_code == 200
    html = response.content.decode()
    # Tebat Monok's regency (17.08) has one fostered village and one event: both shown as "<5".
    row = html.split('data-regency="17.08"', 1)[1].split("</tr>", 1)[0]
    assert row.count("&lt;5") >= 2
    assert ">1<" not in row


def test_it_cannot_be_backed_out_from_totals(data):
    from desabinaan.program.models import DesaBinaan
    from desabinaan.regions.models import Village
    from desabinaan.stats.services import stats_refresh

    # Kota Bengkulu (17.71) gets 6 fostered villages; 17.08 and 17.03 keep one each.
    for village in Village.objects.filter(regency_id="17.71").order_by("code")[:6]:
        DesaBinaan.objects.create(village=village, kanim=data.world.kanim_bkl, status="active")
    stats_refresh()
    province = next(p for p in public_compute()["provinces"] if p["code"] == "17")
    cells = {r["code"]: r["villages_fostered"] for r in province["regencies"]}
    assert cells["17.71"] == 6
    assert cells["17.08"] == "<5" and cells["17.03"] == "<5"
    shown = [v for v in cells.values() if v != "<5"]
    # The total minus the shown cells is the sum of at least two hidden cells, never a single one.
    assert sum(1 for v in cells.values() if v == "<5") >= 2
    assert province["totals"]["villages_fostered"] == 8 and sum(shown) == 6


def test_it_needs_no_login(db, client):
    assert client.get("/statistik/").status_code == 200
