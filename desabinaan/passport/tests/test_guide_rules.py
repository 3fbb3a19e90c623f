"""Every case of docs/rules.md §2, computed from the default rules the 0002_fill_rules migration loads."""

import pytest

from lib import passport as rules

ADULT = {"birth_date": "1990-01-01"}
CHILD = {"birth_date": "2010-01-01"}  # 15 on 2025-06-01
NEW_ADULT = {"ktp", "kk", "civil_record", "name_change_decree"}
CHILD_DOCS = {
    "kk",
    "birth_certificate",
    "parents_ktp",
    "parents_marriage_certificate",
    "parents_passports",
    "power_of_attorney",
    "child_travel_statement",
    "name_change_decree",
    # Kanim Yogyakarta via Kompas, 4 May 2023: the parents' statement of responsibility on meterai.
    "parents_statement",
}
# imigrasi.go.id via tempo.co: a lost or damaged passport also needs the civil record.
LOST_ADULT = {"ktp", "kk", "civil_record"}


def codes(result):
    return {d["code"] for d in result["documents"]}


def conditional(result):
    return {d["code"] for d in result["documents"] if d["conditional"]}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param({"case": "new", **ADULT}, NEW_ADULT, id="new adult"),
        pytest.param({"case": "new", **CHILD}, CHILD_DOCS, id="new child"),
        pytest.param(
            {"case": "new", "married": True, **CHILD}, NEW_ADULT, id="married minor counts as adult"
        ),
        pytest.param(
            {"case": "replacement_expired", **ADULT}, NEW_ADULT | {"old_passport"}, id="replacement"
        ),
        pytest.param(
            {"case": "replacement_expired", **CHILD}, CHILD_DOCS | {"old_passport"}, id="replacement child"
        ),
        pytest.param(
            {"case": "lost", **CHILD},
            CHILD_DOCS - {"name_change_decree"} | {"police_report", "bap", "regional_approval"},
            id="lost child",
        ),
        pytest.param(
            {"case": "lost", **ADULT},
            LOST_ADULT | {"police_report", "bap", "regional_approval"},
            id="lost valid",
        ),
        pytest.param(
            {"case": "damaged", **ADULT},
            LOST_ADULT | {"old_passport", "bap", "regional_approval"},
            id="damaged valid",
        ),
        pytest.param(
            {"case": "lost_expired", **ADULT}, LOST_ADULT | {"police_report", "bap"}, id="lost expired"
        ),
        pytest.param(
            {"case": "damaged_expired", **ADULT}, LOST_ADULT | {"old_passport", "bap"}, id="damaged expired"
        ),
        pytest.param(
            {"case": "lost", "force_majeure": True, **ADULT},
            LOST_ADULT | {"police_report", "bap", "regional_approval", "disaster_letter"},
            id="lost by disaster",
        ),
        pytest.param(
            {"case": "damaged_expired", "force_majeure": True, **ADULT},
            LOST_ADULT | {"old_passport", "bap", "disaster_letter"},
            id="damaged expired by disaster",
        ),
        pytest.param({"purpose": "work", **ADULT}, NEW_ADULT | {"disnaker_recommendation"}, id="work"),
        pytest.param(
            {"purpose": "work", "case": "replacement_expired", **ADULT},
            NEW_ADULT | {"old_passport", "disnaker_recommendation"},
            id="work replacement",
        ),
        pytest.param({"purpose": "umrah_hajj", **ADULT}, NEW_ADULT, id="umrah same as normal"),
        pytest.param({"purpose": "study", **ADULT}, NEW_ADULT, id="study"),
        pytest.param({"purpose": "internship", **ADULT}, NEW_ADULT, id="internship"),
    ],
)
def test_it_lists_the_documents_of_each_case(guide, answers, expected):
    assert codes(guide(**answers)) == expected


def test_it_marks_the_child_power_of_attorney_as_conditional(guide):
    result = guide(**CHILD)
    assert {"parents_ktp", "parents_marriage_certificate", "parents_passports", "power_of_attorney"} <= codes(
        result
    )
    assert "power_of_attorney" in conditional(result)
    assert "parents_ktp" not in conditional(result)
    assert "ktp" not in codes(result)


