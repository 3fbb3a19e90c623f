"""Every page and endpoint of the program app against every persona (test_it_validates_scope)."""

import pytest
from django.test import Client
from django.urls import reverse

from desabinaan.program.models import Activity, Question
from desabinaan.program.services import activity_create, question_record

# Expected status of each village page (for Tebat Monok) per persona. 404: the village is outside the persona's
# scope (citra: another village; dewi: another Kanim). 403: in scope but not allowed: Kanwil staff (eka) only read,
# the liaison (budi) works in the village but does not manage it, a partner agency (gita) has no village scope.
PERSONAS = ("ani", "fajar", "admin", "budi", "citra", "dewi", "eka", "gita")
VILLAGE_PAGES = [
    # url name                  ani  fajar admin budi citra dewi eka  gita
    ("program:detail",         (200, 200, 200, 200, 404, 404, 200, 403)),
    ("program:evaluation",     (200, 200, 200, 200, 404, 404, 200, 403)),
    ("program:certificate",    (200, 200, 200, 200, 404, 404, 200, 403)),
    ("program:transition",     (200, 200, 200, 403, 404, 404, 403, 403)),
    ("program:sk_upload",      (200, 200, 200, 403, 404, 404, 403, 403)),
    ("program:pimpasa_add",    (200, 200, 200, 403, 404, 404, 403, 403)),
    ("program:liaison_add",    (200, 200, 200, 403, 404, 404, 403, 403)),
    ("program:activity_add",   (200, 200, 200, 200, 404, 404, 403, 403)),
    ("program:question_add",   (200, 200, 200, 200, 404, 404, 403, 403)),
    ("program:foreigner_add",  (200, 200, 200, 200, 404, 404, 403, 403)),
    ("program:public_contact", (200, 200, 200, 200, 404, 404, 403, 403)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "persona", "expected"),
    [
        (name, persona, code)
        for name, codes in VILLAGE_PAGES
        for persona, code in zip(PERSONAS, codes, strict=True)
    ],
)
def test_it_validates_scope_on_village_pages(world, tebat, login, name, persona, expected):
    response = login(getattr(world, persona)).get(reverse(name, args=[tebat.pk]))
    assert response.status_code == expected


@pytest.mark.parametrize("name", [name for name, _ in VILLAGE_PAGES])
def test_village_pages_send_anonymous_users_to_login(world, tebat, name):
    response = Client().get(reverse(name, args=[tebat.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.parametrize("name", ["program:list", "program:candidates", "program:foreigner_notes"])
def test_it_validates_scope_on_lists(world, tebat, login, name):
    for persona in ("fajar", "budi", "eka", "dewi", "citra", "admin"):
        assert login(getattr(world, persona)).get(reverse(name)).status_code == 200
    assert login(world.gita).get(reverse(name)).status_code == 403
    assert Client().get(reverse(name)).status_code == 302


def test_the_list_shows_only_villages_in_scope(world, tebat, login):
    def names(persona):
        return login(getattr(world, persona)).get(reverse("program:list")).content.decode()

    assert world.tebat_monok.name in names("budi")
    assert world.other_village.name not in names("budi")
    assert world.other_village.name in names("citra")
    assert world.tebat_monok.name not in names("citra")
    assert world.tebat_monok.name not in names("dewi")
    assert world.tebat_monok.name in names("eka")


def test_propose_page_is_for_office_writers_only(world, login):
    url = reverse("program:propose")
    assert login(world.fajar).get(url).status_code == 200
    for persona in ("budi", "eka", "gita"):
        assert login(getattr(world, persona)).get(url).status_code == 403
    assert Client().get(url).status_code == 302


def test_item_pages_validate_scope(world, tebat, sk_pdf, login):
    activity = activity_create(
        actor=world.budi, desa_binaan=tebat, kind="visit", date="2025-01-10", place="Balai"
    )
    question = question_record(actor=world.budi, desa_binaan=tebat, topic="passport", text="Bagaimana?")
    from desabinaan.program.services import desa_binaan_sk_attach

    desa_binaan_sk_attach(actor=world.fajar, desa_binaan=tebat, sk_file=sk_pdf)
    urls = {
        "sk": reverse("program:sk_file", args=[tebat.pk]),
        "edit": reverse("program:activity_edit", args=[tebat.pk, activity.pk]),
        "answer": reverse("program:question_answer", args=[tebat.pk, question.pk]),
    }
    for persona, expected in {
        "budi": 200,
        "fajar": 200,
        "eka": 200,
        "citra": 404,
        "dewi": 404,
        "gita": 403,
    }.items():
        assert login(getattr(world, persona)).get(urls["sk"]).status_code == expected, persona
    # Only the author edits an activity.
    assert login(world.budi).get(urls["edit"]).status_code == 200
    assert login(world.fajar).get(urls["edit"]).status_code == 403
    assert login(world.citra).get(urls["edit"]).status_code == 404
    # Only the office answers.
    assert login(world.fajar).get(urls["answer"]).status_code == 200
    for persona, expected in {"budi": 403, "eka": 403, "dewi": 404}.items():
        assert login(getattr(world, persona)).get(urls["answer"]).status_code == expected
    for url in urls.values():
        assert Client().get(url).status_code == 302


def test_post_only_actions_validate_scope(world, tebat, login):
    assignment = tebat.pimpasa_assignments.get()
    question = question_record(actor=world.fajar, desa_binaan=tebat, topic="visa", text="Visa?")
    question.answer = "Jawab"
    question.save()
    posts = [
        reverse("program:pimpasa_end", args=[tebat.pk, assignment.pk]),
        reverse("program:liaison_deactivate", args=[tebat.pk, world.budi.pk]),
        reverse("program:question_publish", args=[tebat.pk, question.pk]),
    ]
    for url in posts:
        assert login(world.dewi).post(url).status_code == 404
        assert login(world.eka).post(url).status_code == 403
        assert login(world.budi).post(url).status_code == 403
        assert login(world.gita).post(url).status_code == 403
    assignment.refresh_from_db()
    world.budi.refresh_from_db()
    question.refresh_from_db()
    assert assignment.valid_to is None and world.budi.is_active and question.published_at is None


@pytest.mark.parametrize("name", ["program:directory", "program:faq"])
def test_public_pages_need_no_login(db, name):
    assert Client().get(reverse(name)).status_code == 200


def test_the_list_page_has_a_bounded_number_of_queries(world, tebat, login, django_assert_max_num_queries):
    from desabinaan.program.services import desa_binaan_propose
    from desabinaan.regions.models import Village

    for village in Village.objects.filter(district_id__in=["17.71.01", "17.03.12"]).exclude(
        desa_binaan__isnull=False
    )[:12]:
        desa_binaan_propose(actor=world.fajar, village=village, criteria=["kemiskinan"])
    client = login(world.fajar)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("program:list"))
    assert response.content.decode().count('href="/desa-binaan/') >= 14
    with django_assert_max_num_queries(15):
        client.get(reverse("program:candidates"))


def test_the_workspace_has_a_bounded_number_of_queries(world, tebat, login, django_assert_max_num_queries):
    for i in range(5):
        activity_create(
            actor=world.budi, desa_binaan=tebat, kind="visit", date="2025-01-10", place=f"Balai {i}"
        )
        question_record(actor=world.budi, desa_binaan=tebat, topic="passport", text=f"Tanya {i}")
    client = login(world.fajar)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("program:detail", args=[tebat.pk]))
    assert response.status_code == 200
    assert Activity.objects.count() == 5 and Question.objects.count() == 5
