"""The screening form in steps (works without JavaScript): each step posts the whole form, the summary shows labels
and the level before saving; the decision page summarises the applicant and preselects nothing."""

import re

from desabinaan.protection.models import Screening

from .conftest import make_person


def _post(client, url, data):
    return client.post(url, data)


def test_an_officer_walks_the_steps_to_a_summary_and_saves(world, login):
    person = make_person(world, name="Langkah Sintetis")
    client = login(world.fajar)
    url = f"/perlindungan/skrining/baru/?person={person.pk}"
    first = client.get(url).content.decode()
    assert "Langkah 1 dari" in first and 'name="a_upfront_money_or_debt"' not in first
    # Step 1 refuses to move on without the destination.
    stay = _post(
        client, url, {"person": person.pk, "step": 0, "go": "next", "purpose": "work"}
    ).content.decode()
    assert "Langkah 1 dari" in stay
    data = {"person": person.pk, "purpose": "work", "destination_country": "Kamboja", "job": "admin daring"}
    page = _post(client, url, {**data, "step": 0, "go": "next"}).content.decode()
    assert "Langkah 2 dari" in page and 'name="a_recruited_by_broker"' in page
    data.update(a_recruited_by_broker="yes", a_upfront_money_or_debt="yes", a_online_scam_job="yes")
    summary = _post(client, url, {**data, "step": 6, "go": "99"}).content.decode()
    assert 'data-testid="summary"' in summary
    assert "Keluarga menerima uang di muka" in summary and "upfront_money_or_debt +4" not in summary
    assert "Tinggi" in summary
    assert Screening.objects.count() == 0, "nothing is saved before the summary is confirmed"
    response = _post(client, url, {**data, "step": 7, "go": "save"})
    screening = Screening.objects.get()
    assert response.status_code == 302 and screening.advisory_level == "high"
    assert screening.answers.get(indicator__code="online_scam_job").answer == "yes"


def test_the_decision_page_summarises_and_preselects_nothing_on_a_high_risk_case(world, screening, login):
    assert screening.advisory_level == "high"
    page = login(world.fajar).get(f"/perlindungan/skrining/{screening.pk}/keputusan/").content.decode()
    assert 'data-testid="applicant-summary"' in page
    assert "Wisata — Malaysia" in page
    assert "Keluarga menerima uang di muka" in page and "upfront_money_or_debt" not in page
    kinds = re.findall(r'<input[^>]*name="kind"[^>]*>', page)
    assert len(kinds) == 5 and not any("checked" in k for k in kinds)


def test_the_decision_page_is_refused_outside_the_scope(world, screening, login):
    for persona in (world.dewi, world.budi, world.gita):
        assert login(persona).get(f"/perlindungan/skrining/{screening.pk}/keputusan/").status_code in (
            403,
            404,
        )


def test_every_indicator_is_asked_in_exactly_one_step(world, login):
    person = make_person(world, name="Semua Langkah")
    client = login(world.fajar)
    url = f"/perlindungan/skrining/baru/?person={person.pk}"
    data = {"person": person.pk, "purpose": "tourism", "destination_country": "Malaysia"}
    asked: list[str] = []
    for step in range(8):
        page = _post(client, url, {**data, "step": step, "go": str(step + 1)}).content.decode()
        asked += re.findall(r'type="radio" name="a_([a-z_]+)" value="yes"', page)
    codes = Screening._meta.apps.get_model("protection", "Indicator").objects.filter(
        indicator_set__is_active=True
    )
    assert sorted(asked) == sorted(codes.values_list("code", flat=True))
