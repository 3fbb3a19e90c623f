"""Help lines as cited, dated data (docs/rules.md §4), shown on the report page, the learning pages and the printed
passport guide. Expected numbers from the services' own announcements: 110 (Polri), SAPA 129 and WhatsApp
08111-129-129 (KemenPPPA, 21 Sep 2023), KP2MI 0800-1000 and +62 21 2924 4800 (call centre since 2011)."""

import datetime as dt

from django.template import Context, Template
from django.template.loader import get_template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from desabinaan.offices.models import Kanim
from desabinaan.protection import selectors
from desabinaan.protection.models import HelpLine


def test_the_numbers_come_from_their_sources(db):
    lines = {line.code: line for line in selectors.help_lines()}
    assert lines["emergency-110"].href == "tel:110"
    assert lines["sapa-129"].value == "129"
    assert lines["sapa-129-wa"].href == "https://wa.me/628111129129"
    assert lines["kp2mi-call-centre"].value == "0800-1000"
    assert lines["kp2mi-abroad"].href == "tel:+622129244800"
    assert lines["kemlu-peduli-wni"].href == "https://peduliwni.kemlu.go.id"
    assert "kemlu-safe-travel" in lines
    assert all(line.citation and line.checked_on for line in lines.values())


def test_a_changed_number_is_a_new_dated_row_and_the_newest_in_force_wins(db):
    old = HelpLine.objects.get(code="kp2mi-call-centre")
    HelpLine.objects.create(
        code=old.code,
        name=old.name,
        kind="phone",
        value="0800-2000",
        description=old.description,
        citation="uji",
        checked_on=dt.date(2027, 1, 1),
        effective_from=dt.date(2027, 1, 1),
    )
    assert {line.code: line.value for line in selectors.help_lines()}["kp2mi-call-centre"] == "0800-1000"
    later = {line.code: line.value for line in selectors.help_lines(on=dt.date(2027, 1, 2))}
    assert later["kp2mi-call-centre"] == "0800-2000"


def test_the_report_page_says_it_is_not_a_police_report_and_lists_the_lines(db):
    page = Client().get("/lapor/").content.decode()
    assert "Ini bukan laporan polisi." in page
    assert 'href="tel:110"' in page and "SAPA 129" in page and "0800-1000" in page
    # The "to be confirmed" flag (KP2MI WhatsApp has no official source yet) is for officers only.
    assert "0811-8080-141" in page and 'data-testid="to-confirm"' not in page
    assert "Keluarga di luar negeri dalam kesulitan" in page


def test_officers_see_the_to_be_confirmed_flag(world, login):
    page = login(world.fajar).get("/lapor/").content.decode()
    assert (
        page.count('data-testid="to-confirm"')
        == HelpLine.objects.filter(needs_confirmation=True).count()
        == 1
    )


def test_the_learning_pages_and_the_printed_guide_show_them(db):
    learning = Client().get(reverse("events:learn_module", args=["tempat-melapor"]))
    assert 'data-testid="help-lines"' in learning.content.decode()


def test_english_mode_shows_english_names(db):
    with translation.override("en"):
        names = [line.display_name for line in selectors.help_lines()]
    assert "Police — emergency call" in names


def test_a_report_can_be_about_family_abroad_in_trouble(db):
    response = Client().post(
        "/api/v1/reports",
        {"category": "family_abroad", "description": "Adik saya di Kamboja tidak boleh pulang"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content


def test_the_office_contacts_come_from_the_office_record_and_the_printed_guide_has_them(world):
    kanim = Kanim.objects.get(name__contains="Bengkulu")
    kanim.phone, kanim.address = "(0736) 000-000", "Jl. Contoh No. 1, Bengkulu"
    kanim.save()
    html = Template("{% load protection_help %}{% help_lines office=office %}").render(
        Context({"office": kanim})
    )
    assert 'href="tel:0736000000"' in html and "Jl. Contoh No. 1" in html and "0800-1000" in html
    assert "{% help_lines office=office %}" in get_template("passport/print.html").template.source