def test_it_says_umrah_needs_no_religious_affairs_recommendation(guide):
    result = guide(purpose="umrah_hajj")
    assert [d["code"] for d in result["not_needed"]] == ["kemenag_recommendation"]
    assert any("IMI-GR.01.01-0070" in c for c in result["citations"])


def test_it_shows_both_sources_on_the_disnaker_recommendation(guide):
    citations = " ".join(guide(purpose="work")["citations"])
    assert "IMI-GR.01.01-0252" in citations
    assert "Praktik kantor imigrasi 2023" in citations


def test_it_marks_documents_the_office_makes(guide):
    by_office = {d["code"] for d in guide(case="lost")["documents"] if d["by_office"]}
    assert by_office == {"bap", "regional_approval"}


def fee(result):
    return result["fee"]["total_idr"], [item["code"] for item in result["fee"]["items"]]


@pytest.mark.parametrize(
    ("answers", "total", "items"),
    [
        pytest.param({"validity_years": 5}, 350_000, ["passport_5"], id="non-electronic 5y"),
        pytest.param({"validity_years": 10}, 650_000, ["passport_10"], id="non-electronic 10y"),
        pytest.param({"electronic": True, "validity_years": 5}, 650_000, ["epassport_5"], id="electronic 5y"),
        pytest.param(
            {"electronic": True, "validity_years": 10}, 950_000, ["epassport_10"], id="electronic 10y"
        ),
        pytest.param(
            {"case": "lost", "electronic": True},
            1_950_000,
            ["epassport_10", "surcharge_lost"],
            id="lost still valid electronic 10y",
        ),
        pytest.param(
            {"case": "damaged", "electronic": True},
            1_450_000,
            ["epassport_10", "surcharge_damaged"],
            id="damaged still valid electronic 10y",
        ),
        pytest.param(
            {"case": "lost", "electronic": True, "force_majeure": True},
            950_000,
            ["epassport_10", "surcharge_force_majeure"],
            id="force majeure removes the lost surcharge",
        ),
        pytest.param(
            {"case": "damaged", "validity_years": 5, "force_majeure": True},
            350_000,
            ["passport_5", "surcharge_force_majeure"],
            id="force majeure removes the damaged surcharge",
        ),
        pytest.param(
            {"case": "lost_expired", "electronic": True}, 950_000, ["epassport_10"], id="lost expired"
        ),
        pytest.param({"case": "damaged_expired"}, 650_000, ["passport_10"], id="damaged expired"),
        pytest.param({"case": "replacement_expired"}, 650_000, ["passport_10"], id="replacement"),
        pytest.param(
            {"electronic": True, "same_day": True},
            1_950_000,
            ["epassport_10", "same_day"],
            id="same-day adds 1M",
        ),
        pytest.param(
            {"case": "lost", "validity_years": 5, "same_day": True},
            2_350_000,
            ["passport_5", "surcharge_lost", "same_day"],
            id="lost and same-day",
        ),
        pytest.param(
            {"purpose": "work", "validity_years": 5, "migrant_worker_first": True},
            0,
            ["migrant_worker_first"],
            id="first-time migrant worker",
        ),
        # PP 28/2019 before the new schedule: one price whatever the validity.
        pytest.param({"on": "2024-06-01"}, 350_000, ["passport_10"], id="1 Jun 2024 non-electronic"),
        pytest.param(
            {"on": "2024-06-01", "electronic": True}, 650_000, ["epassport_10"], id="1 Jun 2024 electronic"
        ),
        pytest.param(
            {"on": "2024-06-01", "case": "lost", "electronic": True},
            1_650_000,
            ["epassport_10", "surcharge_lost"],
            id="1 Jun 2024 lost",
        ),
        pytest.param(
            {"on": "2024-12-16", "electronic": True}, 650_000, ["epassport_10"], id="last day of PP 28/2019"
        ),
        pytest.param(
            {"on": "2024-12-17", "electronic": True}, 950_000, ["epassport_10"], id="first day of PP 45/2024"
        ),
    ],
)
def test_it_composes_the_fee(guide, answers, total, items):
    assert fee(guide(**answers)) == (total, items)


