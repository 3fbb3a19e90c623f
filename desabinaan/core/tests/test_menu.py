"""The menu shows each role what it can use: every link shown opens, the role's refused pages are not offered."""

import pytest
from django.urls import reverse

MENU = {
    "people": "people:list",
    "program": "program:list",
    "events": "events:list",
    "readiness": "passport:readiness_list",
    "protection": "protection:index",
    "regions": "regions:search",
    "tokens": "accounts:tokens",
    "admin": "admin:index",
}
EXPECTED = {
    "budi": {"people", "program", "events", "readiness", "protection"},  # village liaison
    "ani": {"people", "program", "events", "readiness", "protection", "regions", "tokens"},  # PIMPASA
    "eka": {"people", "program", "events", "readiness", "protection", "regions", "tokens"},  # Kanwil
    "gita": {"protection", "tokens"},  # partner agency
    "admin": set(MENU),
}


def _menu_links(html: str) -> set[str]:
    nav = html[html.index('<nav aria-label="Menu utama">') : html.index("</nav>")]
    return {key for key, name in MENU.items() if f'href="{reverse(name)}"' in nav}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_the_menu_shows_the_role_only_what_it_can_use(world, login, persona):
    client = login(getattr(world, persona))
    shown = _menu_links(client.get(reverse("web:dashboard")).content.decode())
    assert shown == EXPECTED[persona]
    for (
        key
    ) in shown:  # each link shown opens (a redirect inside the app counts: protection sends non-office on)
        assert client.get(reverse(MENU[key])).status_code in (200, 302), key


@pytest.mark.parametrize("persona", ["budi", "gita"])
def test_the_menu_hides_what_the_page_refuses(world, login, persona):
    client = login(getattr(world, persona))
    for key in {"program", "events", "readiness", "admin"} - EXPECTED[persona]:
        assert client.get(reverse(MENU[key])).status_code in (302, 403), key


def test_the_liaisons_menu_has_no_api_tokens_and_no_region_search(world, login):
    html = login(world.budi).get(reverse("web:dashboard")).content.decode()
    nav = html[html.index('<nav aria-label="Menu utama">') : html.index("</nav>")]
    assert "Token API" not in nav
    assert "Wilayah" not in nav
