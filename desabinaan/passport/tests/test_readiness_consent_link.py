"""The readiness check's link to record a missing consent opens the consent form with passport assistance already
ticked (?tujuan=passport), so the liaison does not have to find the right purpose among three (issue 14)."""

import re

from desabinaan.people.models import Purpose

URL = "/paspor/kesiapan/baru/"


def _ticked(page: str) -> set[str]:
    return {
        value
        for tag in re.findall(r"<input[^>]*name=\"purposes\"[^>]*>", page)
        if " checked" in tag
        for value in re.findall(r'value="([^"]+)"', tag)
    }


def test_the_consent_link_ticks_passport_assistance(world, login, make_person):
    yanti = make_person("Yanti Tanpa Persetujuan", consent=False)
    client = login(world.budi)
    page = client.post(URL, {"person": yanti.pk, "purpose": "tourism", "case": "new"}).content.decode()
    link = f"/orang/{yanti.pk}/persetujuan/?tujuan=passport"
    assert f'href="{link}"' in page
    assert _ticked(client.get(link).content.decode()) == {Purpose.PASSPORT.value}


def test_the_consent_link_opens_nothing_for_a_liaison_of_another_village(world, login, make_person):
    yanti = make_person("Yanti Tanpa Persetujuan", consent=False)
    assert login(world.citra).get(f"/orang/{yanti.pk}/persetujuan/?tujuan=passport").status_code == 404
