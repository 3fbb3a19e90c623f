"""Probable duplicates: the stored result of the national scan (nightly) or an officer's "Cari ulang", read per
user's jurisdiction, a page at a time; variants the name key misses are found; decisions and merges show at once."""

import datetime as dt

import pytest
from django.core.management import call_command

from desabinaan.jobs.models import Job
from desabinaan.people.duplicates import duplicate_pairs_for_user, duplicates_scan
from desabinaan.people.models import DuplicatePair
from desabinaan.people.selectors import people_needing_attention
from desabinaan.people.services import person_mark_not_duplicate, person_merge
from desabinaan.people.tasks import duplicates_scan_nightly
from desabinaan.privacy.services import person_anonymise


def _pairs(user):
    return {(p.person_a.name, p.person_b.name) for p in duplicate_pairs_for_user(user)}


@pytest.fixture
def rizki(make_person):
    return make_person("Muhammad Rizki", sex="M"), make_person("Moh. Rizki", sex="M")


def test_the_nightly_scan_finds_a_spelling_variant_with_day_and_month_swapped(world, make_person):
    make_person("Syaiful Hidayat", sex="M", birth_date=dt.date(1990, 3, 7))
    make_person("Saiful Hidayat", sex="M", birth_date=dt.date(1990, 7, 3))
    make_person("Rina Marlina")

    duplicates_scan_nightly.enqueue()

    assert _pairs(world.budi) == {("Syaiful Hidayat", "Saiful Hidayat")}
    (pair,) = duplicate_pairs_for_user(world.budi)
    assert pair.reasons == ["date_swapped", "village_same", "name_close"]


def test_each_persona_sees_only_pairs_inside_their_jurisdiction(world, make_person, rizki):
    make_person("Moh. Rizki", sex="M", village=world.other_village)  # Urai: ani's scope, not budi's
    duplicates_scan(actor=None)

    assert _pairs(world.budi) == {("Muhammad Rizki", "Moh. Rizki")}
    assert len(_pairs(world.ani)) == 2 and duplicate_pairs_for_user(world.ani).count() == 3
    assert duplicate_pairs_for_user(world.dewi).count() == 0  # another Kanim's officer
    assert duplicate_pairs_for_user(world.gita).count() == 0  # partner agency
    assert people_needing_attention(world.budi)["probable_duplicate_pairs"] == 1
    assert people_needing_attention(world.dewi)["probable_duplicate_pairs"] == 0


def test_a_scan_of_one_jurisdiction_leaves_the_others_pairs(world, make_person, rizki):
    make_person("Juwita Sari", village=world.other_village)
    make_person("Juwita Sari", village=world.other_village)
    duplicates_scan(actor=None)
    assert duplicate_pairs_for_user(world.admin).count() == 2

    duplicates_scan(actor=world.dewi)  # Bandung: nothing there, nothing of Bengkulu touched
    assert duplicate_pairs_for_user(world.admin).count() == 2
    rizki[1].name = "Rudi Hartono"  # corrected by hand, then the liaison of Tebat Monok searches again
    rizki[1].name_key = "rudi hartono"
    rizki[1].save()
    duplicates_scan(actor=world.budi)
    assert _pairs(world.admin) == {("Juwita Sari", "Juwita Sari")}


def test_a_pair_declared_different_people_drops_out_at_once_and_is_not_stored_again(world, rizki):
    duplicates_scan(actor=None)
    person_mark_not_duplicate(actor=world.fajar, person_a=rizki[0], person_b=rizki[1])

    assert duplicate_pairs_for_user(world.fajar).count() == 0
    duplicates_scan(actor=world.fajar)
    assert not DuplicatePair.objects.exists()


def test_a_merged_or_erased_person_drops_out(world, make_person, rizki):
    make_person("Juwita Sari")
    juwita = make_person("Juwita Sari")
    duplicates_scan(actor=None)
    assert duplicate_pairs_for_user(world.fajar).count() == 2

    person_merge(actor=world.fajar, keep=rizki[0], remove=rizki[1])
    person_anonymise(actor=world.admin, person=juwita, summary="Data dihapus atas permintaan (uji)")

    assert duplicate_pairs_for_user(world.fajar).count() == 0


def test_the_page_lists_pairs_with_reasons_and_records_decisions(world, login, rizki):
    a, b = rizki
    duplicates_scan(actor=None)
    client = login(world.budi)
    html = client.get("/orang/duplikat/").content.decode()
    assert f"/orang/{a.pk}/gabung/?dengan={b.pk}" in html
    assert "tanggal lahir sama" in html and "nama sama (ejaan disamakan)" in html
    assert "Pencarian terakhir" in html
    response = client.post(f"/orang/{a.pk}/bukan-duplikat/{b.pk}/", {"next": "duplicates"})
    assert response.status_code == 302
    assert "Moh. Rizki" not in client.get("/orang/duplikat/").content.decode()
    assert login(world.eka).post(f"/orang/{a.pk}/bukan-duplikat/{b.pk}/").status_code == 403


def test_the_outsider_sees_no_pair_of_another_jurisdiction(world, login, rizki):
    duplicates_scan(actor=None)
    for persona in ("dewi", "citra"):
        html = login(getattr(world, persona)).get("/orang/duplikat/").content.decode()
        assert "Rizki" not in html, persona


def test_an_officer_searches_again_and_watches_the_job(world, login, make_person, jobs_run_at_once):
    make_person("Muhammad Rizki", sex="M")
    client = login(world.fajar)
    assert "Rizki" not in client.get("/orang/duplikat/").content.decode()
    make_person("Moh. Rizki", sex="M")

    response = client.post("/orang/duplikat/cari-ulang/")

    job = Job.objects.get(kind="people.duplicates_scan")
    assert response.url == f"/orang/duplikat/tugas/{job.pk}/"
    assert job.status == Job.Status.DONE and job.result["pairs"] == 1
    page = client.get(response.url).content.decode()
    assert "1 pasangan ditemukan" in page
    assert "Moh. Rizki" in client.get("/orang/duplikat/").content.decode()
    # The job is the officer's: another Kanim's officer does not find it; Kanwil staff (read-only) may not start one.
    assert login(world.dewi).get(response.url).status_code == 404
    assert login(world.eka).post("/orang/duplikat/cari-ulang/").status_code == 403


def test_the_nightly_schedule_enqueues_the_national_scan(world, rizki):
    call_command("enqueue_periodic", "nightly")

    assert duplicate_pairs_for_user(world.admin).count() == 1


def test_the_page_and_the_inbox_count_read_a_bounded_number_of_queries(
    world, login, make_person, django_assert_max_num_queries
):
    for i in range(40):
        make_person(f"Warga Contoh {i}", sex="F", birth_date=dt.date(1980, 1, 1) + dt.timedelta(days=i))
        make_person(f"Warga Contoh {i}", sex="F", birth_date=dt.date(1980, 1, 1) + dt.timedelta(days=i))
    duplicates_scan(actor=None)
    client = login(world.ani)
    client.get("/orang/duplikat/")

    with django_assert_max_num_queries(12):
        html = client.get("/orang/duplikat/?page=2").content.decode()
    assert "Halaman 2 dari 2" in html
    with django_assert_max_num_queries(4):
        assert people_needing_attention(world.ani)["probable_duplicate_pairs"] == 40
