"""Consent in one step: several purposes ticked at once, each under the lawful basis preset for it (data with its
source, docs/rules.md §6); a village liaison sees the basis and cannot change it, an officer can."""

from desabinaan.people import validation as v
from desabinaan.people.forms import PURPOSE_TEXTS
from desabinaan.people.models import Consent, LawfulBasisDefault


def _url(person):
    return f"/orang/{person.pk}/persetujuan/"


def test_the_presets_come_from_data_with_their_source(db):
    rows = {r.purpose: r for r in LawfulBasisDefault.objects.filter(role="")}
    assert rows["education"].lawful_basis == "consent"
    assert rows["passport"].lawful_basis == "consent"
    assert rows["protection"].lawful_basis == "public_task"
    assert all("UU PDP 27/2022" in r.source for r in rows.values())


def test_a_liaison_records_several_purposes_in_one_step_under_their_preset_bases(world, login, make_person):
    person = make_person("Rina")
    client = login(world.budi)
    page = client.get(_url(person)).content.decode()
    assert 'name="purposes"' in page and 'name="lawful_basis"' not in page  # shown, not changeable
    assert "Pelayanan publik / kewenangan resmi" in page  # the protection preset is shown
    response = client.post(_url(person), {"purposes": ["education", "passport", "protection"]})
    assert response.status_code == 302
    consents = {c.purpose: c for c in Consent.objects.filter(person=person)}
    assert {p: c.lawful_basis for p, c in consents.items()} == {
        "education": "consent",
        "passport": "consent",
        "protection": "public_task",
    }
    assert consents["passport"].purpose_text == str(PURPOSE_TEXTS["passport"])
    assert "3 persetujuan tercatat." in client.get(response["Location"]).content.decode()


def test_a_liaison_cannot_send_another_basis_the_server_refuses_it(world, login, make_person):
    person = make_person("Rina")
    response = login(world.budi).post(
        _url(person), {"purposes": ["education"], "lawful_basis": "vital_interest"}
    )
    assert response.status_code == 403
    assert not Consent.objects.exists()


def test_an_officer_may_choose_another_basis_for_the_case(world, login, make_person):
    person = make_person("Rina")
    client = login(world.fajar)
    assert 'name="lawful_basis"' in client.get(_url(person)).content.decode()
    response = client.post(_url(person), {"purposes": ["protection"], "lawful_basis": "vital_interest"})
    assert response.status_code == 302
    assert Consent.objects.get().lawful_basis == "vital_interest"
    client.post(_url(person), {"purposes": ["education"], "lawful_basis": ""})  # empty: the preset
    assert Consent.objects.get(purpose="education").lawful_basis == "consent"


def test_no_purpose_or_one_text_for_several_purposes_is_explained(world, login, make_person):
    person = make_person("Rina")
    client = login(world.budi)
    none = client.post(_url(person), {"purpose_text": ""})
    assert str(v.PURPOSE_REQUIRED) in none.content.decode()
    two = client.post(_url(person), {"purposes": ["education", "passport"], "purpose_text": "teks sendiri"})
    assert str(v.PURPOSE_TEXT_ONE_PURPOSE) in two.content.decode()
    assert not Consent.objects.exists()


def test_the_consent_page_is_scoped(world, login, make_person):
    person = make_person("Rina")
    assert login(world.citra).get(_url(person)).status_code == 404
    assert login(world.dewi).get(_url(person)).status_code == 404
    assert login(world.eka).get(_url(person)).status_code == 403
    assert login(world.citra).post(_url(person), {"purposes": ["education"]}).status_code == 404
    assert not Consent.objects.exists()


def test_the_readiness_check_link_ticks_the_passport_purpose(world, login, make_person):
    person = make_person("Rina")
    page = login(world.budi).get(_url(person) + "?tujuan=passport").content.decode()
    assert (
        'value="passport" checked' in page
        or 'checked value="passport"' in page
        or ('value="passport"' in page and "checked" in page)
    )
