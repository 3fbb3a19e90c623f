"""Exporting the person registry is a read of every person in it: each gets an access-log entry (channel "export")."""

from desabinaan.audit.models import AccessEntry
from desabinaan.people.selectors import people_for_user


def test_exporting_persons_writes_an_access_entry_per_exported_person(data, login):
    fajar = data.world.fajar
    response = login(fajar).get("/dasbor/ekspor/orang.csv")
    b"".join(response.streaming_content)
    exported = set(people_for_user(fajar).values_list("pk", flat=True))
    entries = AccessEntry.objects.filter(channel="export")
    assert exported and set(entries.values_list("person_id", flat=True)) == exported
    assert entries.count() == len(exported)
    assert {(e.actor_id, e.purpose) for e in entries} == {(fajar.pk, "ekspor daftar orang")}


def test_other_exports_and_unknown_formats_write_no_access_entry(data, login):
    client = login(data.world.fajar)
    client.get("/dasbor/ekspor/kegiatan.csv")
    assert client.get("/dasbor/ekspor/orang.pdf").status_code == 404
    assert not AccessEntry.objects.exists()
