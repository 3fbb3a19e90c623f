"""Planning an event, its status (planned → held → reported), materials and photos, and bounded lists."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from desabinaan.audit.models import AuditEntry
from desabinaan.core.errors import Conflict
from desabinaan.events import services
from desabinaan.events import validation as v
from desabinaan.events.models import Event, Topic

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_the_api_plans_an_event_with_the_contract_fields(world, login):
    body = {
        "village_code": "17.08.04.2002",
        "title": "Sosialisasi paspor untuk pelajar",
        "starts_at": "2030-03-01T09:00:00+07:00",
        "target_groups": ["pelajar-sma"],
        "topics": ["paspor", "tppo"],
    }
    response = login(world.ani).post("/api/v1/events", body, content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["village_code"] == "17.08.04.2002"
    assert sorted(data["topics"]) == ["paspor", "tppo"]
    assert data["target_groups"] == ["pelajar-sma"]
    event = Event.objects.get()
    assert (event.kanim, event.desa_binaan.village_id, event.status) == (
        world.kanim_bkl,
        "17.08.04.2002",
        "planned",
    )
    assert event.ends_at - event.starts_at == dt.timedelta(hours=3)
    assert AuditEntry.objects.filter(target_type="events.event", action="create").exists()


def test_the_api_refuses_unknown_codes_and_out_of_scope_villages(world, login):
    body = {
        "village_code": "17.08.04.2002",
        "title": "X",
        "starts_at": "2030-03-01T09:00:00+07:00",
        "topics": ["nope"],
    }
    assert login(world.ani).post("/api/v1/events", body, content_type="application/json").status_code == 422
    body["topics"] = []
    assert login(world.dewi).post("/api/v1/events", body, content_type="application/json").status_code == 403
    assert login(world.eka).post("/api/v1/events", body, content_type="application/json").status_code == 403
    assert login(world.citra).post("/api/v1/events", body, content_type="application/json").status_code == 403


def test_the_page_plans_an_event(world, login):
    response = login(world.budi).post(
        "/sosialisasi/baru/",
        {
            "title": "Penyuluhan triwulan",
            "village": "17.08.04.2002",
            "venue": "Balai desa",
            "starts_at": "2030-03-01T09:00",
            "ends_at": "2030-03-01T12:00",
            "planned_attendance": "50",
        },
    )
    assert response.status_code == 302
    assert Event.objects.get().venue == "Balai desa"


def test_it_refuses_an_end_before_the_start(world):
    start = timezone.now()
    with pytest.raises(ValidationError):
        services.event_create(
            actor=world.ani,
            title="X",
            village=world.tebat_monok,
            starts_at=start,
            ends_at=start - dt.timedelta(hours=1),
        )


def test_status_moves_from_planned_to_held_to_reported(world, login, event):
    client = login(world.fajar)
    services.attendance_record(
        actor=world.ani,
        event=event,
        village=event.village,
        name="Rina",
        sex="F",
        birth_year=1990,
        consent=True,
    )
    client.post(f"/sosialisasi/{event.pk}/terlaksana/", {})
    event.refresh_from_db()
    assert (event.status, event.actual_attendance) == ("held", 1)
    client.post(
        f"/sosialisasi/{event.pk}/laporan/", {"report": "Berjalan lancar.", "actual_attendance": "40"}
    )
    event.refresh_from_db()
    assert (event.status, event.report, event.actual_attendance) == ("reported", "Berjalan lancar.", 40)
    assert event.reported_at is not None


def test_a_future_event_cannot_be_marked_held(world, make_event):
    future = make_event(starts_at=timezone.now() + dt.timedelta(days=3))
    with pytest.raises(ValidationError) as exc:
        services.event_mark_held(actor=world.ani, event=future)
    assert exc.value.messages == [str(v.EVENT_NOT_STARTED)]


def test_a_report_needs_text_and_a_held_event(world, event):
    with pytest.raises(ValidationError):
        services.event_report(actor=world.ani, event=event, report="Laporan")
    services.event_mark_held(actor=world.ani, event=event)
    with pytest.raises(ValidationError):
        services.event_report(actor=world.ani, event=event, report="  ")


def test_read_only_users_cannot_change_status(world, event):
    with pytest.raises(PermissionDenied):
        services.event_mark_held(actor=world.eka, event=event)


def test_update_refuses_a_stale_version(world, event):
    services.event_update(actor=world.ani, event=event, version=event.version, title="Baru")
    with pytest.raises(Conflict) as exc:
        services.event_update(actor=world.ani, event=event, version=event.version, title="Lama")
    assert (str(exc.value), exc.value.field, exc.value.code) == (
        str(v.EVENT_VERSION_CONFLICT),
        "version",
        "version",
    )


def test_files_are_type_checked_and_served_within_scope(world, login, event):
    client = login(world.ani)
    client.post(
        f"/sosialisasi/{event.pk}/berkas/", {"kind": "photo", "file": SimpleUploadedFile("a.png", PNG)}
    )
    client.post(
        f"/sosialisasi/{event.pk}/berkas/", {"kind": "photo", "file": SimpleUploadedFile("b.png", b"MZ\x90")}
    )
    client.post(
        f"/sosialisasi/{event.pk}/berkas/",
        {"kind": "photo", "file": SimpleUploadedFile("m.pdf", b"%PDF-1.4 x")},
    )
    client.post(
        f"/sosialisasi/{event.pk}/berkas/",
        {"kind": "material", "file": SimpleUploadedFile("m.pdf", b"%PDF-1.4 x")},
    )
    files = list(event.files.order_by("id"))
    assert [(f.original_name, f.content_type) for f in files] == [
        ("a.png", "image/png"),
        ("m.pdf", "application/pdf"),
    ]
    url = f"/sosialisasi/{event.pk}/berkas/{files[0].pk}/"
    response = login(world.budi).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG
    assert login(world.dewi).get(url).status_code == 404
    assert login(world.citra).get(url).status_code == 404


def test_lists_have_bounded_query_counts(world, login, make_event, django_assert_max_num_queries):
    for i in range(12):
        make_event(title=f"Kegiatan {i}", starts_at=timezone.now() + dt.timedelta(days=i))
    client = login(world.ani)
    with django_assert_max_num_queries(20):
        page = client.get("/sosialisasi/")
    assert page.content.decode().count("/sosialisasi/") > 12
    with django_assert_max_num_queries(15):
        api = client.get("/api/v1/events")
    assert api.json()["count"] == 12
    with django_assert_max_num_queries(15):
        assert client.get("/sosialisasi/kalender/").status_code == 200


def test_the_list_filters_by_search_status_topic_and_group(world, login, make_event):
    make_event(title="Paspor untuk pelajar", topics=Topic.objects.filter(code="paspor"))
    make_event(title="Bahaya calo")
    client = login(world.ani)
    assert "Bahaya calo" not in client.get("/sosialisasi/?q=paspor").content.decode()
    page = client.get("/sosialisasi/?topic=paspor").content.decode()
    assert "Paspor untuk pelajar" in page and "Bahaya calo" not in page
    assert "Bahaya calo" in client.get("/sosialisasi/?status=planned&group=umum").content.decode()
