"""Public pages cached per rule generation (issue 15, desabinaan.core.cache): a rule change shows at once, and nothing
per-user (signed-in menu, CSRF token, officer notes) reaches another visitor through the cache."""

import re
from urllib.parse import urlencode

import pytest

from desabinaan.core.cache import generations
from desabinaan.passport.models import DocumentRequirement, FeeItem
from lib import passport as rules

ANSWERS = {
    "purpose": "tourism",
    "case": "new",
    "age": "30",
    "product": "passport",
    "validity_years": "10",
    "on": "2025-06-01",
}
GUIDE = "/paspor/?" + urlencode(ANSWERS)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _fee_item(code="passport_10", on="2025-06-01"):
    return FeeItem.objects.filter(
        code=code, schedule__effective_from__lte=on, schedule__effective_to__isnull=True
    ).latest("schedule__effective_from")


def test_the_guide_result_is_served_from_the_cache_until_a_rule_changes(client, db):
    first = client.get(GUIDE)
    again = client.get(GUIDE)
    assert first.status_code == again.status_code == 200
    assert again["X-Cache"] == "hit"
    item = _fee_item()
    assert rules.rupiah(item.amount_idr) in again.content.decode()

    item.amount_idr += 1000  # what the admin's save does: Model.save(), so the signal bumps the generation
    item.save()
    changed = client.get(GUIDE)
    assert not changed.has_header("X-Cache")
    assert rules.rupiah(item.amount_idr) in changed.content.decode()


def test_a_deleted_rule_disappears_from_the_next_answer(client, db):
    before = generations().get("passport_rules", 0)
    client.get(GUIDE)
    requirement = DocumentRequirement.objects.filter(document__code="ktp").first()
    if requirement is None:
        pytest.skip("no identity-card requirement in the rules")
    label = requirement.document.label
    assert label in client.get(GUIDE).content.decode()
    DocumentRequirement.objects.filter(
        document__code="ktp"
    ).delete()  # queryset delete sends post_delete per row
    assert generations()["passport_rules"] > before
    assert label not in client.get(GUIDE).content.decode().split('class="passport-form"')[0]


def test_every_visitor_gets_their_own_csrf_token_and_can_post(client, db):
    from django.test import Client

    other = Client(enforce_csrf_checks=True)
    first = TOKEN.search(client.get("/paspor/").content.decode()).group(1)
    served = other.get("/paspor/")
    assert served["X-Cache"] == "hit"
    token = TOKEN.search(served.content.decode()).group(1)
    assert token != first and "__csrf_token_placeholder__" not in served.content.decode()
    data = {**ANSWERS, "birth_date": "1995-01-01", "csrfmiddlewaretoken": token}
    data.pop("age")
    assert other.post("/paspor/", data).status_code == 302


@pytest.mark.parametrize("path", ["/", "/statistik/", "/desa-binaan/direktori/", GUIDE])
def test_a_signed_in_menu_never_reaches_an_anonymous_visitor(client, world, login, path):
    fajar = login(world.fajar)
    signed_in = fajar.get(path)
    if signed_in.status_code == 404:
        pytest.skip(f"{path} not routed")
    assert "Keluar</button>" in signed_in.content.decode()
    assert not signed_in.has_header("X-Cache")
    for _ in range(2):
        anonymous = client.get(path)
        assert anonymous.status_code == 200
        html = anonymous.content.decode()
        assert "Keluar</button>" not in html
    assert anonymous["X-Cache"] == "hit"
    assert not login(world.fajar).get(path).has_header("X-Cache")


def test_a_new_fostered_village_shows_in_the_directory_at_once(client, world):
    from desabinaan.program.models import DesaBinaan

    path = "/desa-binaan/direktori/"
    html = client.get(path).content.decode()
    assert world.bandung_village.name not in html
    DesaBinaan.objects.create(village=world.bandung_village, kanim=world.kanim_bdg, status="active")
    assert world.bandung_village.name in client.get(path).content.decode()


def test_the_village_search_is_kept_until_the_next_region_import(client, regions, django_assert_num_queries):
    from desabinaan.regions.models import RegionImport

    url = "/api/v1/regions/villages?q=tebat"
    first = client.get(url).json()
    assert first and first[0]["name"]
    with django_assert_num_queries(1):  # the generation counters only
        assert client.get(url).json() == first
    RegionImport.objects.create(source="uji", version="1", legal_basis="uji", scope="17")
    with django_assert_num_queries(2):  # counters, then the search again
        assert client.get(url).json() == first


def test_a_statistics_refresh_shows_at_once(client, db):
    from desabinaan.stats.services import stats_refresh

    client.get("/statistik/")
    assert client.get("/statistik/")["X-Cache"] == "hit"
    stats_refresh()  # what the worker runs after new attendances: StatsState saved, its generation bumped
    assert not client.get("/statistik/").has_header("X-Cache")
