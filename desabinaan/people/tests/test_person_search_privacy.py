"""A NIK or phone number typed into the name search is not searched, echoed or carried on links."""

from desabinaan.people.views import NAME_SEARCH_HAS_DIGITS

NIK = "1708041205990009"


def test_a_nik_in_the_name_search_redirects_without_it(world, login):
    response = login(world.fajar).get(f"/orang/?q={NIK}", follow=True)
    assert response.redirect_chain == [("/orang/", 302)]
    body = response.content.decode()
    assert NIK not in body and str(NAME_SEARCH_HAS_DIGITS) in body


def test_the_consent_filter_survives_the_redirect(world, login):
    response = login(world.fajar).get("/orang/?q=0812-3456-7890&consent=missing")
    assert response["Location"] == "/orang/?consent=missing"


def test_the_name_field_refuses_digits_in_the_browser(world, login):
    body = login(world.fajar).get("/orang/?q=Sari").content.decode()
    assert 'pattern="[^0-9]*"' in body and 'value="Sari"' in body
