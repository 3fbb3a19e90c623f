"""Collective passport requests (Eazy Passport): applicants, refusals, the minimum rule, the letter, the decision."""

import datetime as dt
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pypdf import PdfReader

from desabinaan.audit.models import AccessEntry, AuditEntry
from desabinaan.passport import services, texts
from desabinaan.passport.models import CollectiveRequest, CollectiveServiceRule

SOON = timezone.localdate() + dt.timedelta(days=14)


def details(world, **fields):
    return {
        "village": world.tebat_monok,
        "proposed_date": SOON,
        "place": "Balai Desa Tebat Monok",
        "contact_name": "Budi Santoso",
        "contact_phone": "081234000111",
    } | fields


@pytest.fixture
def residents(make_person):
    return [make_person(f"Warga Tebat {n:02d}", birth_date=dt.date(1990, 1, 1 + n % 28)) for n in range(3)]


@pytest.fixture
def small_rule(db):
    """A rule of 3 applicants, so tests need not register 50 persons (the default rule is tested separately)."""
    rule = CollectiveServiceRule.objects.get()
    rule.min_applicants = 3
    rule.save()
    return rule


def pdf_text(response) -> str:
    return re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    )


def test_the_default_minimum_is_50_with_none_for_vulnerable_groups(world):
    rule = CollectiveServiceRule.objects.get()
    assert (rule.min_applicants, rule.vulnerable_min_applicants) == (50, 1)
    assert "Eazy Passport" in rule.citation


def test_lost_and_damaged_applicants_are_refused_with_the_reason(world, residents):
    kinds = ["new", "lost", "damaged_expired"]
    with pytest.raises(services.ApplicantsRefused) as refused:
        services.collective_request_create(
            actor=world.budi,
            **details(world),
            applicants=[(p.pk, kind) for p, kind in zip(residents, kinds, strict=True)],
        )
    problems = refused.value.problems
    assert [p["index"] for p in problems] == [1, 2]
    assert {p["message"] for p in problems} == {str(texts.COLLECTIVE_LOST_DAMAGED_REFUSED)}
    assert not CollectiveRequest.objects.exists()


def test_unknown_twice_and_out_of_scope_applicants_are_refused(world, residents, make_person):
    outsider = make_person("Warga Urai", village=world.other_village)
    with pytest.raises(services.ApplicantsRefused) as refused:
        services.collective_request_create(
            actor=world.budi,
            **details(world),
            applicants=[
                (residents[0].pk, "new"),
                (residents[0].pk, "new"),
                (outsider.pk, "new"),
                (residents[1].pk, "x"),
            ],
        )
    assert [p["message"] for p in refused.value.problems] == [
        str(texts.COLLECTIVE_PERSON_TWICE),
        str(texts.COLLECTIVE_PERSON_NOT_FOUND),
        str(texts.COLLECTIVE_UNKNOWN_TYPE),
    ]


def test_the_minimum_rule_applies_when_submitting(world, residents):
    request = services.collective_request_create(
        actor=world.budi, **details(world), applicants=[(p.pk, "new") for p in residents]
    )
    with pytest.raises(ValidationError) as error:
        services.collective_request_submit(actor=world.budi, request=request)
    assert "paling sedikit 50 pemohon (sekarang 3)" in str(error.value)
    request.refresh_from_db()
    assert request.status == "draft"


def test_a_vulnerable_group_has_no_minimum_but_needs_a_reason(world, residents):
    with pytest.raises(ValidationError):
        services.collective_request_create(actor=world.budi, **details(world, vulnerable_group=True))
    request = services.collective_request_create(
        actor=world.budi,
        **details(world, vulnerable_group=True, vulnerable_reason="Warga lansia di dusun terpencil"),
        applicants=[(residents[0].pk, "replacement_full")],
    )
    services.collective_request_submit(actor=world.budi, request=request)
    assert request.status == "submitted"


def test_the_office_accepts_with_a_date_or_declines_with_a_reason(world, residents, small_rule):
    request = services.collective_request_create(
        actor=world.budi, **details(world), applicants=[(p.pk, "new") for p in residents]
    )
    services.collective_request_submit(actor=world.budi, request=request)
    with pytest.raises(PermissionDenied):
        services.collective_request_decide(
            actor=world.budi, request=request, decision="accepted", service_date=SOON
        )
    with pytest.raises(PermissionDenied):
        services.collective_request_decide(
            actor=world.eka, request=request, decision="accepted", service_date=SOON
        )
    with pytest.raises(ValidationError):
        services.collective_request_decide(actor=world.fajar, request=request, decision="accepted")
    with pytest.raises(ValidationError):
        services.collective_request_decide(actor=world.fajar, request=request, decision="declined")
    services.collective_request_decide(
        actor=world.ani, request=request, decision="accepted", service_date=SOON
    )
    request.refresh_from_db()
    assert (request.status, request.service_date, request.decided_by) == ("accepted", SOON, world.ani)
    assert AuditEntry.objects.filter(target_type="passport.collectiverequest", action="update").count() >= 2


def test_a_submitted_request_cannot_change_its_applicants(world, residents, small_rule, make_person):
    request = services.collective_request_create(
        actor=world.budi, **details(world), applicants=[(p.pk, "new") for p in residents]
    )
    services.collective_request_submit(actor=world.budi, request=request)
    with pytest.raises(ValidationError):
        services.collective_applicants_add(
            actor=world.budi, request=request, applicants=[(make_person("Baru").pk, "new")]
        )


def test_writes_are_audited_without_the_contact_phone(world, residents):
    request = services.collective_request_create(
        actor=world.budi, **details(world), applicants=[(residents[0].pk, "new")]
    )
    entries = AuditEntry.objects.filter(target_type="passport.collectiverequest", target_id=str(request.pk))
    assert {e.action for e in entries} == {"create", "update"}
    assert "081234000111" not in str([e.changes for e in entries])


