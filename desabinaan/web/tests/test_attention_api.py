"""GET /api/v1/me/attention: the dashboard's work inbox as JSON, from the same selector, per persona."""

import pytest

from desabinaan.accounts.services import api_token_create
from desabinaan.web.selectors import inbox_for

from .inbox_data import OFFICE_KINDS, ONE_OF_EACH

URL = "/api/v1/me/attention"
CONTRACT_KINDS = {
    "reports_new",
    "questions_unanswered",
    "readiness_flagged",
    "screenings_undecided",
    "referrals_open",
    "referrals_overdue",
    "imports_failed",
}


def attention(client, **headers) -> dict[str, dict]:
    response = client.get(URL, headers=headers)
    assert response.status_code == 200, response.content
    return {item["kind"]: item for item in response.json()["items"]}


@pytest.mark.django_db
class TestAttentionApi:
    def test_it_refuses_anonymous_callers(self, client, world):
        assert client.get(URL).status_code == 401

    def test_it_answers_a_token_with_the_contract_fields(self, client, inboxes):
        _token, raw = api_token_create(user=inboxes.ani, name="ponsel")  # PIMPASA: no triage
        items = attention(client, Authorization=f"Bearer {raw}")
        assert CONTRACT_KINDS <= set(items) == OFFICE_KINDS
        assert {kind: item["count"] for kind, item in items.items()} == ONE_OF_EACH
        assert set(items["reports_new"]) == {"kind", "count", "label", "url"}
        assert items["reports_new"]["url"] == "/perlindungan/laporan/?status=new"
        assert items["reports_new"]["label"] == "Laporan masyarakat baru"

    def test_it_validates_scope(self, login, inboxes):
        # dewi (Kanim Bandung) counts Bandung's share only; budi (liaison) his village's to-dos only.
        assert {k: i["count"] for k, i in attention(login(inboxes.dewi)).items()} == ONE_OF_EACH
        budi = attention(login(inboxes.budi))
        assert set(budi) == {
            "referrals_open",
            "referrals_overdue",
            "questions_answered",
            "events_upcoming",
            "consent_missing",
            "data_requests_open",
            "data_requests_overdue",
        }
        assert budi["referrals_open"]["count"] == 1
        citra = attention(login(inboxes.citra))
        assert citra["referrals_open"]["count"] == 0
        assert citra["events_upcoming"]["count"] == 0

    def test_the_page_and_the_api_agree(self, login, inboxes):
        client = login(inboxes.eka)
        page = client.get("/beranda/").context
        from_page = {i.kind: (i.count, i.url) for i in [*page["inbox"], *page["inbox_clear"]]}
        from_api = {k: (i["count"], i["url"]) for k, i in attention(client).items()}
        assert from_page == from_api == {i.kind: (i.count, i.url) for i in inbox_for(user=inboxes.eka)}

    def test_it_uses_a_bounded_number_of_queries(self, client, inboxes, django_assert_max_num_queries):
        _token, raw = api_token_create(user=inboxes.admin, name="ponsel")
        with django_assert_max_num_queries(20):
            attention(client, Authorization=f"Bearer {raw}")
