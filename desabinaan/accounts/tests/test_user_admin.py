import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from desabinaan.accounts.models import LoginFailure, Role, User

pytestmark = pytest.mark.django_db


def test_the_organisation_constraints_explain_themselves(world):
    user = User(username="baru", role=Role.OFFICER)

    with pytest.raises(ValidationError) as excinfo:
        user.full_clean()

    assert "Petugas dan PIMPASA harus memilih kantor imigrasi." in str(excinfo.value)


def test_the_admin_add_form_shows_a_constraint_error_instead_of_crashing(login, world):
    response = login(world.admin).post(
        reverse("admin:accounts_user_add"),
        {
            "username": "petugas.baru",
            "usable_password": "true",
            "password1": "sandi-petugas-baru-2025",
            "password2": "sandi-petugas-baru-2025",
            "role": Role.LIAISON,
        },
    )

    assert response.status_code == 200
    assert "Perangkat desa / kader harus memilih desa/kelurahan." in response.content.decode()
    assert not User.objects.filter(username="petugas.baru").exists()


def test_the_admin_pages_open_for_the_national_admin(login, world):
    LoginFailure.objects.create(username="budi")
    client = login(world.admin)

    for name in (
        "accounts_user_changelist",
        "accounts_loginfailure_changelist",
        "otp_totp_totpdevice_changelist",
    ):
        assert client.get(reverse(f"admin:{name}")).status_code == 200, name
    assert client.get(reverse("admin:accounts_user_change", args=[world.ani.pk])).status_code == 200


def test_it_validates_scope(login, world, client):
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 302
    assert login(world.ani).get(reverse("admin:accounts_user_changelist")).status_code == 302
