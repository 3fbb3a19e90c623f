"""403, 404 and 500 in the site's layout, in the user's language, each with a way back."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import get_resolver, reverse
from django.utils import translation
from django.views.defaults import permission_denied

from desabinaan import urls as root_urls

LAYOUT = 'class="top"'  # the site's header (base.html)


def test_a_liaison_opening_an_office_only_page_gets_the_sites_403_in_indonesian(world, login):
    response = login(world.budi).get(reverse("protection:screening_new"))
    assert response.status_code == 403
    html = response.content.decode()
    assert LAYOUT in html
    assert "Akses ditolak" in html
    assert "Forbidden" not in html
    assert f'href="{reverse("web:dashboard")}"' in html  # the way back, for a signed-in user


def test_the_403_page_follows_the_users_language(world, login):
    client = login(world.budi)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("protection:screening_new"))
    assert response.status_code == 403
    assert '<html lang="en">' in response.content.decode()


def test_an_anonymous_403_offers_signing_in_and_the_home_page(db):
    request = RequestFactory().get("/rahasia/")
    request.user = AnonymousUser()
    response = permission_denied(request, PermissionDenied())
    html = response.content.decode()
    assert response.status_code == 403
    assert reverse("accounts:login") in html
    assert f'href="{reverse("web:home")}"' in html


def test_an_unknown_url_gets_the_sites_404_page_with_a_way_back(client, db):
    response = client.get("/tidak-ada-halaman-ini/")
    html = response.content.decode()
    assert response.status_code == 404
    assert LAYOUT in html
    assert "Halaman tidak ditemukan" in html
    assert f'href="{reverse("web:home")}"' in html


def test_handler500_renders_the_sites_500_page_without_a_request_context(db):
    view = get_resolver(root_urls).resolve_error_handler(500)
    with translation.override("id"):
        response = view(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert LAYOUT in html
    assert "Terjadi kesalahan" in html
    assert 'href="/"' in html
