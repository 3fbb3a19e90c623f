import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from desabinaan.accounts.models import LoginFailure
from desabinaan.accounts.services import INVALID_LOGIN, LOCKED_OUT
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def _post(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def _fail(client, username, times):
    for _ in range(times):
        _post(client, username, "wrong-password")


def test_it_logs_a_liaison_in_and_sends_them_to_the_dashboard(client, world):
    response = _post(client, "budi", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("web:dashboard")
    assert client.get(reverse("web:dashboard")).status_code == 200


def test_it_rejects_a_wrong_password_without_saying_whether_the_username_exists(client, world):
    wrong_password = _post(client, "budi", "wrong-password")
    unknown_user = _post(client, "nobody-here", "wrong-password")

    assert str(INVALID_LOGIN) in wrong_password.content.decode()
    assert str(INVALID_LOGIN) in unknown_user.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_locks_a_username_after_five_failures_and_refuses_even_the_right_password(client, world, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    _fail(client, "budi", 4)
    assert LoginFailure.objects.filter(username="budi").count() == 4

    fifth = _post(client, "budi", "wrong-password")
    right = _post(client, "budi", PASSWORD)

    assert str(LOCKED_OUT) in fifth.content.decode()
    assert right.status_code == 200
    assert str(LOCKED_OUT) in right.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_locks_unknown_usernames_the_same_way(client, world):
    _fail(client, "nobody-here", 5)

    assert str(LOCKED_OUT) in _post(client, "nobody-here", "x").content.decode()


def test_it_lets_the_user_in_again_once_the_window_has_passed(client, world, settings):
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 900
    start = dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        _fail(client, "budi", 5)
    with time_machine.travel(start + dt.timedelta(seconds=899), tick=False):
        assert str(LOCKED_OUT) in _post(client, "budi", PASSWORD).content.decode()
    with time_machine.travel(start + dt.timedelta(seconds=901), tick=False):
        response = _post(client, "budi", PASSWORD)
        # Inside the travel: the session is dated 2025 and would have expired by the real clock.
        assert client.session["_auth_user_id"] == str(world.budi.pk)

    assert response.status_code == 302


def test_it_clears_the_failures_of_a_username_after_a_success(client, world):
    _fail(client, "budi", 3)
    _fail(client, "citra", 2)

    _post(client, "BUDI ", "wrong-password")  # case and spaces do not dodge the counter
    assert LoginFailure.objects.filter(username="budi").count() == 4
    _post(client, "budi", PASSWORD)

    assert not LoginFailure.objects.filter(username="budi").exists()
    assert LoginFailure.objects.filter(username="citra").count() == 2


def test_it_lists_the_demo_accounts_only_in_demo_mode(client, settings):
    settings.DEMO_MODE = False
    assert "kanwil.bengkulu" not in client.get(LOGIN).content.decode()

    settings.DEMO_MODE = True
    settings.DEMO_PASSWORD = "demo-pass-xyz"
    page = client.get(LOGIN).content.decode()

    for username in (
        "admin",
        "kanwil.bengkulu",
        "kanim.bengkulu",
        "pimpasa.bengkulu",
        "desa.tebatmonok",
        "desa.lain",
        "kanim.lain",
    ):
        assert f"<code>{username}</code>" in page
    assert "demo-pass-xyz" in page


def test_it_logs_out_on_post(client, world):
    _post(client, "budi", PASSWORD)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