@pytest.mark.parametrize(
    ("on", "schedule"),
    [("2024-06-01", "PP 28/2019"), ("2024-12-16", "PP 28/2019"), ("2024-12-17", "PP 45/2024")],
)
def test_it_uses_the_schedule_in_force_on_the_application_date(guide, on, schedule):
    result = guide(on=on)
    assert result["fee"]["schedule"] == schedule
    assert any(c.startswith(schedule) for c in result["citations"])


def test_the_fee_total_equals_the_sum_of_its_items(guide):
    result = guide(case="lost", electronic=True, same_day=True)
    assert result["fee"]["total_idr"] == sum(i["amount_idr"] for i in result["fee"]["items"]) == 2_950_000


@pytest.mark.parametrize(
    ("answers", "years", "warned"),
    [
        pytest.param({"birth_date": "2009-01-01"}, 5, True, id="a 16-year-old gets 5 years"),
        pytest.param(
            {"birth_date": "2009-01-01", "married": True}, 10, False, id="a married 16-year-old may get 10"
        ),
        pytest.param({"birth_date": "2008-06-01"}, 10, False, id="17 on the application date"),
        pytest.param({"birth_date": "2008-06-02"}, 5, True, id="17 the day after the application"),
        pytest.param(
            {"birth_date": "2009-01-01", "validity_years": 5}, 5, False, id="a minor asking 5 years"
        ),
        pytest.param(
            {"birth_date": "1960-01-01", "validity_years": 5}, 5, False, id="an adult asking 5 years"
        ),
        pytest.param({"birth_date": "1960-01-01"}, 10, False, id="an adult asking 10 years"),
    ],
)
def test_it_grants_the_validity(guide, answers, years, warned):
    result = guide(**answers)
    assert result["validity_years"] == years
    assert any(w["code"] == rules.VALIDITY_REDUCED for w in result["warnings"]) is warned


def test_the_reduced_validity_warning_says_why_and_prices_five_years(guide):
    result = guide(birth_date="2009-01-01", electronic=True)
    warning = next(w for w in result["warnings"] if w["code"] == rules.VALIDITY_REDUCED)
    assert "16 tahun" in warning["message"]
    assert "17 tahun ke atas atau sudah menikah" in warning["message"]
    assert fee(result) == (650_000, ["epassport_5"])


def test_it_warns_a_minor_asking_about_work(guide):
    result = guide(purpose="work", birth_date="2009-01-01")
    assert rules.WORK_UNDER_MIN_AGE in {w["code"] for w in result["warnings"]}


def test_work_purpose_explains_the_procedural_route_and_red_flags(guide):
    result = guide(purpose="work")
    route = " ".join(result["work_route"]["requirements"])
    assert "UU 18/2017 Pasal 5" in route and "P3MI" in route and "Disnaker" in route
    assert "jaminan sosial" in route and "perjanjian penempatan" in route
    assert len(result["work_route"]["red_flags"]) >= 8
    assert guide(purpose="tourism")["work_route"] is None


def test_it_explains_police_reports_and_approval(guide):
    notes = " ".join(guide(case="lost")["notes"])
    assert "kantor polisi" in notes
    assert "persetujuan pejabat imigrasi" in notes and "BAP" in notes
    assert "kedua orang tua" in " ".join(guide(**CHILD)["notes"])


def test_it_lists_the_office_steps_with_the_m_paspor_link(guide):
    steps = guide()["steps"]
    assert [s["code"] for s in steps] == [
        "booking",
        "document_check",
        "biometrics",
        "interview",
        "verification",
        "adjudication",
        "printing",
        "pickup",
    ]
    assert steps[0]["url"] == "https://www.imigrasi.go.id/"