@pytest.fixture
def submitted(world, residents, small_rule):
    request = services.collective_request_create(
        actor=world.budi,
        **details(world),
        applicants=[
            (residents[0].pk, "new"),
            (residents[1].pk, "replacement_expired"),
            (residents[2].pk, "new"),
        ],
    )
    return services.collective_request_submit(actor=world.budi, request=request)


def test_the_village_letter_masks_the_niks(world, login, submitted, residents):
    response = login(world.budi).get(f"/paspor/kolektif/{submitted.pk}/surat.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    for person in residents:
        assert person.name in text and person.nik_masked in text
    assert "01-01-1990" in text and "Balai Desa Tebat Monok" in text and "Budi Santoso" in text
    assert "Penggantian: habis masa berlaku" in text
    assert not re.search(r"\d{16}", text)


def test_the_official_copy_has_full_niks_for_office_roles_only_and_logs_each_read(
    world, login, submitted, residents
):
    url = f"/paspor/kolektif/{submitted.pk}/surat-resmi.pdf"
    for user in (world.budi, world.eka):
        assert login(user).get(url).status_code == 403
    assert login(world.dewi).get(url).status_code == 404
    assert not AccessEntry.objects.exists()
    response = login(world.fajar).get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    text = pdf_text(response)
    full = re.findall(r"\d{16}", text)
    assert len(full) == 3
    for nik in full:
        assert nik[:4] + "********" + nik[12:] in {p.nik_masked for p in residents}
    entries = AccessEntry.objects.filter(purpose=texts.COLLECTIVE_OFFICIAL_PURPOSE)
    assert sorted(e.person_id for e in entries) == sorted(p.pk for p in residents)
    assert {e.actor for e in entries} == {world.fajar}


def test_a_liaison_assembles_and_submits_and_sees_the_decision(world, login, residents, small_rule):
    budi = login(world.budi)
    response = budi.post(
        "/paspor/kolektif/baru/",
        {
            "village": world.tebat_monok.code,
            "proposed_date": SOON.isoformat(),
            "place": "Balai Desa",
            "contact_name": "Budi",
            "contact_phone": "0812",
        },
    )
    request = CollectiveRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/paspor/kolektif/{request.pk}/pemohon/"
    candidates = budi.get(response["Location"]).content.decode()
    assert all(p.name in candidates for p in residents)
    refused = budi.post(
        response["Location"], {"person": [residents[0].pk], f"type_{residents[0].pk}": "lost"}
    )
    assert refused.status_code == 422
    assert str(texts.COLLECTIVE_LOST_DAMAGED_REFUSED) in refused.content.decode()
    added = budi.post(
        response["Location"],
        {"person": [p.pk for p in residents], **{f"type_{p.pk}": "new" for p in residents}},
    )
    assert added.status_code == 302
    assert budi.post(f"/paspor/kolektif/{request.pk}/ajukan/").status_code == 302
    request.refresh_from_db()
    assert request.status == "submitted" and request.applicants.count() == 3
    assert 'name="decision"' not in budi.get(f"/paspor/kolektif/{request.pk}/").content.decode()
    fajar = login(world.fajar)
    assert 'name="decision"' in fajar.get(f"/paspor/kolektif/{request.pk}/").content.decode()
    fajar.post(
        f"/paspor/kolektif/{request.pk}/keputusan/", {"decision": "declined", "reason": "Jadwal penuh"}
    )
    page = budi.get(f"/paspor/kolektif/{request.pk}/").content.decode()
    assert "ditolak" in page and "Jadwal penuh" in page


PAGES = [
    "/paspor/kolektif/",
    "/paspor/kolektif/baru/",
    "/paspor/kolektif/{pk}/",
    "/paspor/kolektif/{pk}/surat.pdf",
]


@pytest.mark.parametrize("template", PAGES)
def test_it_validates_scope(client, world, login, submitted, template):
    url = template.format(pk=submitted.pk)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/akun/masuk/" in anonymous["Location"]
    assert login(world.budi).get(url).status_code == 200
    assert login(world.gita).get(url).status_code in (403, 404)
    if "{pk}" in template:
        assert login(world.citra).get(url).status_code == 404
        assert login(world.dewi).get(url).status_code == 404
        assert login(world.eka).get(url).status_code == 200
    elif url.endswith("/baru/"):
        assert login(world.eka).get(url).status_code == 403


def test_the_decision_and_editing_pages_refuse_outsiders(world, login, submitted):
    decide = f"/paspor/kolektif/{submitted.pk}/keputusan/"
    assert login(world.dewi).post(decide, {"decision": "accepted"}).status_code == 404
    assert login(world.budi).post(decide, {"decision": "accepted", "service_date": SOON}).status_code == 403
    assert login(world.budi).get(f"/paspor/kolektif/{submitted.pk}/pemohon/").status_code == 403
    assert login(world.citra).post(f"/paspor/kolektif/{submitted.pk}/ajukan/").status_code == 404


def test_lists_make_a_bounded_number_of_queries(world, login, make_person, django_assert_max_num_queries):
    people = [make_person(f"Warga {n}") for n in range(5)]
    for n in range(30):
        services.collective_request_create(
            actor=world.budi,
            **details(world, place=f"Tempat {n}"),
            applicants=[(p.pk, "new") for p in people],
        )
    client = login(world.ani)
    client.get("/paspor/kolektif/")
    with django_assert_max_num_queries(12):
        response = client.get("/paspor/kolektif/")
    assert response.content.decode().count('href="/paspor/kolektif/') >= 25
