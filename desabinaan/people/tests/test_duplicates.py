from desabinaan.people.selectors import people_needing_attention, probable_duplicate_pairs
from desabinaan.people.services import person_mark_not_duplicate


def test_it_pairs_probable_duplicates_within_scope(world, make_person):
    a = make_person("Muhammad Rizki", sex="M")
    b = make_person("Moh. Rizki", sex="M")
    make_person(
        "Moh. Rizki", sex="M", village=world.other_village
    )  # only same birth date: still a pair for ani
    make_person("Rina")
    assert probable_duplicate_pairs(world.budi) == [(a, b)]
    assert len(probable_duplicate_pairs(world.ani)) == 3
    assert probable_duplicate_pairs(world.dewi) == []
    assert people_needing_attention(world.budi) == {"without_consent": 3, "probable_duplicate_pairs": 1}


def test_a_not_duplicate_decision_removes_the_pair(world, login, make_person):
    a = make_person("Muhammad Rizki", sex="M")
    b = make_person("Moh. Rizki", sex="M")
    person_mark_not_duplicate(actor=world.budi, person_a=b, person_b=a)
    assert probable_duplicate_pairs(world.budi) == []


def test_the_duplicates_page_lists_pairs_and_records_decisions(world, login, make_person):
    a = make_person("Muhammad Rizki", sex="M")
    b = make_person("Moh. Rizki", sex="M")
    client = login(world.budi)
    html = client.get("/orang/duplikat/").content.decode()
    assert f"/orang/{a.pk}/gabung/?dengan={b.pk}" in html
    response = client.post(f"/orang/{a.pk}/bukan-duplikat/{b.pk}/", {"next": "duplicates"})
    assert response.status_code == 302
    assert "Moh. Rizki" not in client.get("/orang/duplikat/").content.decode()
    assert login(world.eka).post(f"/orang/{a.pk}/bukan-duplikat/{b.pk}/").status_code == 403
