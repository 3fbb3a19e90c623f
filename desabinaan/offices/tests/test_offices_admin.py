import datetime as dt

import pytest
from django.urls import reverse

from desabinaan.audit.models import AuditEntry
from desabinaan.offices.models import WorkingAreaAssignment
from desabinaan.offices.selectors import regencies_without_kanim
from desabinaan.offices.services import ASSIGNMENT_NOT_AFTER_CURRENT

pytestmark = pytest.mark.django_db

KEPAHIANG = "17.08"


def test_regencies_without_a_current_kanim_are_listed(world):
    assert list(regencies_without_kanim()) == []

    WorkingAreaAssignment.objects.filter(regency_id=KEPAHIANG).update(valid_to=dt.date(2024, 12, 31))

    assert [r.code for r in regencies_without_kanim()] == [KEPAHIANG]


def test_the_admin_reports_regencies_without_a_kanim(world, login, django_assert_max_num_queries):
    WorkingAreaAssignment.objects.filter(regency_id=KEPAHIANG).update(valid_to=dt.date(2024, 12, 31))
    admin = login(world.admin)

    with django_assert_max_num_queries(12):
        response = admin.get(reverse("admin:offices_regencies_without_kanim"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kabupaten Kepahiang" in html
    assert "1 kabupaten/kota tidak masuk wilayah kerja" in html


def test_the_admin_moves_a_regency_through_the_service(world, login):
    admin = login(world.admin)

    response = admin.post(
        reverse("admin:offices_workingareaassignment_add"),
        {
            "regency": KEPAHIANG,
            "kanim": world.kanim_bdg.pk,
            "valid_from": "2025-03-01",
            "basis": "SK (sintetis)",
        },
    )

    assert response.status_code == 302
    current = WorkingAreaAssignment.objects.get(regency_id=KEPAHIANG, valid_to__isnull=True)
    assert current.kanim == world.kanim_bdg
    assert WorkingAreaAssignment.objects.get(regency_id=KEPAHIANG, kanim=world.kanim_bkl).valid_to == dt.date(
        2025, 2, 28
    )
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == ["update", "create"]


def test_the_admin_move_form_shows_the_service_message(world, login):
    admin = login(world.admin)

    response = admin.post(
        reverse("admin:offices_workingareaassignment_add"),
        {"regency": KEPAHIANG, "kanim": world.kanim_bdg.pk, "valid_from": "2023-06-01"},
    )

    assert response.status_code == 200
    assert str(ASSIGNMENT_NOT_AFTER_CURRENT) % {"current": "01-01-2024"} in response.content.decode()
    assert (
        WorkingAreaAssignment.objects.get(regency_id=KEPAHIANG, valid_to__isnull=True).kanim
        == world.kanim_bkl
    )
    assert not AuditEntry.objects.exists()


def test_assignments_cannot_be_edited_or_deleted_in_the_admin(world, login):
    admin = login(world.admin)
    assignment = WorkingAreaAssignment.objects.get(regency_id=KEPAHIANG)
    change_url = reverse("admin:offices_workingareaassignment_change", args=[assignment.pk])

    admin.post(change_url, {"regency": KEPAHIANG, "kanim": world.kanim_bdg.pk, "valid_from": "2024-01-01"})
    delete = admin.post(
        reverse("admin:offices_workingareaassignment_delete", args=[assignment.pk]), {"post": "yes"}
    )

    assert delete.status_code == 403
    assignment.refresh_from_db()
    assert assignment.kanim == world.kanim_bkl


def test_the_kanim_page_shows_its_current_working_area(world, login):
    WorkingAreaAssignment.objects.filter(regency_id=KEPAHIANG).update(valid_to=dt.date(2024, 12, 31))
    admin = login(world.admin)

    response = admin.get(reverse("admin:offices_kanim_change", args=[world.kanim_bkl.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kota Bengkulu" in html
    assert "Kabupaten Kepahiang" not in html  # closed assignments are not the current working area


@pytest.mark.parametrize("name", ["kanwil", "kanim", "workingareaassignment", "partneragency"])
def test_the_office_changelists_open_with_bounded_queries(world, login, django_assert_max_num_queries, name):
    admin = login(world.admin)

    with django_assert_max_num_queries(15):
        response = admin.get(reverse(f"admin:offices_{name}_changelist"))

    assert response.status_code == 200


def test_it_validates_scope(world, login, client):
    url = reverse("admin:offices_workingareaassignment_changelist")
    report = reverse("admin:offices_regencies_without_kanim")

    assert login(world.admin).get(url).status_code == 200
    # Non-staff personas are sent to the admin login; anonymous visitors too.
    for response in (login(world.ani).get(url), login(world.ani).get(report), client.get(report)):
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
