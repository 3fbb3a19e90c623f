"""Duplicate detection over a whole scope finds the variants the name key misses, and only within the scope."""

import datetime as dt

from desabinaan.people.duplicates import duplicate_pairs_scored
from desabinaan.people.services import person_mark_not_duplicate


def _pairs(user):
    return {(p.a.name, p.b.name) for p in duplicate_pairs_scored(user)}


def test_it_finds_a_spelling_variant_with_the_birth_day_and_month_swapped(world, make_person):
    make_person("Syaiful Hidayat", sex="M", birth_date=dt.date(1990, 3, 7))
    make_person("Saiful Hidayat", sex="M", birth_date=dt.date(1990, 7, 3))
    make_person("Rina Marlina")

    assert _pairs(world.budi) == {("Syaiful Hidayat", "Saiful Hidayat")}


def test_the_officer_outside_the_jurisdiction_sees_none_of_them(world, make_person):
    make_person("Muhammad Rizki", sex="M")
    make_person("Moh. Rizki", sex="M")

    assert len(duplicate_pairs_scored(world.ani)) == 1
    assert duplicate_pairs_scored(world.dewi) == []


def test_a_pair_declared_different_people_is_not_offered_again(world, make_person):
    a = make_person("Muhammad Rizki", sex="M")
    b = make_person("Moh. Rizki", sex="M")
    person_mark_not_duplicate(actor=world.fajar, person_a=a, person_b=b)

    assert duplicate_pairs_scored(world.fajar) == []


def test_its_queries_do_not_grow_with_the_register(world, make_person, django_assert_max_num_queries):
    for i in range(30):
        make_person(f"Warga Contoh {i}", sex="F", birth_date=dt.date(1980, 1, 1) + dt.timedelta(days=i))
    make_person("Muhammad Rizki", sex="M")
    make_person("Moh. Rizki", sex="M")

    with django_assert_max_num_queries(6):
        assert len(duplicate_pairs_scored(world.ani)) == 1
