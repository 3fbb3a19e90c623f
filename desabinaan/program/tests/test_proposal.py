import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from desabinaan.core.errors import Conflict
from desabinaan.program.models import DesaBinaan, ProposalCriterion, SelectionCriterion
from desabinaan.program.selectors import candidates_ranked
from desabinaan.program.services import ALREADY_EXISTS, OUT_OF_SCOPE, desa_binaan_propose


def test_default_criteria_are_loaded_with_weights_and_citations(db):
    codes = set(SelectionCriterion.objects.filter(active=True).values_list("code", flat=True))
    assert {
        "kantong_pmi",
        "perbatasan_pesisir",
        "kemiskinan",
        "pendidikan_rendah",
        "akses_informasi",
        "pekerja_asing",
        "penduduk_muda",
    } <= codes
    assert not SelectionCriterion.objects.filter(citation="").exists()


def test_it_records_ticked_criteria_with_evidence(world, proposed):
    assert proposed.status == DesaBinaan.Status.PROPOSED
    assert proposed.kanim == world.kanim_bkl
    assert proposed.proposed_by == world.fajar
    ticks = dict(
        ProposalCriterion.objects.filter(desa_binaan=proposed).values_list("criterion__code", "evidence")
    )
    assert ticks == {"kantong_pmi": "Banyak warga ke Malaysia", "kemiskinan": ""}


def test_it_refuses_a_village_outside_the_office_area(world):
    with pytest.raises(PermissionDenied) as exc:
        desa_binaan_propose(actor=world.dewi, village=world.kota_bengkulu_village, criteria=[])
    assert str(exc.value) == str(OUT_OF_SCOPE)


@pytest.mark.parametrize("persona", ["budi", "eka", "gita"])
def test_liaisons_kanwil_and_partners_cannot_propose(world, persona):
    with pytest.raises(PermissionDenied):
        desa_binaan_propose(actor=getattr(world, persona), village=world.tebat_monok, criteria=[])


def test_it_refuses_a_village_already_recorded(world):
    with pytest.raises(Conflict) as exc:
        desa_binaan_propose(actor=world.fajar, village=world.tebat_monok, criteria=[])
    assert str(exc.value) == str(ALREADY_EXISTS)


def test_it_refuses_an_unknown_or_inactive_criterion(world):
    SelectionCriterion.objects.filter(code="kemiskinan").update(active=False)
    with pytest.raises(ValidationError):
        desa_binaan_propose(actor=world.fajar, village=world.kota_bengkulu_village, criteria=["kemiskinan"])
    assert not DesaBinaan.objects.filter(village=world.kota_bengkulu_village).exists()


def test_candidates_are_ranked_by_criteria_weight_within_scope(world, proposed):
    from desabinaan.regions.models import Village

    second = (
        Village.objects.filter(district_id="17.71.01").exclude(code=world.kota_bengkulu_village.code).first()
    )
    low = desa_binaan_propose(actor=world.fajar, village=second, criteria=["penduduk_muda"])
    ranked = list(candidates_ranked(user=world.fajar))
    assert [c.pk for c in ranked] == [proposed.pk, low.pk]
    assert ranked[0].score == 3 + 2  # kantong_pmi + kemiskinan
    assert ranked[1].score == 1
    assert list(candidates_ranked(user=world.dewi)) == []


def test_an_officer_proposes_through_the_page(world, login):
    client = login(world.fajar)
    village = world.kota_bengkulu_village
    response = client.post(
        reverse("program:propose"),
        {
            "village": village.code,
            "c_kantong_pmi": "on",
            "e_kantong_pmi": "Data desa 2024",
            "notes": "Catatan",
        },
    )
    db = DesaBinaan.objects.get(village=village)
    assert response.status_code == 302
    assert response.url == reverse("program:detail", args=[db.pk])
    assert db.proposal_criteria.get().evidence == "Data desa 2024"


def test_the_proposal_page_refuses_a_village_outside_the_area(world, login):
    response = login(world.fajar).post(reverse("program:propose"), {"village": world.bandung_village.code})
    assert response.status_code == 200
    assert "wilayah kerja kantor Anda" in response.content.decode()
    assert not DesaBinaan.objects.filter(village=world.bandung_village).exists()


def test_the_ranked_list_page_shows_scores(world, proposed, login):
    response = login(world.fajar).get(reverse("program:candidates"))
    assert proposed.village.name in response.content.decode()
