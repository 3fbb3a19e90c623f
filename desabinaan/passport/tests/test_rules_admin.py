import pytest

from desabinaan.passport.models import FeeSchedule, PassportProduct


@pytest.mark.parametrize(
    "model", ["feeschedule", "documentrequirement", "documenttype", "validityrule", "passportproduct"]
)
def test_the_admin_lists_the_rules_with_dates_and_citations(world, login, model):
    response = login(world.admin).get(f"/admin/passport/{model}/")
    assert response.status_code == 200
    if model != "documenttype":
        html = response.content.decode()
        assert "berlaku sejak" in html.lower() and "dasar hukum" in html.lower()


def test_a_schedule_in_effect_cannot_be_edited_only_closed(world, login):
    schedule = FeeSchedule.objects.get(name="PP 45/2024")
    client = login(world.admin)
    page = client.get(f"/admin/passport/feeschedule/{schedule.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="effective_to"' in html
    assert 'name="citation"' not in html and 'name="items-0-amount_idr"' not in html
    client.post(
        f"/admin/passport/feeschedule/{schedule.pk}/change/",
        {
            "effective_to": "2031-12-31",
            "citation": "diubah",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
        },
    )
    schedule.refresh_from_db()
    assert schedule.citation.startswith("PP 45/2024")
    assert (
        client.post(f"/admin/passport/feeschedule/{schedule.pk}/delete/", {"post": "yes"}).status_code == 403
    )


def test_a_future_schedule_can_still_be_edited(world, login):
    future = FeeSchedule.objects.create(name="PP uji", citation="uji", effective_from="2099-01-01")
    html = login(world.admin).get(f"/admin/passport/feeschedule/{future.pk}/change/").content.decode()
    assert 'name="citation"' in html


def test_it_validates_scope(client, world, login):
    assert client.get("/admin/passport/feeschedule/").status_code == 302
    assert login(world.budi).get("/admin/passport/feeschedule/").status_code == 302


def test_office_products_are_listed_and_their_flag_stays_editable(world, login):
    client = login(world.admin)
    listing = client.get("/admin/passport/passportproduct/").content.decode()
    assert "Kantor Imigrasi Kelas I TPI Bengkulu" in listing and "semua kantor tanpa baris sendiri" in listing
    row = PassportProduct.objects.get(office_id="Kantor Imigrasi Kelas I TPI Bengkulu")
    html = client.get(f"/admin/passport/passportproduct/{row.pk}/change/").content.decode()
    # In effect since 1 March 2025: the rule is history, the officers' flag and note are not.
    assert 'name="product"' not in html and 'name="citation"' not in html
    assert 'name="to_be_confirmed"' in html and 'name="curation_note"' in html
