"""Under 18 is a legal fact, not a score (docs/rules.md §3–4): UU 18/2017 Art. 5(a) — a migrant worker is at least
18 years old — so a minor departing for work is a legal stop with its citation, and age never changes the level."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from desabinaan.protection import selectors
from desabinaan.protection.models import LegalStop
from desabinaan.protection.services import screening_decide

from .conftest import RISKY, make_person, screen

TODAY = dt.date(2026, 12, 3)
# The citation and age limit as written in UU 18/2017 Pasal 5 huruf a ("berusia minimal 18 (delapan belas) tahun").
CITATION = "UU 18/2017 Pasal 5 huruf a"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(dt.datetime(2026, 12, 3, 10, tzinfo=dt.UTC), tick=False):
        yield


def _aged(world, years_ago: int, *, days_after_birthday: int = 0, name="Anak Sintetis"):
    born = dt.date(TODAY.year - years_ago, TODAY.month, TODAY.day) + dt.timedelta(days=days_after_birthday)
    return make_person(world, name=name, birth_date=born)


def test_the_rule_is_data_with_its_citation(db):
    stop = LegalStop.objects.filter(code="minor-departing-for-work").latest("effective_from")
    assert (stop.purpose, stop.under_age, stop.citation) == ("work", 18, CITATION)
    assert stop.also_when_yes == "work_behind_visit_purpose"


def test_a_minor_on_a_visit_purpose_with_signs_of_work_is_a_legal_stop_too(world):
    screening = screen(
        world, _aged(world, 16), purpose="tourism", answers={"work_behind_visit_purpose": "yes"}
    )
    assert [s.citation for s in selectors.legal_stops_for(screening)] == [CITATION]


def test_a_seventeen_year_old_departing_for_work_is_a_legal_stop(world):
    screening = screen(world, _aged(world, 18, days_after_birthday=1), purpose="work", answers={})
    stops = selectors.legal_stops_for(screening)
    assert [s.citation for s in stops] == [CITATION]
    assert screening.advisory_level == "low", "the stop is not a score: no answer was Yes"


def test_on_the_eighteenth_birthday_there_is_no_stop(world):
    screening = screen(world, _aged(world, 18), purpose="work", answers={})
    assert selectors.legal_stops_for(screening) == []


def test_a_minor_travelling_as_a_tourist_has_no_work_stop(world):
    screening = screen(world, _aged(world, 15), purpose="tourism", answers={})
    assert selectors.legal_stops_for(screening) == []


def test_going_ahead_is_refused_with_the_citation_but_other_decisions_are_signed(world):
    screening = screen(world, _aged(world, 16), purpose="work", answers={})
    with pytest.raises(ValidationError) as exc:
        screening_decide(actor=world.fajar, screening=screening, kind="proceed", rationale="lanjut")
    assert CITATION in str(exc.value)
    decision = screening_decide(
        actor=world.fajar, screening=screening, kind="refer", rationale="Rujuk ke perlindungan anak"
    )
    assert decision.kind == "refer"


def test_age_is_never_a_score_input(world):
    minor = screen(world, _aged(world, 16, name="Anak"), purpose="work", answers=RISKY)
    adult = screen(world, _aged(world, 40, name="Dewasa"), purpose="work", answers=RISKY)
    assert (minor.advisory_level, minor.advisory_score) == (adult.advisory_level, adult.advisory_score)


def test_the_decision_page_shows_the_stop_with_its_citation(world, login):
    screening = screen(world, _aged(world, 17), purpose="work", answers={})
    page = login(world.fajar).get(f"/perlindungan/skrining/{screening.pk}/keputusan/").content.decode()
    assert 'data-testid="legal-stop"' in page and CITATION in page


def test_the_api_answers_the_stop_and_refuses_proceed_with_its_field(world, login):
    screening = screen(world, _aged(world, 17), purpose="work", answers={})
    client = login(world.fajar)
    body = client.get(f"/api/v1/screenings/{screening.pk}").json()
    assert [s["citation"] for s in body["legal_stops"]] == [CITATION]
    response = client.post(
        f"/api/v1/screenings/{screening.pk}/decision",
        {"kind": "proceed", "rationale": "lanjut"},
        content_type="application/json",
    )
    assert response.status_code == 422 and response.json()["field"] == "kind"
    assert CITATION in response.json()["detail"]
    assert login(world.dewi).get(f"/api/v1/screenings/{screening.pk}").status_code == 404
