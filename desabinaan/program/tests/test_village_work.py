import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from desabinaan.program.evaluation import evaluation_save, evaluation_view
from desabinaan.program.models import EvaluationIndicator
from desabinaan.program.selectors import foreigner_notes_for
from desabinaan.program.services import (
    NOT_ANSWERED,
    activity_create,
    desa_binaan_public_contact_set,
    foreigner_note_create,
    question_answer,
    question_publish,
    question_record,
)


def test_a_question_is_answered_by_an_officer_and_seen_by_the_liaison(world, tebat, login):
    q = question_record(
        actor=world.budi, desa_binaan=tebat, topic="work_abroad", text="Apakah perlu rekomendasi Disnaker?"
    )
    with pytest.raises(PermissionDenied):
        question_answer(actor=world.budi, question=q, answer="Ya")
    question_answer(actor=world.ani, question=q, answer="Ya, untuk tujuan bekerja.")
    page = login(world.budi).get(reverse("program:detail", args=[tebat.pk])).content.decode()
    assert "Ya, untuk tujuan bekerja." in page


def test_only_answered_questions_reach_the_public_faq(world, tebat):
    q = question_record(actor=world.fajar, desa_binaan=tebat, topic="passport", text="Berapa biaya paspor?")
    with pytest.raises(ValidationError) as exc:
        question_publish(actor=world.fajar, question=q)
    assert exc.value.messages == [str(NOT_ANSWERED)]
    assert "Berapa biaya paspor?" not in Client().get(reverse("program:faq")).content.decode()
    question_answer(actor=world.fajar, question=q, answer="Lihat PP 45/2024.")
    question_publish(actor=world.fajar, question=q)
    page = Client().get(reverse("program:faq")).content.decode()
    assert "Berapa biaya paspor?" in page and "PP 45/2024" in page
    question_publish(actor=world.fajar, question=q, publish=False)
    assert "Berapa biaya paspor?" not in Client().get(reverse("program:faq")).content.decode()


def test_foreigner_notes_reach_the_kanims_officers_only(world, tebat, login):
    foreigner_note_create(
        actor=world.budi,
        desa_binaan=tebat,
        nationality="Tiongkok",
        purpose="Pekerja tambang",
        place="Dusun 2",
        seen_on=dt.date(2025, 3, 3),
    )
    assert [n.nationality for n in foreigner_notes_for(user=world.fajar)] == ["Tiongkok"]
    assert list(foreigner_notes_for(user=world.dewi)) == []
    assert list(foreigner_notes_for(user=world.citra)) == []
    assert "Tiongkok" in login(world.ani).get(reverse("program:foreigner_notes")).content.decode()
    with pytest.raises(PermissionDenied):
        foreigner_note_create(
            actor=world.citra,
            desa_binaan=tebat,
            nationality="X",
            purpose="Y",
            place="Z",
            seen_on=dt.date(2025, 3, 3),
        )


def test_the_directory_shows_fostered_villages_and_consented_contacts_only(world, tebat, proposed):
    desa_binaan_public_contact_set(
        actor=world.budi, desa_binaan=tebat, contact="Kantor Desa 0812-000", consent=False
    )
    page = Client().get(reverse("program:directory")).content.decode()
    assert "Tebat Monok" in page and "Bengkulu" in page
    assert proposed.village.name not in page
    assert "0812-000" not in page
    desa_binaan_public_contact_set(
        actor=world.budi, desa_binaan=tebat, contact="Kantor Desa 0812-000", consent=True
    )
    assert "0812-000" in Client().get(reverse("program:directory")).content.decode()
    with pytest.raises(PermissionDenied):
        desa_binaan_public_contact_set(actor=world.citra, desa_binaan=tebat, contact="x", consent=True)


def test_the_directory_has_a_bounded_number_of_queries(world, tebat, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        Client().get(reverse("program:directory"))


def test_default_indicators_are_configurable_data(db):
    codes = set(EvaluationIndicator.objects.values_list("code", flat=True))
    assert {
        "pertanyaan_dijawab",
        "peningkatan_pengetahuan",
        "permohonan_paspor",
        "penundaan_paspor",
        "keberangkatan_prosedural",
        "kasus_nonprosedural",
        "laporan",
        "acara_per_sasaran",
    } <= codes


def test_evaluation_computes_system_values_and_never_invents_zeros(world, tebat):
    activity_create(
        actor=world.budi,
        desa_binaan=tebat,
        kind="counselling",
        date=dt.date(2025, 2, 1),
        place="Balai",
        participants=25,
    )
    q = question_record(
        actor=world.budi, desa_binaan=tebat, topic="visa", text="?", asked_on=dt.date(2025, 2, 2)
    )
    question_answer(actor=world.fajar, question=q, answer="!")
    view = evaluation_view(desa_binaan=tebat, year=2025, quarter=1)
    values = {row["indicator"].code: row["value"] for row in view["rows"]}
    assert (
        values["kegiatan"] == 1 and values["peserta_kegiatan"] == 25 and values["pertanyaan_terkumpul"] == 1
    )
    # No quiz in the quarter → unavailable, not zero (the gain itself: events' test_evaluation_knowledge_gain);
    # manual ones stay empty until entered.
    assert values["peningkatan_pengetahuan"] is None and values["acara_per_sasaran"] is None
    assert values["permohonan_paspor"] is None


def test_evaluation_score_and_change_from_the_previous_quarter(world, tebat, login):
    first = evaluation_save(actor=world.fajar, desa_binaan=tebat, year=2025, quarter=1, manual_values={})
    assert first.score is not None  # system indicators with real zeros count
    activity_create(
        actor=world.budi,
        desa_binaan=tebat,
        kind="counselling",
        date=dt.date(2025, 5, 1),
        place="Balai",
        participants=50,
    )
    second = evaluation_save(
        actor=world.fajar,
        desa_binaan=tebat,
        year=2025,
        quarter=2,
        manual_values={"permohonan_paspor": Decimal(10), "kasus_nonprosedural": Decimal(0)},
    )
    view = evaluation_view(desa_binaan=tebat, year=2025, quarter=2)
    assert view["score"] == second.score
    assert view["change"] == second.score - first.score
    assert view["change"] > 0
    page = (
        login(world.eka)
        .get(reverse("program:evaluation", args=[tebat.pk]) + "?year=2025&quarter=2")
        .content.decode()
    )
    assert "belum tersedia" in page
    assert (
        login(world.eka)
        .post(reverse("program:evaluation", args=[tebat.pk]) + "?year=2025&quarter=2", {})
        .status_code
        == 403
    )


def test_the_evaluation_page_saves_manual_values(world, tebat, login):
    url = reverse("program:evaluation", args=[tebat.pk]) + "?year=2025&quarter=3"
    response = login(world.fajar).post(url, {"i_permohonan_paspor": "12", "notes": "Triwulan III"})
    assert response.status_code == 302
    view = evaluation_view(desa_binaan=tebat, year=2025, quarter=3)
    assert {r["indicator"].code: r["value"] for r in view["rows"]}["permohonan_paspor"] == Decimal(12)
    with pytest.raises(PermissionDenied):
        evaluation_save(actor=world.budi, desa_binaan=tebat, year=2025, quarter=3, manual_values={})
