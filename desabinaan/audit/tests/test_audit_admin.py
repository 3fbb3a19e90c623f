import pytest
from django.urls import reverse

from desabinaan.accounts.models import Role, User
from desabinaan.audit.models import AccessEntry, AuditEntry
from desabinaan.audit.services import access_record, audit_record
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db

ADMIN_URLS = {
    "audit": "admin:audit_auditentry_changelist",
    "access": "admin:audit_accessentry_changelist",
}


@pytest.fixture
def logs(world):
    from desabinaan.people.models import Person

    person = Person.objects.create(name="Sari Sintetis", sex="F", village=world.tebat_monok)
    for _ in range(3):
        audit_record(
            actor=world.ani, action="update", target=world.kanim_bkl, summary="Telepon kantor diubah"
        )
        access_record(actor=world.ani, person=person, channel="web", purpose="lihat detail")
    audit_record(actor=world.fajar, action="create", target=world.tebat_monok, summary="Dibuat")
    return person


def _national_admin_without_superuser():
    user = User(username="nadia", role=Role.NATIONAL_ADMIN, is_staff=True)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.mark.parametrize("which", ["audit", "access"])
def test_a_national_admin_browses_both_logs(world, logs, login, django_assert_max_num_queries, which):
    admin = login(world.admin)

    with django_assert_max_num_queries(12):
        response = admin.get(reverse(ADMIN_URLS[which]))

    assert response.status_code == 200
    assert response.content.decode().count("ani") >= 3


@pytest.mark.parametrize("which", ["audit", "access"])
def test_a_national_admin_without_superuser_rights_browses_both_logs(world, logs, login, which):
    response = login(_national_admin_without_superuser()).get(reverse(ADMIN_URLS[which]))

    assert response.status_code == 200


def test_the_access_log_never_shows_the_persons_name(world, logs, login):
    html = login(world.admin).get(reverse(ADMIN_URLS["access"])).content.decode()

    assert "Sari Sintetis" not in html
    assert str(logs.pk) in html


def test_the_logs_filter_by_action_and_target_type(world, logs, login):
    admin = login(world.admin)
    url = reverse(ADMIN_URLS["audit"])

    created = admin.get(url, {"action__exact": "create"})
    villages = admin.get(url, {"target_type": "regions.village"})

    assert list(created.context["cl"].result_list) == list(AuditEntry.objects.filter(action="create"))
    assert [e.target_type for e in villages.context["cl"].result_list] == ["regions.village"]


def test_the_logs_search_by_target_id_and_actor(world, logs, login):
    admin = login(world.admin)
    url = reverse(ADMIN_URLS["audit"])

    by_target = admin.get(url, {"q": world.tebat_monok.code}).context["cl"].result_list
    by_actor = admin.get(url, {"q": "fajar"}).context["cl"].result_list
    by_person = admin.get(reverse(ADMIN_URLS["access"]), {"q": str(logs.pk)}).context["cl"].result_list
    by_text = admin.get(reverse(ADMIN_URLS["access"]), {"q": "ani"}).context["cl"].result_list

    assert [e.target_id for e in by_target] == [world.tebat_monok.code]
    assert [e.actor.username for e in by_actor] == ["fajar"]
    assert len(by_person) == 3
    assert len(by_text) == 3


@pytest.mark.parametrize("model", [AuditEntry, AccessEntry])
def test_the_logs_are_read_only_even_for_superusers(world, logs, login, model):
    admin = login(world.admin)
    name = model._meta.model_name
    entry = model.objects.first()
    count = model.objects.count()

    add = admin.get(reverse(f"admin:audit_{name}_add"))
    view = admin.get(reverse(f"admin:audit_{name}_change", args=[entry.pk]))
    change = admin.post(
        reverse(f"admin:audit_{name}_change", args=[entry.pk]), {"purpose": "x", "summary": "x"}
    )
    delete = admin.post(reverse(f"admin:audit_{name}_delete", args=[entry.pk]), {"post": "yes"})
    bulk_delete = admin.post(
        reverse(f"admin:audit_{name}_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )

    assert add.status_code == 403
    assert view.status_code == 200
    assert 'name="_save"' not in view.content.decode()
    assert change.status_code == 403
    assert delete.status_code == 403
    assert bulk_delete.status_code in (200, 302)
    assert model.objects.count() == count
    entry.refresh_from_db()
    assert getattr(entry, "purpose", getattr(entry, "summary", None)) != "x"


def test_it_validates_scope(world, logs, login, client):
    # Only national administrators read the logs; staff of other roles and other personas are refused.
    ani_staff = world.ani
    ani_staff.is_staff = True
    ani_staff.save(update_fields=["is_staff"])

    for which in ADMIN_URLS.values():
        url = reverse(which)
        assert login(world.admin).get(url).status_code == 200
        assert login(ani_staff).get(url).status_code == 403
        assert login(world.budi).get(url).status_code == 302  # not staff: admin login page
        assert client.get(url).status_code == 302
