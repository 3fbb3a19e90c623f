"""Phone numbers are stored in one form, E.164 with Indonesia as the default region (issue 14): however a liaison
types a number ("0812-3456-7890", "+62 812 3456 7890"), the registry holds "+6281234567890"; a text that is not a
phone number is refused with a plain message on the phone field."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from desabinaan.people import validation as v
from desabinaan.people.models import Person
from desabinaan.people.services import PersonIn, person_update, persons_bulk_create

E164 = "+6281234567890"


@pytest.mark.parametrize(
    "typed", ["0812-3456-7890", "0812 3456 7890", "+62 812-3456-7890", "62812 3456 7890"]
)
def test_a_number_typed_any_way_is_stored_as_e164(make_person, typed):
    assert make_person(phone=typed).phone == E164


def test_a_changed_number_is_stored_as_e164_and_audited_masked(world, make_person):
    person = make_person()
    person_update(actor=world.budi, person=person, version=person.version, phone="0812.3456.7890")
    person.refresh_from_db()
    assert person.phone == E164


def test_text_that_is_not_a_phone_number_is_refused_on_the_phone_field(make_person):
    with pytest.raises(ValidationError) as info:
        make_person(phone="tanya pak RT")
    assert info.value.message_dict == {"phone": [str(v.PHONE_INVALID)]}
    assert not Person.objects.exists()


def test_an_old_unparseable_number_does_not_block_other_changes(world, make_person):
    person = make_person()
    Person.objects.filter(pk=person.pk).update(phone="0812-xx")
    person_update(actor=world.budi, person=person, version=person.version, name="Rina M")
    person.refresh_from_db()
    assert (person.name, person.phone) == ("Rina M", "0812-xx")


def test_bulk_rows_are_normalised_and_a_bad_number_refuses_only_its_row(world):
    outcomes = persons_bulk_create(
        actor=world.budi,
        rows=[
            PersonIn(
                name="Andi",
                sex="M",
                village_id=world.tebat_monok.code,
                birth_year=1990,
                phone="0812 3456 7890",
            ),
            PersonIn(name="Budi", sex="M", village_id=world.tebat_monok.code, birth_year=1991, phone="12"),
        ],
        allow_probable_duplicates=True,
    )
    assert outcomes[0].person.phone == E164
    assert outcomes[1].person is None and outcomes[1].error == str(v.PHONE_INVALID)


def test_the_registration_page_shows_the_phone_message_next_to_the_field(world, login):
    response = login(world.budi).post(
        reverse("people:create"),
        {
            "name": "Sari",
            "sex": "F",
            "birth_year": "1990",
            "village": world.tebat_monok.code,
            "phone": "08-12",
        },
    )
    assert response.status_code in (200, 422)
    assert str(v.PHONE_INVALID) in response.content.decode()
    assert not Person.objects.exists()


def test_the_api_refuses_a_bad_number_with_the_phone_field(world, login):
    response = login(world.budi).post(
        "/api/v1/people",
        {
            "name": "Sari",
            "sex": "F",
            "birth_year": 1990,
            "village_code": world.tebat_monok.code,
            "phone": "abc",
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["field"] == "phone" and response.json()["detail"] == str(v.PHONE_INVALID)
