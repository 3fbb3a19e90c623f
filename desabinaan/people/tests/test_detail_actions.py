"""Which follow-up actions a person's page offers depends on the reader's role."""

from django.urls import reverse


def test_it_offers_an_interview_screening_to_office_staff(world, login, make_person):
    person = make_person()
    page = login(world.ani).get(reverse("people:detail", args=[person.pk])).content.decode()
    # Through passport: the form comes filled in from the person's latest readiness check, if any.
    assert reverse("passport:person_screening", args=[person.pk]) in page


def test_it_never_offers_a_screening_to_a_village_liaison_or_kanwil_reader(world, login, make_person):
    person = make_person()
    for reader in (world.budi, world.eka):
        page = login(reader).get(reverse("people:detail", args=[person.pk])).content.decode()
        assert reverse("passport:person_screening", args=[person.pk]) not in page
